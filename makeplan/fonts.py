"""Which fonts a sheet prints with, and which characters they cannot show.

A sheet whose text fits the Windows-1252 character set (English and Western
European letters) uses the PDF standard fonts (Helvetica and friends): every
viewer and printer has them and they cost no bytes. When the text needs other
letters (a name in Greek or Cyrillic, say), the sheet uses the bundled DejaVu
Sans, embedded as a subset of just the letters used. `--font` puts a TrueType
file of the user's choice in its place. Characters the chosen font lacks
are listed in one warning rather than left out unannounced.

This module is pure: the renderer registers the fonts and tells which
characters a TrueType font has.
"""

from __future__ import annotations

import hashlib
import re
import string
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from makeplan.errors import InputFileError
from makeplan.inputs import read_input

STANDARD_ENCODING = "cp1252"
MAX_FONT_BYTES = 50_000_000
BUNDLED_REGULAR = "DejaVuSans"
BUNDLED_BOLD = "DejaVuSans-Bold"
USER_FONT = "UserFont"


@dataclass(frozen=True)
class FontChoice:
    """The regular and bold font names, and the TrueType data to register for them."""

    regular: str
    bold: str
    # (font name, TrueType bytes); empty for the standard fonts, which need none.
    files: tuple[tuple[str, bytes], ...] = ()
    origin: str = ""  # the --font path, for messages
    # With --font: the font that draws the characters the user's font lacks, so
    # makeplan's own wording (the safety note first) prints whatever font is chosen.
    fallback: str | None = None


def missing_from_standard(texts: Iterable[str | None]) -> list[str]:
    """The distinct characters in `texts` that the standard fonts cannot show, in order."""
    found: dict[str, None] = {}
    for text in texts:
        try:
            (text or "").encode(STANDARD_ENCODING)
            continue  # the common case: the whole text is fine, checked in one go
        except UnicodeEncodeError:
            pass
        for char in text or "":
            if char.isspace() or char in found:
                continue
            try:
                char.encode(STANDARD_ENCODING)
            except UnicodeEncodeError:
                found[char] = None
    return list(found)


def missing_from(texts: Iterable[str | None], covered: frozenset[int]) -> list[str]:
    """The distinct characters in `texts` that a font with `covered` code points lacks."""
    found: dict[str, None] = {}
    for text in texts:
        for char in text or "":
            if char.isspace() or ord(char) in covered or char in found:
                continue
            # Marks like variation selectors and joiners draw nothing of their own.
            if unicodedata.category(char) in ("Mn", "Cf") and ord(char) >= 0xFE00:
                continue
            found[char] = None
    return list(found)


def bundled_font(name: str) -> bytes:
    entry = resources.files("makeplan") / "assets" / "fonts" / f"{name}.ttf"
    return entry.read_bytes()


def choose_fonts(
    texts: Iterable[str | None],
    regular: str,
    bold: str,
    user_font: Path | None,
    language_font: str = "",
    language_bold: str = "",
) -> FontChoice:
    """The fonts for a sheet with these `texts`: the user's, standard, or the bundled ones.

    A language whose letters need a bundled font of their own (Arabic) names it: it
    is used in place of the standard fonts and DejaVu Sans, and under --font it draws
    what the user's font lacks.
    """
    fallback = language_font or BUNDLED_REGULAR
    if user_font is not None:
        data = read_input(
            user_font, f"--font {user_font}", "a TrueType (.ttf) font file", InputFileError,
            MAX_FONT_BYTES,
        )  # fmt: skip
        # Named after its contents: reportlab keeps the first font registered under a
        # name for the life of the process (a batch makes many sheets in one), so two
        # fonts must never share one.
        name = f"{USER_FONT}-{hashlib.sha256(data).hexdigest()[:12]}"
        # One file serves both: headings stand out by their size.
        return FontChoice(
            name,
            name,
            ((name, data), (fallback, bundled_font(fallback))),
            str(user_font),
            fallback=fallback,
        )
    if language_font:
        language_bold = language_bold or language_font
        return FontChoice(
            language_font,
            language_bold,
            tuple(dict.fromkeys([
                (language_font, bundled_font(language_font)),
                (language_bold, bundled_font(language_bold)),
            ])),
        )  # fmt: skip
    if not missing_from_standard(texts):
        return FontChoice(regular, bold)
    return FontChoice(
        BUNDLED_REGULAR,
        BUNDLED_BOLD,
        (
            (BUNDLED_REGULAR, bundled_font(BUNDLED_REGULAR)),
            (BUNDLED_BOLD, bundled_font(BUNDLED_BOLD)),
        ),
    )


# makeplan's own wording (title, safety note, labels, steps) is written in these.
OWN_WORDING_CHARACTERS = string.ascii_letters + string.digits + string.punctuation


def font_runs(
    text: str, font: str, covered: frozenset[int], fallback: str, fallback_covered: frozenset[int]
) -> list[tuple[str, str]]:
    """`text` cut into (font, part) runs: a word `font` cannot show in full is set in
    `fallback` when that can (so one word is never set in two styles), otherwise
    letter by letter in whichever has it. A space stays in the run it is in, so words
    set in one font read back as one line of text."""
    runs: list[tuple[str, str]] = []

    def add(use: str, part: str) -> None:
        if runs and runs[-1][0] == use:
            runs[-1] = (use, runs[-1][1] + part)
        else:
            runs.append((use, part))

    for word in re.split(r"(\s+)", text):
        codes = [ord(char) for char in word]
        if not word:
            continue
        if word.isspace():
            add(runs[-1][0] if runs else font, word)
        elif all(code in covered for code in codes):
            add(font, word)
        elif all(code in fallback_covered for code in codes):
            add(fallback, word)
        else:
            for char, code in zip(word, codes, strict=True):
                add(fallback if code not in covered and code in fallback_covered else font, char)
    return runs


def refuse_a_font_without_own_wording(covered: frozenset[int], choice: FontChoice) -> None:
    """A sheet is never written without its safety note: a --font that cannot show
    makeplan's own wording, even with the bundled font's help, is refused."""
    lacking = missing_from([OWN_WORDING_CHARACTERS], covered)
    if lacking:
        raise InputFileError(
            f"--font {choice.origin}: lacks letters that makeplan's own wording needs "
            f"({' '.join(lacking[:12])}), so the safety note would not print; choose a "
            "TrueType font that has the Latin alphabet too, or leave out --font."
        )


def unprintable_warning(missing: list[str], choice: FontChoice) -> str:
    """One warning naming the characters that print as empty boxes, and what to do."""
    shown = " ".join(f"{char} (U+{ord(char):04X})" for char in missing[:12])
    more = f" and {len(missing) - 12} more" if len(missing) > 12 else ""
    if choice.origin:
        fix = f"choose a --font with these letters instead of {choice.origin}"
    else:
        fix = "give --font with a TrueType font that has them"
    return (
        f"the font cannot show these characters, so they are left out of the sheet: "
        f"{shown}{more}; {fix}, or write them another way."
    )

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
    texts: Iterable[str | None], regular: str, bold: str, user_font: Path | None
) -> FontChoice:
    """The fonts for a sheet with these `texts`: the user's, standard, or the bundled ones."""
    if user_font is not None:
        data = read_input(
            user_font, f"--font {user_font}", "a TrueType (.ttf) font file", InputFileError,
            MAX_FONT_BYTES,
        )  # fmt: skip
        # One file serves both: headings stand out by their size.
        return FontChoice(USER_FONT, USER_FONT, ((USER_FONT, data),), str(user_font))
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

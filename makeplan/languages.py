"""The languages a sheet prints in: which there are, the one in use, and its words.

English is the source of every text. Each other language is data only (see
`locale/languages.toml`): a gettext message catalogue for makeplan's fixed
wording (`locale/<code>/LC_MESSAGES/makeplan.mo`, compiled from its `.po`), the
exercises' texts beside the English ones (`exercises/<code>/<id>.toml`), and,
where its letters need one, a bundled font. Dates, weekday and month names come
from CLDR through Babel, imported only when a sheet is not in English.

The language in use is a context variable set around placing a sheet
(`speaking`), so `wording` reads it without every layout function passing it on.

Right-to-left text is kept in logical order everywhere (so it is wrapped and
measured as written) and turned into drawing order one line at a time by
`visual`, just before it is drawn or measured: shaped (each letter in its joined
form) by arabic-reshaper, then reordered by python-bidi. Reordering a paragraph
before wrapping it would put its last words on its first line.
"""

from __future__ import annotations

import datetime as dt
import gettext as gettext_module
import io
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from importlib import resources

from makeplan.errors import DataError

ENGLISH = "en"
DOMAIN = "makeplan"


@dataclass(frozen=True)
class Language:
    """One language a sheet can print in, as `locale/languages.toml` describes it."""

    code: str
    name: str
    english_name: str
    direction: str = "ltr"
    font: str = ""
    bold_font: str = ""
    translator: str = ""
    reviewer: str = ""
    reviewed: str = ""

    @property
    def rtl(self) -> bool:
        return self.direction == "rtl"

    @property
    def clinically_reviewed(self) -> bool:
        return bool(self.reviewer and self.reviewed)

    @property
    def status(self) -> str:
        """'source text', 'clinically reviewed by X (date)' or 'not yet clinically reviewed'."""
        if self.code == ENGLISH:
            return "source text"
        if self.clinically_reviewed:
            return f"clinically reviewed by {self.reviewer} ({self.reviewed})"
        return "not yet clinically reviewed"


ENGLISH_LANGUAGE = Language(ENGLISH, "English", "English", translator="(source text)")
_FIELDS = ("name", "english_name", "direction", "font", "bold_font")
_OPTIONAL = ("translator", "reviewer", "reviewed")


@cache
def languages() -> dict[str, Language]:
    """Every language, English first, by code."""
    origin = "makeplan/locale/languages.toml"
    entry = resources.files("makeplan") / "locale" / "languages.toml"
    data = tomllib.loads(entry.read_text(encoding="utf-8"))
    found = {ENGLISH: ENGLISH_LANGUAGE}
    for code, table in data.items():
        missing = [key for key in _FIELDS if not isinstance(table.get(key), str)]
        unknown = sorted(set(table) - set(_FIELDS) - set(_OPTIONAL))
        if missing or unknown or table["direction"] not in ("ltr", "rtl"):
            raise DataError(
                f"{origin}: [{code}] needs {', '.join(_FIELDS)} as text, direction "
                f"'ltr' or 'rtl' (missing or wrong: {', '.join(missing + unknown) or 'direction'})."
            )
        found[code] = Language(code, **{key: str(value) for key, value in table.items()})
    return found


def language_codes() -> tuple[str, ...]:
    return tuple(languages())


def language(code: str) -> Language:
    try:
        return languages()[code]
    except KeyError:
        known = ", ".join(languages())
        raise DataError(f"no language {code!r}; expected one of {known}.") from None


@cache
def translations(code: str) -> gettext_module.NullTranslations:
    """The compiled message catalogue of `code` (none for English: its texts are the source)."""
    if code == ENGLISH:
        return gettext_module.NullTranslations()
    entry = resources.files("makeplan") / "locale" / code / "LC_MESSAGES" / f"{DOMAIN}.mo"
    try:
        data = entry.read_bytes()
    except FileNotFoundError:
        raise DataError(
            f"makeplan/locale/{code}/LC_MESSAGES/{DOMAIN}.mo is missing; compile the "
            "catalogues (see the README, 'Languages') or reinstall makeplan."
        ) from None
    return gettext_module.GNUTranslations(io.BytesIO(data))


_CURRENT: ContextVar[str] = ContextVar("makeplan_language", default=ENGLISH)


@contextmanager
def speaking(code: str) -> Iterator[Language]:
    """Within the block, `wording` speaks `code`."""
    found = language(code)
    token = _CURRENT.set(found.code)
    try:
        yield found
    finally:
        _CURRENT.reset(token)


def current() -> Language:
    return languages()[_CURRENT.get()]


def is_english() -> bool:
    return _CURRENT.get() == ENGLISH


def gettext(message: str) -> str:
    """`message` (English) in the language in use."""
    code = _CURRENT.get()
    return message if code == ENGLISH else translations(code).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a counted message the language's plural rules ask for `count`."""
    code = _CURRENT.get()
    if code == ENGLISH:
        return singular if count == 1 else plural
    return translations(code).ngettext(singular, plural, count)


def noop(message: str) -> str:
    """Marks a text for the catalogues where it is written; it is translated where used."""
    return message


def date_text(date: dt.date, pattern: str) -> str:
    """`date` in a CLDR pattern ('EEEE d MMMM y'), in the language in use (through Babel)."""
    from babel.dates import format_date

    return str(format_date(date, pattern, locale=_CURRENT.get()))


# --- right to left ---

_RTL_RANGES = ((0x0590, 0x08FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF))


def has_rtl(text: str) -> bool:
    """Whether `text` has a letter of a right-to-left script (Hebrew, Arabic)."""
    return any(low <= ord(char) <= high for char in text for low, high in _RTL_RANGES)


@cache
def _reshaper() -> object:
    from arabic_reshaper import ArabicReshaper

    # Ligatures off but lam-alef's (which every Arabic reader expects): a font may lack
    # the rarer ligature glyphs, and then a whole word would be missing.
    return ArabicReshaper(configuration={"delete_harakat": False, "support_ligatures": True})


@cache
def visual(line: str) -> str:
    """One line as it is drawn, left to right: letters in their joined forms, runs in
    display order (a Latin name or a number inside Arabic keeps its own order).
    Text without right-to-left letters is returned as it is."""
    if not has_rtl(line):
        return line
    from bidi import get_display

    shaped = _reshaper().reshape(line)  # type: ignore[attr-defined]
    return mirror_brackets(str(get_display(shaped, base_dir="R")))


_PAIRS = {"(": ")", "[": "]", "{": "}", "\u00ab": "\u00bb"}
_CLOSING = {closing: opening for opening, closing in _PAIRS.items()}


def mirror_brackets(line: str) -> str:
    """Brackets of a reordered line drawn facing the text they enclose.

    python-bidi reorders but does not mirror: a pair in right-to-left text comes out
    as ')...(' in drawing order. Such reversed pairs, and a lone bracket between
    right-to-left letters (a bracket whose pair went to another line), take the
    mirrored glyph; a pair around Latin text ('Jo Park (PT)') is left as it is.
    """
    chars = list(line)
    stack: list[int] = []
    for index, char in enumerate(chars):
        if char in _PAIRS or char in _CLOSING:
            top = chars[stack[-1]] if stack else None
            if top is not None and _PAIRS.get(char) == top:  # ')' ... '(' : reversed
                opened = stack.pop()
                chars[opened], chars[index] = char, top
            elif top is not None and _PAIRS.get(top) == char:  # '(' ... ')' : as written
                stack.pop()
            else:
                stack.append(index)
    for index in stack:  # unpaired on this line: mirrored beside right-to-left letters
        near = "".join(chars[max(0, index - 2) : index + 3])
        if has_rtl(near):
            chars[index] = _PAIRS.get(chars[index]) or _CLOSING[chars[index]]
    return "".join(chars)

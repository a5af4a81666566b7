"""Which characters the sheet's fonts can show.

The sheets use the PDF standard fonts (Helvetica and friends), which every
viewer and printer has and which cost no bytes to embed; they cover the
Windows-1252 character set (English and Western European letters). Anything
else would print as an empty box, so makeplan says so instead of letting it
happen silently.
"""

from __future__ import annotations

from collections.abc import Iterable

STANDARD_ENCODING = "cp1252"


def unprintable(texts: Iterable[str | None]) -> list[str]:
    """The distinct characters in `texts` that the standard fonts cannot show, in order."""
    found: dict[str, None] = {}
    for text in texts:
        for char in text or "":
            if char.isspace():
                continue
            try:
                char.encode(STANDARD_ENCODING)
            except UnicodeEncodeError:
                found[char] = None
    return list(found)

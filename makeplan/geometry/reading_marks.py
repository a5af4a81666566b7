"""The marks a photo or scan of a printed page is read by: pure arithmetic, no drawing.

Every page gets four ArUco markers (OpenCV's 4x4_50 dictionary, stored here as
data so printing needs no OpenCV), one in each corner of the page's margin
band, and a small QR code in the bottom band beside the lower-left marker. They
sit between the paper's edge and the margins, where nothing else is printed.

What they carry, so a page is found and named even when the QR code is too
small in a photo to read:

- the marker in the top-left corner is the page's number (from 0, modulo 50);
  the other three spell 17 bits of the sheet's identity in base 50;
- every marker is printed upright, so its own orientation in a photo says
  which way the page is turned, and so which corner each one is;
- the QR code holds the record version, the sheet's identity (16 hex digits)
  and the page number.

The reader (makeplan.scan) uses the same functions, so printing and reading
cannot drift apart.
"""

from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

from makeplan.geometry.items import MM, Code, Document, Marker

# The 50 markers of OpenCV's DICT_4X4_50: the inner 4x4 cells row by row from
# the top, the first cell in the highest bit, 1 for white. Generated once with
# cv2.aruco.generateImageMarker (tests check them against OpenCV when it is installed).
ARUCO_4X4_50 = (
    0xB532, 0x0F9A, 0x332D, 0x9946, 0x549E, 0x79CD, 0x9E2E, 0xC4F2, 0xFEDA, 0xCF56,
    0xF991, 0x11A7, 0x0EB7, 0x2A0F, 0x24B1, 0x263E, 0x4665, 0x6600, 0x6C5E, 0x76AF,
    0x868B, 0xB02B, 0xCCD5, 0xDD82, 0xFE47, 0x9471, 0xACE4, 0xA554, 0x2123, 0x346F,
    0x4415, 0x57B2, 0x9ECF, 0xF0CB, 0x08AE, 0x0929, 0x1875, 0x04FF, 0x0DF6, 0x1C5A,
    0x1718, 0x2A28, 0x328C, 0x38B2, 0x24E8, 0x2EEB, 0x2D3F, 0x4B64, 0x502E, 0x5013,
)  # fmt: skip
MARKER_CELLS = 6  # 4x4 pattern cells and a black border one cell wide

# A marker fills its corner of the margin band, up to this size: big enough to be
# found in a phone photo, small enough to cost little ink.
LARGEST_MM = 8.0
# Below this a marker is too small to find, so a page with narrower margins has none.
SMALLEST_MM = 4.0
# Nearer the paper's edge than this (1/6 inch), many laser printers cannot print.
EDGE_MM = 4.2
# White between a marker and the content's margin: a cell of a small marker.
GAP_MM = 0.6

# Which corner each marker is, in the order their ids are listed.
CORNERS = ("top-left", "top-right", "bottom-right", "bottom-left")
CODE_PREFIX = "MP"
IDENTITY_DIGITS = 16  # hex digits of the sheet's identity in the QR code
ID_COUNT = len(ARUCO_4X4_50)


class MarkSize(NamedTuple):
    """A marker's side and its distance from the paper's edges, in points."""

    size: float
    inset: float


def mark_size(margin: float) -> MarkSize | None:
    """The markers' size and inset for pages with `margin`; None when they do not fit."""
    size = min(LARGEST_MM * MM, margin - (EDGE_MM + GAP_MM) * MM)
    if size < SMALLEST_MM * MM - 1e-9:
        return None
    return MarkSize(round(size, 2), round(margin - GAP_MM * MM - size, 2))


def marker_ids(identity: str, page: int) -> tuple[int, int, int, int]:
    """The marker ids of page `page` (from 0) of the sheet `identity` (hex digits),
    in the order of CORNERS."""
    value = int(identity[:8], 16)
    digits = [(value // ID_COUNT**power) % ID_COUNT for power in range(3)]
    return (page % ID_COUNT, digits[0], digits[1], digits[2])


def marker_squares(width: float, height: float, marks: MarkSize) -> tuple[tuple[float, float], ...]:
    """The lower-left corners of the four markers on a page, in the order of CORNERS."""
    low, size = marks.inset, marks.size
    high_x, high_y = width - low - size, height - low - size
    return ((low, high_y), (high_x, high_y), (high_x, low), (low, low))


def marker_corner_points(
    width: float, height: float, marks: MarkSize
) -> tuple[tuple[tuple[float, float], ...], ...]:
    """Each marker's four corners in page points (y up), in the order OpenCV reports
    a marker's corners: its top-left, top-right, bottom-right, bottom-left."""
    size = marks.size
    return tuple(
        ((x, y + size), (x + size, y + size), (x + size, y), (x, y))
        for x, y in marker_squares(width, height, marks)
    )


def code_square(marks: MarkSize) -> tuple[float, float, float]:
    """The QR code's lower-left corner and size: in the bottom band, half a marker
    to the right of the lower-left marker, as tall as a marker."""
    x = marks.inset + marks.size * 1.5
    return (round(x, 2), marks.inset, marks.size)


def code_text(identity: str, page: int, version: int) -> str:
    """What the QR code holds, in the QR alphanumeric set (the smallest code):
    `MP<version>/<identity>/<page from 1>`."""
    return f"{CODE_PREFIX}{version}/{identity[:IDENTITY_DIGITS].upper()}/{page + 1}"


class CodeContent(NamedTuple):
    version: int
    identity: str  # lower-case hex digits
    page: int  # from 0


def parse_code(text: str) -> CodeContent | None:
    """The content of a makeplan QR code, or None when `text` is not one."""
    parts = text.strip().split("/")
    if len(parts) != 3 or not parts[0].startswith(CODE_PREFIX):
        return None
    version, identity, page = parts[0][len(CODE_PREFIX) :], parts[1].lower(), parts[2]
    if not (version.isdigit() and page.isdigit() and len(identity) == IDENTITY_DIGITS):
        return None
    if any(char not in "0123456789abcdef" for char in identity) or int(page) < 1:
        return None
    return CodeContent(int(version), identity, int(page) - 1)


def with_reading_marks(document: Document, identity: str, version: int) -> Document:
    """`document` with the markers and QR code on every page (none when its margins
    are too narrow for them)."""
    marks = mark_size(document.margin)
    if marks is None:
        return document
    squares = marker_squares(document.width, document.height, marks)
    x, y, size = code_square(marks)
    pages = []
    for number, page in enumerate(document.pages):
        ids = marker_ids(identity, number)
        markers = tuple(
            Marker(mx, my, marks.size, ARUCO_4X4_50[marker])
            for (mx, my), marker in zip(squares, ids, strict=True)
        )
        code = Code(x, y, size, code_text(identity, number, version))
        pages.append(replace(page, markers=markers, codes=(code,)))
    return replace(document, pages=tuple(pages))

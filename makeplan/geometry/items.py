"""The placed items: the frozen values geometry hands to render (the contract between them).

A `Document` is pages of items at their final positions, in points from the
page's lower-left corner: lines of `Text`, tick `Box`es and a pain scale's
`ScaleBox`es (with their form field names), `Rule`s, `Frame`s, pictogram
`Drawing`s and `Image`s, and the `Marker`s and `Code` a photo of
the page is read by. `Artwork` is what geometry is told about the pictures it places.
Nothing here computes a position; it only holds one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from makeplan.poses import Panel, Pictogram

MM = 72 / 25.4  # points per millimetre; every position here is in points

# Glyph extents of the standard fonts, as a share of the font size; used to
# give every text line a box for overlap and margin checks.
ASCENT = 0.76
DESCENT = 0.22

PHOTO_PREFIX = "photo:"  # the image key of a library exercise's photo is this + its id


@dataclass(frozen=True)
class Text:
    """One line of text; (x, y) is the start of its baseline."""

    x: float
    y: float
    text: str
    font: str
    size: float
    width: float

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (
            self.x,
            self.y - DESCENT * self.size,
            self.x + self.width,
            self.y + ASCENT * self.size,
        )


@dataclass(frozen=True)
class Box:
    """A tick box; (x, y) is its lower-left corner. `name` is the form field name."""

    x: float
    y: float
    size: float
    name: str
    tooltip: str

    @property
    def width(self) -> float:
        return self.size


@dataclass(frozen=True)
class ScaleBox(Box):
    """One number of a pain scale: the boxes of a round share `name` (one form field,
    a radio group: ticking one clears the others) and each stands for its `value`.
    `question` is what the group asks, `tooltip` what this one box answers."""

    value: int = 0
    question: str = ""


@dataclass(frozen=True)
class Rule:
    """A straight line (a separator under a block)."""

    x1: float
    y1: float
    x2: float
    y2: float
    width: float


@dataclass(frozen=True)
class Frame:
    """A rectangle outline (the safety panel)."""

    x: float
    y: float
    width: float
    height: float
    line_width: float


@dataclass(frozen=True)
class Drawing:
    """One pictogram frame; (x, y) is its lower-left corner, `scale` points per pose unit."""

    x: float
    y: float
    width: float
    height: float
    panel: Panel
    scale: float


@dataclass(frozen=True)
class Image:
    """A picture supplied by the user (the logo), fitted into its rectangle."""

    x: float
    y: float
    width: float
    height: float
    key: str


@dataclass(frozen=True)
class Photo:
    """A library exercise's photo: drawn as one image, in place of a pictogram's frames."""

    key: str
    aspect: float


@dataclass(frozen=True)
class Artwork:
    """What geometry needs to know about pictures: pictograms and photos by exercise id,
    and the shapes (width / height) of the photos and the logo."""

    pictograms: Mapping[str, Pictogram] = field(default_factory=dict)
    logo_aspect: float | None = None
    photo_aspects: Mapping[str, float] = field(default_factory=dict)

    def has_picture(self, exercise_id: str) -> bool:
        return exercise_id in self.pictograms or exercise_id in self.photo_aspects


@dataclass(frozen=True)
class Marker:
    """A corner marker for reading a photo of the page: a square of `cells` x `cells`
    (a black border round the pattern), lower-left corner at (x, y). `pattern` holds the
    inner cells, row by row from the top, the first cell in the highest bit; 1 is white."""

    x: float
    y: float
    size: float
    pattern: int
    cells: int = 6


@dataclass(frozen=True)
class Code:
    """A QR code of `text`, lower-left corner at (x, y), `size` points square."""

    x: float
    y: float
    size: float
    text: str


@dataclass(frozen=True)
class Page:
    texts: tuple[Text, ...]
    boxes: tuple[Box, ...]
    rules: tuple[Rule, ...]
    frames: tuple[Frame, ...]
    drawings: tuple[Drawing, ...] = ()
    images: tuple[Image, ...] = ()
    # What a reader of a photo or scan finds the page by (see geometry.reading_marks).
    markers: tuple[Marker, ...] = ()
    codes: tuple[Code, ...] = ()


@dataclass(frozen=True)
class Document:
    """The placed sheet: page size, margins, pages and PDF metadata."""

    width: float
    height: float
    margin: float
    pages: tuple[Page, ...]
    title: str
    subject: str
    author: str
    warnings: tuple[str, ...] = ()
    scale: float = 1.0
    """The size it was placed at, against the layout's (a single page shrinks or grows)."""
    rtl: bool = False
    """Read right to left: mirrored (geometry.mirror), each line shaped when drawn."""
    lang: str = "en"
    """The language of its text (the PDF says it, for screen readers)."""
    keywords: str = "lower back, exercise, routine, checklist"
    """The PDF's keywords (in the language of its text)."""

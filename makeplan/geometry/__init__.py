"""Places a plan on pages: pure arithmetic in points, no drawing (and no reportlab).

Input: a `Plan`, a `Layout`, a paper size and a `Measure` (the width of a text
in a font, supplied by the renderer). Output: a `Document`, every text line,
box and rule at its final position, so tests can check margins, overlaps and
box counts without reading a PDF, and the renderer only has to draw.

The package, each module one concern:

- `items`: the placed values render draws (`Document`, `Page`, `Text`, `Box`...)
- `text`: measuring, wrapping, fitting and ellipsizing text (the chart uses it too)
- `slices`: slices and blocks in local coordinates, pagination, and the move to a page
- `composer`: a layout's sizes at one scale, and text as slices in the layout's fonts
- `pictures`: pictograms, photos and the logo
- `grid`: the tick boxes of an exercise
- `pain_scale`: the 0-10 pain scale, one per round, after the exercises
- `page_blocks`: header, running band, title page, safety panel, how-to, notes, footer
- `arrangements`: one module per layout arrangement, behind `arrangements.base.Arrangement`
- `place`: the size search that puts it all together
- `reading_marks`: the corner markers and QR code a photo or scan of a page is read by
"""

from __future__ import annotations

from makeplan.geometry.arrangements import Arrangement, arrangement_named, arrangement_names
from makeplan.geometry.items import (
    ASCENT,
    DESCENT,
    MM,
    PHOTO_PREFIX,
    Artwork,
    Box,
    Code,
    Document,
    Drawing,
    Frame,
    Image,
    Marker,
    Page,
    Photo,
    Rule,
    ScaleBox,
    Text,
)
from makeplan.geometry.place import PAPER_SIZES, place
from makeplan.geometry.text import ELLIPSIS, Measure

__all__ = [
    "ASCENT",
    "DESCENT",
    "ELLIPSIS",
    "MM",
    "PAPER_SIZES",
    "PHOTO_PREFIX",
    "Arrangement",
    "Artwork",
    "Box",
    "Code",
    "Document",
    "Drawing",
    "Frame",
    "Image",
    "Marker",
    "Measure",
    "Page",
    "Photo",
    "Rule",
    "ScaleBox",
    "Text",
    "arrangement_named",
    "arrangement_names",
    "place",
]

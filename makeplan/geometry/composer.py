"""A layout's sizes at one scale, and the `Composer` that turns plan text into slices.

The composer is what every block builder is given: the layout, its sizes at
the scale being tried, the measure, the artwork, and the warnings collected
on the way (texts cut short). Its text methods are the functions of `text`
in the layout's fonts, returning measured `Text` lines in slices.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from makeplan.geometry.items import ASCENT, MM, PHOTO_PREFIX, Artwork, Photo, Text
from makeplan.geometry.slices import Slice
from makeplan.geometry.text import ELLIPSIS, Measure
from makeplan.geometry.text import fit as fit_text
from makeplan.geometry.text import wrap as wrap_text
from makeplan.model import PlannedExercise
from makeplan.poses import Pictogram

if TYPE_CHECKING:
    # For type hints only: layouts imports geometry (for the arrangements' names).
    from makeplan.layouts import Layout


MIN_BOX_GAP_MM = 1.5
"""The least space between two boxes side by side, at any size (issue 17)."""


@dataclass(frozen=True)
class Sizes:
    """The layout's sizes in points after shrinking by `scale` (never below the minimums)."""

    title: float
    heading: float
    body: float
    label: float
    line_spacing: float
    box: float
    box_gap: float
    block_gap: float

    @classmethod
    def of(cls, layout: Layout, scale: float, keep: float = 0.0) -> Sizes:
        """The sizes at `scale`; the title not below its size at `keep` (see `place`)."""

        def text(size: float, at: float = scale) -> float:
            return max(layout.min_pt, round(size * at, 2))

        return cls(
            # The title does not grow with a page that has room: it is the largest
            # text already, and the line it would take is the exercises' (the
            # one-page at 12 pt); it shrinks with the page, not below `keep`'s size.
            title=text(layout.title_pt, min(max(scale, keep), max(1.0, keep))),
            heading=text(layout.heading_pt),
            body=text(layout.body_pt),
            label=text(layout.label_pt),
            # Lines close up as a page shrinks, but do not spread as it grows.
            line_spacing=max(1.1, layout.line_spacing - max(0.0, 1 - scale) * 0.5),
            box=max(layout.min_box_mm, layout.box_mm * scale) * MM,
            # Never closer: a shaky tick must stay in its own box.
            box_gap=max(MIN_BOX_GAP_MM, layout.box_gap_mm * scale) * MM,
            block_gap=layout.block_gap_mm * scale * MM,
        )


class Composer:
    """Turns plan content into slices for one column of a given width."""

    def __init__(
        self,
        layout: Layout,
        sizes: Sizes,
        measure: Measure,
        artwork: Artwork | None = None,
        pictures: bool = True,
        scale: float = 1.0,
        may_wrap: bool = True,
        keep: float = 0.0,
    ) -> None:
        self.layout = layout
        self.sizes = sizes
        self.measure = measure
        self.artwork = artwork or Artwork()
        self.scale = scale
        # The pictures are drawn at `keep` when that is larger (see `place`), and the
        # text column gives up the width instead.
        self.picture_scale = max(scale, keep)
        # A week row whose boxes wrap counts as not fitting until every size, with
        # and without pictures, has been tried with one line of boxes per day.
        self.may_wrap = may_wrap or not layout.single_page
        # Pictures are drawn when the layout shows them and this attempt keeps them.
        self.pictures = pictures and layout.pictures
        # Texts cut short to fit, said once each to the user.
        self.warnings: list[str] = []
        # How many lines the clinician's notes may take on a single page.
        self.notes_lines = 6
        # The share of a row's width its text takes, when the arrangement chose one
        # for this plan (else the layout's `text_fraction`).
        self.text_fraction: float | None = None
        # How many texts were set smaller than their size to fit their lines.
        self.shrunk = 0
        # Rows are being made only to measure their height: no boxes in them (a box's
        # name and tooltip cost more than all the rest of a row).
        self.measuring = False
        # On a single page, the height left for the exercises' rows: rows measured past
        # it need not be measured to the end (this size does not fit).
        self.exercise_room = math.inf
        # Measuring found that the rows, at the text width chosen for them, do not fit
        # in `exercise_room`: the rows made for the page need not be made (same heights).
        self.rows_overflow = False
        # Rows may show a pose's key pair (see `arrangements.base.shows_key_pair`): off
        # while sizes are tried, on for the size that holds every row.
        self.key_pairs = False

    @property
    def has_pictures(self) -> bool:
        return self.pictures and bool(self.artwork.pictograms or self.artwork.photo_aspects)

    def picture(self, item: PlannedExercise) -> Pictogram | Photo | None:
        if not self.pictures:
            return None
        exercise_id = item.exercise.id
        if exercise_id in self.artwork.photo_aspects:
            return Photo(PHOTO_PREFIX + exercise_id, self.artwork.photo_aspects[exercise_id])
        return self.artwork.pictograms.get(exercise_id)

    def width_of(self, text: str, bold: bool, size: float) -> float:
        return self.measure(text, self.font(bold), size)

    def font(self, bold: bool) -> str:
        return self.layout.bold_font if bold else self.layout.font

    def line_height(self, size: float) -> float:
        return size * self.sizes.line_spacing

    def wrap(self, text: str, bold: bool, size: float, width: float) -> list[str]:
        """Greedy word wrap (see `text.wrap`)."""
        return wrap_text(text, self.measure, self.font(bold), size, width)

    def fit(
        self,
        text: str,
        bold: bool,
        size: float,
        width: float,
        max_lines: int,
        what: str,
        fix: str = "shorten it to see all of it",
    ) -> tuple[float, list[str]]:
        """Wrap `text` in at most `max_lines`: smaller, down to the layout's minimum
        size, when it needs more; then cut with an ellipsis, and say so (and `fix`)."""
        wanted = size
        size, lines, cut = fit_text(
            text, self.measure, self.font(bold), size, width, max_lines, self.layout.min_pt
        )
        if size < wanted:
            self.shrunk += 1
        if cut:
            self.warnings.append(f"cut short with '{ELLIPSIS}' to fit: {what}; {fix}.")
        return size, lines

    def fitted_lines(
        self,
        text: str,
        x: float,
        width: float,
        size: float,
        bold: bool = False,
        *,
        max_lines: int,
        what: str,
    ) -> list[Slice]:
        """Like `text_lines`, but never more than `max_lines` (see `fit`)."""
        size, lines = self.fit(text, bold, size, width, max_lines, what)
        height = self.line_height(size)
        baseline = self.centred_baseline(height, size)
        return [Slice(height, texts=[self.text(x, baseline, line, size, bold)]) for line in lines]

    def text(self, x: float, baseline: float, line: str, size: float, bold: bool = False) -> Text:
        """One measured line of text at (x, baseline)."""
        return Text(x, baseline, line, self.font(bold), size, self.width_of(line, bold, size))

    @staticmethod
    def centred_baseline(height: float, size: float) -> float:
        """The baseline that centres text of `size` in a line `height` tall."""
        return (height - size) / 2 + ASCENT * size

    def text_lines(
        self, text: str, x: float, width: float, size: float, bold: bool = False
    ) -> list[Slice]:
        """One slice per wrapped line."""
        height = self.line_height(size)
        baseline = self.centred_baseline(height, size)
        return [
            Slice(height, texts=[self.text(x, baseline, line, size, bold)])
            for line in self.wrap(text, bold, size, width)
        ]

    def hanging(
        self,
        marker: str,
        text: str,
        x: float,
        width: float,
        size: float,
        max_lines: int | None = None,
        what: str = "",
    ) -> list[Slice]:
        """A numbered or bulleted item: the marker, then text wrapped under itself
        (in at most `max_lines`, when given: see `fit`)."""
        indent = self.width_of("00. ", False, size)
        if max_lines is None:
            slices = self.text_lines(text, x + indent, width - indent, size)
        else:
            slices = self.fitted_lines(
                text, x + indent, width - indent, size, max_lines=max_lines, what=what
            )
        first = slices[0].texts[0]
        slices[0].texts.append(self.text(x, first.y, marker, first.size))
        return slices

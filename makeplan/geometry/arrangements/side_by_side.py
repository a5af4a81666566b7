"""`side-by-side`: each exercise as one row, picture and text at the left, its boxes at the
right (the one-page layout). A row never splits across pages."""

from __future__ import annotations

from makeplan import wording
from makeplan.errors import DoesNotFitError
from makeplan.geometry.arrangements.base import (
    GUTTER,
    Arrangement,
    key_pair_column,
    shows_key_pair,
    summary_cell,
    text_column,
)
from makeplan.geometry.composer import Composer
from makeplan.geometry.grid import tick_grid
from makeplan.geometry.items import Rule
from makeplan.geometry.slices import Block, Slice, beside, spacer, stack
from makeplan.model import Plan, PlannedExercise

WIDER_TEXT = (0.4, 0.5)
"""Text column shares tried beyond the layout's own (see `SideBySide._text_fraction`)."""


class SideBySide(Arrangement):
    name = "side-by-side"
    # Rather than refuse a plan one page cannot hold at the smallest readable size
    # (9 pt on one-page), the rows go on to a second page, and the user is told.
    continues = True

    def exercise_block(
        self,
        number: int,
        item: PlannedExercise,
        plan: Plan,
        composer: Composer,
        x: float,
        width: float,
    ) -> Block:
        """Picture, then text (name, dose, cue), then the boxes with the key caution under
        them (where a row usually has room to spare); one unsplittable slice."""
        if composer.text_fraction is None:
            # Chosen once for the plan (its trial rows come back here with it set).
            composer.text_fraction = self._text_fraction(plan, composer, x, width)
        pair = shows_key_pair(item, composer)
        sizes = composer.sizes
        summary, grid_x = summary_cell(number, item, plan, composer, x, width)
        if x + width - grid_x < sizes.box * 2:
            raise DoesNotFitError(
                f"The {composer.layout.name} layout leaves no room for boxes beside the text; "
                "lower exercise.text_fraction or picture.width_mm in the layout."
            )
        grid_width = x + width - grid_x
        rounds = tick_grid(item, plan, composer, grid_x, grid_width)
        row = [beside(summary, stack([spacer(sizes.box_gap), *rounds, *self._caution(
            number, item, composer, grid_x, grid_width)]))]  # fmt: skip
        if len(rounds) > 1 and item.sides > 1:
            # Several rounds, each a Right line over a Left line, beside a short text:
            # the rounds below the text's end may take the whole width after the
            # picture, their Right and Left on one line (the knee hug's three rounds
            # a day: two lines fewer).
            text_x = grid_x - GUTTER - text_column(composer, width)
            wide = tick_grid(item, plan, composer, text_x, x + width - text_x)
            caution = self._caution(number, item, composer, text_x, x + width - text_x)
            # The caution goes last, across, or under the boxes beside the text when
            # the text leaves it room there (a line fewer).
            narrow = self._caution(number, item, composer, grid_x, grid_width)
            for beside_text in range(1, len(rounds)):
                boxes = [spacer(sizes.box_gap), *rounds[:beside_text]]
                for top, after in (
                    (beside(summary, stack(boxes)), caution),
                    (beside(summary, stack([*boxes, *narrow])), []),
                ):
                    flowed = [top, *wide[beside_text:], *after]
                    if _height(flowed) < _height(row) - 0.01:
                        row = flowed
        if pair:
            row = key_pair_column(item, composer, x, row)
        gap = sizes.block_gap
        rule = Slice(gap, rules=[Rule(x, gap / 2, x + width, gap / 2, 0.5)])
        if len(row) == 1:
            return Block([stack([*row, rule])])
        # A sheet that goes on to more pages (a week of the knee hug's three rounds a
        # day) may part the rounds under the text over a page break, the name again
        # over the rest; the text and the rounds beside it stay together.
        return Block(
            [*row[:-1], stack([row[-1], rule])],
            heading=lambda: self._continued(number, item, composer, text_x, x + width - text_x),
            together=1,
        )

    def _text_fraction(self, plan: Plan, composer: Composer, x: float, width: float) -> float:
        """The text column's share of the width that makes the rows shortest, the same for
        every row so the boxes line up: wider than the layout's when the boxes beside
        need less room (a dose and a cue on fewer lines), never so wide that they wrap."""
        warnings, shrunk, measuring = list(composer.warnings), composer.shrunk, composer.measuring
        composer.measuring = True
        best: tuple[int, float, float, bool] | None = None
        least = composer.layout.text_fraction
        try:
            for fraction in sorted({least, *(f for f in WIDER_TEXT if f > least)}):
                composer.text_fraction = fraction
                composer.shrunk = 0
                height, overflows = 0.0, False
                try:
                    for number, item in enumerate(plan.exercises, start=1):
                        height += self.exercise_block(number, item, plan, composer, x, width).height
                        if height > composer.exercise_room:
                            overflows = True
                            break  # too tall for this page at this size, at this width
                except DoesNotFitError:
                    continue
                # No text set smaller to fit its lines (a caution beside narrower boxes)
                # before the shortest rows.
                if best is None or (composer.shrunk, height) < (best[0], best[1] - 0.01):
                    best = (composer.shrunk, height, fraction, overflows)
        finally:
            # Trying a width may cut a text short that the chosen width does not.
            composer.warnings[:], composer.shrunk = warnings, shrunk
            composer.measuring = measuring
        if best is None:
            return least
        composer.rows_overflow = best[3]
        return best[2]

    @staticmethod
    def _continued(
        number: int, item: PlannedExercise, composer: Composer, x: float, width: float
    ) -> list[Slice]:
        """'1. Knee hug (continued)' over the rounds that went on to the next page."""
        title = wording.exercise_heading(number, item.exercise.name, continued=True)
        return composer.text_lines(title, x, width, composer.sizes.heading, bold=True)

    @staticmethod
    def _caution(
        number: int, item: PlannedExercise, composer: Composer, x: float, width: float
    ) -> list[Slice]:
        """The exercise's key caution under its boxes (a layout without cautions)."""
        caution = item.exercise.key_caution
        if not caution or composer.layout.show_cautions:
            return []
        return composer.fitted_lines(
            wording.key_caution_line(caution), x, width, composer.sizes.body,
            max_lines=2, what=f"the caution for exercise {number}",
        )  # fmt: skip


def _height(slices: list[Slice]) -> float:
    return sum(piece.height for piece in slices)


ARRANGEMENT = SideBySide()

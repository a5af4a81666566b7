"""The interface every arrangement follows, and the parts several arrangements share.

An arrangement decides how one exercise is laid out (text beside its boxes,
text above them, a row of a week table) and what that asks of the page
around it: blocks before the first exercise and after the last, the how-to
lines, and how the size search treats it. `place` asks only this interface;
the arrangement a layout names is found in the registry (see `__init__`).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar

from makeplan import wording
from makeplan.geometry.composer import Composer
from makeplan.geometry.items import MM
from makeplan.geometry.pain_scale import pain_scale_block
from makeplan.geometry.pictures import picture_slice
from makeplan.geometry.slices import Block, Slice, beside, spacer, stack
from makeplan.model import Plan, PlannedExercise
from makeplan.poses import Pictogram


class Wraps(Exception):
    """A row's boxes would wrap at this size; a smaller size may keep them on a line."""


class Arrangement(ABC):
    """How an exercise is laid out; one instance per module, as `ARRANGEMENT`."""

    name: ClassVar[str]
    """The layout's `[exercise] arrangement` value that picks this arrangement."""

    keeps_a4_sizes: ClassVar[bool] = False
    """On paper narrower than A4 (Letter), the title and pictures keep the size they
    have on A4 for the same plan; the text, boxes and columns shrink instead."""

    lines_first: ClassVar[bool] = False
    """Every size is tried with one line of boxes per day (`exercise_block` raises
    `Wraps` when they would wrap) before any size may wrap them: a wrapped group
    reads as two."""

    continues: ClassVar[bool] = False
    """When a single page cannot hold the plan even at the smallest size, the sheet
    goes on to more pages at full size, `page_heading` at the top of each (a table
    whose rows would otherwise lose their column headings)."""

    continued_note: ClassVar[str] = ""
    """What the warning adds about the later pages when a sheet goes on to them."""

    def page_heading(self, plan: Plan, composer: Composer, x: float, width: float) -> list[Slice]:
        """Slices repeated at the top of each page after the first (see `continues`)."""
        return []

    def box_rows(self, plan: Plan) -> int:
        """How many rows of boxes the plan puts one above another on a page."""
        return sum(item.sessions_per_day for item in plan.exercises) * plan.days

    def how_to_use(self, plan: Plan) -> str:
        """The lines that say how to tick the boxes and the pain scale."""
        return wording.HOW_TO_USE

    def lead_blocks(self, plan: Plan, composer: Composer, x: float, width: float) -> list[Block]:
        """Blocks between the how-to lines and the first exercise (table headings)."""
        return []

    @abstractmethod
    def exercise_block(
        self,
        number: int,
        item: PlannedExercise,
        plan: Plan,
        composer: Composer,
        x: float,
        width: float,
    ) -> Block:
        """Exercise `number` of the plan, with its boxes, in a column `width` wide at `x`."""

    def closing_blocks(self, plan: Plan, composer: Composer, x: float, width: float) -> list[Block]:
        """Blocks after the last exercise: the pain scale of each round."""
        return [pain_scale_block(plan, composer, x, width)]


GUTTER = 4 * MM


def text_column(composer: Composer, width: float) -> float:
    """The text column beside a picture narrows a little as a single page shrinks its text
    (and does not widen as it grows: the boxes need the room)."""
    # Keeping its pictures at their A4 size (see `place`), a row's text narrows further.
    least = 0.4 if composer.picture_scale > composer.scale else 0.75
    fraction = composer.text_fraction or composer.layout.text_fraction
    return width * fraction * min(max(composer.scale, least), 1.0)


def picture_column(composer: Composer) -> float:
    """The width of the picture column at the left of a row."""
    return composer.layout.picture_width_mm * MM * min(composer.picture_scale, 1.0)


def _picture_cell(item: PlannedExercise, composer: Composer, x: float, pair: bool) -> list[Slice]:
    """The row's picture under a box gap (nothing for an exercise without one)."""
    picture = composer.picture(item)
    if picture is None:
        return []
    tallest = composer.layout.picture_height_mm * MM * composer.picture_scale
    drawn = picture_slice(picture, composer, x, picture_column(composer), tallest, pair=pair)
    # One picture starts level with the first boxes; a pair, taller, with the name.
    return [drawn if pair else stack([spacer(composer.sizes.box_gap), drawn])]


def key_pair_column(
    item: PlannedExercise, composer: Composer, x: float, row: list[Slice]
) -> list[Slice]:
    """`row` (slices one below the other, their picture column empty) with the key pair
    beside as many of its first slices as it is tall: those become one slice, so the
    picture never parts from them over a page break."""
    picture = _picture_cell(item, composer, x, pair=True)[0]
    covered = 1
    while covered < len(row) and sum(piece.height for piece in row[:covered]) < picture.height:
        covered += 1
    return [beside(picture, stack(row[:covered])), *row[covered:]]


def shows_key_pair(item: PlannedExercise, composer: Composer) -> bool:
    """Whether the row shows its pose's two key frames one above the other, in place
    of the key frame alone: while the composer makes rows with key pairs (`place`
    keeps such a row where it is no taller, the knee hug's tilt at full size beside
    its rounds, or where a single page has the room to spare for it to grow), and
    always for a pose whose key frame alone could mislead (`key_pair_only`): then the
    row is as tall as the pair at every size tried."""
    picture = composer.picture(item)
    return (
        isinstance(picture, Pictogram)
        and (composer.key_pairs or picture.key_pair_only)
        and picture.key_pair is not None
        and composer.has_pictures
        and composer.layout.picture_frames == "key"
    )


def summary_cell(
    number: int, item: PlannedExercise, plan: Plan, composer: Composer, x: float, width: float
) -> tuple[Slice, float]:
    """The picture (when shown), then name, dose and cue: the left part of a row.

    Returns the cell and the x where the next column may start. (A layout without
    cautions prints each key caution elsewhere: the one-page row under its boxes,
    the week table in a list under the table, where they take fewer lines.)
    A row that shows its key pair (`shows_key_pair`) gets the picture's column empty:
    it hangs the pair there itself (`key_pair_column`), beside as much of it as needed.
    """
    sizes = composer.sizes
    text_width = text_column(composer, width)
    cell: list[Slice] = []
    text_x = x
    if composer.has_pictures:
        # The column is kept even for an exercise without a picture, so rows line up.
        # Not wider as a page grows: the boxes beside need the room (it may grow taller).
        text_x = x + picture_column(composer) + GUTTER * 0.75
        if not shows_key_pair(item, composer):
            cell += _picture_cell(item, composer, x, pair=False)
    heading = wording.exercise_heading(number, item.exercise.name)
    left = composer.fitted_lines(
        heading, text_x, text_width, sizes.heading, True,
        max_lines=3, what=f"the name of exercise {number}",
    )  # fmt: skip
    left += composer.text_lines(wording.dose_words(item), text_x, text_width, sizes.body, True)
    if composer.layout.show_cue:
        cue = wording.exercise_text(item.exercise.cue, item.hold_seconds, plan.units)
        left += composer.fitted_lines(
            cue, text_x, text_width, sizes.body,
            max_lines=4, what=f"the short description of exercise {number}",
        )  # fmt: skip
    if item.note:
        left += composer.fitted_lines(
            wording.note_line(item.note), text_x, text_width, sizes.body, True,
            max_lines=3, what=f"the note for exercise {number}",
        )  # fmt: skip
    cell.append(stack(left))
    return beside(*cell), text_x + text_width + GUTTER

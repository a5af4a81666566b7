"""`stacked`: each exercise top to bottom, heading, dose, details, steps with the picture
beside them, cautions, then its boxes (the handouts). A long exercise may continue
on the next page, its heading repeated."""

from __future__ import annotations

from collections.abc import Callable

from makeplan import wording
from makeplan.errors import DoesNotFitError
from makeplan.geometry.arrangements.base import GUTTER, Arrangement
from makeplan.geometry.composer import Composer
from makeplan.geometry.grid import tick_grid
from makeplan.geometry.items import MM, Photo, Rule
from makeplan.geometry.pictures import PANEL_GAP, frames_width, picture_slice
from makeplan.geometry.slices import Block, Slice, beside, spacer, stack
from makeplan.model import Plan, PlannedExercise
from makeplan.poses import Pictogram


class Stacked(Arrangement):
    name = "stacked"

    def exercise_block(
        self,
        number: int,
        item: PlannedExercise,
        plan: Plan,
        composer: Composer,
        x: float,
        width: float,
    ) -> Block:
        """Heading, dose, details, steps, cautions and then the boxes, top to bottom."""
        sizes = composer.sizes
        layout = composer.layout
        exercise = item.exercise
        body = sizes.body

        def heading(continued: bool = False) -> list[Slice]:
            title = wording.exercise_heading(number, item.exercise.name, continued)
            return composer.fitted_lines(
                title, x, width, sizes.heading, True,
                max_lines=3, what=f"the name of exercise {number}",
            )  # fmt: skip

        slices = heading()
        slices += composer.text_lines(wording.kind_and_dose(item), x, width, body, True)
        if layout.show_cue:
            cue = wording.exercise_text(exercise.cue, item.hold_seconds, plan.units)
            slices += composer.text_lines(cue, x, width, body)
        if item.note:
            slices += composer.fitted_lines(
                wording.note_line(item.note), x, width, body, True,
                max_lines=8, what=f"the note for exercise {number}",
            )  # fmt: skip
        if layout.show_details:
            needs = wording.needs_line(exercise.equipment)
            helps = wording.helps_line(exercise.targets)
            both = f"{needs}   {helps}"
            if composer.width_of(both, False, body) <= width:
                # On one line when it fits: a line less for each exercise.
                slices += composer.text_lines(both, x, width, body)
            else:
                slices += composer.text_lines(needs, x, width, body)
                slices += composer.text_lines(helps, x, width, body)
        picture = composer.picture(item)
        cautions = caution_lines(item, plan, composer) if layout.show_cautions else None
        if layout.show_steps or picture is not None:
            slices.append(spacer(body * 0.3))
            slices += steps_and_picture(item, plan, picture, composer, x, width, cautions)
        elif cautions is not None:
            slices += cautions(x, width)
        grid = prompted_grid(item, plan, composer, x, width)
        gap = sizes.block_gap
        # The last row's own gap below it is not needed: the block's gap follows.
        grid[-1].height -= sizes.box_gap
        grid[-1] = stack([grid[-1], Slice(gap, rules=[Rule(x, gap / 2, x + width, gap / 2, 0.5)])])
        # Its steps and first round stay on one page; later rounds may go on to the next.
        together = len(slices) + 1
        slices += grid
        return Block(slices, heading=lambda: heading(continued=True), together=together)


ARRANGEMENT = Stacked()


CAPTIONS_BESIDE_MM = (30, 40)
"""Widths tried for captions set beside a column of frames (the shortest block wins)."""

CautionLines = Callable[[float, float], list[Slice]]
"""An exercise's cautions set in a column: (x, width) -> slices."""


def caution_lines(item: PlannedExercise, plan: Plan, composer: Composer) -> CautionLines | None:
    """The "Take care" heading and the exercise's cautions, to be set in a column."""
    exercise = item.exercise
    if not exercise.cautions:
        return None
    body = composer.sizes.body

    def lines(x: float, width: float) -> list[Slice]:
        cautions = [spacer(body * 0.3)]
        cautions += composer.text_lines(wording.CAUTIONS_HEADING, x, width, body, True)
        lead = len(cautions) + 1  # the heading and the first line of the first caution
        for caution in exercise.cautions:
            caution = wording.exercise_text(caution, item.hold_seconds, plan.units)
            cautions += composer.hanging("\u2022", caution, x, width, body)
        if len(cautions) <= lead + 8:
            # Short cautions are kept together, so none is read without its heading.
            return [stack(cautions)]
        # A long list (a library's) may continue on the next page, line by line.
        return [stack(cautions[:lead]), *cautions[lead:]]

    return lines


def steps_and_picture(
    item: PlannedExercise,
    plan: Plan,
    picture: Pictogram | Photo | None,
    composer: Composer,
    x: float,
    width: float,
    cautions: CautionLines | None = None,
) -> list[Slice]:
    """Numbered steps with the pictogram beside them, or its frames in a row above
    steps across the full width, whichever is shorter; the frames the same size either
    way. The cautions follow the steps across the page, or sit under the steps or under
    the frames when that is shorter (the space beside the taller of the two is used)."""
    body = composer.sizes.body
    show_steps = composer.layout.show_steps
    tallest = composer.layout.picture_height_mm * MM

    def full_cautions() -> list[Slice]:
        return cautions(x, width) if cautions is not None else []

    if picture is None:
        return numbered_steps(item, plan, composer, x, width) + full_cautions()
    if not show_steps:
        return [picture_slice(picture, composer, x, width, tallest), *full_cautions()]
    picture_width = min(composer.layout.picture_width_mm * MM, width * 0.55)
    count = 1 if isinstance(picture, Photo) else len(picture.panels)
    short_cautions = cautions is not None and len(cautions(x, width)) == 1
    # The frames are the same size however they are arranged: beside the steps in
    # rows of 1, 2, ... frames (the column only as wide as its row of frames, the
    # steps taking the rest), or in rows across the page above steps that then have
    # the whole width. The shortest arrangement wins (fewest frames to a row on a tie),
    # so two or three exercises share a page more often.
    options: list[list[Slice]] = []
    # (columns, caption width): captions under the frames, or beside a column of them.
    shapes: list[tuple[int, float | None]] = [(columns, None) for columns in range(1, count + 1)]
    if composer.layout.picture_captions and count > 1:
        shapes += [(1, caption * MM) for caption in CAPTIONS_BESIDE_MM]
    for columns, caption_width in shapes:
        column_width = frames_width(picture, composer, picture_width, tallest, columns)
        if caption_width is not None:
            column_width += PANEL_GAP + caption_width
        steps_width = width - column_width - GUTTER
        if steps_width < width * 0.4:
            continue
        picture_x = x + steps_width + GUTTER
        steps = numbered_steps(item, plan, composer, x, steps_width)
        frames = picture_slice(
            picture, composer, picture_x, column_width, tallest, columns, picture_width,
            caption_width,
        )  # fmt: skip
        options.append([beside(stack(steps), frames), *full_cautions()])
        if cautions is not None and short_cautions:
            under_steps = cautions(x, steps_width)
            options.append([beside(stack(steps + under_steps), frames)])
            under_frames = cautions(picture_x, column_width)
            options.append([beside(stack(steps), stack([frames, *under_frames]))])
    above = picture_slice(picture, composer, x, width, tallest, scale_width=picture_width)
    full_steps = numbered_steps(item, plan, composer, x, width)
    options.append([above, spacer(body * 0.4), *full_steps, *full_cautions()])
    # The first shortest wins: the cautions go across the page unless a column is shorter.
    return min(options, key=lambda option: sum(piece.height for piece in option))


def prompted_grid(
    item: PlannedExercise, plan: Plan, composer: Composer, x: float, width: float
) -> list[Slice]:
    """The tick grid with its prompt: before the boxes, on one line or two, when they
    are one row and it fits there (a line less for the exercise); else above them.

    The prompt goes with the first row of boxes, so a page break never leaves it alone.
    """
    sizes = composer.sizes
    size = sizes.label
    grid = tick_grid(item, plan, composer, x, width)
    lead = spacer(sizes.body * 0.4)
    if len(grid) == 1:
        for lines in prompt_lines(composer):
            prompt_width = max(composer.width_of(line, False, size) for line in lines)
            prompt_width += 2 * sizes.box_gap
            if len(lines) * composer.line_height(size) > grid[0].height:
                continue
            try:
                inline = tick_grid(item, plan, composer, x + prompt_width, width - prompt_width)
            except DoesNotFitError:
                continue
            if len(inline) != 1 or inline[0].height > grid[0].height + 0.01:
                continue
            # The prompt's lines are centred on the boxes' first line.
            line_height = max(sizes.box + sizes.box_gap, composer.line_height(size))
            first = composer.centred_baseline(line_height, size)
            first -= (len(lines) - 1) * composer.line_height(size) / 2
            for index, line in enumerate(lines):
                baseline = first + index * composer.line_height(size)
                inline[0].texts.append(composer.text(x, baseline, line, size))
            return [stack([lead, inline[0]])]
    prompt = composer.text_lines(wording.TICK_PROMPT, x, width, size)
    grid[0] = stack([lead, *prompt, grid[0]])
    return grid


def prompt_lines(composer: Composer) -> list[list[str]]:
    """The tick prompt on one line, then split in two where its longer line is shortest."""
    size = composer.sizes.label
    words = wording.TICK_PROMPT.split()
    splits = [[" ".join(words[:cut]), " ".join(words[cut:])] for cut in range(1, len(words))]
    two = min(splits, key=lambda pair: max(composer.width_of(part, False, size) for part in pair))
    return [[wording.TICK_PROMPT], two]


def numbered_steps(
    item: PlannedExercise, plan: Plan, composer: Composer, x: float, width: float
) -> list[Slice]:
    if not composer.layout.show_steps:
        return []
    slices: list[Slice] = []
    for index, step in enumerate(item.exercise.steps, start=1):
        step = wording.exercise_text(step, item.hold_seconds, plan.units)
        slices += composer.hanging(f"{index}.", step, x, width, composer.sizes.body)
    return slices

"""`stacked`: each exercise top to bottom, heading, dose, details, steps with the picture
beside them, cautions, then its boxes (the handouts). A long exercise may continue
on the next page, its heading repeated."""

from __future__ import annotations

from makeplan import wording
from makeplan.geometry.arrangements.base import GUTTER, Arrangement
from makeplan.geometry.composer import Composer
from makeplan.geometry.grid import tick_grid
from makeplan.geometry.items import MM, Photo, Rule
from makeplan.geometry.pictures import picture_slice
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
        if layout.show_steps or picture is not None:
            slices.append(spacer(body * 0.3))
            slices += steps_and_picture(item, plan, picture, composer, x, width)
        if layout.show_cautions and exercise.cautions:
            cautions = [spacer(body * 0.3)]
            cautions += composer.text_lines(wording.CAUTIONS_HEADING, x, width, body, True)
            lead = len(cautions) + 1  # the heading and the first line of the first caution
            for caution in exercise.cautions:
                caution = wording.exercise_text(caution, item.hold_seconds, plan.units)
                cautions += composer.hanging("\u2022", caution, x, width, body)
            if len(cautions) <= lead + 8:
                # Short cautions are kept together, so none is read without its heading.
                slices.append(stack(cautions))
            else:
                # A long list (a library's) may continue on the next page, line by line.
                slices += [stack(cautions[:lead]), *cautions[lead:]]
        grid = tick_grid(item, plan, composer, x, width)
        # The prompt goes with the first row of boxes, the closing rule with the last,
        # so a page break never leaves either alone.
        prompt = [spacer(body * 0.4)]
        prompt += composer.text_lines(wording.TICK_PROMPT, x, width, sizes.label)
        grid[0] = stack([*prompt, grid[0]])
        gap = sizes.block_gap
        grid[-1] = stack([grid[-1], Slice(gap, rules=[Rule(x, gap / 2, x + width, gap / 2, 0.5)])])
        slices += grid
        return Block(slices, heading=lambda: heading(continued=True))


ARRANGEMENT = Stacked()


def steps_and_picture(
    item: PlannedExercise,
    plan: Plan,
    picture: Pictogram | Photo | None,
    composer: Composer,
    x: float,
    width: float,
) -> list[Slice]:
    """Numbered steps with the pictogram beside them, or its frames in a row above
    steps across the full width, whichever is shorter; the frames the same size either way."""
    body = composer.sizes.body
    show_steps = composer.layout.show_steps
    tallest = composer.layout.picture_height_mm * MM
    if picture is None:
        return numbered_steps(item, plan, composer, x, width)
    if not show_steps:
        return [picture_slice(picture, composer, x, width, tallest)]
    picture_width = min(composer.layout.picture_width_mm * MM, width * 0.55)
    steps_width = width - picture_width - GUTTER
    steps = numbered_steps(item, plan, composer, x, steps_width)
    picture_x = x + steps_width + GUTTER
    count = 1 if isinstance(picture, Photo) else len(picture.panels)
    # The frames are the same size however they are arranged: beside the steps in
    # rows of 1, 2, ... frames, or in rows across the page above steps that then have
    # the whole width. The shortest arrangement wins (fewest frames to a row on a tie),
    # so two exercises share a page more often.
    options: list[list[Slice]] = []
    for columns in range(1, count + 1):
        frames = picture_slice(picture, composer, picture_x, picture_width, tallest, columns)
        options.append([beside(stack(steps), frames)])
    above = picture_slice(picture, composer, x, width, tallest, scale_width=picture_width)
    full_steps = numbered_steps(item, plan, composer, x, width)
    options.append([above, spacer(body * 0.4), *full_steps])
    return min(options, key=lambda option: sum(piece.height for piece in option))


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

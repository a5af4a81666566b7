"""The tick grid: a box per rep, in a group per side, in a row per day and time of day.
Arrangements that draw their own grid (the week table) reuse its box groups. (Pain
is asked once per round for all the exercises: see pain_scale.)
"""

from __future__ import annotations

from dataclasses import dataclass

from makeplan import wording
from makeplan.errors import DoesNotFitError
from makeplan.fields import tick_name
from makeplan.geometry.composer import Composer
from makeplan.geometry.items import MM, Box, Rule
from makeplan.geometry.slices import Slice, beside, stack
from makeplan.model import SIDE_NAMES, Plan, PlannedExercise


def balanced(per_line: int, count: int) -> int:
    """Boxes per line so that wrapped lines are about equal (3 + 2, not 4 + 1)."""
    lines = -(-count // per_line)
    return -(-count // lines)


@dataclass(frozen=True)
class TickRow:
    label: str
    day: int
    session: int


def tick_grid(
    item: PlannedExercise, plan: Plan, composer: Composer, x: float, width: float
) -> list[Slice]:
    """Rows of boxes: one row per day and session, a group per side, a box per rep.

    A row's label says which day and which time of the day; a group's label
    says which side. Groups sit side by side when they fit and stack when they
    do not; a group's boxes wrap onto more lines when one line is too short.
    """
    sizes = composer.sizes
    label_size = sizes.label
    rows = [
        TickRow(wording.row_label(plan, item, day, session), day, session)
        for day in range(1, plan.days + 1)
        for session in range(1, item.sessions_per_day + 1)
    ]
    pad = 2.5 * MM
    label_width = max(composer.width_of(row.label, False, label_size) for row in rows)
    label_width = label_width + pad if label_width else 0.0
    sides = SIDE_NAMES[item.sides]
    side_texts = [wording.side_label(side) for side in sides]
    side_width = max(composer.width_of(text, False, label_size) for text in side_texts)
    side_width = side_width + pad * 0.6 if side_width else 0.0
    box, gap = sizes.box, sizes.box_gap
    available = width - label_width - side_width
    per_line = int((available + gap) // (box + gap))
    if per_line < 1:
        raise DoesNotFitError(
            f"The boxes for {item.exercise.name!r} do not fit across the page; "
            "use --layout handout or fewer --days."
        )
    per_line = balanced(per_line, item.reps)
    group_width = side_width + per_line * box + (per_line - 1) * gap
    group_gap = 3 * gap + pad
    groups_side_by_side = (
        len(sides) * group_width + (len(sides) - 1) * group_gap <= width - label_width
    )
    line_height = max(box + gap, composer.line_height(label_size))
    row_gap = gap
    slices: list[Slice] = []
    for row in rows:
        group_slices: list[Slice] = []
        for side_index, side in enumerate(sides):
            group_x = x + label_width
            if groups_side_by_side:
                group_x += side_index * (group_width + group_gap)
            group_slices.append(
                box_group(
                    item,
                    plan,
                    composer,
                    row,
                    side,
                    side_texts[side_index],
                    group_x,
                    side_width,
                    per_line,
                    line_height,
                )
            )
        # One slice for the round either way: a page break never parts its Left
        # boxes from its label.
        round_slice = beside(*group_slices) if groups_side_by_side else stack(group_slices)
        if row.label:
            baseline = composer.centred_baseline(line_height, label_size)
            round_slice.texts.append(composer.text(x, baseline, row.label, label_size))
        round_slice.height += row_gap
        last_day = row.session == item.sessions_per_day
        if plan.days > 1 and item.sessions_per_day > 1 and last_day and row is not rows[-1]:
            # A hairline under each day's last row lets the eye find a day in a long
            # grid (not under the grid's last: the block's own rule follows).
            y = round_slice.height - row_gap / 2
            round_slice.rules.append(Rule(x, y, x + width, y, 0.3))
        slices.append(round_slice)
    return slices


def box_group(
    item: PlannedExercise,
    plan: Plan,
    composer: Composer,
    row: TickRow,
    side: str,
    side_text: str,
    x: float,
    side_width: float,
    per_line: int,
    line_height: float,
    box: float | None = None,
) -> Slice:
    """One side's boxes of one round, `per_line` to a line, after the side's label; the
    boxes `box` wide when given (a week's day cells), else the layout's size."""
    sizes = composer.sizes
    gap, label_size = sizes.box_gap, sizes.label
    box = sizes.box if box is None else box
    group = Slice(0)
    lines = (item.reps + per_line - 1) // per_line
    group.height = lines * line_height
    if side_text:
        baseline = composer.centred_baseline(line_height, label_size)
        group.texts.append(composer.text(x, baseline, side_text, label_size))
    if composer.measuring:
        return group  # only its height is asked for (see SideBySide._text_fraction)
    name = item.exercise.id
    when = wording.box_when(plan, item, row.day, row.session, side)
    for rep in range(1, item.reps + 1):
        line, column = divmod(rep - 1, per_line)
        top = line * line_height + (line_height - box) / 2
        group.boxes.append(
            Box(
                x + side_width + column * (box + gap),
                top,
                box,
                tick_name(name, row.day, row.session, side, rep),
                wording.rep_tooltip(item.exercise.name, when, rep),
            )
        )
    return group

"""`week-table`: the plan as a table with a column per day (the week layout). Each exercise
is a row: picture, name and dose, then a cell per day with a line of boxes per time of
day. Headings over the columns come first; the pain scale of each round (see
pain_scale) and the key cautions follow the table.
"""

from __future__ import annotations

from dataclasses import dataclass

from makeplan import wording
from makeplan.errors import DoesNotFitError
from makeplan.geometry.arrangements.base import (
    GUTTER,
    Arrangement,
    Wraps,
    key_pair_column,
    shows_key_pair,
    summary_cell,
    text_column,
)
from makeplan.geometry.composer import Composer
from makeplan.geometry.grid import TickRow, balanced, box_group
from makeplan.geometry.items import MM, Rule
from makeplan.geometry.page_blocks import list_columns
from makeplan.geometry.pain_scale import rounds_a_day
from makeplan.geometry.slices import Block, Slice, beside, spacer, stack
from makeplan.model import SIDE_NAMES, Plan, PlannedExercise


class WeekTable(Arrangement):
    name = "week-table"
    keeps_a4_sizes = True
    lines_first = True
    continues = True
    continued_note = " (the day headings repeat at the top of each)"

    def box_rows(self, plan: Plan) -> int:
        # The days are side by side: only the times of the day are one above another.
        return sum(item.sessions_per_day for item in plan.exercises)

    def how_to_use(self, plan: Plan) -> str:
        return wording.how_to_use_week(plan)

    def lead_blocks(self, plan: Plan, composer: Composer, x: float, width: float) -> list[Block]:
        return [week_header_block(plan, composer, x, width)]

    def page_heading(self, plan: Plan, composer: Composer, x: float, width: float) -> list[Slice]:
        return week_header_block(plan, composer, x, width).slices

    def exercise_block(
        self,
        number: int,
        item: PlannedExercise,
        plan: Plan,
        composer: Composer,
        x: float,
        width: float,
    ) -> Block:
        return week_row_block(number, item, plan, composer, x, width)

    def closing_blocks(self, plan: Plan, composer: Composer, x: float, width: float) -> list[Block]:
        blocks = super().closing_blocks(plan, composer, x, width)
        if not composer.layout.show_cautions:
            blocks += week_cautions_block(plan, composer, x, width)
        return blocks


ARRANGEMENT = WeekTable()


@dataclass(frozen=True)
class _WeekColumns:
    """Where the day columns of a week table are: shared by the header row and every row."""

    session_x: float
    first_day_x: float
    day_width: float
    box: float
    """The box size of every row: the layout's at this scale, or smaller (never below
    its minimum) so that each exercise's reps fit on one line of its day's cell."""


def _week_columns(plan: Plan, composer: Composer, x: float, width: float) -> _WeekColumns:
    layout = composer.layout
    sizes = composer.sizes
    left = text_column(composer, width) + GUTTER
    if composer.has_pictures:
        left += layout.picture_width_mm * MM * composer.picture_scale + GUTTER * 0.75
    sessions = rounds_a_day(plan)
    # The row labels ("Round 2", then R and L for the sides) stand once before the
    # first day, not in every day's cell: the days keep the width for their boxes.
    label_width = 0.0
    if sessions > 1:
        label_width = max(
            composer.width_of(wording.session_label(s), False, sizes.label)
            for s in range(1, sessions + 1)
        )
    side_width = max(_side_width(item, composer) for item in plan.exercises)
    if label_width or side_width:
        label_width += side_width + 1.5 * MM
    first_day_x = x + left + label_width
    day_width = (x + width - first_day_x) / plan.days
    # The day columns run out of width first (on Letter, with many reps): the boxes
    # shrink towards the layout's minimum before the text and pictures do.
    box = sizes.box
    for item in plan.exercises:
        room = day_width - 2 * CELL_PAD
        fitting = (room + sizes.box_gap) / item.reps - sizes.box_gap
        box = min(box, max(fitting, layout.min_box_mm * MM))
    return _WeekColumns(x + left, first_day_x, day_width, box)


CELL_PAD = 1 * MM
"""Space inside a day's cell on each side of its boxes."""


def _side_width(item: PlannedExercise, composer: Composer) -> float:
    """The width of the side letters (R, L) before a line of boxes, with their space."""
    size = composer.sizes.label
    labels = [wording.short_side_label(side) for side in SIDE_NAMES[item.sides]]
    width = max(composer.width_of(text, False, size) for text in labels)
    return width + 1.2 * MM if width else 0.0


def week_header_block(plan: Plan, composer: Composer, x: float, width: float) -> Block:
    """Column headings for a week table: a day name and date over each column."""
    columns = _week_columns(plan, composer, x, width)
    size = composer.sizes.label
    cells: list[Slice] = []
    for day, lines in enumerate(_day_headings(plan, composer, columns.day_width - 1 * MM), 1):
        left = columns.first_day_x + (day - 1) * columns.day_width
        cell = Slice(0)
        for line in lines:
            line_width = composer.width_of(line, True, size)
            piece = stack(
                composer.text_lines(
                    line, left + (columns.day_width - line_width) / 2, columns.day_width, size, True
                )
            )
            cell = stack([cell, piece])
        cells.append(cell)
    heading = stack(
        composer.text_lines(wording.WEEK_EXERCISE_HEADING, x, columns.session_x - x, size, True)
    )
    row = beside(heading, *cells)
    gap = composer.sizes.box_gap * 1.5
    underline = Slice(gap, rules=[Rule(x, gap / 2, x + width, gap / 2, 0.8)])
    return Block([stack([row, underline])])


def _day_headings(plan: Plan, composer: Composer, room: float) -> list[list[str]]:
    """Each day column's heading, as lines: 'Mon 23 Nov' wrapped at its spaces, or,
    when a word of it would not fit, the longest short form that fits whole in
    every column (see wording.short_day_headings). A word is never cut."""
    size = composer.sizes.label
    days = range(1, plan.days + 1)

    def fits(words: list[str] | tuple[str, ...]) -> bool:
        return all(composer.width_of(word, True, size) <= room for word in words)

    labels = [wording.day_label(plan.date, day) for day in days]
    if all(fits(label.split()) for label in labels):
        return [composer.wrap(label, True, size, room) for label in labels]
    forms = [wording.short_day_headings(plan.date, day) for day in days]
    for form in range(len(forms[0])):
        if all(fits(headings[form]) for headings in forms):
            return [list(headings[form]) for headings in forms]
    return [list(headings[-1]) for headings in forms]  # the day number alone, as a last resort


def week_row_block(
    number: int, item: PlannedExercise, plan: Plan, composer: Composer, x: float, width: float
) -> Block:
    """One exercise as a table row: picture and dose, then a cell per day and time of day."""
    pair = shows_key_pair(item, composer)
    sizes = composer.sizes
    columns = _week_columns(plan, composer, x, width)
    summary, _ = summary_cell(number, item, plan, composer, x, width)
    sides = SIDE_NAMES[item.sides]
    short_sides = [wording.short_side_label(side) for side in sides]
    size = sizes.label
    box, gap = columns.box, sizes.box_gap
    room = columns.day_width - 2 * CELL_PAD
    per_line = int((room + gap) // (box + gap))
    if per_line < 1:
        raise DoesNotFitError(
            f"The boxes for {item.exercise.name!r} do not fit in a day's column; "
            "use fewer --days or --layout handout."
        )
    if per_line < item.reps and not composer.may_wrap:
        raise Wraps()
    per_line = balanced(per_line, item.reps)
    line_height = max(box + gap, composer.line_height(size))
    lines = -(-item.reps // per_line)
    side_x = columns.first_day_x - _side_width(item, composer) - 0.5 * MM
    session_rows: list[Slice] = []
    for session in range(1, item.sessions_per_day + 1):
        row = Slice(0)
        for day in range(1, plan.days + 1):
            left = columns.first_day_x + (day - 1) * columns.day_width + CELL_PAD
            tick_row = TickRow("", day, session)
            groups = [
                box_group(item, plan, composer, tick_row, side, "", left, 0.0, per_line,
                          line_height, box)
                for side in sides
            ]  # fmt: skip
            row = beside(row, stack(groups))
        baseline = composer.centred_baseline(line_height, size)
        if item.sessions_per_day > 1:
            row.texts.append(
                composer.text(columns.session_x, baseline, wording.session_label(session), size)
            )
        for index, text in enumerate(short_sides):
            if text:
                top = index * lines * line_height
                row.texts.append(composer.text(side_x, top + baseline, text, size))
        session_rows.append(stack([row, spacer(gap)]))
    grid = stack([spacer(gap), *session_rows])
    row = beside(summary, grid)
    if pair:
        row = key_pair_column(item, composer, x, [row])[0]
    return _week_table_row(row, plan, columns, x, width, gap)


def _week_table_row(
    row: Slice, plan: Plan, columns: _WeekColumns, x: float, width: float, gap: float
) -> Block:
    """A row of the week table, closed: hairlines between the days, a rule under it."""
    row.height += gap
    for day in range(1, plan.days):
        # Hairlines between the days, so a column reads as one day.
        line_x = columns.first_day_x + day * columns.day_width
        row.rules.append(Rule(line_x, 0, line_x, row.height, 0.3))
    rule = Slice(gap * 1.5, rules=[Rule(x, gap * 0.75, x + width, gap * 0.75, 0.6)])
    return Block([stack([row, rule])])


def week_cautions_block(plan: Plan, composer: Composer, x: float, width: float) -> list[Block]:
    """Each exercise's key caution, by its number, in columns under the table: a row's
    name cell is narrow, and a caution there would make every row taller."""
    numbered = [
        (f"{number}.", item.exercise.key_caution)
        for number, item in enumerate(plan.exercises, start=1)
        if item.exercise.key_caution
    ]
    if not numbered:
        return []
    size = composer.sizes.body
    # The heading sits in the name column, as the pain row's label does: a line saved.
    columns = _week_columns(plan, composer, x, width)
    rows = list_columns(
        composer,
        [text for _, text in numbered],
        columns.session_x,
        x + width - columns.session_x,
        size,
        [mark for mark, _ in numbered],
    )
    baseline = composer.centred_baseline(rows[0].height, size)
    rows[0].texts.insert(0, composer.text(x, baseline, wording.CAUTIONS_HEADING, size, bold=True))
    return [Block([stack([spacer(composer.sizes.box_gap), *rows])], in_table=False)]

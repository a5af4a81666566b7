"""The pain scale: after each round of exercises (a time of the day, on a day) the patient
ticks one number from 0 (no pain) to 10 (the worst), in a row of eleven boxes.

One scale per round, after the last exercise, the same on every layout. The numbers
are printed over the boxes and the boxes stay empty inside, with white space
round them, so a pen mark is plain to a person and to a machine reading a photo
of the paper. In a viewer the boxes of a round are one form field (a radio
group), so ticking one number clears another.

The rounds are a table when they fit across: a row per day, a column per round
of the day. When they do not, each round is a line of its own.
"""

from __future__ import annotations

from makeplan import wording
from makeplan.errors import DoesNotFitError
from makeplan.fields import PAIN_HIGHEST, PAIN_LOWEST, round_pain_name
from makeplan.geometry.composer import MIN_BOX_GAP_MM, Composer
from makeplan.geometry.items import MM, Rule, ScaleBox
from makeplan.geometry.slices import Block, Slice, beside, stack
from makeplan.model import Plan

SCALE = range(PAIN_LOWEST, PAIN_HIGHEST + 1)
# Room between boxes and between scales: a shaky tick must not land in the next box.
MIN_GAP = MIN_BOX_GAP_MM * MM
COLUMN_GAP = 5 * MM
# The heading beside a column of scales: wide enough for a few words a line, and for
# a list short enough to stay whole on its page.
MIN_HEADING_WIDTH = 45 * MM
MAX_ROWS_BESIDE_HEADING = 4


def scale_width(box: float, gap: float) -> float:
    return len(SCALE) * box + (len(SCALE) - 1) * gap


def _box_size(composer: Composer, room: float, sessions: int, gap: float) -> float:
    """The layout's box size; or, where that would part a day's rounds onto several
    lines, the size (down to the layout's smallest box) that keeps them on one: a
    line saved for every round, and a day read across."""
    box = composer.sizes.box
    across = (room - (sessions - 1) * COLUMN_GAP) / sessions
    fitting = (across - (len(SCALE) - 1) * gap) / len(SCALE)
    smallest = composer.layout.min_box_mm * MM
    return box if fitting >= box or fitting < smallest else fitting


def rounds_a_day(plan: Plan) -> int:
    return max(item.sessions_per_day for item in plan.exercises)


def pain_scale_block(plan: Plan, composer: Composer, x: float, width: float) -> Block:
    """A heading, the numbers over each column of boxes, a row of scales per day (or a
    line per round), and "no pain" / "worst" under the ends of each scale."""
    sizes = composer.sizes
    label_size = sizes.label
    sessions = rounds_a_day(plan)
    pad = 2.5 * MM

    def widest(labels: list[str]) -> float:
        found = max((composer.width_of(label, False, label_size) for label in labels), default=0)
        return found + pad if found else 0.0

    day_labels = [wording.day_label(plan.date, day) if plan.days > 1 else "" for day in
                  range(1, plan.days + 1)]  # fmt: skip
    table_label = widest(day_labels)
    gap = max(sizes.box_gap, MIN_GAP)
    box = _box_size(composer, width - table_label, sessions, gap)
    one_scale = scale_width(box, gap)
    # Each round with its own label, as many side by side as fit, in reading order.
    rounds = [(day, session) for day in range(1, plan.days + 1)
              for session in range(1, sessions + 1)]  # fmt: skip
    labels = [wording.round_label(plan, day, session, sessions) for day, session in rounds]
    label_width = widest(labels)
    columns = max(1, int((width + COLUMN_GAP) // (label_width + one_scale + COLUMN_GAP)))
    rows: list[tuple[list[str], list[tuple[int, int]]]] = [
        (labels[start : start + columns], rounds[start : start + columns])
        for start in range(0, len(rounds), columns)
    ]
    column_heads = False
    as_table = table_label + sessions * one_scale + (sessions - 1) * COLUMN_GAP <= width
    if as_table and (sessions > 1 or plan.days == 1) and plan.days <= len(rows):
        # A row per day, a column per round, its name over it: the same number of
        # rows or fewer, and a day reads across.
        rows = [
            ([label], [(day, session) for session in range(1, sessions + 1)])
            for day, label in enumerate(day_labels, start=1)
        ]
        label_width, columns, column_heads = table_label, sessions, sessions > 1
    if label_width + one_scale > width:
        raise DoesNotFitError(
            "The pain scale does not fit across the page; use --layout handout or fewer --days."
        )
    # Where each column's boxes start; in a list each column has its labels before it.
    step = one_scale + COLUMN_GAP + (0.0 if column_heads or len(rows[0][0]) == 1 else label_width)
    # No space above the heading: the last exercise's closing gap is above it already.
    top = _heading(plan, composer, sessions, x, width)
    # A single column of a few scales leaves half the width empty: the heading goes
    # there, before the scales (read first, from the left), when that makes the block
    # shorter, a line or two on a page that is short of room. A longer list keeps it
    # above (its rows may part over a page break, and the heading goes with the first).
    text_width = width - label_width - one_scale - COLUMN_GAP
    row_height = max(box + gap, composer.line_height(label_size))
    scales_x = x
    if columns == 1 and not column_heads and len(rows) <= MAX_ROWS_BESIDE_HEADING:
        beside_heading = _heading(plan, composer, sessions, x, text_width, one_line=False)
        scales_height = 2 * composer.line_height(label_size) + len(rows) * row_height
        if text_width >= MIN_HEADING_WIDTH and sum(
            piece.height for piece in beside_heading
        ) < scales_height + sum(piece.height for piece in top):
            scales_x = x + width - label_width - one_scale
            top = []
    lefts = [scales_x + label_width + column * step for column in range(columns)]

    def numbers() -> Slice:
        """The column headings (the round, when a day has several) and the numbers."""
        lines: list[Slice] = []
        if column_heads:
            heads = Slice(composer.line_height(label_size))
            baseline = composer.centred_baseline(heads.height, label_size)
            for session, left in enumerate(lefts, start=1):
                heads.texts.append(
                    composer.text(left, baseline, wording.session_label(session), label_size, True)
                )
            lines.append(heads)
        figures = Slice(composer.line_height(label_size))
        baseline = composer.centred_baseline(figures.height, label_size)
        for left in lefts:
            for value, box_x in _box_lefts(left, box, gap):
                text = str(value)
                centre = box_x + box / 2
                figures.texts.append(
                    composer.text(
                        centre - composer.width_of(text, False, label_size) / 2,
                        baseline,
                        text,
                        label_size,
                    )
                )
        lines.append(figures)
        return stack(lines)

    row_slices: list[Slice] = []
    for labels, rounds in rows:
        row = Slice(row_height)
        baseline = composer.centred_baseline(row_height, label_size)
        for column, label in enumerate(labels):
            if label:
                label_x = scales_x if len(labels) == 1 else lefts[column] - label_width
                row.texts.append(composer.text(label_x, baseline, label, label_size))
        for (day, session), left in zip(rounds, lefts, strict=False):
            name = round_pain_name(day, session)
            when = wording.round_when(plan, day, session, sessions)
            for value, box_x in _box_lefts(left, box, gap):
                row.boxes.append(
                    ScaleBox(
                        box_x,
                        (row_height - box) / 2,
                        box,
                        name,
                        wording.pain_value_tooltip(value),
                        value,
                        wording.pain_scale_question(when),
                    )
                )
        row_slices.append(row)
    ends = Slice(composer.line_height(label_size))
    baseline = composer.centred_baseline(ends.height, label_size)
    for left in lefts:
        ends.texts.append(composer.text(left, baseline, wording.PAIN_NONE, label_size))
        worst_width = composer.width_of(wording.PAIN_WORST, False, label_size)
        ends.texts.append(
            composer.text(left + one_scale - worst_width, baseline, wording.PAIN_WORST, label_size)
        )
    space = sizes.block_gap
    closing = Slice(space, rules=[Rule(x, space / 2, x + width, space / 2, 0.5)])
    if scales_x != x:
        scales = stack([numbers(), *row_slices, ends])
        return Block([stack([beside(stack(beside_heading), scales), closing])], in_table=False)
    # The heading and numbers go with the first row, "no pain / worst" with the last:
    # a page break never leaves either alone, and the numbers repeat over a split.
    row_slices[0] = stack([*top, numbers(), row_slices[0]])
    row_slices[-1] = stack([row_slices[-1], ends, closing])
    return Block(row_slices, heading=lambda: [numbers()], in_table=False)


def _heading(
    plan: Plan, composer: Composer, sessions: int, x: float, width: float, one_line: bool = True
) -> list[Slice]:
    """'Your pain after each round:' in bold, then how to tick: on one line when it fits
    (and `one_line`), else the heading over the prompt."""
    body = composer.sizes.body
    heading = wording.pain_scale_heading(plan, sessions) + ":"
    prompt = wording.PAIN_SCALE_PROMPT
    heading_width = composer.width_of(heading + " ", True, body)
    if one_line and heading_width + composer.width_of(prompt, False, body) <= width:
        line = Slice(composer.line_height(body))
        baseline = composer.centred_baseline(line.height, body)
        line.texts.append(composer.text(x, baseline, heading, body, True))
        line.texts.append(composer.text(x + heading_width, baseline, prompt, body))
        return [line]
    return [
        *composer.text_lines(heading, x, width, body, True),
        *composer.text_lines(prompt, x, width, body),
    ]


def _box_lefts(left: float, box: float, gap: float) -> list[tuple[int, float]]:
    step = box + gap
    return [(value, left + index * step) for index, value in enumerate(SCALE)]

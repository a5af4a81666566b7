"""The page's own blocks, around the exercises: the header and the running band at the
top of later pages, the title page, the safety panel, the how-to lines, the notes
area and the footer.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from makeplan import wording
from makeplan.geometry.composer import Composer
from makeplan.geometry.items import DESCENT, MM, Frame, Rule, Text
from makeplan.geometry.pictures import logo_slice
from makeplan.geometry.slices import Block, Slice, beside, spacer, stack
from makeplan.model import Plan

if TYPE_CHECKING:
    # For type hints only: layouts imports geometry (for the arrangements' names).
    from makeplan.layouts import Layout


def header_block(plan: Plan, composer: Composer, x: float, width: float) -> Block:
    """Title, dates and names; the logo, when there is one, at the right."""
    sizes = composer.sizes
    logo: Slice | None = None
    text_width = width
    if composer.artwork.logo_aspect is not None:
        height = composer.layout.logo_height_mm * MM * max(composer.scale, 0.7)
        logo = logo_slice(composer, x, height, width * 0.3, right=x + width)
        text_width = width - logo.images[0].width - 4 * MM
    slices = composer.text_lines(wording.TITLE, x, text_width, sizes.title, bold=True)
    beside_title = not plan.patient and _name_beside(composer, slices, x + text_width)
    several_pages = not composer.layout.single_page
    slices += composer.text_lines(wording.subtitle(plan, several_pages), x, text_width, sizes.body)
    if not plan.patient and not beside_title:
        slices.append(name_line(composer, x, x + text_width, sizes.body))
    people = wording.people_line(plan)
    if people:
        slices += composer.fitted_lines(
            people, x, text_width, sizes.body, True, max_lines=2, what="the names at the top"
        )
    if logo is not None:
        slices = [beside(stack(slices), logo)]
    slices.append(spacer(sizes.body * 0.5))
    return Block(slices)


# The line to write a name on: long enough for a full name by hand, no longer.
NAME_RULE_SHORTEST = 40 * MM
NAME_RULE_LONGEST = 80 * MM
NAME_LABEL_GAP = 1.5 * MM


def _name_rule(
    composer: Composer, x: float, baseline: float, size: float, length: float
) -> tuple[Text, Rule]:
    """'Name:' at (x, baseline) and a line of `length` after it, just under the baseline."""
    label = composer.text(x, baseline, wording.NAME_LABEL, size)
    start = x + label.width + NAME_LABEL_GAP
    y = baseline + DESCENT * size * 0.5
    return label, Rule(start, y, start + length, y, 0.6)


def name_line(composer: Composer, x: float, right: float, size: float) -> Slice:
    """'Name: ______' on a line of its own (with no patient's name given), tall enough
    to write on by hand above the line."""
    label_width = composer.width_of(wording.NAME_LABEL, False, size)
    length = min(NAME_RULE_LONGEST, right - x - label_width - NAME_LABEL_GAP)
    height = max(composer.line_height(size) * 1.5, 8 * MM)
    baseline = height - DESCENT * size - composer.line_height(size) * 0.25
    label, rule = _name_rule(composer, x, baseline, size, length)
    return Slice(height, texts=[label], rules=[rule])


def _name_beside(composer: Composer, title: list[Slice], right: float) -> bool:
    """'Name: ______' at the right of the title's line, on its baseline, when the title
    is one line with room beside it (it costs the page no height there); True if so."""
    if len(title) != 1 or not title[0].texts:
        return False
    line = title[0].texts[0]
    size = composer.sizes.body
    label_width = composer.width_of(wording.NAME_LABEL, False, size)
    room = right - (line.x + line.width) - 6 * MM - label_width - NAME_LABEL_GAP
    if room < NAME_RULE_SHORTEST:
        return False
    length = min(room, NAME_RULE_LONGEST)
    start = right - length - NAME_LABEL_GAP - label_width
    label, rule = _name_rule(composer, start, line.y, size, length)
    title[0].texts.append(label)
    title[0].rules.append(rule)
    return True


def running_band(plan: Plan, composer: Composer, x: float, width: float) -> Slice:
    """The top of every page after the first: a short title, and the logo at the right."""
    size = composer.sizes.label
    height = composer.layout.logo_height_mm * MM * 0.75
    logo = logo_slice(composer, x, height, width * 0.25, right=x + width)
    room = width - logo.images[0].width - 6 * MM
    size, (line,) = composer.fit(
        wording.running_title(plan), False, size, room, 1, "the patient's name"
    )
    # At least a line of text tall, however flat the logo (a banner) came out.
    height = max(logo.height, composer.line_height(size))
    text = composer.text(x, height - DESCENT * size, line, size)
    band = Slice(height, texts=[text], images=logo.images)
    gap = 2.5 * MM
    return stack([band, Slice(gap, rules=[Rule(x, gap / 2, x + width, gap / 2, 0.4)])])


def title_page_blocks(
    plan: Plan, composer: Composer, x: float, width: float, with_list: bool = True
) -> list[Block]:
    """A first page: who it is for, safety, what a back spasm is, and the exercises."""
    sizes = composer.sizes
    layout = composer.layout
    blocks: list[Block] = []
    if composer.artwork.logo_aspect is not None:
        logo = logo_slice(composer, x, layout.title_logo_height_mm * MM, width * 0.6)
        blocks.append(Block([logo, spacer(sizes.block_gap)]))
    slices = composer.text_lines(wording.TITLE, x, width, sizes.title * 1.25, bold=True)
    several_pages = not layout.single_page
    slices += composer.text_lines(wording.subtitle(plan, several_pages), x, width, sizes.body)
    if not plan.patient:
        slices.append(name_line(composer, x, x + width, sizes.heading))
    for line, what in (
        (wording.patient_line(plan.patient), "the patient's name"),
        (wording.clinician_line(plan.clinician), "the clinician's name"),
    ):
        if line:
            slices += composer.fitted_lines(
                line, x, width, sizes.heading, True, max_lines=3, what=what
            )
    slices.append(spacer(sizes.block_gap))
    blocks.append(Block(slices))
    # Safety before anything else a patient reads.
    blocks += safety_blocks(plan, composer, x, width)
    strengthening = any(item.exercise.ability == 3 for item in plan.exercises)
    for index, (heading, paragraph) in enumerate(wording.ABOUT_SPASMS, start=1):
        if index == len(wording.ABOUT_SPASMS) and strengthening:
            # Only said when the plan has a strengthening exercise in it.
            paragraph = f"{paragraph} {wording.STRENGTH_NOTE}"
        part = composer.text_lines(heading, x, width, sizes.heading, bold=True)
        part += composer.text_lines(paragraph, x, width, sizes.body)
        part.append(spacer(sizes.body * 0.6))
        blocks.append(Block(part))
    if not with_list:
        return blocks
    blocks.append(exercise_list_block(plan, composer, x, width))
    return blocks


def exercise_list_block(plan: Plan, composer: Composer, x: float, width: float) -> Block:
    """'Your exercises': each exercise's name and dose, a line or so each."""
    sizes = composer.sizes
    listing = composer.text_lines(wording.EXERCISE_LIST_HEADING, x, width, sizes.heading, True)
    for number, item in enumerate(plan.exercises, start=1):
        listing += composer.hanging(
            f"{number}.",
            wording.exercise_list_line(item),
            x,
            width,
            sizes.body,
            max_lines=3,
            what=f"the name of exercise {number}",
        )
    return Block(listing)


def safety_blocks(
    plan: Plan, composer: Composer, x: float, width: float, in_columns: bool = False
) -> list[Block]:
    """The safety panel: framed, so it stands out in black and white.

    The warning signs in three tiers, most urgent first, each led by what to do;
    the emergency line is the boldest and largest text in it. Every sign is an
    item of a list, never run together with the others. A `list` panel gives
    each sign a line of its own and frames each tier (so a long panel can go over
    a page break between tiers, never inside one); a compact (`paragraph`) panel
    takes the shorter wording in one frame, each tier's signs in columns, a line
    each (see `_compact_tiers`). The plan's emergency number, when set, is in the
    emergency line; its contact ("Questions? Call ...") ends the panel. With
    `in_columns`, a `list` panel sets each tier's signs in columns too, when that is
    shorter (a first page that must also hold the first exercise).
    """
    sizes = composer.sizes
    size = sizes.body
    pad = size * 0.6
    inner_x, inner_width = x + pad, width - 2 * pad
    if composer.layout.safety_style == "paragraph":
        tiers = [_compact_tiers(composer, inner_x, inner_width, plan.emergency)]
    else:
        tiers = []
        tier_list = wording.safety_tiers(emergency=plan.emergency)
        for index, (heading, action, signs) in enumerate(tier_list):
            lead = wording.safety_tier_lead(heading, action)
            lead_size = max(sizes.heading, size) if index == 0 else size
            content = composer.text_lines(lead, inner_x, inner_width, lead_size, bold=True)
            if in_columns:
                content += list_columns(composer, signs, inner_x, inner_width, size, may_wrap=True)
            else:
                for sign in signs:
                    content += composer.hanging("\u2022", sign, inner_x, inner_width, size)
            tiers.append(content)
        tiers[-1] += _stop_line(composer, inner_x, inner_width)
    contact = wording.contact_line(plan.contact)
    if contact is not None:
        tiers[-1] += composer.text_lines(contact, inner_x, inner_width, size, bold=True)
    line = 1.4
    blocks: list[Block] = []
    for number, content in enumerate(tiers, start=1):
        panel = stack([spacer(pad * 0.7), *content, spacer(pad * 0.7)])
        # Inset by half the line width so the stroke stays inside the margins.
        panel.frames.append(Frame(x + line / 2, line / 2, width - line, panel.height - line, line))
        gap = sizes.block_gap * 0.7 if number == len(tiers) else size * 0.35
        blocks.append(Block([panel, spacer(gap)]))
    return blocks


def _stop_line(composer: Composer, x: float, width: float) -> list[Slice]:
    return composer.text_lines(wording.SAFETY_STOP, x, width, composer.sizes.body, bold=True)


def _compact_tiers(
    composer: Composer, x: float, width: float, emergency_number: str | None
) -> list[Slice]:
    """The three tiers in the shorter wording, as few lines tall as lists allow: the
    emergency lead across the panel and its signs in columns under it; then the other
    two tiers, each its lead over its signs in columns, beside each other when that is
    shorter than one under the other, with the line about pain getting worse last."""
    sizes = composer.sizes
    size = sizes.body
    (emergency, same_day, soon) = [
        (wording.safety_tier_lead(heading, action), signs)
        for heading, action, signs in wording.safety_tiers(short=True, emergency=emergency_number)
    ]

    def tier(
        lead: str, signs: tuple[str, ...], left: float, room: float, big: bool = False
    ) -> list[Slice]:
        lead_size = max(sizes.heading, size) if big else size
        return composer.text_lines(lead, left, room, lead_size, bold=True) + list_columns(
            composer, signs, left, room, size, may_wrap=True
        )

    slices = tier(*emergency, x, width, big=True)
    stacked = [*tier(*same_day, x, width), *tier(*soon, x, width), *_stop_line(composer, x, width)]
    # Beside each other: the second tier as wide as its widest line needs, the first
    # in the rest.
    gap = 4 * MM
    indent = composer.width_of("\u2022 ", False, size) + size * 0.2
    right_width = max(
        composer.width_of(soon[0], True, size),
        composer.width_of(wording.SAFETY_STOP, True, size),
        *(indent + composer.width_of(sign, False, size) for sign in soon[1]),
    )
    left_width = width - gap - right_width
    if left_width > right_width:
        left = tier(*same_day, x, left_width)
        right_x = x + left_width + gap
        right = [*tier(*soon, right_x, right_width), *_stop_line(composer, right_x, right_width)]
        side_by_side = beside(stack(left), stack(right))
        if side_by_side.height < sum(piece.height for piece in stacked):
            return [*slices, side_by_side]
    return [*slices, *stacked]


def list_columns(
    composer: Composer,
    signs: Sequence[str],
    x: float,
    width: float,
    size: float,
    markers: Sequence[str] | None = None,
    may_wrap: bool = False,
) -> list[Slice]:
    """A list in columns, read down each column: as many columns (up to four) as
    keep every item on one line; one column, wrapped, when even two do not. Each
    item has its marker (`markers`, or a bullet) hanging before it. With `may_wrap`,
    columns whose items wrap under themselves are taken when they are shorter (one
    slice then: the columns do not line up row by row)."""
    marks = list(markers) if markers is not None else ["\u2022"] * len(signs)
    indent = max(composer.width_of(mark + " ", False, size) for mark in marks) + size * 0.2
    gap = 4 * MM
    longest = max(composer.width_of(sign, False, size) for sign in signs)
    columns = 1
    for count in (4, 3, 2, 1):
        column_width = (width - gap * (count - 1)) / count
        if indent + longest <= column_width:
            columns = count
            break
    height = composer.line_height(size)
    if may_wrap:
        one_line = -(-len(signs) // columns) * height
        if indent + longest > width:
            one_line = sum(
                len(composer.wrap(sign, False, size, width - indent)) * height for sign in signs
            )
        wrapped = _wrapped_columns(composer, marks, signs, x, width, size, indent, gap)
        if wrapped is not None and wrapped.height < one_line - 0.01:
            return [wrapped]
    if indent + longest > width:
        return [
            piece
            for mark, sign in zip(marks, signs, strict=True)
            for piece in _hanging(composer, mark, sign, x, width, size, indent)
        ]
    rows = -(-len(signs) // columns)
    column_width = (width - gap * (columns - 1)) / columns
    baseline = composer.centred_baseline(height, size)
    slices = []
    for row in range(rows):
        texts = []
        for column in range(columns):
            index = column * rows + row
            if index >= len(signs):
                continue
            left = x + column * (column_width + gap)
            texts.append(composer.text(left, baseline, marks[index], size))
            texts.append(composer.text(left + indent, baseline, signs[index], size))
        slices.append(Slice(height, texts=texts))
    return slices


def _hanging(
    composer: Composer, mark: str, sign: str, x: float, width: float, size: float, indent: float
) -> list[Slice]:
    """One item: its marker, then its text wrapped under itself at `indent`."""
    slices = composer.text_lines(sign, x + indent, width - indent, size)
    first = slices[0].texts[0]
    slices[0].texts.append(composer.text(x, first.y, mark, size))
    return slices


def _wrapped_columns(
    composer: Composer,
    marks: Sequence[str],
    signs: Sequence[str],
    x: float,
    width: float,
    size: float,
    indent: float,
    gap: float,
) -> Slice | None:
    """The list in 2 or 3 columns of items that may wrap, split where the tallest
    column is shortest (items stay in order, read down each column); None when no
    split has more than one column."""
    line = composer.line_height(size)
    best: tuple[float, int, tuple[int, ...]] | None = None
    for count in (2, 3):
        if count > len(signs):
            break
        column_width = (width - gap * (count - 1)) / count
        heights = [
            len(composer.wrap(sign, False, size, column_width - indent)) * line for sign in signs
        ]
        for cuts in itertools.combinations(range(1, len(signs)), count - 1):
            edges = (0, *cuts, len(signs))
            tallest = max(sum(heights[a:b]) for a, b in itertools.pairwise(edges))
            if best is None or tallest < best[0] - 0.01:
                best = (tallest, count, edges)
    if best is None:
        return None
    _, count, edges = best
    column_width = (width - gap * (count - 1)) / count
    columns = []
    for column, (start, end) in enumerate(itertools.pairwise(edges)):
        left = x + column * (column_width + gap)
        pieces = [
            piece
            for index in range(start, end)
            for piece in _hanging(composer, marks[index], signs[index], left, column_width,
                                  size, indent)
        ]  # fmt: skip
        columns.append(stack(pieces))
    return beside(*columns)


def intro_block(plan: Plan, composer: Composer, x: float, width: float, how_to: str) -> Block:
    """How to use the sheet (`how_to`, the arrangement's), and the clinician's notes."""
    sizes = composer.sizes
    hint = wording.picture_hint(
        composer.has_pictures,
        composer.layout.show_steps,
        key_frames=composer.layout.picture_frames == "key",
        has_cues=composer.layout.show_cue,
    )
    slices = composer.text_lines(hint + how_to, x, width, sizes.body)
    if plan.notes:
        slices += composer.fitted_lines(
            wording.clinician_notes(plan.notes),
            x,
            width,
            sizes.body,
            True,
            max_lines=composer.notes_lines if composer.layout.single_page else 30,
            what="the clinician's notes",
        )
    slices.append(spacer(sizes.block_gap * 0.6))
    return Block(slices)


def notes_area(composer: Composer, x: float, width: float, room: float) -> list[Slice]:
    """Ruled lines in the space left at the end, for the patient's own notes."""
    size = composer.sizes.body
    line_gap = 9 * MM
    title = composer.text_lines(wording.NOTES_PROMPT, x, width, size, bold=True)
    title_height = sum(piece.height for piece in title)
    lines = int((room - title_height - size) // line_gap)
    if lines < 2:
        return []
    ruled = [
        Slice(line_gap, rules=[Rule(x, line_gap - 0.4, x + width, line_gap - 0.4, 0.4)])
        for _ in range(min(lines, 12))
    ]
    return [spacer(size * 0.5), *title, *ruled]


def footer_texts(
    layout: Layout,
    composer: Composer,
    plan: Plan,
    page: int,
    pages: int,
    x: float,
    width: float,
    baseline: float,
) -> list[Text]:
    """Page number and the short safety reminder, on the bottom margin line."""
    size = composer.sizes.label
    texts = []
    if layout.page_numbers:
        number = wording.page_number(page, pages)
        number_width = composer.width_of(number, False, size)
        texts.append(composer.text(x + width - number_width, baseline, number, size))
        reminder_room = width - number_width - 6 * MM
        reminder = ""
        if page > 1:
            # The longest version that fits on the line; the safety words come first.
            candidates = wording.footer_reminders(plan.patient)
            fitting = [c for c in candidates if composer.width_of(c, False, size) <= reminder_room]
            reminder = fitting[0] if fitting else candidates[-1]
        if reminder:
            # Even the shortest may not fit a narrow page: smaller, then cut, and said.
            size, (line,) = composer.fit(
                reminder,
                False,
                size,
                reminder_room,
                1,
                "the safety reminder at the foot of the pages",
                "use a layout with a smaller text.label_pt or page.margin_mm",
            )
            texts.append(composer.text(x, baseline, line, size))
    return texts

"""The size search: a plan and a layout in, a placed `Document` out.

`place` builds the page's blocks at the layout's sizes and paginates them. A
single-page layout tries smaller sizes step by step until the whole plan fits;
when even the smallest does not fit with pictures, it tries again without them,
and then it says it cannot. The layout's arrangement (see `arrangements`) builds
each exercise and says what it needs around it.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from makeplan import wording
from makeplan.errors import DoesNotFitError
from makeplan.geometry.arrangements import Arrangement, Wraps, arrangement_named
from makeplan.geometry.arrangements.base import shows_key_pair
from makeplan.geometry.composer import Composer, Sizes
from makeplan.geometry.items import DESCENT, MM, Artwork, Document
from makeplan.geometry.page_blocks import (
    exercise_list_block,
    footer_texts,
    header_block,
    intro_block,
    notes_area,
    running_band,
    safety_blocks,
    title_page_blocks,
)
from makeplan.geometry.slices import Block, Slice, page_of, paginate, spacer
from makeplan.geometry.text import Measure, remembering
from makeplan.model import Plan

if TYPE_CHECKING:
    # For type hints only: layouts imports geometry (for the arrangements' names).
    from makeplan.layouts import Layout

PAPER_SIZES: dict[str, tuple[float, float]] = {
    "a4": (210 * MM, 297 * MM),
    "letter": (8.5 * 72, 11 * 72),
}


# Patient materials for older readers are set at 12 pt or more: a single page that
# can reach it tries that size exactly (the even steps may step over it, 11.9 pt).
PATIENT_BODY_PT = 12.0


def _scales(largest: float = 1.0, body_pt: float = 0.0) -> Iterator[float]:
    """The sizes a single page tries, largest first: from the layout's `max_scale`
    (a page with room grows before it adds note lines) down in even steps, half
    steps above the base size (where a page with a few exercises lands, and a
    step is the difference between 11.9 and 12.3 pt), and the size that sets body
    text of `body_pt` at exactly 12 pt when that lies between them."""
    floor = round(PATIENT_BODY_PT / body_pt, 4) if body_pt else 0.0
    scale = largest
    while scale > 0.3:
        step = 0.025 if scale > 1.0 + 1e-9 else 0.05
        yield round(scale, 3)
        if scale - step < floor < scale:
            yield floor
        scale -= step


@dataclass(frozen=True)
class _Paper:
    width: float
    height: float
    margin: float

    @property
    def content_width(self) -> float:
        return self.width - 2 * self.margin

    @property
    def content_height(self) -> float:
        return self.height - 2 * self.margin


def place(
    plan: Plan,
    layout: Layout,
    paper: str,
    measure: Measure,
    artwork: Artwork | None = None,
    title_page: bool | None = None,
) -> Document:
    """Lay the plan out on pages of `paper` following `layout`.

    A single-page layout takes the largest size that fits, from its `max_scale`
    (a page with room grows) down step by step; when even the smallest does not
    fit with pictures, it tries again without them, and when that fails too, an
    arrangement that `continues` goes on to more pages. Each fallback is a warning.
    """
    artwork = artwork or Artwork()
    arrangement = arrangement_named(layout.arrangement)
    measure = remembering(measure)
    title_page = layout.title_page if title_page is None else title_page
    width, height = PAPER_SIZES[paper]
    if layout.orientation == "landscape":
        width, height = height, width
    sheet = _Paper(width, height, layout.margin_mm * MM)
    # Every row of boxes needs at least one minimum-size box of height; when even that
    # is taller than a single page, no amount of shrinking helps, so say so now.
    rows = arrangement.box_rows(plan)
    if layout.single_page and rows * layout.min_box_mm * MM > sheet.content_height:
        raise _does_not_fit(plan, layout)
    has_pictures = layout.pictures and any(
        artwork.has_picture(item.exercise.id) for item in plan.exercises
    )
    scales = list(_scales(layout.max_scale, layout.body_pt)) if layout.single_page else [1.0]
    a4_scale = 0.0
    if layout.single_page and arrangement.keeps_a4_sizes and paper != "a4":
        # On other paper (Letter: 18 mm narrower in landscape), the title and pictures
        # stay as large as on A4 for the same plan; the columns, text and boxes give
        # up the width. (Not when A4 itself needs more pages or no pictures: then
        # there is no A4 size to keep.)
        try:
            on_a4 = place(plan, layout, "a4", measure, artwork, title_page)
        except DoesNotFitError:
            on_a4 = None
        if on_a4 is not None and len(on_a4.pages) == 1 and not on_a4.warnings:
            a4_scale = on_a4.scale
    # A week's boxes stay on one line per day at every size, with and without
    # pictures, before any size may wrap them (a wrapped group reads as two).
    wraps = (False, True) if arrangement.lines_first else (True,)
    # Long clinician's notes on a single page are cut shorter before giving up.
    note_caps = (6, 3, 1) if layout.single_page and plan.notes else (6,)
    # A size whose boxes cannot fit across the page may still fit smaller. If no size
    # fits and none was merely too tall, that is the reason to give.
    too_wide: DoesNotFitError | None = None
    too_tall = False

    def at(
        scale: float,
        pictures: bool,
        may_wrap: bool,
        notes_lines: int = 6,
        continued: bool = False,
        keep: float = 0.0,
        probe: bool = False,
    ) -> Document | None:
        nonlocal too_wide, too_tall
        # A sheet that goes on to more pages numbers them.
        paged = replace(layout, page_numbers=True) if continued else layout
        try:
            document = _attempt(
                plan, paged, arrangement, sheet, measure, artwork, title_page, pictures, scale,
                may_wrap=may_wrap, notes_lines=notes_lines, continued=continued, keep=keep,
                keep_title=a4_scale, probe=probe,
            )  # fmt: skip
        except Wraps:
            return None
        except DoesNotFitError as exc:
            if not layout.single_page:
                raise
            too_wide = exc
            return None
        too_tall = too_tall or document is None
        return document

    picture_choices = (True, False) if layout.single_page and has_pictures else (True,)
    for notes_lines, may_wrap, pictures in itertools.product(note_caps, wraps, picture_choices):
        # The A4 sizes are kept when they fit; smaller pictures are better than none
        # (the title keeps its A4 size either way: it takes no width from the days).
        for kept in dict.fromkeys((a4_scale, 0.0) if pictures else (0.0,)):
            fit = functools.partial(
                at, pictures=pictures, may_wrap=may_wrap, notes_lines=notes_lines, keep=kept
            )
            document = _largest_fitting(scales, fit, functools.partial(_fits, fit))
            if document is not None:
                break
        if document is None:
            continue
        if has_pictures and not pictures:
            document = replace(
                document,
                warnings=(
                    *document.warnings,
                    "the pictures were left out so that everything fits on one page; "
                    "use --layout handout to have them.",
                ),
            )
        return document
    if layout.single_page and arrangement.continues:
        # Even the smallest size does not fit one page: go on to more pages, numbered,
        # the table's headings again at the top of each, at the largest size that
        # keeps each day's boxes on one line; and say so.
        for may_wrap, scale in itertools.product(wraps, _scales()):
            document = at(scale, has_pictures, may_wrap, continued=True)
            if document is not None:
                count = len(document.pages)
                return replace(
                    document,
                    warnings=(
                        *document.warnings,
                        f"the sheet did not fit on one page, so it goes on to {count} pages"
                        f"{arrangement.continued_note}; print both sides or staple them.",
                    ),
                )
    if too_wide is not None and not too_tall:
        raise too_wide
    raise _does_not_fit(plan, layout)


def _largest_fitting(
    scales: list[float],
    fit: Callable[[float], Document | None],
    probe: Callable[[float], bool],
) -> Document | None:
    """The document at the largest of `scales` (largest first) that fits, trying them in
    order, with two shortcuts: a page that does not fit at its base size (1.0) does not
    fit larger either, so the sizes above it are skipped unless the base fits; and one
    that does not fit at the smallest size does not fit at all. Those two sizes are
    only measured first (`probe`: rows without their boxes, as `_attempt` says): each
    is made whole only when it is the size used.

    Top down, because a size that does not fit is cheap to try (it stops at the first
    exercise past the page's end) and one that fits is a whole layout: the first that
    fits is the only whole one made.
    """
    grown = [scale for scale in scales if scale > 1.0]
    rest = [scale for scale in scales if scale <= 1.0]
    if not rest:
        return _first_fitting(fit, grown)
    if grown:
        if probe(rest[0]):
            return _first_fitting(fit, [*grown, rest[0]])
        rest = rest[1:]
    # When the smallest size does not fit, none does: one try, not one per size.
    if not rest or not probe(rest[-1]):
        return None
    return _first_fitting(fit, rest)


def _fits(fit: Callable[..., Document | None], scale: float) -> bool:
    """Whether `fit` finds the page fits at `scale`, only measuring (a probe)."""
    return fit(scale, probe=True) is not None


def _first_fitting(fit: Callable[[float], Document | None], scales: list[float]) -> Document | None:
    return next((found for found in map(fit, scales) if found is not None), None)


def _attempt(
    plan: Plan,
    layout: Layout,
    arrangement: Arrangement,
    sheet: _Paper,
    measure: Measure,
    artwork: Artwork,
    title_page: bool,
    pictures: bool,
    scale: float,
    may_wrap: bool = True,
    notes_lines: int = 6,
    continued: bool = False,
    keep: float = 0.0,
    keep_title: float = 0.0,
    probe: bool = False,
) -> Document | None:
    """The document at one size, or None when a single-page layout does not fit
    (a `continued` one goes on to more pages instead). A `probe` only asks whether it
    fits: its rows are measured, without boxes (the same heights, at a fraction of the
    cost), and what it returns when it fits is an empty document, only a yes."""
    one_page = layout.single_page and not continued
    x, width = sheet.margin, sheet.content_width
    sizes = Sizes.of(layout, scale, max(keep, keep_title))
    composer = Composer(layout, sizes, measure, artwork, pictures, scale, may_wrap, keep)
    composer.notes_lines = notes_lines
    composer.measuring = probe
    footer_band = composer.line_height(sizes.label) * 1.5 if layout.page_numbers else 0.0
    body_height = sheet.content_height - footer_band
    band: Slice | None = None
    if artwork.logo_aspect is not None and (title_page or not one_page):
        band = running_band(plan, composer, x, width)
    band_height = band.height if band is not None else 0.0
    front: list[list[Slice]] = []
    title_warnings: list[str] = []
    list_moved = False
    if title_page:
        front, title_warnings, list_moved = _title_pages(
            plan, layout, measure, artwork, pictures, x, width, body_height, band_height
        )
    blocks: list[Block] = []
    if not title_page:
        blocks += [header_block(plan, composer, x, width), *safety_blocks(plan, composer, x, width)]
    lead = [intro_block(plan, composer, x, width, arrangement.how_to_use(plan))]
    if list_moved:
        # Not dropped: the list of exercises heads the first exercise page instead.
        listing = exercise_list_block(plan, composer, x, width)
        lead.insert(0, Block([*listing.slices, spacer(sizes.body * 0.6)]))
    lead += arrangement.lead_blocks(plan, composer, x, width)
    first_height = body_height - (band_height if title_page else 0.0)
    used = sum(block.height for block in [*blocks, *lead])
    if one_page:
        composer.exercise_room = first_height - used
    exercises: list[Block] = []
    for number, item in enumerate(plan.exercises, start=1):
        exercises.append(arrangement.exercise_block(number, item, plan, composer, x, width))
        used += exercises[-1].height
        if one_page and (used > first_height or composer.rows_overflow):
            # This size is too big already (or measuring the rows found it so): no need
            # to place the rest.
            return None
    # The how-to lines and table headings stay on the page of the first exercise.
    first = exercises[0]
    lead_slices = [piece for block in lead for piece in block.slices]
    if list_moved and sum(piece.height for piece in lead_slices) + first.height > first_height:
        # The list would part the first exercise from its boxes: it stays on the title
        # pages after all.
        front, title_warnings, _ = _title_pages(
            plan, layout, measure, artwork, pictures, x, width, body_height, band_height,
            may_move_list=False,
        )  # fmt: skip
        lead_slices = [piece for block in lead[1:] for piece in block.slices]
    if not title_page and not one_page:
        # What must share page 1 with the warning signs for the first exercise to start
        # there: its steps and first round of boxes.
        kept = first.slices[: first.together] if first.together else first.slices
        opening = sum(piece.height for piece in [*lead_slices, *kept])
        if sum(block.height for block in blocks) + opening > first_height:
            # Not under a page of warning signs alone: set in columns, they may leave
            # the first exercise room on page 1 (only then: one under the other they
            # read more easily).
            header, *_ = blocks
            narrower = [header, *safety_blocks(plan, composer, x, width, in_columns=True)]
            if sum(block.height for block in narrower) + opening <= first_height:
                blocks = narrower
    together = len(lead_slices) + first.together if first.together else 0
    exercises[0] = Block(lead_slices + first.slices, heading=first.heading, together=together)
    blocks += exercises
    blocks += arrangement.closing_blocks(plan, composer, x, width)
    if one_page and sum(block.height for block in blocks) > first_height:
        return None
    if probe:
        return Document(sheet.width, sheet.height, sheet.margin, pages=(), title="", subject="",
                        author="", scale=scale)  # fmt: skip
    # The sizes are tried with each row's key frame alone; at the size that is used, a
    # row whose pose has a key pair is made again with it, kept where it is no taller
    # or, on a single page, where the page has that room to spare below its rows (the
    # size and page count stay; the spare room was only the notes lines). Two frames
    # show the move, one only its end: worth more to a patient than two note lines.
    spare = first_height - sum(block.height for block in blocks) if one_page else 0.0
    for index, paired in _with_key_pairs(plan, arrangement, composer, x, width):
        grows = paired.height - (first if index == 0 else exercises[index]).height
        if grows > 0.01:
            if grows > spare:
                continue  # no room for two frames: the key frame alone
            spare -= grows
        at = next(i for i, block in enumerate(blocks) if block is exercises[index])
        if index == 0:
            together = len(lead_slices) + paired.together if paired.together else 0
            paired = Block(lead_slices + paired.slices, heading=paired.heading, together=together)
        blocks[at] = paired
    if one_page:
        content = [[piece for block in blocks for piece in block.slices]]
    else:
        heading = arrangement.page_heading(plan, composer, x, width)
        content = paginate(blocks, first_height, body_height - band_height, heading)
    if layout.notes_area:
        page_height = first_height if len(content) == 1 else body_height - band_height
        used = sum(piece.height for piece in content[-1])
        notes = notes_area(composer, x, width, page_height - used)
        content[-1] += notes
        if not notes and not one_page:
            # On a single page the lines fill what is left, when anything is; a
            # handout's last page is expected to have them.
            composer.warnings.append(
                "the 'My notes' lines were left out: the last page has no room left for "
                "them; the patient can write notes on the back of the page."
            )
    page_slices = front + content
    pages = []
    for index, slices in enumerate(page_slices, start=1):
        if index > 1 and band is not None:
            slices = [band, *slices]
        page = page_of(slices, sheet.height - sheet.margin)
        footer = footer_texts(
            layout,
            composer,
            plan,
            index,
            len(page_slices),
            x,
            width,
            sheet.margin + DESCENT * sizes.label,
        )
        pages.append(replace(page, texts=page.texts + tuple(footer)))
    return Document(
        width=sheet.width,
        height=sheet.height,
        margin=sheet.margin,
        pages=tuple(pages),
        title=wording.document_title(plan),
        subject=wording.document_subject(plan),
        author=plan.clinician or "",
        warnings=tuple(dict.fromkeys(composer.warnings + title_warnings)),
        scale=scale,
    )


def _with_key_pairs(
    plan: Plan, arrangement: Arrangement, composer: Composer, x: float, width: float
) -> Iterator[tuple[int, Block]]:
    """Each row (0-based) that shows its key pair (`shows_key_pair`), made again with it
    (the texts' warnings are said once, by the first making)."""
    warnings, shrunk = list(composer.warnings), composer.shrunk
    composer.key_pairs = True
    for number, item in enumerate(plan.exercises, start=1):
        if shows_key_pair(item, composer):
            yield number - 1, arrangement.exercise_block(number, item, plan, composer, x, width)
    composer.key_pairs = False
    composer.warnings[:], composer.shrunk = warnings, shrunk


def _title_pages(
    plan: Plan,
    layout: Layout,
    measure: Measure,
    artwork: Artwork,
    pictures: bool,
    x: float,
    width: float,
    body_height: float,
    band_height: float,
    may_move_list: bool = True,
) -> tuple[list[list[Slice]], list[str], bool]:
    """The title page (and any page it spills onto), its warnings, and whether the
    list of exercises was kept off it.

    The list of exercises is a summary of the pages after: it moves to the top of the
    first exercise page when that keeps the title page to fewer pages; when the title
    page spills over anyway, the list goes on the page it spills onto.
    """

    def pages(with_list: bool) -> tuple[list[list[Slice]], list[str]]:
        # The title page keeps the layout's full sizes even when the sheet shrinks.
        full = Composer(layout, Sizes.of(layout, 1.0), measure, artwork, pictures)
        blocks = title_page_blocks(plan, full, x, width, with_list=with_list)
        # Pages after the first carry the running band (with a logo) at the top.
        return paginate(blocks, body_height, body_height - band_height), full.warnings

    front, warnings = pages(with_list=True)
    if len(front) == 1:
        return front, warnings, False
    without, warnings_without = pages(with_list=False)
    if len(without) >= len(front):
        return front, warnings, False
    if may_move_list:
        return without, warnings_without, True
    # Left out, and said, when it cannot head the first exercise page either.
    fix = "choose fewer exercises"
    if artwork.logo_aspect is not None:
        fix = "print without --logo, or choose fewer exercises,"
    fits = (
        "it fits on one page"
        if len(without) == 1
        else f"it takes {len(without)} pages, not {len(front)}"
    )
    return (
        without,
        [
            *warnings_without,
            f"the list 'Your exercises' was left off the title page so that {fits}; "
            f"{fix} to have it.",
        ],
        False,
    )


def _does_not_fit(plan: Plan, layout: Layout) -> DoesNotFitError:
    count = len(plan.exercises)
    what = "This exercise" if count == 1 else f"These {count} exercises"
    notes = " and the notes" if plan.notes else ""
    verb = "does" if count == 1 and not notes else "do"
    # Several days fit best in a table with a column per day.
    other = "week" if plan.days > 1 and layout.arrangement != "week-table" else "handout"
    return DoesNotFitError(
        f"{what} with {plan.box_count()} boxes to tick{notes} {verb} not fit on one page "
        f"of the {layout.name} layout, even with text at {layout.min_pt:g} pt; use "
        f"--layout {other}, or choose fewer exercises, --days or --sessions."
    )

"""Geometry as tables of expected numbers (the img2pdf way): no reportlab, no PDF.

Every text is measured by a fixed fake measure, half the font size per character,
so a line of text at size s in a width w holds at most 2 * w / s characters and
every number below can be worked out by hand from the code. The layout is made
here, not read from a file, so a change to a packaged layout changes no row.
Positions are in points, rounded to 0.001.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import pytest

from makeplan.errors import DoesNotFitError
from makeplan.geometry import MM, Text, place
from makeplan.geometry.composer import Composer, Sizes
from makeplan.geometry.grid import balanced, tick_grid
from makeplan.geometry.slices import Block, Slice, page_of, paginate
from makeplan.geometry.text import ellipsized, fit, shortened, wrap
from makeplan.layouts import Layout
from makeplan.model import Exercise, Plan, PlannedExercise

START = dt.date(2026, 11, 23)  # a Monday: day labels are "Mon 23 Nov" (10 characters)


def measure(text: str, font: str, size: float) -> float:
    return 0.5 * size * len(text)


LAYOUT = Layout(
    name="table",
    description="",
    single_page=False,
    orientation="portrait",
    margin_mm=10,
    font="F",
    bold_font="FB",
    title_pt=20,
    heading_pt=14,
    body_pt=10,
    label_pt=10,
    min_pt=8,
    line_spacing=1.2,
    max_scale=1.0,
    arrangement="stacked",
    text_fraction=0.5,
    show_cue=False,
    show_steps=False,
    show_details=False,
    show_cautions=False,
    block_gap_mm=5,
    safety_style="paragraph",
    page_numbers=False,
    notes_area=False,
    box_mm=6,
    min_box_mm=4,
    box_gap_mm=2,
    box_line_pt=1,
    title_page=False,
    default_days=None,
    pictures=False,
    picture_width_mm=40,
    picture_captions=False,
    picture_frames="all",
    picture_height_mm=40,
    logo_height_mm=12,
    title_logo_height_mm=35,
)

EXERCISE = Exercise(
    id="ex",
    name="Ex",
    position="lying",
    ability=1,
    ability_reason="",
    cue="Cue.",
    reps=1,
    sides=1,
    hold_seconds=0,
    sessions_per_day=1,
    defaults=(),
    targets=("back",),
    equipment=(),
    steps=("Move.",),
    cautions=(),
    source=(),
)


# --- wrapping: a line holds at most 2 * width / size characters ---

WRAP = [
    ("", 10, 100, [""]),
    ("one", 10, 100, ["one"]),
    ("one two three four five", 10, 100, ["one two three four", "five"]),
    ("one two three four five", 10, 50, ["one two", "three four", "five"]),
    ("one two three four five", 10, 40, ["one two", "three", "four", "five"]),
    ("one two three four five", 20, 100, ["one two", "three four", "five"]),
    ("abcdefghij", 10, 25, ["abcde", "fghij"]),
    ("abcdefghijk", 10, 25, ["abcde", "fghij", "k"]),
    ("ab abcdefghij", 10, 25, ["ab", "abcde", "fghij"]),
    ("line one\nline two", 10, 100, ["line one", "line two"]),
    ("a\n\nb", 10, 100, ["a", "b"]),
    ("   spaced    out   ", 10, 100, ["spaced out"]),
    ("aaaa bbbb", 10, 45, ["aaaa bbbb"]),
    ("aaaa bbbb", 10, 44.9, ["aaaa", "bbbb"]),
    ("x", 10, 1, ["x"]),
    ("xy", 10, 1, ["x", "y"]),
    ("hello world", 8, 20, ["hello", "world"]),
    ("tick a box", 12, 30, ["tick", "a box"]),
    ("a b c d e f", 10, 15, ["a b", "c d", "e f"]),
    (
        "Stop, or do less, if your pain gets worse.",
        10,
        100,
        ["Stop, or do less, if", "your pain gets", "worse."],
    ),
    (
        "Stop, or do less, if your pain gets worse.",
        10,
        150,
        ["Stop, or do less, if your pain", "gets worse."],
    ),
    ("My back exercises", 9, 45, ["My back", "exercises"]),
    ("My back exercises", 9, 76.5, ["My back exercises"]),
    ("My back exercises", 9, 76.4, ["My back", "exercises"]),
    ("supercalifragilistic", 10, 30, ["superc", "alifra", "gilist", "ic"]),
    ("go supercalifragilistic now", 10, 30, ["go", "superc", "alifra", "gilist", "ic now"]),
]


@pytest.mark.parametrize(("text", "size", "width", "expected"), WRAP)
def test_wrap(text: str, size: float, width: float, expected: list[str]) -> None:
    assert wrap(text, measure, "F", size, width) == expected


# --- fitting: 8% smaller per step down to the minimum, then cut with an ellipsis ---

FIT = [
    ("one two three", 10, 100, 1, 8, (10, ["one two three"], False)),
    ("one two three four five", 10, 100, 1, 8, (8.46, ["one two three four five"], False)),
    ("one two three four five", 10, 90, 1, 8, (8, ["one two three four\u2026"], True)),
    ("one two three four five", 10, 90, 2, 8, (10, ["one two three four", "five"], False)),
    ("one two three four five", 10, 60, 1, 10, (10, ["one two\u2026"], True)),
    ("abcdefghijklmnopqrst", 10, 50, 1, 10, (10, ["abcdefghi\u2026"], True)),
    ("ab cd ef", 10, 40, 1, 10, (10, ["ab cd ef"], False)),
    ("ab cd ef", 10, 35, 1, 10, (10, ["ab cd\u2026"], True)),
    ("aaaa bbbb cccc", 10, 60, 1, 8, (8.46, ["aaaa bbbb cccc"], False)),
    ("aaaa bbbb cccc", 10, 56, 1, 8, (8, ["aaaa bbbb cccc"], False)),
    ("aaaa bbbb cccc", 20, 100, 2, 8, (20, ["aaaa bbbb", "cccc"], False)),
    ("aaaa bbbb cccc dddd", 20, 100, 2, 8, (20, ["aaaa bbbb", "cccc dddd"], False)),
    (
        "aaaa bbbb cccc dddd eeee",
        20,
        100,
        2,
        15,
        (15, ["aaaa bbbb", "cccc dddd\u2026"], True),
    ),
    ("", 10, 50, 1, 8, (10, [""], False)),
    ("a\nb\nc\nd", 10, 50, 3, 10, (10, ["a", "b", "c\u2026"], True)),
]


@pytest.mark.parametrize(("text", "size", "width", "max_lines", "min_size", "expected"), FIT)
def test_fit(
    text: str,
    size: float,
    width: float,
    max_lines: int,
    min_size: float,
    expected: tuple[float, list[str], bool],
) -> None:
    assert fit(text, measure, "F", size, width, max_lines, min_size) == expected


# --- one line cut short: the room is the width less the ellipsis (half the size) ---

CUT = [
    (ellipsized, "abcdef", 10, 100, "abcdef\u2026"),
    (ellipsized, "abcdef", 10, 30, "abcde\u2026"),
    (ellipsized, "abcdef", 10, 20, "abc\u2026"),
    (ellipsized, "ab cdef", 10, 20, "ab\u2026"),
    (ellipsized, "abcdef", 10, 5, "a\u2026"),
    (ellipsized, "abcdef", 10, 3, "a\u2026"),
    (ellipsized, "a  b", 10, 17.5, "a\u2026"),
    (ellipsized, "", 10, 50, "\u2026"),
    (shortened, "abcdef", 10, 30, "abcdef"),
    (shortened, "abcdefg", 10, 30, "abcde\u2026"),
    (shortened, "Exercise report: Ann", 8, 40, "Exercise\u2026"),
    (shortened, "", 10, 0, ""),
    (shortened, "abc   ", 10, 20, "abc\u2026"),
]


@pytest.mark.parametrize(("cut", "text", "size", "width", "expected"), CUT)
def test_cut_to_one_line(cut, text: str, size: float, width: float, expected: str) -> None:
    assert cut(text, measure, "F", size, width) == expected


# --- boxes per line, evened out over the lines they take ---

BALANCED = [
    (5, 5, 5),
    (4, 5, 3),
    (3, 5, 3),
    (2, 5, 2),
    (1, 5, 1),
    (6, 10, 5),
    (7, 10, 5),
    (9, 10, 5),
    (10, 10, 10),
    (12, 10, 10),
    (4, 10, 4),
    (3, 10, 3),
    (5, 12, 4),
    (8, 15, 8),
]


@pytest.mark.parametrize(("per_line", "count", "expected"), BALANCED)
def test_balanced(per_line: int, count: int, expected: int) -> None:
    assert balanced(per_line, count) == expected


# --- sizes at a scale: text never below min_pt (8), boxes never below 4 mm ---

SIZES = [
    # scale: title, heading, body, label (pt), line spacing, box, box gap, block gap (mm)
    (1.0, (20, 14, 10, 10, 1.2, 6, 2, 5)),
    (0.9, (18, 12.6, 9, 9, 1.15, 5.4, 1.8, 4.5)),
    (0.75, (15, 10.5, 8, 8, 1.1, 4.5, 1.5, 3.75)),
    # Boxes never closer than 1.5 mm (a shaky tick stays in its own box).
    (0.5, (10, 8, 8, 8, 1.1, 4, 1.5, 2.5)),
    (0.35, (8, 8, 8, 8, 1.1, 4, 1.5, 1.75)),
]


@pytest.mark.parametrize(("scale", "expected"), SIZES)
def test_sizes(scale: float, expected: tuple[float, ...]) -> None:
    sizes = Sizes.of(LAYOUT, scale)
    got = (sizes.title, sizes.heading, sizes.body, sizes.label, sizes.line_spacing)
    got += (sizes.box / MM, sizes.box_gap / MM, sizes.block_gap / MM)
    assert tuple(round(value, 6) for value in got) == expected


# --- the tick grid of one exercise, at x = 0 ---
#
# At scale 1: box 6 mm (17.008 pt), gap 2 mm (5.669), a line of boxes 22.677 high
# (box + gap, taller than a 12 pt line of 10 pt labels), and each row a gap more.
# Left of the boxes: the row label ("Mon 23 Nov, Round 1") + 2.5 mm, then the side
# label ("Right", 25 pt) + 1.5 mm. Groups ("one" side, or Right and Left "beside" or
# "below" each other). Columns: per line, groups, rows, tick boxes, height, x of the
# first box, x of the last group's first box.

GRID = [
    # reps, sides, sessions, days, width, scale -> boxes per line, groups, rows,
    # boxes, height, x of the first and of the last group's first box
    ((5, 1, 1, 1, 300, 1.0), (5, "one", 1, 5, 28.346, 0.0, 0.0)),
    ((5, 2, 1, 1, 300, 1.0), (5, "beside", 1, 10, 28.346, 29.252, 190.315)),
    ((10, 1, 1, 1, 300, 1.0), (10, "one", 1, 10, 28.346, 0.0, 0.0)),
    ((10, 2, 1, 1, 300, 1.0), (10, "below", 1, 20, 51.024, 29.252, 29.252)),
    ((10, 2, 1, 1, 515, 1.0), (10, "below", 1, 20, 51.024, 29.252, 29.252)),
    ((15, 1, 1, 1, 300, 1.0), (8, "one", 1, 15, 51.024, 0.0, 0.0)),
    ((15, 2, 1, 1, 515, 1.0), (15, "below", 1, 30, 51.024, 29.252, 29.252)),
    ((20, 1, 1, 1, 515, 1.0), (20, "one", 1, 20, 28.346, 0.0, 0.0)),
    ((20, 2, 1, 1, 515, 1.0), (20, "below", 1, 40, 51.024, 29.252, 29.252)),
    ((8, 1, 3, 1, 300, 1.0), (8, "one", 3, 24, 85.039, 42.087, 42.087)),
    ((8, 2, 3, 1, 300, 1.0), (8, "below", 3, 48, 153.071, 71.339, 71.339)),
    ((5, 2, 3, 7, 515, 1.0), (5, "beside", 21, 210, 595.276, 131.339, 292.402)),
    ((5, 1, 1, 7, 300, 1.0), (5, "one", 7, 35, 198.425, 57.087, 57.087)),
    ((5, 1, 2, 7, 300, 1.0), (5, "one", 14, 70, 396.85, 102.087, 102.087)),
    ((3, 2, 2, 2, 400, 1.0), (3, "beside", 4, 24, 113.386, 131.339, 247.047)),
    ((1, 1, 1, 1, 120, 1.0), (1, "one", 1, 1, 28.346, 0.0, 0.0)),
    ((1, 2, 1, 1, 150, 1.0), (1, "beside", 1, 2, 28.346, 29.252, 99.606)),
    ((12, 1, 1, 1, 200, 1.0), (6, "one", 1, 12, 51.024, 0.0, 0.0)),
    ((12, 2, 1, 1, 400, 1.0), (12, "below", 1, 24, 51.024, 29.252, 29.252)),
    ((7, 2, 1, 1, 350, 1.0), (7, "below", 1, 14, 51.024, 29.252, 29.252)),
    ((10, 2, 3, 1, 515, 1.0), (10, "below", 3, 60, 153.071, 71.339, 71.339)),
    ((10, 1, 2, 2, 250, 1.0), (5, "one", 4, 40, 204.094, 102.087, 102.087)),
    ((6, 2, 1, 1, 300, 1.0), (6, "below", 1, 12, 51.024, 29.252, 29.252)),
    ((4, 1, 1, 1, 110, 1.0), (4, "one", 1, 4, 28.346, 0.0, 0.0)),
    ((9, 2, 2, 1, 450, 1.0), (9, "below", 2, 36, 102.047, 71.339, 71.339)),
    ((5, 2, 1, 1, 240, 1.0), (5, "below", 1, 10, 51.024, 29.252, 29.252)),
    ((25, 1, 1, 1, 515, 1.0), (13, "one", 1, 25, 51.024, 0.0, 0.0)),
    ((30, 2, 1, 1, 515, 1.0), (15, "below", 1, 60, 96.378, 29.252, 29.252)),
    ((5, 2, 1, 1, 400, 1.0), (5, "beside", 1, 10, 28.346, 29.252, 190.315)),
    ((3, 2, 1, 1, 300, 1.0), (3, "beside", 1, 6, 28.346, 29.252, 144.961)),
    ((4, 2, 1, 1, 330, 1.0), (4, "beside", 1, 8, 28.346, 29.252, 167.638)),
    ((2, 2, 1, 1, 200, 1.0), (2, "beside", 1, 4, 28.346, 29.252, 122.283)),
    ((5, 2, 2, 1, 450, 1.0), (5, "beside", 2, 20, 56.693, 71.339, 232.402)),
    ((10, 2, 1, 1, 300, 0.8), (10, "below", 1, 20, 40.819, 24.252, 24.252)),
    # At 0.5 and 0.6 the gap is the 1.5 mm floor (4.252 pt): lines of 4 + 1.5 mm.
    ((10, 2, 1, 1, 300, 0.5), (10, "below", 1, 20, 35.433, 24.252, 24.252)),
    ((15, 1, 2, 2, 300, 0.7), (8, "one", 4, 60, 146.268, 83.087, 83.087)),
    ((5, 2, 3, 7, 515, 0.6), (5, "beside", 21, 210, 416.693, 107.339, 225.134)),
    # Not even one box fits beside the labels.
    ((1, 1, 1, 1, 10, 1.0), "does not fit"),
    ((10, 2, 1, 1, 30, 1.0), "does not fit"),
]


def grid_numbers(reps: int, sides: int, sessions: int, days: int, width: float, scale: float):
    item = PlannedExercise(EXERCISE, reps, sides, 0, sessions)
    plan = Plan((item,), days, START)
    composer = Composer(LAYOUT, Sizes.of(LAYOUT, scale), measure, scale=scale)
    try:
        rows = tick_grid(item, plan, composer, 0.0, width)
    except DoesNotFitError:
        return "does not fit"
    page = page_of(rows, 1000.0)
    ticks = list(page.boxes)
    first_side = "right" if sides == 2 else "both"
    last_side = "left" if sides == 2 else "both"
    first = next(box for box in ticks if box.name == f"ex_day1_session1_{first_side}_rep1")
    last = next(box for box in ticks if box.name == f"ex_day1_session1_{last_side}_rep1")
    group = [box for box in ticks if f"_day1_session1_{first_side}_" in box.name]
    per_line = sum(1 for box in group if box.y == first.y)
    groups = "one" if sides == 1 else ("beside" if last.y == first.y else "below")
    return (
        per_line,
        groups,
        len(rows),
        len(ticks),
        round(sum(row.height for row in rows), 3),
        round(first.x, 3),
        round(last.x, 3),
    )


@pytest.mark.parametrize(("given", "expected"), GRID)
def test_tick_grid(given: tuple, expected: tuple | str) -> None:
    assert grid_numbers(*given) == expected


# --- pagination: blocks of slices on pages of the given heights ---
#
# Blocks are written as their slices' heights; slices are named by their block's
# letter and number (a1, a2, b1...), a block's repeated heading by its capital
# letter. Pages are separated by "|"; "-" is a page left empty.

PAGINATION = [
    (100, 100, [[50], [50]], "a1 b1"),
    (100, 100, [[50], [51]], "a1 | b1"),
    (100, 100, [[60], [60], [60]], "a1 | b1 | c1"),
    (100, 100, [[40], [40], [40]], "a1 b1 | c1"),
    (80, 100, [[50], [50]], "a1 | b1"),
    (120, 100, [[60], [60], [60]], "a1 b1 | c1"),
    (100, 100, [[30, 30, 30, 30]], "a1 a2 a3 | a4"),
    (100, 100, [[30, 30, 30, 30, "A10"]], "a1 a2 a3 | A a4"),
    (100, 100, [[50], [30, 30, 30, 30]], "a1 | b1 b2 b3 | b4"),
    (100, 100, [[60, 60]], "a1 | a2"),
    (100, 100, [[101]], "does not fit"),
    (100, 150, [[120]], "- | a1"),
    (150, 100, [[40], [120]], "a1 | - | b1"),
    (100, 100, [[20, 20], [20, 20], [20, 20]], "a1 a2 b1 b2 | c1 c2"),
    (100, 100, [[100], [100]], "a1 | b1"),
    (100, 100, [[0], [100]], "a1 b1"),
    (50, 50, [[20, 20, 20, 20, 20, "A15"]], "a1 a2 | A a3 | A a4 | A a5"),
    (100, 100, [[30], [30, 30, 30, 30, "B10"]], "a1 | b1 b2 b3 | B b4"),
    (100, 60, [[50], [50], [50]], "a1 b1 | c1"),
    (100, 60, [[50], [50], [50], [50]], "a1 b1 | c1 | d1"),
    (60, 100, [[50], [50], [50], [50]], "a1 | b1 c1 | d1"),
    (100, 100, [[99.5], [0.5]], "a1 b1"),
    (100, 100, [[99.5], [0.6]], "a1 | b1"),
    (100, 100, [], "-"),
    (100, 100, [[70, 70, "A50"]], "a1 | A a2"),
]


def named(name: str, height: float) -> Slice:
    return Slice(height, texts=[Text(0.0, 0.0, name, "F", 10.0, 0.0)])


def blocks_of(spec: list[list]) -> list[Block]:
    blocks = []
    for index, heights in enumerate(spec):
        letter = "abcdefgh"[index]
        slices = [
            named(f"{letter}{number}", height)
            for number, height in enumerate((h for h in heights if not isinstance(h, str)), 1)
        ]
        headings = [h for h in heights if isinstance(h, str)]
        heading = repeated(letter.upper(), float(headings[0][1:])) if headings else None
        blocks.append(Block(slices, heading=heading))
    return blocks


def repeated(name: str, height: float) -> Callable[[], list[Slice]]:
    return lambda: [named(name, height)]


@pytest.mark.parametrize(("first", "later", "blocks", "expected"), PAGINATION)
def test_pagination(first: float, later: float, blocks: list[list], expected: str) -> None:
    try:
        pages = paginate(blocks_of(blocks), first, later)
    except DoesNotFitError:
        assert expected == "does not fit"
        return
    got = " | ".join(" ".join(s.texts[0].text for s in page) or "-" for page in pages)
    assert got == expected


# --- the size search: the scale a single page settles on ---
#
# A side-by-side single page on A4 (785.197 pt of content under 10 mm margins):
# the header, the safety panel as a paragraph and the how-to lines, then each
# exercise ("1. Ex" and its dose in half the width, its boxes beside), then the pain
# scale of every round (a day's rounds side by side when they fit). Scales go
# 1.0, 0.95, ... 0.35 until everything fits; the title (20 pt) shows the scale
# chosen. 70 rows of boxes or more cannot fit even at 4 mm, and fail at once.

ONE_PAGE = dataclasses.replace(LAYOUT, single_page=True, arrangement="side-by-side")

PLACEMENT = [
    # reps, sides, sessions, exercises, days -> scale on one page, or (scale, pages)
    # when no size fits one page and the rows go on (the widest rows at full size).
    # Two-sided rounds after the first flow under a short text, Right and Left on one
    # line: those rows grow larger or take fewer pages.
    ((3, 1, 1, 1, 1), 1.0),
    ((10, 2, 3, 4, 1), 0.9),
    # One exercise: its text column widens where its boxes need less room (a row less).
    ((5, 1, 2, 1, 7), 0.9),
    ((3, 2, 2, 2, 3), 0.95),
    ((10, 1, 1, 1, 14), 0.85),
    ((5, 2, 1, 4, 3), 0.9),
    ((10, 1, 1, 2, 7), 0.85),
    # The safety panel's signs wrap in columns where that is shorter, and no space stands
    # above the pain heading: a little more room.
    ((3, 1, 2, 4, 3), 0.65),
    # With boxes at least 1.5 mm apart, long runs of days go on to more pages sooner.
    # Two-sided rounds under the text part over a page break, the name again over the
    # rest: two pages, not three (the rows whole).
    ((3, 2, 1, 2, 14), (1.0, 2)),
    ((10, 1, 1, 4, 7), (1.0, 3)),
    ((5, 2, 3, 2, 3), 0.75),
    ((3, 1, 3, 4, 3), (1.0, 3)),
    ((5, 2, 3, 1, 7), 0.45),
    # 42 rounds of one exercise: at 1.5 mm apart no size fits a page's rows (the week
    # layout is the one for that).
    ((3, 1, 3, 1, 14), "does not fit"),
    ((10, 1, 3, 1, 14), "does not fit"),
    ((3, 1, 1, 4, 14), (1.0, 5)),
    ((5, 1, 2, 4, 7), (1.0, 4)),
    ((5, 1, 1, 1, 70), "does not fit"),
]


@pytest.mark.parametrize(("given", "expected"), PLACEMENT)
def test_placement(
    given: tuple[int, int, int, int, int], expected: float | tuple[float, int] | str
) -> None:
    reps, sides, sessions, count, days = given
    items = tuple(
        PlannedExercise(dataclasses.replace(EXERCISE, id=f"e{n}"), reps, sides, 0, sessions)
        for n in range(count)
    )
    try:
        document = place(Plan(items, days, START), ONE_PAGE, "a4", measure)
    except DoesNotFitError:
        assert expected == "does not fit"
        return
    scale, pages = expected if isinstance(expected, tuple) else (expected, 1)
    assert len(document.pages) == pages
    if pages > 1:
        assert any("goes on to" in warning for warning in document.warnings)
    title = next(text for text in document.pages[0].texts if text.text == "My back exercises")
    assert round(title.size / 20, 3) == scale

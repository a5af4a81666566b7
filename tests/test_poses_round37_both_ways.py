"""Round 37: the roll-down's key frame alone says "and back up"; heads share a shaft.

Where a small layout has no room for the roll-down's pair (most week sheets), it
prints the key frame alone: the curl down over the faint upright body. Both blinded
scorers gave it 3: it shows only the way down. With `key_both_ways` the key frame
alone draws each link of its chain with a head at each end: by the sheet's legend,
down and back up the same way. The large frames and the pair keep one head a link.
The seated twist tried it too and lost "body one way, head the other" (a second
scorer's 3): it keeps one head per arrow. A short arrow with two heads shares its
shaft between them, so the grown heads of a small picture do not meet in the middle
(a bow tie with no shaft).
"""

from __future__ import annotations

import itertools
import math

import pytest

from makeplan.pictograms import _key_heads, packaged_pictogram
from makeplan.poses import Mark, Panel, Shape, Stroke, pose_problems
from support import LIE_DOWN_FRAME

ROLL_DOWN, TWIST = "standing-roll-down", "seated-twist"


def _arrows(panel: Panel) -> list[tuple[Stroke, list[Shape]]]:
    """Each dark arrow shaft with its heads: drawn after it, before the next shaft."""
    arrows: list[tuple[Stroke, list[Shape]]] = []
    for mark in panel.marks:
        if isinstance(mark, Stroke) and mark.accent and mark.gray == 0.0:
            arrows.append((mark, []))
        elif isinstance(mark, Shape) and mark.accent and mark.fill_gray == 0.0 and arrows:
            arrows[-1][1].append(mark)
    return arrows


def _heads_per_shaft(panel: Panel) -> list[int]:
    return [len(heads) for _, heads in _arrows(panel)]


def test_the_roll_down_key_alone_rolls_down_and_back_up() -> None:
    picture = packaged_pictogram(ROLL_DOWN)
    assert picture is not None and picture.key_pair is not None
    # The chain along the back: every link with a head at each end.
    counts = _heads_per_shaft(picture.key)
    assert len(counts) >= 2 and set(counts) == {2}, counts


@pytest.mark.parametrize(("exercise_id", "which"), [
    (ROLL_DOWN, "panels"), (ROLL_DOWN, "pair"),
    (TWIST, "panels"), (TWIST, "pair"), (TWIST, "key"),
])  # fmt: skip
def test_one_head_per_arrow_elsewhere(exercise_id: str, which: str) -> None:
    """The large frames and the pair draw each way (one head a link); the twist's
    key alone keeps one head per arrow: body one way, head the other."""
    picture = packaged_pictogram(exercise_id)
    assert picture is not None and picture.key_pair is not None
    panels = {"panels": picture.panels[1:], "pair": picture.key_pair, "key": (picture.key,)}
    for panel in panels[which]:
        counts = _heads_per_shaft(panel)
        assert counts and set(counts) == {1}, counts


def test_two_heads_on_a_short_shaft_leave_shaft_between_them() -> None:
    """The key's heads grow for print size, but two on one shaft still leave a
    stretch of shaft between them: their bases are apart."""
    picture = packaged_pictogram(ROLL_DOWN)
    assert picture is not None

    def base(head: Shape) -> tuple[float, float]:
        _, left, right = head.points
        return ((left[0] + right[0]) / 2, (left[1] + right[1]) / 2)

    for shaft, (first, second) in _arrows(picture.key):
        length = sum(math.dist(a, b) for a, b in itertools.pairwise(shaft.points))
        assert math.dist(base(first), base(second)) > 0.15 * length


@pytest.mark.parametrize(
    ("heads", "shaft_length", "grown_length"),
    [
        # One head on a long shaft: grown the full 1.75 times (0.05 -> 0.0875).
        (1, 1.0, 0.0875),
        # One head on a short shaft (0.1): no longer than half the shaft.
        (1, 0.1, 0.05),
        # Two heads on one shaft: each no longer than two fifths of it (never below its
        # own size), so a fifth of the shaft is left between them.
        (2, 0.1, 0.05),
        (2, 0.2, 0.08),
        (2, 1.0, 0.0875),
    ],
)
def test_key_heads_share_a_shaft(heads: int, shaft_length: float, grown_length: float) -> None:
    shaft = Stroke(((0.0, 0.0), (shaft_length, 0.0)), 0.03, 0.0, accent=True)
    size = 0.05  # from tip to the middle of the base: the head's length
    half = size * math.tan(0.45)
    end = shaft_length + 0.01
    tip_right = Shape(((end, 0.0), (end - size, half), (end - size, -half)),
                      0.0, 0.0, 0.0, accent=True)  # fmt: skip
    tip_left = Shape(((-0.01, 0.0), (-0.01 + size, half), (-0.01 + size, -half)),
                     0.0, 0.0, 0.0, accent=True)  # fmt: skip
    marks: list[Mark] = [shaft, tip_right] + ([tip_left] if heads == 2 else [])
    grown = [m for m in _key_heads(marks) if isinstance(m, Shape)]
    for head in grown:
        tip, left, right = head.points
        length = math.dist(tip, ((left[0] + right[0]) / 2, (left[1] + right[1]) / 2))
        assert length == pytest.approx(grown_length, abs=1e-6)


def _pose(line: str, turns: bool) -> bytes:
    moved = LIE_DOWN_FRAME.replace(b"far_leg = [0, 0]", b'far_leg = [30, 0]\narrows = ["far_knee"]')
    if turns:
        moved = moved.replace(b'arrows = ["far_knee"]', b'arrows = ["far_knee"]\nturns = ["head"]')
    head = f'version = 2\nprops = ["floor"]\n{line}\n'.encode()
    return head + LIE_DOWN_FRAME + moved * 2


def test_key_both_ways_needs_turns_in_the_key_frame_and_says_where() -> None:
    _, problems = pose_problems(_pose("key_both_ways = true", turns=False), "mine.toml")
    assert [(p.line, p.field) for p in problems] == [(3, "key_both_ways")], problems
    assert "has no turns and no roll" in problems[0].message
    assert pose_problems(_pose("key_both_ways = true", turns=True), "mine.toml")[1] == []
    _, problems = pose_problems(_pose('key_both_ways = "yes"', turns=True), "mine.toml")
    assert [(p.line, p.field) for p in problems] == [(3, "key_both_ways")], problems
    old = _pose("key_both_ways = true", turns=True).replace(b"version = 2", b"version = 1")
    fields = [(p.line, p.field) for p in pose_problems(old, "old.toml")[1]]
    assert (3, "key_both_ways") in fields, fields

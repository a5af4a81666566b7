"""Round 37: the seated twist's key frame alone says "each way in turn".

Where a small layout has no room for the twist's pair (about one sheet in five),
it prints the key frame alone: the body turned right, the head left, over the faint
sit. A blinded scorer gave it 3: one-headed arrows say one way only. With
`key_both_ways` the key frame alone draws its turn arrows with a head at each end;
the large frames and the pair, which draw each way, keep one head each. A short
arrow with two heads shares its shaft between them, so the grown heads of a small
picture do not meet in the middle (a bow tie with no shaft).
"""

from __future__ import annotations

import itertools
import math

import pytest

from makeplan.pictograms import _key_heads, packaged_pictogram
from makeplan.poses import Mark, Panel, Shape, Stroke, pose_problems
from support import LIE_DOWN_FRAME

TWIST = "seated-twist"


def _heads(panel: Panel) -> list[Shape]:
    """The dark arrowheads (not their white halos)."""
    return [m for m in panel.marks if isinstance(m, Shape) and m.accent and m.fill_gray == 0.0]


def _shafts(panel: Panel) -> list[Stroke]:
    return [m for m in panel.marks if isinstance(m, Stroke) and m.accent and m.gray == 0.0]


def _heads_on(shaft: Stroke, heads: list[Shape]) -> list[Shape]:
    """The heads whose tips sit just past an end of `shaft`."""
    ends = (shaft.points[0], shaft.points[-1])
    return [h for h in heads if min(math.dist(h.points[0], end) for end in ends) < 0.05]


def test_the_key_alone_draws_each_turn_with_two_heads() -> None:
    picture = packaged_pictogram(TWIST)
    assert picture is not None and picture.key_pair is not None
    heads = _heads(picture.key)
    shafts = _shafts(picture.key)
    # Two turns (the waist and the head), each one shaft with a head at each end.
    assert len(shafts) == 2
    assert [len(_heads_on(shaft, heads)) for shaft in shafts] == [2, 2]


@pytest.mark.parametrize("which", ["panels", "pair"])
def test_the_large_frames_and_the_pair_keep_one_head_per_turn(which: str) -> None:
    picture = packaged_pictogram(TWIST)
    assert picture is not None and picture.key_pair is not None
    panels = picture.panels[1:] if which == "panels" else picture.key_pair
    for panel in panels:
        heads = _heads(panel)
        assert [len(_heads_on(shaft, heads)) for shaft in _shafts(panel)] == [1, 1]


def test_two_heads_on_a_short_shaft_leave_shaft_between_them() -> None:
    """The key's heads grow for print size, but two on one shaft still leave a
    stretch of shaft between them: their bases are apart."""
    picture = packaged_pictogram(TWIST)
    assert picture is not None
    for shaft in _shafts(picture.key):
        first, second = _heads_on(shaft, _heads(picture.key))

        def base(head: Shape) -> tuple[float, float]:
            _, left, right = head.points
            return ((left[0] + right[0]) / 2, (left[1] + right[1]) / 2)

        length = sum(math.dist(a, b) for a, b in itertools.pairwise(shaft.points))
        assert math.dist(base(first), base(second)) > 0.3 * length


@pytest.mark.parametrize(
    ("heads", "shaft_length", "grown_length"),
    [
        # One head on a long shaft: grown the full 1.75 times (0.05 -> 0.0875).
        (1, 1.0, 0.0875),
        # One head on a short shaft (0.1): no longer than half the shaft.
        (1, 0.1, 0.05),
        # Two heads on one shaft: each no longer than a third of it (never below its
        # own size), so a third of the shaft is left between them.
        (2, 0.1, 0.05),
        (2, 0.2, 0.066),
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
    assert "has no turns" in problems[0].message
    assert pose_problems(_pose("key_both_ways = true", turns=True), "mine.toml")[1] == []
    _, problems = pose_problems(_pose('key_both_ways = "yes"', turns=True), "mine.toml")
    assert [(p.line, p.field) for p in problems] == [(3, "key_both_ways")], problems
    old = _pose("key_both_ways = true", turns=True).replace(b"version = 2", b"version = 1")
    fields = [(p.line, p.field) for p in pose_problems(old, "old.toml")[1]]
    assert (3, "key_both_ways") in fields, fields

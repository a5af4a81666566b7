"""Round 36: the standing roll-down's small picture shows the way back up too.

Both blinded scorers gave the small roll-down 3: it showed the curl down over the
faint upright body, nothing of rolling back up. It now has a key pair: the curl
down over the faint upright body, then the roll up over the faint curled one, each
chain of arrows pointing the way the back moves. Two standing frames are narrow: on
the one-page sheet they stand side by side in one frame's height. In the week's
column they only fit stacked, so the pair is not printed always (that cost a page
or half the picture size on some week sheets): it shows where its row has room.
"""

from __future__ import annotations

import math

import pytest
from test_key_pair import ALL, _drawn, _placed

from makeplan.pictograms import GHOST_GRAY, packaged_pictogram
from makeplan.poses import Disc, Panel, Shape, Stroke

ROLL_DOWN = "standing-roll-down"


def _ghost_head_y(panel: Panel) -> float:
    heads = [m for m in panel.marks if isinstance(m, Disc) and m.line_gray == GHOST_GRAY]
    assert len(heads) == 1
    return heads[0].y


def _dark_head_y(panel: Panel) -> float:
    heads = [
        m for m in panel.marks if isinstance(m, Disc) and m.fill_gray == 0.0 and not m.line_gray
    ]
    return min(m.y for m in heads)


def _chain_heads(panel: Panel) -> list[tuple[float, float]]:
    """Each arrowhead's direction (tip minus the middle of its base)."""
    out = []
    for mark in panel.marks:
        if isinstance(mark, Shape) and mark.accent and mark.fill_gray == 0.0:
            tip, left, right = mark.points
            out.append((tip[0] - (left[0] + right[0]) / 2, tip[1] - (left[1] + right[1]) / 2))
    return out


def test_the_pair_is_the_way_down_then_the_way_up() -> None:
    picture = packaged_pictogram(ROLL_DOWN)
    assert picture is not None and picture.key_pair is not None
    assert not picture.key_pair_only
    down, up = picture.key_pair
    # Down: the faint body stands (its head high), the dark one hangs (its head low).
    assert _ghost_head_y(down) > _dark_head_y(down) + 0.4
    # Up: the faint body is the curl (its head low), the dark one stands (round 37).
    assert _ghost_head_y(up) < _dark_head_y(up) - 0.05
    # Every arrow of the way up points up; on the way down the last links point down.
    assert all(dy > 0 for _, dy in _chain_heads(up))
    assert min(dy for _, dy in _chain_heads(down)) < 0


def test_the_pair_heads_are_large_enough_to_read_small() -> None:
    picture = packaged_pictogram(ROLL_DOWN)
    assert picture is not None and picture.key_pair is not None
    mm_per_unit = 28 / max(picture.width, 1.3)
    for panel in picture.key_pair:
        sides = []
        for mark in panel.marks:
            if isinstance(mark, Shape) and mark.accent and mark.fill_gray == 0.0:
                tip = mark.points[0]
                sides.append(max(math.dist(tip, point) for point in mark.points[1:]))
        assert max(sides) * mm_per_unit >= 1.55


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_pair_stands_side_by_side_on_the_whole_catalogue(paper: str) -> None:
    document = _placed("one-page", ALL, paper)
    assert _drawn(document, ROLL_DOWN) == ["top", "bottom"]
    picture = packaged_pictogram(ROLL_DOWN)
    assert picture is not None and picture.key_pair is not None
    drawings = [d for page in document.pages for d in page.drawings]
    first, second = (next(d for d in drawings if d.panel is p) for p in picture.key_pair)
    assert second.x >= first.x + first.width  # left to right
    # Standing on one floor: the bottoms level.
    assert abs(first.y - second.y) < 0.01


def test_no_frame_is_wider_than_before_the_pair() -> None:
    """The pair's larger heads must not widen the picture: at 0.7636 body units
    (before round 36) the handout of the whole catalogue fills five A4 pages."""
    picture = packaged_pictogram(ROLL_DOWN)
    assert picture is not None
    assert picture.width <= 0.7636
    assert all(stroke.width > 0 for panel in picture.key_pair or () for stroke in panel.marks
               if isinstance(stroke, Stroke))  # fmt: skip

"""Round 22 (arrows): arrowheads that read at the size a picture is printed.

The key frame (and a key pair's frames) is printed only small, about 22 to 32 mm to
the body unit on one-page and week sheets; its heads were the large frames' 0.045 to
0.065 units, about 1 mm on paper, and a blinded reviewer could not see which way the
seated twist turned. Key-frame heads are now up to `KEY_HEAD_GROW` (1.75) times as
large, but no longer than half their shaft; the large frames keep theirs.
"""

from __future__ import annotations

import itertools
import math

import pytest

from makeplan.catalogue import load_catalogue
from makeplan.pictograms import packaged_pictogram
from makeplan.poses import Mark, Panel, Shape, Stroke

MM = 72 / 25.4
IDS = [exercise.id for exercise in load_catalogue(())]


def _heads(marks: tuple[Mark, ...]) -> list[float]:
    """Each dark arrowhead's side (tip to barb), in body units."""
    sides = []
    for mark in marks:
        if isinstance(mark, Shape) and mark.accent and mark.fill_gray == 0.0:
            tip = mark.points[0]
            sides.append(max(math.dist(tip, point) for point in mark.points[1:]))
    return sides


def _key_panels(exercise_id: str) -> list[Panel]:
    picture = packaged_pictogram(exercise_id)
    assert picture is not None
    return [picture.key, *(picture.key_pair or ())]


@pytest.mark.parametrize("exercise_id", IDS)
def test_key_frame_heads_are_about_two_mm_in_the_one_page_column(exercise_id: str) -> None:
    picture = packaged_pictogram(exercise_id)
    assert picture is not None
    # The small picture's scale in the one-page column: 28 mm for the widest picture.
    mm_per_unit = 28 / max(picture.width, 1.3)
    for panel in _key_panels(exercise_id):
        sides = _heads(panel.marks)
        assert sides, f"{exercise_id}: a key frame without an arrowhead"
        # The shortest arrow (one knee to the chest) has the smallest head, 1.6 mm on
        # paper (was 1.2): its head is half its shaft (see the test below).
        assert max(sides) >= 0.07  # main: 0.045 to 0.065
        assert max(sides) * mm_per_unit >= 1.55, (exercise_id, max(sides) * mm_per_unit)


@pytest.mark.parametrize("exercise_id", IDS)
def test_a_key_frame_head_is_at_most_half_its_shaft(exercise_id: str) -> None:
    """Round 22's review: grown 1.75 times on a short arrow (one knee to the chest, the
    back rounder's head), the head read as a flag or a hat, not as a move."""
    picture = packaged_pictogram(exercise_id)
    assert picture is not None
    box = picture.inset_box
    for panel in _key_panels(exercise_id):
        shafts = [m for m in panel.marks if isinstance(m, Stroke) and m.accent]
        for mark in panel.marks:
            if not (isinstance(mark, Shape) and mark.accent and mark.fill_gray == 0.0):
                continue
            tip, left, right = mark.points
            # Round 25: an inset in the key frame (the glute's crossing, scale 0.65)
            # draws the key frame's grown head at its own scale without capping it
            # again against its shorter shaft: 0.54 of it (0.056 over 0.104). Allowed
            # up to 0.55 there; every other head keeps the half.
            in_inset = (
                panel is picture.key
                and box is not None
                and box[0] <= tip[0] <= box[2]
                and box[1] <= tip[1] <= box[3]
            )
            half = 0.55 if in_inset else 0.5
            length = math.dist(tip, ((left[0] + right[0]) / 2, (left[1] + right[1]) / 2))
            shaft = min(
                shafts, key=lambda s: min(math.dist(tip, s.points[0]), math.dist(tip, s.points[-1]))
            )
            shaft_length = sum(itertools.starmap(math.dist, itertools.pairwise(shaft.points)))
            # Never below the large frames' head (factor 1): about 0.05 units, tip to base.
            assert length <= max(half * shaft_length, 0.05) + 2e-3, (
                exercise_id,
                length,
                shaft_length,
            )


@pytest.mark.parametrize("exercise_id", IDS)
def test_large_frame_heads_stay_in_proportion(exercise_id: str) -> None:
    """The large frames (36 to 69 mm to the unit on the handout and large print) keep
    their heads: at most 0.065 units, about 4.5 mm even at the largest."""
    picture = packaged_pictogram(exercise_id)
    assert picture is not None
    sides = [side for panel in picture.panels for side in _heads(panel.marks)]
    assert sides
    assert max(sides) <= 0.065 + 1e-3
    assert max(sides) * 69 <= 4.6


def test_seated_twist_heads_are_larger_in_the_key_frame_than_the_large_ones() -> None:
    """The turn the reviewer could not read: each key-frame head at least 0.085 units."""
    for panel in _key_panels("seated-twist"):
        assert min(_heads(panel.marks)) >= 0.085


def test_hamstring_head_reads_at_print_size() -> None:
    """Its one arrowhead, at the hands, about 2 mm in the one-page column (was 1.2)."""
    picture = packaged_pictogram("hamstring-stretch")
    assert picture is not None
    (side,) = _heads(picture.key.marks)
    assert side * 28 / max(picture.width, 1.3) >= 2.0

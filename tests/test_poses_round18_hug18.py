"""Round 18: the knee hug's tilt (frame 3, from the foot of the bed) hid its faint
start, the upright hug, behind the dark trunk and head at every tilt and view tried:
from there the upright legs fall on the trunk's line. With `ghost_in_depth` the
start's limbs are drawn among the dark parts by depth, so its upright legs show
over the trunk.
Round 19 dropped the start from this pose again: its upright legs, seen end on, showed as
two long straight bars that read as straight legs lying flat; the test now pins that no
faint leg lies over the dark trunk there (the key itself stays, tested below)."""

from __future__ import annotations

from makeplan.pictograms import GHOST_GRAY, LIMB_WIDTH, TORSO_WIDTH, packaged_pictogram
from makeplan.poses import Stroke, pose_problems


def test_no_faint_straight_legs_lie_over_the_tilts_dark_trunk() -> None:
    picture = packaged_pictogram("knee-hug-side-tilt")
    assert picture is not None
    marks = picture.panels[2].marks
    trunk = [
        index
        for index, mark in enumerate(marks)
        if isinstance(mark, Stroke) and mark.gray == 0.0 and mark.width == TORSO_WIDTH
    ]
    faint_limbs = [
        index
        for index, mark in enumerate(marks)
        if isinstance(mark, Stroke) and mark.gray == GHOST_GRAY and mark.width == LIMB_WIDTH
    ]
    assert trunk
    # Round 18 drew both faint legs after (over) the dark trunk; round 19 draws none.
    assert sum(index > trunk[0] for index in faint_limbs) == 0


def test_ghost_in_depth_is_checked_and_named_by_its_line() -> None:
    text = b"""version = 2
[[frame]]
caption = "Lie"
torso = 180
near_arm = [0, 0]
far_arm = [0, 0]
near_leg = [0, 0, 90]
far_leg = [0, 0, 90]
[[frame]]
caption = "Hug"
torso = 180
near_arm = [20, 60]
far_arm = [20, 60]
near_leg = [118, -14, 76]
far_leg = [118, -14, 76]
ghost = true
ghost_in_depth = "yes"
"""
    _, problems = pose_problems(text, "p.toml")
    assert [(p.line, p.field) for p in problems] == [(17, "frame[2].ghost_in_depth")], problems
    _, problems = pose_problems(text.replace(b'"yes"', b"true"), "p.toml")
    assert problems == []

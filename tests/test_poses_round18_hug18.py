"""Round 18: the knee hug's tilt (frame 3, from the foot of the bed) hid its faint
start, the upright hug, behind the dark trunk and head at every tilt and view tried:
from there the upright legs fall on the trunk's line. Round 18 drew the start's limbs
among the dark parts by depth (a pose key, `ghost_in_depth`), so its upright legs
showed over the trunk. Round 19 dropped the start from this pose again: its upright
legs, seen end on, showed as two long straight bars that read as straight legs lying
flat; the test now pins that no faint leg lies over the dark trunk there. (Session 8
removed the key: no pose used it any more.)"""

from __future__ import annotations

from makeplan.pictograms import GHOST_GRAY, LIMB_WIDTH, TORSO_WIDTH, packaged_pictogram
from makeplan.poses import Stroke


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

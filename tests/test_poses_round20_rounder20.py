"""Round 20 of the review: the back rounder (large 4, single small 3).

The clinical scorer saw knees, arms and head merge into a ball in the small
picture; the describer read the nod arc over the head as "roll backward". The
thighs now rise more steeply (127/130, was 135/138) so a white gap opens between
the face and the knees, the head's arrow is a `towards` arrow from the head to the
knees, and the faint start has no head (a `towards` arrow from the head shows it).
"""

from __future__ import annotations

import math

from makeplan.figure import HEAD_RADIUS
from makeplan.pictograms import LIMB_WIDTH
from makeplan.poses import Disc
from support import pose_of as pose
from support import pose_picture as picture

ROUNDER = "back-rounder"


def test_round20_back_rounder_gap_between_face_and_knees() -> None:
    hug = picture(ROUNDER).joints[1]
    # Round 19's face was 0.143 from the knee (less a limb's half-width: a ball).
    assert math.dist(hug["face"], hug["near_knee"]) > 0.165
    assert math.dist(hug["head"], hug["near_knee"]) - HEAD_RADIUS - LIMB_WIDTH / 2 > 0.17


def test_round20_back_rounder_head_arrow_points_from_the_head_to_the_knees() -> None:
    frame = pose(ROUNDER).frames[1]
    assert frame.towards == ("head", "near_knee")
    assert "head" not in frame.arrows  # no nod arc round the back of the head


def test_round20_back_rounder_faint_start_has_no_head() -> None:
    drawn = picture(ROUNDER)
    for panel in (drawn.panels[1], drawn.key):
        heads = [m for m in panel.marks if isinstance(m, Disc)]
        assert all(d.fill_gray == 0.0 for d in heads)  # no white (faint) head

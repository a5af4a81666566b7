"""Round 19 of the review: the back rounder (large 3, single small 2).

The clinical scorer saw the head still almost on the floor, with a short
straight-up arrow behind the skull (lift by jutting the chin, or not at all), and
the hands behind the thighs unclear. The head now lifts about one head-height (the
middle between round 15's sit-up and round 16's few centimetres), and each hand
hooks round the back of its thigh. (Round 19's nod arrow running on past the head,
a pose key `nod_ahead`, gave way in round 20 to a `towards` arrow from the head to
the knees; session 8 removed the key, which no pose used any more.)
"""

from __future__ import annotations

import math

from makeplan.figure import HEAD_RADIUS
from makeplan.pictograms import LIMB_WIDTH
from makeplan.poses import Stroke
from support import crosses
from support import pose_of as pose
from support import pose_picture as picture

ROUNDER = "back-rounder"


def test_round19_back_rounder_head_curls_clearly_up_but_not_a_sit_up() -> None:
    drawn = picture(ROUNDER)
    flat, hug = drawn.joints[0], drawn.joints[1]
    # Round 18's head was 0.049 off the floor: it read as lying on it.
    gap = hug["head"][1] - HEAD_RADIUS - drawn.support
    assert HEAD_RADIUS < gap < 2 * HEAD_RADIUS, gap
    # The shoulders stay near the floor (not a sit-up).
    assert hug["shoulder"][1] - flat["shoulder"][1] < LIMB_WIDTH
    # The face looks towards the knees, more forward than up.
    face = (hug["face"][0] - hug["head"][0], hug["face"][1] - hug["head"][1])
    assert face[0] > 0 and face[1] > 0
    assert math.dist(hug["face"], hug["near_knee"]) < math.dist(hug["head"], hug["near_knee"])


def test_round19_back_rounder_head_arrow_ends_ahead_of_the_face_towards_the_knees() -> None:
    # Round 20: the arrow is a `towards` arrow from the head to the knees (the nod arc
    # round the back of the head read as "roll backward"); it still ends ahead of the
    # face, heading to the knees.
    drawn = picture(ROUNDER)
    hug = drawn.joints[1]
    for panel in (drawn.panels[1], drawn.key):
        shafts = [m for m in panel.marks if isinstance(m, Stroke) and m.accent and m.gray == 0.0]
        nod = min(shafts, key=lambda m: math.dist(m.points[0], hug["head"]))
        end, before = nod.points[-1], nod.points[-3]
        assert end[0] > hug["face"][0], end
        way = (end[0] - before[0], end[1] - before[1])
        assert way[0] > abs(way[1]), way
        length = sum(math.dist(a, b) for a, b in zip(nod.points, nod.points[1:], strict=False))
        assert length > 0.12, length


def test_round19_back_rounder_hands_hook_round_the_backs_of_the_thighs() -> None:
    drawn = picture(ROUNDER)
    hug = drawn.joints[1]
    for side in ("near", "far"):
        hip, knee = hug[f"{side}_hip"], hug[f"{side}_knee"]
        hand, fingers = hug[f"{side}_hand"], hug[f"{side}_fingers"]
        # The forearm crosses the thigh; the fingers turn back along the thigh's back
        # (away from the chest, towards the hip), out past the thigh.
        assert crosses(hug[f"{side}_elbow"], hand, hip, knee), side
        thigh = (knee[0] - hip[0], knee[1] - hip[1])
        back = (thigh[1], -thigh[0])  # a quarter clockwise: away from the chest
        assert (fingers[0] - hip[0]) * back[0] + (fingers[1] - hip[1]) * back[1] > 0, side
        towards_hip = (fingers[0] - hand[0]) * -thigh[0] + (fingers[1] - hand[1]) * -thigh[1]
        assert towards_hip > 0, side
    assert pose(ROUNDER).frames[1].towards == ("head", "near_knee")

"""The pictures of the lying exercises show what the articles say.

Each test reads a pose file from the checkout and checks the drawn geometry
(joints on paper, y up) or the 3-D body (x forward, y up, z to the near side)
for the mistakes the format 1 pictures made: a sideways tilt drawn from the
side, where it cannot be seen; hands hidden in the pulled knee and a pillow
too thin to see; a far leg drawn light although both legs lift.
"""

from __future__ import annotations

import math

from makeplan.figure import HEAD_RADIUS, joints_3d
from makeplan.pictograms import LIMB_WIDTH
from makeplan.poses import Shape
from support import limb_gray, to_segment
from support import pose_of as pose
from support import pose_picture as picture

IDS = ["knee-hug-side-tilt", "single-knee-to-chest", "double-knee-lift"]
Vec = tuple[float, ...]
BED_FILL = 0.9  # the bed (or mattress seen from above) is filled this light gray
PILLOW_FILL = 0.85  # the pillow seen from the side


# --- knee hug with side tilt: seen from above, the knees tip to one side, then the other ---


def test_knee_hug_hugs_both_knees_then_tips_them_to_the_side() -> None:
    body = pose("knee-hug-side-tilt")
    hug, tip = joints_3d(body.frames[1]), joints_3d(body.frames[2])
    for knee in ("near_knee", "far_knee"):
        # The hug: knees drawn up towards the chest (past the hips), in the body's plane.
        assert hug[knee][0] < -0.1 and abs(hug[knee][2]) < 0.06
        # The tip: both knees the same way, well past where the hips hold them apart.
        assert tip[knee][2] > 0.1 and tip[knee][0] < -0.1
    # The hands stay on the shins while the knees tip.
    for side in ("near", "far"):
        shin = (tip[f"{side}_knee"], tip[f"{side}_ankle"])
        assert to_segment(tip[f"{side}_hand"], *shin) < 0.05


def test_knee_hug_shows_the_hug_from_the_side_and_the_tip_from_the_feet() -> None:
    drawn, body = picture("knee-hug-side-tilt"), pose("knee-hug-side-tilt")
    flat, hug, tip = drawn.joints
    # Lying: the spine runs along the paper in the first frame.
    assert abs(flat["shoulder"][1] - flat["hip"][1]) < 0.02
    assert abs(flat["shoulder"][0] - flat["hip"][0]) > 0.25
    # From the side, the hugged knees stand above the hips...
    assert [frame.view for frame in body.frames[:2]] == [None, None]
    assert body.view == (0.0, 0.0)
    for knee in ("near_knee", "far_knee"):
        assert hug[knee][1] - hug["hip"][1] > 0.1
    # ...and from the feet and above, the spine runs up the paper, head at the
    # top, and the knees, together, tip off to one side of it: the same side
    # for both (a picture with the knees splayed two ways read as "knees apart").
    view = body.frames[2].view
    assert view is not None and view[0] == -90.0 and view[1] >= 40.0
    assert tip["head"][1] > tip["shoulder"][1] > tip["hip"][1]
    assert abs(tip["shoulder"][0] - tip["hip"][0]) < 0.02
    offsets = [tip[knee][0] - tip["hip"][0] for knee in ("near_knee", "far_knee")]
    assert all(abs(offset) > 0.1 for offset in offsets), offsets
    assert offsets[0] * offsets[1] > 0, offsets
    assert body.frames[2].both_ways or body.frames[2].arrows


def test_knee_hug_lies_on_a_bed_with_a_pillow() -> None:
    drawn = picture("knee-hug-side-tilt")
    for frame, panel in enumerate(drawn.panels):
        shapes = [mark for mark in panel.marks if isinstance(mark, Shape)]
        beds = [shape for shape in shapes if shape.fill_gray == BED_FILL]
        assert len(beds) == 1, panel.caption
        (bed,) = beds
        left, right = min(x for x, _ in bed.points), max(x for x, _ in bed.points)
        bottom, top = min(y for _, y in bed.points), max(y for _, y in bed.points)
        joints = drawn.joints[frame]
        head = joints["head"]
        if frame < 2:
            # From the side: the body lies on the mattress, head on a pillow.
            assert all(left < x < right for x, _ in joints.values()), panel.caption
            assert min(y for _, y in joints.values()) >= top - 0.05, panel.caption
        else:
            # From the feet and above: the whole body inside the bed's outline.
            for name, (x, y) in joints.items():
                assert left < x < right and bottom < y < top, (panel.caption, name)
        pillows = [
            shape
            for shape in shapes
            if shape is not bed
            and shape.fill_gray is not None
            and shape.fill_gray > 0.5
            and min(x for x, _ in shape.points) < head[0] < max(x for x, _ in shape.points)
        ]
        assert pillows, panel.caption


# --- single knee to chest: hands on the pulled shin, head on a pillow that shows ---


def test_single_knee_hands_hold_the_pulled_shin_below_the_knee() -> None:
    drawn, body = picture("single-knee-to-chest"), pose("single-knee-to-chest")
    joints = drawn.joints[1]
    knee, ankle = joints["near_knee"], joints["near_ankle"]
    # The near knee comes up towards the chest; the other foot stays down.
    assert knee[0] < joints["hip"][0] - 0.1
    assert joints["far_ankle"][1] - drawn.support < 0.06
    for hand in ("near_hand", "far_hand"):
        # On paper: on the shin, and far enough below the knee not to hide in it.
        assert to_segment(joints[hand], knee, ankle) < LIMB_WIDTH
        assert math.dist(joints[hand], knee) > 0.065
    # In 3-D both hands are at the pulled shin (the far hand does not stay on its own side).
    body_joints = joints_3d(body.frames[1])
    shin = (body_joints["near_knee"], body_joints["near_ankle"])
    for hand in ("near_hand", "far_hand"):
        assert to_segment(body_joints[hand], *shin) < 0.07
    # Both arms pull, so the far one is drawn dark too.
    assert limb_gray(drawn, 1, ("far_shoulder", "far_elbow", "far_hand")) == 0.0


def test_single_knee_head_rests_on_a_pillow_thick_enough_to_see() -> None:
    drawn = picture("single-knee-to-chest")
    for frame, panel in enumerate(drawn.panels):
        head = drawn.joints[frame]["head"]
        assert head[1] - HEAD_RADIUS - drawn.support > 0.08, panel.caption
        (pillow,) = [
            mark
            for mark in panel.marks
            if isinstance(mark, Shape) and mark.fill_gray == PILLOW_FILL
        ]
        ys = [y for _, y in pillow.points]
        assert max(ys) - min(ys) > 0.07, panel.caption
        # The pillow reaches out past the head on both sides, so it shows.
        xs = [x for x, _ in pillow.points]
        assert min(xs) < head[0] - HEAD_RADIUS and max(xs) > head[0] + HEAD_RADIUS


# --- double knee lift: knees to chest, then straight legs with the feet just off the floor ---


def test_double_knee_lift_draws_both_working_legs_dark() -> None:
    drawn = picture("double-knee-lift")
    far_leg = ("far_hip", "far_knee", "far_ankle", "far_toe")
    near_leg = ("near_hip", "near_knee", "near_ankle", "near_toe")
    for frame in (1, 2):
        assert limb_gray(drawn, frame, near_leg) == 0.0
        assert limb_gray(drawn, frame, far_leg) == 0.0


def test_double_knee_lift_holds_the_feet_a_few_inches_up() -> None:
    drawn = picture("double-knee-lift")
    bent, tucked, out = drawn.joints
    # Start: feet flat on the floor; then the knees come back over the chest.
    for side in ("near", "far"):
        assert bent[f"{side}_ankle"][1] - drawn.support < 0.05
        assert tucked[f"{side}_knee"][0] < tucked["hip"][0]
    # Then the legs are straight, the hips stay down, and the heels are clearly off
    # the floor but low: a few inches (the body is 1 unit, about 170 cm, tall).
    assert out["hip"][1] - drawn.support < 0.04
    for side in ("near", "far"):
        hip, knee, ankle = out[f"{side}_hip"], out[f"{side}_knee"], out[f"{side}_ankle"]
        assert to_segment(knee, hip, ankle) < 0.01
        gap = ankle[1] - LIMB_WIDTH / 2 - drawn.support
        assert 0.05 < gap < 0.12
    # The key frame (small layouts) is that held position.
    assert drawn.key.caption == drawn.panels[2].caption

"""The pictures of the lying exercises show what the articles say.

Each test reads a pose file from the checkout and checks the drawn geometry
(joints on paper, y up) or the 3-D body (x forward, y up, z to the near side)
for the mistakes the format 1 pictures made: a sideways tilt drawn from the
side, where it cannot be seen; hands hidden in the pulled knee and a pillow
too thin to see, then under the neck and shoulders; a far leg drawn light
although both legs lift; and for later ones: a tilt seen from above whose arc
ran over the chest and whose gray far limbs faded into the bed (then read as
sitting in a chair at 22 mm), a far leg hidden exactly behind the near one.
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


# --- knee hug with side tilt: on a bed; from its foot, the knees tip one way, then the other ---


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


def test_knee_hug_shows_the_hug_from_the_side_and_the_tip_from_the_foot_of_the_bed() -> None:
    """The tip was seen from above, where at 22 mm it read as a figure sitting in a
    chair, then from higher at the foot end, where the folded legs drew as a knot.
    From the foot of the bed with the eye a little raised, the hugged legs lie in
    one plane seen edge on: bars tipped over to one side of the upright head."""
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
    # ...and from the foot of the bed the spine runs away from the eye (the head
    # straight behind the hips on paper), and the knees, together, tip off to one
    # side of it: the same side for both (knees splayed two ways read as "apart").
    view = body.frames[2].view
    assert view is not None and view[0] == -90.0 and view[1] < 20.0
    assert abs(tip["head"][0] - tip["hip"][0]) < 0.02
    offsets = [tip[knee][0] - tip["hip"][0] for knee in ("near_knee", "far_knee")]
    assert all(abs(offset) > 0.1 for offset in offsets), offsets
    assert offsets[0] * offsets[1] > 0, offsets
    # The thigh and shin of each leg draw as one bar: the ankle on paper lies near
    # the line from the hip to the knee (the legs' plane is seen edge on).
    for side in ("near", "far"):
        assert to_segment(tip[f"{side}_ankle"], tip[f"{side}_hip"], tip[f"{side}_knee"]) < 0.05
    # A two-headed arc says "to one side, then the other": a head each side of the
    # spine, both above the knees.
    assert body.frames[2].each_side == ("near_knee",)
    heads = [
        mark.points[0]
        for mark in drawn.panels[2].marks
        if isinstance(mark, Shape) and mark.accent and mark.fill_gray == 0.0
    ]
    assert len(heads) == 2
    assert (heads[0][0] - tip["hip"][0]) * (heads[1][0] - tip["hip"][0]) < 0
    assert all(y > max(tip["near_knee"][1], tip["far_knee"][1]) for _, y in heads)
    # Seen from the foot of the bed, the body's right (the near side, where the
    # steps tip first) is on the left of the picture.
    assert tip["near_knee"][0] < tip["hip"][0] and tip["far_knee"][0] < tip["hip"][0]


def test_knee_hug_draws_both_hugged_legs_dark() -> None:
    """The far leg hid exactly behind the near one in the hug (one leg, in a hug of
    both knees), and in the tip from above the far leg and arm were gray on the
    gray bed, so the legs faded into it."""
    drawn = picture("knee-hug-side-tilt")
    far_leg = ("far_hip", "far_knee", "far_ankle", "far_toe")
    hug = drawn.joints[1]
    assert math.dist(hug["near_knee"], hug["far_knee"]) > 0.6 * LIMB_WIDTH
    assert limb_gray(drawn, 1, far_leg) == 0.0
    assert limb_gray(drawn, 2, far_leg) == 0.0
    assert limb_gray(drawn, 2, ("far_shoulder", "far_elbow", "far_hand")) == 0.0


def test_knee_hug_small_picture_is_the_hug_from_the_side() -> None:
    """At 22 mm the tip seen from above read as a figure sitting in a chair (head at
    the top, legs hanging), a lying exercise taken for a sitting one: the small
    layouts show the hug, from the side, over the faint flat lie, with the tip
    from the foot of the bed as an inset in its corner (tests/test_poses_insets.py)."""
    drawn, body = picture("knee-hug-side-tilt"), pose("knee-hug-side-tilt")
    assert body.key_frame == 1
    assert drawn.key.caption == drawn.panels[1].caption == "Hug both knees"
    assert body.frames[1].view is None and body.view == (0.0, 0.0)


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
        # The body lies on the mattress (seen from the side, or from the foot of the
        # bed with the eye a little raised, where the bed is its end)...
        assert all(left < x < right for x, _ in joints.values()), panel.caption
        assert min(y for _, y in joints.values()) >= top - 0.05, panel.caption
        assert bottom < top
        # ...its head on a pillow (from the foot of the bed, the pillow behind it).
        pillows = [
            shape
            for shape in shapes
            if shape.fill_gray == PILLOW_FILL
            and min(x for x, _ in shape.points) < head[0] < max(x for x, _ in shape.points)
        ]
        assert pillows or frame == 2, panel.caption


# --- single knee to chest: hands on the pulled shin, head on a pillow that shows ---


def test_single_knee_hands_hold_the_pulled_shin_below_the_knee() -> None:
    drawn, body = picture("single-knee-to-chest"), pose("single-knee-to-chest")
    joints = drawn.joints[1]
    knee, ankle = joints["near_knee"], joints["near_ankle"]
    # The near knee comes up towards the chest; the other foot stays down.
    assert knee[0] < joints["hip"][0] - 0.1
    assert joints["far_ankle"][1] - drawn.support < 0.06
    for hand in ("near_hand", "far_hand"):
        # On paper: on the shin, and far enough below the knee not to merge with it
        # at a small size (0.07 did).
        assert to_segment(joints[hand], knee, ankle) < LIMB_WIDTH
        assert math.dist(joints[hand], knee) > 0.09
    # In 3-D both hands are at the pulled shin (the far hand does not stay on its own side).
    body_joints = joints_3d(body.frames[1])
    shin = (body_joints["near_knee"], body_joints["near_ankle"])
    for hand in ("near_hand", "far_hand"):
        assert to_segment(body_joints[hand], *shin) < 0.07
    # Both arms pull, so the far one is drawn dark too.
    assert limb_gray(drawn, 1, ("far_shoulder", "far_elbow", "far_hand")) == 0.0
    # The leg that stays down is part of the position, not the faint start pose
    # the small picture draws behind: dark too.
    assert limb_gray(drawn, 1, ("far_hip", "far_knee", "far_ankle", "far_toe")) == 0.0


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
        # The pillow reaches out past the crown, so it shows, and stops short of the
        # shoulders: it is under the head, not the neck and shoulders.
        xs = [x for x, _ in pillow.points]
        shoulder = drawn.joints[frame]["shoulder"]
        assert min(xs) < head[0] - HEAD_RADIUS
        assert max(xs) < shoulder[0] - 0.02
        # The back lies nearly flat (it is not propped up on the pillow).
        assert shoulder[1] - drawn.joints[frame]["hip"][1] < 0.05


# --- double knee lift: knees to chest, then straight legs with the feet just off the floor ---


def test_double_knee_lift_draws_both_working_legs_dark() -> None:
    drawn = picture("double-knee-lift")
    far_leg = ("far_hip", "far_knee", "far_ankle", "far_toe")
    near_leg = ("near_hip", "near_knee", "near_ankle", "near_toe")
    for frame in (1, 2):
        assert limb_gray(drawn, frame, near_leg) == 0.0
        assert limb_gray(drawn, frame, far_leg) == 0.0


def test_double_knee_lift_shows_two_legs() -> None:
    """The far leg hid exactly behind the near one: a double knee lift read as one leg."""
    drawn = picture("double-knee-lift")
    for frame in (1, 2):
        joints = drawn.joints[frame]
        apart = max(
            math.dist(joints[f"near_{name}"], joints[f"far_{name}"]) for name in ("knee", "ankle")
        )
        assert apart > 0.6 * LIMB_WIDTH, frame


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

"""Round 25 (ham): the hamstring stretch's straight leg shows whole in the fold.

The last clinical review (large 4, small 3): "at print size the forward-bent figure
is a dark blob; the arms and head cover most of the straight leg, so only the toe
stub shows ... 'straight leg in front, reach towards its toes' is unclear". The arms
now run down from the shoulders to just above the shin (the elbows up, the hands
not resting on the leg) and the head is a little up, so on paper the straight leg
is one unbroken line from the hip to the foot, the hands stopping over the shin.

Round 26 re-pins two of these: the next review read those elbows-up arms as "folded
under a raised head" and asked for straight arms with the hands on the shin. Straight
arms from the shoulders meet the leg only at the hands, so the thigh (hip to knee)
must stay uncovered, and the hands rest on the shin's stroke (see
test_poses_round26_ham.py).

Joints on paper are y up.
"""

from __future__ import annotations

import itertools
import math

from makeplan.figure import HEAD_RADIUS
from makeplan.pictograms import LIMB_WIDTH
from support import pose_of as pose
from support import pose_picture as picture
from support import to_segment

Point = tuple[float, float]


def _leg_points(joints: dict[str, Point], steps: int = 100) -> list[Point]:
    """Points along the drawn straight leg's thigh, hip to knee (round 26: the hands
    rest on the shin, so only the thigh must show whole)."""
    chain = [joints["near_hip"], joints["near_knee"]]
    return [
        (a[0] + i / steps * (b[0] - a[0]), a[1] + i / steps * (b[1] - a[1]))
        for a, b in itertools.pairwise(chain)
        for i in range(steps)
    ]


def _covered_share(joints: dict[str, Point]) -> float:
    """The share of the straight thigh's middle line under an arm stroke or the head."""
    arms = [
        (joints[f"{side}_{a}"], joints[f"{side}_{b}"])
        for side in ("near", "far")
        for a, b in (("shoulder", "elbow"), ("elbow", "hand"))
    ]
    points = _leg_points(joints)
    covered = [
        point
        for point in points
        if any(to_segment(point, a, b) < LIMB_WIDTH for a, b in arms)
        or math.dist(point, joints["head"]) < HEAD_RADIUS + LIMB_WIDTH / 2
    ]
    return len(covered) / len(points)


def test_key_frame_straight_leg_is_not_covered_by_the_arms_or_head() -> None:
    """Round 25's main: 26% of the leg from hip to ankle lay under the arms (elbows
    down by the knee). Round 26: the thigh, hip to knee, shows whole."""
    drawn = picture("hamstring-stretch")
    assert pose("hamstring-stretch").key_frame == len(drawn.panels) - 1
    share = _covered_share(drawn.joints[-1])
    assert share <= 0.05, share


def test_key_frame_hands_stop_over_the_shin_just_above_the_leg() -> None:
    """On paper each hand ends between the knee and the ankle, on the shin (round 25:
    just above it, not on its stroke; round 26 rests the hands on it)."""
    joints = picture("hamstring-stretch").joints[-1]
    knee, ankle = joints["near_knee"], joints["near_ankle"]
    shin = (ankle[0] - knee[0], ankle[1] - knee[1])
    for hand in ("near_hand", "far_hand"):
        point = joints[hand]
        where = ((point[0] - knee[0]) * shin[0] + (point[1] - knee[1]) * shin[1]) / (
            shin[0] ** 2 + shin[1] ** 2
        )
        assert 0.2 < where < 0.9, (hand, where)
        gap = to_segment(point, knee, ankle)
        assert gap < LIMB_WIDTH, (hand, gap / LIMB_WIDTH)


def test_key_frame_head_is_up_off_the_knee_and_the_fold_from_the_hips() -> None:
    body, drawn = pose("hamstring-stretch"), picture("hamstring-stretch")
    joints = drawn.joints[-1]
    # The head clear of the straight leg by more than its radius and two limb widths.
    gap = to_segment(joints["head"], joints["near_hip"], joints["near_ankle"])
    assert gap > HEAD_RADIUS + 2.5 * LIMB_WIDTH, gap / LIMB_WIDTH
    # Lifted a little from the trunk's line, the fold still from the hips.
    fold = body.frames[-1]
    assert 40 <= fold.torso[0] <= 60
    assert fold.head[0] >= 45

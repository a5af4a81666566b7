"""Round 16 of the review: the knee hug with side tilt.

In the tilt seen from the foot of the bed (frame 3) the two arrows started at the
shoulders' level, so a reader could not tell whether to tip the knees from the lower
back or roll the whole body. The arrows now go round the ankles (`each_side`), so
they start over the legs, between the hips and the knees, well below the shoulders.

Joints on paper are y up.
"""

from __future__ import annotations

from support import arrow_strokes
from support import pose_picture as picture


def test_knee_hug_tilt_arrows_start_over_the_legs_not_at_the_shoulders() -> None:
    drawn = picture("knee-hug-side-tilt")
    tip = drawn.joints[2]
    lines = arrow_strokes(drawn.panels[2])
    # Round 24: one arc with a head at each end (was two arrows from the middle).
    assert len(lines) == 1
    hip, shoulder = tip["hip"][1], tip["shoulder"][1]
    knees = (tip["near_knee"][1] + tip["far_knee"][1]) / 2
    for line in lines:
        start = max(y for _, y in line.points)  # the arc's highest point
        # Between the hips and the knees on paper, well below the shoulders (the
        # old arcs round the toes started level with the knees and shoulders).
        assert hip < start < knees - 0.04, (start, hip, knees)
        assert start < shoulder - 0.05, (start, shoulder)

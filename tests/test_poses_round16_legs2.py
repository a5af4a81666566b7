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
    # Round 34: the tilt is seen from above the foot of the bed turned a quarter on
    # paper, the head at the left and the spine level across the paper: the arc stands
    # across the legs by the feet, well past the shoulders (so it asks to tip from the
    # lower back, not to roll the whole body), and reaches to both sides.
    spine = tip["hip"][1]
    assert abs(tip["shoulder"][1] - spine) < 0.01 and tip["head"][0] < tip["hip"][0]
    ankles = (tip["near_ankle"][0] + tip["far_ankle"][0]) / 2
    (line,) = lines
    xs, ys = [x for x, _ in line.points], [y for _, y in line.points]
    assert tip["shoulder"][0] + 0.2 < min(xs), (xs, tip)
    # (Round 35: an arc round the hip past the feet, `wiper`, its middle 0.12 past the
    # ankles; round the spine it stood over them.)
    assert abs((min(xs) + max(xs)) / 2 - ankles) < 0.14
    assert min(ys) < spine - 0.12 and max(ys) > spine + 0.12

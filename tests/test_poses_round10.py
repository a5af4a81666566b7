"""Round 10 of the review: each test fails for what a reviewer misread.

- double knee lift (legs out, large and small): raised 17 degrees, the straight
  legs lay over the mat's drawn top and the heels looked as if on it; a clinical
  reviewer feared a patient would lower the legs and swing them straight up
  again. The heels now show clearly above a floor line.
"""

from __future__ import annotations

from makeplan.pictograms import LIMB_WIDTH, PROP_GRAY
from makeplan.poses import Shape
from support import floor_top
from support import pose_picture as picture

MM = 1.0  # paper sizes below are worked out in millimetres
# A key frame 22 mm tall (the one-page sheet draws this one smaller: width-limited).
ONE_PAGE_HEIGHT = 22 * MM


def test_double_knee_lift_heels_are_off_the_floor_with_a_visible_gap() -> None:
    drawn = picture("double-knee-lift")
    legs_out, key = drawn.panels[2], drawn.key
    # No mat top drawn under the legs: nothing gray filled behind the heels.
    for panel in (legs_out, key):
        assert not [m for m in panel.marks if isinstance(m, Shape) and m.line_gray == PROP_GRAY]
    floor = floor_top(legs_out.marks)
    # The key frame is the legs-out frame over its faint start, on the same floor.
    assert abs(floor_top(key.marks) - floor) < 1e-3
    joints = drawn.joints[2]
    for heel in ("near_ankle", "far_ankle"):
        gap = joints[heel][1] - LIMB_WIDTH / 2 - floor
        # Large (1 unit = 60 mm): at least 3 mm of white under the heel ...
        assert gap * 60 * MM >= 3.0, (heel, gap)
        # ... and with the key frame 22 mm tall, at least 2 mm (more than a limb's width).
        assert gap * ONE_PAGE_HEIGHT / drawn.height >= 2.0, (heel, gap)
        assert gap > LIMB_WIDTH
    # The rest of the body lies on the floor: the hip is no higher than a limb up.
    assert joints["hip"][1] - floor < 2 * LIMB_WIDTH

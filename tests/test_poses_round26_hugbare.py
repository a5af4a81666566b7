"""Round 26: in the knee hug's single small picture the tilt's inset was about 5 mm
across, most of it the bed box (as wide as the tipped knees need), so its body was
about 3 mm and its two-headed arrow a blob. The inset is now bare (`inset.bare`): the
head on its pillow, no bed box (the key frame beside it shows the bed), and its body
drawn a quarter larger in the same room, the key frame no taller.

Since round 34 the knee hug prints its key pair always (`key_pair_only`) and has no
inset: these tests keep the inset's keys covered on the round-33 pose, kept as
`tests/poses/knee-hug-round33.toml` (a library pose may still use them)."""

from __future__ import annotations

import math

from makeplan.pictograms import BED_SIDE_FILL
from makeplan.poses import Shape
from support import fixture_picture as picture


def _inside(hug, shape: Shape) -> bool:  # type: ignore[no-untyped-def]
    left, bottom, right, top = hug.inset_box
    return all(left - 1e-6 <= x <= right + 1e-6 and bottom - 1e-6 <= y <= top + 1e-6
               for x, y in shape.points)  # fmt: skip


def test_the_insets_body_is_drawn_larger() -> None:
    hug = picture("knee-hug-round33")
    joints = hug.inset_joints
    assert joints is not None
    assert math.dist(joints["head"], joints["hip"]) > 0.225  # main: 0.188 (at 0.49)
    assert math.dist(joints["head"], joints["near_knee"]) > 0.18  # main: 0.151


def test_the_inset_has_its_pillow_but_no_bed_box() -> None:
    hug = picture("knee-hug-round33")
    assert hug.inset_box is not None
    shapes = [m for m in hug.key.marks if isinstance(m, Shape) and _inside(hug, m)]
    fills = {m.fill_gray for m in shapes}
    assert BED_SIDE_FILL not in fills and 0.9 not in fills  # main: the bed's side and top
    assert 0.82 in fills  # the pillow under the head
    # The box round it is drawn (thin gray), as the bed box no longer frames it.
    left, bottom, _, _ = hug.inset_box
    box = next(m for m in shapes if m.points[0] == (left, bottom))
    assert box.line_width > 0 and box.line_gray < 1.0  # main: white, no line


def test_the_key_frame_is_no_taller_and_the_inset_stands_low_beside_the_bed() -> None:
    hug = picture("knee-hug-round33")
    assert hug.inset_box is not None
    left, bottom, right, top = hug.inset_box
    # Round 27: up to 0.03 taller (0.562), the inset larger with the hug's arrow out.
    assert hug.key.height <= 0.534 + 0.03  # main: 0.534
    assert bottom < hug.support and right <= hug.width + 1e-6 and top <= hug.key.height
    # About as large a box as before (main: 0.333 x 0.402).
    assert right - left > 0.32 and top - bottom > 0.38


def test_the_large_frames_keep_their_bed_box() -> None:
    """Only the inset is bare: frame 3 (and the key pair's tilt) still lie on the bed."""
    hug = picture("knee-hug-round33")
    assert hug.key_pair is not None
    for panel in (hug.panels[2], hug.key_pair[1]):
        fills = {m.fill_gray for m in panel.marks if isinstance(m, Shape)}
        assert BED_SIDE_FILL in fills and 0.9 in fills


# Reading `bare` (and naming a wrong one by its line): tests/test_poses_insets.py.

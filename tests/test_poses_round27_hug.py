"""Round 27: in the knee hug's single small picture the tilt's inset was about 4 x 5 mm,
its tipped knees 3-4 mm and its two-headed arrow a smudge (scored 3: "the picture
alone shows only 'hug knees'"). Its size was capped by the key frame's height and by
the hug's own arrow, beside which it stood. The single now leaves the hug's arrow out
(`inset.key_arrows = false`: the faint straight legs and the dark hugged knees show the
hug), and the inset stands in the room that frees, its box's foot level with the bed's
feet, drawn at 0.78 of the body's size (was 0.62), its arrow at full size with a bolder
shaft. The large frames and the key pair keep the hug's arrow.

Since round 34 the knee hug prints its key pair always (`key_pair_only`) and has no
inset: these tests keep the inset's keys covered on the round-33 pose, kept as
`tests/poses/knee-hug-round33.toml` (a library pose may still use them)."""

from __future__ import annotations

import math

from makeplan.pictograms import LIMB_WIDTH, load_pose_text
from makeplan.poses import Shape, Stroke
from support import KNEE_OUT_FRAME, LIE_DOWN_FRAME
from support import fixture_picture as picture


def pose_of_fixture():  # type: ignore[no-untyped-def]
    import tomllib

    from makeplan.poses import pose_from
    from support import FIXTURE_POSES

    return pose_from(tomllib.loads((FIXTURE_POSES / "knee-hug-round33.toml").read_text()))


INSET_LINE = LIMB_WIDTH * 0.25  # the thin gray line round the inset (main: the same)


def _inside(box, points) -> bool:  # type: ignore[no-untyped-def]
    left, bottom, right, top = box
    return all(left - 1e-6 <= x <= right + 1e-6 and bottom - 1e-6 <= y <= top + 1e-6
               for x, y in points)  # fmt: skip


def _accents(panel):  # type: ignore[no-untyped-def]
    return [m for m in panel.marks if isinstance(m, Stroke) and m.accent]


def test_the_single_leaves_the_hugs_arrow_out_and_the_frames_keep_it() -> None:
    hug = picture("knee-hug-round33")
    assert pose_of_fixture().inset_key_arrows is False
    # The only arrow in the single is the inset's (main: the hug's arc beside it too).
    assert hug.inset_box is not None
    assert all(_inside(hug.inset_box, m.points) for m in _accents(hug.key))
    assert [m for m in _accents(hug.key) if _inside(hug.inset_box, m.points)]
    # The large hug frame and the key pair's hug still show the arrow.
    assert hug.key_pair is not None
    for panel in (hug.panels[1], hug.key_pair[0]):
        assert len(_accents(panel)) == 1


def test_the_insets_body_is_drawn_larger_in_a_larger_box() -> None:
    hug = picture("knee-hug-round33")
    assert hug.inset_box is not None and hug.inset_joints is not None
    left, bottom, right, top = hug.inset_box
    assert top - bottom > 0.47 and right - left > 0.4  # main: 0.389 x 0.331
    joints = hug.inset_joints
    assert math.dist(joints["head"], joints["hip"]) > 0.28  # main: 0.237
    assert math.dist(joints["head"], joints["near_knee"]) > 0.225  # main: 0.19
    # The tipped knees still off to one side of the hips.
    for knee in ("near_knee", "far_knee"):
        assert abs(joints[knee][0] - joints["hip"][0]) > 0.04, knee


def test_the_insets_arrow_stays_slim_where_it_crosses_the_feet() -> None:
    # Round 27 drew it at full size with a shaft 1.3 times as thick (0.036 units, heads
    # 0.09 across); the round 28 reviewers read it as "a blue blanket" over the feet
    # ("the thick arrow covers the feet"). Now as any inset's: 0.021, heads under 0.085.
    hug = picture("knee-hug-round33")
    assert hug.inset_box is not None
    shafts = [m for m in _accents(hug.key) if _inside(hug.inset_box, m.points)]
    assert shafts
    assert max(m.width for m in shafts) < 0.55 * LIMB_WIDTH
    heads = [m for m in hug.key.marks
             if isinstance(m, Shape) and m.accent and _inside(hug.inset_box, m.points)]  # fmt: skip
    assert len(heads) >= 2
    for head in heads:
        xs = [x for x, _ in head.points]
        assert 0.04 < max(xs) - min(xs) < 0.085


def test_the_single_is_no_wider_and_hardly_taller_the_inset_beside_the_bed() -> None:
    hug = picture("knee-hug-round33")
    assert hug.inset_box is not None
    left, bottom, right, top = hug.inset_box
    assert hug.width < 1.232  # main: 1.231
    assert hug.key.height <= 0.534 + 0.03  # main: 0.534
    assert right <= hug.width and top <= hug.key.height
    # The box's foot level with the bed's feet (main: 0.03 above them).
    legs = [m for m in hug.key.marks
            if isinstance(m, Stroke) and not _inside(hug.inset_box, m.points)]  # fmt: skip
    low = min(y - m.width / 2 for m in legs for _, y in m.points)
    assert abs(bottom - INSET_LINE / 2 - low) < 0.005
    # The hug's dark legs stay clear of the box.
    for mark in hug.key.marks:
        if isinstance(mark, Stroke) and mark.gray == 0.0 and not mark.accent:
            if _inside(hug.inset_box, mark.points):
                continue
            assert all(x + mark.width / 2 < left for x, _ in mark.points), mark


def test_the_key_frame_joints_still_match_the_hug_frame() -> None:
    """The key frame stands on the same line as the hug frame (its joints in place)."""
    hug = picture("knee-hug-round33")
    heads = [m for m in hug.key.marks if hasattr(m, "radius") and m.fill_gray == 0.0]
    assert any(math.dist((m.x, m.y), hug.joints[1]["head"]) < 1e-3 for m in heads)


KEEPS = (
    b"""version = 2
props = ["bed", "pillow"]
inset = { frame = 2, view = "above", scale = 0.4, key_arrows = false }
"""
    + LIE_DOWN_FRAME
    + KNEE_OUT_FRAME
)


def test_key_arrows_false_leaves_only_the_key_frames_own_arrows_out() -> None:
    # Reading it (and naming a wrong one by its line): tests/test_poses_insets.py.
    quiet = load_pose_text(KEEPS, "keeps.toml", "keeps")
    loud = load_pose_text(KEEPS.replace(b", key_arrows = false", b""), "loud.toml", "loud")
    assert quiet.inset_box is not None and loud.inset_box is not None
    outside = [m for m in _accents(quiet.key) if not _inside(quiet.inset_box, m.points)]
    assert outside == []
    assert [m for m in _accents(loud.key) if not _inside(loud.inset_box, m.points)]
    # The large frame keeps its arrow either way.
    assert _accents(quiet.panels[1]) == _accents(loud.panels[1])

"""Round 35: the knee hug's tilt, seen from above, drew both arms and both legs over
the trunk ("a knot of limbs") and its two-headed arc round the spine came out as a
straight up-and-down bar ("raise and lower the legs"). Two general frame keys: `hide`
leaves limbs out of a frame (and its faint start), `wiper` draws one two-headed arc on
paper round the hip, from the faint start's joint to this frame's, like a windscreen
wiper.
"""

from __future__ import annotations

import math

import pytest

from makeplan.pictograms import load_pose_text, packaged_pictogram
from makeplan.poses import Shape, Stroke, pose_problems
from support import KNEE_OUT_FRAME, LIE_DOWN_FRAME

TILTED = (
    b'version = 2\nprops = ["bed"]\nview = [-90, 75, 90]\n'
    + LIE_DOWN_FRAME
    + KNEE_OUT_FRAME.replace(
        b'arrows = ["near_knee"]',
        b'mirror_ghost = true\nwiper = ["near_ankle"]\nhide = ["far_arm", "far_leg"]',
    )
)


def _strokes_through(picture, frame: int, names: tuple[str, ...]) -> list[Stroke]:  # type: ignore[no-untyped-def]
    wanted = [picture.joints[frame][name] for name in names]
    return [
        m
        for m in picture.panels[frame].marks
        if isinstance(m, Stroke)
        and m.gray < 1.0
        and len(m.points) == len(wanted)
        and all(math.dist(a, b) < 1e-6 for a, b in zip(m.points, wanted, strict=True))
    ]


def test_hide_leaves_the_limbs_out_of_the_frame() -> None:
    picture = load_pose_text(TILTED, "t.toml", "t")
    shown = load_pose_text(TILTED.replace(b'hide = ["far_arm", "far_leg"]', b""), "s.toml", "s")
    far_leg = ("far_hip", "far_knee", "far_ankle", "far_toe")
    far_arm = ("far_shoulder", "far_elbow", "far_hand")
    near_leg = ("near_hip", "near_knee", "near_ankle", "near_toe")
    from makeplan.pictograms import GHOST_GRAY

    # Left out of the dark body; the faint start (the frame mirrored to the other side)
    # leaves out the mirrored limbs: its far leg and arm show (the outer ones there),
    # its near leg does not.
    for names in (far_leg, far_arm):
        assert [m.gray for m in _strokes_through(shown, 1, names) if m.gray != GHOST_GRAY]
        assert [m.gray for m in _strokes_through(picture, 1, names)] == [GHOST_GRAY]
    assert _strokes_through(picture, 1, near_leg)
    # The first frame names no `hide`: every limb is drawn.
    assert _strokes_through(picture, 0, far_leg)


def test_wiper_is_one_curved_arc_round_the_hip_with_a_head_at_each_end() -> None:
    picture = load_pose_text(TILTED, "t.toml", "t")
    panel, joints = picture.panels[1], picture.joints[1]
    lines = [m for m in panel.marks if isinstance(m, Stroke) and m.accent and m.gray == 0.0]
    heads = [m for m in panel.marks if isinstance(m, Shape) and m.accent and m.fill_gray == 0.0]
    assert len(lines) == 1 and len(heads) == 2
    # Every point of the arc is as far from the hip: an arc round it, not a straight bar.
    hip = joints["hip"]
    distances = [math.dist(hip, point) for point in lines[0].points]
    assert max(distances) - min(distances) < 3e-3
    first, last = lines[0].points[0], lines[0].points[-1]
    middle = lines[0].points[len(lines[0].points) // 2]
    chord = math.dist(first, last)
    bow = abs((last[0] - first[0]) * (middle[1] - first[1])
              - (last[1] - first[1]) * (middle[0] - first[0])) / chord  # fmt: skip
    assert bow > 0.1 * chord
    # Its heads are by the ankle now and by where the faint start has it.
    ankle = joints["near_ankle"]
    assert min(math.dist(h.points[0], ankle) for h in heads) < 0.2


def test_the_knee_hugs_tilt_shows_trunk_one_leg_one_arm_and_a_curved_arc() -> None:
    picture = packaged_pictogram("knee-hug-side-tilt")
    assert picture is not None
    tip = picture.joints[2]
    # The near hand rests on the knee.
    assert math.dist(tip["near_hand"], tip["near_knee"]) < 0.06
    for names in (
        ("far_hip", "far_knee", "far_ankle", "far_toe"),
        ("far_shoulder", "far_elbow", "far_hand"),
    ):
        assert not _strokes_through(picture, 2, names)
    assert picture.key_pair is not None
    for panel in (picture.panels[2], picture.key_pair[1]):
        lines = [m for m in panel.marks if isinstance(m, Stroke) and m.accent and m.gray == 0.0]
        assert len(lines) == 1, panel.caption


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ('hide = ["near_head"]', "frame[2].hide[1]"),
        ('hide = "far_arm"', "frame[2].hide"),
        ('wiper = ["elbow"]', "frame[2].wiper[1]"),
        ("wiper = true", "frame[2].wiper"),
    ],
)
def test_a_wrong_hide_or_wiper_is_named_by_its_line(line: str, field: str) -> None:
    text = TILTED.replace(b'hide = ["far_arm", "far_leg"]', line.encode())
    if line.startswith("wiper"):
        text = TILTED.replace(b'wiper = ["near_ankle"]', line.encode())
    _, problems = pose_problems(text, "t.toml")
    assert [(p.line, p.field) for p in problems] == [
        (text.decode().split("\n").index(line) + 1, field)
    ]


@pytest.mark.parametrize("key", [b"hide", b"wiper"])
def test_hide_and_wiper_need_format_2(key: bytes) -> None:
    text = (
        b"version = 1\n"
        + LIE_DOWN_FRAME
        + KNEE_OUT_FRAME.replace(b"near_leg = [[60, 40], -60]", b"near_leg = [60, -60]")
        + key
        + b' = ["near_ankle"]\n'
    ).replace(b'hide = ["near_ankle"]', b'hide = ["far_arm"]')
    _, problems = pose_problems(text, "t.toml")
    assert [p.field for p in problems] == [f"frame[2].{key.decode()}"]
    assert "expected version = 2" in problems[0].message

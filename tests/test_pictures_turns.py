"""Arrows for turns (issue 15 review): `turns` draws an arrow round the head or the
chest the way that part turned since the frame before (the seated twist's head turns
against its body), and `each_side` two arrows round the body's long line, from
the middle out to a joint and to its place on the other side (the knee hug's tip:
one side, back, then the other). Both are pose format 2 keys; pictures without
them draw as before."""

from __future__ import annotations

import math

import pytest

from makeplan.figure import HEAD_RADIUS
from makeplan.pictograms import load_pose_text
from makeplan.poses import Panel, Point, Shape, Stroke, pose_problems

SITTING = (
    'caption = "Sit"\ntorso = 90\nhead = 90\n'
    "near_arm = [[-60, 20], [-60, 20]]\nfar_arm = [[-60, 20], [-60, 20]]\n"
    "near_leg = [[20, 40], [250, -60]]\nfar_leg = [[20, 40], [250, -60]]\n"
)


def sitting(view: str, second: str) -> bytes:
    """A body sitting up, then the same with `second` added to the second frame."""
    return (
        f'version = 2\nprops = ["floor"]\nview = {view}\n'
        f"[[frame]]\n{SITTING}[[frame]]\n{SITTING}{second}"
    ).encode()


def arrows(panel: Panel) -> list[Stroke | Shape]:
    """The arrow marks of a frame (drawn in the accent colour): lines and heads, not
    their white edges."""
    return [
        mark
        for mark in panel.marks
        if (isinstance(mark, Stroke) and mark.accent and mark.gray < 1.0)
        or (isinstance(mark, Shape) and mark.accent and mark.fill_gray != 1.0)
    ]


def tips(panel: Panel) -> list[Point]:
    """Where each arrow head points: the first corner of each head."""
    return [mark.points[0] for mark in arrows(panel) if isinstance(mark, Shape)]


# Seen from the front (-90): the figure's near side (+z) is the reader's left.
# (view, what turns in the second frame, the part, which way the arrow head points)
TURNS = [
    ('"front"', "head_turn = 60", "head", "left"),
    ('"front"', "head_turn = -60", "head", "right"),
    ("[-90, 10]", "head_turn = 60", "head", "left"),
    ('"front"', "shoulder_turn = 45", "shoulders", "right"),
    ('"front"', "shoulder_turn = -45", "shoulders", "left"),
    # The body one way, the head further the other: the face ends up turned left.
    ('"front"', "shoulder_turn = 45\nhead_turn = 90", "head", "left"),
    ('"front"', "shoulder_turn = 45\nhead_turn = 90", "shoulders", "right"),
]


@pytest.mark.parametrize(("view", "turn", "part", "way"), TURNS)
def test_a_turn_arrow_points_the_way_the_part_turned(
    view: str, turn: str, part: str, way: str
) -> None:
    picture = load_pose_text(sitting(view, f'{turn}\nturns = ["{part}"]\n'), "t.toml", "t")
    joints, panel = picture.joints[1], picture.panels[1]
    (tip,) = tips(panel)
    if part == "head":
        middle = joints["head"]
        # Above the head, clear of the face, so it reads as a turn of the head.
        assert all(y > middle[1] + HEAD_RADIUS for mark in arrows(panel) for _, y in mark.points)
    else:
        middle = joints["shoulder"]
    line = next(mark for mark in arrows(panel) if isinstance(mark, Stroke))
    # Each is half a ring round the front (of the head, above it; of the waist), its
    # middle in front, ending to that side (round 6: the head's set off from the
    # face and read as a cone from the face).
    start = line.points[len(line.points) // 2]
    assert abs(start[0] - middle[0]) < 0.03
    assert (tip[0] < middle[0] - 0.05) if way == "left" else (tip[0] > middle[0] + 0.05)


def test_a_turn_arrow_needs_a_turn_and_a_frame_before() -> None:
    still = load_pose_text(sitting('"front"', 'turns = ["head"]\n'), "t.toml", "t")
    assert arrows(still.panels[1]) == []
    text = sitting('"front"', "").replace(
        b'caption = "Sit"', b'caption = "Sit"\nturns = ["head"]', 1
    )
    problems = pose_problems(text, "t.toml")[1]
    assert [(p.line, p.field) for p in problems] == [(6, "frame[1].turns")]
    assert "first frame" in problems[0].message


LYING = (
    'caption = "Lie"\ntorso = 180\nhead = 178\nnear_arm = [0, 0]\nfar_arm = [0, 0]\n'
    "near_leg = [[120, 40], -10]\nfar_leg = [[120, -40], -10]\n"
)


# (view, joint, how the two heads lie about the hips on paper)
EACH_SIDE = [
    # From the feet and above: one head each side of the body, left and right.
    ("[-90, 50]", "near_knee", "across"),
    ("[-75, 48]", "near_knee", "across"),
    # From above, head to the left: one head each side of the body, up and down.
    ('"above"', "near_knee", "up and down"),
    ('"above"', "near_ankle", "up and down"),
]


@pytest.mark.parametrize(("view", "joint", "spread"), EACH_SIDE)
def test_each_side_draws_an_arrow_to_each_side(view: str, joint: str, spread: str) -> None:
    text = f'version = 2\nprops = ["bed"]\nview = {view}\n[[frame]]\n{LYING}'
    text += f'each_side = ["{joint}"]\n'
    picture = load_pose_text(text.encode(), "e.toml", "e")
    joints, panel = picture.joints[0], picture.panels[0]
    first, second = tips(panel)
    hip = joints["hip"]
    if spread == "across":
        assert (first[0] - hip[0]) * (second[0] - hip[0]) < 0
    else:
        assert (first[1] - hip[1]) * (second[1] - hip[1]) < 0
    # One head is at the joint (a little outside it), the other as far the other way.
    near = min(math.dist(first, joints[joint]), math.dist(second, joints[joint]))
    assert near < 0.12
    assert math.dist(first, second) > 0.25
    # Two lines, each with one head, a gap between them at the middle: not one arc
    # with a head at each end, which read as rocking to and fro.
    lines = [mark for mark in arrows(panel) if isinstance(mark, Stroke)]
    assert len(lines) == 2
    assert math.dist(lines[0].points[0], lines[1].points[0]) > 0.02


def test_each_side_of_a_joint_on_the_middle_line_is_no_arc() -> None:
    text = f'version = 2\nprops = ["bed"]\nview = [-90, 50]\n[[frame]]\n{LYING}'
    picture = load_pose_text((text + 'each_side = ["head"]\n').encode(), "e.toml", "e")
    assert arrows(picture.panels[0]) == []


FLAT = (
    'caption = "Lie"\ntorso = 180\nnear_arm = [0, 0]\nfar_arm = [0, 0]\n'
    "near_leg = [0, 0]\nfar_leg = [0, 0]\n"
)


@pytest.mark.parametrize(
    "key", ['turns = ["head"]', 'each_side = ["near_knee"]', 'light = ["near_leg"]']
)
def test_turns_and_each_side_are_pose_format_2(key: str) -> None:
    text = f"version = 1\n[[frame]]\n{FLAT}[[frame]]\n{FLAT}{key}\n".encode()
    problems = pose_problems(text, "old.toml")[1]
    assert [p.field for p in problems] == [f"frame[2].{key.split(' ')[0]}"]
    assert "expected version = 2" in problems[0].message


def test_light_names_only_near_limbs() -> None:
    text = f'version = 2\n[[frame]]\n{FLAT}light = ["far_leg"]\n'.encode()
    (problem,) = pose_problems(text, "t.toml")[1]
    assert problem.field == "frame[1].light[1]"
    assert '"near_arm" or "near_leg"' in problem.message


def test_turns_names_the_parts_it_knows() -> None:
    text = f'version = 2\n[[frame]]\n{FLAT}[[frame]]\n{FLAT}turns = ["neck"]\n'.encode()
    (problem,) = pose_problems(text, "t.toml")[1]
    assert problem.field == "frame[2].turns[1]"
    assert '"head" or "shoulders"' in problem.message

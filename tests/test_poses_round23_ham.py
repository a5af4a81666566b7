"""Round 23 (ham): the hamstring stretch's fold reads at print size.

The last blinded review (small 3): "the fold, the arm and the arrow merge at print
size". The near hand's arrow lay inside the folded body, over the back and the arm,
so at 25 mm it was a blue smear in a black mass. The arrow is now the head's, drawn
`wide`: an arc round the hip in the white space outside the body, from above the
faint upright head to beyond the folded one, its head pointing on towards the feet.
"""

from __future__ import annotations

import math

from makeplan.pictograms import LIMB_WIDTH
from makeplan.poses import Disc, Mark, Panel, Shape, Stroke, pose_problems
from support import pose_of as pose
from support import pose_picture as picture

Point = tuple[float, float]


def _to_segment(point: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = dx * dx + dy * dy
    share = 0.0 if length == 0 else ((point[0] - a[0]) * dx + (point[1] - a[1]) * dy) / length
    share = max(0.0, min(1.0, share))
    return math.dist(point, (a[0] + share * dx, a[1] + share * dy))


def _gap_to(point: Point, mark: Mark) -> float:
    """From `point` to the edge of a dark body mark (a limb or trunk stroke, the head)."""
    if isinstance(mark, Disc):
        return math.dist(point, (mark.x, mark.y)) - mark.radius - mark.line_width / 2
    assert isinstance(mark, Stroke)
    pairs = list(zip(mark.points, mark.points[1:], strict=False)) or [mark.points[:1] * 2]
    return min(_to_segment(point, a, b) for a, b in pairs) - mark.width / 2


def _arrow_and_body(panel: Panel) -> tuple[list[tuple[Point, float]], list[Mark]]:
    arrow: list[tuple[Point, float]] = []
    body: list[Mark] = []
    for mark in panel.marks:
        if isinstance(mark, Stroke) and mark.accent and mark.gray == 0.0:
            arrow += [(point, mark.width / 2) for point in mark.points]
        elif isinstance(mark, Shape) and mark.accent and mark.fill_gray == 0.0:
            arrow += [(point, 0.0) for point in mark.points]
        elif isinstance(mark, Stroke) and not mark.accent and mark.gray < 0.5:
            if mark.width >= 0.9 * LIMB_WIDTH:
                body.append(mark)
        elif isinstance(mark, Disc) and mark.fill_gray < 0.5:
            body.append(mark)
    return arrow, body


def test_key_frame_arrow_keeps_clear_of_the_dark_body() -> None:
    """Every point of the small picture's arrow (its line and its grown head) at least
    0.8 limb widths from the dark trunk, arms, legs and head (main: -1.0, on them)."""
    panel = picture("hamstring-stretch").key
    arrow, body = _arrow_and_body(panel)
    assert arrow and body
    clearance = min(_gap_to(point, mark) - half for point, half in arrow for mark in body)
    assert clearance >= 0.8 * LIMB_WIDTH, clearance / LIMB_WIDTH


def test_key_frame_arrow_sweeps_over_the_fold_and_points_towards_the_feet() -> None:
    drawn = picture("hamstring-stretch")
    joints = drawn.joints[-1]
    (line,) = [m for m in drawn.key.marks if isinstance(m, Stroke) and m.accent and m.gray == 0]
    (head,) = [m for m in drawn.key.marks if isinstance(m, Shape) and m.accent and m.fill_gray == 0]
    tip, barbs = head.points[0], head.points[1:]
    back = ((barbs[0][0] + barbs[1][0]) / 2, (barbs[0][1] + barbs[1][1]) / 2)
    way = (tip[0] - back[0], tip[1] - back[1])
    hip, toe = joints["near_hip"], joints["near_toe"]
    leg = (toe[0] - hip[0], toe[1] - hip[1])
    # The head points forward towards the feet (within 60 degrees of the leg's way)
    # and down: the trunk comes down over the leg.
    assert way[0] * leg[0] + way[1] * leg[1] > 0.5 * math.hypot(*way) * math.hypot(*leg)
    assert way[1] < 0
    # It sweeps round the hip: from behind the folded head (over the upright start) to
    # in front of it, all of it above the folded head, a long way (not a stub).
    forward = [(x - joints["head"][0]) * leg[0] + (y - joints["head"][1]) * leg[1]
               for x, y in (line.points[0], tip)]  # fmt: skip
    assert forward[0] < 0 < forward[1]
    assert min(y for _, y in line.points) > joints["head"][1]
    length = sum(math.dist(a, b) for a, b in zip(line.points, line.points[1:], strict=False))
    assert length > 0.3


def test_large_fold_frame_arrow_is_clear_of_the_body_too() -> None:
    arrow, body = _arrow_and_body(picture("hamstring-stretch").panels[-1])
    assert min(_gap_to(point, mark) - half for point, half in arrow for mark in body) > 0


def test_pose_uses_the_wide_head_arrow() -> None:
    assert pose("hamstring-stretch").frames[-1].wide == ("head",)


def _sitting_frame(caption: str, torso: int) -> bytes:
    """One frame of a test pose: sitting, arms down, legs out along the floor."""
    return f"""[[frame]]
caption = "{caption}"
torso = {torso}
near_arm = [-90, -90]
far_arm = [-90, -90]
near_leg = [0, 0]
far_leg = [0, 0]
""".encode()


def test_wide_must_name_a_joint_with_an_arrow() -> None:
    text = (
        b'version = 2\nview = "side"\n'
        + _sitting_frame("a", 90)
        + _sitting_frame("b", 50)
        + b'arrows = ["head"]\nwide = ["shoulder"]\n'
    )
    problems = pose_problems(text, "p.toml")[1]
    assert [(p.line, p.field) for p in problems] == [(18, "frame[2].wide")], problems
    assert "no arrow" in problems[0].message
    fine = pose_problems(text.replace(b'wide = ["shoulder"]', b'wide = ["head"]'), "p.toml")[1]
    assert fine == []
    wrong = pose_problems(text.replace(b'wide = ["shoulder"]', b'wide = ["elbow"]'), "p.toml")[1]
    assert wrong and {p.line for p in wrong} == {18}

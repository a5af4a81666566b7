"""Round 21: the buttock (glute) stretch seen from [60, 40] instead of [45, 18].

After round 20 a reviewer compared both views: from [45, 18] "out to the side" and
"towards the feet" both point right on paper, so the crossed knee falling out to
the side reads as a leg lying towards the feet, and in the crossing the open knee
sits two limb widths from the held leg. From [60, 40] (further towards the head,
raised) the crossed leg's triangle, the figure-4, reads in the crossing and the
pull, large and small. The picture is taller (0.92 body units against 0.675), so
the one-page sheet shows the pull alone in the glute's row (tests/test_key_pair.py).
"""

from __future__ import annotations

import math

from makeplan.figure import joints_3d, project
from makeplan.pictograms import LIMB_WIDTH, load_pose_text
from makeplan.poses import Pictogram
from support import POSES, to_segment
from support import pose_of as pose
from support import pose_picture as picture

GLUTE = "glute-stretch"
Point = tuple[float, float]


def _seen_from(view: str) -> Pictogram:
    """The checkout's pose drawn from another view (to show what the checks reject)."""
    path = POSES / f"{GLUTE}.toml"
    text = path.read_text()
    lines = [f"view = {view}" if line.startswith("view = ") else line for line in text.split("\n")]
    return load_pose_text("\n".join(lines).encode(), str(path), GLUTE)


def _area(a: Point, b: Point, c: Point) -> float:
    return abs((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])) / 2


def _triangle_problems(drawn: Pictogram) -> list[str]:
    """Where the crossed (near) leg's knee and ankle and the held (far) thigh do not
    make an open triangle on paper: the held hip, the crossed knee, and the crossed
    ankle resting on the held thigh; each side at least two limb widths, the area
    at least 0.012 (square body units)."""
    problems = []
    for index in (1, 2):
        at = drawn.joints[index]
        corners = (at["far_hip"], at["near_knee"], at["near_ankle"])
        shortest = min(
            math.dist(a, b) for a, b in zip(corners, corners[1:] + corners[:1], strict=True)
        )
        if shortest < 2 * LIMB_WIDTH:
            problems.append(f"frame {index + 1}: a side {shortest:.3f} long")
        if _area(*corners) < 0.012:
            problems.append(f"frame {index + 1}: area {_area(*corners):.4f}")
    return problems


def _knee_clearance(drawn: Pictogram, index: int) -> float:
    """How far the crossed knee is, on paper, from the held leg (thigh and shin)."""
    at = drawn.joints[index]
    knee = at["near_knee"]
    return min(
        to_segment(knee, at["far_hip"], at["far_knee"]),
        to_segment(knee, at["far_knee"], at["far_ankle"]),
    )


def _parting(view: tuple[float, float]) -> float:
    """Degrees between "towards the feet" and "out to the (near) side" on paper."""
    feet, side = project((1.0, 0.0, 0.0), view), project((0.0, 0.0, 1.0), view)
    turn = math.atan2(feet.y, feet.x) - math.atan2(side.y, side.x)
    return abs(math.degrees(math.atan2(math.sin(turn), math.cos(turn))))


def test_round21_glute_view_parts_out_to_the_side_from_towards_the_feet() -> None:
    # From [45, 18] the two directions were 34 degrees apart, both to the right:
    # the knee falling out read as the leg lying towards the feet. From [60, 40]
    # "towards the feet" runs up and right, "out to the side" right and a little
    # down: 68 degrees apart.
    view = pose(GLUTE).view
    assert _parting(view) > 50, _parting(view)
    assert _parting((45.0, 18.0)) < 50
    # The trade-off, bounded: the picture is taller (0.92 body units), no taller.
    assert picture(GLUTE).height < 0.95


def test_round21_glute_crossed_knee_stands_clear_of_the_held_leg() -> None:
    # In the crossing the open knee sat 2.2 limb widths from the held leg from
    # [45, 18] (1.1 from [20, 25]); from [60, 40] 3.8, and 5.1 in the pull.
    drawn = picture(GLUTE)
    for index in (1, 2):
        clearance = _knee_clearance(drawn, index)
        assert clearance > 3.5 * LIMB_WIDTH, (index, clearance / LIMB_WIDTH)
    assert _knee_clearance(_seen_from("[45, 18]"), 1) < 3.5 * LIMB_WIDTH


def test_round21_glute_crossed_leg_and_held_thigh_make_an_open_triangle() -> None:
    # The figure-4 itself: crossed knee, crossed ankle (on the held thigh) and the
    # held hip, in the crossing and the pull. From [60, 40] the sides are 4.7, 6.4,
    # 3.9 limb widths in the crossing and 4.7, 5.5, 2.3 in the pull; the areas
    # 0.023 and 0.014.
    assert _triangle_problems(picture(GLUTE)) == []
    # The views dropped in earlier rounds fold it: the plain side (round 15), from
    # above (the held thigh shortened into the hips), from the feet end (the legs
    # a tangle over the trunk).
    for view in ("[0, 0]", "[0, 60]", "[-60, 35]"):
        assert _triangle_problems(_seen_from(view)), view


def test_round21_glute_pull_keeps_the_held_leg_bent_on_paper() -> None:
    # Straight from the head end (round 20: [80..90, 30..45]) the held leg of the
    # pull became one straight bar; from [60, 40] its knee stands 1.4 limb widths
    # off the line from hip to ankle, its thigh and shin each at least three limb
    # widths long on paper.
    at = picture(GLUTE).joints[2]
    hip, knee, ankle = at["far_hip"], at["far_knee"], at["far_ankle"]
    assert to_segment(knee, hip, ankle) > 1.2 * LIMB_WIDTH
    assert min(math.dist(hip, knee), math.dist(knee, ankle)) > 3 * LIMB_WIDTH
    head_end = _seen_from("[90, 40]").joints[2]
    assert to_segment(head_end["far_knee"], head_end["far_hip"], head_end["far_ankle"]) < 0.01
    # The held leg is the pulled one, its knee nearer the chest than in the crossing.
    pull, cross = joints_3d(pose(GLUTE).frames[2]), joints_3d(pose(GLUTE).frames[1])
    assert pull["far_knee"][0] < cross["far_knee"][0]

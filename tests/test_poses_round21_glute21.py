"""Round 21: the buttock (glute) stretch seen from [60, 40] instead of [45, 18].

After round 20 a reviewer compared both views: from [45, 18] "out to the side" and
"towards the feet" both point right on paper, so the crossed knee falling out to
the side reads as a leg lying towards the feet, and in the crossing the open knee
sits two limb widths from the held leg. From [60, 40] (further towards the head,
raised) the crossed leg's triangle, the figure-4, reads in the crossing and the
pull, large and small. The picture is taller (0.92 body units against 0.675), so
the one-page sheet shows the pull alone in the glute's row (tests/test_key_pair.py).

Round 25: the pull (frame 3) is now seen from the side, [0, 15], where its knee
out to the side runs along the line of sight; the key frame carries the crossing
(frame 2) from [60, 40] as an inset (scale 0.65). So the figure-4 checks here hold
for the crossing large and in the inset (at the inset's scale), and the pull's
figure-4 is checked in 3-D; the picture's tallest panel is the key frame with its
inset (0.976), the [60, 40] frames stay 0.86 tall.
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


def _corner_problems(at: dict[str, Point], name: str, scale: float = 1.0) -> list[str]:
    """Where the held hip, the crossed knee and the crossed ankle (on the held thigh)
    do not make an open triangle on paper: each side at least two limb widths, the
    area at least 0.012 (square body units), both at `scale` (an inset's)."""
    problems = []
    corners = (at["far_hip"], at["near_knee"], at["near_ankle"])
    shortest = min(math.dist(a, b) for a, b in zip(corners, corners[1:] + corners[:1], strict=True))
    if shortest < 2 * LIMB_WIDTH * scale:
        problems.append(f"{name}: a side {shortest:.3f} long")
    if _area(*corners) < 0.012 * scale**2:
        problems.append(f"{name}: area {_area(*corners):.4f}")
    return problems


def _triangle_problems(drawn: Pictogram, indices: tuple[int, ...] = (1, 2)) -> list[str]:
    """Where the crossed (near) leg's knee and ankle and the held (far) thigh do not
    make an open triangle on paper in the given frames (see `_corner_problems`)."""
    problems = []
    for index in indices:
        problems += _corner_problems(drawn.joints[index], f"frame {index + 1}")
    return problems


def _knee_clearance(drawn: Pictogram, index: int) -> float:
    """How far the crossed knee is, on paper, from the held leg (thigh and shin)."""
    at = drawn.joints[index]
    knee = at["near_knee"]
    return min(
        to_segment(knee, at["far_hip"], at["far_knee"]),
        to_segment(knee, at["far_knee"], at["far_ankle"]),
    )


def _parting(view: tuple[float, float, float]) -> float:
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
    assert _parting((45.0, 18.0, 0.0)) < 50
    # The trade-off, bounded: the [60, 40] frames are taller (0.86 body units), no
    # taller. Round 25: the side-view pull is short (0.52), the key frame with its
    # inset of the crossing the tallest panel (0.976; since session 10 the inset lies
    # on a mat kept close to the body, 1.038), under 1.05 body units: the tallest
    # picture sets the one body scale of a sheet, and at 1.111 (the mat's full margin)
    # the default one-page on Letter drew every picture 7% smaller (12.1 mm per unit,
    # not 13.0).
    drawn = picture(GLUTE)
    assert max(panel.height for panel in drawn.panels[:2]) < 0.9
    assert drawn.panels[2].height < 0.6
    assert drawn.height < 1.05


def test_round21_glute_crossed_knee_stands_clear_of_the_held_leg() -> None:
    # In the crossing the open knee sat 2.2 limb widths from the held leg from
    # [45, 18] (1.1 from [20, 25]); from [60, 40] 3.8. Round 25: the pull is seen
    # from the side (its open knee runs towards the eye there, 1.8 limb widths
    # off); the open knee shows in the crossing, large and in the key frame's
    # inset (2.5 limb widths at its 0.65 scale, 3.8 at the body's). Round 35b: the
    # pull drawn oblique shows it too, 3.6 limb widths off (no inset now).
    drawn = picture(GLUTE)
    clearance = _knee_clearance(drawn, 1)
    assert clearance > 3.5 * LIMB_WIDTH, clearance / LIMB_WIDTH
    assert _knee_clearance(drawn, 2) > 3 * LIMB_WIDTH, _knee_clearance(drawn, 2) / LIMB_WIDTH
    assert _knee_clearance(_seen_from("[45, 18]"), 1) < 3.5 * LIMB_WIDTH


def test_round21_glute_crossed_leg_and_held_thigh_make_an_open_triangle() -> None:
    # The figure-4 itself: crossed knee, crossed ankle (on the held thigh) and the
    # held hip, in the crossing. From [60, 40] the sides are 4.7, 6.4, 3.9 limb
    # widths, the area 0.023. Round 25: the same triangle in the key frame's inset
    # (at its 0.65 scale); the pull, seen from the side, kept it in 3-D only (its knee
    # out to the side ran towards the eye, so on paper it was 0.008). Round 35b: drawn
    # oblique, the pull shows it on paper (sides 3.9, 4.5, 3.5 limb widths, 0.016).
    drawn = picture(GLUTE)
    assert _triangle_problems(drawn, (1, 2)) == []
    assert drawn.inset_joints is None
    pull = joints_3d(pose(GLUTE).frames[2])
    hip, knee, ankle = pull["far_hip"], pull["near_knee"], pull["near_ankle"]
    sides = [[b - a for a, b in zip(hip, end, strict=True)] for end in (knee, ankle)]
    (a1, a2, a3), (b1, b2, b3) = sides
    area_3d = math.hypot(a2 * b3 - a3 * b2, a3 * b1 - a1 * b3, a1 * b2 - a2 * b1) / 2
    assert area_3d > 0.02, area_3d
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

"""An oblique drawing: the side view kept as it is, depth drawn along a slant.

Illustrators draw a body lying down so: its length level and "up" upright, as in
the side view, and a part that turns out towards the reader (a knee opened to the
side) along a slanted line. No eye sees a body that way, so an eye's view (yaw,
pitch) either shortens the lift or hides the opening: the buttock stretch's pull,
seen from the side, showed the legs lifted but not the crossed knee out (round 27),
and seen from above the knee out but not the lift (rounds 21-24).
"""

from __future__ import annotations

import math

import pytest

from makeplan.figure import TORSO, project
from makeplan.pictograms import load_pose_text
from makeplan.poses import oblique_view, pose_problems
from support import KNEE_OUT_FRAME, LIE_DOWN_FRAME

# The knee out as a first frame (no arrow: there is no frame before it).
KNEE_OUT = KNEE_OUT_FRAME.replace(b'arrows = ["near_knee"]\n', b"")

SLANT = oblique_view(-45.0, 0.6)
STEP = 0.6 * math.sqrt(0.5)  # the depth of one unit along a slant of -45 degrees, each way


def test_an_oblique_view_is_named_by_the_eye_it_looks_like() -> None:
    # The line of sight runs along (-0.424, 0.424, 1): from the near side, raised, a
    # little towards the head: the eye [23, 21] of an ordinary view.
    yaw, pitch, turn, slant, depth = SLANT
    assert (round(yaw, 2), round(pitch, 2), turn) == (22.99, 21.33, 0.0)
    assert (slant, depth) == (-45.0, 0.6)


@pytest.mark.parametrize(
    ("point", "on_paper"),
    [
        # Length and height are drawn as in the side view...
        ((1.0, 0.0, 0.0), (1.0, 0.0)),
        ((0.0, 1.0, 0.0), (0.0, 1.0)),
        ((-0.31, 0.2, 0.0), (-0.31, 0.2)),
        # ...and depth along the slant: the near side down and right, the far side up
        # and left, at 0.6 of its length.
        ((0.0, 0.0, 1.0), (STEP, -STEP)),
        ((0.0, 0.0, -1.0), (-STEP, STEP)),
        ((0.5, 0.25, 0.5), (0.5 + STEP / 2, 0.25 - STEP / 2)),
    ],
)
def test_an_oblique_view_keeps_the_side_view_and_slants_depth(
    point: tuple[float, float, float], on_paper: tuple[float, float]
) -> None:
    placed = project(point, SLANT)
    assert (placed.x, placed.y) == pytest.approx(on_paper, abs=1e-9)


def test_nearer_in_an_oblique_view_is_along_its_line_of_sight() -> None:
    # Two points a step apart along the line of sight land on the same spot on paper;
    # the one towards the reader is nearer. The near side, above and the head end are
    # nearer than the middle; the far side, below and the feet end farther.
    sight = (-STEP, STEP, 1.0)
    a, b = (
        project((0.1, 0.2, 0.3), SLANT),
        project((0.1 + sight[0] * 0.5, 0.2 + sight[1] * 0.5, 0.3 + 0.5), SLANT),
    )
    assert (b.x, b.y) == pytest.approx((a.x, a.y), abs=1e-9)
    assert b.depth > a.depth
    middle = project((0.0, 0.0, 0.0), SLANT).depth
    for nearer, farther in (
        ((0, 0, 1), (0, 0, -1)),
        ((0, 1, 0), (0, -1, 0)),
        ((-1, 0, 0), (1, 0, 0)),
    ):
        assert project(nearer, SLANT).depth > middle > project(farther, SLANT).depth


def _picture(view: str, frame: bytes = LIE_DOWN_FRAME):  # type: ignore[no-untyped-def]
    text = b'version = 2\nprops = ["floor"]\nview = ' + view.encode() + b"\n" + frame
    return load_pose_text(text, "p.toml", "p")


def test_an_oblique_picture_keeps_the_spine_as_long_as_the_side_view_draws_it() -> None:
    side, slanted = _picture('"side"'), _picture("{ oblique = -45, depth = 0.6 }")
    for picture in (side, slanted):
        joints = picture.joints[0]
        assert math.dist(joints["hip"], joints["shoulder"]) == pytest.approx(
            TORSO, abs=2e-3
        )  # panels keep 3 places
    # Seen from the eye it looks like, [23, 21], the spine is shorter on paper.
    eye = _picture("[23, 21]")
    assert math.dist(eye.joints[0]["hip"], eye.joints[0]["shoulder"]) < 0.95 * TORSO


def test_a_knee_out_moves_along_the_slant() -> None:
    # The knee out (30 degrees towards the reader) in the side view is only a shorter
    # thigh; drawn oblique, it moves down and right of where the side view puts it.
    side = _picture('"side"', KNEE_OUT).joints[0]
    slanted = _picture("{ oblique = -45, depth = 0.6 }", KNEE_OUT).joints[0]
    offset = (
        (slanted["near_knee"][0] - slanted["hip"][0]) - (side["near_knee"][0] - side["hip"][0]),
        (slanted["near_knee"][1] - slanted["hip"][1]) - (side["near_knee"][1] - side["hip"][1]),
    )
    assert offset[0] > 0.05 and offset[1] < -0.05
    assert offset[0] == pytest.approx(-offset[1], abs=3e-3)  # along the -45 degree slant


def test_an_oblique_floor_is_a_mat_in_the_same_drawing() -> None:
    # Like an eye raised 15 to 45 degrees, the oblique drawing puts the body on a mat
    # worked out in 3-D: a slanted box under it, not a floor line.
    picture = _picture("{ oblique = -45, depth = 0.6 }")
    from makeplan.poses import Shape

    mats = [m for m in picture.panels[0].marks if isinstance(m, Shape) and len(m.points) == 4]
    assert mats, "no mat"
    top = max(mats, key=lambda m: abs(m.points[0][1] - m.points[2][1]))
    xs = sorted(point[0] for point in top.points)
    assert xs[1] - xs[0] > 0.1  # its ends slant


@pytest.mark.parametrize(
    ("line", "field", "words"),
    [
        ("view = { oblique = 200, depth = 0.6 }", "view.oblique", "slant on paper"),
        ("view = { oblique = -45 }", "view.depth", "is missing; expected how long the depth"),
        ("view = { oblique = -45, depth = 2 }", "view.depth", "from 0.2 to 1"),
        ("view = { oblique = -45, depth = 0.6, turn = 3 }", "view.turn", "depth, oblique"),
        ('view = { oblique = "x", depth = 0.6 }', "view", "{ oblique = slant, depth = share }"),
    ],
)
def test_a_bad_oblique_view_is_named_at_its_line(line: str, field: str, words: str) -> None:
    text = b'version = 2\nprops = ["floor"]\n' + line.encode() + b"\n" + LIE_DOWN_FRAME
    _, problems = pose_problems(text, "p.toml")
    assert [(p.line, p.field) for p in problems] == [(3, field)], problems
    assert words in problems[0].message, problems[0].message


def test_an_oblique_view_needs_format_2() -> None:
    text = (
        b'version = 1\nprops = ["floor"]\nview = { oblique = -45, depth = 0.6 }\n' + LIE_DOWN_FRAME
    )
    _, problems = pose_problems(text, "p.toml")
    assert [(p.line, p.field) for p in problems] == [(3, "view")]
    assert "expected version = 2" in problems[0].message

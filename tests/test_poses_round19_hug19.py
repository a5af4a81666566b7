"""Round 19: the knee hug's tilt (frame 3, from the foot of the bed) drew its faint
upright start among the dark parts (round 18), but seen end on the upright thighs and
shins fall in one line: two long light bars that read as straight legs lying flat
("swing straight legs side to side"). The tilt now draws no faint start, only the dark
hugged knees tipped to one side with the arrows to each side (their middle is the
start); the inset of the small picture (the same frame) hides its start under the body."""

from __future__ import annotations

import math

from makeplan.pictograms import GHOST_GRAY, HEAD_RADIUS, packaged_pictogram
from makeplan.poses import Shape, Stroke


def _faint(marks: object) -> list[Stroke]:
    assert isinstance(marks, (list, tuple))
    return [m for m in marks if isinstance(m, Stroke) and m.gray == GHOST_GRAY]


def test_the_tilt_draws_no_faint_bars_that_read_as_straight_legs() -> None:
    # Round 34: the tilt's faint start is the tilt mirrored (`mirror_ghost`): the hugged
    # legs tipped the other way, folded, on the other side of the spine's line; no
    # faint leg runs straight along the bed.
    from makeplan.figure import joints_3d, mirrored, project
    from support import pose_of

    picture = packaged_pictogram("knee-hug-side-tilt")
    assert picture is not None
    frame = pose_of("knee-hug-side-tilt").frames[2]
    assert frame.mirror_ghost and frame.view is not None
    seen = {n: project(point, frame.view) for n, point in joints_3d(mirrored(frame)).items()}
    spine, tip = picture.joints[2]["hip"][1], picture.joints[2]
    faint_legs = [m for m in _faint(picture.panels[2].marks) if len(m.points) == 4]
    assert faint_legs, "the mirrored hug's legs are drawn faint"
    for leg in faint_legs:
        hip, knee, ankle, _ = leg.points
        # Folded: the knee well off the line from the hip to the ankle.
        dx, dy = ankle[0] - hip[0], ankle[1] - hip[1]
        off = abs(dx * (knee[1] - hip[1]) - dy * (knee[0] - hip[0])) / math.hypot(dx, dy)
        assert off > 0.08, leg
        # On the other side of the spine's line from the dark knees.
        assert knee[1] > spine + 0.1 and tip["near_knee"][1] < spine - 0.1
    # The faint knees are where the mirrored frame puts them (seen from the same eye).
    # Round 35: the tilt hides its far leg (`hide`), and its mirrored start the near
    # one: the faint leg is the far one, the outer leg on that side.
    near = seen["far_knee"].y - seen["hip"].y + spine
    assert any(abs(leg.points[1][1] - near) < 0.01 for leg in faint_legs)


def test_the_small_pictures_inset_draws_no_faint_bars_either() -> None:
    # Round 34: the knee hug has no inset now (it prints its pair); the inset's rule
    # is kept on the round-33 pose.
    from support import fixture_picture

    picture = fixture_picture("knee-hug-round33")
    assert picture.inset_box is not None
    left, low, right, high = picture.inset_box
    # The inset always draws its start under the dark figure (hidden, as in round 16);
    # no faint stroke is drawn over a dark one inside its box (round 18 drew them by
    # depth, over the trunk).
    inside = [
        mark
        for mark in picture.key.marks
        if isinstance(mark, Stroke)
        and all(left <= x <= right and low <= y <= high for x, y in mark.points)
    ]
    dark = [index for index, mark in enumerate(inside) if mark.gray == 0.0]
    faint = [index for index, mark in enumerate(inside) if mark.gray == GHOST_GRAY]
    assert dark
    assert all(index < dark[0] for index in faint)


def test_the_tilts_head_is_round_on_the_pillow_not_a_pointed_head_sitting_up() -> None:
    """Seen from the foot of the bed at 40 degrees, the face's nose pointed up the paper
    and the head read as somebody sitting up; seen from higher (64), the face looks at
    the reader: a round head, no nose drawn."""
    picture = packaged_pictogram("knee-hug-side-tilt")
    assert picture is not None
    head = picture.joints[2]["head"]
    dark_points = [
        mark
        for mark in picture.panels[2].marks
        if isinstance(mark, Shape)
        and len(mark.points) == 3
        and mark.fill_gray == 0.0
        and not mark.accent
        and any(math.dist(point, head) < 2 * HEAD_RADIUS for point in mark.points)
    ]
    assert dark_points == []

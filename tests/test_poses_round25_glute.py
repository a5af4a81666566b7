"""Round 25 (glute): the pull (frame 3) seen from the side, both hands behind the
held thigh, and the crossing (frame 2) from [60, 40] as the key frame's inset.

Three clinical reviewers asked for the pull from the side with the top view as an
inset. Each test fails for main's drawing (the pull from [60, 40], one arm, no
inset)."""

from __future__ import annotations

from makeplan.figure import joints_3d
from support import pose_of as pose

GLUTE = "glute-stretch"


def test_round25_glute_pull_keeps_the_side_views_shape_with_no_inset() -> None:
    # Round 35b: the pull is an oblique drawing, the side view kept as it is (so the
    # legs lifted off the floor show as before) and the crossed knee opened out drawn
    # along the slant; the crossing's inset is gone (the pull shows the knee out).
    glute = pose(GLUTE)
    view = glute.frames[2].view
    assert view is not None and view[3:] == (-45.0, 0.6)
    assert glute.frames[1].view is None  # the pose's view, [60, 40]
    assert tuple(glute.view) == (60, 40, -48)  # round 34: turned so the body lies level
    assert glute.inset is None


def test_round25_glute_pull_has_both_hands_behind_the_held_thigh() -> None:
    at = joints_3d(pose(GLUTE).frames[2])
    for hand in ("near_hand", "far_hand"):
        # Both hands up by the held thigh, between its hip and knee (in height).
        assert at["far_hip"][1] < at[hand][1] <= at["far_knee"][1] + 0.02, hand


def test_round25_glute_pull_holds_the_shin_level_and_the_foot_off_the_floor() -> None:
    at = joints_3d(pose(GLUTE).frames[2])
    assert abs(at["far_ankle"][1] - at["far_knee"][1]) < 0.02  # the held shin level
    assert at["far_ankle"][1] > 0.15  # the held foot clear of the floor


def test_round25_glute_pull_lies_on_the_mat_not_over_a_floor_line() -> None:
    """The final round 25 review: the inset (the crossing from [60, 40]) stood over a
    flat hatched floor line, so the figure seen from above "looks upside-down on its
    head". A floor seen from a raised eye is the frames' mat; round 35b: the pull,
    drawn oblique, lies on the same slanted mat as the frames before it."""
    from makeplan.pictograms import PROP_GRAY, packaged_pictogram
    from makeplan.poses import Shape, Stroke

    picture = packaged_pictogram(GLUTE)
    assert picture is not None and picture.inset_box is None
    marks = [m for m in picture.panels[2].marks if isinstance(m, Stroke | Shape)]
    # The mat's top, filled as in the frames seen from [60, 40] ...
    assert any(isinstance(m, Shape) and m.fill_gray == 0.93 for m in marks)
    # ... and no floor line or hatching: straight strokes in the props' gray.
    floor = [m for m in marks if isinstance(m, Stroke) and m.gray == PROP_GRAY]
    assert not floor, floor

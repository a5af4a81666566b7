"""Round 16 of the review: two small pictures a describer and a clinical scorer
found misleading or hard to read at print size.

- double knee lift (small 3): the faint knees-in start hid behind the dark legs,
  and the small picture read "lie flat, lift both straight legs". Its frames are
  short, so a one-page sheet now shows the pair: knees in over the feet-flat
  start, then the legs out over the knees-in start.
- seated twist: the left hand pulled on the right knee, which the article does
  not say and which invites cranking the twist in a spasm: the hands now rest on
  their own knees. The head's arrow was about 6 mm wide on the sheet and read as
  a hair bow: it is wider, nearer the waist's, with a larger head.
"""

from __future__ import annotations

import math

from test_key_pair import _drawn, _placed

from makeplan.figure import joints_3d
from makeplan.pictograms import packaged_pictogram
from makeplan.poses import Shape, Stroke
from support import MM
from support import pose_of as pose
from support import pose_picture as picture

LIFT, TWIST = "double-knee-lift", "seated-twist"


def test_double_knee_lift_shows_knees_in_then_legs_out_on_a_one_page_sheet() -> None:
    drawn = picture(LIFT)
    assert drawn.key_pair is not None
    # On a sheet of the lift alone and on the whole catalogue, both frames show.
    for ids in ((LIFT,), ("knee-hug-side-tilt", "glute-stretch", LIFT)):
        assert _drawn(_placed("one-page", ids), LIFT) == ["top", "bottom"]
    # The top one brings the knees in (knees above the hips), the bottom one
    # straightens the legs (ankles far out past the knees), each over its start.
    body = pose(LIFT)
    knees_in, legs_out = joints_3d(body.frames[1]), joints_3d(body.frames[2])
    assert knees_in["near_knee"][1] > knees_in["near_hip"][1] + 0.15
    assert legs_out["near_ankle"][0] > legs_out["near_knee"][0] + 0.2


def test_seated_twist_hands_rest_on_their_own_knees() -> None:
    body = pose(TWIST)
    for frame in body.frames:
        joints = joints_3d(frame)
        for side in ("near", "far"):
            hand, knee = joints[f"{side}_hand"], joints[f"{side}_knee"]
            # Same side of the body as its knee (no hand across to the other one),
            # and by the knee: resting, not pulling.
            assert hand[2] * knee[2] > 0, (frame.caption, side)
            assert math.dist(hand, knee) < 0.12, (frame.caption, side)


def test_seated_twist_head_arrow_reads_at_print_size() -> None:
    document = _placed("one-page", (TWIST,))
    key = packaged_pictogram(TWIST)
    assert key is not None
    # The key frame, or where the page has room for the pair (session 8) its first
    # frame: the same turn, the same arrows, at the same scale.
    shown = (key.key, key.key_pair[0] if key.key_pair else key.key)
    (drawing,) = [d for page in document.pages for d in page.drawings if d.panel in shown]
    lines = sorted(
        (m for m in drawing.panel.marks if isinstance(m, Stroke) and m.accent and m.gray == 0.0),
        key=lambda m: m.points[0][1],
    )
    heads = sorted(
        (m for m in drawing.panel.marks if isinstance(m, Shape) and m.accent and m.fill_gray == 0),
        key=lambda m: m.points[0][1],
    )
    assert len(lines) == len(heads) == 2

    def across(points: tuple[tuple[float, float], ...]) -> float:
        xs = [x for x, _ in points]
        return (max(xs) - min(xs)) * drawing.scale / MM

    # The head's arrow (the upper one) is well over half a centimetre wide on the
    # sheet (was about 6 mm), and its head larger than the waist's.
    assert across(lines[1].points) > 8.5
    assert across(heads[1].points) > 1.2 * across(heads[0].points)

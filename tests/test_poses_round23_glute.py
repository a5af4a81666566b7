"""Round 23 (glute): the buttock stretch's one small picture starts from the crossing.

A blinded review of the single small picture (the pull, the key frame) found its
faint start knees bent, not the crossed position, so the figure-4 step could be
missed. The key frame now starts from frame 2, the crossing (key_start = 2): its
faint legs are the crossed leg's ">" on the mat, the held knee bent, foot flat.
And the single small picture leaves the near arm out (the new pose key `key_hide`):
one dark bar fewer at the hips; the large pull and the pair keep the hand behind
the held thigh.

Round 25: the pull has its own side view [0, 15] and key_hide is dropped (then removed:
no pose used it); the key
frame's faint start is still the crossing, but drawn from the pull's view (one body
in one view per frame), so its legs are frame 2's 3-D legs seen from [0, 15], not
the large crossing's [60, 40] strokes. The single is the pair's bottom frame plus
the inset (the crossing from [60, 40]), nothing left out.
"""

from __future__ import annotations

import math

from makeplan.figure import joints_3d, project
from makeplan.pictograms import GHOST_GRAY, packaged_pictogram
from makeplan.poses import Panel, Stroke
from support import pose_of as pose

LEGS = ("hip", "knee", "ankle", "toe")


def _ghost_legs(panel: Panel) -> list[tuple[tuple[float, float], ...]]:
    """Each faint leg's joints (hip, knee, ankle, toe), relative to its hip."""
    legs = []
    for mark in panel.marks:
        if isinstance(mark, Stroke) and mark.gray == GHOST_GRAY and len(mark.points) == 4:
            hx, hy = mark.points[0]
            legs.append(tuple((x - hx, y - hy) for x, y in mark.points))
    return legs


Leg = tuple[tuple[float, float], ...]


def _seen_leg(frame: int, side: str, view: tuple[float, float, float]) -> Leg:
    """A frame's leg (hip, knee, ankle, toe) in 3-D, seen from `view`, relative to its hip."""
    at = joints_3d(pose("glute-stretch").frames[frame])
    hip = project(at[f"{side}_hip"], view)
    points = (project(at[f"{side}_{j}"], view) for j in LEGS)
    return tuple((point.x - hip.x, point.y - hip.y) for point in points)


def _pull_view() -> tuple[float, float, float]:
    view = pose("glute-stretch").frames[2].view
    assert view is not None  # round 25: the pull's own view (round 35b: oblique)
    return view


def _matches(leg: tuple[tuple[float, float], ...], other: tuple[tuple[float, float], ...]) -> bool:
    return all(math.dist(a, b) < 0.01 for a, b in zip(leg, other, strict=True))


def test_glute_key_frame_starts_from_the_crossing() -> None:
    picture = packaged_pictogram("glute-stretch")
    ghosts = _ghost_legs(picture.key)
    view = _pull_view()
    # The faint crossed leg is frame 2's, its knee out to the side, seen from the
    # pull's view (round 25: [0, 15]) ...
    assert any(_matches(leg, _seen_leg(1, "near", view)) for leg in ghosts)
    # ... not frame 1's knees-bent leg (main's start).
    assert not any(_matches(leg, _seen_leg(0, "near", view)) for leg in ghosts)


def test_glute_key_pair_bottom_starts_from_its_top_frame() -> None:
    """Read top, then bottom: the pull over the crossing shown just above it."""
    picture = packaged_pictogram("glute-stretch")
    assert picture.key_pair is not None
    bottom = picture.key_pair[1]
    view = _pull_view()
    assert any(_matches(leg, _seen_leg(1, "near", view)) for leg in _ghost_legs(bottom))
    assert not any(_matches(leg, _seen_leg(0, "near", view)) for leg in _ghost_legs(bottom))
    # The single is the pair's bottom frame: no second pull to learn. (Rounds 23-24: the
    # single left the near arm out, key_hide; round 25 keeps both arms behind the held
    # thigh in every pull; rounds 25-34 added the crossing as an inset, and round 35b
    # drops it: the pull, drawn oblique, shows the crossed knee out itself.)
    single = list(picture.key.marks)
    assert single == list(bottom.marks)
    assert picture.inset_box is None
    # The near arm is drawn in the single, where the pull's joints put it.
    pull = picture.joints[2]
    arm = [pull[f"near_{j}"] for j in ("shoulder", "elbow", "hand", "fingers")]
    assert any(isinstance(m, Stroke) and m.gray == 0.0 and list(m.points) == arm for m in single)

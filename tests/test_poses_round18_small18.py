"""Round 18 (small18): the seated twist's turned head reads small."""

from __future__ import annotations

from makeplan.pictograms import packaged_pictogram
from support import crosses


def test_seated_twist_turned_face_shows_in_profile_with_legs_still_crossed() -> None:
    # Raised 42 degrees the turned face pointed down towards the eye: on paper the
    # face dropped 0.80 of its sideways offset below the head's centre, a cone-like
    # head with a stub of a nose small. Raised 37, it is nearer level (0.70).
    drawn = packaged_pictogram("seated-twist")
    assert drawn is not None
    for index in (1, 2):
        seen = drawn.joints[index]
        sideways = abs(seen["face"][0] - seen["head"][0])
        drop = seen["head"][1] - seen["face"][1]
        assert sideways > 0.05
        assert drop / sideways < 0.75, (index, drop / sideways)
    # Not lowered so far that the crossed shins stop crossing on paper.
    for seen in drawn.joints:
        assert crosses(seen["near_knee"], seen["near_toe"], seen["far_knee"], seen["far_toe"])

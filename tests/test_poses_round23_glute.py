"""Round 23 (glute): the buttock stretch's one small picture starts from the crossing.

A blinded review of the single small picture (the pull, the key frame) found its
faint start knees bent, not the crossed position, so the figure-4 step could be
missed. The key frame now starts from frame 2, the crossing (key_start = 2): its
faint legs are the crossed leg's ">" on the mat, the held knee bent, foot flat.
And the single small picture leaves the near arm out (the new pose key `key_hide`):
one dark bar fewer at the hips; the large pull and the pair keep the hand behind
the held thigh.
"""

from __future__ import annotations

import math

from makeplan.pictograms import GHOST_GRAY, packaged_pictogram
from makeplan.poses import Panel, Stroke
from support import POSES, assert_reported_at_key_line

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


def _frame_leg(joints: dict[str, tuple[float, float]], side: str) -> Leg:
    hx, hy = joints[f"{side}_hip"]
    return tuple((joints[f"{side}_{j}"][0] - hx, joints[f"{side}_{j}"][1] - hy) for j in LEGS)


def _matches(leg: tuple[tuple[float, float], ...], other: tuple[tuple[float, float], ...]) -> bool:
    return all(math.dist(a, b) < 0.01 for a, b in zip(leg, other, strict=True))


def test_glute_key_frame_starts_from_the_crossing() -> None:
    picture = packaged_pictogram("glute-stretch")
    ghosts = _ghost_legs(picture.key)
    crossing, lying = picture.joints[1], picture.joints[0]
    # The faint crossed leg is frame 2's, its knee out to the side ...
    assert any(_matches(leg, _frame_leg(crossing, "near")) for leg in ghosts)
    # ... not frame 1's knees-bent leg (main's start).
    assert not any(_matches(leg, _frame_leg(lying, "near")) for leg in ghosts)


def test_glute_key_pair_bottom_starts_from_its_top_frame() -> None:
    """Read top, then bottom: the pull over the crossing shown just above it."""
    picture = packaged_pictogram("glute-stretch")
    assert picture.key_pair is not None
    bottom = picture.key_pair[1]
    crossing = picture.joints[1]
    assert any(_matches(leg, _frame_leg(crossing, "near")) for leg in _ghost_legs(bottom))
    # The single is the pair's bottom frame less the near arm: no second pull to learn.
    single = list(picture.key.marks)
    assert all(mark in bottom.marks for mark in single)
    extra = [mark for mark in bottom.marks if mark not in single]
    dark = [mark for mark in extra if isinstance(mark, Stroke) and mark.gray == 0.0]
    assert len(dark) == 1 and not dark[0].accent  # the arm, not an arrow
    shoulder = picture.joints[2]["near_shoulder"]
    # The pull's joints and the pair's frame share their x (one width for all frames).
    assert abs(dark[0].points[0][0] - shoulder[0]) < 1e-3


def test_key_hide_names_limbs_by_line() -> None:
    # Round 25: the glute dropped key_hide; the mechanism is tested on a copy of it
    # that keeps the key (a small test pose of its own).
    text = (POSES / "glute-stretch.toml").read_bytes()
    text = text.replace(b"key_pair = [2, 3]\n", b'key_pair = [2, 3]\nkey_hide = ["near_arm"]\n')
    assert b"key_hide = " in text
    assert_reported_at_key_line(
        text,
        "key_hide",
        b'["near_arm"]',
        (b'["near_hand"]', b'"near_arm"', b'["near_arm", "near_arm"]'),
        "key_hide",
    )

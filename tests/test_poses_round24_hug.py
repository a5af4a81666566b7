"""Round 24: the knee hug's tilt had two arrows out from the middle at the feet (read as
"spread your feet apart"), and in the single small picture the inset covered the foot
of the bed with a thin arrow. Now one arc with a head at each end sweeps from one
side over to the other; the key frame's bed ends beside the inset; the inset's arrow
is drawn thicker with larger heads.

Since round 34 the knee hug prints its key pair always (`key_pair_only`) and has no
inset: these tests keep the inset's keys covered on the round-33 pose, kept as
`tests/poses/knee-hug-round33.toml` (a library pose may still use them)."""

from __future__ import annotations

from makeplan.poses import Shape, Stroke
from support import fixture_picture as picture

ACCENT = 0.0  # accent marks are drawn black in gray


def _accent_heads(marks: tuple[object, ...]) -> list[Shape]:
    return [m for m in marks if isinstance(m, Shape) and m.accent and len(m.points) == 3
            and m.fill_gray == 0.0]  # fmt: skip


def test_the_tilt_is_one_arc_with_a_head_at_each_end() -> None:
    tilt = picture("knee-hug-round33").panels[2].marks
    shafts = [m for m in tilt if isinstance(m, Stroke) and m.accent]
    assert len(shafts) == 1  # main: two arrows from the middle
    heads = _accent_heads(tilt)
    assert len(heads) == 2
    (ax, _), (bx, _) = heads[0].points[0], heads[1].points[0]
    xs = [x for x, _ in shafts[0].points]
    assert min(ax, bx) < min(xs) and max(ax, bx) > max(xs)  # a head at each end


def test_the_single_pictures_bed_ends_beside_the_inset() -> None:
    hug = picture("knee-hug-round33")
    assert hug.inset_box is not None
    left = hug.inset_box[0]
    beds = [m for m in hug.key.marks if isinstance(m, Shape) and m.fill_gray == 0.9]
    side_bed = max(beds, key=lambda m: max(x for x, _ in m.points) - min(x for x, _ in m.points))
    assert max(x for x, _ in side_bed.points) < left  # main: under the inset, to 1.2


def test_the_insets_arrow_heads_are_larger_than_the_body_scale_gives() -> None:
    hug = picture("knee-hug-round33")
    assert hug.inset_box is not None
    left, bottom, right, top = hug.inset_box
    inside = [m for m in _accent_heads(hug.key.marks)
              if all(left <= x <= right and bottom <= y <= top for x, y in m.points)]  # fmt: skip
    assert inside
    for head in inside:
        (tx, ty), *rest = head.points
        reach = max(((x - tx) ** 2 + (y - ty) ** 2) ** 0.5 for x, y in rest)
        assert reach > 0.055  # main: 0.047 (0.055, grown 1.75 in a key frame, at 0.49)

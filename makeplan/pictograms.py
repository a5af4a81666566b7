"""Pictograms drawn from poses: pure geometry, no drawing library.

This module works out where every joint of a pose's frames is (forward
kinematics from fixed body proportions), rests the body on the floor or bed,
adds the props and the arrows for the movement, and returns shapes in one
shared unit square per frame, so every frame is drawn at the same scale. A new
exercise gets a picture by writing a pose file, not code. The pose data, the
shapes, and reading and checking pose files are `poses`.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import replace
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

from makeplan.errors import ProblemsError
from makeplan.figure import (
    HEAD_RADIUS,
    SHOULDER_HALF,
    TORSO,
    Vec,
    joints_3d,
    mirrored,
    project,
    rotate,
)
from makeplan.poses import (
    Disc,
    Frame,
    Mark,
    Panel,
    Pictogram,
    Point,
    Pose,
    Shape,
    Stroke,
    View,
    pose_from,
    pose_problems,
)
from makeplan.schema import load_toml

LIMB_WIDTH = 0.05  # body-like, not hairlines: limbs read at 20 mm
TORSO_WIDTH = 0.085
FAR_GRAY = 0.6  # the far arm and leg are lighter, so the near ones read in front
PROP_GRAY = 0.45
GHOST_GRAY = 0.7
OUTLINE_INSIDE = 0.6  # a `light` limb: a dark outline, mid-gray inside this share of its width
# Mid-gray inside, not white: a blinded describer could not untangle a white-inside
# leg from the dark one at the one-page size ("two outline styles"); a dark-edged gray
# leg reads as a limb of its own, darker than the faint start (GHOST_GRAY).
LIGHT_INSIDE = 0.55
# The side of a trunk with depth (`trunk_depth`): light, so between the dark front and
# the dark arms it shows as a face of its own (mid-gray was lost under the arm).
TRUNK_SIDE_GRAY = 0.85
BED_TOP = 0.11  # the mattress top, above the floor
PAD = 0.06  # room around the figure inside each frame
HALO = 0.022  # the white edge round each body part
BIG_NOSE = 2.0  # a turned head's nose reaches this many head radii from its middle
FRONT = 1e6  # the depth of a limb the pose draws in `front`: past any real depth


# --- the body, posed and seen from the view ---


class Posed(NamedTuple):
    """A frame's body seen from its view: each joint on paper, and how near the eye
    it is (parts are drawn farthest first)."""

    points: dict[str, Point]
    depths: dict[str, float]

    def depth(self, *names: str) -> float:
        return sum(self.depths[name] for name in names) / len(names)


def _lift(joints: dict[str, Vec], props: tuple[str, ...], curve: float = 0.0) -> float:
    """How far up the body goes to rest on its support (the floor or the bed top).

    A bowed spine (`curve`, a rounded back) rests on the lowest edge of its bow,
    not on the hip: the arc is drawn in the plane of the side view (`_torso_points`),
    so the side view's bow is worked out the same way here.
    """
    support = BED_TOP if "bed" in props else 0.0
    lowest = min(y for name, (_, y, _) in joints.items() if name not in ("head", "face"))
    lowest = min(lowest - LIMB_WIDTH / 2, joints["head"][1] - HEAD_RADIUS)
    if curve:
        (hx, hy, _), (sx, sy, _) = joints["hip"], joints["shoulder"]
        bow = min(y for _, y in _torso_points((hx, hy), (sx, sy), curve))
        lowest = min(lowest, bow - TORSO_WIDTH / 2)
    return support - lowest


def _posed(frame: Frame, props: tuple[str, ...], view: View) -> Posed:
    """Every joint on paper: the body set down on its support (the floor or the bed
    top), then seen from `view`."""
    joints = joints_3d(frame)
    lift = _lift(joints, props, frame.torso_curve)
    placed = {name: project((x, y + lift, z), view) for name, (x, y, z) in joints.items()}
    return Posed(
        {name: (point.x, point.y) for name, point in placed.items()},
        {name: point.depth for name, point in placed.items()},
    )


def _torso_points(hip: Point, shoulder: Point, curve: float) -> tuple[Point, ...]:
    """The spine as a gentle arc; `curve` bows it to the left of hip->shoulder."""
    if curve == 0:
        return (hip, shoulder)
    dx, dy = shoulder[0] - hip[0], shoulder[1] - hip[1]
    control = (hip[0] + dx / 2 - dy * curve * 2, hip[1] + dy / 2 + dx * curve * 2)
    return _quadratic(hip, control, shoulder, [index / 12 for index in range(13)])


def _quadratic(start: Point, control: Point, end: Point, ts: list[float]) -> tuple[Point, ...]:
    """Points of a quadratic Bezier curve at the parameters `ts` (0 = start, 1 = end)."""
    return tuple(
        (
            (1 - t) ** 2 * start[0] + 2 * (1 - t) * t * control[0] + t**2 * end[0],
            (1 - t) ** 2 * start[1] + 2 * (1 - t) * t * control[1] + t**2 * end[1],
        )
        for t in ts
    )


def _body(posed: Posed, frame: Frame, ghost: bool = False, head: bool = True) -> list[Mark]:
    """The figure, farthest part first so nearer parts cover it: limbs, trunk, head.

    The far arm and leg are lighter, unless the pose names them `solid` (they do
    the work); a near one the pose names `light` is drawn as a dark outline, mid-gray
    inside, so it reads as a limb (a gray one read as the faint start); a ghost (the
    frame before, behind this one) is faint: a light gray body, whole, so that small
    it still reads as a body and not as a row of dashes.
    """
    joints = posed.points
    parts: list[tuple[float, list[Mark]]] = []

    def shade(gray: float) -> float:
        return GHOST_GRAY if ghost else gray

    for side in ("far", "near"):
        for limb, names in (
            ("arm", (f"{side}_shoulder", f"{side}_elbow", f"{side}_hand", f"{side}_fingers")),
            ("leg", (f"{side}_hip", f"{side}_knee", f"{side}_ankle", f"{side}_toe")),
        ):
            name = f"{side}_{limb}"
            if name in frame.hide:
                continue
            # A hand the pose gives no direction of its own ends at the wrist.
            chain = tuple(joint for joint in names if joint in joints)
            outlined = side == "near" and name in frame.light and not ghost
            dark = (side == "near" and name not in frame.light) or name in frame.solid
            stroke = Stroke(
                tuple(joints[name] for name in chain),
                LIMB_WIDTH,
                shade(0.0 if dark or outlined else FAR_GRAY),
            )
            strokes: list[Mark] = [stroke]
            if outlined:
                strokes.append(
                    replace(stroke, width=LIMB_WIDTH * OUTLINE_INSIDE, gray=LIGHT_INSIDE)
                )
            depth = posed.depth(*chain[1:])
            if f"{side}_{limb}" in frame.front:
                # Drawn over the rest, in the order the pose gives: the depth of a whole
                # limb cannot tell that a crossed leg lies over the other one.
                depth = FRONT + frame.front.index(f"{side}_{limb}")
            parts.append((depth, strokes))
    body_gray = shade(0.0)
    trunk: list[Mark] = []
    corners = (
        joints["near_hip"],
        joints["far_hip"],
        joints["far_shoulder"],
        joints["near_shoulder"],
    )
    if "near_shoulder_front" in joints:  # a trunk with depth (`trunk_depth`)
        trunk += _trunk_block(posed, ghost)
    else:
        # Seen from the front or above the trunk has width; from the side it is the spine.
        if _area(corners) > 0.002:
            trunk.append(Shape(corners, 1.0 if ghost else 0.0, LIMB_WIDTH * 0.6, body_gray))
        points = _torso_points(joints["hip"], joints["shoulder"], frame.torso_curve)
        trunk.append(Stroke(points, TORSO_WIDTH, body_gray))
    parts.append((posed.depth("hip", "shoulder"), trunk))
    head_x, head_y = joints["head"]
    if head:
        # A short neck, so a head turned away from the spine still joins the body.
        neck: list[Mark] = [Stroke((joints["shoulder"], joints["head"]), LIMB_WIDTH, body_gray)]
        neck.append(
            Disc(head_x, head_y, HEAD_RADIUS, 1.0 if ghost else 0.0, LIMB_WIDTH / 2, body_gray)
        )
        neck += _nose(joints, body_gray, big=frame.head_turn != 0)
        parts.append((posed.depth("head"), neck))
    marks: list[Mark] = []
    for _, drawn in sorted(parts, key=lambda part: part[0]):
        if not ghost:
            # A thin white edge round each part, so a limb in front of another (or of
            # the trunk) stays a limb of its own, in black and white too.
            marks += [_halo(mark) for mark in drawn]
        marks += drawn
    return marks


def _trunk_block(posed: Posed, ghost: bool) -> list[Mark]:
    """A trunk with depth (`trunk_depth`): the block's front, dark like the body, and
    each side that faces the eye, light inside a dark edge, so
    a chest turned against the hips shows one side of it to the reader. From the
    hips up the side widens as the chest turns: the twist is at the waist."""
    points = posed.points

    def face(side: tuple[str, str], ends: tuple[str, str]) -> tuple[Point, ...]:
        first, second = ends
        return (
            points[f"{side[0]}_hip_{first}"],
            points[f"{side[1]}_hip_{second}"],
            points[f"{side[1]}_shoulder_{second}"],
            points[f"{side[0]}_shoulder_{first}"],
        )

    def nearer(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
        return posed.depth(*one) > posed.depth(*other) + 1e-3

    def corners(side: str, where: str) -> tuple[str, ...]:
        return tuple(f"{side}_{level}_{where}" for level in ("hip", "shoulder"))

    line, edge = (GHOST_GRAY, 1.0) if ghost else (0.0, 0.0)
    marks: list[Mark] = []
    for side in ("near", "far"):
        other = "far" if side == "near" else "near"
        own = corners(side, "front") + corners(side, "back")
        if nearer(own, corners(other, "front") + corners(other, "back")):
            outline = face((side, side), ("front", "back"))
            if _area(outline) > 1e-4:
                fill = 1.0 if ghost else TRUNK_SIDE_GRAY
                marks.append(Shape(outline, fill, LIMB_WIDTH * 0.6, line))
    front = corners("near", "front") + corners("far", "front")
    back = corners("near", "back") + corners("far", "back")
    where = "front" if nearer(front, back) or not nearer(back, front) else "back"
    marks.append(Shape(face(("near", "far"), (where, where)), edge, LIMB_WIDTH * 0.6, line))
    return marks


def _halo(mark: Mark) -> Mark:
    if isinstance(mark, Stroke):
        return replace(mark, width=mark.width + HALO, gray=1.0, accent=False)
    if isinstance(mark, Disc):
        return replace(mark, line_width=mark.line_width + HALO, line_gray=1.0)
    return replace(mark, line_width=mark.line_width + HALO, line_gray=1.0, fill_gray=1.0)


def _nose(joints: dict[str, Point], gray: float, big: bool = False) -> list[Mark]:
    """A small point on the head the way the face looks, where the view shows it.

    A head turned against the body (`head_turn`) gets a longer, wider nose: which
    way the face looks is then the point of the picture, and at the one-page size
    the small one was lost against the neck."""
    (hx, hy), (fx, fy) = joints["head"], joints["face"]
    reach = math.hypot(fx - hx, fy - hy)
    if reach < HEAD_RADIUS * 0.6:  # the face looks at the reader, or away
        return []
    ux, uy = (fx - hx) / reach, (fy - hy) / reach
    base = HEAD_RADIUS * (0.8 if big else 0.9)
    length = HEAD_RADIUS * (BIG_NOSE if big else 1.45)
    half = HEAD_RADIUS * (0.6 if big else 0.45)
    tip = (hx + ux * length, hy + uy * length)
    left = (hx + ux * base - uy * half, hy + uy * base + ux * half)
    right = (hx + ux * base + uy * half, hy + uy * base - ux * half)
    return [Shape((left, tip, right), gray, LIMB_WIDTH * 0.3, gray)]


def _area(points: tuple[Point, ...]) -> float:
    """The area of a polygon (shoelace)."""
    total = 0.0
    for index, (x1, y1) in enumerate(points):
        x2, y2 = points[(index + 1) % len(points)]
        total += x1 * y2 - x2 * y1
    return abs(total) / 2


# --- props and arrows ---


def _bed(left: float, right: float) -> list[Mark]:
    top, bottom = BED_TOP, 0.035
    outline = ((left, bottom), (right, bottom), (right, top), (left, top))
    legs = [
        Stroke(((x, bottom), (x, 0.0)), LIMB_WIDTH * 0.8, PROP_GRAY)
        for x in (left + 0.03, right - 0.03)
    ]
    return [Shape(outline, 0.9, LIMB_WIDTH * 0.5, PROP_GRAY), *legs]


def _seen_from_above(
    props: tuple[str, ...],
    joints: dict[str, Point],
    left: float,
    bottom: float,
    right: float,
    top: float,
) -> list[Mark]:
    """The floor mat under a body seen from above, and the pillow under its head (a bed
    seen from above is `_bed_seen_from`)."""
    marks: list[Mark] = [
        Shape(((left, bottom), (right, bottom), (right, top), (left, top)), 0.95,
              LIMB_WIDTH * 0.5, PROP_GRAY)
    ]  # fmt: skip
    if "pillow" in props:
        head_x, head_y = joints["head"]
        size = HEAD_RADIUS * 1.7
        marks.append(
            Shape(
                ((head_x - size, head_y - size * 1.3), (head_x + size, head_y - size * 1.3),
                 (head_x + size, head_y + size * 1.3), (head_x - size, head_y + size * 1.3)),
                0.82, LIMB_WIDTH * 0.5, PROP_GRAY,
            )
        )  # fmt: skip
    return marks


BED_SIDE_FILL = 0.72  # the sides of a bed seen from a raised view, darker than its top


def _lifted(frame: Frame, props: tuple[str, ...]) -> dict[str, Vec]:
    """The joints in 3-D, the body set down on its support."""
    joints = joints_3d(frame)
    lift = _lift(joints, props, frame.torso_curve)
    return {name: (x, y + lift, z) for name, (x, y, z) in joints.items()}


def _box(
    view: View,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    half_width: float,
    fills: tuple[float | None, float],
) -> list[Mark]:
    """A box lying along the body (a bed, a pillow) as the view sees it: the sides that
    face the eye, then the top (`fills`: the sides', None for no sides; the top's)."""
    (x0, x1), (y0, y1), w = x_range, y_range, half_width

    def face(*corners: Vec) -> tuple[Point, ...]:
        return tuple((placed.x, placed.y) for placed in (project(c, view) for c in corners))

    sides = (
        ((1.0, 0.0, 0.0), face((x1, y0, -w), (x1, y0, w), (x1, y1, w), (x1, y1, -w))),
        ((-1.0, 0.0, 0.0), face((x0, y0, -w), (x0, y0, w), (x0, y1, w), (x0, y1, -w))),
        ((0.0, 0.0, 1.0), face((x0, y0, w), (x1, y0, w), (x1, y1, w), (x0, y1, w))),
        ((0.0, 0.0, -1.0), face((x0, y0, -w), (x1, y0, -w), (x1, y1, -w), (x0, y1, -w))),
    )
    marks: list[Mark] = [
        Shape(outline, fills[0], LIMB_WIDTH * 0.5, PROP_GRAY)
        for normal, outline in sides
        if fills[0] is not None and project(normal, view).depth > 1e-6 and _area(outline) > 1e-4
    ]
    top = face((x0, y1, -w), (x1, y1, -w), (x1, y1, w), (x0, y1, w))
    return [*marks, Shape(top, fills[1], LIMB_WIDTH * 0.5, PROP_GRAY)]


def _bed_seen_from(view: View, bodies: list[dict[str, Vec]], pillow: bool) -> list[Mark]:
    """A bed under a body seen from a raised view, worked out in 3-D like the body: a
    box with its top, the sides that face the eye, and its legs, so it reads as a bed
    with somebody lying on it; the pillow under the head is the flat top of a box on it."""
    points = [point for body in bodies for point in body.values()]
    x0 = min(x for x, _, _ in points) - 0.17
    x1 = max(x for x, _, _ in points) + 0.06
    half = max(0.26, max(abs(z) for _, _, z in points) + 0.07)
    bottom = 0.035
    legs: list[Mark] = []
    for x, end in ((x0 + 0.03, -1.0), (x1 - 0.03, 1.0)):
        for z, side in ((-half + 0.03, -1.0), (half - 0.03, 1.0)):
            # Only the legs at the end or the side that faces the eye show.
            if (
                max(project((end, 0.0, 0.0), view).depth, project((0.0, 0.0, side), view).depth)
                <= 0
            ):
                continue
            upper, lower = project((x, bottom, z), view), project((x, 0.0, z), view)
            legs.append(
                Stroke(((upper.x, upper.y), (lower.x, lower.y)), LIMB_WIDTH * 0.8, PROP_GRAY)
            )
    marks = legs + _box(view, (x0, x1), (bottom, BED_TOP), half, (BED_SIDE_FILL, 0.9))
    if pillow:
        head_x, head_y, _ = bodies[0]["head"]
        top = max(BED_TOP + 0.03, head_y - HEAD_RADIUS)
        marks += _box(view, (head_x - 0.11, head_x + 0.09), (BED_TOP, top), 0.17, (None, 0.82))
    return marks


MAT_PITCH = 15.0  # from this raised eye up to 45 degrees, a floor is a mat drawn in 3-D


def _mat_seen_from(view: View, bodies: list[dict[str, Vec]], room: float = 1.0) -> list[Mark]:
    """The floor under a body seen from a raised eye, between the side and above: a thin
    mat worked out in 3-D like the body (its top and the edges that face the eye), so
    a knee that opens towards the eye shows as nearer, not as a leg through the floor.
    `room` scales the mat's margin round the body (an inset's mat is kept close)."""
    points = [point for body in bodies for point in body.values()]
    x0 = min(x for x, _, _ in points) - 0.12 * room
    x1 = max(x for x, _, _ in points) + 0.1 * room
    # Close at the sides (0.05; 0.1 until session 12): the seated twist, seen from the
    # front, is as wide as its mat, and 0.6 wide (0.7) its two turns fit side by side in
    # the week's picture column on A4 and Letter, where they missed by a millimetre or two.
    half = max(0.24 * room, max(abs(z) for _, _, z in points) + 0.05 * room)
    return _box(view, (x0, x1), (-0.018, 0.0), half, (BED_SIDE_FILL, 0.93))


def _floor(left: float, right: float) -> list[Mark]:
    marks: list[Mark] = [Stroke(((left, 0.0), (right, 0.0)), LIMB_WIDTH * 0.6, PROP_GRAY)]
    # Short slanted hatching under the line: the usual drawing sign for "ground".
    x = left + 0.02
    while x < right - 0.02:
        marks.append(Stroke(((x, -0.005), (x - 0.03, -0.035)), LIMB_WIDTH * 0.3, PROP_GRAY))
        x += 0.06
    return marks


def _pillow(joints: dict[str, Point], support: float) -> list[Mark]:
    """The pillow under the head seen from the side: it reaches out past the crown and
    stops at the nape, so it is under the head, not the neck and shoulders."""
    head_x, head_y = joints["head"]
    towards_feet = 1.0 if joints["hip"][0] >= head_x else -1.0
    top = max(support + 0.03, head_y - HEAD_RADIUS - LIMB_WIDTH / 4)
    crown, nape = head_x - towards_feet * 0.115, head_x + towards_feet * 0.035
    outline = (
        (crown, support),
        (nape, support),
        (nape - towards_feet * 0.012, top),
        (crown + towards_feet * 0.018, top),
    )
    return [Shape(outline, 0.85, LIMB_WIDTH * 0.5, PROP_GRAY)]


def _wall_at(bodies: list[Posed]) -> float:
    """Where the wall stands: just past the hands (or fingertips) that reach furthest in
    any frame, so every frame shows the same wall, and a frame that stands back from
    it (before bending forward to it) shows how far away."""
    reach = [
        point[0]
        for body in bodies
        for name, point in body.points.items()
        if name.endswith(("_hand", "_fingers"))
    ]
    return max(reach) + LIMB_WIDTH / 2 + 0.012


def _wall(x: float, top: float) -> list[Mark]:
    marks: list[Mark] = [Stroke(((x, 0.0), (x, top)), LIMB_WIDTH * 0.7, PROP_GRAY)]
    y = 0.04
    while y < top:
        marks.append(Stroke(((x + 0.005, y), (x + 0.035, y + 0.03)), LIMB_WIDTH * 0.3, PROP_GRAY))
        y += 0.06
    return marks


def _chair(joints: dict[str, Point]) -> list[Mark]:
    hip_x, hip_y = joints["hip"]
    seat = hip_y - LIMB_WIDTH / 2 - 0.012
    back = hip_x - 0.09
    front = max(joints["near_knee"][0], joints["far_knee"][0]) - 0.02
    return [
        Stroke(((back, seat + 0.3), (back, 0.0)), LIMB_WIDTH * 0.8, PROP_GRAY),
        Stroke(((back, seat), (front, seat), (front, 0.0)), LIMB_WIDTH * 0.8, PROP_GRAY),
    ]


# A key frame (and a key pair's frames) is only printed small, about 22 to 32 mm to
# the body unit on one-page and week sheets: there a large frame's head (0.045 to
# 0.065 units) came out about 1 mm long, and a blinded reviewer could not see which
# way the seated twist turned. Each of its arrowheads is drawn this many times as
# large (a limb's 0.055 becomes 0.096, about 2 to 3 mm on those sheets), so a larger
# head (the head's turn) stays larger; the large frames (36 to 69 mm to the unit)
# keep their own, 2 to 4 mm.
KEY_HEAD_GROW = 1.75
KEY_HEAD_SHARE = 0.5  # but a grown head is no longer than half its shaft
# Each of two heads on one shaft: a fifth of it is left between them, so a short
# two-headed arc keeps a shaft (halves met in a bow tie) and its heads still read at
# print size (quarters were 1.5 mm on the double knee lift, under the 1.55 floor).
KEY_TWO_HEADS_SHARE = 0.4


def _arrow_head(tip: Point, towards: Point, size: float) -> Shape:
    angle = math.atan2(tip[1] - towards[1], tip[0] - towards[0])
    left = (tip[0] - size * math.cos(angle - 0.45), tip[1] - size * math.sin(angle - 0.45))
    right = (tip[0] - size * math.cos(angle + 0.45), tip[1] - size * math.sin(angle + 0.45))
    return Shape((tip, left, right), 0.0, 0.0, 0.0, accent=True)


def _is_head(mark: Mark) -> bool:
    """An arrowhead, or its white halo: an accent triangle (see `_arrow_head`)."""
    return isinstance(mark, Shape) and mark.accent and len(mark.points) == 3


def _key_heads(marks: list[Mark], grow: float = KEY_HEAD_GROW) -> list[Mark]:
    """`marks` with each arrowhead (and its halo) grown up to `grow` times about its tip,
    for a frame printed small; the shaft under it is left as it is. A head grows no
    longer than `KEY_HEAD_SHARE` of its shaft (the accent stroke ending nearest its
    tip): on a short arrow a bigger head read as a flag, not as a move."""
    shafts = [mark for mark in marks if isinstance(mark, Stroke) and mark.accent]
    heads = [m for m in marks if isinstance(m, Shape) and _is_head(m)] if shafts else []
    # Each head's shaft: the accent stroke with an end nearest its tip (found once).
    shaft_of = {
        id(head): min(shafts, key=lambda each, tip=head.points[0]: min(
            math.dist(tip, each.points[0]), math.dist(tip, each.points[-1])))
        for head in heads
    }  # fmt: skip
    # A shaft with a head at each end shares its length between them: two heads each
    # half the shaft long met in the middle of a short arc (a bow tie, no shaft).
    tips: dict[int, set[Point]] = {}
    for head in heads:
        tips.setdefault(id(shaft_of[id(head)]), set()).add(head.points[0])
    out: list[Mark] = []
    for mark in marks:
        if not isinstance(mark, Shape) or id(mark) not in shaft_of:
            out.append(mark)
            continue
        tip, left, right = mark.points
        length = math.dist(tip, ((left[0] + right[0]) / 2, (left[1] + right[1]) / 2))
        shaft = shaft_of[id(mark)]
        shaft_length = sum(itertools.starmap(math.dist, itertools.pairwise(shaft.points)))
        share = KEY_HEAD_SHARE if len(tips[id(shaft)]) == 1 else KEY_TWO_HEADS_SHARE
        factor = min(grow, max(1.0, share * shaft_length / max(length, 1e-9)))
        points = tuple((tip[0] + (x - tip[0]) * factor, tip[1] + (y - tip[1]) * factor)
                       for x, y in mark.points)  # fmt: skip
        out.append(replace(mark, points=points))
    return out


def _curved_arrow(
    start: Point, end: Point, centre: Point, back: bool = False, short: bool = False
) -> list[Mark]:
    """An arc from `start` to `end`, bowed away from `centre` (the body), with a head
    (and one at the start too when `back`: there and back again). A `short` arrow is
    only the last part of that arc, so a long way in (straight legs to a hug) does not
    read as the whole limb swinging."""
    mid = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
    chord = math.dist(start, end)
    if chord < 0.02:
        return []
    normal = (-(end[1] - start[1]) / chord, (end[0] - start[0]) / chord)
    away = (mid[0] - centre[0]) * normal[0] + (mid[1] - centre[1]) * normal[1]
    bulge = 0.3 * chord * (1 if away >= 0 else -1)
    control = (mid[0] + normal[0] * bulge * 2, mid[1] + normal[1] * bulge * 2)
    steps = 16
    # Stop short of the joint so the head does not sit on top of the limb.
    first = SHORT_ARROW_FROM if short else 0.1
    points = _quadratic(
        start, control, end, [first + (0.88 - first) * i / steps for i in range(steps + 1)]
    )
    return _arrow_along(points, back)


def _arrow_along(
    points: tuple[Point, ...],
    back: bool = False,
    head_size: float = 0.055,
    width: float = LIMB_WIDTH * 0.55,
) -> list[Mark]:
    """An arrow along `points` with its head at the last (and one at the first too when
    `back`), each under a white halo."""
    arrow: list[Mark] = [
        Stroke(tuple(points[1:-1] if back else points[:-1]), width, 0.0, accent=True),
        _arrow_head(points[-1], points[-3], head_size),
    ]
    if back:
        arrow.append(_arrow_head(points[0], points[2], head_size))
    # A white edge, so an arrow over the dark body still shows in black and white.
    return [_halo(mark) for mark in arrow] + arrow


WIDE_GAP = 0.16  # a `wide` arrow runs this far outside the joint's way round the hip


def _wide_arrow(
    start: Point, end: Point, centre: Point, back: bool = False, short: bool = False
) -> list[Mark]:
    """An arc round `centre` (the hip) from `start` to `end`, each pushed `WIDE_GAP`
    out from it: a trunk folding forward gets its arrow in the clear space beyond the
    head, sweeping from above the faint upright start to above the folded back, its
    head pointing on the way the trunk goes (one from the start to the end over the
    body, or stubs beside it, were lost in the dark folded body at print size)."""
    first_angle = math.atan2(start[1] - centre[1], start[0] - centre[0])
    turn = math.atan2(end[1] - centre[1], end[0] - centre[0]) - first_angle
    turn = (turn + math.pi) % (2 * math.pi) - math.pi  # the short way round
    first_radius = math.dist(start, centre) + WIDE_GAP
    last_radius = math.dist(end, centre) + WIDE_GAP
    if abs(turn) * min(first_radius, last_radius) < 0.02:
        return []
    steps = 16
    first = SHORT_ARROW_FROM if short else 0.0
    points = []
    for step in range(steps + 1):
        share = first + (1 - first) * step / steps
        angle = first_angle + turn * share
        radius = first_radius + (last_radius - first_radius) * share
        points.append((centre[0] + radius * math.cos(angle), centre[1] + radius * math.sin(angle)))
    return _arrow_along(tuple(points), back)


SHORT_ARROW_FROM = 0.5  # a `short` arrow starts this share of the way along its arc
TOWARDS_GAP = 0.06  # a `towards` arrow runs this far off the line from joint to target
TOWARDS_SHARE = 0.7  # and over this share of the way from the joint to the target


def _towards(joints: dict[str, Point], joint: str, target: str) -> list[Mark]:
    """An arrow beside `joint` pointing towards `target`: that part is pulled towards
    it (the held knee towards the chest). It runs alongside the line between them, off
    to the side away from the hips, so it does not lie over the limbs that do the
    pulling (an arrow from where the knee was to where it is lay over the shin)."""
    start, end = joints[joint], joints[target]
    distance = math.dist(start, end)
    if distance < 0.05:
        return []
    way = ((end[0] - start[0]) / distance, (end[1] - start[1]) / distance)
    normal = (-way[1], way[0])
    centre = joints["hip"]
    middle = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
    outside = (middle[0] - centre[0]) * normal[0] + (middle[1] - centre[1]) * normal[1]
    gap = TOWARDS_GAP if outside >= 0 else -TOWARDS_GAP
    first = (start[0] + normal[0] * gap, start[1] + normal[1] * gap)
    reach = distance * TOWARDS_SHARE
    last = (first[0] + way[0] * reach, first[1] + way[1] * reach)
    return _curved_arrow(first, last, centre)


ROLL_GAP = 0.04  # the chain of `roll` arrows runs this far outside the back
ROLL_LINKS = 3  # small arrows in the chain


def _roll(posed: Posed, frame: Frame, back: bool = False) -> list[Mark]:
    """A chain of small arrows along the outside of a bowed back: the spine curling down
    a bit at a time ("down": along the whole back, each points towards the head end)
    or uncurling back up ("up": from the hips to the top of the back, each pointing on
    up it: the back straightens from the bottom up). One sweep arrow read as one swing
    of the whole body, not as the back rolling bit by bit; a chain coming up that
    pointed back towards the hips read as the back going down to them. With `back`
    each link has a head at each end: down, and back up the same way."""
    joints = posed.points
    hip, shoulder, head = joints["hip"], joints["shoulder"], joints["head"]
    spine = list(_torso_points(hip, shoulder, frame.torso_curve))
    if len(spine) == 2:
        spine = [
            (hip[0] + (shoulder[0] - hip[0]) * i / 12, hip[1] + (shoulder[1] - hip[1]) * i / 12)
            for i in range(13)
        ]
    # Carry the line on past the shoulders along the neck, to where the head starts.
    reach = max(0.0, math.dist(shoulder, head) - HEAD_RADIUS)
    neck = [
        (
            shoulder[0] + (head[0] - shoulder[0]) * reach / math.dist(shoulder, head) * i / 4,
            shoulder[1] + (head[1] - shoulder[1]) * reach / math.dist(shoulder, head) * i / 4,
        )
        for i in range(1, 5)
    ]
    line = spine + neck
    # The back is the side the spine bows out to: away from the chord's middle.
    mid = ((hip[0] + shoulder[0]) / 2, (hip[1] + shoulder[1]) / 2)
    bow = spine[len(spine) // 2]
    out = (bow[0] - mid[0], bow[1] - mid[1])
    if math.hypot(*out) < 1e-6:
        out = (-(shoulder[1] - hip[1]), shoulder[0] - hip[0])
    # Which hand of the line (left or right, walking hip to head) the back is on, from
    # the middle of the spine; the same hand all along, round the neck too.
    (ax, ay), (bx, by) = spine[len(spine) // 2 - 1], spine[len(spine) // 2 + 1]
    hand = 1.0 if -(by - ay) * out[0] + (bx - ax) * out[1] >= 0 else -1.0
    offset: list[Point] = []
    for index, (x, y) in enumerate(line):
        ax, ay = line[max(0, index - 1)]
        bx, by = line[min(len(line) - 1, index + 1)]
        length = math.hypot(bx - ax, by - ay) or 1.0
        nx, ny = -(by - ay) / length * hand, (bx - ax) / length * hand
        reach_out = TORSO_WIDTH / 2 + ROLL_GAP
        offset.append((x + nx * reach_out, y + ny * reach_out))
    if frame.roll == "up":
        # Up to the highest point of the back, so that every link points upwards.
        top = max(range(len(offset)), key=lambda index: offset[index][1])
        offset = offset[: max(top, 2) + 1]
    # Evenly spaced along the offset line: the links of the chain, with gaps.
    lengths = [0.0]
    for a, b in itertools.pairwise(offset):
        lengths.append(lengths[-1] + math.dist(a, b))
    total = lengths[-1]

    def at(distance: float) -> Point:
        for index in range(1, len(offset)):
            if lengths[index] >= distance:
                a, b = offset[index - 1], offset[index]
                span = lengths[index] - lengths[index - 1] or 1.0
                share = (distance - lengths[index - 1]) / span
                return (a[0] + (b[0] - a[0]) * share, a[1] + (b[1] - a[1]) * share)
        return offset[-1]

    marks: list[Mark] = []
    # Two links where each has two heads (`back`): three left heads of 1 mm at print
    # size, under the 1.55 mm floor.
    links = ROLL_LINKS - 1 if back else ROLL_LINKS
    link = total / links
    for number in range(links):
        start, end = number * link + link * 0.12, (number + 1) * link - link * 0.12
        points = tuple(at(start + (end - start) * i / 6) for i in range(7))
        marks += _arrow_along(points, back, head_size=0.045, width=LIMB_WIDTH * 0.5)
    return marks


NOD_GAP = 0.065  # a nod's arrow runs this far outside the head
# A nod's arc sweeps at least this far (degrees), ending at the head: a head lifted
# only a little off the floor gave an arc shorter than its arrowhead (a blue stub).
NOD_LEAST_SWEEP = 30.0


def _nod(before: Posed, now: Posed) -> list[Mark] | None:
    """For a head that moves less than one and a half head widths on paper (a nod, a head lifted
    off the floor), an arc round the neck outside the head, from where the head
    pointed to where it points now: a plain arrow would sit over the black head.
    None when the head moves further (the plain arrow shows it)."""
    old, new = before.points["head"], now.points["head"]
    if math.dist(old, new) > HEAD_RADIUS * 3:
        return None
    neck = now.points["shoulder"]
    reach = math.dist(neck, new) + HEAD_RADIUS + NOD_GAP
    start = math.atan2(old[1] - before.points["shoulder"][1], old[0] - before.points["shoulder"][0])
    end = math.atan2(new[1] - neck[1], new[0] - neck[0])
    sweep = math.remainder(end - start, math.tau)
    if abs(math.degrees(sweep)) < 5:
        return None
    if abs(math.degrees(sweep)) < NOD_LEAST_SWEEP:
        sweep = math.copysign(math.radians(NOD_LEAST_SWEEP), sweep)
        start = end - sweep
    angles = [start + sweep * index / 16 for index in range(17)]
    points = [(neck[0] + reach * math.cos(a), neck[1] + reach * math.sin(a)) for a in angles]
    arrow: list[Mark] = [
        Stroke(tuple(points[:-1]), LIMB_WIDTH * 0.55, 0.0, accent=True),
        _arrow_head(points[-1], points[-3], 0.055),
    ]
    return [_halo(mark) for mark in arrow] + arrow


def _both_ways(joint: Point) -> list[Mark]:
    """A short arc over a joint with a head at each end: 'to one side, then the other'."""
    radius = 0.11
    angles = [math.radians(45 + 90 * index / 16) for index in range(17)]
    points = [(joint[0] + radius * math.cos(a), joint[1] + radius * math.sin(a)) for a in angles]
    arc: list[Mark] = [
        Stroke(tuple(points[1:-1]), LIMB_WIDTH * 0.55, 0.0, accent=True),
        _arrow_head(points[-1], points[-3], 0.05),
        _arrow_head(points[0], points[2], 0.05),
    ]
    return [_halo(mark) for mark in arc] + arc


def _each_side(frame: Frame, props: tuple[str, ...], view: View, name: str) -> list[Mark]:
    """Two arrows round the body's long line (hip to shoulders), a little outside a
    joint, each from the middle out to one side: one ends where the joint is, the
    other where it would be on the body's other side (mirrored across the middle):
    the same move to one side, back to the middle, then to the other side."""
    joints = joints_3d(frame)
    hip = joints["hip"]
    axis = _unit(_minus(joints["shoulder"], hip))
    x, y, z = joints[name]
    here, there = _minus((x, y, z), hip), _minus((x, y, -z), hip)
    along = _scaled(axis, _dot(here, axis))
    start = _minus(here, along)
    end = _minus(there, _scaled(axis, _dot(there, axis)))
    turned = math.degrees(math.atan2(_dot(axis, _cross(start, end)), _dot(start, end)))
    if abs(turned) < 10:
        return []
    radius = math.sqrt(_dot(start, start)) + EACH_SIDE_GAP
    lift = _lift(joints, props, frame.torso_curve)

    def point(share: float) -> Point:
        direction = rotate(_unit(start), axis, turned * share)
        px, py, pz = _along(_plus(hip, along), direction, radius)
        placed = project((px, py + lift, pz), view)
        return (placed.x, placed.y)

    # Two arrows, each from the middle (upright) out to one side, with a gap between
    # them in the middle: "tip one way, back, then the other", not a rocking to and fro.
    marks: list[Mark] = []
    for first, last in ((0.5 - EACH_SIDE_MIDDLE, 0.02), (0.5 + EACH_SIDE_MIDDLE, 0.98)):
        points = [point(first + (last - first) * index / 8) for index in range(9)]
        arc: list[Mark] = [
            Stroke(tuple(points[:-1]), LIMB_WIDTH * 0.55, 0.0, accent=True),
            _arrow_head(points[-1], points[-3], 0.055),
        ]
        marks += [_halo(mark) for mark in arc] + arc
    return marks


def _both_ways_round(frame: Frame, props: tuple[str, ...], view: View, name: str) -> list[Mark]:
    """Seen from a raised eye, `both_ways`: one arc round the body's long line (hip to
    shoulders), a little outside a joint tipped to one side, from where it is to where
    it would be tipped as far to the other side, with a head at each end: "to this
    side, then the other". (A flat arc over the joint drawn in the paper's plane does
    not follow a tilt seen in 3-D; two arrows from the middle, `each_side`, put the
    second one over the head in a view from the foot end and the side.)"""
    joints = joints_3d(frame)
    hip = joints["hip"]
    axis = _unit(_minus(joints["shoulder"], hip))
    x, y, z = joints[name]
    here = _minus((x, y, z), hip)
    along = _scaled(axis, _dot(here, axis))
    start = _minus(here, along)
    upright = _minus((0.0, 1.0, 0.0), _scaled(axis, axis[1]))
    tipped = math.degrees(math.atan2(_dot(axis, _cross(upright, start)), _dot(upright, start)))
    if abs(tipped) < 10:
        return []
    radius = math.sqrt(_dot(start, start)) + EACH_SIDE_GAP
    lift = _lift(joints, props, frame.torso_curve)
    points: list[Point] = []
    for index in range(17):
        # From the mirror side round over the top to this side, stopping short of both.
        turn = -tipped * (BOTH_WAYS_REACH - 2 * BOTH_WAYS_REACH * index / 16)
        direction = rotate(_unit(start), axis, turn - tipped)
        px, py, pz = _along(_plus(hip, along), direction, radius)
        placed = project((px, py + lift, pz), view)
        points.append((placed.x, placed.y))
    arc: list[Mark] = [
        Stroke(tuple(points[1:-1]), LIMB_WIDTH * 0.55, 0.0, accent=True),
        _arrow_head(points[-1], points[-3], 0.055),
        _arrow_head(points[0], points[2], 0.055),
    ]
    return [_halo(mark) for mark in arc] + arc


def _wiper(centre: Point, start: Point, end: Point) -> list[Mark]:
    """`wiper`: one arc on paper round `centre` (the hip), a gap outside the farther of
    `start` (the joint in the faint start) and `end` (where it is now), the short way
    round from one to the other, with a head at each end: "swing over to this side,
    then back to the other", like a windscreen wiper."""
    first = math.atan2(start[1] - centre[1], start[0] - centre[0])
    last = math.atan2(end[1] - centre[1], end[0] - centre[0])
    sweep = (last - first + math.pi) % (2 * math.pi) - math.pi
    if abs(sweep) < math.radians(10):
        return []
    radius = max(math.dist(centre, start), math.dist(centre, end)) + WIPER_GAP
    points: list[Point] = []
    for index in range(17):
        angle = first + sweep * (0.5 + WIPER_REACH * (index / 16 - 0.5))
        points.append((centre[0] + radius * math.cos(angle), centre[1] + radius * math.sin(angle)))
    return _arrow_along(tuple(points), back=True)


def _wiper_reach(frame: Frame, props: tuple[str, ...], view: View) -> dict[str, Vec]:
    """A point as far along the body's long line past the hip as a `wiper` arc reaches
    on paper (the arc is drawn round the hip), so a bed box drawn round the body holds
    the arc too."""
    joints = _lifted(frame, props)
    seen = _posed(frame, props, view).points
    ghost = _posed(mirrored(frame), props, view).points
    hip = seen["hip"]
    radius = max(
        max(math.dist(hip, seen[name]), math.dist(hip, ghost[name])) for name in frame.wiper
    )
    origin, along = project((0.0, 0.0, 0.0), view), project((1.0, 0.0, 0.0), view)
    shrink = max(math.hypot(along.x - origin.x, along.y - origin.y), 0.3)
    x, y, z = joints["hip"]
    return {"wiper": (x + (radius + WIPER_GAP + LIMB_WIDTH / 2) / shrink, y, z)}


WIPER_GAP = 0.06  # a `wiper` arc runs this far outside the joint
WIPER_REACH = 0.9  # and spans this share of the swing between its two ends


EACH_SIDE_GAP = 0.07  # the arcs of `each_side` run this far outside the joint
BOTH_WAYS_REACH = 0.8  # a raised `both_ways` arc reaches this share of the tip on each side
EACH_SIDE_MIDDLE = 0.06  # each arc starts this share of the sweep off the middle


TURN_SWEEP = 150.0  # the least sweep of a head's turn arrow, in degrees: the way, not how far
# The head's arrow is a ring round the head a little above its middle, wider than it,
# so its front passes under the chin: seen from a raised eye in front, a curve under
# the face like the one round the waist (above the head, it read as a cone or a beam
# from the face, and a blinded describer read the head turning with the body).
# Round 16: at 1.6 head radii and 120 degrees it was about 6 mm wide on the one-page
# sheet and read as a hair bow above the head; now nearly as wide as the waist's.
HEAD_RING_UP = 3.4
HEAD_RING = 2.2
HEAD_TURN_HEAD = 0.065  # the head's arrow head: larger than a limb's (0.05), about 2 mm small
# Round the chest the arrow is longer, half a ring round the waist, so the turn of the
# body reads at the small size and is not taken for the arm's move.
CHEST_TURN_SWEEP = 150.0
# The ring goes round the spine three quarters of the way up, so from the raised eye its
# front crosses the belly and chest, not the lap (at 0.55 of the way up blinded reviewers
# saw "a small arrow at lap level", "turn the hips"). Only the seated twist turns.
CHEST_RING_UP = 0.75
CHEST_RING = 2.2  # its radius, in half shoulder widths


def _facing(joints: dict[str, Vec], part: str) -> tuple[Vec, Vec, Vec, float]:
    """For a part that turns about the body's long line (the head, the shoulders):
    the point the arrow goes round, that line, the way the part faces, and the
    arrow's radius."""
    if part == "head":
        axis = _unit(_minus(joints["head"], joints["shoulder"]))
        centre = _along(joints["head"], axis, HEAD_RADIUS * HEAD_RING_UP)
        return centre, axis, _minus(joints["face"], joints["head"]), HEAD_RADIUS * HEAD_RING

    spine = _unit(_minus(joints["shoulder"], joints["hip"]))
    across = _unit(_minus(joints["near_shoulder"], joints["far_shoulder"]))
    front = _cross(spine, across)
    return (
        _along(joints["hip"], spine, TORSO * CHEST_RING_UP),
        spine,
        front,
        SHOULDER_HALF * CHEST_RING,
    )


def _turn(
    before: Frame,
    frame: Frame,
    props: tuple[str, ...],
    view: View,
    part: str,
    back: bool = False,
) -> list[Mark]:
    """A curved arrow round the head (above it) or the chest, the way that part
    turned about the body's long line since the frame before (with a head at the
    start too when `back`: this way, and the other way too)."""
    joints = joints_3d(frame)
    centre, axis, facing, radius = _facing(joints, part)
    old = _facing(joints_3d(before), part)[2]
    # Both ways the part faces, flat across the long line; the turn between them.
    start = _unit(_minus(old, _scaled(axis, _dot(old, axis))))
    end = _unit(_minus(facing, _scaled(axis, _dot(facing, axis))))
    turned = math.degrees(math.atan2(_dot(axis, _cross(start, end)), _dot(start, end)))
    if abs(turned) < 5:
        return []
    least = TURN_SWEEP if part == "head" else CHEST_TURN_SWEEP
    sweep = math.copysign(max(abs(turned), least), turned)
    # Each arrow is centred on where the part faced before, so it wraps the front of
    # the head (or the waist) and ends on the side it turned to: the head's and the
    # chest's are then the same shape, and two opposite turns end on opposite sides.
    first = -sweep / 2
    lift = _lift(joints, props, frame.torso_curve)
    points: list[Point] = []
    for index in range(13):
        x, y, z = _along(centre, rotate(start, axis, first + sweep * index / 12), radius)
        placed = project((x, y + lift, z), view)
        points.append((placed.x, placed.y))
    head_size = HEAD_TURN_HEAD if part == "head" else 0.05
    return _arrow_along(tuple(points), back, head_size=head_size)


def _plus(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def _minus(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def _scaled(a: Vec, factor: float) -> Vec:
    return (a[0] * factor, a[1] * factor, a[2] * factor)


def _along(point: Vec, direction: Vec, length: float) -> Vec:
    return (
        point[0] + direction[0] * length,
        point[1] + direction[1] * length,
        point[2] + direction[2] * length,
    )


def _dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def _cross(a: Vec, b: Vec) -> Vec:
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def _unit(a: Vec) -> Vec:
    length = math.sqrt(_dot(a, a)) or 1.0
    return _scaled(a, 1 / length)


# --- assembling the pictogram ---


def _bounds(marks: list[Mark]) -> tuple[float, float, float, float]:
    """The box the marks cover, their line widths included."""
    low_x = low_y = math.inf
    high_x = high_y = -math.inf
    # Plain loops, no generators: every picture's frames are measured several times.
    for mark in marks:
        if isinstance(mark, Disc):
            reach = mark.radius + mark.line_width / 2
            left = right = mark.x
            bottom = top = mark.y
        else:
            reach = (mark.width if isinstance(mark, Stroke) else mark.line_width) / 2
            xs = [point[0] for point in mark.points]
            ys = [point[1] for point in mark.points]
            left, right, bottom, top = min(xs), max(xs), min(ys), max(ys)
        low_x = min(low_x, left - reach)
        high_x = max(high_x, right + reach)
        low_y = min(low_y, bottom - reach)
        high_y = max(high_y, top + reach)
    return low_x, low_y, high_x, high_y


def _joined(
    one: tuple[float, float, float, float], other: tuple[float, float, float, float]
) -> tuple[float, float, float, float]:
    """The box round two boxes (from `_bounds`; an empty one is inside out, so it adds nothing)."""
    return (
        min(one[0], other[0]),
        min(one[1], other[1]),
        max(one[2], other[2]),
        max(one[3], other[3]),
    )


def _shift(marks: list[Mark], dx: float, dy: float, places: int | None = None) -> tuple[Mark, ...]:
    """`marks` moved by (dx, dy); rounded to `places` when given (a thousandth of a
    body unit is a twentieth of a millimetre at the largest size printed: fewer
    digits in the file, nothing to see)."""
    moved: list[Mark] = []
    # Each mark made directly, not with `dataclasses.replace`: that was a third of the
    # time it takes to make a picture.
    for mark in marks:
        if isinstance(mark, Disc):
            x, y = mark.x + dx, mark.y + dy
            if places is not None:
                x, y = round(x, places), round(y, places)
            moved.append(Disc(x, y, mark.radius, mark.fill_gray, mark.line_width, mark.line_gray))
            continue
        if places is None:
            points = tuple((x + dx, y + dy) for x, y in mark.points)
        else:
            points = tuple((round(x + dx, places), round(y + dy, places)) for x, y in mark.points)
        if isinstance(mark, Stroke):
            moved.append(Stroke(points, mark.width, mark.gray, mark.accent))
        else:
            moved.append(
                Shape(points, mark.fill_gray, mark.line_width, mark.line_gray, mark.accent)
            )
    return tuple(moved)


def _figure(
    frames: tuple[Frame, ...],
    index: int,
    props: tuple[str, ...],
    view: View,
    seen_now: Posed,
    before: Posed,
    ghost: bool,
    start: int | None = None,
    both_ways: bool = False,
) -> list[Mark]:
    """One frame's body seen from `view`, over the frame before (or frame `start`) as a
    faint ghost when `ghost`, with its arrows (`before` is that frame seen from the
    same view); its turns and its roll with a head at each end when `both_ways`."""
    frame, joints = frames[index], seen_now.points
    start = index - 1 if start is None else start
    marks: list[Mark] = []
    if ghost:
        # A head that only nods gets its arrow round the neck; its faint start beside
        # the dark head would read as the head rolling, so the ghost has no head then.
        # Nor when a `towards` arrow from the head or face shows where the head goes.
        nods = ("head" in frame.arrows and _nod(before, seen_now) is not None) or (
            frame.towards is not None and frame.towards[0] in ("head", "face")
        )
        # A mirrored start is this frame to the other side: it leaves out the limbs it
        # hides, mirrored (near for far), so the faint start shows the outer leg as the
        # dark end does, not one that crosses under the trunk.
        shape = frames[start]
        if frame.mirror_ghost:
            other = {"near": "far", "far": "near"}
            swapped = tuple(other[name.split("_")[0]] + "_" + name.split("_")[1]
                            for name in frame.hide)  # fmt: skip
            shape = replace(frame, hide=swapped)
        marks += _body(before, shape, ghost=True, head=not nods)
    marks += _body(seen_now, frame)
    centre = joints["hip"]
    for name in frame.arrows:
        nod = _nod(before, seen_now) if name == "head" else None
        marks += (
            nod
            if nod is not None
            else (_wide_arrow if name in frame.wide else _curved_arrow)(
                before.points[name],
                joints[name],
                centre,
                back=name in frame.and_back,
                short=name in frame.short,
            )
        )
    if frame.towards is not None:
        marks += _towards(joints, *frame.towards)
    for name in frame.both_ways:
        if view[1] >= MAT_PITCH:
            marks += _both_ways_round(frame, props, view, name)
        else:
            marks += _both_ways(joints[name])
    for name in frame.wiper:
        marks += _wiper(joints["hip"], before.points[name], joints[name])
    if frame.roll:
        marks += _roll(seen_now, frame, back=both_ways)
    for name in frame.each_side:
        marks += _each_side(frame, props, view, name)
    if index > 0:
        for part in frame.turns:
            marks += _turn(frames[start], frame, props, view, part, back=both_ways)
    return marks


INSET_SCALE = 0.7  # an inset is drawn at seven tenths of the body scale
INSET_GAP = 0.03  # between an inset's box and the figure under it
INSET_LINE = LIMB_WIDTH * 0.25  # the width of the thin gray line round an inset's box
INSET_MAT_ROOM = 0.4  # an inset's mat reaches this share of a frame's mat past the body
INSET_ACCENT_LEAST = 0.7  # an inset's arrows are drawn at no less than this share of their size


def _scaled_marks(marks: list[Mark], factor: float, accent_least: float = 0.0) -> list[Mark]:
    """`marks` drawn `factor` times the size (about the origin), line widths too; the
    arrows' (accent) shafts and heads are drawn no smaller than `accent_least` times
    their size (each head grown about its tip), so they stay readable in a small inset."""
    out: list[Mark] = []
    grow = max(1.0, accent_least / factor) if factor > 0 else 1.0
    # An arrow's shaft and its white halo (same points) thicken by the same amount.
    shafts = {m.points: m.width for m in marks if isinstance(m, Stroke) and m.accent}
    for mark in marks:
        if grow > 1.0 and isinstance(mark, Stroke) and mark.points in shafts:
            points = tuple((x * factor, y * factor) for x, y in mark.points)
            width = mark.width + shafts[mark.points] * (grow - 1.0)
            out.append(replace(mark, points=points, width=width * factor))
            continue
        if grow > 1.0 and isinstance(mark, Shape) and _is_head(mark):
            (tx, ty) = mark.points[0]
            points = tuple(
                ((tx + (x - tx) * grow) * factor, (ty + (y - ty) * grow) * factor)
                for x, y in mark.points
            )
            out.append(replace(mark, points=points, line_width=mark.line_width * factor))
            continue
        if isinstance(mark, Disc):
            out.append(
                replace(
                    mark,
                    x=mark.x * factor,
                    y=mark.y * factor,
                    radius=mark.radius * factor,
                    line_width=mark.line_width * factor,
                )
            )
            continue
        points = tuple((x * factor, y * factor) for x, y in mark.points)
        if isinstance(mark, Stroke):
            out.append(replace(mark, points=points, width=mark.width * factor))
        else:
            out.append(replace(mark, points=points, line_width=mark.line_width * factor))
    return out


def _inset(pose: Pose) -> tuple[list[Mark], dict[str, Point], float, float]:
    """The inset of a key frame: one frame drawn again from another view (the knees
    seen from the foot of the bed, tipped to one side) over the frame before it as a
    ghost, with its arrows and its support, at `INSET_SCALE` (or the pose's own
    scale) in a thin box.

    Its marks and that frame's joints, with the box's lower-left corner at the
    origin, and the box's width and height."""
    index, view = pose.inset or (pose.key_frame, pose.view)
    factor = INSET_SCALE if pose.inset_scale is None else pose.inset_scale
    frames, props = pose.frames, pose.props
    seen_now = _posed(frames[index], props, view)
    before = _posed(frames[index - 1], props, view) if index > 0 else seen_now
    if frames[index].mirror_ghost:
        before = _posed(mirrored(frames[index]), props, view)
    # Only ever drawn in a key frame: its heads grown like the key frame's (then
    # scaled with the inset, so a little smaller than the frame's own).
    ghost = index > 0 or frames[index].mirror_ghost
    marks = _key_heads(_figure(frames, index, props, view, seen_now, before, ghost))
    low_x, low_y, high_x, _ = _bounds(marks)
    support = BED_TOP if "bed" in props else 0.0
    scenery: list[Mark] = []
    # The bodies the inset draws (this frame and its ghost), for the support under them.
    shown = [_lifted(frames[i], props) for i in {index - 1, index} if i >= 0]
    # A bed seen from a raised eye (below overhead) is left out: the key frame under
    # the inset shows the bed, and the inset's body alone is drawn larger.
    if "bed" in props and MAT_PITCH <= view[1] < 45:
        scenery = []
    elif MAT_PITCH <= view[1] < 45:
        # A floor seen from a raised eye is the frames' mat, drawn in the same view
        # (a flat floor line under a body seen from above read as "upside down"),
        # kept close to the body so the inset stays as small as it can.
        scenery += _mat_seen_from(view, shown, INSET_MAT_ROOM)
    elif view[1] >= 45:
        if "bed" in props:
            bed = _bed_seen_from(view, shown, "pillow" in props)
            # Bare: only the pillow (the last box's marks), the key frame shows the bed.
            scenery += bed[-1:] if pose.inset_bare and "pillow" in props else bed
        else:
            top = _bounds(marks)[3]
            scenery += _seen_from_above(
                props, seen_now.points, low_x - PAD, low_y - PAD, high_x + PAD, top + PAD
            )
    else:
        # Seen a little from above, the floor (or bed) goes under the lowest foot.
        sink = min(0.0, low_y + LIMB_WIDTH / 2 - support)
        left, right = low_x - PAD, high_x + PAD
        support_marks: list[Mark] = []
        if "pillow" in props:
            head_x, head_y = seen_now.points["head"]
            top = max(support + 0.03, head_y - HEAD_RADIUS - LIMB_WIDTH / 4 + sink)
            width = 0.08 + 0.07 * abs(math.cos(math.radians(view[0])))
            pillow = ((head_x - width, support), (head_x + width, support),
                      (head_x + width, top - sink), (head_x - width, top - sink))  # fmt: skip
            support_marks.append(Shape(pillow, 0.85, LIMB_WIDTH * 0.5, PROP_GRAY))
        if "bed" in props:
            support_marks = _bed(left, right) + support_marks
        if "floor" in props or "bed" not in props:
            support_marks = _floor(left, right) + support_marks
        scenery += list(_shift(support_marks, 0.0, sink))
    drawn = scenery + marks
    low_x, low_y, high_x, high_y = _bounds(drawn)
    margin = PAD / 2
    dx, dy = margin - low_x, margin - low_y
    width = (high_x - low_x + 2 * margin) * factor
    height = (high_y - low_y + 2 * margin) * factor
    # A thin box round it, white inside, over what it covers; seen from above, the
    # floor mat or the bed is box enough.
    boxless = view[1] >= 45 and not (pose.inset_bare and "bed" in props)
    box: list[Mark] = [
        Shape(
            ((0.0, 0.0), (width, 0.0), (width, height), (0.0, height)),
            1.0,
            0.0 if boxless else INSET_LINE,
            1.0 if boxless else PROP_GRAY,
        )
    ]
    # Its arrows as any inset's, even when they are the picture's only ones (round 28:
    # drawn at full size with bolder shafts, the knee hug's tilt arrow covered the feet
    # and read as "a blue blanket" at 13 mm per unit).
    inner = _scaled_marks(list(_shift(drawn, dx, dy)), factor, INSET_ACCENT_LEAST)
    joints = {
        name: ((x + dx) * factor, (y + dy) * factor) for name, (x, y) in seen_now.points.items()
    }
    return [*box, *inner], joints, width, height


def _place_inset(
    figure: list[Mark], left: float, right: float, width: float, floor: float
) -> tuple[float, float]:
    """Where an inset's box goes in a key frame spanning `left`..`right`: in the top
    corner (right or left) where it sits lowest, above the support (`floor`) and clear
    above the figure's marks; it may cover the faint ghost of the frame before."""
    best: tuple[float, float] | None = None
    for x0 in (right - width, left):
        clear = floor
        for mark in figure:
            if _is_ghost(mark):
                continue
            if isinstance(mark, Disc):
                reach = mark.radius + mark.line_width / 2
                if mark.x + reach > x0 and mark.x - reach < x0 + width:
                    clear = max(clear, mark.y + reach)
                continue
            half = (mark.width if isinstance(mark, Stroke) else mark.line_width) / 2
            points = list(mark.points)
            ends = list(zip(points, points[1:] + points[:1], strict=True))
            for (ax, ay), (bx, by) in ends if isinstance(mark, Shape) else ends[:-1] or ends:
                for step in range(9):
                    x, y = ax + (bx - ax) * step / 8, ay + (by - ay) * step / 8
                    if x + half > x0 and x - half < x0 + width:
                        clear = max(clear, y + half)
        if best is None or clear + INSET_GAP < best[1] - 1e-9:
            best = (x0, clear + INSET_GAP)
    assert best is not None
    return best


def build_pictogram(exercise_id: str, pose: Pose) -> Pictogram:
    """Shapes for each frame, then one shared box size so the frames match in scale.

    The last shape set is the key frame drawn over a faint (light gray) copy of the
    frame before it, for layouts with room for only one small picture.
    """
    props, frames = pose.props, pose.frames
    # Each frame is seen from its own view, or the pose's: the hug from the side, say,
    # and the tilt that follows from above.
    views = [frame.view or pose.view for frame in frames]
    posed = [_posed(frame, props, view) for frame, view in zip(frames, views, strict=True)]
    figures: list[list[Mark]] = []
    # Each frame, then the key frame, then the key pair's two frames (if any): the
    # ones after the frames are drawn over a faint copy of where they start.
    order = [*range(len(frames)), pose.key_frame, *(pose.key_pair or ())]
    for count, index in enumerate(order):
        # The frame before, seen from this frame's view: its ghost, and where arrows start.
        before = posed[index]
        # The key frame may start from an earlier frame than the one before it.
        start = index - 1 if frames[index].after is None else frames[index].after
        if count >= len(frames) and index == pose.key_frame and pose.key_start is not None:
            start = pose.key_start
        if index > 0:
            same_view = views[start] == views[index]
            before = posed[start] if same_view else _posed(frames[start], props, views[index])
        ghost = index > 0 and (frames[index].ghost or count >= len(frames))
        if frames[index].mirror_ghost:
            # The start is the frame mirrored: both ends of a move to one side, then
            # the other, in every picture of it (large too).
            before, ghost = _posed(mirrored(frames[index]), props, views[index]), True
        shown = frames
        if count == len(frames) and pose.inset is not None and not pose.inset_key_arrows:
            # The key frame leaves its arrows out, so its inset is drawn larger.
            quiet = replace(frames[index], arrows=(), both_ways=(), each_side=(), turns=(),
                            roll="", towards=None)  # fmt: skip
            shown = (*frames[:index], quiet, *frames[index + 1 :])
        # The key frame alone may say "this way, and the other way too" (`key_both_ways`).
        both_ways = count == len(frames) and pose.key_both_ways
        figure = _figure(
            shown, index, props, views[index], posed[index], before, ghost, start, both_ways
        )
        # The key frame and the key pair are printed small: their heads are larger.
        figures.append(_key_heads(figure) if count >= len(frames) else figure)
    overhead = [views[index][1] >= 45 for index in order]
    # A bed seen from a raised eye is a box drawn in the same view as the body, like one
    # seen from above (the flat side view of a bed would cut through the body).
    boxed = [seen or ("bed" in props and views[index][1] >= MAT_PITCH)
             for index, seen in zip(order, overhead, strict=True)]  # fmt: skip
    # Props span the widest figure, so every frame shows the same floor or bed.
    figure_bounds = [_bounds(marks) for marks in figures]
    left = min(bounds[0] for bounds in figure_bounds) - PAD
    right = max(bounds[2] for bounds in figure_bounds) + PAD
    support = BED_TOP if "bed" in props else 0.0
    top = max(bounds[3] for bounds in figure_bounds)
    # Seen a little from above, a near foot on the floor is drawn lower than a far
    # one: the floor (or bed) goes under the lowest of them.
    sloped = [
        bounds
        for bounds, index, seen in zip(figure_bounds, order, boxed, strict=True)
        if not seen and views[index][1] > 0 and ("bed" in props or views[index][1] < MAT_PITCH)
    ]
    sink = min([0.0, *(bounds[1] + LIMB_WIDTH / 2 - support for bounds in sloped)])
    above = [bounds for bounds, seen in zip(figure_bounds, overhead, strict=True) if seen]
    if above:
        mat_bottom = min(bounds[1] for bounds in above) - PAD
        mat_top = max(bounds[3] for bounds in above) + PAD
        if all(overhead):
            support = mat_bottom
    panels: list[list[Mark]] = []
    bed_span = (left, right, sink)  # the side-view bed under the frames, if any
    # Each panel's box: its scenery's joined to its figure's (measured once, above).
    panel_bounds: list[tuple[float, float, float, float]] = []
    for marks, index, seen, in_box in zip(figures, order, overhead, boxed, strict=True):
        joints = posed[index].points
        scenery: list[Mark] = []
        if in_box and "bed" in props:
            bodies = [_lifted(frames[index], props)]
            if index > 0:
                bodies.append(_lifted(frames[index - 1], props))
            if frames[index].mirror_ghost:
                bodies.append(_lifted(mirrored(frames[index]), props))
            if frames[index].wiper:
                bodies.append(_wiper_reach(frames[index], props, views[index]))
            scenery += _bed_seen_from(views[index], bodies, "pillow" in props)
        elif seen:
            scenery += _seen_from_above(props, joints, left, mat_bottom, right, mat_top)
        elif "bed" in props:
            scenery += list(_shift(_bed(left, right), 0.0, sink))
        elif views[index][1] >= MAT_PITCH:
            # One mat, as long and wide as every frame needs, so the frames match.
            scenery += _mat_seen_from(views[index], [_lifted(each, props) for each in frames])
        if not seen and ("floor" in props or "bed" not in props) and views[index][1] < MAT_PITCH:
            scenery += list(_shift(_floor(left, right), 0.0, sink))
        if "pillow" in props and not in_box:
            scenery += _pillow(joints, support)
        if "wall" in props:
            scenery += _wall(_wall_at(posed), max(top, 0.5))
        if "chair" in props:
            scenery += _chair(joints)
        panels.append(scenery + marks)
        panel_bounds.append(_joined(_bounds(scenery), figure_bounds[len(panel_bounds)]))
    low_x = min(bounds[0] for bounds in panel_bounds) - PAD / 2
    high_x = max(bounds[2] for bounds in panel_bounds) + PAD / 2
    # The key frame's inset goes in its top corner, over the figure, within the width.
    inset_at: tuple[float, float] | None = None
    inset_points: dict[str, Point] = {}
    inset_size = (0.0, 0.0)
    if pose.inset is not None:
        inset_marks, inset_points, *size = _inset(pose)
        inset_size = (size[0], size[1])
        key = len(frames)
        # Low, its box's outline is level with the lowest mark (the bed's feet) at its
        # foot, so the box can be as tall as the key frame.
        foot = panel_bounds[key][1] - INSET_GAP + INSET_LINE / 2
        floor = foot if pose.inset_low else support + LIMB_WIDTH
        inset_at = _place_inset(
            figures[key], low_x + PAD / 2, high_x - PAD / 2, inset_size[0], floor
        )
        placed_inset = list(_shift(inset_marks, *inset_at))
        if pose.inset_low and "bed" in props and not boxed[key]:
            # A low inset stands beside the bed, not over its foot: the key frame's bed
            # ends (with its legs) short of the inset's box.
            bed_left, _, bed_sink = bed_span
            old_bed = list(_shift(_bed(bed_left, bed_span[1]), 0.0, bed_sink))
            kept = [mark for mark in panels[key] if mark not in old_bed]
            end = inset_at[0] - INSET_GAP
            panels[key] = list(_shift(_bed(bed_left, end), 0.0, bed_sink)) + kept
        panels[key] = panels[key] + placed_inset
        panel_bounds[key] = _joined(panel_bounds[key], _bounds(placed_inset))
    # Each frame stands on its own lowest mark (frames seen from the same view share
    # their floor line, so they still line up); all share the widest frame's width.
    shifted = []
    lows: dict[int, float] = {}
    key_low = 0.0
    for count, (index, marks, bounds) in enumerate(zip(order, panels, panel_bounds, strict=True)):
        _, low_y, _, high_y = bounds
        own_low = low_y - PAD / 2
        if count == len(frames):
            key_low = own_low
        lows.setdefault(index, own_low)
        shifted.append(
            Panel(
                frames[index].caption,
                _shift(marks, -low_x, -own_low, places=3),
                round(high_y + PAD / 2 - own_low, 3),
            )
        )
    return Pictogram(
        exercise_id=exercise_id,
        width=high_x - low_x,
        height=max(panel.height for panel in shifted),
        panels=tuple(shifted[: len(frames)]),
        key=shifted[len(frames)],
        key_pair=(shifted[-2], shifted[-1]) if pose.key_pair else None,
        key_pair_only=pose.key_pair_only,
        joints=tuple(
            {
                name: (round(x - low_x, 3), round(y - lows[index], 3))
                for name, (x, y) in seen.points.items()
            }
            for index, seen in enumerate(posed)
        ),
        support=support - lows[0],
        **_inset_fields(inset_at, inset_points, inset_size, low_x, key_low),
    )


def _is_ghost(mark: Mark) -> bool:
    if isinstance(mark, Stroke):
        return mark.gray == GHOST_GRAY
    return mark.line_gray == GHOST_GRAY


def _inset_fields(
    at: tuple[float, float] | None,
    points: dict[str, Point],
    size: tuple[float, float],
    low_x: float,
    low_y: float,
) -> dict[str, Any]:
    """The Pictogram's `inset_joints` and `inset_box`, in the key panel's units."""
    if at is None:
        return {}
    dx, dy = at[0] - low_x, at[1] - low_y
    return {
        "inset_joints": {
            name: (round(x + dx, 3), round(y + dy, 3)) for name, (x, y) in points.items()
        },
        "inset_box": (round(dx, 3), round(dy, 3), round(dx + size[0], 3), round(dy + size[1], 3)),
    }


def load_pose_text(text: bytes, origin: str, exercise_id: str) -> Pictogram:
    """A user's pose file drawn; every problem in it at once as a `ProblemsError`."""
    data, problems = pose_problems(text, origin)
    if problems or data is None:
        raise ProblemsError(origin, problems)
    return build_pictogram(exercise_id, pose_from(data))


@cache
def packaged_pictogram(exercise_id: str) -> Pictogram | None:
    """The pictogram shipped for a catalogue exercise, or None when there is no pose file:
    as drawn ahead of time (`predrawn`) while that is current, else drawn now."""
    from makeplan.predrawn import stored_pictogram

    entry = resources.files("makeplan") / "assets" / "poses" / f"{exercise_id}.toml"
    if not entry.is_file():
        return None
    pose_bytes = entry.read_bytes()
    return stored_pictogram(exercise_id, pose_bytes) or drawn_pictogram(exercise_id, pose_bytes)


def drawn_pictogram(exercise_id: str, pose_bytes: bytes) -> Pictogram:
    """A packaged pose file drawn now."""
    # Read without jsonschema: the tests check every packaged pose file against the schema.
    data = load_toml(pose_bytes, f"assets/poses/{exercise_id}.toml")
    return build_pictogram(exercise_id, pose_from(data))

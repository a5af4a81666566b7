"""Pose data: what a pose file says, and the shapes a pictogram is made of.

A pose file (`assets/poses/<exercise id>.toml`) describes a side view of a
simple body in one to three frames ("Lie flat", "Hug your knees", ...): the
direction of each body part in degrees (0 points right, 90 points up), the
props it needs (floor, bed, pillow, wall, chair) and arrows for the movement.
This module holds that data (`Pose`, `Frame`) and what a pose is drawn as
(`Pictogram`: `Panel`s of `Stroke`s, `Shape`s and `Disc`s in one shared unit
square per frame), and reads pose files into it. Drawing a pose, and the
pictogram of a packaged or user pose file, is `pictograms`.

A library's pose file is checked against `schemas/pose.schema.json` through
`validation`, like plan files, with the rules a schema cannot say added, and
every problem is reported with its line. The packaged pose files are checked
against the schema by the tests, so at run time they are read without jsonschema.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from makeplan.errors import Problem
from makeplan.tomllines import Path as KeyPath
from makeplan.tomllines import line_of
from makeplan.validation import check, field_name, parse

# A view: the eye's yaw and pitch, then how far the picture is turned on paper
# (degrees anticlockwise), so a body seen from the foot of a bed can still lie with
# its head to the left, as the side views draw it. An oblique drawing (an
# illustrator's, not an eye's) adds two numbers: the side view is kept as it is and
# the body's depth is drawn as a slanted line, at `slant` degrees on paper and
# `depth` of its length; its yaw and pitch are those of the eye it most looks like,
# so the props are drawn as from that eye (a mat or bed as a box).
View = tuple[float, float, float] | tuple[float, float, float, float, float]

Point = tuple[float, float]
# A body part's direction: its angle in the side view's plane (0 forward, 90 up),
# and how many degrees it turns out of that plane (format 2; limbs: outwards).
Segment = tuple[float, float]


@dataclass(frozen=True)
class Stroke:
    """An open polyline with round ends; `gray` 0 is black, 1 is white."""

    points: tuple[Point, ...]
    width: float
    gray: float
    accent: bool = False  # drawn in the accent colour when printing in colour


@dataclass(frozen=True)
class Shape:
    """A closed outline, filled and/or stroked."""

    points: tuple[Point, ...]
    fill_gray: float | None
    line_width: float
    line_gray: float
    accent: bool = False


@dataclass(frozen=True)
class Disc:
    """A circle (the head)."""

    x: float
    y: float
    radius: float
    fill_gray: float
    line_width: float
    line_gray: float


Mark = Stroke | Shape | Disc


@dataclass(frozen=True)
class Panel:
    """One frame of a pictogram: shapes in a `width` x `height` box, and its caption."""

    caption: str
    marks: tuple[Mark, ...]
    # Its own height in units, at most the pictogram's: a frame seen from another
    # view (the side, then from above) need not take the tallest frame's room.
    height: float = 0.0


@dataclass(frozen=True)
class Pictogram:
    """All frames of one exercise, sharing one scale: each is `width` x `height` units."""

    exercise_id: str
    width: float
    height: float
    panels: tuple[Panel, ...]
    key: Panel  # one frame that tells the most: the end position over a faint start
    joints: tuple[dict[str, Point], ...]  # each frame's joints, in panel units
    support: float  # the height of the floor or bed top, in panel units
    # The key frame's inset (format 2), if the pose has one: its frame's joints in
    # the key panel's units (drawn smaller, from the inset's view), and its box.
    inset_joints: dict[str, Point] | None = None
    inset_box: tuple[float, float, float, float] | None = None  # left, bottom, right, top
    # Two frames, each over the faint frame it starts from, that a small picture shows
    # one above the other where its row, or its single page, has the height (see
    # `Pose.key_pair`).
    key_pair: tuple[Panel, Panel] | None = None
    # Small pictures never show the key frame alone (see `Pose.key_pair_only`).
    key_pair_only: bool = False

    @property
    def aspect(self) -> float:
        return self.width / self.height


# --- reading pose files ---


@dataclass(frozen=True)
class Frame:
    caption: str
    torso: Segment
    torso_curve: float
    head: Segment
    near_arm: tuple[Segment, Segment]
    far_arm: tuple[Segment, Segment]
    near_leg: tuple[Segment, Segment, Segment]
    far_leg: tuple[Segment, Segment, Segment]
    arrows: tuple[str, ...]
    both_ways: tuple[str, ...]
    ghost: bool
    shoulder_turn: float = 0.0  # the shoulders about the spine: + brings the near one forward
    head_turn: float = 0.0  # the face about the neck: + towards the near side
    solid: tuple[str, ...] = ()  # far limbs drawn dark: they do the work
    view: View | None = None  # this frame's own view, if not the pose's
    turns: tuple[str, ...] = ()  # "head", "shoulders": an arrow round each, the way it turned
    each_side: tuple[str, ...] = ()  # two-headed arcs: a joint to its mirror on the other side
    front: tuple[str, ...] = ()  # limbs drawn over the rest of the body, in this order
    and_back: tuple[str, ...] = ()  # of `arrows`: a head at the start too, "there and back"
    roll: str = ""  # "down", "up": a chain of small arrows along the back, bit by bit
    short: tuple[str, ...] = ()  # of `arrows`: drawn over the last part of the way only
    # Of `arrows`: drawn as an arc round the hip, a gap outside the joint's way, so a
    # trunk folding forward gets its arrow in clear space beyond the head, not over it.
    wide: tuple[str, ...] = ()
    after: int | None = None  # 0-based: the frame this one's ghost and arrows start from
    light: tuple[str, ...] = ()  # near limbs drawn lighter, apart from the dark one at work
    # Half the trunk's depth front to back, in body units (0: a flat trunk): drawn as a
    # block, its front and the side that faces the eye, so turned shoulders read as a
    # chest turned against the hips and not as a narrower flat one.
    trunk_depth: float = 0.0
    # (joint, target): an arrow beside the joint pointing at the target, in clear space
    # off the line between them: "pull this towards that" (the knee towards the chest).
    towards: tuple[str, str] | None = None
    # Each arm's hand, when the pose gives its direction (a third angle): a palm laid
    # flat on a wall, say. None: the arm ends at the wrist, as most pictures draw it.
    near_palm: Segment | None = None
    far_palm: Segment | None = None
    # The faint start is this frame mirrored to the body's other side: a move to one
    # side and then the other shows both ends (the knee hug's knees tipped one way,
    # faint, then the other, dark), not a start hidden under the end.
    mirror_ghost: bool = False
    # Limbs left out of this frame's drawing (and its faint start's): seen from above,
    # arms reaching over the chest to the knees made a knot of bars over the trunk.
    hide: tuple[str, ...] = ()
    # Joints that swing round the hip on paper from the faint start's place to this
    # one: one arc with a head at each end, like a windscreen wiper (seen from above,
    # an arc round the spine is a straight line, read as "raise and lower").
    wiper: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pose:
    props: tuple[str, ...]
    frames: tuple[Frame, ...]
    key_frame: int  # 0-based
    view: View = (0.0, 0.0, 0.0)  # (yaw, pitch, turn on paper): see VIEWS
    # A second, smaller view in the key frame's corner: (frame index, 0-based; its view).
    inset: tuple[int, View] | None = None
    # The frame the key frame's faint start and its arrows come from (0-based), if not
    # the one before it: the buttock stretch's pull over the first lie, knees bent.
    key_start: int | None = None
    # The inset's size against the body's (None: pictograms.INSET_SCALE).
    inset_scale: float | None = None
    # Two frames (0-based, in order) a small picture shows one above the other, in
    # place of the key frame alone, where its row is that tall anyway: the hug, then
    # the tilt at full size (an inset is a third of the height).
    key_pair: tuple[int, int] | None = None
    # The inset stands low, on the key frame's bottom edge over the end of its bed or
    # floor (where a lying body leaves room past its feet), not above the support.
    inset_low: bool = False
    # The inset seen from above draws the pillow under the head but no bed box round the
    # body, so its body is drawn larger in the same room (the key frame shows the bed).
    inset_bare: bool = False
    # The key frame keeps its own arrows under an inset (False: they are left out, so
    # the inset is drawn larger in the room they free; the faint start beside the dark
    # end shows the move).
    inset_key_arrows: bool = True
    # Small pictures show the key pair always, never the key frame alone (its row grows
    # for it): alone, the key frame can be copied in a way that hurts (the double knee
    # lift's legs held out low, without the knees drawn in first, read as lifting both
    # straight legs off the floor).
    key_pair_only: bool = False
    # The key frame alone (printed where the pair has no room) draws its `turns` and
    # its `roll` with a head at each end: it shows the move one way, and its arrows say
    # "and back" (the roll-down's curl: the pair and the large picture show the way up).
    key_both_ways: bool = False


def pose_problems(raw: bytes, origin: str) -> tuple[dict[str, Any] | None, list[Problem]]:
    """A user's pose file: its table (None if unreadable) and every problem in it, by line.

    The schema (`schemas/pose.schema.json`) checks each key; what it cannot
    say is checked here and added to the same list.
    """
    data, lines, problems = parse(raw, origin)
    if data is None:
        return None, problems
    problems += check(data, "pose", origin, lines)
    problems += _rule_problems(data, origin, lines)
    return data, sorted(problems, key=lambda p: (p.line, p.field, p.message))


def _rule_problems(
    data: Mapping[str, Any], origin: str, lines: Mapping[KeyPath, int]
) -> list[Problem]:
    """What a JSON Schema cannot say: the first frame has nothing before it to move
    or turn from, and key_frame must be one of the frames there are."""
    problems: list[Problem] = []

    def add(key: KeyPath, message: str) -> None:
        problems.append(Problem(origin, line_of(lines, key), field_name(key), message))

    frames = data.get("frame")
    if not isinstance(frames, list) or not frames:
        return problems
    first = frames[0]
    if isinstance(first, dict):
        arrows = first.get("arrows")
        if isinstance(arrows, list) and arrows:
            add(
                ("frame", 0, "arrows"),
                "is in the first frame, which has no frame before it to start from; "
                "expected arrows from the second frame on.",
            )
        turns = first.get("turns")
        if isinstance(turns, list) and turns:
            add(
                ("frame", 0, "turns"),
                "is in the first frame, which has no frame before it to turn from; "
                "expected turns from the second frame on.",
            )
        if first.get("ghost") is True:
            add(
                ("frame", 0, "ghost"),
                "is true in the first frame, which has no frame before it to draw; "
                "expected ghost from the second frame on.",
            )
    for index, frame in enumerate(frames):
        for listed in ("and_back", "short", "wide"):
            if not isinstance(frame, dict) or not isinstance(frame.get(listed), list):
                continue
            named = frame.get("arrows")
            with_arrow: list[Any] = named if isinstance(named, list) else []
            stray = [name for name in frame[listed] if name not in with_arrow]
            if stray:
                add(
                    ("frame", index, listed),
                    f"names {', '.join(map(str, stray))}, which has no arrow in this frame; "
                    "expected joints that are also in arrows.",
                )
    if data.get("version") == 1:
        uses: list[KeyPath] = [(key,) for key in FORMAT_2_POSE_KEYS if key in data]
        for index, frame in enumerate(frames):
            if isinstance(frame, dict):
                uses += [("frame", index, key) for key in FORMAT_2_FRAME_KEYS if key in frame]
                uses += [
                    ("frame", index, key)
                    for key in ("torso", "head")
                    if isinstance(frame.get(key), list)
                ]
                uses += [
                    ("frame", index, limb)
                    for limb in ("near_arm", "far_arm", "near_leg", "far_leg")
                    if isinstance(frame.get(limb), list)
                    and (
                        any(isinstance(part, list) for part in frame[limb])
                        # An arm's third angle, its hand, is format 2's too.
                        or (limb.endswith("arm") and len(frame[limb]) == 3)
                    )
                ]
        for path in uses:
            add(path, "is part of pose format 2; expected version = 2 at the top of the file.")
    for index, frame in enumerate(frames):
        after = frame.get("after") if isinstance(frame, dict) else None
        if isinstance(after, int) and not isinstance(after, bool) and after >= index + 1:
            add(
                ("frame", index, "after"),
                f"is {after}, but this is frame {index + 1}; expected an earlier frame.",
            )
    count = len(frames)
    there = "is 1 frame" if count == 1 else f"are {count} frames"
    expected = "1" if count == 1 else f"a frame number from 1 to {count}"
    key = data.get("key_frame")
    if isinstance(key, int) and not isinstance(key, bool) and count < key <= 3:
        add(("key_frame",), f"is {key}, but there {there}; expected {expected}.")
    # The key frame's number as drawn: as given, else the last frame with arrows.
    shown_key = key if isinstance(key, int) and not isinstance(key, bool) else None
    if shown_key is None:
        moving = [
            number
            for number, frame in enumerate(frames, start=1)
            if isinstance(frame, dict) and frame.get("arrows")
        ]
        shown_key = moving[-1] if moving else count
    start = data.get("key_start")
    if isinstance(start, int) and not isinstance(start, bool):
        if count < start <= 3:
            add(("key_start",), f"is {start}, but there {there}; expected {expected}.")
        elif 1 <= start <= 3 and start >= shown_key:
            add(
                ("key_start",),
                f"is {start}, but the key frame is {shown_key}; "
                "expected a frame before the key frame.",
            )
    pair = data.get("key_pair")
    # Only a pair the schema passes (two numbers from 2 to 3) is checked against the frames.
    if (
        isinstance(pair, list)
        and len(pair) == 2
        and all(isinstance(n, int) and not isinstance(n, bool) and 2 <= n <= 3 for n in pair)
    ):
        if max(pair) > count:
            add(("key_pair",), f"is {pair}, but there {there}; expected frames from 2 to {count}.")
        elif pair[0] >= pair[1]:
            add(("key_pair",), f"is {pair}; expected two frames in order, like [2, 3].")
    if data.get("key_pair_only") is True and pair is None:
        add(("key_pair_only",), "is true, but there is no key_pair; add key_pair = [2, 3].")
    if data.get("key_both_ways") is True:
        key_table = frames[shown_key - 1] if 1 <= shown_key <= count else None
        if isinstance(key_table, dict) and not (key_table.get("turns") or key_table.get("roll")):
            add(
                ("key_both_ways",),
                f"is true, but the key frame ({shown_key}) has no turns and no roll; "
                'expected turns = ["head"] or roll = "down" in that frame, or no key_both_ways.',
            )
    inset = data.get("inset")
    shown = inset.get("frame") if isinstance(inset, dict) else None
    if isinstance(shown, int) and not isinstance(shown, bool) and count < shown <= 3:
        add(("inset", "frame"), f"is {shown}, but there {there}; expected {expected}.")
    return problems


# Named views (yaw, pitch): the side, from in front of the figure, from above.
VIEWS: dict[str, View] = {
    "side": (0.0, 0.0, 0.0),
    "front": (-90.0, 0.0, 0.0),
    "above": (0.0, 90.0, 0.0),
}
# Keys that only format 2 has.
FORMAT_2_POSE_KEYS = ("view", "inset", "key_start", "key_pair", "key_pair_only", "key_both_ways")
FORMAT_2_FRAME_KEYS = (
    "shoulder_turn",
    "head_turn",
    "solid",
    "view",
    "turns",
    "each_side",
    "front",
    "and_back",
    "roll",
    "short",
    "wide",
    "after",
    "light",
    "towards",
    "trunk_depth",
    "mirror_ghost",
    "hide",
    "wiper",
)


def pose_from(data: Mapping[str, Any]) -> Pose:
    """The pose of a table that has passed the schema and the rules beside it."""
    frames = []
    for raw in data["frame"]:
        torso = _segment(raw["torso"])
        frames.append(
            Frame(
                caption=raw["caption"].strip(),
                torso=torso,
                torso_curve=float(raw.get("torso_curve", 0.0)),
                head=_segment(raw.get("head", list(torso))),
                near_arm=_arm(raw["near_arm"]),
                far_arm=_arm(raw["far_arm"]),
                near_leg=_leg(raw["near_leg"]),
                far_leg=_leg(raw["far_leg"]),
                arrows=tuple(raw.get("arrows", ())),
                both_ways=tuple(raw.get("both_ways", ())),
                ghost=raw.get("ghost", False),
                shoulder_turn=float(raw.get("shoulder_turn", 0.0)),
                head_turn=float(raw.get("head_turn", 0.0)),
                solid=tuple(raw.get("solid", ())),
                view=_view(raw["view"]) if "view" in raw else None,
                turns=tuple(raw.get("turns", ())),
                each_side=tuple(raw.get("each_side", ())),
                front=tuple(raw.get("front", ())),
                and_back=tuple(raw.get("and_back", ())),
                roll=raw.get("roll", ""),
                short=tuple(raw.get("short", ())),
                wide=tuple(raw.get("wide", ())),
                after=raw["after"] - 1 if "after" in raw else None,
                light=tuple(raw.get("light", ())),
                trunk_depth=float(raw.get("trunk_depth", 0.0)),
                towards=(raw["towards"][0], raw["towards"][1]) if "towards" in raw else None,
                near_palm=_palm(raw["near_arm"]),
                far_palm=_palm(raw["far_arm"]),
                mirror_ghost=raw.get("mirror_ghost", False),
                hide=tuple(raw.get("hide", ())),
                wiper=tuple(raw.get("wiper", ())),
            )
        )
    moving = [index for index, frame in enumerate(frames, start=1) if frame.arrows]
    key_frame = data.get("key_frame", moving[-1] if moving else len(frames))
    angles = _view(data.get("view", "side"))
    raw_inset = data.get("inset")
    inset = (raw_inset["frame"] - 1, _view(raw_inset["view"])) if raw_inset else None
    start = data.get("key_start")
    return Pose(
        tuple(data.get("props", ())),
        tuple(frames),
        key_frame - 1,
        angles,
        inset,
        None if start is None else start - 1,
        float(raw_inset["scale"]) if raw_inset and "scale" in raw_inset else None,
        (pair[0] - 1, pair[1] - 1) if (pair := data.get("key_pair")) else None,
        bool(raw_inset.get("low", False)) if raw_inset else False,
        bool(raw_inset.get("bare", False)) if raw_inset else False,
        bool(raw_inset.get("key_arrows", True)) if raw_inset else True,
        bool(data.get("key_pair_only", False)),
        bool(data.get("key_both_ways", False)),
    )


def _view(value: Any) -> View:
    if isinstance(value, str):
        return VIEWS[value]
    if isinstance(value, dict):
        return oblique_view(float(value["oblique"]), float(value["depth"]))
    return float(value[0]), float(value[1]), float(value[2]) if len(value) > 2 else 0.0


def oblique_view(slant: float, depth: float) -> View:
    """An oblique drawing: the side view as it is, the body's depth (its near side)
    drawn `depth` of its length along a line at `slant` degrees on paper. Its yaw and
    pitch are those of the eye whose line of sight that drawing runs along."""
    angle = math.radians(slant)
    across, up = -depth * math.cos(angle), -depth * math.sin(angle)
    yaw = math.degrees(math.atan2(-across, 1.0))
    pitch = math.degrees(math.atan2(up, math.hypot(across, 1.0)))
    return yaw, pitch, 0.0, slant, depth


def _segment(value: Any) -> Segment:
    """An angle alone (in the side view's plane), or [angle, degrees out of it]."""
    if isinstance(value, list):
        return float(value[0]), float(value[1])
    return float(value), 0.0


def _arm(angles: list[Any]) -> tuple[Segment, Segment]:
    return _segment(angles[0]), _segment(angles[1])


def _palm(angles: list[Any]) -> Segment | None:
    """An arm's third angle, the hand (a palm flat on a wall), if it has one."""
    return _segment(angles[2]) if len(angles) == 3 else None


def _leg(angles: list[Any]) -> tuple[Segment, Segment, Segment]:
    thigh, shin = _segment(angles[0]), _segment(angles[1])
    # Without a third angle, the foot is at a right angle to the shin, toes forward.
    foot = _segment(angles[2]) if len(angles) == 3 else (shin[0] + 90, shin[1])
    return thigh, shin, foot

"""The body of a pictogram in three dimensions, and the view it is drawn from.

A pose file gives each body part a direction: an angle in the side view's
plane (0 forward, 90 up, as the figure faces right) and, from format 2 on,
how far it turns out of that plane (`[angle, side]`, side in degrees). A
knee can then open to the side, a foot rest on the other thigh, legs cross,
the shoulders turn about the spine. Joints are worked out in 3-D (x forward,
y up, z towards the near side of the body), then projected to the view the
exercise needs: the side for lifts and bends, the front or from above where
the movement is a twist or a tilt. The projection is orthographic, so one
body unit is the same length on paper in every view: pictures share a scale.

Pure geometry: no drawing, no files.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from makeplan.poses import Frame, Segment, View

Vec = tuple[float, float, float]

# Body proportions, in units of roughly a standing person's height.
TORSO = 0.31
NECK = 0.045
HEAD_RADIUS = 0.066
UPPER_ARM = 0.16
FOREARM = 0.15
THIGH = 0.245
SHIN = 0.235
FOOT = 0.075
HAND = 0.065  # a hand drawn on its own (a palm on a wall): from the wrist to the fingertips
HIP_HALF = 0.05  # from the middle of the hips to each hip joint
SHOULDER_HALF = 0.075


@dataclass(frozen=True)
class Placed:
    """A joint seen from the view: where it is on paper, and how near the eye."""

    x: float
    y: float
    depth: float


def _direction(segment: Segment, outward: float = 1.0) -> Vec:
    angle, side = math.radians(segment[0]), math.radians(segment[1]) * outward
    return (
        math.cos(side) * math.cos(angle),
        math.cos(side) * math.sin(angle),
        math.sin(side),
    )


def _add(point: Vec, direction: Vec, length: float) -> Vec:
    return (
        point[0] + direction[0] * length,
        point[1] + direction[1] * length,
        point[2] + direction[2] * length,
    )


def rotate(vector: Vec, axis: Vec, degrees: float) -> Vec:
    """`vector` turned about the unit `axis` by `degrees` (right-hand rule)."""
    angle = math.radians(degrees)
    cos, sin = math.cos(angle), math.sin(angle)
    ax, ay, az = axis
    vx, vy, vz = vector
    dot = ax * vx + ay * vy + az * vz
    cross = (ay * vz - az * vy, az * vx - ax * vz, ax * vy - ay * vx)
    return (
        vx * cos + cross[0] * sin + ax * dot * (1 - cos),
        vy * cos + cross[1] * sin + ay * dot * (1 - cos),
        vz * cos + cross[2] * sin + az * dot * (1 - cos),
    )


def _unit(vector: Vec) -> Vec:
    length = math.sqrt(sum(part * part for part in vector)) or 1.0
    return (vector[0] / length, vector[1] / length, vector[2] / length)


def joints_3d(frame: Frame) -> dict[str, Vec]:
    """Every joint with the middle of the hips at the origin.

    Besides the joints a pose file names (hip, shoulder, head, elbows,
    hands, knees, ankles, toes), the hip and shoulder joints of each side
    (`near_hip`, `far_shoulder`...) and the tip of the nose (`face`), which
    shows which way the head is turned; the fingertips (`near_fingers`...) of
    a hand the pose gives a direction of its own; and, for a trunk with depth,
    the corners of its block (`near_shoulder_front`, `far_hip_back`...).
    """
    hip: Vec = (0.0, 0.0, 0.0)
    spine = _direction(frame.torso)
    shoulder = _add(hip, spine, TORSO)
    # The shoulders turn about the spine: positive brings the near shoulder forward.
    across = _unit(rotate((0.0, 0.0, 1.0), spine, frame.shoulder_turn))
    neck = _direction(frame.head)
    head = _add(shoulder, neck, NECK + HEAD_RADIUS)
    # The face looks the way the front of the chest does, turned by head_turn about
    # the neck (positive: towards the near side).
    chest_front = _unit(
        (
            spine[1] * across[2] - spine[2] * across[1],
            spine[2] * across[0] - spine[0] * across[2],
            spine[0] * across[1] - spine[1] * across[0],
        )
    )
    # A trunk with depth (`trunk_depth`): the corners of a block from the hips, which
    # face the way the pelvis does, to the shoulders, which face the way the chest does.
    block: dict[str, Vec] = {}
    if frame.trunk_depth > 0:
        hip_front = _unit((spine[1], -spine[0], 0.0))  # spine x (0, 0, 1)
        for side, outward in (("near", 1.0), ("far", -1.0)):
            for level, middle, side_way, front in (
                ("hip", hip, (0.0, 0.0, 1.0), hip_front),
                ("shoulder", shoulder, across, chest_front),
            ):
                half = HIP_HALF if level == "hip" else SHOULDER_HALF
                edge = _add(middle, side_way, half * outward)
                block[f"{side}_{level}_front"] = _add(edge, front, frame.trunk_depth)
                block[f"{side}_{level}_back"] = _add(edge, front, -frame.trunk_depth)
    # A head lifted or bowed from the line of the spine takes the face with it.
    bend_axis = (
        spine[1] * neck[2] - spine[2] * neck[1],
        spine[2] * neck[0] - spine[0] * neck[2],
        spine[0] * neck[1] - spine[1] * neck[0],
    )
    bend_sine = math.sqrt(sum(part * part for part in bend_axis))
    if bend_sine > 1e-9:
        bend = math.degrees(
            math.atan2(bend_sine, sum(a * b for a, b in zip(spine, neck, strict=True)))
        )
        chest_front = rotate(chest_front, _unit(bend_axis), bend)
    face_direction = rotate(chest_front, neck, -frame.head_turn)
    joints: dict[str, Vec] = {
        "hip": hip,
        "shoulder": shoulder,
        "head": head,
        "face": _add(head, face_direction, HEAD_RADIUS * 1.5),
        **block,
    }
    for side, outward in (("near", 1.0), ("far", -1.0)):
        arm = frame.near_arm if side == "near" else frame.far_arm
        leg = frame.near_leg if side == "near" else frame.far_leg
        shoulder_joint = _add(shoulder, across, SHOULDER_HALF * outward)
        hip_joint = _add(hip, (0.0, 0.0, 1.0), HIP_HALF * outward)
        elbow = _add(shoulder_joint, _direction(arm[0], outward), UPPER_ARM)
        knee = _add(hip_joint, _direction(leg[0], outward), THIGH)
        ankle = _add(knee, _direction(leg[1], outward), SHIN)
        joints[f"{side}_shoulder"] = shoulder_joint
        joints[f"{side}_hip"] = hip_joint
        joints[f"{side}_elbow"] = elbow
        joints[f"{side}_hand"] = _add(elbow, _direction(arm[1], outward), FOREARM)
        palm = frame.near_palm if side == "near" else frame.far_palm
        if palm is not None:
            joints[f"{side}_fingers"] = _add(
                joints[f"{side}_hand"], _direction(palm, outward), HAND
            )
        joints[f"{side}_knee"] = knee
        joints[f"{side}_ankle"] = ankle
        joints[f"{side}_toe"] = _add(ankle, _direction(leg[2], outward), FOOT)
    return joints


def mirrored(frame: Frame) -> Frame:
    """`frame` mirrored across the body's own middle plane (its sides swapped): every
    part that turns out of the side view's plane turns the other way, so knees tipped
    to the right tip as far to the left."""

    def other(segment: Segment) -> Segment:
        return segment[0], -segment[1]

    def palm(segment: Segment | None) -> Segment | None:
        return None if segment is None else other(segment)

    return replace(
        frame,
        torso=other(frame.torso),
        head=other(frame.head),
        near_arm=(other(frame.near_arm[0]), other(frame.near_arm[1])),
        far_arm=(other(frame.far_arm[0]), other(frame.far_arm[1])),
        near_leg=(other(frame.near_leg[0]), other(frame.near_leg[1]), other(frame.near_leg[2])),
        far_leg=(other(frame.far_leg[0]), other(frame.far_leg[1]), other(frame.far_leg[2])),
        shoulder_turn=-frame.shoulder_turn,
        head_turn=-frame.head_turn,
        near_palm=palm(frame.near_palm),
        far_palm=palm(frame.far_palm),
    )


def project(point: Vec, view: View) -> Placed:
    """Where `point` lands on paper seen from `view` (yaw, pitch, turn on paper), and
    its depth (larger is nearer the eye).

    An oblique view (five numbers) keeps the side view as it is and draws depth along
    a slanted line: length stays level and up stays upright, so legs lifted off the
    floor still show as in the side view, and a knee opened out to the side moves
    along the slant instead of hiding in the paper's depth (as illustrators draw)."""
    x, y, z = point
    if len(view) == 5:
        slant, share = math.radians(view[3]), view[4]
        across, up = share * math.cos(slant), share * math.sin(slant)
        # Nearer is along the line of sight that the slant draws as one point.
        reach = math.sqrt(across * across + up * up + 1.0)
        return Placed(x + z * across, y + z * up, (z - x * across - y * up) / reach)
    yaw, pitch = math.radians(view[0]), math.radians(view[1])
    # Turn about the vertical, then raise the eye.
    x1 = x * math.cos(yaw) + z * math.sin(yaw)
    z1 = -x * math.sin(yaw) + z * math.cos(yaw)
    y2 = y * math.cos(pitch) - z1 * math.sin(pitch)
    z2 = y * math.sin(pitch) + z1 * math.cos(pitch)
    if not view[2]:
        return Placed(x1, y2, z2)
    turn = math.radians(view[2])
    return Placed(
        x1 * math.cos(turn) - y2 * math.sin(turn), x1 * math.sin(turn) + y2 * math.cos(turn), z2
    )

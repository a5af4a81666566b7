"""The catalogue's pictures drawn ahead of time, so a sheet does not draw them again.

Drawing a pose (`pictograms.build_pictogram`) is the costliest part of a sheet made
in a fresh process: about 3.5 ms a picture, where reading the same shapes back from
JSON takes under 1 ms. `assets/predrawn.json` holds every packaged pose's pictogram,
written by `python -P -m makeplan.predrawn` from the pose files and this code.

A stale entry is never used: the file records a digest of the drawing code (the
modules below) and of each pose file's bytes, and a picture is read from it only
when both still match; otherwise it is drawn from its pose file as before. The tests
check that the file is current and that what it gives equals a fresh drawing, so
the sheets are byte for byte the same either way. A library's own pose files are
always drawn.
"""

from __future__ import annotations

import hashlib
import json
import sys
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from makeplan.poses import Disc, Mark, Panel, Pictogram, Point, Shape, Stroke

# The modules whose code decides how a pose is drawn: a change to any of them makes
# every stored picture stale.
DRAWING_MODULES = ("pictograms.py", "figure.py", "poses.py")
FILE_NAME = "predrawn.json"
FORMAT = 1


@cache
def code_digest() -> str | None:
    """A digest of the drawing code as installed, or None if a module cannot be read."""
    digest = hashlib.sha256(f"format {FORMAT}".encode())
    for name in DRAWING_MODULES:
        entry = resources.files("makeplan") / name
        try:
            digest.update(entry.read_bytes())
        except OSError:
            return None
    return digest.hexdigest()


def pose_digest(pose_bytes: bytes) -> str:
    return hashlib.sha256(pose_bytes).hexdigest()


@cache
def _stored() -> dict[str, Any]:
    """The pictures file, or an empty one if it is missing, unreadable or stale."""
    entry = resources.files("makeplan") / "assets" / FILE_NAME
    try:
        data = json.loads(entry.read_bytes())
    except (OSError, ValueError):
        return {}
    code = code_digest()
    if code is None or not isinstance(data, dict) or data.get("code") != code:
        return {}
    pictures = data.get("pictures")
    return pictures if isinstance(pictures, dict) else {}


def stored_pictogram(exercise_id: str, pose_bytes: bytes) -> Pictogram | None:
    """The stored picture of this pose file, or None when there is none or it is stale."""
    entry = _stored().get(exercise_id)
    if entry is None or entry.get("pose") != pose_digest(pose_bytes):
        return None
    return decode(exercise_id, entry["picture"])


# --- to and from JSON (floats round-trip exactly: json writes their repr) ---


def _points(points: list[list[float]]) -> tuple[Point, ...]:
    return tuple((x, y) for x, y in points)


def _encode_mark(mark: Mark) -> list[Any]:
    if isinstance(mark, Stroke):
        return ["stroke", mark.points, mark.width, mark.gray, mark.accent]
    if isinstance(mark, Shape):
        return ["shape", mark.points, mark.fill_gray, mark.line_width, mark.line_gray, mark.accent]
    return ["disc", mark.x, mark.y, mark.radius, mark.fill_gray, mark.line_width, mark.line_gray]


def _decode_mark(data: list[Any]) -> Mark:
    kind, *fields = data
    if kind == "stroke":
        return Stroke(_points(fields[0]), *fields[1:])
    if kind == "shape":
        return Shape(_points(fields[0]), *fields[1:])
    return Disc(*fields)


def _encode_panel(panel: Panel) -> list[Any]:
    return [panel.caption, [_encode_mark(mark) for mark in panel.marks], panel.height]


def _decode_panel(data: list[Any]) -> Panel:
    caption, marks, height = data
    return Panel(caption, tuple(_decode_mark(mark) for mark in marks), height)


def _joints(data: dict[str, list[float]]) -> dict[str, Point]:
    return {name: (x, y) for name, (x, y) in data.items()}


def encode(picture: Pictogram) -> dict[str, Any]:
    return {
        "width": picture.width,
        "height": picture.height,
        "panels": [_encode_panel(panel) for panel in picture.panels],
        "key": _encode_panel(picture.key),
        "joints": picture.joints,
        "support": picture.support,
        "inset_joints": picture.inset_joints,
        "inset_box": picture.inset_box,
        "key_pair": None if picture.key_pair is None else [
            _encode_panel(panel) for panel in picture.key_pair
        ],
        "key_pair_only": picture.key_pair_only,
    }  # fmt: skip


def decode(exercise_id: str, data: dict[str, Any]) -> Pictogram:
    pair = data["key_pair"]
    box = data["inset_box"]
    return Pictogram(
        exercise_id=exercise_id,
        width=data["width"],
        height=data["height"],
        panels=tuple(_decode_panel(panel) for panel in data["panels"]),
        key=_decode_panel(data["key"]),
        joints=tuple(_joints(joints) for joints in data["joints"]),
        support=data["support"],
        inset_joints=None if data["inset_joints"] is None else _joints(data["inset_joints"]),
        inset_box=None if box is None else (box[0], box[1], box[2], box[3]),
        key_pair=None if pair is None else (_decode_panel(pair[0]), _decode_panel(pair[1])),
        key_pair_only=data["key_pair_only"],
    )


def current_text() -> str:
    """The pictures file as this code and the packaged pose files make it."""
    from makeplan.pictograms import drawn_pictogram

    poses = resources.files("makeplan") / "assets" / "poses"
    pictures: dict[str, Any] = {}
    for entry in sorted(poses.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        exercise_id = entry.name.removesuffix(".toml")
        pose_bytes = entry.read_bytes()
        picture = drawn_pictogram(exercise_id, pose_bytes)
        pictures[exercise_id] = {"pose": pose_digest(pose_bytes), "picture": encode(picture)}
    # One line per picture: a change shows as a changed line in a diff.
    inner = ",\n".join(
        f"  {json.dumps(key)}: {json.dumps(value, separators=(',', ':'))}"
        for key, value in pictures.items()
    )
    header = f'"format": {FORMAT},\n"code": {json.dumps(code_digest())},\n'
    return "{\n" + header + '"pictures": {\n' + inner + "\n}\n}\n"


def main() -> None:
    """Write `assets/predrawn.json` in the checkout (run from the project's root, after
    installing it, so the installed code and pose files are the checkout's)."""
    target = Path("assets") / FILE_NAME
    if not target.parent.is_dir():
        sys.exit("Error: run this from the project's root folder (no assets/ here).")
    target.write_text(current_text(), encoding="utf-8")
    print(f"Wrote {target}")


if __name__ == "__main__":
    main()

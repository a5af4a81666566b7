"""`makeplan check`: every problem in plan, library and pose files, with its line.

A path is a library folder, a plan file (it has `version` and no `frame`, or
`[[exercise]]`), a pose file (it has `[[frame]]`) or an exercise file (it has
`id`). All library paths given are read together, as `build` would read them
with --library, so an id used twice across them is found. Unlike a build, the
check also opens the files they name (covers, logo, photos, pose files), so a
broken one is found before a sheet is needed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from makeplan.errors import DataError, MakeplanError, Problem
from makeplan.inputs import read_input
from makeplan.library import library_files, read_libraries
from makeplan.pictures import picture_problems
from makeplan.planfile import plan_problems
from makeplan.poses import load_pose_text
from makeplan.tomllines import line_of
from makeplan.validation import parse


def check_paths(paths: Sequence[Path]) -> tuple[list[Problem], int]:
    """All problems in `paths` (each once, in the order found), and how many files were read."""
    problems: list[Problem] = []
    libraries: list[Path] = []
    checked = 0
    for path in paths:
        if path.is_dir():
            libraries.append(path)
            checked += len(library_files(path)[0])
            continue
        try:
            raw = read_input(path, str(path), "a plan or exercise .toml file", MakeplanError)
        except MakeplanError as exc:
            problems.append(Problem(str(path), 1, "file", exc.message.removeprefix(f"{path}: ")))
            continue
        checked += 1
        data, lines, syntax = parse(raw, str(path))
        if data is None:
            problems += syntax
        elif "frame" in data:
            problems += _pose_problems(path, raw, lines)
        elif "version" in data or "exercise" in data:
            problems += plan_problems(path, deep=True)[1]
        elif "id" in data:
            libraries.append(path)
        else:
            problems.append(
                Problem(
                    str(path),
                    1,
                    "file",
                    "is neither a plan, an exercise nor a pose file; expected 'version = 1' "
                    "(a plan), an 'id' (an exercise) or [[frame]] tables (a pose).",
                )
            )
    if libraries:
        exercises, found = read_libraries(libraries)
        problems += found + picture_problems(exercises)
    return list(dict.fromkeys(problems)), checked


def _pose_problems(path: Path, raw: bytes, lines: Any) -> list[Problem]:
    """A pose file's first problem (pose files are checked by poses.py, which stops at one)."""
    try:
        load_pose_text(raw, str(path), path.stem)
    except DataError as exc:
        message = exc.message.removeprefix(f"{path}: ")
        # Messages name the field as "frame 2: torso ..." or "props ..."; find its line.
        in_frame = re.match(r"frame (\d+): (\w+)", message)
        if in_frame:
            keys: tuple[str | int, ...] = ("frame", int(in_frame[1]) - 1, in_frame[2])
        else:
            keys = (message.split(" ", 1)[0],)
        return [Problem(str(path), line_of(lines, keys), "pose", message)]
    return []

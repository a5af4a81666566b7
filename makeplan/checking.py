"""`makeplan check`: every problem in plan, library, layout and pose files, with its line.

A path is a library folder, a pose file (it has `[[frame]]`), a plan file (it
has `version`, or `[[exercise]]` tables), a layout file (it has `extends` or a
layout's table: `[page]`, `[text]`, `[exercise]`, `[boxes]`, `[picture]`,
`[logo]`) or an exercise file (it has `id`). Each is checked against its
schema in `makeplan/schemas/`. All library paths given are read together, as
`build` would read them with --library, so an id used twice across them is
found. Unlike a build, the check also opens the files they name (covers, logo,
photos, pose files), so a broken one is found before a sheet is needed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from makeplan.errors import MakeplanError, Problem
from makeplan.inputs import read_input
from makeplan.layouts import layout_problems
from makeplan.library import library_files, read_libraries
from makeplan.pictures import picture_problems
from makeplan.planfile import plan_problems
from makeplan.poses import pose_problems
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
            raw = read_input(
                path, str(path), "a plan, exercise, layout or pose .toml file", MakeplanError
            )
        except MakeplanError as exc:
            problems.append(Problem(str(path), 1, "file", exc.message.removeprefix(f"{path}: ")))
            continue
        checked += 1
        data, _, syntax = parse(raw, str(path))
        if data is None:
            problems += syntax
        elif "frame" in data:
            problems += pose_problems(raw, str(path))[1]
        elif "version" not in data and _is_layout(data):
            problems += layout_problems(path, raw)
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
                    "is neither a plan, an exercise, a layout nor a pose file; expected "
                    "'version = 1' (a plan), an 'id' (an exercise), 'extends' or tables "
                    "like [page] and [text] (a layout) or [[frame]] tables (a pose).",
                )
            )
    if libraries:
        exercises, found = read_libraries(libraries)
        problems += found + picture_problems(exercises)
    return list(dict.fromkeys(problems)), checked


def _is_layout(data: dict[str, Any]) -> bool:
    """Whether a file's top-level keys are a layout's (a plan's [[exercise]] is a list)."""
    tables = ("page", "text", "exercise", "boxes", "picture", "logo")
    return "extends" in data or any(isinstance(data.get(key), dict) for key in tables)

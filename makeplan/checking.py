"""`makeplan check`: every problem in plan and library files, with its line.

A path is a library folder, a plan file (it has `version` or `[[exercise]]`)
or an exercise file (it has `id`). Unlike a build, the check also opens the
files they name (covers, logo, photos, pose files), so a broken one is found
before a sheet is needed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from makeplan.errors import MakeplanError, Problem
from makeplan.inputs import read_input


def check_paths(paths: Sequence[Path]) -> tuple[list[Problem], int]:
    """All problems in `paths`, in the order given, and how many files were checked."""
    from makeplan.library import library_files, picture_problems, read_libraries
    from makeplan.planfile import plan_problems
    from makeplan.validation import parse

    problems: list[Problem] = []
    checked = 0
    for path in paths:
        if path.is_dir():
            files, missing = library_files(path)
            checked += len(files)
            problems += missing
            exercises, found = read_libraries([path])
            problems += found
            problems += picture_problems(exercises)
            continue
        try:
            raw = read_input(path, str(path), "a plan or exercise .toml file", MakeplanError)
        except MakeplanError as exc:
            problems.append(Problem(str(path), 1, "file", exc.message.removeprefix(f"{path}: ")))
            continue
        checked += 1
        data, _, syntax = parse(raw, str(path))
        if data is None:
            problems += syntax
        elif "version" in data or "exercise" in data:
            problems += plan_problems(path, deep=True)[1]
        elif "id" in data:
            exercises, found = read_libraries([path])
            problems += found
            problems += picture_problems(exercises)
        else:
            problems.append(
                Problem(
                    str(path),
                    1,
                    "file",
                    "is neither a plan nor an exercise; expected 'version = 1' (a plan file) "
                    "or an 'id' (an exercise file).",
                )
            )
    return problems, checked

"""The exercise catalogue: the built-in exercises, plus any from a clinic's library.

The built-in catalogue is one TOML file per exercise in `makeplan/exercises/`,
read with importlib.resources so it is found wherever the package is
installed. Those files are checked against `schemas/exercise.schema.json` by
the tests, so at run time they are read without loading jsonschema (which
would cost more than drawing a sheet). Library files are the user's, and are
always checked (see `library`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from importlib import resources
from pathlib import Path

from makeplan.errors import DataError, InputFileError, ProblemsError
from makeplan.library import read_libraries
from makeplan.model import Exercise, exercise_from
from makeplan.schema import load_toml


def builtin_files() -> list[tuple[str, bytes]]:
    """(origin, content) of every packaged exercise file, by file name."""
    folder = resources.files("makeplan") / "exercises"
    return [
        (f"makeplan/exercises/{entry.name}", entry.read_bytes())
        for entry in sorted(folder.iterdir(), key=lambda item: item.name)
        if entry.name.endswith(".toml")
    ]


@cache
def builtin_catalogue() -> tuple[Exercise, ...]:
    """All packaged exercises, in a stable order (by file name)."""
    exercises = []
    for origin, content in builtin_files():
        exercise = exercise_from(load_toml(content, origin))
        if origin != f"makeplan/exercises/{exercise.id}.toml":
            raise DataError(f"{origin}: id {exercise.id!r} must match the file name.")
        exercises.append(exercise)
    if not exercises:
        raise DataError("The packaged exercise catalogue is empty; reinstall makeplan.")
    return tuple(exercises)


def load_catalogue(libraries: Sequence[Path] = ()) -> tuple[Exercise, ...]:
    """The built-in exercises with the libraries' added, or put in place of the same id."""
    if not libraries:
        return builtin_catalogue()
    return _with_libraries(tuple(libraries))


def _with_libraries(libraries: tuple[Path, ...]) -> tuple[Exercise, ...]:
    for path in libraries:
        if not path.exists():
            raise InputFileError(
                f"--library {path}: no such file or folder; give an exercise .toml file "
                "or a folder of them."
            )
    added, problems = read_libraries(libraries)
    if problems:
        named = str(libraries[0]) if len(libraries) == 1 else problems[0].file
        raise ProblemsError(named, problems)
    return with_added(added)


def with_added(added: Sequence[Exercise]) -> tuple[Exercise, ...]:
    """The built-in exercises with library exercises added, or put in place of the same id."""
    by_id = {exercise.id: exercise for exercise in builtin_catalogue()}
    builtin_ids = set(by_id)
    for exercise in added:
        # dicts keep the built-in's place when replaced
        by_id[exercise.id] = replace(exercise, replaces_builtin=exercise.id in builtin_ids)
    return tuple(by_id.values())

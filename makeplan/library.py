"""Reads a clinic's own exercises: library files and folders given with --library.

A library file has the same fields as a built-in exercise file, and may name
its own picture: `image = "photo.jpg"` or `pose = "pose.toml"`, relative to
the file. Every problem in every file is collected (not just the first), so
`makeplan check` and `build` can list them all with their lines.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from makeplan import markup
from makeplan.errors import MakeplanError, Problem
from makeplan.inputs import read_input
from makeplan.markup import MARKUP_FIELDS, PLAIN_FIELDS
from makeplan.model import (
    Exercise,
    PictureSource,
    added_not_found,
    exercise_from,
    hold_too_long,
)
from makeplan.tomllines import line_of
from makeplan.validation import check, field_name, parse


def library_files(path: Path) -> tuple[list[Path], list[Problem]]:
    """The exercise files a --library path stands for: itself, or a folder's .toml files."""
    if path.is_dir():
        files = sorted(
            entry
            for entry in path.iterdir()
            if entry.suffix == ".toml" and not entry.name.startswith(".") and entry.is_file()
        )
        if not files:
            return [], [
                Problem(
                    str(path),
                    1,
                    "library",
                    "the folder has no .toml files; expected exercise files.",
                )
            ]
        return files, []
    if not path.exists():
        return [], [Problem(str(path), 1, "library", "no such file or folder; check the path.")]
    return [path], []


def read_library_file(
    path: Path,
) -> tuple[Exercise | None, list[Problem], Mapping[tuple[str | int, ...], int]]:
    """One exercise from a library file, or the problems that stop it being used.

    Also returns where each key is written, for problems found later.
    """
    origin = str(path)
    try:
        raw = read_input(path, origin, "an exercise .toml file", MakeplanError)
    except MakeplanError as exc:
        return None, [Problem(origin, 1, "file", exc.message.removeprefix(f"{origin}: "))], {}
    data, lines, problems = parse(raw, origin)
    if data is None:
        return None, problems, lines
    if "version" in data and "id" not in data:
        return (
            None,
            [
                Problem(
                    origin,
                    1,
                    "file",
                    "is a plan file, not an exercise file; give it with --plan "
                    "(a library holds exercise files).",
                )
            ],
            lines,
        )
    problems = check(data, "exercise", origin, lines)
    problems += markup_problems(data, origin, lines)
    hold, longest = data.get("hold_seconds"), data.get("max_hold_seconds")
    if hold_too_long(hold, longest):
        problems.append(
            Problem(
                origin,
                line_of(lines, ("hold_seconds",)),
                "hold_seconds",
                f"is {hold}, longer than max_hold_seconds ({longest}); expected at most {longest}.",
            )
        )
    for where, what in added_not_found(data):
        problems.append(Problem(origin, line_of(lines, where), field_name(where), what))
    picture = None
    if "image" in data and "pose" in data:
        problems.append(
            Problem(
                origin,
                line_of(lines, ("pose",)),
                "pose",
                "is given with image; expected one picture: either image or pose.",
            )
        )
    for kind in ("image", "pose"):
        value = data.get(kind)
        if isinstance(value, str) and value.strip():
            source = path.parent / value.strip()
            line = line_of(lines, (kind,))
            picture = PictureSource(source, kind, origin, line)
            if not source.is_file():
                what = (
                    "is a folder"
                    if source.is_dir()
                    else "is not a regular file"
                    if source.exists()
                    else "is not found"
                )
                problems.append(Problem(origin, line, kind, f"{source} {what}; expected a file."))
    if problems:
        return None, problems, lines
    # Whether it replaces a built-in exercise is said when the catalogue takes it in.
    exercise = exercise_from(data, library_file=origin, picture=picture)
    return exercise, [], lines


def markup_problems(
    data: Mapping[str, Any], origin: str, lines: Mapping[tuple[str | int, ...], int]
) -> list[Problem]:
    """Markup ({hold}, {3 ft | 1 m}) that cannot be read, or is where it is not read."""
    found: list[Problem] = []
    for key in (*MARKUP_FIELDS, *PLAIN_FIELDS):
        value = data.get(key)
        texts: list[tuple[tuple[str | int, ...], object]] = (
            [((key, index), item) for index, item in enumerate(value)]
            if isinstance(value, list)
            else [((key,), value)]
        )
        for path, text in texts:
            if not isinstance(text, str):
                continue  # the schema says what is wrong with it
            for message in markup.problems(text, reads_markup=key in MARKUP_FIELDS):
                found.append(Problem(origin, line_of(lines, path), field_name(path), message))
    return sorted(found, key=lambda problem: (problem.line, problem.field))


def read_libraries(paths: Sequence[Path]) -> tuple[list[Exercise], list[Problem]]:
    """Every exercise in `paths`, and every problem; a repeated id is a problem."""
    exercises: list[Exercise] = []
    problems: list[Problem] = []
    first_seen: dict[str, str] = {}
    read: set[str] = set()
    for path in paths:
        files, missing = library_files(path)
        problems += missing
        for file in files:
            real = os.path.realpath(file)
            if real in read:
                continue  # the same file named twice (a folder and a file in it, say)
            read.add(real)
            exercise, found, lines = read_library_file(file)
            problems += found
            if exercise is None:
                continue
            if exercise.id in first_seen:
                problems.append(
                    Problem(
                        str(file),
                        line_of(lines, ("id",)),
                        "id",
                        f"is {exercise.id!r}, the same as in {first_seen[exercise.id]}; "
                        "expected each library exercise to have its own id.",
                    )
                )
                continue
            first_seen[exercise.id] = str(file)
            exercises.append(exercise)
    return exercises, problems

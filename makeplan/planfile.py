"""Plan files read and checked: a patient's saved programme, into option values.

A plan file holds everything `makeplan build` takes on the command line, and
an `[[exercise]]` table per exercise with its own dose and note. Paths in it
are relative to the plan file. Reading collects every problem (the schema's,
then ids that no catalogue or library has, holds past an exercise's limit, and
files that are missing or, for `makeplan check`, cannot be opened) so they can
all be shown at once. The keys and how each is read come from the table of
sheet options (`options.SHEET_OPTIONS`); the format's version and schema are
`planschema`, and writing a plan file is `plantext`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from makeplan.catalogue import with_added
from makeplan.errors import InputFileError, MakeplanError, Problem, ProblemsError
from makeplan.fonts import choose_fonts
from makeplan.inputs import clean_text, os_path, read_input
from makeplan.layouts import is_layout_path, load_layout
from makeplan.library import read_libraries
from makeplan.model import Exercise, hold_too_long
from makeplan.options import ExerciseChoice, SheetOption
from makeplan.pictures import picture_problems
from makeplan.planschema import PLAN_OPTIONS, PLAN_VERSION
from makeplan.tomllines import Path as KeyPath
from makeplan.tomllines import line_of
from makeplan.validation import check, field_name, parse
from makeplan.vocabulary import ABILITY_NAMES

_ABILITY_BY_NAME = {name: level for level, name in ABILITY_NAMES.items()}


class PlanRead(NamedTuple):
    """What a plan file gives: option values, and the exercises its ids were checked
    against (the built-in ones and those of `libraries`), so they are read once."""

    values: dict[str, Any]  # by Options field
    catalogue: tuple[Exercise, ...]
    libraries: tuple[Path, ...]


class _Reader:
    """Collects problems for one plan file, each at the line of the field it is about."""

    def __init__(self, path: Path, lines: Mapping[KeyPath, int]) -> None:
        self.path = path
        self.lines = lines
        self.problems: list[Problem] = []

    def add(self, key: KeyPath, message: str) -> None:
        self.problems.append(
            Problem(str(self.path), line_of(self.lines, key), field_name(key), message)
        )

    def relative(self, value: str) -> Path:
        """A path written in the plan, taken from the plan file's folder."""
        return self.path.parent / Path(os_path(value.strip())).expanduser()


def read_plan(
    path: Path,
    extra_libraries: tuple[Path, ...] = (),
    skip: frozenset[str] = frozenset(),
    data: bytes | None = None,
    ignore: frozenset[str] = frozenset(),
) -> PlanRead:
    """The option values a plan file gives; every problem at once as a `ProblemsError`.

    Files named by fields in `skip` (set on the command line instead) are not looked for.
    `data`, when given, is the plan's text (one carried inside a sheet); `path` then
    names it in messages, and its folder is where the plan's paths start from.
    Keys in `ignore` are left out before anything is read (the web page never opens a
    path written in an uploaded plan).
    """
    read, problems = _read(path, extra_libraries, False, skip, data, ignore)
    if problems or read is None:
        raise ProblemsError(str(path), problems)
    return read


def plan_problems(
    path: Path,
    extra_libraries: tuple[Path, ...] = (),
    deep: bool = False,
    skip: frozenset[str] = frozenset(),
    data: bytes | None = None,
) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Read a plan file: its option values (None if unreadable) and all its problems.

    `deep` also opens the files it names (logo, covers, library pictures), as
    `makeplan check` does; a build opens them anyway.
    """
    read, problems = _read(path, extra_libraries, deep, skip, data)
    return (None if read is None else read.values), problems


def _read(
    path: Path,
    extra_libraries: tuple[Path, ...],
    deep: bool,
    skip: frozenset[str],
    data: bytes | None,
    ignore: frozenset[str] = frozenset(),
) -> tuple[PlanRead | None, list[Problem]]:
    if data is None:
        data = read_input(path, f"--plan {path}", "a plan .toml file", InputFileError)
    parsed, lines, problems = parse(data, str(path))
    if parsed is None:
        return None, problems
    for key in ignore:
        parsed.pop(key, None)
    return _plan_values(parsed, lines, path, extra_libraries, deep, skip)


def _plan_values(
    data: dict[str, Any],
    lines: Mapping[KeyPath, int],
    path: Path,
    extra_libraries: tuple[Path, ...],
    deep: bool,
    skip: frozenset[str],
) -> tuple[PlanRead | None, list[Problem]]:
    reader = _Reader(path, lines)
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > PLAN_VERSION:
        reader.add(
            ("version",),
            f"is {version}, from a newer makeplan; expected {PLAN_VERSION}: "
            "upgrade makeplan to read this file.",
        )
        return None, reader.problems
    reader.problems += check(data, "plan", str(path), lines)
    values = _values(data, reader)
    _check_files(data, reader, deep, skip)
    libraries = tuple(path for path in values.get("libraries", ()) if path.exists())
    libraries += extra_libraries
    catalogue = _check_exercises(data, reader, libraries, deep)
    problems = sorted(reader.problems, key=lambda p: (p.file != str(path), p.file, p.line))
    return PlanRead(values, catalogue, libraries), problems


def _values(data: Mapping[str, Any], reader: _Reader) -> dict[str, Any]:
    """Option values from the fields that passed the schema (others are skipped)."""
    values: dict[str, Any] = {}
    for row in PLAN_OPTIONS:
        assert row.plan_key is not None
        if row.plan_key in data:
            _plan_value(row, row.plan_key, data[row.plan_key], reader, values)
    choices = [
        ExerciseChoice(
            id=entry["id"].strip(),
            reps=entry.get("reps"),
            sides=entry.get("sides"),
            hold_seconds=entry.get("hold_seconds"),
            sessions_per_day=entry.get("sessions_per_day"),
            note=clean_text(entry["note"]) if isinstance(entry.get("note"), str) else None,
        )
        for entry in data.get("exercise", [])
        if isinstance(entry, dict) and isinstance(entry.get("id"), str)
    ]
    if choices:
        values["exercise_ids"] = tuple(choice.id for choice in choices)
        values["choices"] = tuple(choices)
    return values


def _plan_value(
    row: SheetOption, key: str, value: Any, reader: _Reader, values: dict[str, Any]
) -> None:
    """Set `values[row.name]` from the plan's `value`, read as the row's kind says."""
    if row.kind in ("text", "notes"):
        if isinstance(value, str):
            values[row.name] = clean_text(value, keep_lines=row.kind == "notes")
    elif row.kind == "date":
        if type(value) is dt.date:
            values[row.name] = value
        elif isinstance(value, str):
            try:
                values[row.name] = dt.date.fromisoformat(value.strip())
            except ValueError:
                reader.add(
                    (key,), f"is {value!r}, not a real date; expected a date like 2026-03-01."
                )
    elif row.kind == "layout":
        if isinstance(value, str) and value.strip():
            reference = value.strip()
            values[row.name] = (
                str(reader.relative(reference)) if is_layout_path(reference) else reference
            )
    elif row.kind == "path" and row.multiple:
        if isinstance(value, list):
            values[row.name] = tuple(
                reader.relative(item) for item in value if isinstance(item, str) and item.strip()
            )
    elif row.kind == "path":
        if isinstance(value, str) and value.strip():
            values[row.name] = reader.relative(value)
    elif row.kind == "ability":
        if isinstance(value, float):
            # The schema's list compares 2.0 equal to 2; a level is a whole number or a name.
            reader.add((key,), f"is {value}; expected a level: 1, 2, 3 or its name.")
        elif value is not None:
            values[row.name] = _ABILITY_BY_NAME.get(value, value)
    elif row.multiple:
        if isinstance(value, list):
            values[row.name] = tuple(value)
    else:  # counts, choices and switches: the schema has checked them
        values[row.name] = value


def _check_exercises(
    data: Mapping[str, Any], reader: _Reader, libraries: tuple[Path, ...], deep: bool
) -> tuple[Exercise, ...]:
    """Each [[exercise]] id once, and known to the catalogue or a library.

    Returns the exercises known: the built-in ones with the libraries'.
    """
    added, library_problems = read_libraries(libraries)
    reader.problems += library_problems
    catalogue = with_added(added)
    known = {exercise.id: exercise for exercise in catalogue}
    entries = data.get("exercise", [])
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        exercise_id = entry.get("id") if isinstance(entry, dict) else None
        if not isinstance(exercise_id, str) or not exercise_id.strip():
            continue
        key = ("exercise", index, "id")
        exercise_id = exercise_id.strip()
        if exercise_id in seen:
            reader.add(
                key,
                f"is {exercise_id!r} again (also exercise[{seen[exercise_id] + 1}]); "
                "expected each exercise once.",
            )
            continue
        seen[exercise_id] = index
        if exercise_id in known:
            _check_hold(data, entry, index, known[exercise_id], reader)
        if exercise_id not in known and not library_problems:
            close = difflib.get_close_matches(exercise_id, list(known), n=1, cutoff=0.5)
            hint = f"did you mean {close[0]!r}? " if close else ""
            reader.add(
                key,
                f"is {exercise_id!r}, not in the catalogue or a library; {hint}"
                "expected an id from 'makeplan list'.",
            )
    if deep:
        reader.problems += picture_problems(added)
    return catalogue


def _check_hold(
    data: Mapping[str, Any],
    entry: Mapping[str, Any],
    index: int,
    exercise: Exercise,
    reader: _Reader,
) -> None:
    """A hold past the exercise's safe limit, from its own entry or the plan's hold_seconds."""
    longest = exercise.max_hold_seconds
    own = entry.get("hold_seconds")
    key: KeyPath = ("exercise", index, "hold_seconds")
    hold = own
    if own is None:
        hold, key = data.get("hold_seconds"), ("hold_seconds",)
    if not hold_too_long(hold, longest):
        return
    reader.add(
        key,
        f"is {hold}, but {exercise.id} must not be held longer than {longest} seconds; "
        f"expected at most {longest}.",
    )


def _check_files(
    data: Mapping[str, Any], reader: _Reader, deep: bool, skip: frozenset[str]
) -> None:
    """The files the plan names exist (and, when `deep`, can be used).

    Fields in `skip` are replaced by the command line, so their files do not matter.
    """
    for row in PLAN_OPTIONS:
        key, value = row.plan_key, data.get(row.plan_key or "")
        if key is None or not row.file or row.name in skip:
            continue
        opener = _OPENERS.get(row.name)
        items = value if row.multiple and isinstance(value, list) else [value]
        if row.multiple and not isinstance(value, list):
            continue
        for index, item in enumerate(items):
            if not isinstance(item, str) or not item.strip():
                continue  # the schema has said what is wrong with it
            where: KeyPath = (key, index) if row.multiple else (key,)
            path = reader.relative(item)
            missing = _missing(path, folder_allowed=row.folder_allowed)
            if missing:
                reader.add(where, f"{path} {missing}; expected {row.file}.")
            elif deep and opener is not None:
                _try(reader, where, lambda path=path, opener=opener: opener(path))
    layout = data.get("layout")
    if "layout" not in skip and isinstance(layout, str) and layout.strip():
        reference = layout.strip()
        if is_layout_path(reference):
            reference = str(reader.relative(reference))
        _try(reader, ("layout",), lambda: load_layout(reference, named_by="layout"))


def _missing(path: Path, folder_allowed: bool) -> str:
    """What is wrong with a path that should name a file (or a folder): '' if nothing."""
    if not path.exists():
        return "is not found"
    if path.is_dir():
        return "" if folder_allowed else "is a folder"
    if not path.is_file():
        return "is not a regular file"
    return ""


def _open_cover(path: Path) -> None:
    from makeplan.pdfs.covers import open_cover

    # `check` has no password option; a locked cover opens with the variable.
    open_cover(path, os.environ.get("MAKEPLAN_COVER_PASSWORD"))


def _open_logo(path: Path) -> None:
    from makeplan.images import load_picture

    load_picture(path, "", 600, 600, grayscale=False)


def _open_font(path: Path) -> None:
    from makeplan.render import register_fonts  # reportlab

    register_fonts(choose_fonts((), "", "", path))


# What `makeplan check` opens each file with (heavy engines, loaded only then).
_OPENERS: dict[str, Callable[[Path], None]] = {
    "covers": _open_cover,
    "logo": _open_logo,
    "font": _open_font,
}


def _try(reader: _Reader, key: KeyPath, action: Any) -> None:
    try:
        action()
    except ProblemsError as exc:
        reader.problems += exc.problems  # a layout file's own, each at its line there
    except MakeplanError as exc:
        reader.add(key, exc.message)

"""Plan files: a patient's saved programme, read into option values and written back.

A plan file holds everything `makeplan build` takes on the command line, and
an `[[exercise]]` table per exercise with its own dose and note. Paths in it
are relative to the plan file. Reading collects every problem (the schema's,
then ids that no catalogue or library has, and files that are missing) so
they can all be shown at once. `plan_text` writes a plan with every number
resolved. The keys, how each is read and its schema come from the table of
sheet options (`options.SHEET_OPTIONS`); `plan_schema` is what
`schemas/plan.schema.json` holds (a test checks they agree).
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from makeplan.catalogue import with_added
from makeplan.errors import InputFileError, MakeplanError, Problem, ProblemsError, UsageError
from makeplan.fonts import choose_fonts
from makeplan.inputs import clean_text, os_path, read_input, utf8_text
from makeplan.layouts import is_layout_path, load_layout
from makeplan.library import read_libraries
from makeplan.model import Exercise, Plan, hold_too_long
from makeplan.options import DOSES, SHEET_OPTIONS, ExerciseChoice, Options, SheetOption
from makeplan.pictures import picture_problems
from makeplan.tomllines import Path as KeyPath
from makeplan.tomllines import line_of
from makeplan.validation import check, field_name, parse
from makeplan.vocabulary import ABILITY_NAMES, HOLD_SECONDS, REPS, SESSIONS_PER_DAY

PLAN_VERSION = 1
_ABILITY_BY_NAME = {name: level for level, name in ABILITY_NAMES.items()}
_PLAN_OPTIONS = tuple(row for row in SHEET_OPTIONS if row.plan_key is not None)


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
) -> PlanRead:
    """The option values a plan file gives; every problem at once as a `ProblemsError`.

    Files named by fields in `skip` (set on the command line instead) are not looked for.
    `data`, when given, is the plan's text (one carried inside a sheet); `path` then
    names it in messages, and its folder is where the plan's paths start from.
    """
    read, problems = _read(path, extra_libraries, False, skip, data)
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
) -> tuple[PlanRead | None, list[Problem]]:
    if data is None:
        data = read_input(path, f"--plan {path}", "a plan .toml file", InputFileError)
    parsed, lines, problems = parse(data, str(path))
    if parsed is None:
        return None, problems
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
    for row in _PLAN_OPTIONS:
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
    for row in _PLAN_OPTIONS:
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


# --- writing ---


def _writable(text: str) -> str:
    """`text`, refused when it cannot be saved as UTF-8 (a file name in another encoding)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        shown = text.encode("utf-8", "replace").decode("utf-8")
        raise UsageError(
            f"{shown!r} cannot be written to a plan file: it is not valid UTF-8 "
            "(a file name from another system?); rename it."
        ) from None
    return text


def _comment(text: str) -> str:
    """Text safe inside a `#` comment: one line, no control characters."""
    printable = "".join(ch if ch.isprintable() else " " for ch in _writable(text))
    return " ".join(printable.split())


def _toml_string(text: str) -> str:
    """A TOML basic string (or a multi-line one for text with line breaks)."""
    escaped = (
        _writable(text)
        .replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\t", "\\t")
        .replace("\r", "")
    )
    escaped = "".join(
        f"\\u{ord(ch):04x}" if (ord(ch) < 32 and ch != "\n") or ord(ch) == 0x7F else ch
        for ch in escaped
    )
    if "\n" in escaped:
        return '"""\n' + escaped + '"""'
    return f'"{escaped}"'


def _toml_list(items: list[str]) -> str:
    return "[" + ", ".join(_toml_string(item) for item in items) + "]"


def _relative(path: Path, plan_folder: Path) -> str:
    """How a path reads from the plan file's folder (as the plan file will resolve it)."""
    try:
        text = Path(os.path.relpath(path.absolute(), plan_folder.absolute())).as_posix()
    except ValueError:  # another drive on Windows
        text = path.absolute().as_posix()
    try:
        # A name the OS gave in escaped bytes (a non-UTF-8 locale) is written as its letters.
        return utf8_text(text)
    except UnicodeError:
        return text  # not UTF-8: refused, with what to do, where it is written


def plan_text(
    plan: Plan, options: Options, layout_title_page: bool, plan_folder: Path, date_given: bool
) -> str:
    """A plan file for `plan`: every dose written out, ready to edit and build again.

    The date is written only when it was given: a plan printed again next week
    should start on the day it is printed.
    """
    lines = [
        "# A makeplan plan file. Change what you need, then make the sheet with:",
        "#   makeplan build --plan THIS-FILE.toml -o sheet.pdf",
        "# Options given on that command line win over what this file says.",
        "# Paths are relative to this file. 'makeplan check THIS-FILE.toml' checks it.",
        f"version = {PLAN_VERSION}",
        "",
    ]

    def optional(key: str, value: str | None, example: str) -> None:
        lines.append(f"{key} = {value}" if value is not None else f"# {key} = {example}")

    optional("patient", _toml_string(plan.patient) if plan.patient else None, '"Name Surname"')
    optional("clinician", _toml_string(plan.clinician) if plan.clinician else None, '"Your name"')
    if date_given:
        lines.append(f"date = {plan.date.isoformat()}")
    else:
        lines.append("# date = YYYY-MM-DD   (left out: each build starts on the day it is made)")
    optional("notes", _toml_string(plan.notes) if plan.notes else None, '"A note for the patient"')
    lines += ["", "# How it prints"]
    layout = options.layout
    if is_layout_path(layout):
        layout = _relative(Path(layout), plan_folder)
    lines.append(f"layout = {_toml_string(layout)}")
    lines.append(f"paper = {_toml_string(options.paper)}")
    lines.append(f"days = {plan.days}")
    if options.title_page is None:
        lines.append(
            f"# title_page = {str(layout_title_page).lower()}   (left out: the layout decides)"
        )
    else:
        lines.append(f"title_page = {str(options.title_page).lower()}")
    lines.append(f"fillable = {str(options.fillable).lower()}")
    lines.append(f"grayscale = {str(options.grayscale).lower()}")
    covers = [_relative(cover, plan_folder) for cover in options.covers]
    optional("covers", _toml_list(covers) if covers else None, '["clinic-cover.pdf"]')
    optional(
        "logo",
        _toml_string(_relative(options.logo, plan_folder)) if options.logo else None,
        '"clinic-logo.png"',
    )
    optional(
        "font",
        _toml_string(_relative(options.font, plan_folder)) if options.font else None,
        '"clinic-font.ttf"',
    )
    libraries = [_relative(library, plan_folder) for library in options.libraries]
    optional("library", _toml_list(libraries) if libraries else None, '["clinic-exercises"]')
    # An option added later is kept too, in the form its kind has.
    for row in _PLAN_OPTIONS:
        value = getattr(options, row.name)
        if row.plan_key not in _WRITTEN and value not in (None, (), _default(row)):
            lines.append(f"{row.plan_key} = {_toml_value(row, value, plan_folder)}")
    lines += [
        "",
        "# The exercises, in the order they are done. Each has its own dose:",
        f"#   reps: {REPS.low}-{REPS.high}; sides: 1 (both at once) or 2 (right and left);",
        f"#   hold_seconds: {HOLD_SECONDS.low}-{HOLD_SECONDS.high} (0: no hold); "
        f"sessions_per_day: {SESSIONS_PER_DAY.low}-{SESSIONS_PER_DAY.high}.",
        "# A note is printed with the exercise.",
    ]
    for item in plan.exercises:
        exercise = item.exercise
        where = f", from {exercise.library_file}" if exercise.library_file else ""
        about = f"{exercise.name} ({exercise.position}, {ABILITY_NAMES[exercise.ability]}{where})"
        lines += [
            "",
            "[[exercise]]",
            f"# {_comment(about)}",
            f"id = {_toml_string(exercise.id)}",
            f"reps = {item.reps}",
            f"sides = {item.sides}",
            f"hold_seconds = {item.hold_seconds}",
            f"sessions_per_day = {item.sessions_per_day}",
        ]
        optional("note", _toml_string(item.note) if item.note else None, '"A note for this one"')
    return "\n".join(lines) + "\n"


# Keys plan_text writes by name, or through each [[exercise]] (choosing and doses).
_WRITTEN = frozenset({
    "patient", "clinician", "date", "notes", "layout", "paper", "days", "title_page",
    "fillable", "grayscale", "covers", "logo", "font", "library", "positions", "ability",
    *DOSES,
})  # fmt: skip


def _default(row: SheetOption) -> Any:
    return Options.__dataclass_fields__[row.name].default


def _toml_value(row: SheetOption, value: Any, plan_folder: Path) -> str:
    """A value of `row` as TOML, as `_values` reads it back."""
    if row.multiple:
        return "[" + ", ".join(_toml_value(row._replace(multiple=False), item, plan_folder)
                               for item in value) + "]"  # fmt: skip
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Path):
        return _toml_string(_relative(value, plan_folder))
    return _toml_string(str(value))


# --- the schema (written to schemas/plan.schema.json; a test checks they agree) ---


def plan_schema() -> dict[str, Any]:
    """The JSON Schema of a plan file: its keys from the table of sheet options."""
    properties: dict[str, Any] = {
        "version": {
            "type": "integer", "minimum": PLAN_VERSION, "maximum": PLAN_VERSION,
            "expected": f"{PLAN_VERSION} (the plan file format this makeplan writes)",
        },
    }  # fmt: skip
    doses: dict[str, Any] = {}
    for row in _PLAN_OPTIONS:
        assert row.plan_key is not None
        fragment = _key_schema(row)
        if row.name in DOSES:
            doses[row.plan_key] = fragment
            fragment = {"$ref": f"#/$defs/{row.plan_key}"}
        properties[row.plan_key] = fragment
    properties["exercise"] = {
        "type": "array", "minItems": 1,
        "items": {"$ref": "#/$defs/exercise"},
        "expected": "[[exercise]] tables, one for each exercise, in the order they are done",
    }  # fmt: skip
    exercise_properties: dict[str, Any] = {
        "id": {
            "type": "string", "pattern": "\\S",
            "expected": "the id of a catalogue or library exercise (see 'makeplan list')",
        },
        "reps": {"$ref": "#/$defs/reps"},
        "sides": {"$ref": "exercise.schema.json#/$defs/sides"},
        "hold_seconds": {"$ref": "#/$defs/hold_seconds"},
        "sessions_per_day": {"$ref": "#/$defs/sessions_per_day"},
        "note": {"$ref": "#/$defs/text", "expected": "a short note for the patient, in quotes"},
    }  # fmt: skip
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://makeplan.invalid/schemas/plan.schema.json",
        "title": "makeplan plan file",
        "description": "A patient's programme: who it is for, how it prints, and each "
        "exercise with its own dose. Paths are relative to the plan file. Written from "
        "makeplan's table of sheet options (makeplan/options.py).",
        "type": "object",
        "additionalProperties": False,
        "required": ["version"],
        "properties": properties,
        "$defs": {
            "text": {"type": "string", "pattern": "\\S", "expected": "text in quotes"},
            "paths": {
                "type": "array",
                "items": {"type": "string", "pattern": "\\S", "expected": "a path in quotes"},
            },
            **doses,
            "exercise": {
                "type": "object",
                "additionalProperties": False,
                "required": ["id"],
                "expected": "an [[exercise]] table with an id",
                "properties": exercise_properties,
            },
        },
    }


def _key_schema(row: SheetOption) -> dict[str, Any]:
    """The schema of one plan key, by the kind of its option."""
    expected = row.words(row.expected)
    if row.kind == "count":
        assert row.range is not None
        low, high = row.range
        return {"type": "integer", "minimum": low, "maximum": high, "expected": expected}
    if row.kind == "switch":
        return {"type": "boolean", "expected": expected}
    if row.kind == "date":
        return {"type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$", "expected": expected}
    if row.kind == "ability":
        names: list[Any] = list(ABILITY_NAMES.values())
        return {"enum": names + list(ABILITY_NAMES), "expected": expected}
    if row.kind == "choice" and row.multiple:
        quoted = [f'"{choice}"' for choice in row.choices]
        return {
            "type": "array", "minItems": 1, "uniqueItems": True,
            "items": {
                "enum": list(row.choices),
                "expected": f"{', '.join(quoted[:-1])} or {quoted[-1]}",
            },
            "expected": expected,
        }  # fmt: skip
    if row.kind == "choice":
        return {"enum": list(row.choices), "expected": expected}
    if row.multiple:
        return {"$ref": "#/$defs/paths", "expected": expected}
    return {"$ref": "#/$defs/text", "expected": expected}

"""Plan files: a patient's saved programme, read into option values and written back.

A plan file holds everything `makeplan build` takes on the command line, and
an `[[exercise]]` table per exercise with its own dose and note. Paths in it
are relative to the plan file. Reading collects every problem (the schema's,
then ids that no catalogue or library has, and files that are missing) so
they can all be shown at once. `merge` puts command-line values over the
plan's, and `plan_text` writes a plan with every number resolved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from makeplan.errors import InputFileError, MakeplanError, Problem, ProblemsError, UsageError
from makeplan.inputs import clean_text, os_path, read_input, utf8_text
from makeplan.layouts import is_layout_path, load_layout
from makeplan.model import ABILITY_NAMES, Exercise, ExerciseChoice, Options, Plan
from makeplan.tomllines import Path as KeyPath
from makeplan.tomllines import line_of
from makeplan.validation import check, field_name, parse

PLAN_VERSION = 1
_ABILITY_BY_NAME = {name: level for level, name in ABILITY_NAMES.items()}
# Per-exercise fields that a command-line option of the same meaning overrides.
_DOSE_OPTIONS = ("reps", "hold_seconds", "sessions_per_day")


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
) -> dict[str, Any]:
    """The option values a plan file gives; every problem at once as a `ProblemsError`.

    Files named by fields in `skip` (set on the command line instead) are not looked for.
    `data`, when given, is the plan's text (one carried inside a sheet); `path` then
    names it in messages, and its folder is where the plan's paths start from.
    """
    values, problems = plan_problems(path, extra_libraries, skip=skip, data=data)
    if problems or values is None:
        raise ProblemsError(str(path), problems)
    return values


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
) -> tuple[dict[str, Any] | None, list[Problem]]:
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
    _check_exercises(data, reader, libraries + extra_libraries, deep)
    return values, sorted(reader.problems, key=lambda p: (p.file != str(path), p.file, p.line))


def _values(data: Mapping[str, Any], reader: _Reader) -> dict[str, Any]:
    """Option values from the fields that passed the schema (others are skipped)."""
    values: dict[str, Any] = {}
    for key in ("patient", "clinician"):
        if isinstance(data.get(key), str):
            values[key] = clean_text(data[key])
    if isinstance(data.get("notes"), str):
        values["notes"] = clean_text(data["notes"], keep_lines=True)
    date = data.get("date")
    if type(date) is dt.date:
        values["date"] = date
    elif isinstance(date, str):
        try:
            values["date"] = dt.date.fromisoformat(date.strip())
        except ValueError:
            reader.add(("date",), f"is {date!r}, not a real date; expected a date like 2026-03-01.")
    layout = data.get("layout")
    if isinstance(layout, str) and layout.strip():
        reference = layout.strip()
        values["layout"] = (
            str(reader.relative(reference)) if is_layout_path(reference) else reference
        )
    for key in ("paper", "days", "title_page", "grayscale", "fillable", *_DOSE_OPTIONS):
        if key in data:
            values[key] = data[key]
    for key, option in (("covers", "covers"), ("library", "libraries")):
        if isinstance(data.get(key), list):
            values[option] = tuple(
                reader.relative(item)
                for item in data[key]
                if isinstance(item, str) and item.strip()
            )
    for key in ("logo", "font"):
        if isinstance(data.get(key), str) and data[key].strip():
            values[key] = reader.relative(data[key])
    if isinstance(data.get("positions"), list):
        values["positions"] = tuple(data["positions"])
    ability = data.get("ability")
    if isinstance(ability, float):
        # The schema's list compares 2.0 equal to 2; a level is a whole number or a name.
        reader.add(("ability",), f"is {ability}; expected a level: 1, 2, 3 or its name.")
    elif ability is not None:
        values["ability"] = _ABILITY_BY_NAME.get(ability, ability)
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


def _check_exercises(
    data: Mapping[str, Any], reader: _Reader, libraries: tuple[Path, ...], deep: bool
) -> None:
    """Each [[exercise]] id once, and known to the catalogue or a library."""
    from makeplan.catalogue import builtin_catalogue
    from makeplan.library import picture_problems, read_libraries

    known = {exercise.id: exercise for exercise in builtin_catalogue()}
    added, library_problems = read_libraries(libraries)
    reader.problems += library_problems
    for exercise in added:
        known[exercise.id] = exercise
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
            import difflib

            close = difflib.get_close_matches(exercise_id, list(known), n=1, cutoff=0.5)
            hint = f"did you mean {close[0]!r}? " if close else ""
            reader.add(
                key,
                f"is {exercise_id!r}, not in the catalogue or a library; {hint}"
                "expected an id from 'makeplan list'.",
            )
    if deep:
        reader.problems += picture_problems(added)


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
    if longest is None or not isinstance(hold, int) or hold <= longest:
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
    for key, expected in (("covers", "a PDF"), ("library", "an exercise file or folder")):
        option = "libraries" if key == "library" else key
        items = data.get(key)
        if option in skip or not isinstance(items, list):
            continue
        for index, item in enumerate(items):
            if not isinstance(item, str) or not item.strip():
                continue  # the schema has said what is wrong with it
            path = reader.relative(item)
            missing = _missing(path, folder_allowed=key == "library")
            if missing:
                reader.add((key, index), f"{path} {missing}; expected {expected}.")
            elif key == "covers" and deep:
                _try(reader, (key, index), lambda path=path: _open_cover(path))
    for key, expected, opener in (
        ("logo", "a PNG or JPEG image", _open_logo),
        ("font", "a TrueType (.ttf) font file", _open_font),
    ):
        value = data.get(key)
        if key in skip or not isinstance(value, str) or not value.strip():
            continue
        path = reader.relative(value)
        missing = _missing(path, folder_allowed=False)
        if missing:
            reader.add((key,), f"{path} {missing}; expected {expected}.")
        elif deep:
            _try(reader, (key,), lambda path=path, opener=opener: opener(path))
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
    import os

    from makeplan.pdfs.covers import open_cover

    # `check` has no password option; a locked cover opens with the variable.
    open_cover(path, os.environ.get("MAKEPLAN_COVER_PASSWORD"))


def _open_logo(path: Path) -> None:
    from makeplan.images import load_picture

    load_picture(path, "", 600, 600, grayscale=False)


def _open_font(path: Path) -> None:
    from makeplan.fonts import choose_fonts
    from makeplan.render import register_fonts

    register_fonts(choose_fonts((), "", "", path))


def _try(reader: _Reader, key: KeyPath, action: Any) -> None:
    try:
        action()
    except ProblemsError as exc:
        reader.problems += exc.problems  # a layout file's own, each at its line there
    except MakeplanError as exc:
        reader.add(key, exc.message)


def merge(plan_values: Mapping[str, Any], given: Mapping[str, Any]) -> dict[str, Any]:
    """Option values with the command line's over the plan's.

    Choosing exercises on the command line (-e, -p or -a) replaces the plan's
    list, but its doses and notes still apply to the exercises that stay.
    A dose given on the command line is for every exercise, so it wins over
    the plan's per-exercise doses too. Libraries add up: the plan's exercises
    may come from them.
    """
    values = dict(plan_values)
    if any(key in given for key in ("exercise_ids", "positions", "ability")):
        values.pop("exercise_ids", None)
        if "exercise_ids" in given:
            values.pop("positions", None)
            values.pop("ability", None)
    overridden = [key for key in _DOSE_OPTIONS if key in given]
    if overridden and "choices" in values:
        values["choices"] = tuple(_without(choice, overridden) for choice in values["choices"])
    values.update({key: value for key, value in given.items() if key != "libraries"})
    values["libraries"] = tuple(plan_values.get("libraries", ())) + tuple(
        given.get("libraries", ())
    )
    return values


def _without(choice: ExerciseChoice, keys: list[str]) -> ExerciseChoice:
    """The choice with the doses named in `keys` unset, so the option's value applies."""
    from dataclasses import asdict

    return ExerciseChoice(**{**asdict(choice), **dict.fromkeys(keys)})


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
    import os

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
    lines += [
        "",
        "# The exercises, in the order they are done. Each has its own dose:",
        "#   reps: 1-100; sides: 1 (both at once) or 2 (right and left);",
        "#   hold_seconds: 0-600 (0: no hold); sessions_per_day: 1-12.",
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


def resolve_options(
    given: Mapping[str, Any],
    plan_file: Path | None,
    today: Callable[[], dt.date],
    plan_data: bytes | None = None,
    from_sheet: bool = False,
) -> tuple[Options, bool]:
    """The options for a sheet: a plan file's values (if any) with `given` over them.

    Also says whether a date was set (by either), which a saved plan keeps.
    `plan_data` is a plan's text when it comes from a sheet, not a file. From a
    sheet, the plan's own date is dropped (next week's sheet starts today), and
    libraries given on the command line replace the plan's: a returned sheet is
    rarely still in the folder its plan's paths start from.
    """
    plan_values: dict[str, Any] = {}
    if plan_file is not None:
        plan_values = read_plan(
            plan_file, tuple(given.get("libraries", ())), skip=frozenset(given), data=plan_data
        )
        plan_values["plan_file"] = plan_file
        if from_sheet:
            plan_values.pop("date", None)
            if "libraries" in given:
                plan_values.pop("libraries", None)
    values = merge(plan_values, given)
    date_given = "date" in values
    if not date_given:
        values["date"] = today()
    values["date_given"] = date_given
    return Options(**values), date_given

"""Plan files written: the text of a plan, every dose resolved, ready to edit.

`plan_text` writes what `planfile` reads back: the options a sheet was made
with (paths relative to the plan file's folder) and an `[[exercise]]` table per
exercise with its own dose and note, with comments saying what each key may be.
The keys come from the table of sheet options (`options.SHEET_OPTIONS`), so an
option added later is written too.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from makeplan.errors import UsageError
from makeplan.inputs import utf8_text
from makeplan.layouts import is_layout_path
from makeplan.model import Plan
from makeplan.options import DOSES, Options, SheetOption
from makeplan.planschema import PLAN_OPTIONS, PLAN_VERSION
from makeplan.vocabulary import ABILITY_NAMES, HOLD_SECONDS, PAPER_UNITS, REPS, SESSIONS_PER_DAY

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


# For other writers of plan text (the web page writes its picked exercises as a plan).
toml_string = _toml_string


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
    optional("emergency", _toml_string(plan.emergency) if plan.emergency else None, '"999"')
    optional(
        "contact",
        _toml_string(plan.contact) if plan.contact else None,
        '"Jo Park on 01632 960 000"',
    )
    lines += ["", "# How it prints"]
    layout = options.layout
    if is_layout_path(layout):
        layout = _relative(Path(layout), plan_folder)
    lines.append(f"layout = {_toml_string(layout)}")
    lines.append(f"paper = {_toml_string(options.paper)}")
    if options.units is None:
        paper_units = PAPER_UNITS[options.paper]
        lines.append(f'# units = "{paper_units}"   (left out: the paper decides)')
    else:
        lines.append(f"units = {_toml_string(options.units)}")
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
    for row in PLAN_OPTIONS:
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
    "patient", "clinician", "date", "notes", "emergency", "contact", "layout", "paper", "units",
    "days", "title_page", "fillable", "grayscale", "covers", "logo", "font", "library",
    "positions", "ability", *DOSES,
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

"""`makeplan batch`: one sheet per row of a clinic's roster, on every core.

A roster is a CSV file with a header row. The `patient` column is required;
every other column is a `build` option by its long name (`layout`, `days`,
`exercise`, `plan`, ...). Each row becomes the same arguments `build` takes,
so a row is checked and built exactly as the command line would; paths in a
row are relative to the roster. A bad row is reported with its row number and
does not stop the others. Sheets are named from the patient, made safe for
any file system, and two rows with the same name never write the same file.
"""

from __future__ import annotations

import csv
import difflib
import io
import os
import re
import unicodedata
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from makeplan.errors import InputFileError, UsageError
from makeplan.inputs import read_input

# Column -> (option, how its value is given): "one" value, "many" split on ;
# or spaces (ids and names), "paths" split on ; only, or a boolean "flag".
COLUMNS: dict[str, tuple[str, str]] = {
    "patient": ("--patient", "one"),
    "clinician": ("--clinician", "one"),
    "date": ("--date", "one"),
    "notes": ("--notes", "one"),
    "layout": ("--layout", "one"),
    "paper": ("--paper", "one"),
    "days": ("--days", "one"),
    "reps": ("--reps", "one"),
    "hold": ("--hold", "one"),
    "sessions": ("--sessions", "one"),
    "ability": ("--ability", "one"),
    "exercise": ("--exercise", "many"),
    "position": ("--position", "many"),
    "cover": ("--cover", "paths"),
    "library": ("--library", "paths"),
    "plan": ("--plan", "path"),
    "from": ("--from", "path"),
    "progress": ("--progress", "flag"),
    "logo": ("--logo", "path"),
    "font": ("--font", "path"),
    "title_page": ("--title-page", "flag"),
    "grayscale": ("--grayscale", "flag"),
    "fillable": ("--fillable", "flag"),
}
ALIASES = {"exercises": "exercise", "positions": "position", "covers": "cover"}
FLAG_OFF = {"title_page": "--no-title-page", "grayscale": "--color", "fillable": "--no-fillable"}
TRUE, FALSE = {"yes", "y", "true", "1", "on"}, {"no", "n", "false", "0", "off"}
MAX_ROSTER_BYTES = 20_000_000


@dataclass(frozen=True)
class Row:
    """One roster row: its number in the file (the header is row 1) and its build arguments."""

    number: int
    patient: str
    args: tuple[str, ...]
    output: str


@dataclass(frozen=True)
class Outcome:
    """What became of one row."""

    row: Row
    error: str | None
    warnings: tuple[str, ...] = ()


def read_roster(path: Path, folder: Path) -> list[Row]:
    """The rows of the roster at `path`, each with its arguments and output file in `folder`."""
    raw = read_input(path, f"roster {path}", "a CSV file", InputFileError, MAX_ROSTER_BYTES)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputFileError(f"roster {path}: is not UTF-8 text; save it as CSV UTF-8.") from None
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if not header:
        raise InputFileError(f"roster {path}: is empty; give a header row with 'patient'.")
    columns = [_column(name, path) for name in header]
    if "patient" not in columns:
        raise InputFileError(f"roster {path}: has no 'patient' column; add one to the header.")
    base = path.parent
    rows: list[Row] = []
    taken: set[str] = set()
    for number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue  # blank lines between groups are fine
        values = dict(zip(columns, (cell.strip() for cell in cells), strict=False))
        patient = values.get("patient", "")
        output = _unique(safe_name(patient or f"row-{number}"), taken)
        args = tuple(_arguments(values, base))
        rows.append(Row(number, patient, args, str(folder / output)))
    if not rows:
        raise InputFileError(f"roster {path}: has a header but no rows; add one per patient.")
    return rows


def _column(name: str, path: Path) -> str:
    key = name.strip().lower().replace("-", "_").replace(" ", "_")
    key = ALIASES.get(key, key)
    if key not in COLUMNS:
        close = difflib.get_close_matches(key, list(COLUMNS), n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        raise InputFileError(
            f"roster {path}: column {name!r} is not a build option; {hint}"
            f"use columns from: {', '.join(COLUMNS)}."
        )
    return key


def _arguments(values: dict[str, str], base: Path) -> Iterator[str]:
    for column, value in values.items():
        if not value:
            continue
        option, kind = COLUMNS[column]
        if kind == "one":
            yield from (option, value)
        elif kind == "path":
            yield from (option, str(base / value))
        elif kind == "many":
            for item in re.split(r"[;,\s]+", value):
                if item:
                    yield from (option, item)
        elif kind == "paths":
            for item in value.split(";"):
                if item.strip():
                    yield from (option, str(base / item.strip()))
        else:
            lowered = value.lower()
            if lowered in TRUE:
                yield option
            elif lowered in FALSE:
                if column in FLAG_OFF:  # --progress has no "off": it is off unless given
                    yield FLAG_OFF[column]
            else:
                # Left for the row to report: click names the option and the value.
                yield from (option, value)


def safe_name(patient: str) -> str:
    """A file name from a patient's name: letters, digits and '-', for any file system."""
    ascii_name = unicodedata.normalize("NFKD", patient).encode("ascii", "ignore").decode()
    words = re.findall(r"[A-Za-z0-9]+", ascii_name)
    name = "-".join(words)[:60].strip("-").lower()
    if not name:
        # A name in another alphabet: keep its letters if the file system allows.
        name = "-".join(re.findall(r"\w+", patient))[:60].lower() or "patient"
    return name


def _unique(stem: str, taken: set[str]) -> str:
    name, number = f"{stem}.pdf", 2
    while name in taken:
        name, number = f"{stem}-{number}.pdf", number + 1
    taken.add(name)
    return name


def build_row(row: Row) -> Outcome:
    """Build one row as `makeplan build ARGS -o OUTPUT` would, in this process."""
    import click

    from makeplan.cli import build_command, sheet
    from makeplan.errors import MakeplanError

    try:
        with build_command.make_context("build", [*row.args, "-o", row.output]) as ctx:
            warnings = sheet(ctx)
    except MakeplanError as exc:
        return Outcome(row, " ".join(exc.message.split()))
    except click.ClickException as exc:
        return Outcome(row, " ".join(exc.format_message().split()))
    except Exception as exc:  # one row's bug must not stop the clinic's other sheets
        return Outcome(row, f"unexpected problem ({type(exc).__name__}: {exc})")
    return Outcome(row, None, tuple(warnings))


def run_rows(rows: list[Row], jobs: int, done: Callable[[Outcome], None]) -> list[Outcome]:
    """Build every row on `jobs` processes; `done` is called as each finishes."""
    outcomes: list[Outcome] = []
    if jobs <= 1 or len(rows) == 1:
        for row in rows:
            outcome = build_row(row)
            done(outcome)
            outcomes.append(outcome)
        return outcomes
    # Loaded once here, so that every worker starts with them (on systems that fork).
    import makeplan.build
    import makeplan.render  # noqa: F401

    # Chunks keep the cost of sending rows to the workers small next to a sheet's.
    chunk = max(1, min(16, len(rows) // (jobs * 4)))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for outcome in pool.map(build_row, rows, chunksize=chunk):
            done(outcome)
            outcomes.append(outcome)
    return outcomes


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def check_folder(folder: Path) -> None:
    if not folder.is_dir():
        raise UsageError(f"-d/--dir {folder}: is not a folder; create it first.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(f"-d/--dir {folder}: cannot write in it; choose another folder.")

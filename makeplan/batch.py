"""`makeplan batch`: one sheet per row of a clinic's roster, on every core.

A roster is a CSV file with a header row. The `patient` column is required;
every other column is a `build` option by its long name (`layout`, `days`,
`exercise`, `plan`, ...): the columns are the rows of the sheet-option table
(`options.ROSTER_COLUMNS`). Each row's cells are read and checked by the same
rules as the command line's, with the same messages, and built by the same
jobs; paths in a row are relative to the roster (a `layout` too, when it is a
file). A bad row is reported with its row number and does not stop the others.
Sheets are named from the patient, made safe for any file system, and two rows
with the same name never write the same file.
"""

from __future__ import annotations

import contextlib
import csv
import difflib
import io
import os
import re
import signal
import sys
import unicodedata
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from makeplan import jobs
from makeplan.errors import InputFileError, MakeplanError, OutputError
from makeplan.inputs import read_input
from makeplan.options import ROSTER_COLUMNS, ROSTER_PATIENT
from makeplan.resolving import RowError, request, roster_cells
from makeplan.resolving import typed_cells as typed
from makeplan.terminal import printable

ALIASES = {alias: column for column, row in ROSTER_COLUMNS.items() for alias in row.aliases}
MAX_ROSTER_BYTES = 20_000_000
WINDOWS_MAX_JOBS = 61  # ProcessPoolExecutor's limit on Windows


@dataclass(frozen=True)
class Row:
    """One roster row: its number in the file (the header is row 1) and its options,
    as (option name, text or on/off) pairs, typed when the row is built.

    `error` is set for a row refused as it was read; it is reported and not built.
    """

    number: int
    patient: str
    args: tuple[tuple[str, str | bool], ...]
    output: str
    error: str | None = None

    @property
    def name(self) -> str:
        """How messages name the row: 'row 5 (Ann Lee)'."""
        patient = " ".join(self.patient.split())
        return f"row {self.number} ({patient})" if patient else f"row {self.number}"


@dataclass(frozen=True)
class Outcome:
    """What became of one row: an error, or the warnings and `Progress:` lines of its sheet."""

    row: Row
    error: str | None
    warnings: tuple[str, ...] = ()
    progress: tuple[str, ...] = ()


class FileNames:
    """Unique file names for one folder: ann-lee.pdf, then ann-lee-2.pdf, ann-lee-3.pdf...

    Each stem remembers the next number to try, so n rows with one name take n
    steps, not n squared. `tries` counts the names looked at.
    """

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.next_number: dict[str, int] = {}
        self.tries = 0

    def add(self, stem: str) -> str:
        name = f"{stem}.pdf"
        self.tries += 1
        if name in self.taken:
            number = self.next_number.get(stem, 2)
            name = f"{stem}-{number}.pdf"
            self.tries += 1
            # Only a name taken by another stem ("Ann Lee 2") makes this loop turn.
            while name in self.taken:
                number += 1
                name = f"{stem}-{number}.pdf"
                self.tries += 1
            self.next_number[stem] = number + 1
        self.taken.add(name)
        return name


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
    columns = _columns(header, path)
    base = path.parent
    rows: list[Row] = []
    names = FileNames()
    for number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue  # blank lines between groups are fine
        cells = [cell.strip() for cell in cells]
        values = dict(zip(columns, cells, strict=False))
        patient = values.get(ROSTER_PATIENT, "")
        if any(cells[len(columns) :]):
            error = (
                f"has {len(cells)} cells but the header has {len(columns)} columns; "
                'put a text that has a comma in double quotes, like "Rest first, then walk".'
            )
            rows.append(Row(number, patient, (), "", error))
            continue
        try:
            args = tuple(roster_cells(values, base))
        except RowError as exc:
            rows.append(Row(number, patient, (), "", str(exc)))
            continue
        output = names.add(safe_name(patient or f"row-{number}"))
        rows.append(Row(number, patient, args, str(folder / output)))
    if not rows:
        raise InputFileError(f"roster {path}: has a header but no rows; add one per patient.")
    return rows


def _columns(header: list[str], path: Path) -> list[str]:
    """The header's column names, each a roster column, or a clear error for the whole roster."""
    for separator, what in ((";", "semicolons"), ("\t", "tabs")):
        if any(separator in name for name in header):
            raise InputFileError(
                f"roster {path}: looks separated by {what} (its header is "
                f"{','.join(header)[:60]!r}); save it as CSV with commas between the cells."
            )
    columns: list[str] = []
    for name in header:
        column = _column(name, path)
        if column in columns:
            first = header[columns.index(column)].strip()
            names = f"{first!r} and {name.strip()!r}" if first != name.strip() else repr(first)
            raise InputFileError(
                f"roster {path}: the header gives column {column!r} twice ({names}); "
                "keep one of them."
            )
        columns.append(column)
    if ROSTER_PATIENT not in columns:
        raise InputFileError(f"roster {path}: has no 'patient' column; add one to the header.")
    return columns


def _column(name: str, path: Path) -> str:
    key = name.strip().lower().replace("-", "_").replace(" ", "_")
    key = ALIASES.get(key, key)
    if key not in ROSTER_COLUMNS:
        close = difflib.get_close_matches(key, list(ROSTER_COLUMNS), n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        raise InputFileError(
            f"roster {path}: column {name!r} is not a build option; {hint}"
            f"use columns from: {', '.join(ROSTER_COLUMNS)}."
        )
    return key


def safe_name(patient: str) -> str:
    """A file name from a patient's name: letters, digits and '-', for any file system."""
    ascii_name = unicodedata.normalize("NFKD", patient).encode("ascii", "ignore").decode()
    words = re.findall(r"[A-Za-z0-9]+", ascii_name)
    name = "-".join(words)[:60].strip("-").lower()
    if not name:
        # A name in another alphabet: keep its letters if the file system allows.
        name = "-".join(re.findall(r"\w+", patient))[:60].lower() or "patient"
    return name


def build_row(row: Row) -> Outcome:
    """Build one row as `makeplan build` would with its options and `-o OUTPUT`.

    The `Progress:` lines of a `progress` row are kept in the outcome, for the
    parent to print whole, rather than written by a worker.
    """
    if row.error is not None:
        return Outcome(row, row.error)
    try:
        sheet = jobs.resolve(request(typed(row.args), row.output))
        warnings = jobs.build(sheet)
    except MakeplanError as exc:
        return Outcome(row, " ".join(exc.message.split()))
    except Exception as exc:  # one row's bug must not stop the clinic's other sheets
        return Outcome(row, f"unexpected problem ({type(exc).__name__}: {exc})")
    progress = tuple(printable(line) for line in sheet.progress)
    return Outcome(row, None, tuple(" ".join(w.split()) for w in warnings), progress)


def build_rows(rows: list[Row]) -> list[Outcome]:
    return [build_row(row) for row in rows]


def _ignore_interrupts() -> None:
    # Ctrl-C reaches every process of the terminal; the parent alone decides what
    # stops, and a worker finishes the sheets it has (each is written whole or not at all).
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_rows(rows: list[Row], jobs: int, done: Callable[[Outcome], None]) -> list[Outcome]:
    """Build every row on `jobs` processes; `done` is called as each finishes, in row order.

    On Ctrl-C no further row is started, the rows being made are finished, and
    the outcomes so far are returned: fewer than the rows.
    """
    outcomes: list[Outcome] = []

    def finish(outcome: Outcome) -> None:
        outcomes.append(outcome)
        done(outcome)

    if jobs <= 1 or len(rows) == 1:
        with contextlib.suppress(KeyboardInterrupt):
            for row in rows:
                finish(build_row(row))
        return outcomes
    # Loaded once here, so that every worker starts with it (on systems that fork).
    import makeplan.render  # noqa: F401

    # Chunks keep the cost of sending rows to the workers small next to a sheet's.
    size = max(1, min(16, len(rows) // (jobs * 4)))
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupts)
    futures: list[Future[list[Outcome]]] = []
    ready: deque[Outcome] = deque()
    received = 0
    try:
        for start in range(0, len(rows), size):
            futures.append(pool.submit(build_rows, rows[start : start + size]))
        for future in futures:
            ready.extend(future.result())
            received += 1
            while ready:
                finish(ready.popleft())
    except KeyboardInterrupt:
        # No new chunk starts; the ones being made are finished, and counted.
        left = futures[received:]
        for future in left:
            future.cancel()
        with contextlib.suppress(KeyboardInterrupt):  # a second Ctrl-C stops the waiting
            for future in left:
                if not future.cancelled():
                    ready.extend(future.result())
            while ready:
                finish(ready.popleft())
        outcomes.extend(ready)
        # Every chunk left is cancelled or done, so waiting for the workers to go is
        # short; not waiting left the pool's exit hook to write to a pipe already
        # closed, a traceback at exit now and then. A second Ctrl-C stops the wait.
        with contextlib.suppress(KeyboardInterrupt):
            pool.shutdown(wait=True, cancel_futures=True)
        return outcomes
    pool.shutdown()
    return outcomes


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def max_jobs() -> int:
    """The most processes worth starting: two per core (61 at most on Windows)."""
    limit = 2 * default_jobs()
    return min(limit, WINDOWS_MAX_JOBS) if sys.platform == "win32" else limit


def choose_jobs(asked: int | None, rows: int) -> tuple[int, str | None]:
    """How many processes to use for `rows` rows, and a warning when `asked` was too many."""
    limit = max_jobs()
    jobs = min(asked or default_jobs(), limit, rows)
    if asked is not None and asked > limit:
        cores = default_jobs()
        return jobs, (
            f"-j/--jobs {asked} is more than {cores} core{'s' if cores != 1 else ''} can use "
            f"(at most {limit}); making {jobs} sheet{'s' if jobs != 1 else ''} at once."
        )
    return jobs, None


def summary(made: int, failed: int, folder: Path, seconds: float) -> str:
    """The last line: 'Made 49 sheets in out, 2 failed, in 0.4 s, 122 sheets a second.'"""
    rate = ""
    if seconds > 0 and made:
        per_second = round(made / seconds)
        if per_second >= 1:
            rate = f", {per_second} sheet{'s' if per_second != 1 else ''} a second"
        else:
            rate = f", {seconds / made:.1f} s a sheet"
    sheets = f"{made} sheet{'s' if made != 1 else ''}"
    return f"Made {sheets} in {folder}, {failed} failed, in {seconds:.1f} s{rate}."


def check_folder(folder: Path) -> None:
    if not folder.is_dir():
        raise OutputError(f"-d/--dir {folder}: is not a folder; create it first.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"-d/--dir {folder}: cannot write in it; choose another folder.")


def refuse_existing(rows: list[Row], folder: Path) -> None:
    """Refuse the whole batch, before any sheet is made, if any sheet's file exists."""
    existing = [row.output for row in rows if row.output and os.path.lexists(row.output)]
    if not existing:
        return
    if len(existing) == 1:
        what = f"{existing[0]} already exists"
    else:
        shown = ", ".join(Path(name).name for name in existing[:3])
        more = ", ..." if len(existing) > 3 else ""
        what = f"{len(existing)} of the sheets already exist in {folder} ({shown}{more})"
    raise OutputError(
        f"-d/--dir {folder}: {what}; nothing was made. Give --force to replace "
        f"{'them' if len(existing) > 1 else 'it'}, or choose another -d folder."
    )

"""The options stage: what a sheet is asked for, from every place that can ask.

A sheet's options come from the command line or a roster row, over a plan file
or the plan inside a returned sheet, then `--progress` moves its doses on (the
files are read by `jobs.resolve`, which calls the functions here in turn). This
module holds the one table of those options, `SHEET_OPTIONS`, and every rule
about them: how each is read from text (with click's wording, so a roster row
says what the command line says), its range and default, which source wins
when two set it, and the defaults filled in from the date and the layout.

From the table come the click options (`cli.params`), the roster's columns
(`batch`), and a plan file's keys, how they are read and their schema
(`planfile`). A new sheet option is one row here, its field in `Options`, and
its use.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, NamedTuple

from makeplan.errors import UsageError
from makeplan.inputs import clean_text
from makeplan.layouts import Layout, is_layout_path
from makeplan.vocabulary import (
    ABILITY_NAMES,
    DAYS,
    HOLD_SECONDS,
    POSITIONS,
    REPS,
    SESSIONS_PER_DAY,
    Range,
)

DEFAULT_DAYS = 1  # when neither the options nor the layout say


@dataclass(frozen=True)
class ExerciseChoice:
    """One exercise of a plan file, with the doses and note set for this patient."""

    id: str
    reps: int | None = None
    sides: int | None = None
    hold_seconds: int | None = None
    sessions_per_day: int | None = None
    note: str | None = None


@dataclass(frozen=True)
class Options:
    """Everything a sheet was asked for, typed and checked (one field per row of the table,
    and what the stage adds: the plan's own doses, where the plan came from, the output)."""

    positions: tuple[str, ...] = POSITIONS
    ability: int | None = None
    exercise_ids: tuple[str, ...] = ()
    reps: int | None = None
    hold_seconds: int | None = None
    sessions_per_day: int | None = None
    days: int | None = None  # None: the layout's default_days, else DEFAULT_DAYS (with_layout)
    layout: str = "one-page"
    paper: str = "a4"
    covers: tuple[Path, ...] = ()
    patient: str | None = None
    clinician: str | None = None
    date: dt.date = dt.date(2000, 1, 1)
    notes: str | None = None
    fillable: bool = True
    output: str = "routine.pdf"
    logo: Path | None = None
    title_page: bool | None = None  # None: as the layout says
    grayscale: bool = False
    libraries: tuple[Path, ...] = ()
    plan_file: Path | None = None  # the plan file the options were read from, if any
    cover_password: str | None = None  # opens covers locked with a user password
    font: Path | None = None  # a TrueType font to print with instead of the built-in ones
    # Per-exercise doses and notes from a plan file, used for the exercises chosen.
    choices: tuple[ExerciseChoice, ...] = ()
    date_given: bool = False  # the date was asked for (a plan file keeps only such a date)
    from_sheet: Path | None = None  # the returned sheet whose plan this is (build --from)


# --- the table ---

# How an option's text is read (and written in a plan file):
#   text: one line, cleaned      notes: text that may keep its line breaks
#   word: as typed               layout: a packaged layout's name, or a layout file
#   path: a file (or folder)     count: a whole number in `range`
#   choice: one of `choices`     ability: a level, by name or number
#   date: YYYY-MM-DD             flag: on when given     switch: on or off (two flags)


class SheetOption(NamedTuple):
    """One option of a sheet: on the command line, in a roster and in a plan file."""

    name: str  # the field of Options it sets (and the click parameter)
    flags: tuple[str, ...]  # as typed: ("-p", "--position")
    kind: str  # how its text is read: see the list above
    help: str  # for --help; {low} and {high} stand for its range
    metavar: str | None = None
    choices: tuple[str, ...] = ()
    range: Range | None = None
    show_default: bool = False  # --help shows Options' default
    multiple: bool = False  # may be given more than once; the values add up
    off: str | None = None  # a switch's second flag (--no-title-page)
    envvar: str | None = None
    roster: bool = True  # a roster column, named after the long flag (--title-page: title_page)
    aliases: tuple[str, ...] = ()  # other names a roster header may give that column
    plan_key: str | None = None  # its key in a plan file (None: not kept in plans)
    expected: str = ""  # what a plan file must give there, in words ({low} and {high} too)
    file: str = ""  # a path in a plan file: what it must name, for its messages
    folder_allowed: bool = False
    refuse_empty: bool = False  # an empty path is a mistake, not "the current folder"

    @property
    def long_flag(self) -> str:
        return next(flag for flag in self.flags if flag.startswith("--"))

    @property
    def column(self) -> str:
        return self.long_flag.removeprefix("--").replace("-", "_")

    @property
    def hint(self) -> str:
        """How click names the option in an error: '-p' / '--position'."""
        return " / ".join(f"'{flag}'" for flag in self.flags)

    def words(self, text: str) -> str:
        """`text` with the range filled in."""
        if self.range is None:
            return text
        return text.format(low=self.range.low, high=self.range.high)


SHEET_OPTIONS: tuple[SheetOption, ...] = (
    SheetOption(
        "plan_file",
        ("--plan",),
        "path",
        metavar="PLAN.toml",
        help="Start from a plan file (see 'makeplan plan'); options given here win over it.",
    ),
    SheetOption(
        "from_sheet",
        ("--from",),
        "path",
        metavar="SHEET.pdf",
        help="Start from the plan inside a sheet makeplan made (one sent back, say), "
        "with a new date: --date, or today.",
    ),
    SheetOption(
        "progress",
        ("--progress",),
        "flag",
        help="With --from: move each exercise one step on, by the ticks on that sheet. "
        "Only an exercise with 80%% or more of its reps ticked, and pain not going up, "
        "moves: a hold 5 seconds longer (up to the exercise's limit, else 30 s), or "
        "else one more rep (up to 10). Others keep their dose.",
    ),
    SheetOption(
        "positions",
        ("-p", "--position"),
        "choice",
        choices=POSITIONS,
        multiple=True,
        aliases=("positions",),
        plan_key="positions",
        help="Exercises done in this position; repeat for more. Default: all three.",
        expected='a list from "lying", "sitting", "standing", like ["lying", "sitting"]',
    ),
    SheetOption(
        "ability",
        ("-a", "--ability"),
        "ability",
        plan_key="ability",
        help="Keep exercises at this level or easier. Default: all levels.",
        expected='"gentle", "moderate", "strengthening", or 1, 2, 3',
    ),
    SheetOption(
        "exercise_ids",
        ("-e", "--exercise"),
        "word",
        metavar="ID",
        multiple=True,
        aliases=("exercises",),
        help="Exactly these exercises, in this order (repeat); -p and -a then do not filter.",
    ),
    SheetOption(
        "libraries",
        ("--library",),
        "path",
        metavar="PATH",
        multiple=True,
        refuse_empty=True,
        plan_key="library",
        file="an exercise file or folder",
        folder_allowed=True,
        help="Your own exercises: a .toml file or a folder of them (repeat). "
        "An id that is in the catalogue replaces that exercise.",
        expected='a list of exercise .toml files or folders, like ["clinic-exercises"], '
        "relative to this file",
    ),
    SheetOption(
        "reps",
        ("--reps",),
        "count",
        range=REPS,
        plan_key="reps",
        help="Reps for every exercise ({low}-{high}).",
        expected="a whole number from {low} to {high}",
    ),
    SheetOption(
        "hold_seconds",
        ("--hold",),
        "count",
        range=HOLD_SECONDS,
        metavar="SECONDS",
        plan_key="hold_seconds",
        help="Hold time for every exercise, in seconds ({low}-{high}; 0 = no hold).",
        expected="a whole number of seconds from {low} to {high} (0: no hold)",
    ),
    SheetOption(
        "sessions_per_day",
        ("--sessions",),
        "count",
        range=SESSIONS_PER_DAY,
        plan_key="sessions_per_day",
        help="Times a day for every exercise ({low}-{high}).",
        expected="a whole number from {low} to {high}",
    ),
    SheetOption(
        "days",
        ("--days",),
        "count",
        range=DAYS,
        plan_key="days",
        help="How many days the sheet tracks ({low}-{high}). "
        f"Default: {DEFAULT_DAYS}, or 7 for the week layout.",
        expected="a whole number of days from {low} to {high}",
    ),
    SheetOption(
        "layout",
        ("--layout",),
        "layout",
        metavar="NAME|PATH",
        show_default=True,
        plan_key="layout",
        help="A packaged layout (one-page, handout, large-print, week) or a layout .toml file.",
        expected="one-page, handout, large-print, week, or a layout .toml file relative to "
        "this file",
    ),
    SheetOption(
        "paper",
        ("--paper",),
        "choice",
        choices=("a4", "letter"),
        show_default=True,
        plan_key="paper",
        help="Paper size.",
        expected='"a4" or "letter"',
    ),
    SheetOption(
        "covers",
        ("--cover",),
        "path",
        metavar="PDF",
        multiple=True,
        aliases=("covers",),
        plan_key="covers",
        file="a PDF",
        help="A PDF whose pages go in front (repeat; kept in the order given). "
        "Scripts, automatic actions, attached files and XFA forms are removed from it; "
        "links to a page, a web page or an email address stay.",
        expected='a list of PDF files, like ["cover.pdf"], relative to this file',
    ),
    SheetOption(
        "cover_password",
        ("--cover-password",),
        "word",
        metavar="PASSWORD",
        envvar="MAKEPLAN_COVER_PASSWORD",
        roster=False,
        help="The password that opens covers locked with one (or set "
        "MAKEPLAN_COVER_PASSWORD, which keeps it out of your shell history). "
        "The merged PDF is not locked.",
    ),
    SheetOption(
        "patient",
        ("--patient",),
        "text",
        plan_key="patient",
        help="The patient's name, printed at the top.",
        expected="the patient's name in quotes",
    ),
    SheetOption(
        "clinician",
        ("--clinician",),
        "text",
        plan_key="clinician",
        help="Who made the plan; printed at the top and in the PDF's author.",
        expected="who made the plan, in quotes",
    ),
    SheetOption(
        "date",
        ("--date",),
        "date",
        metavar="YYYY-MM-DD",
        plan_key="date",
        help="The sheet's first day. Default: today (or the day of SOURCE_DATE_EPOCH).",
        expected="the first day as a date, like 2026-03-01",
    ),
    SheetOption(
        "notes",
        ("--notes",),
        "notes",
        plan_key="notes",
        help="Notes from the clinician, printed under the safety note.",
        expected='the clinician\'s notes in quotes (""" for several lines)',
    ),
    SheetOption(
        "logo",
        ("--logo",),
        "path",
        metavar="IMAGE",
        plan_key="logo",
        file="a PNG or JPEG image",
        help="A PNG or JPEG logo for the top of every page (and the title page).",
        expected="a PNG or JPEG file in quotes, relative to this file",
    ),
    SheetOption(
        "title_page",
        ("--title-page",),
        "switch",
        off="--no-title-page",
        plan_key="title_page",
        help="Start with a title page: who it is for, what a back spasm is, and safety. "
        "Default: on for handout and large-print, off for one-page and week.",
        expected="true or false",
    ),
    SheetOption(
        "font",
        ("--font",),
        "path",
        metavar="TTF",
        plan_key="font",
        file="a TrueType (.ttf) font file",
        help="A TrueType font file to print every text with (for names in other "
        "alphabets). Default: Helvetica, or the bundled DejaVu Sans when the text needs "
        "Greek, Cyrillic or other letters Helvetica lacks.",
        expected="a TrueType (.ttf) font file in quotes, relative to this file",
    ),
    SheetOption(
        "grayscale",
        ("--grayscale",),
        "switch",
        off="--color",
        plan_key="grayscale",
        help="Print every picture, the logo too, in shades of gray.  [default: color]",
        expected="true or false",
    ),
    SheetOption(
        "fillable",
        ("--fillable",),
        "switch",
        off="--no-fillable",
        show_default=True,
        plan_key="fillable",
        help="Also make every box a checkbox that can be ticked in a PDF viewer.",
        expected="true or false",
    ),
)

BY_NAME = {row.name: row for row in SHEET_OPTIONS}
# The per-exercise doses: given for every exercise, they win over a plan's own.
DOSES = tuple(row.name for row in SHEET_OPTIONS if row.name in ExerciseChoice.__dataclass_fields__)
# The order a roster's messages list its columns in, as released; a new column comes after.
_ROSTER_ORDER = (
    "patient", "clinician", "date", "notes", "layout", "paper", "days", "reps", "hold",
    "sessions", "ability", "exercise", "position", "cover", "library", "plan", "from",
    "progress", "logo", "font", "title_page", "grayscale", "fillable",
)  # fmt: skip
ROSTER_COLUMNS = {
    row.column: row
    for row in sorted(
        (row for row in SHEET_OPTIONS if row.roster),
        key=lambda row: (
            _ROSTER_ORDER.index(row.column) if row.column in _ROSTER_ORDER else len(_ROSTER_ORDER)
        ),
    )
}
# A roster's required column: a sheet is for someone.
ROSTER_PATIENT = "patient"


def default_of(name: str) -> Any:
    """The value an option has when nothing sets it (the one place defaults are written)."""
    field = Options.__dataclass_fields__.get(name)
    return None if field is None else field.default


# --- reading values from text (the command line, a roster) ---


class BadValue(ValueError):
    """Text an option cannot take; the message is click's wording, without the option."""


def read_value(row: SheetOption, text: str) -> Any:
    """The typed value of one item of `row` given as text (click's wording when it is bad)."""
    if row.kind == "count":
        assert row.range is not None
        try:
            number = int(text)
        except ValueError:
            raise BadValue(f"{text!r} is not a valid integer range.") from None
        low, high = row.range
        if not low <= number <= high:
            raise BadValue(f"{number} is not in the range {low}<=x<={high}.")
        return number
    if row.kind == "choice":
        if text not in row.choices:
            allowed = ", ".join(repr(choice) for choice in row.choices)
            raise BadValue(f"{text!r} is not one of {allowed}.")
        return text
    if row.kind == "ability":
        return ability_level(text)
    if row.kind == "date":
        return read_date(text)
    if row.kind == "path":
        return Path(text)
    return text


_ABILITY_BY_NAME = {name: level for level, name in ABILITY_NAMES.items()}


def ability_level(value: str | int) -> int:
    """gentle|moderate|strengthening or 1|2|3, as the level number."""
    if isinstance(value, int):
        return value
    text = str(value).strip().lower()
    if text in _ABILITY_BY_NAME:
        return _ABILITY_BY_NAME[text]
    if text in {"1", "2", "3"}:
        return int(text)
    raise BadValue(f"{value!r} is not one of gentle, moderate, strengthening, 1, 2, 3.")


def read_date(value: str | dt.date) -> dt.date:
    """A calendar date written YYYY-MM-DD."""
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise BadValue(
            f"{value!r} is not a real date written YYYY-MM-DD, like 2026-03-01."
        ) from None


# --- a roster row ---

TRUE, FALSE = {"yes", "y", "true", "1", "on"}, {"no", "n", "false", "0", "off"}


class RowError(Exception):
    """A roster cell that cannot be read as its option; the message says why."""


def roster_cells(cells: Mapping[str, str], base: Path) -> Iterable[tuple[str, str | bool]]:
    """A roster row's cells (by column) as (option name, text or on/off) pairs, in order.

    Paths are relative to the roster's folder `base` (a layout file too; a layout
    name stays a name); ids and positions split on ';', ',' or spaces, paths on ';'.
    """
    for column, value in cells.items():
        if not value:
            continue
        row = ROSTER_COLUMNS[column]
        if row.kind in ("flag", "switch"):
            lowered = value.lower()
            if lowered in TRUE:
                yield row.name, True
            elif lowered in FALSE:
                if row.kind == "switch":  # --progress has no "off": it is off unless given
                    yield row.name, False
            else:
                raise RowError(
                    f"column {column!r}: {value!r} is not yes or no; write yes/no, "
                    "true/false, 1/0, on/off, or leave it empty."
                )
        elif row.kind == "layout":
            yield row.name, str(base / value) if is_layout_path(value) else value
        elif row.kind == "path" and row.multiple:
            for item in value.split(";"):
                if item.strip():
                    yield row.name, str(base / item.strip())
        elif row.kind == "path":
            yield row.name, str(base / value)
        elif row.multiple:
            for item in re.split(r"[;,\s]+", value):
                if item:
                    yield row.name, item
        else:
            yield row.name, value


def typed_cells(pairs: Iterable[tuple[str, str | bool]]) -> dict[str, Any]:
    """The values of a roster row's options, typed as the command line types them.

    Also the environment's MAKEPLAN_COVER_PASSWORD, as for the command line.
    """
    given: dict[str, Any] = {}
    for name, value in pairs:
        row = BY_NAME[name]
        if not isinstance(value, bool):
            try:
                value = read_value(row, value)
            except BadValue as exc:
                raise UsageError(f"Invalid value for {row.hint}: {exc}") from None
        if row.multiple:
            given[name] = (*given.get(name, ()), value)
        else:
            given[name] = value
    for row in SHEET_OPTIONS:
        if row.envvar and row.name not in given and os.environ.get(row.envvar):
            given[row.name] = os.environ[row.envvar]
    return given


# --- the stage ---


@dataclass(frozen=True)
class Request:
    """A sheet as asked for, before any file is read: the options given (typed, on the
    command line or in a roster row) and where a plan comes from."""

    given: Mapping[str, Any]  # by Options field; only those given
    plan_file: Path | None = None
    from_sheet: Path | None = None
    progress: bool = False
    output: str = "routine.pdf"


def request(typed: Mapping[str, Any], output: str = "routine.pdf") -> Request:
    """The request for the sheet options given (typed); texts cleaned, the sources checked."""
    given = dict(typed)
    plan_file = given.pop("plan_file", None)
    from_sheet = given.pop("from_sheet", None)
    progress = bool(given.pop("progress", False))
    for name, value in given.items():
        kind = BY_NAME[name].kind
        if kind in ("text", "notes"):
            given[name] = clean_text(value, keep_lines=kind == "notes")
    if from_sheet is not None and plan_file is not None:
        raise UsageError("--from and --plan both give the plan; use one of them.")
    if progress and from_sheet is None:
        raise UsageError(
            "--progress moves doses on from the ticks of a returned sheet; "
            "give the sheet with --from SHEET.pdf."
        )
    return Request(given, plan_file, from_sheet, progress, output)


def resolve(
    request: Request,
    plan_values: Mapping[str, Any] | None,
    plan_file: Path | None,
    today: Callable[[], dt.date],
) -> Options:
    """The options for a sheet: a plan's values (if any) with the request's over them.

    From a returned sheet, the plan's own date is dropped (next week's sheet starts
    today), and libraries given replace the plan's: a returned sheet is rarely
    still in the folder its plan's paths start from.
    """
    values: dict[str, Any] = {}
    if plan_values is not None:
        values = {**plan_values, "plan_file": plan_file}
        if request.from_sheet is not None:
            values.pop("date", None)
            if "libraries" in request.given:
                values.pop("libraries", None)
    values = merge(values, request.given)
    date_given = "date" in values
    if not date_given:
        values["date"] = today()
    return Options(
        **values, date_given=date_given, from_sheet=request.from_sheet, output=request.output
    )


def merge(plan_values: Mapping[str, Any], given: Mapping[str, Any]) -> dict[str, Any]:
    """Option values with the given ones over the plan's.

    Choosing exercises (-e, -p or -a) replaces the plan's list, but its doses and
    notes still apply to the exercises that stay. A dose given is for every
    exercise, so it wins over the plan's per-exercise doses too. Libraries add up:
    the plan's exercises may come from them.
    """
    values = dict(plan_values)
    if any(key in given for key in ("exercise_ids", "positions", "ability")):
        values.pop("exercise_ids", None)
        if "exercise_ids" in given:
            values.pop("positions", None)
            values.pop("ability", None)
    overridden = [key for key in DOSES if key in given]
    if overridden and "choices" in values:
        unset = dict.fromkeys(overridden)
        values["choices"] = tuple(replace(choice, **unset) for choice in values["choices"])
    values.update({key: value for key, value in given.items() if key != "libraries"})
    values["libraries"] = tuple(plan_values.get("libraries", ())) + tuple(
        given.get("libraries", ())
    )
    return values


def today() -> dt.date:
    """Today, or the day of SOURCE_DATE_EPOCH when set (for reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return dt.date.today()
    if not re.fullmatch(r"[+-]?[0-9]+", epoch):
        raise UsageError(
            f"SOURCE_DATE_EPOCH={epoch!r} is not a whole number of seconds since 1970; "
            "unset it or fix it."
        )
    try:
        # ValueError: a year past 9999, or more digits than int() reads.
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    except (ValueError, OverflowError, OSError):
        raise UsageError(
            f"SOURCE_DATE_EPOCH={epoch!r} is outside the dates a sheet can have; "
            "unset it or fix it."
        ) from None


def with_layout(options: Options, layout: Layout) -> Options:
    """`options` with the days filled in: the layout's default, else DEFAULT_DAYS."""
    if options.days is not None:
        return options
    return replace(options, days=layout.default_days or DEFAULT_DAYS)


def fixed_doses(options: Options) -> set[str]:
    """The doses given for every exercise, which --progress does not move."""
    return {name for name in ("reps", "hold_seconds") if getattr(options, name) is not None}

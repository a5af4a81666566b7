"""The table of sheet options, and `Options`: what a sheet is asked for.

A sheet's options come from the command line or a roster row, over a plan file
or the plan inside a returned sheet, then `--progress` moves its doses on. This
module holds the one table of those options, `SHEET_OPTIONS`: each option's
flags, how its text is read, its range, help, roster column and plan-file key;
and `Options`, the typed result, whose fields hold every default. How values
are read from text and which source wins when two set one is `resolving`.

From the table come the click options (`cli.params`), the roster's columns
(`batch`), and a plan file's keys, how they are read and their schema
(`planfile`, `planschema`). A new sheet option is one row here, its field in
`Options`, and its use.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from makeplan.languages import ENGLISH, language_codes
from makeplan.vocabulary import (
    DAYS,
    HOLD_SECONDS,
    PAPERS,
    POSITIONS,
    REPS,
    SESSIONS_PER_DAY,
    UNIT_SYSTEMS,
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
    units: str | None = None  # None: the paper's (vocabulary.PAPER_UNITS)
    lang: str = ENGLISH  # the language the sheet prints in (see languages)
    covers: tuple[Path, ...] = ()
    patient: str | None = None
    clinician: str | None = None
    emergency: str | None = None  # the emergency phone number; None: plain words
    contact: str | None = None  # who to ask questions, printed with the warning signs
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
        choices=PAPERS,
        show_default=True,
        plan_key="paper",
        help="Paper size.",
        expected='"a4" or "letter"',
    ),
    SheetOption(
        "units",
        ("--units",),
        "choice",
        choices=UNIT_SYSTEMS,
        plan_key="units",
        help="Lengths in the steps in metric (meters, centimeters) or US units (feet, "
        "inches). Default: metric on A4 paper, US units on Letter.",
        expected='"metric" or "us" (left out: the paper decides)',
    ),
    SheetOption(
        "lang",
        ("--lang",),
        "choice",
        choices=language_codes(),
        show_default=True,
        metavar="CODE",
        plan_key="lang",
        help="The language the sheet prints in: "
        + ", ".join(language_codes())
        + ". 'makeplan list --lang' shows each with its review status.",
        expected=" or ".join(f'"{code}"' for code in language_codes()),
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
        "emergency",
        ("--emergency",),
        "text",
        metavar="NUMBER",
        plan_key="emergency",
        help="The emergency phone number where the patient lives (999, 911, 112), printed "
        "in the warning signs: 'call 999 or go to a hospital'. Default: "
        "'call an ambulance', which is right in every country.",
        expected='the emergency phone number in quotes, like "999"',
    ),
    SheetOption(
        "contact",
        ("--contact",),
        "text",
        metavar="TEXT",
        plan_key="contact",
        help="Who the patient can ask, and how, printed after the warning signs as "
        "'Questions? Call TEXT.' For example: --contact \"Jo Park on 01632 960 000\".",
        expected='who to call and the number, in quotes, like "Jo Park on 01632 960 000"',
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
    "progress", "logo", "font", "title_page", "grayscale", "fillable", "emergency", "contact",
    "units", "lang",
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

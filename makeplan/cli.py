"""The `makeplan` command line: declares commands and options, nothing else.

Each command parses its options into plain values, calls one core function,
and prints. `main` is the only place that turns failures into the single
`Error: ...` line a user sees and an exit code; tracebacks are shown only
when MAKEPLAN_DEBUG=1 is set.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from makeplan import __version__
from makeplan.errors import ExitCode, MakeplanError, ProblemsError, UsageError
from makeplan.inputs import argv_text, clean_text
from makeplan.terminal import echo_data, printable, use_safe_streams
from makeplan.vocabulary import ABILITY_NAMES, POSITIONS

if TYPE_CHECKING:
    import datetime as dt

    from makeplan.model import Exercise, Options

# Modules that only some commands need (json, datetime, the dataclasses of
# makeplan.model) are imported inside them, so `makeplan --help` stays quick.

_ABILITY_BY_NAME = {name: level for level, name in ABILITY_NAMES.items()}


class AbilityType(click.ParamType):  # type: ignore[type-arg]  # generic only in click 8.3+
    """gentle|moderate|strengthening or 1|2|3, as the level number."""

    name = "ability"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        text = str(value).strip().lower()
        if text in _ABILITY_BY_NAME:
            return _ABILITY_BY_NAME[text]
        if text in {"1", "2", "3"}:
            return int(text)
        self.fail(f"{value!r} is not one of gentle, moderate, strengthening, 1, 2, 3.", param, ctx)

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "[gentle|moderate|strengthening|1|2|3]"


class DateType(click.ParamType):  # type: ignore[type-arg]
    """A calendar date written YYYY-MM-DD."""

    name = "date"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.date:
        import datetime as dt
        import re

        if isinstance(value, dt.date):
            return value
        text = str(value).strip()
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                raise ValueError(text)
            return dt.date.fromisoformat(text)
        except ValueError:
            self.fail(
                f"{value!r} is not a real date written YYYY-MM-DD, like 2026-03-01.", param, ctx
            )


def default_date() -> dt.date:
    """Today, or the day of SOURCE_DATE_EPOCH when set (for reproducible builds)."""
    import datetime as dt
    import re

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


# Options whose text is a path though click reads it as a string.
_PATH_TEXTS = frozenset({"output", "layout"})


class _Command(click.Command):
    """A command that reads what was typed as UTF-8, whatever the locale says."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        rest = super().parse_args(ctx, args)
        for param in self.get_params(ctx):
            if param.name is not None and ctx.params.get(param.name) is not None:
                ctx.params[param.name] = _typed(param, ctx.params[param.name])
        return rest


def _typed(param: click.Parameter, value: Any) -> Any:
    """`value` with its text read as UTF-8 (see inputs.argv_text); paths only checked."""
    if isinstance(param, click.Option):
        name = "/".join(param.opts)
    else:
        name = f"the argument {param.human_readable_name}"
    path = isinstance(param.type, click.Path) or param.name in _PATH_TEXTS
    if isinstance(value, str):
        return argv_text(value, name, path=path)
    if isinstance(value, Path):
        argv_text(str(value), name, path=True)
        return value
    if isinstance(value, tuple):
        return tuple(_typed(param, item) for item in value)
    return value


class _Group(click.Group):
    command_class = _Command


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="makeplan")
def cli() -> None:
    """Make printable exercise sheets for lower-back spasms.

    Pick exercises by position (lying, sitting, standing) and ability, and get
    a PDF with a box to tick for every single repetition: on paper with a pen,
    or on screen in a PDF viewer.

    \b
    Start here:
      makeplan list                      see the exercises
      makeplan build -o routine.pdf      a one-page daily sheet
      makeplan build --layout handout    full steps over several pages
      makeplan report routine.pdf        what was ticked, once it comes back
    """


# The selection options read the same in `list` and `build`.
position_option = click.option(
    "-p",
    "--position",
    "positions",
    multiple=True,
    type=click.Choice(POSITIONS),
    help="Exercises done in this position; repeat for more. Default: all three.",
)
ability_option = click.option(
    "-a",
    "--ability",
    type=AbilityType(),
    help="Keep exercises at this level or easier. Default: all levels.",
)


def _no_empty_paths(
    ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
) -> tuple[Path, ...]:
    """Paths as given; an empty one is a mistake, not "the current folder"."""
    if any(not value.strip() for value in values):
        raise click.BadParameter("is empty; give a file or folder name.", ctx, param)
    return tuple(Path(value) for value in values)


library_option = click.option(
    "--library",
    "libraries",
    multiple=True,
    callback=_no_empty_paths,
    metavar="PATH",
    help="Your own exercises: a .toml file or a folder of them (repeat). "
    "An id that is in the catalogue replaces that exercise.",
)


def _catalogue(libraries: tuple[Path, ...]) -> tuple[Exercise, ...]:
    from makeplan.catalogue import load_catalogue

    return load_catalogue(libraries)


@cli.command("list")
@position_option
@ability_option
@library_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="A table to read, or JSON for other programs.",
)
def list_command(
    positions: tuple[str, ...],
    ability: int | None,
    libraries: tuple[Path, ...],
    output_format: str,
) -> None:
    """List the exercises: built-in, or from a library (and which they replace)."""
    from makeplan.selection import filter_exercises

    exercises = filter_exercises(_catalogue(libraries), positions or POSITIONS, ability)
    if output_format == "json":
        import json

        from makeplan.wording import step_text

        entries = [
            # Steps as a patient reads them, with the hold filled in.
            {**ex.as_dict(), "steps": [step_text(step, ex.hold_seconds) for step in ex.steps]}
            for ex in exercises
        ]
        echo_data(json.dumps(entries, indent=2, ensure_ascii=False) + "\n")
        return
    click.echo(_table(exercises))


def _table(exercises: list[Exercise]) -> str:
    from makeplan.model import PlannedExercise
    from makeplan.wording import dose_words

    header = ("ID", "NAME", "POSITION", "ABILITY", "FROM", "DOSE")
    rows = [header] + [
        (
            ex.id,
            ex.name,
            ex.position,
            f"{ex.ability} {ABILITY_NAMES[ex.ability]}",
            ex.origin,
            dose_words(
                PlannedExercise(ex, ex.reps, ex.sides, ex.hold_seconds, ex.sessions_per_day)
            ),
        )
        for ex in exercises
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(len(header) - 1)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=True))
        + "  "
        + row[-1]
        for row in rows
    )


@cli.command("show")
@click.argument("exercise_id", metavar="ID")
@library_option
def show_command(exercise_id: str, libraries: tuple[Path, ...]) -> None:
    """Show one exercise in full: dose, steps, cautions and where it comes from."""
    from makeplan.selection import find_exercises

    (exercise,) = find_exercises(_catalogue(libraries), [exercise_id], option="ID")
    click.echo(_describe(exercise))


def _describe(ex: Exercise) -> str:
    from makeplan.wording import step_text

    def number(field: str, value: int, unit: str = "") -> str:
        mark = "  (default: the article gives no number; set it for the patient)"
        return f"{value}{unit}{mark if field in ex.defaults else ''}"

    origin = ex.origin + (f" ({ex.library_file})" if ex.library_file else "")
    lines = [
        f"{ex.name}  [{ex.id}]",
        f"From:         {origin}",
        f"Position:     {ex.position}",
        f"Ability:      {ex.ability} {ABILITY_NAMES[ex.ability]}"
        + (f": {ex.ability_reason}" if ex.ability_reason else ""),
        f"Reps:         {number('reps', ex.reps)}",
        f"Sides:        {ex.sides} ({'each side separately' if ex.sides == 2 else 'both at once'})",
        f"Hold:         {number('hold_seconds', ex.hold_seconds, ' s')}",
        f"Times a day:  {number('sessions_per_day', ex.sessions_per_day)}",
        f"Targets:      {', '.join(ex.targets)}",
        f"Equipment:    {', '.join(ex.equipment) or 'none'}",
        f"In short:     {ex.cue}",
        "Steps:",
        *(
            f"  {index}. {step_text(step, ex.hold_seconds)}"
            for index, step in enumerate(ex.steps, start=1)
        ),
        "Cautions:",
        *(f"  - {caution}" for caution in ex.cautions or ("none given",)),
        f"Source:       {', '.join(ex.source) or 'not given'}",
    ]
    if ex.picture is not None:
        lines.append(f"Picture:      {ex.picture.path} ({ex.picture.kind})")
    return "\n".join(lines)


# The options of a sheet, shared by `build` and `plan`. Each name is the
# field of `Options` it sets; only options given on the command line are
# passed on, so that a plan file's values stand where the command line is silent.
_SHEET_OPTIONS = [
    click.option(
        "--plan",
        "plan_file",
        type=click.Path(path_type=Path),
        metavar="PLAN.toml",
        help="Start from a plan file (see 'makeplan plan'); options given here win over it.",
    ),
    click.option(
        "--from",
        "from_sheet",
        type=click.Path(path_type=Path),
        metavar="SHEET.pdf",
        help="Start from the plan inside a sheet makeplan made (one sent back, say), "
        "with a new date: --date, or today.",
    ),
    click.option(
        "--progress",
        is_flag=True,
        help="With --from: move each exercise one step on, by the ticks on that sheet. "
        "Only an exercise with 80%% or more of its reps ticked, and pain not going up, "
        "moves: a hold 5 seconds longer (up to the exercise's limit, else 30 s), or "
        "else one more rep (up to 10). Others keep their dose.",
    ),
    position_option,
    ability_option,
    click.option(
        "-e",
        "--exercise",
        "exercise_ids",
        multiple=True,
        metavar="ID",
        help="Exactly these exercises, in this order (repeat); -p and -a then do not filter.",
    ),
    library_option,
    click.option("--reps", type=click.IntRange(1, 100), help="Reps for every exercise (1-100)."),
    click.option(
        "--hold",
        "hold_seconds",
        type=click.IntRange(0, 600),
        metavar="SECONDS",
        help="Hold time for every exercise, in seconds (0-600; 0 = no hold).",
    ),
    click.option(
        "--sessions",
        "sessions_per_day",
        type=click.IntRange(1, 12),
        help="Times a day for every exercise (1-12).",
    ),
    click.option(
        "--days",
        type=click.IntRange(1, 31),
        help="How many days the sheet tracks (1-31). Default: 1, or 7 for the week layout.",
    ),
    click.option(
        "--layout",
        default="one-page",
        show_default=True,
        metavar="NAME|PATH",
        help="A packaged layout (one-page, handout, large-print, week) or a layout .toml file.",
    ),
    click.option(
        "--paper",
        type=click.Choice(["a4", "letter"]),
        default="a4",
        show_default=True,
        help="Paper size.",
    ),
    click.option(
        "--cover",
        "covers",
        multiple=True,
        type=click.Path(path_type=Path),
        metavar="PDF",
        help="A PDF whose pages go in front (repeat; kept in the order given). "
        "Scripts, automatic actions, attached files and XFA forms are removed from it; "
        "links to a page, a web page or an email address stay.",
    ),
    click.option(
        "--cover-password",
        metavar="PASSWORD",
        envvar="MAKEPLAN_COVER_PASSWORD",
        help="The password that opens covers locked with one (or set "
        "MAKEPLAN_COVER_PASSWORD, which keeps it out of your shell history). "
        "The merged PDF is not locked.",
    ),
    click.option("--patient", help="The patient's name, printed at the top."),
    click.option(
        "--clinician", help="Who made the plan; printed at the top and in the PDF's author."
    ),
    click.option(
        "--date",
        type=DateType(),
        metavar="YYYY-MM-DD",
        help="The sheet's first day. Default: today (or the day of SOURCE_DATE_EPOCH).",
    ),
    click.option("--notes", help="Notes from the clinician, printed under the safety note."),
    click.option(
        "--logo",
        type=click.Path(path_type=Path),
        metavar="IMAGE",
        help="A PNG or JPEG logo for the top of every page (and the title page).",
    ),
    click.option(
        "--title-page/--no-title-page",
        default=None,
        help="Start with a title page: who it is for, what a back spasm is, and safety. "
        "Default: on for handout and large-print, off for one-page and week.",
    ),
    click.option(
        "--font",
        type=click.Path(path_type=Path),
        metavar="TTF",
        help="A TrueType font file to print every text with (for names in other "
        "alphabets). Default: Helvetica, or the bundled DejaVu Sans when the text needs "
        "Greek, Cyrillic or other letters Helvetica lacks.",
    ),
    click.option(
        "--grayscale/--color",
        default=False,
        help="Print every picture, the logo too, in shades of gray.  [default: color]",
    ),
    click.option(
        "--fillable/--no-fillable",
        default=True,
        show_default=True,
        help="Also make every box a checkbox that can be ticked in a PDF viewer.",
    ),
]


def sheet_options(command: Any) -> Any:
    for option in reversed(_SHEET_OPTIONS):
        command = option(command)
    return command


def _given(ctx: click.Context, params: dict[str, Any]) -> dict[str, Any]:
    """The sheet options that were typed (or set in the environment), cleaned."""
    from click.core import ParameterSource

    given = {
        name: value
        for name, value in params.items()
        if ctx.get_parameter_source(name) not in (ParameterSource.DEFAULT, None)
    }
    for name in ("patient", "clinician"):
        if name in given:
            given[name] = clean_text(given[name])
    if "notes" in given:
        given["notes"] = clean_text(given["notes"], keep_lines=True)
    return given


def _options(ctx: click.Context, params: dict[str, Any]) -> tuple[Options, bool]:
    """The `Options` for a sheet, from a plan file if given and the command line over it.

    Also says whether a date was set (by either), which a saved plan keeps.
    """
    from dataclasses import replace

    from makeplan.planfile import resolve_options

    plan_file = params.pop("plan_file")
    from_sheet = params.pop("from_sheet")
    progress = params.pop("progress")
    given = _given(ctx, params)
    plan_data = None
    if from_sheet is not None:
        if plan_file is not None:
            raise UsageError("--from and --plan both give the plan; use one of them.")
        from makeplan.report.adherence import plan_inside

        plan_file, plan_data = plan_inside(from_sheet)
    elif progress:
        raise UsageError(
            "--progress moves doses on from the ticks of a returned sheet; "
            "give the sheet with --from SHEET.pdf."
        )
    try:
        options, date_given = resolve_options(
            given, plan_file, default_date, plan_data, from_sheet=from_sheet is not None
        )
    except ProblemsError as exc:
        if from_sheet is None:
            raise
        raise ProblemsError(
            f"the plan inside {from_sheet}",
            exc.problems,
            f"its paths start from the folder the sheet is in now ({from_sheet.parent}); put "
            "those files where the lines below say, or give them again with --cover, "
            "--logo, --library or --font",
        ) from None
    if progress and from_sheet is not None:
        options = _progressed(options, from_sheet)
    return replace(options, from_sheet=from_sheet), date_given


def _progressed(options: Options, sheet: Path) -> Options:
    """`options` with each exercise's dose moved on by the ticks on `sheet`."""
    from dataclasses import replace

    from makeplan.build import resolve_plan
    from makeplan.catalogue import load_catalogue
    from makeplan.progress import progressed
    from makeplan.report.adherence import read_report

    report = read_report([sheet])
    catalogue = {exercise.id: exercise for exercise in load_catalogue(options.libraries)}
    # Only the exercises on the new sheet (-e, -p or -a may choose others).
    _, _, plan = resolve_plan(options)
    on_sheet = {item.exercise.id for item in plan.exercises}
    fixed = {name for name in ("reps", "hold_seconds") if getattr(options, name) is not None}
    choices, lines = progressed(options.choices, report, catalogue, on_sheet, fixed)
    for line in lines:
        click.echo(printable(f"Progress: {line}"), err=True)
    return replace(options, choices=choices)


@cli.command("build")
@sheet_options
@click.option(
    "-o",
    "--output",
    default="routine.pdf",
    show_default=True,
    metavar="PATH",
    help="Where to write the PDF; '-' writes it to standard output.",
)
@click.pass_context
def build_command(ctx: click.Context, /, output: str, **params: Any) -> None:
    """Make the exercise sheet as a PDF.

    Every exercise gets one box per rep, per side, per time of day, per day.
    The sheet always carries a safety note: when to stop, and the warning
    signs that need a doctor rather than exercise.

    With --plan, the sheet is made from a saved plan file; any option given
    here changes that one setting (-e, -p or -a choose the exercises afresh,
    keeping the plan's own doses for those that stay; --library adds to the
    plan's libraries).
    """
    for warning in sheet(ctx):
        click.echo(printable(f"Warning: {warning}"), err=True)
    if output != "-":
        click.echo(printable(f"Wrote {output}"), err=True)


def sheet(ctx: click.Context) -> list[str]:
    """Make the sheet a parsed `build` command asks for; returns the warnings.

    Shared with `batch`, whose rows are parsed as `build` arguments.
    """
    from dataclasses import replace

    from makeplan.build import build

    params = dict(ctx.params)
    output = params.pop("output")
    options, _ = _options(ctx, params)
    return build(replace(options, output=output))


@cli.command("plan")
@sheet_options
@click.option(
    "-o",
    "--output",
    default="plan.toml",
    show_default=True,
    metavar="PLAN.toml",
    help="Where to write the plan file; '-' writes it to standard output.",
)
@click.option("--force", is_flag=True, help="Replace the plan file if it exists.")
@click.pass_context
def plan_command(ctx: click.Context, /, output: str, force: bool, **params: Any) -> None:
    """Write the plan that 'build' would use, as a file to edit and keep.

    Takes the same options as 'build'. Every dose is written out for each
    exercise, so you can change one (say, 8 reps of one exercise and a
    30-second hold on another), add a note, and then run
    'makeplan build --plan PLAN.toml'. An existing file is kept unless you
    give --force.
    """
    from makeplan.build import save_plan

    options, date_given = _options(ctx, params)
    save_plan(options, output, date_given=date_given, overwrite=force)
    if output != "-":
        click.echo(printable(f"Wrote {output}"), err=True)


@cli.command("batch")
@click.argument("roster", type=click.Path(path_type=Path), metavar="ROSTER.csv")
@click.option(
    "-d",
    "--dir",
    "folder",
    type=click.Path(path_type=Path),
    default=".",
    show_default=True,
    help="The folder the sheets go in.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 256),
    help="How many sheets to make at once. Default: one per core; at most two per core.",
)
@click.option("--force", is_flag=True, help="Replace sheets that already exist in the folder.")
def batch_command(roster: Path, folder: Path, jobs: int | None, force: bool) -> None:
    """Make a sheet for every patient in a roster (a CSV file), on every core.

    \b
    The header row names the columns: 'patient', then any 'build' option by
    its long name, for example:
      patient,layout,days,exercise,notes
      Ann Lee,week,7,knee-hug-side-tilt;back-rounder,Rest first.
      Jo Park,,,,
    or a 'plan' column with a plan file for the row. Empty cells use the
    defaults; paths (a layout file too) are relative to the roster. A text
    with a comma goes in double quotes. Each sheet is named from the patient
    (ann-lee.pdf). Nothing is made if a sheet's file already exists, unless
    you give --force. A bad row is reported with its row number and the
    others are still made; the exit code is 1 when any row failed.
    """
    import shutil
    import time

    from makeplan.batch import (
        check_folder,
        choose_jobs,
        read_roster,
        refuse_existing,
        run_rows,
        summary,
    )

    check_folder(folder)
    rows = read_roster(roster, folder)
    if not force:
        refuse_existing(rows, folder)
    jobs, too_many = choose_jobs(jobs, len(rows))
    if too_many:
        click.echo(f"Warning: {too_many}", err=True)
    start = time.perf_counter()
    failed: list[str] = []
    on_terminal = sys.stderr.isatty()
    with click.progressbar(
        length=len(rows), label="Making sheets", file=sys.stderr, show_pos=True
    ) as bar:

        def done(outcome: Any) -> None:
            name = outcome.row.name
            if outcome.error is not None:
                failed.append(f"{name}: {outcome.error}")
            lines = [f"Warning: {name}: {warning}" for warning in outcome.warnings]
            lines += [f"Progress: {name}: {line}" for line in outcome.progress]
            if lines and on_terminal:  # clear the bar; the update below draws it again
                blank = " " * (shutil.get_terminal_size().columns - 1)
                click.echo(f"\r{blank}\r", nl=False, err=True)
            for line in lines:
                click.echo(line, err=True)
            bar.update(1)

        outcomes = run_rows(rows, jobs, done)
    seconds = time.perf_counter() - start
    for line in failed:
        click.echo(f"Error: {line}", err=True)
    made = len(outcomes) - len(failed)
    sheets = f"{made} sheet{'s' if made != 1 else ''}"
    if len(outcomes) < len(rows):
        written = (
            f"{sheets} {'was' if made == 1 else 'were'} written in {folder}"
            if made
            else "no sheet was written"
        )
        click.echo(
            f"Error: stopped before finishing; {written}, and {len(rows) - len(outcomes)} "
            f"of the {len(rows)} rows were not made. Run again with --force to make them all.",
            err=True,
        )
        click.get_current_context().exit(130)
    click.echo(summary(made, len(failed), folder, seconds), err=True)
    if failed:
        click.get_current_context().exit(ExitCode.PROBLEMS)


@cli.command("check")
@click.argument("paths", nargs=-1, required=True, callback=_no_empty_paths)
def check_command(paths: tuple[Path, ...]) -> None:
    """Check plan files and exercise library files (or folders of them).

    Prints every problem, one a line, as FILE:LINE: field: what is wrong,
    what is expected. Exits with 1 when there is any problem, 0 when there
    is none. It also opens the files they name: covers, logo, photos.
    """
    from makeplan.checking import check_paths

    problems, checked = check_paths(paths)
    for problem in problems:
        click.echo(printable(str(problem)))
    files = f"{checked} file{'s' if checked != 1 else ''}"
    if problems:
        count = len(problems)
        click.echo(f"{count} problem{'s' if count != 1 else ''} in {files} checked.", err=True)
        ctx = click.get_current_context()
        ctx.exit(ExitCode.PROBLEMS)
    click.echo(f"No problems in {files} checked.", err=True)


@cli.command("report")
@click.argument("sheets", nargs=-1, required=True, callback=_no_empty_paths, metavar="SHEET.pdf...")
@click.option(
    "--format",
    "form",
    type=click.Choice(("table", "json", "csv")),
    default="table",
    show_default=True,
    help="How to print the report.",
)
@click.option(
    "--chart",
    type=click.Path(path_type=Path),
    metavar="PATH",
    help="Also write a one-page chart (PDF): reps done per day, and the pain trend.",
)
def report_command(sheets: tuple[Path, ...], form: str, chart: Path | None) -> None:
    """Read the ticks and pain scores of returned sheets, and report what was done.

    Give one sheet, or several (say, week1.pdf week2.pdf) for one report over
    the whole period, in date order. For each exercise and day it prints the
    reps done out of the reps planned, the percentage, the sessions missed,
    and the pain scores written in. The sheets must be ones makeplan made
    with fillable boxes, ticked in a PDF viewer and saved.
    """
    from makeplan.report.adherence import read_report
    from makeplan.report.formats import formatted

    if chart is not None:
        from makeplan.output import check_writable

        _refuse_chart_over_a_sheet(chart, sheets)
        check_writable(str(chart), "--chart")
    report = read_report(sheets)
    for warning in report.warnings:
        click.echo(printable(f"Warning: {warning}"), err=True)
    if form == "table":
        click.echo(formatted(report, form), nl=False)
    else:
        echo_data(formatted(report, form))
    if chart is not None:
        from makeplan.output import write_output
        from makeplan.pdfs.pack import pack
        from makeplan.render.chart import chart_pdf

        write_output(str(chart), pack(chart_pdf(report)), "--chart")
        click.echo(printable(f"Wrote {chart}"), err=True)


def _refuse_chart_over_a_sheet(chart: Path, sheets: tuple[Path, ...]) -> None:
    if str(chart) == "-":
        raise UsageError("--chart needs a file name (the report itself goes to the screen).")
    if any(os.path.realpath(chart) == os.path.realpath(sheet) for sheet in sheets):
        raise UsageError(
            f"--chart {chart} is one of the sheets being read; write the chart to another file."
        )


def _one_line(message: str) -> str:
    return " ".join(message.split())


def _fail(message: str, code: int) -> int:
    click.echo(f"Error: {printable(_one_line(message))}", err=True)
    return code


def run(args: list[str] | None = None) -> int:
    """Run the command line and return the exit code; never raises for user errors."""
    use_safe_streams()
    try:
        result = cli.main(args=args, prog_name="makeplan", standalone_mode=False)
    except ProblemsError as exc:
        code = _fail(exc.message, exc.exit_code)
        for problem in exc.problems:
            click.echo(printable(_one_line(str(problem))), err=True)
        return code
    except MakeplanError as exc:
        return _fail(exc.message, exc.exit_code)
    except click.exceptions.UsageError as exc:
        if type(exc).__name__ == "NoArgsIsHelpError" and exc.ctx is not None:
            # Plain `makeplan` asks for help, not a mistake (click 8.2+ raises for it).
            click.echo(exc.ctx.get_help())
            return 0
        command = exc.ctx.command_path if exc.ctx else "makeplan"
        return _fail(
            f"{exc.format_message()} Run '{command} --help' for the options.", exc.exit_code
        )
    except click.ClickException as exc:
        return _fail(exc.format_message(), exc.exit_code)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.Abort:
        return _fail("stopped before finishing; nothing was written.", 130)
    except BrokenPipeError:
        return 0
    except Exception as exc:
        if os.environ.get("MAKEPLAN_DEBUG") == "1":
            import traceback

            traceback.print_exc()
        return _fail(
            f"unexpected problem ({type(exc).__name__}: {exc}); nothing was written. "
            "Please report it; set MAKEPLAN_DEBUG=1 to see the details.",
            ExitCode.INTERNAL,
        )
    return result if isinstance(result, int) else 0


def main() -> None:
    sys.exit(run())

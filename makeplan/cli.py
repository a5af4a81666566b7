"""The `makeplan` command line: declares commands and options, nothing else.

Each command parses its options into plain values, calls one core function,
and prints. `main` is the only place that turns failures into the single
`Error: ...` line a user sees and an exit code; tracebacks are shown only
when MAKEPLAN_DEBUG=1 is set.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
import traceback
from pathlib import Path
from typing import Any

import click

from makeplan import __version__
from makeplan.errors import ExitCode, MakeplanError, UsageError
from makeplan.model import ABILITY_NAMES, POSITIONS, Exercise, Options

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
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return dt.date.today()
    try:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    except ValueError:
        raise UsageError(
            f"SOURCE_DATE_EPOCH={epoch!r} is not a whole number of seconds since 1970; "
            "unset it or fix it."
        ) from None
    except (OverflowError, OSError):
        raise UsageError(
            f"SOURCE_DATE_EPOCH={epoch!r} is outside the dates a sheet can have; "
            "unset it or fix it."
        ) from None


def _clean(text: str | None, *, keep_lines: bool = False) -> str | None:
    """Strip user text; None when empty. Line breaks only where a block of text allows them."""
    if text is None:
        return None
    # Bytes that are not UTF-8 reach Python as lone surrogates; show them as '?'
    # and drop control characters, which no font can print.
    text = text.encode("utf-8", "replace").decode("utf-8")
    text = "".join(ch if ch in "\n\t" or (ord(ch) >= 32 and ch != "\x7f") else " " for ch in text)
    if not keep_lines:
        text = " ".join(text.split())
    text = text.strip()
    return text or None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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


@cli.command("list")
@position_option
@ability_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="A table to read, or JSON for other programs.",
)
def list_command(positions: tuple[str, ...], ability: int | None, output_format: str) -> None:
    """List the exercises in the catalogue."""
    from makeplan.catalogue import load_catalogue
    from makeplan.selection import filter_exercises

    exercises = filter_exercises(load_catalogue(), positions or POSITIONS, ability)
    if output_format == "json":
        click.echo(json.dumps([exercise.as_dict() for exercise in exercises], indent=2))
        return
    click.echo(_table(exercises))


def _table(exercises: list[Exercise]) -> str:
    from makeplan.model import PlannedExercise
    from makeplan.wording import dose_words

    header = ("ID", "NAME", "POSITION", "ABILITY", "DOSE")
    rows = [header] + [
        (
            ex.id,
            ex.name,
            ex.position,
            f"{ex.ability} {ABILITY_NAMES[ex.ability]}",
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
def show_command(exercise_id: str) -> None:
    """Show one exercise in full: dose, steps, cautions and where it comes from."""
    from makeplan.catalogue import load_catalogue
    from makeplan.selection import find_exercises

    (exercise,) = find_exercises(load_catalogue(), [exercise_id], option="ID")
    click.echo(_describe(exercise))


def _describe(ex: Exercise) -> str:
    def number(field: str, value: int, unit: str = "") -> str:
        mark = "  (default: the article gives no number; set it for the patient)"
        return f"{value}{unit}{mark if field in ex.defaults else ''}"

    lines = [
        f"{ex.name}  [{ex.id}]",
        f"Position:     {ex.position}",
        f"Ability:      {ex.ability} {ABILITY_NAMES[ex.ability]}: {ex.ability_reason}",
        f"Reps:         {number('reps', ex.reps)}",
        f"Sides:        {ex.sides} ({'each side separately' if ex.sides == 2 else 'both at once'})",
        f"Hold:         {number('hold_seconds', ex.hold_seconds, ' s')}",
        f"Times a day:  {number('sessions_per_day', ex.sessions_per_day)}",
        f"Targets:      {', '.join(ex.targets)}",
        f"Equipment:    {', '.join(ex.equipment) or 'none'}",
        f"In short:     {ex.cue}",
        "Steps:",
        *(f"  {index}. {step}" for index, step in enumerate(ex.steps, start=1)),
        "Cautions:",
        *(f"  - {caution}" for caution in ex.cautions),
        f"Source:       {', '.join(ex.source)}",
    ]
    return "\n".join(lines)


@cli.command("build")
@position_option
@ability_option
@click.option(
    "-e",
    "--exercise",
    "exercise_ids",
    multiple=True,
    metavar="ID",
    help="Exactly these exercises, in this order (repeat); -p and -a then do not filter.",
)
@click.option("--reps", type=click.IntRange(1, 100), help="Reps for every exercise (1-100).")
@click.option(
    "--hold",
    "hold_seconds",
    type=click.IntRange(0, 600),
    metavar="SECONDS",
    help="Hold time for every exercise, in seconds (0-600; 0 = no hold).",
)
@click.option(
    "--sessions",
    "sessions_per_day",
    type=click.IntRange(1, 12),
    help="Times a day for every exercise (1-12).",
)
@click.option(
    "--days",
    type=click.IntRange(1, 31),
    help="How many days the sheet tracks (1-31). Default: 1, or 7 for the week layout.",
)
@click.option(
    "--layout",
    default="one-page",
    show_default=True,
    metavar="NAME|PATH",
    help="A packaged layout (one-page, handout, large-print, week) or a layout .toml file.",
)
@click.option(
    "--paper",
    type=click.Choice(["a4", "letter"]),
    default="a4",
    show_default=True,
    help="Paper size.",
)
@click.option(
    "--cover",
    "covers",
    multiple=True,
    type=click.Path(path_type=Path),
    metavar="PDF",
    help="A PDF whose pages go in front (repeat; kept in the order given).",
)
@click.option("--patient", help="The patient's name, printed at the top.")
@click.option("--clinician", help="Who made the plan; printed at the top and in the PDF's author.")
@click.option(
    "--date",
    type=DateType(),
    metavar="YYYY-MM-DD",
    help="The sheet's first day. Default: today (or the day of SOURCE_DATE_EPOCH).",
)
@click.option("--notes", help="Notes from the clinician, printed under the safety note.")
@click.option(
    "--logo",
    type=click.Path(path_type=Path),
    metavar="IMAGE",
    help="A PNG or JPEG logo for the top of every page (and the title page).",
)
@click.option(
    "--title-page/--no-title-page",
    default=None,
    help="Start with a title page: who it is for, what a back spasm is, and safety. "
    "Default: on for handout and large-print, off for one-page and week.",
)
@click.option(
    "--grayscale",
    is_flag=True,
    help="Print every picture, the logo too, in shades of gray.",
)
@click.option(
    "--fillable/--no-fillable",
    default=True,
    show_default=True,
    help="Also make every box a checkbox that can be ticked in a PDF viewer.",
)
@click.option(
    "-o",
    "--output",
    default="routine.pdf",
    show_default=True,
    metavar="PATH",
    help="Where to write the PDF; '-' writes it to standard output.",
)
def build_command(
    positions: tuple[str, ...],
    ability: int | None,
    exercise_ids: tuple[str, ...],
    reps: int | None,
    hold_seconds: int | None,
    sessions_per_day: int | None,
    days: int | None,
    layout: str,
    paper: str,
    covers: tuple[Path, ...],
    patient: str | None,
    clinician: str | None,
    date: dt.date | None,
    notes: str | None,
    logo: Path | None,
    title_page: bool | None,
    grayscale: bool,
    fillable: bool,
    output: str,
) -> None:
    """Make the exercise sheet as a PDF.

    Every exercise gets one box per rep, per side, per time of day, per day.
    The sheet always carries a safety note: when to stop, and the warning
    signs that need a doctor rather than exercise.
    """
    from makeplan.build import build

    options = Options(
        positions=positions or POSITIONS,
        ability=ability,
        exercise_ids=exercise_ids,
        reps=reps,
        hold_seconds=hold_seconds,
        sessions_per_day=sessions_per_day,
        days=days,
        layout=layout,
        paper=paper,
        covers=covers,
        patient=_clean(patient),
        clinician=_clean(clinician),
        date=date or default_date(),
        notes=_clean(notes, keep_lines=True),
        fillable=fillable,
        output=output,
        logo=logo,
        title_page=title_page,
        grayscale=grayscale,
    )
    for warning in build(options):
        click.echo(f"Warning: {warning}", err=True)
    if output != "-":
        click.echo(f"Wrote {output}", err=True)


def _one_line(message: str) -> str:
    return " ".join(message.split())


def _fail(message: str, code: int) -> int:
    click.echo(f"Error: {_one_line(message)}", err=True)
    return code


def run(args: list[str] | None = None) -> int:
    """Run the command line and return the exit code; never raises for user errors."""
    try:
        result = cli.main(args=args, prog_name="makeplan", standalone_mode=False)
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
            traceback.print_exc()
        return _fail(
            f"unexpected problem ({type(exc).__name__}: {exc}); nothing was written. "
            "Please report it; set MAKEPLAN_DEBUG=1 to see the details.",
            ExitCode.INTERNAL,
        )
    return result if isinstance(result, int) else 0


def main() -> None:
    sys.exit(run())

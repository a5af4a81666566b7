"""`makeplan list`, `show`, `check`, `report` and `read`: each parses its arguments, calls
one job, and prints what it returns."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from makeplan.cli.params import TableCommand, TypedCommand, no_empty_paths
from makeplan.errors import ExitCode
from makeplan.terminal import data_bytes, printable


def echo_data(text: str) -> None:
    """Machine-readable output (JSON, CSV) on standard output, as UTF-8 bytes."""
    click.echo(data_bytes(text), nl=False)


def format_option(
    name: str, choices: tuple[str, ...], text: str
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """`--format`, a table for people by default, or data for other programs."""
    return click.option(
        "--format", name, type=click.Choice(choices), default="table", show_default=True,
        help=text,
    )  # fmt: skip


# The selection options read the same in `list` as in `build` (rows of the table).
_SELECTION = ("positions", "ability", "libraries")


@click.command("list", cls=TableCommand, rows=_SELECTION)
@format_option("output_format", ("table", "json"), "A table to read, or JSON for other programs.")
@click.option(
    "--lang",
    "languages",
    is_flag=True,
    help="List the languages a sheet can print in (build --lang CODE), with who "
    "translated each and whether a clinician has reviewed it.",
)
def list_command(
    positions: tuple[str, ...],
    ability: int | None,
    libraries: tuple[Path, ...],
    output_format: str,
    languages: bool,
) -> None:
    """List the exercises: built-in, or from a library (and which they replace)."""
    from makeplan import listing

    if languages:
        if output_format == "json":
            echo_data(listing.languages_json())
        else:
            click.echo(listing.languages_table())
        return
    exercises = listing.exercises(positions, ability, libraries)
    if output_format == "json":
        echo_data(listing.as_json(exercises))
        return
    click.echo(listing.table(exercises))


@click.command("show", cls=TableCommand, rows=("libraries",))
@click.argument("exercise_id", metavar="ID")
@click.option(
    "--lang",
    metavar="CODE",
    help="Show its texts in English and in this language, line under line, for a "
    "clinician who reads both to review the translation.",
)
def show_command(exercise_id: str, libraries: tuple[Path, ...], lang: str | None) -> None:
    """Show one exercise in full: dose, steps, cautions and where it comes from."""
    from makeplan import listing

    exercise = listing.exercise(exercise_id, libraries)
    if lang is not None and lang != "en":
        click.echo(listing.translation_review(exercise, lang))
        return
    click.echo(listing.describe(exercise))


@click.command("check", cls=TypedCommand)
@click.argument("paths", nargs=-1, required=True, callback=no_empty_paths)
def check_command(paths: tuple[Path, ...]) -> None:
    """Check plan, exercise library, layout and pose files (or folders of exercises).

    Prints every problem, one a line, as FILE:LINE: field: what is wrong,
    what is expected. Exits with 1 when there is any problem, 0 when there
    is none. It also opens the files they name: covers, logo, font, photos,
    pose files.
    """
    from makeplan import jobs

    problems, checked = jobs.check(paths)
    for problem in problems:
        click.echo(printable(str(problem)))
    files = f"{checked} file{'s' if checked != 1 else ''}"
    if problems:
        count = len(problems)
        click.echo(f"{count} problem{'s' if count != 1 else ''} in {files} checked.", err=True)
        ctx = click.get_current_context()
        ctx.exit(ExitCode.PROBLEMS)
    click.echo(f"No problems in {files} checked.", err=True)


@click.command("report", cls=TypedCommand)
@click.argument("sheets", nargs=-1, required=True, callback=no_empty_paths, metavar="SHEET.pdf...")
@format_option("form", ("table", "json", "csv"), "How to print the report.")
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
    from makeplan import jobs

    report = jobs.report(sheets, chart)
    for warning in report.warnings:
        click.echo(printable(f"Warning: {warning}"), err=True)
    if form == "table":
        click.echo(jobs.report_text(report, form), nl=False)
    else:
        echo_data(jobs.report_text(report, form))
    if chart is not None:
        jobs.write_chart(report, chart)
        click.echo(printable(f"Wrote {chart}"), err=True)


@click.command("read", cls=TypedCommand)
@click.argument(
    "images", nargs=-1, required=True, callback=no_empty_paths, metavar="PHOTO_OR_SCAN..."
)
@click.option(
    "--sheet",
    required=True,
    type=click.Path(path_type=Path),
    metavar="ORIGINAL.pdf",
    help="The sheet that was printed (the PDF makeplan made), or a folder of sheets: "
    "the one whose code is on the pages is used.",
)
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="FILLED.pdf",
    help="Where to write the sheet with the boxes read ticked: a returned sheet for "
    "'makeplan report'.",
)
@format_option("form", ("table", "json"), "How to print what was read.")
@click.option(
    "--review",
    type=click.Path(path_type=Path),
    metavar="DIR",
    help="Also write each page as a picture with every box outlined: green ticked, "
    "grey empty, amber unclear.",
)
def read_command(
    images: tuple[Path, ...], sheet: Path, output: str, form: str, review: Path | None
) -> None:
    """Read the ticks and pain marks from photos or scans of a printed sheet.

    Give phone photos (JPEG, PNG, HEIC) or scans (TIFF, PDF; several pages
    each is fine), in any order and any way up, and the sheet that was
    printed. The boxes read are ticked in a copy of that sheet (-o), which
    'makeplan report' then reads like a sheet ticked on screen. A box that is
    not clearly ticked or empty is left unticked, listed and highlighted:
    check those by eye. Needs the scan extra: pip install 'makeplan[scan]'.
    """
    from makeplan import jobs

    if output == "-" and form == "json":
        raise click.UsageError(
            "-o - and --format json would both use standard output; give -o a file name."
        )
    result = jobs.read_paper(images, sheet, output, review)
    from makeplan.scan.summary import as_json, as_lines

    for warning in result.warnings:
        click.echo(printable(f"Warning: {warning}"), err=True)
    if form == "json":
        echo_data(as_json(result, output))
    else:
        for line in as_lines(result):
            click.echo(line, err=output == "-")
    if output != "-":
        click.echo(printable(f"Wrote {output}"), err=True)

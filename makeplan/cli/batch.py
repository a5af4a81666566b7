"""`makeplan batch`: a sheet for every roster row, with a progress bar and a summary
(the rows are read and built by `makeplan.batch`)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from makeplan.cli.params import TypedCommand
from makeplan.errors import ExitCode

if TYPE_CHECKING:
    from makeplan.batch import Outcome


@click.command("batch", cls=TypedCommand)
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

    from makeplan import batch

    batch.check_folder(folder)
    rows = batch.read_roster(roster, folder)
    if not force:
        batch.refuse_existing(rows, folder)
    jobs, too_many = batch.choose_jobs(jobs, len(rows))
    if too_many:
        click.echo(f"Warning: {too_many}", err=True)
    start = time.perf_counter()
    failed: list[str] = []
    on_terminal = sys.stderr.isatty()
    with click.progressbar(
        length=len(rows), label="Making sheets", file=sys.stderr, show_pos=True
    ) as bar:

        def done(outcome: Outcome) -> None:
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

        outcomes = batch.run_rows(rows, jobs, done)
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
    click.echo(batch.summary(made, len(failed), folder, seconds), err=True)
    if failed:
        click.get_current_context().exit(ExitCode.PROBLEMS)

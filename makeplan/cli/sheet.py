"""`makeplan build` and `makeplan plan`: every sheet option (from the table in
`makeplan.options`), then one call to the options stage and one to the job."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click
from click.core import ParameterSource

from makeplan.cli.params import TableCommand
from makeplan.terminal import printable

if TYPE_CHECKING:
    from makeplan.jobs import Sheet


def _sheet(ctx: click.Context, output: str = "routine.pdf") -> Sheet:
    """The sheet the typed options ask for, resolved once; prints --progress's lines."""
    from makeplan import jobs, options, resolving

    # Only options given (typed, or set in the environment) are passed on, so that a
    # plan file's values stand where the command line is silent.
    typed = {
        name: value
        for name, value in ctx.params.items()
        if name in options.BY_NAME
        and ctx.get_parameter_source(name) not in (ParameterSource.DEFAULT, None)
    }
    sheet = jobs.resolve(resolving.request(typed, output))
    for line in sheet.progress:
        click.echo(printable(f"Progress: {line}"), err=True)
    return sheet


@click.command("build", cls=TableCommand)
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
    from makeplan import jobs

    for warning in jobs.build(_sheet(ctx, output)):
        click.echo(printable(f"Warning: {warning}"), err=True)
    if output != "-":
        click.echo(printable(f"Wrote {output}"), err=True)


@click.command("plan", cls=TableCommand)
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
    from makeplan import jobs

    for warning in jobs.write_plan(_sheet(ctx), output, overwrite=force):
        click.echo(printable(f"Warning: {warning}"), err=True)
    if output != "-":
        click.echo(printable(f"Wrote {output}"), err=True)

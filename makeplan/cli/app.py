"""The `makeplan` group, and `run`: the one place a failure becomes `Error: ...`.

`run` turns every `MakeplanError` (and click's own usage errors) into one
`Error: ...` line and its exit code; tracebacks are shown only when
MAKEPLAN_DEBUG=1 is set.
"""

from __future__ import annotations

import os
import sys

import click

from makeplan import __version__
from makeplan.cli.batch import batch_command
from makeplan.cli.commands import (
    check_command,
    list_command,
    read_command,
    report_command,
    show_command,
)
from makeplan.cli.params import TypedGroup
from makeplan.cli.serve import serve_command
from makeplan.cli.sheet import build_command, plan_command
from makeplan.errors import ExitCode, MakeplanError, ProblemsError
from makeplan.terminal import printable, use_safe_streams


@click.group(cls=TypedGroup, context_settings={"help_option_names": ["-h", "--help"]})
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
      makeplan read photo.jpg --sheet routine.pdf -o ticked.pdf
                                         read a photo of the paper sheet
      makeplan serve                     all of it as a web page, in a browser
    """


for _command in (
    list_command,
    show_command,
    build_command,
    plan_command,
    batch_command,
    check_command,
    report_command,
    read_command,
    serve_command,
):
    cli.add_command(_command)


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

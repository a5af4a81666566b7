"""The `makeplan` command line: the only package that uses click.

It declares commands and options, calls one job (`makeplan.jobs`, or
`makeplan.batch` for a roster) and prints what it returns:

    app.py       the group, and `run`: the one place errors become `Error: ...`
    params.py    parameter types, and the sheet options made from `options.SHEET_OPTIONS`
    sheet.py     build and plan
    commands.py  list, show, check and report
    batch.py     batch
    serve.py     serve (the web page, in makeplan.web)

The library is imported inside the commands (the command-line boundary), so
`makeplan --help` loads click and little else.
"""

from __future__ import annotations

from makeplan.cli.app import cli, main, run

__all__ = ["cli", "main", "run"]

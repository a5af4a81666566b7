"""`makeplan serve`: the web page for clinicians (its server is `makeplan.web`)."""

from __future__ import annotations

import click

from makeplan.cli.params import TypedCommand
from makeplan.terminal import printable


@click.command("serve", cls=TypedCommand)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=0,
    help="The port to listen on. Default: a free one.",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="The address to listen on. Only this computer can reach 127.0.0.1; any other "
    "address lets others on that network reach the page.",
)
@click.option("--no-browser", is_flag=True, help="Do not open the page in a browser.")
def serve_command(port: int, host: str, no_browser: bool) -> None:
    """Open makeplan as a web page: pick exercises, see the sheet, download the PDF,
    save and open plan files, and read returned sheets, all in a browser.

    The page runs on this computer only (127.0.0.1) and keeps nothing between
    answers. Needs the web extra: pip install 'makeplan[web]'.
    """
    from makeplan.web.server import engines, is_loopback, serve

    engines()
    if not is_loopback(host):
        click.echo(
            printable(
                f"Warning: --host {host}: anyone on that network can reach this page and the "
                "patient data typed into it; use it only on a network you trust."
            ),
            err=True,
        )

    def say(line: str) -> None:
        click.echo(printable(line), err=True)

    serve(host, port, not no_browser, say)

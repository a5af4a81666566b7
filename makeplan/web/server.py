"""The server behind `makeplan serve`: Werkzeug's threaded server on 127.0.0.1 (or the
host asked for), a free port unless one is given, and the browser opened on it.

A thread per request, so a page answers while sheets are being made (the
builds themselves take turns, see `app.ENGINE`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from makeplan.errors import UsageError

INSTALL = "the web page needs the web extra: pip install 'makeplan[web]'"
LOOPBACK = "127.0.0.1"


def engines() -> None:
    """Flask and pypdfium2, or a UsageError saying how to install them."""
    try:
        import flask  # noqa: F401
        import pypdfium2  # noqa: F401
    except ImportError:
        raise UsageError(INSTALL) from None


def is_loopback(host: str) -> bool:
    return host in (LOOPBACK, "localhost", "::1") or host.startswith("127.")


def make_server(host: str = LOOPBACK, port: int = 0) -> Any:
    """A threaded server for the app, listening (port 0: a free one, chosen by the OS)."""
    import socket

    from werkzeug.serving import make_server as werkzeug_server

    from makeplan.web.app import create_app

    app = create_app(host if not is_loopback(host) else LOOPBACK, 0)
    # The socket is bound here, so a port in use is one of makeplan's own errors
    # (Werkzeug would print its own lines and exit).
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        listener = socket.socket(family, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((host, port))
        listener.listen(128)
    except OSError as exc:
        raise UsageError(
            f"--port {port}: cannot listen on {host}:{port} ({exc.strerror}); "
            "choose another port, or leave --port out for a free one."
        ) from None
    except (UnicodeError, ValueError, OverflowError) as exc:
        raise UsageError(f"--host {host!r}: not an address to listen on ({exc}).") from None
    port = listener.getsockname()[1]
    server = werkzeug_server(host, port, app, threaded=True, fd=listener.fileno())
    listener.detach()  # the server's socket is its own copy of the descriptor now
    app.config["BOUND"] = (LOOPBACK if is_loopback(host) else host, server.port)
    return server


def address(server: Any, host: str) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{server.port}/"


def serve(host: str, port: int, open_browser: bool, say: Callable[[str], None]) -> None:
    """Serve until interrupted; `say` prints a line for the user."""
    import logging

    engines()
    # A line per request is noise to a clinician (and no patient data is in addresses).
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = make_server(host, port)
    url = address(server, host if not host.startswith("0.") and host != "::" else LOOPBACK)
    try:
        say(f"makeplan's page is at {url}  (press Ctrl+C to stop)")
        if open_browser:
            import webbrowser

            threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()
        server.serve_forever()  # Werkzeug's returns on Ctrl+C
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    say("Stopped.")

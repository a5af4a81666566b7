"""Writes the finished PDF: checked up front, written beside the target, renamed at the end.

A failed run never leaves a half-written file or clobbers an existing one:
the bytes go to a temporary file in the same folder, which replaces the
target with one atomic rename only when everything worked.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

from makeplan.errors import OutputError

STDOUT = "-"


def check_writable(target: str) -> None:
    """Fail before any work if `target` cannot be written."""
    if target == STDOUT:
        return
    path = Path(target)
    if path.is_dir():
        raise OutputError(f"-o/--output {target} is a folder; give a file name like routine.pdf.")
    folder = path.parent
    if not folder.exists():
        raise OutputError(
            f"-o/--output {target}: the folder {folder} does not exist; create it first."
        )
    if not folder.is_dir():
        raise OutputError(f"-o/--output {target}: {folder} is not a folder.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"-o/--output {target}: cannot write in {folder}; choose another place.")
    if path.exists() and not os.access(path, os.W_OK):
        raise OutputError(f"-o/--output {target} is read-only; choose another name.")


def write_output(target: str, data: bytes) -> None:
    """Write `data` to `target` atomically, or to standard output for '-'."""
    if target == STDOUT:
        try:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        except BrokenPipeError:
            # The reader stopped early (`| head`); that is its choice, not an error.
            with contextlib.suppress(OSError):
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, sys.stdout.fileno())
        return
    path = Path(target)
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or Path(".")
        )
    except OSError as exc:
        raise OutputError(f"-o/--output {target}: cannot write ({exc.strerror}).") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp makes the file private; a sheet is an ordinary document.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise OutputError(f"-o/--output {target}: cannot write ({exc.strerror}).") from None

"""Writes the finished PDF: checked up front, written beside the target, renamed at the end.

A failed run never leaves a half-written file or clobbers an existing one:
the bytes go to a temporary file in the same folder, which replaces the
target with one atomic rename only when everything worked (or, when an
existing file must be kept, is hard-linked to the target name, which fails if
the name was taken meanwhile). A symlink is
followed (the file it points to is replaced, the link stays); devices, pipes
and other special files are refused rather than replaced by a regular file.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from pathlib import Path

from makeplan.errors import OutputError

STDOUT = "-"


def resolve_target(target: str, option: str = "-o/--output") -> Path:
    """The regular file that `target` names (following symlinks), checked for writing.

    Raises `OutputError` before any work is done when it cannot be written.
    """
    where = f"{option} {target!r}"
    if not target.strip():
        raise OutputError(f"{where} is empty; give a file name like routine.pdf.")
    if target.endswith(("/", os.sep)):
        raise OutputError(f"{where} ends with a '/', so it names a folder; add a file name.")
    try:
        path = Path(target).resolve()
        if path.is_dir():
            raise OutputError(f"{where} is a folder; give a file name like routine.pdf.")
        if path.exists() and not stat.S_ISREG(path.stat().st_mode):
            raise OutputError(
                f"{where} is a device, pipe or other special file, not a regular file; "
                "give a file name, or '-' to write to standard output."
            )
        folder = path.parent
        if not folder.exists():
            raise OutputError(f"{where}: the folder {folder} does not exist; create it first.")
        if not folder.is_dir():
            raise OutputError(f"{where}: {folder} is not a folder.")
        if not os.access(folder, os.W_OK | os.X_OK):
            raise OutputError(f"{where}: cannot write in {folder}; choose another place.")
        if path.exists() and not os.access(path, os.W_OK):
            raise OutputError(f"{where} is read-only; choose another name.")
    except RuntimeError:  # a symlink loop, from resolve()
        raise OutputError(f"{where} is a symlink that loops; give a real file name.") from None
    except OSError as exc:
        raise OutputError(
            f"{where} cannot be used ({exc.strerror}); choose another name."
        ) from None
    return path


def check_writable(target: str, option: str = "-o/--output") -> None:
    """Fail before any work if `target` cannot be written."""
    if target != STDOUT:
        resolve_target(target, option)


def exists_error(target: str, option: str = "-o/--output") -> OutputError:
    """The refusal to replace an existing file without --force."""
    return OutputError(
        f"{option} {target} already exists; give --force to replace it, or choose another name."
    )


def write_output(
    target: str, data: bytes, option: str = "-o/--output", *, exclusive: bool = False
) -> None:
    """Write `data` to `target` atomically, or to standard output for '-'.

    With `exclusive`, an existing target is kept and `exists_error` raised: the
    check and the creation are one step, so of two runs at once only one writes.
    """
    if target == STDOUT:
        _write_stdout(data)
        return
    path = resolve_target(target, option)
    try:
        # A short fixed prefix: a name with the target's name in it could pass the
        # file system's length limit for a target whose own name is just under it.
        handle, temporary = tempfile.mkstemp(prefix=".makeplan-", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"{option} {target}: cannot write ({exc.strerror}).") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(path))
        if exclusive:
            _link_exclusively(temporary, path, data)
        else:
            os.replace(temporary, path)
    except FileExistsError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise exists_error(target, option) from None
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise OutputError(f"{option} {target}: cannot write ({exc.strerror}).") from None


def _link_exclusively(temporary: str, path: Path, data: bytes) -> None:
    """Give the finished `temporary` file the name `path` unless that name exists.

    Raises FileExistsError when it does. A file system without hard links gets
    the bytes written into a file created with O_EXCL instead.
    """
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise
    except OSError:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _mode_for(path))
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
    with contextlib.suppress(OSError):
        os.unlink(temporary)


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones (umask applied)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _write_stdout(data: bytes) -> None:
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:
        raise OutputError("-o - writes to standard output, but it is closed; give a file name.")
    try:
        stream.write(data)
        stream.flush()
    except BrokenPipeError:
        # The reader stopped early (`| head`); that is its choice, not an error.
        # Point stdout at devnull so Python's own flush at exit does not complain.
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
    except OSError as exc:
        raise OutputError(f"-o - could not write to standard output ({exc.strerror}).") from None

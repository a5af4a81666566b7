"""Reads the user's input files, turning what the OS says into one clear error.

Layouts, logos (and, later, plan and library files) all start as a path typed
by a person; this module owns the one place where a missing file, a folder or
an unreadable file becomes a `MakeplanError` that says what to give instead.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from makeplan.errors import MakeplanError, UsageError

MAX_TEXT_BYTES = 2_000_000  # plan, exercise, layout and pose files are a few KB
MAX_IMAGE_BYTES = 200_000_000  # a 50-megapixel photo is well under this


# Every file read for the sheet being made (real paths), so that the output is
# never written over one of them: see `tracking_inputs` and build.write step.
_READ: set[str] | None = None


@contextmanager
def tracking_inputs() -> Iterator[set[str]]:
    """Collect the real paths of every input file read inside the block."""
    global _READ
    saved, _READ = _READ, set()
    try:
        yield _READ
    finally:
        _READ = saved


def note_input(path: Path) -> None:
    """Remember that `path` is read for the sheet being made."""
    if _READ is not None:
        _READ.add(os.path.realpath(path))


def read_input(
    path: Path,
    where: str,
    expected: str,
    error: type[MakeplanError],
    max_bytes: int = MAX_TEXT_BYTES,
) -> bytes:
    """The bytes of `path`; `where` starts each message, `expected` names what to give.

    Only a regular file of at most `max_bytes` is read: a device like /dev/zero
    or a huge file given by mistake is refused rather than read without end.
    """
    try:
        # Looked at before opening: opening a pipe would wait for a writer.
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            raise error(f"{where}: is not a regular file; give {expected}.")
        if info.st_size > max_bytes:
            raise error(
                f"{where}: is {info.st_size / 1_000_000:.1f} MB, too large for "
                f"{expected} (at most {max_bytes / 1_000_000:.0f} MB)."
            )
        note_input(path)
        with path.open("rb") as file:
            return file.read(max_bytes + 1)
    except FileNotFoundError:
        raise error(f"{where}: no such file; check the path.") from None
    except IsADirectoryError:
        raise error(f"{where}: is a folder, not a file; give {expected}.") from None
    except OSError as exc:
        raise error(f"{where}: cannot be read ({exc.strerror}).") from None


def clean_text(text: str | None, *, keep_lines: bool = False) -> str | None:
    """Strip user text; None when empty. Line breaks only where a block of text allows them."""
    if text is None:
        return None
    # Bytes that reached Python escaped (a non-UTF-8 locale) are read as UTF-8;
    # any that are not UTF-8 become U+FFFD. Control characters, which no font
    # can print, are dropped below.
    text = utf8_text(text, "replace")
    # One character per accented letter where Unicode has one (NFC), as fonts expect.
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch if ch in "\n\t" or (ord(ch) >= 32 and ch != "\x7f") else " " for ch in text)
    if not keep_lines:
        text = " ".join(text.split())
    text = text.strip()
    return text or None


# Python turns the bytes of a command line or file name that its locale cannot
# decode into lone surrogates (U+DC80 to U+DCFF, "surrogateescape").
_SURROGATE = re.compile("[\ud800-\udfff]")


def utf8_text(text: str, errors: str = "strict") -> str:
    """`text` with any bytes that reached Python escaped read back as UTF-8.

    Under a locale that is not UTF-8 (LC_ALL=C with Python's UTF-8 mode off),
    "Zoë" typed in a UTF-8 terminal arrives as "Zo\udcc3\udcab". `errors` says
    what to do with bytes that are not UTF-8 ("strict" raises UnicodeError).
    """
    if not _SURROGATE.search(text):
        return text
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that stands for no byte: never UTF-8
        raw = text.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", errors)


def argv_text(value: str, option: str, *, path: bool = False) -> str:
    """A value typed on the command line, read as UTF-8 whatever the locale says.

    Text comes back as the letters typed; a path is only checked, and kept as the
    operating system gave it (the form its file functions need under any locale).
    Bytes that are not UTF-8 are refused: guessing would print a wrong name.
    """
    try:
        text = utf8_text(value)
    except UnicodeError:
        raise UsageError(
            f"{option}: the text given could not be read, as its bytes are not UTF-8; "
            "set a UTF-8 locale (for example LC_ALL=C.UTF-8) and give it again."
        ) from None
    return value if path else text


def os_path(text: str) -> str:
    """A path written as text (a plan file's UTF-8) in the form the OS file functions take.

    The same text under a UTF-8 locale; under another, the UTF-8 bytes escaped
    as Python's file functions expect them (see `utf8_text`).
    """
    return os.fsdecode(text.encode("utf-8", "surrogateescape"))

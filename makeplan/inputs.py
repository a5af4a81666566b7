"""Reads the user's input files, turning what the OS says into one clear error.

Layouts, logos (and, later, plan and library files) all start as a path typed
by a person; this module owns the one place where a missing file, a folder or
an unreadable file becomes a `MakeplanError` that says what to give instead.
"""

from __future__ import annotations

from pathlib import Path

from makeplan.errors import MakeplanError


def read_input(path: Path, where: str, expected: str, error: type[MakeplanError]) -> bytes:
    """The bytes of `path`; `where` starts each message, `expected` names what to give."""
    try:
        return path.read_bytes()
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
    # Bytes that are not UTF-8 reach Python as lone surrogates; show them as '?'
    # and drop control characters, which no font can print.
    text = text.encode("utf-8", "replace").decode("utf-8")
    text = "".join(ch if ch in "\n\t" or (ord(ch) >= 32 and ch != "\x7f") else " " for ch in text)
    if not keep_lines:
        text = " ".join(text.split())
    text = text.strip()
    return text or None

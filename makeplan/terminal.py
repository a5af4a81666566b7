"""What makeplan writes to a terminal: never a crash on encoding, never a raw control.

- Human text (tables, `show`, `check`, warnings and errors) is written in the
  terminal's own encoding; a character it cannot hold is written as a
  backslash escape (`\\u0141`) rather than stopping the command.
  `use_safe_streams` sets that up once, when the command starts.
- Machine formats (JSON, CSV) are written as UTF-8 bytes whatever the
  terminal's encoding (`data_bytes`), so a program reads the same bytes
  everywhere, and JSON stays valid.
- `printable` makes one line of user text safe to show: control characters
  and the invisible marks that reorder a line (a right-to-left override turns
  it around) are shown as escapes (`\\x1b`, `\\u202e`), and bytes that came
  in escaped from a command line or file name are read as UTF-8.
"""

from __future__ import annotations

import contextlib
import re
import sys

from makeplan.inputs import utf8_text

# Characters that would break, rewrite or reorder a line on a terminal: controls,
# the line and paragraph separators, and the invisible direction and width marks.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` safe to print on one line of a terminal, every character in it visible."""
    return _UNSAFE.sub(_escape, utf8_text(text, "backslashreplace"))


def use_safe_streams() -> None:
    """Human text never fails on the terminal's encoding: what it cannot hold is escaped."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:  # no stream (pythonw), or one a host replaced
            continue
        with contextlib.suppress(ValueError, OSError):
            reconfigure(errors="backslashreplace")


def data_bytes(text: str) -> bytes:
    """Machine-readable output (JSON, CSV) as the UTF-8 bytes to write to standard output."""
    return utf8_text(text, "replace").encode("utf-8")

"""Finds the line each key and list item of a TOML file starts on.

The standard library's `tomllib` gives values but not where they were
written, and a problem report is only useful with a line number. This module
scans text that `tomllib` has already accepted and maps every path (keys,
array-of-tables and array indices, like ("exercise", 2, "reps")) to the
1-based line where it starts. Because the text is known to be valid TOML,
the scanner can be small: it only needs to tell keys, strings and brackets
apart.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

Path = tuple[str | int, ...]

_BARE_KEY = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
# The escapes of a basic string ("..."): \uXXXX, \UXXXXXXXX, and one letter or
# mark (\xHH and \e are TOML 1.1's). A literal string ('...') has none.
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|x([0-9A-Fa-f]{2})|(.))", re.DOTALL)
_ESCAPED = {
    "b": "\b",
    "t": "\t",
    "n": "\n",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    '"': '"',
    "\\": "\\",
}


def _unescape(match: re.Match[str]) -> str:
    code = match[1] or match[2] or match[3]
    if code is None:
        return _ESCAPED.get(match[4], match[0])
    return chr(int(code, 16)) if int(code, 16) <= 0x10FFFF else match[0]


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.line = 1
        self.lines: dict[Path, int] = {}
        self.table_counts: dict[Path, int] = {}

    # --- characters ---

    def peek(self, offset: int = 0) -> str:
        index = self.pos + offset
        return self.text[index] if index < len(self.text) else ""

    def advance(self, count: int = 1) -> None:
        for _ in range(count):
            if self.peek() == "\n":
                self.line += 1
            self.pos += 1

    def skip_blank(self, newlines: bool) -> None:
        """Skip spaces and comments (and line breaks when `newlines`)."""
        while self.pos < len(self.text):
            char = self.peek()
            if char in " \t\r" or (newlines and char == "\n"):
                self.advance()
            elif char == "#":
                while self.pos < len(self.text) and self.peek() != "\n":
                    self.advance()
            else:
                return

    # --- pieces ---

    def string(self) -> str:
        quote = self.peek()
        triple = self.text.startswith(quote * 3, self.pos)
        self.advance(3 if triple else 1)
        start = self.pos
        while self.pos < len(self.text):
            char = self.peek()
            if quote == '"' and char == "\\":
                self.advance(2)  # an escape: the next character never ends the string
                continue
            if char == quote and (not triple or self.text.startswith(quote * 3, self.pos)):
                if triple:
                    # A closing run may have up to two more quotes that belong to the string.
                    while self.text.startswith(quote * 4, self.pos):
                        self.advance()
                value = self.text[start : self.pos]
                self.advance(3 if triple else 1)
                return value
            self.advance()
        return self.text[start:]

    def key(self) -> Path:
        """A dotted key, like `a."b c".d`."""
        parts: list[str | int] = []
        while True:
            self.skip_blank(newlines=False)
            if self.peek() in "\"'":
                basic = self.peek() == '"'
                text = self.string()
                # A key is named by what its escapes stand for: "\u0064ays" is days.
                parts.append(_ESCAPE.sub(_unescape, text) if basic else text)
            else:
                start = self.pos
                while self.peek() in _BARE_KEY and self.peek():
                    self.advance()
                parts.append(self.text[start : self.pos])
            self.skip_blank(newlines=False)
            if self.peek() != ".":
                return tuple(parts)
            self.advance()

    def value(self, path: Path) -> None:
        self.skip_blank(newlines=False)
        char = self.peek()
        if char in "\"'":
            self.string()
        elif char == "[":
            self.array(path)
        elif char == "{":
            self.inline_table(path)
        else:
            while self.peek() and self.peek() not in ",]}\n#":
                self.advance()

    def array(self, path: Path) -> None:
        self.advance()  # [
        index = 0
        while True:
            self.skip_blank(newlines=True)
            if self.peek() == "]" or not self.peek():
                self.advance()
                return
            self.lines.setdefault((*path, index), self.line)
            self.value((*path, index))
            self.skip_blank(newlines=True)
            if self.peek() == ",":
                self.advance()
            index += 1

    def inline_table(self, path: Path) -> None:
        self.advance()  # {
        while True:
            self.skip_blank(newlines=True)
            if self.peek() == "}" or not self.peek():
                self.advance()
                return
            self.key_value(path)
            self.skip_blank(newlines=True)
            if self.peek() == ",":
                self.advance()

    def key_value(self, prefix: Path) -> None:
        line = self.line
        dotted = self.key()
        for end in range(1, len(dotted) + 1):
            # `a.b.c = 1` also defines the tables a and a.b on this line.
            self.lines.setdefault(prefix + dotted[:end], line)
        path = prefix + dotted
        self.skip_blank(newlines=False)
        self.advance()  # =
        self.value(path)

    def header(self) -> Path:
        """A `[table]` or `[[array.of.tables]]` line; returns the path keys now go under."""
        line = self.line
        double = self.text.startswith("[[", self.pos)
        self.advance(2 if double else 1)
        keys = self.key()
        self.advance(2 if double else 1)
        # A name inside an array of tables means its latest element: in
        # `[[exercise]]` then `[exercise.extra]`, extra belongs to that exercise.
        path: Path = ()
        for index, key in enumerate(keys):
            path = (*path, key)
            last = index == len(keys) - 1
            if path in self.table_counts and not (double and last):
                path = (*path, self.table_counts[path])
            self.lines.setdefault(path, line)
        if not double:
            return path
        count = self.table_counts.get(path, -1) + 1
        self.table_counts[path] = count
        self.lines.setdefault((*path, count), line)
        return (*path, count)

    def document(self) -> dict[Path, int]:
        prefix: Path = ()
        while True:
            self.skip_blank(newlines=True)
            if self.pos >= len(self.text):
                return self.lines
            before = self.pos
            if self.peek() == "[":
                prefix = self.header()
            else:
                self.key_value(prefix)
            if self.pos == before:  # never loop on text this scanner does not expect
                self.advance()
            # Anything left on the line is a comment or the line break.
            self.skip_blank(newlines=False)


def key_lines(text: str) -> dict[Path, int]:
    """Every key path in `text` (valid TOML) and the line it starts on."""
    return _Scanner(text).document()


def line_of(lines: Mapping[Path, int], path: Path) -> int:
    """The line of `path`, or of its closest parent that was written (1 for the top)."""
    for end in range(len(path), 0, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return 1

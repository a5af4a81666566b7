"""Strict checks for values read from layout and pose files.

Both are plain TOML tables; this module owns the small vocabulary used to
check them (exercise and plan files are checked against JSON Schemas by
`validation` instead): a field must exist, have the right type,
lie in its range, and no unknown field may appear (with the close known name
suggested). Every problem raises `DataError` naming the file and the key.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from makeplan.errors import DataError
from makeplan.inputs import read_input


def load_toml(text: bytes | str, origin: str) -> dict[str, Any]:
    """Parse TOML text, turning a syntax error into a `DataError` naming `origin`."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")  # a byte-order mark from Windows editors is fine
        except UnicodeDecodeError:
            raise DataError(f"{origin} is not UTF-8 text; save it as UTF-8 TOML.") from None
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise DataError(
            f"{origin} nests lists or tables too deeply to read; simplify it."
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"{origin} is not valid TOML ({exc}); fix the syntax.") from None


def read_toml_file(path: Path) -> dict[str, Any]:
    """Read and parse a TOML file from disk."""
    return load_toml(read_input(path, str(path), "a .toml file", DataError), str(path))


class Table:
    """One TOML table being checked; remembers which keys were read."""

    def __init__(self, data: Mapping[str, Any], origin: str, prefix: str = "") -> None:
        self.data = data
        self.origin = origin
        self.prefix = prefix
        self._seen: set[str] = set()

    def _where(self, key: str) -> str:
        return f"{self.origin}: {self.prefix}{key}"

    def fail(self, key: str, problem: str) -> DataError:
        return DataError(f"{self._where(key)} {problem}")

    def _get(self, key: str, default: Any, required: bool) -> Any:
        self._seen.add(key)
        if key in self.data:
            return self.data[key]
        if required:
            raise self.fail(key, "is missing; add it.")
        return default

    def value(self, key: str, default: Any = None, *, required: bool = False) -> Any:
        """The raw value, for shapes this class has no checker for."""
        return self._get(key, default, required)

    def text(self, key: str, default: str | None = None, *, required: bool = True) -> str:
        value = self._get(key, default, required and default is None)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, "must be non-empty text in quotes.")
        return value.strip()

    def integer(
        self, key: str, low: int, high: int, default: int | None = None, *, required: bool = True
    ) -> int:
        value = self._get(key, default, required and default is None)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(key, f"must be a whole number from {low} to {high}.")
        if not low <= value <= high:
            raise self.fail(key, f"is {value}; it must be from {low} to {high}.")
        return value

    def number(
        self,
        key: str,
        low: float,
        high: float,
        default: float | None = None,
        *,
        required: bool = True,
    ) -> float:
        value = self._get(key, default, required and default is None)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(key, f"must be a number from {low:g} to {high:g}.")
        if not low <= value <= high:
            raise self.fail(key, f"is {value:g}; it must be from {low:g} to {high:g}.")
        return float(value)

    def boolean(self, key: str, default: bool | None = None) -> bool:
        value = self._get(key, default, default is None)
        if not isinstance(value, bool):
            raise self.fail(key, "must be true or false.")
        return value

    def choice(self, key: str, choices: Iterable[str], default: str | None = None) -> str:
        allowed = list(choices)
        value = self._get(key, default, default is None)
        if value not in allowed:
            raise self.fail(key, f"is {value!r}; it must be one of: {', '.join(allowed)}.")
        return str(value)

    def table(self, key: str) -> Table:
        value = self._get(key, {}, False)
        if not isinstance(value, dict):
            raise self.fail(key, "must be a table ([" + key + "]).")
        return Table(value, self.origin, f"{self.prefix}{key}.")

    def finish(self) -> None:
        """Fail on the first key that no reader asked for: it is a typo or unsupported."""
        for key in self.data:
            if key not in self._seen:
                close = difflib.get_close_matches(key, sorted(self._seen), n=1)
                hint = f" Did you mean {close[0]!r}?" if close else ""
                known = ", ".join(sorted(self._seen))
                raise self.fail(key, f"is not a known field.{hint} Known fields: {known}.")

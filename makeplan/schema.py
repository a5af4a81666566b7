"""Reads the packaged TOML data files: parsed, not checked.

The packaged exercises, layouts and pose files are checked against their JSON
Schemas by the tests, so at run time they are only parsed here, without
loading jsonschema. A user's files (plans, libraries, layouts, pose files) are
always checked, with every problem at its line: see `validation`.
"""

from __future__ import annotations

import tomllib
from typing import Any

from makeplan.errors import DataError


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

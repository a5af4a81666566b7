"""Checks a user's data files against their JSON Schemas: the only module using jsonschema.

Plan, exercise, layout and pose files are all checked here, the same way.
The schemas in `makeplan/schemas/` are the one definition of each file
format (editors that read JSON Schema can use them for completion too).
jsonschema reports every problem at once, each with the path of the value it
is about; this module turns each into a `Problem` with the line from
`tomllines` and a message that says what is wrong and what is expected.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import tomllib
from collections.abc import Iterator, Mapping
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from makeplan.errors import Problem
from makeplan.tomllines import Path, key_lines, line_of

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError
    from jsonschema.protocols import Validator

SCHEMA_BASE = "https://makeplan.invalid/schemas/"
SCHEMAS = ("exercise", "plan", "layout", "pose")


@cache
def schema(name: str) -> dict[str, Any]:
    """The parsed JSON Schema `name` (one of `SCHEMAS`)."""
    text = (resources.files("makeplan") / "schemas" / f"{name}.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@cache
def _validator(name: str) -> Validator:
    from jsonschema import Draft202012Validator, validators
    from referencing import Registry, Resource

    def whole_number(_checker: object, value: object) -> bool:
        # jsonschema counts 8.0 as an integer; a dose written 8.0 is more likely a typo.
        return isinstance(value, int) and not isinstance(value, bool)

    checker = Draft202012Validator.TYPE_CHECKER.redefine("integer", whole_number)
    cls = validators.extend(Draft202012Validator, type_checker=checker)
    registry: Registry[Any] = Registry().with_resources(
        (SCHEMA_BASE + f"{other}.schema.json", Resource.from_contents(schema(other)))
        for other in SCHEMAS
    )
    validator: Validator = cls(schema(name), registry=registry)
    return validator


def parse(raw: bytes, origin: str) -> tuple[dict[str, Any] | None, dict[Path, int], list[Problem]]:
    """Parse TOML bytes; a syntax error becomes a problem at its line."""
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark from Windows editors is fine
    except UnicodeDecodeError as exc:
        if b"\0" in raw[:1024] or raw.startswith((b"%PDF", b"\x89PNG", b"\xff\xd8")):
            # A PDF, an image or other binary file given where a .toml file goes.
            message = "is not a text file (a PDF or a picture?); expected a .toml file."
            return None, {}, [Problem(origin, 1, "file", message)]
        line = raw[: exc.start].count(b"\n") + 1
        message = "is not UTF-8 text; expected a .toml file saved as UTF-8."
        return None, {}, [Problem(origin, line, "file", message)]
    try:
        data = tomllib.loads(text)
    except RecursionError:
        message = "nests lists or tables too deeply to read; expected a plain TOML file."
        return None, {}, [Problem(origin, 1, "file", message)]
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        line = int(found.group(1)) if found else 1
        reason = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(exc))
        return None, {}, [Problem(origin, line, "syntax", f"{reason}; expected valid TOML.")]
    return data, key_lines(text), []


def check(
    data: Mapping[str, Any], schema_name: str, origin: str, lines: Mapping[Path, int]
) -> list[Problem]:
    """Every way `data` breaks the schema, as problems in line order."""
    errors = list(_validator(schema_name).iter_errors(_as_json(data)))
    # A value of the wrong type also breaks its range; saying the type is enough.
    wrong_type = {tuple(error.absolute_path) for error in errors if error.validator == "type"}
    found: set[Problem] = set()
    for error in errors:
        if error.validator != "type" and tuple(error.absolute_path) in wrong_type:
            continue
        for path, message in _messages(error, schema_name):
            found.add(Problem(origin, line_of(lines, path), field_name(path), message))
    return sorted(found, key=lambda problem: (problem.line, problem.field, problem.message))


def _as_json(value: Any) -> Any:
    """TOML values as JSON Schema sees them: a date becomes its YYYY-MM-DD text (which
    the schema's pattern accepts), a date with a time its ISO text (which it does not)."""
    if isinstance(value, dict):
        return {key: _as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def field_name(path: Path) -> str:
    """("exercise", 2, "reps") -> "exercise[3].reps": list items counted from 1."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else part
    return text or "file"


def _messages(error: ValidationError, schema_name: str) -> Iterator[tuple[Path, str]]:
    path: Path = tuple(error.absolute_path)
    instance = error.instance
    keyword = error.validator
    if keyword == "required":
        for key in error.validator_value:
            if isinstance(instance, dict) and key not in instance:
                expected = expected_at(schema_name, (*path, key))
                yield (*path, key), f"is missing; expected {expected}."
        return
    if keyword == "additionalProperties":
        known = sorted(_properties_at(schema_name, path))
        for key in instance:
            if key in known:
                continue
            close = difflib.get_close_matches(key, known, n=1)
            if close:
                yield (*path, key), f"is not a known field; did you mean {close[0]!r}?"
            else:
                yield (*path, key), f"is not a known field; expected one of: {', '.join(known)}."
        return
    if keyword == "oneOf" and error.context:
        # Say what is wrong with the form the value was written in (a number, or a
        # list), not only that it matched none of the forms.
        branches: dict[Any, list[ValidationError]] = {}
        for sub in error.context:
            branches.setdefault(sub.relative_schema_path[0], []).append(sub)
        fitting = [
            subs
            for subs in branches.values()
            if not any(sub.validator == "type" for sub in subs)
            and not (isinstance(instance, list | dict) and any(s.validator == "enum" for s in subs))
        ]
        if len(fitting) == 1:
            for sub in fitting[0]:
                yield from _messages(sub, schema_name)
            return
    expected = expected_at(schema_name, path)
    if keyword == "type":
        yield path, f"is {_describe(instance)}; expected {expected}."
    elif keyword in ("minimum", "maximum"):
        size = "too small" if keyword == "minimum" else "too large"
        yield path, f"is {instance}, {size}; expected {expected}."
    elif keyword == "enum":
        options = [str(option) for option in error.validator_value]
        close = difflib.get_close_matches(str(instance), options, n=1)
        # "3" for 3 is close but not the same: say what is expected instead.
        hint = f" (did you mean {close[0]!r}?)" if close and close[0] != str(instance) else ""
        yield path, f"is {_describe(instance)}{hint}; expected {expected}."
    elif keyword == "pattern" and error.validator_value == "\\S":
        yield path, f"is empty; expected {expected}."
    elif keyword == "minItems" and not instance:
        yield path, f"is an empty list; expected {expected}."
    elif keyword in ("minItems", "maxItems"):
        size = "too few" if keyword == "minItems" else "too many"
        count = len(instance)
        yield path, f"has {count} item{'s' if count != 1 else ''}, {size}; expected {expected}."
    elif keyword == "maxLength":
        yield path, f"is {len(instance)} letters long, too long; expected {expected}."
    elif keyword == "uniqueItems":
        yield path, f"names the same thing twice; expected each once, {expected}."
    else:
        yield path, f"is {_describe(instance)}; expected {expected}."


def _describe(value: object) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return repr(value) if len(value) <= 40 else repr(value[:37] + "...")
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dt.datetime | dt.time):
        return "a date with a time"
    if isinstance(value, dt.date):
        return "a date"
    return type(value).__name__


def _subschema(schema_name: str, path: Path) -> dict[str, Any]:
    """The schema that applies at `path`, following `$ref`s; the last "expected" wins."""
    node = schema(schema_name)
    current_root = schema_name
    for part in path:
        node, current_root = _resolve(node, current_root)
        if isinstance(part, int):
            # A value that may be written as a number or as a list: the list's form.
            for branch in node.get("oneOf", ()):
                if "items" in branch or "prefixItems" in branch:
                    node, current_root = _resolve(branch, current_root)
            prefix = node.get("prefixItems", [])
            node = prefix[part] if part < len(prefix) else node.get("items", {})
        else:
            node = _table_form(node, current_root)[0].get("properties", {}).get(part, {})
    return node


def _table_form(node: dict[str, Any], root: str) -> tuple[dict[str, Any], str]:
    """A value that may be written as a list or as a table (a view): the table's form."""
    for branch in node.get("oneOf", ()):
        if "properties" in branch:
            return _resolve(branch, root)
    return node, root


def _resolve(node: dict[str, Any], root: str) -> tuple[dict[str, Any], str]:
    """Follow `$ref` (within a schema or to another of ours), keeping the nearest "expected"."""
    expected = node.get("expected")
    while "$ref" in node:
        target, _, pointer = node["$ref"].partition("#")
        if target:
            root = target.removesuffix(".schema.json")
        resolved: Any = schema(root)
        for step in pointer.strip("/").split("/") if pointer.strip("/") else []:
            resolved = resolved[step]
        node = resolved
        expected = expected or node.get("expected")
    if expected is not None and node.get("expected") != expected:
        node = {**node, "expected": expected}
    return node, root


def expected_at(schema_name: str, path: Path) -> str:
    """What the schema asks for at `path`, in words."""
    node, _ = _resolve(_subschema(schema_name, path), schema_name)
    return str(node.get("expected", "a value the schema allows"))


def _properties_at(schema_name: str, path: Path) -> list[str]:
    node, root = _resolve(_subschema(schema_name, path), schema_name)
    return list(_table_form(node, root)[0].get("properties", {}))

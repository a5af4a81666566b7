"""The plan file format: its version, its keys, and its JSON Schema.

A plan file's keys are the rows of the table of sheet options
(`options.SHEET_OPTIONS`) that have a `plan_key`, plus `version` and the
`[[exercise]]` tables. `plan_schema` is what `schemas/plan.schema.json` holds
(a test checks they agree); `planfile` reads plan files and `plantext` writes
them.
"""

from __future__ import annotations

from typing import Any

from makeplan.options import DOSES, SHEET_OPTIONS, SheetOption
from makeplan.vocabulary import ABILITY_NAMES

PLAN_VERSION = 1
# The sheet options a plan file keeps, in the table's order.
PLAN_OPTIONS = tuple(row for row in SHEET_OPTIONS if row.plan_key is not None)

# --- the schema (written to schemas/plan.schema.json; a test checks they agree) ---


def plan_schema() -> dict[str, Any]:
    """The JSON Schema of a plan file: its keys from the table of sheet options."""
    properties: dict[str, Any] = {
        "version": {
            "type": "integer", "minimum": PLAN_VERSION, "maximum": PLAN_VERSION,
            "expected": f"{PLAN_VERSION} (the plan file format this makeplan writes)",
        },
    }  # fmt: skip
    doses: dict[str, Any] = {}
    for row in PLAN_OPTIONS:
        assert row.plan_key is not None
        fragment = _key_schema(row)
        if row.name in DOSES:
            doses[row.plan_key] = fragment
            fragment = {"$ref": f"#/$defs/{row.plan_key}"}
        properties[row.plan_key] = fragment
    properties["exercise"] = {
        "type": "array", "minItems": 1,
        "items": {"$ref": "#/$defs/exercise"},
        "expected": "[[exercise]] tables, one for each exercise, in the order they are done",
    }  # fmt: skip
    exercise_properties: dict[str, Any] = {
        "id": {
            "type": "string", "pattern": "\\S",
            "expected": "the id of a catalogue or library exercise (see 'makeplan list')",
        },
        "reps": {"$ref": "#/$defs/reps"},
        "sides": {"$ref": "exercise.schema.json#/$defs/sides"},
        "hold_seconds": {"$ref": "#/$defs/hold_seconds"},
        "sessions_per_day": {"$ref": "#/$defs/sessions_per_day"},
        "note": {"$ref": "#/$defs/text", "expected": "a short note for the patient, in quotes"},
    }  # fmt: skip
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://makeplan.invalid/schemas/plan.schema.json",
        "title": "makeplan plan file",
        "description": "A patient's programme: who it is for, how it prints, and each "
        "exercise with its own dose. Paths are relative to the plan file. Written from "
        "makeplan's table of sheet options (makeplan/options.py).",
        "type": "object",
        "additionalProperties": False,
        "required": ["version"],
        "properties": properties,
        "$defs": {
            "text": {"type": "string", "pattern": "\\S", "expected": "text in quotes"},
            "paths": {
                "type": "array",
                "items": {"type": "string", "pattern": "\\S", "expected": "a path in quotes"},
            },
            **doses,
            "exercise": {
                "type": "object",
                "additionalProperties": False,
                "required": ["id"],
                "expected": "an [[exercise]] table with an id",
                "properties": exercise_properties,
            },
        },
    }


def _key_schema(row: SheetOption) -> dict[str, Any]:
    """The schema of one plan key, by the kind of its option."""
    expected = row.words(row.expected)
    if row.kind == "count":
        assert row.range is not None
        low, high = row.range
        return {"type": "integer", "minimum": low, "maximum": high, "expected": expected}
    if row.kind == "switch":
        return {"type": "boolean", "expected": expected}
    if row.kind == "date":
        return {"type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$", "expected": expected}
    if row.kind == "ability":
        names: list[Any] = list(ABILITY_NAMES.values())
        return {"enum": names + list(ABILITY_NAMES), "expected": expected}
    if row.kind == "choice" and row.multiple:
        quoted = [f'"{choice}"' for choice in row.choices]
        return {
            "type": "array", "minItems": 1, "uniqueItems": True,
            "items": {
                "enum": list(row.choices),
                "expected": f"{', '.join(quoted[:-1])} or {quoted[-1]}",
            },
            "expected": expected,
        }  # fmt: skip
    if row.kind == "choice":
        return {"enum": list(row.choices), "expected": expected}
    if row.multiple:
        return {"$ref": "#/$defs/paths", "expected": expected}
    return {"$ref": "#/$defs/text", "expected": expected}

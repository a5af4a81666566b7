"""Loads the packaged exercise catalogue into validated `Exercise` records.

The catalogue is one TOML file per exercise in `makeplan/exercises/`, read
with importlib.resources so it is found wherever the package is installed.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from makeplan.errors import DataError
from makeplan.model import POSITIONS, Exercise
from makeplan.schema import Table, load_toml

_KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_DOSE_FIELDS = ("reps", "sides", "hold_seconds", "sessions_per_day")


def parse_exercise(data: dict[str, object], origin: str) -> Exercise:
    """Check one exercise table strictly and build the record."""
    table = Table(data, origin)
    exercise_id = table.text("id")
    if not _KEBAB.match(exercise_id):
        raise table.fail("id", f"is {exercise_id!r}; use lower-case words joined by '-'.")
    exercise = Exercise(
        id=exercise_id,
        name=table.text("name"),
        position=table.choice("position", POSITIONS),
        ability=table.integer("ability", 1, 3),
        ability_reason=table.text("ability_reason"),
        cue=table.text("cue"),
        reps=table.integer("reps", 1, 100),
        sides=table.integer("sides", 1, 2),
        hold_seconds=table.integer("hold_seconds", 0, 600),
        sessions_per_day=table.integer("sessions_per_day", 1, 12),
        defaults=table.text_list("defaults", allow_empty=True),
        targets=table.text_list("targets"),
        equipment=table.text_list("equipment", allow_empty=True),
        steps=table.text_list("steps"),
        cautions=table.text_list("cautions", allow_empty=True),
        source=table.text_list("source"),
    )
    for name in exercise.defaults:
        if name not in _DOSE_FIELDS:
            raise table.fail("defaults", f"names {name!r}; only {', '.join(_DOSE_FIELDS)} can be.")
    table.finish()
    return exercise


@cache
def load_catalogue() -> tuple[Exercise, ...]:
    """All packaged exercises, in a stable order (by file name)."""
    folder = resources.files("makeplan") / "exercises"
    exercises: list[Exercise] = []
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if not entry.name.endswith(".toml"):
            continue
        origin = f"makeplan/exercises/{entry.name}"
        exercise = parse_exercise(load_toml(entry.read_bytes(), origin), origin)
        if exercise.id != entry.name.removesuffix(".toml"):
            raise DataError(f"{origin}: id {exercise.id!r} must match the file name.")
        exercises.append(exercise)
    if not exercises:
        raise DataError("The packaged exercise catalogue is empty; reinstall makeplan.")
    return tuple(exercises)

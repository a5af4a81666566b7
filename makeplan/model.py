"""The plain values that pass between makeplan's stages.

Each stage takes one of these and returns the next, so each can be tested on
its own: `Options` (what the user asked for, see `options`) -> `Plan` (chosen
exercises with their doses) -> a placed `Document` (see geometry) -> PDF bytes.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from makeplan.vocabulary import ABILITY_NAMES, POSITIONS, SIDE_NAMES

__all__ = ["ABILITY_NAMES", "POSITIONS", "SIDE_NAMES"]  # re-exported for older imports


@dataclass(frozen=True)
class PictureSource:
    """A library exercise's own picture: a photo or a pose file, and where it was named."""

    path: Path
    kind: str  # "image" or "pose"
    file: str  # the library file that names it
    line: int


@dataclass(frozen=True)
class Exercise:
    """One catalogue entry, as validated from its TOML file."""

    id: str
    name: str
    position: str
    ability: int
    ability_reason: str
    cue: str
    reps: int
    sides: int
    hold_seconds: int
    sessions_per_day: int
    defaults: tuple[str, ...]
    targets: tuple[str, ...]
    equipment: tuple[str, ...]
    steps: tuple[str, ...]
    cautions: tuple[str, ...]
    source: tuple[str, ...]
    max_hold_seconds: int | None = None  # a hold the source says never to go past (hold_too_long)
    # The most the source gives, where it is a dose rather than a safety limit:
    # --progress stops there; a clinician's own value in a plan may go past it.
    hold_ceiling_seconds: int | None = None
    reps_ceiling: int | None = None
    # The one caution printed where a layout has no room for them all (one-page, week).
    key_caution: str | None = None
    # What the source does not say, for a clinician's audit: (field, text as written).
    added: tuple[tuple[str, str], ...] = ()
    # Where the exercise was read from: None for the built-in catalogue, else the
    # library file (as the user wrote its path), and whether it replaces a built-in one.
    library_file: str | None = None
    replaces_builtin: bool = False
    picture: PictureSource | None = None

    @property
    def origin(self) -> str:
        """'built-in', 'library' or 'library, replaces built-in', for lists."""
        if self.library_file is None:
            return "built-in"
        return "library, replaces built-in" if self.replaces_builtin else "library"

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "position": self.position,
            "ability": self.ability,
            "ability_name": ABILITY_NAMES[self.ability],
            "ability_reason": self.ability_reason,
            "cue": self.cue,
            "reps": self.reps,
            "sides": self.sides,
            "hold_seconds": self.hold_seconds,
            "sessions_per_day": self.sessions_per_day,
            "max_hold_seconds": self.max_hold_seconds,
            "hold_ceiling_seconds": self.hold_ceiling_seconds,
            "reps_ceiling": self.reps_ceiling,
            "defaults": list(self.defaults),
            "targets": list(self.targets),
            "equipment": list(self.equipment),
            "steps": list(self.steps),
            "cautions": list(self.cautions),
            "key_caution": self.key_caution,
            "source": list(self.source),
            "added": [{"field": field, "text": text} for field, text in self.added],
            "from": self.origin,
            "library_file": self.library_file,
        }


def exercise_from(data: Mapping[str, Any], **where: Any) -> Exercise:
    """The record for an exercise table that has passed the schema.

    `where` carries the library fields (library_file, replaces_builtin, picture).
    """

    def text(value: str) -> str:
        # One character per accented letter (NFC), as fonts expect.
        return unicodedata.normalize("NFC", value.strip())

    def texts(key: str) -> tuple[str, ...]:
        return tuple(text(item) for item in data.get(key, ()))

    return Exercise(
        id=data["id"],
        name=text(data["name"]),
        position=data["position"],
        ability=data["ability"],
        ability_reason=text(data.get("ability_reason", "")),
        cue=text(data["cue"]),
        reps=data["reps"],
        sides=data["sides"],
        hold_seconds=data["hold_seconds"],
        sessions_per_day=data["sessions_per_day"],
        max_hold_seconds=data.get("max_hold_seconds"),
        hold_ceiling_seconds=data.get("hold_ceiling_seconds"),
        reps_ceiling=data.get("reps_ceiling"),
        defaults=texts("defaults"),
        targets=texts("targets"),
        equipment=texts("equipment"),
        steps=texts("steps"),
        cautions=texts("cautions"),
        source=texts("source"),
        key_caution=text(data["key_caution"]) if "key_caution" in data else None,
        added=tuple(
            (field, text(item)) for field, items in data.get("added", {}).items() for item in items
        ),
        **where,
    )


# The fields an [added] table may name (a text, or a list of texts).
ADDED_FIELDS = frozenset(
    ("cue", "ability_reason", "key_caution", "targets", "equipment", "steps", "cautions")
)


def _clean(text: str) -> str:
    return unicodedata.normalize("NFC", text.strip())


def added_not_found(data: Mapping[str, Any]) -> list[tuple[tuple[str | int, ...], str]]:
    """Each [added] text that is not written in its field: (where it is, the problem).
    The record is for a clinician's audit, so it must name texts the sheet prints."""
    found: list[tuple[tuple[str | int, ...], str]] = []
    added = data.get("added")
    if not isinstance(added, Mapping):
        return found
    for field, items in added.items():
        if field not in ADDED_FIELDS or not isinstance(items, list):
            continue
        value = data.get(field)
        written = value if isinstance(value, list) else [value]
        clean = {
            unicodedata.normalize("NFC", item.strip()) for item in written if isinstance(item, str)
        }
        for index, item in enumerate(items):
            if isinstance(item, str) and unicodedata.normalize("NFC", item.strip()) not in clean:
                found.append(
                    (
                        ("added", field, index),
                        f"is {item!r}, which {field} does not say; expected a text copied "
                        f"exactly from {field}.",
                    )
                )
    return found


def hold_too_long(hold: object, longest: object) -> bool:
    """The one rule for `max_hold_seconds`: a hold may reach an exercise's limit, never
    pass it. Checked for library files, plan files and the command line alike."""
    return isinstance(longest, int) and isinstance(hold, int) and hold > longest


@dataclass(frozen=True)
class PlannedExercise:
    """An exercise with the dose this plan gives it."""

    exercise: Exercise
    reps: int
    sides: int
    hold_seconds: int
    sessions_per_day: int
    note: str | None = None

    def boxes_per_day(self) -> int:
        return self.reps * self.sides * self.sessions_per_day


@dataclass(frozen=True)
class Plan:
    """What the sheet is about: who, when, and which exercises at which doses."""

    exercises: tuple[PlannedExercise, ...]
    days: int
    date: dt.date
    patient: str | None = None
    clinician: str | None = None
    notes: str | None = None
    emergency: str | None = None  # the emergency phone number; None: "an ambulance"
    contact: str | None = None  # who to ask questions ("Jo Park on 01632 960 000")
    # What the user should know about how the plan was made (a dose kept at its
    # article's ceiling): printed as warnings by every command that makes it.
    notices: tuple[str, ...] = ()
    units: str = "metric"  # lengths in the steps: "metric" or "us" (see markup)

    def box_count(self) -> int:
        return sum(item.boxes_per_day() for item in self.exercises) * self.days

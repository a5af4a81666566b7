"""The plain values that pass between makeplan's stages.

Each stage takes one of these and returns the next, so each can be tested on
its own: `Options` (what the user asked for) -> `Plan` (chosen exercises with
their doses) -> a placed `Document` (see geometry) -> PDF bytes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

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
class ExerciseChoice:
    """One exercise of a plan file, with the doses and note set for this patient."""

    id: str
    reps: int | None = None
    sides: int | None = None
    hold_seconds: int | None = None
    sessions_per_day: int | None = None
    note: str | None = None


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
    max_hold_seconds: int | None = None  # a hold the source says never to go past
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
            "defaults": list(self.defaults),
            "targets": list(self.targets),
            "equipment": list(self.equipment),
            "steps": list(self.steps),
            "cautions": list(self.cautions),
            "source": list(self.source),
            "from": self.origin,
            "library_file": self.library_file,
        }


@dataclass(frozen=True)
class Options:
    """Everything `makeplan build` was asked for, parsed and checked for type."""

    positions: tuple[str, ...] = POSITIONS
    ability: int | None = None
    exercise_ids: tuple[str, ...] = ()
    reps: int | None = None
    hold_seconds: int | None = None
    sessions_per_day: int | None = None
    days: int | None = None  # None: the layout's default_days, else 1
    layout: str = "one-page"
    paper: str = "a4"
    covers: tuple[Path, ...] = ()
    patient: str | None = None
    clinician: str | None = None
    date: dt.date = dt.date(2000, 1, 1)
    notes: str | None = None
    fillable: bool = True
    output: str = "routine.pdf"
    logo: Path | None = None
    title_page: bool | None = None  # None: as the layout says
    grayscale: bool = False
    libraries: tuple[Path, ...] = ()
    plan_file: Path | None = None  # the plan file the options were read from, if any
    cover_password: str | None = None  # opens covers locked with a user password
    font: Path | None = None  # a TrueType font to print with instead of the built-in ones
    # Per-exercise doses and notes from a plan file, used for the exercises chosen.
    choices: tuple[ExerciseChoice, ...] = ()
    date_given: bool = False  # the date was asked for (a plan file keeps only such a date)
    from_sheet: Path | None = None  # the returned sheet whose plan this is (build --from)


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

    def box_count(self) -> int:
        return sum(item.boxes_per_day() for item in self.exercises) * self.days

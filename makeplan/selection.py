"""Chooses exercises and resolves their doses: options + catalogue -> Plan.

Pure: no files, no drawing. The order of a plan is the order a routine is
done in: lying first, then sitting, then standing, gentlest first; unless the
user named exercises with -e, in which case their order is kept.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Sequence

from makeplan.errors import DoesNotFitError, SelectionError, UsageError
from makeplan.model import Exercise, Plan, PlannedExercise, hold_too_long
from makeplan.options import ExerciseChoice, Options
from makeplan.vocabulary import ABILITY_NAMES, PAPER_UNITS, POSITIONS

# More boxes than anyone ticks in a month of full routines (the whole catalogue
# for 31 days is about 2300); beyond it a typo like --reps 100 is more likely.
MAX_BOXES = 6000


def routine_order(exercises: Sequence[Exercise]) -> list[Exercise]:
    """Lying before sitting before standing, gentle before hard; stable otherwise."""
    return sorted(exercises, key=lambda ex: (POSITIONS.index(ex.position), ex.ability))


def filter_exercises(
    catalogue: Sequence[Exercise], positions: Sequence[str], ability: int | None
) -> list[Exercise]:
    """Exercises in any of `positions` at or below `ability`; says which filter emptied it."""
    in_position = [ex for ex in catalogue if ex.position in positions]
    wanted = " or ".join(positions)
    if not in_position:
        raise SelectionError(
            f"No exercise is done {wanted} (from -p/--position); "
            "choose another position or run 'makeplan list'."
        )
    if ability is None:
        return routine_order(in_position)
    chosen = [ex for ex in in_position if ex.ability <= ability]
    if not chosen:
        easiest = min(ex.ability for ex in in_position)
        raise SelectionError(
            f"-a/--ability {ABILITY_NAMES[ability]} leaves no {wanted} exercise "
            f"(the easiest {wanted} one is {ABILITY_NAMES[easiest]}); "
            f"use -a {ABILITY_NAMES[easiest]} or add -p lying."
        )
    return routine_order(chosen)


def find_exercises(
    catalogue: Sequence[Exercise], ids: Sequence[str], option: str = "-e/--exercise"
) -> list[Exercise]:
    """The named exercises, in the order given; unknown ids fail with close matches."""
    by_id = {ex.id: ex for ex in catalogue}
    chosen: list[Exercise] = []
    for exercise_id in ids:
        if exercise_id not in by_id:
            close = difflib.get_close_matches(exercise_id, list(by_id), n=3, cutoff=0.5)
            hint = (
                f"did you mean {' or '.join(close)}?"
                if close
                else "run 'makeplan list' to see the ids."
            )
            raise SelectionError(f"{option} {exercise_id!r} is not in the catalogue; {hint}")
        if by_id[exercise_id] in chosen:
            raise SelectionError(
                f"-e/--exercise {exercise_id!r} is given twice; name each exercise once."
            )
        chosen.append(by_id[exercise_id])
    return chosen


def _first(*values: int | None) -> int:
    """The first value that is set: a plan's own dose, then the option, then the catalogue's."""
    for value in values:
        if value is not None:
            return value
    raise AssertionError("the catalogue always has a value")


def _planned(
    ex: Exercise, options: Options, choice: ExerciseChoice | None, notices: list[str]
) -> PlannedExercise:
    choice = choice or ExerciseChoice(ex.id)
    return PlannedExercise(
        exercise=ex,
        reps=_first(choice.reps, _within(ex, "reps", options.reps, notices), ex.reps),
        sides=_first(choice.sides, ex.sides),
        hold_seconds=_first(
            choice.hold_seconds,
            _within(ex, "hold_seconds", options.hold_seconds, notices),
            ex.hold_seconds,
        ),
        sessions_per_day=_first(
            choice.sessions_per_day, options.sessions_per_day, ex.sessions_per_day
        ),
        note=choice.note,
    )


def _within(ex: Exercise, dose: str, given: int | None, notices: list[str]) -> int | None:
    """A dose given for every exercise (--hold, --reps), kept at the most the exercise's
    article gives. Only a value set for this exercise in a plan file, a clinician's
    own choice for it, may go past; the notice says so."""
    ceiling = ex.hold_ceiling_seconds if dose == "hold_seconds" else ex.reps_ceiling
    if given is None or ceiling is None or given <= ceiling:
        return given
    flag, unit = ("--hold", " seconds") if dose == "hold_seconds" else ("--reps", "")
    notices.append(
        f"{ex.name} ({ex.id}): {flag} {given} is more than its article gives, so it is "
        f"kept at {ceiling}{unit}; to go past that, set {dose} for it in a plan file."
    )
    return ceiling


def select(catalogue: Sequence[Exercise], options: Options) -> Plan:
    """Build the plan: which exercises, at which doses, for whom and when."""
    days = options.days
    if days is None:  # a programming slip: the options stage always fills them in
        raise ValueError("select() needs the days; fill them in with resolving.with_layout")
    # Ordinals, not dates: the last day may be past the last date Python can hold.
    if options.date.toordinal() + days - 1 > dt.date.max.toordinal():
        # A date not asked for is today's, or SOURCE_DATE_EPOCH's: only that can be so late.
        first = (
            f"--date {options.date.isoformat()}"
            if options.date_given
            else f"SOURCE_DATE_EPOCH (the date {options.date.isoformat()})"
        )
        raise UsageError(
            f"{first} with --days {days} runs past the year 9999 (the last day may be "
            "9999-12-31); choose an earlier date or fewer days."
        )
    if options.exercise_ids:
        chosen = find_exercises(catalogue, options.exercise_ids)
    else:
        chosen = filter_exercises(catalogue, options.positions, options.ability)
    choices = {choice.id: choice for choice in options.choices}
    notices: list[str] = []
    planned = tuple(_planned(ex, options, choices.get(ex.id), notices) for ex in chosen)
    for item in planned:
        longest = item.exercise.max_hold_seconds
        if hold_too_long(item.hold_seconds, longest):
            raise SelectionError(
                f"{item.exercise.name} ({item.exercise.id}) must not be held longer than "
                f"{longest} seconds, but the plan or --hold asks for {item.hold_seconds}; "
                "lower the hold or leave this exercise out."
            )
    plan = Plan(
        exercises=planned,
        days=days,
        date=options.date,
        patient=options.patient,
        clinician=options.clinician,
        notes=options.notes,
        emergency=emergency_number(options.emergency),
        contact=options.contact,
        notices=tuple(notices),
        units=options.units or PAPER_UNITS[options.paper],
    )
    if plan.box_count() > MAX_BOXES:
        raise DoesNotFitError(
            f"This plan has {plan.box_count()} boxes to tick, more than the {MAX_BOXES} a sheet "
            "can hold; lower --reps, --sessions or --days, or choose fewer exercises."
        )
    return plan


# A phone number as people write one: digits, with spaces, dashes, brackets or a
# leading plus. Nothing else is printed in the emergency line.
_PHONE_CHARACTERS = frozenset("0123456789 +-()")
_PHONE_LONGEST = 20


def emergency_number(given: str | None) -> str | None:
    """The emergency number to print, checked: it goes in the line that sends a reader
    with cauda equina signs to hospital, so a number that is not one is refused."""
    if given is None or not given.strip():
        return None
    number = " ".join(given.split())
    digits = sum(char.isdigit() for char in number)
    if (
        set(number) - _PHONE_CHARACTERS
        or digits < 2
        or len(number) > _PHONE_LONGEST
        or "+" in number[1:]
    ):
        raise UsageError(
            f"--emergency (or emergency in the plan file) is {given!r}, which is not a phone "
            "number; give the number to call, like 999, 911 or 112 (digits, spaces, "
            "dashes, brackets and a leading +), or leave it out to print 'call an ambulance'."
        )
    return number

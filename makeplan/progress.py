"""Next week's doses: each exercise moves one step on, by a rule a clinician can check.

The rule (also in the README and in `makeplan build --help`):

1. An exercise moves on only if at least 80% of its planned reps were ticked
   on the returned sheet(s), and its pain scores did not go up (the last
   score written is not higher than the first). Otherwise its dose stays.
2. One step is: a hold 5 seconds longer, if it has a hold and is below its
   ceiling; otherwise one more rep, if below its ceiling; otherwise the dose
   stays (it is at the ceiling).
3. Ceilings: a hold never goes past the exercise's own limit or the longest
   hold its article gives (the catalogue's `max_hold_seconds` and
   `hold_ceiling_seconds`), or else 30 seconds; reps never go past the most
   its article gives (`reps_ceiling`), or else 10. An exercise whose starting
   dose is already higher (a clinician's own value) keeps it.

Exercises that were not on the returned sheet keep the dose they have.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace

from makeplan.model import Exercise
from makeplan.options import ExerciseChoice
from makeplan.report.adherence import ExerciseResult, Report

THRESHOLD_PERCENT = 80
HOLD_STEP_SECONDS = 5
HOLD_CEILING_SECONDS = 30
REPS_CEILING = 10


def progressed(
    choices: Sequence[ExerciseChoice],
    report: Report,
    catalogue: Mapping[str, Exercise],
    on_sheet: Collection[str],
    fixed: Collection[str] = (),
) -> tuple[tuple[ExerciseChoice, ...], list[str]]:
    """The choices with each dose moved on by the rule, and a line per exercise saying why.

    Only exercises `on_sheet` move (and get a line); `fixed` names the doses set on
    the command line ("reps", "hold_seconds"), which win over any step.
    """
    results = {result.id: result for result in report.exercises}
    moved: list[ExerciseChoice] = []
    lines: list[str] = []
    for choice in choices:
        result = results.get(choice.id)
        exercise = catalogue.get(choice.id)
        if result is None or exercise is None or choice.id not in on_sheet:
            moved.append(choice)
            continue
        new, why = _step(choice, result, exercise, fixed)
        moved.append(new)
        lines.append(f"{exercise.name}: {why}")
    return tuple(moved), lines


def _step(
    choice: ExerciseChoice, result: ExerciseResult, exercise: Exercise, fixed: Collection[str]
) -> tuple[ExerciseChoice, str]:
    # Compared exactly (167 of 210 is 79.5%: under 80%), and shown rounded down, so
    # the figure printed never reaches the threshold when the reps did not.
    done = f"{100 * result.done // result.planned if result.planned else 0}% done"
    if 100 * result.done < THRESHOLD_PERCENT * result.planned or not result.planned:
        return choice, f"{done} (under {THRESHOLD_PERCENT}%), dose kept"
    scores = [score for _, score in result.pain_scores()]
    if len(scores) >= 2 and scores[-1] > scores[0]:
        return choice, f"{done}, but pain went up ({scores[0]} to {scores[-1]}), dose kept"
    hold = choice.hold_seconds if choice.hold_seconds is not None else exercise.hold_seconds
    reps = choice.reps if choice.reps is not None else exercise.reps
    hold_ceiling = min(
        limit
        for limit in (
            exercise.max_hold_seconds,
            exercise.hold_ceiling_seconds,
            HOLD_CEILING_SECONDS,
        )
        if limit is not None
    )
    if 0 < hold < hold_ceiling and "hold_seconds" not in fixed:
        longer = min(hold + HOLD_STEP_SECONDS, hold_ceiling)
        return replace(choice, hold_seconds=longer), f"{done}, hold {hold} to {longer} seconds"
    reps_ceiling = min(REPS_CEILING, exercise.reps_ceiling or REPS_CEILING)
    if reps < reps_ceiling and "reps" not in fixed:
        return replace(choice, reps=reps + 1), f"{done}, reps {reps} to {reps + 1}"
    if exercise.reps_ceiling is not None and reps >= exercise.reps_ceiling and "reps" not in fixed:
        return choice, f"{done}, already at the most its article gives, kept"
    if fixed:
        return choice, f"{done}, but the dose given on the command line is used"
    return choice, f"{done}, already at the top dose, kept"

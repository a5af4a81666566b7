"""The form fields of a sheet: each field's name, and what it stands for.

A tick box is one rep of one exercise, on one day, in one session, on one
side; a pain field is one session of one exercise on one day. The names are
readable on their own (`glute-stretch_day2_session1_left_rep1`), and the
rules that make them travel inside every sheet (see sheetdata), so a
returned sheet is read by making each name again, never by parsing one.
"""

from __future__ import annotations

from typing import NamedTuple

from makeplan.model import Plan
from makeplan.vocabulary import SIDE_NAMES

PAIN_LOWEST, PAIN_HIGHEST = 0, 10


class TickField(NamedTuple):
    name: str
    exercise: str
    day: int
    session: int
    side: str  # "both", "right" or "left"
    rep: int


class PainField(NamedTuple):
    name: str
    exercise: str
    day: int
    session: int


# The rules that name the fields; the sheet's record carries them (see sheetdata).
TICK_TEMPLATE = "{exercise}_day{day}_session{session}_{side}_rep{rep}"
PAIN_TEMPLATE = "{exercise}_day{day}_session{session}_pain"


def tick_name(exercise_id: str, day: int, session: int, side: str, rep: int) -> str:
    return TICK_TEMPLATE.format(exercise=exercise_id, day=day, session=session, side=side, rep=rep)


def pain_name(exercise_id: str, day: int, session: int) -> str:
    return PAIN_TEMPLATE.format(exercise=exercise_id, day=day, session=session)


def tick_fields(plan: Plan) -> list[TickField]:
    """Every tick box of `plan`, in the order the sheet prints them."""
    return [
        TickField(
            tick_name(item.exercise.id, day, session, side, rep),
            item.exercise.id,
            day,
            session,
            side,
            rep,
        )
        for item in plan.exercises
        for day in range(1, plan.days + 1)
        for session in range(1, item.sessions_per_day + 1)
        for side in SIDE_NAMES[item.sides]
        for rep in range(1, item.reps + 1)
    ]


def pain_fields(plan: Plan) -> list[PainField]:
    """Every pain field of `plan`: one per exercise, day and session."""
    return [
        PainField(pain_name(item.exercise.id, day, session), item.exercise.id, day, session)
        for item in plan.exercises
        for day in range(1, plan.days + 1)
        for session in range(1, item.sessions_per_day + 1)
    ]

"""The form fields of a sheet: each field's name, and what it stands for.

A tick box is one rep of one exercise, on one day, in one session, on one
side; a pain field is one session of one exercise on one day. The names are
readable on their own (`glute-stretch_day2_session1_left_rep1`), and the
rules that make them travel inside every sheet (see sheetdata), so a
returned sheet is read by making each name again, never by parsing one.
"""

from __future__ import annotations

from typing import NamedTuple

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
    exercise: str  # "" for a week's pain box, which is about every exercise of that session
    day: int
    session: int


# The rules that name the fields; the sheet's record carries them (see sheetdata).
TICK_TEMPLATE = "{exercise}_day{day}_session{session}_{side}_rep{rep}"
PAIN_TEMPLATE = "{exercise}_day{day}_session{session}_pain"
# The week layout asks for pain once per day and session, for all exercises.
WEEK_PAIN_TEMPLATE = "day{day}_session{session}_pain"


def tick_name(exercise_id: str, day: int, session: int, side: str, rep: int) -> str:
    return TICK_TEMPLATE.format(exercise=exercise_id, day=day, session=session, side=side, rep=rep)


def pain_name(exercise_id: str, day: int, session: int) -> str:
    return PAIN_TEMPLATE.format(exercise=exercise_id, day=day, session=session)


def week_pain_name(day: int, session: int) -> str:
    return WEEK_PAIN_TEMPLATE.format(day=day, session=session)

"""The form fields of a sheet: each field's name, and what it stands for.

A tick box is one rep of one exercise, on one day, in one session, on one
side; a pain field is one round (a session of all the exercises) on one day:
a 0-10 scale whose value is the number ticked. Sheets made before the scale
asked for a number written in per exercise (or, on the week, per round); the
record inside a sheet says which, so those sheets are still read. The names are
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
    exercise: str  # "" for a round's pain, which is about every exercise of that session
    day: int
    session: int


# The rules that name the fields; the sheet's record carries them (see sheetdata).
TICK_TEMPLATE = "{exercise}_day{day}_session{session}_{side}_rep{rep}"
# Before the 0-10 scale: a number written in after each exercise's round.
EXERCISE_PAIN_TEMPLATE = "{exercise}_day{day}_session{session}_pain"
# One pain field per day and round, for all exercises (the scale; and the week's
# write-in boxes before it).
ROUND_PAIN_TEMPLATE = "day{day}_session{session}_pain"


def tick_name(exercise_id: str, day: int, session: int, side: str, rep: int) -> str:
    return TICK_TEMPLATE.format(exercise=exercise_id, day=day, session=session, side=side, rep=rep)


def round_pain_name(day: int, session: int) -> str:
    return ROUND_PAIN_TEMPLATE.format(day=day, session=session)

"""Every fixed sentence a patient reads on a sheet, and how numbers become words.

Kept in one place so the wording can be checked for reading level and safety
content by tests, and changed without touching the layout code.
"""

from __future__ import annotations

import datetime as dt

from makeplan.model import Plan, PlannedExercise

TITLE = "My back exercises"

SAFETY_HEADING = "Safety first"
SAFETY_STOP = "Stop, or do less, if your pain gets worse."
SAFETY_URGENT_LEAD = "Get medical help right away, and do not do these exercises, if you have:"
SAFETY_SIGNS: tuple[str, ...] = (
    "numbness between your legs or around your bottom (the saddle area)",
    "new trouble controlling your bladder or bowels",
    "a leg that is getting weaker",
    "pain in both legs",
    "pain after a fall or an accident",
    "a fever",
)

_HOW_TO_TICK = (
    "Rest first if your back has just gone into spasm. Then move slowly and gently. "
    "Tick one box each time you finish one. After each round, write your pain in "
)
_PAIN_SCALE = ": 0 is no pain, 10 is the worst."
HOW_TO_USE = _HOW_TO_TICK + "the Pain box" + _PAIN_SCALE
HOW_TO_USE_WEEK = _HOW_TO_TICK + "the Pain row at the bottom" + _PAIN_SCALE
WEEK_PAIN_LABEL = "Pain, 0 to 10"
WEEK_PAIN_SESSIONS = " In the Pain row, each time of the day has its own box, in order."

PAIN_LABEL = "Pain"
TICK_PROMPT = "Tick a box each time you do one. Then write your pain, 0 to 10, in the Pain box:"

SIDE_LEGEND = "R means your right side, L your left side."

NOTES_PROMPT = "My notes: how did it go? What hurt, what helped?"

PAGE_FOOTER_SAFETY = "Stop or do less if your pain gets worse. Warning signs: see page 1."
PAGE_FOOTER_SAFETY_SHORT = "More pain? Stop or do less. See page 1."

# English names written out, so the sheet does not change with the machine's locale.
DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def times(count: int) -> str:
    if count == 1:
        return "once"
    if count == 2:
        return "twice"
    return f"{count} times"


def seconds(count: int) -> str:
    return "1 second" if count == 1 else f"{count} seconds"


def dose_words(item: PlannedExercise) -> str:
    """The dose as a patient says it: '5 times each side, hold 5 seconds, 3 times a day'."""
    reps = "1 time" if item.reps == 1 else f"{item.reps} times"
    parts = [f"{reps} each side" if item.sides == 2 else reps]
    if item.hold_seconds:
        parts.append(f"hold {seconds(item.hold_seconds)}")
    parts.append(f"{times(item.sessions_per_day)} a day")
    return ", ".join(parts)


def ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def session_label(session: int) -> str:
    """'1st time', '2nd time', ... for the rows of a day."""
    return f"{ordinal(session)} time"


def day_label(start: dt.date, day: int) -> str:
    """'Mon 23 Nov' for day 1 of a sheet dated 23 November; day names help on a fridge."""
    date = start + dt.timedelta(days=day - 1)
    return f"{DAY_NAMES[date.weekday()]} {date.day} {MONTH_NAMES[date.month - 1][:3]}"


def short_day_headings(start: dt.date, day: int) -> list[tuple[str, ...]]:
    """Shorter headings for a narrow day column, a line each, longest first:
    ('Mo', '23', 'Nov'), ('Mo', '23'), ('M', '23'), ('23',)."""
    date = start + dt.timedelta(days=day - 1)
    weekday = DAY_NAMES[date.weekday()][:2]
    number = str(date.day)
    month = MONTH_NAMES[date.month - 1][:3]
    return [(weekday, number, month), (weekday, number), (weekday[0], number), (number,)]


def side_label(side: str) -> str:
    return {"right": "Right", "left": "Left", "both": ""}[side]


def long_date(date: dt.date) -> str:
    return f"{date.day} {MONTH_NAMES[date.month - 1]} {date.year}"


def subtitle(plan: Plan) -> str:
    if plan.days == 1:
        return f"Daily sheet for {long_date(plan.date)}"
    last = plan.date + dt.timedelta(days=plan.days - 1)
    return f"{plan.days}-day sheet: {long_date(plan.date)} to {long_date(last)}"


def people_line(plan: Plan) -> str:
    """'For: Ann Lee  |  Clinician: Jo Park' - only the parts that were given."""
    parts = []
    if plan.patient:
        parts.append(f"For: {plan.patient}")
    if plan.clinician:
        parts.append(f"Clinician: {plan.clinician}")
    return "  |  ".join(parts)


ABOUT_SPASMS: tuple[tuple[str, str], ...] = (
    (
        "What is a back spasm?",
        "A spasm is when a muscle gets tight by itself and will not let go. "
        "In your lower back, this can hurt a lot. The pain may start right away or a bit later.",
    ),
    (
        "Why does it happen?",
        "It can come from a strain, or from a sudden twist or jerk, like in sports. "
        "Tight muscles in your back or the backs of your legs can cause it. "
        "So can weak back or belly muscles. Sitting or standing for a long time can add to it.",
    ),
    (
        "What to do first",
        "Rest first. A spasm is a sign that your muscles have done too much. "
        "When the worst has passed, start the gentle moves in this plan.",
    ),
    (
        "How these exercises help",
        "They stretch tight muscles in your back, your buttocks and the backs of your legs. "
        "That can ease the spasm.",
    ),
)

STRENGTH_NOTE = "Some of your exercises also make your back and belly stronger."

EXERCISE_LIST_HEADING = "Your exercises"


def picture_hint(has_pictures: bool, has_steps: bool) -> str:
    if not has_pictures:
        return ""
    if has_steps:
        return "Look at the pictures, then read the steps. "
    return "The picture by each exercise shows how to do it. "


def running_title(plan: Plan) -> str:
    """The short title at the top of every page after the first."""
    return f"{TITLE}: {plan.patient}" if plan.patient else TITLE


def note_line(note: str) -> str:
    """The clinician's note for one exercise, as printed with it."""
    return f"Note: {note}"


HOLD_PLACEHOLDER = "{hold}"


def step_text(step: str, hold_seconds: int) -> str:
    """A step with its `{hold}` filled in from the dose, so the steps and the dose agree
    when a plan changes the hold."""
    return step.replace(HOLD_PLACEHOLDER, seconds(hold_seconds) if hold_seconds else "a moment")

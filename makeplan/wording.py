"""Every fixed sentence a patient reads on a sheet, and how numbers become words.

That is the printed page, the tooltips of its form fields and the PDF's title:
geometry takes all of its words from here (tests/test_wording.py grades them).

Kept in one place so the wording can be checked for reading level and safety
content by tests, and changed without touching the layout code.
"""

from __future__ import annotations

import datetime as dt

from makeplan import markup
from makeplan.model import ABILITY_NAMES, Plan, PlannedExercise

TITLE = "My back exercises"

# The warning signs, in three tiers as the NHS and NICE (NG59, and the cauda equina
# and red-flag advice) sort them: each tier's heading says what to do, its signs
# follow. The emergency tier comes first and is drawn most prominently.
SAFETY_STOP = "Stop, or do less, if your pain gets worse."
SAFETY_EMERGENCY = "Emergency now"
SAFETY_EMERGENCY_ACTION = "call an ambulance or go to a hospital if you have:"
SAFETY_EMERGENCY_SIGNS: tuple[str, ...] = (
    "numb or tingly skin around your genitals or bottom (you may feel it when you wipe)",
    "trouble peeing, or you cannot pee, or you do not know when your bladder is full",
    "peeing or pooing yourself when you did not mean to",
    "pain, tingling, weakness or numbness in both legs",
    "a leg getting weaker, or you are unsteady when you walk",
    "changes in how sex feels",
    "chest pain",
    "pain that started after a bad fall or accident",
)
SAFETY_SAME_DAY = "See a doctor the same day"
SAFETY_SAME_DAY_ACTION = "ask for an urgent appointment if you have:"
SAFETY_SAME_DAY_SIGNS: tuple[str, ...] = (
    "a high temperature, or you feel hot and shivery",
    "weight loss without trying",
    "pain that is worse at night, or does not ease with rest",
    "a lump or swelling in your back, or your back has changed shape",
    "pain that is worse when you cough, sneeze or poo",
    "you have had cancer, take steroids, or have a weak immune system",
)
SAFETY_SOON = "See a doctor soon"
SAFETY_SOON_ACTION = "book an appointment if:"
SAFETY_SOON_SIGNS: tuple[str, ...] = (
    "it is not getting better after a few weeks",
    "it stops you doing everyday things",
)
# The same signs in fewer words, a short line each, for a compact panel (one-page,
# week): never fewer signs, and the headings and actions are the same.
SAFETY_EMERGENCY_SIGNS_SHORT: tuple[str, ...] = (
    "numb or tingly around your genitals or bottom",
    "trouble peeing, or cannot feel a full bladder",
    "peeing or pooing yourself, not on purpose",
    "pain, tingling, weak or numb in both legs",
    "a leg getting weaker, or you are unsteady",
    "changes in how sex feels",
    "chest pain",
    "pain after a bad fall or accident",
)
SAFETY_SAME_DAY_SIGNS_SHORT: tuple[str, ...] = (
    "a high temperature, or hot and shivery",
    "weight loss without trying",
    "pain worse at night, or not eased by rest",
    "a lump, swelling or new shape in your back",
    "pain worse when you cough, sneeze or poo",
    "had cancer, take steroids, or weak immune system",
)
SAFETY_SOON_SIGNS_SHORT = SAFETY_SOON_SIGNS


def emergency_action(number: str | None = None) -> str:
    """What to do in an emergency: with the clinic's number for it when one is set
    ("call 999 ..."), else words that are right in every country."""
    if number is None:
        return SAFETY_EMERGENCY_ACTION
    return SAFETY_EMERGENCY_ACTION.replace("call an ambulance", f"call {number}", 1)


def contact_line(contact: str | None) -> str | None:
    """'Questions? Call Jo Park on 01632 960 000.' (None when no contact is set)."""
    if not contact:
        return None
    return f"Questions? Call {contact.rstrip('.')}."


def safety_tiers(
    short: bool = False, emergency: str | None = None
) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """The three tiers, most urgent first: (heading, what to do, the signs)."""
    return (
        (
            SAFETY_EMERGENCY,
            emergency_action(emergency),
            SAFETY_EMERGENCY_SIGNS_SHORT if short else SAFETY_EMERGENCY_SIGNS,
        ),
        (
            SAFETY_SAME_DAY,
            SAFETY_SAME_DAY_ACTION,
            SAFETY_SAME_DAY_SIGNS_SHORT if short else SAFETY_SAME_DAY_SIGNS,
        ),
        (SAFETY_SOON, SAFETY_SOON_ACTION, SAFETY_SOON_SIGNS_SHORT if short else SAFETY_SOON_SIGNS),
    )


def safety_tier_lead(heading: str, action: str) -> str:
    """'Emergency now: call an ambulance or go to a hospital if you have:'"""
    return f"{heading}: {action}"


HOW_TO_USE = (
    "Keep as active as you can. When a spasm starts, rest a short time, then move gently. "
    "Tick a box each time you finish one. After each round, tick your pain on the scale "
    "at the end."
)
WEEK_EXERCISE_HEADING = "Exercise"

TICK_PROMPT = "Tick a box each time you do one:"

# The pain scale (see geometry.pain_scale): one per round, 0 to 10.
PAIN_SCALE_PROMPT = "Tick one number. 0 means no pain. 10 means the worst pain."
PAIN_NONE = "no pain"
PAIN_WORST = "worst"

SIDE_LEGEND = "R means your right side, L your left side."

NOTES_PROMPT = "My notes: how did it go? What hurt, what helped?"

# With no patient's name, the sheet has a line to write it on (a clinic may photocopy
# one sheet for several patients).
NAME_LABEL = "Name:"
PLAN_NAME = "Exercise plan"

PAGE_FOOTER_SAFETY = "Stop or do less if your pain gets worse. Warning signs: see page 1."
PAGE_FOOTER_SAFETY_SHORT = "More pain? Stop or do less. See page 1."

CAUTIONS_HEADING = "Take care:"
NO_EQUIPMENT = "nothing but some space"
_POSITION_NAMES = {"lying": "Lying down", "sitting": "Sitting", "standing": "Standing"}

# English names written out, so the sheet does not change with the machine's locale.
DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
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


def session_label(session: int) -> str:
    """'Round 1', 'Round 2', ... for the rows of a day: not '1st time', which reads as
    the first repetition beside '5 times each side'."""
    return f"Round {session}"


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


def short_side_label(side: str) -> str:
    """'R' and 'L', for a week table's narrow day cells (SIDE_LEGEND explains them)."""
    return {"right": "R", "left": "L", "both": ""}[side]


def long_date(date: dt.date, year: bool = True) -> str:
    """'Monday 30 November 2026': the weekday too, so a date on the fridge says which day."""
    text = f"{WEEKDAY_NAMES[date.weekday()]} {date.day} {MONTH_NAMES[date.month - 1]}"
    return f"{text} {date.year}" if year else text


def date_range(first: dt.date, last: dt.date) -> str:
    """'Monday 30 November to Sunday 6 December 2026' (the year twice only when it changes)."""
    return f"{long_date(first, year=first.year != last.year)} to {long_date(last)}"


def subtitle(plan: Plan, several_pages: bool = False) -> str:
    """The date line under the title: 'Daily sheet for Monday 30 November 2026', or
    '7-day sheet: Monday 30 November to Sunday 6 December 2026'. A handout
    (`several_pages`) is a plan the patient keeps, not a daily sheet: 'Exercise plan
    from Monday 30 November 2026'."""
    last = plan.date + dt.timedelta(days=plan.days - 1)
    if several_pages:
        if plan.days == 1:
            return f"{PLAN_NAME} from {long_date(plan.date)}"
        return f"{PLAN_NAME} for {plan.days} days: {date_range(plan.date, last)}"
    if plan.days == 1:
        return f"Daily sheet for {long_date(plan.date)}"
    return f"{plan.days}-day sheet: {date_range(plan.date, last)}"


def patient_line(patient: str | None) -> str:
    """'For: Ann Lee', or nothing when no name was given (then NAME_LABEL and a line
    to write the name on are printed instead)."""
    return f"For: {patient}" if patient else ""


def clinician_line(clinician: str | None) -> str:
    """'Clinician: Jo Park', or nothing when no name was given."""
    return f"Clinician: {clinician}" if clinician else ""


def people_line(plan: Plan) -> str:
    """'For: Ann Lee  |  Clinician: Jo Park' - only the parts that were given."""
    parts = [patient_line(plan.patient), clinician_line(plan.clinician)]
    return "  |  ".join(part for part in parts if part)


def document_title(plan: Plan) -> str:
    """The PDF's title, which a viewer shows in its title bar."""
    return TITLE + (f" for {plan.patient}" if plan.patient else "")


def document_subject(plan: Plan) -> str:
    """The PDF's subject: what the sheet holds, in one line."""
    count = len(plan.exercises)
    noun = "exercise" if count == 1 else "exercises"
    days = "1 day" if plan.days == 1 else f"{plan.days} days"
    return f"Lower-back exercise routine: {count} {noun}, {days}, {plan.box_count()} boxes to tick"


def page_number(page: int, pages: int) -> str:
    return f"Page {page} of {pages}"


def footer_reminders(patient: str | None) -> list[str]:
    """The safety reminder at the foot of later pages, longest first: the longest that
    fits is printed. The safety words come before the patient's name is left out."""
    who = f"{patient}. " if patient else ""
    return [who + PAGE_FOOTER_SAFETY, who + PAGE_FOOTER_SAFETY_SHORT, PAGE_FOOTER_SAFETY_SHORT]


def clinician_notes(notes: str) -> str:
    return f"Notes from your clinician: {notes}"


def how_to_use_week(plan: Plan) -> str:
    """HOW_TO_USE for a week table, whose side labels are one letter."""
    text = HOW_TO_USE
    if any(item.sides == 2 for item in plan.exercises):
        text += " " + SIDE_LEGEND
    return text


def pain_scale_heading(plan: Plan, rounds_a_day: int) -> str:
    if plan.days > 1 or rounds_a_day > 1:
        return "Your pain after each round"
    return "Your pain after the exercises"


def round_label(plan: Plan, day: int, session: int, rounds_a_day: int) -> str:
    """A pain scale's label when each round has a line: 'Mon 23 Nov, Round 2', as much
    as the plan needs (nothing for the one round of a one-day sheet)."""
    parts = []
    if plan.days > 1:
        parts.append(day_label(plan.date, day))
    if rounds_a_day > 1:
        parts.append(session_label(session))
    return ", ".join(parts)


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
        "Keep moving as much as you can, and carry on with your day. Staying in bed "
        "makes it slower to get better. A short rest when a spasm starts is fine. "
        "Then start the gentle moves in this plan, as far as your pain allows.",
    ),
    (
        "How these exercises help",
        "They stretch tight muscles in your back, your buttocks and the backs of your legs. "
        "That can ease the spasm.",
    ),
)

STRENGTH_NOTE = "Some of them also make your back and belly stronger."

EXERCISE_LIST_HEADING = "Your exercises"


# An arc with a head at each end: the same move to one side, then the other (the knee
# hug's tilt), or back and forth.
TWO_HEADS = "An arrow with two heads means one way, then the other. "
# Small layouts show one frame: the end of the move over a faint start.
KEY_FRAME_LEGEND = (
    "In each picture, the faint body is the start and the dark body is the end. "
    "The arrow shows the way to move. " + TWO_HEADS
)


# A sheet without the steps says where they are.
STEPS_ELSEWHERE = "For all the steps, see your handout. "


# Layouts that show every frame number them; the arrows are what needs saying.
FRAMES_LEGEND = "In the pictures, an arrow shows the way to move. " + TWO_HEADS


def picture_hint(has_pictures: bool, has_steps: bool, key_frames: bool = False) -> str:
    """How to read the pictures (the legend of their arrows and faint bodies), and
    where the steps are."""
    steps = "" if has_steps else STEPS_ELSEWHERE
    if not has_pictures:
        return steps
    legend = KEY_FRAME_LEGEND if key_frames else FRAMES_LEGEND
    if has_steps:
        return "Look at the pictures, then read the steps. " + legend
    return "Each picture shows how to do the exercise. " + legend + steps


def key_caution_line(caution: str) -> str:
    """'Take care: Move slowly.' (one-page and week print one caution per exercise)."""
    return f"{CAUTIONS_HEADING} {caution}"


def running_title(plan: Plan) -> str:
    """The short title at the top of every page after the first."""
    return f"{TITLE}: {plan.patient}" if plan.patient else TITLE


def exercise_heading(number: int, name: str, continued: bool = False) -> str:
    """'2. Knee hug', and on a page it continues on, '2. Knee hug (continued)'."""
    return f"{number}. {name}" + (" (continued)" if continued else "")


def exercise_list_line(item: PlannedExercise) -> str:
    """An exercise in the title page's list: 'Knee hug: 5 times each side, ...'."""
    return f"{item.exercise.name}: {dose_words(item)}."


def kind_and_dose(item: PlannedExercise) -> str:
    """'Lying down · Gentle. 5 times each side, hold 5 seconds, 3 times a day.'"""
    position = _POSITION_NAMES[item.exercise.position]
    ability = ABILITY_NAMES[item.exercise.ability].capitalize()
    return f"{position} \u00b7 {ability}. {dose_words(item)}."


def needs_line(equipment: tuple[str, ...]) -> str:
    return f"You need: {', '.join(equipment) if equipment else NO_EQUIPMENT}."


def helps_line(targets: tuple[str, ...]) -> str:
    return f"It helps: {', '.join(targets)}."


def row_label(plan: Plan, item: PlannedExercise, day: int, session: int) -> str:
    """A row of boxes' label: 'Mon 23 Nov, Round 2', as much as the plan needs."""
    return round_label(plan, day, session, item.sessions_per_day)


# Tooltips: what a form field says on screen when the pointer is over it.


def box_when(plan: Plan, item: PlannedExercise, day: int, session: int, side: str = "both") -> str:
    """'day 2, Round 1, left side': as much as tells one box of an exercise from another."""
    return ", ".join(
        part
        for part in (
            f"day {day}" if plan.days > 1 else "",
            session_label(session) if item.sessions_per_day > 1 else "",
            f"{side} side" if side != "both" else "",
        )
        if part
    )


def rep_tooltip(name: str, when: str, rep: int) -> str:
    """'Knee hug: day 2, left side, rep 3'."""
    return f"{name}: {when + ', ' if when else ''}rep {rep}"


def round_when(plan: Plan, day: int, session: int, rounds_a_day: int) -> str:
    """'Mon 23 Nov, Round 2': which round a pain scale is about (its day always: a
    tooltip is read alone)."""
    when = day_label(plan.date, day)
    if rounds_a_day > 1:
        when += f", {session_label(session)}"
    return when


def pain_scale_question(when: str) -> str:
    """'Pain after the exercises, Mon 23 Nov, Round 2: 0 (none) to 10 (worst)'."""
    return f"Pain after the exercises, {when}: 0 (none) to 10 (worst)"


def pain_value_tooltip(value: int) -> str:
    """What one box of a pain scale says: '7', '0: no pain', '10: worst'."""
    if value == 0:
        return f"0: {PAIN_NONE}"
    if value == 10:
        return f"10: {PAIN_WORST} pain"
    return str(value)


def note_line(note: str) -> str:
    """The clinician's note for one exercise, as printed with it."""
    return f"Note: {note}"


def exercise_text(text: str, hold_seconds: int, units: str) -> str:
    """An exercise's text as printed: its `{hold}` filled in from the dose, so the steps
    and the dose agree when a plan changes the hold, and each length in `units` ('us',
    'metric', or 'both' for lists); see `markup`."""
    return markup.fill(text, seconds(hold_seconds) if hold_seconds else "a moment", units)

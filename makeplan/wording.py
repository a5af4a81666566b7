"""Every fixed sentence a patient reads on a sheet, and how numbers become words.

That is the printed page, the tooltips of its form fields and the PDF's title:
geometry takes all of its words from here (tests/test_wording.py grades them).

Kept in one place so the wording can be checked for reading level and safety
content by tests, and changed without touching the layout code.
"""

from __future__ import annotations

import datetime as dt
import sys
import types
from typing import Any

from makeplan import markup
from makeplan.languages import date_text, gettext, is_english, ngettext, noop
from makeplan.model import Plan, PlannedExercise

_ = gettext
N_ = noop

# The texts below, in capitals, are English: read from outside this module
# (`wording.TITLE`) they are in the language in use (see `__getattr__` at the end).
# Inside it, each is translated where it is used: `_(TITLE)`.
TITLE = N_("My back exercises")

# The warning signs, in three tiers as the NHS and NICE (NG59, and the cauda equina
# and red-flag advice) sort them: each tier's heading says what to do, its signs
# follow. The emergency tier comes first and is drawn most prominently.
SAFETY_STOP = N_("Stop, or do less, if your pain gets worse.")
SAFETY_EMERGENCY = N_("Emergency now")
SAFETY_EMERGENCY_ACTION = N_("call an ambulance or go to a hospital if you have:")
SAFETY_EMERGENCY_SIGNS: tuple[str, ...] = (
    N_("numb or tingly skin around your genitals or bottom (you may feel it when you wipe)"),
    N_("trouble peeing, or you cannot pee, or you do not know when your bladder is full"),
    N_("peeing or pooing yourself when you did not mean to"),
    N_("pain, tingling, weakness or numbness in both legs"),
    N_("a leg getting weaker, or you are unsteady when you walk"),
    N_("changes in how sex feels"),
    N_("chest pain"),
    N_("pain that started after a bad fall or accident"),
)
SAFETY_SAME_DAY = N_("See a doctor the same day")
SAFETY_SAME_DAY_ACTION = N_("ask for an urgent appointment if you have:")
SAFETY_SAME_DAY_SIGNS: tuple[str, ...] = (
    N_("a high temperature, or you feel hot and shivery"),
    N_("weight loss without trying"),
    N_("pain that is worse at night, or does not ease with rest"),
    N_("a lump or swelling in your back, or your back has changed shape"),
    N_("pain that is worse when you cough, sneeze or poo"),
    N_("you have had cancer, take steroids, or have a weak immune system"),
)
SAFETY_SOON = N_("See a doctor soon")
SAFETY_SOON_ACTION = N_("book an appointment if:")
SAFETY_SOON_SIGNS: tuple[str, ...] = (
    N_("it is not getting better after a few weeks"),
    N_("it stops you doing everyday things"),
)
# The same signs in fewer words, a short line each, for a compact panel (one-page,
# week): never fewer signs, and the headings and actions are the same.
SAFETY_EMERGENCY_SIGNS_SHORT: tuple[str, ...] = (
    N_("numb or tingly around your genitals or bottom"),
    N_("trouble peeing, or cannot feel a full bladder"),
    N_("peeing or pooing yourself, not on purpose"),
    N_("pain, tingling, weak or numb in both legs"),
    N_("a leg getting weaker, or you are unsteady"),
    N_("changes in how sex feels"),
    N_("chest pain"),
    N_("pain after a bad fall or accident"),
)
SAFETY_SAME_DAY_SIGNS_SHORT: tuple[str, ...] = (
    N_("a high temperature, or hot and shivery"),
    N_("weight loss without trying"),
    N_("pain worse at night, or not eased by rest"),
    N_("a lump, swelling or new shape in your back"),
    N_("pain worse when you cough, sneeze or poo"),
    N_("had cancer, take steroids, or weak immune system"),
)
SAFETY_SOON_SIGNS_SHORT = SAFETY_SOON_SIGNS


def emergency_action(number: str | None = None) -> str:
    """What to do in an emergency: with the clinic's number for it when one is set
    ("call 999 ..."), else words that are right in every country."""
    if number is None:
        return _(SAFETY_EMERGENCY_ACTION)
    return _("call {number} or go to a hospital if you have:").format(number=number)


def contact_line(contact: str | None) -> str | None:
    """'Questions? Call Jo Park on 01632 960 000.' (None when no contact is set)."""
    if not contact:
        return None
    return _("Questions? Call {contact}.").format(contact=contact.rstrip("."))


def _all(texts: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_(text) for text in texts)


def safety_tiers(
    short: bool = False, emergency: str | None = None
) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """The three tiers, most urgent first: (heading, what to do, the signs)."""
    return (
        (
            _(SAFETY_EMERGENCY),
            emergency_action(emergency),
            _all(SAFETY_EMERGENCY_SIGNS_SHORT if short else SAFETY_EMERGENCY_SIGNS),
        ),
        (
            _(SAFETY_SAME_DAY),
            _(SAFETY_SAME_DAY_ACTION),
            _all(SAFETY_SAME_DAY_SIGNS_SHORT if short else SAFETY_SAME_DAY_SIGNS),
        ),
        (
            _(SAFETY_SOON),
            _(SAFETY_SOON_ACTION),
            _all(SAFETY_SOON_SIGNS_SHORT if short else SAFETY_SOON_SIGNS),
        ),
    )


def safety_tier_lead(heading: str, action: str) -> str:
    """'Emergency now: call an ambulance or go to a hospital if you have:'"""
    return _("{heading}: {action}").format(heading=heading, action=action)


HOW_TO_USE = N_(
    "Keep as active as you can. If a spasm starts, rest a little, then move gently. "
    "Tick a box each time you finish one. After each round, tick your pain at the end."
)
WEEK_EXERCISE_HEADING = N_("Exercise")

TICK_PROMPT = N_("Tick a box each time you do one:")

# The pain scale (see geometry.pain_scale): one per round, 0 to 10.
PAIN_SCALE_PROMPT = N_("Tick one number. 0 means no pain. 10 means the worst pain.")
PAIN_NONE = N_("no pain")
PAIN_WORST = N_("worst")

SIDE_LEGEND = N_("R means your right side, L your left side.")

NOTES_PROMPT = N_("My notes: how did it go? What hurt, what helped?")

# With no patient's name, the sheet has a line to write it on (a clinic may photocopy
# one sheet for several patients).
NAME_LABEL = N_("Name:")
PLAN_NAME = N_("Exercise plan")

PAGE_FOOTER_SAFETY = N_("Stop or do less if your pain gets worse. Warning signs: see page 1.")
PAGE_FOOTER_SAFETY_SHORT = N_("More pain? Stop or do less. See page 1.")

CAUTIONS_HEADING = N_("Take care:")
NO_EQUIPMENT = N_("nothing but some space")
_POSITION_NAMES = {
    "lying": N_("Lying down"),
    "sitting": N_("Sitting"),
    "standing": N_("Standing"),
}
_ABILITY_NAMES = {1: N_("gentle"), 2: N_("moderate"), 3: N_("strengthening")}

# English names written out, so the sheet does not change with the machine's locale.
# Other languages take theirs from CLDR (Babel), in the patterns their catalogue gives.
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
# CLDR date patterns (https://unicode.org/reports/tr35/tr35-dates.html), for translators:
# a weekday, day and month ('Monday 30 November'), with the year, and the short form of
# a day column ('Mon 30 Nov').
_LONG_DATE = N_("EEEE d MMMM")
_LONG_DATE_YEAR = N_("EEEE d MMMM y")
_SHORT_DATE = N_("EEE d MMM")


def times(count: int) -> str:
    """'once', 'twice', '3 times' (in English; each language says it its own way)."""
    if count == 1:
        return _("once")
    if count == 2:
        return _("twice")
    return ngettext("{count} time", "{count} times", count).format(count=count)


def seconds(count: int) -> str:
    return ngettext("{count} second", "{count} seconds", count).format(count=count)


def _list(parts: list[str]) -> str:
    # TRANSLATORS: what goes between the items of a list ('a mat, a chair').
    return _(", ").join(parts)


def dose_words(item: PlannedExercise) -> str:
    """The dose as a patient says it: '5 times each side, hold 5 seconds, 3 times a day'."""
    reps = ngettext("{count} time", "{count} times", item.reps).format(count=item.reps)
    parts = [_("{reps} each side").format(reps=reps) if item.sides == 2 else reps]
    if item.hold_seconds:
        parts.append(_("hold {seconds}").format(seconds=seconds(item.hold_seconds)))
    parts.append(_("{times} a day").format(times=times(item.sessions_per_day)))
    return _list(parts)


def session_label(session: int) -> str:
    """'Round 1', 'Round 2', ... for the rows of a day: not '1st time', which reads as
    the first repetition beside '5 times each side'."""
    return _("Round {number}").format(number=session)


def day_label(start: dt.date, day: int) -> str:
    """'Mon 23 Nov' for day 1 of a sheet dated 23 November; day names help on a fridge."""
    date = start + dt.timedelta(days=day - 1)
    if not is_english():
        return date_text(date, _(_SHORT_DATE))
    return f"{DAY_NAMES[date.weekday()]} {date.day} {MONTH_NAMES[date.month - 1][:3]}"


def short_day_headings(start: dt.date, day: int) -> list[tuple[str, ...]]:
    """Shorter headings for a narrow day column, a line each, longest first:
    ('Mo', '23', 'Nov'), ('Mo', '23'), ('M', '23'), ('23',)."""
    date = start + dt.timedelta(days=day - 1)
    number = str(date.day)
    if is_english():
        weekday = DAY_NAMES[date.weekday()][:2]
        month = MONTH_NAMES[date.month - 1][:3]
        narrow = weekday[0]
    else:  # CLDR's short (two-letter) and narrow (one-letter) weekday names
        weekday, month = date_text(date, "EEEEEE"), date_text(date, "MMM")
        narrow = date_text(date, "EEEEE")
    return [(weekday, number, month), (weekday, number), (narrow, number), (number,)]


def side_label(side: str) -> str:
    return {"right": _("Right"), "left": _("Left"), "both": ""}[side]


def short_side_label(side: str) -> str:
    """'R' and 'L', for a week table's narrow day cells (SIDE_LEGEND explains them)."""
    # TRANSLATORS: the first letter of 'Right' and of 'Left' (or a short word), as
    # SIDE_LEGEND explains them.
    return {"right": _("R"), "left": _("L"), "both": ""}[side]


def long_date(date: dt.date, year: bool = True) -> str:
    """'Monday 30 November 2026': the weekday too, so a date on the fridge says which day."""
    if not is_english():
        return date_text(date, _(_LONG_DATE_YEAR) if year else _(_LONG_DATE))
    text = f"{WEEKDAY_NAMES[date.weekday()]} {date.day} {MONTH_NAMES[date.month - 1]}"
    return f"{text} {date.year}" if year else text


def date_range(first: dt.date, last: dt.date) -> str:
    """'Monday 30 November to Sunday 6 December 2026' (the year twice only when it changes)."""
    return _("{first} to {last}").format(
        first=long_date(first, year=first.year != last.year), last=long_date(last)
    )


def subtitle(plan: Plan, several_pages: bool = False) -> str:
    """The date line under the title: 'Daily sheet for Monday 30 November 2026', or
    '7-day sheet: Monday 30 November to Sunday 6 December 2026'. A handout
    (`several_pages`) is a plan the patient keeps, not a daily sheet: 'Exercise plan
    from Monday 30 November 2026'."""
    last = plan.date + dt.timedelta(days=plan.days - 1)
    if several_pages:
        if plan.days == 1:
            return _("Exercise plan from {date}").format(date=long_date(plan.date))
        return ngettext(
            "Exercise plan for {days} day: {dates}",
            "Exercise plan for {days} days: {dates}",
            plan.days,
        ).format(days=plan.days, dates=date_range(plan.date, last))
    if plan.days == 1:
        return _("Daily sheet for {date}").format(date=long_date(plan.date))
    return ngettext("{days}-day sheet: {dates}", "{days}-day sheet: {dates}", plan.days).format(
        days=plan.days, dates=date_range(plan.date, last)
    )


def patient_line(patient: str | None) -> str:
    """'For: Ann Lee', or nothing when no name was given (then NAME_LABEL and a line
    to write the name on are printed instead)."""
    return _("For: {patient}").format(patient=patient) if patient else ""


def clinician_line(clinician: str | None) -> str:
    """'Clinician: Jo Park', or nothing when no name was given."""
    return _("Clinician: {clinician}").format(clinician=clinician) if clinician else ""


def people_line(plan: Plan) -> str:
    """'For: Ann Lee  |  Clinician: Jo Park' - only the parts that were given."""
    parts = [patient_line(plan.patient), clinician_line(plan.clinician)]
    return "  |  ".join(part for part in parts if part)


def document_title(plan: Plan) -> str:
    """The PDF's title, which a viewer shows in its title bar."""
    if plan.patient:
        return _("My back exercises for {patient}").format(patient=plan.patient)
    return _(TITLE)


def document_subject(plan: Plan) -> str:
    """The PDF's subject: what the sheet holds, in one line."""
    count = len(plan.exercises)
    exercises = ngettext("{count} exercise", "{count} exercises", count).format(count=count)
    days = ngettext("{count} day", "{count} days", plan.days).format(count=plan.days)
    boxes = ngettext("{count} box to tick", "{count} boxes to tick", plan.box_count()).format(
        count=plan.box_count()
    )
    return _("Lower-back exercise routine: {exercises}, {days}, {boxes}").format(
        exercises=exercises, days=days, boxes=boxes
    )


def page_number(page: int, pages: int) -> str:
    return _("Page {page} of {pages}").format(page=page, pages=pages)


def footer_reminders(patient: str | None) -> list[str]:
    """The safety reminder at the foot of later pages, longest first: the longest that
    fits is printed. The safety words come before the patient's name is left out."""
    who = _("{patient}. ").format(patient=patient) if patient else ""
    long, short = _(PAGE_FOOTER_SAFETY), _(PAGE_FOOTER_SAFETY_SHORT)
    return [who + long, who + short, short]


def clinician_notes(notes: str) -> str:
    return _("Notes from your clinician: {notes}").format(notes=notes)


def how_to_use_week(plan: Plan) -> str:
    """HOW_TO_USE for a week table, whose side labels are one letter."""
    text = _(HOW_TO_USE)
    if any(item.sides == 2 for item in plan.exercises):
        text += " " + _(SIDE_LEGEND)
    return text


def pain_scale_heading(plan: Plan, rounds_a_day: int) -> str:
    if plan.days > 1 or rounds_a_day > 1:
        return _("Your pain after each round")
    return _("Your pain after the exercises")


def round_label(plan: Plan, day: int, session: int, rounds_a_day: int) -> str:
    """A pain scale's label when each round has a line: 'Mon 23 Nov, Round 2', as much
    as the plan needs (nothing for the one round of a one-day sheet)."""
    parts = []
    if plan.days > 1:
        parts.append(day_label(plan.date, day))
    if rounds_a_day > 1:
        parts.append(session_label(session))
    return _list(parts)


ABOUT_SPASMS: tuple[tuple[str, str], ...] = (
    (
        N_("What is a back spasm?"),
        N_(
            "A spasm is when a muscle gets tight by itself and will not let go. "
            "In your lower back, this can hurt a lot. The pain may start right away or a "
            "bit later."
        ),
    ),
    (
        N_("Why does it happen?"),
        N_(
            "It can come from a strain, or from a sudden twist or jerk, like in sports. "
            "Tight muscles in your back or the backs of your legs can cause it. "
            "So can weak back or belly muscles. Sitting or standing for a long time can "
            "add to it."
        ),
    ),
    (
        N_("What to do first"),
        N_(
            "Keep moving as much as you can, and carry on with your day. Staying in bed "
            "makes it slower to get better. A short rest when a spasm starts is fine. "
            "Then start the gentle moves in this plan, as far as your pain allows."
        ),
    ),
    (
        N_("How these exercises help"),
        N_(
            "They stretch tight muscles in your back, your buttocks and the backs of your "
            "legs. That can ease the spasm."
        ),
    ),
)

STRENGTH_NOTE = N_("Some of them also make your back and belly stronger.")

EXERCISE_LIST_HEADING = N_("Your exercises")

# The PDF's keywords, for a search in a viewer or a document system.
KEYWORDS = N_("lower back, exercise, routine, checklist")


# An arc with a head at each end: the same move to one side, then the other (the knee
# hug's tilt), or back and forth.
TWO_HEADS = N_("An arrow with two heads means one way, then the other. ")
# Small layouts show one frame: the end of the move over a faint start. It says what
# the picture shows, so no sentence before it needs to.
KEY_FRAME_LEGEND = N_("In each picture, the faint body is the start and the dark body is the end. ")
# The arrows of a key frame, with the two-headed ones in the same sentence: on a
# single page every line of the how-to is a line the exercises cannot have.
KEY_FRAME_ARROWS = N_("Move the way the arrow points, both ways if it has two heads. ")


# A sheet without the steps says where they are.
STEPS_ELSEWHERE = N_("For all the steps, see your handout. ")


# Layouts that show every frame number them; the arrows are what needs saying.
FRAMES_LEGEND = N_("In the pictures, an arrow shows the way to move. ")


def picture_hint(
    has_pictures: bool, has_steps: bool, key_frames: bool = False, has_cues: bool = False
) -> str:
    """How to read the pictures (the legend of their arrows and faint bodies), and
    where the steps are (not on a sheet whose short cues say what to do: its pointer
    to a handout the patient may not have been given is a line the exercises need)."""
    steps = "" if has_steps or has_cues else _(STEPS_ELSEWHERE)
    if not has_pictures:
        return steps
    if key_frames:
        return _(KEY_FRAME_LEGEND) + _(KEY_FRAME_ARROWS) + steps
    legend = _(FRAMES_LEGEND) + _(TWO_HEADS)
    if has_steps:
        return _("Look at the pictures, then read the steps. ") + legend
    return _("Each picture shows how to do the exercise. ") + legend + steps


def key_caution_line(caution: str) -> str:
    """'Take care: Move slowly.' (one-page and week print one caution per exercise)."""
    return f"{_(CAUTIONS_HEADING)} {caution}"


def running_title(plan: Plan) -> str:
    """The short title at the top of every page after the first."""
    return f"{_(TITLE)}: {plan.patient}" if plan.patient else _(TITLE)


def exercise_heading(number: int, name: str, continued: bool = False) -> str:
    """'2. Knee hug', and on a page it continues on, '2. Knee hug (continued)'."""
    return f"{number}. {name}" + (_(" (continued)") if continued else "")


def exercise_list_line(item: PlannedExercise) -> str:
    """An exercise in the title page's list: 'Knee hug: 5 times each side, ...'."""
    return _("{name}: {dose}.").format(name=item.exercise.name, dose=dose_words(item))


def kind_and_dose(item: PlannedExercise) -> str:
    """'Lying down · Gentle. 5 times each side, hold 5 seconds, 3 times a day.'"""
    position = _(_POSITION_NAMES[item.exercise.position])
    ability = _(_ABILITY_NAMES[item.exercise.ability])
    ability = ability[:1].upper() + ability[1:]
    return f"{position} \u00b7 {ability}. {dose_words(item)}."


def needs_line(equipment: tuple[str, ...]) -> str:
    return _("You need: {things}.").format(
        things=_list(list(equipment)) if equipment else _(NO_EQUIPMENT)
    )


def helps_line(targets: tuple[str, ...]) -> str:
    return _("It helps: {parts}.").format(parts=_list(list(targets)))


def row_label(plan: Plan, item: PlannedExercise, day: int, session: int) -> str:
    """A row of boxes' label: 'Mon 23 Nov, Round 2', as much as the plan needs."""
    return round_label(plan, day, session, item.sessions_per_day)


# Tooltips: what a form field says on screen when the pointer is over it.


def box_when(plan: Plan, item: PlannedExercise, day: int, session: int, side: str = "both") -> str:
    """'day 2, Round 1, left side': as much as tells one box of an exercise from another."""
    sides = {"right": _("right side"), "left": _("left side")}
    return _list([
        part
        for part in (
            _("day {number}").format(number=day) if plan.days > 1 else "",
            session_label(session) if item.sessions_per_day > 1 else "",
            sides[side] if side != "both" else "",
        )
        if part
    ])  # fmt: skip


def rep_tooltip(name: str, when: str, rep: int) -> str:
    """'Knee hug: day 2, left side, rep 3'."""
    rep_text = _("rep {number}").format(number=rep)
    return f"{name}: {_list([when, rep_text]) if when else rep_text}"


def round_when(plan: Plan, day: int, session: int, rounds_a_day: int) -> str:
    """'Mon 23 Nov, Round 2': which round a pain scale is about (its day always: a
    tooltip is read alone)."""
    parts = [day_label(plan.date, day)]
    if rounds_a_day > 1:
        parts.append(session_label(session))
    return _list(parts)


def pain_scale_question(when: str) -> str:
    """'Pain after the exercises, Mon 23 Nov, Round 2: 0 (none) to 10 (worst)'."""
    return _("Pain after the exercises, {when}: 0 (none) to 10 (worst)").format(when=when)


def pain_value_tooltip(value: int) -> str:
    """What one box of a pain scale says: '7', '0: no pain', '10: worst'."""
    if value == 0:
        return f"0: {_(PAIN_NONE)}"
    if value == 10:
        return _("10: worst pain")
    return str(value)


def note_line(note: str) -> str:
    """The clinician's note for one exercise, as printed with it."""
    return _("Note: {note}").format(note=note)


def exercise_text(text: str, hold_seconds: int, units: str) -> str:
    """An exercise's text as printed: its `{hold}` filled in from the dose, so the steps
    and the dose agree when a plan changes the hold, and each length in `units` ('us',
    'metric', or 'both' for lists); see `markup`."""
    return markup.fill(text, seconds(hold_seconds) if hold_seconds else _("a moment"), units)


# The capitalised texts above, as read from outside: in the language in use.
_TRANSLATED = frozenset({
    "TITLE", "SAFETY_STOP", "SAFETY_EMERGENCY", "SAFETY_EMERGENCY_ACTION",
    "SAFETY_EMERGENCY_SIGNS", "SAFETY_SAME_DAY", "SAFETY_SAME_DAY_ACTION",
    "SAFETY_SAME_DAY_SIGNS", "SAFETY_SOON", "SAFETY_SOON_ACTION", "SAFETY_SOON_SIGNS",
    "SAFETY_EMERGENCY_SIGNS_SHORT", "SAFETY_SAME_DAY_SIGNS_SHORT", "SAFETY_SOON_SIGNS_SHORT",
    "HOW_TO_USE", "WEEK_EXERCISE_HEADING", "TICK_PROMPT", "PAIN_SCALE_PROMPT", "PAIN_NONE",
    "PAIN_WORST", "SIDE_LEGEND", "NOTES_PROMPT", "NAME_LABEL", "PLAN_NAME",
    "PAGE_FOOTER_SAFETY", "PAGE_FOOTER_SAFETY_SHORT", "CAUTIONS_HEADING", "NO_EQUIPMENT",
    "ABOUT_SPASMS", "STRENGTH_NOTE", "EXERCISE_LIST_HEADING", "TWO_HEADS",
    "KEY_FRAME_LEGEND", "KEY_FRAME_ARROWS", "STEPS_ELSEWHERE", "FRAMES_LEGEND", "KEYWORDS",
})  # fmt: skip


def _translated(value: Any) -> Any:
    if isinstance(value, str):
        return _(value)
    return tuple(_translated(item) for item in value)


class _Speaking(types.ModuleType):
    """This module, whose capitalised texts read from outside (`wording.TITLE`) are in the
    language in use; inside it, the names are the English source, translated where used."""

    def __getattribute__(self, name: str) -> Any:
        value = super().__getattribute__(name)
        if name in _TRANSLATED and not is_english():
            return _translated(value)
        return value


sys.modules[__name__].__class__ = _Speaking

"""Every sentence makeplan itself prints for a patient reads at grade 6 or below.

The sentences are collected from wording.py, where geometry takes them from: every
public text constant, found by looking, and every public function, called with a
sample plan. A new function in wording.py without a sample here fails the test, so
no sentence is left out of the reading-level check.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import inspect
from collections.abc import Callable

import textstat

from makeplan import wording
from makeplan.model import Exercise, Plan, PlannedExercise

MAX_GRADE = 6.0
NOT_TEXT: set[str] = set()  # constants that are never printed

EXERCISE = Exercise(
    id="knee-hug",
    name="Knee hug",
    position="lying",
    ability=1,
    ability_reason="",
    cue="Hug one knee to your chest.",
    reps=5,
    sides=2,
    hold_seconds=5,
    sessions_per_day=3,
    defaults=(),
    targets=("lower back", "buttocks"),
    equipment=("a mat",),
    steps=("Lie on your back.", "Hold for {hold}.", "Stand about {3 ft | 1 m} away."),
    cautions=(),
    source=(),
)
ITEM = PlannedExercise(EXERCISE, 5, 2, 5, 3, "Go slowly.")
PLAN = Plan((ITEM,), 7, dt.date(2026, 11, 23), "Ann Lee", "Jo Park", "Walk every day.")
DATE = PLAN.date

# Each public function of wording.py, with what it prints for the sample plan.
SAMPLES: dict[str, Callable[[], list[str]]] = {
    "times": lambda: [wording.times(1), wording.times(2), wording.times(3)],
    "seconds": lambda: [wording.seconds(1), wording.seconds(30)],
    "dose_words": lambda: [wording.dose_words(ITEM)],
    "session_label": lambda: [wording.session_label(2)],
    "day_label": lambda: [wording.day_label(DATE, 2)],
    "short_day_headings": lambda: [" ".join(h) for h in wording.short_day_headings(DATE, 2)],
    "side_label": lambda: [wording.side_label("left")],
    "short_side_label": lambda: [wording.short_side_label("left")],
    "long_date": lambda: [wording.long_date(DATE)],
    "date_range": lambda: [wording.date_range(DATE, DATE + dt.timedelta(days=6))],
    "subtitle": lambda: [wording.subtitle(PLAN), wording.subtitle(PLAN, several_pages=True)],
    "patient_line": lambda: [wording.patient_line(PLAN.patient)],
    "safety_tiers": lambda: [
        text for short in (False, True) for tier in wording.safety_tiers(short) for text in tier[2]
    ],
    "safety_tier_lead": lambda: [
        wording.safety_tier_lead(heading, action) for heading, action, _ in wording.safety_tiers()
    ],
    "clinician_line": lambda: [wording.clinician_line(PLAN.clinician)],
    "people_line": lambda: [wording.people_line(PLAN)],
    "document_title": lambda: [wording.document_title(PLAN)],
    "document_subject": lambda: [wording.document_subject(PLAN)],
    "page_number": lambda: [wording.page_number(2, 3)],
    "footer_reminders": lambda: wording.footer_reminders(PLAN.patient),
    "clinician_notes": lambda: [wording.clinician_notes("Walk every day.")],
    "how_to_use_week": lambda: [wording.how_to_use_week(PLAN)],
    "picture_hint": lambda: [wording.picture_hint(True, True), wording.picture_hint(True, False)],
    "running_title": lambda: [wording.running_title(PLAN)],
    "exercise_heading": lambda: [wording.exercise_heading(2, EXERCISE.name, continued=True)],
    "exercise_list_line": lambda: [wording.exercise_list_line(ITEM)],
    "kind_and_dose": lambda: [wording.kind_and_dose(ITEM)],
    "needs_line": lambda: [wording.needs_line(()), wording.needs_line(EXERCISE.equipment)],
    "helps_line": lambda: [wording.helps_line(EXERCISE.targets)],
    "row_label": lambda: [wording.row_label(PLAN, ITEM, 2, 1)],
    "box_when": lambda: [wording.box_when(PLAN, ITEM, 2, 1, "left")],
    "rep_tooltip": lambda: [
        wording.rep_tooltip(EXERCISE.name, wording.box_when(PLAN, ITEM, 2, 1, "left"), 3)
    ],
    "pain_scale_heading": lambda: [
        wording.pain_scale_heading(PLAN, 1),
        wording.pain_scale_heading(dataclasses.replace(PLAN, days=1), 1),
    ],
    "round_label": lambda: [wording.round_label(PLAN, 2, 3, 3), wording.round_label(PLAN, 2, 1, 1)],
    "round_when": lambda: [wording.round_when(PLAN, 2, 2, 3)],
    "pain_scale_question": lambda: [wording.pain_scale_question(wording.round_when(PLAN, 2, 2, 3))],
    "pain_value_tooltip": lambda: [wording.pain_value_tooltip(n) for n in (0, 5, 10)],
    "note_line": lambda: [wording.note_line("Go slowly.")],
    "emergency_action": lambda: [wording.emergency_action(), wording.emergency_action("999")],
    "contact_line": lambda: [wording.contact_line("Jo Park on 01632 960 000")],
    "key_caution_line": lambda: [wording.key_caution_line("Move slowly.")],
    "exercise_text": lambda: [
        wording.exercise_text(step, 5, units)
        for step in EXERCISE.steps
        for units in ("metric", "us", "both")
    ],
}


def grade(sentences: list[str]) -> float:
    text = " ".join(s if s.rstrip().endswith((".", "?", "!")) else s + "." for s in sentences)
    return float(textstat.flesch_kincaid_grade(text))


def constants() -> list[str]:
    """Every public text constant of wording.py, tuples of texts opened up."""
    texts: list[str] = []
    for name, value in vars(wording).items():
        if not name.isupper() or name in NOT_TEXT:
            continue
        pending = [value]
        while pending:
            piece = pending.pop()
            if isinstance(piece, str):
                texts.append(piece)
            elif isinstance(piece, tuple):
                pending += piece
    return texts


def test_every_wording_function_has_a_sample() -> None:
    functions = {
        name
        for name, value in inspect.getmembers(wording, inspect.isfunction)
        if value.__module__ == wording.__name__ and not name.startswith("_")
    }
    assert functions == set(SAMPLES)


def test_every_sentence_is_at_most_grade_six() -> None:
    texts = constants() + [text for sample in SAMPLES.values() for text in sample()]
    assert "Take care:" in texts and "Page 2 of 3" in texts
    assert grade(texts) <= MAX_GRADE


def test_the_safety_sentences_alone_are_at_most_grade_six() -> None:
    texts = [
        wording.SAFETY_STOP,
        *(
            text
            for short in (False, True)
            for heading, action, signs in wording.safety_tiers(short)
            for text in (wording.safety_tier_lead(heading, action), *signs)
        ),
        wording.HOW_TO_USE,
        wording.TICK_PROMPT,
        wording.PAIN_SCALE_PROMPT,
        wording.PAGE_FOOTER_SAFETY,
    ]
    assert grade(texts) <= MAX_GRADE

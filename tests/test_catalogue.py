"""The packaged catalogue: complete, well-formed, and written for a patient to read."""

from __future__ import annotations

import re

import pytest
import textstat

from makeplan import wording
from makeplan.catalogue import load_catalogue
from makeplan.model import POSITIONS

# The two articles, by title (the seed files 000_... and 001_...).
SEEDS = {"Exercises for Lower Back Spasms", "Stretches for Lower Back Spasms"}
MAX_GRADE = 6.0


def grade(sentences: list[str]) -> float:
    text = " ".join(s if s.rstrip().endswith((".", "?", "!")) else s + "." for s in sentences)
    return float(textstat.flesch_kincaid_grade(text))


def test_nine_distinct_exercises_from_both_articles() -> None:
    catalogue = load_catalogue()
    assert len(catalogue) == 9
    ids = [ex.id for ex in catalogue]
    assert len(set(ids)) == 9
    warrior = [ex for ex in catalogue if "warrior" in ex.id]
    assert len(warrior) == 1
    assert set(warrior[0].source) == SEEDS
    for ex in catalogue:
        assert set(ex.source) <= SEEDS
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", ex.id)


def test_every_position_and_ability_is_covered() -> None:
    catalogue = load_catalogue()
    assert {ex.position for ex in catalogue} == set(POSITIONS)
    assert {ex.ability for ex in catalogue} == {1, 2, 3}
    # The articles offer the lying exercise to people who can hardly sit or stand.
    assert all(ex.position == "lying" for ex in catalogue if ex.ability == 1)


@pytest.mark.parametrize("exercise", load_catalogue(), ids=lambda ex: ex.id)
def test_exercise_fields(exercise) -> None:
    assert exercise.name and exercise.ability_reason and exercise.cue
    assert exercise.sides in (1, 2)
    assert exercise.reps >= 1 and exercise.sessions_per_day >= 1 and exercise.hold_seconds >= 0
    assert set(exercise.defaults) <= {"reps", "sides", "hold_seconds", "sessions_per_day"}
    assert exercise.targets and exercise.steps


@pytest.mark.parametrize("units", ["metric", "us"])
@pytest.mark.parametrize("exercise", load_catalogue(), ids=lambda ex: ex.id)
def test_patient_text_is_at_most_grade_six(exercise, units: str) -> None:
    def printed(texts: list[str]) -> list[str]:
        return [wording.exercise_text(text, exercise.hold_seconds, units) for text in texts]

    assert grade(printed(list(exercise.steps))) <= MAX_GRADE
    assert grade(printed([exercise.cue, *exercise.cautions])) <= MAX_GRADE
    # One action per step: short steps, at most two short sentences.
    for step in printed(list(exercise.steps)):
        assert len(step.split()) <= 16, step
        assert step.count(". ") <= 1, step


def test_safety_note_names_every_warning_sign() -> None:
    for short in (False, True):
        (emergency, *_), (same_day, *_), (soon, *_) = wording.safety_tiers(short)
        assert (emergency, same_day, soon) == ("Emergency now", "See a doctor the same day",
                                               "See a doctor soon")  # fmt: skip
        signs = [" ".join(tier[2]) for tier in wording.safety_tiers(short)]
        for needle in ("genitals or bottom", "peeing", "pooing", "both legs", "weaker",
                       "how sex feels", "chest pain", "fall"):  # fmt: skip
            assert needle in signs[0], (short, needle)
        for needle in ("high temperature", "weight", "night", "lump", "cough", "cancer",
                       "steroids", "immune"):  # fmt: skip
            assert needle in signs[1], (short, needle)
        for needle in ("few weeks", "everyday things"):
            assert needle in signs[2], (short, needle)
    assert "pain gets worse" in wording.SAFETY_STOP


def test_numbers_from_the_articles_are_kept() -> None:
    by_id = {ex.id: ex for ex in load_catalogue()}
    lying = by_id["knee-hug-side-tilt"]
    assert (lying.reps, lying.sides, lying.hold_seconds, lying.sessions_per_day) == (5, 2, 5, 3)
    assert lying.defaults == ()
    assert by_id["seated-twist"].reps == 5 and by_id["seated-twist"].sides == 2
    assert by_id["glute-stretch"].hold_seconds == 30
    assert by_id["hamstring-stretch"].hold_seconds == 30
    assert by_id["double-knee-lift"].hold_seconds <= 5
    assert "hold_seconds" in by_id["warrior-at-the-wall"].defaults


def test_every_packaged_file_passes_the_exercise_schema() -> None:
    # The packaged catalogue is read without jsonschema at run time (it is slower to
    # import than a sheet takes to draw), so this test is what keeps it valid.
    from makeplan.catalogue import builtin_files
    from makeplan.library import markup_problems
    from makeplan.validation import check, parse

    files = builtin_files()
    assert len(files) == 9
    for origin, content in files:
        data, lines, problems = parse(content, origin)
        assert data is not None and not problems
        assert check(data, "exercise", origin, lines) == []
        assert markup_problems(data, origin, lines) == []
        assert origin.endswith(f"/{data['id']}.toml")
        # Fields that a library may leave out, the catalogue always gives.
        assert {"ability_reason", "source", "cautions", "defaults", "equipment"} <= set(data)
        assert "image" not in data and "pose" not in data  # pictures live in assets/poses


def test_steps_name_the_hold_only_through_the_placeholder() -> None:
    # A plan may change the hold; a step with a fixed number of seconds would then
    # disagree with the dose printed above it.
    for exercise in load_catalogue():
        for step in exercise.steps:
            fixed = re.search(r"\d+ seconds?\b", step)
            assert fixed is None or "never longer than" in step, step


def test_a_step_that_says_hold_says_how_long() -> None:
    # 'Hold. Then put it down.' beside a dose of 5 seconds left the patient to guess;
    # every hold takes its time from the dose ('Hold the back of your thigh' is a grip).
    for exercise in load_catalogue():
        for step in exercise.steps:
            for sentence in re.split(r"(?<=\.) ", step):
                if re.match(r"Hold\b(?! (the|your|on)\b)", sentence):
                    assert "{hold}" in sentence, (exercise.id, sentence)


def test_lengths_are_written_in_both_units_through_markup() -> None:
    # A sheet prints one system of units, the paper's (or --units); a length written
    # out in words would print as it is on every sheet, or both systems at once.
    unit = r"(inch|inches|foot|feet|meters?|metres?|centimeters?|centimetres?|cm|mm|ft|in)"
    for exercise in load_catalogue():
        for text in (exercise.cue, *exercise.steps, *exercise.cautions):
            plain = re.sub(r"\{[^{}]*\}", "", text)
            assert not re.search(rf"\b(\d+|a few) {unit}\b", plain), (exercise.id, text)


def test_the_buttock_stretch_says_thigh_in_its_cue_steps_and_picture() -> None:
    # The article: the right ankle on the left thigh, just below the knee. The cue said
    # 'over the other knee' and the picture's caption 'Ankle on knee'.
    from makeplan.pictograms import packaged_pictogram

    (glute,) = [ex for ex in load_catalogue() if ex.id == "glute-stretch"]
    assert any("ankle on your left thigh, just below the knee" in step for step in glute.steps)
    assert "ankle on the other thigh, just below the knee" in glute.cue
    picture = packaged_pictogram("glute-stretch")
    assert picture is not None
    captions = [panel.caption for panel in picture.panels]
    assert any("Ankle on thigh" in caption for caption in captions), captions

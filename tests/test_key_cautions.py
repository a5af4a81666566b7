"""The articles' limits on every sheet, and a record of what they do not say.

One-page and week sheets have no room for every caution, so each exercise's key
caution prints there (under its boxes on one-page, in a numbered list under the
week's table), and both say where the steps are. The catalogue records in data
what is not from its article ([added]), `makeplan show` marks it, and a dose
given for every exercise (--hold, --reps) stops at the most the article gives.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from makeplan.catalogue import load_catalogue
from makeplan.model import added_not_found
from support import page_texts

ROOT = Path(__file__).resolve().parent.parent
DATE = ("--date", "2026-11-30")
CATALOGUE = load_catalogue()


def flat(path: Path) -> str:
    """The sheet's text on one line. A caution set in a column wraps, and the text
    reader puts its bullet (read as \x7f) between its lines: bullets are dropped."""
    text = " ".join(page_texts(path)).replace("\x7f", " ").replace("\u2022", " ")
    return " ".join(text.split())


def test_every_catalogue_exercise_has_a_short_key_caution() -> None:
    for exercise in CATALOGUE:
        assert exercise.key_caution, exercise.id
        assert len(exercise.key_caution) <= 60, exercise.id
        # A key caution that repeats a caution the article does not give is marked too.
        if ("cautions", exercise.key_caution) in exercise.added:
            assert ("key_caution", exercise.key_caution) in exercise.added, exercise.id


def test_every_added_record_names_a_text_the_file_says() -> None:
    for path in sorted((ROOT / "makeplan" / "exercises").glob("*.toml")):
        assert added_not_found(tomllib.loads(path.read_text())) == [], path.name
    # The seated twist's "as far as feels OK" is not the article's "as far as possible".
    twist = next(exercise for exercise in CATALOGUE if exercise.id == "seated-twist")
    assert ("cautions", "Turn only as far as feels OK.") in twist.added


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_one_page_prints_each_key_caution(run, tmp_path, paper) -> None:
    assert run("build", *DATE, "--paper", paper, "-o", "s.pdf").code == 0
    text = flat(tmp_path / "s.pdf")
    for exercise in CATALOGUE:
        assert f"Take care: {exercise.key_caution}" in text, exercise.id
    # Each exercise's short cue says what to do: no pointer to a handout the patient
    # may not have (the week, which has no cues, keeps it).
    assert "see your handout" not in text


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_week_lists_each_key_caution_by_number(run, tmp_path, paper) -> None:
    assert run("build", *DATE, "--layout", "week", "--paper", paper, "-o", "w.pdf").code == 0
    text = flat(tmp_path / "w.pdf")
    assert "Take care:" in text
    for exercise in CATALOGUE:
        # The number the table gives the exercise leads its caution in the list.
        number = text[: text.index(f". {exercise.name}")].split()[-1]
        assert f"{number}. {exercise.key_caution}" in text, exercise.id
    assert "For all the steps, see your handout." in text


def test_the_handout_has_the_steps_and_every_caution_instead(run, tmp_path) -> None:
    assert run("build", *DATE, "--layout", "handout", "-o", "h.pdf").code == 0
    text = flat(tmp_path / "h.pdf")
    assert "see your handout" not in text
    for exercise in CATALOGUE:
        for caution in exercise.cautions:
            assert caution in text, exercise.id


def test_show_marks_what_the_article_does_not_say(run) -> None:
    shown = run("show", "seated-twist").text
    assert "Turn only as far as feels OK.  (added: not in the source)" in shown
    assert "That is normal if it does not hurt.  (added" not in shown
    assert "Key caution:  Turn only as far as feels OK.  (added: not in the source)" in shown


def test_an_added_record_that_names_nothing_is_a_problem_at_its_line(run, tmp_path) -> None:
    text = (ROOT / "makeplan" / "exercises" / "seated-twist.toml").read_text()
    text = text.replace('id = "seated-twist"', 'id = "my-twist"')
    text = text.replace(
        'cautions = ["Turn only as far as feels OK."]', 'cautions = ["Turn as far as you like."]'
    )
    (tmp_path / "my-twist.toml").write_text(text)
    line = next(
        number
        for number, content in enumerate(text.splitlines(), start=1)
        if content.startswith('cautions = ["Turn as far')
    )
    result = run("check", "my-twist.toml")
    assert result.code != 0
    assert f"my-twist.toml:{line}: added.cautions[1]:" in result.stdout.decode()
    assert "which cautions does not say" in result.stdout.decode()
    built = run("build", "--library", "my-twist.toml", "-e", "my-twist", "-o", "x.pdf")
    # A data file's problems are listed under one Error line, each at its line.
    assert built.code != 0 and built.stderr.startswith("Error: my-twist.toml has 1 problem")
    assert f"my-twist.toml:{line}: added.cautions[1]" in built.stderr
    assert "Traceback" not in built.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_hold_for_every_exercise_stops_at_each_articles_most_and_says_so(run, tmp_path) -> None:
    result = run("build", *DATE, "--hold", "20", "-e", "back-rounder", "-e", "glute-stretch",
                 "-o", "s.pdf")  # fmt: skip
    assert result.code == 0
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning:")]
    # The back rounder's article gives 5 to 10 seconds; the glute stretch's 30.
    assert len(warnings) == 1, warnings
    assert "Back rounder (back-rounder): --hold 20 is more than its article gives" in warnings[0]
    assert "kept at 10 seconds" in warnings[0] and "plan file" in warnings[0]
    text = flat(tmp_path / "s.pdf")
    assert "5 times, hold 10 seconds" in text
    assert "1 time each side, hold 20 seconds" in text
    # The plan file written says the same, and so does `plan` itself.
    result = run("plan", *DATE, "--hold", "20", "-e", "back-rounder", "-o", "p.toml")
    assert result.code == 0 and "kept at 10 seconds" in result.stderr
    assert "hold_seconds = 10" in (tmp_path / "p.toml").read_text()


def test_reps_for_every_exercise_stop_at_the_articles_most(run, tmp_path) -> None:
    result = run("build", *DATE, "--reps", "8", "-e", "knee-hug-side-tilt", "-o", "s.pdf")
    assert result.code == 0
    assert "--reps 8 is more than its article gives, so it is kept at 5;" in result.stderr
    assert "5 times each side" in flat(tmp_path / "s.pdf")


def test_a_clinicians_own_value_for_one_exercise_goes_past_without_a_notice(run, tmp_path) -> None:
    (tmp_path / "p.toml").write_text(
        'version = 1\n[[exercise]]\nid = "back-rounder"\nhold_seconds = 20\n'
    )
    result = run("build", "--plan", "p.toml", *DATE, "-o", "s.pdf")
    assert result.code == 0, result.stderr
    assert "Warning" not in result.stderr
    assert "hold 20 seconds" in flat(tmp_path / "s.pdf")

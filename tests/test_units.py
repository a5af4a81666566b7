"""Lengths in one system per sheet: the paper's (metric on A4, US units on Letter) or
--units; written in exercise files as `{3 ft | 1 m}`, checked like the rest of the file."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from makeplan import markup
from support import assert_clean_error, page_texts, printed_text

ROOT = Path(__file__).resolve().parent.parent
WARRIOR = "warrior-at-the-wall"
LIFT = "double-knee-lift"


def printed(run, tmp_path: Path, *args: str, name: str = "s.pdf") -> str:
    result = run("build", "--layout", "handout", "-e", WARRIOR, "-e", LIFT, "--date",
                 "2026-11-30", "-o", name, *args)  # fmt: skip
    assert result.code == 0, result.stderr
    return printed_text(tmp_path / name)


METRIC = ("about 1 meter away", "5 to 10 centimeters above the floor")
US = ("about 3 feet away", "a few inches above the floor")


@pytest.mark.parametrize(
    ("args", "shown", "hidden"),
    [
        ((), METRIC, ("3 feet", "inches")),
        (("--paper", "a4"), METRIC, ("3 feet", "inches")),
        (("--paper", "letter"), US, ("meter", "centimeter")),
        (("--paper", "a4", "--units", "us"), US, ("meter", "centimeter")),
        (("--paper", "letter", "--units", "metric"), METRIC, ("3 feet", "inches")),
    ],
)
def test_one_system_per_sheet(run, tmp_path: Path, args, shown, hidden) -> None:
    text = printed(run, tmp_path, *args)
    for words in shown:
        assert words in text, (words, text)
    for word in hidden:
        assert word not in text
    # 'Put your feet hip-width apart' is about feet, not a length: only lengths change.
    assert "Put your feet hip-width apart" in text


def test_the_units_are_kept_in_plans_and_sheets(run, tmp_path: Path) -> None:
    assert run("plan", "-e", WARRIOR, "-o", "paper.toml").code == 0
    assert (
        '# units = "metric"   (left out: the paper decides)'
        in (tmp_path / "paper.toml").read_text()
    )
    assert run("plan", "-e", WARRIOR, "--units", "us", "-o", "us.toml").code == 0
    assert 'units = "us"' in (tmp_path / "us.toml").read_text().splitlines()
    text = printed(run, tmp_path, "--plan", "us.toml", name="from-plan.pdf")
    assert "about 3 feet away" in text
    # A sheet's own plan keeps them, for next week's sheet.
    assert "about 3 feet away" in printed(run, tmp_path, "--from", "from-plan.pdf", name="next.pdf")
    (tmp_path / "bad.toml").write_text('version = 1\nunits = "imperial"\n')
    lines = run("check", "bad.toml").text.splitlines()
    assert lines == ['bad.toml:2: units: is \'imperial\'; expected "metric" or "us" '
                     "(left out: the paper decides)."]  # fmt: skip
    assert_clean_error(run("build", "--units", "imperial"), "--units", "'imperial'")


def test_a_roster_column_sets_the_units(run, tmp_path: Path) -> None:
    with (tmp_path / "r.csv").open("w", newline="") as file:
        csv.writer(file).writerows(
            [["patient", "layout", "exercise", "paper", "units"],
             ["Ann", "handout", WARRIOR, "a4", "us"],
             ["Bob", "handout", WARRIOR, "letter", ""]]
        )  # fmt: skip
    (tmp_path / "out").mkdir()
    assert run("batch", "r.csv", "-d", "out", "-j", "1").code == 0
    assert "3 feet" in " ".join(page_texts(tmp_path / "out" / "ann.pdf"))
    assert "3 feet" in " ".join(page_texts(tmp_path / "out" / "bob.pdf"))


def test_a_list_gives_both(run) -> None:
    data = json.loads(run("list", "--format", "json").text)
    warrior = next(item for item in data if item["id"] == WARRIOR)
    assert "Stand facing a wall, about 3 feet (1 meter) away." in warrior["steps"]
    assert not any("{" in step for item in data for step in item["steps"])
    assert "a few inches (5 to 10 centimeters)" in run("show", LIFT).text


# --- the markup, in a library exercise ---

LIBRARY_EXERCISE = """\
id = "wall-lean"
name = "Wall lean"
position = "standing"
ability = 1
cue = "Lean on the wall, {1 ft | 30 cm} from it."
reps = 5
sides = 1
hold_seconds = 5
sessions_per_day = 1
targets = ["lower back"]
steps = [
    "Stand {2 ft | 60 cm} from a wall.",
    "Lean in. Hold for {hold}.",
]
cautions = ["Keep your heels {a few in | 5 to 10 cm} apart."]
"""


def test_a_library_exercise_uses_the_markup(run, tmp_path: Path) -> None:
    (tmp_path / "lean.toml").write_text(LIBRARY_EXERCISE)
    base = ("--library", "lean.toml", "-e", "wall-lean", "--layout", "handout")
    assert run("build", *base, "--paper", "letter", "-o", "us.pdf").code == 0
    text = printed_text(tmp_path / "us.pdf")
    for words in ("Stand 2 feet from", "heels a few inches apart"):
        assert words in text
    assert run("build", *base, "-o", "metric.pdf").code == 0
    text = printed_text(tmp_path / "metric.pdf")
    for words in ("Stand 60 centimeters from", "5 to 10 centimeters apart"):
        assert words in text
    # The one-page sheet prints the cue (the handout does not).
    assert run("build", *base[:4], "-o", "one.pdf").code == 0
    assert "Lean on the wall, 30 centimeters from it." in printed_text(tmp_path / "one.pdf")
    assert run("build", *base[:4], "--paper", "letter", "-o", "one-us.pdf").code == 0
    assert "Lean on the wall, 1 foot from it." in printed_text(tmp_path / "one-us.pdf")


def test_bad_markup_is_a_problem_with_its_line(run, tmp_path: Path) -> None:
    text = (
        LIBRARY_EXERCISE.replace('name = "Wall lean"', 'name = "Wall lean {1 m}"')
        .replace("{1 ft | 30 cm}", "{1 ft}")
        .replace("{2 ft | 60 cm}", "{60 cm | 2 ft}")
        .replace("Hold for {hold}.", "Hold for {hodl}.")
        .replace("{a few in | 5 to 10 cm}", "{3 feet | 1 m")
    )
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "lean.toml").write_text(text)
    lines = run("check", "lib").text.splitlines()
    expected = markup.EXAMPLE
    assert lines == [
        "lib/lean.toml:2: name: has '{' or '}', but markup is only read in ability_reason, "
        "cue, steps, cautions; expected plain text.",
        f"lib/lean.toml:5: cue: '{{1 ft}}' is one length; give one in each system, with a "
        f"'|' between them; expected {expected}.",
        f"lib/lean.toml:12: steps[1]: '{{60 cm | 2 ft}}' does not give the US length first "
        f"and the metric one second; expected {expected}.",
        f"lib/lean.toml:13: steps[2]: '{{hodl}}' is neither {{hold}} nor a length; "
        f"expected {expected}.",
        f"lib/lean.toml:15: cautions[1]: has a '{{' or '}}' without its pair; expected {expected}.",
    ]
    result = run("build", "--library", "lib", "-o", "x.pdf")
    assert result.code == 3 and result.stderr.startswith("Error: lib has 5 problems")
    assert "Traceback" not in result.stderr and not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize(
    ("written", "metric", "us"),
    [
        ("{3 ft | 1 m}", "1 meter", "3 feet"),
        ("{1 ft | 30 cm}", "30 centimeters", "1 foot"),
        ("{1 in | 2.5 cm}", "2.5 centimeters", "1 inch"),
        ("{ a few  in|5 to 10 cm }", "5 to 10 centimeters", "a few inches"),
        ("{1.5 ft | 0.5 m}", "0.5 meters", "1.5 feet"),
    ],
)
def test_quantities_read(written: str, metric: str, us: str) -> None:
    assert list(markup.problems(written)) == []
    assert markup.fill(written, "5 seconds", "metric") == metric
    assert markup.fill(written, "5 seconds", "us") == us
    assert markup.fill(written, "5 seconds", "both") == f"{us} ({metric})"


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("{3 ft | 1 metre}", "has the unit 'metre', which is not in, ft, cm or m"),
        ("{0 ft | 0 m}", "has '0 ft', no length at all"),
        ("{10 to 5 in | 5 cm}", "has the range '10 to 5', which does not go up"),
        ("{3ft | 1 m}", "has '3ft', not an amount"),
        ("{3 ft | 1 m | 2 m}", "is more than two lengths"),
        ("{3 ft | 1 ft}", "does not give the US length first"),
        ("{3 ft}", "is one length"),
        ("{}", "is neither {hold} nor a length"),
        ("{ hold }", "is neither {hold} nor a length"),
        ("Hold for {hold}} now.", "without its pair"),
    ],
)
def test_bad_quantities_say_why(written: str, reason: str) -> None:
    (message,) = list(markup.problems(written))
    assert reason in message and message.endswith(f"expected {markup.EXAMPLE}.")


def test_the_example_library_still_checks(run, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "examples" / "clinic-exercises", tmp_path / "lib")
    assert run("check", "lib").code == 0

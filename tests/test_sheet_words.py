"""Small things every sheet says (issue 17, item 4), read from outside: the text of
the PDF as printed, the lines drawn on it, and the warnings on stderr.

- the date line names the weekday ('Monday 30 November 2026'); a handout says it is
  a plan, not a 'Daily sheet'; a week gives its first and last day;
- with no --patient, 'Name:' and a line to write it on, on every layout and paper,
  and the sheets still fit as they did;
- a legend for the pictures' conventions wherever pictures are printed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pdfplumber
import pytest

from makeplan import wording
from makeplan.model import Plan
from support import layout_problems, page_texts, printed_text

DATE = ("--date", "2026-11-30")
LAYOUT_MARGINS = {"one-page": 12, "handout": 12, "large-print": 12, "week": 10}
MM = 72 / 25.4


def warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("Warning:")]


# --- the date line ---


def test_a_one_page_sheet_is_a_daily_sheet_with_its_weekday(run, tmp_path: Path) -> None:
    assert run("build", *DATE, "-o", "s.pdf").code == 0
    assert "Daily sheet for Monday 30 November 2026" in page_texts(tmp_path / "s.pdf")[0]


def test_a_week_gives_its_first_and_last_day(run, tmp_path: Path) -> None:
    assert run("build", *DATE, "--layout", "week", "-a", "gentle", "-o", "w.pdf").code == 0
    first = page_texts(tmp_path / "w.pdf")[0]
    assert "7-day sheet: Monday 30 November to Sunday 6 December 2026" in first


@pytest.mark.parametrize("layout", ["handout", "large-print"])
@pytest.mark.parametrize("title_page", ["--title-page", "--no-title-page"])
def test_a_handout_is_a_plan_not_a_daily_sheet(
    run, tmp_path: Path, layout: str, title_page: str
) -> None:
    result = run("build", *DATE, "--layout", layout, title_page, "-a", "gentle", "-o", "h.pdf")
    assert result.code == 0, result.stderr
    text = " ".join(page_texts(tmp_path / "h.pdf"))
    assert "Daily sheet" not in text
    assert "Exercise plan from Monday 30 November 2026" in page_texts(tmp_path / "h.pdf")[0]
    result = run("build", *DATE, "--layout", layout, title_page, "-a", "gentle", "--days", "3",
                 "-o", "h3.pdf")  # fmt: skip
    assert result.code == 0, result.stderr
    first = " ".join(page_texts(tmp_path / "h3.pdf")[0].split())  # large print wraps it
    assert "Exercise plan for 3 days: Monday 30 November to Wednesday 2 December 2026" in first


def test_the_year_is_given_twice_only_when_it_changes() -> None:
    new_year = Plan((), 7, dt.date(2026, 12, 28), None, None, None)
    assert wording.subtitle(new_year) == (
        "7-day sheet: Monday 28 December 2026 to Sunday 3 January 2027"
    )
    assert wording.long_date(dt.date(2027, 2, 3)) == "Wednesday 3 February 2027"


# --- a line for the name ---


def name_line(pdf: Path) -> tuple[float, float] | None:
    """The length (mm) of the line drawn after 'Name:' on page 1, on its baseline, and
    the gap (mm) between the word and the line; None when there is no 'Name:'."""
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[0]
        words = [w for w in page.extract_words() if w["text"] == wording.NAME_LABEL]
        if not words:
            return None
        word = words[0]
        after = [
            line
            for line in page.lines
            if abs(line["top"] - word["bottom"]) < 3 and line["x0"] >= word["x1"] - 0.5
        ]
        assert after, "no line to write on after 'Name:'"
        line = min(after, key=lambda line: line["x0"])
        return (line["x1"] - line["x0"]) / MM, (line["x0"] - word["x1"]) / MM


@pytest.mark.parametrize("layout", sorted(LAYOUT_MARGINS))
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_without_a_patient_there_is_a_line_for_the_name(
    run, tmp_path: Path, layout: str, paper: str
) -> None:
    result = run("build", *DATE, "--layout", layout, "--paper", paper, "-o", "s.pdf")
    assert result.code == 0, result.stderr
    found = name_line(tmp_path / "s.pdf")
    assert found is not None
    length, gap = found
    assert 40 <= length <= 81 and gap < 3
    assert layout_problems(tmp_path / "s.pdf", LAYOUT_MARGINS[layout]) == []
    # With a name, the name is printed and there is no line for one.
    result = run("build", *DATE, "--layout", layout, "--paper", paper, "--patient", "Ann Lee",
                 "-o", "p.pdf")  # fmt: skip
    assert result.code == 0, result.stderr
    assert name_line(tmp_path / "p.pdf") is None
    assert "For: Ann Lee" in page_texts(tmp_path / "p.pdf")[0]


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_name_line_costs_the_whole_catalogue_no_room(run, tmp_path: Path, paper: str) -> None:
    """Beside the title, where the one-page and the week have room: a full sheet (the
    moderate exercises on one-page, the gentle ones for a week) fits on one page with
    its pictures. (The whole catalogue with the knee hug's three rounds a day, and
    a pain scale for each, goes on to a second page: see test_paper_use.)"""
    result = run("build", *DATE, "-a", "moderate", "--paper", paper, "-o", "o.pdf")
    assert result.code == 0, result.stderr
    assert warnings(result.stderr) == [], result.stderr
    assert len(page_texts(tmp_path / "o.pdf")) == 1
    result = run("build", *DATE, "-a", "gentle", "--layout", "week", "--paper", paper,
                 "-o", "w.pdf")  # fmt: skip
    assert result.code == 0
    assert warnings(result.stderr) == []
    assert len(page_texts(tmp_path / "w.pdf")) == 1
    # The name sits on the title's line: the date line under it starts where it did.
    with pdfplumber.open(tmp_path / "o.pdf") as doc:
        words = doc.pages[0].extract_words()
    title = next(w for w in words if w["text"] == "My")
    name = next(w for w in words if w["text"] == wording.NAME_LABEL)
    assert abs(name["bottom"] - title["bottom"]) < 3


# --- the pictures' legend ---


@pytest.mark.parametrize("layout", ["handout", "large-print"])
def test_handouts_say_what_the_arrows_mean(run, tmp_path: Path, layout: str) -> None:
    assert run("build", *DATE, "--layout", layout, "-a", "gentle", "-o", "h.pdf").code == 0
    text = printed_text(tmp_path / "h.pdf")
    assert "In the pictures, an arrow shows the way to move." in text
    assert "An arrow with two heads means one way, then the other." in text


@pytest.mark.parametrize("layout", ["one-page", "week"])
def test_key_frames_have_their_legend(run, tmp_path: Path, layout: str) -> None:
    assert run("build", *DATE, "--layout", layout, "-a", "gentle", "-o", "s.pdf").code == 0
    text = printed_text(tmp_path / "s.pdf")
    assert "the faint body is the start and the dark body is the end." in text
    assert "Move the way the arrow points, both ways if it has two heads." in text


def test_no_legend_when_the_pictures_were_left_out(run, tmp_path: Path) -> None:
    # These four for a week on Letter fit only without their pictures (on A4, which is
    # shorter, they go on to a second page).
    four = ["knee-hug-side-tilt", "single-knee-to-chest", "back-rounder", "glute-stretch"]
    chosen = [part for exercise in four for part in ("-e", exercise)]
    result = run("build", *DATE, *chosen, "--paper", "letter", "--layout", "week", "-o", "w.pdf")
    assert "pictures were left out" in result.stderr
    assert "faint body" not in printed_text(tmp_path / "w.pdf")

"""The report chart: one A4 landscape page, every word inside the margins and apart.

The reports are built from the report dataclasses directly, so no returned
sheet is needed; the PDF is read back with pdfplumber and pypdf, as a user's
viewer would see it.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import subprocess
import sys
from functools import cache

import pdfplumber
import pypdf
import pytest

from makeplan.render.chart import NO_PAIN, chart_pdf
from makeplan.report.adherence import DayResult, ExerciseResult, Report
from makeplan.sheetdata import SheetRecord
from support import MM

START = dt.date(2026, 11, 23)
PAGE = (841.89, 595.28)
MARGIN = 15 * MM
NAMES = (
    "Pelvic tilt",
    "Knee to chest",
    "Cat-camel",
    "Bridge",
    "Bird-dog",
    "Prone press-up",
    "Child's pose",
    "Side plank on knees",
    "Dead bug",
    "Hamstring stretch",
    "Walking",
)
LONG_NAME = "Bridge with a long hold at the top and a slow lowering, one vertebra at a time"


def make_report(
    days: int = 7,
    exercises: int = 3,
    pain: bool = True,
    patient: str | None = "Ann Lee",
    names: tuple[str, ...] = NAMES,
) -> Report:
    """A report over `days` days from START, in sheets of up to a week."""
    sheets = []
    for first in range(0, days, 7):
        record = SheetRecord(
            makeplan_version="0.1.0",
            date=START + dt.timedelta(days=first),
            days=min(7, days - first),
            patient=patient,
            layout="one-page",
            fillable=True,
            exercises=(),
            ticks=(),
            pains=(),
        )
        sheets.append((f"week{first // 7 + 1}.pdf", record))
    results = []
    for number in range(exercises):
        planned = 10 * (1 + number % 3)
        results.append(
            ExerciseResult(
                f"ex{number}",
                names[number],
                tuple(
                    DayResult(
                        date=START + dt.timedelta(days=day),
                        done=planned if (day + number) % 4 else planned // 2,
                        planned=planned,
                        missed_sessions=(),
                        # Every fifth day has no score: a gap, not a zero.
                        pain=(3 + day % 3 if pain and day % 5 != 2 else None, None),
                    )
                    for day in range(days)
                ),
            )
        )
    return Report(patient, tuple(sheets), tuple(results), ())


CASES = {
    "week": lambda: make_report(),
    "one day": lambda: make_report(days=1, exercises=2),
    "31 days": lambda: make_report(days=31, exercises=4),
    "90 days": lambda: make_report(days=90, exercises=2),
    "9 exercises": lambda: make_report(days=14, exercises=9),
    "11 exercises": lambda: make_report(days=10, exercises=11, patient=None),
    "no pain": lambda: make_report(days=10, exercises=2, pain=False),
    "long names": lambda: make_report(
        exercises=2, patient="Ann " + "Lee-" * 40, names=(LONG_NAME, LONG_NAME + " again")
    ),
    # Letters beyond Windows-1252 bring in the bundled TrueType font.
    "greek": lambda: make_report(patient="Σοφία Παπαδοπούλου", names=("Γέφυρα", *NAMES[1:])),
}


@cache
def pdf(case: str) -> bytes:
    return chart_pdf(CASES[case]())


def text(data: bytes) -> str:
    return pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text() or ""


def test_one_landscape_a4_page_with_a_title() -> None:
    reader = pypdf.PdfReader(io.BytesIO(pdf("week")))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(PAGE, abs=0.01)
    assert reader.metadata is not None
    assert reader.metadata.title == "Exercise report: Ann Lee, Mon 23 Nov 2026 to Sun 29 Nov 2026"


def test_names_titles_and_totals_are_in_the_text() -> None:
    found = text(pdf("week"))
    for needle in (
        "Exercise report: Ann Lee",
        "Mon 23 Nov 2026 to Sun 29 Nov 2026",
        "% of planned reps done",
        "Pain, 0 (none) to 10 (worst)",
        "Pelvic tilt",
        "Knee to chest",
        "Cat-camel",
    ):
        assert needle in found, needle
    report = CASES["week"]()
    done = sum(exercise.done for exercise in report.exercises)
    planned = sum(exercise.planned for exercise in report.exercises)
    assert f"{done} of {planned} planned reps done ({round(100 * done / planned)}%)" in found
    assert NO_PAIN not in found


@pytest.mark.parametrize("case", list(CASES))
def test_everything_inside_the_margins(case: str) -> None:
    width, height = PAGE
    with pdfplumber.open(io.BytesIO(pdf(case))) as document:
        page = document.pages[0]
        marks = page.chars + page.lines + page.rects + page.curves
        assert page.chars
        for mark in marks:
            where = (mark.get("text", mark["object_type"]), mark["x0"], mark["top"])
            assert mark["x0"] >= MARGIN - 0.01, where
            assert mark["x1"] <= width - MARGIN + 0.01, where
            assert mark["top"] >= MARGIN - 0.01, where
            assert mark["bottom"] <= height - MARGIN + 0.01, where


@pytest.mark.parametrize("case", list(CASES))
def test_no_two_words_overlap(case: str) -> None:
    with pdfplumber.open(io.BytesIO(pdf(case))) as document:
        words = document.pages[0].extract_words()
    for one, other in itertools.combinations(words, 2):
        apart = (
            one["x1"] <= other["x0"] + 0.1
            or other["x1"] <= one["x0"] + 0.1
            or one["bottom"] <= other["top"] + 0.1
            or other["bottom"] <= one["top"] + 0.1
        )
        assert apart, (one["text"], other["text"])


def test_same_report_same_bytes_and_the_environment_is_restored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import os

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = chart_pdf(CASES["31 days"]())
    assert "SOURCE_DATE_EPOCH" not in os.environ
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1000000000")
    assert chart_pdf(CASES["31 days"]()) == first
    assert os.environ["SOURCE_DATE_EPOCH"] == "1000000000"


def test_one_day() -> None:
    found = text(pdf("one day"))
    assert "Mon 23 Nov 2026" in found
    assert " to " not in found.splitlines()[0]
    assert "23 Nov" in found


@pytest.mark.parametrize(("case", "days"), [("31 days", 31), ("90 days", 90)])
def test_long_periods_label_only_some_days(case: str, days: int) -> None:
    with pdfplumber.open(io.BytesIO(pdf(case))) as document:
        words = [word["text"] for word in document.pages[0].extract_words()]
    # Each labelled day shows its weekday under both charts.
    weekdays = sum(word in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun") for word in words)
    assert 2 * 3 <= weekdays < 2 * days


def test_nine_exercises_all_named() -> None:
    found = text(pdf("9 exercises"))
    for name in NAMES[:9]:
        assert name in found, name
    assert "more" not in found


def test_past_nine_the_rest_are_counted() -> None:
    found = text(pdf("11 exercises"))
    assert "+2 more" in found
    assert NAMES[8] in found
    assert NAMES[9] not in found and NAMES[10] not in found
    assert found.startswith("Exercise report, Mon 23 Nov 2026")  # no patient, no colon


def test_long_names_are_cut_short() -> None:
    found = text(pdf("long names"))
    assert LONG_NAME not in found
    assert "Bridge with a long hold" in found
    assert found.count("\u2026") >= 3  # the title and both names


def test_names_beyond_windows_1252() -> None:
    found = text(pdf("greek"))
    assert "Σοφία Παπαδοπούλου" in found
    assert "Γέφυρα" in found


def test_no_pain_scores_says_so() -> None:
    found = text(pdf("no pain"))
    assert NO_PAIN in found
    assert "Pain, 0 (none) to 10 (worst)" in found


def test_importing_the_module_does_not_load_reportlab() -> None:
    code = "import sys, makeplan.render.chart; print('reportlab' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"

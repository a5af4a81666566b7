"""Pain on a 0-10 scale, one per round: what the sheet prints and holds, and how `report`
reads it back (one number, none, or unclear when two are ticked; never a guess).

Sheets made before the scale (a number written in per exercise) are read in
test_returned, from sheets kept in tests/data/before-pain-scale.
"""

from __future__ import annotations

import io
import itertools
import json
from pathlib import Path

import pdfplumber
import pikepdf
import pypdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest
from pikepdf import Name
from test_geometry_tables import EXERCISE, START, measure

from makeplan.geometry.composer import Composer, Sizes
from makeplan.geometry.items import MM, ScaleBox
from makeplan.geometry.pain_scale import pain_scale_block
from makeplan.geometry.slices import page_of
from makeplan.layouts import load_layout
from makeplan.model import Plan, PlannedExercise

DATE = "2026-11-23"
RADIO = 1 << 15
# glute stretch and seated twist, two days, twice a day: four rounds, four scales.
SHEET = ["build", "--date", DATE, "--patient", "Ann Lee", "-e", "glute-stretch",
         "-e", "seated-twist", "--days", "2", "--sessions", "2", "--reps", "3"]  # fmt: skip


def scales(path: Path, pages: dict[str, int] | None = None) -> dict[str, list[dict]]:
    """Each pain scale's widgets by its field name, read from the pages (and in `pages`,
    the page each is on)."""
    found: dict[str, list[dict]] = {}
    for index, page in enumerate(pypdf.PdfReader(path).pages):
        for annot in page.get("/Annots", []) or []:
            widget = annot.get_object()
            if "/Parent" in widget:
                found.setdefault(str(widget["/Parent"]["/T"]), []).append(widget)
                if pages is not None:
                    pages[str(widget["/Parent"]["/T"])] = index
    return found


def on_state(widget: dict) -> str:
    return next(str(state) for state in widget["/AP"]["/N"] if state != "/Off")


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("layout", ["one-page", "handout", "large-print", "week"])
def test_every_layout_asks_once_per_round_with_eleven_numbered_boxes(run, tmp_path, layout, paper):
    result = run(*SHEET, "--layout", layout, "--paper", paper, "-o", "s.pdf")
    assert result.code == 0, result.stderr
    days = 2
    page_of_scale: dict[str, int] = {}
    found = scales(tmp_path / "s.pdf", page_of_scale)
    assert sorted(found) == sorted(
        f"day{day}_session{session}_pain" for day in range(1, days + 1) for session in (1, 2)
    )
    words_by_page = []
    with pdfplumber.open(tmp_path / "s.pdf") as pdf:
        heights = [page.height for page in pdf.pages]
        words_by_page = [page.extract_words() for page in pdf.pages]
    for name, widgets in found.items():
        parent = widgets[0]["/Parent"]
        assert parent["/FT"] == "/Btn" and int(parent["/Ff"]) & RADIO and "/TU" in parent
        assert [on_state(widget) for widget in widgets] == [f"/{n}" for n in range(11)]
        rects = [[float(v) for v in widget["/Rect"]] for widget in widgets]
        for left, right in itertools.pairwise(rects):
            assert right[1] == left[1]  # one row
            assert right[0] - left[2] >= 1.5 * MM - 0.03  # (rects are rounded to 0.01 pt)
        assert all(rect[2] - rect[0] >= 4 * MM - 0.01 for rect in rects)
        # The number over each box, "no pain" under 0 and "worst" under 10.
        page = page_of_scale[name]
        words = words_by_page[page]
        top = heights[page]
        for number, rect in enumerate(rects):
            centre = (rect[0] + rect[2]) / 2
            assert any(
                word["text"] == str(number)
                and abs((word["x0"] + word["x1"]) / 2 - centre) < 1
                and word["bottom"] <= top - rect[3] + 0.5
                for word in words
            ), (name, number)
        assert any(w["text"] == "no" and abs(w["x0"] - rects[0][0]) < 1 and
                   w["top"] >= top - rects[0][1] - 0.5 for w in words)  # fmt: skip
        assert any(w["text"] == "worst" and abs(w["x1"] - rects[-1][2]) < 1 for w in words)


def click(path: Path, target: Path, clicks: list[tuple[str, int]]) -> None:
    """Click boxes of pain scales in PDFium's form filler, as a person does in a viewer."""
    document = pdfium.PdfDocument(path)
    document.init_forms()
    form = document.formenv.raw
    reader = pypdf.PdfReader(path)
    for name, number in clicks:
        for index, page_data in enumerate(reader.pages):
            for annot in page_data.get("/Annots", []) or []:
                widget = annot.get_object()
                if "/Parent" not in widget or str(widget["/Parent"]["/T"]) != name:
                    continue
                if on_state(widget) != f"/{number}":
                    continue
                page = document[index]
                pdfium_raw.FORM_OnAfterLoadPage(page.raw, form)
                x0, y0, x1, y1 = (float(value) for value in widget["/Rect"])
                pdfium_raw.FORM_OnLButtonDown(form, page.raw, 0, (x0 + x1) / 2, (y0 + y1) / 2)
                pdfium_raw.FORM_OnLButtonUp(form, page.raw, 0, (x0 + x1) / 2, (y0 + y1) / 2)
    buffer = io.BytesIO()
    document.save(buffer)
    document.close()
    target.write_bytes(buffer.getvalue())


def report_json(run, name: str) -> tuple[dict, str]:
    result = run("report", name, "--format", "json")
    assert result.code == 0, result.stderr
    return json.loads(result.stdout), result.stderr


def pains(data: dict) -> dict[tuple[str, str], list]:
    return {
        (exercise["id"], day["date"]): day["pain"]
        for exercise in data["exercises"]
        for day in exercise["days"]
    }


def test_a_viewer_ticks_one_number_and_ticking_another_clears_it(run, tmp_path) -> None:
    assert run(*SHEET, "-o", "s.pdf").code == 0
    # Round 1 of day 1: 7, then changed to 3; round 2 of day 2: 10.
    clicks = [("day1_session1_pain", 7), ("day1_session1_pain", 3), ("day2_session2_pain", 10)]
    click(tmp_path / "s.pdf", tmp_path / "back.pdf", clicks)
    values = pypdf.PdfReader(tmp_path / "back.pdf").get_fields()
    assert str(values["day1_session1_pain"]["/V"]) == "/3"
    shown = [on for on in scales(tmp_path / "back.pdf")["day1_session1_pain"]
             if on["/AS"] != "/Off"]  # fmt: skip
    assert [str(widget["/AS"]) for widget in shown] == ["/3"]
    data, warnings = report_json(run, "back.pdf")
    assert warnings == ""
    # A round's pain is about every exercise done in it.
    assert pains(data) == {
        ("glute-stretch", "2026-11-23"): [3, None],
        ("glute-stretch", "2026-11-24"): [None, 10],
        ("seated-twist", "2026-11-23"): [3, None],
        ("seated-twist", "2026-11-24"): [None, 10],
    }
    assert data["pain_by_day"] == [
        {"date": "2026-11-23", "mean": 3.0},
        {"date": "2026-11-24", "mean": 10.0},
    ]


@pytest.mark.parametrize(
    ("looks", "value", "expected"),
    [
        ((4,), None, 4),  # only the look saved: the number shows, it counts
        ((), "/6", 6),  # only the value saved
        ((2, 8), None, "unclear"),  # two numbers ticked
        ((5,), "/9", "unclear"),  # the value and the look disagree
        ((), None, None),  # nothing ticked: no score, and nothing to say
    ],
)
def test_two_numbers_in_a_round_are_unclear_never_guessed(run, tmp_path, looks, value, expected):
    assert run(*SHEET, "-o", "s.pdf").code == 0
    with pikepdf.open(tmp_path / "s.pdf") as pdf:
        for page in pdf.pages:
            for annot in page.obj.get("/Annots", []):
                if "/Parent" not in annot or str(annot.Parent.T) != "day1_session2_pain":
                    continue
                state = next(str(key) for key in annot.AP.N if key != "/Off")
                if int(state[1:]) in looks:
                    annot.AS = Name(state)
                if value is not None:
                    annot.Parent.V = Name(value)
        pdf.save(tmp_path / "back.pdf")
    data, warnings = report_json(run, "back.pdf")
    day = data["exercises"][0]["days"][0]
    if expected == "unclear":
        assert day["pain"] == [None, None] and day["unclear_pain_sessions"] == [2]
        assert "more than one number ticked" in warnings and "check it on the page" in warnings
        table = run("report", "back.pdf").text
        assert "Mon 2026-11-23" in table and " - ?" in table
        csv_text = run("report", "back.pdf", "--format", "csv").text
        assert ",;?" in csv_text
    else:
        assert day["pain"] == [None, expected] and day["unclear_pain_sessions"] == []
        assert warnings == ""


def test_the_record_says_how_pain_is_asked(run, tmp_path) -> None:
    assert run(*SHEET, "-o", "s.pdf").code == 0
    record = json.loads(pypdf.PdfReader(tmp_path / "s.pdf").attachments["makeplan-sheet.json"][0])
    assert record["version"] == 3
    assert record["pain"] == "scale" and record["pain_field"] == "day{day}_session{session}_pain"


# --- where the scales go, by hand: 260 mm across, the handout's sizes at scale 1 ---
#
# A scale is 11 boxes of 6.5 mm with 2.2 mm between (the layout's box gap, at least
# 1.5 mm): 93.5 mm; scales 5 mm apart. The test's measure makes "Round 1" 14.8 mm,
# "Mon 23 Nov" 21.2 mm and "Mon 23 Nov, Round 1" 40.2 mm; a label has 2.5 mm after it.
# Each day's rounds sit side by side in a table (a row per day, the round's name over
# its column) when they fit across and that takes no more rows; otherwise each round
# has its own label, and as many as fit share a line.
SCALES = [
    # days, rounds a day -> rows, scales per row, labels printed, x (mm) of each
    # column's first box
    # One scale: at the right, 260 - 93.5 mm, the heading beside it at the left (a line
    # shorter than over it).
    ((1, 1), (1, 1, [], [166.5])),
    ((1, 2), (1, 2, ["Round 1", "Round 2"], [0.0, 98.5])),  # names over the columns
    ((1, 3), (2, 2, ["Round 1", "Round 2", "Round 3"], [17.3, 133.1])),  # 290.5 mm: a list
    ((2, 1), (1, 2, ["Mon 23 Nov", "Tue 24 Nov"], [23.7, 145.8])),
    ((3, 2), (3, 2, ["Mon 23 Nov", "Wed 25 Nov", "Round 2"], [23.7, 122.2])),  # a table
    ((7, 1), (4, 2, ["Mon 23 Nov", "Sun 29 Nov"], [23.7, 145.8])),
]


@pytest.mark.parametrize(("given", "expected"), SCALES)
def test_where_the_scales_go(given, expected) -> None:
    days, rounds = given
    layout = load_layout("handout")
    composer = Composer(layout, Sizes.of(layout, 1.0), measure, scale=1.0)
    item = PlannedExercise(EXERCISE, 5, 1, 0, rounds)
    block = pain_scale_block(Plan((item,), days, START), composer, 0.0, 260 * MM)
    page = page_of(block.slices, 1000.0)
    boxes = [box for box in page.boxes if isinstance(box, ScaleBox)]
    assert len(boxes) == 11 * days * rounds
    assert {round(box.size / MM, 3) for box in boxes} == {6.5}
    zeros = [box for box in boxes if box.value == 0]
    rows = sorted({round(box.y, 2) for box in zeros}, reverse=True)
    per_row = max(sum(1 for box in zeros if round(box.y, 2) == y) for y in rows)
    firsts = sorted({round(box.x / MM, 1) for box in zeros})
    count_rows, count_per_row, labels, lefts = expected
    assert (len(rows), per_row, firsts) == (count_rows, count_per_row, lefts)
    texts = [text.text for text in page.texts]
    assert all(label in texts for label in labels)
    # Every box inside the width, none overlapping.
    assert all(box.x >= 0 and box.x + box.size <= 260 * MM + 0.01 for box in boxes)
    spots = {(round(box.x, 2), round(box.y, 2)) for box in boxes}
    assert len(spots) == len(boxes)
    # The heading is read first: above the scales, or at their left.
    heading = next(text for text in page.texts if text.text.startswith("Your pain"))
    assert heading.y > max(box.y + box.size for box in boxes)
    at_left = heading.x + heading.width <= min(box.x for box in boxes)
    assert at_left == (given == (1, 1))

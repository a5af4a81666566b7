"""Property tests: any selection, dose, layout, paper, days and text gives a good PDF,
or a clean error.

"Good" is read back from the PDF: it parses, no character is outside the
margins, no two words overlap, every checkbox lies inside the page margins,
and the number of checkboxes is reps x sides x sessions x days, summed over
the exercises. Examples are derandomized so CI runs the same 30 every time;
cases hypothesis found are kept as plain tests at the end.
"""

from __future__ import annotations

import datetime as dt
import io
import tempfile
from pathlib import Path

import pypdf
import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from makeplan.build import build_pdf
from makeplan.catalogue import load_catalogue
from makeplan.errors import MakeplanError
from makeplan.layouts import load_layout
from makeplan.options import Options
from support import layout_problems

CATALOGUE = {exercise.id: exercise for exercise in load_catalogue()}
LAYOUTS = ["one-page", "handout", "large-print", "week"]
MM = 72 / 25.4

# Texts people really type, and the awkward ones.
ADVERSARIAL = [
    "A",
    "Ann Lee",
    "Γιώργος Παπαδόπουλος",
    "Дмитрий Иванов",
    "שלום עליכם",
    "مرحبا بالعالم",
    "Jose\u0301 Ren\u0303a",
    "Zoë 😀👍🏽 family 👨‍👩‍👧",
    "<b>&amp; not markup</b> % \\ ( ) [ ]",
    "x" * 2000,
    ("Keep the pillow under your head. " * 61)[:2000],
    " ".join(["Supercalifragilistic"] * 90),
    "\u200b\u200d\ufeff zero widths",
]
texts = st.one_of(
    st.none(),
    st.sampled_from(ADVERSARIAL),
    st.text(
        alphabet=st.characters(
            codec="utf-8", exclude_categories=("Cs", "Cc", "Co", "Cn", "Zl", "Zp")
        ),
        min_size=1,
        max_size=300,
    ),
)

sheets = st.fixed_dictionaries(
    {
        "ids": st.lists(st.sampled_from(sorted(CATALOGUE)), min_size=1, max_size=6, unique=True),
        "reps": st.one_of(st.none(), st.integers(1, 12)),
        "hold": st.one_of(st.none(), st.integers(0, 60)),
        "sessions": st.one_of(st.none(), st.integers(1, 3)),
        "days": st.one_of(st.none(), st.integers(1, 14)),
        "layout": st.sampled_from(LAYOUTS),
        "paper": st.sampled_from(["a4", "letter"]),
        "patient": texts,
        "clinician": texts,
        "notes": texts,
        "title_page": st.one_of(st.none(), st.booleans()),
    }
)


def expected_boxes(params: dict, days: int) -> int:
    total = 0
    for exercise_id in params["ids"]:
        exercise = CATALOGUE[exercise_id]
        reps = params["reps"] or exercise.reps
        if params["reps"] and exercise.reps_ceiling:
            # --reps for every exercise stops at the most its article gives.
            reps = min(reps, exercise.reps_ceiling)
        sessions = params["sessions"] or exercise.sessions_per_day
        total += reps * exercise.sides * sessions * days
    return total


def check_sheet(params: dict) -> str:
    """Check one sheet; returns what happened, for hypothesis's statistics."""
    from makeplan.inputs import clean_text

    options = Options(
        exercise_ids=tuple(params["ids"]),
        reps=params["reps"],
        hold_seconds=params["hold"],
        sessions_per_day=params["sessions"],
        days=params["days"],
        layout=params["layout"],
        paper=params["paper"],
        patient=clean_text(params["patient"]),
        clinician=clean_text(params["clinician"]),
        notes=clean_text(params["notes"], keep_lines=True),
        title_page=params["title_page"],
        date=dt.date(2026, 11, 23),
    )
    try:
        pdf, warnings = build_pdf(options)
    except MakeplanError as exc:
        # A clean refusal: one line that says what to do.
        assert exc.message and "\n" not in exc.message
        assert any(word in exc.message for word in ("use", "lower", "choose", "leave"))
        return f"refused: {type(exc).__name__}"
    layout = load_layout(params["layout"])
    days = params["days"] or layout.default_days or 1
    reader = pypdf.PdfReader(io.BytesIO(pdf), strict=True)
    boxes = []
    scale_boxes = 0
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        margin = layout.margin_mm * MM - 0.5
        for annot in page.get("/Annots", []) or []:
            x0, y0, x1, y1 = (float(v) for v in annot.get_object()["/Rect"])
            assert margin <= x0 < x1 <= width - margin and margin <= y0 < y1 <= height - margin
            if "/Parent" in annot.get_object():  # a number of a round's pain scale
                scale_boxes += 1
            elif annot.get_object()["/FT"] == "/Btn":
                boxes.append(annot)
    assert len(boxes) == expected_boxes(params, days)
    # A pain scale of 11 boxes per round of each day.
    rounds = max(params["sessions"] or CATALOGUE[id].sessions_per_day for id in params["ids"])
    assert scale_boxes == 11 * rounds * days
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sheet.pdf"
        path.write_bytes(pdf)
        assert layout_problems(path, layout.margin_mm, layout.min_pt) == []
    for warning in warnings:
        assert "\n" not in warning
    return f"made a {params['layout']} sheet"


@settings(
    # 30 (200, then 150, 50, 40): the suite gained the languages', the web page's and
    # the pictures' tests and must stay under 4 minutes on 2 cores (clean-clone runs in
    # session 13: 3:33 to 4:11 at 40); derandomized, so the same 30 every run. Every
    # adversarial text is still tried in every layout (below), and
    # tests/test_geometry.py places random plans too.
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(sheets)
@example(
    {
        "ids": ["knee-hug-side-tilt"], "reps": None, "hold": None, "sessions": None,
        "days": None, "layout": "week", "paper": "letter", "patient": "x" * 2000,
        "clinician": "Γιώργος", "notes": ("Keep the pillow under your head. " * 61)[:2000],
        "title_page": True,
    }
)  # fmt: skip
def test_any_sheet_is_good_or_a_clean_error(params: dict) -> None:
    event(check_sheet(params))


@pytest.mark.parametrize("text", ADVERSARIAL)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_adversarial_text_in_every_layout(text: str, layout: str) -> None:
    check_sheet(
        {
            "ids": ["knee-hug-side-tilt", "seated-twist"], "reps": None, "hold": None,
            "sessions": None, "days": None, "layout": layout, "paper": "a4",
            "patient": text, "clinician": text, "notes": text, "title_page": None,
        }
    )  # fmt: skip

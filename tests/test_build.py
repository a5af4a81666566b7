"""The PDF a user gets from `makeplan build`, read back from outside."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pdfplumber
import pypdf
import pytest

from makeplan import wording
from support import (
    MM,
    assert_clean_error,
    checkbox_fields,
    layout_problems,
    page_texts,
    printed_text,
    run_installed,
)

DATE = "2026-11-23"
CATALOGUE_BOXES_ONE_DAY = 73  # sum of reps x sides x sessions over the nine exercises


def catalogue(run, *args: str) -> list[dict]:
    return json.loads(run("list", "--format", "json", *args).text)


def expected_boxes(items: list[dict], days: int = 1, reps=None, sessions=None) -> int:
    return days * sum(
        (reps or item["reps"]) * item["sides"] * (sessions or item["sessions_per_day"])
        for item in items
    )


def build(run, tmp_path: Path, *args: str, name: str = "out.pdf") -> Path:
    result = run("build", "--date", DATE, "-o", name, *args)
    assert result.code == 0, result.stderr
    return tmp_path / name


def test_plain_build_has_every_exercise(run, tmp_path) -> None:
    # The whole catalogue, with the knee hug's three rounds a day and a pain scale for
    # each, fits one page at the one-page's smallest size (9 pt).
    pdf = build(run, tmp_path)
    texts = page_texts(pdf)
    assert len(texts) == 1 and "Page 1" not in texts[0]
    text = " ".join(texts)
    for item in catalogue(run):
        assert item["name"] in text
    assert "5 times each side, hold 5 seconds, 3 times a day" in " ".join(text.split())
    assert "My back exercises" in text
    assert len(checkbox_fields(pdf)) == CATALOGUE_BOXES_ONE_DAY


def test_safety_note_on_every_sheet(run, tmp_path) -> None:
    for layout in ("one-page", "handout"):
        text = " ".join(page_texts(build(run, tmp_path, "--layout", layout, name=f"{layout}.pdf")))
        flat = " ".join(text.split())
        assert "Stop, or do less, if your pain gets worse" in flat
        for needle in (
            "genitals or bottom",
            "pooing yourself",
            "both legs",
            "a leg getting weaker",
            "changes in how sex feels",
            "chest pain",
            "fall or accident",
            "high temperature",
            "weight loss without trying",
            "cough, sneeze or poo",
            "weak immune system",
            "after a few weeks",
        ):
            # A sign wrapped in a column of the panel is read with the line beside it
            # in between (text is extracted row by row across the columns).
            words = r"\s+(?:\S+\s+){0,12}?".join(map(re.escape, needle.split()))
            assert re.search(words, flat), (layout, needle)


@pytest.mark.parametrize("layout", ["one-page", "week", "handout", "large-print"])
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_every_layout_shows_the_three_tiers_and_what_to_do(run, tmp_path, layout, paper) -> None:
    pdf = build(run, tmp_path, "--layout", layout, "--paper", paper, name=f"{layout}.pdf")
    pages = [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(pdf).pages]
    # The emergency tier and what to do are on the first page, before anything else.
    emergency = wording.safety_tier_lead(wording.SAFETY_EMERGENCY, wording.SAFETY_EMERGENCY_ACTION)
    assert emergency.removesuffix(":") in pages[0]
    # Every tier with its action, in order (a long panel may go on to the next page).
    text = " ".join(pages[:2])
    for heading, action, _ in wording.safety_tiers():
        assert wording.safety_tier_lead(heading, action).removesuffix(":") in text, heading
    assert text.index("Emergency now") < text.index("See a doctor the same day")
    assert text.index("See a doctor the same day") < text.index("See a doctor soon")


@pytest.mark.parametrize("position", ["lying", "sitting", "standing"])
def test_each_position(run, tmp_path, position) -> None:
    pdf = build(run, tmp_path, "-p", position)
    chosen = catalogue(run, "-p", position)
    text = page_texts(pdf)[0]
    for item in catalogue(run):
        assert (item["name"] in text) == (item in chosen), item["name"]
    assert len(checkbox_fields(pdf)) == expected_boxes(chosen)


@pytest.mark.parametrize("ability", ["gentle", "moderate", "strengthening"])
def test_each_ability(run, tmp_path, ability) -> None:
    pdf = build(run, tmp_path, "-a", ability)
    chosen = catalogue(run, "-a", ability)
    # Names may wrap at the larger sizes a page with room grows to.
    text = " ".join(" ".join(page_texts(pdf)).split())
    for item in chosen:
        assert item["name"] in text
    assert len(checkbox_fields(pdf)) == expected_boxes(chosen)


def test_named_exercises_keep_their_order(run, tmp_path) -> None:
    pdf = build(run, tmp_path, "-e", "warrior-at-the-wall", "-e", "seated-twist", "-p", "lying")
    text = page_texts(pdf)[0]
    assert text.index("Warrior at the wall") < text.index("Seated twist")
    assert "Back rounder" not in text


def test_overrides_and_days(run, tmp_path) -> None:
    pdf = build(
        run,
        tmp_path,
        "-p",
        "standing",
        "--reps",
        "4",
        "--sessions",
        "2",
        "--hold",
        "10",
        "--days",
        "3",
    )
    chosen = catalogue(run, "-p", "standing")
    fields = checkbox_fields(pdf)
    assert len(fields) == expected_boxes(chosen, days=3, reps=4, sessions=2)
    text = " ".join(page_texts(pdf)[0].split())
    assert "4 times each side, hold 10 seconds, twice a day" in text
    assert "3-day sheet" in text
    # Day rows are labelled with the weekday and date, sessions with their number.
    assert "Mon 23 Nov" in text and "Wed 25 Nov" in text and "Round 2" in text


def test_field_names_say_exercise_day_session_side_rep(run, tmp_path) -> None:
    pdf = build(run, tmp_path, "-e", "knee-hug-side-tilt", "--days", "2")
    names = set(checkbox_fields(pdf))
    assert len(names) == 5 * 2 * 3 * 2
    assert "knee-hug-side-tilt_day2_session3_left_rep5" in names
    pattern = re.compile(r"^[a-z0-9-]+_day\d+_session\d+_(right|left|both)_rep\d+$")
    assert all(pattern.match(name) for name in names)


def test_fields_are_printable_checkboxes_of_at_least_4mm(run, tmp_path) -> None:
    pdf = build(run, tmp_path)
    for name, widget in checkbox_fields(pdf).items():
        assert widget["/FT"] == "/Btn"
        assert int(widget["/F"]) & 4, f"{name} lacks the print flag"
        x0, y0, x1, y1 = (float(v) for v in widget["/Rect"])
        assert x1 - x0 >= 4 * MM - 0.01 and y1 - y0 >= 4 * MM - 0.01
        assert "/Yes" in widget["/AP"]["/N"] and "/Off" in widget["/AP"]["/N"]


def test_no_fillable_draws_boxes_without_fields(run, tmp_path) -> None:
    pdf = build(run, tmp_path, "--no-fillable")
    assert checkbox_fields(pdf) == {}
    with pdfplumber.open(pdf) as doc:
        squares = [
            r
            for page in doc.pages
            for r in page.rects
            if abs(r["width"] - r["height"]) < 0.1 and r["width"] + r["linewidth"] >= 4 * MM - 0.01
        ]
    # Every tick box, and the 11 of each of the three rounds' pain scales.
    assert len(squares) == CATALOGUE_BOXES_ONE_DAY + 3 * 11


def test_ticking_a_box_is_kept_when_saved(run, tmp_path) -> None:
    pdf = build(run, tmp_path, "-e", "seated-twist")
    writer = pypdf.PdfWriter(clone_from=pdf)
    writer.update_page_form_field_values(
        writer.pages[0], {"seated-twist_day1_session1_right_rep1": "/Yes"}, auto_regenerate=False
    )
    ticked = tmp_path / "ticked.pdf"
    writer.write(ticked)
    fields = pypdf.PdfReader(ticked).get_fields()
    assert fields["seated-twist_day1_session1_right_rep1"]["/V"] == "/Yes"
    assert fields["seated-twist_day1_session1_left_rep1"].get("/V") == "/Off"


@pytest.mark.parametrize("layout", ["one-page", "handout"])
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_paper_margins_and_no_overlap(run, tmp_path, layout, paper) -> None:
    pdf = build(
        run,
        tmp_path,
        "--layout",
        layout,
        "--paper",
        paper,
        "--patient",
        "Ann Lee",
        "--clinician",
        "Jo Park",
        "--notes",
        "Keep the pillow under your head.",
    )
    size = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}[paper]
    reader = pypdf.PdfReader(pdf)
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
            size, abs=0.01
        )
    margin = {"one-page": 12, "handout": 12}[layout]
    minimum = {"one-page": 8, "handout": 12}[layout]
    assert layout_problems(pdf, margin, minimum) == []


def test_one_page_shrinks_then_refuses(run, tmp_path) -> None:
    # Two days of the moderate ones still fit by shrinking, never below 9 pt.
    pdf = build(run, tmp_path, "--days", "2", "-a", "gentle")
    assert len(page_texts(pdf)) == 1
    assert layout_problems(pdf, 12, 9) == []
    # Three do not (text stays at 9 pt or more): the rows go on to more pages,
    # numbered, and the user is told. A row taller than a page is refused.
    result = run("build", "--date", "2026-11-30", "--days", "3", "-o", "three.pdf")
    assert result.code == 0
    assert "did not fit on one page, so it goes on to" in result.stderr
    pages = page_texts(tmp_path / "three.pdf")
    assert len(pages) > 1 and f"Page 1 of {len(pages)}" in pages[0]
    assert layout_problems(tmp_path / "three.pdf", 12, 9) == []
    result = run("build", "--date", "2026-11-30", "--days", "31", "-o", "many.pdf")
    assert_clean_error(result, "do not fit on one page", "--layout week")
    assert not (tmp_path / "many.pdf").exists()


def test_handout_flows_with_page_numbers_and_full_steps(run, tmp_path) -> None:
    pdf = build(run, tmp_path, "--layout", "handout", "--days", "7")
    texts = page_texts(pdf)
    count = len(texts)
    assert count > 2
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {count}" in text
    joined = " ".join(" ".join(texts).split())
    assert "Put a pillow under your head." in joined
    assert len(checkbox_fields(pdf)) == CATALOGUE_BOXES_ONE_DAY * 7
    assert layout_problems(pdf, 12, 12) == []


def test_handout_keeps_steps_and_first_round_together(run, tmp_path) -> None:
    """An exercise's name, steps and first round of boxes share a page; only its later
    rounds may go on to the next page, under its name marked "(continued)". And with
    no title page, the first exercise starts on page 1 (under the warning signs)."""
    pdf = build(run, tmp_path, "--layout", "handout", "--no-title-page")
    reader = pypdf.PdfReader(pdf)
    texts = [page.extract_text() or "" for page in reader.pages]
    assert "Knee hug with side tilt" in texts[0]
    split = 0
    for item in catalogue(run):
        name = item["name"]
        starts = [index for index, text in enumerate(texts) if name in text]
        first = starts[0]
        continued = [index for index in starts[1:] if f"{name} (continued)" in texts[index]]
        assert starts == [first, *continued], (name, starts)
        split += len(continued)
        boxes = {}
        for index, page in enumerate(reader.pages):
            for annot in page.get("/Annots", []) or []:
                field = str(annot.get_object().get("/T"))
                if field.startswith(item["id"] + "_"):
                    boxes.setdefault(index, []).append(field)
        assert set(boxes) == set(starts), name
        # Every box of the first round is on the page with the steps.
        first_round = [f for fields in boxes.values() for f in fields if "_day1_session1_" in f]
        assert first_round and all(f in boxes[first] for f in first_round), name
    assert split >= 1  # the knee hug's rounds 2 and 3 follow on page 2
    assert len(texts) <= 5


def test_a_block_taller_than_a_page_continues_with_its_name(run, tmp_path) -> None:
    pdf = build(run, tmp_path, "--layout", "handout", "-e", "knee-hug-side-tilt", "--days", "31")
    texts = page_texts(pdf)
    assert len(texts) >= 3
    assert any("Knee hug with side tilt (continued)" in text for text in texts[1:])
    assert len(checkbox_fields(pdf)) == 5 * 2 * 3 * 31
    assert layout_problems(pdf, 12, 12) == []


def test_header_and_metadata(run, tmp_path) -> None:
    pdf = build(
        run,
        tmp_path,
        "--patient",
        "Ann <Lee> & co",
        "--clinician",
        "Jo Park, PT",
        "--notes",
        "Walk every day.",
    )
    text = page_texts(pdf)[0]
    assert "For: Ann <Lee> & co" in text
    assert "Clinician: Jo Park, PT" in text
    assert "Walk every day." in text
    assert "23 November 2026" in text
    meta = pypdf.PdfReader(pdf).metadata
    assert meta.title == "My back exercises for Ann <Lee> & co"
    assert meta.author == "Jo Park, PT"
    assert meta.subject
    assert meta.creator.startswith("makeplan ")
    assert meta.creation_date.date().isoformat() == DATE


def test_byte_identical_repeat_runs(run, tmp_path) -> None:
    digests = {
        hashlib.sha256(
            build(run, tmp_path, "--layout", "handout", name=f"{n}.pdf").read_bytes()
        ).hexdigest()
        for n in range(2)
    }
    assert len(digests) == 1


def test_source_date_epoch_sets_default_date(tmp_path) -> None:
    env = {"SOURCE_DATE_EPOCH": "1767225600"}  # 2026-01-01
    outputs = []
    for name in ("a.pdf", "b.pdf"):
        result = run_installed("build", "-o", name, cwd=tmp_path, env=env)
        assert result.returncode == 0, result.stderr
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]
    assert "1 January 2026" in page_texts(tmp_path / "a.pdf")[0]
    assert pypdf.PdfReader(tmp_path / "a.pdf").metadata.creation_date.year == 2026


def test_output_to_stdout(run, tmp_path) -> None:
    result = run("build", "--date", DATE, "-a", "moderate", "-o", "-")
    assert result.code == 0
    assert result.stdout.startswith(b"%PDF-")
    assert len(page_texts(result.stdout)) == 1
    assert list(tmp_path.iterdir()) == []


def test_default_output_name(tmp_path) -> None:
    result = run_installed("build", "--date", DATE, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "routine.pdf").exists()


def test_a_ticked_box_shows_when_rendered(run, tmp_path) -> None:
    import pypdfium2

    pdf = build(run, tmp_path, "-e", "seated-twist")
    ticked_name = "seated-twist_day1_session1_right_rep1"
    writer = pypdf.PdfWriter(clone_from=pdf)
    writer.update_page_form_field_values(
        writer.pages[0], {ticked_name: "/Yes"}, auto_regenerate=False
    )
    ticked = tmp_path / "ticked.pdf"
    writer.write(ticked)
    widgets = checkbox_fields(ticked)
    document = pypdfium2.PdfDocument(ticked)
    document.init_forms()
    page = document[0]
    scale = 3
    image = page.render(scale=scale, may_draw_forms=True).to_pil().convert("L")
    height = page.get_height()

    def ink(name: str) -> float:
        x0, y0, x1, y1 = (float(v) for v in widgets[name]["/Rect"])
        inset = (x1 - x0) * 0.2  # the inside of the box, away from its outline
        crop = image.crop(
            (
                int((x0 + inset) * scale),
                int((height - y1 + inset) * scale),
                int((x1 - inset) * scale),
                int((height - y0 - inset) * scale),
            )
        )
        histogram = crop.histogram()  # 256 grey levels
        return sum(histogram[:128]) / sum(histogram)

    assert ink(ticked_name) > 0.05
    assert ink("seated-twist_day1_session1_right_rep2") == 0


def test_hostile_text_is_printed_or_cleaned(run, tmp_path) -> None:
    pdf = build(
        run,
        tmp_path,
        "--patient",
        "Ann\x07 Lee",
        "--notes",
        "x" * 20000,
        "--layout",
        "handout",
    )
    text = " ".join(page_texts(pdf))
    assert "Ann Lee" in text
    assert layout_problems(pdf, 12, 12) == []
    # Bytes that are not UTF-8 (escaped by a non-UTF-8 locale) are not guessed at.
    result = run("build", "--patient", "Ann\udcff Lee", "-o", "bad.pdf")
    assert_clean_error(result, "--patient", "not UTF-8")


def test_a_very_long_word_is_fast(run, tmp_path) -> None:
    import time

    start = time.perf_counter()
    build(run, tmp_path, "--patient", "y" * 100_000, "--layout", "handout", "-e", "seated-twist")
    # Generous, for a busy machine: the quadratic fit this guards against took minutes.
    assert time.perf_counter() - start < 60


def test_greek_and_polish_letters_print_without_a_warning(run, tmp_path) -> None:
    # They used to be reported as unprintable; the bundled font has them now
    # (tests/test_text.py covers fonts in full).
    result = run("build", "--patient", "Ελένη Łukasz", "-a", "moderate", "-o", "out.pdf")
    assert result.code == 0
    assert "Warning" not in result.stderr
    assert "Ελένη Łukasz" in page_texts(tmp_path / "out.pdf")[0]


def test_the_warrior_holds_for_the_dose(run, tmp_path) -> None:
    # 'Hold. Then put it down.' said no time beside a dose of 5 seconds.
    for hold in ("5", "10"):
        pdf = build(run, tmp_path, "--layout", "handout", "-e", "warrior-at-the-wall",
                    "--hold", hold, name=f"hold-{hold}.pdf")  # fmt: skip
        assert f"Hold for {hold} seconds. Then put it down." in printed_text(pdf)

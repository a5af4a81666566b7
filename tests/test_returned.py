"""Sheets that come back: a known pattern of ticks and pain scores, saved through pypdf
and through PDFium's form filler, read back exactly by `makeplan report` in every format;
the plan inside a sheet; next week's sheet with --progress."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pikepdf
import pypdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest
from pikepdf import Name

from support import assert_clean_error, page_texts

DATE = "2026-11-23"
# Two exercises, two days, twice a day: glute stretch 1 rep x 2 sides, seated twist 3 x 2.
SHEET = ["build", "--date", DATE, "--patient", "Ann Lee", "-e", "glute-stretch",
         "-e", "seated-twist", "--days", "2", "--sessions", "2", "--reps", "3"]  # fmt: skip
# The pattern: which boxes are ticked, and the pain written in.
TICKS = {
    "glute-stretch_day1_session1_right_rep1", "glute-stretch_day1_session1_left_rep1",
    "glute-stretch_day1_session1_right_rep2", "glute-stretch_day2_session2_left_rep3",
    "seated-twist_day1_session1_right_rep1", "seated-twist_day1_session1_right_rep2",
    "seated-twist_day1_session1_right_rep3", "seated-twist_day1_session1_left_rep1",
    "seated-twist_day1_session2_left_rep2", "seated-twist_day2_session1_right_rep3",
}  # fmt: skip
PAIN = {
    "glute-stretch_day1_session1_pain": "6",
    "glute-stretch_day2_session2_pain": "4",
    "seated-twist_day1_session1_pain": "10",
    "seated-twist_day2_session1_pain": "0",
}
# What the report must say: (exercise, date) -> (done, planned, missed sessions, pain)
EXPECTED = {
    ("glute-stretch", "2026-11-23"): (3, 12, [2], [6, None]),
    ("glute-stretch", "2026-11-24"): (1, 12, [1], [None, 4]),
    ("seated-twist", "2026-11-23"): (5, 12, [], [10, None]),
    ("seated-twist", "2026-11-24"): (1, 12, [2], [0, None]),
}


# A sheet as makeplan made it before the 0-10 scale (record version 1): a pain box per
# exercise and round, a number written in. Built from SHEET by makeplan 0.1.0 on
# 2026-11-30 and kept, so last month's returned sheets are known to keep working.
# The scale is tested in test_pain_scale.
BEFORE_THE_SCALE = Path(__file__).parent / "data" / "before-pain-scale"


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    path = tmp_path / "sheet.pdf"
    path.write_bytes((BEFORE_THE_SCALE / "one-page.pdf").read_bytes())
    return path


def fill_with_pypdf(source: Path, target: Path, ticks=TICKS, pain=PAIN, on="/Yes") -> None:
    writer = pypdf.PdfWriter(clone_from=source)
    values = {name: on for name in ticks} | dict(pain)
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    writer.write(target)


def fill_with_pdfium(source: Path, target: Path) -> None:
    """Click each box and type each score, as a person does in a PDFium viewer."""
    reader = pypdf.PdfReader(source)
    document = pdfium.PdfDocument(source)
    document.init_forms()
    form = document.formenv.raw
    for number, page_data in enumerate(reader.pages):
        page = document[number]
        pdfium_raw.FORM_OnAfterLoadPage(page.raw, form)
        for annot in page_data.get("/Annots", []) or []:
            annot = annot.get_object()
            name = str(annot.get("/T"))
            if name not in TICKS and name not in PAIN:
                continue
            x0, y0, x1, y1 = (float(value) for value in annot["/Rect"])
            pdfium_raw.FORM_OnLButtonDown(form, page.raw, 0, (x0 + x1) / 2, (y0 + y1) / 2)
            pdfium_raw.FORM_OnLButtonUp(form, page.raw, 0, (x0 + x1) / 2, (y0 + y1) / 2)
            for character in PAIN.get(name, ""):
                pdfium_raw.FORM_OnChar(form, page.raw, ord(character), 0)
            pdfium_raw.FORM_ForceToKillFocus(form)
    buffer = io.BytesIO()
    document.save(buffer)
    document.close()
    target.write_bytes(buffer.getvalue())


def report(run, *args: str) -> str:
    result = run("report", *args)
    assert result.code == 0, result.stderr
    return result.stdout.decode()


def check_all_formats(run, path: str) -> None:
    data = json.loads(report(run, path, "--format", "json"))
    found = {
        (exercise["id"], day["date"]): (
            day["done"], day["planned"], day["missed_sessions"], day["pain"]
        )
        for exercise in data["exercises"]
        for day in exercise["days"]
    }  # fmt: skip
    assert found == EXPECTED
    assert data["patient"] == "Ann Lee" and data["from"] == DATE and data["to"] == "2026-11-24"
    text = report(run, path, "--format", "csv")
    assert text.startswith("patient,date,exercise,")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {row["patient"] for row in rows} == {"Ann Lee"}
    assert {
        (row["exercise"], row["date"]): (
            int(row["done"]), int(row["planned"]),
            [int(s) for s in row["missed_sessions"].split(";") if s],
            [int(p) if p else None for p in row["pain"].split(";")],
        )
        for row in rows
    } == EXPECTED  # fmt: skip
    table = report(run, path)
    assert "Adherence report for Ann Lee: 2026-11-23 to 2026-11-24" in table
    assert "All exercises: 10 of 48 reps done (21%)" in table
    rows = [line.split() for line in table.splitlines()]
    # seated twist on day 1, glute stretch on day 2
    assert ["Mon", "2026-11-23", "5", "12", "42%", "-", "10", "-"] in rows
    assert ["Tue", "2026-11-24", "1", "12", "8%", "Round", "1", "-", "4"] in rows


def test_ticks_saved_by_pypdf_come_back_exactly(run, sheet: Path, tmp_path: Path) -> None:
    fill_with_pypdf(sheet, tmp_path / "back.pdf")
    check_all_formats(run, "back.pdf")


def test_ticks_made_in_pdfiums_form_filler_come_back_exactly(run, sheet, tmp_path) -> None:
    fill_with_pdfium(sheet, tmp_path / "back.pdf")
    values = pypdf.PdfReader(tmp_path / "back.pdf").get_fields()
    assert {name: str(values[name].get("/V")) for name in PAIN} == PAIN  # typed, not set
    check_all_formats(run, "back.pdf")


def test_any_on_state_and_appearance_only_ticks_count(run, sheet, tmp_path) -> None:
    # Other viewers write their own on-state (/On), or change only a widget's
    # appearance state and leave no value at all.
    with pikepdf.open(sheet) as pdf:
        for page in pdf.pages:
            for annot in page.obj.get("/Annots", []):
                name = str(annot.get("/T"))
                if name in TICKS and name.endswith(("rep1", "rep3")):
                    annot.V = annot.AS = Name("/On")
                elif name in TICKS:
                    annot.AS = Name("/1")
                    del annot.V
                elif name in PAIN:
                    annot.V = pikepdf.String(PAIN[name])
        pdf.save(tmp_path / "viewer.pdf")
    check_all_formats(run, "viewer.pdf")


def test_bad_pain_scores_are_left_out_with_a_warning(run, sheet, tmp_path) -> None:
    pain = {"glute-stretch_day1_session1_pain": "11", "seated-twist_day1_session1_pain": "x"}
    fill_with_pypdf(sheet, tmp_path / "bad.pdf", ticks=set(), pain=pain)
    result = run("report", "bad.pdf", "--format", "json")
    assert result.code == 0
    assert "'11' after Buttock (glute) stretch" in result.stderr
    assert "'x' after Seated twist" in result.stderr
    data = json.loads(result.stdout)
    assert all(score is None for e in data["exercises"] for d in e["days"] for score in d["pain"])


def test_several_sheets_make_one_report_in_date_order(run, tmp_path) -> None:
    assert run(*SHEET, "-o", "week1.pdf").code == 0
    later = [arg if arg != DATE else "2026-11-30" for arg in SHEET]
    assert run(*later, "-o", "week2.pdf").code == 0
    fill_with_pypdf(tmp_path / "week1.pdf", tmp_path / "w1.pdf")
    fill_with_pypdf(tmp_path / "week2.pdf", tmp_path / "w2.pdf", ticks=set(), pain={})
    data = json.loads(report(run, "w2.pdf", "w1.pdf", "--format", "json"))
    assert [sheet["file"] for sheet in data["sheets"]] == ["w1.pdf", "w2.pdf"]
    dates = [day["date"] for day in data["exercises"][0]["days"]]
    assert dates == ["2026-11-23", "2026-11-24", "2026-11-30", "2026-12-01"]
    assert data["exercises"][0]["done"] == 4 and data["exercises"][0]["planned"] == 48


def test_a_week_made_before_the_scale_still_reads_its_pain_row(run, tmp_path) -> None:
    # Made from SHEET with --layout week: a box per day and round, a number written in.
    week = tmp_path / "week.pdf"
    week.write_bytes((BEFORE_THE_SCALE / "week.pdf").read_bytes())
    fill_with_pypdf(week, tmp_path / "w.pdf", ticks=set(), pain={"day2_session1_pain": "7"})
    data = json.loads(report(run, "w.pdf", "--format", "json"))
    for exercise in data["exercises"]:  # the score counts for each exercise of that round
        assert exercise["days"][1]["pain"] == [7, None]


def test_plan_from_a_sheet_round_trips(run, sheet, tmp_path) -> None:
    result = run("plan", "--from", "sheet.pdf", "-o", "back.toml")
    assert result.code == 0, result.stderr
    assert run(*SHEET, "--plan", "back.toml", "-o", "again.pdf").code == 0
    assert run(*SHEET, "-o", "fresh.pdf").code == 0
    assert (tmp_path / "again.pdf").read_bytes() == (tmp_path / "fresh.pdf").read_bytes()


def test_attachments_survive_a_cover(run, sheet, tmp_path) -> None:
    # The cover is itself an old sheet: its boxes are renamed, and only this sheet's count.
    assert run(*SHEET, "--cover", "sheet.pdf", "-o", "covered.pdf").code == 0
    fill_with_pypdf(tmp_path / "covered.pdf", tmp_path / "back.pdf", pain={})
    data = json.loads(report(run, "back.pdf", "--format", "json"))
    found = {
        (exercise["id"], day["date"]): (day["done"], day["planned"], day["missed_sessions"])
        for exercise in data["exercises"]
        for day in exercise["days"]
    }
    assert found == {key: value[:3] for key, value in EXPECTED.items()}


def test_build_from_a_sheet_gets_a_new_date(run, sheet, tmp_path) -> None:
    result = run("build", "--from", "sheet.pdf", "--date", "2026-11-30", "-o", "next.pdf")
    assert result.code == 0, result.stderr
    text = page_texts(tmp_path / "next.pdf")[0]
    assert "Mon 30 Nov" in text and "Ann Lee" in text
    data = json.loads(pypdf.PdfReader(tmp_path / "next.pdf").attachments["makeplan-sheet.json"][0])
    assert data["date"] == "2026-11-30"
    assert [(e["id"], e["reps"], e["sessions_per_day"]) for e in data["exercises"]] == [
        ("glute-stretch", 3, 2), ("seated-twist", 3, 2)]  # fmt: skip


def doses(path: Path) -> dict[str, tuple[int, int]]:
    data = json.loads(pypdf.PdfReader(path).attachments["makeplan-sheet.json"][0])
    return {e["id"]: (e["reps"], e["hold_seconds"]) for e in data["exercises"]}


def test_progress_follows_the_documented_rule(run, tmp_path) -> None:
    args = ["build", "--date", DATE, "-e", "glute-stretch", "-e", "seated-twist",
            "-e", "double-knee-lift", "-e", "knee-hug-side-tilt", "-o", "s.pdf"]  # fmt: skip
    assert run(*args).code == 0
    assert doses(tmp_path / "s.pdf") == {
        "glute-stretch": (1, 30), "seated-twist": (5, 0),
        "double-knee-lift": (5, 5), "knee-hug-side-tilt": (5, 5)}  # fmt: skip
    names = pypdf.PdfReader(tmp_path / "s.pdf").get_fields()
    ticks = {n for n in names if not n.endswith("_pain")}
    # The knee hug (3 times a day): only the 3rd time done, 10 of 30 (under 80%);
    # all the others done in full.
    ticks -= {f"knee-hug-side-tilt_day1_session{n}_{s}_rep{r}" for n in (1, 2)
              for s in ("right", "left") for r in range(1, 6)}  # fmt: skip
    pain = {"seated-twist_day1_session1_pain": "3"}
    fill_with_pypdf(tmp_path / "s.pdf", tmp_path / "back.pdf", ticks=ticks, pain=pain)
    result = run("build", "--from", "back.pdf", "--progress", "--date", "2026-11-30",
                 "-o", "next.pdf")  # fmt: skip
    assert result.code == 0, result.stderr
    assert doses(tmp_path / "next.pdf") == {
        "glute-stretch": (2, 30),  # a 30 s hold is at its ceiling: one more rep
        "seated-twist": (5, 0),  # no hold, and its article's 5 times: kept
        "double-knee-lift": (6, 5),  # its article's 5 s limit: one more rep
        "knee-hug-side-tilt": (5, 5),  # 33% done: kept
    }
    assert "Knee hug with side tilt: 33% done (under 80%), dose kept" in result.stderr


def test_progress_keeps_a_dose_when_pain_goes_up(run, tmp_path) -> None:
    args = ["build", "--date", DATE, "-e", "knee-hug-side-tilt", "--days", "2", "-o", "s.pdf"]
    assert run(*args).code == 0
    names = pypdf.PdfReader(tmp_path / "s.pdf").get_fields()
    ticks = {n for n in names if not n.endswith("_pain")}
    pain = {"day1_session1_pain": "/2", "day2_session3_pain": "/5"}  # ticked on the scale
    fill_with_pypdf(tmp_path / "s.pdf", tmp_path / "back.pdf", ticks=ticks, pain=pain)
    result = run("build", "--from", "back.pdf", "--progress", "-o", "next.pdf")
    assert result.code == 0
    assert "pain went up (2 to 5), dose kept" in result.stderr
    assert doses(tmp_path / "next.pdf") == {"knee-hug-side-tilt": (5, 5)}
    # The same ticks with pain going down: the dose may move, but the knee hug is at
    # its article's "about 5 seconds, about 5 times" already, so it stays there.
    pain["day2_session3_pain"] = "/1"
    fill_with_pypdf(tmp_path / "s.pdf", tmp_path / "better.pdf", ticks=ticks, pain=pain)
    better = run("build", "--from", "better.pdf", "--progress", "-o", "n2.pdf")
    assert better.code == 0
    assert "already at the most its article gives, kept" in better.stderr
    assert doses(tmp_path / "n2.pdf") == {"knee-hug-side-tilt": (5, 5)}


def test_progress_stops_at_the_articles_numbers(run, tmp_path) -> None:
    # The back rounder's article says to hold "five to 10 seconds": the hold goes
    # 5 -> 10 and then stops; the next step is a rep, never a 15-second hold.
    args = ["build", "--date", DATE, "-e", "back-rounder", "-o", "s.pdf"]
    assert run(*args).code == 0
    names = pypdf.PdfReader(tmp_path / "s.pdf").get_fields()
    ticks = {n for n in names if not n.endswith("_pain")}
    fill_with_pypdf(tmp_path / "s.pdf", tmp_path / "back.pdf", ticks=ticks, pain={})
    first = run("build", "--from", "back.pdf", "--progress", "-o", "w2.pdf")
    assert "hold 5 to 10 seconds" in first.stderr, first.stderr
    assert doses(tmp_path / "w2.pdf") == {"back-rounder": (5, 10)}
    names = pypdf.PdfReader(tmp_path / "w2.pdf").get_fields()
    ticks = {n for n in names if not n.endswith("_pain")}
    fill_with_pypdf(tmp_path / "w2.pdf", tmp_path / "back2.pdf", ticks=ticks, pain={})
    second = run("build", "--from", "back2.pdf", "--progress", "-o", "w3.pdf")
    assert "reps 5 to 6" in second.stderr, second.stderr
    assert doses(tmp_path / "w3.pdf") == {"back-rounder": (6, 10)}


def test_chart_is_written(run, sheet, tmp_path) -> None:
    fill_with_pypdf(sheet, tmp_path / "back.pdf")
    result = run("report", "back.pdf", "--chart", "chart.pdf")
    assert result.code == 0, result.stderr
    reader = pypdf.PdfReader(tmp_path / "chart.pdf")
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Seated twist" in text and "Pain" in text


def test_report_errors_are_one_clean_line(run, sheet, tmp_path) -> None:
    (tmp_path / "text.pdf").write_text("hello")
    assert_clean_error(run("report", "text.pdf"), "is not a PDF")
    assert_clean_error(run("report", "missing.pdf"), "no such file")
    with pikepdf.new() as pdf:
        pdf.add_blank_page()
        pdf.save(tmp_path / "other.pdf")
    assert_clean_error(run("report", "other.pdf"), "was not made by makeplan")
    assert run("build", "--date", DATE, "--no-fillable", "-o", "paper.pdf").code == 0
    assert_clean_error(run("report", "paper.pdf"), "--no-fillable", "count the ticks")
    with pikepdf.open(sheet) as pdf:  # a viewer that flattened the form
        del pdf.Root.AcroForm
        for page in pdf.pages:
            del page.obj.Annots
        pdf.save(tmp_path / "flat.pdf")
    assert_clean_error(run("report", "flat.pdf"), "form fields are gone")
    with pikepdf.open(sheet) as pdf:  # a record from a newer makeplan
        spec = pdf.attachments["makeplan-sheet.json"]
        record = json.loads(spec.get_file().read_bytes())
        record["version"] = 99
        pdf.attachments["makeplan-sheet.json"] = pikepdf.AttachedFileSpec(
            pdf, json.dumps(record).encode()
        )
        pdf.save(tmp_path / "newer.pdf")
    assert_clean_error(run("report", "newer.pdf"), "newer makeplan", "upgrade")
    with pikepdf.open(sheet) as pdf:
        pdf.attachments["makeplan-sheet.json"] = pikepdf.AttachedFileSpec(pdf, b"{not json")
        pdf.save(tmp_path / "broken.pdf")
    # Advice that keeps the ticks: a copy saved from the viewer, not a sheet made again.
    assert_clean_error(run("report", "broken.pdf"), "damaged", "Save As", "report the copy")
    assert_clean_error(run("report", "sheet.pdf", "--chart", "sheet.pdf"), "--chart")
    assert_clean_error(run("build", "--progress", "-o", "x.pdf"), "--from")
    assert_clean_error(run("build", "--from", "sheet.pdf", "--plan", "p.toml"), "use one")
    assert_clean_error(run("build", "--from", "sheet.pdf", "-o", "sheet.pdf"), "--from")
    assert_clean_error(run("plan", "--from", "other.pdf", "-o", "-"), "not made by makeplan")
    assert not (tmp_path / "x.pdf").exists()


def test_the_same_day_twice_or_two_patients_is_refused(run, sheet, tmp_path) -> None:
    fill_with_pypdf(sheet, tmp_path / "back.pdf")
    assert_clean_error(
        run("report", "back.pdf", "back.pdf"),
        "Error: back.pdf is given twice, so Mon 2026-11-23 for Buttock (glute) stretch "
        "would count twice;",
    )
    (tmp_path / "copy.pdf").write_bytes((tmp_path / "back.pdf").read_bytes())
    assert_clean_error(run("report", "back.pdf", "copy.pdf"), "both cover", "once")
    other = [arg if arg != "Ann Lee" else "Bob Roe" for arg in SHEET]
    later = [arg if arg != DATE else "2026-11-30" for arg in other]
    assert run(*later, "-o", "bob.pdf").code == 0
    assert_clean_error(run("report", "back.pdf", "bob.pdf"), "different patients", "one patient")


def test_a_round_pain_scale_counts_once_in_the_trend(run, tmp_path) -> None:
    # The knee hug is done 3 times a day, the glute stretch once: Round 1's scale
    # stands for two exercises, but is one score.
    args = ["build", "--date", DATE, "--layout", "week", "-e", "knee-hug-side-tilt",
            "-e", "glute-stretch", "-o", "w.pdf"]  # fmt: skip
    assert run(*args).code == 0
    pain = {"day1_session1_pain": "/2", "day1_session2_pain": "/8", "day1_session3_pain": "/8"}
    fill_with_pypdf(tmp_path / "w.pdf", tmp_path / "back.pdf", ticks=set(), pain=pain)
    data = json.loads(report(run, "back.pdf", "--format", "json"))
    assert data["pain_by_day"] == [{"date": DATE, "mean": 6.0}]


@pytest.mark.filterwarnings("ignore:This document has .* form widget")  # pikepdf, on purpose
def test_fields_a_tool_moved_or_unlisted_are_still_read(run, sheet, tmp_path) -> None:
    fill_with_pypdf(sheet, tmp_path / "back.pdf")
    with pikepdf.open(tmp_path / "back.pdf") as pdf:  # the form's field list dropped
        del pdf.Root.AcroForm
        pdf.save(tmp_path / "unlisted.pdf")
    check_all_formats(run, "unlisted.pdf")
    with pikepdf.open(tmp_path / "back.pdf") as pdf:  # every field moved under a parent
        group = pdf.make_indirect(pikepdf.Dictionary(T="group", Kids=pikepdf.Array()))
        for field in list(pdf.Root.AcroForm.Fields):
            field.Parent = group
            group.Kids.append(field)
        pdf.Root.AcroForm.Fields = pikepdf.Array([group])
        pdf.save(tmp_path / "grouped.pdf")
    assert (
        "group.seated-twist_day1_session1_right_rep1"
        in pypdf.PdfReader(tmp_path / "grouped.pdf").get_fields()
    )
    check_all_formats(run, "grouped.pdf")
    with pikepdf.open(tmp_path / "back.pdf") as pdf:  # some boxes removed
        for page in pdf.pages:
            page.obj.Annots = pikepdf.Array(
                [a for a in page.obj.Annots if "glute-stretch_day2" not in str(a.get("/T"))]
            )
        pdf.Root.AcroForm.Fields = pikepdf.Array(
            [f for f in pdf.Root.AcroForm.Fields if "glute-stretch_day2" not in str(f.T)]
        )
        pdf.save(tmp_path / "fewer.pdf")
    result = run("report", "fewer.pdf")
    assert result.code == 0
    assert "12 boxes of Buttock (glute) stretch are not in the file" in result.stderr


def tampered(sheet: Path, target: Path, change) -> None:
    with pikepdf.open(sheet) as pdf:
        record = pdf.attachments["makeplan-sheet.json"].get_file().read_bytes()
        changed = change(record.decode())
        pdf.attachments["makeplan-sheet.json"] = pikepdf.AttachedFileSpec(pdf, changed.encode())
        pdf.save(target)


@pytest.mark.parametrize(
    "change",
    [
        lambda text: text.replace('"days":2', '"days":' + "9" * 5000),
        lambda text: text.replace(DATE, "9999-12-31"),  # 2 days: the 2nd is past 9999
        lambda text: text.replace('"fillable":true', '"fillable":"false"'),
        lambda text: text.replace('"reps":3', '"reps":1000000'),
        lambda text: text.replace('_pain"', '_pain{day:>999999999}"'),
    ],
    ids=["huge-number", "date-overflow", "text-boolean", "reps-out-of-range", "format-spec"],
)
def test_a_tampered_record_is_one_clean_error(run, sheet, tmp_path, change) -> None:
    tampered(sheet, tmp_path / "bad.pdf", change)
    assert_clean_error(run("report", "bad.pdf"), "damaged")


def test_a_sheet_that_ends_on_the_last_day_of_9999_is_read(run, tmp_path) -> None:
    args = ["build", "--date", "9999-12-25", "--days", "7", "-e", "back-rounder"]
    assert run(*args, "-o", "late.pdf").code == 0
    table = report(run, "late.pdf", "--chart", "chart.pdf")
    assert "9999-12-25 to 9999-12-31" in table
    assert run("build", "--from", "late.pdf", "--date", "9999-12-31", "--days", "1",
               "--progress", "-o", "last.pdf").code == 0  # fmt: skip


def test_a_chart_is_not_a_sheet(run, sheet, tmp_path) -> None:
    fill_with_pypdf(sheet, tmp_path / "back.pdf")
    assert run("report", "back.pdf", "--chart", "chart.pdf").code == 0
    assert_clean_error(run("report", "chart.pdf"), "not a sheet")
    assert_clean_error(run("build", "--from", "chart.pdf", "-o", "x.pdf"), "not a sheet")


def test_a_moved_sheet_builds_with_its_library_given_again(run, tmp_path) -> None:
    import shutil

    library = Path(__file__).parent.parent / "examples" / "clinic-exercises"
    shutil.copytree(library, tmp_path / "clinic" / "lib")
    (tmp_path / "clinic" / "out").mkdir()
    (tmp_path / "home").mkdir()
    args = ["build", "--date", DATE, "--library", "clinic/lib", "-e", "pelvic-tilt",
            "-e", "seated-twist", "-o", "clinic/out/ann.pdf"]  # fmt: skip
    assert run(*args).code == 0
    shutil.copy(tmp_path / "clinic" / "out" / "ann.pdf", tmp_path / "home" / "ann.pdf")
    moved = run("build", "--from", "home/ann.pdf", "-o", "next.pdf")
    # Every problem on its own line, under one that says how to fix them.
    first, *problems = moved.stderr.splitlines()
    assert moved.code == 3 and first.startswith("Error: the plan inside home/ann.pdf")
    assert "--library" in first and len(problems) == 2 and "Traceback" not in moved.stderr
    again = run("build", "--from", "home/ann.pdf", "--library", "clinic/lib", "-o", "next.pdf")
    assert again.code == 0, again.stderr
    assert "Pelvic tilt" in page_texts(tmp_path / "next.pdf")[0]
    # The advice works: the paths start from the folder the sheet is in now.
    assert "folder the sheet is in now (home)" in first
    assert "home/../lib is not found" in problems[0], problems
    shutil.copytree(library, tmp_path / "lib")
    beside = run("build", "--from", "home/ann.pdf", "-o", "beside.pdf")
    assert beside.code == 0, beside.stderr


def test_progress_speaks_only_of_the_exercises_on_the_new_sheet(run, sheet, tmp_path) -> None:
    names = pypdf.PdfReader(sheet).get_fields()
    fill_with_pypdf(sheet, tmp_path / "back.pdf", ticks=set(names), pain={})
    result = run("build", "--from", "back.pdf", "--progress", "-e", "seated-twist",
                 "-o", "next.pdf")  # fmt: skip
    assert result.code == 0, result.stderr
    assert "Seated twist: 100% done, reps 3 to 4" in result.stderr
    assert "glute" not in result.stderr.lower()
    fixed = run("build", "--from", "back.pdf", "--progress", "--reps", "2", "-o", "n2.pdf")
    assert "Seated twist: 100% done, but the dose given on the command line is used" in (
        fixed.stderr
    )
    assert doses(tmp_path / "n2.pdf")["seated-twist"] == (2, 0)


def test_batch_rows_can_start_from_returned_sheets(run, sheet, tmp_path) -> None:
    fill_with_pypdf(sheet, tmp_path / "back.pdf")
    (tmp_path / "roster.csv").write_text(
        "patient,from,progress,date\nAnn Lee,back.pdf,yes,2026-11-30\n"
    )
    (tmp_path / "out").mkdir()
    result = run("batch", "roster.csv", "-d", "out", "-j", "1")
    assert result.code == 0, result.stderr
    assert doses(tmp_path / "out" / "ann-lee.pdf") == {
        "glute-stretch": (3, 30), "seated-twist": (3, 0)}  # fmt: skip


def test_a_new_ability_adds_the_next_levels_exercises_and_keeps_old_doses(run, tmp_path):
    assert run("build", "--date", DATE, "-a", "gentle", "--reps", "3", "-o", "g.pdf").code == 0
    assert doses(tmp_path / "g.pdf") == {
        "knee-hug-side-tilt": (3, 5),
        "single-knee-to-chest": (3, 5),
    }
    assert run("build", "--from", "g.pdf", "-a", "moderate", "-o", "m.pdf").code == 0
    moved_on = doses(tmp_path / "m.pdf")
    assert moved_on["knee-hug-side-tilt"] == (3, 5) and moved_on["single-knee-to-chest"] == (3, 5)
    assert moved_on["glute-stretch"] == (1, 30) and len(moved_on) > 2  # the catalogue's dose

"""Returned files that are not one sheet as makeplan wrote it: two sheets merged into
one file, a sheet whose record a tool removed, boxes ticked only in their look, and
the 80% rule at its edge. Each gives the right numbers or one clear refusal."""

from __future__ import annotations

import json
from pathlib import Path

import pikepdf
import pypdf
import pytest
from pikepdf import Name

from support import assert_clean_error

WEEK = ["--days", "7", "-a", "gentle", "--patient", "Ann Lee"]
TWO_SHEETS = "holds pages of 2 different makeplan sheets"


def tick_everything(source: Path, target: Path) -> None:
    writer = pypdf.PdfWriter(clone_from=source)
    for page in writer.pages:
        values = {
            str(annot.get_object()["/T"]): "/Yes"
            for annot in page.get("/Annots", [])
            if annot.get_object().get("/FT") == "/Btn"
        }
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    writer.write(target)


@pytest.fixture
def weeks(run, tmp_path: Path) -> tuple[Path, Path]:
    """Week 1 ticked in full and sent back; week 2 new and blank."""
    assert run("build", "--date", "2026-11-02", *WEEK, "-o", "wk1.pdf").code == 0
    assert run("build", "--date", "2026-11-09", *WEEK, "-o", "wk2.pdf").code == 0
    tick_everything(tmp_path / "wk1.pdf", tmp_path / "wk1-back.pdf")
    return tmp_path / "wk1-back.pdf", tmp_path / "wk2.pdf"


def test_one_returned_week_reads_in_full(run, weeks) -> None:
    result = run("report", str(weeks[0]), "--format", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [(e["done"], e["planned"]) for e in data["exercises"]] == [(210, 210), (70, 70)]


def merged_by_pypdf(first: Path, second: Path, target: Path) -> Path:
    writer = pypdf.PdfWriter(clone_from=second)
    writer.merge(0, str(first))
    writer.write(target)
    return target


def appended_by_pypdf(first: Path, second: Path, target: Path) -> Path:
    writer = pypdf.PdfWriter(clone_from=first)
    writer.append(str(second))
    writer.write(target)
    return target


def pages_joined_by_qpdf(first: Path, second: Path, target: Path) -> Path:
    """What `qpdf second.pdf --pages first.pdf second.pdf --` does: the second file's
    record, both files' pages and forms, clashing field names renamed `...+1` (qpdf's
    page copying, through pikepdf)."""
    with pikepdf.open(second) as pdf, pikepdf.open(first) as other:
        pdf.add_pages_from(other)
        pdf.save(target)
    return target


@pytest.mark.parametrize("join", [merged_by_pypdf, appended_by_pypdf, pages_joined_by_qpdf])
def test_a_file_holding_two_sheets_is_refused_never_mixed(run, weeks, tmp_path, join) -> None:
    joined = join(*weeks, tmp_path / "both.pdf")
    for command in (
        ["report", "both.pdf"],
        ["report", "both.pdf", "--format", "json"],
        ["build", "--from", "both.pdf", "--progress", "-o", "next.pdf"],
        ["build", "--from", "both.pdf", "-o", "next.pdf"],
        ["plan", "--from", "both.pdf", "-o", "next.toml"],
    ):
        result = run(*command)
        assert_clean_error(result, str(joined.name), TWO_SHEETS, "as its own PDF file")
        assert result.stdout == b""
    assert not (tmp_path / "next.pdf").exists() and not (tmp_path / "next.toml").exists()


def without_sheet_marks(source: Path, target: Path) -> Path:
    """The sheet as an older makeplan wrote it: no mark on its pages."""
    with pikepdf.open(source) as pdf:
        for page in pdf.pages:
            if "/PieceInfo" in page.obj:
                del page.obj.PieceInfo
        pdf.save(target)
    return target


def test_two_old_sheets_are_found_by_their_box_names(run, weeks, tmp_path) -> None:
    # Sheets with no page marks: boxes that appear twice, or that the record does
    # not name (qpdf renames a clash `..._rep1+1`), give the file away.
    first = without_sheet_marks(weeks[0], tmp_path / "old1.pdf")
    second = without_sheet_marks(weeks[1], tmp_path / "old2.pdf")
    merged_by_pypdf(first, second, tmp_path / "twice.pdf")
    assert_clean_error(run("report", "twice.pdf"), "boxes more than once", "as its own PDF")
    pages_joined_by_qpdf(first, second, tmp_path / "renamed.pdf")
    assert_clean_error(run("report", "renamed.pdf"), "record does not name", "+1", "as its own PDF")


def test_the_same_sheet_twice_in_one_file_is_refused(run, weeks, tmp_path) -> None:
    appended_by_pypdf(weeks[0], weeks[0], tmp_path / "copy.pdf")
    assert_clean_error(run("report", "copy.pdf"), "boxes more than once")


def test_a_makeplan_sheet_as_a_cover_does_not_count_as_a_second_sheet(run, weeks, tmp_path) -> None:
    result = run("build", "--cover", str(weeks[0]), "--date", "2026-11-09", *WEEK, "-o", "c.pdf")
    assert result.code == 0, result.stderr
    tick_everything(tmp_path / "c.pdf", tmp_path / "c-back.pdf")
    report = run("report", "c-back.pdf", "--format", "json")
    assert report.code == 0, report.stderr
    data = json.loads(report.stdout)
    assert data["from"] == "2026-11-09"
    assert [(e["done"], e["planned"]) for e in data["exercises"]] == [(210, 210), (70, 70)]


@pytest.mark.parametrize("copy", ["pypdf-append", "pikepdf-new"])
def test_a_sheet_whose_record_a_tool_removed_says_so(run, weeks, tmp_path, copy) -> None:
    if copy == "pypdf-append":
        writer = pypdf.PdfWriter()
        writer.append(str(weeks[0]))
        writer.write(tmp_path / "copy.pdf")
    else:  # what `qpdf --empty --pages sheet.pdf --` does
        with pikepdf.new() as pdf, pikepdf.open(weeks[0]) as sheet:
            pdf.add_pages_from(sheet)
            pdf.save(tmp_path / "copy.pdf")
    for command in (["report", "copy.pdf"], ["build", "--from", "copy.pdf", "-o", "n.pdf"]):
        result = run(*command)
        assert_clean_error(result, "copy.pdf", "record makeplan keeps inside", "was removed")
        assert "not made by makeplan" not in result.stderr


def test_boxes_ticked_only_in_their_look_count_with_a_warning(run, tmp_path) -> None:
    args = ["build", "--date", "2026-11-02", "-e", "seated-twist", "--reps", "2"]
    assert run(*args, "-o", "s.pdf").code == 0
    with pikepdf.open(tmp_path / "s.pdf") as pdf:
        for page in pdf.pages:
            for annot in page.obj.get("/Annots", []):
                if str(annot.get("/T")).endswith("_right_rep1"):
                    annot.AS = Name("/Yes")  # the look changed; /V is still /Off
                elif str(annot.get("/T")).endswith("_right_rep2"):
                    annot.V = Name("/Yes")  # the value saved; the look still /Off
        pdf.save(tmp_path / "look.pdf")
    result = run("report", "look.pdf", "--format", "json")
    assert result.code == 0
    exercise = json.loads(result.stdout)["exercises"][0]
    assert (exercise["done"], exercise["planned"]) == (2, 4)
    assert "1 box shows a tick but saved no value" in result.stderr
    assert "1 box shows no tick but saved the value of one" in result.stderr


def test_progress_compares_80_percent_exactly(run, tmp_path) -> None:
    # 5 reps x 2 sides x 3 times a day x 7 days = 210 boxes.
    args = ["build", "--date", "2026-11-02", "-e", "warrior-at-the-wall", "--days", "7",
            "--sessions", "3", "--reps", "5", "-o", "s.pdf"]  # fmt: skip
    assert run(*args).code == 0
    names = sorted(n for n in pypdf.PdfReader(tmp_path / "s.pdf").get_fields() if "_rep" in n)
    assert len(names) == 210
    for ticked, expected in ((167, "79% done (under 80%), dose kept"), (168, "80% done, hold 5")):
        writer = pypdf.PdfWriter(clone_from=tmp_path / "s.pdf")
        values = dict.fromkeys(names[:ticked], "/Yes")
        for page in writer.pages:
            writer.update_page_form_field_values(page, values, auto_regenerate=False)
        writer.write(tmp_path / "back.pdf")
        result = run("build", "--from", "back.pdf", "--progress", "-o", f"n{ticked}.pdf")
        assert result.code == 0, result.stderr
        assert expected in result.stderr, result.stderr


@pytest.mark.parametrize("command", [["report", "huge.pdf"], ["build", "--cover", "huge.pdf"]])
def test_a_huge_pdf_is_refused_unread(run, tmp_path, command) -> None:
    # 1.5 GB on disk, none of it written (a sparse file): refused from its size.
    with (tmp_path / "huge.pdf").open("wb") as file:
        file.write(b"%PDF-1.7\n")
        file.truncate(1_500_000_000)
    (tmp_path / "out.pdf").write_bytes(b"old")
    result = run(*command, "-o", "out.pdf") if command[0] == "build" else run(*command)
    assert_clean_error(result, "huge.pdf", "1500.0 MB, too large", "at most 100 MB")
    assert (tmp_path / "out.pdf").read_bytes() == b"old"

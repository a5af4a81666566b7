"""Cover pages go in front, in order; the sheet keeps its pages and its fields."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from reportlab.pdfgen.canvas import Canvas

from support import assert_clean_error, checkbox_fields, page_texts

DATE = "2026-11-23"


def make_cover(path: Path, label: str, pages: int = 1, size=(595.28, 841.89)) -> Path:
    canvas = Canvas(str(path), pagesize=size, invariant=True)
    for number in range(1, pages + 1):
        canvas.drawString(72, 720, f"{label} page {number}")
        canvas.showPage()
    canvas.save()
    return path


def test_covers_in_order_then_the_sheet(run, tmp_path) -> None:
    make_cover(tmp_path / "a.pdf", "CLINIC-A", pages=2)
    make_cover(tmp_path / "b.pdf", "CLINIC-B", size=(612, 792))
    result = run(
        "build",
        "--date",
        DATE,
        "--layout",
        "handout",
        "--cover",
        "a.pdf",
        "--cover",
        "b.pdf",
        "-o",
        "out.pdf",
    )
    assert result.code == 0, result.stderr
    texts = page_texts(tmp_path / "out.pdf")
    alone = run("build", "--date", DATE, "--layout", "handout", "-o", "alone.pdf")
    assert alone.code == 0
    sheet = page_texts(tmp_path / "alone.pdf")
    assert "CLINIC-A page 1" in texts[0]
    assert "CLINIC-A page 2" in texts[1]
    assert "CLINIC-B page 1" in texts[2]
    assert texts[3:] == sheet
    # Form fields still work after the merge.
    assert len(checkbox_fields(tmp_path / "out.pdf")) == len(
        checkbox_fields(tmp_path / "alone.pdf")
    )
    fields = pypdf.PdfReader(tmp_path / "out.pdf").get_fields()
    assert len(fields) == len(checkbox_fields(tmp_path / "alone.pdf"))


def test_cover_merge_is_deterministic(run, tmp_path) -> None:
    make_cover(tmp_path / "a.pdf", "CLINIC-A")
    for name in ("x.pdf", "y.pdf"):
        assert run("build", "--date", DATE, "--cover", "a.pdf", "-o", name).code == 0
    assert (tmp_path / "x.pdf").read_bytes() == (tmp_path / "y.pdf").read_bytes()
    meta = pypdf.PdfReader(tmp_path / "x.pdf").metadata
    assert meta.creator.startswith("makeplan ")


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_cover_encrypted_with_empty_password_is_merged(run, tmp_path, algorithm) -> None:
    plain = make_cover(tmp_path / "plain.pdf", "OPEN-COVER")
    writer = pypdf.PdfWriter(clone_from=plain)
    writer.encrypt(user_password="", owner_password="owner", algorithm=algorithm)
    writer.write(tmp_path / "open.pdf")
    result = run("build", "--date", DATE, "--cover", "open.pdf", "-o", "out.pdf")
    assert result.code == 0, result.stderr
    assert "OPEN-COVER" in page_texts(tmp_path / "out.pdf")[0]


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_cover_needing_a_password_fails(run, tmp_path, algorithm) -> None:
    plain = make_cover(tmp_path / "plain.pdf", "SECRET")
    writer = pypdf.PdfWriter(clone_from=plain)
    writer.encrypt(user_password="secret", algorithm=algorithm)
    writer.write(tmp_path / "locked.pdf")
    assert_clean_error(
        run("build", "--cover", "locked.pdf", "-o", "out.pdf"), "locked.pdf", "password"
    )
    assert not (tmp_path / "out.pdf").exists()


def test_missing_cover(run, tmp_path) -> None:
    assert_clean_error(run("build", "--cover", "nope.pdf"), "nope.pdf", "no such file")
    assert not (tmp_path / "routine.pdf").exists()


def test_not_a_pdf_cover(run, tmp_path) -> None:
    (tmp_path / "logo.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    assert_clean_error(run("build", "--cover", "logo.pdf"), "logo.pdf", "not a PDF")
    assert not (tmp_path / "routine.pdf").exists()


def test_empty_cover(run, tmp_path) -> None:
    (tmp_path / "empty.pdf").write_bytes(b"")
    assert_clean_error(run("build", "--cover", "empty.pdf"), "empty.pdf")


def test_damaged_cover(run, tmp_path) -> None:
    good = make_cover(tmp_path / "good.pdf", "X").read_bytes()
    (tmp_path / "cut.pdf").write_bytes(good[: len(good) // 3])
    result = run("build", "--cover", "cut.pdf", "-o", "out.pdf")
    if result.code == 0:
        # pypdf can rebuild some truncated files; then the merge must be a real PDF.
        assert page_texts(tmp_path / "out.pdf")
    else:
        assert_clean_error(result, "cut.pdf")
        assert not (tmp_path / "out.pdf").exists()
    garbage = b"%PDF-1.4\n" + bytes(range(256)) * 4
    (tmp_path / "garbage.pdf").write_bytes(garbage)
    assert_clean_error(run("build", "--cover", "garbage.pdf", "-o", "g.pdf"), "garbage.pdf")
    assert not (tmp_path / "g.pdf").exists()


def test_cover_is_a_folder(run, tmp_path) -> None:
    (tmp_path / "folder.pdf").mkdir()
    assert_clean_error(run("build", "--cover", "folder.pdf"), "folder.pdf")


def test_output_same_as_cover_refused(run, tmp_path) -> None:
    cover = make_cover(tmp_path / "c.pdf", "KEEP")
    before = cover.read_bytes()
    assert_clean_error(run("build", "--cover", "c.pdf", "-o", "c.pdf"), "c.pdf")
    assert cover.read_bytes() == before


def test_merged_pdf_parses_cleanly(run, tmp_path) -> None:
    make_cover(tmp_path / "a.pdf", "A")
    assert run("build", "--date", DATE, "--cover", "a.pdf", "-o", "out.pdf").code == 0
    import pikepdf

    with pikepdf.open(tmp_path / "out.pdf") as pdf:
        assert pdf.check_pdf_syntax() == []
    data = (tmp_path / "out.pdf").read_bytes()
    assert len(pypdf.PdfReader(io.BytesIO(data)).pages) == 2


def test_cover_with_same_field_names_stays_separate(run, tmp_path) -> None:
    # An old sheet used as a cover has fields named exactly like the new sheet's.
    assert run("build", "--date", DATE, "-e", "seated-twist", "-o", "old.pdf").code == 0
    result = run(
        "build", "--date", DATE, "-e", "seated-twist", "--cover", "old.pdf", "-o", "new.pdf"
    )
    assert result.code == 0, result.stderr
    fields = pypdf.PdfReader(tmp_path / "new.pdf").get_fields()
    assert len(fields) == 2 * 10
    assert "seated-twist_day1_session1_right_rep1" in fields
    assert "cover1-seated-twist_day1_session1_right_rep1" in fields

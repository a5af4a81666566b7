"""Every PDF makeplan writes opens everywhere: qpdf, pypdf, PDFium and pdfminer agree.

And its checkboxes work in a viewer: ticked through PDFium's form filler or
set with pypdf, the file stays valid and the tick shows when rendered.
"""

from __future__ import annotations

import io
import logging
import warnings
from pathlib import Path

import pdfplumber
import pikepdf
import pypdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest
from PIL import ImageStat

LAYOUTS = ["one-page", "handout", "large-print", "week"]


def make_cover(path: Path) -> None:
    """A plain one-page PDF standing in for a clinic's cover."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=(400, 500), invariant=True)
    canvas.setFont("Helvetica-Bold", 24)
    canvas.drawString(60, 400, "Riverside Physio")
    canvas.showPage()
    canvas.save()


def assert_opens_everywhere(pdf: Path, caplog: pytest.LogCaptureFixture) -> None:
    # qpdf's structural check, through pikepdf.
    with pikepdf.open(pdf) as document:
        assert document.check_pdf_syntax() == [], pdf
        page_count = len(document.pages)
    # pypdf, strict, with no warning of any kind.
    caplog.clear()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with caplog.at_level(logging.WARNING, logger="pypdf"):
            reader = pypdf.PdfReader(pdf, strict=True)
            texts = [page.extract_text() for page in reader.pages]
            reader.get_fields()
    assert not caplog.records, [record.getMessage() for record in caplog.records]
    assert len(texts) == page_count
    # PDFium renders every page, and none is blank.
    document = pdfium.PdfDocument(pdf)
    document.init_forms()
    for index in range(len(document)):
        image = document[index].render(scale=0.4, may_draw_forms=True).to_pil().convert("L")
        assert image.getextrema()[0] < 128, f"page {index + 1} of {pdf} renders blank"
    document.close()
    # pdfminer (through pdfplumber) reads the text back.
    with pdfplumber.open(pdf) as plumber:
        text = "\n".join(page.extract_text() or "" for page in plumber.pages)
    assert "My back exercises" in text and "Stop, or do less" in text


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("with_cover", [False, True], ids=["no-cover", "cover"])
@pytest.mark.parametrize("fillable", ["--fillable", "--no-fillable"])
def test_every_layout_opens_everywhere(
    run, tmp_path: Path, caplog, layout: str, with_cover: bool, fillable: str
) -> None:
    args = ["build", "--layout", layout, "-a", "moderate", fillable, "-o", "s.pdf"]
    if with_cover:
        make_cover(tmp_path / "cover.pdf")
        args += ["--cover", "cover.pdf"]
    result = run(*args)
    assert result.code == 0, result.stderr
    assert_opens_everywhere(tmp_path / "s.pdf", caplog)
    fields = pypdf.PdfReader(tmp_path / "s.pdf").get_fields() or {}
    assert bool(fields) == (fillable == "--fillable")


def widgets(pdf: Path) -> list[tuple[int, pypdf.generic.DictionaryObject]]:
    reader = pypdf.PdfReader(pdf)
    found = []
    for number, page in enumerate(reader.pages):
        for annot in page.get("/Annots", []) or []:
            annot = annot.get_object()
            if annot.get("/FT") == "/Btn":
                found.append((number, annot))
    return found


def box_darkness(pdf: Path | bytes, page: int, rect: list[float]) -> float:
    """How dark the inside of a box renders (0 white .. 255 black), with forms drawn."""
    document = pdfium.PdfDocument(pdf)
    document.init_forms()
    scale = 4
    image = document[page].render(scale=scale, may_draw_forms=True).to_pil().convert("L")
    height = image.height
    x0, y0, x1, y1 = (float(value) * scale for value in rect)
    # The middle of the box, away from its outline.
    inset = (x1 - x0) * 0.25
    inside = image.crop((int(x0 + inset), int(height - y1 + inset),
                         int(x1 - inset), int(height - y0 - inset)))  # fmt: skip
    document.close()
    return 255 - ImageStat.Stat(inside).mean[0]


def test_boxes_print_and_show_when_unticked(run, tmp_path: Path) -> None:
    assert run("build", "-e", "back-rounder", "-o", "s.pdf").code == 0
    for _, annot in widgets(tmp_path / "s.pdf"):
        assert int(annot["/F"]) & 4, "the print flag"
        off = annot["/AP"]["/N"]["/Off"].get_object().get_data()
        assert b" re" in off and b"S" in off.upper(), "an outline when unticked"


def test_ticking_with_pypdf_keeps_the_file_valid(run, tmp_path: Path, caplog) -> None:
    assert run("build", "-e", "back-rounder", "-o", "s.pdf").code == 0
    page, first = widgets(tmp_path / "s.pdf")[0]
    before = box_darkness(tmp_path / "s.pdf", page, first["/Rect"])
    writer = pypdf.PdfWriter(clone_from=tmp_path / "s.pdf")
    name = str(first["/T"])
    writer.update_page_form_field_values(writer.pages[page], {name: "/Yes"}, auto_regenerate=False)
    writer.write(tmp_path / "ticked.pdf")
    assert_opens_everywhere(tmp_path / "ticked.pdf", caplog)
    values = {key: field.get("/V") for key, field in pypdf.PdfReader(
        tmp_path / "ticked.pdf").get_fields().items()}  # fmt: skip
    assert values[name] == "/Yes"
    assert sum(1 for value in values.values() if value == "/Yes") == 1
    after = box_darkness(tmp_path / "ticked.pdf", page, first["/Rect"])
    assert after > before + 40, (before, after)


def test_ticking_in_pdfiums_form_filler(run, tmp_path: Path, caplog) -> None:
    assert run("build", "-e", "back-rounder", "-e", "glute-stretch", "-o", "s.pdf").code == 0
    boxes = widgets(tmp_path / "s.pdf")
    chosen = [boxes[0], boxes[-1]]
    document = pdfium.PdfDocument(tmp_path / "s.pdf")
    document.init_forms()
    form = document.formenv.raw
    for page_number, annot in chosen:
        page = document[page_number]
        pdfium_raw.FORM_OnAfterLoadPage(page.raw, form)
        x0, y0, x1, y1 = (float(value) for value in annot["/Rect"])
        pdfium_raw.FORM_OnLButtonDown(form, page.raw, 0, (x0 + x1) / 2, (y0 + y1) / 2)
        pdfium_raw.FORM_OnLButtonUp(form, page.raw, 0, (x0 + x1) / 2, (y0 + y1) / 2)
    pdfium_raw.FORM_ForceToKillFocus(form)
    buffer = io.BytesIO()
    document.save(buffer)
    document.close()
    (tmp_path / "ticked.pdf").write_bytes(buffer.getvalue())
    assert_opens_everywhere(tmp_path / "ticked.pdf", caplog)
    fields = pypdf.PdfReader(tmp_path / "ticked.pdf").get_fields()
    ticked = {name for name, field in fields.items() if field.get("/V") == "/Yes"}
    assert ticked == {str(annot["/T"]) for _, annot in chosen}
    for page_number, annot in chosen:
        assert box_darkness(tmp_path / "ticked.pdf", page_number, annot["/Rect"]) > 60


def test_render_of_a_ticked_box_shows_the_tick(run, tmp_path: Path) -> None:
    # The same box, rendered unticked and ticked, at the same place on the page.
    assert run("build", "-e", "back-rounder", "--no-title-page", "-o", "s.pdf").code == 0
    page, first = widgets(tmp_path / "s.pdf")[0]
    writer = pypdf.PdfWriter(clone_from=tmp_path / "s.pdf")
    writer.update_page_form_field_values(
        writer.pages[page], {str(first["/T"]): "/Yes"}, auto_regenerate=False
    )
    buffer = io.BytesIO()
    writer.write(buffer)
    unticked = box_darkness(tmp_path / "s.pdf", page, first["/Rect"])
    ticked = box_darkness(buffer.getvalue(), page, first["/Rect"])
    assert unticked < 10 < 60 < ticked

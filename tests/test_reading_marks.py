"""The reading marks on every page: four corner markers and a QR code in the margin band,
on every layout and paper, clear of everything else; and the record of where each box is."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pypdf
import pytest
from click.testing import CliRunner

import makeplan.render
from makeplan.cli import cli
from makeplan.geometry import MM, Document
from makeplan.geometry.reading_marks import (
    ARUCO_4X4_50,
    code_text,
    mark_size,
    marker_ids,
    parse_code,
)
from makeplan.sheetdata import RECORD_ATTACHMENT, read_record

LAYOUTS = ["one-page", "handout", "large-print", "week"]
PAPERS = ["a4", "letter"]


def build_and_capture(tmp_path: Path, monkeypatch: Any, *args: str) -> tuple[Document, Path]:
    """Build a sheet, keeping the placed document render was given."""
    seen: list[Document] = []
    original = makeplan.render.render

    def capture(document: Document, *rest: Any, **named: Any) -> bytes:
        seen.append(document)
        return original(document, *rest, **named)

    monkeypatch.setattr(makeplan.render, "render", capture)
    out = tmp_path / "sheet.pdf"
    result = CliRunner().invoke(cli, ["build", "--date", "2026-01-05", *args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return seen[0], out


def boxes_of(document: Document, number: int) -> list[tuple[float, float, float, float]]:
    """Every placed item of a page as (x0, y0, x1, y1), reading marks left out."""
    page = document.pages[number]
    found = [text.bbox for text in page.texts if text.text.strip()]
    found += [(box.x, box.y, box.x + box.width, box.y + box.size) for box in page.boxes]
    found += [
        (min(r.x1, r.x2), min(r.y1, r.y2), max(r.x1, r.x2), max(r.y1, r.y2)) for r in page.rules
    ]
    found += [(f.x, f.y, f.x + f.width, f.y + f.height) for f in page.frames]
    found += [(d.x, d.y, d.x + d.width, d.y + d.height) for d in page.drawings]
    found += [(i.x, i.y, i.x + i.width, i.y + i.height) for i in page.images]
    return found


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_marks_on_every_page_in_the_margins_clear_of_everything(
    tmp_path: Path, monkeypatch: Any, layout: str, paper: str
) -> None:
    document, pdf = build_and_capture(tmp_path, monkeypatch, "--layout", layout, "--paper", paper)
    margin = document.margin
    record = read_record(pypdf.PdfReader(pdf).attachments[RECORD_ATTACHMENT][0], "sheet")
    assert record.version == 3 and record.paper is not None
    assert len(record.paper.pages) == len(document.pages)
    identity = None
    for number, page in enumerate(document.pages):
        assert len(page.markers) == 4 and len(page.codes) == 1, (layout, number)
        code = parse_code(page.codes[0].text)
        assert code is not None and code.page == number and code.version == 3
        identity = identity or code.identity
        assert code.identity == identity  # one sheet, one identity on every page
        patterns = [ARUCO_4X4_50[i] for i in marker_ids(identity, number)]
        assert [marker.pattern for marker in page.markers] == patterns
        squares = [(m.x, m.y, m.x + m.size, m.y + m.size) for m in page.markers]
        squares += [(c.x, c.y, c.x + c.size, c.y + c.size) for c in page.codes]
        for x0, y0, x1, y1 in squares:
            # On the paper, at least 2.5 mm from its edge (printers), in the margin band.
            assert x0 >= 2.5 * MM - 0.01 and y0 >= 2.5 * MM - 0.01
            assert x1 <= document.width - 2.5 * MM + 0.01
            assert y1 <= document.height - 2.5 * MM + 0.01
            inside_x = x1 > margin and x0 < document.width - margin
            inside_y = y1 > margin and y0 < document.height - margin
            assert not (inside_x and inside_y), (layout, number, (x0, y0))
            for other in boxes_of(document, number):
                overlap_x = min(x1, other[2]) - max(x0, other[0])
                overlap_y = min(y1, other[3]) - max(y0, other[1])
                assert overlap_x <= 0 or overlap_y <= 0, (layout, number, other)
        # The record says where each box is, exactly as placed.
        placed = {(b.name, getattr(b, "value", None)): (b.x, b.y, b.size) for b in page.boxes}
        recorded = {(b.field, b.value): (b.x, b.y, b.size) for b in record.paper.pages[number]}
        assert placed.keys() == recorded.keys()
        for key, (x, y, size) in placed.items():
            assert recorded[key] == pytest.approx((x, y, size), abs=0.06), key
    # What is printed is read back: the markers and the QR code of the first and last
    # pages, from a 200 dpi render, by the reader itself.
    try:
        from makeplan.scan.locate import digits_of, find_marks
    except ImportError:  # without the scan extra
        return
    import pypdfium2 as pdfium

    rendered = pdfium.PdfDocument(pdf)
    for number in sorted({0, len(document.pages) - 1}):
        pixels = rendered[number].render(scale=200 / 72, grayscale=True).to_numpy()
        found = find_marks(pixels.reshape(pixels.shape[:2]), f"page {number + 1}")
        assert found.code is not None and found.code.identity == identity
        assert found.code.page == number and found.page_mod == number
        assert found.digits == digits_of(identity)


def test_marker_patterns_are_opencvs() -> None:
    cv2 = pytest.importorskip("cv2")
    dictionary = cv2.aruco.getPredefinedDictionary(cv2.aruco.DICT_4X4_50)
    for marker, pattern in enumerate(ARUCO_4X4_50):
        cells = cv2.aruco.generateImageMarker(dictionary, marker, 6)[1:5, 1:5].flatten()
        assert pattern == int("".join("1" if cell else "0" for cell in cells), 2)


@pytest.mark.parametrize(
    ("margin_mm", "size_mm", "inset_mm"),
    # Markers 4.2 mm (1/6 inch) from the paper's edge, 0.6 mm from the content.
    [(15, 8.0, 6.4), (12, 7.2, 4.2), (10, 5.2, 4.2), (8.8, 4.0, 4.2), (8.7, None, None)],
)
def test_mark_size_fits_the_margin(
    margin_mm: float, size_mm: float | None, inset_mm: float | None
) -> None:
    marks = mark_size(margin_mm * MM)
    if size_mm is None:
        assert marks is None
        return
    assert marks is not None
    assert marks.size == pytest.approx(size_mm * MM, abs=0.01)
    assert marks.inset == pytest.approx(inset_mm * MM, abs=0.01)


def test_code_text_round_trips() -> None:
    text = code_text("0123456789abcdef0123", 11, 3)
    assert text == "MP3/0123456789ABCDEF/12"
    assert parse_code(text) == (3, "0123456789abcdef", 11)
    for bad in ["", "MP3/0123/1", "XX3/0123456789ABCDEF/1", "MP3/0123456789ABCDEG/1", "MP/x/1"]:
        assert parse_code(bad) is None


def test_identity_is_the_same_fillable_or_not(tmp_path: Path, monkeypatch: Any) -> None:
    """The fillable copy of a --no-fillable sheet (same plan, same date) is the same paper."""
    fillable, _ = build_and_capture(tmp_path, monkeypatch)
    monkeypatch.undo()
    plain, pdf = build_and_capture(tmp_path, monkeypatch, "--no-fillable")
    assert fillable.pages[0].codes == plain.pages[0].codes
    record = json.loads(pypdf.PdfReader(pdf).attachments[RECORD_ATTACHMENT][0])
    assert record["fillable"] is False and record["version"] == 3

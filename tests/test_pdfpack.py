"""The last rewrite of every file: small objects packed into object streams."""

from __future__ import annotations

import io

import pikepdf
import pypdf
import pytest
from reportlab.pdfgen.canvas import Canvas

from makeplan.pdfs.pack import pack

TRICKY = "endobj stream 1 0 obj (unbalanced) \\ trailer startxref"


def classic_pdf(pages: int = 2) -> bytes:
    """A small reportlab file with text that looks like PDF syntax, in objects and streams."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=True, pageCompression=0)
    canvas.setTitle(TRICKY)
    for page in range(pages):
        canvas.drawString(72, 720, f"{TRICKY} page {page + 1}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def shift_an_offset(pdf: bytes) -> bytes:
    """`pdf` with its cross-reference table's third entry one byte off."""
    table = pdf.rindex(b"\nxref\n")
    entry = pdf.index(b" 00000 n", table) + 20 * 2
    offset = int(pdf[entry - 10 : entry])
    return pdf[: entry - 10] + b"%010d" % (offset + 1) + pdf[entry:]


def test_packed_file_is_valid_and_reads_the_same() -> None:
    original = classic_pdf()
    packed = pack(original)
    assert packed.startswith(b"%PDF-1.5")
    assert b"/ObjStm" in packed and b"/XRef" in packed and b"\nxref\n" not in packed
    with pikepdf.open(io.BytesIO(packed)) as pdf:
        assert pdf.check_pdf_syntax() == []
    before = pypdf.PdfReader(io.BytesIO(original), strict=True)
    after = pypdf.PdfReader(io.BytesIO(packed), strict=True)
    assert after.metadata.title == before.metadata.title == TRICKY
    assert [page.extract_text() for page in after.pages] == [
        page.extract_text() for page in before.pages
    ]
    assert after.trailer["/ID"] == before.trailer["/ID"]


def test_packing_is_deterministic_and_idempotent() -> None:
    packed = pack(classic_pdf())
    assert pack(classic_pdf()) == packed
    # An xref stream is not a table pack reads: the file comes back unchanged.
    assert pack(packed) is packed


@pytest.mark.parametrize(
    "mangle",
    [
        lambda pdf: b"not a pdf at all",
        lambda pdf: pdf[:-40],  # cut short: no startxref at the end
        lambda pdf: pdf.replace(b"/Root", b"/Toot"),  # a trailer without a catalogue
        lambda pdf: shift_an_offset(pdf),  # a table that misses the objects
    ],
    ids=["garbage", "truncated", "no-root", "wrong-offsets"],
)
def test_files_it_does_not_understand_come_back_unchanged(mangle) -> None:
    odd = mangle(classic_pdf())
    assert pack(odd) is odd


def test_an_incremental_update_is_left_alone() -> None:
    writer = pypdf.PdfWriter(pypdf.PdfReader(io.BytesIO(classic_pdf())), incremental=True)
    writer.add_metadata({"/Subject": "changed"})
    buffer = io.BytesIO()
    writer.write(buffer)
    updated = buffer.getvalue()
    assert updated.rstrip().endswith(b"%%EOF") and b"/Prev" in updated[-300:]
    assert pack(updated) is updated


def test_many_objects_span_several_object_streams() -> None:
    packed = pack(classic_pdf(pages=500))
    assert packed.count(b"/Type /ObjStm") >= 2
    reader = pypdf.PdfReader(io.BytesIO(packed), strict=True)
    assert len(reader.pages) == 500
    assert "page 500" in reader.pages[-1].extract_text()

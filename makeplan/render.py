"""Draws a placed `Document` as PDF bytes: the only module that uses reportlab.

It draws exactly what geometry placed, nothing more: text as real text in the
standard PDF fonts, box outlines in the page content (so they print in every
viewer), and, when asked, an AcroForm checkbox over each outline so the same
file can be ticked on screen. Output is byte-identical for the same inputs:
reportlab's invariant mode with the document date taken from the plan.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Iterator
from contextlib import contextmanager

from makeplan import __version__
from makeplan.geometry import Document


def text_width(text: str, font: str, size: float) -> float:
    """Width of `text` in points; the `Measure` geometry needs."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(text, font, size))


@contextmanager
def _source_date(date: dt.date) -> Iterator[None]:
    """Make reportlab stamp the PDF with `date` (it reads SOURCE_DATE_EPOCH when created)."""
    epoch = int(dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC).timestamp())
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def render(document: Document, date: dt.date, fillable: bool) -> bytes:
    """The PDF for `document`, dated `date`, with form checkboxes when `fillable`."""
    from reportlab.lib.colors import black
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    with _source_date(date):
        canvas = Canvas(
            buffer,
            pagesize=(document.width, document.height),
            invariant=True,
            pageCompression=1,
        )
    canvas.setTitle(document.title)
    canvas.setSubject(document.subject)
    canvas.setAuthor(document.author)
    canvas.setCreator(f"makeplan {__version__}")
    canvas.setKeywords("lower back, exercise, routine, checklist")
    for page in document.pages:
        canvas.setStrokeColor(black)
        canvas.setFillColor(black)
        for frame in page.frames:
            canvas.setLineWidth(frame.line_width)
            canvas.rect(frame.x, frame.y, frame.width, frame.height, stroke=1, fill=0)
        for rule in page.rules:
            canvas.setLineWidth(rule.width)
            canvas.line(rule.x1, rule.y1, rule.x2, rule.y2)
        canvas.setLineWidth(0.9)
        for box in page.boxes:
            # Inset by half the line so the outline stays inside the box's own square.
            canvas.rect(box.x + 0.45, box.y + 0.45, box.size - 0.9, box.size - 0.9)
        for text in page.texts:
            canvas.setFont(text.font, text.size)
            canvas.drawString(text.x, text.y, text.text)
        if fillable:
            for box in page.boxes:
                canvas.acroForm.checkbox(
                    name=box.name,
                    tooltip=box.tooltip,
                    x=box.x,
                    y=box.y,
                    size=box.size,
                    buttonStyle="check",
                    borderWidth=0,
                    borderColor=None,
                    fillColor=None,
                    textColor=black,
                    fieldFlags="",
                    annotationFlags="print",
                )
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()

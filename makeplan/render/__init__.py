"""Draws a placed `Document` as PDF bytes. This package is the only place reportlab is used:
here the sheet, in `chart` the clinician's chart of a report.

It draws exactly what geometry placed, nothing more: text as real text (in
the standard PDF fonts, or TrueType subsets when fonts.py chose one), box
outlines in the page content (so they print in every viewer), and, when
asked, an AcroForm checkbox over each outline so the same file can be ticked
on screen. Output is byte-identical for the same inputs: reportlab's
invariant mode with the document date taken from the plan.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from makeplan import __version__
from makeplan.errors import InputFileError
from makeplan.fonts import FontChoice, font_runs
from makeplan.geometry import Box, Code, Document, Marker, ScaleBox
from makeplan.images import Picture
from makeplan.languages import visual
from makeplan.poses import Disc, Panel, Stroke
from makeplan.sheetdata import PIECE_INFO_KEY

# Fonts registered so far in this process, by name: the font, and its code points.
_REGISTERED: dict[str, tuple[Any, frozenset[int]]] = {}
# A font whose missing characters are drawn in another: name -> (its code points,
# the other font's name, and code points). Measuring and drawing both cut text into
# runs by it.
_FALLBACKS: dict[str, tuple[frozenset[int], str, frozenset[int]]] = {}


def register_fonts(choice: FontChoice) -> frozenset[int] | None:
    """Register the TrueType fonts of `choice` with reportlab.

    Returns the code points the regular font has, or None for the standard
    fonts (which show the Windows-1252 set).
    """
    if not choice.files:
        return None
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    covered: frozenset[int] = frozenset()
    by_name: dict[str, frozenset[int]] = {}
    faces: dict[str, bytes] = {}
    for name, data in choice.files:
        key = name  # one font a name (see fonts.choose_fonts)
        if key not in _REGISTERED:
            try:
                font = TTFont(name, io.BytesIO(data))
            except Exception as exc:  # reportlab raises several kinds for bad font files
                raise InputFileError(
                    f"--font {choice.origin}: cannot be used as a font ({exc}); give a "
                    "TrueType .ttf file (OpenType .otf with PostScript outlines will not do)."
                ) from None
            pdfmetrics.registerFont(font)
            if pdfmetrics.getFont(name) is not font:
                # reportlab hands a new name the font registered earlier with the same
                # PostScript name (another file called DejaVuSans, say): not this one.
                pdfmetrics._fonts[name] = font
            _REGISTERED[key] = (font, frozenset(font.face.charToGlyph))
        font, by_name[name] = _REGISTERED[key]
        faces[name] = font.face.name
        if name == choice.regular:
            covered = by_name[name]
    fallback = choice.fallback
    # reportlab names a font's objects in the file after its PostScript name, so two
    # fonts with the same name (a --font made from DejaVu) cannot share a file.
    if fallback is not None and faces[fallback] == faces[choice.regular]:
        fallback = None
    for name in {choice.regular, choice.bold}:
        _FALLBACKS.pop(name, None)
        if fallback is not None and name != fallback:
            _FALLBACKS[name] = (by_name[name], fallback, by_name[fallback])
    if fallback is not None:
        covered |= by_name[fallback]
    return covered


def _runs(text: str, font: str) -> list[tuple[str, str]]:
    """(font, part) runs of `text`: one run, unless `font` has a fallback."""
    if font not in _FALLBACKS:
        return [(font, text)]
    return font_runs(text, font, *_FALLBACKS[font])


def visual_width(text: str, font: str, size: float) -> float:
    """Width of a line of right-to-left text as drawn (shaped); the `Measure` for such."""
    return text_width(visual(text), font, size)


def text_width(text: str, font: str, size: float) -> float:
    """Width of `text` in points; the `Measure` geometry needs."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if font in _FALLBACKS:
        return sum(float(stringWidth(part, name, size)) for name, part in _runs(text, font))
    return float(stringWidth(text, font, size))


@contextmanager
def writer_settings(date: dt.date) -> Iterator[None]:
    """reportlab's settings for one file, restored afterwards.

    reportlab stamps the PDF with SOURCE_DATE_EPOCH (read when the canvas is
    made), so the file is dated `date`; and it reads `useA85` when it writes
    each stream. ASCII85 makes compressed streams a quarter bigger for the
    sake of 7-bit mail, which nobody needs now.
    """
    from reportlab import rl_config

    epoch = int(dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC).timestamp())
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    saved_a85 = rl_config.useA85
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved_a85
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


ACCENT = (0.05, 0.33, 0.55)  # a dark blue for arrows; dark enough to read as black in print


def draw_panel(
    canvas: Any, panel: Panel, x: float, y: float, scale: float, grayscale: bool
) -> None:
    """Draw one pictogram frame with its lower-left corner at (x, y), `scale` points per unit.

    Colour and width are set only when they change: a picture has dozens
    of marks in a few styles, and the repeated settings were a third of its bytes.
    """
    from reportlab.lib.colors import Color

    def colour(gray: float, accent: bool) -> Color:
        if accent and not grayscale:
            return Color(*ACCENT)
        if accent:
            return Color(0.1, 0.1, 0.1)
        return Color(gray, gray, gray)

    state: dict[str, Any] = {}

    def use(name: str, value: Any, setter: Any) -> None:
        if state.get(name, ()) != value:
            state[name] = value
            setter(value)

    def stroke(gray: float, accent: bool) -> None:
        use("stroke", (gray, accent), lambda v: canvas.setStrokeColor(colour(*v)))

    def fill(gray: float, accent: bool) -> None:
        use("fill", (gray, accent), lambda v: canvas.setFillColor(colour(*v)))

    def width(value: float) -> None:
        use("width", value, canvas.setLineWidth)

    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(scale, scale)
    canvas.setLineCap(1)
    canvas.setLineJoin(1)
    # Strokes in a row with the same look are drawn as one path of several lines.
    pending: list[Any] = []  # [style, path]

    def flush() -> None:
        if pending:
            (gray, accent, line_width), path = pending
            stroke(gray, accent)
            width(line_width)
            canvas.drawPath(path, stroke=1, fill=0)
            pending.clear()

    for mark in panel.marks:
        if isinstance(mark, Stroke):
            style = (mark.gray, mark.accent, mark.width)
            if not pending or pending[0] != style:
                flush()
                pending.extend([style, canvas.beginPath()])
            path = pending[1]
            path.moveTo(*mark.points[0])
            for point in mark.points[1:]:
                path.lineTo(*point)
            continue
        flush()
        if isinstance(mark, Disc):
            fill(mark.fill_gray, False)
            stroke(mark.line_gray, False)
            width(mark.line_width)
            canvas.drawPath(_circle(canvas, mark), stroke=1, fill=1)
            continue
        path = canvas.beginPath()
        path.moveTo(*mark.points[0])
        for point in mark.points[1:]:
            path.lineTo(*point)
        path.close()
        filled = mark.fill_gray is not None
        if filled:
            fill(mark.fill_gray or 0.0, mark.accent)
        stroke(mark.line_gray, mark.accent)
        width(mark.line_width)
        canvas.drawPath(path, stroke=1 if mark.line_width > 0 else 0, fill=1 if filled else 0)
    flush()
    canvas.restoreState()


def _circle(canvas: Any, disc: Disc) -> Any:
    """A circle as four Bezier quarters, to a thousandth of a unit (reportlab's own
    circle writes six decimals, a fifth of a picture's bytes)."""
    x, y, r = disc.x, disc.y, disc.radius
    k = r * 0.5523  # the control-point distance that makes a Bezier quarter round
    path = canvas.beginPath()
    path.moveTo(*_rounded(x + r, y, places=3))
    for (ax, ay), (bx, by), (cx, cy) in (
        ((x + r, y + k), (x + k, y + r), (x, y + r)),
        ((x - k, y + r), (x - r, y + k), (x - r, y)),
        ((x - r, y - k), (x - k, y - r), (x, y - r)),
        ((x + k, y - r), (x + r, y - k), (x + r, y)),
    ):
        path.curveTo(*_rounded(ax, ay, bx, by, cx, cy, places=3))
    path.close()
    return path


def _draw_marker(canvas: Any, marker: Marker) -> None:
    """A corner marker as filled squares: the black cells only (each row's runs of
    them as one rectangle), so it costs the ink of its black half and a few bytes."""
    cells = marker.cells
    inner = cells - 2
    rows = []
    for row in range(cells):
        if row in (0, cells - 1):
            rows.append([True] * cells)
            continue
        bits = [(marker.pattern >> (inner * inner - 1 - ((row - 1) * inner + col))) & 1 == 0
                for col in range(inner)]  # fmt: skip
        rows.append([True, *bits, True])
    _fill_cells(canvas, rows, marker.x, marker.y, marker.size / cells)


def _draw_code(canvas: Any, code: Code) -> None:
    """A QR code of `code.text` without a quiet zone (the white margin band is one)."""
    qrencoder = _qrencoder()
    encoder = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.L)
    encoder.addData(code.text)
    encoder.version = encoder.calculate_version()
    # Choosing the mask tries all eight (most of the time a code takes); a sheet's
    # codes differ only in the page number, so the mask chosen for its first page is
    # used on every page (any mask reads; the best only makes reading a little surer).
    encoder.makeImpl(False, _first_page_mask(code.text.rsplit("/", 1)[0] + "/1"))
    count = encoder.getModuleCount()
    rows = [[bool(encoder.isDark(row, col)) for col in range(count)] for row in range(count)]
    _fill_cells(canvas, rows, code.x, code.y, code.size / count)


@functools.lru_cache(maxsize=1)
def _qrencoder() -> Any:
    """reportlab's QR encoder module, loaded from its file on its own: importing it the
    usual way runs `reportlab.graphics.barcode`'s package file, which loads the
    graphics and platypus libraries (44 ms, a fifth of a sheet) for nothing."""
    import importlib.util
    import sys

    name = "reportlab.graphics.barcode.qrencoder"
    if name in sys.modules:
        return sys.modules[name]
    package = importlib.util.find_spec("reportlab.graphics.barcode")
    assert package is not None and package.submodule_search_locations is not None
    location = Path(package.submodule_search_locations[0]) / "qrencoder.py"
    spec = importlib.util.spec_from_file_location("makeplan_qrencoder", location)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.lru_cache(maxsize=64)
def _first_page_mask(text: str) -> int:
    """The QR mask pattern reportlab's encoder chooses for `text`."""
    qrencoder = _qrencoder()
    encoder = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.L)
    encoder.addData(text)
    encoder.version = encoder.calculate_version()
    return int(encoder.getBestMaskPattern())


def _fill_cells(canvas: Any, rows: list[list[bool]], x: float, y: float, cell: float) -> None:
    """Fill the dark cells of `rows` (the top row first) in a square at (x, y); drawn in
    cell units (each row's runs as one rectangle of small whole numbers: few bytes)."""
    canvas.saveState()
    canvas.translate(*_rounded(x, y))
    canvas.scale(round(cell, 4), round(cell, 4))
    path = canvas.beginPath()
    for number, row in enumerate(rows):
        col = 0
        while col < len(row):
            if not row[col]:
                col += 1
                continue
            end = col
            while end < len(row) and row[end]:
                end += 1
            path.rect(col, len(rows) - number - 1, end - col, 1)
            col = end
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


def _rounded(*values: float, places: int = 2) -> tuple[float, ...]:
    return tuple(round(value, places) for value in values)


def _attach(canvas: Any, attachments: Sequence[Attachment]) -> None:
    """Embed `attachments` as files: a name tree in the catalogue, and /AF (PDF 2.0)."""
    from reportlab.pdfbase.pdfdoc import (
        PDFArray,
        PDFDictionary,
        PDFName,
        PDFStream,
        PDFStreamFilterZCompress,
        PDFString,
    )

    document = canvas._doc
    names: list[Any] = []
    specs: list[Any] = []
    # A name tree's keys must be in order for viewers to find them.
    for attachment in sorted(attachments):
        stream = PDFStream(
            PDFDictionary(
                {
                    "Type": PDFName("EmbeddedFile"),
                    # A name cannot hold a "/": it is written as #2F.
                    "Subtype": PDFName(attachment.mime.replace("/", "#2F")),
                    "Params": PDFDictionary({"Size": len(attachment.data)}),
                }
            ),
            content=attachment.data,
            filters=[PDFStreamFilterZCompress()],
        )
        spec = PDFDictionary(
            {
                "Type": PDFName("Filespec"),
                "F": PDFString(attachment.name),
                "UF": PDFString(attachment.name),
                "Desc": PDFString(attachment.description),
                "AFRelationship": PDFName("Data"),
                "EF": PDFDictionary({"F": document.Reference(stream)}),
            }
        )
        reference = document.Reference(spec)
        names += [PDFString(attachment.name), reference]
        specs.append(reference)
    tree = PDFDictionary({"Names": PDFArray(names)})
    canvas.setCatalogEntry("Names", PDFDictionary({"EmbeddedFiles": tree}))
    canvas.setCatalogEntry("AF", PDFArray(specs))


def _add_pain_scale(
    canvas: Any, boxes: Sequence[ScaleBox], line: float, shared: dict[Any, Any]
) -> None:
    """One round's pain scale as one radio group: a field named for the round whose
    value is the number ticked, and a widget per number (ticking one clears the
    others; ticking it again clears it). No script is needed for any of that.

    The numbers are the widgets' "on" state names (/0 ... /10), so a viewer saves
    the number itself as the field's value, and `makeplan report` reads it there.
    """
    from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFString

    first = boxes[0]
    parent = PDFDictionary(
        {
            "FT": PDFName("Btn"),
            "Ff": 1 << 15,  # a radio group (and, without NoToggleToOff, one can untick)
            "T": PDFString(first.name),
            "TU": PDFString(first.question),
            "V": PDFName("Off"),
        }
    )
    reference = canvas.acroForm.getRef(parent)
    kids = []
    for box in boxes:
        on, off = _tick_appearances(canvas, box.size, line, shared)
        state = str(box.value)
        key = ("scale-appearance", round(box.size, 3), state)
        if key not in shared:
            appearance = PDFDictionary({"N": PDFDictionary({state: on, "Off": off})})
            shared[key] = canvas.acroForm.getRef(appearance)
        x, y = round(box.x, 2), round(box.y, 2)
        widget = PDFDictionary(
            {
                "Type": PDFName("Annot"),
                "Subtype": PDFName("Widget"),
                "F": 4,  # print
                "Parent": reference,
                "Rect": PDFArray([x, y, round(x + box.width, 2), round(y + box.size, 2)]),
                "Contents": PDFString(box.tooltip),  # what a screen reader says for this box
                "AS": PDFName("Off"),
                "AP": shared[key],
                "MK": shared["mark"],
            }
        )
        canvas._addAnnotation(widget)
        kids.append(canvas.acroForm.getRef(widget))
    parent["Kids"] = PDFArray(kids)
    canvas.acroForm.fields.append(reference)


def _add_widget(canvas: Any, box: Box, kind: str, entries: dict[str, Any]) -> None:
    """A form field of `kind` (Btn, Tx) over `box`: one widget, printed, with its name,
    its spoken description, and `entries`."""
    from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFString

    x, y = round(box.x, 2), round(box.y, 2)
    widget = PDFDictionary(
        {
            "Type": PDFName("Annot"),
            "Subtype": PDFName("Widget"),
            "FT": PDFName(kind),
            "F": 4,  # print
            "T": PDFString(box.name),
            "TU": PDFString(box.tooltip),
            "Rect": PDFArray([x, y, round(x + box.width, 2), round(y + box.size, 2)]),
            **entries,
        }
    )
    canvas._addAnnotation(widget)
    canvas.acroForm.fields.append(canvas.acroForm.getRef(widget))


def _tick_appearances(
    canvas: Any, size: float, line: float, shared: dict[Any, Any]
) -> tuple[Any, Any]:
    """The looks of a box of `size`, ticked and not (the outline the page draws, and
    the tick when on), made once per size and shared by tick boxes and scales."""
    from reportlab.lib.colors import black
    from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFString

    form = canvas.acroForm
    size = round(size, 3)
    key = ("tick-appearances", size)
    if key not in shared:
        look = {
            "buttonStyle": "check", "shape": "square", "fillColor": None,
            "borderColor": black, "textColor": black, "borderWidth": line,
            "borderStyle": "solid", "size": size,
        }  # fmt: skip
        streams = [form.getRef(form.checkboxAP("N", state, **look)) for state in ("Yes", "Off")]
        shared[key] = tuple(streams)
        shared["mark"] = form.getRef(PDFDictionary({"CA": PDFString("4")}))
    on, off = shared[key]
    return on, off


def _add_checkbox(canvas: Any, box: Box, line: float, shared: dict[Any, Any]) -> None:
    """A form checkbox over `box`, lean: a few keys and appearance streams shared by
    every box of the same size (reportlab's own checkbox writes about twice the bytes:
    down and rollover appearances, border style and colour dictionaries)."""
    from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName

    form = canvas.acroForm
    size = round(box.size, 3)
    if size not in shared:
        on, off = _tick_appearances(canvas, box.size, line, shared)
        # One appearance dictionary for all boxes of this size, written once and
        # referred to by each (a viewer ticking a box changes only its /AS and /V).
        shared[size] = form.getRef(PDFDictionary({"N": PDFDictionary({"Yes": on, "Off": off})}))
    _add_widget(
        canvas,
        box,
        "Btn",
        {
            "V": PDFName("Off"),
            "AS": PDFName("Off"),
            "AP": shared[size],
            "MK": shared["mark"],  # a tick, if a viewer redraws it
        },
    )


def _mark_page(canvas: Any, mark: str, date: dt.date, shared: dict[Any, Any]) -> None:
    """Puts the sheet's mark in the /PieceInfo of the page just made (one dictionary
    that every page refers to)."""
    from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFString

    if "piece-info" not in shared:
        data = {
            # Required beside an application's data: when it last changed.
            "LastModified": PDFString(f"D:{date:%Y%m%d}000000Z"),
            "Private": PDFDictionary({"Sheet": PDFString(mark)}),
        }
        shared["piece-info"] = canvas._doc.Reference(
            PDFDictionary({PIECE_INFO_KEY: PDFDictionary(data)})
        )
    canvas._doc.Pages.pages[-1].PieceInfo = shared["piece-info"]


class Attachment(NamedTuple):
    """A file carried inside the PDF (shown in a viewer's attachments panel)."""

    name: str
    data: bytes
    mime: str
    description: str


def render(
    document: Document,
    date: dt.date,
    fillable: bool,
    images: Mapping[str, Picture] | None = None,
    grayscale: bool = False,
    box_line: float = 0.9,
    attachments: Sequence[Attachment] = (),
    sheet_mark: str | None = None,
) -> bytes:
    """The PDF for `document`, dated `date`, with form checkboxes when `fillable`.

    `images` holds the encoded pictures that the document's `Image` items name;
    `attachments` are embedded as files; `sheet_mark`, when given, goes on every
    page (see sheetdata.PIECE_INFO_KEY).
    """
    from reportlab.lib.colors import black
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    readers = {
        key: ImageReader(io.BytesIO(picture.data)) for key, picture in (images or {}).items()
    }

    buffer = io.BytesIO()
    with writer_settings(date):
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
        canvas.setKeywords(document.keywords)
        if document.lang != "en":
            from reportlab.pdfbase.pdfdoc import PDFString

            canvas._doc.Catalog.Lang = PDFString(document.lang)  # /Lang, for screen readers
        if attachments:
            _attach(canvas, attachments)
        appearances: dict[Any, Any] = {}
        for page in document.pages:
            canvas.setStrokeColor(black)
            canvas.setFillColor(black)
            # Coordinates to a hundredth of a point (0.004 mm): the seven digits
            # reportlab writes otherwise cost bytes and show nothing.
            for frame in page.frames:
                canvas.setLineWidth(frame.line_width)
                canvas.rect(*_rounded(frame.x, frame.y, frame.width, frame.height))
            for rule in page.rules:
                canvas.setLineWidth(rule.width)
                canvas.line(*_rounded(rule.x1, rule.y1, rule.x2, rule.y2))
            canvas.setLineWidth(box_line)
            inset = box_line / 2
            for box in page.boxes:
                # Inset by half the line so the outline stays inside the box's own square.
                width, height = box.width - box_line, box.size - box_line
                canvas.rect(*_rounded(box.x + inset, box.y + inset, width, height))
            for drawing in page.drawings:
                draw_panel(canvas, drawing.panel, drawing.x, drawing.y, drawing.scale, grayscale)
            for image in page.images:
                # One embedded copy per picture however often it is drawn (reportlab
                # keys images by their content).
                canvas.drawImage(
                    readers[image.key], image.x, image.y, image.width, image.height, mask=None
                )
            canvas.setFillColor(black)
            font = None
            for text in page.texts:
                x = text.x
                line = visual(text.text) if document.rtl else text.text
                for name, part in _runs(line, text.font):
                    # reportlab writes a text object for every font change, so set it
                    # only when it changes.
                    if font != (name, text.size):
                        font = (name, text.size)
                        canvas.setFont(*font)
                    canvas.drawString(round(x, 2), round(text.y, 2), part)
                    x += text_width(part, name, text.size)
            for marker in page.markers:
                _draw_marker(canvas, marker)
            for code in page.codes:
                _draw_code(canvas, code)
            if fillable:
                scales: dict[str, list[ScaleBox]] = {}
                for box in page.boxes:
                    if isinstance(box, ScaleBox):
                        scales.setdefault(box.name, []).append(box)
                    else:
                        _add_checkbox(canvas, box, box_line, appearances)
                for group in scales.values():
                    _add_pain_scale(canvas, group, box_line, appearances)
            canvas.showPage()
            if sheet_mark is not None:
                _mark_page(canvas, sheet_mark, date, appearances)
        canvas.save()
        return buffer.getvalue()

"""Reads a sheet that came back: its attached files, its form's values, its pages' marks.

This module owns what pypdf is asked about a returned sheet: `read_returned`
gives the attachments asked for, the value and appearance states of every
form field (by full name, whatever the viewer that saved it), how many
widgets each field has, and the makeplan sheet mark of each page with
widgets. What those mean (ticked or not, one sheet or two) is the report's
business (makeplan.report.adherence).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from makeplan.pdfs.opening import open_pdf
from makeplan.sheetdata import PIECE_INFO_KEY

if TYPE_CHECKING:
    from pypdf import PdfReader


class ReturnedSheet(NamedTuple):
    """What a sheet that came back holds: its attached files and its form's values.

    `widgets` counts the widgets of each field (makeplan draws one per field, so
    more means boxes of two sheets in one file); `page_marks` is the sheet mark
    of each page that has widgets (None where a page has none: an older sheet,
    or a cover).
    """

    attachments: dict[str, bytes]
    values: dict[str, FieldValue]
    creator: str
    widgets: dict[str, int]
    page_marks: tuple[str | None, ...]


class FieldValue(NamedTuple):
    """A form field's value (/V) and its widgets' appearance states (/AS), as text."""

    value: str | None
    states: tuple[str, ...]


def read_returned(path: Path, wanted: Collection[str]) -> ReturnedSheet:
    """The attachments named `wanted` and the field values of a sheet sent back.

    Other attachments are not decoded (a hostile one could be a zip bomb).
    """
    where = str(path)
    result: list[ReturnedSheet] = []

    def read(reader: PdfReader) -> None:
        files = reader.attachments  # decodes a file only when it is looked up
        attachments = {name: files[name][0] for name in wanted if name in files}
        metadata: Any = reader.metadata or {}
        creator = str(metadata.get("/Creator", ""))
        values, widgets, marks = _field_values(reader)
        result.append(ReturnedSheet(attachments, values, creator, widgets, marks))

    open_pdf(path, where, None, read, "open it, save a copy without the password, and give that")
    return result[0]


def _field_values(
    reader: PdfReader,
) -> tuple[dict[str, FieldValue], dict[str, int], tuple[str | None, ...]]:
    """Every field with a widget on a page, by its full name (parent.kid); how many
    widgets each has; and the sheet mark of each page with widgets.

    Read from the widgets, not the form's field list: some tools drop the list
    but keep the widgets and their values, and a box on no page cannot be ticked.
    """
    from pypdf.generic import ArrayObject, DictionaryObject

    values: dict[str, Any] = {}
    states: dict[str, list[str]] = {}
    widgets: Counter[str] = Counter()
    marks: list[str | None] = []
    for page in reader.pages:
        annots = page.get("/Annots")
        annots = annots.get_object() if annots is not None else None
        if isinstance(annots, ArrayObject) and annots:
            marks.append(_sheet_mark(page))
        for annot in annots if isinstance(annots, ArrayObject) else []:
            widget = annot.get_object()
            if not isinstance(widget, DictionaryObject) or widget.get("/Subtype") != "/Widget":
                continue
            names: list[str] = []
            value: Any = None
            node: Any = widget
            seen: set[int] = set()
            # Up the /Parent chain (a damaged file may loop): the full name, and the
            # nearest value, which kids inherit.
            while isinstance(node, DictionaryObject) and id(node) not in seen and len(seen) < 64:
                seen.add(id(node))
                if "/T" in node:
                    names.append(str(node["/T"]))
                if value is None and "/V" in node:
                    value = node["/V"]
                parent = node.get("/Parent")
                node = parent.get_object() if parent is not None else None
            full = ".".join(reversed(names))
            if not full:
                continue
            values.setdefault(full, value)
            states.setdefault(full, [])
            widgets[full] += 1
            if "/AS" in widget:
                states[full].append(str(widget["/AS"]))
    found = {
        name: FieldValue(None if value is None else str(value), tuple(states[name]))
        for name, value in values.items()
    }
    return found, dict(widgets), tuple(marks)


def _sheet_mark(page: Any) -> str | None:
    """The makeplan sheet mark on `page`, or None."""
    from pypdf.generic import DictionaryObject

    node: Any = page
    for key in ("/PieceInfo", f"/{PIECE_INFO_KEY}", "/Private", "/Sheet"):
        node = node.get(key) if isinstance(node, DictionaryObject) else None
        node = node.get_object() if node is not None else None
    return str(node) if node is not None else None

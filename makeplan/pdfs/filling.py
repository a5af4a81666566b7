"""Fills a sheet's form with values read from paper: the one place a sheet's form is written.

Each tick box read as ticked gets the value and appearance a viewer gives it
(/Yes); each pain scale read as one number gets that number, as a viewer
saves a radio group (the parent's /V, the kid's /AS). A box or scale read as
unclear is left as it is and gets a highlight a viewer shows but does not
print (an amber square annotation without the print flag, saying what to
check), so a clinician sees where to look. The result is an ordinary
returned sheet: `makeplan report` reads it unchanged.
"""

from __future__ import annotations

import io
from collections.abc import Collection, Mapping
from typing import Any

AMBER = (1.0, 0.6, 0.0)
UNCLEAR_NOTE = "makeplan read: unclear on the paper; check it and tick it here if it was ticked"


def filled_sheet(
    original: bytes,
    ticks: Collection[str],
    pains: Mapping[str, int],
    unclear: Collection[str],
) -> bytes:
    """`original` with the fields named in `ticks` ticked, each pain scale in `pains` set
    to its number, and the fields in `unclear` highlighted on screen."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        FloatObject,
        NameObject,
        NumberObject,
        TextStringObject,
    )

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(original)))
    for page in writer.pages:
        annots = page.get("/Annots")
        annots = annots.get_object() if annots is not None else None
        if not isinstance(annots, ArrayObject):
            continue
        added: list[Any] = []
        for reference in list(annots):
            widget = reference.get_object()
            if not isinstance(widget, DictionaryObject) or widget.get("/Subtype") != "/Widget":
                continue
            parent = widget.get("/Parent")
            field = parent.get_object() if parent is not None else widget
            name = str(field.get("/T", ""))
            if name in ticks and parent is None:
                field[NameObject("/V")] = NameObject("/Yes")
                widget[NameObject("/AS")] = NameObject("/Yes")
            elif name in pains and parent is not None:
                state = f"/{pains[name]}"
                normal = widget.get("/AP", {}).get_object().get("/N", {}).get_object()
                if state in normal:
                    field[NameObject("/V")] = NameObject(state)
                    widget[NameObject("/AS")] = NameObject(state)
            if name in unclear:
                corners: Any = widget["/Rect"].get_object()
                rect = [float(value) for value in corners]
                note = DictionaryObject(
                    {
                        NameObject("/Type"): NameObject("/Annot"),
                        NameObject("/Subtype"): NameObject("/Square"),
                        NameObject("/Rect"): ArrayObject(
                            FloatObject(round(value + offset, 2))
                            for value, offset in zip(rect, (-1.5, -1.5, 1.5, 1.5), strict=True)
                        ),
                        NameObject("/C"): ArrayObject(FloatObject(part) for part in AMBER),
                        NameObject("/BS"): DictionaryObject({NameObject("/W"): NumberObject(2)}),
                        NameObject("/F"): NumberObject(0),  # shown on screen, never printed
                        NameObject("/Contents"): TextStringObject(f"{UNCLEAR_NOTE} ({name})"),
                    }
                )
                added.append(writer._add_object(note))
        for note in added:
            annots.append(note)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()

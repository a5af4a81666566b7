"""The main job, as a list of steps: options in, a PDF file out.

Each step calls the module that owns it; heavy libraries (reportlab, pypdf)
are imported inside those steps, so commands that do not build stay fast.
"""

from __future__ import annotations

import os

from makeplan.catalogue import load_catalogue
from makeplan.errors import OutputError
from makeplan.fonts import unprintable
from makeplan.layouts import load_layout
from makeplan.model import Options
from makeplan.output import STDOUT, check_writable, write_output
from makeplan.selection import select


def build_pdf(options: Options) -> bytes:
    """Everything but the writing: the finished PDF as bytes."""
    from makeplan import covers, geometry, render

    plan = select(load_catalogue(), options)
    layout = load_layout(options.layout)
    cover_readers = covers.open_covers(options.covers)
    document = geometry.place(plan, layout, options.paper, render.text_width)
    sheet = render.render(document, plan.date, fillable=options.fillable)
    return covers.merge_covers(sheet, cover_readers)


def build(options: Options) -> list[str]:
    """Check the output can be written, make the PDF, then write it atomically.

    Returns warnings for the user: things that worked, but not quite as asked.
    """
    check_writable(options.output)
    _refuse_overwriting_a_cover(options)
    write_output(options.output, build_pdf(options))
    return text_warnings(options)


def text_warnings(options: Options) -> list[str]:
    missing = unprintable((options.patient, options.clinician, options.notes))
    if not missing:
        return []
    shown = " ".join(missing[:20]) + (" ..." if len(missing) > 20 else "")
    return [
        f"the sheet's font cannot show these characters, so they print as empty boxes: "
        f"{shown}; write the name in Latin letters for now."
    ]


def _refuse_overwriting_a_cover(options: Options) -> None:
    if options.output == STDOUT:
        return
    # realpath, not Path.resolve: it does not raise on a symlink loop (open_cover reports that).
    target = os.path.realpath(options.output)
    for cover in options.covers:
        if os.path.realpath(cover) == target:
            raise OutputError(
                f"-o/--output {options.output} is also a --cover; write the sheet to another file."
            )

"""The main job, as a list of steps: options in, a PDF file out.

Each step calls the module that owns it; heavy libraries (reportlab, pypdf)
are imported inside those steps, so commands that do not build stay fast.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from makeplan.catalogue import load_catalogue
from makeplan.errors import OutputError
from makeplan.fonts import unprintable
from makeplan.layouts import MM, Layout, load_layout
from makeplan.model import Options, Plan
from makeplan.output import STDOUT, check_writable, write_output
from makeplan.poses import Pictogram, packaged_pictogram
from makeplan.selection import select

if TYPE_CHECKING:
    from makeplan.images import Picture


def build_pdf(options: Options) -> tuple[bytes, list[str]]:
    """Everything but the writing: the finished PDF as bytes, and warnings for the user."""
    from makeplan import covers, geometry, render

    layout = load_layout(options.layout)
    if options.days is None:
        options = replace(options, days=layout.default_days or 1)
    plan = select(load_catalogue(), options)
    cover_readers = covers.open_covers(options.covers)
    pictures = {}
    if options.logo is not None:
        pictures["logo"] = _load_logo(options.logo, layout, options.grayscale)
    artwork = geometry.Artwork(
        pictograms=pictograms_for(plan),
        logo_aspect=pictures["logo"].aspect if pictures else None,
    )
    document = geometry.place(
        plan, layout, options.paper, render.text_width, artwork, options.title_page
    )
    sheet = render.render(
        document,
        plan.date,
        fillable=options.fillable,
        images=pictures,
        grayscale=options.grayscale,
        box_line=layout.box_line_pt,
    )
    return covers.merge_covers(sheet, cover_readers), list(document.warnings)


def pictograms_for(plan: Plan) -> dict[str, Pictogram]:
    """The packaged pictogram of each planned exercise that has one."""
    found = {}
    for item in plan.exercises:
        picture = packaged_pictogram(item.exercise.id)
        if picture is not None:
            found[item.exercise.id] = picture
    return found


def _load_logo(path: Path, layout: Layout, grayscale: bool) -> Picture:
    from makeplan.images import load_picture

    # Prepared once for the largest place it prints (the title page), reused in headers.
    largest = max(layout.logo_height_mm, layout.title_logo_height_mm) * MM
    return load_picture(path, "--logo", largest * 4, largest, grayscale)


def build(options: Options) -> list[str]:
    """Check the output can be written, make the PDF, then write it atomically.

    Returns warnings for the user: things that worked, but not quite as asked.
    """
    check_writable(options.output)
    _refuse_overwriting_a_cover(options)
    pdf, warnings = build_pdf(options)
    write_output(options.output, pdf)
    return warnings + text_warnings(options)


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

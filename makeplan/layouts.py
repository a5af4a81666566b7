"""Loads layout files into a frozen, validated `Layout`.

A layout is a TOML file: page margins, font sizes, box sizes and what each
exercise block shows. Packaged layouts live in `layouts/` (inside the wheel
as `makeplan/layouts/`); `--layout` also takes a path to a file of one's own.
A layout may start from another with `extends = "NAME"` and change only what
differs; every key is checked and an unknown one is an error naming the file.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from makeplan.errors import DataError, InputFileError, UsageError
from makeplan.schema import Table, load_toml, read_toml_file
from makeplan.vocabulary import DAYS

MM = 72 / 25.4  # points per millimetre
MIN_BOX_MM = 4.0  # the smallest box a pen can tick reliably
MIN_TEXT_PT = 8.0  # nothing on a sheet is printed smaller
# How an exercise is laid out: text beside its boxes (one page), text above its
# boxes (handouts), or a row of a table with a column per day (a week on a sheet).
ARRANGEMENTS = ("side-by-side", "stacked", "week-table")


@dataclass(frozen=True)
class Layout:
    """Everything that decides how a plan is placed on paper."""

    name: str
    description: str
    single_page: bool
    orientation: str
    margin_mm: float
    font: str
    bold_font: str
    title_pt: float
    heading_pt: float
    body_pt: float
    label_pt: float
    min_pt: float
    line_spacing: float
    arrangement: str
    text_fraction: float
    show_cue: bool
    show_steps: bool
    show_details: bool
    show_cautions: bool
    block_gap_mm: float
    safety_style: str
    page_numbers: bool
    notes_area: bool
    box_mm: float
    min_box_mm: float
    box_gap_mm: float
    box_line_pt: float
    title_page: bool
    default_days: int | None
    pictures: bool
    picture_width_mm: float
    picture_captions: bool
    picture_frames: str
    picture_height_mm: float
    logo_height_mm: float
    title_logo_height_mm: float


def _packaged_folder() -> Any:
    folder = resources.files("makeplan") / "layouts"
    if not folder.is_dir():
        # The layouts live at the top of the source tree and are put into the
        # package when it is built: `python -m makeplan` run inside a clone
        # finds the source package, which has no copy of them.
        raise DataError(
            "makeplan's layout files are missing from the package it was started from; "
            "run the installed 'makeplan' command (pip install .), not 'python -m makeplan' "
            "inside the source folder."
        )
    return folder


def packaged_layout_names() -> list[str]:
    return sorted(
        entry.name.removesuffix(".toml")
        for entry in _packaged_folder().iterdir()
        if entry.name.endswith(".toml")
    )


def is_layout_path(reference: str) -> bool:
    return reference.endswith(".toml") or "/" in reference or "\\" in reference


def _raw_layout(
    reference: str, seen: tuple[str, ...] = (), named_by: str = "--layout"
) -> tuple[dict[str, Any], str]:
    """The merged key/value table for a layout name or path, parents applied first."""
    if is_layout_path(reference):
        path = Path(reference)
        try:
            found = path.is_file()
        except OSError as exc:
            raise InputFileError(
                f"{named_by} {reference}: cannot be read ({exc.strerror})."
            ) from None
        if not found:
            raise InputFileError(
                f"{named_by} {reference}: no such layout file; give a .toml file or one of: "
                f"{', '.join(packaged_layout_names())}."
            )
        try:
            data = read_toml_file(path)
        except DataError as exc:
            raise InputFileError(f"Layout {exc.message}") from None
        origin = str(path)
    else:
        names = packaged_layout_names()
        if reference not in names:
            close = difflib.get_close_matches(reference, names, n=1)
            hint = f"did you mean {close[0]}? " if close else ""
            # A name typed on the command line is a bad option value; one in a file, bad input.
            error = UsageError if named_by == "--layout" else InputFileError
            raise error(
                f"{named_by} {reference!r} is not a packaged layout; {hint}"
                f"choose one of: {', '.join(names)}, or give a path to a .toml file."
            )
        path = None
        origin = f"layouts/{reference}.toml"
        data = load_toml((_packaged_folder() / f"{reference}.toml").read_bytes(), origin)
    parent = data.pop("extends", None)
    if parent is None:
        return data, origin
    if not isinstance(parent, str) or not parent.strip():
        raise InputFileError(f"{origin}: extends must name another layout or a .toml file.")
    if is_layout_path(parent) and path is not None:
        # A parent file is found next to the file that names it, not in the current folder.
        parent = str(path.parent / parent)
    identity = _identity(reference)
    if _identity(parent) in (*seen, identity):
        raise InputFileError(f"{origin}: extends {parent!r} makes a loop; break the chain.")
    base, _ = _raw_layout(parent, (*seen, identity), named_by=f"{origin}: extends")
    return _merge(base, data), origin


def _identity(reference: str) -> str:
    """One spelling per layout, so a loop through '../' or './' is still seen as a loop."""
    return os.path.realpath(reference) if is_layout_path(reference) else reference


def _merge(base: dict[str, Any], top: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in top.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def load_layout(reference: str, named_by: str = "--layout") -> Layout:
    """Load, merge and validate a layout by packaged name or file path.

    `named_by` is where the reference was written, for messages.
    """
    data, origin = _raw_layout(reference, named_by=named_by)
    try:
        return _parse(data, origin, reference)
    except DataError as exc:
        # A user's own layout file is input, not a broken installation.
        raise InputFileError(f"Layout {exc.message}") from None


def _parse(data: dict[str, Any], origin: str, reference: str) -> Layout:
    top = Table(data, origin)
    page = top.table("page")
    text = top.table("text")
    block = top.table("exercise")
    boxes = top.table("boxes")
    picture = top.table("picture")
    logo = top.table("logo")
    fonts = ("Helvetica", "Times-Roman", "Courier")
    bold_fonts = ("Helvetica-Bold", "Times-Bold", "Courier-Bold")
    layout = Layout(
        name=top.text("name", Path(reference).stem, required=False),
        description=top.text("description", "A makeplan layout.", required=False),
        single_page=top.boolean("single_page", False),
        orientation=page.choice("orientation", ("portrait", "landscape"), "portrait"),
        margin_mm=page.number("margin_mm", 5, 40, 15),
        font=text.choice("font", fonts, "Helvetica"),
        bold_font=text.choice("bold_font", bold_fonts, "Helvetica-Bold"),
        title_pt=text.number("title_pt", MIN_TEXT_PT, 48, 20),
        heading_pt=text.number("heading_pt", MIN_TEXT_PT, 36, 14),
        body_pt=text.number("body_pt", MIN_TEXT_PT, 32, 11),
        label_pt=text.number("label_pt", MIN_TEXT_PT, 32, 9),
        min_pt=text.number("min_pt", MIN_TEXT_PT, 32, MIN_TEXT_PT),
        line_spacing=text.number("line_spacing", 1.1, 2.5, 1.3),
        arrangement=block.choice("arrangement", ARRANGEMENTS, "stacked"),
        text_fraction=block.number("text_fraction", 0.1, 0.7, 0.45),
        show_cue=block.boolean("show_cue", True),
        show_steps=block.boolean("show_steps", True),
        show_details=block.boolean("show_details", True),
        show_cautions=block.boolean("show_cautions", True),
        block_gap_mm=block.number("gap_mm", 0, 30, 5),
        safety_style=top.choice("safety_style", ("list", "paragraph"), "list"),
        page_numbers=top.boolean("page_numbers", True),
        notes_area=top.boolean("notes_area", True),
        box_mm=boxes.number("size_mm", MIN_BOX_MM, 20, 6),
        min_box_mm=boxes.number("min_size_mm", MIN_BOX_MM, 20, MIN_BOX_MM),
        box_gap_mm=boxes.number("gap_mm", 0.5, 10, 1.5),
        box_line_pt=boxes.number("line_pt", 0.5, 3, 0.9),
        title_page=top.boolean("title_page", False),
        default_days=top.integer("default_days", *DAYS) if "default_days" in data else None,
        pictures=picture.boolean("show", True),
        picture_width_mm=picture.number("width_mm", 15, 150, 40),
        picture_captions=picture.boolean("captions", True),
        picture_frames=picture.choice("frames", ("all", "key"), "all"),
        picture_height_mm=picture.number("height_mm", 8, 120, 45),
        logo_height_mm=logo.number("height_mm", 5, 40, 12),
        title_logo_height_mm=logo.number("title_page_height_mm", 10, 120, 35),
    )
    for table in (page, text, block, boxes, picture, logo, top):
        table.finish()
    for key in ("title_pt", "heading_pt", "body_pt", "label_pt"):
        if getattr(layout, key) < layout.min_pt:
            raise top.fail(f"text.{key}", f"is below text.min_pt ({layout.min_pt:g}); raise it.")
    if layout.box_mm < layout.min_box_mm:
        raise top.fail("boxes.size_mm", "is below boxes.min_size_mm; raise it.")
    return layout

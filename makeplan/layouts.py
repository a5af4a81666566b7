"""Loads layout files into a frozen, validated `Layout`.

A layout is a TOML file: page margins, font sizes, box sizes and what each
exercise block shows. Packaged layouts live in `layouts/` (inside the wheel
as `makeplan/layouts/`); `--layout` also takes a path to a file of one's own.
A layout may start from another with `extends = "NAME"` and change only what
differs. `schemas/layout.schema.json` is the one list of keys, ranges and
defaults. A user's file, and each file it extends, is checked against it the
way plan files are (`validation`), with the two rules a schema cannot say
added (no text below text.min_pt, no box below boxes.min_size_mm), and every
problem is reported with its line. The packaged layouts are checked against
the schema by the tests, so at run time they are read without jsonschema.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from makeplan.errors import (
    DataError,
    InputFileError,
    MakeplanError,
    Problem,
    ProblemsError,
    UsageError,
)
from makeplan.geometry import MM as MM  # points per millimetre, for the layout's users
from makeplan.geometry import arrangement_names
from makeplan.inputs import read_input
from makeplan.schema import load_toml
from makeplan.tomllines import Path as KeyPath
from makeplan.tomllines import line_of
from makeplan.validation import check, expected_at, field_name, parse, schema

MIN_BOX_MM = 4.0  # the smallest box a pen can tick reliably
MIN_TEXT_PT = 8.0  # nothing on a sheet is printed smaller
# How an exercise is laid out: text beside its boxes (one page), text above its
# boxes (handouts), or a row of a table with a column per day (a week on a sheet);
# one module each in makeplan/geometry/arrangements/.
ARRANGEMENTS = arrangement_names()


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
    max_scale: float
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


# Where each `Layout` field is written in a layout file. A key left out takes
# its "default" from the schema (default_days has none: the sheet's own days).
KEYS: dict[str, KeyPath] = {
    "name": ("name",),
    "description": ("description",),
    "single_page": ("single_page",),
    "orientation": ("page", "orientation"),
    "margin_mm": ("page", "margin_mm"),
    "font": ("text", "font"),
    "bold_font": ("text", "bold_font"),
    "title_pt": ("text", "title_pt"),
    "heading_pt": ("text", "heading_pt"),
    "body_pt": ("text", "body_pt"),
    "label_pt": ("text", "label_pt"),
    "min_pt": ("text", "min_pt"),
    "line_spacing": ("text", "line_spacing"),
    "max_scale": ("text", "max_scale"),
    "arrangement": ("exercise", "arrangement"),
    "text_fraction": ("exercise", "text_fraction"),
    "show_cue": ("exercise", "show_cue"),
    "show_steps": ("exercise", "show_steps"),
    "show_details": ("exercise", "show_details"),
    "show_cautions": ("exercise", "show_cautions"),
    "block_gap_mm": ("exercise", "gap_mm"),
    "safety_style": ("safety_style",),
    "page_numbers": ("page_numbers",),
    "notes_area": ("notes_area",),
    "box_mm": ("boxes", "size_mm"),
    "min_box_mm": ("boxes", "min_size_mm"),
    "box_gap_mm": ("boxes", "gap_mm"),
    "box_line_pt": ("boxes", "line_pt"),
    "title_page": ("title_page",),
    "default_days": ("default_days",),
    "pictures": ("picture", "show"),
    "picture_width_mm": ("picture", "width_mm"),
    "picture_captions": ("picture", "captions"),
    "picture_frames": ("picture", "frames"),
    "picture_height_mm": ("picture", "height_mm"),
    "logo_height_mm": ("logo", "height_mm"),
    "title_logo_height_mm": ("logo", "title_page_height_mm"),
}
# What a JSON Schema cannot compare: each size must not be below its floor.
AT_LEAST: tuple[tuple[KeyPath, KeyPath], ...] = (
    (("text", "title_pt"), ("text", "min_pt")),
    (("text", "heading_pt"), ("text", "min_pt")),
    (("text", "body_pt"), ("text", "min_pt")),
    (("text", "label_pt"), ("text", "min_pt")),
    (("boxes", "size_mm"), ("boxes", "min_size_mm")),
)


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


def load_layout(reference: str, named_by: str = "--layout") -> Layout:
    """Load, merge and validate a layout by packaged name or file path.

    `named_by` is where the reference was written, for messages. A user's file
    with problems raises a `ProblemsError` listing every one, with its line.
    """
    if not is_layout_path(reference):
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
        return _layout(_packaged_values(reference), reference)
    path = Path(reference)
    try:
        found = path.is_file()
    except OSError as exc:
        raise InputFileError(f"{named_by} {reference}: cannot be read ({exc.strerror}).") from None
    if not found:
        raise InputFileError(
            f"{named_by} {reference}: no such layout file; give a .toml file or one of: "
            f"{', '.join(packaged_layout_names())}."
        )
    try:
        raw = read_input(path, str(path), "a .toml file", DataError)
    except DataError as exc:
        raise InputFileError(f"Layout {exc.message}") from None
    values, problems = _user_values(path, raw)
    if problems:
        raise ProblemsError(reference, problems)
    return _layout(values, reference)


def layout_problems(path: Path, raw: bytes) -> list[Problem]:
    """Every problem in a user's layout file `path` (content `raw`) and the files it extends."""
    return _user_values(path, raw)[1]


# --- the packaged layouts: trusted, as the tests check them against the schema ---


def _packaged_values(name: str, seen: tuple[str, ...] = ()) -> dict[str, Any]:
    """A packaged layout's keys over those of the layouts it extends."""
    origin = f"layouts/{name}.toml"
    data = load_toml((_packaged_folder() / f"{name}.toml").read_bytes(), origin)
    parent = data.pop("extends", None)
    if parent is None:
        return data
    if parent in (*seen, name) or parent not in packaged_layout_names():
        raise DataError(f"{origin}: extends {parent!r}, not another packaged layout.")
    return _merge(_packaged_values(parent, (*seen, name)), data)


# --- a user's layout files: every problem, with its line ---


@dataclass(frozen=True)
class _Written:
    """One of a user's layout files as read: its keys and the line each is written on."""

    origin: str
    data: Mapping[str, Any]
    lines: Mapping[KeyPath, int]


# A layout file's keys over those of what it extends (None when some of that could
# not be read), the user's files read (that file first), and their problems.
_Read = tuple[dict[str, Any] | None, list[_Written], list[Problem]]


def _user_values(path: Path, raw: bytes) -> tuple[dict[str, Any], list[Problem]]:
    """A user's layout merged over what it extends, and every problem in its files.

    Problems come file by file (this file first, then each it extends), by line.
    """
    values, chain, problems = _read_chain(path, raw, ())
    if values is not None:
        # Sizes are compared only when every file of the chain could be read.
        problems += _floor_problems(values, chain, problems)
    order = {written.origin: index for index, written in enumerate(chain)}
    problems.sort(key=lambda p: (order.get(p.file, len(order)), p.line, p.field, p.message))
    return values or {}, problems


def _read_chain(path: Path, raw: bytes, seen: tuple[str, ...]) -> _Read:
    """One of the user's layout files, and what it extends."""
    origin = str(path)
    data, lines, problems = parse(raw, origin)
    if data is None:
        return None, [], problems
    problems += check(data, "layout", origin, lines)
    chain = [_Written(origin, data, lines)]
    own = {key: value for key, value in data.items() if key != "extends"}
    if "extends" not in data:
        return own, chain, problems
    parent = data["extends"]
    if not isinstance(parent, str) or not parent.strip():
        return None, chain, problems  # a wrong extends is already a problem of the schema
    at = Problem(origin, line_of(lines, ("extends",)), "extends", "")
    seen = (*seen, os.path.realpath(path))
    base, parents, found = _read_parent(parent.strip(), path, at, seen)
    merged = None if base is None else _merge(base, own)
    return merged, chain + parents, problems + found


def _read_parent(reference: str, child: Path, at: Problem, seen: tuple[str, ...]) -> _Read:
    """What `extends = reference` in `child` brings; a parent that cannot be used is a
    problem at the extends line (`at`)."""

    def problem(message: str) -> _Read:
        return None, [], [at._replace(message=message)]

    expected = expected_at("layout", ("extends",))
    if not is_layout_path(reference):
        names = packaged_layout_names()
        if reference in names:
            return _packaged_values(reference), [], []
        close = difflib.get_close_matches(reference, names, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return problem(f"is {reference!r}, not a packaged layout{hint}; expected {expected}.")
    # A parent file is found next to the file that names it, not in the current folder.
    path = child.parent / reference
    if os.path.realpath(path) in seen:
        return problem(
            f"is {reference!r}, which leads back to {path}: a loop; expected a layout "
            "that does not lead back to this one."
        )
    if not path.is_file():
        what = "is a folder" if path.is_dir() else "is not found"
        return problem(f"{path} {what}; expected {expected}.")
    try:
        raw = read_input(path, str(path), "a layout .toml file", InputFileError)
    except MakeplanError as exc:
        return problem(exc.message)
    return _read_chain(path, raw, seen)


def _floor_problems(
    values: Mapping[str, Any], chain: Sequence[_Written], found: Sequence[Problem]
) -> list[Problem]:
    """Sizes below their floor (text.min_pt, boxes.min_size_mm), each told in the
    nearest file that sets one of the two (a file's own problem there comes first)."""
    told = {(problem.file, problem.field) for problem in found}
    problems: list[Problem] = []
    for key, floor_key in AT_LEAST:
        value, floor = _value(values, key), _value(values, floor_key)
        if not (_is_number(value) and _is_number(floor)) or value >= floor:
            continue
        written = next((w for w in chain if key in w.lines or floor_key in w.lines), None)
        if written is None:
            continue
        name, floor_name = field_name(key), field_name(floor_key)
        if (written.origin, name) in told or (written.origin, floor_name) in told:
            continue
        if key in written.lines:
            line = written.lines[key]
            problem = Problem(
                written.origin,
                line,
                name,
                f"is {value:g}, below {floor_name} ({floor:g}); expected at least {floor:g}.",
            )
        else:
            problem = Problem(
                written.origin,
                written.lines[floor_key],
                floor_name,
                f"is {floor:g}, above {name} ({value:g}); expected at most {value:g}.",
            )
        problems.append(problem)
    return problems


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


# --- from checked keys to a Layout ---


@cache
def _defaults() -> dict[KeyPath, Any]:
    """Every key's default, from the schema."""
    found: dict[KeyPath, Any] = {}

    def walk(node: Mapping[str, Any], path: KeyPath) -> None:
        for key, item in node.get("properties", {}).items():
            if "default" in item:
                found[(*path, key)] = item["default"]
            walk(item, (*path, key))

    walk(schema("layout"), ())
    return found


def _value(values: Mapping[str, Any], key: KeyPath) -> Any:
    """The value at `key`, or its default when the layout leaves it out."""
    node: Any = values
    for part in key:
        if not isinstance(node, Mapping) or part not in node:
            return _defaults().get(key)
        node = node[part]
    return node


def _layout(values: Mapping[str, Any], reference: str) -> Layout:
    """The `Layout` of keys that have passed the schema."""
    fields: dict[str, Any] = {}
    for field in dataclasses.fields(Layout):
        value = _value(values, KEYS[field.name])
        if field.name == "name" and value is None:
            value = Path(reference).stem
        if field.type == "float":
            value = float(value)
        elif field.type == "str":
            value = value.strip()
        fields[field.name] = value
    return Layout(**fields)


def _merge(base: dict[str, Any], top: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in top.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged

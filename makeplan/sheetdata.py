"""What travels inside every sheet: the plan file, and a record of its form fields.

Two files are attached to every PDF makeplan writes:

- `makeplan-plan.toml`: the plan, exactly as `makeplan plan` writes it, so
  `makeplan plan --from` and `makeplan build --from` get the programme back;
- `makeplan-sheet.json`: the makeplan version, the sheet's date and days,
  each exercise's dose, and the box layout: the rules that name each tick
  field after its exercise, day, session, side and rep, and each pain field
  after its day and session (its round), and how pain is asked.

Pain is asked as a 0-10 scale per round since record version 2 (a radio
group whose value is the number ticked); version 1 sheets asked for a number
written in, per exercise and round (the week: per round), and are still read.

Since version 3 the record also says where every box is printed (page size,
and per page the boxes in runs: first box, count, x, y, step, size, in PDF
points), and how big the reading marks are, so a photo or scan of the paper
is read from the original PDF alone (makeplan.scan). Boxes are numbered: the
tick fields in the record's order, then each pain field's 11 boxes (0 to 10).

This module writes the record and reads it back, checking every value, so a
returned sheet is read from its own record and never from guesses.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import string
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from makeplan import __version__
from makeplan.errors import InputFileError
from makeplan.fields import (
    PAIN_HIGHEST,
    PAIN_LOWEST,
    ROUND_PAIN_TEMPLATE,
    TICK_TEMPLATE,
    PainField,
    TickField,
)
from makeplan.model import Plan

if TYPE_CHECKING:
    from makeplan.geometry import Document
from makeplan.vocabulary import DAYS, HOLD_SECONDS, REPS, SESSIONS_PER_DAY, SIDE_NAMES

PLAN_ATTACHMENT = "makeplan-plan.toml"
RECORD_ATTACHMENT = "makeplan-sheet.json"
RECORD_FORMAT = "makeplan-sheet"
RECORD_VERSION = 3
# The first version whose sheets carry reading marks and box positions.
MARKED_VERSION = 3
# How a sheet asks for pain: the 0-10 scale (version 2), or a number written in.
PAIN_SCALE, PAIN_WRITTEN = "scale", "write-in"
# Each page of a fillable sheet carries the mark of the sheet it belongs to, in
# /PieceInfo (PDF's place for an application's own data on a page, kept by PDF
# tools when they copy pages: pypdf's merge and append, qpdf --pages), so a
# returned file that holds pages of two sheets is found, not read as one.
PIECE_INFO_KEY = "Makeplan"


def sheet_mark(record: bytes) -> str:
    """The mark of the sheet whose record is `record`: the same sheet, the same mark."""
    return hashlib.sha256(record).hexdigest()[:20]


@dataclass(frozen=True)
class ExerciseDose:
    id: str
    name: str
    reps: int
    sides: int
    hold_seconds: int
    sessions_per_day: int

    @property
    def boxes_per_session(self) -> int:
        return self.reps * self.sides


class PlacedBox(NamedTuple):
    """A printed box: the field it stands for, the pain value it answers (None for a
    tick box), and its square in page points (lower-left corner, size)."""

    field: str
    value: int | None
    x: float
    y: float
    size: float


@dataclass(frozen=True)
class Paper:
    """Where a version 3 sheet prints its boxes and reading marks."""

    width: float
    height: float
    mark_size: float
    mark_inset: float
    line: float  # the width of a box's printed outline, inside its square
    pages: tuple[tuple[PlacedBox, ...], ...]


@dataclass(frozen=True)
class SheetRecord:
    """A sheet's own account of itself, read from its attachment."""

    makeplan_version: str
    date: dt.date
    days: int
    patient: str | None
    layout: str
    fillable: bool
    exercises: tuple[ExerciseDose, ...]
    ticks: tuple[TickField, ...]
    pains: tuple[PainField, ...]
    pain_kind: str = PAIN_SCALE  # PAIN_SCALE or PAIN_WRITTEN
    version: int = RECORD_VERSION
    paper: Paper | None = None  # None before version 3: no marks to read a photo by

    @property
    def widgets_per_pain_field(self) -> int:
        """A scale is one field with a box per number; a write-in box is one widget."""
        return PAIN_HIGHEST - PAIN_LOWEST + 1 if self.pain_kind == PAIN_SCALE else 1

    def day_date(self, day: int) -> dt.date:
        return self.date + dt.timedelta(days=day - 1)


def record_bytes(
    plan: Plan,
    layout: str,
    fillable: bool,
    document: Document | None = None,
    box_line: float = 0.9,
) -> bytes:
    """The JSON record of a sheet made from `plan`, placed as `document` (without one,
    the record says nothing of where its boxes are: for tests of old sheets)."""
    record: dict[str, Any] = {
        "format": RECORD_FORMAT,
        "version": RECORD_VERSION,
        "makeplan": __version__,
        "date": plan.date.isoformat(),
        "days": plan.days,
        "patient": plan.patient,
        "layout": layout,
        "fillable": fillable,
        "exercises": [
            {
                "id": item.exercise.id,
                "name": item.exercise.name,
                "reps": item.reps,
                "sides": item.sides,
                "hold_seconds": item.hold_seconds,
                "sessions_per_day": item.sessions_per_day,
            }
            for item in plan.exercises
        ],
        # The box layout as the rule that names every field: each exercise has a
        # tick field for every day, session, side and rep; each round (day and
        # session) a pain scale. A rule costs a few bytes; a list of 180 names, a KB.
        "tick_field": TICK_TEMPLATE,
        "pain_field": ROUND_PAIN_TEMPLATE,
        "pain": PAIN_SCALE,
    }
    if document is not None:
        record["paper"] = _paper(plan, document, box_line)
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def paper_identity(plan: Plan, layout: str, document: Document, box_line: float) -> str:
    """The identity printed in a sheet's reading marks (see `identity_of`)."""
    return identity_of(record_bytes(plan, layout, True, document, box_line))


def identity_of(record: bytes) -> str:
    """The identity of the paper whose record is `record`: the mark of its record as if
    fillable, so the fillable copy of a --no-fillable sheet (made with build --from
    and the same date) is the same paper, and fills in. Empty for a damaged record."""
    try:
        raw = json.loads(record.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return ""
    if not isinstance(raw, dict):
        return ""
    raw["fillable"] = True
    return sheet_mark(json.dumps(raw, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def _paper(plan: Plan, document: Document, box_line: float) -> dict[str, Any]:
    """Where the boxes of `document` are, page by page, as runs of evenly spaced boxes."""
    from makeplan.geometry import ScaleBox
    from makeplan.geometry.reading_marks import mark_size

    # Box numbers: ticks in the record's order, then 11 per pain field.
    ticks: dict[str, int] = {}
    pains: dict[str, int] = {}
    for item in plan.exercises:
        for day in range(1, plan.days + 1):
            for session in range(1, item.sessions_per_day + 1):
                pain = ROUND_PAIN_TEMPLATE.format(day=day, session=session)
                pains.setdefault(pain, len(pains))
                for side in SIDE_NAMES[item.sides]:
                    for rep in range(1, item.reps + 1):
                        name = TICK_TEMPLATE.format(
                            exercise=item.exercise.id, day=day, session=session, side=side, rep=rep
                        )
                        ticks[name] = len(ticks)
    scale = PAIN_HIGHEST - PAIN_LOWEST + 1
    pages = []
    for page in document.pages:
        numbered = []
        for box in page.boxes:
            if isinstance(box, ScaleBox):
                number = len(ticks) + pains[box.name] * scale + box.value - PAIN_LOWEST
            else:
                number = ticks[box.name]
            numbered.append((number, round(box.x, 2), round(box.y, 2), round(box.size, 2)))
        pages.append(_runs(sorted(numbered)))
    marks = mark_size(document.margin)
    return {
        "size": [round(document.width, 2), round(document.height, 2)],
        "marks": None if marks is None else [marks.size, marks.inset],
        "line": round(box_line, 2),
        "pages": pages,
    }


def _runs(boxes: list[tuple[int, float, float, float]]) -> list[list[float]]:
    """Boxes numbered one after another, in a row, evenly spaced and of one size, as one
    run: [first, count, x, y, step, size]."""
    runs: list[list[float]] = []
    for number, x, y, size in boxes:
        if runs:
            first, count, x0, y0, step, size0 = runs[-1]
            if count == 1 and number == first + 1 and y == y0 and size == size0:
                runs[-1][4] = round(x - x0, 2)
                runs[-1][1] = 2
                continue
            expected = x0 + count * step
            if number == first + count and y == y0 and size == size0 and abs(x - expected) < 0.05:
                runs[-1][1] = count + 1
                continue
        runs.append([number, 1, x, y, 0.0, size])
    return runs


def read_record(data: bytes, where: str) -> SheetRecord:
    """The record in `data`, checked; `where` names the sheet in error messages."""

    def damaged(what: str) -> InputFileError:
        return InputFileError(
            f"{where}: the makeplan record inside it is damaged ({what}); "
            "open it in your PDF viewer, use Save As to save a copy, and report the copy."
        )

    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # ValueError: 5000-digit numbers
        raise damaged("not valid JSON") from None
    if not isinstance(raw, dict) or raw.get("format") != RECORD_FORMAT:
        raise damaged("not a makeplan sheet record")
    version = raw.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise damaged("no version")
    if version > RECORD_VERSION:
        raise InputFileError(
            f"{where} was made by a newer makeplan ({raw.get('makeplan')}); "
            "upgrade makeplan to read it."
        )
    try:
        exercises = tuple(
            # The ranges a plan file allows: a record outside them was not written by makeplan.
            ExerciseDose(
                id=_text(entry["id"]),
                name=_text(entry["name"]),
                reps=_count(entry["reps"], *REPS),
                sides=_one_of(entry["sides"], SIDE_NAMES),
                hold_seconds=_count(entry["hold_seconds"], *HOLD_SECONDS),
                sessions_per_day=_count(entry["sessions_per_day"], *SESSIONS_PER_DAY),
            )
            for entry in _list(raw["exercises"])
        )
        days = _count(raw["days"], *DAYS)
        tick_rule = _template(raw["tick_field"], {"exercise", "day", "session", "side", "rep"})
        pain_rule = _template(raw["pain_field"], {"exercise", "day", "session"})
        if "{exercise}" in pain_rule and tick_rule == pain_rule:
            raise ValueError("the tick and pain rules are the same")
        ticks, pains = _fields(exercises, days, tick_rule, pain_rule)
        # Version 1 asked for a number written in; version 2 says how it asks.
        pain_kind = PAIN_WRITTEN if version < 2 else _text(raw["pain"])
        if pain_kind not in (PAIN_SCALE, PAIN_WRITTEN):
            raise ValueError(f"an unknown way of asking for pain: {pain_kind!r}")
        if pain_kind == PAIN_SCALE and "{exercise}" in pain_rule:
            raise ValueError("a pain scale named per exercise")
        paper = _read_paper(raw["paper"], ticks, pains) if version >= MARKED_VERSION else None
        record = SheetRecord(
            makeplan_version=_text(raw["makeplan"]),
            date=_date(raw["date"], days),
            days=days,
            patient=None if raw.get("patient") is None else _text(raw["patient"]),
            layout=_text(raw["layout"]),
            fillable=_one_of(raw["fillable"], (True, False), booleans=True) == 1,
            exercises=exercises,
            ticks=ticks,
            pains=pains,
            pain_kind=pain_kind,
            version=version,
            paper=paper,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise damaged(str(exc) or type(exc).__name__) from None
    if len({field.name for field in ticks + pains}) != len(ticks) + len(pains):
        raise damaged("a field is listed twice")
    return record


def _fields(
    exercises: tuple[ExerciseDose, ...], days: int, tick_template: str, pain_template: str
) -> tuple[tuple[TickField, ...], tuple[PainField, ...]]:
    """Every field the record's rule names, in the order the sheet prints them."""
    if days * sum(item.boxes_per_session * item.sessions_per_day for item in exercises) > 10**6:
        raise ValueError("more than a million boxes")
    if len({item.id for item in exercises}) != len(exercises):
        raise ValueError("an exercise is listed twice")
    ticks: list[TickField] = []
    pains: dict[str, PainField] = {}
    # A rule without {exercise} names one pain field per day and session, for all.
    per_exercise = "{exercise}" in pain_template
    for item in exercises:
        for day in range(1, days + 1):
            for session in range(1, item.sessions_per_day + 1):
                where = {"exercise": item.id, "day": day, "session": session}
                pain_name = pain_template.format(**where)
                pains[pain_name] = PainField(
                    pain_name, item.id if per_exercise else "", day, session
                )
                for side in SIDE_NAMES[item.sides]:
                    for rep in range(1, item.reps + 1):
                        name = tick_template.format(**where, side=side, rep=rep)
                        ticks.append(TickField(name, item.id, day, session, side, rep))
    return tuple(ticks), tuple(pains.values())


def _read_paper(
    value: Any, ticks: tuple[TickField, ...], pains: tuple[PainField, ...]
) -> Paper | None:
    """The box positions of a version 3 record; None when it printed no reading marks."""
    if not isinstance(value, dict):
        raise TypeError("the paper is not a table")
    width, height = (_number(item, 1, 10_000) for item in _list(value["size"]))
    marks = value["marks"]
    if marks is None:
        return None
    mark_size, mark_inset = (_number(item, 0, 1000) for item in _list(marks))
    line = _number(value["line"], 0, 100)
    scale = PAIN_HIGHEST - PAIN_LOWEST + 1
    boxes = len(ticks) + scale * len(pains)
    pages = []
    for runs in _list(value["pages"]):
        placed = []
        for run in _list(runs):
            first, count, x, y, step, size = _list(run)
            first, count = _count(first, 0, boxes - 1), _count(count, 1, boxes)
            if first + count > boxes:
                raise ValueError("a box beyond the sheet's fields")
            x, y, step, size = (_number(item, -10_000, 10_000) for item in (x, y, step, size))
            for offset in range(count):
                number = first + offset
                at = round(x + offset * step, 2)
                if number < len(ticks):
                    placed.append(PlacedBox(ticks[number].name, None, at, y, size))
                else:
                    pain, answer = divmod(number - len(ticks), scale)
                    placed.append(PlacedBox(pains[pain].name, PAIN_LOWEST + answer, at, y, size))
        pages.append(tuple(placed))
    return Paper(width, height, mark_size, mark_inset, line, tuple(pages))


def _number(value: Any, lowest: float, highest: float) -> float:
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise TypeError("a number was expected")
    if not lowest <= value <= highest:
        raise ValueError(f"a number from {lowest} to {highest} was expected, not {value!r}")
    return float(value)


def _template(value: Any, allowed: set[str]) -> str:
    """A field-naming rule that uses only `allowed` names, plainly (no formats)."""
    text = _text(value)
    for _, name, spec, conversion in string.Formatter().parse(text):
        if name is not None and (name not in allowed or spec or conversion):
            raise ValueError(f"a field rule that is not plain: {text!r}")
    return text


def _one_of(value: Any, allowed: Any, booleans: bool = False) -> int:
    # JSON's true equals 1 in Python: a boolean is only allowed where one is expected.
    if value not in allowed or isinstance(value, bool) != booleans:
        raise ValueError(f"{value!r} is not one of {sorted(allowed)}")
    return int(value)


def _date(value: Any, days: int) -> dt.date:
    date = dt.date.fromisoformat(_text(value))
    # The last day may be 9999-12-31 itself, as a build allows (see selection.select).
    if date.toordinal() + days - 1 > dt.date.max.toordinal():
        raise ValueError("a date too late for its days")
    return date


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError("a list was expected")
    return value


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("a text was expected")
    return value


def _count(value: Any, lowest: int, highest: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not lowest <= value <= highest:
        raise ValueError(f"a whole number from {lowest} to {highest} was expected, not {value!r}")
    return value

"""Reads returned sheets into an adherence report: what was done, what was missed, pain.

A sheet carries its own record (see sheetdata): the exercises, their doses,
and the rule that names every field. This module owns the `Report` values
and how they are read: it asks makeplan.pdfs.returned for the values a viewer
saved, counts a box as ticked whatever "on" state the viewer wrote (/Yes,
/On, /1...), reads each round's pain scale (one number ticked; none is no
score, and two or more are unclear: left out, never guessed, and said) or,
on a sheet made before the scale, each pain score written in (a whole number
from 0 to 10; anything else is left out, with a warning), refuses a file
that holds the boxes of two sheets, and puts several sheets together in
date order. Writing the
report out is in formats; the chart, in makeplan.render.chart.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from makeplan.errors import InputFileError
from makeplan.fields import PAIN_HIGHEST, PAIN_LOWEST
from makeplan.pdfs.returned import FieldValue, ReturnedSheet, read_returned
from makeplan.sheetdata import (
    PAIN_SCALE,
    PLAN_ATTACHMENT,
    RECORD_ATTACHMENT,
    SheetRecord,
    read_record,
    sheet_mark,
)
from makeplan.terminal import printable
from makeplan.wording import DAY_NAMES, session_label

_OFF_STATES = frozenset({"/Off", "Off", "", "/"})
_PAIN = re.compile(r"0?(10|[0-9])")  # "07" is 7 too


@dataclass(frozen=True)
class DayResult:
    """One exercise on one calendar day."""

    date: dt.date
    done: int
    planned: int
    missed_sessions: tuple[int, ...]  # sessions with no box ticked
    pain: tuple[int | None, ...]  # per session; None where nothing was written
    unclear_pain: tuple[int, ...] = ()  # sessions whose pain scale has two or more ticked

    @property
    def percent(self) -> int:
        return percent_of(self.done, self.planned)


@dataclass(frozen=True)
class ExerciseResult:
    id: str
    name: str
    days: tuple[DayResult, ...]

    @property
    def done(self) -> int:
        return sum(day.done for day in self.days)

    @property
    def planned(self) -> int:
        return sum(day.planned for day in self.days)

    @property
    def percent(self) -> int:
        return percent_of(self.done, self.planned)

    def pain_scores(self) -> list[tuple[dt.date, int]]:
        """Every pain score written, in order."""
        return [(day.date, score) for day in self.days for score in day.pain if score is not None]


@dataclass(frozen=True)
class Report:
    patient: str | None
    sheets: tuple[tuple[str, SheetRecord], ...]  # in date order
    exercises: tuple[ExerciseResult, ...]
    warnings: tuple[str, ...]
    # Every pain score as written, one per pain box: a week's box counts once here,
    # though it stands for every exercise of its round.
    pain_readings: tuple[tuple[dt.date, int], ...] = ()

    @property
    def first_day(self) -> dt.date:
        return self.sheets[0][1].date

    @property
    def last_day(self) -> dt.date:
        return max(record.day_date(record.days) for _, record in self.sheets)

    def pain_by_day(self) -> list[tuple[dt.date, float]]:
        """The mean of each day's pain scores, in date order."""
        readings = self.pain_readings or [
            # A report made by hand (no readings): the scores its exercises hold.
            reading
            for exercise in self.exercises
            for reading in exercise.pain_scores()
        ]
        scores: dict[dt.date, list[int]] = {}
        for date, score in readings:
            scores.setdefault(date, []).append(score)
        return [(date, sum(values) / len(values)) for date, values in sorted(scores.items())]


def percent_of(done: int, planned: int) -> int:
    """`done` as a whole percentage of `planned` (0 when nothing was planned)."""
    return round(100 * done / planned) if planned else 0


def is_on(value: str | None) -> bool:
    """A value or appearance state is on when it is anything but Off (viewers write
    /Yes, /On, /1 or their own name)."""
    return value is not None and value.strip() not in _OFF_STATES


def is_ticked(value: str | None, states: Sequence[str]) -> bool:
    """A box is ticked when its value is on, or when a widget shows an on state: a
    viewer that saves only the look (/AS) still shows a tick, and the patient meant one."""
    return is_on(value) or any(is_on(state) for state in states)


def plan_inside(sheet: Path) -> tuple[Path, bytes]:
    """The plan a sheet carries: a name for it (in the sheet's folder, where the plan's
    paths start from) and its text."""
    returned = read_returned(sheet, [PLAN_ATTACHMENT, RECORD_ATTACHMENT])
    data = _attachment(sheet, returned, PLAN_ATTACHMENT)
    if RECORD_ATTACHMENT in returned.attachments:
        # A file that holds two sheets carries one plan: which is not certain.
        record = read_record(returned.attachments[RECORD_ATTACHMENT], str(sheet))
        _refuse_two_sheets(str(sheet), record, returned)
    return sheet.parent / f"{sheet.name}#{PLAN_ATTACHMENT}", data


# Names makeplan gives its boxes (`..._day3_session1_...`, or a week's `day3_session1_pain`).
_MAKEPLAN_FIELD = re.compile(r"(^|_)day[0-9]+_session[0-9]+_")
# How covers' own fields are renamed when merged (see makeplan.pdfs.covers.merge_covers).
_COVER_FIELD = re.compile(r"cover[0-9]+-")


def _has_sheet_boxes(returned: ReturnedSheet) -> bool:
    """Signs of a makeplan sheet that outlive its record when a tool copies its pages:
    the sheet marks on the pages, and boxes named the way makeplan names them."""
    return any(mark is not None for mark in returned.page_marks) or any(
        _MAKEPLAN_FIELD.search(name) for name in returned.values
    )


def _attachment(path: Path, returned: ReturnedSheet, name: str) -> bytes:
    """The attached file `name`, or an error that says why a sheet has none."""
    data = returned.attachments.get(name)
    if data is not None:
        return data
    if _has_sheet_boxes(returned):
        raise InputFileError(
            f"{path}: has a makeplan sheet's boxes, but the record makeplan keeps inside "
            "the sheet was removed (a PDF tool that copies pages into a new file, such as "
            "qpdf --pages or pypdf's append, leaves it behind); give the sheet as it was "
            "saved in the PDF viewer, or count the ticks on the page."
        )
    if returned.creator.startswith("makeplan"):
        raise InputFileError(
            f"{path}: was made by makeplan but is not a sheet with its plan inside (a report's "
            "chart, or a sheet from an older makeplan); give a sheet made with makeplan build."
        )
    raise InputFileError(
        f"{path}: was not made by makeplan (it carries no makeplan plan); "
        "give a sheet made with makeplan build."
    )


def _refuse_two_sheets(where: str, record: SheetRecord, returned: ReturnedSheet) -> None:
    """A file must hold the boxes of the one sheet its record describes, each once.

    PDF tools that merge files keep one sheet's record but every page's boxes, so
    the boxes of another sheet would be read under this one's names (a week
    counted as done that was not). makeplan cannot tell which boxes belong to
    which record, so it refuses rather than guess.
    """
    fix = (
        "give each returned sheet as its own PDF file, as the PDF viewer saved it "
        "(not merged with another sheet)"
    )
    own = sheet_mark(returned.attachments[RECORD_ATTACHMENT])
    marks = {mark for mark in returned.page_marks if mark is not None}
    if marks - {own}:
        others = len(marks - {own})
        raise InputFileError(
            f"{where}: holds pages of {others + (own in marks)} different makeplan sheets "
            f"but the record of only one; {fix}."
        )
    names = {field.name for field in record.ticks} | {field.name for field in record.pains}
    counts: dict[str, int] = {}
    for name, widgets in returned.widgets.items():
        last = name.rsplit(".", 1)[-1]
        counts[last] = counts.get(last, 0) + widgets
    pains = {field.name for field in record.pains}
    twice = sorted(
        name
        for name in names
        if counts.get(name, 0) > (record.widgets_per_pain_field if name in pains else 1)
    )
    if twice:
        raise InputFileError(
            f"{where}: holds {len(twice)} boxes more than once (such as {printable(twice[0])}), "
            f"so it holds two copies of a sheet; {fix}."
        )
    foreign = sorted(
        name
        for name in counts
        if name not in names and _MAKEPLAN_FIELD.search(name) and not _COVER_FIELD.match(name)
    )
    if foreign:
        raise InputFileError(
            f"{where}: holds {len(foreign)} boxes that its makeplan record does not name "
            f"(such as {printable(foreign[0])}), from another sheet; {fix}."
        )


def read_report(paths: Sequence[Path]) -> Report:
    """The report over every sheet in `paths`, put in date order."""
    sheets: list[tuple[str, SheetRecord, dict[str, FieldValue]]] = []
    for path in paths:
        returned = read_returned(path, [RECORD_ATTACHMENT])
        record = read_record(_attachment(path, returned, RECORD_ATTACHMENT), str(path))
        if not record.fillable:
            raise InputFileError(
                f"{path}: was made with --no-fillable, so it has no boxes to read; "
                "count the ticks on paper."
            )
        _refuse_two_sheets(str(path), record, returned)
        values = _by_record_names(record, returned.values)
        if not any(field.name in values for field in record.ticks):
            raise InputFileError(
                f"{path}: its form fields are gone (a viewer may have flattened the form, "
                "or it was printed to PDF); count the ticks on the page instead."
            )
        sheets.append((str(path), record, values))
    sheets.sort(key=lambda sheet: sheet[1].date)
    _refuse_mixed_sheets(sheets)
    warnings: list[str] = []
    readings: list[tuple[dt.date, int]] = []
    results: dict[str, tuple[str, list[DayResult]]] = {}
    for where, record, values in sheets:
        done: dict[tuple[str, int, int], int] = {}
        missing: dict[str, int] = {}
        look_only = value_only = 0
        for field in record.ticks:
            found = values.get(field.name)
            if found is None:
                missing[field.exercise] = missing.get(field.exercise, 0) + 1
                continue
            if is_ticked(found.value, found.states):
                key = (field.exercise, field.day, field.session)
                done[key] = done.get(key, 0) + 1
            shows = any(is_on(state) for state in found.states)
            if found.value is not None and shows and not is_on(found.value):
                look_only += 1
            elif found.states and is_on(found.value) and not shows:
                value_only += 1
        if look_only:
            warnings.append(
                f"{where}: {_boxes(look_only)} a tick but saved no value (a viewer saved "
                "only the look); they count as done: check them on the page."
            )
        if value_only:
            warnings.append(
                f"{where}: {_boxes(value_only)} no tick but saved the value of one; they "
                "count as done: check them on the page."
            )
        names = {exercise.id: exercise.name for exercise in record.exercises}
        warnings += [
            f"{where}: {count} boxes of {printable(names[exercise])} are not in the file "
            "(a viewer may have renamed or removed them); they count as not done."
            for exercise, count in missing.items()
        ]
        pain, unclear = _pain_scores(where, record, values, warnings, readings)
        for exercise in record.exercises:
            days = results.setdefault(exercise.id, (exercise.name, []))[1]
            for day in range(1, record.days + 1):
                done_by_session = [
                    done.get((exercise.id, day, session), 0)
                    for session in range(1, exercise.sessions_per_day + 1)
                ]
                days.append(
                    DayResult(
                        date=record.day_date(day),
                        done=sum(done_by_session),
                        planned=exercise.boxes_per_session * exercise.sessions_per_day,
                        missed_sessions=tuple(
                            session
                            for session, done in enumerate(done_by_session, start=1)
                            if done == 0
                        ),
                        pain=tuple(
                            pain.get((exercise.id, day, session))
                            for session in range(1, exercise.sessions_per_day + 1)
                        ),
                        unclear_pain=tuple(
                            session
                            for session in range(1, exercise.sessions_per_day + 1)
                            if (day, session) in unclear
                        ),
                    )
                )
    patients = sorted({record.patient for _, record, _ in sheets if record.patient})
    return Report(
        patient=patients[0] if patients else None,
        sheets=tuple((where, record) for where, record, _ in sheets),
        exercises=tuple(
            ExerciseResult(exercise_id, name, tuple(sorted(days, key=lambda d: d.date)))
            for exercise_id, (name, days) in results.items()
        ),
        warnings=tuple(warnings),
        pain_readings=tuple(sorted(readings)),
    )


def _by_record_names(record: SheetRecord, values: dict[str, FieldValue]) -> dict[str, FieldValue]:
    """The sheet's values by the names its record gives. A field a tool moved under a
    parent (`group.knee-hug_day1_...`) is found by its own last name, if only one has it."""
    by_last: dict[str, list[FieldValue]] = {}
    for name, value in values.items():
        by_last.setdefault(name.rsplit(".", 1)[-1], []).append(value)
    found: dict[str, FieldValue] = {}
    names = [field.name for field in record.ticks] + [field.name for field in record.pains]
    for name in names:
        if name in values:
            found[name] = values[name]
        elif len(by_last.get(name, ())) == 1:
            found[name] = by_last[name][0]
    return found


def _refuse_mixed_sheets(sheets: Sequence[tuple[str, SheetRecord, object]]) -> None:
    """One patient's sheets, each day once: anything else would count days twice or
    mix two people's numbers in one report."""
    patients: dict[str, str] = {}
    for where, record, _ in sheets:
        if record.patient:
            patients.setdefault(record.patient, where)
    if len(patients) > 1:
        (first, first_file), (second, second_file) = list(patients.items())[:2]
        raise InputFileError(
            f"the sheets are for different patients ({printable(first)} in {first_file}, "
            f"{printable(second)} in {second_file}); report one patient at a time."
        )
    seen: dict[tuple[str, dt.date], str] = {}
    for where, record, _ in sheets:
        for exercise in record.exercises:
            for day in range(1, record.days + 1):
                key = (exercise.id, record.day_date(day))
                if key in seen:
                    other = seen[key]
                    which = f"{day_name(key[1])} for {printable(exercise.name)}"
                    clash = (
                        f"is given twice, so {which} would count twice"
                        if other == where
                        else f"and {other} both cover {which}"
                    )
                    raise InputFileError(f"{where} {clash}; give each day's sheet once.")
                seen[key] = where


def _pain_scores(
    where: str,
    record: SheetRecord,
    values: dict[str, FieldValue],
    warnings: list[str],
    readings: list[tuple[dt.date, int]],
) -> tuple[dict[tuple[str, int, int], int], set[tuple[int, int]]]:
    """Each pain score read, by (exercise, day, session), each added to `readings`; and
    the rounds (day, session) whose scale is unclear. A round's pain (no exercise of
    its own) counts for every exercise done in that round."""
    names = {exercise.id: exercise.name for exercise in record.exercises}
    scores: dict[tuple[str, int, int], int] = {}
    unclear: set[tuple[int, int]] = set()
    for field in record.pains:
        when = f"{day_name(record.day_date(field.day))}, {session_label(field.session)}"
        about = printable(names[field.exercise]) if field.exercise else "the exercises"
        found = values.get(field.name)
        if record.pain_kind == PAIN_SCALE:
            ticked = _scale_numbers(found)
            if len(ticked) > 1:
                unclear.add((field.day, field.session))
                warnings.append(
                    f"{where}: the pain scale after {about} ({when}) has more than one "
                    f"number ticked ({', '.join(printable(n) for n in ticked)}), so it is "
                    "unclear and left out; check it on the page."
                )
                continue
            text = ticked[0] if ticked else ""
        else:
            text = (found.value or "").strip() if found is not None else ""
        if not text:
            continue
        if _PAIN.fullmatch(text):
            score = int(text)
            readings.append((record.day_date(field.day), score))
            for exercise in record.exercises:
                if field.exercise in ("", exercise.id) and field.session <= (
                    exercise.sessions_per_day
                ):
                    scores[(exercise.id, field.day, field.session)] = score
            continue
        warnings.append(
            f"{where}: the pain score {printable(repr(text))} after {about} ({when}) "
            f"is not a whole number from {PAIN_LOWEST} to {PAIN_HIGHEST}; it is left out."
        )
    return scores, unclear


def _scale_numbers(found: FieldValue | None) -> list[str]:
    """The numbers a pain scale shows ticked: its value (/7) and each box's look (/AS),
    as a viewer saved them. One number is the answer; two or more (boxes ticked by a
    tool that set each look, or a value that disagrees with the look) are unclear."""
    if found is None:
        return []
    numbers = [state.strip().lstrip("/") for state in found.states if is_on(state)]
    if is_on(found.value) and found.value is not None:
        numbers.append(found.value.strip().lstrip("/"))
    return sorted(set(numbers), key=lambda number: (len(number), number))


def _boxes(count: int) -> str:
    return "1 box shows" if count == 1 else f"{count} boxes show"


def day_name(date: dt.date) -> str:
    """'Mon 2026-11-23': the weekday helps, the full date sorts and cannot be misread."""
    return f"{DAY_NAMES[date.weekday()]} {date.isoformat()}"

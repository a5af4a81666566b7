"""Reads returned sheets into an adherence report: what was done, what was missed, pain.

A sheet carries its own record (see sheetdata): the exercises, their doses,
and the rule that names every field. This module asks existing_pdfs for the
values a viewer saved, counts a box as ticked whatever "on" state the viewer
wrote (/Yes, /On, /1...), checks each pain score (a whole number from 0 to
10; anything else is left out, with a warning), and puts several sheets
together in date order. It also writes the report as a table, JSON or CSV.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from makeplan.errors import InputFileError
from makeplan.fields import PAIN_HIGHEST, PAIN_LOWEST
from makeplan.sheetdata import PLAN_ATTACHMENT, RECORD_ATTACHMENT, SheetRecord, read_record
from makeplan.wording import session_label

if TYPE_CHECKING:
    from makeplan.existing_pdfs import FieldValue, ReturnedSheet

_OFF_STATES = frozenset({"/Off", "Off", "", "/"})
_PAIN = re.compile(r"0?(10|[0-9])")  # "07" is 7 too
# Characters that would break or rewrite a line of the table: controls, and
# the invisible format marks (a right-to-left override turns a line around).
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class DayResult:
    """One exercise on one calendar day."""

    date: dt.date
    done: int
    planned: int
    missed_sessions: tuple[int, ...]  # sessions with no box ticked
    pain: tuple[int | None, ...]  # per session; None where nothing was written

    @property
    def percent(self) -> int:
        return _percent(self.done, self.planned)


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
        return _percent(self.done, self.planned)

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


def _percent(done: int, planned: int) -> int:
    return round(100 * done / planned) if planned else 0


def is_ticked(value: str | None, states: Sequence[str]) -> bool:
    """A box is ticked when its value is any state but Off (viewers write /Yes, /On,
    /1 or their own name), or, with no value saved, when a widget shows an on state."""
    if value is not None:
        return value.strip() not in _OFF_STATES
    return any(state.strip() not in _OFF_STATES for state in states)


def plan_inside(sheet: Path) -> tuple[Path, bytes]:
    """The plan a sheet carries: a name for it (in the sheet's folder, where the plan's
    paths start from) and its text."""
    from makeplan.existing_pdfs import read_returned

    data = _attachment(sheet, read_returned(sheet, [PLAN_ATTACHMENT]), PLAN_ATTACHMENT)
    return sheet.parent / f"{sheet.name}#{PLAN_ATTACHMENT}", data


def _attachment(path: Path, returned: ReturnedSheet, name: str) -> bytes:
    """The attached file `name`, or an error that says why a sheet has none."""
    data = returned.attachments.get(name)
    if data is not None:
        return data
    if returned.creator.startswith("makeplan"):
        raise InputFileError(
            f"{path}: was made by makeplan but is not a sheet with its plan inside (a report's "
            "chart, or a sheet from an older makeplan); give a sheet made with makeplan build."
        )
    raise InputFileError(
        f"{path}: was not made by makeplan (it carries no makeplan plan); "
        "give a sheet made with makeplan build."
    )


def read_report(paths: Sequence[Path]) -> Report:
    """The report over every sheet in `paths`, put in date order."""
    from makeplan.existing_pdfs import read_returned

    sheets: list[tuple[str, SheetRecord, dict[str, FieldValue]]] = []
    for path in paths:
        returned = read_returned(path, [RECORD_ATTACHMENT])
        record = read_record(_attachment(path, returned, RECORD_ATTACHMENT), str(path))
        if not record.fillable:
            raise InputFileError(
                f"{path}: was made with --no-fillable, so it has no boxes to read; "
                "count the ticks on paper."
            )
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
        for field in record.ticks:
            found = values.get(field.name)
            if found is None:
                missing[field.exercise] = missing.get(field.exercise, 0) + 1
            elif is_ticked(found.value, found.states):
                key = (field.exercise, field.day, field.session)
                done[key] = done.get(key, 0) + 1
        names = {exercise.id: exercise.name for exercise in record.exercises}
        warnings += [
            f"{where}: {count} boxes of {printable(names[exercise])} are not in the file "
            "(a viewer may have renamed or removed them); they count as not done."
            for exercise, count in missing.items()
        ]
        pain = _pain_scores(where, record, values, warnings, readings)
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
                    same = "is given twice" if other == where else f"and {other} both cover"
                    raise InputFileError(
                        f"{where} {same} {_day_name(key[1])} for {printable(exercise.name)}; "
                        "give each day's sheet once."
                    )
                seen[key] = where


def _pain_scores(
    where: str,
    record: SheetRecord,
    values: dict[str, FieldValue],
    warnings: list[str],
    readings: list[tuple[dt.date, int]],
) -> dict[tuple[str, int, int], int]:
    """Each valid pain score by (exercise, day, session), and each added to `readings`.
    A week's pain box (no exercise of its own) counts for every exercise of that round."""
    names = {exercise.id: exercise.name for exercise in record.exercises}
    scores: dict[tuple[str, int, int], int] = {}
    for field in record.pains:
        found = values.get(field.name)
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
        when = f"{_day_name(record.day_date(field.day))}, {session_label(field.session)}"
        about = printable(names[field.exercise]) if field.exercise else "the exercises"
        warnings.append(
            f"{where}: the pain score {printable(repr(text))} after {about} ({when}) "
            f"is not a whole number from {PAIN_LOWEST} to {PAIN_HIGHEST}; it is left out."
        )
    return scores


def printable(text: str) -> str:
    """`text` safe to print on one line of a terminal."""
    return _UNPRINTABLE.sub("\ufffd", text)


def _day_name(date: dt.date) -> str:
    """'Mon 2026-11-23': the weekday helps, the full date sorts and cannot be misread."""
    return f"{('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')[date.weekday()]} {date.isoformat()}"


# --- writing it out ---


def as_json(report: Report) -> str:
    return json.dumps(_as_data(report), indent=2, ensure_ascii=False) + "\n"


def _as_data(report: Report) -> dict[str, object]:
    return {
        "patient": report.patient,
        "from": report.first_day.isoformat(),
        "to": report.last_day.isoformat(),
        "sheets": [
            {"file": where, "date": record.date.isoformat(), "days": record.days}
            for where, record in report.sheets
        ],
        "exercises": [
            {
                "id": exercise.id,
                "name": exercise.name,
                "done": exercise.done,
                "planned": exercise.planned,
                "percent": exercise.percent,
                "days": [
                    {
                        "date": day.date.isoformat(),
                        "done": day.done,
                        "planned": day.planned,
                        "percent": day.percent,
                        "missed_sessions": list(day.missed_sessions),
                        "pain": list(day.pain),
                    }
                    for day in exercise.days
                ],
            }
            for exercise in report.exercises
        ],
        "pain_by_day": [
            {"date": date.isoformat(), "mean": round(mean, 2)}
            for date, mean in report.pain_by_day()
        ],
        "warnings": list(report.warnings),
    }


CSV_COLUMNS = ("date", "exercise", "name", "done", "planned", "percent", "missed_sessions", "pain")


def as_csv(report: Report) -> str:
    """One row per exercise per day; lists inside a cell are separated by ';'."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for exercise in report.exercises:
        for day in exercise.days:
            writer.writerow(
                [
                    day.date.isoformat(),
                    exercise.id,
                    exercise.name,
                    day.done,
                    day.planned,
                    day.percent,
                    ";".join(str(session) for session in day.missed_sessions),
                    ";".join("" if score is None else str(score) for score in day.pain),
                ]
            )
    return buffer.getvalue()


def as_table(report: Report) -> str:
    """A plain-text table per exercise, for a terminal or an e-mail."""
    who = f" for {printable(report.patient)}" if report.patient else ""
    count = len(report.sheets)
    lines = [
        f"Adherence report{who}: {report.first_day.isoformat()} to "
        f"{report.last_day.isoformat()} ({count} sheet{'s' if count != 1 else ''})",
    ]
    done = sum(exercise.done for exercise in report.exercises)
    planned = sum(exercise.planned for exercise in report.exercises)
    lines.append(f"All exercises: {done} of {planned} reps done ({_percent(done, planned)}%)")
    header = ("day", "done", "planned", "%", "missed sessions", "pain (0-10)")
    for exercise in report.exercises:
        rows = [
            (
                _day_name(day.date),
                str(day.done),
                str(day.planned),
                f"{day.percent}%",
                ", ".join(session_label(s) for s in day.missed_sessions) or "-",
                " ".join("-" if score is None else str(score) for score in day.pain),
            )
            for day in exercise.days
        ]
        rows.append(
            ("total", str(exercise.done), str(exercise.planned), f"{exercise.percent}%", "", "")
        )
        widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
        lines += ["", f"{printable(exercise.name)} ({exercise.id})"]
        for row in [header, *rows]:
            cells = [
                cell.rjust(width) if 0 < index < 4 else cell.ljust(width)
                for index, (cell, width) in enumerate(zip(row, widths, strict=True))
            ]
            lines.append("  " + "  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"


def formatted(report: Report, form: str) -> str:
    return {"table": as_table, "json": as_json, "csv": as_csv}[form](report)

"""Writes a `Report` out: a table for people, JSON and CSV for other programs.

This module owns the report's text formats (`makeplan report --format`); it
reads nothing. The JSON and CSV are made as text here and written as UTF-8
bytes by makeplan.terminal; the chart is makeplan.render.chart.
"""

from __future__ import annotations

import csv
import io
import json

from makeplan.report.adherence import DayResult, Report, day_name, percent_of
from makeplan.terminal import printable
from makeplan.wording import session_label


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
                        "unclear_pain_sessions": list(day.unclear_pain),
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


CSV_COLUMNS = (
    "patient",
    "date",
    "exercise",
    "name",
    "done",
    "planned",
    "percent",
    "missed_sessions",
    "pain",
)


def as_csv(report: Report) -> str:
    """One row per exercise per day; lists inside a cell are separated by ';'."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for exercise in report.exercises:
        for day in exercise.days:
            writer.writerow(
                [
                    report.patient or "",
                    day.date.isoformat(),
                    exercise.id,
                    exercise.name,
                    day.done,
                    day.planned,
                    day.percent,
                    ";".join(str(session) for session in day.missed_sessions),
                    ";".join(_scores(day, "")),
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
    lines.append(f"All exercises: {done} of {planned} reps done ({percent_of(done, planned)}%)")
    header = ("day", "done", "planned", "%", "missed sessions", "pain (0-10)")
    for exercise in report.exercises:
        rows = [
            (
                day_name(day.date),
                str(day.done),
                str(day.planned),
                f"{day.percent}%",
                ", ".join(session_label(s) for s in day.missed_sessions) or "-",
                " ".join(_scores(day, "-")),
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


def _scores(day: DayResult, none: str) -> list[str]:
    """Each session's pain as printed: the number, `none` where nothing was ticked, and
    '?' where the scale was unclear (two numbers ticked)."""
    return [
        "?" if session in day.unclear_pain else none if score is None else str(score)
        for session, score in enumerate(day.pain, start=1)
    ]


def formatted(report: Report, form: str) -> str:
    return {"table": as_table, "json": as_json, "csv": as_csv}[form](report)

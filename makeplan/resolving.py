"""The options stage: option values read from text, and merged into `Options`.

Values come from the command line or a roster row (read here with click's
wording, so a roster row says what the command line says), over a plan file or
the plan inside a returned sheet; `jobs.resolve` reads those files, then calls
the functions here in turn. This module says how each kind of option's text is
read, how a roster row's cells become option values, which source wins when
two set an option, and the defaults filled in from the date and the layout.
The options themselves, with their ranges and defaults, are the table in
`options`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from makeplan.errors import UsageError
from makeplan.inputs import clean_text
from makeplan.layouts import Layout, is_layout_path
from makeplan.options import (
    BY_NAME,
    DEFAULT_DAYS,
    DOSES,
    ROSTER_COLUMNS,
    SHEET_OPTIONS,
    Options,
    SheetOption,
)
from makeplan.vocabulary import ABILITY_NAMES

# --- reading values from text (the command line, a roster) ---


class BadValue(ValueError):
    """Text an option cannot take; the message is click's wording, without the option."""


def read_value(row: SheetOption, text: str) -> Any:
    """The typed value of one item of `row` given as text (click's wording when it is bad)."""
    if row.kind == "count":
        assert row.range is not None
        try:
            number = int(text)
        except ValueError:
            raise BadValue(f"{text!r} is not a valid integer range.") from None
        low, high = row.range
        if not low <= number <= high:
            raise BadValue(f"{number} is not in the range {low}<=x<={high}.")
        return number
    if row.kind == "choice":
        if text not in row.choices:
            allowed = ", ".join(repr(choice) for choice in row.choices)
            raise BadValue(f"{text!r} is not one of {allowed}.")
        return text
    if row.kind == "ability":
        return ability_level(text)
    if row.kind == "date":
        return read_date(text)
    if row.kind == "path":
        return Path(text)
    return text


_ABILITY_BY_NAME = {name: level for level, name in ABILITY_NAMES.items()}


def ability_level(value: str | int) -> int:
    """gentle|moderate|strengthening or 1|2|3, as the level number."""
    if isinstance(value, int):
        return value
    text = str(value).strip().lower()
    if text in _ABILITY_BY_NAME:
        return _ABILITY_BY_NAME[text]
    if text in {"1", "2", "3"}:
        return int(text)
    raise BadValue(f"{value!r} is not one of gentle, moderate, strengthening, 1, 2, 3.")


def read_date(value: str | dt.date) -> dt.date:
    """A calendar date written YYYY-MM-DD."""
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise BadValue(
            f"{value!r} is not a real date written YYYY-MM-DD, like 2026-03-01."
        ) from None


# --- a roster row ---

TRUE, FALSE = {"yes", "y", "true", "1", "on"}, {"no", "n", "false", "0", "off"}


class RowError(Exception):
    """A roster cell that cannot be read as its option; the message says why."""


def roster_cells(cells: Mapping[str, str], base: Path) -> Iterable[tuple[str, str | bool]]:
    """A roster row's cells (by column) as (option name, text or on/off) pairs, in order.

    Paths are relative to the roster's folder `base` (a layout file too; a layout
    name stays a name); ids and positions split on ';', ',' or spaces, paths on ';'.
    """
    for column, value in cells.items():
        if not value:
            continue
        row = ROSTER_COLUMNS[column]
        if row.kind in ("flag", "switch"):
            lowered = value.lower()
            if lowered in TRUE:
                yield row.name, True
            elif lowered in FALSE:
                if row.kind == "switch":  # --progress has no "off": it is off unless given
                    yield row.name, False
            else:
                raise RowError(
                    f"column {column!r}: {value!r} is not yes or no; write yes/no, "
                    "true/false, 1/0, on/off, or leave it empty."
                )
        elif row.kind == "layout":
            yield row.name, str(base / value) if is_layout_path(value) else value
        elif row.kind == "path" and row.multiple:
            for item in value.split(";"):
                if item.strip():
                    yield row.name, str(base / item.strip())
        elif row.kind == "path":
            yield row.name, str(base / value)
        elif row.multiple:
            for item in re.split(r"[;,\s]+", value):
                if item:
                    yield row.name, item
        else:
            yield row.name, value


def typed_cells(pairs: Iterable[tuple[str, str | bool]]) -> dict[str, Any]:
    """The values of a roster row's options, typed as the command line types them.

    Also the environment's MAKEPLAN_COVER_PASSWORD, as for the command line.
    """
    given: dict[str, Any] = {}
    for name, value in pairs:
        row = BY_NAME[name]
        if not isinstance(value, bool):
            try:
                value = read_value(row, value)
            except BadValue as exc:
                raise UsageError(f"Invalid value for {row.hint}: {exc}") from None
        if row.multiple:
            given[name] = (*given.get(name, ()), value)
        else:
            given[name] = value
    for row in SHEET_OPTIONS:
        if row.envvar and row.name not in given and os.environ.get(row.envvar):
            given[row.name] = os.environ[row.envvar]
    return given


# --- the stage ---


@dataclass(frozen=True)
class Request:
    """A sheet as asked for, before any file is read: the options given (typed, on the
    command line or in a roster row) and where a plan comes from."""

    given: Mapping[str, Any]  # by Options field; only those given
    plan_file: Path | None = None
    from_sheet: Path | None = None
    progress: bool = False
    output: str = "routine.pdf"


def request(typed: Mapping[str, Any], output: str = "routine.pdf") -> Request:
    """The request for the sheet options given (typed); texts cleaned, the sources checked."""
    given = dict(typed)
    plan_file = given.pop("plan_file", None)
    from_sheet = given.pop("from_sheet", None)
    progress = bool(given.pop("progress", False))
    for name, value in given.items():
        kind = BY_NAME[name].kind
        if kind in ("text", "notes"):
            given[name] = clean_text(value, keep_lines=kind == "notes")
    if from_sheet is not None and plan_file is not None:
        raise UsageError("--from and --plan both give the plan; use one of them.")
    if progress and from_sheet is None:
        raise UsageError(
            "--progress moves doses on from the ticks of a returned sheet; "
            "give the sheet with --from SHEET.pdf."
        )
    return Request(given, plan_file, from_sheet, progress, output)


def resolve(
    request: Request,
    plan_values: Mapping[str, Any] | None,
    plan_file: Path | None,
    today: Callable[[], dt.date],
) -> Options:
    """The options for a sheet: a plan's values (if any) with the request's over them.

    From a returned sheet, the plan's own date is dropped (next week's sheet starts
    today), and libraries given replace the plan's: a returned sheet is rarely
    still in the folder its plan's paths start from.
    """
    values: dict[str, Any] = {}
    if plan_values is not None:
        values = {**plan_values, "plan_file": plan_file}
        if request.from_sheet is not None:
            values.pop("date", None)
            if "libraries" in request.given:
                values.pop("libraries", None)
    values = merge(values, request.given)
    date_given = "date" in values
    if not date_given:
        values["date"] = today()
    return Options(
        **values, date_given=date_given, from_sheet=request.from_sheet, output=request.output
    )


def merge(plan_values: Mapping[str, Any], given: Mapping[str, Any]) -> dict[str, Any]:
    """Option values with the given ones over the plan's.

    Choosing exercises (-e, -p or -a) replaces the plan's list, but its doses and
    notes still apply to the exercises that stay. A dose given is for every
    exercise, so it wins over the plan's per-exercise doses too. Libraries add up:
    the plan's exercises may come from them.
    """
    values = dict(plan_values)
    if any(key in given for key in ("exercise_ids", "positions", "ability")):
        values.pop("exercise_ids", None)
        if "exercise_ids" in given:
            values.pop("positions", None)
            values.pop("ability", None)
    overridden = [key for key in DOSES if key in given]
    if overridden and "choices" in values:
        unset = dict.fromkeys(overridden)
        values["choices"] = tuple(replace(choice, **unset) for choice in values["choices"])
    values.update({key: value for key, value in given.items() if key != "libraries"})
    values["libraries"] = tuple(plan_values.get("libraries", ())) + tuple(
        given.get("libraries", ())
    )
    return values


def today() -> dt.date:
    """Today, or the day of SOURCE_DATE_EPOCH when set (for reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return dt.date.today()
    if not re.fullmatch(r"[+-]?[0-9]+", epoch):
        raise UsageError(
            f"SOURCE_DATE_EPOCH={epoch!r} is not a whole number of seconds since 1970; "
            "unset it or fix it."
        )
    try:
        # ValueError: a year past 9999, or more digits than int() reads.
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    except (ValueError, OverflowError, OSError):
        raise UsageError(
            f"SOURCE_DATE_EPOCH={epoch!r} is outside the dates a sheet can have; "
            "unset it or fix it."
        ) from None


def with_layout(options: Options, layout: Layout) -> Options:
    """`options` with the days filled in: the layout's default, else DEFAULT_DAYS."""
    if options.days is not None:
        return options
    return replace(options, days=layout.default_days or DEFAULT_DAYS)


def fixed_doses(options: Options) -> set[str]:
    """The doses given for every exercise, which --progress does not move."""
    return {name for name in ("reps", "hold_seconds") if getattr(options, name) is not None}

"""The web page's form: its fields, made from the table of sheet options, and a posted
form read into what the command line would have been given.

Each setting on the page is a row of `options.SHEET_OPTIONS` (its label from the
long flag, its widget from the row's kind, its range and help from the row), so
a sheet option added to the table appears here by itself. A posted form becomes
the command line's own request: the settings typed as click types them
(`resolving.read_value`, so a bad value gets click's words), and the picked
exercises with their doses as the `[[exercise]]` tables of a plan file, which
`makeplan build --plan` reads with every check of a plan file. The page is
`makeplan build --plan exercises.toml --patient ... -o routine.pdf`, nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from makeplan.options import BY_NAME, DOSES, SHEET_OPTIONS, SheetOption, default_of
from makeplan.resolving import BadValue, read_value

# Rows that are not a setting on the page: where a plan comes from (the page's own
# plan upload), the catalogue filters (the cards' filters, then each exercise picked),
# and the doses for every exercise (each picked exercise has its own).
_NOT_SETTINGS = frozenset(
    {"plan_file", "from_sheet", "progress", "positions", "ability", "exercise_ids", *DOSES}
)

_LABELS = {
    "date": "First day",
    "notes": "Notes for the patient",
    "emergency": "Emergency number",
    "contact": "Who to call with questions",
    "days": "Days the sheet tracks",
    "covers": "Cover pages (PDF)",
    "logo": "Logo (PNG or JPEG)",
    "libraries": "Clinic library (exercise .toml files, with their pictures)",
    "font": "Font (TrueType .ttf)",
    "cover_password": "Cover password",
    "title_page": "Title page",
    "grayscale": "Grayscale pictures",
    "fillable": "Boxes tickable on screen",
    "lang": "Language of the sheet",
}


@dataclass(frozen=True)
class Field:
    """One setting on the page, from one row of the table."""

    row: SheetOption
    label: str
    widget: str  # text, textarea, number, select, date, file, password
    choices: tuple[tuple[str, str], ...] = ()  # (value, words) for a select
    low: int | None = None
    high: int | None = None
    multiple: bool = False
    default: str = ""  # the value shown when the form gives none ("" = makeplan decides)

    @property
    def name(self) -> str:
        return self.row.name

    @property
    def help(self) -> str:
        return self.row.words(self.row.help).replace("%%", "%")


def _label(row: SheetOption) -> str:
    return _LABELS.get(row.name) or row.long_flag.removeprefix("--").replace("-", " ").capitalize()


def _field(row: SheetOption, layouts: Sequence[str]) -> Field:
    from dataclasses import replace

    made = _widget(row, layouts)
    default = default_of(row.name)
    if isinstance(default, bool):
        return replace(made, default="on" if default else "off")
    if isinstance(default, str):
        return replace(made, default=default)
    return made


def _widget(row: SheetOption, layouts: Sequence[str]) -> Field:
    label = _label(row)
    if row.kind == "path":
        return Field(row, label, "file", multiple=row.multiple)
    if row.kind == "notes":
        return Field(row, label, "textarea")
    if row.kind == "count":
        assert row.range is not None
        return Field(row, label, "number", low=row.range.low, high=row.range.high)
    if row.kind == "date":
        return Field(row, label, "date")
    if row.kind == "choice":
        return Field(row, label, "select", tuple((choice, choice) for choice in row.choices))
    if row.kind == "layout":
        return Field(row, label, "select", tuple((name, name) for name in layouts))
    if row.kind == "switch":
        assert row.off is not None
        on, off = row.long_flag, row.off
        return Field(row, label, "select", (("on", f"yes ({on})"), ("off", f"no ({off})")))
    if row.envvar:  # a secret: not shown as it is typed
        return Field(row, label, "password")
    return Field(row, label, "text")


def fields(layouts: Sequence[str]) -> tuple[list[Field], list[Field]]:
    """The page's settings and its uploads, in the table's order."""
    settings: list[Field] = []
    uploads: list[Field] = []
    for row in SHEET_OPTIONS:
        if row.name in _NOT_SETTINGS:
            continue
        made = _field(row, layouts)
        (uploads if made.widget == "file" else settings).append(made)
    return settings, uploads


# --- the picked exercises ---

# A dose field on the page -> its key in a plan's [[exercise]] table.
DOSE_KEYS = {
    "reps": "reps",
    "sides": "sides",
    "hold": "hold_seconds",
    "sessions": "sessions_per_day",
}
PLAN_KEY_FIELD = {plan: page for page, plan in DOSE_KEYS.items()} | {"note": "note"}


@dataclass
class Picked:
    """An exercise on the page's list, with its dose as typed (text, checked later)."""

    id: str
    doses: dict[str, str]  # by DOSE_KEYS' page names
    note: str = ""


@dataclass
class Posted:
    """A form as posted: the settings as typed, the picked exercises, and the action."""

    values: dict[str, str]
    picked: list[Picked]
    action: str = ""
    errors: dict[str, str] = field(default_factory=dict)
    focus: str = ""  # the button keyboard focus goes back to after a move ("up:ID")


def posted(form: Mapping[str, Any], getlist: Any) -> Posted:
    """The form's text, field by field (nothing checked yet)."""
    values = {
        row.name: str(form.get(row.name, ""))
        for row in SHEET_OPTIONS
        if row.name not in _NOT_SETTINGS and row.kind != "path"
    }
    picked = []
    seen: set[str] = set()
    for exercise_id in getlist("exercise"):
        exercise_id = str(exercise_id)
        if exercise_id in seen or not _ID.fullmatch(exercise_id):
            continue
        seen.add(exercise_id)
        doses = {name: str(form.get(f"{name}.{exercise_id}", "")) for name in DOSE_KEYS}
        picked.append(Picked(exercise_id, doses, str(form.get(f"note.{exercise_id}", ""))))
    return Posted(values, picked, str(form.get("action", "")))


_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")


def apply_action(state: Posted, defaults: Mapping[str, Picked]) -> None:
    """Add, move or remove a picked exercise as the button pressed asks."""
    verb, _, exercise_id = state.action.partition(":")
    ids = [item.id for item in state.picked]
    if verb == "add" and exercise_id in defaults and exercise_id not in ids:
        item = defaults[exercise_id]
        state.picked.append(Picked(item.id, dict(item.doses), item.note))
    elif exercise_id in ids:
        index = ids.index(exercise_id)
        last = len(ids) - 1
        if verb == "remove":
            del state.picked[index]
            if state.picked:  # the next one's button, where the removed one's was
                state.focus = f"remove:{state.picked[min(index, last - 1)].id}"
        elif verb == "up" and index > 0:
            state.picked.insert(index - 1, state.picked.pop(index))
            state.focus = f"up:{exercise_id}" if index > 1 else f"down:{exercise_id}"
        elif verb == "down" and index < last:
            state.picked.insert(index + 1, state.picked.pop(index))
            state.focus = f"down:{exercise_id}" if index < last - 1 else f"up:{exercise_id}"


# --- the request the command line would have made ---


def typed_settings(values: Mapping[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    """The settings given, typed as click types them, and errors by field in its words
    ("Invalid value for '--days': 40 is not in the range 1<=x<=31.")."""
    given: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for name, text in values.items():
        row = BY_NAME[name]
        text = text if row.kind in ("text", "notes", "word") else text.strip()
        if not text.strip():
            continue
        if row.kind == "switch":
            if text in ("on", "off"):
                given[name] = text == "on"
            continue
        try:
            given[name] = read_value(row, text)
        except BadValue as exc:
            errors[name] = f"Invalid value for {row.hint}: {exc}"
    return given, errors


_WHOLE = re.compile(r"[+-]?[0-9]{1,9}")


def exercises_plan(picked: Sequence[Picked], toml_string: Any) -> str:
    """The picked exercises as a plan file's `[[exercise]]` tables, the doses as typed
    (a number as a number, anything else as text, which the plan's checks refuse
    with their own words)."""
    lines = ["version = 1"]
    for item in picked:
        lines += ["", "[[exercise]]", f"id = {toml_string(item.id)}"]
        for page_name, plan_key in DOSE_KEYS.items():
            text = item.doses.get(page_name, "").strip()
            if not text:
                continue
            value = str(int(text)) if _WHOLE.fullmatch(text) else toml_string(text)
            lines.append(f"{plan_key} = {value}")
        if item.note.strip():
            lines.append(f"note = {toml_string(item.note)}")
    return "\n".join(lines) + "\n"


def field_of_problem(field_name: str, picked: Sequence[Picked]) -> str | None:
    """The page field a plan problem is about: `exercise[2].reps` -> `reps.<id>`."""
    found = re.fullmatch(r"exercise\[(\d+)\](?:\.(\w+))?", field_name)
    if found is None:
        return None
    index = int(found.group(1)) - 1
    if not 0 <= index < len(picked):
        return "exercise"
    key = found.group(2)
    page = PLAN_KEY_FIELD.get(key or "")
    return f"{page}.{picked[index].id}" if page else "exercise"


# Options named in a message -> the page field beside which it is shown.
def field_of_message(message: str) -> str:
    """The page field an error message is about, by the first option it names."""
    best: tuple[int, str] | None = None
    for row in SHEET_OPTIONS:
        for flag in row.flags:
            found = re.search(rf"(?<![\w-]){re.escape(flag)}(?![\w-])", message)
            if found and (best is None or found.start() < best[0]):
                name = (
                    "exercise" if row.name in ("exercise_ids", "positions", "ability") else row.name
                )
                if row.name in DOSES:
                    name = "exercise"
                best = (found.start(), name)
    return best[1] if best else "general"

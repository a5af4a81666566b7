"""The catalogue's jobs: `makeplan list` (a table or JSON) and `makeplan show`.

Entry points that return exercises (raising a `MakeplanError` for a bad
library or id), and plain functions from exercises to text, so the command
line only prints. Apart from `jobs` so that these start without loading the
drawing steps.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from makeplan.catalogue import load_catalogue
from makeplan.languages import languages
from makeplan.model import Exercise, PlannedExercise
from makeplan.selection import filter_exercises, find_exercises
from makeplan.vocabulary import ABILITY_NAMES, POSITIONS
from makeplan.wording import dose_words, exercise_text


def exercises(
    positions: Sequence[str], ability: int | None, libraries: Sequence[Path]
) -> list[Exercise]:
    """The exercises in `positions` (all when none) at or below `ability`, in routine order."""
    return filter_exercises(load_catalogue(libraries), positions or POSITIONS, ability)


def exercise(exercise_id: str, libraries: Sequence[Path]) -> Exercise:
    """One exercise, built-in or from a library."""
    (found,) = find_exercises(load_catalogue(libraries), [exercise_id], option="ID")
    return found


def _text(ex: Exercise, text: str) -> str:
    """A text of the exercise as a patient reads it: the hold filled in, and lengths in
    both units, since a list is for no paper in particular ('3 feet (1 meter)')."""
    return exercise_text(text, ex.hold_seconds, "both")


def as_json(exercises: Sequence[Exercise]) -> str:
    """Every field of each exercise, its texts as a patient reads them (see `_text`)."""
    entries = [
        {
            **ex.as_dict(),
            "ability_reason": _text(ex, ex.ability_reason),
            "cue": _text(ex, ex.cue),
            "steps": [_text(ex, step) for step in ex.steps],
            "cautions": [_text(ex, caution) for caution in ex.cautions],
        }
        for ex in exercises
    ]
    return json.dumps(entries, indent=2, ensure_ascii=False) + "\n"


def table(exercises: Sequence[Exercise]) -> str:
    """A table to read: id, name, position, ability, where it is from, its dose."""
    header = ("ID", "NAME", "POSITION", "ABILITY", "FROM", "DOSE")
    rows = [header] + [
        (
            ex.id,
            ex.name,
            ex.position,
            f"{ex.ability} {ABILITY_NAMES[ex.ability]}",
            ex.origin,
            dose_words(
                PlannedExercise(ex, ex.reps, ex.sides, ex.hold_seconds, ex.sessions_per_day)
            ),
        )
        for ex in exercises
    ]
    return _columns(rows, len(header))


def describe(ex: Exercise) -> str:
    """One exercise in full: dose, steps, cautions and where it comes from."""

    def number(field: str, value: int, unit: str = "") -> str:
        mark = "  (default: the article gives no number; set it for the patient)"
        return f"{value}{unit}{mark if field in ex.defaults else ''}"

    added = set(ex.added)

    def ours(field: str, text: str, shown: str | None = None) -> str:
        """`text` (as `shown`), marked when its source does not say it ([added])."""
        mark = "  (added: not in the source)" if (field, text) in added else ""
        return (text if shown is None else shown) + mark

    origin = ex.origin + (f" ({ex.library_file})" if ex.library_file else "")
    lines = [
        f"{ex.name}  [{ex.id}]",
        f"From:         {origin}",
        f"Position:     {ex.position}",
        f"Ability:      {ex.ability} {ABILITY_NAMES[ex.ability]}"
        + (f": {_text(ex, ex.ability_reason)}" if ex.ability_reason else ""),
        f"Reps:         {number('reps', ex.reps)}",
        f"Sides:        {ex.sides} ({'each side separately' if ex.sides == 2 else 'both at once'})",
        f"Hold:         {number('hold_seconds', ex.hold_seconds, ' s')}",
        f"Times a day:  {number('sessions_per_day', ex.sessions_per_day)}",
        f"Targets:      {', '.join(ours('targets', target) for target in ex.targets)}",
        f"Equipment:    {', '.join(ex.equipment) or 'none'}",
        f"In short:     {ours('cue', ex.cue, _text(ex, ex.cue))}",
        "Steps:",
        *(
            f"  {index}. {ours('steps', step, _text(ex, step))}"
            for index, step in enumerate(ex.steps, start=1)
        ),
        "Cautions:",
        *(
            f"  - {ours('cautions', caution, _text(ex, caution))}"
            for caution in ex.cautions or ("none given",)
        ),
        f"Key caution:  {ours('key_caution', ex.key_caution) if ex.key_caution else 'none'}",
        f"Source:       {', '.join(ex.source) or 'not given'}",
    ]
    if ex.picture is not None:
        lines.append(f"Picture:      {ex.picture.path} ({ex.picture.kind})")
    return "\n".join(lines)


def languages_json() -> str:
    """Each language a sheet can print in, with its translator and review status."""
    entries = [
        {
            "code": found.code,
            "name": found.name,
            "english_name": found.english_name,
            "direction": found.direction,
            "translator": found.translator,
            "reviewer": found.reviewer,
            "reviewed": found.reviewed,
            "status": found.status,
        }
        for found in languages().values()
    ]
    return json.dumps(entries, indent=2, ensure_ascii=False) + "\n"


def languages_table() -> str:
    """A table of the languages: code, name, direction, review status, translator."""
    header = ("CODE", "LANGUAGE", "DIRECTION", "CLINICAL REVIEW", "TRANSLATED BY")
    rows = [header] + [
        (
            found.code,
            found.english_name if found.name == found.english_name
            else f"{found.english_name} ({found.name})",
            "right to left" if found.rtl else "left to right",
            found.status,
            found.translator,
        )
        for found in languages().values()
    ]  # fmt: skip
    return _columns(rows, len(header))


def translation_review(ex: Exercise, lang: str) -> str:
    """An exercise's texts in English and in `lang`, line under line, for a reviewer who
    reads both (a clinician checking that the meaning is kept)."""
    from makeplan.errors import DataError, ProblemsError
    from makeplan.languages import language, speaking
    from makeplan.pictograms import packaged_pictogram
    from makeplan.translations import read_translation, translation_source

    found = language(lang)
    origin, raw = translation_source(ex, lang)
    if raw is None:
        raise DataError(f"{origin} is missing: {ex.id!r} has no {found.english_name} text.")
    picture = packaged_pictogram(ex.id) if ex.picture is None else None
    captions = [panel.caption for panel in picture.panels] if picture else None
    text, problems = read_translation(raw, origin, ex, captions)
    if text is None:
        raise ProblemsError(origin, problems)
    with speaking(lang):
        theirs = [_text(ex, line) for line in (text.cue, *text.steps, *text.cautions)]
    ours = [_text(ex, line) for line in (ex.cue, *ex.steps, *ex.cautions)]
    cue, steps = (ours[0], theirs[0]), list(zip(ours[1:], theirs[1:], strict=True))
    cautions = steps[len(ex.steps) :]
    steps = steps[: len(ex.steps)]
    lines = [
        f"{ex.name}  [{ex.id}] in {found.english_name} ({found.code}): {found.status}",
        f"From:         {origin}",
        f"Name:         {ex.name}",
        f"              {text.name}",
        f"In short:     {cue[0]}",
        f"              {cue[1]}",
        "Steps:",
        *(f"  {n}. {a}\n     {b}" for n, (a, b) in enumerate(steps, start=1)),
        "Cautions:",
        *(f"  - {a}\n    {b}" for a, b in cautions),
    ]
    if ex.key_caution and text.key_caution:
        lines += [f"Key caution:  {ex.key_caution}", f"              {text.key_caution}"]
    pairs = {
        "Targets": (ex.targets, text.targets),
        "Equipment": (ex.equipment, text.equipment),
        "Captions": (captions or [], text.captions),
    }
    for label, (english, translated) in pairs.items():
        if english:
            lines += [f"{label + ':':<14}{', '.join(english)}", f"{'':<14}{', '.join(translated)}"]
    return "\n".join(lines)


def _columns(rows: Sequence[Sequence[str]], count: int) -> str:
    """Rows as aligned columns, the last one left ragged (it may be long)."""
    widths = [max(len(row[column]) for row in rows) for column in range(count - 1)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=True))
        + "  "
        + row[-1]
        for row in rows
    )

"""An exercise's texts in another language: read, checked, and put in place of the English.

Each language's texts sit beside the English exercise, keyed by its id: for a
built-in exercise `makeplan/exercises/<lang>/<id>.toml`, for a clinic's library
file `<folder>/<lang>/<file name>` next to it. A translation file has exactly
the texts a patient reads:

    id = "knee-hug-side-tilt"          # the English exercise it translates
    name = "..."
    cue = "..."
    targets = ["..."]                   # as many as the English, in its order
    equipment = ["..."]                 # likewise (may be empty when the English is)
    steps = ["...", "..."]              # likewise; the same markup ({hold}, {3 ft | 1 m})
    cautions = ["..."]                  # likewise
    key_caution = "..."                 # when the English has one
    captions = ["...", "..."]           # one per frame of its pose picture, if it has one
    english = "3f2a9c0b1d4e"            # the English texts it was made from (a digest)

It is checked strictly, every problem with its line, as library files are: a
missing or unknown key, a list of another length than the English, markup that
differs from the English sentence's, and an `english` digest that is not the
English texts' as they are now (the English changed after it was translated:
its meaning must be checked again; the problem gives the new digest). The
notes for clinicians (ability_reason, sources) stay in English: they are not
printed on a sheet.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

from makeplan.errors import Problem
from makeplan.model import Exercise
from makeplan.tomllines import line_of
from makeplan.validation import parse

TEXT_FIELDS = ("name", "cue", "key_caution")
# The English texts a translation was made from, as a short digest: when the English
# changes, the translation is found out of date (and its meaning checked again).
SOURCE_KEY = "english"
LIST_FIELDS = ("targets", "equipment", "steps", "cautions", "captions")
_MARKUP = re.compile(r"\{[^{}]*\}")


@dataclass(frozen=True)
class ExerciseText:
    """What a patient reads of one exercise, in one language."""

    id: str
    name: str
    cue: str
    targets: tuple[str, ...]
    equipment: tuple[str, ...]
    steps: tuple[str, ...]
    cautions: tuple[str, ...]
    key_caution: str | None
    captions: tuple[str, ...]


def builtin_translation_name(lang: str, exercise_id: str) -> str:
    return f"makeplan/exercises/{lang}/{exercise_id}.toml"


def builtin_translation(lang: str, exercise_id: str) -> bytes | None:
    """The packaged translation file's bytes, or None when there is none."""
    entry = resources.files("makeplan") / "exercises" / lang / f"{exercise_id}.toml"
    return entry.read_bytes() if entry.is_file() else None


def library_translation_path(library_file: str, lang: str) -> Path:
    """Where a library exercise's translation into `lang` is: `<folder>/<lang>/<name>`."""
    path = Path(library_file)
    return path.parent / lang / path.name


def translation_source(exercise: Exercise, lang: str) -> tuple[str, bytes | None]:
    """(where the translation of `exercise` into `lang` is, its bytes or None)."""
    if exercise.library_file is None:
        return builtin_translation_name(lang, exercise.id), builtin_translation(lang, exercise.id)
    path = library_translation_path(exercise.library_file, lang)
    try:
        return str(path), path.read_bytes() if path.is_file() else None
    except OSError:
        return str(path), None


def read_translation(
    raw: bytes, origin: str, exercise: Exercise, captions: Sequence[str] | None
) -> tuple[ExerciseText | None, list[Problem]]:
    """The translation in `raw` of `exercise` (whose pictures have `captions`), or its problems.

    `captions` None: the picture could not be read (its own problems say why), so the
    translation's captions are not counted against it."""
    data, lines, problems = parse(raw, origin)
    if data is None:
        return None, problems
    english: dict[str, Any] = {
        "name": exercise.name,
        "cue": exercise.cue,
        "key_caution": exercise.key_caution,
        "targets": exercise.targets,
        "equipment": exercise.equipment,
        "steps": exercise.steps,
        "cautions": exercise.cautions,
        "captions": tuple(captions) if captions is not None else tuple(data.get("captions", ())),
    }

    def problem(path: tuple[str | int, ...], message: str) -> None:
        field = ".".join(str(part) for part in path) if path else "file"
        problems.append(Problem(origin, line_of(lines, path), field, message))

    digest = english_digest(english)
    # Without the picture's captions (its pose file has problems of its own) the English
    # it was made from cannot be told.
    if SOURCE_KEY in data and captions is not None and data[SOURCE_KEY] != digest:
        problem(
            (SOURCE_KEY,),
            f"is {data[SOURCE_KEY]!r}, but the English exercise has changed since (its texts "
            f"are now {digest!r}); check the translation against the English, then set "
            f'english = "{digest}".',
        )
    if data.get("id") != exercise.id:
        problem(
            ("id",), f"is {data.get('id')!r}; expected {exercise.id!r}, the exercise it translates."
        )
    for key in sorted(set(data) - {"id", SOURCE_KEY, *TEXT_FIELDS, *LIST_FIELDS}):
        problem(
            (key,),
            "is not a key of a translation; expected one of "
            f"{', '.join(('id', SOURCE_KEY, *TEXT_FIELDS, *LIST_FIELDS))}.",
        )
    for key in TEXT_FIELDS + LIST_FIELDS:
        source = english[key]
        if key not in data:
            if source:  # a text, or a list with items
                problem((), f"has no {key}; expected the {key} in this language.")
            continue
        value = data[key]
        if key in TEXT_FIELDS:
            if source is None:
                problem((key,), "is given, but the English exercise has none; leave it out.")
            elif not isinstance(value, str) or not value.strip():
                problem((key,), "is not a text; expected the text in quotes.")
            else:
                _same_markup(problem, (key,), value, source)
            continue
        if not isinstance(value, list) or not all(
            isinstance(item, str) and item.strip() for item in value
        ):
            problem((key,), 'is not a list of texts; expected a list like ["...", "..."].')
            continue
        if len(value) != len(source):
            problem(
                (key,),
                f"has {len(value)} items; expected {len(source)}, "
                "one for each in English, in its order.",
            )
            continue
        for index, (text, original) in enumerate(zip(value, source, strict=True)):
            _same_markup(problem, (key, index), text, original)
    if problems:
        return None, problems
    return (
        ExerciseText(
            id=exercise.id,
            name=data["name"].strip(),
            cue=data["cue"].strip(),
            targets=tuple(data.get("targets", ())),
            equipment=tuple(data.get("equipment", ())),
            steps=tuple(data.get("steps", ())),
            cautions=tuple(data.get("cautions", ())),
            key_caution=data.get("key_caution"),
            captions=tuple(data.get("captions", ())),
        ),
        [],
    )


def english_digest(english: Mapping[str, Any]) -> str:
    """A short digest of an exercise's English texts (`read_translation`'s `english`)."""
    parts = []
    for key in (*TEXT_FIELDS, *LIST_FIELDS):
        value = english[key]
        parts.append("\x1e".join(value) if isinstance(value, tuple) else value or "")
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


def _same_markup(problem: Any, path: tuple[str | int, ...], text: str, english: str) -> None:
    ours, theirs = _MARKUP.findall(text), _MARKUP.findall(english)
    if ours != theirs:
        shown = ", ".join(theirs) or "none"
        problem(
            path,
            f"has the markup {', '.join(ours) or 'none'}; "
            f"expected the English's, {shown}, in its order.",
        )


def translated(exercise: Exercise, text: ExerciseText) -> Exercise:
    """`exercise` with the patient's texts of `text`."""
    return replace(
        exercise,
        name=text.name,
        cue=text.cue,
        targets=text.targets,
        equipment=text.equipment,
        steps=text.steps,
        cautions=text.cautions,
        key_caution=text.key_caution,
    )


def caption_map(english: Sequence[str], text: ExerciseText) -> Mapping[str, str]:
    """English caption -> its translation."""
    return dict(zip(english, text.captions, strict=False))

"""`makeplan check`: every problem in plan, library, layout and pose files, with its line.

A path is a library folder, a pose file (it has `[[frame]]`), a plan file (it
has `version`, or `[[exercise]]` tables), a layout file (it has `extends` or a
layout's table: `[page]`, `[text]`, `[exercise]`, `[boxes]`, `[picture]`,
`[logo]`) or an exercise file (it has `id`). Each is checked against its
schema in `makeplan/schemas/`. All library paths given are read together, as
`build` would read them with --library, so an id used twice across them is
found. Unlike a build, the check also opens the files they name (covers, logo,
photos, pose files), so a broken one is found before a sheet is needed; and the
translations beside library files (a language folder such as `es/` next to an
exercise file must hold its translation, see `translations`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from makeplan.errors import MakeplanError, Problem
from makeplan.inputs import read_input
from makeplan.layouts import layout_problems
from makeplan.library import library_files, read_libraries
from makeplan.model import Exercise
from makeplan.pictures import picture_problems
from makeplan.planfile import plan_problems
from makeplan.poses import pose_problems
from makeplan.validation import parse


def check_paths(paths: Sequence[Path]) -> tuple[list[Problem], int]:
    """All problems in `paths` (each once, in the order found), and how many files were read."""
    problems: list[Problem] = []
    libraries: list[Path] = []
    translations: list[Path] = []
    checked = 0
    for path in paths:
        if path.is_dir():
            libraries.append(path)
            checked += len(library_files(path)[0])
            continue
        try:
            raw = read_input(
                path, str(path), "a plan, exercise, layout or pose .toml file", MakeplanError
            )
        except MakeplanError as exc:
            problems.append(Problem(str(path), 1, "file", exc.message.removeprefix(f"{path}: ")))
            continue
        checked += 1
        data, _, syntax = parse(raw, str(path))
        if data is None:
            problems += syntax
        elif "frame" in data:
            problems += pose_problems(raw, str(path))[1]
        elif "version" not in data and _is_layout(data):
            problems += layout_problems(path, raw)
        elif "version" in data or "exercise" in data:
            problems += plan_problems(path, deep=True)[1]
        elif "id" in data and _translated_file(path) is not None:
            translations.append(path)  # es/pelvic-tilt.toml beside pelvic-tilt.toml
        elif "id" in data:
            libraries.append(path)
        else:
            problems.append(
                Problem(
                    str(path),
                    1,
                    "file",
                    "is neither a plan, an exercise, a layout nor a pose file; expected "
                    "'version = 1' (a plan), an 'id' (an exercise), 'extends' or tables "
                    "like [page] and [text] (a layout) or [[frame]] tables (a pose).",
                )
            )
    if libraries:
        exercises, found = read_libraries(libraries)
        problems += found + picture_problems(exercises)
        problems += translation_problems(exercises)
    for path in translations:
        problems += _one_translation_problems(path)
    return list(dict.fromkeys(problems)), checked


def _translated_file(path: Path) -> Path | None:
    """The exercise file a translation file translates: `../<name>` when it sits in a
    folder named for a language (`es/pelvic-tilt.toml`); None for any other file."""
    from makeplan.languages import ENGLISH, language_codes

    english = path.parent.parent / path.name
    if path.parent.name in language_codes() and path.parent.name != ENGLISH:
        return english if english.is_file() else None
    return None


def _one_translation_problems(path: Path) -> list[Problem]:
    """A translation file given by itself: checked against the exercise beside its folder."""
    english = _translated_file(path)
    assert english is not None
    exercises, found = read_libraries([english])
    if found or not exercises:
        return found
    return [
        problem
        for problem in translation_problems(exercises, only=path.parent.name)
        if problem.file == str(path)
    ]


def translation_problems(exercises: Sequence[Exercise], only: str | None = None) -> list[Problem]:
    """Problems in the translations of library exercises: each language folder beside
    a library file (`es/` next to `pelvic-tilt.toml`) must translate it, strictly."""
    from makeplan.languages import ENGLISH, language_codes
    from makeplan.translations import library_translation_path, read_translation

    problems: list[Problem] = []
    for exercise in exercises:
        if exercise.library_file is None:
            continue
        for code in language_codes():
            path = library_translation_path(exercise.library_file, code)
            if code == ENGLISH or not path.parent.is_dir() or only not in (None, code):
                continue
            if not path.is_file():
                problems.append(
                    Problem(
                        str(path), 1, "file",
                        f"is missing: {exercise.library_file} has no text in the language "
                        f"of {path.parent}/ ({code}), so a --lang {code} sheet would print "
                        "it in English; add the file.",
                    )
                )  # fmt: skip
                continue
            try:
                raw = path.read_bytes()
            except OSError as exc:
                problems.append(Problem(str(path), 1, "file", f"cannot be read ({exc})."))
                continue
            problems += read_translation(raw, str(path), exercise, _captions(exercise))[1]
    return problems


def _captions(exercise: Exercise) -> list[str] | None:
    """The captions of a library exercise's pose picture (none for a photo; None when
    the pose file cannot be read, which is a problem of its own)."""
    from makeplan.pictograms import packaged_pictogram
    from makeplan.pictures import library_picture
    from makeplan.poses import Pictogram

    if exercise.picture is None:  # as a build does: the packaged picture of its id, if any
        packaged = packaged_pictogram(exercise.id)
        return [panel.caption for panel in packaged.panels] if packaged else []
    if exercise.picture.kind != "pose":
        return []

    try:
        picture = library_picture(exercise.picture, 0, 0, False)
    except MakeplanError:
        return None  # its problems are the picture's, found above
    return [panel.caption for panel in picture.panels] if isinstance(picture, Pictogram) else []


def _is_layout(data: dict[str, Any]) -> bool:
    """Whether a file's top-level keys are a layout's (a plan's [[exercise]] is a list)."""
    tables = ("page", "text", "exercise", "boxes", "picture", "logo")
    return "extends" in data or any(isinstance(data.get(key), dict) for key in tables)

"""A library exercise's own picture: its photo, or the pictogram of its pose file.

Any failure is a problem of the library file, at the line naming the picture.
Apart from `library` so that reading exercise files (`makeplan list --library`)
loads neither the pose engine nor pillow.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from makeplan.errors import DataError, MakeplanError, Problem, ProblemsError
from makeplan.inputs import read_input
from makeplan.model import Exercise, PictureSource
from makeplan.pictograms import load_pose_text
from makeplan.poses import Pictogram

if TYPE_CHECKING:
    from makeplan.images import Picture


def library_picture(
    source: PictureSource, max_width_pt: float, max_height_pt: float, grayscale: bool
) -> Picture | Pictogram:
    """A library exercise's photo, prepared to print at most that size, or its pictogram.

    A picture that cannot be read is a problem of the library file, at the line
    naming it; a pose file with problems gives those, each at its line in that file.
    """
    try:
        if source.kind == "image":
            from makeplan.images import load_picture

            return load_picture(source.path, "", max_width_pt, max_height_pt, grayscale)
        raw = read_input(source.path, str(source.path), "a pose .toml file", DataError)
        return load_pose_text(raw, str(source.path), source.path.stem)
    except ProblemsError:
        raise  # problems inside the pose file, each at its own line there
    except MakeplanError as exc:
        problem = Problem(source.file, source.line, source.kind, exc.message)
        raise ProblemsError(source.file, [problem]) from None


def picture_problems(exercises: Sequence[Exercise]) -> list[Problem]:
    """Open every library picture fully, as `check` does; each failure is a problem."""
    problems: list[Problem] = []
    for exercise in exercises:
        if exercise.picture is not None:
            try:
                library_picture(exercise.picture, 600, 600, grayscale=False)
            except ProblemsError as exc:
                problems += exc.problems
    return problems

"""The catalogue's pictures drawn ahead of time (`assets/predrawn.json`).

A sheet reads a packaged pose's picture from that file instead of drawing it again;
it must be current (else every picture is drawn, and the sheet is slower), give
exactly what drawing gives, and never be used for a pose file or code it was not
made from.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from makeplan import predrawn
from makeplan.catalogue import load_catalogue
from makeplan.pictograms import drawn_pictogram, packaged_pictogram

ROOT = Path(__file__).resolve().parents[1]
IDS = [exercise.id for exercise in load_catalogue(())]


def _pose_bytes(exercise_id: str) -> bytes:
    entry = resources.files("makeplan") / "assets" / "poses" / f"{exercise_id}.toml"
    return entry.read_bytes()


def test_the_file_is_current_with_the_pose_files_and_the_drawing_code() -> None:
    # Fails after a change to a pose file or to pictograms/figure/poses: run
    # `pip install . && python -P -m makeplan.predrawn` from the project's root.
    checked_in = (ROOT / "assets" / predrawn.FILE_NAME).read_text(encoding="utf-8")
    assert checked_in == predrawn.current_text(), "run: python -P -m makeplan.predrawn"


@pytest.mark.parametrize("exercise_id", IDS)
def test_a_stored_picture_equals_the_picture_drawn_now(exercise_id: str) -> None:
    pose_bytes = _pose_bytes(exercise_id)
    stored = predrawn.stored_pictogram(exercise_id, pose_bytes)
    assert stored is not None
    assert stored == drawn_pictogram(exercise_id, pose_bytes)
    assert packaged_pictogram(exercise_id) == stored


def test_every_catalogue_exercise_has_a_stored_picture() -> None:
    assert set(predrawn._stored()) == set(IDS)


def test_a_pose_file_that_changed_is_drawn_not_read() -> None:
    pose_bytes = _pose_bytes("seated-twist") + b"\n# edited\n"
    assert predrawn.stored_pictogram("seated-twist", pose_bytes) is None


def test_stored_pictures_for_other_drawing_code_are_not_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    predrawn._stored.cache_clear()
    try:
        monkeypatch.setattr(predrawn, "code_digest", lambda: "another version")
        assert predrawn._stored() == {}
        assert predrawn.stored_pictogram("seated-twist", _pose_bytes("seated-twist")) is None
    finally:
        predrawn._stored.cache_clear()


def test_code_that_cannot_be_read_uses_no_stored_picture(monkeypatch: pytest.MonkeyPatch) -> None:
    predrawn._stored.cache_clear()
    try:
        monkeypatch.setattr(predrawn, "code_digest", lambda: None)
        assert predrawn._stored() == {}
    finally:
        predrawn._stored.cache_clear()

"""The golden corpus (tests/golden/corpus.py): over 200 commands give exactly the
bytes they gave when it was recorded (run in two parts, one per core). A change meant
to alter output records it again (`python tests/golden/corpus.py record`), and the
diff shows what changed."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

CORPUS = Path(__file__).parent / "golden" / "corpus.py"
# The corpus runs in parts, each a test of its own, so two cores share it.
PARTS = 2


def _corpus() -> ModuleType:
    spec = importlib.util.spec_from_file_location("golden_corpus", CORPUS)
    assert spec is not None and spec.loader is not None
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    return corpus


def test_the_recording_has_every_command_and_no_other() -> None:
    corpus = _corpus()
    expected = json.loads(corpus.EXPECTED.read_text())
    keys = [corpus.command_key(args) for args in corpus.commands()]
    assert len(keys) >= 200 and len(set(keys)) == len(keys)
    assert set(expected) == set(keys)


@pytest.mark.parametrize("part", range(PARTS))
def test_every_command_gives_the_recorded_bytes(part: int) -> None:
    corpus = _corpus()
    expected = json.loads(corpus.EXPECTED.read_text())
    results = corpus.fingerprints(part, PARTS)
    assert len(results) >= 200 // PARTS
    changed = sorted(key for key in results if results[key] != expected.get(key))
    assert not changed, f"{len(changed)} commands changed, such as: {changed[:3]}"

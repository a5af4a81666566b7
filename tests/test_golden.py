"""The golden corpus (tests/golden/corpus.py): 201 commands give exactly the bytes they
gave when it was recorded. A change meant to alter output records it again
(`python tests/golden/corpus.py record`), and the diff shows what changed."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

CORPUS = Path(__file__).parent / "golden" / "corpus.py"


def test_every_command_gives_the_recorded_bytes() -> None:
    spec = importlib.util.spec_from_file_location("golden_corpus", CORPUS)
    assert spec is not None and spec.loader is not None
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    expected = json.loads(corpus.EXPECTED.read_text())
    results = corpus.fingerprints()
    assert len(results) >= 200
    changed = sorted(
        key for key in expected.keys() | results.keys() if results.get(key) != expected.get(key)
    )
    assert not changed, f"{len(changed)} commands changed, such as: {changed[:3]}"

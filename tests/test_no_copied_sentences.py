"""No printed sentence shares six words in a row with the source articles: the facts
carry over, the sentences are written afresh. Read from every layout's PDF as printed,
and from the catalogue's own text (a step wrapped over two lines is checked whole)."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest

from makeplan.catalogue import load_catalogue

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
RUN = 6


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))


def runs(text: str) -> set[tuple[str, ...]]:
    found = words(text)
    return {tuple(found[i : i + RUN]) for i in range(len(found) - RUN + 1)}


@pytest.fixture(scope="module")
def article_runs() -> set[tuple[str, ...]]:
    articles = sorted(SEEDS.glob("0*.txt"))
    if not articles:
        pytest.skip(f"the source articles are not beside the project ({SEEDS})")
    return set().union(*(runs(path.read_text()) for path in articles))


def shared(text: str, article_runs: set[tuple[str, ...]]) -> list[str]:
    sentences = re.split(r"(?<=[.!?:])\s+", " ".join(text.split()))
    return [s for s in sentences if runs(s) & article_runs]


@pytest.mark.parametrize("layout", ["one-page", "handout", "large-print", "week"])
def test_no_printed_sentence_copies_an_article(run, tmp_path, article_runs, layout) -> None:
    assert run("build", "--layout", layout, "--title-page", "-o", "s.pdf").code == 0
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(tmp_path / "s.pdf").pages)
    assert shared(text, article_runs) == []


def test_no_catalogue_sentence_copies_an_article(article_runs) -> None:
    for exercise in load_catalogue(()):
        texts = [exercise.name, exercise.cue, *exercise.steps, *exercise.cautions]
        assert shared(" ".join(texts), article_runs) == [], exercise.id

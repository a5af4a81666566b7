"""How well `makeplan read` reads paper: over 20,000 boxes of simulated phone photos and
scans, every layout, both papers, every kind of mark; the confusion table is printed.

Targets (issue 18): at least 99.5% of boxes right on photos and 100% on clean scans;
no mark read as empty (a faint one may be unclear); no empty box read as ticked; a pain
scale with one number marked read as exactly that number. Photos are taken from 1000 px
on the long side, the week sheet's (markers 4.9 mm, in its 8 mm margins) from 1500 px.
A bigger sweep: benchmarks/scan_accuracy.py.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np
import pytest

pytest.importorskip("cv2")

import scansim

from makeplan.errors import MakeplanError
from makeplan.scan.decide import State, scale_value
from makeplan.scan.reading import open_originals, read_page

MORE_BOXES = ["--reps", "10", "--sessions", "3", "--date", "2026-01-05"]
# (layout, paper, photos, smallest photo side, scans)
PLAN = [
    ("week", "a4", 20, 1500, 6),
    ("week", "letter", 10, 1500, 2),
    ("one-page", "a4", 8, 1000, 3),
    ("one-page", "letter", 8, 1000, 2),
    ("handout", "a4", 5, 1000, 1),
    ("handout", "letter", 5, 1000, 1),
    ("large-print", "a4", 5, 1000, 1),
    ("large-print", "letter", 5, 1000, 1),
]


class Tally:
    """Counts of (what was drawn, what was read), for photos and for scans."""

    def __init__(self) -> None:
        self.boxes: dict[str, Counter[tuple[str, str]]] = {"photo": Counter(), "scan": Counter()}
        self.scales: dict[str, Counter[str]] = {"photo": Counter(), "scan": Counter()}
        self.refused: dict[str, list[str]] = {"photo": [], "scan": []}
        self.taken: Counter[str] = Counter()

    def table(self, source: str) -> str:
        counts = self.boxes[source]
        total = sum(counts.values())
        right = sum(n for (kind, read), n in counts.items() if scansim.EXPECTED[kind] == read)
        lines = [
            f"{source}s: {total} boxes, {right / max(total, 1):.4%} read right",
            f"{'drawn':<10}{'ticked':>9}{'empty':>9}{'unclear':>9}",
        ]
        for kind in scansim.KINDS:
            row = [counts[(kind, read)] for read in ("ticked", "empty", "unclear")]
            lines.append(f"{kind:<10}" + "".join(f"{n:>9}" for n in row))
        scales = self.scales[source]
        lines.append(f"refused: {len(self.refused[source])} of {self.taken[source]}")
        lines.append(
            "pain scales: "
            + ", ".join(f"{name} {scales[name]}" for name in ("exact", "unclear", "wrong"))
        )
        return "\n".join(lines)


def read_and_count(
    tally: Tally, source: str, image: np.ndarray, originals: Any, record: Any, number: int,
    marks: dict[tuple[str, int | None], str],
) -> None:  # fmt: skip
    tally.taken[source] += 1
    try:
        page = read_page(source, image, originals, False)
    except MakeplanError as exc:
        # A refusal ("take it again") is not a misread; they are counted and bounded.
        tally.refused[source].append(exc.message)
        return
    assert page.page == number
    scales: dict[str, list[tuple[int, State]]] = {}
    for box in record.paper.pages[number]:
        state = page.states[(box.field, box.value)]
        # Every box counts, a pain scale's too.
        kind = marks.get((box.field, box.value), "empty")
        tally.boxes[source][(kind, state.value)] += 1
        if box.value is not None:
            scales.setdefault(box.field, []).append((box.value, state))
    for name, states in scales.items():
        drawn = [value for value, _ in states if (name, value) in marks]
        read = scale_value(sorted(states))
        if read.unclear:
            tally.scales[source]["unclear"] += 1
        elif read.value == (drawn[0] if drawn else None):
            tally.scales[source]["exact"] += 1
        else:
            tally.scales[source]["wrong"] += 1


@pytest.fixture(scope="module")
def tally(tmp_path_factory: pytest.TempPathFactory) -> Tally:
    from makeplan.cli import run

    folder = tmp_path_factory.mktemp("accuracy")
    tally = Tally()
    rng = np.random.default_rng(18)
    for layout, paper, photos, smallest, scans in PLAN:
        pdf = folder / f"{layout}-{paper}.pdf"
        assert run(["build", "--layout", layout, "--paper", paper, *MORE_BOXES,
                    "-o", str(pdf)]) == 0  # fmt: skip
        record = scansim.sheet_record(pdf)
        originals = open_originals(pdf)
        renderer = scansim.Renderer(pdf)
        # The pages with most boxes first: more boxes for the same time.
        pages = sorted(range(len(record.paper.pages)), key=lambda n: -len(record.paper.pages[n]))
        longest = max(record.paper.width, record.paper.height)
        for index in range(photos):
            number = pages[index % len(pages)]
            marks = scansim.random_marks(record, number, rng)
            pens = scansim.LIGHT_PENS if index % 4 == 3 else scansim.DARK_PENS
            pen = pens[index % len(pens)]
            side = int(rng.integers(smallest, 3001))
            scale = min(3.5, 1.25 * 0.9 * side / longest)
            page = scansim.marked_page(renderer, record, number, scale, marks, pen, rng)
            photo = scansim.photograph(page, scale, rng, side, quarter_turns=index % 4)
            read_and_count(tally, "photo", photo, originals, record, number, marks)
        for index in range(scans):
            number = pages[index % len(pages)]
            marks = scansim.random_marks(record, number, rng)
            dpi = (200, 300)[index % 2]
            page = scansim.marked_page(renderer, record, number, dpi / 72, marks,
                                       scansim.DARK_PENS[index % 3], rng)  # fmt: skip
            image = scansim.scan(page, rng, black_and_white=index % 2 == 0)
            read_and_count(tally, "scan", image, originals, record, number, marks)
    return tally


def test_over_20000_boxes_with_the_confusion_table(
    tally: Tally, capsys: pytest.CaptureFixture[str]
) -> None:
    with capsys.disabled():
        for source in ("photo", "scan"):
            print("\n" + tally.table(source))
    assert sum(sum(counts.values()) for counts in tally.boxes.values()) >= 20_000


@pytest.mark.parametrize(("source", "least"), [("photo", 0.995), ("scan", 1.0)])
def test_accuracy_targets(tally: Tally, source: str, least: float) -> None:
    counts = tally.boxes[source]
    total = sum(counts.values())
    right = sum(n for (kind, read), n in counts.items() if scansim.EXPECTED[kind] == read)
    assert right / total >= least, tally.table(source)
    # Never a silently wrong count: no mark read as empty, no empty box (or dot) as ticked.
    for kind in scansim.TICK_KINDS:
        assert counts[(kind, "empty")] == 0, tally.table(source)
    for kind in ("empty", "dot"):
        assert counts[(kind, "ticked")] == 0, tally.table(source)
    assert tally.scales[source]["wrong"] == 0, tally.table(source)
    # Photos taken again: at most one in fifty (a marker lost to a steep angle in a dark
    # corner); scans never.
    allowed = tally.taken[source] // 50 if source == "photo" else 0
    assert len(tally.refused[source]) <= allowed, tally.refused[source]
    if source == "scan":
        assert tally.scales[source]["unclear"] == 0, tally.table(source)

"""A single page uses the paper: it grows with room to spare, and shrinks only to 9 pt.

Measured from the PDF as printed (issue 17, item 1): the most common text size
(the body), the smallest text, the tick boxes' size and the gaps between them.
"""

from __future__ import annotations

import collections
import itertools
from pathlib import Path

import pdfplumber
import pytest

MM = 72 / 25.4
DATE = ("--date", "2026-11-30")
FOUR = ("-e", "knee-hug-side-tilt", "-e", "back-rounder", "-e", "seated-twist",
        "-e", "warrior-at-the-wall")  # fmt: skip


def measured(path: Path) -> tuple[float, float, float, float, int]:
    """(smallest text pt, most common text pt, smallest tick box mm, smallest gap
    between two boxes side by side mm, pages)."""
    with pdfplumber.open(path) as pdf:
        sizes: collections.Counter[float] = collections.Counter()
        boxes = []
        for page in pdf.pages:
            sizes.update(round(char["size"], 1) for char in page.chars)
            squares = [
                rect for rect in page.rects
                if abs(rect["width"] - rect["height"]) < 0.2 and 3 * MM < rect["width"] < 12 * MM
            ]  # fmt: skip
            boxes += [(page.page_number, rect) for rect in squares]
        gaps = [
            (b["x0"] - a["x1"]) / MM
            for (pa, a), (pb, b) in itertools.pairwise(boxes)
            if pa == pb and abs(a["top"] - b["top"]) < 0.5 and 0 < b["x0"] - a["x1"] < 5 * MM
        ]
        return (
            min(sizes),
            sizes.most_common(1)[0][0],
            min(rect["width"] for _, rect in boxes) / MM,
            min(gaps),
            len(pdf.pages),
        )


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize(
    ("selection", "body_at_least", "box_at_least", "gap_at_least"),
    [
        # Base sizes: 9.5 pt body, 5 mm boxes 1.8 mm apart. A page with room grows them.
        (("-a", "gentle"), 11.5, 5.8, 1.5),
        (FOUR, 10.5, 5.2, 1.5),
        # The whole catalogue shrinks, but its text never below 9 pt. (Its boxes
        # still close up to about 1.1 mm apart on Letter: issue 17 is open on that.)
        ((), 9.0, 3.5, 1.0),
    ],
)
def test_one_page_grows_with_room_and_never_goes_below_9_pt(
    run, tmp_path, paper, selection, body_at_least, box_at_least, gap_at_least
) -> None:
    result = run("build", *DATE, "--paper", paper, *selection, "-o", "s.pdf")
    assert result.code == 0, result.stderr
    smallest, body, box, gap, _ = measured(tmp_path / "s.pdf")
    assert smallest >= 9.0
    assert body >= body_at_least
    assert box >= box_at_least
    # Far enough apart that a shaky tick stays in its own box.
    assert gap >= gap_at_least


def test_a_one_page_that_cannot_hold_it_at_9_pt_goes_on_and_says_so(run, tmp_path) -> None:
    result = run("build", *DATE, "--days", "4", "-a", "moderate", "-o", "s.pdf")
    assert result.code == 0
    assert "so it goes on to" in result.stderr
    smallest, _, _, _, pages = measured(tmp_path / "s.pdf")
    assert pages > 1 and smallest >= 9.0

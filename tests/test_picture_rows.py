"""Frames of one exercise side by side stand on one floor line.

A frame is as tall as it needs (one without an arrow over the head is shorter), so
frames in a row differ in height; they share the row's bottom, so the mats and
floors of one exercise line up from frame to frame (until session 10 the shorter
frames hung from the row's top, their mats higher than their neighbours': the
seated twist's and the hamstring stretch's in the handout)."""

from __future__ import annotations

import datetime as dt

import pytest

from makeplan.build import artwork_for
from makeplan.catalogue import load_catalogue
from makeplan.geometry import Artwork, place
from makeplan.layouts import load_layout
from makeplan.options import Options
from makeplan.render import text_width
from makeplan.resolving import with_layout
from makeplan.selection import select


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_frames_side_by_side_share_their_bottom(paper: str) -> None:
    options = Options(layout="handout", paper=paper, date=dt.date(2026, 12, 1))
    layout = load_layout("handout")
    plan = select(load_catalogue(()), with_layout(options, layout))
    pictures = artwork_for(plan, layout, False)[0]
    document = place(plan, layout, paper, text_width, Artwork(pictures, None))
    uneven = 0
    for picture in pictures.values():
        drawn = [d for page in document.pages for d in page.drawings if d.panel in picture.panels]
        # Frames side by side overlap in height; each such pair shares its bottom.
        side_by_side = [
            (a, b) for i, a in enumerate(drawn) for b in drawn[i + 1 :]
            if a.y < b.y + b.height and b.y < a.y + a.height
        ]  # fmt: skip
        for a, b in side_by_side:
            assert abs(a.y - b.y) < 0.01, (picture.exercise_id, a.y, b.y)
            uneven += abs(a.height - b.height) > 0.5
    assert uneven >= 2, "frames of different heights side by side: else this tests nothing"

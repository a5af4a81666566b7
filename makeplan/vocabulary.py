"""The words and numbers of the domain that options and data files are checked against.

Kept apart from the dataclasses in `model` so that `makeplan --help` can
build its option lists without loading them. Each range is written here once:
the sheet options (`options`), plan and layout files, and a sheet's own record
all check against it.
"""

from __future__ import annotations

from typing import NamedTuple

POSITIONS: tuple[str, ...] = ("lying", "sitting", "standing")
ABILITY_NAMES: dict[int, str] = {1: "gentle", 2: "moderate", 3: "strengthening"}
SIDE_NAMES: dict[int, tuple[str, ...]] = {1: ("both",), 2: ("right", "left")}
PAPERS: tuple[str, ...] = ("a4", "letter")
# Lengths in an exercise's steps print in one system per sheet: the paper's, unless
# the options say otherwise.
UNIT_SYSTEMS: tuple[str, ...] = ("metric", "us")
PAPER_UNITS: dict[str, str] = {"a4": "metric", "letter": "us"}


class Range(NamedTuple):
    """Whole numbers from `low` to `high`, both included."""

    low: int
    high: int


DAYS = Range(1, 31)  # days one sheet tracks
REPS = Range(1, 100)
HOLD_SECONDS = Range(0, 600)  # 0: no hold
SESSIONS_PER_DAY = Range(1, 12)

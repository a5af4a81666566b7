"""The words of the domain that options and data files are checked against.

Kept apart from the dataclasses in `model` so that `makeplan --help` can
build its option lists without loading them.
"""

from __future__ import annotations

POSITIONS: tuple[str, ...] = ("lying", "sitting", "standing")
ABILITY_NAMES: dict[int, str] = {1: "gentle", 2: "moderate", 3: "strengthening"}
SIDE_NAMES: dict[int, tuple[str, ...]] = {1: ("both",), 2: ("right", "left")}

"""The single page's size search (`place._largest_fitting`): which size it picks, and
which sizes it only measures (a probe) or makes whole, so a sheet is made once."""

from __future__ import annotations

import importlib
from collections.abc import Callable

import pytest

from makeplan.geometry.items import Document

place = importlib.import_module("makeplan.geometry.place")

SCALES = [1.35, 1.2, 1.1, 1.0, 0.95, 0.9, 0.85, 0.8, 0.3]


def _search(
    largest_fitting: float | None, scales: list[float] = SCALES
) -> tuple[float | None, list[str]]:
    """Run the search on `scales` where every size up to `largest_fitting` fits; the
    chosen size and the calls made, in order ('fit 0.9', 'probe 0.3')."""
    calls: list[str] = []

    def tried(kind: str) -> Callable[[float], Document | None]:
        def attempt(scale: float) -> Document | None:
            calls.append(f"{kind} {scale}")
            fits = largest_fitting is not None and scale <= largest_fitting
            return Document(1, 1, 0, (), "", "", "", scale=scale) if fits else None

        return attempt

    probe = tried("probe")
    found = place._largest_fitting(scales, tried("fit"), lambda scale: probe(scale) is not None)
    return (None if found is None else found.scale), calls


@pytest.mark.parametrize(
    ("fits_up_to", "chosen", "calls"),
    [
        # A short sheet: the base is measured, then the largest made whole.
        (1.35, 1.35, ["probe 1.0", "fit 1.35"]),
        (1.1, 1.1, ["probe 1.0", "fit 1.35", "fit 1.2", "fit 1.1"]),
        # Only the base fits: made whole after the larger sizes fail.
        (1.0, 1.0, ["probe 1.0", "fit 1.35", "fit 1.2", "fit 1.1", "fit 1.0"]),
        # A long sheet: the base does not fit, the smallest is measured, then top down.
        (0.85, 0.85, ["probe 1.0", "probe 0.3", "fit 0.95", "fit 0.9", "fit 0.85"]),
        (0.95, 0.95, ["probe 1.0", "probe 0.3", "fit 0.95"]),
        # Only the smallest fits: measured, then made whole once at the end.
        (
            0.3,
            0.3,
            ["probe 1.0", "probe 0.3", "fit 0.95", "fit 0.9", "fit 0.85", "fit 0.8", "fit 0.3"],
        ),
        # Nothing fits: two measurements, nothing made whole.
        (None, None, ["probe 1.0", "probe 0.3"]),
    ],
)
def test_the_search_picks_the_largest_size_that_fits_making_few_whole(
    fits_up_to: float | None, chosen: float | None, calls: list[str]
) -> None:
    assert _search(fits_up_to) == (chosen, calls)


def test_without_larger_sizes_the_base_is_tried_like_any_other() -> None:
    assert _search(0.9, [1.0, 0.95, 0.9, 0.3]) == (
        0.9,
        ["probe 0.3", "fit 1.0", "fit 0.95", "fit 0.9"],
    )

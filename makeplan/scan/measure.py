"""Measures the ink in each box of a located page, against the page's own paper and print.

The image is warped onto the page (PAGE_SCALE pixels a point at most, never
more than the photo has), smoothed a little against noise and JPEG blocks.
Darkness is measured relative, never by a fixed threshold: each box against
the paper just round it (a high percentile of a ring outside its outline, so
uneven light and a grey scan cancel out) and against the page's own black
(the markers' borders). A box's inside is its square less the printed outline
and a margin for a slightly misplaced fit; there the share of dark and faint
pixels and how far they reach across make its `Ink` (see decide).

The page's quality is measured on the way: how dark the boxes' printed
outlines come out (blur and poor light make them grey), and how many
pixels a point the photo has.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

import cv2
import numpy as np
from numpy.typing import NDArray

from makeplan.scan.decide import Ink
from makeplan.sheetdata import Paper, PlacedBox

PAGE_SCALE = 3.0  # pixels a point of the warped page at most (216 dpi)
# Fewer pixels a point in the photo than this (an A4 page under about 760 pixels
# tall) cannot show a tick's stroke: the page is too small.
LEAST_SCALE = 0.9
DARK, FAINT = 0.5, 0.2  # darkness (0 paper, 1 the page's black) of dark and faint ink


class Measured(NamedTuple):
    """A page's boxes measured: each box's ink, each box's outline darkness (0 to 1),
    the photo's pixels a point, the paper's brightness (0-255) and the warped page."""

    inks: tuple[Ink, ...]
    outlines: tuple[float, ...]
    scale: float
    paper: float
    black: float
    page: NDArray[np.uint8]
    page_scale: float


def measure_page(
    grey: NDArray[np.uint8], to_page: NDArray[np.float64], paper: Paper,
    boxes: Sequence[PlacedBox],
) -> Measured:  # fmt: skip
    """Each box's ink in `grey`, whose pixels `to_page` maps to page points (y down)."""
    # The photo's own resolution: the page's width in pixels over its width in points.
    to_image = np.linalg.inv(to_page)
    corners = np.array([[[0, 0]], [[paper.width, 0]], [[paper.width, paper.height]],
                        [[0, paper.height]]], dtype=np.float64)  # fmt: skip
    image_corners = cv2.perspectiveTransform(corners, to_image).reshape(4, 2)
    sides = np.linalg.norm(image_corners - np.roll(image_corners, 1, axis=0), axis=1)
    scale = float(min(sides[1] / paper.width, sides[2] / paper.height,
                      sides[3] / paper.width, sides[0] / paper.height))  # fmt: skip
    k = max(1.0, min(PAGE_SCALE, scale))
    if scale > 2 * k:
        # Shrink first: warping straight from many more pixels would alias thin strokes.
        factor = 1.5 * k / scale
        grey = np.asarray(
            cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA),
            dtype=np.uint8,
        )
        to_page = to_page @ np.diag([1 / factor, 1 / factor, 1.0])
    size = (math.ceil(paper.width * k), math.ceil(paper.height * k))
    page = cv2.warpPerspective(grey, np.diag([k, k, 1.0]) @ to_page, size,
                               flags=cv2.INTER_LINEAR, borderValue=255)  # fmt: skip
    smooth = cv2.GaussianBlur(page, (0, 0), max(0.6, 0.3 * k)).astype(np.float32)
    paper_level, black = _page_levels(smooth, paper, k)
    inks, outlines = [], []
    for box in boxes:
        ink, outline = _box(smooth, box, paper, k, black)
        inks.append(ink)
        outlines.append(outline)
    straightened: NDArray[np.uint8] = np.asarray(page, dtype=np.uint8)
    return Measured(tuple(inks), tuple(outlines), scale, paper_level, black, straightened, k)


def _page_levels(smooth: NDArray[np.float32], paper: Paper, k: float) -> tuple[float, float]:
    """The paper's brightness, and the page's black as a share of the paper round it:
    from the four markers' black borders and the white margin round them."""
    blacks, whites = [], []
    size, inset = paper.mark_size, paper.mark_inset
    for x, y in ((inset, inset), (paper.width - inset - size, inset),
                 (inset, paper.height - inset - size),
                 (paper.width - inset - size, paper.height - inset - size)):  # fmt: skip
        cell = size / 6
        # The border's middle: the outer cell ring, away from the pattern and edges.
        ring = _region(smooth, x + cell * 0.25, y + cell * 0.25, size - cell * 0.5, k)
        inner = _region(smooth, x + cell * 0.75, y + cell * 0.75, size - cell * 1.5, k)
        if ring.size == 0:
            continue
        border = np.concatenate([ring[: max(1, int(cell * k * 0.5)), :].ravel(),
                                 ring[-max(1, int(cell * k * 0.5)) :, :].ravel()])  # fmt: skip
        around = _region(smooth, x - size * 0.3, y - size * 0.3, size * 1.6, k)
        if border.size and around.size and inner.size:
            blacks.append(float(np.median(border)))
            whites.append(float(np.percentile(around, 90)))
    white = float(np.median(whites)) if whites else 255.0
    black = float(np.median(blacks)) if blacks else 0.0
    return white, min(0.95, black / max(white, 1.0))


def _region(
    image: NDArray[np.float32], x: float, y: float, side: float, k: float
) -> NDArray[np.float32]:
    """The square of `side` points at (x, y) from the page's top-left corner."""
    left, top = max(0, round(x * k)), max(0, round(y * k))
    right, bottom = round((x + side) * k), round((y + side) * k)
    return image[top:bottom, left:right]


def _box(
    smooth: NDArray[np.float32], box: PlacedBox, paper: Paper, k: float, black: float
) -> tuple[Ink, float]:
    """One box's ink, and how dark its printed outline is (0 paper, 1 the page's black)."""
    top = paper.height - box.y - box.size
    reach = max(2.0, 0.18 * box.size)
    around = _region(smooth, box.x - reach, top - reach, box.size + 2 * reach, k)
    local = float(np.percentile(around, 85)) if around.size else 255.0
    local = max(local, 1.0)
    span = max(1e-3, 1.0 - black)

    def darkness(pixels: NDArray[np.float32]) -> NDArray[np.float32]:
        return np.asarray((1.0 - pixels / local) / span, dtype=np.float32)

    # The outline: the box's square less its inside, measured along its middle line.
    line = paper.line
    band = _region(smooth, box.x, top, box.size, k)
    cut = max(1, round((line + 0.3) * k))
    outline = 0.0
    if band.shape[0] > 2 * cut and band.shape[1] > 2 * cut:
        edges = [band[:cut, cut:-cut].min(axis=0), band[-cut:, cut:-cut].min(axis=0),
                 band[cut:-cut, :cut].min(axis=1), band[cut:-cut, -cut:].min(axis=1)]  # fmt: skip
        outline = float(np.median(darkness(np.concatenate(edges))))
    # Past the outline by a margin for a fit a little off, and for blur at low resolution.
    inset = line + max(1.2, 0.1 * box.size, 2.0 / k)
    inner = _region(smooth, box.x + inset, top + inset, box.size - 2 * inset, k)
    if inner.size == 0:
        return Ink(0.0, 0.0, 0.0, 0.0), outline
    level = darkness(inner)
    faint = level >= FAINT
    # How much of the inside's own edge faint ink lies on: a stroke from outside crosses
    # it; a dot in the middle does not.
    edge = np.concatenate([faint[0], faint[-1], faint[1:-1, 0], faint[1:-1, -1]])
    side = box.size - 2 * inset
    dark = _cover_reach(level >= DARK)
    return Ink(*dark, *_cover_reach(faint), float(edge.mean()), side), outline


def _cover_reach(mask: NDArray[np.bool_]) -> tuple[float, float]:
    """The share of `mask` set, and the share of its columns or rows (the more) that
    hold some of it (a column counts when a tenth of it, or one pixel, is set)."""
    if not mask.any():
        return 0.0, 0.0
    rows, cols = mask.shape
    across = float(np.mean(mask.sum(axis=0) >= max(1, rows // 10)))
    down = float(np.mean(mask.sum(axis=1) >= max(1, cols // 10)))
    return float(mask.mean()), max(across, down)

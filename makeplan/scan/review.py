"""The review image of a page read: the page as photographed, straightened, with every box
outlined by what was read: green ticked, grey empty, amber unclear.

A person checks a page in seconds by looking for amber, and for green where no
tick is (or a tick without green).
"""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np
from numpy.typing import NDArray

from makeplan.scan.decide import State
from makeplan.sheetdata import Paper, PlacedBox

# BGR, as OpenCV writes them.
COLOURS = {State.TICKED: (40, 170, 40), State.EMPTY: (160, 160, 160), State.UNCLEAR: (0, 150, 255)}


def review_png(
    page: NDArray[np.uint8], scale: float, paper: Paper,
    boxes: Sequence[PlacedBox], states: Sequence[State],
) -> bytes:  # fmt: skip
    """The straightened page `page` (`scale` pixels a point) with each box outlined, as PNG."""
    image = cv2.cvtColor(page, cv2.COLOR_GRAY2BGR)
    thickness = max(1, round(scale * 0.8))
    pad = 1.2
    for box, state in zip(boxes, states, strict=True):
        top = paper.height - box.y - box.size
        first = (round((box.x - pad) * scale), round((top - pad) * scale))
        last = (round((box.x + box.size + pad) * scale), round((top + box.size + pad) * scale))
        cv2.rectangle(image, first, last, COLOURS[state], thickness)
    ok, encoded = cv2.imencode(".png", image, [cv2.IMWRITE_PNG_COMPRESSION, 6])
    if not ok:  # pragma: no cover - OpenCV encodes any 8-bit image as PNG
        raise RuntimeError("PNG encoding failed")
    return bytes(encoded.tobytes())

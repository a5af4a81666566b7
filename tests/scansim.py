"""Simulated paper for the tests of `makeplan read`: pages rendered, pen marks drawn in chosen
boxes, then photographed (perspective, rotation, uneven light, noise, blur, JPEG) or scanned
(200/300 dpi, grey or black-and-white). Seeded: the same seed, the same pictures.

Used by tests/test_scan*.py and benchmarks/scan_accuracy.py.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import pypdf
import pypdfium2 as pdfium

from makeplan.sheetdata import RECORD_ATTACHMENT, PlacedBox, SheetRecord, read_record

MM = 72 / 25.4
# What a mark is, and what it must be read as.
TICK_KINDS = ("tick", "cross", "fill", "overshoot")
KINDS = (*TICK_KINDS, "dot", "empty")
EXPECTED = {kind: "ticked" for kind in TICK_KINDS} | {"dot": "empty", "empty": "empty"}


def sheet_record(pdf: Path) -> SheetRecord:
    return read_record(pypdf.PdfReader(pdf).attachments[RECORD_ATTACHMENT][0], str(pdf))


class Renderer:
    """A sheet's pages rendered once per resolution, kept for reuse."""

    def __init__(self, pdf: Path) -> None:
        self.document = pdfium.PdfDocument(pdf)
        self.cache: dict[tuple[int, float], np.ndarray] = {}

    def page(self, number: int, scale: float) -> np.ndarray:
        key = (number, round(scale, 2))
        if key not in self.cache:
            bitmap = self.document[number].render(scale=scale, grayscale=True)
            pixels = bitmap.to_numpy()
            if pixels.ndim == 3:
                pixels = pixels[:, :, 0]
            self.cache[key] = np.ascontiguousarray(pixels, dtype=np.uint8)
        return self.cache[key].copy()


@dataclass(frozen=True)
class Pen:
    grey: int  # 0 black .. 255 paper
    width_mm: float


DARK_PENS = (Pen(25, 0.5), Pen(45, 0.35), Pen(30, 0.7))
LIGHT_PENS = (Pen(110, 0.5), Pen(95, 0.35), Pen(120, 0.7))  # blue ballpoint, pale pencil-ish


def draw_mark(
    image: np.ndarray, box: PlacedBox, page_height: float, scale: float, kind: str,
    pen: Pen, rng: np.random.Generator,
) -> None:  # fmt: skip
    """Draw a pen mark of `kind` into `box` of a page image at `scale` pixels a point."""
    if kind == "empty":
        return
    size = box.size * scale
    left, top = box.x * scale, (page_height - box.y - box.size) * scale
    width = max(1, round(pen.width_mm * MM * scale))
    colour = int(pen.grey)

    def at(u: float, v: float, spread: float = 0.07) -> tuple[int, int]:
        u += rng.uniform(-spread, spread)
        v += rng.uniform(-spread, spread)
        return (round((left + u * size) * 16), round((top + v * size) * 16))

    def lines(points: list[tuple[int, int]]) -> None:
        cv2.polylines(image, [np.array(points, np.int32)], False, colour, width,
                      cv2.LINE_AA, shift=4)  # fmt: skip

    if kind == "tick":
        lines([at(0.18, 0.55), at(0.42, 0.85), at(0.85, 0.15)])
    elif kind == "overshoot":
        grow = rng.uniform(1.25, 1.5)
        points = [(0.18, 0.55), (0.42, 0.85), (0.85, 0.15)]
        lines([at(0.5 + (u - 0.5) * grow, 0.5 + (v - 0.5) * grow) for u, v in points])
    elif kind == "cross":
        lines([at(0.18, 0.18), at(0.82, 0.82)])
        lines([at(0.82, 0.18), at(0.18, 0.82)])
    elif kind == "fill":
        polygon = np.array([at(0.12, 0.12, 0.04), at(0.88, 0.12, 0.04), at(0.88, 0.88, 0.04),
                            at(0.12, 0.88, 0.04)], np.int32)  # fmt: skip
        cv2.fillPoly(image, [polygon], colour, cv2.LINE_AA, shift=4)
    elif kind == "dot":
        radius = rng.uniform(0.2, 0.4) * MM * scale  # a dot 0.4-0.8 mm across
        centre = at(rng.uniform(0.3, 0.7), rng.uniform(0.3, 0.7), 0.0)
        cv2.circle(image, centre, max(16, round(radius * 16)), colour, -1, cv2.LINE_AA, shift=4)
    else:
        raise ValueError(kind)


def marked_page(
    renderer: Renderer, record: SheetRecord, number: int, scale: float,
    marks: dict[tuple[str, int | None], str], pen: Pen, rng: np.random.Generator,
) -> np.ndarray:  # fmt: skip
    """Page `number` at `scale`, with `marks` drawn: (field, value) -> kind."""
    assert record.paper is not None
    image = renderer.page(number, scale)
    for box in record.paper.pages[number]:
        kind = marks.get((box.field, box.value), "empty")
        draw_mark(image, box, record.paper.height, scale, kind, pen, rng)
    return image


def photograph(
    page: np.ndarray, scale: float, rng: np.random.Generator, long_side: int,
    quarter_turns: int | None = None,
) -> np.ndarray:  # fmt: skip
    """A simulated phone photo (decoded JPEG, grey) of a page image made at `scale`."""
    height, width = page.shape
    turns = int(rng.integers(4)) if quarter_turns is None else quarter_turns
    turned_w, turned_h = (width, height) if turns % 2 == 0 else (height, width)
    if turned_w >= turned_h:
        frame_w, frame_h = long_side, round(long_side * 3 / 4)
    else:
        frame_w, frame_h = round(long_side * 3 / 4), long_side
    fill = rng.uniform(0.75, 0.9)
    fit = fill * min(frame_w / turned_w, frame_h / turned_h)
    angle = math.radians(turns * 90 + rng.uniform(-4, 4))
    corners = np.array([[0, 0], [width, 0], [width, height], [0, height]], np.float64)
    centred = (corners - [width / 2, height / 2]) * fit
    rotation = np.array([[math.cos(angle), -math.sin(angle)], [math.sin(angle), math.cos(angle)]])
    placed = centred @ rotation.T + [frame_w / 2, frame_h / 2]
    # Perspective: each corner moved by up to 6% of the page, kept in the frame.
    page_size = max(width, height) * fit
    moved = placed + rng.uniform(-0.06, 0.06, size=(4, 2)) * page_size
    low, high = np.array([4.0, 4.0]), np.array([frame_w - 4.0, frame_h - 4.0])
    moved = np.clip(moved, low, high)
    transform = cv2.getPerspectiveTransform(corners.astype(np.float32), moved.astype(np.float32))
    background = int(rng.integers(40, 140))
    photo = cv2.warpPerspective(page, transform, (frame_w, frame_h), flags=cv2.INTER_AREA,
                                borderValue=background).astype(np.float32)  # fmt: skip
    # Uneven light: falling off across the page (to 55% at most), made on a small grid
    # and enlarged (smooth, and fast).
    ys, xs = np.mgrid[0:17, 0:17].astype(np.float32) / 16
    direction = rng.uniform(0, 2 * math.pi)
    ramp = (xs - 0.5) * math.cos(direction) + (ys - 0.5) * math.sin(direction)
    light = 1.0 - rng.uniform(0.15, 0.45) * (ramp + 0.7) / 1.4
    light = cv2.resize(light, (frame_w, frame_h), interpolation=cv2.INTER_LINEAR)
    photo *= light * rng.uniform(0.85, 1.0)
    sigma = rng.uniform(0.4, 1.1) * max(1.0, long_side / 2000)
    photo = cv2.GaussianBlur(photo, (0, 0), sigma)
    # Sensor noise, from OpenCV's generator (seeded from `rng`: the same photo each time).
    cv2.setRNGSeed(int(rng.integers(2**31)))
    noise = np.empty_like(photo)
    cv2.randn(noise, 0.0, float(rng.uniform(2, 6)))
    photo += noise
    photo = np.clip(photo, 0, 255).astype(np.uint8)
    quality = int(rng.integers(55, 86))
    ok, encoded = cv2.imencode(".jpg", photo, [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return cv2.imdecode(encoded, cv2.IMREAD_GRAYSCALE)


def scan(page: np.ndarray, rng: np.random.Generator, black_and_white: bool) -> np.ndarray:
    """A simulated flatbed scan of a page image rendered at the scan's resolution."""
    # The scanner's glass is a little bigger than the page: white round it, the page
    # a little askew and off centre.
    pad = round(page.shape[1] * 0.015)
    page = cv2.copyMakeBorder(page, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=255)
    height, width = page.shape
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), rng.uniform(-1, 1), 1.0)
    matrix[:, 2] += rng.uniform(-pad / 3, pad / 3, size=2)
    image = cv2.warpAffine(page, matrix, (width, height), flags=cv2.INTER_LINEAR,
                           borderValue=255).astype(np.float32)  # fmt: skip
    image = cv2.GaussianBlur(image, (0, 0), 0.5)
    image = image * rng.uniform(0.9, 1.0) + rng.normal(0, 2.0, size=image.shape)
    image = np.clip(image, 0, 255).astype(np.uint8)
    if black_and_white:
        image = np.where(image < 150, 0, 255).astype(np.uint8)
    return image


def random_marks(
    record: SheetRecord, number: int, rng: np.random.Generator,
    weights: tuple[float, ...] = (0.2, 0.1, 0.05, 0.05, 0.1, 0.5),
) -> dict[tuple[str, int | None], str]:  # fmt: skip
    """Marks for page `number`: each tick box a kind drawn by `weights` (over KINDS); each
    pain scale one number ticked (a tick, cross or fill) or, one in five, none."""
    assert record.paper is not None
    marks: dict[tuple[str, int | None], str] = {}
    scales: dict[str, list[int]] = {}
    for box in record.paper.pages[number]:
        if box.value is None:
            marks[(box.field, None)] = KINDS[int(rng.choice(len(KINDS), p=weights))]
        else:
            scales.setdefault(box.field, []).append(box.value)
    for name, values in scales.items():
        if rng.random() < 0.8:
            value = int(rng.choice(values))
            marks[(name, value)] = str(rng.choice(["tick", "cross", "fill"]))
    return marks

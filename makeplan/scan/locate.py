"""Finds a printed page in an image: its four corner markers, which way up it is, its QR code.

OpenCV's ArucoDetector finds the markers (in a copy scaled to at most
DETECT_SIDE pixels, for speed; their corners are then refined on the full
image). Every marker is printed upright, so the direction of a marker's own
top edge in the image says which way the page is turned, and so which corner
each marker is. The top-left marker's id is the page number (modulo 50), the
other three spell part of the sheet's identity (see geometry.reading_marks).
The QR code, beside the lower-left marker, is cut out of the image by the
marker's own perspective, enlarged, and read with zxing-cpp.

`homography` then maps the image onto the page, in points from the top-left
corner, once the sheet (its page size and mark size) is known.
"""

from __future__ import annotations

import itertools
import math
from typing import NamedTuple

import cv2
import numpy as np
import zxingcpp
from numpy.typing import NDArray

from makeplan.errors import InputFileError
from makeplan.geometry.reading_marks import (
    CodeContent,
    MarkSize,
    marker_corner_points,
    marker_ids,
    parse_code,
)

DETECT_SIDE = 2000  # pixels on the long side, enough to find markers of 4 mm in a page photo
BLURRED = 15.0  # the sharpest edges of a photo too blurred to read (see _refuse_blurred_or_dark)
RETAKE = "photograph the whole page, flat, in even light, with all four corners in the picture"

Points = NDArray[np.float64]


class Found(NamedTuple):
    """What the marks on one image say: the page (modulo 50), three identity digits,
    the four markers' corners in the image (in the order of reading_marks.CORNERS,
    each its own top-left, top-right, bottom-right, bottom-left) and the QR code."""

    page_mod: int
    digits: tuple[int, int, int]
    corners: Points  # 4 x 4 x 2
    code: CodeContent | None
    code_text: str | None
    markers: int = 4  # how many markers the picture has (8: two pages, likely)


SMALLEST_PICTURE = 1000
"""Pixels on a picture's long side below which a page in it is too small to read."""


class NoSheetError(InputFileError):
    """No makeplan page in an image (markers missing, cut off or not four)."""


def _detector() -> cv2.aruco.ArucoDetector:
    parameters = cv2.aruco.DetectorParameters()
    parameters.cornerRefinementMethod = cv2.aruco.CORNER_REFINE_SUBPIX
    # Small markers in a big frame: the default smallest perimeter (3% of the image) is
    # a 9 mm marker in a page photo.
    parameters.minMarkerPerimeterRate = 0.015
    # A page scanned edge to edge leaves its markers close to the image's border.
    parameters.minDistanceToBorder = 1
    dictionary = cv2.aruco.getPredefinedDictionary(cv2.aruco.DICT_4X4_50)
    return cv2.aruco.ArucoDetector(dictionary, parameters)


def find_marks(grey: NDArray[np.uint8], where: str) -> Found:
    """The makeplan marks in `grey`; NoSheetError when there is not exactly one page."""
    # Markers are found in a copy DETECT_SIDE pixels long: a big photo shrunk (for
    # speed), a small one enlarged (the detector misses markers a few pixels a cell).
    detector = _detector()
    most = 0
    chosen: list[int] | None = None
    found_points: list[Points] = []
    found_ids: list[int] = []
    points = np.zeros((0, 4, 2))
    # Then, when that finds no page, the image as it is, and smoothed (a black-and-white
    # scan's ragged edges); the markers of every try count together.
    for scale, smooth in ((DETECT_SIDE / max(grey.shape), False), (1.0, False), (1.0, True)):
        method = cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC
        image = grey if scale == 1.0 else cv2.resize(grey, None, fx=scale, fy=scale,
                                                     interpolation=method)  # fmt: skip
        if smooth:
            image = cv2.GaussianBlur(image, (0, 0), 1.0)
        corners, ids, _ = detector.detectMarkers(image)
        if ids is None:
            continue
        for corner, marker in zip(corners, np.asarray(ids).reshape(-1), strict=True):
            square = np.asarray(corner, dtype=np.float64).reshape(4, 2) / scale
            if scale < 1.0:
                square = _refined(grey, square[None], scale)[0]
            centre = square.mean(axis=0)
            side = float(np.linalg.norm(square[1] - square[0]))
            if all(
                np.linalg.norm(other.mean(axis=0) - centre) > side / 2 for other in found_points
            ):
                found_points.append(square)
                found_ids.append(int(marker))
        most = max(most, len(found_points))
        if len(found_points) < 4:
            continue
        points = np.array(found_points)
        chosen = _page_corners(points)
        if chosen is not None:
            break
    if chosen is None:
        _refuse_blurred_or_dark(grey, where)
        if most < 4 and max(grey.shape) < SMALLEST_PICTURE:
            # A page needs about a thousand pixels on its long side to be read at all.
            raise NoSheetError(
                f"{where}: the page is too small in the picture to find its corner markers "
                f"({max(grey.shape)} pixels on the long side, {SMALLEST_PICTURE} needed); come "
                "closer so that the page fills the picture, and send the photo at full size "
                "(messaging apps shrink photos)."
            )
        if most < 4:
            raise NoSheetError(
                f"{where}: no makeplan sheet found (found {most} of the 4 corner markers); "
                f"{RETAKE}."
            )
        raise NoSheetError(f"{where}: the corner markers do not make a page; {RETAKE}.")
    points = points[chosen]
    chosen_ids = [found_ids[index] for index in chosen]
    text = _read_code(grey, points[3])
    code = parse_code(text) if text is not None else None
    first, *others = chosen_ids
    return Found(first, (others[0], others[1], others[2]), points, code, text, len(found_points))


def _refuse_blurred_or_dark(grey: NDArray[np.uint8], where: str) -> None:
    """Say so when the markers are missed because the photo is too blurred or too dark:
    measured at 1000 pixels, the sharpest edges (a high percentile of the Laplacian)
    of a page photo are 60 or more, and under 15 when it is badly blurred."""
    scale = 1000 / max(grey.shape)
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    if float(np.percentile(small, 95)) < 60:
        raise NoSheetError(f"{where}: too dark to find the page; {RETAKE}.")
    edges = float(np.percentile(np.abs(cv2.Laplacian(small.astype(np.float32), cv2.CV_32F)), 99.5))
    if edges < BLURRED:
        raise NoSheetError(
            f"{where}: too blurred or dark to read the boxes reliably; hold the phone still, "
            f"let it focus, and {RETAKE}."
        )


def _refined(grey: NDArray[np.uint8], points: Points, scale: float) -> Points:
    """Marker corners found in the scaled copy, refined on the full image."""
    window = max(2, round(1.5 / scale))
    flat = points.reshape(-1, 1, 2).astype(np.float32)
    criteria = (cv2.TERM_CRITERIA_EPS + cv2.TERM_CRITERIA_MAX_ITER, 20, 0.05)
    refined = cv2.cornerSubPix(grey, flat, (window, window), (-1, -1), criteria)
    moved = np.linalg.norm(refined.reshape(-1, 2) - points.reshape(-1, 2), axis=1)
    result = refined.reshape(-1, 4, 2).astype(np.float64)
    # A corner that moved more than the window went astray: keep the detector's.
    keep = (moved > window).reshape(-1, 4)
    result[keep] = points[keep]
    return np.asarray(result, dtype=np.float64)


def _page_corners(points: Points) -> list[int] | None:
    """The four markers that are a page's corners, in the order of CORNERS: of every
    four of like size that make a page, the four spanning the most (a pattern in a
    picture or a QR code can pass for a small marker)."""
    best: tuple[float, list[int]] | None = None
    sides = np.array([np.linalg.norm(p[1] - p[0]) + np.linalg.norm(p[3] - p[0]) for p in points])
    candidates = list(range(len(points)))
    if len(points) > 6:
        # A page's corners are on the outline round every marker found.
        hull = cv2.convexHull(points.mean(axis=1).astype(np.float32), returnPoints=False)
        candidates = sorted(int(index) for index in np.asarray(hull).reshape(-1))
    for group in itertools.combinations(candidates, 4):
        chosen = list(group)
        if sides[chosen].max() > 2.5 * sides[chosen].min():
            continue
        # Printed upright, the four turn together: a look-alike in a box turns its own way.
        tops = points[chosen][:, 1] - points[chosen][:, 0]
        angles = np.arctan2(tops[:, 1], tops[:, 0])
        spread = np.angle(np.exp(1j * (angles - angles[0])))
        if float(np.max(np.abs(spread))) > math.radians(30):
            continue
        order = _corner_order(points[chosen])
        if order is None:
            continue
        centres = points[chosen][order].mean(axis=1)
        area = float(abs(cv2.contourArea(centres.astype(np.float32))))
        if best is None or area > best[0]:
            best = (area, [chosen[index] for index in order])
    return None if best is None else best[1]


def _corner_order(points: Points) -> list[int] | None:
    """Which marker is the page's top-left, top-right, bottom-right and bottom-left corner:
    the markers' own top edges give the page's right and down in the image."""
    right = np.mean(points[:, 1] - points[:, 0], axis=0)
    down = np.mean(points[:, 3] - points[:, 0], axis=0)
    centres = points.mean(axis=1)
    middle = centres.mean(axis=0)
    order: list[int | None] = [None] * 4
    for index, centre in enumerate(centres):
        along = float(np.dot(centre - middle, right)) > 0
        below = float(np.dot(centre - middle, down)) > 0
        corner = {(False, False): 0, (True, False): 1, (True, True): 2, (False, True): 3}[
            (along, below)
        ]
        if order[corner] is not None:
            return None
        order[corner] = index
    return [index for index in order if index is not None]


def _read_code(grey: NDArray[np.uint8], marker: Points) -> str | None:
    """The QR code beside the lower-left marker (a marker wide, half a marker to its
    right), cut out through the marker's own perspective at 12 pixels a module."""
    unit = np.array([[0, 0], [1, 0], [1, 1], [0, 1]], dtype=np.float32)
    to_image = cv2.getPerspectiveTransform(unit, marker.astype(np.float32))
    side = 360  # pixels for the code and its surroundings
    pad = 0.45  # marker sizes of white kept round the code
    left, top = 1.5 - pad, 0 - pad
    span = 1 + 2 * pad
    to_crop = np.array([[side / span, 0, -left * side / span],
                        [0, side / span, -top * side / span],
                        [0, 0, 1]])  # fmt: skip
    transform = to_crop @ np.linalg.inv(to_image)
    crop = cv2.warpPerspective(grey, transform, (side, side), flags=cv2.INTER_CUBIC,
                               borderValue=255)  # fmt: skip
    for image in (crop, cv2.GaussianBlur(crop, (0, 0), 2.0)):
        results = zxingcpp.read_barcodes(
            image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
        )
        for result in results:
            if result.valid and result.text:
                return str(result.text)
    return None


def digits_of(identity: str) -> tuple[int, int, int]:
    """The three identity digits the markers of sheet `identity` carry."""
    _, *digits = marker_ids(identity, 0)
    return (digits[0], digits[1], digits[2])


def homography(found: Found, width: float, height: float, marks: MarkSize) -> Points | None:
    """The map from image pixels to page points (x right, y down from the top-left corner),
    fitted to the markers' 16 corners; None when they do not fit one flat page."""
    page = np.array(
        [
            [(x, height - y) for x, y in corners]
            for corners in marker_corner_points(width, height, marks)
        ],
        dtype=np.float64,
    ).reshape(-1, 2)
    image = found.corners.reshape(-1, 2)
    matrix, _ = cv2.findHomography(image, page, 0)
    if matrix is None:
        return None
    projected = cv2.perspectiveTransform(image.reshape(-1, 1, 2), matrix).reshape(-1, 2)
    # A flat page fits to a fraction of a millimetre; a bent one, or markers of
    # another page size, does not.
    if float(np.max(np.linalg.norm(projected - page, axis=1))) > 0.15 * marks.size + 1.5:
        return None
    return np.asarray(matrix, dtype=np.float64)

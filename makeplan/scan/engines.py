"""The scan extra's libraries (OpenCV, numpy, zxing-cpp), imported when a photo is read.

Without them, `makeplan read` says in one line how to install them; `makeplan
--help` and every other command never import them.
"""

from __future__ import annotations

from types import ModuleType
from typing import NamedTuple

from makeplan.errors import UsageError

INSTALL = "reading photos needs the scan extra: pip install 'makeplan[scan]'"


class Engines(NamedTuple):
    cv2: ModuleType
    np: ModuleType
    zxing: ModuleType


def engines() -> Engines:
    """OpenCV, numpy and zxing-cpp, or a UsageError saying how to install them."""
    try:
        import cv2
        import numpy
        import zxingcpp
    except ImportError:
        raise UsageError(INSTALL) from None
    if not hasattr(cv2, "aruco") or not hasattr(cv2.aruco, "ArucoDetector"):
        raise UsageError(INSTALL + " (this OpenCV has no ArUco detector)")
    return Engines(cv2, numpy, zxingcpp)

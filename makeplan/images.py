"""Reads pictures (a clinic's logo) for the sheet: the only module that uses pillow.

A picture is checked before it is decoded (its header gives the format and
the pixel size, so a decompression bomb is refused without being expanded),
turned upright from its EXIF orientation, flattened on white when it has
transparency, scaled down to 300 dpi at the largest size it will be printed,
made gray when asked, and encoded afresh. Re-encoding from the pixels is what
keeps the camera's metadata (EXIF, GPS, comments) out of the PDF.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from makeplan.errors import InputFileError
from makeplan.inputs import MAX_IMAGE_BYTES, read_input

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage

PRINT_DPI = 300
MAX_PIXELS = 50_000_000  # bigger than any camera; anything beyond is refused unread
ACCEPTED_FORMATS = {"PNG": "PNG", "JPEG": "JPEG", "MPO": "JPEG"}  # MPO: phone JPEGs
JPEG_QUALITY = 85


@dataclass(frozen=True)
class Picture:
    """An image ready to embed: encoded bytes, pixel size and the format they are in."""

    data: bytes
    width_px: int
    height_px: int
    format: str

    @property
    def aspect(self) -> float:
        return self.width_px / self.height_px


def load_picture(
    path: Path, what: str, max_width_pt: float, max_height_pt: float, grayscale: bool
) -> Picture:
    """Read `path` and prepare it to print at most `max_width_pt` x `max_height_pt`.

    `what` names the option or field the path came from, for error messages.
    """
    from PIL import Image, ImageOps, UnidentifiedImageError

    where = f"{what} {path}" if what else str(path)
    raw = read_input(path, where, "a PNG or JPEG file", InputFileError, MAX_IMAGE_BYTES)
    if not raw:
        raise InputFileError(f"{where}: the file is empty; give a PNG or JPEG image.")
    # Pillow warns, and raises beyond twice its limit; our own limit is checked below.
    Image.MAX_IMAGE_PIXELS = None
    try:
        image = Image.open(io.BytesIO(raw))
    except UnidentifiedImageError:
        raise InputFileError(
            f"{where}: is not a PNG or JPEG image (or it is damaged); save it as PNG or JPEG."
        ) from None
    except (OSError, ValueError) as exc:
        raise InputFileError(
            f"{where}: the image is damaged or cut short ({exc}); save it again as PNG or JPEG."
        ) from None
    kind = ACCEPTED_FORMATS.get(image.format or "")
    if kind is None:
        raise InputFileError(
            f"{where}: is a {image.format} image; makeplan takes PNG or JPEG, so convert it."
        )
    width, height = image.size
    if width < 1 or height < 1 or width * height > MAX_PIXELS:
        raise InputFileError(
            f"{where}: is {width}x{height} pixels, too large to use safely "
            f"(the limit is {MAX_PIXELS // 1_000_000} megapixels); make it smaller."
        )
    try:
        with warnings.catch_warnings():
            # A damaged EXIF block makes pillow warn; the picture is simply used as stored.
            warnings.simplefilter("ignore")
            image.load()
            upright: PILImage = ImageOps.exif_transpose(image) or image
        prepared = _prepare(upright, max_width_pt, max_height_pt, grayscale)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise InputFileError(
            f"{where}: the image is damaged or cut short ({exc}); save it again as PNG or JPEG."
        ) from None
    buffer = io.BytesIO()
    if kind == "JPEG":
        # Photos stay JPEG (small); plain `save` writes no EXIF, ICC or comments.
        prepared.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
    else:
        prepared.save(buffer, "PNG", optimize=True)
    return Picture(buffer.getvalue(), prepared.width, prepared.height, kind)


def _prepare(
    image: PILImage, max_width_pt: float, max_height_pt: float, grayscale: bool
) -> PILImage:
    """Flatten, scale down and colour-convert a loaded image."""
    from PIL import Image

    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        # 16-bit gray: scale to 8 bits first, or everything would turn white.
        image = image.point(lambda value: value / 256).convert("L")
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    if has_alpha:
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, rgba)
    image = image.convert("L" if grayscale else "RGB")
    # The largest size it prints at decides the pixels it needs; never enlarge.
    limit_w = max(1, round(max_width_pt / 72 * PRINT_DPI))
    limit_h = max(1, round(max_height_pt / 72 * PRINT_DPI))
    factor = min(limit_w / image.width, limit_h / image.height, 1.0)
    if factor < 1.0:
        size = (max(1, round(image.width * factor)), max(1, round(image.height * factor)))
        image = image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
    return image

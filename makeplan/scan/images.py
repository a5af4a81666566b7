"""Opens the photos and scans given to `makeplan read` as grey images, one per page.

JPEG, PNG and TIFF (every page of a multi-page TIFF) are decoded by OpenCV
(pillow only reads a TIFF's headers first, to refuse a huge one unread);
PDF scans are rendered by pypdfium2 at 200 dpi, in grey; HEIC (iPhone photos)
by pillow-heif when it is installed, else a line saying to send a JPEG. Every
file is size-checked before it is decoded; a huge image is refused unread.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import cv2
import numpy as np
from numpy.typing import NDArray

from makeplan.errors import InputFileError
from makeplan.inputs import MAX_IMAGE_BYTES, read_input

MAX_PIXELS = 80_000_000  # past any camera or 600 dpi A4 scan
PDF_DPI = 200
MAX_PDF_PAGES = 200

Grey = NDArray[np.uint8]


class PageImage(NamedTuple):
    """One page's picture: where it came from (file, and page of a file), grey pixels."""

    where: str
    pixels: Grey


def open_images(path: Path) -> Iterator[PageImage]:
    """The page images in `path`: one for a photo, one per page of a TIFF or PDF; a PDF's
    pages one at a time, so a long scan is never all in memory at once."""
    where = str(path)
    data = read_input(path, where, "a photo or scan (JPEG, PNG, TIFF, HEIC or PDF)",
                      InputFileError, MAX_IMAGE_BYTES)  # fmt: skip
    if not data:
        raise InputFileError(f"{where}: is empty (0 bytes); give a photo or scan of the sheet.")
    if data[:1024].lstrip().startswith(b"%PDF-"):
        yield from _pdf_pages(data, where)
        return
    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftypmsf1", b"ftyphevc"):
        yield PageImage(where, _heic(data, where))
        return
    buffer = np.frombuffer(data, dtype=np.uint8)
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        _refuse_huge_tiff(data, where)
        ok, frames = cv2.imdecodemulti(buffer, cv2.IMREAD_GRAYSCALE)
        if ok and frames:
            if len(frames) > 1:
                for number, frame in enumerate(frames, start=1):
                    yield PageImage(f"{where} page {number}", _checked(frame, where))
                return
            yield PageImage(where, _checked(frames[0], where))
            return
    else:
        _refuse_huge(data, where)
        image = cv2.imdecode(buffer, cv2.IMREAD_GRAYSCALE)
        if image is not None:
            yield PageImage(where, _checked(image, where))
            return
    raise InputFileError(
        f"{where}: is not an image makeplan can read; give a JPEG, PNG, TIFF or PDF "
        "(or HEIC) photo or scan of the sheet."
    )


def _checked(image: Any, where: str) -> Grey:
    # Any: OpenCV's stubs type a decoded image as Mat or an ndarray of any number type.
    if image.size > MAX_PIXELS:
        raise InputFileError(f"{where}: has more than {MAX_PIXELS:,} pixels; give a smaller image.")
    if image.dtype != np.uint8:  # 16-bit TIFF scans
        image = image // 257
    return np.asarray(image, dtype=np.uint8)


def _refuse_huge(data: bytes, where: str) -> None:
    """Refuse, from the header alone, a PNG or JPEG that would decode to too many pixels."""
    width = height = 0
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 24:
        width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    elif data[:2] == b"\xff\xd8":
        at = 2
        while at + 9 < len(data) and data[at] == 0xFF:
            marker, length = data[at + 1], int.from_bytes(data[at + 2 : at + 4], "big")
            if marker in (0xC0, 0xC1, 0xC2):
                height = int.from_bytes(data[at + 5 : at + 7], "big")
                width = int.from_bytes(data[at + 7 : at + 9], "big")
                break
            at += 2 + length
    if width * height > MAX_PIXELS:
        raise InputFileError(f"{where}: has more than {MAX_PIXELS:,} pixels; give a smaller image.")


def _refuse_huge_tiff(data: bytes, where: str) -> None:
    """Refuse, from the headers alone (pillow reads no pixels to tell), a TIFF with too
    many pages or a page of too many pixels."""
    import io

    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as tiff:
            frames = getattr(tiff, "n_frames", 1)
            if frames > MAX_PDF_PAGES:
                raise InputFileError(
                    f"{where}: has {frames} pages; give at most {MAX_PDF_PAGES} at a time."
                )
            for frame in range(frames):
                tiff.seek(frame)
                if tiff.width * tiff.height > MAX_PIXELS:
                    raise InputFileError(
                        f"{where}: has more than {MAX_PIXELS:,} pixels; give a smaller image."
                    )
    except Image.DecompressionBombError:
        raise InputFileError(
            f"{where}: has more than {MAX_PIXELS:,} pixels; give a smaller image."
        ) from None
    except (OSError, ValueError, SyntaxError):
        return  # OpenCV tries it next, and says so if it cannot read it either


def _pdf_pages(data: bytes, where: str) -> Iterator[PageImage]:
    """Each page of a scanned PDF, rendered in grey at PDF_DPI."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise InputFileError(f"{where}: cannot be opened as a PDF ({exc}).") from None
    try:
        if len(document) > MAX_PDF_PAGES:
            raise InputFileError(
                f"{where}: has {len(document)} pages; give at most {MAX_PDF_PAGES} at a time."
            )
        for number in range(len(document)):
            page = document[number]
            bitmap = page.render(scale=PDF_DPI / 72, grayscale=True)
            pixels = bitmap.to_numpy()
            if pixels.ndim == 3:
                pixels = cv2.cvtColor(pixels, cv2.COLOR_BGR2GRAY)
            label = f"{where} page {number + 1}" if len(document) > 1 else where
            yield PageImage(label, np.ascontiguousarray(pixels, dtype=np.uint8))
    finally:
        document.close()


def _heic(data: bytes, where: str) -> Grey:
    try:
        import io

        import pillow_heif
        from PIL import Image
    except ImportError:
        raise InputFileError(
            f"{where}: is a HEIC photo (an iPhone's), which needs pillow-heif to read; "
            "send the photo as JPEG (on the iPhone: Settings, Camera, Formats, Most Compatible), "
            "or pip install pillow-heif."
        ) from None
    try:
        pillow_heif.register_heif_opener()
        with Image.open(io.BytesIO(data)) as opened:
            if opened.width * opened.height > MAX_PIXELS:
                raise InputFileError(f"{where}: has more than {MAX_PIXELS:,} pixels.")
            grey = np.asarray(opened.convert("L"), dtype=np.uint8)
    except (OSError, ValueError) as exc:
        raise InputFileError(f"{where}: cannot be read as a HEIC photo ({exc}).") from None
    return grey

"""Pages of a PDF as PNG pictures for the page's preview (pypdfium2 renders, pillow
encodes), returned as `data:` addresses so nothing is kept on the server.

PDFium is not safe to use from two threads at once, so the caller renders under
the web app's engine lock.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass

MAX_PAGES = 12  # a preview, not the document: the PDF has every page
PREVIEW_WIDTH_PX = 640


@dataclass(frozen=True)
class PageImage:
    number: int
    source: str  # a data: address of the PNG
    width: int
    height: int


def page_images(pdf: bytes, max_pages: int = MAX_PAGES) -> tuple[list[PageImage], int]:
    """The first `max_pages` pages as PNG pictures, and how many pages there are."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        images = []
        count = len(document)
        for index in range(min(count, max_pages)):
            page = document[index]
            width_pt = page.get_width()
            bitmap = page.render(scale=PREVIEW_WIDTH_PX / width_pt, may_draw_forms=True)
            picture = bitmap.to_pil()
            buffer = io.BytesIO()
            picture.save(buffer, "PNG", optimize=False, compress_level=1)  # speed: same size here
            encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
            images.append(
                PageImage(
                    index + 1, f"data:image/png;base64,{encoded}", picture.width, picture.height
                )
            )
            page.close()
        return images, count
    finally:
        document.close()

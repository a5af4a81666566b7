"""A placed document mirrored left to right, for a language read right to left.

Pages are placed as for a left-to-right language, their text kept in logical
order; mirroring then moves every item to the other side of the page: a line
that started at the left margin ends at the right one (right-aligned), a row of
tick boxes and the pain scale read from right to left, a picture stands on the
other side of its text. A picture itself is not flipped (its arrows would then
point the other way from its steps). The renderer shapes and reorders each line
(`languages.visual`).
"""

from __future__ import annotations

from dataclasses import replace

from makeplan.geometry.items import Box, Document, Drawing, Frame, Image, Page, Rule, Text


def mirrored(document: Document) -> Document:
    """`document` with every item reflected about the page's vertical centre line."""
    width = document.width

    def text(item: Text) -> Text:
        return replace(item, x=width - item.x - item.width)

    def box(item: Box) -> Box:
        return replace(item, x=width - item.x - item.size)

    def rule(item: Rule) -> Rule:
        return replace(item, x1=width - item.x2, x2=width - item.x1)

    def frame(item: Frame) -> Frame:
        return replace(item, x=width - item.x - item.width)

    def drawing(item: Drawing) -> Drawing:
        return replace(item, x=width - item.x - item.width)

    def image(item: Image) -> Image:
        return replace(item, x=width - item.x - item.width)

    def page(item: Page) -> Page:
        return replace(
            item,
            texts=tuple(text(t) for t in item.texts),
            boxes=tuple(box(b) for b in item.boxes),
            rules=tuple(rule(r) for r in item.rules),
            frames=tuple(frame(f) for f in item.frames),
            drawings=tuple(drawing(d) for d in item.drawings),
            images=tuple(image(i) for i in item.images),
        )

    return replace(document, pages=tuple(page(p) for p in document.pages), rtl=True)

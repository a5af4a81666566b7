"""Slices and blocks, and how they become pages.

Content is built as a list of blocks, each a list of slices (a line of text,
a row of boxes) in local coordinates: x absolute, y downward from the slice's
top. A slice never splits; a block is kept on one page when it fits, and a
block taller than a page is split between its slices, its heading repeated.
`page_of` then moves every item once, to its place on the page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from makeplan.errors import DoesNotFitError
from makeplan.geometry.items import Box, Drawing, Frame, Image, Page, Rule, Text


@dataclass
class Slice:
    """A piece of a block that is never split across pages.

    Its own items are in its own coordinates (y down from its top). `parts` are
    slices inside it, each `dy` below its top: putting slices together keeps a
    reference to each, and every item is moved once, when the page is made,
    instead of once for every level it is nested in.
    """

    height: float
    texts: list[Text] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    frames: list[Frame] = field(default_factory=list)
    drawings: list[Drawing] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    parts: list[tuple[float, Slice]] = field(default_factory=list)

    def flattened(self) -> Iterator[tuple[float, Slice]]:
        """This slice and every slice inside it, with how far below this one's top each
        is: parts first, in order, then the slice's own items (the order they draw in)."""
        pending: list[tuple[float, Slice, bool]] = [(0.0, self, False)]
        while pending:
            dy, piece, expanded = pending.pop()
            if expanded or not piece.parts:
                yield dy, piece
                continue
            pending.append((dy, piece, True))
            pending += [(dy + offset, part, False) for offset, part in reversed(piece.parts)]


@dataclass
class Block:
    """Slices kept together on one page whenever they fit; `heading` repeats on a split.
    A block that is not part of the table (`in_table` false) starts a new page
    without the table's column headings (see `paginate`)."""

    slices: list[Slice]
    heading: Callable[[], list[Slice]] | None = None
    in_table: bool = True
    # When not 0: only the first `together` slices must share a page (an exercise's
    # steps and its first round of boxes); the later rounds may go on to the next.
    together: int = 0

    @property
    def height(self) -> float:
        return sum(piece.height for piece in self.slices)


def stack(slices: list[Slice]) -> Slice:
    """Slices one below the other, as one."""
    merged = Slice(0)
    for piece in slices:
        merged.parts.append((merged.height, piece))
        merged.height += piece.height
    return merged


def beside(*parts: Slice) -> Slice:
    """Slices side by side, top-aligned; they already carry their own x positions."""
    return Slice(max(part.height for part in parts), parts=[(0.0, part) for part in parts])


def spacer(height: float) -> Slice:
    return Slice(height)


Item = TypeVar("Item", "Text", "Box", "Rule", "Frame", "Drawing", "Image")


def moved(item: Item, **changes: float) -> Item:
    """A copy of a placed item with new coordinates.

    The same as `dataclasses.replace`, which checks every field and calls
    __init__; this copies the fields as they are. Items are moved a few
    thousand times per sheet, so the difference is a tenth of a sheet's time.
    """
    copy = object.__new__(type(item))
    copy.__dict__.update(item.__dict__)
    for name, value in changes.items():
        object.__setattr__(copy, name, value)  # how a frozen dataclass is set
    return copy


def paginate(
    blocks: list[Block],
    first_height: float,
    later_height: float,
    page_heading: Sequence[Slice] = (),
) -> list[list[Slice]]:
    """Fill pages with blocks; the first page may be shorter or taller than the rest.
    Every page after the first starts with `page_heading` (a table's column headings),
    unless it starts with a block that is not part of the table."""
    pages: list[list[Slice]] = [[]]
    used = 0.0
    heading_height = sum(piece.height for piece in page_heading)

    def room() -> float:
        return (first_height if len(pages) == 1 else later_height) - used

    headed = [False]  # whether each page starts with `page_heading`

    def started() -> bool:
        """Something of the blocks is on this page already (not just its heading)."""
        return used > (heading_height if headed[-1] else 0.0)

    def new_page(in_table: bool) -> None:
        nonlocal used
        heading = list(page_heading) if in_table else []
        pages.append(heading)
        headed.append(bool(heading))
        used = heading_height if heading else 0.0

    for block in blocks:
        if block.height <= room():
            pages[-1] += block.slices
            used += block.height
            continue
        together = block.together
        if together and sum(piece.height for piece in block.slices[:together]) > room():
            together = 0
        if started() and not together:
            new_page(block.in_table)
        if block.height <= room():
            pages[-1] += block.slices
            used += block.height
            continue
        # Taller than the room left (a block whose head fits here), or than a page:
        # split between slices, repeating the heading.
        for index, piece in enumerate(block.slices):
            if piece.height > max(first_height, later_height):
                raise DoesNotFitError(
                    "One part of the sheet (a picture, or a row of boxes) is taller than a "
                    "page; use a layout with smaller sizes, like --layout handout, or "
                    "fewer --days or --sessions."
                )
            if piece.height > room() and index >= together:
                new_page(block.in_table)
                if block.heading is not None:
                    for head in block.heading():
                        pages[-1].append(head)
                        used += head.height
            pages[-1].append(piece)
            used += piece.height
    return pages


def page_of(slices: list[Slice], top: float) -> Page:
    """Turn local slice coordinates into a page (y upward from the bottom)."""
    texts: list[Text] = []
    boxes: list[Box] = []
    rules: list[Rule] = []
    frames: list[Frame] = []
    drawings: list[Drawing] = []
    images: list[Image] = []
    for dy, piece in stack(slices).flattened():
        base = top - dy  # where this piece's top is, measured up from the page's bottom
        texts += [moved(t, y=base - t.y) for t in piece.texts]
        boxes += [moved(b, y=base - b.y - b.size) for b in piece.boxes]
        rules += [moved(r, y1=base - r.y1, y2=base - r.y2) for r in piece.rules]
        frames += [moved(f, y=base - f.y - f.height) for f in piece.frames]
        drawings += [moved(d, y=base - d.y - d.height) for d in piece.drawings]
        images += [moved(i, y=base - i.y - i.height) for i in piece.images]
    return Page(
        texts=tuple(texts),
        boxes=tuple(boxes),
        rules=tuple(rules),
        frames=tuple(frames),
        drawings=tuple(drawings),
        images=tuple(images),
    )

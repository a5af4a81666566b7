"""`makeplan read` as steps: the original sheets, each page image found and read, checked,
merged, and the filled sheet (and review images) made.

Nothing is written here: the job returns the filled PDF's bytes, the review
images and what was read, and `jobs.read_paper` writes them only when every
image was read. Every refusal is a `MakeplanError` whose message says how to
retake the photo where that is the fix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from makeplan.errors import InputFileError, UsageError
from makeplan.fields import PAIN_LOWEST
from makeplan.geometry.reading_marks import ID_COUNT, MarkSize
from makeplan.pdfs.returned import read_returned
from makeplan.scan.decide import FINE, State, box_state, scale_value
from makeplan.scan.images import open_images
from makeplan.scan.locate import RETAKE, Found, NoSheetError, digits_of, find_marks, homography
from makeplan.scan.measure import LEAST_SCALE, measure_page
from makeplan.scan.review import review_png
from makeplan.sheetdata import (
    MARKED_VERSION,
    RECORD_ATTACHMENT,
    SheetRecord,
    identity_of,
    read_record,
)
from makeplan.terminal import printable

# A page whose printed box outlines come out paler than this share of the page's
# black is too blurred (or too dark, or too small) for its ticks to be trusted.
SHARP_ENOUGH = 0.15
DARKEST_PAPER = 50  # grey level (0-255) of the paper below which the photo is too dark


@dataclass(frozen=True)
class Original:
    """A sheet makeplan made, as the reader needs it."""

    path: Path
    data: bytes
    record: SheetRecord
    identity: str


@dataclass
class PageRead:
    """One page image read: where from, which page of which sheet, each box's state."""

    where: str
    sheet: Original
    page: int  # from 0
    states: dict[tuple[str, int | None], State]
    review: bytes | None = None


@dataclass(frozen=True)
class PaperRead:
    """What `read` found: the sheet, the fields to tick, pain numbers, what is unclear."""

    sheet: Original
    pages: tuple[PageRead, ...]
    ticks: frozenset[str]
    pains: dict[str, int]
    unclear: tuple[str, ...]
    pages_missing: tuple[int, ...]
    warnings: tuple[str, ...] = field(default=())


def open_originals(sheet: Path) -> list[Original]:
    """The sheet given with --sheet, or every makeplan sheet in a folder given."""
    if sheet.is_dir():
        found: list[Original] = []
        old: list[Original] = []
        for path in sorted(sheet.glob("*.pdf")):
            try:
                original = _original(path)
            except InputFileError:
                continue  # not a makeplan sheet: a folder may hold other PDFs
            (found if original.record.paper is not None else old).append(original)
        if not found:
            raise InputFileError(
                f"--sheet {sheet}: holds no makeplan sheet with reading marks"
                + (" (only sheets made before them; make a new sheet)" if old else "")
                + "; give the sheet that was printed, or the folder it is in."
            )
        return found
    original = _original(sheet)
    if original.record.paper is None and original.record.version >= MARKED_VERSION:
        raise InputFileError(
            f"--sheet {sheet}: its layout's margins are too narrow for the reading marks "
            "(they need page.margin_mm of 7.1 or more), so a photo of it cannot be read; "
            "make the sheet with a layout with wider margins."
        )
    if original.record.paper is None:
        raise InputFileError(
            f"--sheet {sheet}: was made before makeplan printed reading marks on its pages "
            f"(record version {original.record.version}), so a photo of it cannot be read; "
            "make a new sheet (makeplan build --from it), print that, and use it."
        )
    return [original]


def _original(path: Path) -> Original:
    returned = read_returned(path, [RECORD_ATTACHMENT])
    data = returned.attachments.get(RECORD_ATTACHMENT)
    if data is None:
        raise InputFileError(
            f"--sheet {path}: is not a sheet makeplan made (it has no makeplan record); "
            "give the PDF that was printed."
        )
    record = read_record(data, str(path))
    version_ok = record.version >= MARKED_VERSION
    identity = identity_of(data) if version_ok else ""
    return Original(path, path.read_bytes(), record, identity)


def read_paper(
    images: Sequence[Path], originals: Sequence[Original], want_review: bool
) -> PaperRead:
    """Read every page image in `images` against `originals`; refuse, rather than guess."""
    pages: list[PageRead] = []
    for path in images:
        for image in open_images(path):
            pages.append(read_page(image.where, image.pixels, originals, want_review))
    if not pages:
        raise InputFileError("no pages in the pictures given; give a photo or scan of the sheet.")
    sheets = {id(page.sheet): page.sheet for page in pages}
    if len(sheets) > 1:
        first, second = list(sheets.values())[:2]
        raise UsageError(
            f"the photos are of two sheets ({first.path} and {second.path}); "
            "read each sheet on its own, with its own -o."
        )
    sheet = pages[0].sheet
    merged = _merge(pages)
    return _values(sheet, pages, merged)


def read_page(
    where: str, grey: np.ndarray, originals: Sequence[Original], want_review: bool
) -> PageRead:
    where = printable(where)
    found = find_marks(grey, where)
    sheet, page = _match(where, found, originals)
    paper = sheet.record.paper
    assert paper is not None
    to_page = homography(
        found, paper.width, paper.height, MarkSize(paper.mark_size, paper.mark_inset)
    )
    if to_page is None and found.markers >= 8:
        raise NoSheetError(
            f"{where}: more than one page in the picture ({found.markers} corner markers); "
            "photograph one page at a time, or scan each page on its own."
        )
    if to_page is None:
        raise NoSheetError(
            f"{where}: the page is not flat in the picture (its corners do not line up); {RETAKE}."
        )
    boxes = paper.pages[page]
    measured = measure_page(grey, to_page, paper, boxes)
    if measured.scale < LEAST_SCALE:
        raise InputFileError(
            f"{where}: the page is too small in the picture to read its boxes reliably "
            f"({measured.scale * 72:.0f} pixels an inch, {LEAST_SCALE * 72:.0f} needed); "
            "come closer so that the page fills the picture, and send the photo at full "
            "size (messaging apps shrink photos)."
        )
    if measured.paper < DARKEST_PAPER:
        raise InputFileError(f"{where}: too dark to read the boxes reliably; {RETAKE}.")
    if boxes and float(np.median(measured.outlines)) < SHARP_ENOUGH:
        raise InputFileError(
            f"{where}: too blurred or dark to read the boxes reliably; hold the phone still "
            f"and {RETAKE}."
        )
    fine = measured.scale >= FINE
    states = [box_state(ink, fine) for ink in measured.inks]
    review = (
        review_png(measured.page, measured.page_scale, paper, boxes, states)
        if want_review
        else None
    )
    keyed = {(box.field, box.value): state for box, state in zip(boxes, states, strict=True)}
    return PageRead(where, sheet, page, keyed, review)


def _match(where: str, found: Found, originals: Sequence[Original]) -> tuple[Original, int]:
    """The sheet and page (from 0) the marks in an image belong to."""
    code = found.code
    for original in originals:
        if code is not None:
            if not original.identity.startswith(code.identity):
                continue
            page = code.page
        else:
            if digits_of(original.identity) != found.digits:
                continue
            assert original.record.paper is not None
            count = len(original.record.paper.pages)
            if count > ID_COUNT:
                raise InputFileError(
                    f"{where}: its QR code could not be read, and the sheet has more than "
                    f"{ID_COUNT} pages, so which page it is cannot be told; retake it sharper, "
                    "closer to the code in the lower-left corner."
                )
            page = found.page_mod
        assert original.record.paper is not None
        if page >= len(original.record.paper.pages) or page % ID_COUNT != found.page_mod:
            raise NoSheetError(
                f"{where}: its marks name a page {original.path} does not have; {RETAKE}."
            )
        return original, page
    given = originals[0].path if len(originals) == 1 else "the sheets given"
    if code is None:
        raise InputFileError(
            f"{where}: is not a page of {given} (its corner markers belong to another "
            "sheet), and its QR code could not be read to tell which; give that sheet with "
            "--sheet, or retake the photo closer so the code in the lower-left corner reads."
        )
    raise InputFileError(
        f"{where}: is page {code.page + 1} of another sheet (code {code.identity}), "
        f"not of {given}; give the sheet that was printed with --sheet (or a folder of sheets)."
    )


def _merge(pages: Sequence[PageRead]) -> dict[int, dict[tuple[str, int | None], State]]:
    """Each page's states; a page given twice must say the same (unclear gives way)."""
    merged: dict[int, dict[tuple[str, int | None], State]] = {}
    first: dict[int, str] = {}
    for page in pages:
        if page.page not in merged:
            merged[page.page] = dict(page.states)
            first[page.page] = page.where
            continue
        states = merged[page.page]
        for key, state in page.states.items():
            known = states[key]
            if known is State.UNCLEAR:
                states[key] = state
            elif state is not State.UNCLEAR and state is not known:
                raise InputFileError(
                    f"{first[page.page]} and {page.where} are the same page (page "
                    f"{page.page + 1}) with different marks; give one picture of each page."
                )
    return merged


def _values(
    sheet: Original,
    pages: Sequence[PageRead],
    merged: dict[int, dict[tuple[str, int | None], State]],
) -> PaperRead:
    ticks: set[str] = set()
    pains: dict[str, int] = {}
    unclear: list[str] = []
    scales: dict[str, list[tuple[int, State]]] = {}
    for number in sorted(merged):
        for (name, value), state in merged[number].items():
            if value is None:
                if state is State.TICKED:
                    ticks.add(name)
                elif state is State.UNCLEAR:
                    unclear.append(name)
            else:
                scales.setdefault(name, []).append((value, state))
    for name, states in scales.items():
        read = scale_value(sorted(states))
        if read.unclear:
            unclear.append(name)
        elif read.value is not None:
            pains[name] = read.value
    paper = sheet.record.paper
    assert paper is not None
    with_boxes = [number for number, boxes in enumerate(paper.pages) if boxes]
    missing = tuple(number for number in with_boxes if number not in merged)
    warnings = []
    if missing:
        listed = ", ".join(str(number + 1) for number in missing)
        warnings.append(
            f"page{'s' if len(missing) > 1 else ''} {listed} of {sheet.path} "
            "had no picture; their boxes are left empty."
        )
    assert all(value >= PAIN_LOWEST for value in pains.values())
    return PaperRead(sheet, tuple(pages), frozenset(ticks), pains, tuple(unclear), missing,
                     tuple(warnings))  # fmt: skip

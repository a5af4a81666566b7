"""Covers: a clinic's own PDFs, opened, made inert and put in front of the sheet.

This module owns the cover pages from path to merged bytes. Each cover is
opened, unlocked (with --cover-password when it needs one; see opening),
checked and made inert before anything is merged, so a missing, damaged or
locked file fails with its name and nothing is written. "Inert" means the
handout carries no active content from a cover: no scripts, no actions that
run or open anything by themselves, no attached files, no XFA forms. Links a
reader clicks stay: to a page, or to a web or mail address. The sheet's own
pages, order and form fields are kept as they are, and the result is never
encrypted.
"""

from __future__ import annotations

import io
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from makeplan.errors import InputFileError
from makeplan.pdfs.opening import damaged, open_pdf, quiet
from makeplan.sheetdata import PIECE_INFO_KEY

if TYPE_CHECKING:
    from pypdf import PageObject, PdfReader, PdfWriter
    from pypdf.generic import DictionaryObject, IndirectObject

# The sheet's document information entries that are text (others, like /Trapped, are names).
_TEXT_METADATA = (
    "/Title",
    "/Author",
    "/Subject",
    "/Keywords",
    "/Creator",
    "/Producer",
    "/CreationDate",
    "/ModDate",
)

# Keys removed from every dictionary of a cover: scripts (/JS, the /JavaScript name
# tree), actions run on opening or on events (/OpenAction, /AA), attached files (the
# /EmbeddedFiles name tree, a file specification's /EF streams, PDF 2.0's /AF) and XFA.
_ACTIVE_KEYS = ("/AA", "/OpenAction", "/JS", "/JavaScript", "/EmbeddedFiles", "/EF", "/AF", "/XFA")
# Annotations that exist to carry a file, media or 3D content (which can script itself).
_ACTIVE_ANNOTATIONS = {"/FileAttachment", "/Sound", "/Movie", "/Screen", "/RichMedia", "/3D"}
# A clicked link may go to a page or to a web or mail address; every other action
# (/JavaScript, /Launch, /SubmitForm, /ImportData, /ResetForm, /GoToR, /Named...) goes.
_SAFE_URI_STARTS = ("http://", "https://", "mailto:")
# Arrays and dictionaries written inside one another deeper than this are refused: real
# files stay far below it, and copying and writing them is recursive in pypdf (and in
# the readers of the handout).
_MAX_NESTING = 100
# Form settings a cover's own fields may need (fonts, default look); the first cover's win.
_FORM_SETTINGS = ("/DR", "/DA")


@dataclass(frozen=True)
class Cover:
    """An opened, unlocked, inert cover and how to name it in a message."""

    where: str
    reader: PdfReader


def open_covers(paths: Sequence[Path], password: str | None = None) -> list[Cover]:
    return [open_cover(path, password) for path in paths]


def open_cover(path: Path, password: str | None = None) -> Cover:
    """The cover at `path`, unlocked and made inert, or an `InputFileError` saying why not."""
    where = f"cover {str(path)!r}"

    def check(reader: PdfReader) -> None:
        if not reader.pages:
            raise InputFileError(f"{where}: has no pages; give a PDF with at least one page.")
        _make_inert(reader, where)

    return Cover(where, open_pdf(path, where, password, check))


def _make_inert(reader: PdfReader, where: str) -> None:
    """Removes active content from every object of the cover, in place, and checks its trees.

    pypdf parses each object once and keeps it, and the merge copies those kept
    objects, so what is removed here is never copied. The walk is a loop over a
    stack with a set of objects already seen, not recursion: objects that refer
    to each other are normal (a page and its annotations), and deep nesting
    cannot exhaust Python's stack. It visits the page objects pypdf made (which
    carry inherited entries) as well as the catalog and everything reachable.
    Streams are not decoded: only their dictionaries are looked at.
    """
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    stack: list[tuple[Any, int]] = [(root, 0) for root in (reader.root_object, *reader.pages)]
    seen_refs: set[tuple[int, int]] = set()
    seen: set[int] = set()  # id() of containers; pypdf keeps each parsed object alive
    # "X is above Y" from /Parent and /Kids: page trees and form fields must be trees.
    above: list[tuple[tuple[int, int], tuple[int, int]]] = []
    while stack:
        item, depth = stack.pop()
        while isinstance(item, IndirectObject):
            ref = (item.idnum, item.generation)
            if ref in seen_refs:
                break
            seen_refs.add(ref)
            item, depth = item.get_object(), 0
        if isinstance(item, IndirectObject) or id(item) in seen:
            continue
        if depth > _MAX_NESTING:
            raise damaged(where, "its objects are nested too deeply")
        if isinstance(item, DictionaryObject):
            seen.add(id(item))
            _strip(item)
            me = _ref(item)
            parent = item.raw_get("/Parent") if "/Parent" in item else None
            if me is not None and isinstance(parent, IndirectObject):
                above.append(((parent.idnum, parent.generation), me))
            kids = _get(item, "/Kids")
            if me is not None and isinstance(kids, ArrayObject):
                above += [
                    (me, (k.idnum, k.generation)) for k in kids if isinstance(k, IndirectObject)
                ]
            stack.extend((value, depth + 1) for value in item.values())
        elif isinstance(item, ArrayObject):
            seen.add(id(item))
            stack.extend((value, depth + 1) for value in item)
    if _has_loop(above):
        raise damaged(where, "its structure loops back on itself")


def _strip(item: DictionaryObject) -> None:
    """Removes from one dictionary the keys, actions and annotations that are active content."""
    from pypdf.generic import ArrayObject, DictionaryObject

    for key in _ACTIVE_KEYS:
        item.pop(key, None)
    for key in ("/A", "/PA"):  # an annotation's or outline item's action (/PA: a link's old one)
        action = _get(item, key)
        # Only an action has /S; a structure element's /A (attributes) is left alone.
        if not isinstance(action, DictionaryObject) or "/S" not in action:
            continue
        if _safe_link(action):
            action.pop("/Next", None)  # actions chained after it could be anything
        else:
            del item[key]
    annots = _get(item, "/Annots")
    if isinstance(annots, ArrayObject):
        annots[:] = [a for a in annots if not _active_annotation(a)]


def _safe_link(action: DictionaryObject) -> bool:
    kind = _get(action, "/S")
    if kind == "/GoTo":
        return True
    if kind != "/URI":
        return False
    uri = _get(action, "/URI")
    text = uri.decode("latin-1") if isinstance(uri, bytes) else str(uri)
    return text.strip().lower().startswith(_SAFE_URI_STARTS)


def _active_annotation(annotation: Any) -> bool:
    from pypdf.generic import DictionaryObject

    annotation = annotation.get_object()
    if not isinstance(annotation, DictionaryObject):
        return False
    if _get(annotation, "/Subtype") == "/Popup":  # goes with the annotation it pops up from
        annotation = _get(annotation, "/Parent")
        if not isinstance(annotation, DictionaryObject):
            return False
    return _get(annotation, "/Subtype") in _ACTIVE_ANNOTATIONS


def _get(item: DictionaryObject, key: str) -> Any:
    """The value at `key`, a reference followed (pypdf's get() returns the reference)."""
    return item[key] if key in item else None  # noqa: SIM401 - get() would not follow it


def _ref(item: DictionaryObject) -> tuple[int, int] | None:
    ref = getattr(item, "indirect_reference", None)
    return None if ref is None else (ref.idnum, ref.generation)


def _has_loop(edges: Sequence[tuple[tuple[int, int], tuple[int, int]]]) -> bool:
    """Whether the directed graph has a cycle (Kahn's algorithm: linear, no recursion)."""
    below: defaultdict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    waiting: Counter[tuple[int, int]] = Counter()
    for top, bottom in edges:
        below[top].append(bottom)
        waiting[bottom] += 1
    nodes = set(below) | set(waiting)
    ready = [node for node in nodes if not waiting[node]]
    done = 0
    while ready:
        node = ready.pop()
        done += 1
        for bottom in below[node]:
            waiting[bottom] -= 1
            if not waiting[bottom]:
                ready.append(bottom)
    return done < len(nodes)


def merge_covers(sheet: bytes, covers: Sequence[Cover]) -> bytes:
    """The covers' pages in order, then the sheet's; the sheet's metadata and fields kept.

    Time and memory grow with the covers' size, linearly: pypdf's writer copies
    each page's objects once, when it is appended (not lazily: the copy is made
    then, but streams stay encoded and share the bytes the reader parsed), and
    no page's content is ever decoded. Each cover can be merged once: its form
    is taken out of it here.
    """
    if not covers:
        return sheet
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

    with quiet():
        sheet_reader = PdfReader(io.BytesIO(sheet))
        writer = PdfWriter()
        fields: list[IndirectObject] = []
        form = DictionaryObject()
        for number, cover in enumerate(covers, start=1):
            start = len(writer.pages)
            try:
                added = _append(writer, cover.reader, form)
            except RecursionError:
                raise damaged(cover.where, "its objects are nested too deeply") from None
            except Exception as exc:  # damage pypdf finds only when copying pages
                raise damaged(cover.where, type(exc).__name__) from None
            # A cover's own form fields get a prefix, so a field that happens to share a
            # name with one of the sheet's boxes (say, an old sheet used as a cover)
            # stays a separate field instead of ticking together with it.
            for field in added:
                field_object = field.get_object()
                if isinstance(field_object, DictionaryObject) and "/T" in field_object:
                    name = f"cover{number}-{field_object['/T']}"
                    field_object[NameObject("/T")] = TextStringObject(name)
            fields += added
            # A makeplan sheet used as a cover is not part of this sheet: without its
            # mark, its pages are not taken for a second sheet when this one comes back.
            for page in writer.pages[start:]:
                piece_info = page.get("/PieceInfo")
                piece_info = piece_info.get_object() if piece_info is not None else None
                if isinstance(piece_info, DictionaryObject):
                    piece_info.pop(f"/{PIECE_INFO_KEY}", None)
        fields += _append(writer, sheet_reader, form)
        if fields:
            form[NameObject("/Fields")] = ArrayObject(fields)
            writer.root_object[NameObject("/AcroForm")] = form
        info: dict[str, Any] = dict(sheet_reader.metadata or {})
        writer.add_metadata({key: str(info[key]) for key in _TEXT_METADATA if key in info})
        # The plan and record the sheet carries (a cover's own files were removed
        # with its other active content).
        for name, contents in sheet_reader.attachments.items():
            for data in contents:
                writer.add_attachment(name, data)
        buffer = io.BytesIO()
        writer.write(buffer)
    return buffer.getvalue()


def _append(writer: PdfWriter, reader: PdfReader, form: DictionaryObject) -> list[IndirectObject]:
    """Appends the reader's pages; returns their top-level form fields, in page order.

    The form (/AcroForm) is merged here rather than by pypdf, whose merge looks
    each field up in the list of fields so far (time growing with the square of
    the number of boxes; a month-long handout has thousands). Its settings go
    into `form` where it has none yet.
    """
    from pypdf.generic import DictionaryObject, NameObject

    own_form = reader.root_object.pop("/AcroForm", None)
    own_form = own_form.get_object() if own_form is not None else None
    if isinstance(own_form, DictionaryObject):
        for key in _FORM_SETTINGS:
            if key in own_form and key not in form:
                form[NameObject(key)] = own_form.raw_get(key).clone(writer)
    start = len(writer.pages)
    writer.append(reader)
    tops: dict[int, IndirectObject] = {}
    for index in range(start, len(writer.pages)):
        for widget in _widgets(writer.pages[index]):
            top = _top_field(widget)
            tops.setdefault(top.idnum, top)
    return list(tops.values())


def _top_field(widget: IndirectObject) -> IndirectObject:
    """The field at the top of a widget's /Parent chain (the first part of its full name)."""
    from pypdf.generic import DictionaryObject, IndirectObject

    top = widget
    # Ends: _make_inert refused covers whose fields loop, and the sheet's have no parents.
    while True:
        field = top.get_object()
        if not isinstance(field, DictionaryObject) or "/Parent" not in field:
            return top
        parent = field.raw_get("/Parent")
        if not isinstance(parent, IndirectObject):
            return top
        top = parent


def _widgets(page: PageObject) -> Iterator[IndirectObject]:
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    annots = _get(page, "/Annots")
    if not isinstance(annots, ArrayObject):
        return
    for annot in annots:
        target = annot.get_object()
        if (
            isinstance(annot, IndirectObject)
            and isinstance(target, DictionaryObject)
            and _get(target, "/Subtype") == "/Widget"
        ):
            yield annot

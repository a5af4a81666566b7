"""PDFs makeplan reads: clinic covers, and sheets sent back. The only module using pypdf.

Returned sheets: `read_returned` gives a sheet's attached files and the
value of every form field, by full name, whatever the viewer that saved it.

Covers: puts cover pages (a clinic's own PDFs) in front of the sheet.

Each cover is opened, unlocked (with --cover-password when it needs one),
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
import logging
import warnings
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from makeplan.errors import InputFileError
from makeplan.inputs import read_input
from makeplan.sheetdata import PIECE_INFO_KEY

if TYPE_CHECKING:
    from pypdf import PageObject, PdfReader, PdfWriter
    from pypdf.generic import DictionaryObject, IndirectObject

_COVER_PASSWORD_HINT = (
    "give it with --cover-password (or MAKEPLAN_COVER_PASSWORD), or save an unlocked copy"
)


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
# The largest PDF makeplan opens (a cover, or a returned sheet). A clinic's cover
# pages, even scanned, are a few MB; a returned sheet is well under 1 MB. Past this,
# parsing would take minutes and gigabytes of memory before finding any problem.
MAX_PDF_BYTES = 100_000_000
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

    return Cover(where, _open(path, where, password, check))


class ReturnedSheet(NamedTuple):
    """What a sheet that came back holds: its attached files and its form's values.

    `widgets` counts the widgets of each field (makeplan draws one per field, so
    more means boxes of two sheets in one file); `page_marks` is the sheet mark
    of each page that has widgets (None where a page has none: an older sheet,
    or a cover).
    """

    attachments: dict[str, bytes]
    values: dict[str, FieldValue]
    creator: str
    widgets: dict[str, int]
    page_marks: tuple[str | None, ...]


class FieldValue(NamedTuple):
    """A form field's value (/V) and its widgets' appearance states (/AS), as text."""

    value: str | None
    states: tuple[str, ...]


def read_returned(path: Path, wanted: Collection[str]) -> ReturnedSheet:
    """The attachments named `wanted` and the field values of a sheet sent back.

    Other attachments are not decoded (a hostile one could be a zip bomb).
    """
    where = str(path)
    result: list[ReturnedSheet] = []

    def read(reader: PdfReader) -> None:
        files = reader.attachments  # decodes a file only when it is looked up
        attachments = {name: files[name][0] for name in wanted if name in files}
        metadata: Any = reader.metadata or {}
        creator = str(metadata.get("/Creator", ""))
        values, widgets, marks = _field_values(reader)
        result.append(ReturnedSheet(attachments, values, creator, widgets, marks))

    _open(path, where, None, read, "open it, save a copy without the password, and give that")
    return result[0]


def _field_values(
    reader: PdfReader,
) -> tuple[dict[str, FieldValue], dict[str, int], tuple[str | None, ...]]:
    """Every field with a widget on a page, by its full name (parent.kid); how many
    widgets each has; and the sheet mark of each page with widgets.

    Read from the widgets, not the form's field list: some tools drop the list
    but keep the widgets and their values, and a box on no page cannot be ticked.
    """
    from pypdf.generic import ArrayObject, DictionaryObject

    values: dict[str, Any] = {}
    states: dict[str, list[str]] = {}
    widgets: Counter[str] = Counter()
    marks: list[str | None] = []
    for page in reader.pages:
        annots = page.get("/Annots")
        annots = annots.get_object() if annots is not None else None
        if isinstance(annots, ArrayObject) and annots:
            marks.append(_sheet_mark(page))
        for annot in annots if isinstance(annots, ArrayObject) else []:
            widget = annot.get_object()
            if not isinstance(widget, DictionaryObject) or widget.get("/Subtype") != "/Widget":
                continue
            names: list[str] = []
            value: Any = None
            node: Any = widget
            seen: set[int] = set()
            # Up the /Parent chain (a damaged file may loop): the full name, and the
            # nearest value, which kids inherit.
            while isinstance(node, DictionaryObject) and id(node) not in seen and len(seen) < 64:
                seen.add(id(node))
                if "/T" in node:
                    names.append(str(node["/T"]))
                if value is None and "/V" in node:
                    value = node["/V"]
                parent = node.get("/Parent")
                node = parent.get_object() if parent is not None else None
            full = ".".join(reversed(names))
            if not full:
                continue
            values.setdefault(full, value)
            states.setdefault(full, [])
            widgets[full] += 1
            if "/AS" in widget:
                states[full].append(str(widget["/AS"]))
    found = {
        name: FieldValue(None if value is None else str(value), tuple(states[name]))
        for name, value in values.items()
    }
    return found, dict(widgets), tuple(marks)


def _sheet_mark(page: Any) -> str | None:
    """The makeplan sheet mark on `page`, or None."""
    from pypdf.generic import DictionaryObject

    node: Any = page
    for key in ("/PieceInfo", f"/{PIECE_INFO_KEY}", "/Private", "/Sheet"):
        node = node.get(key) if isinstance(node, DictionaryObject) else None
        node = node.get_object() if node is not None else None
    return str(node) if node is not None else None


def _open(
    path: Path,
    where: str,
    password: str | None,
    check: Callable[[PdfReader], None],
    password_hint: str = _COVER_PASSWORD_HINT,
) -> PdfReader:
    """The PDF at `path`, parsed and unlocked, after `check`; one clear error if not."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    # Read once: pypdf parses objects from this buffer as they are needed (BytesIO
    # shares it rather than copying), and the file cannot change between this check
    # and its use. Its size is looked at first: a huge file is refused unread.
    data = read_input(path, where, "a PDF file", InputFileError, MAX_PDF_BYTES)
    if not data:
        raise InputFileError(f"{where}: is empty (0 bytes); give a PDF file.")
    if not data[:1024].lstrip().startswith(b"%PDF-"):
        raise InputFileError(f"{where}: is not a PDF file; give a PDF (it must start with %PDF-).")
    try:
        with _quiet():
            reader = PdfReader(io.BytesIO(data), strict=False)
            _unlock(reader, where, password, password_hint)
            for page in reader.pages:
                page.mediabox  # noqa: B018 - reading it finds damaged page trees now, not later
            check(reader)
    except InputFileError:
        raise
    except DependencyError:
        raise InputFileError(
            f"{where}: is encrypted with AES and the 'cryptography' package is missing; "
            "reinstall makeplan (pip install .) or save an unlocked copy."
        ) from None
    except RecursionError:
        raise _damaged(where, "its objects are nested too deeply") from None
    except MemoryError:
        raise _damaged(where, "it is too large to read") from None
    except Exception as exc:  # pypdf raises many kinds on damaged files
        if b"%%EOF" not in data[-2048:]:  # the commonest damage: a download or copy cut short
            raise InputFileError(
                f"{where}: is cut short (it does not end with %%EOF); copy or download it again."
            ) from None
        raise _damaged(where, type(exc).__name__) from None
    return reader


def _unlock(
    reader: PdfReader, where: str, password: str | None, hint: str = _COVER_PASSWORD_HINT
) -> None:
    if not reader.is_encrypted:
        return
    # Many "protected" PDFs have only an owner password: they open with an empty one.
    if reader.decrypt(""):
        return
    if password is None:
        raise InputFileError(f"{where}: is locked with a password; {hint}.")
    if not reader.decrypt(password):
        raise InputFileError(
            f"{where}: the password given (--cover-password or MAKEPLAN_COVER_PASSWORD) "
            "does not open it; check the password, or save an unlocked copy."
        )


def _damaged(where: str, why: str) -> InputFileError:
    return InputFileError(
        f"{where}: is damaged and cannot be read ({why}); "
        "save it again from the program that made it."
    )


@contextmanager
def _quiet() -> Iterator[None]:
    """No pypdf log lines or Python warnings while pypdf works on a cover.

    pypdf reports repairs of slightly damaged files that way; a cover that opens
    is fine to use, so the notes would only alarm the user. The logger's level is
    put back afterwards, so code that reads pypdf's log (the tests) still can.
    """
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


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
            raise _damaged(where, "its objects are nested too deeply")
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
        raise _damaged(where, "its structure loops back on itself")


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

    with _quiet():
        sheet_reader = PdfReader(io.BytesIO(sheet))
        writer = PdfWriter()
        fields: list[IndirectObject] = []
        form = DictionaryObject()
        for number, cover in enumerate(covers, start=1):
            start = len(writer.pages)
            try:
                added = _append(writer, cover.reader, form)
            except RecursionError:
                raise _damaged(cover.where, "its objects are nested too deeply") from None
            except Exception as exc:  # damage pypdf finds only when copying pages
                raise _damaged(cover.where, type(exc).__name__) from None
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

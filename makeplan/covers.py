"""Puts cover pages (a clinic's own PDFs) in front of the sheet: the only module using pypdf.

Each cover is opened and checked before anything is merged, so a missing,
damaged or locked file fails with its name and nothing is written. The
sheet's own pages, order and form fields are kept as they are.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from makeplan.errors import InputFileError

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

if TYPE_CHECKING:
    from pypdf import PdfReader, PdfWriter


def open_cover(path: Path) -> Cover:
    """A readable, unlocked PDF reader for `path`, or an `InputFileError` saying why not."""
    import logging

    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    # pypdf logs repairs of slightly damaged files as warnings; a cover that
    # opens is fine to use, so those notes would only alarm the user.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    where = f"cover {str(path)!r}"
    try:
        if not path.exists():
            raise InputFileError(f"{where}: no such file; check the path.")
        if not path.is_file():
            raise InputFileError(f"{where}: is not a file; give a PDF file.")
        data = path.read_bytes()
    except OSError as exc:
        raise InputFileError(f"{where}: cannot be read ({exc.strerror}).") from None
    if not data.lstrip()[:5].startswith(b"%PDF-"):
        raise InputFileError(f"{where}: is not a PDF file; give a PDF (it must start with %PDF-).")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise FileNotDecryptedError(where)
        page_count = len(reader.pages)
        for page in reader.pages:
            page.mediabox  # noqa: B018 - reading it finds damaged page trees now, not mid-merge
    except InputFileError:
        raise
    except FileNotDecryptedError:
        raise InputFileError(
            f"{where}: is locked with a password; save an unlocked copy and use that."
        ) from None
    except DependencyError:
        raise InputFileError(
            f"{where}: is encrypted with AES and the 'cryptography' package is missing; "
            "reinstall makeplan (pip install .) or save an unlocked copy."
        ) from None
    except Exception as exc:  # pypdf raises many kinds on damaged files
        raise _damaged(where, exc) from None
    if page_count == 0:
        raise InputFileError(f"{where}: has no pages; give a PDF with at least one page.")
    return Cover(where, reader)


def _damaged(where: str, exc: BaseException) -> InputFileError:
    return InputFileError(
        f"{where}: is damaged and cannot be read ({type(exc).__name__}); "
        "save it again from the program that made it."
    )


@dataclass(frozen=True)
class Cover:
    """An opened cover and how to name it in a message."""

    where: str
    reader: PdfReader


def open_covers(paths: Sequence[Path]) -> list[Cover]:
    return [open_cover(path) for path in paths]


def merge_covers(sheet: bytes, covers: Sequence[Cover]) -> bytes:
    """The covers' pages in order, then the sheet's; the sheet's metadata and fields kept."""
    if not covers:
        return sheet
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    sheet_reader = PdfReader(io.BytesIO(sheet))
    writer = PdfWriter()
    for number, cover in enumerate(covers, start=1):
        before = len(_form_fields(writer))
        try:
            writer.append(cover.reader)
        except Exception as exc:  # damage pypdf finds only when copying pages
            raise _damaged(cover.where, exc) from None
        # A cover's own form fields get a prefix, so a field that happens to share a
        # name with one of the sheet's boxes (say, an old sheet used as a cover)
        # stays a separate field instead of ticking together with it.
        for field in _form_fields(writer)[before:]:
            field = field.get_object()
            if "/T" in field:
                field[NameObject("/T")] = TextStringObject(f"cover{number}-{field['/T']}")
    writer.append(sheet_reader)
    info: dict[str, Any] = dict(sheet_reader.metadata or {})
    writer.add_metadata({key: str(info[key]) for key in _TEXT_METADATA if key in info})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _form_fields(writer: PdfWriter) -> list[Any]:
    """The writer's top-level form fields, in the order they were added."""
    form = writer.root_object.get("/AcroForm")
    if form is None:
        return []
    return list(form.get_object().get("/Fields", []))

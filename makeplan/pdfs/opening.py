"""Opens a PDF a user gave (a cover, or a returned sheet) with pypdf, within limits.

This module owns everything between a path and a parsed, unlocked `PdfReader`:
the size limit (a huge file is refused unread), the checks that it is a PDF
at all, unlocking (an empty owner password first, then the one given), pypdf
kept quiet about the repairs it makes, and the one clear message for each
kind of damage (cut short, nested too deeply, too large, anything else).
pypdf is imported only when a PDF is opened.
"""

from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from makeplan.errors import InputFileError
from makeplan.inputs import read_input

if TYPE_CHECKING:
    from pypdf import PdfReader

COVER_PASSWORD_HINT = (
    "give it with --cover-password (or MAKEPLAN_COVER_PASSWORD), or save an unlocked copy"
)

# The largest PDF makeplan opens (a cover, or a returned sheet). A clinic's cover
# pages, even scanned, are a few MB; a returned sheet is well under 1 MB. Past this,
# parsing would take minutes and gigabytes of memory before finding any problem.
MAX_PDF_BYTES = 100_000_000


def open_pdf(
    path: Path,
    where: str,
    password: str | None,
    check: Callable[[PdfReader], None],
    password_hint: str = COVER_PASSWORD_HINT,
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
        with quiet():
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
        raise damaged(where, "its objects are nested too deeply") from None
    except MemoryError:
        raise damaged(where, "it is too large to read") from None
    except Exception as exc:  # pypdf raises many kinds on damaged files
        if b"%%EOF" not in data[-2048:]:  # the commonest damage: a download or copy cut short
            raise InputFileError(
                f"{where}: is cut short (it does not end with %%EOF); copy or download it again."
            ) from None
        raise damaged(where, type(exc).__name__) from None
    return reader


def _unlock(
    reader: PdfReader, where: str, password: str | None, hint: str = COVER_PASSWORD_HINT
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


def damaged(where: str, why: str) -> InputFileError:
    """The error for a PDF pypdf cannot read, `why` saying how it is damaged."""
    return InputFileError(
        f"{where}: is damaged and cannot be read ({why}); "
        "save it again from the program that made it."
    )


@contextmanager
def quiet() -> Iterator[None]:
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

"""One request's private folder: uploads written under names makeplan chooses, the
files a job writes, and messages shown with the names the user knows.

The folder is made with `tempfile.mkdtemp` (readable by this user only) for
each request that needs files, and removed, with everything in it, before the
response is sent: nothing is kept between requests. A name or path the browser
sends is never used on the file system; an upload is stored as `logo.png`,
`cover-1.pdf`, `library/exercise-1.toml`..., its extension from its first
bytes (`security.sniff`), and its own name is only shown in messages.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from makeplan.terminal import printable
from makeplan.web.security import EXTENSIONS, sniff


class Workspace:
    """A private folder for one request, and what its files are called for the user."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.shown: dict[str, str] = {}
        self.fields: dict[str, str] = {}  # stored path -> the page field it came from

    def store(
        self, stem: str, data: bytes, given_name: str, kind: str | None = None, field: str = ""
    ) -> Path:
        """Write an upload as `stem` + the extension of what it is (or `kind`'s); `field`
        is the page field it came from, for its messages."""
        found = kind or sniff(data)
        path = self.folder / f"{stem}{EXTENSIONS.get(found, '.bin')}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.shown[str(path)] = shown_name(given_name) or path.name
        if field:
            self.fields[str(path)] = field
        return path

    def store_named(
        self, folder: str, relative: str, data: bytes, given_name: str, field: str = ""
    ) -> Path | None:
        """Write an upload at `relative` inside `folder` of the workspace: a path written
        in another upload (a library exercise's `pose = "pictures/x.toml"`), never one
        the browser sent. None when it would leave the folder (absolute, `..`)."""
        base = (self.folder / folder).resolve()
        target = (base / relative).resolve()
        if not relative or relative.startswith(("/", "\\")) or base not in target.parents:
            return None
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        self.shown[str(self.folder / folder / relative)] = shown_name(given_name) or relative
        if field:
            self.fields[str(self.folder / folder / relative)] = field
        return target

    def field_named_in(self, message: str) -> str | None:
        """The page field of the first upload a message names."""
        found = [(message.find(path), field) for path, field in self.fields.items()]
        named = sorted((at, field) for at, field in found if at >= 0)
        return named[0][1] if named else None

    def path(self, name: str) -> Path:
        """A file of makeplan's own in the folder (an output, say)."""
        return self.folder / name

    def words(self, message: str) -> str:
        """`message` with every path in the folder given as the name the user knows."""
        for stored, shown in sorted(self.shown.items(), key=lambda item: -len(item[0])):
            message = message.replace(stored, shown)
        message = message.replace(str(self.folder) + "/", "").replace(
            str(self.folder), "the upload"
        )
        return message


def shown_name(name: str | None) -> str:
    """An upload's own name, as text to show: its last part, printable, not too long."""
    if not name:
        return ""
    last = name.replace("\\", "/").rsplit("/", 1)[-1]
    return printable(last)[:80]


@contextmanager
def workspace() -> Iterator[Workspace]:
    """A private folder for one request, removed when the block ends."""
    folder = Path(tempfile.mkdtemp(prefix="makeplan-web-"))
    try:
        yield Workspace(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)

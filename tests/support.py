"""Helpers the tests share: run the installed command, read PDFs back, check errors."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber
import pypdf

MM = 72 / 25.4


@dataclass
class Result:
    code: int
    stdout: bytes
    stderr: str

    @property
    def text(self) -> str:
        return self.stdout.decode()


def run_installed(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run the installed `makeplan` command as a user would."""
    full_env = {**os.environ, **(env or {})}
    full_env.pop("MAKEPLAN_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "makeplan", *args], cwd=cwd, env=full_env, capture_output=True
    )


def assert_clean_error(result: Result, *needles: str) -> None:
    """One line starting 'Error:', a non-zero exit, no traceback, the given words in it."""
    assert result.code != 0, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: "), result.stderr
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])


def page_texts(path: Path | bytes) -> list[str]:
    import io

    reader = pypdf.PdfReader(io.BytesIO(path) if isinstance(path, bytes) else path)
    return [page.extract_text() or "" for page in reader.pages]


def checkbox_fields(path: Path) -> dict[str, dict]:
    """Every checkbox widget by its field name."""
    reader = pypdf.PdfReader(path)
    found: dict[str, dict] = {}
    for page in reader.pages:
        for annot in page.get("/Annots", []) or []:
            annot = annot.get_object()
            if annot.get("/FT") == "/Btn":
                found[str(annot["/T"])] = annot
    return found


def open_plumber(path: Path) -> pdfplumber.PDF:
    return pdfplumber.open(path)


def layout_problems(path: Path, margin_mm: float, min_text_pt: float = 0.0) -> list[str]:
    """Everything wrong with the placed content of a PDF, read back with pdfplumber.

    Checks: every character, rectangle, line, curve (the pictures) and image
    inside the margins, no two words overlapping, no word on top of a picture,
    no character smaller than `min_text_pt`.
    """
    problems: list[str] = []
    margin = margin_mm * MM - 0.5  # half a point for rounding in the PDF numbers
    marks_at = reading_marks_of(path)
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            right, bottom = page.width - margin, page.height - margin
            marks = reading_mark_areas(page.width, page.height, marks_at)
            for char in page.chars:
                if char["text"].isspace():
                    continue
                if (
                    char["x0"] < margin
                    or char["x1"] > right
                    or char["top"] < margin
                    or char["bottom"] > bottom
                ):
                    problems.append(f"page {number}: {char['text']!r} outside the margins")
                if char["size"] < min_text_pt - 0.01:
                    problems.append(f"page {number}: {char['text']!r} at {char['size']:.1f} pt")
            drawn = (
                [("rectangle", item) for item in page.rects]
                + [("line", item) for item in page.lines]
                + [("curve", item) for item in page.curves]
                + [("image", item) for item in page.images]
            )
            # The reading marks sit in the margin band on purpose (and only there).
            drawn = [(kind, item) for kind, item in drawn if not in_areas(item, marks)]
            for kind, item in drawn:
                half = (item.get("linewidth") or 0) / 2
                if (
                    item["x0"] - half < margin
                    or item["x1"] + half > right
                    or item["top"] - half < margin
                    or item["bottom"] + half > bottom
                ):
                    problems.append(f"page {number}: a {kind} outside the margins")
            words = sorted(
                page.extract_words(keep_blank_chars=False, use_text_flow=False),
                key=lambda w: w["top"],
            )
            pictures = [item for kind, item in drawn if kind in ("curve", "image")]
            for word in words:
                for item in pictures:
                    overlap_x = min(word["x1"], item["x1"]) - max(word["x0"], item["x0"])
                    overlap_y = min(word["bottom"], item["bottom"]) - max(word["top"], item["top"])
                    if overlap_x > 0.5 and overlap_y > 0.5:
                        problems.append(f"page {number}: {word['text']!r} is on a picture")
                        break
            for index, word in enumerate(words):
                for other in words[index + 1 :]:
                    if other["top"] >= word["bottom"] - 0.5:
                        break
                    overlap_x = min(word["x1"], other["x1"]) - max(word["x0"], other["x0"])
                    overlap_y = min(word["bottom"], other["bottom"]) - max(
                        word["top"], other["top"]
                    )
                    if overlap_x > 0.5 and overlap_y > 0.5:
                        problems.append(
                            f"page {number}: {word['text']!r} overlaps {other['text']!r}"
                        )
    return problems


def reading_marks_of(path: Path) -> tuple[float, float] | None:
    """The size and inset of a sheet's reading marks, from its own record (version 3)."""
    from makeplan.sheetdata import RECORD_ATTACHMENT, read_record

    files = pypdf.PdfReader(path).attachments
    if RECORD_ATTACHMENT not in files:
        return None
    paper = read_record(files[RECORD_ATTACHMENT][0], str(path)).paper
    return None if paper is None else (paper.mark_size, paper.mark_inset)


def reading_mark_areas(
    width: float, height: float, marks_at: tuple[float, float] | None
) -> list[tuple[float, float, float, float]]:
    """The squares of the markers and the QR code, as pdfplumber's (x0, top, x1, bottom)."""
    from makeplan.geometry.reading_marks import MarkSize, code_square, marker_squares

    if marks_at is None:
        return []
    marks = MarkSize(*marks_at)
    squares = [(x, y, marks.size) for x, y in marker_squares(width, height, marks)]
    squares.append(code_square(marks))
    return [(x, height - y - size, x + size, height - y) for x, y, size in squares]


def in_areas(item: dict, areas: list[tuple[float, float, float, float]]) -> bool:
    """Whether a pdfplumber object lies inside one of `areas` (to a hundredth of a point)."""
    return any(
        item["x0"] >= x0 - 0.02
        and item["x1"] <= x1 + 0.02
        and item["top"] >= top - 0.02
        and item["bottom"] <= bottom + 0.02
        for x0, top, x1, bottom in areas
    )


def count_calls(function, *args):  # type: ignore[no-untyped-def]
    """`function(*args)` and the number of Python function calls it made: work that
    does not depend on how busy the machine is."""
    import cProfile
    import pstats

    profile = cProfile.Profile()
    result = profile.runcall(function, *args)
    return result, pstats.Stats(profile).total_calls  # type: ignore[attr-defined]


POSES = Path(__file__).parent.parent / "assets" / "poses"


def pose_picture(exercise_id: str):  # type: ignore[no-untyped-def]
    """The pictogram drawn from the checkout's pose file (no reinstall needed)."""
    from makeplan.pictograms import load_pose_text

    path = POSES / f"{exercise_id}.toml"
    return load_pose_text(path.read_bytes(), str(path), exercise_id)


def pose_of(exercise_id: str):  # type: ignore[no-untyped-def]
    """The pose read from the checkout's pose file."""
    import tomllib

    from makeplan.poses import pose_from

    return pose_from(tomllib.loads((POSES / f"{exercise_id}.toml").read_text()))


def assert_reported_at_key_line(
    text: bytes, key: str, good: bytes, wrongs: tuple[bytes, ...], field: str
) -> None:
    """A pose file is clean as it is, and with each of `wrongs` in place of `good` it
    has problems, every one on the line that starts with `key` and naming `field`; as
    a version-1 file, the key itself is a problem (format 2 only)."""
    from makeplan.poses import pose_problems

    assert pose_problems(text, "p.toml")[1] == []
    lines = enumerate(text.decode().splitlines(), start=1)
    line = next(number for number, row in lines if row.startswith(key))
    for wrong in wrongs:
        problems = pose_problems(text.replace(good, wrong), "p.toml")[1]
        assert problems, wrong
        assert all(p.line == line and p.field.startswith(field) for p in problems), problems
    old = text.replace(b"version = 2", b"version = 1")
    assert any(p.field == field for p in pose_problems(old, "p.toml")[1])


def to_segment(point, start, end) -> float:  # type: ignore[no-untyped-def]
    """How far `point` is from the segment start-end (2-D or 3-D)."""
    import math

    along = [b - a for a, b in zip(start, end, strict=True)]
    t = sum((p - a) * d for p, a, d in zip(point, start, along, strict=True))
    t = min(1.0, max(0.0, t / sum(d * d for d in along)))
    return math.dist(point, [a + t * d for a, d in zip(start, along, strict=True)])


@dataclass(frozen=True)
class DrawnLine:
    """One string drawn on a page, as the PDF has it: where (in points from the
    bottom left), in which font and size."""

    page: int
    x: float
    y: float
    size: float
    font: str
    text: str

    @property
    def bold(self) -> bool:
        return "Bold" in self.font


def drawn_lines(path: Path) -> list[DrawnLine]:
    """Every string drawn on the pages, in the order the PDF draws them (makeplan
    draws each wrapped line of a text, and each list marker, as a string of its own)."""
    lines: list[DrawnLine] = []
    for number, page in enumerate(pypdf.PdfReader(path).pages, start=1):

        def visit(text, cm, tm, font, size, number=number):  # type: ignore[no-untyped-def]
            if not text.strip():
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            name = str(font.get("/BaseFont", "")) if font else ""
            lines.append(DrawnLine(number, round(x, 1), round(y, 1), round(size, 2), name,
                                   " ".join(text.split())))  # fmt: skip

        page.extract_text(visitor_text=visit)
    return lines


def printed_text(path: Path) -> str:
    """The text of every page as drawn, list markers ('1.', bullets) left out, so a step
    wrapped over two lines reads whole."""
    import re

    marker = re.compile(r"^(\d+\.|[\u2022\x7f])$")
    return " ".join(line.text for line in drawn_lines(path) if not marker.match(line.text))


def crosses(a, b, c, d) -> bool:  # type: ignore[no-untyped-def]
    """Whether the 2-D segments a-b and c-d cross."""

    def side(p, q, r):  # type: ignore[no-untyped-def]
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    return side(a, b, c) * side(a, b, d) < 0 and side(c, d, a) * side(c, d, b) < 0


def limb_gray(drawn, frame: int, names: tuple[str, ...]) -> float:  # type: ignore[no-untyped-def]
    """The gray of the stroke drawn through the joints `names` in a frame (not its white edge)."""
    import math

    from makeplan.poses import Stroke

    joints = drawn.joints[frame]
    wanted = [joints[name] for name in names]
    for mark in drawn.panels[frame].marks:
        if (
            isinstance(mark, Stroke)
            and mark.gray < 1.0
            and len(mark.points) == len(wanted)
            and all(math.dist(a, b) < 1e-6 for a, b in zip(mark.points, wanted, strict=True))
        ):
            return float(mark.gray)
    raise AssertionError(f"no stroke through {names} in frame {frame + 1}")


# One frame of a pose file, lying flat: the smallest frame a test pose is built from.
LIE_DOWN_FRAME = b"""[[frame]]
caption = "Lie down"
torso = 180
near_arm = [0, 0]
far_arm = [0, 0]
near_leg = [0, 0]
far_leg = [0, 0]
"""
# A frame after it: the near knee bent up and out, with its arrow.
KNEE_OUT_FRAME = b"""[[frame]]
caption = "Knee out"
torso = 180
near_arm = [0, 0]
far_arm = [0, 0]
near_leg = [[60, 40], -60]
far_leg = [0, 0]
arrows = ["near_knee"]
"""


def arrow_strokes(panel: Any, longer_than: int = 0) -> list[Any]:
    """A drawn frame's arrow lines (accent strokes, black in gray), with more than
    `longer_than` points (a roll's linked arrows have several)."""
    from makeplan.poses import Stroke

    return [
        mark
        for mark in panel.marks
        if isinstance(mark, Stroke) and mark.accent and mark.gray == 0.0
        and len(mark.points) > longer_than
    ]  # fmt: skip


def floor_top(marks: Any) -> float:
    """The top of a drawn frame's floor line: its one long level gray stroke (a
    floor line under the body, not a mat)."""
    from makeplan.pictograms import PROP_GRAY
    from makeplan.poses import Stroke

    lines = [
        mark
        for mark in marks
        if isinstance(mark, Stroke)
        and mark.gray == PROP_GRAY
        and len(mark.points) == 2
        and abs(mark.points[0][1] - mark.points[1][1]) < 1e-6
        and abs(mark.points[0][0] - mark.points[1][0]) > 0.5
    ]
    assert len(lines) == 1, "one level floor line under the body, not a mat"
    return float(lines[0].points[0][1] + lines[0].width / 2)


FIXTURE_POSES = Path(__file__).parent / "poses"


def fixture_picture(name: str):  # type: ignore[no-untyped-def]
    """A pictogram drawn from a pose kept in `tests/poses/`: an earlier catalogue pose
    that still exercises pose keys no packaged pose uses now (a library pose may)."""
    from makeplan.pictograms import load_pose_text

    path = FIXTURE_POSES / f"{name}.toml"
    return load_pose_text(path.read_bytes(), str(path), "knee-hug-side-tilt")

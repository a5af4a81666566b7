"""`makeplan read`: simulated photos and scans of a ticked paper sheet come back through `read`
and `report` exactly; unclear boxes are left unticked, listed and highlighted; every refusal
is one `Error:` line with nothing written; the command needs the scan extra, and nothing
else loads OpenCV."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pypdf
import pytest

pytest.importorskip("cv2")

import cv2
import scansim
from PIL import Image

from support import assert_clean_error, run_installed

DATE = "2026-11-23"
# Two exercises, two days, twice a day: glute stretch 1 rep x 2 sides, seated twist 3 x 2.
SHEET = ["build", "--date", DATE, "--patient", "Ann Lee", "-e", "glute-stretch",
         "-e", "seated-twist", "--days", "2", "--sessions", "2", "--reps", "3"]  # fmt: skip
TICKS = {
    "glute-stretch_day1_session1_right_rep1": "tick",
    "glute-stretch_day1_session1_left_rep1": "cross",
    "glute-stretch_day2_session2_left_rep1": "fill",
    "seated-twist_day1_session1_right_rep1": "overshoot",
    "seated-twist_day1_session1_right_rep2": "tick",
    "seated-twist_day1_session1_right_rep3": "tick",
    "seated-twist_day1_session1_left_rep1": "cross",
    "seated-twist_day1_session2_left_rep2": "tick",
    "seated-twist_day2_session1_right_rep3": "fill",
    "seated-twist_day2_session2_left_rep1": "dot",  # a stray dot: not a tick
}
PAIN = {"day1_session1_pain": 6, "day2_session2_pain": 4, "day1_session2_pain": 10}
# What report must say: (exercise, date) -> (done, pain by session)
EXPECTED = {
    ("glute-stretch", "2026-11-23"): (2, [6, 10]),
    ("glute-stretch", "2026-11-24"): (1, [None, 4]),
    ("seated-twist", "2026-11-23"): (5, [6, 10]),
    ("seated-twist", "2026-11-24"): (1, [None, 4]),
}


def build(path: Path, *args: str) -> Path:
    from makeplan.cli import run

    assert run([*args, "-o", str(path)]) == 0
    return path


@pytest.fixture(scope="module")
def sheets(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sheets")
    build(folder / "sheet.pdf", *SHEET)
    build(folder / "other.pdf", *SHEET[:3], "--patient", "Bo Ray", *SHEET[5:])
    build(folder / "plain.pdf", *SHEET, "--no-fillable")
    build(folder / "two-pages.pdf", "build", "--date", DATE, "--layout", "large-print",
          "--no-title-page", "-e", "seated-twist", "-e", "back-rounder")  # fmt: skip
    return folder


def marks_for(record: scansim.SheetRecord) -> dict[tuple[str, int | None], str]:
    marks: dict[tuple[str, int | None], str] = {(name, None): kind for name, kind in TICKS.items()}
    marks.update({(name, value): "tick" for name, value in PAIN.items()})
    return marks


def photo_of(pdf: Path, target: Path, seed: int, page: int = 0, turns: int = 1,
             marks: dict[tuple[str, int | None], str] | None = None, side: int = 2200,
             ) -> np.ndarray:  # fmt: skip
    """A JPEG phone photo of `page` of `pdf`, ticked with `marks` (the pattern by default)."""
    record = scansim.sheet_record(pdf)
    rng = np.random.default_rng(seed)
    scale = 1.25 * 0.9 * side / max(record.paper.width, record.paper.height)
    image = scansim.marked_page(scansim.Renderer(pdf), record, page, scale,
                                marks_for(record) if marks is None else marks,
                                scansim.DARK_PENS[0], rng)  # fmt: skip
    photo = scansim.photograph(image, scale, rng, side, quarter_turns=turns)
    cv2.imwrite(str(target), photo, [cv2.IMWRITE_JPEG_QUALITY, 90])
    return photo


def scans_of(pdf: Path, seed: int, marks: dict[tuple[str, int | None], str] | None = None,
             black_and_white: bool = False) -> list[np.ndarray]:  # fmt: skip
    record = scansim.sheet_record(pdf)
    rng = np.random.default_rng(seed)
    renderer = scansim.Renderer(pdf)
    pages = []
    for number in range(len(record.paper.pages)):
        image = scansim.marked_page(renderer, record, number, 200 / 72,
                                    marks_for(record) if marks is None else marks,
                                    scansim.DARK_PENS[1], rng)  # fmt: skip
        pages.append(scansim.scan(image, rng, black_and_white))
    return pages


def report_of(run, filled: Path) -> dict[tuple[str, str], tuple[int, list[int | None]]]:  # type: ignore[no-untyped-def]
    result = run("report", str(filled), "--format", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    return {
        (exercise["id"], day["date"]): (day["done"], day["pain"])
        for exercise in data["exercises"]
        for day in exercise["days"]
    }


def test_a_photo_comes_back_through_read_and_report_exactly(run, sheets, tmp_path) -> None:  # type: ignore[no-untyped-def]
    photo_of(sheets / "sheet.pdf", tmp_path / "photo.jpg", seed=1, turns=1)
    result = run("read", "photo.jpg", "--sheet", str(sheets / "sheet.pdf"), "-o", "filled.pdf",
                 "--format", "json", "--review", "review")  # fmt: skip
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    ticked = {name for name, kind in TICKS.items() if kind != "dot"}
    assert set(data["ticked"]) == ticked
    assert data["pain"] == PAIN and data["unclear"] == []
    assert report_of(run, tmp_path / "filled.pdf") == EXPECTED
    # An ordinary returned sheet: next week's sheet is made from it as from any.
    progress = run("build", "--from", "filled.pdf", "--progress", "-o", "next.pdf")
    assert progress.code == 0 and "Progress: " in progress.stderr, progress.stderr
    # The review image: the page straightened, boxes outlined green (ticked) and grey.
    [review] = list((tmp_path / "review").iterdir())
    picture = cv2.imread(str(review))
    green = np.all(picture == (40, 170, 40), axis=2).sum()
    assert green > 0 and not np.all(picture == (0, 150, 255), axis=2).any()


def test_scans_in_any_order_pdf_and_multi_page_tiff(run, sheets, tmp_path) -> None:  # type: ignore[no-untyped-def]
    pdf = sheets / "two-pages.pdf"
    record = scansim.sheet_record(pdf)
    ticked = [number for number, boxes in enumerate(record.paper.pages) if boxes]
    assert len(ticked) == 2
    fields = [box.field for page in record.paper.pages for box in page if box.value is None]
    marks = {(name, None): "tick" for name in fields[::3]}
    pages = scans_of(pdf, seed=2, marks=marks, black_and_white=True)
    # A PDF scan with the pages in reverse order, the first upside down.
    first, second = (pages[number] for number in ticked)
    pictures = [Image.fromarray(second), Image.fromarray(np.rot90(first, 2).copy())]
    pictures[0].save(tmp_path / "scan.pdf", save_all=True, append_images=pictures[1:],
                     resolution=200)  # fmt: skip
    binary = [picture.convert("1") for picture in pictures]
    binary[0].save(tmp_path / "scan.tif", save_all=True, append_images=binary[1:],
                   compression="group4")  # fmt: skip
    for scan in ("scan.pdf", "scan.tif"):
        result = run("read", scan, "--sheet", str(pdf), "-o", "filled.pdf", "--format", "json")
        assert result.code == 0, result.stderr
        data = json.loads(result.stdout)
        assert set(data["ticked"]) == {name for name, _ in marks}, scan
        assert [page["page"] for page in data["pages"]] == [ticked[1] + 1, ticked[0] + 1]


def test_unclear_is_left_unticked_listed_and_highlighted(run, sheets, tmp_path) -> None:  # type: ignore[no-untyped-def]
    pdf = sheets / "sheet.pdf"
    record = scansim.sheet_record(pdf)
    marks = marks_for(record)
    # Two numbers ticked on one pain scale: unclear, never guessed.
    marks[("day2_session1_pain", 3)] = "tick"
    marks[("day2_session1_pain", 7)] = "cross"
    box = next(
        b for b in record.paper.pages[0] if b.field == "glute-stretch_day2_session1_right_rep1"
    )
    rng = np.random.default_rng(3)
    scale = 1.25 * 0.9 * 2200 / max(record.paper.width, record.paper.height)
    image = scansim.marked_page(scansim.Renderer(pdf), record, 0, scale, marks,
                                scansim.DARK_PENS[0], rng)  # fmt: skip
    x0, y0 = box.x * scale, (record.paper.height - box.y - box.size) * scale
    size = box.size * scale
    # A pale line right across: more than a dot, less than a tick.
    start = (round(x0 + 0.2 * size), round(y0 + 0.5 * size))
    end = (round(x0 + 0.8 * size), round(y0 + 0.55 * size))
    cv2.line(image, start, end, 140, max(1, round(scale * 0.8)))
    cv2.imwrite(str(tmp_path / "photo.jpg"), scansim.photograph(image, scale, rng, 2200, 2))
    result = run("read", "photo.jpg", "--sheet", str(pdf), "-o", "filled.pdf")
    assert result.code == 0, result.stderr
    assert "day2_session1_pain" in result.stdout.decode()
    assert "glute-stretch_day2_session1_right_rep1" in result.stdout.decode()
    filled = pypdf.PdfReader(tmp_path / "filled.pdf")
    notes = [a.get_object() for a in filled.pages[0]["/Annots"]]
    squares = [a for a in notes if a.get("/Subtype") == "/Square"]
    assert len(squares) == 11 + 1  # the scale's 11 boxes, and the one box
    assert all(int(a["/F"]) & 4 == 0 for a in squares)  # shown on screen, never printed
    report = report_of(run, tmp_path / "filled.pdf")
    assert report[("glute-stretch", "2026-11-24")] == (1, [None, 4])


def test_the_same_page_twice_agrees_or_is_refused(run, sheets, tmp_path) -> None:  # type: ignore[no-untyped-def]
    pdf = sheets / "sheet.pdf"
    photo_of(pdf, tmp_path / "a.jpg", seed=4, turns=0)
    photo_of(pdf, tmp_path / "b.jpg", seed=5, turns=3)
    result = run("read", "a.jpg", "b.jpg", "--sheet", str(pdf), "-o", "filled.pdf")
    assert result.code == 0, result.stderr
    assert report_of(run, tmp_path / "filled.pdf") == EXPECTED
    photo_of(pdf, tmp_path / "c.jpg", seed=6, marks={})
    result = run("read", "a.jpg", "c.jpg", "--sheet", str(pdf), "-o", "again.pdf")
    assert_clean_error(result, "are the same page", "different marks")
    assert not (tmp_path / "again.pdf").exists()


def test_a_folder_of_sheets_finds_the_one_printed(run, sheets, tmp_path) -> None:  # type: ignore[no-untyped-def]
    photo_of(sheets / "other.pdf", tmp_path / "photo.png", seed=7)
    result = run("read", "photo.png", "--sheet", str(sheets), "-o", "filled.pdf",
                 "--format", "json")  # fmt: skip
    assert result.code == 0, result.stderr
    assert json.loads(result.stdout)["sheet"] == str(sheets / "other.pdf")


def blank_code(pdf: Path, target: Path, seed: int) -> None:
    """A photo of `pdf` whose QR code was covered (so only the markers say which sheet)."""
    record = scansim.sheet_record(pdf)
    rng = np.random.default_rng(seed)
    scale = 2.5
    image = scansim.marked_page(scansim.Renderer(pdf), record, 0, scale, {},
                                scansim.DARK_PENS[0], rng)  # fmt: skip
    size, inset = record.paper.mark_size, record.paper.mark_inset
    top = (record.paper.height - inset - size) * scale
    left = (inset + 1.5 * size) * scale
    rows = slice(round(top) - 3, round(top + size * scale) + 3)
    image[rows, round(left) - 3 : round(left + size * scale) + 3] = 255
    cv2.imwrite(str(target), scansim.photograph(image, scale, rng, 2000, 0))


REFUSALS = {
    # case: (needles in the one line)
    "no-sheet": ("no makeplan sheet found", "photograph the whole page"),
    "cut-off": ("no makeplan sheet found", "all four corners"),
    "other-sheet": ("of another sheet", "--sheet"),
    "no-code-no-fit": ("QR code could not be read", "--sheet"),
    "before-markers": ("made before makeplan printed reading marks", "make a new sheet"),
    "blurred": ("too blurred or dark",),
    "too-small": ("too small in the picture", "come closer"),
    "dark": ("too dark",),
    "not-fillable": ("--no-fillable", "build --from"),
    "not-an-image": ("is not an image makeplan can read",),
    "huge-tiff": ("more than 80,000,000 pixels",),
    "two-pages": ("more than one page in the picture", "one page at a time"),
    "output-is-input": ("one of the files being read",),
}


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_refusals_say_what_to_do_and_write_nothing(run, sheets, tmp_path, case) -> None:  # type: ignore[no-untyped-def]
    sheet = sheets / "sheet.pdf"
    photo = tmp_path / "photo.jpg"
    output = "filled.pdf"
    if case == "no-sheet":
        # A sharp picture of something else: a tiled floor.
        tiles = np.indices((900, 1200)).sum(axis=0) // 40 % 2
        cv2.imwrite(str(photo), (tiles * 120 + 60).astype(np.uint8))
    elif case == "cut-off":
        image = photo_of(sheet, photo, seed=8, turns=0)
        cv2.imwrite(str(photo), image[: image.shape[0] * 3 // 4])
    elif case == "other-sheet":
        photo_of(sheets / "other.pdf", photo, seed=9)
    elif case == "no-code-no-fit":
        blank_code(sheets / "other.pdf", photo, seed=10)
    elif case == "before-markers":
        photo_of(sheet, photo, seed=11)
        sheet = Path(__file__).parent / "data" / "before-pain-scale" / "one-page.pdf"
    elif case in ("blurred", "dark"):
        image = photo_of(sheet, photo, seed=12, turns=0)
        if case == "blurred":
            image = cv2.GaussianBlur(image, (0, 0), 6.0)
        else:
            image = (image.astype(np.float32) * 0.15).astype(np.uint8)
        cv2.imwrite(str(photo), image)
    elif case == "too-small":
        photo_of(sheet, photo, seed=19, turns=0, side=800)
    elif case == "not-fillable":
        photo_of(sheets / "plain.pdf", photo, seed=13)
        sheet = sheets / "plain.pdf"
    elif case == "not-an-image":
        photo.write_bytes(b"not a picture at all")
    elif case == "two-pages":
        renderer = scansim.Renderer(sheets / "two-pages.pdf")
        left, right = renderer.page(1, 2.0), renderer.page(2, 2.0)
        gap = np.full((left.shape[0], 60), 255, np.uint8)
        both = cv2.copyMakeBorder(np.hstack([left, gap, right]), 80, 80, 80, 80,
                                  cv2.BORDER_CONSTANT, value=90)  # fmt: skip
        cv2.imwrite(str(photo), both)
        sheet = sheets / "two-pages.pdf"
    elif case == "huge-tiff":
        # 20,000 pixels square in 12 KB: refused from its header, never decoded.
        buffer = io.BytesIO()
        Image.new("1", (20000, 20000)).save(buffer, format="TIFF", compression="group4")
        photo.write_bytes(buffer.getvalue())
    elif case == "output-is-input":
        photo_of(sheet, photo, seed=14)
        output = "photo.jpg"
    before = sorted(path.name for path in tmp_path.iterdir())
    result = run("read", "photo.jpg", "--sheet", str(sheet), "-o", output, "--review", "rev")
    assert_clean_error(result, *REFUSALS[case])
    assert sorted(path.name for path in tmp_path.iterdir()) == before


def test_a_no_fillable_sheet_fills_in_as_its_fillable_twin(run, sheets, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The advice of the --no-fillable refusal works: the twin is the same paper."""
    photo_of(sheets / "plain.pdf", tmp_path / "photo.jpg", seed=20)
    twin = run("build", "--from", str(sheets / "plain.pdf"), "--date", DATE, "--fillable",
               "-o", "twin.pdf")  # fmt: skip
    assert twin.code == 0, twin.stderr
    result = run("read", "photo.jpg", "--sheet", "twin.pdf", "-o", "filled.pdf")
    assert result.code == 0, result.stderr
    assert report_of(run, tmp_path / "filled.pdf") == EXPECTED


def test_a_sheet_read_without_the_code_by_its_markers(run, sheets, tmp_path) -> None:  # type: ignore[no-untyped-def]
    blank_code(sheets / "sheet.pdf", tmp_path / "photo.jpg", seed=15)
    result = run("read", "photo.jpg", "--sheet", str(sheets / "sheet.pdf"), "-o", "filled.pdf")
    assert result.code == 0, result.stderr


def test_without_the_scan_extra_one_line_says_how_to_install_it(
    run, sheets, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    photo_of(sheets / "sheet.pdf", tmp_path / "photo.jpg", seed=16)
    monkeypatch.setitem(sys.modules, "cv2", None)  # import cv2 now fails
    result = run("read", "photo.jpg", "--sheet", str(sheets / "sheet.pdf"), "-o", "filled.pdf")
    assert_clean_error(result)
    assert result.stderr.strip() == (
        "Error: reading photos needs the scan extra: pip install 'makeplan[scan]'"
    )
    assert not (tmp_path / "filled.pdf").exists()


def test_the_installed_command_reads_a_photo(sheets, tmp_path) -> None:  # type: ignore[no-untyped-def]
    photo_of(sheets / "sheet.pdf", tmp_path / "photo.jpg", seed=21)
    done = run_installed("read", "photo.jpg", "--sheet", str(sheets / "sheet.pdf"),
                         "-o", "filled.pdf", "--format", "json", cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["pain"] == PAIN


def test_help_and_list_do_not_load_opencv() -> None:
    code = (
        "import sys; from makeplan.cli import run; run(['--help']); run(['list']);"
        "run(['read', '--help']); print('cv2' in sys.modules, 'numpy' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False False"


def test_a_scanned_pdf_of_20_pages_reads_in_reasonable_time(sheets, tmp_path) -> None:
    """The issue's speed target is under 10 s on two cores; the test allows six times
    that (a busy machine), and checks the pages are all found."""
    import time

    from makeplan.scan.images import open_images
    from makeplan.scan.reading import open_originals, read_paper

    pages = scans_of(sheets / "sheet.pdf", seed=17)
    pictures = [Image.fromarray(pages[0])] * 20
    buffer = io.BytesIO()
    pictures[0].save(buffer, format="PDF", save_all=True, append_images=pictures[1:],
                     resolution=200)  # fmt: skip
    (tmp_path / "stack.pdf").write_bytes(buffer.getvalue())
    start = time.perf_counter()
    assert len(list(open_images(tmp_path / "stack.pdf"))) == 20
    result = read_paper([tmp_path / "stack.pdf"], open_originals(sheets / "sheet.pdf"), False)
    assert time.perf_counter() - start < 60
    assert len(result.pages) == 20

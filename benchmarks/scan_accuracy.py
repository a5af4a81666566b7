"""Measure `makeplan read`: accuracy over many simulated photos and scans, and its speed.

Run by hand (it takes minutes; the test suite runs a smaller sweep in
tests/test_scan_accuracy.py):

    pip install '.[test]' && python benchmarks/scan_accuracy.py [--photos 40] [--seed 1]

For every layout and paper it builds a sheet with many boxes, draws random marks
(ticks, crosses, fills, overshoots, dots, light and dark pens), photographs it
(perspective, rotation, light, noise, blur, JPEG) or scans it (200/300 dpi, grey,
black and white), reads it in-process and prints the confusion table. Then the
speed of the command as a user runs it: a 12-megapixel photo, and a 20-page 200 dpi
scanned PDF, with peak memory (a fresh process each, so imports count).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

import cv2  # noqa: E402
import numpy as np  # noqa: E402
import scansim  # noqa: E402
from PIL import Image  # noqa: E402

from makeplan.cli import run  # noqa: E402
from makeplan.scan.reading import open_originals, read_page  # noqa: E402

LAYOUTS = ["one-page", "handout", "large-print", "week"]
PAPERS = ["a4", "letter"]
MORE_BOXES = ["--reps", "10", "--sessions", "3", "--date", "2026-01-05"]


def sweep(folder: Path, photos: int, seed: int) -> dict[str, Counter[tuple[str, str]]]:
    rng = np.random.default_rng(seed)
    counts: dict[str, Counter[tuple[str, str]]] = {"photo": Counter(), "scan": Counter()}
    refused: Counter[str] = Counter()
    for layout in LAYOUTS:
        for paper in PAPERS:
            pdf = folder / f"{layout}-{paper}.pdf"
            run(["build", "--layout", layout, "--paper", paper, *MORE_BOXES, "-o", str(pdf)])
            record = scansim.sheet_record(pdf)
            originals = open_originals(pdf)
            renderer = scansim.Renderer(pdf)
            pages = [n for n, boxes in enumerate(record.paper.pages) if boxes]
            longest = max(record.paper.width, record.paper.height)
            smallest = 1500 if layout == "week" else 1000
            for index in range(photos + photos // 2):
                number = pages[index % len(pages)]
                marks = scansim.random_marks(record, number, rng)
                source = "photo" if index < photos else "scan"
                if source == "photo":
                    pens = scansim.LIGHT_PENS if index % 4 == 3 else scansim.DARK_PENS
                    side = int(rng.integers(smallest, 3001))
                    scale = min(3.5, 1.25 * 0.9 * side / longest)
                    page = scansim.marked_page(renderer, record, number, scale, marks,
                                               pens[index % 3], rng)  # fmt: skip
                    image = scansim.photograph(page, scale, rng, side)
                else:
                    dpi = (200, 300)[index % 2]
                    page = scansim.marked_page(renderer, record, number, dpi / 72, marks,
                                               scansim.DARK_PENS[index % 3], rng)  # fmt: skip
                    image = scansim.scan(page, rng, black_and_white=index % 3 == 0)
                try:
                    read = read_page(source, image, originals, False)
                except Exception as exc:  # a refusal: counted, not a crash
                    refused[f"{source}: {type(exc).__name__}"] += 1
                    continue
                for box in record.paper.pages[number]:
                    kind = marks.get((box.field, box.value), "empty")
                    counts[source][(kind, read.states[(box.field, box.value)].value)] += 1
    print("refused:", dict(refused) or "none")
    return counts


def table(source: str, counts: Counter[tuple[str, str]]) -> str:
    total = sum(counts.values())
    right = sum(n for (kind, read), n in counts.items() if scansim.EXPECTED[kind] == read)
    lines = [
        f"{source}s: {total} boxes, {right / max(total, 1):.4%} read right",
        "",
        "| drawn | read ticked | read empty | read unclear |",
        "|---|---:|---:|---:|",
    ]
    for kind in scansim.KINDS:
        row = [counts[(kind, read)] for read in ("ticked", "empty", "unclear")]
        lines.append(f"| {kind} | " + " | ".join(str(n) for n in row) + " |")
    return "\n".join(lines)


def timed(args: list[str], rounds: int = 3) -> tuple[float, int]:
    """Median seconds and peak memory (KB) of `makeplan ARGS` in a fresh process."""
    seconds, peaks = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        done = subprocess.run(["/usr/bin/time", "-f", "%M", sys.executable, "-m", "makeplan",
                               *args], capture_output=True, text=True)  # fmt: skip
        seconds.append(time.perf_counter() - start)
        assert done.returncode == 0, done.stderr
        peaks.append(int(done.stderr.strip().splitlines()[-1]))
    return statistics.median(seconds), max(peaks)


def speed(folder: Path) -> None:
    pdf = folder / "one-page-a4.pdf"
    record = scansim.sheet_record(pdf)
    renderer = scansim.Renderer(pdf)
    rng = np.random.default_rng(0)
    marks = {n: scansim.random_marks(record, n, rng) for n in range(len(record.paper.pages))}
    page = scansim.marked_page(renderer, record, 0, 3.5, marks[0], scansim.DARK_PENS[0], rng)
    photo = scansim.photograph(page, 3.5, rng, 4000, quarter_turns=1)
    cv2.imwrite(str(folder / "12mp.jpg"), photo, [cv2.IMWRITE_JPEG_QUALITY, 85])
    pictures = []
    for index in range(20):
        number = index % len(record.paper.pages)
        page = scansim.marked_page(renderer, record, number, 200 / 72, marks[number],
                                   scansim.DARK_PENS[1], rng)  # fmt: skip
        pictures.append(Image.fromarray(scansim.scan(page, rng, black_and_white=False)))
    pictures[0].save(folder / "stack.pdf", save_all=True, append_images=pictures[1:],
                     resolution=200)  # fmt: skip
    out = str(folder / "filled.pdf")
    for name, args in (
        (f"12-megapixel photo ({photo.shape[1]}x{photo.shape[0]})", ["12mp.jpg"]),
        ("20-page 200 dpi scanned PDF", ["stack.pdf"]),
    ):
        paths = [str(folder / arg) for arg in args]
        seconds, peak = timed(["read", *paths, "--sheet", str(pdf), "-o", out])
        print(f"{name}: {seconds:.2f} s, peak memory {peak / 1024:.0f} MB (whole command)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=40, help="photos per layout and paper")
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        start = time.perf_counter()
        counts = sweep(folder, options.photos, options.seed)
        for source in ("photo", "scan"):
            print(table(source, counts[source]) + "\n")
        print(f"sweep: {time.perf_counter() - start:.0f} s")
        speed(folder)


if __name__ == "__main__":
    main()

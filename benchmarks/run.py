"""Measure makeplan against the hand-written reportlab floor, and print a table.

Run by hand (timings are noisy on shared machines, so this is not a test):

    pip install . && python benchmarks/run.py [--rounds 7] [--batch 1000]

Every timed command runs once to warm the disk cache, then the floor and
makeplan alternate for several rounds; medians are reported as ratios to the
floor measured in the same run. Also: file sizes, how time and size grow with
days, exercises and cover pages (slope, and how far from a straight line),
peak memory, and the batch speed-up.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PY = sys.executable
SIX = ["knee-hug-side-tilt", "single-knee-to-chest", "glute-stretch", "hamstring-stretch",
       "seated-twist", "warrior-at-the-wall"]  # fmt: skip
SHEET = ["--date", "2026-11-23", *[arg for i in SIX for arg in ("-e", i)], "--reps", "5",
         "--sessions", "3"]  # fmt: skip


def makeplan(*args: str) -> list[str]:
    script = Path(PY).with_name("makeplan")
    return [str(script), *args] if script.exists() else [PY, "-m", "makeplan", *args]


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def cold(commands: dict[str, list[str]], rounds: int) -> dict[str, float]:
    """Median wall time of each command as a whole process, run in turn."""
    for command in commands.values():
        timed(command)  # warm-up
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            samples[name].append(timed(command))
    return {name: statistics.median(values) for name, values in samples.items()}


def in_process(rounds: int, out: Path) -> tuple[float, float]:
    """Sheets a second in one process: the floor's canvas, and makeplan's build."""
    sys.path.insert(0, str(HERE))
    import floor

    from makeplan.build import build_pdf
    from makeplan.options import Options

    options = Options(exercise_ids=tuple(SIX), reps=5, sessions_per_day=3,
                      date=dt.date(2026, 11, 23), fillable=False)  # fmt: skip
    count = 20 * rounds
    build_pdf(options)
    start = time.perf_counter()
    for _ in range(count):
        floor.draw(str(out / "floor-loop.pdf"))
    floor_rate = count / (time.perf_counter() - start)
    start = time.perf_counter()
    for _ in range(count):
        build_pdf(options)
    return floor_rate, count / (time.perf_counter() - start)


def fit(xs: list[float], ys: list[float]) -> tuple[float, float]:
    """Slope of the straight line through the points, and the largest miss from it
    as a share of the biggest value (a curve, like a square, misses by a lot)."""
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mean_x) ** 2 for x in xs
    )
    line = [mean_y + slope * (x - mean_x) for x in xs]
    miss = max(abs(y - f) for y, f in zip(ys, line, strict=True)) / max(ys)
    return slope, miss


def growth(out: Path, rounds: int) -> list[tuple[str, str, float, float, float, float]]:
    """Time and size against days, exercises and cover pages."""
    from reportlab.pdfgen.canvas import Canvas

    library = out / "library"
    library.mkdir(exist_ok=True)
    base = (HERE.parent / "makeplan" / "exercises" / "back-rounder.toml").read_text()
    for number in range(100):
        (library / f"x{number}.toml").write_text(
            base.replace('id = "back-rounder"', f'id = "x{number}"')
        )
    cover = out / "cover-300.pdf"
    canvas = Canvas(str(cover), invariant=True)
    for page in range(300):
        canvas.drawString(72, 720, f"Clinic cover page {page + 1}")
        canvas.showPage()
    canvas.save()
    from pypdf import PdfReader, PdfWriter

    covers = {}
    for pages in (1, 100, 200, 300):
        writer = PdfWriter()
        for page in PdfReader(cover).pages[:pages]:
            writer.add_page(page)
        covers[pages] = out / f"cover-{pages}.pdf"
        with covers[pages].open("wb") as file:
            writer.write(file)
    series = {
        "days (handout)": (
            [1, 8, 16, 31],
            lambda n: ["--layout", "handout", "--days", str(n), "-e", "back-rounder"],
        ),
        "exercises (handout)": (
            [1, 25, 50, 100],
            lambda n: [
                "--layout",
                "handout",
                "--library",
                str(library),
                *[a for i in range(n) for a in ("-e", f"x{i}")],
            ],
        ),
        "cover pages": (
            [1, 100, 200, 300],
            lambda n: ["--cover", str(covers[n])],
        ),
    }
    rows = []
    for name, (counts, arguments) in series.items():
        times, sizes = [], []
        for count in counts:
            target = out / "growth.pdf"
            command = makeplan(
                "build", "--date", "2026-11-23", *arguments(count), "-o", str(target)
            )
            timed(command)
            times.append(statistics.median(timed(command) for _ in range(max(3, rounds // 2))))
            sizes.append(target.stat().st_size)
        time_slope, time_miss = fit([float(c) for c in counts], times)
        size_slope, size_miss = fit([float(c) for c in counts], [float(s) for s in sizes])
        rows.append((name, f"{counts[0]}-{counts[-1]}", time_slope * 1000, time_miss,
                     size_slope / 1000, size_miss))  # fmt: skip
    return rows


def peak_memory_mb(command: list[str]) -> float:
    code = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], check=True, capture_output=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    result = subprocess.run([PY, "-c", code, *command], check=True, capture_output=True)
    return int(result.stdout) / 1024


def batch(out: Path, count: int) -> tuple[float, float, int]:
    roster = out / "roster.csv"
    roster.write_text(
        "patient,date,exercise,reps,sessions,fillable\n"
        + "".join(f"Patient {n},2026-11-23,{';'.join(SIX)},5,3,no\n" for n in range(count))
    )
    results = {}
    for jobs in (1, os.cpu_count() or 1):
        folder = out / f"batch-{jobs}"
        folder.mkdir(exist_ok=True)
        results[jobs] = timed(makeplan("batch", str(roster), "-d", str(folder), "-j", str(jobs)))
    cores = os.cpu_count() or 1
    return results[1], results[cores], cores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--batch", type=int, default=1000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        files = {name: out / f"{name}.pdf" for name in ("floor", "nofill", "fill", "handout")}
        commands = {
            "python -c pass": [PY, "-c", "pass"],
            "import reportlab.pdfgen.canvas": [PY, "-c", "import reportlab.pdfgen.canvas"],
            "floor: hand-written canvas": [PY, str(HERE / "floor.py"), str(files["floor"])],
            "makeplan build --no-fillable": makeplan(
                "build", *SHEET, "--no-fillable", "-o", str(files["nofill"])
            ),
            "makeplan build (fillable)": makeplan("build", *SHEET, "-o", str(files["fill"])),
            "makeplan --help": makeplan("--help"),
            "makeplan list": makeplan("list"),
            "makeplan show back-rounder": makeplan("show", "back-rounder"),
        }
        medians = cold(commands, options.rounds)
        timed(makeplan("build", "--layout", "handout", "--date", "2026-11-23",
                       "-o", str(files["handout"])))  # fmt: skip
        floor_time = medians["floor: hand-written canvas"]
        floor_rate, makeplan_rate = in_process(options.rounds, out)
        sizes = {name: path.stat().st_size for name, path in files.items()}
        growth_rows = growth(out, options.rounds)
        memory = peak_memory_mb(makeplan("build", *SHEET, "-o", str(out / "m.pdf")))
        one, many, cores = batch(out, options.batch)

    print(f"makeplan benchmark, {dt.date.today().isoformat()}, {os.cpu_count()} cores, "
          f"Python {sys.version.split()[0]}, {options.rounds} rounds\n")  # fmt: skip
    print("| way to make the sheet | whole process, cold | ratio to floor |")
    print("|---|---|---|")
    for name, seconds in medians.items():
        print(f"| {name} | {seconds * 1000:.0f} ms | {seconds / floor_time:.2f}x |")
    print("\n| in one process | sheets a second |")
    print("|---|---|")
    print(f"| floor: hand-written canvas | {floor_rate:.0f} |")
    print(f"| makeplan build_pdf (no form fields) | {makeplan_rate:.0f} |")
    print("\n| file | bytes | ratio to floor |")
    print("|---|---|---|")
    for name, label in (("floor", "floor sheet"), ("nofill", "makeplan, no form fields"),
                        ("fill", "makeplan, 180 fillable boxes"),
                        ("handout", "handout, all nine exercises")):  # fmt: skip
        print(f"| {label} | {sizes[name]:,} | {sizes[name] / sizes['floor']:.1f}x |")
    print("\n| growth | range | ms per step | off a straight line | KB per step | off a line |")
    print("|---|---|---|---|---|---|")
    for name, span, time_slope, time_miss, size_slope, size_miss in growth_rows:
        print(f"| {name} | {span} | {time_slope:.2f} | {time_miss:.0%} | {size_slope:.2f} | "
              f"{size_miss:.0%} |")  # fmt: skip
    print(f"\nPeak memory of a one-page build: {memory:.0f} MB.")
    print(f"Batch of {options.batch} one-page sheets: {one:.1f} s on 1 process, "
          f"{many:.1f} s on {cores} ({one / many:.2f}x faster, {options.batch / many:.0f} "
          "sheets a second).")  # fmt: skip


if __name__ == "__main__":
    main()

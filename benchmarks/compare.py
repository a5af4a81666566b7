"""Compare this build of makeplan with another one in one run, work for work.

`run.py` measures against the hand-written floor; this answers "is it slower than
before?": the same sheets made in one process by each build, the builds taking
turns so a busy machine slows both alike. Install the other build into a folder of
its own first (its dependencies come from this environment):

    git worktree add /tmp/old <commit>
    pip install --no-deps --target /tmp/old-site /tmp/old
    python benchmarks/compare.py /tmp/old-site [--rounds 5]

Prints sheets a second for three sheets (the benchmark's six exercises, the default
whole-catalogue one-page, the week), the milliseconds to make all nine pictures
from their pose files (or read them where drawn ahead of time) and to draw six key
frames, the milliseconds of `makeplan build` in a fresh process, and of making the
nine pictures in a fresh process (without drawing them).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

# Run in a fresh process per build and round; prints one line of numbers.
WORK = r"""
import datetime as dt, io, time
from reportlab.pdfgen.canvas import Canvas
import makeplan.pictograms as pictograms
from makeplan.build import build_pdf
from makeplan.options import Options
from makeplan.render import draw_panel

SIX = ("knee-hug-side-tilt", "single-knee-to-chest", "glute-stretch",
       "hamstring-stretch", "seated-twist", "warrior-at-the-wall")
ALL = (*SIX, "back-rounder", "double-knee-lift", "standing-roll-down")
DAY = dt.date(2026, 11, 23)
sheets = [Options(exercise_ids=SIX, reps=5, sessions_per_day=3, date=DAY, fillable=False),
          Options(date=DAY, fillable=False),
          Options(layout="week", date=DAY, fillable=False)]
rates = []
for options in sheets:
    build_pdf(options)
    start = time.perf_counter()
    for _ in range(15):
        build_pdf(options)
    rates.append(15 / (time.perf_counter() - start))

def make_and_draw():
    # As in a fresh process: nothing drawn or read before (the pictures drawn ahead of
    # time, where the build has them, are read from their file again).
    pictograms.packaged_pictogram.cache_clear()
    try:
        from makeplan import predrawn
        predrawn._stored.cache_clear()
    except ImportError:
        pass
    canvas = Canvas(io.BytesIO())
    for exercise in ALL:
        picture = pictograms.packaged_pictogram(exercise)
        for panel in (*picture.panels, picture.key):
            draw_panel(canvas, panel, 10, 10, 60, False)
    canvas.save()

make_and_draw()
start = time.perf_counter()
for _ in range(10):
    make_and_draw()
pictures_ms = (time.perf_counter() - start) / 10 * 1000
keys = [pictograms.packaged_pictogram(exercise).key for exercise in SIX]
start = time.perf_counter()
for _ in range(50):
    canvas = Canvas(io.BytesIO())
    for key in keys:
        draw_panel(canvas, key, 10, 10, 60, False)
    canvas.save()
draw_ms = (time.perf_counter() - start) / 50 * 1000
print(*[f"{value:.3f}" for value in (*rates, pictures_ms, draw_ms)])
"""

COLUMNS = ("six-exercise sheets/s", "default one-page/s", "week/s",
           "nine pictures made and drawn ms", "six key frames drawn ms",
           "makeplan build, cold process ms", "nine pictures, cold process ms")  # fmt: skip

# The whole command in a fresh process, as a user runs it: the default one-page sheet.
COLD = r"""
import sys
from makeplan.cli import main
sys.argv = ["makeplan", "build", "--date", "2026-11-23", "-o", sys.argv[1]]
try:
    main()
except SystemExit:
    pass
"""

# The nine pictures made in a fresh process (drawn, or read where drawn ahead of time),
# after the import: what a new sheet pays for its pictures.
PICTURES = r"""
import time
import makeplan.pictograms as pictograms
start = time.perf_counter()
for exercise in ("knee-hug-side-tilt", "single-knee-to-chest", "glute-stretch",
                 "hamstring-stretch", "seated-twist", "warrior-at-the-wall",
                 "back-rounder", "double-knee-lift", "standing-roll-down"):
    pictograms.packaged_pictogram(exercise)
print((time.perf_counter() - start) * 1000)
"""


def measure(site: str | None) -> list[float]:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    if site:
        env["PYTHONPATH"] = site
    done = subprocess.run(
        [sys.executable, "-P", "-c", WORK], env=env, capture_output=True, text=True, check=True
    )
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-P", "-c", COLD, os.path.join(folder, "sheet.pdf")],
            env=env, capture_output=True, check=True,
        )  # fmt: skip
        cold_ms = (time.perf_counter() - start) * 1000
    pictures = subprocess.run(
        [sys.executable, "-P", "-c", PICTURES], env=env, capture_output=True, text=True,
        check=True,
    )  # fmt: skip
    return [*(float(value) for value in done.stdout.split()), cold_ms, float(pictures.stdout)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", help="folder the other build was installed into (--target)")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    builds = {"other": args.other, "this": None}
    samples: dict[str, list[list[float]]] = {name: [] for name in builds}
    for _ in range(args.rounds):
        for name, site in builds.items():
            samples[name].append(measure(site))
    print("| build | " + " | ".join(COLUMNS) + " |")
    print("|---" * (len(COLUMNS) + 1) + "|")
    for name, rows in samples.items():
        medians = [statistics.median(column) for column in zip(*rows, strict=True)]
        print(f"| {name} | " + " | ".join(f"{value:.1f}" for value in medians) + " |")


if __name__ == "__main__":
    main()

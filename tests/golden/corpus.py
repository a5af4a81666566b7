"""The golden corpus: about 250 makeplan commands and a fingerprint of everything each
one gives (exit code, standard output, standard error, and every file it writes).

A change that should not alter what users get (a restructuring, a speed-up) is
checked by running the corpus before and after: every fingerprint must be the
same. A change that alters output on purpose records the corpus again, and the
diff of `expected.json` shows which commands changed.

    python tests/golden/corpus.py check     # against tests/golden/expected.json
    python tests/golden/corpus.py record    # write tests/golden/expected.json

It runs the installed makeplan, in this process (about a minute on 2 cores), in a
temporary folder, with every date fixed, so the same makeplan gives the same
fingerprints on any machine.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
EXPECTED = HERE / "expected.json"
DATE = "2026-11-23"
# Commands with no --date start on this day (2026-11-30).
EPOCH = "1796083200"

LAYOUTS = ("one-page", "handout", "large-print", "week")
PAPERS = ("a4", "letter")
GREEK = "Ελένη Παπαδοπούλου"
CYRILLIC = "Анна Петровна Иванова"
LONG = "Alexandra-Maximiliana " * 6
EXERCISES = (
    "knee-hug-side-tilt", "single-knee-to-chest", "back-rounder", "glute-stretch",
    "double-knee-lift", "hamstring-stretch", "seated-twist", "standing-roll-down",
    "warrior-at-the-wall",
)  # fmt: skip


def commands() -> list[list[str]]:
    """Every command of the corpus, in order; later ones may use files earlier ones made."""
    build = ["build", "--date", DATE]
    out: list[list[str]] = []
    # Every layout x paper x days x form fields.
    for layout in LAYOUTS:
        for paper in PAPERS:
            for days in ("1", "7", "31"):
                for fill in ("--fillable", "--no-fillable"):
                    out.append([*build, "--layout", layout, "--paper", paper, "--days", days,
                                fill, "-a", "3" if days == "1" else "gentle"])  # fmt: skip
    for layout in LAYOUTS:
        for paper in PAPERS:
            out.append([*build, "--layout", layout, "--paper", paper, "--grayscale"])
            out.append([*build, "--layout", layout, "--paper", paper, "--logo", "logo.png"])
            out.append([*build, "--layout", layout, "--paper", paper, "--cover", "cover.pdf"])
        for ability in ("gentle", "moderate", "strengthening"):
            out.append([*build, "--layout", layout, "-a", ability])
        for position in ("lying", "sitting", "standing"):
            out.append([*build, "--layout", layout, "-p", position])
        for name in (GREEK, CYRILLIC, LONG):
            out.append([*build, "--layout", layout, "--patient", name, "--clinician",
                        "Jo Park, PT", "--notes", f"Notes for {name}. " * 4])  # fmt: skip
        out.append([*build, "--layout", layout, "--library", "clinic-exercises"])
        out.append([*build, "--layout", layout, "--title-page", "--logo", "logo.png"])
        out.append([*build, "--layout", layout, "--no-title-page"])
        out.append([*build, "--layout", layout, "--cover", "sheet-cover.pdf"])
        out.append([*build, "--layout", layout, "--cover", "cover.pdf", "--cover",
                    "sheet-cover.pdf", "--logo", "logo.png", "--grayscale"])  # fmt: skip
        out.append(["build", "--plan", "patient-plan.toml", "--layout", layout])
        out.append([*build, "--layout", layout, "--reps", "8", "--sessions", "2", "--hold", "4"])
        out.append([*build, "--layout", layout, "--days", "5", "--sessions", "3", "-a", "1"])
        out.append([*build, "--layout", layout, "-a", "gentle", "-o", "-"])
        out.append([*build, "--layout", layout, "-e", "seated-twist", "-e", "back-rounder",
                    "--days", "3", "--patient", "Ann <b>&amp;</b> Lee"])  # fmt: skip
    # Small single pictures (each key frame alone, where a row has no room for a pair):
    # the knee hug's once a day, the others' on a week of every exercise.
    out.append([*build, "-e", "seated-twist", "-e", "hamstring-stretch", "-e",
                "knee-hug-side-tilt", "-e", "warrior-at-the-wall", "-e", "double-knee-lift",
                "--sessions", "1"])  # fmt: skip
    out.append([*build, "--layout", "week", "--paper", "letter", "--sessions", "1"])
    for exercise in EXERCISES:
        out.append([*build, "-e", exercise, "--days", "2"])
        out.append(["show", exercise])
    # Plans, sheets sent back, reports, next week.
    out += [
        ["plan", "-a", "gentle", "--patient", "Ann Lee", "--date", DATE, "-o", "ann.toml"],
        ["plan", "--plan", "patient-plan.toml", "-o", "jordan.toml"],
        ["plan", "-e", "glute-stretch", "--reps", "3", "--logo", "logo.png", "-o", "-"],
        ["build", "--plan", "ann-plan.toml", "-o", "ann.pdf"],
        ["build", "--plan", "ann-plan.toml", "--layout", "week", "-o", "ann-week.pdf"],
        ["check", "ann-plan.toml", "patient-plan.toml", "clinic-exercises"],
        ["check", "bad-plan.toml"],
        ["list"], ["list", "--format", "json"], ["list", "-p", "lying", "-a", "gentle"],
        ["list", "--library", "clinic-exercises"],
        ["show", "pelvic-tilt", "--library", "clinic-exercises"],
        ["report", "returned.pdf"],
        ["report", "returned.pdf", "--format", "json"],
        ["report", "returned.pdf", "--format", "csv"],
        ["report", "returned.pdf", "--chart", "chart.pdf"],
        ["report", "returned-week.pdf", "returned.pdf", "--format", "json"],
        ["plan", "--from", "returned.pdf", "-o", "from.toml"],
        ["build", "--from", "returned.pdf", "-o", "next.pdf"],
        ["build", "--from", "returned.pdf", "--progress", "-o", "progress.pdf"],
        ["build", "--from", "returned.pdf", "--progress", "-a", "moderate", "-o", "p2.pdf"],
        ["batch", "roster.csv", "-d", ".", "-j", "1"],
    ]  # fmt: skip
    # Errors: one line each, nothing written.
    out += [
        [*build, "--days", "0"], [*build, "--layout", "weak"], [*build, "--paper", "a5"],
        [*build, "-e", "nope"], [*build, "--cover", "missing.pdf"], [*build, "--logo", "cover.pdf"],
        [*build, "--date", "2026-02-30"], [*build, "--reps", "0"],
        [*build, "-e", "double-knee-lift", "--hold", "10"],
        ["report", "cover.pdf"], ["report", "logo.png"], [*build, "--plan", "bad-plan.toml"],
        [*build, "--days", "31", "--reps", "100"],
    ]  # fmt: skip
    return out


def fixtures(folder: Path, run: object) -> None:
    """The files the corpus's commands use, made the same way every time."""
    examples = ROOT / "examples"
    shutil.copy(examples / "clinic-logo.png", folder / "logo.png")
    shutil.copytree(examples / "clinic-exercises", folder / "clinic-exercises")
    shutil.copy(examples / "clinic-logo.png", folder / "clinic-logo.png")
    shutil.copy(examples / "patient-plan.toml", folder / "patient-plan.toml")
    (folder / "cover.pdf").write_bytes(_plain_cover())
    (folder / "bad-plan.toml").write_text(
        'version = 1\ndayz = 3\npaper = "a5"\n[[exercise]]\nid = "nope"\nreps = "eight"\n'
    )
    assert callable(run)
    run(["build", "--date", DATE, "-a", "gentle", "-o", "sheet-cover.pdf"])
    run(["plan", "-a", "gentle", "--patient", "Ann Lee", "--date", DATE, "-o", "ann-plan.toml"])
    run(["build", "--date", DATE, "-e", "glute-stretch", "-e", "seated-twist", "--days", "2",
         "--sessions", "2", "--reps", "3", "--patient", "Ann Lee", "-o", "sent.pdf"])  # fmt: skip
    run(["build", "--date", "2026-11-25", "--layout", "week", "-e", "glute-stretch",
         "--days", "7", "--patient", "Ann Lee", "-o", "sent-week.pdf"])  # fmt: skip
    _tick(folder / "sent.pdf", folder / "returned.pdf", every=2)
    _tick(folder / "sent-week.pdf", folder / "returned-week.pdf", every=3)
    (folder / "roster.csv").write_text(
        "patient,layout,ability,days,notes\n"
        "Ann Lee,one-page,gentle,1,\n"
        'Ann Lee,handout,moderate,7,"Rest first, then stretch."\n'
        f"{GREEK},week,gentle,7,\n"
        "Bo Chen,large-print,3,1,\n"
        "Bad Row,one-page,gentle,99,\n"
    )


def _plain_cover() -> bytes:
    """A one-page PDF with a title, written byte by byte (no tool's version in it)."""
    content = b"BT /F1 24 Tf 72 720 Td (Riverside Physio) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    data = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(data))
        data += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    data += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    data += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return data


def _tick(source: Path, target: Path, every: int) -> None:
    """Every `every`-th box ticked and a pain score in every `every`-th pain box."""
    import pypdf

    writer = pypdf.PdfWriter(clone_from=source)
    for page in writer.pages:
        values: dict[str, str] = {}
        for index, annot in enumerate(page.get("/Annots", [])):
            widget = annot.get_object()
            name = str(widget.get("/T"))
            if index % every:
                continue
            values[name] = "/Yes" if widget.get("/FT") == "/Btn" else str(index % 11)
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    writer.write(target)


@contextlib.contextmanager
def _captured() -> Iterator[dict[str, bytes]]:
    """Standard output and error as bytes, in the dict yielded once the block ends."""
    out, err = io.BytesIO(), io.BytesIO()
    saved = sys.stdout, sys.stderr
    sys.stdout = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    sys.stderr = io.TextIOWrapper(err, encoding="utf-8", write_through=True)
    captured: dict[str, bytes] = {}
    try:
        yield captured
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        captured.update(out=out.getvalue(), err=err.getvalue())
        sys.stdout, sys.stderr = saved


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:24]


def command_key(args: list[str]) -> str:
    """A command's text, the key of its fingerprint (`build` and `plan` write out.pdf)."""
    if args[0] in ("build", "plan") and "-o" not in args:
        args = [*args, "-o", "out.pdf"]
    return " ".join(args)


def fingerprints(part: int = 0, parts: int = 1) -> dict[str, dict[str, object]]:
    """Every command's fingerprint, by the command's text; or, given `parts`, those of
    every `parts`-th command from number `part` (the test runs the corpus in parts, so
    they share the cores)."""
    from makeplan.cli import run as makeplan

    results: dict[str, dict[str, object]] = {}
    saved_cwd = os.getcwd()
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    os.environ.pop("MAKEPLAN_DEBUG", None)
    os.environ.pop("MAKEPLAN_COVER_PASSWORD", None)
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        os.chdir(folder)
        try:

            def run(args: list[str]) -> tuple[int, bytes, bytes]:
                with _captured() as captured:
                    code = makeplan(list(args))
                return int(code), captured["out"], captured["err"]

            fixtures(folder, run)
            for number, args in enumerate(commands()):
                if number % parts != part:
                    continue
                work = folder / f"c{number:03d}"
                work.mkdir()
                for item in folder.iterdir():
                    if item.is_file() or item.name == "clinic-exercises":
                        (work / item.name).symlink_to(item)
                os.chdir(work)
                if args[0] in ("build", "plan") and "-o" not in args:
                    args = [*args, "-o", "out.pdf"]
                code, out, err = run(args)
                written = {
                    str(path.relative_to(work)): _digest(path.read_bytes())
                    for path in sorted(work.rglob("*"))
                    if path.is_file() and not path.is_symlink()
                }
                key = command_key(args)
                results[key] = {
                    "code": code,
                    "stdout": _digest(out) if len(out) > 400 else out.decode("utf-8", "replace"),
                    # Times (a batch's speed) vary from run to run: left out.
                    "stderr": re.sub(
                        r"in [0-9.]+ s, .*", "in (time)", err.decode("utf-8", "replace")
                    ),
                    "files": written,
                }
                os.chdir(folder)
        finally:
            os.chdir(saved_cwd)
    return results


def main(argv: list[str]) -> int:
    if argv[1:] == ["record"]:
        results = fingerprints()
        EXPECTED.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
        print(f"recorded {len(results)} commands in {EXPECTED}")
        return 0
    if argv[1:] == ["check"]:
        expected = json.loads(EXPECTED.read_text())
        results = fingerprints()
        changed = [key for key in expected if results.get(key) != expected[key]]
        changed += [key for key in results if key not in expected]
        for key in changed:
            print(f"changed: {key}\n  was: {expected.get(key)}\n  now: {results.get(key)}")
        print(f"{len(results)} commands, {len(changed)} changed")
        return 1 if changed else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""`makeplan batch`: a clinic's whole list in one go, bad rows reported, good ones made."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pypdf

from support import assert_clean_error, page_texts

ROOT = Path(__file__).resolve().parent.parent


def write_roster(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", newline="") as file:
        csv.writer(file).writerows(rows)


def test_fifty_rows_with_two_bad_ones(run, tmp_path: Path) -> None:
    shutil.copy(ROOT / "examples" / "patient-plan.toml", tmp_path / "plan.toml")
    shutil.copy(ROOT / "examples" / "clinic-logo.png", tmp_path / "clinic-logo.png")
    shutil.copytree(ROOT / "examples" / "clinic-exercises", tmp_path / "clinic-exercises")
    rows = [["patient", "layout", "days", "exercise", "cover", "plan", "date"]]
    for number in range(48):
        layout = ["one-page", "week", "handout", ""][number % 4]
        rows.append([f"Patient {number % 45}", layout, "", "back-rounder;seated-twist", "",
                     "", "2026-11-23"])  # fmt: skip
    rows.insert(10, ["Bad Exercise", "", "", "glute-strech", "", "", ""])
    rows.insert(30, ["No Cover", "", "", "", "missing.pdf", "", ""])
    rows.append(["Jordan Reyes", "", "", "", "", "plan.toml", ""])
    (tmp_path / "out").mkdir()
    write_roster(tmp_path / "roster.csv", rows)
    assert len(rows) - 1 == 51

    result = run("batch", "roster.csv", "-d", "out", "--jobs", "2")
    assert result.code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert errors == [
        "Error: row 11 (Bad Exercise): -e/--exercise 'glute-strech' is not in the catalogue; "
        "did you mean glute-stretch or hamstring-stretch?",
        "Error: row 31 (No Cover): cover 'missing.pdf': no such file; check the path.",
    ]  # fmt: skip
    assert "Made 49 sheets in out, 2 failed" in result.stderr
    made = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert len(made) == 49 and len(set(made)) == 49
    # Rows with the same name never share a file.
    assert "patient-1.pdf" in made and "patient-1-2.pdf" in made
    assert "bad-exercise.pdf" not in made and "no-cover.pdf" not in made
    # The plan column is relative to the roster; its own paths to the plan.
    jordan = "\n".join(page_texts(tmp_path / "out" / "jordan-reyes.pdf"))
    assert "Jordan Reyes" in jordan and "Pelvic tilt" in jordan
    for name in made:
        assert len(pypdf.PdfReader(tmp_path / "out" / name).pages) >= 1


def test_one_job_and_many_give_the_same_files(run, tmp_path: Path) -> None:
    rows = [["patient", "date"]] + [[f"P{number}", "2026-11-23"] for number in range(6)]
    write_roster(tmp_path / "r.csv", rows)
    for folder, jobs in (("one", "1"), ("two", "2")):
        (tmp_path / folder).mkdir()
        assert run("batch", "r.csv", "-d", folder, "-j", jobs).code == 0
    for name in (f"p{number}.pdf" for number in range(6)):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_roster_problems_stop_before_any_sheet(run, tmp_path: Path) -> None:
    write_roster(tmp_path / "typo.csv", [["patient", "dayz"], ["Ann", "3"]])
    assert_clean_error(run("batch", "typo.csv"), "dayz", "did you mean 'days'")
    write_roster(tmp_path / "nobody.csv", [["layout"], ["week"]])
    assert_clean_error(run("batch", "nobody.csv"), "'patient'")
    write_roster(tmp_path / "empty.csv", [["patient"]])
    assert_clean_error(run("batch", "empty.csv"), "no rows")
    assert_clean_error(run("batch", "missing.csv"), "missing.csv")
    write_roster(tmp_path / "r.csv", [["patient"], ["Ann"]])
    assert_clean_error(run("batch", "r.csv", "-d", "nowhere"), "nowhere", "not a folder")
    assert not list(tmp_path.glob("*.pdf"))


def test_safe_file_names() -> None:
    from makeplan.batch import safe_name

    assert safe_name("Ann Lee") == "ann-lee"
    assert safe_name("../../etc/passwd") == "etc-passwd"
    assert safe_name("Zoë Müller") == "zoe-muller"
    assert safe_name("Γιώργος") == "γιώργος"
    assert safe_name("   ") == "patient"
    assert len(safe_name("x" * 500)) <= 60

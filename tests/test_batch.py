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


def fill_every_box(source: Path, target: Path) -> None:
    """The sheet as it comes back with every box ticked."""
    writer = pypdf.PdfWriter(clone_from=source)
    names = pypdf.PdfReader(source).get_fields() or {}
    values = {name: "/Yes" for name in names if not name.endswith("_pain")}
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    writer.write(target)


def test_warnings_and_progress_lines_name_their_row(run, tmp_path: Path) -> None:
    args = ["build", "--date", "2026-11-23", "-e", "glute-stretch", "-e", "seated-twist"]
    assert run(*args, "-o", "sheet.pdf").code == 0
    fill_every_box(tmp_path / "sheet.pdf", tmp_path / "back.pdf")
    write_roster(tmp_path / "r.csv", [
        ["patient", "from", "progress", "date"],
        ["Ann Lee", "back.pdf", "yes", "2026-11-30"],
        ["Bo Chen", "back.pdf", "yes", "2026-11-30"],
        ["דוד כהן", "", "", "2026-11-30"],
    ])  # fmt: skip
    (tmp_path / "out").mkdir()
    result = run("batch", "r.csv", "-d", "out", "-j", "2")
    assert result.code == 0, result.stderr
    lines = result.stderr.splitlines()
    # Made in two workers, told by the parent, each row's lines together.
    progress = [line for line in lines if line.startswith("Progress:")]
    assert progress == [
        "Progress: row 2 (Ann Lee): Buttock (glute) stretch: 100% done, reps 1 to 2",
        "Progress: row 2 (Ann Lee): Seated twist: 100% done, already at the most its "
        "article gives, kept",
        "Progress: row 3 (Bo Chen): Buttock (glute) stretch: 100% done, reps 1 to 2",
        "Progress: row 3 (Bo Chen): Seated twist: 100% done, already at the most its "
        "article gives, kept",
    ]
    warnings = [line for line in lines if line.startswith("Warning:")]
    # The font warning; and (in the wider bundled font) the sheet going on to a page 2.
    assert warnings[0].startswith("Warning: row 4 (דוד כהן): the font cannot show these characters")
    assert all(warning.startswith("Warning: row 4 (דוד כהן): ") for warning in warnings)
    assert "--font" in warnings[0]


LAYOUT = 'extends = "handout"\n[text]\nbody_pt = 14\n'


def test_a_layout_file_is_relative_to_the_roster(run, tmp_path: Path) -> None:
    (tmp_path / "clinic").mkdir()
    (tmp_path / "clinic" / "big.toml").write_text(LAYOUT)
    write_roster(tmp_path / "clinic" / "r.csv", [
        ["patient", "layout", "date"],
        ["Ann Lee", "big.toml", "2026-11-23"],
        ["Jo Park", "week", "2026-11-23"],
    ])  # fmt: skip
    (tmp_path / "out").mkdir()
    result = run("batch", "clinic/r.csv", "-d", "out")
    assert result.code == 0, result.stderr
    assert (tmp_path / "out" / "ann-lee.pdf").exists() and (
        tmp_path / "out" / "jo-park.pdf"
    ).exists()


def test_a_row_with_more_cells_than_columns_is_refused(run, tmp_path: Path) -> None:
    (tmp_path / "r.csv").write_text(
        'patient,notes,date\nAnn Lee,Rest first, then walk,2026-11-23\nJo Park,"Rest, then walk",\n'
    )
    (tmp_path / "out").mkdir()
    result = run("batch", "r.csv", "-d", "out")
    assert result.code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert errors == [
        "Error: row 2 (Ann Lee): has 4 cells but the header has 3 columns; put a text that "
        'has a comma in double quotes, like "Rest first, then walk".'
    ]
    assert [path.name for path in (tmp_path / "out").iterdir()] == ["jo-park.pdf"]
    # Empty cells past the last column (a spreadsheet's trailing commas) are fine.
    (tmp_path / "t.csv").write_text("patient,date\nBo Chen,2026-11-23,,\n")
    assert run("batch", "t.csv", "-d", "out").code == 0


def test_a_column_given_twice_is_refused(run, tmp_path: Path) -> None:
    write_roster(tmp_path / "r.csv", [["patient", "days", "days"], ["Ann", "3", "5"]])
    assert_clean_error(run("batch", "r.csv"), "r.csv", "column 'days' twice", "keep one")
    write_roster(tmp_path / "a.csv", [["patient", "exercise", "Exercises"], ["Ann", "", ""]])
    assert_clean_error(run("batch", "a.csv"), "'exercise' twice ('exercise' and 'Exercises')")
    assert not list(tmp_path.glob("*.pdf"))


def test_a_bad_yes_no_value_names_the_column(run, tmp_path: Path) -> None:
    write_roster(tmp_path / "r.csv", [["patient", "grayscale"], ["Ann", "maybe"], ["Jo", "Yes"]])
    (tmp_path / "out").mkdir()
    result = run("batch", "r.csv", "-d", "out")
    assert result.code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert errors == [
        "Error: row 2 (Ann): column 'grayscale': 'maybe' is not yes or no; write yes/no, "
        "true/false, 1/0, on/off, or leave it empty."
    ]
    assert [path.name for path in (tmp_path / "out").iterdir()] == ["jo.pdf"]


def test_a_roster_separated_by_semicolons_gets_a_hint(run, tmp_path: Path) -> None:
    (tmp_path / "r.csv").write_text("patient;layout;days\nAnn Lee;week;7\n")
    assert_clean_error(run("batch", "r.csv"), "r.csv", "separated by semicolons", "with commas")
    (tmp_path / "t.csv").write_text("patient\tlayout\nAnn Lee\tweek\n")
    assert_clean_error(run("batch", "t.csv"), "separated by tabs")


def test_twenty_thousand_rows_of_one_name_take_linear_work(tmp_path: Path) -> None:
    from makeplan.batch import FileNames, read_roster

    names = FileNames()
    # A patient called "Ann Lee 3" takes a name the numbering would give next.
    stems = ["ann-lee"] * 10 + ["ann-lee-3"] + ["ann-lee"] * 19_989
    given = [names.add(stem) for stem in stems]
    assert given[:3] == ["ann-lee.pdf", "ann-lee-2.pdf", "ann-lee-3.pdf"]
    assert given[10] == "ann-lee-3-2.pdf"  # "ann-lee-3.pdf" was taken by the third Ann Lee
    assert given[-1] == "ann-lee-19999.pdf"
    assert len(set(given)) == len(given)
    # Each name is found in at most a step or two, not by counting up from 2 again.
    assert names.tries <= 2 * len(stems) + 2

    write_roster(tmp_path / "r.csv", [["patient"]] + [["Ann Lee"]] * 20_000)
    rows = read_roster(tmp_path / "r.csv", Path("out"))
    assert [Path(row.output).name for row in rows[:2]] == ["ann-lee.pdf", "ann-lee-2.pdf"]
    assert Path(rows[-1].output).name == "ann-lee-20000.pdf"


def test_ctrl_c_says_how_many_sheets_were_written(run, tmp_path: Path, monkeypatch) -> None:
    import makeplan.batch

    write_roster(tmp_path / "r.csv", [["patient"]] + [[f"P{n}"] for n in range(10)])
    (tmp_path / "out").mkdir()
    real = makeplan.batch.build_row
    made: list[str] = []

    def stop_after_three(row):
        if len(made) == 3:
            raise KeyboardInterrupt
        made.append(row.patient)
        return real(row)

    monkeypatch.setattr(makeplan.batch, "build_row", stop_after_three)
    result = run("batch", "r.csv", "-d", "out", "-j", "1")
    assert result.code == 130
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert errors == [
        "Error: stopped before finishing; 3 sheets were written in out, and 7 of the 10 rows "
        "were not made. Run again with --force to make them all."
    ]
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == [
        "p0.pdf",
        "p1.pdf",
        "p2.pdf",
    ]


def test_ctrl_c_on_many_workers_counts_what_they_wrote(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    write_roster(tmp_path / "r.csv", [["patient"]] + [[f"P{n}"] for n in range(600)])
    out = tmp_path / "out"
    out.mkdir()
    env = {key: value for key, value in os.environ.items() if key != "MAKEPLAN_DEBUG"}
    process = subprocess.Popen(
        [sys.executable, "-m", "makeplan", "batch", "r.csv", "-d", "out", "-j", "2"],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while len(list(out.glob("*.pdf"))) < 5 and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    text = stderr.decode()
    assert process.returncode == 130, text
    assert "Traceback" not in text and "KeyboardInterrupt" not in text
    written = len(list(out.glob("*.pdf")))
    assert 5 <= written < 600
    assert not list(out.glob(".*"))  # no half-written file left
    errors = [line for line in text.splitlines() if line.startswith("Error:")]
    assert errors == [
        f"Error: stopped before finishing; {written} sheets were written in out, and "
        f"{600 - written} of the 600 rows were not made. Run again with --force to make them all."
    ]


def test_jobs_are_capped_by_rows_and_cores(run, tmp_path: Path, monkeypatch) -> None:
    import concurrent.futures

    import makeplan.batch

    started: list[int] = []

    class Pool(concurrent.futures.ProcessPoolExecutor):
        def __init__(self, max_workers: int, **kwargs) -> None:
            started.append(max_workers)
            super().__init__(max_workers, **kwargs)

    monkeypatch.setattr(makeplan.batch, "ProcessPoolExecutor", Pool)
    monkeypatch.setattr(makeplan.batch, "default_jobs", lambda: 2)
    write_roster(tmp_path / "r.csv", [["patient"]] + [[f"P{n}"] for n in range(10)])
    (tmp_path / "a").mkdir()
    result = run("batch", "r.csv", "-d", "a", "-j", "256")
    assert result.code == 0, result.stderr
    assert started == [4]
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning: -j")]
    assert warnings == [
        "Warning: -j/--jobs 256 is more than 2 cores can use (at most 4); making 4 sheets at once."
    ]
    # No more processes than rows, and no warning for that.
    write_roster(tmp_path / "s.csv", [["patient"], ["Ann"], ["Jo"], ["Bo"]])
    (tmp_path / "b").mkdir()
    result = run("batch", "s.csv", "-d", "b", "-j", "4")
    assert result.code == 0 and started == [4, 3]
    assert "Warning: -j" not in result.stderr


def test_a_folder_that_cannot_be_written_is_exit_6_as_for_build(run, tmp_path: Path) -> None:
    import os

    write_roster(tmp_path / "r.csv", [["patient"], ["Ann"]])
    result = run("batch", "r.csv", "-d", "nowhere")
    assert_clean_error(result, "-d/--dir nowhere", "not a folder")
    assert result.code == run("build", "-o", "nowhere/x.pdf").code == 6
    if os.geteuid() != 0:  # root may write anywhere
        (tmp_path / "locked").mkdir(mode=0o500)
        result = run("batch", "r.csv", "-d", "locked")
        assert_clean_error(result, "locked", "cannot write")
        assert result.code == 6


def test_sheets_already_in_the_folder_are_kept_unless_forced(run, tmp_path: Path) -> None:
    rows = [["patient", "date"], ["Ann Lee", "2026-11-23"], ["Jo Park", "2026-11-23"],
            ["Bo Chen", "2026-11-23"]]  # fmt: skip
    write_roster(tmp_path / "r.csv", rows)
    out = tmp_path / "out"
    out.mkdir()
    (out / "ann-lee.pdf").write_bytes(b"returned, ticked")
    result = run("batch", "r.csv", "-d", "out")
    assert_clean_error(result, "out/ann-lee.pdf already exists", "--force", "another -d folder")
    assert result.code == 6
    assert sorted(path.name for path in out.iterdir()) == ["ann-lee.pdf"]  # nothing half-done
    (out / "jo-park.pdf").write_bytes(b"returned too")
    result = run("batch", "r.csv", "-d", "out")
    assert_clean_error(result, "2 of the sheets already exist in out (ann-lee.pdf, jo-park.pdf)")
    assert (out / "ann-lee.pdf").read_bytes() == b"returned, ticked"
    result = run("batch", "r.csv", "-d", "out", "--force")
    assert result.code == 0, result.stderr
    assert len(pypdf.PdfReader(out / "ann-lee.pdf").pages) >= 1


def test_the_summary_counts_in_words() -> None:
    from makeplan.batch import summary

    assert (
        summary(1, 0, Path("out"), 1.0)
        == "Made 1 sheet in out, 0 failed, in 1.0 s, 1 sheet a second."
    )
    assert summary(49, 2, Path("out"), 0.4) == (
        "Made 49 sheets in out, 2 failed, in 0.4 s, 122 sheets a second."
    )
    assert (
        summary(1, 0, Path("out"), 3.0) == "Made 1 sheet in out, 0 failed, in 3.0 s, 3.0 s a sheet."
    )
    assert summary(0, 1, Path("out"), 0.2) == "Made 0 sheets in out, 1 failed, in 0.2 s."

"""Every failure: one `Error:` line, a non-zero exit, and no output written or clobbered."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from support import assert_clean_error, run_installed


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (["-e", "seated-twst"], ["seated-twst", "seated-twist"]),
        (["-e", "zzzz"], ["zzzz", "makeplan list"]),
        (["-e", "seated-twist", "-e", "seated-twist"], ["twice"]),
        (["-p", "sitting", "-a", "gentle"], ["--ability", "sitting"]),
        (["-p", "standing", "-a", "1"], ["--ability", "standing"]),
        (["-p", "kneeling"], ["--position", "kneeling"]),
        (["-a", "hard"], ["--ability", "hard"]),
        (["--days", "0"], ["--days"]),
        (["--days", "32"], ["--days"]),
        (["--days", "seven"], ["--days"]),
        (["--reps", "-1"], ["--reps"]),
        (["--reps", "1000"], ["--reps"]),
        (["--hold", "-5"], ["--hold"]),
        (["--sessions", "0"], ["--sessions"]),
        (["--date", "2026-02-30"], ["--date", "2026-02-30"]),
        (["--date", "tomorrow"], ["--date"]),
        (["--paper", "a3"], ["--paper"]),
        (["--layout", "poster"], ["poster", "one-page", "handout"]),
        (["--layout", "missing.toml"], ["missing.toml"]),
        (["--days", "31", "--sessions", "12", "--reps", "30"], ["6000", "--reps"]),
        # Several days point to the week table; a row taller than a page cannot go on.
        (["--days", "31"], ["one page", "--layout week"]),
        (["--days", "12", "--reps", "12", "--sessions", "3"], ["one page", "--layout week"]),
        (["--bogus"], ["--bogus"]),
        (["--reps", "0"], ["--reps"]),
        (["--reps", "99999999999999999999999"], ["--reps"]),
        (["--reps", "8.5"], ["--reps"]),
        (["--hold", "601"], ["--hold"]),
        (["--hold", "lots"], ["--hold"]),
        (["--sessions", "-2"], ["--sessions"]),
        (["--days", "-1"], ["--days"]),
        (["--date", "2026-13-01"], ["--date"]),
        (["--date", "0000-01-01"], ["--date"]),
    ],
)
def test_bad_options(run, tmp_path, args, needles) -> None:
    result = run("build", *args, "-o", "out.pdf")
    assert_clean_error(result, *needles)
    assert not (tmp_path / "out.pdf").exists()


def test_existing_output_is_untouched_on_failure(run, tmp_path) -> None:
    target = tmp_path / "keep.pdf"
    target.write_bytes(b"the old sheet")
    assert_clean_error(run("build", "-e", "nope", "-o", "keep.pdf"))
    assert_clean_error(run("build", "--cover", "missing.pdf", "-o", "keep.pdf"))
    assert_clean_error(run("build", "--days", "31", "--reps", "40", "-o", "keep.pdf"))
    assert target.read_bytes() == b"the old sheet"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.pdf"]


def test_output_in_missing_folder(run, tmp_path) -> None:
    assert_clean_error(run("build", "-o", "no/such/dir/out.pdf"), "does not exist")


def test_output_is_a_folder(run, tmp_path) -> None:
    (tmp_path / "sheets").mkdir()
    assert_clean_error(run("build", "-o", "sheets"), "folder")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_output_in_read_only_folder(run, tmp_path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        assert_clean_error(run("build", "-o", "locked/out.pdf"), "cannot write")
    finally:
        locked.chmod(0o700)


def test_bad_layout_file_names_file_and_key(run, tmp_path) -> None:
    # A layout file's problems are listed like a plan's: all of them, each at its line.
    (tmp_path / "mine.toml").write_text('extends = "handout"\n[text]\nbody_ptt = 14\n')
    result = run("build", "--layout", "mine.toml")
    assert result.code == 3 and result.stderr.splitlines() == [
        "Error: mine.toml has 1 problem; fix it and run again:",
        "mine.toml:3: text.body_ptt: is not a known field; did you mean 'body_pt'?",
    ]
    (tmp_path / "small.toml").write_text('extends = "handout"\n[text]\nbody_pt = 6\n')
    result = run("build", "--layout", "small.toml")
    assert result.code == 3 and result.stderr.splitlines()[1] == (
        "small.toml:3: text.body_pt: is 6, too small; expected a size in points from 8 to 32."
    )
    (tmp_path / "broken.toml").write_text("[text\n")
    result = run("build", "--layout", "broken.toml")
    assert result.code == 3 and result.stderr.splitlines()[1].startswith("broken.toml:1: syntax: ")
    assert result.stderr.endswith("expected valid TOML.\n")
    (tmp_path / "loop.toml").write_text('extends = "loop.toml"\n')
    result = run("build", "--layout", "loop.toml")
    assert result.code == 3 and result.stderr.splitlines()[1].startswith("loop.toml:1: extends: ")
    assert "a loop" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "routine.pdf").exists()


def test_bad_source_date_epoch(run, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    assert_clean_error(run("build"), "SOURCE_DATE_EPOCH")


def test_source_date_epoch_out_of_range_says_so(run, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "253402300800")  # 10000-01-01: whole, but too late
    result = run("build")
    assert_clean_error(result, "SOURCE_DATE_EPOCH", "outside the dates")
    assert "whole number" not in result.stderr
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "9" * 5000)
    assert_clean_error(run("build"), "outside the dates")


def test_a_sheet_past_9999_names_where_its_date_came_from(run, tmp_path, monkeypatch) -> None:
    assert run("build", "--date", "9999-12-25", "--days", "7", "-e", "seated-twist").code == 0
    result = run("build", "--date", "9999-12-26", "--days", "7", "-e", "seated-twist",
                 "-o", "late.pdf")  # fmt: skip
    assert_clean_error(result, "--date 9999-12-26", "--days 7", "9999")
    assert result.code == 2
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "253402214400")  # 9999-12-31
    result = run("build", "--days", "7", "-e", "seated-twist", "-o", "late.pdf")
    assert_clean_error(result, "SOURCE_DATE_EPOCH", "--days 7")
    assert "--date" not in result.stderr
    assert not (tmp_path / "late.pdf").exists()


def test_does_not_fit_agrees_with_its_subject(run) -> None:
    # The warrior has no reps ceiling (the seated twist's article stops at 5).
    args = ["build", "-e", "warrior-at-the-wall", "--days", "31", "--sessions", "3", "--reps", "10"]
    assert_clean_error(run(*args), "This exercise with 1860 boxes to tick does not fit")
    with_notes = run(*args, "--notes", "Go slowly.")
    assert_clean_error(with_notes, "This exercise with 1860 boxes to tick and the notes do not fit")
    assert_clean_error(run("build", "-p", "lying", "--days", "31"), "exercises with", "do not fit")


def test_an_unknown_layout_name_is_a_bad_option_a_broken_file_bad_input(run, tmp_path) -> None:
    result = run("build", "--layout", "weak")
    assert_clean_error(result, "'weak'", "week")
    assert result.code == 2
    (tmp_path / "weak.toml").write_text("[text\n")
    assert run("build", "--layout", "weak.toml").code == 3
    (tmp_path / "child.toml").write_text('extends = "weak"\n')
    assert run("build", "--layout", "child.toml").code == 3


def test_installed_command_errors_without_traceback(tmp_path: Path) -> None:
    result = run_installed("build", "-e", "nope", cwd=tmp_path)
    stderr = result.stderr.decode()
    assert result.returncode != 0
    assert stderr.count("\n") == 1 and stderr.startswith("Error: ")
    assert "Traceback" not in stderr
    assert not (tmp_path / "routine.pdf").exists()


def test_stdout_closed_early(tmp_path: Path) -> None:
    import subprocess
    import sys

    producer = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "makeplan",
            "build",
            "--layout",
            "handout",
            "--days",
            "7",
            "-o",
            "-",
        ],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert producer.stdout is not None
    first = producer.stdout.read(10)
    producer.stdout.close()
    _, stderr = producer.communicate()
    assert first.startswith(b"%PDF-")
    assert b"Traceback" not in stderr

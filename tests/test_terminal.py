"""What reaches the terminal: any encoding, any locale, any characters in a user's file."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from support import Result, page_texts, run_installed

ROOT = Path(__file__).resolve().parent.parent
NAME = "Łukasz"  # not in cp1252 nor Latin-1
# A plain C locale with Python's own fixes for it off: arguments arrive as escaped bytes.
C_LOCALE = {"LC_ALL": "C", "LANG": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"}


def installed(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> Result:
    done = run_installed(*args, cwd=tmp_path, env=env)
    return Result(done.returncode, done.stdout, done.stderr.decode("utf-8", "replace"))


def library_file(tmp_path: Path) -> Path:
    """A clinic's exercise whose name only UTF-8 can hold."""
    text = (ROOT / "makeplan" / "exercises" / "back-rounder.toml").read_text("utf-8")
    target = tmp_path / "mine.toml"
    target.write_text(text.replace('name = "Back rounder"', f'name = "{NAME} rounder"'), "utf-8")
    return target


@pytest.fixture
def sheet(run, tmp_path: Path) -> Path:
    """A sheet for Łukasz, of one exercise named after him."""
    library_file(tmp_path)
    made = run("build", "--patient", NAME, "--library", "mine.toml", "-e", "back-rounder",
               "-o", "pl.pdf")  # fmt: skip
    assert made.code == 0, made.stderr
    return tmp_path / "pl.pdf"


# --- 8: an encoding that cannot hold the text ---

ENCODINGS = [{"PYTHONIOENCODING": "cp1252"}, {"PYTHONIOENCODING": "latin-1"}]


@pytest.mark.parametrize("env", ENCODINGS, ids=["cp1252", "latin-1"])
def test_report_table_is_written_in_the_terminals_encoding(tmp_path, sheet, env) -> None:
    result = installed(tmp_path, "report", "pl.pdf", env=env)
    assert result.code == 0, result.stderr
    text = result.stdout.decode(env["PYTHONIOENCODING"])
    assert "Adherence report for \\u0141ukasz:" in text
    assert "\\u0141ukasz rounder (back-rounder)" in text


@pytest.mark.parametrize("env", ENCODINGS, ids=["cp1252", "latin-1"])
def test_machine_formats_are_utf8_whatever_the_terminal(tmp_path, sheet, env) -> None:
    as_json = installed(tmp_path, "report", "pl.pdf", "--format", "json", env=env)
    assert as_json.code == 0, as_json.stderr
    assert json.loads(as_json.stdout.decode("utf-8"))["patient"] == NAME
    as_csv = installed(tmp_path, "report", "pl.pdf", "--format", "csv", env=env)
    assert as_csv.code == 0, as_csv.stderr
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout.decode("utf-8"))))
    assert [(row["exercise"], row["name"]) for row in rows] == [("back-rounder", f"{NAME} rounder")]
    listed = installed(tmp_path, "list", "--library", "mine.toml", "--format", "json", env=env)
    assert listed.code == 0, listed.stderr
    names = [entry["name"] for entry in json.loads(listed.stdout.decode("utf-8"))]
    assert f"{NAME} rounder" in names


@pytest.mark.parametrize("env", ENCODINGS, ids=["cp1252", "latin-1"])
def test_list_show_check_and_errors_never_crash_on_encoding(tmp_path, env) -> None:
    library_file(tmp_path)
    encoding = env["PYTHONIOENCODING"]
    listed = installed(tmp_path, "list", "--library", "mine.toml", env=env)
    assert listed.code == 0, listed.stderr
    assert "\\u0141ukasz rounder" in listed.stdout.decode(encoding)
    shown = installed(tmp_path, "show", "back-rounder", "--library", "mine.toml", env=env)
    assert shown.code == 0, shown.stderr
    assert shown.stdout.decode(encoding).startswith("\\u0141ukasz rounder  [back-rounder]")
    (tmp_path / "plan.toml").write_text(f'version = 1\n"{NAME}" = 1\n', "utf-8")
    checked = installed(tmp_path, "check", "plan.toml", env=env)
    assert checked.code == 1, checked.stderr
    assert checked.stdout.decode(encoding).startswith("plan.toml:2: \\u0141ukasz: ")
    failed = installed(tmp_path, "show", NAME, env=env)
    assert failed.code == 4
    assert failed.stderr.startswith("Error: ID '\\u0141ukasz' is not in the catalogue")


# --- 9: a locale that is not UTF-8 ---


def test_text_typed_under_a_c_locale_is_read_as_utf8(tmp_path) -> None:
    result = installed(tmp_path, "build", "--patient", "Zoë", "-o", "zoe.pdf", env=C_LOCALE)
    assert result.code == 0, result.stderr
    assert "Zoë" in page_texts(tmp_path / "zoe.pdf")[0]


def test_paths_typed_under_a_c_locale_work_and_go_into_a_plan(tmp_path) -> None:
    made = installed(tmp_path, "build", "-e", "back-rounder", "-o", "Zoë.pdf", env=C_LOCALE)
    assert made.code == 0, made.stderr
    assert (tmp_path / "Zoë.pdf").is_file()
    assert "Wrote Zoë.pdf" in made.stderr
    planned = installed(tmp_path, "plan", "--cover", "Zoë.pdf", "-o", "Zoë.toml", env=C_LOCALE)
    assert planned.code == 0, planned.stderr
    assert 'covers = ["Zoë.pdf"]' in (tmp_path / "Zoë.toml").read_text("utf-8")
    built = installed(tmp_path, "build", "--plan", "Zoë.toml", "-o", "again.pdf", env=C_LOCALE)
    assert built.code == 0, built.stderr


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["--patient", os.fsdecode(b"Zo\xeb")], "--patient"),
        (["--notes", os.fsdecode(b"caf\xe9")], "--notes"),
        (["-o", os.fsdecode(b"Zo\xeb.pdf")], "-o/--output"),
        (["--cover", os.fsdecode(b"\xff.pdf")], "--cover"),
    ],
)
def test_bytes_that_are_not_utf8_are_refused(tmp_path, args, option) -> None:
    for env in (C_LOCALE, {}):
        result = installed(tmp_path, "build", *args, env=env)
        assert result.code == 2, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"Error: {option}: the text given"), lines
        assert "could not be read" in lines[0] and "UTF-8 locale" in lines[0]
    assert not list(tmp_path.glob("*.pdf"))


# --- 10: characters that would rewrite the terminal ---


def test_check_shows_controls_and_direction_marks_as_escapes(run, tmp_path) -> None:
    (tmp_path / "plan.toml").write_text(
        'version = 1\n"\\u202eevil\\u001b[31m" = 1\nnotes = 5\n\n"\\u0064ays" = 99\n', "utf-8"
    )
    result = run("check", "plan.toml")
    assert result.code == 1
    lines = result.text.splitlines()
    assert lines[0].startswith("plan.toml:2: \\u202eevil\\x1b[31m: is not a known field")
    assert lines[2].startswith("plan.toml:5: days: is 99")
    assert "\x1b" not in result.text and "\u202e" not in result.text


def test_error_lines_show_controls_as_escapes(run) -> None:
    result = run("build", "--logo", "\u202elogo\x1b[2J.png", "-o", "out.pdf")
    assert result.code == 3
    assert result.stderr.startswith("Error: --logo \\u202elogo\\x1b[2J.png: no such file")
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain Zoë", "plain Zoë"),
        ("a\x1b[31mred", "a\\x1b[31mred"),
        ("\u202eevil", "\\u202eevil"),
        ("\u2066isolate\u2069", "\\u2066isolate\\u2069"),
        ("zero\u200bwidth", "zero\\u200bwidth"),
        ("bell\x07 del\x7f c1\x9b", "bell\\x07 del\\x7f c1\\x9b"),
        ("line\u2028break", "line\\u2028break"),
        ("Zo\udcc3\udcab", "Zoë"),  # UTF-8 bytes a C locale escaped
        ("Zo\udceb", "Zo\\xeb"),  # bytes that are not UTF-8
    ],
)
def test_printable(text: str, shown: str) -> None:
    from makeplan.terminal import printable

    assert printable(text) == shown

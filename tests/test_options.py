"""The options stage: one table of sheet options, from which the command line, the
roster and plan files are made; every file read once; a real import graph."""

from __future__ import annotations

import ast
import csv
import json
from importlib import resources
from pathlib import Path

import click
import pytest

import makeplan
from makeplan.options import ROSTER_COLUMNS, SHEET_OPTIONS
from makeplan.resolving import BadValue, read_value
from support import assert_clean_error

DATE = "2026-11-23"


def test_plan_schema_file_is_written_from_the_table() -> None:
    # makeplan/schemas/plan.schema.json is for editors; it must say what the table says.
    # After changing a row: python -c "import json; from makeplan.planschema import
    #   plan_schema; print(json.dumps(plan_schema(), indent=2, ensure_ascii=False))"
    #   > makeplan/schemas/plan.schema.json
    from makeplan.planschema import plan_schema

    text = (resources.files("makeplan") / "schemas" / "plan.schema.json").read_text("utf-8")
    assert json.loads(text) == plan_schema()


def test_every_row_is_an_option_a_column_and_a_plan_key(run) -> None:
    help_text = run("build", "--help").text
    schema = json.loads(
        (resources.files("makeplan") / "schemas" / "plan.schema.json").read_text("utf-8")
    )
    for row in SHEET_OPTIONS:
        assert row.long_flag in help_text
        assert (row.column in ROSTER_COLUMNS) == row.roster
        if row.plan_key is not None:
            assert row.plan_key in schema["properties"]
    # The roster's columns keep the order its message has always listed them in;
    # a column added later comes after them.
    assert list(ROSTER_COLUMNS)[:4] == ["patient", "clinician", "date", "notes"]
    # New columns come after those, in the order they were added.
    assert list(ROSTER_COLUMNS)[-7:] == [
        "title_page",
        "grayscale",
        "fillable",
        "emergency",
        "contact",
        "units",
        "lang",
    ]


@pytest.mark.parametrize(
    ("flag", "text", "click_type"),
    [
        ("--days", "0", click.IntRange(1, 31)),
        ("--days", "32", click.IntRange(1, 31)),
        ("--days", "seven", click.IntRange(1, 31)),
        ("--reps", "1.5", click.IntRange(1, 100)),
        ("--hold", "601", click.IntRange(0, 600)),
        ("--paper", "A4", click.Choice(["a4", "letter"])),
        ("--position", "upside-down", click.Choice(["lying", "sitting", "standing"])),
    ],
)
def test_the_table_reads_values_with_clicks_words(flag: str, text: str, click_type) -> None:
    # A roster row is read without click, and must say what the command line says.
    row = next(row for row in SHEET_OPTIONS if flag in row.flags)
    with pytest.raises(BadValue) as ours:
        read_value(row, text)
    with pytest.raises(click.BadParameter) as theirs:
        click_type.convert(text, None, None)
    assert str(ours.value) == theirs.value.message


def test_a_roster_row_fails_as_the_command_line_does(run, tmp_path: Path) -> None:
    with (tmp_path / "r.csv").open("w", newline="") as file:
        csv.writer(file).writerows([["patient", "paper", "days"], ["Ann", "a5", "3"]])
    (tmp_path / "out").mkdir()
    batch = run("batch", "r.csv", "-d", "out", "-j", "1")
    assert batch.code == 1
    error = next(line for line in batch.stderr.splitlines() if line.startswith("Error:"))
    direct = run("build", "--paper", "a5", "--days", "3")
    assert error == "Error: row 2 (Ann): " + direct.stderr.split("Error: ", 1)[1].split(" Run")[0]


def _count_library_reads(monkeypatch) -> list[str]:
    import makeplan.library

    read: list[str] = []
    real = makeplan.library.read_library_file

    def counting(path):
        read.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(makeplan.library, "read_library_file", counting)
    return read


def test_a_library_is_read_once_per_command(run, tmp_path: Path, monkeypatch) -> None:
    import shutil

    examples = Path(__file__).resolve().parent.parent / "examples" / "clinic-exercises"
    shutil.copytree(examples, tmp_path / "lib")  # two exercise files, and their pictures
    args = ["--date", DATE, "--library", "lib", "-e", "pelvic-tilt", "-e", "seated-march"]
    assert run("plan", *args, "-o", "p.toml").code == 0
    read = _count_library_reads(monkeypatch)
    for command in (["build", "--plan", "p.toml"], ["plan", "--plan", "p.toml", "-o", "q.toml"]):
        read.clear()
        result = run(*command)
        assert result.code == 0, result.stderr
        assert sorted(read) == ["pelvic-tilt.toml", "seated-march.toml"], command


def test_progress_resolves_the_plan_once(run, tmp_path: Path, monkeypatch) -> None:
    import makeplan.build
    import makeplan.layouts

    sheet = ["build", "--date", DATE, "-e", "glute-stretch", "--reps", "3", "-o", "s.pdf"]
    assert run(*sheet).code == 0
    loads: list[str] = []
    real = makeplan.build.load_layout

    def counting(reference: str, named_by: str = "--layout"):
        loads.append(reference)
        return real(reference, named_by)

    monkeypatch.setattr(makeplan.build, "load_layout", counting)
    result = run("build", "--from", "s.pdf", "--progress", "-o", "next.pdf")
    assert result.code == 0, result.stderr
    assert loads == ["one-page"]


def test_progress_alone_is_refused(run) -> None:
    assert_clean_error(run("build", "--progress"), "--from SHEET.pdf")


def _top_level_imports(path: Path, modules: set[str]) -> set[str]:
    """The makeplan modules `path` imports when it is imported (not in functions, not
    for type checking only)."""
    found: set[str] = set()
    for node in ast.parse(path.read_text("utf-8")).body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            continue
        for sub in ast.walk(node):
            if isinstance(sub, ast.Import):
                found |= {alias.name for alias in sub.names if alias.name in modules}
            elif isinstance(sub, ast.ImportFrom) and sub.module in modules:
                found.add(sub.module)
                found |= {f"{sub.module}.{a.name}" for a in sub.names} & modules
    return found


def _modules() -> dict[str, Path]:
    root = Path(makeplan.__file__).parent
    names: dict[str, Path] = {}
    for path in root.rglob("*.py"):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        names[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return names


def test_the_import_graph_has_no_cycles() -> None:
    modules = _modules()
    graph = {name: _top_level_imports(path, set(modules)) for name, path in modules.items()}
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(name: str) -> None:
        state[name] = 1
        stack.append(name)
        for other in sorted(graph[name]):
            if state.get(other) == 1:
                cycles.append([*stack[stack.index(other) :], other])
            elif other not in state:
                visit(other)
        stack.pop()
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name)
    assert cycles == []


def test_only_the_command_line_uses_click() -> None:
    for name, path in _modules().items():
        if name == "makeplan.cli" or name.startswith("makeplan.cli."):
            continue
        tree = ast.parse(path.read_text("utf-8"))
        imported = {
            alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
            for alias in node.names
        } | {
            node.module.split(".")[0] for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module
        }  # fmt: skip
        assert "click" not in imported, name

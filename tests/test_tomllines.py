"""The TOML line finder: every key's line, on the tricky corners of TOML."""

from __future__ import annotations

import tomllib

import pytest

from makeplan.tomllines import key_lines, line_of

CASES = [
    # (TOML text, path, expected line)
    ("a = 1\nb = 2\n", ("b",), 2),
    ('notes = """\nx\n"""\nb = 1\n', ("b",), 4),
    ('notes = """Quote marks: \\"""\'"""\nb = 1\n', ("b",), 2),
    ("notes = '''it's ''''\nb = 1\n", ("b",), 2),
    ('s = "a \\" # not a comment"\nb = 1\n', ("b",), 2),
    ('covers = [\n  3,\n  "x.pdf", # c\n]\n', ("covers", 1), 3),
    (
        '[[exercise]]\nid = "a"\n[[exercise]]\nid = "b"\nreps.count = 5\n',
        ("exercise", 1, "reps"),
        5,
    ),
    ('version = 1\n\n\npatient.first = "Ann"\n', ("patient",), 4),
    ('[[exercise]]\nid = "a"\n\n[exercise.extra]\nx = 1\n', ("exercise", 0, "extra"), 4),
    ('[[exercise]]\nid = "a"\n\n[exercise.extra]\nx = 1\n', ("exercise", 0, "extra", "x"), 5),
    ("a = {b = 1, c = [1,\n 2]}\n", ("a", "c", 1), 2),
    ("\"quoted key\" = 1\n'lit' = 2\n", ("lit",), 2),
    ("a = 1\r\nb = 2\r\n", ("b",), 2),
    ("[t]\n[[t.list]]\nx = 1\n[[t.list]]\nx = 2\n", ("t", "list", 1, "x"), 5),
]


@pytest.mark.parametrize(("text", "path", "line"), CASES)
def test_lines(text: str, path: tuple, line: int) -> None:
    tomllib.loads(text)  # every case is valid TOML
    assert line_of(key_lines(text), path) == line


def test_unfinished_text_ends() -> None:
    # Not valid TOML, but the scanner must still stop.
    for text in ('a = """never closed', "a = [1, 2", "[[", 'a = "x', "= = ="):
        key_lines(text)


# Quoted keys are named by what their escapes stand for; literal keys have none.
ESCAPED_KEYS = [
    # (TOML text, path as tomllib reads it, expected line)
    ('version = 1\n\n\n\n"\\u0064ays" = 99\n', ("days",), 5),
    ('a = 1\n"\\U00000064ays" = 1\n', ("days",), 2),
    ('a = 1\n"\\u0141ukasz" = 1\n', ("Łukasz",), 2),
    ('a = 1\n"tab\\there" = 1\n', ("tab\there",), 2),
    ('a = 1\n"say \\"hi\\"" = 1\n', ('say "hi"',), 2),
    ('a = 1\n"back\\\\slash" = 1\n', ("back\\slash",), 2),
    ('a = 1\n"\\\\u0064" = 1\n', ("\\u0064",), 2),
    ('a = 1\n"\\b\\f\\n\\r" = 1\n', ("\b\f\n\r",), 2),
    ("a = 1\n'lit\\u0064' = 1\n", ("lit\\u0064",), 2),
    ('a = 1\nb."\\u0063" = 1\n', ("b", "c"), 2),
    ('a = 1\n["\\u0074"]\nx = 1\n', ("t", "x"), 3),
    ('[["ex\\u0065rcise"]]\nid = "a"\n[[exercise]]\nreps = 5\n', ("exercise", 1, "reps"), 4),
    ('a = [{"\\u0062" = 1},\n {"\\u0063" = 2}]\n', ("a", 1, "c"), 2),
]


@pytest.mark.parametrize(("text", "path", "line"), ESCAPED_KEYS)
def test_keys_written_with_escapes(text: str, path: tuple, line: int) -> None:
    value = tomllib.loads(text)
    for key in path:  # the path is the one tomllib reads
        value = value[key]
    assert key_lines(text)[path] == line

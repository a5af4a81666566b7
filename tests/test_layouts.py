"""Layouts are data: packaged files found after install, user files validated strictly."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

import makeplan
from makeplan.errors import InputFileError
from makeplan.layouts import load_layout, packaged_layout_names
from support import MM, checkbox_fields, layout_problems, page_texts


def test_packaged_data_ships_inside_the_installed_package() -> None:
    root = resources.files("makeplan")
    assert (root / "layouts" / "one-page.toml").is_file()
    assert (root / "layouts" / "handout.toml").is_file()
    assert len([p for p in (root / "exercises").iterdir() if p.name.endswith(".toml")]) == 9
    assert "site-packages" in str(Path(makeplan.__file__))


def test_packaged_layouts_load() -> None:
    assert {"one-page", "handout"} <= set(packaged_layout_names())
    assert load_layout("one-page").single_page
    handout = load_layout("handout")
    assert not handout.single_page and handout.body_pt >= 12


def test_user_layout_extends_a_packaged_one(run, tmp_path) -> None:
    (tmp_path / "big.toml").write_text(
        'extends = "handout"\nname = "big"\n[text]\nbody_pt = 14\n[boxes]\nsize_mm = 8\n'
    )
    layout = load_layout(str(tmp_path / "big.toml"))
    assert layout.body_pt == 14 and layout.heading_pt == load_layout("handout").heading_pt
    result = run("build", "--layout", "big.toml", "-o", "big.pdf", "--date", "2026-11-23")
    assert result.code == 0, result.stderr
    assert len(page_texts(tmp_path / "big.pdf")) > 1
    assert layout_problems(tmp_path / "big.pdf", 12, 12) == []


def test_parent_path_is_relative_to_the_child_file(tmp_path) -> None:
    folder = tmp_path / "clinic"
    folder.mkdir()
    (folder / "base.toml").write_text('extends = "one-page"\n[page]\nmargin_mm = 20\n')
    (folder / "child.toml").write_text('extends = "base.toml"\n')
    assert load_layout(str(folder / "child.toml")).margin_mm == 20


@pytest.mark.parametrize(
    "content",
    [
        "[boxes]\nsize_mm = 3\n",
        '[page]\norientation = "sideways"\n',
        'single_page = "yes"\n',
        '[exercise]\narrangement = "grid"\n',
        "columns = 2\n",
    ],
)
def test_invalid_values_are_refused(tmp_path, content) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(content)
    with pytest.raises(InputFileError, match=r"bad\.toml"):
        load_layout(str(path))


# --- every packaged layout on both papers ---

LAYOUT_RULES = {
    # name: (margin mm, smallest text pt, smallest box mm, landscape)
    "one-page": (12, 8, 4, False),
    "handout": (12, 12, 6, False),
    "large-print": (12, 16, 8, False),
    "week": (10, 8, 4, True),
}
SIX = (
    "knee-hug-side-tilt",
    "single-knee-to-chest",
    "back-rounder",
    "hamstring-stretch",
    "seated-twist",
    "warrior-at-the-wall",
)


def box_sizes(path) -> list[float]:
    from support import checkbox_fields

    sizes = []
    for annot in checkbox_fields(path).values():
        x0, y0, x1, y1 = (float(v) for v in annot["/Rect"])
        sizes.append(min(x1 - x0, y1 - y0))
    return sizes


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("layout", sorted(LAYOUT_RULES))
def test_every_layout_fits_its_paper(run, tmp_path, layout: str, paper: str) -> None:
    import pypdf

    from support import MM, checkbox_fields

    margin, smallest_text, smallest_box, landscape = LAYOUT_RULES[layout]
    args = ["build", "--date", "2026-11-23", "--layout", layout, "--paper", paper]
    args += [arg for exercise in SIX for arg in ("-e", exercise)]
    args += ["--patient", "Ann Lee", "--clinician", "Jo Park", "--notes", "Keep the pillow."]
    result = run(*args)
    assert result.code == 0, result.stderr
    pdf = tmp_path / "routine.pdf"
    assert layout_problems(pdf, margin, smallest_text) == []
    reader = pypdf.PdfReader(pdf)
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    expected = {"a4": (595.3, 841.9), "letter": (612, 792)}[paper]
    if landscape:
        expected = expected[::-1]
    assert (round(width, 1), round(height, 1)) == pytest.approx(expected, abs=0.2)
    assert min(box_sizes(pdf)) >= smallest_box * MM - 0.01
    days = 7 if layout == "week" else 1
    from makeplan.catalogue import load_catalogue

    per_day = sum(e.reps * e.sides * e.sessions_per_day for e in load_catalogue() if e.id in SIX)
    assert len(checkbox_fields(pdf)) == per_day * days
    if layout == "one-page":
        assert len(reader.pages) == 1
        assert "pictures were left out" not in result.stderr
    if layout == "week":
        # Six exercises, the knee hug three times a day: 21 pain scales take a second
        # page, which the sheet says.
        assert len(reader.pages) == 2 and "goes on to 2 pages" in result.stderr


def test_week_is_a_landscape_week_with_a_column_per_day(run, tmp_path) -> None:
    result = run("build", "--date", "2026-11-23", "--layout", "week", "-e", "seated-twist")
    assert result.code == 0, result.stderr
    (text,) = page_texts(tmp_path / "routine.pdf")
    for day in ("Mon 23 Nov", "Tue 24 Nov", "Sun 29 Nov"):
        assert day in text
    assert "7-day sheet" in text
    # --days still wins over the layout's default of 7.
    assert (
        run(
            "build",
            "--date",
            "2026-11-23",
            "--layout",
            "week",
            "--days",
            "3",
            "-e",
            "seated-twist",
            "-o",
            "three.pdf",
        ).code
        == 0
    )
    assert "Thu 26 Nov" not in page_texts(tmp_path / "three.pdf")[0]


@pytest.mark.parametrize(("days", "paper"), [(28, "a4"), (31, "a4"), (28, "letter")])
def test_a_long_weeks_day_headings_are_never_cut(run, tmp_path, days, paper) -> None:
    import datetime as dt

    import pdfplumber

    result = run("build", "--date", "2026-11-23", "--layout", "week", "--days", str(days),
                 "--paper", paper, "-e", "back-rounder", "-e", "double-knee-lift",
                 "--reps", "1", "--sessions", "1")  # fmt: skip
    assert result.code == 0, result.stderr
    with pdfplumber.open(tmp_path / "routine.pdf") as pdf:
        page = pdf.pages[0]
        words = page.extract_words(x_tolerance=1)  # columns are close: keep words apart
        top = min(word["top"] for word in words if word["text"] == "Exercise")
        # The tick boxes: above the pain scales, which start at the table's left.
        scales = min([word["top"] for word in words if word["text"] == "Your"] + [page.height])
        boxes = [rect for rect in page.rects if top < rect["top"] < scales]
        first_box = min(rect["top"] for rect in boxes)
        left = min(rect["x0"] for rect in boxes) - 2 * MM
        heading = [word for word in words if top - 1 < word["top"] < first_box]
        heading = [word for word in heading if word["x0"] > left or word["text"] == "Exercise"]
    names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    whole = {"Exercise", *names, *(name[:2] for name in names), *(name[0] for name in names)}
    whole |= {"Nov", "Dec"} | {str(number) for number in range(1, 32)}
    assert {word["text"] for word in heading} <= whole
    numbers = sorted((word for word in heading if word["text"].isdigit()), key=lambda w: w["x0"])
    first = dt.date(2026, 11, 23)
    expected = [str((first + dt.timedelta(days=day)).day) for day in range(days)]
    assert [word["text"] for word in numbers] == expected


def test_week_says_clearly_when_it_does_not_fit(run, tmp_path) -> None:
    result = run("build", "--date", "2026-11-23", "--layout", "week", "--sessions", "8")
    assert result.code == 5
    assert "do not fit on one page of the week layout" in result.stderr
    assert not (tmp_path / "routine.pdf").exists()
    # 31 days of the stock week fit (a box to a line); boxes of 8 mm do not.
    (tmp_path / "big.toml").write_text(
        'extends = "week"\nname = "big"\n[boxes]\nsize_mm = 8\nmin_size_mm = 8\n'
    )
    wide = run("build", "--layout", "big.toml", "--days", "31", "-e", "seated-twist")
    assert wide.code == 5 and "column" in wide.stderr, wide.stderr
    assert not (tmp_path / "routine.pdf").exists()


def test_large_print_text_and_boxes_are_large(run, tmp_path) -> None:
    import pdfplumber

    from support import MM

    assert run("build", "--layout", "large-print", "-e", "seated-twist").code == 0
    with pdfplumber.open(tmp_path / "routine.pdf") as pdf:
        sizes = [char["size"] for page in pdf.pages for char in page.chars]
    assert min(sizes) >= 16 - 0.01
    assert min(box_sizes(tmp_path / "routine.pdf")) >= 7 * MM


# --- a user's layout files: every problem, each with its file and line ---

EXPECTED = "one-page, handout, large-print, week, or a layout .toml file relative to this file"
BAD_LAYOUTS = {
    "many problems in one file": (
        {
            "mine.toml": 'extends = "handout"\nname = 3\nsingle_page = "yes"\ncolumns = 2\n'
            'logo = 12\n[page]\norientation = "sideways"\nmargin_mm = 50\n[text]\n'
            'body_ptt = 14\nline_spacing = true\nfont = "Arial"\n[exercise]\n'
            'arrangement = "grid"\n[boxes]\nsize_mm = 3\n[picture]\nframes = "some"\n'
        },
        "mine.toml",
        [
            "mine.toml:2: name: is 3; expected the layout's name in quotes.",
            "mine.toml:3: single_page: is 'yes'; expected true or false.",
            "mine.toml:4: columns: is not a known field; expected one of: boxes, default_days, "
            "description, exercise, extends, logo, name, notes_area, page, "
            "page_numbers, picture, safety_style, single_page, text, title_page.",
            "mine.toml:5: logo: is 12; expected a [logo] table.",
            'mine.toml:7: page.orientation: is \'sideways\'; expected "portrait" or "landscape".',
            "mine.toml:8: page.margin_mm: is 50, too large; expected a number of millimetres "
            "from 5 to 40.",
            "mine.toml:10: text.body_ptt: is not a known field; did you mean 'body_pt'?",
            "mine.toml:11: text.line_spacing: is true; expected a multiple of the text size "
            "from 1.1 to 2.5.",
            'mine.toml:12: text.font: is \'Arial\'; expected "Helvetica", "Times-Roman" or '
            '"Courier".',
            "mine.toml:14: exercise.arrangement: is 'grid'; expected \"side-by-side\", "
            '"stacked" or "week-table".',
            "mine.toml:16: boxes.size_mm: is 3, too small; expected a box size in millimetres "
            "from 4 to 20.",
            "mine.toml:18: picture.frames: is 'some'; expected \"all\" "
            '(every frame) or "key" (one small frame).',
        ],
    ),
    "sizes below their floor, told where one of the two is set": (
        {
            "f.toml": 'extends = "handout"\n[text]\nbody_pt = 10\nmin_pt = 11\n'
            "[boxes]\nmin_size_mm = 8\n"
        },
        "f.toml",
        [
            "f.toml:3: text.body_pt: is 10, below text.min_pt (11); expected at least 11.",
            "f.toml:6: boxes.min_size_mm: is 8, above boxes.size_mm (6.5); expected at most 6.5.",
        ],
    ),
    "a floor above a default size": (
        {"d.toml": "[text]\nmin_pt = 10\n"},
        "d.toml",
        ["d.toml:2: text.min_pt: is 10, above text.label_pt (9); expected at most 9."],
    ),
    "a value out of range is told once, not again as below its floor": (
        {"t.toml": '[text]\nbody_pt = 3\n[boxes]\nsize_mm = "big"\nmin_size_mm = 9\n'},
        "t.toml",
        [
            "t.toml:2: text.body_pt: is 3, too small; expected a size in points from 8 to 32.",
            "t.toml:4: boxes.size_mm: is 'big'; expected a box size in millimetres from 4 to 20.",
        ],
    ),
    "dotted keys and inline tables": (
        {"i.toml": 'text.body_pt = 7\npage = { margin_mm = 4, size = "a4" }\n'},
        "i.toml",
        [
            "i.toml:1: text.body_pt: is 7, too small; expected a size in points from 8 to 32.",
            "i.toml:2: page.margin_mm: is 4, too small; expected a number of millimetres "
            "from 5 to 40.",
            "i.toml:2: page.size: is not a known field; expected one of: margin_mm, orientation.",
        ],
    ),
    "top-level whole numbers and switches": (
        {"w.toml": 'extends = "week"\ndefault_days = 0\n[picture]\nshow = 1\n'},
        "w.toml",
        [
            "w.toml:2: default_days: is 0, too small; expected a whole number of days from 1 "
            "to 31.",
            "w.toml:4: picture.show: is 1; expected true or false.",
        ],
    ),
    "a parent file's problems, after the file's own, at the parent's lines": (
        {
            "clinic/child.toml": 'extends = "base.toml"\n[text]\nbody_pt = 40\n',
            "clinic/base.toml": 'extends = "one-page"\n[page]\nmargin_mm = 2\nwidth = 3\n',
        },
        "clinic/child.toml",
        [
            "clinic/child.toml:3: text.body_pt: is 40, too large; expected a size in points "
            "from 8 to 32.",
            "clinic/base.toml:3: page.margin_mm: is 2, too small; expected a number of "
            "millimetres from 5 to 40.",
            "clinic/base.toml:4: page.width: is not a known field; expected one of: margin_mm, "
            "orientation.",
        ],
    ),
    "an unknown packaged parent (sizes are not compared without it)": (
        {"a.toml": 'extends = "hand-out"\n[text]\nmin_pt = 14\n'},
        "a.toml",
        [
            "a.toml:1: extends: is 'hand-out', not a packaged layout (did you mean 'handout'?); "
            f"expected {EXPECTED}."
        ],
    ),
    "a missing parent file": (
        {"b.toml": '# my layout\nextends = "gone.toml"\n'},
        "b.toml",
        [f"b.toml:2: extends: gone.toml is not found; expected {EXPECTED}."],
    ),
    "a folder as the parent": (
        {"c.toml": 'extends = "sub.toml"\n', "sub.toml": "<folder>"},
        "c.toml",
        [f"c.toml:1: extends: sub.toml is a folder; expected {EXPECTED}."],
    ),
    "a loop of two files": (
        {"x.toml": 'extends = "y.toml"\n', "y.toml": 'extends = "./x.toml"\n'},
        "x.toml",
        [
            "y.toml:1: extends: is './x.toml', which leads back to x.toml: a loop; expected a "
            "layout that does not lead back to this one."
        ],
    ),
    "extends that is not a name": (
        {"e.toml": "extends = 3\n[text]\nmin_pt = 30\n"},
        "e.toml",
        [f"e.toml:1: extends: is 3; expected {EXPECTED}."],
    ),
    "extends that is blank": (
        {"e.toml": 'extends = " "\n'},
        "e.toml",
        [f"e.toml:1: extends: is empty; expected {EXPECTED}."],
    ),
    "a syntax error": (
        {"s.toml": "[text]\nbody_pt = 12\n[boxes\n"},
        "s.toml",
        ["s.toml:3: syntax: Expected ']' at the end of a table declaration; expected valid TOML."],
    ),
    "a syntax error in the parent": (
        {"k.toml": 'extends = "p.toml"\n[text]\nmin_pt = 20\n', "p.toml": 'name = "open\n'},
        "k.toml",
        ["p.toml:1: syntax: Illegal character '\\n'; expected valid TOML."],
    ),
    "not UTF-8": (
        {"u.toml": b'name = "caf\xe9"\n'},
        "u.toml",
        ["u.toml:1: file: is not UTF-8 text; expected a .toml file saved as UTF-8."],
    ),
}


def write_files(folder: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif content == "<folder>":
            path.mkdir()
        else:
            path.write_text(content)


@pytest.mark.parametrize("case", sorted(BAD_LAYOUTS))
def test_bad_layout_files_give_every_problem_with_its_line(run, tmp_path, case) -> None:
    files, given, expected = BAD_LAYOUTS[case]
    write_files(tmp_path, files)
    checked = run("check", given)
    assert checked.code == 1
    assert checked.text.splitlines() == expected
    # A build stops with the same lines under the plan files' heading, and writes nothing.
    built = run("build", "--layout", given, "-o", "s.pdf")
    count = len(expected)
    heading = f"Error: {given} has {count} problem{'s' if count > 1 else ''}; fix "
    assert built.code == 3
    assert built.stderr.splitlines() == [
        heading + ("them and run again:" if count > 1 else "it and run again:"),
        *expected,
    ]
    assert not (tmp_path / "s.pdf").exists()


def test_a_plan_naming_a_bad_layout_gives_the_layouts_lines(run, tmp_path) -> None:
    (tmp_path / "mine.toml").write_text('extends = "handout"\n[boxes]\nsize_mm = 30\n')
    (tmp_path / "p.toml").write_text('version = 1\nlayout = "mine.toml"\n')
    line = "mine.toml:3: boxes.size_mm: is 30, too large; expected a box size in millimetres "
    line += "from 4 to 20."
    assert run("check", "p.toml").text.splitlines() == [line]
    built = run("build", "--plan", "p.toml")
    assert built.code == 3
    assert built.stderr.splitlines() == ["Error: p.toml has 1 problem; fix it and run again:", line]


def test_packaged_layouts_pass_the_layout_schema() -> None:
    # The packaged layouts are read without jsonschema at run time (like the catalogue),
    # so this test is what keeps them valid, size floors included.
    from makeplan.layouts import layout_problems

    for name in packaged_layout_names():
        entry = resources.files("makeplan") / "layouts" / f"{name}.toml"
        assert layout_problems(Path(f"layouts/{name}.toml"), entry.read_bytes()) == [], name


def test_the_schema_lists_every_layout_key_with_its_default() -> None:
    import dataclasses

    from makeplan.layouts import ARRANGEMENTS, KEYS, MIN_BOX_MM, MIN_TEXT_PT, Layout
    from makeplan.validation import schema

    def keys(node: dict, path: tuple = ()) -> dict[tuple, dict]:
        found = {}
        for key, item in node.get("properties", {}).items():
            if "properties" in item:
                found.update(keys(item, (*path, key)))
            else:
                found[(*path, key)] = item
        return found

    written = keys(schema("layout"))
    assert set(KEYS) == {field.name for field in dataclasses.fields(Layout)}
    assert set(KEYS.values()) == set(written) - {("extends",)}
    # The names the code uses are the schema's.
    assert tuple(written[("exercise", "arrangement")]["enum"]) == ARRANGEMENTS
    text_sizes = [key for key in written if key[0] == "text" and key[1].endswith("_pt")]
    assert {written[key]["minimum"] for key in text_sizes} == {MIN_TEXT_PT}
    assert written[("boxes", "size_mm")]["minimum"] == MIN_BOX_MM
    assert written[("boxes", "min_size_mm")]["minimum"] == MIN_BOX_MM
    # Every key but these has a default: the name is the file's, the days the sheet's.
    assert {key for key, item in written.items() if "default" not in item} == {
        ("extends",),
        ("name",),
        ("default_days",),
    }


def test_only_a_users_layout_loads_jsonschema(tmp_path) -> None:
    import subprocess
    import sys

    (tmp_path / "mine.toml").write_text('extends = "handout"\n')

    def loads_jsonschema(*args: str) -> bool:
        code = (
            "import sys; from makeplan.cli import run\n"
            f"run({list(args)!r})\n"
            "sys.stderr.write(str('jsonschema' in sys.modules))"
        )
        done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True)
        return done.stderr.decode().strip().splitlines()[-1] == "True"

    assert not loads_jsonschema("list")
    assert not loads_jsonschema("build", "-o", "a.pdf")
    assert not loads_jsonschema("build", "--layout", "large-print", "-o", "b.pdf")
    assert (tmp_path / "b.pdf").is_file()
    assert loads_jsonschema("build", "--layout", "mine.toml", "-o", "c.pdf")


def test_a_week_too_full_for_one_page_goes_on_to_a_second_with_its_headings(run, tmp_path) -> None:
    # The whole catalogue with a name and a contact line: one page cannot hold it at
    # the smallest size, so the table goes on, day headings repeated, pages numbered.
    result = run("build", "--date", "2026-11-30", "--layout", "week", "--patient", "Jo Park",
                 "--contact", "the clinic on 0161 000 0000", "-o", "w.pdf")  # fmt: skip
    assert result.code == 0, result.stderr
    assert "goes on to 2 pages" in result.stderr
    pdf = tmp_path / "w.pdf"
    texts = [" ".join(text.split()) for text in page_texts(pdf)]
    assert len(texts) == 2
    for number, text in enumerate(texts, start=1):
        assert "Mon 30 Nov" in text and "Sun 6 Dec" in text, number
        assert f"Page {number} of 2" in text
    assert "Emergency now" in texts[0]
    assert "Take care:" in texts[1] and "Your pain after each round" in texts[1]
    # Every box is there once, and nothing is outside the margins or overlapping.
    expected = sum(
        exercise["reps"] * exercise["sides"] * exercise["sessions_per_day"] * 7
        for exercise in json.loads(run("list", "--format", "json").text)
    )
    assert len(checkbox_fields(pdf)) == expected
    margin, smallest_text, _, _ = LAYOUT_RULES["week"]
    assert layout_problems(pdf, margin, smallest_text) == []

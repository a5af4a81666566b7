"""Layouts are data: packaged files found after install, user files validated strictly."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

import makeplan
from makeplan.errors import InputFileError
from makeplan.layouts import load_layout, packaged_layout_names
from support import MM, layout_problems, page_texts


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
    assert layout_problems(tmp_path / "big.pdf", 18, 12) == []


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
    "handout": (18, 12, 6, False),
    "large-print": (15, 16, 8, False),
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
    if layout in ("one-page", "week"):
        assert len(reader.pages) == 1
        assert "pictures were left out" not in result.stderr


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
        boxes = [rect for rect in page.rects if rect["top"] > top]
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
    wide = run("build", "--layout", "week", "--days", "31", "-e", "seated-twist")
    assert wide.code == 5 and "column" in wide.stderr


def test_large_print_text_and_boxes_are_large(run, tmp_path) -> None:
    import pdfplumber

    from support import MM

    assert run("build", "--layout", "large-print", "-e", "seated-twist").code == 0
    with pdfplumber.open(tmp_path / "routine.pdf") as pdf:
        sizes = [char["size"] for page in pdf.pages for char in page.chars]
    assert min(sizes) >= 16 - 0.01
    assert min(box_sizes(tmp_path / "routine.pdf")) >= 7 * MM

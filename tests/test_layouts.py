"""Layouts are data: packaged files found after install, user files validated strictly."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

import makeplan
from makeplan.errors import InputFileError
from makeplan.layouts import load_layout, packaged_layout_names
from support import layout_problems, page_texts


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

"""Nothing left out in silence (issue 17, item 3): the title page's list of exercises,
the notes lines and the footer's safety reminder are printed, or a `Warning:` on
stderr says what was left out, why, and what to do.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from makeplan import wording
from support import page_texts, printed_text

ROOT = Path(__file__).resolve().parent.parent
DATE = ("--date", "2026-11-30")


def warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("Warning:")]


def logo(tmp_path: Path) -> str:
    shutil.copy(ROOT / "examples" / "clinic-logo.png", tmp_path / "logo.png")
    return "logo.png"


@pytest.mark.parametrize("layout", ["handout", "large-print"])
@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("with_logo", [False, True])
def test_the_list_of_exercises_is_printed_or_its_absence_said(
    run, tmp_path: Path, layout: str, paper: str, with_logo: bool
) -> None:
    extra = ("--logo", logo(tmp_path)) if with_logo else ()
    result = run("build", *DATE, "--layout", layout, "--paper", paper, *extra, "-o", "s.pdf")
    assert result.code == 0, result.stderr
    printed = wording.EXERCISE_LIST_HEADING in " ".join(page_texts(tmp_path / "s.pdf"))
    said = [w for w in warnings(result.stderr) if "'Your exercises' was left off" in w]
    assert printed != bool(said), (printed, said)


def test_the_list_goes_on_the_page_the_title_page_spills_onto(run, tmp_path: Path) -> None:
    """The handout's title page spills onto a second page with or without the list:
    leaving the list out would save no page, so it is printed there."""
    result = run("build", *DATE, "--layout", "handout", "--logo", logo(tmp_path), "-o", "h.pdf")
    assert result.code == 0
    pages = page_texts(tmp_path / "h.pdf")
    assert wording.EXERCISE_LIST_HEADING in pages[1]
    assert "Warning" not in result.stderr


def test_the_list_kept_off_the_title_page_heads_the_first_exercise_page(
    run, tmp_path: Path
) -> None:
    """The handout's title page of the whole catalogue fits one page without the list,
    two with it: the list moves to the top of the first exercise page, not dropped."""
    result = run("build", *DATE, "--layout", "handout", "-o", "l.pdf")
    assert result.code == 0
    assert "'Your exercises'" not in result.stderr
    pages = page_texts(tmp_path / "l.pdf")
    assert wording.EXERCISE_LIST_HEADING not in pages[0]
    assert wording.EXERCISE_LIST_HEADING in pages[1]
    assert "1. Knee hug with side tilt" in pages[1]


@pytest.mark.parametrize("layout", ["handout", "large-print"])
@pytest.mark.parametrize("selection", [(), ("-a", "gentle")])
def test_the_notes_lines_are_printed_or_their_absence_said(
    run, tmp_path: Path, layout: str, selection: tuple[str, ...]
) -> None:
    result = run("build", *DATE, "--layout", layout, *selection, "-o", "s.pdf")
    assert result.code == 0
    printed = wording.NOTES_PROMPT in printed_text(tmp_path / "s.pdf")
    said = [w for w in warnings(result.stderr) if "'My notes' lines were left out" in w]
    assert printed != bool(said), (printed, said)


def test_notes_lines_with_no_room_are_said(run, tmp_path: Path) -> None:
    # The whole catalogue in large print: its last exercise and the pain scales fill
    # the last page.
    result = run("build", *DATE, "--layout", "large-print", "-o", "l.pdf")
    assert (
        "Warning: the 'My notes' lines were left out: the last page has no room left for "
        "them; the patient can write notes on the back of the page."
    ) in result.stderr.splitlines()


def test_a_footer_too_long_for_its_line_is_cut_and_said(run, tmp_path: Path) -> None:
    """It used to lose its last words ('page 1.') without a word."""
    (tmp_path / "big.toml").write_text(
        'extends = "handout"\nname = "big"\n[page]\nmargin_mm = 30\n'
        "[text]\ntitle_pt = 20\nheading_pt = 20\nbody_pt = 20\nlabel_pt = 20\nmin_pt = 20\n"
    )
    result = run("build", *DATE, "--layout", "big.toml", "-e", "back-rounder", "--reps", "1",
                 "--no-title-page", "-o", "b.pdf")  # fmt: skip
    assert result.code == 0, result.stderr
    assert (
        "Warning: cut short with '\u2026' to fit: the safety reminder at the foot of the pages; "
        "use a layout with a smaller text.label_pt or page.margin_mm."
    ) in result.stderr.splitlines()
    assert "\u2026" in page_texts(tmp_path / "b.pdf")[1]

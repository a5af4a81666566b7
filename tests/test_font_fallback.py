"""A --font that lacks makeplan's own letters (a Chinese font picked for a name): the
bundled font draws them, so the title, the safety note and the steps always print;
where even that cannot be done, the build is refused and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pytest
from fontTools import subset
from fontTools.ttLib import TTFont

from support import assert_clean_error

BUNDLED = Path(__file__).resolve().parent.parent / "assets" / "fonts" / "DejaVuSans.ttf"
NAME = "\u0391\u03bd\u03bd\u03b1"  # Anna, in Greek letters
GREEK = [*range(0x391, 0x3CA), *range(0x30, 0x3A), 0x20]


def greek_only_font(target: Path, family: str | None) -> Path:
    """A TrueType font with Greek letters and digits but no Latin letters; renamed
    `family` so it is not taken for the bundled DejaVu Sans."""
    font = TTFont(str(BUNDLED))
    options = subset.Options()
    options.name_IDs = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=GREEK)
    subsetter.subset(font)
    if family is not None:
        for record in font["name"].names:
            if record.nameID in (1, 3, 4, 6, 16):
                record.string = family
    font.save(str(target))
    return target


def test_makeplans_own_wording_prints_in_the_bundled_font(run, tmp_path) -> None:
    font = greek_only_font(tmp_path / "greek.ttf", "GreekOnlyTest")
    result = run("build", "--font", str(font), "--patient", NAME, "-a", "gentle", "-o", "s.pdf")
    assert result.code == 0, result.stderr
    # Words may wrap onto the next line (the gentle sheet grows to 12 pt).
    text = " ".join(pypdf.PdfReader(tmp_path / "s.pdf").pages[0].extract_text().split())
    for words in ("My back exercises", "Emergency now", "Stop, or do less", NAME,
                  "Knee hug with side tilt", "no pain", "Right"):  # fmt: skip
        assert words in text, words
    # Drawn, not only present as text: the safety box has ink in it.
    page = pdfium.PdfDocument(tmp_path / "s.pdf")[0]
    bitmap = page.render(scale=1).to_pil().convert("L")
    assert bitmap.getextrema()[0] < 100
    fonts = {
        str(font.get_object()["/BaseFont"])
        for font in pypdf.PdfReader(tmp_path / "s.pdf").pages[0]["/Resources"]["/Font"].values()
    }
    assert any("GreekOnlyTest" in name for name in fonts), fonts
    assert any("DejaVuSans" in name for name in fonts), fonts


def test_layouts_fit_with_the_fallback(run, tmp_path) -> None:
    font = greek_only_font(tmp_path / "greek.ttf", "GreekOnlyTest")
    for layout in ("handout", "week"):
        result = run("build", "--font", str(font), "--layout", layout, "-a", "gentle",
                     "-o", f"{layout}.pdf")  # fmt: skip
        assert result.code == 0, result.stderr
        assert (
            "Emergency now" in pypdf.PdfReader(tmp_path / f"{layout}.pdf").pages[0].extract_text()
        )


@pytest.mark.parametrize("fillable", ["--fillable", "--no-fillable"])
def test_a_font_whose_letters_cannot_be_supplied_is_refused(run, tmp_path, fillable) -> None:
    # Named DejaVu Sans like the bundled font: the two cannot share a file, so there is
    # no fallback, and the sheet would print without its safety note.
    font = greek_only_font(tmp_path / "dejavu-greek.ttf", None)
    (tmp_path / "s.pdf").write_bytes(b"old")
    result = run("build", "--font", str(font), fillable, "-o", "s.pdf")
    assert_clean_error(result, "--font", "safety note would not print", "Latin alphabet")
    assert (tmp_path / "s.pdf").read_bytes() == b"old"


LATIN = frozenset(range(0x20, 0x7F)) | {0x3C0}  # like Vera: Latin, and a lone pi
BOTH = frozenset(range(0x20, 0x7F)) | frozenset(range(0x391, 0x3CA))


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("Safety first", [("U", "Safety first")]),
        ("For: \u03c0\u03b1\u03c0\u03b1", [("U", "For: "), ("F", "\u03c0\u03b1\u03c0\u03b1")]),
        ("\u03c0 x", [("U", "\u03c0 x")]),  # a word the font has stays in it
        ("a\u05e9b", [("U", "a\u05e9b")]),  # neither has Hebrew: left to the font
        ("\u03b1\u05e9", [("F", "\u03b1"), ("U", "\u05e9")]),  # letter by letter
        ("  lead", [("U", "  lead")]),
        ("", []),
    ],
)
def test_font_runs(text: str, runs: list[tuple[str, str]]) -> None:
    from makeplan.fonts import font_runs

    assert font_runs(text, "U", LATIN, "F", BOTH) == runs


def fonts_printed(path: Path) -> set[str]:
    reader = pypdf.PdfReader(path)
    return {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }


def test_the_font_is_kept_in_plans_and_in_the_sheets_own_plan(run, tmp_path) -> None:
    (tmp_path / "fonts").mkdir()
    font = greek_only_font(tmp_path / "fonts" / "greek.ttf", "GreekOnlyTest")
    args = ["--font", str(font.relative_to(tmp_path)), "--patient", NAME, "--date", "2026-11-02"]
    assert run("plan", *args, "-o", "p.toml").code == 0
    assert 'font = "fonts/greek.ttf"' in (tmp_path / "p.toml").read_text()
    assert run("build", "--plan", "p.toml", "-o", "from-plan.pdf").code == 0
    assert any("GreekOnlyTest" in name for name in fonts_printed(tmp_path / "from-plan.pdf"))
    # Next week's sheet from the returned one prints in the same font.
    assert run("build", *args, "-o", "week1.pdf").code == 0
    result = run("build", "--from", "week1.pdf", "-o", "week2.pdf")
    assert result.code == 0, result.stderr
    assert any("GreekOnlyTest" in name for name in fonts_printed(tmp_path / "week2.pdf"))
    # A plan whose font is missing: its line, and what is expected.
    (tmp_path / "p.toml").write_text(
        (tmp_path / "p.toml").read_text().replace("fonts/greek.ttf", "fonts/gone.ttf")
    )
    check = run("check", "p.toml")
    assert check.code == 1 and "gone.ttf is not found; expected a TrueType" in check.text
    assert check.text.startswith("p.toml:"), check.text

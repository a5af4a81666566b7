"""Any text, any alphabet: it prints in a font that has it, and never leaves its box."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pdfplumber
import pikepdf
import pytest

from support import assert_clean_error, layout_problems, page_texts

LAYOUT_MARGINS = {"one-page": 12, "handout": 12, "large-print": 12, "week": 10}
GREEK = "Γιώργος Παπαδόπουλος"
CYRILLIC = "Дмитрий Иванов"


def font_names(pdf: Path) -> set[str]:
    """The fonts the characters on the pages are printed in."""
    with pdfplumber.open(pdf) as doc:
        return {char["fontname"] for page in doc.pages for char in page.chars}


def embedded_fonts(pdf: Path) -> int:
    """How many font files the PDF carries."""
    with pikepdf.open(pdf) as doc:
        return sum(
            1 for obj in doc.objects if isinstance(obj, pikepdf.Dictionary) and "/FontFile2" in obj
        )


def test_latin_text_uses_the_standard_fonts(run, tmp_path: Path) -> None:
    # Up to the moderate exercises: the whole catalogue in the wider bundled font
    # goes on to a second page at 9 pt, with a warning of its own.
    result = run("build", "--patient", "Zoë Müller-Łukasz", "-a", "moderate", "-o", "s.pdf")
    # Ł is not in Windows-1252, so this one needs the bundled font...
    assert result.code == 0 and "Warning" not in result.stderr
    assert any("DejaVuSans" in name for name in font_names(tmp_path / "s.pdf"))
    result = run("build", "--patient", "Zoë Müller", "-o", "plain.pdf")
    # ...and this one does not: nothing is embedded.
    assert font_names(tmp_path / "plain.pdf") <= {"Helvetica", "Helvetica-Bold"}
    assert embedded_fonts(tmp_path / "plain.pdf") == 0


@pytest.mark.parametrize("layout", sorted(LAYOUT_MARGINS))
def test_greek_and_cyrillic_print_as_text(run, tmp_path: Path, layout: str) -> None:
    result = run("build", "--layout", layout, "--patient", GREEK, "--clinician", CYRILLIC,
                 "-a", "gentle", "-o", "s.pdf")  # fmt: skip
    assert result.code == 0, result.stderr
    # No warning about the letters (large print's last page has no room for the
    # notes lines, which is said, and is not about them).
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning")]
    assert [line for line in warnings if "'My notes' lines" not in line] == []
    text = "\n".join(page_texts(tmp_path / "s.pdf"))
    assert GREEK in text and CYRILLIC in text
    fonts = font_names(tmp_path / "s.pdf")
    # Embedded as subsets ("ABCDEF+DejaVuSans"), never the whole font.
    assert fonts and all("+DejaVuSans" in name for name in fonts), fonts
    assert embedded_fonts(tmp_path / "s.pdf") == 2  # regular and bold
    assert layout_problems(tmp_path / "s.pdf", LAYOUT_MARGINS[layout]) == []


def test_characters_no_font_has_are_named_in_one_warning(run, tmp_path: Path) -> None:
    result = run("build", "--patient", "Ana 😀 שלום", "-a", "moderate", "-o", "s.pdf")
    assert result.code == 0
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning")]
    assert len(warnings) == 1
    assert "😀" in warnings[0] and "ש" in warnings[0] and "--font" in warnings[0]


def test_combining_accents_print_as_ready_made_letters(run, tmp_path: Path) -> None:
    result = run("build", "--patient", "Jose\u0301 Ren\u0303a", "-a", "moderate", "-o", "s.pdf")
    assert result.code == 0 and "Warning" not in result.stderr
    assert "José Reña" in page_texts(tmp_path / "s.pdf")[0]


def test_a_font_of_your_own(run, tmp_path: Path) -> None:
    spec = importlib.util.find_spec("reportlab")
    assert spec is not None and spec.origin is not None
    vera = Path(spec.origin).parent / "fonts" / "Vera.ttf"
    result = run("build", "--font", str(vera), "--patient", "Ann Lee", "-a", "moderate",
                 "-o", "s.pdf")  # fmt: skip
    assert result.code == 0, result.stderr
    assert all("Vera" in name for name in font_names(tmp_path / "s.pdf"))
    assert "Ann Lee" in page_texts(tmp_path / "s.pdf")[0]
    # Vera has no Greek: the bundled font draws it. Nor Hebrew, which the bundled
    # font lacks too: the warning says so and suggests another font.
    result = run("build", "--font", str(vera), "--patient", GREEK, "-a", "moderate", "-o", "g.pdf")
    assert result.code == 0 and "Warning" not in result.stderr
    assert GREEK in page_texts(tmp_path / "g.pdf")[0]
    result = run(
        "build", "--font", str(vera), "--patient", "\u05e9\u05dc\u05d5\u05dd", "-o", "h.pdf"
    )
    assert result.code == 0 and "U+05E9" in result.stderr and "--font" in result.stderr


@pytest.mark.parametrize(
    ("content", "needle"),
    [(b"", "font"), (b"not a font at all", "TrueType"), (None, "no such file")],
)
def test_a_bad_font_is_one_clear_error(run, tmp_path: Path, content, needle) -> None:
    if content is not None:
        (tmp_path / "bad.ttf").write_bytes(content)
    (tmp_path / "out.pdf").write_bytes(b"old")
    result = run("build", "--font", "bad.ttf", "-o", "out.pdf")
    assert_clean_error(result, "--font", needle)
    assert (tmp_path / "out.pdf").read_bytes() == b"old"


def test_unicode_sheets_are_byte_identical(run, tmp_path: Path) -> None:
    for name in ("a.pdf", "b.pdf"):
        args = ("build", "--patient", GREEK, "--date", "2026-11-23", "-o", name)
        assert run(*args).code == 0
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


@pytest.mark.parametrize("layout", sorted(LAYOUT_MARGINS))
@pytest.mark.parametrize("length", [1, 40, 300, 2000])
def test_long_texts_stay_in_their_box(run, tmp_path: Path, layout: str, length: int) -> None:
    words = ("Averylongname " * 200)[:length].strip() or "A"
    unbroken = "X" * length
    result = run(
        "build", "--layout", layout, "-a", "gentle", "--patient", words,
        "--clinician", unbroken, "--notes", words, "-o", "s.pdf",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    assert layout_problems(tmp_path / "s.pdf", LAYOUT_MARGINS[layout]) == []
    cut = "…" in "".join(page_texts(tmp_path / "s.pdf"))
    warned = "cut short" in result.stderr
    assert cut == warned
    if length <= 40:
        assert not cut


def test_a_long_library_exercise_name_is_cut_with_a_warning(run, tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    text = (root / "makeplan" / "exercises" / "back-rounder.toml").read_text()
    long_name = " ".join(["Extraordinarily"] * 40)
    (tmp_path / "long.toml").write_text(
        text.replace('id = "back-rounder"', 'id = "long"').replace(
            'name = "Back rounder"', f'name = "{long_name}"'
        )
    )
    for layout in ("one-page", "handout", "week"):
        result = run("build", "--library", "long.toml", "-e", "long", "--layout", layout,
                     "-o", f"{layout}.pdf")  # fmt: skip
        assert result.code == 0, result.stderr
        assert "the name of exercise 1" in result.stderr
        assert layout_problems(tmp_path / f"{layout}.pdf", LAYOUT_MARGINS[layout]) == []


# --- found by trying to break it ---

ROOT = Path(__file__).resolve().parent.parent


def library_copy(tmp_path: Path) -> Path:
    import shutil

    target = tmp_path / "lib"
    shutil.copytree(ROOT / "examples" / "clinic-exercises", target)
    return target


def test_the_output_is_never_a_file_the_sheet_is_made_from(run, tmp_path: Path) -> None:
    library_copy(tmp_path)
    spec = importlib.util.find_spec("reportlab")
    assert spec is not None and spec.origin is not None
    (tmp_path / "f.ttf").write_bytes((Path(spec.origin).parent / "fonts" / "Vera.ttf").read_bytes())
    (tmp_path / "base.toml").write_text('extends = "handout"\nname = "base"\n')
    (tmp_path / "child.toml").write_text('extends = "base.toml"\nname = "child"\n')
    cases = [
        ["--font", "f.ttf", "-o", "f.ttf"],
        ["--library", "lib", "-o", "lib/seated-march.toml"],
        ["--library", "lib", "-e", "seated-march", "-o", "lib/pictures/seated-march.jpg"],
        ["--library", "lib", "-e", "pelvic-tilt", "-o", "lib/pictures/pelvic-tilt-pose.toml"],
        ["--layout", "child.toml", "-o", "base.toml"],
    ]
    for args in cases:
        target = tmp_path / args[-1]
        before = target.read_bytes()
        result = run("build", *args)
        assert result.code == 6, (args, result.stderr)
        assert "made from" in result.stderr or "is also the" in result.stderr
        assert target.read_bytes() == before, args


def test_a_banner_logo_keeps_the_page_header_inside_the_margin(run, tmp_path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (1000, 50), (0, 0, 200)).save(tmp_path / "banner.png")
    for layout in ("handout", "large-print"):
        result = run("build", "--layout", layout, "--logo", "banner.png", "-o", "b.pdf")
        assert result.code == 0, result.stderr
        assert layout_problems(tmp_path / "b.pdf", LAYOUT_MARGINS[layout]) == []


def test_a_long_list_of_cautions_flows_onto_the_next_page(run, tmp_path: Path) -> None:
    text = (ROOT / "makeplan" / "exercises" / "back-rounder.toml").read_text()
    start = text.index("cautions = [")
    end = text.index("]", start) + 1
    cautions = ", ".join(f'"Stop if it hurts ({number})."' for number in range(1, 81))
    # Its [added] table named the back rounder's own caution, now gone.
    rest = text[end:].replace('cautions = ["Lift your head only as far as feels OK."]\n', "")
    (tmp_path / "careful.toml").write_text(
        text[:start].replace('id = "back-rounder"', 'id = "careful"')
        + f"cautions = [{cautions}]"
        + rest
    )
    for layout in ("handout", "large-print"):
        result = run("build", "--library", "careful.toml", "-e", "careful", "--layout", layout,
                     "-o", "c.pdf")  # fmt: skip
        assert result.code == 0, result.stderr
        text_out = "\n".join(page_texts(tmp_path / "c.pdf"))
        assert "Stop if it hurts (80)." in text_out
        assert layout_problems(tmp_path / "c.pdf", LAYOUT_MARGINS[layout]) == []


def test_notes_are_cut_shorter_before_a_single_page_gives_up(run, tmp_path: Path) -> None:
    notes = "Keep going slowly. " * 90
    # Six exercises: with more, the week's rows, its pain row and the three tiers of
    # warning signs leave no room for any notes on letter paper in the wider DejaVu font
    # (and the week goes on to a second page, notes whole, rather than cut them).
    eight = [
        "knee-hug-side-tilt",
        "single-knee-to-chest",
        "back-rounder",
        "glute-stretch",
        "double-knee-lift",
        "hamstring-stretch",
    ]
    chosen = [arg for exercise in eight for arg in ("-e", exercise)]
    result = run("build", "--layout", "week", "--paper", "letter", "--patient", "Ω", *chosen,
                 "--notes", notes, "-o", "w.pdf")  # fmt: skip
    assert result.code == 0, result.stderr
    assert "the clinician's notes" in result.stderr
    assert layout_problems(tmp_path / "w.pdf", LAYOUT_MARGINS["week"]) == []


def test_captions_of_a_library_pose_count_for_the_font(run, tmp_path: Path) -> None:
    lib = library_copy(tmp_path)
    pose = lib / "pictures" / "pelvic-tilt-pose.toml"
    pose.write_text(pose.read_text().replace("Lie down, knees bent", "Ξαπλώστε κάτω"))
    result = run("build", "--library", "lib", "-e", "pelvic-tilt", "--layout", "handout",
                 "-o", "p.pdf")  # fmt: skip
    assert result.code == 0 and "Warning" not in result.stderr, result.stderr
    assert "Ξαπλώστε κάτω" in "".join(page_texts(tmp_path / "p.pdf"))
    pose.write_text(pose.read_text().replace("Ξαπλώστε κάτω", "Lie down 👍"))
    result = run("build", "--library", "lib", "-e", "pelvic-tilt", "--layout", "handout",
                 "-o", "q.pdf")  # fmt: skip
    assert "👍" in result.stderr


def test_deeply_nested_toml_is_a_clean_problem(run, tmp_path: Path) -> None:
    (tmp_path / "deep").mkdir()
    (tmp_path / "deep" / "x.toml").write_text("x = " + "[" * 2000 + "]" * 2000 + "\n")
    result = run("build", "--library", "deep", "-o", "d.pdf")
    assert result.code == 3 and "too deeply" in result.stderr, result.stderr
    assert run("check", "deep").code == 1
    (tmp_path / "deep.toml").write_text("x = " + "[" * 2000 + "]" * 2000 + "\n")
    layout = run("build", "--layout", "deep.toml")
    assert layout.code == 3 and layout.stderr.splitlines() == [
        "Error: deep.toml has 1 problem; fix it and run again:",
        "deep.toml:1: file: nests lists or tables too deeply to read; expected a plain TOML file.",
    ]
    plan = run("build", "--plan", "deep.toml")
    assert plan.code == 3 and "too deeply" in plan.stderr


def test_the_last_day_of_the_calendar_is_a_fine_date(run, tmp_path: Path) -> None:
    assert run("build", "--date", "9999-12-31", "-o", "last.pdf").code == 0


def test_messages_say_what_is_wrong(run, tmp_path: Path) -> None:
    (tmp_path / "p.toml").write_text(
        'version = 1\nability = "3"\nlogo = "/dev/zero"\ncovers = ["/dev/zero"]\n'
    )
    out = run("check", "p.toml").text
    assert "did you mean '3'" not in out and "ability: is '3'" in out
    assert "/dev/zero is not a regular file" in out

"""The emergency number and the clinic's contact line in the warning signs.

Clinics are in different countries (999, 911, 112), so the number to call is
a setting; by default the line says "call an ambulance", right everywhere.
The number and the contact print in the safety panel, which must print whole:
anything that is not a phone number, or a contact the fonts cannot show, is
refused and no sheet is written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support import assert_clean_error, page_texts

DATE = ("--date", "2026-11-30")
CONTACT = "Jo Park on 01632 960 000"


def flat(path: Path) -> str:
    return " ".join(" ".join(page_texts(path)).split())


@pytest.mark.parametrize("layout", ["one-page", "week", "handout", "large-print"])
def test_the_emergency_number_and_contact_print_on_every_layout(run, tmp_path, layout) -> None:
    args = ("build", *DATE, "--layout", layout, "--emergency", "999", "--contact", CONTACT)
    assert run(*args, "-o", "s.pdf").code == 0
    text = flat(tmp_path / "s.pdf")
    assert "Emergency now: call 999 or go to a hospital if you have" in text
    assert "call an ambulance" not in text
    assert f"Questions? Call {CONTACT}." in text


def test_without_a_number_the_line_says_call_an_ambulance_and_has_no_contact(run, tmp_path) -> None:
    assert run("build", *DATE, "-o", "s.pdf").code == 0
    text = flat(tmp_path / "s.pdf")
    assert "call an ambulance or go to a hospital" in text
    assert "Questions?" not in text


@pytest.mark.parametrize(
    ("given", "printed"),
    [
        ("999", "999"),
        ("  112 ", "112"),
        ("+44 20 7946 0000", "+44 20 7946 0000"),
        ("(555) 010-9999", "(555) 010-9999"),
    ],
)
def test_phone_numbers_as_people_write_them(run, tmp_path, given, printed) -> None:
    assert run("build", *DATE, "--emergency", given, "-o", "s.pdf").code == 0
    assert f"call {printed} or go to" in flat(tmp_path / "s.pdf")


@pytest.mark.parametrize(
    "given", ["call mom", "9", "999!", "1-800-FLOWERS", "12+34", "0" * 21, "\uff11\uff11\uff12"]
)
def test_anything_but_a_phone_number_is_refused(run, tmp_path, given) -> None:
    (tmp_path / "s.pdf").write_bytes(b"kept")
    result = run("build", *DATE, "--emergency", given, "-o", "s.pdf")
    assert_clean_error(result, "--emergency", "not a phone number", "999")
    assert (tmp_path / "s.pdf").read_bytes() == b"kept"


def test_a_contact_the_fonts_cannot_print_is_refused_not_left_out(run, tmp_path) -> None:
    (tmp_path / "s.pdf").write_bytes(b"kept")
    result = run("build", *DATE, "--contact", "北京 clinic", "-o", "s.pdf")
    assert_clean_error(result, "--contact", "U+5317", "warning signs")
    assert (tmp_path / "s.pdf").read_bytes() == b"kept"


def test_a_contact_in_greek_prints_in_the_bundled_font(run, tmp_path) -> None:
    assert run("build", *DATE, "--contact", "Ελένη 210 000 0000", "-o", "s.pdf").code == 0
    assert "Questions? Call Ελένη 210 000 0000." in flat(tmp_path / "s.pdf")


def test_the_plan_file_keeps_them_and_a_returned_sheet_carries_them(run, tmp_path) -> None:
    given = ("--emergency", "911", "--contact", CONTACT)
    assert run("plan", *DATE, *given, "-o", "p.toml").code == 0
    plan = (tmp_path / "p.toml").read_text()
    assert 'emergency = "911"' in plan and f'contact = "{CONTACT}"' in plan
    assert run("check", "p.toml").code == 0
    assert run("build", "--plan", "p.toml", "-o", "a.pdf").code == 0
    assert "call 911 or go to" in flat(tmp_path / "a.pdf")
    # Next week's sheet from the returned one keeps them; one given now wins.
    assert run("build", "--from", "a.pdf", *DATE, "-o", "b.pdf").code == 0
    assert "call 911 or go to" in flat(tmp_path / "b.pdf")
    assert run("build", "--from", "a.pdf", *DATE, "--emergency", "112", "-o", "c.pdf").code == 0
    text = flat(tmp_path / "c.pdf")
    assert "call 112 or go to" in text and CONTACT in text


def test_a_roster_sets_them_per_patient(run, tmp_path) -> None:
    (tmp_path / "roster.csv").write_text(
        "patient,emergency,contact\nAnn Lee,999,Jo on 0161 000 0000\nBo Chan,,\n"
    )
    (tmp_path / "out").mkdir()
    assert run("batch", "roster.csv", "-d", "out").code == 0
    sheets = sorted((tmp_path / "out").glob("*.pdf"))
    texts = {path.name: flat(path) for path in sheets}
    ann = next(text for name, text in texts.items() if "ann" in name.lower())
    bo = next(text for name, text in texts.items() if "bo" in name.lower())
    assert "call 999 or go to" in ann and "Questions? Call Jo on 0161 000 0000." in ann
    assert "call an ambulance" in bo and "Questions?" not in bo

"""No script or other active content in any PDF makeplan writes: every layout, with and
without form fields, with covers, and the report's chart, read back object by object
after decompression."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pypdf
import pytest

ACTIVE = {"/JS", "/JavaScript", "/AA", "/OpenAction", "/Launch", "/SubmitForm", "/ImportData"}


def active_content(path: Path) -> list[str]:
    """Every active key or script marker found in the file, decompressed."""
    found: list[str] = []
    with pikepdf.open(path) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
                found += [key for key in obj.keys() if key in ACTIVE]  # noqa: SIM118 (a Stream too)
                if obj.get("/S") in (pikepdf.Name.JavaScript, pikepdf.Name.Launch):
                    found.append(str(obj.get("/S")))
            if isinstance(obj, pikepdf.Stream):
                data = obj.read_bytes()
                found += [
                    marker for marker in ("JavaScript", "app.alert") if marker.encode() in data
                ]
    return found


@pytest.mark.parametrize("layout", ["one-page", "handout", "large-print", "week"])
@pytest.mark.parametrize("fillable", ["--fillable", "--no-fillable"])
def test_no_sheet_carries_a_script(run, tmp_path, layout, fillable) -> None:
    result = run("build", "--layout", layout, fillable, "-a", "gentle", "-o", "s.pdf")
    assert result.code == 0, result.stderr
    assert active_content(tmp_path / "s.pdf") == []


def test_a_sheet_with_covers_and_the_chart_carry_no_script(run, tmp_path) -> None:
    assert run("build", "--date", "2026-11-23", "-a", "gentle", "-o", "cover.pdf").code == 0
    assert run("build", "--cover", "cover.pdf", "-a", "gentle", "-o", "s.pdf").code == 0
    assert active_content(tmp_path / "s.pdf") == []
    writer = pypdf.PdfWriter(clone_from=tmp_path / "s.pdf")
    writer.write(tmp_path / "back.pdf")
    assert run("report", "back.pdf", "--chart", "chart.pdf").code == 0
    assert active_content(tmp_path / "chart.pdf") == []

"""Every sentence a patient reads, read from the PDF as printed, is at US grade 6 or below.

test_wording grades the wording module's texts one by one; this reads what the
sheet prints: the fixed wording as geometry puts it together, the catalogue's
steps, cues, cautions and picture captions, on every layout, on A4 and Letter,
with and without a title page. Each drawn line is read with its place, font and
size; lines that continue each other (the same column, font and size, one line
below) are joined, and split into sentences at '.', '?' and '!'. Each sentence
is scored with textstat's Flesch-Kincaid grade (textstat 0.7.8, pinned).

What is not a sentence is set aside by name, each kind with the reason it is safe:

- list markers ('1.', a bullet): not words; they start a list item, which is then
  graded as a sentence of its own (a warning sign, a step, a caution);
- box and table labels: 'Right', 'Left', 'R', 'L', 'Pain', 'Round 2', the week's
  'Exercise' and 'Pain, 0 to 10', the day headings ('Mon 30 Nov'), 'Page 2 of 9':
  each names the box or column it stands by and is read with it, not as prose;
  and Flesch-Kincaid is not defined for one word ('Exercise' alone scores 20);
- headings: the sheet's title, the title page's section headings that are not
  questions, 'Your exercises', 'Take care:', each exercise's heading ('3. Back
  rounder'), and the name of each tier of warning signs before what to do
  ('Emergency now: call an ambulance ...'): a name for what follows, which clinician
  and patient share (and Flesch-Kincaid scores 'Emergency now' alone at 14.7, for
  one long word in two); what follows them on their line is graded; headings
  written as questions ('What is a back spasm?') are graded like any sentence;
- the position and level tags before a dose ('Lying down · Gentle.'): two tags,
  not a sentence; the dose after them is graded;
- the dates in the line under the title ('Monday 30 November 2026'): a date is read
  as a date, not as words, and Flesch-Kincaid scores a month by its syllables
  ('February' alone at 32, 'Monday 30 November 2026' alone at 6.6), so a date line's
  grade said which month the sample sheet is dated in ('Daily sheet for 9 January
  2026' was 6.4, the same words in November 5.0). The date is taken out of its line
  and the words around it ('Daily sheet for', '7-day sheet: ... to') are graded.

Nothing else is left out: the dose lines, the words around the dates, the names,
the captions and the footers are graded as printed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import textstat

from makeplan import wording
from makeplan.catalogue import load_catalogue
from support import DrawnLine, drawn_lines

MAX_GRADE = 6.0  # every sentence
MAX_DOCUMENT_GRADE = 5.0  # all the sentences of a sheet together
DATE = dt.date(2026, 11, 30)
LAYOUTS = ["one-page", "handout", "large-print", "week"]
MARKER = re.compile(r"^(\d+\.|[\u2022\x7f])$")  # reportlab's bullet reads back as \x7f
NUMBERED = re.compile(r"^\d+\.\s+")  # a picture caption's number


@dataclass
class Paragraph:
    """Drawn lines that continue each other; `item`: it starts at a list marker."""

    first: DrawnLine
    item: bool
    lines: list[DrawnLine] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)


def is_marker(line: DrawnLine) -> bool:
    return bool(MARKER.match(line.text))


def paragraphs(lines: list[DrawnLine]) -> list[Paragraph]:
    """Lines joined where one continues the other: on the same page, drawn one after the
    other, at the same left edge, in the same font and size, one line lower (the same
    step as the lines before). A line with a list marker just left of it on its baseline
    (within two font sizes: lists may stand in columns) starts an item of its own."""
    markers = [line for line in lines if is_marker(line)]
    found: list[Paragraph] = []
    current: Paragraph | None = None
    for line in lines:
        if is_marker(line):
            continue
        item = any(
            # Its own marker, not one of the column to its left on the same baseline.
            m.page == line.page
            and abs(m.y - line.y) < 0.6
            and line.x - 2 * line.size < m.x < line.x
            for m in markers
        )
        if current is not None and not item:
            last = current.lines[-1]
            step = last.y - line.y
            if (
                last.page == line.page
                and abs(current.first.x - line.x) < 0.6
                and (last.font, last.size) == (line.font, line.size)
                and line.size < step <= 1.55 * line.size
                and (len(current.lines) < 2 or abs(current.lines[-2].y - last.y - step) < 0.3)
            ):
                current.lines.append(line)
                continue
        current = Paragraph(line, item, [line])
        found.append(current)
    return found


def sentences(text: str) -> list[str]:
    return [part for part in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if part]


def labels(days: int) -> set[str]:
    """Box and table labels, and the day headings of a sheet of `days` days from DATE."""
    found = {"Right", "Left", "R", "L", wording.WEEK_EXERCISE_HEADING}
    # The pain scale's numbers and the words under its ends.
    found |= {str(number) for number in range(11)} | {wording.PAIN_NONE, wording.PAIN_WORST}
    found |= {wording.session_label(session) for session in range(1, 10)}
    for day in range(1, days + 1):
        found.add(wording.day_label(DATE, day))
        # The short forms are stacked a word a line in a narrow column.
        found |= {word for form in wording.short_day_headings(DATE, day) for word in form}
    return found


def headings() -> set[str]:
    """Headings that are not questions (those are graded)."""
    found = {wording.TITLE, wording.EXERCISE_LIST_HEADING, wording.CAUTIONS_HEADING}
    return found | {heading for heading, _ in wording.ABOUT_SPASMS if not heading.endswith("?")}


def leading_headings() -> list[str]:
    """Headings that start a line or a paragraph, with what follows them on it: each
    exercise's ('3. Back rounder', and in a week's row its dose after it) and each tier
    of warning signs' ('Emergency now:'), longest first."""
    names = [exercise.name for exercise in load_catalogue()]
    found = [
        wording.exercise_heading(number, name, continued)
        for number in range(1, len(names) + 1)
        for name in names
        for continued in (True, False)
    ]
    found += [f"{heading}:" for heading, _, _ in wording.safety_tiers()]
    return sorted(found, key=len, reverse=True)


PAGE_NUMBER = re.compile(r"^Page \d+ of \d+$")


def dates(days: int) -> list[str]:
    """The dates a sheet of `days` days from DATE prints in words, longest first."""
    found = set()
    for day in range(days):
        date = DATE + dt.timedelta(days=day)
        found |= {wording.long_date(date), wording.long_date(date, year=False)}
    return sorted(found, key=len, reverse=True)


def without_dates(text: str, days: int) -> tuple[str, list[str]]:
    """`text` with its dates taken out (see the module's docstring), and the dates."""
    found = []
    for date in dates(days):
        if date in text:
            found.append(date)
            text = text.replace(date, " ")
    return " ".join(text.split()), found


@dataclass
class Reading:
    graded: list[str]  # sentences, as printed
    set_aside: list[tuple[str, str]]  # (text, why)


def read_sheet(path: Path, days: int) -> Reading:
    """The sentences of a sheet, and what was set aside as not a sentence (and why)."""
    label_set, heading_set, leading = labels(days), headings(), leading_headings()
    graded: list[str] = []
    aside: list[tuple[str, str]] = []
    lines = []
    for line in drawn_lines(path):
        if line.text in label_set or PAGE_NUMBER.match(line.text):
            aside.append((line.text, "label"))
        else:
            lines.append(line)
    for paragraph in paragraphs(lines):
        text, found = without_dates(paragraph.text, days)
        aside += [(date, "date") for date in found]
        if text in heading_set:
            aside.append((text, "heading"))
            continue
        head = next((h for h in leading if text == h or text.startswith(h + " ")), None)
        if head is not None:
            aside.append((head, "heading"))
            text = text[len(head) :].strip()
        text = NUMBERED.sub("", text)
        for sentence in sentences(text):
            if " \u00b7 " in sentence:
                aside.append((sentence, "position and level tags"))
                continue
            graded.append(sentence)
    return Reading(graded, aside)


def grade(text: str) -> float:
    return float(textstat.flesch_kincaid_grade(text))


def document_grade(graded: list[str]) -> float:
    """The grade of all the sentences together; a list item without a full stop is
    still a sentence of its own, not part of the next one."""
    return grade(" ".join(s if s.endswith((".", "?", "!")) else s + "." for s in graded))


CASES = [
    pytest.param(
        layout, paper, title_page, id=f"{layout}-{paper}-{'title' if title_page else 'no-title'}"
    )
    for layout in LAYOUTS
    for paper in ("a4", "letter")
    for title_page in (True, False)
]


@pytest.fixture(scope="module")
def sheets(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, str, bool], Path]:
    """The whole catalogue's sheet for a layout, paper and title page, built once."""
    from makeplan.cli import run as cli_run

    folder = tmp_path_factory.mktemp("sheets")
    built: dict[tuple[str, str, bool], Path] = {}

    def sheet(layout: str, paper: str, title_page: bool) -> Path:
        key = (layout, paper, title_page)
        if key not in built:
            path = folder / f"{layout}-{paper}-{title_page}.pdf"
            flag = "--title-page" if title_page else "--no-title-page"
            code = cli_run(["build", "--layout", layout, "--paper", paper, flag,
                            "--date", DATE.isoformat(), "--patient", "Ann Lee",
                            "--clinician", "Jo Park", "-o", str(path)])  # fmt: skip
            assert code == 0
            built[key] = path
        return built[key]

    return sheet


@pytest.mark.parametrize(("layout", "paper", "title_page"), CASES)
def test_every_printed_sentence_is_at_most_grade_six(
    sheets, layout: str, paper: str, title_page: bool
) -> None:
    days = 7 if layout == "week" else 1
    reading = read_sheet(sheets(layout, paper, title_page), days)
    # The reading found the prose: the safety line, the how-to, the steps on a handout.
    assert wording.SAFETY_STOP in reading.graded
    assert "Tick a box each time you finish one." in reading.graded
    if layout in ("handout", "large-print"):
        assert "Lie on your back." in reading.graded
    too_hard = [(round(grade(s), 1), s) for s in reading.graded if grade(s) > MAX_GRADE]
    assert too_hard == []
    assert document_grade(reading.graded) <= MAX_DOCUMENT_GRADE


@pytest.mark.parametrize(("layout", "paper", "title_page"), CASES)
def test_lists_stay_lists(sheets, layout: str, paper: str, title_page: bool) -> None:
    """Every warning sign is an item of its own (a bullet, a line of its own or a
    column), never run on after another with bullets, commas or semicolons."""
    lines = drawn_lines(sheets(layout, paper, title_page))
    for line in lines:
        if not is_marker(line):
            assert not re.search("[\u2022\x7f;]", line.text), line.text
    items = [" ".join(p.text.split()) for p in paragraphs(lines) if p.item]
    compact = layout in ("one-page", "week")  # their safety panel takes the short wording
    for _, _, signs in wording.safety_tiers(short=compact):
        for sign in signs:
            assert sign in items, sign
    # What to do when the pain gets worse is a line of its own, after the signs.
    assert any(line.text == wording.SAFETY_STOP for line in lines)

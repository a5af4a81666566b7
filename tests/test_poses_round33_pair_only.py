"""Round 33: the double knee lift's small picture is always its key pair.

Two clinical scorers, independently, read the lift's key frame alone (the legs held
out low, over a faint knees-in start) as "lift both straight legs off the floor", a
high load for a back in spasm, and scored it 3 and 2; its pair (knees in from feet
flat, then legs out from knees in) scored 4 from both. A pose's `key_pair_only`
makes every small layout print the pair, growing the row for it where it must.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest
from test_key_pair import ALL, GLUTE, KNEE_HUG, LIFT, _drawn, _placed

from makeplan.pictograms import packaged_pictogram
from makeplan.poses import pose_problems
from support import LIE_DOWN_FRAME, run_installed


def test_the_lift_pose_asks_for_its_pair_always() -> None:
    picture = packaged_pictogram(LIFT)
    assert picture is not None and picture.key_pair is not None
    assert picture.key_pair_only
    # Round 34: the knee hug (its tilt no longer an inset, its pair printed on 53 of 54
    # random sheets already) and the buttock stretch (its pair scored 4, its key frame
    # with the crossing as an inset 3) print their pairs always too.
    for exercise_id in (KNEE_HUG, GLUTE):
        always = packaged_pictogram(exercise_id)
        assert always is not None and always.key_pair_only, exercise_id
    # The other catalogue pictures keep the pair as an extra where a row has room.
    for exercise_id in ALL:
        if exercise_id not in (LIFT, KNEE_HUG, GLUTE):
            other = packaged_pictogram(exercise_id)
            assert other is not None and not other.key_pair_only, exercise_id


@pytest.mark.parametrize(
    ("layout", "ids", "paper"),
    [
        # Before round 33 each of the week sheets here printed the legs-out frame alone
        # (its row one line of boxes tall, the page with no room to spare).
        ("week", ALL, "a4"),
        ("week", ALL, "letter"),
        ("week", (KNEE_HUG, GLUTE, LIFT), "a4"),
        ("week", (KNEE_HUG, GLUTE, LIFT), "letter"),
        ("week", (LIFT,), "a4"),
        ("one-page", ALL, "a4"),
        ("one-page", ALL, "letter"),
        ("one-page", (LIFT,), "letter"),
    ],
)
def test_every_small_layout_prints_the_lift_as_its_pair(
    layout: str, ids: tuple[str, ...], paper: str
) -> None:
    document = _placed(layout, ids, paper)
    assert _drawn(document, LIFT) == ["top", "bottom"]


def test_the_pair_is_on_the_printed_week_sheet(tmp_path: Path) -> None:
    """Read back from the PDF: ink in the lift's picture column where each of its two
    frames is placed (the knees coming in, then the legs going out)."""
    chosen = [word for exercise_id in ALL for word in ("-e", exercise_id)]  # in ALL's order
    result = run_installed(
        "build", "--layout", "week", *chosen, "--date", "2026-11-30", "-o", "week.pdf",
        cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    document = _placed("week", ALL, "a4")
    picture = packaged_pictogram(LIFT)
    assert picture is not None and picture.key_pair is not None
    pdf = pypdfium2.PdfDocument(tmp_path / "week.pdf")
    scale = 100 / 72
    for panel in picture.key_pair:
        index, drawing = next(
            (number, d)
            for number, page in enumerate(document.pages)
            for d in page.drawings
            if d.panel is panel
        )
        image = pdf[index].render(scale=scale, grayscale=True).to_pil().convert("L")
        crop = image.crop(
            (
                round(drawing.x * scale),
                round((document.height - drawing.y - drawing.height) * scale),
                round((drawing.x + drawing.width) * scale),
                round((document.height - drawing.y) * scale),
            )
        )
        # A body, its legs and an arrow: well over a few specks.
        assert sum(crop.histogram()[:100]) > 100


def _pose(line: str, version: int = 2) -> bytes:
    moved = LIE_DOWN_FRAME.replace(b"far_leg = [0, 0]", b'far_leg = [30, 0]\narrows = ["far_knee"]')
    head = f'version = {version}\nprops = ["floor"]\n{line}\n'.encode()
    return head + LIE_DOWN_FRAME + moved * 2


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("key_pair_only = true", "no key_pair"),
        ('key_pair_only = "yes"', "true or false"),
    ],
)
def test_a_wrong_key_pair_only_is_named_with_its_line(line: str, words: str) -> None:
    _, problems = pose_problems(_pose(line), "mine.toml")
    assert [(p.line, p.field) for p in problems] == [(3, "key_pair_only")], problems
    assert words in problems[0].message, problems[0].message


def test_key_pair_only_with_its_pair_is_accepted_and_needs_format_2() -> None:
    good = _pose("key_pair = [2, 3]\nkey_pair_only = true")
    assert pose_problems(good, "mine.toml")[1] == []
    old = _pose("key_pair = [2, 3]\nkey_pair_only = true", version=1)
    fields = [(p.line, p.field) for p in pose_problems(old, "old.toml")[1]]
    assert (4, "key_pair_only") in fields, fields


def test_the_web_card_shows_the_pair_as_the_sheets_print_it() -> None:
    """The clinician's card is 'the picture the sheet prints': both of the lift's
    frames, the knees coming in above the legs going out, in one picture."""
    import xml.etree.ElementTree as ElementTree

    from makeplan.web import svg

    picture = packaged_pictogram(LIFT)
    assert picture is not None and picture.key_pair is not None
    tree = ElementTree.fromstring(svg.key_svg(picture, "Picture: Double knee lift"))
    groups = [element for element in tree if element.tag.endswith("}g")]
    assert [len(group) for group in groups] == [len(panel.marks) for panel in picture.key_pair]
    # The first frame above the second: each group is moved down by the frames above it.
    offsets = [float(group.get("transform", "").split()[1].rstrip(")")) for group in groups]
    top, bottom = picture.key_pair
    assert offsets[0] == pytest.approx(top.height, abs=1e-3)
    assert offsets[1] == pytest.approx(top.height + svg.PAIR_GAP + bottom.height, abs=1e-3)
    # Any other picture keeps its one key frame (the seated twist has a pair, printed
    # where a row has room).
    other = packaged_pictogram("seated-twist")
    assert other is not None
    one = ElementTree.fromstring(svg.key_svg(other, "x"))
    assert len([element for element in one if element.tag.endswith("}g")]) == 1

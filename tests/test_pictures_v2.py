"""Pictures a patient can follow (issue 15): one body scale on a sheet, every frame in its
box, every stroke kept in black and white, pose format 2 read and checked, format 1
still read."""

from __future__ import annotations

import datetime as dt
import tomllib

import pytest

from makeplan.build import artwork_for
from makeplan.catalogue import load_catalogue
from makeplan.geometry import Artwork, place
from makeplan.layouts import load_layout
from makeplan.options import Options
from makeplan.pictograms import load_pose_text, packaged_pictogram
from makeplan.poses import Disc, Shape, Stroke, pose_from, pose_problems
from makeplan.render import text_width
from makeplan.resolving import with_layout
from makeplan.selection import select
from support import LIE_DOWN_FRAME

IDS = [exercise.id for exercise in load_catalogue(())]


@pytest.mark.parametrize("layout", ["one-page", "handout", "large-print", "week"])
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_every_picture_on_a_sheet_has_one_body_scale(layout: str, paper: str) -> None:
    # Up to the moderate ones on one-page: the whole catalogue on Letter at 9 pt keeps
    # its text size by leaving the pictures out (test_pictures checks that warning).
    ability = {"week": 1, "one-page": 2}.get(layout, 3)
    options = Options(layout=layout, paper=paper, ability=ability, date=dt.date(2026, 11, 30))
    loaded = load_layout(layout)
    plan = select(load_catalogue(()), with_layout(options, loaded))
    artwork = Artwork(artwork_for(plan, loaded, False)[0], None)
    document = place(plan, loaded, paper, text_width, artwork)
    scales = {round(d.scale, 6) for page in document.pages for d in page.drawings}
    assert len(scales) == 1, (layout, paper, scales)


def _extent(mark: Stroke | Shape | Disc) -> tuple[float, float, float, float]:
    if isinstance(mark, Disc):
        return (mark.x - mark.radius, mark.y - mark.radius, mark.x + mark.radius,
                mark.y + mark.radius)  # fmt: skip
    xs = [x for x, _ in mark.points]
    ys = [y for _, y in mark.points]
    return min(xs), min(ys), max(xs), max(ys)


@pytest.mark.parametrize("exercise_id", IDS)
def test_every_frame_is_inside_its_picture(exercise_id: str) -> None:
    picture = packaged_pictogram(exercise_id)
    assert picture is not None
    for panel in [*picture.panels, picture.key, *(picture.key_pair or ())]:
        for mark in panel.marks:
            left, bottom, right, top = _extent(mark)
            assert left >= -1e-6 and bottom >= -1e-6, (exercise_id, panel.caption)
            assert right <= picture.width + 1e-6 and top <= picture.height + 1e-6


@pytest.mark.parametrize("exercise_id", IDS)
def test_no_stroke_is_lost_in_black_and_white(exercise_id: str) -> None:
    # Meaning is never in colour alone: every mark of the figure is gray enough to
    # print, and the arrows (blue in colour) are black in gray.
    picture = packaged_pictogram(exercise_id)
    assert picture is not None
    for panel in [*picture.panels, picture.key, *(picture.key_pair or ())]:
        for mark in panel.marks:
            if isinstance(mark, Stroke) and mark.gray < 1.0:
                assert mark.gray <= 0.8, (exercise_id, mark)
            if isinstance(mark, Stroke) and mark.accent:
                assert mark.gray == 0.0


def test_every_packaged_pose_is_format_2() -> None:
    from importlib import resources

    folder = resources.files("makeplan") / "assets" / "poses"
    for entry in folder.iterdir():
        if entry.name.endswith(".toml"):
            assert tomllib.loads(entry.read_text())["version"] == 2, entry.name


FORMAT_1 = b'version = 1\nprops = ["floor"]\n' + LIE_DOWN_FRAME


def test_format_1_is_still_read_and_its_new_keys_need_format_2() -> None:
    picture = load_pose_text(FORMAT_1, "old.toml", "old")
    assert len(picture.panels) == 1
    with_new = FORMAT_1.replace(b"far_leg = [0, 0]", b"far_leg = [[0, 30], 0]\nhead_turn = 20")
    _, problems = pose_problems(with_new, "mixed.toml")
    assert [(p.line, p.field) for p in problems] == [
        (9, "frame[1].far_leg"),
        (10, "frame[1].head_turn"),
    ]
    assert all("expected version = 2" in p.message for p in problems)
    upgraded = with_new.replace(b"version = 1", b"version = 2")
    assert pose_problems(upgraded, "new.toml")[1] == []


@pytest.mark.parametrize(
    ("line", "field", "words"),
    [
        ('view = "behind"', "view", '"side", "front", "above"'),
        ("view = [10, 120]", "view[2]", "pitch from 0 to 90"),
        ("view = [10, 20, 270]", "view[3]", "turn on paper from -180 to 180"),
        ("view = [10, 20, 30, 40]", "view", "[yaw, pitch, turn]"),
        ("near_leg = [[0, 120], 0]", "frame[1].near_leg[1][2]", "side angle from -90 to 90"),
        ("shoulder_turn = 100", "frame[1].shoulder_turn", "-90 to 90"),
        ('solid = ["near_leg"]', "frame[1].solid[1]", '"far_arm" or "far_leg"'),
        ('front = ["near_knee"]', "frame[1].front[1]", '"near_arm", "far_arm", "near_leg"'),
    ],
)
def test_format_2_problems_name_their_line(line: str, field: str, words: str) -> None:
    text = FORMAT_1.replace(b"version = 1", b"version = 2")
    if field.startswith("frame") and not line.startswith("near_leg"):
        text += line.encode() + b"\n"
    elif line.startswith("near_leg"):
        text = text.replace(b"near_leg = [0, 0]", line.encode())
    else:
        text = text.replace(b'props = ["floor"]', b'props = ["floor"]\n' + line.encode())
    _, problems = pose_problems(text, "p.toml")
    assert len(problems) == 1, problems
    assert problems[0].field == field and words in problems[0].message, problems[0]


@pytest.mark.parametrize(
    ("view", "point", "on_paper"),
    [
        # No turn: the projection as before (x forward, y up).
        ((0.0, 0.0, 0.0), (1.0, 0.0, 0.0), (1.0, 0.0)),
        # A quarter turn anticlockwise: what pointed right points up, up points left.
        ((0.0, 0.0, 90.0), (1.0, 0.0, 0.0), (0.0, 1.0)),
        ((0.0, 0.0, 90.0), (0.0, 1.0, 0.0), (-1.0, 0.0)),
        ((0.0, 0.0, -90.0), (0.0, 1.0, 0.0), (1.0, 0.0)),
        # From the foot of the bed, high: the head end (-x) lies up the paper; turned a
        # quarter it lies to the left, as the side views draw a body lying down.
        ((-90.0, 64.0, 0.0), (-1.0, 0.0, 0.0), (0.0, 0.8988)),
        ((-90.0, 64.0, 90.0), (-1.0, 0.0, 0.0), (-0.8988, 0.0)),
    ],
)
def test_a_view_turned_on_paper_turns_every_point_about_the_middle(
    view: tuple[float, float, float],
    point: tuple[float, float, float],
    on_paper: tuple[float, float],
) -> None:
    from makeplan.figure import project

    placed = project(point, view)
    assert (round(placed.x, 4), round(placed.y, 4)) == pytest.approx(on_paper, abs=1e-4)
    # The turn is on paper: how near the eye a point is does not change.
    assert placed.depth == pytest.approx(project(point, (view[0], view[1], 0.0)).depth)


def test_a_turned_view_draws_the_same_picture_turned() -> None:
    # The same frame seen from a raised eye, then the same eye turned a quarter on
    # paper: the picture's width and height swap (its marks turn with it).
    text = FORMAT_1.replace(b"version = 1", b"version = 2")
    plain = load_pose_text(
        text.replace(b'props = ["floor"]', b'props = ["floor"]\nview = [-90, 60]'), "a.toml", "a"
    )
    turned = load_pose_text(
        text.replace(b'props = ["floor"]', b'props = ["floor"]\nview = [-90, 60, 90]'),
        "b.toml",
        "b",
    )
    assert turned.width == pytest.approx(plain.panels[0].height, abs=0.01)
    assert turned.panels[0].height == pytest.approx(plain.width, abs=0.01)


def test_the_3d_body_turns_a_knee_out_and_the_shoulders_about_the_spine() -> None:
    from makeplan.figure import joints_3d

    data = tomllib.loads(FORMAT_1.decode().replace("version = 1", "version = 2"))
    frame = data["frame"][0]
    frame.update(torso=90, near_leg=[[0, 60], 270], shoulder_turn=90)
    joints = joints_3d(pose_from(data).frames[0])
    # The near knee opens out to the near side (z), not forward only.
    assert joints["near_knee"][2] > joints["near_hip"][2] + 0.15
    # Shoulders turned a quarter: the near shoulder is in front (x), not to the side.
    assert joints["near_shoulder"][0] > 0.07 and abs(joints["near_shoulder"][2]) < 1e-9


def test_front_draws_the_limbs_it_names_over_the_rest_in_its_order() -> None:
    """The depth sort takes a whole limb at once, so a crossed leg, in front of the
    other at its knee and behind it at its foot, can go either way: `front` says."""
    legs = (
        b"near_leg = [[95, 28], [-155, -66], [139, -62]]\n"
        b"far_leg = [[106, 0], [12, 0], [107, 0]]\nview = [36, 6]\n"
    )
    text = (
        FORMAT_1.replace(b"version = 1", b"version = 2")
        .replace(b"near_leg = [0, 0]\nfar_leg = [0, 0]\n", legs)
        .replace(b"torso = 180", b"torso = 176")
    )

    def order(extra: bytes) -> list[str]:
        picture = load_pose_text(text + extra, "f.toml", "f")
        joints = picture.joints[0]
        firsts = {
            joints[f"{side}_{part}"]: f"{side}_{limb}"
            for side in ("near", "far")
            for limb, part in (("arm", "shoulder"), ("leg", "hip"))
        }
        return [
            firsts[mark.points[0]]
            for mark in picture.panels[0].marks
            if isinstance(mark, Stroke)
            and mark.gray < 1.0
            and mark.points[0] in firsts
            and len(mark.points) > 2
        ]

    assert order(b"")[-2:] != ["far_leg", "near_leg"]
    assert order(b'front = ["far_leg", "near_leg"]\n')[-2:] == ["far_leg", "near_leg"]
    assert order(b'front = ["near_leg", "far_leg"]\n')[-2:] == ["near_leg", "far_leg"]
    # Format 2 only.
    old = FORMAT_1 + b'front = ["near_leg"]\n'
    assert [(p.line, p.field) for p in pose_problems(old, "o.toml")[1]] == [(10, "frame[1].front")]


def test_an_arm_may_give_its_hand_a_direction_of_its_own_in_format_2() -> None:
    """Round 8 (warrior at the wall): a third angle on an arm is its hand, drawn on
    from the wrist (a palm flat on a wall, fingers up); without it the arm ends at
    the wrist as before. Format 2 only."""
    from makeplan.figure import HAND

    text = FORMAT_1.replace(b"version = 1", b"version = 2").replace(
        b"near_arm = [0, 0]", b"near_arm = [0, 0, 90]"
    )
    assert pose_problems(text, "h.toml")[1] == []
    picture = load_pose_text(text, "h.toml", "h")
    joints = picture.joints[0]
    hand, fingers = joints["near_hand"], joints["near_fingers"]
    assert abs(fingers[1] - hand[1] - HAND) < 0.002 and abs(fingers[0] - hand[0]) < 0.002
    assert "far_fingers" not in joints
    # The hand is drawn in the arm's own stroke, to the fingertips.
    assert any(
        isinstance(mark, Stroke) and mark.gray == 0.0 and mark.points[-1] == fingers
        for mark in picture.panels[0].marks
    )
    old = FORMAT_1.replace(b"near_arm = [0, 0]", b"near_arm = [0, 0, 90]")
    assert [(p.line, p.field) for p in pose_problems(old, "o.toml")[1]] == [
        (6, "frame[1].near_arm")
    ]

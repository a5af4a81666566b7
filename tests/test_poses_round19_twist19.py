"""Round 19, seated twist: the chest shows it has turned against the hips.

A clinical reviewer saw the trunk drawn facing straight ahead with only the head in
profile, so most patients would turn head and trunk the same way. The trunk now has
depth (`trunk_depth`): a block whose front is dark and whose side that faces the eye
is light, the side widening from the hips up, on the side the chest turned away from
(the waist arrow ends on the other side), and the face looks the other way.
"""

from makeplan.pictograms import TRUNK_SIDE_GRAY, packaged_pictogram
from makeplan.poses import Mark, Shape, pose_problems


def _light_faces(panel_marks: tuple[Mark, ...]) -> list[Shape]:
    return [
        mark
        for mark in panel_marks
        if isinstance(mark, Shape) and mark.fill_gray == TRUNK_SIDE_GRAY
    ]


def test_the_turned_chest_shows_a_side_the_sit_does_not() -> None:
    picture = packaged_pictogram("seated-twist")
    sit, right, left = picture.panels
    assert _light_faces(sit.marks) == []
    for panel, frame in ((right, 1), (left, 2)):
        (side,) = _light_faces(panel.marks)
        xs = [x for x, _ in side.points]
        ys = [y for _, y in side.points]
        # A wedge from the waist up: wider at the shoulders than at the hips.
        top = sorted(side.points, key=lambda p: p[1])[2:]
        bottom = sorted(side.points, key=lambda p: p[1])[:2]
        assert abs(top[0][0] - top[1][0]) > 2 * abs(bottom[0][0] - bottom[1][0])
        assert max(ys) - min(ys) > 0.15 and max(xs) - min(xs) > 0.05
        joints = picture.joints[frame]
        hip_x, face_x = joints["hip"][0], joints["face"][0]
        head_x = joints["head"][0]
        side_x = sum(xs) / len(xs)
        # The chest turned away from the light side; the face the other way, to it.
        assert (side_x - hip_x) * (face_x - head_x) > 0


def test_the_two_turns_are_mirrors() -> None:
    picture = packaged_pictogram("seated-twist")
    (one,) = _light_faces(picture.panels[1].marks)
    (other,) = _light_faces(picture.panels[2].marks)
    middle = picture.joints[0]["hip"][0]
    assert sorted(round(2 * middle - x, 6) for x, _ in one.points) == sorted(
        round(x, 6) for x, _ in other.points
    )


def test_trunk_depth_is_checked_and_named_by_its_line() -> None:
    text = b"""version = 2
[[frame]]
caption = "Sit"
torso = 90
trunk_depth = 0.5
near_arm = [-60, -60]
far_arm = [-60, -60]
near_leg = [0, 0, 90]
far_leg = [0, 0, 90]
"""
    _, problems = pose_problems(text, "p.toml")
    assert [(p.line, p.field) for p in problems] == [(5, "frame[1].trunk_depth")], problems
    _, problems = pose_problems(text.replace(b"0.5", b"0.05"), "p.toml")
    assert problems == []

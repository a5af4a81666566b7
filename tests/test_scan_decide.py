"""The pure decisions of `makeplan read`, as tables: a box's measured ink -> ticked, empty or
unclear; a pain scale's boxes -> one number, no answer, or unclear. The rows are measures
seen on simulated photos (see test_scan_accuracy), and the edges of each rule."""

from __future__ import annotations

import pytest

from makeplan.scan.decide import Ink, ScaleRead, State, box_state, scale_value

T, E, U = State.TICKED, State.EMPTY, State.UNCLEAR

BOXES = [
    # (dark cover, dark reach, faint cover, faint reach[, faint edge, side]) -> state
    ((0.0, 0.0, 0.0, 0.0), E),  # nothing
    ((0.0, 0.0, 0.012, 0.9), E),  # a speck of noise, a hair: under 1.2% of the box
    ((0.21, 0.93, 0.33, 1.0), T),  # a tick, dark pen
    ((0.35, 1.0, 0.45, 1.0), T),  # a cross
    ((0.95, 1.0, 1.0, 1.0), T),  # a filled box is a tick, never "cancelled"
    ((0.10, 0.55, 0.16, 0.7), T),  # an overshooting tick: just across the line
    ((0.10, 0.54, 0.16, 0.7), U),  # ... a little less far across: unclear
    ((0.039, 0.9, 0.1, 0.9), U),  # dark but too little of it: unclear
    ((0.0, 0.0, 0.40, 1.0), T),  # a pale pen's tick, right across
    ((0.0, 0.0, 0.12, 0.75), T),  # ... the least of one
    ((0.0, 0.0, 0.119, 0.75), U),  # ... less: unclear
    ((0.0, 0.0, 0.30, 0.74), U),  # ... not far enough across: unclear
    ((0.083, 0.333, 0.179, 0.5, 0.0, 8.4), E),  # a stray dot (dark pen, small photo)
    ((0.02, 0.214, 0.082, 0.429), E),  # a stray dot
    ((0.0, 0.0, 0.22, 0.5, 0.0, 8.4), E),  # the biggest dot
    ((0.0, 0.0, 0.221, 0.5, 0.0, 8.4), U),  # more ink than a dot: unclear
    ((0.0, 0.0, 0.2, 0.51, 0.0, 8.4), U),  # a dot reaching past half the box: unclear
    ((0.0, 0.0, 0.2, 0.5, 0.0, 9.1), U),  # ... or wider than 4.5 points
    ((0.0, 0.0, 0.053, 0.692), U),  # a faint short stroke: unclear
    # A small box (4 mm): a pen's dot reaches further across.
    ((0.083, 0.364, 0.215, 0.545, 0.0, 6.5), E),  # off the edge, a dark core: a dot
    ((0.083, 0.364, 0.215, 0.545, 0.075, 6.5), U),  # on the edge: perhaps a stroke
    ((0.0, 0.0, 0.2, 0.55, 0.0, 6.5), U),  # no dark core: unclear
    ((0.083, 0.364, 0.215, 0.63, 0.0, 6.5), U),  # too far across for a dot
    # A large-print box (17 pt inside): a thin pale tick seen in part, in a small photo.
    ((0.0, 0.0, 0.033, 0.421, 0.0, 17.0), U),  # 7 pt across: no dot is (seen)
    ((0.0, 0.0, 0.026, 0.333, 0.029, 17.0), U),  # another
    ((0.083, 0.25, 0.12, 0.26, 0.0, 17.0), E),  # a dot there: 4.4 pt across
]


@pytest.mark.parametrize(("measures", "state"), BOXES)
def test_box_state(measures: tuple[float, ...], state: State) -> None:
    assert box_state(Ink(*measures)) is state


SMALL_PHOTO = [
    # In a photo under 1.15 pixels a point a pale stroke across a box's corner measures
    # like a dot: there a dot is empty only when its ink stays off the inside's edge.
    ((0.0, 0.0, 0.078, 0.5, 0.1, 8.4), U),  # a pale overshooting tick, 1000 px (seen)
    ((0.0, 0.0, 0.047, 0.375, 0.06, 8.4), U),  # another
    ((0.0, 0.0, 0.078, 0.375, 0.0, 8.0), E),  # a pale dot, off the edge
    ((0.083, 0.333, 0.179, 0.5, 0.0, 8.4), E),  # a pen's dot
    ((0.0, 0.0, 0.0, 0.0, 0.0), E),  # nothing is nothing at any size
    ((0.0, 0.0, 0.014, 0.125, 0.033), E),  # a speck by the edge (seen in a 1000 px photo)
    ((0.0, 0.0, 0.021, 0.125, 0.033), U),  # ... a little more ink: unclear
    ((0.0, 0.0, 0.40, 1.0, 0.3), T),  # a pale tick right across is still a tick
]


@pytest.mark.parametrize(("measures", "state"), SMALL_PHOTO)
def test_box_state_in_a_small_photo(
    measures: tuple[float, float, float, float, float], state: State
) -> None:
    assert box_state(Ink(*measures), fine=False) is state
    if state is U:  # the same measures in a fine photo are a dot
        assert box_state(Ink(*measures), fine=True) is E


SCALES = [
    # (value, state) of the ticked and unclear boxes (the rest empty) -> read
    ([], ScaleRead(None, False)),  # nothing ticked: no answer
    ([(6, T)], ScaleRead(6, False)),
    ([(0, T)], ScaleRead(0, False)),  # 0 is an answer, not none
    ([(10, T)], ScaleRead(10, False)),
    ([(3, T), (7, T)], ScaleRead(None, True)),  # two numbers: unclear, never guessed
    ([(4, T), (5, U)], ScaleRead(None, True)),  # one, and one unclear: unclear
    ([(5, U)], ScaleRead(None, True)),
]


@pytest.mark.parametrize(("marked", "read"), SCALES)
def test_scale_value(marked: list[tuple[int, State]], read: ScaleRead) -> None:
    states = dict.fromkeys(range(11), E) | dict(marked)
    assert scale_value(sorted(states.items())) == read

"""Pure decisions: a box's measured ink -> ticked, empty or unclear; a scale -> a number.

A box is measured (see measure) as the share of its inside covered by ink,
and how far across it the ink reaches, each for dark ink (half as dark as the
page's own print, or darker) and for faint ink (a fifth). A tick, a cross, a
filled box and a tick that overshoots all reach across the box in dark ink; a
stray dot or a speck covers a little of it and reaches only part way. What is
neither (a faint pencil mark, a short stroke) is unclear: never guessed, shown
to a person. A filled box is a tick, not "cancelled" as survey tools read it.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import NamedTuple


class State(Enum):
    TICKED = "ticked"
    EMPTY = "empty"
    UNCLEAR = "unclear"


class Ink(NamedTuple):
    """A box's ink: the share of its inside covered, and the share of its width or
    height (whichever is more) reached, by dark and by faint ink; and the share of the
    inside's edge with faint ink on it (a stroke from outside crosses it, a dot in the
    middle does not). 0 to 1 each; and the inside's side in points."""

    dark_cover: float
    dark_reach: float
    faint_cover: float
    faint_reach: float
    faint_edge: float = 0.0  # the share of the inside's edge with faint ink on it
    side: float = 10.0  # the inside's side, in points (reach times this: how far, in points)


# A tick: dark ink over at least this much of the box and across this much of it.
TICK_COVER, TICK_REACH = 0.04, 0.55
# A pale tick: faint ink over this much of the box, and right across it.
PALE_COVER, PALE_REACH = 0.12, 0.75
# Empty: faint ink over at most this much, or reaching at most this far (a dot).
EMPTY_COVER, EMPTY_REACH = 0.012, 0.5
# A dot is empty only while it is a dot: covering more than this is a mark.
DOT_COVER = 0.22
# A speck: under this much of the box, and this far across.
SPECK_COVER, SPECK_REACH = 0.02, 0.2
BIG_DOT_REACH = 0.62
# No dot is wider than this, in points (a 1 mm dot and the blur of a small photo): in a
# big box a pale thin tick seen only in part can cover as little as a dot, never as wide.
DOT_POINTS = 4.5
FINE = 1.15  # pixels a point of a photo in which a dot and a pale stroke differ


def box_state(ink: Ink, fine: bool = True) -> State:
    """What a box says, from its ink. In a photo that is not `fine` (under FINE pixels a
    point) a pale stroke that crosses a box's corner measures like a dot: there a dot
    is empty only when its ink stays off the inside's edge."""
    if ink.dark_cover >= TICK_COVER and ink.dark_reach >= TICK_REACH:
        return State.TICKED
    # A pale pen (or a thin stroke blurred in a small photo) reaching right across.
    if ink.faint_cover >= PALE_COVER and ink.faint_reach >= PALE_REACH:
        return State.TICKED
    if ink.faint_cover <= EMPTY_COVER:
        return State.EMPTY
    if ink.faint_cover <= SPECK_COVER and ink.faint_reach <= SPECK_REACH:
        return State.EMPTY  # a speck, wherever it is
    if ink.faint_cover <= DOT_COVER:
        # A dot lies inside the box; a stroke that mostly missed it crosses the inside's
        # edge. In a fine photo a dot reaching half across is a dot wherever it is.
        inside = ink.faint_edge == 0
        if ink.faint_reach * ink.side > DOT_POINTS:
            return State.UNCLEAR  # wider than any dot: a faint stroke, partly seen
        if ink.faint_reach <= EMPTY_REACH and (fine or inside):
            return State.EMPTY
        # In a small box a dot reaches further across: still a dot while it has a dark
        # core and stays off the edge.
        if ink.faint_reach <= BIG_DOT_REACH and ink.dark_cover > 0 and inside:
            return State.EMPTY
    return State.UNCLEAR


class ScaleRead(NamedTuple):
    """A pain scale read: the number ticked, None for none, or unclear."""

    value: int | None
    unclear: bool


def scale_value(states: Sequence[tuple[int, State]]) -> ScaleRead:
    """A round's pain scale from its boxes' (value, state): one box ticked and none
    unclear is that number; none ticked and none unclear, no answer; else unclear."""
    ticked = [value for value, state in states if state is State.TICKED]
    if any(state is State.UNCLEAR for _, state in states) or len(ticked) > 1:
        return ScaleRead(None, True)
    return ScaleRead(ticked[0] if ticked else None, False)

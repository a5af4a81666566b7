"""Measuring, wrapping and fitting text: the one copy, for the sheet and the report's chart.

Pure functions of a `Measure` (the width of a text in a font, supplied by the
renderer), so tests can give them a fixed fake one. Fonts have no kerning, so
a line's width is the sum of its words' and spaces' widths.
"""

from __future__ import annotations

from collections.abc import Callable

Measure = Callable[[str, str, float], float]
"""width_in_points(text, font_name, font_size)"""

ELLIPSIS = "\u2026"  # in WinAnsi, so the standard fonts have it


def remembering(measure: Measure) -> Measure:
    """`measure`, remembering its answers: the same labels ("Right", "1st time",
    "Pain") and words are measured for every row, at every size a page tries."""
    widths: dict[tuple[str, str, float], float] = {}

    def remembered(text: str, font: str, size: float) -> float:
        key = (text, font, size)
        if key not in widths:
            widths[key] = measure(text, font, size)
        return widths[key]

    return remembered


def max_chars(size: float, width: float) -> int:
    """No more letters than this fit in `width` at `size`.

    No printing glyph is narrower than a tenth of the font size; bounding by it
    keeps a 100,000-letter "word" from costing time that grows with its length
    squared.
    """
    return int(width / (0.1 * size)) + 1


def longest_prefix(word: str, measure: Measure, font: str, size: float, width: float) -> int:
    """How many of `word`'s first letters fit in `width` (at least one)."""
    low, high = 1, min(len(word), max_chars(size, width))
    while low < high:
        middle = (low + high + 1) // 2
        if measure(word[:middle], font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return low


def wrap(text: str, measure: Measure, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap; a word longer than the line is cut between letters.

    Widths add up word by word, each word measured once in font units (at size
    1000): every size a page tries reuses them.
    """
    lines: list[str] = []
    space = measure(" ", font, 1000.0)
    limit = width * 1000.0 / size
    for paragraph in text.splitlines() or [""]:
        current, current_units = "", 0.0
        for word in paragraph.split():
            units = measure(word, font, 1000.0)
            joined = current_units + space + units if current else units
            if joined <= limit:
                current = f"{current} {word}" if current else word
                current_units = joined
                continue
            if current:
                lines.append(current)
            while len(word) > 1 and (
                len(word) > max_chars(size, width) or measure(word, font, size) > width
            ):
                cut = longest_prefix(word, measure, font, size, width)
                lines.append(word[:cut])
                word = word[cut:]
            current, current_units = word, measure(word, font, 1000.0)
        lines.append(current)
    return [line for line in lines if line] or [""]


def ellipsized(line: str, measure: Measure, font: str, size: float, width: float) -> str:
    """`line` shortened so that it and an ellipsis fit in `width`."""
    room = width - measure(ELLIPSIS, font, size)
    if measure(line, font, size) > room:
        line = line[: longest_prefix(line, measure, font, size, max(room, 0.0))]
    return line.rstrip() + ELLIPSIS


def shortened(text: str, measure: Measure, font: str, size: float, width: float) -> str:
    """`text` as it is when it fits in `width` on one line, else cut with an ellipsis."""
    if measure(text, font, size) <= width:
        return text
    return ellipsized(text, measure, font, size, width)


def fit(
    text: str,
    measure: Measure,
    font: str,
    size: float,
    width: float,
    max_lines: int,
    min_size: float,
) -> tuple[float, list[str], bool]:
    """`text` wrapped in at most `max_lines`: smaller, in steps of 8% down to
    `min_size`, when it needs more; then cut with an ellipsis.

    Returns the size, the lines, and whether the text was cut.
    """
    current = size
    while True:
        lines = wrap(text, measure, font, current, width)
        if len(lines) <= max_lines:
            return current, lines, False
        smaller = max(min_size, round(current * 0.92, 2))
        if smaller >= current:
            break
        current = smaller
    kept = lines[:max_lines]
    kept[-1] = ellipsized(kept[-1], measure, font, current, width)
    return current, kept, True

"""Pictograms as SVG for the web page: a second drawing backend for the same shapes.

`pictograms` works out a pose's shapes (strokes, outlines, discs in one unit
square per frame, y up); `render.draw_panel` draws them with reportlab for the
PDF, and this module writes the same marks as SVG elements, in the same order
and colours, so the cards on the page show the picture the sheet prints. No
second figure model: only the drawing differs. Pure text, deterministic.
"""

from __future__ import annotations

from makeplan.poses import Disc, Mark, Panel, Pictogram, Stroke

# The arrows' colour, as render.ACCENT (kept equal by a test; render imports reportlab's
# helpers, which a page of cards does not need).
ACCENT = (0.05, 0.33, 0.55)


def _number(value: float) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _colour(gray: float, accent: bool, grayscale: bool) -> str:
    if accent and not grayscale:
        red, green, blue = ACCENT
    elif accent:
        red = green = blue = 0.1
    else:
        red = green = blue = gray
    return "#" + "".join(f"{round(part * 255):02x}" for part in (red, green, blue))


def _points(points: tuple[tuple[float, float], ...]) -> str:
    return " ".join(f"{_number(x)},{_number(y)}" for x, y in points)


def panel_svg(
    panel: Panel, width: float, height: float, title: str, grayscale: bool = False
) -> str:
    """One frame as an `<svg>` element scaled to its box (y turned down for SVG).

    `title` is its accessible name (read by screen readers, shown on hover).
    """
    return _frames_svg((panel,), width, height, title, grayscale)


# Between a key pair's two frames, in body units (the sheets leave 1 mm at ~15 mm a unit).
PAIR_GAP = 0.07


def _frames_svg(
    panels: tuple[Panel, ...], width: float, height: float, title: str, grayscale: bool
) -> str:
    """Frames one above the other, in reading order, as one `<svg>` element."""
    heights = [panel.height or height for panel in panels]
    total = sum(heights) + PAIR_GAP * (len(panels) - 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_number(width)} '
        f'{_number(total)}" role="img" class="pictogram">',
        f"<title>{_escape(title)}</title>",
    ]
    top = 0.0
    for panel, own in zip(panels, heights, strict=True):
        parts.append(
            f'<g transform="translate(0 {_number(top + own)}) scale(1 -1)" '
            'stroke-linecap="round" stroke-linejoin="round">'
        )
        parts += [_mark_svg(mark, grayscale) for mark in panel.marks]
        parts.append("</g>")
        top += own + PAIR_GAP
    parts.append("</svg>")
    return "".join(parts)


def _mark_svg(mark: Mark, grayscale: bool) -> str:
    if isinstance(mark, Stroke):
        return (
            f'<polyline points="{_points(mark.points)}" fill="none" '
            f'stroke="{_colour(mark.gray, mark.accent, grayscale)}" '
            f'stroke-width="{_number(mark.width)}"/>'
        )
    if isinstance(mark, Disc):
        return (
            f'<circle cx="{_number(mark.x)}" cy="{_number(mark.y)}" '
            f'r="{_number(mark.radius)}" fill="{_colour(mark.fill_gray, False, grayscale)}" '
            f'stroke="{_colour(mark.line_gray, False, grayscale)}" '
            f'stroke-width="{_number(mark.line_width)}"/>'
        )
    fill = "none" if mark.fill_gray is None else _colour(mark.fill_gray, mark.accent, grayscale)
    stroke = "none" if mark.line_width <= 0 else _colour(mark.line_gray, mark.accent, grayscale)
    return (
        f'<polygon points="{_points(mark.points)}" fill="{fill}" stroke="{stroke}" '
        f'stroke-width="{_number(mark.line_width)}"/>'
    )


def key_svg(pictogram: Pictogram, title: str) -> str:
    """The small picture as the small sheets print it, the picture on an exercise's card:
    the frame that tells the most (the end over a faint start), or, for a pose whose
    key frame alone could mislead (`key_pair_only`), its two key frames one above the
    other."""
    if pictogram.key_pair_only and pictogram.key_pair is not None:
        return _frames_svg(pictogram.key_pair, pictogram.width, pictogram.height, title, False)
    return panel_svg(pictogram.key, pictogram.width, pictogram.height, title)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

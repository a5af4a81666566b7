"""Draws a `Report` as a one-page chart for the clinician: reps done and pain, day by day.

This module owns the chart PDF that `makeplan report --chart` writes: an A4
landscape page with a title, the overall reps done, one line per exercise
for the share of its planned reps done each day, and the day's mean pain
score below it on the same days. It is drawn with reportlab's charts so it
prints as vectors, and it reads in black and white: each exercise has its
own dash pattern and marker shape as well as its colour. The bytes are the
same for the same report (reportlab's invariant mode, dated the report's
last day).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from makeplan import __version__
from makeplan.fonts import choose_fonts
from makeplan.geometry.text import shortened
from makeplan.render import register_fonts, text_width, writer_settings
from makeplan.wording import DAY_NAMES, MONTH_NAMES

if TYPE_CHECKING:
    from makeplan.fonts import FontChoice
    from makeplan.report.adherence import ExerciseResult, Report

MM = 72 / 25.4
MARGIN = 15 * MM
MAX_SERIES = 9  # more lines than this cannot be told apart, so the rest go unnamed as "+N more"

TITLE_SIZE = 16
TEXT_SIZE = 10
HEADING_SIZE = 10
LEGEND_SIZE = 9
TICK_SIZE = 8
LEGEND_WIDTH = 230
GRID_GRAY = 0.82
LINE_WIDTH = 1.3
NO_PAIN = "No pain scores were written in."

_MONTHS = tuple(name[:3] for name in MONTH_NAMES)


class SeriesStyle(NamedTuple):
    colour: tuple[float, float, float]
    dash: tuple[float, ...]  # empty for a solid line
    marker: str  # a reportlab marker kind
    filled: bool


# Okabe-Ito colours, darkened where they would print pale: they stay apart for
# colour-blind readers, and in grayscale the dash and the marker tell them apart.
STYLES = (
    SeriesStyle((0.0, 0.0, 0.0), (), "Circle", True),
    SeriesStyle((0.0, 0.40, 0.65), (6, 3), "Square", False),
    SeriesStyle((0.80, 0.33, 0.0), (2, 2), "Triangle", True),
    SeriesStyle((0.0, 0.50, 0.36), (8, 3, 2, 3), "Diamond", False),
    SeriesStyle((0.62, 0.30, 0.50), (4, 2, 1, 2), "Cross", True),
    SeriesStyle((0.42, 0.42, 0.42), (10, 4), "Square", True),
    SeriesStyle((0.55, 0.35, 0.10), (3, 3), "Circle", False),
    SeriesStyle((0.20, 0.25, 0.45), (8, 2, 2, 2, 2, 2), "Diamond", True),
    SeriesStyle((0.66, 0.42, 0.0), (1.5, 2.5), "Triangle", False),
)
PAIN_STYLE = SeriesStyle((0.0, 0.0, 0.0), (), "Circle", True)


def chart_pdf(report: Report) -> bytes:
    """A one-page A4 landscape PDF charting `report`: reps done per day, and pain."""
    from reportlab.graphics import renderPDF
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    width, height = landscape(A4)
    exercises = report.exercises[:MAX_SERIES]
    hidden = len(report.exercises) - len(exercises)
    # The standard fonts unless a name needs letters beyond Windows-1252.
    fonts = choose_fonts(
        [report.patient, *(exercise.name for exercise in exercises)],
        "Helvetica",
        "Helvetica-Bold",
        None,
    )
    register_fonts(fonts)
    # Every exercise and the pain chart share one row of days, so a day sits at
    # the same x in both charts.
    dates = sorted({day.date for exercise in report.exercises for day in exercise.days})
    pain = dict(report.pain_by_day())
    if not dates:  # sheets with no exercises still get their axes, over their days
        length = (report.last_day - report.first_day).days + 1
        dates = [report.first_day + dt.timedelta(days=day) for day in range(length)]

    drawing = Drawing(width, height)
    title = _title(report)
    layout = _Layout(width, height)

    _add_text(drawing, layout.left, layout.title_y, title, fonts.bold, TITLE_SIZE, layout.full)
    done = sum(exercise.done for exercise in report.exercises)
    planned = sum(exercise.planned for exercise in report.exercises)
    share = round(100 * done / planned) if planned else 0
    count = len(report.sheets)
    summary = (
        f"All exercises: {done} of {planned} planned reps done ({share}%), "
        f"{len(dates)} day{'s' if len(dates) != 1 else ''}, "
        f"{count} sheet{'s' if count != 1 else ''}."
    )
    _add_text(drawing, layout.left, layout.summary_y, summary, fonts.regular, TEXT_SIZE)

    labels = _date_labels(dates, layout.plot_width, fonts.regular)
    rows = [_percent_row(exercise, dates) for exercise in exercises]
    _add_text(
        drawing, layout.left, layout.heading1_y, "% of planned reps done", fonts.bold, HEADING_SIZE
    )
    reps_plot = _Plot(
        layout.plot_x, layout.plot1_y, layout.plot_width, layout.plot1_height, 100, 25, "%d%%"
    )
    reps = _line_chart(drawing, reps_plot, rows, STYLES, labels, fonts.regular)

    _add_text(
        drawing,
        layout.left,
        layout.heading2_y,
        "Pain, 0 (none) to 10 (worst)",
        fonts.bold,
        HEADING_SIZE,
    )
    heading_width = text_width("Pain, 0 (none) to 10 (worst)", fonts.bold, HEADING_SIZE)
    _add_text(
        drawing,
        layout.left + heading_width + 6,
        layout.heading2_y,
        "the mean of each day's scores; no dot where none was written",
        fonts.regular,
        LEGEND_SIZE,
    )
    pain_row = [pain.get(date) for date in dates]
    pain_plot = _Plot(
        layout.plot_x, layout.plot2_y, layout.plot_width, layout.plot2_height, 10, 2, "%d"
    )
    _line_chart(drawing, pain_plot, [pain_row], (PAIN_STYLE,), labels, fonts.regular)
    if not pain:
        _add_text(
            drawing,
            layout.plot_x + layout.plot_width / 2,
            layout.plot2_y + layout.plot2_height / 2 - TEXT_SIZE / 3,
            NO_PAIN,
            fonts.regular,
            TEXT_SIZE + 1,
            anchor="middle",
        )

    _add_legend(drawing, reps, exercises, hidden, fonts, layout)

    buffer = io.BytesIO()
    with writer_settings(report.last_day):
        canvas = Canvas(buffer, pagesize=(width, height), invariant=True, pageCompression=1)
        canvas.setTitle(title)
        canvas.setSubject("Reps done per day and pain scores, read from returned sheets")
        canvas.setCreator(f"makeplan {__version__}")
        renderPDF.draw(drawing, canvas, 0, 0)
        canvas.showPage()
        canvas.save()
    return buffer.getvalue()


class _Layout:
    """Where everything goes, in points from the lower-left corner; all inside the margins."""

    def __init__(self, width: float, height: float) -> None:
        top = height - MARGIN
        bottom = MARGIN
        self.left = MARGIN
        self.full = width - 2 * MARGIN
        # Baselines sit a font's ascent below what is above them, so no glyph
        # pokes over the margin or into the line before.
        self.title_y = top - 0.8 * TITLE_SIZE
        self.summary_y = self.title_y - 1.6 * TEXT_SIZE
        self.heading1_y = self.summary_y - 2.4 * TEXT_SIZE
        self.legend_x = width - MARGIN - LEGEND_WIDTH
        # Room left of the plots for "100%" in the tick font.
        self.plot_x = self.left + 28
        self.plot_width = self.legend_x - 20 - self.plot_x
        # Below each plot: a tick and two lines of date labels.
        labels = 4 + 2 * 1.2 * TICK_SIZE + 4
        plot1_top = self.heading1_y - 10
        self.plot2_y = bottom + labels
        heading_gap = 10 + 1.6 * HEADING_SIZE  # heading, and room for markers at 100%
        plots = plot1_top - self.plot2_y - labels - heading_gap - 10
        self.plot1_height = round(plots * 0.6)
        self.plot2_height = plots - self.plot1_height
        self.plot1_y = plot1_top - self.plot1_height
        self.heading2_y = self.plot2_y + self.plot2_height + 10
        self.legend_top = plot1_top


def _title(report: Report) -> str:
    who = f": {report.patient}" if report.patient else ""
    first, last = report.first_day, report.last_day
    when = _long_date(first) if first == last else f"{_long_date(first)} to {_long_date(last)}"
    return f"Exercise report{who}, {when}"


def _long_date(date: dt.date) -> str:
    # Spelled out, not strftime: the names must not change with the machine's locale.
    return f"{DAY_NAMES[date.weekday()]} {date.day} {_MONTHS[date.month - 1]} {date.year}"


def _percent_row(exercise: ExerciseResult, dates: Sequence[dt.date]) -> list[float | None]:
    """The exercise's percent on each of `dates`; None where it was not planned."""
    by_date = {day.date: day for day in exercise.days if day.planned}
    return [
        by_date[date].percent if date in by_date else None  # a gap, not a zero
        for date in dates
    ]


def _date_labels(dates: Sequence[dt.date], plot_width: float, font: str) -> list[str]:
    """A two-line label ("Mon", "23 Nov") for every k-th day, k as small as lets them not touch."""
    texts = [f"{DAY_NAMES[date.weekday()]}\n{date.day} {_MONTHS[date.month - 1]}" for date in dates]
    widest = max(text_width(line, font, TICK_SIZE) for text in texts for line in text.split("\n"))
    room = plot_width / len(dates)
    # Past every third day, whole weeks, so the labelled days keep one weekday.
    for step in (1, 2, 3, 7, 14, 28, 56, 112, 224, 448):
        if step * room >= widest + 6:
            break
    return [text if index % step == 0 else "" for index, text in enumerate(texts)]


def _segments(row: Sequence[float | None]) -> list[list[float | None]]:
    """`row` split at its gaps, each run as a full-length row blank elsewhere.

    reportlab's line chart joins the points either side of a None; a run of
    its own per row leaves a day with no value as a break in the line.
    """
    runs: list[list[float | None]] = []
    current: list[float | None] | None = None
    for index, value in enumerate(row):
        if value is None:
            current = None
            continue
        if current is None:
            current = [None] * len(row)
            runs.append(current)
        current[index] = value
    return runs


class _Plot(NamedTuple):
    """A plot area (the axes' rectangle) and its value scale."""

    x: float
    y: float
    width: float
    height: float
    top: int  # the value axis runs from 0 to this
    step: int
    value_format: str  # for the value labels, "%d%%" say


def _line_chart(
    drawing: Any,
    plot: _Plot,
    rows: Sequence[Sequence[float | None]],
    styles: Sequence[SeriesStyle],
    labels: Sequence[str],
    font: str,
) -> Any:
    """Add a line chart of `rows` (series i in styles[i], all on the same days) to `drawing`.

    Returns the chart; its data row i is series i's first run, so a legend can
    ask it for series i's sample. The series' later runs follow.
    """
    from reportlab.graphics.charts.linecharts import HorizontalLineChart
    from reportlab.graphics.shapes import Line
    from reportlab.graphics.widgets.markers import makeMarker
    from reportlab.lib.colors import Color, black, white

    class DodgedChart(HorizontalLineChart):  # type: ignore[misc]  # reportlab is untyped
        """Series i is shifted by `_dodge[i]` across its day, so points that coincide
        (several exercises all done in full, say) sit side by side, each one seen."""

        _dodge: Sequence[float] = ()
        _positions: list[list[tuple[float, float]]]  # set by calcPositions

        def calcPositions(self) -> None:
            super().calcPositions()
            self._positions = [
                [(x + self._dodge[number], y) for x, y in row]
                for number, row in enumerate(self._positions)
            ]

    firsts: list[list[float | None]] = []
    rest: list[tuple[int, list[float | None]]] = []
    for index, row in enumerate(rows):
        runs = _segments(row) or [[None] * len(labels)]
        firsts.append(runs[0])
        rest += [(index, run) for run in runs[1:]]
    series = list(range(len(rows))) + [index for index, _ in rest]

    room = plot.width / len(labels)  # the width of one day
    # Markers shrink when the days are narrow, so a long period is not a row of blots.
    marker_size = max(3.5, min(6.0, 0.45 * room))
    spread = min(marker_size + 1, 0.5 * room / (len(rows) - 1)) if len(rows) > 1 else 0.0
    dodge = [(index - (len(rows) - 1) / 2) * spread for index in range(len(rows))]
    # Thinner lines when there are many, so the crossings stay legible.
    line_width = LINE_WIDTH if len(rows) <= 4 else 1.0

    chart = DodgedChart()
    chart.x, chart.y, chart.width, chart.height = plot.x, plot.y, plot.width, plot.height
    # reportlab needs a data row even when there is nothing to draw.
    chart.data = firsts + [run for _, run in rest] or [[None] * len(labels)]
    chart._dodge = [dodge[index] for index in series] or [0.0]
    chart.joinedLines = 0
    for number, index in enumerate(series):
        style = styles[index]
        colour = Color(*style.colour)
        line = chart.lines[number]
        # reportlab cannot draw a line through no points (a series with no values).
        has_values = any(value is not None for value in chart.data[number])
        line.lineStyle = "joinedLine" if has_values else None
        line.strokeColor = colour
        line.strokeWidth = line_width
        line.strokeDashArray = list(style.dash) or None
        marker = makeMarker(style.marker)
        marker.size = marker_size
        marker.strokeColor = colour
        marker.strokeWidth = 1
        # Open markers are filled white so a line passing behind does not show through.
        marker.fillColor = colour if style.filled else white
        line.symbol = marker

    axis = chart.categoryAxis
    axis.categoryNames = list(labels)
    axis.strokeColor = black
    axis.strokeWidth = 0.6
    # Ticks only under the labelled days (drawn below): one under every day of
    # a long period reads as a comb.
    axis.visibleTicks = 0
    axis.labels.fontName = font
    axis.labels.fontSize = TICK_SIZE
    axis.labels.boxAnchor = "n"
    axis.labels.dy = -5
    axis.labels.leading = 1.2 * TICK_SIZE

    values = chart.valueAxis
    values.valueMin = 0
    values.valueMax = plot.top
    values.valueStep = plot.step
    values.labelTextFormat = plot.value_format
    values.labels.fontName = font
    values.labels.fontSize = TICK_SIZE
    values.labels.dx = -3
    values.visibleAxis = 0
    values.visibleTicks = 0
    # Light gridlines: they help read a value off without competing with the lines.
    values.visibleGrid = 1
    values.gridStrokeColor = Color(GRID_GRAY, GRID_GRAY, GRID_GRAY)
    values.gridStrokeWidth = 0.5
    drawing.add(chart)
    for index, label in enumerate(labels):
        if label:
            middle = plot.x + (index + 0.5) * room
            drawing.add(
                Line(middle, plot.y, middle, plot.y - 3, strokeColor=black, strokeWidth=0.6)
            )
    return chart


def _add_legend(
    drawing: Any,
    chart: Any,
    exercises: Sequence[ExerciseResult],
    hidden: int,
    fonts: FontChoice,
    layout: _Layout,
) -> None:
    """The exercise names beside their line samples, with each one's share over the period."""
    from reportlab.graphics.charts.legends import Legend
    from reportlab.lib.validators import Auto

    swatch = 30
    gap = 6
    share_width = text_width("100%", fonts.regular, LEGEND_SIZE)
    name_width = LEGEND_WIDTH - swatch - gap - share_width - gap
    heading = "Exercise (reps done, whole period)"
    _add_text(
        drawing,
        layout.legend_x,
        layout.heading1_y,
        heading,
        fonts.bold,
        HEADING_SIZE,
        LEGEND_WIDTH,
    )
    pairs: list[tuple[Any, Any]] = [
        (
            Auto(obj=chart, index=index),
            (
                shortened(exercise.name, text_width, fonts.regular, LEGEND_SIZE, name_width),
                f"{exercise.percent}%",
            ),
        )
        for index, exercise in enumerate(exercises)
    ]
    if hidden:
        pairs.append((None, (f"+{hidden} more, not drawn (see the table)", "")))
    legend = Legend()
    legend.x = layout.legend_x
    legend.y = layout.legend_top - 4
    legend.alignment = "right"
    legend.colorNamePairs = pairs
    legend.fontName = fonts.regular
    legend.fontSize = LEGEND_SIZE
    legend.dx = swatch
    legend.dy = 8
    legend.dxTextSpace = gap
    legend.deltay = 17
    legend.columnMaximum = len(pairs) + 1
    legend.boxAnchor = "nw"
    legend.subCols[0].minWidth = name_width + gap
    legend.subCols[0].rpad = 0
    legend.subCols[1].align = "right"
    legend.subCols[1].minWidth = share_width
    drawing.add(legend)


def _add_text(
    drawing: Any,
    x: float,
    y: float,
    text: str,
    font: str,
    size: float,
    width: float | None = None,
    anchor: str = "start",
) -> None:
    from reportlab.graphics.shapes import String
    from reportlab.lib.colors import black

    if width is not None:
        text = shortened(text, text_width, font, size, width)
    drawing.add(
        String(x, y, text, fontName=font, fontSize=size, fillColor=black, textAnchor=anchor)
    )

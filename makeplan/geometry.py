"""Places a plan on pages: pure arithmetic in points, no drawing.

Input: a `Plan`, a `Layout`, a paper size and a `Measure` (the width of a text
in a font, supplied by the renderer). Output: a `Document`, every text line,
box and rule at its final position, so tests can check margins, overlaps and
box counts without reading a PDF, and the renderer only has to draw.

Content is built as a list of blocks, each a list of slices (a line of text,
a row of boxes); a slice never splits, a block is kept on one page when it
fits, and a single-page layout shrinks its sizes step by step until the
whole plan fits or says it cannot.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import TypeVar

from makeplan import wording
from makeplan.errors import DoesNotFitError
from makeplan.fields import pain_name, tick_name, week_pain_name
from makeplan.layouts import MM, Layout
from makeplan.model import ABILITY_NAMES, SIDE_NAMES, Plan, PlannedExercise
from makeplan.poses import Panel, Pictogram

Measure = Callable[[str, str, float], float]
"""width_in_points(text, font_name, font_size)"""

PAPER_SIZES: dict[str, tuple[float, float]] = {
    "a4": (210 * MM, 297 * MM),
    "letter": (8.5 * 72, 11 * 72),
}

ELLIPSIS = "\u2026"

# Glyph extents of the standard fonts, as a share of the font size; used to
# give every text line a box for overlap and margin checks.
ASCENT = 0.76
DESCENT = 0.22


@dataclass(frozen=True)
class Text:
    """One line of text; (x, y) is the start of its baseline."""

    x: float
    y: float
    text: str
    font: str
    size: float
    width: float

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (
            self.x,
            self.y - DESCENT * self.size,
            self.x + self.width,
            self.y + ASCENT * self.size,
        )


@dataclass(frozen=True)
class Box:
    """A tick box; (x, y) is its lower-left corner. `name` is the form field name."""

    x: float
    y: float
    size: float
    name: str
    tooltip: str

    @property
    def width(self) -> float:
        return self.size


@dataclass(frozen=True)
class WriteIn(Box):
    """A box to write a number in (the pain score): `size` high, `wide` across."""

    wide: float = 0.0

    @property
    def width(self) -> float:
        return self.wide


@dataclass(frozen=True)
class Rule:
    """A straight line (a separator under a block)."""

    x1: float
    y1: float
    x2: float
    y2: float
    width: float


@dataclass(frozen=True)
class Frame:
    """A rectangle outline (the safety panel)."""

    x: float
    y: float
    width: float
    height: float
    line_width: float


@dataclass(frozen=True)
class Drawing:
    """One pictogram frame; (x, y) is its lower-left corner, `scale` points per pose unit."""

    x: float
    y: float
    width: float
    height: float
    panel: Panel
    scale: float


@dataclass(frozen=True)
class Image:
    """A picture supplied by the user (the logo), fitted into its rectangle."""

    x: float
    y: float
    width: float
    height: float
    key: str


PHOTO_PREFIX = "photo:"  # the image key of a library exercise's photo is this + its id


@dataclass(frozen=True)
class Photo:
    """A library exercise's photo: drawn as one image, in place of a pictogram's frames."""

    key: str
    aspect: float


@dataclass(frozen=True)
class Artwork:
    """What geometry needs to know about pictures: pictograms and photos by exercise id,
    and the shapes (width / height) of the photos and the logo."""

    pictograms: Mapping[str, Pictogram] = field(default_factory=dict)
    logo_aspect: float | None = None
    photo_aspects: Mapping[str, float] = field(default_factory=dict)

    def has_picture(self, exercise_id: str) -> bool:
        return exercise_id in self.pictograms or exercise_id in self.photo_aspects


@dataclass(frozen=True)
class Page:
    texts: tuple[Text, ...]
    boxes: tuple[Box, ...]
    rules: tuple[Rule, ...]
    frames: tuple[Frame, ...]
    drawings: tuple[Drawing, ...] = ()
    images: tuple[Image, ...] = ()


@dataclass(frozen=True)
class Document:
    """The placed sheet: page size, margins, pages and PDF metadata."""

    width: float
    height: float
    margin: float
    pages: tuple[Page, ...]
    title: str
    subject: str
    author: str
    warnings: tuple[str, ...] = ()


# --- building blocks, in local coordinates (x absolute, y downward from the slice top) ---


@dataclass
class Slice:
    """A piece of a block that is never split across pages.

    Its own items are in its own coordinates (y down from its top). `parts` are
    slices inside it, each `dy` below its top: putting slices together keeps a
    reference to each, and every item is moved once, when the page is made,
    instead of once for every level it is nested in.
    """

    height: float
    texts: list[Text] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    frames: list[Frame] = field(default_factory=list)
    drawings: list[Drawing] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    parts: list[tuple[float, Slice]] = field(default_factory=list)

    def flattened(self) -> Iterator[tuple[float, Slice]]:
        """This slice and every slice inside it, with how far below this one's top each
        is: parts first, in order, then the slice's own items (the order they draw in)."""
        pending: list[tuple[float, Slice, bool]] = [(0.0, self, False)]
        while pending:
            dy, piece, expanded = pending.pop()
            if expanded or not piece.parts:
                yield dy, piece
                continue
            pending.append((dy, piece, True))
            pending += [(dy + offset, part, False) for offset, part in reversed(piece.parts)]


@dataclass
class Block:
    """Slices kept together on one page whenever they fit; `heading` repeats on a split."""

    slices: list[Slice]
    heading: Callable[[], list[Slice]] | None = None

    @property
    def height(self) -> float:
        return sum(piece.height for piece in self.slices)


@dataclass(frozen=True)
class Sizes:
    """The layout's sizes in points after shrinking by `scale` (never below the minimums)."""

    title: float
    heading: float
    body: float
    label: float
    line_spacing: float
    box: float
    box_gap: float
    block_gap: float

    @classmethod
    def of(cls, layout: Layout, scale: float) -> Sizes:
        def text(size: float) -> float:
            return max(layout.min_pt, round(size * scale, 2))

        return cls(
            title=text(layout.title_pt),
            heading=text(layout.heading_pt),
            body=text(layout.body_pt),
            label=text(layout.label_pt),
            line_spacing=max(1.1, layout.line_spacing - (1 - scale) * 0.5),
            box=max(layout.min_box_mm, layout.box_mm * scale) * MM,
            box_gap=max(0.8, layout.box_gap_mm * scale) * MM,
            block_gap=layout.block_gap_mm * scale * MM,
        )


class Composer:
    """Turns plan content into slices for one column of a given width."""

    def __init__(
        self,
        layout: Layout,
        sizes: Sizes,
        measure: Measure,
        artwork: Artwork | None = None,
        pictures: bool = True,
        scale: float = 1.0,
        may_wrap: bool = True,
    ) -> None:
        self.layout = layout
        self.sizes = sizes
        self.measure = measure
        self.artwork = artwork or Artwork()
        self.scale = scale
        # A week row whose boxes wrap counts as not fitting until every size, with
        # and without pictures, has been tried with one line of boxes per day.
        self.may_wrap = may_wrap or not layout.single_page
        # Pictures are drawn when the layout shows them and this attempt keeps them.
        self.pictures = pictures and layout.pictures
        # Texts cut short to fit, said once each to the user.
        self.warnings: list[str] = []
        # How many lines the clinician's notes may take on a single page.
        self.notes_lines = 6

    @property
    def has_pictures(self) -> bool:
        return self.pictures and bool(self.artwork.pictograms or self.artwork.photo_aspects)

    def picture(self, item: PlannedExercise) -> Pictogram | Photo | None:
        if not self.pictures:
            return None
        exercise_id = item.exercise.id
        if exercise_id in self.artwork.photo_aspects:
            return Photo(PHOTO_PREFIX + exercise_id, self.artwork.photo_aspects[exercise_id])
        return self.artwork.pictograms.get(exercise_id)

    def width_of(self, text: str, bold: bool, size: float) -> float:
        return self.measure(text, self.font(bold), size)

    def font(self, bold: bool) -> str:
        return self.layout.bold_font if bold else self.layout.font

    def line_height(self, size: float) -> float:
        return size * self.sizes.line_spacing

    def wrap(self, text: str, bold: bool, size: float, width: float) -> list[str]:
        """Greedy word wrap; a word longer than the line is cut between letters.

        Widths add up word by word (the fonts have no kerning), each word measured
        once in font units: every size a page tries reuses them.
        """
        lines: list[str] = []
        space = self._units(" ", bold)
        limit = width * 1000.0 / size
        for paragraph in text.splitlines() or [""]:
            current, current_units = "", 0.0
            for word in paragraph.split():
                units = self._units(word, bold)
                joined = current_units + space + units if current else units
                if joined <= limit:
                    current = f"{current} {word}" if current else word
                    current_units = joined
                    continue
                if current:
                    lines.append(current)
                while len(word) > 1 and (
                    len(word) > self._max_chars(size, width)
                    or self.width_of(word, bold, size) > width
                ):
                    cut = self._longest_prefix(word, bold, size, width)
                    lines.append(word[:cut])
                    word = word[cut:]
                current, current_units = word, self._units(word, bold)
            lines.append(current)
        return [line for line in lines if line] or [""]

    def _units(self, text: str, bold: bool) -> float:
        """Width in thousandths of the font size."""
        return self.measure(text, self.font(bold), 1000.0)

    @staticmethod
    def _max_chars(size: float, width: float) -> int:
        # No printing glyph is narrower than a tenth of the font size, so no more
        # letters than this fit on a line; bounding by it keeps a 100,000-letter
        # "word" from costing time that grows with its length squared.
        return int(width / (0.1 * size)) + 1

    def _longest_prefix(self, word: str, bold: bool, size: float, width: float) -> int:
        low, high = 1, min(len(word), self._max_chars(size, width))
        while low < high:
            middle = (low + high + 1) // 2
            if self.width_of(word[:middle], bold, size) <= width:
                low = middle
            else:
                high = middle - 1
        return low

    def fit(
        self, text: str, bold: bool, size: float, width: float, max_lines: int, what: str
    ) -> tuple[float, list[str]]:
        """Wrap `text` in at most `max_lines`: smaller, down to the layout's minimum
        size, when it needs more; then cut with an ellipsis, and say so."""
        current = size
        while True:
            lines = self.wrap(text, bold, current, width)
            if len(lines) <= max_lines:
                return current, lines
            smaller = max(self.layout.min_pt, round(current * 0.92, 2))
            if smaller >= current:
                break
            current = smaller
        kept = lines[:max_lines]
        kept[-1] = self.ellipsized(kept[-1], bold, current, width)
        self.warnings.append(
            f"cut short with '{ELLIPSIS}' to fit: {what}; shorten it to see all of it."
        )
        return current, kept

    def ellipsized(self, line: str, bold: bool, size: float, width: float) -> str:
        """`line` shortened so that it and an ellipsis fit in `width`."""
        room = width - self.width_of(ELLIPSIS, bold, size)
        if self.width_of(line, bold, size) > room:
            line = line[: self._longest_prefix(line, bold, size, max(room, 0.0))]
        return line.rstrip() + ELLIPSIS

    def fitted_lines(
        self,
        text: str,
        x: float,
        width: float,
        size: float,
        bold: bool = False,
        *,
        max_lines: int,
        what: str,
    ) -> list[Slice]:
        """Like `text_lines`, but never more than `max_lines` (see `fit`)."""
        size, lines = self.fit(text, bold, size, width, max_lines, what)
        height = self.line_height(size)
        baseline = self.centred_baseline(height, size)
        return [Slice(height, texts=[self.text(x, baseline, line, size, bold)]) for line in lines]

    def text(self, x: float, baseline: float, line: str, size: float, bold: bool = False) -> Text:
        """One measured line of text at (x, baseline)."""
        return Text(x, baseline, line, self.font(bold), size, self.width_of(line, bold, size))

    @staticmethod
    def centred_baseline(height: float, size: float) -> float:
        """The baseline that centres text of `size` in a line `height` tall."""
        return (height - size) / 2 + ASCENT * size

    def text_lines(
        self, text: str, x: float, width: float, size: float, bold: bool = False
    ) -> list[Slice]:
        """One slice per wrapped line."""
        height = self.line_height(size)
        baseline = self.centred_baseline(height, size)
        return [
            Slice(height, texts=[self.text(x, baseline, line, size, bold)])
            for line in self.wrap(text, bold, size, width)
        ]

    def hanging(
        self,
        marker: str,
        text: str,
        x: float,
        width: float,
        size: float,
        max_lines: int | None = None,
        what: str = "",
    ) -> list[Slice]:
        """A numbered or bulleted item: the marker, then text wrapped under itself
        (in at most `max_lines`, when given: see `fit`)."""
        indent = self.width_of("00. ", False, size)
        if max_lines is None:
            slices = self.text_lines(text, x + indent, width - indent, size)
        else:
            slices = self.fitted_lines(
                text, x + indent, width - indent, size, max_lines=max_lines, what=what
            )
        first = slices[0].texts[0]
        slices[0].texts.append(self.text(x, first.y, marker, first.size))
        return slices


Item = TypeVar("Item", "Text", "Box", "Rule", "Frame", "Drawing", "Image")


def _moved(item: Item, **changes: float) -> Item:
    """A copy of a placed item with new coordinates.

    The same as `dataclasses.replace`, which checks every field and calls
    __init__; this copies the fields as they are. Items are moved a few
    thousand times per sheet, so the difference is a tenth of a sheet's time.
    """
    moved = object.__new__(type(item))
    moved.__dict__.update(item.__dict__)
    for name, value in changes.items():
        object.__setattr__(moved, name, value)  # how a frozen dataclass is set
    return moved


def stack(slices: list[Slice]) -> Slice:
    """Slices one below the other, as one."""
    merged = Slice(0)
    for piece in slices:
        merged.parts.append((merged.height, piece))
        merged.height += piece.height
    return merged


def beside(*parts: Slice) -> Slice:
    """Slices side by side, top-aligned; they already carry their own x positions."""
    return Slice(max(part.height for part in parts), parts=[(0.0, part) for part in parts])


def spacer(height: float) -> Slice:
    return Slice(height)


def balanced(per_line: int, count: int) -> int:
    """Boxes per line so that wrapped lines are about equal (3 + 2, not 4 + 1)."""
    lines = -(-count // per_line)
    return -(-count // lines)


class _Wraps(Exception):
    """A week row's boxes would wrap at this size; a smaller size may keep them on a line."""


# --- pictures ---

PANEL_GAP = 2 * MM


def picture_slice(
    picture: Pictogram | Photo,
    composer: Composer,
    x: float,
    width: float,
    max_panel_height: float,
    columns: int | None = None,
) -> Slice:
    """The frames of a pictogram in rows of `columns`, each with its caption under it.

    A layout showing only the key frame gets that one panel, with no caption.
    A photo is one image as large as fits.
    """
    if isinstance(picture, Photo):
        photo_width = min(width, max_panel_height * picture.aspect)
        photo_height = photo_width / picture.aspect
        return Slice(photo_height, images=[Image(x, 0.0, photo_width, photo_height, picture.key)])
    key_only = composer.layout.picture_frames == "key"
    panels = (picture.key,) if key_only else picture.panels
    count = len(panels)
    columns = min(columns or count, count)
    panel_width = (width - (columns - 1) * PANEL_GAP) / columns
    panel_height = panel_width / picture.aspect
    if panel_height > max_panel_height:
        panel_height = max_panel_height
        panel_width = panel_height * picture.aspect
    scale = panel_width / picture.width
    size = composer.sizes.label
    captions = composer.layout.picture_captions and not key_only
    rows: list[Slice] = []
    for first in range(0, count, columns):
        row = Slice(panel_height)
        caption_slices: list[Slice] = []
        for column, panel in enumerate(panels[first : first + columns]):
            left = x + column * (panel_width + PANEL_GAP)
            row.drawings.append(Drawing(left, 0.0, panel_width, panel_height, panel, scale))
            if captions:
                number = f"{first + column + 1}. " if count > 1 else ""
                # Narrower than the panel, so two captions side by side never read
                # as one line.
                caption_width = panel_width - (3 * MM if columns > 1 else 0.0)
                caption_slices.append(
                    stack(composer.text_lines(number + panel.caption, left, caption_width, size))
                )
        if caption_slices:
            row = stack([row, beside(*caption_slices)])
        rows.append(row)
    return stack([piece for row in rows for piece in (row, spacer(PANEL_GAP))][:-1])


def logo_slice(
    composer: Composer, x: float, height: float, max_width: float, right: float | None = None
) -> Slice:
    """The clinic's logo at `height` (narrower when it would pass `max_width`).

    It starts at `x`, or ends at `right` when that is given.
    """
    aspect = composer.artwork.logo_aspect or 1.0
    width = min(height * aspect, max_width)
    height = width / aspect
    left = x if right is None else right - width
    return Slice(height, images=[Image(left, 0.0, width, height, "logo")])


# --- the tick grid ---


@dataclass(frozen=True)
class _TickRow:
    label: str
    day: int
    session: int


def tick_grid(
    item: PlannedExercise, plan: Plan, composer: Composer, x: float, width: float
) -> list[Slice]:
    """Rows of boxes: one row per day and session, a group per side, a box per rep.

    A row's label says which day and which time of the day; a group's label
    says which side. Groups sit side by side when they fit and stack when they
    do not; a group's boxes wrap onto more lines when one line is too short.
    """
    sizes = composer.sizes
    label_size = sizes.label
    rows = [
        _TickRow(_row_label(plan, item, day, session), day, session)
        for day in range(1, plan.days + 1)
        for session in range(1, item.sessions_per_day + 1)
    ]
    pad = 2.5 * MM
    label_width = max(composer.width_of(row.label, False, label_size) for row in rows)
    label_width = label_width + pad if label_width else 0.0
    sides = SIDE_NAMES[item.sides]
    side_texts = [wording.side_label(side) for side in sides]
    side_width = max(composer.width_of(text, False, label_size) for text in side_texts)
    side_width = side_width + pad * 0.6 if side_width else 0.0
    box, gap = sizes.box, sizes.box_gap
    pain_width = _pain_cell_width(composer)
    available = width - label_width - side_width - pain_width
    per_line = int((available + gap) // (box + gap))
    if per_line < 1:
        raise DoesNotFitError(
            f"The boxes for {item.exercise.name!r} do not fit across the page; "
            "use --layout handout or fewer --days."
        )
    per_line = balanced(per_line, item.reps)
    group_width = side_width + per_line * box + (per_line - 1) * gap
    group_gap = 3 * gap + pad
    groups_side_by_side = (
        len(sides) * group_width + (len(sides) - 1) * group_gap <= width - label_width - pain_width
    )
    line_height = max(box + gap, composer.line_height(label_size))
    row_gap = gap
    slices: list[Slice] = []
    for row in rows:
        group_slices: list[Slice] = []
        for side_index, side in enumerate(sides):
            group_x = x + label_width
            if groups_side_by_side:
                group_x += side_index * (group_width + group_gap)
            group_slices.append(
                _box_group(
                    item,
                    plan,
                    composer,
                    row,
                    side,
                    side_texts[side_index],
                    group_x,
                    side_width,
                    per_line,
                    line_height,
                )
            )
        pain = _pain_cell(item, plan, composer, row, x + width - pain_width, line_height)
        if groups_side_by_side:
            round_slice = beside(*group_slices, pain)
        else:
            # One slice for the round: a page break never parts its Left boxes
            # from its label and its Pain box.
            round_slice = stack([beside(group_slices[0], pain), *group_slices[1:]])
        if row.label:
            baseline = composer.centred_baseline(line_height, label_size)
            round_slice.texts.append(composer.text(x, baseline, row.label, label_size))
        round_slice.height += row_gap
        if plan.days > 1 and item.sessions_per_day > 1 and row.session == item.sessions_per_day:
            # A hairline under each day's last row lets the eye find a day in a long grid.
            y = round_slice.height - row_gap / 2
            round_slice.rules.append(Rule(x, y, x + width, y, 0.3))
        slices.append(round_slice)
    return slices


_PAIN_LABEL_GAP = 1.5 * MM


def _pain_cell_width(composer: Composer) -> float:
    """Room at the end of a row for "Pain" and a box wide enough for "10"."""
    sizes = composer.sizes
    label = composer.width_of(wording.PAIN_LABEL, False, sizes.label)
    return 1.5 * MM + label + _PAIN_LABEL_GAP + _pain_box_width(composer)


def _pain_box_width(composer: Composer) -> float:
    """Wide enough to write "10" in by hand."""
    return max(composer.sizes.box * 1.8, 6 * MM * composer.scale)


def _pain_cell(
    item: PlannedExercise,
    plan: Plan,
    composer: Composer,
    row: _TickRow,
    x: float,
    line_height: float,
) -> Slice:
    """The pain box of one row (one exercise, day and session), "Pain" before it.

    `x` is the cell's left edge; the box ends at the cell's right edge.
    """
    sizes = composer.sizes
    box_width = _pain_box_width(composer)
    cell = Slice(line_height)
    left = x + _pain_cell_width(composer) - box_width
    text_width = composer.width_of(wording.PAIN_LABEL, False, sizes.label)
    baseline = composer.centred_baseline(line_height, sizes.label)
    cell.texts.append(
        composer.text(
            left - _PAIN_LABEL_GAP - text_width, baseline, wording.PAIN_LABEL, sizes.label
        )
    )
    when = _when(plan, item, row.day, row.session)
    name = pain_name(item.exercise.id, row.day, row.session)
    about = f"after {item.exercise.name}" + (f": {when}" if when else "")
    cell.boxes.append(_pain_box(composer, left, line_height, box_width, name, about))
    return cell


def _pain_box(
    composer: Composer, x: float, line_height: float, width: float, name: str, about: str
) -> WriteIn:
    box = composer.sizes.box
    tooltip = f"Pain from 0 (none) to 10 (worst) {about}"
    return WriteIn(x, (line_height - box) / 2, box, name, tooltip, width)


def _when(plan: Plan, item: PlannedExercise, day: int, session: int, side: str = "both") -> str:
    """'day 2, 1st time, left side': as much as tells one box of an exercise from another."""
    return ", ".join(
        part
        for part in (
            f"day {day}" if plan.days > 1 else "",
            wording.session_label(session) if item.sessions_per_day > 1 else "",
            f"{side} side" if side != "both" else "",
        )
        if part
    )


def _row_label(plan: Plan, item: PlannedExercise, day: int, session: int) -> str:
    parts = []
    if plan.days > 1:
        parts.append(wording.day_label(plan.date, day))
    if item.sessions_per_day > 1:
        parts.append(wording.session_label(session))
    return ", ".join(parts)


def _box_group(
    item: PlannedExercise,
    plan: Plan,
    composer: Composer,
    row: _TickRow,
    side: str,
    side_text: str,
    x: float,
    side_width: float,
    per_line: int,
    line_height: float,
) -> Slice:
    sizes = composer.sizes
    box, gap, label_size = sizes.box, sizes.box_gap, sizes.label
    group = Slice(0)
    lines = (item.reps + per_line - 1) // per_line
    group.height = lines * line_height
    if side_text:
        baseline = composer.centred_baseline(line_height, label_size)
        group.texts.append(composer.text(x, baseline, side_text, label_size))
    name = item.exercise.id
    when = _when(plan, item, row.day, row.session, side)
    for rep in range(1, item.reps + 1):
        line, column = divmod(rep - 1, per_line)
        top = line * line_height + (line_height - box) / 2
        group.boxes.append(
            Box(
                x + side_width + column * (box + gap),
                top,
                box,
                tick_name(name, row.day, row.session, side, rep),
                f"{item.exercise.name}: {when + ', ' if when else ''}rep {rep}",
            )
        )
    return group


# --- page content ---


def header_block(plan: Plan, composer: Composer, x: float, width: float) -> Block:
    """Title, dates and names; the logo, when there is one, at the right."""
    sizes = composer.sizes
    logo: Slice | None = None
    text_width = width
    if composer.artwork.logo_aspect is not None:
        height = composer.layout.logo_height_mm * MM * max(composer.scale, 0.7)
        logo = logo_slice(composer, x, height, width * 0.3, right=x + width)
        text_width = width - logo.images[0].width - 4 * MM
    slices = composer.text_lines(wording.TITLE, x, text_width, sizes.title, bold=True)
    slices += composer.text_lines(wording.subtitle(plan), x, text_width, sizes.body)
    people = wording.people_line(plan)
    if people:
        slices += composer.fitted_lines(
            people, x, text_width, sizes.body, True, max_lines=2, what="the names at the top"
        )
    if logo is not None:
        slices = [beside(stack(slices), logo)]
    slices.append(spacer(sizes.body * 0.5))
    return Block(slices)


def running_band(plan: Plan, composer: Composer, x: float, width: float) -> Slice:
    """The top of every page after the first: a short title, and the logo at the right."""
    size = composer.sizes.label
    height = composer.layout.logo_height_mm * MM * 0.75
    logo = logo_slice(composer, x, height, width * 0.25, right=x + width)
    room = width - logo.images[0].width - 6 * MM
    size, (line,) = composer.fit(
        wording.running_title(plan), False, size, room, 1, "the patient's name"
    )
    # At least a line of text tall, however flat the logo (a banner) came out.
    height = max(logo.height, composer.line_height(size))
    text = composer.text(x, height - DESCENT * size, line, size)
    band = Slice(height, texts=[text], images=logo.images)
    gap = 2.5 * MM
    return stack([band, Slice(gap, rules=[Rule(x, gap / 2, x + width, gap / 2, 0.4)])])


def title_page_blocks(
    plan: Plan, composer: Composer, x: float, width: float, with_list: bool = True
) -> list[Block]:
    """A first page: who it is for, safety, what a back spasm is, and the exercises."""
    sizes = composer.sizes
    layout = composer.layout
    blocks: list[Block] = []
    if composer.artwork.logo_aspect is not None:
        logo = logo_slice(composer, x, layout.title_logo_height_mm * MM, width * 0.6)
        blocks.append(Block([logo, spacer(sizes.block_gap)]))
    slices = composer.text_lines(wording.TITLE, x, width, sizes.title * 1.25, bold=True)
    slices += composer.text_lines(wording.subtitle(plan), x, width, sizes.body)
    for line, what in (
        (f"For: {plan.patient}" if plan.patient else "", "the patient's name"),
        (f"Clinician: {plan.clinician}" if plan.clinician else "", "the clinician's name"),
    ):
        if line:
            slices += composer.fitted_lines(
                line, x, width, sizes.heading, True, max_lines=3, what=what
            )
    slices.append(spacer(sizes.block_gap))
    blocks.append(Block(slices))
    # Safety before anything else a patient reads.
    blocks.append(safety_block(composer, x, width))
    strengthening = any(item.exercise.ability == 3 for item in plan.exercises)
    for index, (heading, paragraph) in enumerate(wording.ABOUT_SPASMS, start=1):
        if index == len(wording.ABOUT_SPASMS) and strengthening:
            # Only said when the plan has a strengthening exercise in it.
            paragraph = f"{paragraph} {wording.STRENGTH_NOTE}"
        part = composer.text_lines(heading, x, width, sizes.heading, bold=True)
        part += composer.text_lines(paragraph, x, width, sizes.body)
        part.append(spacer(sizes.body * 0.6))
        blocks.append(Block(part))
    if not with_list:
        return blocks
    listing = composer.text_lines(wording.EXERCISE_LIST_HEADING, x, width, sizes.heading, True)
    for number, item in enumerate(plan.exercises, start=1):
        listing += composer.hanging(
            f"{number}.",
            f"{item.exercise.name}: {wording.dose_words(item)}.",
            x,
            width,
            sizes.body,
            max_lines=3,
            what=f"the name of exercise {number}",
        )
    blocks.append(Block(listing))
    return blocks


def safety_block(composer: Composer, x: float, width: float) -> Block:
    """The safety panel: a framed box so it stands out in black and white."""
    sizes = composer.sizes
    size = sizes.body
    pad = size * 0.6
    inner_x, inner_width = x + pad, width - 2 * pad
    content = composer.text_lines(
        wording.SAFETY_HEADING + ": " + wording.SAFETY_STOP, inner_x, inner_width, size, bold=True
    )
    if composer.layout.safety_style == "paragraph":
        signs = "; ".join(wording.SAFETY_SIGNS) + "."
        content += composer.text_lines(
            f"{wording.SAFETY_URGENT_LEAD} {signs}", inner_x, inner_width, size
        )
    else:
        content += composer.text_lines(wording.SAFETY_URGENT_LEAD, inner_x, inner_width, size)
        for sign in wording.SAFETY_SIGNS:
            content += composer.hanging("\u2022", sign, inner_x, inner_width, size)
    panel = stack([spacer(pad * 0.7), *content, spacer(pad * 0.7)])
    line = 1.4
    # Inset by half the line width so the stroke stays inside the margins.
    panel.frames.append(Frame(x + line / 2, line / 2, width - line, panel.height - line, line))
    return Block([panel, spacer(sizes.block_gap * 0.7)])


def intro_block(plan: Plan, composer: Composer, x: float, width: float) -> Block:
    sizes = composer.sizes
    hint = wording.picture_hint(composer.has_pictures, composer.layout.show_steps)
    how_to = wording.HOW_TO_USE
    if composer.layout.arrangement == "week-table":
        # The week's pain boxes have no label of their own.
        how_to = wording.HOW_TO_USE_WEEK
        if any(item.sessions_per_day > 1 for item in plan.exercises):
            how_to += wording.WEEK_PAIN_SESSIONS
        if any(item.sides == 2 for item in plan.exercises):
            how_to += " " + wording.SIDE_LEGEND
    slices = composer.text_lines(hint + how_to, x, width, sizes.body)
    if plan.notes:
        slices += composer.fitted_lines(
            f"Notes from your clinician: {plan.notes}",
            x,
            width,
            sizes.body,
            True,
            max_lines=composer.notes_lines if composer.layout.single_page else 30,
            what="the clinician's notes",
        )
    slices.append(spacer(sizes.block_gap * 0.6))
    return Block(slices)


def _title_of(number: int, item: PlannedExercise) -> str:
    return f"{number}. {item.exercise.name}"


def _kind_of(item: PlannedExercise) -> str:
    position = {"lying": "Lying down", "sitting": "Sitting", "standing": "Standing"}
    ability = ABILITY_NAMES[item.exercise.ability].capitalize()
    return f"{position[item.exercise.position]} \u00b7 {ability}"


def exercise_block(
    number: int, item: PlannedExercise, plan: Plan, composer: Composer, x: float, width: float
) -> Block:
    if composer.layout.arrangement == "side-by-side":
        return _side_by_side_block(number, item, plan, composer, x, width)
    if composer.layout.arrangement == "week-table":
        return _week_row_block(number, item, plan, composer, x, width)
    return _stacked_block(number, item, plan, composer, x, width)


GUTTER = 4 * MM


def text_column(composer: Composer, width: float) -> float:
    """The text column beside a picture narrows a little as a single page shrinks its text."""
    return width * composer.layout.text_fraction * max(composer.scale, 0.75)


def _summary_cell(
    number: int, item: PlannedExercise, composer: Composer, x: float, width: float
) -> tuple[Slice, float]:
    """The picture (when shown), then name, dose and cue: the left part of a row.

    Returns the cell and the x where the next column may start.
    """
    sizes = composer.sizes
    text_width = text_column(composer, width)
    picture = composer.picture(item)
    cell: list[Slice] = []
    text_x = x
    if composer.has_pictures:
        # The column is kept even for an exercise without a picture, so rows line up.
        picture_width = composer.layout.picture_width_mm * MM * composer.scale
        text_x = x + picture_width + GUTTER * 0.75
        if picture is not None:
            tallest = composer.layout.picture_height_mm * MM * composer.scale
            drawn = picture_slice(picture, composer, x, picture_width, tallest)
            cell.append(stack([spacer(sizes.box_gap), drawn]))
    left = composer.fitted_lines(
        _title_of(number, item), text_x, text_width, sizes.heading, True,
        max_lines=3, what=f"the name of exercise {number}",
    )  # fmt: skip
    left += composer.text_lines(wording.dose_words(item), text_x, text_width, sizes.body, True)
    if composer.layout.show_cue:
        left += composer.fitted_lines(
            item.exercise.cue, text_x, text_width, sizes.body,
            max_lines=4, what=f"the short description of exercise {number}",
        )  # fmt: skip
    if item.note:
        left += composer.fitted_lines(
            wording.note_line(item.note), text_x, text_width, sizes.body, True,
            max_lines=3, what=f"the note for exercise {number}",
        )  # fmt: skip
    cell.append(stack(left))
    return beside(*cell), text_x + text_width + GUTTER


def _side_by_side_block(
    number: int, item: PlannedExercise, plan: Plan, composer: Composer, x: float, width: float
) -> Block:
    """Picture, then text (name, dose, cue), then the boxes; one unsplittable slice."""
    sizes = composer.sizes
    summary, grid_x = _summary_cell(number, item, composer, x, width)
    if x + width - grid_x < sizes.box * 2:
        raise DoesNotFitError(
            f"The {composer.layout.name} layout leaves no room for boxes beside the text; "
            "lower exercise.text_fraction or picture.width_mm in the layout."
        )
    right = tick_grid(item, plan, composer, grid_x, x + width - grid_x)
    row = beside(summary, stack([spacer(sizes.box_gap), *right]))
    rule = Slice(
        sizes.block_gap, rules=[Rule(x, sizes.block_gap / 2, x + width, sizes.block_gap / 2, 0.5)]
    )
    return Block([stack([row, rule])])


def _stacked_block(
    number: int, item: PlannedExercise, plan: Plan, composer: Composer, x: float, width: float
) -> Block:
    """Heading, dose, details, steps, cautions and then the boxes, top to bottom."""
    sizes = composer.sizes
    layout = composer.layout
    exercise = item.exercise
    body = sizes.body

    def heading(continued: bool = False) -> list[Slice]:
        title = _title_of(number, item) + (" (continued)" if continued else "")
        return composer.fitted_lines(
            title, x, width, sizes.heading, True,
            max_lines=3, what=f"the name of exercise {number}",
        )  # fmt: skip

    slices = heading()
    slices += composer.text_lines(
        f"{_kind_of(item)}. {wording.dose_words(item)}.", x, width, body, True
    )
    if layout.show_cue:
        slices += composer.text_lines(exercise.cue, x, width, body)
    if item.note:
        slices += composer.fitted_lines(
            wording.note_line(item.note), x, width, body, True,
            max_lines=8, what=f"the note for exercise {number}",
        )  # fmt: skip
    if layout.show_details:
        needs = ", ".join(exercise.equipment) if exercise.equipment else "nothing but some space"
        slices += composer.text_lines(f"You need: {needs}.", x, width, body)
        slices += composer.text_lines(f"It helps: {', '.join(exercise.targets)}.", x, width, body)
    picture = composer.picture(item)
    if layout.show_steps or picture is not None:
        slices.append(spacer(body * 0.3))
        slices += _steps_and_picture(item, picture, composer, x, width)
    if layout.show_cautions and exercise.cautions:
        cautions = [spacer(body * 0.3)]
        cautions += composer.text_lines("Take care:", x, width, body, True)
        lead = len(cautions) + 1  # the heading and the first line of the first caution
        for caution in exercise.cautions:
            cautions += composer.hanging("\u2022", caution, x, width, body)
        if len(cautions) <= lead + 8:
            # Short cautions are kept together, so none is read without its heading.
            slices.append(stack(cautions))
        else:
            # A long list (a library's) may continue on the next page, line by line.
            slices += [stack(cautions[:lead]), *cautions[lead:]]
    grid = tick_grid(item, plan, composer, x, width)
    # The prompt goes with the first row of boxes, the closing rule with the last,
    # so a page break never leaves either alone.
    prompt = [spacer(body * 0.4)]
    prompt += composer.text_lines(wording.TICK_PROMPT, x, width, sizes.label)
    grid[0] = stack([*prompt, grid[0]])
    gap = sizes.block_gap
    grid[-1] = stack([grid[-1], Slice(gap, rules=[Rule(x, gap / 2, x + width, gap / 2, 0.5)])])
    slices += grid
    return Block(slices, heading=lambda: heading(continued=True))


@dataclass(frozen=True)
class _WeekColumns:
    """Where the day columns of a week table are: shared by the header row and every row."""

    session_x: float
    first_day_x: float
    day_width: float


def _week_columns(plan: Plan, composer: Composer, x: float, width: float) -> _WeekColumns:
    layout = composer.layout
    left = text_column(composer, width) + GUTTER
    if composer.has_pictures:
        left += layout.picture_width_mm * MM * composer.scale + GUTTER * 0.75
    sessions = max(item.sessions_per_day for item in plan.exercises)
    session_width = 0.0
    if sessions > 1:
        session_width = (
            max(
                composer.width_of(wording.session_label(s), False, composer.sizes.label)
                for s in range(1, sessions + 1)
            )
            + 2 * MM
        )
    first_day_x = x + left + session_width
    day_width = (x + width - first_day_x) / plan.days
    return _WeekColumns(x + left, first_day_x, day_width)


def week_header_block(plan: Plan, composer: Composer, x: float, width: float) -> Block:
    """Column headings for a week table: a day name and date over each column."""
    columns = _week_columns(plan, composer, x, width)
    size = composer.sizes.label
    cells: list[Slice] = []
    for day, lines in enumerate(_day_headings(plan, composer, columns.day_width - 1 * MM), 1):
        left = columns.first_day_x + (day - 1) * columns.day_width
        cell = Slice(0)
        for line in lines:
            line_width = composer.width_of(line, True, size)
            piece = stack(
                composer.text_lines(
                    line, left + (columns.day_width - line_width) / 2, columns.day_width, size, True
                )
            )
            cell = stack([cell, piece])
        cells.append(cell)
    heading = stack(composer.text_lines("Exercise", x, columns.session_x - x, size, True))
    row = beside(heading, *cells)
    gap = composer.sizes.box_gap * 1.5
    underline = Slice(gap, rules=[Rule(x, gap / 2, x + width, gap / 2, 0.8)])
    return Block([stack([row, underline])])


def _day_headings(plan: Plan, composer: Composer, room: float) -> list[list[str]]:
    """Each day column's heading, as lines: 'Mon 23 Nov' wrapped at its spaces, or,
    when a word of it would not fit, the longest short form that fits whole in
    every column (see wording.short_day_headings). A word is never cut."""
    size = composer.sizes.label
    days = range(1, plan.days + 1)

    def fits(words: list[str] | tuple[str, ...]) -> bool:
        return all(composer.width_of(word, True, size) <= room for word in words)

    labels = [wording.day_label(plan.date, day) for day in days]
    if all(fits(label.split()) for label in labels):
        return [composer.wrap(label, True, size, room) for label in labels]
    forms = [wording.short_day_headings(plan.date, day) for day in days]
    for form in range(len(forms[0])):
        if all(fits(headings[form]) for headings in forms):
            return [list(headings[form]) for headings in forms]
    return [list(headings[-1]) for headings in forms]  # the day number alone, as a last resort


def week_pain_block(plan: Plan, composer: Composer, x: float, width: float) -> Block:
    """The week's last row: a pain box per day for each time of the day, in order.

    A pain box per exercise would not fit a week's day cells beside the tick
    boxes, so the week asks once per session: pain after that round of exercises.
    """
    sizes = composer.sizes
    columns = _week_columns(plan, composer, x, width)
    sessions = max(item.sessions_per_day for item in plan.exercises)
    box, gap = sizes.box, sizes.box_gap
    line_height = max(box + gap, composer.line_height(sizes.label))
    label = wording.WEEK_PAIN_LABEL
    heading = stack(
        composer.fitted_lines(
            label,
            x,
            columns.first_day_x - x - 1 * MM,
            sizes.label,
            True,
            max_lines=3,
            what="the pain row's label",
        )
    )
    room = columns.day_width - 2 * MM
    box_width = min(_pain_box_width(composer), (room - (sessions - 1) * gap) / sessions)
    if box_width < box:
        raise DoesNotFitError(
            f"The pain boxes for {sessions} times a day do not fit in a day's column; "
            "use fewer --days or --sessions, or --layout handout."
        )
    cells = Slice(line_height)
    for day in range(1, plan.days + 1):
        left = columns.first_day_x + (day - 1) * columns.day_width + 1 * MM
        for session in range(1, sessions + 1):
            when = wording.day_label(plan.date, day)
            if sessions > 1:
                when += f", {wording.session_label(session)}"
            cells.boxes.append(
                _pain_box(
                    composer,
                    left + (session - 1) * (box_width + gap),
                    line_height,
                    box_width,
                    week_pain_name(day, session),
                    f"after the exercises: {when}",
                )
            )
    return _week_table_row(
        beside(heading, stack([spacer(gap), cells])), plan, columns, x, width, gap
    )


def _week_row_block(
    number: int, item: PlannedExercise, plan: Plan, composer: Composer, x: float, width: float
) -> Block:
    """One exercise as a table row: picture and dose, then a cell per day and time of day."""
    sizes = composer.sizes
    columns = _week_columns(plan, composer, x, width)
    summary, _ = _summary_cell(number, item, composer, x, width)
    sides = SIDE_NAMES[item.sides]
    short_sides = [{"right": "R", "left": "L", "both": ""}[side] for side in sides]
    size = sizes.label
    side_width = max(composer.width_of(text, False, size) for text in short_sides)
    side_width = side_width + 1.2 * MM if side_width else 0.0
    box, gap = sizes.box, sizes.box_gap
    room = columns.day_width - 2 * MM - side_width
    per_line = int((room + gap) // (box + gap))
    if per_line < 1:
        raise DoesNotFitError(
            f"The boxes for {item.exercise.name!r} do not fit in a day's column; "
            "use fewer --days or --layout handout."
        )
    if per_line < item.reps and not composer.may_wrap:
        raise _Wraps()
    per_line = balanced(per_line, item.reps)
    line_height = max(box + gap, composer.line_height(size))
    session_rows: list[Slice] = []
    for session in range(1, item.sessions_per_day + 1):
        row = Slice(0)
        for day in range(1, plan.days + 1):
            left = columns.first_day_x + (day - 1) * columns.day_width + 1 * MM
            tick_row = _TickRow("", day, session)
            groups = [
                _box_group(
                    item,
                    plan,
                    composer,
                    tick_row,
                    side,
                    short_sides[index],
                    left,
                    side_width,
                    per_line,
                    line_height,
                )
                for index, side in enumerate(sides)
            ]
            row = beside(row, stack(groups))
        if item.sessions_per_day > 1:
            baseline = composer.centred_baseline(line_height, size)
            row.texts.append(
                composer.text(columns.session_x, baseline, wording.session_label(session), size)
            )
        session_rows.append(stack([row, spacer(gap)]))
    grid = stack([spacer(gap), *session_rows])
    return _week_table_row(beside(summary, grid), plan, columns, x, width, gap)


def _week_table_row(
    row: Slice, plan: Plan, columns: _WeekColumns, x: float, width: float, gap: float
) -> Block:
    """A row of the week table, closed: hairlines between the days, a rule under it."""
    row.height += gap
    for day in range(1, plan.days):
        # Hairlines between the days, so a column reads as one day.
        line_x = columns.first_day_x + day * columns.day_width
        row.rules.append(Rule(line_x, 0, line_x, row.height, 0.3))
    rule = Slice(gap * 1.5, rules=[Rule(x, gap * 0.75, x + width, gap * 0.75, 0.6)])
    return Block([stack([row, rule])])


def _steps_and_picture(
    item: PlannedExercise,
    picture: Pictogram | Photo | None,
    composer: Composer,
    x: float,
    width: float,
) -> list[Slice]:
    """Numbered steps with the pictogram beside them, as large as the steps are tall."""
    body = composer.sizes.body
    show_steps = composer.layout.show_steps
    tallest = composer.layout.picture_height_mm * MM
    if picture is None:
        return _numbered_steps(item, composer, x, width)
    if not show_steps:
        return [picture_slice(picture, composer, x, width, tallest)]
    picture_width = min(composer.layout.picture_width_mm * MM, width * 0.55)
    steps_width = width - picture_width - GUTTER
    steps = _numbered_steps(item, composer, x, steps_width)
    steps_height = sum(piece.height for piece in steps)
    picture_x = x + steps_width + GUTTER
    count = 1 if isinstance(picture, Photo) else len(picture.panels)
    # The largest panels (fewest per row) that do not make the block much taller
    # than the steps; at worst all panels in one row.
    choice = picture_slice(picture, composer, picture_x, picture_width, tallest, count)
    for columns in range(1, count):
        candidate = picture_slice(picture, composer, picture_x, picture_width, tallest, columns)
        if candidate.height <= max(steps_height * 1.15, choice.height) + body:
            choice = candidate
            break
    return [beside(stack(steps), choice)]


def _numbered_steps(
    item: PlannedExercise, composer: Composer, x: float, width: float
) -> list[Slice]:
    if not composer.layout.show_steps:
        return []
    slices: list[Slice] = []
    for index, step in enumerate(item.exercise.steps, start=1):
        step = wording.step_text(step, item.hold_seconds)
        slices += composer.hanging(f"{index}.", step, x, width, composer.sizes.body)
    return slices


def notes_area(composer: Composer, x: float, width: float, room: float) -> list[Slice]:
    """Ruled lines in the space left at the end, for the patient's own notes."""
    size = composer.sizes.body
    line_gap = 9 * MM
    title = composer.text_lines(wording.NOTES_PROMPT, x, width, size, bold=True)
    title_height = sum(piece.height for piece in title)
    lines = int((room - title_height - size) // line_gap)
    if lines < 2:
        return []
    ruled = [
        Slice(line_gap, rules=[Rule(x, line_gap - 0.4, x + width, line_gap - 0.4, 0.4)])
        for _ in range(min(lines, 12))
    ]
    return [spacer(size * 0.5), *title, *ruled]


def footer_texts(
    layout: Layout,
    composer: Composer,
    plan: Plan,
    page: int,
    pages: int,
    x: float,
    width: float,
    baseline: float,
) -> list[Text]:
    """Page number and the short safety reminder, on the bottom margin line."""
    size = composer.sizes.label
    texts = []
    if layout.page_numbers:
        number = f"Page {page} of {pages}"
        number_width = composer.width_of(number, False, size)
        texts.append(composer.text(x + width - number_width, baseline, number, size))
        reminder_room = width - number_width - 6 * MM
        reminder = ""
        if page > 1:
            who = f"{plan.patient}. " if plan.patient else ""
            # The longest version that fits on the line; the safety words come first.
            candidates = [
                who + wording.PAGE_FOOTER_SAFETY,
                who + wording.PAGE_FOOTER_SAFETY_SHORT,
                wording.PAGE_FOOTER_SAFETY_SHORT,
            ]
            fitting = [c for c in candidates if composer.width_of(c, False, size) <= reminder_room]
            reminder = fitting[0] if fitting else candidates[-1]
        if reminder:
            line = composer.wrap(reminder, False, size, reminder_room)[0]
            texts.append(composer.text(x, baseline, line, size))
    return texts


# --- pagination ---


def _paginate(blocks: list[Block], first_height: float, later_height: float) -> list[list[Slice]]:
    """Fill pages with blocks; the first page may be shorter or taller than the rest."""
    pages: list[list[Slice]] = [[]]
    used = 0.0

    def room() -> float:
        return (first_height if len(pages) == 1 else later_height) - used

    def new_page() -> None:
        nonlocal used
        pages.append([])
        used = 0.0

    for block in blocks:
        if block.height <= room():
            pages[-1] += block.slices
            used += block.height
            continue
        if used > 0:
            new_page()
        if block.height <= room():
            pages[-1] += block.slices
            used = block.height
            continue
        # Taller than a page: split between slices, repeating the heading.
        for piece in block.slices:
            if piece.height > max(first_height, later_height):
                raise DoesNotFitError(
                    "One part of the sheet (a picture, or a row of boxes) is taller than a "
                    "page; use a layout with smaller sizes, like --layout handout, or "
                    "fewer --days or --sessions."
                )
            if piece.height > room():
                new_page()
                if block.heading is not None:
                    for head in block.heading():
                        pages[-1].append(head)
                        used += head.height
            pages[-1].append(piece)
            used += piece.height
    return pages


def _place(slices: list[Slice], top: float) -> Page:
    """Turn local slice coordinates into a page (y upward from the bottom)."""
    texts: list[Text] = []
    boxes: list[Box] = []
    rules: list[Rule] = []
    frames: list[Frame] = []
    drawings: list[Drawing] = []
    images: list[Image] = []
    for dy, piece in stack(slices).flattened():
        base = top - dy  # where this piece's top is, measured up from the page's bottom
        texts += [_moved(t, y=base - t.y) for t in piece.texts]
        boxes += [_moved(b, y=base - b.y - b.size) for b in piece.boxes]
        rules += [_moved(r, y1=base - r.y1, y2=base - r.y2) for r in piece.rules]
        frames += [_moved(f, y=base - f.y - f.height) for f in piece.frames]
        drawings += [_moved(d, y=base - d.y - d.height) for d in piece.drawings]
        images += [_moved(i, y=base - i.y - i.height) for i in piece.images]
    return Page(
        texts=tuple(texts),
        boxes=tuple(boxes),
        rules=tuple(rules),
        frames=tuple(frames),
        drawings=tuple(drawings),
        images=tuple(images),
    )


def _scales() -> Iterator[float]:
    scale = 1.0
    while scale > 0.3:
        yield round(scale, 3)
        scale -= 0.05


@dataclass(frozen=True)
class _Paper:
    width: float
    height: float
    margin: float

    @property
    def content_width(self) -> float:
        return self.width - 2 * self.margin

    @property
    def content_height(self) -> float:
        return self.height - 2 * self.margin


def _remembering(measure: Measure) -> Measure:
    """`measure`, remembering its answers: the same labels ("Right", "1st time",
    "Pain") and words are measured for every row, at every size a page tries."""
    widths: dict[tuple[str, str, float], float] = {}

    def remembered(text: str, font: str, size: float) -> float:
        key = (text, font, size)
        if key not in widths:
            widths[key] = measure(text, font, size)
        return widths[key]

    return remembered


def place(
    plan: Plan,
    layout: Layout,
    paper: str,
    measure: Measure,
    artwork: Artwork | None = None,
    title_page: bool | None = None,
) -> Document:
    """Lay the plan out on pages of `paper` following `layout`.

    A single-page layout tries smaller sizes step by step; when even the
    smallest does not fit with pictures, it tries again without them.
    """
    artwork = artwork or Artwork()
    measure = _remembering(measure)
    title_page = layout.title_page if title_page is None else title_page
    width, height = PAPER_SIZES[paper]
    if layout.orientation == "landscape":
        width, height = height, width
    sheet = _Paper(width, height, layout.margin_mm * MM)
    if layout.single_page:
        # Every row of boxes needs at least one minimum-size box of height; when even
        # that is taller than the page, no amount of shrinking helps, so say so now.
        days_down = 1 if layout.arrangement == "week-table" else plan.days
        rows = sum(item.sessions_per_day for item in plan.exercises) * days_down
        if rows * layout.min_box_mm * MM > sheet.content_height:
            raise _does_not_fit(plan, layout)
    has_pictures = layout.pictures and any(
        artwork.has_picture(item.exercise.id) for item in plan.exercises
    )
    attempts = [(True, scale) for scale in (_scales() if layout.single_page else [1.0])]
    if layout.single_page and has_pictures:
        attempts += [(False, scale) for scale in _scales()]
    # A week's boxes stay on one line per day at every size, with and without
    # pictures, before any size may wrap them (a wrapped group reads as two).
    wraps = (False, True) if layout.arrangement == "week-table" else (True,)
    # Long clinician's notes on a single page are cut shorter before giving up.
    note_caps = (6, 3, 1) if layout.single_page and plan.notes else (6,)
    for notes_lines, may_wrap, (pictures, scale) in itertools.product(note_caps, wraps, attempts):
        try:
            document = _attempt(
                plan, layout, sheet, measure, artwork, title_page, pictures, scale,
                may_wrap=may_wrap, notes_lines=notes_lines,
            )  # fmt: skip
        except _Wraps:
            continue
        if document is None:
            continue
        if has_pictures and not pictures:
            document = replace(
                document,
                warnings=(
                    *document.warnings,
                    "the pictures were left out so that everything fits on one page; "
                    "use --layout handout to have them.",
                ),
            )
        return document
    raise _does_not_fit(plan, layout)


def _attempt(
    plan: Plan,
    layout: Layout,
    sheet: _Paper,
    measure: Measure,
    artwork: Artwork,
    title_page: bool,
    pictures: bool,
    scale: float,
    may_wrap: bool = True,
    notes_lines: int = 6,
) -> Document | None:
    """The document at one size, or None when a single-page layout does not fit."""
    x, width = sheet.margin, sheet.content_width
    sizes = Sizes.of(layout, scale)
    composer = Composer(layout, sizes, measure, artwork, pictures, scale, may_wrap)
    composer.notes_lines = notes_lines
    footer_band = composer.line_height(sizes.label) * 1.5 if layout.page_numbers else 0.0
    body_height = sheet.content_height - footer_band
    band: Slice | None = None
    if artwork.logo_aspect is not None and (title_page or not layout.single_page):
        band = running_band(plan, composer, x, width)
    band_height = band.height if band is not None else 0.0
    blocks: list[Block] = []
    if not title_page:
        blocks += [header_block(plan, composer, x, width), safety_block(composer, x, width)]
    lead = [intro_block(plan, composer, x, width)]
    if layout.arrangement == "week-table":
        lead.append(week_header_block(plan, composer, x, width))
    first_height = body_height - (band_height if title_page else 0.0)
    used = sum(block.height for block in [*blocks, *lead])
    exercises: list[Block] = []
    for number, item in enumerate(plan.exercises, start=1):
        exercises.append(exercise_block(number, item, plan, composer, x, width))
        used += exercises[-1].height
        if layout.single_page and used > first_height:
            return None  # this size is too big already: no need to place the rest
    # The how-to lines and table headings stay on the page of the first exercise.
    first = exercises[0]
    lead_slices = [piece for block in lead for piece in block.slices]
    blocks.append(Block(lead_slices + first.slices, heading=first.heading))
    blocks += exercises[1:]
    if layout.arrangement == "week-table":
        blocks.append(week_pain_block(plan, composer, x, width))
    if layout.single_page:
        if sum(block.height for block in blocks) > first_height:
            return None
        content = [[piece for block in blocks for piece in block.slices]]
    else:
        content = _paginate(blocks, first_height, body_height - band_height)
    if layout.notes_area:
        page_height = first_height if len(content) == 1 else body_height - band_height
        used = sum(piece.height for piece in content[-1])
        content[-1] += notes_area(composer, x, width, page_height - used)
    front: list[list[Slice]] = []
    title_warnings: list[str] = []
    if title_page:
        # The title page keeps the layout's full sizes even when the sheet shrinks.
        full = Composer(layout, Sizes.of(layout, 1.0), measure, artwork, pictures)
        front = _paginate(title_page_blocks(plan, full, x, width), body_height, body_height)
        if len(front) > 1:
            # The list of exercises is a summary of the pages after; leave it out
            # rather than spill the title page over two pages.
            blocks_without = title_page_blocks(plan, full, x, width, with_list=False)
            front = _paginate(blocks_without, body_height, body_height)
        title_warnings = full.warnings
    page_slices = front + content
    pages = []
    for index, slices in enumerate(page_slices, start=1):
        if index > 1 and band is not None:
            slices = [band, *slices]
        page = _place(slices, sheet.height - sheet.margin)
        footer = footer_texts(
            layout,
            composer,
            plan,
            index,
            len(page_slices),
            x,
            width,
            sheet.margin + DESCENT * sizes.label,
        )
        pages.append(replace(page, texts=page.texts + tuple(footer)))
    return Document(
        width=sheet.width,
        height=sheet.height,
        margin=sheet.margin,
        pages=tuple(pages),
        title=wording.TITLE + (f" for {plan.patient}" if plan.patient else ""),
        subject=_subject(plan),
        author=plan.clinician or "",
        warnings=tuple(dict.fromkeys(composer.warnings + title_warnings)),
    )


def _does_not_fit(plan: Plan, layout: Layout) -> DoesNotFitError:
    count = len(plan.exercises)
    what = "This exercise" if count == 1 else f"These {count} exercises"
    notes = " and the notes" if plan.notes else ""
    verb = "does" if count == 1 and not notes else "do"
    return DoesNotFitError(
        f"{what} with {plan.box_count()} boxes to tick{notes} {verb} not fit on one page "
        f"of the {layout.name} layout, even with text at {layout.min_pt:g} pt; use "
        "--layout handout, or choose fewer exercises, --days or --sessions."
    )


def _subject(plan: Plan) -> str:
    count = len(plan.exercises)
    noun = "exercise" if count == 1 else "exercises"
    days = "1 day" if plan.days == 1 else f"{plan.days} days"
    return f"Lower-back exercise routine: {count} {noun}, {days}, {plan.box_count()} boxes to tick"

"""Pictures: a pictogram's frames in rows with their captions, a library photo, the logo."""

from __future__ import annotations

import math
from collections.abc import Iterable

from makeplan.geometry.composer import Composer
from makeplan.geometry.items import MM, Drawing, Image, Photo
from makeplan.geometry.slices import Slice, beside, spacer, stack
from makeplan.poses import Panel, Pictogram

PANEL_GAP = 2 * MM
# Between a key pair's two frames: their own floor, mat or bed already parts them.
PAIR_GAP = 1 * MM


def picture_slice(
    picture: Pictogram | Photo,
    composer: Composer,
    x: float,
    width: float,
    max_panel_height: float,
    columns: int | None = None,
    scale_width: float | None = None,
    caption_width: float | None = None,
    pair: bool = False,
) -> Slice:
    """The frames of a pictogram in rows of `columns`, each with its caption under it
    (or, given `caption_width`, one frame to a row with its caption beside it, a
    column that `width` must hold).

    The frames are drawn at the size they would have in a box `scale_width` wide
    (`width` when not given), in rows across `width`.

    A layout showing only the key frame gets that one panel, with no caption; or,
    given `pair`, the pose's key pair (when it has one) one above the other.
    A photo is one image as large as fits.
    """
    if isinstance(picture, Photo):
        photo_width = min(width, max_panel_height * picture.aspect)
        photo_height = photo_width / picture.aspect
        return Slice(photo_height, images=[Image(x, 0.0, photo_width, photo_height, picture.key)])
    key_only = composer.layout.picture_frames == "key"
    panels = (picture.key,) if key_only else picture.panels
    paired = key_only and pair and picture.key_pair is not None
    if paired and picture.key_pair:
        # Side by side, read left to right, where both fit across the column at the
        # sheet's scale (a narrow figure: the seated twist's turn one way, then the
        # other, in one frame's height); else one above the other, read top to bottom.
        panels, columns = picture.key_pair, 2
    count = len(panels)
    # One body scale for every picture on the sheet: the largest at which each of
    # them fits its box, its frames in as many rows as suit it best (a curled-up
    # body is not drawn bigger than a stretched-out one). Then as many frames to a
    # row as fit at that scale, up to `columns`.
    scale = sheet_scale(picture, composer, scale_width or width, max_panel_height)
    panel_width = picture.width * scale
    fitting = max(1, int((width + PANEL_GAP + 1e-6) // (panel_width + PANEL_GAP)))
    columns = max(1, min(columns or count, count, fitting))
    size = composer.sizes.label
    captions = composer.layout.picture_captions and not key_only
    if captions and caption_width is not None:
        return _captions_beside(panels, picture, composer, x, scale, caption_width)
    rows: list[Slice] = []
    for first in range(0, count, columns):
        in_row = panels[first : first + columns]
        # A row is as tall as its tallest frame; each frame stands on the row's floor.
        row = Slice(max(_own_height(panel, picture) for panel in in_row) * scale)
        caption_slices: list[Slice] = []
        for column, panel in enumerate(in_row):
            left = x + column * (panel_width + PANEL_GAP)
            height = _own_height(panel, picture) * scale
            row.drawings.append(
                Drawing(left, row.height - height, panel_width, height, panel, scale)
            )
            if captions:
                number = f"{first + column + 1}. " if count > 1 else ""
                # Narrower than the panel, so two captions side by side (3 mm apart
                # with the panels' gap) never read as one line.
                caption_width = panel_width - (1 * MM if columns > 1 else 0.0)
                caption_slices.append(
                    stack(composer.text_lines(number + panel.caption, left, caption_width, size))
                )
        if caption_slices:
            row = stack([row, beside(*caption_slices)])
        rows.append(row)
    gap = PAIR_GAP if paired else PANEL_GAP
    return stack([piece for row in rows for piece in (row, spacer(gap))][:-1])


def _captions_beside(
    panels: tuple[Panel, ...],
    picture: Pictogram,
    composer: Composer,
    x: float,
    scale: float,
    caption_width: float,
) -> Slice:
    """One frame to a row, its numbered caption beside it, centred on the frame."""
    size = composer.sizes.label
    panel_width = picture.width * scale
    rows: list[Slice] = []
    for index, panel in enumerate(panels, start=1):
        height = _own_height(panel, picture) * scale
        number = f"{index}. " if len(panels) > 1 else ""
        caption = stack(
            composer.text_lines(number + panel.caption, x + panel_width + PANEL_GAP,
                                caption_width, size)
        )  # fmt: skip
        row_height = max(height, caption.height)
        frame = Slice(row_height)
        top = (row_height - height) / 2
        frame.drawings.append(Drawing(x, top, panel_width, height, panel, scale))
        rows.append(beside(frame, stack([spacer((row_height - caption.height) / 2), caption])))
    return stack([piece for row in rows for piece in (row, spacer(PANEL_GAP))][:-1])


def frames_width(
    picture: Pictogram | Photo,
    composer: Composer,
    scale_width: float,
    max_panel_height: float,
    columns: int,
) -> float:
    """How wide `columns` frames side by side are, drawn as `picture_slice` draws them
    for a box `scale_width` wide (never wider than that box)."""
    if isinstance(picture, Photo):
        return min(scale_width, max_panel_height * picture.aspect)
    key_only = composer.layout.picture_frames == "key"
    count = 1 if key_only else len(picture.panels)
    scale = sheet_scale(picture, composer, scale_width, max_panel_height)
    columns = max(1, min(columns, count))
    panel_width = picture.width * scale
    return min(scale_width, columns * panel_width + (columns - 1) * PANEL_GAP)


def _own_height(panel: Panel, picture: Pictogram) -> float:
    return min(panel.height, picture.height) if panel.height > 0 else picture.height


def _fit(picture: Pictogram, width: float, max_panel_height: float, columns: int) -> float:
    """Points per body unit at which `picture`'s frames, `columns` to a row, fill `width`
    without a frame taller than `max_panel_height`."""
    panel_width = (width - (columns - 1) * PANEL_GAP) / columns
    return min(panel_width / picture.width, max_panel_height / picture.height)


def sheet_scale(
    picture: Pictogram, composer: Composer, width: float, max_panel_height: float
) -> float:
    """The body scale of `picture` on this sheet: the one all its pictures share."""
    key_only = composer.layout.picture_frames == "key"
    on_sheet = [*composer.artwork.pictograms.values(), picture]
    return shared_scale(on_sheet, width, max_panel_height, key_only)


def shared_scale(
    pictures: Iterable[Pictogram], width: float, max_panel_height: float, key_only: bool
) -> float:
    """The body scale every picture of a sheet is drawn at, in points per body unit."""
    return min(
        (
            max(
                _fit(p, width, max_panel_height, columns)
                for columns in range(1, (1 if key_only else len(p.panels)) + 1)
            )
            for p in pictures
        ),
        default=math.inf,
    )


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

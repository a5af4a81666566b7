"""Making a sheet's PDF, as a list of steps: a plan and its layout in, PDF bytes out.

Each step calls the module that owns it; heavy libraries (reportlab, pypdf,
pillow) are imported inside those steps, so commands that do not build stay
fast. Writing the file, and the checks around it, are the job's (`jobs.build`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from makeplan import geometry, wording
from makeplan.catalogue import load_catalogue
from makeplan.errors import DataError, ProblemsError, UsageError
from makeplan.fonts import (
    choose_fonts,
    missing_from,
    refuse_a_font_without_own_wording,
    unprintable_warning,
)
from makeplan.geometry import PHOTO_PREFIX
from makeplan.geometry.mirror import mirrored
from makeplan.geometry.reading_marks import with_reading_marks
from makeplan.languages import ENGLISH, Language, speaking
from makeplan.layouts import MM, Layout, load_layout
from makeplan.model import Exercise, Plan, PlannedExercise
from makeplan.options import Options
from makeplan.output import STDOUT
from makeplan.pdfs.pack import pack
from makeplan.pictograms import packaged_pictogram
from makeplan.pictures import library_picture
from makeplan.plantext import plan_text
from makeplan.poses import Panel, Pictogram
from makeplan.resolving import with_layout
from makeplan.selection import select
from makeplan.sheetdata import (
    PLAN_ATTACHMENT,
    RECORD_ATTACHMENT,
    RECORD_VERSION,
    paper_identity,
    record_bytes,
    sheet_mark,
)

if TYPE_CHECKING:
    from makeplan.images import Picture
    from makeplan.render import Attachment


def resolve_plan(
    options: Options, layout: Layout | None = None, catalogue: Sequence[Exercise] | None = None
) -> tuple[Layout, Options, Plan]:
    """The layout, the options with its defaults filled in, and the plan; a layout or
    catalogue already read is used, not read again."""
    layout = layout or load_layout(options.layout)
    options = with_layout(options, layout)
    if catalogue is None:
        catalogue = load_catalogue(options.libraries)
    return layout, options, select(catalogue, options)


def build_pdf(options: Options) -> tuple[bytes, list[str]]:
    """The finished PDF of the sheet `options` ask for, and warnings (for other programs)."""
    return sheet_pdf(*resolve_plan(options))


def sheet_pdf(layout: Layout, options: Options, plan: Plan) -> tuple[bytes, list[str]]:
    """Everything but the writing: the finished PDF as bytes, and warnings for the user."""
    with speaking(options.lang) as language:
        return _sheet_pdf(layout, options, plan, language)


def _sheet_pdf(
    layout: Layout, options: Options, plan: Plan, language: Language
) -> tuple[bytes, list[str]]:
    from makeplan import render  # reportlab's module: loaded only to draw

    pictograms, pictures = artwork_for(plan, layout, options.grayscale)
    # The plan as printed: its exercises' texts in the sheet's language. The record
    # and the plan file inside the PDF keep the plan itself.
    printed, pictograms, untranslated = in_language(plan, pictograms, language)
    # Captions of a library's pose files are printed too, so they count for the font.
    captions = [panel.caption for picture in pictograms.values() for panel in picture.panels]
    texts = plan_texts(printed) + captions
    fonts = choose_fonts(
        texts, layout.font, layout.bold_font, options.font, language.font, language.bold_font
    )
    covered = render.register_fonts(fonts)
    if covered is not None and fonts.origin:
        refuse_a_font_without_own_wording(covered, fonts)
    layout = replace(layout, font=fonts.regular, bold_font=fonts.bold)
    # The standard fonts are chosen only when they show every character.
    missing = [] if covered is None else missing_from(texts, covered)
    if covered is not None:
        refuse_an_unprintable_safety_text(plan, covered)
    warnings = [unprintable_warning(missing, fonts)] if missing else []
    warnings += untranslated
    cover_readers = _open_covers(options)
    if options.logo is not None:
        pictures["logo"] = _load_logo(options.logo, layout, options.grayscale)
    artwork = geometry.Artwork(
        pictograms=pictograms,
        logo_aspect=pictures["logo"].aspect if "logo" in pictures else None,
        photo_aspects={
            key.removeprefix(PHOTO_PREFIX): picture.aspect
            for key, picture in pictures.items()
            if key.startswith(PHOTO_PREFIX)
        },
    )
    measure = render.visual_width if language.rtl else render.text_width
    document = geometry.place(printed, layout, options.paper, measure, artwork, options.title_page)
    if language.rtl:
        document = mirrored(document)
    if language.code != ENGLISH:
        document = replace(document, lang=language.code, keywords=wording.KEYWORDS)
    attachments = _attachments(plan, options, layout, document)
    record = next(item.data for item in attachments if item.name == RECORD_ATTACHMENT)
    # Corner markers and a QR code on every page, so a photo of the paper can be read.
    identity = paper_identity(plan, layout.name, document, layout.box_line_pt)
    document = with_reading_marks(document, identity, RECORD_VERSION)
    sheet = render.render(
        document,
        plan.date,
        fillable=options.fillable,
        images=pictures,
        grayscale=options.grayscale,
        box_line=layout.box_line_pt,
        attachments=attachments,
        # Only boxes that can be read back need to say which sheet they belong to.
        sheet_mark=sheet_mark(record) if options.fillable else None,
    )
    if cover_readers:
        from makeplan.pdfs.covers import merge_covers

        sheet = merge_covers(sheet, cover_readers)
    if language.code != ENGLISH and not language.clinically_reviewed:
        # One line, first: the words a patient reads have not been checked by a clinician.
        warnings.insert(
            0,
            f"the {language.english_name} translation is not yet clinically reviewed "
            f"(see 'makeplan list --lang'); have a clinician who reads {language.english_name} "
            "check the sheet before it is given out.",
        )
    return pack(sheet), [*plan.notices, *warnings, *document.warnings]


def _attachments(
    plan: Plan, options: Options, layout: Layout, document: geometry.Document
) -> list[Attachment]:
    """The plan file and the sheet's record, carried inside the PDF (see sheetdata)."""
    from makeplan.render import Attachment

    # Paths in the plan are written relative to where the sheet is saved.
    folder = Path(options.output).parent if options.output != STDOUT else Path.cwd()
    text = plan_text(plan, options, layout.title_page, folder, options.date_given)
    # Without the comments (half its bytes): `plan --from` writes them again.
    plan_file = "".join(line + "\n" for line in text.splitlines() if line[:1] not in ("", "#"))
    return [
        Attachment(
            PLAN_ATTACHMENT,
            plan_file.encode("utf-8"),
            "application/toml",
            "The plan this sheet was made from: makeplan plan --from THIS.pdf",
        ),
        Attachment(
            RECORD_ATTACHMENT,
            record_bytes(plan, layout.name, options.fillable, document, layout.box_line_pt),
            "application/json",
            "makeplan's record of this sheet's boxes, for makeplan report",
        ),
    ]


def _open_covers(options: Options) -> list[Any]:
    """The covers, opened and checked before any work; pypdf is loaded only when there are some."""
    if not options.covers:
        return []
    from makeplan.pdfs.covers import open_covers

    return open_covers(options.covers, options.cover_password)


def artwork_for(
    plan: Plan, layout: Layout, grayscale: bool
) -> tuple[dict[str, Pictogram], dict[str, Picture]]:
    """Each planned exercise's picture: a packaged or library pictogram, or a library photo.

    Photos are keyed "photo:<id>" among the pictures to embed.
    """
    pictograms: dict[str, Pictogram] = {}
    photos: dict[str, Picture] = {}
    for item in plan.exercises:
        exercise = item.exercise
        source = exercise.picture
        if source is None:
            packaged = packaged_pictogram(exercise.id)
            if packaged is not None:
                pictograms[exercise.id] = packaged
            continue
        if source.kind == "pose":
            pose = library_picture(source, 0, 0, grayscale)
            assert isinstance(pose, Pictogram)
            pictograms[exercise.id] = pose
        elif layout.pictures:
            # Prepared for the largest place the layout prints a picture.
            width, height = layout.picture_width_mm * MM, layout.picture_height_mm * MM
            photo = library_picture(source, width, height, grayscale)
            assert not isinstance(photo, Pictogram)
            photos[PHOTO_PREFIX + exercise.id] = photo
    return pictograms, photos


def _load_logo(path: Path, layout: Layout, grayscale: bool) -> Picture:
    from makeplan.images import load_picture

    # Prepared once for the largest place it prints (the title page), reused in headers.
    largest = max(layout.logo_height_mm, layout.title_logo_height_mm) * MM
    return load_picture(path, "--logo", largest * 4, largest, grayscale)


def refuse_an_unprintable_safety_text(plan: Plan, covered: frozenset[int]) -> None:
    """The safety panel never prints with a gap: a contact (or emergency number) with
    a character the fonts cannot show is refused, not left out as other texts are."""
    for option, text in (("--emergency", plan.emergency), ("--contact", plan.contact)):
        lacking = missing_from([text], covered)
        if lacking:
            shown = " ".join(f"{char} (U+{ord(char):04X})" for char in lacking[:12])
            raise UsageError(
                f"{option} {text!r} has characters the fonts cannot print ({shown}), and it "
                "goes in the warning signs, which must print whole; write it in other "
                "letters, or give --font with a TrueType font that has them."
            )


def plan_texts(plan: Plan) -> list[str]:
    """Every text of the plan that a sheet may print (the fixed wording is plain ASCII)."""
    texts = [plan.patient or "", plan.clinician or "", plan.notes or ""]
    texts += [plan.emergency or "", plan.contact or ""]
    for item in plan.exercises:
        exercise = item.exercise
        texts += [exercise.name, exercise.cue, item.note or ""]
        texts += [*exercise.steps, *exercise.cautions, *exercise.targets, *exercise.equipment]
    return texts


def in_language(
    plan: Plan, pictograms: dict[str, Pictogram], language: Language
) -> tuple[Plan, dict[str, Pictogram], list[str]]:
    """The plan and pictures with each exercise's texts in `language`, and warnings.

    A built-in exercise always has its translation (a test sees to it); a library
    exercise without one prints in English, and the warning says so: a sheet never
    mixes languages unannounced. A translation with problems stops the build.
    """
    from makeplan.translations import read_translation, translated, translation_source

    if language.code == ENGLISH:
        return plan, pictograms, []
    items: list[PlannedExercise] = []
    pictures = dict(pictograms)
    warnings: list[str] = []
    for item in plan.exercises:
        exercise = item.exercise
        origin, raw = translation_source(exercise, language.code)
        if raw is None:
            if exercise.library_file is None:
                raise DataError(
                    f"{origin} is missing: exercise {exercise.id!r} has no "
                    f"{language.english_name} text; reinstall makeplan."
                )
            warnings.append(
                f"exercise {exercise.id!r} has no {language.english_name} text ({origin}), "
                f"so it prints in English on a {language.english_name} sheet; add that file."
            )
            items.append(item)
            continue
        picture = pictures.get(exercise.id)
        english = [panel.caption for panel in picture.panels] if picture else []
        text, problems = read_translation(raw, origin, exercise, english)
        if text is None:
            raise ProblemsError(origin, problems)
        items.append(replace(item, exercise=translated(exercise, text)))
        if picture is not None:
            words = dict(zip(english, text.captions, strict=True))

            def said(panel: Panel, words: dict[str, str] = words) -> Panel:
                return replace(panel, caption=words.get(panel.caption, panel.caption))

            pictures[exercise.id] = replace(
                picture,
                panels=tuple(said(panel) for panel in picture.panels),
                key=said(picture.key),
                key_pair=(
                    (said(picture.key_pair[0]), said(picture.key_pair[1]))
                    if picture.key_pair
                    else None
                ),
            )
    return replace(plan, exercises=tuple(items)), pictures, warnings

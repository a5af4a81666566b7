"""makeplan as a library: each command's job, as a short list of steps.

Every entry point takes plain values and returns plain values; anything a user
can fix is raised as a `MakeplanError` (with its exit code and a message that
says what to do), and nothing is printed. The command line (`cli`) and `batch`
call these; neither calls the other, and click is not used here.

A sheet is made in two calls, so that a caller can show `--progress`'s lines
even when the build then fails: `resolve` (the options stage, once per
command), then `build` or `write_plan`. The catalogue's own jobs, `makeplan
list` and `show`, are in `listing`, which does not load the drawing steps, so
they answer at once.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from makeplan import build as pdf
from makeplan.catalogue import load_catalogue
from makeplan.checking import check_paths
from makeplan.errors import InputFileError, OutputError, Problem, ProblemsError, UsageError
from makeplan.inputs import tracking_inputs
from makeplan.layouts import Layout, is_layout_path
from makeplan.model import Exercise, Plan
from makeplan.options import Options
from makeplan.output import STDOUT, check_writable, exists_error, write_output
from makeplan.pdfs.pack import pack
from makeplan.planfile import PlanRead, read_plan
from makeplan.plantext import plan_text
from makeplan.progress import progressed
from makeplan.report.adherence import Report, plan_inside, read_report
from makeplan.report.formats import formatted
from makeplan.resolving import Request, fixed_doses, today
from makeplan.resolving import resolve as resolve_options

if TYPE_CHECKING:
    from makeplan.scan.reading import PaperRead


@dataclass(frozen=True)
class Sheet:
    """A sheet's options, resolved once for a command, and what resolving them read."""

    options: Options
    progress: tuple[str, ...] = ()  # --progress: a line per exercise, what moved and why
    read: frozenset[str] = frozenset()  # files read (real paths): the output is none of them
    # Read once, by the step that first needed them; later steps use these.
    layout: Layout | None = None
    catalogue: tuple[Exercise, ...] | None = None


# --- a sheet ---


def resolve(request: Request) -> Sheet:
    """The options stage for one sheet (see resolving.py), each file read once.

    Steps: the plan (a plan file, or the plan inside a returned sheet), the
    request over it with the date's default, then --progress.
    """
    with tracking_inputs() as read:
        plan, plan_file = _read_plan(request)
        values = None if plan is None else plan.values
        options = resolve_options(request, values, plan_file, today)
        # The libraries the plan's ids were checked against are the sheet's: not read again.
        catalogue = None
        if plan is not None and plan.libraries == options.libraries:
            catalogue = plan.catalogue
        sheet = Sheet(options, catalogue=catalogue)
        if request.progress and request.from_sheet is not None:
            sheet = progress(sheet, request.from_sheet)
    return replace(sheet, read=frozenset(read))


def _read_plan(request: Request) -> tuple[PlanRead | None, Path | None]:
    """The plan file's values, or those of the plan inside the returned sheet, and the
    plan's name (`SHEET.pdf#makeplan-plan.toml` for a sheet's)."""
    data = None
    if request.from_sheet is not None:
        path, data = plan_inside(request.from_sheet)
    elif request.plan_file is not None:
        path = request.plan_file
    else:
        return None, None
    given = request.given
    try:
        return read_plan(path, tuple(given.get("libraries", ())), frozenset(given), data), path
    except ProblemsError as exc:
        if request.from_sheet is None:
            raise
        raise ProblemsError(
            f"the plan inside {request.from_sheet}",
            exc.problems,
            "its paths start from the folder the sheet is in now "
            f"({request.from_sheet.parent}); put those files where the lines below say, or "
            "give them again with --cover, --logo, --library or --font",
        ) from None


def progress(sheet: Sheet, returned: Path) -> Sheet:
    """Each exercise's dose moved one step on by the ticks on `returned` (see progress.py).

    Only the exercises on the new sheet move (-e, -p or -a may choose others);
    a dose given for every exercise stays as given.
    """
    report = read_report([returned])
    options = sheet.options
    catalogue = sheet.catalogue
    if catalogue is None:
        catalogue = load_catalogue(options.libraries)
    layout, _, plan = pdf.resolve_plan(options, sheet.layout, catalogue)
    on_sheet = {item.exercise.id for item in plan.exercises}
    by_id = {exercise.id: exercise for exercise in catalogue}
    choices, lines = progressed(options.choices, report, by_id, on_sheet, fixed_doses(options))
    moved = replace(options, choices=choices)
    return replace(sheet, options=moved, progress=tuple(lines), layout=layout, catalogue=catalogue)


def planned(sheet: Sheet) -> tuple[Layout, Options, Plan]:
    """The sheet's layout, its options with the layout's defaults, and its plan."""
    return pdf.resolve_plan(sheet.options, sheet.layout, sheet.catalogue)


def build(sheet: Sheet) -> list[str]:
    """Check the output can be written, make the PDF, then write it atomically.

    Returns warnings for the user: things that worked, but not quite as asked.
    """
    output = sheet.options.output
    check_writable(output)
    _refuse_overwriting_an_input(sheet.options, output)
    with tracking_inputs() as read:
        made, warnings = pdf.sheet_pdf(*planned(sheet))
    _refuse_overwriting_a_file_read(output, read | sheet.read)
    write_output(output, made)
    return warnings


def write_plan(sheet: Sheet, target: str, overwrite: bool) -> list[str]:
    """Write the plan file `build` would follow, every dose written out.

    The sheet is made first (and not written), so a plan written always builds.
    Returns the sheet's warnings, as `build` does.
    """
    check_writable(target)
    # Checked early to save the work; the write itself refuses again, atomically.
    if target != STDOUT and not overwrite and Path(target).exists():
        raise exists_error(target)
    _refuse_overwriting_an_input(sheet.options, target)
    with tracking_inputs() as read:
        layout, options, plan = planned(sheet)
        # Everything a build checks: covers, logo, fit.
        _, warnings = pdf.sheet_pdf(layout, options, plan)
    _refuse_overwriting_a_file_read(target, read | sheet.read)
    folder = Path(target).parent if target != STDOUT else Path.cwd()
    text = plan_text(plan, options, layout.title_page, folder, options.date_given)
    write_output(target, text.encode("utf-8"), exclusive=not overwrite)
    return warnings


def _refuse_overwriting_a_file_read(target: str, inputs: set[str] | frozenset[str]) -> None:
    """The output is not any file the sheet was made from (a library's photo, a font,
    a layout's parent...), however it was reached."""
    if target != STDOUT and os.path.realpath(target) in inputs:
        raise OutputError(
            f"-o/--output {target} is one of the files this sheet is made from; "
            "write to another file so that it is not lost."
        )


def _refuse_overwriting_an_input(options: Options, target: str) -> None:
    """Never write the output over a file the build reads (a cover, the plan, the logo...)."""
    if target == STDOUT:
        return
    inputs: list[tuple[str, Path]] = [("--cover", cover) for cover in options.covers]
    inputs += [("--library", library) for library in options.libraries]
    if options.logo is not None:
        inputs.append(("--logo", options.logo))
    if options.plan_file is not None:
        inputs.append(("--plan", options.plan_file))
    if options.from_sheet is not None:
        inputs.append(("--from", options.from_sheet))
    if is_layout_path(options.layout):
        inputs.append(("--layout", Path(options.layout)))
    # realpath, not Path.resolve: it does not raise on a symlink loop (reading reports that).
    real_target = os.path.realpath(target)
    for option, path in inputs:
        if os.path.realpath(path) == real_target:
            raise OutputError(
                f"-o/--output {target} is also the {option} file; "
                "write to another file so that it is not lost."
            )


# --- returned sheets ---


def report(sheets: Sequence[Path], chart: Path | None = None) -> Report:
    """The adherence report over returned sheets, in date order.

    With `chart`, its file is checked first, so nothing is read for a chart that
    cannot be written (`write_chart` writes it).
    """
    if chart is not None:
        _refuse_chart_over_a_sheet(chart, sheets)
        check_writable(str(chart), "--chart")
    return read_report(sheets)


def report_text(report: Report, form: str) -> str:
    """The report as a table, JSON or CSV."""
    return formatted(report, form)


def write_chart(report: Report, chart: Path) -> None:
    """The one-page chart of a report, written atomically."""
    from makeplan.render.chart import chart_pdf  # reportlab

    write_output(str(chart), pack(chart_pdf(report)), "--chart")


def _refuse_chart_over_a_sheet(chart: Path, sheets: Sequence[Path]) -> None:
    if str(chart) == "-":
        raise UsageError("--chart needs a file name (the report itself goes to the screen).")
    if any(os.path.realpath(chart) == os.path.realpath(sheet) for sheet in sheets):
        raise UsageError(
            f"--chart {chart} is one of the sheets being read; write the chart to another file."
        )


# --- files ---


def check(paths: Sequence[Path]) -> tuple[list[Problem], int]:
    """Every problem in plan, exercise, library and pose files, and how many files were read."""
    return check_paths(paths)


# --- paper ---


def read_paper(images: Sequence[Path], sheet: Path, output: str, review: Path | None) -> PaperRead:
    """Read photos or scans of a printed sheet and write it filled in, as steps: the
    extra's libraries, the targets writable, the original sheets, every page image
    read (any refusal stops here, with nothing written), then the filled sheet and
    the review images written."""
    from makeplan.pdfs.filling import filled_sheet
    from makeplan.scan.engines import engines

    engines()
    check_writable(output)
    real = os.path.realpath(output)
    for given in [*images, sheet]:
        if output != STDOUT and os.path.realpath(given) == real:
            raise OutputError(
                f"-o/--output {output} is one of the files being read; "
                "write the filled sheet to another file."
            )
    if review is not None and review.exists() and not review.is_dir():
        raise OutputError(f"--review {review}: is a file; give a folder for the review images.")
    from makeplan.scan.reading import open_originals, read_paper

    originals = open_originals(sheet)
    result = read_paper(images, originals, review is not None)
    if not result.sheet.record.fillable:
        raise InputFileError(
            f"--sheet {result.sheet.path}: was made with --no-fillable, so it has no boxes "
            "to fill; make its fillable copy with makeplan build --from "
            f"{result.sheet.path} --date {result.sheet.record.date} --fillable, "
            "and give that as --sheet."
        )
    # Packed like every file makeplan writes (pypdf writes each object on its own: 3x the bytes).
    filled = pack(filled_sheet(result.sheet.data, result.ticks, result.pains, result.unclear))
    if review is not None:
        try:
            review.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(
                f"--review {review}: cannot make the folder ({exc.strerror})."
            ) from None
    write_output(output, filled)
    if review is not None:
        stem = result.sheet.path.stem
        for number, page in enumerate(result.pages, start=1):
            if page.review is not None:
                name = f"{stem}-page{page.page + 1}-image{number}.png"
                write_output(str(review / name), page.review, "--review")
    return result

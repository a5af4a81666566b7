"""The web page's Flask application: its routes, each a short list of steps calling
the same library functions as the commands (`jobs`, `resolving`, `planfile`).

`create_app` makes the app. Pages are rendered on the server (Jinja templates in
`templates/`); htmx (vendored in `static/`) swaps in the preview, the catalogue
and the errors as the form changes, and every page also works as plain form
posts. Nothing is kept between requests: each request that needs files gets a
private folder (`workspace`) that is gone when its response is made.

PDFs are made and rendered under one lock (`ENGINE`): reportlab's settings and
PDFium are process-wide, so two builds at once could mix them. Pages that need
neither (the form, the catalogue, static files) never wait for it.
"""

from __future__ import annotations

import datetime as dt
import threading
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from flask import Flask, Response, abort, render_template, request
from werkzeug.datastructures import FileStorage
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from makeplan import __version__
from makeplan.errors import MakeplanError, ProblemsError
from makeplan.model import Exercise
from makeplan.web import forms, security
from makeplan.web.forms import Picked, Posted
from makeplan.web.workspace import Workspace, workspace

# The most one request may send, all files together (a returned sheet or a cover is
# at most 100 MB, as on the command line; the rest is room for the form).
MAX_UPLOAD_BYTES = 110 * 1024 * 1024
ENGINE = threading.Lock()

GENERAL = "general"


# --- what a page shows ---


@dataclass
class Built:
    """A sheet made (or not) from a posted form: its PDF, warnings, errors by field."""

    pdf: bytes | None = None
    warnings: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
    progress: list[str] = field(default_factory=list)


def dom_id(name: str) -> str:
    """A field name as an HTML id (no dots: htmx finds out-of-band targets by id)."""
    return "".join(char if char.isalnum() or char in "-_" else "--" for char in name)


@cache
def _layouts() -> tuple[str, ...]:
    from makeplan.layouts import packaged_layout_names

    return tuple(packaged_layout_names())


@cache
def _builtin_svg(exercise_id: str, name: str) -> str | None:
    from makeplan.pictograms import packaged_pictogram
    from makeplan.web.svg import key_svg

    pictogram = packaged_pictogram(exercise_id)
    return None if pictogram is None else key_svg(pictogram, f"Picture: {name}")


def _catalogue(libraries: Sequence[Path] = ()) -> tuple[Exercise, ...]:
    from makeplan.catalogue import load_catalogue

    return load_catalogue(libraries)


def _defaults(catalogue: Sequence[Exercise]) -> dict[str, Picked]:
    return {
        exercise.id: Picked(
            exercise.id,
            {
                "reps": str(exercise.reps),
                "sides": str(exercise.sides),
                "hold": str(exercise.hold_seconds),
                "sessions": str(exercise.sessions_per_day),
            },
        )
        for exercise in catalogue
    }


def _initial_state() -> Posted:
    """The page as it opens: `makeplan build`'s sheet (every exercise, in routine order,
    at the catalogue's doses), starting today."""
    from makeplan.selection import routine_order

    catalogue = _catalogue()
    defaults = _defaults(catalogue)
    picked = [defaults[exercise.id] for exercise in routine_order(catalogue)]
    values = {name: "" for name in _setting_names()}
    values["layout"] = "one-page"
    values["paper"] = "a4"
    values["date"] = dt.date.today().isoformat()
    return Posted(values, [Picked(item.id, dict(item.doses)) for item in picked])


def _setting_names() -> list[str]:
    settings, _ = forms.fields(_layouts())
    return [item.name for item in settings]


# --- reading a posted form ---


def _posted() -> Posted:
    return forms.posted(request.form, request.form.getlist)


def _files(name: str) -> list[FileStorage]:
    return [item for item in request.files.getlist(name) if item and item.filename]


def _data(item: FileStorage) -> bytes:
    """An upload's bytes, from the start (one request may read a file twice)."""
    item.stream.seek(0)
    return item.stream.read()


def _store_libraries(space: Workspace) -> tuple[Path, ...]:
    """The uploaded exercise files as one library folder (`--library FOLDER`), with the
    pictures and pose files they name: an upload whose own name is the last part of a
    path an exercise file gives (`pose = "pictures/tilt.toml"`) is put at that path."""
    uploads = [(item.filename or "", _data(item)) for item in _files("libraries")]
    if not uploads:
        return ()
    wanted: dict[str, str] = {}  # a picture's file name -> the path its exercise gives
    others = []
    number = 0
    for name, data in uploads:
        exercise = _toml_table(data)
        if exercise is None or "id" not in exercise:
            others.append((name, data))
            continue
        number += 1
        space.store(f"library/exercise-{number}", data, name, "text", "libraries")
        for key in ("pose", "image"):
            named = exercise.get(key)
            if isinstance(named, str) and named.strip():
                wanted[named.strip().replace("\\", "/").rsplit("/", 1)[-1]] = named.strip()
    for name, data in others:
        relative = wanted.get(name.replace("\\", "/").rsplit("/", 1)[-1])
        if relative is None:  # not named by any exercise: read as one, for its message
            number += 1
            space.store(f"library/exercise-{number}", data, name, "text", "libraries")
        else:
            space.store_named("library", relative, data, name, "libraries")
    return (space.path("library"),)


def _toml_table(data: bytes) -> dict[str, Any] | None:
    try:
        return tomllib.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None


def _store_uploads(space: Workspace, given: dict[str, Any]) -> None:
    """The settings' uploads written to the private folder; their paths given as the
    command line would give them."""
    logo = _files("logo")
    if logo:
        given["logo"] = space.store("logo", _data(logo[0]), logo[0].filename or "", field="logo")
    font = _files("font")
    if font:
        given["font"] = space.store(
            "font", _data(font[0]), font[0].filename or "", "font", field="font"
        )
    covers = _files("covers")
    if covers:
        given["covers"] = tuple(
            space.store(f"cover-{number}", _data(item), item.filename or "", "pdf", "covers")
            for number, item in enumerate(covers, start=1)
        )
    libraries = _store_libraries(space)
    if libraries:
        given["libraries"] = libraries


def _library_catalogue(space: Workspace) -> tuple[tuple[Exercise, ...], str | None]:
    """The catalogue with the uploaded library's exercises (or the error it gives)."""
    libraries = _store_libraries(space)
    if not libraries:
        return _catalogue(), None
    try:
        with ENGINE:  # the files read are noted for the build under way (inputs.py)
            return _catalogue(libraries), None
    except ProblemsError as exc:
        return _catalogue(), _problems_text(space, exc)
    except MakeplanError as exc:
        return _catalogue(), space.words(exc.message)


def _problems_text(space: Workspace, exc: ProblemsError) -> str:
    lines = [space.words(exc.message), *(space.words(str(problem)) for problem in exc.problems)]
    return "\n".join(lines)


def _sheet_request(
    state: Posted, space: Workspace, built: Built
) -> tuple[dict[str, Any], Path] | None:
    """What `makeplan build` would be given for this form, or None with its errors."""
    from makeplan.layouts import is_layout_path
    from makeplan.plantext import toml_string

    given, errors = forms.typed_settings(state.values)
    layout = given.get("layout")
    if isinstance(layout, str) and (is_layout_path(layout) or layout not in _layouts()):
        choices = ", ".join(_layouts())
        errors["layout"] = f"Invalid value for '--layout': {layout!r} is not one of {choices}."
    built.errors.update(errors)
    try:
        _store_uploads(space, given)
    except OSError as exc:  # the private folder is full or gone
        built.errors[GENERAL] = f"the upload could not be kept ({exc.strerror})."
    if not state.picked:
        built.errors["exercise"] = "Pick at least one exercise from the catalogue."
        return None
    plan = space.path("exercises.toml")
    plan.write_text(forms.exercises_plan(state.picked, toml_string), encoding="utf-8")
    given["plan_file"] = plan
    if built.errors:
        # The command line would stop at the first bad option; the page shows the doses'
        # problems too, from the same reader.
        from makeplan.planfile import read_plan

        try:
            with ENGINE:
                read_plan(plan, tuple(given.get("libraries", ())))
        except MakeplanError as exc:
            _record_error(space, state, plan, exc, built)
        return None
    return given, plan


def _record_error(
    space: Workspace, state: Posted, plan: Path | None, exc: Exception, built: Built
) -> None:
    if isinstance(exc, ProblemsError):
        general = []
        for problem in exc.problems:
            where = None
            if plan is not None and problem.file == str(plan):
                where = forms.field_of_problem(problem.field, state.picked)
                message = f"{problem.field.rsplit('.', 1)[-1]}: {problem.message}"
            elif "/library/" in problem.file:
                where, message = "libraries", space.words(str(problem))
            else:
                message = space.words(str(problem))
            if where is None:
                general.append(message)
            else:
                built.errors[where] = " ".join(filter(None, [built.errors.get(where), message]))
        if general:
            built.errors[GENERAL] = "\n".join([space.words(exc.message), *general])
        return
    assert isinstance(exc, MakeplanError)
    message = space.words(exc.message)
    where = space.field_named_in(exc.message) or forms.field_of_message(message)
    built.errors[where] = message


def build_sheet(state: Posted, space: Workspace) -> Built:
    """The sheet the form asks for, made by `makeplan build`'s own job."""
    from makeplan import jobs, resolving

    built = Built()
    made = _sheet_request(state, space, built)
    if made is None:
        return built
    given, plan = made
    output = space.path("routine.pdf")
    try:
        with ENGINE:
            sheet = jobs.resolve(resolving.request(given, str(output)))
            built.warnings = [space.words(line) for line in jobs.build(sheet)]
        built.pdf = output.read_bytes()
    except MakeplanError as exc:
        _record_error(space, state, plan, exc, built)
    return built


def _previewed(pdf: bytes | None) -> tuple[list[Any], int]:
    if pdf is None:
        return [], 0
    from makeplan.web.preview import page_images

    with ENGINE:
        return page_images(pdf)


# --- the app ---


def create_app(bound_host: str = "127.0.0.1", port: int = 0) -> Flask:
    """The web page's app; `bound_host` and `port` are where the server listens (for the
    Host check that keeps other sites' pages out)."""
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = MAX_UPLOAD_BYTES
    app.config["MAX_FORM_MEMORY_SIZE"] = 2 * 1024 * 1024
    app.config["BOUND"] = (bound_host, port)
    app.jinja_env.globals.update(
        dom_id=dom_id, version=__version__, max_upload_mb=MAX_UPLOAD_BYTES // (1024 * 1024)
    )
    _register_guards(app)
    _register_builder(app)
    _register_returned(app)
    return app


def _register_guards(app: Flask) -> None:
    @app.before_request
    def guard() -> Response | None:
        bound, port = app.config["BOUND"]
        if not security.allowed_host(request.host, bound, port):
            abort(400, "this page answers only at its own address (127.0.0.1).")
        if request.method == "POST":
            # Checked before the body is read, so a huge upload is refused unread.
            length = request.content_length
            if length is not None and length > MAX_UPLOAD_BYTES:
                raise RequestEntityTooLarge()
            if not security.token_ok(request.form.get("csrf_token")):
                abort(
                    403,
                    "the page has expired or the form did not come from it; reload the page "
                    "and try again.",
                )
        return None

    @app.after_request
    def headers(response: Response) -> Response:
        for name, value in security.HEADERS.items():
            response.headers[name] = value
        return response

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> tuple[str, int]:
        code = exc.code or 500
        if isinstance(exc, RequestEntityTooLarge):
            message = (
                f"the files sent are larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB in all; "
                "send fewer or smaller files."
            )
        else:
            message = exc.description or exc.name
        return render_template("error.html", message=message, code=code), code

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> tuple[str, int]:
        message = (
            f"unexpected problem ({type(exc).__name__}); nothing was kept. Please report it; "
            "run makeplan serve with MAKEPLAN_DEBUG=1 to see the details."
        )
        import os

        if os.environ.get("MAKEPLAN_DEBUG") == "1":
            import traceback

            traceback.print_exc()
        return render_template("error.html", message=message, code=500), 500

    @app.context_processor
    def token() -> dict[str, Any]:
        return {"csrf_token": security.new_token()}


def _page(
    state: Posted,
    built: Built | None = None,
    catalogue: Sequence[Exercise] | None = None,
    **extra: Any,
) -> str:
    settings, uploads = forms.fields(_layouts())
    catalogue = catalogue or _catalogue()
    images, count = _previewed(built.pdf if built else None)
    positions, ability = _filters() if request.method == "POST" else ([], None)
    return render_template(
        "page.html",
        settings=settings,
        uploads=uploads,
        state=state,
        cards=_cards(catalogue, positions, ability),
        filter_positions=positions,
        filter_ability=ability,
        names={exercise.id: exercise.name for exercise in catalogue},
        built=built or Built(),
        images=images,
        page_count=count,
        positions=_positions(),
        abilities=_abilities(),
        **extra,
    )


def _positions() -> tuple[str, ...]:
    from makeplan.vocabulary import POSITIONS

    return POSITIONS


def _abilities() -> list[tuple[int, str]]:
    from makeplan.vocabulary import ABILITY_NAMES

    return sorted(ABILITY_NAMES.items())


@dataclass(frozen=True)
class Card:
    exercise: Exercise
    svg: str | None
    ability_name: str


def _cards(
    catalogue: Sequence[Exercise], positions: Sequence[str], ability: int | None
) -> list[Card]:
    from makeplan.selection import routine_order
    from makeplan.vocabulary import ABILITY_NAMES

    shown = [
        exercise
        for exercise in routine_order(catalogue)
        if (not positions or exercise.position in positions)
        and (ability is None or exercise.ability <= ability)
    ]
    return [Card(exercise, _svg(exercise), ABILITY_NAMES[exercise.ability]) for exercise in shown]


def _svg(exercise: Exercise) -> str | None:
    """The card's picture: a built-in pictogram (kept), or a library exercise's own pose
    file drawn the same way (a library's photo is not shown on its card)."""
    source = exercise.picture
    if source is None:
        # A library exercise that replaces a built-in one keeps its picture, as on paper.
        return _builtin_svg(exercise.id, exercise.name)
    if source.kind != "pose":
        return None
    from makeplan.pictures import library_picture
    from makeplan.poses import Pictogram
    from makeplan.web.svg import key_svg

    try:
        with ENGINE:
            pictogram = library_picture(source, 0, 0, False)
    except MakeplanError:
        return None  # the library's own message is shown with it
    assert isinstance(pictogram, Pictogram)
    return key_svg(pictogram, f"Picture: {exercise.name}")


def _filters() -> tuple[list[str], int | None]:
    from makeplan.vocabulary import POSITIONS

    positions = [value for value in request.form.getlist("filter_position") if value in POSITIONS]
    ability_text = request.form.get("filter_ability", "")
    ability = int(ability_text) if ability_text in ("1", "2", "3") else None
    return positions, ability


def _download(data: bytes, name: str, mimetype: str) -> Response:
    from urllib.parse import quote

    response = Response(data, mimetype=mimetype)
    # HTTP headers are Latin-1: a name in another alphabet goes as RFC 6266 asks, with a
    # plain name beside it for browsers that do not read that.
    plain = name if name.isascii() else "routine" + name[name.rfind(".") :]
    response.headers["Content-Disposition"] = (
        f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(name)}"
    )
    return response


def _file_name(state: Posted, suffix: str) -> str:
    from makeplan.batch import safe_name

    patient = state.values.get("patient", "").strip()
    return f"{safe_name(patient)}{suffix}" if patient else f"routine{suffix}"


def _acted_and_built(state: Posted) -> tuple[tuple[Exercise, ...], Built]:
    """The form's button carried out on `state` (pick, move, remove...), then the sheet
    built from it: the catalogue it was carried out against, and the build."""
    with workspace() as space:
        catalogue, _ = _library_catalogue(space)
        forms.apply_action(state, _defaults(catalogue))
    with workspace() as space:
        return catalogue, build_sheet(state, space)


def _register_builder(app: Flask) -> None:
    @app.get("/")
    def index() -> str:
        # The preview is asked for by the page once it has loaded, so the page itself never
        # waits for a build (nor for other requests' builds).
        return _page(_initial_state(), None, preview_on_load=True)

    @app.post("/")
    def update_page() -> tuple[str, int]:
        """The page again with the form's values and its preview (without htmx)."""
        state = _posted()
        catalogue, built = _acted_and_built(state)
        return _page(state, built, catalogue), 200 if not built.errors else 400

    @app.post("/preview")
    def preview() -> str:
        """The preview, the errors beside their fields, and the picked list if it changed."""
        state = _posted()
        catalogue, built = _acted_and_built(state)
        images, count = _previewed(built.pdf)
        settings, uploads = forms.fields(_layouts())
        return render_template(
            "preview_response.html",
            state=state,
            built=built,
            images=images,
            page_count=count,
            with_picked=bool(state.action),
            names={exercise.id: exercise.name for exercise in catalogue},
            error_fields=_error_fields(settings, uploads, state),
        )

    @app.post("/catalogue")
    def catalogue_cards() -> str:
        positions, ability = _filters()
        with workspace() as space:
            catalogue, error = _library_catalogue(space)
            # Made while the library's pose files are still there.
            cards = _cards(catalogue, positions, ability)
        return render_template("catalogue.html", cards=cards, library_error=error)

    @app.post("/download")
    def download() -> Response | tuple[str, int]:
        state = _posted()
        with workspace() as space:
            built = build_sheet(state, space)
        if built.pdf is None:
            return _page(state, built), 400
        return _download(built.pdf, _file_name(state, ".pdf"), "application/pdf")

    @app.post("/plan")
    def save_plan() -> Response | tuple[str, int]:
        from makeplan import jobs, resolving

        state = _posted()
        with workspace() as space:
            built = Built()
            made = _sheet_request(state, space, built)
            if made is not None:
                given, plan = made
                target = space.path("plan.toml")
                try:
                    with ENGINE:
                        sheet = jobs.resolve(resolving.request(given, str(space.path("x.pdf"))))
                        jobs.write_plan(sheet, str(target), overwrite=True)
                    return _download(
                        target.read_bytes(), _file_name(state, "-plan.toml"), "application/toml"
                    )
                except MakeplanError as exc:
                    _record_error(space, state, plan, exc, built)
        return _page(state, built), 400

    @app.post("/open-plan")
    def open_plan() -> tuple[str, int]:
        with workspace() as space:
            state, error = _opened_plan(space)
        if error:
            current = _posted()
            return _page(current, Built(errors={"plan_upload": error})), 400
        with workspace() as space:
            built = build_sheet(state, space)
        return _page(state, built), 200


def _error_fields(
    settings: Sequence[forms.Field], uploads: Sequence[forms.Field], state: Posted
) -> list[str]:
    names = [item.name for item in [*settings, *uploads]] + ["exercise", "plan_upload"]
    for item in state.picked:
        names += [f"{dose}.{item.id}" for dose in [*forms.DOSE_KEYS, "note"]]
    return names


# Plan keys that name files: an uploaded plan's are never opened (upload them instead).
_PATH_KEYS = ("logo", "covers", "library", "font")


def _opened_plan(space: Workspace) -> tuple[Posted, str | None]:
    """The form filled in from an uploaded plan file, read by `makeplan build --plan`'s
    own reader (every problem at once), without opening any path it names."""
    from makeplan import build as pdf
    from makeplan import resolving
    from makeplan.layouts import is_layout_path
    from makeplan.planfile import read_plan

    uploads = _files("plan_upload")
    if not uploads:
        return _posted(), "Choose a plan file (.toml) to open."
    data = _data(uploads[0])
    path = space.store("plan", data, uploads[0].filename or "", "text")
    ignore = set(_PATH_KEYS)
    notices = []
    parsed = _toml_table(data) or {}
    for key in _PATH_KEYS:
        if key in parsed:
            notices.append(f"The plan names files in {key!r}; choose them again on this page.")
    layout = parsed.get("layout")
    if isinstance(layout, str) and is_layout_path(layout.strip()):
        ignore.add("layout")
        notices.append(f"The plan's layout file {layout!r} is not used here; choose a layout.")
    libraries = _store_libraries(space)
    try:
        with ENGINE:
            read = read_plan(path, libraries, data=data, ignore=frozenset(ignore))
            options = resolving.resolve(resolving.Request({}), read.values, path, resolving.today)
            _, options, plan = pdf.resolve_plan(options, None, read.catalogue)
    except ProblemsError as exc:
        return _posted(), _problems_text(space, exc)
    except MakeplanError as exc:
        return _posted(), space.words(exc.message)
    values: dict[str, str] = {}
    for name in _setting_names():
        value = getattr(options, name, None)
        if isinstance(value, bool):
            values[name] = "on" if value else "off"
        elif isinstance(value, dt.date):
            values[name] = value.isoformat() if options.date_given else dt.date.today().isoformat()
        elif value is None:
            values[name] = ""
        else:
            values[name] = str(value)
    picked = [
        Picked(
            item.exercise.id,
            {
                "reps": str(item.reps),
                "sides": str(item.sides),
                "hold": str(item.hold_seconds),
                "sessions": str(item.sessions_per_day),
            },
            item.note or "",
        )
        for item in plan.exercises
    ]
    state = Posted(values, picked)
    state.errors["plan_upload"] = " ".join(notices)
    return state, None


# --- returned sheets ---


@dataclass
class Returned:
    """The returned sheets of one request, stored, with photos read into a sheet."""

    paths: list[Path] = field(default_factory=list)
    error: str | None = None
    read_lines: list[str] = field(default_factory=list)


def _returned(space: Workspace) -> Returned:
    """The uploaded sheets (PDFs) and photos or scans, as sheets for `makeplan report`."""
    from makeplan import jobs

    found = Returned()
    photos: list[Path] = []
    for number, item in enumerate(_files("sheets"), start=1):
        data = _data(item)
        kind = security.sniff(data)
        if kind in ("png", "jpeg", "tiff", "heic"):
            photos.append(space.store(f"photo-{number}", data, item.filename or ""))
        else:  # a PDF, or what `report` refuses in its own words
            found.paths.append(space.store(f"returned-{number}", data, item.filename or "", "pdf"))
    for number, item in enumerate(_files("photos"), start=1):
        photos.append(space.store(f"scan-{number}", _data(item), item.filename or ""))
    if photos:
        printed = _files("printed")
        if not printed:
            found.error = (
                "Photos and scans are read against the sheet that was printed: choose that "
                "PDF in 'The printed sheet'."
            )
            return found
        original = space.store("printed", _data(printed[0]), printed[0].filename or "", "pdf")
        filled = space.path("read-from-paper.pdf")
        try:
            with ENGINE:
                result = jobs.read_paper(photos, original, str(filled), None)
            space.shown[str(filled)] = "the photos read"
            found.paths.append(filled)
            found.read_lines = _read_lines(result)
        except MakeplanError as exc:
            found.error = space.words(exc.message)
            return found
    if not found.paths and found.error is None:
        found.error = "Choose the returned sheets (PDFs), or photos of them, first."
    return found


def _read_lines(result: Any) -> list[str]:
    from makeplan.scan.summary import as_lines

    return list(as_lines(result))


def _fragment(name: str, **values: Any) -> str:
    """A part of the page for htmx to swap in, or a page of its own for a plain post."""
    if request.headers.get("HX-Request"):
        return render_template(name, **values)
    return render_template("standalone.html", inner=name, **values)


def _register_returned(app: Flask) -> None:
    @app.post("/report")
    def report() -> str:
        from makeplan import jobs
        from makeplan.render.chart import chart_pdf

        with workspace() as space:
            returned = _returned(space)
            if returned.error:
                return _fragment("report.html", error=returned.error)
            try:
                with ENGINE:
                    made = jobs.report(returned.paths)
                    chart = chart_pdf(made)
                chart_images, _ = _previewed(chart)
            except MakeplanError as exc:
                return _fragment("report.html", error=space.words(exc.message))
            warnings = [space.words(line) for line in made.warnings]
            sheets = [(space.words(where), record) for where, record in made.sheets]
        return _fragment(
            "report.html",
            report=made,
            sheets=sheets,
            warnings=warnings,
            chart=chart_images[0] if chart_images else None,
            read_lines=returned.read_lines,
            session_label=_session_label,
        )

    @app.post("/next-week")
    def next_week() -> str:
        with workspace() as space:
            built = _next_week(space)
        images, count = _previewed(built.pdf)
        return _fragment("next_week.html", built=built, images=images, page_count=count)

    @app.post("/next-week.pdf")
    def next_week_pdf() -> Response | tuple[str, int]:
        with workspace() as space:
            built = _next_week(space)
        if built.pdf is None:
            message = built.errors.get(GENERAL, "")
            return render_template("error.html", message=message, code=400), 400
        return _download(built.pdf, "next-week.pdf", "application/pdf")

    @app.post("/chart.pdf")
    def chart_download() -> Response | tuple[str, int]:
        from makeplan import jobs

        with workspace() as space:
            returned = _returned(space)
            if returned.error:
                return render_template("error.html", message=returned.error, code=400), 400
            target = space.path("chart.pdf")
            try:
                with ENGINE:
                    made = jobs.report(returned.paths, target)
                    jobs.write_chart(made, target)
            except MakeplanError as exc:
                return render_template(
                    "error.html", message=space.words(exc.message), code=400
                ), 400
            return _download(target.read_bytes(), "chart.pdf", "application/pdf")


def _session_label(session: int) -> str:
    from makeplan.wording import session_label

    return session_label(session)


def _next_week(space: Workspace) -> Built:
    """Next week's sheet from one returned sheet: `makeplan build --from SHEET --progress`."""
    from makeplan import jobs, resolving
    from makeplan.resolving import BadValue, read_date

    built = Built()
    returned = _returned(space)
    if returned.error:
        built.errors[GENERAL] = returned.error
        return built
    if len(returned.paths) != 1:
        built.errors[GENERAL] = (
            "Next week's sheet moves on from one returned sheet: choose only the latest one."
        )
        return built
    given: dict[str, Any] = {"from_sheet": returned.paths[0], "progress": True}
    date_text = request.form.get("next_date", "").strip()
    if date_text:
        try:
            given["date"] = read_date(date_text)
        except BadValue as exc:
            built.errors[GENERAL] = f"Invalid value for '--date': {exc}"
            return built
    output = space.path("next-week.pdf")
    try:
        with ENGINE:
            sheet = jobs.resolve(resolving.request(given, str(output)))
            built.progress = [space.words(line) for line in sheet.progress]
            built.warnings = [space.words(line) for line in jobs.build(sheet)]
        built.pdf = output.read_bytes()
    except ProblemsError as exc:
        built.errors[GENERAL] = _problems_text(space, exc)
    except MakeplanError as exc:
        built.errors[GENERAL] = space.words(exc.message)
    return built


__all__ = ["MAX_UPLOAD_BYTES", "create_app"]

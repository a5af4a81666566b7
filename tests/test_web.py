"""`makeplan serve`, at the HTTP level (Flask's test client, and a real server in a thread):
the page, its PDFs byte for byte against the command line's, and every safety rule."""

from __future__ import annotations

import html
import io
import re
import shutil
import threading
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pypdf
import pytest

pytest.importorskip("flask", reason="the web extra (flask) is not installed")

from test_covers import PAGES_LOOP, PARENT_LOOP
from test_pictures import png_header_only
from werkzeug.datastructures import MultiDict

from makeplan.web import security
from makeplan.web.app import MAX_UPLOAD_BYTES, create_app

DATE = "2026-11-23"
ROUTES = ["/", "/preview", "/catalogue", "/download", "/plan", "/open-plan", "/report",
          "/next-week", "/next-week.pdf", "/chart.pdf"]  # fmt: skip


@pytest.fixture
def client() -> Any:
    return create_app().test_client()


def token_of(page: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found, "every form carries a CSRF token"
    return found.group(1)


def first_page(client: Any) -> str:
    response = client.get("/")
    assert response.status_code == 200
    return str(response.data.decode())


def sheet_form(client: Any, **settings: str) -> MultiDict[str, Any]:
    """The form as the page first shows it (every exercise, the catalogue's doses)."""
    page = first_page(client)
    form: MultiDict[str, Any] = MultiDict([("csrf_token", token_of(page))])
    for exercise_id in re.findall(r'name="exercise" value="([^"]+)"', page):
        form.add("exercise", exercise_id)
        for dose in ("reps", "sides", "hold", "sessions"):
            value = re.search(rf'name="{dose}\.{exercise_id}" value="([^"]*)"', page)
            if value:
                form[f"{dose}.{exercise_id}"] = value.group(1)
            elif dose == "sides":
                chosen = re.search(
                    rf'name="sides\.{exercise_id}".*?<option value="(\d)" selected',
                    page,
                    re.S,
                )
                assert chosen
                form[f"sides.{exercise_id}"] = chosen.group(1)
    form["date"] = DATE
    form["layout"] = "one-page"
    form["paper"] = "a4"
    for name, value in settings.items():
        form[name] = value
    return form


def only(form: MultiDict[str, Any], ids: list[str]) -> MultiDict[str, Any]:
    """The form with just these exercises picked, in this order."""
    kept: MultiDict[str, Any] = MultiDict()
    for key, value in form.items(multi=True):
        name, _, exercise_id = key.partition(".")
        if key == "exercise" or (exercise_id and name in ("reps", "sides", "hold", "sessions")):
            continue
        kept.add(key, value)
    for exercise_id in ids:
        kept.add("exercise", exercise_id)
        for name in ("reps", "sides", "hold", "sessions"):
            if f"{name}.{exercise_id}" in form:
                kept[f"{name}.{exercise_id}"] = form[f"{name}.{exercise_id}"]
    return kept


def post(client: Any, route: str, form: MultiDict[str, Any], **files: Any) -> Any:
    data = MultiDict(form)
    for name, value in files.items():
        for item in value if isinstance(value, list) else [value]:
            data.add(name, item)
    return client.post(route, data=data, content_type="multipart/form-data")


def errors_in(page: str) -> dict[str, str]:
    return {
        name: html.unescape(text)
        for name, text in re.findall(r'<span id="error-([^"]+)"[^>]*>([^<]+)</span>', page)
    }


def upload(data: bytes, name: str) -> tuple[io.BytesIO, str]:
    return (io.BytesIO(data), name)


def cli_error(run: Any, *args: str) -> str:
    result = run(*args)
    assert result.code != 0, result
    line = str(result.stderr.strip().splitlines()[0])
    return line.removeprefix("Error: ").split(" Run 'makeplan", 1)[0]


# --- the page ---


class _Controls(HTMLParser):
    """Every form control and label, inline scripts and styles, outside addresses."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[dict[str, str | None]] = []
        self.labelled: set[str] = set()
        self.inline: list[str] = []
        self.outside: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in ("input", "select", "textarea") and values.get("type") != "hidden":
            self.controls.append(values)
        if tag == "label" and values.get("for"):
            self.labelled.add(str(values["for"]))
        if tag == "script" and not values.get("src"):
            self.inline.append("script")
        if "style" in values or tag == "style":
            self.inline.append(f"style on {tag}")
        if any(name.startswith("on") for name in values):
            self.inline.append(f"event handler on {tag}")
        for name in ("src", "href", "action", "formaction"):
            value = values.get(name) or ""
            if value.startswith(("http:", "https:", "//")):
                self.outside.append(value)


def test_the_page_has_every_control_labelled_no_inline_script_nothing_outside(client) -> None:
    page = first_page(client)
    parsed = _Controls()
    parsed.feed(page)
    assert parsed.controls
    unlabelled = [
        control
        for control in parsed.controls
        if control.get("id") not in parsed.labelled and not control.get("aria-label")
    ]
    # Checkboxes sit inside their label (the filters).
    unlabelled = [control for control in unlabelled if control.get("name") != "filter_position"]
    assert unlabelled == []
    assert page.count('<label><input type="checkbox" name="filter_position"') == 3
    assert parsed.inline == [] and parsed.outside == []
    # Buttons say what they do, for a screen reader too.
    for button in re.findall(r"<button[^>]*>([^<]*)</button>", page):
        assert button.strip()


def test_the_first_page_shows_cards_with_svg_pictures_and_a_preview(client) -> None:
    page = first_page(client)
    assert page.count('<li class="card">') == 9
    assert page.count("<svg") == 9 and "<title>Picture: Back rounder</title>" in page
    # The preview comes once the page has loaded, so the page never waits for a build.
    assert 'hx-post="/preview" hx-trigger="load"' in page
    preview = post(client, "/preview", sheet_form(client)).data.decode()
    assert preview.count('src="data:image/png;base64,') == 1  # the default sheet: one page
    assert 'alt="The sheet, page 1 of 1"' in preview
    # Settings come from the table of sheet options, with its help text.
    for label in ("Patient", "Clinician", "First day", "Layout", "Paper", "Days the sheet tracks",
                  "Logo (PNG or JPEG)", "Cover pages (PDF)", "Clinic library"):  # fmt: skip
        assert f">{label}" in page, label
    from makeplan.options import BY_NAME

    assert BY_NAME["emergency"].help in html.unescape(page)


def test_the_svg_pictures_are_the_pdfs_shapes() -> None:
    import xml.etree.ElementTree as ElementTree

    from makeplan import render
    from makeplan.pictograms import packaged_pictogram
    from makeplan.web import svg

    assert svg.ACCENT == render.ACCENT
    for exercise_id in ("knee-hug-side-tilt", "seated-twist", "warrior-at-the-wall"):
        pictogram = packaged_pictogram(exercise_id)
        assert pictogram is not None
        text = svg.key_svg(pictogram, "x")
        tree = ElementTree.fromstring(text)
        drawn = [element for element in tree.iter() if element.tag.rsplit("}", 1)[-1]
                 in ("polyline", "polygon", "circle")]  # fmt: skip
        # The card shows what the sheet prints: a pose that always prints its pair
        # (the knee hug since round 34) shows both frames, any other its key frame.
        panels = pictogram.key_pair if pictogram.key_pair_only else None
        shown = panels or (pictogram.key,)
        assert len(drawn) == sum(len(panel.marks) for panel in shown), exercise_id
        assert svg.key_svg(pictogram, "x") == text  # deterministic


def test_filters_show_only_matching_cards(client) -> None:
    form = sheet_form(client)
    form.setlist("filter_position", ["sitting"])
    form["filter_ability"] = "2"
    page = post(client, "/catalogue", form).data.decode()
    assert page.count('<li class="card">') == 2
    assert "Hamstring stretch" in page and "Seated twist" in page
    # Without script, the "Show these" button posts the whole page with the same filter.
    whole = post(client, "/", form).data.decode()
    assert whole.count('<li class="card">') == 2 and 'value="sitting" hx-post' in whole
    assert '<option value="2" selected>moderate</option>' in whole


def test_add_move_and_remove_change_the_picked_list(client) -> None:
    form = only(sheet_form(client), ["back-rounder", "seated-twist"])
    form["action"] = "up:seated-twist"
    page = post(client, "/preview", form).data.decode()
    assert page.index('value="seated-twist"') < page.index('value="back-rounder"')
    # Keyboard focus comes back to the moved one's buttons ("Up" is disabled at the top).
    assert 'value="down:seated-twist" formaction="/" autofocus' in page
    assert page.count("autofocus") == 1
    form["action"] = "add:knee-hug-side-tilt"
    page = post(client, "/preview", form).data.decode()
    assert 'name="exercise" value="knee-hug-side-tilt"' in page
    assert 'name="reps.knee-hug-side-tilt" value="5"' in page  # the catalogue's dose
    form["action"] = "remove:back-rounder"
    page = post(client, "/preview", form).data.decode()
    assert 'name="exercise" value="back-rounder"' not in page


# --- the same PDF as the command line ---


def test_the_default_sheet_is_byte_identical_to_makeplan_build(client, run, tmp_path) -> None:
    response = post(client, "/download", sheet_form(client))
    assert response.status_code == 200, response.data[:500]
    assert response.headers["Content-Type"] == "application/pdf"
    assert run("build", "--date", DATE).code == 0
    assert response.data == (tmp_path / "routine.pdf").read_bytes()


def test_chosen_doses_uploads_and_settings_are_byte_identical(
    client, run, tmp_path, caplog
) -> None:
    from test_opens import assert_opens_everywhere

    logo = png_header_only(1, 1)
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (60, 30), (200, 30, 30)).save(buffer, "PNG")
    logo = buffer.getvalue()
    form = only(sheet_form(client), ["seated-twist", "knee-hug-side-tilt", "back-rounder"])
    choices = {"reps.seated-twist": "4", "hold.back-rounder": "8", "sessions.seated-twist": "2",
                 "note.knee-hug-side-tilt": "Pillow <under> the head & knees",
                 "patient": "Zoë O'Neil", "clinician": "Jo Park, PT", "layout": "handout",
                 "paper": "letter", "days": "3", "notes": "Gently.\nEvery day.",
                 "contact": "Jo on 01632 960 000", "emergency": "999",
                 "title_page": "off", "grayscale": "on"}  # fmt: skip
    for name, value in choices.items():
        form[name] = value  # (MultiDict.update would add a second value)
    response = post(client, "/download", form, logo=upload(logo, "../../clinic logo.png"))
    assert response.status_code == 200, errors_in(response.data.decode())
    assert "zoe-o-neil.pdf" in response.headers["Content-Disposition"]
    (tmp_path / "logo.png").write_bytes(logo)
    # Written by hand, not by the page: the same choices, so the same sheet.
    (tmp_path / "mine.toml").write_text(
        "version = 1\n# my template\n"
        '[[exercise]]\nid = "seated-twist"\nreps = 4\nsides = 2\nhold_seconds = 0\n'
        "sessions_per_day = 2\n"
        '[[exercise]]\nid = "knee-hug-side-tilt"\nnote = "Pillow <under> the head & knees"\n'
        '[[exercise]]\nid = "back-rounder"\nhold_seconds = 8\n',
        encoding="utf-8",
    )
    result = run("build", "--plan", "mine.toml", "--patient", "Zoë O'Neil", "--clinician",
                 "Jo Park, PT", "--layout", "handout", "--paper", "letter", "--days", "3",
                 "--notes", "Gently.\nEvery day.", "--contact", "Jo on 01632 960 000",
                 "--emergency", "999", "--no-title-page", "--grayscale", "--date", DATE,
                 "--logo", "logo.png")  # fmt: skip
    assert result.code == 0, result.stderr
    expected = (tmp_path / "routine.pdf").read_bytes()
    assert response.data == expected
    (tmp_path / "web.pdf").write_bytes(response.data)
    assert_opens_everywhere(tmp_path / "web.pdf", caplog)


def test_a_name_in_any_alphabet_names_the_download(client) -> None:
    response = post(client, "/download", sheet_form(client, patient="Анна Ли"))
    assert response.status_code == 200
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="routine.pdf"; filename*=UTF-8')
    disposition.encode("latin-1")  # as HTTP needs


def test_a_saved_plan_is_makeplan_plans_file_and_opens_again(client, run, tmp_path) -> None:
    form = only(
        sheet_form(client, patient="Ann Lee", layout="week"), ["seated-twist", "back-rounder"]
    )
    form["reps.seated-twist"] = "4"
    response = post(client, "/plan", form)
    assert response.status_code == 200, response.data[:400]
    assert "ann-lee-plan.toml" in response.headers["Content-Disposition"]
    saved = response.data
    assert b'id = "seated-twist"\nreps = 4' in saved
    (tmp_path / "saved.toml").write_bytes(saved)
    assert run("check", "saved.toml").code == 0
    assert run("build", "--plan", "saved.toml", "-o", "cli.pdf").code == 0
    # Opened on the page, the plan gives the same form, so the same sheet.
    opened = post(client, "/open-plan", sheet_form(client), plan_upload=upload(saved, "saved.toml"))
    page = opened.data.decode()
    assert opened.status_code == 200
    assert 'value="Ann Lee"' in page and '<option value="week" selected>' in page
    assert page.index('value="seated-twist"') < page.index('value="back-rounder"')
    assert 'name="reps.seated-twist" value="4"' in page
    again = only(sheet_form(client, patient="Ann Lee", layout="week", days="7"),
                 ["seated-twist", "back-rounder"])  # fmt: skip
    again["reps.seated-twist"] = "4"
    pdf = post(client, "/download", again).data
    assert pdf == (tmp_path / "cli.pdf").read_bytes()


def test_an_uploaded_plan_never_opens_the_paths_it_names(client, tmp_path) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not shown")
    plan = (f'version = 1\nlogo = "{secret}"\ncovers = ["/etc/passwd"]\n'
            'layout = "../../../etc/x.toml"\n[[exercise]]\nid = "seated-twist"\n')  # fmt: skip
    page = post(client, "/open-plan", sheet_form(client),
                plan_upload=upload(plan.encode(), "p.toml")).data.decode()  # fmt: skip
    text = html.unescape(page)
    assert "choose them again on this page" in text and "is not used here" in text
    assert "is not found" not in text and "not a PNG" not in text  # nothing was opened
    assert 'name="exercise" value="seated-twist"' in page


def test_a_bad_plan_upload_gets_every_problem_in_the_checks_words(client) -> None:
    plan = b'version = 1\ndayz = 3\n[[exercise]]\nid = "seated-twist"\nreps = "eight"\n'
    page = post(client, "/open-plan", sheet_form(client),
                plan_upload=upload(plan, "mine.toml")).data.decode()  # fmt: skip
    text = html.unescape(page)
    assert "mine.toml:2: dayz: is not a known field; did you mean 'days'?" in text
    assert "mine.toml:5: exercise[1].reps: is 'eight'" in text
    assert "makeplan-web-" not in text


# --- errors beside their fields, in the command line's words ---


def test_a_bad_setting_gets_clicks_words_beside_it(client, run) -> None:
    page = post(client, "/preview", sheet_form(client, days="40", date="2026-02-30")).data
    errors = errors_in(page.decode())
    assert errors["days"] == f"{cli_error(run, 'build', '--days', '40')}"
    assert errors["date"] == cli_error(run, "build", "--date", "2026-02-30")


def test_a_dose_past_the_articles_limit_is_refused_beside_it(client, run, tmp_path) -> None:
    form = sheet_form(client)
    form["hold.double-knee-lift"] = "10"
    form["reps.seated-twist"] = "500"
    errors = errors_in(post(client, "/preview", form).data.decode())
    assert errors["hold--double-knee-lift"] == (
        "hold_seconds: is 10, but double-knee-lift must not be held longer than 5 seconds; "
        "expected at most 5."
    )
    assert errors["reps--seated-twist"].startswith("reps: is 500")
    (tmp_path / "p.toml").write_text(
        'version = 1\n[[exercise]]\nid = "double-knee-lift"\nhold_seconds = 10\n'
    )
    assert errors["hold--double-knee-lift"].split(": ", 1)[1] in run("check", "p.toml").text


def test_an_emergency_number_that_is_not_one_is_refused_beside_it(client, run) -> None:
    errors = errors_in(
        post(client, "/preview", sheet_form(client, emergency="call Bob")).data.decode()
    )
    assert errors["emergency"] == cli_error(run, "build", "--emergency", "call Bob")


def test_a_layout_path_is_never_opened(client) -> None:
    errors = errors_in(
        post(client, "/preview", sheet_form(client, layout="../../etc/passwd")).data.decode()
    )
    assert errors["layout"].startswith(
        "Invalid value for '--layout': '../../etc/passwd' is not one of"
    )


# --- hostile uploads: the command line's one line, and the server keeps serving ---


def test_a_png_named_pdf_as_a_cover(client, run, tmp_path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100)
    errors = errors_in(post(client, "/preview", sheet_form(client),
                            covers=upload(png, "cover.pdf")).data.decode())  # fmt: skip
    (tmp_path / "cover.pdf").write_bytes(png)
    assert errors["covers"] == cli_error(run, "build", "--cover", "cover.pdf")
    assert first_page(client)


@pytest.mark.parametrize("damaged", [PAGES_LOOP, PARENT_LOOP], ids=["kids-loop", "parent-loop"])
def test_a_looping_cover_and_a_looping_returned_sheet(client, run, tmp_path, damaged) -> None:
    start = time.perf_counter()
    errors = errors_in(post(client, "/preview", sheet_form(client),
                            covers=upload(damaged, "cover.pdf")).data.decode())  # fmt: skip
    (tmp_path / "cover.pdf").write_bytes(damaged)
    assert errors["covers"] == cli_error(run, "build", "--cover", "cover.pdf")
    page = post(client, "/report", MultiDict({"csrf_token": token_of(first_page(client))}),
                sheets=upload(damaged, "cover.pdf")).data.decode()  # fmt: skip
    assert html.unescape(re.search(r'id="report-error">([^<]*)<', page).group(1)) == cli_error(
        run, "report", "cover.pdf"
    )
    assert time.perf_counter() - start < 30


def test_a_decompression_bomb_logo(client, run, tmp_path) -> None:
    bomb = png_header_only(20_000, 20_000)
    errors = errors_in(post(client, "/preview", sheet_form(client),
                            logo=upload(bomb, "logo.png")).data.decode())  # fmt: skip
    (tmp_path / "logo.png").write_bytes(bomb)
    assert errors["logo"] == cli_error(run, "build", "--logo", "logo.png")


def test_a_huge_upload_is_refused_unread_and_the_server_keeps_serving(client) -> None:
    token = token_of(first_page(client))
    body = io.BytesIO(b"--x\r\n" + b"0" * 1000)
    response = client.post(
        "/preview",
        input_stream=body,
        environ_overrides={"CONTENT_LENGTH": str(1024**3)},
        content_type="multipart/form-data; boundary=x",
        query_string={"csrf_token": token},
    )
    assert response.status_code == 413
    assert f"larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB" in response.data.decode()
    assert body.tell() < 10  # not read
    assert first_page(client)


def test_uploads_touch_nothing_but_a_private_folder_removed_after(
    client, tmp_path, monkeypatch
) -> None:
    import tempfile

    private = tmp_path / "tmp"
    private.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private))
    target = tmp_path / "escaped.png"
    names = [f"../../{target.name}", str(target), "..\\..\\escaped.png"]
    for name in names:
        post(client, "/preview", sheet_form(client), logo=upload(b"\x89PNG\r\n\x1a\nxx", name))
        post(client, "/report", sheet_form(client), sheets=upload(b"%PDF-1.4 x", name))
    assert not target.exists()
    assert list(private.iterdir()) == []  # every request's folder is gone


def test_static_files_never_leave_their_folder(client) -> None:
    with client.get("/static/makeplan.css") as response:  # a file response: close it
        assert response.status_code == 200
    for path in ("/static/../app.py", "/static/..%2fapp.py", "/static/%2e%2e/__init__.py"):
        assert client.get(path).status_code == 404


# --- the safety rules ---


@pytest.mark.parametrize("route", ROUTES)
def test_every_post_needs_this_servers_csrf_token(client, route) -> None:
    form = sheet_form(client)
    del form["csrf_token"]
    assert post(client, route, form).status_code == 403
    form["csrf_token"] = "made.up.token"
    assert post(client, route, form).status_code == 403
    form["csrf_token"] = security.new_token(now=time.time() - (security.TOKEN_HOURS * 3600 + 60))
    response = post(client, route, form)
    assert response.status_code == 403
    assert b"reload the page" in response.data


def test_tokens_are_signed_with_this_process_secret() -> None:
    token = security.new_token()
    assert security.token_ok(token)
    nonce, issued, mac = token.split(".")
    assert not security.token_ok(f"{nonce}.{int(issued) + 1}.{mac}")


def test_an_unexpected_failure_is_one_line_not_a_traceback(client, monkeypatch) -> None:
    from makeplan.web import app as web_app

    def broken(*args: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(web_app, "build_sheet", broken)
    response = post(client, "/download", sheet_form(client))
    assert response.status_code == 500
    text = response.data.decode()
    assert "Error: unexpected problem (RuntimeError)" in text and "Traceback" not in text
    assert response.headers["Content-Security-Policy"].startswith("default-src 'self'")


def test_headers_on_every_response(client) -> None:
    form = sheet_form(client)
    responses = [client.get("/"), client.get("/static/makeplan.css"), client.get("/nothing"),
                 post(client, "/preview", form), post(client, "/preview", MultiDict())]  # fmt: skip
    for response in responses:
        policy = response.headers["Content-Security-Policy"]
        assert policy.startswith("default-src 'self'; script-src 'self'")
        assert "unsafe-inline" not in policy and "http" not in policy
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["X-Frame-Options"] == "DENY"
        assert response.headers["Cache-Control"] == "no-store"
        response.close()  # the stylesheet is a file response


def test_other_host_names_are_refused(client) -> None:
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 400
    assert client.get("/", headers={"Host": "localhost:5000"}).status_code == 200
    bound = create_app("127.0.0.1", 8123).test_client()
    assert bound.get("/", headers={"Host": "127.0.0.1:8123"}).status_code == 200
    assert bound.get("/", headers={"Host": "127.0.0.1:9"}).status_code == 400
    assert security.allowed_host("anything", "0.0.0.0", 80)


def test_sniffing_is_by_content_never_by_name() -> None:
    assert security.sniff(b"\x89PNG\r\n\x1a\n") == "png"
    assert security.sniff(b"\xff\xd8\xff\xe0") == "jpeg"
    assert security.sniff(b"%PDF-1.7") == "pdf"
    assert security.sniff(b"junk\n%PDF-1.4") == "pdf"
    assert security.sniff(b'version = 1\nid = "x"') == "text"
    assert security.sniff(bytes(range(256))) == "unknown"


# --- returned sheets ---


def ticked_sheet(run, tmp_path: Path) -> Path:
    """A two-day sheet ticked as a viewer saves it: every box of the seated twist and the
    back rounder, one round a day of the knee hug (of three), and three pain scores."""
    ids = ("-e", "seated-twist", "-e", "back-rounder", "-e", "knee-hug-side-tilt")
    made = run(
        "build", *ids, "--days", "2", "--date", DATE, "--patient", "Ann Lee", "-o", "sheet.pdf"
    )
    assert made.code == 0
    writer = pypdf.PdfWriter(clone_from=tmp_path / "sheet.pdf")
    names = list(pypdf.PdfReader(tmp_path / "sheet.pdf").get_fields() or {})
    ticks = {name: "/Yes" for name in names if name.startswith(("seated-twist_", "back-rounder_"))}
    rounds = ("knee-hug-side-tilt_day1_session1", "knee-hug-side-tilt_day2_session2")
    ticks |= {name: "/Yes" for name in names if name.startswith(rounds)}
    ticks |= {"day1_session1_pain": "/3", "day1_session2_pain": "/4", "day2_session1_pain": "/2"}
    for page in writer.pages:
        writer.update_page_form_field_values(page, ticks, auto_regenerate=False)
    path = tmp_path / "ticked.pdf"
    writer.write(path)
    return path


def test_a_ticked_sheet_gives_the_report_and_chart(client, run, tmp_path) -> None:
    ticked = ticked_sheet(run, tmp_path)
    form = MultiDict({"csrf_token": token_of(first_page(client))})
    page = post(client, "/report", form, sheets=upload(ticked.read_bytes(), "week 1.pdf")).data
    text = html.unescape(page.decode())
    assert "Report for Ann Lee: 2026-11-23 to 2026-11-24" in text
    assert '<th scope="rowgroup" rowspan="3">Seated twist</th>' in text
    assert text.count("100%") >= 6
    assert "<td>Round 2, Round 3</td>" in text  # the knee hug's missed rounds on day 1
    assert "<td>Round 1: 3, Round 2: 4, Round 3: -</td>" in text
    assert 'alt="Chart: the share of planned reps done each day' in text
    chart = post(client, "/chart.pdf", form, sheets=upload(ticked.read_bytes(), "w.pdf"))
    assert chart.status_code == 200 and chart.data.startswith(b"%PDF-")


def test_next_weeks_sheet_is_build_from_progress(client, run, tmp_path) -> None:
    ticked = ticked_sheet(run, tmp_path)
    form = MultiDict({"csrf_token": token_of(first_page(client)), "next_date": "2026-11-30"})
    page = post(client, "/next-week", form, sheets=upload(ticked.read_bytes(), "t.pdf")).data
    decisions = re.findall(r"<li>([^<]*)</li>", page.decode())
    result = run("build", "--from", "ticked.pdf", "--progress", "--date", "2026-11-30")
    assert result.code == 0
    cli_lines = [line.removeprefix("Progress: ") for line in result.stderr.splitlines()
                 if line.startswith("Progress: ")]  # fmt: skip
    assert [html.unescape(line) for line in decisions[: len(cli_lines)]] == cli_lines
    assert 'alt="Next week&#39;s sheet, page 1' in page.decode()
    pdf = post(client, "/next-week.pdf", form, sheets=upload(ticked.read_bytes(), "t.pdf")).data
    assert pdf == (tmp_path / "routine.pdf").read_bytes()


def test_photos_need_the_printed_sheet(client) -> None:
    form = MultiDict({"csrf_token": token_of(first_page(client))})
    page = post(client, "/report", form, photos=upload(b"\xff\xd8\xff\xe0" + bytes(50), "p.jpg"))
    assert "The printed sheet" in html.unescape(page.data.decode())


# --- a real server ---


def test_twenty_builds_at_once_leave_the_server_responsive() -> None:
    import http.client
    import urllib.parse

    from makeplan.web.server import make_server

    server = make_server()
    assert server.socket.getsockname()[0] == "127.0.0.1"  # this computer only, by default
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.port
    try:
        client = server.app.test_client()
        form = sheet_form(client)
        body = urllib.parse.urlencode(list(form.items(multi=True)))
        results: list[bytes] = []

        def download() -> None:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            connection.request("POST", "/download", body,
                               {"Content-Type": "application/x-www-form-urlencoded"})  # fmt: skip
            results.append(connection.getresponse().read())

        threads = [threading.Thread(target=download) for _ in range(20)]
        for thread in threads:
            thread.start()
        time.sleep(0.2)
        start = time.perf_counter()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.request("GET", "/")
        assert connection.getresponse().status == 200
        waited = time.perf_counter() - start
        for thread in threads:
            thread.join(180)
        assert len(results) == 20 and len(set(results)) == 1 and results[0].startswith(b"%PDF-")
        print(f"\na page answered in {waited:.3f} s while 20 sheets were being made")
        assert waited < 2.0, f"a page waited {waited:.2f} s behind 20 builds"
    finally:
        server.shutdown()
        server.server_close()


# --- a clinic library, and photos of paper ---

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "clinic-exercises"


def library_text() -> bytes:
    """The example clinic's pelvic tilt, without its pose file (an upload is one file)."""
    text = (EXAMPLES / "pelvic-tilt.toml").read_text("utf-8")
    return "\n".join(line for line in text.splitlines() if not line.startswith("pose")).encode()


def test_a_clinic_library_adds_its_exercises_and_builds_as_the_cli(client, run, tmp_path) -> None:
    form = sheet_form(client)
    cards = post(client, "/catalogue", form, libraries=upload(library_text(), "pelvic.toml"))
    assert "Pelvic tilt" in cards.data.decode() and "clinic library" in cards.data.decode()
    form = only(form, ["back-rounder"])
    form["action"] = "add:pelvic-tilt"
    page = post(client, "/preview", form, libraries=upload(library_text(), "pelvic.toml"))
    assert 'name="reps.pelvic-tilt" value="10"' in page.data.decode()
    # The library is read twice in that request (the cards' doses, then the sheet).
    assert 'alt="The sheet, page 1' in page.data.decode(), errors_in(page.data.decode())
    del form["action"]
    form.add("exercise", "pelvic-tilt")
    form["reps.pelvic-tilt"] = "8"
    pdf = post(client, "/download", form, libraries=upload(library_text(), "pelvic.toml"))
    assert pdf.status_code == 200, errors_in(pdf.data.decode())
    (tmp_path / "library").mkdir()
    (tmp_path / "library" / "pelvic.toml").write_bytes(library_text())
    (tmp_path / "p.toml").write_text(
        'version = 1\n[[exercise]]\nid = "back-rounder"\n[[exercise]]\nid = "pelvic-tilt"\n'
        "reps = 8\n"
    )
    assert run("build", "--plan", "p.toml", "--library", "library", "--date", DATE).code == 0
    assert pdf.data == (tmp_path / "routine.pdf").read_bytes()


def test_a_library_with_its_pictures_draws_them_and_builds_as_the_cli(
    client, run, tmp_path
) -> None:
    names = ["pelvic-tilt.toml", "pictures/pelvic-tilt-pose.toml", "seated-march.toml",
             "pictures/seated-march.jpg"]  # fmt: skip
    # The browser sends only each file's own name: the exercise file says where it goes.
    files = [upload((EXAMPLES / name).read_bytes(), name.rsplit("/", 1)[-1]) for name in names]
    cards = post(client, "/catalogue", sheet_form(client), libraries=files).data.decode()
    assert cards.count('<li class="card">') == 11 and 'role="alert"' not in cards
    assert "<title>Picture: Pelvic tilt</title>" in cards  # its pose file, as SVG
    form = only(sheet_form(client), ["pelvic-tilt", "seated-march", "back-rounder"])
    files = [upload((EXAMPLES / name).read_bytes(), name.rsplit("/", 1)[-1]) for name in names]
    pdf = post(client, "/download", form, libraries=files)
    assert pdf.status_code == 200, errors_in(pdf.data.decode())
    shutil.copytree(EXAMPLES, tmp_path / "library")
    ids = ("-e", "pelvic-tilt", "-e", "seated-march", "-e", "back-rounder")
    assert run("build", *ids, "--library", "library", "--date", DATE).code == 0
    assert pdf.data == (tmp_path / "routine.pdf").read_bytes()


def test_a_library_picture_path_never_leaves_the_private_folder(client, tmp_path) -> None:
    outside = tmp_path / "outside.png"
    exercise = library_text() + f'\nimage = "../../{outside}"\n'.encode()
    files = [upload(exercise, "mine.toml"), upload(b"\x89PNG\r\n\x1a\n", "outside.png")]
    page = post(client, "/catalogue", sheet_form(client), libraries=files).data.decode()
    assert not outside.exists()
    assert "mine.toml:" in html.unescape(page)  # the exercise's own problem: no such picture


def test_a_broken_library_is_named_by_its_own_file_name(client) -> None:
    broken = library_text().replace(b"reps = 10", b"reps = 0")
    page = post(client, "/catalogue", sheet_form(client), libraries=upload(broken, "mine.toml"))
    text = html.unescape(page.data.decode())
    assert "mine.toml:" in text and "reps: is 0" in text and "makeplan-web-" not in text


def test_a_photo_of_the_paper_is_read_as_makeplan_read_reads_it(client, run, tmp_path) -> None:
    pytest.importorskip("cv2", reason="the scan extra is not installed")
    from test_scan_read import SHEET, photo_of

    assert run(*SHEET, "-o", "sheet.pdf").code == 0
    photo_of(tmp_path / "sheet.pdf", tmp_path / "photo.jpg", seed=1)
    form = MultiDict({"csrf_token": token_of(first_page(client))})
    photo = upload((tmp_path / "photo.jpg").read_bytes(), "IMG_0001.jpg")
    printed = upload((tmp_path / "sheet.pdf").read_bytes(), "sheet.pdf")
    page = post(client, "/report", form, photos=photo, printed=printed).data
    text = html.unescape(page.decode())
    assert run("read", "photo.jpg", "--sheet", "sheet.pdf", "-o", "filled.pdf").code == 0
    import json

    result = run("report", "filled.pdf", "--format", "json")
    for exercise in json.loads(result.stdout)["exercises"]:
        assert exercise["name"] in text
        total = f"<td>All days</td><td>{exercise['done']}</td><td>{exercise['planned']}</td>"
        assert total in text

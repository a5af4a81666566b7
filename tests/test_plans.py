"""Plan files, clinic libraries and `makeplan check`, tried as a clinician would."""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

import pytest
from PIL import Image

from support import assert_clean_error, checkbox_fields, page_texts

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).resolve().parent / "data"


def boxes_of(pdf: Path, exercise_id: str) -> int:
    return sum(1 for name in checkbox_fields(pdf) if name.startswith(exercise_id + "_"))


def set_dose(plan: Path, exercise_id: str, field: str, value: int) -> None:
    """Edit one number of one [[exercise]] as a person would, in a text editor."""
    text = plan.read_text()
    start = text.index(f'id = "{exercise_id}"')
    end = text.find("[[exercise]]", start)
    end = len(text) if end < 0 else end
    block = re.sub(rf"(?m)^{field} = \d+$", f"{field} = {value}", text[start:end], count=1)
    plan.write_text(text[:start] + block + text[end:])


def library(tmp_path: Path) -> Path:
    """A copy of the example clinic library."""
    target = tmp_path / "clinic-exercises"
    shutil.copytree(EXAMPLES / "clinic-exercises", target)
    return target


# --- plan -> edit -> build ---


def test_plan_edit_build_gives_the_edited_dose(run, tmp_path: Path) -> None:
    made = run("plan", "-e", "knee-hug-side-tilt", "-e", "glute-stretch", "-o", "p.toml")
    assert made.code == 0, made.stderr
    plan = tomllib.loads((tmp_path / "p.toml").read_text())
    assert plan["version"] == 1
    # Every resolved number is written out, per exercise.
    assert [entry["id"] for entry in plan["exercise"]] == ["knee-hug-side-tilt", "glute-stretch"]
    for entry in plan["exercise"]:
        assert {"reps", "sides", "hold_seconds", "sessions_per_day"} <= set(entry)
    assert plan["days"] == 1 and plan["layout"] == "one-page" and plan["paper"] == "a4"

    set_dose(tmp_path / "p.toml", "knee-hug-side-tilt", "reps", 8)
    set_dose(tmp_path / "p.toml", "glute-stretch", "hold_seconds", 45)
    built = run("build", "--plan", "p.toml", "--layout", "handout", "-o", "s.pdf")
    assert built.code == 0, built.stderr
    text = "\n".join(page_texts(tmp_path / "s.pdf"))
    assert "8 times each side, hold 5 seconds, 3 times a day" in text
    assert "1 time each side, hold 45 seconds, once a day" in text
    # The steps say the same hold as the dose.
    assert "Hold for 45 seconds." in text and "Hold for 30 seconds." not in text
    assert boxes_of(tmp_path / "s.pdf", "knee-hug-side-tilt") == 8 * 2 * 3
    assert boxes_of(tmp_path / "s.pdf", "glute-stretch") == 1 * 2 * 1


def test_plan_writes_sheet_settings_and_notes(run, tmp_path: Path) -> None:
    made = run(
        "plan", "--layout", "week", "-p", "lying", "-a", "gentle", "--patient", 'Ann "A" Lee',
        "--notes", "Line one.\nLine two \\ end.", "--date", "2026-03-02", "--sessions", "2",
        "-o", "p.toml",
    )  # fmt: skip
    assert made.code == 0, made.stderr
    plan = tomllib.loads((tmp_path / "p.toml").read_text())
    assert plan["patient"] == 'Ann "A" Lee'
    assert plan["notes"] == "Line one.\nLine two \\ end."
    assert str(plan["date"]) == "2026-03-02"
    assert plan["days"] == 7  # the week layout's own default, written out
    assert all(entry["sessions_per_day"] == 2 for entry in plan["exercise"])
    assert "title_page" not in plan  # left to the layout unless it was asked for


def test_plan_without_a_date_leaves_it_to_the_day_of_the_build(run, tmp_path: Path) -> None:
    assert run("plan", "-o", "p.toml").code == 0
    assert "date" not in tomllib.loads((tmp_path / "p.toml").read_text())


def test_plan_keeps_an_existing_file_unless_forced(run, tmp_path: Path) -> None:
    (tmp_path / "p.toml").write_text("my edits\n")
    result = run("plan", "-o", "p.toml")
    assert_clean_error(result, "p.toml", "--force")
    assert (tmp_path / "p.toml").read_text() == "my edits\n"
    assert run("plan", "-o", "p.toml", "--force").code == 0
    assert "version = 1" in (tmp_path / "p.toml").read_text()


def test_plan_refuses_a_file_made_while_it_worked(run, tmp_path: Path, monkeypatch) -> None:
    # Another `makeplan plan -o p.toml` finishes during this one's test build: the file
    # was not there at the check, but must still not be replaced without --force.
    import makeplan.build

    sheet_pdf = makeplan.build.sheet_pdf

    def slow_build(*planned):
        (tmp_path / "p.toml").write_text("the other run's plan\n")
        return sheet_pdf(*planned)

    monkeypatch.setattr(makeplan.build, "sheet_pdf", slow_build)
    result = run("plan", "-o", "p.toml")
    assert_clean_error(result, "p.toml", "already exists", "--force")
    assert result.code == 6
    assert (tmp_path / "p.toml").read_text() == "the other run's plan\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["p.toml"]  # no temporary left
    assert run("plan", "-o", "p.toml", "--force").code == 0
    assert "version = 1" in (tmp_path / "p.toml").read_text()


def test_plan_to_stdout(run) -> None:
    result = run("plan", "-e", "back-rounder", "-o", "-")
    assert result.code == 0
    assert tomllib.loads(result.text)["exercise"][0]["id"] == "back-rounder"


def test_plan_of_a_plan_applies_the_changes(run, tmp_path: Path) -> None:
    assert run("plan", "-e", "back-rounder", "-o", "a.toml").code == 0
    assert run("plan", "--plan", "a.toml", "--reps", "7", "-o", "b.toml").code == 0
    assert tomllib.loads((tmp_path / "b.toml").read_text())["exercise"][0]["reps"] == 7


# --- precedence ---

PLAN = """\
version = 1
patient = "From the plan"
layout = "handout"
days = 2
reps = 4

[[exercise]]
id = "back-rounder"
reps = 6
note = "Slow and small."

[[exercise]]
id = "seated-twist"
"""


def test_command_line_wins_over_the_plan(run, tmp_path: Path) -> None:
    (tmp_path / "p.toml").write_text(PLAN)
    result = run("build", "--plan", "p.toml", "-o", "plan.pdf")
    assert result.code == 0, result.stderr
    text = "\n".join(page_texts(tmp_path / "plan.pdf"))
    assert "From the plan" in text and "Note: Slow and small." in text
    assert boxes_of(tmp_path / "plan.pdf", "back-rounder") == 6 * 2  # its own reps, 2 days
    assert boxes_of(tmp_path / "plan.pdf", "seated-twist") == 4 * 2 * 2  # the plan's reps

    result = run(
        "build", "--plan", "p.toml", "--patient", "From the command line", "--days", "1",
        "--reps", "3", "--layout", "one-page", "-o", "cli.pdf",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    pages = page_texts(tmp_path / "cli.pdf")
    assert len(pages) == 1  # one-page, not the plan's handout
    assert "From the command line" in pages[0] and "From the plan" not in pages[0]
    assert boxes_of(tmp_path / "cli.pdf", "back-rounder") == 3  # --reps beats the plan's 6
    assert boxes_of(tmp_path / "cli.pdf", "seated-twist") == 3 * 2


def test_choosing_exercises_on_the_command_line_keeps_the_plans_doses(run, tmp_path: Path) -> None:
    (tmp_path / "p.toml").write_text(PLAN)
    result = run("build", "--plan", "p.toml", "-e", "back-rounder", "-e", "glute-stretch")
    assert result.code == 0, result.stderr
    fields = checkbox_fields(tmp_path / "routine.pdf")
    assert {name.split("_")[0] for name in fields} == {"back-rounder", "glute-stretch"}
    assert boxes_of(tmp_path / "routine.pdf", "back-rounder") == 6 * 2


# --- paths relative to the plan file ---


def test_paths_in_a_plan_are_relative_to_the_plan_file(run, tmp_path: Path) -> None:
    folder = tmp_path / "patients" / "jordan"
    folder.mkdir(parents=True)
    library(folder)
    shutil.copy(EXAMPLES / "clinic-logo.png", folder / "logo.png")
    assert run("build", "-e", "back-rounder", "-o", str(folder / "cover.pdf")).code == 0
    (folder / "plan.toml").write_text(
        'version = 1\nlogo = "logo.png"\ncovers = ["cover.pdf"]\n'
        'library = ["clinic-exercises"]\n[[exercise]]\nid = "pelvic-tilt"\n'
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = run("build", "--plan", "patients/jordan/plan.toml", "-o", "elsewhere/out.pdf")
    assert result.code == 0, result.stderr
    pages = page_texts(elsewhere / "out.pdf")
    assert "Back rounder" in pages[0]  # the cover comes first
    assert "Pelvic tilt" in pages[-1]

    # The same names are not looked up in the current folder.
    (tmp_path / "plan.toml").write_text((folder / "plan.toml").read_text())
    shutil.move(folder / "logo.png", tmp_path / "logo.png")
    result = run("build", "--plan", str(folder / "plan.toml"), "-o", "x.pdf")
    assert result.code == 3
    assert "jordan/logo.png is not found" in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_plan_written_elsewhere_points_back_to_the_same_files(run, tmp_path: Path) -> None:
    library(tmp_path)
    shutil.copy(EXAMPLES / "clinic-logo.png", tmp_path / "logo.png")
    (tmp_path / "plans").mkdir()
    made = run(
        "plan", "--library", "clinic-exercises", "--logo", "logo.png", "-e", "seated-march",
        "-o", "plans/p.toml",
    )  # fmt: skip
    assert made.code == 0, made.stderr
    plan = tomllib.loads((tmp_path / "plans" / "p.toml").read_text())
    assert plan["logo"] == "../logo.png" and plan["library"] == ["../clinic-exercises"]
    assert run("build", "--plan", "plans/p.toml", "-o", "s.pdf").code == 0


# --- versions ---


def test_an_old_version_1_plan_file_still_builds(run, tmp_path: Path) -> None:
    # tests/data/plan-v1.toml is a plan as makeplan 0.1 wrote it; it must not be edited.
    shutil.copy(DATA / "plan-v1.toml", tmp_path / "old.toml")
    result = run("build", "--plan", "old.toml", "-o", "old.pdf")
    assert result.code == 0, result.stderr
    text = "\n".join(page_texts(tmp_path / "old.pdf"))
    assert "Sam Lee" in text and "Note: Keep the pillow under your head." in text
    assert boxes_of(tmp_path / "old.pdf", "knee-hug-side-tilt") == 8 * 2 * 2 * 3


def test_a_plan_from_a_newer_makeplan_says_so(run, tmp_path: Path) -> None:
    (tmp_path / "new.toml").write_text("version = 2\nfuture_field = 1\n")
    result = run("build", "--plan", "new.toml")
    assert result.code == 3
    assert "new.toml:1: version: is 2, from a newer makeplan" in result.stderr
    assert "upgrade makeplan" in result.stderr


# --- libraries ---


def test_library_exercises_show_in_list_and_on_the_sheet(run, tmp_path: Path) -> None:
    library(tmp_path)
    listed = run("list", "--library", "clinic-exercises")
    assert listed.code == 0
    rows = {line.split()[0]: line for line in listed.text.splitlines()[1:]}
    assert "library" in rows["pelvic-tilt"] and "library" in rows["seated-march"]
    assert "built-in" in rows["back-rounder"]

    result = run("build", "--library", "clinic-exercises", "-e", "pelvic-tilt",
                 "-e", "seated-march", "--layout", "handout", "-o", "s.pdf")  # fmt: skip
    assert result.code == 0, result.stderr
    text = "\n".join(page_texts(tmp_path / "s.pdf"))
    assert "Pelvic tilt" in text and "Seated march" in text
    assert "Hold for 5 seconds. Keep breathing." in text
    assert boxes_of(tmp_path / "s.pdf", "seated-march") == 10 * 2 * 3


def test_library_photo_is_upright_and_small(run, tmp_path: Path) -> None:
    import io

    import pypdf

    library(tmp_path)
    result = run("build", "--library", "clinic-exercises", "-e", "seated-march",
                 "--layout", "handout", "--no-title-page", "-o", "s.pdf")  # fmt: skip
    assert result.code == 0, result.stderr
    images = [image for page in pypdf.PdfReader(tmp_path / "s.pdf").pages for image in page.images]
    assert len(images) == 1
    photo = Image.open(io.BytesIO(images[0].data))
    # The file stores the photo on its side (840 wide, 800 high) with an EXIF turn.
    assert photo.height > photo.width
    assert "exif" not in photo.info


def test_a_library_exercise_replaces_the_built_in_one(run, tmp_path: Path) -> None:
    text = (ROOT / "makeplan" / "exercises" / "back-rounder.toml").read_text()
    (tmp_path / "mine.toml").write_text(
        text.replace('name = "Back rounder"', 'name = "Our back rounder"')
    )
    listed = run("list", "--library", "mine.toml", "--format", "json")
    entry = next(
        item for item in __import__("json").loads(listed.text) if item["id"] == "back-rounder"
    )
    assert entry["from"] == "library, replaces built-in" and entry["name"] == "Our back rounder"
    table = run("list", "--library", "mine.toml").text
    assert "replaces built-in" in table
    assert run("build", "--library", "mine.toml", "-e", "back-rounder", "-o", "s.pdf").code == 0
    assert "Our back rounder" in page_texts(tmp_path / "s.pdf")[0]


def test_show_a_library_exercise(run, tmp_path: Path) -> None:
    library(tmp_path)
    result = run("show", "pelvic-tilt", "--library", "clinic-exercises")
    assert result.code == 0
    assert "From:         library (clinic-exercises/pelvic-tilt.toml)" in result.text
    assert "Hold for 5 seconds." in result.text


def test_missing_library_is_one_clear_error(run) -> None:
    assert_clean_error(run("list", "--library", "nowhere"), "--library nowhere", "no such")


# --- check ---

FIVE_MISTAKES = """\
version = 1
patient = "Sam"
dayz = 3
paper = "a5"

[[exercise]]
id = "glute-stretch"
reps = "eight"

[[exercise]]
sessions_per_day = 2

[[exercise]]
id = "glute-stretch"
hold_seconds = 9000
"""


def test_check_prints_all_five_mistakes_with_their_lines(run, tmp_path: Path) -> None:
    (tmp_path / "p.toml").write_text(FIVE_MISTAKES)
    result = run("check", "p.toml")
    assert result.code == 1
    assert result.text.splitlines() == [
        "p.toml:3: dayz: is not a known field; did you mean 'days'?",
        'p.toml:4: paper: is \'a5\'; expected "a4" or "letter".',
        "p.toml:8: exercise[1].reps: is 'eight'; expected a whole number from 1 to 100.",
        "p.toml:10: exercise[2].id: is missing; expected the id of a catalogue or library "
        "exercise (see 'makeplan list').",
        "p.toml:14: exercise[3].id: is 'glute-stretch' again (also exercise[1]); "
        "expected each exercise once.",
        "p.toml:15: exercise[3].hold_seconds: is 9000, too large; expected a whole number of "
        "seconds from 0 to 600 (0: no hold).",
    ]
    assert "6 problems in 1 file checked." in result.stderr


def test_build_with_a_bad_plan_lists_the_problems_and_writes_nothing(run, tmp_path: Path) -> None:
    (tmp_path / "p.toml").write_text(FIVE_MISTAKES)
    (tmp_path / "out.pdf").write_bytes(b"the old sheet")
    result = run("build", "--plan", "p.toml", "-o", "out.pdf")
    assert result.code == 3
    lines = result.stderr.splitlines()
    assert lines[0].startswith("Error: p.toml has 6 problems")
    assert lines[1:] == run("check", "p.toml").text.splitlines()
    assert (tmp_path / "out.pdf").read_bytes() == b"the old sheet"
    assert "Traceback" not in result.stderr


def test_check_library_problems(run, tmp_path: Path) -> None:
    lib = library(tmp_path)
    (lib / "pictures" / "seated-march.jpg").write_bytes(b"\xff\xd8\xff not really a jpeg")
    (lib / "copy.toml").write_text((lib / "pelvic-tilt.toml").read_text().replace(
        'pose = "pictures/pelvic-tilt-pose.toml"', ""))  # fmt: skip
    (lib / "typo.toml").write_text('id = "x"\nname = "X"\nposition = "sittin"\n')
    result = run("check", "clinic-exercises")
    assert result.code == 1
    out = result.text
    assert "clinic-exercises/pelvic-tilt.toml:4: id: is 'pelvic-tilt', the same as in" in out
    assert re.search(r"seated-march.toml:\d+: image: .*seated-march.jpg", out)
    assert "typo.toml:3: position: is 'sittin' (did you mean 'sitting'?)" in out
    assert "typo.toml:1: reps: is missing; expected a whole number from 1 to 100." in out
    # A build that uses the library stops with the same problems.
    built = run("build", "--library", "clinic-exercises", "-o", "s.pdf")
    assert built.code == 3 and built.stderr.startswith("Error: clinic-exercises has")
    assert not (tmp_path / "s.pdf").exists()


def test_check_reports_toml_syntax_and_unknown_ids(run, tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text('version = 1\n[[exercise]]\nid = "glute-strech"\n')
    (tmp_path / "b.toml").write_text('version = 1\npatient = "unclosed\n')
    result = run("check", "a.toml", "b.toml", "missing.toml")
    assert result.code == 1
    lines = result.text.splitlines()
    assert lines[0] == (
        "a.toml:3: exercise[1].id: is 'glute-strech', not in the catalogue or a library; "
        "did you mean 'glute-stretch'? expected an id from 'makeplan list'."
    )
    assert lines[1].startswith("b.toml:2: syntax: ")
    assert lines[2] == "missing.toml:1: file: no such file; check the path."


def test_check_finds_missing_and_broken_files_named_by_a_plan(run, tmp_path: Path) -> None:
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 cut short")
    (tmp_path / "p.toml").write_text(
        'version = 1\ncovers = ["broken.pdf", "gone.pdf"]\nlogo = "gone.png"\n'
        'library = ["nowhere"]\nlayout = "hand-out"\n'
    )
    lines = run("check", "p.toml").text.splitlines()
    assert lines[0].startswith("p.toml:2: covers[1]: ") and "broken.pdf" in lines[0]
    assert lines[1] == "p.toml:2: covers[2]: gone.pdf is not found; expected a PDF."
    assert lines[2].startswith("p.toml:3: logo: gone.png is not found")
    assert lines[3].startswith("p.toml:4: library[1]: nowhere is not found")
    assert lines[4].startswith("p.toml:5: layout: ") and "did you mean handout" in lines[4]


def test_examples_check_clean_and_build(run, tmp_path: Path) -> None:
    for name in ("patient-plan.toml", "clinic-logo.png"):
        shutil.copy(EXAMPLES / name, tmp_path / name)
    library(tmp_path)
    checked = run("check", "patient-plan.toml", "clinic-exercises")
    assert checked.code == 0, checked.text
    result = run("build", "--plan", "patient-plan.toml", "-o", "jordan.pdf")
    assert result.code == 0, result.stderr
    # Its 8 and 10 reps a day, 1.5 mm apart, take the week on to a second page.
    text = "".join(page_texts(tmp_path / "jordan.pdf"))
    assert "Jordan Reyes" in text and "Pelvic tilt" in text and "Seated march" in text


@pytest.mark.parametrize("schema", ["exercise", "plan", "layout", "pose"])
def test_schemas_are_valid_json_schema(schema: str) -> None:
    from jsonschema import Draft202012Validator

    from makeplan.validation import schema as load_schema

    Draft202012Validator.check_schema(load_schema(schema))


def test_a_hold_past_the_safe_limit_is_refused(run, tmp_path: Path) -> None:
    # The article says never to hold the double knee lift longer than 5 seconds.
    result = run("build", "-e", "double-knee-lift", "--hold", "10")
    assert_clean_error(result, "double-knee-lift", "5 seconds", "10")
    assert not (tmp_path / "routine.pdf").exists()
    (tmp_path / "p.toml").write_text(
        'version = 1\n[[exercise]]\nid = "double-knee-lift"\nhold_seconds = 8\n'
    )
    result = run("build", "--plan", "p.toml")
    assert result.code == 3
    assert "p.toml:4: exercise[1].hold_seconds: is 8, but double-knee-lift must not" in (
        result.stderr
    )
    assert run("check", "p.toml").code == 1  # check finds what build would refuse
    assert run("build", "-e", "double-knee-lift", "--hold", "5").code == 0


# --- found by trying to break it ---


def test_plan_text_survives_names_with_line_breaks_and_control_characters(
    run, tmp_path: Path
) -> None:
    lib = tmp_path / "lib"
    lib.mkdir()
    text = (ROOT / "makeplan" / "exercises" / "back-rounder.toml").read_text()
    text = text.replace('id = "back-rounder"', 'id = "odd"').replace(
        'name = "Back rounder"', 'name = "Injected\\nreps = 99 \\u0001\\r"'
    )
    (lib / "odd.toml").write_text(text)
    notes = 'ends with a quote " and a backslash \\ and """ three \x7f'
    made = run("plan", "--library", "lib", "-e", "odd", "--notes", notes, "-o", "p.toml")
    assert made.code == 0, made.stderr
    plan = tomllib.loads((tmp_path / "p.toml").read_text())
    assert plan["exercise"][0]["reps"] == 5 and "notes" in plan
    assert run("build", "--plan", "p.toml").code == 0


def test_the_same_library_twice_is_read_once(run, tmp_path: Path) -> None:
    lib = library(tmp_path)
    result = run("list", "--library", "clinic-exercises", "--library", "./clinic-exercises",
                 "--library", str(lib / "pelvic-tilt.toml"))  # fmt: skip
    assert result.code == 0, result.stderr
    assert result.text.count("pelvic-tilt") == 1


def test_build_never_writes_over_its_own_inputs(run, tmp_path: Path) -> None:
    (tmp_path / "p.toml").write_text(PLAN)
    shutil.copy(EXAMPLES / "clinic-logo.png", tmp_path / "logo.png")
    for args in (["--plan", "p.toml", "-o", "p.toml"], ["--logo", "logo.png", "-o", "logo.png"]):
        before = (tmp_path / args[1]).read_bytes()
        assert_clean_error(run("build", *args), args[0], "another file")
        assert (tmp_path / args[1]).read_bytes() == before


def test_command_line_replaces_a_plans_missing_files(run, tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "clinic-logo.png", tmp_path / "logo.png")
    (tmp_path / "p.toml").write_text(
        'version = 1\ncovers = ["gone.pdf"]\nlogo = "gone.png"\nlayout = "gone.toml"\n'
    )
    result = run("build", "--plan", "p.toml", "--no-title-page", "--logo", "logo.png",
                 "--layout", "handout", "--cover", "logo.png")  # fmt: skip
    # The plan's own files are not looked for; the cover given instead is checked.
    assert_clean_error(result, "cover 'logo.png'")


def test_plan_refuses_what_build_would_refuse(run, tmp_path: Path) -> None:
    assert_clean_error(run("plan", "--cover", "missing.pdf", "-o", "p.toml"), "missing.pdf")
    assert_clean_error(run("plan", "--logo", "missing.png", "-o", "p.toml"), "missing.png")
    assert not (tmp_path / "p.toml").exists()


def test_check_lines_for_lists_and_dotted_keys(run, tmp_path: Path) -> None:
    (tmp_path / "p.toml").write_text(
        'version = 1\ncovers = [\n  3,\n  "missing.pdf",\n]\n'
        'patient.first = "Ann"\n[[exercise]]\nid = "back-rounder"\nreps.count = 5\n'
    )
    assert run("check", "p.toml").text.splitlines() == [
        "p.toml:3: covers[1]: is 3; expected a path in quotes.",
        "p.toml:4: covers[2]: missing.pdf is not found; expected a PDF.",
        "p.toml:6: patient: is a table; expected the patient's name in quotes.",
        "p.toml:9: exercise[1].reps: is a table; expected a whole number from 1 to 100.",
    ]


def test_check_odd_paths(run, tmp_path: Path) -> None:
    (tmp_path / "folder.toml").mkdir()
    (tmp_path / "sheet.pdf").write_bytes(b"%PDF-1.4\n\xe2\xe3\xcf\xd3\n")
    (tmp_path / "plan.toml").write_text(PLAN)
    result = run("check", "folder.toml", "sheet.pdf")
    assert result.text.splitlines() == [
        "sheet.pdf:1: file: is not a text file (a PDF or a picture?); expected a .toml file.",
        "folder.toml:1: library: the folder has no .toml files; expected exercise files.",
    ]
    assert_clean_error(run("check", ""), "empty")
    assert_clean_error(run("list", "--library", ""), "empty")
    listed = run("list", "--library", "plan.toml")
    assert listed.code == 3 and "is a plan file, not an exercise file" in listed.stderr


def test_check_a_pose_file(run, tmp_path: Path) -> None:
    lib = library(tmp_path)
    good = run("check", str(lib / "pictures" / "pelvic-tilt-pose.toml"))
    assert good.code == 0, good.text
    pose = (lib / "pictures" / "pelvic-tilt-pose.toml").read_text()
    (tmp_path / "bad-pose.toml").write_text(pose.replace("torso = 176", 'torso = "up"'))
    lines = run("check", "bad-pose.toml").text.splitlines()
    assert lines == [
        "bad-pose.toml:17: frame[2].torso: is 'up'; expected the direction hip -> shoulders "
        "in degrees, from -360 to 360."
    ]


def test_check_reports_each_problem_once(run, tmp_path: Path) -> None:
    lib = library(tmp_path)
    (lib / "pictures" / "seated-march.jpg").write_bytes(b"not a picture")
    (tmp_path / "p.toml").write_text('version = 1\nlibrary = ["clinic-exercises"]\n'
                                     '[[exercise]]\nid = "seated-march"\n')  # fmt: skip
    lines = run("check", "p.toml", "clinic-exercises").text.splitlines()
    assert len(lines) == 1 and "seated-march.jpg" in lines[0]


def test_a_library_file_breaking_its_own_hold_limit(run, tmp_path: Path) -> None:
    text = (ROOT / "makeplan" / "exercises" / "double-knee-lift.toml").read_text()
    (tmp_path / "mine.toml").write_text(text.replace("hold_seconds = 5\n", "hold_seconds = 9\n", 1))
    lines = run("check", "mine.toml").text.splitlines()
    assert len(lines) == 1 and "hold_seconds: is 9, longer than max_hold_seconds (5)" in lines[0]


def test_dates_at_the_end_of_the_calendar(run, tmp_path: Path) -> None:
    assert_clean_error(run("build", "--date", "9999-12-30", "--days", "5"), "9999")
    (tmp_path / "p.toml").write_text("version = 1\ndate = 9999-12-30\ndays = 5\n")
    assert_clean_error(run("build", "--plan", "p.toml"), "9999")


def test_a_plan_needs_at_least_one_exercise_and_a_whole_ability(run, tmp_path: Path) -> None:
    (tmp_path / "p.toml").write_text("version = 1\nability = 2.0\nexercise = []\n")
    lines = run("check", "p.toml").text.splitlines()
    assert lines[0].startswith("p.toml:2: ability: is 2.0")
    assert lines[1].startswith("p.toml:3: exercise: is an empty list")


def test_a_device_is_not_read_as_a_plan(run) -> None:
    assert_clean_error(run("build", "--plan", "/dev/zero"), "not a regular file")


def test_list_json_fills_in_the_hold(run) -> None:
    import json

    data = json.loads(run("list", "--format", "json").text)
    assert not any("{hold}" in step for item in data for step in item["steps"])

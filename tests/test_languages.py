"""Sheets in Spanish, French and Arabic (issue 19), read from the PDF as printed.

- every layout, on A4 and Letter, in each language: no English word of makeplan's own
  wording in the extracted text (words of the English catalogue and messages that are
  not words of the translation), the warning tiers and their actions in the language,
  the geometry checks the English sheets pass, and one warning that the translation is
  not yet clinically reviewed;
- the message catalogues: every message of wording.py and markup.py translated, the
  same placeholders, the compiled .mo files up to date with their .po files;
- every built-in exercise translated into every language, checked strictly; a bad or
  missing translation is found by `makeplan check` with its file and line;
- plural and date tables (0, 1, 2, 3, 11, 100; a date in each month) from CLDR;
- Arabic: glyphs joined, lines right-aligned, the text read back in logical order
  equal to the catalogue's, the tick grid and pain scale reading right to left;
- `report`, `--from` and `--progress` on Spanish and Arabic sheets as on English ones;
- reading level: Fernandez-Huerta and Szigriszt-Pazos for Spanish, Kandel-Moles for
  French (textstat 0.7.8), and for Arabic sentences no longer than the English.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
import re
import tomllib
import unicodedata
from importlib import resources
from pathlib import Path

import pdfplumber
import pypdf
import pytest
import textstat
from babel.messages.extract import DEFAULT_KEYWORDS, extract
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from makeplan import wording
from makeplan.catalogue import builtin_catalogue
from makeplan.languages import language_codes, languages, mirror_brackets, speaking, visual
from makeplan.pictograms import packaged_pictogram
from makeplan.translations import builtin_translation, read_translation
from support import layout_problems

LANGS = ("es", "fr", "ar")
LAYOUTS = ("one-page", "handout", "large-print", "week")
MARGINS = {"one-page": 12, "handout": 12, "large-print": 12, "week": 10}
DATE = "2026-11-30"
LOCALE = resources.files("makeplan") / "locale"
WORD = re.compile(r"[^\W\d_]{3,}")


def po(lang: str):  # type: ignore[no-untyped-def]
    return read_po(io.BytesIO((LOCALE / lang / "LC_MESSAGES" / "makeplan.po").read_bytes()))


def messages_in_code() -> set[str]:
    """The msgids of wording.py and markup.py, extracted as `pybabel extract` does."""
    found = set()
    for module in ("wording.py", "markup.py"):
        source = (resources.files("makeplan") / module).read_bytes()
        for _, message, _, _ in extract("python", io.BytesIO(source), DEFAULT_KEYWORDS):
            found.add(message[0] if isinstance(message, tuple) else message)
    return found


def strings(value: str | tuple[str, ...]) -> list[str]:
    return [value] if isinstance(value, str) else [text for text in value if text]


def exercise_texts(data: dict) -> list[str]:
    texts = [data["name"], data["cue"], data.get("key_caution") or ""]
    for key in ("targets", "equipment", "steps", "cautions", "captions"):
        texts += data.get(key, [])
    return texts


def english_words() -> set[str]:
    texts: list[str] = []
    for message in po("es"):
        if message.id:
            texts += strings(message.id)
    for entry in (resources.files("makeplan") / "exercises").iterdir():
        if entry.name.endswith(".toml"):
            texts += exercise_texts(tomllib.loads(entry.read_text("utf-8")))
    for exercise in builtin_catalogue():
        picture = packaged_pictogram(exercise.id)
        texts += [panel.caption for panel in picture.panels] if picture else []
    return {word.lower() for text in texts for word in WORD.findall(re.sub(r"\{[^}]*}", "", text))}


def own_words(lang: str) -> set[str]:
    texts: list[str] = []
    for message in po(lang):
        if message.id:
            texts += strings(message.string)
    for entry in (resources.files("makeplan") / "exercises" / lang).iterdir():
        texts += exercise_texts(tomllib.loads(entry.read_text("utf-8")))
    with speaking(lang):  # the CLDR names of days and months
        for month in range(1, 13):
            date = dt.date(2026, month, 1)
            for day in range(7):
                texts.append(wording.long_date(date + dt.timedelta(days=day)))
                texts += wording.short_day_headings(date, day + 1)[0]
    return {word.lower() for text in texts for word in WORD.findall(text)}


# --- reading Arabic back ---

_LAM_ALEF = {
    chr(code): "ل" + alef for code, alef in zip(range(0xFEF5, 0xFEFD), "آآأأإإاا", strict=True)
}


def logical(visual_line: str) -> str:
    """A line as drawn (left to right, joined forms) back in the order it is written."""
    from bidi import get_display

    # A lam-alef ligature is one glyph for two letters: kept whole while reordering.
    marked = "".join(chr(0xE000 + i) if ch in _LAM_ALEF else ch for i, ch in enumerate(visual_line))
    order = {chr(0xE000 + i): _LAM_ALEF[ch] for i, ch in enumerate(visual_line) if ch in _LAM_ALEF}
    plain = "".join(ch if ch in order else unicodedata.normalize("NFKC", ch) for ch in marked)
    back = mirror_brackets(get_display(plain, base_dir="R"))
    return "".join(order.get(ch, ch) for ch in back)


def drawn_lines(path: Path) -> list[list[str]]:
    """Each page's lines of text in the order they were drawn, each as drawn (left to
    right): a new line where the next character is not to the right on the same baseline."""
    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            lines: list[str] = []
            last = None
            for char in page.chars:
                if (
                    last is None
                    or abs(char["top"] - last["top"]) > 0.5
                    or char["x0"] < last["x0"] - 0.5
                ):
                    lines.append("")
                lines[-1] += char["text"]
                last = char
            pages.append([line.strip() for line in lines if line.strip()])
    return pages


def sheet_text(path: Path, lang: str) -> str:
    """The sheet's text in drawing order, lines joined by spaces; Arabic in logical order."""
    lines = [line for page in drawn_lines(path) for line in page]
    if lang == "ar":
        lines = [logical(line) for line in lines]
    return " ".join(" ".join(lines).split())


def build(run, tmp_path: Path, *args: str, name: str = "s.pdf"):  # type: ignore[no-untyped-def]
    result = run("build", "--date", DATE, "-o", name, *args)
    assert result.code == 0, result.stderr
    return tmp_path / name, result


# --- every layout, in every language, on both papers ---


@pytest.fixture(scope="module")
def vocabulary() -> dict[str, set[str]]:
    english = english_words()
    return {lang: english - own_words(lang) for lang in LANGS}


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("lang", LANGS)
def test_every_layout_prints_in_the_language(
    run, tmp_path, vocabulary, lang, layout, paper
) -> None:
    path, result = build(
        run, tmp_path, "--lang", lang, "--layout", layout, "--paper", paper,
        "--patient", "Ann Lee", "--clinician", "Jo Park",
    )  # fmt: skip
    warned = [line for line in result.stderr.splitlines() if "clinically reviewed" in line]
    name = languages()[lang].english_name
    assert warned == [
        f"Warning: the {name} translation is not yet clinically reviewed (see 'makeplan "
        f"list --lang'); have a clinician who reads {name} check the sheet before it is "
        "given out."
    ]
    text = sheet_text(path, lang)
    printed = {word.lower() for word in WORD.findall(text)}
    assert printed & vocabulary[lang] == set(), "English words of makeplan's wording"
    with speaking(lang):
        leads = [wording.safety_tier_lead(h, a) for h, a, _ in wording.safety_tiers(short=True)]
    for lead in leads:
        assert lead in text
    reader = pypdf.PdfReader(path, strict=True)
    assert reader.metadata is not None and reader.metadata.title in (
        "Mis ejercicios para la espalda: Ann Lee",
        "Mes exercices pour le dos : Ann Lee",
        "تماريني للظهر: Ann Lee",
    )
    assert reader.trailer["/Root"]["/Lang"] == lang
    about = f"{reader.metadata.subject} {reader.metadata.get('/Keywords')}"
    assert {word.lower() for word in WORD.findall(about)} & vocabulary[lang] == set()
    assert layout_problems(path, MARGINS[layout]) == []


# --- the catalogues ---


def test_every_message_is_in_every_catalogue_with_its_placeholders() -> None:
    wanted = messages_in_code()
    template = read_po(io.BytesIO((LOCALE / "makeplan.pot").read_bytes()))
    assert {strings(m.id)[0] for m in template if m.id} == wanted, "run pybabel extract"
    assert "{count} time" in wanted and "chest pain" in wanted
    for lang in LANGS:
        catalogue = po(lang)
        assert {strings(m.id)[0] for m in catalogue if m.id} == wanted, lang
        for message in catalogue:
            if not message.id:
                continue
            assert not message.fuzzy, (lang, message.id)
            keys = set(re.findall(r"\{(\w+)\}", strings(message.id)[0]))
            forms = [message.string] if isinstance(message.string, str) else message.string
            assert all(forms), (lang, message.id)
            for form in forms:
                used = set(re.findall(r"\{(\w+)\}", form))
                # A form may leave the number out ('مرتين': twice), never add a name.
                assert used <= keys, (lang, message.id, form)
                if isinstance(message.string, str):
                    assert used == keys, (lang, message.id, form)


@pytest.mark.parametrize("lang", LANGS)
def test_the_compiled_catalogues_are_up_to_date(lang: str) -> None:
    """The shipped .mo holds the .po's messages. Compared message by message, not byte by
    byte: the header Babel writes names its own version, which CI may not share."""

    def messages(catalogue) -> dict:  # type: ignore[no-untyped-def]
        def hashable(value):  # type: ignore[no-untyped-def]
            return tuple(value) if isinstance(value, list | tuple) else value

        return {hashable(m.id): hashable(m.string) for m in catalogue if m.id}

    shipped = read_mo(io.BytesIO((LOCALE / lang / "LC_MESSAGES" / "makeplan.mo").read_bytes()))
    compiled = io.BytesIO()
    write_mo(compiled, po(lang))
    compiled.seek(0)
    assert messages(shipped) == messages(read_mo(compiled)), (
        "run pybabel compile (see README, 'Languages')"
    )


def test_the_language_table_names_each_catalogue_and_its_review() -> None:
    assert language_codes() == ("en", "es", "fr", "ar")
    for lang in LANGS:
        found = languages()[lang]
        assert found.translator and not found.clinically_reviewed
        assert (LOCALE / lang / "LC_MESSAGES" / "makeplan.mo").is_file()
    assert languages()["ar"].rtl and languages()["ar"].font == "DejaVuSansArabic"


# --- the exercises ---


@pytest.mark.parametrize("lang", LANGS)
def test_every_exercise_is_translated_and_checks_cleanly(lang: str) -> None:
    for exercise in builtin_catalogue():
        raw = builtin_translation(lang, exercise.id)
        assert raw is not None, f"makeplan/exercises/{lang}/{exercise.id}.toml is missing"
        picture = packaged_pictogram(exercise.id)
        captions = [panel.caption for panel in picture.panels] if picture else []
        text, problems = read_translation(raw, f"{lang}/{exercise.id}", exercise, captions)
        assert problems == [] and text is not None
        assert len(text.steps) == len(exercise.steps) and text.name != exercise.name
        # Each says which English it translates, so a change to the English finds it.
        assert tomllib.loads(raw.decode())["english"]


def test_a_bad_translation_gives_every_problem_with_its_line() -> None:
    exercise = next(e for e in builtin_catalogue() if e.id == "knee-hug-side-tilt")
    raw = (builtin_translation("es", exercise.id) or b"").decode()
    raw = raw.replace('"Aguante {hold}. Luego vuelva al centro.",', '"Aguante. Luego vuelva.",')
    raw = raw.replace('key_caution = "Muévase despacio."', 'colour = "red"')
    raw = raw.replace('"Vuelva al centro.",\n]', "]")
    _, problems = read_translation(raw.encode(), "es/knee.toml", exercise, ["a", "b", "c"])
    shown = [str(problem) for problem in problems]
    assert any(re.match(r"es/knee.toml:\d+: colour: is not a key", line) for line in shown)
    assert any("has no key_caution" in line for line in shown)
    assert any(
        re.match(r"es/knee.toml:\d+: steps: has 8 items; expected 9", line) for line in shown
    )


def test_a_translation_of_an_older_english_is_found_out_of_date() -> None:
    from dataclasses import replace

    exercise = next(e for e in builtin_catalogue() if e.id == "seated-twist")
    raw = builtin_translation("fr", exercise.id) or b""
    picture = packaged_pictogram(exercise.id)
    captions = [panel.caption for panel in picture.panels] if picture else []
    changed = replace(exercise, steps=(*exercise.steps[:-1], "Come back to the middle slowly."))
    _, problems = read_translation(raw, "fr/seated-twist.toml", changed, captions)
    [problem] = problems
    assert problem.field == "english" and problem.line == 3
    assert "the English exercise has changed since" in problem.message


def test_check_finds_a_library_translation_missing_or_wrong(run, tmp_path: Path) -> None:
    library = tmp_path / "clinic"
    (library / "fr").mkdir(parents=True)
    examples = Path(__file__).parent.parent / "examples" / "clinic-exercises"
    for name in ("pelvic-tilt.toml", "seated-march.toml"):
        (library / name).write_bytes((examples / name).read_bytes())
    (library / "pictures").mkdir()
    for entry in (examples / "pictures").iterdir():
        (library / "pictures" / entry.name).write_bytes(entry.read_bytes())
    (library / "fr" / "seated-march.toml").write_text(
        'id = "seated-march"\nname = "Marche assise"\ncue = "Levez un genou {3 ft | 1 m}."\n',
        encoding="utf-8",
    )
    result = run("check", str(library))
    assert result.code == 1
    lines = result.stdout.decode().splitlines()
    assert f"{library}/fr/pelvic-tilt.toml:1: file: is missing" in " ".join(lines)
    assert any(
        line.startswith(f"{library}/fr/seated-march.toml:3: cue: has the markup") for line in lines
    )
    assert any(
        line.startswith(f"{library}/fr/seated-march.toml:1: file: has no steps") for line in lines
    )
    # A translation file checked by itself, against the exercise beside its folder.
    alone = run("check", str(library / "fr" / "seated-march.toml"))
    assert alone.code == 1
    assert alone.stdout.decode().startswith(f"{library}/fr/seated-march.toml:")
    assert run("check", str(examples / "es" / "pelvic-tilt.toml")).code == 0


def test_a_library_exercise_without_translation_prints_in_english_and_says_so(
    run, tmp_path
) -> None:
    examples = Path(__file__).parent.parent / "examples" / "clinic-exercises"
    _, result = build(
        run, tmp_path, "--lang", "fr", "--library", str(examples), "-e", "pelvic-tilt",
        "-e", "seated-twist",
    )  # fmt: skip
    assert "exercise 'pelvic-tilt' has no French text" in result.stderr
    # The Spanish the example library brings is used.
    path, result = build(
        run, tmp_path, "--lang", "es", "--library", str(examples), "-e", "pelvic-tilt"
    )
    assert "has no Spanish text" not in result.stderr
    assert "Basculación de pelvis" in sheet_text(path, "es")


# --- plurals and dates, from CLDR ---

COUNTS = (0, 1, 2, 3, 11, 100)
TIMES = {
    "en": ["0 times", "once", "twice", "3 times", "11 times", "100 times"],
    "es": ["0 veces", "una vez", "dos veces", "3 veces", "11 veces", "100 veces"],
    "fr": ["0 fois", "une fois", "deux fois", "3 fois", "11 fois", "100 fois"],
    "ar": ["0 مرة", "مرة واحدة", "مرتين", "3 مرات", "11 مرة", "100 مرة"],
}
SECONDS = {
    "en": ["0 seconds", "1 second", "2 seconds", "3 seconds", "11 seconds", "100 seconds"],
    "es": ["0 segundos", "1 segundo", "2 segundos", "3 segundos", "11 segundos", "100 segundos"],
    # French: 0 and 1 take the singular (CLDR 'one' is i = 0 or 1).
    "fr": ["0 seconde", "1 seconde", "2 secondes", "3 secondes", "11 secondes", "100 secondes"],
    # Arabic's six forms: zero, one, two, few (3-10), many (11-99), other (100).
    "ar": ["0 ثانية", "ثانية واحدة", "ثانيتين", "3 ثوان", "11 ثانية", "100 ثانية"],
}
REPS = {  # a dose's repetitions: '5 times each side'
    "en": ["0 times", "1 time", "2 times", "3 times", "11 times", "100 times"],
    "es": ["0 veces", "1 vez", "2 veces", "3 veces", "11 veces", "100 veces"],
    "fr": ["0 fois", "1 fois", "2 fois", "3 fois", "11 fois", "100 fois"],
    "ar": ["0 مرة", "مرة واحدة", "مرتين", "3 مرات", "11 مرة", "100 مرة"],
}
DAYS = {
    "es": ["0 días", "1 día", "2 días", "3 días", "11 días", "100 días"],
    "fr": ["0 jour", "1 jour", "2 jours", "3 jours", "11 jours", "100 jours"],
    "ar": ["0 يوم", "يوم واحد", "يومين", "3 أيام", "11 يوما", "100 يوم"],
}


@pytest.mark.parametrize("lang", ["en", *LANGS])
def test_plural_table(lang: str) -> None:
    with speaking(lang):
        assert [wording.times(n) for n in COUNTS] == TIMES[lang]
        assert [wording.seconds(n) for n in COUNTS] == SECONDS[lang]
        from makeplan.languages import ngettext as counted

        reps = [counted("{count} time", "{count} times", n).format(count=n) for n in COUNTS]
        assert reps == REPS[lang]
        if lang in DAYS:
            from makeplan.languages import ngettext

            days = [ngettext("{count} day", "{count} days", n).format(count=n) for n in COUNTS]
            assert days == DAYS[lang]


MONTHS = {
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "ar": "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
}
# The 15th of each month of 2026 falls on these weekdays (Thursday 15 January first).
WEEKDAYS = {
    "es": "jueves domingo domingo miércoles viernes lunes miércoles sábado martes jueves "
    "domingo martes",
    "fr": "jeudi dimanche dimanche mercredi vendredi lundi mercredi samedi mardi jeudi "
    "dimanche mardi",
    "ar": "الخميس الأحد الأحد الأربعاء الجمعة الاثنين الأربعاء السبت الثلاثاء الخميس "
    "الأحد الثلاثاء",
}
LONG_DATE = {
    "es": "{weekday} 15 de {month} de 2026",
    "fr": "{weekday} 15 {month} 2026",
    "ar": "{weekday} 15 {month} 2026",
}


@pytest.mark.parametrize("lang", LANGS)
def test_date_table_a_date_in_each_month(lang: str) -> None:
    months, weekdays = MONTHS[lang].split(), WEEKDAYS[lang].split()
    with speaking(lang):
        for month in range(1, 13):
            date = dt.date(2026, month, 15)
            expected = LONG_DATE[lang].format(weekday=weekdays[month - 1], month=months[month - 1])
            assert wording.long_date(date) == expected
            assert wording.long_date(date, year=False) == expected.removesuffix(
                " de 2026"
            ).removesuffix(" 2026")
            assert "15" in wording.day_label(date, 1)
        plan_days = wording.date_range(dt.date(2026, 12, 28), dt.date(2027, 1, 3))
    assert "2026" in plan_days and "2027" in plan_days


def test_english_dates_and_doses_are_unchanged() -> None:
    assert wording.long_date(dt.date(2026, 11, 30)) == "Monday 30 November 2026"
    assert wording.day_label(dt.date(2026, 11, 23), 1) == "Mon 23 Nov"
    with speaking("es"):
        assert wording.long_date(dt.date(2026, 11, 30)) == "lunes 30 de noviembre de 2026"
    assert wording.TITLE == "My back exercises"


def test_wording_constants_read_from_outside_are_in_the_language_in_use() -> None:
    with speaking("fr"):
        assert wording.TITLE == "Mes exercices pour le dos"
        assert wording.SAFETY_EMERGENCY_SIGNS[6] == "une douleur dans la poitrine"
    assert wording.SAFETY_EMERGENCY_SIGNS[6] == "chest pain"


# --- Arabic ---


@pytest.fixture(scope="module")
def arabic_sheet(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    from makeplan.cli import run as cli_run

    path = tmp_path_factory.mktemp("ar") / "ar.pdf"
    args = ["build", "--lang", "ar", "--layout", "handout", "--date", DATE,
            "--patient", "Ann Lee", "-o", str(path)]  # fmt: skip
    assert cli_run(args) == 0
    return path


def joins(letter: str) -> bool:
    """Whether an Arabic letter joins the letter after it (it has an initial form)."""
    try:
        unicodedata.lookup(
            f"ARABIC LETTER {unicodedata.name(letter).split('LETTER ')[1]} INITIAL FORM"
        )
    except (KeyError, IndexError):
        return False
    return True


def joined_to(letter: str) -> bool:
    """Whether an Arabic letter joins the letter before it (it has a final form)."""
    try:
        unicodedata.lookup(
            f"ARABIC LETTER {unicodedata.name(letter).split('LETTER ')[1]} FINAL FORM"
        )
    except (KeyError, IndexError):
        return False
    return True


def test_arabic_glyphs_are_joined(arabic_sheet: Path) -> None:
    text = " ".join(line for page in drawn_lines(arabic_sheet) for line in page)
    forms = [unicodedata.name(ch, "") for ch in text]
    assert sum("INITIAL FORM" in name or "MEDIAL FORM" in name for name in forms) > 500
    # No isolated or final form where the letter should join the next (in logical order).
    for visual_word in re.findall(r"[\uFE70-\uFEFF]+", text):
        word = visual_word[::-1]
        for letter, after in itertools.pairwise(word):
            base = unicodedata.normalize("NFKC", letter)
            name = unicodedata.name(letter)
            following = unicodedata.normalize("NFKC", after)
            if len(base) == 1 and joins(base) and len(following) == 1 and joined_to(following):
                assert "INITIAL" in name or "MEDIAL" in name, (word, letter)


def test_arabic_lines_are_right_aligned_and_read_back_as_written(arabic_sheet: Path) -> None:
    with pdfplumber.open(arabic_sheet) as pdf:
        page = pdf.pages[1]  # the exercises' list and the first exercise
        right = page.width - 12 * 72 / 25.4
        lines = page.extract_text_lines(return_chars=True)
    # The title page's heading and list end at the right margin, not start at the left.
    flush = [line for line in lines if abs(line["x1"] - right) < 1.0]
    assert len(flush) >= 10
    text = sheet_text(arabic_sheet, "ar")
    exercise = tomllib.loads(
        (resources.files("makeplan") / "exercises" / "ar" / "knee-hug-side-tilt.toml").read_text(
            "utf-8"
        )
    )
    for step in exercise["steps"]:
        assert step.replace("{hold}", "5 ثوان") in text
    with speaking("ar"):
        for sign in wording.SAFETY_EMERGENCY_SIGNS:
            assert sign in text, sign
    assert "Ann Lee" in text  # a Latin name inside Arabic keeps its order


def test_arabic_lines_keep_latin_names_in_order_and_brackets_facing_their_text() -> None:
    def balanced(text: str) -> bool:
        depth = 0
        for char in text:
            depth += {"(": 1, ")": -1}.get(char, 0)
            if depth < 0:
                return False
        return depth == 0

    # Drawn left to right: the Arabic reversed, a Latin name and a number as written,
    # each bracket facing what it encloses ('(' on the left of its text, ')' on the right).
    drawn = unicodedata.normalize("NFKC", visual("الأرداف (عضلات المؤخرة) و Jo Park (PT) 10"))
    assert drawn.startswith("Jo Park (PT) 10 ") and balanced(drawn)
    assert "(ةرخؤملا تلاضع)" in drawn
    # A bracket whose pair is on the next line faces the text it opens.
    assert unicodedata.normalize("NFKC", visual("المؤخرة (قد تلاحظه")).endswith(" دق) ةرخؤملا")
    assert mirror_brackets("Jo (PT)") == "Jo (PT)"


def test_arabic_tick_grid_and_pain_scale_read_right_to_left(run, tmp_path: Path) -> None:
    x_of: dict[str, float] = {}
    for lang in ("en", "ar"):
        path, _ = build(run, tmp_path, "--lang", lang, "-e", "seated-twist", "--reps", "3")
        ticks, scale = [], {}
        for annot in pypdf.PdfReader(path).pages[0].get("/Annots", []):
            annot = annot.get_object()
            x = float(annot["/Rect"][0])
            if "/T" in annot and str(annot["/T"]).startswith("seated-twist_day1_session1_right"):
                ticks.append((str(annot["/T"]), x))
            states = [key for key in annot.get("/AP", {}).get("/N", {}) if key != "/Off"]
            if "/Parent" in annot and states:
                scale[int(states[0][1:])] = x
        rep_x = [x for _, x in sorted(ticks)]
        pain_x = [scale[value] for value in range(11)]
        if lang == "en":  # rep 1 and pain 0 on the left
            assert rep_x == sorted(rep_x) and pain_x == sorted(pain_x)
        else:  # rep 1 and pain 0 on the right
            assert rep_x == sorted(rep_x, reverse=True) and pain_x == sorted(pain_x, reverse=True)
        x_of[lang] = pain_x[0]
    assert x_of["ar"] > x_of["en"]


# --- returned sheets ---


@pytest.mark.parametrize("lang", ["es", "ar"])
def test_a_returned_sheet_reports_like_an_english_one(run, tmp_path: Path, lang: str) -> None:
    from test_returned import SHEET, TICKS, fill_with_pypdf

    pain = {"day1_session1_pain": "/6", "day2_session2_pain": "/0", "day2_session1_pain": "/10"}
    reports = {}
    for made in ("en", lang):
        assert run(*SHEET, "--lang", made, "-o", f"{made}.pdf").code == 0
        fill_with_pypdf(tmp_path / f"{made}.pdf", tmp_path / f"{made}-back.pdf", TICKS, pain)
        result = run("report", f"{made}-back.pdf", "--format", "json")
        assert result.code == 0, result.stderr
        reports[made] = json.loads(result.stdout)
        reports[made].pop("sheets", None)
    assert reports[lang]["exercises"] == reports["en"]["exercises"]
    days = [day for exercise in reports[lang]["exercises"] for day in exercise["days"]]
    assert sum(day["done"] for day in days) == len(TICKS)
    assert {6, 0} <= {p for day in days for p in day["pain"]}
    # Next week's sheet from it keeps the language, and --progress moves the doses on.
    result = run(
        "build",
        "--from",
        f"{lang}-back.pdf",
        "--progress",
        "--date",
        "2026-11-30",
        "-o",
        "next.pdf",
    )
    assert result.code == 0, result.stderr
    plan = run("plan", "--from", "next.pdf", "-o", "-")
    assert f'lang = "{lang}"' in plan.stdout.decode()
    words = sheet_text(tmp_path / "next.pdf", lang)
    assert {"es": "Mis ejercicios para la espalda", "ar": "تماريني للظهر"}[lang] in words


# --- reading level ---


def catalogue_sentences(lang: str) -> list[str]:
    """The fixed wording and the exercises' texts, each a sentence (placeholders as 5)."""
    texts = []
    template = read_po(io.BytesIO((LOCALE / "makeplan.pot").read_bytes()))
    for message in po(lang) if lang != "en" else template:
        if not message.id or "EEE" in strings(message.id)[0]:
            continue
        texts.append(strings(message.string if lang != "en" else message.id)[-1])
    folder = resources.files("makeplan") / "exercises"
    folder = folder / lang if lang != "en" else folder
    for entry in folder.iterdir():
        if entry.name.endswith(".toml"):
            data = tomllib.loads(entry.read_text("utf-8"))
            texts += [data["cue"], data.get("key_caution") or "", *data["steps"], *data["cautions"]]
    texts = [re.sub(r"\{[^}]*}", "5", text).strip() for text in texts]
    return [text for text in texts if len(text.split()) > 1]


def joined(sentences: list[str]) -> str:
    return " ".join(s if s.endswith((".", "?", "!", "؟", ":")) else s + "." for s in sentences)


def test_spanish_is_fairly_easy_and_french_easy_to_read() -> None:
    try:
        textstat.set_lang("es")
        spanish = joined(catalogue_sentences("es"))
        assert textstat.fernandez_huerta(spanish) >= 65
        assert textstat.szigriszt_pazos(spanish) >= 65  # INFLESZ: 65-80 "fairly easy"
        textstat.set_lang("fr")  # Flesch with Kandel and Moles's French constants
        assert textstat.flesch_reading_ease(joined(catalogue_sentences("fr"))) >= 65
    finally:
        textstat.set_lang("en")


def test_arabic_sentences_are_as_short_as_the_english() -> None:
    # No formula for Arabic is reliable here: the sentences are kept as short as the
    # English ones, in words, on average and at the longest.
    def lengths(lang: str) -> list[int]:
        text = joined(catalogue_sentences(lang))
        return [len(s.split()) for s in re.split(r"[.?!؟:]\s+", text) if s.strip()]

    english, arabic = lengths("en"), lengths("ar")
    assert sum(arabic) / len(arabic) <= sum(english) / len(english)
    assert max(arabic) <= max(english)


# --- what stays light ---


def test_list_lang_shows_each_language_without_loading_the_drawing(tmp_path: Path) -> None:
    from test_cli import modules_loaded_by

    watched = ("reportlab", "pypdf", "PIL", "babel", "arabic_reshaper", "bidi")
    assert modules_loaded_by([["list", "--lang"], ["--help"]], watched, tmp_path) == []
    review = [["show", "seated-twist", "--lang", "ar"]]
    assert modules_loaded_by(review, ("reportlab", "pypdf", "PIL"), tmp_path) == []


def test_show_lang_puts_each_sentence_under_its_english_for_review(run) -> None:
    text = run("show", "glute-stretch", "--lang", "fr").stdout.decode()
    assert "in French (fr): not yet clinically reviewed" in text
    assert "  7. Hold for 30 seconds.\n     Tenez 30 secondes." in text
    assert "Captions:" in text and "Tenez la cuisse, tirez" in text
    assert run("show", "glute-stretch", "--lang", "de").code != 0


def test_list_lang_table_and_json(run) -> None:
    table = run("list", "--lang").stdout.decode()
    assert "Arabic (العربية)" in table and "right to left" in table
    assert table.count("not yet clinically reviewed") == 3
    data = json.loads(run("list", "--lang", "--format", "json").stdout)
    assert [entry["code"] for entry in data] == ["en", "es", "fr", "ar"]


def test_a_roster_has_a_lang_column_and_bytes_are_the_same_each_time(run, tmp_path: Path) -> None:
    (tmp_path / "r.csv").write_text(
        "patient,lang,layout\nAna López,es,one-page\nSami Haddad,ar,week\nAnn Lee,,one-page\n",
        encoding="utf-8",
    )
    (tmp_path / "out").mkdir()
    assert run("batch", "r.csv", "-d", "out", "-j", "1").code == 0
    made = sorted((tmp_path / "out").iterdir())
    assert len(made) == 3
    texts = {path.name: pypdf.PdfReader(path).pages[0].extract_text() for path in made}
    assert sum("Mis ejercicios para la espalda" in text for text in texts.values()) == 1
    assert sum("My back exercises" in text for text in texts.values()) == 1
    arabic = next(path for path in made if "Mis" not in texts[path.name]
                  and "My back" not in texts[path.name])  # fmt: skip
    # The Arabic font is embedded as a subset of the letters used.
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in pypdf.PdfReader(arabic).pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any(name.endswith("+DejaVuSansArabic") for name in fonts), fonts
    # Same input, same bytes, in another language too.
    first, _ = build(run, tmp_path, "--lang", "ar", "--layout", "handout", name="a.pdf")
    again, _ = build(run, tmp_path, "--lang", "ar", "--layout", "handout", name="b.pdf")
    assert first.read_bytes() == again.read_bytes()


@pytest.mark.parametrize("lang", ["es", "ar"])
def test_notes_contact_and_emergency_number_in_the_language(
    run, tmp_path, vocabulary, lang
) -> None:
    path, _ = build(
        run, tmp_path, "--lang", lang, "-e", "seated-twist", "--notes", "Ana 5",
        "--contact", "Jo Park 01632 960 000", "--emergency", "112", "--layout", "handout",
    )  # fmt: skip
    text = sheet_text(path, lang)
    with speaking(lang):
        expected = [
            wording.clinician_notes("Ana 5"),
            wording.contact_line("Jo Park 01632 960 000"),
            wording.emergency_action("112"),
        ]
    for line in expected:
        assert line in text
    assert {word.lower() for word in WORD.findall(text)} & vocabulary[lang] == set()


def test_check_of_the_catalogue_folder_finds_a_missing_builtin_translation(run, tmp_path) -> None:
    source = resources.files("makeplan") / "exercises"
    folder = tmp_path / "exercises"
    for lang in ("", *LANGS):
        (folder / lang).mkdir(parents=True, exist_ok=True)
        for entry in (source / lang if lang else source).iterdir():
            if entry.name.endswith(".toml"):
                (folder / lang / entry.name).write_bytes(entry.read_bytes())
    assert run("check", str(folder)).code == 0
    (folder / "ar" / "seated-twist.toml").unlink()
    result = run("check", str(folder))
    assert result.code == 1
    assert result.stdout.decode().startswith(f"{folder}/ar/seated-twist.toml:1: file: is missing")


def test_a_photo_of_a_ticked_arabic_paper_sheet_reads_back_exactly(run, tmp_path: Path) -> None:
    # The page is mirrored, so the boxes the reader measures are where the sheet's own
    # record says, not where an English sheet has them.
    pytest.importorskip("cv2")
    from test_scan_read import EXPECTED, PAIN, SHEET, TICKS, photo_of, report_of

    assert run(*SHEET, "--lang", "ar", "-o", "sheet.pdf").code == 0
    photo_of(tmp_path / "sheet.pdf", tmp_path / "photo.jpg", seed=3, turns=1)
    result = run(
        "read", "photo.jpg", "--sheet", "sheet.pdf", "-o", "filled.pdf", "--format", "json"
    )
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data["ticked"]) == {name for name, kind in TICKS.items() if kind != "dot"}
    assert data["pain"] == PAIN and data["unclear"] == []
    assert report_of(run, tmp_path / "filled.pdf") == EXPECTED

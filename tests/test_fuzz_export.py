"""Hostile and extreme bulletins through layout, PDF and DOCX export (issue 12): every case
ends in a file plus a report of what is missing, or in a clean refusal — never a traceback,
and never a silent loss (a grey box with exit 0, a line run off the page without a word).
"""

from __future__ import annotations

import copy
import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from layout.document import lay_out_bulletin
from model.document import Banner, ColumnBlock, HeadlineGroup, PageSetup, Paragraph
from tests import hostile as H

ROOT = Path(__file__).resolve().parent.parent

BAD_PICTURES = {
    "truncated-jpeg": lambda: H.truncated(H.photo()),
    "truncated-progressive": lambda: H.truncated(H.photo(progressive=True), 0.9),
    "truncated-png": lambda: H.truncated(H.photo(fmt="PNG")),
}
ODD_PICTURES = {  # readable, if odd: they must be drawn
    "exif-offset": lambda: H.jpeg_with_bad_exif("offset"),
    "exif-count": lambda: H.jpeg_with_bad_exif("count"),
    "exif-orientation": lambda: H.jpeg_with_bad_exif("orientation"),
    "exif-type": lambda: H.jpeg_with_bad_exif("type"),
    "exif-junk": lambda: H.jpeg_with_bad_exif("junk"),
    "mpo": H.mpo,
    "jpeg-trailer": lambda: H.photo() + b"SEFH" * 300,
}


def _kinds(doc) -> dict[str, list]:
    out: dict[str, list] = {}
    for p in doc.problems:
        out.setdefault(p.kind, []).append(p)
    return out


def _with_picture(example, data: bytes):
    """The example with every portrait replaced by ``data`` (bypassing the store's check,
    as a project file does: the loader reads headers only)."""
    import hashlib

    b = copy.deepcopy(example)
    name = f"{hashlib.sha256(data).hexdigest()}.jpg"
    b.images.add_lazy(name, lambda: data)
    for _, blk in b.iter_blocks():
        if isinstance(blk, ColumnBlock) and blk.portrait is not None:
            blk.portrait.image = name
    return b


# ------------------------------------------------------------------------------ pictures


@pytest.mark.parametrize("kind", sorted(BAD_PICTURES))
def test_cut_short_pictures_are_recognised(kind):
    from layout.document import incomplete_image

    assert incomplete_image(BAD_PICTURES[kind]()) is not None


@pytest.mark.parametrize("kind", sorted(ODD_PICTURES))
def test_whole_pictures_are_not_called_cut_short(kind):
    from layout.document import incomplete_image

    assert incomplete_image(ODD_PICTURES[kind]()) is None


@pytest.mark.parametrize("kind", sorted(BAD_PICTURES))
def test_bad_picture_is_reported_in_layout_pdf_and_docx(example, kind):
    from exporters.docx import docx_bytes

    b = _with_picture(example, BAD_PICTURES[kind]())
    portraits = {blk.id for _, blk in b.iter_blocks() if isinstance(blk, ColumnBlock) and blk.portrait}
    _data, doc = _pdf(b)
    assert {p.block_id for p in _kinds(doc).get("bad_image", [])} == portraits
    problems = docx_bytes(b).problems
    assert len(problems) == len(portraits) and all(p.kind == "bad_image" and "left out" in p.message for p in problems)


def test_picture_that_fails_only_when_drawn_is_reported_by_the_pdf(example):
    """A picture that looks whole but does not decode (junk after a valid header) — or one
    replaced by another process while the export runs — is reported by the PDF export."""

    good = H.photo()
    junk = good[:600] + bytes(len(good) - 602) + b"\xff\xd9"
    b = _with_picture(example, junk)
    _data, doc = _pdf(b)
    bad = _kinds(doc).get("bad_image", [])
    assert bad, [p.kind for p in doc.problems]


def test_picture_gone_during_export_is_reported(example):

    b = _with_picture(example, H.photo())
    doc = lay_out_bulletin(b)
    name = next(blk.portrait.image for _, blk in b.iter_blocks() if isinstance(blk, ColumnBlock) and blk.portrait)

    def gone() -> bytes:
        raise KeyError(name)

    b.images.add_lazy(name, gone)  # the project file was replaced meanwhile
    _data, doc = _pdf(b, doc=doc)
    assert _kinds(doc).get("bad_image")


@pytest.mark.parametrize("kind", sorted(ODD_PICTURES))
def test_odd_but_readable_pictures_export(example, kind):
    """Malformed EXIF made python-docx's header parser fail (traceback); truncated PNGs too."""
    from exporters.docx import docx_bytes

    b = _with_picture(example, ODD_PICTURES[kind]())
    _data, doc = _pdf(b)
    assert "bad_image" not in _kinds(doc)
    problems = docx_bytes(b).problems
    assert problems == []


# ------------------------------------------------------------------------------ far overflow


def _first_column(b) -> ColumnBlock:
    return next(blk for _, blk in b.iter_blocks() if isinstance(blk, ColumnBlock))


def _overflow_cases(example):
    a4 = copy.deepcopy(example)
    a4.page_setup = PageSetup.from_preset("a4")
    _first_column(a4).paragraphs = [Paragraph(text="工" * 8000)]
    yield "a4-8000", a4
    broad = copy.deepcopy(example)
    _first_column(broad).paragraphs = [Paragraph(text="会" * 20000)]
    yield "broadsheet-20000", broad
    many = copy.deepcopy(example)
    src = many.pages[0].blocks[1]
    many.pages[0].blocks = [dataclasses.replace(copy.deepcopy(src), id=f"c{i}") for i in range(300)]
    yield "300-blocks", many
    title = copy.deepcopy(example)
    title.pages[0].headline = HeadlineGroup(title="题" * 5000)
    yield "title-5000", title


@pytest.mark.parametrize("case", ["a4-8000", "broadsheet-20000", "300-blocks", "title-5000"])
def test_far_overflow_is_reported_not_a_key_error(example, case):
    b = dict(_overflow_cases(example))[case]
    doc = lay_out_bulletin(b)
    kinds = _kinds(doc)
    lost = sum(p.chars for p in kinds.get("overset", []) + kinds.get("truncated", []))
    assert lost > 0


# ------------------------------------------------------------------------------ cut-off lines


def test_long_banner_is_shrunk_then_reported(example):
    b = copy.deepcopy(example)
    b.pages[0].banner = Banner(lines=["横" * 4000])
    doc = lay_out_bulletin(b)
    cut = [p for p in doc.problems if p.kind == "truncated" and p.block_id == b.pages[0].banner.id]
    assert cut and cut[0].chars > 0
    page = doc.pages[0]
    for it in page.items:  # nothing is left drawn outside the page
        if hasattr(it, "text"):
            assert -1 <= it.y <= page.height + 1


@pytest.mark.parametrize("field", ["publication", "label", "credits"])
def test_folio_that_does_not_fit_is_reported(example, field):
    b = copy.deepcopy(example)
    if field == "publication":
        b.publication = "陕西工人报" * 60
    elif field == "label":
        b.pages[0].label = "第一版" * 100
    else:
        b.credits.editor = "编辑" * 150
    doc = lay_out_bulletin(b)
    cut = [p for p in doc.problems if p.kind == "truncated" and p.block_id == b.pages[0].id]
    assert cut and sum(p.chars for p in cut) > 0


def test_long_person_name_is_reported_for_its_column(example):
    b = copy.deepcopy(example)
    col = _first_column(b)
    col.person.name = "名" * 1000
    doc = lay_out_bulletin(b)
    cut = [p for p in doc.problems if p.kind in ("truncated", "overset") and p.block_id == col.id]
    assert cut and sum(p.chars for p in cut) > 0


# ------------------------------------------------------------------------------ the command line


def _run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    import os

    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          timeout=300, env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    from model.example import example_bulletin
    from model.project_file import save

    path = tmp_path_factory.mktemp("cli") / "example.bulletin"
    save(example_bulletin(), path)
    return path


def test_export_exits_1_on_a_truncated_portrait(project, tmp_path):
    bad = H.with_portrait_bytes(project, tmp_path / "bad.bulletin", H.truncated(H.photo()))
    r = _run("export", str(bad), "--pdf", str(tmp_path / "o.pdf"), "--docx", str(tmp_path / "o.docx"))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "bad_image" in r.stdout and "left out of the DOCX" in r.stdout
    r = _run("export", str(bad), "--pdf", str(tmp_path / "o.pdf"), "--allow-overset")
    assert r.returncode == 0


@pytest.mark.parametrize("font, expect", [
    ("NOTAFONT", "cannot read it"),
])
def test_docx_font_that_is_not_a_font_is_refused_naming_the_field(project, tmp_path, font, expect):
    import json
    import zipfile

    spec = str(tmp_path / "notafont.ttf") if font == "NOTAFONT" else font
    (tmp_path / "notafont.ttf").write_text("hello")
    tree = json.loads(zipfile.ZipFile(project).read("bulletin.json"))
    tree["bulletin"]["fonts"]["body"] = spec
    bad = H.rezip(project, tmp_path / "font.bulletin", json_data=H.dump_json(tree))
    # the bulletin's own fonts are named only by the font set that copies the PDF's
    r = _run("export", str(bad), "--docx", str(tmp_path / "o.docx"), "--docx-fonts", "pdf")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "fonts.body" in r.stderr and expect in r.stderr and str(bad) in r.stderr
    assert not (tmp_path / "o.docx").exists()


def test_a_font_setting_holding_a_nul_is_cleaned_on_load_and_exports(project, tmp_path):
    """Control characters never reach an exporter: loading removes them (model.clean_text)."""
    import json
    import zipfile

    tree = json.loads(zipfile.ZipFile(project).read("bulletin.json"))
    tree["bulletin"]["fonts"]["body"] = "/tmp/x\u0000y.ttf"
    bad = H.rezip(project, tmp_path / "font.bulletin", json_data=H.dump_json(tree))
    r = _run("export", str(bad), "--docx", str(tmp_path / "o.docx"), "--docx-fonts", "pdf")
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    assert (tmp_path / "o.docx").read_bytes()[:2] == b"PK"


def test_docx_with_a_publication_name_over_255_characters(example, tmp_path):
    from exporters.docx import docx_bytes

    b = copy.deepcopy(example)
    b.publication = "陕" * 300
    b.issue_title = "题" * 5000
    data = docx_bytes(b).data
    assert data[:2] == b"PK"


def test_pdf_export_with_a_cache_folder_that_cannot_be_written(project, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    r = _run("export", str(project), "--pdf", str(tmp_path / "o.pdf"), "--allow-overset",
             env={"BULLETIN_CACHE_DIR": str(blocker)})
    assert r.returncode == 0, r.stderr
    assert "note: cache folder" in r.stdout and "o.pdf" not in r.stderr
    assert (tmp_path / "o.pdf").read_bytes()[:5] == b"%PDF-"


def test_picture_pushed_off_the_page_is_reported(example):
    """A title so long that the blocks under it land at the foot of the page: a portrait frame
    running past the trim edge is reported for its block, not silently cut by the guillotine."""
    from layout.types import Picture

    seen_off = 0
    for n in (600, 900, 1200):
        b = copy.deepcopy(example)
        b.pages[0].headline = HeadlineGroup(title="题" * n)
        doc = lay_out_bulletin(b)
        reported = {p.block_id for p in doc.problems if p.kind == "truncated"}
        for page in doc.pages:
            for it in page.items:
                if isinstance(it, Picture) and it.y + it.h > page.height + 0.5:
                    seen_off += 1
                    assert it.block_id in reported
    assert seen_off > 0


def _pdf(b, **options):
    """The PDF's bytes and its pages with every problem the export reports (layout and drawing)."""
    from exporters.pdf import pdf_bytes as make
    from layout.types import LaidOutDocument

    r = make(b, **options)
    return r.data, LaidOutDocument(r.document.pages, r.problems)

"""DOCX for the PCs it is sent to (issue 15): Word 2013 mode, built-in styles with outline
levels, honest properties, font sets Word can resolve, the PDF's type sizes, and a
LibreOffice render on a machine without Noto fonts read back."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from exporters import docx as dx
from exporters.result import ExportResult
from layout.styles import STYLES
from layout.types import GlyphRun
from model.document import ColumnBlock, SpeechBlock

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def export(bulletin, **kw) -> tuple[bytes, docx.document.Document]:
    result = dx.docx_bytes(bulletin, **kw)
    assert isinstance(result, ExportResult) and result.problems == [] and result.data
    return result.data, docx.Document(io.BytesIO(result.data))


def part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return etree.fromstring(zf.read(name))


def paragraphs(doc):
    from docx.text.paragraph import Paragraph

    return [Paragraph(p, doc) for p in doc.element.body.iter(qn("w:p"))]


# ------------------------------------------------------------------------- Word 2013 mode


def test_word_2013_compatibility_mode(example):
    data, _ = export(example)
    settings = part(data, "word/settings.xml")
    modes = [c.get(f"{W}val") for c in settings.iter(f"{W}compatSetting") if c.get(f"{W}name") == "compatibilityMode"]
    assert modes == ["15"]  # 14 or less opens in 兼容模式
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        # Word 2010 would read the template's styles from this copy instead of ours
        assert not any("stylesWithEffects" in n for n in zf.namelist())


# ------------------------------------------------------------------------ built-in styles


def test_built_in_styles_carry_the_outline(example):
    _, doc = export(example)
    names = {s.name for s in doc.styles}
    # Chinese Word shows Normal/Title/Heading n as 正文/标题/标题 n: no custom twins beside them
    assert not names & {"正文", "标题", "标题 1", "标题 2", "标题 3", "栏目标题", "讲话小标题", "版头"}
    outline = {}
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        el = doc.styles[name].element
        assert el.get(qn("w:styleId")) == name.replace(" ", "")
        lvl = el.pPr.find(qn("w:outlineLvl"))
        outline[name] = int(lvl.get(qn("w:val")))
    assert outline == {"Title": 0, "Heading 1": 0, "Heading 2": 1, "Heading 3": 2}
    by_style: dict[str, list[str]] = {}
    for p in paragraphs(doc):
        by_style.setdefault(p.style.name, []).append(p.text)
    page1, page2 = example.pages
    assert by_style["Title"] == [page1.headline.title]
    assert by_style["Heading 1"] == ["\t".join(page2.banner.lines)]
    heads = [b.headline for _, b in example.iter_blocks() if isinstance(b, ColumnBlock) and b.headline]
    assert by_style["Heading 2"] == heads
    speech = next(b for b in page1.blocks if isinstance(b, SpeechBlock))
    assert by_style["Heading 3"] == [s.heading for s in speech.sections]
    body = [p.text for _, b in example.iter_blocks() if isinstance(b, ColumnBlock) for p in b.paragraphs]
    assert [t for t in by_style["Normal"] if t] == body
    # the bulletin's own styles derive from the built-ins
    assert doc.styles["讲话正文"].base_style.name == "Normal"
    assert doc.styles["人名"].base_style.name == "Normal"


# ---------------------------------------------------------------------------- properties


def _count_chars(texts) -> int:
    return sum(len(re.sub(r"\s", "", t)) for t in texts)


def test_document_properties(example, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = datetime.now(UTC).replace(microsecond=0)
    data, doc = export(example)
    cp = doc.core_properties
    assert before <= cp.created <= datetime.now(UTC) and cp.modified == cp.created  # real dates
    assert cp.title == example.issue_title and cp.author == example.publication
    assert example.edition in cp.subject and example.date in cp.subject
    app = part(data, "docProps/app.xml")
    ns = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
    assert app.findtext(f"{ns}Application") == "会刊编辑器 Bulletin editor"
    assert app.findtext(f"{ns}Pages") == str(len(example.pages)) == "2"
    chars = int(app.findtext(f"{ns}Characters"))
    assert chars == _count_chars(dx.printed_texts(example)) > 5000
    assert int(app.findtext(f"{ns}Words")) >= chars * 0.9  # Word counts a Chinese character as a word
    assert re.fullmatch(r"\d\d\.\d{4}", app.findtext(f"{ns}AppVersion"))
    assert "Macintosh" not in etree.tostring(app, encoding="unicode")


def test_source_date_epoch_and_explicit_timestamp(example, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1617235200")
    _, doc = export(example)
    assert doc.core_properties.created == datetime(2021, 4, 1, tzinfo=UTC)
    when = datetime(2021, 5, 4, 8, 30, tzinfo=UTC)
    _, doc = export(example, timestamp=when)
    assert doc.core_properties.modified == when


# ------------------------------------------------------------------------------ font sets


def _font_table(data: bytes) -> dict[str, etree._Element]:
    return {f.get(f"{W}name"): f for f in part(data, "word/fontTable.xml").iter(f"{W}font")}


def _style_faces(doc) -> set[str]:
    return {s.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) for s in doc.styles
            if s.element.rPr is not None and s.element.rPr.find(qn("w:rFonts")) is not None
            and s.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))}


@pytest.mark.parametrize(("fonts", "expected"), [
    ("common", {"宋体": "SimSun", "黑体": "SimHei", "楷体": "KaiTi", "仿宋": "FangSong"}),
    ("founder", {"方正书宋_GBK": "FZShuSong-Z01", "方正黑体_GBK": "FZHei-B01",
                 "方正小标宋_GBK": "FZXiaoBiaoSong-B05", "方正楷体_GBK": "FZKai-Z03",
                 "方正仿宋_GBK": "FZFangSong-Z02"}),
])
def test_font_sets_name_faces_word_can_find(example, fonts, expected):
    data, doc = export(example, fonts=fonts)
    assert _style_faces(doc) == set(expected)
    table = _font_table(data)
    for name, alt in expected.items():
        entry = table[name]
        assert entry.find(f"{W}altName").get(f"{W}val") == alt
        assert entry.find(f"{W}charset").get(f"{W}val") == "86"  # GB2312
        assert re.fullmatch(r"[0-9A-F]{20}", entry.find(f"{W}panose1").get(f"{W}val"))
    # Song faces are serif text faces, the others fixed-pitch "modern" (as Windows describes them)
    song = "宋体" if fonts == "common" else "方正书宋_GBK"
    assert table[song].find(f"{W}panose1").get(f"{W}val").startswith("020106000")


def test_same_as_pdf_names_the_bulletin_fonts_with_their_panose(example):
    data, doc = export(example, fonts="pdf")
    assert _style_faces(doc) == {"Noto Serif SC", "Noto Sans SC"}
    table = _font_table(data)
    for name in ("Noto Serif SC", "Noto Sans SC"):
        assert re.fullmatch(r"[0-9A-F]{20}", table[name].find(f"{W}panose1").get(f"{W}val"))


def test_unknown_font_set_is_refused_with_the_choices(example):
    with pytest.raises(dx.DocxExportError, match="common, founder, pdf"):
        dx.docx_bytes(example, fonts="arial")


def test_runs_with_shared_punctuation_are_hinted_east_asian(example):
    _, doc = export(example)
    quoted = [r for p in paragraphs(doc) for r in p.runs if "“" in r.text]
    assert len(quoted) > 20
    for r in quoted:
        assert r._r.rPr.find(qn("w:rFonts")).get(qn("w:hint")) == "eastAsia"


def test_cli_and_dialog_offer_the_same_font_sets():
    from commands.export import DOCX_FONT_SETS
    from exporters.docx_fonts import FONT_SETS
    from gui.export import DocxOptionsDialog

    assert DOCX_FONT_SETS == FONT_SETS == DocxOptionsDialog.FONT_SETS


# ------------------------------------------------------------------------ closer to the page


def test_speech_box_at_its_width_with_the_column_beside_it(example):
    """As on the page: the speech box takes the width the user gave it (here half a broadsheet)
    — unpinned, Word sets it at half the page, where the PDF's packer may choose otherwise —
    and the column the page sets beside it is in the Word column next to it."""
    from layout.document import lay_out_bulletin
    from model.document import SpeechBlock

    speech_block = next(b for b in example.pages[0].blocks if isinstance(b, SpeechBlock))
    speech_block.placement.columns = (example.page_setup.columns + 1) // 2
    laid_out = lay_out_bulletin(example)
    area = next(a for a in laid_out.pages[0].areas if a.kind == "speech")
    beside = next(a for a in laid_out.pages[0].areas if a.kind == "column" and abs(a.y - area.y) < 1)
    _, doc = export(example)
    body = doc.element.body
    speech = next(t for t in body.iter(qn("w:tbl"))
                  if t.find(qn("w:tblPr")).find(qn("w:tblBorders")).find(qn("w:top")).get(qn("w:val")) == "single"
                  and t.find(qn("w:tblPr")).find(qn("w:tblBorders")).find(qn("w:left")).get(qn("w:val")) == "single")
    width = int(speech.find(qn("w:tblPr")).find(qn("w:tblW")).get(qn("w:w"))) / 20
    assert abs(width - area.w) < 2, (width, area.w)
    # the section that holds it has two columns; the block beside it follows a column break
    texts_after = []
    el = speech.getnext()
    while el is not None and el.find(f".//{qn('w:sectPr')}") is None:
        texts_after.append("".join(el.itertext()))
        el = el.getnext()
    sect = el.find(f".//{qn('w:sectPr')}")
    assert sect.find(qn("w:cols")).get(qn("w:num")) == "2"
    block = next(b for b in example.pages[0].blocks if b.id == beside.block_id)
    assert block.person.name in "".join(texts_after)
    assert speech.getnext().find(f".//{qn('w:br')}").get(qn("w:type")) == "column"


@pytest.mark.slow
def test_cli_docx_fonts_option(tmp_path):
    import sys

    from model.example import example_bulletin
    from model.project_file import save

    root = Path(__file__).resolve().parent.parent
    save(example_bulletin(), tmp_path / "e.bulletin")
    out = tmp_path / "out.docx"
    r = subprocess.run([sys.executable, str(root / "main.py"), "export", str(tmp_path / "e.bulletin"), "--docx",
                        str(out), "--docx-fonts", "founder"], capture_output=True, text=True, cwd=root, timeout=180)
    assert r.returncode == 0, r.stderr
    assert "(2 pages)" in r.stdout
    assert "方正书宋_GBK" in _style_faces(docx.Document(str(out)))
    r = subprocess.run([sys.executable, str(root / "main.py"), "export", str(tmp_path / "e.bulletin"), "--docx",
                        str(out), "--docx-fonts", "arial"], capture_output=True, text=True, cwd=root, timeout=180)
    assert r.returncode == 2 and "common" in r.stderr and "founder" in r.stderr


# --------------------------------------------------------------------- sizes = the PDF's


def _docx_size(doc, p, run) -> float:
    """Effective size of a run in points: run, character style, paragraph style chain."""
    rpr = run._r.rPr
    if rpr is not None and rpr.find(qn("w:sz")) is not None:
        return int(rpr.find(qn("w:sz")).get(qn("w:val"))) / 2
    chain = [run.style] if run.style is not None and run.style.name != "Default Paragraph Font" else []
    style = p.style
    while style is not None:
        chain.append(style)
        style = style.base_style
    for st in chain:
        sz = st.element.rPr.find(qn("w:sz")) if st.element.rPr is not None else None
        if sz is not None:
            return int(sz.get(qn("w:val"))) / 2
    raise AssertionError(f"no size for {run.text!r}")


def _pdf_sizes(laid_out, text: str, block_id: str | None) -> set[float]:
    """Sizes the laid-out page sets ``text`` at: the glyph runs of its block that begin it
    (its first line, which phrase breaking may keep short; for a lead sentence's remainder, the run after the lead)."""
    flat = re.sub(r"\s", "", text)
    out = set()
    for page in laid_out.pages:
        for it in page.items:
            if isinstance(it, GlyphRun) and (block_id is None or it.block_id == block_id):
                piece = re.sub(r"\s", "", it.text)
                if len(piece) >= min(len(flat), 5) and flat.startswith(piece):
                    out.add(round(it.size, 3))
    return out


def test_every_text_role_at_the_pdf_size(example):
    """The PDF (the laid-out document it is drawn from) and the DOCX set each role at one size;
    the DOCX can only say half-points, so it may differ by up to a quarter point."""
    from layout.document import lay_out_bulletin

    page1 = example.pages[0]
    page1.headline.kicker = "学习贯彻全总十七届四次执委会议精神"  # the example has none
    laid_out = lay_out_bulletin(example)
    _, doc = export(example)
    docx_runs: dict[str, list[float]] = {}
    for p in paragraphs(doc):
        for r in p.runs:
            for piece in r.text.split("\t"):
                if piece.strip():
                    docx_runs.setdefault(re.sub(r"\s", "", piece), []).append(_docx_size(doc, p, r))

    roles: dict[str, list[tuple[str, str | None]]] = {}
    h = page1.headline
    roles["kicker"] = [(h.kicker, h.id)]
    roles["title"] = [(h.title, h.id)]
    roles["subtitle"] = [(h.subtitle, h.id)]
    banner = example.pages[1].banner
    roles["banner side"] = [(banner.lines[0], banner.id), (banner.lines[-1], banner.id)]
    roles["banner centre"] = [(banner.lines[1], banner.id)]
    for _, b in example.iter_blocks():
        if isinstance(b, SpeechBlock):
            for s in b.sections:
                roles.setdefault("speech label", []).append((s.label, b.id))
                roles.setdefault("speech heading", []).append((s.heading, b.id))
                roles.setdefault("speech bullet", []).extend((t, b.id) for t in s.bullets)
                roles.setdefault("speech body", []).extend((p.text, b.id) for p in s.paragraphs)
            roles["attribution"] = [(b.attribution, b.id)]
        else:
            if b.headline:
                roles.setdefault("column headline", []).append((b.headline, b.id))
            if b.person:
                roles.setdefault("name", []).append((b.person.name, b.id))
                roles.setdefault("title line", []).extend((t, b.id) for t in b.person.titles)
            for p in b.paragraphs:
                lead, _ = p.split_lead()
                if lead:
                    roles.setdefault("lead", []).append((lead, b.id))
                else:
                    roles.setdefault("body", []).append((p.text, b.id))
    every = [(re.sub(r"\s", "", t), bid) for texts in roles.values() for t, bid in texts]
    checked: dict[str, int] = {}
    for role, texts in roles.items():
        for text, bid in texts:
            flat = re.sub(r"\s", "", text)
            if any(b == bid and o != flat and o.startswith(flat[:8]) for o, b in every):
                continue  # another text of the block begins the same way (a headline repeating its lead)
            pdf = _pdf_sizes(laid_out, text, bid)
            word = set(docx_runs.get(re.sub(r"\s", "", text), []))
            if not word:  # a body text that follows its lead in the same paragraph
                word = {s for k, v in docx_runs.items() if re.sub(r"\s", "", text) in k for s in v}
            assert pdf and word, (role, text[:20], pdf, word)
            assert len(pdf) == 1, (role, text[:20], pdf)
            (size,) = pdf
            if role == "column headline":
                # the PDF grows a headline across the columns its block spans (issue 10); Word
                # sets each block in one newspaper column, where the one-column size belongs
                size = min(size, STYLES["column_headline"].size(example.page_setup.body_size_pt))
            for w in word:
                assert abs(w - size) <= 0.25, (role, text[:20], size, w)
            checked[role] = checked.get(role, 0) + 1
    assert set(checked) == set(roles), set(roles) - set(checked)  # every role compared at least once
    assert sum(checked.values()) > 80
    # the folio: the line in the foot margin (no block) against the 版脚 style
    folio = {round(it.size, 3) for page in laid_out.pages for it in page.items
             if isinstance(it, GlyphRun) and not it.block_id}
    (folio_size,) = folio
    sz = doc.styles["版脚"].element.rPr.find(qn("w:sz"))
    assert abs(int(sz.get(qn("w:val"))) / 2 - folio_size) <= 0.25


def test_a_title_too_long_for_one_line_is_shrunk_as_on_the_page(example):
    from layout.document import lay_out_bulletin

    h = example.pages[0].headline
    h.title = "力争陕西工会多项工作走在全国前列奋力谱写新时代追赶超越新篇章"  # 30 characters
    laid_out = lay_out_bulletin(example)
    pdf = {round(it.size, 3) for it in laid_out.pages[0].items if isinstance(it, GlyphRun) and it.block_id == h.id
           and it.text and it.text[0] == "力"}
    (size,) = pdf
    assert size < 60.0  # shrunk on the page
    _, doc = export(example)
    title = next(p for p in paragraphs(doc) if p.style.name == "Title")
    assert title.text == h.title
    assert abs(_docx_size(doc, title, title.runs[0]) - size) <= 0.25


# ------------------------------------------------- LibreOffice on a PC without Noto fonts


def _pc_fonts(tmp: Path) -> Path:
    """A Chinese Windows PC's faces for this test: 宋体 (SimSun), 黑体 (SimHei), 楷体 (KaiTi) and
    仿宋 (FangSong), stood in for by the bundled Noto faces renamed, so that no font named Noto
    remains — the DOCX must name the faces the PC has for its text to come out in them."""
    import pylopdf_fonts_zh_cn
    from fontTools.ttLib import TTFont

    out = tmp / "pc-fonts"
    out.mkdir()
    serif, sans = pylopdf_fonts_zh_cn.serif_path(), pylopdf_fonts_zh_cn.sans_path()
    for src, en, zh in ((serif, "SimSun", "宋体"), (sans, "SimHei", "黑体"), (serif, "KaiTi", "楷体"),
                        (serif, "FangSong", "仿宋")):
        font = TTFont(src, lazy=True)
        name = font["name"]
        name.names = [r for r in name.names if r.nameID not in (1, 2, 3, 4, 6, 16, 17)]
        for nid, text in ((1, en), (2, "Regular"), (3, en), (4, en), (6, en)):
            name.setName(text, nid, 3, 1, 0x409)
        name.setName(zh, 1, 3, 1, 0x804)
        name.setName(zh, 4, 3, 1, 0x804)
        path = out / f"{en}.otf"
        font.save(path)
        # the PostScript names inside the CFF table (the font's and its CID sub-fonts') are
        # what a PDF names the font by: patch them in place, same length so no offset moves
        # (decompiling a CJK CFF to rename it properly takes minutes)
        old = TTFont(src, lazy=True)["CFF "].cff.fontNames[0].encode()
        new = (en + "-Regular-").encode().ljust(len(old), b"0")[:len(old)]
        entry = TTFont(path, lazy=True).reader.tables["CFF "]
        raw = path.read_bytes()
        start, end = entry.offset, entry.offset + entry.length
        cff = raw[start:end]
        assert old in cff
        path.write_bytes(raw[:start] + cff.replace(old, new) + raw[end:])
    return out


def _no_noto_env(tmp: Path, fonts: Path) -> dict[str, str]:
    conf = tmp / "fonts.conf"
    conf.write_text(f"""<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>{fonts}</dir>
<selectfont><rejectfont><glob>*Noto*</glob><pattern><patelt name="family"><string>Noto Serif SC</string></patelt>
</pattern><pattern><patelt name="family"><string>Noto Sans SC</string></patelt></pattern></rejectfont></selectfont>
<cachedir>{tmp / 'fc-cache'}</cachedir></fontconfig>""")
    env = dict(os.environ)
    env["FONTCONFIG_FILE"] = str(conf)
    env["HOME"] = str(tmp / "home")
    return env


def _face(c) -> str:
    """The family of a pdfplumber char: its PostScript name without subset tag and style."""
    return c["fontname"].split("+")[-1].split("-")[0]


@pytest.mark.slow
def test_libreoffice_without_noto_uses_song_and_hei_with_full_width_marks(example, tmp_path):
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice (soffice) is not installed")
    if not shutil.which("fc-list"):
        pytest.skip("fontconfig's fc-list is not installed")
    import pdfplumber

    env = _no_noto_env(tmp_path, _pc_fonts(tmp_path))
    listed = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, env=env, timeout=120).stdout
    assert "Noto" not in listed and "SimSun" in listed and "SimHei" in listed
    src = tmp_path / "default.docx"
    dx.write_docx(example, src)  # the default export
    r = subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
                       capture_output=True, text=True, timeout=300, env=env)
    pdf = tmp_path / "default.pdf"
    assert pdf.exists(), r.stdout + r.stderr
    with pdfplumber.open(pdf) as doc:
        assert len(doc.pages) == len(example.pages)
        chars = [c for page in doc.pages for c in page.chars]
    face = {_face(c) for c in chars}
    assert not any("Noto" in f for f in face), face
    body = next(p.text for _, b in example.iter_blocks() if isinstance(b, ColumnBlock) for p in b.paragraphs
                if not p.lead)
    title = example.pages[0].headline.title

    def faces_of(text: str) -> set[str]:
        stream = "".join(c["text"] for c in chars)
        at = stream.find(text[:12])
        assert at >= 0, text[:12]
        return {_face(c) for c in chars[at:at + 12]}

    assert faces_of(body) == {"SimSun"}  # 宋体 for the body
    assert faces_of(title) == {"SimHei"}  # 黑体 for the headline
    han = [c for c in chars if "\u4e00" <= c["text"] <= "\u9fff"]
    assert {_face(c) for c in han} <= {"SimSun", "SimHei", "KaiTi", "FangSong"}
    marks = [c for c in chars if c["text"] in "“”‘’，。：；"]
    assert len(marks) > 100
    for c in marks:  # full width: one em each, from a Chinese face — not narrow Latin quotes
        assert _face(c) in {"SimSun", "SimHei", "KaiTi", "FangSong"}, c["text"]
        assert abs((c["x1"] - c["x0"]) - c["size"]) < 0.05 * c["size"], (c["text"], c["x1"] - c["x0"], c["size"])

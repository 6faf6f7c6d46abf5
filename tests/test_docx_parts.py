"""Text of a Word file outside its body paragraphs is imported or named, never lost (issue 29,
point 10): footnotes, endnotes, an embedded HTML part, headers, comments, macros; hidden text
is skipped with a note, not imported as visible text; Strict Open XML is read; every XML part has
a size limit; refusals do not speak libxml2."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from importers import SubmissionError, import_file
from importers.docx_parts import PART_LIMITS
from importers.docx_reader import read_docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
      'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
      'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
      '<Default Extension="htm" ContentType="application/xhtml+xml"/><Override PartName='
      '"/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
      'document.main+xml"/></Types>')
ROOT_RELS = (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}"><Relationship Id="rId1" '
             f'Type="{R_NS}/officeDocument" Target="word/document.xml"/></Relationships>')


def _p(text: str, hidden: bool = False) -> str:
    rpr = "<w:rPr><w:vanish/></w:rPr>" if hidden else ""
    return f"<w:p><w:r>{rpr}<w:t>{text}</w:t></w:r></w:p>"


def _doc(body: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
            f"<w:body>{body}</w:body></w:document>")


def _notes(tag: str, texts: list[str]) -> str:
    seps = (f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>'
            f'<w:{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:t>—</w:t></w:r></w:p></w:{tag}>')
    items = "".join(f'<w:{tag} w:id="{i}">{_p(t)}</w:{tag}>' for i, t in enumerate(texts, 1))
    return f'<?xml version="1.0" encoding="UTF-8"?><w:{tag}s xmlns:w="{W_NS}">{seps}{items}</w:{tag}s>'


BODY = (_p("当好全省工会排头兵") + _p("") + _p("王芳") + _p("西安市总工会主席") + _p("")
        + "<w:p><w:r><w:t>2020年，西安市总工会扎实开展建设。</w:t></w:r>"
          "<w:r><w:rPr><w:vanish/></w:rPr><w:t>内部意见：此段删去</w:t></w:r></w:p>")


def _package(path, parts: dict[str, str | bytes], method: int = zipfile.ZIP_DEFLATED) -> None:
    with zipfile.ZipFile(path, "w", method) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", ROOT_RELS)
        for name, data in parts.items():
            z.writestr(name, data)


@pytest.fixture
def rich(tmp_path):
    path = tmp_path / "rich.docx"
    rels = (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
            f'<Relationship Id="rId9" Type="{R_NS}/aFChunk" Target="chunk.htm"/></Relationships>')
    _package(path, {
        "word/document.xml": _doc(BODY + '<w:altChunk r:id="rId9"/>'),
        "word/_rels/document.xml.rels": rels,
        "word/chunk.htm": "<html><head><title>x</title></head><body><p>网页编辑器粘贴的一段话。</p></body></html>",
        "word/footnotes.xml": _notes("footnote", ["数据来自市统计局。"]),
        "word/endnotes.xml": _notes("endnote", ["本文有删节。"]),
        "word/header1.xml": f'<w:hdr xmlns:w="{W_NS}">{_p("西安市总工会简报")}</w:hdr>',
        "word/comments.xml": f'<w:comments xmlns:w="{W_NS}"><w:comment w:id="1">{_p("改")}</w:comment></w:comments>',
        "word/vbaProject.bin": b"\xd0\xcf\x11\xe0macro",
    })
    return path


def _all_text(bulletin) -> str:
    from model.texts import iter_item_texts

    return "\n".join(t for page in bulletin.pages for item in (page.banner, page.headline, *page.blocks)
                     if item is not None for *_x, t in iter_item_texts(item))


def test_footnotes_endnotes_and_embedded_html_become_body_text(rich):
    bulletin, report = import_file(rich)
    text = _all_text(bulletin)
    assert "注1：数据来自市统计局。" in text and "注2：本文有删节。" in text
    assert "网页编辑器粘贴的一段话。" in text
    messages = " | ".join(i.message for i in report.items)
    assert "footnote 1 kept as body text" in messages and "endnote 2 kept as body text" in messages
    assert "altChunk" in messages


def test_hidden_text_is_skipped_with_a_note(rich):
    bulletin, report = import_file(rich)
    assert "内部意见" not in _all_text(bulletin)
    assert any("hidden text" in i.message and "内部意见" in i.message for i in report.items)


def test_headers_comments_and_macros_are_named(rich):
    _bulletin, report = import_file(rich)
    messages = " | ".join(i.message for i in report.items)
    assert "page header text not imported" in messages and "西安市总工会简报" in messages
    assert "1 comment(s)" in messages
    assert "macros" in messages


def _strict(data: bytes) -> bytes:
    """The same package as Word writes it in "Strict Open XML" form (other namespace names)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            part = src.read(info.filename)
            if info.filename.endswith((".xml", ".rels")):
                part = re.sub(rb"http://schemas\.openxmlformats\.org/(wordprocessingml|officeDocument|drawingml)/2006/",
                              rb"http://purl.oclc.org/ooxml/\1/", part)
            dst.writestr(info.filename, part)
    return out.getvalue()


def test_strict_open_xml_is_read_like_the_usual_form(rich, tmp_path):
    strict = tmp_path / "strict.docx"
    strict.write_bytes(_strict(rich.read_bytes()))
    assert b"purl.oclc.org" in zipfile.ZipFile(strict).read("word/document.xml")
    lines, notes = read_docx(strict)
    texts = [ln.text for ln in lines]
    assert "王芳" in texts and "西安市总工会主席" in texts and "注1：数据来自市统计局。" in texts
    assert any("Strict Open XML" in m for _, m in notes)


def test_every_xml_part_has_its_own_size_limit(tmp_path):
    path = tmp_path / "styles.docx"
    big = f'<w:styles xmlns:w="{W_NS}">' + "<w:style/>" * (PART_LIMITS["word/styles.xml"] // 10 + 10) + "</w:styles>"
    _package(path, {"word/document.xml": _doc(BODY), "word/styles.xml": big})
    with pytest.raises(SubmissionError, match=r"word/styles\.xml is \d+ MB, more than the 4 MB"):
        read_docx(path)


def test_a_huge_text_node_is_refused_in_plain_words(tmp_path):
    path = tmp_path / "huge.docx"
    _package(path, {"word/document.xml": _doc(f"<w:p><w:r><w:t>{'字' * 3_700_000}</w:t></w:r></w:p>")},
             zipfile.ZIP_STORED)
    with pytest.raises(SubmissionError) as err:
        read_docx(path)
    assert "XML_PARSE_HUGE" not in str(err.value) and "too long" in str(err.value)


def test_every_note_about_the_parts_has_a_chinese_rendering(rich):
    from importers.messages_zh import to_chinese

    _bulletin, report = import_file(rich)
    missing = [i.message for i in report.items if to_chinese(i.message) is None]
    assert not missing, missing

"""DOCX export (issue 5): read the file back as Word would, and look at it through LibreOffice.

Expected texts are built from the model here, independently of the exporter, so a block the
exporter forgets (or puts out of order) fails these tests.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_SECTION
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from exporters import docx as dx
from exporters.docx_images import MAX_PPI, prepare_portrait
from model.document import (
    Bulletin,
    ColumnBlock,
    Credits,
    Crop,
    HeadlineGroup,
    Page,
    PageSetup,
    Paragraph,
    Person,
    Portrait,
    SpeechBlock,
    SpeechSection,
)
from tests.external import require_tool

ROOT = Path(__file__).resolve().parent.parent
#: Built-in styles (Chinese Word shows them as 正文, 标题, 标题 1–3) and the bulletin's own.
OUR_STYLES = ("Title", "副题", "引题", "Heading 1", "版头大字", "讲话标签", "Heading 3", "讲话要点", "讲话正文",
              "Normal", "段首句", "人名", "单位", "职务", "肖像", "图注", "落款", "Heading 2", "版脚")


# ----------------------------------------------------------------------------------- helpers


def export(bulletin: Bulletin, tmp_path: Path, name: str = "out.docx", **kw) -> tuple[Path, docx.document.Document]:
    path = tmp_path / name
    result = dx.write_docx(bulletin, path, **kw)
    assert result.problems == [] and result.path == str(path)
    return path, docx.Document(str(path))


def texts_of(doc) -> list[str]:
    """Paragraph texts, a tab-separated line (the one-line banner) counted as its pieces."""
    return [piece for p in all_paragraphs(doc) for piece in p.text.split("\t")]


def all_paragraphs(doc) -> list:
    """Every paragraph in body order, table cells included (python-docx's doc.paragraphs skips
    tables)."""
    from docx.text.paragraph import Paragraph as P

    return [P(p, doc) for p in doc.element.body.iter(qn("w:p"))]


def expected_texts(b: Bulletin) -> list[str]:
    """What a reader must find, in reading order, straight from the model."""
    out: list[str] = []
    for page in b.pages:
        if page.banner:
            out += page.banner.lines
        if page.headline:
            out += [page.headline.kicker, page.headline.title, page.headline.subtitle]
        for block in page.blocks:
            if isinstance(block, SpeechBlock):
                for s in block.sections:
                    out += [s.label, s.heading, *s.bullets, *(p.text for p in s.paragraphs)]
                out.append(block.attribution)
            else:
                out.append(block.headline)
                if block.person:
                    org = block.organisation if block.person.name else ""
                    out += [block.person.name, org, *block.person.titles]
                else:
                    out.append(block.organisation)
                out += [p.text for p in block.paragraphs]
    return [t for t in out if t.strip()]


def assert_in_order(expected: list[str], actual: list[str]) -> None:
    i = 0
    for want in expected:
        while i < len(actual) and actual[i] != want:
            i += 1
        assert i < len(actual), f"missing or out of order: {want[:30]!r}"
        i += 1


def style_el(doc, name: str):
    return doc.styles[name].element


def png(im: Image.Image, **kw) -> bytes:
    out = io.BytesIO()
    im.save(out, format="PNG", **kw)
    return out.getvalue()


def jpeg(im: Image.Image, **kw) -> bytes:
    out = io.BytesIO()
    im.save(out, format="JPEG", quality=95, **kw)
    return out.getvalue()


def one_column_bulletin(image: bytes | None, crop: Crop | None = None, preset: str = "broadsheet") -> Bulletin:
    b = Bulletin(publication="测试报", issue_title="测试", page_setup=PageSetup.from_preset(preset))
    portrait = None
    if image is not None:
        portrait = Portrait(image=b.images.add(image), crop=crop or Crop())
    b.pages.append(Page(blocks=[ColumnBlock(headline="标题一", person=Person("王五", ["某市总工会主席"]),
                                            portrait=portrait, paragraphs=[Paragraph("正文一段。")])]))
    return b


def embedded_images(path: Path) -> list[Image.Image]:
    with zipfile.ZipFile(path) as zf:
        names = sorted(n for n in zf.namelist() if n.startswith("word/media/"))
        return [Image.open(io.BytesIO(zf.read(n))) for n in names]


# ------------------------------------------------------------------------------- text, order


def test_every_text_in_reading_order(example, tmp_path):
    _, doc = export(example, tmp_path)
    actual = texts_of(doc)
    expected = expected_texts(example)
    assert len(expected) > 80
    assert_in_order(expected, actual)
    # and nothing invented: every non-empty paragraph is some model text (footer lives elsewhere)
    assert set(t for t in actual if t) <= set(expected)


def test_styles_applied_to_each_role(example, tmp_path):
    _, doc = export(example, tmp_path)
    by_text: dict[str, set[str]] = {}
    for p in all_paragraphs(doc):
        by_text.setdefault(p.text, set()).add(p.style.name)
    page1 = example.pages[0]
    speech = next(b for b in page1.blocks if isinstance(b, SpeechBlock))
    assert by_text[page1.headline.title] == {"Title"}
    assert by_text[page1.headline.subtitle] == {"副题"}
    for s in speech.sections:
        assert by_text[s.label] == {"讲话标签"}
        assert by_text[s.heading] == {"Heading 3"}
        for bl in s.bullets:
            assert by_text[bl] == {"讲话要点"}
        for para in s.paragraphs:
            assert by_text[para.text] == {"讲话正文"}
    assert by_text[speech.attribution] == {"落款"}
    banner = example.pages[1].banner.lines
    p = next(p for p in all_paragraphs(doc) if banner[0] in p.text)
    assert p.style.name == "Heading 1" and p.text == "\t".join(banner)  # one line, as on the page
    assert [r.style.name for r in p.runs if r.text.strip("\t") == banner[1]] == ["版头大字"]  # 责任
    columns = [b for _, b in example.iter_blocks() if isinstance(b, ColumnBlock)]
    assert len(columns) == 10
    for c in columns:
        if c.headline:
            assert by_text[c.headline] == {"Heading 2"}
        if c.person:
            assert by_text[c.person.name] == {"人名"}
            for t in c.person.titles:
                assert "职务" in by_text[t]
        else:
            assert by_text[c.organisation] == {"单位"}
        for para in c.paragraphs:
            assert by_text[para.text] == {"Normal"}


def test_lead_sentence_is_a_bold_character_style(example, tmp_path):
    _, doc = export(example, tmp_path)
    leads = [p.split_lead()[0] for _, b in example.iter_blocks() if isinstance(b, ColumnBlock)
             for p in b.paragraphs if p.lead]
    assert len(leads) > 20
    runs = [r for p in all_paragraphs(doc) for r in p.runs if r.style is not None and r.style.name == "段首句"]
    assert [r.text for r in runs] == leads
    assert doc.styles["段首句"].font.bold is True
    # the rest of a lead paragraph is not bold
    p = next(p for p in all_paragraphs(doc) if p.runs and p.runs[0].text == leads[0])
    assert p.runs[1].style.name != "段首句" and not p.runs[1].bold


def test_east_asian_fonts_language_on_every_style(example, tmp_path):
    _, doc = export(example, tmp_path)
    for name in OUR_STYLES:
        rpr = style_el(doc, name).rPr
        fonts = rpr.find(qn("w:rFonts"))
        assert fonts is not None, name
        ea = fonts.get(qn("w:eastAsia"))
        assert ea in ("宋体", "黑体", "楷体", "仿宋"), name  # the default set: every Chinese Windows has them
        assert fonts.get(qn("w:ascii")) == ea and fonts.get(qn("w:hAnsi")) == ea, name
        assert fonts.get(qn("w:hint")) == "eastAsia", name
        assert fonts.get(qn("w:eastAsiaTheme")) is None
        assert rpr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN", name
    assert style_el(doc, "Normal").rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "宋体"
    assert style_el(doc, "人名").rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "黑体"
    assert style_el(doc, "Title").rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "黑体"


def test_user_fonts_by_family_and_by_file(example, tmp_path):
    import pylopdf_fonts_zh_cn

    example.fonts = {"body": "方正书宋_GBK", "name": str(pylopdf_fonts_zh_cn.serif_path()), "title": ""}
    _, doc = export(example, tmp_path, fonts="pdf")  # 与 PDF 相同: the bulletin's own fonts
    ea = {n: style_el(doc, n).rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) for n in OUR_STYLES}
    assert ea["Normal"] == "方正书宋_GBK" and ea["讲话正文"] == "方正书宋_GBK"
    assert ea["人名"] == "Noto Serif SC"  # family name read from the font file
    assert ea["Title"] == "Noto Sans SC"  # "" means the default


def test_body_indent_justification_and_leading(example, tmp_path):
    _, doc = export(example, tmp_path)
    ppr = style_el(doc, "Normal").pPr
    ind = ppr.find(qn("w:ind"))
    assert ind.get(qn("w:firstLineChars")) == "200"
    ps = example.page_setup
    assert ind.get(qn("w:firstLine")) == str(round(2 * ps.body_size_pt * 20))  # 2 em in twips
    assert ppr.find(qn("w:jc")).get(qn("w:val")) == "both"
    sp = ppr.find(qn("w:spacing"))
    assert sp.get(qn("w:line")) == str(round(ps.leading_pt * 20)) and sp.get(qn("w:lineRule")) == "exact"
    assert style_el(doc, "Normal").rPr.find(qn("w:sz")).get(qn("w:val")) == str(round(ps.body_size_pt * 2))
    assert sp.get(qn("w:after")) == "0" and sp.get(qn("w:before")) == "0"


def test_chinese_line_breaking_and_punctuation_compression(example, tmp_path):
    _, doc = export(example, tmp_path)
    settings_el = doc.settings.element
    assert settings_el.find(qn("w:characterSpacingControl")).get(qn("w:val")) == "compressPunctuation"
    before = settings_el.find(qn("w:noLineBreaksBefore"))
    assert before.get(qn("w:lang")) == "zh-CN"
    for ch in "，。、：；！？”）》":
        assert ch in before.get(qn("w:val"))
    assert "“" in settings_el.find(qn("w:noLineBreaksAfter")).get(qn("w:val"))
    # one source: the page composer's own line-start / line-end sets
    from layout.cjk import NO_END, NO_START

    assert before.get(qn("w:val")) == NO_START
    assert settings_el.find(qn("w:noLineBreaksAfter")).get(qn("w:val")) == NO_END
    for name in OUR_STYLES:
        if doc.styles[name].type == 1:  # paragraph styles
            ppr = style_el(doc, name).pPr
            assert ppr.find(qn("w:kinsoku")).get(qn("w:val")) == "1", name
            assert ppr.find(qn("w:overflowPunct")).get(qn("w:val")) == "0", name


def _schema_order() -> dict[str, tuple[str, ...]]:
    """The child order of ECMA-376 Part 1 (wml.xsd) for the property elements the exporter
    writes — as python-docx transcribes the schema for its own element classes, plus the
    font-table entry (CT_Font, §17.8.3.2) stored in tests/_reference. Independent of the
    exporter's own order tables, so a wrong entry there fails here."""
    import ast
    import inspect
    import json

    import docx.oxml.section
    import docx.oxml.settings
    import docx.oxml.styles
    import docx.oxml.table
    import docx.oxml.text.font
    import docx.oxml.text.parfmt

    def seq(module, cls: str) -> tuple[str, ...]:
        # python-docx deletes _tag_seq after building its classes, so read it from the source
        for node in ast.walk(ast.parse(inspect.getsource(module))):
            if isinstance(node, ast.ClassDef) and node.name == cls:
                for stmt in node.body:
                    if isinstance(stmt, ast.Assign) and getattr(stmt.targets[0], "id", "") == "_tag_seq":
                        return tuple(t.split(":", 1)[1] for t in ast.literal_eval(stmt.value))
        raise AssertionError(f"no _tag_seq in {cls}")

    ref = json.loads((ROOT / "tests" / "_reference" / "ecma376_order.json").read_text(encoding="utf-8"))
    return {
        "style": seq(docx.oxml.styles, "CT_Style"), "pPr": seq(docx.oxml.text.parfmt, "CT_PPr"),
        "rPr": seq(docx.oxml.text.font, "CT_RPr"), "tblPr": seq(docx.oxml.table, "CT_TblPr"),
        "tcPr": seq(docx.oxml.table, "CT_TcPr"), "trPr": seq(docx.oxml.table, "CT_TrPr"),
        "settings": seq(docx.oxml.settings, "CT_Settings"),
        # python-docx leaves the repeatable header/footer references out of its sequence
        "sectPr": ("headerReference", "footerReference", *seq(docx.oxml.section, "CT_SectPr")),
        "font": tuple(ref["CT_Font"]),
    }


def _in_schema_order(el, seq) -> bool:
    # only WordprocessingML children: extensions (w14:…) live outside the sequence
    w = qn("w:x")[:-1]
    tags = [c.tag.rsplit("}", 1)[1] for c in el if c.tag.startswith(w)]
    assert set(tags) <= set(seq), set(tags) - set(seq)
    return [seq.index(t) for t in tags] == sorted(seq.index(t) for t in tags)


@pytest.mark.parametrize("fonts", dx.FONT_SETS)
def test_style_and_property_elements_in_schema_order(example, tmp_path, fonts):
    """Word reports "unreadable content" for misordered children; LibreOffice does not care,
    so the rendering tests would not catch it."""
    order = _schema_order()
    path, doc = export(example, tmp_path, fonts=fonts)
    for style in doc.styles.element.findall(qn("w:style")):
        name = style.find(qn("w:name")).get(qn("w:val"))
        assert _in_schema_order(style, order["style"]), name
        for tag in ("pPr", "rPr"):
            el = style.find(qn(f"w:{tag}"))
            if el is not None:
                assert _in_schema_order(el, order[tag]), (name, tag)
    assert doc.styles["讲话正文"].base_style.name == "Normal"
    assert doc.styles["单位"].base_style.name == "人名"
    body = doc.element.body
    for tag in ("tblPr", "tcPr", "trPr", "sectPr", "pPr", "rPr"):
        for el in body.iter(qn(f"w:{tag}")):
            assert _in_schema_order(el, order[tag]), tag
    with zipfile.ZipFile(path) as zf:
        from lxml import etree

        fonts_el = etree.fromstring(zf.read("word/fontTable.xml"))
    assert _in_schema_order(doc.settings.element, order["settings"])
    for font in fonts_el.findall(qn("w:font")):
        assert _in_schema_order(font, order["font"]), font.get(qn("w:name"))
    ids = [el.get("id") for el in body.iter("{http://schemas.openxmlformats.org/drawingml/2006/"
                                             "wordprocessingDrawing}docPr")]
    assert len(ids) == len(set(ids)) == 9


# ------------------------------------------------------------------------------ page set-up


def test_page_size_margins_columns_and_page_breaks(example, tmp_path):
    _, doc = export(example, tmp_path)
    secs = doc.sections
    ps = example.page_setup
    for s in secs:
        assert abs(s.page_width.mm - 390) < 0.1 and abs(s.page_height.mm - 543) < 0.1
        assert abs(s.left_margin.mm - ps.margins.left) < 0.1 and abs(s.top_margin.mm - ps.margins.top) < 0.1
        assert abs(s.right_margin.mm - ps.margins.right) < 0.1
        assert abs(s.bottom_margin.mm - ps.margins.bottom) < 0.1
    cols = [int(s._sectPr.find(qn("w:cols")).get(qn("w:num"))) for s in secs]
    assert 4 in cols and set(cols) <= {1, 2, 4}  # 2: the speech box and the column beside it
    new_pages = [i for i, s in enumerate(secs) if s.start_type == WD_SECTION.NEW_PAGE]
    assert len(new_pages) == len(example.pages) == 2
    # the second Word page starts with the second bulletin page's banner
    texts_per_section: list[list[str]] = [[]]
    for el in doc.element.body.iter(qn("w:p"), qn("w:sectPr")):
        if el.tag == qn("w:sectPr"):
            texts_per_section.append([])
        else:
            t = docx.text.paragraph.Paragraph(el, doc).text
            if t:
                texts_per_section[-1].append(t)
    k = new_pages[1]
    first_text = next(t for sec in texts_per_section[k:] for t in sec)
    assert first_text.split("\t")[0] == example.pages[1].banner.lines[0]
    assert example.pages[0].headline.title in [t for sec in texts_per_section[:k] for t in sec]


@pytest.mark.parametrize(("preset", "expected"), [("broadsheet", 4), ("tabloid", 3), ("a3", 3), ("a4", 3)])
def test_word_column_count(preset, expected):
    assert dx.word_columns(PageSetup.from_preset(preset)) == expected


def test_columns_are_whole_ems_and_fill_the_measure():
    g = dx.Geometry.of(PageSetup.from_preset("broadsheet"))
    assert g.columns == 4 and g.column_w == 27 * 9  # the newspaper's double column
    assert abs(g.columns * g.column_w + (g.columns - 1) * g.gap - g.text_w) < 0.01
    assert 4 < g.gap < 14


def test_landscape_custom_page(tmp_path):
    b = one_column_bulletin(None)
    b.page_setup = PageSetup(preset="custom", width_mm=420, height_mm=297, columns=2)
    _, doc = export(b, tmp_path)
    s = doc.sections[0]
    assert s.orientation == 1  # landscape
    assert abs(s.page_width.mm - 420) < 0.1 and abs(s.page_height.mm - 297) < 0.1


def test_footer_has_folio_and_credits(example, tmp_path):
    example.credits = Credits(editor="甲编辑", art_editor="乙美编", proofreader="丙校对")
    _, doc = export(example, tmp_path)
    footers = [s.footer for s in doc.sections if s.start_type == WD_SECTION.NEW_PAGE]
    texts = [" ".join(p.text for p in f.paragraphs) for f in footers]
    assert "第3版" in texts[0] and "第4版" in texts[1]
    for t in texts:
        assert "陕西工人报" in t and "2021-04" in t
        assert "责任编辑：甲编辑" in t and "美术编辑：乙美编" in t and "校对：丙校对" in t
    assert footers[0].paragraphs[0].style.name == "版脚"


def test_credits_left_out_when_unset(example, tmp_path):
    _, doc = export(example, tmp_path)
    text = doc.sections[0].footer.paragraphs[0].text
    assert "责任编辑" not in text and "校对" not in text


# ---------------------------------------------------------------------------------- images


def test_example_portraits_present_at_full_resolution(example, tmp_path):
    path, doc = export(example, tmp_path)
    assert len(doc.inline_shapes) == 9
    sources = {Image.open(io.BytesIO(example.images.get(n))).size for n in example.images}
    images = embedded_images(path)
    assert len(images) == len(set(example.images))  # identical placeholders would share a part
    w_in = doc.inline_shapes[0].width / 914400
    for im in images:
        src_w, src_h = next(iter(sources))
        ppi = im.width / w_in
        if src_w / w_in <= MAX_PPI:
            assert im.size == (src_w, src_h)  # kept as it came
        else:
            assert 300 <= ppi <= MAX_PPI  # print resolution at the size it is shown, no bloat
        assert abs(im.height / im.width - src_h / src_w) < 0.01
    for shape in doc.inline_shapes:
        assert abs(shape.height / shape.width - src_h / src_w) < 0.01


def test_crop_to_middle_half_gives_600_by_400(tmp_path):
    im = Image.new("RGB", (600, 800), "white")
    im.paste((255, 0, 0), (0, 200, 600, 600))  # the middle half is red
    path, doc = export(one_column_bulletin(png(im), Crop(0, 0.25, 1, 0.5)), tmp_path)
    [out] = embedded_images(path)
    assert out.size == (600, 400)
    assert out.convert("RGB").getpixel((300, 5))[1] < 30 and out.convert("RGB").getpixel((300, 395))[1] < 30
    shape = doc.inline_shapes[0]
    assert abs(shape.height / shape.width - 400 / 600) < 0.01


def test_exif_rotated_photo_comes_out_upright(tmp_path):
    upright = Image.new("RGB", (600, 800), "white")
    upright.paste((255, 0, 0), (0, 0, 600, 200))  # red forehead band at the top
    stored = upright.transpose(Image.Transpose.ROTATE_90)  # the camera stored it sideways
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to display"
    data = jpeg(stored, exif=exif)
    path, _ = export(one_column_bulletin(data), tmp_path)
    [out] = embedded_images(path)
    assert out.size == (600, 800)
    r, g, b = out.convert("RGB").getpixel((300, 50))
    assert r > 200 and g < 60, "top of the portrait should be the red band"
    assert out.convert("RGB").getpixel((300, 700))[1] > 200
    assert out.getexif().get(0x0112, 1) == 1  # no orientation left to apply twice


def test_cmyk_jpeg_becomes_rgb_with_right_colours(tmp_path):
    im = Image.new("CMYK", (300, 400), (0, 255, 255, 0))  # process red
    path, _ = export(one_column_bulletin(jpeg(im)), tmp_path)
    [out] = embedded_images(path)
    assert out.mode == "RGB" and out.format == "JPEG"
    r, g, b = out.getpixel((150, 200))
    assert r > 200 and g < 60 and b < 60


def test_transparent_png_is_flattened_on_white(tmp_path):
    im = Image.new("RGBA", (300, 400), (0, 0, 0, 0))
    im.paste((0, 0, 255, 255), (100, 100, 200, 300))
    path, _ = export(one_column_bulletin(png(im)), tmp_path)
    [out] = embedded_images(path)
    assert out.mode == "RGB"
    assert out.getpixel((5, 5)) == (255, 255, 255)
    assert out.getpixel((150, 200)) == (0, 0, 255)


def test_16_bit_grey_is_scaled_not_clipped(tmp_path):
    im = Image.new("I;16", (300, 400), 32768)  # mid grey in 16 bits
    path, _ = export(one_column_bulletin(png(im)), tmp_path)
    [out] = embedded_images(path)
    assert out.mode == "L" and 120 <= out.getpixel((10, 10)) <= 136


def test_palette_png_with_transparency(tmp_path):
    im = Image.new("P", (300, 400), 0)
    im.putpalette([255, 0, 0] + [0, 255, 0] * 255)
    im.info["transparency"] = 0
    path, _ = export(one_column_bulletin(png(im, transparency=0)), tmp_path)
    [out] = embedded_images(path)
    assert out.mode == "RGB" and out.getpixel((1, 1)) == (255, 255, 255)


def test_huge_photo_downsampled_but_still_print_resolution(tmp_path):
    data = jpeg(Image.new("RGB", (3000, 4000), (90, 120, 150)))
    path, doc = export(one_column_bulletin(data), tmp_path)
    [out] = embedded_images(path)
    w_in = doc.inline_shapes[0].width / 914400
    assert 300 <= out.width / w_in <= MAX_PPI
    assert abs(out.height / out.width - 4 / 3) < 0.01


def test_huge_sideways_photo_uses_fast_decode_and_stays_upright(tmp_path):
    upright = Image.new("RGB", (3000, 4000), "white")
    upright.paste((255, 0, 0), (0, 0, 3000, 1000))
    exif = Image.Exif()
    exif[0x0112] = 8  # "rotate 90° counter-clockwise to display"
    data = jpeg(upright.transpose(Image.Transpose.ROTATE_270), exif=exif)
    path, doc = export(one_column_bulletin(data, Crop(0, 0, 1, 0.5)), tmp_path)
    [out] = embedded_images(path)
    w_in = doc.inline_shapes[0].width / 914400
    assert 300 <= out.width / w_in <= MAX_PPI
    assert abs(out.height / out.width - 2 / 3) < 0.01  # top half of a 3:4 portrait
    assert out.getpixel((out.width // 2, 5))[1] < 60  # red band on top: rotated the right way
    assert out.getpixel((out.width // 2, out.height - 5))[1] > 200


@pytest.mark.parametrize("encode", [jpeg, png])
def test_untouched_image_is_embedded_byte_for_byte(tmp_path, encode):
    data = encode(Image.new("RGB", (300, 400), (10, 200, 30)))
    path, _ = export(one_column_bulletin(data), tmp_path)
    with zipfile.ZipFile(path) as zf:
        [name] = [n for n in zf.namelist() if n.startswith("word/media/")]
        assert zf.read(name) == data


def test_unreadable_portrait_is_reported_and_left_out(tmp_path):
    b = one_column_bulletin(None)
    block = b.pages[0].blocks[0]
    b.images.add_lazy("deadbeef.jpg", lambda: b"not an image at all")
    block.portrait = Portrait(image="deadbeef.jpg")
    problems = dx.write_docx(b, tmp_path / "x.docx").problems
    assert len(problems) == 1 and "王五" in problems[0].message
    assert problems[0].kind == "bad_image" and problems[0].block_id == block.id
    doc = docx.Document(str(tmp_path / "x.docx"))
    assert len(doc.inline_shapes) == 0
    assert "王五" in [p.text for p in all_paragraphs(doc)]


def test_crop_box_never_empty():
    from exporters.docx_images import crop_box

    assert crop_box((600, 800), Crop(0, 0.25, 1, 0.5)) == (0, 200, 600, 600)
    assert crop_box((10, 10), Crop(0.999, 0.999, 0.0001, 0.0001)) == (9, 9, 10, 10)
    assert crop_box((10, 10), Crop(-1, 2, 5, 5)) == (0, 9, 10, 10)


def test_prepare_rejects_junk():
    from exporters.docx_images import PortraitError

    with pytest.raises(PortraitError):
        prepare_portrait(b"\x89PNG junk", Crop(), 1.0)


# ------------------------------------------------------------------- metadata, saving, junk


def test_core_properties_and_same_bytes_twice(example, tmp_path, monkeypatch):
    from datetime import UTC, datetime

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1617235200")  # reproducible builds: 2021-04-01 00:00 UTC
    p1, doc = export(example, tmp_path, "a.docx")
    cp = doc.core_properties
    assert cp.title == "力争陕西工会多项工作走在全国前列"
    assert cp.author == "陕西工人报"
    assert "陕西工人报" in cp.subject and "专版" in cp.subject
    assert cp.created == datetime(2021, 4, 1, tzinfo=UTC) and cp.modified == cp.created
    p2, _ = export(example, tmp_path, "b.docx")
    assert p1.read_bytes() == p2.read_bytes()
    with zipfile.ZipFile(p1) as zf:
        assert zf.testzip() is None
        assert not any("thumbnail" in n for n in zf.namelist())


def test_failure_mid_write_leaves_old_file(example, tmp_path, monkeypatch):
    target = tmp_path / "keep.docx"
    target.write_bytes(b"the old document")
    real = dx.atomic_write

    def flaky_atomic_write(path, write):
        class HalfDisk:
            def __init__(self, fh):
                self.fh = fh

            def write(self, data):
                self.fh.write(data[: len(data) // 2])
                raise OSError(28, "No space left on device")

        return real(path, lambda fh: write(HalfDisk(fh)))

    monkeypatch.setattr(dx, "atomic_write", flaky_atomic_write)
    with pytest.raises(OSError):
        dx.write_docx(example, target)
    assert target.read_bytes() == b"the old document"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.docx"]  # no temp file left


def test_overwrites_existing_file(example, tmp_path):
    target = tmp_path / "x.docx"
    target.write_bytes(b"old")
    dx.write_docx(example, target)
    assert zipfile.is_zipfile(target)


def test_empty_bulletin_still_a_valid_document(tmp_path):
    _, doc = export(Bulletin(), tmp_path)
    assert len(doc.sections) >= 1


def test_organisation_only_and_speech_without_attribution(tmp_path):
    b = Bulletin(page_setup=PageSetup.from_preset("a4"))
    b.pages.append(Page(headline=HeadlineGroup(kicker="引题文字", title="主题", subtitle="——副题"), blocks=[
        SpeechBlock(sections=[SpeechSection("2021", "小标题", ["◎一"], [Paragraph("讲话。")])]),
        ColumnBlock(organisation="杨凌示范区总工会", paragraphs=[Paragraph("领句。后文。", lead=True)]),
    ]))
    _, doc = export(b, tmp_path)
    assert_in_order(expected_texts(b), [p.text for p in all_paragraphs(doc)])
    styles = {p.text: p.style.name for p in all_paragraphs(doc)}
    assert styles["引题文字"] == "引题" and styles["杨凌示范区总工会"] == "单位"


XML_JUNK = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from(
    ["\x00", "\x0b", "\r", "\n", "\x1f", "“", "—", "。"]), max_size=40)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=XML_JUNK, name=XML_JUNK, text=XML_JUNK)
def test_any_pasted_text_exports(tmp_path, title, name, text):
    b = Bulletin()
    b.pages.append(Page(headline=HeadlineGroup(title=title), blocks=[
        ColumnBlock(headline=name, person=Person(name, [text]), paragraphs=[Paragraph(text, lead=True)])]))
    path = tmp_path / "h.docx"
    dx.write_docx(b, path)
    doc = docx.Document(str(path))
    got = "".join(p.text for p in all_paragraphs(doc))
    for t in (title, name, text):
        visible = re.sub(r"\s", "", dx.clean_text(t))
        assert visible in re.sub(r"\s", "", got)


# --------------------------------------------------------------------- LibreOffice, CLI


def _soffice_env(tmp: Path) -> dict[str, str]:
    """Point fontconfig at the bundled Noto fonts only for this conversion (no system change)."""
    import pylopdf_fonts_zh_cn

    fonts = tmp / "fonts"
    fonts.mkdir(exist_ok=True)
    for p in (pylopdf_fonts_zh_cn.serif_path(), pylopdf_fonts_zh_cn.sans_path()):
        shutil.copy(p, fonts)
    conf = tmp / "fonts.conf"
    conf.write_text(f"""<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>
<dir>{fonts}</dir><cachedir>{tmp / 'fc-cache'}</cachedir></fontconfig>""")
    env = dict(os.environ)
    env["FONTCONFIG_FILE"] = str(conf)
    env["HOME"] = str(tmp / "home")
    return env


@pytest.fixture(scope="module")
def example_pdf(tmp_path_factory):
    require_tool("soffice")
    from model.example import example_bulletin

    tmp = tmp_path_factory.mktemp("lo")
    b = example_bulletin()
    src = tmp / "example.docx"
    dx.write_docx(b, src, fonts="pdf")  # 与 PDF 相同: the bundled Noto faces, which this conversion has
    r = subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp / 'profile'}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(tmp), str(src)],
                       capture_output=True, text=True, timeout=180, env=_soffice_env(tmp))
    pdf = tmp / "example.pdf"
    assert pdf.exists(), r.stdout + r.stderr
    return b, pdf


@pytest.mark.slow
def test_libreoffice_renders_every_paragraph(example_pdf):
    import pdfplumber

    b, pdf = example_pdf
    with pdfplumber.open(pdf) as doc:
        assert len(doc.pages) == len(b.pages)  # each bulletin page fits on one Word page
        # chars in content-stream order = LibreOffice's drawing order = reading order per frame
        stream = "".join(c["text"] for page in doc.pages for c in page.chars)
        images = sum(len(page.images) for page in doc.pages)
        fonts = {c["fontname"].split("+")[-1] for page in doc.pages for c in page.chars}
    flat = re.sub(r"\s", "", stream)
    for text in expected_texts(b):
        assert re.sub(r"\s", "", text) in flat, f"not in the PDF: {text[:30]!r}"
    assert images == 9
    assert any("NotoSerifSC" in f for f in fonts) and any("NotoSansSC" in f for f in fonts), fonts


@pytest.mark.slow
def test_cli_example_then_export_docx(tmp_path):
    bulletin = tmp_path / "e.bulletin"
    out = tmp_path / "out.docx"
    main = str(ROOT / "main.py")
    r = subprocess.run([sys.executable, main, "example", "-o", str(bulletin)], capture_output=True, text=True,
                       cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    r = subprocess.run([sys.executable, main, "export", str(bulletin), "--docx", str(out)], capture_output=True,
                       text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    doc = docx.Document(str(out))
    texts = [p.text for p in all_paragraphs(doc)]
    assert "薛振虎" in texts and "杨凌示范区总工会" in texts
    assert len(doc.inline_shapes) == 9


def test_the_leader_portrait_and_name_are_in_the_word_file_too(tmp_path):
    """A speech with a leader portrait (issue 10): the DOCX sets the photo, the speaker's name
    and titles atop the speech box, as the PDF does."""
    from model.document import Portrait, SpeechBlock
    from model.example import example_bulletin

    b = example_bulletin()
    speech = next(blk for _, blk in b.iter_blocks() if isinstance(blk, SpeechBlock))
    before = len(docx.Document(io.BytesIO(dx.docx_bytes(b).data)).inline_shapes)
    buf = io.BytesIO()
    Image.new("RGB", (600, 800), (80, 80, 80)).save(buf, "JPEG")
    speech.portrait = Portrait(b.images.add(buf.getvalue()))
    speech.speaker.name = "郭大为"
    doc = docx.Document(io.BytesIO(dx.docx_bytes(b).data))
    assert len(doc.inline_shapes) == before + 1
    table = next(t for t in doc.tables if speech.sections[0].label in t.cell(0, 0).text)
    texts = [p.text for p in table.cell(0, 0).paragraphs]
    assert texts[1] == "郭大为" and all(t in texts for t in speech.speaker.titles)
    assert table.cell(0, 0).paragraphs[0].style.name == "肖像"

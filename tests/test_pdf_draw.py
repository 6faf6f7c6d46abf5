"""PDF drawing: composed text lands where the layout put it, fonts are embedded subsets,
colours, page boxes, images, caching and reproducible bytes (DESIGN §6, §7)."""

from __future__ import annotations

import io
import subprocess

import pdfplumber
import pytest
from pdfminer.pdftypes import resolve1
from PIL import Image

from exporters import pdf_draw, pdf_fonts
from exporters.pdf_draw import MM, PdfFontError, render_pdf
from layout import cjk
from layout.compose import Run, compose
from layout.fonts import FontRegistry, default_serif_path
from layout.types import GlyphRun, LaidOutDocument, LaidOutPage, Picture, Rect, Rule
from tests.conftest import SEED
from tests.external import require_tool

SIZE = 9.0
LEADING = 13.5
COL = 13  # ems
GUTTER = SIZE


def seed_paragraphs() -> list[str]:
    return [p.strip() for p in SEED.read_text(encoding="utf-8").splitlines() if len(p.strip()) > 30]


def three_columns() -> tuple[LaidOutDocument, list[tuple[float, float, object]]]:
    """Seed paragraphs set in 13-em columns; returns the document and (x, baseline, line)."""
    page = LaidOutPage(1, 3 * COL * SIZE + 2 * GUTTER + 60, 560)
    placed = []
    x, y = 30.0, 40.0
    for k, text in enumerate(seed_paragraphs()[:12]):
        runs = [Run(text)]
        if k == 3:
            lead, rest = text.split("。", 1)
            runs = [Run(lead + "。", "lead", bold=True), Run(rest)]
        for line in compose(runs, COL, SIZE):
            if y > page.height - 30:
                x, y = x + COL * SIZE + GUTTER, 40.0
            page.items += line.glyph_runs(x, y, block_id=f"p{k}")
            placed.append((x, y, line))
            y += LEADING
    page.items.append(Rule(30, 30, 30 + COL * SIZE, 30, 0.5))
    return LaidOutDocument([page]), placed


@pytest.fixture(scope="module")
def seed_pdf():
    doc, placed = three_columns()
    data = render_pdf(doc, metadata={"title": "力争陕西工会多项工作走在全国前列", "author": "陕西工人报",
                                     "subject": "专版", "creator": "test"})
    return data, doc, placed


def chars_by_line(pdf_bytes: bytes):
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        page = pdf.pages[0]
        height = page.height
        chars = [(c["text"], c["x0"], height - c["y0"], c) for c in page.chars]
    return chars


def test_text_lands_where_the_layout_put_it(seed_pdf):
    data, doc, placed = seed_pdf
    chars = chars_by_line(data)
    expected = []
    for x, y, line in placed:
        for ch, gx in zip(line.text, line.xs):
            expected.append((ch, x + gx, y))
    assert [c[0] for c in chars] == [e[0] for e in expected]  # all characters, in order
    for (ch, px, py, _c), (_ch, ex, ey) in zip(chars, expected):
        assert px == pytest.approx(ex, abs=0.01), ch
        assert py == pytest.approx(ey + SIZE * 0.12, abs=0.05) or py == pytest.approx(ey, abs=0.6)


def test_pdf_lines_obey_the_rules(seed_pdf):
    """Read the lines back from the PDF (in drawing order, one baseline each) and check the
    rules on what a reader sees: no prohibited line start or end, no ink outside the column."""
    data, doc, placed = seed_pdf
    chars = iter(chars_by_line(data))
    measure = COL * SIZE
    for x, _y, line in placed:
        glyphs = [next(chars) for _ in line.text]
        text = "".join(g[0] for g in glyphs)
        assert len({round(g[2], 2) for g in glyphs}) == 1  # one baseline
        assert not cjk.no_start(text[0]), text
        if not line.is_last:
            assert not cjk.no_end(text[-1]), text
        for ch, px, _py, c in glyphs:
            cls = cjk.char_class(ch)
            em = c["size"]
            # the blank half of a mark may hang outside the column, never its ink
            ink_left = px + (0.5 * em if cls == cjk.C_OPEN else 0.0)
            ink_right = px + (0.5 * em if cls in (cjk.C_PAUSE, cjk.C_CLOSE) else c["x1"] - c["x0"])
            assert x - 0.01 <= ink_left and ink_right <= x + measure + 0.02, (text, ch)
    assert next(chars, None) is None


def test_justified_lines_fill_the_measure_in_the_pdf(seed_pdf):
    data, doc, placed = seed_pdf
    chars = iter(chars_by_line(data))
    for x, _y, line in placed:
        got = [next(chars) for _ in line.text]
        if not line.is_last:
            last_ch, px, _py, c = got[-1]
            cls = cjk.char_class(last_ch)
            right = px + (c["size"] / 2 if cls in (cjk.C_PAUSE, cjk.C_CLOSE) else c["x1"] - c["x0"])
            if cls in (cjk.C_PAUSE, cjk.C_CLOSE, cjk.HAN):
                assert right == pytest.approx(x + COL * SIZE, abs=0.02), line.text


def test_every_font_is_an_embedded_subset(seed_pdf):
    data, _doc, _placed = seed_pdf
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        fonts = resolve1(resolve1(pdf.pages[0].page_obj.attrs["Resources"])["Font"])
        assert fonts, "no fonts"
        names = set()
        for ref in fonts.values():
            font = resolve1(ref)
            desc = resolve1(font["FontDescriptor"])
            assert "FontFile2" in desc, font  # TrueType program embedded
            base = font["BaseFont"].name
            assert "+" in base  # subset tag
            names.add(base.split("+", 1)[1].rsplit("-", 1)[0])
        assert names == {"NotoSerifSC-Regular", "NotoSansSC-Regular"}


def test_pdffonts_sees_every_font_embedded_as_a_subset(seed_pdf):
    data, _doc, _placed = seed_pdf
    out = subprocess.run([require_tool("pdffonts"), "-"], input=data, capture_output=True).stdout.decode()
    rows = [r for r in out.splitlines()[2:] if r.strip()]
    assert rows and all(" yes yes " in r for r in rows), out


def test_black_text_is_pure_k_and_other_colour_modes(seed_pdf):
    data, doc, _placed = seed_pdf
    chars = chars_by_line(data)
    assert {c[3]["non_stroking_color"] for c in chars} == {(0.0, 0.0, 0.0, 1.0)}
    grey = chars_by_line(render_pdf(doc, colour="grey"))
    assert {c[3]["non_stroking_color"] for c in grey} == {(0.0,)}
    rgb = chars_by_line(render_pdf(doc, colour="rgb"))
    assert {c[3]["non_stroking_color"] for c in rgb} == {(0.0, 0.0, 0.0)}
    with pytest.raises(ValueError):
        render_pdf(doc, colour="hsv")


def test_synthetic_bold_is_fill_and_stroke(seed_pdf):
    data, _doc, _placed = seed_pdf
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        streams = resolve1(pdf.pages[0].page_obj.attrs["Contents"])
        streams = streams if isinstance(streams, list) else [streams]
        content = b"".join(resolve1(s).get_data() for s in streams)
    assert b"2 Tr" in content
    assert f"{SIZE * 0.03:g} w".encode() in content or b".27 w" in content


def test_same_input_same_bytes_and_metadata(seed_pdf):
    data, doc, _placed = seed_pdf
    again = render_pdf(doc, metadata={"title": "力争陕西工会多项工作走在全国前列", "author": "陕西工人报",
                                      "subject": "专版", "creator": "test"})
    assert again == data
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        meta = pdf.metadata
    assert meta["Title"] == "力争陕西工会多项工作走在全国前列"
    assert meta["Author"] == "陕西工人报" and meta["Subject"] == "专版" and meta["Creator"] == "test"
    stamped = render_pdf(doc, timestamp=True)
    with pdfplumber.open(io.BytesIO(stamped)) as pdf:
        assert not pdf.metadata["CreationDate"].startswith("D:2000")


def test_page_boxes_bleed_and_crop_marks():
    page = LaidOutPage(1, 200.0, 300.0, [Rect(-3 * MM, -3 * MM, 200 + 6 * MM, 20, fill=(0, 1, 1, 0))])
    doc = LaidOutDocument([page])
    plain = render_pdf(doc)
    with pdfplumber.open(io.BytesIO(plain)) as pdf:
        attrs = pdf.pages[0].page_obj.attrs
        assert [float(v) for v in resolve1(attrs["MediaBox"])] == [0, 0, 200, 300]
        assert [float(v) for v in resolve1(attrs["TrimBox"])] == [0, 0, 200, 300]
    bled = render_pdf(doc, bleed_mm=3, crop_marks=False)
    with pdfplumber.open(io.BytesIO(bled)) as pdf:
        attrs = pdf.pages[0].page_obj.attrs
        b = 3 * MM
        assert [float(v) for v in resolve1(attrs["MediaBox"])] == pytest.approx([0, 0, 200 + 2 * b, 300 + 2 * b])
        assert [float(v) for v in resolve1(attrs["TrimBox"])] == pytest.approx([b, b, 200 + b, 300 + b])
        assert [float(v) for v in resolve1(attrs["BleedBox"])] == pytest.approx([0, 0, 200 + 2 * b, 300 + 2 * b])
    marked = render_pdf(doc, bleed_mm=3, crop_marks=True)
    with pdfplumber.open(io.BytesIO(marked)) as pdf:
        p = pdf.pages[0]
        attrs = p.page_obj.attrs
        media = [float(v) for v in resolve1(attrs["MediaBox"])]
        trim = [float(v) for v in resolve1(attrs["TrimBox"])]
        bleed = [float(v) for v in resolve1(attrs["BleedBox"])]
        assert media[0] < bleed[0] < trim[0] and trim[2] < bleed[2] < media[2]
        assert trim[2] - trim[0] == pytest.approx(200) and trim[3] - trim[1] == pytest.approx(300)
        marks = [ln for ln in p.lines if ln["stroking_color"] == (1, 1, 1, 1)]
        assert len(marks) == 8
        for ln in marks:  # all outside the bleed
            outside_x = ln["x1"] <= bleed[0] + 1e-6 or ln["x0"] >= bleed[2] - 1e-6
            outside_y = ln["bottom"] <= media[3] - bleed[3] + 1e-6 or ln["top"] >= media[3] - bleed[1] - 1e-6
            assert outside_x or outside_y


def test_rules_and_rects_in_page_coordinates():
    page = LaidOutPage(1, 200.0, 300.0, [Rule(10, 20, 110, 20, 1.0), Rect(20, 40, 50, 30, fill=(0, 0, 0, 0.2))])
    with pdfplumber.open(io.BytesIO(render_pdf(LaidOutDocument([page])))) as pdf:
        p = pdf.pages[0]
        (line,) = p.lines
        assert (line["x0"], line["top"], line["x1"]) == pytest.approx((10, 20, 110))
        rect = p.rects[0]
        assert (rect["x0"], rect["top"], rect["width"], rect["height"]) == pytest.approx((20, 40, 50, 30))
        assert rect["non_stroking_color"] == pytest.approx((0, 0, 0, 0.2))


def _exif_rotated_jpeg() -> bytes:
    """A 40×20 image stored sideways with EXIF orientation 6 (rotate 90° clockwise to view)."""
    img = Image.new("RGB", (40, 20), (255, 0, 0))
    img.paste((0, 0, 255), (0, 0, 20, 20))  # left half blue
    exif = Image.Exif()
    exif[0x0112] = 6
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif, quality=95)
    return buf.getvalue()


def test_pictures_upright_cropped_and_cmyk():
    images = {"p.jpg": _exif_rotated_jpeg()}
    pic = Picture("p.jpg", 50, 60, 40, 40, crop=(0, 0, 1, 0.5), block_id="b")
    page = LaidOutPage(1, 200, 300, [pic])
    data = render_pdf(LaidOutDocument([page]), get_image=images.get)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        (im,) = pdf.pages[0].images
        assert (im["x0"], im["top"], im["width"], im["height"]) == pytest.approx((50, 60, 40, 40))
        assert im["srcsize"] == (20, 20)  # upright 20×40, top half kept
        assert "CMYK" in str(im["colorspace"])
        stream = im["stream"]
        filters = str(stream.attrs.get("Filter"))
        decode = stream.attrs.get("Decode")
        pixels = stream.get_data()
    # a photo stays a JPEG; Pillow's CMYK JPEGs are Adobe-inverted, so the PDF must say Decode
    assert "DCTDecode" in filters and list(decode) == [1, 0, 1, 0, 1, 0, 1, 0]
    # the upright top half is the stored left half: blue → C and M inked, Y not
    c, m, y, k = Image.open(io.BytesIO(pixels)).getpixel((0, 0))
    assert c > 200 and m > 200 and y < 40 and k < 40
    grey = render_pdf(LaidOutDocument([page]), get_image=images.get, colour="grey")
    with pdfplumber.open(io.BytesIO(grey)) as pdf:
        assert "Gray" in str(pdf.pages[0].images[0]["colorspace"])


def test_a_real_renderer_shows_the_cmyk_photo_in_its_colours_not_inverted():
    images = {"p.jpg": _exif_rotated_jpeg()}
    page = LaidOutPage(1, 200, 300, [Picture("p.jpg", 50, 60, 40, 40, crop=(0, 0, 1, 0.5), block_id="b")])
    data = render_pdf(LaidOutDocument([page]), get_image=images.get)
    png = subprocess.run([require_tool("pdftoppm"), "-r", "72", "-png", "-"], input=data, capture_output=True,
                         check=True).stdout
    r, g, b = Image.open(io.BytesIO(png)).convert("RGB").getpixel((70, 80))
    assert b > 120 and b > r + 60 and b > g + 60, (r, g, b)  # inverted it would be yellow


def test_missing_picture_draws_a_placeholder_not_a_crash():
    page = LaidOutPage(1, 200, 300, [Picture("gone.jpg", 10, 10, 30, 40)])
    data = render_pdf(LaidOutDocument([page]), get_image={}.get)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        p = pdf.pages[0]
        assert not p.images
        assert any(r["width"] == pytest.approx(30) and r["height"] == pytest.approx(40) for r in p.rects)


def test_converted_fonts_are_cached_on_disk(tmp_path, monkeypatch):
    monkeypatch.setenv("BULLETIN_CACHE_DIR", str(tmp_path))
    doc = LaidOutDocument([LaidOutPage(1, 200, 200)])
    doc.pages[0].items += compose("缓存测试一下", 13, SIZE, indent_em=0)[0].glyph_runs(10, 20)
    first = render_pdf(doc)
    cached = list((tmp_path / "fonts").glob("*.ttf"))
    assert len(cached) == 1

    def no_conversion(*_a, **_k):
        raise AssertionError("converted again")

    monkeypatch.setattr(pdf_fonts, "_convert", no_conversion)
    assert render_pdf(doc) == first
    doc.pages[0].items += compose("新字", 13, SIZE, indent_em=0)[0].glyph_runs(10, 40)
    with pytest.raises(AssertionError, match="converted again"):
        render_pdf(doc)  # a new glyph set needs a new subset


def test_truetype_user_font_and_missing_glyph_text_kept(tmp_path):
    ttf = pdf_draw.embeddable_font(default_serif_path(), 0, {ord(c): 0 for c in ""} | {
        ord(ch): FontRegistry().face("body").glyph(ch) for ch in "一二三四"
    })
    reg = FontRegistry({"body": str(ttf)}, rare_fallbacks=())
    assert not reg.face("body").is_cff
    comp = compose("一二三四\U00020bb7", 13, SIZE, reg, indent_em=0)
    assert [p.kind for p in comp.problems] == ["missing_glyph"]
    page = LaidOutPage(1, 200, 200, comp[0].glyph_runs(10, 20))
    data = render_pdf(LaidOutDocument([page]))
    chars = chars_by_line(data)
    assert "".join(c[0] for c in chars) == "一二三四\U00020bb7"  # the box still copies as 𠮷


def test_font_that_forbids_embedding_is_refused(tmp_path):
    from fontTools.ttLib import TTFont

    src = pdf_draw.embeddable_font(default_serif_path(), 0, {ord("一"): FontRegistry().face("body").glyph("一")})
    tt = TTFont(src)
    tt["OS/2"].fsType = 0x0002
    path = tmp_path / "Restricted.ttf"
    tt.save(path)
    reg = FontRegistry({"body": str(path)})
    run = compose("一", 13, SIZE, reg, indent_em=0)[0].glyph_runs(0, 10)
    with pytest.raises(PdfFontError, match="forbids"):
        render_pdf(LaidOutDocument([LaidOutPage(1, 100, 100, list(run))]))


def test_glyph_run_positions_are_absolute():
    run = GlyphRun(font=FontRegistry().face("body").key, size=10, x=20, y=30, text="甲乙",
                   glyphs=tuple(FontRegistry().face("body").glyph(c) for c in "甲乙"), xs=(0.0, 15.0),
                   advances=(10.0, 10.0))
    chars = chars_by_line(render_pdf(LaidOutDocument([LaidOutPage(1, 100, 100, [run])])))
    assert [(c[0], round(c[1], 3)) for c in chars] == [("甲", 20.0), ("乙", 35.0)]


def test_two_exports_with_different_text_in_one_process():
    """Each glyph set of a face is its own embedded font; a later export must not reuse the
    subset registered by an earlier one (reportlab merges fonts by PostScript name)."""
    for text in ("甲乙丙丁", "戊己庚辛", "甲戊子丑"):
        page = LaidOutPage(1, 200, 100, compose(text, 13, SIZE, indent_em=0)[0].glyph_runs(10, 20))
        chars = chars_by_line(render_pdf(LaidOutDocument([page])))
        assert "".join(c[0] for c in chars) == text


def test_face_of_a_collection_is_embedded(tmp_path):
    """TTC/OTC: face N is cut out of the collection, converted and embedded on its own."""
    from fontTools import subset
    from fontTools.ttLib import TTCollection, TTFont

    from layout.fonts import default_sans_path

    fonts = []
    for src, text in ((default_serif_path(), "甲乙"), (default_sans_path(), "丙丁")):
        tt = TTFont(src)
        opts = subset.Options()
        opts.name_IDs = ["*"]
        opts.notdef_outline = True
        sub = subset.Subsetter(opts)
        sub.populate(text=text)
        sub.subset(tt)
        fonts.append(tt)
    coll = TTCollection()
    coll.fonts = fonts
    path = tmp_path / "pair.otc"
    coll.save(path)
    reg = FontRegistry({"body": f"{path}#1"})
    comp = compose("丙丁", 13, SIZE, reg, indent_em=0)
    assert comp.problems == []
    data = render_pdf(LaidOutDocument([LaidOutPage(1, 100, 100, comp[0].glyph_runs(10, 20))]))
    chars = chars_by_line(data)
    assert "".join(c[0] for c in chars) == "丙丁"
    assert {c[3]["fontname"].split("+", 1)[1].rsplit("-", 1)[0] for c in chars} == {"NotoSansSC-Regular"}


def test_pictures_are_downsampled_to_print_resolution_never_upsampled():
    big = Image.new("RGB", (1200, 1600), (10, 120, 200))
    small = Image.new("RGB", (60, 80), (10, 120, 200))
    store = {}
    for name, img in (("big", big), ("small", small)):
        buf = io.BytesIO()
        img.save(buf, "PNG")
        store[name] = buf.getvalue()
    frame = (72.0, 96.0)  # 1 × 1.333 inch
    page = LaidOutPage(1, 300, 300, [Picture("big", 10, 10, *frame), Picture("small", 100, 10, *frame)])
    with pdfplumber.open(io.BytesIO(render_pdf(LaidOutDocument([page]), get_image=store.get))) as pdf:
        sizes = sorted(im["srcsize"] for im in pdf.pages[0].images)
    assert sizes == [(60, 80), (300, 400)]  # 1200 px in an inch → 300 ppi; 60 ppi stays 60

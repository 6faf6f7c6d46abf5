"""The page as a whole (DESIGN §5a, issue 10): uniform portraits, no holes, one gathered space,
no widows, no lone run-in lead at a column foot, picture blocks — checked on laid-out pages and
on the exported PDF, for the example and for a bulletin imported from text submissions."""

from __future__ import annotations

import io
import re
from collections import defaultdict

import pytest
from PIL import Image

from layout.document import lay_out_bulletin
from layout.grid import MM, make_grid
from layout.types import GlyphRun, Picture
from model.document import Bulletin, ColumnBlock, Crop, Paragraph, PictureBlock, Portrait


@pytest.fixture(scope="module")
def example_doc():
    from model.example import example_bulletin

    b = example_bulletin()
    return b, lay_out_bulletin(b)


from tests.submissions import BITS, LEADS, SUBMISSION, imported_submissions  # noqa: E402,F401 - shared generator


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """Seven city submissions of different lengths, imported as a new user would."""
    b = imported_submissions(tmp_path_factory.mktemp("subs"), 10, 7)
    return b, lay_out_bulletin(b)


def _portrait_frames(b: Bulletin, doc) -> list[Picture]:
    ids = {blk.id for _, blk in b.iter_blocks() if isinstance(blk, ColumnBlock)}
    return [i for p in doc.pages for i in p.items if isinstance(i, Picture) and i.block_id in ids]


# ---------------------------------------------------------------------------- portraits


def test_every_column_portrait_has_the_one_frame_of_the_page_setup(example_doc):
    b, doc = example_doc
    frames = _portrait_frames(b, doc)
    assert len(frames) == 9
    g = make_grid(b.page_setup)
    spec = b.page_setup.portrait
    for f in frames:
        assert f.w == pytest.approx(g.span_w(spec.width_columns))
        assert f.h == pytest.approx(f.w * spec.aspect)


def test_the_portrait_spec_sets_width_in_columns_or_mm_and_the_shape():
    from model.example import example_bulletin

    b = example_bulletin()
    b.page_setup.portrait.width_columns = 2
    b.page_setup.portrait.aspect_w, b.page_setup.portrait.aspect_h = 4, 5
    g = make_grid(b.page_setup)
    frames = _portrait_frames(b, lay_out_bulletin(b))
    assert {(round(f.w, 2), round(f.h, 2)) for f in frames} == {(round(g.span_w(2), 2), round(g.span_w(2) * 1.25, 2))}
    b.page_setup.portrait.width_mm = 30.0
    frames = _portrait_frames(b, lay_out_bulletin(b))
    assert {round(f.w, 2) for f in frames} == {round(30 * MM, 2)}


def _jpeg(w: int, h: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (w, h), (90, 90, 90)).save(out, "JPEG")
    return out.getvalue()


def test_a_crop_at_the_frame_shape_is_printed_exactly_no_side_cropping():
    from model.example import example_bulletin

    b = example_bulletin()
    name = b.images.add(_jpeg(1200, 900))  # a landscape photo, cropped by the user to 3:4
    col = next(blk for _, blk in b.iter_blocks() if isinstance(blk, ColumnBlock))
    crop = Crop(0.2, 0.0, 675 / 1200, 1.0)  # 675 × 900 px: 3:4
    col.portrait = Portrait(name, crop)
    doc = lay_out_bulletin(b)
    pic = next(i for p in doc.pages for i in p.items if isinstance(i, Picture) and i.block_id == col.id)
    assert pic.crop == pytest.approx((crop.x, crop.y, crop.w, crop.h))
    assert pic.h / pic.w == pytest.approx((crop.h * 900) / (crop.w * 1200))


def test_portraits_are_never_enlarged_to_fill_a_short_page():
    from model.example import example_bulletin

    b = example_bulletin()
    for blk in b.pages[1].blocks:
        blk.paragraphs = blk.paragraphs[:1]  # a very short page: lots of room
    frames = _portrait_frames(b, lay_out_bulletin(b))
    assert len({(round(f.w, 2), round(f.h, 2)) for f in frames}) == 1


def test_speech_block_leader_portrait_has_its_own_size():
    from model.document import SpeechBlock
    from model.example import example_bulletin

    b = example_bulletin()
    speech = next(blk for _, blk in b.iter_blocks() if isinstance(blk, SpeechBlock))
    speech.portrait = Portrait(b.images.add(_jpeg(300, 400)))
    b.page_setup.portrait.leader_width_columns = 2
    doc = lay_out_bulletin(b)
    g = make_grid(b.page_setup)
    leader = [i for p in doc.pages for i in p.items if isinstance(i, Picture) and i.block_id == speech.id]
    assert len(leader) == 1 and leader[0].w == pytest.approx(g.span_w(2))
    assert any(isinstance(i, GlyphRun) and i.block_id == speech.id and speech.speaker.name in i.text
               for p in doc.pages for i in p.items)
    assert {round(f.w, 2) for f in _portrait_frames(b, doc)} == {round(g.span_w(1), 2)}


# ---------------------------------------------------------------------------- holes and space


def _check_space_is_clear(b: Bulletin, doc) -> None:
    """Each page has at most one gathered space, which no block overlaps and which is reported
    with its size in mm (the make-up's rules themselves are tested in test_makeup.py)."""
    for page, lp in zip(b.pages, doc.pages):
        spaces = [p for p in doc.problems if p.kind == "space" and p.block_id == page.id]
        assert len(spaces) <= 1
        if lp.space is None:
            assert not spaces
            continue
        x, y, w, h = lp.space
        assert spaces, "a gathered space is always reported"
        assert spaces[0].message == f"宽 {w / MM:.0f} mm × 高 {h / MM:.0f} mm"
        for a in lp.areas:
            assert not (a.x < x + w - 0.01 and x < a.x + a.w - 0.01 and a.y < y + h - 0.01 and y < a.y + a.h - 0.01)


def test_example_space_is_reported_and_clear_of_blocks(example_doc):
    _check_space_is_clear(*example_doc)


def test_imported_space_is_reported_and_clear_of_blocks(imported):
    b, doc = imported
    _check_space_is_clear(b, doc)
    assert len({(round(f.w, 2), round(f.h, 2)) for f in _portrait_frames(b, doc)}) <= 1


def test_peer_headlines_on_a_page_stay_in_one_size_class(example_doc, imported):
    """Column headlines are set at their block's class or one class up (a taller headline that
    levels a row), never grown because a block is wide nor shrunk to squeeze one line: on one
    page the largest is at most 1.25× the smallest (issue 24)."""
    from layout.styles import HEADLINE_PEER_RATIO, STYLES

    checked = 0
    for b, doc in (example_doc, imported):
        g = make_grid(b.page_setup)
        heads = {blk.id: blk.headline for _, blk in b.iter_blocks() if isinstance(blk, ColumnBlock) and blk.headline}
        scale = {blk.id: blk.placement.headline_scale for _, blk in b.iter_blocks() if isinstance(blk, ColumnBlock)}
        for lp in doc.pages:
            sizes = []
            for area in lp.areas:
                if area.block_id not in heads:
                    continue
                base = STYLES["column_headline"].size(g.body) * scale[area.block_id]
                runs = [i for i in lp.items if isinstance(i, GlyphRun) and i.block_id == area.block_id
                        and i.text and i.text in heads[area.block_id] and i.size > g.body * 1.2]
                size = max(r.size for r in runs)
                assert base - 1e-6 <= size <= base * HEADLINE_PEER_RATIO + 1e-6
                # the headline's own width, set solid (a short one is letter-spaced wider, 拉开字距)
                by_line: dict[float, float] = {}
                for r in runs:
                    by_line[r.y] = by_line.get(r.y, 0.0) + sum(r.advances)
                width = max(by_line.values())
                assert width <= area.w + 0.5
                sizes.append(size)
                checked += 1
            if sizes:
                assert max(sizes) <= HEADLINE_PEER_RATIO * min(sizes) + 1e-6
    assert checked >= 6


def test_without_a_photo_name_and_title_run_into_one_byline(imported, example_doc):
    """No portrait: 王建　榆林市总工会主席 on one line, not a stack of short centred lines with
    white on both sides; under a photo, the caption stays stacked."""
    for (b, doc), one_line in ((imported, True), (example_doc, False)):
        checked = 0
        for _, blk in b.iter_blocks():
            if not isinstance(blk, ColumnBlock) or blk.person is None or not blk.person.titles:
                continue
            runs = [i for p in doc.pages for i in p.items if isinstance(i, GlyphRun) and i.block_id == blk.id]
            name_y = {round(r.y, 1) for r in runs if r.text.strip() and r.text.strip() in blk.person.name.replace(" ", "")}
            title_y = {round(r.y, 1) for r in runs if r.text.strip("\u3000 ") and r.text.strip("\u3000 ") in blk.person.titles[0]}
            assert name_y and title_y
            assert (min(name_y) in title_y) is one_line, blk.id
            checked += 1
        assert checked >= 5


def test_levelling_takes_paragraph_air_before_air_under_the_headline():
    """A block a line taller than its text takes that line above a paragraph start, not as a
    white band under its headline across every column."""
    from layout import document as ld
    from layout.blocks import BlockMeasurer
    from layout.document import registry_for
    from model.example import example_bulletin

    b = example_bulletin()
    col = next(blk for _, blk in b.iter_blocks() if isinstance(blk, ColumnBlock) and len(blk.paragraphs) >= 4)
    g = make_grid(b.page_setup)
    m = BlockMeasurer(g, registry_for(b)).measure(col, ld.ImageSizes(b.images))
    heights = [i.lines for i in m.items]
    keep = [i.keep for i in m.items]
    span = 2
    res = ld._reserved_cols(m, span)
    need = max(m.reserved, ld.min_height(heights, span, res, keep=keep))
    pw = len(res) if m.reserved else 0
    hit = None
    for extra in range(1, 6):
        hit = ld._fill_exact(m, heights, keep, span, need, need + extra, res, pw, 2)
        if hit is not None:
            break
    assert hit is not None
    counts, air, _end = hit
    assert air == 0


def _body_lines(doc, b: Bulletin):
    """Per block, per column: the body lines top to bottom as (y, x, text, is bold lead)."""
    g = make_grid(b.page_setup)
    body = b.page_setup.body_size_pt
    out: dict[str, dict[int, list]] = defaultdict(lambda: defaultdict(list))
    for lp in doc.pages:
        areas = {a.block_id: a for a in lp.areas}
        lines: dict[tuple[str, float], list[GlyphRun]] = defaultdict(list)
        for it in lp.items:
            if isinstance(it, GlyphRun) and it.size == body and it.block_id in areas and areas[it.block_id].kind == "column":
                lines[(it.block_id, round(it.y, 2), int((it.x - areas[it.block_id].x + body / 2) // (g.col_w + g.gutter)))].append(it)
        for (bid, y, col), runs in lines.items():
            runs.sort(key=lambda r: r.x)
            text = "".join(r.text for r in runs)
            out[bid][col].append((y, runs[0].x, text, all(r.bold > 0 for r in runs)))
    for cols in out.values():
        for c in cols:
            cols[c].sort()
    return out


def _paragraph_texts(b: Bulletin) -> dict[str, list[str]]:
    return {blk.id: [p.text.replace(" ", "") for p in blk.paragraphs] for _, blk in b.iter_blocks()
            if isinstance(blk, ColumnBlock)}


def _check_no_widow_no_lone_lead(b: Bulletin, doc) -> None:
    paras = _paragraph_texts(b)
    for bid, cols in _body_lines(doc, b).items():
        flat = [(c, ln) for c in sorted(cols) for ln in cols[c]]
        text = "".join(ln[2] for _, ln in flat)
        # where each paragraph ends in the running text of the block
        ends, pos = set(), 0
        for t in paras[bid]:
            pos = text.find(t[-6:], pos) + len(t[-6:]) if t else pos
            ends.add(pos)
        pos = 0
        for k, (c, ln) in enumerate(flat):
            start = pos
            pos += len(ln[2])
            top_of_column = k > 0 and flat[k - 1][0] != c
            if top_of_column and pos in ends:  # a paragraph's last line opens the column
                assert start in ends, f"widow in {bid}: {ln[2]}"  # allowed only when it is a one-line paragraph
            foot = k + 1 < len(flat) and flat[k + 1][0] != c
            if foot:
                assert not ln[3], f"run-in lead alone at a column foot in {bid}: {ln[2]}"


def test_no_widow_and_no_lone_lead_in_the_example(example_doc):
    _check_no_widow_no_lone_lead(*example_doc)


def test_no_widow_and_no_lone_lead_in_imported_submissions(imported):
    _check_no_widow_no_lone_lead(*imported)


def test_a_widow_is_avoided_by_the_flow():
    """A paragraph whose last line would open the second column takes a line with it."""
    from layout.blocks import BlockMeasurer
    from layout.document import registry_for

    b = Bulletin()
    g = make_grid(b.page_setup)
    m = BlockMeasurer(g, registry_for(b))
    items = m.paragraph_items(Paragraph("工会职工" * 20), g.col_chars, "x", problems=[])
    assert len(items) >= 3 and items[-2].keep and not items[-3].keep
    lead = m.paragraph_items(Paragraph("政治引领更加有力。" + "工会" * 30, lead=True), g.col_chars, "x", problems=[])
    assert lead[0].keep  # the line carrying the lead never ends a column


def test_columns_of_every_block_end_level_within_one_line(example_doc, imported):
    for b, doc in (example_doc, imported):
        pitch = doc.pages[0].grid[1]
        for bid, cols in _body_lines(doc, b).items():
            ends = [cols[c][-1][0] for c in cols]
            assert max(ends) - min(ends) <= pitch + 0.01, (bid, ends)


# ---------------------------------------------------------------------------- picture block


def test_picture_block_keeps_its_crop_shape_and_sets_its_caption():
    from layout.blocks import PICTURE_MIN_CROP_W
    from model.example import example_bulletin

    b = example_bulletin()
    name = b.images.add(_jpeg(1600, 1000))
    pic = PictureBlock(picture=Portrait(name, Crop(0.0, 0.0, 1.0, 0.8)), caption="职工书屋示范点揭牌仪式现场")
    b.pages[1].blocks.append(pic)
    doc = lay_out_bulletin(b)
    drawn = [i for p in doc.pages for i in p.items if isinstance(i, Picture) and i.block_id == pic.id]
    assert len(drawn) == 1
    # never distorted: the part of the photo shown has the frame's shape; the frame is the crop's
    # shape or taller, its sides cropped to no less than PICTURE_MIN_CROP_W of the user's crop
    cx, cy, cw, ch = drawn[0].crop
    assert (ch * 1000) / (cw * 1600) == pytest.approx(drawn[0].h / drawn[0].w, rel=1e-6)
    assert 800 / 1600 - 1e-6 <= drawn[0].h / drawn[0].w <= 800 / 1600 / PICTURE_MIN_CROP_W + 1e-6
    assert ch == pytest.approx(0.8) and cy == pytest.approx(0.0)
    assert cw >= PICTURE_MIN_CROP_W - 1e-6 and 0.0 <= cx and cx + cw <= 1.0 + 1e-9
    area = next(a for p in doc.pages for a in p.areas if a.block_id == pic.id)
    assert area.kind == "picture"
    assert area.x - 0.01 <= drawn[0].x and drawn[0].x + drawn[0].w <= area.x + area.w + 0.01
    caption = "".join(i.text for p in doc.pages for i in p.items if isinstance(i, GlyphRun) and i.block_id == pic.id)
    assert caption == "职工书屋示范点揭牌仪式现场"
    _check_space_is_clear(b, doc)


def test_picture_block_saves_and_loads(tmp_path):
    from model.example import example_bulletin
    from model.project_file import load, save
    from model.serialize import used_images

    b = example_bulletin()
    name = b.images.add(_jpeg(800, 600))
    b.pages[0].blocks.append(PictureBlock(id="picture-1", picture=Portrait(name, Crop(0.1, 0.1, 0.5, 0.5)),
                                          caption="图为活动现场"))
    b.pages[0].fixed_layout = True
    b.pages[0].blocks[0].placement.row = 0
    save(b, tmp_path / "p.bulletin")
    back = load(tmp_path / "p.bulletin")
    blk = back.find("picture-1")
    assert isinstance(blk, PictureBlock) and blk.caption == "图为活动现场" and blk.picture.crop.w == 0.5
    assert name in used_images(back) and back.pages[0].fixed_layout and back.pages[0].blocks[0].placement.row == 0


def test_version_1_file_opens_with_the_portrait_spec_it_printed_with(tmp_path):
    import json
    import zipfile
    from pathlib import Path

    from model.project_file import FORMAT_VERSION, load, save

    sample = Path(__file__).parent / "_files" / "format-v1-sample.bulletin"
    with zipfile.ZipFile(sample) as z:
        assert json.loads(z.read("bulletin.json"))["format_version"] == 1
    b = load(sample)
    assert (b.page_setup.portrait.width_columns, b.page_setup.portrait.aspect_w, b.page_setup.portrait.aspect_h) == (1, 3, 4)
    assert all(not p.fixed_layout for p in b.pages)
    save(b, tmp_path / "v2.bulletin")
    with zipfile.ZipFile(tmp_path / "v2.bulletin") as z:
        assert json.loads(z.read("bulletin.json"))["format_version"] == FORMAT_VERSION == 3


# ---------------------------------------------------------------------------- pins


def test_a_block_pinned_to_a_row_opens_that_row():
    from model.example import example_bulletin

    b = example_bulletin()
    blocks = b.pages[1].blocks
    blocks[1].placement.row = 1
    doc = lay_out_bulletin(b)
    g = make_grid(b.page_setup)
    areas = {a.block_id: a for a in doc.pages[1].areas}
    first = areas[blocks[0].id]
    pinned = areas[blocks[1].id]
    assert pinned.x == pytest.approx(g.left) and pinned.y > first.y


def test_fixed_pins_keep_other_blocks_in_place_while_one_grows():
    """With every block's span, row and height pinned, more text in one block is overset in
    that block and moves nothing else."""
    from model.example import example_bulletin

    b = example_bulletin()
    page = b.pages[1]
    doc = lay_out_bulletin(b)
    g = make_grid(b.page_setup)
    before = {a.block_id: a for a in doc.pages[1].areas}
    rows = sorted({a.y for a in before.values() if a.kind == "column"})
    for blk in page.blocks:
        a = before[blk.id]
        blk.placement.row = rows.index(a.y) if a.x == pytest.approx(g.left) else None
        blk.placement.columns = round((a.w + g.gutter) / (g.col_w + g.gutter))
        blk.placement.height_mm = a.h / MM
    doc = lay_out_bulletin(b)
    assert {a.block_id: a for a in doc.pages[1].areas} == before
    page.blocks[0].paragraphs.append(Paragraph("新增的内容" * 60))
    doc = lay_out_bulletin(b)
    after = {a.block_id: a for a in doc.pages[1].areas}
    assert after == before
    assert any(p.kind == "overset" and p.block_id == page.blocks[0].id for p in doc.problems)


# ---------------------------------------------------------------------------- PDF read-back


def test_pdf_portraits_share_one_size_and_the_space_is_not_printed(tmp_path, example_doc):
    import pdfplumber

    from commands.export import report_lines
    from exporters.pdf import write_pdf
    from model.example import example_bulletin

    b = example_bulletin()
    path = tmp_path / "ex.pdf"
    result = write_pdf(b, str(path))
    doc = result.document
    with pdfplumber.open(path) as pdf:
        for page, lp in zip(pdf.pages, doc.pages):
            sizes = {(round(float(i["x1"]) - float(i["x0"]), 1), round(float(i["bottom"]) - float(i["top"]), 1))
                     for i in page.images}
            assert len(sizes) == 1, sizes
            (w, h), = sizes
            assert h / w == pytest.approx(4 / 3, rel=1e-3)
            if lp.space is not None:  # nothing is drawn in the gathered space (no frame, no ink)
                x, y, sw, sh = lp.space
                inside = [r for r in page.rects + page.lines + page.chars
                          if float(r["x0"]) > x + 1 and float(r["x1"]) < x + sw - 1
                          and float(r["top"]) > y + 1 and float(r["bottom"]) < y + sh - 1]
                assert not inside
    lines = report_lines(result)
    assert any(re.fullmatch(r"  空位 space  \[page-\d\]  宽 \d+ mm × 高 \d+ mm：可放图片块或补稿", ln) for ln in lines), lines


def test_a_new_empty_block_is_not_reported_as_overset():
    from model.document import Page

    b = Bulletin()
    b.pages = [Page(blocks=[ColumnBlock(), PictureBlock(caption="说明")])]
    doc = lay_out_bulletin(b)
    assert not [p for p in doc.problems if p.kind == "overset"]
    kinds = [p.kind for p in doc.problems if p.block_id == b.pages[0].id]
    assert "short_copy" in kinds and set(kinds) <= {"space", "short_copy"}


def test_a_picture_block_grows_to_end_its_row_level_with_its_sides_cropped():
    """A row taller than the photo: the photo takes the height, as wide as its span, its sides
    cropped (never stretched), instead of leaving white under it."""
    from layout.blocks import PICTURE_MIN_CROP_W, BlockMeasurer
    from layout.document import ImageSizes, _draw_block, registry_for
    from layout.grid import make_grid
    from layout.types import LaidOutPage
    from model.example import example_bulletin

    b = example_bulletin()
    name = b.images.add(_jpeg(1600, 1200))
    pic = PictureBlock(picture=Portrait(name, Crop(0.0, 0.0, 1.0, 1.0)), caption="图为活动现场")
    g = make_grid(b.page_setup)
    sizes = ImageSizes(b.images)
    m = BlockMeasurer(g, registry_for(b), b.page_setup.portrait, b.page_setup.spaced_names).measure(pic, sizes)
    smallest, tallest = m.picture[0](3)
    natural_h = g.span_w(3) * 0.75
    assert tallest * g.leading > natural_h / PICTURE_MIN_CROP_W - 2 * g.leading  # room to grow is offered
    lp = LaidOutPage(1, b.page_setup.width_mm, b.page_setup.height_mm)
    _draw_block(m, g, 0, 3, 0, tallest - 1, lp, [], sizes)
    (p,) = [i for i in lp.items if isinstance(i, Picture)]
    assert p.w == pytest.approx(g.span_w(3))  # as wide as the span
    assert p.h > natural_h * 1.2  # taller than the photo's own shape
    cx, cy, cw, ch = p.crop
    assert (ch * 1200) / (cw * 1600) == pytest.approx(p.h / p.w, rel=1e-6)  # not distorted
    assert cw >= PICTURE_MIN_CROP_W - 1e-6 and ch == pytest.approx(1.0)


def test_a_short_headline_over_a_wide_block_is_letter_spaced_into_its_outer_columns():
    """拉开字距: a headline much narrower than its block opens up (at most HEADLINE_MAX_TRACK em
    between characters, about its centre) so the outer columns beside it are not white wells;
    no space opens inside a number or after an opening quote; a headline that already spans its
    block is set solid."""
    from layout.blocks import HEADLINE_MAX_TRACK, BlockMeasurer
    from layout.document import registry_for
    from layout.grid import make_grid
    from model.example import example_bulletin

    b = example_bulletin()
    g = make_grid(b.page_setup)
    measurer = BlockMeasurer(g, registry_for(b), b.page_setup.portrait, b.page_setup.spaced_names)
    head = measurer.headline("建功“十四五”2021", "x", 24.0, 24.0, [])
    _lines, draw = head(4)
    w = g.span_w(4)
    runs = [r for r in draw(0.0, 0.0, w) if isinstance(r, GlyphRun)]
    glyphs = sorted((r.x + x, ch, a) for r in runs for x, ch, a in zip(r.xs, r.text, r.advances))
    left, right = glyphs[0][0], glyphs[-1][0] + glyphs[-1][2]
    assert left < g.col_w - 2 and right > w - g.col_w + 2  # ink in both outer columns
    assert abs((left + right) / 2 - w / 2) < 1.0  # still centred
    gaps = {f"{a[1]}{b_[1]}": b_[0] - (a[0] + a[2]) for a, b_ in zip(glyphs, glyphs[1:])}
    assert gaps["功“"] > 5 and gaps["“十"] < 0.5 and gaps["20"] < 0.5 and gaps["五”"] < 0.5
    assert max(gaps.values()) <= HEADLINE_MAX_TRACK * 24.0 + 0.5
    # across two columns the same headline is set solid
    _lines, draw2 = head(2)
    runs2 = [r for r in draw2(0.0, 0.0, g.span_w(2)) if isinstance(r, GlyphRun)]
    solid = sorted((r.x + x, a) for r in runs2 for x, a in zip(r.xs, r.advances))
    assert all(b_[0] - (a[0] + a[1]) < 0.5 for a, b_ in zip(solid, solid[1:]))


# ---------------------------------------------------------------------------- air that is not a hole


def _bare_column(b: Bulletin) -> ColumnBlock:
    """The example's longest column without its portrait (a headed block of text)."""
    from dataclasses import replace

    col = max((blk for _p, blk in b.iter_blocks() if isinstance(blk, ColumnBlock)),
              key=lambda blk: sum(len(p.text) for p in blk.paragraphs))
    return replace(col, portrait=None, person=None)


def test_a_headline_takes_a_line_of_air_above_it_where_paragraph_air_runs_out():
    """A block asked to fill more lines than blank lines between its paragraphs can give stands
    its headline one line lower (one white line under the rule above: air, not a hole), and its
    columns still reach the foot; at the head of the type area it never does (white above the
    page's first line would shorten the measured page)."""
    from layout.blocks import BlockMeasurer
    from layout.document import TOP_AIR, ImageSizes, _draw_block, _natural, _stretch, registry_for
    from layout.types import LaidOutPage
    from model.example import example_bulletin

    assert TOP_AIR == 1
    b = example_bulletin()
    g = make_grid(b.page_setup)
    sizes = ImageSizes(b.images)
    m = BlockMeasurer(g, registry_for(b), b.page_setup.portrait, b.page_setup.spaced_names).measure(_bare_column(b), sizes)
    span = 3
    nat, room = _natural(m, span, g), _stretch(m, span, 1)
    assert room >= 1

    def drawn(line: int, lines: int):
        lp = LaidOutPage(1, 1105.5, 1539.2)
        _draw_block(m, g, 0, span, line, lines, lp, [], sizes)
        runs = [r for r in lp.items if isinstance(r, GlyphRun)]
        head = min(r.y for r in runs if r.size > g.body * 1.2)
        last = max(r.y for r in runs if abs(r.size - g.body) < 0.01)
        return head, last

    head_full, last_full = drawn(10, nat - 1 + room)
    head_top, last_top = drawn(0, nat - 1 + room)
    # ten lines lower, and a line of air above the headline that the head of the area never takes
    assert head_full == pytest.approx(head_top + 11 * g.leading)
    assert last_full > g.line_top(10 + nat - 1 + room) - 2 * g.leading  # the columns reach the foot
    head_nat, _ = drawn(10, nat - 1)  # a block its copy fills: no air
    head_nat0, _ = drawn(0, nat - 1)
    assert head_nat == pytest.approx(head_nat0 + 10 * g.leading)


def test_no_blank_line_strands_the_last_line_above_the_folio_zone():
    """page_quality.py measures a page down to the first text in its bottom tenth (taken for the
    folio): a paragraph opening on the last line above it after a blank line would be a stranded
    line. The blank line moves to another paragraph start, or goes."""
    from dataclasses import dataclass

    from layout.document import _clear_of_folio_zone

    @dataclass
    class Item:
        lines: int = 1
        chars: int = 10
        para_start: bool = False
        display: bool = False

    items = [Item(para_start=True), Item(), Item(), Item(para_start=True), Item(), Item(), Item(para_start=True), Item()]
    # lines from 90: the third paragraph would open on line 97 (zone 98) after a blank line on 96
    gaps = [0, 0, 0, 0, 0, 0, 1, 0]
    out = _clear_of_folio_zone(items, gaps, 90, 98)
    assert sum(out) == 1 and out[6] == 0 and out[3] == 1  # moved to the paragraph start before
    line, starts = 90, []
    for it, gap in zip(items, out):
        line += gap
        starts.append(line)
        line += it.lines
    assert not any(out[k] and starts[k] == 97 for k in range(len(items)))
    # the only paragraph start: the blank line goes (the column ends a line higher, in the zone)
    lone = [Item(para_start=True), Item(), Item(), Item(), Item(), Item(), Item(para_start=True), Item()]
    assert _clear_of_folio_zone(lone, [0, 0, 0, 0, 0, 0, 1, 0], 90, 98) == [0] * 8
    # elsewhere on the page nothing moves
    assert _clear_of_folio_zone(items, gaps, 70, 98) == gaps


def test_eight_submissions_imported_together_meet_every_makeup_rule(tmp_path):
    """Issue 24's second check: city submissions of the shapes the importer reads, imported
    together with page count and size free, come out as pages that meet every rule."""
    import subprocess
    import sys
    from pathlib import Path

    from layout.quality import measure_page
    from model.project_file import load
    from tests.editor_path_submissions import write_submissions

    files = [str(x.path) for x in write_submissions(tmp_path, 26, 8, shapes=True)]
    out = tmp_path / "out.bulletin"
    root = Path(__file__).resolve().parent.parent
    subprocess.run([sys.executable, str(root / "main.py"), "import", *files, "-o", str(out)], check=True,
                   capture_output=True, cwd=root)
    b = load(str(out))
    doc = lay_out_bulletin(b)
    g = make_grid(b.page_setup)
    for lp in doc.pages:
        q = measure_page(lp, g)
        assert q.meets, (lp.number, q.summary())
    assert not [p for p in doc.problems if p.kind in ("overset", "truncated", "short_copy")]


def test_a_portrait_block_takes_air_above_its_headline_only_under_another_block_of_its_cell():
    """A portrait at the top of a row's cell stands level with the row's others, so its block
    takes no air above its headline; stacked under another block it has no row to level with."""
    from layout.blocks import BlockMeasurer
    from layout.document import TOP_AIR, ImageSizes, _top_air, registry_for
    from model.example import example_bulletin

    b = example_bulletin()
    g = make_grid(b.page_setup)
    col = next(blk for _p, blk in b.iter_blocks() if isinstance(blk, ColumnBlock) and blk.portrait and blk.headline)
    m = BlockMeasurer(g, registry_for(b), b.page_setup.portrait, b.page_setup.spaced_names).measure(col, ImageSizes(b.images))
    assert m.has_picture and m.top is not None
    assert _top_air(m, 3) == 0
    assert _top_air(m, 3, stacked=True) == TOP_AIR

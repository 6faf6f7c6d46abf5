"""Geometry of composed pages: what a make-up editor checks on a proof."""

from __future__ import annotations

from collections import Counter, defaultdict

import pytest

from layout.document import lay_out_bulletin
from layout.types import GlyphRun, Picture
from model.document import ColumnBlock, Paragraph, block_texts


@pytest.fixture(scope="module")
def laid():
    from model.example import example_bulletin

    b = example_bulletin()
    return b, lay_out_bulletin(b)


def _overlap(a, b) -> bool:
    return a.x < b.x + b.w - 0.01 and b.x < a.x + a.w - 0.01 and a.y < b.y + b.h - 0.01 and b.y < a.y + a.h - 0.01


def test_two_pages_every_block_placed_once(laid):
    b, doc = laid
    assert len(doc.pages) == 2
    placed = [a.block_id for p in doc.pages for a in p.areas]
    expected = []
    for page in b.pages:
        expected += [x.id for x in (page.banner, page.headline) if x] + [x.id for x in page.blocks]
    assert sorted(placed) == sorted(expected)


def test_no_overlapping_blocks_and_all_inside_the_trim(laid):
    _, doc = laid
    for page in doc.pages:
        for i, a in enumerate(page.areas):
            assert 0 <= a.x and a.x + a.w <= page.width and 0 <= a.y and a.y + a.h <= page.height, a
            for other in page.areas[i + 1:]:
                assert not _overlap(a, other), (a, other)
        for item in page.items:
            if isinstance(item, GlyphRun):
                assert 0 <= item.x and item.x + item.xs[-1] + item.advances[-1] <= page.width + 0.01
                assert item.size <= item.y <= page.height


def test_body_lines_sit_on_the_page_baseline_grid(laid):
    b, doc = laid
    body = b.page_setup.body_size_pt
    for page in doc.pages:
        first, pitch = page.grid
        assert pitch > 0
        n = 0
        for item in page.items:
            if isinstance(item, GlyphRun) and item.size == body and item.block_id:
                k = (item.y - first) / pitch
                assert abs(k - round(k)) < 1e-6, (item.text, item.y)
                n += 1
        assert n > 100


def test_every_character_is_placed_exactly_once_or_reported(laid):
    b, doc = laid
    drawn: dict[str, Counter] = defaultdict(Counter)
    for page in doc.pages:
        for item in page.items:
            if isinstance(item, GlyphRun):
                drawn[item.block_id].update(ch for ch in item.text if not ch.isspace())
    overset = Counter()
    for p in doc.problems:
        if p.kind == "overset":
            overset[p.block_id] += p.chars
    for page in b.pages:
        for block in (page.banner, page.headline, *page.blocks):
            if block is None:
                continue
            want = Counter(ch for t in block_texts(block) for ch in t if not ch.isspace())
            got = drawn[block.id]
            assert got - want == Counter(), block.id  # nothing invented or doubled
            assert sum((want - got).values()) == overset[block.id], block.id  # the rest is reported


def test_columns_of_a_block_end_level(laid):
    from layout.grid import make_grid

    b, doc = laid
    body = b.page_setup.body_size_pt
    g = make_grid(b.page_setup)
    for page in doc.pages:
        pitch = page.grid[1]
        for area in page.areas:
            if area.kind != "column":
                continue
            ends: dict[int, float] = {}
            for item in page.items:
                if isinstance(item, GlyphRun) and item.block_id == area.block_id and item.size == body:
                    # + half an em: an opening bracket at line start hangs left of the column
                    col = int((item.x - area.x + g.body / 2) // (g.col_w + g.gutter))
                    ends[col] = max(ends.get(col, 0), item.y)
            cols = sorted(ends.values())
            if len(cols) > 1:
                assert cols[-1] - cols[0] <= pitch + 0.01, (area.block_id, cols)


def test_portraits_are_drawn_in_their_block(laid):
    b, doc = laid
    pictures = [i for p in doc.pages for i in p.items if isinstance(i, Picture)]
    assert len(pictures) == 9
    for pic in pictures:
        area = next(a for p in doc.pages for a in p.areas if a.block_id == pic.block_id)
        assert area.x - 0.01 <= pic.x and pic.x + pic.w <= area.x + area.w + 0.01
        assert area.y <= pic.y and pic.y + pic.h <= area.y + area.h + 0.01
        assert pic.h / pic.w == pytest.approx(4 / 3, rel=0.25)


def test_overset_is_reported_with_characters_and_lines():
    from model.example import example_bulletin

    b = example_bulletin()
    col = next(x for _, x in b.iter_blocks() if isinstance(x, ColumnBlock))
    col.paragraphs = [Paragraph("工会职工" * 600)] * 6  # far more than a page
    doc = lay_out_bulletin(b)
    over = [p for p in doc.problems if p.kind == "overset"]
    assert over, doc.problems
    assert sum(p.chars for p in over) > 1000 and all(p.lines > 0 for p in over)
    assert any(p.block_id == col.id for p in over)


def test_manual_span_override_is_honoured():
    from model.example import example_bulletin

    b = example_bulletin()
    col = b.pages[1].blocks[0]
    col.placement.columns = 3
    doc = lay_out_bulletin(b)
    area = next(a for a in doc.pages[1].areas if a.block_id == col.id)
    from layout.grid import make_grid

    g = make_grid(b.page_setup)
    assert area.w == pytest.approx(g.span_w(3))


def test_underset_is_reported_for_a_short_block():
    from model.example import example_bulletin

    b = example_bulletin()
    for page in b.pages:
        for blk in page.blocks:
            if isinstance(blk, ColumnBlock):
                blk.paragraphs = blk.paragraphs[:1]
    doc = lay_out_bulletin(b)
    assert any(p.kind == "underset" and p.lines > 2 for p in doc.problems)


def test_fixed_height_override_is_honoured():
    from layout.grid import make_grid
    from model.example import example_bulletin

    b = example_bulletin()
    col = b.pages[1].blocks[1]
    col.placement.columns = 4
    col.placement.height_mm = 60.0
    doc = lay_out_bulletin(b)
    area = next(a for a in doc.pages[1].areas if a.block_id == col.id)
    g = make_grid(b.page_setup)
    assert area.h == pytest.approx(round(60.0 * 72 / 25.4 / g.leading) * g.leading)
    assert any(p.block_id == col.id and p.kind == "overset" for p in doc.problems)  # 60 mm is too short


def test_names_are_set_bold_in_hei(laid):
    b, doc = laid
    names = [i for p in doc.pages for i in p.items if isinstance(i, GlyphRun) and i.text == "薛振虎"]
    assert names and all(n.bold > 0 for n in names)
    assert "Sans" in names[0].font


def test_image_sizes_are_upright_for_rotated_phone_photos():
    import io

    from PIL import Image

    from layout.document import ImageSizes
    from model.images import ImageStore

    store = ImageStore()
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° on display: a portrait photo stored landscape
    out = io.BytesIO()
    Image.new("RGB", (400, 300), "grey").save(out, "JPEG", exif=exif.tobytes())
    rotated = store.add(out.getvalue())
    out = io.BytesIO()
    Image.new("RGB", (400, 300), "grey").save(out, "PNG")
    plain = store.add(out.getvalue())
    sizes = ImageSizes(store)
    assert sizes.size(rotated) == (300, 400)
    assert sizes.size(plain) == (400, 300)

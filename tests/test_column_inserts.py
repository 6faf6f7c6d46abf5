"""Issue 25: a column's news photos, tables and kicker — in the model and its file format (version 3,
migrated from 2), and as the layout measures and draws them."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from layout import document as ld
from layout.blocks import BlockMeasurer
from layout.column_inserts import is_figure
from layout.document import lay_out_bulletin, registry_for
from layout.grid import make_grid
from layout.types import GlyphRun, Picture, Rule
from model.document import (
    Bulletin,
    ColumnBlock,
    ColumnPhoto,
    ColumnTable,
    Page,
    Paragraph,
    Person,
    Portrait,
    TableRow,
)
from model.project_file import FORMAT_VERSION, load, save
from model.serialize import ModelError, validate

FILES = Path(__file__).parent / "_files"
TABLE = ColumnTable([TableRow(["项目", "数量"]), TableRow(["职工书屋", "36个"]), TableRow(["帮扶资金", "1200.5万元"]),
                     TableRow(["慰问", "3000户"])], after=1)
WIDE = ColumnTable([TableRow(["项目", "一季度", "二季度", "三季度", "全年合计"]),
                    TableRow(["劳动竞赛参与人次", "12000", "13500", "9800", "35300"]),
                    TableRow(["帮扶资金（万元）", "120.5", "98", "110.25", "328.75"])], after=2)


def _jpeg(size=(1600, 1000)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, (90, 140, 200)).save(buf, "JPEG")
    return buf.getvalue()


def _bulletin(*, photo=True, tables=(TABLE,), kicker="") -> tuple[Bulletin, ColumnBlock]:
    b = Bulletin()
    col = ColumnBlock(headline="当好全省工会排头兵", kicker=kicker, person=Person("薛振虎", ["市总工会主席"]),
                      paragraphs=[Paragraph("职工书屋建设扎实推进，" * 8 + "成效明显。") for _ in range(3)])
    if photo:
        col.photos.append(ColumnPhoto(Portrait(b.images.add(_jpeg(), "t")), "图为职工技能大赛现场。", after=1))
    col.tables = [ColumnTable([TableRow(list(r.cells)) for r in t.rows], t.header_rows, t.after) for t in tables]
    b.pages.append(Page(blocks=[col]))
    return b, col


def test_flow_puts_photos_and_tables_after_their_paragraph():
    _b, col = _bulletin(tables=(TABLE, WIDE))
    flow = col.flow()
    kinds = [type(x).__name__ for x in flow]
    assert kinds == ["Paragraph", "ColumnPhoto", "ColumnTable", "Paragraph", "ColumnTable", "Paragraph"]
    col.photos[0].after = 99  # past the end: after the last paragraph, never lost
    assert col.flow()[-1] is col.photos[0]


def test_photos_and_tables_survive_save_and_load(tmp_path):
    b, col = _bulletin(tables=(TABLE,), kicker="奋进新征程")
    save(b, tmp_path / "x.bulletin")
    again = load(tmp_path / "x.bulletin")
    c = again.pages[0].blocks[0]
    assert c.kicker == "奋进新征程" and c.photos[0].caption == col.photos[0].caption
    assert again.images.get(c.photos[0].picture.image) == b.images.get(col.photos[0].picture.image)
    assert [r.cells for r in c.tables[0].rows] == [r.cells for r in TABLE.rows] and c.tables[0].after == 1


def test_version_2_sample_file_opens_and_its_columns_start_without_photos_or_tables():
    with zipfile.ZipFile(FILES / "format-v2-sample.bulletin") as zf:
        assert json.loads(zf.read("bulletin.json"))["format_version"] == 2
    b = load(FILES / "format-v2-sample.bulletin")
    cols = [blk for _, blk in b.iter_blocks() if isinstance(blk, ColumnBlock)]
    assert cols and all(c.photos == [] and c.tables == [] and c.kicker == "" for c in cols)
    assert cols[0].person.name == "薛振虎" and FORMAT_VERSION == 3


@pytest.mark.parametrize("change, field", [
    (lambda c: setattr(c.tables[0], "after", -1), "tables[0].after"),
    (lambda c: setattr(c.tables[0], "header_rows", 9), "tables[0].header_rows"),
    (lambda c: setattr(c.photos[0], "after", -3), "photos[0].after"),
    (lambda c: setattr(c.photos[0].picture, "image", "0" * 64 + ".png"), "photos[0].picture.image"),
])
def test_bad_photo_or_table_fields_are_named(change, field):
    b, col = _bulletin()
    change(col)
    with pytest.raises(ModelError) as err:
        validate(b)
    assert field in err.value.path


def test_figures():
    assert all(is_figure(t) for t in ("36个", "1200.5万元", "3,000", "12.5%", "-12", "３６"))
    assert not any(is_figure(t) for t in ("职工书屋", "2020年，", "第1名工人", ""))


def _measure(b: Bulletin, col: ColumnBlock):
    g = make_grid(b.page_setup)
    return g, BlockMeasurer(g, registry_for(b)).measure(col, ld.ImageSizes(b.images))


def test_a_news_photo_is_measured_and_drawn_one_column_wide_with_its_caption():
    b, col = _bulletin(tables=())
    g, with_photo = _measure(b, col)
    plain, _ = _bulletin(photo=False, tables=())
    _, without = _measure(plain, plain.pages[0].blocks[0])
    extra = sum(i.lines for i in with_photo.items) - sum(i.lines for i in without.items)
    # the picture (width × 1000/1600, 1 pt air above and below), its caption line and a line of air
    assert extra == -(-(g.col_w * 1000 / 1600 + 2.0) // g.leading) + 1 + 1
    doc = lay_out_bulletin(b)
    pics = [it for it in doc.pages[0].items if isinstance(it, Picture) and it.image == col.photos[0].picture.image]
    assert len(pics) == 1 and abs(pics[0].w - g.col_w) < 0.01
    caption = [it for it in doc.pages[0].items if isinstance(it, GlyphRun) and it.text.startswith("图为")]
    assert caption and caption[0].y > pics[0].y + pics[0].h and abs(caption[0].x - pics[0].x) < 1.0
    assert not [p for p in doc.problems if p.kind in ("overset", "truncated", "bad_image")]
    assert not [p for p in doc.problems if p.kind == "low_res"]  # 1600 px across 41 mm


def test_a_low_resolution_news_photo_is_reported():
    b, col = _bulletin(tables=())
    col.photos[0].picture = Portrait(b.images.add(_jpeg((200, 120)), "small"))
    doc = lay_out_bulletin(b)
    low = [p for p in doc.problems if p.kind == "low_res" and p.block_id == col.id]
    assert low and low[0].number("ppi") < 300


def test_a_table_is_ruled_with_figures_aligned_on_the_decimal_point():
    figures = ColumnTable([TableRow(["项目", "万元"]), TableRow(["职工书屋", "12.5"]), TableRow(["帮扶", "3"]),
                           TableRow(["慰问", "110.25"])], after=1)
    b, col = _bulletin(photo=False, tables=(figures,))
    g = make_grid(b.page_setup)
    doc = lay_out_bulletin(b)
    items = doc.pages[0].items
    runs = {it.text: it for it in items if isinstance(it, GlyphRun) and it.block_id == col.id}
    assert {"职工书屋", "帮扶", "慰问", "12.5", "3", "110.25"} <= set(runs)
    assert abs(runs["职工书屋"].x - runs["帮扶"].x) < 0.01  # text cells flush left

    def point(run: GlyphRun) -> float:  # where the decimal point is, or would be
        k = run.text.find(".")
        return run.x + (run.xs[k] if k >= 0 else run.xs[-1] + run.advances[-1])

    assert point(runs["12.5"]) == pytest.approx(point(runs["3"]), abs=0.6)
    assert point(runs["12.5"]) == pytest.approx(point(runs["110.25"]), abs=0.6)
    ends = [r.x + r.xs[-1] + r.advances[-1] for r in (runs["12.5"], runs["110.25"])]
    assert ends[1] > ends[0] + 1.0  # right-aligned on the point, not on the last digit
    rules = [it for it in items if isinstance(it, Rule) and abs(it.y0 - it.y1) < 0.01
             and abs((it.x1 - it.x0) - g.col_w) < 0.01]
    assert len(rules) >= 5  # top, one per row, bottom: ruled, one column wide
    verticals = [it for it in items if isinstance(it, Rule) and abs(it.x0 - it.x1) < 0.01 and
                 runs["职工书屋"].x < it.x0 < point(runs["12.5"])]
    assert len(verticals) == 4  # between the two columns, on every row


def test_a_table_too_wide_for_a_column_spans_the_whole_block():
    b, col = _bulletin(photo=False, tables=(WIDE,))
    g = make_grid(b.page_setup)
    doc = lay_out_bulletin(b)
    area = next(a for a in doc.pages[0].areas if a.block_id == col.id)
    assert area.w > g.col_w * 2
    rules = [it for it in doc.pages[0].items if isinstance(it, Rule) and abs(it.y0 - it.y1) < 0.01
             and abs(it.x0 - area.x) < 0.01 and abs((it.x1 - it.x0) - area.w) < 0.01]
    assert len(rules) >= 4  # top, one per row, bottom: across the whole block
    texts = "".join(it.text for it in doc.pages[0].items if isinstance(it, GlyphRun))
    for cell in ("劳动竞赛参与人次", "35300", "328.75", "全年合计"):
        assert cell in texts


@pytest.mark.parametrize("rows", [
    [[]], [[], []], [["只有一格"]], [["a", "b", "c"], ["1"]], [["长" * 500, "1"], ["短", "2"]],
    [[str(i) for i in range(20)], ["数"] * 20], [["", ""], ["", ""]],
])
def test_odd_tables_lay_out_and_export_without_losing_their_text(rows, tmp_path):
    from exporters.docx import docx_bytes
    from exporters.pdf import write_pdf

    table = ColumnTable([TableRow(r) for r in rows], header_rows=min(1, len(rows)), after=0)
    b, col = _bulletin(photo=False, tables=(table,))
    doc = lay_out_bulletin(b)
    drawn = "".join(it.text for p in doc.pages for it in p.items if isinstance(it, GlyphRun))
    lost = sum(p.chars for p in doc.problems if p.kind in ("overset", "truncated"))
    for cell in (c for r in rows for c in r if c):
        assert cell in drawn or lost  # drawn, or reported as overset
    write_pdf(b, str(tmp_path / "t.pdf"))
    assert docx_bytes(b).data[:2] == b"PK"


def test_in_columns_too_narrow_for_a_photo_it_is_set_across_the_block_with_its_caption():
    from layout.blocks import PHOTO_MIN_COLUMN_MM
    from layout.grid import MM

    b, col = _bulletin(tables=())
    b.page_setup.columns = 12
    g = make_grid(b.page_setup)
    assert g.col_w < PHOTO_MIN_COLUMN_MM * MM
    doc = lay_out_bulletin(b)
    area = next(a for a in doc.pages[0].areas if a.block_id == col.id)
    (pic,) = [it for it in doc.pages[0].items if isinstance(it, Picture) and it.image == col.photos[0].picture.image]
    assert pic.w == pytest.approx(area.w, abs=0.01) and area.w > g.col_w * 2
    caption = "".join(it.text for it in doc.pages[0].items if isinstance(it, GlyphRun) and pic.y + pic.h < it.y
                      < pic.y + pic.h + 3 * g.leading)
    assert "图为职工技能大赛现场" in caption

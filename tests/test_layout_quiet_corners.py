"""Everything that cannot be printed is reported (issue 29, point 6 and 11): a portrait whose
printed part has too few pixels down (not only across), a page title on an extreme page."""

from __future__ import annotations

import io

import pytest
from PIL import Image

import model.document as d
from layout.document import lay_out_bulletin
from layout.types import GlyphRun


def _png(w: int, h: int) -> bytes:
    out = io.BytesIO()
    Image.linear_gradient("L").resize((w, h)).save(out, "PNG")
    return out.getvalue()


def _with_portrait(w: int, h: int, crop: d.Crop | None = None) -> d.Bulletin:
    b = d.Bulletin(pages=[d.Page()])
    name = b.images.add(_png(w, h), "portrait")
    col = d.ColumnBlock(headline="标题", person=d.Person("王芳", ["市总工会主席"]),
                        portrait=d.Portrait(name, crop or d.Crop()),
                        paragraphs=[d.Paragraph("2020年，西安市总工会扎实开展建设。" * 20)])
    b.pages[0].blocks.append(col)
    return b


@pytest.mark.parametrize("w, h", [(20000, 20), (20, 20000), (1, 1)])
def test_a_portrait_too_thin_in_either_direction_is_reported(w, h):
    doc = lay_out_bulletin(_with_portrait(w, h))
    low = [p for p in doc.problems if p.kind == "low_res"]
    assert low, f"{w}×{h} portrait printed without a warning"


def test_a_sharp_portrait_is_not_reported():
    doc = lay_out_bulletin(_with_portrait(1800, 2400))
    assert not [p for p in doc.problems if p.kind == "low_res"]


def test_a_page_title_on_an_extreme_page_is_drawn_as_far_as_it_fits_and_the_rest_reported():
    """The page edge cut the subtitle; everything else on the page vanished too, title included,
    with only the subtitle's two characters reported."""
    b = d.Bulletin(page_setup=d.PageSetup(preset="custom", width_mm=2000, height_mm=50,
                                          margins=d.Margins(16, 16, 16, 16), columns=20))
    b.pages = [d.Page(headline=d.HeadlineGroup(kicker="引题", title="奋进新时代建功新征程", subtitle="副题"))]
    doc = lay_out_bulletin(b)
    drawn = "".join(i.text for i in doc.pages[0].items if isinstance(i, GlyphRun))
    lost = sum(p.chars for p in doc.problems if p.kind == "truncated")
    title = "引题奋进新时代建功新征程副题"
    assert sum(1 for ch in drawn if ch in title) + lost >= len(title), (drawn, lost)
    assert "奋进新时代建功新征程" in drawn


def test_too_much_text_for_any_page_is_reported_not_measured_without_end():
    from layout.grid import make_grid
    from layout.limits import page_capacity

    paras = [d.Paragraph("职工之家建设稳步推进。" * 1000) for _ in range(30)]  # 330,000 characters
    portrait_bulletin = _with_portrait(1800, 2400)
    col = portrait_bulletin.pages[0].blocks[0]
    col.paragraphs = paras
    image = col.portrait.image
    doc = lay_out_bulletin(portrait_bulletin)
    cap = page_capacity(make_grid(portrait_bulletin.page_setup))
    too_much = [p for p in doc.problems if p.kind == "overset" and "too much text" in p.message]
    assert too_much and too_much[0].block_id == col.id and f"{cap:,}" in too_much[0].message
    assert col.paragraphs is paras and len(paras) == 30  # the bulletin keeps every character
    assert col.portrait.image == image
    assert any(getattr(i, "image", None) == image for i in doc.pages[0].items)  # the portrait still drawn

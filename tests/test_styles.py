"""One style sheet (issue 18): the page layout and the DOCX read each text role's size from
layout/styles.py, so changing it there changes both."""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

import docx
from docx.oxml.ns import qn

from layout import styles as ts

ROOT = Path(__file__).resolve().parent.parent


def test_sizes_follow_the_rule_the_layout_uses():
    assert ts.STYLES["title"].size(10.5) == 60.0 == min(6.0 * 10.5, 60.0)
    assert ts.STYLES["title"].size(9.0) == 54.0 and ts.STYLES["title"].min_size(9.0) == 22.5
    assert ts.STYLES["column_headline"].size(10.5) == 24.0 and ts.STYLES["column_headline"].size(8.0) == 2.6 * 8.0
    assert ts.STYLES["name"].size(10.5) == 1.3 * 10.5
    assert ts.banner_ratios(1) == [0.55] and ts.banner_ratios(3) == [0.28, 0.62, 0.28]
    assert ts.banner_height(16.0) == 80.0
    from layout.fonts import ROLES

    assert {s.font_role for s in ts.STYLES.values()} <= set(ROLES)


def test_changing_a_role_in_the_sheet_changes_the_pdf_and_the_docx(example, monkeypatch):
    from exporters.docx import docx_bytes
    from layout.document import _MEASURED, lay_out_bulletin
    from layout.types import GlyphRun

    monkeypatch.setitem(ts.STYLES, "name", dataclasses.replace(ts.STYLES["name"], rel=1.6))
    _MEASURED.clear()  # measured blocks are cached by content, not by style sheet
    try:
        laid_out = lay_out_bulletin(example)
    finally:
        _MEASURED.clear()
    name = example.pages[0].blocks[1].person.name
    sizes = {round(it.size, 2) for p in laid_out.pages for it in p.items
             if isinstance(it, GlyphRun) and it.text == name}
    assert sizes == {round(1.6 * example.page_setup.body_size_pt, 2)}
    doc = docx.Document(io.BytesIO(docx_bytes(example).data))
    sz = doc.styles["人名"].element.rPr.find(qn("w:sz")).get(qn("w:val"))
    assert int(sz) == round(1.6 * example.page_setup.body_size_pt * 2)


def test_no_typographic_literals_left_in_the_page_composer():
    """The numbers the style sheet names must not come back as literals."""
    for rel in ("layout/blocks.py", "layout/document.py", "layout/grid.py"):
        src = (ROOT / rel).read_text(encoding="utf-8")
        for literal in ("0.88", "0.55", "0.28", "0.62", "0.38", "0.999", "2.6 *", "1.3 *", "1.25 *", "1.8 *",
                        "1.9 *", "6.0 *", "2.5 *"):
            assert literal not in src, (rel, literal)


def test_one_kinsoku_source():
    """The DOCX takes its line-start/line-end sets from layout/cjk.py; no exporter has its own."""
    for path in (ROOT / "exporters").glob("*.py"):
        src = path.read_text(encoding="utf-8")
        assert not re.search(r"NO_LINE_(START|END)\s*=", src), path.name
        assert "、。〃" not in src and "）］｝" not in src, path.name

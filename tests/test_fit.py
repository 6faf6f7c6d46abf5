"""Copy-fit (适配版面): bounded changes that make pages better, never worse, printed and saved."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from layout.document import lay_out_bulletin
from layout.fit import _page_score, apply, fit_bulletin
from model.document import ColumnBlock

ROOT = Path(__file__).resolve().parent.parent


def _score(b) -> float:
    doc = lay_out_bulletin(b)
    return _page_score(doc.problems)


def _overset_page_one():
    from copy import deepcopy

    from model.example import example_bulletin

    b = example_bulletin()
    clone = deepcopy(b.pages[1].blocks[1])
    clone.id = "column-clone"
    clone.paragraphs = clone.paragraphs * 2  # about a third of a page
    b.pages[0].blocks.append(clone)  # page 1 is full already: this one is overset
    b.page_setup.fit.move_blocks = True
    return b, clone


def test_overset_block_moves_to_the_next_page_when_allowed():
    b, clone = _overset_page_one()
    before = lay_out_bulletin(b)
    assert any(p.kind == "overset" for p in before.problems)
    changes = fit_bulletin(b)
    assert clone in b.pages[0].blocks  # fit_bulletin proposes, it does not change
    apply(changes)
    assert clone in b.pages[1].blocks and clone not in b.pages[0].blocks
    after = lay_out_bulletin(b)
    assert not any(p.kind == "overset" for p in after.problems)
    assert any("移入" in c.text for c in changes)


def test_blocks_stay_put_unless_the_page_setup_allows_moving():
    b, clone = _overset_page_one()
    b.page_setup.fit.move_blocks = False
    apply(fit_bulletin(b))
    assert clone in b.pages[0].blocks


def test_fit_never_makes_the_pages_worse_and_keeps_limits():
    from model.example import example_bulletin

    b = example_bulletin()
    for blk in b.pages[1].blocks:
        if isinstance(blk, ColumnBlock):
            blk.paragraphs = blk.paragraphs[:3]
    body = b.page_setup.body_size_pt
    before = _score(b)
    changes = fit_bulletin(b)
    apply(changes)
    assert _score(b) <= before
    assert b.page_setup.body_size_pt == body
    limits = b.page_setup.fit
    for _, blk in b.iter_blocks():
        assert limits.headline_scale_min <= blk.placement.headline_scale <= limits.headline_scale_max


def test_fixed_layout_page_is_left_alone():
    from model.example import example_bulletin

    b = example_bulletin()
    for page in b.pages:
        page.fixed_layout = True
    assert not [c for c in fit_bulletin(b) if c.attr == "placement"]


def test_cli_prints_changes_and_saves(tmp_path):
    from model.project_file import load, save

    b, clone = _overset_page_one()
    src = tmp_path / "in.bulletin"
    save(b, src)
    out = tmp_path / "out.bulletin"
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "fit", str(src), "-o", str(out)],
                       capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert r.returncode == 0, r.stderr
    assert "before:" in r.stdout and "after:" in r.stdout and "移入" in r.stdout
    assert f"wrote {out}" in r.stdout
    fitted = load(out)
    assert any(blk.id == "column-clone" for blk in fitted.pages[1].blocks)
    assert any(blk.id == "column-clone" for blk in load(src).pages[0].blocks)  # the input is untouched


def test_without_photos_fit_leaves_the_portrait_size_class_alone(tmp_path):
    """Imported submissions have no photos yet: the portrait column then holds only bylines,
    and widening it only adds white beside them (issue 10), so copy-fit does not touch it."""
    from tests.submissions import imported_submissions

    b = imported_submissions(tmp_path, 6, 9)
    assert not any(getattr(blk, "portrait", None) for _, blk in b.iter_blocks())
    width = b.page_setup.portrait.width_columns
    changes = fit_bulletin(b)
    assert not [c for c in changes if "肖像" in c.text]
    apply(changes)
    assert b.page_setup.portrait.width_columns == width

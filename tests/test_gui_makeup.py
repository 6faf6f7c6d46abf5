"""The editor decides (issue 10): pin a block by dragging its edge in the preview, see and
remove pins in the form and outline, fix a page so typing moves nothing else, add a picture
block, run 适配版面 as one undoable step, see the page's free space as a dashed frame."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from layout.document import lay_out_bulletin
from layout.grid import MM, make_grid
from model.document import PictureBlock
from tests.test_gui_helpers import first_column, type_text, wait_layout

pytest_plugins = ("tests.test_gui_helpers",)  # its fixtures: gui_env, make_window


@pytest.fixture
def real_window(make_window):
    return lambda **kw: make_window(layout_fn=lay_out_bulletin, **kw)


def _area(w, block_id):
    doc = w.runner.result.document
    for i, page in enumerate(doc.pages):
        for a in page.areas:
            if a.block_id == block_id:
                return i, a
    raise AssertionError(block_id)


def _drag(qtbot, canvas, start: QPoint, end: QPoint) -> None:
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas, end)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=end)


def test_dragging_the_right_edge_pins_the_span_and_undo_unpins(real_window, qtbot):
    w = real_window()
    w.preview.set_zoom(0.5)
    block = w.doc.bulletin.pages[1].blocks[0]
    i, a = _area(w, block.id)
    g = make_grid(w.doc.bulletin.page_setup)
    canvas = w.preview.canvas
    r = canvas.widget_rect(i, a)
    y = int(r.top() + r.height() / 2)
    start = QPoint(int(round(r.right())), y)
    assert canvas.edge_at(start.toPointF())[2] == "w"
    old_span = round((a.w + g.gutter) / (g.col_w + g.gutter))
    target = g.span_w(old_span - 1) * canvas.scale
    _drag(qtbot, canvas, start, QPoint(int(r.left() + target), y))
    assert block.placement.columns == old_span - 1
    wait_layout(qtbot, w)
    assert _area(w, block.id)[1].w == pytest.approx(g.span_w(old_span - 1))
    assert w.form.item is block and w.outline._items[block.id].text(0).endswith(f"［固定 {old_span - 1} 栏］")
    w.act_undo.trigger()
    assert block.placement.columns is None


def test_dragging_the_bottom_edge_pins_the_height_and_the_form_unpins(real_window, qtbot):
    w = real_window()
    w.preview.set_zoom(0.5)
    block = w.doc.bulletin.pages[1].blocks[1]
    i, a = _area(w, block.id)
    g = make_grid(w.doc.bulletin.page_setup)
    canvas = w.preview.canvas
    r = canvas.widget_rect(i, a)
    x = int(r.left() + r.width() / 2)
    start = QPoint(x, int(round(r.bottom())))
    assert canvas.edge_at(start.toPointF())[2] == "h"
    _drag(qtbot, canvas, start, QPoint(x, int(round(r.bottom() + 10 * g.leading * canvas.scale))))
    assert block.placement.height_mm == pytest.approx((round(a.h / g.leading) + 10) * g.leading / MM, abs=0.1)
    wait_layout(qtbot, w)
    assert w.form.pins.height.value() == pytest.approx(block.placement.height_mm, abs=0.05)
    w.form.pins.unpin.click()
    assert block.placement.height_mm is None and block.placement.columns is None


def test_fixed_layout_page_keeps_other_blocks_still_while_typing(real_window, qtbot):
    w = real_window()
    page = w.doc.bulletin.pages[1]
    w.select(page.id)
    before = {a.block_id: a for a in w.runner.result.document.pages[1].areas}
    w.form.fixed.setChecked(True)
    assert page.fixed_layout and all(b.placement.columns for b in page.blocks)
    wait_layout(qtbot, w)
    assert {a.block_id: a for a in w.runner.result.document.pages[1].areas} == before
    block = page.blocks[0]
    w.select(block.id)
    editor = w.form.body.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, "又增加了一段很长的文字" * 30)
    wait_layout(qtbot, w)
    doc = w.runner.result.document
    assert {a.block_id: a for a in doc.pages[1].areas} == before  # nothing moved
    assert any(p.kind == "overset" and p.block_id == block.id for p in doc.problems)
    # one undo step took the page out of fixed layout and the pins with it
    w.select(page.id)
    w.form.fixed.setChecked(False)
    assert not page.fixed_layout and all(b.placement.columns is None for b in page.blocks)
    w.act_undo.trigger()
    assert page.fixed_layout and all(b.placement.columns for b in page.blocks)


def test_add_picture_block_edit_caption_and_undo(real_window, qtbot):
    w = real_window()
    col = first_column(w.doc.bulletin)
    w.select(col.id)
    w.act_add_picture.trigger()
    page = next(p for p in w.doc.bulletin.pages if any(b.id == w.selected_id for b in p.blocks))
    block = w.doc.bulletin.find(w.selected_id)
    assert isinstance(block, PictureBlock) and type(w.form).__name__ == "PictureForm"
    w.form.caption.setPlainText("图为职工书屋揭牌现场")
    assert block.caption == "图为职工书屋揭牌现场"
    wait_layout(qtbot, w)
    assert "图片" in w.outline._items[block.id].text(0)
    assert any(a.block_id == block.id and a.kind == "picture" for a in w.runner.result.document.pages[0].areas)
    w.act_undo.trigger()
    w.act_undo.trigger()
    assert block not in page.blocks


def test_copy_fit_is_one_undo_step(real_window, qtbot, monkeypatch):
    from copy import deepcopy

    from gui import makeup
    from model.example import example_bulletin

    b = example_bulletin()
    clone = deepcopy(b.pages[1].blocks[1])
    clone.id = "column-clone"
    clone.paragraphs = clone.paragraphs * 2
    b.pages[0].blocks.append(clone)
    b.page_setup.fit.move_blocks = True
    w = real_window(bulletin=b)
    assert any(p.kind == "overset" for p in w.runner.result.document.problems)
    shown = []
    monkeypatch.setattr(makeup.QMessageBox, "information", lambda *a: shown.append(a[2]))
    w.act_copy_fit.trigger()
    assert shown and "移入" in shown[0]
    wait_layout(qtbot, w)
    assert not any(p.kind == "overset" for p in w.runner.result.document.problems)
    assert clone in b.pages[1].blocks
    w.act_undo.trigger()
    assert clone in b.pages[0].blocks and clone not in b.pages[1].blocks


def test_free_space_is_a_dashed_frame_on_screen_only(real_window, qtbot):
    w = real_window()
    doc = w.runner.result.document
    index = next(i for i, p in enumerate(doc.pages) if p.space is not None)
    x, y, sw, sh = doc.pages[index].space
    canvas = w.preview.canvas
    from layout.types import BlockArea

    r = canvas.widget_rect(index, BlockArea("", "space", x, y, sw, sh))
    w.preview.scroll.ensureVisible(int(r.center().x()), int(r.center().y()), 0, 0)
    shot = canvas.grab().toImage()
    edge = [QColor(shot.pixel(int(r.left()) + dx, yy)) for dx in range(1, 5)
            for yy in range(int(r.top()) + 4, int(r.bottom()) - 4)]
    assert sum(1 for c in edge if c.green() > c.red() + 40) > 10  # the green dashed frame
    page_pixmap = canvas.render_page(doc.pages[index], 0.5).toImage()  # what print shares with the preview
    inside = [QColor(page_pixmap.pixel(int((x + sw / 2) * 0.5) + d, int((y + sh / 2) * 0.5))) for d in range(-5, 5)]
    assert all(c.lightness() > 250 for c in inside)


def test_pinned_values_show_in_the_column_form(real_window):
    w = real_window()
    col = first_column(w.doc.bulletin)
    col.placement.height_mm = 80.0
    col.placement.row = 1
    w.select(col.id)
    assert w.form.pins.height.value() == pytest.approx(80.0)
    assert w.form.pins.row.value() == 2  # shown 1-based


def test_free_space_is_listed_in_the_problems_panel_with_its_size(real_window):
    w = real_window()
    doc = w.runner.result.document
    space = next(p for p in doc.problems if p.kind == "space")
    rows = [w.problems.topLevelItem(i) for i in range(w.problems.count_rows())]
    texts = [(r.text(0), r.text(2)) for r in rows]
    wide, high = (int(x) for x in re.findall(r"\d+", space.message))
    assert ("空位", f"宽 {wide} mm × 高 {high} mm：可放图片块或补稿") in texts


def test_jump_continues_the_selected_article_on_the_next_page_and_undo_takes_it_back(real_window, qtbot):
    """版面 → 转版: the article closes its page, what does not fit opens the next (one undo step)."""
    from model.document import ColumnBlock

    w = real_window()
    page = w.doc.bulletin.pages[0]
    block = next(b for b in page.blocks if isinstance(b, ColumnBlock))
    order = list(page.blocks)
    w.select(block.id)
    editor = w.form.body.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, "全市各级工会组织深入开展劳动和技能竞赛，职工群众的获得感不断增强。" * 40)
    wait_layout(qtbot, w)
    on_page = {b.id for b in page.blocks}
    assert any(p.kind == "overset" and p.block_id in on_page for p in w.runner.result.document.problems)
    order = list(page.blocks)
    depth = w.doc.undo_stack.index()
    w.select(block.id)
    w.act_jump.trigger()
    assert block.placement.continues and page.blocks[-1] is block
    assert w.outline._items[block.id].text(0).endswith("［转版］")
    wait_layout(qtbot, w)
    doc = w.runner.result.document
    assert not any(p.kind == "overset" and p.block_id in on_page for p in doc.problems)
    assert any(a.block_id == block.id for a in doc.pages[1].areas)  # its rest opens page 2
    assert w.doc.undo_stack.index() == depth + 1
    w.act_undo.trigger()
    assert not block.placement.continues and page.blocks == order

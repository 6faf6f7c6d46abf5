"""Editing through the forms and the outline: model, preview and undo stay in step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from gui import structure
from gui.outline import SETUP_ID
from model.document import ColumnBlock, Paragraph, SpeechBlock
from tests.test_gui_helpers import first_column, preview_texts, type_text, wait_layout

pytest_plugins = ("tests.test_gui_helpers",)  # its fixtures: gui_env, make_window


def test_edit_headline_changes_model_and_preview_and_undo_restores_both(make_window, qtbot):
    w = make_window()
    col = first_column(w.doc.bulletin)
    old = col.headline
    w.select(col.id)
    field = w.form.headline
    assert field.text() == old
    field.selectAll()
    type_text(field, "新标题")
    assert col.headline == "新标题"
    wait_layout(qtbot, w)
    assert "新标题" in preview_texts(w)
    assert old not in preview_texts(w)
    w.act_undo.trigger()
    assert col.headline == old
    assert field.text() == old  # the form follows undo
    wait_layout(qtbot, w)
    assert old in preview_texts(w) and "新标题" not in preview_texts(w)
    w.act_redo.trigger()
    assert col.headline == "新标题"


def test_typing_in_the_body_is_undone_phrase_by_phrase(make_window, qtbot):
    w = make_window()
    col = first_column(w.doc.bulletin)
    before = [Paragraph(p.text, p.lead) for p in col.paragraphs]
    w.select(col.id)
    editor = w.form.body.editor
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    count = w.doc.undo_stack.count()
    type_text(editor, "另外，全年培训职工一万人次。")
    assert col.paragraphs[-1].text.endswith("另外，全年培训职工一万人次。")
    assert w.doc.undo_stack.count() == count + 2  # "另外，" and "全年……。": a step per phrase
    assert w.windowTitle().endswith("会刊编辑器") and w.isWindowModified()
    w.act_undo.trigger()
    assert col.paragraphs[-1].text.endswith("另外，")
    w.act_undo.trigger()
    assert col.paragraphs == before
    assert not w.isWindowModified()


def test_a_new_line_makes_a_new_paragraph_and_keeps_lead_flags(make_window, qtbot):
    w = make_window()
    col = first_column(w.doc.bulletin)
    col.paragraphs = [Paragraph("政治引领更加有力。全年开展活动。", True), Paragraph("第二段。", False)]
    w.select(SETUP_ID)
    w.select(col.id)
    editor = w.form.body.editor
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.Start)
    editor.setTextCursor(cursor)
    type_text(editor, "新的第一段。")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert [p.text for p in col.paragraphs] == ["新的第一段。", "政治引领更加有力。全年开展活动。", "第二段。"]
    assert [p.lead for p in col.paragraphs] == [False, True, False]


def test_edits_in_two_fields_are_two_steps(make_window, qtbot):
    w = make_window()
    col = first_column(w.doc.bulletin)
    w.select(col.id)
    count = w.doc.undo_stack.count()
    w.form.headline.setFocus()
    type_text(w.form.headline, "甲")
    w.form.region.setFocus()
    w.doc.break_merge()  # offscreen focus changes may not emit focusChanged
    type_text(w.form.region, "乙")
    assert w.doc.undo_stack.count() == count + 2


def test_lead_toggle_is_undoable(make_window, qtbot):
    w = make_window()
    col = first_column(w.doc.bulletin)
    col.paragraphs = [Paragraph("政治引领更加有力。全年开展活动。", False)]
    w.select(SETUP_ID)
    w.select(col.id)
    w.form.body.lead_button.click()
    assert col.paragraphs[0].lead is True
    assert w.form.body.lead_button.isChecked()
    w.act_undo.trigger()
    assert col.paragraphs[0].lead is False


def test_add_move_and_delete_blocks(make_window, qtbot):
    w = make_window()
    page = w.doc.bulletin.pages[0]
    n = len(page.blocks)
    col = first_column(w.doc.bulletin)
    w.select(col.id)
    w.act_add_column.trigger()
    assert len(page.blocks) == n + 1
    new = page.blocks[page.blocks.index(col) + 1]
    assert isinstance(new, ColumnBlock) and w.selected_id == new.id
    assert type(w.form).__name__ == "ColumnForm"
    assert new.id in w.outline._items
    wait_layout(qtbot, w)
    assert any(a.block_id == new.id for a in w.runner.result.document.pages[0].areas)

    i = page.blocks.index(new)
    w.act_move_up.trigger()
    assert page.blocks.index(new) == i - 1
    w.act_move_down.trigger()
    assert page.blocks.index(new) == i

    w.act_delete.trigger()
    assert new not in page.blocks and len(page.blocks) == n
    w.act_undo.trigger()
    assert page.blocks[i] is new
    w.act_undo.trigger()
    w.act_undo.trigger()
    w.act_undo.trigger()
    assert len(page.blocks) == n and new not in page.blocks


def test_moving_past_the_last_block_moves_to_the_next_page(make_window):
    w = make_window()
    p1, p2 = w.doc.bulletin.pages[:2]
    last = p1.blocks[-1]
    w.select(last.id)
    w.act_move_down.trigger()
    assert last not in p1.blocks and p2.blocks[0] is last
    assert w.outline.current_id() == last.id
    w.act_undo.trigger()
    assert p1.blocks[-1] is last


def test_drag_and_drop_to_another_page(make_window, qtbot):
    w = make_window()
    p1, p2 = w.doc.bulletin.pages[:2]
    block = p1.blocks[1]
    target = p2.blocks[1]
    src_item = w.outline._items[block.id]
    dst_item = w.outline._items[target.id]
    request = w.outline.drop_target(src_item, dst_item, QAbstractItemView.DropIndicatorPosition.AboveItem)
    assert request == (block.id, p2.id, 1)
    with qtbot.waitSignal(w.doc.changed):
        w.outline.moveRequested.emit(*request)
    assert p2.blocks[1] is block and block not in p1.blocks
    # Dropping a block onto a page appends it there.
    request = w.outline.drop_target(w.outline._items[target.id], w.outline._items[p1.id],
                                    QAbstractItemView.DropIndicatorPosition.OnItem)
    w.outline.moveRequested.emit(*request)
    assert p1.blocks[-1] is target


def test_duplicate_gives_fresh_ids(make_window):
    w = make_window()
    speech = next(b for _p, b in w.doc.bulletin.iter_blocks() if isinstance(b, SpeechBlock))
    w.select(speech.id)
    w.act_duplicate.trigger()
    ids = [b.id for _p, b in w.doc.bulletin.iter_blocks()]
    assert len(ids) == len(set(ids))
    copy_ = w.doc.bulletin.find(w.selected_id)
    assert copy_ is not speech and copy_.sections == speech.sections
    page = w.doc.bulletin.pages[0]
    w.select(page.id)
    w.act_duplicate.trigger()
    assert len(w.doc.bulletin.pages) == 3
    all_ids = [p.id for p in w.doc.bulletin.pages] + [b.id for _p, b in w.doc.bulletin.iter_blocks()]
    assert len(all_ids) == len(set(all_ids))


def test_last_page_cannot_be_deleted(make_window):
    w = make_window()
    pages = w.doc.bulletin.pages
    w.select(pages[1].id)
    w.act_delete.trigger()
    assert len(pages) == 1
    w.select(pages[0].id)
    assert not w.act_delete.isEnabled()
    assert structure.delete(w.doc, pages[0].id) == ""


def test_page_setup_preset_and_undo(make_window, qtbot):
    w = make_window()
    w.select(SETUP_ID)
    form = w.form
    form.preset.setCurrentIndex(form.preset.findData("a4"))
    ps = w.doc.bulletin.page_setup
    assert (ps.preset, ps.width_mm, ps.columns) == ("a4", 210.0, 3)
    assert form.paper_width.value() == 210.0
    form.paper_width.setValue(220.0)
    assert w.doc.bulletin.page_setup.preset == "custom"
    assert form.preset.currentData() == "custom"
    wait_layout(qtbot, w)
    assert abs(w.runner.result.document.pages[0].width - 220 / 25.4 * 72) < 0.01
    w.act_undo.trigger()
    w.act_undo.trigger()
    assert w.doc.bulletin.page_setup.preset == "broadsheet"
    assert form.preset.currentData() == "broadsheet"


def test_body_size_above_leading_raises_leading(make_window):
    w = make_window()
    w.select(SETUP_ID)
    form = w.form
    form.body_size.setCurrentIndex(form.body_size.findData(14.0))
    ps = w.doc.bulletin.page_setup
    assert ps.body_size_pt == 14.0 and ps.leading_pt >= 14.0


def test_speech_sections_add_remove_reorder(make_window):
    w = make_window()
    speech = next(b for _p, b in w.doc.bulletin.iter_blocks() if isinstance(b, SpeechBlock))
    w.select(speech.id)
    form = w.form
    n = len(speech.sections)
    first = speech.sections[0]
    form.sections.setCurrentRow(0)
    form.add_section()
    assert len(speech.sections) == n + 1 and form.sections.currentRow() == 1
    form.sec_label.setText("")
    form.sec_heading.setFocus()
    form.sec_heading.setText("新小节")
    form.sec_heading.textEdited.emit("新小节")
    assert speech.sections[1].heading == "新小节"
    form.sec_bullets.setPlainText("要谋大势\n◎要抓落实")
    assert speech.sections[1].bullets == ["◎要谋大势", "◎要抓落实"]
    form.move_section(-1)
    assert speech.sections[0].heading == "新小节" and speech.sections[1] is first
    form.remove_section()
    assert speech.sections[0] is first and len(speech.sections) == n


def test_banner_toggle_on_page_form(make_window):
    w = make_window()
    page = w.doc.bulletin.pages[1]
    w.select(page.id)
    had = page.banner is not None
    w.form.has_banner.setChecked(not had)
    assert (page.banner is not None) != had
    w.act_undo.trigger()
    assert (page.banner is not None) == had


def test_status_bar_counts_characters_and_pages(make_window, qtbot):
    w = make_window()
    assert "2" in w.status.pages.text()
    before = w.status.chars.text()
    col = first_column(w.doc.bulletin)
    w.select(col.id)
    type_text(w.form.headline, "加五个字啊")
    assert w.status.chars.text() != before

"""Underlined proofreading findings in the form's fields (fix on right-click) and Find/Replace."""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QMenu

from gui.find_replace import dialog_of, find_all
from gui.proofread_marks import FindingMarks, line_findings, utf16_len
from model.serialize import to_data
from tests.test_gui_helpers import first_column

pytest_plugins = ("tests.test_gui_helpers",)


def _marks(form, name):
    editor = next(e for m in form._proofread_marks for e in [m.editor] if e.objectName() == name)
    return next(m for m in form._proofread_marks if m.editor is editor)


def test_findings_are_underlined_and_fixed_from_the_context_menu(make_window, qtbot):
    w = make_window()
    col = first_column(w.doc.bulletin)
    w.select(col.id)
    marks: FindingMarks = _marks(w.form, "bodyText")
    editor = marks.editor
    first = col.paragraphs[0].text
    editor.setPlainText(f'𠀾工会被称为"娘家人",深受欢迎。\n{first}')
    qtbot.waitUntil(lambda: len(editor.extraSelections()) >= 3, timeout=3000)
    sels = editor.extraSelections()
    assert all(s.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline for s in sels)
    # the first mark sits on the straight quote: positions count 𠀾 as two UTF-16 units
    text = editor.toPlainText()
    assert sels[0].cursor.selectedText() == '"' and sels[0].cursor.selectionStart() == utf16_len(text[:6])
    menu = marks.menu_for(sels[0].cursor.selectionStart(), QMenu())
    fix = next(a for a in menu.actions() if a.objectName() == "proofreadFix")
    assert fix.text() == "改为：“"
    fix.trigger()
    assert editor.toPlainText().startswith("𠀾工会被称为“娘家人\"")
    qtbot.waitUntil(lambda: col.paragraphs[0].text.startswith("𠀾工会被称为“"), timeout=3000)
    for _ in range(2):  # the other quote and the comma
        qtbot.waitUntil(lambda: any(f.replacement is not None for _n, f in marks.findings), timeout=3000)
        n, f = next((n, f) for n, f in marks.findings if f.replacement is not None)
        assert marks.apply(n, f)
    assert editor.toPlainText().split("\n")[0] == "𠀾工会被称为“娘家人”，深受欢迎。"
    qtbot.waitUntil(lambda: col.paragraphs[0].text == "𠀾工会被称为“娘家人”，深受欢迎。", timeout=3000)
    qtbot.waitUntil(lambda: editor.extraSelections() == [] or not line_findings(editor.toPlainText(), "body"),
                    timeout=3000)
    w.act_undo.trigger()  # fixes are edits like typing: undo takes them back
    assert col.paragraphs[0].text != "𠀾工会被称为“娘家人”，深受欢迎。"


def test_one_line_fields_get_fixes_and_a_tooltip(make_window, qtbot):
    w = make_window()
    col = first_column(w.doc.bulletin)
    w.select(col.id)
    marks = _marks(w.form, "headline")
    marks.editor.setText('争当"排头兵"')
    marks.editor.textEdited.emit(marks.editor.text())
    qtbot.waitUntil(lambda: len(marks.findings) == 2, timeout=3000)
    assert "直双引号" in marks.editor.toolTip()
    # the overlay's wavy lines start where the field itself would put its cursor
    for (a, b, f) in marks.overlay.spans():
        marks.editor.setCursorPosition(f.offset)
        assert abs(marks.editor.cursorRect().center().x() - a) <= 1 and b > a
    img = marks.overlay.grab().toImage()
    y = marks.editor.cursorRect().bottom() - 2
    reds = [x for x in range(img.width()) if img.pixelColor(x, y).red() > 150 and img.pixelColor(x, y).green() < 120]
    assert reds  # something red is drawn under the text
    n, f = marks.findings[0]
    assert marks.apply(n, f)
    assert col.headline == '争当“排头兵"'


def test_find_and_replace_across_the_bulletin_is_one_undo_step(make_window, qtbot):
    w = make_window()
    before = to_data(w.doc.bulletin)
    total = len(find_all(w.doc.bulletin, "工会"))
    assert total > 20
    w.act_replace.trigger()
    d = dialog_of(w)
    assert d.isVisible()
    d.find_edit.setText("工会")
    assert d.results.topLevelItemCount() == total and str(total) in d.count.text()
    d.replace_edit.setText("工會")
    d.results.setCurrentItem(d.results.topLevelItem(1))
    assert d.replace_current() == 1
    assert len(find_all(w.doc.bulletin, "工會")) == 1
    assert d.replace_all() == total - 1
    assert not find_all(w.doc.bulletin, "工会") and len(find_all(w.doc.bulletin, "工會")) == total
    w.act_undo.trigger()  # the replace-all
    assert len(find_all(w.doc.bulletin, "工會")) == 1
    w.act_undo.trigger()
    assert to_data(w.doc.bulletin) == before


def test_find_result_jumps_to_its_block_and_case_option(make_window, qtbot):
    w = make_window()
    w.act_find.trigger()
    d = dialog_of(w)
    d.find_edit.setText("app")
    n_any = d.results.topLevelItemCount()
    d.case.setChecked(True)
    assert d.results.topLevelItemCount() <= n_any
    d.case.setChecked(False)
    d.find_edit.setText("薛振虎")
    item = d.results.topLevelItem(0)
    d._go(item)
    assert w.selected_id == item.data(0, 0x0100)
    assert w.act_find.shortcut().toString() == "Ctrl+F" and w.act_replace.shortcut().toString() == "Ctrl+H"

"""Issue 14: the bugs a week of deadline work found, and the Word/WPS habits users bring.

Each bug test fails on the editor before the fix; each habit test drives the real widgets.
"""

from __future__ import annotations

import docx
import pytest

from gui import commands
from gui.outline import BULLETIN_ID
from gui.templates import new_bulletin
from layout.document import lay_out_bulletin
from model.document import ColumnBlock, Paragraph, SpeechBlock, issue_label
from tests.test_cli import run
from tests.test_gui_helpers import first_column, preview_texts, type_text, wait_layout

pytest_plugins = ("tests.test_gui_helpers",)  # its fixtures: gui_env, make_window


# ============================================================================ bugs
def test_empty_blocks_are_not_overset_by_nothing(make_window, qtbot, tmp_path):
    """New → 四开会刊 → 加讲话: no "超出 0 字" rows, and the command line exports it."""
    w = make_window(new_bulletin("tabloid"), layout_fn=lay_out_bulletin)
    w.act_add_speech.trigger()
    wait_layout(qtbot, w)
    problems = w.runner.result.document.problems
    assert not [p for p in problems if p.kind == "overset"], problems
    texts = [w.problems.topLevelItem(i).text(2) for i in range(w.problems.topLevelItemCount())]
    assert not any("超出 0 字" in t for t in texts)
    path = tmp_path / "t.bulletin"
    assert w.save_to(str(path))
    r = run("export", str(path), "--pdf", str(tmp_path / "t.pdf"))
    assert r.returncode == 0, r.stderr


def test_overset_of_a_block_with_text_is_still_reported():
    b = new_bulletin("tabloid")
    page = b.pages[0]
    for block in page.blocks:
        block.paragraphs = [Paragraph("工会工作" * 900)]
    doc = lay_out_bulletin(b)
    assert any(p.kind == "overset" and p.chars > 0 for p in doc.problems)


@pytest.mark.parametrize("typed", ["第 1288 期", "1288", "第1288期"])
def test_issue_number_in_pdf_folio_and_word_footer_once(make_window, qtbot, tmp_path, typed):
    from exporters.docx import write_docx

    w = make_window(layout_fn=lay_out_bulletin)
    w.select(BULLETIN_ID)
    field = w.form.fields["issue_number"]
    field.setFocus()
    type_text(field, typed)
    assert w.doc.bulletin.issue_number == typed
    wait_layout(qtbot, w)
    assert any("第1288期" in t for t in preview_texts(w))  # the PDF folio (same laid-out pages)
    out = tmp_path / "f.docx"
    write_docx(w.doc.bulletin, out)
    footers = " ".join(p.text for s in docx.Document(str(out)).sections for p in s.footer.paragraphs)
    assert "第1288期" in footers and "第第" not in footers and "期期" not in footers


def test_issue_label_keeps_the_users_own_form():
    assert issue_label("总第 1288 期") == "总第 1288 期"
    assert issue_label("2021 年第 3 期") == "2021 年第 3 期"
    assert issue_label("  ") == ""


def test_add_speech_goes_after_the_selection_not_to_the_end(make_window):
    w = make_window()
    page = w.doc.bulletin.pages[1]
    w.select(page.headline.id if page.headline else page.id)
    w.act_add_speech.trigger()
    assert isinstance(page.blocks[0], SpeechBlock) and page.blocks[0].id == w.selected_id
    col = page.blocks[2]
    w.select(col.id)
    w.act_add_speech.trigger()
    assert page.blocks[3].id == w.selected_id and isinstance(page.blocks[3], SpeechBlock)


# ============================================================================ habits
@pytest.fixture
def fake_clock(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(commands, "clock", lambda: now[0])
    return now


def _type_at_end(w, text: str) -> None:
    editor = w.form.body.editor
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    type_text(editor, text)


def test_typing_is_undone_word_by_word(make_window, fake_clock):
    w = make_window()
    col = first_column(w.doc.bulletin)
    w.select(col.id)
    before = col.paragraphs[-1].text
    _type_at_end(w, "one two three")
    assert col.paragraphs[-1].text == before + "one two three"
    w.act_undo.trigger()
    assert col.paragraphs[-1].text == before + "one two"  # lines are stored trimmed
    w.act_undo.trigger()
    assert col.paragraphs[-1].text == before + "one"
    w.act_undo.trigger()
    assert col.paragraphs[-1].text == before


def test_a_pause_in_typing_starts_a_new_undo_step(make_window, fake_clock):
    w = make_window()
    col = first_column(w.doc.bulletin)
    w.select(col.id)
    before = col.paragraphs[-1].text
    _type_at_end(w, "全年培训")
    fake_clock[0] += commands.TYPING_PAUSE_S + 0.5
    _type_at_end(w, "职工")
    w.act_undo.trigger()
    assert col.paragraphs[-1].text == before + "全年培训"
    w.act_undo.trigger()
    assert col.paragraphs[-1].text == before


def test_quick_typing_of_one_word_is_one_step(make_window, fake_clock):
    w = make_window()
    col = first_column(w.doc.bulletin)
    w.select(col.id)
    n = w.doc.undo_stack.count()
    _type_at_end(w, "职工之家")
    assert w.doc.undo_stack.count() == n + 1
    assert isinstance(col, ColumnBlock)

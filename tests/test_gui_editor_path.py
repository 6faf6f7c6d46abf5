"""The editor's path through the weekly job (issue 26): from the cities' files to a PDF for print.

The scenario drives the real main window with the real layout engine, through the keys and
buttons a user presses, and counts them. The make-up rules the exported pages must meet are
checks plugged into ``PAGE_CHECKS`` (the make-up stage adds its own there).
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from gui.import_dialog import ImportDialog
from model.document import Bulletin, ColumnBlock
from model.serialize import to_data
from tests.editor_path_submissions import write_submissions
from tests.test_gui_helpers import wait_layout, when_modal

pytest_plugins = ("tests.test_gui_helpers",)

SHOTS = os.environ.get("BULLETIN_SHOTS", "")  # a folder: the scenario saves a picture of each step there


def real_layout():
    from layout.document import lay_out_bulletin

    return lay_out_bulletin


# ------------------------------------------------------------------------------ the make-up checks

def no_overset(bulletin: Bulletin, laid_out, pdf_path: str) -> None:
    """Nothing the printer gets is missing: no text overset."""
    overset = [p for p in laid_out.problems if p.kind == "overset"]
    assert not overset, overset


#: each check gets (bulletin, its laid-out document, the exported PDF's path) and asserts; the
#: make-up stage plugs its rules in here (page fill, holes, portrait sizes …)
def made_up_or_reported(b: Bulletin, doc, _pdf: str) -> None:
    """Each page meets the make-up rules (layout.quality) or says in numbers why not: 缺稿 on
    the page or 超稿 on one of its blocks (issue 24)."""
    from layout.grid import make_grid
    from layout.quality import measure_page

    g = make_grid(b.page_setup)
    for page, lp in zip(b.pages, doc.pages):
        ids = {page.id} | {x.id for x in page.blocks}
        reported = [p for p in doc.problems if p.block_id in ids and p.kind in ("short_copy", "overset", "truncated")]
        assert measure_page(lp, g).meets or reported, (page.id, measure_page(lp, g).summary())


def made_up(b: Bulletin, doc, _pdf: str) -> None:
    """Every page meets the make-up rules (layout.quality, the meaning of page_quality.py): the
    eight submissions fill their pages, with no 缺稿 or 超稿 to report (issue 26's done-when)."""
    from layout.grid import make_grid
    from layout.quality import measure_page

    g = make_grid(b.page_setup)
    for lp in doc.pages:
        q = measure_page(lp, g)
        assert q.meets, (lp.number, q.summary())


PAGE_CHECKS: list[Callable[[Bulletin, object, str], None]] = [no_overset, made_up_or_reported, made_up]


# ------------------------------------------------------------------------------ counting the user's actions

class User:
    """Presses keys and clicks buttons the way a user does, and counts them."""

    def __init__(self, qtbot, window) -> None:
        self.qtbot, self.w, self.actions = qtbot, window, 0
        self.log: list[str] = []

    def key(self, sequence: str, widget=None) -> None:
        from PySide6.QtGui import QKeySequence

        self.actions += 1
        self.log.append(sequence)
        combo = QKeySequence(sequence)[0]
        focus = QApplication.focusWidget()
        # the key goes where the keyboard is: the focused widget of the window in front
        target = widget or (focus if focus is not None and focus.isVisible() and focus.window() is self.w else self.w)
        if QApplication.activeWindow() is not self.w:
            self.w.activateWindow()
            self.qtbot.waitUntil(lambda: QApplication.activeWindow() is self.w, timeout=5000)
        self.qtbot.keyClick(target, combo.key(), combo.keyboardModifiers())

    def click(self, button, why: str = "") -> None:
        self.actions += 1
        self.log.append(why or button.text())
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def shot(window, name: str) -> None:
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        (QApplication.activeModalWidget() or window).grab().save(os.path.join(SHOTS, name))


def pdf_text(path: str) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def test_from_eight_submissions_to_a_pdf_for_print(make_window, qtbot, tmp_path, monkeypatch):
    from gui.export import PdfOptionsDialog
    from gui.templates import new_bulletin

    written = write_submissions(tmp_path, 26, 8, shapes=True)
    assert len({w.shape for w in written}) == 8
    paths = [str(w.path) for w in written]
    # choosing the files is the one thing not counted: the file dialog answers with the eight
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (paths, ""))
    w = make_window(new_bulletin("special"), layout_fn=real_layout())  # what a first start shows
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=5000)  # shortcuts need the active window
    user = User(qtbot, w)
    shot(w, "0-new-window.png")

    def review(d: ImportDialog):
        assert d.files.count() == 8
        shot(w, "1-review.png")
        user.click(d.buttons.button(QDialogButtonBox.StandardButton.Ok), "导入")

    state, _t = when_modal(ImportDialog, review)
    user.key("Ctrl+Alt+N")  # 文件 → 新建 → 从稿件新建…
    assert state["done"]
    wait_layout(qtbot, w)
    b = w.doc.bulletin
    cols = [x for _p, x in b.iter_blocks() if isinstance(x, ColumnBlock)]
    assert len(cols) == 8 and all(c.paragraphs for c in cols)  # no placeholder column was made
    assert not any(isinstance(x, type(None)) for x in cols)
    shot(w, "2-imported.png")

    user.key("Ctrl+M")  # 版面 → 自动组版: the plans to choose from, the best one chosen
    run = w.auto_makeup_run
    qtbot.waitUntil(lambda: run.dialog is not None and run.dialog.isVisible(), timeout=120000)
    shot(w, "3a-plans.png")
    user.click(run.dialog.ok, "采用方案")
    wait_layout(qtbot, w)
    shot(w, "3-made-up.png")
    w.fix_finder.wait()
    QApplication.processEvents()
    fixes = w.problems.fix_buttons()
    if fixes:  # the page is short: the measured suggestion is one click
        shot(w, "4-suggestion.png")
        user.click(fixes[0])
        wait_layout(qtbot, w)
        shot(w, "5-after-suggestion.png")

    out = str(tmp_path / "专版.pdf")

    def options(d: PdfOptionsDialog):
        d.path.setText(out)  # the file name is chosen like the submissions
        shot(w, "6-export-options.png")
        user.click(d.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok), "导出")

    overset_answer = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: overset_answer.append(1) or QMessageBox.StandardButton.No)
    state, _t = when_modal(PdfOptionsDialog, options)
    with qtbot.waitSignal(w.exporter.done, timeout=120000, raising=False) as done:
        user.key("Ctrl+E")  # 文件 → 导出 PDF…
    assert not overset_answer, ("the made-up page still had overset text", w._layout_problems())
    assert state["done"], user.log
    assert done.args[0] == "pdf" and os.path.isfile(out)
    shot(w, "7-exported.png")
    w.exporter.report.close()

    assert user.actions <= 12, user.log
    text = pdf_text(out).replace(" ", "").replace("\n", "")
    for sub in written:
        assert sub.headline in text, sub.headline
        assert (sub.name or sub.organisation).replace("　", "") in text, sub
    laid = w._laid_out()
    for check in PAGE_CHECKS:
        check(w.doc.bulletin, laid, out)
    print(f"\nuser actions beyond choosing the files: {user.actions} ({', '.join(user.log)})")


# ------------------------------------------------------------------------------ the import fills placeholders

def _columns(b: Bulletin) -> list[ColumnBlock]:
    return [x for _p, x in b.iter_blocks() if isinstance(x, ColumnBlock)]


def _accept_review(qtbot):
    def review(d):
        qtbot.mouseClick(d.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    return when_modal(ImportDialog, review)


def test_an_import_replaces_the_templates_empty_columns_and_speech(make_window, qtbot, tmp_path):
    from gui import importing
    from gui.templates import new_bulletin
    from model.document import SpeechBlock

    w = make_window(new_bulletin("special"))  # speech + four 未命名栏目, all empty
    page = w.doc.bulletin.pages[0]
    before = to_data(w.doc.bulletin)
    written = write_submissions(tmp_path, 3, 3)
    _accept_review(qtbot)
    assert importing.import_paths(w, [str(x.path) for x in written])
    assert [c.headline for c in _columns(w.doc.bulletin)] == [x.headline for x in written]
    assert not any(isinstance(x, SpeechBlock) for x in page.blocks)  # the empty speech went too
    assert w.doc.undo_stack.count() == 1
    w.act_undo.trigger()
    assert to_data(w.doc.bulletin) == before


def test_an_import_keeps_a_column_with_content_and_fills_only_the_empty_ones(make_window, qtbot, tmp_path):
    from gui import importing
    from gui.templates import new_bulletin

    b = new_bulletin("tabloid")
    b.pages[0].blocks[1].headline = "已经写好的栏目"
    w = make_window(b)
    written = write_submissions(tmp_path, 4, 2)
    _accept_review(qtbot)
    assert importing.import_paths(w, [str(x.path) for x in written])
    heads = [c.headline for c in _columns(w.doc.bulletin)]
    # the first empty column's place takes the submissions; the written column stays where it was
    assert heads == [written[0].headline, written[1].headline, "已经写好的栏目"]


def test_new_from_submissions_leaves_the_open_bulletin_alone_when_the_review_is_cancelled(make_window, qtbot,
                                                                                         tmp_path):
    w = make_window()
    before = to_data(w.doc.bulletin)
    written = write_submissions(tmp_path, 5, 2)

    def cancel(d):
        qtbot.mouseClick(d.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)

    when_modal(ImportDialog, cancel)
    assert not w.new_from_submissions([str(x.path) for x in written])
    assert to_data(w.doc.bulletin) == before


def test_files_dropped_on_the_start_page_make_a_new_bulletin(make_window, qtbot, tmp_path):
    from tests.test_gui_import import _drop

    w = make_window()
    assert w.close_document()
    assert w.showing_start
    written = write_submissions(tmp_path, 6, 2)
    _accept_review(qtbot)
    assert _drop(w.start_page, [str(x.path) for x in written])
    qtbot.waitUntil(lambda: not w.showing_start, timeout=10000)
    assert [c.headline for c in _columns(w.doc.bulletin)] == [x.headline for x in written]
    assert len(w.doc.bulletin.pages) == 1 and w.doc.bulletin.pages[0].headline is not None


# ------------------------------------------------------------------------------ several blocks at once

def _select(w, ids: list[str]) -> None:
    w.select(ids[0])
    w.outline.select_many(ids)


def test_several_selected_blocks_are_deleted_as_one_undo_step(make_window):
    w = make_window()
    cols = _columns(w.doc.bulletin)
    before = to_data(w.doc.bulletin)
    _select(w, [cols[0].id, cols[2].id, cols[3].id])
    assert w.outline.selected_ids() == [cols[0].id, cols[2].id, cols[3].id]
    w.act_delete.trigger()
    left = {c.id for c in _columns(w.doc.bulletin)}
    assert not left & {cols[0].id, cols[2].id, cols[3].id} and cols[1].id in left
    assert w.doc.undo_stack.count() == 1 and "3" in w.doc.undo_stack.undoText()
    w.act_undo.trigger()
    assert to_data(w.doc.bulletin) == before


def test_several_selected_blocks_move_together_keeping_their_order(make_window):
    w = make_window()
    page = next(p for p in w.doc.bulletin.pages if len([x for x in p.blocks if isinstance(x, ColumnBlock)]) >= 3)
    ids = [x.id for x in page.blocks]
    _select(w, [ids[1], ids[2]])
    w.act_move_up.trigger()
    assert [x.id for x in page.blocks][:3] == [ids[1], ids[2], ids[0]]
    assert w.doc.undo_stack.count() == 1
    w.act_move_up.trigger()  # the first page's first block cannot go higher: nothing moves, no empty step
    assert [x.id for x in page.blocks][:3] == [ids[1], ids[2], ids[0]] and w.doc.undo_stack.count() == 1
    w.act_undo.trigger()
    assert [x.id for x in page.blocks] == ids


def test_pinning_several_blocks_is_one_step_and_pressing_again_frees_them(make_window):
    w = make_window()
    cols = _columns(w.doc.bulletin)[:2]
    _select(w, [c.id for c in cols])
    w.act_pin.trigger()
    assert all(c.placement.columns and c.placement.height_mm for c in cols)
    assert w.doc.undo_stack.count() == 1
    w.act_pin.trigger()
    assert all(c.placement.columns is None and c.placement.height_mm is None for c in cols)
    assert w.doc.undo_stack.count() == 2


# ------------------------------------------------------------------------------ 版面 menu

def test_the_makeup_menu_holds_the_makeup_each_with_a_shortcut(make_window):
    w = make_window()
    menu = w.main_menu.makeup_menu
    assert menu.title() == "版面(&L)"
    texts = [a.text() for a in menu.actions()]
    for name in ("自动组版…", "适配版面", "加图片块", "页面大小", "加一版", "减一版", "固定/取消固定", "固定版面"):
        assert name in texts, texts
    for a in (w.act_auto_makeup, w.act_copy_fit, w.act_add_picture, w.act_pin, w.act_fix_page, w.act_page_plus,
              w.act_page_minus, *w.size_actions.values()):
        assert not a.shortcut().isEmpty(), a.text()
    assert w.makeup_toolbar.isVisibleTo(w)
    shortcuts = [a.shortcut().toString() for a in w.findChildren(type(w.act_pin)) if not a.shortcut().isEmpty()]
    assert len(shortcuts) == len(set(shortcuts)), sorted(shortcuts)  # no shortcut does two things


def test_page_size_keeps_what_the_user_changed_and_is_one_undo_step(make_window):
    w = make_window()
    ps = w.doc.bulletin.page_setup
    ps.body_size_pt = 10.5  # the user's own choice
    ps.colour_mode = "grey"
    w.size_actions["tabloid"].trigger()
    new = w.doc.bulletin.page_setup
    assert (new.preset, new.width_mm, new.columns) == ("tabloid", 270.0, 6)
    assert new.body_size_pt == 10.5 and new.colour_mode == "grey"
    assert w.size_actions["tabloid"].isChecked()
    assert w.doc.undo_stack.count() == 1
    w.act_undo.trigger()
    assert w.doc.bulletin.page_setup.preset == "broadsheet"


def test_one_page_fewer_keeps_every_block(make_window):
    w = make_window()
    b = w.doc.bulletin
    n_pages, n_blocks = len(b.pages), sum(len(p.blocks) for p in b.pages)
    w.act_page_minus.trigger()
    assert len(b.pages) == n_pages - 1 and sum(len(p.blocks) for p in b.pages) == n_blocks
    assert w.doc.undo_stack.count() == 1
    w.act_page_plus.trigger()
    assert len(b.pages) == n_pages


def test_a_short_page_is_offered_a_smaller_size_measured_and_one_click_applies_it(make_window, qtbot, tmp_path):
    from importers import import_files

    b = import_files([str(x.path) for x in write_submissions(tmp_path, 1, 5)])[0]
    w = make_window(b, layout_fn=real_layout())
    assert any(p.kind == "space" for p in w._laid_out().problems)
    w.fix_finder.wait()
    buttons = w.problems.fix_buttons()
    assert buttons, "a half-empty broadsheet page gets a suggestion"
    text = buttons[0].text()
    assert text.startswith("改为") and "约满" in text and "%" in text
    size = next(k for k, a in w.size_actions.items() if a.text().startswith(text[2:4]))
    row = next(w.problems.topLevelItem(i) for i in range(w.problems.topLevelItemCount())
               if w.problems.itemWidget(w.problems.topLevelItem(i), 2) is buttons[0])
    assert row.text(1) == w._name_of(w.doc.bulletin.pages[0].id)  # the suggestion says which page
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    assert w.doc.bulletin.page_setup.preset == size
    assert w.doc.undo_stack.count() == 1
    wait_layout(qtbot, w)
    assert not [p for p in w._laid_out().problems if p.kind == "overset"]
    w.act_undo.trigger()
    assert w.doc.bulletin.page_setup.preset == "broadsheet"


def test_an_overset_page_is_offered_a_bigger_size_or_one_more_page():
    from gui.makeup_actions import find_fixes
    from layout.document import lay_out_bulletin
    from model.document import PageSetup
    from model.example import example_bulletin

    b = example_bulletin()
    b.page_setup = PageSetup.from_preset("a4")
    doc = lay_out_bulletin(b)
    assert any(p.kind == "overset" for p in doc.problems)
    fixes = find_fixes(b, doc.problems, lay_out_bulletin)
    kinds = [(f.kind, f.preset) for f in fixes]
    assert ("page", "") in kinds
    assert all(f.kind != "size" or f.preset in ("tabloid", "a3", "broadsheet") for f in fixes)


# ------------------------------------------------------------------------------ closing and quitting

def test_close_leaves_the_window_with_a_start_page_and_quit_quits(make_window, qtbot, monkeypatch, tmp_path):
    from gui import settings as app_settings

    recent = tmp_path / "上期.bulletin"
    from model.example import example_bulletin
    from model.project_file import save

    save(example_bulletin(), str(recent))
    app_settings.add_recent(str(recent))
    w = make_window()
    col = _columns(w.doc.bulletin)[0]
    w.select(col.id)
    w.form.headline.setText("改过")
    w.form.headline.textEdited.emit("改过")
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(1) or QMessageBox.StandardButton.Discard)
    w.act_close.trigger()  # 关闭 → 丢弃
    assert asked and w.isVisible() and w.showing_start
    assert w.central.currentWidget() is w.start_page
    assert not w.outline_dock.isVisible() and not w.act_save.isEnabled() and not w.act_close.isEnabled()
    assert w.windowTitle() == "会刊编辑器"
    sp = w.start_page
    assert [sp.recent.item(i).data(Qt.ItemDataRole.UserRole) for i in range(sp.recent.count())] == [str(recent)]
    # a recent file from the start page: the document and its docks are back
    sp.recent.itemActivated.emit(sp.recent.item(0))
    assert not w.showing_start and w.doc.path == str(recent) and w.outline_dock.isVisible()
    assert w.act_save.isEnabled()
    w.act_close.trigger()
    qtbot.mouseClick(sp.template_buttons["brief"], Qt.MouseButton.LeftButton)
    assert not w.showing_start and w.doc.bulletin.page_setup.preset == "a4"
    closed = []
    monkeypatch.setattr(QApplication, "closeAllWindows", staticmethod(lambda: closed.append(1)))
    w.act_quit.trigger()  # 退出 closes every window (the application ends with the last)
    assert closed


def test_close_cancelled_keeps_the_document(make_window, monkeypatch):
    w = make_window()
    col = _columns(w.doc.bulletin)[0]
    w.select(col.id)
    w.form.headline.setText("改过")
    w.form.headline.textEdited.emit("改过")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    w.act_close.trigger()
    assert not w.showing_start and col.headline == "改过" and w.doc.is_modified()


# ------------------------------------------------------------------------------ language

def test_the_file_dialog_speaks_the_ui_language(make_window, qtbot):
    from PySide6.QtWidgets import QLabel

    from gui import i18n

    make_window()

    def labels() -> list[str]:
        d = QFileDialog(None, "x")
        d.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        d.show()
        out = [lab.text() for lab in d.findChildren(QLabel)]
        d.close()
        d.deleteLater()
        return out

    zh = labels()
    assert "查找范围(&L)：" in zh and "文件类型(&T)：" in zh, zh
    assert not any("Look in" in t or "Files of" in t for t in zh)
    i18n.install("en")
    en = labels()
    assert "&Look in:" in en
    i18n.install("zh_CN")


# ------------------------------------------------------------------------------ reports that point

def test_report_lines_name_page_and_block_and_go_when_fixed(make_window, qtbot):
    from tests.test_gui_helpers import OVERSET_CHARS

    w = make_window()
    cols = _columns(w.doc.bulletin)
    col = cols[1]
    w.select(col.id)
    page = next(p for p in w.doc.bulletin.pages if col in p.blocks)
    from gui.commands import SetValue
    from model.document import Paragraph

    long = "很长的一段文字。" * (OVERSET_CHARS // 8 + 10)
    w.doc.push(SetValue(w.doc, col, "paragraphs", [Paragraph(long)], "粘贴长文"))
    wait_layout(qtbot, w)
    rows = [w.problems.topLevelItem(i) for i in range(w.problems.topLevelItemCount())]
    over = [r for r in rows if r.text(0) == "文字超出"]
    assert over and over[0].text(1) == f"{w._name_of(page.id)} · {w._name_of(col.id)}"
    w.select(cols[0].id)
    w.problems._activated(over[0])  # double-click
    assert w.selected_id == col.id
    w.act_undo.trigger()
    wait_layout(qtbot, w)
    rows = [w.problems.topLevelItem(i).text(0) for i in range(w.problems.topLevelItemCount())]
    assert "文字超出" not in rows


def test_import_notes_point_at_their_block_and_go_when_it_is_edited(make_window, qtbot, tmp_path):
    from gui import importing

    w = make_window()
    sub = tmp_path / "韩城.txt"
    sub.write_text("勇当先行者\n\n刘𠀾\n\n2020年，韩城市总工会团结动员广大职工建功立业。\n\n政治引领更加有力。深入开展学习。\n",
                   encoding="utf-8")
    _accept_review(qtbot)
    assert importing.import_paths(w, [str(sub)])
    notes = list(w.problems.notes)
    assert notes and all(n[1] for n in notes)  # every note names the block its file became
    block = w.doc.bulletin.find(notes[0][1])
    rows = [w.problems.topLevelItem(i) for i in range(w.problems.topLevelItemCount())]
    imported = [r for r in rows if r.text(0) == "导入"]
    assert imported and imported[0].text(1) == w.where_of(block.id) and " · " in imported[0].text(1)
    w.select(block.id)
    w.form.headline.setText("勇当先行者！")
    w.form.headline.textEdited.emit("勇当先行者！")  # the user dealt with it
    wait_layout(qtbot, w)
    rows = [w.problems.topLevelItem(i).text(0) for i in range(w.problems.topLevelItemCount())]
    assert "导入" not in rows and not w.problems.notes


def test_import_notes_go_when_the_import_is_undone(make_window, qtbot, tmp_path):
    from gui import importing

    w = make_window()
    sub = tmp_path / "韩城.txt"
    sub.write_text("勇当先行者\n\n刘𠀾\n\n2020年，韩城市总工会团结动员广大职工建功立业。\n", encoding="utf-8")
    _accept_review(qtbot)
    assert importing.import_paths(w, [str(sub)])
    assert w.problems.notes
    w.act_undo.trigger()
    assert not w.problems.notes


def test_the_export_report_names_page_and_block(make_window, qtbot, tmp_path):
    from layout.types import LaidOutDocument, Problem

    w = make_window()
    col = _columns(w.doc.bulletin)[0]
    page = next(p for p in w.doc.bulletin.pages if col in p.blocks)
    result = LaidOutDocument(problems=[Problem("underset", col.id, lines=15)])
    w.exporter._finished("pdf", str(tmp_path / "x.pdf"), result, 0.1)
    text = w.exporter.report.text()
    assert f"{w._name_of(page.id)} · {w._name_of(col.id)}：还差 15 行" in text
    w.exporter.report.close()


# ------------------------------------------------------------------------------ one printed title

def test_the_bulletin_form_edits_the_printed_title_and_shows_the_folio(make_window):
    w = make_window()
    b = w.doc.bulletin
    form = w.form
    assert "issue_title" not in form.fields  # no second title that never prints
    assert form.title.text() == b.pages[0].headline.title
    form.title.setText("新的大标题")
    form.title.textEdited.emit("新的大标题")
    assert b.pages[0].headline.title == "新的大标题"
    assert b.printed_title == "新的大标题"
    assert os.path.basename(w.exporter._default_path(".pdf")) == "新的大标题.pdf"  # the PDF is named after it
    form.fields["issue_number"].setText("1288")
    form.fields["issue_number"].textEdited.emit("1288")
    assert "第1288期" in form.folio.text() and b.publication in form.folio.text()


def test_a_language_switch_on_the_start_page_keeps_it_and_the_docks_come_back(make_window):
    w = make_window()
    assert w.close_document()
    w.set_language("en")
    assert w.showing_start and w.central.currentWidget() is w.start_page
    assert w.start_page.from_submissions.text() == "New from submissions…"
    assert not w.act_save.isEnabled() and not w.size_button.isEnabled()
    w.new_from_template("brief")
    assert not w.showing_start and w.outline_dock.isVisible() and w.form_dock.isVisible()
    assert w.act_save.isEnabled() and w.size_button.isEnabled()
    w.set_language("zh_CN")


def test_the_overset_question_before_export_names_page_and_block(make_window, monkeypatch):
    from layout.types import Problem

    w = make_window()
    col = _columns(w.doc.bulletin)[2]
    page = next(p for p in w.doc.bulletin.pages if col in p.blocks)
    w.exporter.problems_fn = lambda: [Problem("overset", col.id, chars=40, lines=3)]
    asked = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: asked.append(text)
                        or QMessageBox.StandardButton.No)
    assert not w.exporter.confirm_overset()
    assert f"{w._name_of(page.id)} · {w._name_of(col.id)}：超稿 40 字（3 行）" in asked[0]


def test_the_page_fixes_are_measured_once_typing_pauses_one_job_at_a_time(qtbot, gui_env):
    """Measuring lays the bulletin out several times: a burst of layouts (typing) asks once, for
    the latest state, off the GUI thread."""
    import threading

    from gui.makeup_actions import FixFinder
    from layout.document import lay_out_bulletin
    from layout.types import Problem
    from model.example import example_bulletin

    calls, threads = [], set()

    def counting(b):
        calls.append(1)
        threads.add(threading.get_ident())
        return lay_out_bulletin(b)

    b = example_bulletin()
    finder = FixFinder(counting, threaded=True)
    got = []
    finder.found.connect(lambda gen, fixes: got.append(gen))
    space = [Problem("space", b.pages[1].id, lines=30)]
    for generation in range(1, 6):
        finder.request(b, space, generation)
    finder.wait()
    qtbot.waitUntil(lambda: bool(got), timeout=30000)
    assert got == [5]  # one answer, for the latest layout
    assert threading.get_ident() not in threads
    per_request = len(calls)
    assert 0 < per_request <= 4  # the smaller sizes and one page fewer: once, not five times


def test_on_the_start_page_a_submission_opened_or_imported_starts_a_bulletin(make_window, qtbot, tmp_path,
                                                                            monkeypatch):
    w = make_window()
    assert w.close_document()
    written = write_submissions(tmp_path, 7, 2)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(1) or QMessageBox.StandardButton.Yes)
    _accept_review(qtbot)
    assert w.open_path(str(written[0].path))  # 打开 of a .txt: no "import into the current bulletin?" question
    assert not asked and not w.showing_start
    assert [c.headline for c in _columns(w.doc.bulletin)] == [written[0].headline]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert w.close_document()  # the new bulletin is unsaved: 关闭 asks, the user discards it
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(written[1].path)], ""))
    _accept_review(qtbot)
    w.act_import.trigger()  # 导入稿件 in the empty window
    assert not w.showing_start and w.outline_dock.isVisible()
    assert [c.headline for c in _columns(w.doc.bulletin)] == [written[1].headline]

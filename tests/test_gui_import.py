"""Importing submissions in the editor: File → 导入稿件, the review dialog, drops, 打开 of a .docx."""

from __future__ import annotations

import io

import docx
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from gui.import_dialog import ImportDialog
from model.document import ColumnBlock
from model.serialize import to_data
from tests.test_gui_helpers import when_modal
from tests.test_import_files import png

pytest_plugins = ("tests.test_gui_helpers",)

#: 韩城's submission: the name line is missing its titles, so it is not recognised as a name.
TXT = ("勇当先行者\n\n刘𠀾\n\n2020年，韩城市总工会团结动员广大职工建功立业。\n\n政治引领更加有力。深入开展学习。\n")


def _docx(path):
    d = docx.Document()
    d.add_paragraph("奋力谱写新篇章", style="Heading 1")
    d.add_paragraph().add_run().add_picture(io.BytesIO(png((300, 400), (200, 10, 10))))
    d.add_paragraph("某某县总工会")
    d.add_paragraph("欧阳芳")
    d.add_paragraph("县总工会主席")
    d.add_paragraph("2020年，某某县总工会团结动员广大职工。")
    d.add_paragraph().add_run().add_picture(io.BytesIO(png((400, 300), (10, 10, 200))))
    d.add_paragraph("政治引领更加有力。深入开展学习。")
    d.save(str(path))
    return str(path)


def when_dialog(qtbot, act, cls=ImportDialog):
    """Run ``act(dialog)`` as soon as a modal ``cls`` is up (it runs inside the dialog's exec)."""
    return when_modal(cls, act)


def _click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _columns(w):
    return [b for _, b in w.doc.bulletin.iter_blocks() if isinstance(b, ColumnBlock)]


def test_import_dialog_choose_files_correct_role_pick_portrait_import_undo(make_window, qtbot, tmp_path, monkeypatch):
    w = make_window()
    before = to_data(w.doc.bulletin)
    n_before = len(_columns(w))
    txt = tmp_path / "韩城.txt"
    txt.write_text(TXT, encoding="gb18030")
    paths = [str(txt), _docx(tmp_path / "某县.docx")]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (paths, ""))
    seen = {}

    def review(d: ImportDialog):
        assert [d.files.item(i).text() for i in range(d.files.count())] == ["韩城.txt", "某县.docx"]
        # 韩城: "刘𠀾" has no title under it and was taken for a headline: the user says it is the name
        d.files.setCurrentRow(0)
        rows = {d.lines.item(r, 1).text(): r for r in range(d.lines.rowCount())}
        combo = d.lines.cellWidget(rows["刘𠀾"], 2)
        seen["before"] = combo.currentText()
        combo.setCurrentIndex(combo.findData("name"))
        combo.activated.emit(combo.currentIndex())
        combo = d.lines.cellWidget(rows["刘𠀾"], 2)
        seen["after"] = combo.currentText()
        seen["tree"] = [d.summary.topLevelItem(i).text(0) for i in range(d.summary.topLevelItemCount())]
        # 某县: two pictures; the user takes the second as the portrait
        d.files.setCurrentRow(1)
        assert d.pictures.count() == 2 and d.pictures_box.isVisible()
        roles = [d.lines.cellWidget(r, 2).currentText() for r in range(d.lines.rowCount())]
        seen["roles"] = roles
        item = d.pictures.item(1)
        qtbot.mouseClick(d.pictures.viewport(), Qt.MouseButton.LeftButton, pos=d.pictures.visualItemRect(item).center())
        seen["portrait"] = d.pictures.item(1).text()
        _click(qtbot, d.buttons.button(QDialogButtonBox.StandardButton.Ok))

    state, _timer = when_dialog(qtbot, review)
    w.act_import.trigger()
    assert state["done"]
    assert "栏目标题" in seen["before"] and seen["after"] == "姓名"
    assert seen["roles"][:6] == ["自动：栏目标题", "自动：图片", "自动：单位", "自动：姓名", "自动：职务", "自动：正文"]
    assert "（肖像）" in seen["portrait"]
    cols = _columns(w)
    assert len(cols) == n_before + 2
    han, county = cols[-2], cols[-1]
    assert (han.headline, han.person.name, han.region) == ("勇当先行者", "刘𠀾", "韩城")
    assert (county.headline, county.organisation, county.person.name) == ("奋力谱写新篇章", "某某县总工会", "欧阳芳")
    from PIL import Image

    assert Image.open(io.BytesIO(w.doc.bulletin.images.get(county.portrait.image))).size == (400, 300)
    rows = [w.problems.topLevelItem(i).text(0) for i in range(w.problems.topLevelItemCount())]
    assert "导入" in rows  # the import report is in the Problems panel
    assert w.doc.undo_stack.count() == 1 and w.doc.undo_stack.undoText().startswith("导入稿件")
    w.act_undo.trigger()
    assert to_data(w.doc.bulletin) == before
    w.act_redo.trigger()
    assert len(_columns(w)) == n_before + 2


def test_import_into_a_new_page(make_window, qtbot, tmp_path):
    from gui import importing

    w = make_window()
    pages = len(w.doc.bulletin.pages)
    txt = tmp_path / "a.txt"
    txt.write_text(TXT, encoding="utf-8")

    def review(d):
        d.into_new.setChecked(True)
        _click(qtbot, d.buttons.button(QDialogButtonBox.StandardButton.Ok))

    when_dialog(qtbot, review)
    blocks = sum(len(p.blocks) for p in w.doc.bulletin.pages)
    assert importing.import_paths(w, [str(txt)])
    # a new page, and the import ends on the planned pages (the make-up may fill it from others)
    assert len(w.doc.bulletin.pages) == pages + 1 and w.doc.bulletin.pages[-1].blocks
    assert sum(len(p.blocks) for p in w.doc.bulletin.pages) == blocks + 1


def test_cancel_changes_nothing_and_bad_files_are_named(make_window, qtbot, tmp_path, monkeypatch):
    from gui import importing

    w = make_window()
    before = to_data(w.doc.bulletin)
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"not a zip")
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    assert not importing.import_paths(w, [str(bad)])
    assert "坏.docx：不是 Word .docx 文件" in warned[0]  # in the UI's language
    good = tmp_path / "a.txt"
    good.write_text(TXT, encoding="utf-8")
    when_dialog(qtbot, lambda d: _click(qtbot, d.buttons.button(QDialogButtonBox.StandardButton.Cancel)))
    assert not importing.import_paths(w, [str(good)])
    assert to_data(w.doc.bulletin) == before and w.doc.undo_stack.count() == 0


def _drop(target, paths) -> bool:
    """Drag files in from outside and drop them, as the window system does; True if accepted."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(p) for p in paths])
    pos = target.rect().center()
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(pos, *args)
    QApplication.sendEvent(target, enter)
    move = QDragMoveEvent(pos, *args)
    QApplication.sendEvent(target, move)
    drop = QDropEvent(QPointF(pos), *args)
    QApplication.sendEvent(target, drop)
    return bool(enter.isAccepted() and drop.isAccepted())


def test_dropping_files_on_the_outline_imports_them(make_window, qtbot, tmp_path):
    w = make_window()
    n = len(_columns(w))
    paths = [_docx(tmp_path / "a.docx")]
    state, _t = when_dialog(qtbot, lambda d: _click(qtbot, d.buttons.button(QDialogButtonBox.StandardButton.Ok)))
    assert _drop(w.outline.viewport(), paths)
    qtbot.waitUntil(lambda: state["done"] and len(_columns(w)) == n + 1, timeout=5000)
    assert _columns(w)[-1].person.name == "欧阳芳"
    # a drop of something else is left to the outline (its own moves) and imports nothing
    other = tmp_path / "x.pdf"
    other.write_bytes(b"%PDF")
    assert not _drop(w.outline.viewport(), [str(other)])
    qtbot.wait(100)
    assert len(_columns(w)) == n + 1


def test_dropping_on_the_window(make_window, qtbot, tmp_path):
    w = make_window()
    n = len(_columns(w))
    txt = tmp_path / "a.txt"
    txt.write_text(TXT, encoding="utf-8")
    state, _t = when_dialog(qtbot, lambda d: _click(qtbot, d.buttons.button(QDialogButtonBox.StandardButton.Ok)))
    _drop(w, [str(txt)])
    qtbot.waitUntil(lambda: state["done"] and len(_columns(w)) == n + 1, timeout=5000)


def test_open_of_a_docx_offers_to_import_it(make_window, qtbot, tmp_path, monkeypatch):
    w = make_window()
    n = len(_columns(w))
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    when_dialog(qtbot, lambda d: _click(qtbot, d.buttons.button(QDialogButtonBox.StandardButton.Ok)))
    assert w.open_path(_docx(tmp_path / "城市.docx"))
    assert "城市.docx" in asked[0] and len(_columns(w)) == n + 1
    assert w.doc.path is None  # the open bulletin stays the open bulletin


def test_dialog_add_and_remove_files(qtbot, tmp_path, gui_env):
    from importers.review import read_submission

    txt = tmp_path / "a.txt"
    txt.write_text(TXT, encoding="utf-8")
    d = ImportDialog([read_submission(txt)])
    qtbot.addWidget(d)
    d.add_paths([_docx(tmp_path / "b.docx")])
    assert d.files.count() == 2
    d.files.setCurrentRow(0)
    d._remove_current()
    assert d.files.count() == 1 and d.files.item(0).text() == "b.docx"
    bulletin, report = d.result_bulletin()
    assert report.columns == 1 and bulletin.pages[0].blocks[0].person.name == "欧阳芳"


def test_an_empty_submission_changes_nothing(make_window, qtbot, tmp_path, monkeypatch):
    from gui import importing

    w = make_window()
    empty = tmp_path / "空.txt"
    empty.write_text("\n\u3000\n", encoding="utf-8")
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[1]))
    when_dialog(qtbot, lambda d: _click(qtbot, d.buttons.button(QDialogButtonBox.StandardButton.Ok)))
    assert not importing.import_paths(w, [str(empty)])
    assert told == ["没有可导入的内容"] and w.doc.undo_stack.count() == 0

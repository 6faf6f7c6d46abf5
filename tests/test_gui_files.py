"""Files: save and reopen, the unsaved-changes prompt, autosave and crash recovery, export."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QMessageBox

from gui import settings as app_settings
from gui.app import offer_recovery
from gui.autosave import find_recoveries
from layout.types import LaidOutDocument, Problem
from model.project_file import load, save
from model.serialize import to_data, used_images
from tests.test_gui_helpers import first_column, type_text
from tests.test_gui_portrait import _jpeg

pytest_plugins = ("tests.test_gui_helpers",)  # its fixtures: gui_env, make_window


def same_content(a, b) -> bool:
    """Equal text, structure and used images (the live store also keeps images undo may need)."""
    used = used_images(a)
    return (to_data(a) == to_data(b) and used == used_images(b)
            and all(a.images.get(n) == b.images.get(n) for n in used))


def test_save_then_reopen_gives_the_same_bulletin(make_window, tmp_path):
    w = make_window()
    col = first_column(w.doc.bulletin)
    w.select(col.id)
    type_text(w.form.headline, "（改）")
    w.form.portrait.import_bytes(_jpeg((600, 800)), "p.jpg")
    path = str(tmp_path / "第一季度.bulletin")
    assert w.save_to(path)
    assert not w.isWindowModified()
    assert "第一季度.bulletin" in w.windowTitle()
    assert same_content(load(path), w.doc.bulletin)
    assert path in app_settings.recent_files()
    # Reopen in a new window: same content, images readable.
    w2 = make_window(load(path), path)
    assert same_content(w2.doc.bulletin, w.doc.bulletin)
    c2 = first_column(w2.doc.bulletin)
    assert w2.doc.bulletin.images.get(c2.portrait.image)[:2] == b"\xff\xd8"


def test_undo_after_save_still_has_the_old_portrait(make_window, tmp_path):
    w = make_window()
    col = first_column(w.doc.bulletin)
    w.select(col.id)
    old = col.portrait.image
    w.form.portrait.import_bytes(_jpeg((600, 800)), "p.jpg")
    path = str(tmp_path / "a.bulletin")
    assert w.save_to(path)
    w.act_undo.trigger()
    assert col.portrait.image == old
    assert w.doc.bulletin.images.get(old)  # kept although the saved file does not hold it
    assert w.save_to(path)
    assert same_content(load(path), w.doc.bulletin)


def test_title_shows_name_and_modified_mark(make_window, tmp_path):
    path = str(tmp_path / "刊.bulletin")
    from model.example import example_bulletin

    save(example_bulletin(), path)
    w = make_window(load(path), path)
    assert w.windowTitle().startswith("刊.bulletin[*]")
    assert not w.isWindowModified()
    w.select(first_column(w.doc.bulletin).id)
    type_text(w.form.region, "甲")
    assert w.isWindowModified()


def _patch_question(monkeypatch, answer):
    asked = []

    def question(*args, **kwargs):
        asked.append(args)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_closing_with_unsaved_changes_asks(make_window, monkeypatch, tmp_path, qtbot):
    w = make_window()
    w.select(first_column(w.doc.bulletin).id)
    type_text(w.form.headline, "改")
    asked = _patch_question(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert not w.close()
    assert asked and w.isVisible()
    asked = _patch_question(monkeypatch, QMessageBox.StandardButton.Save)
    target = str(tmp_path / "saved.bulletin")
    monkeypatch.setattr("gui.main_window.QFileDialog.getSaveFileName", lambda *a, **k: (target, ""))
    assert w.close()
    assert asked and os.path.exists(target)
    assert first_column(load(target)).headline.endswith("改")


def test_discard_closes_without_saving(make_window, monkeypatch):
    w = make_window()
    w.select(first_column(w.doc.bulletin).id)
    type_text(w.form.headline, "改")
    _patch_question(monkeypatch, QMessageBox.StandardButton.Discard)
    assert w.close()


def test_unmodified_close_does_not_ask(make_window, monkeypatch):
    w = make_window()
    asked = _patch_question(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert w.close()
    assert not asked


def test_autosave_writes_a_recovery_file_and_a_crash_offers_it(make_window, tmp_path, gui_env):
    user_file = str(tmp_path / "mine.bulletin")
    from model.example import example_bulletin

    save(example_bulletin(), user_file)
    before = open(user_file, "rb").read()
    w = make_window(load(user_file), user_file)
    assert not w.autosaver.save_now()  # nothing to save yet
    w.select(first_column(w.doc.bulletin).id)
    type_text(w.form.headline, "未保存的修改")
    w.autosaver.timer.timeout.emit()  # the one-minute tick
    rec_path = w.autosaver.path
    assert os.path.exists(rec_path)
    assert os.path.dirname(rec_path) == str(gui_env)
    assert open(user_file, "rb").read() == before  # never over the user's file
    assert first_column(load(rec_path)).headline.endswith("未保存的修改")
    # A running editor's recovery file is not offered to another window.
    assert find_recoveries(str(gui_env)) == []

    w.autosaver.abandon()  # the process "dies": file left, lock gone
    recs = find_recoveries(str(gui_env))
    assert [r.path for r in recs] == [rec_path]
    assert recs[0].original == user_file and recs[0].saved_at.year >= 2024

    w2 = make_window()
    seen = []
    assert offer_recovery(w2, ask=lambda _w, rec: seen.append(rec) or "restore")
    assert seen[0].saved_at.strftime("%H:%M") in seen[0].saved_at.isoformat()
    assert first_column(w2.doc.bulletin).headline.endswith("未保存的修改")
    assert w2.doc.path == user_file and w2.isWindowModified()
    assert open(user_file, "rb").read() == before
    # Saving the restored work removes the recovery file; so does a clean exit.
    assert w2.save()
    assert not os.path.exists(rec_path)


def test_clean_exit_removes_the_recovery_file(make_window, monkeypatch):
    w = make_window()
    w.select(first_column(w.doc.bulletin).id)
    type_text(w.form.headline, "改")
    assert w.autosaver.save_now()
    path = w.autosaver.path
    assert os.path.exists(path)
    _patch_question(monkeypatch, QMessageBox.StandardButton.Discard)
    assert w.close()
    assert not os.path.exists(path)


def test_focus_loss_autosaves(make_window, qapp):
    from PySide6.QtCore import Qt

    w = make_window()
    w.select(first_column(w.doc.bulletin).id)
    type_text(w.form.headline, "改")
    qapp.applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    assert os.path.exists(w.autosaver.path)


def test_discarding_a_recovery_removes_it(make_window, gui_env):
    w = make_window()
    w.select(first_column(w.doc.bulletin).id)
    type_text(w.form.headline, "改")
    w.autosaver.save_now()
    w.autosaver.abandon()
    w2 = make_window()
    assert not offer_recovery(w2, ask=lambda _w, _r: "discard")
    assert find_recoveries(str(gui_env)) == []


def test_export_runs_in_a_worker_on_a_copy_and_reports(make_window, qtbot, tmp_path):
    w = make_window()
    calls = []

    def fake_pdf(bulletin, path, colour="cmyk", bleed_mm=0.0):
        import threading

        calls.append((bulletin, path, colour, bleed_mm, threading.current_thread() is threading.main_thread()))
        with open(path, "wb") as fh:
            fh.write(b"%PDF-1.4\n")
        return LaidOutDocument([], [Problem("overset", "x", "西安: 超出 12 字", chars=12),
                                    Problem("low_res", "y", "portrait 150 ppi")])

    w.exporter.pdf_loader = lambda: fake_pdf
    out = str(tmp_path / "out.pdf")
    with qtbot.waitSignal(w.exporter.done, timeout=10000):
        w.exporter.export_pdf(out, "grey", 3.0)
    bulletin, path, colour, bleed, on_main = calls[0]
    assert bulletin is not w.doc.bulletin and bulletin == w.doc.bulletin
    assert (path, colour, bleed, on_main) == (out, "grey", 3.0, False)
    report = w.exporter.report
    assert report is not None and "out.pdf" in report.text()
    assert "文字超出" in report.text() and "图片分辨率低" in report.text()
    assert any(b.text() == "打开所在文件夹" for b in report.buttons())
    report.close()


def test_real_exports_from_the_window(make_window, qtbot, tmp_path):
    """With the project's exporters: PDF and DOCX written off the GUI thread, then reported."""
    import pytest

    pytest.importorskip("exporters.pdf")
    pytest.importorskip("exporters.docx")
    w = make_window()
    pdf, docx = str(tmp_path / "专版.pdf"), str(tmp_path / "专版.docx")
    with qtbot.waitSignal(w.exporter.done, timeout=180000) as sig:
        w.exporter.export_pdf(pdf, "cmyk", 0.0)
    assert sig.args[0] == "pdf", sig.args
    assert open(pdf, "rb").read(5) == b"%PDF-"
    assert "专版.pdf" in w.exporter.report.text()
    w.exporter.report.close()
    with qtbot.waitSignal(w.exporter.done, timeout=180000) as sig:
        w.exporter.export_docx(docx)
    assert sig.args[0] == "docx", sig.args
    assert open(docx, "rb").read(2) == b"PK"
    w.exporter.report.close()

"""The editor never loses work: the ten ways issue 11 lost it, each with real files on disk.

(Situations 9 and 10 — export over the project, kill -9 during a save — are CLI/file-level and
live in tests/test_fileio.py.)
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import socket
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile, Qt
from PySide6.QtWidgets import QMessageBox

from gui.app import offer_recovery
from gui.file_ops import lock_path
from model.example import example_bulletin
from model.fileio import temp_name
from model.project_file import load, save
from model.serialize import used_images
from tests.test_gui_helpers import first_column, type_text
from tests.test_gui_portrait import _jpeg

pytest_plugins = ("tests.test_gui_helpers",)
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def dialogs(monkeypatch):
    """Every modal message box answered without a human: records (kind, title, text)."""
    seen: list[tuple[str, str, str]] = []

    def record(kind, answer):
        def show(_parent, title, text, *a, **k):
            seen.append((kind, title, text))
            return answer
        return show

    monkeypatch.setattr(QMessageBox, "critical", record("critical", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "warning", record("warning", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "information", record("information", QMessageBox.StandardButton.Ok))
    return seen


def _answer_disk(w, answer: str) -> list[tuple[str, str]]:
    asked = []
    w.file_ops.ask_disk = lambda state, path, before_save: asked.append((state, path)) or answer
    return asked


def _project(tmp_path, name="会刊.bulletin", title="原稿") -> str:
    b = example_bulletin()
    b.issue_title = title
    path = str(tmp_path / name)
    save(b, path)
    return path


def _edit(w, text="（本机修改）"):
    col = first_column(w.doc.bulletin)
    w.select(col.id)
    type_text(w.form.headline, text)
    assert w.doc.is_modified()
    return col


def _different_pictures(path: str) -> None:
    """Another editor (or a sync client) rewrites the file: other text, other pictures."""
    other = example_bulletin()
    other.issue_title = "别人的版本"
    for i, (_p, col) in enumerate((p, b) for p, b in other.iter_blocks() if hasattr(b, "portrait")):
        if getattr(col, "portrait", None) is not None:
            col.portrait.image = other.images.add(_jpeg((300 + i, 400), colour=(10 * i, 200, 30)))
    other.images.retain(used_images(other))
    save(other, path)


# ------------------------------------------------------------------ 1. memory flat while typing


def test_1_typing_keeps_two_versions_of_a_block_in_the_layout_cache_not_every_keystroke(monkeypatch):
    from layout import document as ld

    ld._MEASURED.clear()  # what earlier tests left in the process-wide cache is not counted
    b = example_bulletin()
    col = first_column(b)
    pi = next(i for i, p in enumerate(b.pages) if col in p.blocks)
    previous = ld.lay_out_pages(b)
    before = len(ld._MEASURED)
    for _ in range(60):
        col.paragraphs[0].text += "字"
        previous = ld.lay_out_pages(copy.deepcopy(b), {pi}, previous)
    versions = [k for k, m in ld._MEASURED.items() if getattr(m.block, "id", "") == col.id]
    assert len(versions) <= 2
    assert len(ld._MEASURED) <= before + 2
    # The byte budget, not only the entry count, bounds it (here shrunk to 1 MB).
    monkeypatch.setattr(ld, "_MEASURED_BYTES_MAX", 1024 * 1024)
    col.paragraphs[0].text = "长" * 2000
    ld.lay_out_pages(copy.deepcopy(b))
    assert 0 < ld._measured_bytes <= 1024 * 1024
    assert sum(len(k[-1]) for k in ld._MEASURED) * ld._BYTES_PER_CHAR == ld._measured_bytes


# ------------------------------------------------------------------ 2. file rewritten by another program


def test_2_file_rewritten_with_other_pictures_save_save_as_and_autosave_still_work(make_window, tmp_path,
                                                                                   dialogs, gui_env):
    path = _project(tmp_path)
    w = make_window(load(path), path)
    col = _edit(w)
    mine = col.portrait.image
    _different_pictures(path)

    # Autosave: the recovery copy is complete.
    assert w.autosaver.save_now()
    rec = load(w.autosaver.path)
    assert first_column(rec).headline.endswith("（本机修改）") and rec.images.get(mine)[:2] in (b"\xff\xd8", b"\x89P")

    # Save As elsewhere: everything, pictures included, from the editor's own copy.
    other = str(tmp_path / "另存.bulletin")
    assert w.save_to(other)
    assert load(other).images.get(mine) == w.doc.bulletin.images.get(mine)

    # Back on the original file: the change on disk is noticed on focus and before saving.
    w.doc.path, w.doc.disk_stamp = path, (0, 0, 0)  # as if still editing the rewritten original
    _edit(w, "再改")
    asked = _answer_disk(w, "cancel")
    w.file_ops._app_state_changed(Qt.ApplicationState.ApplicationActive)
    assert asked == [("changed", path)]
    assert not w.save()  # cancelled: nothing written, still unsaved
    assert load(path).issue_title == "别人的版本" and w.isWindowModified()
    _answer_disk(w, "overwrite")
    assert w.save()
    assert first_column(load(path)).headline.endswith("再改")
    assert not [d for d in dialogs if d[0] == "critical"]


def test_2_quitting_with_save_when_the_save_fails_keeps_the_window_and_the_work(make_window, tmp_path,
                                                                               dialogs, monkeypatch):
    path = _project(tmp_path)
    w = make_window(load(path), path)
    _edit(w)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)

    def broken(*_a, **_k):
        raise KeyError("image 'x' is not in this bulletin")  # any failure, even an unexpected one

    monkeypatch.setattr("gui.file_ops.save", broken)
    assert not w.close()
    assert w.isVisible() and w.doc.is_modified()
    assert dialogs and dialogs[-1][0] == "critical" and path in dialogs[-1][2] and "KeyError" in dialogs[-1][2]


# ------------------------------------------------------------------ 3. file moved or deleted


def test_3_file_moved_away_save_as_autosave_and_a_clear_failure(make_window, tmp_path, dialogs, monkeypatch):
    stick = tmp_path / "U盘"
    stick.mkdir()
    path = _project(stick)
    w = make_window(load(path), path)
    col = _edit(w)
    shutil.move(str(stick), str(tmp_path / "拔出"))  # the USB stick is gone

    assert w.autosaver.save_now()  # autosave does not need the original
    assert first_column(load(w.autosaver.path)).headline == col.headline

    asked = _answer_disk(w, "overwrite")
    assert not w.save()
    assert asked == [("gone", path)]
    kind, _title, text = dialogs[-1]
    assert kind == "critical" and path in text and str(stick) in text and "不存在" in text
    assert w.doc.is_modified() and w.isWindowModified()

    elsewhere = tmp_path / "桌面"
    elsewhere.mkdir()
    target = str(elsewhere / "会刊.bulletin")
    monkeypatch.setattr("gui.file_ops.QFileDialog.getSaveFileName", lambda *a, **k: (target, ""))
    _answer_disk(w, "save_as")
    assert w.save()  # the user chose "save as" in the dialog: saved there
    saved = load(target)
    assert first_column(saved).headline == col.headline
    assert all(saved.images.get(n) for n in used_images(saved))
    assert w.doc.path == target and not w.doc.is_modified()


# ------------------------------------------------------------------ 4. two editors on one file


def test_4_second_editor_is_warned_and_offered_a_read_only_copy(make_window, tmp_path, monkeypatch):
    path = _project(tmp_path)
    first = make_window(load(path), path)
    assert os.path.exists(lock_path(path))
    second = make_window(load(path), path)
    owner = second.file_ops.lock_conflict
    assert owner is not None and owner.pid == os.getpid() and owner.host == socket.gethostname()
    seen = []
    second.file_ops.ask_locked = lambda p, o, can_cancel: seen.append((p, o)) or "copy"
    assert second.file_ops.warn_if_locked() == "copy"
    assert seen and "只读" in second.windowTitle()
    _edit(second, "副本")
    copy_path = str(tmp_path / "副本.bulletin")
    monkeypatch.setattr("gui.file_ops.QFileDialog.getSaveFileName", lambda *a, **k: (copy_path, ""))
    assert second.save()  # a read-only copy saves under a new name, never over the first editor's file
    assert load(path).issue_title == "原稿" and first_column(load(copy_path)).headline.endswith("副本")

    # Open it from the menu while the first editor has it: the same offer, and Cancel keeps things.
    third = make_window()
    third.file_ops.ask_locked = lambda p, o, can_cancel: "cancel"
    assert not third.open_path(path, ask=False)
    assert third.doc.path is None

    # The first editor is told when someone saves over its file anyway.
    fourth = make_window()
    fourth.file_ops.ask_locked = lambda p, o, can_cancel: "edit"
    assert fourth.open_path(path, ask=False)
    _edit(fourth, "覆盖者")
    assert fourth.save()
    asked = _answer_disk(first, "reload")
    first.file_ops._app_state_changed(Qt.ApplicationState.ApplicationActive)
    assert asked == [("changed", path)]
    assert first_column(first.doc.bulletin).headline.endswith("覆盖者") and not first.doc.is_modified()


def test_4_a_lock_held_by_another_process_and_a_stale_lock(make_window, tmp_path):
    path = _project(tmp_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from PySide6.QtCore import QLockFile
            lock = QLockFile({lock_path(path)!r})
            assert lock.tryLock(0)
            print("locked", flush=True)
            sys.stdin.readline()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        w = make_window(load(path), path)
        assert w.file_ops.lock_conflict is not None and w.file_ops.lock_conflict.pid == holder.pid
        w.close()
    finally:
        holder.stdin.close()
        holder.wait(10)
    # A lock left by an editor that died (its process is gone) is recognised and taken over.
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = QLockFile(lock_path(path))
    assert stale.tryLock(0)
    stale.unlock()
    Path(lock_path(path)).write_text(f"{int(dead.stdout)}\npython3\n{socket.gethostname()}\n")
    w2 = make_window(load(path), path)
    assert w2.file_ops.lock_conflict is None


# ------------------------------------------------------------------ 5. crash recovery, new portrait, autosave


def test_5_after_recovery_a_new_portrait_and_an_autosave_do_not_break_save(make_window, tmp_path, gui_env):
    path = _project(tmp_path)
    w = make_window(load(path), path)
    _edit(w, "恢复前")
    assert w.autosaver.save_now()
    w.autosaver.abandon()  # the editor "crashes"
    w.file_ops.release_lock()

    w2 = make_window()
    assert offer_recovery(w2, ask=lambda _w, _r: "restore")
    col = first_column(w2.doc.bulletin)
    w2.select(col.id)
    old = col.portrait.image
    assert w2.form.portrait.import_bytes(_jpeg((500, 700), colour=(1, 2, 3)), "新照片.jpg")
    assert w2.autosaver.save_now()  # rewrites the recovery file the document was loaded from
    assert w2.save()
    assert load(path).images.get(col.portrait.image)
    w2.act_undo.trigger()  # back to the old portrait, which only the first recovery file held
    assert col.portrait.image == old
    assert w2.save_to(path)
    reopened = load(path)
    assert first_column(reopened).portrait.image == old and reopened.images.get(old) == w2.doc.bulletin.images.get(old)


# ------------------------------------------------------------------ 6. quit with Discard


def test_6_quitting_with_discard_prints_no_traceback(tmp_path):
    script = textwrap.dedent(f"""
        import os, sys, tempfile
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QStandardPaths, QTimer
        QStandardPaths.setTestModeEnabled(True)
        from PySide6.QtWidgets import QMessageBox
        from gui import settings as app_settings
        app_settings.SETTINGS_FILE = {str(tmp_path / "s.ini")!r}
        from gui.app import setup_application
        app = setup_application("zh_CN")
        from gui.main_window import MainWindow
        from model.example import example_bulletin
        from model.document import ColumnBlock
        w = MainWindow(example_bulletin(), None, restore_settings=False, recovery_dir={str(tmp_path / "rec")!r})
        w.show()
        QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard)
        def go():
            col = next(b for _p, b in w.doc.bulletin.iter_blocks() if isinstance(b, ColumnBlock))
            w.select(col.id)
            w.form.headline.setText(w.form.headline.text() + "改")
            w.form.headline.textEdited.emit(w.form.headline.text())
            assert w.doc.is_modified()
            w.quit_app()
        QTimer.singleShot(300, go)
        sys.exit(app.exec())
    """)
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                       env=dict(os.environ, PYTHONPATH=str(ROOT)), cwd=str(ROOT))
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr and "already deleted" not in r.stderr, r.stderr


# ------------------------------------------------------------------ 7. a lone surrogate from a broken paste


def test_7_a_file_with_a_lone_surrogate_opens_cleaned_and_saves(make_window, tmp_path, dialogs):
    path = _project(tmp_path)
    with zipfile.ZipFile(path) as zf:
        entries = {n: zf.read(n) for n in zf.namelist()}
    payload = json.loads(entries["bulletin.json"])
    payload["bulletin"]["issue_title"] = "坏\ud83d字\x0c"
    entries["bulletin.json"] = json.dumps(payload).encode()  # \\ud83d escaped: valid JSON, invalid text
    with zipfile.ZipFile(path, "w") as zf:
        for n, data in entries.items():
            zf.writestr(n, data)
    w = make_window()
    assert w.open_path(path, ask=False)
    assert w.doc.bulletin.issue_title == "坏字"
    assert "U+D83D" in w.file_ops.last_note
    _edit(w)
    assert w.save()
    assert load(path).issue_title == "坏字"


def test_7_a_broken_paste_is_cleaned_as_it_is_typed(make_window, tmp_path):
    w = make_window()
    col = first_column(w.doc.bulletin)
    w.select(col.id)
    w.form.headline.setText("粘贴\ud800的\x07标题")
    w.form.headline.textEdited.emit(w.form.headline.text())
    assert col.headline == "粘贴的标题" and "U+0007" in w.file_ops.last_note
    editor = w.form.body.editor
    editor.setPlainText("第一段\ud83d\n第二段\x00")
    assert all("\ud83d" not in p.text and "\x00" not in p.text for p in col.paragraphs)
    assert w.save_to(str(tmp_path / "x.bulletin"))


# ------------------------------------------------------------------ 8. saving through a symbolic link


def test_8_saving_through_a_symbolic_link_keeps_the_link(make_window, tmp_path):
    real_dir = tmp_path / "share"
    real_dir.mkdir()
    real = _project(real_dir)
    link = tmp_path / "桌面快捷.bulletin"
    link.symlink_to(real)
    w = make_window(load(str(link)), str(link))
    _edit(w, "经链接")
    assert w.save()
    assert link.is_symlink() and os.readlink(link) == real
    assert first_column(load(real)).headline.endswith("经链接")
    assert not w.doc.is_modified()


# ------------------------------------------------------------------ 10 (GUI half). stale temporaries


def test_10_opening_a_file_removes_what_a_killed_save_left_behind(make_window, tmp_path):
    path = _project(tmp_path)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    left = tmp_path / temp_name(path, int(dead.stdout))
    left.write_bytes(b"x" * 1000)
    w = make_window()
    assert w.open_path(path, ask=False)
    assert not left.exists()


# ------------------------------------------------------------------ failures are shown, the editor runs on


def test_an_exception_in_a_slot_shows_a_dialog_writes_a_recovery_copy_and_the_editor_runs_on(make_window, qtbot):
    from gui import crash_guard

    w = make_window()
    _edit(w, "出错前")
    crash_guard.install()
    try:
        def broken():
            raise ZeroDivisionError("boom")

        w.act_zoom_in.triggered.connect(broken)
        w.act_zoom_in.trigger()
        qtbot.waitUntil(lambda: bool(crash_guard.shown), timeout=5000)
    finally:
        crash_guard.uninstall()
    box = crash_guard.shown[-1]
    assert "ZeroDivisionError" in box.text() and "恢复副本" in box.text()
    assert first_column(load(w.autosaver.path)).headline.endswith("出错前")
    box.close()
    type_text(w.form.headline, "之后")  # still editing
    assert first_column(w.doc.bulletin).headline.endswith("之后")


def test_an_autosave_failure_is_shown_naming_the_recovery_file(make_window, tmp_path):
    w = make_window()
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the recovery folder should be")
    w.autosaver.directory = str(blocker)
    w.autosaver.path = str(blocker / "recovery-x.bulletin")
    _edit(w)
    assert not w.autosaver.save_now()
    box = w.file_ops._autosave_box
    assert box is not None and box.isVisible() and str(blocker) in box.text()
    box.close()


def test_1_preview_caches_are_bounded_by_bytes(make_window, monkeypatch):
    from gui import images as gui_images
    from gui import preview as gui_preview

    w = make_window()
    canvas = w.preview.canvas
    canvas._cache.clear()
    canvas.grab()  # paints every page once
    assert len(canvas._cache) >= 2
    one_page = max(p.width() * p.height() * 4 for p in canvas._cache.values())
    monkeypatch.setattr(gui_preview, "_MAX_CACHE_BYTES", one_page + 1)
    canvas._cache.clear()
    canvas.grab()
    assert len(canvas._cache) == 1

    monkeypatch.setattr(gui_images, "_CACHE_MAX_BYTES", 1)
    for i in range(3):
        data = _jpeg((200 + i, 300))
        gui_images.cached_upright(f"photo{i}", lambda d=data: d)
    assert len(gui_images._cache) == 1


def test_4_closing_and_new_release_the_lock(make_window, tmp_path):
    path = _project(tmp_path)
    w = make_window(load(path), path)
    assert os.path.exists(lock_path(path))
    w.new_from_template("special")
    assert not os.path.exists(lock_path(path))
    assert w.open_path(path, ask=False) and os.path.exists(lock_path(path))
    assert w.close()
    assert not os.path.exists(lock_path(path))

"""Opening, saving and closing for the main window — the part of the editor that must never lose work.

The window delegates every file operation here (its ``save``, ``open_path``, ``closeEvent`` …
are one-line calls), so the rules live in one place:

- A save either succeeds or says, in a dialog, which file could not be written and why; the
  document then stays open and marked unsaved, and the window does not close with unsaved
  work unless the user chose Discard. Autosave failures are shown as well (gui/autosave.py
  writes the recovery file; this module tells the user when it cannot).
- The document never depends on its file staying as it was: its pictures are read from a
  private copy (gui/document.keep_pictures_private), so another program rewriting, moving
  or deleting the file cannot break a save.
- Another program's change to the file is noticed when the editor gets the focus back and
  before every save; the user chooses to reload it, save under another name, or overwrite.
- A lock file beside the project (``.~lock.NAME#``, as office suites do; QLockFile, which
  recognises the lock of an editor that died on this computer as stale) warns a second
  editor, which is offered a read-only copy.
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass

from PySide6.QtCore import QLockFile, QObject, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from gui import settings as app_settings
from gui.document import disk_stamp
from gui.templates import new_bulletin
from model.clean_text import clean_tree
from model.fileio import real_target, remove_stale_temps, same_file
from model.project_file import ProjectFileError, load, save
from model.serialize import ModelError


def lock_path(path: str) -> str:
    """The lock file of a project: beside the real file, named as LibreOffice names its own."""
    folder, name = os.path.split(real_target(path))
    return os.path.join(folder, f".~lock.{name}#")


@dataclass(frozen=True)
class LockOwner:
    """Who holds a project's lock file."""

    pid: int
    host: str
    app: str


class FileOps(QObject):
    """New, open, save, save as, the on-disk watch, the lock and closing, for one window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.w = window
        self.doc = window.doc
        self._lock: QLockFile | None = None
        # the other editor holding the lock of the file this window opened (None: we hold it)
        self.lock_conflict: LockOwner | None = None
        self._asked_about: tuple[str, object] | None = None  # disk change already put to the user
        self._autosave_box: QMessageBox | None = None
        self._autosave_error = ""
        self.last_note = ""
        self._locked_path = ""
        self.claim_lock(self.doc.path)
        if self.doc.path:
            remove_stale_temps(self.doc.path)  # what an editor killed while saving it left behind
        self.doc.pathChanged.connect(self._path_changed)
        app = QApplication.instance()
        if app is not None:
            app.applicationStateChanged.connect(self._app_state_changed)
        window.autosaver.failed.connect(self._autosave_failed)
        window.autosaver.saved.connect(self._autosave_worked)
        self.doc.noted.connect(self.note)

    def parent_widget(self) -> QWidget:
        return self.w

    # ================================================================== lock file
    def claim_lock(self, path: str | None) -> bool:
        """Hold ``path``'s lock (dropping any other); False when another editor holds it."""
        self.release_lock()
        self.lock_conflict = None
        if not path:
            return True
        lock = QLockFile(lock_path(path))
        lock.setStaleLockTime(0)  # only a dead owner makes a lock stale, never its age
        if lock.tryLock(0):
            self._lock = lock
            self._locked_path = real_target(path)
            return True
        if lock.error() != QLockFile.LockError.LockFailedError:
            return True  # read-only folder, CD, …: no lock is possible, nothing to warn about
        info = lock.getLockInfo()  # (pid, host name, application name); shorter when unreadable
        pid, host, app = (tuple(info)[-3:] if isinstance(info, tuple) and len(info) >= 3 else (0, "", ""))
        self.lock_conflict = LockOwner(int(pid or 0), str(host or ""), str(app or ""))
        return False

    def release_lock(self) -> None:
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
        self._locked_path = ""

    def _path_changed(self, path: str) -> None:
        """The document now belongs to ``path`` (restored recovery, New …): hold its lock."""
        if not path:
            self.release_lock()
        elif real_target(path) != self._locked_path:
            self.claim_lock(path)

    def ask_locked(self, path: str, owner: LockOwner, can_cancel: bool) -> str:
        """"copy" (read-only copy), "edit" (edit anyway) or "cancel"."""
        box = QMessageBox(self.parent_widget())
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("文件正在别处编辑"))
        who = self.tr("另一个会刊编辑器（计算机 {}，进程 {}）").format(owner.host or "?", owner.pid or "?")
        box.setText(self.tr("“{}”已被{}打开。\n\n两处同时修改，后保存的会覆盖先保存的。"
                            "建议以只读副本打开：可以查看、修改，保存时另起文件名。").format(
            os.path.basename(path), who))
        copy_b = box.addButton(self.tr("以只读副本打开"), QMessageBox.ButtonRole.AcceptRole)
        edit_b = box.addButton(self.tr("仍然编辑"), QMessageBox.ButtonRole.DestructiveRole)
        if can_cancel:
            box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(copy_b)
        box.exec()
        clicked = box.clickedButton()
        return "copy" if clicked is copy_b else "edit" if clicked is edit_b else "cancel"

    def warn_if_locked(self, can_cancel: bool = False) -> str:
        """Tell the user another editor has this file open; "" when none does."""
        if self.lock_conflict is None or not self.doc.path:
            return ""
        answer = self.ask_locked(self.doc.path, self.lock_conflict, can_cancel)
        if answer == "copy":
            self.doc.read_only = True
            self.w._update_title()
        return answer

    # ================================================================== the file on disk
    def disk_state(self) -> str:
        """"same", "changed" (another program wrote it) or "gone" (moved or deleted)."""
        if not self.doc.path or self.doc.read_only:
            return "same"
        now = disk_stamp(self.doc.path)
        if now is None:
            return "gone"
        return "same" if now == self.doc.disk_stamp else "changed"

    def ask_disk(self, state: str, path: str, before_save: bool) -> str:
        """"reload", "save_as", "overwrite" or "cancel" for a file changed or gone on disk."""
        box = QMessageBox(self.parent_widget())
        box.setIcon(QMessageBox.Icon.Warning)
        name = os.path.basename(path)
        if state == "gone":
            box.setWindowTitle(self.tr("文件已不在原处"))
            box.setText(self.tr("“{}”已被移动或删除（U 盘被拔出？）：\n{}\n\n编辑器中的内容都还在。"
                                "可以另存为新文件，或在原位置重新写入。").format(name, path))
        else:
            box.setWindowTitle(self.tr("文件已被修改"))
            box.setText(self.tr("“{}”已被其他程序（另一个编辑器或同步软件）修改：\n{}\n\n"
                                "重新载入会放弃这里未保存的修改；覆盖会丢弃对方的修改。").format(name, path))
        reload_b = box.addButton(self.tr("重新载入"), QMessageBox.ButtonRole.ResetRole) if state != "gone" else None
        save_as_b = box.addButton(self.tr("另存为…"), QMessageBox.ButtonRole.AcceptRole)
        over_b = box.addButton(self.tr("覆盖") if state != "gone" else self.tr("在原位置保存"),
                               QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("取消") if before_save else self.tr("暂不处理"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save_as_b)
        box.exec()
        clicked = box.clickedButton()
        if reload_b is not None and clicked is reload_b:
            return "reload"
        return "save_as" if clicked is save_as_b else "overwrite" if clicked is over_b else "cancel"

    def check_disk(self, before_save: bool = False) -> str:
        """Ask about a change on disk; returns the answer ("same" when nothing changed)."""
        state = self.disk_state()
        if state == "same":
            return "same"
        key = (state, disk_stamp(self.doc.path))
        if not before_save and key == self._asked_about:
            return "cancel"  # asked about this very version already; saving will ask again
        self._asked_about = key
        answer = self.ask_disk(state, self.doc.path or "", before_save)
        if answer == "reload":
            self.reload()
        elif answer == "save_as":
            self.save_as()
        elif answer == "overwrite" and not before_save:
            self.save_to(self.doc.path or "", checked=True)
        return answer

    def _app_state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive and not self.w._closing:
            self.check_disk()

    def reload(self) -> bool:
        path = self.doc.path
        if not path:
            return False
        return self.open_path(path, ask=False, reload=True)

    # ================================================================== messages
    def note(self, text: str) -> None:
        """Something to know, nothing to answer: the status bar says it for a while."""
        self.last_note = text
        self.w.statusBar().showMessage(text, 10000)

    def _failed(self, title: str, text: str) -> None:
        QMessageBox.critical(self.parent_widget(), title, text)

    def _autosave_failed(self, reason: str) -> None:
        self._autosave_error = reason
        if self._autosave_box is not None and self._autosave_box.isVisible():
            return  # one message at a time; the next failure after it is closed is shown again
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("自动保存失败"),
                          self.tr("无法写入恢复副本 {}：\n\n{}\n\n修改都还在编辑器中；请尽快用“保存”存盘。").format(
                              self.w.autosaver.path, reason), QMessageBox.StandardButton.Ok, self.parent_widget())
        box.setWindowModality(Qt.WindowModality.NonModal)  # the timer must never block the editor
        box.show()
        self._autosave_box = box

    def _autosave_worked(self, _path: str) -> None:
        self._autosave_error = ""

    # ================================================================== new / open
    def maybe_save(self) -> bool:
        """Ask about unsaved work; True when it is safe to drop the current document."""
        if not self.doc.is_modified():
            return True
        answer = QMessageBox.question(
            self.parent_widget(),
            self.tr("保存修改？"),
            self.tr("“{}”有尚未保存的修改。关闭前要保存吗？").format(self.w.display_name()),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_from_template(self, key: str) -> None:
        if not self.maybe_save():
            return
        self.start_fresh(key)

    def start_fresh(self, key: str = "") -> None:
        """Replace the document by a new bulletin (``key``: a template; "": no placeholder blocks,
        for 从稿件新建) — the caller has asked about unsaved work."""
        from model.document import Bulletin, PageSetup

        self.w.autosaver.discard()
        self.release_lock()
        self.doc.replace(new_bulletin(key) if key else Bulletin(page_setup=PageSetup.from_preset("broadsheet")), None)

    def new_from_submissions(self, paths: list[str] | None = None) -> bool:
        """新建 → 从稿件新建…: choose the cities' files, review them, and make a bulletin of them."""
        from gui import importing

        if not self.maybe_save():
            return False
        if paths is None:
            start = app_settings.last_folder(os.path.expanduser("~"))
            paths, _ = QFileDialog.getOpenFileNames(self.parent_widget(), self.tr("从稿件新建"), start,
                                                    importing.file_filter())
        if not paths:
            return False
        app_settings.remember_folder(paths[0])
        return importing.import_paths(self.w, list(paths), fresh=True)

    def close_document(self) -> bool:
        """文件 → 关闭 (Ctrl+W): the document goes, the window stays with its start page."""
        if not self.maybe_save():
            return False
        from model.document import Bulletin

        self.w.autosaver.discard()
        self.release_lock()
        self.doc.replace(Bulletin(), None)
        self.w.show_start_page()
        return True

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        from gui.import_hooks import import_hooks as importing

        start = os.path.dirname(self.doc.path) if self.doc.path else app_settings.last_folder(os.path.expanduser("~"))
        path, _ = QFileDialog.getOpenFileName(self.parent_widget(), self.tr("打开会刊"), start,
                                              self.tr("会刊项目 (*.bulletin)") + ";;" + importing.file_filter())
        if path:
            self.w.open_path(path, ask=False)  # the window's: a submission is offered for import

    def open_path(self, path: str, *, ask: bool = True, reload: bool = False) -> bool:
        if ask and not self.maybe_save():
            return False
        notes: list[str] = []
        try:
            bulletin = load(path, notes)
        except ProjectFileError as exc:
            QMessageBox.critical(self.parent_widget(), self.tr("无法打开"),
                                 self.tr("无法打开这个文件：\n\n{}").format(exc))
            if not reload:
                app_settings.remove_recent(path)
            return False
        read_only = False
        if not reload or self._lock is None:
            if not self.claim_lock(path):
                assert self.lock_conflict is not None
                answer = self.ask_locked(path, self.lock_conflict, can_cancel=True)
                if answer == "cancel":
                    self.claim_lock(self.doc.path)
                    return False
                read_only = answer == "copy"
        remove_stale_temps(path)  # what an editor killed while saving this file left behind
        self.w.autosaver.discard()
        self.doc.replace(bulletin, path)
        self.doc.read_only = read_only
        self._asked_about = None
        self.w._update_title()
        app_settings.add_recent(path)
        if notes:
            self.note(self.tr("打开时删除了无法保存的字符：{}").format("；".join(notes)))
        return True

    # ================================================================== save
    def save(self) -> bool:
        if not self.doc.path or self.doc.read_only:
            return self.save_as()
        return self.save_to(self.doc.path)

    def save_as(self) -> bool:
        start = self.doc.path or os.path.join(app_settings.last_folder(os.path.expanduser("~")),
                                              (self.doc.bulletin.printed_title.replace("/", "-").replace("\\", "-") or self.tr("会刊")) + ".bulletin")
        if self.doc.path and not os.path.isdir(os.path.dirname(os.path.abspath(self.doc.path))):
            start = os.path.join(os.path.expanduser("~"), os.path.basename(self.doc.path))  # the folder is gone
        path, _ = QFileDialog.getSaveFileName(self.parent_widget(), self.tr("另存为"), start,
                                              self.tr("会刊项目 (*.bulletin)"))
        if not path:
            return False
        if not path.lower().endswith(".bulletin"):
            path += ".bulletin"
        return self.save_to(path)

    def _is_own_file(self, path: str) -> bool:
        return bool(self.doc.path) and (os.path.abspath(path) == os.path.abspath(self.doc.path or "")
                                        or same_file(path, self.doc.path or ""))

    def save_to(self, path: str, *, checked: bool = False) -> bool:
        """Save atomically, or say why not (the document then stays open and unsaved)."""
        if not checked and self._is_own_file(path) and not self.doc.read_only:
            answer = self.check_disk(before_save=True)
            if answer in ("reload", "save_as", "cancel"):
                return answer == "save_as" and not self.doc.is_modified()
        live = self.doc.bulletin
        notes = clean_tree(live)  # nothing should be left to clean; if so, save the clean text
        if notes:
            self.note(self.tr("保存前删除了无法保存的字符：{}").format("；".join(notes)))
        title = self.tr("无法保存")
        try:
            # The snapshot is saved: save() re-points the pictures of what it saved to the new
            # file, and the live document must keep reading its own (undo may bring any back).
            save(copy.deepcopy(live), path)
        except ModelError as exc:
            self._failed(title, self.tr("“{}”未保存：文档中有不合规的设置。\n\n{}").format(path, exc))
            return False
        except OSError as exc:
            folder = os.path.dirname(os.path.abspath(path))
            if not os.path.isdir(folder):
                reason = self.tr("文件夹 {} 已不存在（被移动、删除，或 U 盘已拔出）").format(folder)
            else:
                reason = exc.strerror or str(exc)
            self._failed(title, self.tr("无法写入 {}：\n\n{}\n\n修改都还在编辑器中，可以用“另存为”保存到别处。").format(
                path, reason))
            return False
        except Exception as exc:  # noqa: BLE001 - a save must say why it failed, never vanish
            self._failed(title, self.tr("保存 {} 时出错：\n\n{}\n\n修改都还在编辑器中，可以用“另存为”保存到别处。").format(
                path, f"{type(exc).__name__}: {exc}"))
            return False
        if not self._is_own_file(path) or self._lock is None:
            self.claim_lock(path)
        self.doc.mark_saved(path)
        self._asked_about = None
        self.w.autosaver.discard()
        app_settings.add_recent(path)
        self.w._update_status()
        self.w._update_title()
        self.w.statusBar().showMessage(self.tr("已保存 {}").format(path), 4000)
        return True

    # ================================================================== closing
    def quit_app(self) -> None:
        QApplication.closeAllWindows()

    def close_event(self, e: QCloseEvent) -> None:
        try:
            ok = self.maybe_save()
        except Exception:  # the hook (gui/crash_guard.py) reports it; the window stays open
            e.ignore()
            raise
        if not ok:
            e.ignore()
            return
        w = self.w
        w._closing = True
        s = app_settings.settings()
        s.setValue("window/geometry", w.saveGeometry())
        s.setValue("window/state", w.saveState())
        s.sync()
        w.autosaver.stop()
        w.autosaver.discard()
        self.release_lock()
        w.runner.timer.stop()
        w.runner.check_timer.stop()
        w.runner.clear()  # queued layouts and proofreading are of no use any more
        w.runner.wait(5000)
        w.fix_finder.timer.stop()  # no page fix is measured for a closed window
        w.fix_finder.pool.waitForDone(10000)
        w.exporter.wait(60000)
        e.accept()

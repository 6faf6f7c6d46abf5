"""The import hooks the main window installs at start: File → 导入稿件…, dropped files, 打开 of
a .docx/.txt offered for import.

They are kept apart from gui/importing.py so that opening the editor does not pay for the
importers (the word lists, the proofreader's tables, the review dialog's modules: about a
tenth of the editor's start); gui/importing.py is imported when a file is actually imported.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

translate = QCoreApplication.translate

#: the file names the importers read (importers.review's DOCX_SUFFIXES and TEXT_SUFFIXES,
#: importers.convert's CONVERTED_SUFFIXES; a test keeps the two lists equal)
SUBMISSION_SUFFIXES = (".docx", ".docm", ".txt", ".text", ".md", ".doc", ".wps", ".rtf", ".odt", ".wpt", ".dot")


def is_submission(path: str) -> bool:
    """A file the importer reads (by its name); .bulletin projects are opened, not imported."""
    return os.path.splitext(path)[1].lower() in SUBMISSION_SUFFIXES


def file_filter() -> str:
    patterns = " ".join(f"*{s}" for s in SUBMISSION_SUFFIXES)
    return translate("Importing", "投稿文件 ({})").format(patterns)


def import_paths(window, paths: list[str], *, fresh: bool = False) -> bool:
    """gui.importing.import_paths, imported when first needed."""
    from gui import importing

    return importing.import_paths(window, paths, fresh=fresh)


def ask_and_import(window) -> None:
    start = os.path.dirname(window.doc.path) if window.doc.path else os.path.expanduser("~")
    paths, _ = QFileDialog.getOpenFileNames(window, translate("Importing", "导入稿件"), start, file_filter())
    if paths:
        import_paths(window, paths)


def add_menu_action(window, menu) -> QAction:
    """File → 导入稿件… (Ctrl+I)."""
    action = QAction(translate("Importing", "导入稿件…"), window)
    action.setShortcut(QKeySequence("Ctrl+I"))
    action.setStatusTip(translate("Importing", "把各地市的投稿（Word 或文本文件）导入当前会刊"))
    action.triggered.connect(lambda: ask_and_import(window))
    menu.addAction(action)
    window.act_import = action
    return action


def offer_import(window, path: str) -> bool:
    """打开 of a submission: offer to import it into the open bulletin instead of failing."""
    answer = QMessageBox.question(
        window, translate("Importing", "导入稿件？"),
        translate("Importing", "“{}”是投稿文件，不是会刊项目。\n\n要把它导入到当前会刊吗？").format(os.path.basename(path)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    return import_paths(window, [path])


def dropped_paths(mime) -> list[str]:
    if mime is None or not mime.hasUrls():
        return []
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and is_submission(u.toLocalFile())]


class _DropFilter(QObject):
    """Accepts submission files dropped on the window or the outline (other drags pass through)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if dropped_paths(event.mimeData()):
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                return True
        elif kind == QEvent.Type.Drop:
            paths = dropped_paths(event.mimeData())
            if paths:
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                # after the drop returns: a modal dialog inside a drop handler blocks the source app
                from PySide6.QtCore import QTimer

                QTimer.singleShot(0, lambda: import_paths(self.window, paths,
                                                          fresh=getattr(self.window, "showing_start", False)))
                return True
        return False


def install_drop(window) -> None:
    """Drops of .docx/.txt … onto the window and onto the outline import them."""
    window.setAcceptDrops(True)
    filt = getattr(window, "_submission_drop", None) or _DropFilter(window)
    window._submission_drop = filt
    window.installEventFilter(filt)
    window.outline.viewport().installEventFilter(filt)
    window.preview.installEventFilter(filt)
    if not getattr(window, "_import_notes_cleared", False):  # another bulletin: the last import's report goes
        window._import_notes_cleared = True
        window.doc.replaced.connect(lambda: setattr(window.problems, "notes", []))


class import_hooks:  # noqa: N801 - a namespace the window imports under the name "importing"
    """The few calls gui/main_window.py makes, gathered so its import is one line."""

    add_menu_action = staticmethod(add_menu_action)
    install_drop = staticmethod(install_drop)
    is_submission = staticmethod(is_submission)
    offer_import = staticmethod(offer_import)
    file_filter = staticmethod(file_filter)

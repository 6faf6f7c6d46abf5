"""One place that catches every exception escaping a Qt slot or event handler.

PySide reports an exception raised in a slot through ``sys.excepthook`` and carries on with
the event loop. The default hook only prints to a terminal the user never sees, and the work
may be in a state no one planned for. This hook, installed once at start-up:

1. prints the traceback to stderr (for the log and the developers),
2. writes a recovery copy of every open window's unsaved work (gui/autosave.py), so even
   if the editor is in trouble the next start offers the work back,
3. shows a dialog saying what happened and that the work is safe — non-modal, because a
   nested event loop inside an exception handler is how one error becomes many,
and the editor keeps running.
"""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

_previous_hook = None
_handling = False
#: the dialogs shown (kept alive while visible; tests read the last one)
shown: list[QMessageBox] = []


def recovery_save_all() -> list[str]:
    """Write every open window's unsaved work to its recovery file; the paths written."""
    written = []
    app = QApplication.instance()
    if app is None:
        return written
    for widget in app.topLevelWidgets():
        saver = getattr(widget, "autosaver", None)
        if saver is None:
            continue
        try:
            if saver.save_now() or saver.doc.is_modified():
                written.append(saver.path)
        except Exception:  # noqa: BLE001 - the hook must not raise while handling an error
            traceback.print_exc()
    return written


def handle(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    global _handling
    traceback.print_exception(exc_type, exc, tb)
    if _handling or issubclass(exc_type, KeyboardInterrupt):
        return
    _handling = True
    try:
        written = recovery_save_all()
        app = QApplication.instance()
        if app is None:
            return
        parent = app.activeWindow()
        translate = QCoreApplication.translate
        text = translate("CrashGuard", "程序内部出错，刚才的操作没有完成。\n\n{}: {}").format(exc_type.__name__, exc)
        if written:
            text += "\n\n" + translate("CrashGuard", "未保存的修改已写入恢复副本，编辑器可以继续使用；建议现在保存一次。")
        else:
            text += "\n\n" + translate("CrashGuard", "没有丢失任何修改，编辑器可以继续使用。")
        box = QMessageBox(QMessageBox.Icon.Critical, translate("CrashGuard", "出错了"), text, QMessageBox.StandardButton.Ok, parent)
        box.setDetailedText("".join(traceback.format_exception(exc_type, exc, tb)))
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r, b=box: shown.remove(b) if b in shown else None)
        shown.append(box)
        box.show()
    finally:
        _handling = False


def install() -> None:
    """Route uncaught exceptions (slots, event handlers, timers) to ``handle``. Idempotent."""
    global _previous_hook
    if sys.excepthook is not handle:
        _previous_hook = sys.excepthook
        sys.excepthook = handle


def uninstall() -> None:
    global _previous_hook
    if sys.excepthook is handle:
        sys.excepthook = _previous_hook or sys.__excepthook__
        _previous_hook = None

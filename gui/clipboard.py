"""Cut / Copy / Paste as Word and WPS users expect: on text while a field is being edited, on
whole pages and blocks otherwise (copy a column, paste it on another page or in another
bulletin). The block side is gui/structure's clipboard format; this module decides which one a
command means and reports to the user.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit

from gui import structure

translate = QCoreApplication.translate
TEXT_FIELDS = (QLineEdit, QPlainTextEdit, QTextEdit)


def clipboard_command(window, kind: str) -> None:
    """``kind`` is "cut", "copy" or "paste", for ``window`` (a MainWindow)."""
    field = QApplication.focusWidget()
    if isinstance(field, TEXT_FIELDS) and field.window() is window:
        getattr(field, kind)()  # the text field's own command (and its own undo)
        return
    clipboard = QApplication.clipboard()
    if kind == "paste":
        try:
            new_id = structure.paste_item(window.doc, window.selected_id, clipboard.mimeData())
        except structure.PasteError as exc:
            window.status.showMessage(str(exc), 5000)
            return
        window.select(new_id)
    elif kind == "copy":
        mime = structure.copy_item(window.doc.bulletin, window.selected_id)
        if mime is not None:
            clipboard.setMimeData(mime)
            window.status.showMessage(translate("Clipboard", "已复制“{}”，可到另一版粘贴").format(
                window._name_of(window.selected_id)), 4000)
    else:
        mime, next_id = structure.cut_item(window.doc, window.selected_id)
        if mime is not None:
            clipboard.setMimeData(mime)
            window.select(next_id)

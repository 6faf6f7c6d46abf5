"""The open document as the GUI sees it: the bulletin, its file, its undo stack.

Why a wrapper: the model is plain data and knows nothing of Qt, but several views (outline,
form, preview, status bar) must hear about every change, whether it came from typing, from
undo or from a drag in the outline. All changes go through commands on one QUndoStack
(gui/commands.py) and each command reports here, so the views listen to one object.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from model.document import Bulletin


class Document(QObject):
    """One bulletin being edited. Emits ``changed(obj, structural)`` after every edit."""

    #: (the model object that changed, True when items were added/removed/moved)
    changed = Signal(object, bool)
    #: a different bulletin was loaded into this document (New / Open / restore)
    replaced = Signal()
    #: the file path changed (Save As / Open)
    pathChanged = Signal(str)
    #: unsaved work appeared or went away
    modifiedChanged = Signal(bool)

    def __init__(self, bulletin: Bulletin, path: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bulletin = bulletin
        self.path: str | None = path
        self.undo_stack = QUndoStack(self)
        #: bumped on every change; autosave and layout compare it to know whether work is new
        self.generation = 0
        #: typing merges into one undo step only while this stays the same (see break_merge)
        self.merge_epoch = 0
        self.saved_at: _dt.datetime | None = None
        #: True when the bulletin came from crash recovery and was never saved by the user
        self.recovered = False
        self._force_modified = False
        self.undo_stack.cleanChanged.connect(lambda _clean: self.modifiedChanged.emit(self.is_modified()))

    # ------------------------------------------------------------------ change notification
    def notify(self, obj: object, structural: bool = False) -> None:
        """Called by commands after they changed ``obj`` (redo or undo)."""
        self.generation += 1
        self.changed.emit(obj, structural)

    def push(self, command) -> None:
        self.undo_stack.push(command)

    def break_merge(self) -> None:
        """Start a new undo step for the next keystroke (focus moved, undo pressed …)."""
        self.merge_epoch += 1

    # ------------------------------------------------------------------ whole-document changes
    def replace(self, bulletin: Bulletin, path: str | None, *, modified: bool = False) -> None:
        """Show another bulletin in this window; history of the old one is dropped."""
        self.bulletin = bulletin
        self.path = path
        self.undo_stack.clear()
        self.saved_at = None
        self.recovered = False
        self.generation += 1
        self._force_modified = modified
        self.replaced.emit()
        self.pathChanged.emit(path or "")
        self.modifiedChanged.emit(self.is_modified())

    def is_modified(self) -> bool:
        return self._force_modified or not self.undo_stack.isClean()

    def mark_saved(self, path: str) -> None:
        self.path = path
        self._force_modified = False
        self.recovered = False
        self.undo_stack.setClean()
        self.saved_at = _dt.datetime.now()
        self.pathChanged.emit(path)
        self.modifiedChanged.emit(False)

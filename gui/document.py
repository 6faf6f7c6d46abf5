"""The open document as the GUI sees it: the bulletin, its file, its undo stack.

Why a wrapper: the model is plain data and knows nothing of Qt, but several views (outline,
form, preview, status bar) must hear about every change, whether it came from typing, from
undo or from a drag in the outline. All changes go through commands on one QUndoStack
(gui/commands.py) and each command reports here, so the views listen to one object.
"""

from __future__ import annotations

import atexit
import datetime as _dt
import os
import re
import shutil
import tempfile
import uuid

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from model.document import Bulletin
from model.fileio import pid_alive

#: (mtime in ns, size, inode) of a file as this editor last read or wrote it
DiskStamp = tuple[int, int, int]


def disk_stamp(path: str | None) -> DiskStamp | None:
    """What identifies one version of the file on disk; None when it is not there."""
    if not path:
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


_PRIVATE_PREFIX = "bulletin-editor-pictures-"
_private_dir: str | None = None


def private_dir() -> str:
    """This process's folder of private copies of opened project files (removed at exit;
    folders of editors that died are removed by the next start)."""
    global _private_dir
    if _private_dir is None or not os.path.isdir(_private_dir):
        base = tempfile.gettempdir()
        for entry in os.listdir(base):
            m = re.fullmatch(re.escape(_PRIVATE_PREFIX) + r"(\d+)-\w+", entry)
            if m and not pid_alive(int(m[1])):
                shutil.rmtree(os.path.join(base, entry), ignore_errors=True)
        _private_dir = tempfile.mkdtemp(prefix=f"{_PRIVATE_PREFIX}{os.getpid()}-")
        atexit.register(shutil.rmtree, _private_dir, True)
    return _private_dir


def keep_pictures_private(bulletin: Bulletin) -> None:
    """Make the bulletin independent of the files its pictures were read from.

    Pictures are read lazily from the project archive (a big project must not sit in memory
    whole). If that archive is then rewritten by another program, moved, or on a USB stick
    that is pulled out, the pictures would be gone and every save would fail. So each archive
    the bulletin still reads from is copied once to a private folder and read from there.
    """
    for archive in bulletin.images.archives():
        if os.path.dirname(archive) == private_dir():
            continue
        copy = os.path.join(private_dir(), f"{uuid.uuid4().hex}.bulletin")
        try:
            shutil.copyfile(archive, copy)
        except OSError:
            bulletin.images.materialise()  # no room for a copy: hold the pictures in memory
            return
        bulletin.images.repoint(archive, copy)


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
    #: something the user should know that needs no answer (e.g. characters removed from a paste)
    noted = Signal(str)

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
        #: opened as a read-only copy (another editor holds the file): saving asks for a new name
        self.read_only = False
        #: the file as last read or written here; compared with the disk to notice other writers
        self.disk_stamp: DiskStamp | None = disk_stamp(path)
        self._force_modified = False
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        keep_pictures_private(bulletin)

    def _clean_changed(self, _clean: bool) -> None:
        if shiboken6.isValid(self) and shiboken6.isValid(self.undo_stack):  # not while Qt tears down
            self.modifiedChanged.emit(self.is_modified())

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
        keep_pictures_private(bulletin)
        self.bulletin = bulletin
        self.path = path
        self.undo_stack.clear()
        self.saved_at = None
        self.recovered = False
        self.read_only = False
        self.disk_stamp = disk_stamp(path)
        self.generation += 1
        self._force_modified = modified
        self.replaced.emit()
        self.pathChanged.emit(path or "")
        self.modifiedChanged.emit(self.is_modified())

    def is_modified(self) -> bool:
        return self._force_modified or not self.undo_stack.isClean()

    def mark_saved(self, path: str) -> None:
        self.path = path
        self.disk_stamp = disk_stamp(path)
        self._force_modified = False
        self.recovered = False
        self.read_only = False
        self.undo_stack.setClean()
        self.saved_at = _dt.datetime.now()
        self.pathChanged.emit(path)
        self.modifiedChanged.emit(False)

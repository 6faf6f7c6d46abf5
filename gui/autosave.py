"""Autosave and crash recovery — never over the user's own file.

Every minute, and whenever the application loses focus, unsaved work is written with
``model.project_file.save`` (atomic) to a recovery file in the per-user data folder
(QStandardPaths.AppDataLocation/recovery). A sidecar JSON says which file the work belongs to
and when it was written. A QLockFile next to it marks the recovery file as owned by a running
editor: after a crash the lock is stale (Qt checks the process), so the next start offers the
file; two editors running at once never offer each other's work. A clean exit, or saving the
work, removes the recovery file.

The bulletin is saved from a deep copy: ``project_file.save`` re-points the image store of the
bulletin it saves and forgets unused images, which must not happen to the live document (undo
may bring an image back).
"""

from __future__ import annotations

import copy
import datetime as _dt
import json
import os
import uuid
from dataclasses import dataclass

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from gui.document import Document
from model.fileio import atomic_write
from model.project_file import save

INTERVAL_MS = 60_000
SUFFIX = ".bulletin"


def default_recovery_dir() -> str:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return os.path.join(base or os.path.expanduser("~/.bulletin-editor"), "recovery")


@dataclass
class Recovery:
    """A recovery file left by an editor that did not exit cleanly."""

    path: str
    original: str  # the user's file the work belonged to ("" for an unsaved new bulletin)
    saved_at: _dt.datetime

    def remove(self) -> None:
        for p in (self.path, _meta_path(self.path), _lock_path(self.path)):
            try:
                os.remove(p)
            except OSError:
                pass


def _meta_path(path: str) -> str:
    return path[: -len(SUFFIX)] + ".json"


def _lock_path(path: str) -> str:
    return path[: -len(SUFFIX)] + ".lock"


def find_recoveries(directory: str) -> list[Recovery]:
    """Recovery files whose editor is gone (stale or no lock), newest first."""
    if not os.path.isdir(directory):
        return []
    found: list[Recovery] = []
    for name in os.listdir(directory):
        if not (name.startswith("recovery-") and name.endswith(SUFFIX)):
            continue
        path = os.path.join(directory, name)
        lock = QLockFile(_lock_path(path))
        lock.setStaleLockTime(0)  # only a dead owner makes it stale, never age alone
        if not lock.tryLock(0):
            continue  # a running editor owns it
        lock.unlock()
        original, saved_at = "", _dt.datetime.fromtimestamp(os.path.getmtime(path))
        try:
            with open(_meta_path(path), encoding="utf-8") as fh:
                meta = json.load(fh)
            original = str(meta.get("original", ""))
            saved_at = _dt.datetime.fromisoformat(meta["saved_at"])
        except (OSError, ValueError, KeyError, TypeError):
            pass
        found.append(Recovery(path, original, saved_at))
    found.sort(key=lambda r: r.saved_at, reverse=True)
    return found


class Autosaver(QObject):
    """Writes the document's unsaved work to its own recovery file."""

    saved = Signal(str)
    failed = Signal(str)

    def __init__(self, doc: Document, directory: str | None = None, interval_ms: int = INTERVAL_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.directory = directory or default_recovery_dir()
        self.path = os.path.join(self.directory, f"recovery-{uuid.uuid4().hex[:12]}{SUFFIX}")
        self._lock: QLockFile | None = None
        self._written_generation = -1
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.save_now)
        self.timer.start()
        app = QGuiApplication.instance()
        if app is not None:
            app.applicationStateChanged.connect(self._state_changed)
        doc.modifiedChanged.connect(self._modified_changed)

    def adopt(self, recovery: Recovery) -> None:
        """Continue writing to a restored recovery file, so it stays until the work is safe."""
        self.discard()
        self.path = recovery.path
        self._written_generation = -1

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive:
            self.save_now()

    def _modified_changed(self, modified: bool) -> None:
        if not modified:  # saved by the user (or undone back to the saved state)
            self.discard()

    def _ensure_lock(self) -> bool:
        if self._lock is not None:
            return True
        os.makedirs(self.directory, exist_ok=True)
        lock = QLockFile(_lock_path(self.path))
        lock.setStaleLockTime(0)
        if not lock.tryLock(100):
            return False
        self._lock = lock
        return True

    def save_now(self) -> bool:
        """Write the recovery file if there is unsaved work not yet written. True if written."""
        if not self.doc.is_modified() or self.doc.generation == self._written_generation:
            return False
        try:
            if not self._ensure_lock():
                raise OSError("recovery file is locked by another editor")
            snapshot = copy.deepcopy(self.doc.bulletin)
            save(snapshot, self.path)
            meta = {
                "original": self.doc.path or "",
                "saved_at": _dt.datetime.now().isoformat(timespec="seconds"),
                "pid": os.getpid(),
            }
            data = json.dumps(meta, ensure_ascii=False).encode("utf-8")
            atomic_write(_meta_path(self.path), lambda fh: fh.write(data))
        except Exception as exc:  # noqa: BLE001 - autosave must never take the editor down
            self.failed.emit(str(exc))
            return False
        self._written_generation = self.doc.generation
        self.saved.emit(self.path)
        return True

    def discard(self) -> None:
        """Remove the recovery file (clean exit, or the work is saved)."""
        for p in (self.path, _meta_path(self.path)):
            try:
                os.remove(p)
            except OSError:
                pass
        self._written_generation = -1
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def stop(self) -> None:
        self.timer.stop()

    def abandon(self) -> None:
        """Test hook: stop as a crash would — keep the file, drop the lock (as a dead process does)."""
        self.timer.stop()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

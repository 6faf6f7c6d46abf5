"""QSettings in one place: recent files, window state, UI language, the last folder, first start.

Tests point ``SETTINGS_FILE`` at a temporary INI file so they never read or change a real
user's settings.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings

ORGANISATION = "BulletinEditor"
APPLICATION = "BulletinEditor"
MAX_RECENT = 10

#: when set (tests), settings live in this INI file instead of the user's profile
SETTINGS_FILE: str | None = os.environ.get("BULLETIN_SETTINGS_FILE") or None


def settings() -> QSettings:
    if SETTINGS_FILE:
        return QSettings(SETTINGS_FILE, QSettings.Format.IniFormat)
    return QSettings(ORGANISATION, APPLICATION)


def recent_files() -> list[str]:
    value = settings().value("recentFiles", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or []) if v]


def add_recent(path: str) -> None:
    path = os.path.abspath(path)
    files = [p for p in recent_files() if os.path.abspath(p) != path]
    s = settings()
    s.setValue("recentFiles", [path, *files][:MAX_RECENT])
    s.setValue("lastFolder", os.path.dirname(path))  # opened or saved here: the next dialog starts here
    s.sync()


def remove_recent(path: str) -> None:
    s = settings()
    s.setValue("recentFiles", [p for p in recent_files() if p != path])
    s.sync()


def language() -> str:
    return str(settings().value("language", "zh_CN") or "zh_CN")


def set_language(lang: str) -> None:
    s = settings()
    s.setValue("language", lang)
    s.sync()


def first_start() -> bool:
    """True until the editor has once been started (the example is shown then, and only then)."""
    return not settings().value("started", False, type=bool)


def mark_started() -> None:
    s = settings()
    s.setValue("started", True)
    s.sync()


def last_folder(fallback: str = "") -> str:
    """The folder of the last file the user opened, saved, exported or picked (file dialogs start there)."""
    folder = str(settings().value("lastFolder", "") or "")
    if folder and os.path.isdir(folder):
        return folder
    for path in recent_files():
        if os.path.isdir(os.path.dirname(path)):
            return os.path.dirname(path)
    return fallback or os.path.expanduser("~")


def remember_folder(path: str) -> None:
    """Remember the folder of ``path`` (a file) for the next file dialog."""
    if not path:
        return
    s = settings()
    s.setValue("lastFolder", os.path.dirname(os.path.abspath(path)))
    s.sync()

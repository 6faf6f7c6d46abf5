"""QSettings in one place: recent files, window state, UI language.

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

"""User-interface language: Chinese by default, English from resources/i18n/bulletin_en.qm.

Source strings in the code are the Chinese text, so the Chinese UI needs no translation file
and can never show an untranslated English string; English comes from the compiled Qt
Linguist catalogue. Qt's own strings (dialog buttons such as 保存 / 取消) come from Qt's
qtbase_<lang>.qm. Switching language at run time swaps the installed translators; the main
window then rebuilds its widgets.

Regenerate the catalogue after changing strings: ``python resources/i18n/update.py``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from resources.paths import resource_path

LANGUAGES: dict[str, str] = {"zh_CN": "中文（简体）", "en": "English"}
DEFAULT = "zh_CN"
I18N_DIR = str(resource_path("resources", "i18n"))

_installed: list[QTranslator] = []
_current = DEFAULT


def current() -> str:
    return _current


def install(lang: str | None) -> str:
    """Install the translators for ``lang`` (unknown → Chinese); returns the language in use."""
    global _current
    app = QCoreApplication.instance()
    lang = lang if lang in LANGUAGES else DEFAULT
    for t in _installed:
        if app is not None:
            app.removeTranslator(t)
    _installed.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates = [(f"qtbase_{lang}", qt_dir)]
    if lang != DEFAULT:
        candidates.append((f"bulletin_{lang}", I18N_DIR))
    for name, directory in candidates:
        t = QTranslator()
        if t.load(name, directory) and app is not None:
            app.installTranslator(t)
            _installed.append(t)
    QLocale.setDefault(QLocale("zh_CN") if lang == "zh_CN"
                       else QLocale("en_US"))
    _current = lang
    return lang

"""User-interface language: Chinese by default, English from resources/i18n/bulletin_en.qm.

Source strings in the code are the Chinese text, so the Chinese UI needs no translation file
and can never show an untranslated English string; English comes from the compiled Qt
Linguist catalogue. Qt's own strings (dialog buttons such as 保存 / 取消, the file dialog)
come from Qt's qtbase_<lang>.qm in PySide6's translations folder; the few it lacks from
``QT_GAPS``. Switching language at run time swaps the installed translators; the main
window then rebuilds its widgets.

Regenerate the catalogue after changing strings: ``python resources/i18n/update.py``.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from resources.paths import resource_path

LANGUAGES: dict[str, str] = {"zh_CN": "中文（简体）", "en": "English"}
DEFAULT = "zh_CN"
I18N_DIR = str(resource_path("resources", "i18n"))

_installed: list[QTranslator] = []
_current = DEFAULT

#: Qt's own strings that its shipped qtbase_<lang>.qm lacks (Qt 6's non-native file dialog labels
#: carry an accelerator the catalogue's entries do not): context -> source -> text, per language
QT_GAPS: dict[str, dict[tuple[str, str], str]] = {
    "zh_CN": {
        ("QFileDialog", "&Look in:"): "查找范围(&L)：",
        ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
        ("QFileDialog", "File &name:"): "文件名称(&N)：",
    },
}


class GapTranslator(QTranslator):
    """Fills the gaps of Qt's catalogue for one language from ``QT_GAPS`` (installed after it,
    so Qt asks it first; it answers only what it knows)."""

    def __init__(self, table: dict[tuple[str, str], str]) -> None:
        super().__init__()
        self.table = table

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1):  # noqa: ARG002
        return self.table.get((context, source))

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return not self.table


def current() -> str:
    return _current


def qt_translation_dirs() -> list[str]:
    """Where Qt's own catalogues (qtbase_<lang>.qm) are: the Qt build's translations folder, else
    PySide6's wheel's (a Qt from elsewhere may have none); only folders that hold qtbase files."""
    import PySide6

    dirs = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
            os.path.join(os.path.dirname(PySide6.__file__), "Qt", "translations")]
    out = []
    for d in dirs:
        if d and os.path.isdir(d) and d not in out and any(f.startswith("qtbase_") for f in os.listdir(d)):
            out.append(d)
    return out


def install(lang: str | None) -> str:
    """Install the translators for ``lang`` (unknown → Chinese); returns the language in use."""
    global _current
    app = QCoreApplication.instance()
    lang = lang if lang in LANGUAGES else DEFAULT
    for t in _installed:
        if app is not None:
            app.removeTranslator(t)
    _installed.clear()
    for directory in qt_translation_dirs():  # the first folder that has this language's catalogue
        t = QTranslator()
        if t.load(f"qtbase_{lang}", directory):
            if app is not None:
                app.installTranslator(t)
                _installed.append(t)
            break
    if lang != DEFAULT:
        t = QTranslator()
        if t.load(f"bulletin_{lang}", I18N_DIR) and app is not None:
            app.installTranslator(t)
            _installed.append(t)
    if lang in QT_GAPS and app is not None:
        gaps = GapTranslator(QT_GAPS[lang])
        app.installTranslator(gaps)
        _installed.append(gaps)
    QLocale.setDefault(QLocale("zh_CN") if lang == "zh_CN"
                       else QLocale("en_US"))
    _current = lang
    return lang

"""Start-up of the editor: language, fonts, crash recovery, the main window.

Bad files named on the command line are reported on stderr with exit status 2 before any
window opens, so scripts and users get the same clear message as from the sub-commands.
``--screenshot`` opens the window offscreen on the file (or the example), waits for the
preview's layout, saves a PNG of the window and exits 0.
"""

from __future__ import annotations

import os
import sys

from commands import fail

SCREENSHOT_TIMEOUT_MS = 60_000


def ensure_cjk_ui_font() -> None:
    """Make sure the UI can show Chinese: use the bundled Noto Sans SC if no installed font can."""
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication

    if QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return
    try:
        import pylopdf_fonts_zh_cn

        fid = QFontDatabase.addApplicationFont(str(pylopdf_fonts_zh_cn.sans_path()))
    except (ImportError, OSError):
        return
    families = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
    if families:
        font = QFont(QApplication.font())
        font.setFamilies([QApplication.font().family(), families[0]])
        QApplication.setFont(font)


def setup_application(lang: str | None):
    """The QApplication with names, language and fonts set (shared by run_gui and tests)."""
    from PySide6.QtWidgets import QApplication

    from gui import i18n
    from gui import settings as app_settings
    from gui.settings import APPLICATION, ORGANISATION

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from gui.qt_workarounds import install_refcount_guard

    install_refcount_guard()
    from gui import crash_guard

    crash_guard.install()  # an exception in a slot: dialog + recovery copy, the editor runs on
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    ensure_cjk_ui_font()
    i18n.install(lang or app_settings.language())
    return app


def ask_recovery(window, rec) -> str:
    """Ask what to do with one recovery file: "restore", "discard" or "later"."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    translate = QCoreApplication.translate

    name = os.path.basename(rec.original) if rec.original else translate("Recovery", "未命名会刊")
    box = QMessageBox(window)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("Recovery", "恢复未保存的工作"))
    box.setText(translate("Recovery", "上次编辑“{name}”时程序意外退出。\n找到 {time} 自动保存的副本，要恢复吗？").format(
        name=name, time=rec.saved_at.strftime("%Y-%m-%d %H:%M")))
    restore = box.addButton(translate("Recovery", "恢复"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(translate("Recovery", "丢弃"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(translate("Recovery", "以后再说"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    clicked = box.clickedButton()
    return "restore" if clicked is restore else "discard" if clicked is discard else "later"


def offer_recovery(window, ask=ask_recovery) -> bool:
    """If an earlier session crashed with unsaved work, offer it; True when restored."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    translate = QCoreApplication.translate

    from gui.autosave import find_recoveries
    from model.project_file import ProjectFileError, load

    for rec in find_recoveries(window.autosaver.directory):
        answer = ask(window, rec)
        if answer == "discard":
            rec.remove()
            continue
        if answer != "restore":
            continue
        try:
            bulletin = load(rec.path)
        except ProjectFileError as exc:
            QMessageBox.warning(window, translate("Recovery", "无法恢复"), str(exc))
            continue
        window.autosaver.adopt(rec)
        window.doc.replace(bulletin, rec.original or None, modified=True)
        window.doc.recovered = True
        return True
    return False


def run_gui(path: str | None, screenshot: str | None = None, lang: str | None = None) -> int:
    from model.example import example_bulletin
    from model.project_file import ProjectFileError, load

    if path is not None:
        try:
            bulletin = load(path)
        except ProjectFileError as exc:
            return fail(str(exc))
    else:
        bulletin = example_bulletin()
    if screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = setup_application(lang)

    from PySide6.QtCore import QElapsedTimer

    from gui.main_window import MainWindow

    window = MainWindow(bulletin, path, restore_settings=not screenshot)
    if not screenshot:
        window.resize(1440, 900)
    else:
        window.resize(1440, 900)
    window.show()
    if screenshot:
        timer = QElapsedTimer()
        timer.start()
        while not window.runner.is_idle() and timer.elapsed() < SCREENSHOT_TIMEOUT_MS:
            app.processEvents()
            window.runner.wait(50)
        app.processEvents()
        app.processEvents()
        ok = window.grab().save(screenshot)
        window.doc.undo_stack.setClean()
        window.autosaver.discard()
        return 0 if ok else fail(f"cannot write screenshot {screenshot}")
    if path is not None:
        from gui import settings as app_settings

        app_settings.add_recent(path)
        window.file_ops.warn_if_locked()  # another editor has it open: offer a read-only copy
    offer_recovery(window)
    return app.exec()

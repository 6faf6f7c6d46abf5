"""Start-up of the editor: language, fonts, crash recovery, the main window.

Bad files named on the command line are reported on stderr with exit status 2 before any
window opens, so scripts and users get the same clear message as from the sub-commands.
``--screenshot`` opens the window offscreen on the file (or the example), waits for the
preview's layout, saves a PNG of the window and exits 0.

Without a file the editor opens the file worked on last (as a word processor does); the
example only on the very first start (later from Help), else a new special page. On Linux the
X libraries Qt's xcb plugin loads are checked first: a missing one makes Qt abort with a
misleading message, so the editor names the missing libraries and the Debian/Ubuntu packages
to install instead, and exits with status 2.
"""

from __future__ import annotations

import os
import sys

from commands import fail

SCREENSHOT_TIMEOUT_MS = 60_000

#: what Qt's xcb platform plugin (Qt 6.5+) loads, and the Debian/Ubuntu package of each
X_LIBRARIES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def uses_xcb(environ=os.environ, platform: str = sys.platform) -> bool:
    """True when Qt will use its X11 (xcb) platform plugin."""
    if not platform.startswith("linux"):
        return False
    qpa = environ.get("QT_QPA_PLATFORM", "")
    if qpa:
        return qpa.split(":")[0].split(";")[0] == "xcb"
    return not environ.get("WAYLAND_DISPLAY")


def missing_x_libraries(load=None) -> list[str]:
    """The X libraries (sonames) of ``X_LIBRARIES`` that cannot be loaded."""
    import ctypes

    load = load or ctypes.CDLL
    missing = []
    for soname in X_LIBRARIES:
        try:
            load(soname)
        except OSError:
            missing.append(soname)
    return missing


def x_libraries_message(missing: list[str]) -> str:
    packages = " ".join(dict.fromkeys(X_LIBRARIES.get(m, m) for m in missing))
    return ("会刊编辑器无法打开窗口：缺少图形界面所需的 X 库 {libs}。\n"
            "请安装后再启动：sudo apt install {packages}\n"
            "The editor cannot open its window: missing X libraries {libs}.\n"
            "Install them, then start again: sudo apt install {packages}").format(
                libs=", ".join(missing), packages=packages)


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


_EXAMPLE_MAGIC = b"BULLETIN-EXAMPLE-PORTRAIT\n"


def cached_placeholder_portrait(label: str) -> bytes:
    """``model.example.placeholder_portrait`` kept in the user cache (``example/``): the first
    start and ``--screenshot`` show the example, and drawing and encoding its nine portraits
    took longer than laying out its pages. The key covers what the picture is made from (the
    example module, Pillow, the label font), so a change of any makes it anew."""
    import hashlib

    import PIL

    from layout.cache_file import read_framed, write_framed
    from layout.fonts import cache_base_dir
    from model import example

    h = hashlib.sha256(f"{PIL.__version__}\0{label}\0".encode())
    try:
        import pylopdf_fonts_zh_cn

        st = os.stat(pylopdf_fonts_zh_cn.sans_path())
        h.update(f"{st.st_size}:{st.st_mtime_ns}".encode())
        with open(example.__file__, "rb") as fh:
            h.update(fh.read())
    except (ImportError, OSError, TypeError):
        return example.placeholder_portrait(label)
    path = cache_base_dir() / "example" / f"{h.hexdigest()[:32]}.png"
    framed = read_framed(path, _EXAMPLE_MAGIC)
    if framed is not None:
        return bytes(framed[1])
    data = example.placeholder_portrait(label)
    write_framed(path, _EXAMPLE_MAGIC, {"label": label}, data)
    return data


def starting_document(path: str | None, screenshot: bool = False):
    """(bulletin, path, note) to open: the named file; else the last file; the example on the first
    start; else a new special page. ``note`` says why the last file was not opened ("" if it was)."""
    from gui import settings as app_settings
    from gui.templates import new_bulletin
    from model.example import example_bulletin
    from model.project_file import ProjectFileError, load

    if path is not None:
        return load(path), path, ""  # errors are the caller's: exit 2 before any window
    if screenshot:
        return example_bulletin(cached_placeholder_portrait), None, ""
    note = ""
    for last in app_settings.recent_files():
        if not os.path.exists(last):
            continue  # moved or deleted since: the one before it
        try:
            return load(last), last, ""
        except ProjectFileError as exc:
            note = str(exc)
            break
    if app_settings.first_start():
        return example_bulletin(cached_placeholder_portrait), None, note
    return new_bulletin("special"), None, note


class _DocumentReader:
    """``starting_document(path, screenshot)`` on a thread of its own; ``result()`` waits and
    returns it or raises what it raised. Only for a named file or a screenshot (the example):
    the last-file lookup reads the settings, which imports Qt. The modules the thread uses are
    imported before it starts, so that two threads never import the same module."""

    def __init__(self, path: str | None, screenshot: bool) -> None:
        import threading

        import pylopdf_fonts_zh_cn  # noqa: F401  (the example's portrait labels)
        from PIL import Image

        import layout.cache_file  # noqa: F401  (cached_placeholder_portrait's)
        import layout.fonts  # noqa: F401
        import model.example
        import model.project_file

        Image.preinit()  # the common image plugins (their imports) here, not on the thread
        self._answer: tuple | None = None
        self._error: BaseException | None = None

        def read() -> None:
            # what starting_document does for these two cases, without its settings lookup
            try:
                if path is not None:
                    self._answer = (model.project_file.load(path), path, "")
                else:
                    self._answer = (model.example.example_bulletin(cached_placeholder_portrait), None, "")
            except BaseException as exc:  # noqa: BLE001 - handed to result()
                self._error = exc

        self._thread = threading.Thread(target=read, name="read-document", daemon=True)
        self._thread.start()

    def result(self) -> tuple:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._answer is not None
        return self._answer


def run_gui(path: str | None, screenshot: str | None = None, lang: str | None = None) -> int:
    from gui.start_gc import hold_collections, release_collections

    hold_collections()  # until the first layout's freeze (gui/idle_gc.py)
    try:
        return _run_gui(path, screenshot, lang)
    finally:
        release_collections()


def _run_gui(path: str | None, screenshot: str | None, lang: str | None) -> int:
    from model.project_file import ProjectFileError

    if screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    elif uses_xcb():
        missing = missing_x_libraries()
        if missing:
            return fail(x_libraries_message(missing))
    # The document is read (or the example's portraits drawn) on a thread while the editor's
    # modules are imported here: decoding, zip and PNG work release the GIL, so on two cores
    # the two overlap. A bad file still ends the start before any window opens.
    reading = _DocumentReader(path, bool(screenshot)) if path is not None or screenshot else None
    if reading is None:
        try:
            bulletin, path, note = starting_document(path, bool(screenshot))
        except ProjectFileError as exc:
            return fail(str(exc))
    import gui.main_window  # noqa: F401  (the editor's modules, meanwhile)

    if reading is not None:
        try:
            bulletin, path, note = reading.result()
        except ProjectFileError as exc:
            return fail(str(exc))
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
            window.runner.wait_layout(10)
        app.processEvents()
        app.processEvents()
        # PNG at Qt's quality 80: half the time of the default compression, and a smaller file
        ok = window.grab().save(screenshot, "PNG" if screenshot.lower().endswith(".png") else None, 80)
        window.doc.undo_stack.setClean()
        window.autosaver.discard()
        return 0 if ok else fail(f"cannot write screenshot {screenshot}")
    from gui import settings as app_settings

    app_settings.mark_started()
    if path is not None:
        app_settings.add_recent(path)
        window.file_ops.warn_if_locked()  # another editor has it open: offer a read-only copy
    if note:
        from PySide6.QtCore import QCoreApplication

        window.status.showMessage(QCoreApplication.translate("App", "上次的文件无法打开：{}").format(note), 10000)
    offer_recovery(window)
    return app.exec()

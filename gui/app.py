"""Start-up of the editor: load the file (or the example), show the main window.

Bad files named on the command line are reported on stderr with exit status 2 before any
window opens, so scripts and users get the same clear message as from the sub-commands.
"""

from __future__ import annotations

import os
import sys

from commands import fail


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
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = MainWindow(bulletin, path)
    window.resize(1400, 900)
    window.show()
    if screenshot:
        app.processEvents()
        ok = window.grab().save(screenshot)
        return 0 if ok else fail(f"cannot write screenshot {screenshot}")
    return app.exec()

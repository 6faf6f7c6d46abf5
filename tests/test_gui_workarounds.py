"""The editor survives PySide6 6.12's lost references to None on Python 3.11 (gui/qt_workarounds)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, {root!r})
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from gui.main_window import MainWindow
    from model.example import example_bulletin
    from model.document import Bulletin
    w = MainWindow(Bulletin(), None, layout_fn=None, check_fn=None, threaded_layout=False,
                   recovery_dir={rec!r}, restore_settings=False)
    w.show()
    app.processEvents()
    for _ in range(12000):  # ~ 2.5x the references None has at start-up
        w.preview.canvas.repaint()
    print("alive")
""")


def test_many_repaints_do_not_abort_the_interpreter(tmp_path):
    env = dict(os.environ, BULLETIN_SETTINGS_FILE=str(tmp_path / "s.ini"), XDG_DATA_HOME=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", SCRIPT.format(root=str(ROOT), rec=str(tmp_path / "rec"))],
                         capture_output=True, text=True, timeout=300, env=env)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "alive" in out.stdout


def test_guard_only_where_needed(monkeypatch):
    import PySide6

    from gui import qt_workarounds

    monkeypatch.setattr(PySide6, "__version__", "6.11.3")
    assert not qt_workarounds.needs_guard()
    monkeypatch.setattr(PySide6, "__version__", "6.12.0")
    assert qt_workarounds.needs_guard() == (sys.version_info < (3, 12))

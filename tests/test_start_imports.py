"""What the editor's start imports (issue 27): the importers and the make-up search are imported
when they are first used, not with the main window; their light hooks stay in step with them."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.test_cli import ROOT


def test_the_main_window_does_not_import_the_importers_or_the_makeup_search():
    code = ("import json, sys; import gui.main_window; "
            "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('importers', 'makeup') or m in ('gui.importing', 'gui.auto_makeup', 'gui.import_dialog'))))")
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []


def test_the_hooks_name_the_suffixes_the_importers_read():
    from gui import import_hooks, importing

    assert import_hooks.SUBMISSION_SUFFIXES == importing.READ_SUFFIXES
    assert importing.is_submission is import_hooks.is_submission
    assert import_hooks.is_submission("西安.DOCX") and not import_hooks.is_submission("a.bulletin")


def test_the_auto_makeup_action_is_the_one_of_gui_auto_makeup():
    from gui import auto_makeup, auto_makeup_action

    assert auto_makeup.install_auto_makeup is auto_makeup_action.install_auto_makeup


def test_the_start_s_collection_hold_imports_no_qt():
    """run_gui holds garbage collection first thing (gui/start_gc.py); Qt's import must still
    come after the document reader's thread has started, to run beside it."""
    code = "import json, sys; import gui.start_gc; print(json.dumps(sorted(m for m in sys.modules if 'PySide6' in m)))"
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []


def test_the_main_window_does_not_import_qt_s_print_support():
    """Printing imports it when the user first prints (≈ 4 ms of the editor's start)."""
    code = ("import json, sys; import gui.main_window; "
            "print(json.dumps(sorted(m for m in sys.modules if 'QtPrintSupport' in m)))")
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []

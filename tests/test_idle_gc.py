"""Full garbage collections wait for a pause in typing (gui/idle_gc.py, issue 11: the worst
keystroke-to-preview of a long session was an automatic collection inside a keystroke)."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

from gui.idle_gc import OLDEST_THRESHOLD, IdleCollector, freeze_start_up
from tests.test_gui_helpers import first_column, type_text, wait_layout

pytest_plugins = ("tests.test_gui_helpers",)


def test_collects_only_after_a_pause_and_only_when_the_layout_is_idle(qtbot):
    busy = [True]
    c = IdleCollector(lambda: not busy[0], idle_ms=20)
    c.touch()
    qtbot.wait(80)
    assert c.collections == 0  # a layout still runs: no collection in the middle of it
    busy[0] = False
    qtbot.waitUntil(lambda: c.collections == 1, timeout=2000)
    for _ in range(5):  # typing restarts the wait: one collection per pause, not per key
        c.touch()
        qtbot.wait(5)
    qtbot.waitUntil(lambda: c.collections == 2, timeout=2000)
    qtbot.wait(60)
    assert c.collections == 2


def test_start_up_objects_are_frozen_and_automatic_full_collections_are_rare():
    freeze_start_up()
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold()[2] >= OLDEST_THRESHOLD


def test_the_editor_collects_once_typing_pauses(make_window, qtbot):
    from layout.document import lay_out_bulletin

    w = make_window(layout_fn=lay_out_bulletin)
    w.collector.timer.setInterval(30)
    col = first_column(w.doc.bulletin)
    w.select(col.id)
    before = w.collector.collections
    w.form.body.editor.setFocus()
    type_text(w.form.body.editor, "字字")
    wait_layout(qtbot, w)
    qtbot.waitUntil(lambda: w.collector.collections > before, timeout=5000)


def test_the_start_runs_without_automatic_collections_until_the_freeze(monkeypatch):
    """Issue 27: the start made ≈ 125 automatic collections (≈ 25 ms of the example's start)
    of a heap that is all kept; run_gui holds them until the first layout's freeze."""
    import gui.idle_gc as idle_gc
    import gui.start_gc as start_gc

    monkeypatch.setattr(idle_gc, "_frozen", False)
    monkeypatch.setattr(start_gc, "_held", False)
    assert gc.isenabled()
    try:
        idle_gc.hold_collections()
        assert not gc.isenabled()
        idle_gc.freeze_start_up()
        assert gc.isenabled() and gc.get_freeze_count() > 0
        idle_gc.hold_collections()  # after the freeze: nothing to hold any more
        assert gc.isenabled()
    finally:
        gc.enable()


def test_a_start_without_a_first_layout_collects_as_usual(monkeypatch):
    import gui.idle_gc as idle_gc
    import gui.start_gc as start_gc

    monkeypatch.setattr(idle_gc, "_frozen", False)
    monkeypatch.setattr(start_gc, "_held", False)
    try:
        idle_gc.hold_collections()
        idle_gc.release_collections()  # the layout failed: MainWindow._on_layout lets go
        assert gc.isenabled()
    finally:
        gc.enable()


def test_run_gui_holds_collections_until_the_first_layout(tmp_path):
    """The editor's start (``main.py --screenshot``) turns automatic collection off at once and
    on again at the first layout's freeze."""
    code = ("import gc, sys\n"
            "import gui.idle_gc as g\n"
            "seen = []\n"
            "orig = g.freeze_start_up\n"
            "def freeze():\n"
            "    seen.append(gc.isenabled())\n"
            "    orig()\n"
            "    seen.append(gc.isenabled())\n"
            "g.freeze_start_up = freeze\n"
            "import gui.main_window as m\n"
            "m.freeze_start_up = freeze\n"
            "from gui.app import run_gui\n"
            f"rc = run_gui(None, screenshot={str(tmp_path / 'shot.png')!r})\n"
            "print(rc, seen[:2])\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "c"),
               XDG_DATA_HOME=str(tmp_path / "d"), BULLETIN_CACHE_DIR=str(tmp_path / "cache"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120,
                         cwd=str(Path(__file__).resolve().parent.parent))
    assert out.stdout.strip().splitlines()[-1] == "0 [False, True]", out.stderr[-2000:]

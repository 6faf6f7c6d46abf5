"""Full garbage collections wait for a pause in typing (gui/idle_gc.py, issue 11: the worst
keystroke-to-preview of a long session was an automatic collection inside a keystroke)."""

from __future__ import annotations

import gc

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

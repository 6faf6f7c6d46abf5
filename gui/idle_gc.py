"""Python's full garbage collections while the user pauses, never in the middle of a keystroke.

Why: the editor holds a large, long-lived heap (fonts, the layout's measurement caches, laid-out
pages). Python's automatic oldest-generation collection walks all of it — 40–60 ms on the
example bulletin — and it fires wherever allocation happens to trip it, which while typing is
inside a keystroke's layout: it made the worst keystroke-to-preview of a 3,000-key session
(`benchmarks/bench_gui.py --keys 3000`) 50–60 ms slower than the rest. Here the objects alive
after start-up are frozen out of collection (they live as long as the editor), the automatic
oldest-generation pass is made rare, and a full collection runs once typing has paused
(``IDLE_MS``) and the layout is idle, so cyclic garbage is still returned and memory stays flat.

Before that freeze the editor's start (``gui/start_gc.py``) runs with no automatic collection at
all: it makes modules, widgets, fonts and the first layout, not garbage, yet the collector
walked that growing heap 127 times (≈ 25 ms of the example's start, 400 unreachable objects
found in all, which the freeze then keeps).
"""

from __future__ import annotations

import gc
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from gui import start_gc
from gui.start_gc import hold_collections, release_collections  # noqa: F401 - the start's side, here too

IDLE_MS = 1500  # a pause in typing this long gets the full collection
#: the oldest generation is collected automatically only after this many collections of the
#: middle one (Python's default is 10), as a backstop should the editor never be idle
OLDEST_THRESHOLD = 200

_frozen = False


def freeze_start_up() -> None:
    """Leave the objects alive now (modules, fonts, Qt wrappers) out of every later collection.

    Only the young generations are collected first (under a millisecond): a full collection
    here walked the whole start-up heap (≈ 18 ms) before the first page was drawn, and found
    nothing to free on the example — start-up makes modules, fonts and widgets, not garbage."""
    global _frozen
    if _frozen:
        return
    if start_gc.held():
        gc.freeze()  # nothing was collected since start: no young generation to collect either
        start_gc.release_collections()
    else:
        gc.collect(1)
        gc.freeze()
    _frozen = True
    young, middle, oldest = gc.get_threshold()
    gc.set_threshold(young, middle, max(OLDEST_THRESHOLD, oldest))


class IdleCollector(QObject):
    """Runs ``gc.collect()`` when edits have paused for ``IDLE_MS`` and ``is_idle()`` holds."""

    def __init__(self, is_idle: Callable[[], bool], parent: QObject | None = None, idle_ms: int = IDLE_MS) -> None:
        super().__init__(parent)
        self.is_idle = is_idle
        self.collections = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(idle_ms)
        self.timer.timeout.connect(self._collect)

    def touch(self) -> None:
        """Something was edited: collect after the next pause."""
        self.timer.start()

    def _collect(self) -> None:
        if not self.is_idle():
            self.timer.start()  # a layout or check still runs: wait for the next pause
            return
        gc.collect()
        self.collections += 1

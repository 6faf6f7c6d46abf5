"""Re-layout after edits, off the GUI thread, on a short debounce.

Why: laying out a broadsheet in pure Python takes long enough that doing it on every keystroke
in the GUI thread would make typing stutter. Edits restart a short timer; when it fires, a deep
copy of the bulletin (the worker must never see a half-applied edit) is laid out in a worker
thread. While one layout runs, newer edits only mark the result stale, and one more layout
follows as soon as it is done, so the preview is at most one layout behind the typing.

The layout function is injectable so tests and the screenshot helper can use a hand-built
layout, and so the editor still opens while ``layout.document`` is being written.
"""

from __future__ import annotations

import copy
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from layout.types import LaidOutDocument
from model.document import Bulletin

LayoutFn = Callable[[Bulletin], LaidOutDocument]


class LayoutUnavailable(Exception):
    """The layout engine cannot be imported (not yet written, or broken install)."""


def default_layout_fn() -> LayoutFn | None:
    """``layout.document.lay_out_bulletin`` if it can be imported, else None."""
    try:
        from layout.document import lay_out_bulletin
    except ImportError:
        return None
    except Exception:  # noqa: BLE001 - broken mid-development: the editor still opens
        traceback.print_exc()
        return None
    return lay_out_bulletin


def default_check_fn() -> Callable[[Bulletin], list] | None:
    """``proofread.check`` if present; proofreading is optional for the editor."""
    try:
        from proofread import check
    except ImportError:
        return None
    except Exception:  # noqa: BLE001 - proofreading is optional
        traceback.print_exc()
        return None
    return check


@dataclass
class LayoutResult:
    document: LaidOutDocument | None
    findings: list = field(default_factory=list)
    error: str = ""  # a message for the user when the layout failed
    unavailable: bool = False  # no layout engine at all
    seconds: float = 0.0
    generation: int = 0


def run_layout(bulletin: Bulletin, layout_fn: LayoutFn | None, check_fn, generation: int) -> LayoutResult:
    """Lay out and proofread one snapshot; never raises (the editor must survive engine bugs)."""
    start = time.perf_counter()
    if layout_fn is None:
        return LayoutResult(None, unavailable=True, generation=generation)
    try:
        doc = layout_fn(bulletin)
    except Exception as exc:  # noqa: BLE001 - report, keep editing
        traceback.print_exc()
        return LayoutResult(None, error=f"{type(exc).__name__}: {exc}", generation=generation,
                            seconds=time.perf_counter() - start)
    findings: list = []
    if check_fn is not None:
        try:
            findings = list(check_fn(bulletin))
        except Exception:  # noqa: BLE001 - proofreading is advisory
            traceback.print_exc()
    return LayoutResult(doc, findings, seconds=time.perf_counter() - start, generation=generation)


class _Signals(QObject):
    done = Signal(object)


class _Job(QRunnable):
    def __init__(self, bulletin: Bulletin, layout_fn, check_fn, generation: int) -> None:
        super().__init__()
        self.bulletin, self.layout_fn, self.check_fn, self.generation = bulletin, layout_fn, check_fn, generation
        self.signals = _Signals()

    def run(self) -> None:
        self.signals.done.emit(run_layout(self.bulletin, self.layout_fn, self.check_fn, self.generation))


class LayoutRunner(QObject):
    """Owns the debounce timer and the worker; emits ``finished(LayoutResult)`` in the GUI thread."""

    finished = Signal(object)
    started = Signal()

    def __init__(
        self,
        get_bulletin: Callable[[], Bulletin],
        get_generation: Callable[[], int],
        layout_fn: LayoutFn | None,
        check_fn=None,
        *,
        threaded: bool = True,
        debounce_ms: int = 20,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.get_bulletin = get_bulletin
        self.get_generation = get_generation
        self.layout_fn = layout_fn
        self.check_fn = check_fn
        self.threaded = threaded
        self.result: LayoutResult | None = None
        self._busy = False
        self._again = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._jobs: list[_Job] = []  # keep Python wrappers alive until they report
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(debounce_ms)
        self.timer.timeout.connect(self._start)

    def request(self) -> None:
        """Something changed: lay out again shortly."""
        self.timer.start()

    def run_now(self) -> None:
        self.timer.stop()
        self._start()

    def is_idle(self) -> bool:
        return not self._busy and not self.timer.isActive()

    def _start(self) -> None:
        if self._busy:
            self._again = True
            return
        generation = self.get_generation()
        snapshot = copy.deepcopy(self.get_bulletin())
        self._busy = True
        self.started.emit()
        if not self.threaded:
            self._done(run_layout(snapshot, self.layout_fn, self.check_fn, generation))
            return
        job = _Job(snapshot, self.layout_fn, self.check_fn, generation)
        job.setAutoDelete(False)
        job.signals.done.connect(self._done)
        self._jobs.append(job)
        self._pool.start(job)

    def _done(self, result: LayoutResult) -> None:
        self._busy = False
        self._jobs = [j for j in self._jobs if j.generation != result.generation]
        self.result = result
        self.finished.emit(result)
        if self._again:
            self._again = False
            self._start()

    def wait(self, msecs: int = 30000) -> None:
        """Block until the worker is done (shutdown; tests)."""
        self._pool.waitForDone(msecs)

"""Re-layout after edits, off the GUI thread, as soon as the edit's events are handled.

Why: laying out a broadsheet in pure Python takes long enough that doing it on every keystroke
in the GUI thread would make typing stutter. Edits restart a short timer; when it fires, a deep
copy of the bulletin (the worker must never see a half-applied edit) is laid out in a worker
thread. While one layout runs, newer edits only mark the result stale, and one more layout
follows as soon as it is done, so the preview is at most one layout behind the typing. That
already gathers fast typing into few layouts, so the timer waits no time of its own (a zero
timer: it fires once the events queued with the edit are handled); every millisecond of
debounce was a millisecond of each keystroke's latency.

The layout function is injectable so tests can use a hand-built layout (None: no preview).
The real engine and proofreader are imported plainly: a broken install is an ImportError with
its traceback, not a quiet "engine not ready" page.

Keeping a keystroke → preview round trip short (≤ 50 ms): with the real engine only pages
whose content changed are laid out again (``IncrementalLayout``; the others are reused, so the
preview keeps their painted pixmaps too), and in the threaded editor the proofreader runs on
its own slower timer (``PROOFREAD_MS``) as a separate job instead of after every layout; its
findings are attached to each later layout result and announced by ``checked``.
"""

from __future__ import annotations

import copy
import dataclasses
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from layout.types import LaidOutDocument
from model.document import Bulletin

LayoutFn = Callable[[Bulletin], LaidOutDocument]
PROOFREAD_MS = 400  # the proofreader's own throttle in the threaded editor
#: a layout read back from disk is warmed this long after it arrived, if the window has not
#: asked for it when it painted the page (LayoutRunner.warm)
WARM_AFTER_MS = 500
#: a short page's 缺稿 number is tried (a dozen layouts of that page) this long after typing stops
REFINE_AFTER_MS = 600


def default_layout_fn() -> LayoutFn:
    """The real engine, ``layout.document.lay_out_bulletin``."""
    from layout.document import lay_out_bulletin

    return lay_out_bulletin


def default_check_fn() -> Callable[[Bulletin], list]:
    """The real proofreader, ``proofread.check``."""
    from proofread import check

    return check


class IncrementalLayout:
    """``lay_out_bulletin`` that re-lays out only the pages whose content changed since its last call.

    A page is re-laid out when its ``repr`` (the model is plain dataclasses, so the repr is its
    whole content, the same key ``layout.document`` uses for its measurement cache) or any
    bulletin-wide input (fonts, page setup, folio texts, the set of images) differs from the
    previous call. Pages not laid out again are the very same ``LaidOutPage`` objects as before,
    which lets the preview keep their pixmaps. Not thread-safe: one caller at a time (the
    runner's single worker).
    """

    def __init__(self) -> None:
        from layout.document import assemble, lay_out_pages

        self._lay_out_pages, self._assemble = lay_out_pages, assemble
        self._key: tuple | None = None
        self._page_keys: list[str] = []
        self._pages: list | None = None
        self._cold: Bulletin | None = None  # read back from disk: its measurements are not in memory
        self._unkept: tuple | None = None  # (key, pages) of a first layout not yet in the layout cache
        #: pages laid out with a quick 缺稿 guess, to be tried (refine) when typing pauses
        self._rough: set[int] = set()
        self._bulletin: Bulletin | None = None  # the snapshot the pages are of

    @staticmethod
    def _global_key(bulletin: Bulletin) -> tuple:
        return (tuple(repr(getattr(bulletin, f.name)) for f in dataclasses.fields(bulletin)
                      if f.name not in ("pages", "images")), tuple(bulletin.images))

    def __call__(self, bulletin: Bulletin) -> LaidOutDocument:
        key = self._global_key(bulletin)
        page_keys = [repr(p) for p in bulletin.pages]
        if key == self._key and self._pages is not None and len(page_keys) == len(self._page_keys):
            todo = {i for i, (a, b) in enumerate(zip(page_keys, self._page_keys)) if a != b}
            pages = self._lay_out_pages(bulletin, todo, self._pages, exact_short=False)
            if todo:
                self._cold = None  # typed before the warming: that page is measured, the old one is not wanted
        else:
            todo = set(range(len(bulletin.pages)))
            pages = self._opened(bulletin) if self._pages is None else self._lay_out_pages(bulletin, exact_short=False)
        self._key, self._page_keys, self._pages, self._bulletin = key, page_keys, pages, bulletin
        from layout.document import needs_refining

        self._rough = {i for i in self._rough if i not in todo} | {
            i for i in todo if pages[i][0] is not None and needs_refining(bulletin.pages[i], pages[i][1])}
        return self._document()

    def _document(self) -> LaidOutDocument:
        doc = self._assemble(self._pages)
        doc.problems += press_problems(self._bulletin, doc)
        return doc

    def needs_refining(self) -> bool:
        """Pages of the last layout whose 缺稿 number is a quick guess (typed into)."""
        return bool(self._rough)

    def refine(self) -> LaidOutDocument | None:
        """The last layout with its short pages' 缺稿 numbers tried, not guessed (the export's
        numbers); None when there was nothing to refine. The pages are the same objects."""
        if not self._rough or self._bulletin is None or self._pages is None:
            return None
        from layout.document import refine_short_copy

        for i in sorted(self._rough):
            self._pages[i] = refine_short_copy(self._bulletin, i, self._pages[i])
        self._rough = set()
        return self._document()

    def _opened(self, bulletin: Bulletin) -> list:
        """The first layout of a document: read back from disk when it was laid out before
        (layout/layout_cache.py), else laid out and kept there."""
        from layout import layout_cache
        from layout.document import ImageSizes, registry_for

        key = layout_cache.document_key(bulletin, registry_for(bulletin), ImageSizes(bulletin.images))
        pages = layout_cache.load(key) if key is not None else None
        if pages is None:
            pages = self._lay_out_pages(bulletin, exact_short=False)
            if key is not None:
                self._unkept = (key, pages)  # written later (warm): ≈ 0.2 s for 24 pages
        else:
            self._cold = bulletin
        return pages

    def needs_warming(self) -> bool:
        """Work left from the first layout: measuring a layout read back, keeping a new one."""
        return self._cold is not None or self._unkept is not None

    def warm(self) -> LaidOutDocument | None:
        """The first layout's work that waits until its page is painted (the runner has it done
        then, on the layout worker): its short pages' 缺稿 numbers are tried (the layout cache
        holds what the export reports, never a guess) and the new layout is written to the
        layout cache; a layout read back from it has its first page laid out again, the result
        discarded, so that the measurements the next keystroke there reuses are in memory.
        Returns the layout with the tried numbers when there were any to try."""
        refined = self.refine() if self._unkept is not None and self._unkept[1] is self._pages else None
        unkept, self._unkept = self._unkept, None
        if unkept is not None:
            from layout import layout_cache
            from layout.document import rough

            if not any(rough(problems) for _lp, problems in unkept[1]) or refined is not None:
                layout_cache.store(*unkept)
        bulletin, self._cold = self._cold, None
        if bulletin is not None and bulletin.pages:
            self._lay_out_pages(bulletin, {0}, [(None, [])] * len(bulletin.pages))
        return refined

    def reset(self) -> None:
        self._key, self._page_keys, self._pages, self._cold, self._unkept = None, [], None, None, None
        self._rough, self._bulletin = set(), None


def press_problems(bulletin: Bulletin, doc: LaidOutDocument) -> list:
    """The print preflight of the page's flat colours (faint tints, rules in several inks,
    hairlines), as the PDF export reports it, for the problems panel while editing. Pictures'
    ink is known only when the export separates them."""
    from exporters.separation import condition_for, flat_colour_problems

    ps = bulletin.page_setup
    if ps.colour_mode == "rgb":
        return []
    try:
        condition = condition_for(ps.printing_condition)  # flat colours need no ICC profile read
    except KeyError:
        return []
    return flat_colour_problems(doc.pages, ps.colour_mode, condition)


def incremental(layout_fn: LayoutFn | None) -> LayoutFn | None:
    """An ``IncrementalLayout`` in place of the real engine's ``lay_out_bulletin``; others unchanged."""
    from layout.document import lay_out_bulletin

    return IncrementalLayout() if layout_fn is lay_out_bulletin else layout_fn


@dataclass
class LayoutResult:
    document: LaidOutDocument | None
    findings: list = field(default_factory=list)
    error: str = ""  # a message for the user when the layout failed
    seconds: float = 0.0
    generation: int = 0


def run_layout(bulletin: Bulletin, layout_fn: LayoutFn | None, check_fn, generation: int) -> LayoutResult:
    """Lay out and proofread one snapshot; never raises (the editor must survive engine bugs)."""
    start = time.perf_counter()
    if layout_fn is None:  # a window without preview (tests)
        return LayoutResult(None, generation=generation)
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


def run_check(bulletin: Bulletin, check_fn) -> list:
    """Proofread one snapshot; never raises."""
    if check_fn is None:
        return []
    try:
        return list(check_fn(bulletin))
    except Exception:  # noqa: BLE001 - proofreading is advisory
        traceback.print_exc()
        return []


class _Signals(QObject):
    done = Signal(object)


class _Job(QRunnable):
    def __init__(self, bulletin: Bulletin, layout_fn, check_fn, generation: int) -> None:
        super().__init__()
        self.bulletin, self.layout_fn, self.check_fn, self.generation = bulletin, layout_fn, check_fn, generation
        self.signals = _Signals()

    def run(self) -> None:
        bulletin, self.bulletin = self.bulletin, None  # PySide's pool keeps the job: not the snapshot
        self.signals.done.emit(run_layout(bulletin, self.layout_fn, self.check_fn, self.generation))


class _LayoutWork(QRunnable):
    """Work the layout leaves for later, on the layout worker: ``IncrementalLayout.warm`` (after
    the first paint) or ``refine`` (when typing pauses). Reports (generation, the layout with
    its 缺稿 numbers tried, or None)."""

    def __init__(self, work: Callable[[], LaidOutDocument | None], generation: int) -> None:
        super().__init__()
        self.work, self.generation = work, generation
        self.signals = _Signals()

    def run(self) -> None:
        work, self.work = self.work, None
        doc = None
        try:
            doc = work()
        except Exception:  # noqa: BLE001 - a head start or the quick numbers: the editor goes on
            traceback.print_exc()
        self.signals.done.emit((self.generation, doc))


class _CheckJob(QRunnable):
    def __init__(self, bulletin: Bulletin, check_fn, generation: int) -> None:
        super().__init__()
        self.bulletin, self.check_fn, self.generation = bulletin, check_fn, generation
        self.signals = _Signals()

    def run(self) -> None:
        bulletin, self.bulletin = self.bulletin, None  # PySide's pool keeps the job: not the snapshot
        self.signals.done.emit((self.generation, run_check(bulletin, self.check_fn)))


class LayoutRunner(QObject):
    """Owns the debounce timer and the worker; emits ``finished(LayoutResult)`` in the GUI thread."""

    finished = Signal(object)
    started = Signal()
    #: new proofreading findings (list) for ``result``, from the proofreader's own timer
    checked = Signal(object)

    def __init__(
        self,
        get_bulletin: Callable[[], Bulletin],
        get_generation: Callable[[], int],
        layout_fn: LayoutFn | None,
        check_fn=None,
        *,
        threaded: bool = True,
        debounce_ms: int = 0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.get_bulletin = get_bulletin
        self.get_generation = get_generation
        self.layout_fn = layout_fn
        self._layout = incremental(layout_fn)
        self.check_fn = check_fn
        self.threaded = threaded
        self.result: LayoutResult | None = None
        #: the latest proofreading findings and the document generation they were made for
        self.findings: list = []
        self.findings_generation = -1
        self._busy = False
        self._again = False
        self._checking = False
        self._check_again = False
        #: the first proofreading waits for the first layout: on two cores the two workers
        #: took turns with the interpreter and the first page reached the screen later
        self._check_after_layout = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        # the proofreader has a worker of its own: a check of the whole bulletin (≈ 100 ms) must
        # never hold up the layout of the keystroke typed meanwhile
        self._check_pool = QThreadPool(self)
        self._check_pool.setMaxThreadCount(1)
        self._jobs: list[QRunnable] = []  # keep Python wrappers alive until they report
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(debounce_ms)
        self.timer.timeout.connect(self._start)
        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(PROOFREAD_MS)
        self.check_timer.timeout.connect(self._start_check)
        self.refine_timer = QTimer(self)
        self.refine_timer.setSingleShot(True)
        self.refine_timer.setInterval(REFINE_AFTER_MS)
        self.refine_timer.timeout.connect(self._start_refine)
        self._refining = False

    @property
    def _separate_check(self) -> bool:
        """Threaded editors proofread on their own timer; synchronous ones (tests) with each layout."""
        return self.threaded and self.check_fn is not None

    def request(self) -> None:
        """Something changed: lay out again shortly (and proofread a little later)."""
        self.timer.start()
        if self._separate_check and not self.check_timer.isActive():
            self.check_timer.start()  # a throttle, not a debounce: long typing still gets checked

    def run_now(self) -> None:
        self.timer.stop()
        self._start()
        if self._separate_check:
            self.check_timer.stop()
            if self.result is None and self._busy:
                self._check_after_layout = True  # the editor's first page comes first
            else:
                self._start_check()

    def is_idle(self) -> bool:
        """No layout running or pending (the proofreader may still be at work: see ``is_settled``)."""
        return not self._busy and not self.timer.isActive()

    def is_settled(self) -> bool:
        """Idle, and the proofreading findings are of the current document too."""
        return (self.is_idle() and not self._checking and not self.check_timer.isActive()
                and not self._check_after_layout)

    def _start(self) -> None:
        if self._busy:
            self._again = True
            return
        generation = self.get_generation()
        snapshot = copy.deepcopy(self.get_bulletin())
        self._busy = True
        self.started.emit()
        if not self.threaded:
            self._done(run_layout(snapshot, self._layout, self.check_fn, generation))
            return
        job = _Job(snapshot, self._layout, None if self._separate_check else self.check_fn, generation)
        job.setAutoDelete(True)  # False made PySide keep every job (and its snapshot) for good
        job.signals.done.connect(self._done)
        self._jobs.append(job)
        self._pool.start(job)

    def _start_check(self) -> None:
        if self._checking:
            self._check_again = True
            return
        self._checking = True
        job = _CheckJob(copy.deepcopy(self.get_bulletin()), self.check_fn, self.get_generation())
        job.setAutoDelete(True)  # False made PySide keep every job (and its snapshot) for good
        job.signals.done.connect(self._checked)
        self._jobs.append(job)
        self._check_pool.start(job)

    def _checked(self, answer: tuple[int, list]) -> None:
        generation, findings = answer
        self._checking = False
        self._jobs = [j for j in self._jobs if not (isinstance(j, _CheckJob) and j.generation == generation)]
        self.findings, self.findings_generation = findings, generation
        if self.result is not None:
            self.result.findings = findings
        self.checked.emit(findings)
        if self._check_again:
            self._check_again = False
            self._start_check()

    def _start_refine(self) -> None:
        """Try the short pages' 缺稿 numbers, once typing has paused and no layout is due."""
        if not isinstance(self._layout, IncrementalLayout) or not self._layout.needs_refining():
            return
        if self._busy or self.timer.isActive() or self._refining:
            self.refine_timer.start()
            return
        self._refining = True
        self._start_work(self._layout.refine)

    def _start_work(self, work: Callable[[], LaidOutDocument | None]) -> None:
        job = _LayoutWork(work, self.result.generation if self.result else -1)
        job.setAutoDelete(True)
        job.signals.done.connect(self._refined)
        self._jobs.append(job)
        self._pool.start(job)

    def _refined(self, answer: tuple) -> None:
        generation, doc = answer
        self._refining = False
        self._jobs = [j for j in self._jobs if not (isinstance(j, _LayoutWork) and j.work is None)]
        if doc is None or self.result is None or self._busy or self.timer.isActive():
            return  # a newer layout is on its way; it carries the tried numbers of the pages not typed into
        self.result = dataclasses.replace(self.result, document=doc)
        self.finished.emit(self.result)

    def _done(self, result: LayoutResult) -> None:
        self._busy = False
        if result.document is not None and isinstance(self._layout, IncrementalLayout) and self._layout.needs_refining():
            if self.threaded:
                self.refine_timer.start()
            else:  # a synchronous editor (tests) has the tried numbers at once
                result.document = self._layout.refine() or result.document
        self._jobs = [j for j in self._jobs if not (isinstance(j, _Job) and j.generation == result.generation)
                      and not (isinstance(j, _LayoutWork) and j.work is None)]
        if self._separate_check:
            result.findings = self.findings  # the latest the proofreader has (it runs on its own timer)
        elif self.check_fn is not None:
            self.findings, self.findings_generation = result.findings, result.generation
        self.result = result
        self.finished.emit(result)
        if self.threaded and self.needs_warming():
            # the window calls warm() once it has painted this result; this is the backstop
            QTimer.singleShot(WARM_AFTER_MS, self.warm)
        if self._check_after_layout:  # proofread once the first page is painted (the throttle's wait)
            self._check_after_layout = False
            self.check_timer.start()
        if self._again:
            self._again = False
            self._start()

    def needs_warming(self) -> bool:
        """The first layout left work for after its paint (``IncrementalLayout.warm``)."""
        return isinstance(self._layout, IncrementalLayout) and self._layout.needs_warming()

    def warm(self) -> None:
        """Have the layout worker do what the first layout left (``IncrementalLayout.warm``):
        keep a new layout in the layout cache, or measure the first page of one read back from
        it, so that the first keystroke there is as quick as the next. The window asks for it a
        moment after the page is on screen (done beside the first paint, it slowed that paint by
        a third); a keystroke typed before it pays for the measuring."""
        if not self.threaded or not self.needs_warming():
            return
        self._start_work(self._layout.warm)

    def wait(self, msecs: int = 30000) -> None:
        """Block until the workers are done (shutdown; tests)."""
        self._pool.waitForDone(msecs)
        self._check_pool.waitForDone(msecs)

    def wait_layout(self, msecs: int) -> None:
        """Block until the layout worker is done, or ``msecs``: the proofreader may go on (a
        caller polling for the page must not sit out a check it does not need)."""
        self._pool.waitForDone(msecs)

    def clear(self) -> None:
        """Drop queued layouts and proofreading (closing: they are of no use any more)."""
        self.refine_timer.stop()
        self._pool.clear()
        self._check_pool.clear()

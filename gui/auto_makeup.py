"""版面 → 自动组版 (issue 24): the make-up's page plans, seen as pages, chosen, applied as one step.

The search (``makeup.plan_makeup``) takes seconds, so it runs on a worker thread over a deep copy
of the bulletin, behind a progress dialog that can cancel it; the document is not touched
meanwhile (the progress dialog is modal, and a plan found for an older generation of the
document is refused). The two or three best plans are then laid out, still on the worker, and
shown as page thumbnails at one common scale (a tabloid page looks half a broadsheet) with their
figures, next to the bulletin as it stands. The plan the user picks becomes ONE undo macro of
``SetValue`` commands (page setup, pages, headline sizes), so one Ctrl+Z gives back exactly the
pages, page setup and headline sizes there were.

Nothing re-plans on its own: only the action (or an import, through ``plan_after_import``) runs
the search, so typing in a field never moves a block to another page.
"""

from __future__ import annotations

import copy
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gui.auto_makeup_action import install_auto_makeup  # noqa: F401 - re-exported
from gui.commands import SetValue
from gui.document import Document
from gui.page_painter import FontCache
from layout.fit import Change
from layout.types import LaidOutPage
from makeup import Candidate, PagePlan, SearchResult, changes_for, plan_makeup
from model.document import Bulletin

translate = QCoreApplication.translate

# seconds the search may take when the user asks for it (the make-up's own default)
BUDGET_S = 20.0
# seconds the search after an import may take: the user waits for it without a dialog
IMPORT_BUDGET_S = 10.0
# plans shown to choose from
SHOWN = 3
# px: the tallest page shown; every other page at the same scale
THUMB_HEIGHT = 170

PagesArg = int | str | None


# ------------------------------------------------------------------------------ model side

class StalePlan(ValueError):
    """The plan names blocks the bulletin no longer has in that form (it changed since the search)."""


def block_ids(bulletin: Bulletin) -> list[str]:
    return [b.id for _p, b in bulletin.iter_blocks()]


def push_changes(doc: Document, changes: list[Change], label: str) -> list[str]:
    """The make-up's changes as one undo step (a macro; nested when a macro is open, so an import
    and its make-up stay one step); returns their texts."""
    if not changes:
        return []
    doc.undo_stack.beginMacro(label)
    try:
        for c in changes:
            doc.push(SetValue(doc, c.obj, c.attr, c.value, c.text, structural=c.structural))
    finally:
        doc.undo_stack.endMacro()
    return [c.text for c in changes]


def apply_plan(doc: Document, plan: PagePlan, label: str | None = None) -> list[str]:
    """Bring ``doc`` to ``plan`` as one undo step; returns the changes' texts ([] when nothing changes)."""
    planned = [x for ids in plan.pages for x in ids]
    if sorted(planned) != sorted(block_ids(doc.bulletin)):
        raise StalePlan(translate("AutoMakeup", "组版方案与当前会刊的栏目不一致（会刊在组版后有改动），请重新自动组版。"))
    return push_changes(doc, changes_for(doc.bulletin, plan), label or translate("AutoMakeup", "自动组版"))


def improves(result: SearchResult) -> Candidate | None:
    """The best plan when it is better than the bulletin as it stands (else None)."""
    best = result.best
    if best is None:
        return None
    if result.current is not None and best.cost >= result.current.cost - 1e-9:
        return None
    return best


def plan_after_import(doc: Document, budget_s: float = IMPORT_BUDGET_S) -> list[str]:
    """Make the bulletin up after an import, inside the import's undo macro, without a dialog.

    Page count and size are free exactly as the page setup says (``fit.free_pages`` /
    ``fit.free_format``; a bulletin made by import starts with both free); fixed pages and pinned
    blocks are kept (the search keeps them). The plan is applied only when it is better than the
    pages as they stand. Returns the changes' texts.
    """
    if not any(p.blocks for p in doc.bulletin.pages):
        return []
    changes = best_changes_in_worker(doc, budget_s)
    return push_changes(doc, changes, translate("AutoMakeup", "导入后自动组版"))


def run_in_worker(work: Callable[[Callable[[], bool], Callable[[float], None]], object], text: str,
                  name: str = "importMakeupProgress") -> object | None:
    """``work(cancelled, progress)`` on a worker thread while an application-modal progress
    dialog (with 取消) keeps the window painted; its result, or None when cancelled or failed.

    The caller's undo macro may stay open meanwhile: nothing else can change the document."""
    box: dict[str, object] = {}
    stop = threading.Event()
    done_share = [0.0]

    def run() -> None:
        try:
            box["result"] = work(stop.is_set, lambda f: done_share.__setitem__(0, f))
        except Exception as exc:  # noqa: BLE001 - the document stands as it is; the trace says why
            traceback.print_exc()
            box["error"] = exc

    worker = threading.Thread(target=run, name=name, daemon=True)
    worker.start()
    app = QApplication.instance()
    dialog = None
    if app is not None:
        dialog = QProgressDialog(text, translate("AutoMakeup", "取消"), 0, 100)
        dialog.setObjectName(name)
        dialog.setWindowTitle(translate("AutoMakeup", "自动组版"))
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(stop.set)
        dialog.show()
    try:
        while worker.is_alive() and not stop.is_set():
            worker.join(0.03)
            if app is not None:
                dialog.setValue(min(99, round(100 * done_share[0])))
                QApplication.processEvents()
                if dialog.wasCanceled():
                    stop.set()
    finally:
        cancelled = stop.is_set()  # before closing: a progress dialog closing says "canceled" too
        if dialog is not None:
            dialog.canceled.disconnect(stop.set)
            dialog.close()
            dialog.deleteLater()
    return None if cancelled else box.get("result")


def best_changes_in_worker(doc: Document, budget_s: float) -> list[Change]:
    """The best plan's changes, searched on a worker over a copy of the bulletin (see
    ``run_in_worker``); [] when cancelled, failed or no better than the pages as they stand."""
    from makeup.search import plan_makeup as search_plans

    snapshot = copy.deepcopy(doc.bulletin)
    result = run_in_worker(lambda cancelled, progress: search_plans(snapshot, budget_s=budget_s, cancelled=cancelled,
                                                                    progress=progress),
                           translate("AutoMakeup", "正在按导入的稿件组版…"))
    from makeup.search import better_than_current

    best = better_than_current(result) if isinstance(result, SearchResult) else None
    return changes_for(doc.bulletin, best.plan) if best is not None else []


# ------------------------------------------------------------------------------ the search on a worker

@dataclass
class Shown:
    """One plan (or the bulletin as it stands) with its pages laid out, for the thumbnails."""

    candidate: Candidate
    pages: list[LaidOutPage]
    changes: list[str] = field(default_factory=list)


@dataclass
class Outcome:
    result: SearchResult
    current: Shown | None
    plans: list[Shown]
    pages: PagesArg
    fmt: str | None
    generation: int
    cancelled: bool = False


def lay_out_plan(snapshot: Bulletin, plan: PagePlan) -> tuple[list[LaidOutPage], list[str]]:
    """The pages ``plan`` gives, laid out on a copy (the snapshot stays as it is)."""
    from layout.document import lay_out_bulletin
    from layout.fit import apply

    trial = copy.deepcopy(snapshot)
    changes = changes_for(trial, plan)
    apply(changes)
    return list(lay_out_bulletin(trial).pages), [c.text for c in changes]


def search(snapshot: Bulletin, pages: PagesArg, fmt: str | None, budget_s: float, generation: int,
           progress: Callable[[float], None] = lambda _f: None,
           cancelled: Callable[[], bool] = lambda: False) -> Outcome:
    """The search and the layout of the plans to show; the search's share of the progress is 85 %."""
    from layout.document import lay_out_bulletin

    result = plan_makeup(snapshot, pages=pages, fmt=fmt, budget_s=budget_s,
                         progress=lambda f: progress(0.85 * f), cancelled=cancelled)
    if cancelled():
        return Outcome(result, None, [], pages, fmt, generation, cancelled=True)
    current = Shown(result.current, list(lay_out_bulletin(copy.deepcopy(snapshot)).pages)) \
        if result.current is not None else None
    shown = []
    best = result.candidates[:SHOWN]
    for k, cand in enumerate(best):
        if cancelled():
            return Outcome(result, None, [], pages, fmt, generation, cancelled=True)
        laid, texts = lay_out_plan(snapshot, cand.plan)
        shown.append(Shown(cand, laid, texts))
        progress(0.85 + 0.15 * (k + 1) / len(best))
    return Outcome(result, current, shown, pages, fmt, generation)


class _Signals(QObject):
    progressed = Signal(float)
    done = Signal(object)
    failed = Signal(str)


class SearchJob(QRunnable):
    """``search`` on a worker; ``cancel()`` from the GUI thread stops it at its next check."""

    def __init__(self, snapshot: Bulletin, pages: PagesArg, fmt: str | None, budget_s: float, generation: int) -> None:
        super().__init__()
        self.snapshot, self.pages, self.fmt, self.budget_s, self.generation = snapshot, pages, fmt, budget_s, generation
        self.signals = _Signals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        snapshot, self.snapshot = self.snapshot, None  # PySide's pool may keep the job: not the snapshot
        try:
            outcome = search(snapshot, self.pages, self.fmt, self.budget_s, self.generation,
                             self.signals.progressed.emit, self._cancel.is_set)
        except Exception as exc:  # noqa: BLE001 - reported to the user; the document is untouched
            traceback.print_exc()
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.signals.done.emit(outcome)


# ------------------------------------------------------------------------------ the dialog

def render_pages(pages: list[LaidOutPage], scale: float, fonts: FontCache,
                 fetch: Callable[[str], bytes]) -> list[QPixmap]:
    """Each page drawn greeked at ``scale`` px per pt, framed."""
    from gui.thumbnails import page_picture

    return [page_picture(page, scale, fonts, fetch) for page in pages]


def describe_plan(plan: PagePlan) -> str:
    """What a plan decides, as ``PagePlan.describe`` says it, in the interface's language."""
    from gui import i18n
    from makeup.plan import FORMAT_NAMES, FORMAT_NAMES_EN

    names = FORMAT_NAMES if i18n.current() == "zh_CN" else FORMAT_NAMES_EN
    return translate("AutoMakeup", "{pages} 版 {size}，肖像 {portrait} 栏，标题 ×{scales}，每版 {blocks} 篇").format(
        pages=plan.page_count, size=names.get(plan.preset, plan.preset), portrait=f"{plan.portrait_columns:g}",
        scales="/".join(f"{s:g}" for s in plan.headline_scales), blocks="/".join(str(len(p)) for p in plan.pages)) + (
        translate("AutoMakeup", "，转版 {n} 处").format(n=len(plan.jumps)) if plan.jumps else "")


# thumbnails side by side in one plan's column before they wrap
PER_ROW = 3


def page_caption(n: int, fig) -> str:
    """A page's figures under its thumbnail (the page-quality measure's own terms)."""
    q = fig.quality
    lines = [QCoreApplication.translate("AutoMakeup", "第 {} 版 {}").format(n, "✓" if fig.meets else "✗"),
             QCoreApplication.translate("AutoMakeup", "空 {:.0f}%  洞 {:.0f}%  脚 {:.0f}%").format(
                 100 * q.empty, 100 * q.holes, 100 * q.foot)]
    extra = []
    if q.isolated:
        extra.append(QCoreApplication.translate("AutoMakeup", "孤行 {}").format(len(q.isolated)))
    if fig.overset:
        extra.append(QCoreApplication.translate("AutoMakeup", "超稿 {} 字").format(fig.overset_chars))
    if fig.apart:
        extra.append(QCoreApplication.translate("AutoMakeup", "离组题 {} 篇").format(fig.apart))
    if "portraits" in q.failures:
        extra.append(QCoreApplication.translate("AutoMakeup", "肖像大小不一"))
    if "tops" in q.failures:
        extra.append(QCoreApplication.translate("AutoMakeup", "肖像顶端不齐"))
    if extra:
        lines.append("  ".join(extra))
    return "\n".join(lines)


def failure_texts(fig) -> list[str]:
    """The make-up rules a page breaks, in words (the page-quality measure's own limits)."""
    from layout.quality import MAX_EMPTY, MAX_FOOT, MAX_HOLES

    words = {
        "empty": translate("AutoMakeup", "空白超过版心的 {:.0f}%").format(100 * MAX_EMPTY),
        "holes": translate("AutoMakeup", "栏内空洞超过 {:.0f}%").format(100 * MAX_HOLES),
        "foot": translate("AutoMakeup", "栏脚空白超过 {:.0f}%").format(100 * MAX_FOOT),
        "isolated": translate("AutoMakeup", "有孤立的正文行"),
        "portraits": translate("AutoMakeup", "肖像大小不一"),
        "tops": translate("AutoMakeup", "同一排肖像顶端不齐"),
    }
    out = [words.get(key, key) for key in fig.quality.failures]
    if fig.overset:
        out.append(translate("AutoMakeup", "有 {} 字排不下").format(fig.overset_chars))
    if fig.apart:
        out.append(translate("AutoMakeup", "有 {} 篇不在所属组题之下").format(fig.apart))
    return out


class PlanColumn(QFrame):
    """One plan side by side with the others: its choice button (none for the bulletin as it
    stands), what it decides, and each page's thumbnail with that page's figures."""

    def __init__(self, title: str, shown: Shown, pixmaps: list[QPixmap], choosable: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shown = shown
        self.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QVBoxLayout(self)
        cand = shown.candidate
        if choosable:
            self.button: QRadioButton | None = QRadioButton(title)
            self.button.setObjectName("planChoice")
            lay.addWidget(self.button)
        else:
            self.button = None
            label = QLabel(title)
            label.setStyleSheet("font-weight: bold")
            lay.addWidget(label)
        self.describe = QLabel(describe_plan(cand.plan))
        self.describe.setWordWrap(True)
        lay.addWidget(self.describe)
        self.verdict = QLabel(self.tr("✓ 每版都合乎组版要求") if cand.meets else self.tr("✗ 有版面未达组版要求"))
        self.verdict.setStyleSheet("color: #1a7f37" if cand.meets else "color: #b35900")
        lay.addWidget(self.verdict)
        self.figures = cand.figures()  # the line ``fit`` prints; each page's part is under its picture
        self.setToolTip(self.figures)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        self.thumbs: list[QLabel] = []
        self.captions: list[QLabel] = []
        for k, pix in enumerate(pixmaps):
            thumb = QLabel()
            thumb.setPixmap(pix)
            thumb.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
            fig = cand.pages[k] if k < len(cand.pages) else None
            caption = QLabel(page_caption(k + 1, fig) if fig is not None else self.tr("第 {} 版").format(k + 1))
            caption.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            if fig is not None and not fig.meets:
                caption.setToolTip("\n".join(failure_texts(fig)))
            r, c = divmod(k, PER_ROW)
            grid.addWidget(thumb, 2 * r, c)
            grid.addWidget(caption, 2 * r + 1, c)
            self.thumbs.append(thumb)
            self.captions.append(caption)
        lay.addLayout(grid)
        lay.addStretch(1)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """A click anywhere on the plan (its pages) chooses it, as on its button."""
        if self.button is not None and self.button.isEnabled():
            self.button.setChecked(True)
        super().mousePressEvent(event)


class AutoMakeupDialog(QDialog):
    """The plans to choose from; ``rerun(pages, fmt)`` when a freedom checkbox changes."""

    rerun = Signal(object, object)

    def __init__(self, outcome: Outcome, bulletin: Bulletin, fetch: Callable[[str], bytes],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("autoMakeupDialog")
        self.setWindowTitle(self.tr("自动组版"))
        self.fetch = fetch
        self.fonts = FontCache()
        self.bulletin = bulletin
        self.outcome: Outcome | None = None
        self.rows: list[PlanColumn] = []
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("按稿件的多少选定版数、版面大小、每版的栏目、肖像和标题字号，使每一版都排满。"
                               "选一个方案后按“应用所选方案”：整个组版是一步，可以撤销。"))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        boxes = QHBoxLayout()
        self.free_pages = QCheckBox(self.tr("版数可变"))
        self.free_pages.setToolTip(self.tr("允许自动组版增减版数（否则保持现有的版数）"))
        self.free_format = QCheckBox(self.tr("版面大小可变"))
        self.free_format.setToolTip(self.tr("允许自动组版改用对开、四开、A3 或 A4（否则保持现有的版面大小）"))
        boxes.addWidget(self.free_pages)
        boxes.addWidget(self.free_format)
        boxes.addStretch(1)
        lay.addLayout(boxes)
        self.note = QLabel()
        self.note.setWordWrap(True)
        lay.addWidget(self.note)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        lay.addWidget(self.scroll, 1)
        self.changes = QPlainTextEdit()
        self.changes.setReadOnly(True)
        self.changes.setMaximumHeight(110)
        self.changes.setPlaceholderText(self.tr("所选方案不改动会刊"))
        lay.addWidget(QLabel(self.tr("所选方案的改动：")))
        lay.addWidget(self.changes)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("应用所选方案"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.group = QButtonGroup(self)
        self.group.buttonToggled.connect(self._chosen)
        self.set_outcome(outcome)
        self.free_pages.toggled.connect(self._freedom_changed)
        self.free_format.toggled.connect(self._freedom_changed)
        self.resize(1000, 760)

    # ------------------------------------------------------------------ content
    def set_outcome(self, outcome: Outcome) -> None:
        """Show the plans of ``outcome`` (after the first search and after every re-run)."""
        self.outcome = outcome
        self.show_freedom(outcome)
        for b in self.group.buttons():
            self.group.removeButton(b)
        self.rows = []
        self.current_column: PlanColumn | None = None
        shown = ([outcome.current] if outcome.current is not None else []) + outcome.plans
        pages = [p for s in shown for p in s.pages]
        scale = THUMB_HEIGHT / max((p.height for p in pages), default=1.0)
        inner = QWidget()
        col = QHBoxLayout(inner)
        if outcome.current is not None:
            row = PlanColumn(self.tr("当前版面"), outcome.current, render_pages(outcome.current.pages, scale, self.fonts,
                                                                               self.fetch), False)
            row.setObjectName("currentPlan")
            col.addWidget(row)
            self.current_column = row
        names = [self.tr("方案一（推荐）"), self.tr("方案二"), self.tr("方案三"), self.tr("方案四")]
        for k, s in enumerate(outcome.plans):
            row = PlanColumn(names[min(k, len(names) - 1)], s, render_pages(s.pages, scale, self.fonts, self.fetch), True)
            self.group.addButton(row.button, k)
            col.addWidget(row)
            self.rows.append(row)
        col.addStretch(1)
        self.scroll.setWidget(inner)
        result = outcome.result
        notes = [self.tr("试排 {} 版，用时 {:.1f} 秒。").format(result.layouts, result.elapsed)]
        if result.note:
            notes.append(result.note)
        if not outcome.plans:
            notes.append(self.tr("没有找到可用的组版方案。"))
        elif improves(result) is None:
            notes.append(self.tr("当前版面已不差于找到的方案，可以不改动（按“取消”）。"))
        self.note.setText(" ".join(notes))
        if self.rows:
            self.rows[0].button.setChecked(True)
        self.ok.setEnabled(bool(self.rows))
        self._chosen()

    def show_freedom(self, outcome: Outcome) -> None:
        """The checkboxes as the search of ``outcome`` ran (a cancelled re-run leaves its plans)."""
        setup = self.bulletin.page_setup
        can_resize = self.can_resize()
        for box, free in ((self.free_pages, _is_free(outcome.pages, setup.fit.free_pages)),
                          (self.free_format, can_resize and _is_free(outcome.fmt, setup.fit.free_format))):
            box.blockSignals(True)
            box.setChecked(free)
            box.blockSignals(False)
        self.free_format.setEnabled(can_resize)
        if not can_resize:
            self.free_format.setToolTip(self.tr("有固定版面或自定义的版面大小时，版面大小不变"))

    def can_resize(self) -> bool:
        """The make-up may change the page size: no page is fixed and the size is a preset."""
        return not any(p.fixed_layout for p in self.bulletin.pages) and self.bulletin.page_setup.preset != "custom"

    def _chosen(self, *_args) -> None:
        row = self.chosen_row()
        self.changes.setPlainText("\n".join(row.shown.changes) if row is not None else "")

    def chosen_row(self) -> PlanColumn | None:
        k = self.group.checkedId()
        return self.rows[k] if 0 <= k < len(self.rows) else None

    def chosen_plan(self) -> PagePlan | None:
        row = self.chosen_row()
        return row.shown.candidate.plan if row is not None else None

    def choose(self, index: int) -> None:
        self.rows[index].button.setChecked(True)

    # ------------------------------------------------------------------ re-running
    def freedom(self) -> tuple[PagesArg, str | None]:
        """The search's ``pages`` and ``fmt`` as the checkboxes say (unchecked: as it stands)."""
        pages: PagesArg = "auto" if self.free_pages.isChecked() else (len(self.bulletin.pages) or None)
        fmt = "auto" if self.free_format.isChecked() else self.bulletin.page_setup.preset
        return pages, fmt

    def _freedom_changed(self, _on: bool) -> None:
        self.rerun.emit(*self.freedom())

    def set_busy(self, busy: bool) -> None:
        for w in (self.free_pages, self.free_format, self.scroll, self.ok):
            w.setEnabled(not busy)
        if not busy:
            self.ok.setEnabled(bool(self.rows))
            self.free_format.setEnabled(self.can_resize())


def _is_free(arg: PagesArg, by_setup: bool) -> bool:
    return arg == "auto" or (arg is None and by_setup)


# ------------------------------------------------------------------------------ the action

class AutoMakeup(QObject):
    """One run of 自动组版 in ``window``: progress, search, dialog, apply. Kept as
    ``window.auto_makeup_run`` while it lasts (tests reach the dialogs there)."""

    finished = Signal(bool)  # True when a plan was applied

    def __init__(self, window, budget_s: float | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.doc: Document = window.doc
        self.budget_s = BUDGET_S if budget_s is None else budget_s
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.job: SearchJob | None = None
        self.progress: QProgressDialog | None = None
        self.dialog: AutoMakeupDialog | None = None
        self.outcome: Outcome | None = None
        self.applied: list[str] = []

    def start(self, pages: PagesArg = None, fmt: str | None = None) -> None:
        if self.job is not None:
            return
        bulletin = self.doc.bulletin
        self.progress = QProgressDialog(self.tr("正在比较组版方案（版数、版面大小、每版栏目、肖像和标题字号）…"),
                                        self.tr("取消"), 0, 100, self.dialog or self.window)
        self.progress.setObjectName("autoMakeupProgress")
        self.progress.setWindowTitle(self.tr("自动组版"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.setValue(0)
        job = SearchJob(copy.deepcopy(bulletin), pages, fmt, self.budget_s, self.doc.generation)
        job.setAutoDelete(False)
        job.signals.progressed.connect(self._progressed)
        job.signals.done.connect(self._done)
        job.signals.failed.connect(self._failed)
        self.progress.canceled.connect(job.cancel)
        self.job = job
        if self.dialog is not None:
            self.dialog.set_busy(True)
        self.progress.show()
        self.pool.start(job)

    def cancel(self) -> None:
        """As the progress dialog's 取消 button (QProgressDialog.cancel() does not say ``canceled``)."""
        if self.job is not None:
            self.job.cancel()
        if self.progress is not None:
            self.progress.cancel()

    def busy(self) -> bool:
        return self.job is not None

    def _progressed(self, fraction: float) -> None:
        if self.progress is not None and not self.progress.wasCanceled():
            self.progress.setValue(round(100 * max(0.0, min(1.0, fraction))))

    def _close_progress(self) -> None:
        self.job = None
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _failed(self, message: str) -> None:
        self._close_progress()
        QMessageBox.critical(self.window, self.tr("自动组版失败"),
                             self.tr("组版时出错，会刊没有改动。\n\n{}").format(message))
        self._end(False)

    def _done(self, outcome: Outcome) -> None:
        self._close_progress()
        if outcome.cancelled:
            self.window.statusBar().showMessage(self.tr("自动组版已取消，会刊没有改动"), 5000)
            if self.dialog is not None and self.outcome is not None:
                self.dialog.show_freedom(self.outcome)  # the plans shown before the re-run stay
                self.dialog.set_busy(False)
            else:
                self._end(False)
            return
        if outcome.generation != self.doc.generation:
            QMessageBox.information(self.window, self.tr("自动组版"),
                                    self.tr("组版期间会刊有改动，方案作废，会刊没有改动。请重新自动组版。"))
            self._end(False)
            return
        self.outcome = outcome
        if self.dialog is None:
            self.dialog = AutoMakeupDialog(outcome, self.doc.bulletin, self.doc.bulletin.images.get, self.window)
            self.dialog.rerun.connect(self.start)
            self.dialog.accepted.connect(self._accepted)
            self.dialog.rejected.connect(lambda: self._end(False))
            self.dialog.open()
        else:
            self.dialog.set_outcome(outcome)
            self.dialog.set_busy(False)

    def _accepted(self) -> None:
        plan = self.dialog.chosen_plan() if self.dialog is not None else None
        if plan is None or self.outcome is None:
            self._end(False)
            return
        if self.outcome.generation != self.doc.generation:
            QMessageBox.information(self.window, self.tr("自动组版"),
                                    self.tr("组版后会刊有改动，方案作废，会刊没有改动。请重新自动组版。"))
            self._end(False)
            return
        try:
            self.applied = apply_plan(self.doc, plan)
        except StalePlan as exc:
            QMessageBox.information(self.window, self.tr("自动组版"), str(exc))
            self._end(False)
            return
        message = (self.tr("自动组版：{} 处改动（可撤销）").format(len(self.applied)) if self.applied
                   else self.tr("自动组版：所选方案就是当前版面，没有改动"))
        self.window.statusBar().showMessage(message, 8000)
        show_form = getattr(self.window, "_show_form", None)
        if self.applied and show_form is not None:  # the open form shows the new page setup / headline size
            show_form(self.window.selected_id)
        self._end(bool(self.applied))

    def _end(self, applied: bool) -> None:
        if self.job is not None:
            self.job.cancel()
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        if getattr(self.window, "auto_makeup_run", None) is self:
            self.window.auto_makeup_run = None
        self.finished.emit(applied)
        self.deleteLater()


def auto_makeup(window, budget_s: float | None = None, pages: PagesArg = None, fmt: str | None = None) -> AutoMakeup | None:
    """版面 → 自动组版: search (page count and size free as the page setup says, unless given),
    show the best plans, apply the chosen one as one undo step."""
    run = getattr(window, "auto_makeup_run", None)
    if run is not None:
        return run  # one run at a time
    if not any(p.blocks for p in window.doc.bulletin.pages):
        QMessageBox.information(window, translate("AutoMakeup", "自动组版"),
                                translate("AutoMakeup", "会刊中还没有栏目，没有可组版的内容。请先加栏目或导入稿件。"))
        return None
    run = AutoMakeup(window, budget_s)
    window.auto_makeup_run = run
    run.start(pages, fmt)
    return run



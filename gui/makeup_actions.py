"""The 版面 menu's work on the bulletin: page size, page count, pinning the selection, and the
page fixes the problems panel offers (a short page: a smaller size; an overset page: a bigger
size or one more page). Every change is one undo step.

Why a page size is changed field by field: the user's own choices (body size, margins,
columns, colour, press, portrait spec) must survive the change, while the values the old size
only had by default follow the new size. So a field takes the new preset's value exactly when
it still holds the old preset's default.

The suggestions are measured, not guessed: the bulletin is laid out on the candidate size
(the same engine as the preview) and the fullness of its emptiest page is offered with it —
"改为四开（约满 91 %）". The measuring runs off the GUI thread in the editor (``FixFinder``).
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from gui import labels
from gui.commands import InsertItem, MoveItem, RemoveItem, SetValue
from gui.document import Document
from gui.makeup import _row_index, lines_of, set_placement, span_of
from layout.grid import MM, make_grid
from layout.types import LaidOutDocument
from model.document import Bulletin, ColumnBlock, Page, PageSetup

translate = QCoreApplication.translate

#: page sizes from the smallest to the largest (by area): what "smaller" and "bigger" mean
SIZES = ("a4", "tabloid", "a3", "broadsheet")
FULL_ENOUGH = 0.80  # a page this full is worth offering; below it the smaller size is no fix either


def setup_for(preset: str, old: PageSetup) -> PageSetup:
    """``old`` moved to the page size ``preset``: what the user changed is kept, the old size's
    defaults become the new size's."""
    base_old = PageSetup.from_preset(old.preset) if old.preset in SIZES else None
    new = PageSetup.from_preset(preset)
    values = {}
    for f in dataclasses.fields(PageSetup):
        if f.name in ("preset", "width_mm", "height_mm"):
            values[f.name] = getattr(new, f.name)
            continue
        mine = getattr(old, f.name)
        default = getattr(base_old, f.name) if base_old is not None else None
        values[f.name] = copy.deepcopy(getattr(new, f.name) if mine == default else mine)
    return PageSetup(**values)


def set_page_size(doc: Document, preset: str) -> bool:
    """版面 → 页面大小: one undo step; False when the bulletin already has that size."""
    old = doc.bulletin.page_setup
    if old.preset == preset:
        return False
    new = setup_for(preset, old)
    doc.push(SetValue(doc, doc.bulletin, "page_setup", new,
                      translate("MakeupActions", "改为{}").format(labels.preset_short(preset)), structural=True))
    return True


def add_page(doc: Document) -> str:
    """版数 +1: an empty page after the last one (its blocks come from the make-up or the user)."""
    page = Page()
    doc.push(InsertItem(doc, doc.bulletin, "pages", len(doc.bulletin.pages), page, translate("MakeupActions", "加一版")))
    return page.id


def remove_last_page(doc: Document) -> bool:
    """版数 −1: the last page goes; its blocks join the page before it (nothing is lost). One step."""
    b = doc.bulletin
    if len(b.pages) < 2:
        return False
    last, before = b.pages[-1], b.pages[-2]
    text = translate("MakeupActions", "减一版")
    doc.undo_stack.beginMacro(text)
    try:
        for block in list(last.blocks):
            doc.push(MoveItem(doc, block, last, before, len(before.blocks), "blocks", text))
        doc.push(RemoveItem(doc, b, "pages", last, text))
    finally:
        doc.undo_stack.endMacro()
    return True


def split_page(doc: Document, page: Page) -> str:
    """One more page for an overset page: the page's later blocks (about half its text) move to a
    new page after it, one undo step; returns the new page's id."""
    from model.document import block_texts, char_count

    b = doc.bulletin
    sizes = [char_count(block_texts(x)) for x in page.blocks]
    total, run, cut = sum(sizes), 0, len(page.blocks)
    for k, n in enumerate(sizes):
        if k > 0 and run >= total / 2:
            cut = k
            break
        run += n
    moving = page.blocks[cut:] if cut < len(page.blocks) else page.blocks[-1:]
    text = translate("MakeupActions", "加一版")
    new = Page()
    doc.undo_stack.beginMacro(text)
    try:
        doc.push(InsertItem(doc, b, "pages", b.pages.index(page) + 1, new, text))
        for block in list(moving):
            doc.push(MoveItem(doc, block, page, new, len(new.blocks), "blocks", text))
    finally:
        doc.undo_stack.endMacro()
    return new.id


def pin_blocks(doc: Document, ids: list[str], laid_out: LaidOutDocument | None) -> str:
    """版面 → 固定: the selected blocks keep the span, height and row they have on the page now;
    when every one of them is pinned already, they are freed instead. One undo step. Returns
    "pinned", "unpinned" or "" (nothing to pin: no block selected, or no layout yet)."""
    b = doc.bulletin
    blocks = [x for x in (b.find(i) for i in ids) if x is not None and hasattr(x, "placement")]
    if not blocks:
        return ""
    pinned = all(x.placement.columns or x.placement.height_mm for x in blocks)
    if pinned:
        text = translate("MakeupActions", "取消固定")
        doc.undo_stack.beginMacro(text)
        try:
            for x in blocks:
                set_placement(doc, x, text, columns=None, height_mm=None, row=None)
        finally:
            doc.undo_stack.endMacro()
        return "unpinned"
    if laid_out is None:
        return ""
    grid = make_grid(b.page_setup)
    text = translate("MakeupActions", "固定")
    done = False
    doc.undo_stack.beginMacro(text)
    try:
        for x in blocks:
            page = next(p for p in b.pages if x in p.blocks)
            index = b.pages.index(page)
            if index >= len(laid_out.pages):
                continue
            lp = laid_out.pages[index]
            a = next((a for a in lp.areas if a.block_id == x.id), None)
            if a is None or a.h <= 0:
                continue
            row = _row_index(page, lp, grid, x.id) if abs(a.x - grid.left) < 0.5 else None
            set_placement(doc, x, text, columns=span_of(grid, a.w),
                          height_mm=round(lines_of(grid, a.h) * grid.leading / MM, 3), row=row)
            done = True
    finally:
        doc.undo_stack.endMacro()
    return "pinned" if done else ""


def toggle_jump(doc: Document, ids: list[str]) -> str:
    """版面 → 转版: the selected articles run to the foot of their page and continue at the head
    of the next (layout/jump.py); when each of them jumps already, they no longer do. An
    article jumps from the foot of its page, so it becomes its page's last. One undo step.
    Returns "on", "off", "last page" (nothing after its page to jump to) or "" (no article)."""
    b = doc.bulletin
    blocks = [x for x in (b.find(i) for i in ids) if isinstance(x, ColumnBlock)]
    if not blocks:
        return ""
    if all(x.placement.continues for x in blocks):
        text = translate("MakeupActions", "取消转版")
        doc.undo_stack.beginMacro(text)
        try:
            for x in blocks:
                set_placement(doc, x, text, continues=False)
        finally:
            doc.undo_stack.endMacro()
        return "off"
    text = translate("MakeupActions", "转版")
    page = next((p for p in b.pages if blocks[-1] in p.blocks), None)
    if page is None or page is b.pages[-1]:
        return "last page"
    block = blocks[-1]  # one article per page can jump: the one that closes it
    doc.undo_stack.beginMacro(text)
    try:
        if page.blocks[-1] is not block:
            doc.push(MoveItem(doc, block, page, page, len(page.blocks) - 1, "blocks", text))
        set_placement(doc, block, text, continues=True)
    finally:
        doc.undo_stack.endMacro()
    return "on"


# ---------------------------------------------------------------------------- page fixes

@dataclass(frozen=True)
class PageFix:
    """A change the problems panel offers for a short or overset page, measured beforehand."""

    page_id: str
    kind: str  # "size" (another page size), "page" (one more page) or "fewer" (one page fewer)
    preset: str = ""
    fullness: float = 0.0  # share of the type area the emptiest page fills on the new size (0–1)

    def text(self) -> str:
        if self.kind == "page":
            return translate("MakeupActions", "加一版，后半部分移过去")
        if self.kind == "fewer":
            return translate("MakeupActions", "减一版（约满 {} %）").format(round(self.fullness * 100))
        if self.fullness:
            return translate("MakeupActions", "改为{}（约满 {} %）").format(
                labels.preset_short(self.preset), round(self.fullness * 100))
        return translate("MakeupActions", "改为{}").format(labels.preset_short(self.preset))

    def apply(self, doc: Document) -> str:
        """Make the change (one undo step); the id to select afterwards."""
        if self.kind == "page":
            page = doc.bulletin.find(self.page_id)
            return split_page(doc, page) if isinstance(page, Page) else ""
        if self.kind == "fewer":
            return doc.bulletin.pages[-2].id if remove_last_page(doc) else ""
        set_page_size(doc, self.preset)
        return self.page_id


def fullness(bulletin: Bulletin, laid_out: LaidOutDocument) -> float:
    """How full the emptiest page is: 1 − its leftover space over its type area (0–1)."""
    g = make_grid(bulletin.page_setup)
    area = g.width * g.height
    worst = 1.0
    for lp in laid_out.pages:
        if lp.space is not None and area > 0:
            worst = min(worst, 1.0 - lp.space[2] * lp.space[3] / area)
    return worst


def find_fixes(bulletin: Bulletin, problems: list, layout_fn: Callable[[Bulletin], LaidOutDocument]) -> list[PageFix]:
    """The fixes for this layout's short and overset pages, each measured with ``layout_fn``.

    Pages with leftover space (``space``) and nothing overset: each smaller size, and one page
    fewer, on which everything is laid out without overset and the emptiest page is at least
    ``FULL_ENOUGH`` full — the fullest two, fullest first. An overset page: the smallest bigger
    size on which everything fits, and one more page (the page's later blocks moved to it).
    """
    preset = bulletin.page_setup.preset
    if preset not in SIZES:
        return []
    here = SIZES.index(preset)
    space_pages = [p.block_id for p in problems if p.kind == "space"]
    overset_blocks = {p.block_id for p in problems if p.kind == "overset"}
    overset_pages = [page.id for page in bulletin.pages if any(x.id in overset_blocks for x in page.blocks)]
    fixes: list[PageFix] = []

    def trial(b: Bulletin) -> tuple[bool, float]:
        doc = layout_fn(b)
        return not any(p.kind == "overset" for p in doc.problems), fullness(b, doc)

    def on_size(size: str) -> Bulletin:
        b = copy.copy(bulletin)
        b.page_setup = setup_for(size, bulletin.page_setup)
        return b

    if space_pages and not overset_pages:
        offers: list[PageFix] = []
        for size in SIZES[:here]:
            fits, full = trial(on_size(size))
            if fits and full >= FULL_ENOUGH:
                offers.append(PageFix(space_pages[0], "size", size, full))
        if len(bulletin.pages) > 1:
            fewer = copy.copy(bulletin)
            fewer.pages = [*bulletin.pages[:-2], dataclasses.replace(
                bulletin.pages[-2], blocks=[*bulletin.pages[-2].blocks, *bulletin.pages[-1].blocks])]
            fits, full = trial(fewer)
            if fits and full >= FULL_ENOUGH:
                offers.append(PageFix(bulletin.pages[-1].id, "fewer", fullness=full))
        offers.sort(key=lambda f: -f.fullness)
        fixes += offers[:2]
    if overset_pages:
        for size in SIZES[here + 1:]:
            fits, full = trial(on_size(size))
            if fits:
                fixes.append(PageFix(overset_pages[0], "size", size, full))
                break
        page = bulletin.find(overset_pages[0])
        if isinstance(page, Page) and len(page.blocks) > 1:
            fixes.append(PageFix(page.id, "page"))
    return fixes


class _Job(QRunnable):
    def __init__(self, work: Callable[[], object], done: Callable[[object], None]) -> None:
        super().__init__()
        self.work, self.done = work, done
        self.finished = False

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # noqa: BLE001 - a suggestion that cannot be measured is not offered
            result = exc
        self.finished = True
        self.done(result)


class FixFinder(QObject):
    """Measures the page fixes of the latest layout off the GUI thread (synchronously when the
    editor lays out synchronously, as in tests); ``found`` carries (generation, fixes).

    The measuring lays the bulletin out several times, so it waits until the typing pauses
    (``DELAY_MS``) and runs one job at a time: requests that arrive meanwhile are folded into
    one, for the latest layout. The preview's own layout is never queued behind it.
    """

    found = Signal(int, object)
    _relay = Signal(int, object)  # from the worker thread to this object's thread
    DELAY_MS = 600

    def __init__(self, layout_fn: Callable | None, threaded: bool, parent: QObject | None = None) -> None:
        from PySide6.QtCore import QTimer

        super().__init__(parent)
        self.layout_fn = layout_fn
        self.threaded = threaded
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._asked: tuple | None = None
        self._pending: tuple[Bulletin, list, int] | None = None
        self._running: _Job | None = None  # the Python wrapper lives until its job reported
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(self.DELAY_MS)
        self.timer.timeout.connect(self._start)
        self._relay.connect(self._done)

    def request(self, bulletin: Bulletin, problems: list, generation: int) -> None:
        wanted = [p for p in problems if p.kind in ("space", "overset")]
        if self.layout_fn is None or not wanted:
            self._asked, self._pending = None, None
            self.timer.stop()
            self.found.emit(generation, [])
            return
        key = (generation, tuple((p.kind, p.block_id) for p in wanted))
        if key == self._asked:
            return
        self._asked = key
        if not self.threaded:
            self.found.emit(generation, find_fixes(copy.deepcopy(bulletin), wanted, self.layout_fn))
            return
        self._pending = (bulletin, wanted, generation)
        self.timer.start()

    def _start(self) -> None:
        if self._pending is None or self._running is not None:
            return  # the job running now hands over to the latest request when it is done
        bulletin, wanted, generation = self._pending
        self._pending = None
        snapshot = copy.deepcopy(bulletin)
        job = _Job(lambda: find_fixes(snapshot, wanted, self.layout_fn),
                   lambda r: self._relay.emit(generation, r if isinstance(r, list) else []))
        job.setAutoDelete(False)
        self._running = job
        self.pool.start(job)

    def _done(self, generation: int, fixes: list) -> None:
        self._running = None
        self.found.emit(generation, fixes)
        if self._pending is not None:
            self.timer.start()

    def wait(self, msecs: int = 30000) -> None:
        """Until the measuring asked for so far is done (tests, closing)."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer

        deadline = QDeadlineTimer(msecs)
        while (self.timer.isActive() or self._running is not None) and not deadline.hasExpired():
            if self.timer.isActive() and self._running is None:
                self.timer.stop()
                self._start()
            self.pool.waitForDone(50)
            QCoreApplication.processEvents()

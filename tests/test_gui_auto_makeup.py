"""版面 → 自动组版 in the editor (issue 24): the search runs on a worker behind a progress dialog
that cancels it, the best plans are shown as page thumbnails with their figures, the chosen plan
is one undo step that undo takes back exactly, cancel changes nothing, fixed pages and pins are
kept, and an import ends on the planned pages inside its own undo step."""

from __future__ import annotations

import copy
import dataclasses

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QPushButton

from gui import auto_makeup
from gui.commands import InsertItem
from layout.document import lay_out_bulletin
from layout.grid import make_grid
from layout.quality import measure_page
from makeup.plan import portrait_class
from model.document import Bulletin, ColumnBlock, Page, PageSetup, Paragraph
from model.example import example_bulletin
from tests.test_gui_helpers import first_column, type_text

pytest_plugins = ("tests.test_gui_helpers",)  # its fixtures: gui_env, make_window

WAIT_MS = 60_000


@pytest.fixture
def searches(monkeypatch):
    """Every search the editor runs: (pages, fmt, result); a small time budget."""
    calls: list[tuple] = []
    real = auto_makeup.plan_makeup

    def spy(bulletin, pages=None, fmt=None, budget_s=20.0, progress=None, cancelled=None):
        result = real(bulletin, pages=pages, fmt=fmt, budget_s=budget_s, progress=progress, cancelled=cancelled)
        calls.append((pages, fmt, result))
        return result

    monkeypatch.setattr(auto_makeup, "plan_makeup", spy)
    monkeypatch.setattr(auto_makeup, "BUDGET_S", 6.0)
    return calls


def half_empty_second_page() -> Bulletin:
    """A4, two pages: three of the example's cities on page 1 (too many: overset), one on page 2
    (about half of it white); page count free, as a bulletin made by import has it."""
    ex = example_bulletin()
    blocks = [b for _p, b in ex.iter_blocks() if isinstance(b, ColumnBlock)][:4]
    setup = PageSetup.from_preset("a4")
    setup.fit = dataclasses.replace(setup.fit, free_pages=True)
    return Bulletin(publication=ex.publication, issue_title="小会刊", page_setup=setup, images=ex.images,
                    pages=[Page(label="第1版", blocks=blocks[:3]), Page(label="第2版", blocks=blocks[3:])])


def state(bulletin: Bulletin) -> tuple:
    """What a make-up changes: blocks per page (by identity), the page setup, headline sizes."""
    return (tuple(id(p) for p in bulletin.pages),
            tuple(tuple(id(b) for b in p.blocks) for p in bulletin.pages),
            copy.deepcopy(bulletin.page_setup),
            tuple(getattr(b, "placement", None) for _p, b in bulletin.iter_blocks()),
            repr(bulletin))


def open_dialog(qtbot, w):
    w.act_auto_makeup.trigger()
    run = w.auto_makeup_run
    assert run is not None
    qtbot.waitUntil(lambda: run.dialog is not None and run.dialog.isVisible(), timeout=WAIT_MS)
    return run, run.dialog


def matches(bulletin: Bulletin, plan) -> bool:
    """The bulletin stands as ``plan`` says: blocks per page, size, portraits, headline sizes."""
    if tuple(tuple(b.id for b in p.blocks) for p in bulletin.pages) != plan.pages:
        return False
    if bulletin.page_setup.preset != plan.preset or portrait_class(bulletin.page_setup) != pytest.approx(
            plan.portrait_columns, abs=0.01):
        return False
    for page, scale in zip(bulletin.pages, plan.headline_scales):
        for b in page.blocks:
            if isinstance(b, ColumnBlock) and b.headline.strip() and b.placement.headline_scale != pytest.approx(scale):
                return False
    return True


def test_the_action_shows_the_best_plans_and_applies_the_chosen_one_as_one_undo_step(make_window, qtbot, searches):
    w = make_window()
    assert w.act_auto_makeup.shortcut() == QKeySequence("Ctrl+M")
    before = state(w.doc.bulletin)
    steps = w.doc.undo_stack.count()
    run, dlg = open_dialog(qtbot, w)
    result = run.outcome.result
    assert len(searches) == 1 and searches[0][:2] == (None, None)  # as the page setup says
    assert len(dlg.rows) >= 2
    # each plan: what it decides, whether it meets the rules, each page's figures and picture
    for column, cand in zip(dlg.rows, result.candidates):
        assert column.describe.text() == cand.plan.describe()  # the make-up's own words, in Chinese
        assert column.figures == cand.figures()
        assert column.verdict.text().startswith("✓" if cand.meets else "✗")
        assert len(column.thumbs) == len(column.captions) == cand.plan.page_count
        for n, (caption, fig) in enumerate(zip(column.captions, cand.pages), 1):
            assert caption.text().startswith(f"第 {n} 版")
            assert f"空 {100 * fig.quality.empty:.0f}%" in caption.text()
            # a page that misses a rule says which, in words
            broken = len(fig.quality.failures) + bool(fig.overset) + bool(fig.apart)
            assert len(caption.toolTip().splitlines()) == (0 if fig.meets else broken)
        image = column.thumbs[0].pixmap().toImage()
        assert not image.isNull() and image.height() == auto_makeup.THUMB_HEIGHT
        assert len({image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}) > 3
    assert dlg.current_column is not None and dlg.current_column.figures == result.current.figures()
    assert not dlg.free_pages.isChecked() and not dlg.free_format.isChecked()  # the example fixes both
    # the best is preselected, its changes listed; nothing has changed yet
    best = result.candidates[0]
    assert dlg.chosen_plan() == best.plan
    assert dlg.changes.toPlainText().splitlines() == dlg.rows[0].shown.changes
    assert state(w.doc.bulletin)[1:] == before[1:]

    dlg.accept()
    assert w.auto_makeup_run is None
    assert matches(w.doc.bulletin, best.plan)
    assert w.doc.undo_stack.count() == steps + 1
    after = state(w.doc.bulletin)
    w.act_undo.trigger()
    assert state(w.doc.bulletin) == before  # the very page objects, page setup and headline sizes
    w.act_redo.trigger()
    assert state(w.doc.bulletin)[1:] == after[1:]
    assert matches(w.doc.bulletin, best.plan)


def test_a_half_empty_second_page_is_filled_by_the_plan_chosen(make_window, qtbot, searches):
    w = make_window(half_empty_second_page())
    before = state(w.doc.bulletin)
    run, dlg = open_dialog(qtbot, w)
    assert dlg.free_pages.isChecked() and not dlg.free_format.isChecked()
    result = run.outcome.result
    assert len(dlg.rows) >= 2
    assert result.current.pages[1].quality.empty > 0.35  # the page as it stands: about half white
    best = result.candidates[0]
    assert all(p.quality.empty < 0.15 and not p.overset for p in best.pages)
    # a plan other than the best can be chosen, by clicking it
    second = dlg.rows[1]
    qtbot.mouseClick(second.thumbs[0], qtbot_button())
    assert dlg.chosen_plan() == second.shown.candidate.plan
    dlg.choose(0)
    dlg.accept()
    assert matches(w.doc.bulletin, best.plan)
    # the composer lays the document out exactly as the plan's figures said
    g = make_grid(w.doc.bulletin.page_setup)
    laid = lay_out_bulletin(w.doc.bulletin)
    assert [measure_page(p, g).empty for p in laid.pages] == pytest.approx([p.quality.empty for p in best.pages],
                                                                           abs=0.005)
    w.act_undo.trigger()
    assert state(w.doc.bulletin) == before


def qtbot_button():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_cancel_changes_nothing(make_window, qtbot, searches):
    w = make_window(half_empty_second_page())
    before = state(w.doc.bulletin)
    steps = w.doc.undo_stack.count()
    _run, dlg = open_dialog(qtbot, w)
    dlg.choose(1)
    dlg.reject()
    assert state(w.doc.bulletin) == before
    assert w.doc.undo_stack.count() == steps and not w.doc.is_modified()
    assert w.auto_makeup_run is None


def test_the_checkboxes_search_again_with_page_count_and_size_free(make_window, qtbot, searches, monkeypatch):
    monkeypatch.setattr(auto_makeup, "BUDGET_S", 3.0)
    w = make_window(half_empty_second_page())
    run, dlg = open_dialog(qtbot, w)
    before = state(w.doc.bulletin)
    dlg.free_format.setChecked(True)
    assert run.busy()
    qtbot.waitUntil(lambda: not run.busy() and dlg.ok.isEnabled(), timeout=WAIT_MS)
    assert searches[-1][:2] == ("auto", "auto")
    assert run.outcome.fmt == "auto" and dlg.free_format.isChecked()
    assert [c.shown.candidate for c in dlg.rows] == searches[-1][2].candidates[:auto_makeup.SHOWN]
    dlg.free_pages.setChecked(False)
    qtbot.waitUntil(lambda: not run.busy() and dlg.ok.isEnabled(), timeout=WAIT_MS)
    assert searches[-1][:2] == (2, "auto")  # the count as it stands, the size free
    assert all(c.shown.candidate.plan.page_count == 2 for c in dlg.rows)
    assert state(w.doc.bulletin) == before  # searching changes nothing
    dlg.reject()


def test_a_cancelled_search_again_leaves_the_plans_shown(make_window, qtbot, searches):
    w = make_window(half_empty_second_page())
    run, dlg = open_dialog(qtbot, w)
    shown = [c.shown.candidate for c in dlg.rows]
    dlg.free_format.setChecked(True)
    run.cancel()
    qtbot.waitUntil(lambda: not run.busy(), timeout=WAIT_MS)
    assert searches[-1][:2] == ("auto", "auto") and searches[-1][2].note == "组版已取消"
    assert not dlg.free_format.isChecked() and dlg.free_pages.isChecked()  # as the plans shown were searched
    assert [c.shown.candidate for c in dlg.rows] == shown and dlg.ok.isEnabled()
    dlg.accept()
    assert matches(w.doc.bulletin, shown[0].plan)


def test_a_fixed_page_and_a_pinned_block_are_kept(make_window, qtbot, searches):
    b = half_empty_second_page()
    blocks = [x for p in b.pages for x in p.blocks]
    b.pages = [Page(label="第1版", blocks=blocks[:1], fixed_layout=True), Page(label="第2版", blocks=blocks[1:3]),
               Page(label="第3版", blocks=blocks[3:])]
    pinned = blocks[3]
    pinned.placement = dataclasses.replace(pinned.placement, columns=2)
    w = make_window(b)
    run, dlg = open_dialog(qtbot, w)
    assert not dlg.free_format.isEnabled()  # a fixed page keeps the page size
    assert len(dlg.rows) >= 2
    for column in dlg.rows:
        assert column.shown.candidate.plan.pages[0] == (blocks[0].id,)
    best = run.outcome.result.candidates[0]
    dlg.accept()
    assert matches(w.doc.bulletin, best.plan)
    first = w.doc.bulletin.pages[0]
    assert first.blocks == [blocks[0]] and first.fixed_layout
    assert pinned.placement.columns == 2


def test_cancelling_the_progress_dialog_stops_the_search(make_window, qtbot, searches, monkeypatch):
    monkeypatch.setattr(auto_makeup, "BUDGET_S", 120.0)
    real = auto_makeup.plan_makeup

    def long_search(bulletin, pages=None, fmt=None, budget_s=20.0, progress=None, cancelled=None):
        """A search that takes as long as a long bulletin's: under way until cancelled."""
        import threading as th

        progress(0.1)
        while not cancelled():
            th.Event().wait(0.02)
        return real(bulletin, pages=pages, fmt=fmt, budget_s=0.0, progress=progress, cancelled=cancelled)

    monkeypatch.setattr(auto_makeup, "plan_makeup", long_search)
    w = make_window()
    before = state(w.doc.bulletin)
    finished = []
    run = auto_makeup.auto_makeup(w, pages="auto", fmt="auto")  # every size and count: a long search
    run.finished.connect(finished.append)
    assert run.progress is not None and run.progress.isVisible()
    qtbot.waitUntil(lambda: run.progress.value() > 0, timeout=WAIT_MS)  # it is under way
    cancel = run.progress.findChild(QPushButton)
    qtbot.mouseClick(cancel, qtbot_button())
    qtbot.waitUntil(lambda: finished == [False], timeout=10_000)
    assert run.outcome is None or run.outcome.cancelled
    assert w.auto_makeup_run is None
    assert state(w.doc.bulletin) == before
    assert "取消" in w.statusBar().currentMessage()


def test_typing_in_a_field_plans_nothing(make_window, qtbot, searches):
    w = make_window(half_empty_second_page())
    block = first_column(w.doc.bulletin)
    pages = [[x.id for x in p.blocks] for p in w.doc.bulletin.pages]
    w.select(block.id)
    w.form.headline.setFocus()
    type_text(w.form.headline, "新的标题")
    assert block.headline.endswith("新的标题")
    qtbot.wait(300)
    assert searches == []
    assert [[x.id for x in p.blocks] for p in w.doc.bulletin.pages] == pages


def test_an_import_ends_on_the_planned_pages_in_the_same_undo_step(make_window, qtbot):
    w = make_window(half_empty_second_page())
    doc = w.doc
    before = state(doc.bulletin)
    steps = doc.undo_stack.count()
    new = ColumnBlock(region="榆林", headline="榆林市总工会推进产业工人队伍建设",
                      paragraphs=[Paragraph("榆林市总工会坚持把产业工人队伍建设改革作为重点工作。" * 6)])
    doc.undo_stack.beginMacro("导入稿件")
    doc.push(InsertItem(doc, doc.bulletin.pages[-1], "blocks", len(doc.bulletin.pages[-1].blocks), new, "导入稿件"))
    texts = auto_makeup.plan_after_import(doc, budget_s=5.0)
    doc.undo_stack.endMacro()
    assert texts  # the pages were planned again
    assert doc.undo_stack.count() == steps + 1
    result = auto_makeup.plan_makeup(doc.bulletin, budget_s=5.0)
    assert result.current.cost <= result.best.cost + 1e-6  # nothing better is left to do
    w.act_undo.trigger()
    assert state(doc.bulletin) == before


def test_plan_after_import_keeps_pages_that_are_already_best(make_window):
    w = make_window(half_empty_second_page())
    doc = w.doc
    auto_makeup.plan_after_import(doc, budget_s=5.0)
    steps = doc.undo_stack.count()
    settled = state(doc.bulletin)
    assert auto_makeup.plan_after_import(doc, budget_s=5.0) == []
    assert doc.undo_stack.count() == steps and state(doc.bulletin) == settled


def test_a_stale_plan_is_refused_and_changes_nothing(make_window):
    w = make_window(half_empty_second_page())
    result = auto_makeup.plan_makeup(copy.deepcopy(w.doc.bulletin), budget_s=3.0)
    doc = w.doc
    doc.bulletin.pages[-1].blocks.pop()  # the bulletin changed after the search
    before = state(doc.bulletin)
    with pytest.raises(auto_makeup.StalePlan):
        auto_makeup.apply_plan(doc, result.best.plan)
    assert state(doc.bulletin) == before


def test_the_action_goes_to_the_menu_given_and_is_one_action(make_window):
    w = make_window()
    action = w.act_auto_makeup
    edit = w.main_menu.makeup_menu  # the 版面 menu holds it (issue 26)
    assert action in edit.actions()
    layout_menu = QMenu("版面", w.main_menu)
    w.main_menu.addMenu(layout_menu)
    assert auto_makeup.install_auto_makeup(w, layout_menu) is action
    assert action in layout_menu.actions() and action not in edit.actions()
    assert auto_makeup.install_auto_makeup(w) is action and action not in edit.actions()
    # a menu made without a parent, added to the bar: the same
    other = QMenu("版面")
    w.main_menu.addMenu(other)
    assert auto_makeup.install_auto_makeup(w, other) is action
    assert action in other.actions() and action not in layout_menu.actions()
    assert auto_makeup.install_auto_makeup(w) is action
    assert [m for m in action.associatedObjects() if isinstance(m, QMenu)] == [other]


def test_a_page_that_misses_a_rule_names_it(gui_env):
    from layout.quality import PageQuality
    from makeup.search import PageFigures

    fine = PageFigures(PageQuality(page=1, cells=100, empty=0.04, holes=0.0, foot=0.01, pitch_mm=5.6))
    assert fine.meets and auto_makeup.page_caption(1, fine) == "第 1 版 ✓\n空 4%  洞 0%  脚 1%"
    assert auto_makeup.failure_texts(fine) == []
    # within every white limit, but the portrait tops stand 10 mm apart and 30 characters do not fit
    off = PageFigures(PageQuality(page=2, cells=100, empty=0.04, holes=0.0, foot=0.01, portrait_tops_mm=10.0,
                                  pitch_mm=5.6), overset=[("column-x", 30)])
    assert auto_makeup.page_caption(2, off).splitlines() == ["第 2 版 ✗", "空 4%  洞 0%  脚 1%", "超稿 30 字  肖像顶端不齐"]
    assert auto_makeup.failure_texts(off) == ["同一排肖像顶端不齐", "有 30 字排不下"]
    # full and level, but one article stands apart from its group's headline
    apart = PageFigures(PageQuality(page=3, cells=100, empty=0.04, holes=0.0, foot=0.01, pitch_mm=5.6), apart=1)
    assert not apart.meets
    assert auto_makeup.page_caption(3, apart).splitlines() == ["第 3 版 ✗", "空 4%  洞 0%  脚 1%", "离组题 1 篇"]
    assert auto_makeup.failure_texts(apart) == ["有 1 篇不在所属组题之下"]


def test_plans_are_described_in_the_interface_language(gui_env):
    from gui import i18n
    from makeup.plan import PagePlan

    plan = PagePlan("tabloid", (("a", "b"), ("c",)), 1.5, (1.0, 1.25))
    assert auto_makeup.describe_plan(plan) == plan.describe() == "2 版 四开，肖像 1.5 栏，标题 ×1/1.25，每版 2/1 篇"
    i18n.install("en")
    assert auto_makeup.describe_plan(plan) == "2 pages tabloid, portraits 1.5 columns, headlines ×1/1.25, blocks per page 2/1"


def test_the_action_is_made_again_with_the_menus_after_a_language_switch(make_window):
    w = make_window(half_empty_second_page())
    old = w.act_auto_makeup
    w.set_language("en")
    action = w.act_auto_makeup
    assert action is not old and action.parent() is w
    assert action in w.main_menu.makeup_menu.actions()
    assert action.shortcut() == QKeySequence("Ctrl+M")
    w.set_language("zh_CN")
    assert w.act_auto_makeup.text() == "自动组版…"


def test_the_makeup_after_an_import_runs_off_the_ui_thread_and_can_be_cancelled(make_window, qtbot, monkeypatch):
    """The search after an import runs on a worker: the window keeps handling events (a timer
    fires meanwhile), and 取消 on its progress dialog leaves the import as it was."""
    import threading as th

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QProgressDialog

    import makeup.search as search_module

    seen_threads = []

    def slow(bulletin, budget_s=20.0, cancelled=None, progress=None, **_kw):
        seen_threads.append(th.current_thread() is th.main_thread())
        while not cancelled():
            th.Event().wait(0.02)
        return search_module.SearchResult([], None, note="组版已取消")

    monkeypatch.setattr(search_module, "plan_makeup", slow)
    w = make_window(half_empty_second_page())
    doc = w.doc
    ticks = []
    ticker = QTimer()
    ticker.timeout.connect(lambda: ticks.append(1))
    ticker.start(20)

    def cancel_it():
        for wid in QApplication.topLevelWidgets():
            if isinstance(wid, QProgressDialog) and wid.objectName() == "importMakeupProgress" and wid.isVisible():
                wid.cancel()
                return
        QTimer.singleShot(50, cancel_it)

    QTimer.singleShot(600, cancel_it)
    before = state(doc.bulletin)
    doc.undo_stack.beginMacro("导入稿件")
    texts = auto_makeup.plan_after_import(doc, budget_s=30.0)
    doc.undo_stack.endMacro()
    ticker.stop()
    assert texts == [] and state(doc.bulletin) == before
    assert seen_threads == [False]  # the search ran on a worker thread
    assert len(ticks) >= 5  # the event loop ran while it searched


def test_copy_fit_runs_off_the_ui_thread_and_changes_the_document_itself(make_window, monkeypatch):
    """适配版面 works on a copy on a worker thread; what it found is made on the bulletin itself,
    as one undo step (the editor stays painted meanwhile)."""
    import threading as th

    import layout.fit as fit_module
    from gui import makeup

    w = make_window()
    doc = w.doc
    real = fit_module.fit_bulletin
    threads = []

    def spy(bulletin):
        threads.append(th.current_thread() is th.main_thread())
        assert bulletin is not doc.bulletin  # a copy
        return real(bulletin)

    monkeypatch.setattr(fit_module, "fit_bulletin", spy)
    steps = doc.undo_stack.count()
    texts = makeup.copy_fit(doc)
    assert threads == [False]
    if texts:
        assert doc.undo_stack.count() == steps + 1
        ids = {id(b) for _p, b in doc.bulletin.iter_blocks()}
        assert all(id(b) in ids for p in doc.bulletin.pages for b in p.blocks)

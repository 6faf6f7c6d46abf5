"""Keystroke → preview fast path: per-page re-layout, partial repaints, proofreading on its own timer."""

from __future__ import annotations

import copy

from PySide6.QtGui import QColor, QImage

from gui.layout_runner import IncrementalLayout, LayoutRunner
from gui.preview import PageCanvas, changed_bounds
from layout.document import lay_out_bulletin
from layout.types import LaidOutDocument, LaidOutPage, Rect
from model.document import ColumnBlock, Paragraph
from model.example import example_bulletin
from tests.test_gui_helpers import glyph_run

pytest_plugins = ("tests.test_gui_helpers",)


def _last_column(bulletin):
    return [b for _p, b in bulletin.iter_blocks() if isinstance(b, ColumnBlock)][-1]


def test_incremental_layout_relays_out_only_the_changed_page_and_matches_a_full_layout():
    b = example_bulletin()
    inc = IncrementalLayout()
    first = inc(copy.deepcopy(b))
    col = _last_column(b)
    page_of_col = next(i for i, p in enumerate(b.pages) if col in p.blocks)
    col.paragraphs = [Paragraph(col.paragraphs[0].text + "新加的字。", col.paragraphs[0].lead), *col.paragraphs[1:]]
    second = inc(copy.deepcopy(b))
    full = lay_out_bulletin(copy.deepcopy(b))
    assert [p.items for p in second.pages] == [p.items for p in full.pages]
    preflight = {"one_ink", "faint_tint", "hairline", "ink_limit"}  # added for the editor (press_problems)
    # the page typed into has its 缺稿 guessed; refined (when typing pauses) it is the export's
    assert inc.needs_refining()
    refined = inc.refine()
    assert not inc.needs_refining() and [p is q for p, q in zip(refined.pages, second.pages)] == [True] * len(b.pages)
    assert [p for p in refined.problems if p.kind not in preflight] == full.problems
    for i, page in enumerate(second.pages):
        assert (page is first.pages[i]) == (i != page_of_col)
    b.publication = b.publication + "（增刊）"  # the folio of every page changes
    third = inc(copy.deepcopy(b))
    assert all(p is not q for p, q in zip(third.pages, second.pages))
    assert [p.items for p in third.pages] == [p.items for p in lay_out_bulletin(copy.deepcopy(b)).pages]


def _page(texts: list[str]) -> LaidOutPage:
    page = LaidOutPage(1, 300.0, 400.0)
    page.items.append(Rect(10, 10, 280, 380, stroke=(0, 0, 0, 1)))
    for k, t in enumerate(texts):
        page.items.append(glyph_run(t, 20.0, 40.0 + 20 * k, 12.0, "b"))
    return page


def _diff_pixels(a: QImage, b: QImage) -> int:
    assert a.size() == b.size()
    n = 0
    for y in range(0, a.height()):
        for x in range(0, a.width()):
            ca, cb = QColor(a.pixel(x, y)), QColor(b.pixel(x, y))
            if abs(ca.lightness() - cb.lightness()) > 8:
                n += 1
    return n


def test_a_changed_page_is_repainted_in_part_and_looks_as_if_painted_whole(qapp):
    texts = ["第一行文字", "第二行文字", "第三行文字", "第四行文字"]
    before, after = _page(texts), _page([*texts[:2], "第三行改了字", texts[3]])
    assert changed_bounds(before, before) is None
    assert changed_bounds(before, _page(texts)) is None
    x0, y0, x1, y1 = changed_bounds(before, after)
    assert y0 > 60 and y1 < 100  # only the third line (baseline 80)
    canvas = PageCanvas(lambda name: b"")
    canvas.set_document(LaidOutDocument([before]))
    ppp = canvas.scale * canvas.devicePixelRatioF()
    canvas._cache[0] = canvas.render_page(before, ppp)
    kept = canvas._cache[0]
    canvas.set_document(LaidOutDocument([after]))
    assert canvas._cache.get(0) is kept  # patched in place, not dropped
    assert _diff_pixels(kept.toImage(), canvas.render_page(after, ppp).toImage()) == 0


def test_threaded_runner_proofreads_on_its_own_timer(qtbot):
    b = example_bulletin()
    checks: list[int] = []
    generation = [0]

    def check(bulletin):
        checks.append(1)
        return ["finding"]

    runner = LayoutRunner(lambda: b, lambda: generation[0], lay_out_bulletin, check, threaded=True)
    runner.run_now()
    qtbot.waitUntil(runner.is_settled, timeout=10000)
    assert runner.result.findings == ["finding"] and len(checks) == 1
    col = _last_column(b)
    for _ in range(5):  # fast typing: layouts follow each keystroke, the proofreader lags behind
        col.headline += "字"
        generation[0] += 1
        runner.request()
        qtbot.waitUntil(lambda: runner.is_idle() and runner.result.generation == generation[0], timeout=10000)
    assert runner.result.document is not None and runner.result.generation == generation[0]
    qtbot.waitUntil(runner.is_settled, timeout=10000)
    assert runner.findings_generation == generation[0]
    assert 2 <= len(checks) <= 3  # not one per layout
    assert runner.result.findings == ["finding"]
    runner.wait()


def test_the_live_layout_guesses_a_short_pages_copy_while_typing_and_tries_it_when_typing_pauses(qtbot, monkeypatch):
    """A keystroke in a short page lays it out once (the 缺稿 number a quick guess); a moment
    after typing stops the number is tried (a dozen layouts of that page) on the layout worker
    and the problems show the export's number."""
    import layout.short_copy as short_copy

    tries = []
    real = short_copy.copy_to_fill
    monkeypatch.setattr(short_copy, "copy_to_fill", lambda *a, **k: tries.append(1) or real(*a, **k))
    b = example_bulletin()
    generation = [0]
    runner = LayoutRunner(lambda: b, lambda: generation[0], lay_out_bulletin, None, threaded=True)
    results = []
    runner.finished.connect(results.append)
    runner.run_now()
    qtbot.waitUntil(lambda: bool(results), timeout=20000)
    qtbot.waitUntil(lambda: not runner._layout.needs_refining() and not runner._refining, timeout=20000)
    col = _last_column(b)
    col.paragraphs = [*col.paragraphs, Paragraph("新加的一段。")]
    generation[0] += 1
    before = len(tries)
    n = len(results)
    runner.request()
    qtbot.waitUntil(lambda: len(results) > n, timeout=20000)
    typed = results[n]
    assert len(tries) == before  # the keystroke's layout tried nothing
    shorts = [p for p in typed.document.problems if p.kind == "short_copy"]
    assert shorts
    qtbot.waitUntil(lambda: len(results) > n + 1, timeout=20000)  # the pause: the numbers tried
    assert len(tries) > before
    want = [p.chars for p in lay_out_bulletin(copy.deepcopy(b)).problems if p.kind == "short_copy"]
    assert [p.chars for p in results[-1].document.problems if p.kind == "short_copy"] == want
    runner.wait()

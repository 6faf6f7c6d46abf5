"""Shared fixtures for the GUI tests (imported by the test_gui_* modules).

``fake_layout`` is a hand-built layout: one LaidOutPage per bulletin page, a BlockArea per
item stacked down the page, and a GlyphRun of each item's headline set in a real font (Noto
Serif SC from pylopdf-fonts-zh-cn, glyph ids from its cmap via fontTools). It lets the GUI
tests check preview drawing, hit testing and "edit → preview changes" without depending on
the real layout engine's speed or decisions.
"""

from __future__ import annotations

import os
from functools import lru_cache

import pytest

from layout.types import BlockArea, GlyphRun, LaidOutDocument, LaidOutPage, Picture, Problem, Rect
from model.document import Bulletin, ColumnBlock, SpeechBlock, char_count

MM = 72 / 25.4
OVERSET_CHARS = 2000  # the fake layout reports a column with more body text than this as overset


@lru_cache(maxsize=1)
def serif() -> tuple[str, dict[int, int]]:
    """(font path, code point → glyph id) of the bundled Song face."""
    import pylopdf_fonts_zh_cn
    from fontTools.ttLib import TTFont

    path = os.path.abspath(str(pylopdf_fonts_zh_cn.serif_path()))
    tt = TTFont(path, lazy=True)
    cmap = tt.getBestCmap()
    order = {name: i for i, name in enumerate(tt.getGlyphOrder())}
    return path, {cp: order[name] for cp, name in cmap.items()}


def glyph_run(text: str, x: float, y: float, size: float = 12.0, block_id: str = "", bold: float = 0.0,
              colour=(0.0, 0.0, 0.0, 1.0)) -> GlyphRun:
    path, gids = serif()
    glyphs = tuple(gids.get(ord(ch), 0) for ch in text)
    xs = tuple(i * size for i in range(len(text)))
    return GlyphRun(path, size, x, y, text, glyphs, xs, tuple(size for _ in text), bold, colour, block_id)


def _title_of(item) -> str:
    if isinstance(item, ColumnBlock):
        return item.headline or item.region
    if isinstance(item, SpeechBlock):
        return item.speaker.name
    return getattr(item, "title", "") or " ".join(getattr(item, "lines", []))


def fake_layout(bulletin: Bulletin) -> LaidOutDocument:
    doc = LaidOutDocument()
    ps = bulletin.page_setup
    width, height = ps.width_mm * MM, ps.height_mm * MM
    for n, page in enumerate(bulletin.pages, 1):
        lp = LaidOutPage(n, width, height)
        items = [x for x in (page.banner, page.headline, *page.blocks) if x is not None]
        y = 30.0
        step = (height - 60) / max(1, len(items))
        for item in items:
            kind = type(item).__name__.lower()
            lp.areas.append(BlockArea(item.id, kind, 30.0, y, width - 60, step - 6))
            lp.items.append(Rect(30.0, y, width - 60, step - 6, stroke=(0, 0, 0, 0.3)))
            title = _title_of(item)
            if title:
                lp.items.append(glyph_run(title, 40.0, y + 20, 14.0, item.id))
            if isinstance(item, ColumnBlock):
                if item.portrait is not None and item.portrait.image:
                    c = item.portrait.crop
                    lp.items.append(Picture(item.portrait.image, width - 120, y + 4, 75, 100, (c.x, c.y, c.w, c.h),
                                            item.id))
                body = char_count([p.text for p in item.paragraphs])
                if body > OVERSET_CHARS:
                    doc.problems.append(Problem("overset", item.id, f"overset {body - OVERSET_CHARS}",
                                                chars=body - OVERSET_CHARS, lines=3))
            y += step
        doc.pages.append(lp)
    return doc


@pytest.fixture
def gui_env(tmp_path, monkeypatch, qapp):
    """Settings and recovery files in tmp_path; Chinese UI; real user profile untouched."""
    from PySide6.QtCore import QStandardPaths

    from gui import i18n
    from gui import settings as app_settings

    QStandardPaths.setTestModeEnabled(True)
    monkeypatch.setattr(app_settings, "SETTINGS_FILE", str(tmp_path / "settings.ini"))
    qapp.setOrganizationName(app_settings.ORGANISATION)
    qapp.setApplicationName(app_settings.APPLICATION)
    i18n.install("zh_CN")
    recovery = tmp_path / "recovery"
    yield recovery
    i18n.install("zh_CN")


@pytest.fixture
def make_window(qtbot, gui_env):
    """Factory for main windows with the fake, synchronous layout; cleaned up without prompts."""
    from gui.main_window import MainWindow
    from model.example import example_bulletin

    windows = []

    def make(bulletin: Bulletin | None = None, path: str | None = None, layout_fn=fake_layout, **kw):
        kw.setdefault("threaded_layout", False)
        kw.setdefault("check_fn", None)
        w = MainWindow(bulletin if bulletin is not None else example_bulletin(), path, layout_fn=layout_fn,
                       recovery_dir=str(gui_env), restore_settings=False, **kw)
        qtbot.addWidget(w, before_close_func=_forget_changes)
        w.resize(1400, 900)
        w.show()
        windows.append(w)
        wait_layout(qtbot, w)
        return w

    yield make
    for w in windows:
        try:
            _forget_changes(w)
        except RuntimeError:  # already deleted by the test
            pass


def _forget_changes(w) -> None:
    """pytest-qt closes windows after each test: no "save changes?" prompt then."""
    w.doc.undo_stack.setClean()
    w.doc._force_modified = False
    w.runner.timer.stop()
    w.runner.wait()


def wait_layout(qtbot, window, timeout: int = 10000) -> None:
    """Until the preview shows a layout of the document as it is now."""
    qtbot.waitUntil(
        lambda: window.runner.result is not None
        and window.runner.result.generation == window.doc.generation
        and window.runner.is_idle(),
        timeout=timeout,
    )


def preview_texts(window) -> list[str]:
    doc = window.runner.result.document
    return [item.text for page in doc.pages for item in page.items if isinstance(item, GlyphRun)]


def first_column(bulletin: Bulletin) -> ColumnBlock:
    return next(b for _p, b in bulletin.iter_blocks() if isinstance(b, ColumnBlock))


def type_text(widget, text: str) -> None:
    """Type ``text`` key by key (QTest.keyClicks only handles ASCII; users type Chinese)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def when_modal(cls, act, timeout_ms: int = 60000):
    """Run ``act(widget)`` once a modal ``cls`` is up (inside its exec)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    state = {"done": False}
    timer = QTimer()
    timer.setInterval(30)

    def poll():
        w = QApplication.activeModalWidget()
        if isinstance(w, cls) and not state["done"]:
            state["done"] = True
            timer.stop()
            act(w)

    timer.timeout.connect(poll)
    timer.start()
    QTimer.singleShot(timeout_ms, timer.stop)
    return state, timer

"""Zoomed-in pages are painted in tiles (issue 27): only what is visible, the same pixels.

A page too big for one pixmap at the zoom is drawn tile by tile, each tile from the items that
reach into it; what shows must not differ from the page drawn whole, a repaint must draw only
the tiles on screen, and an edit must redraw only the tiles it touches.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage

import gui.preview as gui_preview
from gui.preview import PageCanvas
from layout.types import LaidOutDocument, LaidOutPage, Rect, Rule
from tests.test_gui_helpers import glyph_run


def _page(third: str = "第三行文字排在这里") -> LaidOutPage:
    page = LaidOutPage(1, 300.0, 400.0)
    page.items.append(Rect(10, 10, 280, 380, stroke=(0, 0, 0, 1)))
    page.items.append(Rule(20, 200, 280, 200, 0.8))
    texts = ["第一行文字跨过好几块", "第二行文字", third, "第四行文字也很长很长很长"]
    for k, t in enumerate(texts):
        page.items.append(glyph_run(t, 20.0, 40.0 + 37 * k, 14.0, "b"))
    page.items.append(glyph_run("底部一行", 150.0, 380.0, 20.0, "b"))
    return page


def _differing(a: QImage, b: QImage) -> int:
    assert a.size() == b.size()
    return sum(1 for y in range(a.height()) for x in range(a.width())
               if abs(QColor(a.pixel(x, y)).lightness() - QColor(b.pixel(x, y)).lightness()) > 8)


def _canvas(zoom: float) -> PageCanvas:
    canvas = PageCanvas(lambda name: b"")
    canvas.set_document(LaidOutDocument([_page()]))
    canvas.set_zoom(zoom)
    return canvas


def test_tiles_paint_the_same_pixels_as_the_whole_page(qapp, monkeypatch):
    monkeypatch.setattr(gui_preview, "_TILED_ABOVE", 10**12)
    whole = _canvas(1.5).grab().toImage()
    monkeypatch.setattr(gui_preview, "_TILED_ABOVE", 10_000)
    monkeypatch.setattr(gui_preview, "_TILE", 96)
    canvas = _canvas(1.5)
    tiled = canvas.grab().toImage()
    assert any(isinstance(k, tuple) for k in canvas._cache), "the page was not tiled"
    assert not any(isinstance(k, int) for k in canvas._cache)
    assert _differing(whole, tiled) == 0


def test_a_repaint_draws_only_the_visible_tiles_and_their_items(qapp, monkeypatch):
    monkeypatch.setattr(gui_preview, "_TILED_ABOVE", 10_000)
    monkeypatch.setattr(gui_preview, "_TILE", 96)
    drawn: list[int] = []
    real = gui_preview.paint_items
    monkeypatch.setattr(gui_preview, "paint_items", lambda p, items, *a: (drawn.append(len(items)), real(p, items, *a)))
    canvas = _canvas(1.5)
    r = canvas.page_rects()[0]
    canvas.resize(canvas.size())
    from PySide6.QtCore import QPoint, QRect

    corner = QRect(QPoint(int(r.left()), int(r.top())), QPoint(int(r.left()) + 50, int(r.top()) + 50))
    canvas.grab(corner)
    tiles = [k for k in canvas._cache if isinstance(k, tuple)]
    assert len(tiles) == 1 and tiles[0][1:] == (0, 0)  # one tile of the many the page has
    assert len(drawn) == 1 and drawn[0] < len(canvas.document.pages[0].items)


def test_an_edit_redraws_only_the_tiles_it_touches(qapp, monkeypatch):
    monkeypatch.setattr(gui_preview, "_TILED_ABOVE", 10_000)
    monkeypatch.setattr(gui_preview, "_TILE", 96)
    canvas = _canvas(1.5)
    canvas.grab()
    before = {k: v for k, v in canvas._cache.items()}
    canvas.set_document(LaidOutDocument([_page("第三行改了")]))
    kept = [k for k in before if canvas._cache.get(k) is before[k]]
    dropped = [k for k in before if k not in canvas._cache]
    assert kept and dropped  # the tiles far from the third line stay, those over it go
    ppp = canvas.scale * canvas.devicePixelRatioF()
    for _i, _tx, ty in dropped:  # every dropped tile reaches the changed line (baseline 114 pt)
        assert ty * gui_preview._TILE / ppp < 114 + 14 and (ty + 1) * gui_preview._TILE / ppp > 114 - 30
    after = canvas.grab().toImage()
    monkeypatch.setattr(gui_preview, "_TILED_ABOVE", 10**12)
    fresh = PageCanvas(lambda name: b"")
    fresh.set_document(LaidOutDocument([_page("第三行改了")]))
    fresh.set_zoom(1.5)
    assert _differing(after, fresh.grab().toImage()) == 0

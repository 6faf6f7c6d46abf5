"""The preview draws laid-out pages faithfully and turns clicks into selections."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter

from gui.page_painter import FontCache, paint_page
from layout.types import BlockArea, LaidOutDocument, LaidOutPage, Picture, Problem, Rect
from model.images import ImageStore
from tests.test_gui_helpers import first_column, glyph_run

PPP = 4.0  # pixels per point for the rendered test pages

pytest_plugins = ("tests.test_gui_helpers",)  # its fixtures: gui_env, make_window


def render(page: LaidOutPage, store: ImageStore | None = None) -> QImage:
    img = QImage(int(page.width * PPP), int(page.height * PPP), QImage.Format.Format_RGB32)
    img.fill(QColor(255, 255, 255))
    p = QPainter(img)
    p.scale(PPP, PPP)
    paint_page(p, page, FontCache(), (store or ImageStore()).get)
    p.end()
    return img


def ink_columns(img: QImage, y0: int, y1: int) -> list[int]:
    """x positions (pixels) of columns holding any dark pixel between rows y0 and y1."""
    cols = []
    for x in range(img.width()):
        for y in range(y0, y1):
            if QColor(img.pixel(x, y)).lightness() < 128:
                cols.append(x)
                break
    return cols


def dark_pixels(img: QImage) -> int:
    return sum(1 for x in range(img.width()) for y in range(img.height()) if QColor(img.pixel(x, y)).lightness() < 128)


def test_glyph_run_is_drawn_at_the_layout_positions(qapp):
    run = glyph_run("工工", 10.0, 30.0, size=12.0)  # two identical glyphs, 12 pt apart
    img = render(LaidOutPage(1, 60, 40, items=[run]))
    cols = ink_columns(img, int(15 * PPP), int(32 * PPP))
    assert cols, "nothing drawn"
    # Ink lies within the two em boxes that start at x = 10 pt and x = 22 pt …
    assert min(cols) >= 10 * PPP and max(cols) <= 34 * PPP
    first = [c for c in cols if c < 22 * PPP]
    second = [c for c in cols if c >= 22 * PPP]
    # … and the second glyph is the first one shifted by exactly 12 pt.
    assert first and second
    assert abs((min(second) - min(first)) - 12 * PPP) <= 1
    assert abs((max(second) - max(first)) - 12 * PPP) <= 1


def test_synthetic_bold_draws_heavier_strokes(qapp):
    regular = render(LaidOutPage(1, 60, 40, items=[glyph_run("国", 10, 30, 20)]))
    bold = render(LaidOutPage(1, 60, 40, items=[glyph_run("国", 10, 30, 20, bold=0.8)]))
    assert dark_pixels(bold) > dark_pixels(regular) * 1.15


def test_cmyk_colours_are_converted(qapp):
    page = LaidOutPage(1, 40, 40, items=[
        Rect(0, 0, 20, 20, fill=(0.0, 1.0, 1.0, 0.0)),  # CMYK red
        Rect(20, 20, 20, 20, fill=(0.0, 0.0, 0.0, 1.0)),  # pure K
    ])
    img = render(page)
    red = QColor(img.pixel(int(10 * PPP), int(10 * PPP)))
    black = QColor(img.pixel(int(30 * PPP), int(30 * PPP)))
    assert red.red() > 200 and red.green() < 60 and red.blue() < 60
    assert black.lightness() < 30
    assert QColor(img.pixel(int(30 * PPP), int(5 * PPP))).lightness() > 250  # nothing else painted


def _two_tone(orientation: int | None) -> bytes:
    """40×20 stored pixels: left half red, right half blue; optional EXIF orientation."""
    im = Image.new("RGB", (40, 20), (255, 0, 0))
    im.paste((0, 0, 255), (20, 0, 40, 20))
    out = io.BytesIO()
    if orientation:
        exif = Image.Exif()
        exif[0x0112] = orientation
        im.save(out, "JPEG", quality=95, exif=exif.tobytes())
    else:
        im.save(out, "PNG")
    return out.getvalue()


def test_picture_is_turned_upright_and_cropped(qapp):
    store = ImageStore()
    name = store.add(_two_tone(6), "phone photo")
    # Orientation 6 shows the stored left (red) half at the top once upright.
    page = LaidOutPage(1, 40, 80, items=[Picture(name, 0, 0, 40, 80)])
    img = render(page, store)
    top = QColor(img.pixel(int(20 * PPP), int(10 * PPP)))
    bottom = QColor(img.pixel(int(20 * PPP), int(70 * PPP)))
    assert top.red() > 180 and top.blue() < 90
    assert bottom.blue() > 180 and bottom.red() < 90
    # A crop of the bottom half shows only blue.
    page = LaidOutPage(1, 40, 40, items=[Picture(name, 0, 0, 40, 40, (0.0, 0.5, 1.0, 0.5))])
    img = render(page, store)
    assert QColor(img.pixel(int(20 * PPP), int(5 * PPP))).blue() > 180


def _hand_built(bulletin) -> LaidOutDocument:
    """Two blocks of the example side by side, with the second overset."""
    col = first_column(bulletin)
    other = bulletin.pages[0].blocks[0]
    page = LaidOutPage(1, 400, 560)
    page.areas += [BlockArea(other.id, "speech", 20, 20, 170, 500), BlockArea(col.id, "column", 210, 20, 170, 500)]
    page.items += [glyph_run("讲话摘编", 30, 50, 14, other.id), glyph_run("当好排头兵", 220, 50, 14, col.id)]
    return LaidOutDocument([page], [Problem("overset", col.id, "overset", chars=37, lines=2)])


def test_clicking_a_block_in_the_preview_selects_it(make_window, qtbot):
    built = {}

    def layout(b):
        built["doc"] = _hand_built(b)
        return built["doc"]

    w = make_window(layout_fn=layout)
    col = first_column(w.doc.bulletin)
    canvas = w.preview.canvas
    r = canvas.widget_rect(0, built["doc"].pages[0].areas[1])
    w.preview.scroll.ensureVisible(int(r.center().x()), int(r.center().y()))
    # The overset block is framed in red in the preview.
    shot = canvas.grab().toImage()
    frame = [QColor(shot.pixel(int(r.left()) + dx, y)) for dx in (0, 1) for y in range(int(r.top()), int(r.bottom()))]
    assert sum(1 for c in frame if c.red() > 180 and c.green() < 90 and c.blue() < 90) > 20
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=r.center().toPoint())
    assert w.selected_id == col.id
    assert w.outline.current_id() == col.id
    assert type(w.form).__name__ == "ColumnForm" and w.form.item is col
    assert canvas.selected == col.id
    # … and flagged in the form and the outline.
    assert "37" in w.form.fit.text()
    assert w.outline._items[col.id].foreground(0).color().red() > 150


def test_selecting_elsewhere_scrolls_the_preview_to_the_block(make_window, qtbot):
    w = make_window()
    w.preview.set_zoom(2.0)
    last = w.doc.bulletin.pages[-1].blocks[-1]
    w.select(last.id)
    i, area = w.preview.canvas.areas_of(last.id)[0]
    r = w.preview.canvas.widget_rect(i, area)
    sb = w.preview.scroll.verticalScrollBar()
    assert sb.value() <= r.center().y() <= sb.value() + w.preview.scroll.viewport().height()


def test_a_broken_layout_engine_is_an_import_error_not_a_placeholder(monkeypatch):
    """No "engine not ready" scaffolding: a broken install fails loudly with its real error."""
    import sys

    from gui.layout_runner import default_layout_fn

    monkeypatch.setitem(sys.modules, "layout.document", None)  # import of it raises ImportError
    with pytest.raises(ImportError):
        default_layout_fn()


def test_layout_errors_do_not_crash_the_editor(make_window, capsys):
    def broken(_b):
        raise RuntimeError("boom in layout")

    w = make_window(layout_fn=broken)
    assert "boom in layout" in w.preview.canvas.message
    assert any("boom" in w.problems.topLevelItem(i).text(2) for i in range(w.problems.count_rows()))


def test_zoom_and_page_navigation(make_window):
    w = make_window()
    w.preview.set_zoom(1.0)
    h1 = w.preview.canvas.height()
    w.preview.zoom_by(2.0)
    assert w.preview.canvas.height() > h1 * 1.8
    w.preview.go_to_page(1)
    assert w.preview.current_page() == 1
    w.preview.fit_width()
    assert w.preview.canvas.width() <= w.preview.scroll.viewport().width() + 2


@pytest.mark.parametrize("zoom", [0.3, 1.0])
def test_page_cache_matches_direct_rendering(make_window, zoom):
    w = make_window()
    w.preview.set_zoom(zoom)
    img = w.preview.grab_page(0, 1.0)
    assert img is not None and not img.isNull()
    assert dark_pixels(img.scaled(img.width() // 4, img.height() // 4)) > 0

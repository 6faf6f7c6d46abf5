"""The live page preview: laid-out pages stacked vertically, zoomable, clickable.

Pages are painted by gui/page_painter (the same items as the PDF) into a per-page pixmap cache
at the current zoom, so scrolling and selection changes repaint only overlays. Zoomed in, where
a page would be a pixmap of many megapixels, it is cached in tiles instead, and only the tiles
on screen are drawn, each from the items that reach into it: a repaint costs what shows. A new layout
keeps the pixmaps of pages that did not change and repaints, in a changed page's pixmap, only
the rectangle covering the items that differ (typing re-flows one block, not the page). Overlays mark the
selected block (blue) and blocks whose text does not fit (red, with the overset count).
Clicking a block area selects that block in the outline and form; selecting elsewhere
scrolls the preview to the block.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.page_painter import FontCache, item_bounds, paint_items, paint_page
from layout.types import BlockArea, LaidOutDocument, LaidOutPage, Problem
from model.units import pt_to_mm

_GAP = 18  # px between pages and around them
#: above this many pixels a page is painted in tiles, each drawing only the items over it, and
#: only the tiles on screen: zoomed in, a repaint costs what is visible, not the whole page
_TILED_ABOVE = 4_000_000
_TILE = 512  # px (device) a side
#: all cached page pixmaps together (4 bytes a pixel): a 24-page issue at 200 % would otherwise
#: keep ≈ 1 GB of pixmaps; the least recently painted pages are dropped and repainted if needed
_MAX_CACHE_BYTES = 160 * 1024 * 1024
_PARTIAL_MAX = 0.5  # repaint a changed page whole when what changed covers more than this share
ZOOM_MIN, ZOOM_MAX = 0.1, 8.0


def changed_bounds(old: LaidOutPage, new: LaidOutPage) -> tuple[float, float, float, float] | None | bool:
    """Where ``new`` paints differently from ``old`` (same page size): (x0, y0, x1, y1) in points
    around every item between their longest common head and tail of items (an edit re-flows one
    block; the items before and after it are equal); None when they paint the same; True when
    that cannot be told (items of an unknown kind): repaint it all."""
    if old is new:
        return None
    a, b = old.items, new.items
    n = min(len(a), len(b))
    head = 0
    while head < n and a[head] == b[head]:
        head += 1
    if head == len(a) == len(b):
        return None
    tail = 0
    while tail < n - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    box = None
    try:
        for item in (*a[head:len(a) - tail], *b[head:len(b) - tail]):
            r = item_bounds(item)
            if r is None:
                continue
            box = r if box is None else (min(box[0], r[0]), min(box[1], r[1]), max(box[2], r[2]), max(box[3], r[3]))
    except TypeError:
        return True
    return box


class PageCanvas(QWidget):
    """Paints the pages; all geometry in widget pixels = points × ``scale``."""

    blockClicked = Signal(str)
    #: (block id, "w" or "h", new width pt, new height pt): the user dragged a block's right or
    #: bottom edge to pin its span or height
    edgeDragged = Signal(str, str, float, float)

    def __init__(self, fetch_image: Callable[[str], bytes], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fetch_image = fetch_image
        self._edge_drag: tuple[int, BlockArea, str, QPointF] | None = None
        self._drag_size: tuple[float, float] | None = None
        self.fonts = FontCache()
        self.document: LaidOutDocument | None = None
        self.message = ""  # shown on a blank page when there is no layout to draw
        self.message_size = (595.0, 842.0)  # page size (pt) for the message page
        self.zoom = 0.5
        self.selected = ""
        self.problems: dict[str, list[Problem]] = {}
        #: page index → the page's pixmap; (page index, column, row) → a tile of a page
        self._cache: dict[int | tuple[int, int, int], QPixmap] = {}
        #: id(page) → (page, [(bounds, item)]): where each item paints, for tiles
        self._bounds: dict[int, tuple[LaidOutPage, list]] = {}
        self._after_paint: list[Callable[[], None]] = []
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    # ------------------------------------------------------------------ state
    @property
    def scale(self) -> float:
        """Screen pixels per point: zoom 1.0 shows the page at its real size."""
        return self.zoom * self.logicalDpiX() / 72.0

    def page_sizes(self) -> list[tuple[float, float]]:
        if self.document is not None and self.document.pages:
            return [(p.width, p.height) for p in self.document.pages]
        return [self.message_size]

    def set_document(self, doc: LaidOutDocument | None, message: str = "") -> None:
        old, old_sizes, old_problems = self.document, self.page_sizes(), self.problems
        self.document = doc
        self.message = message
        self.problems = {}
        if doc is not None:
            for pr in doc.problems:
                self.problems.setdefault(pr.block_id, []).append(pr)
        self._bounds.clear()
        if old is None or doc is None or old_sizes != self.page_sizes():
            self._cache.clear()
            self._resize()
            self.update()
            return
        # Same pages, same sizes: keep every pixmap still right, patch the changed parts.
        rects = self.page_rects()
        for i, (before, page) in enumerate(zip(old.pages, doc.pages)):
            changed = changed_bounds(before, page)
            overlays = before.areas != page.areas or before.space != page.space or any(
                [p for p in old_problems.get(a.block_id, []) if p.kind == "overset"]
                != [p for p in self.problems.get(a.block_id, []) if p.kind == "overset"]
                for a in (*before.areas, *page.areas))
            if changed is None and not overlays:
                continue
            pix = self._cache.get(i)
            if changed is True or (pix is not None and changed is not None
                                   and not self._repaint_part(pix, page, changed)):
                self._cache.pop(i, None)
            if changed is not None:
                self._drop_tiles(i, None if changed is True else changed)
            self.update(rects[i].adjusted(-4, -4, 4, 4).toAlignedRect())

    def _repaint_part(self, pix: QPixmap, page: LaidOutPage, box: tuple[float, float, float, float]) -> bool:
        """Repaint the part of a cached page pixmap inside ``box`` (points); False when it is
        most of the page (then the caller drops the pixmap and the page is painted whole)."""
        x0, y0, x1, y1 = max(0.0, box[0]), max(0.0, box[1]), min(page.width, box[2]), min(page.height, box[3])
        if x1 <= x0 or y1 <= y0:
            return True
        if (x1 - x0) * (y1 - y0) > _PARTIAL_MAX * page.width * page.height:
            return False
        dpr = pix.devicePixelRatio()
        ppp = self.scale * dpr  # pixmap pixels per point, as render_page drew it
        dev = QRectF(x0 * ppp, y0 * ppp, (x1 - x0) * ppp, (y1 - y0) * ppp).toAlignedRect().adjusted(-1, -1, 1, 1)
        dev = dev.intersected(pix.rect())
        area = (dev.left() / ppp, dev.top() / ppp, (dev.right() + 1) / ppp, (dev.bottom() + 1) / ppp)
        items = []
        try:
            for item in page.items:
                r = item_bounds(item)
                if r is not None and r[0] < area[2] and r[2] > area[0] and r[1] < area[3] and r[3] > area[1]:
                    items.append(item)
        except TypeError:  # an item kind this module cannot bound: paint the page whole
            return False
        pix.setDevicePixelRatio(1.0)
        p = QPainter(pix)
        p.setClipRect(dev)
        p.fillRect(dev, QColor(255, 255, 255))
        p.scale(ppp, ppp)
        paint_items(p, items, self.fonts, self.fetch_image)
        p.end()
        pix.setDevicePixelRatio(dpr)
        return True

    def set_zoom(self, zoom: float) -> None:
        zoom = max(ZOOM_MIN, min(ZOOM_MAX, zoom))
        if abs(zoom - self.zoom) > 1e-6:
            self.zoom = zoom
            self._cache.clear()
            self._resize()
            self.update()

    def set_selected(self, item_id: str) -> None:
        if item_id != self.selected:
            self.selected = item_id
            self.update()

    def _resize(self) -> None:
        s = self.scale
        sizes = self.page_sizes()
        w = max(pw for pw, _ in sizes) * s + 2 * _GAP
        h = sum(ph * s + _GAP for _, ph in sizes) + _GAP
        self.setFixedSize(QSize(int(w), int(h)))

    def page_rects(self) -> list[QRectF]:
        s = self.scale
        out, y = [], float(_GAP)
        width = self.width()
        for pw, ph in self.page_sizes():
            out.append(QRectF((width - pw * s) / 2, y, pw * s, ph * s))
            y += ph * s + _GAP
        return out

    # ------------------------------------------------------------------ hit testing
    def page_at(self, pos: QPointF) -> tuple[int, QPointF] | None:
        """(page index, position in points) under a widget position."""
        for i, r in enumerate(self.page_rects()):
            if r.contains(pos):
                return i, QPointF((pos.x() - r.x()) / self.scale, (pos.y() - r.y()) / self.scale)
        return None

    def area_at(self, pos: QPointF) -> BlockArea | None:
        """The smallest block area under ``pos``: a headline inside a column wins over the column."""
        hit = self.page_at(pos)
        if hit is None or self.document is None or hit[0] >= len(self.document.pages):
            return None
        i, pt = hit
        found = [a for a in self.document.pages[i].areas
                 if a.x <= pt.x() <= a.x + a.w and a.y <= pt.y() <= a.y + a.h]
        return min(found, key=lambda a: a.w * a.h) if found else None

    def areas_of(self, block_id: str) -> list[tuple[int, BlockArea]]:
        if self.document is None or not block_id:
            return []
        return [(i, a) for i, page in enumerate(self.document.pages) for a in page.areas if a.block_id == block_id]

    def widget_rect(self, page_index: int, area: BlockArea) -> QRectF:
        r = self.page_rects()[page_index]
        s = self.scale
        return QRectF(r.x() + area.x * s, r.y() + area.y * s, area.w * s, area.h * s)

    # ------------------------------------------------------------------ events
    def edge_at(self, pos: QPointF) -> tuple[int, BlockArea, str] | None:
        """(page index, block area, "w" or "h") when ``pos`` is on a block's right or bottom edge."""
        hit = self.page_at(pos)
        if hit is None or self.document is None or hit[0] >= len(self.document.pages):
            return None
        i, pt = hit
        tol = 5.0 / max(self.scale, 1e-6)  # 5 screen pixels, in points
        for a in self.document.pages[i].areas:
            if a.kind not in ("column", "speech", "picture"):
                continue
            inside_y = a.y <= pt.y() <= a.y + a.h
            inside_x = a.x <= pt.x() <= a.x + a.w
            if inside_y and abs(pt.x() - (a.x + a.w)) <= tol:
                return i, a, "w"
            if inside_x and abs(pt.y() - (a.y + a.h)) <= tol:
                return i, a, "h"
        return None

    def mousePressEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        if e.button() != Qt.MouseButton.LeftButton:
            return
        edge = self.edge_at(e.position())
        if edge is not None:
            i, area, which = edge
            self._edge_drag = (i, area, which, e.position())
            self._drag_size = (area.w, area.h)
            self.blockClicked.emit(area.block_id)
            return
        area = self.area_at(e.position())
        if area is not None:
            self.blockClicked.emit(area.block_id)

    def mouseMoveEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        if self._edge_drag is not None:
            _i, area, which, start = self._edge_drag
            d = (e.position() - start) / max(self.scale, 1e-6)
            w = max(1.0, area.w + d.x()) if which == "w" else area.w
            h = max(1.0, area.h + d.y()) if which == "h" else area.h
            self._drag_size = (w, h)
            self.update()
            return
        edge = self.edge_at(e.position())
        if edge is not None:
            self.setCursor(Qt.CursorShape.SizeHorCursor if edge[2] == "w" else Qt.CursorShape.SizeVerCursor)
            self.setToolTip(self.tr("拖动边线固定占栏或高度"))
            return
        over = self.area_at(e.position()) is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        if self._edge_drag is None or e.button() != Qt.MouseButton.LeftButton:
            return
        _i, area, which, _start = self._edge_drag
        w, h = self._drag_size or (area.w, area.h)
        self._edge_drag = self._drag_size = None
        self.update()
        if (w, h) != (area.w, area.h):
            self.edgeDragged.emit(area.block_id, which, w, h)

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        p.fillRect(event.rect(), QColor(0x8a, 0x8f, 0x96))
        exposed = QRectF(event.rect())
        rects = self.page_rects()
        for i, r in enumerate(rects):
            if not r.intersects(exposed):
                continue
            p.fillRect(r.translated(3, 3), QColor(0, 0, 0, 60))  # drop shadow
            if self.document is None or i >= len(self.document.pages):
                self._paint_message(p, r)
                continue
            self._paint_page(p, i, r, exposed)
            self._paint_overlays(p, i)
        p.end()
        if self._after_paint and self.document is not None:
            for call in self._after_paint:
                QTimer.singleShot(0, call)  # after this paint is on screen
            self._after_paint = []

    def after_next_paint(self, call: Callable[[], None]) -> None:
        """``call()`` once the next paint of a laid-out document is done."""
        self._after_paint.append(call)

    def _paint_message(self, p: QPainter, r: QRectF) -> None:
        p.fillRect(r, QColor(255, 255, 255))
        p.setPen(QColor(90, 90, 90))
        font = QFont(self.font())
        font.setPointSizeF(max(9.0, 16 * min(1.5, self.zoom * 2)))
        p.setFont(font)
        p.drawText(r.adjusted(24, 24, -24, -24), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                   self.message)

    def _paint_page(self, p: QPainter, index: int, r: QRectF, exposed: QRectF | None = None) -> None:
        page = self.document.pages[index]  # type: ignore[union-attr]
        dpr = self.devicePixelRatioF()
        pw, ph = int(r.width() * dpr + 0.5), int(r.height() * dpr + 0.5)
        if pw * ph > _TILED_ABOVE:
            self._paint_tiles(p, index, page, r, dpr, (pw, ph), r if exposed is None else exposed)
            return
        pix = self._cache.pop(index, None)  # re-inserted below: the dict's order is recency
        if pix is None:
            pix = self.render_page(page, self.scale * dpr)
            pix.setDevicePixelRatio(dpr)
        self._remember(index, pix)
        p.drawPixmap(r.topLeft(), pix)

    def _remember(self, key: int | tuple[int, int, int], pix: QPixmap) -> None:
        """Cache ``pix`` as the most recent; drop the least recently painted beyond the budget."""
        self._cache[key] = pix
        while len(self._cache) > 1 and sum(x.width() * x.height() * 4 for x in self._cache.values()) \
                > _MAX_CACHE_BYTES:
            self._cache.pop(next(iter(self._cache)))

    def _paint_tiles(self, p: QPainter, index: int, page: LaidOutPage, r: QRectF, dpr: float,
                     size: tuple[int, int], exposed: QRectF) -> None:
        """Paint the tiles of a big (zoomed) page that ``exposed`` shows, each from the cache or
        drawn with only the items over it."""
        part = exposed.intersected(r)
        if part.isEmpty():
            return
        ppp = self.scale * dpr
        pw, ph = size
        x0 = max(0, int((part.left() - r.left()) * dpr) // _TILE)
        y0 = max(0, int((part.top() - r.top()) * dpr) // _TILE)
        x1 = min((pw - 1) // _TILE, int((part.right() - r.left()) * dpr) // _TILE)
        y1 = min((ph - 1) // _TILE, int((part.bottom() - r.top()) * dpr) // _TILE)
        for ty in range(y0, y1 + 1):
            for tx in range(x0, x1 + 1):
                key = (index, tx, ty)
                tile = self._cache.pop(key, None)
                if tile is None:
                    tile = self._render_tile(page, ppp, tx * _TILE, ty * _TILE,
                                             min(_TILE, pw - tx * _TILE), min(_TILE, ph - ty * _TILE))
                    tile.setDevicePixelRatio(dpr)
                self._remember(key, tile)
                p.drawPixmap(QPointF(r.left() + tx * _TILE / dpr, r.top() + ty * _TILE / dpr), tile)

    def _render_tile(self, page: LaidOutPage, ppp: float, x: int, y: int, w: int, h: int) -> QPixmap:
        """Device pixels (x, y, w, h) of the page drawn at ``ppp`` pixels a point: the same pixels
        as that part of a whole-page rendering, from the items that reach into it."""
        pix = QPixmap(max(1, w), max(1, h))
        pix.fill(QColor(255, 255, 255))
        area = ((x - 1) / ppp, (y - 1) / ppp, (x + w + 1) / ppp, (y + h + 1) / ppp)
        p = QPainter(pix)
        p.translate(-x, -y)
        p.scale(ppp, ppp)
        paint_items(p, self._items_over(page, area), self.fonts, self.fetch_image)
        p.end()
        return pix

    def _items_over(self, page: LaidOutPage, area: tuple[float, float, float, float]) -> list:
        """The page's items (in drawing order) that may paint inside ``area`` (points)."""
        entry = self._bounds.get(id(page))
        if entry is None or entry[0] is not page:
            boxes = []
            for item in page.items:
                try:
                    box = item_bounds(item)
                except TypeError:  # a kind this module cannot bound: drawn in every tile
                    box = (-1e18, -1e18, 1e18, 1e18)
                if box is not None:
                    boxes.append((box, item))
            entry = self._bounds[id(page)] = (page, boxes)
        ax0, ay0, ax1, ay1 = area
        return [item for (x0, y0, x1, y1), item in entry[1] if x0 < ax1 and x1 > ax0 and y0 < ay1 and y1 > ay0]

    def _drop_tiles(self, index: int, box: tuple[float, float, float, float] | None) -> None:
        """Forget the tiles of page ``index`` over ``box`` (points; None: all of them)."""
        tiles = [k for k in self._cache if isinstance(k, tuple) and k[0] == index]
        if not tiles:
            return
        ppp = self.scale * self.devicePixelRatioF()
        for key in tiles:
            if box is not None:
                _i, tx, ty = key
                x0, y0 = tx * _TILE / ppp, ty * _TILE / ppp
                x1, y1 = (tx + 1) * _TILE / ppp, (ty + 1) * _TILE / ppp
                if not (box[0] < x1 + 1 and box[2] > x0 - 1 and box[1] < y1 + 1 and box[3] > y0 - 1):
                    continue
            self._cache.pop(key, None)

    def render_page(self, page: LaidOutPage, pixels_per_point: float) -> QPixmap:
        pix = QPixmap(max(1, round(page.width * pixels_per_point)), max(1, round(page.height * pixels_per_point)))
        pix.fill(QColor(255, 255, 255))
        p = QPainter(pix)
        p.scale(pixels_per_point, pixels_per_point)
        paint_page(p, page, self.fonts, self.fetch_image)
        p.end()
        return pix

    def _paint_overlays(self, p: QPainter, index: int) -> None:
        page = self.document.pages[index]  # type: ignore[union-attr]
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        for area in page.areas:
            rect = self.widget_rect(index, area)
            overset = [pr for pr in self.problems.get(area.block_id, []) if pr.kind == "overset"]
            if overset:
                p.setPen(QPen(QColor(220, 30, 30), 2, Qt.PenStyle.DashLine))
                p.setBrush(QColor(220, 30, 30, 28))
                p.drawRect(rect)
                chars = sum(pr.chars for pr in overset)
                label = self.tr("超出 {} 字").format(chars) if chars else self.tr("超出")
                self._badge(p, rect, label, QColor(200, 20, 20))
            if area.block_id == self.selected:
                p.setPen(QPen(QColor(30, 110, 230), 2))
                p.setBrush(QColor(30, 110, 230, 22))
                p.drawRect(rect.adjusted(-1, -1, 1, 1))
        if page.space is not None:
            self._paint_space(p, index, page.space)
        if self._edge_drag is not None and self._edge_drag[0] == index and self._drag_size is not None:
            area = self._edge_drag[1]
            w, h = self._drag_size
            p.setPen(QPen(QColor(30, 110, 230), 2, Qt.PenStyle.DashLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(self.widget_rect(index, BlockArea(area.block_id, area.kind, area.x, area.y, w, h)))
        p.restore()

    def _paint_space(self, p: QPainter, index: int, space: tuple[float, float, float, float]) -> None:
        """The page's gathered leftover space: a dashed frame on screen only (it is not a page
        item, so the PDF never shows it), labelled with its size for a picture or more copy."""
        x, y, w, h = space
        rect = self.widget_rect(index, BlockArea("", "space", x, y, w, h))
        p.setPen(QPen(QColor(0, 140, 110), 1.5, Qt.PenStyle.DashLine))
        p.setBrush(QColor(0, 140, 110, 18))
        p.drawRect(rect.adjusted(2, 2, -2, -2))
        label = self.tr("空位 {w} × {h} mm").format(w=round(pt_to_mm(w)), h=round(pt_to_mm(h)))
        self._badge(p, rect.adjusted(2, 2, -2, -2), label, QColor(0, 130, 100))

    def _badge(self, p: QPainter, rect: QRectF, text: str, colour: QColor) -> None:
        fm = self.fontMetrics()
        w, h = fm.horizontalAdvance(text) + 10, fm.height() + 4
        box = QRectF(rect.right() - w, rect.bottom() - h, w, h)
        p.fillRect(box, colour)
        p.setPen(QColor(255, 255, 255))
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


class PreviewWidget(QWidget):
    """Toolbar (zoom, fit, page navigation) over a scrolling PageCanvas."""

    blockClicked = Signal(str)

    def __init__(self, fetch_image: Callable[[str], bytes], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = PageCanvas(fetch_image)
        self.canvas.blockClicked.connect(self.blockClicked)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.canvas)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll.setWidgetResizable(False)
        self.scroll.setStyleSheet("QScrollArea { background: #8a8f96; border: none; }")
        self.scroll.verticalScrollBar().valueChanged.connect(self._update_page_label)
        self._fit_mode = "width"
        self._pending = ""  # an item to scroll to as soon as a layout shows it
        self._fitting = False

        self.zoom_out = self._button("−", self.tr("缩小（Ctrl+-）"), lambda: self.zoom_by(1 / 1.25))
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(40)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_in = self._button("+", self.tr("放大（Ctrl++）"), lambda: self.zoom_by(1.25))
        self.fit_width_btn = self._button(self.tr("适合宽度"), self.tr("按窗口宽度显示整版"), self.fit_width)
        self.fit_page_btn = self._button(self.tr("整版"), self.tr("显示整个版面"), self.fit_page)
        self.prev_btn = self._button("◀", self.tr("上一版"), lambda: self.go_to_page(self.current_page() - 1))
        self.page_spin = QSpinBox()
        self.page_spin.setMinimum(1)
        self.page_spin.setPrefix(self.tr("第 "))
        self.page_spin.setSuffix(self.tr(" 版"))
        self.page_spin.valueChanged.connect(lambda v: self.go_to_page(v - 1))
        self.page_count = QLabel()
        self.next_btn = self._button("▶", self.tr("下一版"), lambda: self.go_to_page(self.current_page() + 1))
        self.status = QLabel()
        self.status.setObjectName("layoutStatus")
        # the layout status gives way first when the window is narrow (1024-px screens)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        bar = QHBoxLayout()
        bar.setContentsMargins(6, 3, 6, 3)
        for w in (self.zoom_out, self.zoom_label, self.zoom_in, self.fit_width_btn, self.fit_page_btn):
            bar.addWidget(w)
        bar.addSpacing(6)
        for w in (self.prev_btn, self.page_spin, self.page_count, self.next_btn):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.status)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addLayout(bar)
        lay.addWidget(self.scroll, 1)
        self._update_zoom_label()
        self.scroll.viewport().installEventFilter(self)  # last: its events use the widgets above

    def _button(self, text: str, tip: str, slot) -> QToolButton:
        b = QToolButton()
        b.setText(text)
        b.setToolTip(tip)
        b.setAutoRaise(True)
        b.clicked.connect(slot)
        return b

    # ------------------------------------------------------------------ public API
    def set_document(self, doc: LaidOutDocument | None, message: str = "",
                     page_size: tuple[float, float] | None = None) -> None:
        if page_size is not None:
            self.canvas.message_size = page_size
        self.canvas.set_document(doc, message)
        if self._pending and self.canvas.areas_of(self._pending):
            self._scroll_to(self._pending)  # the item selected before its layout existed
            self._pending = ""
        n = len(self.canvas.page_sizes())
        self.page_spin.setMaximum(n)
        self.page_count.setText(self.tr("/ 共 {} 版").format(n))
        if self._fit_mode:
            self._apply_fit()
        self._update_page_label()

    def select(self, item_id: str, *, scroll: bool = True, page: int | None = None, stale: bool = False) -> None:
        """Mark ``item_id``; with ``scroll``, bring it into view — on whatever page it is. An item
        not laid out yet (just added, or moved to another page) is scrolled to when its layout
        arrives; meanwhile the preview goes to ``page`` (the item's page in the model). ``stale``:
        the shown layout is older than the model, so where it has the item may be wrong."""
        self.canvas.set_selected(item_id)
        if not scroll:
            return
        self._pending = ""
        if self.canvas.areas_of(item_id) and not stale:
            self._scroll_to(item_id)
            return
        self._pending = item_id
        if page is not None and page != self.current_page():
            self.go_to_page(page)

    def _scroll_to(self, item_id: str) -> None:
        areas = self.canvas.areas_of(item_id)
        if areas:
            i, area = areas[0]
            r = self.canvas.widget_rect(i, area)
            vis = QRectF(self.scroll.horizontalScrollBar().value(), self.scroll.verticalScrollBar().value(),
                         self.scroll.viewport().width(), self.scroll.viewport().height())
            if not vis.contains(r):
                c = r.center()
                self.scroll.ensureVisible(int(c.x()), int(c.y()), int(r.width() / 2) + 20,
                                          min(int(r.height() / 2) + 20, self.scroll.viewport().height() // 2))

    def zoom_by(self, factor: float) -> None:
        self._fit_mode = ""
        self._set_zoom_keep_centre(self.canvas.zoom * factor)

    def set_zoom(self, zoom: float) -> None:
        self._fit_mode = ""
        self._set_zoom_keep_centre(zoom)

    def fit_width(self) -> None:
        self._fit_mode = "width"
        self._apply_fit()

    def fit_page(self) -> None:
        self._fit_mode = "page"
        self._apply_fit()

    def current_page(self) -> int:
        y = self.scroll.verticalScrollBar().value() + self.scroll.viewport().height() / 3
        rects = self.canvas.page_rects()
        for i, r in enumerate(rects):
            if y < r.bottom() + _GAP:
                return i
        return max(0, len(rects) - 1)

    def go_to_page(self, index: int) -> None:
        rects = self.canvas.page_rects()
        if not rects:
            return
        index = max(0, min(index, len(rects) - 1))
        self.scroll.verticalScrollBar().setValue(int(rects[index].top() - _GAP / 2))
        self._update_page_label()

    # ------------------------------------------------------------------ internals
    def _apply_fit(self) -> None:
        sizes = self.canvas.page_sizes()
        maxw = max(w for w, _ in sizes)
        dpi = self.canvas.logicalDpiX() / 72.0
        # the width with a vertical scroll bar whether or not one shows now: a fit that made the
        # bar appear or vanish would change the width it was computed from, and fit again
        bar = self.scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        inner = self.scroll.width() - 2 * self.scroll.frameWidth()
        avail_w = max(100, inner - bar - 2 * _GAP - 4)
        zoom = avail_w / (maxw * dpi)
        if self._fit_mode == "page":
            maxh = max(h for _, h in sizes)
            avail_h = max(100, self.scroll.viewport().height() - 2 * _GAP)
            zoom = min(zoom, avail_h / (maxh * dpi))
        self.canvas.set_zoom(zoom)
        self._update_zoom_label()

    def _refit(self) -> None:
        self._fitting = False
        if self._fit_mode:
            self._apply_fit()

    def _set_zoom_keep_centre(self, zoom: float) -> None:
        vs = self.scroll.verticalScrollBar()
        old_h = max(1, self.canvas.height())
        rel = (vs.value() + self.scroll.viewport().height() / 2) / old_h
        self.canvas.set_zoom(zoom)
        vs.setValue(int(rel * self.canvas.height() - self.scroll.viewport().height() / 2))
        self._update_zoom_label()

    def _update_zoom_label(self) -> None:
        self.zoom_label.setText(f"{round(self.canvas.zoom * 100)}%")

    def _update_page_label(self) -> None:
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(self.current_page() + 1)
        self.page_spin.blockSignals(False)

    def resizeEvent(self, e) -> None:  # noqa: N802
        super().resizeEvent(e)
        if self._fit_mode:
            self._apply_fit()

    def eventFilter(self, obj: QObject, e: QEvent) -> bool:  # noqa: N802
        """Ctrl+wheel zooms; the scroll area would otherwise scroll. A fit mode follows the
        viewport's own size (at the first show the preview is resized before its scroll area is,
        so its resizeEvent would fit the page to a stale width)."""
        if e.type() == QEvent.Type.Resize and self._fit_mode and not self._fitting:
            # after this event: a new zoom can add or remove a scroll bar, which resizes the
            # viewport again; that resize then fits once more, with the final width
            self._fitting = True
            QTimer.singleShot(0, self._refit)
        if e.type() == QEvent.Type.Wheel and e.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(1.15 if e.angleDelta().y() > 0 else 1 / 1.15)
            return True
        return super().eventFilter(obj, e)

    def grab_page(self, index: int, pixels_per_point: float = 1.0):
        """The page alone as an image (tests, thumbnails)."""
        doc = self.canvas.document
        if doc is None:
            return None
        return self.canvas.render_page(doc.pages[index], pixels_per_point).toImage()


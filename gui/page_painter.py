"""Draw laid-out pages with QPainter: the screen twin of exporters/pdf_draw.

Nothing here makes a typesetting decision (DESIGN §2): every glyph is drawn by glyph id at the
x the layout computed, through QRawFont + QGlyphRun, so the preview and the PDF agree glyph for
glyph. Synthetic bold is drawn the way the PDF draws it — outline filled *and* stroked with the
run's ``bold`` width — so a headline is as heavy on screen as in print. Colours are the
layout's CMYK values (QColor.fromCmykF); Qt converts them for the screen.

The painter is expected in page coordinates: points, origin top-left, y down.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QGlyphRun, QPainter, QPainterPath, QPen, QRawFont

from gui.images import cached_upright
from layout.types import GlyphRun, LaidOutPage, Picture, Rect, Rule

_BASE_SIZE = 12.0


def cmyk(colour: tuple[float, float, float, float]) -> QColor:
    c, m, y, k = (min(1.0, max(0.0, float(v))) for v in colour)
    return QColor.fromCmykF(c, m, y, k)


def _split_key(key: str) -> tuple[str, int]:
    """Face key → (file, face index), by layout.fonts' own rule when it is there."""
    try:
        from layout.fonts import split_key
    except ImportError:  # pragma: no cover - layout.fonts ships with the project
        path, sep, tail = key.rpartition("#")
        return (path, int(tail)) if sep and tail.isdigit() and path else (key, 0)
    return split_key(key)


def _face_bytes(path: str, index: int) -> bytes:
    """The font file, or for face N of a collection (TTC/OTC) that face alone as a font file."""
    with open(path, "rb") as fh:
        data = fh.read()
    if data[:4] != b"ttcf":
        return data
    from fontTools.ttLib import TTCollection

    coll = TTCollection(io.BytesIO(data))
    out = io.BytesIO()
    coll.fonts[index].save(out)
    return out.getvalue()


def _load_base(path: str, index: int) -> QRawFont:
    """A face at ``_BASE_SIZE``; invalid when the file is missing or unreadable. A plain font
    file is handed to Qt by name (no copy of its 10 MB through Python); a collection's face is
    cut out first."""
    try:
        with open(path, "rb") as fh:
            collection = fh.read(4) == b"ttcf"
        if not collection:
            raw = QRawFont(path, _BASE_SIZE, QFont.HintingPreference.PreferNoHinting)
            if raw.isValid():
                return raw
        return QRawFont(QByteArray(_face_bytes(path, index)), _BASE_SIZE, QFont.HintingPreference.PreferNoHinting)
    except (OSError, IndexError, ValueError):
        return QRawFont()


#: (file, face index, size, mtime) → the face at ``_BASE_SIZE``, for every FontCache of the process:
#: the preview, the thumbnails and printing read a font file once between them
_BASES: dict[tuple[str, int, int, int], QRawFont] = {}


class FontCache:
    """QRawFont per (face key, size) and glyph outlines for synthetic bold.

    One font file is read once per process (the faces are shared by every FontCache); other
    sizes are cheap copies of it. Missing or unreadable fonts yield an invalid QRawFont, drawn
    as nothing, never a crash — the layout has already reported fallbacks and missing glyphs.
    """

    def __init__(self) -> None:
        self._sized: dict[tuple[str, float], QRawFont] = {}
        self._paths: dict[tuple[str, float, int], QPainterPath] = {}

    def raw_font(self, key: str, size: float) -> QRawFont:
        sized = self._sized.get((key, size))
        if sized is not None:
            return sized
        path, index = _split_key(key)
        try:
            st = os.stat(path)
            stamp = (path, index, st.st_size, st.st_mtime_ns)
        except OSError:
            stamp = None
        base = _BASES.get(stamp) if stamp is not None else None
        if base is None:
            base = _load_base(path, index) if stamp is not None and os.path.isfile(path) else QRawFont()
            if stamp is not None:
                _BASES[stamp] = base
        sized = QRawFont(base)
        if sized.isValid():
            sized.setPixelSize(size)
        self._sized[(key, size)] = sized
        return sized

    def glyph_path(self, key: str, size: float, gid: int) -> QPainterPath:
        k = (key, size, gid)
        p = self._paths.get(k)
        if p is None:
            raw = self.raw_font(key, size)
            p = raw.pathForGlyph(gid) if raw.isValid() else QPainterPath()
            self._paths[k] = p
        return p


def draw_glyph_run(p: QPainter, run: GlyphRun, fonts: FontCache) -> None:
    if not run.glyphs:
        return
    colour = cmyk(run.colour)
    if run.bold > 0:
        path = QPainterPath()
        for gid, gx in zip(run.glyphs, run.xs):
            path.addPath(fonts.glyph_path(run.font, run.size, gid).translated(run.x + gx, run.y))
        pen = QPen(colour, run.bold)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        p.setBrush(QBrush(colour))
        p.drawPath(path)
        return
    raw = fonts.raw_font(run.font, run.size)
    if not raw.isValid():
        return
    gr = QGlyphRun()
    gr.setRawFont(raw)
    gr.setGlyphIndexes(list(run.glyphs))
    gr.setPositions([QPointF(gx, 0.0) for gx in run.xs])
    p.setPen(colour)
    p.drawGlyphRun(QPointF(run.x, run.y), gr)


def draw_rule(p: QPainter, r: Rule) -> None:
    pen = QPen(cmyk(r.colour), r.width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    p.setPen(pen)
    p.drawLine(QPointF(r.x0, r.y0), QPointF(r.x1, r.y1))


def draw_rect(p: QPainter, r: Rect) -> None:
    rect = QRectF(r.x, r.y, r.w, r.h)
    if r.fill is not None:
        p.fillRect(rect, cmyk(r.fill))
    if r.stroke is not None and r.stroke_width > 0:
        pen = QPen(cmyk(r.stroke), r.stroke_width)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(rect)


def draw_picture(p: QPainter, pic: Picture, fetch: Callable[[str], bytes]) -> None:
    target = QRectF(pic.x, pic.y, pic.w, pic.h)
    try:
        image = cached_upright(pic.image, lambda: fetch(pic.image))
    except (KeyError, OSError):
        image = None
    if image is None or image.isNull():
        p.fillRect(target, QColor(225, 225, 225))
        p.setPen(QPen(QColor(160, 160, 160), 0.5))
        p.drawLine(target.topLeft(), target.bottomRight())
        p.drawLine(target.topRight(), target.bottomLeft())
        return
    cx, cy, cw, ch = pic.crop
    source = QRectF(cx * image.width(), cy * image.height(), cw * image.width(), ch * image.height())
    p.drawImage(target, image, source)


def item_bounds(item: object) -> tuple[float, float, float, float] | None:
    """(x0, y0, x1, y1) in points that surely contains all ``item`` paints (generously, for
    partial repaints); None when it paints nothing. Raises TypeError for an unknown item."""
    if isinstance(item, GlyphRun):
        if not item.glyphs:
            return None
        s, b = item.size, item.bold
        return (item.x + min(item.xs) - 0.5 * s - b, item.y - 1.5 * s - b,
                item.x + max(item.xs) + 1.5 * s + b, item.y + 0.75 * s + b)
    if isinstance(item, Rule):
        m = item.width / 2 + 1.0
        return min(item.x0, item.x1) - m, min(item.y0, item.y1) - m, max(item.x0, item.x1) + m, max(item.y0, item.y1) + m
    if isinstance(item, Rect):
        m = (item.stroke_width if item.stroke is not None else 0.0) + 1.0
        return item.x - m, item.y - m, item.x + item.w + m, item.y + item.h + m
    if isinstance(item, Picture):
        return item.x - 1.0, item.y - 1.0, item.x + item.w + 1.0, item.y + item.h + 1.0
    raise TypeError(f"unknown page item {type(item).__name__}")


def paint_page(p: QPainter, page: LaidOutPage, fonts: FontCache, fetch: Callable[[str], bytes]) -> None:
    """Draw every item of ``page`` in order (later items on top), as the PDF does."""
    paint_items(p, page.items, fonts, fetch)


#: type at least this large (pt) is drawn as glyphs even when greeked: titles and headlines
GREEK_BELOW = 20.0


def paint_page_greeked(p: QPainter, page: LaidOutPage, fonts: FontCache, fetch: Callable[[str], bytes]) -> None:
    """Draw ``page`` with text below ``GREEK_BELOW`` as grey bars (bold darker), the rest as
    ``paint_page`` does: at thumbnail scale a body character is under a pixel, and bars show
    the make-up at a fraction of the cost of drawing thousands of glyphs (DTP programs'
    greeking), while titles and headlines stay legible."""
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    p.setPen(Qt.PenStyle.NoPen)
    for item in page.items:
        if isinstance(item, GlyphRun):
            if not item.glyphs:
                continue
            s = item.size
            if s >= GREEK_BELOW:
                draw_glyph_run(p, item, fonts)
                p.setPen(Qt.PenStyle.NoPen)
                continue
            colour = cmyk(item.colour)
            colour.setAlphaF(0.8 if item.bold > 0 or s >= 14.0 else 0.4)
            x0 = item.x + min(item.xs)
            x1 = item.x + max(x + a for x, a in zip(item.xs, item.advances))
            p.fillRect(QRectF(x0, item.y - 0.8 * s, max(0.5, x1 - x0), 0.85 * s), colour)
        elif isinstance(item, Rule):
            draw_rule(p, item)
            p.setPen(Qt.PenStyle.NoPen)
        elif isinstance(item, Rect):
            draw_rect(p, item)
            p.setPen(Qt.PenStyle.NoPen)
        elif isinstance(item, Picture):
            draw_picture(p, item, fetch)
            p.setPen(Qt.PenStyle.NoPen)
    p.restore()


def paint_items(p: QPainter, items, fonts: FontCache, fetch: Callable[[str], bytes]) -> None:
    """Draw ``items`` in order (later items on top); ``paint_page`` for part of a page."""
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    for item in items:
        if isinstance(item, GlyphRun):
            draw_glyph_run(p, item, fonts)
        elif isinstance(item, Rule):
            draw_rule(p, item)
        elif isinstance(item, Rect):
            draw_rect(p, item)
        elif isinstance(item, Picture):
            draw_picture(p, item, fetch)
    p.restore()

"""Page thumbnails: the whole bulletin at a glance, one click to go to a page.

Each thumbnail is the laid-out page drawn by gui/page_painter at a small scale, its text as
grey bars (``paint_page_greeked``: a character is under a pixel there). After a new
layout only pages whose ``LaidOutPage`` changed are drawn again (the incremental layout hands
back the very same object for a page it did not lay out again), and while the user types
that repaint waits for a pause (``REDRAW_DELAY_MS``): a whole page drawn on every keystroke
cost a third of the keystroke-to-preview time, for a picture too small to show one character.
The current page (the one the preview shows) is highlighted.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QWidget

from gui.page_painter import FontCache, paint_page_greeked
from layout.types import LaidOutDocument, LaidOutPage

THUMB_HEIGHT = 150  # px: tall enough to recognise a page's make-up
REDRAW_DELAY_MS = 600  # a changed page's picture is drawn again once typing pauses this long



def page_picture(page: LaidOutPage, scale: float, fonts: FontCache, fetch: Callable[[str], bytes],
                 dpr: float = 1.0) -> QPixmap:
    """``page`` drawn greeked (body text as grey bars) at ``scale`` px per pt, framed in grey."""
    pix = QPixmap(max(1, round(page.width * scale * dpr)), max(1, round(page.height * scale * dpr)))
    pix.fill(QColor(255, 255, 255))
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(scale * dpr, scale * dpr)
    paint_page_greeked(p, page, fonts, fetch)
    p.resetTransform()
    p.setPen(QPen(QColor(120, 120, 120), 1))
    p.drawRect(0, 0, pix.width() - 1, pix.height() - 1)
    p.end()
    pix.setDevicePixelRatio(dpr)
    return pix

class ThumbnailStrip(QListWidget):
    """A list of page pictures; ``pageChosen(index)`` when the user clicks one."""

    pageChosen = Signal(int)

    def __init__(self, fetch_image: Callable[[str], bytes], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("thumbnails")
        self.fetch_image = fetch_image
        self.fonts = FontCache()
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(True)
        self.setSpacing(6)
        self._pages: list[LaidOutPage] = []
        self._pending: LaidOutDocument | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REDRAW_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.itemClicked.connect(lambda item: self.pageChosen.emit(self.row(item)))
        self.itemActivated.connect(lambda item: self.pageChosen.emit(self.row(item)))

    def set_document(self, doc: LaidOutDocument | None) -> None:
        """Show ``doc``: at once when pages came or went, else after the next pause in typing."""
        if doc is not None and len(doc.pages) == self.count() == len(self._pages):
            self._pending = doc
            self._timer.start()
            return
        self._pending = doc
        self.flush()

    def flush(self) -> None:
        """Draw the pictures of the pages that changed since they were last drawn."""
        self._timer.stop()
        doc, self._pending = self._pending, None
        pages = list(doc.pages) if doc is not None else []
        if pages:
            w = max(p.width for p in pages) * THUMB_HEIGHT / max(p.height for p in pages)
            self.setIconSize(QSize(round(w), THUMB_HEIGHT))
        current = self.currentRow()
        self.blockSignals(True)
        while self.count() > len(pages):
            self.takeItem(self.count() - 1)
        for i, page in enumerate(pages):
            if i < len(self._pages) and self._pages[i] is page and i < self.count():
                continue  # the same laid-out page: its picture is still right
            item = self.item(i) if i < self.count() else None
            if item is None:
                item = QListWidgetItem()
                item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
                self.addItem(item)
            item.setIcon(QIcon(self.render(page)))
            item.setText(self.tr("第 {} 版").format(i + 1))
            item.setToolTip(self.tr("转到第 {} 版").format(i + 1))
        self._pages = pages
        if 0 <= current < self.count():
            self.setCurrentRow(current)
        self.blockSignals(False)

    def render(self, page: LaidOutPage) -> QPixmap:
        return page_picture(page, THUMB_HEIGHT / page.height, self.fonts, self.fetch_image, self.devicePixelRatioF())

    def set_current(self, index: int) -> None:
        """Highlight the page the preview shows (no ``pageChosen``: the preview is already there)."""
        if 0 <= index < self.count() and index != self.currentRow():
            self.blockSignals(True)
            self.setCurrentRow(index)
            self.blockSignals(False)
            self.scrollToItem(self.item(index))

    def rendered_pages(self) -> list[LaidOutPage]:
        """The laid-out pages the pictures show (tests)."""
        return list(self._pages)

    def is_current(self) -> bool:
        """No redraw is waiting for a pause in typing."""
        return not self._timer.isActive()

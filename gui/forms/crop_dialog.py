"""Crop a portrait with its 3:4 shape locked.

The frame a portrait fills in print is 3:4; a crop of any other shape would be distorted or
trimmed again by the layout, so the user only chooses *which* 3:4 part: drag to move, drag
the corner handle or turn the wheel to resize.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPainterPath, QPen, QWheelEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QSizePolicy, QVBoxLayout, QWidget

from gui.images import PORTRAIT_ASPECT, default_crop
from model.document import Crop

_HANDLE = 12.0
_MIN_FRACTION = 0.05


class CropView(QWidget):
    """Shows the upright image with the crop rectangle; all state in image fractions."""

    def __init__(self, image: QImage, size: tuple[int, int], crop: Crop, parent: QWidget | None = None,
                 aspect: float = PORTRAIT_ASPECT) -> None:
        super().__init__(parent)
        self.aspect = aspect  # width / height of the crop in pixels (the page setup's portrait shape)
        self.image = image
        self.size_px = size  # full-resolution upright size: the aspect lock is in real pixels
        self.crop = Crop(crop.x, crop.y, crop.w, crop.h)
        self._drag: str | None = None
        self._press = QPointF()
        self._start = Crop()
        self.setMinimumSize(360, 360)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)

    # ------------------------------------------------------------------ geometry
    def image_rect(self) -> QRectF:
        w, h = self.size_px
        avail = QRectF(self.rect()).adjusted(8, 8, -8, -8)
        scale = min(avail.width() / w, avail.height() / h)
        iw, ih = w * scale, h * scale
        return QRectF(avail.center().x() - iw / 2, avail.center().y() - ih / 2, iw, ih)

    def crop_rect(self) -> QRectF:
        r = self.image_rect()
        c = self.crop
        return QRectF(r.x() + c.x * r.width(), r.y() + c.y * r.height(), c.w * r.width(), c.h * r.height())

    def _h_for_w(self, w: float) -> float:
        """Height fraction that makes a crop of width fraction ``w`` exactly 3:4 in pixels."""
        W, H = self.size_px
        return w * W / self.aspect / H

    def set_width(self, w: float) -> None:
        """Resize about the top-left corner, keeping 3:4 and staying inside the image."""
        W, H = self.size_px
        max_w = min(1 - self.crop.x, (1 - self.crop.y) * H * self.aspect / W)
        w = max(_MIN_FRACTION, min(w, max_w))
        self.crop = Crop(self.crop.x, self.crop.y, w, self._h_for_w(w))
        self.update()

    def move_to(self, x: float, y: float) -> None:
        c = self.crop
        self.crop = Crop(min(max(0.0, x), 1 - c.w), min(max(0.0, y), 1 - c.h), c.w, c.h)
        self.update()

    # ------------------------------------------------------------------ events
    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        p.fillRect(self.rect(), QColor(60, 60, 60))
        ir = self.image_rect()
        p.drawImage(ir, self.image)
        cr = self.crop_rect()
        shade = QPainterPath()
        shade.addRect(ir)
        hole = QPainterPath()
        hole.addRect(cr)
        p.fillPath(shade.subtracted(hole), QColor(0, 0, 0, 140))
        p.setPen(QPen(QColor(255, 255, 255), 1.5))
        p.drawRect(cr)
        p.setPen(QPen(QColor(255, 255, 255, 110), 1, Qt.PenStyle.DashLine))
        for k in (1, 2):  # rule-of-thirds guides
            p.drawLine(QPointF(cr.left() + cr.width() * k / 3, cr.top()), QPointF(cr.left() + cr.width() * k / 3, cr.bottom()))
            p.drawLine(QPointF(cr.left(), cr.top() + cr.height() * k / 3), QPointF(cr.right(), cr.top() + cr.height() * k / 3))
        p.fillRect(QRectF(cr.right() - _HANDLE, cr.bottom() - _HANDLE, _HANDLE, _HANDLE), QColor(255, 255, 255))
        p.end()

    def _on_handle(self, pos: QPointF) -> bool:
        cr = self.crop_rect()
        return abs(pos.x() - cr.right()) <= _HANDLE and abs(pos.y() - cr.bottom()) <= _HANDLE

    def mousePressEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        pos = e.position()
        if self._on_handle(pos):
            self._drag = "resize"
        elif self.crop_rect().contains(pos):
            self._drag = "move"
        else:
            self._drag = None
            return
        self._press = pos
        self._start = Crop(self.crop.x, self.crop.y, self.crop.w, self.crop.h)

    def mouseMoveEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        pos = e.position()
        if self._drag is None:
            over = self._on_handle(pos)
            self.setCursor(Qt.CursorShape.SizeFDiagCursor if over else Qt.CursorShape.OpenHandCursor
                           if self.crop_rect().contains(pos) else Qt.CursorShape.ArrowCursor)
            return
        ir = self.image_rect()
        dx = (pos.x() - self._press.x()) / ir.width()
        dy = (pos.y() - self._press.y()) / ir.height()
        if self._drag == "move":
            self.move_to(self._start.x + dx, self._start.y + dy)
        else:
            self.crop = Crop(self._start.x, self._start.y, self._start.w, self._start.h)
            self.set_width(self._start.w + dx)

    def mouseReleaseEvent(self, _e: QMouseEvent) -> None:  # noqa: N802
        self._drag = None

    def wheelEvent(self, e: QWheelEvent) -> None:  # noqa: N802
        factor = 0.95 if e.angleDelta().y() > 0 else 1.05
        c = self.crop
        cx, cy = c.x + c.w / 2, c.y + c.h / 2
        self.set_width(c.w * factor)
        self.move_to(cx - self.crop.w / 2, cy - self.crop.h / 2)


class CropDialog(QDialog):
    def __init__(self, image: QImage, size: tuple[int, int], crop: Crop, parent: QWidget | None = None,
                 aspect: float = PORTRAIT_ASPECT) -> None:
        super().__init__(parent)
        self.view = CropView(image, size, crop, aspect=aspect)
        if abs(aspect - PORTRAIT_ASPECT) < 1e-6:
            self.setWindowTitle(self.tr("裁剪肖像（3:4）"))
            hint = QLabel(self.tr("拖动方框选择位置，拖动右下角或滚动滚轮改变大小。比例固定为 3:4。"))
        else:  # another portrait shape in the page setup, or a picture block's own shape
            self.setWindowTitle(self.tr("裁剪图片"))
            hint = QLabel(self.tr("拖动方框选择位置，拖动右下角或滚动滚轮改变大小。比例保持不变。"))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.Reset)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Reset).clicked.connect(self._reset)
        lay = QVBoxLayout(self)
        lay.addWidget(hint)
        lay.addWidget(self.view, 1)
        lay.addWidget(buttons)
        self.resize(560, 640)

    def _reset(self) -> None:
        self.view.crop = default_crop(*self.view.size_px, self.view.aspect)
        self.view.update()

    def crop(self) -> Crop:
        return self.view.crop

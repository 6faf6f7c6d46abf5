"""The portrait field of a column: choose a file, drop one on it, or paste; crop; resolution.

Every way in goes through ``ImageStore.add``, which validates the bytes (format, size,
decompression bombs) and raises ImageError with the reason; the user then gets that reason in
a message box and nothing in the bulletin changes. Accepted images get a 3:4 crop at once, so
a portrait never prints distorted even if the user never opens the crop dialog.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QImage,
    QKeySequence,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui import labels
from gui import settings as app_settings
from gui.commands import SetValue
from gui.forms.base import FormContext, laid_out
from gui.forms.crop_dialog import CropDialog
from gui.images import cached_upright, default_crop, effective_ppi, upright_size
from layout.types import Picture
from model.document import Crop, Portrait
from model.images import MIN_PPI, ImageError
from model.units import mm_to_pt, pt_to_mm

THUMB = QSize(108, 144)
IMAGE_FILTER = "*.jpg *.jpeg *.png *.tif *.tiff *.webp *.bmp *.gif"


def image_bytes_from_qimage(image: QImage) -> bytes:
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    return bytes(buf.data())


def spec_aspect(bulletin) -> float:
    """Width / height of the bulletin's portrait frame (the page setup's portrait spec)."""
    spec = bulletin.page_setup.portrait
    return spec.aspect_w / max(1, spec.aspect_h)


class PortraitWidget(QFrame):
    """Edits ``block.<attr>`` (a Portrait): a column's or the speech's portrait, or a picture
    block's picture. ``aspect()`` gives the crop's width / height (None: the whole image, kept
    in its own shape, for a news photo)."""

    def __init__(self, ctx: FormContext, block, parent: QWidget | None = None, attr: str = "portrait",
                 aspect=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.doc = ctx.doc
        self.block = block
        self.attr = attr
        self.aspect = aspect or (lambda: spec_aspect(self.doc.bulletin))
        self.setAcceptDrops(True)
        self.setObjectName("portrait")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # so Ctrl+V pastes a photo here
        self.thumb = QLabel()
        self.thumb.setFixedSize(THUMB)
        self.thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumb.setToolTip(self.tr("把照片拖到这里，或用右边的按钮选择、粘贴"))
        self.choose_btn = QPushButton(self.tr("选择图片…"))
        self.paste_btn = QPushButton(self.tr("粘贴"))
        self.crop_btn = QPushButton(self.tr("裁剪…"))
        self.remove_btn = QPushButton(self.tr("移除"))
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setObjectName("portraitInfo")
        self.choose_btn.clicked.connect(self.choose_file)
        self.paste_btn.clicked.connect(self.paste)
        self.crop_btn.clicked.connect(self.open_crop)
        self.remove_btn.clicked.connect(self.remove)
        buttons = QVBoxLayout()
        for w in (self.choose_btn, self.paste_btn, self.crop_btn, self.remove_btn):
            buttons.addWidget(w)
        buttons.addStretch(1)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.thumb, 0, 0)
        grid.addLayout(buttons, 0, 1)
        grid.addWidget(self.info, 1, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        self.doc.changed.connect(self._on_doc_changed)
        ctx.runner.finished.connect(self._on_layout)
        self.refresh()

    # ------------------------------------------------------------------ import
    def _parent(self) -> QWidget:
        return self.ctx.dialog_parent()

    def import_bytes(self, data: bytes, what: str) -> bool:
        """Validate and use ``data`` as the portrait; tells the user and returns False if it can't."""
        try:
            name = self.doc.bulletin.images.add(data, what)
            size = upright_size(data)
        except ImageError as exc:
            self._refuse(what, str(exc))
            return False
        except Exception as exc:  # noqa: BLE001 - Pillow on a damaged file
            self._refuse(what, str(exc))
            return False
        aspect = self.aspect()
        portrait = Portrait(image=name, crop=default_crop(*size, aspect) if aspect else Crop())
        self.doc.break_merge()
        self.doc.push(SetValue(self.doc, self.block, self.attr, portrait, self.tr("更换肖像")))
        return True

    def _refuse(self, what: str, reason: str) -> None:
        QMessageBox.warning(
            self._parent(), self.tr("无法使用这个文件"),
            self.tr("“{}”不能用作肖像照片。\n\n请选择 JPEG、PNG、TIFF 或 WebP 格式的照片。\n\n详细原因：{}").format(
                os.path.basename(what), reason),
        )

    def import_file(self, path: str) -> bool:
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            self._refuse(path, labels.os_error_text(exc))
            return False
        return self.import_bytes(data, path)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self._parent(), self.tr("选择肖像照片"), app_settings.last_folder(),
                                              self.tr("图片") + f" ({IMAGE_FILTER})")
        if path:
            app_settings.remember_folder(path)
            self.import_file(path)

    def paste(self) -> bool:
        mime = QGuiApplication.clipboard().mimeData()
        return self._import_mime(mime, self.tr("剪贴板中的图片"))

    def _import_mime(self, mime, what: str) -> bool:
        if mime is None:
            return False
        if mime.hasUrls():
            for url in mime.urls():
                if url.isLocalFile():
                    return self.import_file(url.toLocalFile())
        if mime.hasImage():
            image = QImage(mime.imageData())
            if not image.isNull():
                return self.import_bytes(image_bytes_from_qimage(image), what)
        QMessageBox.information(self._parent(), self.tr("没有图片"), self.tr("剪贴板里没有图片或图片文件。"))
        return False

    def dragEnterEvent(self, e: QDragEnterEvent) -> None:  # noqa: N802
        if e.mimeData().hasUrls() or e.mimeData().hasImage():
            e.acceptProposedAction()

    def dropEvent(self, e: QDropEvent) -> None:  # noqa: N802
        self._import_mime(e.mimeData(), self.tr("拖入的图片"))
        e.acceptProposedAction()

    def keyPressEvent(self, e) -> None:  # noqa: N802
        if e.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return
        super().keyPressEvent(e)

    # ------------------------------------------------------------------ crop / remove
    def open_crop(self) -> None:
        p = getattr(self.block, self.attr)
        if p is None or not p.image:
            return
        data = self.doc.bulletin.images.get(p.image)
        image = cached_upright(p.image, lambda: data, 1200)
        size = upright_size(data)
        aspect = self.aspect() or (p.crop.w * size[0]) / max(1e-9, p.crop.h * size[1])
        dlg = CropDialog(image, size, p.crop, self._parent(), aspect)
        if dlg.exec():
            c = dlg.crop()
            self.set_crop(Crop(c.x, c.y, c.w, c.h))

    def set_crop(self, crop: Crop) -> None:
        p = getattr(self.block, self.attr)
        if p is None:
            return
        self.doc.push(SetValue(self.doc, self.block, self.attr, Portrait(p.image, crop), self.tr("裁剪肖像")))

    def remove(self) -> None:
        if getattr(self.block, self.attr) is None:
            return
        # a picture block always has its Portrait (an empty one); others drop it
        empty = Portrait() if self.attr == "picture" else None
        self.doc.push(SetValue(self.doc, self.block, self.attr, empty, self.tr("移除肖像")))

    # ------------------------------------------------------------------ display
    def _on_doc_changed(self, obj: object, _structural: bool) -> None:
        if obj is self.block:
            self.refresh()

    def _on_layout(self, _result: object) -> None:
        self.refresh_info()

    def refresh(self) -> None:
        p = getattr(self.block, self.attr)
        has = p is not None and bool(p.image) and p.image in self.doc.bulletin.images
        self.crop_btn.setEnabled(has)
        self.remove_btn.setEnabled(p is not None and bool(p.image or self.attr != "picture"))
        self.thumb.setPixmap(self._thumbnail(p) if has else self._empty())
        self.refresh_info()

    def _empty(self) -> QPixmap:
        pix = QPixmap(THUMB)
        pix.fill(QColor(238, 238, 238))
        painter = QPainter(pix)
        painter.setPen(QColor(140, 140, 140))
        painter.drawRect(0, 0, THUMB.width() - 1, THUMB.height() - 1)
        painter.drawText(pix.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.tr("无照片\n拖入或选择"))
        painter.end()
        return pix

    def _thumbnail(self, p: Portrait) -> QPixmap:
        image = cached_upright(p.image, lambda: self.doc.bulletin.images.get(p.image), 600)
        c = p.crop
        src = QRectF(c.x * image.width(), c.y * image.height(), c.w * image.width(), c.h * image.height())
        pix = QPixmap(THUMB)
        pix.fill(QColor(255, 255, 255))
        painter = QPainter(pix)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        # the thumbnail shows the crop in its own shape, centred in the box
        scale = min(THUMB.width() / max(1.0, src.width()), THUMB.height() / max(1.0, src.height()))
        tw, th = src.width() * scale, src.height() * scale
        painter.drawImage(QRectF((THUMB.width() - tw) / 2, (THUMB.height() - th) / 2, tw, th), image, src)
        painter.end()
        return pix

    def print_width_pt(self) -> float:
        """Printed width of the portrait: from the layout, else one basic column of the page setup."""
        doc = laid_out(self.ctx)
        if doc is not None:
            for page in doc.pages:
                for item in page.items:
                    if isinstance(item, Picture) and item.block_id == self.block.id:
                        return item.w
        ps = self.doc.bulletin.page_setup
        text_w = mm_to_pt(ps.width_mm - ps.margins.left - ps.margins.right)
        gutter = ps.gutter_em * ps.body_size_pt
        return (text_w - gutter * (ps.columns - 1)) / max(1, ps.columns)

    def refresh_info(self) -> None:
        p = getattr(self.block, self.attr)
        if p is None or not p.image or p.image not in self.doc.bulletin.images:
            self.info.setText(self.tr("尚无肖像。支持 JPEG、PNG、TIFF、WebP；手机照片会自动转正。"))
            self.info.setStyleSheet("")
            return
        try:
            size = upright_size(self.doc.bulletin.images.get(p.image))
        except Exception:  # noqa: BLE001
            self.info.setText(self.tr("无法读取这张图片。"))
            return
        width_pt = self.print_width_pt()
        ppi = effective_ppi(p.crop, size, width_pt)
        text = self.tr("{w}×{h} 像素；印刷宽 {mm:.0f} 毫米时有效分辨率 {ppi:.0f} ppi").format(
            w=size[0], h=size[1], mm=pt_to_mm(width_pt), ppi=ppi)
        if ppi < MIN_PPI:
            text += self.tr("（低于 {} ppi，印刷可能模糊）").format(MIN_PPI)
            self.info.setStyleSheet("color: #b00020;")
        else:
            self.info.setStyleSheet("color: #1b6e20;")
        self.info.setText(text)


"""Print (Ctrl+P) and print preview: the laid-out pages the preview shows, on the user's printer.

Why not print the exported PDF: the editor already holds the laid-out pages and draws them with
gui/page_painter (glyph for glyph what the PDF has), so printing needs no export and no PDF
viewer. A newspaper page is larger than an office printer's paper, so the user chooses the size:
*real size* (paper the size of the page; a print shop's plotter, or to check the type size on a
proof), or *fitted* onto A4 or A3, turned to the page's orientation and centred.

Qt's print support is imported when the user first prints, not with the editor (≈ 4 ms of its
start).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtWidgets import QComboBox, QFormLayout, QMessageBox, QToolBar, QWidget

from gui.page_painter import FontCache, paint_page
from layout.types import LaidOutDocument

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

translate = QCoreApplication.translate

#: how pages go onto paper: (key, source text of its label)
MODES = ("fit_a4", "fit_a3", "real")


def mode_label(key: str) -> str:
    return {
        "fit_a4": translate("Printing", "缩到 A4 纸"),
        "fit_a3": translate("Printing", "缩到 A3 纸"),
        "real": translate("Printing", "原大（纸张与版面同大）"),
    }[key]


def setup_printer(printer: QPrinter, document: LaidOutDocument, mode: str) -> None:
    """Paper size and orientation for ``mode``: the page's own size, or A4/A3 turned its way."""
    w, h = (document.pages[0].width, document.pages[0].height) if document.pages else (595.0, 842.0)
    orientation = QPageLayout.Orientation.Landscape if w > h else QPageLayout.Orientation.Portrait
    if mode == "real":
        size = QPageSize(QSizeF(w, h), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.ExactMatch)
        printer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    else:
        size = QPageSize(QPageSize.PageSizeId.A3 if mode == "fit_a3" else QPageSize.PageSizeId.A4)
        printer.setPageLayout(QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0)))
    printer.setFullPage(True)


def paint_document(printer: QPrinter, document: LaidOutDocument, fetch_image: Callable[[str], bytes],
                   mode: str, pages: list[int] | None = None, fonts: FontCache | None = None) -> int:
    """Draw the pages (all, or the 0-based ``pages``) onto ``printer``; returns how many.

    ``fonts`` must outlive what the printer keeps: the print preview records the drawing and
    replays it later, and a QRawFont freed before then crashes the replay."""
    wanted = list(range(len(document.pages))) if pages is None else pages
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(printer.outputFileName() or printer.printerName() or "printer")
    fonts = fonts if fonts is not None else FontCache()
    try:
        dpi = printer.resolution()
        paper = printer.pageLayout().fullRectPixels(dpi)
        for n, i in enumerate(wanted):
            if n:
                printer.newPage()
            page = document.pages[i]
            real = dpi / 72.0  # device pixels per point at real size
            scale = real if mode == "real" else min(paper.width() / page.width, paper.height() / page.height)
            painter.save()
            painter.translate((paper.width() - page.width * scale) / 2, (paper.height() - page.height * scale) / 2)
            painter.scale(scale, scale)
            painter.setClipRect(QRectF(0, 0, page.width, page.height))
            paint_page(painter, page, fonts, fetch_image)
            painter.restore()
    finally:
        painter.end()
    return len(wanted)


def _page_range(printer: QPrinter, count: int) -> list[int]:
    from PySide6.QtPrintSupport import QPrinter

    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = printer.fromPage(), printer.toPage() or count
        return list(range(max(1, first) - 1, min(count, last)))
    return list(range(count))


class Printing:
    """Print and print preview for a window; ``document_fn`` gives the latest laid-out pages."""

    def __init__(self, parent: QWidget, document_fn: Callable[[], LaidOutDocument | None],
                 fetch_image: Callable[[str], bytes]) -> None:
        self.parent = parent
        self.document_fn = document_fn
        self.fetch_image = fetch_image
        self.mode = "fit_a4"
        #: replaced in tests: (printer, parent) -> dialog with exec(); None: Qt's QPrintDialog
        self.dialog_factory: Callable | None = None
        self.preview: QPrintPreviewDialog | None = None
        self.fonts = FontCache()  # kept: the preview replays its recorded pages with these fonts

    def _document(self) -> LaidOutDocument | None:
        doc = self.document_fn()
        if doc is None or not doc.pages:
            QMessageBox.information(self.parent, translate("Printing", "无法打印"),
                                    translate("Printing", "版面还没有排好（或排版出错），暂时无法打印。"))
            return None
        return doc

    def _mode_box(self, on_change: Callable[[], None] | None = None) -> QComboBox:
        box = QComboBox()
        box.setObjectName("printMode")
        for key in MODES:
            box.addItem(mode_label(key), key)
        box.setCurrentIndex(MODES.index(self.mode))

        def changed(_i: int) -> None:
            self.mode = box.currentData()
            if on_change is not None:
                on_change()

        box.currentIndexChanged.connect(changed)
        return box

    def ask_print(self) -> bool:
        """The system print dialog (with a 缩放 tab on the non-native dialog); prints on OK."""
        doc = self._document()
        if doc is None:
            return False
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        setup_printer(printer, doc, self.mode)
        dialog = (self.dialog_factory or QPrintDialog)(printer, self.parent)
        tab = QWidget()
        tab.setWindowTitle(translate("Printing", "版面缩放"))
        form = QFormLayout(tab)
        box = self._mode_box(lambda: setup_printer(printer, doc, self.mode))
        form.addRow(translate("Printing", "版面缩放"), box)
        if isinstance(dialog, QPrintDialog):
            dialog.setOptionTabs([tab])
            dialog.setMinMax(1, len(doc.pages))
        if not dialog.exec():
            return False
        return self.print_to(printer, doc)

    def print_to(self, printer: QPrinter, doc: LaidOutDocument) -> bool:
        setup_printer(printer, doc, self.mode)
        try:
            paint_document(printer, doc, self.fetch_image, self.mode, _page_range(printer, len(doc.pages)),
                           self.fonts)
        except OSError as exc:
            QMessageBox.critical(self.parent, translate("Printing", "打印失败"),
                                 translate("Printing", "无法开始打印：{}").format(exc))
            return False
        return True

    def show_preview(self, modal: bool = True) -> QPrintPreviewDialog | None:
        """Qt's print preview of the same pages, with the 缩放 choice in its toolbar."""
        doc = self._document()
        if doc is None:
            return None
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        setup_printer(printer, doc, self.mode)
        dlg = QPrintPreviewDialog(printer, self.parent)
        dlg.setWindowTitle(translate("Printing", "打印预览"))
        dlg.resize(900, 700)

        # The paper is set before the preview asks for pages, never while it paints (changing the
        # page layout inside paintRequested crashes the preview).
        dlg.paintRequested.connect(lambda p: paint_document(p, doc, self.fetch_image, self.mode, fonts=self.fonts))
        widget = dlg.findChild(QPrintPreviewWidget)

        def mode_changed() -> None:
            setup_printer(printer, doc, self.mode)
            if widget is not None:
                widget.updatePreview()

        bar = dlg.findChild(QToolBar)
        if bar is not None:
            bar.addSeparator()
            bar.addWidget(self._mode_box(mode_changed))
        self.preview = dlg
        if modal:
            dlg.exec()
        else:
            dlg.show()
        return dlg

"""Export PDF / DOCX off the GUI thread, then tell the user what the printer will get.

The exporter gets a deep copy of the bulletin, so the user may keep typing while it runs
without the export seeing half an edit. The exporters are imported when first used (they pull
in reportlab and python-docx, which the editor's start need not wait for). Text that does not
fit is asked about before a PDF is made, as the command line refuses it without
``--allow-overset``. The report lists overset text, low-resolution images and font fallbacks
from the laid-out document the PDF exporter returns, with a button to open the folder.
"""

from __future__ import annotations

import copy
import os
import time
import traceback
from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from exporters.result import ExportResult
from gui import i18n, labels, press
from gui import settings as app_settings
from gui.document import Document
from layout.messages import describe
from layout.types import LaidOutDocument

BLEED_MM = 3.0


class _Signals(QObject):
    finished = Signal(object, float)
    failed = Signal(str)


class ExportJob(QRunnable):
    def __init__(self, work: Callable[[], object]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()

    def run(self) -> None:
        start = time.perf_counter()
        try:
            result = self.work()
        except OSError as exc:
            self.signals.failed.emit(labels.os_error_text(exc))
            return
        except Exception as exc:  # noqa: BLE001 - shown to the user, logged for us
            traceback.print_exc()
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.signals.finished.emit(result, time.perf_counter() - start)


def path_row(dialog: QDialog, path: str, file_filter: str, browse_text: str) -> tuple[QLineEdit, QHBoxLayout]:
    """The output file of an export dialog: the path and a 浏览… button that asks where to save."""
    edit = QLineEdit(path)
    edit.setMinimumWidth(380)
    browse = QPushButton(browse_text)

    def choose() -> None:
        chosen, _ = QFileDialog.getSaveFileName(dialog, dialog.windowTitle(), edit.text(), file_filter)
        if chosen:
            edit.setText(chosen)

    browse.clicked.connect(choose)
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(browse)
    return edit, row


class PdfOptionsDialog(QDialog):
    """Where to write the PDF, in which colour mode, for which press (printing condition, the
    printer's ICC profile, PDF/X flavour), with or without bleed and crop marks, one file or
    one per page."""

    def __init__(self, path: str, colour: str, parent: QWidget | None = None, *, condition: str = "newsprint",
                 icc_profile: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导出 PDF"))
        self.path, row = path_row(self, path, self.tr("PDF 文件 (*.pdf)"), self.tr("浏览…"))
        self.colour = QComboBox()
        for key in ("cmyk", "grey", "rgb"):
            self.colour.addItem(labels.colour_name(key), key)
        self.colour.setCurrentIndex(max(0, self.colour.findData(colour)))
        self.condition = QComboBox()
        self.condition.setObjectName("condition")
        for key in press.CONDITION_NAMES:
            self.condition.addItem(press.condition_name(key), key)
        self.condition.setCurrentIndex(max(0, self.condition.findData(condition)))
        self.icc = QLineEdit(icc_profile)
        self.icc.setObjectName("icc_profile")
        self.icc.setPlaceholderText(self.tr("（无：按上面的印刷条件分色）"))
        icc_browse = QPushButton(self.tr("选择…"))
        icc_browse.clicked.connect(self._browse_icc)
        icc_row = QHBoxLayout()
        icc_row.addWidget(self.icc, 1)
        icc_row.addWidget(icc_browse)
        self.flavour = QComboBox()
        self.flavour.setObjectName("flavour")
        for key in press.FLAVOUR_NAMES:
            self.flavour.addItem(press.flavour_name(key), key)
        self.bleed = QCheckBox(self.tr("加 3 毫米出血和裁切线（交印刷厂时勾选）"))
        self.split = QCheckBox(self.tr("每版一个文件（按版名命名，印刷厂常要）"))
        self.split.setObjectName("split")
        form = QFormLayout(self)
        form.addRow(self.tr("文件"), row)
        form.addRow(self.tr("色彩"), self.colour)
        form.addRow(self.tr("印刷条件"), self.condition)
        form.addRow(self.tr("ICC 特性文件"), icc_row)
        form.addRow(self.tr("PDF 标准"), self.flavour)
        form.addRow("", self.bleed)
        form.addRow("", self.split)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("导出"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse_icc(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("印刷厂的 ICC 特性文件"), self.icc.text(),
                                              self.tr("ICC 特性文件 (*.icc *.icm)"))
        if path:
            self.icc.setText(path)

    def problem(self) -> str:
        """Why these options cannot make a PDF, or ""."""
        options = self.options()
        icc, flavour = options["icc_profile"], options["flavour"]
        if icc and not os.path.isfile(icc):
            return self.tr("找不到 ICC 特性文件：{}").format(icc)
        if flavour == "x4" and not icc:
            return self.tr("PDF/X-4 需要印刷厂的 ICC 特性文件。")
        if flavour in ("x1a", "x4") and self.colour.currentData() == "rgb":
            return self.tr("PDF/X 不允许 RGB：交印刷厂请选 CMYK 或灰度。")
        return ""

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            QMessageBox.warning(self, self.tr("导出 PDF"), problem)
            return
        super().accept()

    def values(self) -> tuple[str, str, float]:
        path = self.path.text().strip()
        if path and not path.lower().endswith(".pdf"):
            path += ".pdf"
        return path, self.colour.currentData(), BLEED_MM if self.bleed.isChecked() else 0.0

    def options(self) -> dict[str, object]:
        """The print options for ``write_pdf`` (flavour None: the exporter's default)."""
        flavour = self.flavour.currentData()
        return {"condition": self.condition.currentData(), "icc_profile": self.icc.text().strip(),
                "flavour": None if flavour == "auto" else flavour, "split": self.split.isChecked()}


def _load_pdf_writer():
    from exporters.pdf import write_pdf

    return write_pdf


class DocxOptionsDialog(QDialog):
    """Where to write the Word document and which fonts it names (DESIGN §8): the fonts every
    Chinese Windows has (default), Founder faces, or the bulletin's own, as in the PDF."""

    FONT_SETS = ("common", "founder", "pdf")  # exporters.docx_fonts.FONT_SETS, in this order

    def __init__(self, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导出 Word 文档"))
        self.path, row = path_row(self, path, self.tr("Word 文档 (*.docx)"), self.tr("浏览…"))
        self.fonts = QComboBox()
        names = {"common": self.tr("常用字体（宋体、黑体、楷体、仿宋，每台中文 Windows 和 WPS 都有）"),
                 "founder": self.tr("方正字体（方正书宋、方正黑体、方正小标宋…，需已安装）"),
                 "pdf": self.tr("与 PDF 相同（本刊所用字体，对方电脑需有这些字体）")}
        for key in self.FONT_SETS:
            self.fonts.addItem(names[key], key)
        form = QFormLayout(self)
        form.addRow(self.tr("文件"), row)
        form.addRow(self.tr("字体"), self.fonts)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("导出"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str]:
        """(path with .docx, font set key)."""
        path = self.path.text().strip()
        if path and not path.lower().endswith(".docx"):
            path += ".docx"
        return path, self.fonts.currentData()


def _load_docx_writer():
    from exporters.docx import write_docx

    return write_docx


class Exporter(QObject):
    """Runs one export at a time and reports; ``done`` carries (kind, path, result)."""

    done = Signal(str, str, object)

    def __init__(self, doc: Document, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.doc = doc
        self.parent_widget = parent_widget
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.progress: QProgressDialog | None = None
        self.report: QMessageBox | None = None
        self._job: ExportJob | None = None
        #: replaced in tests; return the writer function
        self.pdf_loader: Callable[[], Callable] = _load_pdf_writer
        self.docx_loader: Callable[[], Callable] = _load_docx_writer
        #: the latest layout's problems (set by the window): overset text is asked about first
        self.problems_fn: Callable[[], list] = lambda: []
        #: where a report line's block is, as the window names it (第 2 页 · 西安); "" when unknown
        self.where_fn: Callable[[str], str] = lambda _block_id: ""

    def busy(self) -> bool:
        return self._job is not None

    def _default_path(self, ext: str) -> str:
        title = self.doc.bulletin.printed_title.replace("/", "-").replace("\\", "-")  # the page's title names the file
        base = self.doc.path or os.path.join(app_settings.last_folder(), title or "bulletin")
        return os.path.splitext(base)[0] + ext

    # ------------------------------------------------------------------ entry points
    def confirm_overset(self) -> bool:
        """True when no text is overset, or the user chose to export anyway."""
        overset = [p for p in self.problems_fn() if p.kind == "overset"]
        if not overset:
            return True
        where = "\n".join(f"  • {self._line(p)}" for p in overset[:8])
        answer = QMessageBox.warning(
            self.parent_widget, self.tr("还有文字排不下"),
            self.tr("有 {n} 处文字排不下（共超出 {chars} 字），导出的 PDF 中缺这些文字。\n\n仍要导出吗？").format(
                n=len(overset), chars=sum(p.chars for p in overset)).replace("\n\n", f"\n{where}\n\n", 1),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def ask_pdf(self) -> None:
        if not self.confirm_overset():
            return
        writer = self.pdf_loader()
        setup = self.doc.bulletin.page_setup
        dlg = PdfOptionsDialog(self._default_path(".pdf"), setup.colour_mode, self.parent_widget,
                               condition=setup.printing_condition, icc_profile=setup.icc_profile)
        if not dlg.exec():
            return
        path, colour, bleed = dlg.values()
        if path:
            app_settings.remember_folder(path)
            self.export_pdf(path, colour, bleed, writer, **dlg.options())

    def export_pdf(self, path: str, colour: str, bleed_mm: float, writer: Callable | None = None,
                   **options: object) -> None:
        """``options``: the print options of :meth:`PdfOptionsDialog.options` (none: the page setup's)."""
        writer = writer or self.pdf_loader()
        snapshot = copy.deepcopy(self.doc.bulletin)
        # one file per page: out-第1版.pdf …, reported as out-*.pdf
        shown = os.path.splitext(path)[0] + "-*.pdf" if options.get("split") else path
        self._start("pdf", shown, lambda: writer(snapshot, path, colour=colour, bleed_mm=bleed_mm, **options))

    def ask_docx(self) -> None:
        writer = self.docx_loader()
        dlg = DocxOptionsDialog(self._default_path(".docx"), self.parent_widget)
        if not dlg.exec():
            return
        path, fonts = dlg.values()
        if path:
            app_settings.remember_folder(path)
            self.export_docx(path, writer, fonts=fonts)

    def export_docx(self, path: str, writer: Callable | None = None, fonts: str = "common") -> None:
        writer = writer or self.docx_loader()
        snapshot = copy.deepcopy(self.doc.bulletin)
        self._start("docx", path, lambda: writer(snapshot, path, fonts=fonts))

    # ------------------------------------------------------------------ running
    def _start(self, kind: str, path: str, work: Callable[[], object]) -> None:
        if self._job is not None:
            return
        self.progress = QProgressDialog(self.tr("正在导出 {}…").format(os.path.basename(path)), "", 0, 0,
                                        self.parent_widget)
        self.progress.setWindowTitle(self.tr("导出"))
        self.progress.setCancelButton(None)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.show()
        job = ExportJob(work)
        job.setAutoDelete(False)
        job.signals.finished.connect(lambda result, secs: self._finished(kind, path, result, secs))
        job.signals.failed.connect(lambda message: self._failed(path, message))
        self._job = job
        self.pool.start(job)

    def _close_progress(self) -> None:
        self._job = None
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _failed(self, path: str, message: str) -> None:
        self._close_progress()
        QMessageBox.critical(self.parent_widget, self.tr("导出失败"),
                             self.tr("无法写出 {}。\n\n{}").format(path, message))
        self.done.emit("error", path, message)

    def _finished(self, kind: str, path: str, result: object, seconds: float) -> None:
        self._close_progress()
        box = QMessageBox(self.parent_widget)
        box.setWindowTitle(self.tr("导出完成"))
        box.setIcon(QMessageBox.Icon.Information)
        lines = [self.tr("已导出：{}（{:.1f} 秒）").format(path, seconds)]
        details: list[str] = []
        problems = list(result.problems) if isinstance(result, (ExportResult, LaidOutDocument)) else []
        if problems:
            box.setIcon(QMessageBox.Icon.Warning)
            lines.append(self.tr("请注意以下 {} 处：").format(len(problems)))
            for k, n in sorted(Counter(pr.kind for pr in problems).items()):
                lines.append(self.tr("  {}：{} 处").format(press.kind_name(k), n))
            lines += [f"  • {self._line(pr)}" for pr in problems[:8]]
            details = [f"[{press.kind_name(pr.kind)}] {self._line(pr)}" for pr in problems]
        elif isinstance(result, LaidOutDocument) or kind == "pdf":
            lines.append(self.tr("没有发现问题：文字全部排下，图片分辨率足够，没有替代字体。"))
        if ((isinstance(result, ExportResult) and result.pages == 0 and kind == "pdf")
                or (isinstance(result, LaidOutDocument) and not result.pages)):  # never "no problems" when empty
            box.setIcon(QMessageBox.Icon.Warning)
            lines = [ln for ln in lines if ln != self.tr("没有发现问题：文字全部排下，图片分辨率足够，没有替代字体。")]
            lines.insert(1, self.tr("会刊还没有任何版面：导出的是一张空白页。请先添加版面或导入稿件。"))
        box.setText("\n".join(lines))
        if details:
            box.setDetailedText("\n".join(details))
        open_btn = box.addButton(self.tr("打开所在文件夹"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        folder = os.path.dirname(os.path.abspath(path))
        open_btn.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(folder)))
        self.report = box
        box.open()
        self.done.emit(kind, path, result)

    def _line(self, pr) -> str:
        """A report line names where the problem is (page and block) before what it is."""
        where = self.where_fn(pr.block_id) if pr.block_id else ""
        text = describe(pr, i18n.current())
        return self.tr("{where}：{text}").format(where=where, text=text) if where else text

    def wait(self, msecs: int = 60000) -> None:
        self.pool.waitForDone(msecs)

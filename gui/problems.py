"""Problems panel: what stands between this bulletin and the printer.

Lists the layout's problems (overset / underset text, missing portraits, low-resolution images,
fallback fonts, missing glyphs) and the proofreader's findings, each with the block it belongs
to. Double-clicking a row selects that block everywhere. Proofreading findings are read by
attribute name with defaults, so the panel keeps working while proofread/ evolves.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from gui import labels
from gui.layout_runner import LayoutResult

ID_ROLE = Qt.ItemDataRole.UserRole
_SEVERE = {"overset", "missing_glyph", "missing_portrait", "title_fit"}


def finding_fields(f: object) -> tuple[str, str, str]:
    """(block id, rule/kind, message) of a proofreading finding of whatever shape."""
    block_id = str(getattr(f, "block_id", "") or "")
    rule = str(getattr(f, "code", "") or getattr(f, "rule", "") or "proofread")
    message = str(getattr(f, "message", "") or f)
    excerpt = getattr(f, "excerpt", "") or getattr(f, "text", "")
    if excerpt and excerpt not in message:
        message = QCoreApplication.translate("ProblemsPanel", "{message}：{excerpt}").format(
            message=message, excerpt=excerpt)
    suggestion = getattr(f, "suggestion", "")
    if suggestion:
        message = f"{message} → {suggestion}"
    return block_id, rule, message


class ProblemsPanel(QTreeWidget):
    jump = Signal(str)

    def __init__(self, name_of, parent: QWidget | None = None) -> None:
        """``name_of(block_id)`` gives a human name for the block (outline text)."""
        super().__init__(parent)
        self.setObjectName("problems")
        self.name_of = name_of
        self.setColumnCount(3)
        self.setHeaderLabels([self.tr("类型"), self.tr("位置"), self.tr("说明")])
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setColumnWidth(0, 110)
        self.setColumnWidth(1, 220)
        self.itemActivated.connect(self._activated)
        self.itemDoubleClicked.connect(self._activated)

    def show_result(self, result: LayoutResult | None) -> None:
        self.clear()
        if result is None:
            return
        if result.document is not None:
            for pr in result.document.problems:
                self._add(pr.kind, pr.block_id, pr.message, pr.kind in _SEVERE)
        elif result.error:
            self._add("error", "", self.tr("排版出错：{}").format(result.error), True)
        for f in result.findings:
            block_id, _rule, message = finding_fields(f)
            self._add("proofread", block_id, message, getattr(f, "level", "") == "error")

    def _add(self, kind: str, block_id: str, message: str, severe: bool) -> None:
        kind_text = labels.kind_name(kind) if kind != "error" else self.tr("错误")
        item = QTreeWidgetItem([kind_text, self.name_of(block_id) if block_id else "", message])
        item.setData(0, ID_ROLE, block_id)
        item.setToolTip(2, message)
        if severe:
            item.setForeground(0, QBrush(QColor(198, 40, 40)))
        self.addTopLevelItem(item)

    def count_rows(self) -> int:
        return self.topLevelItemCount()

    def _activated(self, item: QTreeWidgetItem, _col: int = 0) -> None:
        block_id = item.data(0, ID_ROLE)
        if block_id:
            self.jump.emit(block_id)

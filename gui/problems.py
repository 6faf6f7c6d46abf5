"""Problems panel: what stands between this bulletin and the printer.

Lists the layout's problems (overset / underset text, missing portraits, low-resolution images,
fallback fonts, missing glyphs) and the proofreader's findings, each with the block it belongs
to. Double-clicking a row selects that block everywhere. Proofreading findings are read by
attribute name with defaults, so the panel keeps working while proofread/ evolves. A finding's
text is shown in the UI language: its Chinese ``message``/``suggestion`` in the Chinese UI, its
``message_en``/``suggestion_en`` in the English one.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTreeWidget, QTreeWidgetItem, QWidget

from gui import i18n, labels
from gui.layout_runner import LayoutResult

ID_ROLE = Qt.ItemDataRole.UserRole
_SEVERE = {"overset", "missing_glyph", "missing_portrait", "title_fit"}


def _in_language(f: object, name: str, english: bool) -> str:
    """``f.<name>`` in the UI language: ``<name>_en`` for English; either one when the other is empty."""
    zh, en = getattr(f, name, "") or "", getattr(f, f"{name}_en", "") or ""
    return str((en or zh) if english else (zh or en))


def finding_fields(f: object, lang: str | None = None) -> tuple[str, str, str]:
    """(block id, rule/kind, message) of a proofreading finding of whatever shape, the message in
    ``lang`` (default: the current UI language)."""
    english = (lang or i18n.current()).split("_")[0] == "en"
    block_id = str(getattr(f, "block_id", "") or "")
    rule = str(getattr(f, "code", "") or getattr(f, "rule", "") or "proofread")
    message = _in_language(f, "message", english) or str(f)
    excerpt = getattr(f, "excerpt", "") or getattr(f, "text", "")
    if excerpt and excerpt not in message:
        message = QCoreApplication.translate("ProblemsPanel", "{message}：{excerpt}").format(
            message=message, excerpt=excerpt)
    suggestion = _in_language(f, "suggestion", english)
    if suggestion:
        message = f"{message} → {suggestion}"
    return block_id, rule, message


FINDING_ROLE = Qt.ItemDataRole.UserRole + 1


class ProblemsPanel(QTreeWidget):
    jump = Signal(str)
    #: the user asked to apply a proofreading finding's suggested replacement
    fixRequested = Signal(object)

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
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)

    def show_result(self, result: LayoutResult | None) -> None:
        self.clear()
        if result is None:
            return
        if result.document is not None:
            for pr in result.document.problems:
                self._add(pr.kind, pr.block_id, self.layout_message(pr), pr.kind in _SEVERE)
        elif result.error:
            self._add("error", "", self.tr("排版出错：{}").format(result.error), True)
        for f in result.findings:
            block_id, _rule, message = finding_fields(f)
            item = self._add("proofread", block_id, message, getattr(f, "level", "") == "error")
            if getattr(f, "replacement", None) is not None:
                item.setData(0, FINDING_ROLE, f)
                item.setToolTip(0, self.tr("右键可一键采用建议"))

    def layout_message(self, pr) -> str:
        """The layout's problem in the UI language, from its kind and numbers (the layout's own
        ``message`` is for the command line and is not translated)."""
        quoted = re.search(r"“(.+?)”", pr.message)
        ch = quoted.group(1) if quoted else ""
        if pr.kind == "overset":
            return self.tr("超出 {chars} 字（{lines} 行）").format(chars=pr.chars, lines=pr.lines)
        if pr.kind == "underset":
            return self.tr("还差 {lines} 行").format(lines=pr.lines)
        if pr.kind == "low_res":
            return self.tr("照片只有 {ppi} ppi，印刷需要 300 ppi").format(ppi=pr.chars)
        if pr.kind == "missing_portrait":
            return self.tr("没有照片")
        if pr.kind == "space":
            size = re.search(r"宽 (\d+) mm × 高 (\d+) mm", pr.message)
            w, h = size.groups() if size else ("?", "?")
            return self.tr("空位 宽 {w} mm × 高 {h} mm：可放图片块或补稿").format(w=w, h=h)
        if pr.kind == "title_fit":
            return self.tr("标题太长，缩小后仍需 {lines} 行").format(lines=pr.lines)
        if pr.kind == "fallback" and ch:
            return self.tr("“{ch}”不在所选字体中，已用其他字体排出").format(ch=ch)
        if pr.kind == "missing_glyph" and ch:
            return self.tr("“{ch}”在所有字体中都没有，排成方框").format(ch=ch)
        return pr.message

    def _add(self, kind: str, block_id: str, message: str, severe: bool) -> QTreeWidgetItem:
        kind_text = labels.kind_name(kind) if kind != "error" else self.tr("错误")
        item = QTreeWidgetItem([kind_text, self.name_of(block_id) if block_id else "", message])
        item.setData(0, ID_ROLE, block_id)
        item.setToolTip(2, message)
        if severe:
            item.setForeground(0, QBrush(QColor(198, 40, 40)))
        self.addTopLevelItem(item)
        return item

    def _menu(self, pos) -> None:
        item = self.itemAt(pos)
        if item is None:
            return
        menu = QMenu(self)
        finding = item.data(0, FINDING_ROLE)
        go = menu.addAction(self.tr("转到"))
        go.triggered.connect(lambda: self._activated(item))
        if finding is not None:
            marked = getattr(finding, "excerpt", "")
            old = marked[marked.find("⟦") + 1:marked.find("⟧")] if "⟦" in marked else ""
            fix = menu.addAction(self.tr("采用建议：“{}” → “{}”").format(old, finding.replacement))
            fix.triggered.connect(lambda: self.fixRequested.emit(finding))
        menu.exec(self.viewport().mapToGlobal(pos))

    def count_rows(self) -> int:
        return self.topLevelItemCount()

    def _activated(self, item: QTreeWidgetItem, _col: int = 0) -> None:
        block_id = item.data(0, ID_ROLE)
        if block_id:
            self.jump.emit(block_id)

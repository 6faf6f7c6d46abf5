"""Edit → 查找和替换 (Ctrl+F / Ctrl+H): find text across the whole bulletin and replace it, undoably.

The search walks the same list of texts the proofreader does (proofread.texts.iter_texts:
banners, headlines, names, titles, bullets, paragraphs … in reading order), so every match has
an address (block, field, index, offset) the fix machinery already knows how to change
(gui/fixes.apply_finding, which also refuses a stale match). "全部替换" is one undo step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.fixes import FixError, apply_finding
from model.document import Bulletin
from proofread.finding import Finding, excerpt
from proofread.texts import iter_texts

translate = QCoreApplication.translate


@dataclass(frozen=True)
class Match:
    block_id: str
    field: str
    index: int | None
    offset: int
    length: int
    text: str  # the whole text the match is in

    def as_fix(self, replacement: str) -> Finding:
        """A Finding that gui/fixes applies: the matched characters → ``replacement``."""
        return Finding(level="warning", code="find", message="", block_id=self.block_id, field=self.field,
                       index=self.index, offset=self.offset, length=self.length,
                       excerpt=excerpt(self.text, self.offset, self.length), replacement=replacement)


def find_all(bulletin: Bulletin, needle: str, *, case: bool = False) -> list[Match]:
    """Every occurrence of ``needle`` in the bulletin's texts, in reading order."""
    if not needle:
        return []
    pattern = re.compile(re.escape(needle), 0 if case else re.IGNORECASE)
    out = []
    for ref in iter_texts(bulletin):
        for m in pattern.finditer(ref.text):
            out.append(Match(ref.block_id, ref.field, ref.index, m.start(), m.end() - m.start(), ref.text))
    return out


def replace_matches(doc, matches: list[Match], replacement: str, label: str) -> int:
    """Replace ``matches`` as ONE undo step; later offsets first so earlier ones stay valid."""
    if not matches:
        return 0
    done = 0
    doc.undo_stack.beginMacro(label)
    try:
        for m in sorted(matches, key=lambda m: (m.block_id, m.field, m.index or 0, m.offset), reverse=True):
            try:
                apply_finding(doc, m.as_fix(replacement))
                done += 1
            except FixError:
                pass  # changed since the search: left alone, the next search shows it again
    finally:
        doc.undo_stack.endMacro()
    return done


class FindReplaceDialog(QDialog):
    """Non-modal: the user keeps editing while it is open; results follow the document."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("findReplace")
        self.window_ = window
        self.setWindowTitle(self.tr("查找和替换"))
        self.find_edit = QLineEdit()
        self.find_edit.setObjectName("findText")
        self.replace_edit = QLineEdit()
        self.replace_edit.setObjectName("replaceText")
        self.case = QCheckBox(self.tr("区分大小写（英文）"))
        form = QFormLayout()
        form.addRow(self.tr("查找"), self.find_edit)
        form.addRow(self.tr("替换为"), self.replace_edit)
        form.addRow("", self.case)
        self.results = QTreeWidget()
        self.results.setObjectName("findResults")
        self.results.setHeaderLabels([self.tr("位置"), self.tr("上下文")])
        self.results.setRootIsDecorated(False)
        self.results.setColumnWidth(0, 200)
        self.results.itemActivated.connect(self._go)
        self.results.itemDoubleClicked.connect(self._go)
        self.count = QLabel()
        self.replace_button = QPushButton(self.tr("替换"))
        self.replace_all_button = QPushButton(self.tr("全部替换"))
        close = QPushButton(self.tr("关闭"))
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_all)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        buttons.addWidget(self.replace_button)
        buttons.addWidget(self.replace_all_button)
        buttons.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.results, 1)
        lay.addLayout(buttons)
        self.matches: list[Match] = []
        self.find_edit.textChanged.connect(self.search)
        self.case.toggled.connect(self.search)
        window.doc.changed.connect(lambda *_: self.search() if self.isVisible() else None)
        window.doc.replaced.connect(lambda: self.search() if self.isVisible() else None)
        self.resize(620, 420)

    def open_for(self, replace: bool) -> None:
        self.show()
        self.raise_()
        self.activateWindow()
        if not self.find_edit.text():
            selected = _selected_text()
            if selected:
                self.find_edit.setText(selected)
        (self.replace_edit if replace and self.find_edit.text() else self.find_edit).setFocus()
        self.search()

    def search(self) -> None:
        self.matches = find_all(self.window_.doc.bulletin, self.find_edit.text(), case=self.case.isChecked())
        self.results.clear()
        for m in self.matches:
            where = self.window_._name_of(m.block_id)
            item = QTreeWidgetItem([where, excerpt(m.text, m.offset, m.length).replace("⟦", "【").replace("⟧", "】")])
            item.setData(0, Qt.ItemDataRole.UserRole, m.block_id)
            self.results.addTopLevelItem(item)
        if self.matches:
            self.results.setCurrentItem(self.results.topLevelItem(0))
        self.count.setText(self.tr("找到 {} 处").format(len(self.matches)) if self.find_edit.text() else "")
        self.replace_button.setEnabled(bool(self.matches))
        self.replace_all_button.setEnabled(bool(self.matches))

    def _go(self, item: QTreeWidgetItem, _col: int = 0) -> None:
        self.window_.select(item.data(0, Qt.ItemDataRole.UserRole))

    def replace_current(self) -> int:
        row = self.results.indexOfTopLevelItem(self.results.currentItem()) if self.results.currentItem() else 0
        if not 0 <= row < len(self.matches):
            return 0
        n = replace_matches(self.window_.doc, [self.matches[row]], self.replace_edit.text(), self.tr("替换"))
        self.search()
        return n

    def replace_all(self) -> int:
        n = replace_matches(self.window_.doc, self.matches, self.replace_edit.text(),
                            self.tr("全部替换“{}”").format(self.find_edit.text()))
        self.search()
        self.count.setText(self.tr("已替换 {} 处").format(n))
        return n


def _selected_text() -> str:
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    w = QApplication.focusWidget()
    if isinstance(w, QLineEdit):
        return w.selectedText()
    if isinstance(w, QPlainTextEdit):
        return w.textCursor().selectedText().replace("\u2029", " ")
    return ""


def dialog_of(window) -> FindReplaceDialog:
    d = getattr(window, "_find_replace", None)
    if d is None:
        d = window._find_replace = FindReplaceDialog(window)
    return d


def add_menu_action(window, menu: QWidget) -> QAction:
    """Edit → 查找和替换… with Ctrl+F (focus on 查找) and Ctrl+H (focus on 替换为)."""
    action = QAction(translate("FindReplace", "查找和替换…"), window)
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
    action.triggered.connect(lambda: dialog_of(window).open_for(replace=False))
    replace = QAction(translate("FindReplace", "替换…"), window)
    replace.setShortcut(QKeySequence("Ctrl+H"))
    replace.triggered.connect(lambda: dialog_of(window).open_for(replace=True))
    menu.addSeparator()
    menu.addAction(action)
    menu.addAction(replace)
    window.act_find = action
    window.act_replace = replace
    return action

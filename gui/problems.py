"""Problems panel: what stands between this bulletin and the printer.

Lists the layout's problems (overset / underset text, missing portraits, low-resolution images,
fallback fonts, missing glyphs) and the proofreader's findings, each with the block it belongs
to. Font problems are one row per (kind, block, role) with the characters listed — a body font
lacking a few hundred characters is one row, not one per character. Double-clicking a row selects that block everywhere. Proofreading findings are read by
attribute name with defaults, so the panel keeps working while proofread/ evolves. A finding's
text is shown in the UI language: its Chinese ``message``/``suggestion`` in the Chinese UI, its
``message_en``/``suggestion_en`` in the English one.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from gui import i18n, labels
from gui import settings as app_settings
from gui.layout_runner import LayoutResult
from layout.messages import describe

ID_ROLE = Qt.ItemDataRole.UserRole
_PER_CHARACTER = {"fallback", "missing_glyph"}  # grouped by (kind, block, role), characters listed
MAX_LISTED = 40  # characters named in one row; the rest are counted
SEVERE_ROLE = Qt.ItemDataRole.UserRole + 2


def group_problems(problems) -> list[tuple[object, list[str]]]:
    """Layout problems in display order, font problems of one kind, block and role merged:
    (first problem of the group, the characters it concerns in order of appearance)."""
    out: list[tuple[object, list[str]]] = []
    groups: dict[tuple[str, str, str], int] = {}
    for pr in problems:
        chars = list(dict.fromkeys(pr.text))
        if pr.kind not in _PER_CHARACTER:
            out.append((pr, chars))
            continue
        key = (pr.kind, pr.block_id, str(getattr(pr, "role", "") or ""))
        if key in groups:
            listed = out[groups[key]][1]
            listed += [c for c in chars if c not in listed]
        else:
            groups[key] = len(out)
            out.append((pr, list(dict.fromkeys(chars))))
    return out


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
FIX_ROLE = Qt.ItemDataRole.UserRole + 3


class ProblemsPanel(QTreeWidget):
    jump = Signal(str)
    #: the user asked to apply a proofreading finding's suggested replacement
    fixRequested = Signal(object)
    #: the user clicked a page fix (gui/makeup_actions.PageFix): a smaller or bigger size, one more page
    pageFixRequested = Signal(object)

    def __init__(self, name_of, parent: QWidget | None = None) -> None:
        """``name_of(block_id)`` says where a block is: its page and its name (第 1 版 · 西安)."""
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
        #: rows shown after every result: (kind, block id, message, severe) — the last import's report
        self.notes: list[tuple[str, str, str, bool]] = []
        #: the measured fixes of short or overset pages (gui/makeup_actions.PageFix), shown as buttons
        self.page_fixes: list = []
        self._result: LayoutResult | None = None

    def show_result(self, result: LayoutResult | None) -> None:
        self.clear()
        self._result = result
        if result is None:
            return
        self._add_page_fixes()
        if result.document is not None:
            for pr, chars in group_problems(result.document.problems):
                message = self.font_message(pr, chars) if pr.kind in _PER_CHARACTER else self.layout_message(pr)
                self._add(pr.kind, pr.block_id, message, pr.severity != "info")
        elif result.error:
            self._add("error", "", self.tr("排版出错：{}").format(result.error), True)
        for f in result.findings:
            block_id, _rule, message = finding_fields(f)
            item = self._add("proofread", block_id, message, getattr(f, "level", "") == "error")
            if getattr(f, "replacement", None) is not None:
                item.setData(0, FINDING_ROLE, f)
                item.setToolTip(0, self.tr("右键可一键采用建议"))
        for kind, block_id, message, severe in self.notes:
            self._add(kind, block_id, message, severe)

    def set_page_fixes(self, fixes: list) -> None:
        """Show these page fixes (measured for the layout shown) above the other rows."""
        if [(f.page_id, f.text()) for f in fixes] == [(f.page_id, f.text()) for f in self.page_fixes]:
            return
        self.page_fixes = list(fixes)
        self.show_result(self._result)

    def _add_page_fixes(self) -> None:
        from PySide6.QtWidgets import QPushButton

        for fix in self.page_fixes:
            item = self._add("fix", fix.page_id, "", False)
            item.setData(0, FIX_ROLE, fix)
            button = QPushButton(fix.text())
            button.setObjectName("pageFixButton")
            button.setToolTip(self.tr("一键修改，可撤销（Ctrl+Z）"))
            button.setSizePolicy(button.sizePolicy().horizontalPolicy(), button.sizePolicy().verticalPolicy())
            button.clicked.connect(lambda _=False, f=fix: self.pageFixRequested.emit(f))
            self.setItemWidget(item, 2, button)

    def fix_buttons(self) -> list:
        """The page fixes' buttons as shown (tests, screenshots)."""
        from PySide6.QtWidgets import QPushButton

        out = []
        for i in range(self.topLevelItemCount()):
            w = self.itemWidget(self.topLevelItem(i), 2)
            if isinstance(w, QPushButton):
                out.append(w)
        return out

    def font_message(self, pr, chars: list[str]) -> str:
        """One row for every character of a block and role its font lacks."""
        listed = "".join(chars[:MAX_LISTED]) + (self.tr("等 {} 个字").format(len(chars)) if len(chars) > MAX_LISTED
                                                else "")
        role = str(getattr(pr, "role", "") or "")
        where = labels.role_name(role) + self.tr("：") if role else ""
        if not chars:
            return where + self.layout_message(pr)
        if pr.kind == "fallback":
            return where + self.tr("“{chars}”不在所选字体中，已用其他字体排出").format(chars=listed)
        return where + self.tr("“{chars}”在所有字体中都没有，排成方框").format(chars=listed)

    def has_severe(self) -> bool:
        """Any row the printer must not get (overset, missing glyph …), not only notes."""
        return any(self.topLevelItem(i).data(0, SEVERE_ROLE) for i in range(self.topLevelItemCount()))

    def layout_message(self, pr) -> str:
        """The layout's problem in the UI language, worded from its facts by the one catalogue."""
        return describe(pr, i18n.current())

    def _add(self, kind: str, block_id: str, message: str, severe: bool) -> QTreeWidgetItem:
        kind_text = (self.tr("错误") if kind == "error" else self.tr("版面建议") if kind == "fix"
                     else labels.kind_name(kind))
        item = QTreeWidgetItem([kind_text, self.name_of(block_id) if block_id else "", message])
        item.setData(0, ID_ROLE, block_id)
        item.setToolTip(2, message)
        item.setData(0, SEVERE_ROLE, severe)
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
        fix_of_page = item.data(0, FIX_ROLE)
        if fix_of_page is not None:
            act = menu.addAction(fix_of_page.text())
            act.triggered.connect(lambda: self.pageFixRequested.emit(fix_of_page))
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


PROBLEMS_SMALL = 72  # px: the problems dock when it holds only informational rows
PROBLEMS_DEFAULT = 160  # px: before the user chose a height


class ProblemsDockSizer(QObject):
    """The problems dock's height: small while it only holds notes (underset, fallback …), the
    height the user last gave it (remembered in the settings) when something must be fixed.
    It resizes only when that changes, so it never fights the user's own resizing."""

    def __init__(self, window: QMainWindow, dock: QDockWidget) -> None:
        super().__init__(dock)  # goes with its dock (the window rebuilds its docks on a language switch)
        self.window, self.dock = window, dock
        self.severe: bool | None = None
        self._sizing = False
        window.resizeDocks([dock], [PROBLEMS_SMALL], Qt.Orientation.Vertical)
        dock.installEventFilter(self)

    @staticmethod
    def height(severe: bool) -> int:
        if not severe:
            return PROBLEMS_SMALL
        try:
            return max(PROBLEMS_SMALL, int(app_settings.settings().value("window/problemsHeight", PROBLEMS_DEFAULT)))
        except (TypeError, ValueError):
            return PROBLEMS_DEFAULT

    def fit(self, severe: bool) -> None:
        if severe == self.severe:
            return
        self.severe = severe
        self._sizing = True
        self.window.resizeDocks([self.dock], [self.height(severe)], Qt.Orientation.Vertical)
        self._sizing = False

    def eventFilter(self, obj: QObject, e: QEvent) -> bool:  # noqa: N802 - Qt's name
        if obj is self.dock and e.type() == QEvent.Type.Resize and not self._sizing and self.severe \
                and self.dock.isVisible() and e.size().height() > PROBLEMS_SMALL:
            app_settings.settings().setValue("window/problemsHeight", e.size().height())
        return False

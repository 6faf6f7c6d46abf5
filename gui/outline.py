"""The outline: bulletin → page setup, pages → banner, headline group, blocks.

The tree is a view of the model, rebuilt from it after structural changes; items carry the
model id, never the object. Drag and drop is reported as a *request* (``moveRequested``) that
the window turns into an undoable MoveItem command — Qt's own item moving is not used, so the
tree can never disagree with the bulletin.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from gui import labels
from model.document import Bulletin, Page
from model.texts import display_name

translate = QCoreApplication.translate
ID_ROLE = Qt.ItemDataRole.UserRole
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
BULLETIN_ID = "bulletin"
SETUP_ID = "page-setup"


class OutlineTree(QTreeWidget):
    selected = Signal(str)
    #: (dragged item id, destination page id — or "" for pages —, index in the destination)
    moveRequested = Signal(str, str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outline")
        self.setHeaderHidden(True)
        # several blocks are deleted, moved or pinned together (Ctrl/Shift+click); the current one has the form
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setIndentation(16)
        self.setUniformRowHeights(True)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._signature: list[tuple[str, str]] = []
        self._problem_ids: set[str] = set()
        self.currentItemChanged.connect(self._current_changed)

    # ------------------------------------------------------------------ building
    def refresh(self, bulletin: Bulletin) -> None:
        """Match the tree to the bulletin; only rebuild when the structure changed."""
        rows = list(_rows(bulletin))
        signature = [(parent, item_id) for parent, item_id, _k, _t in rows]
        if signature == self._signature:
            for _p, item_id, _k, text in rows:
                item = self._items[item_id]
                if item.text(0) != text:
                    item.setText(0, text)
            self._apply_problem_marks()
            return
        current = self.current_id()
        collapsed = {i for i, it in self._items.items() if it.childCount() and not it.isExpanded()}
        self.blockSignals(True)
        self.clear()
        self._items = {}
        for parent, item_id, kind, text in rows:
            item = QTreeWidgetItem([text])
            item.setData(0, ID_ROLE, item_id)
            item.setData(0, KIND_ROLE, kind)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if kind in ("speech", "column", "picture", "page"):
                flags |= Qt.ItemFlag.ItemIsDragEnabled
            if kind in ("page", "speech", "column", "picture", "banner", "headline"):
                flags |= Qt.ItemFlag.ItemIsDropEnabled
            item.setFlags(flags)
            if parent:
                self._items[parent].addChild(item)
            else:
                self.addTopLevelItem(item)
            self._items[item_id] = item
        self.expandAll()
        for item_id in collapsed:
            if item_id in self._items:
                self._items[item_id].setExpanded(False)
        self._signature = signature
        if current in self._items:
            self.setCurrentItem(self._items[current])
        self.blockSignals(False)
        self._apply_problem_marks()

    def set_problem_ids(self, ids: set[str]) -> None:
        self._problem_ids = set(ids)
        self._apply_problem_marks()

    def _apply_problem_marks(self) -> None:
        for item_id, item in self._items.items():
            bad = item_id in self._problem_ids
            item.setForeground(0, QBrush(QColor(198, 40, 40)) if bad else QBrush())

    # ------------------------------------------------------------------ selection
    def current_id(self) -> str:
        item = self.currentItem()
        return item.data(0, ID_ROLE) if item is not None else ""

    def selected_ids(self) -> list[str]:
        """The ids of every selected item in tree order (the current one when none is selected)."""
        chosen = {id(it) for it in self.selectedItems()}
        ids = [item_id for _p, item_id in self._signature if id(self._items[item_id]) in chosen]
        current = self.current_id()
        return ids if ids else ([current] if current else [])

    def select_many(self, ids: list[str]) -> None:
        """Select these items (the first becomes current), e.g. after a group move."""
        items = [self._items[i] for i in ids if i in self._items]
        if not items:
            return
        self.blockSignals(True)
        self.setCurrentItem(items[0])
        for it in items[1:]:
            it.setSelected(True)
        self.blockSignals(False)

    def select(self, item_id: str) -> None:
        item = self._items.get(item_id)
        if item is not None and item is not self.currentItem():
            self.blockSignals(True)
            self.setCurrentItem(item)
            self.scrollToItem(item)
            self.blockSignals(False)

    def _current_changed(self, current: QTreeWidgetItem | None, _prev) -> None:
        if current is not None:
            self.selected.emit(current.data(0, ID_ROLE))

    # ------------------------------------------------------------------ drag and drop
    def dropEvent(self, e: QDropEvent) -> None:  # noqa: N802
        source = self.currentItem()
        target = self.itemAt(e.position().toPoint())
        e.setDropAction(Qt.DropAction.IgnoreAction)
        e.accept()
        if source is None or target is None:
            return
        pos = self.dropIndicatorPosition()
        request = self.drop_target(source, target, pos)
        if request is not None:
            # After the drag loop has unwound: the move rebuilds this tree.
            QTimer.singleShot(0, lambda r=request: self.moveRequested.emit(*r))

    def drop_target(self, source: QTreeWidgetItem, target: QTreeWidgetItem,
                    pos: QAbstractItemView.DropIndicatorPosition) -> tuple[str, str, int] | None:
        """Where a dropped item should go, as (item id, page id, index among the page's blocks)."""
        kind = source.data(0, KIND_ROLE)
        tkind = target.data(0, KIND_ROLE)
        sid = source.data(0, ID_ROLE)
        P = QAbstractItemView.DropIndicatorPosition
        if kind == "page":
            if tkind != "page":
                target = target.parent()
                if target is None or target.data(0, KIND_ROLE) != "page":
                    return None
            pages = [self._items[i] for _p, i in self._signature if self._items[i].data(0, KIND_ROLE) == "page"]
            index = pages.index(target) + (1 if pos == P.BelowItem else 0)
            if pages.index(source) < index:
                index -= 1
            return sid, "", index
        if tkind == "page":  # onto a page: append to its blocks
            return sid, target.data(0, ID_ROLE), 10**6
        page = target.parent()
        if page is None or page.data(0, KIND_ROLE) != "page":
            return None
        blocks = [page.child(i) for i in range(page.childCount())
                  if page.child(i).data(0, KIND_ROLE) in ("speech", "column", "picture")]
        if tkind in ("banner", "headline"):
            index = 0
        else:
            index = blocks.index(target) + (0 if pos == P.AboveItem else 1)
        if source in blocks and blocks.index(source) < index:
            index -= 1
        return sid, page.data(0, ID_ROLE), index


#: model.texts.NAME_WORDS, marked for translation (lupdate reads these literals)
_NAME_WORDS = {
    "page": QT_TRANSLATE_NOOP("Outline", "第 {} 页"),
    "speech": QT_TRANSLATE_NOOP("Outline", "讲话摘编"),
    "banner": QT_TRANSLATE_NOOP("Outline", "版头"),
    "headline": QT_TRANSLATE_NOOP("Outline", "标题"),
    "column": QT_TRANSLATE_NOOP("Outline", "（未命名栏目）"),
    "picture": QT_TRANSLATE_NOOP("Outline", "图片"),
}


def item_text(item: object, page_number: int = 0) -> str:
    """How an item is named in the outline, the problems list and undo texts (in the UI language);
    a block whose span, row or height the editor pinned says so, an article that continues on
    the next page (转版) too, and so does a fixed page."""
    words = {k: translate("Outline", v) for k, v in _NAME_WORDS.items()}
    text = display_name(item, page_number, words=words)
    pl = getattr(item, "placement", None)
    if pl is not None and (pl.columns or pl.height_mm or pl.row is not None):
        parts = ([translate("Outline", "{} 栏").format(pl.columns)] if pl.columns else []) + (
            [translate("Outline", "高 {} 毫米").format(f"{pl.height_mm:.0f}")] if pl.height_mm else [])
        text += "  ［" + translate("Outline", "固定") + (" " + " ".join(parts) if parts else "") + "］"
    if pl is not None and getattr(pl, "continues", False):
        text += "  ［" + translate("Outline", "转版") + "］"
    if isinstance(item, Page) and item.fixed_layout:
        text += "  ［" + translate("Outline", "固定版面") + "］"
    return text


def _rows(b: Bulletin):
    """(parent id, id, kind, text) in tree order."""
    yield "", BULLETIN_ID, "bulletin", b.publication or translate("Outline", "会刊")
    ps = b.page_setup
    yield BULLETIN_ID, SETUP_ID, "setup", translate("Outline", "版面设置") + f"  {labels.preset_short(ps.preset)}"
    for n, page in enumerate(b.pages, 1):
        yield BULLETIN_ID, page.id, "page", item_text(page, n)
        if page.banner is not None:
            yield page.id, page.banner.id, "banner", item_text(page.banner)
        if page.headline is not None:
            yield page.id, page.headline.id, "headline", item_text(page.headline)
        for block in page.blocks:
            yield page.id, block.id, block.type, item_text(block)

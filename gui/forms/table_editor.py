"""The column form's part for news photos and tables: captions, rows and cells.

A table is edited as a grid (QTableWidget): each cell edit, each added or removed row is one
undo step (``SetValue`` on the row or the table), so Ctrl+Z takes back exactly what was done.
Photos show their caption, editable, and can be removed from the column (one step too).
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.commands import InsertItem, SetValue
from model.document import ColumnBlock, ColumnTable, PictureBlock, TableRow


class TableEditor(QWidget):
    """One table: the grid and its row buttons."""

    def __init__(self, doc, block: ColumnBlock, table: ColumnTable, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.block = block
        self.table = table
        self.grid = QTableWidget()
        self.grid.setObjectName(f"table{number}")
        self.grid.verticalHeader().setVisible(True)
        self.grid.horizontalHeader().setVisible(False)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.itemChanged.connect(self._cell_edited)
        add = QPushButton(self.tr("加一行"))
        add.setObjectName(f"table{number}AddRow")
        add.clicked.connect(self.add_row)
        remove = QPushButton(self.tr("删除所选行"))
        remove.setObjectName(f"table{number}RemoveRow")
        remove.clicked.connect(lambda: self.remove_row(self.grid.currentRow()))
        drop = QPushButton(self.tr("删除表格"))
        drop.clicked.connect(self.remove_table)
        self.add_button, self.remove_button, self.drop_button = add, remove, drop
        buttons = QHBoxLayout()
        for b in (add, remove, drop):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.grid)
        lay.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        t = self.table
        with QSignalBlocker(self.grid):
            self.grid.setRowCount(len(t.rows))
            self.grid.setColumnCount(t.width)
            for r, row in enumerate(t.rows):
                for c in range(t.width):
                    text = row.cells[c] if c < len(row.cells) else ""
                    item = self.grid.item(r, c)
                    if item is None:
                        self.grid.setItem(r, c, QTableWidgetItem(text))
                    elif item.text() != text:
                        item.setText(text)
        self.grid.setFixedHeight(min(320, 8 + self.grid.horizontalHeader().height()
                                     + sum(self.grid.rowHeight(r) for r in range(len(t.rows)))))

    def _cell_edited(self, item: QTableWidgetItem) -> None:
        r, c = item.row(), item.column()
        if not 0 <= r < len(self.table.rows):
            return
        row = self.table.rows[r]
        cells = list(row.cells) + [""] * (self.table.width - len(row.cells))
        if cells[c] == item.text():
            return
        cells[c] = item.text()
        self.doc.push(SetValue(self.doc, row, "cells", cells, self.tr("修改表格")))

    def add_row(self) -> None:
        rows = [*self.table.rows, TableRow([""] * max(1, self.table.width))]
        self.doc.push(SetValue(self.doc, self.table, "rows", rows, self.tr("添加表格行"), structural=True))

    def remove_row(self, r: int) -> None:
        if not 0 <= r < len(self.table.rows):
            r = len(self.table.rows) - 1
        if r < 0:
            return
        rows = [row for k, row in enumerate(self.table.rows) if k != r]
        label = self.tr("删除表格行")
        stack = self.doc.undo_stack
        stack.beginMacro(label)  # one step, the heading count kept within the rows
        try:
            if self.table.header_rows > len(rows):
                self.doc.push(SetValue(self.doc, self.table, "header_rows", len(rows), label))
            self.doc.push(SetValue(self.doc, self.table, "rows", rows, label, structural=True))
        finally:
            stack.endMacro()

    def remove_table(self) -> None:
        tables = [t for t in self.block.tables if t is not self.table]
        self.doc.push(SetValue(self.doc, self.block, "tables", tables, self.tr("删除表格"), structural=True))


class ColumnInserts(QWidget):
    """Every news photo (caption, remove) and table of a column, and "add a table"."""

    def __init__(self, doc, block: ColumnBlock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.block = block
        self.lay = QVBoxLayout(self)
        self.lay.setContentsMargins(0, 0, 0, 0)
        self.editors: list[TableEditor] = []
        self.captions: list[QLineEdit] = []
        self._shape: tuple = ()
        self.add_table_button = QPushButton(self.tr("添加表格"))
        self.add_table_button.setObjectName("addTable")
        self.add_table_button.clicked.connect(self.add_table)
        doc.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, _obj: object, _structural: bool) -> None:
        self.refresh()

    def _current_shape(self) -> tuple:
        return (tuple(id(p) for p in self.block.photos),
                tuple((id(t), len(t.rows), t.width) for t in self.block.tables))

    def refresh(self) -> None:
        shape = self._current_shape()
        if shape == self._shape:
            for editor in self.editors:
                editor.refresh()
            for edit, photo in zip(self.captions, self.block.photos):
                if edit.text() != photo.caption and not edit.hasFocus():
                    edit.setText(photo.caption)
            return
        self._shape = shape
        while self.lay.count():
            w = self.lay.takeAt(0).widget()
            if w is not None and w is not self.add_table_button:
                w.deleteLater()
        self.editors, self.captions = [], []
        for k, photo in enumerate(self.block.photos):
            row = QWidget()
            h = QHBoxLayout(row)
            h.setContentsMargins(0, 0, 0, 0)
            h.addWidget(QLabel(self.tr("新闻图片 {}").format(k + 1)))
            edit = QLineEdit(photo.caption)
            edit.setObjectName(f"photoCaption{k}")
            edit.setPlaceholderText(self.tr("图片说明，如：图为……"))
            edit.editingFinished.connect(lambda e=edit, p=photo: self._set_caption(p, e.text()))
            h.addWidget(edit, 1)
            beside = QPushButton(self.tr("移到栏旁"))
            beside.setObjectName(f"photoBeside{k}")
            beside.setToolTip(self.tr("栏太窄时：把这张图片移出栏目，作为紧挨栏目的图片块（可跨栏）"))
            beside.clicked.connect(lambda _c=False, p=photo: self.photo_to_block(p))
            h.addWidget(beside)
            remove = QPushButton(self.tr("移除"))
            remove.clicked.connect(lambda _c=False, p=photo: self._remove_photo(p))
            h.addWidget(remove)
            self.captions.append(edit)
            self.lay.addWidget(row)
        for k, table in enumerate(self.block.tables):
            self.lay.addWidget(QLabel(self.tr("表格 {}（第 {} 段后）").format(k + 1, table.after)))
            editor = TableEditor(self.doc, self.block, table, k)
            self.editors.append(editor)
            self.lay.addWidget(editor)
        self.lay.addWidget(self.add_table_button)

    def _set_caption(self, photo, text: str) -> None:
        if text != photo.caption:
            self.doc.push(SetValue(self.doc, photo, "caption", text, self.tr("修改图片说明")))

    def _remove_photo(self, photo) -> None:
        photos = [p for p in self.block.photos if p is not photo]
        self.doc.push(SetValue(self.doc, self.block, "photos", photos, self.tr("移除新闻图片"), structural=True))

    def photo_to_block(self, photo) -> PictureBlock | None:
        """The photo leaves the column and becomes a picture block right after it, with its
        caption (one undo step): what a make-up editor does when a column is too narrow."""
        page = next((pg for pg in self.doc.bulletin.pages if any(b is self.block for b in pg.blocks)), None)
        if page is None:
            return None
        index = next(i for i, b in enumerate(page.blocks) if b is self.block)
        block = PictureBlock(picture=photo.picture, caption=photo.caption)
        label = self.tr("新闻图片移到栏旁")
        stack = self.doc.undo_stack
        stack.beginMacro(label)
        try:
            photos = [p for p in self.block.photos if p is not photo]
            self.doc.push(SetValue(self.doc, self.block, "photos", photos, label, structural=True))
            self.doc.push(InsertItem(self.doc, page, "blocks", index + 1, block, label))
        finally:
            stack.endMacro()
        return block

    def add_table(self) -> None:
        table = ColumnTable([TableRow(["项目", "数量"]), TableRow(["", ""])], header_rows=1,
                            after=len(self.block.paragraphs))
        self.doc.push(SetValue(self.doc, self.block, "tables", [*self.block.tables, table], self.tr("添加表格"),
                               structural=True))

"""The editor's main window (outline of pages and blocks)."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QMainWindow, QTreeWidget, QTreeWidgetItem

from model.document import Bulletin, ColumnBlock, SpeechBlock


class MainWindow(QMainWindow):
    def __init__(self, bulletin: Bulletin, path: str | None) -> None:
        super().__init__()
        self.bulletin = bulletin
        self.path = path
        self.outline = QTreeWidget()
        self.outline.setHeaderLabels([self.tr("内容")])
        self.setCentralWidget(self.outline)
        self.setWindowTitle(f"{os.path.basename(path) if path else self.tr('示例会刊')} — {self.tr('会刊编辑器')}")
        self.rebuild_outline()

    def rebuild_outline(self) -> None:
        self.outline.clear()
        root = QTreeWidgetItem([self.bulletin.publication or self.tr("会刊")])
        self.outline.addTopLevelItem(root)
        for n, page in enumerate(self.bulletin.pages, 1):
            pitem = QTreeWidgetItem([self.tr("第 %n 页", "", n)])
            root.addChild(pitem)
            if page.banner:
                pitem.addChild(QTreeWidgetItem([self.tr("版头") + "  " + " · ".join(page.banner.lines)]))
            if page.headline:
                pitem.addChild(QTreeWidgetItem([self.tr("标题") + "  " + page.headline.title]))
            for block in page.blocks:
                if isinstance(block, SpeechBlock):
                    text = self.tr("讲话摘编") + "  " + block.speaker.name
                elif isinstance(block, ColumnBlock):
                    who = block.person.name if block.person else block.organisation
                    text = f"{block.region}  {who}  {block.headline}"
                pitem.addChild(QTreeWidgetItem([text]))
        self.outline.expandAll()

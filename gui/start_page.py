"""The window without a document: what 文件 → 关闭 leaves (as an office suite's start centre).

Closing a document is not quitting: the window stays with the ways to start the next piece of
work — 从稿件新建 (the weekly job: the cities' files become a bulletin), 新建 from a template,
打开, the recent files — and files dropped on it start a bulletin from submissions.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui import settings as app_settings
from gui.templates import TEMPLATES, template_name


class StartPage(QWidget):
    """Buttons for the next document; the window connects the signals to its file actions."""

    fromSubmissions = Signal()
    newFromTemplate = Signal(str)
    openFile = Signal()
    openRecent = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        self.setAcceptDrops(True)
        title = QLabel(self.tr("会刊编辑器"))
        title.setObjectName("startTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        title.setFont(font)
        hint = QLabel(self.tr("各地市的稿件到了？点“从稿件新建”，或把稿件文件拖到这里。"))
        hint.setWordWrap(True)

        self.from_submissions = QPushButton(self.tr("从稿件新建…"))
        self.from_submissions.setObjectName("startFromSubmissions")
        self.from_submissions.setDefault(True)
        self.from_submissions.setMinimumHeight(40)
        self.from_submissions.clicked.connect(self.fromSubmissions.emit)
        self.open_button = QPushButton(self.tr("打开…"))
        self.open_button.setObjectName("startOpen")
        self.open_button.clicked.connect(self.openFile.emit)
        buttons = QVBoxLayout()
        buttons.addWidget(self.from_submissions)
        self.template_buttons: dict[str, QPushButton] = {}
        for key in TEMPLATES:
            b = QPushButton(self.tr("新建：{}").format(template_name(key)))
            b.setObjectName(f"startNew_{key}")
            b.clicked.connect(lambda _=False, k=key: self.newFromTemplate.emit(k))
            buttons.addWidget(b)
            self.template_buttons[key] = b
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)

        self.recent = QListWidget()
        self.recent.setObjectName("startRecent")
        self.recent.itemActivated.connect(lambda it: self.openRecent.emit(it.data(Qt.ItemDataRole.UserRole)))
        recent_box = QVBoxLayout()
        recent_box.addWidget(QLabel(self.tr("最近打开")))
        recent_box.addWidget(self.recent, 1)

        panel = QFrame()
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setMaximumWidth(820)
        inner = QVBoxLayout(panel)
        inner.addWidget(title)
        inner.addWidget(hint)
        row = QHBoxLayout()
        row.addLayout(buttons, 2)
        row.addLayout(recent_box, 3)
        inner.addLayout(row, 1)
        panel.setMaximumHeight(460)
        row_box = QHBoxLayout()
        row_box.addStretch(1)
        row_box.addWidget(panel, 4)
        row_box.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row_box, 3)
        outer.addStretch(2)
        self.refresh()

    def refresh(self) -> None:
        """The recent files as they are now (a file gone since is left out)."""
        self.recent.clear()
        for path in app_settings.recent_files():
            if not os.path.exists(path):
                continue
            item = QListWidgetItem(f"{os.path.basename(path)}    {os.path.dirname(path)}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            self.recent.addItem(item)
        if not self.recent.count():
            empty = QListWidgetItem(self.tr("（无）"))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(empty)

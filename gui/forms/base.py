"""Common ground of the item forms: context, binder, titled sections.

A form edits one model item (the bulletin, a page, a block). It never changes the model
directly: its Binder pushes commands onto the document's undo stack, and it refreshes itself
whenever the document changes (undo, redo, edits made elsewhere).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from gui.document import Document
from gui.forms.binding import Binder
from gui.layout_runner import LayoutRunner
from layout.types import LaidOutDocument

COMBO_MIN_CHARS = 8  # a combo box is at least this wide; longer items are shown in full in its list


class FormContext(Protocol):
    """What a form needs from the window: the document and the latest layout."""

    doc: Document
    runner: LayoutRunner

    def dialog_parent(self) -> QWidget: ...


def laid_out(ctx: FormContext) -> LaidOutDocument | None:
    result = ctx.runner.result
    return result.document if result is not None else None


class Form(QWidget):
    """Base class; subclasses build their widgets in ``__init__`` and bind them."""

    def __init__(self, ctx: FormContext, item: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.doc = ctx.doc
        self.item = item
        self.binder = Binder(self.doc, self)
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(10, 10, 10, 10)
        self.outer.setSpacing(10)

    def obj(self) -> object:
        return self.item

    def heading(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("formHeading")
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        label.setFont(font)
        self.outer.addWidget(label)
        self.heading_label = label
        return label

    def section(self, title: str) -> QFormLayout:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # narrow dock: label above its field
        self.outer.addWidget(box)
        return form

    def finish(self) -> None:
        """Close the form: the rest of the panel stays empty; no combo box (a long font name)
        makes the form wider than a 1024-px screen's form dock."""
        self.outer.addStretch(1)
        for combo in self.findChildren(QComboBox):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(COMBO_MIN_CHARS)

    def focus_part(self, _part: str) -> None:
        """Put the cursor in the part of the form that belongs to a sub-item (banner, headline)."""


def line_edit(placeholder: str = "", name: str = "") -> QLineEdit:
    w = QLineEdit()
    w.setPlaceholderText(placeholder)
    w.setClearButtonEnabled(False)
    if name:
        w.setObjectName(name)
    return w


def lines_edit(placeholder: str = "", name: str = "", rows: int = 3) -> QPlainTextEdit:
    w = QPlainTextEdit()
    w.setPlaceholderText(placeholder)
    w.setTabChangesFocus(True)
    w.setFixedHeight(12 + rows * w.fontMetrics().lineSpacing())
    if name:
        w.setObjectName(name)
    return w

"""The pins of a block (issue 10): span, row and height the editor fixed, and 取消固定.

A pin is what the editor decided and the layout must keep; 0 in a field means "the layout
decides" (shown as 自动). Dragging a block's edge in the preview sets the same values, so the
form always shows what is pinned, whichever way it was pinned.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QPushButton, QSpinBox, QWidget

from gui.commands import SetValue
from gui.forms.binding import Binder, Binding


class PinBox(QWidget):
    def __init__(self, doc, block, binder: Binder, *, show_span: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.block = block
        lay = QFormLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.span = QSpinBox()
        self.span.setObjectName("pinSpan")
        self.span.setRange(0, doc.bulletin.page_setup.columns)
        self.span.setSpecialValueText(self.tr("自动"))
        self.span.setSuffix(self.tr(" 栏"))
        self.height = QDoubleSpinBox()
        self.height.setObjectName("pinHeight")
        self.height.setRange(0, doc.bulletin.page_setup.height_mm)
        self.height.setDecimals(1)
        self.height.setSpecialValueText(self.tr("自动"))
        self.height.setSuffix(self.tr(" 毫米"))
        self.row = QSpinBox()
        self.row.setObjectName("pinRow")
        self.row.setRange(0, 50)
        self.row.setSpecialValueText(self.tr("自动"))
        self.row.setPrefix(self.tr("第 "))
        self.row.setSuffix(self.tr(" 行起"))
        self.unpin = QPushButton(self.tr("取消固定"))
        self.unpin.setObjectName("unpin")
        if show_span:
            lay.addRow(self.tr("固定占栏"), self.span)
        else:
            self.span.hide()
        lay.addRow(self.tr("固定高度"), self.height)
        lay.addRow(self.tr("固定行"), self.row)
        lay.addRow(self.unpin)
        pl = lambda: self.block.placement  # noqa: E731 - read at refresh time, after undo
        binder.add(Binding(self.span, lambda: pl().columns or 0, self.span.value, self.span.setValue,
                           lambda v, k: self._set(k, columns=v or None)), self.span.valueChanged)
        binder.add(Binding(self.height, lambda: pl().height_mm or 0.0, self.height.value, self.height.setValue,
                           lambda v, k: self._set(k, height_mm=v or None)), self.height.valueChanged)
        binder.add(Binding(self.row, lambda: 0 if pl().row is None else pl().row + 1, self.row.value,
                           self.row.setValue, lambda v, k: self._set(k, row=v - 1 if v else None)),
                   self.row.valueChanged)
        self.unpin.clicked.connect(self._unpin)

    def _set(self, key: object, **changes) -> None:
        new = replace(self.block.placement, **changes)
        self.doc.push(SetValue(self.doc, self.block, "placement", new, self.tr("修改固定位置"), key))

    def _unpin(self) -> None:
        from gui.makeup import unpin

        self.doc.break_merge()
        unpin(self.doc, self.block)

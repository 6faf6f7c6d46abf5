"""Two-way binding between form widgets and model attributes, through undo commands.

Why not Qt's model/view or QDataWidgetMapper: the model is plain dataclasses and every change
must be an undoable command. A binding knows how to read the model value, read and write the
widget value, and which command to push. ``refresh`` rewrites a widget only when its value
differs from the model's (compared after normalising), so a refresh triggered by the user's
own keystroke never moves the cursor or eats a trailing newline being typed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QSignalBlocker
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLineEdit, QPlainTextEdit, QSpinBox

from gui.commands import SetValue
from gui.document import Document
from model.clean_text import clean_value


@dataclass
class Binding:
    widget: QObject
    get_model: Callable[[], Any]
    get_widget: Callable[[], Any]
    set_widget: Callable[[Any], None]
    apply: Callable[[Any, object], None]  # (new value, merge key) -> push a command
    on_refresh: Callable[[Any], None] | None = None  # told the model value after every change


def lines_of(text: str) -> list[str]:
    """A multi-line field as the list the model stores: trimmed, blank lines dropped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class Binder(QObject):
    """Owns the bindings of one form; refreshes them whenever the document changes."""

    def __init__(self, doc: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.bindings: list[Binding] = []
        doc.changed.connect(self._on_changed)

    # --------------------------------------------------------------------------- plumbing
    def add(self, binding: Binding, signal) -> Binding:
        self.bindings.append(binding)
        signal.connect(lambda *_a, b=binding: self._widget_changed(b))
        self._refresh_one(binding)
        return binding

    def _widget_changed(self, b: Binding) -> None:
        value = b.get_widget()
        value, notes = clean_value(value)  # a broken paste must not make the bulletin unsaveable
        if notes:
            with QSignalBlocker(b.widget):
                b.set_widget(value)
            self.doc.noted.emit(self.tr("已删除无法保存的字符（粘贴的文字有损坏）：{}").format("；".join(notes)))
        if _equal(value, b.get_model()):
            return
        b.apply(value, (id(b), self.doc.merge_epoch))

    def _on_changed(self, _obj: object, _structural: bool) -> None:
        self.refresh()

    def refresh(self) -> None:
        for b in self.bindings:
            self._refresh_one(b)

    def _refresh_one(self, b: Binding) -> None:
        try:
            value = b.get_model()
        except (AttributeError, IndexError):  # the object left the document (deleted)
            return
        if not _equal(value, b.get_widget()):
            with QSignalBlocker(b.widget):
                b.set_widget(value)
        if b.on_refresh is not None:
            b.on_refresh(value)

    def set_attr(self, obj_fn: Callable[[], object], attr: str, label: str, *, structural: bool = False):
        """An ``apply`` that sets ``obj.attr`` with a mergeable SetValue."""

        def apply(value: Any, key: object) -> None:
            self.doc.push(SetValue(self.doc, obj_fn(), attr, value, label, key, structural))

        return apply

    # --------------------------------------------------------------------------- helpers
    def line(self, w: QLineEdit, obj_fn: Callable[[], object], attr: str, label: str) -> Binding:
        return self.add(
            Binding(w, lambda: getattr(obj_fn(), attr), w.text, w.setText, self.set_attr(obj_fn, attr, label)),
            w.textEdited,
        )

    def text_lines(self, w: QPlainTextEdit, obj_fn: Callable[[], object], attr: str, label: str,
                   normalise: Callable[[list[str]], list[str]] = lambda x: x) -> Binding:
        """A list[str] attribute edited one item per line."""
        return self.add(
            Binding(
                w,
                lambda: list(getattr(obj_fn(), attr)),
                lambda: normalise(lines_of(w.toPlainText())),
                lambda v: w.setPlainText("\n".join(v)),
                self.set_attr(obj_fn, attr, label),
            ),
            w.textChanged,
        )

    def spin(self, w: QSpinBox | QDoubleSpinBox, obj_fn: Callable[[], object], attr: str, label: str) -> Binding:
        return self.add(
            Binding(w, lambda: getattr(obj_fn(), attr), w.value, w.setValue, self.set_attr(obj_fn, attr, label)),
            w.valueChanged,
        )

    def combo(self, w: QComboBox, obj_fn: Callable[[], object], attr: str, label: str) -> Binding:
        """A combo box whose item data are the model values."""

        def set_widget(v: Any) -> None:
            i = w.findData(v)
            w.setCurrentIndex(i)

        return self.add(
            Binding(w, lambda: getattr(obj_fn(), attr), w.currentData, set_widget, self.set_attr(obj_fn, attr, label)),
            w.currentIndexChanged,
        )

    def check(self, w: QCheckBox, obj_fn: Callable[[], object], attr: str, label: str) -> Binding:
        return self.add(
            Binding(w, lambda: bool(getattr(obj_fn(), attr)), w.isChecked, w.setChecked,
                    self.set_attr(obj_fn, attr, label)),
            w.toggled,
        )


def _equal(a: Any, b: Any) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        try:
            return abs(float(a) - float(b)) < 1e-9
        except (TypeError, ValueError):
            return False
    return a == b

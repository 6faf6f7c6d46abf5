"""The mouse wheel scrolls a form; it never changes a field the user has not clicked into.

Why: a form is a long scrolling panel full of combo and spin boxes. Qt lets the wheel change
whichever of them is under the pointer, so scrolling the page-setup panel silently changed the
subtitle font. One application-wide event filter (not a subclass per widget kind) applies the
rule every word processor follows: in a form, the wheel over a field without keyboard focus
scrolls the panel; once the user clicked or tabbed into the field, the wheel changes its value.
The fields also stop taking focus from the wheel (``StrongFocus``), else the first turn of the
wheel would give them focus and the second would change them.

Every event of the application passes through the filter, into Python. The main window
installs it when it is first shown, not when it starts being built: the 1,800 events of
building the window and the 500 of showing it (≈ 18 ms of the editor's start) are then not
filtered, and the fields made meanwhile are set as the filter would have set them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QWidget,
)

_FIELDS = (QComboBox, QAbstractSpinBox, QAbstractSlider)


def _ancestor(w: QWidget, kind: type) -> QWidget | None:
    """The nearest parent of ``w`` that is a ``kind``, or None."""
    p = w.parentWidget()
    while p is not None and not isinstance(p, kind):
        p = p.parentWidget()
    return p


def _in_form(w: QWidget) -> bool:
    from gui.forms.base import Form

    return _ancestor(w, Form) is not None


def _guarded(obj: QObject) -> QWidget | None:
    """The form field ``obj`` is (or is part of, like a spin box's line edit), else None."""
    if not isinstance(obj, QWidget) or isinstance(obj, QScrollBar):
        return None
    w = obj if isinstance(obj, _FIELDS) else obj.parentWidget()
    if not isinstance(w, _FIELDS) or isinstance(w, QScrollBar):
        return None
    return w if _in_form(w) else None


def _steady(obj: QObject) -> None:
    """A form field takes no focus from the wheel."""
    w = _guarded(obj)
    if w is not None and w.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        w.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def _scroll_area(w: QWidget) -> QAbstractScrollArea | None:
    return _ancestor(w, QAbstractScrollArea)


class WheelGuard(QObject):
    """The application's event filter for form fields (see the module docstring)."""

    def eventFilter(self, obj: QObject, e: QEvent) -> bool:  # noqa: N802 - Qt's name
        t = e.type()
        if t == QEvent.Type.Polish or t == QEvent.Type.Show:  # some fields are polished before they join a form
            _steady(obj)
        elif t == QEvent.Type.Wheel:
            w = _guarded(obj)
            if w is not None and not w.hasFocus():
                area = _scroll_area(w)
                if area is not None:
                    horizontal = abs(e.angleDelta().x()) > abs(e.angleDelta().y())
                    bar = area.horizontalScrollBar() if horizontal else area.verticalScrollBar()
                    QApplication.sendEvent(bar, e)
                return True  # the field stays as it is
        return False


_guard: WheelGuard | None = None


def install_wheel_guard() -> WheelGuard | None:
    """Install the one guard on the running application (idempotent)."""
    global _guard
    app = QApplication.instance()
    if app is None:
        return None
    if _guard is None:
        _guard = WheelGuard(app)
        for w in app.allWidgets():  # fields built, polished and shown before the guard was there
            if isinstance(w, _FIELDS):
                _steady(w)
        app.installEventFilter(_guard)
    return _guard

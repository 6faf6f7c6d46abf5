"""The 自动组版 action (Ctrl+Shift+M) the main window installs at start.

Kept apart from gui/auto_makeup.py, whose dialog and the make-up search behind it are imported
when the action is first used rather than with the editor.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

translate = QCoreApplication.translate


def _auto_makeup(window) -> None:
    from gui.auto_makeup import auto_makeup

    auto_makeup(window)


def _bar_of(menu) -> QMenuBar | None:
    """The menu bar ``menu`` stands in: through its parents, or (a menu made without a parent)
    through the bar or menu its menu action was added to."""
    seen: set[int] = set()
    w = menu
    while w is not None and id(w) not in seen:
        seen.add(id(w))
        if isinstance(w, QMenuBar):
            return w
        holder = None
        if isinstance(w, QMenu):
            holder = next((o for o in w.menuAction().associatedObjects() if isinstance(o, (QMenu, QMenuBar))), None)
        w = holder if holder is not None else w.parentWidget()
    return None


def _menus_holding(bar: QMenuBar | None, action: QAction) -> list[QMenu]:
    """The menus of ``bar`` that hold ``action``."""
    if bar is None or not shiboken6.isValid(action):
        return []
    return [m for m in action.associatedObjects() if isinstance(m, QMenu) and _bar_of(m) is bar]


def install_auto_makeup(window, menu: QMenu | None = None) -> QAction:
    """The 自动组版 action (Ctrl+Shift+M) as ``window.act_auto_makeup``, in ``menu`` or else in the
    window's 编辑 menu. Called by gui/makeup.py's ``install`` and by the 版面 menu, in either order
    and again after a language switch rebuilds the menus: the action stands in one menu of the
    current menu bar (the one given wins), and an action of a menu bar torn down is not reused."""
    bar = _bar_of(menu) if menu is not None else (getattr(window, "main_menu", None) or window.menuBar())
    action = getattr(window, "act_auto_makeup", None)
    holding = _menus_holding(bar, action) if action is not None else []
    if not holding:
        action = QAction(translate("AutoMakeup", "自动组版…"), window)
        action.setObjectName("actAutoMakeup")
        action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        tip = translate("AutoMakeup", "按稿件多少选定版数、版面大小和每版栏目，列出最好的几个方案供选择（可撤销）")
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda: _auto_makeup(window))
        window.act_auto_makeup = action
    if menu is None:
        if not holding:
            edit = getattr(window, "edit_menu", None) or getattr(bar, "edit_menu", None)
            if edit is not None:
                edit.addAction(action)
            else:
                window.addAction(action)  # no menu to hold it: the shortcut still works
    else:
        for m in holding:
            if m is not menu:
                m.removeAction(action)
        if action not in menu.actions():
            menu.addAction(action)
    return action

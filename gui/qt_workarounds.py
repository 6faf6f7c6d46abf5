"""Workarounds for bugs in the Qt binding that would otherwise lose the user's work.

PySide6 6.12.0 on Python < 3.12 drops one reference to ``None`` (and, for some virtuals, to
``True``/``False``) every time C++ calls a Python override of a virtual method: each
``paintEvent``, each ``QUndoCommand.redo``/``undo``, each ``QRunnable.run``. After a few
thousand repaints the count reaches zero and CPython aborts with "Fatal Python error:
none_dealloc" — an editor crash mid-typing. (Measured here: 1 000 repaints cost 1 000
references on 6.12.0 and none on 6.11.3; Python 3.12+ is immune because None is immortal
there, PEP 683.)

The guard tops the reference counts of these singletons up by a large margin at start and
re-checks them every minute. Extra references on objects that are never freed cost nothing.
It is a no-op on Python 3.12+ and on binding versions without the bug.
"""

from __future__ import annotations

import ctypes
import sys

_MARGIN = 1 << 30  # ≈ 10⁹ references: days of continuous repainting
_LOW_WATER = 1 << 28
_SINGLETONS = (None, True, False)
_installed = False


def needs_guard() -> bool:
    if sys.version_info >= (3, 12):
        return False
    try:
        import PySide6
    except ImportError:
        return False
    parts = PySide6.__version__.split(".")
    try:
        major, minor = int(parts[0]), int(parts[1])
    except (ValueError, IndexError):
        return True
    return (major, minor) >= (6, 12)


def top_up() -> None:
    """Give None/True/False enough references to survive the leak until the next check."""
    for obj in _SINGLETONS:
        if sys.getrefcount(obj) < _LOW_WATER:
            _incref_many(obj, _MARGIN)


def _incref_many(obj: object, n: int) -> None:
    """``n`` references at once: ob_refcnt is the first field of every PyObject."""
    refcnt = ctypes.c_ssize_t.from_address(id(obj))
    refcnt.value += n


def install_refcount_guard() -> None:
    """Top up now and every minute (needs a running QCoreApplication for the timer)."""
    global _installed
    if _installed or not needs_guard():
        return
    top_up()
    from PySide6.QtCore import QCoreApplication, QTimer

    app = QCoreApplication.instance()
    if app is not None:
        timer = QTimer(app)
        timer.setInterval(60_000)
        timer.timeout.connect(top_up)
        timer.start()
        app._refcount_guard = timer  # keep it alive with the application
    _installed = True

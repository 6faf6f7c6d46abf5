"""No automatic garbage collection while the editor starts (see gui/idle_gc.py).

Apart from gui/idle_gc.py because ``run_gui`` calls it first thing: this module imports no Qt,
so Qt's import still runs beside the thread that reads the document.
"""

from __future__ import annotations

import gc
import sys

#: automatic collection is off for the start (``hold_collections``) until the freeze
_held = False


def held() -> bool:
    return _held


def hold_collections() -> None:
    """No automatic collection until ``idle_gc.freeze_start_up`` (or ``release_collections``)."""
    global _held
    idle_gc = sys.modules.get("gui.idle_gc")
    if _held or not gc.isenabled() or (idle_gc is not None and idle_gc._frozen):
        return
    gc.disable()
    _held = True


def release_collections() -> None:
    """Automatic collection on again, if ``hold_collections`` turned it off (a start that
    never got a first layout to freeze after)."""
    global _held
    if _held:
        _held = False
        gc.enable()

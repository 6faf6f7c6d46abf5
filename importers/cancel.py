"""Stopping an import from outside: the editor's 取消 button while a worker thread reads files.

The worker runs the import inside ``cancellable(token)``; long steps (a LibreOffice conversion,
each file of several, the classification of many lines) call ``check_cancelled()``, which
raises ImportCancelled once the user has pressed 取消. The token lives in a context variable,
so an import on another thread (or from the command line, without a token) is not affected.
"""

from __future__ import annotations

import contextvars
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class ImportCancelled(Exception):
    """The user cancelled the import; nothing was changed."""


class CancelToken:
    """Set from the UI thread, read from the worker; also carries the worker's progress hook."""

    def __init__(self, progress: Callable[[str], None] | None = None) -> None:
        self._event = threading.Event()
        self.progress = progress

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


_current: contextvars.ContextVar[CancelToken | None] = contextvars.ContextVar("import_cancel", default=None)


@contextmanager
def cancellable(token: CancelToken) -> Iterator[CancelToken]:
    reset = _current.set(token)
    try:
        yield token
    finally:
        _current.reset(reset)


def is_cancelled() -> bool:
    token = _current.get()
    return token is not None and token.cancelled


def check_cancelled() -> None:
    """Raise ImportCancelled when the running import's user pressed 取消."""
    if is_cancelled():
        raise ImportCancelled("import cancelled")


def report_progress(message: str) -> None:
    """Tell the waiting user what the import is doing now (no-op without a worker)."""
    token = _current.get()
    if token is not None and token.progress is not None:
        token.progress(message)

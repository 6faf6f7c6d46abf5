"""The status bar: pages, characters, and when the file was last saved.

"Last saved" tells the truth for a file just opened too: the time its file was written (its
modification time), not 尚未保存 (never saved) — that is for a bulletin that has no file yet.
"""

from __future__ import annotations

import datetime as _dt
import os

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from gui.document import Document
from model.document import Bulletin, block_texts, char_count


class StatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.pages = QLabel()
        self.chars = QLabel()
        self.saved = QLabel()
        for w in (self.pages, self.chars, self.saved):
            w.setContentsMargins(8, 0, 8, 0)
            self.addPermanentWidget(w)
        self._char_counts: dict[tuple[str, ...], int] = {}

    def show_counts(self, b: Bulletin) -> None:
        chars = 0
        counts: dict[tuple[str, ...], int] = {}
        for page in b.pages:
            for item in (page.banner, page.headline, *page.blocks):
                if item is not None:
                    texts = tuple(block_texts(item))
                    n = self._char_counts.get(texts)
                    if n is None:
                        n = char_count(list(texts))
                    counts[texts] = n
                    chars += n
        self._char_counts = counts  # only the blocks typed into are counted again
        self.pages.setText(self.tr("共 %n 版", "", len(b.pages)))
        self.chars.setText(self.tr("{} 字").format(chars))

    def show_saved(self, doc: Document) -> None:
        when = doc.saved_at
        if when is None and doc.path and not doc.recovered:
            try:  # opened from a file: it was saved when that file was written
                when = _dt.datetime.fromtimestamp(os.path.getmtime(doc.path))
            except OSError:
                when = None
        if when is not None:
            today = when.date() == _dt.date.today()
            self.saved.setText(self.tr("上次保存 {}").format(when.strftime("%H:%M" if today else "%Y-%m-%d %H:%M")))
        else:
            self.saved.setText(self.tr("尚未保存"))

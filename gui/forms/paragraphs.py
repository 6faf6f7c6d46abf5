"""Body text editor: one paragraph per line, with a per-paragraph bold run-in lead toggle.

Why a plain text field and not a rich-text editor: the model stores paragraphs as text plus
one flag (``Paragraph.lead``), and the newspaper's typography is decided by the layout, not by
the user's formatting. Pasting from Word therefore brings text only. The lead sentence of a
flagged paragraph is shown bold here (by a syntax highlighter) so the flag is visible.
"""

from __future__ import annotations

import difflib
import re

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QToolButton, QVBoxLayout, QWidget

from gui.commands import SetValue
from gui.document import Document
from model.document import Paragraph, char_count

_LEAD_END = re.compile(r"[。！？]")


def paragraphs_from_text(text: str, old: list[Paragraph]) -> list[Paragraph]:
    """Paragraphs for the edited text, carrying each old paragraph's lead flag along.

    Lines are matched to the old paragraphs with difflib, so inserting, deleting or splitting
    a paragraph keeps the flags of the others where they were.
    """
    new_texts = [line.strip() for line in text.splitlines() if line.strip()]
    old_texts = [p.text for p in old]
    leads = [False] * len(new_texts)
    matcher = difflib.SequenceMatcher(None, old_texts, new_texts, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(j2 - j1):
                leads[j1 + k] = old[i1 + k].lead
        elif tag == "replace":
            # Edited, split or merged paragraphs: each old flag goes to the most similar new one
            # (pressing Enter before a lead paragraph must not move its flag to the new line).
            for i in range(i1, i2):
                if old[i].lead:
                    best = max(range(j1, j2), key=lambda j: difflib.SequenceMatcher(
                        None, old_texts[i], new_texts[j], autojunk=False).ratio())
                    leads[best] = True
    return [Paragraph(t, lead) for t, lead in zip(new_texts, leads)]


class _LeadHighlighter(QSyntaxHighlighter):
    """Bold for the first sentence of paragraphs flagged ``lead``."""

    def __init__(self, editor: QPlainTextEdit) -> None:
        super().__init__(editor.document())
        self.leads: list[bool] = []
        self.fmt = QTextCharFormat()
        self.fmt.setFontWeight(QFont.Weight.Bold)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        if not text.strip():
            return
        index = _paragraph_index(self.currentBlock())
        if 0 <= index < len(self.leads) and self.leads[index]:
            m = _LEAD_END.search(text)
            if m is not None:
                self.setFormat(0, m.end(), self.fmt)


def _paragraph_index(block) -> int:
    """Index of the paragraph a text block holds: blank lines are not paragraphs."""
    n = 0
    b = block.previous()
    while b.isValid():
        if b.text().strip():
            n += 1
        b = b.previous()
    return n


class ParagraphEditor(QWidget):
    """The editor widget; the owning form binds it to a ``paragraphs`` list."""

    #: the user asked to toggle the lead of paragraph N
    leadToggled = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("bodyText")
        self.editor.setPlaceholderText(self.tr("每行一段。段首导语句（如“政治引领更加有力。”）可设为加粗。"))
        self.editor.setMinimumHeight(160)
        self.editor.setTabChangesFocus(True)
        self.highlighter = _LeadHighlighter(self.editor)
        self.lead_button = QToolButton()
        self.lead_button.setText(self.tr("段首导语加粗"))
        self.lead_button.setCheckable(True)
        self.lead_button.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_B))
        self.lead_button.setToolTip(self.tr("把光标所在段落的第一句设为加粗导语（Ctrl+B）"))
        self.lead_button.clicked.connect(self._toggle_clicked)
        self.count_label = QLabel()
        self.count_label.setObjectName("charCount")
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.lead_button)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.editor)
        lay.addLayout(bar)
        self.editor.cursorPositionChanged.connect(self._update_button)
        self.editor.textChanged.connect(self._update_count)

    # ------------------------------------------------------------------------ model side
    def paragraphs(self, model: list[Paragraph]) -> list[Paragraph]:
        return paragraphs_from_text(self.editor.toPlainText(), model)

    def set_paragraphs(self, pars: list[Paragraph]) -> None:
        self.editor.setPlainText("\n".join(p.text for p in pars))

    def sync(self, pars: list[Paragraph]) -> None:
        """Called after every document change with the model's paragraphs."""
        leads = [p.lead for p in pars]
        if leads != self.highlighter.leads:
            self.highlighter.leads = leads
            self.highlighter.rehighlight()
        self._update_button()
        self._update_count()

    # ------------------------------------------------------------------------ UI
    def current_index(self) -> int:
        block = self.editor.textCursor().block()
        return _paragraph_index(block)

    def _toggle_clicked(self) -> None:
        self.leadToggled.emit(self.current_index())

    def _update_button(self) -> None:
        i = self.current_index()
        leads = self.highlighter.leads
        self.lead_button.setChecked(0 <= i < len(leads) and leads[i])

    def _update_count(self) -> None:
        n = char_count([self.editor.toPlainText()])
        self.count_label.setText(self.tr("{} 字").format(n))


def toggle_lead(doc: Document, owner: object, index: int) -> None:
    """Flip the bold run-in lead of paragraph ``index`` of ``owner.paragraphs`` (one undo step)."""
    pars = list(owner.paragraphs)
    if not 0 <= index < len(pars):
        return
    p = pars[index]
    pars[index] = Paragraph(p.text, not p.lead)
    if p.lead:
        label = QCoreApplication.translate("ParagraphEditor", "取消段首导语")
    else:
        label = QCoreApplication.translate("ParagraphEditor", "设为段首导语")
    doc.break_merge()
    doc.push(SetValue(doc, owner, "paragraphs", pars, label))

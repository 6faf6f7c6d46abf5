"""Proofreading findings underlined in the form's text fields, with the fix on right-click.

Like a spell checker: a wavy red line under an error (半角逗号 in Chinese, straight quotes, a
doubled word …), orange under a warning, while the user types — the same ``proofread`` rules
as the Problems panel, run on the field's text a moment after typing stops. Right-clicking an
underlined spot puts the finding and its one-click fix at the top of the field's usual context
menu; the fix is an ordinary edit of the field, so it goes through the form's binding and is
undoable like typing.

Multi-line fields (body text, title lines, bullets) are underlined with extra selections, which
leave the paragraph editor's own highlighter (bold leads) alone. A one-line field (headline,
name) has no such API, and formatting its text through input-method events would disturb the
input method Chinese users type with; so a transparent overlay draws the wavy lines on top of
it, at x positions measured from the field's own cursor rectangle (which accounts for its
margins and horizontal scrolling), and the findings are also its tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLineEdit, QMenu, QPlainTextEdit, QTextEdit, QWidget

from proofread import Finding, check_text

translate = QCoreApplication.translate

#: Form field (object name) → the proofreader's role for its text.
ROLE_BY_NAME = {
    "bodyText": "body", "headline": "heading", "personName": "name", "personTitles": "title_line",
    "organisation": "organisation", "kicker": "kicker", "title": "heading", "subtitle": "subtitle",
    "bannerLines": "banner", "speakerName": "name", "speakerTitles": "title_line", "attribution": "attribution",
    "sectionLabel": "label", "sectionHeading": "heading", "sectionBullets": "bullet",
}
ERROR_COLOUR = QColor(211, 47, 47)
WARNING_COLOUR = QColor(245, 124, 0)
DELAY_MS = 250


def utf16_len(text: str) -> int:
    """Qt counts positions in UTF-16 units: a supplementary-plane name character counts twice."""
    return len(text.encode("utf-16-le")) // 2


def line_findings(text: str, role: str) -> list[tuple[int, Finding]]:
    """(line number, finding) for each line of a field; lines are checked apart (one item each)."""
    out = []
    for n, line in enumerate(text.split("\n")):
        if line.strip():
            out += [(n, f) for f in check_text(line, role) if f.length > 0]
    return out


def _fix_label(f: Finding) -> str:
    suggestion = f.suggestion_in(_lang())
    if f.replacement == "":
        return translate("ProofreadMarks", "删去（{}）").format(suggestion) if suggestion else \
            translate("ProofreadMarks", "删去")
    return translate("ProofreadMarks", "改为：{}").format(f.replacement)


def _lang() -> str:
    from gui import i18n

    return i18n.current()


class _LineOverlay(QWidget):
    """Wavy underlines drawn over a QLineEdit (which cannot format parts of its text)."""

    def __init__(self, editor: QLineEdit, marks: FindingMarks) -> None:
        super().__init__(editor)
        self.editor, self.marks = editor, marks
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setGeometry(editor.rect())
        editor.cursorPositionChanged.connect(lambda *_: self.update())
        self.show()

    def spans(self) -> list[tuple[float, float, Finding]]:
        """(x from, x to, finding) in the field's coordinates."""
        text = self.editor.text()
        fm = self.editor.fontMetrics()
        cursor = self.editor.cursorRect()
        origin = cursor.center().x() - fm.horizontalAdvance(text[:self.editor.cursorPosition()])
        return [(origin + fm.horizontalAdvance(text[:f.offset]), origin + fm.horizontalAdvance(text[:f.offset + f.length]),
                 f) for _, f in self.marks.findings]

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        if not self.marks.findings:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        y = self.editor.cursorRect().bottom() - 1
        left, right = self.editor.contentsRect().left(), self.editor.contentsRect().right()
        for a, b, f in self.spans():
            a, b = max(a, left), min(b, right)
            if b <= a:
                continue
            path = QPainterPath(QPointF(a, y))
            x, up = a, True
            while x < b:
                x = min(x + 2.0, b)
                path.lineTo(QPointF(x, y - 2.0 if up else y))
                up = not up
            painter.setPen(QPen(ERROR_COLOUR if f.level == "error" else WARNING_COLOUR, 1.0))
            painter.drawPath(path)
        painter.end()


class FindingMarks(QObject):
    """Keeps one field's underlines and context menu in step with its text."""

    def __init__(self, editor: QPlainTextEdit | QLineEdit, role: str) -> None:
        super().__init__(editor)
        self.editor = editor
        self.role = role
        self.findings: list[tuple[int, Finding]] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.recheck)
        if isinstance(editor, QPlainTextEdit):
            editor.textChanged.connect(self.timer.start)
            editor.viewport().installEventFilter(self)
        else:
            editor.textChanged.connect(lambda _t: self.timer.start())
            editor.installEventFilter(self)
            self.overlay = _LineOverlay(editor, self)
        self.recheck()

    def text(self) -> str:
        return self.editor.toPlainText() if isinstance(self.editor, QPlainTextEdit) else self.editor.text()

    def recheck(self) -> None:
        self.findings = line_findings(self.text(), self.role)
        if isinstance(self.editor, QPlainTextEdit):
            self._underline()
        else:
            tips = [f.message_in(_lang()) for _, f in self.findings]
            self.editor.setToolTip("\n".join(tips))
            self.overlay.update()

    def _underline(self) -> None:
        doc = self.editor.document()
        selections = []
        for n, f in self.findings:
            block = doc.findBlockByNumber(n)
            if not block.isValid():
                continue
            line = block.text()
            start = block.position() + utf16_len(line[:f.offset])
            end = block.position() + utf16_len(line[:f.offset + f.length])
            sel = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
            fmt.setUnderlineColor(ERROR_COLOUR if f.level == "error" else WARNING_COLOUR)
            fmt.setToolTip(f.message_in(_lang()))
            sel.format = fmt
            cursor = QTextCursor(doc)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            selections.append(sel)
        self.editor.setExtraSelections(selections)

    # ------------------------------------------------------------------ the fix on right-click
    def findings_at(self, position: int) -> list[tuple[int, Finding]]:
        """Findings covering a Qt text position (UTF-16 units from the start of the field)."""
        text = self.text()
        out = []
        starts = [0]
        for line in text.split("\n"):
            starts.append(starts[-1] + utf16_len(line) + 1)
        for n, f in self.findings:
            line = text.split("\n")[n]
            a = starts[n] + utf16_len(line[:f.offset])
            b = starts[n] + utf16_len(line[:f.offset + f.length])
            if a <= position <= b:
                out.append((n, f))
        return out

    def apply(self, n: int, f: Finding) -> bool:
        """Replace the finding's characters by its fix, as an edit of the field (undoable)."""
        if f.replacement is None:
            return False
        lines = self.text().split("\n")
        line = lines[n] if n < len(lines) else ""
        if line[f.offset:f.offset + f.length] != f.excerpt.partition("⟦")[2].partition("⟧")[0]:
            return False  # the text changed since the check
        start = sum(utf16_len(x) + 1 for x in lines[:n]) + utf16_len(line[:f.offset])
        end = start + utf16_len(line[f.offset:f.offset + f.length])
        if isinstance(self.editor, QPlainTextEdit):
            cursor = self.editor.textCursor()
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(f.replacement)
            self.editor.setTextCursor(cursor)
        else:
            self.editor.setSelection(start, end - start)
            self.editor.insert(f.replacement)  # emits textEdited: the form's binding records it
        self.recheck()
        return True

    def menu_for(self, position: int, menu: QMenu) -> QMenu:
        """Put the findings at ``position`` and their fixes at the top of ``menu``."""
        found = self.findings_at(position)
        first = menu.actions()[0] if menu.actions() else None
        for n, f in found:
            info = menu.addAction(f.message_in(_lang()))
            info.setEnabled(False)
            menu.insertAction(first, info)
            if f.replacement is not None:
                fix = menu.addAction(_fix_label(f))
                fix.setObjectName("proofreadFix")
                fix.triggered.connect(lambda _=False, n=n, f=f: self.apply(n, f))
                menu.insertAction(first, fix)
        if found and first is not None:
            menu.insertSeparator(first)
        return menu

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize and isinstance(self.editor, QLineEdit):
            self.overlay.setGeometry(self.editor.rect())
        if event.type() != QEvent.Type.ContextMenu:
            return False
        if isinstance(self.editor, QPlainTextEdit):
            position = self.editor.cursorForPosition(event.pos()).position()
        else:
            position = self.editor.cursorPositionAt(event.pos())
        if not self.findings_at(position):
            return False
        menu = self.menu_for(position, self.editor.createStandardContextMenu())
        menu.exec(event.globalPos())
        menu.deleteLater()
        return True


def attach_form(form: QWidget) -> list[FindingMarks]:
    """Underline findings in every text field of a form (called when the form is shown)."""
    marks = []
    for editor in [*form.findChildren(QPlainTextEdit), *form.findChildren(QLineEdit)]:
        role = ROLE_BY_NAME.get(editor.objectName())
        if role is not None and editor.property("proofreadMarks") is None:
            editor.setProperty("proofreadMarks", True)
            marks.append(FindingMarks(editor, role))
    form._proofread_marks = marks  # kept with the form, dropped with it
    return marks

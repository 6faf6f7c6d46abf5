"""Form of a speech excerpt (讲话摘编): speaker, attribution, and its sections.

Sections are listed with add / remove / move buttons; the fields below the list edit the
selected section. ◎ bullet lines may be typed with or without their ◎: the model stores them
with it (DESIGN §3), so the layout never has to guess.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from gui.commands import InsertItem, MoveItem, RemoveItem, SetValue
from gui.forms.base import Form, FormContext, line_edit, lines_edit
from gui.forms.binding import Binding, lines_of
from gui.forms.paragraphs import ParagraphEditor, toggle_lead
from gui.forms.pins import PinBox
from gui.forms.portrait import PortraitWidget
from model.document import Person, SpeechBlock, SpeechSection

BULLET = "◎"


def with_bullets(lines: list[str]) -> list[str]:
    return [line if line.startswith(BULLET) else BULLET + line for line in lines]


class SpeechForm(Form):
    def __init__(self, ctx: FormContext, block: SpeechBlock) -> None:
        super().__init__(ctx, block)
        b = self.binder
        self.heading(self.tr("讲话摘编"))
        f = self.section(self.tr("讲话人"))
        self.speaker = line_edit(self.tr("姓名，如：郭大为"), "speakerName")
        self.speaker_titles = lines_edit(self.tr("每行一个职务"), "speakerTitles", 2)
        f.addRow(self.tr("姓名"), self.speaker)
        f.addRow(self.tr("职务"), self.speaker_titles)
        b.add(Binding(self.speaker, lambda: self.item.speaker.name, self.speaker.text, self.speaker.setText,
                      lambda v, k: self._set_speaker(name=v, key=k)), self.speaker.textEdited)
        b.add(Binding(self.speaker_titles, lambda: list(self.item.speaker.titles),
                      lambda: lines_of(self.speaker_titles.toPlainText()),
                      lambda v: self.speaker_titles.setPlainText("\n".join(v)),
                      lambda v, k: self._set_speaker(titles=v, key=k)), self.speaker_titles.textChanged)
        self.attribution = lines_edit(self.tr("如：省人大常委会副主任、省总工会主席郭大为在……上的讲话摘编"), "attribution", 2)
        f.addRow(self.tr("出处说明"), self.attribution)
        b.add(Binding(self.attribution, lambda: self.item.attribution,
                      lambda: " ".join(lines_of(self.attribution.toPlainText())),
                      self.attribution.setPlainText, b.set_attr(self.obj, "attribution", self.tr("修改出处说明"))),
              self.attribution.textChanged)

        # issue 10: the leader's portrait (its own size in the page setup) and the block's pins
        self.portrait = PortraitWidget(ctx, block)
        f.addRow(self.tr("肖像"), self.portrait)
        self.pins = PinBox(self.doc, block, b)
        f.addRow(self.pins)

        s = self.section(self.tr("分节"))
        self.sections = QListWidget()
        self.sections.setObjectName("sections")
        self.sections.setMaximumHeight(120)
        buttons = QVBoxLayout()
        self.add_btn = QPushButton(self.tr("添加"))
        self.remove_btn = QPushButton(self.tr("删除"))
        self.up_btn = QPushButton(self.tr("上移"))
        self.down_btn = QPushButton(self.tr("下移"))
        for w in (self.add_btn, self.remove_btn, self.up_btn, self.down_btn):
            buttons.addWidget(w)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.sections, 1)
        row.addLayout(buttons)
        holder = QWidget()
        holder.setLayout(row)
        s.addRow(holder)
        self.add_btn.clicked.connect(self.add_section)
        self.remove_btn.clicked.connect(self.remove_section)
        self.up_btn.clicked.connect(lambda: self.move_section(-1))
        self.down_btn.clicked.connect(lambda: self.move_section(1))

        self.sec_label = line_edit(self.tr("如：2020"), "sectionLabel")
        self.sec_heading = line_edit(self.tr("如：“一盘棋”、一条心、一起干，联动发力"), "sectionHeading")
        self.sec_bullets = lines_edit(self.tr("每行一条，◎可省略"), "sectionBullets", 3)
        self.sec_pars = ParagraphEditor()
        s.addRow(self.tr("标签"), self.sec_label)
        s.addRow(self.tr("小标题"), self.sec_heading)
        s.addRow(self.tr("◎ 要点"), self.sec_bullets)
        s.addRow(self.tr("正文"), self.sec_pars)
        b.line(self.sec_label, self.current, "label", self.tr("修改分节标签"))
        b.line(self.sec_heading, self.current, "heading", self.tr("修改小标题"))
        b.text_lines(self.sec_bullets, self.current, "bullets", self.tr("修改要点"), with_bullets)
        b.add(Binding(self.sec_pars.editor, lambda: list(self.current().paragraphs),
                      lambda: self.sec_pars.paragraphs(self.current().paragraphs), self.sec_pars.set_paragraphs,
                      b.set_attr(self.current, "paragraphs", self.tr("修改讲话正文")), on_refresh=self.sec_pars.sync),
              self.sec_pars.editor.textChanged)
        self.sec_pars.leadToggled.connect(self._toggle_lead)
        self.sections.currentRowChanged.connect(lambda _r: self._section_changed())
        self.finish()
        self.doc.changed.connect(self._doc_changed)
        self._rebuild_sections(0)

    # ------------------------------------------------------------------ sections
    def current(self) -> SpeechSection:
        """The selected section (AttributeError when there is none: bindings then stay idle)."""
        row = self.sections.currentRow()
        secs = self.item.sections
        if not 0 <= row < len(secs):
            raise AttributeError("no section selected")
        return secs[row]

    def _section_title(self, sec: SpeechSection) -> str:
        text = " ".join(t for t in (sec.label, sec.heading) if t)
        return text or self.tr("（未命名分节）")

    def _rebuild_sections(self, select: int) -> None:
        self.sections.blockSignals(True)
        self.sections.clear()
        for sec in self.item.sections:
            self.sections.addItem(QListWidgetItem(self._section_title(sec)))
        if self.item.sections:
            self.sections.setCurrentRow(max(0, min(select, len(self.item.sections) - 1)))
        self.sections.blockSignals(False)
        self._section_changed()

    def _section_changed(self) -> None:
        has = bool(self.item.sections) and self.sections.currentRow() >= 0
        for w in (self.sec_label, self.sec_heading, self.sec_bullets, self.sec_pars, self.remove_btn):
            w.setEnabled(has)
        row = self.sections.currentRow()
        self.up_btn.setEnabled(has and row > 0)
        self.down_btn.setEnabled(has and row < len(self.item.sections) - 1)
        if not has:
            for w in (self.sec_label, self.sec_heading):
                w.clear()
            self.sec_bullets.blockSignals(True)
            self.sec_bullets.clear()
            self.sec_bullets.blockSignals(False)
            self.sec_pars.editor.blockSignals(True)
            self.sec_pars.editor.clear()
            self.sec_pars.editor.blockSignals(False)
        self.doc.break_merge()
        self.binder.refresh()

    def _doc_changed(self, obj: object, structural: bool) -> None:
        if obj is self.item and structural:
            self._rebuild_sections(self._pending_row if self._pending_row is not None else self.sections.currentRow())
            self._pending_row = None
        else:
            for i, sec in enumerate(self.item.sections):
                item = self.sections.item(i)
                if item is not None and item.text() != self._section_title(sec):
                    item.setText(self._section_title(sec))

    _pending_row: int | None = None

    def add_section(self) -> None:
        row = self.sections.currentRow() + 1 if self.item.sections else 0
        self._pending_row = row
        self.doc.push(InsertItem(self.doc, self.item, "sections", row, SpeechSection(), self.tr("添加分节")))

    def remove_section(self) -> None:
        try:
            sec = self.current()
        except AttributeError:
            return
        self._pending_row = self.sections.currentRow()
        self.doc.push(RemoveItem(self.doc, self.item, "sections", sec, self.tr("删除分节")))

    def move_section(self, delta: int) -> None:
        try:
            sec = self.current()
        except AttributeError:
            return
        row = self.sections.currentRow()
        target = row + delta
        if not 0 <= target < len(self.item.sections):
            return
        self._pending_row = target
        self.doc.push(MoveItem(self.doc, sec, self.item, self.item, target, "sections", self.tr("移动分节")))

    def _toggle_lead(self, index: int) -> None:
        try:
            sec = self.current()
        except AttributeError:
            return
        toggle_lead(self.doc, sec, index)

    # ------------------------------------------------------------------ speaker
    def _set_speaker(self, *, name: str | None = None, titles: list[str] | None = None, key: object = None) -> None:
        old = self.item.speaker
        person = Person(old.name if name is None else name, list(old.titles if titles is None else titles))
        self.doc.push(SetValue(self.doc, self.item, "speaker", person, self.tr("修改讲话人"), key))


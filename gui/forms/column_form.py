"""Form of a city / organisation column: headline, person, portrait, body text, fit state.

The fit line under the body is what the user cuts text by: it shows the layout's verdict for
this block — fits, 超出 N 字 (overset) or 还差 N 行 (underset) — and updates after each re-layout.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QLabel, QSpinBox

from gui.commands import SetValue
from gui.forms.base import Form, FormContext, line_edit, lines_edit
from gui.forms.binding import Binding, lines_of
from gui.forms.paragraphs import ParagraphEditor, toggle_lead
from gui.forms.pins import PinBox
from gui.forms.portrait import PortraitWidget
from gui.forms.table_editor import ColumnInserts
from gui.layout_runner import LayoutResult
from model.document import ColumnBlock, Person


def fit_state(result: LayoutResult | None, block_id: str) -> tuple[str, str]:
    """(state, detail) for a block: state is fits / overset / underset / unknown."""
    if result is None or result.document is None:
        return "unknown", ""
    chars = lines = 0
    state = "fits"
    for pr in result.document.problems:
        if pr.block_id != block_id:
            continue
        if pr.kind == "overset":
            state = "overset"
            chars += pr.chars
            lines += pr.lines
        elif pr.kind == "underset" and state != "overset":
            state = "underset"
            lines += pr.lines
    if state == "overset":
        return state, f"{chars}:{lines}"
    if state == "underset":
        return state, str(lines)
    return state, ""


class ColumnForm(Form):
    def __init__(self, ctx: FormContext, block: ColumnBlock) -> None:
        super().__init__(ctx, block)
        b = self.binder
        self.heading(self.tr("地市栏目"))
        f = self.section(self.tr("栏目"))
        self.region = line_edit(self.tr("如：西安"), "region")
        self.kicker = line_edit(self.tr("标题上方的引题，可空"), "kicker")
        self.headline = line_edit(self.tr("如：当好全省工会排头兵"), "headline")
        self.organisation = line_edit(self.tr("没有人物时显示，如：杨凌示范区总工会"), "organisation")
        f.addRow(self.tr("地区"), self.region)
        f.addRow(self.tr("引题"), self.kicker)
        f.addRow(self.tr("标题"), self.headline)
        f.addRow(self.tr("单位"), self.organisation)
        b.line(self.region, self.obj, "region", self.tr("修改地区"))
        b.line(self.kicker, self.obj, "kicker", self.tr("修改引题"))
        b.line(self.headline, self.obj, "headline", self.tr("修改栏目标题"))
        b.line(self.organisation, self.obj, "organisation", self.tr("修改单位"))
        self.span = QSpinBox()
        self.span.setObjectName("span")
        self.span.setRange(0, 20)
        self.span.setSpecialValueText(self.tr("自动"))
        self.span.setSuffix(self.tr(" 栏"))
        f.addRow(self.tr("占栏"), self.span)
        b.add(Binding(self.span, lambda: self.item.placement.columns or 0, self.span.value, self.span.setValue,
                      self._set_span), self.span.valueChanged)

        p = self.section(self.tr("人物"))
        self.person_name = line_edit(self.tr("如：薛振虎"), "personName")
        self.person_titles = lines_edit(self.tr("每行一个职务，如：\n西安市人大常委会副主任\n市总工会主席"), "personTitles", 3)
        p.addRow(self.tr("姓名"), self.person_name)
        p.addRow(self.tr("职务"), self.person_titles)
        b.add(Binding(self.person_name, lambda: self.item.person.name if self.item.person else "",
                      self.person_name.text, self.person_name.setText,
                      lambda v, k: self._set_person(name=v, key=k)), self.person_name.textEdited)
        b.add(Binding(self.person_titles, lambda: list(self.item.person.titles) if self.item.person else [],
                      lambda: lines_of(self.person_titles.toPlainText()),
                      lambda v: self.person_titles.setPlainText("\n".join(v)),
                      lambda v, k: self._set_person(titles=v, key=k)), self.person_titles.textChanged)
        self.portrait = PortraitWidget(ctx, block)
        p.addRow(self.tr("肖像"), self.portrait)

        t = self.section(self.tr("正文"))
        self.body = ParagraphEditor()
        self.body.editor.setMinimumHeight(220)
        t.addRow(self.body)
        b.add(Binding(self.body.editor, lambda: list(self.item.paragraphs),
                      lambda: self.body.paragraphs(self.item.paragraphs), self.body.set_paragraphs,
                      b.set_attr(self.obj, "paragraphs", self.tr("修改正文")), on_refresh=self.body.sync),
              self.body.editor.textChanged)
        self.body.leadToggled.connect(lambda i: toggle_lead(self.doc, self.item, i))
        self.fit = QLabel()
        self.fit.setObjectName("fitState")
        t.addRow(self.fit)
        inserts = self.section(self.tr("新闻图片和表格"))
        self.inserts = ColumnInserts(self.doc, block)
        inserts.addRow(self.inserts)
        self.pins = PinBox(self.doc, block, b, show_span=False)  # issue 10: height, row, unpin
        f.addRow(self.pins)
        self.finish()
        ctx.runner.finished.connect(self._on_layout)
        self.update_fit()

    def _set_person(self, *, name: str | None = None, titles: list[str] | None = None, key: object = None) -> None:
        old = self.item.person or Person()
        person = Person(old.name if name is None else name, list(old.titles if titles is None else titles))
        value = person if (person.name or person.titles) else None
        self.doc.push(SetValue(self.doc, self.item, "person", value, self.tr("修改人物"), key))

    def _set_span(self, value: int, key: object) -> None:
        cols = min(value, self.doc.bulletin.page_setup.columns) or None
        self.doc.push(SetValue(self.doc, self.item, "placement", replace(self.item.placement, columns=cols),
                               self.tr("修改占栏"), key))

    def _on_layout(self, _result: object) -> None:
        self.update_fit()

    def update_fit(self) -> None:
        state, detail = fit_state(self.ctx.runner.result, self.item.id)
        if state == "overset":
            chars, lines = (int(x) for x in detail.split(":"))
            text = self.tr("超出 {} 字").format(chars) if chars else self.tr("超出 {} 行").format(lines)
            style = "color: white; background: #c62828; padding: 3px 6px; border-radius: 3px;"
        elif state == "underset":
            text = self.tr("还差 {} 行").format(detail)
            style = "color: #5d4000; background: #ffe08a; padding: 3px 6px; border-radius: 3px;"
        elif state == "fits":
            text = self.tr("正好排下")
            style = "color: white; background: #2e7d32; padding: 3px 6px; border-radius: 3px;"
        else:
            text = self.tr("等待排版结果…")
            style = "color: #555;"
        self.fit.setText(text)
        self.fit.setStyleSheet(style)

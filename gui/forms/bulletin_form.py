"""Form of the bulletin itself: masthead data and credits (DESIGN §3)."""

from __future__ import annotations

from PySide6.QtWidgets import QSpinBox

from gui.forms.base import Form, FormContext, line_edit
from gui.forms.binding import Binding
from model.document import Bulletin


class BulletinForm(Form):
    def __init__(self, ctx: FormContext, bulletin: Bulletin) -> None:
        super().__init__(ctx, bulletin)
        b = self.binder
        self.heading(self.tr("会刊信息"))
        f = self.section(self.tr("报刊"))
        fields = [
            ("publication", self.tr("报刊名称"), self.tr("如：陕西工人报")),
            ("issue_title", self.tr("本期标题"), self.tr("如：向三秦职工报告")),
            ("date", self.tr("出版日期"), self.tr("如：2021-04-20")),
            ("issue_number", self.tr("期号"), self.tr("如：第 1234 期")),
            ("edition", self.tr("版别"), self.tr("如：专版")),
        ]
        self.fields = {}
        for attr, label, hint in fields:
            w = line_edit(hint, attr)
            f.addRow(label, w)
            b.line(w, self.obj, attr, self.tr("修改{}").format(label))
            self.fields[attr] = w
        t = self.section(self.tr("校对"))
        self.chars_target = QSpinBox()
        self.chars_target.setObjectName("charsTarget")
        self.chars_target.setRange(0, 100000)
        self.chars_target.setSingleStep(50)
        self.chars_target.setSpecialValueText(self.tr("不限"))
        self.chars_target.setSuffix(self.tr(" 字"))
        self.chars_target.setToolTip(self.tr("每个栏目的目标字数；校对时提示超出或不足的栏目"))
        t.addRow(self.tr("栏目目标字数"), self.chars_target)
        if hasattr(bulletin, "chars_target"):
            b.add(Binding(self.chars_target, lambda: self.item.chars_target or 0, self.chars_target.value,
                          self.chars_target.setValue,
                          lambda v, k: b.set_attr(self.obj, "chars_target", self.tr("修改目标字数"))(v or None, k)),
                  self.chars_target.valueChanged)
        else:  # older model without the option
            self.chars_target.setEnabled(False)
        c = self.section(self.tr("署名"))
        credits = [
            ("editor", self.tr("责任编辑")),
            ("art_editor", self.tr("美术编辑")),
            ("proofreader", self.tr("校对")),
        ]
        for attr, label in credits:
            w = line_edit("", attr)
            c.addRow(label, w)
            b.line(w, lambda: self.item.credits, attr, self.tr("修改{}").format(label))
            self.fields[attr] = w
        self.finish()

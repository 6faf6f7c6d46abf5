"""Form of the bulletin itself: masthead data and credits (DESIGN §3)."""

from __future__ import annotations

from gui.forms.base import Form, FormContext, line_edit
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

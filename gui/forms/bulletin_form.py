"""Form of the bulletin itself: its printed title, masthead data and credits (DESIGN §3)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSpinBox

from gui.forms.base import Form, FormContext, line_edit
from gui.forms.binding import Binding
from model.document import Bulletin, issue_label


def folio_text(bulletin: Bulletin) -> str:
    """The first page's folio line as it prints (layout/document.py's _folio words it the same
    way): where the bulletin's metadata appears on the page."""
    left = "  ".join(t for t in (bulletin.publication, bulletin.date, issue_label(bulletin.issue_number),
                                 bulletin.edition) if t.strip())
    c = bulletin.credits
    credits = "  ".join(f"{label}：{name}" for label, name in (("责任编辑", c.editor), ("美术编辑", c.art_editor),
                                                            ("校对", c.proofreader)) if name.strip())
    first = bulletin.pages[0].label if bulletin.pages and bulletin.pages[0].label else "第1版"
    return "  ……  ".join(t for t in (left, "  ".join(x for x in (first, credits) if x)) if t)


class BulletinForm(Form):
    """The bulletin's one printed title and its metadata, each said where it prints.

    There is one title field, and it is the one the page prints: the first page's headline
    (主题), named as the page form names it. The metadata (publication, date, issue number,
    edition, credits) is kept apart, with the folio line it makes shown beneath it.
    """

    def __init__(self, ctx: FormContext, bulletin: Bulletin) -> None:
        super().__init__(ctx, bulletin)
        b = self.binder
        self.heading(self.tr("会刊信息"))
        h = self.section(self.tr("标题（印在第 1 版顶部）"))
        self.title = line_edit(self.tr("如：向三秦职工报告"), "printedTitle")
        self.fields = {"title": self.title}
        first = bulletin.pages[0] if bulletin.pages else None
        if first is not None and first.headline is not None:
            b.line(self.title, lambda: self.item.pages[0].headline, "title", self.tr("修改主题"))
            note = self.tr("第 1 版的通栏大标题；引题、副题和其他版的标题在目录中选该版修改。")
        else:
            self.title.setEnabled(False)
            self.title.setPlaceholderText(self.tr("第 1 版没有通栏标题"))
            note = self.tr("第 1 版没有通栏标题：在目录中选中第 1 版，勾选“本版有通栏标题”。")
        h.addRow(self.tr("主题"), self.title)
        hint = QLabel(note)
        hint.setWordWrap(True)
        h.addRow(hint)

        f = self.section(self.tr("报刊信息（印在每版页脚）"))
        fields = [
            ("publication", self.tr("报刊名称"), self.tr("如：陕西工人报")),
            ("date", self.tr("出版日期"), self.tr("如：2021-04-20")),
            ("issue_number", self.tr("期号"), self.tr("如：第 1234 期")),
            ("edition", self.tr("版别"), self.tr("如：专版")),
        ]
        for attr, label, hint_text in fields:
            w = line_edit(hint_text, attr)
            f.addRow(label, w)
            b.line(w, self.obj, attr, self.tr("修改{}").format(label))
            self.fields[attr] = w
        self.folio = QLabel()
        self.folio.setObjectName("folioPreview")
        self.folio.setWordWrap(True)
        self.folio.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        f.addRow(self.tr("页脚"), self.folio)
        self._show_folio()
        self.doc.changed.connect(self._show_folio)
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
        c = self.section(self.tr("署名（印在页脚右侧）"))
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

    def _show_folio(self, *_args) -> None:
        self.folio.setText(folio_text(self.item) or self.tr("（空）"))

"""Form of a page: edition label, banner (版头) and headline group (引题/主题/副题)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox

from gui.commands import SetValue
from gui.forms.base import Form, FormContext, line_edit, lines_edit
from model.document import Banner, HeadlineGroup, Page


class PageForm(Form):
    def __init__(self, ctx: FormContext, page: Page) -> None:
        super().__init__(ctx, page)
        b = self.binder
        self.heading(self.tr("版面"))
        f = self.section(self.tr("版次"))
        self.label = line_edit(self.tr("如：第3版 · 专版"), "pageLabel")
        f.addRow(self.tr("版次标签"), self.label)
        b.line(self.label, self.obj, "label", self.tr("修改版次"))
        # issue 10: a fixed page keeps every block where it stands while the user types
        self.fixed = QCheckBox(self.tr("固定版面"))
        self.fixed.setToolTip(self.tr("打字时其他稿件不移动：排不下的文字在本块标为超出"))
        self.fixed.setObjectName("fixedLayout")
        f.addRow(self.fixed)
        self.fixed.toggled.connect(self._toggle_fixed)

        bf = self.section(self.tr("版头（栏目）"))
        self.has_banner = QCheckBox(self.tr("本版有版头"))
        bf.addRow(self.has_banner)
        self.banner_lines = lines_edit(self.tr("每行一句，如：以优异成绩 庆祝建党100周年"), "bannerLines", 3)
        bf.addRow(self.tr("版头文字"), self.banner_lines)
        b.text_lines(self.banner_lines, lambda: self.item.banner, "lines", self.tr("修改版头"))
        self.has_banner.toggled.connect(self._toggle_banner)

        hf = self.section(self.tr("标题"))
        self.has_headline = QCheckBox(self.tr("本版有通栏标题"))
        hf.addRow(self.has_headline)
        self.kicker = line_edit(self.tr("引题（可空）"), "kicker")
        self.title = line_edit(self.tr("主题"), "title")
        self.subtitle = line_edit(self.tr("副题，如：——省总工会2021年第一季度工会主席工作例会发言摘编"), "subtitle")
        hf.addRow(self.tr("引题"), self.kicker)
        hf.addRow(self.tr("主题"), self.title)
        hf.addRow(self.tr("副题"), self.subtitle)
        for w, attr, label in ((self.kicker, "kicker", self.tr("修改引题")), (self.title, "title", self.tr("修改主题")),
                               (self.subtitle, "subtitle", self.tr("修改副题"))):
            b.line(w, lambda: self.item.headline, attr, label)
        self.has_headline.toggled.connect(self._toggle_headline)
        self.finish()
        self.doc.changed.connect(self._on_doc_changed)
        self._sync_presence()

    def _on_doc_changed(self, _obj: object, _structural: bool) -> None:
        self._sync_presence()

    def _sync_presence(self) -> None:
        page: Page = self.item
        self.fixed.blockSignals(True)
        self.fixed.setChecked(page.fixed_layout)
        self.fixed.blockSignals(False)
        for box, present, widgets in (
            (self.has_banner, page.banner is not None, (self.banner_lines,)),
            (self.has_headline, page.headline is not None, (self.kicker, self.title, self.subtitle)),
        ):
            box.blockSignals(True)
            box.setChecked(present)
            box.blockSignals(False)
            for w in widgets:
                w.setEnabled(present)
        self.binder.refresh()

    def _toggle_fixed(self, on: bool) -> None:
        from gui.forms.base import laid_out
        from gui.makeup import set_fixed_layout

        page: Page = self.item
        if on == page.fixed_layout:
            return
        doc = laid_out(self.ctx)
        index = self.doc.bulletin.pages.index(page)
        lp = doc.pages[index] if doc is not None and index < len(doc.pages) else None
        self.doc.break_merge()
        set_fixed_layout(self.doc, page, on, lp)

    def _toggle_banner(self, on: bool) -> None:
        value = Banner() if on else None
        text = self.tr("添加版头") if on else self.tr("删除版头")
        self.doc.push(SetValue(self.doc, self.item, "banner", value, text, structural=True))

    def _toggle_headline(self, on: bool) -> None:
        value = HeadlineGroup() if on else None
        text = self.tr("添加标题") if on else self.tr("删除标题")
        self.doc.push(SetValue(self.doc, self.item, "headline", value, text, structural=True))

    def focus_part(self, part: str) -> None:
        if part == "banner":
            self.banner_lines.setFocus()
        elif part == "headline":
            self.title.setFocus()

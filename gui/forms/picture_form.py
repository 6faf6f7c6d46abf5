"""Form of a picture block: the photo or advertisement, its crop, its caption (图片说明), pins.

The picture keeps the shape of the user's crop in print (the block takes its height from it),
so the crop dialog here keeps whatever shape the crop has, instead of the portraits' 3:4.
"""

from __future__ import annotations

from gui.forms.base import Form, FormContext, lines_edit
from gui.forms.binding import Binding, lines_of
from gui.forms.pins import PinBox
from gui.forms.portrait import PortraitWidget
from model.document import PictureBlock


class PictureForm(Form):
    def __init__(self, ctx: FormContext, block: PictureBlock) -> None:
        super().__init__(ctx, block)
        b = self.binder
        self.heading(self.tr("图片块"))
        f = self.section(self.tr("图片"))
        self.picture = PortraitWidget(ctx, block, attr="picture", aspect=lambda: None)
        f.addRow(self.tr("图片"), self.picture)
        self.caption = lines_edit(self.tr("图片说明，如：图为西安市职工书屋示范点揭牌现场"), "caption", 2)
        f.addRow(self.tr("图片说明"), self.caption)
        b.add(Binding(self.caption, lambda: self.item.caption, lambda: " ".join(lines_of(self.caption.toPlainText())),
                      self.caption.setPlainText, b.set_attr(self.obj, "caption", self.tr("修改图片说明"))),
              self.caption.textChanged)
        p = self.section(self.tr("位置"))
        self.pins = PinBox(self.doc, block, b)
        p.addRow(self.pins)
        self.finish()
        b.refresh()

"""Page setup (size preset, margins, columns, body type, colour) and fonts per text role.

Every page-setup edit replaces the whole PageSetup value (a mergeable SetValue on
``bulletin.page_setup``), so related fields always change together in one undo step: choosing
a preset sets size, margins and columns at once; typing a width turns the preset to "custom";
a body size above the leading raises the leading (the model requires leading ≥ body size).
"""

from __future__ import annotations

import dataclasses
import os
from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from gui import labels, press
from gui import settings as app_settings
from gui.commands import SetValue
from gui.forms.base import Form, FormContext
from gui.forms.binding import Binding
from model.document import FONT_ROLES, Bulletin, PageSetup
from model.units import pt_to_mm

SAMPLE = "会刊编辑器 永字八法 2021"


@lru_cache(maxsize=1)
def installed_families() -> tuple[str, ...]:
    """Family names layout.fonts discovered (what the layout can resolve), sorted, CJK first."""
    try:
        from layout.fonts import system_fonts
    except ImportError:
        return ()
    names: set[str] = set()
    for info in system_fonts():
        if info.families:
            names.add(info.families[0])
            names.update(n for n in info.families[1:] if any(ord(ch) > 0x2E80 for ch in n))
    return tuple(sorted(names, key=lambda n: (not any(ord(ch) > 0x2E80 for ch in n), n.lower())))


_qt_families: dict[str, str] = {}


def sample_font(spec: str, role: str, size: float = 11.0) -> tuple[QFont | None, str]:
    """A QFont showing the face the layout would use for ``spec``, or (None, error message)."""
    try:
        from layout.fonts import FontError, resolve_spec
    except ImportError:
        return None, ""
    try:
        face = resolve_spec(spec, role)
    except FontError as exc:
        return None, str(exc)
    family = _qt_families.get(face.path)
    if family is None:
        fid = QFontDatabase.addApplicationFont(face.path)
        fams = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
        family = fams[0] if fams else ""
        _qt_families[face.path] = family
    if not family:
        return None, ""
    font = QFont(family)
    font.setPointSizeF(size)
    return font, ""


class PageSetupForm(Form):
    def __init__(self, ctx: FormContext, bulletin: Bulletin) -> None:
        super().__init__(ctx, bulletin)
        self.heading(self.tr("版面设置"))
        f = self.section(self.tr("纸张"))
        self.preset = QComboBox()
        self.preset.setObjectName("preset")
        for key in ("broadsheet", "tabloid", "a3", "a4", "custom"):
            self.preset.addItem(labels.preset_name(key), key)
        f.addRow(self.tr("开本"), self.preset)
        self.binder.add(
            Binding(self.preset, lambda: self.ps().preset, self.preset.currentData,
                    lambda v: self.preset.setCurrentIndex(self.preset.findData(v)), self._apply_preset),
            self.preset.currentIndexChanged,
        )
        self.paper_width = self._spin_mm(50, 2000)
        self.paper_height = self._spin_mm(50, 2000)
        size_row = QHBoxLayout()
        size_row.addWidget(self.paper_width)
        size_row.addWidget(QLabel("×"))
        size_row.addWidget(self.paper_height)
        f.addRow(self.tr("尺寸"), size_row)
        self._bind_ps(self.paper_width, "width_mm", self.tr("修改纸张宽度"), custom=True)
        self._bind_ps(self.paper_height, "height_mm", self.tr("修改纸张高度"), custom=True)
        self.colour = QComboBox()
        for key in ("cmyk", "grey", "rgb"):
            self.colour.addItem(labels.colour_name(key), key)
        f.addRow(self.tr("色彩"), self.colour)
        self._bind_ps(self.colour, "colour_mode", self.tr("修改色彩模式"))
        self._build_press(f)

        m = self.section(self.tr("页边距（毫米）"))
        grid = QGridLayout()
        self.margins = {}
        for i, (side, label) in enumerate([("top", self.tr("上")), ("bottom", self.tr("下")),
                                           ("left", self.tr("左")), ("right", self.tr("右"))]):
            w = self._spin_mm(0, 200)
            self.margins[side] = w
            grid.addWidget(QLabel(label), i, 0, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(w, i, 1)
            self._bind_margin(w, side)
        m.addRow(grid)

        g = self.section(self.tr("栏与正文"))
        self.columns = QSpinBox()
        self.columns.setRange(1, 20)
        self.columns.setSuffix(self.tr(" 栏"))
        g.addRow(self.tr("基本栏数"), self.columns)
        self._bind_ps(self.columns, "columns", self.tr("修改栏数"))
        self.gutter = QDoubleSpinBox()
        self.gutter.setRange(0.0, 5.0)
        self.gutter.setSingleStep(0.5)
        self.gutter.setSuffix(self.tr(" 字"))
        g.addRow(self.tr("栏间距"), self.gutter)
        self._bind_ps(self.gutter, "gutter_em", self.tr("修改栏间距"))
        self.body_size = QComboBox()
        self.body_size.setEditable(False)
        for name, pt in labels.BODY_SIZES:
            self.body_size.addItem(labels.body_size_name(name, pt), pt)
        g.addRow(self.tr("正文字号"), self.body_size)
        self.binder.add(
            Binding(self.body_size, lambda: self.ps().body_size_pt, self.body_size.currentData,
                    self._set_body_size_widget, self._apply_body_size),
            self.body_size.currentIndexChanged,
        )
        self.leading = QDoubleSpinBox()
        self.leading.setRange(5.0, 60.0)
        self.leading.setSingleStep(0.5)
        self.leading.setSuffix(" pt")
        g.addRow(self.tr("行距（基线间距）"), self.leading)
        self._bind_ps(self.leading, "leading_pt", self.tr("修改行距"))
        self.spaced_names = QCheckBox(self.tr("两字人名加空"))
        self.spaced_names.setToolTip(self.tr("两字人名中间加一个字的空，与三字人名对齐（报纸的习惯）"))
        self.spaced_names.setObjectName("spacedNames")
        g.addRow(self.spaced_names)
        self.binder.add(
            Binding(self.spaced_names, lambda: self.ps().spaced_names, self.spaced_names.isChecked,
                    self.spaced_names.setChecked,
                    lambda v, key: self._push_ps(dataclasses.replace(self.ps(), spaced_names=bool(v)),
                                                 self.tr("修改人名加空"), key)),
            self.spaced_names.toggled,
        )
        self.grid_hint = QLabel()
        self.grid_hint.setWordWrap(True)
        self.grid_hint.setObjectName("hint")
        g.addRow(self.grid_hint)

        self._build_makeup()  # issue 10: portrait spec and copy-fit limits
        self._build_fonts()
        self.finish()
        self.doc.changed.connect(self._on_doc_changed)
        self._update_hint()

    # ------------------------------------------------------------------ page make-up (issue 10)
    def _build_makeup(self) -> None:
        """One portrait frame for the bulletin, and how far copy-fit (适配版面) may go."""
        p = self.section(self.tr("肖像规格（全刊统一）"))
        self.portrait_cols = QSpinBox()
        self.portrait_cols.setObjectName("portraitColumns")
        self.portrait_cols.setRange(1, 20)
        self.portrait_cols.setSuffix(self.tr(" 栏"))
        p.addRow(self.tr("肖像宽度"), self.portrait_cols)
        self.portrait_mm = QDoubleSpinBox()
        self.portrait_mm.setObjectName("portraitMm")
        self.portrait_mm.setRange(0.0, 200.0)
        self.portrait_mm.setDecimals(1)
        self.portrait_mm.setSpecialValueText(self.tr("按栏宽"))
        self.portrait_mm.setSuffix(self.tr(" 毫米"))
        p.addRow(self.tr("或指定宽度"), self.portrait_mm)
        self.aspect_w, self.aspect_h = QSpinBox(), QSpinBox()
        for w, name in ((self.aspect_w, "aspectW"), (self.aspect_h, "aspectH")):
            w.setRange(1, 100)
            w.setObjectName(name)
        row = QWidget()
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.aspect_w)
        lay.addWidget(QLabel(":"))
        lay.addWidget(self.aspect_h)
        p.addRow(self.tr("宽高比"), row)
        self.leader_cols = QSpinBox()
        self.leader_cols.setObjectName("leaderColumns")
        self.leader_cols.setRange(1, 20)
        self.leader_cols.setSuffix(self.tr(" 栏"))
        p.addRow(self.tr("讲话人肖像宽度"), self.leader_cols)
        for w, attr, conv in ((self.portrait_cols, "width_columns", int), (self.portrait_mm, "width_mm",
                              lambda v: v or None), (self.aspect_w, "aspect_w", int), (self.aspect_h, "aspect_h", int),
                              (self.leader_cols, "leader_width_columns", int)):
            self._bind_sub(w, "portrait", attr, conv, self.tr("修改肖像规格"))
        f = self.section(self.tr("适配版面的范围"))
        self.scale_min, self.scale_max = QDoubleSpinBox(), QDoubleSpinBox()
        for w, lo, hi in ((self.scale_min, 0.5, 1.0), (self.scale_max, 1.0, 2.0)):
            w.setRange(lo, hi)
            w.setSingleStep(0.05)
            w.setPrefix("×")
        f.addRow(self.tr("标题字号最小"), self.scale_min)
        f.addRow(self.tr("标题字号最大"), self.scale_max)
        self.gap_lines = QSpinBox()
        self.gap_lines.setRange(0, 3)
        self.gap_lines.setSuffix(self.tr(" 行"))
        f.addRow(self.tr("段间最多空行"), self.gap_lines)
        self.portrait_max = QSpinBox()
        self.portrait_max.setRange(1, 20)
        self.portrait_max.setSuffix(self.tr(" 栏"))
        f.addRow(self.tr("肖像最宽"), self.portrait_max)
        self.move_blocks = QCheckBox(self.tr("允许把整块稿件按顺序移到相邻版面"))
        self.move_blocks.setObjectName("moveBlocks")
        f.addRow(self.move_blocks)
        for w, attr, conv in ((self.scale_min, "headline_scale_min", float), (self.scale_max, "headline_scale_max",
                              float), (self.gap_lines, "paragraph_gap_lines", int),
                              (self.portrait_max, "portrait_columns_max", int), (self.move_blocks, "move_blocks", bool)):
            self._bind_sub(w, "fit", attr, conv, self.tr("修改适配范围"))

    def _bind_sub(self, w, part: str, attr: str, conv, label: str) -> None:
        """Bind a widget to ``page_setup.<part>.<attr>`` (the page setup is replaced, undoably)."""
        def apply(value, key) -> None:
            sub = dataclasses.replace(getattr(self.ps(), part), **{attr: conv(value)})
            self._push_ps(dataclasses.replace(self.ps(), **{part: sub}), label, key)

        def model():
            v = getattr(getattr(self.ps(), part), attr)
            return (v or 0.0) if attr == "width_mm" else v

        if isinstance(w, QCheckBox):
            self.binder.add(Binding(w, model, w.isChecked, w.setChecked, apply), w.toggled)
        else:
            self.binder.add(Binding(w, model, w.value, w.setValue, apply), w.valueChanged)

    # ------------------------------------------------------------------ page setup
    def ps(self) -> PageSetup:
        return self.item.page_setup

    def _spin_mm(self, lo: float, hi: float) -> QDoubleSpinBox:
        w = QDoubleSpinBox()
        w.setRange(lo, hi)
        w.setDecimals(1)
        w.setSuffix(self.tr(" 毫米"))
        return w

    def _push_ps(self, new: PageSetup, label: str, key: object) -> None:
        self.doc.push(SetValue(self.doc, self.item, "page_setup", new, label, key))

    def _bind_ps(self, w, attr: str, label: str, custom: bool = False) -> None:
        def apply(value, key) -> None:
            changes = {attr: value}
            if custom:
                changes["preset"] = "custom"
            if attr == "leading_pt":
                value = max(value, self.ps().body_size_pt)
                changes[attr] = value
            self._push_ps(dataclasses.replace(self.ps(), **changes), label, key)

        if isinstance(w, QComboBox):
            self.binder.add(Binding(w, lambda: getattr(self.ps(), attr), w.currentData,
                                    lambda v: w.setCurrentIndex(w.findData(v)), apply), w.currentIndexChanged)
        else:
            self.binder.add(Binding(w, lambda: getattr(self.ps(), attr), w.value, w.setValue, apply), w.valueChanged)

    def _bind_margin(self, w: QDoubleSpinBox, side: str) -> None:
        def apply(value, key) -> None:
            ps = self.ps()
            self._push_ps(dataclasses.replace(ps, margins=dataclasses.replace(ps.margins, **{side: value})),
                          self.tr("修改页边距"), key)

        self.binder.add(Binding(w, lambda: getattr(self.ps().margins, side), w.value, w.setValue, apply),
                        w.valueChanged)

    def _apply_preset(self, preset: str, key: object) -> None:
        if preset == "custom":
            new = dataclasses.replace(self.ps(), preset="custom")
        else:
            new = PageSetup.from_preset(preset)
            new.colour_mode = self.ps().colour_mode
            new.printing_condition = self.ps().printing_condition
            new.icc_profile = self.ps().icc_profile
        self._push_ps(new, self.tr("选择开本"), None)

    def _build_press(self, f) -> None:  # type: ignore[no-untyped-def]
        """The press the PDF is made for: a printing condition, or the printer's ICC profile."""
        self.condition = QComboBox()
        self.condition.setObjectName("printing_condition")
        for key in press.CONDITION_NAMES:
            self.condition.addItem(press.condition_name(key), key)
        self.condition.setToolTip(self.tr("决定图片分色的总墨量上限和网点扩大补偿，并写入 PDF/X 的输出意图"))
        f.addRow(self.tr("印刷条件"), self.condition)
        self._bind_ps(self.condition, "printing_condition", self.tr("修改印刷条件"))
        self.icc = QLineEdit()
        self.icc.setObjectName("icc_profile")
        self.icc.setPlaceholderText(self.tr("无（按印刷条件分色，导出 PDF/X-1a）"))
        choose = QPushButton(self.tr("选择…"))
        choose.clicked.connect(self._browse_icc)
        row = QHBoxLayout()
        row.addWidget(self.icc, 1)
        row.addWidget(choose)
        f.addRow(self.tr("ICC 特性文件"), row)
        self.icc_hint = QLabel()
        self.icc_hint.setWordWrap(True)
        self.icc_hint.setObjectName("hint")
        f.addRow(self.icc_hint)

        def apply(value: str, key: object) -> None:
            self._push_ps(dataclasses.replace(self.ps(), icc_profile=value), self.tr("修改 ICC 特性文件"), key)

        self.binder.add(Binding(self.icc, lambda: self.ps().icc_profile, lambda: self.icc.text().strip(),
                                self.icc.setText, apply, on_refresh=self._update_icc_hint),
                        self.icc.editingFinished)

    def _browse_icc(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.ctx.dialog_parent(), self.tr("印刷厂的 ICC 特性文件"),
                                              self.ps().icc_profile, self.tr("ICC 特性文件 (*.icc *.icm)"))
        if path:
            path = os.path.abspath(path)
            self._push_ps(dataclasses.replace(self.ps(), icc_profile=path), self.tr("修改 ICC 特性文件"), None)

    def _update_icc_hint(self, path: str) -> None:
        if not path:
            self.icc_hint.setText("")
            return
        try:
            from exporters.separation import IccProfileError, profile_description
        except ImportError:
            return
        try:
            self.icc_hint.setText(self.tr("按此特性文件分色，导出 PDF/X-4：{}").format(profile_description(path)))
            self.icc_hint.setStyleSheet("")
        except IccProfileError as exc:
            self.icc_hint.setText(self.tr("不能使用这个特性文件：{}").format(exc))
            self.icc_hint.setStyleSheet("color: #b00020;")

    def _set_body_size_widget(self, pt: float) -> None:
        i = self.body_size.findData(pt)
        if i < 0:
            self.body_size.addItem(f"{pt:g} pt", pt)
            i = self.body_size.count() - 1
        self.body_size.setCurrentIndex(i)

    def _apply_body_size(self, pt: float, key: object) -> None:
        ps = self.ps()
        leading = ps.leading_pt if ps.leading_pt >= pt else round(pt * 1.5, 1)
        self._push_ps(dataclasses.replace(ps, body_size_pt=pt, leading_pt=leading), self.tr("修改正文字号"), None)

    def _on_doc_changed(self, _obj: object, _structural: bool) -> None:
        self._update_hint()

    def _update_hint(self) -> None:
        ps = self.ps()
        text_w = ps.width_mm - ps.margins.left - ps.margins.right
        em = pt_to_mm(ps.body_size_pt)
        col_chars = (text_w / em + ps.gutter_em) / ps.columns - ps.gutter_em if ps.columns else 0
        self.grid_hint.setText(
            self.tr("版心宽 {w:.0f} 毫米；每栏约 {n:.0f} 个正文字。").format(w=text_w, n=max(0.0, col_chars))
        )

    # ------------------------------------------------------------------ fonts
    def _build_fonts(self) -> None:
        box = QGroupBox(self.tr("字体"))
        grid = QGridLayout(box)  # a role's name above its choice: the form fits a narrow dock
        grid.setColumnStretch(0, 1)
        families = installed_families()
        self.font_boxes: dict[str, QComboBox] = {}
        self.font_samples: dict[str, QLabel] = {}
        for row, role in enumerate(FONT_ROLES):
            combo = QComboBox()
            combo.setEditable(True)
            combo.setObjectName(f"font_{role}")
            combo.addItem(self.tr("（默认）"), "")
            for fam in families:
                combo.addItem(fam, fam)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.setMinimumContentsLength(12)
            browse = QPushButton(self.tr("文件…"))
            browse.setToolTip(self.tr("选择字体文件（TTF、OTF、TTC、OTC）"))
            browse.clicked.connect(lambda _=False, r=role: self._browse_font(r))
            sample = QLabel(SAMPLE)
            sample.setMinimumWidth(60)
            grid.addWidget(QLabel(labels.role_name(role)), row * 3, 0, 1, 2)
            grid.addWidget(combo, row * 3 + 1, 0)
            grid.addWidget(browse, row * 3 + 1, 1)
            grid.addWidget(sample, row * 3 + 2, 0, 1, 2)
            self.font_boxes[role] = combo
            self.font_samples[role] = sample
            self.binder.add(
                Binding(combo, lambda r=role: self.item.fonts.get(r, ""), lambda c=combo: self._combo_spec(c),
                        lambda v, c=combo: self._set_combo_spec(c, v), lambda v, k, r=role: self._apply_font(r, v, k),
                        on_refresh=lambda v, r=role: self._update_sample(r, v)),
                combo.currentTextChanged,
            )
        self.outer.addWidget(box)

    def _combo_spec(self, combo: QComboBox) -> str:
        text = combo.currentText().strip()
        i = combo.findText(text)
        if i >= 0:
            return combo.itemData(i) or ""
        return text

    def _set_combo_spec(self, combo: QComboBox, spec: str) -> None:
        i = combo.findData(spec)
        if i >= 0:
            combo.setCurrentIndex(i)
        else:
            combo.setEditText(spec)

    def _apply_font(self, role: str, spec: str, key: object) -> None:
        fonts = dict(self.item.fonts)
        if spec:
            fonts[role] = spec
        else:
            fonts.pop(role, None)
        self.doc.push(SetValue(self.doc, self.item, "fonts", fonts,
                               self.tr("修改字体：{}").format(labels.role_name(role)), key))

    def _browse_font(self, role: str) -> None:
        path, _ = QFileDialog.getOpenFileName(self.ctx.dialog_parent(), self.tr("选择字体文件"),
                                              app_settings.last_folder(), self.tr("字体文件 (*.ttf *.otf *.ttc *.otc)"))
        if path:
            app_settings.remember_folder(path)
            self._apply_font(role, os.path.abspath(path), None)

    def _update_sample(self, role: str, spec: str) -> None:
        label = self.font_samples[role]
        font, error = sample_font(spec, role)
        if font is not None:
            label.setFont(font)
            label.setText(SAMPLE)
            label.setStyleSheet("")
        elif error:
            label.setText(self.tr("找不到字体，将使用默认字体：{}").format(error))
            label.setStyleSheet("color: #b00020;")
        label.setToolTip(spec or self.tr("默认字体"))


"""User-visible names of model values (roles, page presets, colour modes, type sizes).

Kept in one table so the outline, forms and dialogs name things alike. The strings are marked
with QT_TRANSLATE_NOOP for lupdate and translated when shown, so a language switch at run time
takes effect without re-importing anything.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CTX = "Labels"

ROLE_NAMES: dict[str, str] = {
    "title": QT_TRANSLATE_NOOP("Labels", "主题（大标题）"),
    "subtitle": QT_TRANSLATE_NOOP("Labels", "副题"),
    "kicker": QT_TRANSLATE_NOOP("Labels", "引题"),
    "heading": QT_TRANSLATE_NOOP("Labels", "栏目标题"),
    "body": QT_TRANSLATE_NOOP("Labels", "正文"),
    "name": QT_TRANSLATE_NOOP("Labels", "人名"),
    "title_line": QT_TRANSLATE_NOOP("Labels", "职务"),
    "caption": QT_TRANSLATE_NOOP("Labels", "图注"),
    "label": QT_TRANSLATE_NOOP("Labels", "标签"),
    "banner": QT_TRANSLATE_NOOP("Labels", "版头"),
}

PRESET_NAMES: dict[str, str] = {
    "broadsheet": QT_TRANSLATE_NOOP("Labels", "对开（390×543 毫米，8 栏）"),
    "tabloid": QT_TRANSLATE_NOOP("Labels", "四开（270×390 毫米，6 栏）"),
    "a3": QT_TRANSLATE_NOOP("Labels", "A3（297×420 毫米）"),
    "a4": QT_TRANSLATE_NOOP("Labels", "A4（210×297 毫米）"),
    "custom": QT_TRANSLATE_NOOP("Labels", "自定义"),
}

PRESET_SHORT: dict[str, str] = {
    "broadsheet": QT_TRANSLATE_NOOP("Labels", "对开"),
    "tabloid": QT_TRANSLATE_NOOP("Labels", "四开"),
    "a3": QT_TRANSLATE_NOOP("Labels", "A3"),
    "a4": QT_TRANSLATE_NOOP("Labels", "A4"),
    "custom": QT_TRANSLATE_NOOP("Labels", "自定义"),
}

COLOUR_NAMES: dict[str, str] = {
    "cmyk": QT_TRANSLATE_NOOP("Labels", "CMYK 四色"),
    "grey": QT_TRANSLATE_NOOP("Labels", "灰度（单色）"),
    "rgb": QT_TRANSLATE_NOOP("Labels", "RGB（屏幕用）"),
}

#: Chinese type sizes (字号) a newsroom names, in points.
BODY_SIZES: list[tuple[str, float]] = [
    (QT_TRANSLATE_NOOP("Labels", "六号"), 7.5),
    (QT_TRANSLATE_NOOP("Labels", "小五"), 9.0),
    (QT_TRANSLATE_NOOP("Labels", "五号"), 10.5),
    (QT_TRANSLATE_NOOP("Labels", "小四"), 12.0),
    (QT_TRANSLATE_NOOP("Labels", "四号"), 14.0),
]

KIND_NAMES: dict[str, str] = {
    "overset": QT_TRANSLATE_NOOP("Labels", "文字超出"),
    "underset": QT_TRANSLATE_NOOP("Labels", "文字不足"),
    "fallback": QT_TRANSLATE_NOOP("Labels", "替代字体"),
    "missing_glyph": QT_TRANSLATE_NOOP("Labels", "缺字"),
    "low_res": QT_TRANSLATE_NOOP("Labels", "图片分辨率低"),
    "missing_portrait": QT_TRANSLATE_NOOP("Labels", "缺少肖像"),
    "title_fit": QT_TRANSLATE_NOOP("Labels", "标题过长"),
    "space": QT_TRANSLATE_NOOP("Labels", "空位"),
    "proofread": QT_TRANSLATE_NOOP("Labels", "校对"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def role_name(role: str) -> str:
    return tr(ROLE_NAMES.get(role, role))


def preset_name(preset: str) -> str:
    return tr(PRESET_NAMES.get(preset, preset))


def preset_short(preset: str) -> str:
    return tr(PRESET_SHORT.get(preset, preset))


def body_size_name(name: str, pt: float) -> str:
    return QCoreApplication.translate(_CTX, "{name}（{pt} pt）").format(name=tr(name), pt=f"{pt:g}")


def colour_name(mode: str) -> str:
    return tr(COLOUR_NAMES.get(mode, mode))


def kind_name(kind: str) -> str:
    return tr(KIND_NAMES[kind]) if kind in KIND_NAMES else kind

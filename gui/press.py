"""User-visible names for print production: printing conditions, PDF/X flavours, preflight kinds.

Shared by the page-setup form and the export dialog so both name a press alike; marked with
QT_TRANSLATE_NOOP for lupdate and translated when shown (as in :mod:`gui.labels`).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from gui import labels

_CTX = "Press"

CONDITION_NAMES: dict[str, str] = {
    "newsprint": QT_TRANSLATE_NOOP("Press", "新闻纸（冷固轮转 IFRA26，总墨量 240%）"),
    "coated": QT_TRANSLATE_NOOP("Press", "铜版纸（FOGRA39，总墨量 300%）"),
    "uncoated": QT_TRANSLATE_NOOP("Press", "胶版纸（非涂布 FOGRA29，总墨量 300%）"),
}

FLAVOUR_NAMES: dict[str, str] = {
    "auto": QT_TRANSLATE_NOOP("Press", "自动（有 ICC 特性文件时 PDF/X-4，否则 PDF/X-1a）"),
    "x1a": QT_TRANSLATE_NOOP("Press", "PDF/X-1a:2001（印刷厂通用）"),
    "x4": QT_TRANSLATE_NOOP("Press", "PDF/X-4（需印刷厂的 ICC 特性文件）"),
    "none": QT_TRANSLATE_NOOP("Press", "普通 PDF（不声明印刷条件）"),
}

def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def condition_name(key: str) -> str:
    return tr(CONDITION_NAMES[key]) if key in CONDITION_NAMES else key


def flavour_name(key: str) -> str:
    return tr(FLAVOUR_NAMES[key]) if key in FLAVOUR_NAMES else key


def kind_name(kind: str) -> str:
    """Any problem kind's name, in the UI language (one catalogue: layout.messages)."""
    return labels.kind_name(kind)

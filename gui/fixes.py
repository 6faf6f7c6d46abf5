"""One-click fixes: apply a proofreading finding's suggested replacement as an undoable edit.

A finding addresses its text as (block id, field path, list index, character offset), e.g.
(``column-…``, ``sections[1].paragraphs``, 3, 17). The text may have changed since the
proofreader ran (the user kept typing), so the fix is applied only if the characters at that
offset are still the ones the finding marked; otherwise the user is told to wait for the next
check instead of getting a replacement in the wrong place.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from gui.commands import SetValue
from gui.document import Document
from model.document import Paragraph

_PART = re.compile(r"^(\w+)(?:\[(\d+)\])?$")
_MARKED = re.compile(r"⟦(.*?)⟧", re.S)


class FixError(Exception):
    """The fix cannot be applied; the message is for the user."""


def _resolve(root: object, path: str) -> tuple[object, str]:
    """(object holding the last attribute, its name) for a path like ``sections[1].paragraphs``."""
    parts = path.split(".")
    obj = root
    for part in parts[:-1]:
        m = _PART.match(part)
        if m is None:
            raise FixError(path)
        obj = getattr(obj, m.group(1))
        if m.group(2) is not None:
            obj = obj[int(m.group(2))]
        if obj is None:
            raise FixError(path)
    m = _PART.match(parts[-1])
    if m is None or m.group(2) is not None:
        raise FixError(path)
    return obj, m.group(1)


def apply_finding(doc: Document, finding: object) -> None:
    """Push the replacement of ``finding`` as one undo step; raises FixError if it no longer fits."""
    translate = QCoreApplication.translate
    replacement = getattr(finding, "replacement", None)
    item = doc.bulletin.find(getattr(finding, "block_id", ""))
    field = getattr(finding, "field", "")
    if replacement is None or item is None or not field:
        raise FixError(translate("Fixes", "这条提示没有可自动采用的修改建议。"))
    try:
        owner, attr = _resolve(item, field)
        value = getattr(owner, attr)
        index = getattr(finding, "index", None)
        element = value if index is None else value[index]
    except (AttributeError, IndexError, TypeError, FixError):
        raise FixError(translate("Fixes", "找不到这条提示所指的文字，它可能已被删除。")) from None
    text = element.text if isinstance(element, Paragraph) else element
    if not isinstance(text, str):
        raise FixError(translate("Fixes", "这条提示没有可自动采用的修改建议。"))
    offset, length = int(getattr(finding, "offset", 0)), int(getattr(finding, "length", 0))
    marked = _MARKED.search(getattr(finding, "excerpt", "") or "")
    if offset + length > len(text) or (marked is not None and text[offset:offset + length] != marked.group(1)):
        raise FixError(translate("Fixes", "这段文字在校对后又改动过，请等下一次校对结果出来再采用建议。"))
    new_text = text[:offset] + replacement + text[offset + length:]
    if index is None:
        new_value: object = new_text
    else:
        new_value = list(value)
        new_value[index] = Paragraph(new_text, element.lead) if isinstance(element, Paragraph) else new_text
    doc.break_merge()
    doc.push(SetValue(doc, owner, attr, new_value, translate("Fixes", "采用校对建议")))

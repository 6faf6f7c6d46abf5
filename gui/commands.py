"""Every change to the bulletin is one of these undoable commands (DESIGN §9).

The commands hold references to the model objects they change, not ids or list positions
alone: a block deleted and restored by undo is the very same object, so an open form, the
outline and pending layout problems keep pointing at it.

Typing: a :class:`SetValue` carries a *merge key* (the field and the document's merge epoch).
Consecutive commands with the same key and the same target fold into one undo step, as a word
processor groups typing: a step ends at a word (the keystroke after a space or a punctuation
mark starts a new one, so "另外，全年" is two steps), after a pause of ``TYPING_PAUSE_S``, and
when focus moves to another field (the epoch changes). One Ctrl+Z then takes back the last
word or phrase, never a whole passage typed since entering the field.
"""

from __future__ import annotations

import time
import unicodedata
from typing import Any

from PySide6.QtGui import QUndoCommand

from gui.document import Document

_MERGE_ID = 0x6275  # any constant; Qt only merges commands whose id() is equal and not -1
TYPING_PAUSE_S = 1.0  # a pause this long between keystrokes starts a new undo step

#: the clock typing steps are timed by (tests replace it)
clock = time.monotonic


def _text_of(value: Any) -> str:
    """The text a value shows the user (a field, a list of lines, paragraphs); "" for others."""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return "\n".join(_text_of(v) for v in value)
    text = getattr(value, "text", None)
    return text if isinstance(text, str) else ""


def inserted_text(old: Any, new: Any) -> str:
    """What one edit typed, with the character before it: the part of ``new``'s text between the
    head and tail it shares with ``old``, and one more character in front ("" at the start)."""
    a, b = _text_of(old), _text_of(new)
    head = 0
    n = min(len(a), len(b))
    while head < n and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < n - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return b[max(0, head - 1):len(b) - tail]


def starts_word(typed: str) -> bool:
    """True when ``typed`` (as :func:`inserted_text` gives it) begins a new word somewhere."""
    return any(ends_word(a) and not ends_word(b) for a, b in zip(typed, typed[1:]))


def ends_word(ch: str) -> bool:
    """A character after which the next letter starts a new undo step: space or punctuation."""
    return ch.isspace() or unicodedata.category(ch)[0] in "PZ"


class DocCommand(QUndoCommand):
    """Base: knows its document so that redo/undo can notify the views."""

    def __init__(self, doc: Document, text: str) -> None:
        super().__init__(text)
        self.doc = doc


class SetValue(DocCommand):
    """Set one attribute of one model object; with ``merge_key``, merges with its successor."""

    def __init__(
        self,
        doc: Document,
        obj: object,
        attr: str,
        value: Any,
        text: str,
        merge_key: object | None = None,
        structural: bool = False,
    ) -> None:
        super().__init__(doc, text)
        self.obj = obj
        self.attr = attr
        self.old = getattr(obj, attr)
        self.new = value
        self.merge_key = merge_key
        self.structural = structural
        self.stamp = clock()  # when the last keystroke folded into this step was made
        self.typed = inserted_text(self.old, value)  # what this keystroke typed

    def redo(self) -> None:
        setattr(self.obj, self.attr, self.new)
        self.doc.notify(self.obj, self.structural)

    def undo(self) -> None:
        setattr(self.obj, self.attr, self.old)
        self.doc.notify(self.obj, self.structural)

    def id(self) -> int:  # noqa: A003 - Qt's name
        return _MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not (
            isinstance(other, SetValue)
            and other.merge_key is not None
            and other.merge_key == self.merge_key
            and other.obj is self.obj
            and other.attr == self.attr
        ):
            return False
        if other.stamp - self.stamp > TYPING_PAUSE_S:
            return False  # the user paused: what follows is a new step
        if starts_word(other.typed):
            return False  # a new word begins (after a space or a punctuation mark)
        self.new = other.new
        self.stamp = other.stamp
        other.old = other.new = None  # Qt drops ``other``, PySide may keep its wrapper: not the text
        # Typed and then erased back to where it was: the step did nothing, so drop it.
        self.setObsolete(_same(self.new, self.old))
        return True


def _same(a: Any, b: Any) -> bool:
    try:
        return bool(a == b)
    except Exception:  # noqa: BLE001 - comparison of odd values must never break undo
        return a is b


class InsertItem(DocCommand):
    """Insert ``item`` into the list ``owner.attr`` at ``index`` (add page/block/section)."""

    def __init__(self, doc: Document, owner: object, attr: str, index: int, item: object, text: str) -> None:
        super().__init__(doc, text)
        self.owner, self.attr, self.index, self.item = owner, attr, index, item

    def redo(self) -> None:
        getattr(self.owner, self.attr).insert(self.index, self.item)
        self.doc.notify(self.owner, True)

    def undo(self) -> None:
        items = getattr(self.owner, self.attr)
        del items[_index_of(items, self.item)]
        self.doc.notify(self.owner, True)


class RemoveItem(DocCommand):
    """Remove an item (by identity) from the list ``owner.attr``; undo puts it back in place."""

    def __init__(self, doc: Document, owner: object, attr: str, item: object, text: str) -> None:
        super().__init__(doc, text)
        self.owner, self.attr, self.item = owner, attr, item
        self.index = _index_of(getattr(owner, attr), item)

    def redo(self) -> None:
        items = getattr(self.owner, self.attr)
        self.index = _index_of(items, self.item)
        del items[self.index]
        self.doc.notify(self.owner, True)

    def undo(self) -> None:
        getattr(self.owner, self.attr).insert(self.index, self.item)
        self.doc.notify(self.owner, True)


class MoveItem(DocCommand):
    """Move an item within a list or to another list (a block to another page).

    ``dst_index`` is the position in the destination list *after* the item has been taken out
    of its source, which is what a user means by "put it here".
    """

    def __init__(
        self, doc: Document, item: object, src_owner: object, dst_owner: object, dst_index: int, attr: str, text: str
    ) -> None:
        super().__init__(doc, text)
        self.item, self.attr = item, attr
        self.src_owner, self.dst_owner = src_owner, dst_owner
        self.src_index = _index_of(getattr(src_owner, attr), item)
        self.dst_index = dst_index

    def redo(self) -> None:
        src = getattr(self.src_owner, self.attr)
        del src[_index_of(src, self.item)]
        dst = getattr(self.dst_owner, self.attr)
        dst.insert(min(self.dst_index, len(dst)), self.item)
        self.doc.notify(self.dst_owner, True)

    def undo(self) -> None:
        dst = getattr(self.dst_owner, self.attr)
        del dst[_index_of(dst, self.item)]
        getattr(self.src_owner, self.attr).insert(self.src_index, self.item)
        self.doc.notify(self.src_owner, True)


def _index_of(items: list, item: object) -> int:
    """Position by identity: two empty paragraphs compare equal but are different objects."""
    for i, candidate in enumerate(items):
        if candidate is item:
            return i
    raise ValueError("item is not in the list")

"""Text entering the bulletin is cleaned here, so whatever the editor holds can be saved.

Why: a broken paste (half of a surrogate pair from a Windows clipboard, a stray form feed
from a PDF, a NUL from a database export) used to sit in the model, show as nothing on
screen, and then make every save fail — UTF-8 cannot encode a lone surrogate. Typing and
pasting (the GUI's form binding), importing submissions and opening project files all pass
text through ``clean_text``/``clean_tree``; what is removed is reported as a note saying
which field lost which characters, so nothing vanishes silently.

Removed: lone surrogates (U+D800–U+DFFF, category Cs) and control characters (category Cc)
other than tab and line feed. Everything else — every script, symbol and emoji, private use
characters, ideographic space — is kept.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

_BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_text(text: str) -> tuple[str, list[str]]:
    """(text without lone surrogates and control characters, the removed ones as U+XXXX)."""
    if not _BAD.search(text):
        return text, []
    removed = [f"U+{ord(ch):04X}" for ch in _BAD.findall(text)]
    return _BAD.sub("", text), removed


def describe(field: str, removed: list[str]) -> str:
    """The note a user sees for one field, e.g. ``headline: 2 invalid characters removed (U+D800, U+0007)``."""
    shown = ", ".join(dict.fromkeys(removed[:8]))
    more = "…" if len(set(removed)) > 8 else ""
    where = f"{field}: " if field else ""
    return f"{where}{len(removed)} invalid character{'s' if len(removed) != 1 else ''} removed ({shown}{more})"


def clean_value(value: Any, field: str = "") -> tuple[Any, list[str]]:
    """``value`` with every string in it cleaned, and notes; unchanged objects are returned as
    they are (same identity), changed dataclasses as copies, so the caller can tell."""
    if isinstance(value, str):
        cleaned, removed = clean_text(value)
        return cleaned, ([describe(field, removed)] if removed else [])
    if isinstance(value, (list, tuple)):
        notes: list[str] = []
        out = []
        for i, item in enumerate(value):
            c, n = clean_value(item, f"{field}[{i}]")
            out.append(c)
            notes += n
        return (type(value)(out) if notes else value), notes
    if isinstance(value, dict):
        notes = []
        new = {}
        for k, v in value.items():
            c, n = clean_value(v, f"{field}.{k}" if field else str(k))
            new[k] = c
            notes += n
        return (new if notes else value), notes
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        notes = []
        changes = {}
        for f in dataclasses.fields(value):
            if not f.init:
                continue
            c, n = clean_value(getattr(value, f.name), f"{field}.{f.name}" if field else f.name)
            if n:
                changes[f.name] = c
                notes += n
        return (dataclasses.replace(value, **changes) if changes else value), notes
    return value, []


def clean_tree(obj: Any, field: str = "", removed: list[str] | None = None) -> list[str]:
    """Clean every string inside a model object in place (a whole Bulletin, a page, a block);
    returns the notes, and appends the removed characters themselves to ``removed`` if given.
    Objects keep their identity, so ids and references stay valid."""
    notes: list[str] = []

    def clean(text: str) -> tuple[str, list[str]]:
        if removed is not None:
            removed.extend(_BAD.findall(text))
        return clean_text(text)

    if isinstance(obj, (list, dict)):
        entries = enumerate(obj) if isinstance(obj, list) else list(obj.items())
        for k, v in entries:
            where = f"{field}[{k}]" if isinstance(obj, list) else f"{field}.{k}" if field else str(k)
            if isinstance(v, str):
                cleaned, gone = clean(v)
                if gone:
                    obj[k] = cleaned
                    notes.append(describe(where, gone))
            else:
                notes += clean_tree(v, where, removed)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            v = getattr(obj, f.name)
            where = f"{field}.{f.name}" if field else f.name
            if isinstance(v, str):
                cleaned, gone = clean(v)
                if gone:
                    setattr(obj, f.name, cleaned)
                    notes.append(describe(where, gone))
            else:
                notes += clean_tree(v, where, removed)
    return notes


__all__ = ["clean_text", "clean_tree", "clean_value", "describe"]

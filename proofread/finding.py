"""A proofreading finding: where (block, field, index, offset), what, and what to do about it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["error", "warning"]


def is_english(lang: str | None) -> bool:
    """``en``, ``en_US``, ``en-GB`` … are English; anything else (``zh_CN``, None) means Chinese."""
    return bool(lang) and str(lang).lower().replace("-", "_").split("_")[0] == "en"


@dataclass(frozen=True)
class Finding:
    """One problem in one piece of text.

    ``block_id`` is the id of the block, banner or headline group (stable across reordering, so
    the GUI's Problems panel can select it); ``field`` names the text inside it as a path
    (``paragraphs``, ``sections[1].paragraphs``, ``person.titles``, ``headline`` …) and ``index``
    the item in that list (the paragraph index for body text; None for single fields).
    ``offset``/``length`` are character offsets into that text. ``replacement``, when not None,
    is the text that should replace ``text[offset:offset+length]`` — a one-click fix.

    ``message``/``suggestion`` are Chinese (the editor's users are Chinese publicity staff);
    ``message_en``/``suggestion_en`` say the same in English. Pick one with :meth:`message_in` /
    :meth:`suggestion_in`, which fall back to the other language when one is empty (a finding
    from an extra check may carry only one).
    """

    level: Level
    code: str  # repeat, repeat-phrase, bracket, halfwidth, doubled-mark, space, fullwidth, typo, heading-end,
    #            title-line, length, … (layout checks add overset/underset)
    message: str
    block_id: str
    field: str = ""
    index: int | None = None
    offset: int = 0
    length: int = 0
    excerpt: str = ""  # the text around the problem, the problem itself marked ⟦…⟧
    suggestion: str = ""
    replacement: str | None = None
    message_en: str = ""
    suggestion_en: str = ""

    @property
    def paragraph(self) -> int | None:
        """Index of the paragraph, for findings in body text."""
        return self.index if self.field.endswith("paragraphs") else None

    def message_in(self, lang: str) -> str:
        """The message in ``lang`` (``zh_CN``/``zh``… or ``en``…), or in the other language if missing."""
        return (self.message_en or self.message) if is_english(lang) else (self.message or self.message_en)

    def suggestion_in(self, lang: str) -> str:
        """The suggestion in ``lang``, or in the other language if missing."""
        return (self.suggestion_en or self.suggestion) if is_english(lang) else (self.suggestion or self.suggestion_en)

    def where(self) -> str:
        item = f"{self.field}[{self.index}]" if self.index is not None else self.field
        return f"{self.block_id} {item}".strip() + (f" @{self.offset}" if self.field else "")


def excerpt(text: str, offset: int, length: int, context: int = 12) -> str:
    """``…前文⟦问题⟧后文…`` — enough context to find the spot on paper."""
    start, end = max(0, offset - context), min(len(text), offset + length + context)
    return ("…" if start > 0 else "") + text[start:offset] + "⟦" + text[offset:offset + length] + "⟧" \
        + text[offset + length:end] + ("…" if end < len(text) else "")

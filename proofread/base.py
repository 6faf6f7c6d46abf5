"""Building findings from a TextRef, so every check reports in the same shape."""

from __future__ import annotations

from proofread.finding import Finding, Level, excerpt
from proofread.texts import TextRef

#: A text in both languages: (Chinese, English).
Bilingual = tuple[str, str]


def finding(ref: TextRef, level: Level, code: str, offset: int, length: int, message: Bilingual,
            suggestion: Bilingual = ("", ""), replacement: str | None = None) -> Finding:
    """``message`` and ``suggestion`` are (Chinese, English) pairs."""
    return Finding(level=level, code=code, message=message[0], block_id=ref.block_id, field=ref.field,
                   index=ref.index, offset=offset, length=length, excerpt=excerpt(ref.text, offset, length),
                   suggestion=suggestion[0], replacement=replacement, message_en=message[1],
                   suggestion_en=suggestion[1])

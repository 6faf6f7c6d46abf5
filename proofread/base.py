"""Building findings from a TextRef, so every check reports in the same shape."""

from __future__ import annotations

from proofread.finding import Finding, Level, excerpt
from proofread.texts import TextRef


def finding(ref: TextRef, level: Level, code: str, offset: int, length: int, message: str,
            suggestion: str = "", replacement: str | None = None) -> Finding:
    return Finding(level=level, code=code, message=message, block_id=ref.block_id, field=ref.field,
                   index=ref.index, offset=offset, length=length, excerpt=excerpt(ref.text, offset, length),
                   suggestion=suggestion, replacement=replacement)

"""Character classes the checks share (Han, CJK punctuation, pause marks)."""

from __future__ import annotations

PAUSE = "、，。．：；！？"
CJK_PUNCT = PAUSE + "“”‘’《》〈〉（）【】「」『』〔〕〖〗［］｛｝—…·～"


def is_han(ch: str) -> bool:
    return bool(ch) and ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff")


def is_cjk_punct(ch: str) -> bool:
    return bool(ch) and ch in CJK_PUNCT


def han_count(text: str) -> int:
    return sum(1 for ch in text if is_han(ch))

"""Character classes the checks share (Han, CJK punctuation, pause marks)."""

from __future__ import annotations

#: Han ideographs as regular-expression ranges: the BMP blocks (Ext A, URO, compatibility) and
#: the supplementary planes 2 and 3 (Ext B–I, compatibility supplement), where many real given
#: names are encoded. One definition for the proofreader and the importer.
HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"

PAUSE = "、，。．：；！？"
CJK_PUNCT = PAUSE + "“”‘’《》〈〉（）【】「」『』〔〕〖〗［］｛｝—…·～"


def is_han(ch: str) -> bool:
    return bool(ch) and ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"
                         or "\U00020000" <= ch <= "\U0003ffff")


def is_cjk_punct(ch: str) -> bool:
    return bool(ch) and ch in CJK_PUNCT


def han_count(text: str) -> int:
    return sum(1 for ch in text if is_han(ch))

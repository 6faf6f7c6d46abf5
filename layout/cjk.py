"""Character classes for Chinese line composition (DESIGN §5, GB level of W3C clreq).

The composer asks one question per code point — "what kind of character is this?" — and every
rule (line-start/line-end prohibitions, punctuation compression, Han–Latin spacing, unbreakable
clusters) is decided from the answer. Keeping the tables here, apart from the composer, lets
tests pin them down and lets the page composer reuse them (e.g. to balance headlines).

Classes are small ints so that the composer can keep them in flat lists and compare cheaply.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

PAUSE = "、，。．：；！？‼⁇"
CLOSE = "”’」』）》〉】〗〕］｝"
OPEN = "“‘「『（《〈【〖〔［｛"
#: Latin closing punctuation that, like CJK marks, must stay with the word before it.
LATIN_CLOSE = ",.;:!?)]}"
LATIN_OPEN = "([{"
DASH_CHARS = "—⸺―"
ELLIPSIS_CHARS = "…⋯"
MIDDOT_CHARS = "·・‧•"
NUM_PRE = "$¥£￥＄￡€#＃"
NUM_SUF = "%％‰℃°′″"
SLASH = "/／"
#: ⸺ is a whole 2-em dash; the "halves" of …… never reach a line start because the pair is
#: never split, so a whole …… may begin a line while —— may not.
NO_START = PAUSE + CLOSE + "–～—·/／" + "⸺・‧" + LATIN_CLOSE
NO_END = OPEN + "/／" + LATIN_OPEN
DASH = ("——", "⸺")
ELLIPSIS = ("……", "⋯⋯")

# Class codes --------------------------------------------------------------------------------
HAN = 0  # ideographs, kana, hangul, full-width letters/digits and other wide symbols: set solid
C_PAUSE = 1  # ，。、：；！？ — ink on the left (GB style), blank right half
C_CLOSE = 2  # ”’）》 … — ink on the left
C_OPEN = 3  # “‘（《 … — ink on the right
C_DASH = 4  # — ⸺ ― : set in full ems, never split, never starts a line
C_ELLIPSIS = 5  # … ⋯
C_MIDDOT = 6  # · ・ : centred in an em, never starts a line
C_LATIN = 7  # letters of alphabetic scripts
C_DIGIT = 8  # ASCII digits
C_NUM_PRE = 9
C_NUM_SUF = 10
C_SPACE = 11
C_LATIN_PUNCT = 12  # other narrow punctuation and symbols, glued to the Latin word they touch
C_WIDE_NS = 13  # wide marks that may not start a line: ～ –
C_SLASH = 14  # / ／ : glue on both sides

#: classes whose blank half (measured from the font) may be compressed
COMPRESSIBLE = frozenset({C_PAUSE, C_CLOSE, C_OPEN, C_MIDDOT})
#: classes that are "CJK punctuation" for the Han–Latin gap rule
CJK_PUNCT = frozenset({C_PAUSE, C_CLOSE, C_OPEN, C_DASH, C_ELLIPSIS, C_MIDDOT, C_WIDE_NS})
#: classes that make up Latin words and numbers (clusters never broken inside)
NARROW = frozenset({C_LATIN, C_DIGIT, C_NUM_PRE, C_NUM_SUF, C_LATIN_PUNCT})

_EXPLICIT: dict[str, int] = {}
for _chars, _cls in (
    (PAUSE, C_PAUSE),
    (CLOSE, C_CLOSE),
    (OPEN, C_OPEN),
    (DASH_CHARS, C_DASH),
    (ELLIPSIS_CHARS, C_ELLIPSIS),
    (MIDDOT_CHARS, C_MIDDOT),
    (NUM_PRE, C_NUM_PRE),
    (NUM_SUF, C_NUM_SUF),
    ("～–~", C_WIDE_NS),
    (SLASH, C_SLASH),
    (LATIN_CLOSE + LATIN_OPEN + "-'\"&@_+=<>*^|\\`", C_LATIN_PUNCT),
):
    for _c in _chars:
        _EXPLICIT[_c] = _cls
_EXPLICIT["~"] = C_LATIN_PUNCT  # ASCII tilde is Latin, only ～ is the CJK wave dash

_NO_START = frozenset(NO_START)
_NO_END = frozenset(NO_END)


def is_han(ch: str) -> bool:
    """True for CJK ideographs in every block, including astral extensions (𠮷 U+20BB7).

    Needed separately from :func:`char_class` because the orphan rule (§5.8) is about Han
    characters, not about wide symbols such as ◎.
    """
    cp = ord(ch)
    return (
        0x4E00 <= cp <= 0x9FFF  # URO
        or 0x3400 <= cp <= 0x4DBF  # Ext A
        or 0x20000 <= cp <= 0x323AF  # Ext B–H (planes 2 and 3)
        or 0xF900 <= cp <= 0xFAFF  # compatibility ideographs
        or 0x2F800 <= cp <= 0x2FA1F
        or cp == 0x3007  # 〇
    )


@lru_cache(maxsize=8192)
def char_class(ch: str) -> int:
    """Class code of one code point (see the ``C_*`` constants).

    Explicit tables come first (quotes are East-Asian-ambiguous and must not be guessed);
    then East Asian Width decides wide (Han-like, set solid) against narrow (Latin-like).
    """
    cls = _EXPLICIT.get(ch)
    if cls is not None:
        return cls
    if ch.isspace():
        return C_SPACE
    if "0" <= ch <= "9":
        return C_DIGIT
    if is_han(ch):
        return HAN
    eaw = unicodedata.east_asian_width(ch)
    if eaw in ("W", "F"):
        return HAN
    cat = unicodedata.category(ch)
    if eaw == "A" and cat[0] == "S":
        return HAN  # ◎ ● ■ ※ ★: ambiguous-width symbols are wide in Chinese text
    if cat[0] in ("L", "M", "N"):
        return C_LATIN
    return C_LATIN_PUNCT


def spaced_name(name: str) -> str:
    """王明 → 王 明: a two-character Chinese name gets a space between its characters, which
    display roles set a full em wide, so that it lines up with three-character names (the
    newspaper convention for name captions). A space, not U+3000: the PDF's text still reads
    王明 when searched or copied. Any other name, or one already spaced, is returned as it is."""
    s = name.strip()
    if len(s) == 2 and is_han(s[0]) and is_han(s[1]):
        return s[0] + " " + s[1]
    return name


def no_start(ch: str) -> bool:
    """May this character not begin a line (GB level)?"""
    return ch in _NO_START


def no_end(ch: str) -> bool:
    """May this character not end a line?"""
    return ch in _NO_END


def is_latin_or_digit(ch: str) -> bool:
    """Characters that take the ¼-em gap when they meet Han (§5.7)."""
    return char_class(ch) in (C_LATIN, C_DIGIT, C_NUM_PRE, C_NUM_SUF)


def is_narrow(ch: str) -> bool:
    """Characters that belong to Latin words or numbers (never broken inside)."""
    return char_class(ch) in NARROW

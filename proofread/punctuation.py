"""Punctuation in Chinese text (GB/T 15834-2011): half-width marks, doubled marks, stray
spaces, full-width digits and letters.

Decimals (2484.4), times (10:30), thousands (1,000) and Latin text (Mr. Li, e.g., www.gov.cn)
keep their ASCII marks: a mark is only wrong when it touches Han text or CJK punctuation.
Spaces are legitimate in banners and headlines (以优异成绩 庆祝建党100周年) and between the
halves of a quoted slogan (“工会在您身边 竭诚为您服务”), so those are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from proofread.base import finding
from proofread.chars import PAUSE, han_count, is_cjk_punct, is_han
from proofread.finding import Finding
from proofread.texts import PROSE_ROLES, TextRef

#: Chinese names of the half-width marks, for the messages.
MARK_NAMES = {",": "逗号", ".": "句点", ";": "分号", ":": "冒号", "?": "问号", "!": "叹号", "(": "左括号",
              ")": "右括号"}
HALF_TO_FULL = {",": "，", ".": "。", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_DOTS = re.compile(r"\.{2,}")
_DOUBLED = re.compile(f"[{PAUSE}]{{2,}}")
_OK_DOUBLES = {"？！", "！？"}
_SOFT_DOUBLES = {"！！", "？？", "！！！", "？？？"}
_NUMBERING = re.compile(r"^\s*\d{1,3}\.$")
_SPACE = re.compile(r"[ \u3000\u00a0]+")
_FULLWIDTH = re.compile(r"[０-９Ａ-Ｚａ-ｚ]+")
_FULL_TO_HALF = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF5B)}


def _cjk(ch: str) -> bool:
    return is_han(ch) or is_cjk_punct(ch)


def check_halfwidth(ref: TextRef) -> Iterator[Finding]:
    text = ref.text
    for i, mark, curly in _straight_quotes(text):
        name = _QUOTES[mark][2]
        yield finding(ref, "error", "halfwidth", i, 1,
                      (f"中文句中使用了直{name}{mark}", f"straight quote {mark} in Chinese text"),
                      (f"改为中文引号“{curly}”", f"use the Chinese quote {curly}"), curly)
    for i, marks, full in _angle_titles(text):
        yield finding(ref, "error", "halfwidth", i, len(marks),
                      (f"书名号误用了“{marks}”", f"“{marks}” typed for a book-title mark"),
                      (f"改为“{full}”", f"use {full}"), full)
    if not any(ch in HALF_TO_FULL for ch in text):
        return
    chinese = han_count(text) * 2 > len(text.replace(" ", ""))
    skip: set[int] = set()
    for m in _DOTS.finditer(text):
        if m.group(0).startswith(".") and (_cjk(text[m.start() - 1: m.start()]) or _cjk(text[m.end(): m.end() + 1])):
            yield finding(ref, "error", "halfwidth", m.start(), m.end() - m.start(),
                          (f"中文句中使用了“{m.group(0)}”", f"“{m.group(0)}” in Chinese text"),
                          ("改用省略号“……”", "use the ellipsis ……"), "……")
        skip.update(range(m.start(), m.end()))
    for i, ch in enumerate(text):
        if ch not in HALF_TO_FULL or i in skip:
            continue
        prev = text[i - 1] if i > 0 else ""
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if ch in ".:," and prev.isdigit() and nxt.isdigit():
            continue  # 2484.4, 10:30, 1,000
        if ch == "." and _NUMBERING.match(text[: i + 1]):
            continue  # "1. 加强组织领导": a list number
        touches = _cjk(prev) or _cjk(nxt)
        at_end = chinese and ch in ".,;!?" and (nxt == "" or nxt.isspace()) and (prev.isdigit() or prev in "%％")
        if touches or at_end:
            full = HALF_TO_FULL[ch]
            yield finding(ref, "error", "halfwidth", i, 1,
                          (f"中文句中使用了半角{MARK_NAMES[ch]}", f"half-width “{ch}” in Chinese text"),
                          (f"改为全角“{full}”", f"use the full-width “{full}”"), full)


_QUOTES = {'"': ("“", "”", "双引号"), "'": ("‘", "’", "单引号")}
_OPENING_CONTEXT = "（(《〈【「『“‘：:，,、；;。！？ \u3000—…"


def _latin(ch: str) -> bool:
    return bool(ch) and ch.isascii() and ch.isalnum()


#: <<工会法>> or <工会法>: angle brackets typed for the book-title marks 《》 (〈〉 inside them).
_ANGLE_TITLE = re.compile(r"(<<|<)([^<>\s]{1,40})(>>|>)")


def _angle_titles(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, typed marks, replacement) for ASCII angle brackets used as 《》 around Han text."""
    if han_count(text) < sum(1 for ch in text if ch.isascii() and ch.isalpha()):
        return
    for m in _ANGLE_TITLE.finditer(text):
        opener, inner, closer = m.groups()
        if len(opener) != len(closer) or han_count(inner) < 2 or not all(
                is_han(c) or _cjk(c) or c.isalnum() or c in "·-" for c in inner):
            continue
        left, right = ("《", "》") if len(opener) == 2 or not _inside_book_title(text, m.start()) else ("〈", "〉")
        yield m.start(), opener, left
        yield m.end() - len(closer), closer, right


def _inside_book_title(text: str, at: int) -> bool:
    return text.rfind("《", 0, at) > text.rfind("》", 0, at)


_CLOSING_CONTEXT = "，,。.；;：:！!？?）)》」』、 \u3000"


def _straight_quotes(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, mark, curly replacement) of each straight quote that belongs to Chinese text.

    Quotes pair up left to right (an odd one out is turned by its neighbours); a quote counts
    when it touches Han text or CJK punctuation, or quotes Han text, in a text that is more
    Han than Latin. English inside Chinese keeps its apostrophes (don't, Children's).
    """
    if han_count(text) < sum(1 for ch in text if ch.isascii() and ch.isalpha()):
        return
    for mark, (left, right, _name) in _QUOTES.items():
        at = [i for i, ch in enumerate(text) if ch == mark
              and not (mark == "'" and _latin(text[i - 1: i]) and _latin(text[i + 1: i + 2]))]
        opening = True
        for k, i in enumerate(at):
            prev = text[i - 1] if i > 0 else ""
            nxt = text[i + 1] if i + 1 < len(text) else ""
            if len(at) % 2:
                if nxt == "" or nxt in _CLOSING_CONTEXT:
                    opening = False
                elif prev == "" or prev in _OPENING_CONTEXT:
                    opening = True
            partner = at[k + 1] if opening and k + 1 < len(at) else (at[k - 1] if not opening and k else None)
            if partner is None:
                inside = ""
            else:
                inside = text[i + 1: partner] if opening else text[partner + 1: i]
            if _cjk(prev) or _cjk(nxt) or han_count(inside) > 0:
                yield i, mark, left if opening else right
            opening = not opening


def check_doubled_marks(ref: TextRef) -> Iterator[Finding]:
    for m in _DOUBLED.finditer(ref.text):
        marks = m.group(0)
        if marks in _OK_DOUBLES:
            continue
        soft = marks in _SOFT_DOUBLES
        yield finding(ref, "warning" if soft else "error", "doubled-mark", m.start(), len(marks),
                      (f"标点“{marks}”连用", f"punctuation marks “{marks}” written together"),
                      ("只保留一个", "keep one mark") if not soft else ("一般用一个即可", "one mark is usually enough"),
                      marks[-1] if len(set(marks)) == 1 else None)


def _inside_slogan(text: str, start: int, end: int) -> bool:
    """A space between two halves of a quoted slogan: “决胜小康 奋斗有我” (or, typed with
    straight quotes, "决胜小康 奋斗有我" — the quotes get their own finding, the space is right)."""
    open_at = text.rfind("“", 0, start)
    if open_at < 0 or text.rfind("”", 0, start) > open_at:
        if text.count('"', 0, start) % 2 == 1 and '"' in text[end:]:
            open_at, close_at = text.rfind('"', 0, start), text.find('"', end)
        else:
            return False
    else:
        close_at = text.find("”", end)
    if close_at < 0:
        return False
    left, right = text[open_at + 1:start], text[end:close_at]
    left = left[left.rfind(" ") + 1:]
    right = right.split(" ")[0]
    return han_count(left) >= 3 and han_count(right) >= 3


def check_spaces(ref: TextRef) -> Iterator[Finding]:
    if ref.role not in PROSE_ROLES:
        return
    text = ref.text
    for m in _SPACE.finditer(text):
        a, b = text[m.start() - 1: m.start()], text[m.end(): m.end() + 1]
        if not (_cjk(a) and _cjk(b)) or not (is_han(a) or is_han(b)):
            continue
        if is_han(a) and is_han(b) and _inside_slogan(text, m.start(), m.end()):
            continue
        yield finding(ref, "warning", "space", m.start(), m.end() - m.start(),
                      ("中文句中有多余空格", "space inside Chinese text"), ("删去空格", "delete the space"), "")


def check_fullwidth(ref: TextRef) -> Iterator[Finding]:
    for m in _FULLWIDTH.finditer(ref.text):
        half = m.group(0).translate(str.maketrans(_FULL_TO_HALF))
        yield finding(ref, "warning", "fullwidth", m.start(), len(m.group(0)),
                      (f"使用了全角数字或字母“{m.group(0)}”", f"full-width “{m.group(0)}”"),
                      (f"改为半角“{half}”", f"use ordinary digits and letters: {half}"), half)

"""Quotes and brackets that are not closed, closed twice, or closed in the wrong order.

Chinese quotes are directional (“ ” ‘ ’), so pairing them is a plain stack walk. The seed has
three real slips of this kind (宝鸡: 轻骑队“巡回基层开展”中国梦…工会情”; 咸阳; 商洛).
"""

from __future__ import annotations

from collections.abc import Iterator

from proofread.base import finding
from proofread.finding import Finding
from proofread.texts import TextRef

PAIRS = {"“": "”", "‘": "’", "《": "》", "（": "）", "【": "】", "「": "」", "『": "』", "〔": "〕",
         "〖": "〗", "［": "］", "〈": "〉", "(": ")"}
CLOSERS = {v: k for k, v in PAIRS.items()}


def _apostrophe(text: str, i: int) -> bool:
    """’ between Latin letters (Children’s) is an apostrophe, not a closing quote."""
    return 0 < i < len(text) - 1 and text[i - 1].isascii() and text[i - 1].isalpha() and text[i + 1].isascii()


def check_brackets(ref: TextRef) -> Iterator[Finding]:
    text = ref.text
    if not any(ch in PAIRS or ch in CLOSERS for ch in text):
        return
    stack: list[tuple[str, int]] = []
    nested: list[tuple[int, int]] = []  # (outer opener offset, inner offset): “ inside “
    closed: set[int] = set()
    for i, ch in enumerate(text):
        if ch in PAIRS:
            if ch in "“‘" and stack and stack[-1][0] == ch:
                nested.append((stack[-1][1], i))
            stack.append((ch, i))
        elif ch in CLOSERS:
            if ch == "’" and _apostrophe(text, i):
                continue
            opener = CLOSERS[ch]
            if stack and stack[-1][0] == opener:
                closed.add(stack.pop()[1])
            elif any(o == opener for o, _ in stack):
                inner, at = stack[-1]
                yield finding(ref, "error", "bracket", i, 1,
                              (f"{ch}与{opener}之间的{inner}（第 {at + 1} 字）尚未闭合，嵌套错乱",
                               f"{ch} closes {opener} while {inner} (at {at}) is still open: misnested"),
                              (f"在{ch}之前用{PAIRS[inner]}闭合{inner}", f"close {inner} with {PAIRS[inner]} before {ch}"))
                while stack and stack[-1][0] != opener:
                    stack.pop()
                stack.pop()
            else:
                yield finding(ref, "error", "bracket", i, 1, (f"{ch}缺少对应的{opener}", f"{ch} without an opening {opener}"),
                              (f"在引文或括注开始处补上{opener}，或删去此处的{ch}",
                               f"add the missing {opener} where the quotation begins, or delete this {ch}"))
    for outer, inner in nested:
        if outer in closed and inner in closed:  # an unclosed outer quote is reported already
            ch = text[inner]
            yield finding(ref, "warning", "bracket", inner, 1,
                          (f"{ch}内又套用{ch}：引号嵌套应双单交替（“ ‘ ’ ”）",
                           f"{ch} inside {ch}: nested quotes alternate “ ‘ ’ ”"),
                          ("“ ”内的引号改用‘ ’", "use ‘ ’ inside “ ”") if ch == "“" else ("核对引号", "check the quotes"))
    for opener, at in stack:
        yield finding(ref, "error", "bracket", at, 1, (f"{opener}缺少对应的{PAIRS[opener]}", f"{opener} is never closed"),
                      (f"在引文或括注结束处补上{PAIRS[opener]}，或删去此处的{opener}",
                       f"add the missing {PAIRS[opener]} where the quotation ends, or delete this {opener}"))

"""Accidental repetition (以实效实效, 劳模劳模, 市委、市政府和市委、市政府, a doubled clause).

Chinese reduplicates on purpose all the time — 个个, 常常, 渐渐, 一一 (AA), 看一看 (A一A),
明明白白 (AABB), 一步一步, 研究研究 (verb ABAB), 做优做细做深做透, 谋大势、谋实事 (a shared
head) — so the rules are narrow:

* a unit of two or more characters, at least one Han, written twice in a row (XX) is an error,
  unless it is 一X一X, a verb or onomatopoeia that reduplicates as a whole, or a run of one
  character (哈哈哈哈);
* a single character doubled is an error only for 的/了/在/被, and not in words that end and
  begin with it (目的的, 不了了之, 了了解, 存在在, 的的确确);
* X和X / X与X / X、X with X of three or more Han characters is an error (市委、市政府和市委、市政府);
* an item listed twice in one 、 enumeration is an error (劳模精神、劳动精神、劳模精神);
* a whole clause of eight or more characters occurring twice in one sentence is a warning
  (parallel frames that repeat only a clause's start are not).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from proofread.base import finding
from proofread.chars import han_count
from proofread.finding import Finding
from proofread.texts import TextRef

_IMMEDIATE = re.compile(r"(\S{2,40}?)\1", re.S)
_CONJOINED = re.compile(r"([^\s，。；！？：“”‘’《》（）]{3,20})([和与及、或跟同])\1")
_SINGLE = re.compile(r"([的了在被])\1")
_SENTENCE = re.compile(r"[^。！？；]+[。！？；]?")

#: Words reduplicated whole (ABAB) in ordinary prose: verbs "try a little", colour adjectives, sounds.
WHOLE_REDUPLICATION = frozenset({
    "研究", "讨论", "学习", "商量", "考虑", "休息", "活动", "打扫", "整理", "了解", "锻炼", "放松",
    "体验", "交流", "比划", "收拾", "琢磨", "思考", "介绍", "检查", "练习", "准备", "打听", "溜达",
    "雪白", "通红", "笔直", "冰凉", "漆黑", "火热", "碧绿", "蜡黄", "滚烫", "轰隆", "哗啦", "叮咚",
    "扑通", "咕噜", "滴答", "嘀嗒", "呼啦", "叽喳", "谢谢", "再见",
})
#: Contexts where a doubled 的/了/在/被 is two words meeting: (text before, double, text after).
_SINGLE_OK = re.compile(r"目的的|的的确确|不了了之|了了(?:解|结|然|如|悟|事)|(?:存|实|现|正|所|内|外|自)在在|被被(?:子|褥|单)")


def _whole_unit_ok(unit: str) -> bool:
    if han_count(unit) == 0:
        return True  # numbers, Latin, …… and ——: not our business
    if len(set(unit)) == 1:
        return True  # 哈哈哈哈, 常常常常
    if len(unit) == 2 and unit[0] == "一":
        return True  # 一步一步, 一天一天
    return unit in WHOLE_REDUPLICATION


def check_repetition(ref: TextRef) -> Iterator[Finding]:
    if ref.role not in ("body", "bullet", "heading", "subtitle", "attribution", "kicker"):
        return
    text = ref.text
    flagged: list[tuple[int, int]] = []
    pos = 0
    while True:
        m = _IMMEDIATE.search(text, pos)
        if m is None:
            break
        unit = m.group(1)
        if _whole_unit_ok(unit):
            pos = m.start() + 1
            continue
        second = m.start() + len(unit)
        clause = han_count(unit) >= 6
        what, what_zh = ("clause", "语句") if clause else ("word", "词语")
        yield finding(ref, "error", "repeat", second, len(unit), (f"重复{what_zh}“{unit}”", f"repeated {what} “{unit}”"),
                      (f"删去第二个“{unit}”", f"delete the second “{unit}”"), "")
        flagged.append((m.start(), m.end()))
        pos = m.end()
    for m in _SINGLE.finditer(text):
        around = text[max(0, m.start() - 2): m.end() + 2]
        if _SINGLE_OK.search(around) or any(a <= m.start() < b for a, b in flagged):
            continue
        c = m.group(1)
        yield finding(ref, "error", "repeat", m.start() + 1, 1, (f"“{c}”字重复", f"“{c}” written twice"),
                      (f"删去一个“{c}”", f"delete one “{c}”"), "")
    for m in _CONJOINED.finditer(text):
        unit = m.group(1)
        if han_count(unit) < 3 or any(a <= m.start() < b for a, b in flagged):
            continue
        start = m.start(2)
        conj = m.group(2)
        yield finding(ref, "error", "repeat", start, m.end() - start,
                      (f"“{unit}”在“{conj}”前后重复", f"“{unit}” repeated around “{conj}”"),
                      (f"删去“{conj}{unit}”", f"delete “{conj}{unit}”"), "")
        flagged.append((m.start(), m.end()))
    yield from _enumeration_repeats(ref, flagged)
    yield from _long_repeats(ref, flagged)


_CLAUSE_EDGE = "，、；：。！？“”（）"


def _clause(s: str, start: int, length: int) -> bool:
    """Does s[start:start+length] run to the end of its clause?

    A pasted-twice clause does; a parallel frame (让职工群众…感受到温暖，让职工群众…感受到关怀)
    repeats only the start of its clauses and is left alone.
    """
    last = s[start + length - 1]
    after = s[start + length] if start + length < len(s) else "。"
    return last in _CLAUSE_EDGE or after in _CLAUSE_EDGE


def _enumeration_repeats(ref: TextRef, flagged: list[tuple[int, int]]) -> Iterator[Finding]:
    """An item listed twice in one 、 enumeration (劳模精神、劳动精神、劳模精神)."""
    for seg in re.finditer(r"[^，。；：！？“”（）《》]+", ref.text):
        items = seg.group(0).split("、")
        if len(items) < 3:
            continue
        seen: list[str] = []
        pos = seg.start()
        for item in items:
            again = item in seen or (han_count(item) >= 3 and any(s.endswith(item) for s in seen))
            if again and han_count(item) >= 2 and not any(a <= pos < b for a, b in flagged):
                yield finding(ref, "error", "repeat", pos, len(item),
                              (f"并列成分“{item}”重复出现", f"“{item}” listed twice"),
                              (f"删去第二个“{item}”或改正", f"delete the second “{item}” or correct it"))
            seen.append(item)
            pos += len(item) + 1


def _long_repeats(ref: TextRef, flagged: list[tuple[int, int]], k: int = 8) -> Iterator[Finding]:
    """The same 8+ characters twice in one sentence, not adjacent: probably pasted twice."""
    if ref.role != "body":
        return
    for sm in _SENTENCE.finditer(ref.text):
        s = sm.group(0)
        if len(s) < 2 * k:
            continue
        seen: dict[str, int] = {}
        i = 0
        while i + k <= len(s):
            gram = s[i:i + k]
            first = seen.get(gram)
            if first is not None and i >= first + k and han_count(gram) >= k - 1:
                end = i + k
                while end < len(s) and end - i < i - first and s[end] == s[first + end - i]:
                    end += 1
                at = sm.start() + i
                if _clause(s, first, end - i) and _clause(s, i, end - i) and not any(a <= at < b for a, b in flagged):
                    yield finding(ref, "warning", "repeat-phrase", at, end - i,
                                  (f"同一句中“{s[i:end]}”出现两次", f"“{s[i:end]}” appears twice in one sentence"),
                                  ("核对第二处是否误粘贴", "check whether the second one was pasted by mistake"))
                i = end
                continue
            seen.setdefault(gram, i)
            i += 1

"""Where a paragraph's lines end: total-fit breaking for text, phrase breaking for display.

Split from :mod:`layout.compose`, which itemizes a paragraph into atoms and boundaries (with
prefix sums of natural width ``X``, of width after all shrinking ``XS``, and of stretchable
boundaries ``STC``) and positions the lines found here. Both breakers are dynamic programmes
over the legal break positions; they differ in what a line costs (see each function).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from layout import cjk, phrases

if TYPE_CHECKING:
    from layout.compose import _Para

_EPS = 1e-6
_HAN = cjk.HAN
_CJK_PUNCT = cjk.CJK_PUNCT


def break_lines(p: _Para, measure: float, indent: float, hang: float = 0.0,
                display: str | None = None) -> list[tuple[int, int, bool]]:
    """Total-fit breaking: the set of line ends that minimises the paragraph's summed cost.

    Returns (start, end, emergency) per line. A dynamic programme over break positions, as
    Knuth and Plass do for TeX: from every position a line can start at, the few legal ends
    near the measure are tried (the furthest one that fits by squeezing punctuation — 先挤进 —
    and the one before it, which must be stretched — 后推出 — unless the first is set solid);
    each candidate line costs
    its visible adjustment (stretch per gap in tenths of an em, squared, or the share of the
    punctuation's shrink used, squared and weighted lower); the cheapest chain wins. Greedy breaking judges one line at a time and
    leaves a badly stretched line after a number or a mark that would not fit; total fit
    spreads that over the neighbouring lines. A last line that would hold one Han character
    (§5.8) costs as much as a gaping line, so it is avoided whenever anything else is possible.

    ``display`` ("balance" or "fill") sets display type instead (:func:`_break_display`).
    ``hang`` is the indent of every line after the first (◎ items).
    """
    if display is not None:
        return _break_display(p, measure, indent, hang, display)
    n = p.n
    X, XS, ET, STC = p.X, p.XS, p.ET, p.STC
    glue, gsh, brk, forced, size = p.glue, p.gsh, p.brk, p.forced, p.size
    inf = _INFEASIBLE * 1e3
    best = [inf] * (n + 1)
    prev = [0] * (n + 1)
    emerg = [False] * (n + 1)
    best[0] = 0.0
    fpos = [k for k in range(1, n) if forced[k]]
    fi = 0
    avail_rest = measure - hang
    eps = _EPS
    unit = _STRETCH_UNIT
    orphan_cost = _ORPHAN_COST
    shrink_w = _SHRINK_WEIGHT
    ETX, trim_max = p.ETX, p.trim_max
    ST, STX = p.ST, p.STX
    for s in range(n):
        bs = best[s]
        if bs >= inf:
            continue
        avail = measure - indent if s == 0 else avail_rest
        g = glue[s] if s else 0.0
        lo_base = XS[s] + g - gsh[s]
        nat_base = X[s] + g
        if ST is not None and ST[s]:  # an opening mark at the line start drops its blank
            lo_base += STX[s]
            nat_base += ST[s]
        e_hi = bisect_right(XS, lo_base + avail + eps + trim_max, s + 1) - 1
        while fi < len(fpos) and fpos[fi] <= s:
            fi += 1
        if fi < len(fpos) and fpos[fi] < e_hi:
            e_hi = fpos[fi]
        found = 0
        e = e_hi
        floor = nat_base + avail - _WALK_EMS * size[s]
        while e > s and found < _CANDIDATES:
            if found and X[e] < floor:
                break
            if (e == n or brk[e]) and not (trim_max and XS[e] - ETX[e - 1] - lo_base > avail + eps):
                found += 1
                last = e == n or forced[e]
                nat = X[e] - nat_base - ET[e - 1]
                if nat > avail + eps:
                    lo = XS[e] - lo_base - (ETX[e - 1] if trim_max else 0.0)
                    r = (nat - avail) / (nat - lo)
                    c = shrink_w * r * r
                elif last:
                    c = orphan_cost if (e == n and s and _lone_han(p, s, e)) else 0.0
                else:
                    gaps = STC[e] - STC[s + 1]
                    if gaps:
                        r = (avail - nat) / gaps / (size[s] * unit)
                        c = r * r * (1.0 + r)  # past 0.1 em it grows faster, as TeX's cubic badness
                    else:
                        c = 0.0 if nat >= avail - eps else 100.0
                if c == 0.0 and not last and found == 1 and X[n] - X[e] > avail_rest:
                    # a line set solid, not the last but one: ending it earlier only opens gaps
                    found = _CANDIDATES
                c += bs
                if c < best[e]:
                    best[e] = c
                    prev[e] = s
                    emerg[e] = False
            e -= 1
        if not found:
            # nothing legal fits (an over-long word, a tiny measure): break where it fits
            e = _emergency_end(p, s, bisect_right(XS, lo_base + avail + eps, s + 1) - 1)
            c = bs + 1000.0
            if c < best[e]:
                best[e] = c
                prev[e] = s
                emerg[e] = True
    return _backtrack(prev, emerg, n)


def _emergency_end(p: _Para, s: int, e_fit: int) -> int:
    """Where a line that has no legal end must end: the last place that fits and is at least
    not inside a dash or ellipsis and not before a mark that may not start a line (a Latin
    word glued to Han may part here); failing that, the last place that fits."""
    if e_fit <= s:
        return s + 1
    cls, ch = p.cls, p.ch
    for k in range(e_fit, s, -1):
        if k == p.n:
            return k
        joined = cls[k] == cls[k - 1] and cls[k] in (cjk.C_DASH, cjk.C_ELLIPSIS)
        if not joined and not cjk.no_start(ch[k]) and not cjk.no_end(ch[k - 1]):
            return k
    return e_fit


def _backtrack(prev: list[int], emerg: list[bool], n: int) -> list[tuple[int, int, bool]]:
    lines: list[tuple[int, int, bool]] = []
    e = n
    while e > 0:
        s = prev[e]
        lines.append((s, e, emerg[e]))
        e = s
    lines.reverse()
    return lines


_INFEASIBLE = 1e9
_SHRINK_WEIGHT = 0.25
#: stretch per boundary (in ems) regarded as as bad as squeezing all punctuation by half an em
_STRETCH_UNIT = 0.1
#: legal ends tried per line start (a third changes nothing on the seed text and costs 80 %
#: more time), and how far short of the measure (ems) they are looked for
_CANDIDATES = 2
_WALK_EMS = 4.0
#: a last line of one Han character: as bad as a line stretched by ≈ 0.7 em between characters
_ORPHAN_COST = 50.0


def _break_display(p: _Para, measure: float, indent: float, hang: float, mode: str) -> list[tuple[int, int, bool]]:
    """Display type: fewest lines, never inside a word, at the best phrase breaks, balanced.

    Every legal end of every line is tried (display text is short). A line costs a constant
    (so fewer lines win), its phrase penalty (:func:`layout.phrases.break_penalties`: 0 after
    punctuation or a typed space, more inside a phrase, prohibitive inside a word) and its
    slack squared — all lines' slack in ``"balance"`` mode (centred headlines come out in lines
    of even length), mostly the non-last lines' in ``"fill"`` mode (◎ items read like text).
    A last line of one or two characters costs as much as another line.
    """
    n = p.n
    X, XS, ET = p.X, p.XS, p.ET
    glue, gsh, brk, forced = p.glue, p.gsh, p.brk, p.forced
    ETX, trim_max = p.ETX, p.trim_max
    ST, STX = p.ST, p.STX
    pen = _phrase_penalties(p)
    last_w = 1.0 if mode == "balance" else 0.3
    inf = _INFEASIBLE * 1e3
    best = [inf] * (n + 1)
    prev = [0] * (n + 1)
    emerg = [False] * (n + 1)
    best[0] = 0.0
    avail_rest = measure - hang
    eps = _EPS
    for s in range(n):
        bs = best[s]
        if bs >= inf:
            continue
        avail = measure - indent if s == 0 else avail_rest
        g = glue[s] if s else 0.0
        lo_base = XS[s] + g - gsh[s]
        nat_base = X[s] + g
        if ST is not None and ST[s]:
            lo_base += STX[s]
            nat_base += ST[s]
        e_hi = bisect_right(XS, lo_base + avail + eps + trim_max, s + 1) - 1
        found = False
        for e in range(s + 1, e_hi + 1):
            last = e == n or forced[e]  # (a forced break ends the loop below)
            if not (last or brk[e]):
                continue
            lo = XS[e] - lo_base - (ETX[e - 1] if trim_max else 0.0)
            if lo > avail + eps:
                continue
            found = True
            nat = X[e] - nat_base - ET[e - 1]
            if nat > avail + eps:
                r = (nat - avail) / (nat - lo)
                c = _DISPLAY_LINE + _SHRINK_WEIGHT * r * r
            else:
                slack = (avail - nat) / max(avail, eps)
                c = _DISPLAY_LINE + _DISPLAY_BALANCE * slack * slack * (last_w if last else 1.0)
            if not last:
                c += pen[e]
            elif s and _short_tail(p, s, e):
                c += _DISPLAY_LINE
            c += bs
            if c < best[e]:
                best[e] = c
                prev[e] = s
                emerg[e] = False
            if e < n and forced[e]:
                break
        if not found:
            e = _emergency_end(p, s, bisect_right(XS, lo_base + avail + eps, s + 1) - 1)
            c = bs + _DISPLAY_LINE + 10 * phrases.INSIDE_WORD
            if c < best[e]:
                best[e] = c
                prev[e] = s
                emerg[e] = True
    return _backtrack(prev, emerg, n)


def _phrase_penalties(p: _Para) -> list[float]:
    """Phrase penalty per boundary, the text segmented with the author's spaces and forced
    line breaks in place (a word never spans them; a break at a space is a bonus)."""
    n = p.n
    cuts = set(p.typed)
    cuts.update(k for k in range(1, n) if p.forced[k])
    if not cuts:
        return list(phrases.break_penalties("".join(p.ch)))
    chars: list[str] = []
    where: list[int] = []
    for k, ch in enumerate(p.ch):
        if k in cuts:
            chars.append(" ")
        where.append(len(chars))
        chars.append(ch)
    full = phrases.break_penalties("".join(chars))
    pen = [full[i] for i in where] + [0.0]
    for k in cuts:
        pen[k] = _TYPED_SPACE
    return pen


#: a break where the author typed a space between the parts of a headline: better than any
#: other (the parts are the phrases the author meant)
_TYPED_SPACE = -2.0


#: cost of one more display line: more than any phrase penalty, less than breaking a word
_DISPLAY_LINE = 100.0
_DISPLAY_BALANCE = 10.0


def _short_tail(p: _Para, s: int, e: int) -> bool:
    """A last display line of one or two characters (marks not counted)."""
    count = 0
    for k in range(s, e):
        if p.cls[k] not in _CJK_PUNCT:
            count += 1
            if count > 2:
                return False
    return True


def _lone_han(p: _Para, s: int, e: int) -> bool:
    han_count = 0
    for k in range(s, e):
        c = p.cls[k]
        if c == _HAN:
            if not cjk.is_han(p.ch[k]):
                return False
            han_count += 1
        elif c not in _CJK_PUNCT:
            return False
    return han_count == 1



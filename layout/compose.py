"""The Chinese paragraph composer: runs of text in, justified lines of positioned glyphs out.

Everything DESIGN §5 asks of body text is decided here, once, so that the PDF and the Qt
preview (which only draw :class:`layout.types.GlyphRun` items) agree line for line.

API
---
``compose(runs, measure_em, body_size, fonts=None, *, align="justify", indent_em=2.0,
role="body", block_id="", display=None, hang=False) -> Composition``
    Break and justify one paragraph. ``runs`` is a string or a sequence of :class:`Run`
    (text, role, bold, size, colour) — e.g. a bold run-in lead followed by body text.
    ``measure_em`` is the line length in ems of ``body_size`` (a whole number for body
    text, §5.1); ``indent_em`` the first-line indent in the same ems; ``align`` one of
    justify / left / centre / right (justify leaves a paragraph's last line flush left).
    A ``"\n"`` in the text forces a line break (headlines). The result is a list-like
    :class:`Composition` of :class:`Line` plus ``problems`` (font fallback, missing glyphs:
    one per text role, listing the characters; :func:`merge_glyph_problems` merges a block's).
:class:`Line`
    ``text``, ``xs`` (glyph origins), ``boxes`` and ``advances`` (glyph boxes after
    compression), ``width`` (the measure available to it), ``indent``, ``natural``,
    ``right`` (== indent + width on a justified line), ``ascent``/``descent`` (em box, for
    the page composer's leading), ``is_last``, ``justified``, ``emergency`` (broken inside a
    word longer than the measure). ``Line.glyph_runs(x, baseline_y, block_id=...)`` turns it
    into :class:`layout.types.GlyphRun` items with the measure's left edge at ``x``.
``measure_text(runs, size, fonts=None, *, role="title", bold=False) -> float``
    Natural one-line width in pt (for titles that must shrink to fit: width is linear in
    size).
``count_lines(runs, measure_em, body_size, fonts=None, *, indent_em=2.0, role="body",
align="justify", display=None, hang=False) -> int``
    Number of lines without positioning glyphs (for copy fitting and column balancing).

How lines are found: each paragraph becomes a flat list of *atoms* (one per visible
character) and *boundaries* between them. An atom has a natural width after the mandatory
compression of adjacent marks (。” = 1.5 em) and a shrinkable amount (the still-blank halves of
its punctuation); a boundary has glue (the ¼-em Han–Latin gap or a typed space, which vanish at
a break), whether a break is allowed there (line-start/-end prohibitions, never inside a
dash, ellipsis, Latin word or number, nor between a Latin word and the Han character after it
(职工e家) or inside a range such as 2018—2020) and whether justification may stretch it. Prefix sums
make the width of any candidate line O(1). The breaker (:mod:`layout.linebreak`) is total-fit (as Knuth–Plass): a
dynamic programme over legal breaks finds the set of line ends with the least summed visible
adjustment, where the adjustable items are the blank halves of punctuation (squeezed first —
先挤进, push in), the ¼-em Han–Latin gaps (down to ⅛ em) and the stretch between characters
(后推出, push out); a last line of one Han character (§5.8) is priced so that it is avoided
whenever anything else is possible. Display text (headlines, headings, ◎ items, captions:
``DISPLAY_ROLES``, or ``display=True``) is broken by another programme over the same breaks
that never cuts a word (:mod:`layout.phrases`), prefers punctuation and phrase boundaries,
balances the lines and leaves no one- or two-character last line; ``hang=True`` sets a ◎
item's continuation lines under its first character. An opening mark at the start of a line
drops its blank half, always, so its ink is flush with the measure as a mark's at the line end
is (clreq allows half or full; one rule everywhere, also after the first-line indent). Two adjacent
marks take 1.5 em and keep it on a justified line (the stretch goes between other characters).
Justification shrinks punctuation proportionally when a line is over-full and otherwise spreads the missing width equally over
stretchable boundaries. A full-width mark at the end of a line loses its blank half so that
its ink is flush with the measure.

All positions are in points, relative to the left edge of the measure; the output is pure
data and deterministic. Faces come from :mod:`layout.fonts`; metrics per character are cached
per registry, role and weight so that warm composition costs a few microseconds a character.
"""

from __future__ import annotations

import dataclasses
import threading
import weakref
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from operator import add, sub
from typing import Literal

from layout import cjk
from layout.fonts import MISSING, SYNTHETIC_BOLD, Face, FontRegistry, default_registry
from layout.linebreak import break_lines
from layout.types import BLACK, Colour, GlyphRun, Problem

Align = Literal["justify", "left", "centre", "center", "right"]

_EPS = 1e-6

_HAN = cjk.HAN
_PAUSE = cjk.C_PAUSE
_CLOSE = cjk.C_CLOSE
_OPEN = cjk.C_OPEN
_DASH = cjk.C_DASH
_ELLIPSIS = cjk.C_ELLIPSIS
_MIDDOT = cjk.C_MIDDOT
_SPACE = cjk.C_SPACE
#: classes that take the ¼-em gap against Han
_GAPPED = frozenset({cjk.C_LATIN, cjk.C_DIGIT, cjk.C_NUM_PRE, cjk.C_NUM_SUF})
_NARROW = cjk.NARROW
_COMPRESSIBLE = cjk.COMPRESSIBLE
_CJK_PUNCT = cjk.CJK_PUNCT
_NO_START = frozenset(cjk.NO_START)
_NO_END = frozenset(cjk.NO_END)
#: share of the ¼-em Han–Latin gap that justification may take back (to ⅛ em, as JLREQ allows)
_GAP_SHRINK = 0.5
#: roles set as display type: a typed space between Han characters is a full em, and lines break
#: at phrase boundaries (layout.phrases) in balanced lines
DISPLAY_ROLES = frozenset({"title", "subtitle", "kicker", "heading", "banner", "name", "title_line"})


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of paragraph text in one style."""

    text: str
    role: str = "body"
    bold: bool = False
    size: float | None = None  # pt; None = the paragraph's body size
    colour: Colour = BLACK


# --------------------------------------------------------------------------------------------
# Per-character metrics ("protos"), cached per registry / role / weight

# proto: (face, gid, cls, box, off, lb, rb, ink_l, ink_r, status), lengths in ems
_Proto = tuple[Face, int, int, float, float, float, float, float, float, int]
_proto_cache: weakref.WeakKeyDictionary[FontRegistry, dict[tuple[str, bool, float], dict[str, _Scaled]]] = (
    weakref.WeakKeyDictionary()
)


def _make_proto(fonts: FontRegistry, role: str, bold: bool, ch: str) -> _Proto:
    choice = fonts.choose(role, ch, bold)
    face, gid = choice.face, choice.gid
    upm = face.upm
    cls = cjk.char_class(ch)
    if ch == "\u3000":
        cls = _HAN  # ideographic space: occupies an em like a character
    adv = face.advance(gid) / upm
    box, off, lb, rb, ink_l, ink_r = adv, 0.0, 0.0, 0.0, 0.0, 0.0
    if cls in _COMPRESSIBLE or cls in (_DASH, _ELLIPSIS):
        # §5.9: measure the mark. A face that sets it narrow still gets a full em box, the
        # glyph placed where a full-width form would put its ink (brackets/pauses on their
        # side, dashes, ellipses and dots centred).
        if choice.status != MISSING and adv < 0.98:
            box = 1.0
            if cls == _OPEN:
                off = box - adv
            elif cls in (_PAUSE, _CLOSE):
                off = 0.0
            else:
                off = (box - adv) / 2
        ink = face.ink(gid) if choice.status != MISSING else None
        if ink is not None:
            il, ir = ink[0] / upm, ink[2] / upm
            ink_l, ink_r = il, ir
            if cls in _COMPRESSIBLE:
                cap = 0.25 * box if cls == _MIDDOT else 0.5 * box
                lb = min(max(il + off, 0.0), cap)
                rb = min(max(box - (ir + off), 0.0), cap)
                # a blank narrower than a tenth of an em is design space, not a half-em blank
                lb = lb if lb > 0.1 else 0.0
                rb = rb if rb > 0.1 else 0.0
    return (face, gid, cls, box, off, lb, rb, ink_l, ink_r, choice.status)


# scaled proto: (face, gid, cls, box, off, lb, rb, status), lengths in pt at one size
_Scaled = tuple[Face, int, int, float, float, float, float, int]


def _scaled(pr: _Proto, size: float) -> _Scaled:
    face, gid, cls, box, off, lb, rb, _il, _ir, status = pr
    return (face, gid, cls, box * size, off * size, lb * size, rb * size, status)


def _protos(fonts: FontRegistry, role: str, bold: bool, size: float) -> dict[str, _Scaled]:
    """Per-character metrics for one registry, role, weight and size (cached: the composer's
    inner loop then only looks characters up)."""
    per_reg = _proto_cache.get(fonts)
    if per_reg is None:
        per_reg = _proto_cache[fonts] = {}
    table = per_reg.get((role, bold, size))
    if table is None:
        if len(per_reg) > 256:  # title fitting tries many sizes; do not grow without bound
            per_reg.clear()
        table = per_reg[(role, bold, size)] = {}
    return table


# --------------------------------------------------------------------------------------------
# Itemized paragraph


class _Para:
    """Flat per-atom and per-boundary arrays of one paragraph (boundary i is before atom i)."""

    __slots__ = (
        "ch", "cls", "face", "gid", "size", "bold", "colour", "w", "lb", "rb", "off",
        "glue", "gsh", "brk", "st", "forced", "X", "XS", "STC", "ET", "problems", "n", "vmetrics", "segs",
        "typed", "ETX", "trim_max", "ST", "STX",
    )

    def __init__(self) -> None:
        self.ch: list[str] = []
        self.cls: list[int] = []
        self.face: list[Face] = []
        self.gid: list[int] = []
        self.size: list[float] = []
        self.bold: list[float] = []
        self.colour: list[Colour] = []
        self.w: list[float] = []
        self.lb: list[float] = []
        self.rb: list[float] = []
        self.off: list[float] = []
        self.glue: list[float] = []
        self.gsh: list[float] = []
        self.brk: list[bool] = []
        self.st: list[bool] = []
        self.forced: list[bool] = []
        self.problems: list[Problem] = []
        self.n = 0
        self.vmetrics: tuple[float, float] | None = None  # set when one face and size throughout
        #: (start, end, ascent, descent) per run when no character fell back to another face
        self.segs: list[tuple[int, int, float, float]] | None = None
        #: boundaries where the author typed a space (a phrase break in display text)
        self.typed: list[int] = []
        #: blank a mark loses at a line end beyond what it may shrink anywhere (a compressed
        #: pair's fixed blank), and the largest of them
        self.ETX: list[float] | None = None
        self.trim_max = 0.0
        #: leading blank an opening mark drops at the start of a line (all of it, always), and
        #: the part of it that is not shrinkable anyway; None when the paragraph has no such mark
        self.ST: list[float] | None = None
        self.STX: list[float] | None = None


def _as_runs(runs: str | Run | Sequence[Run], role: str = "body", bold: bool = False) -> Sequence[Run]:
    if isinstance(runs, str):
        return (Run(runs, role, bold),)
    if isinstance(runs, Run):
        return (runs,)
    return runs


def _itemize(runs: Sequence[Run], body_size: float, fonts: FontRegistry, block_id: str) -> _Para:
    p = _Para()
    A_ch, A_cls, A_face, A_gid = p.ch, p.cls, p.face, p.gid
    A_size, A_bold, A_col = p.size, p.bold, p.colour
    A_w, A_lb, A_rb, A_off = p.w, p.lb, p.rb, p.off
    # boundaries default to Han after Han (set solid, break and stretch allowed) and are only
    # written where they differ; the lists are cut to the number of atoms at the end
    cap = sum(len(run.text) for run in runs)
    B_glue, B_gsh, B_brk, B_st, B_forced = [0.0] * cap, [0.0] * cap, [True] * cap, [True] * cap, [False] * cap
    no_start, no_end = _NO_START, _NO_END
    han, gapped, narrow, compressible, cjk_punct = _HAN, _GAPPED, _NARROW, _COMPRESSIBLE, _CJK_PUNCT
    space_cls, dash, ellipsis = _SPACE, _DASH, _ELLIPSIS
    fallback_seen: dict[tuple[str, str], list] = {}
    missing_seen: dict[tuple[str, str], list] = {}
    typed = p.typed
    c_digit, c_wide_ns, c_latin = cjk.C_DIGIT, cjk.C_WIDE_NS, cjk.C_LATIN
    have_dash = False
    segs: list[tuple[int, int, float, float]] = []
    keep_blank: list[int] = []  # atoms whose right blank is not trimmed at a line end
    fixed: list[int] = []  # atoms of compressed pairs: their remaining blank is not squeezed
    c_open, c_middot = _OPEN, _MIDDOT

    prev_cls = -1
    prev_ch = ""
    prev_size = body_size
    pending_space = 0.0  # width of a typed space waiting between two atoms
    pending_forced = False
    n = 0
    for run in runs:
        size = run.size or body_size
        bold = run.bold
        role = run.role
        table = _protos(fonts, role, bold, size)
        stroke = 0.0
        if bold and fonts.needs_synthetic_bold(role):
            stroke = size * SYNTHETIC_BOLD
        colour = run.colour
        display = role in DISPLAY_ROLES
        n_run = n
        for ch in run.text:
            pr = table.get(ch)
            if pr is None:
                if ch == "\n" or ch == "\u2028":
                    if n:
                        pending_forced = True
                    pending_space = 0.0
                    continue
                pr = table[ch] = _scaled(_make_proto(fonts, role, bold, ch), size)
            face, gid, cls, box, off, lb, rb, status = pr
            if cls == space_cls:
                if n:
                    sw = box
                    if sw > pending_space:
                        pending_space = sw
                continue
            if status:
                seen = (missing_seen if status == MISSING else fallback_seen).setdefault((role, ch), [face, 0])
                seen[1] += 1
            # ---- the boundary before this atom
            if cls == han and prev_cls == han and not pending_space and not pending_forced:
                pass  # the common case, Han after Han: the default boundary
            elif n:
                glue = 0.0
                gsh = 0.0
                if pending_space:
                    typed.append(n)
                    if prev_cls in cjk_punct or cls in cjk_punct:
                        glue = 0.0  # §5.7: no gap next to CJK punctuation
                    elif display and prev_cls == han and cls == han and cjk.is_han(prev_ch) and cjk.is_han(ch):
                        glue = size  # 春风化雨　暖人心: the parts of a headline are an em apart
                    elif (prev_cls == han and cls in gapped) or (prev_cls in gapped and cls == han):
                        glue = 0.25 * (size if prev_cls == han else prev_size)  # the space *is* the gap
                        gsh = glue * _GAP_SHRINK
                    else:
                        glue = pending_space
                        if prev_cls in narrow and cls in narrow:
                            gsh = glue / 3  # inter-word space may give a little
                    brk = not (ch in no_start or prev_ch in no_end)
                    st = True
                else:
                    if prev_cls == han and cls in gapped:
                        glue = 0.25 * prev_size
                        gsh = glue * _GAP_SHRINK
                        brk = ch not in no_start
                        st = True
                    elif prev_cls in gapped and cls == han:
                        glue = 0.25 * size
                        gsh = glue * _GAP_SHRINK
                        # 职工e家, APP上: a Latin word and the character after it read as one
                        # word (a typed space is where they may part); 6500 / 万元 may part
                        brk = prev_cls != c_latin and prev_ch not in no_end
                        st = True
                    elif prev_cls in narrow and cls in narrow:
                        brk = False  # inside a Latin word or a number with its affixes
                        st = False
                    elif prev_cls == cls and (cls == dash or cls == ellipsis):
                        brk = False  # —— and …… are one mark
                        st = False
                    elif cls == c_digit and (prev_cls == dash or prev_cls == c_wide_ns) and _after_number(A_cls, n - 1):
                        brk = False  # 2018—2020, 3～5: a range is one number
                        st = True
                    else:
                        brk = not (ch in no_start or prev_ch in no_end)
                        st = True
                    if prev_cls in compressible and cls in compressible:
                        # §5.3: two adjacent full-width marks take 1.5 em — and keep it on a
                        # justified line (、“ must not open into a hole: stretch goes elsewhere)
                        st = False
                        fixed.append(n - 1)
                        fixed.append(n)
                        if A_rb[-1] > 0.0:
                            A_w[-1] -= A_rb[-1]
                            A_rb[-1] = 0.0
                        elif lb > 0.0:
                            box -= lb
                            off -= lb
                            lb = 0.0
                if pending_forced:
                    brk = True
                    B_forced[n] = True
                B_glue[n] = glue
                B_gsh[n] = gsh
                B_brk[n] = brk
                B_st[n] = st
            else:
                B_st[0] = False
            pending_space = 0.0
            pending_forced = False
            # ---- the atom
            A_ch.append(ch)
            A_cls.append(cls)
            A_face.append(face)
            A_gid.append(gid)
            A_w.append(box)
            A_lb.append(lb)
            A_rb.append(rb)
            A_off.append(off)
            if cls == dash:
                have_dash = True
            elif cls == c_open or cls == c_middot:
                keep_blank.append(n)
            prev_cls = cls
            prev_ch = ch
            prev_size = size
            n += 1
        k = n - n_run
        if k:
            A_size.extend([size] * k)
            A_bold.extend([stroke] * k)
            A_col.extend([colour] * k)
            f = A_face[n_run]
            segs.append((n_run, n, f.ascender / f.upm * size, -f.descender / f.upm * size))
    p.n = n
    if n < cap:
        del B_glue[n:], B_gsh[n:], B_brk[n:], B_st[n:], B_forced[n:]
    p.glue, p.gsh, p.brk, p.st, p.forced = B_glue, B_gsh, B_brk, B_st, B_forced
    if have_dash:
        _place_dashes(p, runs, fonts)
    # prefix sums (in C via accumulate): X natural, XS natural minus shrink, STC stretchable
    # boundaries; ET the blank a mark loses at the end of a line
    # only marks have a blank to lose, and of them only opening brackets and middle dots keep
    # theirs at a line end
    ET = A_rb[:]
    ST = None
    for i in keep_blank:
        ET[i] = 0.0
        if A_cls[i] == c_open and A_lb[i]:
            if ST is None:
                ST = [0.0] * n
            ST[i] = A_lb[i]
    if fixed:  # what is left of a compressed pair's blanks stays (the pair is 1.5 em) …
        for i in fixed:
            A_lb[i] = A_rb[i] = 0.0
        p.ETX = list(map(sub, ET, A_rb))  # … but still goes at the end of a line
        p.trim_max = max(p.ETX)
    if ST is not None:
        p.ST, p.STX = ST, list(map(sub, ST, A_lb))
    Xel = list(map(add, B_glue, A_w))
    X = list(accumulate(Xel, initial=0.0))
    XS = list(accumulate(map(sub, Xel, map(add, map(add, B_gsh, A_lb), A_rb)), initial=0.0))
    STC = list(accumulate(B_st, initial=0))
    p.X, p.XS, p.STC, p.ET = X, XS, STC, ET
    if n and len(runs) == 1 and not fallback_seen:
        p.vmetrics = _vmetrics(p, 0, 1)
    elif not fallback_seen:
        p.segs = segs  # each run in one face: a line's vmetrics are its runs' maxima
    if fallback_seen:
        p.problems += _glyph_problems("fallback", block_id, fallback_seen)
    if missing_seen:
        p.problems += _glyph_problems("missing_glyph", block_id, missing_seen)
    return p


def _after_number(cls: list[int], k: int) -> bool:
    """Is atom ``k`` (a dash or wave dash) the end of a run of such marks that follows a digit?"""
    c = cls[k]
    while k >= 0 and cls[k] == c:
        k -= 1
    return k >= 0 and (cls[k] == cjk.C_DIGIT or cls[k] == cjk.C_NUM_SUF)


_GLYPH_TEXT = {
    "fallback": "not in the chosen font; set in a fallback font",
    "missing_glyph": "in no available font; shown as a box",
}


def _glyph_problem(kind: str, block_id: str, role: str, chars: Sequence[str], count: int) -> Problem:
    """One problem for a block's text role, its characters in ``text`` (facts, not a sentence)."""
    codes = " ".join(f"U+{ord(ch):04X}" for ch in chars)
    message = f"[{role}] “{''.join(chars)}” ({codes}) {_GLYPH_TEXT[kind]}"
    return Problem(kind, block_id, message, chars=count, role=role, text="".join(chars))  # type: ignore[arg-type]


def _glyph_problems(kind: str, block_id: str, seen: dict[tuple[str, str], list]) -> list[Problem]:
    by_role: dict[str, tuple[list[str], list[int]]] = {}
    for (role, ch), (_face, count) in seen.items():
        chars, total = by_role.setdefault(role, ([], [0]))
        chars.append(ch)
        total[0] += count
    return [_glyph_problem(kind, block_id, role, c, t[0]) for role, (c, t) in by_role.items()]


def merge_glyph_problems(problems: Sequence[Problem]) -> list[Problem]:
    """One fallback / missing-glyph problem per block and text role, listing every character.

    The composer reports per paragraph; a page of body text in a font lacking a few hundred
    characters would otherwise fill the problem list with one row per character.
    """
    merged: dict[tuple[str, str, str], tuple[list[str], list[int]]] = {}
    out: list[Problem | tuple[str, str, str]] = []
    for pr in problems:
        if pr.kind not in _GLYPH_TEXT or not pr.text:
            out.append(pr)
            continue
        key = (pr.kind, pr.block_id, pr.role)
        entry = merged.get(key)
        if entry is None:
            entry = merged[key] = ([], [0])
            out.append(key)
        chars, total = entry
        for ch in pr.text:
            if ch not in chars:
                chars.append(ch)
        total[0] += pr.chars
    return [
        x if isinstance(x, Problem) else _glyph_problem(x[0], x[1], x[2], merged[x][0], merged[x][1][0])
        for x in out
    ]


def _place_dashes(p: _Para, runs: Sequence[Run], fonts: FontRegistry) -> None:
    """Join the dashes of a ——: ink made continuous and centred in the n-em cluster.

    Why: even the full-width dash of a CJK face keeps side bearings, so two set side by side
    show a gap; a 2-em dash must read as one line (§5, GB/T 15834 破折号).
    """
    cls, n = p.cls, p.n
    i = 0
    while i < n:
        if cls[i] != _DASH:
            i += 1
            continue
        j = i
        while j < n and cls[j] == _DASH and p.face[j] is p.face[i] and p.size[j] == p.size[i]:
            j += 1
        face, gid, size = p.face[i], p.gid[i], p.size[i]
        ink = face.ink(gid)
        m = j - i
        if ink is not None:
            upm = face.upm
            il, ir = ink[0] / upm * size, ink[2] / upm * size
            ink_len = ir - il
            box = p.w[i]
            if 0 < ink_len < box:
                start = (m * box - m * ink_len) / 2
                for k in range(m):
                    p.off[i + k] = start + k * ink_len - il - k * box
        i = j


# --------------------------------------------------------------------------------------------
# Lines


@dataclass(slots=True)
class Line:
    """One composed line. Positions are in pt from the left edge of the measure.

    ``xs[i]`` is where glyph i's origin goes; ``advances[i]`` the width its box occupies
    after compression (stretch and gaps excluded). ``width`` is the measure available to the
    line (the full measure, or the measure less the first-line indent plus ``indent``), so a
    justified line ends exactly at ``indent + width``.
    """

    text: str
    xs: list[float]
    advances: list[float]
    width: float  # available width of this line (measure − indent)
    indent: float  # where the available width starts (first-line indent)
    natural: float  # width of the content before justification
    ascent: float
    descent: float
    is_last: bool
    justified: bool
    start: int  # atom index range in the paragraph
    end: int
    boxes: list[float] = field(default_factory=list, repr=False)  # left edge of each glyph box
    #: broken where no rule allows (a word or number longer than the measure): worth reporting
    emergency: bool = False
    #: space justification added at each stretchable boundary (pt; 0 on a squeezed line)
    stretch: float = 0.0
    _para: _Para | None = field(default=None, repr=False, compare=False)
    #: the runs relative to the line (face key, size, x0, text, glyphs, xs, advances, bold, colour),
    #: made on the first ``glyph_runs``: a line is drawn again by every layout that reuses its block
    _runs: list[tuple] | None = field(default=None, repr=False, compare=False)

    @property
    def right(self) -> float:
        """Right edge of the last glyph box (== indent + width on a justified line)."""
        return self.boxes[-1] + self.advances[-1] if self.boxes else self.indent

    def glyph_runs(
        self, x: float, baseline: float, *, colour: Colour | None = None, block_id: str = ""
    ) -> list[GlyphRun]:
        """The line as GlyphRun items, with the measure's left edge at ``x``.

        One run per stretch of glyphs sharing face, size, synthetic bold and colour.
        """
        parts = self._runs
        if parts is None:
            parts = self._runs = self._run_parts()
        return [
            GlyphRun(
                font=font,
                size=size,
                x=x + x0,
                y=baseline,
                text=text,
                glyphs=glyphs,
                xs=xs,
                advances=advances,
                bold=bold,
                colour=colour if colour is not None else col,
                block_id=block_id,
            )
            for font, size, x0, text, glyphs, xs, advances, bold, col in parts
        ]

    def _run_parts(self) -> list[tuple]:
        """One run per stretch of glyphs sharing face, size, synthetic bold and colour."""
        p = self._para
        s, e = self.start, self.end
        if p.vmetrics is not None and e > s:
            # one run, no fallback face: the whole line shares face, size, bold and colour
            xs = self.xs
            x0 = xs[0]
            return [(p.face[s].key, p.size[s], x0, self.text, tuple(p.gid[s:e]), tuple([v - x0 for v in xs]),
                     tuple(self.advances), p.bold[s], p.colour[s])]
        runs: list[tuple] = []
        i = s
        while i < e:
            face, size, bold, col = p.face[i], p.size[i], p.bold[i], p.colour[i]
            j = i + 1
            while (
                j < e
                and p.face[j] is face
                and p.size[j] == size
                and p.bold[j] == bold
                and p.colour[j] == col
            ):
                j += 1
            x0 = self.xs[i - s]
            runs.append((face.key, size, x0, "".join(p.ch[i:j]), tuple(p.gid[i:j]),
                         tuple(v - x0 for v in self.xs[i - s : j - s]), tuple(self.advances[i - s : j - s]),
                         bold, col))
            i = j
        return runs

    @property
    def classes(self) -> list[int]:
        return self._para.cls[self.start : self.end]


class Composition(list[Line]):
    """The lines of one paragraph, plus what the user must hear about (fallback fonts…)."""

    problems: list[Problem]

    def __init__(self, lines: Sequence[Line] = (), problems: Sequence[Problem] = ()) -> None:
        super().__init__(lines)
        self.problems = list(problems)

    @property
    def lines(self) -> list[Line]:
        return list(self)

    def glyph_runs(
        self, x: float, y: float, leading: float, *, block_id: str = ""
    ) -> Iterator[GlyphRun]:
        """All lines as glyph runs, first baseline at ``y`` and ``leading`` pt apart."""
        for k, line in enumerate(self):
            yield from line.glyph_runs(x, y + k * leading, block_id=block_id)


# --------------------------------------------------------------------------------------------
# Justification / positioning


def _position(
    p: _Para, s: int, e: int, avail: float, indent: float, is_last: bool, align: str
) -> Line:
    X, XS, STC = p.X, p.XS, p.STC
    glue, gsh, st = p.glue, p.gsh, p.st
    w, lb, rb, off = p.w, p.lb, p.rb, p.off
    last = e - 1
    etrim = p.ET[last]
    # one rule for a line-start opening mark: it drops its blank half, always (ink flush with
    # the measure, as a mark at the line end)
    strim = p.ST[s] if p.ST is not None else 0.0
    natural = X[e] - X[s] - glue[s] - etrim - strim
    lo = XS[e] - XS[s] - (glue[s] - gsh[s]) - (p.ETX[last] if p.trim_max else 0.0) - (p.STX[s] if strim else 0.0)
    shrink = natural - lo
    ratio = 0.0
    extra = 0.0
    extra_all = 0.0
    start = indent
    justified = False
    if natural > avail + _EPS and shrink > _EPS:
        ratio = min(1.0, (natural - avail) / shrink)
        justified = True
    elif align == "justify" and not is_last:
        gaps = STC[e] - STC[s + 1] if e > s + 1 else 0
        if gaps > 0:
            extra = (avail - natural) / gaps
            justified = True
        elif e - s > 1:
            extra_all = (avail - natural) / (e - s - 1)  # no legal stretch point: last resort
            justified = True
    elif align in ("centre", "center"):
        start += max(0.0, avail - natural) / 2
    elif align == "right":
        start += max(0.0, avail - natural)
    xs: list[float] = []
    adv: list[float] = []
    bx: list[float] = []
    x = start
    for k in range(s, e):
        if k > s:
            g = glue[k]
            if g:
                x += g - gsh[k] * ratio
            if extra and st[k]:
                x += extra
            elif extra_all:
                x += extra_all
        l_ = lb[k]
        if l_ or rb[k] or (k == last and etrim) or (k == s and strim):
            ls = l_ * ratio if k > s else strim
            rs = etrim if (k == last and etrim) else rb[k] * ratio
            xs.append(x + off[k] - ls)
            a = w[k] - ls - rs
        else:
            xs.append(x + off[k])
            a = w[k]
        bx.append(x)
        adv.append(a)
        x += a
    if p.vmetrics is not None:
        asc, desc = p.vmetrics
    elif p.segs is not None:
        asc = desc = 0.0
        for s0, e0, a_, d_ in p.segs:
            if s0 < e and e0 > s:
                if a_ > asc:
                    asc = a_
                if d_ > desc:
                    desc = d_
    else:
        asc, desc = _vmetrics(p, s, e)
    return Line(
        text="".join(p.ch[s:e]),
        xs=xs,
        advances=adv,
        width=avail,
        indent=indent,
        natural=natural,
        ascent=asc,
        descent=desc,
        is_last=is_last,
        justified=justified,
        stretch=extra or extra_all,
        start=s,
        end=e,
        boxes=bx,
        _para=p,
    )


def _vmetrics(p: _Para, s: int, e: int) -> tuple[float, float]:
    """Em-box ascent and descent (pt) of the tallest face/size among atoms s..e."""
    asc = 0.0
    desc = 0.0
    seen: set[tuple[int, float]] = set()
    for k in range(s, e):
        key = (id(p.face[k]), p.size[k])
        if key in seen:
            continue
        seen.add(key)
        f = p.face[k]
        a_ = f.ascender / f.upm * p.size[k]
        d_ = -f.descender / f.upm * p.size[k]
        if a_ > asc:
            asc = a_
        if d_ > desc:
            desc = d_
    return asc, desc


def _norm_align(align: str) -> str:
    if align not in ("justify", "left", "centre", "center", "right"):
        raise ValueError(f"unknown alignment {align!r}")
    return "centre" if align == "center" else align


def compose(
    runs: str | Run | Sequence[Run],
    measure_em: float,
    body_size: float,
    fonts: FontRegistry | None = None,
    *,
    align: Align = "justify",
    indent_em: float = 2.0,
    role: str = "body",
    block_id: str = "",
    display: bool | None = None,
    hang: bool = False,
) -> Composition:
    """Compose one paragraph into lines (see the module docstring).

    ``indent_em`` is in ems of ``body_size`` (2 for body text, 0 for headings); ``role``
    applies when ``runs`` is a plain string. ``display`` breaks at phrase boundaries in
    balanced lines (default: when the first run's role is in :data:`DISPLAY_ROLES` and the
    text is not justified). ``hang`` sets continuation lines under the first character after a
    leading bullet mark (◎ items).
    """
    align = _norm_align(align)
    fonts = fonts or default_registry()
    runs = _as_runs(runs, role)
    try:
        key = (tuple(runs), measure_em, body_size, align, indent_em, display, hang)
        hash(key)
    except TypeError:  # a colour given as a list: composed every time
        key = None
    if key is not None:
        hit = _composed_get(fonts, key)
        if hit is not None:
            lines, problems = hit
            return Composition(lines, [dataclasses.replace(pr, block_id=block_id) for pr in problems])
    comp = _compose(runs, measure_em, body_size, fonts, align, indent_em, block_id, display, hang)
    if key is not None:
        _composed_put(fonts, key, comp, sum(len(r.text) for r in runs))
    return comp


#: composed paragraphs per font registry, by everything but the block id: the make-up tries many
#: plans, the editor lays a page out again on each keystroke, and most paragraphs come back at a
#: width they were composed at; bounded in characters (≈ 600 bytes each composed), oldest out
_COMPOSED_MAX_CHARS = 40_000
_composed: weakref.WeakKeyDictionary[FontRegistry, OrderedDict] = weakref.WeakKeyDictionary()
_composed_chars: weakref.WeakKeyDictionary[FontRegistry, list[int]] = weakref.WeakKeyDictionary()
_composed_lock = threading.Lock()


def _composed_get(fonts: FontRegistry, key: tuple) -> tuple[list[Line], list[Problem]] | None:
    with _composed_lock:
        table = _composed.get(fonts)
        if table is None:
            return None
        hit = table.get(key)
        if hit is not None:
            table.move_to_end(key)
            return hit[0], hit[1]
        return None


def _composed_put(fonts: FontRegistry, key: tuple, comp: Composition, chars: int) -> None:
    if chars > _COMPOSED_MAX_CHARS // 4:
        return  # a huge paragraph would push out everything else
    with _composed_lock:
        table = _composed.get(fonts)
        if table is None:
            table = _composed[fonts] = OrderedDict()
            _composed_chars[fonts] = [0]
        total = _composed_chars[fonts]
        if key in table:
            return
        table[key] = (list(comp), list(comp.problems), chars)
        total[0] += chars
        while total[0] > _COMPOSED_MAX_CHARS and table:
            _k, (_l, _p, n) = table.popitem(last=False)
            total[0] -= n


def _compose(runs: Sequence[Run], measure_em: float, body_size: float, fonts: FontRegistry, align: str,
             indent_em: float, block_id: str, display: bool | None, hang: bool) -> Composition:
    p = _itemize(runs, body_size, fonts, block_id)
    if p.n == 0:
        return Composition([], p.problems)
    measure = measure_em * body_size
    indent = indent_em * body_size
    hang_w = _hang_width(p) if hang else 0.0
    breaks = break_lines(p, measure, indent, hang_w, _display_mode(runs, align, display))
    lines = []
    n = p.n
    for idx, (s, e, emergency) in enumerate(breaks):
        first = idx == 0
        is_last = e == n or p.forced[e]
        ind = indent if first else hang_w
        line = _position(p, s, e, measure - ind, ind, is_last, align)
        line.emergency = emergency
        lines.append(line)
    return Composition(lines, p.problems)


def _display_mode(runs: Sequence[Run], align: str, display: bool | None) -> str | None:
    if display is None:
        display = bool(runs) and runs[0].role in DISPLAY_ROLES and align != "justify"
    if not display:
        return None
    return "balance" if align in ("centre", "center", "right") else "fill"


#: marks that open a list item (◎ ● ■ …): continuation lines hang under the text after them
BULLETS = frozenset("◎●○■□◆◇★☆▲△▶►•·※")


def _hang_width(p: _Para) -> float:
    """Distance from the line start to the first character after the leading bullet marks."""
    k = 0
    while k < p.n and p.ch[k] in BULLETS:
        k += 1
    if k == 0 or k == p.n:
        return 0.0
    return p.X[k] + p.glue[k] - p.glue[0]


def count_lines(
    runs: str | Run | Sequence[Run],
    measure_em: float,
    body_size: float,
    fonts: FontRegistry | None = None,
    *,
    indent_em: float = 2.0,
    role: str = "body",
    align: Align = "justify",
    display: bool | None = None,
    hang: bool = False,
) -> int:
    """How many lines the paragraph takes at this measure (no glyph positioning); the
    arguments mean what they mean to :func:`compose`."""
    fonts = fonts or default_registry()
    runs = _as_runs(runs, role)
    p = _itemize(runs, body_size, fonts, "")
    if p.n == 0:
        return 0
    hang_w = _hang_width(p) if hang else 0.0
    return len(break_lines(p, measure_em * body_size, indent_em * body_size, hang_w,
                           _display_mode(runs, align, display)))


def measure_text(
    runs: str | Run | Sequence[Run],
    size: float,
    fonts: FontRegistry | None = None,
    *,
    role: str = "title",
    bold: bool = False,
) -> float:
    """Natural width in pt of the text set on one line (compression and gaps applied).

    For headlines that must shrink to fit: width scales linearly with size, so the size
    that fits ``w`` is ``size * w / measure_text(text, size)``.
    """
    fonts = fonts or default_registry()
    if isinstance(runs, str):
        runs = (Run(runs, role, bold, size),)
    p = _itemize(_as_runs(runs, role, bold), size, fonts, "")
    if p.n == 0:
        return 0.0
    last = p.n - 1
    return p.X[p.n] - p.ET[last] - (p.ST[0] if p.ST is not None else 0.0)

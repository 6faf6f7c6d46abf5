"""The Chinese paragraph composer: runs of text in, justified lines of positioned glyphs out.

Everything DESIGN §5 asks of body text is decided here, once, so that the PDF and the Qt
preview (which only draw :class:`layout.types.GlyphRun` items) agree line for line.

API
---
``compose(runs, measure_em, body_size, fonts=None, *, align="justify", indent_em=2.0,
role="body", block_id="") -> Composition``
    Break and justify one paragraph. ``runs`` is a string or a sequence of :class:`Run`
    (text, role, bold, size, colour) — e.g. a bold run-in lead followed by body text.
    ``measure_em`` is the line length in ems of ``body_size`` (a whole number for body
    text, §5.1); ``indent_em`` the first-line indent in the same ems; ``align`` one of
    justify / left / centre / right (justify leaves a paragraph's last line flush left).
    A ``"\n"`` in the text forces a line break (headlines). The result is a list-like
    :class:`Composition` of :class:`Line` plus ``problems`` (font fallback, missing glyphs).
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
``count_lines(runs, measure_em, body_size, fonts=None, *, indent_em=2.0, role="body") -> int``
    Number of lines without positioning glyphs (for copy fitting and column balancing).

How lines are found: each paragraph becomes a flat list of *atoms* (one per visible
character) and *boundaries* between them. An atom has a natural width after the mandatory
compression of adjacent marks (。” = 1.5 em) and a shrinkable amount (the still-blank halves of
its punctuation); a boundary has glue (the ¼-em Han–Latin gap or a typed space, which vanish at
a break), whether a break is allowed there (line-start/-end prohibitions, never inside a
dash, ellipsis, Latin word or number) and whether justification may stretch it. Prefix sums
make the width of any candidate line O(1). The breaker is greedy: a line ends where the text
reaches the measure at natural width if it may end there; if a mark that may not start a line
(or a word, number, dash) is in the way, the line first tries to take it in by shrinking its
punctuation — 先挤进 (push in) — and only otherwise ends at an earlier break and is stretched —
后推出 (push out). A repair pass then moves single breaks between neighbouring lines where that
lowers their combined visible adjustment (a cost that ranks squeezing marks below opening
gaps), which removes most badly stretched lines a total-fit breaker would avoid, and a
last-line orphan (one Han character, with or without its marks) is fixed by pulling it up
into a squeezed line or pushing one more character down. Justification shrinks punctuation
proportionally when a line is over-full and otherwise spreads the missing width equally over
stretchable boundaries. A full-width mark at the end of a line loses its blank half so that
its ink is flush with the measure.

All positions are in points, relative to the left edge of the measure; the output is pure
data and deterministic. Faces come from :mod:`layout.fonts`; metrics per character are cached
per registry, role and weight so that warm composition costs a few microseconds a character.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from operator import add, sub
from typing import Literal

from layout import cjk
from layout.fonts import MISSING, SYNTHETIC_BOLD, Face, FontRegistry, default_registry
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
#: marks whose trailing blank is removed at the end of a line so that the ink is flush
_END_TRIM = frozenset({_PAUSE, _CLOSE})


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
    fallback_seen: dict[str, list] = {}
    missing_seen: dict[str, list] = {}
    have_dash = False
    segs: list[tuple[int, int, float, float]] = []
    keep_blank: list[int] = []  # atoms whose right blank is not trimmed at a line end
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
                seen = (missing_seen if status == MISSING else fallback_seen).setdefault(ch, [face, 0, role])
                seen[1] += 1
            # ---- the boundary before this atom
            if cls == han and prev_cls == han and not pending_space and not pending_forced:
                pass  # the common case, Han after Han: the default boundary
            elif n:
                glue = 0.0
                gsh = 0.0
                if pending_space:
                    if prev_cls in cjk_punct or cls in cjk_punct:
                        glue = 0.0  # §5.7: no gap next to CJK punctuation
                    elif (prev_cls == han and cls in gapped) or (prev_cls in gapped and cls == han):
                        glue = 0.25 * (size if prev_cls == han else prev_size)  # the space *is* the gap
                    else:
                        glue = pending_space
                        if prev_cls in narrow and cls in narrow:
                            gsh = glue / 3  # inter-word space may give a little
                    brk = not (ch in no_start or prev_ch in no_end)
                    st = True
                else:
                    if prev_cls == han and cls in gapped:
                        glue = 0.25 * prev_size
                        brk = ch not in no_start
                        st = True
                    elif prev_cls in gapped and cls == han:
                        glue = 0.25 * size
                        brk = prev_ch not in no_end
                        st = True
                    elif prev_cls in narrow and cls in narrow:
                        brk = False  # inside a Latin word or a number with its affixes
                        st = False
                    elif prev_cls == cls and (cls == dash or cls == ellipsis):
                        brk = False  # —— and …… are one mark
                        st = False
                    else:
                        brk = not (ch in no_start or prev_ch in no_end)
                        st = True
                    if prev_cls in compressible and cls in compressible:
                        # §5.3: two adjacent full-width marks take 1.5 em
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
    Xel = list(map(add, B_glue, A_w))
    X = list(accumulate(Xel, initial=0.0))
    XS = list(accumulate(map(sub, Xel, map(add, map(add, B_gsh, A_lb), A_rb)), initial=0.0))
    STC = list(accumulate(B_st, initial=0))
    # only marks have a blank to lose, and of them only opening brackets and middle dots keep
    # theirs at a line end
    ET = A_rb[:]
    for i in keep_blank:
        ET[i] = 0.0
    p.X, p.XS, p.STC, p.ET = X, XS, STC, ET
    if n and len(runs) == 1 and not fallback_seen:
        p.vmetrics = _vmetrics(p, 0, 1)
    elif not fallback_seen:
        p.segs = segs  # each run in one face: a line's vmetrics are its runs' maxima
    for ch, (face, count, role) in fallback_seen.items():
        p.problems.append(
            Problem(
                "fallback", block_id,
                f"“{ch}” (U+{ord(ch):04X}) is not in the chosen font; set in {face.full_name}",
                chars=count, role=role, text=ch,
            )
        )
    for ch, (face, count, role) in missing_seen.items():
        p.problems.append(
            Problem(
                "missing_glyph", block_id,
                f"“{ch}” (U+{ord(ch):04X}) is in no available font; shown as a box ({face.full_name})",
                chars=count, role=role, text=ch,
            )
        )
    return p


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
    _para: _Para | None = field(default=None, repr=False, compare=False)

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
        p = self._para
        s, e = self.start, self.end
        if p.vmetrics is not None and e > s:
            # one run, no fallback face: the whole line shares face, size, bold and colour
            xs = self.xs
            x0 = xs[0]
            col = p.colour[s]
            return [
                GlyphRun(
                    font=p.face[s].key,
                    size=p.size[s],
                    x=x + x0,
                    y=baseline,
                    text=self.text,
                    glyphs=tuple(p.gid[s:e]),
                    xs=tuple([v - x0 for v in xs]),
                    advances=tuple(self.advances),
                    bold=p.bold[s],
                    colour=colour if colour is not None else col,
                    block_id=block_id,
                )
            ]
        runs: list[GlyphRun] = []
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
            runs.append(
                GlyphRun(
                    font=face.key,
                    size=size,
                    x=x + x0,
                    y=baseline,
                    text="".join(p.ch[i:j]),
                    glyphs=tuple(p.gid[i:j]),
                    xs=tuple(v - x0 for v in self.xs[i - s : j - s]),
                    advances=tuple(self.advances[i - s : j - s]),
                    bold=bold,
                    colour=colour if colour is not None else col,
                    block_id=block_id,
                )
            )
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
# Breaking


def _break(p: _Para, measure: float, indent: float) -> list[tuple[int, int, bool]]:
    """Greedy breaking with 先挤进后推出; returns (start, end, emergency) per line.

    For each line: the furthest point the text reaches at natural width is the ideal end.
    If a line may end there, it does (and is stretched by at most the fraction of an em left
    over). If not — a mark that may not start a line, or a word, number, dash or ellipsis
    straddles the end — the nearest legal end further on is taken when shrinking the line's
    punctuation makes it fit (push in), otherwise the last legal end before (push out).
    """
    n = p.n
    X, XS, ET = p.X, p.XS, p.ET
    glue, gsh, brk, forced = p.glue, p.gsh, p.brk, p.forced
    lines: list[tuple[int, int, bool]] = []
    s = 0
    avail = measure - indent
    eps = _EPS
    while s < n:
        limit = avail + XS[s] + glue[s] - gsh[s] + eps
        nat_limit = avail + X[s] + glue[s] + eps
        legal: list[int] = []
        e_nat = s
        e_nat_legal = False
        e = s + 1
        last_fit = s
        while e <= n:
            if XS[e] > limit:
                break
            last_fit = e
            ok = e == n or brk[e]
            if X[e] - ET[e - 1] <= nat_limit:
                e_nat = e
                e_nat_legal = ok
            if ok:
                legal.append(e)
                if e == n or forced[e]:
                    break
            e += 1
        emergency = False
        if e_nat > s and e_nat_legal:
            best = e_nat
            if best < n and not forced[best] and legal[-1] > best:
                # the line could also end one legal break later by squeezing punctuation:
                # do that when it disturbs less than stretching this one would
                b = next(b for b in legal if b > best)
                best = _less_adjusted(p, s, best, b, avail)
        elif legal:
            best = -1
            for b in legal:  # push in: the nearest legal end beyond the ideal one
                if b > e_nat:
                    best = b
                    break
            if best < 0:
                best = legal[-1]  # push out
        else:
            # nothing legal fits (an over-long word, a tiny measure): break where it fits
            best = max(last_fit, s + 1)
            emergency = True
        lines.append((s, best, emergency))
        s = best
        avail = measure
    if len(lines) >= 2:
        _repair(p, lines, measure, indent)
        if _fix_orphan(p, lines, measure, indent):
            _repair(p, lines, measure, indent)  # spread what the orphan fix pushed down
    return lines


def _line_cost(p: _Para, s: int, e: int, avail: float, is_last: bool) -> float:
    """How visibly a line is adjusted: (stretch per gap / 0.1 em)² or (share of shrink used)².

    Greedy breaking judges one line at a time; this measure lets neighbouring lines trade
    characters so that one badly stretched line (a number or a pushed-out mark that would not
    fit) becomes two lightly stretched ones, as a total-fit breaker would do.
    """
    X, XS = p.X, p.XS
    g0 = p.glue[s]
    lo = XS[e] - XS[s] - (g0 - p.gsh[s])
    if lo > avail + _EPS:
        return _INFEASIBLE
    nat = X[e] - X[s] - g0 - p.ET[e - 1]
    if nat > avail + _EPS:
        # squeezing punctuation is the normal Chinese remedy (先挤进) and shows less than
        # opening every gap: a line whose marks are all halved costs as much as 0.05 em of
        # stretch between characters
        r = (nat - avail) / (nat - lo)
        return _SHRINK_WEIGHT * r * r
    if is_last:
        return 0.0
    gaps = p.STC[e] - p.STC[s + 1] if e > s + 1 else 0
    if gaps == 0:
        return 0.0 if nat >= avail - _EPS else 100.0
    r = (avail - nat) / gaps / (p.size[s] * _STRETCH_UNIT)
    return r * r


_INFEASIBLE = 1e9
_SHRINK_WEIGHT = 0.25
#: a pair of lines cheaper than this is left alone (≈ 0.06 em between characters)
_REPAIR_THRESHOLD = 0.35


def _repair(p: _Para, lines: list[tuple[int, int, bool]], measure: float, indent: float) -> None:
    """Move single line breaks back or forth where that lowers the pair's combined cost."""
    n = p.n
    brk, forced = p.brk, p.forced
    for _round in range(2):
        changed = False
        for i in range(1, len(lines)):
            s0, b, em0 = lines[i - 1]
            _b, e1, em1 = lines[i]
            if em0 or em1 or forced[b]:
                continue
            a0 = measure - (indent if i == 1 else 0.0)
            last = e1 == n or forced[e1]
            cost = _line_cost(p, s0, b, a0, False) + _line_cost(p, b, e1, measure, last)
            if cost <= _REPAIR_THRESHOLD:
                continue
            best, best_b = cost, b
            tried = 0
            k = b - 1
            while k > s0 + 1 and tried < 3:  # the upper line gives characters away
                if brk[k]:
                    tried += 1
                    c = _line_cost(p, s0, k, a0, False) + _line_cost(p, k, e1, measure, last)
                    if c < best - 1e-9 and not (last and _lone_han(p, k, e1)):
                        best, best_b = c, k
                k -= 1
            tried = 0
            k = b + 1
            while k < e1 and tried < 3:  # or takes them over
                if brk[k]:
                    tried += 1
                    c = _line_cost(p, s0, k, a0, False) + _line_cost(p, k, e1, measure, last)
                    if c < best - 1e-9 and not (last and _lone_han(p, k, e1)):
                        best, best_b = c, k
                k += 1
            if best_b != b:
                lines[i - 1] = (s0, best_b, False)
                lines[i] = (best_b, e1, False)
                changed = True
        if not changed:
            break


#: stretch per boundary (in ems) regarded as as bad as squeezing all punctuation by half an em
_STRETCH_UNIT = 0.1


def _less_adjusted(p: _Para, s: int, b_out: int, b_in: int, avail: float) -> int:
    """Choose between stretching [s, b_out) and squeezing [s, b_in) — whichever shows less."""
    c_out = _line_cost(p, s, b_out, avail, False)
    c_in = _line_cost(p, s, b_in, avail, False)
    return b_in if c_in < c_out else b_out


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


def _fix_orphan(p: _Para, lines: list[tuple[int, int, bool]], measure: float, indent: float) -> bool:
    """§5.8: no lone Han character (with or without its marks) on the last line."""
    s, e, _em = lines[-1]
    if p.forced[s] or not _lone_han(p, s, e):
        return False
    ps, _pe, _pem = lines[-2]
    avail_prev = measure - (indent if len(lines) == 2 else 0.0)
    XS, glue, gsh = p.XS, p.glue, p.gsh
    base = XS[ps] + glue[ps] - gsh[ps]
    # pull up: squeeze the orphan into the line above
    if XS[e] - base <= avail_prev + _EPS:
        lines[-2:] = [(ps, e, False)]
        return True
    # push down: end the line above one legal break earlier, unless that line would then
    # gape (more than half an em between characters) — a worse fault than the orphan
    for b in range(s - 1, ps, -1):
        if p.brk[b] and not p.forced[b] and XS[b] - base <= avail_prev + _EPS:
            if XS[e] - (XS[b] + glue[b] - gsh[b]) > measure + _EPS or _lone_han(p, b, e):
                return False
            nat = p.X[b] - p.X[ps] - glue[ps] - p.ET[b - 1]
            gaps = p.STC[b] - p.STC[ps + 1] if b > ps + 1 else 0
            if gaps and (avail_prev - nat) / gaps <= 0.5 * p.size[ps]:
                lines[-2:] = [(ps, b, False), (b, e, False)]
                return True
            return False
    return False


# --------------------------------------------------------------------------------------------
# Justification / positioning


def _position(
    p: _Para, s: int, e: int, avail: float, indent: float, is_last: bool, align: str
) -> Line:
    X, XS, STC = p.X, p.XS, p.STC
    glue, gsh, st = p.glue, p.gsh, p.st
    w, lb, rb, off, cls = p.w, p.lb, p.rb, p.off, p.cls
    last = e - 1
    etrim = rb[last] if cls[last] in _END_TRIM else 0.0
    natural = X[e] - X[s] - glue[s] - etrim
    lo = XS[e] - XS[s] - (glue[s] - gsh[s])
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
        if l_ or rb[k]:
            ls = l_ * ratio
            r = rb[k]
            rs = r if (k == last and etrim) else r * ratio
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
) -> Composition:
    """Compose one paragraph into lines (see the module docstring).

    ``indent_em`` is in ems of ``body_size`` (2 for body text, 0 for headings); ``role``
    applies when ``runs`` is a plain string.
    """
    align = _norm_align(align)
    fonts = fonts or default_registry()
    p = _itemize(_as_runs(runs, role), body_size, fonts, block_id)
    if p.n == 0:
        return Composition([], p.problems)
    measure = measure_em * body_size
    indent = indent_em * body_size
    breaks = _break(p, measure, indent)
    lines = []
    n = p.n
    for idx, (s, e, emergency) in enumerate(breaks):
        first = idx == 0
        is_last = e == n or p.forced[e]
        line = _position(p, s, e, measure - (indent if first else 0.0), indent if first else 0.0, is_last, align)
        line.emergency = emergency
        lines.append(line)
    return Composition(lines, p.problems)


def count_lines(
    runs: str | Run | Sequence[Run],
    measure_em: float,
    body_size: float,
    fonts: FontRegistry | None = None,
    *,
    indent_em: float = 2.0,
    role: str = "body",
) -> int:
    """How many lines the paragraph takes at this measure (no glyph positioning)."""
    fonts = fonts or default_registry()
    p = _itemize(_as_runs(runs, role), body_size, fonts, "")
    if p.n == 0:
        return 0
    return len(_break(p, measure_em * body_size, indent_em * body_size))


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
    etrim = p.rb[last] if p.cls[last] in _END_TRIM else 0.0
    return p.X[p.n] - etrim

"""The search for a page plan: page size, page count, blocks per page, portrait and headline sizes.

What a make-up editor weighs, as one search with one score (``layout.quality``):

- for each page size allowed (the bulletin's own, or every preset when the size is free) and each
  portrait size class, the number of pages is estimated from the content's volume and its
  neighbours are tried too (only the bulletin's own count when the count is fixed);
- for each of those, the blocks are cut into pages in reading order by a dynamic programme over
  cut points (Jacobs et al., adaptive grid-based document layout, SIGGRAPH 2003, paginate the
  same way), each candidate page laid out for real by the composer and scored; a beam keeps the
  programme linear in the number of pages for long bulletins;
- each page of the best cuts then gets its headline size class (peers on a page share one);
- plans are ranked by the sum of their pages' scores, with a small price per page and for
  leaving the bulletin's own page size.

Everything runs within a time budget and returns the best plans found when it runs out.
"""

from __future__ import annotations

import copy
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from layout.blocks import BlockMeasurer
from layout.document import (
    ImageSizes,
    _measure_cached,
    _natural,
    laid_out_in_order,
    lay_out_page,
    registry_for,
)
from layout.grid import make_grid
from layout.quality import MAX_EMPTY, MAX_FOOT, PageQuality, badness, page_quality
from makeup.plan import FORMATS, PagePlan, build_pages, portrait_class, portrait_is_free, setup_for
from model.document import Bulletin, ColumnBlock, Page, PageSetup

#: the price of overset on a page: always worse than any white
OVERSET_PAGE = 200.0
OVERSET_LINE = 3.0
#: a small price per page (fewer, fuller pages first) and for changing the bulletin's page size
PAGE_PRICE = 2.0
FORMAT_PRICE = 1.5
#: a block without a headline that opens a page is cut off from its group's headline
GROUP_CUT = 60.0
#: pages' content volume outside this share of their room is not laid out, only estimated
LOW, HIGH = 0.6, 1.4
#: cut points kept per page by the programme: all that matter for a few pages, fewer for many
BEAM = 8
#: the share of its room a page's copy should measure (natural heights leave a little to level)
FILL_AIM = 0.95
BEAM_LONG = 6
SCALES = (0.8, 0.9, 1.0, 1.1, 1.25)
#: plans, best first by their pages at the bulletin's headline class, whose pages then get their
#: own headline class
REFINED = 6
#: the price of one 转版 (an article continued on the next page): a reader turns the page in
#: mid-article, so it is taken only where it saves more than a few lines of white
JUMP_PRICE = 6.0
#: plans, best first, whose short and over pages are tried with a 转版 between them
JUMPED = 4
#: portrait size classes are tried in steps of this many columns (1, 1.25, 1.5 …): a size between
#: whole columns fills a page finely, where whole columns jump by a fifth of a page
PORTRAIT_STEP = 0.25


@dataclass
class PageFigures:
    """One page of a plan as the composer lays it out, scored."""

    quality: PageQuality
    overset: list[tuple[str, int]] = field(default_factory=list)  # (block id, characters)
    cost: float = 0.0
    estimated: bool = False  # not laid out: its volume is far from its room
    apart: int = 0  # articles not under their group's headline

    @property
    def overset_chars(self) -> int:
        return sum(c for _b, c in self.overset)

    @property
    def meets(self) -> bool:
        return not self.estimated and self.quality.meets and not self.overset and not self.apart


@dataclass
class Candidate:
    plan: PagePlan
    pages: list[PageFigures]
    cost: float

    @property
    def meets(self) -> bool:
        return all(p.meets for p in self.pages)

    def figures(self) -> str:
        """One line of figures per plan, as ``fit`` prints them."""
        parts = []
        for n, p in enumerate(self.pages, 1):
            q = p.quality
            over = (f" 超稿{p.overset_chars}字" if p.overset else "") + (f" 离组题{p.apart}篇" if p.apart else "")
            parts.append(f"第{n}版 空{100 * q.empty:.0f}% 洞{100 * q.holes:.0f}% 脚{100 * q.foot:.0f}%"
                         f" 孤行{len(q.isolated)}{over}")
        return "；".join(parts)


@dataclass
class SearchResult:
    candidates: list[Candidate]  # best first, distinct plans
    current: Candidate | None  # the bulletin as it stands, scored the same way
    elapsed: float = 0.0
    layouts: int = 0
    note: str = ""  # why the search stopped early, if it did

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None


class _Evaluator:
    """Lays out candidate pages and scores them, remembering every answer: the same page (size,
    portrait class, furniture, blocks, headline class) is asked for by many plans."""

    def __init__(self, bulletin: Bulletin) -> None:
        self.bulletin = bulletin
        self.fonts = registry_for(bulletin)
        self.sizes = ImageSizes(bulletin.images)
        self.blocks = [b for _p, b in bulletin.iter_blocks()]
        self.index = {b.id: i for i, b in enumerate(self.blocks)}  # block id -> reading order
        self.cache: dict[tuple, PageFigures] = {}
        self.scaled: dict[tuple[int, float], object] = {}
        self.volumes: dict[tuple, list[float]] = {}
        self.rooms: dict[tuple, float] = {}
        self.layouts = 0

    def block(self, i: int, scale: float | None):
        b = self.blocks[i]
        if scale is None or not isinstance(b, ColumnBlock) or not b.headline.strip() or abs(b.placement.headline_scale - scale) < 1e-9:
            return b
        key = (i, scale)
        hit = self.scaled.get(key)
        if hit is None:
            hit = self.scaled[key] = replace(b, placement=replace(b.placement, headline_scale=scale))
        return hit

    def _trial(self, setup: PageSetup, furniture: Page | None, blocks: list) -> tuple[Bulletin, Page]:
        trial = copy.copy(self.bulletin)
        trial.page_setup = setup
        page = copy.copy(furniture) if furniture is not None else Page(id="makeup-page")
        page.blocks = blocks
        trial.pages = [page]
        return trial, page

    def page(self, setup: PageSetup, skey: tuple, furniture: Page | None, a: int, b: int, scale: float) -> PageFigures:
        key = (skey, id(furniture) if furniture is not None else None, a, b, scale)
        hit = self.cache.get(key)
        if hit is None:
            trial, page = self._trial(setup, furniture, [self.block(i, scale) for i in range(a, b)])
            lp, problems = lay_out_page(trial, page, 1, self.fonts, self.sizes)
            self.layouts += 1
            hit = self.cache[key] = score_page(lp, problems, make_grid(setup))
        return hit

    def volume(self, setup: PageSetup, skey: tuple) -> list[float]:
        """Each block's area in line-columns at a two-column span (its natural height)."""
        hit = self.volumes.get(skey)
        if hit is None:
            g = make_grid(setup)
            measurer = BlockMeasurer(g, self.fonts, setup.portrait, setup.spaced_names)
            hit = []
            for b in self.blocks:
                m = _measure_cached(measurer, b, self.sizes)
                span = min(g.columns, max(2, m.portrait_cols if m.reserved else 1))
                hit.append(float(_natural(m, span, g) * span))
            self.volumes[skey] = hit
        return hit

    def room(self, setup: PageSetup, skey: tuple, furniture: Page | None) -> float:
        """Line-columns a page with this furniture (banner, headline group) has for blocks."""
        key = (skey, id(furniture) if furniture is not None else None)
        hit = self.rooms.get(key)
        if hit is None:
            trial, page = self._trial(setup, furniture, [])
            _lp, problems = lay_out_page(trial, page, 1, self.fonts, self.sizes)
            g = make_grid(setup)
            lines = max((p.lines for p in problems if p.kind == "space"), default=0)
            hit = self.rooms[key] = float(g.columns * (lines + 1))
        return hit


def score_page(lp, problems: list, g) -> PageFigures:
    """A laid-out page's figures and score: its make-up measure, plus what a page must never
    have — copy left off it (overset, truncated), an article apart from its group."""
    q = page_quality(lp, g)
    over = [(p.block_id, p.chars) for p in problems if p.kind in ("overset", "truncated")]
    apart = sum(1 for p in problems if p.kind == "group_apart")
    cost = badness(q) + GROUP_CUT * apart
    if over:
        cost += OVERSET_PAGE + OVERSET_LINE * sum(c for _b, c in over) / max(1, g.col_chars)
    return PageFigures(q, over, cost, apart=apart)


def better_than_current(result: SearchResult) -> Candidate | None:
    """The best plan, when it scores better than the pages as they stand."""
    best = result.best
    if best is None or (result.current is not None and best.cost >= result.current.cost - 1e-9):
        return None
    return best


def _estimate(ratio: float) -> float:
    """The score a page whose volume is ``ratio`` of its room would get, without laying it out."""
    if ratio < 1.0:
        empty = 1.0 - ratio
        return 100 * empty + 400 * max(0.0, empty - 0.1)
    return OVERSET_PAGE + 200 * (ratio - 1.0)


def _uneven(ratio: float) -> float:
    """What each page left is likely to cost when the copy left measures ``ratio`` of their room:
    nothing near the aim (volumes are estimates), then as white or overset grows."""
    off = abs(ratio - FILL_AIM) - 0.05
    return 0.0 if off <= 0 else 100.0 * off


def plan_makeup(bulletin: Bulletin, pages: int | str | None = None, fmt: str | None = None,
                budget_s: float = 20.0, progress: Callable[[float], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> SearchResult:
    """The best page plans for ``bulletin`` (which is not changed), best first.

    ``pages``: None keeps what the page setup fixes (``fit.free_pages``), "auto" frees the count,
    an int fixes it. ``fmt``: None keeps what the page setup fixes (``fit.free_format``), "auto"
    frees it, a preset name fixes it.
    """
    t0 = time.perf_counter()
    setup0 = bulletin.page_setup
    ev = _Evaluator(bulletin)
    n = len(ev.blocks)
    fixed_pages = [i for i, p in enumerate(bulletin.pages) if p.fixed_layout]
    free_pages = pages == "auto" or (pages is None and setup0.fit.free_pages)
    free_format = fmt == "auto" or (fmt is None and setup0.fit.free_format)
    if fixed_pages or setup0.preset == "custom":
        free_format = free_format and not fixed_pages and setup0.preset != "custom"
    if isinstance(fmt, str) and fmt not in ("auto",) and fmt in FORMATS:
        formats = [fmt]
    else:
        formats = list(FORMATS) if free_format else [setup0.preset]
    formats.sort(key=lambda f: f != setup0.preset)  # the bulletin's own size first
    has_photos = any(getattr(b, "portrait", None) is not None and b.portrait.image for b in ev.blocks
                     if isinstance(b, ColumnBlock))
    current = _score_current(bulletin, ev)
    result = SearchResult([], current)
    if n == 0:
        result.elapsed = time.perf_counter() - t0
        return result
    # pages that cannot go: they carry a banner or headline group, or are fixed
    min_pages = max([i + 1 for i, p in enumerate(bulletin.pages)
                     if p.fixed_layout or p.banner is not None or p.headline is not None] or [1])
    limits = setup0.fit
    scales = [s for s in SCALES if limits.headline_scale_min - 1e-9 <= s <= limits.headline_scale_max + 1e-9] or [1.0]
    found: dict[PagePlan, Candidate] = {}
    refine: dict[PagePlan, tuple] = {}
    combos: list[tuple[str, int]] = []
    for f in formats:
        cols = PageSetup.from_preset(f).columns if f != setup0.preset else setup0.columns  # type: ignore[arg-type]
        own = portrait_class(setup0)
        if has_photos and portrait_is_free(setup0) and not fixed_pages:  # a fixed page keeps its look
            # a portrait at most a third of the page wide: bigger, it outweighs the articles
            top = max(1.0, min(limits.portrait_columns_max, cols / 3))
            many = len(formats) > 1 or len(bulletin.pages) > 6 or n > 40
            step = 2 * PORTRAIT_STEP if many else PORTRAIT_STEP
            classes = sorted({1.0 + k * step for k in range(int(round((top - 1) / step)) + 1)} | {own},
                             key=lambda c: abs(c - own))
            # nor bigger than the article it heads: a portrait's area at most the median text's
            g = make_grid(setup_for(setup0, f, 1.0))
            texts = sorted(sum(len(p.text) for p in b.paragraphs) / max(1, g.col_chars)
                           for b in ev.blocks if isinstance(b, ColumnBlock) and b.portrait is not None)
            if texts:
                median = texts[len(texts) // 2]
                aspect = setup0.portrait.aspect
                classes = [c for c in classes if c <= 1.0 or c * c * g.col_w * aspect / g.leading <= 2 * median] or [1.0]
        else:
            classes = [own]
        if len(classes) > 3 and not free_pages:
            # with the page count fixed, the classes whose copy comes nearest to filling it
            count = max(1, len(bulletin.pages))

            def fill(c: float, f=f, count=count) -> float:
                setup = setup_for(setup0, f, c)
                room = sum(ev.room(setup, (f, c), bulletin.pages[i] if i < len(bulletin.pages) else None)
                           for i in range(count))
                return abs(sum(ev.volume(setup, (f, c))) / max(1.0, room) - FILL_AIM)

            classes = sorted(classes, key=fill)[:3]
        combos += [(f, c) for c in classes]
    done = 0
    for f, pc in combos:
        # the bulletin's own size and portrait class is always planned, however short the budget
        if done and time.perf_counter() - t0 > budget_s or (cancelled and cancelled()):
            result.note = (f"组版用完了 {budget_s:.0f} 秒的时间预算，给出已找到的最好方案"
                           if not (cancelled and cancelled()) else "组版已取消")
            break
        setup = setup_for(setup0, f, pc)
        skey = (f, pc)
        vol = ev.volume(setup, skey)
        total = sum(vol)
        furn = [bulletin.pages[i] if i < len(bulletin.pages) else None for i in range(max(n, len(bulletin.pages)))]
        if free_pages:
            room = ev.room(setup, skey, None)
            est = max(1.0, total / max(1.0, room))
            near = (math.floor(est), math.ceil(est), math.ceil(est) + 1)
            counts = sorted({max(min_pages, min(n, k)) for k in near if k >= 1})
        elif isinstance(pages, int):
            counts = [max(min_pages, pages)]
        else:
            counts = [max(1, len(bulletin.pages))]
        for count in counts:
            if count > n and count > len(bulletin.pages):
                continue
            cand = _paginate(ev, bulletin, setup, skey, furn[:count], vol, count, fixed_pages, t0, budget_s)
            if cand is None:
                continue
            cand.cost += PAGE_PRICE * count + (FORMAT_PRICE if f != setup0.preset else 0.0)
            if cand.plan not in found or cand.cost < found[cand.plan].cost:
                found[cand.plan] = cand
                refine[cand.plan] = (setup, skey, furn[:count])
        done += 1
        if progress:
            progress(done / len(combos))
    # headline classes for the plans most likely to come first: refining only lowers a plan's
    # cost, and the best plan after it is nearly always among the best six before it (the same
    # best plan for 120 of the 122 corpus bulletins; the other two get plans whose pages meet
    # the rules as well); each refinement lays out its pages four times over
    for plan in sorted(found, key=lambda p: found[p].cost)[:REFINED]:
        if time.perf_counter() - t0 >= budget_s:
            break
        setup, skey, furn_k = refine[plan]
        found[plan] = _refine_scales(ev, setup, skey, furn_k, found[plan], scales, t0, budget_s, frozenset(fixed_pages))
    for plan in sorted(found, key=lambda p: found[p].cost)[:JUMPED]:
        if time.perf_counter() - t0 >= budget_s:
            break
        jumped = _jumped(ev, refine[plan][0], found[plan], frozenset(fixed_pages), t0, budget_s)
        if jumped is not found[plan]:
            found[jumped.plan] = jumped
    result.candidates = sorted(found.values(), key=lambda c: c.cost)
    result.elapsed = time.perf_counter() - t0
    if result.elapsed > budget_s and not result.note:
        result.note = f"组版用完了 {budget_s:.0f} 秒的时间预算，部分版面只作了估算，给出已找到的最好方案"
    result.layouts = ev.layouts
    return result


def _cut_ok(ev: _Evaluator, a: int) -> float:
    """The price of a page starting at block ``a``: a headline-less column opening a page is cut
    off from the headline of its group (the column before it)."""
    if a == 0 or a >= len(ev.blocks):
        return 0.0
    b, prev = ev.blocks[a], ev.blocks[a - 1]
    if isinstance(b, ColumnBlock) and not b.headline.strip() and isinstance(prev, ColumnBlock):
        return GROUP_CUT
    return 0.0


def _opening(ev: _Evaluator, a: int, page: int, fig: PageFigures) -> PageFigures:
    """``fig`` of a page that starts at block ``a``, counting the article it opens on as apart
    from its group when the group's headline stands on the page before (priced by ``_cut_ok``)."""
    if page > 0 and _cut_ok(ev, a):
        return replace(fig, apart=fig.apart + 1)
    return fig


def _paginate(ev: _Evaluator, bulletin: Bulletin, setup: PageSetup, skey: tuple, furn: list[Page | None],
              vol: list[float], count: int, fixed_pages: list[int], t0: float, budget_s: float) -> Candidate | None:
    """Blocks cut into ``count`` pages in reading order: a dynamic programme over cut points
    (beam-limited), each page scored by laying it out."""
    n = len(ev.blocks)
    prefix = [0.0]
    for v in vol:
        prefix.append(prefix[-1] + v)
    # a fixed page keeps exactly its blocks: where it starts and ends is forced
    bounds: dict[int, tuple[int, int]] = {}
    pos = 0
    for i, p in enumerate(bulletin.pages):
        if i in fixed_pages and i < count:
            bounds[i] = (pos, pos + len(p.blocks))
        pos += len(p.blocks)
    states: dict[int, tuple[float, list[int], list[PageFigures]]] = {0: (0.0, [], [])}
    for p in range(count):
        room = ev.room(setup, skey, furn[p])
        nxt: dict[int, tuple[float, list[int], list[PageFigures]]] = {}
        last = p == count - 1
        for a, (cost, cuts, figs) in states.items():
            ends = [n] if last else range(a + 1, n - (count - p - 1) + 1)
            for b in ends:
                if b <= a:
                    continue
                if p in bounds and (a, b) != bounds[p]:
                    continue
                ratio = (prefix[b] - prefix[a]) / room
                if (ratio < LOW or ratio > HIGH) and not (last or p in bounds) and time.perf_counter() - t0 < budget_s:
                    fig = PageFigures(PageQuality(p + 1, 0, max(0.0, 1 - ratio), 0.0, 0.0), cost=_estimate(ratio),
                                      estimated=True)
                elif time.perf_counter() - t0 > budget_s:
                    fig = PageFigures(PageQuality(p + 1, 0, max(0.0, 1 - ratio), 0.0, 0.0), cost=_estimate(ratio),
                                      estimated=True)
                else:
                    fig = ev.page(setup, skey, furn[p], a, b, None if p in bounds else 1.0)
                cut = _cut_ok(ev, a) if p > 0 else 0.0
                fig = _opening(ev, a, p, fig)
                c = cost + fig.cost + cut
                cur = nxt.get(b)
                if cur is None or c < cur[0]:
                    nxt[b] = (c, [*cuts, b], [*figs, fig])
        if not nxt:
            return None
        beam = BEAM if count <= 6 else BEAM_LONG
        if not last:
            # states are ranked by their cost so far and what the pages left must then hold: a
            # state that placed too little (or too much) looks cheap now and dear later
            left_room = sum(ev.room(setup, skey, furn[q]) for q in range(p + 1, count))

            def rank(kv, p=p, left_room=left_room) -> float:
                ratio = (prefix[n] - prefix[kv[0]]) / max(1.0, left_room)
                return kv[1][0] + (count - p - 1) * _uneven(ratio)

            states = dict(sorted(nxt.items(), key=rank)[:beam])
        else:
            states = nxt
    if n not in states:
        return None
    cost, cuts, figs = states[n]
    starts = [0, *cuts[:-1]]
    pages = tuple(tuple(ev.blocks[i].id for i in range(a, b)) for a, b in zip(starts, cuts))
    scales = tuple(_own_scale(ev, a, b) if k in bounds else 1.0 for k, (a, b) in enumerate(zip(starts, cuts)))
    plan = PagePlan(setup.preset, pages, portrait_class(setup), scales)
    # pages only estimated are laid out now, so every figure reported is a real one
    for k, (a, b) in enumerate(zip(starts, cuts)):
        if figs[k].estimated:
            fig = _opening(ev, a, k, ev.page(setup, skey, furn[k], a, b, None if k in bounds else 1.0))
            cost += fig.cost - figs[k].cost
            figs[k] = fig
    return Candidate(plan, figs, cost)


def _own_scale(ev: _Evaluator, a: int, b: int) -> float:
    """The headline class a page's blocks have now (a fixed page keeps it)."""
    scales = [ev.blocks[i].placement.headline_scale for i in range(a, b) if isinstance(ev.blocks[i], ColumnBlock)]
    return max(scales, default=1.0)


def _refine_scales(ev: _Evaluator, setup: PageSetup, skey: tuple, furn: list[Page | None], cand: Candidate,
                   scales: list[float], t0: float, budget_s: float, fixed: frozenset[int] = frozenset()) -> Candidate:
    """Each page's headline size class: the one whose page scores best (pages are independent)."""
    index = ev.index
    figs = list(cand.pages)
    chosen = list(cand.plan.headline_scales)
    cost = cand.cost
    for k, ids in enumerate(cand.plan.pages):
        if k in fixed:
            continue
        if not any(isinstance(ev.blocks[index[x]], ColumnBlock) and ev.blocks[index[x]].headline.strip() for x in ids):
            continue
        a, b = index[ids[0]], index[ids[-1]] + 1
        best = (figs[k].cost, chosen[k], figs[k])
        if time.perf_counter() - t0 > budget_s:
            break
        for s in scales:
            if abs(s - chosen[k]) < 1e-9:
                continue
            fig = _opening(ev, a, k, ev.page(setup, skey, furn[k], a, b, s))
            if fig.cost < best[0] - 1e-9:
                best = (fig.cost, s, fig)
        cost += best[0] - figs[k].cost
        chosen[k], figs[k] = best[1], best[2]
    return Candidate(replace(cand.plan, headline_scales=tuple(chosen)), figs, cost)


def _laid_out_plan(ev: _Evaluator, setup: PageSetup, plan: PagePlan) -> list[PageFigures]:
    """Every page of ``plan`` laid out in order, as the plan applied would be (its 转版 too)."""
    trial = copy.copy(ev.bulletin)
    trial.page_setup = setup
    index = ev.index
    trial.pages = build_pages(ev.bulletin, plan)
    for k, page in enumerate(trial.pages):
        blocks = [ev.block(index[b.id], plan.headline_scales[k]) for b in page.blocks]
        if blocks and isinstance(blocks[-1], ColumnBlock):
            jumps = blocks[-1].id in plan.jumps and k + 1 < len(trial.pages)
            if jumps != blocks[-1].placement.continues:
                blocks[-1] = replace(blocks[-1], placement=replace(blocks[-1].placement, continues=jumps))
        page.blocks = blocks
    g = make_grid(setup)
    ev.layouts += len(trial.pages)
    return [score_page(lp, problems, g) for lp, problems in laid_out_in_order(trial, g, ev.fonts, ev.sizes, False)]


def _short(fig: PageFigures) -> bool:
    q = fig.quality
    return not fig.overset and (q.empty > MAX_EMPTY + 1e-9 or q.foot > MAX_FOOT + 1e-9)


def _jumped(ev: _Evaluator, setup: PageSetup, cand: Candidate, fixed: frozenset[int], t0: float,
            budget_s: float) -> Candidate:
    """``cand`` with a 转版 wherever one pays: copy that falls between two page counts leaves a
    page over beside a short one whatever the cut, and only an article run on from one page to
    the next fills both. Tried between each pair of pages, in order: a page over hands its last
    article's rest to the next; a short page takes the next page's first article and hands on
    what of it does not fit. Kept when the pages score better by more than ``JUMP_PRICE``."""
    plan, figs = cand.plan, cand.pages
    if plan.page_count < 2 or all(f.meets for f in figs) or any(f.estimated for f in figs):
        return cand
    base = None
    for k in range(plan.page_count - 1):
        if time.perf_counter() - t0 > budget_s:
            break
        if k in fixed or k + 1 in fixed or not plan.pages[k]:
            continue
        options = []
        if figs[k].overset and not figs[k + 1].overset:
            options.append(replace(plan, jumps=plan.jumps | {plan.pages[k][-1]}))
        # a short page, or a next page that opens on an article apart from its group's headline
        # (its continuation opens that page under the headline repeated)
        if (_short(figs[k]) or figs[k + 1].apart) and len(plan.pages[k + 1]) >= 2:
            moved = plan.pages[k + 1][0]
            pages = list(plan.pages)
            pages[k], pages[k + 1] = (*pages[k], moved), pages[k + 1][1:]
            options.append(replace(plan, pages=tuple(pages), jumps=plan.jumps | {moved}))
        for option in options:
            if not isinstance(ev.blocks[ev.index[option.pages[k][-1]]], ColumnBlock):
                continue
            if base is None:
                base = sum(f.cost for f in _laid_out_plan(ev, setup, plan))
            tried = _laid_out_plan(ev, setup, option)
            cost = sum(f.cost for f in tried) + JUMP_PRICE * len(option.jumps - plan.jumps)
            if cost < base - 1e-9:
                cand = Candidate(option, tried, cand.cost + cost - base)
                plan, figs, base = option, tried, sum(f.cost for f in tried)
                break
    return cand


def _score_current(bulletin: Bulletin, ev: _Evaluator) -> Candidate | None:
    """The bulletin as it stands, scored like every plan."""
    from makeup.plan import plan_of

    if not bulletin.pages:
        return None
    setup = bulletin.page_setup
    g = make_grid(setup)
    figs = [score_page(lp, problems, g) for lp, problems in laid_out_in_order(bulletin, g, ev.fonts, ev.sizes, False)]
    plan = plan_of(bulletin)
    return Candidate(plan, figs, sum(f.cost for f in figs) + PAGE_PRICE * len(figs))


__all__ = ["Candidate", "PageFigures", "SearchResult", "better_than_current", "build_pages", "plan_makeup"]

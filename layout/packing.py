"""Automatic placement: blocks in reading order, packed into rows that tile the page.

Each row shares the page's columns among consecutive blocks; every block in a row gets the
row's height, growing by blank lines between its paragraphs where it is a little short. A
dynamic programme over (blocks placed, lines used) picks row breaks and column spans that
(1) fit the page, (2) leave no hole under a block (rows level), and (3) gather what is left
into one band at the foot of the page (DESIGN §5a). Manual overrides — a fixed span, height
or row — simply remove the other choices for that block.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from functools import lru_cache

INF = float("inf")
_UNSEEN = object()  # a cell of _pack not worked out yet
#: candidate rows by the blocks they hold (``_pack``'s ``keys``): (row height, cost, spans) each
_ROWS: dict[tuple, tuple] = {}
_ROWS_MAX = 20_000  # ≈ 600 bytes each: at most some 12 MB


@dataclass(frozen=True)
class RowPlan:
    blocks: tuple[int, ...]  # indices into the page's blocks
    spans: tuple[int, ...]  # per block; the blocks of one cell share it
    height: int  # lines
    #: blocks per cell, left to right (2: two blocks stacked in one set of columns); () = one each
    cells: tuple[int, ...] = ()
    #: lines each block gets (a stacked pair shares the row height); () = the row height each
    heights: tuple[int, ...] = ()

    def cell_list(self) -> list[tuple[int, ...]]:
        """Block positions (into ``blocks``) of each cell, left to right."""
        sizes = self.cells or (1,) * len(self.blocks)
        out, k = [], 0
        for size in sizes:
            out.append(tuple(range(k, k + size)))
            k += size
        return out

    def block_lines(self, k: int) -> int:
        return self.heights[k] if self.heights else self.height


@lru_cache(maxsize=256)
def _compositions(total: int, parts: int, low: int) -> tuple[tuple[int, ...], ...]:
    """All ways to write ``total`` as an ordered sum of ``parts`` integers ≥ ``low``."""
    out = []
    for cuts in itertools.combinations(range(1, total), parts - 1):
        bounds = (0, *cuts, total)
        spans = tuple(b - a for a, b in zip(bounds, bounds[1:]))
        if min(spans) >= low:
            out.append(spans)
    return tuple(out)


#: what the page costs, in line-columns: a hole under a block is what an editor sends back; a
#: blank line between paragraphs (to level a row) is acceptable; space gathered at the foot
#: of the page is cheapest, since it is one rectangle for a picture or more copy
HOLE = 20.0
STRETCH = 0.6
FOOT = 2.0
STACK = 4.0  # two blocks stacked in one cell read less plainly than side by side
#: a block is expected to be at least this share of its width deep; shallower ones (a story
#: strung across the page) cost the square of the shortfall in lines — less than a hole does
WIDE = 0.7
#: white inside a block at its natural height (text columns that end far above the foot of a
#: tall portrait beside them), per line-column beyond a line per column: a hole the row cannot fill
WASTE = HOLE


#: a cell may stack this many blocks one above the other, and a row may have this many such cells:
#: a tall block beside a stack of two or three shorter ones fills a row that side-by-side blocks
#: of unequal depth would leave with holes
MAX_STACK = 3
MAX_STACKED_CELLS = 2
#: two portraits in a row's different cells, near each other and not level: what an editor sends back
TOPS = 60.0


@lru_cache(maxsize=64)
def _patterns(cells: int, blocks_left: int) -> tuple[tuple[int, ...], ...]:
    """Blocks per cell for a row of ``cells`` cells: one each, or some cells stacking 2–3."""
    out = [(1,) * cells]
    if cells > 1:
        for p in itertools.product(range(1, MAX_STACK + 1), repeat=cells):
            stacked = sum(1 for x in p if x > 1)
            if 0 < stacked <= MAX_STACKED_CELLS:
                out.append(p)
    return tuple(p for p in out if sum(p) <= blocks_left)


def _pads(heads: list[int | None], grouped: list[int | None]) -> list[int]:
    """Lines of air under each cell's headline that stand the portraits opening a row's cells
    level: a cell whose headline is more than a line shorter than the deepest takes the
    difference (as the drawing does). A group's cells side by side (``grouped``: the group
    headline's lines) stand at that depth and take none."""
    heads = [g if g is not None and h is not None else h for h, g in zip(heads, grouped)]
    known = [h for h in heads if h is not None]
    if len(known) < 2:
        return [0] * len(heads)
    top = max(known)
    return [top - h - 1 if h is not None and top - h > 1 and gr is None else 0 for h, gr in zip(heads, grouped)]


def _grouped(firsts: list[int], follows: Sequence[bool] | None, cap_lines: Sequence[int]) -> list[int | None]:
    """Per cell of a row (``firsts``: each cell's first block), the lines of the group headline
    it stands under when a group's cells stand side by side, else None: their portraits stand
    at that depth."""
    out: list[int | None] = [None] * len(firsts)
    if follows is not None:
        for c in range(1, len(firsts)):
            if follows[firsts[c]]:
                out[c] = out[c - 1] = cap_lines[firsts[c]]
    return out


def _levelled(infos: list, heads: list[int | None], grouped: list[int | None]) -> list:
    """Cells' (natural lines, room, penalty) with the air of ``_pads`` under their headlines."""
    pads = _pads(heads, grouped)
    if not any(pads):
        return infos
    return [(nat + pad, room, pen) for (nat, room, pen), pad in zip(infos, pads)]


def _level_stacked(start: int, pattern: tuple[int, ...], spans: tuple[int, ...], lines: list[int], pads: list[int],
                   head: Callable[[int, int], int | None], block_h: Callable[[int, int], tuple[int, int]],
                   apart: int, grouped: list[int | None] | None = None) -> tuple[list[int], int]:
    """(lines, pairs left unlevelled): the lines of a row's stacked blocks shifted so that portraits in different cells whose
    tops come near each other (within ``apart`` lines, one row to the eye) stand level: the
    upper portrait's block starts lower, the block above it taking the lines (or the lower one's
    starts higher), only as far as both keep their text and the taller one no hole (its room)."""
    lines = list(lines)
    firsts = [start + sum(pattern[:c]) for c in range(len(pattern))]

    def tops() -> list[tuple[int, int, int]]:
        out = []
        for c, (first, size, sp) in enumerate(zip(firsts, pattern, spans)):
            y = 0
            for b in range(first, first + size):
                h = head(b, sp)
                if h is not None and b == first and grouped is not None and grouped[c] is not None:
                    h = grouped[c]  # under its group's headline, across the group's cells
                if h is not None:
                    out.append((y + h + (pads[c] if b == first else 0), c, b))
                y += lines[b - start]
        return out

    def shift(b: int, sp: int, d: int) -> bool:
        """Move block b (not a cell's first) d lines down (up when d < 0): the block above
        grows by d, b shrinks by d."""
        above, k, ka = b - 1, b - start, b - 1 - start
        nat_a, room_a = block_h(above, sp)
        nat_b, room_b = block_h(b, sp)
        if nat_a <= lines[ka] + d <= nat_a + room_a and nat_b <= lines[k] - d <= nat_b + room_b:
            lines[ka] += d
            lines[k] -= d
            return True
        return False

    for _ in range(2 * len(lines)):
        found = None
        ts = tops()
        for y1, c1, b1 in ts:
            for y2, c2, b2 in ts:
                if c1 != c2 and 1 < y2 - y1 < apart:
                    found = (y1, c1, b1, y2, c2, b2)
                    break
            if found:
                break
        if found is None:
            return lines, 0
        y1, c1, b1, y2, c2, b2 = found
        d = y2 - y1
        moved = (b1 != firsts[c1] and shift(b1, spans[c1], d)) or (b2 != firsts[c2] and shift(b2, spans[c2], -d))
        if not moved:
            break
    ts = tops()
    return lines, sum(1 for y1, c1, _b1 in ts for y2, c2, _b2 in ts if c1 != c2 and 1 < y2 - y1 < apart)


def _groups_ok(i: int, pattern: tuple[int, ...], follows: Sequence[bool]) -> bool:
    """A group's article opening a cell stands beside its predecessor alone in the cell before
    (the group's headline runs across both); otherwise it is stacked under its predecessor."""
    b = i
    prev_size = 0
    for c, size in enumerate(pattern):
        if c and follows[b] and prev_size != 1:
            return False
        prev_size = size
        b += size
    return True


def pack(n: int, columns: int, available: int, height: Callable[[int, int], int],
         fixed_span: Sequence[int | None], fixed_height: Sequence[int | None], max_per_row: int = 4,
         span_lines: Callable[[int], float] = lambda s: 0.0, stretch: Callable[[int, int], int] = lambda i, s: 0,
         min_span: Sequence[int] | None = None, fixed_row: Sequence[int | None] | None = None,
         any_width: Sequence[bool] | None = None, waste: Callable[[int, int], float] | None = None,
         follows: Sequence[bool] | None = None, cap_lines: Sequence[int] | None = None,
         portrait_head: Callable[[int, int], int | None] | None = None, portrait_apart: int = 0,
         keys: Sequence[Hashable | None] | None = None) -> list[RowPlan]:
    """Rows for ``n`` blocks (see ``_pack``). Groups are kept in their leader's row unless that
    overflows the page where rows without the groups would not: then a group's articles get
    rows of their own rather than be lost off the foot of the page."""
    args = (n, columns, available, height, fixed_span, fixed_height, max_per_row, span_lines, stretch, min_span,
            fixed_row, any_width, waste)
    rows, total, over = _pack(*args, follows, cap_lines, portrait_head, portrait_apart, keys=keys)
    if follows is not None and any(follows) and over > 0:
        loose, loose_total, loose_over = _pack(*args, None, None, portrait_head, portrait_apart, keys=keys)
        if loose_over < over:
            return loose
    return rows


def _prune(states: dict, available: int, foot: float) -> None:
    """Drop the states no completion can make best: the packing's final cost is its cost so far
    plus the white left at the foot (``foot`` per line short of ``available``) or a steep price
    per line over. So a state using no more lines than another and cheaper once its foot white
    is counted (cost − foot × lines) beats it whatever rows follow, and one over the page using
    no more lines and cheaper beats it too. Only strictly beaten states go: every best packing,
    ties included, is kept. (Without row pins a state is its line count.)"""
    if len(states) < 2:
        return
    beaten = []
    best_in = best_over = INF
    for key in sorted(states):
        used = key[0]
        cost = states[key][0]
        if used <= available:
            adjusted = cost - foot * used
            if adjusted > best_in + 1e-9:
                beaten.append(key)
            best_in = min(best_in, adjusted)
        else:
            if cost > best_over + 1e-9:
                beaten.append(key)
            best_over = min(best_over, cost)
    for key in beaten:
        del states[key]


def _pack(
    n: int,
    columns: int,
    available: int,
    height: Callable[[int, int], int],
    fixed_span: Sequence[int | None],
    fixed_height: Sequence[int | None],
    max_per_row: int = 4,
    span_lines: Callable[[int], float] = lambda s: 0.0,
    stretch: Callable[[int, int], int] = lambda i, s: 0,
    min_span: Sequence[int] | None = None,
    fixed_row: Sequence[int | None] | None = None,
    any_width: Sequence[bool] | None = None,
    waste: Callable[[int, int], float] | None = None,
    follows: Sequence[bool] | None = None,
    cap_lines: Sequence[int] | None = None,
    portrait_head: Callable[[int, int], int | None] | None = None,
    portrait_apart: int = 0,
    avoid: dict[tuple, int] | None = None,
    keys: Sequence[Hashable | None] | None = None,
) -> tuple[list[RowPlan], float, int]:
    """(rows, their cost, lines over the page) for ``n`` blocks; ``height(i, span)`` is block
    i's natural height in lines.

    ``stretch(i, span)`` is how many lines block i can grow without a hole (blank lines between
    its paragraphs), so a row whose blocks differ a little still ends level. ``span_lines(span)``
    is a span's width in grid lines, used to keep blocks from being much wider than they are
    deep. ``min_span[i]`` is the narrowest span block i may take (its portrait's width);
    ``fixed_row[i]``, when set, makes block i open row number ``fixed_row[i]`` (0-based);
    ``any_width[i]`` exempts block i from the width penalty (a picture is as deep as it is wide).
    ``follows[i]`` keeps block i in the row of the block before it (an article without a headline
    of its own stands under its group's headline); rows that cannot hold a group are given up.
    Beside the cell before it, such a block opens its cell ``cap_lines[i]`` lines lower (its
    group's headline runs across both); stacked under the block before it, it does not.
    ``portrait_head(i, span)`` is the headline lines above block i's portrait when the portrait
    opens the block (else None): portraits opening a row's cells stand level, so a block whose
    headline is more than a line shorter than a neighbour's is that much taller in the row.
    Portraits of stacked blocks in different cells whose tops come within ``portrait_apart``
    lines of each other read as one row and are brought level, where the blocks above them
    have the room (``_level_stacked``); where they have not, the page is planned once more with
    those rows priced (``avoid``: row → pairs left unlevelled).
    ``keys[i]``, when given, names everything block i brings to a row (its measured content on
    this grid, its pins, the paragraph air allowed): the rows worked out for the same blocks are
    then taken from ``_ROWS`` — the make-up packs the same runs of blocks on many trial pages,
    and typing changes one block of a page.
    """
    cap_lines = cap_lines or [0] * n
    if n == 0:
        return [], 0.0, 0
    low = 1 if columns < 4 else 2 if columns < 10 else 3
    # a block the user pinned narrower than that still gets rows that hold it
    low = min([low] + [fs for fs in fixed_span if fs is not None and fs >= 1])
    min_span = min_span or [1] * n
    any_width = any_width or [False] * n
    rows_pinned = fixed_row is not None and any(r is not None for r in fixed_row)
    # every candidate row: start -> list of (end, cost, spans, height)
    candidates: dict[int, list[tuple]] = {i: [] for i in range(n)}
    # what does not depend on the blocks is worked out once: each row shape's spread penalty,
    # each span's width in lines; natural heights are asked for once per (block, span)
    shapes = {
        k: [(spans, 2.0 * (max(spans) - min(spans))) for spans in _compositions(columns, k, low if k > 1 else 1)]
        for k in range(1, min(max_per_row, n) + 1)
    }
    wide = [0.0] + [WIDE * span_lines(s) for s in range(1, columns + 1)]
    heights: dict[tuple[int, int], tuple[int, int]] = {}

    def block_h(b: int, s: int) -> tuple[int, int]:
        """(natural lines, lines it can grow without a hole) at span s."""
        fh = fixed_height[b]
        if fh is not None:
            return fh, 0
        h = heights.get((b, s))
        if h is None:
            h = heights[(b, s)] = (height(b, s), max(0, stretch(b, s)))
        return h

    def split(cell: tuple[int, ...], s: int, row_h: int, pad: int = 0) -> list[int]:
        """Lines each block of a cell gets in a row ``row_h`` tall (the first ``pad`` more, the
        air that stands its portrait level with the row's others)."""
        if len(cell) == 1:
            return [row_h]
        hs = [block_h(b, s) for b in cell]
        lines = [h + (cap_lines[b] + pad if k == 0 else 0) for k, (b, (h, _st)) in enumerate(zip(cell, hs))]
        extra = max(0, row_h - sum(lines))
        # share the extra lines out one at a time to the block with the most room left
        room = [st for _h, st in hs]
        while extra > 0 and any(r > 0 for r in room):
            k = max(range(len(cell)), key=lambda j: (room[j], -j))
            lines[k] += 1
            room[k] -= 1
            extra -= 1
        lines[-1] = row_h - sum(lines[:-1])  # what no block can take goes to the lowest (a hole)
        return lines

    cells_seen: dict[tuple[int, int, int], tuple[int, int, float] | None] = {}

    def cell_info(start: int, size: int, s: int) -> tuple[int, int, float] | None:
        """(natural lines, room to grow, width penalty) of blocks start.. stacked at span s, or
        None when a pin forbids that span."""
        key = (start, size, s)
        if key in cells_seen:
            return cells_seen[key]
        nat = st = 0
        pen = 0.0
        out: tuple[int, int, float] | None = None
        for blk in range(start, start + size):
            fs = fixed_span[blk]
            if (fs is not None and fs != s) or (fs is None and s < min_span[blk]):
                break
            h, g = block_h(blk, s)
            nat += h + (cap_lines[blk] if blk == start else 0)
            st += g
            if not any_width[blk]:
                pen += max(0.0, wide[s] - h) ** 2
            if waste is not None:
                pen += WASTE * max(0.0, waste(blk, s) - s)
        else:
            out = (nat, st, pen)
        cells_seen[key] = out
        return out

    heads_seen: dict[tuple[int, int], int | None] = {}
    level_heads = portrait_head is not None

    def heads_of(b: int, s: int) -> int | None:
        key = (b, s)
        if key not in heads_seen:
            heads_seen[key] = None if fixed_height[b] is not None else portrait_head(b, s)  # type: ignore[misc]
        return heads_seen[key]

    joined = follows is not None and any(follows)
    opens_portrait = [level_heads and fixed_height[b] is None and portrait_head(b, columns) is not None  # type: ignore[misc]
                      for b in range(n)]

    def row_lines(start: int, pattern: tuple[int, ...], cell_spans: tuple[int, ...], row_h: int) -> tuple[list[int], int]:
        """(lines of each block of a row, pairs of portraits left unlevelled across its cells)."""
        pads = [0] * len(pattern)
        firsts = [start + sum(pattern[:c]) for c in range(len(pattern))]
        grouped = _grouped(firsts, follows if joined else None, cap_lines)
        if level_heads and len(pattern) > 1:
            pads = _pads([heads_of(f, sp) for f, sp in zip(firsts, cell_spans)], grouped)
        lines: list[int] = []
        for first, size, sp, pad in zip(firsts, pattern, cell_spans, pads):
            lines += split(tuple(range(first, first + size)), sp, row_h, pad)
        if level_heads and portrait_apart and len(pattern) > 1 and sum(pattern) > len(pattern):
            return _level_stacked(start, pattern, cell_spans, lines, pads, heads_of, block_h, portrait_apart, grouped)
        return lines, 0

    for i in range(n):
        if joined and i > 0 and follows[i]:
            continue  # a row never opens on a group's follower
        for k in range(1, min(max_per_row, n - i) + 1):
            for pattern in _patterns(k, n - i):
                nb = sum(pattern)
                if joined and i + nb < n and follows[i + nb]:
                    continue  # ... nor closes before one
                if joined and not _groups_ok(i, pattern, follows):
                    continue
                if rows_pinned and any(fixed_row[i + j] is not None for j in range(1, nb)):
                    continue  # a block pinned to a row opens it
                row_key = None
                if keys is not None and not avoid:
                    row_keys = tuple(keys[i:i + nb])
                    if None not in row_keys:
                        row_key = (row_keys, pattern, columns, low, max_per_row, level_heads,
                                   joined and tuple(follows[i:i + nb]), tuple(cap_lines[i:i + nb]))
                        hit = _ROWS.get(row_key)
                        if hit is not None:
                            candidates[i] += [(i + nb, cost, spans, row_h, pattern) for row_h, cost, spans in hit]
                            continue
                starts = []
                b = i
                for size in pattern:
                    starts.append(b)
                    b += size
                stacked = nb > k
                best: dict[int, tuple[float, tuple[int, ...]]] = {}
                cells = list(zip(starts, pattern))
                # levelling matters only where two cells or more open with a portrait
                level_here = level_heads and k > 1 and sum(1 for c_st in starts if opens_portrait[c_st]) > 1
                grouped = _grouped(starts, follows if joined and level_here else None, cap_lines)
                for spans, spread in shapes[k]:
                    infos = []
                    for (st_, size), sp in zip(cells, spans):
                        x = cells_seen.get((st_, size, sp), _UNSEEN)
                        if x is _UNSEEN:
                            x = cell_info(st_, size, sp)
                        if x is None:
                            break
                        infos.append(x)
                    if len(infos) < k:
                        continue  # a pin forbids one of the spans
                    if level_here:
                        infos = _levelled(infos, [heads_of(c_st, sp) for (c_st, _size), sp in zip(cells, spans)],
                                          grouped)
                    lo = max(x[0] for x in infos)
                    hi = max(lo, min(x[0] + x[1] for x in infos))
                    # a block much wider than it is deep (a 600-character story across the page)
                    # looks wrong; very unequal spans look accidental
                    base = spread + sum(x[2] for x in infos) + (STACK if stacked else 0.0)
                    if avoid:  # a row that left stacked portraits near each other, not level
                        base += TOPS * avoid.get((i, pattern, spans), 0)
                    for row_h in range(lo, hi + 1):
                        cost = base
                        for (nat, room, _pen), sp in zip(infos, spans):
                            grow = row_h - nat
                            hole = grow - room if grow > room else 0
                            cost += HOLE * hole * sp + 0.5 * hole * hole + STRETCH * (grow - hole) * sp
                        cur = best.get(row_h)
                        if cur is None or cost < cur[0]:
                            best[row_h] = (cost, spans)
                for row_h, (cost, spans) in best.items():
                    candidates[i].append((i + nb, cost, spans, row_h, pattern))
                if row_key is not None:
                    if len(_ROWS) >= _ROWS_MAX:
                        _ROWS.clear()
                    _ROWS[row_key] = tuple((row_h, cost, spans) for row_h, (cost, spans) in best.items())
    # dp over (lines used, rows so far) — rows only matter when a block is pinned to one;
    # overflow is allowed up to a bound and heavily penalised
    limit = available * 3 + 50
    State = tuple[int, int]
    dp: list[dict[State, tuple]] = [dict() for _ in range(n + 1)]
    dp[0][(0, 0)] = (0.0, -1, (0, 0), None)
    far = limit + 1
    for i in range(n):
        pin = fixed_row[i] if rows_pinned else None
        # a row to the same end and height after one that costs no more never wins a state
        # (sums round monotonically and only a strictly lower total replaces): left out
        row_cands = []
        cheapest: dict[tuple[int, int], float] = {}
        for cand in candidates[i]:
            end, row_cost, row_h = cand[0], cand[1], cand[3]
            before = cheapest.get((end, row_h))
            if before is not None and before <= row_cost:
                continue
            cheapest[(end, row_h)] = row_cost
            row_cands.append((dp[end], row_cost, row_h, cand))
        if not rows_pinned:
            _prune(dp[i], available, FOOT * columns)
        for state, (cost, *_rest) in list(dp[i].items()):
            used, nrows = state
            if pin is not None and nrows != pin:
                continue
            row_no = nrows + 1 if rows_pinned else 0
            for dp_end, row_cost, row_h, cand in row_cands:
                # past the bound every total counts as one "far over" state: the page is
                # overset either way, and the blocks beyond it are reported, never lost
                t = used + row_h
                if t > far:
                    t = far
                key = (t, row_no)
                c = cost + row_cost + 1.0  # a small price per row: fewer, fuller rows
                cur = dp_end.get(key)
                if cur is None or c < cur[0]:
                    dp_end[key] = (c, i, state, cand)
    if not dp[n] and joined:  # a group too big for one row: its articles go in rows of their own
        return _pack(n, columns, available, height, fixed_span, fixed_height, max_per_row, span_lines, stretch,
                    min_span, fixed_row, any_width, waste, None, None, portrait_head, portrait_apart, avoid, keys)
    if not dp[n] and rows_pinned:  # the row pins cannot all be met (more rows pinned than blocks allow): ignore them
        return _pack(n, columns, available, height, fixed_span, fixed_height, max_per_row, span_lines, stretch,
                    min_span, None, any_width, waste, follows, cap_lines, portrait_head, portrait_apart, avoid, keys)
    if not dp[n]:  # no rows can hold the pinned spans together: lay out as if unpinned (never recurse for ever)
        return _pack(n, columns, available, height, [None] * n, fixed_height, max_per_row, span_lines, stretch,
                    min_span, None, any_width, waste, follows, cap_lines, portrait_head, portrait_apart, avoid)
    best_key, best_cost = None, INF
    for key, (cost, *_rest) in dp[n].items():
        t = key[0]
        total = cost + (FOOT * columns * (available - t) if t <= available else 1000.0 * (t - available) + 10_000)
        if total < best_cost:
            best_key, best_cost = key, total
    rows: list[RowPlan] = []
    unlevelled: dict[tuple, int] = {}
    end, key = n, best_key
    while end > 0:
        _cost, start, prev, (_end, _c, cell_spans, row_h, pattern) = dp[end][key]
        spans = [sp for size, sp in zip(pattern, cell_spans) for _ in range(size)]
        lines, left = row_lines(start, pattern, cell_spans, row_h)
        if left:
            unlevelled[(start, pattern, cell_spans)] = left
        rows.append(RowPlan(tuple(range(start, end)), tuple(spans), row_h, pattern, tuple(lines)))
        end, key = start, prev
    rows.reverse()
    if unlevelled and avoid is None:
        # rows whose stacked portraits came near each other and could not stand level: planned
        # again with those rows priced, once (checking every candidate row is too slow)
        again = _pack(n, columns, available, height, fixed_span, fixed_height, max_per_row, span_lines, stretch,
                      min_span, fixed_row, any_width, waste, follows, cap_lines, portrait_head, portrait_apart,
                      unlevelled, keys)
        if again[1] < best_cost + TOPS * sum(unlevelled.values()) - 1e-9:
            return again
    return rows, best_cost, max(0, best_key[0] - available)

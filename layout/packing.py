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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

INF = float("inf")


@dataclass(frozen=True)
class RowPlan:
    blocks: tuple[int, ...]  # indices into the page's blocks
    spans: tuple[int, ...]
    height: int  # lines


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
HOLE = 6.0
STRETCH = 0.6
FOOT = 0.25


def pack(
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
) -> list[RowPlan]:
    """Rows for ``n`` blocks; ``height(i, span)`` is block i's natural height in lines.

    ``stretch(i, span)`` is how many lines block i can grow without a hole (blank lines between
    its paragraphs), so a row whose blocks differ a little still ends level. ``span_lines(span)``
    is a span's width in grid lines, used to keep blocks from being much wider than they are
    deep. ``min_span[i]`` is the narrowest span block i may take (its portrait's width);
    ``fixed_row[i]``, when set, makes block i open row number ``fixed_row[i]`` (0-based).
    """
    if n == 0:
        return []
    low = 1 if columns < 4 else 2 if columns < 10 else 3
    min_span = min_span or [1] * n
    rows_pinned = fixed_row is not None and any(r is not None for r in fixed_row)
    # every candidate row: start -> list of (end, cost, spans, height)
    candidates: dict[int, list[tuple[int, float, tuple[int, ...], int]]] = {i: [] for i in range(n)}
    # what does not depend on the blocks is worked out once: each row shape's spread penalty,
    # each span's width in lines; natural heights are asked for once per (block, span)
    shapes = {
        k: [(spans, 2.0 * (max(spans) - min(spans))) for spans in _compositions(columns, k, low if k > 1 else 1)]
        for k in range(1, min(max_per_row, n) + 1)
    }
    wide = [0.0] + [0.7 * span_lines(s) for s in range(1, columns + 1)]
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

    for i in range(n):
        for k in range(1, min(max_per_row, n - i) + 1):
            if rows_pinned and any(fixed_row[i + j] is not None for j in range(1, k)):
                break  # a block pinned to a row opens it
            best: dict[int, tuple[float, tuple[int, ...]]] = {}
            any_fixed = any(fixed_span[i + j] is not None for j in range(k))
            for spans, spread in shapes[k]:
                if any_fixed and any(
                    fixed_span[i + j] is not None and fixed_span[i + j] != s for j, s in enumerate(spans)
                ):
                    continue
                if any(s < min_span[i + j] and fixed_span[i + j] is None for j, s in enumerate(spans)):
                    continue
                hs = [block_h(i + j, s) for j, s in enumerate(spans)]
                lo = max(h for h, _ in hs)
                hi = max(lo, min(h + st for h, st in hs))
                # a block much wider than it is deep (a 600-character story across the page)
                # looks wrong; very unequal spans look accidental
                base = spread + sum(max(0.0, wide[s] - lo) ** 2 for s in spans)
                for row_h in range(lo, hi + 1):
                    cost = base
                    for (h, st), s in zip(hs, spans):
                        grow = row_h - h
                        hole = max(0, grow - st)
                        cost += HOLE * hole * s + 0.5 * hole * hole + STRETCH * (grow - hole) * s
                    cur = best.get(row_h)
                    if cur is None or cost < cur[0]:
                        best[row_h] = (cost, spans)
            for row_h, (cost, spans) in best.items():
                candidates[i].append((i + k, cost, spans, row_h))
    # dp over (lines used, rows so far) — rows only matter when a block is pinned to one;
    # overflow is allowed up to a bound and heavily penalised
    limit = available * 3 + 50
    State = tuple[int, int]
    dp: list[dict[State, tuple[float, int, State, tuple[int, ...], int]]] = [dict() for _ in range(n + 1)]
    dp[0][(0, 0)] = (0.0, -1, (0, 0), (), 0)
    for i in range(n):
        pin = fixed_row[i] if rows_pinned else None
        for state, (cost, *_rest) in list(dp[i].items()):
            used, nrows = state
            if pin is not None and nrows != pin:
                continue
            for end, row_cost, spans, row_h in candidates[i]:
                t = used + row_h
                if t > limit:
                    continue
                key = (t, nrows + 1 if rows_pinned else 0)
                c = cost + row_cost + 1.0  # a small price per row: fewer, fuller rows
                cur = dp[end].get(key)
                if cur is None or c < cur[0]:
                    dp[end][key] = (c, i, state, spans, row_h)
    if not dp[n]:  # the row pins cannot all be met (more rows pinned than blocks allow): ignore them
        return pack(n, columns, available, height, fixed_span, fixed_height, max_per_row, span_lines, stretch,
                    min_span, None)
    best_key, best_cost = None, INF
    for key, (cost, *_rest) in dp[n].items():
        t = key[0]
        total = cost + (FOOT * columns * (available - t) if t <= available else 1000.0 * (t - available) + 10_000)
        if total < best_cost:
            best_key, best_cost = key, total
    rows: list[RowPlan] = []
    end, key = n, best_key
    while end > 0:
        _cost, start, prev, spans, row_h = dp[end][key]
        rows.append(RowPlan(tuple(range(start, end)), spans, row_h))
        end, key = start, prev
    rows.reverse()
    return rows

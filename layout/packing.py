"""Automatic placement: blocks in reading order, packed into rows that tile the page.

Each row shares the page's columns among consecutive blocks; every block in a row gets the
row's height. A dynamic programme over (blocks placed, lines used) picks row breaks and column
spans that (1) fit the page, (2) leave blocks within a row as level as possible, and (3) leave
as little of the page empty as possible. Manual overrides — a fixed span or a fixed height —
simply remove the other choices for that block.
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


def pack(
    n: int,
    columns: int,
    available: int,
    height: Callable[[int, int], int],
    fixed_span: Sequence[int | None],
    fixed_height: Sequence[int | None],
    max_per_row: int = 4,
    span_lines: Callable[[int], float] = lambda s: 0.0,
) -> list[RowPlan]:
    """Rows for ``n`` blocks; ``height(i, span)`` is block i's natural height in lines.

    ``span_lines(span)`` is a span's width expressed in grid lines, used to keep blocks from
    being much wider than they are deep.
    """
    if n == 0:
        return []
    low = 1 if columns < 4 else 2 if columns < 10 else 3
    # every candidate row: (start, end) -> list of (cost, spans, height)
    candidates: dict[int, list[tuple[int, float, tuple[int, ...], int]]] = {i: [] for i in range(n)}
    # what does not depend on the blocks is worked out once: each row shape's spread penalty,
    # each span's width in lines; natural heights are asked for once per (block, span)
    shapes = {
        k: [(spans, 2.0 * (max(spans) - min(spans))) for spans in _compositions(columns, k, low if k > 1 else 1)]
        for k in range(1, min(max_per_row, n) + 1)
    }
    wide = [0.0] + [0.7 * span_lines(s) for s in range(1, columns + 1)]
    heights: dict[tuple[int, int], int] = {}

    def block_h(b: int, s: int) -> int:
        fh = fixed_height[b]
        if fh is not None:
            return fh
        h = heights.get((b, s))
        if h is None:
            h = heights[(b, s)] = height(b, s)
        return h

    for i in range(n):
        for k in range(1, min(max_per_row, n - i) + 1):
            best: dict[int, tuple[float, tuple[int, ...]]] = {}
            any_fixed = any(fixed_span[i + j] is not None for j in range(k))
            for spans, spread in shapes[k]:
                if any_fixed and any(
                    fixed_span[i + j] is not None and fixed_span[i + j] != s for j, s in enumerate(spans)
                ):
                    continue
                hs = [block_h(i + j, s) for j, s in enumerate(spans)]
                row_h = max(hs)
                # level rows read well; very unequal spans look accidental; a block much
                # wider than it is deep (a 600-character story across the page) looks wrong
                cost = sum((row_h - h) ** 2 for h in hs) + spread
                cost += sum(max(0.0, wide[s] - row_h) ** 2 for s in spans)
                cur = best.get(row_h)
                if cur is None or cost < cur[0]:
                    best[row_h] = (cost, spans)
            for row_h, (cost, spans) in best.items():
                candidates[i].append((i + k, cost, spans, row_h))
    # dp over lines used (overflow allowed up to a bound, heavily penalised)
    limit = available * 3 + 50
    dp: list[dict[int, tuple[float, int, int, tuple[int, ...], int]]] = [dict() for _ in range(n + 1)]
    dp[0][0] = (0.0, -1, -1, (), 0)
    for i in range(n):
        for used, (cost, *_rest) in list(dp[i].items()):
            for end, row_cost, spans, row_h in candidates[i]:
                # past the bound every total counts as one "far over" state: the page is
                # overset either way, and the blocks beyond it are reported, never lost
                t = min(used + row_h, limit + 1)
                c = cost + row_cost + 1.0  # a small price per row: fewer, fuller rows
                cur = dp[end].get(t)
                if cur is None or c < cur[0]:
                    dp[end][t] = (c, i, used, spans, row_h)
    best_t, best_cost = None, INF
    for t, (cost, *_rest) in dp[n].items():
        total = cost + (4.0 * (available - t) if t <= available else 1000.0 * (t - available) + 10_000)
        if total < best_cost:
            best_t, best_cost = t, total
    rows: list[RowPlan] = []
    end, t = n, best_t
    while end > 0:
        _cost, start, used, spans, row_h = dp[end][t]
        rows.append(RowPlan(tuple(range(start, end)), spans, row_h))
        end, t = start, used
    rows.reverse()
    return rows

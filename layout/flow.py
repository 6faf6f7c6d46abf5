"""Flowing a block's content through its columns so the columns end level.

Content is a sequence of items, each a whole number of grid lines tall (a body line is 1; a
section label or a heading may be 2 or 3) and atomic. The first column may start lower (under
a portrait and its caption). We look for the smallest column height that takes everything,
then place column ends near equal shares of the total, so the columns of a block end within a
line or so of each other instead of leaving the last one short. An item marked ``keep`` (a
section label, a heading) never ends a column: it moves to the next one with what follows.
"""

from __future__ import annotations

from collections.abc import Sequence

Reserved = int | Sequence[int]


def _reserved(reserved: Reserved, columns: int) -> list[int]:
    """Lines taken at the top of each column (a portrait may cover the first one or two)."""
    if isinstance(reserved, int):
        return [reserved] + [0] * (columns - 1)
    res = list(reserved)[:columns]
    return res + [0] * (columns - len(res))


def _caps(height: int, reserved: Reserved, columns: int) -> list[int]:
    return [height - r for r in _reserved(reserved, columns)]


def _take(heights: Sequence[int], keep: Sequence[bool] | None, i: int, cap: int, stop_at=None) -> int:
    """Index after the items that go in one column starting at item ``i``."""
    used = 0
    j = i
    n = len(heights)
    if stop_at is None:
        while j < n:
            h = heights[j]
            if used + h > cap:
                break
            used += h
            j += 1
    else:
        while j < n and used + heights[j] <= cap:
            if stop_at(j, used):
                break
            used += heights[j]
            j += 1
    if keep is not None and j < n:
        # do not strand a heading, or a paragraph's first line, at the foot of a column: rather
        # leave the column empty (under a portrait) than end it on a line kept with the next
        while j > i and keep[j - 1]:
            j -= 1
        if j == i + 1 and heights[i] == 1:  # nor one line alone in a column
            j = i
    return j


def _greedy(heights: Sequence[int], caps: Sequence[int], keep: Sequence[bool] | None) -> tuple[list[int], int]:
    """Greedy fill: how many items go in each column, and how many items were placed."""
    counts = []
    i = 0
    for cap in caps:
        j = _take(heights, keep, i, cap)
        counts.append(j - i)
        i = j
    return counts, i


def _fill(heights: Sequence[int], caps: Sequence[int], keep: Sequence[bool] | None = None) -> list[int] | None:
    """Greedy fill, or None when the items do not all fit."""
    counts, placed = _greedy(heights, caps, keep)
    return counts if placed == len(heights) else None


def min_height(heights: Sequence[int], columns: int, reserved: Reserved = 0, limit: int = 10_000,
               keep: Sequence[bool] | None = None) -> int:
    """Smallest column height H that holds all items below the reserved tops of the columns."""
    res = _reserved(reserved, columns)
    total = sum(heights) + sum(res)
    h = max(max(res), -(-total // max(1, columns)), max(heights, default=0))
    while h <= limit:
        if _fill(heights, _caps(h, res, columns), keep) is not None:
            return h
        h += 1
    return limit + 1


def balance(heights: Sequence[int], columns: int, height: int, reserved: Reserved = 0,
            keep: Sequence[bool] | None = None) -> list[int] | None:
    """Item counts per column for columns ``height`` lines tall, ends as level as possible.

    Returns None when the items do not fit (the caller reports the rest as overset).
    """
    caps = _caps(height, reserved, columns)
    if _fill(heights, caps, keep) is None:
        return None
    res = _reserved(reserved, columns)
    total = sum(heights) + sum(res)
    counts: list[int] = []
    i = 0
    cum = 0  # lines used so far, counting the reserved tops
    for col in range(columns):
        cum += res[col]
        target = round((col + 1) * total / columns)
        rest_caps = caps[col + 1:]

        def stop(j: int, used: int, cum=cum, target=target, rest_caps=rest_caps) -> bool:
            over_target = cum + used + heights[j] > target
            return over_target and _fill(heights[j:], rest_caps, keep[j:] if keep else None) is not None

        j = _take(heights, keep, i, caps[col], stop)
        if _fill(heights[j:], rest_caps, keep[j:] if keep else None) is None:
            j = _take(heights, keep, i, caps[col])  # the early stop left too much for later columns
        counts.append(j - i)
        cum += sum(heights[i:j])
        i = j
    return counts


def split_fit(heights: Sequence[int], columns: int, height: int, reserved: Reserved = 0,
              keep: Sequence[bool] | None = None) -> tuple[list[int], int]:
    """When not everything fits: counts per column for as many items as fit, and how many did not."""
    counts, placed = _greedy(heights, _caps(height, reserved, columns), keep)
    return counts, len(heights) - placed

"""Columns of one block that end level, at the foot of the block when the text allows.

The column flow (layout.flow) balances a block's columns at the shortest height that holds its
text; a block in a row is often a few lines taller than that. A newspaper fills those lines
with air, not holes: a blank line above some paragraph starts (never above a column's first
line) and, in a column under a portrait, a line more under the caption. This module chooses
the column breaks so every column can reach one common end within a line (DESIGN §5a) — a
dynamic programme over break positions, since a greedy fill strands the last column short.
"""

from __future__ import annotations

from collections.abc import Sequence


def level_breaks(heights: Sequence[int], keep: Sequence[bool], starts: Sequence[bool], reserved: Sequence[int],
                 under_portrait: Sequence[bool], end: int, gap_lines: int) -> list[int] | None:
    """Items per column such that every column ends between ``end - 1`` and ``end`` once blank
    lines (at most ``gap_lines`` above each paragraph start, ``starts[i]``) are added, or None.

    ``reserved[c]`` lines are taken atop column c; no column ends after an item marked ``keep``
    (a heading, a widow's partner line, a lone run-in lead) unless it is the last item.
    """
    n = len(heights)
    span = len(reserved)
    lines = [0] * (n + 1)
    st = [0] * (n + 1)
    for i in range(n):
        lines[i + 1] = lines[i] + heights[i]
        st[i + 1] = st[i] + (1 if starts[i] else 0)
    # quick verdicts: the text must fit under ``end`` and reach ``end - 1`` with all the air
    # it may take (most heights the packer asks about fail one of these)
    room = sum(end - r for r in reserved)
    if lines[n] > room or lines[n] + gap_lines * (st[n] + sum(under_portrait)) < room - span:
        return None
    can_break = [j == n or (j > 0 and not keep[j - 1]) for j in range(n + 1)]
    # reach[c]: {items placed before column c: parent}
    reach: list[dict[int, int]] = [{0: -1}]
    for c in range(span):
        nxt: dict[int, int] = {}
        res = reserved[c]
        last = c == span - 1
        for j in reach[c]:
            if j == n:  # nothing left: an empty column ends where its reserved top ends
                if end - 1 <= res <= end:
                    nxt.setdefault(n, j)
                continue
            for k in range(j + 1, n + 1):
                u = res + lines[k] - lines[j]
                if u > end:
                    break
                if last and k != n or not can_break[k]:
                    continue
                if k - j == 1 and heights[j] == 1 and n > 1:
                    continue  # one line alone in a column reads as stranded
                slots = st[k] - st[j + 1] + (1 if under_portrait[c] else 0)
                if u + slots * gap_lines >= end - 1:
                    nxt.setdefault(k, j)
        if not nxt:
            return None
        reach.append(nxt)
    if n not in reach[span]:
        return None
    counts = []
    k = n
    for c in range(span, 0, -1):
        j = reach[c][k]
        counts.append(k - j)
        k = j
    counts.reverse()
    return counts

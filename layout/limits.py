"""The most text the layout measures of one block: what a whole page could print, and more.

A project may hold far more text than any page prints (a long file pasted into one column, a
project written by hand). Measuring all of it composed every character — a 19 MB text took the
export to 3.8 GB and a SystemError — only to report it as overset. Text beyond twice what the
page holds set solid can never be drawn, so it is left out of the measuring and reported as
"too much text" with the numbers; the text itself stays in the bulletin, untouched. Normal
pages (a page's worth of text, even somewhat overset) are measured exactly as before.
"""

from __future__ import annotations

import dataclasses

from layout.grid import Grid
from layout.types import Problem
from model.document import Paragraph

#: room above a page's solid capacity: headlines, short lines and breaks take space, not characters
_SLACK = 2


def page_capacity(g: Grid) -> int:
    """Characters of body text a page of grid ``g`` holds when it is set solid."""
    return max(1, g.columns * g.col_chars * g.lines)


def _text_size(value) -> int:
    if isinstance(value, str):
        return len(value)
    if isinstance(value, list | tuple):
        return sum(_text_size(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return sum(_text_size(getattr(value, f.name)) for f in dataclasses.fields(value))
    return 0


def _trim(value, budget: list[int]):
    """A copy of ``value`` holding at most ``budget[0]`` characters of text, in reading order."""
    if isinstance(value, str):
        keep = value[: max(0, budget[0])]
        budget[0] -= len(keep)
        return keep
    if isinstance(value, list):
        out = []
        for v in value:
            if budget[0] <= 0 and isinstance(v, str | Paragraph):
                break
            out.append(_trim(v, budget))
        return out
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _trim(getattr(value, f.name), budget) for f in dataclasses.fields(value)
                   if f.name not in ("id", "type", "placement", "image") and isinstance(getattr(value, f.name), str | list)
                   or dataclasses.is_dataclass(getattr(value, f.name)) and f.name not in ("placement", "crop")}
        return dataclasses.replace(value, **changes)
    return value


def within_capacity(blocks: list, g: Grid, problems: list[Problem]) -> list:
    """``blocks``, each beyond what the page could ever print replaced by a shortened copy
    (same id, same placement) for measuring; each such block is reported in ``problems``.

    The page as a whole is held to twice its capacity too (thirty long columns on one page
    were each measured in full); every block keeps at least an eighth of a page, so each
    still shows its headline and name and what of it fits."""
    cap = page_capacity(g)
    remaining = _SLACK * cap
    out = []
    for block in blocks:
        size = _text_size(block)
        allowed = max(remaining, cap // 8)
        remaining = max(0, remaining - min(size, allowed))
        if size <= allowed:
            out.append(block)
            continue
        out.append(_trim(block, [allowed]))
        problems.append(Problem("overset", block.id,
                                f"文字太多：这一块有 {size:,} 字，这一版最多排约 {cap:,} 字；"
                                f"超出的 {size - allowed:,} 字未排入（too much text for the page）",
                                chars=size - allowed))
    return out

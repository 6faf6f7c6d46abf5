"""Copy-fit (适配版面): small, bounded changes that fill short pages and resolve overset.

A make-up editor fits copy by changing what the page setup lets them change — the headline
sizes of the columns, the (bulletin-wide) portrait size class, and, when the user allows it,
which page a whole block stands on (moving blocks only in reading order). Body size and the
baseline grid never change, so every page still reads as one publication (DESIGN §5a).

The search is greedy and honest: each candidate is laid out and kept only if the pages it
touches score better (overset worst, then holes under blocks, then leftover space). The
result is a list of changes, so the command line can print and apply them and the editor can
push them as one undoable step.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from layout.document import lay_out_pages, registry_for
from layout.types import Problem
from model.document import Bulletin, ColumnBlock

#: headline scales tried, within the page setup's limits
SCALES = (0.8, 0.9, 1.0, 1.1, 1.25, 1.4, 1.6)


@dataclass
class Change:
    """``setattr(obj, attr, value)``, described for the user."""

    obj: object
    attr: str
    value: object
    text: str
    structural: bool = False


def apply(changes: list[Change]) -> None:
    for c in changes:
        setattr(c.obj, c.attr, c.value)


def _page_score(problems: list[Problem]) -> float:
    score = 0.0
    for p in problems:
        if p.kind == "overset":
            score += 1000 + 10 * p.lines
        elif p.kind == "underset":
            score += 20 * p.lines
        elif p.kind == "space":
            score += p.lines
        elif p.kind == "title_fit":
            score += 50
    return score


def _name(block) -> str:
    if isinstance(block, ColumnBlock):
        return block.region or block.organisation or (block.person.name if block.person else "") or block.id
    return {"speech": "讲话摘编", "picture": "图片"}.get(getattr(block, "type", ""), block.id)


def fit_bulletin(bulletin: Bulletin) -> list[Change]:
    """The changes copy-fit proposes for ``bulletin``, which is left as it was."""
    setup = bulletin.page_setup
    spec0 = setup.portrait
    scales0 = {id(b): b.placement.headline_scale for _, b in bulletin.iter_blocks()}
    blocks0 = [list(p.blocks) for p in bulletin.pages]
    try:
        _search(bulletin)
        return _diff(bulletin, spec0, scales0, blocks0)
    finally:
        setup.portrait = spec0
        for page, blocks in zip(bulletin.pages, blocks0):
            page.blocks = blocks
        for _, b in bulletin.iter_blocks():
            b.placement.headline_scale = scales0[id(b)]


def _diff(bulletin: Bulletin, spec0, scales0: dict, blocks0: list[list]) -> list[Change]:
    changes: list[Change] = []
    spec = bulletin.page_setup.portrait
    if spec != spec0:
        changes.append(Change(bulletin.page_setup, "portrait", spec,
                              f"肖像宽度 {spec0.width_columns} 栏 → {spec.width_columns} 栏（全刊统一）"))
    for number, (page, before) in enumerate(zip(bulletin.pages, blocks0), 1):
        if page.blocks != before or any(a is not b for a, b in zip(page.blocks, before)):
            moved_in = [b for b in page.blocks if not any(b is x for x in before)]
            moved_out = [b for b in before if not any(b is x for x in page.blocks)]
            parts = [f"移入 {_name(b)}" for b in moved_in] + [f"移出 {_name(b)}" for b in moved_out]
            changes.append(Change(page, "blocks", list(page.blocks), f"第 {number} 版: " + "，".join(parts),
                                  structural=True))
    for _, b in bulletin.iter_blocks():
        old, new = scales0[id(b)], b.placement.headline_scale
        if old != new:
            changes.append(Change(b, "placement", replace(b.placement, headline_scale=new),
                                  f"{_name(b)}: 标题字号 ×{old:g} → ×{new:g}"))
    return changes


def _search(bulletin: Bulletin) -> None:
    fonts = registry_for(bulletin)
    setup = bulletin.page_setup
    limits = setup.fit
    state = lay_out_pages(bulletin, fonts=fonts)

    def trial(pages: set[int] | None):
        return lay_out_pages(bulletin, pages, state if pages is not None else None, fonts)

    def total(per_page) -> float:
        return sum(_page_score(problems) for _lp, problems in per_page)

    # 1. the portrait size class: one width for the whole bulletin — when there are photos:
    # without any, the "portrait" column holds only bylines, and widening it buys a line of
    # space with white beside every byline
    spec = setup.portrait
    has_photos = any(isinstance(b, ColumnBlock) and b.portrait is not None and b.portrait.image
                     for _p, b in bulletin.iter_blocks())
    if spec.width_mm is None and has_photos:
        best_score, best_spec = total(state), spec
        for cols in range(1, min(limits.portrait_columns_max, setup.columns) + 1):
            if cols == spec.width_columns:
                continue
            setup.portrait = replace(spec, width_columns=cols)
            got = trial(None)
            if total(got) < best_score - 1e-9:
                best_score, best_spec = total(got), setup.portrait
        setup.portrait = best_spec
        state = trial(None)

    # 2. headline sizes, block by block, page by page
    scales = [s for s in SCALES if limits.headline_scale_min - 1e-9 <= s <= limits.headline_scale_max + 1e-9]
    for index, page in enumerate(bulletin.pages):
        if page.fixed_layout:
            continue  # the editor fixed this page: copy-fit leaves it alone
        for _round in range(2):
            improved = False
            for block in page.blocks:
                if not isinstance(block, ColumnBlock) or not block.headline.strip():
                    continue
                current = block.placement.headline_scale
                best = (_page_score(state[index][1]), current, None)
                for scale in scales:
                    if scale == current:
                        continue
                    block.placement.headline_scale = scale
                    got = trial({index})
                    score = _page_score(got[index][1])
                    if score < best[0] - 1e-9:
                        best = (score, scale, got)
                block.placement.headline_scale = best[1]
                if best[2] is not None:
                    state = best[2]
                    improved = True
            if not improved:
                break

    # 3. whole blocks between neighbouring pages, in reading order, when the user allows it
    if limits.move_blocks:
        for index in range(len(bulletin.pages) - 1):
            here, there = bulletin.pages[index], bulletin.pages[index + 1]
            if here.fixed_layout or there.fixed_layout:
                continue
            for _step in range(len(here.blocks) + len(there.blocks)):
                before = _page_score(state[index][1]) + _page_score(state[index + 1][1])
                overset = any(p.kind == "overset" for p in state[index][1])
                old = (here.blocks, there.blocks)
                if overset and len(here.blocks) > 1:  # push the last block forward
                    here.blocks, there.blocks = here.blocks[:-1], [here.blocks[-1], *there.blocks]
                elif not overset and there.blocks and any(p.kind == "space" for p in state[index][1]):
                    here.blocks, there.blocks = [*here.blocks, there.blocks[0]], there.blocks[1:]  # pull back
                else:
                    break
                got = trial({index, index + 1})
                if _page_score(got[index][1]) + _page_score(got[index + 1][1]) < before - 1e-9:
                    state = got
                    continue
                here.blocks, there.blocks = old
                break

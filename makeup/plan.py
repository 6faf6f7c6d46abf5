"""The page plan (组版方案): what the make-up decides, as data, and how it becomes model changes.

A plan names the page size, how many pages there are and which blocks stand on each (in reading
order), the bulletin's portrait size class and one headline size class per page (peers on a page
share it). Rows and spans inside a page are the composer's packer's to choose (a dynamic
programme over the page), so a plan and the model it is applied to lay out to exactly one set
of pages: the composer is a function from plan to pages.
"""

from __future__ import annotations

import copy
import math
import re
from dataclasses import dataclass, replace

from layout.fit import Change
from layout.jump import jumping
from model.document import Bulletin, ColumnBlock, Page, PageSetup
from model.texts import display_name
from model.units import MM

FORMATS = ("broadsheet", "tabloid", "a3", "a4")
FORMAT_NAMES = {"broadsheet": "对开", "tabloid": "四开", "a3": "A3", "a4": "A4", "custom": "自定义"}
FORMAT_NAMES_EN = {"broadsheet": "broadsheet", "tabloid": "tabloid", "a3": "A3", "a4": "A4", "custom": "custom"}


@dataclass(frozen=True)
class PagePlan:
    preset: str
    pages: tuple[tuple[str, ...], ...]  # block ids per page, reading order kept
    portrait_columns: float  # the portrait size class, in columns (1.5: one and a half)
    headline_scales: tuple[float, ...]  # one per page
    #: articles that close their page and continue on the next (转版, layout/jump.py)
    jumps: frozenset[str] = frozenset()

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def describe(self) -> str:
        scales = "/".join(f"{s:g}" for s in self.headline_scales)
        return (f"{self.page_count} 版 {FORMAT_NAMES.get(self.preset, self.preset)}，肖像 {self.portrait_columns:g} 栏，"
                f"标题 ×{scales}，每版 {'/'.join(str(len(p)) for p in self.pages)} 篇"
                + (f"，转版 {len(self.jumps)} 处" if self.jumps else ""))


def portrait_class(setup: PageSetup) -> float:
    """The portrait size class of ``setup`` in columns (fractional when the make-up chose a width
    between whole columns; the user's own ``width_mm`` counts as its nearest tenth)."""
    spec = setup.portrait
    if spec.width_mm is None:
        return float(spec.width_columns)
    from layout.grid import make_grid

    g = make_grid(setup)
    return round((spec.width_mm * MM + g.gutter) / (g.col_w + g.gutter), 2)


def portrait_is_free(setup: PageSetup) -> bool:
    """May the make-up choose the portrait size class? Not when the user typed a width."""
    return setup.portrait.width_mm is None or setup.portrait.by_makeup


def setup_for(setup: PageSetup, preset: str, portrait_columns: float) -> PageSetup:
    """``setup`` at another page size: the preset's paper, margins and columns, the user's body
    type, grid, colour and press kept (body size never changes with the page)."""
    if preset == setup.preset or preset == "custom":
        new = replace(setup)
    else:
        base = PageSetup.from_preset(preset)  # type: ignore[arg-type]
        new = replace(setup, preset=base.preset, width_mm=base.width_mm, height_mm=base.height_mm,
                      margins=base.margins, columns=base.columns, spaced_names=base.spaced_names)
    if portrait_is_free(setup):
        cols = max(1.0, min(float(portrait_columns), float(new.columns)))
        if abs(cols - round(cols)) < 1e-6:
            new.portrait = replace(setup.portrait, width_columns=int(round(cols)), width_mm=None, by_makeup=False,
                                   leader_width_columns=int(round(cols)))
        else:
            from layout.grid import make_grid

            g = make_grid(new)
            width = cols * g.col_w + (cols - 1) * g.gutter
            new.portrait = replace(setup.portrait, width_columns=math.ceil(cols), width_mm=round(width / MM, 1),
                                   by_makeup=True, leader_width_columns=math.ceil(cols))
    new.fit = replace(setup.fit)
    return new


def plan_of(bulletin: Bulletin) -> PagePlan:
    """The bulletin as it stands, as a plan."""
    scales = []
    for page in bulletin.pages:
        cols = [b.placement.headline_scale for b in page.blocks if isinstance(b, ColumnBlock)]
        scales.append(max(cols) if cols else 1.0)
    jumps = frozenset(p.blocks[-1].id for p in bulletin.pages if jumping(p) is not None)
    return PagePlan(bulletin.page_setup.preset, tuple(tuple(b.id for b in p.blocks) for p in bulletin.pages),
                    portrait_class(bulletin.page_setup), tuple(scales), jumps)


def _next_label(label: str) -> str:
    m = re.search(r"(\d+)", label)
    if m is None:
        return ""
    return label[:m.start()] + str(int(m.group(1)) + 1) + label[m.end():]


def build_pages(bulletin: Bulletin, plan: PagePlan) -> list[Page]:
    """The pages of ``plan``: existing pages keep their id, label, banner and headline group;
    pages beyond them are new and bare. Blocks are the bulletin's own objects."""
    by_id = {b.id: b for _p, b in bulletin.iter_blocks()}
    out: list[Page] = []
    for i, ids in enumerate(plan.pages):
        if i < len(bulletin.pages):
            page = copy.copy(bulletin.pages[i])
        else:
            prev = out[-1].label if out else ""
            page = Page(label=_next_label(prev))
        page.blocks = [by_id[x] for x in ids]
        out.append(page)
    return out


def changes_for(bulletin: Bulletin, plan: PagePlan) -> list[Change]:
    """The model changes that bring ``bulletin`` to ``plan``, each worded for the user; applying
    them in order (``layout.fit.apply``, or one undo step in the editor) gives the planned pages."""
    changes: list[Change] = []
    old = bulletin.page_setup
    new = setup_for(old, plan.preset, plan.portrait_columns)
    if new != old:
        parts = []
        if new.preset != old.preset:
            parts.append(f"版面 {FORMAT_NAMES.get(old.preset, old.preset)} → {FORMAT_NAMES.get(new.preset, new.preset)}")
        if new.portrait != old.portrait:
            parts.append(f"肖像宽度 {portrait_class(old):g} 栏 → {portrait_class(new):g} 栏（全刊统一）")
        changes.append(Change(bulletin, "page_setup", new, "；".join(parts) or "版面设置", structural=True))
    by_id = {b.id: b for _p, b in bulletin.iter_blocks()}
    where = {b.id: n for n, p in enumerate(bulletin.pages, 1) for b in p.blocks}
    count_changed = len(plan.pages) != len(bulletin.pages)
    moves = []
    for number, ids in enumerate(plan.pages, 1):
        moved = [by_id[x] for x in ids if where.get(x) != number]
        if moved:
            moves.append(f"第 {number} 版移入 " + "、".join(display_name(b, short=True) for b in moved))
    if count_changed:
        text = "；".join([f"版数 {len(bulletin.pages)} → {len(plan.pages)}", *moves])
        changes.append(Change(bulletin, "pages", build_pages(bulletin, plan), text, structural=True))
    else:
        for number, (page, ids) in enumerate(zip(bulletin.pages, plan.pages), 1):
            if tuple(b.id for b in page.blocks) != ids:
                moved_in = [by_id[x] for x in ids if where.get(x) != number]
                moved_out = [b for b in page.blocks if b.id not in ids]
                parts = [f"移入 {display_name(b, short=True)}" for b in moved_in] + [f"移出 {display_name(b, short=True)}" for b in moved_out]
                text = f"第 {number} 版: " + ("，".join(parts) or "调整顺序")
                changes.append(Change(page, "blocks", [by_id[x] for x in ids], text, structural=True))
    fixed = {b.id for p in bulletin.pages if p.fixed_layout for b in p.blocks}
    for number, (ids, scale) in enumerate(zip(plan.pages, plan.headline_scales), 1):
        for x in ids:
            b = by_id[x]
            if x in fixed or not isinstance(b, ColumnBlock):
                continue  # a fixed page keeps its headlines as they stand
            placement, said = b.placement, []
            if b.headline.strip() and abs(b.placement.headline_scale - scale) > 1e-9:
                placement = replace(placement, headline_scale=scale)
                said.append(f"标题字号 ×{b.placement.headline_scale:g} → ×{scale:g}")
            jumps = x in plan.jumps and x == ids[-1] and number < len(plan.pages)
            if jumps != placement.continues:
                placement = replace(placement, continues=jumps)
                said.append(f"转版：排不下的部分接第 {number + 1} 版" if jumps else "不再转版")
            if said:
                changes.append(Change(b, "placement", placement, f"{display_name(b, short=True)}: " + "；".join(said)))
    return changes

"""缺稿 / 超稿 in numbers, with the fixes the make-up can still make (DESIGN §5a).

A page that stays short says how many characters would fill it and about how large the white
is, then the moves that would help: another page size or count the search found fuller, a
picture block of the white's size, larger portraits. Copy that does not fit is listed per block,
longest first, with more pages or cuts. Never a short page or a lost character unreported.
"""

from __future__ import annotations

from layout.types import LaidOutDocument
from makeup.plan import FORMAT_NAMES, portrait_class, portrait_is_free
from makeup.search import SearchResult
from model.document import Bulletin
from model.texts import display_name


def _fuller(result: SearchResult | None, page_count: int, preset: str, than: float = 0.0) -> list[str]:
    """Other plans the search weighed that leave less white than ``than`` % full, worded as
    fixes: one per page size and count (its fullest), the two fullest."""
    if result is None:
        return []
    best: dict[tuple[str, int], float] = {}
    for cand in result.candidates[:6]:
        if cand.plan.preset == preset and cand.plan.page_count == page_count:
            continue
        if any(p.overset for p in cand.pages):
            continue
        full = 100 * (1 - max(p.quality.empty for p in cand.pages))
        key = (cand.plan.preset, cand.plan.page_count)
        if full > than and full > best.get(key, -1.0):
            best[key] = full
    out = []
    for (size, count), full in sorted(best.items(), key=lambda kv: -kv[1])[:2]:
        what = []
        if size != preset:
            what.append(f"改为{FORMAT_NAMES.get(size, size)}")
        if count != page_count:
            what.append(f"{count} 版")
        out.append(f"{'、'.join(what)}（约满 {full:.0f}%）")
    return out


def copy_report(bulletin: Bulletin, doc: LaidOutDocument, result: SearchResult | None = None) -> list[str]:
    """The lines of the 缺稿 / 超稿 report for ``doc`` (the bulletin laid out)."""
    lines: list[str] = []
    setup = bulletin.page_setup
    pages = {p.id: n for n, p in enumerate(bulletin.pages, 1)}
    names = {b.id: display_name(b, short=True) for _p, b in bulletin.iter_blocks()}
    where = {b.id: n for n, p in enumerate(bulletin.pages, 1) for b in p.blocks}
    for p in doc.problems:
        if p.kind != "short_copy":
            continue
        fixes = _fuller(result, len(bulletin.pages), setup.preset, than=100 - p.number("empty_pct"))
        fixes.append(f"加 {p.number('width_mm'):.0f} × {p.number('height_mm'):.0f} mm 的图片块")
        if portrait_is_free(setup) and portrait_class(setup) < setup.fit.portrait_columns_max:
            fixes.append(f"放大肖像（现为 {portrait_class(setup):g} 栏）")
        lines.append(f"第 {pages.get(p.block_id, '?')} 版 缺稿约 {p.chars} 字（空白 {p.number('empty_pct'):.0f}%，"
                     f"约 {p.number('width_mm'):.0f} × {p.number('height_mm'):.0f} mm）；可：" + "；".join(fixes))
    over = sorted((p for p in doc.problems if p.kind in ("overset", "truncated") and p.chars > 0),
                  key=lambda p: -p.chars)
    for p in over:
        fixes = ["加一版" if not setup.fit.free_pages else "加版",
                 f"删减约 {p.chars} 字"]
        if setup.preset != "broadsheet":
            fixes.insert(1, "改为对开")
        lines.append(f"第 {where.get(p.block_id, '?')} 版 {names.get(p.block_id, p.block_id)} 超稿 {p.chars} 字；可："
                     + "；".join(fixes))
    return lines

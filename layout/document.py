"""Page composition: a bulletin in, laid-out newspaper pages out (DESIGN §2, issue 4).

Top to bottom a page holds its banner (版头), its headline group across the full width (通栏),
then its blocks packed into rows on the column grid, and a folio line in the foot margin.
Nothing is clipped silently: text that does not fit its block becomes an ``overset`` problem
with the characters and lines lost; a block ending more than two lines short of its bottom
becomes an ``underset`` problem; both name the block id.
"""

from __future__ import annotations

import itertools
import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import lru_cache

from layout import styles as ts
from layout.blocks import HEADLINE_RULE_WIDTH, RED, BlockMeasurer, MeasuredBlock, _tracked, frame_items
from layout.compose import Run, compose, measure_text, merge_glyph_problems
from layout.flow import _greedy, balance, min_height, split_fit
from layout.fonts import FontRegistry
from layout.grid import MM, Grid, make_grid
from layout.level import level_breaks
from layout.limits import within_capacity
from layout.packing import pack
from layout.quality import (
    INK_ABOVE,
    INK_BELOW,
    MAX_EMPTY,
    MAX_FOOT,
    MAX_HOLES,
    PageQuality,
    badness,
    measure_page,
)
from layout.types import (
    BLACK,
    WHITE,
    BlockArea,
    GlyphRun,
    LaidOutDocument,
    LaidOutPage,
    Picture,
    Problem,
    Rect,
    Rule,
)
from model.document import Bulletin, ColumnBlock, Page, PictureBlock, block_texts, char_count, issue_label
from model.images import MIN_PPI, ImageStore, incomplete_image, upright_size  # noqa: F401 - incomplete_image re-exported
from model.texts import display_name

UNDERSET_TOLERANCE = 2  # lines a block may end short of its bottom without a report
MAX_STRETCH = 12  # lines a block is asked to grow at most to end level with its row
#: Extra lines of air a block may take below its headline to end level with its row: none. The
#: headline already stands on a line of air, and a second one is a white band across every
#: column of the block — a hole (DESIGN §5a). Rows are levelled by paragraph air and the make-up.
HEAD_AIR = 0
HEAD_AIR_WIDE = 0
#: a 转版 whose page fails a rule at the most text that fits tries breaks this many times, each
#: this many lines earlier (room to level a row's portraits, to close a hole)
JUMP_BACKS = 3
JUMP_BACK_LINES = 2
#: lines of the jumping article a page hands on, beyond what does not fit, to a next page that
#: is short of copy (tried in turn while the page it leaves still meets every rule)
JUMP_GIVE_LINES = (1, 2, 3, 5, 8)
#: At most one blank line above a paragraph: more is feathering, which an editor sends back.
MAX_PARAGRAPH_GAP = 1
#: A line of air above a headline (under the rule closing the row above) where a block would
#: otherwise end short of its row: a single white line, which reads as air, never as a hole.
TOP_AIR = 1


class ImageSizes:
    """Upright pixel sizes of the bulletin's images, read from headers once — and why an image
    cannot be drawn (missing, unreadable, cut short), so that it is reported, not a grey box.
    What is read is kept in the image store (``ImageStore.facts``): the next layout, of this
    bulletin or of a copy of it, reads no picture again."""

    def __init__(self, store: ImageStore) -> None:
        self.store = store
        self._cache: dict[str, tuple[int, int] | None] = {}
        self._bad: dict[str, str] = {}

    def bad(self, name: str) -> str | None:
        """Why the image cannot be drawn, or None when it looks whole."""
        self.size(name)
        return self._bad.get(name)

    def size(self, name: str) -> tuple[int, int] | None:
        if name not in self._cache:
            known = self.store.facts(name)  # the loader's or an earlier layout's reading
            if known is not None:
                self._cache[name], cut = known
                if cut:
                    self._bad[name] = cut
                return self._cache[name]
            try:
                data = self.store.get(name)
                cut = incomplete_image(data)
                if cut:
                    self._bad[name] = cut
                self._cache[name] = upright_size(data)
                self.store.note_facts(name, (self._cache[name], cut))
            except KeyError:
                self._cache[name] = None
                self._bad[name] = "项目里没有这张照片 missing from the project"
            except Exception as exc:
                self._cache[name] = None
                self._bad[name] = f"无法读取 unreadable: {exc}"[:200]
        return self._cache[name]


@lru_cache(maxsize=8)
def _registry(fonts_key: tuple[tuple[str, str], ...]) -> FontRegistry:
    return FontRegistry(dict(fonts_key))


def registry_for(bulletin: Bulletin) -> FontRegistry:
    """One registry per distinct font choice, shared across layouts (metrics stay warm)."""
    return _registry(tuple(sorted(bulletin.fonts.items())))


def lay_out_bulletin(bulletin: Bulletin, fonts: FontRegistry | None = None) -> LaidOutDocument:
    fonts = fonts or registry_for(bulletin)
    grid = make_grid(bulletin.page_setup)
    sizes = ImageSizes(bulletin.images)
    doc = LaidOutDocument()
    for lp, problems in laid_out_in_order(bulletin, grid, fonts, sizes, exact_short=True):
        doc.pages.append(lp)
        doc.problems += problems
    doc.problems = _dedupe(doc.problems)
    return doc


def laid_out_in_order(bulletin: Bulletin, grid: Grid, fonts: FontRegistry, sizes: ImageSizes,
                      exact_short: bool = True) -> Iterator[tuple[LaidOutPage, list[Problem]]]:
    """Every page of ``bulletin`` laid out, in order, each as soon as it is: a page a 转版 runs
    into opens with the rest of the article from the page before (layout/jump.py)."""
    carried = None
    before = None  # the page before, held back while a 转版 from it may yet give this one more
    for number, page in enumerate(bulletin.pages, 1):
        laid_out, handed = _lay_out_jumping(bulletin, page, number, grid, fonts, sizes, exact_short, carried)
        if carried is not None and _short_page(laid_out):
            before, laid_out, handed = _given_more(bulletin, number, grid, fonts, sizes, exact_short, before,
                                                   laid_out, handed)
        if before is not None:
            yield before[0]
        before, carried = (laid_out, page, carried), handed
    if before is not None:
        yield before[0]


def _short_page(laid_out: tuple[LaidOutPage, list[Problem]]) -> bool:
    q = laid_out[0].quality
    return (isinstance(q, PageQuality) and ("empty" in q.failures or "foot" in q.failures)
            and not _overset_of(laid_out[1]))


def _given_more(bulletin: Bulletin, number: int, grid: Grid, fonts: FontRegistry, sizes: ImageSizes,
                exact_short: bool, before: tuple, laid_out: tuple, handed: ColumnBlock | None) -> tuple:
    """A page short of copy that a 转版 runs into gets a few more lines of the article from the
    page before, as long as that page still meets every rule: (the page before, as held; this
    page; what it hands on). Tried in quick layouts, the pair kept laid out again exactly."""
    prev_lp, prev_page, prev_in = before
    if not isinstance(prev_lp[0].quality, PageQuality) or not prev_lp[0].quality.meets:
        return before, laid_out, handed
    page = bulletin.pages[number - 1]
    best = None
    for lines in JUMP_GIVE_LINES:
        prev2, carried2 = _lay_out_jumping(bulletin, prev_page, number - 1, grid, fonts, sizes, False, prev_in,
                                           give=lines * grid.col_chars)
        if carried2 is None or not prev2[0].quality.meets:
            break
        laid2, handed2 = _lay_out_jumping(bulletin, page, number, grid, fonts, sizes, False, carried2)
        if _overset_of(laid2[1]):
            break
        if badness(laid2[0].quality) < badness((best or (None, laid_out))[1][0].quality) - 1e-9:
            best = (lines, laid2)
        if laid2[0].quality.meets:
            break
    if best is None:
        return before, laid_out, handed
    give = best[0] * grid.col_chars
    prev2, carried2 = _lay_out_jumping(bulletin, prev_page, number - 1, grid, fonts, sizes, exact_short, prev_in,
                                       give=give)
    laid2, handed2 = _lay_out_jumping(bulletin, page, number, grid, fonts, sizes, exact_short, carried2)
    return (prev2, prev_page, prev_in), laid2, handed2


def _lay_out_jumping(bulletin: Bulletin, page: Page, number: int, grid: Grid, fonts: FontRegistry,
                     sizes: ImageSizes, exact_short: bool, carried: ColumnBlock | None, give: int = 0
                     ) -> tuple[tuple[LaidOutPage, list[Problem]], ColumnBlock | None]:
    """Page ``number`` laid out with the continuation ``carried`` from the page before at its
    head, and the continuation it hands to the next page: the part of its jumping article that
    does not fit. The break is the most text that sets without overset (tried, not guessed),
    less ``give`` characters for a next page short of copy."""
    from layout import jump

    opened = jump.opened_by(page, carried)
    # nothing jumps from the last page, nor onto a fixed page (typing there moves nothing)
    block = jump.jumping(opened) if number < len(bulletin.pages) and not bulletin.pages[number].fixed_layout else None
    if block is None:
        return _sourced(_lay_out_page(bulletin, opened, number, grid, fonts, sizes, exact_short), opened, page), None
    whole = _lay_out_page(bulletin, opened, number, grid, fonts, sizes)
    over = _overset_of(whole[1])
    to_page, from_page = jump.page_number(bulletin.pages[number], number + 1), jump.page_number(page, number)
    headline = jump.group_headline(opened.blocks, len(opened.blocks) - 1)

    def cut_at(keep: int) -> tuple | None:
        """(layout, page as cut, continuation, keep) with ``keep`` characters on this page."""
        parts = jump.split(block, keep, to_page, from_page, headline)
        if parts is None:
            return None
        cut = replace(opened, blocks=[*opened.blocks[:-1], parts[0]])
        return _lay_out_page(bulletin, cut, number, grid, fonts, sizes, exact_short), cut, parts[1], keep

    if over > 0:
        keep = jump.body_chars(block) - over
        fits = None  # the first break that sets without overset
        backs = 0
        for _ in range(6 + JUMP_BACKS):
            tried = cut_at(keep)
            if tried is None:
                break
            still = _overset_of(tried[0][1])
            if still:
                if fits is not None:
                    break
                keep -= max(still, grid.col_chars)
                continue
            q = tried[0][0].quality
            if q is None or q.meets:
                fits = tried
                break
            # the most that fits can leave no room to level a portrait: a few lines less may meet
            fits = fits or tried
            backs += 1
            if backs > JUMP_BACKS:
                break
            keep -= JUMP_BACK_LINES * grid.col_chars
        if fits is not None and give:
            given = cut_at(fits[3] - give)
            if given is not None and not _overset_of(given[0][1]):
                fits = given
        if fits is not None:
            return _sourced(fits[0], fits[1], page), fits[2]
    if exact_short:
        whole = _lay_out_page(bulletin, opened, number, grid, fonts, sizes, exact_short)
    return _sourced(whole, opened, page), None


def _overset_of(problems: list[Problem]) -> int:
    """Characters a page leaves unset: a jumping article gives up its room until it is none."""
    return sum(p.chars for p in problems if p.kind == "overset")


def _sourced(laid_out: tuple[LaidOutPage, list[Problem]], as_laid: Page, page: Page
             ) -> tuple[LaidOutPage, list[Problem]]:
    if as_laid is not page:
        laid_out[0].source = as_laid
    return laid_out


def lay_out_pages(bulletin: Bulletin, pages: set[int] | None = None,
                  previous: list[tuple[LaidOutPage, list[Problem]]] | None = None,
                  fonts: FontRegistry | None = None, exact_short: bool = True) -> list[tuple[LaidOutPage, list[Problem]]]:
    """Each page of ``bulletin`` laid out alone: [(page, its problems)], in page order.

    Re-lays out only the 0-based indices in ``pages`` and takes every other page from
    ``previous`` (an earlier result of this function for the same page count, fonts, page
    setup and folio texts); ``pages=None``, or a ``previous`` of another length, lays out all.
    A page's layout depends on nothing but that page, its number and those bulletin-wide
    settings, so the live preview re-lays out just the page being typed into.
    ``assemble`` turns the result into the LaidOutDocument ``lay_out_bulletin`` returns.
    Without ``exact_short`` a short page's 缺稿 number is the quick guess (the live preview, on
    every keystroke), to be tried later by ``refine_short_copy``.
    """
    n = len(bulletin.pages)
    if pages is None or previous is None or len(previous) != n or any(jumps(p) for p in bulletin.pages):
        pages = set(range(n))  # a 转版 ties a page to the one before it: all are laid out in order
    out = list(previous) if previous is not None and len(previous) == n else [None] * n
    todo = sorted(i for i in pages if 0 <= i < n)
    if todo:
        fonts = fonts or registry_for(bulletin)
        grid = make_grid(bulletin.page_setup)
        sizes = ImageSizes(bulletin.images)
        if len(todo) == n:
            out = list(laid_out_in_order(bulletin, grid, fonts, sizes, exact_short))
        else:
            for i in todo:
                out[i] = _lay_out_page(bulletin, bulletin.pages[i], i + 1, grid, fonts, sizes, exact_short=exact_short)
    return out  # type: ignore[return-value]


def jumps(page: Page) -> bool:
    """Does an article of ``page`` continue on the next page (转版)?"""
    from layout.jump import jumping

    return jumping(page) is not None


#: the page-level reports ``_report_short_copy`` makes (the ones ``refine_short_copy`` redoes)
_PAGE_REPORTS = ("short_copy", "page_rules")


def needs_refining(page: Page, problems: list[Problem]) -> bool:
    """Did a quick layout of ``page`` leave a 缺稿 guess, or holes that copy might close?"""
    return rough([p for p in problems if p.block_id == page.id])


def rough(problems: list[Problem]) -> bool:
    """Is one of a page's reports one that ``refine_short_copy`` redoes (its 缺稿, its holes)?"""
    return any(p.kind == "short_copy" or p.kind == "page_rules" and "holes" in p.text for p in problems)


def refine_short_copy(bulletin: Bulletin, index: int, laid_out: tuple[LaidOutPage, list[Problem]],
                      fonts: FontRegistry | None = None) -> tuple[LaidOutPage, list[Problem]]:
    """Page ``index``'s layout from ``lay_out_pages(..., exact_short=False)`` with its page
    report redone as the exact layout makes it: the 缺稿 number tried, not guessed. The page
    itself is the same object (the preview keeps its picture)."""
    lp, problems = laid_out
    page = lp.source if isinstance(lp.source, Page) else bulletin.pages[index]
    grid = make_grid(bulletin.page_setup)
    fonts = fonts or registry_for(bulletin)
    sizes = ImageSizes(bulletin.images)

    kept = [p for p in problems if not (p.kind in _PAGE_REPORTS and p.block_id == page.id)]
    _report_short_copy(page, grid, lp, kept, _relay(bulletin, index + 1, grid, fonts, sizes))
    return lp, kept


def lay_out_page(bulletin: Bulletin, page: Page, number: int, fonts: FontRegistry | None = None,
                 sizes: ImageSizes | None = None, exact_short: bool = False) -> tuple[LaidOutPage, list[Problem]]:
    """One page of ``bulletin`` laid out alone (the page need not be one of its pages): the
    make-up tries many pages made of the same blocks and lays out each candidate this way. Its
    缺稿 number is the quick guess from the white unless ``exact_short`` (``layout.short_copy``
    tries the copy, as the laid-out document and the export report do)."""
    return _lay_out_page(bulletin, page, number, make_grid(bulletin.page_setup), fonts or registry_for(bulletin),
                         sizes or ImageSizes(bulletin.images), exact_short)


def assemble(per_page: list[tuple[LaidOutPage, list[Problem]]]) -> LaidOutDocument:
    """The document of ``lay_out_pages``' result: pages in order, problems deduplicated."""
    doc = LaidOutDocument()
    for lp, problems in per_page:
        doc.pages.append(lp)
        doc.problems += problems
    doc.problems = _dedupe(doc.problems)
    return doc


_MEASURED: OrderedDict[tuple, MeasuredBlock] = OrderedDict()
_MEASURED_MAX = 1024
#: Bound by bytes, not only entries: a composed column keeps ≈ 300 bytes of Python objects per
#: character of its text (glyph ids, positions, break tables), so 1024 long columns would be
#: gigabytes. The estimate is 320 bytes per character of the block's repr (measured, see
#: benchmarks/bench_gui.py), and the cache holds at most 64 MB of it.
_MEASURED_BYTES_MAX = 64 * 1024 * 1024
_BYTES_PER_CHAR = 320
_MEASURED_SIZE: dict[tuple, int] = {}
#: Typing makes a new version of one block per keystroke; only the newest two versions of a
#: block (per grid and fonts) are worth keeping — the one on screen and the one undo returns to.
_VERSIONS: dict[tuple, list[tuple]] = {}
_measured_bytes = 0
_SERIALS = itertools.count(1)  # a measurement's name in the packer's row cache, never reused
_measured_lock = threading.Lock()  # the preview's worker and an export may lay out at once


def _forget(key: tuple) -> None:
    global _measured_bytes
    m = _MEASURED.pop(key, None)
    if key in _MEASURED_SIZE:
        _measured_bytes -= _MEASURED_SIZE.pop(key)
    if m is not None:
        vkey = (key[:-1], getattr(m.block, "id", ""))
        versions = _VERSIONS.get(vkey)
        if versions is not None and key in versions:
            versions.remove(key)
            if not versions:
                del _VERSIONS[vkey]


def _measure_cached(measurer: BlockMeasurer, block, sizes: ImageSizes) -> MeasuredBlock:
    """Composing a block's text is most of the layout's cost, and an edit changes one block:
    reuse the measurement of every block whose content, grid and fonts are unchanged, so
    the live preview re-composes only what was typed into."""
    text = repr(block)
    key = (measurer.g, tuple(sorted(measurer.fonts.specs.items())), measurer.spaced_names, repr(measurer.spec), text)
    with _measured_lock:
        hit = _MEASURED.get(key)
        if hit is not None and hit.block == block:
            _MEASURED.move_to_end(key)
            return _rebind(hit, block)
    m = measurer.measure(block, sizes)
    m.serial = next(_SERIALS)
    with _measured_lock:
        _store_measured(key, text, block, m)
    return m


def _store_measured(key: tuple, text: str, block, m: MeasuredBlock) -> None:
    global _measured_bytes
    if len(_MEASURED_SIZE) != len(_MEASURED):  # someone cleared _MEASURED directly (tests)
        _MEASURED_SIZE.clear()
        _VERSIONS.clear()
        _measured_bytes = 0
        for k, old in _MEASURED.items():
            _MEASURED_SIZE[k] = len(k[-1]) * _BYTES_PER_CHAR
            _measured_bytes += _MEASURED_SIZE[k]
            _VERSIONS.setdefault((k[:-1], getattr(old.block, "id", "")), []).append(k)
    _forget(key)
    _MEASURED[key] = m
    _MEASURED_SIZE[key] = size = len(text) * _BYTES_PER_CHAR
    _measured_bytes += size
    versions = _VERSIONS.setdefault((key[:-1], getattr(block, "id", "")), [])
    versions.append(key)
    while len(versions) > 2:
        _forget(versions[0])
    while _MEASURED and (len(_MEASURED) > _MEASURED_MAX or _measured_bytes > _MEASURED_BYTES_MAX):
        _forget(next(iter(_MEASURED)))


def _rebind(m: MeasuredBlock, block) -> MeasuredBlock:
    """The cached measurement, pointing at this bulletin's block object (ids and placement)."""
    if m.block is block:
        return m
    import dataclasses

    return dataclasses.replace(m, block=block)


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[str, str, str, str, str]] = set()
    out = []
    for p in merge_glyph_problems(problems):  # one fallback/missing-glyph row per block and role
        key = (p.kind, p.block_id, p.role, p.text, p.message)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _text_line(text: str, fonts: FontRegistry, role: str, size: float, width: float, align: str,
               colour=BLACK, block_id: str = ""):
    return compose(Run(text, role, colour=colour), width / size, size, fonts, align=align, indent_em=0,
                   block_id=block_id)


def _lay_out_page(bulletin: Bulletin, page: Page, number: int, grid: Grid, fonts: FontRegistry,
                  sizes: ImageSizes, exact_short: bool = False) -> tuple[LaidOutPage, list[Problem]]:
    g = grid
    lp = LaidOutPage(number, g.page_w, g.page_h, grid=(g.baseline(0), g.leading))
    problems: list[Problem] = []
    line = 0
    if page.banner and any(t.strip() for t in page.banner.lines):
        used = _banner(page, g, fonts, lp, problems)
        line += used
    if page.headline and any(t.strip() for t in (page.headline.kicker, page.headline.title, page.headline.subtitle)):
        line += _headline_group(page, g, fonts, lp, problems, line)
    measurer = BlockMeasurer(g, fonts, bulletin.page_setup.portrait, bulletin.page_setup.spaced_names)
    measured = [_measure_cached(measurer, b, sizes) for b in within_capacity(page.blocks, g, problems)]
    for m in measured:
        problems += m.problems
    gap = min(MAX_PARAGRAPH_GAP, bulletin.page_setup.fit.paragraph_gap_lines)
    _place_blocks(measured, g, line, lp, problems, sizes, page, gap)
    _folio(bulletin, page, number, g, fonts, lp, problems)
    _report_off_page(lp, problems)
    _report_short_copy(page, g, lp, problems, _relay(bulletin, number, grid, fonts, sizes) if exact_short else None)
    _report_page_opening_group(bulletin, page, problems)
    return lp, problems


def _report_page_opening_group(bulletin: Bulletin, page: Page, problems: list[Problem]) -> None:
    """An article without a headline opening a page while its group's headline stands on the
    page before it is apart from its group: said, never silent."""
    k = next((i for i, p in enumerate(bulletin.pages) if p.id == page.id), None)
    if not page.blocks or k is None:
        return
    prev = next((p.blocks[-1] for p in reversed(bulletin.pages[:k]) if p.blocks), None)
    first = page.blocks[0]
    if prev is not None and follows_group(prev, first):
        problems.append(Problem("group_apart", first.id, f"{display_name(first, short=True)}: 与所属标题不在同一版"))


def _relay(bulletin: Bulletin, number: int, grid: Grid, fonts: FontRegistry,
           sizes: ImageSizes) -> Callable[[Page], LaidOutPage]:
    """A layout of trial pages as page ``number`` (the 缺稿 trials; no trials of their own)."""
    def lay_out(trial: Page) -> LaidOutPage:
        return _lay_out_page(bulletin, trial, number, grid, fonts, sizes)[0]

    return lay_out


def _report_short_copy(page: Page, g: Grid, lp: LaidOutPage, problems: list[Problem],
                       relay: Callable[[Page], LaidOutPage] | None = None) -> None:
    """缺稿: a page whose type area is more than ``MAX_EMPTY`` white (layout.quality) is short of
    copy; it says how many characters would fill it and the area in mm, never passes silently.
    With ``relay`` (a layout of a trial page) the number is the copy that really fills the page
    (``layout.short_copy``); without, the white beyond the limits as characters."""
    if not page.blocks:
        return
    q = lp.quality = measure_page(lp, g)
    # white beside copy that does not fit is the arrangement's, not a want of copy: 超稿 is said
    overset = any(p.kind in ("overset", "truncated") and p.chars > 0 for p in problems)
    if (q.empty > MAX_EMPTY or q.foot > MAX_FOOT) and not overset:
        # the copy that brings the white down to the rule: the white beyond MAX_EMPTY, or the
        # white standing at the column feet beyond MAX_FOOT, whichever is more
        if q.empty > MAX_EMPTY:
            cells = q.empty_cells - MAX_EMPTY * q.cells
        else:
            cells = (q.foot - MAX_FOOT) * q.cells
        cells = max(cells, 1.0)
        chars = round(cells * g.col_chars)
        if relay is not None:
            from layout.short_copy import copy_to_fill

            chars = copy_to_fill(page, chars, g, relay) or chars
            cells = chars / max(1, g.col_chars)
        problems.append(_short_copy(page, g, q, chars, cells))
    elif not q.meets:
        chars = None
        if relay is not None and "holes" in q.failures and not overset:
            # holes where the white is within its limits: rows stretched over copy too short to
            # fill them. When more copy closes them, the page is short of copy, and says how much
            from layout.short_copy import copy_to_fill

            cells = max(1.0, (q.holes - MAX_HOLES) * q.cells)
            chars = copy_to_fill(page, round(cells * g.col_chars), g, relay, holes=True)
        if chars is not None:
            problems.append(_short_copy(page, g, q, chars, chars / max(1, g.col_chars)))
        else:
            problems.append(Problem("page_rules", page.id, "、".join(q.failures), text="、".join(q.failures),
                                    numbers=(("holes_pct", 100 * q.holes), ("isolated", len(q.isolated)))))


def _short_copy(page: Page, g: Grid, q, chars: int, cells: float) -> Problem:
    """The 缺稿 report: ``chars`` characters, ``cells`` line-columns of the page's width."""
    lines = cells / max(1, g.columns)
    return Problem("short_copy", page.id, f"缺稿约 {chars} 字", chars=chars, lines=round(lines),
                   numbers=(("empty_pct", 100 * q.empty), ("width_mm", g.width / MM), ("height_mm", lines * g.leading / MM)))


def _report_off_page(lp: LaidOutPage, problems: list[Problem]) -> None:
    """Text that would land outside the trimmed page is taken off it and reported: a banner
    or title too long for any size, a name longer than its column is tall. Nothing may be
    cut by the page edge without a word (body text is already reported as overset)."""
    lost: dict[str, int] = {}
    kept: list = []
    for it in lp.items:
        if isinstance(it, GlyphRun) and (
            it.y - ts.ASCENT * it.size < -0.5 or it.y + (1 - ts.ASCENT) * it.size > lp.height + 0.5
            or it.x + (it.xs[0] if it.xs else 0.0) < -0.5
            or it.x + (it.xs[-1] + it.advances[-1] if it.xs else 0.0) > lp.width + 0.5
        ):
            lost[it.block_id] = lost.get(it.block_id, 0) + sum(1 for ch in it.text if not ch.isspace())
            continue
        if isinstance(it, Picture) and (it.y < -0.5 or it.y + it.h > lp.height + 0.5
                                        or it.x < -0.5 or it.x + it.w > lp.width + 0.5):
            problems.append(Problem("truncated", it.block_id, "照片超出页面，被页边裁去 the picture runs off the page"))
        kept.append(it)  # what lies on the page stays: one lost line took the whole page with it
    if lost:
        lp.items[:] = kept
        for bid, chars in lost.items():
            _truncated(problems, bid, chars, "超出页面 runs off the page")


def _truncated(problems: list[Problem], bid: str, chars: int, where: str) -> None:
    if chars > 0:
        problems.append(Problem("truncated", bid, f"{where}: {chars} 字未排出 characters not drawn", chars=chars))


def _lost_chars(lines) -> int:
    return sum(1 for ln in lines for ch in ln.text if not ch.isspace())


# ---------------------------------------------------------------------------- banner


def _banner(page: Page, g: Grid, fonts: FontRegistry, lp: LaidOutPage, problems: list[Problem]) -> int:
    lines_used = ts.BANNER_LINES
    top = g.line_top(0)
    h = (lines_used - 1) * g.leading
    lp.items.append(Rect(g.left, top, g.width, h, fill=RED))
    texts = [t for t in page.banner.lines if t.strip()]
    bid = page.banner.id
    slots: list[tuple[str, str, float]]
    if len(texts) == 1:
        slots = [(texts[0], "centre", ts.BANNER_ONE)]
    elif len(texts) == 2:
        slots = [(texts[0], "left", ts.BANNER_TWO), (texts[1], "right", ts.BANNER_TWO)]
    else:
        slots = [(texts[0], "left", ts.BANNER_SIDE), (" ".join(texts[1:-1]), "centre", ts.BANNER_CENTRE),
                 (texts[-1], "right", ts.BANNER_SIDE)]
    pad = g.body * ts.BANNER_PAD_EM
    width = g.width - 2 * pad
    min_size = max(6.0, 0.8 * g.body)  # smaller is not read on newsprint
    for text, align, rel in slots:
        size = h * rel
        measure = width
        if align != "centre":  # side texts share the band with the big centre word
            natural = measure_text(text, size, fonts, role="banner")
            size = min(size, size * (width * ts.BANNER_SIDE_WIDTH) / max(natural, 1e-6))
            if size < min_size:
                size, measure = min_size, width * ts.BANNER_SIDE_WIDTH
        comp = _text_line(text, fonts, "banner", size, measure, align, WHITE, bid)
        # lines that do not fit the band: a smaller size, down to min_size; then report the rest
        while len(comp) * size * ts.BANNER_LINE_FACTOR > h and size > min_size:
            size = max(min_size, size * 0.85)
            comp = _text_line(text, fonts, "banner", size, measure, align, WHITE, bid)
        problems += comp.problems
        fit = max(1, int(h // (size * ts.BANNER_LINE_FACTOR)))
        _truncated(problems, bid, _lost_chars(comp[fit:]), "版头 banner")
        comp = comp[:fit]
        n = len(comp)
        for k, ln in enumerate(comp):
            baseline = top + h / 2 + (k - (n - 1) / 2) * size * ts.BANNER_LINE_FACTOR + ts.BANNER_BASELINE * size
            lp.items += ln.glyph_runs(g.left + pad, baseline, block_id=bid)
    lp.areas.append(BlockArea(bid, "banner", g.left, top, g.width, h))
    return lines_used


# ---------------------------------------------------------------------------- headline group


def _headline_group(page: Page, g: Grid, fonts: FontRegistry, lp: LaidOutPage, problems: list[Problem],
                    start: int) -> int:
    """The page's title group (引题, 主题, 副题) across the type area. A title narrower than the
    area opens up (拉开字距) towards its full width, and a kicker or subtitle line far narrower
    than it stands between hairlines to its edges: the outer columns beside them would
    otherwise open as white wells above the page's first row."""
    hg = page.headline
    bid = hg.id
    y = g.line_top(start)
    top = y
    width = g.width
    if hg.kicker.strip():
        size = ts.STYLES["kicker"].size(g.body)
        comp = _text_line(hg.kicker, fonts, "kicker", size, width, "centre", BLACK, bid)
        problems += comp.problems
        per = max(1, round(size * ts.STYLES["kicker"].line / g.leading))
        for ln in comp:
            base = y + (per * g.leading - size) / 2 + ts.ASCENT * size
            runs = list(ln.glyph_runs(g.left, base, block_id=bid))
            lp.items += runs + _flanking_rules(runs, g, base, size, BLACK)
            y += per * g.leading
    if hg.title.strip():
        max_size = ts.STYLES["title"].size(g.body)
        min_size = ts.STYLES["title"].min_size(g.body)
        natural = measure_text(hg.title, max_size, fonts, role="title", bold=True)
        size = max_size if natural <= width else max(min_size, max_size * width / natural * ts.FIT_SHRINK)
        comp = compose(Run(hg.title, "title", bold=True, colour=RED), width / size, size, fonts,
                       align="centre", indent_em=0, block_id=bid)
        problems += comp.problems
        if len(comp) > 1:
            problems.append(Problem("title_fit", bid, f"标题太长，缩到 {size:.0f} pt 仍需 {len(comp)} 行", lines=len(comp),
                                    role="title", numbers=(("size_pt", size),)))
        per = max(1, round(size * ts.STYLES["title"].line / g.leading))
        for ln in comp:
            runs = ln.glyph_runs(g.left, y + (per * g.leading - size) / 2 + ts.ASCENT * size, block_id=bid)
            lp.items += _tracked(list(runs), ln.natural, width - g.col_w, size)[0]
            y += per * g.leading
    if hg.subtitle.strip():
        size = ts.STYLES["subtitle"].size(g.body)
        comp = _text_line(hg.subtitle, fonts, "subtitle", size, width * ts.SUBTITLE_MEASURE, "centre", BLACK, bid)
        problems += comp.problems
        per = max(1, round(size * ts.STYLES["subtitle"].line / g.leading))
        for ln in comp:
            base = y + (per * g.leading - size) / 2 + ts.ASCENT * size
            runs = list(ln.glyph_runs(g.left + width * 0.05, base, block_id=bid))
            lp.items += runs + _flanking_rules(runs, g, base, size, BLACK)
            y += per * g.leading
    used = round((y - top) / g.leading) + 1
    rule_y = g.line_top(start + used) - g.leading / 2
    lp.items.append(Rule(g.left, rule_y - 1.2, g.left + width, rule_y - 1.2, 1.5, RED))
    lp.items.append(Rule(g.left, rule_y + 0.8, g.left + width, rule_y + 0.8, 0.4, RED))
    lp.areas.append(BlockArea(bid, "headline", g.left, top, width, rule_y - top))
    return used


#: a hairline beside a kicker or subtitle stops this many ems short of its words
FLANK_GAP_EM = 0.8


def _flanking_rules(runs: list, g: Grid, base: float, size: float, colour) -> list[Rule]:
    """Hairlines from the type area's edges towards a line of display type far narrower than the
    area (less two columns), at the middle of its characters: a kicker or subtitle framed by
    rules, as a special page sets it, rather than white wells in the columns beside it."""
    spans = [(r.x + r.xs[0], r.x + r.xs[-1] + r.advances[-1]) for r in runs if r.xs]
    if not spans:
        return []
    x0, x1 = min(a for a, _b in spans), max(b for _a, b in spans)
    if x1 - x0 >= g.width - 2 * g.col_w:
        return []
    y = base - (INK_ABOVE - INK_BELOW) / 2 * size
    gap = FLANK_GAP_EM * size
    out = []
    if x0 - gap > g.left + g.col_w / 2:
        out.append(Rule(g.left, y, x0 - gap, y, HEADLINE_RULE_WIDTH, colour))
    if x1 + gap < g.left + g.width - g.col_w / 2:
        out.append(Rule(x1 + gap, y, g.left + g.width, y, HEADLINE_RULE_WIDTH, colour))
    return out


# ---------------------------------------------------------------------------- blocks


def _natural(m: MeasuredBlock, span: int, g: Grid) -> int:
    if m.picture is not None:
        return m.picture[0](span)[0] + 1
    key = ("natural", span)
    hit = m.levels.get(key)
    if hit is None:
        hit = m.levels[key] = _natural_lines(m, span)
    return hit


def _body_need(m: MeasuredBlock, span: int) -> int:
    """Lines the block's body needs at ``span``, its columns balanced (at least its portrait)."""
    key = ("need", span)
    hit = m.levels.get(key)
    if hit is None:
        heights = [i.lines for i in m.items]
        hit = m.levels[key] = (max(m.reserved, min_height(heights, span, _reserved_cols(m, span),
                                                          keep=[i.keep for i in m.items]))
                               if heights else m.reserved)
    return hit


def _natural_lines(m: MeasuredBlock, span: int) -> int:
    head_lines, _ = m.head(span)
    return head_lines + _body_need(m, span) + 2 * m.pad_lines + 1  # + 1: the gap line that carries the rule


def _with_its_group(rows, i: int) -> bool:
    """Block ``i`` stands under the block before it in one cell, or opens the cell beside a
    cell that holds just that block (the group's headline runs across both)."""
    for row in rows:
        cells = [[row.blocks[k] for k in cell] for cell in row.cell_list()]
        for c, cell in enumerate(cells):
            if i in cell:
                pos = cell.index(i)
                if pos > 0:
                    return cell[pos - 1] == i - 1
                return c > 0 and cells[c - 1] == [i - 1]
    return False


def _group_leader(measured: list[MeasuredBlock], i: int) -> int:
    """The block whose headline heads follower ``i``'s group."""
    j = i - 1
    while j > 0 and follows_group(measured[j - 1].block, measured[j].block):
        j -= 1
    return j


def _group_cap(measured: list[MeasuredBlock], i: int, g: Grid) -> int:
    """Lines a follower beside its leader stands below: its group's headline across the row
    (measured across the whole page, the fewest lines it can take; the row adds the rest)."""
    return measured[_group_leader(measured, i)].head(g.columns)[0]


def _group_head_lines(leader: MeasuredBlock, span: int, g: Grid) -> int:
    """Lines a group's headline takes across ``span`` columns, and never fewer than its
    followers were packed with."""
    return max(leader.head(span)[0], leader.head(g.columns)[0])


def follows_group(prev, block) -> bool:
    """A column without a headline after another column is that column's group's article: it
    stands under the group's headline (the page's reading order is the bulletin's)."""
    return (isinstance(block, ColumnBlock) and not block.headline.strip() and isinstance(prev, ColumnBlock)
            and block.placement.row is None)


def _waste(m: MeasuredBlock, span: int, g: Grid) -> float:
    """Line-columns left white inside block ``m`` at its natural height at ``span``: beside a
    portrait taller than the text, the text columns end far above the block's foot."""
    if m.picture is not None or not m.items or not m.reserved:
        return 0.0
    key = ("waste", span)
    hit = m.levels.get(key)
    if hit is None:
        head_lines, _ = m.head(span)
        body = _natural(m, span, g) - head_lines - 2 * m.pad_lines - 1
        hit = m.levels[key] = float(max(0, span * body - sum(_reserved_cols(m, span)) - sum(i.lines for i in m.items)))
    return hit


def _reserved_cols(m: MeasuredBlock, span: int) -> list[int]:
    return [m.reserved] * min(span, m.portrait_cols) if m.reserved else [0]


def _stretch(m: MeasuredBlock, span: int, gap_lines: int) -> int:
    """Lines block ``m`` can grow at ``span`` with no hole: a picture up to its natural size,
    text by up to ``gap_lines`` blank lines at paragraph starts, with its columns still ending
    level (tried, not estimated: an estimate leaves holes). Air under the headline is not
    counted as room: it is a white band across every column of the block, so the packer
    should weigh it as the hole it looks like; the drawing still uses it to end a row level."""
    if m.picture is not None:
        low, natural = m.picture[0](span)
        return natural - low
    if not m.items or span < 1:
        return 0
    key = ("stretch", span, gap_lines)
    hit = m.levels.get(key)
    if hit is None:
        heights = [i.lines for i in m.items]
        keep = [i.keep for i in m.items]
        res = _reserved_cols(m, span)
        need = _body_need(m, span)
        pw = len(res) if m.reserved else 0
        def fits(extra: int) -> bool:
            return _fill_exact(m, heights, keep, span, need, need + extra, res, pw, gap_lines, head_air=0) is not None

        # the room to grow is a run of heights from the natural one up; find its end by halving
        lo, hi = 0, MAX_STRETCH
        if fits(hi):
            lo = hi
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if fits(mid):
                lo = mid
            else:
                hi = mid
        hit = m.levels[key] = lo + _head_growth(m, span, lo) + _top_air(m, span)
    return hit


def _top_air(m: MeasuredBlock, span: int, stacked: bool = False) -> int:
    """A line of air a headed block may take above its headline, under the rule that closes the
    row above: one white line across the block (never a hole) that brings its columns a line
    nearer the row's foot where paragraph air has run out. A portrait at the top of a row's
    cell stands level with the row's others and takes none; under another block in its cell
    (``stacked``) it has no row to stand level with."""
    if not m.items or m.frame or m.picture is not None or m.head(span)[0] <= 0:
        return 0
    if m.has_picture and m.top is not None and not stacked:
        return 0
    return TOP_AIR


def _air_raise(m: MeasuredBlock, g: Grid, lp: LaidOutPage, line: int, head) -> float | None:
    """Points to raise the letters of ``m``'s headline ``head`` (lines, draw) within their slot
    when a line of air goes above it at grid line ``line`` (under a rule at the middle of the
    line before), so that neither the white above them nor the white down to the body holds two
    whole cells of the page's measure (page_quality.py's grid runs from the page's first ink,
    drawn by now: the title group or the rows above); None when no raise does."""
    from layout.types import GlyphRun, Picture

    lines, draw = head
    lead = g.leading
    runs = [it for it in draw(0.0, 0.0, 1000.0) if isinstance(it, GlyphRun) and it.xs]
    if not runs:
        return 0.0
    tops = [it.y - ts.ASCENT * it.size for it in lp.items if isinstance(it, GlyphRun) and it.text.strip()]
    tops += [it.y for it in lp.items if isinstance(it, Picture)]
    origin = min(tops + [g.top + lead])

    def whole_cells(a: float, b: float) -> int:
        return max(0, math.floor((b - origin) / lead + 1e-9) - math.ceil((a - origin) / lead - 1e-9))

    ink_top = min(r.y - INK_ABOVE * r.size for r in runs)
    ink_bottom = max(r.y + INK_BELOW * r.size for r in runs)
    rule_bottom = g.line_top(line - 1) + lead / 2 + 0.3
    slot = g.line_top(line + 1)  # the headline's slot, a line of air lower
    # the body's first letters (a text line; a portrait's frame stands higher, so text is the worse)
    body_ink = g.line_top(line + 1 + lines + m.pad_lines) + (lead - g.body) / 2 + (ts.ASCENT - INK_ABOVE) * g.body
    for raise_by in (0.0, *[k * 0.5 for k in range(1, int(2 * ink_top) + 1)]):
        if whole_cells(slot + ink_bottom - raise_by, body_ink) >= 2:
            return None  # raising only widens the white below
        if whole_cells(rule_bottom, slot + ink_top - raise_by) < 2:
            return raise_by
    return None


#: portraits whose tops lie this near read as one row (page_quality.py's rule), and stand level
PORTRAIT_ROW_MM = 40.0


def _portrait_head(m: MeasuredBlock, span: int) -> int | None:
    """Headline lines above ``m``'s portrait when the portrait opens the block, else None: the
    packer and the drawing level such portraits across a row's cells, both with the block's
    own (not its bigger) headline, so the rows are planned as tall as the levelling needs."""
    if m.has_picture and m.top is not None and m.picture is None:
        return m.head(span)[0]
    return None


def _head_growth(m: MeasuredBlock, span: int, stretch: int) -> int:
    """Lines the bigger headline adds at ``span``, when that keeps the block's room to grow one
    unbroken run (paragraph air covers the lines in between)."""
    if m.head_big is None:
        return 0
    d = m.head_big(span)[0] - m.head(span)[0]
    return d if 0 < d <= stretch + 1 else 0


def _place_blocks(measured: list[MeasuredBlock], g: Grid, start: int, lp: LaidOutPage, problems: list[Problem],
                  sizes: ImageSizes, page: Page | None = None, gap_lines: int = 1) -> None:
    if not measured:
        _report_space(page, g, g.left, g.line_top(start), g.width, g.lines - start, lp, problems)
        return
    available = g.lines - start + 1  # the last row needs no gap line below it
    cache: dict[tuple[int, int], int] = {}

    def height(i: int, span: int) -> int:
        if (i, span) not in cache:
            cache[(i, span)] = _natural(measured[i], span, g)
        return cache[(i, span)]

    def fixed_height(m: MeasuredBlock) -> int | None:
        hm = m.block.placement.height_mm
        return None if hm is None else max(1, round(hm * MM / g.leading)) + 1

    follows = [i > 0 and follows_group(measured[i - 1].block, m.block) for i, m in enumerate(measured)]
    rows = pack(
        len(measured), g.columns, available, height,
        # a pin wider than the page (the page setup changed since) takes the whole width
        [None if m.block.placement.columns is None else min(g.columns, m.block.placement.columns) for m in measured],
        [fixed_height(m) for m in measured],
        max_per_row=4 if g.columns >= 6 else 3,
        span_lines=lambda s: g.span_w(s) / g.leading,
        stretch=lambda i, s: _stretch(measured[i], s, gap_lines),
        min_span=[min(g.columns, m.portrait_cols) if m.reserved else 1 for m in measured],
        fixed_row=[m.block.placement.row for m in measured],
        any_width=[m.picture is not None for m in measured],
        waste=lambda i, s: _waste(measured[i], s, g),
        follows=follows,
        cap_lines=[_group_cap(measured, i, g) if follows[i] else 0 for i in range(len(measured))],
        portrait_head=lambda i, s: _portrait_head(measured[i], s),
        # page_quality.py reads portraits whose tops lie within 40 mm as one row
        portrait_apart=math.ceil(PORTRAIT_ROW_MM * MM / g.leading) + 1,
        keys=[None if m.serial is None else (m.serial, gap_lines) for m in measured],
    )
    for i, f in enumerate(follows):
        if f and not _with_its_group(rows, i):  # the rows could not hold the group
            problems.append(Problem("group_apart", measured[i].block.id,
                                    f"{_label(measured[i])}: 不在所属标题之下（与上一篇不在同一行）"))
    line = start
    for r, row in enumerate(rows):
        row_h = row.height
        col = 0
        # a group's headline spans its leader's and its followers' cells side by side in the row
        group_span: dict[int, int] = {}  # leader block -> columns its headline spans
        in_group: set[int] = set()  # cells (index) under a group headline, after its leader's
        group_of: dict[int, int] = {}  # follower block -> its leader
        cells = row.cell_list()
        for c, cell in enumerate(cells):
            i = row.blocks[cell[0]]
            if c and i > 0 and follows_group(measured[i - 1].block, measured[i].block) \
                    and len(cells[c - 1]) == 1 and row.blocks[cells[c - 1][0]] == i - 1:
                lead_c = c - 1
                while lead_c in in_group:
                    lead_c -= 1
                leader = row.blocks[cells[lead_c][0]]
                group_span[leader] = group_span.get(leader, row.spans[cells[lead_c][0]]) + row.spans[cell[0]]
                in_group.add(c)
                group_of[i] = leader
        group_lines = {f: _group_head_lines(measured[ld], group_span[ld], g) for f, ld in group_of.items()}
        group_lines.update({ld: _group_head_lines(measured[ld], sp, g) for ld, sp in group_span.items()})
        # portraits at the top of a row's cells stand level: a shorter headline takes air under
        # it (as far as its block has room) so every portrait top lines up with the lowest one;
        # a group's portraits stand under the group's headline, which sets their depth
        heads = {}
        for cell in cells:
            i = row.blocks[cell[0]]
            m = measured[i]
            if m.has_picture and m.top is not None and m.picture is None:
                if i in group_lines:
                    heads[i] = group_lines[i]
                    continue
                own = fixed_height(m)
                lines0 = min(row.block_lines(cell[0]) if own is None else own, g.lines - line + 1) - 1
                heads[i] = _head_for(m, row.spans[cell[0]], lines0, gap_lines)[0]
        if len(heads) > 1:  # levelled as the packer planned: each with its own headline, not the bigger
            heads = {i: h if i in group_lines else measured[i].head(row.spans[row.blocks.index(i)])[0]
                     for i, h in heads.items()}
        portraits = [row.blocks[k] for k in range(len(row.blocks))
                     if _portrait_head(measured[row.blocks[k]], row.spans[k]) is not None]
        # every portrait of a row with several is set under the block's own headline, as planned
        levelled = set(portraits) if len(portraits) > 1 else set()
        head_to = max(heads.values(), default=0)
        for c, cell in enumerate(cells):
            span = row.spans[cell[0]]
            top_line = line
            for k in cell:
                i = row.blocks[k]
                given = row.block_lines(k)
                own = fixed_height(measured[i])  # a fixed height is kept even in a taller row
                lines_here = min(given if own is None else own, g.lines - top_line + 1) - 1  # minus the gap line
                _draw_block(measured[i], g, col, span, top_line, lines_here, lp, problems, sizes, gap_lines,
                            max(0, head_to - heads[i] - 1) if i in heads and i not in group_lines else 0,
                            group_span.get(i),
                            group_lines.get(i), stacked=k != cell[0], own_head=i in levelled)
                top_line += given
                if k != cell[-1] and top_line <= g.lines:  # rule between two stacked blocks
                    y = g.line_top(top_line) - g.leading / 2
                    lp.items.append(Rule(g.col_x(col), y, g.col_x(col) + g.span_w(span), y, 0.5))
            if c:  # column rule between neighbouring cells, in the middle of the gutter
                x = g.col_x(col) - g.gutter / 2
                bottom = min(line + row_h - 1, g.lines)
                # under a group's headline the rule starts below it
                rule_top = line + (group_lines.get(row.blocks[cell[0]], 0) if c in in_group else 0)
                lp.items.append(Rule(x, g.line_top(rule_top), x, g.line_top(max(rule_top, bottom)), 0.4))
            col += span
        line += row_h
        if r < len(rows) - 1 and line <= g.lines:
            y = g.line_top(line) - g.leading / 2
            lp.items.append(Rule(g.left, y, g.left + g.width, y, 0.5))
    # what is left is one band across the foot of the page (after the last row's gap line)
    _report_space(page, g, g.left, g.line_top(line), g.width, g.lines - line, lp, problems)


def _report_space(page: Page | None, g: Grid, x: float, y: float, w: float, lines: int, lp: LaidOutPage,
                  problems: list[Problem]) -> None:
    """The page's leftover rectangle, for a picture block or more copy (kind ``space``)."""
    if lines <= UNDERSET_TOLERANCE:
        return
    h = lines * g.leading
    lp.space = (x, y, w, h)
    pid = page.id if page is not None else ""
    problems.append(Problem("space", pid, f"宽 {w / MM:.0f} mm × 高 {h / MM:.0f} mm", lines=lines,
                            chars=lines * (g.span_chars(g.columns)),
                            numbers=(("width_mm", w / MM), ("height_mm", h / MM))))


def _draw_block(m: MeasuredBlock, g: Grid, col: int, span: int, line: int, lines: int, lp: LaidOutPage,
                problems: list[Problem], sizes: ImageSizes, gap_lines: int = 1, head_pad: int = 0,
                head_span: int | None = None, group_head: int | None = None, stacked: bool = False,
                own_head: bool = False) -> None:
    x = g.col_x(col)
    w = g.span_w(span)
    top = g.line_top(line)
    bid = m.block.id
    kind = "speech" if m.frame else "picture" if m.picture is not None else "column"
    lp.areas.append(BlockArea(bid, kind, x, top, w, max(0, lines) * g.leading))
    if m.picture is not None:
        if lines > 0:
            lp.items += m.picture[1](x, top, w, lines)
            _check_ppi(m, w, sizes, problems)
        low, natural = m.picture[0](span)
        if lines < low - 1:
            # the picture and its caption are not printed as they are: the caption counts as lost
            drawn = m.picture[1](x, top, w, lines) if lines > 0 else []
            shown = sum(1 for it in drawn if isinstance(it, GlyphRun) for ch in it.text if not ch.isspace())
            problems.append(Problem("overset", bid, f"{_label(m)}: 图片放不下（还需 {low - 1 - max(0, lines)} 行）",
                                    lines=low - 1 - max(0, lines),
                                    chars=max(0, char_count(block_texts(m.block)) - shown)))
        elif lines - (natural - 1) > UNDERSET_TOLERANCE:
            short = lines - (natural - 1)
            problems.append(Problem("underset", bid, f"{_label(m)}: 还差 {short} 行", lines=short))
        return
    if lines <= 0:
        if not m.items and not m.reserved and not char_count(block_texts(m.block)):
            return  # an empty block (just added, nothing typed yet) takes no room and loses nothing
        # nothing of the block is drawn: its headline, name and titles count as well as its body
        chars = max(sum(i.chars for i in m.items), char_count(block_texts(m.block)))
        problems.append(Problem("overset", bid, f"{_label(m)}: 版面已满，整块未排入（{chars} 字）", chars=chars,
                                lines=sum(i.lines for i in m.items)))
        return
    if m.frame:  # drawn first, so the text lies on the tint
        lp.items += frame_items(x - g.gutter / 2 + 1, top, w + g.gutter - 2, lines * g.leading)
    heights = [i.lines for i in m.items]
    keep = [i.keep for i in m.items]
    res_cols = _reserved_cols(m, span)
    reserved = m.reserved
    pw = len(res_cols) if reserved else 0
    need = _body_need(m, span)
    if head_span:  # a group's leader: its headline across the group (the followers start below it)
        head_lines, draw_head = m.head(head_span)
        head_lines = group_head or head_lines
        lp.items += draw_head(x, top, g.span_w(head_span))
    elif group_head is not None:  # a follower: below its group's headline
        head_lines = group_head
    else:
        head_lines, draw_head = m.head(span) if own_head else _head_for(m, span, lines, gap_lines)
        # (not at the head of the type area: white above the page's first line shortens the page)
        body = lines - head_lines - 2 * m.pad_lines
        raised = None
        if line > 0 and _top_air(m, span, stacked) and _air_helps(m, span, body, head_pad, gap_lines):
            # the air only where it leaves no two white lines above or below the headline's letters
            raised = _air_raise(m, g, lp, line, (head_lines, draw_head))
        if raised is not None:
            # paragraph air cannot bring the block to its foot: the headline takes a line of air
            lines -= 1
            line += 1
            top = g.line_top(line)
        lp.items += draw_head(x, top - (raised or 0.0), w)
    head_lines = min(head_lines, lines)
    body_top = line + head_lines + m.pad_lines
    body_lines = lines - head_lines - 2 * m.pad_lines
    if 0 < head_pad and need + head_pad <= body_lines:  # level with the row's other portraits
        body_top += head_pad
        body_lines -= head_pad
    air = 0
    end = body_lines
    if need <= body_lines:
        counts, air, end, gap_lines = _level(m, heights, keep, span, need, body_lines, res_cols, pw, gap_lines)
        lost_items = 0
    else:
        counts, lost_items = split_fit(heights, span, body_lines, res_cols, keep)
    body_top += air
    body_lines -= air
    if m.top is not None:
        top_items = m.top(x + m.inset, g.line_top(body_top))
        bottom = g.line_top(line + lines)
        # a caption (name, titles) taller than the block would overprint the block below
        over = [it for it in top_items if isinstance(it, GlyphRun) and it.y > bottom]
        if over:
            top_items = [it for it in top_items if not (isinstance(it, GlyphRun) and it.y > bottom)]
            _truncated(problems, bid, sum(1 for it in over for ch in it.text if not ch.isspace()),
                       f"{_label(m)}: 照片说明（人名、职务）caption")
        lp.items += top_items
        _check_ppi(m, g.span_w(pw or 1), sizes, problems)
    idx = 0
    short_cols = []
    zone = _folio_zone_line(g, lp.height)
    for c in range(span):
        cx = g.col_x(col + c) + m.inset
        y_line = body_top + (reserved if c < pw else 0)
        col_items = m.items[idx:idx + counts[c]]
        idx += counts[c]
        # a blank line between sections that falls at the top of a column is not set there
        while len(col_items) > 1 and c > 0 and not col_items[0].chars:
            col_items = col_items[1:]
        spare = min(end, body_lines) - (y_line - body_top) - sum(i.lines for i in col_items)
        gaps = _gaps(col_items, spare if lost_items == 0 else 0, gap_lines, c < pw and reserved > 0)
        gaps = _clear_of_folio_zone(col_items, gaps, y_line, zone)
        for k, item in enumerate(col_items):
            y_line += gaps[k]
            lp.items += item.emit(cx, g.line_top(y_line))
            y_line += item.lines
        short_cols.append(body_top + body_lines - y_line)
    if lost_items:
        lost = m.items[idx:]
        chars = sum(i.chars for i in lost)
        problems.append(Problem("overset", bid, f"{_label(m)}: 超出 {chars} 字（{sum(i.lines for i in lost)} 行）",
                                chars=chars, lines=sum(i.lines for i in lost)))
    elif heights and max(short_cols) > UNDERSET_TOLERANCE:
        short = max(short_cols)
        problems.append(Problem("underset", bid, f"{_label(m)}: 还差 {short} 行", lines=short,
                                chars=short * span * g.col_chars))


def _short_of(m: MeasuredBlock, span: int, body_lines: int, head_pad: int, gap_lines: int) -> int:
    """Lines the block's levelled columns end above the foot of ``body_lines`` (0: they reach it),
    as ``_draw_block`` sets them."""
    if not m.items or body_lines <= 0:
        return 0
    heights = [i.lines for i in m.items]
    keep = [i.keep for i in m.items]
    res_cols = _reserved_cols(m, span)
    need = _body_need(m, span)
    if 0 < head_pad and need + head_pad <= body_lines:
        body_lines -= head_pad
    if need > body_lines:
        return 0
    _counts, air, end, _g = _level(m, heights, keep, span, need, body_lines, res_cols,
                                   len(res_cols) if m.reserved else 0, gap_lines)
    return body_lines - air - end


def _air_helps(m: MeasuredBlock, span: int, body_lines: int, head_pad: int, gap_lines: int) -> bool:
    """Does a line of air above the headline bring the block's columns a line nearer its foot,
    set exactly as they are without it (never a line of copy lost, never columns less level)?"""
    short = _short_of(m, span, body_lines, head_pad, gap_lines)
    if short <= 0:
        return False
    return _body_need(m, span) + head_pad < body_lines and _short_of(m, span, body_lines - 1, head_pad, gap_lines) == short - 1


def _head_for(m: MeasuredBlock, span: int, lines: int, gap_lines: int):
    """The headline variant for a block given ``lines``: its own size, or one peer class up
    when the block has lines to spare that paragraph air alone cannot fill."""
    small = m.head(span)
    if m.head_big is None or not m.items:
        return small
    key = ("head", span, lines, gap_lines)
    hit = m.levels.get(key)
    if hit is not None:
        return small if hit == 0 else m.head_big(span)
    heights = [i.lines for i in m.items]
    keep = [i.keep for i in m.items]
    res_cols = _reserved_cols(m, span)
    pw = len(res_cols) if m.reserved else 0
    need = _body_need(m, span)
    chosen = _choose_head(m, span, lines, need, heights, keep, res_cols, pw, gap_lines)
    m.levels[key] = 0 if chosen is small else 1
    return chosen


def _choose_head(m: MeasuredBlock, span: int, lines: int, need: int, heights: list[int], keep: list[bool],
                 res_cols: list[int], pw: int, gap_lines: int):
    small = m.head(span)
    big = m.head_big(span)
    if big[0] <= small[0]:
        return small
    body_small = lines - small[0] - 2 * m.pad_lines
    body_big = lines - big[0] - 2 * m.pad_lines
    if need > body_big:
        return small
    if need > body_small:
        return small
    short_small = body_small - _level(m, heights, keep, span, need, body_small, res_cols, pw, gap_lines)[2]
    if short_small <= 0:
        return small
    short_big = body_big - _level(m, heights, keep, span, need, body_big, res_cols, pw, gap_lines)[2]
    return big if short_big < short_small else small


def _head_air(span: int) -> int:
    return HEAD_AIR if span <= 2 else HEAD_AIR_WIDE


def _fill_exact(m: MeasuredBlock, heights: list[int], keep: list[bool], span: int, need: int, fill: int,
                res_cols: list[int], pw: int, gap_lines: int, head_air: int | None = None) -> tuple[list[int], int, int] | None:
    """(items per column, air under the headline, end) with every column ending at ``fill``
    (within a line), or None when the paragraph starts cannot absorb the difference."""
    starts = _air_slots(m.items)
    under = [False] * span  # the portrait's caption already stands on its line of air
    res_all = [res_cols[c] if c < len(res_cols) else 0 for c in range(span)]
    if head_air is None:
        head_air = _head_air(span)
    for air in range(0, min(head_air, fill - need + 1) + 1):
        key = ("breaks", span, gap_lines, fill - air)  # the same ends are asked for again and again
        if key not in m.levels:
            m.levels[key] = level_breaks(heights, keep, starts, res_all, under, fill - air, gap_lines)
        counts = m.levels[key]
        if counts is not None:
            return counts, air, fill - air
    return None


def _level(m: MeasuredBlock, heights: list[int], keep: list[bool], span: int, need: int, body_lines: int,
           res_cols: list[int], pw: int, gap_lines: int) -> tuple[list[int], int, int, int]:
    """(items per column, lines of air under the headline, line where the columns end, most
    blank lines above one paragraph start) that bring every column of the block to its foot,
    or as close as the paragraph starts allow, the columns always ending level: they are
    balanced at heights from the shortest that holds the text up, and blank lines go above
    paragraph starts. Before the block would end more than ``UNDERSET_TOLERANCE`` lines short
    (a hole across all its columns), one paragraph start more may take a line more of air."""
    key = (span, body_lines, gap_lines)
    hit = m.levels.get(key)
    if hit is not None:
        return hit
    near = max(0, need - 1, body_lines - UNDERSET_TOLERANCE)
    wide_air = _head_air(span)
    tries = [(fill, gap_lines, wide_air) for fill in range(body_lines, near - 1, -1)]
    if wide_air < HEAD_AIR:  # a band under the headline rather than a hole at the foot
        tries += [(fill, gap_lines, HEAD_AIR) for fill in range(body_lines, near - 1, -1)]
    tries += [(fill, gap_lines, wide_air) for fill in range(near - 1, max(0, need - 1) - 1, -1)]
    for fill, gaps, head_air in tries:
        exact = _fill_exact(m, heights, keep, span, need, fill, res_cols, pw, gaps, head_air)
        if exact is not None:
            m.levels[key] = (*exact, gaps)
            return m.levels[key]
    best: tuple[tuple[int, int, int, int], list[int], int, int] | None = None
    for air in range(0, min(_head_air(span), body_lines - need) + 1):
        lines = body_lines - air
        for h in range(need, min(lines, need + 8) + 1):
            options = [balance(heights, span, h, res_cols, keep) or split_fit(heights, span, h, res_cols, keep)[0]]
            if h > need:  # columns filled to h, the last takes the rest
                filled, placed = _greedy(heights, [h - r for r in res_cols] + [h] * (span - len(res_cols)), keep)
                if placed == len(heights):
                    options.append(filled)
            for counts in options:
                # the columns end level at the lowest line every one of them can reach
                used, reach = [], []
                idx = 0
                for c in range(span):
                    col_items = m.items[idx:idx + counts[c]]
                    idx += counts[c]
                    u = (m.reserved if c < pw else 0) + sum(i.lines for i in col_items)
                    used.append(u)
                    reach.append(u + sum(_gaps(col_items, lines - u, gap_lines, c < pw and m.reserved > 0)))
                end = min(reach)
                ragged = max(0, max(used) - end - 1)  # columns that would end below the others
                score = (ragged, lines - end, air, h)
                if best is None or score < best[0]:
                    best = (score, counts, air, end)
                if end == lines and not ragged:
                    return counts, air, end, gap_lines
    assert best is not None
    m.levels[key] = (best[1], best[2], best[3], gap_lines)
    return m.levels[key]


def _air_slots(items: list) -> list[bool]:
    """Which items may take a blank line above them: paragraph starts, but neither a paragraph
    of one line nor the paragraph after one (air above and below one line strands it)."""
    n = len(items)

    def single(k: int) -> bool:
        return 0 <= k < n and items[k].para_start and not items[k].display and (k + 1 == n or items[k + 1].para_start)

    # nor after a blank line the block already has (two white lines read as a hole)
    return [it.para_start and not single(k) and not single(k - 1) and not (k > 0 and not items[k - 1].chars)
            for k, it in enumerate(items)]


def _gaps(items: list, spare: int, gap_lines: int, under_portrait: bool = False) -> list[int]:
    """Blank lines to put above each item of one column so it ends at the foot: at most
    ``gap_lines`` above each paragraph start (never above the column's first item, except a
    column under a portrait, whose caption may take one more line of air), spread evenly down
    the column."""
    gaps = [0] * len(items)
    if spare <= 0 or gap_lines <= 0 or not items:
        return gaps
    air = _air_slots(items)
    slots = [k for k in range(1, len(items)) if air[k]]
    if not slots:
        return gaps
    give = min(spare, gap_lines * len(slots))
    for n in range(give):
        # round-robin over the slots in an order that spreads the first gaps down the column
        k = slots[(n * len(slots)) // give if give <= len(slots) else n % len(slots)]
        gaps[k] += 1
    return gaps


def _folio_zone_line(g: Grid, page_h: float) -> int:
    """The first grid line whose body text stands in the page's bottom tenth, where a reader of
    the printed page (and page_quality.py) takes text for the folio line: the page is measured
    down to just above it."""
    return math.floor((0.9 * page_h - g.top - (g.leading - g.body) / 2) / g.leading) + 1


def _clear_of_folio_zone(items: list, gaps: list[int], first: int, zone: int) -> list[int]:
    """``gaps`` with no blank line right above the last line measured above the folio zone: a
    line there after a blank line reads as one stranded line (the column goes on below, in the
    zone). The blank line moves to another paragraph start of the column, or goes."""
    def conflict() -> int | None:
        line = first
        for k, item in enumerate(items):
            line += gaps[k]
            if gaps[k] and line == zone - 1 and item.chars:
                return k
            line += item.lines
        return None

    k = conflict()
    if k is None:
        return gaps
    air = _air_slots(items)
    for j in sorted((j for j in range(1, len(items)) if air[j] and not gaps[j] and j != k), key=lambda j: abs(j - k)):
        trial = list(gaps)
        trial[k] -= 1
        trial[j] += 1
        old, gaps = gaps, trial
        if conflict() is None:
            return gaps
        gaps = old
    # no other paragraph start takes it: the column ends a line higher instead (that white line
    # stands in the folio zone, at the foot of the block)
    gaps = list(gaps)
    gaps[k] -= 1
    return gaps


def _label(m: MeasuredBlock) -> str:
    return display_name(m.block, short=True)


def _check_ppi(m: MeasuredBlock, frame_w: float, sizes: ImageSizes, problems: list[Problem]) -> None:
    """Report a picture whose printed part has too few pixels across *or* down: a 20000 × 20
    portrait cropped to its frame prints 15 × 20 pixels, though it is 20000 pixels wide."""
    b = m.block
    pic = b.picture if isinstance(b, PictureBlock) else getattr(b, "portrait", None)
    if pic is None or not pic.image:
        return
    size = sizes.size(pic.image)
    if size is None:
        return
    drawn = [it for it in (m.top(0.0, 0.0) if m.top is not None and m.picture is None else [])
             if isinstance(it, Picture) and it.image == pic.image]
    if drawn:  # the portrait as drawn: the crop narrowed to its frame's shape
        _x, _y, cw, ch = drawn[0].crop
        w_pt, h_pt = drawn[0].w, drawn[0].h
    else:  # a picture block keeps its crop's shape
        cw, ch = pic.crop.w, pic.crop.h
        w_pt = frame_w
        h_pt = frame_w * (ch * size[1]) / max(cw * size[0], 1e-9)
    across, down = size[0] * cw, size[1] * ch
    ppi = min(across / (max(w_pt, 1e-9) / 72.0), down / (max(h_pt, 1e-9) / 72.0))
    if ppi < MIN_PPI:
        problems.append(Problem("low_res", b.id, f"{_label(m)}: 照片分辨率只有 {ppi:.0f} ppi（印刷需要 {MIN_PPI} ppi；"
                                                 f"印出部分只有 {across:.0f}×{down:.0f} 像素）",
                                numbers=(("ppi", ppi),)))


# ---------------------------------------------------------------------------- folio


def _folio(bulletin: Bulletin, page: Page, number: int, g: Grid, fonts: FontRegistry, lp: LaidOutPage,
           problems: list[Problem] | None = None) -> None:
    y = g.top + g.height + 4.0
    lp.items.append(Rule(g.left, y, g.left + g.width, y, 0.5))
    size = ts.STYLES["folio"].size(g.body)
    left = "  ".join(t for t in (bulletin.publication, bulletin.date, issue_label(bulletin.issue_number),
                                 bulletin.edition) if t.strip())
    c = bulletin.credits
    credits = "  ".join(
        f"{label}：{name}" for label, name in (("责任编辑", c.editor), ("美术编辑", c.art_editor), ("校对", c.proofreader))
        if name.strip()
    )
    right = "  ".join(t for t in (page.label or f"第{number}版", credits) if t)
    baseline = y + ts.FOLIO_GAP + ts.ASCENT * size
    # the folio is one line: what does not fit on it, or would overprint the other side, is reported
    left_comp = _text_line(left, fonts, "label", size, g.width, "left", block_id="folio") if left else []
    right_comp = _text_line(right, fonts, "label", size, g.width, "right", block_id="folio") if right else []
    if left_comp:
        lp.items += left_comp[0].glyph_runs(g.left, baseline)
    if right_comp:
        lp.items += right_comp[0].glyph_runs(g.left, baseline)
    if problems is not None:
        problems += [*(left_comp.problems if left_comp else ()), *(right_comp.problems if right_comp else ())]
        where = f"第{number}版页脚 folio"
        _truncated(problems, page.id, _lost_chars(left_comp[1:]) + _lost_chars(right_comp[1:]), where)
        if left_comp and right_comp and left_comp[0].natural + right_comp[0].natural + size > g.width:
            problems.append(Problem("truncated", page.id, f"{where}: 左右文字重叠 the two sides overprint",
                                    chars=_lost_chars(right_comp[:1])))

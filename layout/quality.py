"""How well a laid-out page is made up, measured the way a make-up editor looks at it (DESIGN §5a).

One measure, used by the make-up search (its score), by the layout's own 缺稿 report, by ``fit``,
the export report, the problems panel and the benchmark alike, so that they never disagree about
what a good page is. It has the meaning of ``shared/tools/page_quality.py`` but reads the laid-out
items instead of a rendered PDF: every column of the type area is cut into cells one grid line
tall, and a cell with no ink in it (glyph, picture, dark enough fill or rule) is white.

- ``empty``    white cells / all cells: white a reader sees, wherever it is
- ``holes``    white runs of 2+ lines with ink below them in the same column
- ``foot``     white runs at the foot of a column (a page that stops short)
- ``isolated`` body lines with no other body line within 1.5 pitches above or below in the
               same column (a lone line under a portrait, a stranded first line)
- portraits    one size for all; portrait tops in one row level within one line pitch

A page meets the make-up rules when empty ≤ 10 %, holes ≤ 3 %, foot ≤ 2 %, no isolated line and
its portraits are one size with level tops.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from layout.grid import MM, Grid
from layout.styles import ASCENT
from layout.types import Colour, GlyphRun, LaidOutPage, Picture, Rect, Rule

#: the limits of a made-up page (DESIGN §5a, page_quality.py)
MAX_EMPTY = 0.10
MAX_HOLES = 0.03
MAX_FOOT = 0.02
MAX_PORTRAIT_RATIO = 1.02
#: a fill or rule lighter than this grey (0 black … 255 white) reads as paper
INK_GREY = 200
#: share of the em box a Han glyph's ink covers, above and below its baseline
INK_ABOVE = 0.80
INK_BELOW = 0.08


@dataclass
class PageQuality:
    """The figures of one page; shares are 0..1."""

    page: int
    cells: int
    empty: float
    holes: float
    foot: float
    isolated: list[tuple[int, int]] = field(default_factory=list)  # (column, grid line), 0-based
    portraits: int = 0
    portrait_ratio: float = 1.0
    portrait_tops_mm: float = 0.0
    pitch_mm: float = 0.0
    #: white cells that a picture block or more copy could fill: (lines, columns) of the foot band
    foot_lines: int = 0
    empty_cells: int = 0

    @property
    def meets(self) -> bool:
        return not self.failures

    @property
    def failures(self) -> list[str]:
        """The rules this page breaks, as short keys (empty, holes, foot, isolated, portraits, tops)."""
        out = []
        if self.empty > MAX_EMPTY + 1e-9:
            out.append("empty")
        if self.holes > MAX_HOLES + 1e-9:
            out.append("holes")
        if self.foot > MAX_FOOT + 1e-9:
            out.append("foot")
        if self.isolated:
            out.append("isolated")
        if self.portrait_ratio > MAX_PORTRAIT_RATIO:
            out.append("portraits")
        if self.portrait_tops_mm > self.pitch_mm + 0.1:
            out.append("tops")
        return out

    def summary(self) -> str:
        return (f"空 {100 * self.empty:.1f}%  洞 {100 * self.holes:.1f}%  脚 {100 * self.foot:.1f}%  "
                f"孤行 {len(self.isolated)}  肖像 {self.portraits}" + ("  ✓" if self.meets else "  ✗"))


def _grey(colour: Colour | None) -> float:
    if colour is None:
        return 255.0
    c, m, y, k = colour
    r, g, b = (255 * (1 - c) * (1 - k), 255 * (1 - m) * (1 - k), 255 * (1 - y) * (1 - k))
    return 0.299 * r + 0.587 * g + 0.114 * b


def _boxes(page: LaidOutPage) -> tuple[list[tuple[float, float, float, float]], list[GlyphRun]]:
    """Ink rectangles (x0, y0, x1, y1) of the page, and its glyph runs."""
    boxes: list[tuple[float, float, float, float]] = []
    runs: list[GlyphRun] = []
    for it in page.items:
        if isinstance(it, GlyphRun):
            if not it.xs:
                continue
            runs.append(it)
            if it.colour == (0.0, 0.0, 0.0, 0.0):  # white type on a band: the band is the ink
                continue
            boxes.append((it.x + it.xs[0], it.y - INK_ABOVE * it.size,
                          it.x + it.xs[-1] + it.advances[-1], it.y + INK_BELOW * it.size))
        elif isinstance(it, Picture):
            boxes.append((it.x, it.y, it.x + it.w, it.y + it.h))
        elif isinstance(it, Rect):
            if it.fill is not None and _grey(it.fill) < INK_GREY:
                boxes.append((it.x, it.y, it.x + it.w, it.y + it.h))
        elif isinstance(it, Rule):
            if _grey(it.colour) < INK_GREY or it.width >= 1.0:
                half = max(0.3, it.width / 2)
                boxes.append((min(it.x0, it.x1) - half, min(it.y0, it.y1) - half,
                              max(it.x0, it.x1) + half, max(it.y0, it.y1) + half))
    return boxes, runs


def page_quality(page: LaidOutPage, g: Grid) -> PageQuality:
    """The page's figures: measured when it was laid out, or now."""
    q = page.quality
    return q if isinstance(q, PageQuality) else measure_page(page, g)


def ink_grid(page: LaidOutPage, g: Grid) -> tuple[list[list[bool]], float, float, list[GlyphRun]]:
    """(rows of cells, True where inked; the area's top; its bottom; the page's glyph runs)."""
    boxes, runs = _boxes(page)
    # the type area as a PDF reader finds it: from the first character or picture down to just
    # above the lowest characters in the bottom tenth of the page (the folio)
    tops = [r.y - ASCENT * r.size for r in runs if r.text.strip()]
    pics = [it.y for it in page.items if isinstance(it, Picture)]
    # (a page whose first content stands low is white above it: the grid's top bounds the area)
    content_top = min(tops + pics + [g.top + g.leading])
    foot_tops = [t for t in tops if t > max(0.9 * page.height, content_top + g.leading)]
    if foot_tops:
        bottom = min(foot_tops) - 0.5 * g.body
    else:
        bottom = max((r.y + (1 - ASCENT) * r.size for r in runs), default=g.top + g.height)
    inside = [b for b in boxes if b[3] > content_top and b[1] < bottom]
    pitch = g.leading
    nrows = int((bottom - content_top) // pitch)
    cols = g.columns
    if nrows <= 0:
        return [], content_top, bottom, runs
    ink = [[False] * cols for _ in range(nrows)]
    # the grid's numbers in locals: this runs for every box of every page the make-up tries
    left, col_w, step = g.left, g.col_w, g.col_w + g.gutter
    for x0, y0, x1, y1 in inside:
        r0 = max(0, int((y0 - content_top) // pitch))
        r1 = min(nrows - 1, int((y1 - content_top - 1e-6) // pitch))
        if r1 < 0 or r0 > nrows - 1:
            continue
        k0 = max(0, int((x0 - left - col_w + 1.0) // step) + 1)
        k1 = min(cols - 1, int((x1 - left - 1.0) // step))
        for k in range(k0, k1 + 1):
            a = left + k * step + 1.0
            if x1 <= a or x0 >= a + col_w - 2.0:
                continue
            for r in range(r0, r1 + 1):
                ink[r][k] = True
    return ink, content_top, bottom, runs


def measure_page(page: LaidOutPage, g: Grid) -> PageQuality:
    """The make-up figures of ``page`` laid out on grid ``g``.

    Cells are cut as ``page_quality.py`` cuts them from the printed page — one body pitch tall,
    from the page's first ink down to just above the folio — so that both measures agree; a
    blank line between two lines of text is then as white as a reader sees it."""
    ink, content_top, bottom, runs = ink_grid(page, g)
    nrows = len(ink)
    cols = g.columns
    if nrows <= 0:
        return PageQuality(page.number, 0, 0.0, 0.0, 0.0, pitch_mm=g.leading / MM)
    cells = nrows * cols
    empty = holes = foot = 0
    foot_min = nrows
    for k in range(cols):
        col = [not ink[r][k] for r in range(nrows)]
        empty += sum(col)
        last = max((r for r, white in enumerate(col) if not white), default=-1)
        foot += nrows - 1 - last
        foot_min = min(foot_min, nrows - 1 - last)
        run = 0
        for r in range(last + 1):
            if col[r]:
                run += 1
            else:
                holes += run if run >= 2 else 0
                run = 0
    # isolated body lines: body-size glyphs by column and grid line
    body_lines: list[set[int]] = [set() for _ in range(cols)]
    body, top, leading, left, col_w = g.body, g.top, g.leading, g.left, g.col_w
    step = col_w + g.gutter
    shift = 0.5 * (leading - body) - top
    for run_ in runs:
        glyph_top = run_.y - ASCENT * run_.size
        if abs(run_.size - body) > 0.3 or not content_top <= glyph_top < bottom:
            continue
        line = int((glyph_top + shift) // leading)
        # each character counts for the column its centre is in (a run lies in one column or
        # crosses a gutter; the columns between its first and last centres are all touched)
        first = run_.x + run_.xs[0] + run_.advances[0] / 2
        last = run_.x + run_.xs[-1] + run_.advances[-1] / 2
        k0 = max(0, int((first - left - col_w - 2.0) // step) + 1)
        k1 = min(cols - 1, int((last - left + 2.0) // step))
        for k in range(k0, k1 + 1):
            a = left + k * step - 1.0
            if first <= a + col_w + 2.0 and last >= a:
                body_lines[k].add(line)
    isolated = []
    for k, lines in enumerate(body_lines):
        for ln in sorted(lines):
            if ln - 1 not in lines and ln + 1 not in lines:
                isolated.append((k, ln))
    # portraits: pictures at least 2 em wide of portrait shape
    pics = [it for it in page.items if isinstance(it, Picture) and it.w >= 2 * g.body
            and 0.55 <= it.w / max(1e-6, it.h) <= 1.0]
    areas = sorted(p.w * p.h for p in pics)
    tops = 0.0
    for p in pics:
        row = [q for q in pics if abs(q.y - p.y) <= 40 * MM and abs(q.w - p.w) < 1]
        if len(row) > 1:
            ys = [q.y for q in row]
            tops = max(tops, (max(ys) - min(ys)) / MM)
    return PageQuality(
        page.number, cells, empty / cells, holes / cells, foot / cells, isolated,
        portraits=len(pics), portrait_ratio=(areas[-1] / areas[0]) if areas else 1.0,
        portrait_tops_mm=tops, pitch_mm=g.leading / MM, foot_lines=foot_min, empty_cells=empty,
    )


def badness(q: PageQuality) -> float:
    """One number for the search: 0 for a page that meets every rule with nothing to spare,
    growing with each rule's excess (white first, then what an editor sends back soonest)."""
    cost = 0.0
    cost += 100 * q.empty + 400 * max(0.0, q.empty - MAX_EMPTY)
    cost += 300 * max(0.0, q.holes - MAX_HOLES) + 30 * q.holes
    cost += 300 * max(0.0, q.foot - MAX_FOOT) + 20 * q.foot
    cost += 8 * len(q.isolated)
    cost += 20 * max(0.0, q.portrait_ratio - MAX_PORTRAIT_RATIO)
    cost += 5 * max(0.0, q.portrait_tops_mm - q.pitch_mm)
    return cost

"""Holes in a laid-out page, measured the way an editor sees them (issue 10): the page is drawn
by the preview's painter (the same items as the PDF) at 1 px per point, in grey.

The type area — from the page's first ink down to the foot of the grid (the folio below it is
not counted) — is cut into cells 2 body-ems wide and 4.5 ems tall (about three lines). A cell
is empty when no pixel inside it is darker than ``PAPER`` (a light tint is paper, as a reader
sees it). ``scattered`` is the empty share minus the largest empty rectangle: that one is the
gathered space an editor may fill with a picture or more copy; the rest are holes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from layout.grid import Grid
from layout.types import LaidOutPage

PAPER = 200  # grey level (0-255) at and above which a pixel counts as paper


@dataclass
class Holes:
    empty_pct: float
    largest_pct: float

    @property
    def scattered_pct(self) -> float:
        return self.empty_pct - self.largest_pct


def largest_rect(grid: list[list[bool]]) -> int:
    """Cells in the largest all-True rectangle (the histogram method)."""
    if not grid:
        return 0
    w = len(grid[0])
    h = [0] * w
    best = 0
    for row in grid:
        for i, v in enumerate(row):
            h[i] = h[i] + 1 if v else 0
        stack: list[int] = []
        for i in range(w + 1):
            cur = h[i] if i < w else 0
            while stack and h[stack[-1]] >= cur:
                top = stack.pop()
                left = stack[-1] + 1 if stack else 0
                best = max(best, h[top] * (i - left))
            stack.append(i)
    return best


def _grey(page: LaidOutPage, fetch: Callable[[str], bytes]):
    """The page drawn in 8-bit grey at 1 px per point, as a bytes-per-row buffer."""
    from PySide6.QtGui import QColor, QImage, QPainter

    from gui.page_painter import FontCache, paint_page

    img = QImage(int(page.width) + 1, int(page.height) + 1, QImage.Format.Format_RGB32)
    img.fill(QColor(255, 255, 255))
    p = QPainter(img)
    paint_page(p, page, FontCache(), fetch)
    p.end()
    grey = img.convertToFormat(QImage.Format.Format_Grayscale8)
    return bytes(grey.constBits()), grey.bytesPerLine(), grey.width(), grey.height()


def measure(page: LaidOutPage, g: Grid, fetch: Callable[[str], bytes]) -> Holes:
    """Empty and largest-gap shares (in %) of ``page``'s type area."""
    data, stride, w, h = _grey(page, fetch)
    foot = min(h, int(g.top + g.height))
    dark_rows = [y for y in range(int(g.top) - 200 if g.top > 200 else 0, foot)
                 if min(data[y * stride + int(g.left): y * stride + min(w, int(g.left + g.width))]) < PAPER]
    if not dark_rows:
        return Holes(100.0, 100.0)
    top = dark_rows[0]
    cw, ch = 2 * g.body, 4.5 * g.body
    ncols, nrows = int(g.width // cw), int((foot - top) // ch)
    empty = []
    for r in range(nrows):
        row = []
        y0, y1 = int(top + r * ch) + 1, int(top + (r + 1) * ch) - 1
        for c in range(ncols):
            x0, x1 = int(g.left + c * cw) + 1, int(g.left + (c + 1) * cw) - 1
            row.append(all(min(data[y * stride + x0: y * stride + x1]) >= PAPER for y in range(y0, y1)))
        empty.append(row)
    cells = max(1, nrows * ncols)
    n_empty = sum(map(sum, empty))
    return Holes(100 * n_empty / cells, 100 * largest_rect(empty) / cells)

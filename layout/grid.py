"""The page grid: columns a whole number of body ems wide, lines on one baseline grid.

Newspaper pages are built on this grid (DESIGN §3): a broadsheet column holds 13 小五
characters, a gutter is one character, and every body line of every column sits on the same
baselines so neighbouring columns align. Everything else (headlines, portraits, boxes) takes a
whole number of grid lines, so the text after it lands on the grid again.
"""

from __future__ import annotations

from dataclasses import dataclass

from layout.styles import ASCENT
from model.document import PageSetup
from model.units import MM


@dataclass(frozen=True)
class Grid:
    page_w: float  # trim, pt
    page_h: float
    left: float  # x of the first column
    top: float  # y of the top of the first grid line
    columns: int
    col_chars: int  # body characters per column
    body: float  # body size, pt
    gutter: float  # pt
    leading: float  # baseline pitch, pt
    lines: int  # grid lines that fit between the margins

    @property
    def col_w(self) -> float:
        return self.col_chars * self.body

    @property
    def width(self) -> float:
        return self.columns * self.col_w + (self.columns - 1) * self.gutter

    @property
    def height(self) -> float:
        return self.lines * self.leading

    def col_x(self, col: int) -> float:
        return self.left + col * (self.col_w + self.gutter)

    def span_w(self, span: int) -> float:
        return span * self.col_w + (span - 1) * self.gutter

    def span_chars(self, span: int) -> int:
        """Characters per line across ``span`` columns, gutters included (27 for 2 on a broadsheet)."""
        return span * self.col_chars + round((span - 1) * self.gutter / self.body)

    def line_top(self, line: int) -> float:
        return self.top + line * self.leading

    def baseline(self, line: int) -> float:
        """Baseline of grid line ``line``: the em box (``ASCENT`` em above the baseline) sits inside the pitch."""
        return self.top + line * self.leading + (self.leading - self.body) / 2 + ASCENT * self.body


def make_grid(setup: PageSetup) -> Grid:
    w, h = setup.width_mm * MM, setup.height_mm * MM
    m = setup.margins
    body = setup.body_size_pt
    gutter = setup.gutter_em * body
    avail_w = w - (m.left + m.right) * MM
    cols = max(1, setup.columns)
    col_chars = max(1, int((avail_w - (cols - 1) * gutter) // (cols * body) + 1e-9))
    width = cols * col_chars * body + (cols - 1) * gutter
    left = m.left * MM + (avail_w - width) / 2  # centre the grid in the margins
    avail_h = h - (m.top + m.bottom) * MM
    lines = max(1, int(avail_h // setup.leading_pt + 1e-9))
    top = m.top * MM + (avail_h - lines * setup.leading_pt) / 2
    return Grid(w, h, left, top, cols, col_chars, body, gutter, setup.leading_pt, lines)

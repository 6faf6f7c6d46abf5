"""News photos and tables inside a column, as grid-line items that flow with its paragraphs.

A city's activity photo is set as wide as one column, its caption under it, and kept with it
(a photo never stands at a column foot with its caption at the next column's head). A table
of figures is ruled, set in the body face with figures right-aligned on their decimal point,
one row per item so it flows like text; a table wider than a column spans the whole block
under its headline (``wide_table_head``), its cells wrapping when even that is too narrow.
Everything is a whole number of grid lines tall, so body lines stay on the baseline grid.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from layout.compose import Run, compose, measure_text
from layout.grid import Grid
from layout.types import BLACK, Item, Picture, Problem, Rule
from model.document import ColumnPhoto, ColumnTable

#: Figures, with their grouping, sign, unit and per-cent marks: 1,200 / 3.5% / -12 / 36个 / 1.2万元
_NUMBER = re.compile(r"^[+\-－−]?[0-9０-９][0-9０-９,，.．]*\s*(?:[%％‰]|[万亿千百]?[元个人次户家名项场件台所座千米亩吨]?)$")
_CELL_PAD_EM = 0.3  # white each side of a cell's text, in body ems
PHOTO_MAX_ASPECT = 1.25  # a portrait-format news photo is cropped to at most 5:4 (height:width)
RULE_OUTER = 0.8
RULE_INNER = 0.3


def is_figure(text: str) -> bool:
    return bool(_NUMBER.match(text.strip()))


def _fraction_digits(text: str) -> int:
    m = re.search(r"[.．]([0-9０-９]+)", text)
    return len(m.group(1)) if m else 0


def _baseline(top: float, leading: float, size: float) -> float:
    from layout.styles import ASCENT

    return top + (leading - size) / 2 + ASCENT * size


# ---------------------------------------------------------------------------- photos


def photo_lines(g: Grid, width: float, aspect: float) -> tuple[float, int]:
    """(picture height, grid lines incl. 1 pt of air above and below) at ``width``."""
    h = width * min(aspect, PHOTO_MAX_ASPECT)
    return h, max(1, math.ceil((h + 2.0) / g.leading - 1e-9))


def photo_crop(photo: ColumnPhoto, size: tuple[int, int] | None) -> tuple[tuple[float, float, float, float], float]:
    """(crop, aspect height/width) of a news photo: the user's crop, narrowed from the top and
    bottom (centred) when the picture is taller than ``PHOTO_MAX_ASPECT``."""
    c = photo.picture.crop
    crop = (c.x, c.y, c.w, c.h)
    if not size:
        return crop, 0.75
    aspect = (c.h * size[1]) / max(c.w * size[0], 1e-9)
    if aspect > PHOTO_MAX_ASPECT:
        new_h = c.h * PHOTO_MAX_ASPECT / aspect
        crop = (c.x, c.y + (c.h - new_h) / 2, c.w, new_h)
        aspect = PHOTO_MAX_ASPECT
    return crop, aspect


# ---------------------------------------------------------------------------- tables


@dataclass
class TableGeometry:
    """Column widths and alignment of one table at one width."""

    widths: list[float]
    align: list[str]  # per column: left / right / centre
    pad_right: list[list[float]]  # per row, per column: white added right of a figure (decimal alignment)


def _cells(table: ColumnTable) -> list[list[str]]:
    n = table.width
    return [list(r.cells) + [""] * (n - len(r.cells)) for r in table.rows]


def natural_width(table: ColumnTable, g: Grid, fonts) -> float:
    """The width the table takes with no cell wrapped."""
    return sum(_natural_columns(table, g, fonts, *_alignment(table, g, fonts)))


def _alignment(table: ColumnTable, g: Grid, fonts) -> tuple[list[str], list[list[float]]]:
    """Per column left/right, and per cell the white right of a figure that lines its decimal
    point up with the others' (a column of figures only: 1,200 / 3.5 / 12.25)."""
    rows = _cells(table)
    n = table.width
    body = rows[table.header_rows:]
    align: list[str] = []
    pad_right = [[0.0] * n for _ in rows]
    digit = measure_text(Run("0", "body"), g.body, fonts) or g.body / 2
    point = max(0.0, measure_text(Run("0.0", "body"), g.body, fonts) - 2 * digit)
    for c in range(n):
        cells = [row[c].strip() for row in body if row[c].strip()]
        figures = bool(cells) and all(is_figure(t) for t in cells)
        align.append("right" if figures else "left")
        if figures:
            most = max(_fraction_digits(t) for t in cells)
            for r, row in enumerate(rows):
                if r >= table.header_rows and row[c].strip():
                    frac = _fraction_digits(row[c])
                    pad_right[r][c] = (most - frac) * digit + (point if most and not frac else 0.0)
    return align, pad_right


def _natural_columns(table: ColumnTable, g: Grid, fonts, align: list[str], pad_right: list[list[float]]
                     ) -> list[float]:
    rows = _cells(table)
    pad = 2 * _CELL_PAD_EM * g.body
    out = []
    for c in range(table.width):
        w = 0.0
        for r, row in enumerate(rows):
            text = row[c].strip()
            if text:
                w = max(w, measure_text(Run(text, "body", bold=r < table.header_rows), g.body, fonts) + pad_right[r][c])
        out.append(w + pad + 0.01)
    return out


def geometry(table: ColumnTable, width: float, g: Grid, fonts) -> TableGeometry:
    """Columns filling ``width``: their natural widths grown evenly, or, when the table is
    wider than that, shrunk toward an even share (never below two ems), the text wrapping."""
    align, pad_right = _alignment(table, g, fonts)
    natural = _natural_columns(table, g, fonts, align, pad_right)
    n = len(natural)
    total = sum(natural)
    if n == 0:
        return TableGeometry([], [], [])
    if total <= width:
        widths = [w + (width - total) / n for w in natural]
    else:
        floor = min(2.0 * g.body + 2 * _CELL_PAD_EM * g.body, width / n)
        widths = [max(floor, width * w / total) for w in natural]
        scale = width / sum(widths)
        widths = [w * scale for w in widths]
    return TableGeometry(widths, align, pad_right)


def table_rows(table: ColumnTable, width: float, g: Grid, fonts, bid: str, problems: list[Problem]
               ) -> list[tuple[int, int, Callable[[float, float], list[Item]]]]:
    """(lines, characters, draw(x, top)) of each row at ``width``, rules included."""
    geo = geometry(table, width, g, fonts)
    rows = _cells(table)
    pad = _CELL_PAD_EM * g.body
    out = []
    n_rows = len(rows)
    for r, row in enumerate(rows):
        header = r < table.header_rows
        comps = []
        for c, text in enumerate(row):
            inner = max(g.body, geo.widths[c] - 2 * pad - geo.pad_right[r][c])
            align = "centre" if header else geo.align[c]
            comp = compose(Run(text.strip(), "body", bold=header), inner / g.body, g.body, fonts, align=align,
                           indent_em=0, role="body", block_id=bid, display=False) if text.strip() else []
            if comp:
                problems.extend(comp.problems)
            comps.append((list(comp), inner))
        lines = max([1] + [len(cl) for cl, _ in comps])
        chars = sum(1 for text in row for ch in text if not ch.isspace())

        def draw(x: float, top: float, comps=comps, lines=lines, r=r) -> list[Item]:
            items: list[Item] = []
            cx = x
            h = lines * g.leading
            for c, (cl, _inner) in enumerate(comps):
                for k, line in enumerate(cl):
                    items += line.glyph_runs(cx + pad, _baseline(top + k * g.leading, g.leading, g.body),
                                             block_id=bid)
                cx += geo.widths[c]
                if c < len(comps) - 1:
                    items.append(Rule(cx, top, cx, top + h, RULE_INNER, BLACK))
            right = x + sum(geo.widths)
            top_w = RULE_OUTER if r == 0 else (0.5 if r == table.header_rows and r else RULE_INNER)
            items.append(Rule(x, top, right, top, top_w, BLACK))
            if r == n_rows - 1:
                items.append(Rule(x, top + h, right, top + h, RULE_OUTER, BLACK))
            return items

        out.append((lines, chars, draw))
    return out


def wide_table_head(table: ColumnTable, g: Grid, fonts, bid: str, problems: list[Problem]):
    """span -> (lines, draw(x, top, w)) of a table set across the whole block, one line of air
    below it."""
    done: dict[int, tuple[int, Callable]] = {}

    def at(span: int):
        if span not in done:
            w = g.span_w(span)
            rows = table_rows(table, w, g, fonts, bid, problems)
            lines = sum(n for n, _c, _d in rows) + 1

            def draw(x: float, top: float, _w: float, rows=rows) -> list[Item]:
                items: list[Item] = []
                y = top
                for n, _c, d in rows:
                    items += d(x, y)
                    y += n * g.leading
                return items

            done[span] = (lines, draw)
        return done[span]

    return at


def photo_items_draw(image: str, crop, w: float, h: float, bid: str) -> Callable[[float, float], list[Item]]:
    def emit(x: float, top: float) -> list[Item]:
        return [Picture(image, x, top + 1.0, w, h, crop, bid)]

    return emit

"""缺稿: how many characters a short page really lacks, found by trying them.

The white beyond the make-up limit, turned into characters, is a poor guess of what a city must
send: copy added to one article fills only that article's columns, and the packer may set the
grown article in another span, so the page meets the rules after 0.2× that guess on one page and
4× on another (measured on the make-up corpus: 5 of 20 guesses within 25 %). So the page is laid
out again with more body text at the end of its longest article — what an editor asks a city
for — grown in small steps from the guess and bisected, and the number reported is the least that meets the
white limits (``layout.quality``: white ≤ 10 %, white at the column feet ≤ 2 %). A page within
those but with holes (rows stretched over too little copy) is short of copy too when more copy
closes them (holes ≤ 3 %); when none does, its holes are the make-up's, reported as such.

Only the laid-out document pays for this (export, ``fit``, the problems panel): the make-up
search scores thousands of trial pages by their white alone.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable
from dataclasses import replace

from layout.grid import Grid
from layout.quality import MAX_EMPTY, MAX_FOOT, MAX_HOLES, PageQuality, measure_page
from layout.types import LaidOutPage
from model.document import ColumnBlock, Page, Paragraph, SpeechBlock, block_texts, char_count

#: the characters of one added paragraph: about what a city's paragraph runs to
PARAGRAPH_CHARS = 150
#: added copy is bisected to this share of itself (the report's tolerance is 25 %)
PRECISION = 0.06
#: the first trial is this share of the guess, and each next one this much more: small steps,
#: since more copy can set the page worse (the grown article takes another span and leaves white
#: at the feet again), so the least copy that fills is found by walking up to it
START, GROWTH = 0.6, 1.25
#: trials at most per page (each is a layout of that page)
MAX_TRIALS = 16
#: beyond this many times the page's whole capacity, white is not for want of copy
CAP_PAGES = 2

_FILLER = "职工群众是工会工作的出发点和落脚点各级工会围绕中心服务大局扎实推进各项工作取得新成效"


def filler(chars: int) -> list[Paragraph]:
    """``chars`` characters of plain body text in paragraphs of about ``PARAGRAPH_CHARS``, each
    ending in a full stop, so the trial text breaks and fills like a city's copy."""
    out: list[Paragraph] = []
    left = chars
    while left > 0:
        n = min(left, PARAGRAPH_CHARS)
        body = (_FILLER * (n // len(_FILLER) + 1))[:max(0, n - 1)]
        out.append(Paragraph(body + "。"))
        left -= n
    return out


def with_paragraphs(block, extra: list[Paragraph]):
    """``block`` (an article, or the speech: its last section) with ``extra`` paragraphs at its
    end, as a copy; the model is not touched."""
    if isinstance(block, ColumnBlock):
        return replace(block, paragraphs=[*block.paragraphs, *extra])
    sections = list(block.sections)
    sections[-1] = replace(sections[-1], paragraphs=[*sections[-1].paragraphs, *extra])
    return replace(block, sections=sections)


def article_to_grow(page: Page) -> tuple[list, object]:
    """(the page's blocks, its longest article): where more copy would go. A page of pictures
    only gets a column of its own for it, added to the blocks."""
    texts = [b for b in page.blocks if isinstance(b, ColumnBlock) or isinstance(b, SpeechBlock) and b.sections]
    blocks = list(page.blocks)
    if not texts:
        blocks.append(ColumnBlock(id="short-copy-trial"))
        texts = blocks[-1:]
    return blocks, max(texts, key=lambda b: char_count(block_texts(b)))


def filled(q: PageQuality, holes: bool = False) -> bool:
    """Is the page's white within its limits (with ``holes``: its holes too)?"""
    return (q.empty <= MAX_EMPTY + 1e-9 and q.foot <= MAX_FOOT + 1e-9
            and (not holes or q.holes <= MAX_HOLES + 1e-9))


def copy_to_fill(page: Page, guess: int, g: Grid, lay_out: Callable[[Page], LaidOutPage],
                 holes: bool = False) -> int | None:
    """The least characters (to ``PRECISION``) that, added to ``page``'s longest article, bring
    its white within the limits (with ``holes``, its holes too: a page whose rows are stretched
    over too little copy); None when no amount does (the white is not for want of copy).
    ``lay_out`` lays out a page the way the document does, without this refinement."""
    blocks, longest = article_to_grow(page)
    cap = CAP_PAGES * g.columns * g.lines * g.col_chars

    def fills(chars: int) -> bool:
        trial = copy.copy(page)
        trial.blocks = [with_paragraphs(b, filler(chars)) if b is longest else b for b in blocks]
        return filled(measure_page(lay_out(trial), g), holes)

    return least_filling(fills, max(20, round(START * guess)), cap, GROWTH, PRECISION, MAX_TRIALS)


def least_filling(fills: Callable[[int], bool], start: int, cap: int, growth: float, precision: float,
                  max_trials: int | None = None) -> int | None:
    """The least amount (to ``precision`` of it, or 4) for which ``fills`` holds: grown from
    ``start`` by ``growth`` until it does, then bisected; None past ``cap`` or ``max_trials``."""
    lo, hi = 0, start
    trials = 1
    while not fills(hi):
        trials += 1
        lo, hi = hi, math.ceil(hi * growth)
        if hi > cap or max_trials is not None and trials >= max_trials:
            return None
    while hi - lo > max(4, precision * hi) and (max_trials is None or trials < max_trials):
        trials += 1
        mid = (lo + hi) // 2
        if fills(mid):
            hi = mid
        else:
            lo = mid
    return hi

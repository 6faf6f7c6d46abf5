"""What each kind of block puts on the page, as grid-line items ready to flow.

A block is measured once (its paragraphs are composed at the column measure, which does not
depend on how many columns the block spans) and then flowed at any span the page packer
tries. Everything is a whole number of grid lines tall so body lines stay on the baseline
grid after a heading, a section label or a portrait.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from layout import cjk
from layout.compose import Run, compose, measure_text
from layout.fonts import FontRegistry
from layout.grid import Grid
from layout.styles import ASCENT, CMYK, FIT_SHRINK, LINES_FACTOR, STYLES
from layout.types import BLACK, Colour, Item, Picture, Problem, Rect, Rule
from model.document import Block, ColumnBlock, Paragraph, SpeechBlock
from model.texts import display_name

RED: Colour = CMYK["accent"]  # 专色红 as process colour
DARK_RED: Colour = CMYK["accent_dark"]
TINT: Colour = CMYK["tint"]  # warm paper tint of the speech box
PORTRAIT_ASPECT = 4 / 3  # height / width of a newspaper head shot
PORTRAIT_MAX_ASPECT = 1.6  # the frame may grow this tall to absorb spare lines


@dataclass
class FlowItem:
    """``lines`` grid lines of content; ``emit(x, top)`` draws it with its top-left at (x, top)."""

    lines: int
    emit: Callable[[float, float], list[Item]]
    chars: int = 0  # characters it carries, for overset reports
    keep: bool = False  # keep with the next item (labels, headings)


@dataclass
class MeasuredBlock:
    block: Block
    head: Callable[[int], tuple[int, Callable[[float, float, float], list[Item]]]]  # span -> (lines, draw)
    items: list[FlowItem]
    reserved: Callable[..., int]  # (portrait lines, portrait columns) -> lines reserved atop those columns
    portrait_lines: int = 0  # natural one-column portrait frame height in lines (0: none)
    top: Callable[..., list[Item]] | None = None  # (x, y, portrait lines, portrait columns): picture+caption
    inset: float = 0.0  # horizontal text inset inside each column (speech box)
    pad_lines: int = 0  # lines of padding above and below (speech box)
    frame: bool = False
    problems: list[Problem] = field(default_factory=list)
    portrait_natural: Callable[[int], int] = lambda pw: 0  # portrait columns -> natural lines
    has_picture: bool = False


def _baseline(top: float, lines: int, leading: float, size: float) -> float:
    """Baseline that centres a ``size`` em box in ``lines`` grid lines starting at ``top``."""
    return top + (lines * leading - size) / 2 + ASCENT * size


def _lines_for(size: float, leading: float, factor: float = LINES_FACTOR) -> int:
    return max(1, math.ceil(size * factor / leading - 1e-9))


class BlockMeasurer:
    """Turns model blocks into MeasuredBlocks for one page grid and font registry."""

    def __init__(self, grid: Grid, fonts: FontRegistry, spaced_names: bool = False) -> None:
        self.g = grid
        self.fonts = fonts
        self.spaced_names = spaced_names  # PageSetup.spaced_names: 王 明 in name captions

    # ------------------------------------------------------------------ shared pieces
    def paragraph_items(self, para: Paragraph | str, measure_em: float, block_id: str, *, role: str = "body",
                        indent_em: float = 2.0, align: str = "justify", size: float | None = None,
                        colour: Colour = BLACK, problems: list[Problem], keep: bool = False,
                        bold: bool = False, hang: bool = False) -> list[FlowItem]:
        g = self.g
        size = size or g.body
        if isinstance(para, Paragraph):
            lead, rest = para.split_lead()
            runs = [Run(lead, "lead"), Run(rest, "body")] if lead else [Run(rest, role)]
        else:
            runs = [Run(para, role, bold=bold, colour=colour)]
        comp = compose(runs, measure_em * g.body / size, size, self.fonts, align=align, indent_em=indent_em * g.body / size,
                       role=role, block_id=block_id, hang=hang)
        problems.extend(comp.problems)
        per = _lines_for(size, g.leading, 1.0) if size > g.body else 1
        items = []
        for line in comp:
            def emit(x: float, top: float, line=line) -> list[Item]:
                return list(line.glyph_runs(x, _baseline(top, per, g.leading, size), block_id=block_id))
            text = line.text
            # printable text holds no white space but the ASCII space (typed spaces never become
            # glyphs, but count it the slow way should one ever be there)
            chars = len(text) if text.isprintable() and " " not in text else sum(
                1 for ch in text if not ch.isspace())
            items.append(FlowItem(per, emit, chars, keep))
        return items

    def headline(self, text: str, block_id: str, max_size: float, min_size: float, problems: list[Problem],
                 role: str = "heading", colour: Colour = BLACK, gap_lines: int = 1):
        """A centred headline across the block: largest size ≤ max that fits one line."""
        g = self.g
        fonts = self.fonts
        done: dict = {}  # span -> (lines, draw); -1 -> natural width at max_size

        def at(span: int):
            # the packer asks for every span it tries, some many times
            hit = done.get(span)
            if hit is None:
                hit = done[span] = fit(span)
            return hit

        def fit(span: int):
            if not text.strip():
                return 0, lambda x, top, w: []
            width = g.span_w(span)
            natural = done.get(-1)
            if natural is None:  # the same at every span
                natural = done[-1] = measure_text(text, max_size, fonts, role=role)
            size = max_size if natural <= width else max(min_size, max_size * width / natural * FIT_SHRINK)
            comp = compose(Run(text, role, colour=colour), width / size, size, fonts, align="centre", indent_em=0,
                           block_id=block_id)
            per = _lines_for(size, g.leading, STYLES["column_headline"].line)
            lines = per * len(comp) + gap_lines

            def draw(x: float, top: float, w: float, comp=comp, per=per, size=size) -> list[Item]:
                out: list[Item] = []
                for k, line in enumerate(comp):
                    out += line.glyph_runs(x + (w - width) / 2, _baseline(top + k * per * g.leading, per, g.leading, size),
                                           block_id=block_id)
                return out

            return lines, draw

        return at

    # ------------------------------------------------------------------ column block
    def column(self, block: ColumnBlock, images) -> MeasuredBlock:
        g = self.g
        problems: list[Problem] = []
        bid = block.id
        head = self.headline(block.headline, bid, max_size=STYLES["column_headline"].size(g.body),
                             min_size=STYLES["column_headline"].min_size(g.body),
                             problems=problems)
        items: list[FlowItem] = []
        for para in block.paragraphs:
            items += self.paragraph_items(para, g.col_chars, bid, problems=problems)

        # caption under the portrait: name (Hei, larger), organisation and title lines, set
        # across the portrait's width (one column, or two for a big picture in a wide block)
        lines_text: list[tuple[str, str, float]] = []
        who = block.person.name if block.person and block.person.name.strip() else block.organisation
        if who.strip():
            is_person = bool(block.person and block.person.name.strip())
            lines_text.append((cjk.spaced_name(who) if self.spaced_names and is_person else who, "name",
                               STYLES["name"].rel))
        if block.person and block.person.name.strip() and block.organisation.strip():
            lines_text.append((block.organisation, "title_line", STYLES["title_line"].rel))
        if block.person:
            lines_text += [(t, "title_line", STYLES["title_line"].rel) for t in block.person.titles]
        captions: dict[int, list[FlowItem]] = {}

        def caption(pw: int) -> list[FlowItem]:
            if pw not in captions:
                captions[pw] = [
                    it
                    for text, role, rel in lines_text
                    for it in self.paragraph_items(text, g.span_chars(pw), bid, role=role, indent_em=0,
                                                   align="centre", size=rel * g.body, problems=problems,
                                                   bold=role == "name")
                ]
            return captions[pw]

        has_picture = block.portrait is not None and bool(block.portrait.image)
        # read now, not when drawn: a measured block may be reused from the cache after the
        # bulletin object it came from is gone (the key holds the image's content hash)
        picture_size = images.size(block.portrait.image) if has_picture else None
        why = images.bad(block.portrait.image) if has_picture and hasattr(images, "bad") else None
        if why:  # drawn as an empty frame: the user must hear it, the export must not pass
            problems.append(Problem("bad_image", bid, f"{block.region or bid}: 照片 {block.portrait.image[:12]}… {why}"))

        def natural(pw: int) -> int:
            return _lines_for(g.span_w(pw) * PORTRAIT_ASPECT, g.leading, 1.0) if has_picture else 0

        def reserved(portrait_lines: int, pw: int = 1) -> int:
            used = portrait_lines + sum(i.lines for i in caption(pw))
            return used + 1 if used else 0  # one line of air before the body text

        def top(x: float, y: float, portrait_lines: int, pw: int = 1) -> list[Item]:
            out: list[Item] = []
            w = g.span_w(pw)
            if has_picture and portrait_lines:
                h = portrait_lines * g.leading - 2.0
                crop = _fit_crop(block.portrait.crop, picture_size, w, h)
                out.append(Picture(block.portrait.image, x, y + 1.0, w, h, crop, bid))
            yy = y + portrait_lines * g.leading
            for it in caption(pw):
                out += it.emit(x, yy)
                yy += it.lines * g.leading
            return out

        if block.person and block.person.name.strip() and not has_picture:
            problems.append(Problem("missing_portrait", bid, f"{display_name(block, short=True)}: {block.person.name} 没有照片",
                                    role="name", text=block.person.name))
        return MeasuredBlock(block, head, items, reserved, natural(1), top, problems=problems,
                             portrait_natural=natural, has_picture=has_picture)

    # ------------------------------------------------------------------ speech block
    def speech(self, block: SpeechBlock) -> MeasuredBlock:
        g = self.g
        problems: list[Problem] = []
        bid = block.id
        measure = g.col_chars - 1  # half an em of air on each side inside the box
        items: list[FlowItem] = []
        for section in block.sections:
            if section.label.strip():
                items += self.paragraph_items(section.label, measure, bid, role="label", indent_em=0, align="left",
                                              size=STYLES["speech_label"].size(g.body), colour=RED, problems=problems, keep=True)
            if section.heading.strip():
                items += self.paragraph_items(section.heading, measure, bid, role="heading", indent_em=0,
                                              align="left", size=STYLES["speech_heading"].size(g.body), colour=DARK_RED, problems=problems,
                                              keep=True)
            for bullet in section.bullets:
                items += self.paragraph_items(bullet, measure, bid, role="kicker", indent_em=0, align="left",
                                              problems=problems, hang=True)
            if section.bullets:
                items.append(FlowItem(1, lambda x, y: []))
            for para in section.paragraphs:
                items += self.paragraph_items(para, measure, bid, problems=problems)
            items.append(FlowItem(1, lambda x, y: []))
        if items and not items[-1].chars:
            items.pop()
        if block.attribution.strip():
            items += self.paragraph_items(block.attribution, measure, bid, role="caption", indent_em=0,
                                          align="justify", problems=problems)
        head = self.headline("", bid, 1, 1, problems)
        return MeasuredBlock(block, head, items, lambda p, pw=1: 0, 0, None, inset=g.body / 2, pad_lines=1, frame=True,
                             problems=problems)

    def measure(self, block: Block, images) -> MeasuredBlock:
        if isinstance(block, SpeechBlock):
            return self.speech(block)
        return self.column(block, images)


def _fit_crop(crop, size: tuple[int, int] | None, w: float, h: float) -> tuple[float, float, float, float]:
    """Narrow the user's crop, about its centre, to the frame's aspect (the way a 美编 crops)."""
    cx, cy, cw, ch = crop.x, crop.y, crop.w, crop.h
    if not size:
        return (cx, cy, cw, ch)
    iw, ih = size
    src_aspect = (ch * ih) / max(cw * iw, 1e-9)
    frame_aspect = h / w
    if src_aspect > frame_aspect:  # too tall: trim top and bottom, keep the upper part (faces)
        new_h = ch * frame_aspect / src_aspect
        return (cx, cy + (ch - new_h) * 0.3, cw, new_h)
    new_w = cw * src_aspect / frame_aspect
    return (cx + (cw - new_w) / 2, cy, new_w, ch)


def frame_items(x: float, y: float, w: float, h: float) -> list[Item]:
    """The speech box: a tinted panel with a red rule at top and bottom."""
    return [
        Rect(x, y, w, h, fill=TINT, stroke=None),
        Rule(x, y, x + w, y, 1.5, RED),
        Rule(x, y + h, x + w, y + h, 1.5, RED),
    ]

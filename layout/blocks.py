"""What each kind of block puts on the page, as grid-line items ready to flow.

A block is measured once (its paragraphs are composed at the column measure, which does not
depend on how many columns the block spans) and then flowed at any span the page packer
tries. Everything is a whole number of grid lines tall so body lines stay on the baseline
grid after a heading, a section label or a portrait.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from layout import cjk
from layout import column_inserts as inserts
from layout.compose import Run, compose, measure_text
from layout.fonts import FontRegistry
from layout.grid import MM, Grid
from layout.styles import ASCENT, CMYK, FIT_SHRINK, HEADLINE_PEER_RATIO, LINES_FACTOR, STYLES
from layout.types import BLACK, Colour, Item, Picture, Problem, Rect, Rule
from model.document import (
    Block,
    ColumnBlock,
    ColumnPhoto,
    ColumnTable,
    Paragraph,
    PictureBlock,
    Portrait,
    PortraitSpec,
    SpeechBlock,
)
from model.images import MIN_PPI
from model.texts import display_name

RED: Colour = CMYK["accent"]  # 专色红 as process colour
DARK_RED: Colour = CMYK["accent_dark"]
TINT: Colour = CMYK["tint"]  # warm paper tint of the speech box
PHOTO_MIN_COLUMN_MM = 30.0  # a news photo is set in a column at least this wide, else across the block
SMALL_TABLE_ROWS = 12  # a table of up to this many rows is never split across columns
PICTURE_MIN_SHARE = 0.6  # a picture block may shrink to this share of its width to level a row
#: ... or grow taller than its crop, as wide as its span, by cropping its sides down to this share
#: of their width (as a 美编 crops a photo to its space): a row ends level on a photo, not on white
PICTURE_MIN_CROP_W = 0.7
CAPTION_REL = 0.9  # a photo caption's size, of the body size
#: a short headline over a wide block is letter-spaced towards its outer columns by at most this
#: many ems between characters (a newspaper's 拉开字距; more reads as a row of single characters)
HEADLINE_MAX_TRACK = 0.5
HEADLINE_RULE_WIDTH = 0.5  # pt: the hairline under a headline that heads a wide group


@dataclass
class FlowItem:
    """``lines`` grid lines of content; ``emit(x, top)`` draws it with its top-left at (x, top)."""

    lines: int
    emit: Callable[[float, float], list[Item]]
    chars: int = 0  # characters it carries, for overset reports
    keep: bool = False  # keep with the next item (labels, headings, a widow's line above, a lone lead)
    para_start: bool = False  # first line of a paragraph: a blank line may go above it to level a row
    display: bool = False  # not body-size text (a label, a heading): it never reads as a stranded body line


@dataclass
class MeasuredBlock:
    block: Block
    head: Callable[[int], tuple[int, Callable[[float, float, float], list[Item]]]]  # span -> (lines, draw)
    items: list[FlowItem]
    reserved: int  # lines the portrait and its caption take atop the first ``portrait_cols`` columns
    top: Callable[[float, float], list[Item]] | None = None  # (x, y): portrait and caption
    inset: float = 0.0  # horizontal text inset inside each column (speech box)
    pad_lines: int = 0  # lines of padding above and below (speech box)
    frame: bool = False
    problems: list[Problem] = field(default_factory=list)
    portrait_cols: int = 1  # columns the portrait and its caption cover (the bulletin's portrait spec)
    has_picture: bool = False
    #: a picture block: span -> (smallest lines, natural lines); draw(x, top, w, lines)
    picture: tuple[Callable[[int], tuple[int, int]], Callable[[float, float, float, int], list[Item]]] | None = None
    #: (span, body lines, gap lines) -> (items per column, air, end): how its columns level
    levels: dict = field(default_factory=dict)
    #: the headline one peer size class up (×HEADLINE_PEER_RATIO), or None: a block with a line
    #: to spare takes it (a taller headline fills a row without a hole; peers stay in ratio)
    head_big: Callable[[int], tuple[int, Callable[[float, float, float], list[Item]]]] | None = None
    #: names this measurement (one content on one grid) for the packer's row cache; None: unnamed
    serial: int | None = None


def _baseline(top: float, lines: int, leading: float, size: float) -> float:
    """Baseline that centres a ``size`` em box in ``lines`` grid lines starting at ``top``."""
    return top + (lines * leading - size) / 2 + ASCENT * size


def _lines_for(size: float, leading: float, factor: float = LINES_FACTOR) -> int:
    return max(1, math.ceil(size * factor / leading - 1e-9))


class BlockMeasurer:
    """Turns model blocks into MeasuredBlocks for one page grid and font registry."""

    def __init__(self, grid: Grid, fonts: FontRegistry, spec: PortraitSpec | None = None,
                 spaced_names: bool = False) -> None:
        self.g = grid
        self.fonts = fonts
        self.spec = spec or PortraitSpec()
        self.spaced_names = spaced_names  # PageSetup.spaced_names: 王 明 in name captions

    # ------------------------------------------------------------------ shared pieces
    def caption_size(self) -> float:
        """A photo's caption (图片说明) is set a size below the body, as newspapers set it, so it
        reads as the picture's, not as a stray line of the article."""
        return CAPTION_REL * self.g.body

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
        comp = compose(runs, measure_em * g.body / size, size, self.fonts, align=align,
                               indent_em=indent_em * g.body / size, role=role, block_id=block_id, hang=hang)
        problems.extend(comp.problems)
        per = _lines_for(size, g.leading, 1.0) if size > g.body else 1
        items = []
        # a run-in lead never stands alone at a column foot: keep the lines up to the one that
        # ends the lead with the line after it
        lead_chars = sum(1 for ch in runs[0].text if not ch.isspace()) if len(runs) > 1 else 0
        seen = 0
        n_lines = len(comp)
        for k, line in enumerate(comp):
            def emit(x: float, top: float, line=line) -> list[Item]:
                return list(line.glyph_runs(x, _baseline(top, per, g.leading, size), block_id=block_id))
            text = line.text
            # printable text holds no white space but the ASCII space (typed spaces never become
            # glyphs, but count it the slow way should one ever be there)
            chars = len(text) if text.isprintable() and " " not in text else sum(
                1 for ch in text if not ch.isspace())
            in_lead = seen < lead_chars
            seen += chars
            # widow: the last line of a paragraph never opens a column alone; orphan: its first
            # line never ends one alone (a line stranded under a portrait or at a column foot)
            widow_guard = role == "body" and (k == n_lines - 2 or (k == 0 and n_lines > 1))
            # a ◎ item (hanging) is one thing to read: it is never split across columns
            whole = hang and k < n_lines - 1
            items.append(FlowItem(per, emit, chars, keep or in_lead or widow_guard or whole, para_start=k == 0,
                                  display=abs(size - g.body) > 0.3))
        return items

    def headline(self, text: str, block_id: str, max_size: float, min_size: float, problems: list[Problem],
                 role: str = "heading", colour: Colour = BLACK, gap_lines: int = 1):
        """A centred headline across the block: ``max_size`` when it fits one line, else shrunk
        to fit — but never below ``max_size / HEADLINE_PEER_RATIO``, so that peer headlines on a
        page stay in one size class; a longer headline breaks into balanced lines instead. A
        headline never grows because its block is wide: the make-up sizes headlines, not spans."""
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
            if natural <= width:
                size = max_size
            else:
                floor = max(min_size, max_size / HEADLINE_PEER_RATIO)
                size = max(floor, max_size * width / natural * FIT_SHRINK)
            comp = compose([Run(text, role, colour=colour)], width / size, size, fonts, align="centre",
                                   indent_em=0, block_id=block_id)
            per = _lines_for(size, g.leading, STYLES["column_headline"].line)
            lines = per * len(comp) + gap_lines

            def draw(x: float, top: float, w: float, comp=comp, per=per, size=size) -> list[Item]:
                out: list[Item] = []
                text_w = 0.0
                for k, line in enumerate(comp):
                    runs = line.glyph_runs(x + (w - width) / 2, _baseline(top + k * per * g.leading, per, g.leading, size),
                                           block_id=block_id)
                    runs, line_w = _tracked(runs, line.natural, w - g.col_w, size)
                    out += runs
                    text_w = max(text_w, line_w)
                # a headline far narrower than the columns it heads (a group's, across the row)
                # stands on a hairline across them: the articles below read as one group, and
                # the columns beside the words do not open as white wells under the rule above
                if comp and text_w < w - 2 * g.col_w:
                    y = top + len(comp) * per * g.leading - 0.3 * g.leading
                    out.append(Rule(x, y, x + w, y, HEADLINE_RULE_WIDTH, colour))
                return out

            return lines, draw

        return at

    # ------------------------------------------------------------------ portraits
    def portrait_frame(self, columns: int) -> tuple[float, float, int, int]:
        """(frame width, frame height, lines, columns covered) of a portrait ``columns`` wide.

        Every portrait of one kind gets this same frame (the page setup's portrait spec): the
        layout never enlarges a photo to fill space.
        """
        g = self.g
        spec = self.spec
        if spec.width_mm is not None and columns == spec.width_columns:
            w = min(spec.width_mm * MM, g.span_w(g.columns))
            cols = max(1, math.ceil((w + g.gutter) / (g.col_w + g.gutter) - 1e-9))
        else:
            cols = max(1, min(columns, g.columns))
            w = g.span_w(cols)
        h = w * spec.aspect
        return w, h, _lines_for(h + 2.0, g.leading, 1.0), cols

    def byline(self, lines_text: list[tuple[str, str, float]], measure_em: float, bid: str,
               problems: list[Problem]) -> list[FlowItem]:
        """Name and titles run into one centred line (王建　榆林市总工会主席) when they fit the
        column: without a photo, a stack of short centred lines leaves white on both sides of
        them, the hole an editor sees first at the head of a column. [] when they do not fit."""
        if len(lines_text) < 2:
            return []
        g = self.g
        runs = []
        for k, (text, role, rel) in enumerate(lines_text):
            runs.append(Run(("" if k == 0 else "\u3000") + text, role, bold=role == "name", size=rel * g.body))
        comp = compose(runs, measure_em, g.body, self.fonts, align="centre", indent_em=0, role="name", block_id=bid)
        if len(comp) != 1:
            return []
        problems.extend(comp.problems)
        size = max(rel for _t, _r, rel in lines_text) * g.body
        per = _lines_for(size, g.leading, 1.0)
        line = comp[0]
        chars = sum(len(t) for t, _r, _rel in lines_text)

        def emit(x: float, top: float) -> list[Item]:
            return list(line.glyph_runs(x, _baseline(top, per, g.leading, size), block_id=bid))

        return [FlowItem(per, emit, chars, keep=True)]

    def portrait_top(self, portrait: Portrait | None, lines_text: list[tuple[str, str, float]], columns: int,
                     bid: str, images, problems: list[Problem]):
        """(reserved lines, draw(x, y), has picture, columns covered) for a portrait and its
        caption lines at the top of a block's first column(s)."""
        g = self.g
        has_picture = portrait is not None and bool(portrait.image)
        fw, fh, plines, pw = self.portrait_frame(columns)
        if not has_picture:
            plines = 0
        caption = self.byline(lines_text, g.span_chars(pw), bid, problems) if not has_picture else []
        if not caption:
            caption = [
                it
                for text, role, rel in lines_text
                for it in self.paragraph_items(text, g.span_chars(pw), bid, role=role, indent_em=0, align="centre",
                                               size=rel * g.body, problems=problems, bold=role == "name")
            ]
        used = plines + sum(i.lines for i in caption)
        reserved = used + 1 if used else 0  # one line of air before the body text
        # read now, not when drawn: a measured block may be reused from the cache after the
        # bulletin object it came from is gone (the key holds the image's content hash)
        picture_size = images.size(portrait.image) if has_picture else None
        why = images.bad(portrait.image) if has_picture and hasattr(images, "bad") else None
        if why:  # drawn as an empty frame: the user must hear it, the export must not pass
            problems.append(Problem("bad_image", bid, f"照片 {portrait.image[:12]}… {why}"))

        def draw(x: float, y: float) -> list[Item]:
            out: list[Item] = []
            if has_picture:
                crop = _fit_crop(portrait.crop, picture_size, fw, fh)
                out.append(Picture(portrait.image, x + (g.span_w(pw) - fw) / 2, y + 1.0, fw, fh, crop, bid))
            yy = y + plines * g.leading
            for it in caption:
                out += it.emit(x, yy)
                yy += it.lines * g.leading
            return out

        return reserved, draw, has_picture, pw

    # ------------------------------------------------------------------ column block
    def column(self, block: ColumnBlock, images) -> MeasuredBlock:
        g = self.g
        problems: list[Problem] = []
        bid = block.id
        scale = block.placement.headline_scale
        base = STYLES["column_headline"].size(g.body) * scale
        # never shrunk below its class: a headline too long for one line breaks into lines, so
        # that every headline on a page is its class's size or one class up (≤ 1.25×)
        head = self.headline(block.headline, bid, max_size=base, min_size=base, problems=problems)
        head_big = self.headline(block.headline, bid, max_size=base * HEADLINE_PEER_RATIO, min_size=base,
                                 problems=[]) if block.headline.strip() else None
        if block.kicker.strip() or block.tables or (block.photos and self.photos_across()):
            head = self.column_head(block, head, images, problems)
            if head_big is not None:
                head_big = self.column_head(block, head_big, images, [])
        items: list[FlowItem] = []
        for part in block.flow():
            if isinstance(part, Paragraph):
                items += self.paragraph_items(part, g.col_chars, bid, problems=problems)
            elif isinstance(part, ColumnPhoto):
                if not self.photos_across():
                    items += self.photo_items(part, bid, images, problems)
            elif not self.is_wide(part):
                items += self.table_items(part, bid, problems)

        # caption under the portrait: name (Hei, larger), organisation and title lines
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
        reserved, top, has_picture, pw = self.portrait_top(block.portrait, lines_text, self.spec.width_columns, bid,
                                                           images, problems)
        if block.person and block.person.name.strip() and not has_picture:
            problems.append(Problem("missing_portrait", bid, f"{display_name(block, short=True)}: {block.person.name} 没有照片",
                                    role="name", text=block.person.name))
        return MeasuredBlock(block, head, items, reserved, top, problems=problems, portrait_cols=pw,
                             has_picture=has_picture, head_big=head_big)

    # ------------------------------------------------------------------ a column's kicker, photos, tables
    def is_wide(self, table: ColumnTable) -> bool:
        """A table that does not fit one column unwrapped is set across the whole block."""
        return inserts.natural_width(table, self.g, self.fonts) > self.g.col_w + 0.01

    def column_head(self, block: ColumnBlock, headline, images, problems: list[Problem]):
        """The kicker (引题) over the headline and, under it, the block's tables too wide for a
        column (and its news photos when the columns are too narrow for them), as one head."""
        g = self.g
        kicker = None
        if block.kicker.strip():
            kicker = self.headline(block.kicker, block.id, max_size=STYLES["title_line"].size(g.body) * 1.15,
                                   min_size=g.body * 0.8, problems=problems, role="kicker", gap_lines=0)
        tables = [inserts.wide_table_head(t, g, self.fonts, block.id, problems) for t in block.tables
                  if self.is_wide(t)]
        if self.photos_across():
            tables = [self.photo_across(p, block.id, images, problems) for p in block.photos] + tables
        done: dict[int, tuple] = {}

        def at(span: int):
            if span not in done:
                parts = ([kicker(span)] if kicker else []) + [headline(span)] + [t(span) for t in tables]
                if not block.headline.strip() and tables:
                    parts = [p for p in parts if p[0]]
                total = sum(n for n, _d in parts)

                def draw(x: float, top: float, w: float, parts=parts) -> list[Item]:
                    out: list[Item] = []
                    y = top
                    for n, d in parts:
                        out += d(x, y, w)
                        y += n * g.leading
                    return out

                done[span] = (total, draw)
            return done[span]

        return at

    def photos_across(self) -> bool:
        """Columns narrower than this print a news photo too small to read: it is set across the
        block under the headline instead, as a picture block beside the text would be."""
        return self.g.col_w < PHOTO_MIN_COLUMN_MM * MM

    def photo_across(self, photo: ColumnPhoto, bid: str, images, problems: list[Problem]):
        """span -> (lines, draw(x, top, w)) of a news photo as wide as the block, caption under it."""
        g = self.g
        image = photo.picture.image
        size = images.size(image) if image else None
        crop, aspect = inserts.photo_crop(photo, size)
        done: dict[int, tuple] = {}

        def at(span: int):
            if span not in done:
                w = g.span_w(span)
                h, lines = inserts.photo_lines(g, w, aspect)
                cap = self.paragraph_items(photo.caption, g.span_chars(span), bid, role="caption", indent_em=0,
                                           align="justify", size=self.caption_size(), problems=problems) \
                    if photo.caption.strip() else []
                pic = inserts.photo_items_draw(image, crop, w, h, bid) if image else None
                pic_lines = lines if image else 0

                stacked = _picture_over_caption(pic, pic_lines, cap, g.leading)
                done[span] = (pic_lines + sum(i.lines for i in cap) + 1,
                              lambda x, top, _w, stacked=stacked: stacked(x, top))
            return done[span]

        return at

    def photo_items(self, photo: ColumnPhoto, bid: str, images, problems: list[Problem]) -> list[FlowItem]:
        """A news photo one column wide, its caption under it, kept together, a line of air below."""
        g = self.g
        image = photo.picture.image
        size = images.size(image) if image else None
        why = images.bad(image) if image and hasattr(images, "bad") else None
        if why:
            problems.append(Problem("bad_image", bid, f"照片 {image[:12]}… {why}"))
        crop, aspect = inserts.photo_crop(photo, size)
        h, lines = inserts.photo_lines(g, g.col_w, aspect)
        if size and size[0] * crop[2] / (g.col_w / 72.0) < MIN_PPI:  # as the portraits are checked
            ppi = size[0] * crop[2] / (g.col_w / 72.0)
            problems.append(Problem("low_res", bid, f"新闻图片分辨率只有 {ppi:.0f} ppi（印刷需要 {MIN_PPI} ppi）",
                                    numbers=(("ppi", ppi),)))
        cap = self.paragraph_items(photo.caption, g.col_chars, bid, role="caption", indent_em=0, align="justify",
                                   size=self.caption_size(), problems=problems) if photo.caption.strip() else []
        pic_lines = lines if image else 0
        draw_pic = inserts.photo_items_draw(image, crop, g.col_w, h, bid) if image else None
        if not pic_lines and not cap:
            return []

        # one item: the photo and its caption never part at a column foot
        emit = _picture_over_caption(draw_pic, pic_lines, cap, g.leading)
        return [FlowItem(pic_lines + sum(i.lines for i in cap), emit, sum(i.chars for i in cap), para_start=True),
                FlowItem(1, lambda x, y: [])]

    def table_items(self, table: ColumnTable, bid: str, problems: list[Problem]) -> list[FlowItem]:
        """One item per row at the column width, a line of air below; a small table is kept
        whole, a long one at least keeps its heading with the first row."""
        rows = inserts.table_rows(table, self.g.col_w, self.g, self.fonts, bid, problems)
        small = len(rows) <= SMALL_TABLE_ROWS  # a small table stays whole; a long one keeps its heading
        items = [FlowItem(n, d, chars, keep=(k < table.header_rows or small) and k < len(rows) - 1)
                 for k, (n, chars, d) in enumerate(rows)]
        if items:
            items.append(FlowItem(1, lambda x, y: []))
        return items

    # ------------------------------------------------------------------ speech block
    def speech(self, block: SpeechBlock, images=None) -> MeasuredBlock:
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
        reserved, top, has_picture, pw = 0, None, False, 1
        if block.portrait is not None and block.portrait.image and images is not None:
            who = block.speaker.name
            lines_text = [(cjk.spaced_name(who) if self.spaced_names else who, "name", STYLES["name"].rel)] \
                if who.strip() else []
            lines_text += [(t, "title_line", STYLES["title_line"].rel) for t in block.speaker.titles]
            reserved, top, has_picture, pw = self.portrait_top(block.portrait, lines_text,
                                                               self.spec.leader_width_columns, bid, images, problems)
        return MeasuredBlock(block, head, items, reserved, top, inset=g.body / 2, pad_lines=1, frame=True,
                             problems=problems, portrait_cols=pw, has_picture=has_picture)

    # ------------------------------------------------------------------ picture block
    def picture_block(self, block: PictureBlock, images) -> MeasuredBlock:
        """A photo as wide as its span (down to PICTURE_MIN_SHARE of it, or taller with its sides
        cropped down to PICTURE_MIN_CROP_W, to level a row), its height from the crop's shape,
        the caption under it."""
        g = self.g
        problems: list[Problem] = []
        bid = block.id
        pic = block.picture
        size = images.size(pic.image) if pic.image else None
        c = pic.crop
        aspect = (c.h * size[1]) / max(c.w * size[0], 1e-9) if size else self.spec.aspect
        crop = (c.x, c.y, c.w, c.h)
        captions: dict[int, list[FlowItem]] = {}

        def caption(span: int) -> list[FlowItem]:
            if span not in captions:
                captions[span] = self.paragraph_items(block.caption, g.span_chars(span), bid, role="caption",
                                                      indent_em=0, align="left", size=self.caption_size(),
                                                      problems=problems) \
                    if block.caption.strip() else []
            return captions[span]

        def lines(span: int) -> tuple[int, int]:
            cap = sum(i.lines for i in caption(span)) + (1 if caption(span) else 0)
            w = g.span_w(span)
            tallest = _lines_for(w * aspect / PICTURE_MIN_CROP_W + 2.0, g.leading, 1.0) + cap
            smallest = _lines_for(w * PICTURE_MIN_SHARE * aspect + 2.0, g.leading, 1.0) + cap
            return smallest, tallest

        def draw(x: float, top: float, w: float, n: int) -> list[Item]:
            span = max(1, round((w + g.gutter) / (g.col_w + g.gutter)))
            cap = caption(span)
            cap_lines = sum(i.lines for i in cap) + (1 if cap else 0)
            ph = min(w * aspect / PICTURE_MIN_CROP_W, (n - cap_lines) * g.leading - 2.0)
            out: list[Item] = []
            if ph > 0 and pic.image:
                if ph <= w * aspect:  # the whole crop, narrower than the span where the row is short
                    pw, frame = ph / aspect, crop
                else:  # as wide as the span, its sides cropped to the frame
                    pw, frame = w, _fit_crop(c, size, w, ph)
                out.append(Picture(pic.image, x + (w - pw) / 2, top + 1.0, pw, ph, frame, bid))
            yy = top + _lines_for(max(ph, 0) + 2.0, g.leading, 1.0) * g.leading
            for it in cap:
                out += it.emit(x, yy)
                yy += it.lines * g.leading
            return out

        if not pic.image:
            problems.append(Problem("missing_portrait", bid, f"{bid}: 图片块没有图片"))
        head = self.headline("", bid, 1, 1, problems)
        return MeasuredBlock(block, head, [], 0, None, problems=problems, has_picture=bool(pic.image),
                             picture=(lines, draw))

    def measure(self, block: Block, images) -> MeasuredBlock:
        if isinstance(block, SpeechBlock):
            return self.speech(block, images)
        if isinstance(block, PictureBlock):
            return self.picture_block(block, images)
        return self.column(block, images)


def _tracking_gap(a: str, b: str) -> bool:
    """May a display line open up between ``a`` and ``b``? Not inside a Latin word or a number,
    not after an opening mark or before a closing or pause mark, not inside a dash or ellipsis."""
    if a.isspace() or b.isspace():
        return True
    if a.isascii() and a.isalnum() and b.isascii() and b.isalnum():
        return False
    if a in cjk.OPEN or b in cjk.CLOSE or b in cjk.PAUSE or b in cjk.LATIN_CLOSE or a in cjk.LATIN_OPEN:
        return False
    return not (a in cjk.DASH_CHARS and b in cjk.DASH_CHARS or a in cjk.ELLIPSIS_CHARS and b in cjk.ELLIPSIS_CHARS)


def _tracked(runs: list, natural: float, goal: float, size: float) -> tuple[list, float]:
    """A headline line letter-spaced (拉开字距) towards ``goal`` wide, by at most
    ``HEADLINE_MAX_TRACK`` em between characters, about its centre: a short headline over a wide
    block reaches into its outer columns instead of leaving white wells beside it. (runs, width)"""
    chars = [(r, i) for r in runs for i in range(len(r.text))]
    text = "".join(r.text for r in runs)
    opens = [j for j in range(1, len(text)) if _tracking_gap(text[j - 1], text[j])]
    if natural >= goal or not opens:
        return runs, natural
    extra = min(HEADLINE_MAX_TRACK * size, (goal - natural) / len(opens))
    shift = [0.0] * len(chars)
    acc = 0.0
    gaps = set(opens)
    for j in range(len(chars)):
        if j in gaps:
            acc += extra
        shift[j] = acc - extra * len(opens) / 2
    out = []
    j = 0
    for r in runs:
        n = len(r.text)
        out.append(replace(r, xs=tuple(x + shift[j + i] for i, x in enumerate(r.xs))))
        j += n
    return out, natural + extra * len(opens)


def _picture_over_caption(draw_pic, pic_lines: int, caption: list[FlowItem], leading: float):
    """draw(x, top): a photo ``pic_lines`` grid lines tall with its caption lines under it."""
    def draw(x: float, top: float) -> list[Item]:
        out = draw_pic(x, top) if draw_pic else []
        y = top + pic_lines * leading
        for it in caption:
            out += it.emit(x, y)
            y += it.lines * leading
        return out

    return draw


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

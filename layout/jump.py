"""转版: an article that does not fit on its page continues at the head of the next page.

Copy that falls between two page counts cannot fill every page by moving whole articles: one
page is short and the next over, whatever the cut. A make-up editor then jumps an article — it
runs to the foot of its page, ends with （下转第N版）, and its rest opens page N under its
headline repeated, starting （上接第M版）. The model holds this as a flag on the article
(``Placement.continues``); where it breaks is the layout's to find, so typing moves the break
and no text is ever cut in two in the model. The split here is pure model work: which text
stands on which page, and the two parts always hold exactly the article's text between them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from model.document import Block, ColumnBlock, Page, Paragraph, Placement

JUMP_TO = "（下转第{n}版）"
JUMP_FROM = "（上接第{n}版）"


def jumping(page: Page) -> ColumnBlock | None:
    """The article that closes ``page`` and continues on the next one, if any."""
    if not page.blocks or page.fixed_layout:
        return None
    last = page.blocks[-1]
    if isinstance(last, ColumnBlock) and last.placement.continues and last.paragraphs:
        return last
    return None


def page_number(page: Page, number: int) -> int:
    """The number a reader sees for page ``number`` (1-based): its label's 第N版 when it has one."""
    m = re.search(r"第\s*(\d+)\s*版", page.label or "")
    return int(m.group(1)) if m else number


def _visible(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def _index_of(text: str, visible: int) -> int:
    """The string index in ``text`` after its first ``visible`` non-space characters."""
    if visible <= 0:
        return 0
    seen = 0
    for i, ch in enumerate(text):
        if not ch.isspace():
            seen += 1
            if seen == visible:
                return i + 1
    return len(text)


def body_chars(block: ColumnBlock) -> int:
    """Characters of the article's paragraphs (what its flow's text lines carry)."""
    return sum(_visible(p.text) for p in block.paragraphs)


def group_headline(blocks: list, index: int) -> str:
    """The headline the article ``blocks[index]`` stands under: its own, or its group's (the
    nearest column before it with one, through columns without)."""
    for b in reversed(blocks[:index + 1]):
        if not isinstance(b, ColumnBlock):
            break
        if b.headline.strip():
            return b.headline
    return ""


def split(block: ColumnBlock, keep: int, to_page: int, from_page: int,
          headline: str = "") -> tuple[ColumnBlock, ColumnBlock] | None:
    """``block`` cut after ``keep`` characters of its paragraphs: (the part on its own page,
    ending （下转第to_page版）; the continuation, headed by the same headline — ``headline``, its
    group's, for an article without one of its own — and starting （上接第from_page版）, with no
    portrait or name). Photos and tables go with the paragraph they stand before. None when
    either part would hold no text: then nothing jumps."""
    total = body_chars(block)
    if keep <= 0 or keep >= total:
        return None
    i = seen = 0
    while seen + _visible(block.paragraphs[i].text) <= keep:  # ends: keep < total
        seen += _visible(block.paragraphs[i].text)
        i += 1
    para = block.paragraphs[i]
    cut = _index_of(para.text, keep - seen)
    # a break never leaves a punctuation mark to open the continuation
    while cut < len(para.text) and para.text[cut] in "，。、；：！？”’）》」』…—":
        cut += 1
    if not para.text[cut:].strip():  # the break falls at the paragraph's end: the next one jumps
        i, cut = i + 1, 0
    paras = block.paragraphs
    if cut:
        first = [*paras[:i], replace(paras[i], text=paras[i].text[:cut])]
        rest = [Paragraph(paras[i].text[cut:].lstrip()), *paras[i + 1:]]
    else:
        first, rest = list(paras[:i]), list(paras[i:])
    if not first or not rest:
        return None
    first[-1] = replace(first[-1], text=first[-1].text + JUMP_TO.format(n=to_page))
    rest[0] = replace(rest[0], text=JUMP_FROM.format(n=from_page) + rest[0].text)
    # a photo or table stands before paragraph ``after``: those before the break stay with it
    stays = i + (1 if cut else 0)
    part = replace(block, paragraphs=first, photos=[p for p in block.photos if p.after < stays],
                   tables=[t for t in block.tables if t.after < stays])
    cont = ColumnBlock(id=block.id, region=block.region, headline=block.headline or headline, paragraphs=rest,
                       placement=Placement(headline_scale=block.placement.headline_scale),
                       photos=[replace(p, after=p.after - i) for p in block.photos if p.after >= stays],
                       tables=[replace(t, after=t.after - i) for t in block.tables if t.after >= stays])
    return part, cont


def opened_by(page: Page, carried: Block | None) -> Page:
    """``page`` as laid out: with the continuation ``carried`` from the page before at its head."""
    if carried is None:
        return page
    return replace(page, blocks=[carried, *page.blocks])

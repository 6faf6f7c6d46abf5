"""Every piece of user text in a bulletin, with its address and role, in reading order — and the
names users know the items by.

The one text walker of the tree: character counts, proofreading, the import checks and the
tests all walk the model through it, so a field added to the model is counted, proofread and
exported everywhere once it is listed here, and every finding carries the same kind of address.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from model.document import Banner, Bulletin, ColumnBlock, HeadlineGroup, Page, PictureBlock, SpeechBlock

Role = Literal["body", "heading", "subtitle", "kicker", "banner", "name", "title_line", "organisation",
               "label", "bullet", "attribution", "caption", "table"]

#: Roles that are display lines (no sentence inside, no final 。).
DISPLAY_ROLES: frozenset[str] = frozenset({"heading", "subtitle", "kicker", "banner", "name", "organisation",
                                           "label", "title_line"})
#: Roles set as running text.
PROSE_ROLES: frozenset[str] = frozenset({"body", "bullet", "attribution", "caption"})


@dataclass(frozen=True)
class TextRef:
    block_id: str
    field: str
    index: int | None
    role: Role
    text: str
    order: int  # position in reading order, to sort findings


def iter_item_texts(item: Banner | HeadlineGroup | SpeechBlock | ColumnBlock | PictureBlock,
                    ) -> Iterator[tuple[str, int | None, Role, str]]:
    """(field, index, role, text) of one page item, in reading order."""
    if isinstance(item, Banner):
        for i, line in enumerate(item.lines):
            yield "lines", i, "banner", line
    elif isinstance(item, HeadlineGroup):
        yield "kicker", None, "kicker", item.kicker
        yield "title", None, "heading", item.title
        yield "subtitle", None, "subtitle", item.subtitle
    elif isinstance(item, SpeechBlock):
        for si, s in enumerate(item.sections):
            yield f"sections[{si}].label", None, "label", s.label
            yield f"sections[{si}].heading", None, "heading", s.heading
            for i, b in enumerate(s.bullets):
                yield f"sections[{si}].bullets", i, "bullet", b
            for i, p in enumerate(s.paragraphs):
                yield f"sections[{si}].paragraphs", i, "body", p.text
        yield "attribution", None, "attribution", item.attribution
        yield "speaker.name", None, "name", item.speaker.name
        for i, t in enumerate(item.speaker.titles):
            yield "speaker.titles", i, "title_line", t
    elif isinstance(item, PictureBlock):
        yield "caption", None, "caption", item.caption
    elif isinstance(item, ColumnBlock):
        yield "kicker", None, "kicker", item.kicker
        yield "headline", None, "heading", item.headline
        if item.person is not None:
            yield "person.name", None, "name", item.person.name
            for i, t in enumerate(item.person.titles):
                yield "person.titles", i, "title_line", t
        yield "organisation", None, "organisation", item.organisation
        for i, p in enumerate(item.paragraphs):
            yield "paragraphs", i, "body", p.text
        for i, ph in enumerate(item.photos):
            yield f"photos[{i}].caption", None, "caption", ph.caption
        for t, table in enumerate(item.tables):
            for r, row in enumerate(table.rows):
                for c, cell in enumerate(row.cells):
                    yield f"tables[{t}].rows[{r}].cells", c, "table", cell


def page_items(page: Page) -> Iterator[Banner | HeadlineGroup | SpeechBlock | ColumnBlock | PictureBlock]:
    """The page's banner, headline group and blocks, in reading order."""
    if page.banner is not None:
        yield page.banner
    if page.headline is not None:
        yield page.headline
    yield from page.blocks


def iter_texts(bulletin: Bulletin) -> Iterator[TextRef]:
    n = 0
    for page in bulletin.pages:
        for item in page_items(page):
            for field, index, role, text in iter_item_texts(item):
                n += 1
                yield TextRef(item.id, field, index, role, text, n)


#: The fixed words in item names; the GUI passes them translated into its UI language.
NAME_WORDS: Mapping[str, str] = {
    "page": "第 {} 页",
    "speech": "讲话摘编",
    "banner": "版头",
    "headline": "标题",
    "column": "（未命名栏目）",
    "picture": "图片",
}


def display_name(item: object, page_number: int = 0, *, short: bool = False,
                 words: Mapping[str, str] = NAME_WORDS) -> str:
    """How a user knows an item: in the outline, the problems list, reports and undo texts.

    ``short`` names a column by its region (or person, or organisation) alone, for reports
    that list many blocks; the full name adds the person and the headline.
    """
    if isinstance(item, Page):
        return words["page"].format(page_number) + (f" · {item.label}" if item.label else "")
    if isinstance(item, SpeechBlock):
        return words["speech"] + (f"  {item.speaker.name}" if item.speaker.name and not short else "")
    if isinstance(item, ColumnBlock):
        who = item.person.name if item.person and item.person.name else item.organisation
        if short:
            return item.region or who or item.headline or words["column"]
        parts = [p for p in (item.region, who, item.headline) if p]
        return " · ".join(parts) if parts else words["column"]
    if isinstance(item, PictureBlock):
        return words["picture"] + (f"  {item.caption[:16]}" if item.caption and not short else "")
    if isinstance(item, Banner):
        return words["banner"] + ("  " + " ".join(item.lines) if item.lines and not short else "")
    if isinstance(item, HeadlineGroup):
        return words["headline"] + (f"  {item.title}" if item.title and not short else "")
    return str(getattr(item, "id", item))

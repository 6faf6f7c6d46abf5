"""Every piece of user text in a bulletin, with its address and role, in reading order.

Checks work on these instead of walking the model themselves, so a field added to the model is
proofread everywhere once it is listed here, and every finding carries the same kind of address.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from model.document import Bulletin, ColumnBlock, SpeechBlock

Role = Literal["body", "heading", "subtitle", "kicker", "banner", "name", "title_line", "organisation",
               "label", "bullet", "attribution"]

#: Roles that are display lines (no sentence inside, no final 。).
DISPLAY_ROLES: frozenset[str] = frozenset({"heading", "subtitle", "kicker", "banner", "name", "organisation",
                                           "label", "title_line"})
#: Roles set as running text.
PROSE_ROLES: frozenset[str] = frozenset({"body", "bullet", "attribution"})


@dataclass(frozen=True)
class TextRef:
    block_id: str
    field: str
    index: int | None
    role: Role
    text: str
    order: int  # position in reading order, to sort findings


def iter_texts(bulletin: Bulletin) -> Iterator[TextRef]:
    n = 0

    def ref(block_id: str, field: str, index: int | None, role: Role, text: str) -> TextRef:
        nonlocal n
        n += 1
        return TextRef(block_id, field, index, role, text, n)

    for page in bulletin.pages:
        if page.banner is not None:
            for i, line in enumerate(page.banner.lines):
                yield ref(page.banner.id, "lines", i, "banner", line)
        if page.headline is not None:
            h = page.headline
            yield ref(h.id, "kicker", None, "kicker", h.kicker)
            yield ref(h.id, "title", None, "heading", h.title)
            yield ref(h.id, "subtitle", None, "subtitle", h.subtitle)
        for block in page.blocks:
            if isinstance(block, SpeechBlock):
                for si, s in enumerate(block.sections):
                    yield ref(block.id, f"sections[{si}].label", None, "label", s.label)
                    yield ref(block.id, f"sections[{si}].heading", None, "heading", s.heading)
                    for i, b in enumerate(s.bullets):
                        yield ref(block.id, f"sections[{si}].bullets", i, "bullet", b)
                    for i, p in enumerate(s.paragraphs):
                        yield ref(block.id, f"sections[{si}].paragraphs", i, "body", p.text)
                yield ref(block.id, "attribution", None, "attribution", block.attribution)
                yield ref(block.id, "speaker.name", None, "name", block.speaker.name)
                for i, t in enumerate(block.speaker.titles):
                    yield ref(block.id, "speaker.titles", i, "title_line", t)
            elif isinstance(block, ColumnBlock):
                yield ref(block.id, "headline", None, "heading", block.headline)
                if block.person is not None:
                    yield ref(block.id, "person.name", None, "name", block.person.name)
                    for i, t in enumerate(block.person.titles):
                        yield ref(block.id, "person.titles", i, "title_line", t)
                yield ref(block.id, "organisation", None, "organisation", block.organisation)
                for i, p in enumerate(block.paragraphs):
                    yield ref(block.id, "paragraphs", i, "body", p.text)

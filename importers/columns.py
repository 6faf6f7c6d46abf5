"""One submission, one column: the fragments a reading of lines makes are joined back.

Reading a file line by line, the assembler begins a column at every headline and every name,
which is right for a page of many columns (the seed page, a federation's combined file) and
wrong for one city's submission typed in another order (name and titles, then the photo, then
the headline): that would be two columns, one with a name and no text, one with text and no
name. So a file is one column unless it holds several *complete* contributions (headline, name
or unit, and text each) or a speech; then only the fragments are joined to their neighbour.
The short lines a single submission opens with (引题, headline) become the column's kicker and
headline, never a page banner; what still has no place is set aside (not printed) with its file
and line in the report, where the review dialog shows it inside the column.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from model.document import ColumnBlock, ColumnPhoto, Page, SpeechBlock

if TYPE_CHECKING:
    from importers.structure import Assembler


def is_complete(col: ColumnBlock) -> bool:
    """A contribution of its own: somebody's (a name or a unit) text."""
    return bool((col.person or col.organisation.strip()) and col.paragraphs)


def is_fragment(col: ColumnBlock) -> bool:
    return not col.paragraphs or not (col.headline.strip() or col.person or col.organisation.strip())


def _page_of(asm: Assembler, col: ColumnBlock) -> Page:
    return next(p for p in asm.bulletin.pages if any(b is col for b in p.blocks))


def _line_of(asm: Assembler, text: str, roles: tuple[str, ...]):
    """The source line that gave ``text`` in one of ``roles`` (for the review and the report)."""
    for tok in asm.tokens:
        if tok.text == text and asm.roles.get(id(tok.line)) in roles:
            return tok.line
    return None


def _set_aside(asm: Assembler, text: str, roles: tuple[str, ...], why: str) -> None:
    line = _line_of(asm, text, roles)
    if line is not None:
        asm.role(line, "set_aside")
    asm.report.set_aside_line(asm.source, line.number if line else None, text, why)


def fold(asm: Assembler, into: ColumnBlock, other: ColumnBlock, why: str) -> None:
    """Join column ``other`` to ``into`` in reading order; ``into`` keeps its place and id."""
    order = asm.all_columns()
    here, there = asm.column_region(into), asm.column_region(other)
    if here and there and here != there:
        line = asm.column_first.get(id(other))
        asm.report.add("warning", asm.source, line.number if line else None,
                       f"text naming {there} joined to the column of {here}: one file is one column; check it",
                       other.paragraphs[0].text if other.paragraphs else "")
    first, second = (into, other) if order.index(into) < order.index(other) else (other, into)
    shift = len(first.paragraphs)
    photos = first.photos + [ColumnPhoto(p.picture, p.caption, p.after + shift) for p in second.photos]
    tables = list(first.tables)
    for t in second.tables:
        t.after += shift
        tables.append(t)
    paragraphs = first.paragraphs + second.paragraphs
    headline = first.headline or second.headline
    if first.headline and second.headline:
        _set_aside(asm, second.headline, ("headline",), "a second headline in one submission")
    kicker = first.kicker or second.kicker
    person = first.person or second.person
    if first.person and second.person:
        tok = next((t for t in asm.tokens if t.kind.value == "person" and t.text == second.person.name), None)
        for line, _role in tok.members if tok is not None else []:
            asm.role(line, "set_aside")
        asm.report.set_aside_line(asm.source, tok.line.number if tok else None,
                                  " ".join([second.person.name, *second.person.titles]), "a second name in one submission")
    organisation = first.organisation or second.organisation
    if first.organisation and second.organisation:
        _set_aside(asm, second.organisation, ("unit",), "a second unit line in one submission")
    portrait = first.portrait or second.portrait
    if first.portrait and second.portrait:  # the second portrait is still the city's picture: print it
        photos.append(ColumnPhoto(second.portrait, "", shift))
    into.paragraphs, into.photos, into.tables = paragraphs, photos, tables
    into.headline, into.kicker, into.person, into.organisation, into.portrait = (headline, kicker, person,
                                                                                 organisation, portrait)
    page = _page_of(asm, other)
    page.blocks = [b for b in page.blocks if b is not other]
    asm.report.columns -= 1
    first_line = asm.column_first.get(id(other))
    asm.report.add("info", asm.source, first_line.number if first_line else None, why,
                   other.headline or (other.person.name if other.person else "") or other.organisation)
    if first_line is not None and id(other) in asm.column_first:
        asm.column_first.setdefault(id(into), first_line)


def _neighbour(cols: list[ColumnBlock], col: ColumnBlock) -> ColumnBlock | None:
    i = cols.index(col)
    return cols[i - 1] if i > 0 else (cols[i + 1] if i + 1 < len(cols) else None)


def one_column_per_submission(asm: Assembler) -> None:
    """The user's merges first, then: a single submission becomes one column, a combined file
    keeps its complete columns and joins each fragment to its neighbour."""
    for col in list(asm.all_columns()):
        line = asm.column_first.get(id(col))
        cols = asm.all_columns()
        if line is not None and id(line) in asm.merge_at and cols.index(col) > 0:
            fold(asm, cols[cols.index(col) - 1], col, "column joined to the one before it (merged in the review)")
    cols = asm.all_columns()
    speech = any(isinstance(b, SpeechBlock) for _, b in asm.bulletin.iter_blocks())
    if speech or sum(1 for c in cols if is_complete(c)) >= 2:
        for col in list(cols):
            cols = asm.all_columns()
            if col in cols and len(cols) > 1 and is_fragment(col):
                target = _neighbour(cols, col)
                if target is not None:
                    fold(asm, target, col, "part of a column (no text, or no headline and no name) joined to "
                                           "its neighbour")
        _drop_empty_pages(asm)
        return
    if not cols:
        return
    # the column that has most of a column (name, headline, text) keeps its place
    target = max(cols, key=lambda c: (bool(c.person or c.organisation), bool(c.headline), len(c.paragraphs)))
    for col in [c for c in cols if c is not target]:
        fold(asm, target, col, "one submission, one column: this part joined to it")
    _page_heads_into_column(asm, target)
    if len(cols) > 1:  # the "column of its own" of text above the headline is this column now
        own = "text before any headline or name: put into a column of its own"
        asm.report.items = [
            it if it.message != own or it.source != asm.source else
            type(it)("info", it.source, it.line, "text before the headline or name: kept as the column's text", it.text)
            for it in asm.report.items]
    # the column goes on the first page that held any of the file's material
    _drop_empty_pages(asm)


def _page_heads_into_column(asm: Assembler, col: ColumnBlock) -> None:
    """A single submission's short opening lines are its column's kicker and headline."""
    for page in asm.bulletin.pages:
        texts: list[tuple[str, str]] = []  # (text, role it was given)
        if page.banner is not None:
            texts += [(t, "banner") for t in page.banner.lines]
        if page.headline is not None:
            h = page.headline
            texts += [(t, r) for t, r in ((h.kicker, "kicker"), (h.title, "page_title"), (h.subtitle, "subtitle")) if t]
        page.banner = None
        page.headline = None
        if not texts:
            continue
        if not col.headline:
            text, role = texts.pop(next((i for i, (_t, r) in enumerate(texts) if r == "page_title"), len(texts) - 1))
            col.headline = text
            line = _line_of(asm, text, (role,))
            if line is not None:
                asm.role(line, "headline")
        if texts and not col.kicker:
            text, role = texts.pop(len(texts) - 1 if texts[-1][1] != "subtitle" else 0)
            col.kicker = text
            line = _line_of(asm, text, (role,))
            if line is not None:
                asm.role(line, "kicker")
        for text, role in texts:
            _set_aside(asm, text, (role,), "a short line with no place in the column")
    if asm.bulletin.issue_title and not any(p.headline for p in asm.bulletin.pages):
        asm.bulletin.issue_title = ""


def _drop_empty_pages(asm: Assembler) -> None:
    asm.bulletin.pages = [p for p in asm.bulletin.pages if p.blocks or p.banner or p.headline]
    if asm.page is not None and asm.page not in asm.bulletin.pages:
        asm.page = asm.bulletin.pages[-1] if asm.bulletin.pages else None

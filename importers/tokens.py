"""Lines → tokens: person captions grouped, ◎ lines unwrapped, year labels confirmed.

A token is one unit the assembler places: a person caption is a name line plus the title lines
under it; everything else is one line. Decisions that need only the neighbouring lines are made
here (is "2020" a speech label? is this short line just the rest of a hard-wrapped paragraph?).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from importers.lines import (
    Kind,
    SourceLine,
    bullet_text,
    classify,
    is_name,
    is_org,
    is_terminated,
    is_title,
    split_name_and_titles,
)

_HEADING_STYLES = ("heading", "title", "subtitle", "标题", "副标题")


class T(Enum):
    HEADING = "heading"
    YEAR = "year"
    BULLET = "bullet"
    ATTRIBUTION = "attribution"
    PERSON = "person"
    ORG = "org"
    BODY = "body"
    PICTURE = "picture"
    CAPTION = "caption"
    TABLE = "table"


#: Roles the user can force on a line in the review dialog (importers.review); "set_aside":
#: not printed, kept in the report with its file and line.
FORCEABLE = ("headline", "name", "title", "unit", "body", "caption", "set_aside")


@dataclass
class Token:
    kind: T
    text: str
    line: SourceLine
    titles: list[str] = field(default_factory=list)  # PERSON
    picture: tuple[str, bytes] | None = None  # PICTURE: (name in the source, bytes)
    unit: str = ""  # PERSON: the organisation line typed with the caption (某某县总工会)
    members: list[tuple[SourceLine, str]] = field(default_factory=list)  # PERSON: (line, name/title/unit)
    forced: bool = False  # the user chose this token's role in the review dialog
    rows: list[list[str]] = field(default_factory=list)  # TABLE: cells, row by row
    lines: list[SourceLine] = field(default_factory=list)  # TABLE: every line it was read from


def _docx_kind(line: SourceLine, kind: Kind) -> Kind:
    """Word tells us more than text does: a heading style or a short all-bold line is a heading."""
    style = line.style.lower()
    short = len(line.text) <= 40 and not is_terminated(line.text)
    if kind is Kind.BODY and short and (style.startswith(_HEADING_STYLES) or line.bold_all):
        return Kind.HEADING
    return kind


def _member_role(lines: list[SourceLine], j: int, have_name: bool, have_unit: bool,
                 overrides: dict[int, str]) -> str | None:
    """What line ``j`` is inside a caption group (name / title / unit), or None if it is not one.

    A line such as 主席 is both name-shaped and a title: it is the title when the group already
    has its name or the name follows right under it.
    """
    forced = overrides.get(j)
    if forced is not None:
        return forced if forced in ("name", "title", "unit") else None
    text = lines[j].text
    if not text:
        return None
    title = is_title(text)
    if is_name(text) and not have_name:
        nxt = lines[j + 1].text if j + 1 < len(lines) and j + 1 not in overrides else ""
        if not (title and nxt and is_name(nxt) and not is_title(nxt)):
            return "name"
    if title:
        return "title"
    if is_org(text) and not have_unit:
        return "unit"
    return None


def _caption_group(lines: list[SourceLine], i: int, overrides: dict[int, str], titles_first: bool
                   ) -> list[tuple[int, str]] | None:
    """Contiguous lines from ``i`` forming one person caption, as (index, role), or None.

    A caption has exactly one name and at least one title or unit line (a name the user marked
    needs neither). ``titles_first`` allows the name below its titles (市总工会主席 / 薛振虎).
    """
    members: list[tuple[int, str]] = []
    j = i
    while j < len(lines) and len(members) < 8:
        role = _member_role(lines, j, any(r == "name" for _, r in members), any(r == "unit" for _, r in members),
                            overrides)
        # one name and one unit line to a caption: a second (the user may force one) starts anew
        if role is None or role in ("name", "unit") and any(r == role for _, r in members):
            break
        members.append((j, role))
        j += 1
    roles = [r for _, r in members]
    if roles.count("name") != 1:
        return None
    if roles[0] != "name" and not titles_first:
        return None
    name_at = roles.index("name")
    if roles[0] != "name" and name_at != len(roles) - 1 and overrides.get(i) is None:
        return None  # titles first: the name closes the group
    if len(roles) == 1 and overrides.get(members[0][0]) != "name":
        return None
    if roles[0] == "unit" and "title" not in roles and name_at == len(roles) - 1:
        return None  # 某某县总工会 / 王芳: the unit line above a bare name is no caption
    return members


def tokenise(lines: list[SourceLine], *, hard_wrapped: bool, overrides: dict[int, str] | None = None
             ) -> list[Token]:
    """Group lines into tokens. ``hard_wrapped``: adjacent lines may be one paragraph (.txt).

    ``overrides`` maps a line's index to a role the user chose (see FORCEABLE); it wins over
    every guess.
    """
    overrides = overrides or {}
    tokens: list[Token] = []
    n = len(lines)
    i = 0
    prev_open_body: SourceLine | None = None  # an unterminated body line directly above
    while i < n:
        line = lines[i]
        for pic in line.pictures:
            tokens.append(Token(T.PICTURE, "", line, picture=pic))
        text = line.text
        if not text:
            prev_open_body = None
            i += 1
            continue
        forced = overrides.get(i)
        if forced == "set_aside":
            prev_open_body = None
            i += 1
            continue
        table = _table_at(lines, i, overrides) if forced is None else None
        if table is not None:
            tok, i = table
            tokens.append(tok)
            prev_open_body = None
            continue
        continues = hard_wrapped and prev_open_body is not None and prev_open_body.number == line.number - 1
        if forced in (None, "name", "title", "unit"):
            group = _caption_group(lines, i, overrides, titles_first=not continues)
            if group is not None and (forced is not None or classify(text) is not Kind.BODY or len(group) > 1):
                tokens.append(_person(lines, group))
                for k, _ in group[1:]:
                    tokens.extend(Token(T.PICTURE, "", lines[k], picture=p) for p in lines[k].pictures)
                prev_open_body = None
                i = group[-1][0] + 1
                continue
        if forced == "unit" or forced == "title":
            last = tokens[-1] if tokens else None
            if last is not None and last.kind is T.PERSON:
                if forced == "unit" and not last.unit:
                    last.unit = text
                else:
                    last.titles.append(text)
                last.members.append((line, forced))
                i += 1
                continue
            tokens.append(Token(T.ORG if forced == "unit" else T.HEADING, text, line))
            i += 1
            continue
        if forced in ("headline", "body", "caption"):
            kind_t = {"headline": T.HEADING, "body": T.BODY, "caption": T.CAPTION}[forced]
            tokens.append(Token(kind_t, text, line, forced=True))
            prev_open_body = None
            i += 1
            continue
        one_line = split_name_and_titles(text)
        if one_line is not None and not continues:
            name, titles, unit = one_line
            tokens.append(Token(T.PERSON, name, line, titles=titles, unit=unit, members=[(line, "name")]))
            prev_open_body = None
            i += 1
            continue
        kind = _docx_kind(line, classify(text))
        if continues and kind in (Kind.HEADING, Kind.NAME, Kind.TITLE, Kind.ORG, Kind.CAPTION):
            kind = Kind.BODY  # the rest of a hard-wrapped paragraph, not a headline
        elif hard_wrapped and kind is Kind.HEADING and _wrapped_start(line, lines[i + 1] if i + 1 < n else None):
            kind = Kind.BODY  # the first line of a hard-wrapped paragraph
        if kind is Kind.BULLET:
            bullet, marker = bullet_text(text) or (text, "")
            line.removed_prefix = marker
            tokens.append(Token(T.BULLET, bullet, line))
        elif kind is Kind.ORG:
            tokens.append(Token(T.ORG, text, line))
        elif kind is Kind.CAPTION:
            tokens.append(Token(T.CAPTION, text, line))
        elif kind in (Kind.HEADING, Kind.NAME, Kind.TITLE):
            tokens.append(Token(T.HEADING, text, line))
        else:
            tokens.append(Token({Kind.YEAR: T.YEAR, Kind.ATTRIBUTION: T.ATTRIBUTION}.get(kind, T.BODY), text, line))
        prev_open_body = line if tokens[-1].kind is T.BODY and not is_terminated(text) else None
        i += 1
    _confirm_year_labels(tokens)
    return tokens


#: Cells of a plain-text table: separated by a tab or by two or more spaces (ASCII or 　).
_CELL_SEP = re.compile(r"\t+|[ \u3000]{2,}|\u3000")
_DIGIT = re.compile(r"[0-9０-９]")
MAX_CELL = 40


def _text_cells(text: str) -> list[str] | None:
    cells = [c.strip() for c in _CELL_SEP.split(text.strip())]
    if len(cells) < 2 or any(not c or len(c) > MAX_CELL for c in cells):
        return None
    return cells


def _table_at(lines: list[SourceLine], i: int, overrides: dict[int, str]) -> tuple[Token, int] | None:
    """A table starting at line ``i`` as (TABLE token, index after it), or None.

    A Word table of at least two rows and two columns with no picture in it is a table of
    figures (a table that holds the photo and its caption is page furniture, read as lines).
    In text, two or more consecutive lines split by tabs or wide spaces into the same number
    of cells, some of them figures, are one; a spaced one-line caption (王芳  主席) is not.
    """
    line = lines[i]
    if line.cell is not None:
        n = line.cell[0]
        j = i
        while j < len(lines) and lines[j].cell is not None and lines[j].cell[0] == n:
            j += 1
        group = lines[i:j]
        if any(k in overrides for k in range(i, j)) or any(ln.pictures for ln in group):
            return None
        rows: dict[int, dict[int, list[str]]] = {}
        for ln in group:
            _t, r, c = ln.cell  # type: ignore[misc]
            rows.setdefault(r, {}).setdefault(c, [])
            if ln.text:
                rows[r][c].append(ln.text)
        width = max((max(cs) + 1 for cs in rows.values() if cs), default=0)
        if len(rows) < 2 or width < 2:
            return None
        cells = [["".join(rows[r].get(c, [])) for c in range(width)] for r in sorted(rows)]
        cells = [row for row in cells if any(row)]
        if len(cells) < 2:
            return None
        return Token(T.TABLE, " ".join(" ".join(r) for r in cells), line, rows=cells, lines=group), j
    first = _text_cells(line.text) if line.text else None
    if first is None:
        return None
    rows_t = [first]
    j = i + 1
    while j < len(lines) and j not in overrides and lines[j].text:
        cells_j = _text_cells(lines[j].text)
        if cells_j is None or len(cells_j) != len(first):
            break
        rows_t.append(cells_j)
        j += 1
    if len(rows_t) < 2 or not any(_DIGIT.search(c) for row in rows_t[1:] for c in row) or \
            any(k in overrides for k in range(i, j)):
        return None
    if all(split_name_and_titles(lines[k].text) is not None for k in range(i, j)):
        return None
    return Token(T.TABLE, " ".join(" ".join(r) for r in rows_t), line, rows=rows_t, lines=list(lines[i:j])), j


def _person(lines: list[SourceLine], group: list[tuple[int, str]]) -> Token:
    """The PERSON token of a caption group; the name is kept as typed (王　芳 keeps its space)."""
    name_line = next(lines[k] for k, r in group if r == "name")
    titles = [lines[k].text for k, r in group if r == "title"]
    unit = next((lines[k].text for k, r in group if r == "unit"), "")
    return Token(T.PERSON, name_line.text, lines[group[0][0]], titles=titles, unit=unit,
                 members=[(lines[k], r) for k, r in group])


def _wrapped_start(line: SourceLine, nxt: SourceLine | None) -> bool:
    """A long or comma-bearing short line with body text right under it opens a wrapped paragraph."""
    if nxt is None or not nxt.text or nxt.number != line.number + 1 or classify(nxt.text) is not Kind.BODY:
        return False
    return len(line.text) >= 15 or "，" in line.text or "," in line.text


def _confirm_year_labels(tokens: list[Token]) -> None:
    """"2020" is a speech section label only when ◎ lines follow (after at most a heading)."""
    for i, tok in enumerate(tokens):
        if tok.kind is not T.YEAR:
            continue
        after = [t.kind for t in tokens[i + 1:i + 3]]
        if not (after[:1] == [T.BULLET] or after == [T.HEADING, T.BULLET]):
            tok.kind = T.HEADING

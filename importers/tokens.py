"""Lines → tokens: person captions grouped, ◎ lines unwrapped, year labels confirmed.

A token is one unit the assembler places: a person caption is a name line plus the title lines
under it; everything else is one line. Decisions that need only the neighbouring lines are made
here (is "2020" a speech label? is this short line just the rest of a hard-wrapped paragraph?).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from importers.lines import (
    Kind,
    SourceLine,
    bullet_text,
    classify,
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


@dataclass
class Token:
    kind: T
    text: str
    line: SourceLine
    titles: list[str] = field(default_factory=list)  # PERSON
    picture: tuple[str, bytes] | None = None  # PICTURE: (name in the source, bytes)


def _docx_kind(line: SourceLine, kind: Kind) -> Kind:
    """Word tells us more than text does: a heading style or a short all-bold line is a heading."""
    style = line.style.lower()
    short = len(line.text) <= 40 and not is_terminated(line.text)
    if kind is Kind.BODY and short and (style.startswith(_HEADING_STYLES) or line.bold_all):
        return Kind.HEADING
    return kind


def tokenise(lines: list[SourceLine], *, hard_wrapped: bool) -> list[Token]:
    """Group lines into tokens. ``hard_wrapped``: adjacent lines may be one paragraph (.txt)."""
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
        kind = _docx_kind(line, classify(text))
        if kind is Kind.NAME and i + 1 < n and lines[i + 1].text and is_title(lines[i + 1].text):
            titles = []
            j = i + 1
            while j < n and lines[j].text and is_title(lines[j].text) and not lines[j].pictures:
                titles.append(lines[j].text)
                j += 1
            name = text.replace(" ", "").replace("\u3000", "")
            tokens.append(Token(T.PERSON, name, line, titles=titles))
            for k in range(i + 1, j):
                tokens.extend(Token(T.PICTURE, "", lines[k], picture=p) for p in lines[k].pictures)
            prev_open_body = None
            i = j
            continue
        one_line = split_name_and_titles(text)
        if one_line is not None:
            tokens.append(Token(T.PERSON, one_line[0], line, titles=one_line[1]))
            prev_open_body = None
            i += 1
            continue
        continues = hard_wrapped and prev_open_body is not None and prev_open_body.number == line.number - 1
        if continues and kind in (Kind.HEADING, Kind.NAME, Kind.TITLE, Kind.ORG):
            kind = Kind.BODY  # the rest of a hard-wrapped paragraph, not a headline
        elif hard_wrapped and kind is Kind.HEADING and _wrapped_start(line, lines[i + 1] if i + 1 < n else None):
            kind = Kind.BODY  # the first line of a hard-wrapped paragraph
        if kind is Kind.BULLET:
            bullet, marker = bullet_text(text) or (text, "")
            line.removed_prefix = marker
            tokens.append(Token(T.BULLET, bullet, line))
        elif kind is Kind.ORG:
            tokens.append(Token(T.ORG, text, line))
        elif kind in (Kind.HEADING, Kind.NAME, Kind.TITLE):
            tokens.append(Token(T.HEADING, text, line))
        else:
            tokens.append(Token({Kind.YEAR: T.YEAR, Kind.ATTRIBUTION: T.ATTRIBUTION}.get(kind, T.BODY), text, line))
        prev_open_body = line if tokens[-1].kind is T.BODY and not is_terminated(text) else None
        i += 1
    _confirm_year_labels(tokens)
    return tokens


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

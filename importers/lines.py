"""One line of a submission and what it looks like on its own.

A .txt line or a .docx paragraph becomes a SourceLine; ``classify`` gives each the kind its
shape suggests (a year label, a ◎ line, a name, a title line, a short headline-like line, body
text …). Context — which of those lines really is a headline, whose caption a name is — is
decided later by ``importers.structure``; this module only knows single lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from proofread.chars import HAN_RANGES
from proofread.job_titles import ends_in_job_title

HAN = HAN_RANGES  # BMP and supplementary-plane ideographs: many given names are in Ext B and later
_HAN_RE = re.compile(f"[{HAN}]")
#: Interpuncts between the parts of a 少数民族 or transliterated name (阿依古丽·买买提).
NAME_DOTS = "·•・‧∙"
#: 2–4 characters (compound surnames included: 欧阳娜娜, 司马南), or parts joined by a dot.
_NAME = re.compile(f"^[{HAN}]{{2,4}}$|^[{HAN}]{{1,10}}(?:[{NAME_DOTS}][{HAN}]{{1,10}}){{1,3}}$")
#: Spaces typed inside a name to align it with three-character names (王 芳, 王　芳, 张  静).
_NAME_SPACE = re.compile(f"^[{HAN}](?:[ \u3000]+[{HAN}]){{1,2}}$")
_TITLE = re.compile(f"^[{HAN}0-9、（）()·]{{2,30}}$")  # 第14届全国人大代表
_ORG = re.compile(f"^[{HAN}（）()]{{2,30}}(?:总工会|工会|工会委员会|工会联合会|工会工作委员会)$")
#: A picture's caption as offices type it: 图为…, （图为…）, ▲…, 图：…, or ending in …摄 / 供图.
_CAPTION = re.compile(r"^[（(]?(?:图为|图片为|[上下左右中]图[为：:（( \u3000]|图[：:]|照片[：:]|摄影[：:]|▲|△)"
                      r"|(?:[ \u3000/／]摄影?|供图)[）)]?$")
MAX_CAPTION = 80
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_BULLET = re.compile(r"^(?:[-–•·*]\s*)?(◎.*)$")
_ATTRIBUTION = re.compile(r"^[（(].{4,200}(?:讲话|发言|致辞|报告|摘编|摘要)[^（）()]{0,6}[）)]$")
#: Sentence-final marks, possibly followed by closing quotes/brackets: a paragraph ends here.
_TERMINAL = re.compile(r"(?:[。！？!?…]|……)[”’」』）)》]*$")
_NO_HEADING = re.compile(r"[。；;]")
_HEADING_BAD_END = re.compile(r"[，、：,:；;。]$")
_DATED = re.compile(r"^(?:19|20)\d\d年[，,]")  # "2020年，…" opens a column's text

MAX_HEADING = 30
MAX_SUBTITLE = 50


class Kind(Enum):
    BLANK = "blank"
    YEAR = "year"  # 2020: a speech section label
    BULLET = "bullet"  # ◎ line
    ATTRIBUTION = "attribution"  # （……讲话摘编）
    NAME = "name"  # 2–4 Han characters (a person, if title lines follow)
    TITLE = "title"  # …主席 / …书记
    ORG = "org"  # 杨凌示范区总工会
    CAPTION = "caption"  # 图为…: a picture's caption
    HEADING = "heading"  # short line without sentence punctuation
    BODY = "body"


@dataclass
class SourceLine:
    """A line of text as the source gave it, with what .docx adds (bold, style, pictures)."""

    text: str
    number: int  # 1-based line or paragraph number, for the report
    bold_lead: str = ""  # .docx: the bold text the paragraph opens with
    bold_all: bool = False  # .docx: every visible character is bold
    style: str = ""  # .docx paragraph style name ("Heading 1", "标题 1", "Title" …)
    pictures: list[tuple[str, bytes]] = field(default_factory=list)  # (name in the .docx, bytes)
    removed_prefix: str = ""  # list marker taken off (kept for the report)
    cell: tuple[int, int, int] | None = None  # .docx: (table, row, column) of a line in a table


def has_han(text: str) -> bool:
    return _HAN_RE.search(text) is not None


def is_terminated(text: str) -> bool:
    """Does this text end a sentence? A paragraph that does not is continued on a later line."""
    return _TERMINAL.search(text.rstrip()) is not None


def is_name(text: str) -> bool:
    """A person's name as typed: solid (王芳, 欧阳修文, 阿依古丽·买买提) or spaced (王 芳, 王　芳)."""
    if _NAME.match(text) is not None:
        return True
    return _NAME_SPACE.match(text) is not None and _NAME.match(re.sub(r"[ \u3000]+", "", text)) is not None


def is_caption(text: str) -> bool:
    """A picture caption (图为薛振虎在企业调研, ▲…, …／李明 摄): not body text, not a headline."""
    return len(text) <= MAX_CAPTION and _CAPTION.search(text) is not None and has_han(text)


_CREDIT_ONLY = re.compile(r"^[（(]?[^图▲△]{0,20}(?:[ \u3000/／]摄影?|供图)[）)]?$")


def is_credit(text: str) -> bool:
    """A photographer's credit alone (（本报记者 李明 摄）): it names who took a picture, not what
    it shows, so it does not make a picture an activity photo."""
    return is_caption(text) and _CREDIT_ONLY.match(text) is not None and not text.lstrip("（(").startswith(("图", "照片"))


def is_title(text: str) -> bool:
    return _TITLE.match(text) is not None and ends_in_job_title(text)


def is_org(text: str) -> bool:
    return _ORG.match(text) is not None


def is_subtitle(text: str) -> bool:
    return text.startswith(("——", "—— ", "--")) and len(text) <= MAX_SUBTITLE


def is_heading_like(text: str) -> bool:
    """Short, no sentence punctuation inside, not ending in a pause: what headlines look like."""
    if is_subtitle(text):
        return has_han(text)
    if not 1 <= len(text) <= MAX_HEADING or not has_han(text):
        return False
    if _NO_HEADING.search(text) or _HEADING_BAD_END.search(text) or _DATED.match(text):
        return False
    if text.endswith(("！", "？", "!", "?")) and len(text) > 20:
        return False
    return text.count("，") <= 2


_SPACES = re.compile(r"[ \t\u3000]+")
#: 王芳（神木县总工会主席） / 王芳(主席、常务副主席): the titles in brackets after the name.
_BRACKETED = re.compile(r"^(?P<name>[^（(]+)[（(](?P<titles>[^（）()]+)[）)]$")


def _name_parts(parts: list[str], seps: list[str]) -> list[str]:
    """Re-join single characters the splitting tore apart: "王 芳" is one spaced name, as typed."""
    out: list[str] = []
    k = 0
    while k < len(parts):
        if len(parts[k]) == 1 and k + 1 < len(parts) and len(parts[k + 1]) == 1 and has_han(parts[k] + parts[k + 1]):
            out.append(parts[k] + seps[k] + parts[k + 1])
            k += 2
        else:
            out.append(parts[k])
            k += 1
    return out


def split_name_and_titles(text: str) -> tuple[str, list[str], str] | None:
    """A caption typed on one line — "薛振虎 西安市人大常委会副主任 市总工会主席", the titles first
    ("市总工会主席 薛振虎") or with the unit ("王芳 某某县总工会 主席") — as (name, titles, unit)."""
    m = _BRACKETED.match(text)
    if m is not None and is_name(m.group("name").strip()):
        inner = [t for t in re.split(r"[ \t\u3000]+", m.group("titles").strip()) if t]
        if inner and all(is_title(t) for t in inner):
            return m.group("name").strip(), inner, ""
    seps = _SPACES.findall(text)
    parts = _name_parts(_SPACES.split(text), seps)
    if len(parts) < 2:
        return None
    for name, rest in ((parts[0], parts[1:]), (parts[-1], parts[:-1])):
        if not is_name(name) or not all(is_title(p) or is_org(p) for p in rest):
            continue
        units = [p for p in rest if is_org(p) and not is_title(p)]
        if len(units) > 1 or not any(is_title(p) for p in rest) and not units:
            continue
        return name, [p for p in rest if p not in units], units[0] if units else ""
    return None


def bullet_text(text: str) -> tuple[str, str] | None:
    """(◎ text, removed list marker) for a ◎ line, else None."""
    m = _BULLET.match(text)
    if m is None:
        return None
    return m.group(1), text[: m.start(1)]


def classify(text: str) -> Kind:
    """The kind a line's own shape suggests."""
    if not text:
        return Kind.BLANK
    if _YEAR.match(text):
        return Kind.YEAR
    if bullet_text(text) is not None:
        return Kind.BULLET
    if _ATTRIBUTION.match(text):
        return Kind.ATTRIBUTION
    if is_caption(text):
        return Kind.CAPTION
    if is_name(text):
        return Kind.NAME
    if is_org(text):
        return Kind.ORG
    if is_title(text):
        return Kind.TITLE
    if is_heading_like(text):
        return Kind.HEADING
    return Kind.BODY


def clean(text: str) -> str:
    """Strip the indentation and trailing space typists add (ASCII and ideographic spaces)."""
    return text.strip()


def text_lines(text: str) -> list[SourceLine]:
    """Split pasted or .txt text into SourceLines (any newline convention)."""
    text = text.replace("\r\r\n", "\n")  # Windows line ends converted twice: one line end, not two
    return [SourceLine(clean(line), n) for n, line in enumerate(text.splitlines(), 1)]

"""Which paragraphs open with a run-in lead sentence (政治引领更加有力。), set bold.

A Word submission says so itself — the lead is bold — and then only bold counts. Plain text
does not, so the shape decides: a short first sentence (≤ 26 characters, at most one comma),
not a dated opening (2020年，…), followed by more text. On the seed this reproduces the
printed page's bold leads exactly.
"""

from __future__ import annotations

import re

from importers.tokens import Token
from model.document import Bulletin, ColumnBlock, Paragraph, SpeechBlock

_FIRST_SENTENCE = re.compile(r"^[^。！？]*[。！？]")
_DATED = re.compile(r"^(?:19|20)\d\d年")
MAX_LEAD = 26


def looks_like_lead(text: str) -> bool:
    m = _FIRST_SENTENCE.match(text)
    if m is None or not text[m.end():].strip():
        return False
    lead = m.group(0)
    return 4 <= len(lead) <= MAX_LEAD and lead.count("，") <= 1 and not _DATED.match(lead)


def bold_lead(text: str, bold: str) -> bool:
    """The paragraph opens with a bold sentence that ends in 。！？."""
    bold = bold.strip()
    return bool(bold) and text.startswith(bold) and bold[-1] in "。！？" and len(bold) < len(text)


def _paragraphs(bulletin: Bulletin) -> list[Paragraph]:
    out: list[Paragraph] = []
    for _, block in bulletin.iter_blocks():
        if isinstance(block, ColumnBlock):
            out += block.paragraphs
        elif isinstance(block, SpeechBlock):
            out += [p for s in block.sections for p in s.paragraphs]
    return out


def detect_leads(bulletin: Bulletin, first_tokens: dict[int, Token]) -> None:
    paragraphs = _paragraphs(bulletin)
    lines = {id(p): first_tokens[id(p)].line for p in paragraphs if id(p) in first_tokens}
    word_bold = any(line.bold_lead for line in lines.values())
    for p in paragraphs:
        line = lines.get(id(p))
        if word_bold:
            p.lead = line is not None and bold_lead(p.text, line.bold_lead)
        else:
            p.lead = looks_like_lead(p.text)

"""How much one import may bring in: what a bulletin can print, with room to spare.

A broadsheet page prints about 10,000–15,000 characters in a few dozen blocks; a bulletin is a
few pages. A 19 MB text file imported into 24,267 blocks and then took the layout to 3.8 GB
before dying; a million short lines took minutes to classify. So the import refuses, before
the slow work, any submission (or set of submissions imported together) that is far beyond a
bulletin — naming the numbers, so the user knows what to cut.
"""

from __future__ import annotations

import re

from importers.errors import SubmissionError
from model.document import Bulletin, block_texts, char_count

#: characters other than white space: some twenty broadsheet pages
MAX_CHARS = 300_000
#: lines (blank ones included) of one submission: a file of many short lines is classified line by line
MAX_LINES = 50_000
#: blocks (columns, speeches, pictures) one import may add
MAX_BLOCKS = 500

_SPACE = re.compile(r"\s+")

_WHAT_TO_DO = "import a part of it (a bulletin prints a few pages), or split it into the pages it is for"


def check_text(text: str, source: str) -> None:
    """Refuse a text submission beyond the budget before it is split into lines."""
    lines = text.count("\n") + 1
    if lines > MAX_LINES:
        raise SubmissionError(source, f"{lines:,} lines: far more than a bulletin prints (at most {MAX_LINES:,} "
                                      f"lines can be imported at once); {_WHAT_TO_DO}")
    if len(text) > MAX_CHARS:
        _check_chars(len(_SPACE.sub("", text)), source)


def check_lines(count: int, chars: int, source: str) -> None:
    """Refuse a read submission (of ``count`` lines, ``chars`` characters) beyond the budget."""
    if count > MAX_LINES:
        raise SubmissionError(source, f"{count:,} paragraphs: far more than a bulletin prints (at most "
                                      f"{MAX_LINES:,} can be imported at once); {_WHAT_TO_DO}")
    _check_chars(chars, source)


def _check_chars(chars: int, source: str) -> None:
    if chars > MAX_CHARS:
        raise SubmissionError(source, f"{chars:,} characters: far more than a bulletin prints (at most "
                                      f"{MAX_CHARS:,} can be imported at once); {_WHAT_TO_DO}")


def check_bulletin(bulletin: Bulletin, source: str = "") -> None:
    """Refuse an assembled import (one file or several merged) beyond the budget."""
    blocks = [b for _, b in bulletin.iter_blocks()]
    if len(blocks) > MAX_BLOCKS:
        raise SubmissionError(source, f"{len(blocks):,} blocks: far more than a bulletin prints (at most "
                                      f"{MAX_BLOCKS:,} can be imported at once); {_WHAT_TO_DO}")
    _check_chars(sum(char_count(block_texts(b)) for b in blocks), source)

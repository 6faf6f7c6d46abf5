"""Length budget: each column's body characters against a target (e.g. 600).

Editors cut city texts to a budget before layout: a column far over it will not fit its slot,
one far under leaves a hole. The layout's exact overset/underset (lines that do not fit the
real frame) is a separate check added by the layout engine through ``check(extra_checks=…)``.
"""

from __future__ import annotations

from collections.abc import Iterator

from model.document import Bulletin, ColumnBlock, char_count
from model.texts import display_name
from proofread.finding import Finding

UNDER_FRACTION = 0.8  # warn when a column holds less than 80 % of the target


def check_length(bulletin: Bulletin, chars_target: int | None) -> Iterator[Finding]:
    if not chars_target or chars_target <= 0:
        return
    for _, block in bulletin.iter_blocks():
        if not isinstance(block, ColumnBlock):
            continue
        n = char_count([p.text for p in block.paragraphs])
        who = display_name(block, short=True)
        if n > chars_target:
            over = n - chars_target
            yield Finding("warning", "length", f"本栏正文 {n} 字，超出目标 {chars_target} 字 {over} 字",
                          block.id, "paragraphs", None, 0, 0, "", f"删减约 {over} 字",
                          message_en=f"column {who}: {n} characters, {over} over the target of {chars_target}",
                          suggestion_en=f"cut about {over} characters")
        elif n < chars_target * UNDER_FRACTION:
            under = chars_target - n
            yield Finding("warning", "length", f"本栏正文 {n} 字，比目标 {chars_target} 字少 {under} 字",
                          block.id, "paragraphs", None, 0, 0, "", f"还可增加约 {under} 字",
                          message_en=f"column {who}: {n} characters, {under} under the target of {chars_target}",
                          suggestion_en=f"about {under} more characters fit")

"""Proofreading a bulletin: repetitions, quotes and brackets, punctuation, display lines,
known misspellings and the length budget — pure Python, no Qt, so the CLI (``main.py check``)
and the GUI's Problems panel show the same findings.

    findings = proofread.check(bulletin, chars_target=600)
    errors = [f for f in findings if f.level == "error"]

Findings speak Chinese (``message``, ``suggestion``) and English (``message_en``,
``suggestion_en``); ``f.message_in(lang)`` / ``f.suggestion_in(lang)`` pick one.

Hook for later checks (the layout's overset/underset): pass ``extra_checks``, callables taking
``(bulletin, options)`` and yielding Findings; their findings are merged and sorted with ours::

    proofread.check(bulletin, extra_checks=[layout.overset_findings])
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from model.document import Bulletin
from proofread.brackets import check_brackets
from proofread.display_lines import check_display_lines
from proofread.finding import Finding, Level
from proofread.length import check_length
from proofread.lexicon import check_misspellings
from proofread.punctuation import check_doubled_marks, check_fullwidth, check_halfwidth, check_spaces
from proofread.repetition import check_repetition
from proofread.texts import TextRef, iter_texts

__all__ = ["CheckOptions", "Finding", "Level", "TEXT_CHECKS", "check", "check_text", "has_errors"]


@dataclass(frozen=True)
class CheckOptions:
    chars_target: int | None = None  # body characters per column; None = no length check


TextCheck = Callable[[TextRef], Iterable[Finding]]
BulletinCheck = Callable[[Bulletin, CheckOptions], Iterable[Finding]]

#: Checks run on every piece of text; each decides from ``ref.role`` whether it applies.
TEXT_CHECKS: tuple[TextCheck, ...] = (
    check_repetition,
    check_misspellings,
    check_brackets,
    check_halfwidth,
    check_doubled_marks,
    check_spaces,
    check_fullwidth,
    check_display_lines,
)


def _length(bulletin: Bulletin, options: CheckOptions) -> Iterable[Finding]:
    return check_length(bulletin, options.chars_target)


BULLETIN_CHECKS: tuple[BulletinCheck, ...] = (_length,)


def check(bulletin: Bulletin, *, chars_target: int | None = None,
          extra_checks: Sequence[BulletinCheck] = ()) -> list[Finding]:
    """All findings, in reading order (and by offset within a text).

    ``chars_target`` falls back to a ``chars_target`` attribute of the bulletin if the model has
    one (a per-bulletin option), so the CLI's --target and a saved setting mean the same.
    """
    if chars_target is None:
        chars_target = getattr(bulletin, "chars_target", None)
    options = CheckOptions(chars_target=chars_target)
    order: dict[tuple[str, str, int | None], int] = {}
    block_order: dict[str, int] = {}
    found: list[Finding] = []
    for ref in iter_texts(bulletin):
        order[(ref.block_id, ref.field, ref.index)] = ref.order
        block_order.setdefault(ref.block_id, ref.order)
        if not ref.text:
            continue
        for text_check in TEXT_CHECKS:
            found.extend(text_check(ref))
    for bulletin_check in (*BULLETIN_CHECKS, *extra_checks):
        found.extend(bulletin_check(bulletin, options))

    def key(f: Finding) -> tuple[int, int, int]:
        seq = order.get((f.block_id, f.field, f.index), block_order.get(f.block_id, 1 << 30))
        return seq, f.offset, 0 if f.level == "error" else 1

    return sorted(found, key=key)


def check_text(text: str, role: str = "body", *, block_id: str = "", field: str = "",
               index: int | None = None) -> list[Finding]:
    """Findings for one piece of text (e.g. while the user types in a form field)."""
    ref = TextRef(block_id, field, index, role, text, 0)  # type: ignore[arg-type]
    found = [f for text_check in TEXT_CHECKS for f in text_check(ref)]
    return sorted(found, key=lambda f: f.offset)


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.level == "error" for f in findings)

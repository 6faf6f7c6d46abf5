"""The make-up run for the common cases: after an import, and for the command line.

An import ends on planned pages: a bulletin made by import starts with its page count and size
free (a newspaper that gives N pages of a fixed size fixes them in the page setup), and the
make-up chooses them from the copy that came in.
"""

from __future__ import annotations

from layout.fit import Change, apply
from makeup.plan import changes_for
from makeup.search import SearchResult, better_than_current, plan_makeup
from model.document import Bulletin


def free_new_bulletin(bulletin: Bulletin) -> None:
    """A bulletin made from submissions: page count and size are the make-up's to choose."""
    bulletin.page_setup.fit.free_pages = True
    bulletin.page_setup.fit.free_format = True


def best_changes(bulletin: Bulletin, budget_s: float = 20.0) -> tuple[list[Change], SearchResult]:
    """The changes of the best plan (none when the bulletin as it stands scores as well)."""
    result = plan_makeup(bulletin, budget_s=budget_s)
    best = better_than_current(result)
    return (changes_for(bulletin, best.plan) if best is not None else []), result


def make_up(bulletin: Bulletin, budget_s: float = 20.0) -> tuple[list[Change], SearchResult]:
    """Plan ``bulletin`` and apply the best plan in place; returns what changed."""
    changes, result = best_changes(bulletin, budget_s)
    apply(changes)
    return changes, result

"""Make-up (组版): the page plan, chosen by a search scored by one page-quality measure.

A stage of its own between the model and the page composer (DESIGN §2, §5a): ``plan_makeup``
searches page size, page count, blocks per page, the portrait size class and headline size
classes; ``changes_for`` turns the chosen plan into model changes (one undo step in the editor);
the composer in ``layout`` then lays out exactly that plan. Pure Python, no Qt.
"""

from makeup.plan import PagePlan, changes_for, plan_of
from makeup.search import Candidate, SearchResult, plan_makeup

__all__ = ["Candidate", "PagePlan", "SearchResult", "changes_for", "plan_makeup", "plan_of"]

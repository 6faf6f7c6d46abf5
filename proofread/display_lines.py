"""Headlines, names and title lines: display lines, not sentences.

A headline or name never ends with 。 (or a pause mark); a job-title line under a name ends with
the post (…主席, …书记) — one that does not is usually a caption typed in the wrong field.
"""

from __future__ import annotations

from collections.abc import Iterator

from proofread.base import finding
from proofread.finding import Finding
from proofread.job_titles import ends_in_job_title
from proofread.texts import DISPLAY_ROLES, TextRef

_BAD_END = "。，、；：.,;:"
_ROLE_NAMES = {"heading": "headline", "subtitle": "subtitle", "kicker": "kicker", "banner": "banner line",
               "name": "name", "organisation": "organisation", "label": "label", "title_line": "title line"}


def check_display_lines(ref: TextRef) -> Iterator[Finding]:
    if ref.role not in DISPLAY_ROLES:
        return
    text = ref.text.rstrip()
    if text and text[-1] in _BAD_END:
        what = _ROLE_NAMES[ref.role]
        yield finding(ref, "error", "heading-end", len(text) - 1, 1, f"{what} ends with “{text[-1]}”",
                      f"a {what} takes no final {text[-1]}", "")
    if ref.role == "title_line" and text and not ends_in_job_title(text.rstrip(_BAD_END)):
        yield finding(ref, "warning", "title-line", 0, len(text), f"title line “{text}” does not end in a post",
                      "a title line names a post (…主席, …书记, …主任); check the caption")

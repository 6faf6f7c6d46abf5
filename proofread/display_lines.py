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
_ROLE_NAMES_ZH = {"heading": "标题", "subtitle": "副题", "kicker": "引题", "banner": "版头文字", "name": "姓名",
                  "organisation": "单位名称", "label": "标签", "title_line": "职务行"}
_MARK_NAMES_ZH = {"。": "句号", "，": "逗号", "、": "顿号", "；": "分号", "：": "冒号", ".": "半角句点",
                  ",": "半角逗号", ";": "半角分号", ":": "半角冒号"}
_ROLE_NAMES = {"heading": "headline", "subtitle": "subtitle", "kicker": "kicker", "banner": "banner line",
               "name": "name", "organisation": "organisation", "label": "label", "title_line": "title line"}


def check_display_lines(ref: TextRef) -> Iterator[Finding]:
    if ref.role not in DISPLAY_ROLES:
        return
    text = ref.text.rstrip()
    if text and text[-1] in _BAD_END:
        what, what_zh, mark = _ROLE_NAMES[ref.role], _ROLE_NAMES_ZH[ref.role], text[-1]
        yield finding(ref, "error", "heading-end", len(text) - 1, 1,
                      (f"{what_zh}不应以{_MARK_NAMES_ZH[mark]}结尾", f"{what} ends with “{mark}”"),
                      (f"删去末尾的“{mark}”", f"a {what} takes no final {mark}"), "")
    if ref.role == "title_line" and text and not ends_in_job_title(text.rstrip(_BAD_END)):
        yield finding(ref, "warning", "title-line", 0, len(text),
                      (f"职务行“{text}”未以职务结尾", f"title line “{text}” does not end in a post"),
                      ("职务行应写明职务（…主席、…书记、…主任），请核对人物说明",
                       "a title line names a post (…主席, …书记, …主任); check the caption"))

"""What a job-title line ends with (职务), shared by the importer and the proofreader.

The importer needs it to tell a caption's title lines (市总工会主席) from a short headline; the
proofreader uses it to warn about a title line that names no post. Longest suffixes first so
that a regular expression built from them prefers 副主席 over 主席.
"""

from __future__ import annotations

import re

JOB_TITLE_SUFFIXES: tuple[str, ...] = tuple(sorted({
    "主席", "副主席", "书记", "副书记", "主任", "副主任", "部长", "副部长", "秘书长", "副秘书长",
    "局长", "副局长", "厅长", "副厅长", "处长", "副处长", "科长", "副科长", "市长", "副市长", "县长",
    "副县长", "区长", "副区长", "镇长", "乡长", "省长", "副省长", "主任委员", "委员", "常委", "组长",
    "副组长", "队长", "社长", "总编辑", "主编", "院长", "副院长", "校长", "副校长", "会长", "副会长",
    "理事长", "董事长", "副董事长", "总经理", "副总经理", "经理", "巡视员", "调研员", "主任科员",
    "干事", "馆长", "站长", "所长", "行长", "总裁", "总监", "总工程师", "工程师", "负责人", "代表",
    "劳动模范", "劳模", "工匠", "成员", "专员", "教授", "研究员", "技师", "高级技师", "总会计师", "总经济师",
    "会计师", "政委", "主管", "助理", "秘书", "督导", "指导员", "辅导员", "专职委员",
}, key=len, reverse=True))

JOB_TITLE_END = re.compile("(?:" + "|".join(map(re.escape, JOB_TITLE_SUFFIXES)) + ")$")


def ends_in_job_title(text: str) -> bool:
    """True when the line ends with a post such as 主席 or 常务副主席 (trailing space ignored)."""
    return JOB_TITLE_END.search(text.strip()) is not None

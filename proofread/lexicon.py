"""Known misspellings (常见错别字): wrong form → right form.

A typo that produces real characters (团结合动员, 划拔) cannot be found by rules; it needs a
list. This one holds frequent slips in official and union writing — idioms with a wrong
character, set phrases with a character inserted or doubled — and the seed's own
(团结合动员, 深有深切, 划拔). Each entry is the whole wrong form, long enough not to occur in
correct text; add entries as editors meet them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from proofread.base import finding
from proofread.finding import Finding
from proofread.texts import TextRef

MISSPELLINGS: dict[str, str] = {
    # the seed's
    "团结合动员": "团结动员", "深有深切": "有深切", "划拔": "划拨",
    # idioms and set phrases
    "再接再励": "再接再厉", "一愁莫展": "一筹莫展", "迫不急待": "迫不及待", "默守成规": "墨守成规",
    "墨守陈规": "墨守成规", "谈笑风声": "谈笑风生", "走头无路": "走投无路", "振耳欲聋": "震耳欲聋",
    "精兵减政": "精兵简政", "按步就班": "按部就班", "甘败下风": "甘拜下风", "一股作气": "一鼓作气",
    "出奇不意": "出其不意", "既往不究": "既往不咎", "再所难免": "在所难免", "一如继往": "一如既往",
    "重蹈复辙": "重蹈覆辙", "世外桃园": "世外桃源", "金榜提名": "金榜题名", "变本加利": "变本加厉",
    "穿流不息": "川流不息", "滥芋充数": "滥竽充数", "不径而走": "不胫而走", "人情事故": "人情世故",
    "原形必露": "原形毕露", "英雄倍出": "英雄辈出", "人才倍出": "人才辈出", "莫不关心": "漠不关心",
    "出人投地": "出人头地", "默默无文": "默默无闻", "直接了当": "直截了当", "言简意骇": "言简意赅",
    "融汇贯通": "融会贯通", "自抱自弃": "自暴自弃", "一诺千斤": "一诺千金", "一枕黄梁": "一枕黄粱",
    "情不自尽": "情不自禁", "事过景迁": "事过境迁", "声名雀起": "声名鹊起", "蛛丝马积": "蛛丝马迹",
    "脍灸人口": "脍炙人口", "谈何其易": "谈何容易", "不落巢臼": "不落窠臼", "披星带月": "披星戴月",
    "兢兢业业业": "兢兢业业", "砥励前行": "砥砺前行", "凝心聚利": "凝心聚力", "攻坚克艰": "攻坚克难",
    "脱颖而岀": "脱颖而出", "迎难而止": "迎难而上", "众志成诚": "众志成城", "同心协力力": "同心协力",
    "坚定不宜": "坚定不移", "锲而不辍": "锲而不舍", "任劳任怨怨": "任劳任怨", "艰苦奋头": "艰苦奋斗",
    "一丝不拘": "一丝不苟", "发扬广大": "发扬光大", "继往开拓": "继往开来", "群策群立": "群策群力",
    # words
    "按装": "安装", "布署": "部署", "签定合同": "签订合同", "坐谈会": "座谈会", "载歌截舞": "载歌载舞",
    "截止到目前": "截至目前", "截止目前": "截至目前", "做为": "作为", "幅射": "辐射", "松驰": "松弛",
    "渲泄": "宣泄", "气慨": "气概", "防碍": "妨碍", "追朔": "追溯",
    "贯彻落实落实": "贯彻落实", "工作作风作风": "工作作风", "劳动竟赛": "劳动竞赛", "技能竟赛": "技能竞赛", "竟赛活动": "竞赛活动", "帐号": "账号", "帐户": "账户", "部暑": "部署", "既使": "即使", "必需坚持": "必须坚持",
}

_PATTERN = re.compile("|".join(map(re.escape, sorted(MISSPELLINGS, key=len, reverse=True))))


def check_misspellings(ref: TextRef) -> Iterator[Finding]:
    if ref.role in ("name", "label"):
        return
    for m in _PATTERN.finditer(ref.text):
        right = MISSPELLINGS[m.group(0)]
        wrong = m.group(0)
        yield finding(ref, "error", "typo", m.start(), len(wrong),
                      (f"“{wrong}”是常见误写", f"“{wrong}” is a common misspelling"),
                      (f"改为“{right}”", f"write “{right}”"), right)

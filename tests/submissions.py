"""Text submissions as cities send them, imported as a new user would: the one generator shared
by the make-up tests (tests/test_page_makeup.py, tests/test_fit.py), the page-fill benchmark and
the make-up corpus (benchmarks/makeup_corpus.py), which also reuses its text pieces."""

from __future__ import annotations

import random
from pathlib import Path

from model.document import Bulletin

SUBMISSION = """{head}

{name}
{city}市总工会主席

2020年，{city}市总工会坚持以习近平新时代中国特色社会主义思想为指导，团结动员广大职工建功新时代。

{body}
"""

LEADS = ["政治引领更加有力。", "建功立业成效明显。", "维权服务更加精准。", "改革创新持续深化。", "基层建设不断加强。",
         "职工文化丰富多彩。", "疫情防控扎实有效。"]
BITS = ["全市各级工会组织深入开展劳动和技能竞赛，", "参与职工达十二万人次，", "累计筹集帮扶资金一千二百万元，",
        "建成职工书屋示范点八十六家，", "推动建立区域性行业性工会联合会二十三家，", "新发展会员一万四千余人，",
        "开展送温暖活动慰问困难职工三千余户，", "组织劳模工匠进企业宣讲一百二十场，"]

CITIES = ["榆林", "汉中", "安康", "商洛", "韩城", "渭南", "铜川", "宝鸡", "咸阳", "延安", "杨凌"]


def imported_submissions(tmp_path: Path, seed: int, cities: int) -> Bulletin:
    """``cities`` (at most 11) text submissions of random lengths (3–7 paragraphs with leads),
    written to ``tmp_path`` and imported as a new user would."""
    from importers import import_files

    rnd = random.Random(seed)
    names = CITIES[:cities]
    paths = []
    for n, city in enumerate(names):
        paras = [LEADS[k % len(LEADS)] + "".join(rnd.choice(BITS) for _ in range(rnd.randint(3, 9)))
                 + "为全市经济社会发展作出了积极贡献。" for k in range(rnd.randint(3, 7))]
        p = Path(tmp_path) / f"{n + 1:02d}-{city}.txt"
        p.write_text(SUBMISSION.format(head=f"{city}工会奋力谱写新篇章", name=f"王{'建国明华志强伟国明华志'[n]}",
                                       city=city, body="\n\n".join(paras)), encoding="utf-8")
        paths.append(str(p))
    return import_files(paths)[0]

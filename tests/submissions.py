"""Generated city submissions, as city offices send them, for the tests and the benchmarks.

``imported_submissions`` writes plain-text submissions of random lengths and imports them (the
page-fill tests and ``benchmarks/bench_page_fill.py``). ``write_submission`` writes one city's
submission in a given *shape* — the order of its parts (kicker, headline, unit line, name,
titles, portrait, body), activity photos with or without a 图为 caption, a table of figures in
.docx or .txt — and returns what a correct import must print for it (``Expected``).
``write_combined`` puts several cities in one file, as a federation's combined file does.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field
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


def imported_submissions(tmp_path, seed: int, cities: int) -> Bulletin:
    """``cities`` text submissions of random lengths (3–7 paragraphs with leads), written to
    ``tmp_path`` and imported as a new user would (also used by benchmarks/bench_page_fill.py)."""
    from importers import import_files

    rnd = random.Random(seed)
    names = ["榆林", "汉中", "安康", "商洛", "韩城", "渭南", "铜川", "宝鸡", "咸阳", "延安", "杨凌"][:cities]
    paths = []
    for n, city in enumerate(names):
        paras = [LEADS[k % len(LEADS)] + "".join(rnd.choice(BITS) for _ in range(rnd.randint(3, 9)))
                 + "为全市经济社会发展作出了积极贡献。" for k in range(rnd.randint(3, 7))]
        p = tmp_path / f"{n + 1:02d}-{city}.txt"
        p.write_text(SUBMISSION.format(head=f"{city}工会奋力谱写新篇章", name=f"王{'建国明华志强伟国明华志'[n]}",
                                       city=city, body="\n\n".join(paras)), encoding="utf-8")
        paths.append(str(p))
    return import_files(paths)[0]


# ---------------------------------------------------------------------------- shaped submissions

CITIES = ["榆林", "汉中", "安康", "商洛", "韩城", "渭南", "铜川", "宝鸡", "咸阳", "延安", "西安", "杨凌"]
GIVEN = "建国明华志强伟刚军平秀英丽红"
SURNAMES = "王李张刘陈杨赵黄周吴徐孙"
HEADLINES = ["奋力谱写新篇章", "当好全省排头兵", "凝心聚力促发展", "建功立业新时代", "服务职工暖人心", "勇当追赶超越先锋"]
KICKERS = ["以优异成绩庆祝建党100周年", "奋进新征程 建功新时代"]
TABLE = [["项目", "数量"], ["职工书屋", "36个"], ["帮扶资金", "1200.5万元"], ["慰问困难职工", "3000户"]]

#: Part orders city offices really use. P = portrait, X = activity photo (with a 图为 caption when
#: the shape says so), T = table; k = kicker, h = headline, u = unit line, n = name, t = titles,
#: b = body paragraphs (two), B = more body.
SHAPES: dict[str, str] = {
    "plain": "h n t b B",
    "name_first": "n t P h b B",  # the case: name and titles, then the photo, then the headline
    "kicker_unit": "k h u n t P b B",
    "photo_first": "P h n t b B",
    "titles_then_photo_midtext": "h n t P b X B",  # activity photo with caption among the paragraphs
    "two_photos_no_caption": "h P n t b x B",  # a second picture, no caption
    "caption_before_photo": "h n t P b C X B",  # caption typed above the photo
    "table_end": "h n t P b B T",
    "table_mid": "h u n t b T B",
    "caption_after_text": "h b B n t",  # the name and titles after the text (seed style)
    "everything": "k h u n t P b X B T",  # kicker, unit, portrait, captioned activity photo and a table
}


@dataclass
class Expected:
    """What the import of one city must print: one column with these."""

    city: str
    name: str
    headline: str
    kicker: str = ""
    pictures: int = 0  # portrait + activity photos
    photo_captions: list[str] = field(default_factory=list)
    table: list[list[str]] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)


def png(size: tuple[int, int], colour: tuple[int, int, int]) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "PNG")
    return buf.getvalue()


def _parts(city: str, n: int, shape: str, rnd: random.Random) -> tuple[list[tuple[str, object]], Expected]:
    """(kind, content) in file order, and what must be printed."""
    name = SURNAMES[n % len(SURNAMES)] + GIVEN[(n * 3) % len(GIVEN)] + GIVEN[(n * 5 + 1) % len(GIVEN)]
    headline = f"{city}{HEADLINES[n % len(HEADLINES)]}"
    exp = Expected(city, name, headline)
    out: list[tuple[str, object]] = []
    body = [f"2020年，{city}市总工会坚持以习近平新时代中国特色社会主义思想为指导，团结动员广大职工建功新时代。",
            LEADS[n % len(LEADS)] + "".join(rnd.choice(BITS) for _ in range(4)) + "为全市发展作出了积极贡献。"]
    more = [LEADS[(n + 1) % len(LEADS)] + "".join(rnd.choice(BITS) for _ in range(5)) + "取得了新的成效。"]
    caption = f"图为{city}市总工会组织职工技能大赛现场。"
    for code in SHAPES[shape].split():
        if code == "k":
            exp.kicker = KICKERS[n % len(KICKERS)]
            out.append(("line", exp.kicker))
        elif code == "h":
            out.append(("line", headline))
        elif code == "u":
            out.append(("line", f"{city}市总工会"))
        elif code == "n":
            out.append(("name", name))
        elif code == "t":
            out.append(("line", f"{city}市总工会党组书记、主席"))
        elif code == "P":
            out.append(("picture", png((300, 400), (180, 60 + n * 10, 60))))
            exp.pictures += 1
        elif code in ("X", "x"):
            out.append(("picture", png((800, 500), (40, 90 + n * 10, 160))))
            exp.pictures += 1
            if code == "X":
                out.append(("line", caption))
                exp.photo_captions.append(caption)
        elif code == "C":  # the caption above the photo that follows
            out.append(("line", caption))
            exp.photo_captions.append(caption)
        elif code == "b":
            out += [("line", t) for t in body]
            exp.paragraphs += body
        elif code == "B":
            out += [("line", t) for t in more]
            exp.paragraphs += more
        elif code == "T":
            out.append(("table", TABLE))
            exp.table = TABLE
    # "C X": the caption is already in place, the X after it must not add it twice
    if "C X" in SHAPES[shape]:
        i = next(k for k, (kind, _c) in enumerate(out) if kind == "picture" and k > 0 and out[k - 1][1] == caption)
        if i + 1 < len(out) and out[i + 1][1] == caption:
            del out[i + 1]
        exp.photo_captions = exp.photo_captions[:1]
    return out, exp


def _write(path: Path, parts: list[tuple[str, object]]) -> None:
    if path.suffix == ".txt":
        lines = []
        for kind, content in parts:
            if kind == "name":  # the titles follow right under the name, as typed
                lines.append(str(content))
            elif kind == "line":
                lines += [str(content), ""]
            elif kind == "table":
                lines += ["\t".join(row) for row in content] + [""]  # type: ignore[union-attr]
            # a .txt cannot hold a picture
        path.write_text("\n".join(lines), encoding="utf-8")
        return
    import docx

    d = docx.Document()
    for kind, content in parts:
        if kind in ("line", "name"):
            d.add_paragraph(str(content))
        elif kind == "picture":
            d.add_paragraph().add_run().add_picture(io.BytesIO(content))  # type: ignore[arg-type]
        elif kind == "table":
            rows = content  # type: ignore[assignment]
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    t.rows[r].cells[c].text = text
    d.save(str(path))


def write_submission(folder: Path, n: int, shape: str, suffix: str = ".docx", seed: int = 0
                     ) -> tuple[Path, Expected]:
    """City number ``n`` in ``shape`` as a .docx or .txt file in ``folder``."""
    city = CITIES[n % len(CITIES)]
    parts, exp = _parts(city, n, shape, random.Random(seed * 100 + n))
    if suffix == ".txt":
        exp.pictures, exp.photo_captions = 0, []
        parts = [(k, c) for k, c in parts if k != "picture" and c not in (f"图为{city}市总工会组织职工技能大赛现场。",)]
    path = folder / f"{n + 1:02d}-{city}-{shape}{suffix}"
    _write(path, parts)
    return path, exp


def write_combined(folder: Path, ns: list[int], shapes: list[str], suffix: str = ".docx", seed: int = 0
                   ) -> tuple[Path, list[Expected]]:
    """Several cities in one file, one after the other."""
    parts: list[tuple[str, object]] = []
    exps = []
    for n, shape in zip(ns, shapes):
        p, e = _parts(CITIES[n % len(CITIES)], n, shape, random.Random(seed * 100 + n))
        parts += p
        exps.append(e)
    path = folder / f"combined-{'-'.join(map(str, ns))}{suffix}"
    _write(path, parts)
    return path, exps

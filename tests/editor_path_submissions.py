"""Eight city submissions in different shapes for the editor-path scenario (issue 26).

``write_submissions(folder, seed, cities)`` writes plain UTF-8 text files, one per city, of random
lengths (the shape tests/test_page_makeup.py and benchmarks/bench_page_fill.py import);
``shapes=True`` varies the shape the way the weekly mail does: Word files with a heading style
and a portrait, a unit line above the name, two title lines, GB18030 text, an organisation
without a person, a spaced two-character name, a name with the middle dot. Each written file
comes with what it says (name, headline), so a test can look for them in what is exported.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from pathlib import Path

from tests.submissions import BITS, LEADS, SUBMISSION  # the texts the import tests use

CITIES = ["榆林", "汉中", "安康", "商洛", "韩城", "渭南", "铜川", "宝鸡", "咸阳", "延安", "杨凌"]
GIVEN = "建国明华志强伟国明华志"
SHAPES = ("text", "docx_portrait", "unit_first", "gb18030_two_titles", "organisation", "spaced_name",
          "docx_caption", "dot_name")


@dataclass(frozen=True)
class Written:
    """One submission on disk and what a reader of the printed page must find of it."""

    path: Path
    shape: str
    headline: str
    name: str  # the person's name as printed ("" when only an organisation signs)
    organisation: str = ""


def _paragraphs(rnd: random.Random) -> list[str]:
    return [LEADS[k % len(LEADS)] + "".join(rnd.choice(BITS) for _ in range(rnd.randint(3, 9)))
            + "为全市经济社会发展作出了积极贡献。" for k in range(rnd.randint(3, 7))]


def _jpeg(size: tuple[int, int], colour: tuple[int, int, int]) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "JPEG", quality=80)
    return buf.getvalue()


def _docx(path: Path, head: str, lines: list[str], body: list[str], picture: bytes | None,
          caption: str = "", picture_after_name: bool = False) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph(head, style="Heading 1")
    if picture is not None and not picture_after_name:
        d.add_paragraph().add_run().add_picture(io.BytesIO(picture))
    for line in lines:
        d.add_paragraph(line)
    for k, text in enumerate(body):
        p = d.add_paragraph()
        lead, _, rest = text.partition("。")
        p.add_run(lead + "。").bold = True
        p.add_run(rest)
        if k == 0 and picture is not None and picture_after_name:
            d.add_paragraph().add_run().add_picture(io.BytesIO(picture))
            if caption:
                d.add_paragraph(caption)
    d.save(str(path))


def write_submissions(folder: Path, seed: int, cities: int, *, shapes: bool = False) -> list[Written]:
    """``cities`` submissions of random lengths written to ``folder`` (see the module's doc)."""
    rnd = random.Random(seed)
    out: list[Written] = []
    for n, city in enumerate(CITIES[:cities]):
        shape = SHAPES[n % len(SHAPES)] if shapes else "text"
        paras = _paragraphs(rnd)
        head = f"{city}工会奋力谱写新篇章"
        name = f"王{GIVEN[n]}"
        opening = f"2020年，{city}市总工会坚持以习近平新时代中国特色社会主义思想为指导，团结动员广大职工建功新时代。"
        stem = folder / f"{n + 1:02d}-{city}"
        if shape == "text":
            path = stem.with_suffix(".txt")
            path.write_text(SUBMISSION.format(head=head, name=name, city=city, body="\n\n".join(paras)),
                            encoding="utf-8")
        elif shape == "docx_portrait":
            path = stem.with_suffix(".docx")
            _docx(path, head, [name, f"{city}市人大常委会副主任", f"{city}市总工会主席"], [opening, *paras],
                  _jpeg((600, 800), (150, 120, 100)))
        elif shape == "unit_first":
            path = stem.with_suffix(".txt")
            path.write_text(f"{head}\n\n{city}市总工会\n{name}\n{city}市总工会党组书记、主席\n\n{opening}\n\n"
                            + "\n\n".join(paras) + "\n", encoding="utf-8")
        elif shape == "gb18030_two_titles":
            path = stem.with_suffix(".txt")
            path.write_text(f"{head}\n\n{name}\n{city}市人大常委会副主任\n{city}市总工会主席\n\n{opening}\n\n"
                            + "\n\n".join(paras) + "\n", encoding="gb18030")
        elif shape == "organisation":
            name = ""
            path = stem.with_suffix(".txt")
            org = f"{city}示范区总工会"
            path.write_text(f"{head}\n\n{org}\n\n{opening}\n\n" + "\n\n".join(paras) + "\n", encoding="utf-8")
            out.append(Written(path, shape, head, name, org))
            continue
        elif shape == "spaced_name":
            name = f"李　{GIVEN[n]}"
            path = stem.with_suffix(".txt")
            path.write_text(SUBMISSION.format(head=head, name=name, city=city, body="\n\n".join(paras)),
                            encoding="utf-8")
        elif shape == "docx_caption":
            path = stem.with_suffix(".docx")
            _docx(path, head, [name, f"{city}市总工会主席"], [opening, *paras], _jpeg((800, 500), (90, 110, 140)),
                  caption=f"图为{city}市职工技能大赛现场", picture_after_name=True)
        else:  # dot_name
            name = f"阿依古丽·{GIVEN[n]}"
            path = stem.with_suffix(".txt")
            path.write_text(SUBMISSION.format(head=head, name=name, city=city, body="\n\n".join(paras)),
                            encoding="utf-8")
        out.append(Written(path, shape, head, name))
    return out

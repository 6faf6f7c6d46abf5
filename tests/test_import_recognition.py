"""Recognising other people's submissions: generated names (BMP and supplementary planes,
compound surnames, spaced, 少数民族 names with ·) in every caption layout offices use."""

from __future__ import annotations

import random

import pytest

from importers import import_text
from importers.lines import is_name, split_name_and_titles
from model.document import ColumnBlock

SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "胡", "郭", "何", "𬌗", "𠀾"]
COMPOUND = ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐"]
GIVEN_BMP = "芳伟娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文斌"
#: Ext B (U+20000…), C, D, E, F, G: characters real given names use and old fonts lack.
GIVEN_SUPP = ["\U00020000", "\U0002A6A5", "\U0002B740", "\U0002B81D", "\U0002C029", "\U0002CEB0",
              "\U00030EDE", "\U00031350", "𠮷", "𡈽", "𤭢", "𨭉"]
MINORITY = ["阿依古丽·买买提", "帕尔哈提·吐尔逊", "巴特尔·那顺", "热依拉·阿不都热合曼", "阿卜杜拉•艾力"]
REGIONS = ["榆林", "延安", "汉中", "铜川", "韩城", "神木", "府谷", "旬阳"]
TITLES = ["{r}市人大常委会副主任", "市总工会主席", "{r}市总工会党组书记", "常务副主席", "{r}县总工会主席"]


def _names(rng: random.Random, n: int) -> list[str]:
    out = []
    for k in range(n):
        given_pool = GIVEN_SUPP if k % 2 else list(GIVEN_BMP)
        if k % 5 == 4:
            out.append(rng.choice(MINORITY))
            continue
        surname = rng.choice(COMPOUND) if k % 3 == 2 else rng.choice(SURNAMES)
        given = "".join(rng.choice(given_pool) for _ in range(rng.choice((1, 2)) if len(surname) == 1 else 1))
        given = given if k % 2 == 0 else rng.choice(GIVEN_BMP) + rng.choice(GIVEN_SUPP)[: 2 - len(surname) % 2]
        out.append(surname + given[: 4 - len(surname)])
    return out


NAMES = _names(random.Random(16), 40)


def _titles(rng: random.Random, region: str) -> list[str]:
    return [t.format(r=region) for t in rng.sample(TITLES, rng.choice((1, 2)))]


def _cases():
    rng = random.Random(1616)
    for k, name in enumerate(NAMES):
        region = REGIONS[k % len(REGIONS)]
        yield name, region, _titles(rng, region)


def _column(text: str) -> ColumnBlock:
    bulletin, report = import_text(text)
    cols = [b for _, b in bulletin.iter_blocks() if isinstance(b, ColumnBlock)]
    assert len(cols) == 1, (text, [(c.headline, c.person, len(c.paragraphs)) for c in cols])
    assert not bulletin.pages[0].banner, text  # no line of the column was taken as the page's 版头
    return cols[0]


BODY = "2020年，{r}市总工会团结动员广大职工建功立业。\n\n政治引领更加有力。深入开展学习教育。\n"


def test_generated_names_cover_the_hard_cases():
    assert any(ord(ch) > 0xFFFF for n in NAMES for ch in n)
    assert any(n[:2] in COMPOUND for n in NAMES) and any("·" in n or "•" in n for n in NAMES)
    assert all(is_name(n) for n in NAMES)


@pytest.mark.parametrize(("name", "region", "titles"), list(_cases()))
def test_name_then_titles(name, region, titles):
    col = _column(f"奋力谱写{region}工会新篇章\n\n{name}\n" + "\n".join(titles) + "\n\n" + BODY.format(r=region))
    assert col.headline == f"奋力谱写{region}工会新篇章"
    assert col.person.name == name and col.person.titles == titles
    assert col.region == region and len(col.paragraphs) == 2


@pytest.mark.parametrize(("name", "region", "titles"), list(_cases())[:16])
def test_titles_before_the_name(name, region, titles):
    col = _column("奋力谱写新篇章\n\n" + "\n".join(titles) + f"\n{name}\n\n" + BODY.format(r=region))
    assert col.person.name == name and col.person.titles == titles and col.headline == "奋力谱写新篇章"


@pytest.mark.parametrize(("name", "region", "titles"), list(_cases())[:16])
def test_caption_on_one_line_either_order(name, region, titles):
    col = _column(f"奋力谱写新篇章\n\n{name} {' '.join(titles)}\n\n" + BODY.format(r=region))
    assert (col.person.name, col.person.titles) == (name, titles)
    col = _column(f"奋力谱写新篇章\n\n{' '.join(titles)} {name}\n\n" + BODY.format(r=region))
    assert (col.person.name, col.person.titles) == (name, titles)


@pytest.mark.parametrize("sep", ["\n\n", "\n"])
@pytest.mark.parametrize(("name", "region", "titles"), list(_cases())[:12])
def test_unit_line_between_headline_and_name(name, region, titles, sep):
    unit = f"{region}县总工会"
    col = _column(f"当好排头兵\n\n{unit}{sep}{name}\n" + "\n".join(titles) + "\n\n" + BODY.format(r=region))
    assert col.headline == "当好排头兵" and col.organisation == unit
    assert col.person.name == name and col.person.titles == titles and len(col.paragraphs) == 2


def test_unit_line_inside_the_caption():
    col = _column("当好排头兵\n\n王芳\n神木县总工会\n主席\n\n" + BODY.format(r="神木"))
    assert (col.person.name, col.person.titles, col.organisation) == ("王芳", ["主席"], "神木县总工会")
    col = _column("当好排头兵\n\n王芳 神木县总工会 主席\n\n" + BODY.format(r="神木"))
    assert (col.person.name, col.person.titles, col.organisation) == ("王芳", ["主席"], "神木县总工会")


@pytest.mark.parametrize("space", [" ", "\u3000", "  "])
@pytest.mark.parametrize("given", ["芳", "\U00020001", "𠮷"])
def test_spaced_two_character_names_are_kept_as_typed(space, given):
    name = f"王{space}{given}"
    col = _column(f"当好排头兵\n\n{name}\n市总工会主席\n\n" + BODY.format(r="榆林"))
    assert col.person.name == name
    assert split_name_and_titles(f"{name} 市总工会主席") == (name, ["市总工会主席"], "")


def test_photo_caption_is_not_a_headline_nor_body():
    text = "当好排头兵\n\n王芳\n市总工会主席\n\n图为王芳在企业调研\n\n" + BODY.format(r="榆林")
    bulletin, report = import_text(text)
    col = bulletin.pages[0].blocks[0]
    assert col.headline == "当好排头兵" and len(col.paragraphs) == 2
    assert all("图为" not in p.text for p in col.paragraphs)
    # no picture to print it with: set aside (not printed), named in the report with its line
    assert any(r.text == "图为王芳在企业调研" and r.line == 6 for r in report.set_aside)
    assert any(r.text == "图为王芳在企业调研" for r in report.removed)
    col = _column("当好排头兵\n\n（本报记者 李明 摄）\n\n王芳\n市总工会主席\n\n" + BODY.format(r="榆林"))
    assert col.person.name == "王芳" and col.headline == "当好排头兵"


@pytest.mark.parametrize("not_a_caption", ["组织职工开展摄影比赛。", "图书室藏书5000册。", "上图书馆借阅图书的职工增多。", "左图右史，书香满园。"])
def test_body_text_is_not_taken_for_a_caption(not_a_caption):
    col = _column("当好排头兵\n\n王芳\n市总工会主席\n\n" + not_a_caption + "\n")
    assert col.paragraphs[-1].text == not_a_caption


def test_two_submissions_with_supplementary_names_make_two_columns():
    a, b = NAMES[1], NAMES[3]
    text = (f"当好排头兵\n\n{a}\n榆林市总工会主席\n\n" + BODY.format(r="榆林")
            + f"\n勇当先行者\n\n{b}\n延安市总工会主席\n\n" + BODY.format(r="延安"))
    bulletin, _ = import_text(text)
    cols = [blk for _, blk in bulletin.iter_blocks()]
    assert [(c.headline, c.person.name, c.region) for c in cols] == [("当好排头兵", a, "榆林"),
                                                                     ("勇当先行者", b, "延安")]
    assert bulletin.pages[0].banner is None


@pytest.mark.parametrize("caption", ["王芳（神木县总工会主席）", "王芳(神木县总工会党组书记、常务副主席)", "王芳\t神木县总工会主席",
                                     "神木县总工会主席　王芳"])
def test_caption_shapes_on_one_line(caption):
    col = _column(f"当好排头兵\n\n{caption}\n\n" + BODY.format(r="神木"))
    assert col.person.name == "王芳" and col.person.titles and col.headline == "当好排头兵"


def test_line_ends_converted_twice_are_one_line_end():
    text = ("当好排头兵\n\n王芳\n神木县总工会主席\n\n" + BODY.format(r="神木")).replace("\n", "\r\r\n")
    col = _column(text)
    assert col.person.titles == ["神木县总工会主席"]


@pytest.mark.parametrize("title", ["市总工会党组成员", "第14届全国人大代表", "市总工会一级调研员", "集团公司总会计师"])
def test_more_kinds_of_title_lines(title):
    col = _column(f"当好排头兵\n\n王芳\n{title}\n\n" + BODY.format(r="神木"))
    assert col.person.titles == [title]

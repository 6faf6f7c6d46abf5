"""Importing text: the seed page comes back as the built-in example, and the rules behind it."""

from __future__ import annotations

import pytest

from importers import import_text
from model.document import Bulletin, ColumnBlock, SpeechBlock
from model.example import example_bulletin
from tests.conftest import SEED


def _outline(b: Bulletin) -> list:
    """Everything a reader sees, without ids, page labels and images."""
    out: list = []
    for page in b.pages:
        out.append(("page", page.banner.lines if page.banner else None,
                    (page.headline.kicker, page.headline.title, page.headline.subtitle) if page.headline else None))
        for block in page.blocks:
            if isinstance(block, SpeechBlock):
                out.append(("speech", block.speaker.name, block.speaker.titles, block.attribution))
                for s in block.sections:
                    out.append(("section", s.label, s.heading, s.bullets, [(p.text, p.lead) for p in s.paragraphs]))
            else:
                out.append(("column", block.region, block.headline, block.organisation,
                            (block.person.name, block.person.titles) if block.person else None,
                            [(p.text, p.lead) for p in block.paragraphs]))
    return out


@pytest.fixture(scope="module")
def seed_import():
    return import_text(SEED.read_text(encoding="utf-8"), source="seed.txt")


def test_seed_imports_as_the_built_in_example(seed_import):
    bulletin, _ = seed_import
    got, want = _outline(bulletin), _outline(example_bulletin())
    assert len(got) == len(want)
    for g, w in zip(got, want):
        assert g == w


def test_seed_columns_regions_names_headlines(seed_import):
    bulletin, report = seed_import
    cols = [b for _, b in bulletin.iter_blocks() if isinstance(b, ColumnBlock)]
    assert [c.region for c in cols] == ["西安", "宝鸡", "咸阳", "铜川", "渭南", "延安", "汉中", "安康", "商洛", "杨凌"]
    assert [c.person.name if c.person else c.organisation for c in cols][-3:] == ["陈伦宝", "李吉斌", "杨凌示范区总工会"]
    assert report.columns == 10 and report.speech_sections == 2 and len(bulletin.pages) == 2
    assert not report.warnings


def test_report_explains_every_move(seed_import):
    _, report = seed_import
    messages = [(i.line, i.message) for i in report.items]
    assert any("moved into that speech section" in m for _, m in messages)
    assert any(line == 158 and "middle of a paragraph" in m for line, m in messages)  # 李晓娟 in 汉中's text
    assert any("after the column's text" in m for _, m in messages)
    assert len(report.removed) == 7 and {r.text for r in report.removed} == {"- "}


def test_paragraph_broken_around_a_caption_is_rejoined(seed_import):
    bulletin, _ = seed_import
    hanzhong = next(b for _, b in bulletin.iter_blocks() if isinstance(b, ColumnBlock) and b.region == "汉中")
    assert any("职工福利帮购、对外协作推销" in p.text for p in hanzhong.paragraphs)
    assert hanzhong.person is not None and hanzhong.person.name == "李晓娟"


def test_person_after_text_belongs_to_its_region():
    text = ("保持双战双胜奋进姿态\n\n2020年，安康市总工会扎实开展行动。\n\n政治引领紧跟党中央。扎实开展学习。\n\n"
            "陈伦宝\n安康市人大常委会副主任\n市总工会主席\n\n"
            "曹海芹\n宝鸡市人大常委会副主任\n市总工会主席\n\n2020年，宝鸡市总工会精心打造了史馆。\n")
    b, _ = import_text(text)
    cols = [blk for _, blk in b.iter_blocks()]
    assert [(c.region, c.person.name) for c in cols] == [("安康", "陈伦宝"), ("宝鸡", "曹海芹")]
    assert [len(c.paragraphs) for c in cols] == [2, 1]


def test_text_of_another_region_in_one_submission_stays_in_its_one_column_with_a_warning():
    """Issue 25: one file is one column unless it holds several complete contributions; a
    nameless paragraph naming another region is not one, so it is joined — and the user warned."""
    text = ("2020年，安康市总工会扎实开展行动。\n\n曹海芹\n宝鸡市人大常委会副主任\n市总工会主席\n\n"
            "宝鸡是西北工业重镇。\n")
    b, report = import_text(text)
    cols = [blk for _, blk in b.iter_blocks()]
    assert len(cols) == 1 and cols[0].person.name == "曹海芹" and len(cols[0].paragraphs) == 2
    assert any("text naming 安康 joined to the column of 宝鸡" in i.message for i in report.warnings)


def test_opening_sentence_naming_another_region_begins_a_column():
    text = ("张静\n咸阳市总工会党组书记\n常务副主席\n\n2020年，咸阳市总工会大力弘扬精神。\n\n"
            "2020年，铜川市总工会精准把握优势。\n\n张耀民\n铜川市人大常委会副主任\n市总工会主席\n")
    b, _ = import_text(text)
    cols = [blk for _, blk in b.iter_blocks()]
    assert [(c.region, c.person.name) for c in cols] == [("咸阳", "张静"), ("铜川", "张耀民")]


def test_hard_wrapped_text_is_one_paragraph():
    text = "2020年，西安市总工会贯彻落实“五个扎实”，当好全省\n工会排头兵，努力走在全国\n前列。\n\n第二段。"
    b, _ = import_text(text)
    col = b.pages[0].blocks[0]
    assert [p.text for p in col.paragraphs] == ["2020年，西安市总工会贯彻落实“五个扎实”，当好全省工会排头兵，努力走在全国前列。",
                                                "第二段。"]


def test_latin_words_broken_across_lines_keep_their_space():
    b, _ = import_text("据新华社报道，移动\nAPP\nreport 称。")
    assert b.pages[0].blocks[0].paragraphs[0].text == "据新华社报道，移动APP report 称。"


def test_caption_on_one_line_and_padded_two_character_name():
    b, _ = import_text("标题一行\n\n张  静\n咸阳市总工会党组书记\n\n正文。")
    assert b.pages[0].blocks[0].person.name == "张  静"  # newspaper style keeps the padding as typed
    b, _ = import_text("薛振虎 西安市人大常委会副主任 市总工会主席\n\n2020年，西安市总工会贯彻落实。")
    col = b.pages[0].blocks[0]
    assert col.person.name == "薛振虎" and col.person.titles == ["西安市人大常委会副主任", "市总工会主席"]


def test_lead_sentences():
    b, _ = import_text("标题\n\n政治引领更加有力。第一时间研究。\n\n2020年，西安市总工会很好。后面。\n\n"
                       "多措并举抗击疫情，成立疫情防控领导小组，统筹推进疫情防控工作。累计投入。\n\n只有一句。")
    assert [p.lead for p in b.pages[0].blocks[0].paragraphs] == [True, False, False, False]


def test_speech_attribution_gives_the_speaker():
    from importers.structure import parse_speaker

    p = parse_speaker("（省人大常委会副主任、省总工会主席郭大为在2021年第一季度工会主席工作例会上的讲话摘编）")
    assert (p.name, p.titles) == ("郭大为", ["省人大常委会副主任", "省总工会主席"])
    assert parse_speaker("（讲话摘编）").name == ""


def test_unclassifiable_text_is_kept_and_reported():
    b, report = import_text("这是一段没有标题也没有署名的文字。")
    assert b.pages[0].blocks[0].paragraphs[0].text == "这是一段没有标题也没有署名的文字。"
    assert any("before any headline" in w.message for w in report.warnings)


def test_year_without_bullets_is_not_a_speech_label():
    b, _ = import_text("2020\n\n2020年，西安市总工会贯彻落实。")
    assert not any(isinstance(blk, SpeechBlock) for _, blk in b.iter_blocks())
    assert b.pages[0].blocks[0].headline == "2020"


def test_empty_text_gives_an_empty_bulletin():
    b, report = import_text("\n \n\u3000\n")
    assert b.pages == [] and report.columns == 0


def test_title_line_without_a_name_is_reported():
    b, report = import_text("市总工会主席\n\n2020年，西安市总工会贯彻落实。")
    assert b.pages[0].blocks[0].headline == "市总工会主席"
    assert any("no name above it" in w.message for w in report.warnings)

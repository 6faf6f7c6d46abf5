"""The built-in example holds the seed page, character for character."""

from __future__ import annotations

from collections import Counter

from model.document import Banner, ColumnBlock, HeadlineGroup, SpeechBlock, block_texts
from tests.conftest import SEED

NAMES = ["薛振虎", "曹海芹", "张静", "张耀民", "姚双年", "黑树林", "李晓娟", "陈伦宝", "李吉斌"]
HEADLINES = ["当好全省工会排头兵", "把握“五大优势”增“三性”", "打造特色劳动教育品牌", "办好党委政府关注的事",
             "保持双战双胜奋进姿态", "紧扣发展大局履职尽责", "劲头不减亮点纷呈"]


def _seed_chars() -> Counter:
    text = SEED.read_text(encoding="utf-8")
    lines = [line[2:] if line.startswith("- ◎") else line for line in text.split("\n")]
    return Counter(ch for line in lines for ch in line if not ch.isspace())


def _model_chars(b) -> Counter:
    c: Counter = Counter()
    for page in b.pages:
        for item in (page.banner, page.headline, *page.blocks):
            if item is not None:
                c.update(ch for t in block_texts(item) for ch in t if not ch.isspace())
    return c


def test_every_seed_character_is_in_the_example_and_nothing_else(example):
    seed, model = _seed_chars(), _model_chars(example)
    assert sum(seed.values()) > 6000
    assert model == seed, (seed - model, model - seed)


def test_two_pages_speech_and_ten_columns(example):
    assert len(example.pages) == 2
    p1, p2 = example.pages
    assert isinstance(p1.headline, HeadlineGroup) and p1.headline.title == "力争陕西工会多项工作走在全国前列"
    assert p1.headline.subtitle.startswith("——省总工会2021年第一季度")
    assert isinstance(p2.banner, Banner) and p2.banner.lines[0] == "以优异成绩 庆祝建党100周年"
    speech = [b for b in p1.blocks if isinstance(b, SpeechBlock)]
    assert len(speech) == 1
    assert [s.label for s in speech[0].sections] == ["2020", "2021"]
    assert [len(s.bullets) for s in speech[0].sections] == [3, 4]
    assert all(b.startswith("◎") for s in speech[0].sections for b in s.bullets)
    assert speech[0].attribution.startswith("（") and speech[0].attribution.endswith("）")
    cols = [b for _, b in example.iter_blocks() if isinstance(b, ColumnBlock)]
    assert [c.region for c in cols] == ["西安", "宝鸡", "咸阳", "铜川", "渭南", "延安", "汉中", "安康", "商洛", "杨凌"]
    assert [c.region for c in p2.blocks] == ["汉中", "安康", "商洛", "杨凌"]
    assert [c.person.name for c in cols if c.person] == NAMES
    assert [c.headline for c in cols if c.headline] == HEADLINES
    assert cols[0].person.titles == ["西安市人大常委会副主任", "市总工会主席"]
    assert cols[2].person.titles == ["咸阳市总工会党组书记", "常务副主席"]
    yangling = cols[-1]
    assert yangling.person is None and yangling.organisation == "杨凌示范区总工会"


def test_portraits_are_real_images_for_every_person(example):
    import io

    from PIL import Image

    cols = [b for _, b in example.iter_blocks() if isinstance(b, ColumnBlock) and b.person]
    assert len(cols) == 9
    for c in cols:
        im = Image.open(io.BytesIO(example.images.get(c.portrait.image)))
        assert im.size == (1200, 1600)
    assert len({c.portrait.image for c in cols}) == 9  # each shows its own name


def test_paragraphs_broken_by_the_page_are_rejoined(example):
    texts = [p.text for _, b in example.iter_blocks() if isinstance(b, ColumnBlock) for p in b.paragraphs]
    assert any("消费扶贫携手行" in t for t in texts)
    assert any("职工福利帮购、对外协作推销" in t for t in texts)
    assert not any(t.startswith(("贫携手行", "购、对外", "农民工就业脱贫", "目前《项目")) for t in texts)


def test_typing_slips_are_kept(example):
    texts = "".join(t for _, b in example.iter_blocks() for t in block_texts(b))
    assert "以实效实效" in texts and "组织100名劳模劳模" in texts


def test_lead_sentence_split():
    from model.document import Paragraph

    assert Paragraph("政治引领更加有力。第一时间研究", lead=True).split_lead() == ("政治引领更加有力。", "第一时间研究")
    assert Paragraph("政治引领更加有力。第一时间", lead=False).split_lead() == ("", "政治引领更加有力。第一时间")
    assert Paragraph("没有句号", lead=True).split_lead() == ("", "没有句号")


def test_placeholder_portraits_have_a_photos_tones_not_a_white_card():
    """The example's portraits stand for photos: no part of one prints as bare paper, so the
    example page looks, and measures, as it will with the cities' real photos."""
    import io

    from PIL import Image

    from model.example import placeholder_portrait

    im = Image.open(io.BytesIO(placeholder_portrait("张耀民"))).convert("L")
    tw, th = im.width // 8, im.height // 8
    for y in range(0, im.height - th + 1, th):
        for x in range(0, im.width - tw + 1, tw):
            assert min(im.crop((x, y, x + tw, y + th)).getdata()) < 150, (x, y)

"""A seeded corpus of varied bulletins for the make-up benchmark (issue 24, point 6).

    python benchmarks/makeup_corpus.py [--count 120] [--big] [--write DIR]

Each bulletin is built from its index alone (``corpus_bulletin(i)``), so a worker process, a test
and a later run all get the same bulletin without passing it around. They differ the way real
special pages do: 3–14 city columns of 100–1,500 characters (even or uneven lengths), with or
without the leader's speech, with all, some or no portraits, with or without activity photos
(picture blocks), on every page size, with page count and size free as after an import (most)
or fixed as a newspaper gives them (the rest). Every tenth bulletin is imported from text
submissions by the shared generator (tests/submissions.py), as a new user would make it. The
text is the example's own (resources/example_content.py) and the submissions' pieces, recut
into sentences, so line breaking meets real Chinese union-report copy.

``big_bulletin()`` is a 24-page A4 bulletin for the plan time of a long bulletin.
"""

from __future__ import annotations

import argparse
import io
import random
import re
import sys
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PIL import Image, ImageDraw  # noqa: E402

from model.document import (  # noqa: E402
    Bulletin,
    ColumnBlock,
    Crop,
    HeadlineGroup,
    Page,
    PageSetup,
    Paragraph,
    Person,
    PictureBlock,
    Portrait,
    SpeechBlock,
    SpeechSection,
    char_count,
)
from resources.example_content import PAGES  # noqa: E402
from tests.submissions import BITS, LEADS, imported_submissions  # noqa: E402

#: bulletins in the corpus by default (issue 24 asks for at least 100)
DEFAULT_COUNT = 120
FORMATS = ("broadsheet", "tabloid", "a3", "a4")
PORTRAIT_PX = (600, 800)
PHOTO_PX = (800, 600)
MIN_CHARS, MAX_CHARS = 100, 1500
#: what a column is asked for at least: cutting the last sentence at a comma loses a few
MIN_TARGET = 115
BIG_PAGES = 24

REGIONS = ["西安", "宝鸡", "咸阳", "铜川", "渭南", "延安", "榆林", "汉中", "安康", "商洛", "韩城", "杨凌",
           "神木", "府谷", "彬州", "华阴", "兴平", "子长", "旬阳", "西咸新区"]
#: unions beyond the cities, for bulletins with more columns than there are cities
SECTORS = ["省能源化学地质", "省国防", "省交通运输", "省教科文卫体", "省农林水利气象", "省建设建材",
           "省财贸轻纺烟草", "省机械冶金", "省邮电", "省直机关"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢"
GIVEN = "建国明华志强伟军勇静敏丽芳娟霞平刚桂英秀兰玉梅振虎海芹耀民双年树林晓伦宝吉斌红涛斌鹏辉俊杰文博"
TITLES = [["{r}市人大常委会副主任", "市总工会主席"], ["{r}市政协副主席", "市总工会主席"], ["{r}市总工会党组书记", "常务副主席"],
          ["{r}市总工会主席"], ["{r}市总工会党组书记", "主席"]]
HEADLINES = ["当好全省工会排头兵", "把握“五大优势”增“三性”", "打造特色劳动教育品牌", "办好党委政府关注的事",
             "保持双战双胜奋进姿态", "紧扣发展大局履职尽责", "劲头不减亮点纷呈", "奋力谱写新时代工会新篇章",
             "凝心聚力促发展", "在追赶超越中建功立业", "做职工群众的贴心人", "建功“十四五”　奋进新征程",
             "以高质量工会工作服务高质量发展", "深化改革激发活力", "把服务送到职工心坎上", "让劳模精神代代相传",
             "稳就业保民生", "产业工人队伍建设改革见实效", "“娘家人”办实事", "守正创新谋发展"]
CAPTIONS = ["全市职工技能大赛现场。", "劳模工匠走进企业宣讲。", "“送温暖”活动中，工会干部走访慰问困难职工。",
            "职工书屋里，职工在阅读。", "疫情防控一线的职工志愿者。", "户外劳动者服务站揭牌。"]
KICKERS = ["以优异成绩庆祝建党100周年", "向三秦职工报告", "奋进新征程　建功新时代"]
TITLES_PAGE = ["凝心聚力谋发展　砥砺奋进开新局", "地市工会篇", "建功“十四五”　工会在行动", "团结动员职工奋进新征程"]
SUBTITLES = ["——省总工会2021年第一季度工会主席工作例会发言摘编", "——各地市工会工作交流", ""]


@dataclass(frozen=True)
class Shape:
    """What bulletin ``index`` is made of: the levers the corpus varies, printed by the benchmark."""

    index: int
    preset: str
    free: bool  # page count and size free, as after an import
    columns: int
    lengths: str  # even / uneven / skewed / imported
    speech: bool
    portraits: str  # all / some / none
    photos: int
    headline_group: bool


# ---------------------------------------------------------------------------------------------
# text


@lru_cache(maxsize=1)
def _sentences() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(lead sentences, body sentences) of the example and the submissions' pieces."""
    leads = set(LEADS)
    body: list[str] = []
    for page in PAGES:
        paras = [p for c in page["columns"] for p in c["paragraphs"]]
        if "speech" in page:
            paras += [p for s in page["speech"]["sections"] for p in s["paragraphs"]]
        for p in paras:
            parts = [s for s in re.findall(r"[^。！？]*[。！？]”?", p["text"]) if len(s) >= 8]
            if p["lead"] and parts:
                leads.add(parts[0])
                parts = parts[1:]
            body += parts
    rnd = random.Random(0)
    for _ in range(40):  # the submissions' clauses, joined as the generator of imports joins them
        body.append("".join(rnd.choice(BITS) for _ in range(rnd.randint(2, 5))) + "为全市经济社会发展作出了积极贡献。")
    return tuple(sorted(leads)), tuple(body)


def _localise(text: str, region: str) -> str:
    """A sentence of one city's column told of another: the example's city names replaced."""
    for r in ("西安", "宝鸡", "咸阳", "铜川", "渭南", "延安", "汉中", "安康", "商洛", "杨凌"):
        text = text.replace(r, region)
    return text


def _cut(sentence: str, room: int) -> str:
    """``sentence`` cut at its last comma within ``room`` characters and closed with 。."""
    head = sentence[:max(1, room - 1)]
    k = max(head.rfind("，"), head.rfind("、"), head.rfind("；"))
    if k >= 6:
        head = head[:k]
    return head.rstrip("，、；：“") + "。"


def body_text(rnd: random.Random, region: str, target: int, unit: str = "市总工会") -> list[Paragraph]:
    """Paragraphs of about ``target`` characters: an opening sentence, then paragraphs that
    mostly open with a bold run-in lead, as the cities write them."""
    leads, body = _sentences()
    opening = (f"2020年，{region}{unit}坚持以习近平新时代中国特色社会主义思想为指导，"
               "团结动员广大职工建功新时代。")
    paras = [Paragraph(opening if target >= 60 else _cut(opening, target))]
    total = char_count([paras[0].text])
    while total < target - 8:
        lead = rnd.random() < 0.75
        text = rnd.choice(leads) if lead else ""
        opened = len(text)
        for _ in range(rnd.randint(2, 5)):
            s = _localise(rnd.choice(body), region)
            room = target - total - char_count([text])
            if room <= 8:
                break
            text += s if len(s) <= room else _cut(s, room)
            if len(s) > room:
                break
        if len(text) - opened <= 8:  # no room left for a sentence after the lead
            break
        paras.append(Paragraph(text, lead=lead and not text.startswith("”")))
        total += char_count([text])
    while total < MIN_CHARS:  # the last sentence was cut short: a clause more
        extra = rnd.choice(BITS).rstrip("，") + "。"
        paras[-1] = Paragraph(paras[-1].text + extra, paras[-1].lead)
        total += char_count([extra])
    return paras


@lru_cache(maxsize=1)
def _filler_text() -> tuple[Paragraph, ...]:
    return tuple(body_text(random.Random("filler"), "全省", 60_000, "各级工会"))


def filler(chars: int) -> list[Paragraph]:
    """The first ``chars`` characters of one long report, as paragraphs: body text to add to a
    page when measuring how much copy it really lacks (the same text for every page, so more
    characters always mean the same text and then some)."""
    out: list[Paragraph] = []
    left = chars
    for p in _filler_text():
        if left <= 0:
            break
        n = char_count([p.text])
        out.append(p if n <= left else Paragraph(p.text[:left], p.lead))
        left -= n
    return out


def _lengths(rnd: random.Random, kind: str, n: int) -> list[int]:
    if kind == "even":
        base = rnd.randint(MIN_CHARS, MAX_CHARS)
        return [max(MIN_TARGET, min(MAX_CHARS, round(base * rnd.uniform(0.9, 1.1)))) for _ in range(n)]
    if kind == "skewed":  # one or two long pieces among short ones
        out = [rnd.randint(MIN_TARGET, 450) for _ in range(n)]
        for k in rnd.sample(range(n), min(n, rnd.randint(1, 2))):
            out[k] = rnd.randint(1000, MAX_CHARS)
        return out
    lo, hi = sorted((rnd.randint(MIN_TARGET, MAX_CHARS), rnd.randint(MIN_TARGET, MAX_CHARS)))
    return [max(MIN_TARGET, round(rnd.uniform(min(lo, 300), max(hi, 800)))) for _ in range(n)]


# ---------------------------------------------------------------------------------------------
# pictures


def portrait_png(rnd: random.Random) -> bytes:
    """A head-and-shoulders silhouette on a mid-grey studio backdrop (like the example's
    placeholder portraits: it prints as a photo's tones, so it counts as ink)."""
    w, h = PORTRAIT_PX
    lo = rnd.randint(96, 120)
    im = Image.linear_gradient("L").resize((w, h)).point(lambda v: lo + v * 24 // 255)
    d = ImageDraw.Draw(im)
    dx = rnd.uniform(-0.04, 0.04)
    d.ellipse((w * (0.30 + dx), h * 0.13, w * (0.70 + dx), h * 0.50), fill=rnd.randint(48, 70))
    d.ellipse((w * 0.10, h * 0.52, w * 0.90, h * 1.15), fill=rnd.randint(36, 60))
    out = io.BytesIO()
    im.save(out, format="PNG")
    return out.getvalue()


def photo_jpeg(rnd: random.Random) -> bytes:
    """An activity photo: people (dark shapes) before a mid-grey hall, as a phone's JPEG."""
    w, h = PHOTO_PX
    im = Image.new("RGB", (w, h), (rnd.randint(120, 160),) * 3)
    d = ImageDraw.Draw(im)
    d.rectangle((0, int(h * 0.62), w, h), fill=(rnd.randint(80, 110),) * 3)
    for _ in range(rnd.randint(4, 9)):
        x = rnd.randint(0, w - 60)
        y = rnd.randint(int(h * 0.35), int(h * 0.6))
        tone = (rnd.randint(30, 90),) * 3
        d.ellipse((x + 12, y, x + 48, y + 40), fill=tone)
        d.rectangle((x, y + 42, x + 60, min(h, y + 200)), fill=tone)
    out = io.BytesIO()
    im.save(out, format="JPEG", quality=80)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# bulletins


def shape_of(index: int) -> Shape:
    """The levers of bulletin ``index``, drawn from its own seed."""
    rnd = random.Random(f"shape-{index}")
    imported = index % 10 == 9
    free = imported or rnd.random() < 0.75
    return Shape(
        index=index,
        preset="broadsheet" if imported else FORMATS[index % 4],
        free=free,
        columns=rnd.randint(3, 11) if imported else rnd.randint(3, 14),
        lengths="imported" if imported else rnd.choice(("even", "even", "uneven", "uneven", "skewed")),
        speech=not imported and rnd.random() < 0.35,
        portraits=rnd.choice(("all", "none")) if imported else rnd.choice(("all", "all", "all", "some", "none", "none")),
        photos=0 if imported else rnd.choice((0, 0, 0, 1, 2, 3)),
        headline_group=not imported and rnd.random() < 0.3,
    )


def _person(rnd: random.Random, region: str) -> Person:
    name = rnd.choice(SURNAMES) + "".join(rnd.choice(GIVEN) for _ in range(rnd.choice((1, 2, 2))))
    return Person(name, [t.format(r=region) for t in rnd.choice(TITLES)])


def _speech(rnd: random.Random, b: Bulletin, ident: str, portrait: bool) -> SpeechBlock:
    src = next(p["speech"] for p in PAGES if "speech" in p)
    sections = []
    for sec in rnd.sample(src["sections"], rnd.randint(1, len(src["sections"]))):
        bullets = sec["bullets"][:rnd.randint(1, len(sec["bullets"]))]
        paras = [Paragraph(p["text"], p["lead"]) for p in sec["paragraphs"]]
        if rnd.random() < 0.4:
            paras = paras[:1]
        sections.append(SpeechSection(sec["label"], sec["heading"], list(bullets), paras))
    block = SpeechBlock(id=ident, speaker=Person(src["speaker"]["name"], list(src["speaker"]["titles"])),
                        sections=sections, attribution=src["attribution"])
    if portrait:
        block.portrait = Portrait(image=b.images.add(portrait_png(rnd), "leader portrait"))
    return block


def _setup(preset: str, free: bool) -> PageSetup:
    setup = PageSetup.from_preset(preset)  # type: ignore[arg-type]
    setup.fit.free_pages = free
    setup.fit.free_format = free
    return setup


def page_capacity(setup: PageSetup) -> int:
    """Body characters a page of ``setup`` holds, less what headlines, bylines and air take
    (a rough share): used to give a fixed bulletin a page count near its copy."""
    from layout.grid import make_grid

    g = make_grid(setup)
    return int(0.7 * g.lines * g.columns * g.col_chars)


def _deal(blocks: list, count: int) -> list[list]:
    """``blocks`` in reading order over ``count`` pages of about equal volume."""
    count = max(1, min(count, len(blocks)))
    vols = [char_count([t for p in getattr(b, "paragraphs", []) for t in (p.text,)]) + 200 for b in blocks]
    total = sum(vols)
    pages: list[list] = [[] for _ in range(count)]
    acc = 0.0
    for k, (b, v) in enumerate(zip(blocks, vols)):
        p = min(count - 1, int(acc / total * count))
        p = max(p, count - (len(blocks) - k))  # every page keeps at least one block
        pages[p].append(b)
        acc += v
    for p in range(count):  # a page left empty by rounding takes a block from its neighbour
        if not pages[p]:
            donor = max(range(count), key=lambda q: len(pages[q]))
            pages[p].append(pages[donor].pop(0 if donor > p else -1))
    return pages


def _columns(rnd: random.Random, b: Bulletin, shape: Shape, prefix: str, lengths: list[int]) -> list[ColumnBlock]:
    regions = rnd.sample(REGIONS, min(len(REGIONS), len(lengths)))
    while len(regions) < len(lengths):
        regions.append(SECTORS[(len(regions) - len(REGIONS)) % len(SECTORS)])
    out = []
    for k, (region, target) in enumerate(zip(regions, lengths)):
        sector = region.startswith("省")
        org = "" if not sector and rnd.random() > 0.06 else (
            f"{region}工会" if sector else f"{region}总工会" if region.endswith("区") else f"{region}示范区总工会")
        person = None if org else _person(rnd, region)
        portrait = None
        if person is not None and (shape.portraits == "all" or shape.portraits == "some" and rnd.random() < 0.6):
            portrait = Portrait(image=b.images.add(portrait_png(rnd), f"portrait of {person.name}"))
        headline = "" if k > 0 and rnd.random() < 0.08 else rnd.choice(HEADLINES)
        out.append(ColumnBlock(id=f"{prefix}-col{k + 1}", region="" if sector else region, organisation=org,
                               headline=headline, person=person, portrait=portrait,
                               paragraphs=body_text(rnd, region, target, "工会" if sector else "市总工会")))
    return out


def _photos(rnd: random.Random, b: Bulletin, prefix: str, count: int) -> list[PictureBlock]:
    return [PictureBlock(id=f"{prefix}-pic{k + 1}", picture=Portrait(image=b.images.add(photo_jpeg(rnd), "activity photo"),
                                                                      crop=Crop()),
                         caption=rnd.choice(CAPTIONS) if rnd.random() < 0.8 else "") for k in range(count)]


def _imported(shape: Shape) -> Bulletin:
    """Submissions written as text files and imported; ids made stable (the importer's are random)."""
    with tempfile.TemporaryDirectory() as d:
        b = imported_submissions(Path(d), 1000 + shape.index, shape.columns)
    rnd = random.Random(f"imported-{shape.index}")
    prefix = f"c{shape.index:03d}"
    for n, page in enumerate(b.pages):
        page.id = f"{prefix}-page{n + 1}"
        for k, block in enumerate(page.blocks):
            block.id = f"{prefix}-b{k + 1}"
            if shape.portraits == "all" and isinstance(block, ColumnBlock) and block.person is not None:
                from importers.structure import framed_portrait

                data = portrait_png(rnd)
                block.portrait = framed_portrait(b.images.add(data, "portrait"), data, b)
    b.page_setup.fit.free_pages = True
    b.page_setup.fit.free_format = True
    return b


def corpus_bulletin(index: int) -> Bulletin:
    """Bulletin ``index`` of the corpus (any index ≥ 0 gives a valid, different bulletin)."""
    shape = shape_of(index)
    if shape.lengths == "imported":
        return _imported(shape)
    rnd = random.Random(f"bulletin-{index}")
    prefix = f"c{index:03d}"
    b = Bulletin(publication="陕西工人报", issue_title=rnd.choice(TITLES_PAGE), date=f"2021-{1 + index % 12:02d}",
                 issue_number=str(1200 + index), edition="专版", page_setup=_setup(shape.preset, shape.free))
    blocks: list = []
    if shape.speech:
        blocks.append(_speech(rnd, b, f"{prefix}-speech", shape.portraits != "none" and rnd.random() < 0.5))
    blocks += _columns(rnd, b, shape, prefix, _lengths(rnd, shape.lengths, shape.columns))
    for pic in _photos(rnd, b, prefix, shape.photos):  # photos stand between the columns
        blocks.insert(rnd.randint(1, len(blocks)), pic)
    if shape.free:
        count = 1  # as an import leaves it: everything on one page, the make-up chooses
    else:
        total = sum(char_count([p.text for p in getattr(x, "paragraphs", [])]) for x in blocks)
        count = max(1, round(total / page_capacity(b.page_setup)))
    for n, page_blocks in enumerate(_deal(blocks, count)):
        page = Page(id=f"{prefix}-page{n + 1}", label=f"第{n + 1}版", blocks=page_blocks)
        if n == 0 and shape.headline_group:
            page.headline = HeadlineGroup(id=f"{prefix}-head", kicker=rnd.choice(KICKERS), title=b.issue_title,
                                          subtitle=rnd.choice(SUBTITLES))
        b.pages.append(page)
    return b


def big_bulletin(free_count: bool = False) -> Bulletin:
    """A 24-page A4 bulletin, the plan time of a long bulletin: page count and size fixed, or
    (``free_count``) the same copy on one page with the count free and A4 kept."""
    rnd = random.Random("big")
    b = Bulletin(publication="陕西工人报", issue_title="全省工会工作交流汇编", date="2021-12", edition="简报",
                 page_setup=_setup("a4", False))
    b.page_setup.fit.free_pages = free_count
    shape = Shape(-1, "a4", False, 44, "uneven", True, "all", 4, True)
    per_page = page_capacity(b.page_setup)
    blocks: list = [_speech(rnd, b, "big-speech", True)]
    lengths = [rnd.randint(500, 1400) for _ in range(shape.columns)]
    scale = (BIG_PAGES * per_page * 0.9) / sum(lengths)
    blocks += _columns(rnd, b, shape, "big", [max(MIN_TARGET, min(MAX_CHARS, round(x * scale))) for x in lengths])
    for pic in _photos(rnd, b, "big", shape.photos):
        blocks.insert(rnd.randint(1, len(blocks)), pic)
    for n, page_blocks in enumerate(_deal(blocks, 1 if free_count else BIG_PAGES)):
        b.pages.append(Page(id=f"big-page{n + 1}", label=f"第{n + 1}版", blocks=page_blocks))
    b.pages[0].headline = HeadlineGroup(id="big-head", kicker=KICKERS[1], title=b.issue_title, subtitle=SUBTITLES[1])
    return b


#: the indices of the 24-page bulletin: −1 with its 24 pages fixed, −2 with the count free
BIG = (-1, -2)


def corpus_id(index: int) -> str:
    return {-1: "big-24", -2: "big-24free"}.get(index, f"c{index:03d}")


def bulletin_for(index: int) -> Bulletin:
    """Corpus bulletin ``index``; −1 and −2 are the 24-page ones (``BIG``)."""
    return big_bulletin(free_count=index == -2) if index < 0 else corpus_bulletin(index)


def describe(index: int, b: Bulletin) -> str:
    """One line naming what the bulletin is made of."""
    cols = [x for _p, x in b.iter_blocks() if isinstance(x, ColumnBlock)]
    chars = [char_count([p.text for p in c.paragraphs]) for c in cols]
    pics = sum(isinstance(x, PictureBlock) for _p, x in b.iter_blocks())
    speech = any(isinstance(x, SpeechBlock) for _p, x in b.iter_blocks())
    portraits = sum(1 for c in cols if c.portrait is not None)
    fit = b.page_setup.fit
    free = {(True, True): "free", (True, False): "count", (False, False): "fixed"}.get((fit.free_pages, fit.free_format), "size")
    return (f"{corpus_id(index)} {b.page_setup.preset:10s} {free:5s} {len(b.pages):2d}p {len(cols):2d} cols "
            f"{min(chars, default=0)}–{max(chars, default=0)} chars (Σ{sum(chars)}), portraits {portraits}, "
            f"photos {pics}{', speech' if speech else ''}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT)
    parser.add_argument("--big", action="store_true", help="also the 24-page A4 bulletins (fixed and count free)")
    parser.add_argument("--write", metavar="DIR", help="save each bulletin as DIR/<id>.bulletin")
    args = parser.parse_args()
    indices = list(range(args.count)) + (list(BIG) if args.big else [])
    if args.write:
        from model.project_file import save

        Path(args.write).mkdir(parents=True, exist_ok=True)
    for i in indices:
        b = bulletin_for(i)
        print(describe(i, b))
        if args.write:
            save(b, str(Path(args.write) / f"{corpus_id(i)}.bulletin"))
    return 0


if __name__ == "__main__":
    sys.exit(main())

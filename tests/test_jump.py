"""转版: an article that closes a page runs to its foot and its rest opens the next page."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from layout.document import assemble, lay_out_bulletin, lay_out_pages
from layout.fit import apply
from layout.grid import make_grid
from layout.jump import JUMP_FROM, JUMP_TO, body_chars, split
from layout.quality import MAX_FOOT, measure_page
from layout.types import GlyphRun
from makeup import changes_for, plan_makeup
from model.document import Bulletin, ColumnBlock, ColumnPhoto, Page, Paragraph, Placement
from tests.test_makeup import _text_bulletin


def _visible(texts) -> Counter:
    return Counter(c for t in texts for c in t if not c.isspace())


def _article(paras: list[str], **kw) -> ColumnBlock:
    return ColumnBlock(region="西安", headline="奋力谱写新篇章", paragraphs=[Paragraph(t) for t in paras], **kw)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="工会职工服务，。“”创新发展 ", min_size=1, max_size=40), min_size=1, max_size=6),
       st.integers(min_value=-5, max_value=250))
def test_the_two_parts_hold_exactly_the_articles_text(paras, keep):
    block = _article(paras)
    parts = split(block, keep, 2, 1)
    if parts is None:  # nothing to jump: all or none of the text would stay
        return
    first, rest = parts
    assert first.paragraphs[-1].text.endswith(JUMP_TO.format(n=2))
    assert rest.paragraphs[0].text.startswith(JUMP_FROM.format(n=1))
    both = [p.text for p in first.paragraphs] + [p.text for p in rest.paragraphs]
    markers = _visible([JUMP_TO.format(n=2), JUMP_FROM.format(n=1)])
    assert _visible(both) == _visible(paras) + markers
    joined = "".join(both).replace(JUMP_TO.format(n=2), "").replace(JUMP_FROM.format(n=1), "")
    assert "".join(joined.split()) == "".join("".join(paras).split())  # in reading order
    # the continuation is headed by the article's headline, without the portrait or the name
    assert rest.id == block.id and rest.headline == block.headline and rest.portrait is None


def test_a_break_never_leaves_a_mark_to_open_the_continuation():
    block = _article(["职工群众满意，企业发展向好。"])
    first, rest = split(block, 6, 2, 1)  # right before the comma
    assert first.paragraphs[0].text.startswith("职工群众满意，")
    assert rest.paragraphs[0].text == JUMP_FROM.format(n=1) + "企业发展向好。"


def test_a_break_at_nothing_or_everything_is_no_jump():
    block = _article(["第一段文字。", "第二段文字。"])
    assert split(block, 0, 2, 1) is None
    assert split(block, body_chars(block), 2, 1) is None


def test_photos_go_with_the_paragraph_they_stand_before():
    block = _article(["一" * 30, "二" * 30, "三" * 30],
                     photos=[ColumnPhoto(caption="a", after=1), ColumnPhoto(caption="b", after=2)])
    first, rest = split(block, 45, 2, 1)  # inside the second paragraph
    assert [p.caption for p in first.photos] == ["a"]
    assert [(p.caption, p.after) for p in rest.photos] == [("b", 1)]  # before 三 (now the second)


def _over_page(jumps: bool) -> Bulletin:
    """Two A4 pages: the first holds more than fits (its last article is long), the second is
    short: cut between articles, one page is over or the other short whatever the cut."""
    b = _text_bulletin(2, 5, "a4")
    long = _text_bulletin(1, 10, "a4").pages[0].blocks[0]
    extra = _text_bulletin(1, 2, "a4").pages[0].blocks
    b.pages = [Page(id="p1", label="第1版", blocks=[*b.pages[0].blocks, long]),
               Page(id="p2", label="第2版", blocks=extra)]
    long.placement.continues = jumps
    return b


def _printed(doc) -> dict[int, str]:
    return {lp.number: "".join(it.text for it in lp.items if isinstance(it, GlyphRun)) for lp in doc.pages}


def test_an_article_over_its_page_continues_on_the_next_and_nothing_is_lost():
    b = _over_page(jumps=False)
    over = [p for p in lay_out_bulletin(b).problems if p.kind == "overset"]
    assert over, "the first page holds more than fits"

    b = _over_page(jumps=True)
    doc = lay_out_bulletin(b)
    assert not [p for p in doc.problems if p.kind in ("overset", "truncated")]
    text = _printed(doc)
    assert "（下转第2版）" in text[1] and "（上接第1版）" in text[2]
    # every character of the jumping article is printed, on one page or the other
    jumping = b.pages[0].blocks[-1]
    printed = Counter(c for lp in doc.pages for it in lp.items if isinstance(it, GlyphRun)
                      and it.block_id == jumping.id for c in it.text if not c.isspace())
    assert not _visible(p.text for p in jumping.paragraphs) - printed
    # the continuation opens page 2, under the headline repeated
    area = next(a for a in doc.pages[1].areas if a.block_id == jumping.id)
    assert area.y <= min(a.y for a in doc.pages[1].areas)
    # the first page runs to its foot
    assert measure_page(doc.pages[0], make_grid(b.page_setup)).foot <= 0.02


def test_the_preview_lays_out_a_jump_as_the_export_does():
    b = _over_page(jumps=True)
    whole = lay_out_bulletin(b)
    first = lay_out_pages(b, exact_short=False)
    again = lay_out_pages(b, {1}, first, exact_short=False)  # typing into page 2 re-lays out page 1's jump too
    assert _printed(assemble(again)) == _printed(whole)


def test_the_last_page_has_no_next_page_to_jump_to():
    b = _over_page(jumps=True)
    b.pages[1].blocks[-1].placement.continues = True
    b.pages[1].blocks[-1].paragraphs *= 40
    doc = lay_out_bulletin(b)
    assert [p for p in doc.problems if p.kind == "overset" and p.block_id == b.pages[1].blocks[-1].id]


def test_nothing_jumps_onto_a_fixed_page():
    b = _over_page(jumps=True)
    b.pages[1].fixed_layout = True
    doc = lay_out_bulletin(b)
    assert [p for p in doc.problems if p.kind == "overset" and p.block_id == b.pages[0].blocks[-1].id]
    assert "（上接第1版）" not in _printed(doc)[2]


def test_the_flag_is_saved_and_an_old_file_without_it_opens(tmp_path):
    from model.project_file import load, save

    b = _over_page(jumps=True)
    save(b, tmp_path / "j.bulletin")
    assert load(tmp_path / "j.bulletin").pages[0].blocks[-1].placement.continues
    assert Placement().continues is False


def test_the_pdf_reads_back_both_jump_lines(tmp_path):
    import pdfplumber

    from exporters.pdf import write_pdf

    out = tmp_path / "j.pdf"
    write_pdf(_over_page(jumps=True), str(out))
    with pdfplumber.open(out) as pdf:
        pages = ["".join(c["text"] for c in p.chars) for p in pdf.pages]
    assert "下转第2版" in pages[0] and "上接第1版" in pages[1]


def test_the_make_up_jumps_an_article_where_copy_falls_between_two_page_counts():
    """Three tabloid pages for copy a little over two and a half: cut between articles, the second
    page is over and the third short whatever the cut; a 转版 fills both."""
    from benchmarks.makeup_corpus import bulletin_for

    b = bulletin_for(18)
    result = plan_makeup(b, pages=3, fmt="tabloid")
    unjumped = [c for c in result.candidates if not c.plan.jumps]
    best = result.best
    assert best.plan.jumps, best.plan.describe()
    assert "转版 1 处" in best.plan.describe()
    assert best.cost < min(c.cost for c in unjumped)
    changes = changes_for(b, best.plan)
    assert any("转版" in c.text for c in changes)
    apply(changes)
    doc = lay_out_bulletin(b)
    g = make_grid(b.page_setup)
    assert not [p for p in doc.problems if p.kind in ("overset", "truncated")]
    k = next(i for i, p in enumerate(b.pages) if p.blocks and p.blocks[-1].id in best.plan.jumps)
    assert measure_page(doc.pages[k], g).foot <= MAX_FOOT  # the page jumped from runs to its foot
    # more pages meet every rule than in any plan that cuts only between articles
    meeting = sum(measure_page(lp, g).meets for lp in doc.pages)
    assert meeting > max(sum(f.meets for f in c.pages) for c in unjumped)
    # and the plan as it now stands is scored with its jump: nothing better is proposed
    again = plan_makeup(b, pages=3, fmt="tabloid")
    assert again.current.cost <= again.best.cost + 1e-6


def test_a_fixed_page_never_jumps():
    b = _over_page(jumps=False)
    b.pages[0].fixed_layout = True
    result = plan_makeup(b)
    assert all(b.pages[0].blocks[-1].id not in c.plan.jumps for c in result.candidates)
    b.pages[0].blocks[-1].placement.continues = True  # set by hand: a fixed page keeps its blocks whole
    assert [p for p in lay_out_bulletin(b).problems if p.kind == "overset"]


def test_the_2021_page_imported_from_text_meets_every_rule_with_a_jump(tmp_path):
    """The seed, imported from plain text with page count and size free: its copy falls between
    one and two tabloid pages, and 渭南 (an article of 铜川's group) would open page 2 apart from
    its group's headline; jumped, it opens page 2 under that headline repeated, and both pages
    meet every rule with all their text printed."""
    import subprocess
    import sys
    from pathlib import Path

    from model.project_file import load
    from tests.conftest import SEED

    out = tmp_path / "seed.bulletin"
    root = Path(__file__).resolve().parent.parent
    r = subprocess.run([sys.executable, str(root / "main.py"), "import", str(SEED), "-o", str(out)],
                       capture_output=True, text=True, cwd=root)
    assert r.returncode == 0, r.stderr
    b = load(out)
    doc = lay_out_bulletin(b)
    g = make_grid(b.page_setup)
    assert [measure_page(lp, g).failures for lp in doc.pages] == [[] for _ in doc.pages]
    bad = [p for p in doc.problems if p.kind in ("short_copy", "overset", "truncated", "group_apart", "page_rules")]
    assert not bad, bad
    jumped = [p.blocks[-1] for p in b.pages[:-1] if p.blocks and p.blocks[-1].placement.continues]
    assert jumped and not jumped[0].headline  # a group's article, continued under the group's headline
    text = _printed(doc)
    assert "（下转第2版）" in text[1] and "（上接第1版）" in text[2]


def test_the_docx_carries_the_jump_as_the_pdf_does(tmp_path):
    """Word's pages hold what the printed pages hold: the part and （下转第2版） on page 1, the
    rest and （上接第1版） at the head of page 2 (each page is its own section)."""
    import docx

    from exporters.docx import write_docx

    b = _over_page(jumps=True)
    out = tmp_path / "j.docx"
    write_docx(b, out)
    text = "\\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert text.index("（下转第2版）") < text.index("（上接第1版）")
    # nothing of the article is lost or written twice
    article = b.pages[0].blocks[-1]
    body = "".join(p.text for p in article.paragraphs)
    joined = "".join(text.replace("（下转第2版）", "").replace("（上接第1版）", "").split())
    assert "".join(body.split())[:40] in joined and "".join(body.split())[-40:] in joined

"""The make-up benchmark's corpus and measuring function (benchmarks/makeup_corpus.py,
benchmarks/bench_makeup.py; issue 24 point 6): the generator gives at least 100 distinct bulletins
of the shapes the issue asks for, each survives a save and load, and the benchmark's unit of
work measures a planned bulletin and finds a page's real shortfall."""

from __future__ import annotations

import copy

import pytest

from benchmarks.makeup_corpus import DEFAULT_COUNT, bulletin_for, corpus_bulletin, describe, filler
from model.document import ColumnBlock, PictureBlock, SpeechBlock, block_texts, char_count


def _signature(b) -> tuple:
    """What makes two bulletins different to the make-up, ids left out."""
    setup = b.page_setup
    return (setup.preset, setup.fit.free_pages, setup.fit.free_format, len(b.pages),
            tuple((type(x).__name__, char_count(block_texts(x)), getattr(x, "portrait", None) is not None)
                  for _p, x in b.iter_blocks()))


@pytest.fixture(scope="module")
def corpus():
    return [corpus_bulletin(i) for i in range(DEFAULT_COUNT)]


def test_the_corpus_has_at_least_100_distinct_bulletins_of_every_asked_shape(corpus):
    assert len(corpus) >= 100
    assert len({_signature(b) for b in corpus}) == len(corpus)
    presets, freedom, speech, portraits, photos, columns = set(), set(), set(), set(), set(), []
    for b in corpus:
        cols = [x for _p, x in b.iter_blocks() if isinstance(x, ColumnBlock)]
        assert 3 <= len(cols) <= 14, describe(0, b)
        for c in cols:
            assert 100 <= char_count([p.text for p in c.paragraphs]) <= 1500, (c.id, describe(0, b))
        columns.append(len(cols))
        presets.add(b.page_setup.preset)
        freedom.add(b.page_setup.fit.free_pages and b.page_setup.fit.free_format)
        speech.add(any(isinstance(x, SpeechBlock) for _p, x in b.iter_blocks()))
        portraits.add(any(c.portrait is not None for c in cols))
        photos.add(any(isinstance(x, PictureBlock) for _p, x in b.iter_blocks()))
        ids = [x.id for _p, x in b.iter_blocks()]
        assert len(ids) == len(set(ids))
        assert all(p.blocks for p in b.pages)
    assert presets == {"broadsheet", "tabloid", "a3", "a4"}
    assert freedom == speech == portraits == photos == {True, False}
    assert sum(b.page_setup.fit.free_pages for b in corpus) > len(corpus) / 2  # most as after an import
    assert min(columns) == 3 and max(columns) == 14


def test_the_generator_is_deterministic_and_its_bulletins_save_and_load(corpus, tmp_path):
    from model.project_file import load, save

    for i in (0, 9, 23):  # a free one, an imported one, a fixed A4 one
        assert _signature(corpus_bulletin(i)) == _signature(corpus[i])
    for i, b in enumerate(corpus):
        path = tmp_path / f"{i}.bulletin"
        save(b, path)
        back = load(path)
        assert _signature(back) == _signature(b)
        assert set(back.images) == set(b.images)
    big = bulletin_for(-1)
    assert len(big.pages) == 24 and big.page_setup.preset == "a4"


def test_portraits_and_photos_are_mid_grey_so_they_count_as_ink(corpus):
    import io

    from PIL import Image, ImageStat

    b = next(b for b in corpus if any(isinstance(x, PictureBlock) for _p, x in b.iter_blocks())
             and any(getattr(x, "portrait", None) for _p, x in b.iter_blocks()))
    names = {x.picture.image for _p, x in b.iter_blocks() if isinstance(x, PictureBlock)}
    names |= {x.portrait.image for _p, x in b.iter_blocks() if getattr(x, "portrait", None)}
    for name in names:
        im = Image.open(io.BytesIO(b.images.get(name))).convert("L")
        assert 40 < ImageStat.Stat(im).mean[0] < 170


def test_filler_grows_by_prefix():
    short, long = filler(300), filler(900)
    assert abs(char_count([p.text for p in short]) - 300) <= 2
    assert abs(char_count([p.text for p in long]) - 900) <= 2
    assert "".join(p.text for p in long).startswith("".join(p.text for p in short)[:250])


def test_the_benchmark_measures_two_planned_bulletins(capsys):
    """Two small bulletins (one fixed A4, one free) through the benchmark's unit of work and its
    report; the real 缺稿 shortfall it finds does fill the page, and a fifth less does not."""
    from benchmarks.bench_makeup import _with_text, measure, real_shortfall, report
    from layout.document import lay_out_page
    from layout.grid import make_grid
    from layout.quality import measure_page

    records = [measure(i, budget=4.0, shortfall=False) for i in (91, 27)]
    for r in records:
        assert not r.error
        assert r.pages and all(0.0 <= p.empty <= 1.0 for p in r.pages)
        assert r.plan_s > 0
    worst = report(records)
    out = capsys.readouterr().out
    assert "pages meeting every make-up rule" in out and "plan time by page count" in out
    assert len(worst) == sum(len(r.pages) for r in records)

    # the real shortfall of a page that is short: a page of the fixed A4 bulletin with one column
    b = bulletin_for(91)
    page = copy.copy(b.pages[0])
    page.blocks = page.blocks[:2]
    b.pages = [page]
    g = make_grid(b.page_setup)
    real = real_shortfall(b, 0, 4 * g.lines * g.columns * g.col_chars)
    assert real is not None and real > 0
    longest = max(page.blocks, key=lambda x: char_count(block_texts(x)))

    def filled_with(chars: int) -> bool:
        """The page as the 缺稿 report counts it full: white ≤ 10 %, white at the feet ≤ 2 %."""
        trial = copy.copy(page)
        trial.blocks = [_with_text(x, chars) if x is longest else x for x in page.blocks]
        q = measure_page(lay_out_page(b, trial, 1)[0], g)
        return q.empty <= 0.10 and q.foot <= 0.02

    assert filled_with(real)
    assert not filled_with(int(real * 0.8))

"""Issue 25: every submission becomes its column, with its photos and tables; nothing dropped.

Generated submissions (``tests.submissions``) in every shape city offices send — the parts in
any order, one or several photos with and without a 图为 caption, tables in .docx and .txt,
combined files of several cities — imported, laid out and exported; the PDF is read back with
pdfplumber and the DOCX with python-docx, and must hold each city's one column: name,
headline, pictures and table cells.
"""

from __future__ import annotations

import io
import re

import pytest

from importers import import_file, import_files
from model.document import ColumnBlock
from tests.submissions import SHAPES, TABLE, Expected, write_combined, write_submission

pdfplumber = pytest.importorskip("pdfplumber")


def _columns(b) -> list[ColumnBlock]:
    return [blk for _, blk in b.iter_blocks() if isinstance(blk, ColumnBlock)]


def _check_column(col: ColumnBlock, exp: Expected) -> None:
    assert col.person is not None and col.person.name == exp.name
    assert col.headline == exp.headline and col.kicker == exp.kicker
    assert [p.text for p in col.paragraphs] == exp.paragraphs
    assert (1 if col.portrait else 0) + len(col.photos) == exp.pictures
    assert [p.caption for p in col.photos if p.caption] == exp.photo_captions
    assert [r.cells for t in col.tables for r in t.rows] == exp.table


@pytest.mark.parametrize("suffix", [".docx", ".txt"])
@pytest.mark.parametrize("shape", list(SHAPES))
def test_each_shape_is_one_column_with_its_parts(tmp_path, shape, suffix):
    path, exp = write_submission(tmp_path, list(SHAPES).index(shape), shape, suffix)
    b, report = import_file(path)
    cols = _columns(b)
    assert len(cols) == 1, [(c.headline, c.person) for c in cols]
    _check_column(cols[0], exp)
    assert all(p.banner is None and p.headline is None for p in b.pages)  # never a 版头 out of a city's lines
    (count,) = report.files
    assert (count.paragraphs_read, count.pictures_read, count.tables_read) == \
           (count.paragraphs_placed, count.pictures_placed, count.tables_placed)
    assert not report.set_aside


def test_activity_photo_stands_after_the_paragraph_it_followed(tmp_path):
    path, _exp = write_submission(tmp_path, 4, "titles_then_photo_midtext")
    col = _columns(import_file(path)[0])[0]
    assert col.portrait is not None and len(col.photos) == 1
    assert col.photos[0].after == 2 and col.photos[0].caption.startswith("图为")
    flow = col.flow()
    assert flow.index(col.photos[0]) == 2  # between the second and the third paragraph


@pytest.mark.parametrize("suffix", [".docx", ".txt"])
def test_a_combined_file_gives_one_column_per_city(tmp_path, suffix):
    path, exps = write_combined(tmp_path, [0, 1, 2, 8], ["plain", "titles_then_photo_midtext", "kicker_unit",
                                                         "table_end"], suffix)
    b, _report = import_file(path)
    cols = _columns(b)
    assert [c.person.name for c in cols] == [e.name for e in exps]
    assert [c.headline for c in cols] == [e.headline for e in exps]
    assert [r.cells for r in cols[3].tables[0].rows] == TABLE
    if suffix == ".docx":
        assert [p.caption for p in cols[1].photos] == exps[1].photo_captions


def _round(tmp_path) -> tuple[list, list[Expected]]:
    paths, exps = [], []
    for n, shape in enumerate(SHAPES):
        path, exp = write_submission(tmp_path, n, shape, ".txt" if n in (0, 8) else ".docx", seed=7)
        paths.append(path)
        exps.append(exp)
    return paths, exps


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_a_round_of_submissions_prints_one_column_per_city_with_photos_and_tables(tmp_path):
    """Ten cities in ten shapes (.docx and .txt): one column each, and the exported PDF and DOCX
    hold every name, headline, picture and table cell."""
    from exporters.docx import docx_bytes
    from exporters.pdf import write_pdf
    from layout.document import lay_out_bulletin

    paths, exps = _round(tmp_path)
    assert len(paths) >= 8
    b, report = import_files(paths)
    cols = _columns(b)
    assert len(cols) == len(exps)
    for col, exp in zip(cols, exps):
        _check_column(col, exp)
    for count in report.files:
        assert count.paragraphs_read == count.paragraphs_placed and count.pictures_read == count.pictures_placed
    b.page_setup.fit.move_blocks = True
    doc = lay_out_bulletin(b)
    assert not [p for p in doc.problems if p.kind in ("overset", "truncated", "bad_image")]
    out = tmp_path / "round.pdf"
    write_pdf(b, str(out))
    from layout.grid import make_grid

    g = make_grid(b.page_setup)
    with pdfplumber.open(str(out)) as pdf:
        text = _squash("".join(page.extract_text() or "" for page in pdf.pages))
        # column by column: a caption wrapped over lines reads as one text within its column
        strips = _squash("".join(page.crop((g.col_x(c) - 1, 0, g.col_x(c) + g.col_w + 1, page.height)).extract_text()
                                 or "" for page in pdf.pages for c in range(g.columns)))
        images = sum(len(page.images) for page in pdf.pages)
    pictures = sum(e.pictures for e in exps)
    assert images == pictures > 0
    for exp in exps:
        assert _squash(exp.name) in text and _squash(exp.headline) in text
        for cell in (c for row in exp.table for c in row):
            assert _squash(cell) in text, cell
        for caption in exp.photo_captions:
            assert _squash(caption) in strips
    assert text.count("慰问困难职工") >= sum(1 for e in exps if e.table)
    import docx

    d = docx.Document(io.BytesIO(docx_bytes(b).data))
    word_tables = [[[c.text for c in r.cells] for r in t.rows] for t in d.tables]
    assert sum(1 for t in word_tables if t == TABLE) == sum(1 for e in exps if e.table)
    assert len(d.inline_shapes) == pictures
    paras = _squash("".join(p.text for p in d.paragraphs))
    for exp in exps:
        assert _squash(exp.headline) in paras
        for caption in exp.photo_captions:
            assert _squash(caption) in paras


def test_table_cells_never_become_a_banner_or_a_column(tmp_path):
    """The issue's case: a .txt ending in 项目 / 数量 rows made a 版头 and a column 「36个」."""
    p = tmp_path / "x.txt"
    p.write_text("榆林奋力谱写新篇章\n\n王建国\n榆林市总工会主席\n\n2020年，榆林市总工会团结动员职工。\n\n"
                 "项目    数量\n职工书屋    36个\n帮扶资金    1200万元\n", encoding="utf-8")
    b, _ = import_file(p)
    (col,) = _columns(b)
    assert b.pages[0].banner is None
    assert [r.cells for r in col.tables[0].rows] == [["项目", "数量"], ["职工书屋", "36个"], ["帮扶资金", "1200万元"]]
    assert col.tables[0].header_rows == 1 and col.tables[0].after == 1


def test_a_spaced_one_line_caption_is_not_a_table():
    from importers import import_text

    b, _ = import_text("当好排头兵\n\n王芳  榆林市总工会主席\n\n2020年，榆林市总工会团结动员职工。\n")
    (col,) = _columns(b)
    assert col.person.name == "王芳" and not col.tables


def test_import_command_prints_per_file_counts_read_and_placed(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    a, _ = write_submission(tmp_path, 4, "titles_then_photo_midtext")
    c, _ = write_submission(tmp_path, 8, "table_mid", ".txt")
    out = tmp_path / "out.bulletin"
    r = subprocess.run([sys.executable, str(root / "main.py"), "import", str(a), str(c), "-o", str(out)],
                       capture_output=True, text=True, cwd=root, timeout=120)
    assert r.returncode == 0, r.stderr
    assert f"{a.name}: paragraphs 7 read, 7 placed; pictures 2 read, 2 placed; tables 0 read, 0 placed" in r.stdout
    assert f"{c.name}: paragraphs 7 read, 7 placed; pictures 0 read, 0 placed; tables 1 read, 1 placed" in r.stdout

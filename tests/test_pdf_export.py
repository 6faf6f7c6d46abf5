"""The example as a print-ready PDF, checked the way a printer's preflight would."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest

from exporters.pdf import pdf_bytes, write_pdf
from exporters.pdfx import EPOCH_2000
from model.document import ColumnBlock, Paragraph
from tests.external import require_tool

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def example_pdf(tmp_path_factory):
    from model.example import example_bulletin

    b = example_bulletin()
    path = tmp_path_factory.mktemp("pdf") / "example.pdf"
    result = write_pdf(b, str(path), colour="cmyk", when=EPOCH_2000)
    return b, result, path


def _content_streams(path: Path) -> bytes:
    """Decoded page content streams (what the printer's RIP will execute)."""
    from pdfminer.pdftypes import resolve1

    out = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            contents = resolve1(page.page_obj.attrs.get("Contents"))
            for ref in contents if isinstance(contents, list) else [contents]:
                out.append(resolve1(ref).get_data())
    return b"\n".join(out)


def test_pages_and_boxes(example_pdf):
    b, doc, path = example_pdf
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) == 2
        page = pdf.pages[0]
        w_mm = float(page.width) * 25.4 / 72
        assert w_mm == pytest.approx(b.page_setup.width_mm, abs=0.1)
        trim = page.page_obj.attrs.get("TrimBox")
        assert trim is not None and page.page_obj.attrs.get("BleedBox") is not None


def test_bleed_adds_3mm_and_crop_marks(tmp_path):
    from model.example import example_bulletin

    b = example_bulletin()
    b.pages = b.pages[1:]
    data = pdf_bytes(b, bleed_mm=3.0).data
    path = tmp_path / "bleed.pdf"
    path.write_bytes(data)
    with pdfplumber.open(path) as pdf:
        attrs = pdf.pages[0].page_obj.attrs
        trim = [float(v) for v in attrs["TrimBox"]]
        bleed = [float(v) for v in attrs["BleedBox"]]
        media = [float(v) for v in attrs["MediaBox"]]
        mm3 = 3 * 72 / 25.4
        assert trim[0] - bleed[0] == pytest.approx(mm3, abs=0.05)
        assert bleed[2] - trim[2] == pytest.approx(mm3, abs=0.05)
        assert media[0] <= bleed[0] and media[2] >= bleed[2]
        assert (trim[2] - trim[0]) * 25.4 / 72 == pytest.approx(b.page_setup.width_mm, abs=0.1)


def test_pdffonts_sees_every_font_embedded(example_pdf):
    _, _, path = example_pdf
    out = subprocess.run([require_tool("pdffonts"), str(path)], capture_output=True, text=True, check=True).stdout
    rows = out.strip().splitlines()[2:]
    assert rows
    for row in rows:
        assert " yes yes " in row, row


def test_every_font_is_embedded(example_pdf):
    _, _, path = example_pdf
    raw = path.read_bytes()
    descriptors = len(re.findall(rb"/Type\s*/FontDescriptor", raw))
    assert descriptors > 0 and raw.count(b"/FontFile2") == descriptors


def test_qpdf_finds_no_structural_errors(example_pdf):
    _, _, path = example_pdf
    r = subprocess.run([require_tool("qpdf"), "--check", str(path)], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "No syntax or stream encoding errors" in r.stdout


def test_cmyk_black_text_is_pure_k(example_pdf):
    _, _, path = example_pdf
    streams = _content_streams(path)
    assert re.search(rb"\b0 0 0 1 k\b", streams), "black text as 0/0/0/100"
    assert not re.search(rb"\b0 0 0 rg\b", streams), "no RGB black"
    assert b" rg" not in streams and b" RG" not in streams


def test_grey_mode_uses_gray_operators(tmp_path):
    from model.example import example_bulletin

    b = example_bulletin()
    b.pages = b.pages[:1]
    path = tmp_path / "grey.pdf"
    path.write_bytes(pdf_bytes(b, colour="grey").data)
    streams = _content_streams(path)
    assert re.search(rb"\b0 g\b", streams)
    assert b" k\n" not in streams and b" rg\n" not in streams


def test_text_in_reading_order_and_every_block_present(example_pdf):
    b, _, path = example_pdf
    with pdfplumber.open(path) as pdf:
        text1 = "".join(c["text"] for c in pdf.pages[0].chars)
        text2 = "".join(c["text"] for c in pdf.pages[1].chars)
    assert "力争陕西工会多项工作走在全国前列" in text1
    for name in ("薛振虎", "曹海芹", "张静", "张耀民", "姚双年", "黑树林"):
        assert name in text1
    for name in ("李晓娟", "陈伦宝", "李吉斌", "杨凌示范区总工会"):
        assert name in text2
    assert "政治引领更加有力。" in text1  # a run-in lead sentence, as one line of text


def test_portraits_are_embedded_at_print_resolution(example_pdf):
    b, doc, path = example_pdf
    with pdfplumber.open(path) as pdf:
        images = [im for p in pdf.pages for im in p.images]
    assert len(images) == 9
    for im in images:
        width_in = (float(im["x1"]) - float(im["x0"])) / 72
        ppi = im["srcsize"][0] / width_in
        assert 290 <= ppi <= 460, ppi
    assert not [p for p in doc.problems if p.kind == "low_res"]


def test_same_input_same_bytes(example_pdf):
    b, _, path = example_pdf
    again = pdf_bytes(b, colour="cmyk", when=EPOCH_2000).data
    assert again == path.read_bytes()


def test_low_resolution_portrait_is_reported(tmp_path):
    import io

    from PIL import Image

    from layout.document import lay_out_bulletin
    from model.example import example_bulletin

    b = example_bulletin()
    col = next(x for _, x in b.iter_blocks() if isinstance(x, ColumnBlock) and x.portrait)
    out = io.BytesIO()
    Image.new("RGB", (90, 120), "grey").save(out, "JPEG")
    col.portrait.image = b.images.add(out.getvalue())
    doc = lay_out_bulletin(b)
    assert any(p.kind == "low_res" and p.block_id == col.id for p in doc.problems)


def _cli(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, timeout=300)


def test_export_command_reports_and_fails_on_overset(tmp_path):
    from model.example import example_bulletin
    from model.project_file import save

    b = example_bulletin()
    b.pages = b.pages[1:]
    col = b.pages[0].blocks[0]
    col.paragraphs.append(Paragraph("工会" * 6000))
    src = tmp_path / "over.bulletin"
    save(b, src)
    r = _cli("export", str(src), "--pdf", str(tmp_path / "o.pdf"))
    assert r.returncode == 1, r.stdout + r.stderr
    assert "overset" in r.stdout and col.id in r.stdout
    r = _cli("export", str(src), "--pdf", str(tmp_path / "o.pdf"), "--allow-overset", "--bleed", "3")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "o.pdf").read_bytes().startswith(b"%PDF")


def test_exported_example_obeys_line_start_and_end_rules(example_pdf):
    """Read the body lines back off the PDF itself: none starts with ，。” etc. or ends with “（."""
    from layout import cjk
    from layout.grid import make_grid

    b, _, path = example_pdf
    g = make_grid(b.page_setup)
    pitch = g.col_w + g.gutter
    bad = []
    n_lines = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            lines: dict[tuple[float, int], list] = {}
            for c in page.chars:
                if c["text"].isspace() or abs(float(c["size"]) - g.body) > 0.01:
                    continue  # body text: full-width titles would be cut up by the column buckets
                # by the glyph box's right edge: a line-start “ has its origin half an em
                # left of the column (its blank half hangs into the gutter, its ink does not)
                col = int((float(c["x1"]) - 0.1 - g.left + g.gutter / 2) // pitch)
                lines.setdefault((round(float(c["top"]), 1), col), []).append(c)
            for chars in lines.values():
                chars.sort(key=lambda c: float(c["x0"]))
                text = "".join(c["text"] for c in chars)
                n_lines += 1
                if text[0] in cjk.NO_START or text[-1] in cjk.NO_END:
                    bad.append(text)
    assert n_lines > 500
    assert bad == []

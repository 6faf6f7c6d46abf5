"""PDF/X-1a and PDF/X-4 as a printing plant's preflight would check them (DESIGN §7, issue 13).

The file's structure is read back with pikepdf; its separations are rendered by Ghostscript
(tiff32nc: one CMYK raster per page, overprint honoured as on press) and measured pixel by
pixel: no ink above the printing condition's total-ink limit (+ 5 % for JPEG and rendering),
black text printing on top of the speech box's tint. qpdf --check must be clean.

PDF/X-1a:2001 requirement → test:
  PDF 1.3 header ............................................. test_x1a_structure
  GTS_PDFXVersion / GTS_PDFXConformance, Title, dates, Trapped  test_x1a_structure
  one OutputIntent /GTS_PDFX, registered condition ............ test_x1a_structure
  trailer ID (from the content) ............................... test_x1a_structure, test_identity_*
  TrimBox ⊆ BleedBox ⊆ MediaBox on every page ................. test_x1a_structure
  fonts embedded .............................................. test_x1a_structure
  only DeviceCMYK/DeviceGray, no RGB/ICC/Lab in pages or images  test_x1a_structure
  no transparency, SMask, annotations, JavaScript, encryption,
  LZW/JBIG2/JPX ............................................... test_x1a_structure
  total ink within the condition .............................. test_separations_stay_within_the_ink_limit
  black overprints (OP/op, OPM 1), colours knock out .......... test_black_text_overprints_the_tint
  syntactically clean ......................................... test_qpdf_check
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

pikepdf = pytest.importorskip("pikepdf")

from exporters.pdf import PdfOptionError, page_file_paths, pdf_bytes, write_pdf  # noqa: E402
from exporters.pdfx import EPOCH_2000  # noqa: E402
from exporters.separation import CONDITIONS  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
GS_CMYK_PROFILE = Path("/usr/share/color/icc/ghostscript/default_cmyk.icc")
GS_RGB_PROFILE = Path("/usr/share/color/icc/ghostscript/srgb.icc")


def colourful_rgb(w: int = 480, h: int = 640) -> bytes:
    """Every hue at full saturation, from black to full brightness: plain GCR gives 300 % ink."""
    from PIL import Image

    hue = Image.linear_gradient("L").rotate(90).resize((w, h))
    sat = Image.new("L", (w, h), 255)
    val = Image.linear_gradient("L").resize((w, h))
    buf = io.BytesIO()
    Image.merge("HSV", (hue, sat, val)).convert("RGB").save(buf, "JPEG", quality=95)
    return buf.getvalue()


def heavy_cmyk(w: int = 480, h: int = 640) -> bytes:
    """A CMYK JPEG separated for no press: up to 400 % ink (all four plates solid)."""
    from PIL import Image, ImageChops

    ramp = Image.linear_gradient("L").resize((w, h))
    across = ramp.rotate(90)
    solid = Image.new("L", (w, h), 255)
    img = Image.merge("CMYK", (ImageChops.lighter(ramp, across), ramp, solid, ramp))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=95)
    return buf.getvalue()


def colourful_bulletin():
    """The example with every portrait replaced: RGB and CMYK photographs in turn."""
    from model.document import ColumnBlock, Portrait
    from model.example import example_bulletin

    b = example_bulletin()
    rgb, cmyk = b.images.add(colourful_rgb()), b.images.add(heavy_cmyk())
    n = 0
    for _, block in b.iter_blocks():
        if isinstance(block, ColumnBlock) and block.portrait is not None:
            block.portrait = Portrait(image=rgb if n % 2 == 0 else cmyk)
            n += 1
    assert n >= 2
    return b


@pytest.fixture(scope="module")
def x1a(tmp_path_factory):
    """The colourful bulletin for newsprint (IFRA26, 240 %), with 3 mm bleed."""
    b = colourful_bulletin()
    path = tmp_path_factory.mktemp("pdfx") / "news.pdf"
    result = write_pdf(b, str(path), colour="cmyk", condition="newsprint", bleed_mm=3.0, when=EPOCH_2000)
    return b, result, path


def _box(page, name):
    v = page.obj.get(name)
    return [float(x) for x in (v if v is not None else page.obj.MediaBox)]


def _inside(inner, outer) -> bool:
    return (inner[0] >= outer[0] - 1e-6 and inner[1] >= outer[1] - 1e-6
            and inner[2] <= outer[2] + 1e-6 and inner[3] <= outer[3] + 1e-6)


def test_x1a_structure(x1a):
    _, result, path = x1a
    data = path.read_bytes()
    assert data.startswith(b"%PDF-1.3\n")
    pdf = pikepdf.open(path)
    info = pdf.trailer.Info
    assert str(info.GTS_PDFXVersion) == "PDF/X-1:2001"
    assert str(info.GTS_PDFXConformance) == "PDF/X-1a:2001"
    assert str(info.Trapped) in ("/True", "/False")
    assert str(info.Title)
    assert str(info.CreationDate) == str(info.ModDate) == "D:20000101000000+00'00'"
    intents = pdf.Root.OutputIntents
    assert len(intents) == 1
    oi = intents[0]
    assert oi.S == pikepdf.Name.GTS_PDFX and str(oi.OutputConditionIdentifier) == "IFRA26"
    assert str(oi.RegistryName) == "http://www.color.org"
    ids = pdf.trailer.ID
    assert len(ids) == 2 and len(bytes(ids[0])) == 16
    assert not pdf.is_encrypted
    assert "/Names" not in pdf.Root and "/OpenAction" not in pdf.Root and "/AcroForm" not in pdf.Root
    for page in pdf.pages:
        media, bleed, trim = _box(page, "/MediaBox"), _box(page, "/BleedBox"), _box(page, "/TrimBox")
        assert "/TrimBox" in page.obj and "/BleedBox" in page.obj
        assert _inside(trim, bleed) and _inside(bleed, media)
        assert trim != bleed  # the 3 mm bleed is there
        assert "/Annots" not in page.obj
        res = page.Resources
        for name, font in res.get("/Font", {}).items():
            desc = font.get("/FontDescriptor")
            assert desc is not None and any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")), name
        for gs in res.get("/ExtGState", {}).values():
            assert "/SMask" not in gs and float(gs.get("/CA", 1)) == 1 and float(gs.get("/ca", 1)) == 1
            assert str(gs.get("/BM", "/Normal")) in ("/Normal", "/Compatible")
        for name, xobj in res.get("/XObject", {}).items():
            assert xobj.Subtype == pikepdf.Name.Image, name
            assert str(xobj.ColorSpace) in ("/DeviceCMYK", "/DeviceGray"), (name, xobj.ColorSpace)
            assert "/SMask" not in xobj and "/Mask" not in xobj
            filters = xobj.get("/Filter")
            names = [str(f) for f in (filters if isinstance(filters, pikepdf.Array) else [filters])]
            assert not {"/LZWDecode", "/JBIG2Decode", "/JPXDecode"} & set(names)
        content = b"".join(page.Contents.read_bytes() for _ in [0])
        # no RGB or other colour spaces in the page: only k/K (CMYK) and g/G (grey) operators
        assert not re.search(rb"(^|\s)(rg|RG|cs|CS|sc|SC|scn|SCN|sh)(\s|$)", content)
    assert b"/JavaScript" not in data and b"/Encrypt" not in data


def _cmyk_pages(path: Path, tmp: Path, dpi: int = 100):
    if shutil.which("gs") is None:
        pytest.skip("Ghostscript (gs) not installed")
    from PIL import Image

    out = tmp / f"{path.stem}-%d.tif"
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=tiff32nc", f"-r{dpi}",
                    "-dUseTrimBox", f"-sOutputFile={out}", str(path)], check=True, timeout=300)
    pages = []
    n = 1
    while (tmp / f"{path.stem}-{n}.tif").exists():
        pages.append(Image.open(tmp / f"{path.stem}-{n}.tif"))
        n += 1
    return pages


def _max_ink(img) -> float:
    from PIL import ImageMath

    c, m, y, k = img.split()
    total = ImageMath.lambda_eval(lambda a: a["c"] + a["m"] + a["y"] + a["k"], c=c, m=m, y=y, k=k)
    return total.getextrema()[1] / 255.0


@pytest.mark.parametrize("condition", ["newsprint", "coated"])
def test_separations_stay_within_the_ink_limit(condition, tmp_path):
    b = colourful_bulletin()
    limit = CONDITIONS[condition].total_ink
    path = tmp_path / f"{condition}.pdf"
    result = write_pdf(b, str(path), condition=condition, when=EPOCH_2000)
    worst = max(_max_ink(p) for p in _cmyk_pages(path, tmp_path))
    assert worst <= limit + 0.05, (condition, worst)
    # the CMYK photograph was over the limit: re-separated and reported
    assert any(p.kind == "ink_limit" and "重新分色" in p.message for p in result.problems)


def test_the_photographs_are_hostile_without_a_condition(tmp_path):
    """The same pictures separated by the plain formula (no press) do go over 240 %."""
    from exporters.pdf_draw import render_pdf
    from layout.document import lay_out_bulletin

    b = colourful_bulletin()
    path = tmp_path / "plain.pdf"
    path.write_bytes(render_pdf(lay_out_bulletin(b), get_image=b.images.get))
    assert max(_max_ink(p) for p in _cmyk_pages(path, tmp_path)) > 2.40 + 0.05


def test_black_text_overprints_the_tint(x1a, tmp_path):
    _, _, path = x1a
    pdf = pikepdf.open(path)
    for page in pdf.pages:
        content = page.Contents.read_bytes().decode("latin-1")
        states = page.Resources.get("/ExtGState", {})
        for name in set(re.findall(r"/(\w+) gs", content)):
            gs = states[f"/{name}"]
            assert gs.OPM == 1 and bool(gs.OP)
        # only pure black overprints; red headlines and white type knock out
        for colour in re.findall(r"/GSo[pP] gs\n([^\n]*)", content):
            assert colour in ("0 0 0 1 k", "0 0 0 1 K"), colour
    from PIL import ImageChops

    c, m, y, k = _cmyk_pages(path, tmp_path, dpi=72)[0].split()
    solid_k = k.point(lambda v: 255 if v == 255 else 0)
    other_ink = ImageChops.lighter(ImageChops.lighter(c, m), y).point(lambda v: 255 if v > 0 else 0)
    black_on_ink = ImageChops.darker(solid_k, other_ink).histogram()[255]
    # the speech box's body text (≈ 600 glyphs) prints on its tint instead of knocking it out
    assert black_on_ink > 2000, black_on_ink


def test_qpdf_check(x1a, tmp_path):
    if shutil.which("qpdf") is None:
        pytest.skip("qpdf not installed")
    b, _, path = x1a
    r = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "No syntax or stream encoding errors" in r.stdout
    split = tmp_path / "split.pdf"
    write_pdf(b, str(split), split=True, when=EPOCH_2000)
    for one in page_file_paths(str(split), b, len(b.pages)):
        r = subprocess.run(["qpdf", "--check", one], capture_output=True, text=True)
        assert r.returncode == 0, r.stdout + r.stderr


def test_identity_dates_and_id():
    from model.example import example_bulletin

    b = example_bulletin()
    b.pages = b.pages[1:]
    fixed = pdf_bytes(b, when=EPOCH_2000).data
    assert pdf_bytes(b, when=EPOCH_2000).data == fixed  # reproducible

    def doc_id(data: bytes) -> bytes:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            return bytes(pdf.trailer.ID[0])

    ids = {doc_id(fixed)}
    for other in (pdf_bytes(b, colour="grey", when=EPOCH_2000).data, pdf_bytes(b, bleed_mm=3, when=EPOCH_2000).data,
                  pdf_bytes(b, when=datetime(2024, 5, 1, 12, 0, tzinfo=UTC)).data):
        ids.add(doc_id(other))
    b.pages[0].blocks[0].headline = (getattr(b.pages[0].blocks[0], "headline", "") or "") + "改"
    ids.add(doc_id(pdf_bytes(b, when=EPOCH_2000).data))
    assert len(ids) == 5  # colour mode, bleed, date and content each give a new ID
    now = pikepdf.open(io.BytesIO(pdf_bytes(b).data))
    assert not str(now.trailer.Info.CreationDate).startswith("D:2000")  # the real time by default


def test_split_writes_one_file_per_page_named_by_label(tmp_path):
    from model.example import example_bulletin

    b = example_bulletin()
    b.pages[1].label = "第4版 · 专版/要闻"
    out = tmp_path / "issue.pdf"
    result = write_pdf(b, str(out), split=True, when=EPOCH_2000)
    paths = page_file_paths(str(out), b, result.pages)
    assert [Path(p).name for p in paths] == [f"issue-{b.pages[0].label}.pdf", "issue-第4版_·_专版_要闻.pdf"]
    for p in paths:
        pdf = pikepdf.open(p)
        assert len(pdf.pages) == 1 and len(pdf.Root.OutputIntents) == 1
    assert not out.exists()


def test_grey_and_rgb(tmp_path):
    from model.example import example_bulletin

    b = example_bulletin()
    b.pages = b.pages[:1]
    grey = pikepdf.open(io.BytesIO(pdf_bytes(b, colour="grey", when=EPOCH_2000).data))
    assert str(grey.trailer.Info.GTS_PDFXConformance) == "PDF/X-1a:2001"
    rgb = pdf_bytes(b, colour="rgb", when=EPOCH_2000)
    rgb_pdf = pikepdf.open(io.BytesIO(rgb.data))
    info = rgb_pdf.trailer.Info
    assert "screen only" in str(info.Subject) and "/GTS_PDFXVersion" not in info
    assert any(p.kind == "screen_only" for p in rgb.problems)
    with pytest.raises(PdfOptionError, match="RGB"):
        pdf_bytes(b, colour="rgb", flavour="x1a")
    plain = pdf_bytes(b, flavour="none", when=EPOCH_2000)
    assert any(p.kind == "no_output_intent" for p in plain.problems)


def test_x4_with_the_printers_profile(tmp_path):
    if not GS_CMYK_PROFILE.is_file():
        pytest.skip("no CMYK ICC profile installed (Ghostscript's default_cmyk.icc)")
    b = colourful_bulletin()
    b.pages = b.pages[:1]
    b.page_setup.icc_profile = str(GS_CMYK_PROFILE)
    result = pdf_bytes(b, when=EPOCH_2000)
    assert result.data.startswith(b"%PDF-1.6")
    pdf = pikepdf.open(io.BytesIO(result.data))
    oi = pdf.Root.OutputIntents[0]
    assert oi.DestOutputProfile.read_bytes() == GS_CMYK_PROFILE.read_bytes()
    assert int(oi.DestOutputProfile.N) == 4
    xmp = pdf.Root.Metadata.read_bytes().decode()
    assert "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>" in xmp
    assert str(pdf.trailer.Info.GTS_PDFXVersion) == "PDF/X-4"
    path = tmp_path / "x4.pdf"
    path.write_bytes(result.data)
    assert max(_max_ink(p) for p in _cmyk_pages(path, tmp_path)) <= CONDITIONS["newsprint"].total_ink + 0.05


def test_unusable_profile_is_a_clear_error(tmp_path):
    from model.example import example_bulletin

    b = example_bulletin()
    bad = tmp_path / "not.icc"
    bad.write_bytes(b"not a profile")
    with pytest.raises(PdfOptionError, match="not.icc"):
        pdf_bytes(b, icc_profile=str(bad))
    if GS_RGB_PROFILE.is_file():
        with pytest.raises(PdfOptionError, match="CMYK output"):
            pdf_bytes(b, icc_profile=str(GS_RGB_PROFILE))
    with pytest.raises(PdfOptionError, match="X-4"):
        pdf_bytes(b, flavour="x4")  # PDF/X-4 needs a profile


def test_cli_split_reproducible_and_source_date_epoch(tmp_path):
    import os
    import sys

    from model.example import example_bulletin
    from model.project_file import save

    src = tmp_path / "ex.bulletin"
    save(example_bulletin(), src)
    env = dict(os.environ, PYTHONPATH=str(ROOT), SOURCE_DATE_EPOCH="1700000000")
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "export", str(src), "--pdf", str(tmp_path / "a.pdf"),
                        "--split", "--condition", "coated", "--allow-overset"], env=env, capture_output=True,
                       text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    written = [line.split(" ", 1)[1] for line in r.stdout.splitlines() if line.startswith("wrote ")]
    assert len(written) == 2 and all(Path(p).is_file() for p in written)
    pdf = pikepdf.open(written[0])
    assert str(pdf.trailer.Info.CreationDate).startswith("D:20231114")
    assert str(pdf.Root.OutputIntents[0].OutputConditionIdentifier) == "FOGRA39"
    env["SOURCE_DATE_EPOCH"] = "yesterday"
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "export", str(src), "--pdf", str(tmp_path / "b.pdf")],
                       env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 2 and "SOURCE_DATE_EPOCH" in r.stderr


def test_press_colours_are_what_the_page_draws():
    """A thin two-ink rule is drawn in one ink, a faint tint raised, black rules overprint."""
    from exporters.pdf_draw import render_pdf
    from layout.types import LaidOutDocument, LaidOutPage, Rect, Rule

    page = LaidOutPage(1, 200, 200, [Rule(10, 10, 190, 10, 0.4, (0, 1, 1, 0)), Rule(10, 20, 190, 20, 2.0, (0, 1, 1, 0)),
                                     Rule(10, 30, 190, 30, 0.5, (0, 0, 0, 1)),
                                     Rect(10, 40, 50, 50, fill=(0, 0, 0, 0.02), stroke=(0, 0, 0, 1))])
    data = render_pdf(LaidOutDocument([page]), condition=CONDITIONS["newsprint"], flavour="x1a")
    with pikepdf.open(io.BytesIO(data)) as pdf:
        content = pdf.pages[0].Contents.read_bytes().decode("latin-1")
    assert "0 1 0 0 K" in content and "0 1 1 0 K" in content  # the 0.4 pt rule in M, the 2 pt one in M+Y
    assert content.count("0 1 1 0 K") == 1
    assert "/GSop gs\n0 0 0 1 K" in content and "/GSOP gs" in content  # black rule and frame overprint
    assert "0 0 0 .05 k" in content and "0 0 0 .02 k" not in content
    plain = render_pdf(LaidOutDocument([page]))  # no press: the designer's colours, all knocking out
    with pikepdf.open(io.BytesIO(plain)) as pdf:
        content = pdf.pages[0].Contents.read_bytes().decode("latin-1")
    assert content.count("0 1 1 0 K") == 2 and "gs" not in content and "0 0 0 .02 k" in content


def test_page_setup_profile_that_went_missing(tmp_path):
    from model.example import example_bulletin

    b = example_bulletin()
    b.page_setup.icc_profile = str(tmp_path / "gone.icc")
    with pytest.raises(PdfOptionError, match="gone.icc"):
        pdf_bytes(b)


def test_the_example_is_pdfx1a_within_the_ink_limit(tmp_path):
    from model.example import example_bulletin

    b = example_bulletin()
    path = tmp_path / "example.pdf"
    write_pdf(b, str(path), when=EPOCH_2000)  # the page setup's condition: newsprint
    with pikepdf.open(path) as pdf:
        assert str(pdf.trailer.Info.GTS_PDFXConformance) == "PDF/X-1a:2001"
        assert str(pdf.Root.OutputIntents[0].OutputConditionIdentifier) == "IFRA26"
    assert max(_max_ink(p) for p in _cmyk_pages(path, tmp_path, dpi=72)) <= 2.40 + 0.05
    if shutil.which("qpdf"):
        assert subprocess.run(["qpdf", "--check", str(path)], capture_output=True).returncode == 0


def test_the_id_stamped_into_the_buffer_is_the_id_stamp_id_gives():
    """exporters.pdfx.stamped (issue 27: one copy of a 44 MB file fewer) writes the same bytes
    as stamp_id, also for a trailer far from the end, an ID of another length and no trailer."""
    import io

    from exporters.pdfx import _TAIL, stamp_id, stamped

    body = b"%PDF-1.3\n" + b"x" * 5000 + b"\nxref\n0 1\n"
    trailer = b"trailer\n<<\n/ID \n[<" + b"a" * 32 + b"><" + b"b" * 32 + b">]\n>>\nstartxref\n9\n%%EOF\n"
    for data in (body + trailer,  # the usual file
                 body + trailer + b"%" * (_TAIL + 10),  # the trailer beyond the tail looked at
                 body + trailer.replace(b"a" * 32, b"a" * 16),  # an ID of another length
                 body + b"%%EOF\n",  # no trailer
                 b"trailer" * 3):  # a trailer without an ID
        assert stamped(io.BytesIO(data)) == stamp_id(data)
    assert stamped(io.BytesIO(body + trailer)) != body + trailer  # it did stamp

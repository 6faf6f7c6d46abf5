"""On-disk caches that make a warm export fast: font metrics, prepared pictures, converted
font subsets. Each must give exactly what the slow path gives, be ignored and rebuilt when
damaged or stale, and spare the slow path on a second run (DESIGN §6, §7)."""

from __future__ import annotations

import io
import os

import pytest
from PIL import Image

from exporters import pdf_draw, pdf_fonts
from exporters.pdf_draw import render_pdf
from layout import fonts as F
from layout.compose import compose
from layout.types import LaidOutDocument, LaidOutPage, Picture

SAMPLE = "，。、：；！？“”‘’（）《》——……·一二三中国工会陕西AZaz09 "


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("BULLETIN_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture
def count_ttfont(monkeypatch):
    """Count the times a face opens its font file with fontTools (the slow path)."""
    calls = []
    real = F.Face._open

    def counting(self):
        if self._tt is None:
            calls.append(self.key)
        return real(self)

    monkeypatch.setattr(F.Face, "_open", counting)
    return calls


def metrics(face: F.Face, text: str = SAMPLE):
    header = tuple(getattr(face, name) for name in F._HEADER_FIELDS)
    gids = [face.glyph(ch) for ch in text]
    return (
        header,
        gids,
        [face.has(ch) for ch in text],
        [face.advance(g) for g in gids if g is not None],
        [face.ink(g) for g in gids if g is not None],
    )


def _metrics_files(cache):
    return sorted((cache / "metrics").glob("*.metrics"))


def small_font(tmp_path, text: str = SAMPLE, name: str = "small.otf", src: str | None = None) -> str:
    """A subset of a pip font (CFF, with its GSUB for the localized dash) as a user font."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    tt = TTFont(src or F.default_serif_path())
    opts = subset.Options()
    opts.name_IDs = ["*"]
    opts.notdef_outline = True
    opts.layout_features = ["locl"]
    sub = subset.Subsetter(opts)
    sub.populate(text=text)
    sub.subset(tt)
    path = tmp_path / name
    tt.save(path)
    return str(path)


def test_metrics_cache_round_trips_without_fonttools(cache, count_ttfont):
    path = F.default_serif_path()
    cold = F.Face(path)
    expected = metrics(cold)
    assert count_ttfont, "the first face reads the font"
    (cache_file,) = _metrics_files(cache)
    count_ttfont.clear()
    warm = F.Face(path)
    assert metrics(warm) == expected
    assert count_ttfont == [] and warm._tt is None
    # the zh-Hans localized dash comes through the cache, not the Latin one
    assert warm.advance(warm.glyph("—")) == 1000
    assert cache_file.stat().st_size < 2_000_000


def test_metrics_cache_matches_fonttools_for_every_code_point(cache):
    path = F.default_sans_path()
    cold = F.Face(path)
    cold._load_cmap()
    warm = F.Face(path)
    warm._load_cmap()
    assert warm._tt is None
    assert dict(warm._cmap.items()) == dict(cold._cmap.items())
    assert list(warm._adv) == list(cold._adv)


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty", "header"])
def test_corrupt_metrics_cache_is_ignored_and_rebuilt(cache, count_ttfont, damage):
    path = F.default_serif_path()
    expected = metrics(F.Face(path))
    (cache_file,) = _metrics_files(cache)
    data = bytearray(cache_file.read_bytes())
    if damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "flip":
        data[-100] ^= 0xFF
    elif damage == "garbage":
        data = bytearray(os.urandom(len(data)))
    elif damage == "empty":
        data = bytearray()
    else:
        assert b'"upm":1000' in data
        data = data.replace(b'"upm":1000', b'"upm":"xx"', 1)  # same length: only the type is wrong
    cache_file.write_bytes(bytes(data))
    count_ttfont.clear()
    face = F.Face(path)
    assert metrics(face) == expected
    assert count_ttfont, "a damaged cache must send us back to the font"
    count_ttfont.clear()
    assert metrics(F.Face(path)) == expected
    assert count_ttfont == [], "and the cache is rewritten"


def test_stale_metrics_cache_follows_the_font_file(cache, tmp_path, count_ttfont):
    path = small_font(tmp_path, "一二三，")
    before = F.Face(path)
    assert before.glyph("四") is None
    # the user replaces the font by a version with more characters
    newer = small_font(tmp_path, "一二三四，", name="newer.otf")
    os.replace(newer, path)
    st = os.stat(path)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    count_ttfont.clear()
    after = F.Face(path)
    assert after.glyph("四") is not None
    assert count_ttfont


def test_collection_faces_have_their_own_cached_metrics(cache, tmp_path, count_ttfont):
    from fontTools.ttLib import TTCollection, TTFont

    serif = small_font(tmp_path, "甲乙，", name="a.otf")
    sans = small_font(tmp_path, "丙丁，", name="b.otf", src=F.default_sans_path())
    coll = TTCollection()
    coll.fonts = [TTFont(serif), TTFont(sans)]
    path = tmp_path / "pair.otc"
    coll.save(path)
    cold = [F.Face(str(path), i) for i in (0, 1)]
    expected = [metrics(f, "甲乙丙丁，") for f in cold]
    assert [f.family for f in cold] == ["Noto Serif SC", "Noto Sans SC"]
    assert len(_metrics_files(cache)) == 2
    count_ttfont.clear()
    warm = [F.Face(str(path), i) for i in (0, 1)]
    assert [metrics(f, "甲乙丙丁，") for f in warm] == expected
    assert count_ttfont == []
    assert warm[0].glyph("丙") is None and warm[1].glyph("甲") is None


def test_ink_measured_later_is_added_to_the_cache(cache, count_ttfont):
    path = F.default_sans_path()
    face = F.Face(path)
    gid = face.glyph("中")  # not punctuation: not measured up front
    ink = face.ink(gid)
    assert ink is not None
    count_ttfont.clear()
    again = F.Face(path)
    assert again.ink(again.glyph("中")) == ink
    assert count_ttfont == []


def test_unwritable_cache_still_gives_metrics(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("BULLETIN_CACHE_DIR", str(blocker))
    face = F.Face(F.default_serif_path())
    assert face.glyph("中") is not None and face.advance(face.glyph("中")) == 1000


# ---- PDF: pictures and fonts ------------------------------------------------------------------


def _jpeg(size, colour, **kw) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "JPEG", quality=90, **kw)
    return buf.getvalue()


def _images() -> dict[str, bytes]:
    rot = Image.new("RGB", (40, 20), (255, 0, 0))
    rot.paste((0, 0, 255), (0, 0, 20, 20))
    exif = Image.Exif()
    exif[0x0112] = 6
    buf = io.BytesIO()
    rot.save(buf, "JPEG", exif=exif, quality=95)
    png = io.BytesIO()
    Image.new("RGBA", (600, 800), (10, 120, 200, 128)).save(png, "PNG")
    grey16 = io.BytesIO()
    Image.new("I;16", (90, 120), 30000).save(grey16, "PNG")
    return {"rot": buf.getvalue(), "big": _jpeg((1500, 2000), (200, 30, 30)), "alpha": png.getvalue(),
            "grey16": grey16.getvalue(), "junk": b"not an image"}


def _doc() -> LaidOutDocument:
    page = LaidOutPage(1, 300, 300)
    page.items += compose("缓存一下：“中文”——测试。", 13, 9.0, indent_em=0)[0].glyph_runs(10, 20)
    page.items += [
        Picture("rot", 10, 40, 40, 40, crop=(0, 0, 1, 0.5)),
        Picture("big", 60, 40, 72, 96),
        Picture("big", 140, 40, 36, 48),  # the same image in another frame: prepared apart
        Picture("alpha", 10, 150, 60, 80),
        Picture("grey16", 80, 150, 30, 40),
        Picture("junk", 120, 150, 30, 40),
        Picture("gone", 160, 150, 30, 40),
    ]
    return LaidOutDocument([page])


@pytest.mark.parametrize("colour", ["cmyk", "grey", "rgb"])
def test_warm_export_gives_the_same_bytes_without_image_or_font_work(cache, monkeypatch, colour):
    images = _images()
    doc = _doc()
    cold = render_pdf(doc, get_image=images.get, colour=colour)
    assert len(list((cache / "images").glob("*.img"))) == 5  # junk and gone have nothing to keep

    def forbidden(*_a, **_k):
        raise AssertionError("slow path taken on a warm export")

    real_prepare = pdf_draw._prepare_image

    def prepare(data, *a, **k):
        if data == images["junk"]:
            return real_prepare(data, *a, **k)  # a broken image is not cached: it fails fast
        forbidden()

    monkeypatch.setattr(pdf_draw, "_prepare_image", prepare)
    monkeypatch.setattr(pdf_fonts, "_convert", forbidden)
    assert render_pdf(doc, get_image=images.get, colour=colour) == cold


def test_prepared_pictures_keep_their_pixels_and_size(cache):
    import pdfplumber

    images = _images()
    doc = _doc()
    data = render_pdf(doc, get_image=images.get)
    again = render_pdf(doc, get_image=images.get)  # from the cache
    assert again == data
    with pdfplumber.open(io.BytesIO(again)) as pdf:
        ims = sorted((round(im["x0"]), im["srcsize"]) for im in pdf.pages[0].images)
        rot = next(im for im in pdf.pages[0].images if round(im["x0"]) == 10 and im["srcsize"] == (20, 20))
        raw = rot["stream"].get_data()
        c, m, y, k = Image.open(io.BytesIO(raw)).getpixel((0, 0)) if raw[:3] == b"\xff\xd8\xff" else raw[:4]
    # a JPEG of 1500 px across 1 inch (and across half an inch) is decoded at a reduced scale
    # that still gives ≥ 300 ppi and is not resampled again below 450 ppi
    sizes = dict(ims)
    assert 300 <= sizes[60][0] <= 450 and 300 <= sizes[140][0] / 0.5 <= 450, ims
    assert (80, (90, 120)) in ims  # 16-bit grey: never upsampled
    assert c > 200 and m > 200 and y < 40 and k < 40  # EXIF-rotated blue half, CMYK


def test_damaged_picture_cache_is_rebuilt(cache):
    images = _images()
    doc = _doc()
    first = render_pdf(doc, get_image=images.get)
    files = sorted((cache / "images").glob("*.img"))
    files[0].write_bytes(files[0].read_bytes()[:-10])
    files[1].write_bytes(b"BULLETIN-PDF-IMAGE\n\xff\xff\xff\xff")
    files[2].write_bytes(os.urandom(200))
    assert render_pdf(doc, get_image=images.get) == first
    assert render_pdf(doc, get_image=images.get) == first


def test_converted_subsets_do_not_depend_on_when_they_were_made(tmp_path, monkeypatch):
    """Two empty caches (another day, another machine) give the same PDF bytes."""
    doc = LaidOutDocument([LaidOutPage(1, 200, 100, compose("甲乙丙丁，戊己。", 13, 9.0, indent_em=0)[0]
                                       .glyph_runs(10, 20))])
    out = []
    for name in ("one", "two"):
        monkeypatch.setenv("BULLETIN_CACHE_DIR", str(tmp_path / name))
        out.append(render_pdf(doc))
        if name == "one":
            import time

            time.sleep(1.1)  # head.modified has a resolution of one second
    assert out[0] == out[1]


def test_fp_matches_reportlab_number_format():
    from reportlab.lib.rl_accel import fp_str

    values = [0, 1e-8, -1e-8, 0.5, -0.5, 1, 10, 100, 1000, 1e4, 123.456789, 0.1234567, 12.3456789,
              999.99995, 1000.00001, 612.0, 841.8898, 28.346457, -3.5, 5e-7, 72.0000001]
    values += [i * 0.37 + j * 13.1 for i in range(50) for j in range(-3, 40)]
    for v in values:
        assert pdf_draw._fp(v) == fp_str(v), v


def test_known_digests_find_cached_pictures_without_reading_images(cache):
    """With the images' digests given (pdf_bytes takes them while laying out), a warm export
    reads no image bytes at all, and gives the same bytes as without digests, cold or warm."""
    import hashlib

    images = _images()
    doc = _doc()
    digests = {k: hashlib.sha256(v).digest() for k, v in images.items()}
    cold = render_pdf(doc, get_image=images.get, colour="cmyk", image_digest=digests.get)
    assert render_pdf(doc, get_image=images.get, colour="cmyk") == cold
    read: list[str] = []

    def get(name):
        read.append(name)
        return images.get(name)

    assert render_pdf(doc, get_image=get, colour="cmyk", image_digest=digests.get) == cold
    assert set(read) <= {"junk", "gone"}  # only what is never cached is read again
    # a stale digest (the image changed under the same name) only costs a read
    images["big"] = _jpeg((1500, 2000), (30, 200, 30))
    changed = render_pdf(doc, get_image=images.get, colour="cmyk")
    assert render_pdf(doc, get_image=images.get, colour="cmyk", image_digest={**digests, "big": b"x" * 32}.get) \
        == changed

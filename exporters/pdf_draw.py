"""Draw a laid-out document with reportlab: pages in, PDF bytes out (DESIGN §2, §6, §7).

Nothing here decides where a glyph goes — every glyph is placed at the x the composer
computed (one text-matrix per glyph; reportlab's own wrapping and CJK handling are never
used). What this module does decide is how the print file is built:

* Fonts are embedded as subsets. reportlab embeds only TrueType outlines, and CJK fonts such as
  Noto / Source Han / many Founder fonts are OpenType-CFF, so the glyphs in use are first cut
  out of the face with ``fontTools.subset`` and their cubic outlines converted to quadratic
  ones (``cu2qu``). A subset font's cmap is rebuilt so that each code point maps to the very
  glyph the layout chose (e.g. the localized full-width dash); where one code point is drawn
  with two glyphs, the second gets a private-use code. Converting costs about a second, so
  results are cached on disk keyed by font file (path, size, mtime) and glyph set; a second
  export of the same text does no conversion.
* Pictures are prepared for print (upright, cropped, flattened, converted to the colour mode,
  downsampled above 450 ppi) and Flate-compressed once; the result is cached on disk keyed by
  the image's content, crop, frame size and colour mode, so a warm export does no image work.
  Cold, pictures are prepared on threads while the fonts are converted.
* Streams are binary (no ASCII85) and each glyph's text matrix is written directly rather than
  through reportlab's per-call text API; the operators are the ones that API would write.
* Colours are DeviceCMYK (black text is pure K), or DeviceGray / DeviceRGB on request.
* Page boxes: TrimBox is the page, BleedBox adds the bleed, MediaBox adds room for crop marks.
* The same input gives the same bytes (reportlab's invariant mode) unless a timestamp is asked.

Public API: :func:`render_pdf`, :func:`font_cache_dir`, :func:`image_cache_dir`,
:func:`embeddable_font`.
"""

from __future__ import annotations

import hashlib
import io
import math
import os
import sys
import threading
import zlib
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from layout.cache_file import read_framed, write_framed
from layout.fonts import cache_base_dir, load_face
from layout.types import Colour, GlyphRun, LaidOutDocument, LaidOutPage, Picture, Problem, Rect, Rule

MM = 72.0 / 25.4
#: bump when the conversion changes so that stale cache files are not reused
#: (2: the subset keeps the source font's head.modified, so a rebuilt cache gives the same bytes)
_CONVERTER_VERSION = "2"
#: colour for crop marks: on every separation
REGISTRATION: Colour = (1.0, 1.0, 1.0, 1.0)
_PUA_START = 0xF0000  # supplementary private use area A: never used by text


class PdfFontError(Exception):
    """A font cannot be embedded (unreadable, or its licence bits forbid embedding)."""


# --------------------------------------------------------------------------------------------
# Font conversion and caching


def font_cache_dir() -> Path:
    """Where converted font subsets are kept: BULLETIN_CACHE_DIR, else the user cache dir."""
    return cache_base_dir() / "fonts"


def _cache_key(path: str, index: int, cmap: Mapping[int, int]) -> str:
    st = os.stat(path)
    h = hashlib.sha256()
    h.update(f"{_CONVERTER_VERSION}\0{os.path.abspath(path)}\0{st.st_size}\0{st.st_mtime_ns}\0{index}\0".encode())
    for cp, gid in sorted(cmap.items()):
        h.update(f"{cp:x}:{gid:x},".encode())
    return h.hexdigest()[:32]


_convert_lock = threading.Lock()


def embeddable_font(path: str, index: int, cmap: Mapping[int, int]) -> Path:
    """A TrueType font file holding exactly the glyphs in ``cmap`` (code point → glyph id of the
    original face) with that cmap, converted from CFF when needed; cached on disk.

    Why TrueType: reportlab can only embed glyf outlines. Why subset first: converting a
    whole CJK font takes tens of seconds, the glyphs of a page about a second.
    """
    key = _cache_key(path, index, cmap)
    out_dir = font_cache_dir()
    out = out_dir / f"{Path(path).stem[:40]}-{index}-{key}.ttf"
    if out.is_file():
        return out
    with _convert_lock:
        if out.is_file():
            return out
        data = _convert(path, index, cmap)
        try:
            _write_font_file(out, data)
        except OSError as exc:
            # a read-only or full cache folder costs time, never the export: the subset goes
            # to a private temporary folder instead (reportlab embeds fonts from files)
            note_cache_problem(out_dir, exc)
            out = _private_dir() / out.name
            _write_font_file(out, data)
    return out


def _write_font_file(out: Path, data: bytes) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


_cache_notes: dict[str, str] = {}
_private: list[Path] = []


def note_cache_problem(folder: Path, exc: OSError) -> None:
    """Remember that a cache folder could not be written (said once per folder and process)."""
    _cache_notes.setdefault(str(folder), f"cache folder {folder} cannot be written "
                                         f"({exc.strerror or exc}); working without it (slower)")


def take_cache_notes() -> list[str]:
    """Notes on cache folders that could not be used since the last call, for the user."""
    notes = list(_cache_notes.values())
    _cache_notes.clear()
    return notes


def _private_dir() -> Path:
    """A temporary folder of this process for font subsets, removed when the process ends."""
    if not _private:
        import atexit
        import shutil
        import tempfile

        d = Path(tempfile.mkdtemp(prefix="bulletin-fonts-"))
        atexit.register(shutil.rmtree, d, ignore_errors=True)
        _private.append(d)
    return _private[0]


def _convert(path: str, index: int, cmap: Mapping[int, int]) -> bytes:
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable
    from fontTools.ttLib.tables._c_m_a_p import CmapSubtable

    try:
        tt = TTFont(path, fontNumber=index, lazy=False, recalcTimestamp=False)
    except Exception as exc:
        raise PdfFontError(f"cannot read font {path}: {exc}") from exc
    os2 = tt["OS/2"] if "OS/2" in tt else None
    if os2 is not None and (os2.fsType == 0x0002 or os2.fsType & 0x0300):
        raise PdfFontError(
            f"the licence of {Path(path).name} forbids embedding or subsetting it (fsType {os2.fsType:#06x})"
        )
    order = tt.getGlyphOrder()
    # glyph 0 stays mapped too: a character missing from every face is drawn as .notdef but
    # keeps its code point, so the PDF's text layer still says what was meant
    names = {cp: order[gid] for cp, gid in cmap.items() if 0 <= gid < len(order)}
    opts = subset.Options()
    opts.layout_features = []
    opts.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "VORG", "vhea", "vmtx", "DSIG", "MATH"]
    opts.hinting = False
    opts.desubroutinize = True
    opts.notdef_outline = True
    opts.glyph_names = True
    opts.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    opts.name_languages = ["*"]
    opts.recalc_bounds = True
    for tag in opts.drop_tables:
        if tag in tt:
            del tt[tag]  # before the subsetter would parse the big layout tables only to drop them
    keep = sorted(set(names.values()) - {order[0]})

    if "CFF " in tt or "CFF2" in tt:
        # Draw just the glyphs in use (and .notdef) as quadratic TrueType outlines straight from
        # the CFF, and give the font a glyf table in its place before subsetting: subsetting the
        # CFF itself (closure over seac accents, hint and subroutine removal) would run every
        # charstring of the font and cost seconds for a table that is dropped anyway.
        upm = tt["head"].unitsPerEm
        glyph_set = tt.getGlyphSet()
        glyf = newTable("glyf")
        glyf.glyphOrder = order
        glyf.glyphs = {}
        todo = [order[0], *keep]
        while todo:
            gname = todo.pop()
            if gname in glyf.glyphs:
                continue
            pen = TTGlyphPen(None)
            glyph_set[gname].draw(Cu2QuPen(pen, max_err=upm / 1000.0, reverse_direction=True))
            glyph = glyf.glyphs[gname] = pen.glyph()
            if glyph.isComposite():  # a seac accent: its base and accent glyphs are drawn too
                todo.extend(c.glyphName for c in glyph.components)
        empty = TTGlyphPen(None).glyph()
        for gname in order:
            if gname not in glyf.glyphs:
                glyf.glyphs[gname] = empty
        tt["glyf"] = glyf
        tt["loca"] = newTable("loca")
        maxp = newTable("maxp")
        maxp.tableVersion = 0x00010000
        maxp.numGlyphs = len(order)
        for attr in (
            "maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
            "maxStackElements", "maxSizeOfInstructions", "maxComponentElements",
        ):
            setattr(maxp, attr, 0)
        maxp.maxZones = 1
        maxp.maxPoints = maxp.maxContours = maxp.maxCompositePoints = maxp.maxCompositeContours = 0
        maxp.maxComponentDepth = 0
        tt["maxp"] = maxp
        for tag in ("CFF ", "CFF2", "VORG"):
            if tag in tt:
                del tt[tag]
        post = tt["post"]
        post.formatType = 3.0
        tt["head"].glyphDataFormat = 0
        tt.sfntVersion = "\x00\x01\x00\x00"

    sub = subset.Subsetter(opts)
    sub.populate(glyphs=keep)
    sub.subset(tt)

    # cmap: exactly the (code point → glyph) pairs the layout drew
    cm = newTable("cmap")
    cm.tableVersion = 0
    bmp = {cp: n for cp, n in names.items() if cp <= 0xFFFF}
    tables = []
    for plat, enc in ((0, 3), (3, 1)):
        t = CmapSubtable.newSubtable(4)
        t.platformID, t.platEncID, t.language, t.cmap = plat, enc, 0, dict(bmp)
        tables.append(t)
    if len(bmp) != len(names):
        for plat, enc in ((0, 4), (3, 10)):
            t = CmapSubtable.newSubtable(12)
            t.platformID, t.platEncID, t.language, t.cmap = plat, enc, 0, dict(names)
            tables.append(t)
    cm.tables = tables
    tt["cmap"] = cm
    buf = io.BytesIO()
    tt.save(buf)
    return buf.getvalue()


# --------------------------------------------------------------------------------------------
# reportlab registration


def _fix_tounicode() -> None:
    """reportlab writes code points above U+FFFF as five hex digits in ToUnicode CMaps, which
    readers reject; write them as UTF-16 surrogate pairs so that copied 𠮷 stays 𠮷."""
    from reportlab.pdfbase import ttfonts

    if getattr(ttfonts.makeToUnicodeCMap, "_bulletin_fixed", False):
        return
    original = ttfonts.makeToUnicodeCMap

    def make(fontname, subset):  # type: ignore[no-untyped-def]
        text = original(fontname, subset)
        for v in subset:
            if v > 0xFFFF:
                hi = 0xD800 + ((v - 0x10000) >> 10)
                lo = 0xDC00 + ((v - 0x10000) & 0x3FF)
                text = text.replace(f"<{v:04X}>", f"<{hi:04X}{lo:04X}>")
        return text

    make._bulletin_fixed = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = make


def _fast_flate() -> None:
    """Page contents and font files at zlib level 1 rather than reportlab's 6: a quarter of
    the save time, for a file < 1 % larger (pictures, already compressed, are most of it)."""
    from reportlab.pdfbase import pdfdoc

    flate = pdfdoc.PDFZCompress
    if getattr(flate, "_bulletin_level", None) == 1:
        return

    def encode(text):  # type: ignore[no-untyped-def]
        return zlib.compress(text.encode("utf8") if isinstance(text, str) else text, 1)

    flate.encode = encode
    flate._bulletin_level = 1


_registered: dict[str, str] = {}


def _register(ttf: Path) -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    name = _registered.get(str(ttf))
    if name is None:
        digest = ttf.stem.rsplit("-", 1)[-1]
        name = "B" + digest[:20]
        try:
            font = TTFont(name, str(ttf), asciiReadable=False)
        except TTFError as exc:
            raise PdfFontError(f"cannot embed {ttf.name}: {exc}") from exc
        # reportlab shares one font object between all fonts whose PostScript name is equal,
        # so every subset of a face would draw with the first one registered: make the
        # face name as unique as the glyph set (it becomes the PDF BaseFont after the tag).
        font.face.name = font.face.name + b"-" + digest[:6].upper().encode("ascii")
        pdfmetrics.registerFont(font)
        _registered[str(ttf)] = name
    return name


_ESCAPED: tuple[str, ...] = ()


@dataclass(slots=True)
class _FacePlan:
    """Which code point each (character, glyph) pair of a face is drawn with."""

    key: str
    codes: dict[tuple[str, int], int]
    cmap: dict[int, int]  # code point → original glyph id
    rl_name: str = ""
    rl_font: object = None  # the registered reportlab TTFont
    escaped: tuple[str, ...] = ()  # each byte as it goes into a PDF string


def _plan_fonts(doc: LaidOutDocument) -> dict[str, _FacePlan]:
    from reportlab.lib.rl_accel import escapePDF
    from reportlab.pdfbase import pdfmetrics

    global _ESCAPED
    if not _ESCAPED:
        _ESCAPED = tuple(escapePDF(bytes([b])) for b in range(256))
    plans: dict[str, _FacePlan] = {}
    for page in doc.pages:
        for item in page.items:
            if not isinstance(item, GlyphRun):
                continue
            plan = plans.get(item.font)
            if plan is None:
                plan = plans[item.font] = _FacePlan(item.font, {}, {})
            codes, cmap = plan.codes, plan.cmap
            for ch, gid in zip(item.text, item.glyphs):
                if (ch, gid) in codes:
                    continue
                cp = ord(ch)
                if cmap.get(cp, gid) != gid:
                    code = _PUA_START + len(cmap)  # same character, second glyph
                    cmap[code] = gid
                else:
                    code = cp
                    cmap[cp] = gid
                codes[(ch, gid)] = code
    if not plans:
        # reportlab names an initial font on every page; make it an embedded one (never used)
        from layout.fonts import default_serif_path

        key = load_face(default_serif_path()).key
        plans[key] = _FacePlan(key, {}, {})
    for plan in plans.values():
        face = load_face(plan.key)
        ttf = embeddable_font(face.path, face.index, plan.cmap)
        plan.rl_name = _register(ttf)
        plan.rl_font = pdfmetrics.getFont(plan.rl_name)
        plan.escaped = _ESCAPED
    return plans


# --------------------------------------------------------------------------------------------
# Colour


def _set_colour(canvas, colour: Colour, mode: str, *, stroke: bool = False) -> None:  # type: ignore[no-untyped-def]
    c, m, y, k = (min(1.0, max(0.0, float(v))) for v in colour)
    if mode == "cmyk":
        (canvas.setStrokeColorCMYK if stroke else canvas.setFillColorCMYK)(c, m, y, k)
    elif mode in ("grey", "gray"):
        g = 1.0 - min(1.0, k + 0.3 * c + 0.59 * m + 0.11 * y)
        (canvas.setStrokeGray if stroke else canvas.setFillGray)(g)
    else:
        rgb = ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
        (canvas.setStrokeColorRGB if stroke else canvas.setFillColorRGB)(*rgb)


# --------------------------------------------------------------------------------------------
# Images


def _prepare_image(data: bytes, crop: tuple[float, float, float, float], mode: str,  # type: ignore[no-untyped-def]
                   size_pt: tuple[float, float] | None = None, ppi: float = 300.0, max_ppi: float = 360.0):
    """Decode, turn upright (EXIF), crop, flatten alpha, convert to the colour mode, and
    downsample to ``ppi`` at the printed size when the source is finer than ``max_ppi`` —
    a phone photo in a 3-cm portrait frame would otherwise add megabytes nobody can see."""
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = 200_000_000
    img = Image.open(io.BytesIO(data))
    # the whole file in one decoder call rather than in 64 KB steps: each step takes the GIL
    # back, which on a busy interpreter (fonts are converted meanwhile) waits up to 5 ms
    img.decodermaxblock = max(img.decodermaxblock, len(data))
    cx, cy, cw, ch = crop
    if img.format == "JPEG" and size_pt is not None and size_pt[0] > 0 and size_pt[1] > 0:
        # Let libjpeg decode at 1/2, 1/4 or 1/8 scale when that still gives ≥ ``ppi`` in the
        # frame: a 12-megapixel phone photo in a portrait frame decodes 4–16× faster.
        need_w = size_pt[0] / 72.0 * ppi / max(cw, 1e-6)
        need_h = size_pt[1] / 72.0 * ppi / max(ch, 1e-6)
        if img.getexif().get(0x0112, 1) in (5, 6, 7, 8):
            need_w, need_h = need_h, need_w
        img.draft(img.mode, (math.ceil(need_w), math.ceil(need_h)))
    from exporters.docx_images import decoding_one_big

    with decoding_one_big(img.size):
        img.load()
        img = _reduce_for_print(img, crop, size_pt, ppi)
        out = _prepare_loaded(img, crop, mode, size_pt, ppi, max_ppi)
        del img  # the decoded pixels go before the lock is left (and the memory given back)
    return out


def _reduce_for_print(img, crop: tuple[float, float, float, float],  # type: ignore[no-untyped-def]
                      size_pt: tuple[float, float] | None, ppi: float):
    """Box-reduce a decoded picture by a whole factor while it stays at least twice ``ppi``
    in its frame: turning, cropping and converting each copy the pixels, and a 100-megapixel
    PNG (which, unlike a JPEG, cannot be decoded at reduced scale) is 300 MB a copy."""
    if size_pt is None or size_pt[0] <= 0 or size_pt[1] <= 0:
        return img
    cx, cy, cw, ch = crop
    need_w = size_pt[0] / 72.0 * ppi / max(cw, 1e-6)
    need_h = size_pt[1] / 72.0 * ppi / max(ch, 1e-6)
    w, h = img.size
    if img.getexif().get(0x0112, 1) in (5, 6, 7, 8):
        w, h = h, w
    factor = int(min(w / (2 * need_w), h / (2 * need_h)))
    if factor < 2:
        return img
    try:
        return img.reduce(factor)
    except (ValueError, NotImplementedError):  # modes reduce() does not take (P, 1)
        return img


def _prepare_loaded(img, crop: tuple[float, float, float, float], mode: str,  # type: ignore[no-untyped-def]
                    size_pt: tuple[float, float] | None, ppi: float, max_ppi: float):
    """The rest of :func:`_prepare_image`, on the decoded (and maybe reduced) picture."""
    from PIL import Image, ImageOps

    cx, cy, cw, ch = crop
    img = ImageOps.exif_transpose(img)
    w, h = img.size
    box = (
        max(0, round(cx * w)),
        max(0, round(cy * h)),
        min(w, max(round(cx * w) + 1, round((cx + cw) * w))),
        min(h, max(round(cy * h) + 1, round((cy + ch) * h))),
    )
    if box != (0, 0, w, h):
        img = img.crop(box)
    if img.mode in ("RGBA", "LA", "P", "PA"):
        img = img.convert("RGBA")
        bg = Image.new("RGBA", img.size, (255, 255, 255, 255))
        img = Image.alpha_composite(bg, img).convert("RGB")
    elif img.mode not in ("RGB", "L", "CMYK"):
        img = img.convert("RGB")
    if size_pt is not None and size_pt[0] > 0 and size_pt[1] > 0:
        cw_px, ch_px = img.size
        eff = min(cw_px / (size_pt[0] / 72.0), ch_px / (size_pt[1] / 72.0))
        if eff > max_ppi:
            scale = ppi / eff
            img = img.resize((max(1, round(cw_px * scale)), max(1, round(ch_px * scale))), Image.Resampling.LANCZOS)
    if mode in ("grey", "gray"):
        img = img.convert("L")
    elif mode == "cmyk":
        img = _to_cmyk(img)
    elif img.mode not in ("RGB", "L"):
        img = img.convert("RGB")
    return img


def _to_cmyk(img):  # type: ignore[no-untyped-def]
    """RGB → CMYK with full grey-component replacement, so neutrals print on the K plate.

    Pillow's own conversion leaves K empty (C = 1 − R …), which prints muddy four-colour
    greys; this is the simple GCR a prepress tool would do without an ICC profile.
    """
    from PIL import Image, ImageChops

    if img.mode == "CMYK":
        return img
    if img.mode == "L":
        k = ImageChops.invert(img)
        zero = Image.new("L", img.size, 0)
        return Image.merge("CMYK", (zero, zero, zero, k))
    r, g, b = img.convert("RGB").split()
    mx = ImageChops.lighter(ImageChops.lighter(r, g), b)
    k = ImageChops.invert(mx)
    # C = (max − R) / max etc., as 8-bit: (max − R) · 255 // max(max, 1); the difference is
    # taken on 8 bits and the divisor once for all three channels (same pixels, fewer passes)
    from PIL import ImageMath

    divisor = ImageChops.lighter(mx, Image.new("L", mx.size, 1)).convert("I")

    def chan(v):  # type: ignore[no-untyped-def]
        diff = ImageChops.subtract(mx, v).convert("I")
        return ImageMath.lambda_eval(lambda a: a["convert"](a["d"] * 255 / a["m"], "L"), d=diff, m=divisor)

    return Image.merge("CMYK", (chan(r), chan(g), chan(b), k))


# --------------------------------------------------------------------------------------------
# Prepared pictures, cached on disk

#: bump when the preparation of pictures (or what the cache file holds) changes
_IMAGE_VERSION = "5"  # 2: JPEG draft decode; 3: 300 ppi above 360, zlib 1; 4: JPEG sources as DCT;
# 5: big pictures box-reduced before turning and cropping
_IMAGE_MAGIC = b"BULLETIN-PDF-IMAGE\n"
_MODE_CS = {"RGB": "DeviceRGB", "L": "DeviceGray", "CMYK": "DeviceCMYK"}
_CHANNELS = {"DeviceRGB": 3, "DeviceGray": 1, "DeviceCMYK": 4}


@dataclass(frozen=True, slots=True)
class _PreparedImage:
    """A picture ready for the PDF: 8-bit pixels, Flate-compressed, as reportlab embeds them."""

    width: int
    height: int
    colour_space: str  # DeviceRGB / DeviceGray / DeviceCMYK
    name: str  # reportlab's XObject digest of the pixels (same pixels → same name)
    stream: bytes  # zlib-compressed pixel rows, or a JPEG for photographic sources
    filter: str = "FlateDecode"  # or DCTDecode


def image_cache_dir() -> Path:
    """Where prepared pictures are kept (BULLETIN_CACHE_DIR or the user cache dir)."""
    return cache_base_dir() / "images"


def _image_key(data: bytes | None, crop: tuple[float, float, float, float], mode: str,
               size_pt: tuple[float, float], digest: bytes | None = None) -> str:
    """``digest``: the SHA-256 of ``data`` when already known (then data may be None)."""
    import PIL

    h = hashlib.sha256()
    h.update(f"{_IMAGE_VERSION}\0{PIL.__version__}\0{mode}\0{tuple(map(float, crop))!r}\0"
             f"{tuple(map(float, size_pt))!r}\0".encode())
    h.update(digest if digest is not None else hashlib.sha256(data).digest())  # type: ignore[arg-type]
    return h.hexdigest()[:40]


def _read_prepared(path: Path) -> _PreparedImage | None:
    """A cached picture, or None when missing or damaged in any way (then it is made again)."""
    framed = read_framed(path, _IMAGE_MAGIC)
    if framed is None:
        return None
    head, stream = framed
    try:
        w, h, cs, name = head["width"], head["height"], head["colour_space"], head["name"]
        filt = head.get("filter")
        if (
            head.get("version") != _IMAGE_VERSION
            or filt not in ("FlateDecode", "DCTDecode")
            or not (isinstance(w, int) and isinstance(h, int) and w > 0 and h > 0)
            or cs not in _CHANNELS
            or not (isinstance(name, str) and len(name) == 32 and all(c in "0123456789abcdef" for c in name))
        ):
            return None
        return _PreparedImage(w, h, cs, name, bytes(stream), filt)
    except (TypeError, KeyError):
        return None


def _write_prepared(path: Path, prep: _PreparedImage) -> None:
    if not write_framed(path, _IMAGE_MAGIC, {
        "version": _IMAGE_VERSION, "width": prep.width, "height": prep.height,
        "colour_space": prep.colour_space, "name": prep.name, "filter": prep.filter,
    }, prep.stream):
        note_cache_problem(path.parent, OSError("not writable or full"))


def _prepared(data: bytes | Callable[[], bytes], crop: tuple[float, float, float, float], mode: str,
              size_pt: tuple[float, float], digest: bytes | None = None) -> _PreparedImage:
    """The picture prepared for print (see :func:`_prepare_image`) and compressed, from the
    cache when the same image was prepared for the same crop, frame size and colour mode.

    Why: decoding, resampling, colour conversion and compression of a page of portraits take
    most of an export otherwise. Raises what Pillow raises for a broken image. ``data`` may be
    a function giving the bytes, called only when the picture is not cached (``digest`` is
    then their SHA-256).
    """
    from reportlab.lib.utils import _digester

    if callable(data):
        if digest is None:
            data = data()
        else:
            path = image_cache_dir() / f"{_image_key(None, crop, mode, size_pt, digest)}.img"
            prep = _read_prepared(path)
            if prep is not None:
                return prep
            data = data()
            if not data:
                raise OSError("image has no bytes")
    path = image_cache_dir() / f"{_image_key(data, crop, mode, size_pt)}.img"
    prep = _read_prepared(path)
    if prep is not None:
        return prep
    img = _prepare_image(data, crop, mode, size_pt)
    raw = img.tobytes()
    name = _digester(raw + b"None")
    if data[:3] == b"\xff\xd8\xff":
        # A photograph stays a JPEG: DCT at quality 92 is what printers expect of photos, ≈ 3×
        # smaller than Flate and ≈ 20× faster to encode. Graphics (PNG…) stay lossless.
        out = io.BytesIO()
        img.save(out, "JPEG", quality=92, subsampling=0, optimize=False)
        prep = _PreparedImage(img.size[0], img.size[1], _MODE_CS[img.mode], name, out.getvalue(), "DCTDecode")
    else:
        # level 1: pixels of this kind hardly compress better at 6, which costs 3× the time
        prep = _PreparedImage(img.size[0], img.size[1], _MODE_CS[img.mode], name, zlib.compress(raw, 1))
    _write_prepared(path, prep)
    return prep


def _image_xobject(canvas, prep: _PreparedImage) -> str:  # type: ignore[no-untyped-def]
    """Register a prepared picture once per document (as ``Canvas.drawImage`` does, minus
    decoding and compressing it again); returns its XObject name."""
    from reportlab.pdfbase import pdfdoc

    doc = canvas._doc
    reg_name = doc.getXObjectName(prep.name)
    if not doc.idToObject.get(reg_name):
        obj = pdfdoc.PDFImageXObject(prep.name)
        obj.width, obj.height = prep.width, prep.height
        obj.bitsPerComponent = 8
        obj.colorSpace = prep.colour_space
        obj.streamContent = prep.stream
        obj._filters = (prep.filter,)
        if prep.filter == "DCTDecode" and prep.colour_space == "DeviceCMYK":
            obj._decode = [1, 0, 1, 0, 1, 0, 1, 0]  # Pillow writes Adobe-style inverted CMYK JPEGs
        obj.mask = None
        # (Canvas.drawImage also gives the image the page's XObject dictionary so far, which an
        # image XObject never writes — skipped: building it is quadratic in pictures per page)
        doc.Reference(obj, reg_name)
        doc.addForm(prep.name, obj)
    canvas._formsinuse.append(prep.name)
    return reg_name


# --------------------------------------------------------------------------------------------
# Drawing


def _crop_marks(canvas, ox: float, oy: float, w: float, h: float, bleed: float, colour_mode: str) -> None:  # type: ignore[no-untyped-def]
    off = max(bleed, 3 * MM)
    length = 5 * MM
    canvas.saveState()
    _set_colour(canvas, REGISTRATION, colour_mode, stroke=True)
    canvas.setLineWidth(0.25)
    for x, sx in ((ox, -1), (ox + w, 1)):
        for y, sy in ((oy, -1), (oy + h, 1)):
            canvas.line(x + sx * off, y, x + sx * (off + length), y)
            canvas.line(x, y + sy * off, x, y + sy * (off + length))
    canvas.restoreState()


_LN10 = math.log(10.0)
_FP_FORMATS = ("%.0f", "%.1f", "%.2f", "%.3f", "%.4f", "%.5f", "%.6f")


@lru_cache(maxsize=1 << 16)
def _fp(v: float) -> str:
    """A number as reportlab's ``fp_str`` writes it (six significant decimals, no trailing
    zeros), without its per-call overhead (and memoized: glyphs on the em grid share their
    x); ours, so the bytes do not depend on whether reportlab's C accelerator is installed."""
    a = abs(v)
    if a <= 1e-7:
        return "0"
    places = 6 if a <= 1 else min(max(0, 6 - int(math.log(a) / _LN10)), 6)
    s = _FP_FORMATS[places] % v
    if places:
        s = s.rstrip("0")
        if s[-1] == ".":
            s = s[:-1]
    return s[1:] if s[0] == "0" and len(s) > 1 else s


class _RunWriter:
    """Writes a glyph run's operators straight into the page's content — exactly the ones
    ``saveState`` + ``beginText`` + ``setFont`` + per-glyph ``setTextOrigin``/``textOut`` +
    ``drawText`` + ``restoreState`` would write, without their per-call overhead: colour
    operators are memoized per colour, each (character, glyph) pair's subset byte is assigned
    once (in the order of first use, as reportlab would) and each run is one joined string."""

    __slots__ = ("canvas", "doc", "mode", "colours", "glyphs", "subset_names", "widths")

    def __init__(self, canvas, mode: str) -> None:  # type: ignore[no-untyped-def]
        self.canvas = canvas
        self.doc = canvas._doc
        self.mode = mode
        self.colours: dict[tuple[Colour, bool], list[str]] = {}
        self.glyphs: dict[str, dict[tuple[str, int], tuple[int, str]]] = {}
        self.subset_names: dict[tuple[str, int], str] = {}
        self.widths: dict[float, str] = {}

    def colour(self, colour: Colour, stroke: bool) -> list[str]:
        key = (tuple(colour), stroke)
        ops = self.colours.get(key)
        if ops is None:
            canvas = self.canvas
            code = canvas._code
            n = len(code)
            canvas.saveState()
            _set_colour(canvas, colour, self.mode, stroke=stroke)
            canvas.restoreState()
            ops = self.colours[key] = code[n + 1 : -1]
            del code[n:]
        return ops

    def run(self, item: GlyphRun, plan: _FacePlan, ox: float, y: float) -> None:
        code = self.canvas._code
        code.append("q")
        code.extend(self.colour(item.colour, False))
        if item.bold > 0:
            code.extend(self.colour(item.colour, True))
            w = self.widths.get(item.bold)
            if w is None:
                from reportlab.lib.rl_accel import fp_str

                w = self.widths[item.bold] = f"{fp_str(item.bold)} w"
            code.append(w)
            code.append("1 j")
            parts = ["BT 1 0 0 1 0 0 Tm 2 Tr"]
        else:
            parts = ["BT 1 0 0 1 0 0 Tm"]
        font = plan.rl_font
        doc = self.doc
        fkey = plan.key
        glyphs = self.glyphs.get(fkey)
        if glyphs is None:
            glyphs = self.glyphs[fkey] = {}
        fp = _fp
        add = parts.append
        tf = f"{fp(item.size)} Tf {fp(item.size * 1.2)} TL"
        tm = f" {fp(y)} Tm"
        x0 = item.x
        cur = -1
        for ch, gid, x in zip(item.text, item.glyphs, item.xs):
            g = glyphs.get((ch, gid))
            if g is None:
                ((subset, b),) = font.splitString(chr(plan.codes[(ch, gid)]), doc)  # type: ignore[attr-defined]
                g = glyphs[(ch, gid)] = (subset, f"({plan.escaped[b[0]]}) Tj")
            subset, tj = g
            add("1 0 0 1 " + fp(ox + (x0 + x)) + tm)
            if subset != cur:
                cur = subset
                name = self.subset_names.get((fkey, subset))
                if name is None:
                    name = self.subset_names[(fkey, subset)] = font.getSubsetInternalName(subset, doc)  # type: ignore[attr-defined]
                add(f"{name} {tf} {tj}")
            else:
                add(tj)
        parts.append("ET")
        code.append(" ".join(parts))
        code.append("Q")


def _draw_page(canvas, page: LaidOutPage, plans: Mapping[str, _FacePlan], ox: float, oy: float,  # type: ignore[no-untyped-def]
               colour_mode: str, prepared: Mapping[_PicKey, _PreparedImage | None],
               writer: _RunWriter | None = None) -> None:
    h = page.height
    if writer is None:
        writer = _RunWriter(canvas, colour_mode)

    def X(x: float) -> float:
        return ox + x

    def Y(y: float) -> float:
        return oy + h - y

    for item in page.items:
        if isinstance(item, GlyphRun):
            writer.run(item, plans[item.font], ox, oy + h - item.y)
        elif isinstance(item, Rule):
            canvas.saveState()
            _set_colour(canvas, item.colour, colour_mode, stroke=True)
            canvas.setLineWidth(item.width)
            canvas.line(X(item.x0), Y(item.y0), X(item.x1), Y(item.y1))
            canvas.restoreState()
        elif isinstance(item, Rect):
            if item.fill is None and item.stroke is None:
                continue
            canvas.saveState()
            if item.fill is not None:
                _set_colour(canvas, item.fill, colour_mode)
            if item.stroke is not None:
                _set_colour(canvas, item.stroke, colour_mode, stroke=True)
                canvas.setLineWidth(item.stroke_width)
            canvas.rect(X(item.x), Y(item.y + item.h), item.w, item.h,
                        fill=1 if item.fill is not None else 0, stroke=1 if item.stroke is not None else 0)
            canvas.restoreState()
        elif isinstance(item, Picture):
            _draw_picture(canvas, item, X(item.x), Y(item.y + item.h), colour_mode, prepared)


_PicKey = tuple[str, tuple[float, float, float, float], float, float]


def _pic_key(pic: Picture) -> _PicKey:
    return (pic.image, tuple(pic.crop), pic.w, pic.h)  # type: ignore[return-value]


def _prepare_pictures(pictures: list[Picture], get_image: Callable[[str], bytes | None] | None,
                      colour_mode: str, image_digest: Callable[[str], bytes | None] | None = None,
                      ) -> dict[_PicKey, _PreparedImage | None]:
    """Every distinct (image, crop, frame) of the document prepared for print — on a few
    threads (decoding, resampling and zlib release the GIL), with at most a few source images
    in memory at once; None for a missing or broken image. Each picture is prepared on its
    own, so the result does not depend on the number of threads."""
    from concurrent.futures import ThreadPoolExecutor

    from PIL import Image

    def work(data: bytes | Callable[[], bytes], pic: Picture, digest: bytes | None = None) -> _PreparedImage | None:
        try:
            return _prepared(data, pic.crop, colour_mode, (pic.w, pic.h), digest)
        except (KeyError, OSError, ValueError, Image.DecompressionBombError):
            return None  # a broken image must not stop the export; it is reported (render_pdf)
        except Exception:  # Pillow raises many types for junk (SyntaxError, struct.error …)
            return None

    out: dict[_PicKey, _PreparedImage | None] = {}
    todo: dict[_PicKey, Picture] = {}
    for pic in pictures:
        todo.setdefault(_pic_key(pic), pic)
    if not todo:
        return out
    workers = max(1, min(4, os.cpu_count() or 1, len(todo)))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        pending: list[tuple[_PicKey, object]] = []
        for key, pic in todo.items():
            data = None
            digest = image_digest(pic.image) if image_digest is not None and get_image is not None else None
            if digest is not None:
                # the cache is looked up by the known digest: the bytes are read only on a miss
                fut = pool.submit(work, lambda name=pic.image: get_image(name) or b"", pic, digest)  # type: ignore[misc]
                pending.append((key, fut))
            elif get_image is not None:
                try:
                    data = get_image(pic.image)
                except (KeyError, OSError):
                    data = None
            if digest is None:
                if not data:
                    out[key] = None
                    continue
                pending.append((key, pool.submit(work, data, pic)))
                del data
            if len(pending) >= 2 * workers:
                k, fut = pending.pop(0)
                out[k] = fut.result()  # type: ignore[attr-defined]
        for k, fut in pending:
            out[k] = fut.result()  # type: ignore[attr-defined]
    return out


def _draw_picture(canvas, pic: Picture, x: float, y: float, colour_mode: str,  # type: ignore[no-untyped-def]
                  prepared: Mapping[_PicKey, _PreparedImage | None]) -> None:
    prep = prepared.get(_pic_key(pic))
    canvas.saveState()
    if prep is None:
        _set_colour(canvas, (0, 0, 0, 0.15), colour_mode)
        _set_colour(canvas, (0, 0, 0, 0.5), colour_mode, stroke=True)
        canvas.setLineWidth(0.5)
        canvas.rect(x, y, pic.w, pic.h, fill=1, stroke=1)
        canvas.line(x, y, x + pic.w, y + pic.h)
        canvas.line(x, y + pic.h, x + pic.w, y)
    else:
        canvas._currentPageHasImages = 1
        reg_name = _image_xobject(canvas, prep)
        # what Canvas.drawImage draws: the unit square scaled to the frame
        canvas.saveState()
        canvas.translate(x, y)
        canvas.scale(pic.w, pic.h)
        canvas._code.append(f"/{reg_name} Do")
        canvas.restoreState()
    canvas.restoreState()


_switch_lock = threading.Lock()
_switch_users = 0
_switch_saved = 0.005


@contextmanager
def _short_switch_interval() -> Iterator[None]:
    """While fonts are converted (pure Python) beside pictures being prepared (C calls between
    bits of Python), hand the GIL over every 0.2 ms rather than 5: each of the many short steps
    of a picture otherwise waits up to 5 ms for it — a picture takes 1.7× as long."""
    global _switch_users, _switch_saved
    with _switch_lock:
        if _switch_users == 0:
            _switch_saved = sys.getswitchinterval()
            sys.setswitchinterval(min(_switch_saved, 0.0002))
        _switch_users += 1
    try:
        yield
    finally:
        with _switch_lock:
            _switch_users -= 1
            if _switch_users == 0:
                sys.setswitchinterval(_switch_saved)


def render_pdf(
    doc: LaidOutDocument,
    *,
    get_image: Callable[[str], bytes | None] | None = None,
    colour: str = "cmyk",
    bleed_mm: float = 0.0,
    crop_marks: bool = False,
    metadata: Mapping[str, str] | None = None,
    timestamp: bool = False,
    image_digest: Callable[[str], bytes | None] | None = None,
    problems: list[Problem] | None = None,
) -> bytes:
    """The document as PDF bytes.

    ``colour``: ``"cmyk"`` (DeviceCMYK, black text pure K), ``"grey"`` or ``"rgb"``.
    ``bleed_mm`` grows BleedBox/MediaBox around the TrimBox (items drawn past the trim edge
    show in the bleed); ``crop_marks`` adds marks outside the bleed and room for them.
    ``metadata`` keys: title, author, subject, creator, keywords. Without ``timestamp`` the
    output is byte-for-byte reproducible. ``image_digest``: the SHA-256 of an image's bytes when
    known (None otherwise), so that a cached picture is found without reading the image.
    ``problems``: a ``bad_image`` problem is appended for each picture that could not be read
    or decoded (missing, truncated, replaced meanwhile) and is drawn as an empty frame.
    """
    from reportlab import rl_config
    from reportlab.pdfgen.canvas import Canvas

    # binary streams: ASCII85 only makes them 25 % larger, and reportlab's pure-Python encoder
    # costs a quarter of a second per example export (set for good, so that exports running
    # side by side cannot see different settings)
    rl_config.useA85 = 0
    if colour not in ("cmyk", "grey", "gray", "rgb"):
        raise ValueError(f"unknown colour mode {colour!r}")
    _fix_tounicode()
    _fast_flate()
    # pictures are prepared while the fonts are planned (converting a new glyph set is pure
    # Python; decoding and compressing pictures mostly is not, so the two overlap)
    from concurrent.futures import ThreadPoolExecutor

    pics = [it for p in doc.pages for it in p.items if isinstance(it, Picture)]
    with _short_switch_interval(), ThreadPoolExecutor(max_workers=1) as side:
        pictures = side.submit(_prepare_pictures, pics, get_image, colour, image_digest)
        plans = _plan_fonts(doc)
        prepared = pictures.result()
    if problems is not None:
        seen: set[tuple[str, str]] = set()
        for pic in pics:
            if prepared.get(_pic_key(pic)) is None and (pic.block_id, pic.image) not in seen:
                seen.add((pic.block_id, pic.image))
                problems.append(Problem("bad_image", pic.block_id, f"照片 {pic.image[:12]}… 无法解码，PDF 中只有空框 "
                                                                   "could not be read or decoded; an empty frame is drawn"))
    bleed = max(0.0, bleed_mm) * MM
    margin = bleed + ((max(bleed, 3 * MM) + 6 * MM - bleed) if crop_marks else 0.0)
    buf = io.BytesIO()
    # initial font: a dynamic (embedded TrueType) one, so that reportlab does not put an
    # unembedded Helvetica into every page's resources
    first_font = next(iter(plans.values())).rl_name
    canvas = Canvas(buf, invariant=0 if timestamp else 1, pageCompression=1, pdfVersion=(1, 6),
                    initialFontName=first_font)
    meta = dict(metadata or {})
    canvas.setTitle(meta.get("title", ""))
    canvas.setAuthor(meta.get("author", ""))
    canvas.setSubject(meta.get("subject", ""))
    canvas.setCreator(meta.get("creator", "会刊编辑器 Bulletin editor"))
    canvas.setProducer(meta.get("producer", "会刊编辑器 Bulletin editor (reportlab)"))
    if meta.get("keywords"):
        canvas.setKeywords(meta["keywords"])
    pages = doc.pages or [LaidOutPage(1, 595.2756, 841.8898)]
    writer = _RunWriter(canvas, colour)
    for page in pages:
        w, h = page.width, page.height
        mw, mh = w + 2 * margin, h + 2 * margin
        canvas.setPageSize((mw, mh))
        canvas.setTrimBox((margin, margin, margin + w, margin + h))
        canvas.setBleedBox((margin - bleed, margin - bleed, margin + w + bleed, margin + h + bleed))
        canvas.setCropBox((0, 0, mw, mh))
        _draw_page(canvas, page, plans, margin, margin, colour, prepared, writer)
        if crop_marks:
            _crop_marks(canvas, margin, margin, w, h, bleed, colour)
        canvas.showPage()
    canvas.save()
    return buf.getvalue()

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
* Colours are DeviceCMYK (black text is pure K), or DeviceGray / DeviceRGB on request.
* Page boxes: TrimBox is the page, BleedBox adds the bleed, MediaBox adds room for crop marks.
* The same input gives the same bytes (reportlab's invariant mode) unless a timestamp is asked.

Public API: :func:`render_pdf`, :func:`font_cache_dir`, :func:`embeddable_font`.
"""

from __future__ import annotations

import hashlib
import io
import os
import sys
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from layout.fonts import load_face
from layout.types import Colour, GlyphRun, LaidOutDocument, LaidOutPage, Picture, Rect, Rule

MM = 72.0 / 25.4
#: bump when the conversion changes so that stale cache files are not reused
_CONVERTER_VERSION = "1"
#: colour for crop marks: on every separation
REGISTRATION: Colour = (1.0, 1.0, 1.0, 1.0)
_PUA_START = 0xF0000  # supplementary private use area A: never used by text


class PdfFontError(Exception):
    """A font cannot be embedded (unreadable, or its licence bits forbid embedding)."""


# --------------------------------------------------------------------------------------------
# Font conversion and caching


def font_cache_dir() -> Path:
    """Where converted font subsets are kept: BULLETIN_CACHE_DIR, else the user cache dir."""
    env = os.environ.get("BULLETIN_CACHE_DIR")
    if env:
        base = Path(env)
    elif sys.platform.startswith("win"):
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local")) / "bulletin-editor" / "cache"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches" / "bulletin-editor"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "bulletin-editor"
    return base / "fonts"


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
        out_dir.mkdir(parents=True, exist_ok=True)
        tmp = out.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    return out


def _convert(path: str, index: int, cmap: Mapping[int, int]) -> bytes:
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable
    from fontTools.ttLib.tables._c_m_a_p import CmapSubtable

    try:
        tt = TTFont(path, fontNumber=index, lazy=False)
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
    sub = subset.Subsetter(opts)
    sub.populate(glyphs=sorted(set(names.values()) - {order[0]}))
    sub.subset(tt)

    if "CFF " in tt or "CFF2" in tt:
        upm = tt["head"].unitsPerEm
        glyph_order = tt.getGlyphOrder()
        glyph_set = tt.getGlyphSet()
        glyf = newTable("glyf")
        glyf.glyphOrder = glyph_order
        glyf.glyphs = {}
        for gname in glyph_order:
            pen = TTGlyphPen(None)
            glyph_set[gname].draw(Cu2QuPen(pen, max_err=upm / 1000.0, reverse_direction=True))
            glyf[gname] = pen.glyph()
        tt["glyf"] = glyf
        tt["loca"] = newTable("loca")
        maxp = newTable("maxp")
        maxp.tableVersion = 0x00010000
        maxp.numGlyphs = len(glyph_order)
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


@dataclass(slots=True)
class _FacePlan:
    """Which code point each (character, glyph) pair of a face is drawn with."""

    key: str
    codes: dict[tuple[str, int], int]
    cmap: dict[int, int]  # code point → original glyph id
    rl_name: str = ""


def _plan_fonts(doc: LaidOutDocument) -> dict[str, _FacePlan]:
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
                   size_pt: tuple[float, float] | None = None, ppi: float = 300.0, max_ppi: float = 450.0):
    """Decode, turn upright (EXIF), crop, flatten alpha, convert to the colour mode, and
    downsample to ``ppi`` at the printed size when the source is finer than ``max_ppi`` —
    a phone photo in a 3-cm portrait frame would otherwise add megabytes nobody can see."""
    from PIL import Image, ImageOps

    Image.MAX_IMAGE_PIXELS = 200_000_000
    img = Image.open(io.BytesIO(data))
    img = ImageOps.exif_transpose(img)
    cx, cy, cw, ch = crop
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
    # C = (max − R) / max etc., as 8-bit: (max − R) · 255 / max
    from PIL import ImageMath

    def chan(v):  # type: ignore[no-untyped-def]
        return ImageMath.lambda_eval(
            lambda a: a["convert"]((a["m"] - a["v"]) * 255 / a["max"](a["m"], 1), "L"), m=mx, v=v
        )

    return Image.merge("CMYK", (chan(r), chan(g), chan(b), k))


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


def _draw_page(canvas, page: LaidOutPage, plans: Mapping[str, _FacePlan], ox: float, oy: float,  # type: ignore[no-untyped-def]
               colour_mode: str, get_image: Callable[[str], bytes | None] | None) -> None:
    h = page.height

    def X(x: float) -> float:
        return ox + x

    def Y(y: float) -> float:
        return oy + h - y

    for item in page.items:
        if isinstance(item, GlyphRun):
            plan = plans[item.font]
            codes = plan.codes
            canvas.saveState()
            _set_colour(canvas, item.colour, colour_mode)
            text = canvas.beginText()
            text.setFont(plan.rl_name, item.size)
            if item.bold > 0:
                _set_colour(canvas, item.colour, colour_mode, stroke=True)
                canvas.setLineWidth(item.bold)
                canvas.setLineJoin(1)
                text.setTextRenderMode(2)  # fill + stroke: synthetic bold
            y = Y(item.y)
            x0 = item.x
            for ch, gid, dx in zip(item.text, item.glyphs, item.xs):
                text.setTextOrigin(X(x0 + dx), y)
                text.textOut(chr(codes[(ch, gid)]))
            canvas.drawText(text)
            canvas.restoreState()
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
            _draw_picture(canvas, item, X(item.x), Y(item.y + item.h), colour_mode, get_image)


def _draw_picture(canvas, pic: Picture, x: float, y: float, colour_mode: str,  # type: ignore[no-untyped-def]
                  get_image: Callable[[str], bytes | None] | None) -> None:
    from reportlab.lib.utils import ImageReader

    data = None
    if get_image is not None:
        try:
            data = get_image(pic.image)
        except (KeyError, OSError):
            data = None
    img = None
    if data:
        from PIL import Image

        try:
            img = _prepare_image(data, pic.crop, colour_mode, (pic.w, pic.h))
        except (OSError, ValueError, Image.DecompressionBombError):
            img = None  # a broken image must not stop the export; the empty frame shows it
    canvas.saveState()
    if img is None:
        _set_colour(canvas, (0, 0, 0, 0.15), colour_mode)
        _set_colour(canvas, (0, 0, 0, 0.5), colour_mode, stroke=True)
        canvas.setLineWidth(0.5)
        canvas.rect(x, y, pic.w, pic.h, fill=1, stroke=1)
        canvas.line(x, y, x + pic.w, y + pic.h)
        canvas.line(x, y + pic.h, x + pic.w, y)
    else:
        canvas.drawImage(ImageReader(img), x, y, pic.w, pic.h)
    canvas.restoreState()


def render_pdf(
    doc: LaidOutDocument,
    *,
    get_image: Callable[[str], bytes | None] | None = None,
    colour: str = "cmyk",
    bleed_mm: float = 0.0,
    crop_marks: bool = False,
    metadata: Mapping[str, str] | None = None,
    timestamp: bool = False,
) -> bytes:
    """The document as PDF bytes.

    ``colour``: ``"cmyk"`` (DeviceCMYK, black text pure K), ``"grey"`` or ``"rgb"``.
    ``bleed_mm`` grows BleedBox/MediaBox around the TrimBox (items drawn past the trim edge
    show in the bleed); ``crop_marks`` adds marks outside the bleed and room for them.
    ``metadata`` keys: title, author, subject, creator, keywords. Without ``timestamp`` the
    output is byte-for-byte reproducible.
    """
    from reportlab.pdfgen.canvas import Canvas

    if colour not in ("cmyk", "grey", "gray", "rgb"):
        raise ValueError(f"unknown colour mode {colour!r}")
    _fix_tounicode()
    plans = _plan_fonts(doc)
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
    for page in pages:
        w, h = page.width, page.height
        mw, mh = w + 2 * margin, h + 2 * margin
        canvas.setPageSize((mw, mh))
        canvas.setTrimBox((margin, margin, margin + w, margin + h))
        canvas.setBleedBox((margin - bleed, margin - bleed, margin + w + bleed, margin + h + bleed))
        canvas.setCropBox((0, 0, mw, mh))
        _draw_page(canvas, page, plans, margin, margin, colour, get_image)
        if crop_marks:
            _crop_marks(canvas, margin, margin, w, h, bleed, colour)
        canvas.showPage()
    canvas.save()
    return buf.getvalue()

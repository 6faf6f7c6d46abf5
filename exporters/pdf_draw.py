"""Draw a laid-out document with reportlab: pages in, PDF bytes out (DESIGN §2, §6, §7).

Nothing here decides where a glyph goes — every glyph is placed at the x the composer
computed (one text-matrix per glyph; reportlab's own wrapping and CJK handling are never
used). What this module does decide is how the print file is built:

* Fonts are embedded as subsets converted to TrueType (:mod:`exporters.pdf_fonts`).
* Pictures are prepared for print (upright, cropped, flattened, downsampled above 360 ppi) and
  separated for the printing condition (:mod:`exporters.separation`: ink limit, dot gain), then
  compressed once; the result is cached on disk keyed by the image's content, crop, frame size,
  colour mode and condition, so a warm export does no image work. Cold, pictures are prepared
  on threads while the fonts are converted.
* Streams are binary (no ASCII85, zlib level 1, set on this document's streams only) and each
  glyph's text matrix is written directly rather than through reportlab's per-call text API;
  the operators are the ones that API would write.
* Colours are DeviceCMYK (black text is pure K), or DeviceGray / DeviceRGB on request. For a
  press, 100 % K text and rules overprint, faint tints are raised and thin rules use one ink.
* Page boxes: TrimBox is the page, BleedBox adds the bleed, MediaBox adds room for crop marks.
* PDF/X declarations, dates and the content-derived ID: :mod:`exporters.pdfx`. The same input
  and date give the same bytes.

Public API: :func:`render`, :func:`render_pdf`, :func:`image_cache_dir`; re-exported from
pdf_fonts: :func:`font_cache_dir`, :func:`embeddable_font`, :class:`PdfFontError`.
"""
from __future__ import annotations

import hashlib
import io
import math
import os
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from exporters import pdfx
from exporters.pdf_fonts import FacePlan as _FacePlan
from exporters.pdf_fonts import PdfFontError, embeddable_font, font_cache_dir, note_cache_problem
from exporters.pdf_fonts import plan_fonts as _plan_fonts
from exporters.separation import JPEG_INK_HEADROOM, PressColours, PrintingCondition, Separated, separate
from layout.cache_file import read_framed, write_framed
from layout.fonts import cache_base_dir
from layout.types import Colour, GlyphRun, LaidOutDocument, LaidOutPage, Picture, Problem, Rect, Rule
from model.images import exif_orientation, swaps_sides
from model.units import MM

__all__ = ["MM", "PdfFontError", "RenderedPdf", "embeddable_font", "font_cache_dir", "image_cache_dir",
           "render", "render_pdf"]

#: colour for crop marks: on every separation
REGISTRATION: Colour = (1.0, 1.0, 1.0, 1.0)


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
                   size_pt: tuple[float, float] | None = None, ppi: float = 300.0, max_ppi: float = 360.0,
                   condition: PrintingCondition | None = None) -> Separated:
    """Decode, turn upright (EXIF), crop, flatten alpha, downsample to ``ppi`` at the printed
    size when the source is finer than ``max_ppi`` — a phone photo in a 3-cm portrait frame
    would otherwise add megabytes nobody can see — and separate for the printing condition
    (:func:`exporters.separation.separate`)."""
    from PIL import Image

    # no process-wide Image.MAX_IMAGE_PIXELS here: pictures were checked at ≤ 100 MP when they
    # entered the project (model.images), below Pillow's own refusal (2 × 89 MP)
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
        if swaps_sides(exif_orientation(img)):
            need_w, need_h = need_h, need_w
        img.draft(img.mode, (math.ceil(need_w), math.ceil(need_h)))
    from exporters.docx_images import decoding_one_big

    with decoding_one_big(img.size):
        img.load()
        img = _reduce_for_print(img, crop, size_pt, ppi)
        headroom = JPEG_INK_HEADROOM if data[:3] == b"\xff\xd8\xff" else 0.0
        out = _prepare_loaded(img, crop, mode, size_pt, ppi, max_ppi, condition, headroom)
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
    if swaps_sides(exif_orientation(img)):
        w, h = h, w
    factor = int(min(w / (2 * need_w), h / (2 * need_h)))
    if factor < 2:
        return img
    try:
        return img.reduce(factor)
    except (ValueError, NotImplementedError):  # modes reduce() does not take (P, 1)
        return img


def _prepare_loaded(img, crop: tuple[float, float, float, float], mode: str,  # type: ignore[no-untyped-def]
                    size_pt: tuple[float, float] | None, ppi: float, max_ppi: float,
                    condition: PrintingCondition | None, headroom: float) -> Separated:
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
    return separate(img, mode, condition, headroom)


# --------------------------------------------------------------------------------------------
# Prepared pictures, cached on disk

#: bump when the preparation of pictures (or what the cache file holds) changes
_IMAGE_VERSION = "8"  # 2: JPEG draft decode; 3: 300 ppi above 360, zlib 1; 4: JPEG sources as DCT;
# 5–7: separated for the printing condition (ink limit, dot gain), the source's total ink kept;
# 8: big pictures box-reduced before turning and cropping
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
    source_ink: float = 0.0  # a CMYK source's highest total ink (1.0 = 100 %), else 0
    reseparated: bool = False  # a CMYK source over the ink limit was re-separated


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
        ink, resep = head.get("source_ink", 0.0), head.get("reseparated", False)
        if not isinstance(ink, (int, float)) or not isinstance(resep, bool):
            return None
        return _PreparedImage(w, h, cs, name, bytes(stream), filt, float(ink), resep)
    except (TypeError, KeyError):
        return None


def _write_prepared(path: Path, prep: _PreparedImage) -> None:
    if not write_framed(path, _IMAGE_MAGIC, {
        "version": _IMAGE_VERSION, "width": prep.width, "height": prep.height,
        "colour_space": prep.colour_space, "name": prep.name, "filter": prep.filter,
        "source_ink": prep.source_ink, "reseparated": prep.reseparated,
    }, prep.stream):
        note_cache_problem(path.parent, OSError("not writable or full"))


def _condition_key(condition: PrintingCondition | None) -> str:
    """What of the printing condition changes a separated picture (with the ICC profile's
    bytes: a profile replaced under the same name gives new pictures)."""
    if condition is None:
        return "-"
    icc = ""
    if condition.icc_profile:
        try:
            st = os.stat(condition.icc_profile)
            icc = f"{os.path.abspath(condition.icc_profile)}:{st.st_size}:{st.st_mtime_ns}"
        except OSError:
            icc = condition.icc_profile
    return f"{condition.total_ink:.3f}:{condition.tvi40:.3f}:{icc}"


def _prepared(data: bytes | Callable[[], bytes], crop: tuple[float, float, float, float], mode: str,
              size_pt: tuple[float, float], digest: bytes | None = None,
              condition: PrintingCondition | None = None) -> _PreparedImage:
    """The picture prepared for print (see :func:`_prepare_image`) and compressed, from the
    cache when the same image was prepared for the same crop, frame size and colour mode.

    Why: decoding, resampling, colour conversion and compression of a page of portraits take
    most of an export otherwise. Raises what Pillow raises for a broken image. ``data`` may be
    a function giving the bytes, called only when the picture is not cached (``digest`` is
    then their SHA-256).
    """
    from reportlab.lib.utils import _digester

    press = mode
    mode = f"{mode}\0{_condition_key(condition)}"  # the cache key: a picture per press
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
    sep = _prepare_image(data, crop, press, size_pt, condition=condition)
    img = sep.image
    raw = img.tobytes()
    name = _digester(raw + b"None")
    if data[:3] == b"\xff\xd8\xff":
        # A photograph stays a JPEG: DCT at quality 92 is what printers expect of photos, ≈ 3×
        # smaller than Flate and ≈ 20× faster to encode. Graphics (PNG…) stay lossless.
        out = io.BytesIO()
        img.save(out, "JPEG", quality=92, subsampling=0, optimize=False)
        prep = _PreparedImage(img.size[0], img.size[1], _MODE_CS[img.mode], name, out.getvalue(), "DCTDecode",
                              sep.source_ink, sep.reseparated)
    else:
        # level 1: pixels of this kind hardly compress better at 6, which costs 3× the time
        prep = _PreparedImage(img.size[0], img.size[1], _MODE_CS[img.mode], name, zlib.compress(raw, 1),
                              "FlateDecode", sep.source_ink, sep.reseparated)
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

    __slots__ = ("canvas", "doc", "mode", "colours", "glyphs", "subset_names", "widths", "press", "overprinted")

    def __init__(self, canvas, mode: str, press: PressColours | None = None) -> None:  # type: ignore[no-untyped-def]
        self.canvas = canvas
        self.doc = canvas._doc
        self.mode = mode
        self.press = press or PressColours(mode, None)
        self.overprinted = False  # the current page uses the overprint graphics state
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
        colour = self.press.fill(item.colour)
        if self.press.overprints(colour):
            code.append(f"/{pdfx.GS_OVERPRINT} gs")
            self.overprinted = True
        code.extend(self.colour(colour, False))
        if item.bold > 0:
            code.extend(self.colour(colour, True))
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

    press = writer.press
    code = canvas._code
    for item in page.items:
        if isinstance(item, GlyphRun):
            writer.run(item, plans[item.font], ox, oy + h - item.y)
        elif isinstance(item, Rule):
            canvas.saveState()
            colour = press.stroke(item.colour, item.width)
            if press.overprints(colour):
                code.append(f"/{pdfx.GS_OVERPRINT} gs")
                writer.overprinted = True
            _set_colour(canvas, colour, colour_mode, stroke=True)
            canvas.setLineWidth(item.width)
            canvas.line(X(item.x0), Y(item.y0), X(item.x1), Y(item.y1))
            canvas.restoreState()
        elif isinstance(item, Rect):
            if item.fill is None and item.stroke is None:
                continue
            canvas.saveState()
            if item.fill is not None:
                _set_colour(canvas, press.fill(item.fill), colour_mode)
            if item.stroke is not None:
                stroke = press.stroke(item.stroke, item.stroke_width)
                if press.overprints(stroke):
                    code.append(f"/{pdfx.GS_OVERPRINT_STROKE} gs")
                    writer.overprinted = True
                _set_colour(canvas, stroke, colour_mode, stroke=True)
                canvas.setLineWidth(item.stroke_width)
            canvas.rect(X(item.x), Y(item.y + item.h), item.w, item.h,
                        fill=1 if item.fill is not None else 0, stroke=1 if item.stroke is not None else 0)
            canvas.restoreState()
        elif isinstance(item, Picture):
            _draw_picture(canvas, item, X(item.x), Y(item.y + item.h), colour_mode, prepared)


_PicKey = tuple[str, tuple[float, float, float, float], float, float]


def _pic_key(pic: Picture) -> _PicKey:
    return (pic.image, tuple(pic.crop), pic.w, pic.h)  # type: ignore[return-value]


def _prepare_pictures(pictures: Iterable[Picture], get_image: Callable[[str], bytes | None] | None,
                      colour_mode: str, image_digest: Callable[[str], bytes | None] | None = None,
                      condition: PrintingCondition | None = None,
                      remember_digest: Callable[[str, bytes], None] | None = None,
                      ) -> dict[_PicKey, _PreparedImage | None]:
    """Every distinct (image, crop, frame) of the document prepared for print — on a few
    threads (decoding, resampling and zlib release the GIL), with at most a few source images
    in memory at once; None for a missing or broken image. Each picture is prepared on its
    own, so the result does not depend on the number of threads, nor on when ``pictures``
    (which may be a stream, see :class:`PicturePreparer`) yields them. The digest of a picture
    read here is given to ``remember_digest`` (the next export finds it without reading)."""
    from concurrent.futures import ThreadPoolExecutor

    def work(data: bytes | Callable[[], bytes], pic: Picture, digest: bytes | None = None) -> _PreparedImage | None:
        try:
            if digest is None and remember_digest is not None and isinstance(data, bytes):
                digest = hashlib.sha256(data).digest()
                remember_digest(pic.image, digest)
                data = lambda d=data: d  # noqa: E731 - the cache is looked up by the digest
            return _prepared(data, pic.crop, colour_mode, (pic.w, pic.h), digest, condition)
        except Exception:  # noqa: BLE001 - a broken image must not stop the export; it is
            # reported (render_pdf). Pillow raises many types for junk (DecompressionBombError,
            # SyntaxError, struct.error …); named here, they would import Pillow for every export
            return None

    out: dict[_PicKey, _PreparedImage | None] = {}
    workers = max(1, min(4, os.cpu_count() or 1))
    pool: ThreadPoolExecutor | None = None
    try:
        pending: list[tuple[_PicKey, object]] = []
        for pic in pictures:
            key = _pic_key(pic)
            if key in out or any(k == key for k, _f in pending):
                continue
            if pool is None:
                pool = ThreadPoolExecutor(max_workers=workers)
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
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    return out


class PicturePreparer:
    """Pictures prepared for print while the pages are still being laid out: the export hands
    over each page's pictures as soon as the page is laid out (``add``), and a thread of its
    own prepares them (:func:`_prepare_pictures`) — on two cores the pictures of a cold export
    are mostly done when the layout is, instead of starting after it. ``result()`` waits for
    the last; ``render(pictures=…)`` takes the preparer."""

    def __init__(self, get_image: Callable[[str], bytes | None] | None, colour: str,
                 image_digest: Callable[[str], bytes | None] | None = None,
                 condition: PrintingCondition | None = None,
                 remember_digest: Callable[[str, bytes], None] | None = None) -> None:
        import queue
        import threading

        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._out: dict[_PicKey, _PreparedImage | None] = {}
        self._error: BaseException | None = None
        self.colour = colour
        self.condition = condition if colour != "rgb" else None

        def stream() -> Iterator[Picture]:
            while True:
                batch = self._queue.get()
                if batch is None:
                    return
                yield from batch

        def run() -> None:
            try:
                self._out = _prepare_pictures(stream(), get_image, colour, image_digest, self.condition,
                                              remember_digest)
            except BaseException as exc:  # noqa: BLE001 - handed to result()
                self._error = exc
                while self._queue.get() is not None:  # let close() and result() finish
                    pass

        self._thread = threading.Thread(target=run, name="pdf-pictures", daemon=True)
        self._thread.start()
        self._closed = False

    def add(self, pictures: Iterable[Picture]) -> None:
        batch = [it for it in pictures if isinstance(it, Picture)]
        if batch:
            self._queue.put(batch)

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._queue.put(None)

    def result(self) -> dict[_PicKey, _PreparedImage | None]:
        self.close()
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._out


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


@dataclass
class RenderedPdf:
    """What :func:`render` made: one PDF, or one per page when split, and the preflight."""

    files: list[bytes]
    problems: list[Problem]


def render_pdf(doc: LaidOutDocument, **options) -> bytes:  # type: ignore[no-untyped-def]
    """The document as one PDF (see :func:`render` for the options)."""
    return render(doc, **options).files[0]


def render(
    doc: LaidOutDocument,
    *,
    get_image: Callable[[str], bytes | None] | None = None,
    colour: str = "cmyk",
    bleed_mm: float = 0.0,
    crop_marks: bool = False,
    metadata: Mapping[str, str] | None = None,
    timestamp: bool = False,
    image_digest: Callable[[str], bytes | None] | None = None,
    condition: PrintingCondition | None = None,
    flavour: str = "none",
    when: datetime | None = None,
    icc: bytes | None = None,
    split: bool = False,
    pictures: PicturePreparer | None = None,
) -> RenderedPdf:
    """The document as PDF bytes, with what a printing plant's preflight would say.

    ``colour``: ``"cmyk"`` (DeviceCMYK, black text pure K), ``"grey"`` or ``"rgb"`` (for screens:
    the file says so). ``condition``: the press the colours are made for (ink limit, dot gain,
    minimum tint, overprinting black; None: colours as given, nothing overprints). ``flavour``:
    ``"x1a"``, ``"x4"`` (needs ``icc``, the printer's profile) or ``"none"``.
    ``bleed_mm`` grows BleedBox/MediaBox around the TrimBox (items drawn past the trim edge
    show in the bleed); ``crop_marks`` adds marks outside the bleed and room for them.
    ``metadata`` keys: title, author, subject, creator, keywords. ``when``: the creation date
    (default: 2000-01-01 for byte-reproducible output, or now with ``timestamp``); the ID is a
    digest of the content. ``image_digest``: the SHA-256 of an image's bytes when known (None
    otherwise), so that a cached picture is found without reading the image. ``split``: one
    file per page. ``pictures``: a :class:`PicturePreparer` (made with the same colour mode
    and condition) that was given the document's pictures while it was laid out; else they
    are prepared here.
    """
    from concurrent.futures import ThreadPoolExecutor

    from exporters.pdfx import EPOCH_2000, FLAVOUR_NAMES, PdfXError

    if colour not in ("cmyk", "grey", "gray", "rgb"):
        raise ValueError(f"unknown colour mode {colour!r}")
    if flavour != "none" and colour == "rgb":
        raise PdfXError(f"{FLAVOUR_NAMES.get(flavour, flavour)} allows no RGB: export CMYK or grey for print")
    if when is None:
        when = datetime.now(UTC).astimezone() if timestamp else EPOCH_2000
    press_condition = condition if colour != "rgb" else None
    # pictures are prepared while the fonts are planned (converting a new glyph set is pure
    # Python; decoding and compressing pictures mostly is not, so the two overlap)
    pics = [it for p in doc.pages for it in p.items if isinstance(it, Picture)]
    if pictures is not None:
        if pictures.colour != colour or pictures.condition is not press_condition:
            raise ValueError("the picture preparer was made for another colour mode or printing condition")
        pictures.close()
        plans = _plan_fonts(doc)
        prepared = pictures.result()
    else:
        with ThreadPoolExecutor(max_workers=1) as side:
            pending = side.submit(_prepare_pictures, pics, get_image, colour, image_digest, press_condition)
            plans = _plan_fonts(doc)
            prepared = pending.result()
    press = PressColours(colour, press_condition)
    pages = doc.pages or [LaidOutPage(1, 595.2756, 841.8898)]
    groups = [[p] for p in pages] if split else [pages]
    files = [
        _write_document(group, plans, prepared, press, colour=colour, bleed_mm=bleed_mm, crop_marks=crop_marks,
                        metadata=dict(metadata or {}), flavour=flavour, condition=press_condition, when=when, icc=icc)
        for group in groups
    ]
    return RenderedPdf(files, _preflight(pics, prepared, press, colour, flavour, press_condition))


def _preflight(pics: list[Picture], prepared: Mapping[_PicKey, _PreparedImage | None], press: PressColours,
               colour: str, flavour: str, condition: PrintingCondition | None) -> list[Problem]:
    """The report's print-production lines (the flat colours' come from ``press``)."""
    out: list[Problem] = []
    if colour == "rgb":
        out.append(Problem("screen_only", "", "RGB 导出仅供屏幕阅读，不能交付印刷（PDF 中已注明）"))
    elif flavour == "none":
        out.append(Problem("no_output_intent", "", "未声明 PDF/X 输出意图：印刷厂无法得知颜色是为哪种印刷条件制作的"))
    unreadable: set[tuple[str, str]] = set()
    for pic in pics:  # drawn as an empty frame: never silently
        if prepared.get(_pic_key(pic)) is None and (pic.block_id, pic.image) not in unreadable:
            unreadable.add((pic.block_id, pic.image))
            out.append(Problem("bad_image", pic.block_id, f"照片 {pic.image[:12]}… 无法解码，PDF 中只有空框 "
                                                          "could not be read or decoded; an empty frame is drawn"))
    seen: set[str] = set()
    for pic in pics:
        prep = prepared.get(_pic_key(pic))
        if prep is None or pic.image in seen or condition is None:
            continue
        if prep.reseparated:
            seen.add(pic.image)
            out.append(Problem("ink_limit", pic.image, (
                f"CMYK 图片 {pic.image} 总墨量 {prep.source_ink:.0%}，超过 {condition.identifier} 的 "
                f"{condition.total_ink:.0%}，已重新分色（灰色成分移到黑版，彩色减少）")))
    out.extend(press.problems())
    return out


def _write_document(pages: list[LaidOutPage], plans: Mapping[str, _FacePlan],
                    prepared: Mapping[_PicKey, _PreparedImage | None], press: PressColours, *, colour: str,
                    bleed_mm: float, crop_marks: bool, metadata: dict[str, str], flavour: str,
                    condition: PrintingCondition | None, when: datetime, icc: bytes | None) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    from exporters.pdfx import declare, finish_streams, overprint_states, pdf_version, stamped

    bleed = max(0.0, bleed_mm) * MM
    margin = bleed + ((max(bleed, 3 * MM) + 6 * MM - bleed) if crop_marks else 0.0)
    buf = io.BytesIO()
    # initial font: a dynamic (embedded TrueType) one, so that reportlab does not put an
    # unembedded Helvetica into every page's resources
    first_font = next(iter(plans.values())).rl_name
    # invariant: no random seeds or per-run comments; dates and ID are set by pdfx
    canvas = Canvas(buf, invariant=1, pageCompression=1, pdfVersion=pdf_version(flavour),
                    initialFontName=first_font)
    declare(canvas, flavour=flavour, condition=condition, when=when, metadata=metadata, icc=icc,
            screen_only=colour == "rgb")
    writer = _RunWriter(canvas, colour, press)
    overprint = None
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
        if writer.overprinted:
            pdf_page = canvas._doc.Pages.pages[-1]
            overprint = overprint or overprint_states()
            if pdf_page.ExtGState:
                pdf_page.ExtGState.dict.update(overprint.dict)
            else:
                pdf_page.ExtGState = overprint
            writer.overprinted = False
    finish_streams(canvas)
    canvas.save()
    return stamped(buf)

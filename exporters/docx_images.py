"""Portrait images made ready for Word: upright, cropped, RGB/grey, at print resolution.

Word shows whatever bytes it is given and knows nothing of our crop rectangle or of EXIF
orientation (LibreOffice ignores EXIF rotation in DOCX too), so the exporter bakes both into
the pixels. CMYK JPEGs, 16-bit scans and transparent PNGs are normalised because Word and
LibreOffice render them inconsistently (inverted CMYK, black backgrounds, clipped 16-bit).
"""

from __future__ import annotations

import io
import sys
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PIL import Image, ImageOps

from model.document import Crop
from model.images import MAX_PIXELS, exif_orientation, swaps_sides, why_unreadable

#: Above this effective resolution the photo is resampled: more pixels only bloat the file.
#: Below it the pixels are left alone — re-encoding costs quality and time for a saving of
#: less than half the file.
MAX_PPI = 900.0
#: ... and it is resampled to this, comfortably above the 300 ppi print needs (DESIGN §7), so
#: a colleague may enlarge the portrait in Word a little without it going soft.
TARGET_PPI = 450.0
JPEG_QUALITY = 92
_LOSSY = {"JPEG", "MPO", "WEBP"}


class PortraitError(ValueError):
    """An image that cannot be decoded; the message says why."""


@dataclass(frozen=True)
class PreparedImage:
    data: bytes
    ext: str  # "jpg" or "png"
    width_px: int
    height_px: int


def crop_box(size: tuple[int, int], crop: Crop) -> tuple[int, int, int, int]:
    """Pixel box of a fractional crop, clamped to the image and never empty."""
    w, h = size
    x0 = min(max(crop.x, 0.0), 1.0)
    y0 = min(max(crop.y, 0.0), 1.0)
    x1 = min(max(crop.x + crop.w, x0), 1.0)
    y1 = min(max(crop.y + crop.h, y0), 1.0)
    left, top = round(x0 * w), round(y0 * h)
    right, bottom = round(x1 * w), round(y1 * h)
    right = max(right, min(left + 1, w))
    bottom = max(bottom, min(top + 1, h))
    left = min(left, right - 1)
    top = min(top, bottom - 1)
    return left, top, right, bottom


def _to_displayable(im: Image.Image) -> Image.Image:
    """RGB or L (8 bit): what every DOCX reader draws the same way.

    Transparent images are flattened onto white paper (a portrait is printed on newsprint, and
    some readers draw transparency as black). 16-bit grey is scaled, not clipped, to 8 bit.
    """
    if im.mode in ("RGB", "L"):
        return im
    if im.mode == "P":
        im = im.convert("RGBA") if "transparency" in im.info else im.convert("RGB")
    if im.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        im = im.convert("I")
        lo, hi = im.getextrema()
        # 16-bit sources use 0..65535; an "I" image might be 8-bit data widened: keep it.
        scale = 1 / 256 if hi > 255 else 1.0
        return im.point(lambda v: v * scale).convert("L")
    if im.mode == "F":
        return im.convert("L")
    if im.mode == "1":
        return im.convert("L")
    if im.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        rgba = im.convert("RGBA")
        paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        flat = Image.alpha_composite(paper, rgba)
        return flat.convert("L" if im.mode in ("LA", "La") else "RGB")
    if im.mode == "CMYK":
        return _cmyk_to_rgb(im)
    return im.convert("RGB")


def _cmyk_to_rgb(im: Image.Image) -> Image.Image:
    """Use the embedded ICC profile when there is one (colours right), else Pillow's formula."""
    icc = im.info.get("icc_profile")
    if icc:
        try:
            from PIL import ImageCms

            src = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            dst = ImageCms.createProfile("sRGB")
            out = ImageCms.profileToProfile(im, src, dst, outputMode="RGB")
            if out is not None:
                return out
        except Exception:  # a broken profile must not lose the portrait
            pass
    return im.convert("RGB")


def prepare_portrait(data: bytes, crop: Crop, width_in: float) -> PreparedImage:
    """Decode, rotate upright, crop, normalise and (only if far too large) downsample.

    ``width_in`` is the printed width in inches, used to keep the effective resolution
    between TARGET_PPI and MAX_PPI. An untouched JPEG (no rotation, no crop, RGB/grey, not
    oversized) is embedded byte for byte, so no generation of JPEG loss is added.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            src = Image.open(io.BytesIO(data))
            if src.size[0] * src.size[1] > MAX_PIXELS:
                raise PortraitError(f"{src.size[0]}×{src.size[1]} is more than {MAX_PIXELS // 1_000_000} megapixels")
            fmt = src.format or ""
            if _embed_as_is(src, crop, width_in) and _whole_for_word(data):
                return PreparedImage(data, "jpg" if fmt == "JPEG" else "png", *src.size)
            full = src.size
            drafted = _draft(src, crop, width_in)
            with decoding_one_big(_decoding_size(src, full)):
                src.load()
                src, reduced = _reduce(src, crop, width_in)
                return _finish(data, src, fmt, crop, width_in, drafted or reduced)
    except PortraitError:
        raise
    except MemoryError:
        raise PortraitError("too large to decode in the memory available") from None
    except Exception as exc:  # Pillow raises many types for junk input (and for broken EXIF)
        raise PortraitError(f"not a readable image{why_unreadable(exc)}") from None


def _decoding_size(im: Image.Image, full: tuple[int, int]) -> tuple[int, int]:
    """The pixels decoding ``im`` holds at once: its drafted size, except for a progressive
    JPEG, whose decoder keeps the coefficients of the whole picture whatever the scale (about
    6 bytes a pixel: 600 MB for 100 megapixels) — four of those on four threads made 2 GB."""
    if im.format == "JPEG" and (im.info.get("progressive") or im.info.get("progression")):
        return full
    return im.size


#: Pictures that decode to more than this many pixels are decoded one at a time: four
#: 100-megapixel scans side by side would need gigabytes (a phone photo, drafted, is far less).
_BIG_PIXELS = 16_000_000
_big_lock = threading.Lock()


@contextmanager
def decoding_one_big(size: tuple[int, int]) -> Iterator[None]:
    """Hold the one-big-picture-at-a-time lock (shared by the DOCX and PDF exporters) while a
    picture of ``size`` pixels, as it will be decoded, is decoded and prepared."""
    if size[0] * size[1] <= _BIG_PIXELS:
        yield
        return
    with _big_lock:
        try:
            yield
        finally:
            _give_back_memory()


def _give_back_memory() -> None:
    """Return the freed pixels of a big picture to the system (glibc's malloc_trim).

    Pictures are prepared on a few threads, and glibc gives each thread a heap of its own
    that keeps freed memory for that thread: without this, every thread that once decoded a
    100-megapixel picture holds on to its 400 MB (measured: 1.05 GB → 0.6 GB for nine).
    """
    global _libc
    if _libc is None:
        _libc = False
        if sys.platform.startswith("linux"):
            try:
                import ctypes

                libc = ctypes.CDLL("libc.so.6")
                libc.malloc_trim  # noqa: B018 — musl has no malloc_trim: leave it
                _libc = libc
            except (OSError, AttributeError):
                pass
    if _libc:
        _libc.malloc_trim(0)


_libc = None


def _reduce(im: Image.Image, crop: Crop, width_in: float) -> tuple[Image.Image, bool]:
    """Box-reduce a decoded picture by a whole factor while it stays at least twice as fine
    as TARGET_PPI, before it is turned, cropped and converted: each of those copies the
    pixels, and on a 100-megapixel PNG (no reduced decoding, unlike JPEG) each copy is
    300 MB. The final Lanczos resize then works from the reduced picture — as
    ``reducing_gap`` would have. Returns the picture and whether it was reduced."""
    if width_in <= 0:
        return im, False
    w, h = im.size
    shown_w = (h if swaps_sides(exif_orientation(im)) else w) * max(min(crop.w, 1.0), 1e-6)
    factor = int(shown_w // (2 * width_in * TARGET_PPI))
    if factor < 2:
        return im, False
    if im.mode not in ("RGB", "L", "CMYK"):
        return _reduce_in_strips(im, factor), True
    try:
        return im.reduce(factor), True
    except (ValueError, NotImplementedError):  # modes reduce() does not take: keep the original
        return im, False


#: rows of a big picture flattened and reduced at a time (a few megabytes each)
_STRIP_ROWS = 1024


def _flatten(im: Image.Image) -> Image.Image:
    """RGB or L on white paper, in one pass for the usual transparent modes (a paste through
    the alpha band); anything else as ``_to_displayable`` does it."""
    if im.mode in ("RGBA", "LA"):
        paper = Image.new("RGB" if im.mode == "RGBA" else "L", im.size, "white")
        paper.paste(im.convert(paper.mode), (0, 0), im.getchannel("A"))
        return paper
    return _to_displayable(im)


def _reduce_in_strips(im: Image.Image, factor: int) -> Image.Image:
    """Flatten (transparency onto white paper, palette and 16 bit to 8-bit RGB/grey) and
    box-reduce a decoded picture a strip of rows at a time.

    ``reduce`` on a whole transparent picture converts all of it to premultiplied alpha and
    back: two more full copies (400 MB each for 100 megapixels). A strip at a time, those
    copies are a few megabytes, and only the small result is flattened and kept."""
    w, h = im.size
    step = factor * max(1, _STRIP_ROWS // factor)
    out: Image.Image | None = None
    for y in range(0, h, step):
        strip = im.crop((0, y, w, min(h, y + step)))
        # reduce() averages transparent pixels premultiplied; flattening the small result is cheap
        small = _flatten(strip.reduce(factor) if strip.mode in ("RGBA", "LA") else _flatten(strip).reduce(factor))
        if out is None:
            out = Image.new(small.mode, (-(-w // factor), -(-h // factor)))
        out.paste(small, (0, y // factor))
        del strip, small
    assert out is not None
    out.info = {k: v for k, v in im.info.items() if k != "transparency"}
    return out


def _whole_for_word(data: bytes) -> bool:
    """True when Word can take the file's own bytes: not cut short (Pillow only reads the
    header to decide on embedding as is), and a header python-docx can parse — a malformed
    EXIF block makes its parser fail, where decoding and re-encoding drops the block."""
    from model.images import incomplete_image

    if incomplete_image(data):
        return False
    try:
        from docx.image.image import Image as DocxImage

        DocxImage.from_blob(data)
    except Exception:
        return False
    return True


def _finish(data: bytes, src: Image.Image, fmt: str, crop: Crop, width_in: float, drafted: bool) -> PreparedImage:
    """Turn upright, crop, normalise, downsample and encode a decoded picture."""
    rotated = _has_rotation(src)
    upright = ImageOps.exif_transpose(src) if rotated else src
    box = crop_box(upright.size, crop)
    cropped = upright.crop(box) if box != (0, 0, *upright.size) else upright
    im = _to_displayable(cropped)

    max_w = max(1, round(width_in * MAX_PPI))
    resized = False
    if im.width > max_w:
        new_w = max(1, round(width_in * TARGET_PPI))
        new_h = max(1, round(im.height * new_w / im.width))
        # reducing_gap: box-reduce first, then Lanczos — same look, several times faster
        im = im.resize((new_w, new_h), Image.Resampling.LANCZOS, reducing_gap=3.0)
        resized = True

    untouched = not (rotated or drafted or resized) and cropped is upright and src.mode in ("RGB", "L")
    if fmt == "JPEG" and untouched and _whole_for_word(data):
        return PreparedImage(data, "jpg", im.width, im.height)
    out = io.BytesIO()
    if fmt in _LOSSY:
        im.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=False, dpi=_dpi(im, width_in))
        return PreparedImage(out.getvalue(), "jpg", im.width, im.height)
    im.save(out, format="PNG", compress_level=6, dpi=_dpi(im, width_in))
    return PreparedImage(out.getvalue(), "png", im.width, im.height)


def _embed_as_is(im: Image.Image, crop: Crop, width_in: float) -> bool:
    """True when the file's own bytes already are what Word needs: decided from the header
    alone, so the common case (a sensible JPEG or PNG portrait) costs no decoding at all."""
    if im.format not in ("JPEG", "PNG") or im.mode not in ("RGB", "L") or exif_orientation(im) != 1:
        return False
    if "transparency" in im.info:
        return False
    if crop_box(im.size, crop) != (0, 0, *im.size):
        return False
    return im.width <= max(1, round(width_in * MAX_PPI))


def _draft(im: Image.Image, crop: Crop, width_in: float) -> bool:
    """Let libjpeg decode a big photo at 1/2, 1/4 or 1/8 scale when that still leaves at least
    TARGET_PPI: a 12-megapixel phone photo then decodes several times faster, which is what
    keeps a 24-page issue with 240 portraits quick. Returns True when the size was reduced."""
    if im.format != "JPEG" or width_in <= 0:
        return False
    w, h = im.size
    sideways = swaps_sides(exif_orientation(im))  # EXIF rotation swaps width and height
    shown_w = (h if sideways else w) * max(min(crop.w, 1.0), 1e-6)
    need = width_in * TARGET_PPI
    if shown_w < 2 * need:
        return False
    f = need / shown_w
    before = im.size
    im.draft(im.mode, (max(1, int(w * f) + 1), max(1, int(h * f) + 1)))
    return im.size != before


def _has_rotation(im: Image.Image) -> bool:
    return exif_orientation(im) != 1


def _dpi(im: Image.Image, width_in: float) -> tuple[int, int]:
    """Record the effective resolution, so Word's picture dialog shows the real print size."""
    ppi = max(1, round(im.width / width_in)) if width_in > 0 else 300
    return ppi, ppi

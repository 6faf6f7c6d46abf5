"""Images the bulletin owns, named by content hash.

Portraits are copied into the project so it still opens on another computer (DESIGN §4). The
store hands out bytes lazily: a project of 240 twelve-megapixel photos must not sit in memory
whole, so images loaded from a project file are read from the archive only when drawn.
"""

from __future__ import annotations

import hashlib
import io
import os
import threading
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass

MAX_PIXELS = 100_000_000  # DESIGN §4: refuse decompression-bomb images
#: DESIGN §7: every picture at ≥ 300 ppi effective at its printed size, or reported. The layout's
#: report, the portrait form and the PDF preflight all compare against this one number.
MIN_PPI = 300
#: the EXIF tag that says how a camera held the picture; 5–8 mean the sides are swapped
EXIF_ORIENTATION_TAG = 0x0112
MAX_IMAGE_BYTES = 200 * 1024 * 1024
_FORMATS = {"JPEG": "jpg", "PNG": "png", "TIFF": "tif", "WEBP": "webp", "BMP": "bmp", "GIF": "gif",
            "MPO": "jpg"}  # MPO: a JPEG with more frames after the first (phones, 3-D cameras)


class ImageError(ValueError):
    """An image the bulletin cannot take; the message says what and why."""


@dataclass(frozen=True)
class ImageInfo:
    format: str  # Pillow's format name
    ext: str
    width: int
    height: int
    mode: str
    dpi: tuple[float, float] | None


def inspect_image(data: bytes, what: str = "image") -> ImageInfo:
    """Identify an image from its header without decoding the pixels.

    Raises ImageError naming ``what`` for non-images, unsupported formats and images over
    100 megapixels — before Pillow would allocate memory for them.
    """
    return _inspect(data, what, False)[0]


def inspect_upright(data: bytes, what: str = "image") -> tuple[ImageInfo, tuple[int, int]]:
    """:func:`inspect_image` and :func:`upright_size` from one reading of the header (the
    project loader checks every picture and notes its size for the layout).

    What Pillow read from a picture of up to ``FACTS_MAX_BYTES`` is kept in the user cache by
    the picture's SHA-256 (and Pillow's version): opening the same project again reads no
    header and need not import Pillow's decoders at all. Only good pictures are kept; a bad
    one is inspected, and refused, every time."""
    key = _facts_key(data)
    hit = _read_facts(key) if key else None
    if hit is not None:
        return hit
    info, size = _inspect(data, what, True)
    assert size is not None
    if key:
        _write_facts(key, info, size)
    return info, size


#: pictures up to this size have their header's facts cached (hashing them costs ≈ 1 ms per MB)
FACTS_MAX_BYTES = 1 << 20
_FACTS_VERSION = 1


def _facts_key(data: bytes) -> str | None:
    if len(data) > FACTS_MAX_BYTES:
        return None
    import PIL  # the package alone (its version), not its image modules

    return f"{hashlib.sha256(data).hexdigest()}-{PIL.__version__}-{_FACTS_VERSION}"


def _facts_path(key: str):
    from model.user_cache import cache_base_dir

    return cache_base_dir() / "image-facts" / f"{key}.json"


def _read_facts(key: str) -> tuple[ImageInfo, tuple[int, int]] | None:
    import json

    try:
        with open(_facts_path(key), encoding="utf-8") as fh:
            d = json.load(fh)
        dpi = d["dpi"]
        info = ImageInfo(str(d["format"]), str(d["ext"]), int(d["width"]), int(d["height"]), str(d["mode"]),
                         None if dpi is None else (float(dpi[0]), float(dpi[1])))
        upright = (int(d["upright"][0]), int(d["upright"][1]))
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None
    if info.format not in _FORMATS or info.width <= 0 or info.height <= 0 or info.width * info.height > MAX_PIXELS:
        return None  # never what _inspect lets through: not ours
    return info, upright


def _write_facts(key: str, info: ImageInfo, upright: tuple[int, int]) -> None:
    import json

    path = _facts_path(key)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump({"format": info.format, "ext": info.ext, "width": info.width, "height": info.height,
                       "mode": info.mode, "dpi": info.dpi, "upright": list(upright)}, fh)
        os.replace(tmp, path)
    except (OSError, ValueError, TypeError):
        try:
            os.unlink(tmp)
        except OSError:
            pass


def _inspect(data: bytes, what: str, upright: bool) -> tuple[ImageInfo, tuple[int, int] | None]:
    if len(data) > MAX_IMAGE_BYTES:
        raise ImageError(f"{what}: {len(data) / 1e6:.0f} MB is larger than the 200 MB allowed")
    from PIL import Image  # here, not at import: loading a project need not pay for Pillow

    upright_wh = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as im:
                fmt, size, mode = im.format or "", im.size, im.mode
                dpi = im.info.get("dpi")
                if upright:
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        upright_wh = _upright_of(im)
    except Image.DecompressionBombError:
        raise ImageError(f"{what}: more than {MAX_PIXELS // 1_000_000} megapixels") from None
    except Exception as exc:  # Pillow raises many types for junk input; its words are not the user's
        raise ImageError(f"{what}: not a readable image (expected JPEG, PNG, TIFF or WebP){why_unreadable(exc)}") from None
    if fmt not in _FORMATS:
        raise ImageError(f"{what}: image format {fmt or 'unknown'} is not supported (expected JPEG, PNG, TIFF or WebP)")
    w, h = size
    if w <= 0 or h <= 0:
        raise ImageError(f"{what}: image has no pixels")
    if w * h > MAX_PIXELS:
        raise ImageError(
            f"{what}: {w}×{h} is {w * h / 1e6:.0f} megapixels; at most {MAX_PIXELS // 1_000_000} are accepted"
        )
    return ImageInfo(fmt, _FORMATS[fmt], w, h, mode, tuple(float(v) for v in dpi) if dpi else None), upright_wh


def why_unreadable(exc: Exception) -> str:
    """Pillow's reason in plain words, or nothing ("cannot identify image file <_io.BytesIO
    object at 0x…>" says no more than "not a readable image")."""
    text = str(exc)
    if isinstance(exc, EOFError) or "truncated" in text or "broken data stream" in text:
        return ": the file is cut short (an interrupted copy or download?)"
    if "cannot identify" in text or "0x" in text or not text:
        return ""
    return f" ({text[:80]})" if text.isascii() and len(text) < 80 else ""


def exif_orientation(im) -> int:
    """The EXIF orientation (1–8) of an open Pillow image; 1 when absent or unreadable.

    Broken EXIF blocks are common in phone photos and must never stop a portrait.
    """
    if im.format == "PNG" and "exif" not in im.info:
        return 1  # getexif() would decode the whole PNG looking for a trailing eXIf chunk
    try:
        value = int(im.getexif().get(EXIF_ORIENTATION_TAG, 1) or 1)
    except Exception:  # noqa: BLE001 - Pillow raises many types for malformed EXIF
        return 1
    return value if 1 <= value <= 8 else 1


def swaps_sides(orientation: int) -> bool:
    """Orientations 5–8 rotate by 90°: the upright picture's width is the stored height."""
    return orientation in (5, 6, 7, 8)


def upright_size(data: bytes) -> tuple[int, int]:
    """Pixel size of the image as it should be seen (EXIF orientations 5–8 swap the sides)."""
    from PIL import Image

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with Image.open(io.BytesIO(data)) as im:
            return _upright_of(im)


def _upright_of(im) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    w, h = im.size
    # getexif() decodes a whole PNG to find a trailing eXIf chunk; photos that carry an
    # orientation are JPEG/TIFF/WebP (or say so in info)
    has_exif = im.format in ("JPEG", "MPO", "TIFF", "WEBP") or "exif" in im.info
    orientation = exif_orientation(im) if has_exif else 1
    return (h, w) if swaps_sides(orientation) else (w, h)


def incomplete_image(data: bytes) -> str | None:
    """Why a JPEG or PNG is cut short (a copy or download interrupted), or None.

    Pillow reads sizes from the header alone and finds a truncated file only when decoding
    it; the end markers tell it from the bytes at once. A JPEG's end-of-image marker is looked
    for after its first scan starts (an EXIF thumbnail before it has its own), and anything
    after it — camera trailers, the second frame of an MPO — is allowed.
    """
    if not data:
        return "文件是空的 the file is empty"
    if data[:3] == b"\xff\xd8\xff":
        pos = 2
        while pos + 4 <= len(data) and data[pos] == 0xFF:
            marker = data[pos + 1]
            if marker == 0xFF:  # fill byte
                pos += 1
                continue
            if marker == 0xDA:  # start of scan: entropy-coded data follows
                break
            pos += 2 + int.from_bytes(data[pos + 2:pos + 4], "big")
        if data.rfind(b"\xff\xd9", pos) < 0:  # from the end: the marker is there, not a scan of the whole scan
            return "JPEG 文件不完整（截断）the JPEG is cut short"
    elif data[:8] == b"\x89PNG\r\n\x1a\n" and data.rfind(b"IEND\xaeB`\x82") < 0:
        return "PNG 文件不完整（截断）the PNG is cut short"
    return None


#: what the layout needs of a picture: its upright pixel size (None when unreadable) and why
#: it cannot be drawn (None when whole)
ImageFacts = tuple[tuple[int, int] | None, str | None]


def image_name(data: bytes, info: ImageInfo) -> str:
    return f"{hashlib.sha256(data).hexdigest()}.{info.ext}"


class ImageStore:
    """Content-addressed images. Equality is by names, which are content hashes.

    Besides the images' sources a store keeps what has been learnt of each image — its
    upright size and whether it is whole (``facts``), the SHA-256 of its bytes (``digest``) —
    so that a picture is read once: by the project loader, which checks every image anyway,
    or by the first layout. Copies of a store (the editor lays out a deep copy of the
    bulletin on every edit; the make-up tries many) share what was learnt: a name is the
    image's content, and a name given a new source forgets it."""

    def __init__(self) -> None:
        self._sources: dict[str, Callable[[], bytes]] = {}
        self._facts: dict[str, ImageFacts] = {}
        self._digests: dict[str, bytes] = {}

    def __deepcopy__(self, memo: dict) -> ImageStore:
        import copy

        new = ImageStore.__new__(type(self))
        new.__dict__.update(self.__dict__)
        new._sources = copy.deepcopy(self._sources, memo)
        return new  # _facts and _digests: the same dictionaries

    def facts(self, name: str) -> ImageFacts | None:
        """What is known of image ``name`` (see :data:`ImageFacts`), or None."""
        return self._facts.get(name)

    def note_facts(self, name: str, facts: ImageFacts) -> None:
        self._facts[name] = facts

    def digest(self, name: str) -> bytes | None:
        """The SHA-256 of the image's bytes when it is known, or None."""
        return self._digests.get(name)

    def note_digest(self, name: str, digest: bytes) -> None:
        self._digests[name] = digest

    def add(self, data: bytes, what: str = "image") -> str:
        """Validate and keep an image; returns its name. Adding the same bytes twice is free.
        What the layout needs of it is noted from the same reading (``facts``)."""
        info, upright = inspect_upright(data, what)
        name = image_name(data, info)
        if name not in self._sources:
            self._sources[name] = lambda d=data: d
        self._facts.setdefault(name, (upright, incomplete_image(data)))
        return name

    def add_lazy(self, name: str, source: Callable[[], bytes], facts: ImageFacts | None = None,
                 digest: bytes | None = None) -> None:
        """Register an image already validated elsewhere (the project loader), with what was
        learnt of it there."""
        self._sources[name] = source
        if facts is None:
            self._facts.pop(name, None)
        else:
            self._facts[name] = facts
        if digest is None:
            self._digests.pop(name, None)
        else:
            self._digests[name] = digest

    def get(self, name: str) -> bytes:
        try:
            return self._sources[name]()
        except KeyError:
            raise KeyError(f"image {name!r} is not in this bulletin") from None

    def __contains__(self, name: object) -> bool:
        return name in self._sources

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._sources))

    def __len__(self) -> int:
        return len(self._sources)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ImageStore) and set(self._sources) == set(other._sources)

    def __repr__(self) -> str:
        return f"ImageStore({len(self)} images)"

    def retain(self, names: set[str]) -> None:
        """Forget images no block uses any more (called before saving)."""
        for name in list(self._sources):
            if name not in names:
                del self._sources[name]

    def archives(self) -> set[str]:
        """The project files this store still reads images from (lazily)."""
        return {src.path for src in self._sources.values() if isinstance(src, ZipMember)}

    def repoint(self, old: str, new: str) -> None:
        """Read the images that came from archive ``old`` from ``new`` (a copy of it) instead."""
        for name, src in list(self._sources.items()):
            if isinstance(src, ZipMember) and src.path == old:
                self._sources[name] = ZipMember(new, src.member)

    def materialise(self) -> None:
        """Read every lazy image into memory, so the archive it came from may be replaced."""
        for name, src in list(self._sources.items()):
            data = src()
            self._sources[name] = lambda d=data: d


_zip_lock = threading.Lock()
_open_zips: dict[str, tuple[tuple[int, int], zipfile.ZipFile]] = {}


def _archive(path: str) -> zipfile.ZipFile:
    """The project archive, opened once per version of the file (its directory parsed once).

    A save replaces the file (new mtime/size), which opens the new archive on the next read.
    Callers hold ``_zip_lock``: ZipFile reads are not thread-safe and exports run on a worker.
    """
    st = os.stat(path)
    stamp = (st.st_mtime_ns, st.st_size)
    cached = _open_zips.get(path)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    if cached is not None:
        cached[1].close()
    zf = zipfile.ZipFile(path)
    _open_zips[path] = (stamp, zf)
    return zf


def release_archive(path: str) -> None:
    """Close a cached archive so the file can be replaced (Windows refuses while it is open)."""
    with _zip_lock:
        cached = _open_zips.pop(os.fspath(path), None)
        if cached is not None:
            cached[1].close()


class ZipMember:
    """A source that reads one image from a project archive when it is needed.

    A class, not a closure, so a store can tell which file its images still depend on
    (``ImageStore.archives``) and move them to a private copy (``ImageStore.repoint``).
    """

    __slots__ = ("path", "member")

    def __init__(self, path: str, member: str) -> None:
        self.path = path
        self.member = member

    def __call__(self) -> bytes:
        with _zip_lock:
            try:
                return _archive(self.path).read(self.member)
            except KeyError:
                raise ImageError(f"{self.path}: the picture {self.member} is no longer in this file "
                                 "(it was changed by another program)") from None

    def __repr__(self) -> str:
        return f"ZipMember({self.path!r}, {self.member!r})"


def zip_member_reader(path: str, member: str) -> Callable[[], bytes]:
    """A source that reads one image from the project archive when it is needed."""
    return ZipMember(path, member)

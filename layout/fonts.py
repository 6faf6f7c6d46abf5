"""Font faces, per-role font choice, system font discovery and glyph fallback (DESIGN §6).

Why this module exists separately from the composer: the composer needs *metrics* (which glyph a
character maps to, how wide it is, where its ink sits) and must never guess them, while the
drawing back ends need to find the very same face file again from the key stored in each
``GlyphRun.font``. Both sides go through :func:`load_face`, which caches one :class:`Face` per
file and face index per process. Metrics are read once with fontTools and kept in a small
binary file in the user cache (:func:`cache_base_dir`), so that a later process gets a
30 000-glyph CJK font's cmap and advances in milliseconds without importing fontTools.

Face keys are the font file path, with ``#N`` appended for face N > 0 of a collection
(TTC/OTC). They are plain strings so that a laid-out document can be drawn by another process.

Roles are strings (``ROLES``); a :class:`FontRegistry` maps each role to a face, chosen by a spec
string: ``""`` (the default face for that role), a file path (optionally ``path#index``), or a
family / full name as installed on the system (``"方正书宋_GBK"``, ``"Noto Serif CJK SC"``).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import struct
import subprocess
import sys
import threading
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from layout import cjk
from layout.cache_file import read_framed, write_framed
from model.document import FONT_ROLES
from model.user_cache import cache_base_dir  # noqa: F401 - the cache folder of every module

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont

ROLES: tuple[str, ...] = FONT_ROLES  # one list of roles, held by the model
#: Song (serif) is the reading face; Hei (sans) marks everything that is not running text.
#: The run-in lead sentence is set in Hei, as newspapers do for 段首小标题.
SERIF_ROLES = frozenset({"body", "caption"})

#: Stroke width of synthetic bold, as a fraction of the font size (§6: same in preview and PDF).
SYNTHETIC_BOLD = 0.03


class FontError(Exception):
    """A font spec cannot be resolved or a font file cannot be read."""


def _pip_fonts() -> tuple[str, str]:
    import pylopdf_fonts_zh_cn as pf

    return str(pf.serif_path()), str(pf.sans_path())


def default_serif_path() -> str:
    """Noto Serif SC (Song) shipped by the pip package: always available, no system fonts needed."""
    return _pip_fonts()[0]


def default_sans_path() -> str:
    """Noto Sans SC (Hei) shipped by the pip package."""
    return _pip_fonts()[1]


def face_key(path: str | os.PathLike[str], index: int = 0) -> str:
    path = os.path.abspath(os.fspath(path))
    return path if index == 0 else f"{path}#{index}"


def split_key(key: str) -> tuple[str, int]:
    """Inverse of :func:`face_key`. A ``#`` that is part of a file name survives if no int follows."""
    path, sep, tail = key.rpartition("#")
    if sep and tail.isdigit() and path:
        return path, int(tail)
    return key, 0


# --------------------------------------------------------------------------------------------
# Cache directory and the on-disk metrics cache


#: bump when what the metrics cache holds (or how it is computed) changes
_METRICS_VERSION = 1
_METRICS_MAGIC = b"BULLETIN-FONT-METRICS\n"
#: characters whose ink the composer measures (compressible marks, dashes, ellipses): their
#: glyphs' bounds are stored with the metrics so that a warm process never draws outlines
_INK_CHARS = "".join(
    sorted(set(cjk.PAUSE + cjk.CLOSE + cjk.OPEN + cjk.DASH_CHARS + cjk.ELLIPSIS_CHARS + cjk.MIDDOT_CHARS))
)
_HEADER_FIELDS = (
    "upm", "family", "style", "full_name", "postscript_name", "weight", "is_bold", "is_cff",
    "hhea_ascender", "hhea_descender", "ascender", "descender", "fs_type",
)

_HEADER_TYPES: dict[str, type] = {
    "family": str, "style": str, "full_name": str, "postscript_name": str, "is_bold": bool, "is_cff": bool,
}


class _SortedMap(Mapping[int, int]):
    """A read-only int → int map over two parallel sorted arrays, as stored in the cache file:
    a face's cmap without building a 40 000-entry dict (lookups are a C bisection)."""

    __slots__ = ("_keys", "_values")

    def __init__(self, keys: Sequence[int], values: Sequence[int]) -> None:
        self._keys, self._values = keys, values

    def get(self, key: int, default: int | None = None) -> int | None:  # type: ignore[override]
        keys = self._keys
        i = bisect_left(keys, key)
        if i < len(keys) and keys[i] == key:
            return self._values[i]
        return default

    def __getitem__(self, key: int) -> int:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        keys = self._keys
        i = bisect_left(keys, key)  # type: ignore[arg-type]
        return i < len(keys) and keys[i] == key

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


def _metrics_path(path: str, index: int) -> Path:
    digest = hashlib.sha256(f"{path}\0{index}".encode("utf-8", "surrogatepass")).hexdigest()[:24]
    return cache_base_dir() / "metrics" / f"{Path(path).stem[:40]}-{index}-{digest}.metrics"


def _u32(values: Iterable[int]) -> bytes:
    a = array("I", values) if array("I").itemsize == 4 else array("L", values)
    if sys.byteorder == "big":
        a.byteswap()
    return a.tobytes()


def _from_u32(data: bytes | memoryview) -> array:
    a = array("I") if array("I").itemsize == 4 else array("L")
    a.frombytes(data)
    if sys.byteorder == "big":
        a.byteswap()
    return a


def _write_metrics(dest: Path, header: dict, cmap: Mapping[int, int], advances: Iterable[int]) -> None:
    """Cache payload: cmap keys, cmap glyph ids, advances (little-endian uint32)."""
    keys = sorted(cmap)
    arrays = _u32(keys) + _u32(cmap[k] for k in keys) + _u32(advances)
    write_framed(dest, _METRICS_MAGIC, dict(header, n_cmap=len(keys), n_arrays=len(arrays) // 4), arrays)


def _read_metrics(src: Path, path: str, index: int, st: os.stat_result) -> dict | None:
    """The cached metrics of a face, or None when absent, stale (other size or mtime) or
    corrupt in any way — the caller then reads the font and rewrites the cache."""
    framed = read_framed(src, _METRICS_MAGIC)
    if framed is None:
        return None
    header, arrays = framed
    try:
        if (
            header.get("version") != _METRICS_VERSION
            or header.get("path") != path
            or header.get("index") != index
            or header.get("size") != st.st_size
            or header.get("mtime_ns") != st.st_mtime_ns
        ):
            return None
        n_cmap, n_arrays = header["n_cmap"], header["n_arrays"]
        if (
            not isinstance(n_cmap, int) or not isinstance(n_arrays, int)
            or len(arrays) != 4 * n_arrays or not 0 <= 2 * n_cmap <= n_arrays
        ):
            return None
        for name in _HEADER_FIELDS:
            kind = _HEADER_TYPES.get(name, int)
            value = header.get(name)
            if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
                return None
        if header["upm"] <= 0:
            return None
        ink = header.get("ink")
        if not isinstance(ink, dict):
            return None
        bounds: dict[int, tuple[float, float, float, float] | None] = {}
        for g, b in ink.items():
            if b is not None and not (
                isinstance(b, list) and len(b) == 4 and all(isinstance(v, (int, float)) for v in b)
            ):
                return None
            bounds[int(g)] = None if b is None else (b[0], b[1], b[2], b[3])
        header["ink"] = bounds
        header["arrays"] = arrays
        return header
    except (ValueError, TypeError, KeyError, IndexError, struct.error, UnicodeDecodeError):
        return None


# --------------------------------------------------------------------------------------------
# Faces


class Face:
    """One face of one font file, with lazily read and cached metrics.

    All metric accessors return font units (``upm`` per em) so that callers scale once.
    Thread-safe for the lazy loads (exports run off the GUI thread).

    Reading the cmap and advances of a 30 000-glyph CJK font with fontTools takes about half a
    second, so what the composer needs (names and vertical metrics, code point → glyph after
    ``locl``, advances, ink of punctuation) is kept in a small binary file in the user cache
    (:func:`cache_base_dir` / ``metrics``), keyed by file path, face index, size and mtime. A
    warm process does not import fontTools at all; a stale or corrupt cache file is ignored and
    rewritten.
    """

    def __init__(self, path: str, index: int = 0) -> None:
        self.path = os.path.abspath(path)
        self.index = index
        self.key = face_key(self.path, index)
        if not os.path.isfile(self.path):
            raise FontError(f"font file not found: {self.path}")
        self._lock = threading.RLock()
        self._tt: TTFont | None = None
        self._cmap: Mapping[int, int] | None = None  # code point → glyph id (zh-Hans locl applied)
        self._adv: Sequence[int] | None = None  # advance per glyph id
        self._order: list[str] | None = None
        self._ink: dict[int, tuple[float, float, float, float] | None] = {}
        self._cached: dict | None = None
        self._cache_file: Path | None = None
        self._stat: os.stat_result | None = None
        try:
            self._stat = os.stat(self.path)
            self._cache_file = _metrics_path(self.path, index)
            self._cached = _read_metrics(self._cache_file, self.path, index, self._stat)
        except (OSError, ValueError):
            self._cached = None
        if self._cached is not None:
            for name in _HEADER_FIELDS:
                setattr(self, name, self._cached[name])
            self._ink = dict(self._cached["ink"])
            return
        try:
            tt = self._open()
            head = tt["head"]
            self.upm: int = head.unitsPerEm
            name = tt["name"]
            self.family: str = (
                name.getDebugName(16) or name.getDebugName(1) or Path(self.path).stem
            )
            self.style: str = name.getDebugName(17) or name.getDebugName(2) or "Regular"
            self.full_name: str = name.getDebugName(4) or self.family
            self.postscript_name: str = name.getDebugName(6) or Path(self.path).stem
            os2 = tt["OS/2"] if "OS/2" in tt else None
            hhea = tt["hhea"]
            self.weight: int = os2.usWeightClass if os2 is not None else 400
            self.is_bold: bool = self.weight >= 600 or bool(head.macStyle & 1)
            self.is_cff: bool = "CFF " in tt or "CFF2" in tt
            self.hhea_ascender: int = hhea.ascent
            self.hhea_descender: int = hhea.descent
            if os2 is not None and os2.sTypoAscender - os2.sTypoDescender > 0:
                self.ascender: int = os2.sTypoAscender
                self.descender: int = os2.sTypoDescender
            else:
                self.ascender, self.descender = hhea.ascent, hhea.descent
            self.fs_type: int = os2.fsType if os2 is not None else 0
        except FontError:
            raise
        except Exception as exc:  # fontTools raises many kinds on bad files
            raise FontError(f"cannot read font {self.path} (face {index}): {exc}") from exc

    def __repr__(self) -> str:
        return f"Face({self.full_name!r}, {self.key!r})"

    def _open(self) -> TTFont:
        from fontTools.ttLib import TTFont

        with self._lock:
            if self._tt is None:
                self._tt = TTFont(self.path, lazy=True, fontNumber=self.index)
            return self._tt

    @property
    def ttfont(self) -> TTFont:
        """The underlying lazily loaded fontTools object (read-only use, hold the lock).

        Opened on first use: with warm metrics the composer never needs it."""
        if self._tt is None:
            try:
                self._open()
            except Exception as exc:
                raise FontError(f"cannot read font {self.path} (face {self.index}): {exc}") from exc
        assert self._tt is not None
        return self._tt

    def _load_cmap(self) -> None:
        with self._lock:
            if self._cmap is not None:
                return
            cached = self._cached
            if cached is not None:
                arrays = cached["arrays"]
                n = cached["n_cmap"]
                self._cmap = _SortedMap(_from_u32(arrays[: 4 * n]), _from_u32(arrays[4 * n : 8 * n]))
                self._adv = _from_u32(arrays[8 * n :])
                self._cached = None  # the raw bytes are no longer needed
                return
            tt = self.ttfont
            order = tt.getGlyphOrder()
            gid_of = {n: i for i, n in enumerate(order)}
            hmtx = tt["hmtx"].metrics
            locl = self._read_locl()
            best = tt.getBestCmap() or {}
            cmap = {cp: gid_of[locl.get(name, name)] for cp, name in best.items()}
            advances = [hmtx[n][0] for n in order]
            gs = None
            for ch in _INK_CHARS:
                gid = cmap.get(ord(ch))
                if gid is not None and gid not in self._ink:
                    if gs is None:
                        gs = tt.getGlyphSet()
                    self._ink[gid] = self._draw_ink(gid, order, gs)
            self._order = order
            self._adv = advances
            self._cmap = cmap
            self._save_metrics()

    def _save_metrics(self) -> None:
        """Write (or rewrite, after a new ink measurement) the metrics cache file."""
        if self._cache_file is None or self._stat is None or self._cmap is None or self._adv is None:
            return
        header = {name: getattr(self, name) for name in _HEADER_FIELDS}
        header.update(
            version=_METRICS_VERSION, path=self.path, index=self.index,
            size=self._stat.st_size, mtime_ns=self._stat.st_mtime_ns,
            ink={str(g): (None if b is None else list(b)) for g, b in sorted(self._ink.items())},
        )
        try:
            st = os.stat(self.path)
        except OSError:
            return
        if (st.st_size, st.st_mtime_ns) != (self._stat.st_size, self._stat.st_mtime_ns):
            return  # the font changed under us: do not label new data with old stamps
        _write_metrics(self._cache_file, header, self._cmap, self._adv)

    def _read_locl(self) -> dict[str, str]:
        """Single substitutions of the Simplified-Chinese ``locl`` feature.

        Why: CJK fonts such as Noto/Source Han map U+2014 to a proportional, low Latin dash;
        ``locl`` for ZHS picks the full-width, vertically centred dash that Chinese text
        needs. A proper shaper does this; we apply just these one-to-one substitutions.
        """
        tt = self.ttfont
        if "GSUB" not in tt:
            return {}
        try:
            gsub = tt["GSUB"].table
            if gsub.ScriptList is None or gsub.FeatureList is None:
                return {}
            features = gsub.FeatureList.FeatureRecord
            lookups: list[int] = []
            for srec in gsub.ScriptList.ScriptRecord:
                if srec.ScriptTag != "hani":
                    continue
                for lrec in srec.Script.LangSysRecord:
                    if lrec.LangSysTag == "ZHS ":
                        for fi in lrec.LangSys.FeatureIndex:
                            if features[fi].FeatureTag == "locl":
                                lookups.extend(features[fi].Feature.LookupListIndex)
            mapping: dict[str, str] = {}
            for li in lookups:
                lookup = gsub.LookupList.Lookup[li]
                for st in lookup.SubTable:
                    if lookup.LookupType == 7:
                        st = st.ExtSubTable
                    m = getattr(st, "mapping", None)
                    if m:
                        mapping.update(m)
            return mapping
        except Exception:  # a broken GSUB only costs us the localized forms
            return {}

    def glyph(self, ch: str) -> int | None:
        """Glyph id for a character (with zh-Hans localized forms), or None if the face lacks it."""
        if self._cmap is None:
            self._load_cmap()
        assert self._cmap is not None
        return self._cmap.get(ord(ch))

    def has(self, ch: str) -> bool:
        if self._cmap is None:
            self._load_cmap()
        assert self._cmap is not None
        return ord(ch) in self._cmap

    def advance(self, gid: int) -> int:
        """Advance width of a glyph in font units."""
        if self._adv is None:
            self._load_cmap()
        assert self._adv is not None
        return self._adv[gid]

    def _glyph_order(self) -> list[str]:
        with self._lock:
            if self._order is None:
                self._order = self.ttfont.getGlyphOrder()
            return self._order

    def glyph_name(self, gid: int) -> str:
        return self._glyph_order()[gid]

    def _draw_ink(self, gid: int, order: list[str], gs=None) -> tuple[float, float, float, float] | None:  # type: ignore[no-untyped-def]
        from fontTools.pens.boundsPen import BoundsPen

        if gs is None:
            gs = self.ttfont.getGlyphSet()
        pen = BoundsPen(gs)
        gs[order[gid]].draw(pen)
        return pen.bounds

    def ink(self, gid: int) -> tuple[float, float, float, float] | None:
        """Ink bounds (xmin, ymin, xmax, ymax) in font units; None for a blank glyph.

        Used for punctuation only (which half of a mark is blank and may be compressed), so
        the cost of drawing outlines is paid for a few dozen glyphs per face — once: the
        bounds of the usual marks go into the metrics cache, and any other glyph measured
        is added to it.
        """
        if gid in self._ink:
            return self._ink[gid]
        with self._lock:
            if gid in self._ink:
                return self._ink[gid]
            if self._cmap is None:
                self._load_cmap()
                if gid in self._ink:
                    return self._ink[gid]
            bounds = self._draw_ink(gid, self._glyph_order())
            self._ink[gid] = bounds
            self._save_metrics()
            return bounds


_faces: dict[str, Face] = {}
_faces_lock = threading.Lock()


def load_face(key_or_path: str | os.PathLike[str], index: int | None = None) -> Face:
    """The process-wide cached :class:`Face` for a key (``path`` or ``path#N``) or a path."""
    if index is None:
        path, idx = split_key(os.fspath(key_or_path))
    else:
        path, idx = os.fspath(key_or_path), index
    key = face_key(path, idx)
    face = _faces.get(key)
    if face is None:
        with _faces_lock:
            face = _faces.get(key)
            if face is None:
                face = Face(path, idx)
                _faces[key] = face
    return face


# --------------------------------------------------------------------------------------------
# System font discovery


@dataclass(frozen=True, slots=True)
class FontInfo:
    """An installed face as found by discovery (no metrics loaded)."""

    path: str
    index: int
    families: tuple[str, ...]  # all family names, localized ones too (方正书宋_GBK, FZShuSong-Z01)
    style: str
    weight: int  # OpenType usWeightClass scale (400 regular, 700 bold)
    full_names: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return face_key(self.path, self.index)

    @property
    def is_bold(self) -> bool:
        return self.weight >= 600


FONT_EXTENSIONS = (".ttf", ".otf", ".ttc", ".otc")


def font_dirs() -> list[Path]:
    """Directories where the running OS keeps fonts (existence not checked)."""
    home = Path.home()
    if sys.platform.startswith("win"):
        windir = os.environ.get("WINDIR", r"C:\Windows")
        local = os.environ.get("LOCALAPPDATA", str(home / "AppData" / "Local"))
        return [Path(windir) / "Fonts", Path(local) / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [
            Path("/System/Library/Fonts"),
            Path("/System/Library/Fonts/Supplemental"),
            Path("/Library/Fonts"),
            home / "Library" / "Fonts",
        ]
    data = os.environ.get("XDG_DATA_HOME", str(home / ".local" / "share"))
    return [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        Path(data) / "fonts",
        home / ".fonts",
    ]


def _fc_weight_to_os2(w: int) -> int:
    # fontconfig: 0 thin, 40 extralight, 50 light, 80 regular, 100 medium, 180 demibold, 200 bold,
    # 205 extrabold, 210 black
    table = [(0, 100), (40, 200), (50, 300), (80, 400), (100, 500), (180, 600), (200, 700),
             (205, 800), (210, 900)]
    best = 400
    for fc, os2 in table:
        if w >= fc:
            best = os2
    return best


def _from_fc_list() -> list[FontInfo] | None:
    exe = shutil.which("fc-list")
    if not exe:
        return None
    try:
        out = subprocess.run(
            [exe, "--format", "%{file}\t%{index}\t%{family}\t%{style}\t%{weight}\t%{fullname}\n"],
            capture_output=True, text=True, timeout=20, check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    infos = []
    for line in out.splitlines():
        parts = line.split("\t")
        if len(parts) < 5 or not parts[0].lower().endswith(FONT_EXTENSIONS):
            continue
        try:
            index = int(parts[1] or 0)
            weight = _fc_weight_to_os2(int(float(parts[4].split()[0].strip("[]") or 80)))
        except ValueError:
            index, weight = 0, 400
        fams = tuple(f.strip() for f in parts[2].split(",") if f.strip())
        styles = [s.strip() for s in parts[3].split(",") if s.strip()]
        fulls = tuple(f.strip() for f in parts[5].split(",") if f.strip()) if len(parts) > 5 else ()
        infos.append(FontInfo(parts[0], index, fams, styles[0] if styles else "", weight, fulls))
    return infos


def _names(tt: TTFont, ids: Iterable[int]) -> tuple[str, ...]:
    seen: list[str] = []
    for rec in tt["name"].names:
        if rec.nameID in ids:
            try:
                s = rec.toUnicode().strip()
            except Exception:
                continue
            if s and s not in seen:
                seen.append(s)
    return tuple(seen)


def scan_font_file(path: str | os.PathLike[str]) -> list[FontInfo]:
    """Read the names of every face in one font file (collections give several)."""
    from fontTools.ttLib import TTCollection, TTFont

    path = os.fspath(path)
    try:
        if path.lower().endswith((".ttc", ".otc")):
            count = len(TTCollection(path, lazy=True).fonts)
        else:
            count = 1
        infos = []
        for i in range(count):
            tt = TTFont(path, lazy=True, fontNumber=i)
            families = _names(tt, (16, 1))
            style = (_names(tt, (17,)) or _names(tt, (2,)) or ("Regular",))[0]
            weight = tt["OS/2"].usWeightClass if "OS/2" in tt else 400
            infos.append(FontInfo(path, i, families, style, weight, _names(tt, (4, 6))))
            tt.close()
        return infos
    except Exception:
        return []


def _scan_dirs(dirs: Iterable[Path]) -> list[FontInfo]:
    infos: list[FontInfo] = []
    for d in dirs:
        if not d.is_dir():
            continue
        for root, _sub, files in os.walk(d):
            for fn in sorted(files):
                if fn.lower().endswith(FONT_EXTENSIONS):
                    infos.extend(scan_font_file(os.path.join(root, fn)))
    return infos


@lru_cache(maxsize=1)
def system_fonts() -> tuple[FontInfo, ...]:
    """All installed TrueType/OpenType faces, plus the pip-installed defaults. Cached.

    Linux asks fontconfig when it is there (fast, knows every configured directory) and
    otherwise scans the usual directories; Windows and macOS scan their font folders.
    No Qt involved, so the exporter can run headless.
    """
    infos = None
    if sys.platform.startswith("linux") or sys.platform.startswith("freebsd"):
        infos = _from_fc_list()
    if infos is None:
        infos = _scan_dirs(font_dirs())
    for p in _pip_fonts():
        if not any(os.path.abspath(i.path) == os.path.abspath(p) for i in infos):
            infos.extend(scan_font_file(p))
    return tuple(infos)


def font_families() -> list[str]:
    """Every installed family name (localized ones too), sorted, for a font chooser.

    ``system_fonts.cache_clear()`` forgets the discovery, e.g. after the user installed fonts.
    """
    return sorted({f for info in system_fonts() for f in info.families})


def _norm(s: str) -> str:
    return "".join(s.lower().split()).replace("-", "").replace("_", "")


def find_font(spec: str, *, bold: bool = False, fonts: Iterable[FontInfo] | None = None) -> FontInfo | None:
    """Best installed face for a family or full name; prefers the regular (or bold) style."""
    want = _norm(spec)
    if not want:
        return None
    candidates = []
    for info in fonts if fonts is not None else system_fonts():
        names = [_norm(n) for n in info.families + info.full_names]
        if want in names:
            exact_family = any(_norm(f) == want for f in info.families)
            candidates.append((info, exact_family))
    if not candidates:
        return None

    def score(item: tuple[FontInfo, bool]) -> tuple[int, int, int]:
        info, exact_family = item
        italic = "italic" in info.style.lower() or "oblique" in info.style.lower()
        target = 700 if bold else 400
        return (0 if exact_family else 1, 1 if italic else 0, abs(info.weight - target))

    return min(candidates, key=score)[0]


def resolve_spec(spec: str, role: str = "body") -> Face:
    """Face for a spec string: ``""`` → role default, a path (``path#N`` for TTC), or a name."""
    spec = spec.strip()
    if not spec:
        return load_face(default_serif_path() if role in SERIF_ROLES else default_sans_path())
    path, index = split_key(spec)
    if os.path.sep in path or (os.path.altsep and os.path.altsep in path) or path.lower().endswith(
        FONT_EXTENSIONS
    ):
        if not os.path.isfile(path):
            raise FontError(f"font file not found: {path}")
        return load_face(path, index)
    info = find_font(spec)
    if info is None:
        raise FontError(f"no installed font named {spec!r}")
    return load_face(info.path, info.index)


# --------------------------------------------------------------------------------------------
# Fallback for rare characters (CJK Extensions B–H)

#: Open fonts that cover the CJK extension blocks, where rare characters in people's and place
#: names live (the default Noto SC faces hold almost none of them). Tried in this order, after
#: every role face and the registry's chain, for a character those lack:
#: 花园明朝 HanaMinA/B (Ext A–F complete; OFL/Hanazono licence; Debian ``fonts-hanazono``),
#: Jigmo (B–H; CC0), BabelStone Han (much of G and H; ``fonts-babelstone-han``), Plangothic
#: (OFL), and what Windows and macOS ship (SimSun-ExtB/ExtG, MingLiU-ExtB). No package on PyPI
#: ships such a font, so these are system fonts; fontconfig is asked for any other face that
#: has the character when none of them does.
RARE_FALLBACKS: tuple[str, ...] = (
    "HanaMinA", "HanaMinB", "Jigmo", "Jigmo2", "Jigmo3", "BabelStone Han", "Plangothic P1",
    "Plangothic P2", "SimSun-ExtB", "SimSun-ExtG", "MingLiU-ExtB", "TH-Tshyn-P1", "TH-Tshyn-P2",
)


@lru_cache(maxsize=1)
def rare_fallback_faces() -> tuple[Face, ...]:
    """The installed faces of :data:`RARE_FALLBACKS`, in order (looked up once, when first
    needed: a bulletin without rare characters never scans the system fonts for them)."""
    faces: list[Face] = []
    for family in RARE_FALLBACKS:
        info = find_font(family)
        if info is None or not any(_norm(f) == _norm(family) for f in info.families):
            continue
        try:
            face = load_face(info.path, info.index)
        except Exception:  # an unreadable file is skipped, as discovery skips it
            continue
        if face not in faces:
            faces.append(face)
    return tuple(faces)


@lru_cache(maxsize=512)
def fontconfig_face_for(ch: str) -> Face | None:
    """Any installed face fontconfig knows to have ``ch`` (Linux, BSD), else None."""
    exe = shutil.which("fc-list")
    if not exe:
        return None
    try:
        out = subprocess.run(
            [exe, f":charset={ord(ch):x}", "--format", "%{file}\t%{index}\n"],
            capture_output=True, text=True, timeout=20, check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    for line in sorted(out.splitlines()):
        path, _sep, index = line.partition("\t")
        if not path.lower().endswith(FONT_EXTENSIONS):
            continue
        try:
            face = load_face(path, int(index or 0))
            if face.glyph(ch) is not None:
                return face
        except Exception:
            continue
    return None


# --------------------------------------------------------------------------------------------
# Registry


@dataclass(frozen=True, slots=True)
class GlyphChoice:
    """How one character of one role is drawn."""

    face: Face
    gid: int
    status: int  # 0 ok, 1 fell back to another face, 2 missing everywhere (drawn as .notdef)


OK, FALLBACK, MISSING = 0, 1, 2


class FontRegistry:
    """Faces chosen per role plus the fallback chain; the composer's only view of fonts.

    ``roles`` maps role → spec (see :func:`resolve_spec`); unknown or broken specs fall back
    to the role's default face and are listed in :attr:`errors` so that the GUI can say so
    (the layout must still come out). ``fallbacks`` are extra specs tried, in order, for
    characters no role face has (e.g. a font with CJK Ext-B for rare names); after them come
    the rare-character fonts (:func:`rare_fallback_faces`), so that a name with a CJK
    Extension B–H character is drawn wherever such a font is installed.
    """

    def __init__(self, roles: Mapping[str, str] | None = None, fallbacks: Iterable[str] = (),
                 rare_fallbacks: Sequence[Face] | None = None) -> None:
        #: faces for characters in no chosen face; None: the installed RARE_FALLBACKS and then
        #: whatever fontconfig finds (tests pass an explicit list, () for none)
        self.rare_fallbacks = tuple(rare_fallbacks) if rare_fallbacks is not None else None
        self.specs: dict[str, str] = {r: "" for r in ROLES}
        self.errors: dict[str, str] = {}
        if roles:
            self.specs.update({k: (v or "") for k, v in roles.items()})
        self._role_face: dict[str, Face] = {}
        self._bold_face: dict[str, Face | None] = {}
        for role, spec in self.specs.items():
            try:
                face = resolve_spec(spec, role)
            except FontError as exc:
                self.errors[role] = str(exc)
                face = resolve_spec("", role)
            self._role_face[role] = face
        chain: list[Face] = []
        for face in self._role_face.values():
            if face not in chain:
                chain.append(face)
        for spec in fallbacks:
            try:
                face = resolve_spec(spec)
            except FontError as exc:
                self.errors[f"fallback:{spec}"] = str(exc)
                continue
            if face not in chain:
                chain.append(face)
        for p in (default_serif_path(), default_sans_path()):
            face = load_face(p)
            if face not in chain:
                chain.append(face)
        self.chain: tuple[Face, ...] = tuple(chain)
        self._choices: dict[tuple[str, bool], dict[str, GlyphChoice]] = {}

    def face(self, role: str) -> Face:
        """The face set for a role (unknown roles use the body face)."""
        return self._role_face.get(role) or self._role_face["body"]

    def bold_face(self, role: str) -> Face | None:
        """A real bold face of the role's family, if installed; else None (→ synthetic bold)."""
        if role in self._bold_face:
            return self._bold_face[role]
        regular = self.face(role)
        found: Face | None = None
        if regular.is_bold:
            found = regular
        elif regular.path in {os.path.abspath(p) for p in _pip_fonts()}:
            found = None  # the pip package ships Regular only; skip system discovery
        else:
            try:
                info = find_font(regular.family, bold=True)
            except Exception:
                info = None
            if info is not None and info.is_bold:
                try:
                    found = load_face(info.path, info.index)
                except FontError:
                    found = None
        self._bold_face[role] = found
        return found

    def choose(self, role: str, ch: str, bold: bool = False) -> GlyphChoice:
        """Face and glyph for a character, applying fallback; cached per (role, bold)."""
        table = self._choices.get((role, bold))
        if table is None:
            table = self._choices[(role, bold)] = {}
        choice = table.get(ch)
        if choice is None:
            primary = (self.bold_face(role) if bold else None) or self.face(role)
            gid = primary.glyph(ch)
            if gid is not None:
                choice = GlyphChoice(primary, gid, OK)
            else:
                # the role's default face first (Song text falls back to Song), then the rest
                default = load_face(default_serif_path() if role in SERIF_ROLES else default_sans_path())
                for face in (default, *self.chain):
                    if face is primary:
                        continue
                    gid = face.glyph(ch)
                    if gid is not None:
                        choice = GlyphChoice(face, gid, FALLBACK)
                        break
                else:
                    choice = self._rare(ch) or GlyphChoice(primary, 0, MISSING)
            table[ch] = choice
        return choice

    def _rare(self, ch: str) -> GlyphChoice | None:
        """A face for a character no chosen face has: the rare-character fonts, then any
        installed face (only for letters and symbols, never for controls or spaces)."""
        if not ch.isprintable() or ch.isspace():
            return None
        rare = self.rare_fallbacks if self.rare_fallbacks is not None else rare_fallback_faces()
        for face in rare:
            gid = face.glyph(ch)
            if gid is not None:
                return GlyphChoice(face, gid, FALLBACK)
        if self.rare_fallbacks is None:
            face = fontconfig_face_for(ch)
            if face is not None:
                gid = face.glyph(ch)
                if gid is not None:
                    return GlyphChoice(face, gid, FALLBACK)
        return None

    def needs_synthetic_bold(self, role: str) -> bool:
        return self.bold_face(role) is None


_default_registry: FontRegistry | None = None


def default_registry() -> FontRegistry:
    """A shared registry with every role on its default face."""
    global _default_registry
    if _default_registry is None:
        _default_registry = FontRegistry()
    return _default_registry

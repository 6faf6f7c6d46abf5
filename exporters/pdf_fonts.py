"""Fonts for the PDF: the glyphs a layout uses, cut out of their faces and embedded as subsets.

reportlab embeds only TrueType outlines, and CJK fonts such as Noto / Source Han / many Founder
fonts are OpenType-CFF, so the glyphs in use are first cut out of the face with
``fontTools.subset`` and their cubic outlines converted to quadratic ones (``cu2qu``). A subset
font's cmap is rebuilt so that each code point maps to the very glyph the layout chose (e.g. the
localized full-width dash); where one code point is drawn with two glyphs, the second gets a
private-use code. Converting costs about a second, so results are cached on disk keyed by font
file (path, size, mtime) and glyph set; a second export of the same text does no conversion.

Public API: :func:`embeddable_font`, :func:`font_cache_dir`, :class:`PdfFontError`; the drawing
(:mod:`exporters.pdf_draw`) uses :func:`plan_fonts`.
"""

from __future__ import annotations

import hashlib
import io
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from layout.fonts import cache_base_dir, load_face
from layout.types import GlyphRun, LaidOutDocument

#: bump when the conversion changes so that stale cache files are not reused
#: (2: the subset keeps the source font's head.modified, so a rebuilt cache gives the same bytes)
_CONVERTER_VERSION = "2"
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
    opts.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "VORG", "vhea", "vmtx", "DSIG", "MATH",
                         "FFTM"]  # FontForge's timestamp (HanaMin): the subsetter warns on stderr and drops it anyway
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
        # The suffix comes from the subset's bytes, not from the cache key (which holds the
        # font file's path and date), so the same text gives the same PDF wherever the fonts
        # are installed: a source checkout, a venv or the packaged editor.
        content = hashlib.sha256(ttf.read_bytes()).hexdigest()
        font.face.name = font.face.name + b"-" + content[:6].upper().encode("ascii")
        pdfmetrics.registerFont(font)
        _registered[str(ttf)] = name
    return name


_ESCAPED: tuple[str, ...] = ()


@dataclass(slots=True)
class FacePlan:
    """Which code point each (character, glyph) pair of a face is drawn with."""

    key: str
    codes: dict[tuple[str, int], int]
    cmap: dict[int, int]  # code point → original glyph id
    rl_name: str = ""
    rl_font: object = None  # the registered reportlab TTFont
    escaped: tuple[str, ...] = ()  # each byte as it goes into a PDF string


def plan_fonts(doc: LaidOutDocument) -> dict[str, FacePlan]:
    from reportlab.lib.rl_accel import escapePDF
    from reportlab.pdfbase import pdfmetrics

    global _ESCAPED
    if not _ESCAPED:
        _ESCAPED = tuple(escapePDF(bytes([b])) for b in range(256))
    plans: dict[str, FacePlan] = {}
    for page in doc.pages:
        for item in page.items:
            if not isinstance(item, GlyphRun):
                continue
            plan = plans.get(item.font)
            if plan is None:
                plan = plans[item.font] = FacePlan(item.font, {}, {})
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
        plans[key] = FacePlan(key, {}, {})
    for plan in plans.values():
        face = load_face(plan.key)
        ttf = embeddable_font(face.path, face.index, plan.cmap)
        plan.rl_name = _register(ttf)
        plan.rl_font = pdfmetrics.getFont(plan.rl_name)
        plan.escaped = _ESCAPED
    return plans

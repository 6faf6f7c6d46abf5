"""A whole bulletin's laid-out pages kept on disk, for a bulletin laid out again unchanged.

Why: exporting the same file again (a proof, then the file for the printer; the benchmark's
repeated exports) laid every page out again, about a quarter of the example's export; and the
editor, opening the file it had open before, laid it out again before its first page could be
drawn (gui/layout_runner.py reads the editor's first layout of a document from here). Like the
prepared pictures and the font subsets, the result is derived data we can always rebuild, kept
with ``layout.cache_file`` (no pickle: the pages are written as JSON and read back into the same
frozen dataclasses).

One entry holds every page of one bulletin, keyed by everything the layout reads:

- the bulletin itself, every field but the image store (``repr``, as the editor's incremental
  layout keys its pages), the names of its images and what is known of each picture used (its
  upright size, whether it is whole);
- the faces the font registry resolved, their bold faces and its fallback chain (path, face
  index, file size and modification time), and the registry's font errors;
- the engine: the size and modification time of every module of ``layout`` and ``model``, the
  Python version, and the word segmenter's stamp (``layout.phrases``); a process whose modules
  changed on disk while it ran (a developer's edit) writes nothing.

The whole bulletin is in the key, not one page, so a dependency of a page on another page (a
group headline on the page before) can never be missed. A layout with a character drawn from a
fallback face, or missing, is not kept: such a face may come from fontconfig, that is from
whatever fonts are installed. An entry is written only when it reads back equal to what was laid
out. At most ``MAX_FILES`` entries and ``MAX_BYTES`` are kept, the oldest are removed.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import struct
import sys
from array import array
from functools import lru_cache
from pathlib import Path

from layout.cache_file import read_framed, write_framed
from layout.types import BlockArea, GlyphRun, LaidOutPage, Picture, Problem, Rect, Rule

#: bump when what an entry holds changes
_VERSION = "2"
_MAGIC = b"BULLETIN-LAYOUT\n"
MAX_FILES = 64
MAX_BYTES = 64 * 1024 * 1024
#: problems that say a character came from a face outside the registry's own chain (or none)
_ENVIRONMENT_KINDS = frozenset({"fallback", "missing_glyph"})

PerPage = list[tuple[LaidOutPage, list[Problem]]]


def cache_dir() -> Path:
    from layout.fonts import cache_base_dir

    return cache_base_dir() / "layouts"


@lru_cache(maxsize=1)
def _engine_stamp() -> str:
    """The engine's modules (size and mtime of every ``layout`` and ``model`` source file), as
    they were when this process first asked; ``store`` keeps nothing once they have changed."""
    return _engine_stamp_now()


def _engine_stamp_now() -> str:
    from layout.phrases import _segmenter_stamp

    h = hashlib.sha256(f"{_VERSION}\0{sys.version}\0{sys.byteorder}\0{_segmenter_stamp()}\0".encode())
    root = Path(__file__).resolve().parent.parent
    for package in ("layout", "model"):
        try:
            entries = sorted(os.scandir(root / package), key=lambda e: e.name)
        except OSError:
            h.update(f"{package}?".encode())
            continue
        for e in entries:
            if e.name.endswith(".py"):
                st = e.stat()
                h.update(f"{package}/{e.name}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def _face_stamp(face) -> str:  # type: ignore[no-untyped-def]
    if face is None:
        return "-"
    try:
        st = os.stat(face.path)
    except OSError:
        return f"{face.path}#{face.index}?"
    return f"{face.path}#{face.index}:{st.st_size}:{st.st_mtime_ns}"


def document_key(bulletin, fonts, sizes) -> str | None:  # type: ignore[no-untyped-def]
    """The key of ``bulletin`` laid out with ``fonts`` (a FontRegistry) and ``sizes`` (an
    ImageSizes of its store), or None when it cannot be keyed."""
    from model.serialize import used_images

    if fonts.rare_fallbacks is not None:  # a registry made by hand (tests): not the editor's
        return None
    h = hashlib.sha256(_engine_stamp().encode())
    for role in sorted(fonts.specs):
        h.update(f"role {role} {fonts.specs[role]!r} {_face_stamp(fonts.face(role))} "
                 f"{_face_stamp(fonts.bold_face(role))}\n".encode())
    for face in fonts.chain:
        h.update(f"chain {_face_stamp(face)}\n".encode())
    h.update(repr(sorted(fonts.errors.items())).encode())
    for f in dataclasses.fields(bulletin):
        if f.name != "images":
            h.update(f"\0{f.name}\0{getattr(bulletin, f.name)!r}".encode("utf-8", "surrogatepass"))
    h.update(repr(sorted(bulletin.images)).encode())
    for name in sorted(used_images(bulletin)):
        h.update(f"\0{name}\0{sizes.size(name)!r}\0{sizes.bad(name)!r}".encode())
    return h.hexdigest()[:40]


# --------------------------------------------------------------------------------------------
# Pages as JSON

_TYPES: dict[str, type] = {}


def _types() -> dict[str, type]:
    if not _TYPES:
        from layout.quality import PageQuality

        for cls in (GlyphRun, Rule, Rect, Picture, BlockArea, Problem, LaidOutPage, PageQuality):
            if all(f.init for f in dataclasses.fields(cls)):
                _TYPES[cls.__name__] = cls
    return _TYPES


class _Unencodable(Exception):
    pass


_SCALARS = (int, float, str, bool, type(None))
_HEAD = struct.Struct("<III")


def _encode(per_page: PerPage) -> bytes:
    """JSON for the structure; the numbers of long tuples (glyph ids, positions, advances) as
    8-byte arrays after it, which read back many times faster than the same numbers in JSON."""
    types = _types()
    floats, ints = array("d"), array("q")

    def enc(v):  # type: ignore[no-untyped-def]
        t = type(v)
        if t in _SCALARS:
            return v
        if t is tuple:
            if len(v) > 1 and all(type(x) is float for x in v):
                floats.extend(v)
                return {"f": len(v)}
            if len(v) > 1 and all(type(x) is int for x in v):
                ints.extend(v)  # OverflowError beyond 64 bits: not kept
                return {"i": len(v)}
            return {"t": [enc(x) for x in v]}
        if t is list:
            return [enc(x) for x in v]
        name = t.__name__
        if types.get(name) is t:
            return {"d": name, "v": [enc(getattr(v, f.name)) for f in dataclasses.fields(t)]}
        raise _Unencodable(name)

    data = [[enc(lp), [enc(p) for p in problems]] for lp, problems in per_page]
    head = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
    return _HEAD.pack(len(head), len(floats), len(ints)) + head + floats.tobytes() + ints.tobytes()


def _decode(payload: bytes) -> PerPage:
    view = memoryview(payload)
    hlen, nf, ni = _HEAD.unpack_from(view, 0)
    at = _HEAD.size + hlen
    if len(view) != at + 8 * (nf + ni):
        raise ValueError("entry of the wrong length")
    floats, ints = array("d"), array("q")
    floats.frombytes(view[at:at + 8 * nf])
    ints.frombytes(view[at + 8 * nf:])
    types = _types()
    # json decodes objects in document order, the order in which the numbers were written
    pos = [0, 0]

    def hook(obj: dict):  # type: ignore[no-untyped-def]
        if "f" in obj:
            a = pos[0]
            pos[0] = b = a + obj["f"]
            return tuple(floats[a:b])
        if "i" in obj:
            a = pos[1]
            pos[1] = b = a + obj["i"]
            return tuple(ints[a:b])
        if "t" in obj:
            return tuple(obj["t"])
        return types[obj["d"]](*obj["v"])

    data = json.loads(bytes(view[_HEAD.size:at]).decode("utf-8", "surrogatepass"), object_hook=hook)
    if pos != [nf, ni]:
        raise ValueError("entry numbers out of step")
    return [(lp, list(problems)) for lp, problems in data]


def load(key: str) -> PerPage | None:
    """The pages kept under ``key``, or None (absent, damaged, of another version)."""
    framed = read_framed(cache_dir() / f"{key}.json", _MAGIC)
    if framed is None or framed[0].get("version") != _VERSION:
        return None
    try:
        per_page = _decode(framed[1])
    except (ValueError, KeyError, TypeError, struct.error):
        return None
    if not all(isinstance(lp, LaidOutPage) and all(isinstance(p, Problem) for p in problems)
               for lp, problems in per_page):
        return None
    return per_page


def store(key: str, per_page: PerPage) -> bool:
    """Keep ``per_page`` under ``key``; False when it is not kept (see the module docstring)."""
    if any(p.kind in _ENVIRONMENT_KINDS for _lp, problems in per_page for p in problems):
        return False
    if _engine_stamp_now() != _engine_stamp():  # the code changed on disk while this process ran
        return False
    try:
        payload = _encode(per_page)
        if _decode(payload) != per_page:  # only what reads back exactly is kept
            return False
    except (_Unencodable, ValueError, TypeError, KeyError, OverflowError, RecursionError):
        return False
    folder = cache_dir()
    if not write_framed(folder / f"{key}.json", _MAGIC, {"version": _VERSION}, payload):
        return False
    _prune(folder)
    return True


def _prune(folder: Path) -> None:
    """The oldest entries go while there are more than ``MAX_FILES`` or ``MAX_BYTES`` of them
    (a 24-page issue's entry is ≈ 6 MB, the example's ≈ 0.3 MB)."""
    try:
        entries = [(e.stat(), e.path) for e in os.scandir(folder) if e.name.endswith(".json")]
        total = sum(st.st_size for st, _ in entries)
        entries.sort(key=lambda e: e[0].st_mtime_ns)
        count = len(entries)
        for st, path in entries[:-1]:  # the newest (just written) stays
            if count <= MAX_FILES and total <= MAX_BYTES:
                break
            os.unlink(path)
            total -= st.st_size
            count -= 1
    except OSError:
        pass

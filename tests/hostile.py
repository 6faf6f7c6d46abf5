"""Hostile and extreme inputs, made on the fly: broken pictures, lying zips, odd Word files.

Shared by the fuzz tests and the memory benchmark, so that both try the same things. Every
maker is deterministic (seeded), so a failing case can be written out and replayed.
"""

from __future__ import annotations

import io
import json
import random
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

from PIL import Image

JSON_NAME = "bulletin.json"


# ------------------------------------------------------------------------------ pictures


def photo(w: int = 240, h: int = 320, fmt: str = "JPEG", seed: int = 1, **save) -> bytes:
    """A small picture with some structure (gradients), so codecs have real work to do."""
    rnd = random.Random(seed)
    im = Image.linear_gradient("L").resize((w, h))
    rgb = Image.merge("RGB", (im, im.rotate(90).resize((w, h)), Image.new("L", (w, h), rnd.randrange(256))))
    out = io.BytesIO()
    rgb.save(out, fmt, **save)
    return out.getvalue()


def truncated(data: bytes, keep: float = 0.5) -> bytes:
    """The first part of a file, as left by an interrupted copy or download."""
    return data[: max(64, int(len(data) * keep))]


def jpeg_with_bad_exif(kind: str = "offset") -> bytes:
    """A JPEG whose EXIF block is malformed in one of the ways cameras and editors get wrong."""
    base = photo()
    if kind == "offset":  # IFD0 points far past the end of the block
        tiff = b"II*\x00" + struct.pack("<I", 0x7FFFFFF0)
    elif kind == "count":  # one entry claiming 2**31 values of orientation
        tiff = b"II*\x00" + struct.pack("<I", 8) + struct.pack("<H", 1) + struct.pack("<HHII", 0x0112, 3, 0x7FFFFFFF, 0)
    elif kind == "orientation":  # an orientation of 9999 (there are eight)
        tiff = b"II*\x00" + struct.pack("<I", 8) + struct.pack("<H", 1) + struct.pack("<HHIHH", 0x0112, 3, 1, 9999, 0)
        tiff += struct.pack("<I", 0)
    elif kind == "type":  # orientation stored as an ASCII string
        tiff = b"II*\x00" + struct.pack("<I", 8) + struct.pack("<H", 1) + struct.pack("<HHI4s", 0x0112, 2, 4, b"six\x00")
        tiff += struct.pack("<I", 0)
    else:  # "junk": not TIFF at all
        tiff = b"\xde\xad\xbe\xef" * 8
    payload = b"Exif\x00\x00" + tiff
    app1 = b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload
    return base[:2] + app1 + base[2:]


def mpo(w: int = 240, h: int = 320) -> bytes:
    """A two-frame MPO (multi-picture JPEG), as many phones and 3-D cameras save."""
    first = Image.open(io.BytesIO(photo(w, h, seed=1)))
    second = Image.open(io.BytesIO(photo(w, h, seed=2)))
    out = io.BytesIO()
    first.save(out, "MPO", save_all=True, append_images=[second])
    return out.getvalue()


def big_portrait(megapixels: float = 100.0, seed: int = 0, kind: str = "jpeg") -> bytes:
    """A portrait-shaped picture of about ``megapixels`` (3:4), cheap to compress (smooth).

    ``kind``: jpeg, progressive (JPEG), cmyk (JPEG), png, rgba (PNG with alpha), tiff.
    """
    w = int((megapixels * 1e6 * 3 / 4) ** 0.5)
    h = int(megapixels * 1e6 / w)
    small = Image.linear_gradient("L").resize((64, 64))
    im = Image.merge("RGB", (small, small.rotate(90 + seed), small.rotate(180))).resize((w, h), Image.Resampling.BILINEAR)
    out = io.BytesIO()
    if kind == "png":
        im.save(out, "PNG", compress_level=1)
    elif kind == "rgba":
        im.putalpha(small.resize((w, h)))
        im.save(out, "PNG", compress_level=1)
    elif kind == "tiff":
        im.save(out, "TIFF", compression="tiff_deflate")
    elif kind == "cmyk":
        im.convert("CMYK").save(out, "JPEG", quality=70)
    else:
        im.save(out, "JPEG", quality=70, progressive=kind == "progressive")
    return out.getvalue()


# ------------------------------------------------------------------------------ project files


def rezip(src: Path, dest: Path, *, json_data: bytes | None = None,
          replace: dict[str, bytes] | None = None, compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """A copy of a project file with bulletin.json and/or some entries replaced."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", compression) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == JSON_NAME and json_data is not None:
                data = json_data
            if replace and info.filename in replace:
                data = replace[info.filename]
            zout.writestr(info.filename, data)
    return dest


def with_portrait_bytes(src: Path, dest: Path, image_bytes: bytes, ext: str = "jpg") -> Path:
    """The project with every portrait pointing at ``image_bytes`` stored under a hash-like name
    (the loader checks only the header, so a truncated picture gets in, as it does in life)."""
    import hashlib

    with zipfile.ZipFile(src) as zin:
        payload = json.loads(zin.read(JSON_NAME))
    name = f"{hashlib.sha256(image_bytes).hexdigest()}.{ext}"
    for page in payload["bulletin"]["pages"]:
        for block in page["blocks"]:
            if block.get("portrait"):
                block["portrait"]["image"] = name
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        zout.writestr(JSON_NAME, json.dumps(payload, ensure_ascii=False))
        zout.writestr(f"images/{name}", image_bytes, compress_type=zipfile.ZIP_STORED)
    return dest


def lying_entry(src: Path, dest: Path, inflated_mb: int = 1200) -> Path:
    """bulletin.json followed (in its compressed stream) by ``inflated_mb`` MB of spaces, while
    the archive's headers still give the honest size: a ~1 MB file that inflates to gigabytes."""
    import zlib

    with zipfile.ZipFile(src) as zin:
        others = [(i.filename, zin.read(i.filename)) for i in zin.infolist() if i.filename != JSON_NAME]
        js = zin.read(JSON_NAME)
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    parts = [co.compress(js)]
    block = b" " * (1 << 20)
    for _ in range(inflated_mb):
        parts.append(co.compress(block))
    parts.append(co.flush())
    stream = b"".join(parts)
    honest = io.BytesIO()
    with zipfile.ZipFile(honest, "w") as z:
        z.writestr(JSON_NAME, js, compress_type=zipfile.ZIP_DEFLATED)
        for name, data in others:
            z.writestr(name, data, compress_type=zipfile.ZIP_STORED)
    data = honest.getvalue()
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(JSON_NAME)
    off = info.header_offset
    n, m = struct.unpack("<HH", data[off + 26: off + 30])
    start = off + 30 + n + m
    out = bytearray(data[:start] + stream + data[start + info.compress_size:])
    delta = len(stream) - info.compress_size
    struct.pack_into("<I", out, off + 18, len(stream))
    eocd = out.rfind(b"PK\x05\x06")
    cd = struct.unpack_from("<I", out, eocd + 16)[0] + delta
    struct.pack_into("<I", out, eocd + 16, cd)
    p = cd
    while out[p: p + 4] == b"PK\x01\x02":
        n, m, k = struct.unpack_from("<HHH", out, p + 28)
        name = bytes(out[p + 46: p + 46 + n])
        local = struct.unpack_from("<I", out, p + 42)[0]
        if name == JSON_NAME.encode():
            struct.pack_into("<I", out, p + 20, len(stream))
        elif local > off:
            struct.pack_into("<I", out, p + 42, local + delta)
        p += 46 + n + m + k
    dest.write_bytes(bytes(out))
    return dest


def bad_entry_name(src: Path, dest: Path) -> Path:
    """An extra entry whose name is flagged UTF-8 but holds bytes that are not UTF-8."""
    buf = io.BytesIO()
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(buf, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info.filename))
        zout.writestr("images/ZZé.txt", b"hello")  # non-ASCII: written with the UTF-8 flag
    dest.write_bytes(buf.getvalue().replace("images/ZZé".encode(), b"images/ZZ\xff\xfe"))
    return dest


def junk_compressed(src: Path, dest: Path, method: int = zipfile.ZIP_LZMA, entry: str = JSON_NAME) -> Path:
    """``entry`` compressed with ``method`` (LZMA, bzip2), then 200 bytes of its stream zeroed."""
    buf = io.BytesIO()
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(buf, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info.filename),
                          compress_type=method if info.filename == entry else zipfile.ZIP_DEFLATED)
    data = bytearray(buf.getvalue())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(entry)
    n, m = struct.unpack_from("<HH", data, info.header_offset + 26)
    start = info.header_offset + 30 + n + m
    for i in range(start + 4, min(start + 204, start + info.compress_size)):
        data[i] = 0
    dest.write_bytes(bytes(data))
    return dest


# ------------------------------------------------------------------------------ JSON mutations


def json_paths(node, path=()) -> list[tuple]:
    """Every path (keys and indices) to a scalar in a JSON tree."""
    out = []
    if isinstance(node, dict):
        for k, v in node.items():
            out += json_paths(v, (*path, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += json_paths(v, (*path, i))
    else:
        out.append(path)
    return out


def set_path(tree, path: tuple, value) -> None:
    node = tree
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value


#: Replacement values by mutation kind: wrong types, extreme sizes, odd Unicode.
MUTATIONS: dict[str, Callable[[random.Random], object]] = {
    "null": lambda r: None,
    "bool": lambda r: True,
    "list": lambda r: [1, "x"],
    "object": lambda r: {"x": 1},
    "neg": lambda r: -1,
    "zero": lambda r: 0,
    "huge_int": lambda r: HugeInt(5000),
    "big_int": lambda r: 10 ** r.randrange(10, 40),
    "huge_float": lambda r: 1e300,
    "tiny_float": lambda r: 1e-300,
    "long_text": lambda r: "长" * r.choice((1000, 20_000)),
    "ctrl_text": lambda r: "a\x00b\x1bc\u202ed\ufeff",
    "astral": lambda r: "𠀀𡃁😀" * 50,
    "empty": lambda r: "",
    "number_text": lambda r: "12",
}


class HugeInt:
    """Stands for an integer literal of ``digits`` digits in the written JSON."""

    def __init__(self, digits: int) -> None:
        self.digits = digits


def dump_json(tree) -> bytes:
    """JSON text of a mutated tree (HugeInt written as its digits)."""
    marker = "\u0000HUGE{}\u0000"

    def default(o):
        if isinstance(o, HugeInt):
            return marker.format(o.digits)
        raise TypeError

    text = json.dumps(tree, ensure_ascii=False, default=default)
    import re

    text = re.sub(r'"\\u0000HUGE(\d+)\\u0000"', lambda m: "9" * int(m.group(1)), text)
    return text.encode("utf-8")


# ------------------------------------------------------------------------------ Word files


def docx_bytes(document_xml: str | bytes | None, *, extra: dict[str, bytes] | None = None,
               method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A minimal .docx package around ``document_xml`` (None leaves the part out)."""
    ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
          'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
          'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
          '"/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
          'document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        if document_xml is not None:
            z.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def document_xml(body: str | None) -> str:
    inner = "" if body is None else f"<w:body>{body}</w:body>"
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}">{inner}</w:document>'

"""Hostile submissions for ``import`` (issue 12): Word files without a body, with part names
that are not UTF-8, with LZMA/bzip2 junk or lying part sizes, bit-flipped Word files, and
text files in UTF-16/UTF-32 — each is read or refused with a SubmissionError, never more.
"""

from __future__ import annotations

import codecs
import io
import random
import zipfile
from pathlib import Path

import pytest

from importers.decode import decode_text
from importers.docx_reader import read_docx
from importers.errors import SubmissionError
from tests import hostile as H

GOOD_BODY = "<w:p><w:r><w:t>西安市总工会</w:t></w:r></w:p><w:p><w:r><w:t>薛振虎</w:t></w:r></w:p>"


def _read(tmp_path: Path, data: bytes, name: str = "sub.docx"):
    path = tmp_path / name
    path.write_bytes(data)
    try:
        return read_docx(path)
    except SubmissionError as exc:
        assert name in str(exc)
        return exc


def _zeroed(data: bytes, part: str, n: int = 120) -> bytes:
    """``data`` with ``n`` bytes of ``part``'s compressed stream zeroed."""
    out = bytearray(data)
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(part)
    import struct

    name_len, extra_len = struct.unpack_from("<HH", out, info.header_offset + 26)
    start = info.header_offset + 30 + name_len + extra_len
    for i in range(start + 4, min(start + 4 + n, start + info.compress_size)):
        out[i] = 0
    return bytes(out)


@pytest.mark.parametrize("xml", [
    H.document_xml(None),
    f'<?xml version="1.0"?><w:document xmlns:w="{H.W_NS}"/>',
], ids=["no-body", "empty-document"])
def test_docx_without_body_is_refused(tmp_path, xml):
    """``document.element.body`` is None there: AttributeError before."""
    result = _read(tmp_path, H.docx_bytes(xml))
    assert isinstance(result, SubmissionError) and "w:body" in str(result)


def test_docx_part_name_not_utf8(tmp_path):
    data = H.docx_bytes(H.document_xml(GOOD_BODY), extra={"word/media/é.png": b"x"})
    data = data.replace("word/media/é".encode(), b"word/media/\xff\xfe")
    result = _read(tmp_path, data)
    assert isinstance(result, SubmissionError) and "UTF-8" in str(result)


@pytest.mark.parametrize("method", [zipfile.ZIP_LZMA, zipfile.ZIP_BZIP2], ids=["lzma", "bzip2"])
def test_docx_compressed_junk(tmp_path, method):
    for part in ("word/document.xml", "[Content_Types].xml"):
        data = _zeroed(H.docx_bytes(H.document_xml(GOOD_BODY), method=method), part)
        result = _read(tmp_path, data)
        assert isinstance(result, SubmissionError), part
        assert "damaged" in str(result)


@pytest.mark.parametrize("method", [zipfile.ZIP_LZMA, zipfile.ZIP_BZIP2], ids=["lzma", "bzip2"])
def test_docx_with_other_compression_reads(tmp_path, method):
    lines, _notes = _read(tmp_path, H.docx_bytes(H.document_xml(GOOD_BODY), method=method))
    assert [ln.text for ln in lines] == ["西安市总工会", "薛振虎"]


def test_docx_part_longer_than_its_size(tmp_path):
    """A part whose compressed stream holds far more than its header says: python-docx
    reads a part in one call and would inflate all of it."""
    import zlib

    xml = H.document_xml(GOOD_BODY).encode()
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    stream = co.compress(xml) + co.compress(b" " * (64 << 20)) + co.flush()
    data = bytearray(H.docx_bytes(xml.decode(), method=zipfile.ZIP_DEFLATED))
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    import struct

    n, m = struct.unpack_from("<HH", data, info.header_offset + 26)
    start = info.header_offset + 30 + n + m
    data[start:start + info.compress_size] = stream
    delta = len(stream) - info.compress_size
    struct.pack_into("<I", data, info.header_offset + 18, len(stream))
    eocd = data.rfind(b"PK\x05\x06")
    cd = struct.unpack_from("<I", data, eocd + 16)[0] + delta
    struct.pack_into("<I", data, eocd + 16, cd)
    p = cd
    while data[p:p + 4] == b"PK\x01\x02":
        n2, m2, k2 = struct.unpack_from("<HHH", data, p + 28)
        if bytes(data[p + 46:p + 46 + n2]) == b"word/document.xml":
            struct.pack_into("<I", data, p + 20, len(stream))
        elif struct.unpack_from("<I", data, p + 42)[0] > info.header_offset:
            struct.pack_into("<I", data, p + 42, struct.unpack_from("<I", data, p + 42)[0] + delta)
        p += 46 + n2 + m2 + k2
    result = _read(tmp_path, bytes(data))
    assert isinstance(result, SubmissionError) and "more data" in str(result)


@pytest.mark.parametrize("seed", range(40))
def test_docx_bit_flips(tmp_path, seed):
    rnd = random.Random(seed)
    data = bytearray(H.docx_bytes(H.document_xml(GOOD_BODY * 20)))
    for _ in range(rnd.choice((1, 4, 30))):
        i = rnd.randrange(len(data))
        data[i] ^= 1 << rnd.randrange(8)
    _read(tmp_path, bytes(data), f"flip{seed}.docx")


@pytest.mark.parametrize("seed", range(20))
def test_docx_truncations(tmp_path, seed):
    data = H.docx_bytes(H.document_xml(GOOD_BODY * 20))
    cut = random.Random(seed).randrange(len(data))
    assert isinstance(_read(tmp_path, data[:cut], f"cut{seed}.docx"), SubmissionError)


# ------------------------------------------------------------------------------ text files

TEXT = "陕西工会\n西安市总工会 薛振虎\n𠀀 rare, 😀 astral\n"


@pytest.mark.parametrize("encoding, bom", [
    ("utf-32-le", codecs.BOM_UTF32_LE), ("utf-32-be", codecs.BOM_UTF32_BE),
    ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-8", codecs.BOM_UTF8),
])
def test_text_with_a_byte_order_mark_is_read_in_its_encoding(encoding, bom):
    """A UTF-32 file starts with the UTF-16-LE mark (FF FE) and was read as UTF-16 junk."""
    text, _enc = decode_text(bom + TEXT.encode(encoding), "x.txt")
    assert text == TEXT


def test_binary_behind_a_byte_order_mark_is_refused():
    with pytest.raises(SubmissionError, match="binary"):
        decode_text(codecs.BOM_UTF16_LE + ("\x01\x02\x03\x00" * 200).encode("utf-16-le"), "x.txt")

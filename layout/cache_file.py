"""One on-disk format for derived data we can always rebuild (font metrics, prepared pictures).

A file is: magic line, 4-byte little-endian header length, JSON header, payload. The header
carries the payload's length and SHA-256, so a truncated or damaged file reads as absent and
the caller rebuilds it. Writes go through a temporary file and ``os.replace``; a read-only or
full cache directory only costs time, never an export. No pickle: nothing here is executed.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import threading
from pathlib import Path


def write_framed(dest: Path, magic: bytes, header: dict, payload: bytes) -> bool:
    """Store a file; False (and nothing left behind) when the cache folder cannot take it."""
    header = dict(header, length=len(payload), sha256=hashlib.sha256(payload).hexdigest())
    head = json.dumps(header, ensure_ascii=True, sort_keys=True, separators=(",", ":")).encode("ascii")
    tmp = dest.with_name(f"{dest.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as fh:
            fh.write(magic + struct.pack("<I", len(head)) + head + payload)
        os.replace(tmp, dest)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return False
    return True


def read_framed(src: Path, magic: bytes) -> tuple[dict, memoryview] | None:
    """(header, payload) when the file is there, intact and of this kind; otherwise None."""
    try:
        with open(src, "rb") as fh:
            data = fh.read()
    except OSError:
        return None
    try:
        n = len(magic)
        if data[:n] != magic:
            return None
        (hlen,) = struct.unpack_from("<I", data, n)
        header = json.loads(data[n + 4 : n + 4 + hlen].decode("ascii"))
        payload = memoryview(data)[n + 4 + hlen :]
        if (
            not isinstance(header, dict)
            or header.get("length") != len(payload)
            or header.get("sha256") != hashlib.sha256(payload).hexdigest()
        ):
            return None
        return header, payload
    except (ValueError, struct.error, UnicodeDecodeError):
        return None

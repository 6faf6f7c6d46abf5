"""The ``.bulletin`` project file: a zip of ``bulletin.json`` and ``images/<sha256>.<ext>``.

Saving never leaves a half-written file (``model.fileio.atomic_write``: temp file beside the
real target, fsync, ``os.replace``). What a project file may hold is defined once
(``entry_problem``, ``archive_problem``, ``_parse_json``): ``load`` applies it to a file it is
given, and ``save`` applies the very same functions to the archive it has just written and to
the JSON it is about to store, so a file ``save`` writes always opens again.
Loading trusts nothing: every entry name, size, ratio, JSON field and image is checked, and any
problem becomes a ProjectFileError that says which file, which field and what was expected —
a user's bad file must never become a traceback (DESIGN §4).
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
import zlib
from pathlib import PurePosixPath

from model.clean_text import clean_tree, clean_value
from model.document import Bulletin
from model.fileio import atomic_write
from model.images import (
    MAX_IMAGE_BYTES,
    ImageError,
    incomplete_image,
    inspect_upright,
    release_archive,
    zip_member_reader,
)
from model.migrations import migrate
from model.serialize import ModelError, from_data, parse_json_int, to_data, used_images, validate

FORMAT_NAME = "bulletin-editor"
FORMAT_VERSION = 3
APP_VERSION = "0.1.0"
JSON_NAME = "bulletin.json"
MAX_TOTAL_UNCOMPRESSED = 500 * 1024 * 1024
MAX_RATIO = 100
MAX_JSON_BYTES = 64 * 1024 * 1024
MAX_ENTRIES = 10_000
#: The guard against zip bombs: a compressed entry over 1 MB may expand at most MAX_RATIO×.
#: It applies to pictures (read later in one call) and to entries this program never writes;
#: not to bulletin.json, which is inflated a step at a time and stops at MAX_JSON_BYTES — text
#: pasted a thousand times compresses far better than 100× and must still open.
RATIO_FLOOR = 1024 * 1024


class ProjectFileError(Exception):
    """A project file that cannot be opened or written; the message is for the user."""

    def __init__(self, path: str | os.PathLike[str], problem: str, field: str = "") -> None:
        where = f"{os.fspath(path)}" + (f", field {field}" if field else "")
        super().__init__(f"{where}: {problem}")
        self.path = os.fspath(path)
        self.field = field
        self.problem = problem


# --------------------------------------------------------------------------------------- save


def bulletin_json(bulletin: Bulletin) -> bytes:
    payload = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "app_version": APP_VERSION,
        "bulletin": to_data(bulletin),
    }
    return json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


def _check_limits(bulletin: Bulletin, raw_json: bytes, names: list[str]) -> None:
    """Early, cheap refusals before anything is compressed; ``save`` checks the written
    archive with the loader's own rules afterwards (``archive_problem``)."""
    if len(raw_json) > MAX_JSON_BYTES:
        raise ModelError("bulletin", f"the text of the bulletin is {len(raw_json) / 1e6:.0f} MB; at most "
                                     f"{MAX_JSON_BYTES // 1024 // 1024} MB can be saved")
    if len(names) + 1 > MAX_ENTRIES:
        raise ModelError("images", f"{len(names)} pictures; at most {MAX_ENTRIES - 1} can be saved")
    total = len(raw_json) + sum(len(bulletin.images.get(n)) for n in names)
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise ModelError("images", f"the project would be {total / 1e6:.0f} MB; at most 500 MB can be saved")


# ------------------------------------------------------------------- what a file may hold


def _member_name_problem(name: str) -> str | None:
    pure = PurePosixPath(name)
    if (
        name.startswith(("/", "\\"))
        or "\\" in name
        or (len(name) > 1 and name[1] == ":")
        or any(part == ".." for part in pure.parts)
    ):
        return f"archive entry {name!r} points outside the project (absolute path or '..')"
    return None


def entry_limit(name: str) -> int:
    """The most bytes entry ``name`` may expand to."""
    if name == JSON_NAME:
        return MAX_JSON_BYTES
    if name.startswith("images/"):
        return MAX_IMAGE_BYTES
    return MAX_TOTAL_UNCOMPRESSED


def entry_problem(info: zipfile.ZipInfo) -> str | None:
    """Why one archive entry is refused, or None. The single rule for save and load."""
    name = info.filename
    why = _member_name_problem(name)
    if why:
        return why
    ratio = info.file_size // max(info.compress_size, 1)
    if name != JSON_NAME and info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        return f"archive entry {name!r} expands {ratio}× (more than {MAX_RATIO}×): refusing a possible zip bomb"
    if info.compress_size > info.file_size * 1.1 + 4096:
        # no compressor makes data that much longer: the size in the header lies, and reading
        # the entry later in one call (images are read when drawn) would inflate all of it
        return (f"damaged archive: entry {name!r} holds more data ({info.compress_size} bytes) "
                f"than its size says ({info.file_size})")
    limit = entry_limit(name)
    if info.file_size > limit:
        return f"archive entry {name!r} is larger than {limit // 1024 // 1024} MB"
    return None


def archive_problem(infos: list[zipfile.ZipInfo]) -> str | None:
    """Why an archive as a whole is refused (entry count, total size, any entry), or None."""
    if len(infos) > MAX_ENTRIES:
        return f"archive has {len(infos)} entries; at most {MAX_ENTRIES} expected"
    total = sum(info.file_size for info in infos)
    if total > MAX_TOTAL_UNCOMPRESSED:
        return f"archive expands to {total / 1e6:.0f} MB; at most {MAX_TOTAL_UNCOMPRESSED // 1024 // 1024} MB allowed"
    for info in infos:
        why = entry_problem(info)
        if why:
            return why
    return None


def save(bulletin: Bulletin, path: str | os.PathLike[str]) -> None:
    """Save atomically. Raises ModelError for invalid data, OSError for disk trouble
    (naming ``path``), KeyError never: every image must be readable before the file is touched."""
    validate(bulletin)
    _clean, notes = clean_value(bulletin, "bulletin")  # finds, never changes: the caller decides
    if notes:
        where, _, what = notes[0].partition(": ")
        raise ModelError(where, f"text holds characters a project file cannot keep: {what}")
    names = sorted(used_images(bulletin))
    raw_json = bulletin_json(bulletin)
    _check_limits(bulletin, raw_json, names)
    real = os.path.realpath(os.fspath(path))
    try:  # the loader's own reading of the JSON: whatever it would refuse is refused now
        _parse_json(os.fspath(path), raw_json)
    except ProjectFileError as exc:
        raise ModelError(exc.field or "bulletin", f"the saved file would not open again: {exc.problem}") from None

    def write(fh) -> None:
        # A fixed timestamp keeps the same bulletin producing the same bytes.
        with zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            info = zipfile.ZipInfo(JSON_NAME, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, raw_json)
            for name in names:
                info = zipfile.ZipInfo(f"images/{name}", date_time=(2020, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_STORED  # photos do not compress
                zf.writestr(info, bulletin.images.get(name))
            why = archive_problem(zf.infolist())
            if why:  # the archive as load will see it
                raise ModelError("images" if "images/" in why else "bulletin",
                                 f"the saved file would not open again: {why}")
        release_archive(real)  # every image is read; let os.replace take the file

    atomic_write(path, write)
    # Images now live in the new file; re-point lazy sources so the old file may go away.
    bulletin.images.retain(set(names))
    for name in names:
        bulletin.images.add_lazy(name, zip_member_reader(real, f"images/{name}"))


# --------------------------------------------------------------------------------------- load


#: How much is inflated per step while reading an entry: the declared size of an entry is only
#: a claim, and one unbounded inflate call on a lying entry allocates gigabytes.
_READ_STEP = 1 << 16


def _read_member(path: str, zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """An entry's bytes, inflated a step at a time and refused as soon as they pass ``limit``.

    zipfile stops at the entry's declared size and checks the CRC there, so what is returned
    is what the header promised — but ``ZipFile.read`` would first inflate the whole
    compressed stream in one call, whatever it expands to.
    """
    if info.compress_type == zipfile.ZIP_STORED and info.file_size <= limit:
        # a stored entry (the photos) is its own bytes in the archive: nothing to inflate, so
        # it is read in one call (one copy, half the time of 64 KB steps for a 240-photo issue)
        with zf.open(info) as fh:
            data = fh.read(limit + 1)
        if len(data) > limit:
            raise ProjectFileError(path, f"archive entry {info.filename!r} is larger than "
                                         f"{limit / 1024 / 1024:.0f} MB")
        return data
    chunks: list[bytes] = []
    size = 0
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(_READ_STEP)
            if not chunk:
                break
            size += len(chunk)
            if size > limit:
                raise ProjectFileError(path, f"archive entry {info.filename!r} is larger than "
                                             f"{limit / 1024 / 1024:.0f} MB")
            chunks.append(chunk)
    return b"".join(chunks)


def _decompression_errors() -> tuple[type[BaseException], ...]:
    """What zipfile's decompressors raise for junk data besides zlib.error: lzma.LZMAError
    (bz2 raises a plain OSError, told apart from a read error by its missing errno)."""
    try:
        import lzma
    except ImportError:  # Python built without lzma: zipfile refuses such entries itself
        return (zlib.error,)
    return (zlib.error, lzma.LZMAError)


class _Hashing:
    """SHA-256 digests of the pictures the loader reads, a big one on a thread of its own:
    hashing releases the interpreter lock, so on two cores it overlaps reading the next
    picture out of the archive (a few in flight at most: the bytes are not kept)."""

    BIG = 1 << 18  # smaller pictures are hashed at once: a thread would cost more than it saves
    IN_FLIGHT = 4

    def __init__(self) -> None:
        self._done: dict[str, bytes] = {}
        self._pending: list[tuple[str, object]] = []
        self._pool = None

    def add(self, name: str, data: bytes) -> None:
        if len(data) < self.BIG:
            self._done[name] = hashlib.sha256(data).digest()
            return
        if self._pool is None:
            from concurrent.futures import ThreadPoolExecutor

            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="load-digest")
        if len(self._pending) >= self.IN_FLIGHT:
            first, fut = self._pending.pop(0)
            self._done[first] = fut.result()  # type: ignore[attr-defined]
        self._pending.append((name, self._pool.submit(_sha256, data)))

    def results(self) -> list[tuple[str, bytes]]:
        for name, fut in self._pending:
            self._done[name] = fut.result()  # type: ignore[attr-defined]
        self._pending = []
        return list(self._done.items())

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


def _sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def load(path: str | os.PathLike[str], notes: list[str] | None = None, *, digests: bool = False) -> Bulletin:
    """Open a project file, validating everything. Raises ProjectFileError only.

    Text that could not be saved again (lone surrogates, control characters) is removed;
    what was removed is appended to ``notes`` when given. Every picture is read here once;
    what the layout needs of it (its upright size, whether it is whole) is noted in the image
    store, and with ``digests`` (an export) the SHA-256 the picture cache is keyed by."""
    spath = os.fspath(path)
    try:
        if not os.path.isfile(spath):
            raise ProjectFileError(spath, "no such file")
        if not zipfile.is_zipfile(spath):
            raise ProjectFileError(spath, "not a bulletin project (expected a .bulletin zip archive)")
        with zipfile.ZipFile(spath) as zf:
            infos = zf.infolist()
            why = archive_problem(infos)
            if why:
                raise ProjectFileError(spath, why)
            names = {i.filename for i in infos}
            if JSON_NAME not in names:
                raise ProjectFileError(spath, f"{JSON_NAME} is missing from the archive")
            raw = _read_member(spath, zf, zf.getinfo(JSON_NAME), MAX_JSON_BYTES)
            bulletin = _parse_json(spath, raw)
            del raw
            cleaned = clean_tree(bulletin, "bulletin")
            if notes is not None:
                notes += cleaned
            hashing = _Hashing() if digests else None
            try:
                for name in sorted(used_images(bulletin)):
                    member = f"images/{name}"
                    if member not in names:
                        raise ProjectFileError(spath, f"image {member} is referenced but missing from the archive")
                    data = _read_member(spath, zf, zf.getinfo(member), MAX_IMAGE_BYTES)
                    try:
                        info, upright = inspect_upright(data, member)
                    except ImageError as exc:
                        raise ProjectFileError(spath, str(exc)) from None
                    facts = (upright, incomplete_image(data))
                    if hashing is not None:
                        hashing.add(name, data)
                    del data
                    if not name.endswith("." + info.ext):
                        raise ProjectFileError(spath, f"{member} is a {info.format} image, but its name says otherwise")
                    bulletin.images.add_lazy(name, zip_member_reader(spath, member), facts)
                if hashing is not None:
                    for name, digest in hashing.results():
                        bulletin.images.note_digest(name, digest)
            finally:
                if hashing is not None:
                    hashing.close()
            try:
                validate(bulletin)
            except ModelError as exc:
                raise ProjectFileError(spath, exc.problem, exc.path) from None
            return bulletin
    except ProjectFileError:
        raise
    except UnicodeDecodeError as exc:  # an entry name flagged as UTF-8 that is not
        raise ProjectFileError(spath, f"damaged archive: an entry name is not valid UTF-8 ({exc.reason} "
                                      f"at byte {exc.start} of {bytes(exc.object[:60])!r})") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, *_decompression_errors()) as exc:
        raise ProjectFileError(spath, f"damaged or truncated archive ({exc})") from None
    except OSError as exc:
        if exc.errno is None:  # bz2 reports junk data as OSError("Invalid data stream")
            raise ProjectFileError(spath, f"damaged or truncated archive ({exc})") from None
        raise ProjectFileError(spath, f"cannot read file: {exc.strerror or exc}") from None
    except RuntimeError as exc:  # e.g. encrypted entries
        raise ProjectFileError(spath, f"unreadable archive ({exc})") from None
    except MemoryError:
        raise ProjectFileError(spath, "too large to open in the memory available") from None


def _parse_json(path: str, raw: bytes) -> Bulletin:
    try:
        payload = json.loads(raw.decode("utf-8"), parse_int=parse_json_int)
    except UnicodeDecodeError as exc:
        raise ProjectFileError(path, f"{JSON_NAME} is not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise ProjectFileError(path, f"{JSON_NAME} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    except RecursionError:
        raise ProjectFileError(path, f"{JSON_NAME} is nested too deeply") from None
    if not isinstance(payload, dict):
        raise ProjectFileError(path, f"{JSON_NAME} must hold an object", "(top level)")
    if payload.get("format") != FORMAT_NAME:
        raise ProjectFileError(path, f"expected {FORMAT_NAME!r}, got {repr(payload.get('format'))[:60]}", "format")
    version = payload.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise ProjectFileError(path, f"expected a whole number, got {repr(version)[:40]}", "format_version")
    if version > FORMAT_VERSION:
        raise ProjectFileError(
            path,
            f"this project was saved in format version {version} by a newer 会刊编辑器 "
            f"({payload.get('app_version', 'unknown version')}); this program reads versions up to "
            f"{FORMAT_VERSION}. Please update the program.",
            "format_version",
        )
    data = payload.get("bulletin")
    try:
        data = migrate(data, version, FORMAT_VERSION)
        return from_data(Bulletin, data, "bulletin")
    except ModelError as exc:
        raise ProjectFileError(path, exc.problem, exc.path) from None
    except RecursionError:
        raise ProjectFileError(path, f"{JSON_NAME} is nested too deeply") from None

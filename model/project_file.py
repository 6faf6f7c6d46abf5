"""The ``.bulletin`` project file: a zip of ``bulletin.json`` and ``images/<sha256>.<ext>``.

Saving never leaves a half-written file (temp file beside the target, fsync, ``os.replace``).
Loading trusts nothing: every entry name, size, ratio, JSON field and image is checked, and any
problem becomes a ProjectFileError that says which file, which field and what was expected —
a user's bad file must never become a traceback (DESIGN §4).
"""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from model.document import Bulletin
from model.images import ImageError, inspect_image, release_archive, zip_member_reader
from model.migrations import migrate
from model.serialize import ModelError, from_data, to_data, used_images, validate

FORMAT_NAME = "bulletin-editor"
FORMAT_VERSION = 2
APP_VERSION = "0.1.0"
JSON_NAME = "bulletin.json"
MAX_TOTAL_UNCOMPRESSED = 500 * 1024 * 1024
MAX_RATIO = 100
MAX_JSON_BYTES = 64 * 1024 * 1024
MAX_ENTRIES = 10_000


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


def _file_mode(target: Path) -> int:
    """Keep an existing file's permissions; new files get the usual umask-based mode."""
    try:
        return os.stat(target).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write(path: str | os.PathLike[str], write: Callable[[object], None]) -> None:
    """Write through a temporary file in the target folder, then ``os.replace`` it.

    A crash, a full disk or an exception inside ``write`` leaves any previous file untouched
    and removes the temporary file.
    """
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "wb") as fh:
            if hasattr(os, "fchmod"):  # not on Windows, where mkstemp's mode is already usual
                os.fchmod(fh.fileno(), _file_mode(target))
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    try:  # make the rename itself durable where the platform allows it
        dfd = os.open(target.parent or ".", os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass


def save(bulletin: Bulletin, path: str | os.PathLike[str]) -> None:
    """Save atomically. Raises ModelError for invalid data, OSError for disk trouble."""
    validate(bulletin)
    names = sorted(used_images(bulletin))

    def write(fh) -> None:
        # A fixed timestamp keeps the same bulletin producing the same bytes.
        with zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            info = zipfile.ZipInfo(JSON_NAME, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, bulletin_json(bulletin))
            for name in names:
                info = zipfile.ZipInfo(f"images/{name}", date_time=(2020, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_STORED  # photos do not compress
                zf.writestr(info, bulletin.images.get(name))
        release_archive(os.fspath(path))  # every image is read; let os.replace take the file

    atomic_write(path, write)
    # Images now live in the new file; re-point lazy sources so the old file may go away.
    bulletin.images.retain(set(names))
    for name in names:
        bulletin.images.add_lazy(name, zip_member_reader(os.fspath(path), f"images/{name}"))


# --------------------------------------------------------------------------------------- load


def _check_member_name(path: str, name: str) -> None:
    pure = PurePosixPath(name)
    if (
        name.startswith(("/", "\\"))
        or "\\" in name
        or (len(name) > 1 and name[1] == ":")
        or any(part == ".." for part in pure.parts)
    ):
        raise ProjectFileError(path, f"archive entry {name!r} points outside the project (absolute path or '..')")


def load(path: str | os.PathLike[str]) -> Bulletin:
    """Open a project file, validating everything. Raises ProjectFileError only."""
    spath = os.fspath(path)
    try:
        if not os.path.isfile(spath):
            raise ProjectFileError(spath, "no such file")
        if not zipfile.is_zipfile(spath):
            raise ProjectFileError(spath, "not a bulletin project (expected a .bulletin zip archive)")
        with zipfile.ZipFile(spath) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_ENTRIES:
                raise ProjectFileError(spath, f"archive has {len(infos)} entries; at most {MAX_ENTRIES} expected")
            total = 0
            for info in infos:
                _check_member_name(spath, info.filename)
                total += info.file_size
                if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                    raise ProjectFileError(
                        spath,
                        f"archive entry {info.filename!r} expands {info.file_size // max(info.compress_size, 1)}×"
                        f" (more than {MAX_RATIO}×): refusing a possible zip bomb",
                    )
            if total > MAX_TOTAL_UNCOMPRESSED:
                raise ProjectFileError(spath, f"archive expands to {total / 1e6:.0f} MB; at most 500 MB allowed")
            names = {i.filename for i in infos}
            if JSON_NAME not in names:
                raise ProjectFileError(spath, f"{JSON_NAME} is missing from the archive")
            if zf.getinfo(JSON_NAME).file_size > MAX_JSON_BYTES:
                raise ProjectFileError(spath, f"{JSON_NAME} is larger than 64 MB")
            raw = zf.read(JSON_NAME)
            bulletin = _parse_json(spath, raw)
            for name in sorted(used_images(bulletin)):
                member = f"images/{name}"
                if member not in names:
                    raise ProjectFileError(spath, f"image {member} is referenced but missing from the archive")
                data = zf.read(member)
                try:
                    info = inspect_image(data, member)
                except ImageError as exc:
                    raise ProjectFileError(spath, str(exc)) from None
                if not name.endswith("." + info.ext):
                    raise ProjectFileError(spath, f"{member} is a {info.format} image, but its name says otherwise")
                bulletin.images.add_lazy(name, zip_member_reader(spath, member))
            try:
                validate(bulletin)
            except ModelError as exc:
                raise ProjectFileError(spath, exc.problem, exc.path) from None
            return bulletin
    except ProjectFileError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, zlib.error) as exc:
        raise ProjectFileError(spath, f"damaged or truncated archive ({exc})") from None
    except OSError as exc:
        raise ProjectFileError(spath, f"cannot read file: {exc.strerror or exc}") from None
    except RuntimeError as exc:  # e.g. encrypted entries
        raise ProjectFileError(spath, f"unreadable archive ({exc})") from None


def _parse_json(path: str, raw: bytes) -> Bulletin:
    try:
        payload = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ProjectFileError(path, f"{JSON_NAME} is not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise ProjectFileError(path, f"{JSON_NAME} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    except RecursionError:
        raise ProjectFileError(path, f"{JSON_NAME} is nested too deeply") from None
    if not isinstance(payload, dict):
        raise ProjectFileError(path, f"{JSON_NAME} must hold an object", "(top level)")
    if payload.get("format") != FORMAT_NAME:
        raise ProjectFileError(path, f"expected {FORMAT_NAME!r}, got {payload.get('format')!r}", "format")
    version = payload.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise ProjectFileError(path, f"expected a whole number, got {version!r}", "format_version")
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

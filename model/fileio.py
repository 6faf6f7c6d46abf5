"""Replacing a file so that a crash, a full disk or a kill leaves the old file or the new one.

Every "write a temporary file, then rename it over the target" in the program goes through
``atomic_write``. Why one place: the rules are easy to get half right —

- the temporary file sits beside the *real* target (a symbolic link is followed, so saving
  through a link updates the file it points to and the link stays a link);
- its name is recognisable (``.<start of name>~<hash of name>.<pid>-<thread>.tmp``), so a temporary
  left by a killed writer is removed by the next save of the same file, or by
  ``remove_stale_temps`` when a file is opened; a writer that is still running (its process
  id is alive) is never disturbed;
- the name is built to stay within the 255-byte limit of a file name even when the target's
  own name is as long as the file system allows;
- the mode of a new file comes from the process umask the ordinary way (the temporary is
  created with 0o666 and the kernel applies the umask); an existing file keeps its mode.
  ``os.umask(0)`` is never called: it would change the umask of every thread for a moment.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections.abc import Callable
from typing import BinaryIO

TEMP_SUFFIX = ".tmp"
_NAME_MAX = 255
_TEMP_RE = re.compile(r"^\..*~(?P<tag>[0-9a-f]{10})\.(?P<pid>\d+)-\d+\.tmp$")


def real_target(path: str | os.PathLike[str]) -> str:
    """The file a save to ``path`` must replace: symbolic links followed, made absolute."""
    return os.path.realpath(os.fspath(path))


def _tag(name: str) -> str:
    return hashlib.sha1(name.encode("utf-8", "surrogateescape")).hexdigest()[:10]


def temp_name(target: str, pid: int | None = None) -> str:
    """The temporary file's name (not path) for replacing ``target`` from process ``pid``."""
    name = os.path.basename(target)
    thread = threading.get_ident() % 100_000  # two threads of one process never share a temporary
    tail = f"~{_tag(name)}.{os.getpid() if pid is None else pid}-{thread}{TEMP_SUFFIX}"
    room = _NAME_MAX - 1 - len(tail.encode())
    head = name.encode("utf-8", "surrogateescape")[: max(0, min(room, 40))].decode("utf-8", "ignore")
    return f".{head}{tail}"


def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` is running (unsure counts as running: its file is left alone)."""
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill(pid, 0) would *terminate* the process on Windows
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # e.g. someone else's process: alive
    return True


def _windows_pid_alive(pid: int) -> bool:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return kernel32.GetLastError() == 5  # access denied: it exists
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def stale_temps(path: str | os.PathLike[str]) -> list[str]:
    """Temporary files of earlier writes to ``path`` whose writer process is gone."""
    target = real_target(path)
    folder, name = os.path.split(target)
    tag = _tag(name)
    found = []
    try:
        entries = os.listdir(folder or ".")
    except OSError:
        return []
    for entry in entries:
        m = _TEMP_RE.match(entry)
        if m is None or m["tag"] != tag:
            continue
        pid = int(m["pid"])
        if pid != os.getpid() and not pid_alive(pid):
            found.append(os.path.join(folder, entry))
    return found


def remove_stale_temps(path: str | os.PathLike[str]) -> int:
    """Delete what killed writers of ``path`` left behind; returns how many were removed."""
    n = 0
    for tmp in stale_temps(path):
        try:
            os.unlink(tmp)
            n += 1
        except OSError:
            pass
    return n


def _existing_mode(target: str) -> int | None:
    try:
        return os.stat(target).st_mode & 0o7777
    except OSError:
        return None


def atomic_write(path: str | os.PathLike[str], write: Callable[[BinaryIO], object]) -> str:
    """Write ``path`` through a temporary file beside it, then ``os.replace`` it.

    A crash, a full disk or an exception inside ``write`` leaves any previous file untouched;
    the temporary file is removed on every failure this process survives, and by the next
    write of the same file otherwise. Returns the real path written (links followed).
    Raises OSError whose ``filename`` is the file the user asked for, never the temporary.
    """
    target = real_target(path)
    folder = os.path.dirname(target) or "."
    tmp = os.path.join(folder, temp_name(target))
    remove_stale_temps(target)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o666)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, os.fspath(path)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            mode = _existing_mode(target)
            if mode is not None and hasattr(os, "fchmod"):
                os.fchmod(fh.fileno(), mode)
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError) and exc.filename in (tmp, None) and exc.errno is not None:
            raise OSError(exc.errno, exc.strerror, os.fspath(path)) from None
        raise
    try:  # make the rename itself durable where the platform allows it
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass
    return target


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """True when ``a`` and ``b`` name one file (links, ``..`` and hard links included)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return real_target(a) == real_target(b)


__all__ = ["atomic_write", "real_target", "remove_stale_temps", "same_file", "stale_temps", "temp_name"]

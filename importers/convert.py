"""Old and foreign word-processor files (.doc, .wps, .rtf, .odt) → .docx through LibreOffice.

Offices still send .doc from old Word and .wps from WPS. Reading those binary formats ourselves
is out of reach; LibreOffice converts them faithfully when it is installed. It runs headless
with a throw-away user profile (so a LibreOffice the user has open does not swallow the call)
and a time limit; anything that goes wrong is a SubmissionError saying what to do instead.

LibreOffice is a launcher that starts the real converter as a child, so it runs in a process
group of its own: on a timeout or a cancel the whole group is killed (killing only the
launcher left the converter running, writing its 25 MB profile into folders already removed),
and the temporary folders are removed only once no process of the group is left.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from importers.cancel import ImportCancelled, is_cancelled
from importers.errors import SubmissionError

CONVERTED_SUFFIXES = (".doc", ".wps", ".rtf", ".odt", ".wpt", ".dot")
TIMEOUT_S = 60
#: how often the wait looks at the clock and the cancel button
_POLL_S = 0.1
#: how long the killed group may take to be gone before its folders are left to the system
_REAP_S = 10.0
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: What each format's file starts with. LibreOffice opens anything, junk included (as plain text),
#: so a file that does not look like its suffix is refused before it is converted.
MAGIC = {".doc": (OLE,), ".dot": (OLE,), ".wps": (OLE,), ".wpt": (OLE,), ".rtf": (b"{\\rtf",), ".odt": (b"PK\x03\x04",)}


def soffice() -> str | None:
    """The LibreOffice program, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_docx(path: Path, workdir: Path) -> Path:
    """Convert ``path`` into ``workdir``; returns the .docx. Raises SubmissionError."""
    source = path.name
    kind = path.suffix.lower()
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise SubmissionError(source, f"cannot read: {exc.strerror or exc}") from None
    if not head.startswith(MAGIC.get(kind, (b"",))):
        raise SubmissionError(source, f"not a {kind} file (it does not start as one); damaged, or renamed?")
    program = soffice()
    if program is None:
        raise SubmissionError(source, f"{kind} files are converted with LibreOffice, which is not installed; "
                                      "install LibreOffice, or save the file as .docx in Word or WPS")
    profile = tempfile.mkdtemp(prefix="bulletin-lo-")
    cmd = [program, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
           "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(workdir), str(path)]
    try:
        returncode, output = _run_group(cmd, profile, source, kind)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    out = workdir / (path.stem + ".docx")
    if returncode != 0 or not out.is_file():
        detail = output.strip().splitlines()
        raise SubmissionError(source, f"LibreOffice could not convert this {kind} file (damaged, encrypted or not "
                                      f"a {kind} file?){': ' + detail[-1] if detail else ''}; "
                                      "save it as .docx in Word or WPS")
    return out


def _run_group(cmd: list[str], scratch: str, source: str, kind: str) -> tuple[int, str]:
    """Run ``cmd`` in a new process group; (exit status, its output). When it returns or
    raises, no process of the group is left: the caller may remove folders it wrote to."""
    log = os.path.join(scratch, "convert.log")
    try:
        with open(log, "wb") as out:
            proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                    **_new_group())
    except OSError as exc:
        raise SubmissionError(source, f"cannot run LibreOffice to convert this {kind} file: "
                                      f"{exc.strerror or exc}") from None
    deadline = time.monotonic() + TIMEOUT_S
    try:
        while True:
            try:
                returncode = proc.wait(timeout=_POLL_S)
                break
            except subprocess.TimeoutExpired:
                pass
            if is_cancelled():
                raise ImportCancelled(f"{source}: conversion cancelled")
            if time.monotonic() > deadline:
                raise SubmissionError(source, f"LibreOffice did not convert this {kind} file within {TIMEOUT_S} s; "
                                              "save it as .docx in Word or WPS")
    finally:
        kill_group(proc)  # the launcher may be gone while the converter it started is not
    try:
        with open(log, "rb") as fh:
            output = fh.read(65536).decode("utf-8", "replace")
    except OSError:
        output = ""
    return returncode, output


def _new_group() -> dict:
    if os.name == "nt":
        return {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}  # type: ignore[attr-defined]
    return {"start_new_session": True}


def group_alive(pgid: int) -> bool:
    """Is any process of group ``pgid`` still running? Zombies (dead, not yet reaped by
    whoever adopted them) do not count: they write nothing."""
    proc = Path("/proc")
    if proc.is_dir():
        for entry in proc.iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rfind(")") + 2:].split()
            if len(fields) > 2 and fields[2] == str(pgid) and fields[0] != "Z":
                return True
        return False
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def kill_group(proc: subprocess.Popen) -> None:
    """Kill ``proc`` and every process it started (its group), and wait until they are gone."""
    if os.name == "nt":
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)], capture_output=True)
        proc.wait()
        return
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.wait()
    deadline = time.monotonic() + _REAP_S
    while group_alive(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.02)

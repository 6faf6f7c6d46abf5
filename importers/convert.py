"""Old and foreign word-processor files (.doc, .wps, .rtf, .odt) → .docx through LibreOffice.

Offices still send .doc from old Word and .wps from WPS. Reading those binary formats ourselves
is out of reach; LibreOffice converts them faithfully when it is installed. It runs headless
with a throw-away user profile (so a LibreOffice the user has open does not swallow the call)
and a time limit; anything that goes wrong is a SubmissionError saying what to do instead.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from importers.errors import SubmissionError

CONVERTED_SUFFIXES = (".doc", ".wps", ".rtf", ".odt", ".wpt", ".dot")
TIMEOUT_S = 180
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
    with tempfile.TemporaryDirectory(prefix="bulletin-lo-") as profile:
        cmd = [program, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
               "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(workdir), str(path)]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            raise SubmissionError(source, f"LibreOffice did not convert this {kind} file within {TIMEOUT_S} s; "
                                          "save it as .docx in Word or WPS") from None
        except OSError as exc:
            raise SubmissionError(source, f"cannot run LibreOffice to convert this {kind} file: {exc}") from None
    out = workdir / (path.stem + ".docx")
    if done.returncode != 0 or not out.is_file():
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise SubmissionError(source, f"LibreOffice could not convert this {kind} file (damaged, encrypted or not "
                                      f"a {kind} file?){': ' + detail[-1] if detail else ''}; "
                                      "save it as .docx in Word or WPS")
    return out

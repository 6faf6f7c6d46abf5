"""A LibreOffice conversion that hangs is killed whole, and leaves no folder behind (issue 29).

The fake converter does what LibreOffice does: the launcher starts the real converter as a
child, which writes into its profile folder and the output folder. Killing only the launcher
(as before) left the child writing into folders the importer had already removed.
"""

from __future__ import annotations

import os
import signal
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

import pytest

import importers.convert as convert
from importers.cancel import CancelToken, ImportCancelled, cancellable
from importers.errors import SubmissionError
from importers.review import read_submission

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX process groups")

_FAKE = textwrap.dedent("""\
    #!{python}
    import os, subprocess, sys, time
    args = sys.argv[1:]
    profile = [a for a in args if a.startswith("-env:UserInstallation=")][0].split("file://", 1)[1]
    outdir = args[args.index("--outdir") + 1]
    child = subprocess.Popen([sys.executable, "-c", '''
    import os, sys, time
    profile, outdir, pids = sys.argv[1:]
    with open(pids, "a") as fh:
        fh.write(f"{{os.getpid()}}\\\\n")
    n = 0
    while True:
        n += 1
        for d in (profile, outdir):
            try:
                os.makedirs(os.path.join(d, "user"), exist_ok=True)
                with open(os.path.join(d, "user", f"junk{{n % 5}}"), "w") as fh:
                    fh.write("x" * 1000)
            except OSError:
                pass
        time.sleep(0.02)
    ''', profile, outdir, {pids!r}])
    with open({pids!r}, "a") as fh:
        fh.write(f"{{os.getpid()}}\\n")
    time.sleep(1000)
    """)


@pytest.fixture
def fake_soffice(tmp_path, monkeypatch):
    pids = tmp_path / "pids"
    script = tmp_path / "soffice"
    script.write_text(_FAKE.format(python=sys.executable, pids=str(pids)))
    script.chmod(0o755)
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    monkeypatch.setattr(convert, "soffice", lambda: str(script))
    monkeypatch.setattr(convert, "TIMEOUT_S", 1.5)
    doc = tmp_path / "old.doc"
    doc.write_bytes(convert.OLE + b"\0" * 600)
    yield doc, tmp, pids
    for line in pids.read_text().split() if pids.exists() else []:  # never leave a test's process behind
        try:
            os.kill(int(line), signal.SIGKILL)
        except OSError:
            pass


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rfind(")") + 2] != "Z"


def _no_litter(tmp: Path, pids: Path) -> None:
    started = [int(p) for p in pids.read_text().split()]
    assert len(started) == 2, "the fake converter should have started its child"
    assert not [p for p in started if _alive(p)], "a process of the conversion is still running"
    time.sleep(0.3)  # a survivor would recreate its folders now
    assert list(tmp.iterdir()) == []


def test_a_hanging_conversion_is_killed_whole_and_leaves_no_folder(fake_soffice):
    doc, tmp, pids = fake_soffice
    t0 = time.monotonic()
    with pytest.raises(SubmissionError, match="within 1.5 s"):
        read_submission(doc)
    assert time.monotonic() - t0 < 15
    _no_litter(tmp, pids)


def test_a_cancelled_conversion_stops_at_once_and_leaves_no_folder(fake_soffice, monkeypatch):
    doc, tmp, pids = fake_soffice
    monkeypatch.setattr(convert, "TIMEOUT_S", 60)
    token = CancelToken()
    threading.Timer(0.8, token.cancel).start()
    t0 = time.monotonic()
    with cancellable(token), pytest.raises(ImportCancelled):
        read_submission(doc)
    assert time.monotonic() - t0 < 10
    _no_litter(tmp, pids)


def test_the_time_limit_is_at_most_a_minute():
    import importlib

    assert importlib.reload(convert).TIMEOUT_S <= 60

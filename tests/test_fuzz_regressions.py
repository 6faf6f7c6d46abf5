"""Hostile files that once crashed a command or lost something silently, kept as files
(tests/_files/hostile, see its README) and run as a user runs them: real processes, real
exit codes, a message naming the file (and the field), never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ROOT / "tests" / "_files" / "hostile"

# file, command, expected exit status, words the message must hold
CASES = [
    ("huge-integer.bulletin", "info", 2, ["page_setup.columns", "5000 digits"]),
    ("width-10e400.bulletin", "info", 2, ["page_setup.width_mm", "out of range"]),
    ("block-type-is-a-list.bulletin", "info", 2, ["pages[0].blocks[0].type"]),
    ("entry-name-not-utf8.bulletin", "info", 2, ["not valid UTF-8"]),
    ("lzma-junk.bulletin", "info", 2, ["damaged"]),
    ("truncated-portrait.bulletin", "export-pdf", 1, ["bad_image", "cut short"]),
    ("no-body.docx", "import", 2, ["w:body"]),
    ("utf32-with-bom.txt", "import", 0, []),
]


def _run(command: str, path: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    if command == "export-pdf":
        args = ["export", str(path), "--pdf", str(tmp_path / "out.pdf")]
    elif command == "import":
        args = ["import", str(path), "-o", str(tmp_path / "out.bulletin")]
    else:
        args = [command, str(path)]
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          timeout=300, cwd=tmp_path)


@pytest.mark.parametrize("name, command, status, words", CASES, ids=[c[0] for c in CASES])
def test_hostile_file(tmp_path, name, command, status, words):
    r = _run(command, HOSTILE / name, tmp_path)
    assert r.returncode == status, (r.stdout[-500:], r.stderr[-500:])
    assert "Traceback" not in r.stderr
    said = r.stdout + r.stderr
    for word in words:
        assert word in said, said[-800:]
    if status == 2:
        assert name in r.stderr


def test_utf32_submission_is_read_as_text(tmp_path):
    r = _run("import", HOSTILE / "utf32-with-bom.txt", tmp_path)
    assert r.returncode == 0, r.stderr
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "info", str(tmp_path / "out.bulletin")],
                       capture_output=True, text=True, timeout=120)
    assert "薛振虎" in r.stdout or "西安" in r.stdout, r.stdout

"""Submissions that are not ordinary files, and text that is not what it first seems (issue 29).

A link to /dev/zero or /dev/urandom was read without end (memory grew until a MemoryError
traceback), a named pipe hung the import for ever; UTF-16 saved without a byte-order mark was
called "a binary file". Each read runs in a child process with a memory and time limit, so the
old behaviour fails the test instead of taking the machine down.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from importers import import_file
from importers.decode import decode_text, read_limited
from importers.errors import SubmissionError

ROOT = Path(__file__).resolve().parent.parent

_CHILD = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
from importers.review import read_submission
from importers.errors import SubmissionError
try:
    read_submission(sys.argv[1])
except SubmissionError as exc:
    print("REFUSED", exc)
else:
    print("READ")
"""


def _read_in_child(path: Path) -> str:
    try:
        r = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, timeout=20,
                           env=dict(os.environ, PYTHONPATH=str(ROOT)))
    except subprocess.TimeoutExpired:
        pytest.fail(f"reading {path.name} did not end within 20 s")
    assert "Traceback" not in r.stderr, r.stderr[-800:]
    return r.stdout.strip()


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="POSIX devices")
@pytest.mark.parametrize("device, name", [("/dev/zero", "zero.txt"), ("/dev/urandom", "random.txt"),
                                          ("/dev/zero", "zero.docx")])
def test_a_link_to_a_device_is_refused(tmp_path, device, name):
    link = tmp_path / name
    link.symlink_to(device)
    out = _read_in_child(link)
    assert out.startswith("REFUSED") and "not an ordinary file" in out and "device" in out, out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_named_pipe_is_refused_without_waiting(tmp_path):
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    out = _read_in_child(pipe)
    assert out.startswith("REFUSED") and "named pipe" in out, out


def test_a_text_file_is_read_only_up_to_its_limit_plus_one_byte(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(b"a" * 1001)
    with pytest.raises(SubmissionError, match="larger than"):
        read_limited(p, 1000, "big.txt")
    assert read_limited(p, 1001, "big.txt") == b"a" * 1001


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_text(tmp_path, enc):
    text = "当好全省工会排头兵\r\n\r\n王芳\r\n西安市总工会主席\r\n\r\n2020年，西安市总工会扎实开展“职工之家”建设。\r\n"
    p = tmp_path / "utf16.txt"
    p.write_bytes(text.encode(enc))
    bulletin, _report = import_file(p)
    col = bulletin.pages[0].blocks[0]
    assert col.person.name == "王芳" and "职工之家" in col.paragraphs[0].text


def test_utf16_without_bom_of_chinese_only_is_text():
    text = "当好全省工会排头兵。" * 20  # no ASCII at all: no NUL byte to notice
    assert decode_text(text.encode("utf-16-le"))[0] == text


def test_gbk_is_not_mistaken_for_utf16():
    text = "当好全省工会排头兵，职工之家建设。" * 10
    assert decode_text(text.encode("gb18030")) == (text, "gb18030")


def test_binary_junk_is_still_binary():
    import random

    data = random.Random(3).randbytes(4000)
    with pytest.raises(SubmissionError):
        decode_text(data)

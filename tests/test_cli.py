"""The command line as a user runs it: real processes, real exit codes, no tracebacks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          cwd=cwd, timeout=120)


def test_example_then_info(tmp_path):
    out = tmp_path / "e.bulletin"
    r = run("example", "-o", str(out))
    assert r.returncode == 0, r.stderr
    r = run("info", str(out))
    assert r.returncode == 0, r.stderr
    assert "pages: 2" in r.stdout
    assert "speech" in r.stdout and "郭大为" in r.stdout
    assert r.stdout.count("  column ") == 10
    for name in ("薛振虎", "曹海芹", "张静", "张耀民", "姚双年", "黑树林", "李晓娟", "陈伦宝", "李吉斌", "杨凌示范区总工会"):
        assert name in r.stdout


def test_bad_file_gives_message_and_status_2(tmp_path):
    bad = tmp_path / "bad.bulletin"
    bad.write_bytes(b"PK\x03\x04 broken")
    r = run("info", str(bad))
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    assert "bad.bulletin" in r.stderr


def test_missing_file_for_the_editor_is_refused_before_any_window(tmp_path):
    r = run(str(tmp_path / "nope.bulletin"))
    assert r.returncode == 2 and "no such file" in r.stderr and "Traceback" not in r.stderr


def test_bad_arguments_exit_2():
    r = run("example")  # -o missing
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_unwritable_output_is_a_message(tmp_path):
    r = run("example", "-o", str(tmp_path / "no" / "such" / "dir" / "e.bulletin"))
    assert r.returncode == 2 and "cannot write" in r.stderr and "Traceback" not in r.stderr

"""The phrase-penalty cache (issue 27): a display text is segmented once, not once per process.

A process whose display texts were all segmented before must not import the word segmenter
(≈ 0.1 s), must give the very same penalties, and must survive a damaged cache file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

TEXTS = ["当好全省工会排头兵", "要谋创新，在新的一年里", "“一盘棋”、一条心、一起干，联动发力"]

PROBE = """
import json, sys
from layout import phrases
out = {t: phrases.break_penalties(t) for t in json.loads(sys.argv[1])}
print(json.dumps({"pen": out, "segmenter_imported": "rjieba" in sys.modules or "jieba" in sys.modules}))
"""


def probe(cache: Path) -> dict:
    env = dict(os.environ, BULLETIN_CACHE_DIR=str(cache), PYTHONPATH=str(ROOT))
    r = subprocess.run([sys.executable, "-c", PROBE, json.dumps(TEXTS)], env=env, capture_output=True, text=True,
                       cwd=ROOT, check=True)
    return json.loads(r.stdout)


def test_second_process_reads_penalties_without_the_segmenter(tmp_path: Path) -> None:
    from layout import phrases

    first = probe(tmp_path)
    assert first["segmenter_imported"] == (phrases._segmenter() is not None)
    files = list((tmp_path / "phrases").glob("penalties-*.json"))
    assert len(files) == 1
    second = probe(tmp_path)
    assert second["segmenter_imported"] is False
    assert second["pen"] == first["pen"]
    # and they are what segmenting gives
    for text, pen in second["pen"].items():
        assert tuple(pen) == phrases._penalties(text)


def test_damaged_cache_file_is_segmented_again(tmp_path: Path) -> None:
    first = probe(tmp_path)
    (path,) = (tmp_path / "phrases").glob("penalties-*.json")
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF  # the payload no longer matches its checksum
    path.write_bytes(bytes(data))
    again = probe(tmp_path)
    assert again["pen"] == first["pen"]


def test_new_text_is_added_to_the_cache(tmp_path: Path) -> None:
    from layout import phrases

    probe(tmp_path)
    env = dict(os.environ, BULLETIN_CACHE_DIR=str(tmp_path), PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-c", "from layout import phrases; phrases.break_penalties('职工之家建设再上新台阶')"],
                   env=env, cwd=ROOT, check=True)
    (path,) = (tmp_path / "phrases").glob("penalties-*.json")
    from layout.cache_file import read_framed

    framed = read_framed(path, phrases._CACHE_MAGIC)
    assert framed is not None
    known = json.loads(bytes(framed[1]).decode("utf-8"))
    assert set(TEXTS) | {"职工之家建设再上新台阶"} <= set(known)

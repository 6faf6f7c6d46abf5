"""An export reads each picture once (issue 27): the layout reads it for its size, and the
picture cache is then found by the digest taken on that read, not by reading it again."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

from exporters.pdf import pdf_bytes
from model.example import example_bulletin

WHEN = datetime(2000, 1, 1, tzinfo=UTC)


def test_a_warm_export_reads_each_picture_once(tmp_path, monkeypatch):
    monkeypatch.setenv("BULLETIN_CACHE_DIR", str(tmp_path))
    b = example_bulletin()
    reads: Counter[str] = Counter()
    for name in list(b.images):
        source = b.images._sources[name]
        b.images._sources[name] = lambda name=name, source=source: (reads.update([name]), source())[1]
    first = pdf_bytes(b, when=WHEN).data  # prepares the pictures (and caches them)
    reads.clear()
    second = pdf_bytes(b, when=WHEN).data
    assert second == first
    assert reads and set(reads.values()) == {1}, reads
    assert b.images.__class__.__name__ == "ImageStore"  # the caller's store is left as it was

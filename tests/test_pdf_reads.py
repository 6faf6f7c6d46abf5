"""An export reads each picture once (issue 27): the layout reads it for its size, and the
picture cache is then found by the digest taken on that read, not by reading it again. What was
read is kept in the image store, so a second export — or an export of a project whose loader
already read every picture — reads none."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

from exporters.pdf import pdf_bytes
from model.example import example_bulletin
from model.project_file import load, save

WHEN = datetime(2000, 1, 1, tzinfo=UTC)


def _counting(b) -> Counter[str]:
    reads: Counter[str] = Counter()
    for name in list(b.images):
        source = b.images._sources[name]
        b.images._sources[name] = lambda name=name, source=source: (reads.update([name]), source())[1]
    return reads


def test_a_warm_export_reads_each_picture_once(tmp_path, monkeypatch):
    monkeypatch.setenv("BULLETIN_CACHE_DIR", str(tmp_path))
    first = pdf_bytes(example_bulletin(), when=WHEN).data  # prepares the pictures (and caches them)
    b = example_bulletin()  # a store that knows nothing of its pictures yet
    reads = _counting(b)
    assert pdf_bytes(b, when=WHEN).data == first
    assert reads and set(reads.values()) == {1}, reads
    assert b.images.__class__.__name__ == "ImageStore"  # the caller's store is left as it was
    reads.clear()
    assert pdf_bytes(b, when=WHEN).data == first
    assert not reads  # the store knows each picture's size and digest now


def test_an_export_after_loading_reads_no_picture_again(tmp_path, monkeypatch):
    monkeypatch.setenv("BULLETIN_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "x.bulletin"
    save(example_bulletin(), str(path))
    first = pdf_bytes(load(str(path)), when=WHEN).data
    b = load(str(path), digests=True)  # the loader reads every picture anyway
    reads = _counting(b)
    assert pdf_bytes(b, when=WHEN).data == first
    assert not reads, reads


def test_pictures_prepared_during_the_layout_give_the_same_pdf(tmp_path, monkeypatch):
    """The export hands each page's pictures to a preparer as soon as the page is laid out
    (issue 27); the PDF is the one of preparing them after the layout."""
    from exporters.pdf_draw import PicturePreparer, render
    from layout.document import lay_out_bulletin

    monkeypatch.setenv("BULLETIN_CACHE_DIR", str(tmp_path))
    b = example_bulletin()
    doc = lay_out_bulletin(b)
    assert pdf_bytes(b, when=WHEN).data == pdf_bytes(b, when=WHEN, doc=doc).data  # streamed == after the layout
    prep = PicturePreparer(b.images.get, "cmyk")
    for page in doc.pages:
        prep.add(page.items)
    streamed = render(doc, get_image=b.images.get, when=WHEN, pictures=prep)
    plain = render(doc, get_image=b.images.get, when=WHEN)
    assert streamed.files == plain.files and streamed.problems == plain.problems

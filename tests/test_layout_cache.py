"""The laid-out pages of an unchanged bulletin are read back from disk (layout/layout_cache.py,
issue 27): the same pages, so the same PDF byte for byte; anything the layout reads changes the key."""

from __future__ import annotations

import copy
import os
from datetime import UTC, datetime

import pytest

from exporters.pdf import pdf_bytes
from layout import layout_cache
from layout.document import ImageSizes, lay_out_pages, registry_for
from model.example import example_bulletin

WHEN = datetime(2021, 4, 1, tzinfo=UTC)


@pytest.fixture
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("BULLETIN_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / "layouts"


def _key(b):
    return layout_cache.document_key(b, registry_for(b), ImageSizes(b.images))


def test_pages_read_back_equal_to_the_pages_laid_out(own_cache):
    b = example_bulletin()
    per_page = lay_out_pages(b)
    key = _key(b)
    assert key is not None and layout_cache.load(key) is None
    assert layout_cache.store(key, per_page)
    back = layout_cache.load(key)
    assert back == per_page
    assert [type(i) for lp, _ in back for i in lp.items] == [type(i) for lp, _ in per_page for i in lp.items]


def test_the_second_export_lays_nothing_out_and_writes_the_same_bytes(own_cache, monkeypatch):
    b = example_bulletin()
    first = pdf_bytes(b, when=WHEN).data
    assert len(list(own_cache.iterdir())) == 1
    import layout.document

    def no_layout(*_a, **_k):
        raise AssertionError("laid out again")

    monkeypatch.setattr(layout.document, "lay_out_page", no_layout)
    again = pdf_bytes(example_bulletin(), when=WHEN)
    assert again.data == first
    assert [p.kind for p in again.problems] == [p.kind for p in pdf_bytes(b, when=WHEN).problems]


def test_any_change_the_layout_reads_changes_the_key(own_cache):
    b = example_bulletin()
    key = _key(b)
    assert _key(example_bulletin()) == key  # the same bulletin, built again
    other = copy.deepcopy(b)
    other.pages[-1].blocks[-1].headline += "字"  # the last page: a page before it may depend on it
    assert _key(other) != key
    setup = copy.deepcopy(b)
    setup.page_setup.gutter_em += 0.5
    assert _key(setup) != key
    fonts = copy.deepcopy(b)
    fonts.fonts["body"] = "Noto Sans SC"
    assert _key(fonts) != key


def test_a_font_file_touched_or_an_engine_module_changed_changes_the_key(own_cache, monkeypatch):
    b = example_bulletin()
    key = _key(b)
    face = registry_for(b).face("body")
    st = os.stat(face.path)
    real_stat = os.stat

    def later(path, *a, **k):
        r = real_stat(path, *a, **k)
        if os.fspath(path) == face.path:
            return os.stat_result((*r[:8], st.st_mtime + 10, r[9]))
        return r

    monkeypatch.setattr(layout_cache.os, "stat", later)
    assert _key(b) != key
    monkeypatch.undo()
    monkeypatch.setenv("BULLETIN_CACHE_DIR", str(own_cache.parent))
    layout_cache._engine_stamp.cache_clear()
    monkeypatch.setattr(layout_cache, "_VERSION", "test")
    try:
        assert _key(b) != key
    finally:
        layout_cache._engine_stamp.cache_clear()


def test_a_layout_with_fallback_characters_is_not_kept(own_cache):
    b = example_bulletin()
    per_page = lay_out_pages(b)
    from layout.types import Problem

    lp, problems = per_page[0]
    with_fallback = [(lp, [*problems, Problem("fallback", "x", text="𠀀")]), *per_page[1:]]
    assert not layout_cache.store(_key(b), with_fallback)
    assert layout_cache.load(_key(b)) is None


def test_a_damaged_entry_is_laid_out_again(own_cache):
    b = example_bulletin()
    first = pdf_bytes(b, when=WHEN).data
    (entry,) = own_cache.iterdir()
    entry.write_bytes(entry.read_bytes()[:-10])
    assert layout_cache.load(entry.stem) is None
    assert pdf_bytes(example_bulletin(), when=WHEN).data == first


def test_at_most_max_files_entries_and_max_bytes_are_kept(own_cache, monkeypatch):
    monkeypatch.setattr(layout_cache, "MAX_FILES", 2)
    b = example_bulletin()
    per_page = lay_out_pages(b)
    for i in range(4):
        assert layout_cache.store(f"k{i}", per_page)
        t = (i + 1) * 1_000_000_000_000  # distinct times, older than now (a coarse clock may tie)
        os.utime(own_cache / f"k{i}.json", ns=(t, t))
    assert sorted(p.stem for p in own_cache.iterdir()) == ["k2", "k3"]
    monkeypatch.setattr(layout_cache, "MAX_BYTES", 1)  # the newest stays whatever its size
    assert layout_cache.store("k4", per_page)
    assert [p.stem for p in own_cache.iterdir()] == ["k4"]


def test_the_editor_opens_a_bulletin_laid_out_before_from_disk_and_measures_it_later(own_cache):
    """gui/layout_runner.py: the first layout of a document is read back when it was laid out
    before (the page reaches the screen sooner); its first page is measured afterwards (warm)."""
    from gui.layout_runner import IncrementalLayout

    first = IncrementalLayout()
    doc = first(example_bulletin())
    assert not list(own_cache.glob("*.json"))  # kept only after the page is painted …
    assert first.needs_warming()
    doc = first.warm() or doc  # … by the runner, on its worker, with the 缺稿 numbers tried
    assert len(list(own_cache.glob("*.json"))) == 1 and not first.needs_warming()
    again = IncrementalLayout()
    cached = again(example_bulletin())
    assert again.needs_warming()
    assert cached.pages == doc.pages and cached.problems == doc.problems
    again.warm()
    assert not again.needs_warming()
    b = example_bulletin()
    b.pages[0].blocks[-1].headline += "字"  # the next keystroke: laid out as always
    assert again(b).pages[0] != doc.pages[0]


def test_nothing_is_kept_once_the_engine_changed_on_disk(own_cache, monkeypatch):
    b = example_bulletin()
    per_page = lay_out_pages(b)
    key = _key(b)
    monkeypatch.setattr(layout_cache, "_engine_stamp_now", lambda: "edited")
    assert not layout_cache.store(key, per_page)

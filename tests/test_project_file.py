"""Project files: atomic saves, exact round trips and clear refusals of bad files."""

from __future__ import annotations

import io
import json
import os
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model import document as d
from model import project_file as pf
from model.clean_text import clean_tree
from model.project_file import ProjectFileError, load, save
from tests.conftest import FILES


def _png(size=(40, 50), mode="RGB") -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new(mode, size, 128).save(out, format="PNG")
    return out.getvalue()


def _write_zip(path, entries: dict[str, bytes], compress=zipfile.ZIP_DEFLATED) -> None:
    with zipfile.ZipFile(path, "w", compression=compress) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)


def _payload(bulletin_data=None, version=1) -> bytes:
    return json.dumps({"format": "bulletin-editor", "format_version": version, "app_version": "0.1.0",
                       "bulletin": bulletin_data if bulletin_data is not None else {}}).encode()


def test_round_trip_of_the_example(example, tmp_path):
    path = tmp_path / "e.bulletin"
    save(example, path)
    again = load(path)
    assert again == example
    assert again.images.get(example.pages[0].blocks[1].portrait.image)[:8] == b"\x89PNG\r\n\x1a\n"


def test_saving_twice_gives_the_same_bytes(example, tmp_path):
    save(example, tmp_path / "a.bulletin")
    save(load(tmp_path / "a.bulletin"), tmp_path / "b.bulletin")
    assert (tmp_path / "a.bulletin").read_bytes() == (tmp_path / "b.bulletin").read_bytes()


def test_a_failed_save_leaves_the_previous_file_intact(example, tmp_path, monkeypatch):
    path = tmp_path / "e.bulletin"
    save(example, path)
    before = path.read_bytes()
    example.pages[0].headline.title = "改过的标题"
    real_get = example.images.get
    calls = {"n": 0}

    def failing_get(name):  # the disk fills up half way through writing the images
        calls["n"] += 1
        if calls["n"] == 4:
            raise OSError(28, "No space left on device")
        return real_get(name)

    monkeypatch.setattr(example.images, "get", failing_get)
    with pytest.raises(OSError):
        save(example, path)
    assert path.read_bytes() == before
    assert load(path).pages[0].headline.title == "力争陕西工会多项工作走在全国前列"
    assert [p.name for p in tmp_path.iterdir()] == ["e.bulletin"]  # no temp file left behind


def test_a_crash_during_fsync_leaves_the_previous_file(example, tmp_path, monkeypatch):
    path = tmp_path / "e.bulletin"
    save(example, path)
    before = path.read_bytes()

    def boom(fd):
        raise OSError(5, "I/O error")

    monkeypatch.setattr(pf.os, "fsync", boom)
    with pytest.raises(OSError):
        save(example, path)
    assert path.read_bytes() == before


def _expect_error(path, *fragments):
    with pytest.raises(ProjectFileError) as info:
        load(path)
    msg = str(info.value)
    assert str(path) in msg
    for f in fragments:
        assert f in msg, msg
    return info.value


def test_not_a_zip(tmp_path):
    p = tmp_path / "x.bulletin"
    p.write_text("hello")
    _expect_error(p, "not a bulletin project")


def test_truncated_zip(example, tmp_path):
    p = tmp_path / "t.bulletin"
    save(example, p)
    data = p.read_bytes()
    p.write_bytes(data[: len(data) // 2])
    _expect_error(p)


def test_truncated_zip_keeping_the_directory(example, tmp_path):
    p = tmp_path / "t.bulletin"
    save(example, p)
    data = bytearray(p.read_bytes())
    data[200:4000] = b"\0" * 3800  # damage the compressed JSON but keep the central directory
    p.write_bytes(bytes(data))
    _expect_error(p)


def test_missing_json(tmp_path):
    p = tmp_path / "m.bulletin"
    _write_zip(p, {"images/readme.txt": b"x"})
    _expect_error(p, "bulletin.json is missing")


def test_malformed_json(tmp_path):
    p = tmp_path / "j.bulletin"
    _write_zip(p, {"bulletin.json": b'{"format": "bulletin-editor", '})
    _expect_error(p, "not valid JSON", "line 1")


def test_wrong_types_name_the_field(tmp_path):
    p = tmp_path / "w.bulletin"
    data = {"pages": [{"id": "p", "blocks": [{"type": "column", "id": "c", "headline": 42}]}]}
    _write_zip(p, {"bulletin.json": _payload(data)})
    err = _expect_error(p, "expected text", "a whole number")
    assert err.field == "bulletin.pages[0].blocks[0].headline"


def test_unknown_block_type(tmp_path):
    p = tmp_path / "b.bulletin"
    _write_zip(p, {"bulletin.json": _payload({"pages": [{"id": "p", "blocks": [{"type": "ad"}]}]})})
    _expect_error(p, "blocks[0].type", "'speech', 'column', 'picture'")


def test_newer_format_version_is_refused_by_number(tmp_path):
    p = tmp_path / "n.bulletin"
    _write_zip(p, {"bulletin.json": _payload(version=7)})
    _expect_error(p, "format version 7", "newer")


def test_absolute_and_parent_paths_are_refused(tmp_path):
    for bad in ("/etc/passwd", "../evil.png", "images/../../x"):
        p = tmp_path / "a.bulletin"
        _write_zip(p, {"bulletin.json": _payload(), bad: b"x"})
        _expect_error(p, "outside the project")


def test_zip_bomb_ratio_is_refused(tmp_path):
    p = tmp_path / "z.bulletin"
    _write_zip(p, {"bulletin.json": _payload(), "images/pad.bin": b"\0" * (20 * 1024 * 1024)})
    _expect_error(p, "zip bomb")


def test_more_than_500_mb_uncompressed_is_refused(tmp_path):
    p = tmp_path / "big.bulletin"
    _write_zip(p, {"bulletin.json": _payload()})
    # Patch the declared sizes in the central directory: nothing is decompressed to notice it.
    raw = bytearray(p.read_bytes())
    cd = raw.rfind(b"PK\x01\x02")
    raw[cd + 20: cd + 24] = (200_000_000).to_bytes(4, "little")  # compressed size
    raw[cd + 24: cd + 28] = (600_000_000).to_bytes(4, "little")  # uncompressed size
    p.write_bytes(bytes(raw))
    _expect_error(p, "500 MB")


def _with_portrait(tmp_path, image_bytes, name):
    p = tmp_path / "i.bulletin"
    data = {"pages": [{"id": "p", "blocks": [{"type": "column", "id": "c", "portrait": {"image": name}}]}]}
    _write_zip(p, {"bulletin.json": _payload(data), f"images/{name}": image_bytes}, compress=zipfile.ZIP_STORED)
    return p


def test_image_that_is_not_an_image(tmp_path):
    p = _with_portrait(tmp_path, b"this is text, not a photo" * 10, "abc.png")
    _expect_error(p, "images/abc.png", "not a readable image")


def test_image_over_100_megapixels(tmp_path):
    p = _with_portrait(tmp_path, _png((12000, 9000), mode="1"), "big.png")
    _expect_error(p, "images/big.png", "megapixels")


def test_missing_image(tmp_path):
    p = tmp_path / "m.bulletin"
    data = {"pages": [{"id": "p", "blocks": [{"type": "column", "id": "c", "portrait": {"image": "gone.png"}}]}]}
    _write_zip(p, {"bulletin.json": _payload(data)})
    _expect_error(p, "images/gone.png", "missing")


def test_duplicate_ids_are_refused(tmp_path):
    p = tmp_path / "d.bulletin"
    data = {"pages": [{"id": "p", "blocks": [{"type": "column", "id": "c"}, {"type": "column", "id": "c"}]}]}
    _write_zip(p, {"bulletin.json": _payload(data)})
    _expect_error(p, "duplicate id")


def test_version_1_sample_file_still_opens():
    b = load(FILES / "format-v1-sample.bulletin")
    assert b.pages[0].blocks[0].person.name == "薛振虎"


# ------------------------------------------------------------------- property: round trip

text = st.text(
    alphabet=st.one_of(
        st.characters(),  # lone surrogates and control characters included: a broken paste
        st.sampled_from(list("中文标点，。“”——……𠮷𠀀\u3000 \n\ud800\udfff\x00\x07\x1b")),
    ),
    max_size=60,
)
long_text = st.one_of(text, text, st.text(alphabet="工会职工，。", min_size=2000, max_size=3000))
paragraphs = st.lists(st.builds(d.Paragraph, text=long_text, lead=st.booleans()), max_size=4)
person = st.builds(d.Person, name=text, titles=st.lists(text, max_size=3))
crop = st.builds(
    d.Crop,
    x=st.floats(0, 0.5), y=st.floats(0, 0.5), w=st.floats(0.1, 0.5), h=st.floats(0.1, 0.5),
)
column = st.builds(
    d.ColumnBlock,
    region=text, organisation=text, headline=text, person=st.one_of(st.none(), person),
    paragraphs=paragraphs,
    kicker=text,
    tables=st.lists(st.builds(d.ColumnTable, rows=st.lists(st.builds(d.TableRow, cells=st.lists(text, max_size=3)),
                                                            min_size=1, max_size=3),
                              header_rows=st.integers(0, 1), after=st.integers(0, 5)), max_size=2),
    placement=st.builds(d.Placement, columns=st.one_of(st.none(), st.integers(1, 3)),  # a4 has 3
                        height_mm=st.one_of(st.none(), st.floats(10, 290))),  # a4 is 297 mm tall
)
section = st.builds(d.SpeechSection, label=text, heading=text, bullets=st.lists(text, max_size=3), paragraphs=paragraphs)
speech = st.builds(d.SpeechBlock, speaker=person, sections=st.lists(section, max_size=2), attribution=text)
page = st.builds(
    d.Page,
    label=text,
    banner=st.one_of(st.none(), st.builds(d.Banner, lines=st.lists(text, max_size=3))),
    headline=st.one_of(st.none(), st.builds(d.HeadlineGroup, kicker=text, title=text, subtitle=text)),
    blocks=st.lists(st.one_of(column, speech), max_size=4),
)
bulletins = st.builds(
    d.Bulletin,
    publication=text, issue_title=text, date=text, issue_number=text, edition=text,
    credits=st.builds(d.Credits, editor=text, art_editor=text, proofreader=text),
    page_setup=st.sampled_from(["broadsheet", "tabloid", "a3", "a4"]).map(d.PageSetup.from_preset),
    fonts=st.dictionaries(st.sampled_from(d.FONT_ROLES), text, max_size=3),
    pages=st.lists(page, max_size=3),
)


# a bulletin of several pages with 2,000-character paragraphs is large input by design
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.data_too_large])
@given(b=bulletins, with_portrait=st.booleans(), c=crop)
def test_load_of_save_is_identity(tmp_path, b, with_portrait, c):
    """Whatever text arrives, once cleaned (as every way into the model does) it saves, and
    what save writes, load accepts unchanged (one set of limits on both sides)."""
    clean_tree(b)
    if with_portrait:
        cols = [blk for _, blk in b.iter_blocks() if isinstance(blk, d.ColumnBlock)]
        if cols:
            cols[0].portrait = d.Portrait(image=b.images.add(_png()), crop=c)
    path = tmp_path / "p.bulletin"
    save(b, path)
    assert load(path) == b
    os.unlink(path)


def test_text_that_cannot_be_saved_is_refused_by_name_and_nothing_is_written(example, tmp_path):
    from model.serialize import ModelError

    pi, bi = next((pi, bi) for pi, p in enumerate(example.pages) for bi, b in enumerate(p.blocks)
                  if isinstance(b, d.ColumnBlock))
    example.pages[pi].blocks[bi].headline = "断\ud83d的字"
    path = tmp_path / "x.bulletin"
    with pytest.raises(ModelError) as err:
        save(example, path)
    assert f"pages[{pi}].blocks[{bi}].headline" in str(err.value) and "U+D83D" in str(err.value)
    assert os.listdir(tmp_path) == []


def test_loading_removes_lone_surrogates_and_controls_with_a_note(example, tmp_path):
    path = tmp_path / "x.bulletin"
    save(example, path)
    with zipfile.ZipFile(path) as zf:
        payload = json.loads(zf.read("bulletin.json"))
        images = {n: zf.read(n) for n in zf.namelist() if n.startswith("images/")}
    payload["bulletin"]["issue_title"] = "第\ud800一\x07期"
    _write_zip(path, {"bulletin.json": json.dumps(payload).encode(), **images})
    notes: list[str] = []
    b = load(path, notes)
    assert b.issue_title == "第一期"
    assert notes and "issue_title" in notes[0] and "U+D800" in notes[0] and "U+0007" in notes[0]
    save(b, path)  # and it saves again


def test_a_smaller_page_setup_never_makes_the_document_unsaveable(tmp_path):
    """Pins and portrait sizes set on a broadsheet stay valid when the page is made narrower,
    shorter or of fewer columns: the file saves and opens, and the layout fits them to the page."""
    from layout.document import lay_out_bulletin
    from layout.grid import make_grid
    from model.example import example_bulletin

    b = example_bulletin()
    block = b.pages[0].blocks[0]
    block.placement.columns = 6
    block.placement.height_mm = 400.0
    spec = b.page_setup.portrait
    spec.width_columns, spec.leader_width_columns, spec.width_mm = 3, 4, 150.0
    b.page_setup.fit.portrait_columns_max = 4
    b.page_setup.columns, b.page_setup.width_mm, b.page_setup.height_mm = 2, 148.0, 210.0
    path = tmp_path / "narrow.bulletin"
    save(b, path)
    again = load(path)
    assert again.pages[0].blocks[0].placement.columns == 6  # the user's pin is kept as it was
    doc = lay_out_bulletin(again)
    g = make_grid(again.page_setup)
    assert all(a.x + a.w <= g.left + g.width + 0.5 for p in doc.pages for a in p.areas)

"""What ``save`` writes, ``load`` opens — over extreme bulletins (issue 29, point 1).

Loading refused any entry over 1 MB that compressed more than 100× (the zip-bomb guard), and
saving did not know that rule: the same paragraph pasted thousands of times, 5 MB of one
punctuation mark or a long imported file saved fine and then could not be opened. Here a
seeded generator makes a few hundred bulletins — extreme repetition, the largest legal text,
list and page sizes, odd Unicode — and every one must save and load back equal, or be refused
by ``save`` itself with the field named and nothing written.
"""

from __future__ import annotations

import os
import random
import zipfile

import pytest

import model.document as d
from model.clean_text import clean_tree
from model.project_file import MAX_JSON_BYTES, ProjectFileError, load, save
from model.serialize import MAX_COLUMNS, MAX_PAGE_MM, MAX_TEXT, ModelError

_ALPHABETS = ("。", "，", "的", "工会", "职工之家", "a", " ", "𠀀", "😀", "\u3000", "—", "\t", "1")


def _text(rnd: random.Random, big: bool) -> str:
    """Short ordinary text, or (when ``big``) extreme repetition up to the largest legal field."""
    kind = rnd.randrange(6)
    if kind == 0:
        return ""
    if kind == 1 or not big:
        return "".join(rnd.choice(_ALPHABETS) for _ in range(rnd.randrange(1, 40)))
    unit = rnd.choice(_ALPHABETS + ("同一段话粘贴了几千次。" * 3,))
    n = rnd.choice((MAX_TEXT // len(unit), rnd.randrange(1, MAX_TEXT // len(unit) + 1), 300_000 // len(unit)))
    return (unit * n)[:MAX_TEXT]


def _page_setup(rnd: random.Random) -> d.PageSetup:
    ps = d.PageSetup.from_preset(rnd.choice(["broadsheet", "tabloid", "a3", "a4", "custom"]))
    if rnd.random() < 0.4:  # the edges of what validation allows
        ps.width_mm = rnd.choice((50.0, float(MAX_PAGE_MM), 123.456789))
        ps.height_mm = rnd.choice((50.0, float(MAX_PAGE_MM)))
        ps.columns = rnd.choice((1, MAX_COLUMNS))
        ps.body_size_pt = rnd.choice((5.0, 30.0))
        ps.leading_pt = rnd.choice((ps.body_size_pt, 60.0))
        ps.gutter_em = rnd.choice((0.0, 5.0))
        edge = min(ps.width_mm, ps.height_mm) / 3
        ps.margins = d.Margins(edge, 0.0, edge, 0.0)
    return ps


def _bulletin(seed: int) -> d.Bulletin:
    rnd = random.Random(seed)
    big = seed % 30 == 0  # one case in thirty carries megabytes of repetitive text
    b = d.Bulletin(publication=_text(rnd, big), issue_title=_text(rnd, False), date=_text(rnd, False),
                   page_setup=_page_setup(rnd), chars_target=rnd.choice((None, 1, 100_000)))
    for _ in range(rnd.randrange(0, 4)):
        page = d.Page(label=_text(rnd, False))
        if rnd.random() < 0.5:
            page.headline = d.HeadlineGroup(title=_text(rnd, big), subtitle=_text(rnd, False))
        if rnd.random() < 0.3:
            page.banner = d.Banner(lines=[_text(rnd, False) for _ in range(rnd.randrange(4))])
        for _ in range(rnd.randrange(0, 5)):
            if rnd.random() < 0.7:
                paras = [d.Paragraph(_text(rnd, big and rnd.random() < 0.2), rnd.random() < 0.5)
                         for _ in range(rnd.choice((0, 1, 5, 3000 if big else 20)))]
                block: d.Block = d.ColumnBlock(region=_text(rnd, False), headline=_text(rnd, False),
                                               person=d.Person(_text(rnd, False), [_text(rnd, False)]),
                                               paragraphs=paras)
            else:
                block = d.SpeechBlock(sections=[d.SpeechSection(label="2020", bullets=[_text(rnd, False)],
                                                                paragraphs=[d.Paragraph(_text(rnd, big))])])
            block.placement = d.Placement(columns=rnd.choice((None, 1, MAX_COLUMNS)),
                                          height_mm=rnd.choice((None, 0.001, float(MAX_PAGE_MM))),
                                          headline_scale=rnd.choice((0.5, 1.0, 2.0)))
            page.blocks.append(block)
        b.pages.append(page)
    clean_tree(b)  # as every way into the model does
    return b


@pytest.mark.parametrize("seed", range(300))
def test_every_saved_bulletin_opens_again(tmp_path, seed):
    b = _bulletin(seed)
    path = tmp_path / "x.bulletin"
    try:
        save(b, path)
    except ModelError as exc:  # refused by save, never by load: the field is named, nothing written
        assert exc.path and "Traceback" not in str(exc)
        assert not path.exists()
        return
    try:
        back = load(path)
    except ProjectFileError as exc:
        pytest.fail(f"seed {seed}: saved, then refused on opening: {exc}")
    assert back == b


def test_one_punctuation_mark_five_megabytes_saves_and_opens(tmp_path):
    """The case of the issue: 5 MB of "。" compresses about 900×; it was refused as a zip bomb."""
    b = d.Bulletin(pages=[d.Page(blocks=[d.ColumnBlock(paragraphs=[d.Paragraph("。" * MAX_TEXT)
                                                                   for _ in range(2)])])])
    path = tmp_path / "p.bulletin"
    save(b, path)
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("bulletin.json")
    assert info.file_size > 100 * info.compress_size  # the shape that was refused
    assert load(path) == b


def test_a_picture_entry_that_expands_like_a_bomb_is_still_refused(tmp_path):
    """The ratio guard stays for everything but the bounded-read text entry."""
    import json

    from model.project_file import FORMAT_NAME, FORMAT_VERSION

    path = tmp_path / "bomb.bulletin"
    payload = {"format": FORMAT_NAME, "format_version": FORMAT_VERSION, "bulletin": {"pages": []}}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("bulletin.json", json.dumps(payload))
        zf.writestr("images/x.png", b"\0" * (20 * 1024 * 1024))
    with pytest.raises(ProjectFileError, match="zip bomb"):
        load(path)


def test_save_refuses_first_what_load_would_refuse(tmp_path):
    """A field longer than a project may hold was written, then refused on opening."""
    b = d.Bulletin(pages=[d.Page(blocks=[d.ColumnBlock(paragraphs=[d.Paragraph("长" * (MAX_TEXT + 1))])])])
    path = tmp_path / "long.bulletin"
    with pytest.raises(ModelError) as err:
        save(b, path)
    assert "pages[0].blocks[0].paragraphs[0].text" in str(err.value)
    assert "would not open" in str(err.value)
    assert os.listdir(tmp_path) == []


def test_save_refuses_more_text_than_a_project_holds(tmp_path):
    paras = [d.Paragraph("工会" * (MAX_TEXT // 2)) for _ in range(MAX_JSON_BYTES // (3 * MAX_TEXT) + 2)]
    b = d.Bulletin(pages=[d.Page(blocks=[d.ColumnBlock(paragraphs=paras)])])
    path = tmp_path / "huge.bulletin"
    with pytest.raises(ModelError, match="at most 64 MB"):
        save(b, path)
    assert os.listdir(tmp_path) == []

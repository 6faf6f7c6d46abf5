"""An import refuses more than a bulletin can print, naming the numbers (issue 29, point 8),
and the quiet corners of the import and export commands (points 9 and 11)."""

from __future__ import annotations

import os

import pytest

import main
from importers import SubmissionError, import_files
from importers.budget import MAX_BLOCKS, MAX_CHARS, MAX_LINES
from importers.review import read_submission


def test_more_lines_than_a_bulletin_prints_are_refused_with_the_numbers(tmp_path):
    p = tmp_path / "lines.txt"
    p.write_text("王芳\n" * (MAX_LINES + 10), encoding="utf-8")
    with pytest.raises(SubmissionError) as err:
        read_submission(p)
    assert f"{MAX_LINES + 11:,} lines" in str(err.value) and f"{MAX_LINES:,}" in str(err.value)


def test_more_characters_than_a_bulletin_prints_are_refused(tmp_path):
    p = tmp_path / "long.txt"
    p.write_text(("职工之家建设稳步推进。" * 400 + "\n\n") * 80, encoding="utf-8")  # 352,000 characters
    with pytest.raises(SubmissionError, match=r"352,000 characters.*at most 300,000"):
        read_submission(p)
    assert MAX_CHARS == 300_000


def _columns(n: int) -> str:
    return "".join(f"标题{i}\n\n王芳\n市总工会主席\n\n2020年，工会开展活动。\n\n" for i in range(n))


def test_more_blocks_than_a_bulletin_prints_are_refused_also_across_files(tmp_path):
    half = MAX_BLOCKS // 2 + 10
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(_columns(half), encoding="utf-8")
    b.write_text(_columns(half), encoding="utf-8")
    import_files([a])  # one half is fine
    with pytest.raises(SubmissionError, match=rf"{2 * half:,} blocks.*at most {MAX_BLOCKS}"):
        import_files([a, b])


def test_import_refuses_to_overwrite_its_own_submission(tmp_path, capsys):
    p = tmp_path / "s.txt"
    text = "当好排头兵\n\n王芳\n市总工会主席\n\n2020年，工会开展活动。\n"
    p.write_text(text, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(p)
    for out in (p, link):
        assert main.main(["import", str(p), "-o", str(out)]) == 2
        assert "is both a submission and the bulletin" in capsys.readouterr().err
        assert p.read_text(encoding="utf-8") == text


def test_a_submission_of_only_white_space_is_reported_not_written(tmp_path, capsys):
    p = tmp_path / "blank.txt"
    p.write_text("  \n\n\t\n\u3000\n", encoding="utf-8")
    out = tmp_path / "out.bulletin"
    assert main.main(["import", str(p), "-o", str(out)]) == 2
    assert "no text to import" in capsys.readouterr().err
    assert not out.exists()


def test_exporting_an_empty_bulletin_never_says_no_problems(tmp_path, capsys):
    from model.document import Bulletin
    from model.project_file import save

    project = tmp_path / "empty.bulletin"
    save(Bulletin(), project)
    status = main.main(["export", str(project), "--pdf", str(tmp_path / "e.pdf"), "--docx", str(tmp_path / "e.docx")])
    captured = capsys.readouterr()
    assert status == 1
    assert "no problems" not in captured.out and "has no pages" in captured.out


def test_split_with_a_long_page_label_writes_every_page_under_a_legal_name(tmp_path, capsys):
    from model.document import Bulletin, Page
    from model.project_file import save

    project = tmp_path / "long.bulletin"
    save(Bulletin(pages=[Page(label="专" * 90), Page(label="版" * 90)]), project)
    out = tmp_path / ("会刊" * 20 + ".pdf")
    status = main.main(["export", str(project), "--pdf", str(out), "--split", "--allow-overset"])
    captured = capsys.readouterr()
    assert "cannot write" not in captured.err, captured.err
    written = sorted(p for p in os.listdir(tmp_path) if p.endswith(".pdf"))
    assert len(written) == 2 and all(len(n.encode()) <= 255 for n in written), written
    assert status in (0, 1)


def test_a_picture_that_is_not_one_is_named_in_plain_words():
    from model.images import ImageError, inspect_image

    with pytest.raises(ImageError) as err:
        inspect_image(b"junk" * 50, "portrait.png")
    assert "BytesIO" not in str(err.value) and "0x" not in str(err.value)
    assert "not a readable image" in str(err.value)


def test_the_docx_export_names_a_broken_picture_in_plain_words():
    from exporters.docx_images import PortraitError, prepare_portrait
    from model.document import Crop

    with pytest.raises(PortraitError) as err:
        prepare_portrait(b"junk" * 50, Crop(), 1.0)
    assert "BytesIO" not in str(err.value) and "0x" not in str(err.value)

"""Importing files: encodings, Word documents with pictures and bold leads, broken input, the CLI."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from PIL import Image

from importers import SubmissionError, import_file, import_files
from model.document import ColumnBlock
from tests.conftest import FILES, SEED

ROOT = Path(__file__).resolve().parent.parent
IMPORT = FILES / "import"


def png(size=(300, 400), colour=(180, 180, 180)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "PNG")
    return buf.getvalue()


def make_docx(path: Path, *, picture: bytes | None = None, picture_in_table: bool = False) -> Path:
    """A city submission as offices send it: heading style, photo, caption, bold leads."""
    d = docx.Document()
    d.add_paragraph("当好全省工会排头兵", style="Heading 1")
    if picture_in_table:
        cell_pic, cell_caption = d.add_table(rows=1, cols=2).rows[0].cells
        cell_pic.paragraphs[0].add_run().add_picture(io.BytesIO(picture or png()))
        cell_caption.paragraphs[0].text = "薛振虎"
        cell_caption.add_paragraph("西安市人大常委会副主任")
        cell_caption.add_paragraph("市总工会主席")
    else:
        if picture is not None:
            d.add_paragraph().add_run().add_picture(io.BytesIO(picture))
        d.add_paragraph("薛振虎")
        d.add_paragraph("西安市人大常委会副主任")
        d.add_paragraph("市总工会主席")
    d.add_paragraph("2020年，西安市总工会贯彻落实“五个扎实”“五项要求”，当好全省工会排头兵。")
    p = d.add_paragraph()
    p.add_run("政治引领更加有力。").bold = True
    p.add_run("第一时间研究制定贯彻落实措施，推动思想进基层。")
    d.add_paragraph("建功立业更加凸显。这一段的开头没有加粗，所以不是引句。")
    d.save(str(path))
    return path


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


# ------------------------------------------------------------------------------- text files


@pytest.mark.parametrize("name", ["xian-gbk.txt", "xian-utf8.txt"])
def test_gbk_and_utf8_text_read_the_same(name):
    b, _ = import_file(IMPORT / name)
    col = b.pages[0].blocks[0]
    assert (col.region, col.headline, col.person.name) == ("西安", "当好全省工会排头兵", "薛振虎")
    assert col.paragraphs[1].lead and col.paragraphs[1].text.startswith("政治引领更加有力。")


def test_mixed_encodings_are_refused_with_line_numbers():
    with pytest.raises(SubmissionError) as e:
        import_file(IMPORT / "mixed-encoding.txt")
    assert "mixed encodings" in str(e.value) and "UTF-8" in str(e.value) and "GB" in str(e.value)


def test_binary_junk_is_refused():
    with pytest.raises(SubmissionError, match="binary|not text|neither"):
        import_file(IMPORT / "junk.txt")


def test_utf16_with_bom_is_read(tmp_path):
    f = tmp_path / "u16.txt"
    f.write_bytes("标题\n\n张静\n咸阳市总工会党组书记\n\n正文。".encode("utf-16"))
    b, _ = import_file(f)
    assert b.pages[0].blocks[0].person.name == "张静"


def test_unsupported_and_missing_files(tmp_path):
    with pytest.raises(SubmissionError, match="no such file"):
        import_file(tmp_path / "nope.txt")
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(SubmissionError, match="unsupported"):
        import_file(tmp_path / "a.pdf")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0junk")
    with pytest.raises(SubmissionError, match=r"\.doc"):
        import_file(tmp_path / "old.doc")


# ------------------------------------------------------------------------------- Word files


def test_docx_picture_near_the_name_becomes_the_portrait(tmp_path):
    b, report = import_file(make_docx(tmp_path / "xian.docx", picture=png()))
    col = b.pages[0].blocks[0]
    assert isinstance(col, ColumnBlock)
    assert col.headline == "当好全省工会排头兵" and col.person.titles == ["西安市人大常委会副主任", "市总工会主席"]
    assert col.portrait is not None and col.portrait.image in b.images
    assert Image.open(io.BytesIO(b.images.get(col.portrait.image))).size == (300, 400)
    assert report.images == 1


@pytest.mark.parametrize("size", [(400, 300), (300, 600), (300, 400)])
def test_an_imported_portrait_is_cropped_to_the_frame_so_layout_trims_nothing(tmp_path, size):
    """A landscape or a tall photo arrives cropped to the bulletin's 3:4 frame (centred, nearer
    the top): the crop dialog shows what prints, and the layout prints exactly that crop."""
    from layout.document import lay_out_bulletin
    from layout.types import Picture

    b, _ = import_file(make_docx(tmp_path / "xian.docx", picture=png(size)))
    col = b.pages[0].blocks[0]
    c = col.portrait.crop
    assert (c.w * size[0]) / (c.h * size[1]) == pytest.approx(3 / 4)
    assert c.y <= (1 - c.h) / 2 + 1e-9  # faces are near the top: never trimmed more above than below
    pic = next(i for p in lay_out_bulletin(b).pages for i in p.items if isinstance(i, Picture) and i.block_id == col.id)
    assert pic.crop == pytest.approx((c.x, c.y, c.w, c.h))


def test_docx_picture_in_a_table_beside_the_caption(tmp_path):
    b, _ = import_file(make_docx(tmp_path / "t.docx", picture=png(), picture_in_table=True))
    col = b.pages[0].blocks[0]
    assert col.person.name == "薛振虎" and col.portrait is not None


def test_docx_bold_run_is_the_lead(tmp_path):
    b, _ = import_file(make_docx(tmp_path / "xian.docx"))
    assert [p.lead for p in b.pages[0].blocks[0].paragraphs] == [False, True, False]


def test_docx_non_image_picture_is_a_clear_error(tmp_path):
    good = make_docx(tmp_path / "good.docx", picture=png())
    bad = tmp_path / "bad.docx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bad, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("word/media/"):
                data = b"this is not a picture at all"
            zout.writestr(item, data)
    with pytest.raises(SubmissionError, match="not a readable image"):
        import_file(bad)


def test_docx_huge_image_is_refused(tmp_path):
    buf = io.BytesIO()
    Image.new("1", (12000, 10000)).save(buf, "PNG")  # 120 megapixels, a few kB on disk
    with pytest.raises(SubmissionError, match="megapixels"):
        import_file(make_docx(tmp_path / "huge.docx", picture=buf.getvalue()))


def test_docx_not_a_zip_missing_parts_and_broken_xml(tmp_path):
    with pytest.raises(SubmissionError, match="not a zip"):
        import_file(IMPORT / "not-a-zip.docx")
    missing = tmp_path / "missing.docx"
    with zipfile.ZipFile(missing, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(SubmissionError, match="word/document.xml is missing"):
        import_file(missing)
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(make_docx(tmp_path / "ok.docx")) as zin, zipfile.ZipFile(broken, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            zout.writestr(item, data[: len(data) // 2] if item.filename == "word/document.xml" else data)
    with pytest.raises(SubmissionError, match="damaged"):
        import_file(broken)


def test_docx_zip_bomb_is_refused(tmp_path):
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(make_docx(tmp_path / "ok.docx")) as zin, \
            zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item.filename, zin.read(item.filename))
        zout.writestr("word/media/zeros.bin", b"\0" * (40 * 1024 * 1024))
    with pytest.raises(SubmissionError, match="zip bomb"):
        import_file(bomb)


def test_several_submissions_into_an_existing_bulletin(tmp_path, example):
    before = sum(len(p.blocks) for p in example.pages)
    b, report = import_files([make_docx(tmp_path / "x.docx", picture=png()), IMPORT / "xian-gbk.txt"], into=example)
    assert b is example and len(b.pages) == 2
    assert sum(len(p.blocks) for p in b.pages) == before + 2
    new = b.pages[-1].blocks[-2]
    assert new.person.name == "薛振虎" and new.portrait.image in b.images


def test_a_bad_file_among_good_ones_changes_nothing(tmp_path, example):
    before = sum(len(p.blocks) for p in example.pages)
    with pytest.raises(SubmissionError):
        import_files([IMPORT / "xian-gbk.txt", IMPORT / "junk.txt"], into=example)
    assert sum(len(p.blocks) for p in example.pages) == before


# ------------------------------------------------------------------------------- command line


def test_cli_imports_the_seed_and_prints_the_report(tmp_path):
    out = tmp_path / "seed.bulletin"
    r = run_cli("import", str(SEED), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert "10 column(s)" in r.stdout and "2 speech section(s)" in r.stdout
    assert "middle of a paragraph" in r.stdout
    info = run_cli("info", str(out))
    assert info.stdout.count("  column ") == 10 and "郭大为" in info.stdout


def test_cli_into_keeps_the_existing_file_and_adds_a_column(tmp_path):
    base = tmp_path / "base.bulletin"
    assert run_cli("example", "-o", str(base)).returncode == 0
    before = base.read_bytes()
    out = tmp_path / "more.bulletin"
    r = run_cli("import", str(make_docx(tmp_path / "x.docx", picture=png())), "--into", str(base), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert base.read_bytes() == before
    info = run_cli("info", str(out))
    assert info.stdout.count("  column ") == 11 and "images: 10" in info.stdout


@pytest.mark.parametrize("name", ["junk.txt", "mixed-encoding.txt", "not-a-zip.docx"])
def test_cli_bad_submission_exit_2_and_nothing_written(tmp_path, name):
    out = tmp_path / "out.bulletin"
    r = run_cli("import", str(IMPORT / "xian-utf8.txt"), str(IMPORT / name), "-o", str(out))
    assert r.returncode == 2
    assert name in r.stderr and "nothing was written" in r.stderr and "Traceback" not in r.stderr
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_cli_bad_into_file(tmp_path):
    bad = tmp_path / "bad.bulletin"
    bad.write_bytes(b"not a zip")
    r = run_cli("import", str(IMPORT / "xian-utf8.txt"), "--into", str(bad), "-o", str(tmp_path / "o.bulletin"))
    assert r.returncode == 2 and "bad.bulletin" in r.stderr and not (tmp_path / "o.bulletin").exists()


def test_seed_as_word_document_and_as_gbk_text_imports_as_the_example(tmp_path):
    from model.example import example_bulletin
    from tests.test_import import _outline

    seed = SEED.read_text(encoding="utf-8")
    d = docx.Document()
    for line in seed.splitlines():
        if line.strip():
            d.add_paragraph(line)
    d.save(str(tmp_path / "seed.docx"))
    (tmp_path / "seed-gbk.txt").write_bytes(seed.replace("\n", "\r\n").encode("gb18030"))
    want = _outline(example_bulletin())
    for name in ("seed.docx", "seed-gbk.txt"):
        b, _ = import_file(tmp_path / name)
        assert _outline(b) == want, name


def test_seed_without_blank_lines_imports_as_the_example():
    from importers import import_text
    from model.example import example_bulletin
    from tests.test_import import _outline

    text = "\n".join(line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip())
    assert _outline(import_text(text)[0]) == _outline(example_bulletin())

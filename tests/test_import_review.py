"""Submissions read for review: roles per line, the user's corrections, several pictures,
tables, photo captions in Word, and .doc/.rtf through LibreOffice."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import docx
import pytest

from importers import SubmissionError, import_file
from importers.convert import soffice
from importers.review import read_submission, submission_from_text
from model.document import ColumnBlock
from tests.test_import_files import png

TEXT = ("当好排头兵\n\n某某县总工会\n\n王　芳\n县总工会主席\n\n"
        "2020年，某某县总工会团结动员广大职工。\n\n政治引领更加有力。深入开展学习。\n")


def test_roles_per_line():
    result = submission_from_text(TEXT, "a.txt").assemble()
    got = [r for r in result.roles if r != "blank"]
    assert got == ["headline", "unit", "name", "title", "body", "body"]
    col = result.bulletin.pages[0].blocks[0]
    assert (col.headline, col.organisation, col.person.name) == ("当好排头兵", "某某县总工会", "王　芳")


def test_forcing_a_role_reassembles():
    sub = submission_from_text("奋进新征程\n\n工作总结\n\n2020年，榆林市总工会团结动员职工。\n", "b.txt")
    first = sub.assemble()
    # one submission is one column: the line above its headline is its kicker (引题), never a 版头
    assert first.roles[:3] == ["kicker", "blank", "headline"] and first.bulletin.pages[0].banner is None
    assert first.bulletin.pages[0].blocks[0].kicker == "奋进新征程"
    sub.overrides[2] = "name"  # the user: this line is a name (no title under it)
    forced = sub.assemble()
    assert forced.roles[2] == "name"
    col = forced.bulletin.pages[0].blocks[0]
    assert col.headline == "奋进新征程" and col.person.name == "工作总结" and forced.bulletin.pages[0].banner is None
    sub.overrides = {2: "body"}
    body = sub.assemble()
    assert body.roles[:3] == ["headline", "blank", "body"]
    assert body.bulletin.pages[0].blocks[0].paragraphs[0].text == "工作总结"
    sub.overrides = {0: "wizard"}
    with pytest.raises(ValueError):
        sub.assemble()


def test_forced_title_and_unit_join_the_person_above():
    sub = submission_from_text("标题\n\n王芳\n市总工会主席\n兼职\n神木工会\n\n正文内容。\n")
    sub.overrides = {4: "title", 5: "unit"}
    col = sub.assemble().bulletin.pages[0].blocks[0]
    assert col.person.titles == ["市总工会主席", "兼职"] and col.organisation == "神木工会"


def _docx_with_pictures(path: Path, *, table: bool = False, caption: str = "") -> Path:
    d = docx.Document()
    d.add_paragraph("当好全省工会排头兵", style="Heading 1")
    d.add_paragraph().add_run().add_picture(io.BytesIO(png((300, 400), (200, 10, 10))))
    if caption:
        d.add_paragraph(caption)
    d.add_paragraph("薛振虎")
    d.add_paragraph("西安市总工会主席")
    d.add_paragraph("2020年，西安市总工会团结动员广大职工建功立业。")
    d.add_paragraph().add_run().add_picture(io.BytesIO(png((400, 300), (10, 10, 200))))
    d.add_paragraph("图为职工书屋")
    if table:
        t = d.add_table(rows=2, cols=2)
        for r, row in enumerate(t.rows):
            for c, cell in enumerate(row.cells):
                cell.text = f"第{r + 1}行第{c + 1}列数据。"
    d.add_paragraph("政治引领更加有力。深入开展学习。")
    d.save(str(path))
    return path


def test_several_pictures_and_choosing_the_portrait(tmp_path):
    sub = read_submission(_docx_with_pictures(tmp_path / "x.docx"))
    pics = sub.pictures()
    assert len(pics) == 2
    first = sub.assemble()
    col = first.bulletin.pages[0].blocks[0]
    assert isinstance(col, ColumnBlock) and col.portrait is not None
    from PIL import Image

    def size(b, c):
        return Image.open(io.BytesIO(b.images.get(c.portrait.image))).size

    assert size(first.bulletin, col) == (300, 400)
    assert "picture" in first.roles and "caption" in first.roles
    sub.portrait = pics[1][:2]
    chosen = sub.assemble()
    assert size(chosen.bulletin, chosen.bulletin.pages[0].blocks[0]) == (400, 300)
    assert any("chosen as the portrait" in i.message for i in chosen.report.items)
    assert any("first taken as the portrait is set as a news photo" in i.message for i in chosen.report.items)
    assert not any("not near any name" in i.message for i in chosen.report.items)
    # both pictures are printed: the chosen one as the portrait, the other as the news photo
    ccol = chosen.bulletin.pages[0].blocks[0]
    assert len(ccol.photos) == 1 and ccol.photos[0].picture.image != ccol.portrait.image


def test_docx_caption_and_table_are_kept_and_reported(tmp_path):
    b, report = import_file(_docx_with_pictures(tmp_path / "t.docx", table=True, caption="（本报记者 李明 摄）"))
    col = b.pages[0].blocks[0]
    assert col.person.name == "薛振虎" and col.headline == "当好全省工会排头兵"
    # a 2 × 2 Word table without pictures is a table in the column, not paragraphs
    assert [r.cells for r in col.tables[0].rows] == [["第1行第1列数据。", "第1行第2列数据。"],
                                                     ["第2行第1列数据。", "第2行第2列数据。"]]
    assert not any("第1行第1列" in p.text for p in col.paragraphs)
    assert any("table of 2 row(s) × 2 column(s)" in i.message for i in report.items)
    # the activity photo is printed with its caption; the credit line is the portrait's caption
    assert [p.caption for p in col.photos] == ["图为职工书屋"]
    assert [r.text for r in report.set_aside] == ["（本报记者 李明 摄）"]  # the portrait's credit
    assert report.files[0].tables_read == report.files[0].tables_placed == 1
    assert report.files[0].pictures_read == report.files[0].pictures_placed == 2


def test_unsupported_and_fake_old_formats(tmp_path):
    (tmp_path / "a.rtf").write_bytes(b"not rtf at all")
    with pytest.raises(SubmissionError, match=r"not a \.rtf file"):
        read_submission(tmp_path / "a.rtf")
    (tmp_path / "a.xyz").write_text("x")
    with pytest.raises(SubmissionError, match="unsupported file type"):
        read_submission(tmp_path / "a.xyz")


def test_missing_libreoffice_is_a_clear_message(tmp_path, monkeypatch):
    import importers.convert as convert

    monkeypatch.setattr(convert, "soffice", lambda: None)
    p = tmp_path / "old.doc"
    p.write_bytes(convert.OLE + b"\0" * 600)
    with pytest.raises(SubmissionError, match="LibreOffice, which is not installed"):
        read_submission(p)


@pytest.mark.parametrize("fmt", ["doc", "rtf"])
def test_doc_and_rtf_through_libreoffice(tmp_path, fmt):
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) not installed")
    src = _docx_with_pictures(tmp_path / "src.docx")
    out = tmp_path / "out"
    out.mkdir()
    profile = (tmp_path / "profile").as_uri()
    subprocess.run([soffice(), f"-env:UserInstallation={profile}", "--headless", "--convert-to", fmt,
                    "--outdir", str(out), str(src)], check=True, capture_output=True, timeout=180)
    b, report = import_file(out / f"src.{fmt}")
    col = b.pages[0].blocks[0]
    assert col.headline == "当好全省工会排头兵" and col.person.name == "薛振虎"
    assert col.person.titles == ["西安市总工会主席"] and col.portrait is not None
    assert any("converted from" in w.message for w in report.warnings)


def test_every_report_message_has_a_chinese_rendering(tmp_path):
    """The editor shows the report in Chinese: every message the rules produce has a shape."""
    from importers import import_text
    from importers.messages_zh import error_in_language, to_chinese
    from tests.conftest import FILES, SEED
    from tests.test_import_recognition import BODY

    reports = [import_text(SEED.read_text(encoding="utf-8"))[1]]
    texts = ["这是一段没有标题也没有署名的文字。", "市总工会主席\n\n2020年，西安市总工会贯彻落实。",
             "◎要点\n\n正文。", "（郭大为在会上的讲话摘编）\n\n（李四在会上的讲话摘编）",
             "当好排头兵\n\n王芳\n市总工会主席\n\n图为王芳在企业调研\n\n" + BODY.format(r="榆林"),
             "2020年，安康市总工会扎实开展行动。\n\n曹海芹\n宝鸡市人大常委会副主任\n市总工会主席\n\n"
             "2020年，宝鸡市总工会精心打造了史馆。\n", "标题一\n标题二\n标题三\n\n正文。"]
    reports += [import_text(t)[1] for t in texts]
    sub = read_submission(_docx_with_pictures(tmp_path / "t.docx", table=True))
    sub.portrait = sub.pictures()[1][:2]
    reports.append(sub.assemble().report)
    messages = {i.message for r in reports for i in r.items}
    assert len(messages) >= 12
    missing = [m for m in messages if to_chinese(m) is None]
    assert missing == []
    problems = []
    for name in ("junk.txt", "mixed-encoding.txt", "not-a-zip.docx"):
        with pytest.raises(SubmissionError) as exc:
            read_submission(FILES / "import" / name)
        problems.append(exc.value.problem)
    for bad in ("a.rtf", "a.xyz", "missing.txt"):
        if bad != "missing.txt":
            (tmp_path / bad).write_bytes(b"junk")
        with pytest.raises(SubmissionError) as exc:
            read_submission(tmp_path / bad)
        problems.append(exc.value.problem)
    assert [p for p in problems if to_chinese(p) is None] == []
    assert error_in_language("a.docx", "no such file", "zh_CN") == "a.docx：文件不存在"
    assert error_in_language("a.docx", "no such file", "en") == "a.docx: no such file"

"""Issue 25: the review dialog shows each file's result per submission — lines with their roles,
photos with their role and caption, the table — and a wrong split is merged, a line set aside,
each with one click."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from gui.import_dialog import ImportDialog
from importers.review import read_submission
from model.document import ColumnBlock
from model.texts import iter_texts
from tests.submissions import CITIES, TABLE, write_combined, write_submission

pytest_plugins = ("tests.test_gui_helpers",)


def _tree(d: ImportDialog) -> list[tuple[str, list[str]]]:
    out = []
    for i in range(d.summary.topLevelItemCount()):
        top = d.summary.topLevelItem(i)
        kids = []
        for k in range(top.childCount()):
            c = top.child(k)
            kids.append(f"{c.text(0)}={c.text(1)}")
            kids += [f"  {c.child(j).text(1)}" for j in range(c.childCount())]
        out.append((top.text(0), kids))
    return out


def _columns(bulletin) -> list[ColumnBlock]:
    return [b for _, b in bulletin.iter_blocks() if isinstance(b, ColumnBlock)]


def test_per_file_view_merge_and_set_aside(qtbot, tmp_path, gui_env):
    single, exp = write_submission(tmp_path, 4, "titles_then_photo_midtext")
    tabled, texp = write_submission(tmp_path, 7, "table_end", ".txt")
    combined, cexps = write_combined(tmp_path, [1, 2], ["plain", "kicker_unit"])
    d = ImportDialog([read_submission(p) for p in (single, tabled, combined)])
    qtbot.addWidget(d)
    d.show()

    # per file: one entry per submission, each line's role, photos with role and caption
    d.files.setCurrentRow(0)
    tree = _tree(d)
    columns = [t for t in tree if t[0].startswith("栏目")]
    assert len(columns) == 1
    kids = columns[0][1]
    assert f"姓名={exp.name}" in kids and f"栏目标题={exp.headline}" in kids
    assert any(k.startswith("新闻图片=") and exp.photo_captions[0] in k for k in kids)
    pictures = [d.pictures.item(i).text() for i in range(d.pictures.count())]
    assert len(pictures) == 2 and "（肖像）" in pictures[0] and "（新闻图片）" in pictures[1]
    roles = {d.lines.item(r, 1).text(): d.lines.cellWidget(r, 2).currentText() for r in range(d.lines.rowCount())}
    assert roles[exp.photo_captions[0]] == "自动：图注" and roles[exp.name] == "自动：姓名"

    # the table is shown in its column, and its lines as 表格
    d.files.setCurrentRow(1)
    kids = [t for t in _tree(d) if t[0].startswith("栏目")][0][1]
    assert "表格=4 行 × 2 列" in kids and "  " + " | ".join(TABLE[1]) in kids
    roles = [d.lines.cellWidget(r, 2).currentText() for r in range(d.lines.rowCount())]
    assert roles.count("自动：表格") == len(TABLE)

    # a combined file read as two columns; the user says it is one: one click
    d.files.setCurrentRow(2)
    tops = [d.summary.topLevelItem(i) for i in range(d.summary.topLevelItemCount())]
    second = [t for t in tops if t.text(0).startswith("栏目")][1]
    merge = d.summary.itemWidget(second, 1)
    assert isinstance(merge, QPushButton) and merge.text() == "并入上一栏"
    qtbot.mouseClick(merge, Qt.MouseButton.LeftButton)
    cols = _columns(d.result(2).bulletin)
    assert len(cols) == 1 and cols[0].person.name == cexps[0].name
    assert [p.text for p in cols[0].paragraphs] == cexps[0].paragraphs + cexps[1].paragraphs
    assert len([t for t in _tree(d) if t[0].startswith("栏目")]) == 1
    # the second contribution's own headline and name have no place in one column: set aside, named
    assert {i.text for i in d.result(2).report.set_aside} == {
        cexps[1].headline, f"{cexps[1].name} {CITIES[2]}市总工会党组书记、主席"}

    # a line set aside: one click; not printed, kept in the report with file and line
    d.files.setCurrentRow(0)
    body = exp.paragraphs[-1]
    row = next(r for r in range(d.lines.rowCount()) if d.lines.item(r, 1).text() == body)
    button = d.lines.cellWidget(row, 3)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    res = d.result(0)
    assert res.roles[d.lines.item(row, 0).data(Qt.ItemDataRole.UserRole)] == "set_aside"
    assert body not in {ref.text for ref in iter_texts(res.bulletin)}
    assert [(i.source, i.text) for i in res.report.set_aside] == [(single.name, body)]
    assert d.lines.cellWidget(row, 3).text() == "恢复"
    # shown inside its column, with its line number
    (column,) = [t for t in _tree(d) if t[0].startswith("栏目")]
    line_no = d.submissions[0].lines[d.lines.item(row, 0).data(Qt.ItemDataRole.UserRole)].number
    assert f"搁置 第 {line_no} 行={body}" in column[1]
    bulletin, report = d.result_bulletin()
    assert len(_columns(bulletin)) == 3
    assert [i.text for i in report.set_aside if i.source == single.name] == [body]
    # and back with one more click
    qtbot.mouseClick(d.lines.cellWidget(row, 3), Qt.MouseButton.LeftButton)
    assert body in {ref.text for ref in iter_texts(d.result(0).bulletin)}

    shots = os.environ.get("BULLETIN_SHOTS")
    if shots:  # the picture for the closing note: a file with photos, a table, a line set aside
        full, fexp = write_submission(tmp_path, 10, "everything")
        d.add_paths([str(full)])
        d.files.setCurrentRow(d.files.count() - 1)
        row = next(r for r in range(d.lines.rowCount()) if d.lines.item(r, 1).text() == fexp.paragraphs[1])
        qtbot.mouseClick(d.lines.cellWidget(row, 3), Qt.MouseButton.LeftButton)
        d.resize(1400, 800)
        qtbot.wait(50)
        d.grab().save(os.path.join(shots, "review-dialog.png"))

"""Issue 25: a column's table is edited in its form — cells, rows — each edit one undo step;
a news photo's caption is edited there too."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from model.document import ColumnPhoto, ColumnTable, Portrait, TableRow
from tests.test_gui_helpers import first_column

pytest_plugins = ("tests.test_gui_helpers",)


def test_table_cells_and_rows_are_edited_one_undo_step_each(make_window, qtbot):
    from model.example import example_bulletin

    b = example_bulletin()
    col = first_column(b)
    col.tables.append(ColumnTable([TableRow(["项目", "数量"]), TableRow(["职工书屋", "36个"])], after=1))
    col.photos.append(ColumnPhoto(Portrait(), "图为技能大赛", after=0))
    w = make_window(b)
    w.select(col.id)
    form = w.form
    editor = form.inserts.editors[0]
    grid = editor.grid
    assert grid.rowCount() == 2 and grid.item(1, 1).text() == "36个"
    steps = w.doc.undo_stack.count()

    grid.item(1, 1).setText("38个")  # as the user's edit commits it
    assert col.tables[0].rows[1].cells == ["职工书屋", "38个"]
    assert w.doc.undo_stack.count() == steps + 1

    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert len(col.tables[0].rows) == 3 and w.doc.undo_stack.count() == steps + 2
    editor = form.inserts.editors[0]  # rebuilt for the new shape
    assert editor.grid.rowCount() == 3
    editor.grid.item(2, 0).setText("帮扶资金")
    assert col.tables[0].rows[2].cells == ["帮扶资金", ""]

    editor.grid.setCurrentCell(0, 0)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert [r.cells[0] for r in col.tables[0].rows] == ["职工书屋", "帮扶资金"]

    w.act_undo.trigger()  # the removed row is back, in one step
    assert [r.cells[0] for r in col.tables[0].rows] == ["项目", "职工书屋", "帮扶资金"]
    assert form.inserts.editors[0].grid.item(0, 0).text() == "项目"
    w.act_undo.trigger()
    w.act_undo.trigger()
    w.act_undo.trigger()
    assert [r.cells for r in col.tables[0].rows] == [["项目", "数量"], ["职工书屋", "36个"]]

    caption = form.inserts.captions[0]
    caption.setText("图为全市职工技能大赛")
    caption.editingFinished.emit()
    assert col.photos[0].caption == "图为全市职工技能大赛"
    w.act_undo.trigger()
    assert col.photos[0].caption == "图为技能大赛" and form.inserts.captions[0].text() == "图为技能大赛"

    qtbot.mouseClick(form.inserts.add_table_button, Qt.MouseButton.LeftButton)
    assert len(col.tables) == 2 and len(form.inserts.editors) == 2


def test_a_news_photo_moves_beside_the_column_as_a_picture_block_in_one_step(make_window, qtbot):
    from model.document import PictureBlock
    from model.example import example_bulletin

    b = example_bulletin()
    col = first_column(b)
    photo = ColumnPhoto(Portrait(), "图为技能大赛", after=1)
    col.photos.append(photo)
    page = next(p for p in b.pages if col in p.blocks)
    w = make_window(b)
    w.select(col.id)
    steps = w.doc.undo_stack.count()
    qtbot.mouseClick(w.form.findChild(QPushButton, "photoBeside0"), Qt.MouseButton.LeftButton)
    at = page.blocks.index(col)
    assert col.photos == [] and isinstance(page.blocks[at + 1], PictureBlock)
    assert page.blocks[at + 1].caption == "图为技能大赛" and page.blocks[at + 1].picture is photo.picture
    assert w.doc.undo_stack.count() == steps + 1
    w.act_undo.trigger()
    assert col.photos == [photo] and not isinstance(page.blocks[at + 1], PictureBlock)

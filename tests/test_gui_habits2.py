"""Issue 14, part two: wheel, clipboard, print, thumbnails, problems panel, status bar, small screens."""

from __future__ import annotations

import pdfplumber
import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
)

from gui import export as export_module
from gui import structure
from gui.layout_runner import LayoutResult
from gui.outline import BULLETIN_ID, SETUP_ID
from gui.problems import ProblemsPanel
from gui.templates import new_bulletin
from layout.document import lay_out_bulletin
from layout.types import LaidOutDocument, Problem
from model.document import ColumnBlock, Paragraph
from tests.test_gui_helpers import first_column, wait_layout

pytest_plugins = ("tests.test_gui_helpers",)  # its fixtures: gui_env, make_window


# ============================================================================ the mouse wheel
def _wheel(widget, dy: int = -120) -> None:
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(pos, widget.mapToGlobal(pos), QPoint(0, 0), QPoint(0, dy), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_wheel_scrolls_the_form_and_leaves_unfocused_fields_alone(make_window, qtbot):
    w = make_window()
    w.resize(1024, 700)
    w.select(SETUP_ID)
    qtbot.wait(20)
    bar = w.form_scroll.verticalScrollBar()
    assert bar.maximum() > 0  # the page-setup form is longer than the panel
    combos = [c for c in w.form.findChildren(QComboBox) if c.isVisible() and c.count() > 2]
    spins = [s for s in w.form.findChildren(QAbstractSpinBox) if s.isVisible()]
    assert combos and spins
    before = [c.currentIndex() for c in combos], [s.text() for s in spins]
    start = bar.value()
    for field in (*combos, *spins):
        _wheel(field)
    assert ([c.currentIndex() for c in combos], [s.text() for s in spins]) == before
    assert bar.value() > start  # … the panel scrolled instead
    assert all(c.focusPolicy() != Qt.FocusPolicy.WheelFocus for c in combos)  # the wheel gives no focus


def test_the_wheel_guard_comes_with_the_window_s_first_show_and_sets_the_fields_built_before(
        qtbot, gui_env, monkeypatch):
    """Issue 27: the application-wide filter is installed when the main window is first shown,
    not while it is built (the ≈ 2,300 events of building and showing it stay out of Python);
    the form fields made meanwhile take no focus from the wheel all the same."""
    from gui.forms import wheel_guard
    from gui.main_window import MainWindow
    from model.example import example_bulletin

    app = QApplication.instance()
    old = wheel_guard._guard
    if old is not None:
        app.removeEventFilter(old)
    monkeypatch.setattr(wheel_guard, "_guard", None)
    try:
        w = MainWindow(example_bulletin(), layout_fn=None, check_fn=None, threaded_layout=False,
                       recovery_dir=str(gui_env), restore_settings=False)
        qtbot.addWidget(w)
        w.select(SETUP_ID)
        assert wheel_guard._guard is None  # built without the filter
        fields = [*w.form.findChildren(QComboBox), *w.form.findChildren(QAbstractSpinBox)]
        assert fields
        w.show()
        assert wheel_guard._guard is not None
        assert all(f.focusPolicy() != Qt.FocusPolicy.WheelFocus for f in fields)
        w.doc.undo_stack.setClean()
    finally:
        if wheel_guard._guard is not None:
            app.removeEventFilter(wheel_guard._guard)
        if old is not None:
            app.installEventFilter(old)


def test_wheel_changes_a_field_the_user_clicked_into(make_window, qtbot):
    w = make_window()
    w.select(SETUP_ID)
    w.activateWindow()
    combo = w.form.preset
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    index = combo.currentIndex()
    _wheel(combo, 120 if index else -120)
    assert combo.currentIndex() != index


# ============================================================================ cut / copy / paste
def test_copy_a_column_and_paste_it_on_another_page(make_window):
    w = make_window()
    b = w.doc.bulletin
    col = first_column(b)
    w.select(col.id)
    w.outline.setFocus()
    w.act_copy.trigger()
    assert structure.can_paste(QApplication.clipboard().mimeData())
    target_page = b.pages[1]
    anchor = target_page.blocks[0]
    w.select(anchor.id)
    w.outline.setFocus()
    w.act_paste.trigger()
    pasted = target_page.blocks[1]
    assert pasted.id == w.selected_id and pasted.id != col.id
    assert isinstance(pasted, ColumnBlock) and pasted.paragraphs == col.paragraphs
    assert pasted.headline == col.headline and pasted is not col
    assert w.doc.undo_stack.undoText() == "粘贴栏目"
    w.act_undo.trigger()
    assert pasted not in target_page.blocks


def test_cut_and_paste_moves_a_block_and_pictures_go_along_to_another_bulletin(make_window):
    w = make_window()
    b = w.doc.bulletin
    col = next(x for _p, x in b.iter_blocks() if isinstance(x, ColumnBlock) and x.portrait and x.portrait.image)
    page = next(p for p in b.pages if col in p.blocks)
    w.select(col.id)
    w.outline.setFocus()
    w.act_cut.trigger()
    assert col not in page.blocks
    assert w.doc.undo_stack.undoText() == "剪切"
    other = make_window(new_bulletin("brief"))
    other.select(other.doc.bulletin.pages[0].id)
    other.outline.setFocus()
    other.act_paste.trigger()
    pasted = other.doc.bulletin.find(other.selected_id)
    assert isinstance(pasted, ColumnBlock) and pasted.paragraphs == col.paragraphs
    assert other.doc.bulletin.images.get(pasted.portrait.image) == b.images.get(col.portrait.image)


def test_cut_copy_paste_still_act_on_text_in_a_field(make_window, qtbot):
    w = make_window()
    col = first_column(w.doc.bulletin)
    n_blocks = sum(len(p.blocks) for p in w.doc.bulletin.pages)
    w.select(col.id)
    w.activateWindow()
    field = w.form.headline
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.setSelection(0, 2)
    w.act_copy.trigger()
    assert QApplication.clipboard().text() == col.headline[:2]
    assert not structure.can_paste(QApplication.clipboard().mimeData())
    field.setCursorPosition(len(field.text()))
    w.act_paste.trigger()
    assert field.text().endswith(col.headline[:2])
    assert sum(len(p.blocks) for p in w.doc.bulletin.pages) == n_blocks  # no block was pasted


def test_copy_and_paste_a_whole_page(make_window):
    w = make_window()
    b = w.doc.bulletin
    first = b.pages[0]
    w.select(first.id)
    w.outline.setFocus()
    w.act_copy.trigger()
    w.select(b.pages[-1].id)
    w.act_paste.trigger()
    assert len(b.pages) == 3 and b.pages[-1].id == w.selected_id
    copy = b.pages[-1]
    assert [x.id for x in copy.blocks] != [x.id for x in first.blocks]  # ids stay unique
    assert [getattr(x, "paragraphs", None) for x in copy.blocks] == [getattr(x, "paragraphs", None) for x in first.blocks]
    assert w.doc.undo_stack.undoText() == "粘贴版面"


def test_duplicate_is_named_create_a_copy(make_window):
    w = make_window()
    assert w.act_duplicate.text() == "创建副本"
    assert w.act_copy.text() == "复制"
    col = first_column(w.doc.bulletin)
    w.select(col.id)
    w.act_duplicate.trigger()
    assert w.doc.undo_stack.undoText() == "创建栏目副本"


def test_pasting_garbage_says_so_and_changes_nothing(make_window):
    from PySide6.QtCore import QMimeData

    w = make_window()
    mime = QMimeData()
    mime.setData(structure.MIME_TYPE, b'{"kind": "block", "item": {"type": "column", "paragraphs": 3}}')
    count = w.doc.undo_stack.count()
    with pytest.raises(structure.PasteError) as info:
        structure.paste_item(w.doc, w.doc.bulletin.pages[0].id, mime)
    assert "paragraphs" in str(info.value)
    assert w.doc.undo_stack.count() == count


# ============================================================================ printing
def _pdf_pages(path) -> list[tuple[float, float]]:
    with pdfplumber.open(path) as pdf:
        return [(float(p.width), float(p.height)) for p in pdf.pages]


class _FakePrintDialog:
    """Stands in for QPrintDialog: the user presses Print with output to a PDF file."""

    def __init__(self, printer: QPrinter, _parent) -> None:
        self.printer = printer

    def exec(self) -> int:
        self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer.setOutputFileName(_FakePrintDialog.path)
        return 1


@pytest.mark.parametrize("mode, paper", [("fit_a4", (595, 842)), ("fit_a3", (842, 1191)), ("real", None)])
def test_ctrl_p_prints_the_laid_out_pages_fitted_or_at_real_size(make_window, tmp_path, mode, paper):
    w = make_window()
    assert w.act_print.shortcut().toString() == "Ctrl+P"
    _FakePrintDialog.path = str(tmp_path / "print.pdf")
    w.printing.dialog_factory = _FakePrintDialog
    w.printing.mode = mode
    w.act_print.trigger()
    pages = _pdf_pages(tmp_path / "print.pdf")
    laid = w.runner.result.document.pages
    assert len(pages) == len(laid)
    for (pw, ph), page in zip(pages, laid):
        want = (page.width, page.height) if paper is None else paper
        if page.width > page.height and paper is not None:
            want = (want[1], want[0])
        assert abs(pw - want[0]) < 2 and abs(ph - want[1]) < 2, (pw, ph, want)


def test_print_preview_shows_every_page_in_each_size(make_window, qtbot):
    w = make_window(layout_fn=lay_out_bulletin)
    dlg = w.printing.show_preview(modal=False)
    preview = dlg.findChild(QPrintPreviewWidget)
    n = len(w.runner.result.document.pages)
    qtbot.waitUntil(lambda: preview.pageCount() == n)
    mode = dlg.findChild(QComboBox, "printMode")
    assert mode is not None and mode.count() == 3
    for i in (2, 1, 0):  # real size, A3, A4: the preview is painted again each time, and survives
        mode.setCurrentIndex(i)
        qtbot.wait(50)
        assert preview.pageCount() == n and w.printing.mode == mode.currentData()
    assert not dlg.grab().isNull()
    dlg.close()


# ============================================================================ thumbnails
def test_thumbnails_show_every_page_and_take_you_there(make_window, qtbot):
    w = make_window()
    n = len(w.doc.bulletin.pages)
    assert w.thumbnails.count() == n
    assert not w.thumbnails.item(1).icon().isNull()
    w.preview.set_zoom(1.0)
    w.preview.go_to_page(0)
    rect = w.thumbnails.visualItemRect(w.thumbnails.item(1))
    from pytestqt.qt_compat import qt_api

    qt_api.QtTest.QTest.mouseClick(w.thumbnails.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.preview.current_page() == 1
    assert w.selected_id == w.doc.bulletin.pages[1].id
    w.preview.go_to_page(0)
    assert w.thumbnails.currentRow() == 0  # the strip follows the preview


def test_typing_redraws_only_the_changed_pages_thumbnail(make_window, qtbot):
    w = make_window(layout_fn=lay_out_bulletin)
    before = w.thumbnails.rendered_pages()
    col = w.doc.bulletin.pages[0].blocks[-1]
    w.select(col.id)
    w.form.headline.setFocus()
    w.form.headline.setText(col.headline + "新")
    w.form.headline.textEdited.emit(w.form.headline.text())
    wait_layout(qtbot, w)
    assert w.thumbnails.rendered_pages()[0] is before[0]  # not while typing: after a pause
    qtbot.waitUntil(w.thumbnails.is_current)
    after = w.thumbnails.rendered_pages()
    assert after[0] is not before[0] and after[1] is before[1]


def test_thumbnails_greek_body_text_and_draw_titles_as_glyphs(qapp, monkeypatch):
    """At thumbnail size body text is drawn as grey bars (fast), titles and headlines as glyphs;
    the bars still mark where the text is."""
    import gui.page_painter as pp
    from gui.thumbnails import ThumbnailStrip
    from layout.types import GlyphRun
    from model.example import example_bulletin

    b = example_bulletin()
    page = lay_out_bulletin(b).pages[0]
    drawn = []
    real = pp.draw_glyph_run
    monkeypatch.setattr(pp, "draw_glyph_run", lambda p, run, fonts: drawn.append(run) or real(p, run, fonts))
    strip = ThumbnailStrip(b.images.get)
    image = strip.render(page).toImage()
    runs = [i for i in page.items if isinstance(i, GlyphRun) and i.glyphs]
    assert drawn and all(r.size >= pp.GREEK_BELOW for r in drawn)
    assert len(drawn) == sum(1 for r in runs if r.size >= pp.GREEK_BELOW) < len(runs) / 5
    body = next(r for r in runs if r.size == b.page_setup.body_size_pt and len(r.glyphs) > 8)
    scale = image.height() / page.height
    x = round((body.x + body.xs[len(body.xs) // 2]) * scale)
    y = round((body.y - 0.4 * body.size) * scale)
    assert min(image.pixelColor(x, yy).lightness() for yy in (y - 1, y, y + 1)) < 245


# ============================================================================ problems panel
def _font_problem(kind, block, ch, role="body"):
    return Problem(kind, block, f"“{ch}” (U+{ord(ch):04X}) not in font", chars=1, role=role, text=ch)


def test_font_fallback_is_one_row_per_block_and_role_with_the_characters(qapp, gui_env):
    problems = [_font_problem("fallback", "b1", ch) for ch in "𠀀𠀁𠀂𠀀"]
    problems += [_font_problem("fallback", "b1", "㐀", role="title"), _font_problem("fallback", "b2", "㐁"),
                 _font_problem("missing_glyph", "b1", "\U000f0000"),
                 Problem("overset", "b1", "x", chars=12, lines=1)]
    panel = ProblemsPanel(lambda i: i)
    panel.show_result(LayoutResult(LaidOutDocument(problems=problems)))
    rows = [(panel.topLevelItem(i).text(1), panel.topLevelItem(i).text(2)) for i in range(panel.count_rows())]
    assert len(rows) == 5, rows
    assert rows[0][0] == "b1" and "𠀀𠀁𠀂" in rows[0][1] and rows[0][1].count("𠀀") == 1
    assert "㐀" in rows[1][1] and "主题" in rows[1][1]
    assert panel.has_severe()


def test_the_real_layout_gives_one_row_for_a_font_lacking_many_characters(make_window, qtbot):
    b = new_bulletin("brief")
    b.fonts["body"] = "DejaVu Sans"  # has no Chinese: every character falls back
    b.pages[0].blocks[0].paragraphs = [Paragraph("全省各级工会组织深入开展劳动竞赛，职工技能不断提升。" * 4)]
    w = make_window(b, layout_fn=lay_out_bulletin)
    problems = [p for p in w.runner.result.document.problems if p.kind == "fallback"]
    if not problems:
        pytest.skip("DejaVu Sans not installed")
    block = b.pages[0].blocks[0]
    rows = [w.problems.topLevelItem(i) for i in range(w.problems.count_rows())]
    mine = [r for r in rows if "不在所选字体中" in r.text(2) and r.data(0, Qt.ItemDataRole.UserRole) == block.id]
    assert len(mine) == 1, [r.text(2) for r in mine]  # one row for the block, never one per character
    assert sum(ch in mine[0].text(2) for ch in "全省各级工会组织") >= 8


def test_problems_panel_opens_small_for_notes_and_remembers_the_users_size(make_window, qtbot):
    b = new_bulletin("brief")  # two empty columns: only "还差 N 行" notes
    w = make_window(b)
    w.resize(1200, 800)
    qtbot.wait(20)
    assert not w.problems.has_severe()
    small = w.problems_dock.height()
    assert small <= 120
    col = b.pages[0].blocks[0]
    w.select(col.id)
    w.form.body.editor.setPlainText("工会" * 1500)  # the fake layout's overset
    wait_layout(qtbot, w)
    assert w.problems.has_severe()
    qtbot.waitUntil(lambda: w.problems_dock.height() > small)
    w.resizeDocks([w.problems_dock], [260], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: abs(w.problems_dock.height() - 260) < 30)
    assert abs(w.problems_sizer.height(True) - w.problems_dock.height()) < 2  # remembered
    w2 = make_window(b)
    w2.resize(1200, 800)
    qtbot.waitUntil(lambda: abs(w2.problems_dock.height() - w.problems_sizer.height(True)) < 30)


# ============================================================================ status bar
def _status(w) -> str:
    return " ".join(label.text() for label in w.statusBar().findChildren(QLabel))


def test_a_just_opened_file_is_not_called_unsaved(make_window, tmp_path):
    w = make_window()
    path = tmp_path / "x.bulletin"
    assert w.save_to(str(path))
    opened = make_window(None, str(path))
    assert "尚未保存" not in _status(opened)
    assert "上次保存" in _status(opened)
    new = make_window(new_bulletin("brief"))
    assert "尚未保存" in _status(new)


def test_page_count_in_english_is_singular_for_one_page(make_window):
    w = make_window(new_bulletin("brief"))
    w.set_language("en")
    assert "1 page" in _status(w) and "1 pages" not in _status(w)
    w.act_add_page.trigger()
    assert "2 pages" in _status(w)


# ============================================================================ preview follows
def test_preview_follows_a_block_moved_to_another_page(make_window, qtbot):
    w = make_window()
    w.preview.set_zoom(2.0)
    page0 = w.doc.bulletin.pages[0]
    block = page0.blocks[-1]
    w.select(block.id)
    w.act_move_down.trigger()  # at the foot of page 1: moves to the top of page 2
    assert block in w.doc.bulletin.pages[1].blocks
    wait_layout(qtbot, w)
    i, area = w.preview.canvas.areas_of(block.id)[0]
    assert i == 1
    r = w.preview.canvas.widget_rect(i, area)
    sb = w.preview.scroll.verticalScrollBar()
    assert sb.value() <= r.center().y() <= sb.value() + w.preview.scroll.viewport().height()


def test_preview_follows_a_new_block_on_another_page(make_window, qtbot):
    w = make_window()
    w.preview.set_zoom(2.0)
    w.preview.go_to_page(0)
    last = w.doc.bulletin.pages[-1].blocks[-1]
    w.select(last.id, source="preview")  # selected where it is: no scrolling
    w.preview.go_to_page(0)
    w.act_add_column.trigger()
    wait_layout(qtbot, w)
    i, area = w.preview.canvas.areas_of(w.selected_id)[0]
    r = w.preview.canvas.widget_rect(i, area)
    sb = w.preview.scroll.verticalScrollBar()
    assert sb.value() <= r.center().y() <= sb.value() + w.preview.scroll.viewport().height()


# ============================================================================ export asks
def test_pdf_export_with_overset_text_asks_first(make_window, monkeypatch, qtbot):
    w = make_window()
    col = first_column(w.doc.bulletin)
    w.select(col.id)
    w.form.body.editor.setPlainText("工会" * 1500)
    wait_layout(qtbot, w)
    asked, opened = [], []
    monkeypatch.setattr(export_module.PdfOptionsDialog, "exec", lambda self: opened.append(1) or 0)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No)
    w.act_export_pdf.trigger()
    assert asked and "排不下" in asked[0][2] and not opened
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
    w.act_export_pdf.trigger()
    assert opened  # exporting anyway goes on to the PDF options


def test_pdf_export_without_overset_does_not_ask(make_window, monkeypatch):
    w = make_window(new_bulletin("brief"))
    opened = []
    monkeypatch.setattr(export_module.PdfOptionsDialog, "exec", lambda self: opened.append(1) or 0)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: pytest.fail("asked without overset"))
    w.act_export_pdf.trigger()
    assert opened


# ============================================================================ 1024 × 700
_FIELDS = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QAbstractButton)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_window_is_usable_at_1024_by_700(make_window, qtbot, lang):
    w = make_window()
    canvas, viewport = w.preview.canvas, w.preview.scroll.viewport()
    assert canvas.width() <= viewport.width()  # "fit width" fits from the first show on
    if lang != "zh_CN":
        w.set_language(lang)
    w.resize(1024, 700)
    qtbot.waitUntil(lambda: w.width() <= 1024 and w.height() <= 700)
    canvas, viewport = w.preview.canvas, w.preview.scroll.viewport()
    qtbot.waitUntil(lambda: canvas.width() <= viewport.width())
    assert w.minimumSizeHint().width() <= 1024
    win = w.rect()
    for dock in (w.outline_dock, w.form_dock, w.problems_dock):
        assert win.contains(dock.geometry()), (dock.objectName(), dock.geometry())
    b = w.doc.bulletin
    ids = [BULLETIN_ID, SETUP_ID, b.pages[0].id, *(x.id for p in b.pages for x in p.blocks[:2])]
    checked = 0
    for item_id in ids:
        w.select(item_id)
        qtbot.wait(10)
        viewport = w.form_scroll.viewport()
        assert w.form.width() <= viewport.width() + 1  # no field off to the right
        for field in (f for kind in _FIELDS for f in w.form.findChildren(kind)):
            if not field.isVisibleTo(w.form) or isinstance(field.parentWidget(), (QAbstractSpinBox, QComboBox)):
                continue  # hidden for this item, or the line edit inside a spin or combo box
            w.form_scroll.ensureWidgetVisible(field, 0, 0)
            top_left = field.mapTo(viewport, QPoint(0, 0))
            shown = QRect(top_left, field.size()).intersected(viewport.rect())
            # in view after scrolling to it (a text field scrolls to its cursor line)
            assert shown.height() >= min(12, field.height()), (type(w.form).__name__, field.objectName(), shown)
            assert top_left.x() >= 0 and top_left.x() + field.width() <= viewport.width() + 1
            checked += 1
    assert checked > 40


def test_fit_width_fits_a_window_first_shown_at_1024_by_700(qtbot, gui_env):
    """At the first show the preview is resized before its scroll area: the fit must follow the
    viewport (it kept the pages too wide for a 1024-px window)."""
    from gui.main_window import MainWindow
    from model.example import example_bulletin
    from tests.test_gui_helpers import _forget_changes, fake_layout

    w = MainWindow(example_bulletin(), None, layout_fn=fake_layout, check_fn=None, threaded_layout=False,
                   recovery_dir=str(gui_env), restore_settings=False)
    qtbot.addWidget(w, before_close_func=_forget_changes)
    w.resize(1024, 700)
    w.show()
    qtbot.waitExposed(w)
    canvas, viewport = w.preview.canvas, w.preview.scroll.viewport()
    qtbot.waitUntil(lambda: canvas.width() <= viewport.width())


def test_file_errors_are_explained_in_the_ui_language(make_window, monkeypatch, qtbot, tmp_path):
    import errno

    from gui import i18n

    w = make_window()
    told = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: told.append(a[2]))
    target = str(tmp_path / "gone" / "out.pdf")

    def writer(*_a, **_k):
        raise FileNotFoundError(errno.ENOENT, "No such file or directory", target)

    w.exporter.export_pdf(target, "cmyk", 0.0, writer)
    qtbot.waitUntil(lambda: bool(told))
    assert target in told[0] and "文件或文件夹不存在" in told[0] and "No such file" not in told[0]
    i18n.install("en")
    w.exporter.export_pdf(target, "cmyk", 0.0, writer)
    qtbot.waitUntil(lambda: len(told) == 2)
    assert "does not exist" in told[1]

"""The editor's main window: outline, form, live preview, problems, history.

Layout of the window: the outline (pages → blocks) docks left, the form of the selected item
docks right, the preview is central, problems and undo history dock at the bottom. Everything
the user changes goes through the Document's undo stack; the window only wires views to it.

The window can be built with an injected ``layout_fn`` (tests, the screenshot helper, and the
time before ``layout.document`` exists) and ``threaded_layout=False`` for deterministic tests.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Callable

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QGridLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from gui import i18n, makeup, structure
from gui import settings as app_settings
from gui.autosave import Autosaver
from gui.document import Document
from gui.export import Exporter
from gui.fixes import FixError, apply_finding
from gui.forms.base import Form
from gui.forms.bulletin_form import BulletinForm
from gui.forms.column_form import ColumnForm
from gui.forms.page_form import PageForm
from gui.forms.page_setup_form import PageSetupForm
from gui.forms.picture_form import PictureForm
from gui.forms.speech_form import SpeechForm
from gui.layout_runner import LayoutResult, LayoutRunner, default_check_fn, default_layout_fn
from gui.outline import BULLETIN_ID, SETUP_ID, OutlineTree, item_text
from gui.preview import PreviewWidget
from gui.problems import ProblemsPanel
from gui.qt_workarounds import install_refcount_guard
from gui.templates import TEMPLATES, new_bulletin, template_name
from model.document import (
    Banner,
    Bulletin,
    ColumnBlock,
    HeadlineGroup,
    Page,
    PictureBlock,
    SpeechBlock,
    block_texts,
    char_count,
)
from model.images import zip_member_reader
from model.project_file import ProjectFileError, load, save
from model.serialize import ModelError, used_images

_DEFAULT = object()


class MainWindow(QMainWindow):
    def __init__(
        self,
        bulletin: Bulletin,
        path: str | None = None,
        *,
        layout_fn: Callable | None | object = _DEFAULT,
        check_fn: Callable | None | object = _DEFAULT,
        threaded_layout: bool = True,
        recovery_dir: str | None = None,
        autosave_ms: int = 60_000,
        restore_settings: bool = True,
    ) -> None:
        super().__init__()
        install_refcount_guard()  # before the first paint event (see gui/qt_workarounds.py)
        self.setObjectName("MainWindow")
        self.doc = Document(bulletin, path, self)
        self.runner = LayoutRunner(
            lambda: self.doc.bulletin,
            lambda: self.doc.generation,
            default_layout_fn() if layout_fn is _DEFAULT else layout_fn,
            default_check_fn() if check_fn is _DEFAULT else check_fn,
            threaded=threaded_layout,
            parent=self,
        )
        self.autosaver = Autosaver(self.doc, recovery_dir, autosave_ms, self)
        self.exporter = Exporter(self.doc, self)
        self.selected_id = BULLETIN_ID
        self.form: Form | None = None
        self._closing = False
        self._char_counts: dict[tuple[str, ...], int] = {}

        self.doc.changed.connect(self._on_doc_changed)
        self.doc.replaced.connect(self._on_replaced)
        self.doc.modifiedChanged.connect(self._update_title)
        self.doc.pathChanged.connect(lambda _p: self._update_title())
        self.runner.finished.connect(self._on_layout)
        self.runner.started.connect(self._on_layout_started)
        self.runner.checked.connect(lambda _findings: self._show_problems())
        self.autosaver.saved.connect(self._on_autosaved)
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._focus_changed)

        self._build_ui()
        if restore_settings:
            self._restore_window_state()
        self._update_title()
        self.runner.run_now()

    # ================================================================== building the UI
    def dialog_parent(self) -> QWidget:
        return self

    def _build_ui(self) -> None:
        """Create every widget and action; called again after a language switch."""
        self._make_actions()
        self._make_menus()
        self.preview = PreviewWidget(self.doc.bulletin.images.get)
        self.preview.setObjectName("preview")
        self.preview.blockClicked.connect(lambda block_id: self.select(block_id, source="preview"))
        self.setCentralWidget(self.preview)
        makeup.install(self)  # issue 10: pins, fixed layout, picture blocks, 适配版面

        self.outline = OutlineTree()
        self.outline.selected.connect(lambda item_id: self.select(item_id, source="outline"))
        self.outline.moveRequested.connect(self._move_requested)
        self.outline.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.outline.customContextMenuRequested.connect(self._outline_menu)
        delete_key = QAction(self.outline)
        delete_key.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.triggered.connect(self.act_delete.trigger)
        self.outline.addAction(delete_key)
        outline_box = QWidget()
        lay = QVBoxLayout(outline_box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        buttons = QGridLayout()
        buttons.setContentsMargins(4, 4, 4, 4)
        buttons.setSpacing(2)
        rows = [(self.act_add_column, self.act_add_speech, self.act_add_page),
                (self.act_duplicate, self.act_delete, self.act_move_up, self.act_move_down)]
        for r, row in enumerate(rows):
            span = 12 // len(row)
            for c, action in enumerate(row):
                b = QToolButton()
                b.setDefaultAction(action)
                b.setAutoRaise(True)
                b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
                buttons.addWidget(b, r, c * span, 1, span)
        lay.addLayout(buttons)
        lay.addWidget(self.outline, 1)
        self.outline_dock = self._dock("outlineDock", self.tr("目录"), outline_box, Qt.DockWidgetArea.LeftDockWidgetArea)

        self.form_scroll = QScrollArea()
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setMinimumWidth(400)
        self.form_dock = self._dock("formDock", self.tr("内容编辑"), self.form_scroll, Qt.DockWidgetArea.RightDockWidgetArea)

        self.problems = ProblemsPanel(self._name_of)
        self.problems.jump.connect(lambda block_id: self.select(block_id, source="problems"))
        self.problems.fixRequested.connect(self.apply_fix)
        self.problems_dock = self._dock("problemsDock", self.tr("问题"), self.problems, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.history = QUndoView(self.doc.undo_stack)
        self.history.setEmptyLabel(self.tr("<打开时的状态>"))
        self.history_dock = self._dock("historyDock", self.tr("历史记录"), self.history, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.tabifyDockWidget(self.problems_dock, self.history_dock)
        self.problems_dock.raise_()
        self.resizeDocks([self.outline_dock, self.form_dock], [260, 430], Qt.Orientation.Horizontal)
        self.resizeDocks([self.problems_dock], [150], Qt.Orientation.Vertical)
        for dock in (self.outline_dock, self.form_dock, self.problems_dock, self.history_dock):
            self.view_menu.addAction(dock.toggleViewAction())

        self.status_pages = QLabel()
        self.status_chars = QLabel()
        self.status_saved = QLabel()
        for w in (self.status_pages, self.status_chars, self.status_saved):
            w.setContentsMargins(8, 0, 8, 0)
            self.statusBar().addPermanentWidget(w)

        self.outline.refresh(self.doc.bulletin)
        self._show_form(self.selected_id)
        self.outline.select(self.selected_id)
        self._update_status()
        self._update_actions()
        if self.runner.result is not None:
            self._on_layout(self.runner.result)

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        if tip:
            a.setStatusTip(tip)
            a.setToolTip(tip)
        a.triggered.connect(slot)
        return a

    def _make_actions(self) -> None:
        SK = QKeySequence.StandardKey
        self.act_open = self._action(self.tr("打开…"), self.open_dialog, SK.Open)
        self.act_save = self._action(self.tr("保存"), self.save, SK.Save)
        self.act_save_as = self._action(self.tr("另存为…"), self.save_as, SK.SaveAs)
        if self.act_save_as.shortcut().isEmpty():
            self.act_save_as.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.act_export_pdf = self._action(self.tr("导出 PDF…"), self.exporter.ask_pdf, "Ctrl+E",
                                           self.tr("导出可直接交印刷厂的 PDF"))
        self.act_export_docx = self._action(self.tr("导出 Word 文档…"), self.exporter.ask_docx, "Ctrl+Shift+E",
                                            self.tr("导出可在 Word 中修改的 DOCX"))
        self.act_close = self._action(self.tr("关闭"), self.close, SK.Close)
        self.act_quit = self._action(self.tr("退出"), self.quit_app, SK.Quit)
        if self.act_quit.shortcut().isEmpty():
            self.act_quit.setShortcut(QKeySequence("Ctrl+Q"))
        stack = self.doc.undo_stack
        self.act_undo = stack.createUndoAction(self, self.tr("撤销"))
        self.act_undo.setShortcut(SK.Undo)
        self.act_redo = stack.createRedoAction(self, self.tr("重做"))
        self.act_redo.setShortcut(SK.Redo)
        self.act_add_column = self._action(self.tr("加栏目"), lambda: self._structural(structure.add_block, "column"),
                                           "Ctrl+Shift+N", self.tr("在选中位置后添加一个地市栏目"))
        self.act_add_speech = self._action(self.tr("加讲话"), lambda: self._structural(structure.add_block, "speech"),
                                           None, self.tr("添加讲话摘编"))
        self.act_add_page = self._action(self.tr("加版面"), lambda: self._structural(structure.add_page), None,
                                         self.tr("在当前版面后添加新版面"))
        self.act_duplicate = self._action(self.tr("复制"), lambda: self._structural(structure.duplicate), "Ctrl+D",
                                          self.tr("复制选中的栏目或版面"))
        self.act_delete = self._action(self.tr("删除"), lambda: self._structural(structure.delete), None,
                                       self.tr("删除选中的栏目、版头、标题或版面（可撤销）"))
        self.act_move_up = self._action(self.tr("上移"), lambda: self._move(-1), "Alt+Up", self.tr("上移（到顶后移到上一版）"))
        self.act_move_down = self._action(self.tr("下移"), lambda: self._move(1), "Alt+Down",
                                          self.tr("下移（到底后移到下一版）"))
        self.act_zoom_in = self._action(self.tr("放大"), lambda: self.preview.zoom_by(1.25), SK.ZoomIn)
        self.act_zoom_out = self._action(self.tr("缩小"), lambda: self.preview.zoom_by(1 / 1.25), SK.ZoomOut)
        self.act_fit_width = self._action(self.tr("适合宽度"), lambda: self.preview.fit_width(), "Ctrl+0")
        self.act_fit_page = self._action(self.tr("整版"), lambda: self.preview.fit_page(), "Ctrl+9")

    def _make_menus(self) -> None:
        mb = self.menuBar()
        mb.clear()
        self.file_menu = mb.addMenu(self.tr("文件(&F)"))
        new_menu = self.file_menu.addMenu(self.tr("新建"))
        for key in TEMPLATES:
            a = new_menu.addAction(template_name(key))
            a.triggered.connect(lambda _=False, k=key: self.new_from_template(k))
            if key == "special":
                a.setShortcut(QKeySequence.StandardKey.New)
        self.file_menu.addAction(self.act_open)
        self.recent_menu = self.file_menu.addMenu(self.tr("最近打开"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_save)
        self.file_menu.addAction(self.act_save_as)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_export_pdf)
        self.file_menu.addAction(self.act_export_docx)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_close)
        self.file_menu.addAction(self.act_quit)

        self.edit_menu = mb.addMenu(self.tr("编辑(&E)"))
        self.edit_menu.addAction(self.act_undo)
        self.edit_menu.addAction(self.act_redo)
        self.edit_menu.addSeparator()
        for a in (self.act_add_column, self.act_add_speech, self.act_add_page, self.act_duplicate, self.act_delete,
                  self.act_move_up, self.act_move_down):
            self.edit_menu.addAction(a)

        self.view_menu = mb.addMenu(self.tr("视图(&V)"))
        for a in (self.act_zoom_in, self.act_zoom_out, self.act_fit_width, self.act_fit_page):
            self.view_menu.addAction(a)
        self.view_menu.addSeparator()

        self.settings_menu = mb.addMenu(self.tr("设置(&S)"))
        lang_menu = self.settings_menu.addMenu(self.tr("界面语言 / Language"))
        group = QActionGroup(self)
        for code, name in i18n.LANGUAGES.items():
            a = lang_menu.addAction(name)
            a.setCheckable(True)
            a.setChecked(code == i18n.current())
            a.triggered.connect(lambda _=False, c=code: self.set_language(c))
            group.addAction(a)

        self.help_menu = mb.addMenu(self.tr("帮助(&H)"))
        self.help_menu.addAction(self._action(self.tr("关于会刊编辑器"), self._about))

    def _teardown_ui(self) -> None:
        for dock in self.findChildren(QDockWidget):
            self.removeDockWidget(dock)
            dock.deleteLater()
        central = self.takeCentralWidget()
        if central is not None:
            central.deleteLater()
        for w in (self.status_pages, self.status_chars, self.status_saved):
            self.statusBar().removeWidget(w)
            w.deleteLater()
        for a in [*self.findChildren(QAction), *self.findChildren(QActionGroup)]:
            if a.parent() is self:
                a.deleteLater()
        self.menuBar().clear()
        self.form = None

    def set_language(self, lang: str) -> None:
        """Switch the UI language now and remember it."""
        lang = i18n.install(lang)
        app_settings.set_language(lang)
        state = self.saveState()
        self._teardown_ui()
        self._build_ui()
        self.restoreState(state)
        self._update_title()

    # ================================================================== selection
    def select(self, item_id: str, source: str = "") -> None:
        """Select an item everywhere: outline, form, preview."""
        if item_id not in (BULLETIN_ID, SETUP_ID) and self.doc.bulletin.find(item_id) is None:
            return
        changed = item_id != self.selected_id
        self.selected_id = item_id
        if source != "outline":
            self.outline.select(item_id)
        if changed or self.form is None:
            self._show_form(item_id)
        self.preview.select(item_id, scroll=source != "preview")
        if source != "preview":
            page = structure.page_of(self.doc.bulletin, item_id)
            if page is not None and page.id == item_id:
                self.preview.go_to_page(self.doc.bulletin.pages.index(page))
        self._update_actions()

    def _show_form(self, item_id: str) -> None:
        item = self.doc.bulletin.find(item_id) if item_id not in (BULLETIN_ID, SETUP_ID) else None
        part = ""
        if item_id == BULLETIN_ID:
            form: Form = BulletinForm(self, self.doc.bulletin)
        elif item_id == SETUP_ID:
            form = PageSetupForm(self, self.doc.bulletin)
        elif isinstance(item, Page):
            form = PageForm(self, item)
        elif isinstance(item, (Banner, HeadlineGroup)):
            page = structure.page_of(self.doc.bulletin, item_id)
            form = PageForm(self, page)
            part = "banner" if isinstance(item, Banner) else "headline"
        elif isinstance(item, SpeechBlock):
            form = SpeechForm(self, item)
        elif isinstance(item, ColumnBlock):
            form = ColumnForm(self, item)
        elif isinstance(item, PictureBlock):  # issue 10
            form = PictureForm(self, item)
        else:
            return
        old = self.form_scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.form = form
        self.form_scroll.setWidget(form)
        if part:
            form.focus_part(part)
        self.doc.break_merge()

    def _name_of(self, item_id: str) -> str:
        item = self.doc.bulletin.find(item_id)
        if item is None:
            return item_id
        if isinstance(item, Page):
            return item_text(item, self.doc.bulletin.pages.index(item) + 1)
        return item_text(item)

    # ================================================================== changes
    def _focus_changed(self, _old, _new) -> None:
        self.doc.break_merge()

    def _on_doc_changed(self, _obj: object, structural: bool) -> None:
        self.outline.refresh(self.doc.bulletin)
        if structural and self.selected_id not in (BULLETIN_ID, SETUP_ID) \
                and self.doc.bulletin.find(self.selected_id) is None:
            self.select(BULLETIN_ID)
        elif structural and isinstance(self.form, (PageForm, SpeechForm, ColumnForm)) \
                and self.doc.bulletin.find(getattr(self.form.item, "id", "")) is None:
            self._show_form(self.selected_id)
        self.runner.request()
        self._update_status()
        self._update_actions()

    def _on_replaced(self) -> None:
        self.preview.canvas.fetch_image = self.doc.bulletin.images.get
        self.selected_id = BULLETIN_ID
        self.outline.refresh(self.doc.bulletin)
        self.outline.select(BULLETIN_ID)
        self._show_form(BULLETIN_ID)
        self.problems.clear()
        self.problems.shown = None
        self.runner.run_now()
        self._update_status()
        self._update_actions()

    def _structural(self, op, *args) -> None:
        new_id = op(self.doc, self.selected_id, *args)
        if new_id:
            self.select(new_id)

    def _move(self, delta: int) -> None:
        if structure.move(self.doc, self.selected_id, delta):
            self.outline.select(self.selected_id)
            self.preview.select(self.selected_id)

    def _move_requested(self, item_id: str, page_id: str, index: int) -> None:
        if structure.move_to(self.doc, item_id, page_id, index):
            self.select(item_id)

    def _outline_menu(self, pos) -> None:
        menu = QMenu(self)
        for a in (self.act_add_column, self.act_add_speech, self.act_add_page, None, self.act_duplicate,
                  self.act_delete, None, self.act_move_up, self.act_move_down):
            if a is None:
                menu.addSeparator()
            else:
                menu.addAction(a)
        menu.exec(self.outline.viewport().mapToGlobal(pos))

    def _update_actions(self) -> None:
        b, sid = self.doc.bulletin, self.selected_id
        page = structure.page_of(b, sid)
        is_block = page is not None and any(x.id == sid for x in page.blocks)
        is_page = page is not None and page.id == sid
        self.act_duplicate.setEnabled(is_block or is_page)
        self.act_delete.setEnabled(structure.can_delete(b, sid))
        self.act_move_up.setEnabled(is_block or is_page)
        self.act_move_down.setEnabled(is_block or is_page)

    def apply_fix(self, finding: object) -> bool:
        """Apply a proofreading suggestion (one undo step), or say why it cannot be applied."""
        try:
            apply_finding(self.doc, finding)
        except FixError as exc:
            QMessageBox.information(self, self.tr("无法采用建议"), str(exc))
            return False
        self.select(getattr(finding, "block_id", self.selected_id))
        return True

    # ================================================================== layout results
    def _on_layout_started(self) -> None:
        self.preview.status.setText(self.tr("排版中…"))

    def _on_layout(self, result: LayoutResult) -> None:
        ps = self.doc.bulletin.page_setup
        size = (ps.width_mm / 25.4 * 72, ps.height_mm / 25.4 * 72)
        if result.document is not None:
            self.preview.set_document(result.document)
            self.preview.status.setText(self.tr("排版用时 {} 毫秒").format(round(result.seconds * 1000)))
        elif result.unavailable:
            self.preview.set_document(None, self.tr("排版引擎尚未就绪\n\n表单中的修改都会保存在文档里；"
                                                    "排版引擎就绪后，这里即显示版面。"), size)
            self.preview.status.setText(self.tr("排版引擎尚未就绪"))
        else:
            self.preview.set_document(None, self.tr("排版出错，暂时无法预览：\n{}").format(result.error), size)
            self.preview.status.setText(self.tr("排版出错"))
        self.preview.select(self.selected_id, scroll=False)
        self._show_problems()
        bad = set()
        if result.document is not None:
            bad = {p.block_id for p in result.document.problems if p.kind == "overset"}
        self.outline.set_problem_ids(bad)

    def _show_problems(self) -> None:
        """The problems panel for the latest layout and the latest proofreading (own timer)."""
        result = self.runner.result
        if result is None:
            return
        problems = tuple(result.document.problems) if result.document is not None else ()
        ids = {p.block_id for p in problems} | {str(getattr(f, "block_id", "") or "") for f in result.findings}
        key = (problems, result.error, result.unavailable, tuple(sorted((i, self._name_of(i)) for i in ids if i)))
        shown = getattr(self.problems, "shown", None)
        if shown is not None and shown[0] == key and shown[1] is result.findings:
            return  # typing that changes no problem: keep the panel (and its selection) as it is
        self.problems.shown = (key, result.findings)
        self.problems.show_result(result)
        n = self.problems.count_rows()
        self.problems_dock.setWindowTitle(self.tr("问题（{}）").format(n) if n else self.tr("问题"))

    # ================================================================== status and title
    def _update_status(self) -> None:
        b = self.doc.bulletin
        chars = 0
        counts: dict[tuple[str, ...], int] = {}
        for page in b.pages:
            for item in (page.banner, page.headline, *page.blocks):
                if item is not None:
                    texts = tuple(block_texts(item))
                    n = self._char_counts.get(texts)
                    if n is None:
                        n = char_count(list(texts))
                    counts[texts] = n
                    chars += n
        self._char_counts = counts  # only the blocks typed into are counted again
        self.status_pages.setText(self.tr("共 {} 版").format(len(b.pages)))
        self.status_chars.setText(self.tr("{} 字").format(chars))
        if self.doc.saved_at is not None:
            self.status_saved.setText(self.tr("上次保存 {}").format(self.doc.saved_at.strftime("%H:%M")))
        else:
            self.status_saved.setText(self.tr("尚未保存"))

    def display_name(self) -> str:
        return os.path.basename(self.doc.path) if self.doc.path else self.tr("未命名会刊")

    def _update_title(self, *_args) -> None:
        self.setWindowTitle(self.tr("{}[*] — 会刊编辑器").format(self.display_name()))
        self.setWindowModified(self.doc.is_modified())

    def _on_autosaved(self, _path: str) -> None:
        self.statusBar().showMessage(self.tr("已自动保存恢复副本"), 4000)

    # ================================================================== files
    def maybe_save(self) -> bool:
        """Ask about unsaved work; True when it is safe to drop the current document."""
        if not self.doc.is_modified():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("保存修改？"),
            self.tr("“{}”有尚未保存的修改。关闭前要保存吗？").format(self.display_name()),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_from_template(self, key: str) -> None:
        if not self.maybe_save():
            return
        self.autosaver.discard()
        self.doc.replace(new_bulletin(key), None)

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        start = os.path.dirname(self.doc.path) if self.doc.path else os.path.expanduser("~")
        path, _ = QFileDialog.getOpenFileName(self, self.tr("打开会刊"), start, self.tr("会刊项目 (*.bulletin)"))
        if path:
            self.open_path(path, ask=False)

    def open_path(self, path: str, *, ask: bool = True) -> bool:
        if ask and not self.maybe_save():
            return False
        try:
            bulletin = load(path)
        except ProjectFileError as exc:
            QMessageBox.critical(self, self.tr("无法打开"), self.tr("无法打开这个文件：\n\n{}").format(exc))
            app_settings.remove_recent(path)
            return False
        self.autosaver.discard()
        self.doc.replace(bulletin, path)
        app_settings.add_recent(path)
        return True

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = app_settings.recent_files()
        if not files:
            a = self.recent_menu.addAction(self.tr("（无）"))
            a.setEnabled(False)
            return
        for i, path in enumerate(files, 1):
            a = self.recent_menu.addAction(f"&{i % 10}  {os.path.basename(path)}")
            a.setToolTip(path)
            a.setStatusTip(path)
            a.triggered.connect(lambda _=False, p=path: self.open_path(p))

    def save(self) -> bool:
        if not self.doc.path:
            return self.save_as()
        return self.save_to(self.doc.path)

    def save_as(self) -> bool:
        start = self.doc.path or os.path.join(os.path.expanduser("~"),
                                              (self.doc.bulletin.issue_title or self.tr("会刊")) + ".bulletin")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("另存为"), start, self.tr("会刊项目 (*.bulletin)"))
        if not path:
            return False
        if not path.lower().endswith(".bulletin"):
            path += ".bulletin"
        return self.save_to(path)

    def save_to(self, path: str) -> bool:
        """Save atomically; the live bulletin keeps every image undo might bring back."""
        live = self.doc.bulletin
        used = used_images(live)
        for name in list(live.images):
            if name not in used:  # only reachable by undo: keep it in memory, the file won't have it
                data = live.images.get(name)
                live.images.add_lazy(name, lambda d=data: d)
        snapshot = copy.deepcopy(live)
        try:
            save(snapshot, path)
        except ModelError as exc:
            QMessageBox.critical(self, self.tr("无法保存"),
                                 self.tr("文档中有不合规的设置，未保存：\n\n{}").format(exc))
            return False
        except OSError as exc:
            QMessageBox.critical(self, self.tr("无法保存"),
                                 self.tr("无法写入 {}：\n\n{}").format(path, exc.strerror or exc))
            return False
        for name in used:
            live.images.add_lazy(name, zip_member_reader(os.path.abspath(path), f"images/{name}"))
        self.doc.mark_saved(path)
        self.autosaver.discard()
        app_settings.add_recent(path)
        self._update_status()
        self.statusBar().showMessage(self.tr("已保存 {}").format(path), 4000)
        return True

    # ================================================================== closing
    def quit_app(self) -> None:
        QApplication.closeAllWindows()

    def closeEvent(self, e: QCloseEvent) -> None:  # noqa: N802
        if not self.maybe_save():
            e.ignore()
            return
        self._closing = True
        s = app_settings.settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.sync()
        self.autosaver.stop()
        self.autosaver.discard()
        self.runner.timer.stop()
        self.runner.check_timer.stop()
        self.runner.wait(5000)
        self.exporter.wait(60000)
        e.accept()

    def _restore_window_state(self) -> None:
        s = app_settings.settings()
        geometry = s.value("window/geometry")
        state = s.value("window/state")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("关于会刊编辑器"),
                          self.tr("会刊编辑器\n\n为工会宣传干事编排报纸专版与简报：填写表单、即时预览、"
                                  "导出印刷用 PDF 和可编辑的 Word 文档。"))


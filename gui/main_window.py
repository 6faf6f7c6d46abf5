"""The editor's main window: outline, form, live preview, problems, history.

Layout of the window: the outline (pages → blocks) docks left, the form of the selected item
docks right, the preview is central, problems and undo history dock at the bottom. Everything
the user changes goes through the Document's undo stack; the window only wires views to it.

The window can be built with an injected ``layout_fn`` (tests; None: no preview) and
``threaded_layout=False`` for deterministic tests. Its menus and actions are gui/menus.py, its
status bar gui/status_bar.py.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,  # noqa: F401 - dialogs of the file menu live in gui/file_ops.py; kept for menu helpers
    QGridLayout,
    QMainWindow,
    QMenu,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from gui import i18n, makeup, makeup_actions, structure
from gui import settings as app_settings
from gui.autosave import Autosaver
from gui.clipboard import clipboard_command
from gui.document import Document
from gui.export import Exporter
from gui.file_ops import FileOps
from gui.fixes import FixError, apply_finding
from gui.forms.base import Form
from gui.forms.bulletin_form import BulletinForm
from gui.forms.column_form import ColumnForm
from gui.forms.page_form import PageForm
from gui.forms.page_setup_form import PageSetupForm
from gui.forms.picture_form import PictureForm
from gui.forms.speech_form import SpeechForm
from gui.forms.wheel_guard import install_wheel_guard
from gui.help_guide import GuideDialog
from gui.idle_gc import IdleCollector, freeze_start_up, release_collections
from gui.import_hooks import import_hooks as importing  # submissions: drops, 打开 of a .docx/.txt
from gui.layout_runner import LayoutResult, LayoutRunner, default_check_fn, default_layout_fn
from gui.menus import MainMenu
from gui.outline import BULLETIN_ID, SETUP_ID, OutlineTree, item_text
from gui.preview import PreviewWidget
from gui.printing import Printing
from gui.problems import ProblemsDockSizer, ProblemsPanel
from gui.proofread_marks import attach_form as underline_findings
from gui.qt_workarounds import install_refcount_guard
from gui.start_page import StartPage
from gui.status_bar import StatusBar
from gui.thumbnails import ThumbnailStrip
from model.document import (
    Banner,
    Bulletin,
    ColumnBlock,
    HeadlineGroup,
    Page,
    PictureBlock,
    SpeechBlock,
)
from model.units import mm_to_pt

_DEFAULT = object()
#: a layout read back from disk is measured this long after its page is on screen, before anyone
#: can have clicked into a field and typed (gui/layout_runner.py, LayoutRunner.warm)
WARM_AFTER_PAINT_MS = 200
FORM_MIN_WIDTH = 300  # px: the form dock; with the outline and the preview the window fits 1024 px


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
        self.fix_finder = makeup_actions.FixFinder(self.runner.layout_fn, threaded_layout, self)
        self.fix_finder.found.connect(self._on_fixes)
        self.autosaver = Autosaver(self.doc, recovery_dir, autosave_ms, self)
        self.collector = IdleCollector(self.runner.is_settled, self)
        self.exporter = Exporter(self.doc, self)
        self.exporter.problems_fn = self._layout_problems
        self.exporter.where_fn = lambda block_id: self.where_of(block_id) if self.doc.bulletin.find(block_id) else ""
        self.printing = Printing(self, self._laid_out, lambda name: self.doc.bulletin.images.get(name))
        self.file_ops = FileOps(self)
        self.selected_id = BULLETIN_ID
        self.form: Form | None = None
        self._closing = False
        #: the window holds no document (文件 → 关闭): the start page shows instead of the docks
        self.showing_start = False
        self._document_state: QByteArray | None = None
        self._document_docks: set[str] = set()

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

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # the wheel guard, before any wheel can reach the window's fields (installed at once,
        # it would filter the thousands of events of building the window: gui/forms/wheel_guard.py)
        install_wheel_guard()
        super().showEvent(event)

    # ================================================================== building the UI
    def dialog_parent(self) -> QWidget:
        return self

    def _build_ui(self) -> None:
        """Create every widget and action; called again after a language switch."""
        self.main_menu = MainMenu(self)
        self.setMenuBar(self.main_menu)
        self.view_menu, self.recent_menu = self.main_menu.view_menu, self.main_menu.recent_menu
        self.preview = PreviewWidget(self.doc.bulletin.images.get)
        self.preview.setObjectName("preview")
        self.preview.blockClicked.connect(lambda block_id: self.select(block_id, source="preview"))
        self.start_page = StartPage()
        self.start_page.fromSubmissions.connect(self.new_from_submissions)
        self.start_page.newFromTemplate.connect(self.new_from_template)
        self.start_page.openFile.connect(self.open_dialog)
        self.start_page.openRecent.connect(self.open_path)
        self.central = QStackedWidget()
        self.central.setObjectName("central")
        self.central.addWidget(self.preview)
        self.central.addWidget(self.start_page)
        self.setCentralWidget(self.central)
        makeup.install(self)  # issue 10: pins, fixed layout, picture blocks, 适配版面
        self.main_menu.add_makeup_menu()  # 版面 menu and toolbar (after makeup.install made its actions)

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
                if action in (self.act_move_up, self.act_move_down):  # arrows keep the outline narrow
                    b.setArrowType(Qt.ArrowType.UpArrow if action is self.act_move_up else Qt.ArrowType.DownArrow)
                    b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
                b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
                buttons.addWidget(b, r, c * span, 1, span)
        lay.addLayout(buttons)
        lay.addWidget(self.outline, 1)
        self.outline_dock = self._dock("outlineDock", self.tr("目录"), outline_box, Qt.DockWidgetArea.LeftDockWidgetArea)

        self.thumbnails = ThumbnailStrip(lambda name: self.doc.bulletin.images.get(name))
        self.thumbnails.pageChosen.connect(self.go_to_page)
        self.preview.page_spin.valueChanged.connect(lambda v: self.thumbnails.set_current(v - 1))
        self.preview.scroll.verticalScrollBar().valueChanged.connect(
            lambda _v: self.thumbnails.set_current(self.preview.current_page()))
        self.thumbnails_dock = self._dock("thumbnailsDock", self.tr("版面缩略图"), self.thumbnails,
                                          Qt.DockWidgetArea.LeftDockWidgetArea)
        self.splitDockWidget(self.outline_dock, self.thumbnails_dock, Qt.Orientation.Vertical)

        self.form_scroll = QScrollArea()
        self.form_scroll.setObjectName("formScroll")
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setMinimumWidth(FORM_MIN_WIDTH)
        self.form_dock = self._dock("formDock", self.tr("内容编辑"), self.form_scroll, Qt.DockWidgetArea.RightDockWidgetArea)

        self.problems = ProblemsPanel(self.where_of)
        self.problems.jump.connect(lambda block_id: self.select(block_id, source="problems"))
        self.problems.fixRequested.connect(self.apply_fix)
        self.problems.pageFixRequested.connect(self.apply_page_fix)
        self.problems_dock = self._dock("problemsDock", self.tr("问题"), self.problems, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.history = QUndoView(self.doc.undo_stack)
        self.history.setEmptyLabel(self.tr("<打开时的状态>"))
        self.history_dock = self._dock("historyDock", self.tr("历史记录"), self.history, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.tabifyDockWidget(self.problems_dock, self.history_dock)
        self.problems_dock.raise_()
        self.resizeDocks([self.outline_dock, self.form_dock], [260, 430], Qt.Orientation.Horizontal)
        self.problems_sizer = ProblemsDockSizer(self, self.problems_dock)
        for dock in (self.outline_dock, self.thumbnails_dock, self.form_dock, self.problems_dock, self.history_dock):
            self.view_menu.addAction(dock.toggleViewAction())

        self.status = StatusBar()
        self.setStatusBar(self.status)

        self.outline.refresh(self.doc.bulletin)
        self._show_form(self.selected_id)
        self.outline.select(self.selected_id)
        self._update_status()
        self._update_actions()
        if self.runner.result is not None:
            self._on_layout(self.runner.result)
        importing.install_drop(self)  # .docx/.txt dropped on the window or the outline
        self.start_page.installEventFilter(self._submission_drop)  # … or on the start page: 从稿件新建
        if self.showing_start:  # rebuilt after a language switch: the start page again, the docks' state kept
            self.showing_start = False
            self.show_start_page(remember_docks=False)

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _teardown_ui(self) -> None:
        for dock in self.findChildren(QDockWidget):
            self.removeDockWidget(dock)
            dock.deleteLater()
        central = self.takeCentralWidget()
        if central is not None:
            central.deleteLater()
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
        self.runner.warm()  # a layout read back from disk: measured now, before typing (if not yet)
        if source != "outline":
            self.outline.select(item_id)
        if changed or self.form is None:
            self._show_form(item_id)
        self._show_in_preview(item_id, scroll=source != "preview")
        self._update_actions()

    def _show_in_preview(self, item_id: str, scroll: bool = True) -> None:
        """Mark the item in the preview and, with ``scroll``, follow it to its page."""
        page = structure.page_of(self.doc.bulletin, item_id)
        index = self.doc.bulletin.pages.index(page) if page is not None else None
        result = self.runner.result
        stale = result is None or result.generation != self.doc.generation
        self.preview.select(item_id, scroll=scroll, page=index, stale=stale)
        if scroll and page is not None and page.id == item_id:
            self.preview.go_to_page(index)

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
        underline_findings(form)  # proofreading findings underlined in its text fields
        if part:
            form.focus_part(part)
        self.doc.break_merge()

    def where_of(self, item_id: str) -> str:
        """Where an item is, as report lines name it: its page and its name (第 2 页 · 西安), as the outline
        names them."""
        item = self.doc.bulletin.find(item_id)
        if item is None or isinstance(item, Page):
            return self._name_of(item_id)
        page = structure.page_of(self.doc.bulletin, item_id)
        return self.tr("{page} · {block}").format(page=self._name_of(page.id), block=self._name_of(item_id))

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
        if self.showing_start:  # something was made in the empty window (导入稿件 …): it is a document now
            self.show_document()
        self.outline.refresh(self.doc.bulletin)
        if structural and self.selected_id not in (BULLETIN_ID, SETUP_ID) \
                and self.doc.bulletin.find(self.selected_id) is None:
            self.select(BULLETIN_ID)
        elif structural and isinstance(self.form, (PageForm, SpeechForm, ColumnForm)) \
                and self.doc.bulletin.find(getattr(self.form.item, "id", "")) is None:
            self._show_form(self.selected_id)
        self._drop_stale_notes()
        self.runner.request()
        self.collector.touch()
        self._update_status()
        self._update_actions()

    def _drop_stale_notes(self) -> None:
        """Report lines that no longer apply go (DESIGN: reports that point): an import note whose
        block was edited or deleted since, and every note of an import that was undone."""
        notes = getattr(self.problems, "notes", [])
        if not notes:
            return
        state = getattr(self.problems, "note_state", {})  # block id -> the block as the import made it
        b = self.doc.bulletin
        untouched = {i for i in state if (x := b.find(i)) is not None and repr(x) == state[i]}
        import_stands = not state or any(b.find(i) is not None for i in state)

        def applies(note: tuple[str, str, str, bool]) -> bool:
            return note[1] in untouched if note[1] else import_stands

        kept = [n for n in notes if applies(n)]
        if len(kept) != len(notes):
            self.problems.notes = kept
            self.problems.shown = None
            self._show_problems()

    def _on_replaced(self) -> None:
        if self.showing_start:
            self.show_document()
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

    def selection(self) -> list[str]:
        """The items the outline has selected (several with Ctrl/Shift+click); the current item
        alone when the outline's selection does not hold it."""
        ids = self.outline.selected_ids()
        return ids if self.selected_id in ids else [self.selected_id]

    def delete_selection(self) -> None:
        """删除: every selected item, one undo step."""
        new_id = structure.delete_many(self.doc, self.selection())
        if new_id:
            self.select(new_id)

    def _move(self, delta: int) -> None:
        ids = self.selection()
        if structure.move_many(self.doc, ids, delta):
            self.outline.select_many([self.selected_id, *[i for i in ids if i != self.selected_id]])
            self._show_in_preview(self.selected_id)

    def _move_requested(self, item_id: str, page_id: str, index: int) -> None:
        if structure.move_to(self.doc, item_id, page_id, index):
            self.select(item_id)

    def _outline_menu(self, pos) -> None:
        menu = QMenu(self)
        for a in self.main_menu.structure_actions():
            if a is None:
                menu.addSeparator()
            else:
                menu.addAction(a)
        menu.exec(self.outline.viewport().mapToGlobal(pos))

    def _update_actions(self) -> None:
        for a in getattr(self, "document_actions", ()):
            a.setEnabled(not self.showing_start)
        if hasattr(self, "size_button"):
            self.size_button.setEnabled(not self.showing_start)
        if self.showing_start:
            return
        size = getattr(self, "size_actions", {}).get(self.doc.bulletin.page_setup.preset)
        for a in getattr(self, "size_actions", {}).values():
            a.setChecked(a is size)
        b, sid = self.doc.bulletin, self.selected_id
        page = structure.page_of(b, sid)
        is_block = page is not None and any(x.id == sid for x in page.blocks)
        is_page = page is not None and page.id == sid
        self.act_duplicate.setEnabled(is_block or is_page)
        self.act_delete.setEnabled(any(structure.can_delete(b, i) for i in self.selection()))
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
        if result.document is not None:
            freeze_start_up()  # the engine's fonts and tables are loaded now (gui/idle_gc.py)
        else:
            release_collections()  # no layout to freeze after: collect as usual
        ps = self.doc.bulletin.page_setup
        size = (mm_to_pt(ps.width_mm), mm_to_pt(ps.height_mm))
        if result.document is not None:
            self.preview.set_document(result.document)
            if self.runner.needs_warming():  # the first layout's remaining work, once the page is on screen
                self.preview.canvas.after_next_paint(lambda: QTimer.singleShot(WARM_AFTER_PAINT_MS, self.runner.warm))
            self.thumbnails.set_document(result.document)
            self.preview.status.setText(self.tr("排版用时 {} 毫秒").format(round(result.seconds * 1000)))
        elif result.error:
            self.preview.set_document(None, self.tr("排版出错，暂时无法预览：\n{}").format(result.error), size)
            self.preview.status.setText(self.tr("排版出错"))
        else:  # a window built without a layout function (tests): a blank page
            self.preview.set_document(None, "", size)
        self.preview.select(self.selected_id, scroll=False)
        self._show_problems()
        bad = set()
        if result.document is not None:
            bad = {p.block_id for p in result.document.problems if p.kind == "overset"}
        self.outline.set_problem_ids(bad)
        if result.document is not None and result.generation == self.doc.generation and not self.showing_start:
            self.fix_finder.request(self.doc.bulletin, list(result.document.problems), result.generation)

    def _show_problems(self) -> None:
        """The problems panel for the latest layout and the latest proofreading (own timer)."""
        result = self.runner.result
        if result is None:
            return
        problems = tuple(result.document.problems) if result.document is not None else ()
        ids = {p.block_id for p in problems} | {str(getattr(f, "block_id", "") or "") for f in result.findings}
        key = (problems, result.error, tuple(sorted((i, self.where_of(i)) for i in ids if i)))
        shown = getattr(self.problems, "shown", None)
        if shown is not None and shown[0] == key and shown[1] is result.findings:
            return  # typing that changes no problem: keep the panel (and its selection) as it is
        self.problems.shown = (key, result.findings)
        self.problems.show_result(result)
        n = self.problems.count_rows()
        self.problems_sizer.fit(self.problems.has_severe())
        self.problems_dock.setWindowTitle(self.tr("问题（{}）").format(n) if n else self.tr("问题"))

    # ================================================================== status and title
    def _update_status(self) -> None:
        self.status.show_counts(self.doc.bulletin)
        self.status.show_saved(self.doc)

    def display_name(self) -> str:
        return os.path.basename(self.doc.path) if self.doc.path else self.tr("未命名会刊")

    def _update_title(self, *_args) -> None:
        if self.showing_start:
            self.setWindowTitle(self.tr("会刊编辑器"))
            self.setWindowModified(False)
            return
        name = self.display_name() + (self.tr("（只读副本）") if self.doc.read_only else "")
        self.setWindowTitle(self.tr("{}[*] — 会刊编辑器").format(name))
        self.setWindowModified(self.doc.is_modified())

    def _on_autosaved(self, _path: str) -> None:
        self.statusBar().showMessage(self.tr("已自动保存恢复副本"), 4000)

    # ================================================================== files (gui/file_ops.py)
    def maybe_save(self) -> bool:
        return self.file_ops.maybe_save()

    def new_from_template(self, key: str) -> None:
        self.file_ops.new_from_template(key)

    def new_from_submissions(self, paths: list[str] | None = None) -> bool:
        """新建 → 从稿件新建…: the chosen submissions, reviewed, become a new bulletin."""
        return self.file_ops.new_from_submissions(paths)

    def close_document(self) -> bool:
        """文件 → 关闭: the document goes (after asking about unsaved work); the window stays."""
        return self.file_ops.close_document()

    def show_start_page(self, remember_docks: bool = True) -> None:
        """No document: the start page fills the window, the docks are put away (and come back as
        they were with the next document)."""
        if self.showing_start:
            return
        if remember_docks:
            self._document_state = self.saveState()
            self._document_docks = {d.objectName() for d in self.findChildren(QDockWidget) if d.isVisible()}
        self.showing_start = True
        for dock in self.findChildren(QDockWidget):
            dock.hide()
        self.start_page.refresh()
        self.central.setCurrentWidget(self.start_page)
        self.start_page.from_submissions.setFocus()
        self._update_title()
        self._update_actions()

    def show_document(self) -> None:
        """A document again (new, opened, imported): the editor's docks come back as they were."""
        self.showing_start = False
        self.central.setCurrentWidget(self.preview)
        if self._document_state is not None:
            self.restoreState(self._document_state)
        shown = self._document_docks or {d.objectName() for d in (self.outline_dock, self.thumbnails_dock,
                                                                    self.form_dock, self.problems_dock)}
        for dock in self.findChildren(QDockWidget):  # by name: a language switch rebuilt the docks
            if dock.objectName() in shown:
                dock.show()
        self._update_title()
        self._update_actions()

    def set_page_size(self, preset: str) -> None:
        """版面 → 页面大小 (one undo step); the user's own settings stay."""
        makeup_actions.set_page_size(self.doc, preset)
        self._update_actions()

    def add_page_at_end(self) -> None:
        self.select(makeup_actions.add_page(self.doc))

    def remove_last_page(self) -> None:
        if makeup_actions.remove_last_page(self.doc):
            self.select(self.doc.bulletin.pages[-1].id)

    def pin_selection(self) -> None:
        """版面 → 固定/取消固定: the selected blocks where they stand now (one undo step)."""
        done = makeup_actions.pin_blocks(self.doc, self.selection(), self._laid_out())
        if not done:
            self.statusBar().showMessage(self.tr("请先在目录中选中要固定的栏目"), 5000)

    def toggle_jump(self) -> None:
        """版面 → 转版: the selected articles continue on the next page, or no longer (one undo step)."""
        done = makeup_actions.toggle_jump(self.doc, self.selection())
        if done == "last page":
            self.statusBar().showMessage(self.tr("最后一版后面没有版面可以转"), 5000)
        elif not done:
            self.statusBar().showMessage(self.tr("请先在目录中选中要转版的文章"), 5000)

    def toggle_fixed_page(self) -> None:
        """版面 → 固定版面: the selected page (or the page of the selection), one undo step."""
        page = structure.page_of(self.doc.bulletin, self.selected_id) or (
            self.doc.bulletin.pages[0] if self.doc.bulletin.pages else None)
        if page is None:
            return
        laid = self._laid_out()
        index = self.doc.bulletin.pages.index(page)
        lp = laid.pages[index] if laid is not None and index < len(laid.pages) else None
        makeup.set_fixed_layout(self.doc, page, not page.fixed_layout, lp)

    def apply_page_fix(self, fix: object) -> None:
        """A fix the problems panel offered for a short or overset page (one undo step)."""
        target = fix.apply(self.doc)
        self._update_actions()
        if target:
            self.select(target)

    def _on_fixes(self, generation: int, fixes: list) -> None:
        if generation == self.doc.generation:
            self.problems.set_page_fixes(fixes)

    def auto_makeup(self) -> None:
        """版面 → 自动组版: the make-up's best plans to choose from (gui/auto_makeup.py); the one
        chosen is one undo step."""
        from gui.auto_makeup import auto_makeup

        auto_makeup(self)

    def open_dialog(self) -> None:
        self.file_ops.open_dialog()

    def open_path(self, path: str, *, ask: bool = True) -> bool:
        if importing.is_submission(path):  # a city's .docx/.txt: offer to import it instead
            if self.showing_start:  # nothing open to import into: the submission starts a bulletin
                return self.new_from_submissions([path])
            return importing.offer_import(self, path)
        return self.file_ops.open_path(path, ask=ask)

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
        return self.file_ops.save()

    def save_as(self) -> bool:
        return self.file_ops.save_as()

    def save_to(self, path: str) -> bool:
        return self.file_ops.save_to(path)

    # ================================================================== closing
    def quit_app(self) -> None:
        self.file_ops.quit_app()

    def closeEvent(self, e: QCloseEvent) -> None:  # noqa: N802
        self.file_ops.close_event(e)

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


    # ================================================================== issue 14: habits
    def _laid_out(self):
        result = self.runner.result
        return result.document if result is not None else None

    def _layout_problems(self) -> list:
        doc = self._laid_out()
        return list(doc.problems) if doc is not None else []

    def go_to_page(self, index: int) -> None:
        """Show page ``index`` in the preview and select it (thumbnails)."""
        pages = self.doc.bulletin.pages
        if 0 <= index < len(pages):
            self.select(pages[index].id, source="thumbnails")
            self.preview.go_to_page(index)

    def clipboard_command(self, kind: str) -> None:
        clipboard_command(self, kind)

    def print_dialog(self) -> None:
        self.printing.ask_print()

    def print_preview(self) -> None:
        self.printing.show_preview()

    def show_guide(self) -> None:
        GuideDialog(self).exec()

    def open_example(self) -> None:
        """Help → 打开示例会刊 (the example is no longer what every start shows)."""
        from model.example import example_bulletin

        if not self.maybe_save():
            return
        self.autosaver.discard()
        self.doc.replace(example_bulletin(), None)

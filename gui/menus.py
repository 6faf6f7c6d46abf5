"""The main window's actions and menu bar (as novelWriter's GuiMainMenu): one place that says
which commands the editor has, their names, shortcuts and menus.

The actions stay attributes of the window (``window.act_save`` …): the outline's buttons and
context menu, the tests and other modules trigger them there. Their slots are the window's
methods, so this module holds no behaviour of its own. Rebuilt after a language switch.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar, QToolButton

from gui import i18n, labels, makeup_actions, structure
from gui.find_replace import add_menu_action as add_find_replace
from gui.import_hooks import import_hooks as importing
from gui.templates import TEMPLATES, template_name


class MainMenu(QMenuBar):
    """The menu bar; creating it gives ``window`` its ``act_*`` actions."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("mainMenu")
        self.w = window
        self._make_actions()
        self._make_menus()

    def _action(self, text: str, slot, shortcut=None, tip: str = "", name: str = "") -> QAction:
        a = QAction(text, self.w)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        if tip:
            a.setStatusTip(tip)
            a.setToolTip(tip)
        if name:
            a.setObjectName(name)
        a.triggered.connect(slot)
        return a

    # ------------------------------------------------------------------ actions
    def _make_actions(self) -> None:
        w, SK = self.w, QKeySequence.StandardKey
        w.act_open = self._action(self.tr("打开…"), w.open_dialog, SK.Open)
        w.act_save = self._action(self.tr("保存"), w.save, SK.Save)
        w.act_save_as = self._action(self.tr("另存为…"), w.save_as, SK.SaveAs)
        if w.act_save_as.shortcut().isEmpty():
            w.act_save_as.setShortcut(QKeySequence("Ctrl+Shift+S"))
        w.act_export_pdf = self._action(self.tr("导出 PDF…"), w.exporter.ask_pdf, "Ctrl+E",
                                        self.tr("导出可直接交印刷厂的 PDF"))
        w.act_export_docx = self._action(self.tr("导出 Word 文档…"), w.exporter.ask_docx, "Ctrl+Shift+E",
                                         self.tr("导出可在 Word 中修改的 DOCX"))
        w.act_print = self._action(self.tr("打印…"), w.print_dialog, SK.Print,
                                   self.tr("用系统打印对话框打印版面（原大或缩到 A4/A3）"), "actPrint")
        if w.act_print.shortcut().isEmpty():
            w.act_print.setShortcut(QKeySequence("Ctrl+P"))
        w.act_print_preview = self._action(self.tr("打印预览…"), w.print_preview, "Ctrl+Shift+P",
                                           self.tr("先看看打印出来的样子"), "actPrintPreview")
        w.act_close = self._action(self.tr("关闭"), w.close_document, SK.Close,
                                   self.tr("关闭这一期会刊，窗口留下（开始页）；退出用 Ctrl+Q"), "actClose")
        if w.act_close.shortcut().isEmpty():
            w.act_close.setShortcut(QKeySequence("Ctrl+W"))
        w.act_quit = self._action(self.tr("退出"), w.quit_app, SK.Quit)
        if w.act_quit.shortcut().isEmpty():
            w.act_quit.setShortcut(QKeySequence("Ctrl+Q"))
        stack = w.doc.undo_stack
        w.act_undo = stack.createUndoAction(w, self.tr("撤销"))
        w.act_undo.setShortcut(SK.Undo)
        w.act_redo = stack.createRedoAction(w, self.tr("重做"))
        w.act_redo.setShortcut(SK.Redo)
        w.act_cut = self._action(self.tr("剪切"), lambda: w.clipboard_command("cut"), SK.Cut,
                                 self.tr("剪切文字，或剪切选中的栏目、版面"), "actCut")
        w.act_copy = self._action(self.tr("复制"), lambda: w.clipboard_command("copy"), SK.Copy,
                                  self.tr("复制文字，或复制选中的栏目、版面（可粘贴到另一版）"), "actCopy")
        w.act_paste = self._action(self.tr("粘贴"), lambda: w.clipboard_command("paste"), SK.Paste,
                                   self.tr("粘贴文字，或把复制的栏目、版面粘贴到选中位置之后"), "actPaste")
        w.act_add_column = self._action(self.tr("加栏目"), lambda: w._structural(structure.add_block, "column"),
                                        "Ctrl+Shift+N", self.tr("在选中位置后添加一个地市栏目"))
        w.act_add_speech = self._action(self.tr("加讲话"), lambda: w._structural(structure.add_block, "speech"),
                                        None, self.tr("在选中位置后添加讲话摘编"))
        w.act_add_page = self._action(self.tr("加版面"), lambda: w._structural(structure.add_page), None,
                                      self.tr("在当前版面后添加新版面"))
        w.act_duplicate = self._action(self.tr("创建副本"), lambda: w._structural(structure.duplicate), "Ctrl+D",
                                       self.tr("在选中的栏目或版面后面放一个一样的副本"))
        w.act_delete = self._action(self.tr("删除"), w.delete_selection, None,
                                    self.tr("删除选中的栏目、版头、标题或版面（可多选；可撤销）"))
        w.act_move_up = self._action(self.tr("上移"), lambda: w._move(-1), "Alt+Up", self.tr("上移（到顶后移到上一版）"))
        w.act_move_down = self._action(self.tr("下移"), lambda: w._move(1), "Alt+Down",
                                       self.tr("下移（到底后移到下一版）"))
        w.act_zoom_in = self._action(self.tr("放大"), lambda: w.preview.zoom_by(1.25), SK.ZoomIn)
        w.act_zoom_out = self._action(self.tr("缩小"), lambda: w.preview.zoom_by(1 / 1.25), SK.ZoomOut)
        w.act_fit_width = self._action(self.tr("适合宽度"), lambda: w.preview.fit_width(), "Ctrl+0")
        w.act_fit_page = self._action(self.tr("整版"), lambda: w.preview.fit_page(), "Ctrl+9")
        w.act_guide = self._action(self.tr("使用指南"), w.show_guide, SK.HelpContents,
                                   self.tr("从新建一期到导出的简明步骤"), "actGuide")
        w.act_open_example = self._action(self.tr("打开示例会刊"), w.open_example, None,
                                          self.tr("打开随程序提供的示例，看看完整的一期是什么样子"), "actExample")

    # ------------------------------------------------------------------ menus
    def _make_menus(self) -> None:
        w = self.w
        self.file_menu = self.addMenu(self.tr("文件(&F)"))
        new_menu = self.file_menu.addMenu(self.tr("新建"))
        w.act_new_from_submissions = self._action(
            self.tr("从稿件新建…"), lambda: w.new_from_submissions(), "Ctrl+Alt+N",
            self.tr("选择各地市的稿件文件，检查后直接排成一期新会刊（不带空白栏目）"), "actNewFromSubmissions")
        new_menu.addAction(w.act_new_from_submissions)
        new_menu.addSeparator()
        for key in TEMPLATES:
            a = new_menu.addAction(template_name(key))
            a.triggered.connect(lambda _=False, k=key: w.new_from_template(k))
            if key == "special":
                a.setShortcut(QKeySequence.StandardKey.New)
        self.file_menu.addAction(w.act_open)
        importing.add_menu_action(w, self.file_menu)  # 导入稿件… Ctrl+I
        self.recent_menu = self.file_menu.addMenu(self.tr("最近打开"))
        self.recent_menu.aboutToShow.connect(w._fill_recent)
        self.file_menu.addSeparator()
        self.file_menu.addAction(w.act_save)
        self.file_menu.addAction(w.act_save_as)
        self.file_menu.addSeparator()
        self.file_menu.addAction(w.act_export_pdf)
        self.file_menu.addAction(w.act_export_docx)
        self.file_menu.addSeparator()
        self.file_menu.addAction(w.act_print)
        self.file_menu.addAction(w.act_print_preview)
        self.file_menu.addSeparator()
        self.file_menu.addAction(w.act_close)
        self.file_menu.addAction(w.act_quit)

        self.edit_menu = self.addMenu(self.tr("编辑(&E)"))
        self.edit_menu.addAction(w.act_undo)
        self.edit_menu.addAction(w.act_redo)
        self.edit_menu.addSeparator()
        for a in (w.act_cut, w.act_copy, w.act_paste):
            self.edit_menu.addAction(a)
        self.edit_menu.addSeparator()
        for a in (w.act_add_column, w.act_add_speech, w.act_add_page, w.act_duplicate, w.act_delete,
                  w.act_move_up, w.act_move_down):
            self.edit_menu.addAction(a)
        add_find_replace(w, self.edit_menu)  # 查找和替换… Ctrl+F / Ctrl+H

        self.view_menu = self.addMenu(self.tr("视图(&V)"))
        for a in (w.act_zoom_in, w.act_zoom_out, w.act_fit_width, w.act_fit_page):
            self.view_menu.addAction(a)
        self.view_menu.addSeparator()  # the docks' show/hide actions follow (added by the window)

        self.settings_menu = self.addMenu(self.tr("设置(&S)"))
        lang_menu = self.settings_menu.addMenu(self.tr("界面语言 / Language"))
        group = QActionGroup(w)
        for code, name in i18n.LANGUAGES.items():
            a = lang_menu.addAction(name)
            a.setCheckable(True)
            a.setChecked(code == i18n.current())
            a.triggered.connect(lambda _=False, c=code: w.set_language(c))
            group.addAction(a)

        self.help_menu = self.addMenu(self.tr("帮助(&H)"))
        self.help_menu.addAction(w.act_guide)
        self.help_menu.addAction(w.act_open_example)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self._action(self.tr("关于会刊编辑器"), w._about))

    # ------------------------------------------------------------------ 版面
    def add_makeup_menu(self) -> None:
        """The 版面 menu and toolbar: the page make-up in one place, each with a shortcut and each
        one undo step. Called once gui/makeup.py has made its actions (加图片块, 适配版面)."""
        w = self.w
        from gui.auto_makeup_action import install_auto_makeup

        # 自动组版 (the make-up's plans to choose from, gui/auto_makeup.py), here with Ctrl+M
        w.act_auto_makeup = install_auto_makeup(w)
        w.act_auto_makeup.setShortcut(QKeySequence("Ctrl+M"))
        w.act_copy_fit.setText(self.tr("适配版面"))
        w.act_copy_fit.setShortcut(QKeySequence("Ctrl+Shift+M"))
        w.act_add_picture.setText(self.tr("加图片块"))
        w.act_add_picture.setShortcut(QKeySequence("Ctrl+Shift+G"))
        w.act_pin = self._action(self.tr("固定/取消固定"), w.pin_selection, "Ctrl+L",
                                 self.tr("选中的栏目保持现在的栏宽、高度和位置；再按一次取消固定"), "actPin")
        w.act_jump = self._action(self.tr("转版"), w.toggle_jump, "Ctrl+Shift+J",
                                  self.tr("选中的文章排不下的部分接到下一版开头（下转/上接）；再按一次取消"), "actJump")
        w.act_fix_page = self._action(self.tr("固定版面"), w.toggle_fixed_page, "Ctrl+Shift+L",
                                      self.tr("本版每个栏目都固定在原位，打字不再挪动别的栏目；再按一次取消"), "actFixPage")
        w.act_page_plus = self._action(self.tr("加一版"), w.add_page_at_end, "Ctrl+Alt+=",
                                       self.tr("在最后加一个空版面"), "actPagePlus")
        w.act_page_minus = self._action(self.tr("减一版"), w.remove_last_page, "Ctrl+Alt+-",
                                        self.tr("去掉最后一版，它的栏目并到前一版"), "actPageMinus")
        w.size_actions = {}
        group = QActionGroup(w)
        for n, preset in enumerate(makeup_actions.SIZES[::-1], 1):
            a = self._action(labels.preset_name(preset), lambda _=False, p=preset: w.set_page_size(p),
                             f"Ctrl+Alt+{n}", self.tr("把整期改为这个页面大小（保留自己改过的设置）"), f"actSize_{preset}")
            a.setCheckable(True)
            group.addAction(a)
            w.size_actions[preset] = a
        self.makeup_menu = QMenu(self.tr("版面(&L)"), self)
        self.makeup_menu.setObjectName("makeupMenu")
        self.insertMenu(self.view_menu.menuAction(), self.makeup_menu)
        m = self.makeup_menu
        install_auto_makeup(w, m)
        m.addAction(w.act_copy_fit)
        m.addSeparator()
        m.addAction(w.act_add_picture)
        size_menu = m.addMenu(self.tr("页面大小"))
        for a in w.size_actions.values():
            size_menu.addAction(a)
        m.addAction(w.act_page_plus)
        m.addAction(w.act_page_minus)
        m.addSeparator()
        m.addAction(w.act_pin)
        m.addAction(w.act_jump)
        m.addAction(w.act_fix_page)

        bar = QToolBar(self.tr("版面"), w)
        bar.setObjectName("makeupToolbar")
        bar.setIconSize(QSize(16, 16))
        bar.setToolButtonStyle(w.toolButtonStyle())
        for a in (w.act_auto_makeup, w.act_copy_fit, w.act_add_picture):
            bar.addAction(a)
        size_button = QToolButton(bar)
        size_button.setText(self.tr("页面大小"))
        size_button.setMenu(size_menu)
        size_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        bar.addWidget(size_button)
        w.size_button = size_button
        for a in (w.act_page_plus, w.act_page_minus, w.act_pin, w.act_fix_page):
            bar.addAction(a)
        w.addToolBar(bar)
        w.makeup_toolbar = bar
        self.view_menu.addAction(bar.toggleViewAction())
        w.document_actions = [w.act_save, w.act_save_as, w.act_export_pdf, w.act_export_docx, w.act_print,
                              w.act_print_preview, w.act_close, w.act_cut, w.act_copy, w.act_paste, w.act_add_column,
                              w.act_add_speech, w.act_add_page, w.act_duplicate, w.act_delete, w.act_move_up,
                              w.act_move_down, w.act_auto_makeup, w.act_copy_fit, w.act_add_picture, w.act_pin,
                              w.act_jump, w.act_fix_page, w.act_page_plus, w.act_page_minus, *w.size_actions.values()]

    def structure_actions(self) -> list[QAction | None]:
        """The outline's context menu (None: a separator)."""
        w = self.w
        return [w.act_cut, w.act_copy, w.act_paste, None, w.act_add_column, w.act_add_speech, w.act_add_page,
                None, w.act_duplicate, w.act_delete, None, w.act_move_up, w.act_move_down, None, w.act_pin, w.act_jump]

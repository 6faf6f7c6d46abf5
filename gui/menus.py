"""The main window's actions and menu bar (as novelWriter's GuiMainMenu): one place that says
which commands the editor has, their names, shortcuts and menus.

The actions stay attributes of the window (``window.act_save`` …): the outline's buttons and
context menu, the tests and other modules trigger them there. Their slots are the window's
methods, so this module holds no behaviour of its own. Rebuilt after a language switch.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenuBar

from gui import i18n, structure
from gui.find_replace import add_menu_action as add_find_replace
from gui.importing import import_hooks as importing
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
        w.act_close = self._action(self.tr("关闭"), w.close, SK.Close)
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
        w.act_delete = self._action(self.tr("删除"), lambda: w._structural(structure.delete), None,
                                    self.tr("删除选中的栏目、版头、标题或版面（可撤销）"))
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

    def structure_actions(self) -> list[QAction | None]:
        """The outline's context menu (None: a separator)."""
        w = self.w
        return [w.act_cut, w.act_copy, w.act_paste, None, w.act_add_column, w.act_add_speech, w.act_add_page,
                None, w.act_duplicate, w.act_delete, None, w.act_move_up, w.act_move_down]

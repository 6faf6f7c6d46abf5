"""The import review dialog: per submission, what the importer recognised beside the source text.

Left, the files; in the middle, every line of the selected file with the role it was given
(栏目标题, 单位, 姓名, 职务, 正文, 图注, 未归类 …) — one click on the role opens the choices, and
choosing one reassembles the submission with that line forced (importers.review), so the rest
follows (the titles under a forced name join it, the wrong column disappears). Right, the
result: each column's region, headline, unit, name, titles, portrait and paragraph count, the
pictures to choose the portrait from, and the report's warnings.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from importers import ImportReport
from importers.importer import merge
from importers.review import Result, Submission
from importers.tokens import FORCEABLE
from model.document import Bulletin, ColumnBlock, SpeechBlock

_CTX = "ImportDialog"
ROLE_NAMES = {
    "banner": QT_TRANSLATE_NOOP("ImportDialog", "版头"),
    "kicker": QT_TRANSLATE_NOOP("ImportDialog", "引题"),
    "page_title": QT_TRANSLATE_NOOP("ImportDialog", "主题"),
    "subtitle": QT_TRANSLATE_NOOP("ImportDialog", "副题"),
    "headline": QT_TRANSLATE_NOOP("ImportDialog", "栏目标题"),
    "unit": QT_TRANSLATE_NOOP("ImportDialog", "单位"),
    "name": QT_TRANSLATE_NOOP("ImportDialog", "姓名"),
    "title": QT_TRANSLATE_NOOP("ImportDialog", "职务"),
    "body": QT_TRANSLATE_NOOP("ImportDialog", "正文"),
    "bullet": QT_TRANSLATE_NOOP("ImportDialog", "◎要点"),
    "label": QT_TRANSLATE_NOOP("ImportDialog", "年份标签"),
    "section_heading": QT_TRANSLATE_NOOP("ImportDialog", "小标题"),
    "attribution": QT_TRANSLATE_NOOP("ImportDialog", "出处"),
    "caption": QT_TRANSLATE_NOOP("ImportDialog", "图注"),
    "picture": QT_TRANSLATE_NOOP("ImportDialog", "图片"),
    "table": QT_TRANSLATE_NOOP("ImportDialog", "表格"),
    "set_aside": QT_TRANSLATE_NOOP("ImportDialog", "搁置（不排印）"),
    "unclassified": QT_TRANSLATE_NOOP("ImportDialog", "未归类"),
    "blank": QT_TRANSLATE_NOOP("ImportDialog", "空行"),
}
ROLE_COLOURS = {
    "headline": "#fde7c8", "banner": "#f8d4d4", "page_title": "#f8d4d4", "kicker": "#f8d4d4", "subtitle": "#f8d4d4",
    "unit": "#dcecc8", "name": "#cfe3f7", "title": "#e3eefb", "caption": "#eee0f5", "picture": "#eee0f5",
    "unclassified": "#ffc9c9", "table": "#d8f0ee", "set_aside": "#dddddd",
}


def role_name(role: str) -> str:
    return QCoreApplication.translate(_CTX, ROLE_NAMES.get(role, role))


class ImportDialog(QDialog):
    """Review before import. ``submissions`` are read already; more can be added here."""

    def __init__(self, submissions: list[Submission], parent: QWidget | None = None, *, has_pages: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("导入稿件"))
        self.submissions: list[Submission] = list(submissions)
        self.results: list[Result | None] = [None] * len(self.submissions)
        self._filling = False

        self.files = QListWidget()
        self.files.setObjectName("importFiles")
        self.files.currentRowChanged.connect(self._show_submission)
        add = QPushButton(self.tr("添加文件…"))
        add.clicked.connect(self._add_files)
        self.remove_button = QPushButton(self.tr("移除"))
        self.remove_button.clicked.connect(self._remove_current)
        left = QWidget()
        lay = QVBoxLayout(left)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(QLabel(self.tr("稿件")))
        lay.addWidget(self.files, 1)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(self.remove_button)
        lay.addLayout(row)

        self.lines = QTableWidget(0, 4)
        self.lines.setObjectName("importLines")
        self.lines.setHorizontalHeaderLabels([self.tr("行"), self.tr("原文"), self.tr("识别为（点击更正）"), ""])
        self.lines.verticalHeader().setVisible(False)
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines.setWordWrap(True)
        header = self.lines.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)

        self.summary = QTreeWidget()
        self.summary.setObjectName("importSummary")
        self.summary.setHeaderLabels([self.tr("识别结果"), ""])
        self.summary.setColumnWidth(0, 150)
        self.pictures = QListWidget()
        self.pictures.setObjectName("importPictures")
        self.pictures.setViewMode(QListWidget.ViewMode.IconMode)
        self.pictures.setIconSize(QSize(72, 96))
        self.pictures.setMaximumHeight(140)
        self.pictures.itemClicked.connect(self._picture_clicked)
        self.pictures_box = QGroupBox(self.tr("图片：肖像或新闻图片（点击选作肖像）"))
        QVBoxLayout(self.pictures_box).addWidget(self.pictures)
        right = QWidget()
        lay = QVBoxLayout(right)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.summary, 1)
        lay.addWidget(self.pictures_box)

        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.lines)
        split.addWidget(right)
        split.setSizes([170, 560, 330])

        self.into_current = QRadioButton(self.tr("放入当前版面"))
        self.into_new = QRadioButton(self.tr("放入新版面"))
        self.into_current.setObjectName("intoCurrent")
        self.into_new.setObjectName("intoNew")
        (self.into_current if has_pages else self.into_new).setChecked(True)
        self.into_current.setEnabled(has_pages)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("导入"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.status = QLabel()
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.into_current)
        bottom.addWidget(self.into_new)
        bottom.addWidget(self.buttons)
        outer = QVBoxLayout(self)
        outer.addWidget(split, 1)
        outer.addLayout(bottom)
        self.resize(1180, 680)
        self._refill_files()

    # ------------------------------------------------------------------ model side
    def result(self, index: int) -> Result:  # noqa: A003 - QDialog.result() is the exec code, see result_bulletin
        res = self.results[index]
        if res is None:
            res = self.results[index] = self.submissions[index].assemble()
        return res

    def result_bulletin(self) -> tuple[Bulletin, ImportReport]:
        """Every submission, as corrected, merged in order into one new bulletin."""
        bulletin, report = Bulletin(), ImportReport()
        for i in range(len(self.submissions)):
            res = self.result(i)
            merge(bulletin, res.bulletin)
            report.extend(res.report)
        return bulletin, report

    def new_page(self) -> bool:
        return self.into_new.isChecked()

    def set_role(self, row: int, role: str | None) -> None:
        """Force line ``row`` of the table (None: back to the importer's guess) and reassemble."""
        index = self.files.currentRow()
        sub = self.submissions[index]
        line = self.lines.item(row, 0).data(Qt.ItemDataRole.UserRole)
        if role is None:
            sub.overrides.pop(line, None)
        else:
            if role not in FORCEABLE:
                raise ValueError(role)
            sub.overrides[line] = role
        self.results[index] = None
        self._show_submission(index)

    def set_aside(self, row: int, aside: bool = True) -> None:
        """One click: line ``row`` of the table is not printed (kept in the report), or back."""
        self.set_role(row, "set_aside" if aside else None)

    def merge_column(self, number: int) -> None:
        """One click: column ``number`` (0-based, in the file's result) joins the one before it."""
        index = self.files.currentRow()
        res = self.result(index)
        cols = [b for _, b in res.bulletin.iter_blocks() if isinstance(b, ColumnBlock)]
        if not 0 < number < len(cols):
            raise ValueError(f"no column {number} to merge")
        line = res.column_lines.get(id(cols[number]), -1)
        if line < 0:
            raise ValueError(f"column {number} has no first line")
        self.submissions[index].merges.add(line)
        self.results[index] = None
        self._show_submission(index)

    def choose_portrait(self, number: int) -> None:
        """Use picture ``number`` (in the file's order) as the portrait."""
        index = self.files.currentRow()
        sub = self.submissions[index]
        line, k, _name, _data = sub.pictures()[number]
        sub.portrait = (line, k)
        self.results[index] = None
        self._show_submission(index)

    # ------------------------------------------------------------------ views
    def _refill_files(self) -> None:
        self._shown = None
        self.files.clear()
        for sub in self.submissions:
            self.files.addItem(sub.source)
        self.remove_button.setEnabled(bool(self.submissions))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.submissions))
        if self.submissions:
            self.files.setCurrentRow(0)
        else:
            self._show_submission(-1)

    def _add_files(self) -> None:
        from gui.importing import file_filter

        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("添加稿件"), "", file_filter())
        self.add_paths(paths)

    def add_paths(self, paths: list[str]) -> list[str]:
        """Read more files into the dialog; returns the messages of those that could not be read."""
        from gui.importing import read_in_worker

        subs, errors = read_in_worker(self, paths) or ([], [])  # on a worker, with 取消
        self.submissions += subs
        self.results += [None] * len(subs)
        if errors:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, self.tr("有稿件无法读取"), "\n".join(errors))
        self._refill_files()
        return errors

    def _remove_current(self) -> None:
        i = self.files.currentRow()
        if 0 <= i < len(self.submissions):
            del self.submissions[i]
            del self.results[i]
            self._refill_files()

    def _show_submission(self, index: int) -> None:
        same = index == getattr(self, "_shown", None) and self.lines.rowCount() > 0
        self._shown = index
        if not same:
            self.lines.setRowCount(0)
        self.summary.clear()
        self.pictures.clear()
        if not 0 <= index < len(self.submissions):
            self.status.setText("")
            self.pictures_box.setVisible(False)
            return
        sub, res = self.submissions[index], self.result(index)
        if same:
            self._update_lines(sub, res)  # a correction: same rows, new roles (no widgets rebuilt)
        else:
            self._fill_lines(sub, res)
        self._fill_summary(res)
        self._fill_pictures(sub, res)
        warnings = len(res.report.warnings)
        unclassified = res.roles.count("unclassified")
        count = res.report.files[-1] if res.report.files else None
        self.status.setText(self.tr("{cols} 个栏目，{paras} 段正文，{pics} 张图片，{tables} 个表格；"
                                    "{un} 行未归类，{aside} 行搁置，{w} 条提醒").format(
            cols=res.report.columns, paras=res.report.paragraphs, pics=count.pictures_placed if count else 0,
            tables=count.tables_placed if count else 0, un=unclassified, aside=len(res.report.set_aside), w=warnings))

    def _fill_lines(self, sub: Submission, res: Result) -> None:
        rows = [i for i, line in enumerate(sub.lines) if line.text or line.pictures]
        self.lines.setRowCount(len(rows))
        for r, i in enumerate(rows):
            line, role = sub.lines[i], res.roles[i]
            number = QTableWidgetItem(str(line.number))
            number.setData(Qt.ItemDataRole.UserRole, i)
            text = line.text or self.tr("［图片 {}］").format(", ".join(n for n, _ in line.pictures))
            if line.text and line.pictures:
                text += self.tr("  ［图片］")
            cell = QTableWidgetItem(text)
            cell.setToolTip(text)
            colour = ROLE_COLOURS.get(role)
            for item in (number, cell):
                if colour:
                    item.setBackground(QBrush(QColor(colour)))
            self.lines.setItem(r, 0, number)
            self.lines.setItem(r, 1, cell)
            self.lines.setCellWidget(r, 2, self._role_combo(r, i, role, sub.overrides.get(i), bool(line.text)))
            if line.text:
                self.lines.setCellWidget(r, 3, self._aside_button(r, sub.overrides.get(i) == "set_aside"))
        self.lines.resizeRowsToContents()

    def _update_lines(self, sub: Submission, res: Result) -> None:
        for r in range(self.lines.rowCount()):
            i = self.lines.item(r, 0).data(Qt.ItemDataRole.UserRole)
            role, forced = res.roles[i], sub.overrides.get(i)
            colour = ROLE_COLOURS.get(role)
            for c in (0, 1):
                self.lines.item(r, c).setBackground(QBrush(QColor(colour)) if colour else QBrush())
            combo: QComboBox = self.lines.cellWidget(r, 2)
            combo.setItemText(0, self.tr("自动：{}").format(role_name(role)) if forced is None else self.tr("自动"))
            combo.setCurrentIndex(0 if forced is None else max(combo.findData(forced), 0))
            combo.setToolTip(self.tr("识别为：{}。可改为其他角色").format(role_name(role)))
            button = self.lines.cellWidget(r, 3)
            if isinstance(button, QPushButton):
                button.setChecked(forced == "set_aside")
                button.setText(self.tr("恢复") if forced == "set_aside" else self.tr("搁置"))

    def _aside_button(self, row: int, aside: bool) -> QPushButton:
        button = QPushButton(self.tr("恢复") if aside else self.tr("搁置"))
        button.setObjectName(f"aside{row}")
        button.setCheckable(True)
        button.setChecked(aside)
        button.setToolTip(self.tr("搁置：这一行不排印，保留在导入报告里（文件和行号）"))
        button.clicked.connect(lambda checked, rw=row: self.set_aside(rw, checked))
        return button

    def _role_combo(self, row: int, line: int, role: str, forced: str | None, has_text: bool) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(f"role{row}")
        combo.addItem(self.tr("自动：{}").format(role_name(role)) if forced is None else self.tr("自动"), None)
        if has_text:
            for r in FORCEABLE:
                combo.addItem(role_name(r), r)
        if forced is not None:
            combo.setCurrentIndex(combo.findData(forced))
        combo.setToolTip(self.tr("识别为：{}。可改为其他角色").format(role_name(role)))
        combo.activated.connect(lambda k, rw=row, c=combo: self.set_role(rw, c.itemData(k)))
        return combo

    def _fill_summary(self, res: Result) -> None:
        def add(parent, label: str, value: str = "") -> QTreeWidgetItem:
            item = QTreeWidgetItem([label, value])
            item.setToolTip(1, value)
            (parent.addChild(item) if isinstance(parent, QTreeWidgetItem) else self.summary.addTopLevelItem(item))
            return item

        n = 0
        columns = 0
        sub = self.submissions[self.files.currentRow()]
        for page in res.bulletin.pages:
            if page.banner:
                add(None, role_name("banner"), " / ".join(page.banner.lines))
            if page.headline:
                add(None, role_name("page_title"), page.headline.title)
            for block in page.blocks:
                n += 1
                if isinstance(block, ColumnBlock):
                    top = add(None, self.tr("栏目 {}").format(n), block.region)
                    top.setData(0, Qt.ItemDataRole.UserRole, columns)
                    if columns:
                        merge = QPushButton(self.tr("并入上一栏"))
                        merge.setObjectName(f"merge{columns}")
                        merge.setToolTip(self.tr("这不是另一篇稿件：并入上一个栏目"))
                        merge.clicked.connect(lambda _c=False, k=columns: self.merge_column(k))
                        self.summary.setItemWidget(top, 1, merge)
                    columns += 1
                    self._column_entry(add, top, block, sub)
                elif isinstance(block, SpeechBlock):
                    top = add(None, self.tr("讲话 {}").format(n), block.speaker.name)
                    add(top, self.tr("部分"), str(len(block.sections)))
        # lines set aside are shown in the column whose lines they stand among (the nearest
        # column begun above them); only a file without any column lists them on their own
        tops = [self.summary.topLevelItem(i) for i in range(self.summary.topLevelItemCount())]
        col_tops = [t for t in tops if t.data(0, Qt.ItemDataRole.UserRole) is not None]
        cols = [b for _, b in res.bulletin.iter_blocks() if isinstance(b, ColumnBlock)]
        starts = [sub.lines[res.column_lines[id(c)]].number if res.column_lines.get(id(c), -1) >= 0 else 0
                  for c in cols]
        loose = []
        for item in res.report.set_aside:
            label = self.tr("搁置 第 {} 行").format(item.line) if item.line else role_name("set_aside")
            k = max((i for i, first in enumerate(starts) if first <= (item.line or 0)), default=0 if cols else None)
            if k is None or k >= len(col_tops):
                loose.append((label, item.text))
            else:
                entry = add(col_tops[k], label, item.text)
                entry.setForeground(0, QBrush(QColor("#8a6d00")))
        if loose:
            top = add(None, role_name("set_aside"), str(len(loose)))
            for label, text in loose:
                add(top, label, text)
        warnings = res.report.warnings
        unclassified = [t for t, r in zip((x.text for x in self._current_lines()), res.roles) if r == "unclassified"]
        if unclassified:
            top = add(None, role_name("unclassified"), str(len(unclassified)))
            for t in unclassified:
                add(top, "", t)
        if warnings:
            top = add(None, self.tr("提醒"), str(len(warnings)))
            from gui import i18n
            from importers.messages_zh import in_language

            for w in warnings:
                add(top, str(w.line or ""), in_language(w.message, i18n.current()))
        self.summary.expandAll()

    def _column_entry(self, add, top: QTreeWidgetItem, block: ColumnBlock, sub: Submission) -> None:
        """What one submission's column holds: every part, its photos with their role and
        caption, its tables."""
        if block.kicker:
            add(top, role_name("kicker"), block.kicker)
        add(top, role_name("headline"), block.headline)
        add(top, role_name("unit"), block.organisation)
        add(top, role_name("name"), block.person.name if block.person else "")
        add(top, role_name("title"), " / ".join(block.person.titles) if block.person else "")
        names = self._picture_names(sub)
        add(top, self.tr("肖像"), names.get(block.portrait.image, self.tr("有")) if block.portrait else self.tr("无"))
        for photo in block.photos:
            add(top, self.tr("新闻图片"), names.get(photo.picture.image, "")
                + (f"：{photo.caption}" if photo.caption else self.tr("（无图片说明）")))
        for k, table in enumerate(block.tables):
            t = add(top, role_name("table"), self.tr("{} 行 × {} 列").format(len(table.rows), table.width))
            for row in table.rows:
                add(t, "", " | ".join(row.cells))
            if k == 0:
                t.setExpanded(True)
        add(top, role_name("body"), self.tr("{} 段").format(len(block.paragraphs)))

    @staticmethod
    def _picture_names(sub: Submission) -> dict[str, str]:
        """Image-store name -> the picture's name in the file."""
        from model.images import image_name, inspect_image

        out = {}
        for _line, _k, name, data in sub.pictures():
            try:
                out[image_name(data, inspect_image(data, name))] = name
            except Exception:  # noqa: BLE001 - a picture the importer refused has no store name
                continue
        return out

    def _current_lines(self):
        i = self.files.currentRow()
        return self.submissions[i].lines if 0 <= i < len(self.submissions) else []

    def _fill_pictures(self, sub: Submission, res: Result) -> None:
        pics = sub.pictures()
        self.pictures_box.setVisible(bool(pics))
        chosen = sub.portrait
        cols = [c for _, c in res.bulletin.iter_blocks() if isinstance(c, ColumnBlock)]
        used = {c.portrait.image for c in cols if c.portrait}
        photos = {p.picture.image: p.caption for c in cols for p in c.photos}
        from model.images import image_name, inspect_image

        for number, (line, k, name, data) in enumerate(pics):
            pix = QPixmap()
            pix.loadFromData(data)
            item = QListWidgetItem(QIcon(pix), name)
            item.setData(Qt.ItemDataRole.UserRole, number)
            try:
                stored = image_name(data, inspect_image(data, name))
            except Exception:  # noqa: BLE001 - a picture the importer refuses is simply not the portrait
                stored = ""
            if chosen == (line, k) or (chosen is None and stored in used):
                item.setText(self.tr("{}（肖像）").format(name))
                item.setSelected(True)
            elif stored in photos:
                item.setText(self.tr("{}（新闻图片）").format(name))
                item.setToolTip(photos[stored] or self.tr("没有图片说明"))
            self.pictures.addItem(item)

    def _picture_clicked(self, item: QListWidgetItem) -> None:
        self.choose_portrait(int(item.data(Qt.ItemDataRole.UserRole)))

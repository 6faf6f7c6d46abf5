"""Help → 使用指南: the week's workflow on one page, in the UI language.

Why a built-in page and not a manual on the web: the staff work on office machines that are
often offline, and they need the six steps (new issue, import, edit, fit, proofread, export),
not a reference. The text is kept here in both languages as whole HTML pages, because a guide
translated sentence by sentence through the .ts catalogue reads badly in either.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from gui import i18n

GUIDE_ZH = """
<h2>会刊编辑器使用指南</h2>
<p>一期会刊从新建到交印刷厂，通常走这六步。每一步都可以撤销（Ctrl+Z），文件每分钟自动保存恢复副本。</p>
<h3>1. 新建一期</h3>
<p><b>文件 → 新建</b>，选对开专版、四开会刊或 A4 简报。在左侧目录选“会刊信息”，填写报刊名称、出版日期、期号
（只填数字即可，如 1288，页脚自动排成“第1288期”）和署名。</p>
<h3>2. 导入稿件</h3>
<p>把各地市报来的 Word/文本稿件拖进窗口，或用<b>文件 → 导入</b>；检查后逐篇放进栏目。照片可以拖到栏目的肖像框里，
再用“裁剪”调整。</p>
<h3>3. 编辑</h3>
<p>在目录里选中版面或栏目，右侧表单即可修改；中间的预览随时更新，点预览中的栏目也能选中它。
<b>加栏目</b>、<b>加讲话</b>放在选中位置之后；<b>复制</b>（Ctrl+C）一个栏目，到另一版<b>粘贴</b>（Ctrl+V）；
<b>创建副本</b>（Ctrl+D）在原处再放一份。用鼠标滚轮翻动表单不会改动下拉框，先点一下才能用滚轮改值。</p>
<h3>4. 调整版面</h3>
<p>预览中红框表示文字排不下（“超出 N 字”），底部“问题”面板列出每一处。删减文字、调整栏宽或字号，
或把栏目移到另一版（Alt+↑/↓，或在目录中拖动）。左侧缩略图可一眼看到整期并跳到任一版。</p>
<h3>5. 校对</h3>
<p>“问题”面板同时列出校对提示（错别字、标点、数字格式）；双击一行转到那个栏目，右键可一键采用建议。
需要纸样时用<b>文件 → 打印</b>（Ctrl+P），可原大打印，也可缩到 A4/A3；先看<b>打印预览</b>。</p>
<h3>6. 导出</h3>
<p><b>文件 → 导出 PDF</b>（Ctrl+E）交印刷厂：选 CMYK，勾选出血和裁切线。还有文字排不下时会先提醒。
<b>导出 Word 文档</b>（Ctrl+Shift+E）给需要再修改的同事。</p>
"""

GUIDE_EN = """
<h2>Bulletin editor: a short guide</h2>
<p>An issue goes from new to the printer in six steps. Every step can be undone (Ctrl+Z); a recovery
copy is saved every minute.</p>
<h3>1. New issue</h3>
<p><b>File → New</b> and pick the broadsheet special page, the tabloid bulletin or the A4 brief. Select
"Bulletin" in the outline on the left and fill in the publication, date, issue number (the number alone,
e.g. 1288: the footer prints 第1288期) and credits.</p>
<h3>2. Import</h3>
<p>Drag the cities' Word or text submissions into the window, or use <b>File → Import</b>; review them and
place each in a column. Drop photos on a column's portrait frame, then adjust them with Crop.</p>
<h3>3. Edit</h3>
<p>Select a page or block in the outline and edit it in the form on the right; the preview in the middle
follows, and clicking a block there selects it. <b>Add column</b> and <b>Add speech</b> insert after the
selection; <b>Copy</b> (Ctrl+C) a column and <b>Paste</b> (Ctrl+V) it on another page; <b>Duplicate</b>
(Ctrl+D) puts a copy next to it. The mouse wheel scrolls the form and never changes a field you have not
clicked into.</p>
<h3>4. Fit the pages</h3>
<p>A red frame in the preview marks text that does not fit ("overset N characters"); the Problems panel at
the bottom lists each one. Cut text, change widths or sizes, or move a block to another page (Alt+Up/Down,
or drag it in the outline). The page thumbnails show the whole issue and take you to any page.</p>
<h3>5. Proofread</h3>
<p>The Problems panel also lists the proofreader's findings (typos, punctuation, number formats);
double-click a row to go to its block, right-click to apply a suggestion. For a paper proof use
<b>File → Print</b> (Ctrl+P) at real size or fitted to A4/A3; check it first in <b>Print preview</b>.</p>
<h3>6. Export</h3>
<p><b>File → Export PDF</b> (Ctrl+E) for the printer: CMYK, with bleed and crop marks. You are asked first
while text is still overset. <b>Export Word document</b> (Ctrl+Shift+E) for colleagues who edit further.</p>
"""


def guide_html(lang: str | None = None) -> str:
    """The guide in ``lang`` (default: the UI language)."""
    return GUIDE_EN if (lang or i18n.current()).split("_")[0] == "en" else GUIDE_ZH


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(self.tr("使用指南"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(guide_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.browser)
        lay.addWidget(buttons)
        self.resize(640, 600)

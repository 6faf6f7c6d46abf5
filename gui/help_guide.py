"""Help → 使用指南: the week's workflow on one page, in the UI language.

Why a built-in page and not a manual on the web: the staff work on office machines that are
often offline, and they need the five steps of the weekly job (new from submissions, review,
make-up, check, export) and what to do about a short page, an overset block or a missing
portrait, not a reference. The text is kept here in both languages as whole HTML pages, because a guide
translated sentence by sentence through the .ts catalogue reads badly in either.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from gui import i18n

GUIDE_ZH = """
<h2>会刊编辑器使用指南</h2>
<p>各地市的稿件到齐后，一期会刊走五步就能交印刷厂。每一步都可以撤销（Ctrl+Z），文件每分钟自动保存恢复副本。</p>
<h3 id="step1">1. 从稿件新建</h3>
<p><b>文件 → 新建 → 从稿件新建…</b>（Ctrl+Alt+N），选中各地市的 Word/文本稿件（可一次选多个）；
也可以把稿件文件直接拖到开始页或窗口上。会刊按稿件排成，不带空白的“未命名栏目”。
导入到已有的会刊（<b>文件 → 导入稿件</b>，Ctrl+I）时，稿件先填进空白栏目和空白讲话。</p>
<h3 id="step2">2. 检查稿件</h3>
<p>导入前的检查窗口逐行列出每篇稿件被认成了什么（栏目标题、单位、姓名、职务、正文、图片说明）；
认错的行点一下改正，有几张图片时点选肖像，然后点<b>导入</b>。
导入时的提示列在底部“问题”面板，处理过的提示会自动消失。在左侧“会刊信息”里填写<b>主题</b>（印在第 1 版顶部的大标题）
和报刊名称、日期、期号、责任编辑（这些印在每版的页脚）。</p>
<h3 id="step3">3. 组版</h3>
<p><b>版面 → 自动组版</b>（Ctrl+M）按稿件排好整期。<b>版面</b>菜单和工具栏里还有：适配版面（Ctrl+Shift+M）、
加图片块（Ctrl+Shift+G）、页面大小（对开/四开/A3/A4，Ctrl+Alt+1…4）、加一版/减一版、
固定选中的栏目（Ctrl+L）和固定版面（Ctrl+Shift+L）。在目录中按住 Ctrl 或 Shift 可选中几个栏目，一起删除、移动或固定。</p>
<h3 id="step4">4. 检查版面</h3>
<p>底部“问题”面板每一行都写明在第几版、哪个栏目；双击一行就转到那里。改好了，这一行就消失。</p>
<ul>
<li><b>版面太空</b>（“空位 宽 × 高”）：看“问题”面板里的<b>版面建议</b>，例如“改为四开（约满 91 %）”，点一下即改，
可撤销；也可以<b>加图片块</b>放一张新闻照片，或请地市补稿。</li>
<li><b>文字超出</b>（红框，“超出 N 字”）：删减这一栏的文字；或点版面建议“改为对开”“加一版，后半部分移过去”；
或把栏目移到另一版（Alt+↑/↓，或在目录中拖动）。</li>
<li><b>缺少肖像</b>（“某某 没有照片”）：把照片文件拖到这个栏目的肖像框里，再用“裁剪”调整（照片要足够清晰，印刷需要 300 ppi）。
一时拿不到照片也可以先导出：没有照片的栏目，姓名和职务排成一行署名，只是和有照片的栏目不一样，最好请地市补发。</li>
</ul>
<p>校对提示（错别字、标点、数字格式）也在这里；右键一行可一键采用建议。需要纸样时用<b>文件 → 打印</b>（Ctrl+P）。</p>
<h3 id="step5">5. 导出</h3>
<p><b>文件 → 导出 PDF</b>（Ctrl+E）交印刷厂：选 CMYK，勾选出血和裁切线；还有文字排不下时会先提醒，
导出报告的每一行也写明版次和栏目。<b>导出 Word 文档</b>（Ctrl+Shift+E）给需要再修改的同事。
<b>文件 → 关闭</b>（Ctrl+W）关闭这一期，回到开始页；<b>退出</b>（Ctrl+Q）关闭程序。</p>
"""

GUIDE_EN = """
<h2>Bulletin editor: a short guide</h2>
<p>When the cities' submissions are in, an issue goes to the printer in five steps. Every step can be undone
(Ctrl+Z); a recovery copy is saved every minute.</p>
<h3 id="step1">1. New from submissions</h3>
<p><b>File → New → New from submissions…</b> (Ctrl+Alt+N) and choose the cities' Word or text files (several at
once), or drop the files on the start page or the window. The bulletin is made of the submissions, with no empty
placeholder columns. Importing into an open bulletin (<b>File → Import submissions</b>, Ctrl+I) fills its empty
columns and empty speech first.</p>
<h3 id="step2">2. Review</h3>
<p>Before the import, the review dialog shows each line of each submission beside what it was recognised as
(headline, unit, name, titles, body, caption); click a wrong one to correct it, click the portrait when there are
several pictures, then <b>Import</b>. Notes from the import are listed in the Problems panel and go away once dealt
with. Under "Bulletin" in the outline fill in the <b>Title</b> (the headline printed at the top of page 1) and the
publication, date, issue number and editor (printed in every page's footer).</p>
<h3 id="step3">3. Make-up</h3>
<p><b>Layout → Auto make-up</b> (Ctrl+M) makes up the whole issue. The <b>Layout</b> menu and toolbar also hold:
copy-fit (Ctrl+Shift+M), add a picture block (Ctrl+Shift+G), page size (broadsheet/tabloid/A3/A4,
Ctrl+Alt+1…4), one page more or fewer, pin the selected blocks (Ctrl+L) and fix the page (Ctrl+Shift+L). Hold Ctrl
or Shift in the outline to select several blocks and delete, move or pin them together.</p>
<h3 id="step4">4. Check</h3>
<p>Every row of the Problems panel says which page and which block; double-click it to go there. When it is fixed,
the row disappears.</p>
<ul>
<li><b>A page too empty</b> ("space W × H"): use the <b>layout suggestion</b> in the Problems panel, e.g.
"Change to tabloid (about 91 % full)" — one click, undoable; or add a picture block for a news photo, or ask a city
for more copy.</li>
<li><b>Overset text</b> (red frame, "N characters over"): cut that block's text; or use the suggestion "Change to
broadsheet" or "One more page, the second half moved to it"; or move the block to another page (Alt+Up/Down, or
drag it in the outline).</li>
<li><b>A missing portrait</b> ("no portrait of …"): drop the photo file on the block's portrait frame and adjust it
with Crop (print needs 300 ppi). Without a photo the name and titles run into one byline and the page can still be
exported, but it differs from the columns with photos: ask the city to send one.</li>
</ul>
<p>The proofreader's findings (typos, punctuation, number formats) are listed here too; right-click a row to apply
a suggestion. For a paper proof use <b>File → Print</b> (Ctrl+P).</p>
<h3 id="step5">5. Export</h3>
<p><b>File → Export PDF</b> (Ctrl+E) for the printer: CMYK, with bleed and crop marks; you are asked first while
text is still overset, and every line of the export report names its page and block. <b>Export Word document</b>
(Ctrl+Shift+E) for colleagues who edit further. <b>File → Close</b> (Ctrl+W) closes the issue and returns to the
start page; <b>Quit</b> (Ctrl+Q) ends the program.</p>
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

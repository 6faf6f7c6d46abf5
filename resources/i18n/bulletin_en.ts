<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>App</name>
    <message>
        <source>上次的文件无法打开：{}</source>
        <translation>The last file could not be opened: {}</translation>
    </message>
</context>
<context>
    <name>AutoMakeup</name>
    <message>
        <source>组版方案与当前会刊的栏目不一致（会刊在组版后有改动），请重新自动组版。</source>
        <translation>The page plan no longer matches the bulletin&apos;s blocks (the bulletin changed after the make-up). Please run Auto make-up again.</translation>
    </message>
    <message>
        <source>自动组版</source>
        <translation>Auto make-up</translation>
    </message>
    <message>
        <source>导入后自动组版</source>
        <translation>Make-up after import</translation>
    </message>
    <message>
        <source>正在按导入的稿件组版…</source>
        <translation>Making up the pages from the imported submissions…</translation>
    </message>
    <message>
        <source>{pages} 版 {size}，肖像 {portrait} 栏，标题 ×{scales}，每版 {blocks} 篇</source>
        <translation>{pages} pages {size}, portraits {portrait} columns, headlines ×{scales}, blocks per page {blocks}</translation>
    </message>
    <message>
        <source>，转版 {n} 处</source>
        <translation>, {n} article(s) continued on the next page</translation>
    </message>
    <message>
        <source>第 {} 版 {}</source>
        <translation>Page {} {}</translation>
    </message>
    <message>
        <source>空 {:.0f}%  洞 {:.0f}%  脚 {:.0f}%</source>
        <translation>empty {:.0f}%  holes {:.0f}%  foot {:.0f}%</translation>
    </message>
    <message>
        <source>孤行 {}</source>
        <translation>isolated lines {}</translation>
    </message>
    <message>
        <source>超稿 {} 字</source>
        <translation>overset {} characters</translation>
    </message>
    <message>
        <source>离组题 {} 篇</source>
        <translation>{} apart from the group headline</translation>
    </message>
    <message>
        <source>有 {} 篇不在所属组题之下</source>
        <translation>{} article(s) not under their group&apos;s headline</translation>
    </message>
    <message>
        <source>空白超过版心的 {:.0f}%</source>
        <translation>more than {:.0f}% of the type area is white</translation>
    </message>
    <message>
        <source>栏内空洞超过 {:.0f}%</source>
        <translation>holes inside columns exceed {:.0f}%</translation>
    </message>
    <message>
        <source>栏脚空白超过 {:.0f}%</source>
        <translation>white at the column feet exceeds {:.0f}%</translation>
    </message>
    <message>
        <source>有孤立的正文行</source>
        <translation>isolated body lines</translation>
    </message>
    <message>
        <source>肖像大小不一</source>
        <translation>portraits of different sizes</translation>
    </message>
    <message>
        <source>肖像顶端不齐</source>
        <translation>portrait tops not level</translation>
    </message>
    <message>
        <source>同一排肖像顶端不齐</source>
        <translation>portrait tops in a row not level</translation>
    </message>
    <message>
        <source>有 {} 字排不下</source>
        <translation>{} characters do not fit</translation>
    </message>
    <message>
        <source>正在比较组版方案（版数、版面大小、每版栏目、肖像和标题字号）…</source>
        <translation>Comparing page plans (page count, page size, blocks per page, portrait and headline sizes)…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>自动组版失败</source>
        <translation>Auto make-up failed</translation>
    </message>
    <message>
        <source>组版时出错，会刊没有改动。

{}</source>
        <translation>The make-up failed; the bulletin is unchanged.

{}</translation>
    </message>
    <message>
        <source>自动组版已取消，会刊没有改动</source>
        <translation>Auto make-up cancelled; the bulletin is unchanged</translation>
    </message>
    <message>
        <source>组版期间会刊有改动，方案作废，会刊没有改动。请重新自动组版。</source>
        <translation>The bulletin changed during the make-up, so its plans were dropped and nothing was changed. Please run Auto make-up again.</translation>
    </message>
    <message>
        <source>组版后会刊有改动，方案作废，会刊没有改动。请重新自动组版。</source>
        <translation>The bulletin changed after the make-up, so its plans were dropped and nothing was changed. Please run Auto make-up again.</translation>
    </message>
    <message>
        <source>自动组版：{} 处改动（可撤销）</source>
        <translation>Auto make-up: {} changes (undoable)</translation>
    </message>
    <message>
        <source>自动组版：所选方案就是当前版面，没有改动</source>
        <translation>Auto make-up: the chosen plan is the current pages; nothing changed</translation>
    </message>
    <message>
        <source>会刊中还没有栏目，没有可组版的内容。请先加栏目或导入稿件。</source>
        <translation>The bulletin has no blocks to make up yet. Add columns or import submissions first.</translation>
    </message>
    <message>
        <source>自动组版…</source>
        <translation>Auto make-up…</translation>
    </message>
    <message>
        <source>按稿件多少选定版数、版面大小和每版栏目，列出最好的几个方案供选择（可撤销）</source>
        <translation>Choose page count, page size and the blocks of each page from the copy; shows the best plans to choose from (undoable)</translation>
    </message>
</context>
<context>
    <name>AutoMakeupDialog</name>
    <message>
        <source>自动组版</source>
        <translation>Auto make-up</translation>
    </message>
    <message>
        <source>按稿件的多少选定版数、版面大小、每版的栏目、肖像和标题字号，使每一版都排满。选一个方案后按“应用所选方案”：整个组版是一步，可以撤销。</source>
        <translation>Page count, page size, the blocks of each page, portrait and headline sizes are chosen from the amount of copy so that every page is full. Choose a plan and press “Apply plan”: the whole make-up is one step and can be undone.</translation>
    </message>
    <message>
        <source>版数可变</source>
        <translation>Page count may change</translation>
    </message>
    <message>
        <source>允许自动组版增减版数（否则保持现有的版数）</source>
        <translation>Let the make-up add or remove pages (otherwise the page count stays)</translation>
    </message>
    <message>
        <source>版面大小可变</source>
        <translation>Page size may change</translation>
    </message>
    <message>
        <source>允许自动组版改用对开、四开、A3 或 A4（否则保持现有的版面大小）</source>
        <translation>Let the make-up use broadsheet, tabloid, A3 or A4 (otherwise the page size stays)</translation>
    </message>
    <message>
        <source>所选方案不改动会刊</source>
        <translation>The chosen plan changes nothing</translation>
    </message>
    <message>
        <source>所选方案的改动：</source>
        <translation>Changes of the chosen plan:</translation>
    </message>
    <message>
        <source>应用所选方案</source>
        <translation>Apply plan</translation>
    </message>
    <message>
        <source>有固定版面或自定义的版面大小时，版面大小不变</source>
        <translation>With a fixed page or a custom page size the page size stays</translation>
    </message>
    <message>
        <source>当前版面</source>
        <translation>Current pages</translation>
    </message>
    <message>
        <source>方案一（推荐）</source>
        <translation>Plan 1 (recommended)</translation>
    </message>
    <message>
        <source>方案二</source>
        <translation>Plan 2</translation>
    </message>
    <message>
        <source>方案三</source>
        <translation>Plan 3</translation>
    </message>
    <message>
        <source>方案四</source>
        <translation>Plan 4</translation>
    </message>
    <message>
        <source>试排 {} 版，用时 {:.1f} 秒。</source>
        <translation>{} pages tried in {:.1f} s.</translation>
    </message>
    <message>
        <source>没有找到可用的组版方案。</source>
        <translation>No page plan was found.</translation>
    </message>
    <message>
        <source>当前版面已不差于找到的方案，可以不改动（按“取消”）。</source>
        <translation>The current pages are no worse than the plans found; you may keep them (Cancel).</translation>
    </message>
</context>
<context>
    <name>Binder</name>
    <message>
        <source>已删除无法保存的字符（粘贴的文字有损坏）：{}</source>
        <translation>Removed characters that cannot be saved (the pasted text was damaged): {}</translation>
    </message>
</context>
<context>
    <name>BulletinForm</name>
    <message>
        <source>会刊信息</source>
        <translation>Bulletin</translation>
    </message>
    <message>
        <source>报刊名称</source>
        <translation>Publication name</translation>
    </message>
    <message>
        <source>如：陕西工人报</source>
        <translation>e.g. Shaanxi Workers&apos; Daily</translation>
    </message>
    <message>
        <source>标题（印在第 1 版顶部）</source>
        <translation>Title (top of page 1)</translation>
    </message>
    <message>
        <source>如：向三秦职工报告</source>
        <translation>e.g. Report to the workers of Shaanxi</translation>
    </message>
    <message>
        <source>修改主题</source>
        <translation>Edit title</translation>
    </message>
    <message>
        <source>第 1 版的通栏大标题；引题、副题和其他版的标题在目录中选该版修改。</source>
        <translation>Page 1&apos;s headline across the page; the kicker, the subtitle and other pages&apos; headlines are edited by selecting that page in the outline.</translation>
    </message>
    <message>
        <source>第 1 版没有通栏标题</source>
        <translation>Page 1 has no headline</translation>
    </message>
    <message>
        <source>第 1 版没有通栏标题：在目录中选中第 1 版，勾选“本版有通栏标题”。</source>
        <translation>Page 1 has no headline: select page 1 in the outline and tick &quot;This page has a headline&quot;.</translation>
    </message>
    <message>
        <source>主题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>报刊信息（印在每版页脚）</source>
        <translation>Publication (in the footer)</translation>
    </message>
    <message>
        <source>出版日期</source>
        <translation>Publication date</translation>
    </message>
    <message>
        <source>如：2021-04-20</source>
        <translation>e.g. 2021-04-20</translation>
    </message>
    <message>
        <source>期号</source>
        <translation>Issue number</translation>
    </message>
    <message>
        <source>如：第 1234 期</source>
        <translation>e.g. No. 1234</translation>
    </message>
    <message>
        <source>版别</source>
        <translation>Edition</translation>
    </message>
    <message>
        <source>如：专版</source>
        <translation>e.g. Special page</translation>
    </message>
    <message>
        <source>修改{}</source>
        <translation>Edit {}</translation>
    </message>
    <message>
        <source>页脚</source>
        <translation>Footer</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>No target</translation>
    </message>
    <message>
        <source> 字</source>
        <translation> characters</translation>
    </message>
    <message>
        <source>每个栏目的目标字数；校对时提示超出或不足的栏目</source>
        <translation>Target characters per column; proofreading points out columns that are too long or too short</translation>
    </message>
    <message>
        <source>栏目目标字数</source>
        <translation>Column length target</translation>
    </message>
    <message>
        <source>修改目标字数</source>
        <translation>Change length target</translation>
    </message>
    <message>
        <source>署名（印在页脚右侧）</source>
        <translation>Credits (footer, right)</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>责任编辑</source>
        <translation>Editor</translation>
    </message>
    <message>
        <source>美术编辑</source>
        <translation>Art editor</translation>
    </message>
    <message>
        <source>校对</source>
        <translation>Proofreader</translation>
    </message>
</context>
<context>
    <name>Clipboard</name>
    <message>
        <source>已复制“{}”，可到另一版粘贴</source>
        <translation>Copied “{}”: paste it on another page</translation>
    </message>
</context>
<context>
    <name>ColumnForm</name>
    <message>
        <source>地市栏目</source>
        <translation>City column</translation>
    </message>
    <message>
        <source>栏目</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>如：西安</source>
        <translation>e.g. Xi&apos;an</translation>
    </message>
    <message>
        <source>标题上方的引题，可空</source>
        <translation>Kicker above the headline (optional)</translation>
    </message>
    <message>
        <source>如：当好全省工会排头兵</source>
        <translation>e.g. Leading the province&apos;s unions</translation>
    </message>
    <message>
        <source>没有人物时显示，如：杨凌示范区总工会</source>
        <translation>Shown when there is no person, e.g. Yangling Zone Trade Union</translation>
    </message>
    <message>
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>引题</source>
        <translation>Kicker</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Headline</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>修改地区</source>
        <translation>Edit region</translation>
    </message>
    <message>
        <source>修改引题</source>
        <translation>Edit kicker</translation>
    </message>
    <message>
        <source>修改栏目标题</source>
        <translation>Edit column headline</translation>
    </message>
    <message>
        <source>修改单位</source>
        <translation>Edit organisation</translation>
    </message>
    <message>
        <source>自动</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source> 栏</source>
        <translation> columns</translation>
    </message>
    <message>
        <source>占栏</source>
        <translation>Width</translation>
    </message>
    <message>
        <source>人物</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>如：薛振虎</source>
        <translation>e.g. Xue Zhenhu</translation>
    </message>
    <message>
        <source>每行一个职务，如：
西安市人大常委会副主任
市总工会主席</source>
        <translation>One title per line, e.g.:
Vice-chair, Xi&apos;an People&apos;s Congress
Chair, City Trade Union Council</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Titles</translation>
    </message>
    <message>
        <source>肖像</source>
        <translation>Portrait</translation>
    </message>
    <message>
        <source>正文</source>
        <translation>Body text</translation>
    </message>
    <message>
        <source>修改正文</source>
        <translation>Edit body text</translation>
    </message>
    <message>
        <source>新闻图片和表格</source>
        <translation>News photos and tables</translation>
    </message>
    <message>
        <source>修改人物</source>
        <translation>Edit person</translation>
    </message>
    <message>
        <source>修改占栏</source>
        <translation>Change column width</translation>
    </message>
    <message>
        <source>超出 {} 字</source>
        <translation>{} characters over</translation>
    </message>
    <message>
        <source>超出 {} 行</source>
        <translation>{} lines over</translation>
    </message>
    <message>
        <source>还差 {} 行</source>
        <translation>{} lines short</translation>
    </message>
    <message>
        <source>正好排下</source>
        <translation>Fits</translation>
    </message>
    <message>
        <source>等待排版结果…</source>
        <translation>Waiting for the layout…</translation>
    </message>
</context>
<context>
    <name>ColumnInserts</name>
    <message>
        <source>添加表格</source>
        <translation>Add table</translation>
    </message>
    <message>
        <source>新闻图片 {}</source>
        <translation>News photo {}</translation>
    </message>
    <message>
        <source>图片说明，如：图为……</source>
        <translation>Caption, e.g. 图为……</translation>
    </message>
    <message>
        <source>移到栏旁</source>
        <translation>Move beside the column</translation>
    </message>
    <message>
        <source>栏太窄时：把这张图片移出栏目，作为紧挨栏目的图片块（可跨栏）</source>
        <translation>When the column is too narrow: take this photo out of the column as a picture block right beside it (it may span columns)</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>表格 {}（第 {} 段后）</source>
        <translation>Table {} (after paragraph {})</translation>
    </message>
    <message>
        <source>修改图片说明</source>
        <translation>Edit caption</translation>
    </message>
    <message>
        <source>移除新闻图片</source>
        <translation>Remove news photo</translation>
    </message>
    <message>
        <source>新闻图片移到栏旁</source>
        <translation>Move news photo beside the column</translation>
    </message>
</context>
<context>
    <name>CrashGuard</name>
    <message>
        <source>程序内部出错，刚才的操作没有完成。

{}: {}</source>
        <extracomment>the dialogs shown (kept alive while visible; tests read the last one)</extracomment>
        <translation>An internal error stopped the last action.

{}: {}</translation>
    </message>
    <message>
        <source>未保存的修改已写入恢复副本，编辑器可以继续使用；建议现在保存一次。</source>
        <translation>Your unsaved changes were written to a recovery copy and you can keep working; saving now is a good idea.</translation>
    </message>
    <message>
        <source>没有丢失任何修改，编辑器可以继续使用。</source>
        <translation>Nothing was lost, and you can keep working.</translation>
    </message>
    <message>
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
</context>
<context>
    <name>CropDialog</name>
    <message>
        <source>裁剪肖像（3:4）</source>
        <translation>Crop portrait (3:4)</translation>
    </message>
    <message>
        <source>拖动方框选择位置，拖动右下角或滚动滚轮改变大小。比例固定为 3:4。</source>
        <translation>Drag the frame to position it; drag its bottom-right corner or turn the wheel to resize. The shape is fixed at 3:4.</translation>
    </message>
    <message>
        <source>裁剪图片</source>
        <translation>Crop picture</translation>
    </message>
    <message>
        <source>拖动方框选择位置，拖动右下角或滚动滚轮改变大小。比例保持不变。</source>
        <translation>Drag the frame to choose the part, drag its lower right corner or scroll to resize. The shape stays as it is.</translation>
    </message>
</context>
<context>
    <name>DocxOptionsDialog</name>
    <message>
        <source>导出 Word 文档</source>
        <translation>Export Word document</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>常用字体（宋体、黑体、楷体、仿宋，每台中文 Windows 和 WPS 都有）</source>
        <translation>Common fonts (SimSun, SimHei, KaiTi, FangSong — on every Chinese Windows and WPS)</translation>
    </message>
    <message>
        <source>方正字体（方正书宋、方正黑体、方正小标宋…，需已安装）</source>
        <translation>Founder fonts (FZShuSong, FZHei, FZXiaoBiaoSong…, must be installed)</translation>
    </message>
    <message>
        <source>与 PDF 相同（本刊所用字体，对方电脑需有这些字体）</source>
        <translation>Same as the PDF (this bulletin&apos;s fonts; the reader&apos;s PC must have them)</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>字体</source>
        <translation>Fonts</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Word 文档 (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>正在导出 {}…</source>
        <translation>Exporting {}…</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>无法写出 {}。

{}</source>
        <translation>Could not write {}.

{}</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>已导出：{}（{:.1f} 秒）</source>
        <translation>Exported: {} ({:.1f} s)</translation>
    </message>
    <message>
        <source>  {}：{} 处</source>
        <translation>  {}: {}</translation>
    </message>
    <message>
        <source>没有发现问题：文字全部排下，图片分辨率足够，没有替代字体。</source>
        <translation>No problems: all text fits, images have enough resolution, no substitute fonts.</translation>
    </message>
    <message>
        <source>{where}：{text}</source>
        <translation>{where}: {text}</translation>
    </message>
    <message>
        <source>请注意以下 {} 处：</source>
        <translation>Please check these {} points:</translation>
    </message>
    <message>
        <source>会刊还没有任何版面：导出的是一张空白页。请先添加版面或导入稿件。</source>
        <translation>The bulletin has no pages yet: the file is one blank page. Add a page or import submissions first.</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>还有文字排不下</source>
        <extracomment>replaced in tests; return the writer function the latest layout&apos;s problems (set by the window): overset text is asked about first where a report line&apos;s block is, as the window names it (第 2 页 · 西安); &quot;&quot; when unknown</extracomment>
        <translation>Text is still overset</translation>
    </message>
    <message>
        <source>有 {n} 处文字排不下（共超出 {chars} 字），导出的 PDF 中缺这些文字。

仍要导出吗？</source>
        <translation>Text does not fit in {n} places ({chars} characters overset); the exported PDF will lack that text.

Export anyway?</translation>
    </message>
</context>
<context>
    <name>FileOps</name>
    <message>
        <source>文件正在别处编辑</source>
        <translation>File is open elsewhere</translation>
    </message>
    <message>
        <source>另一个会刊编辑器（计算机 {}，进程 {}）</source>
        <translation>another Bulletin Editor (computer {}, process {})</translation>
    </message>
    <message>
        <source>“{}”已被{}打开。

两处同时修改，后保存的会覆盖先保存的。建议以只读副本打开：可以查看、修改，保存时另起文件名。</source>
        <translation>“{}” is open in {}.

If both are edited, the later save overwrites the earlier one. Opening a read-only copy is recommended: you can view and change it, and saving asks for a new file name.</translation>
    </message>
    <message>
        <source>以只读副本打开</source>
        <translation>Open a read-only copy</translation>
    </message>
    <message>
        <source>仍然编辑</source>
        <translation>Edit anyway</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>文件已不在原处</source>
        <translation>File is no longer there</translation>
    </message>
    <message>
        <source>“{}”已被移动或删除（U 盘被拔出？）：
{}

编辑器中的内容都还在。可以另存为新文件，或在原位置重新写入。</source>
        <translation>“{}” was moved or deleted (USB stick removed?):
{}

Everything in the editor is still here. Save it as a new file, or write it again at the old place.</translation>
    </message>
    <message>
        <source>文件已被修改</source>
        <translation>File changed on disk</translation>
    </message>
    <message>
        <source>“{}”已被其他程序（另一个编辑器或同步软件）修改：
{}

重新载入会放弃这里未保存的修改；覆盖会丢弃对方的修改。</source>
        <translation>“{}” was changed by another program (another editor or a sync client):
{}

Reloading drops the unsaved changes here; overwriting drops the other changes.</translation>
    </message>
    <message>
        <source>重新载入</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>另存为…</source>
        <translation>Save As…</translation>
    </message>
    <message>
        <source>覆盖</source>
        <translation>Overwrite</translation>
    </message>
    <message>
        <source>在原位置保存</source>
        <translation>Save at the old place</translation>
    </message>
    <message>
        <source>暂不处理</source>
        <translation>Not now</translation>
    </message>
    <message>
        <source>自动保存失败</source>
        <translation>Autosave failed</translation>
    </message>
    <message>
        <source>无法写入恢复副本 {}：

{}

修改都还在编辑器中；请尽快用“保存”存盘。</source>
        <translation>Cannot write the recovery copy {}:

{}

Your changes are still in the editor; please use Save soon.</translation>
    </message>
    <message>
        <source>保存修改？</source>
        <translation>Save changes?</translation>
    </message>
    <message>
        <source>“{}”有尚未保存的修改。关闭前要保存吗？</source>
        <translation>“{}” has unsaved changes. Save them before closing?</translation>
    </message>
    <message>
        <source>从稿件新建</source>
        <translation>New from submissions</translation>
    </message>
    <message>
        <source>打开会刊</source>
        <translation>Open bulletin</translation>
    </message>
    <message>
        <source>会刊项目 (*.bulletin)</source>
        <translation>Bulletin projects (*.bulletin)</translation>
    </message>
    <message>
        <source>无法打开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <source>无法打开这个文件：

{}</source>
        <translation>This file cannot be opened:

{}</translation>
    </message>
    <message>
        <source>打开时删除了无法保存的字符：{}</source>
        <translation>Characters that cannot be saved were removed on opening: {}</translation>
    </message>
    <message>
        <source>会刊</source>
        <translation>Bulletin</translation>
    </message>
    <message>
        <source>另存为</source>
        <translation>Save As</translation>
    </message>
    <message>
        <source>保存前删除了无法保存的字符：{}</source>
        <translation>Characters that cannot be saved were removed before saving: {}</translation>
    </message>
    <message>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <source>“{}”未保存：文档中有不合规的设置。

{}</source>
        <translation>“{}” was not saved: the document has an invalid setting.

{}</translation>
    </message>
    <message>
        <source>文件夹 {} 已不存在（被移动、删除，或 U 盘已拔出）</source>
        <translation>the folder {} no longer exists (moved, deleted, or the USB stick was removed)</translation>
    </message>
    <message>
        <source>无法写入 {}：

{}

修改都还在编辑器中，可以用“另存为”保存到别处。</source>
        <translation>Cannot write {}:

{}

Your changes are still in the editor; use Save As to save them elsewhere.</translation>
    </message>
    <message>
        <source>保存 {} 时出错：

{}

修改都还在编辑器中，可以用“另存为”保存到别处。</source>
        <translation>Error while saving {}:

{}

Your changes are still in the editor; use Save As to save them elsewhere.</translation>
    </message>
    <message>
        <source>已保存 {}</source>
        <translation>Saved {}</translation>
    </message>
</context>
<context>
    <name>FindReplace</name>
    <message>
        <source>查找和替换…</source>
        <translation>Find and Replace…</translation>
    </message>
    <message>
        <source>替换…</source>
        <translation>Replace…</translation>
    </message>
</context>
<context>
    <name>FindReplaceDialog</name>
    <message>
        <source>查找和替换</source>
        <translation>Find and Replace</translation>
    </message>
    <message>
        <source>区分大小写（英文）</source>
        <translation>Match case (Latin letters)</translation>
    </message>
    <message>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>替换为</source>
        <translation>Replace with</translation>
    </message>
    <message>
        <source>位置</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>上下文</source>
        <translation>Context</translation>
    </message>
    <message>
        <source>替换</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>全部替换</source>
        <translation>Replace All</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>找到 {} 处</source>
        <translation>{} found</translation>
    </message>
    <message>
        <source>全部替换“{}”</source>
        <translation>Replace all “{}”</translation>
    </message>
    <message>
        <source>已替换 {} 处</source>
        <translation>{} replaced</translation>
    </message>
</context>
<context>
    <name>Fixes</name>
    <message>
        <source>这条提示没有可自动采用的修改建议。</source>
        <translation>This finding has no suggestion that can be applied automatically.</translation>
    </message>
    <message>
        <source>找不到这条提示所指的文字，它可能已被删除。</source>
        <translation>The text this finding points at cannot be found; it may have been deleted.</translation>
    </message>
    <message>
        <source>这段文字在校对后又改动过，请等下一次校对结果出来再采用建议。</source>
        <translation>This text was changed after proofreading; apply the suggestion once the next check has run.</translation>
    </message>
    <message>
        <source>采用校对建议</source>
        <translation>Apply proofreading suggestion</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>使用指南</source>
        <translation>Guide</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>版头</source>
        <translation>Banner</translation>
    </message>
    <message>
        <source>引题</source>
        <translation>Kicker</translation>
    </message>
    <message>
        <source>主题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>副题</source>
        <translation>Subtitle</translation>
    </message>
    <message>
        <source>栏目标题</source>
        <translation>Column headline</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Title line</translation>
    </message>
    <message>
        <source>正文</source>
        <translation>Body text</translation>
    </message>
    <message>
        <source>◎要点</source>
        <translation>◎ point</translation>
    </message>
    <message>
        <source>年份标签</source>
        <translation>Year label</translation>
    </message>
    <message>
        <source>小标题</source>
        <translation>Section heading</translation>
    </message>
    <message>
        <source>出处</source>
        <translation>Attribution</translation>
    </message>
    <message>
        <source>图注</source>
        <translation>Photo caption</translation>
    </message>
    <message>
        <source>图片</source>
        <translation>Picture</translation>
    </message>
    <message>
        <source>表格</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>搁置（不排印）</source>
        <translation>Set aside (not printed)</translation>
    </message>
    <message>
        <source>未归类</source>
        <translation>Unclassified</translation>
    </message>
    <message>
        <source>空行</source>
        <translation>Blank line</translation>
    </message>
    <message>
        <source>导入稿件</source>
        <translation>Import submissions</translation>
    </message>
    <message>
        <source>添加文件…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>稿件</source>
        <translation>Submissions</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>原文</source>
        <translation>Source text</translation>
    </message>
    <message>
        <source>识别为（点击更正）</source>
        <translation>Recognised as (click to correct)</translation>
    </message>
    <message>
        <source>识别结果</source>
        <translation>Recognised</translation>
    </message>
    <message>
        <source>搁置 第 {} 行</source>
        <translation>Set aside, line {}</translation>
    </message>
    <message>
        <source>{}（新闻图片）</source>
        <translation>{} (news photo)</translation>
    </message>
    <message>
        <source>没有图片说明</source>
        <translation>No caption</translation>
    </message>
    <message>
        <source>放入当前版面</source>
        <translation>Into the current page</translation>
    </message>
    <message>
        <source>放入新版面</source>
        <translation>Into a new page</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>添加稿件</source>
        <translation>Add submissions</translation>
    </message>
    <message>
        <source>有稿件无法读取</source>
        <translation>Some submissions cannot be read</translation>
    </message>
    <message>
        <source>{cols} 个栏目，{paras} 段正文，{pics} 张图片，{tables} 个表格；{un} 行未归类，{aside} 行搁置，{w} 条提醒</source>
        <translation>{cols} column(s), {paras} paragraph(s), {pics} picture(s), {tables} table(s); {un} line(s) unclassified, {aside} set aside, {w} warning(s)</translation>
    </message>
    <message>
        <source>［图片 {}］</source>
        <translation>[picture {}]</translation>
    </message>
    <message>
        <source>  ［图片］</source>
        <translation>  [picture]</translation>
    </message>
    <message>
        <source>自动：{}</source>
        <translation>Auto: {}</translation>
    </message>
    <message>
        <source>自动</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>识别为：{}。可改为其他角色</source>
        <translation>Recognised as: {}. Choose another role to correct it</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>搁置</source>
        <translation>Set aside</translation>
    </message>
    <message>
        <source>搁置：这一行不排印，保留在导入报告里（文件和行号）</source>
        <translation>Set aside: this line is not printed; it stays in the import report (file and line)</translation>
    </message>
    <message>
        <source>栏目 {}</source>
        <translation>Column {}</translation>
    </message>
    <message>
        <source>肖像</source>
        <translation>Portrait</translation>
    </message>
    <message>
        <source>有</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>{} 段</source>
        <translation>{} paragraph(s)</translation>
    </message>
    <message>
        <source>讲话 {}</source>
        <translation>Speech {}</translation>
    </message>
    <message>
        <source>图片：肖像或新闻图片（点击选作肖像）</source>
        <translation>Pictures: portrait or news photo (click to use as the portrait)</translation>
    </message>
    <message>
        <source>并入上一栏</source>
        <translation>Join previous</translation>
    </message>
    <message>
        <source>这不是另一篇稿件：并入上一个栏目</source>
        <translation>Not another submission: join it to the column before</translation>
    </message>
    <message>
        <source>部分</source>
        <translation>Sections</translation>
    </message>
    <message>
        <source>提醒</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <source>新闻图片</source>
        <translation>News photo</translation>
    </message>
    <message>
        <source>（无图片说明）</source>
        <translation> (no caption)</translation>
    </message>
    <message>
        <source>{} 行 × {} 列</source>
        <translation>{} rows × {} columns</translation>
    </message>
    <message>
        <source>{}（肖像）</source>
        <translation>{} (portrait)</translation>
    </message>
</context>
<context>
    <name>Importing</name>
    <message>
        <source>投稿文件 ({})</source>
        <translation>Submissions ({})</translation>
    </message>
    <message>
        <source>导入稿件</source>
        <translation>Import submissions</translation>
    </message>
    <message>
        <source>正在读取稿件…</source>
        <translation>Reading submissions…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在读取 {}（{}/{}）…</source>
        <translation>Reading {} ({}/{})…</translation>
    </message>
    <message>
        <source>内存不足，无法读取</source>
        <translation>not enough memory to read it</translation>
    </message>
    <message>
        <source>有稿件无法读取</source>
        <translation>Some submissions cannot be read</translation>
    </message>
    <message>
        <source>以下文件无法读取，未导入：

{}</source>
        <translation>These files cannot be read and were not imported:

{}</translation>
    </message>
    <message>
        <source>稿件太多</source>
        <translation>Too many submissions</translation>
    </message>
    <message>
        <source>没有可导入的内容</source>
        <translation>Nothing to import</translation>
    </message>
    <message>
        <source>所选稿件中没有文字，未作任何修改。</source>
        <translation>The chosen submissions hold no text; nothing was changed.</translation>
    </message>
    <message>
        <source>导入稿件（{} 个文件）</source>
        <translation>Import submissions ({} file(s))</translation>
    </message>
    <message>
        <source>已导入 {} 个栏目</source>
        <translation>Imported {} column(s)</translation>
    </message>
    <message>
        <source>导入稿件…</source>
        <translation>Import submissions…</translation>
    </message>
    <message>
        <source>把各地市的投稿（Word 或文本文件）导入当前会刊</source>
        <translation>Import the cities&apos; submissions (Word or text files) into this bulletin</translation>
    </message>
    <message>
        <source>导入稿件？</source>
        <translation>Import the submission?</translation>
    </message>
    <message>
        <source>“{}”是投稿文件，不是会刊项目。

要把它导入到当前会刊吗？</source>
        <translation>“{}” is a submission, not a bulletin project.

Import it into the open bulletin?</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>主题（大标题）</source>
        <translation>Title (main headline)</translation>
    </message>
    <message>
        <source>副题</source>
        <translation>Subtitle</translation>
    </message>
    <message>
        <source>引题</source>
        <translation>Kicker</translation>
    </message>
    <message>
        <source>栏目标题</source>
        <translation>Column headline</translation>
    </message>
    <message>
        <source>正文</source>
        <translation>Body text</translation>
    </message>
    <message>
        <source>段首句</source>
        <translation>Lead sentence</translation>
    </message>
    <message>
        <source>人名</source>
        <translation>Person name</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Titles</translation>
    </message>
    <message>
        <source>图注</source>
        <translation>Caption</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>版头</source>
        <translation>Banner</translation>
    </message>
    <message>
        <source>对开（390×543 毫米，8 栏）</source>
        <translation>Broadsheet (390×543 mm, 8 columns)</translation>
    </message>
    <message>
        <source>四开（270×390 毫米，6 栏）</source>
        <translation>Tabloid (270×390 mm, 6 columns)</translation>
    </message>
    <message>
        <source>A3（297×420 毫米）</source>
        <translation>A3 (297×420 mm)</translation>
    </message>
    <message>
        <source>A4（210×297 毫米）</source>
        <translation>A4 (210×297 mm)</translation>
    </message>
    <message>
        <source>自定义</source>
        <translation>Custom</translation>
    </message>
    <message>
        <source>对开</source>
        <translation>Broadsheet</translation>
    </message>
    <message>
        <source>四开</source>
        <translation>Tabloid</translation>
    </message>
    <message>
        <source>A3</source>
        <translation>A3</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>CMYK 四色</source>
        <translation>CMYK (four colour)</translation>
    </message>
    <message>
        <source>灰度（单色）</source>
        <translation>Greyscale (one colour)</translation>
    </message>
    <message>
        <source>RGB（屏幕用）</source>
        <translation>RGB (for screens)</translation>
    </message>
    <message>
        <source>六号</source>
        <extracomment>Chinese type sizes (字号) a newsroom names, in points.</extracomment>
        <translation>Size 6 (六号)</translation>
    </message>
    <message>
        <source>小五</source>
        <translation>Small 5 (小五)</translation>
    </message>
    <message>
        <source>五号</source>
        <translation>Size 5 (五号)</translation>
    </message>
    <message>
        <source>小四</source>
        <translation>Small 4 (小四)</translation>
    </message>
    <message>
        <source>四号</source>
        <translation>Size 4 (四号)</translation>
    </message>
    <message>
        <source>校对</source>
        <extracomment>problem kinds only the editor shows; the layout&apos;s kinds are named by layout.messages</extracomment>
        <translation>Proofreader</translation>
    </message>
    <message>
        <source>文件或文件夹不存在</source>
        <extracomment>why a file operation failed, in the UI language (the system&apos;s own text is English)</extracomment>
        <translation>the file or folder does not exist</translation>
    </message>
    <message>
        <source>没有权限（文件只读，或文件夹不允许写入）</source>
        <translation>permission denied (the file is read-only, or the folder does not allow writing)</translation>
    </message>
    <message>
        <source>磁盘已满</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <source>磁盘或 U 盘是只读的</source>
        <translation>the disk or USB stick is read-only</translation>
    </message>
    <message>
        <source>这是一个文件夹，不是文件</source>
        <translation>this is a folder, not a file</translation>
    </message>
    <message>
        <source>路径中有一项不是文件夹</source>
        <translation>part of the path is not a folder</translation>
    </message>
    <message>
        <source>文件正被其他程序占用</source>
        <translation>the file is in use by another program</translation>
    </message>
    <message>
        <source>文件名太长</source>
        <translation>the file name is too long</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
</context>
<context>
    <name>MainMenu</name>
    <message>
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>另存为…</source>
        <translation>Save As…</translation>
    </message>
    <message>
        <source>导出 PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>导出可直接交印刷厂的 PDF</source>
        <translation>Export a print-ready PDF for the printer</translation>
    </message>
    <message>
        <source>导出 Word 文档…</source>
        <translation>Export Word Document…</translation>
    </message>
    <message>
        <source>导出可在 Word 中修改的 DOCX</source>
        <translation>Export a DOCX that can be edited in Word</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>用系统打印对话框打印版面（原大或缩到 A4/A3）</source>
        <translation>Print the pages through the system print dialog (real size or fitted to A4/A3)</translation>
    </message>
    <message>
        <source>打印预览…</source>
        <translation>Print Preview…</translation>
    </message>
    <message>
        <source>先看看打印出来的样子</source>
        <translation>See what the print will look like</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>关闭这一期会刊，窗口留下（开始页）；退出用 Ctrl+Q</source>
        <translation>Close this bulletin and keep the window (start page); Ctrl+Q quits</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>剪切</source>
        <translation>Cut</translation>
    </message>
    <message>
        <source>剪切文字，或剪切选中的栏目、版面</source>
        <translation>Cut text, or the selected block or page</translation>
    </message>
    <message>
        <source>复制</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>复制文字，或复制选中的栏目、版面（可粘贴到另一版）</source>
        <translation>Copy text, or the selected block or page (paste it on another page)</translation>
    </message>
    <message>
        <source>粘贴</source>
        <translation>Paste</translation>
    </message>
    <message>
        <source>粘贴文字，或把复制的栏目、版面粘贴到选中位置之后</source>
        <translation>Paste text, or the copied block or page after the selection</translation>
    </message>
    <message>
        <source>加栏目</source>
        <translation>Add column</translation>
    </message>
    <message>
        <source>在选中位置后添加一个地市栏目</source>
        <translation>Add a city column after the selection</translation>
    </message>
    <message>
        <source>加讲话</source>
        <translation>Add speech</translation>
    </message>
    <message>
        <source>在选中位置后添加讲话摘编</source>
        <translation>Add a speech digest after the selection</translation>
    </message>
    <message>
        <source>加版面</source>
        <translation>Add page</translation>
    </message>
    <message>
        <source>在当前版面后添加新版面</source>
        <translation>Add a new page after the current one</translation>
    </message>
    <message>
        <source>创建副本</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>在选中的栏目或版面后面放一个一样的副本</source>
        <translation>Put a copy of the selected block or page right after it</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>删除选中的栏目、版头、标题或版面（可多选；可撤销）</source>
        <translation>Delete the selected blocks, banner, headline or pages (several at once; undoable)</translation>
    </message>
    <message>
        <source>适配版面</source>
        <translation>Copy-fit</translation>
    </message>
    <message>
        <source>加图片块</source>
        <translation>Add picture block</translation>
    </message>
    <message>
        <source>固定/取消固定</source>
        <translation>Pin / unpin</translation>
    </message>
    <message>
        <source>选中的栏目保持现在的栏宽、高度和位置；再按一次取消固定</source>
        <translation>The selected blocks keep their present width, height and place; press again to unpin</translation>
    </message>
    <message>
        <source>转版</source>
        <translation>Continue on next page</translation>
    </message>
    <message>
        <source>选中的文章排不下的部分接到下一版开头（下转/上接）；再按一次取消</source>
        <translation>What of the selected article does not fit continues at the head of the next page (continued on / from); press again to undo</translation>
    </message>
    <message>
        <source>固定版面</source>
        <translation>Fix page</translation>
    </message>
    <message>
        <source>本版每个栏目都固定在原位，打字不再挪动别的栏目；再按一次取消</source>
        <translation>Every block of this page stays where it is, typing moves no other block; press again to free it</translation>
    </message>
    <message>
        <source>加一版</source>
        <translation>One page more</translation>
    </message>
    <message>
        <source>在最后加一个空版面</source>
        <translation>Add an empty page at the end</translation>
    </message>
    <message>
        <source>减一版</source>
        <translation>One page fewer</translation>
    </message>
    <message>
        <source>去掉最后一版，它的栏目并到前一版</source>
        <translation>Remove the last page; its blocks join the page before</translation>
    </message>
    <message>
        <source>把整期改为这个页面大小（保留自己改过的设置）</source>
        <translation>Change the whole issue to this page size (your own settings are kept)</translation>
    </message>
    <message>
        <source>版面(&amp;L)</source>
        <translation>&amp;Layout</translation>
    </message>
    <message>
        <source>页面大小</source>
        <translation>Page size</translation>
    </message>
    <message>
        <source>版面</source>
        <translation>Layout</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>上移（到顶后移到上一版）</source>
        <translation>Move up (from the top, onto the previous page)</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>下移（到底后移到下一版）</source>
        <translation>Move down (from the bottom, onto the next page)</translation>
    </message>
    <message>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>整版</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <source>使用指南</source>
        <translation>Guide</translation>
    </message>
    <message>
        <source>从新建一期到导出的简明步骤</source>
        <translation>The steps from a new issue to export</translation>
    </message>
    <message>
        <source>打开示例会刊</source>
        <translation>Open the Example Bulletin</translation>
    </message>
    <message>
        <source>打开随程序提供的示例，看看完整的一期是什么样子</source>
        <translation>Open the example that comes with the program to see a complete issue</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>从稿件新建…</source>
        <translation>New from submissions…</translation>
    </message>
    <message>
        <source>选择各地市的稿件文件，检查后直接排成一期新会刊（不带空白栏目）</source>
        <translation>Choose the cities&apos; submission files, review them, and make a new bulletin of them (no empty placeholder columns)</translation>
    </message>
    <message>
        <source>最近打开</source>
        <translation>Open Recent</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>界面语言 / Language</source>
        <translation>Language / 界面语言</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>关于会刊编辑器</source>
        <translation>About Bulletin Editor</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>目录</source>
        <extracomment>a layout read back from disk is measured this long after its page is on screen, before anyone can have clicked into a field and typed (gui/layout_runner.py, LayoutRunner.warm) the window holds no document (文件 → 关闭): the start page shows instead of the docks</extracomment>
        <translation>Outline</translation>
    </message>
    <message>
        <source>内容编辑</source>
        <translation>Properties</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>&lt;打开时的状态&gt;</source>
        <translation>&lt;as opened&gt;</translation>
    </message>
    <message>
        <source>历史记录</source>
        <translation>History</translation>
    </message>
    <message>
        <source>关于会刊编辑器</source>
        <translation>About Bulletin Editor</translation>
    </message>
    <message>
        <source>无法采用建议</source>
        <translation>Cannot apply suggestion</translation>
    </message>
    <message>
        <source>{page} · {block}</source>
        <translation>{page} · {block}</translation>
    </message>
    <message>
        <source>排版中…</source>
        <translation>Laying out…</translation>
    </message>
    <message>
        <source>排版用时 {} 毫秒</source>
        <translation>Layout took {} ms</translation>
    </message>
    <message>
        <source>排版出错，暂时无法预览：
{}</source>
        <translation>The layout failed, so there is no preview for now:
{}</translation>
    </message>
    <message>
        <source>排版出错</source>
        <translation>Layout error</translation>
    </message>
    <message>
        <source>问题（{}）</source>
        <translation>Problems ({})</translation>
    </message>
    <message>
        <source>未命名会刊</source>
        <translation>Untitled bulletin</translation>
    </message>
    <message>
        <source>会刊编辑器</source>
        <translation>Bulletin Editor</translation>
    </message>
    <message>
        <source>{}[*] — 会刊编辑器</source>
        <translation>{}[*] — Bulletin Editor</translation>
    </message>
    <message>
        <source>已自动保存恢复副本</source>
        <translation>Recovery copy saved automatically</translation>
    </message>
    <message>
        <source>请先在目录中选中要固定的栏目</source>
        <translation>First select the blocks to pin in the outline</translation>
    </message>
    <message>
        <source>最后一版后面没有版面可以转</source>
        <translation>There is no page after the last one to continue on</translation>
    </message>
    <message>
        <source>请先在目录中选中要转版的文章</source>
        <translation>First select the article to continue in the outline</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>会刊编辑器

为工会宣传干事编排报纸专版与简报：填写表单、即时预览、导出印刷用 PDF 和可编辑的 Word 文档。</source>
        <translation>Bulletin Editor

Lays out newspaper special pages and bulletins for trade-union publicity staff: fill in forms, see the page at once, export a print-ready PDF and an editable Word document.</translation>
    </message>
    <message>
        <source>版面缩略图</source>
        <translation>Page thumbnails</translation>
    </message>
    <message>
        <source>（只读副本）</source>
        <translation> (read-only copy)</translation>
    </message>
</context>
<context>
    <name>Makeup</name>
    <message>
        <source>固定占栏</source>
        <translation>Pin column span</translation>
    </message>
    <message>
        <source>固定高度</source>
        <translation>Pin height</translation>
    </message>
    <message>
        <source>取消固定</source>
        <translation>Unpin</translation>
    </message>
    <message>
        <source>固定版面</source>
        <translation>Fix page layout</translation>
    </message>
    <message>
        <source>取消固定版面</source>
        <translation>Free page layout</translation>
    </message>
    <message>
        <source>添加图片块</source>
        <translation>Add picture block</translation>
    </message>
    <message>
        <source>正在适配版面…</source>
        <translation>Fitting the copy…</translation>
    </message>
    <message>
        <source>适配版面</source>
        <translation>Copy-fit</translation>
    </message>
    <message>
        <source>在版面设置允许的范围内，没有能让版面更好的调整。</source>
        <translation>No change within the limits of the page setup makes the pages better.</translation>
    </message>
    <message>
        <source>加图片</source>
        <translation>Add picture</translation>
    </message>
    <message>
        <source>添加图片块（新闻照片或广告，可带图片说明）</source>
        <translation>Add a picture block (a news photo or an advertisement, with an optional caption)</translation>
    </message>
    <message>
        <source>在版面设置的范围内调整标题字号、肖像规格和版面分配，填满短版、消除超出</source>
        <translation>Adjust headline sizes, the portrait size and which page blocks stand on, within the page setup&apos;s limits, to fill short pages and resolve overset text</translation>
    </message>
</context>
<context>
    <name>MakeupActions</name>
    <message>
        <source>改为{}</source>
        <translation>Change to {}</translation>
    </message>
    <message>
        <source>加一版</source>
        <translation>One page more</translation>
    </message>
    <message>
        <source>减一版</source>
        <translation>One page fewer</translation>
    </message>
    <message>
        <source>取消固定</source>
        <translation>Unpin</translation>
    </message>
    <message>
        <source>固定</source>
        <translation>Pin</translation>
    </message>
    <message>
        <source>取消转版</source>
        <translation>No longer continue on next page</translation>
    </message>
    <message>
        <source>转版</source>
        <translation>Continue on next page</translation>
    </message>
    <message>
        <source>加一版，后半部分移过去</source>
        <translation>One more page, the second half moved to it</translation>
    </message>
    <message>
        <source>减一版（约满 {} %）</source>
        <translation>One page fewer (about {} % full)</translation>
    </message>
    <message>
        <source>改为{}（约满 {} %）</source>
        <translation>Change to {} (about {} % full)</translation>
    </message>
</context>
<context>
    <name>Outline</name>
    <message>
        <source>第 {} 页</source>
        <extracomment>(dragged item id, destination page id — or &quot;&quot; for pages —, index in the destination) model.texts.NAME_WORDS, marked for translation (lupdate reads these literals)</extracomment>
        <translation>Page {}</translation>
    </message>
    <message>
        <source>讲话摘编</source>
        <translation>Speech excerpt</translation>
    </message>
    <message>
        <source>（未命名栏目）</source>
        <translation>(untitled column)</translation>
    </message>
    <message>
        <source>版头</source>
        <translation>Banner</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Headline</translation>
    </message>
    <message>
        <source>转版</source>
        <translation>continued on next page</translation>
    </message>
    <message>
        <source>会刊</source>
        <translation>Bulletin</translation>
    </message>
    <message>
        <source>版面设置</source>
        <translation>Page setup</translation>
    </message>
    <message>
        <source>{} 栏</source>
        <translation>{} col.</translation>
    </message>
    <message>
        <source>高 {} 毫米</source>
        <translation>{} mm high</translation>
    </message>
    <message>
        <source>固定</source>
        <translation>pinned</translation>
    </message>
    <message>
        <source>固定版面</source>
        <translation>fixed layout</translation>
    </message>
    <message>
        <source>图片</source>
        <translation>Picture</translation>
    </message>
</context>
<context>
    <name>PageCanvas</name>
    <message>
        <source>超出 {} 字</source>
        <translation>{} characters over</translation>
    </message>
    <message>
        <source>超出</source>
        <translation>Overset</translation>
    </message>
    <message>
        <source>拖动边线固定占栏或高度</source>
        <extracomment>above this many pixels a page is painted in tiles, each drawing only the items over it, and only the tiles on screen: zoomed in, a repaint costs what is visible, not the whole page all cached page pixmaps together (4 bytes a pixel): a 24-page issue at 200 % would otherwise keep ≈ 1 GB of pixmaps; the least recently painted pages are dropped and repainted if needed (block id, &quot;w&quot; or &quot;h&quot;, new width pt, new height pt): the user dragged a block&apos;s right or bottom edge to pin its span or height page index → the page&apos;s pixmap; (page index, column, row) → a tile of a page id(page) → (page, [(bounds, item)]): where each item paints, for tiles</extracomment>
        <translation>Drag the edge to pin the column span or the height</translation>
    </message>
    <message>
        <source>空位 {w} × {h} mm</source>
        <translation>Free space {w} × {h} mm</translation>
    </message>
</context>
<context>
    <name>PageForm</name>
    <message>
        <source>版面</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>版次</source>
        <translation>Page label</translation>
    </message>
    <message>
        <source>如：第3版 · 专版</source>
        <translation>e.g. Page 3 · Special</translation>
    </message>
    <message>
        <source>版次标签</source>
        <translation>Page label</translation>
    </message>
    <message>
        <source>修改版次</source>
        <translation>Edit page label</translation>
    </message>
    <message>
        <source>版头（栏目）</source>
        <translation>Banner</translation>
    </message>
    <message>
        <source>本版有版头</source>
        <translation>This page has a banner</translation>
    </message>
    <message>
        <source>每行一句，如：以优异成绩 庆祝建党100周年</source>
        <translation>One phrase per line, e.g. 以优异成绩 庆祝建党100周年</translation>
    </message>
    <message>
        <source>版头文字</source>
        <translation>Banner text</translation>
    </message>
    <message>
        <source>修改版头</source>
        <translation>Edit banner</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Headline</translation>
    </message>
    <message>
        <source>本版有通栏标题</source>
        <translation>This page has a full-width headline</translation>
    </message>
    <message>
        <source>引题（可空）</source>
        <translation>Kicker (optional)</translation>
    </message>
    <message>
        <source>主题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>副题，如：——省总工会2021年第一季度工会主席工作例会发言摘编</source>
        <translation>Subtitle, e.g. ——省总工会2021年第一季度工会主席工作例会发言摘编</translation>
    </message>
    <message>
        <source>引题</source>
        <translation>Kicker</translation>
    </message>
    <message>
        <source>副题</source>
        <translation>Subtitle</translation>
    </message>
    <message>
        <source>修改引题</source>
        <translation>Edit kicker</translation>
    </message>
    <message>
        <source>修改主题</source>
        <translation>Edit title</translation>
    </message>
    <message>
        <source>修改副题</source>
        <translation>Edit subtitle</translation>
    </message>
    <message>
        <source>添加版头</source>
        <translation>Add banner</translation>
    </message>
    <message>
        <source>删除版头</source>
        <translation>Remove banner</translation>
    </message>
    <message>
        <source>添加标题</source>
        <translation>Add headline</translation>
    </message>
    <message>
        <source>删除标题</source>
        <translation>Remove headline</translation>
    </message>
    <message>
        <source>固定版面</source>
        <translation>Fixed layout</translation>
    </message>
    <message>
        <source>打字时其他稿件不移动：排不下的文字在本块标为超出</source>
        <translation>Typing never moves other blocks: text that no longer fits is marked overset in its own block</translation>
    </message>
</context>
<context>
    <name>PageSetupForm</name>
    <message>
        <source>版面设置</source>
        <translation>Page setup</translation>
    </message>
    <message>
        <source>纸张</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>开本</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>尺寸</source>
        <translation>Dimensions</translation>
    </message>
    <message>
        <source>修改纸张宽度</source>
        <translation>Change paper width</translation>
    </message>
    <message>
        <source>修改纸张高度</source>
        <translation>Change paper height</translation>
    </message>
    <message>
        <source>色彩</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>修改色彩模式</source>
        <translation>Change colour mode</translation>
    </message>
    <message>
        <source>页边距（毫米）</source>
        <translation>Margins (mm)</translation>
    </message>
    <message>
        <source>上</source>
        <translation>Top</translation>
    </message>
    <message>
        <source>下</source>
        <translation>Bottom</translation>
    </message>
    <message>
        <source>左</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>右</source>
        <translation>Right</translation>
    </message>
    <message>
        <source>栏与正文</source>
        <translation>Columns and body text</translation>
    </message>
    <message>
        <source> 栏</source>
        <translation> columns</translation>
    </message>
    <message>
        <source>基本栏数</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>修改栏数</source>
        <translation>Change columns</translation>
    </message>
    <message>
        <source> 字</source>
        <translation> em</translation>
    </message>
    <message>
        <source>栏间距</source>
        <translation>Gutter</translation>
    </message>
    <message>
        <source>修改栏间距</source>
        <translation>Change gutter</translation>
    </message>
    <message>
        <source>正文字号</source>
        <translation>Body size</translation>
    </message>
    <message>
        <source>行距（基线间距）</source>
        <translation>Leading (baseline to baseline)</translation>
    </message>
    <message>
        <source>修改行距</source>
        <translation>Change leading</translation>
    </message>
    <message>
        <source>两字人名加空</source>
        <translation>Space 2-character names</translation>
    </message>
    <message>
        <source>两字人名中间加一个字的空，与三字人名对齐（报纸的习惯）</source>
        <translation>Set a two-character name with a one-character space so it aligns with three-character names (newspaper style)</translation>
    </message>
    <message>
        <source>修改人名加空</source>
        <translation>Change name spacing</translation>
    </message>
    <message>
        <source> 毫米</source>
        <translation> mm</translation>
    </message>
    <message>
        <source>修改页边距</source>
        <translation>Change margins</translation>
    </message>
    <message>
        <source>选择开本</source>
        <translation>Choose page size</translation>
    </message>
    <message>
        <source>决定图片分色的总墨量上限和网点扩大补偿，并写入 PDF/X 的输出意图</source>
        <translation>Sets the total-ink limit and dot-gain compensation of picture separation, and the PDF/X output intent</translation>
    </message>
    <message>
        <source>印刷条件</source>
        <translation>Printing condition</translation>
    </message>
    <message>
        <source>修改印刷条件</source>
        <translation>Change printing condition</translation>
    </message>
    <message>
        <source>无（按印刷条件分色，导出 PDF/X-1a）</source>
        <translation>None (separate for the printing condition, export PDF/X-1a)</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>ICC 特性文件</source>
        <translation>ICC profile</translation>
    </message>
    <message>
        <source>修改 ICC 特性文件</source>
        <translation>Change ICC profile</translation>
    </message>
    <message>
        <source>印刷厂的 ICC 特性文件</source>
        <translation>The printer&apos;s ICC profile</translation>
    </message>
    <message>
        <source>ICC 特性文件 (*.icc *.icm)</source>
        <translation>ICC profiles (*.icc *.icm)</translation>
    </message>
    <message>
        <source>按此特性文件分色，导出 PDF/X-4：{}</source>
        <translation>Pictures separated with this profile, exported as PDF/X-4: {}</translation>
    </message>
    <message>
        <source>不能使用这个特性文件：{}</source>
        <translation>This profile cannot be used: {}</translation>
    </message>
    <message>
        <source>修改正文字号</source>
        <translation>Change body size</translation>
    </message>
    <message>
        <source>版心宽 {w:.0f} 毫米；每栏约 {n:.0f} 个正文字。</source>
        <translation>Text area {w:.0f} mm wide; about {n:.0f} body characters per column.</translation>
    </message>
    <message>
        <source>字体</source>
        <translation>Fonts</translation>
    </message>
    <message>
        <source>（默认）</source>
        <translation>(default)</translation>
    </message>
    <message>
        <source>文件…</source>
        <translation>File…</translation>
    </message>
    <message>
        <source>选择字体文件（TTF、OTF、TTC、OTC）</source>
        <translation>Choose a font file (TTF, OTF, TTC, OTC)</translation>
    </message>
    <message>
        <source>修改字体：{}</source>
        <translation>Change font: {}</translation>
    </message>
    <message>
        <source>选择字体文件</source>
        <translation>Choose font file</translation>
    </message>
    <message>
        <source>字体文件 (*.ttf *.otf *.ttc *.otc)</source>
        <translation>Font files (*.ttf *.otf *.ttc *.otc)</translation>
    </message>
    <message>
        <source>找不到字体，将使用默认字体：{}</source>
        <translation>Font not found, the default will be used: {}</translation>
    </message>
    <message>
        <source>默认字体</source>
        <translation>Default font</translation>
    </message>
    <message>
        <source>肖像规格（全刊统一）</source>
        <translation>Portrait size (all)</translation>
    </message>
    <message>
        <source>肖像宽度</source>
        <translation>Portrait width</translation>
    </message>
    <message>
        <source>按栏宽</source>
        <translation>By columns</translation>
    </message>
    <message>
        <source>或指定宽度</source>
        <translation>Or a fixed width</translation>
    </message>
    <message>
        <source>宽高比</source>
        <translation>Aspect (w : h)</translation>
    </message>
    <message>
        <source>讲话人肖像宽度</source>
        <translation>Leader portrait</translation>
    </message>
    <message>
        <source>修改肖像规格</source>
        <translation>Change portrait size</translation>
    </message>
    <message>
        <source>适配版面的范围</source>
        <translation>Copy-fit limits</translation>
    </message>
    <message>
        <source>标题字号最小</source>
        <translation>Smallest headline size</translation>
    </message>
    <message>
        <source>标题字号最大</source>
        <translation>Largest headline size</translation>
    </message>
    <message>
        <source> 行</source>
        <translation> lines</translation>
    </message>
    <message>
        <source>段间最多空行</source>
        <translation>Paragraph spacing</translation>
    </message>
    <message>
        <source>肖像最宽</source>
        <translation>Widest portrait</translation>
    </message>
    <message>
        <source>允许把整块稿件按顺序移到相邻版面</source>
        <translation>Blocks may move to the next page</translation>
    </message>
    <message>
        <source>修改适配范围</source>
        <translation>Change copy-fit limits</translation>
    </message>
</context>
<context>
    <name>ParagraphEditor</name>
    <message>
        <source>每行一段。段首导语句（如“政治引领更加有力。”）可设为加粗。</source>
        <extracomment>the user asked to toggle the lead of paragraph N</extracomment>
        <translation>One paragraph per line. A paragraph&apos;s opening lead sentence (e.g. “政治引领更加有力。”) can be set bold.</translation>
    </message>
    <message>
        <source>段首导语加粗</source>
        <translation>Bold lead sentence</translation>
    </message>
    <message>
        <source>把光标所在段落的第一句设为加粗导语（Ctrl+B）</source>
        <translation>Set the first sentence of the paragraph at the cursor as a bold run-in lead (Ctrl+B)</translation>
    </message>
    <message>
        <source>{} 字</source>
        <translation>{} characters</translation>
    </message>
    <message>
        <source>取消段首导语</source>
        <translation>Remove bold lead</translation>
    </message>
    <message>
        <source>设为段首导语</source>
        <translation>Set bold lead</translation>
    </message>
</context>
<context>
    <name>PdfOptionsDialog</name>
    <message>
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>（无：按上面的印刷条件分色）</source>
        <translation>(none: separate for the printing condition above)</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>加 3 毫米出血和裁切线（交印刷厂时勾选）</source>
        <translation>Add 3 mm bleed and crop marks (for the printer)</translation>
    </message>
    <message>
        <source>每版一个文件（按版名命名，印刷厂常要）</source>
        <translation>One file per page, named by page label (as printing plants ask)</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>色彩</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>印刷条件</source>
        <translation>Printing condition</translation>
    </message>
    <message>
        <source>ICC 特性文件</source>
        <translation>ICC profile</translation>
    </message>
    <message>
        <source>PDF 标准</source>
        <translation>PDF standard</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>印刷厂的 ICC 特性文件</source>
        <translation>The printer&apos;s ICC profile</translation>
    </message>
    <message>
        <source>ICC 特性文件 (*.icc *.icm)</source>
        <translation>ICC profiles (*.icc *.icm)</translation>
    </message>
    <message>
        <source>找不到 ICC 特性文件：{}</source>
        <translation>ICC profile not found: {}</translation>
    </message>
    <message>
        <source>PDF/X-4 需要印刷厂的 ICC 特性文件。</source>
        <translation>PDF/X-4 needs the printer&apos;s ICC profile.</translation>
    </message>
    <message>
        <source>PDF/X 不允许 RGB：交印刷厂请选 CMYK 或灰度。</source>
        <translation>PDF/X allows no RGB: choose CMYK or greyscale for the printer.</translation>
    </message>
</context>
<context>
    <name>PictureForm</name>
    <message>
        <source>图片块</source>
        <translation>Picture block</translation>
    </message>
    <message>
        <source>图片</source>
        <translation>Picture</translation>
    </message>
    <message>
        <source>图片说明，如：图为西安市职工书屋示范点揭牌现场</source>
        <translation>Caption, e.g. the opening of a workers&apos; reading room in Xi&apos;an</translation>
    </message>
    <message>
        <source>图片说明</source>
        <translation>Caption</translation>
    </message>
    <message>
        <source>修改图片说明</source>
        <translation>Edit caption</translation>
    </message>
    <message>
        <source>位置</source>
        <translation>Placement</translation>
    </message>
</context>
<context>
    <name>PinBox</name>
    <message>
        <source>自动</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source> 栏</source>
        <translation> columns</translation>
    </message>
    <message>
        <source> 毫米</source>
        <translation> mm</translation>
    </message>
    <message>
        <source>第 </source>
        <translation>from row </translation>
    </message>
    <message>
        <source> 行起</source>
        <translation> on</translation>
    </message>
    <message>
        <source>取消固定</source>
        <translation>Unpin</translation>
    </message>
    <message>
        <source>固定占栏</source>
        <translation>Pinned span</translation>
    </message>
    <message>
        <source>固定高度</source>
        <translation>Pinned height</translation>
    </message>
    <message>
        <source>固定行</source>
        <translation>Pinned row</translation>
    </message>
    <message>
        <source>修改固定位置</source>
        <translation>Change pins</translation>
    </message>
</context>
<context>
    <name>PlanColumn</name>
    <message>
        <source>✓ 每版都合乎组版要求</source>
        <translation>✓ every page meets the make-up rules</translation>
    </message>
    <message>
        <source>✗ 有版面未达组版要求</source>
        <translation>✗ some pages miss the make-up rules</translation>
    </message>
    <message>
        <source>第 {} 版</source>
        <translation>Page {}</translation>
    </message>
</context>
<context>
    <name>PortraitWidget</name>
    <message>
        <source>把照片拖到这里，或用右边的按钮选择、粘贴</source>
        <translation>Drop a photo here, or use the buttons to choose or paste one</translation>
    </message>
    <message>
        <source>选择图片…</source>
        <translation>Choose image…</translation>
    </message>
    <message>
        <source>粘贴</source>
        <translation>Paste</translation>
    </message>
    <message>
        <source>裁剪…</source>
        <translation>Crop…</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>更换肖像</source>
        <translation>Change portrait</translation>
    </message>
    <message>
        <source>无法使用这个文件</source>
        <translation>Cannot use this file</translation>
    </message>
    <message>
        <source>“{}”不能用作肖像照片。

请选择 JPEG、PNG、TIFF 或 WebP 格式的照片。

详细原因：{}</source>
        <translation>“{}” cannot be used as a portrait photo.

Please choose a JPEG, PNG, TIFF or WebP photo.

Details: {}</translation>
    </message>
    <message>
        <source>选择肖像照片</source>
        <translation>Choose portrait photo</translation>
    </message>
    <message>
        <source>图片</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>剪贴板中的图片</source>
        <translation>image from the clipboard</translation>
    </message>
    <message>
        <source>没有图片</source>
        <translation>No image</translation>
    </message>
    <message>
        <source>剪贴板里没有图片或图片文件。</source>
        <translation>The clipboard holds no image or image file.</translation>
    </message>
    <message>
        <source>拖入的图片</source>
        <translation>dropped image</translation>
    </message>
    <message>
        <source>裁剪肖像</source>
        <translation>Crop portrait</translation>
    </message>
    <message>
        <source>移除肖像</source>
        <translation>Remove portrait</translation>
    </message>
    <message>
        <source>无照片
拖入或选择</source>
        <translation>No photo
drop or choose</translation>
    </message>
    <message>
        <source>尚无肖像。支持 JPEG、PNG、TIFF、WebP；手机照片会自动转正。</source>
        <translation>No portrait yet. JPEG, PNG, TIFF and WebP work; phone photos are turned upright automatically.</translation>
    </message>
    <message>
        <source>无法读取这张图片。</source>
        <translation>This image cannot be read.</translation>
    </message>
    <message>
        <source>{w}×{h} 像素；印刷宽 {mm:.0f} 毫米时有效分辨率 {ppi:.0f} ppi</source>
        <translation>{w}×{h} pixels; {ppi:.0f} ppi effective when printed {mm:.0f} mm wide</translation>
    </message>
    <message>
        <source>（低于 {} ppi，印刷可能模糊）</source>
        <translation> (below {} ppi: may print blurred)</translation>
    </message>
</context>
<context>
    <name>Press</name>
    <message>
        <source>新闻纸（冷固轮转 IFRA26，总墨量 240%）</source>
        <translation>Newsprint (coldset, IFRA26, total ink 240%)</translation>
    </message>
    <message>
        <source>铜版纸（FOGRA39，总墨量 300%）</source>
        <translation>Coated paper (FOGRA39, total ink 300%)</translation>
    </message>
    <message>
        <source>胶版纸（非涂布 FOGRA29，总墨量 300%）</source>
        <translation>Uncoated paper (FOGRA29, total ink 300%)</translation>
    </message>
    <message>
        <source>自动（有 ICC 特性文件时 PDF/X-4，否则 PDF/X-1a）</source>
        <translation>Automatic (PDF/X-4 with an ICC profile, else PDF/X-1a)</translation>
    </message>
    <message>
        <source>PDF/X-1a:2001（印刷厂通用）</source>
        <translation>PDF/X-1a:2001 (accepted by every printer)</translation>
    </message>
    <message>
        <source>PDF/X-4（需印刷厂的 ICC 特性文件）</source>
        <translation>PDF/X-4 (needs the printer&apos;s ICC profile)</translation>
    </message>
    <message>
        <source>普通 PDF（不声明印刷条件）</source>
        <translation>Plain PDF (no printing condition declared)</translation>
    </message>
</context>
<context>
    <name>PreviewWidget</name>
    <message>
        <source>缩小（Ctrl+-）</source>
        <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
        <source>放大（Ctrl++）</source>
        <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>按窗口宽度显示整版</source>
        <translation>Fit the page to the window width</translation>
    </message>
    <message>
        <source>整版</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <source>显示整个版面</source>
        <translation>Show the whole page</translation>
    </message>
    <message>
        <source>上一版</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>第 </source>
        <translation>Page </translation>
    </message>
    <message>
        <source> 版</source>
        <translation> </translation>
    </message>
    <message>
        <source>下一版</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>/ 共 {} 版</source>
        <translation>of {}</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>缩到 A4 纸</source>
        <translation>Fit to A4 paper</translation>
    </message>
    <message>
        <source>缩到 A3 纸</source>
        <translation>Fit to A3 paper</translation>
    </message>
    <message>
        <source>原大（纸张与版面同大）</source>
        <translation>Real size (paper as large as the page)</translation>
    </message>
    <message>
        <source>无法打印</source>
        <extracomment>replaced in tests: (printer, parent) -&gt; dialog with exec(); None: Qt&apos;s QPrintDialog</extracomment>
        <translation>Cannot print</translation>
    </message>
    <message>
        <source>版面还没有排好（或排版出错），暂时无法打印。</source>
        <translation>The pages are not laid out yet (or the layout failed); nothing to print.</translation>
    </message>
    <message>
        <source>版面缩放</source>
        <translation>Page scaling</translation>
    </message>
    <message>
        <source>打印失败</source>
        <translation>Printing failed</translation>
    </message>
    <message>
        <source>无法开始打印：{}</source>
        <translation>Cannot start printing: {}</translation>
    </message>
    <message>
        <source>打印预览</source>
        <translation>Print Preview</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>{message}：{excerpt}</source>
        <translation>{message}: {excerpt}</translation>
    </message>
    <message>
        <source>类型</source>
        <extracomment>the user asked to apply a proofreading finding&apos;s suggested replacement the user clicked a page fix (gui/makeup_actions.PageFix): a smaller or bigger size, one more page</extracomment>
        <translation>Type</translation>
    </message>
    <message>
        <source>位置</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>排版出错：{}</source>
        <extracomment>rows shown after every result: (kind, block id, message, severe) — the last import&apos;s report the measured fixes of short or overset pages (gui/makeup_actions.PageFix), shown as buttons</extracomment>
        <translation>Layout error: {}</translation>
    </message>
    <message>
        <source>右键可一键采用建议</source>
        <translation>Right-click to apply the suggestion</translation>
    </message>
    <message>
        <source>一键修改，可撤销（Ctrl+Z）</source>
        <translation>One click; undo with Ctrl+Z</translation>
    </message>
    <message>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>版面建议</source>
        <translation>Layout suggestion</translation>
    </message>
    <message>
        <source>转到</source>
        <translation>Go to</translation>
    </message>
    <message>
        <source>采用建议：“{}” → “{}”</source>
        <translation>Apply suggestion: “{}” → “{}”</translation>
    </message>
    <message>
        <source>等 {} 个字</source>
        <translation> and more, {} characters</translation>
    </message>
    <message>
        <source>：</source>
        <translation>: </translation>
    </message>
    <message>
        <source>“{chars}”不在所选字体中，已用其他字体排出</source>
        <translation>“{chars}” not in the chosen font; set in another font</translation>
    </message>
    <message>
        <source>“{chars}”在所有字体中都没有，排成方框</source>
        <translation>“{chars}” in no font; shown as boxes</translation>
    </message>
</context>
<context>
    <name>ProofreadMarks</name>
    <message>
        <source>删去（{}）</source>
        <translation>Delete ({})</translation>
    </message>
    <message>
        <source>删去</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>改为：{}</source>
        <translation>Change to: {}</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>未命名会刊</source>
        <extracomment>what Qt&apos;s xcb platform plugin (Qt 6.5+) loads, and the Debian/Ubuntu package of each</extracomment>
        <translation>Untitled bulletin</translation>
    </message>
    <message>
        <source>恢复未保存的工作</source>
        <translation>Recover unsaved work</translation>
    </message>
    <message>
        <source>上次编辑“{name}”时程序意外退出。
找到 {time} 自动保存的副本，要恢复吗？</source>
        <translation>The editor closed unexpectedly while “{name}” was being edited.
A copy saved automatically at {time} was found. Restore it?</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>丢弃</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>以后再说</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>无法恢复</source>
        <translation>Cannot restore</translation>
    </message>
</context>
<context>
    <name>SpeechForm</name>
    <message>
        <source>讲话摘编</source>
        <translation>Speech excerpt</translation>
    </message>
    <message>
        <source>讲话人</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <source>姓名，如：郭大为</source>
        <translation>Name, e.g. Guo Dawei</translation>
    </message>
    <message>
        <source>每行一个职务</source>
        <translation>One title per line</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Titles</translation>
    </message>
    <message>
        <source>如：省人大常委会副主任、省总工会主席郭大为在……上的讲话摘编</source>
        <translation>e.g. Excerpt of the speech by … at …</translation>
    </message>
    <message>
        <source>出处说明</source>
        <translation>Attribution</translation>
    </message>
    <message>
        <source>修改出处说明</source>
        <translation>Edit attribution</translation>
    </message>
    <message>
        <source>分节</source>
        <translation>Sections</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>如：2020</source>
        <translation>e.g. 2020</translation>
    </message>
    <message>
        <source>如：“一盘棋”、一条心、一起干，联动发力</source>
        <translation>e.g. “一盘棋”、一条心、一起干，联动发力</translation>
    </message>
    <message>
        <source>每行一条，◎可省略</source>
        <translation>One point per line; the ◎ may be left out</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>小标题</source>
        <translation>Heading</translation>
    </message>
    <message>
        <source>◎ 要点</source>
        <translation>◎ Points</translation>
    </message>
    <message>
        <source>正文</source>
        <translation>Body text</translation>
    </message>
    <message>
        <source>修改分节标签</source>
        <translation>Edit section label</translation>
    </message>
    <message>
        <source>修改小标题</source>
        <translation>Edit heading</translation>
    </message>
    <message>
        <source>修改要点</source>
        <translation>Edit points</translation>
    </message>
    <message>
        <source>修改讲话正文</source>
        <translation>Edit speech text</translation>
    </message>
    <message>
        <source>（未命名分节）</source>
        <translation>(untitled section)</translation>
    </message>
    <message>
        <source>添加分节</source>
        <translation>Add section</translation>
    </message>
    <message>
        <source>删除分节</source>
        <translation>Delete section</translation>
    </message>
    <message>
        <source>移动分节</source>
        <translation>Move section</translation>
    </message>
    <message>
        <source>修改讲话人</source>
        <translation>Edit speaker</translation>
    </message>
    <message>
        <source>肖像</source>
        <translation>Portrait</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>会刊编辑器</source>
        <translation>Bulletin Editor</translation>
    </message>
    <message>
        <source>各地市的稿件到了？点“从稿件新建”，或把稿件文件拖到这里。</source>
        <translation>Submissions from the cities in? Click &quot;New from submissions&quot;, or drop the files here.</translation>
    </message>
    <message>
        <source>从稿件新建…</source>
        <translation>New from submissions…</translation>
    </message>
    <message>
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>新建：{}</source>
        <translation>New: {}</translation>
    </message>
    <message>
        <source>最近打开</source>
        <translation>Recent files</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message numerus="yes">
        <source>共 %n 版</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>{} 字</source>
        <translation>{} characters</translation>
    </message>
    <message>
        <source>上次保存 {}</source>
        <translation>Last saved {}</translation>
    </message>
    <message>
        <source>尚未保存</source>
        <translation>Not saved yet</translation>
    </message>
</context>
<context>
    <name>Structure</name>
    <message>
        <source>添加讲话摘编</source>
        <translation>Add speech excerpt</translation>
    </message>
    <message>
        <source>添加栏目</source>
        <translation>Add column</translation>
    </message>
    <message>
        <source>添加版面</source>
        <translation>Add page</translation>
    </message>
    <message>
        <source>删除版面</source>
        <translation>Delete page</translation>
    </message>
    <message>
        <source>删除版头</source>
        <translation>Remove banner</translation>
    </message>
    <message>
        <source>删除标题</source>
        <translation>Remove headline</translation>
    </message>
    <message>
        <source>删除栏目</source>
        <translation>Delete column</translation>
    </message>
    <message>
        <source>删除 {} 项</source>
        <translation>Delete {} items</translation>
    </message>
    <message>
        <source>移动 {} 项</source>
        <translation>Move {} items</translation>
    </message>
    <message>
        <source>移动版面</source>
        <translation>Move page</translation>
    </message>
    <message>
        <source>移动栏目</source>
        <translation>Move column</translation>
    </message>
    <message>
        <source>移到另一版</source>
        <translation>Move to another page</translation>
    </message>
    <message>
        <source>添加版头</source>
        <translation>Add banner</translation>
    </message>
    <message>
        <source>添加标题</source>
        <translation>Add headline</translation>
    </message>
    <message>
        <source>创建版面副本</source>
        <translation>Duplicate page</translation>
    </message>
    <message>
        <source>创建栏目副本</source>
        <translation>Duplicate block</translation>
    </message>
    <message>
        <source>剪切</source>
        <extracomment>the clipboard format of a copied page or block: JSON with the item and its pictures</extracomment>
        <translation>Cut</translation>
    </message>
    <message>
        <source>剪贴板中没有可粘贴的版面或栏目。</source>
        <translation>The clipboard holds no page or block to paste.</translation>
    </message>
    <message>
        <source>剪贴板中的内容无法粘贴：{}</source>
        <translation>The clipboard content cannot be pasted: {}</translation>
    </message>
    <message>
        <source>剪贴板中的图片无法使用：{}</source>
        <translation>A picture on the clipboard cannot be used: {}</translation>
    </message>
    <message>
        <source>粘贴版面</source>
        <translation>Paste page</translation>
    </message>
    <message>
        <source>粘贴栏目</source>
        <translation>Paste block</translation>
    </message>
</context>
<context>
    <name>TableEditor</name>
    <message>
        <source>加一行</source>
        <translation>Add row</translation>
    </message>
    <message>
        <source>删除所选行</source>
        <translation>Remove selected row</translation>
    </message>
    <message>
        <source>删除表格</source>
        <translation>Remove table</translation>
    </message>
    <message>
        <source>修改表格</source>
        <translation>Edit table</translation>
    </message>
    <message>
        <source>添加表格行</source>
        <translation>Add table row</translation>
    </message>
    <message>
        <source>删除表格行</source>
        <translation>Remove table row</translation>
    </message>
</context>
<context>
    <name>Templates</name>
    <message>
        <source>对开专版（版头、标题、讲话摘编、4 个地市栏目）</source>
        <translation>Broadsheet special page (banner, headline, speech excerpt, 4 city columns)</translation>
    </message>
    <message>
        <source>四开会刊（标题、3 个栏目）</source>
        <translation>Tabloid bulletin (headline, 3 columns)</translation>
    </message>
    <message>
        <source>A4 简报（标题、2 个栏目）</source>
        <translation>A4 brief (headline, 2 columns)</translation>
    </message>
</context>
<context>
    <name>ThumbnailStrip</name>
    <message>
        <source>第 {} 版</source>
        <translation>Page {}</translation>
    </message>
    <message>
        <source>转到第 {} 版</source>
        <translation>Go to page {}</translation>
    </message>
</context>
</TS>

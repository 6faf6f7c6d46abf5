<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BulletinForm</name>
    <message>
        <source>会刊信息</source>
        <translation>Bulletin</translation>
    </message>
    <message>
        <source>报刊</source>
        <translation>Publication</translation>
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
        <source>本期标题</source>
        <translation>Issue title</translation>
    </message>
    <message>
        <source>如：向三秦职工报告</source>
        <translation>e.g. Report to the workers of Shaanxi</translation>
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
        <source>署名</source>
        <translation>Credits</translation>
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
    <name>Exporter</name>
    <message>
        <source>PDF</source>
        <extracomment>replaced in tests; return the writer function or raise ImportError</extracomment>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Word (DOCX)</source>
        <translation>Word (DOCX)</translation>
    </message>
    <message>
        <source>导出 Word 文档</source>
        <translation>Export Word document</translation>
    </message>
    <message>
        <source>Word 文档 (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <source>暂时不能导出</source>
        <translation>Cannot export yet</translation>
    </message>
    <message>
        <source>{} 导出功能尚未安装或尚未完成，暂时无法导出。

（{}）</source>
        <translation>{} export is not installed or not finished yet, so this cannot be exported now.

({})</translation>
    </message>
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
        <source>请注意：</source>
        <translation>Please check:</translation>
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
        <source>请注意以下 {} 处：</source>
        <translation>Please check these {} points:</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
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
        <source>文字超出</source>
        <translation>Overset text</translation>
    </message>
    <message>
        <source>文字不足</source>
        <translation>Short text</translation>
    </message>
    <message>
        <source>替代字体</source>
        <translation>Substitute font</translation>
    </message>
    <message>
        <source>缺字</source>
        <translation>Missing character</translation>
    </message>
    <message>
        <source>图片分辨率低</source>
        <translation>Low-resolution image</translation>
    </message>
    <message>
        <source>缺少肖像</source>
        <translation>Missing portrait</translation>
    </message>
    <message>
        <source>标题过长</source>
        <translation>Headline too long</translation>
    </message>
    <message>
        <source>空位</source>
        <translation>Free space</translation>
    </message>
    <message>
        <source>校对</source>
        <translation>Proofreader</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>目录</source>
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
        <source>关闭</source>
        <translation>Close</translation>
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
        <source>添加讲话摘编</source>
        <translation>Add speech excerpt</translation>
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
        <source>复制</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>复制选中的栏目或版面</source>
        <translation>Duplicate the selected column or page</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>删除选中的栏目、版头、标题或版面（可撤销）</source>
        <translation>Delete the selected column, banner, headline or page (can be undone)</translation>
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
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>New</translation>
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
    <message>
        <source>无法采用建议</source>
        <translation>Cannot apply suggestion</translation>
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
        <source>排版引擎尚未就绪

表单中的修改都会保存在文档里；排版引擎就绪后，这里即显示版面。</source>
        <translation>The layout engine is not ready yet

Everything you enter in the forms is kept in the document; the pages will appear here once the layout engine is ready.</translation>
    </message>
    <message>
        <source>排版引擎尚未就绪</source>
        <translation>Layout engine not ready</translation>
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
        <source>共 {} 版</source>
        <translation>{} pages</translation>
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
    <message>
        <source>未命名会刊</source>
        <translation>Untitled bulletin</translation>
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
        <source>保存修改？</source>
        <translation>Save changes?</translation>
    </message>
    <message>
        <source>“{}”有尚未保存的修改。关闭前要保存吗？</source>
        <translation>“{}” has unsaved changes. Save them before closing?</translation>
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
        <source>（无）</source>
        <translation>(none)</translation>
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
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <source>文档中有不合规的设置，未保存：

{}</source>
        <translation>The document has an invalid setting and was not saved:

{}</translation>
    </message>
    <message>
        <source>无法写入 {}：

{}</source>
        <translation>Cannot write {}:

{}</translation>
    </message>
    <message>
        <source>已保存 {}</source>
        <translation>Saved {}</translation>
    </message>
    <message>
        <source>会刊编辑器

为工会宣传干事编排报纸专版与简报：填写表单、即时预览、导出印刷用 PDF 和可编辑的 Word 文档。</source>
        <translation>Bulletin Editor

Lays out newspaper special pages and bulletins for trade-union publicity staff: fill in forms, see the page at once, export a print-ready PDF and an editable Word document.</translation>
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
    <name>Outline</name>
    <message>
        <source>{} 栏</source>
        <extracomment>(dragged item id, destination page id — or &quot;&quot; for pages —, index in the destination)</extracomment>
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
        <source>第 {} 页</source>
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
        <source>图片</source>
        <translation>Picture</translation>
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
        <source>会刊</source>
        <translation>Bulletin</translation>
    </message>
    <message>
        <source>版面设置</source>
        <translation>Page setup</translation>
    </message>
</context>
<context>
    <name>PageCanvas</name>
    <message>
        <source>拖动边线固定占栏或高度</source>
        <extracomment>(block id, &quot;w&quot; or &quot;h&quot;, new width pt, new height pt): the user dragged a block&apos;s right or bottom edge to pin its span or height</extracomment>
        <translation>Drag the edge to pin the column span or the height</translation>
    </message>
    <message>
        <source>超出 {} 字</source>
        <translation>{} characters over</translation>
    </message>
    <message>
        <source>超出</source>
        <translation>Overset</translation>
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
        <source>固定版面（打字时其他稿件不移动）</source>
        <translation>Fixed layout (typing never moves other blocks)</translation>
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
        <source>肖像规格（全刊统一）</source>
        <translation>Portrait size (one for the whole bulletin)</translation>
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
        <source> 毫米</source>
        <translation> mm</translation>
    </message>
    <message>
        <source>或指定宽度</source>
        <translation>Or a fixed width</translation>
    </message>
    <message>
        <source>宽高比</source>
        <translation>Aspect (width : height)</translation>
    </message>
    <message>
        <source>讲话人肖像宽度</source>
        <translation>Speaker portrait width</translation>
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
        <translation>Blank lines between paragraphs, at most</translation>
    </message>
    <message>
        <source>肖像最宽</source>
        <translation>Widest portrait</translation>
    </message>
    <message>
        <source>允许把整块稿件按顺序移到相邻版面</source>
        <translation>Allow whole blocks to move to the neighbouring page, in reading order</translation>
    </message>
    <message>
        <source>修改适配范围</source>
        <translation>Change copy-fit limits</translation>
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
        <source>加 3 毫米出血和裁切线（交印刷厂时勾选）</source>
        <translation>Add 3 mm bleed and crop marks (for the printer)</translation>
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
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
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
    <name>ProblemsPanel</name>
    <message>
        <source>{message}：{excerpt}</source>
        <translation>{message}: {excerpt}</translation>
    </message>
    <message>
        <source>类型</source>
        <extracomment>the user asked to apply a proofreading finding&apos;s suggested replacement</extracomment>
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
        <translation>Layout error: {}</translation>
    </message>
    <message>
        <source>右键可一键采用建议</source>
        <translation>Right-click to apply the suggestion</translation>
    </message>
    <message>
        <source>超出 {chars} 字（{lines} 行）</source>
        <translation>{chars} characters over ({lines} lines)</translation>
    </message>
    <message>
        <source>还差 {lines} 行</source>
        <translation>{lines} lines short</translation>
    </message>
    <message>
        <source>照片只有 {ppi} ppi，印刷需要 300 ppi</source>
        <translation>photo is only {ppi} ppi; print needs 300 ppi</translation>
    </message>
    <message>
        <source>没有照片</source>
        <translation>no portrait</translation>
    </message>
    <message>
        <source>空位 宽 {w} mm × 高 {h} mm：可放图片块或补稿</source>
        <translation>Free space {w} mm wide × {h} mm high: room for a picture block or more copy</translation>
    </message>
    <message>
        <source>标题太长，缩小后仍需 {lines} 行</source>
        <translation>title too long: still {lines} lines when shrunk</translation>
    </message>
    <message>
        <source>“{ch}”不在所选字体中，已用其他字体排出</source>
        <translation>“{ch}” is not in the chosen font; set in another font</translation>
    </message>
    <message>
        <source>“{ch}”在所有字体中都没有，排成方框</source>
        <translation>“{ch}” is in no font; shown as a box</translation>
    </message>
    <message>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>转到</source>
        <translation>Go to</translation>
    </message>
    <message>
        <source>采用建议：“{}” → “{}”</source>
        <translation>Apply suggestion: “{}” → “{}”</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>未命名会刊</source>
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
        <source>肖像</source>
        <translation>Portrait</translation>
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
        <source>复制版面</source>
        <translation>Duplicate page</translation>
    </message>
    <message>
        <source>复制栏目</source>
        <translation>Duplicate column</translation>
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
</TS>

"""The import report and read errors in Chinese, for the editor's Chinese UI.

The importer speaks English (the command line, the tests, the logs); the editor's users read
Chinese. Rather than carry two strings through every rule, the English messages — a fixed set
of shapes with a few variable parts — are matched here and rendered in Chinese. A message
without a Chinese shape (a new rule not yet listed) is shown in English rather than lost; a
test runs the importer over many submissions and fails when one is missing.
"""

from __future__ import annotations

import re

_SHAPES: list[tuple[str, str]] = [
    # the report (importers.structure, importers.review, importers.docx_reader)
    (r"short lines taken as the page's banner \(版头\)", "这几行短句被当作版头"),
    (r"a title line with no name above it: kept as a headline; check the caption", "职务行上面没有姓名：暂作标题，请检查署名"),
    (r"short line in an unexpected place: kept as body text", "位置不寻常的短行：暂作正文"),
    (r"text before any headline or name: put into a column of its own", "标题和姓名之前的文字：单独放入一个栏目"),
    (r"text before the headline or name: kept as the column's text", "标题和姓名之前的文字：作为本栏目的正文"),
    (r"opening sentence names (?P<a>.+), not (?P<b>.+): begins a new column", "开头一句写的是{a}而不是{b}：另起一个栏目"),
    (r"opening sentence names (?P<a>.+): ends the speech, begins a column", "开头一句写的是{a}：讲话到此结束，另起栏目"),
    (r"paragraph printed just above the label (?P<a>.+) moved into that speech section",
     "年份标签{a}上方的一段移入该部分"),
    (r"◎ line outside a labelled speech section: began an unlabelled section", "◎要点不在任何年份标签下：新起一个无标签的部分"),
    (r"a second speech attribution: kept as body text", "第二个讲话出处：暂作正文"),
    (r"caption in the middle of a paragraph taken as the column's (?P<a>person|organisation)",
     "段落中间的署名被当作本栏目的{a}"),
    (r"caption after the column's text taken as the column's (?P<a>person|organisation)", "正文后的署名被当作本栏目的{a}"),
    (r"photo caption: not printed \(the portrait's caption is the name and titles\)", "图片说明：不排印（肖像下排姓名和职务）"),
    (r"picture not next to a name: used as the nearest column's portrait", "图片不在姓名旁：用作最近栏目的肖像"),
    (r"picture not next to a name: used as the column's portrait", "图片不在姓名旁：用作本栏目的肖像"),
    (r"picture (?P<a>.+) set as a news photo in the column with its caption", "图片 {a} 作为新闻图片排入栏目，附图片说明"),
    (r"picture (?P<a>.+) set as a news photo in the column \(no caption\)", "图片 {a} 作为新闻图片排入栏目（没有图片说明）"),
    (r"table of (?P<a>\d+) row\(s\) × (?P<b>\d+) column\(s\) set as a table in the column",
     "{a} 行 × {b} 列的表格：排为栏目内的表格"),
    (r"set aside \(not printed\): (?P<a>.+)", "已搁置（不排印）：{a}"),
    (r"photo caption with no picture next to it", "图片说明旁边没有图片"),
    (r"a second headline in one submission", "同一篇稿件里的第二个标题"),
    (r"a second name in one submission", "同一篇稿件里的第二个姓名"),
    (r"a second unit line in one submission", "同一篇稿件里的第二个单位"),
    (r"a short line with no place in the column", "栏目里没有位置的短行"),
    (r"set aside in the review", "在审阅中搁置"),
    (r"credit of the portrait \(its caption is the name and titles\)", "肖像的摄影署名（肖像下排姓名和职务）"),
    (r"text naming (?P<a>.+) joined to the column of (?P<b>.+): one file is one column; check it",
     "写{a}的文字并入了{b}的栏目（一个文件一个栏目）：请检查"),
    (r"the picture first taken as the portrait is set as a news photo", "原先识别的肖像图片改作新闻图片"),
    (r"column joined to the one before it \(merged in the review\)", "栏目已并入前一个栏目（审阅中合并）"),
    (r"part of a column \(no text, or no headline and no name\) joined to its neighbour",
     "不完整的栏目片段（没有正文，或没有标题和姓名）已并入相邻栏目"),
    (r"one submission, one column: this part joined to it", "一篇稿件一个栏目：这部分已并入该栏目"),
    (r"picture (?P<a>.+) is not near any name and was not placed", "图片 {a} 不在任何姓名旁，未使用"),
    (r"picture (?P<a>.+) chosen as the portrait", "已选图片 {a} 作肖像"),
    (r"the picture first taken as the portrait is not used", "原先识别的肖像图片不再使用"),
    (r"chosen portrait: no column with a name to put it in", "所选肖像没有可放的栏目（没有姓名）"),
    (r"column without a name or organisation", "栏目没有姓名也没有单位"),
    (r"table (?P<a>\d+) \((?P<b>\d+) row\(s\)\): its text is kept as paragraphs, cell by cell; check the order",
     "表格 {a}（{b} 行）：文字已逐格转为段落，请检查顺序"),
    (r"(?P<a>\d+) picture\(s\) in the file are not in the text \(headers, unused\): (?P<b>.*)",
     "文件中有 {a} 张图片不在正文里（页眉或未用）：{b}"),
    (r"picture reference (?P<a>.+) points to no part \(linked, not embedded\?\)", "图片引用 {a} 找不到图片（链接而非嵌入？）"),
    (r"converted from (?P<a>\S+) by LibreOffice: check bold leads and pictures", "已用 LibreOffice 从 {a} 转换：请检查加粗导语和图片"),
    # read errors (SubmissionError.problem)
    (r"no such file", "文件不存在"),
    (r"is a folder, not a submission file", "这是文件夹，不是稿件文件"),
    (r"cannot read: (?P<a>.+)", "无法读取：{a}"),
    # issue 29: special files, budgets, parts of a Word file the importer does not take
    (r"is a named pipe file, not an ordinary file.*", "这是命名管道，不是普通文件：请先把稿件另存为文件"),
    (r"is a device file, not an ordinary file.*", "这是设备文件，不是普通文件：请先把稿件另存为文件"),
    (r"is (?:a socket|special) file, not an ordinary file.*", "不是普通文件：请先把稿件另存为文件"),
    (r"is not an ordinary file.*", "不是普通文件：请先把稿件另存为文件"),
    (r"larger than (?P<a>\d+) MB: too large for a text submission", "超过 {a} MB，作为文本稿件太大"),
    (r"(?P<a>[\d,]+) (?P<b>lines|paragraphs|characters|blocks): far more than a bulletin prints \(at most (?P<c>[\d,]+).*",
     "{a} {b}：远超一期会刊能排下的量（一次最多导入 {c}）；请只导入其中一部分，或按版面拆开"),
    (r"conversion cancelled", "已取消转换"),
    (r"no text to import \(empty, or only white space\)", "没有可导入的文字（文件是空的，或只有空白）"),
    (r"(?P<a>\d+) piece\(s\) of hidden text \(not shown in Word\) skipped: (?P<b>.*)", "跳过 {a} 处隐藏文字（Word 中不显示）：{b}"),
    (r"(?P<a>footnote|endnote) (?P<b>\d+) kept as body text at the end \(注\d+\): check where it belongs",
     "{a} {b} 已作为正文放在末尾（注{b}）：请检查应放的位置"),
    (r"embedded part (?P<a>.+) \(altChunk\) kept as body text at the end", "嵌入部分 {a} 已作为正文放在末尾"),
    (r"embedded part (?P<a>.+) \(altChunk\) not imported.*", "嵌入部分 {a} 未导入：请在 Word 中另存一次，或把其中文字复制进来"),
    (r"page header text not imported: (?P<a>.*)", "页眉文字未导入：{a}"),
    (r"page footer text not imported: (?P<a>.*)", "页脚文字未导入：{a}"),
    (r"(?P<a>\d+) comment\(s\) \(批注\) in the file not imported", "文件中的 {a} 条批注未导入"),
    (r"(?P<a>\d+) embedded object\(s\) \(charts, spreadsheets, documents\) not imported: (?P<b>.*)",
     "{a} 个嵌入对象（图表、表格、文档）未导入：{b}"),
    (r"the file holds macros: they are neither run nor imported", "文件含有宏：既不运行也不导入"),
    (r"saved as Strict Open XML: read like an ordinary Word file; check the text", "文件为“严格 Open XML”格式：已按普通 Word 文件读取，请检查文字"),
    (r"some parts around the text \(notes, headers\) could not be read", "正文以外的部分（脚注、页眉等）无法读取"),
    (r"the part (?P<a>\S+) is (?P<b>\d+) MB, more than the (?P<c>\d+) MB.*",
     "文件中的 {a} 有 {b} MB，超过允许的 {c} MB：请把文字复制到新的 Word 文档后再导入"),
    (r"(?P<a>\d+) MB is too large for a submission", "{a} MB，作为稿件太大"),
    (r"unsupported file type '(?P<a>.*)': expected .*", "不支持的文件类型“{a}”：请用 .txt、.docx、.doc、.wps 或 .rtf"),
    (r"not a Word \.docx file \(it is not a zip archive\)", "不是 Word .docx 文件（不是 zip 压缩包）"),
    (r"an old Word \.doc file \(or an encrypted \.docx\) named \.docx.*",
     "这是改名为 .docx 的旧版 .doc 文件（或加密的 .docx）：请在 Word 或 WPS 中另存为 .docx"),
    (r"damaged Word file: one piece of its text is far too long.*", "Word 文件已损坏：有一段文字过长（超过 10 MB 不分段），不像是稿件"),
    (r"damaged Word file.*", "Word 文件已损坏"),
    (r"not a Word document.*", "不是 Word 文档"),
    (r"not a (?P<a>\.\w+) file \(it does not start as one\); damaged, or renamed\?", "不是 {a} 文件（文件头不符）：已损坏或被改名？"),
    (r"(?P<a>\.\w+) files are converted with LibreOffice, which is not installed.*",
     "{a} 文件需要用 LibreOffice 转换，但未安装：请安装 LibreOffice，或在 Word/WPS 中另存为 .docx"),
    (r"LibreOffice did not convert this (?P<a>\.\w+) file within (?P<b>\d+) s.*",
     "LibreOffice 在 {b} 秒内未能转换这个 {a} 文件：请在 Word/WPS 中另存为 .docx"),
    (r"LibreOffice could not convert this (?P<a>\.\w+) file.*",
     "LibreOffice 无法转换这个 {a} 文件（已损坏、加密或并非 {a} 文件？）：请在 Word/WPS 中另存为 .docx"),
    (r"cannot run LibreOffice.*", "无法运行 LibreOffice 进行转换"),
    (r"converted by LibreOffice, but (?P<a>.+)", "已由 LibreOffice 转换，但{a}"),
    (r"mixed encodings: lines (?P<a>.+) are UTF-8 but lines (?P<b>.+) are .*",
     "编码混杂：第 {a} 行是 UTF-8，第 {b} 行是 GBK：请统一保存为 UTF-8"),
    (r"neither UTF-8 nor GBK/GB18030 text.*", "既不是 UTF-8 也不是 GBK/GB18030 文本：请另存为 UTF-8"),
    (r"this is a zip archive.*", "这是 zip 压缩包（Word .docx？），不是纯文本：请改名为 .docx"),
    (r"this is an old Word \.doc.*", "这是旧版 Word .doc 文件，不是纯文本：请另存为 .docx 或 .txt"),
    (r"this is a PDF file.*", "这是 PDF 文件，不是纯文本：请把文字复制到 .txt 文件"),
    (r".*a binary file, not text", "这是二进制文件，不是文本"),
    (r".*refusing a possible zip bomb", "压缩比异常，疑似压缩炸弹，拒绝读取"),
    (r"expands to .*", "解压后过大，拒绝读取"),
    (r"more than \d+ paragraphs: not a submission", "段落过多，不像是一篇稿件"),
]
_COMPILED = [(re.compile(p + r"\Z", re.S), zh) for p, zh in _SHAPES]
_ROLE_ZH = {"person": "人物", "organisation": "单位", "footnote": "脚注", "endnote": "尾注"}


def to_chinese(message: str) -> str | None:
    """The Chinese rendering of an importer message, or None when its shape is not listed."""
    for pattern, zh in _COMPILED:
        m = pattern.match(message)
        if m is not None:
            parts = {k: _ROLE_ZH.get(v, v) for k, v in m.groupdict().items()}
            if ("converted by LibreOffice, but" in message or message.startswith("set aside (not printed)")) \
                    and "a" in parts:
                parts["a"] = to_chinese(parts["a"]) or parts["a"]
            return zh.format(**parts)
    return None


def in_language(message: str, lang: str) -> str:
    """``message`` for a UI in ``lang`` (zh…: Chinese when known; anything else: as it is)."""
    if lang.lower().startswith("zh"):
        return to_chinese(message) or message
    return message


def error_in_language(source: str, problem: str, lang: str) -> str:
    """A SubmissionError (file name and problem) for the UI."""
    text = in_language(problem, lang)
    return f"{source}：{text}" if source and lang.lower().startswith("zh") else (f"{source}: {text}" if source else text)

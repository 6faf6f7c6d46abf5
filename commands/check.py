"""``main.py check FILE.bulletin [--target N] [--json] [--lang zh|en]``: proofread a bulletin.

The report is in Chinese unless ``--lang en`` asks for English. ``--json`` prints every finding
with both languages (``message``/``suggestion`` Chinese, ``message_en``/``suggestion_en`` English).

Exit status 1 when any error-level finding exists (so a script or CI can stop a bad issue going
to print), 0 when there are only warnings or nothing, 2 when the file cannot be opened.
"""

from __future__ import annotations

import argparse
import json

from commands import load_or_fail

NAME = "check"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(NAME, help="proofread a bulletin: repetitions, quotes, punctuation, headlines, length")
    p.add_argument("file", metavar="FILE.bulletin")
    p.add_argument("--target", type=int, metavar="N", help="body characters per column to aim for (e.g. 600)")
    p.add_argument("--json", action="store_true", help="print the findings as JSON (both languages)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh",
                   help="language of the report: zh (Chinese, the default) or en (English)")


def block_names(bulletin) -> dict[str, str]:
    """Names a user recognises for each block id: the region, 讲话摘编, 标题, 版头."""
    from model.document import ColumnBlock, SpeechBlock

    names: dict[str, str] = {}
    for n, page in enumerate(bulletin.pages, 1):
        if page.banner:
            names[page.banner.id] = f"p{n} 版头"
        if page.headline:
            names[page.headline.id] = f"p{n} 标题"
        for block in page.blocks:
            if isinstance(block, SpeechBlock):
                names[block.id] = f"p{n} 讲话摘编"
            elif isinstance(block, ColumnBlock):
                who = block.region or block.organisation or (block.person.name if block.person else "") or "栏"
                names[block.id] = f"p{n} {who}"
            else:  # a picture block (issue 10)
                names[block.id] = f"p{n} 图片"
    return names


_LEVELS_ZH = {"error": "错误   ", "warning": "警告   "}  # as wide as the English "warning"


def run(args: argparse.Namespace) -> int:
    import proofread

    bulletin = load_or_fail(args.file)
    if isinstance(bulletin, int):
        return bulletin
    if args.target is not None and args.target <= 0:
        from commands import fail

        return fail(f"--target must be a positive number of characters, got {args.target}")
    findings = proofread.check(bulletin, chars_target=args.target)
    if args.json:
        print(json.dumps([{**f.__dict__, "paragraph": f.paragraph} for f in findings], ensure_ascii=False, indent=1))
    else:
        lang = args.lang
        english = lang == "en"
        names = block_names(bulletin)
        for f in findings:
            where = names.get(f.block_id, f.block_id)
            item = f"{f.field}[{f.index}]" if f.index is not None else f.field
            level = f"{f.level:7}" if english else _LEVELS_ZH.get(f.level, f.level)
            print(f"{level} {f.code:13} {where} · {item} @{f.offset}: {f.message_in(lang)}")
            if f.excerpt:
                print(f"        {f.excerpt}")
            suggestion = f.suggestion_in(lang)
            if suggestion:
                print(f"        → {suggestion}")
        errors = sum(f.level == "error" for f in findings)
        warnings = len(findings) - errors
        print(f"{errors} error(s), {warnings} warning(s)" if english else f"{errors} 个错误，{warnings} 个警告")
    return 1 if proofread.has_errors(findings) else 0

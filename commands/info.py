"""``main.py info FILE.bulletin``: pages, blocks, names and character counts."""

from __future__ import annotations

import argparse

from commands import load_or_fail

NAME = "info"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(NAME, help="list the pages and blocks of a bulletin with character counts")
    p.add_argument("file", metavar="FILE.bulletin")


def describe(bulletin) -> list[str]:
    from model.document import ColumnBlock, SpeechBlock, block_texts, char_count

    ps = bulletin.page_setup
    lines = [
        f"{bulletin.publication} · {bulletin.issue_title}",
        f"page setup: {ps.preset} {ps.width_mm:g}×{ps.height_mm:g} mm, {ps.columns} columns, "
        f"body {ps.body_size_pt:g} pt, colour {ps.colour_mode}",
        f"pages: {len(bulletin.pages)}",
    ]
    total = 0
    for n, page in enumerate(bulletin.pages, 1):
        lines.append(f"page {n} ({page.label or page.id}):")
        if page.banner:
            lines.append(f"  banner   {' · '.join(page.banner.lines)}")
        if page.headline:
            h = page.headline
            lines.append(f"  headline {h.title}  {h.subtitle}")
        for block in page.blocks:
            count = char_count(block_texts(block))
            total += count
            if isinstance(block, SpeechBlock):
                labels = ", ".join(s.label for s in block.sections)
                lines.append(f"  speech   {block.speaker.name}  sections {labels}  {count} chars  [{block.id}]")
            elif isinstance(block, ColumnBlock):
                who = block.person.name if block.person else block.organisation
                lines.append(f"  column   {block.region:4} {who:8} {block.headline or '—'}  {count} chars  [{block.id}]")
            else:  # a picture block (issue 10)
                lines.append(f"  picture  {block.caption or '—'}  [{block.id}]")
    lines.append(f"blocks: {sum(len(p.blocks) for p in bulletin.pages)}, characters in blocks: {total}, "
                 f"images: {len(bulletin.images)}")
    return lines


def run(args: argparse.Namespace) -> int:
    bulletin = load_or_fail(args.file)
    if isinstance(bulletin, int):
        return bulletin
    print("\n".join(describe(bulletin)))
    return 0

"""``main.py fit FILE.bulletin [--pages auto|N] [--format auto|PRESET] [-o OUT.bulletin]``: make-up.

Searches the page plan (page size and count, blocks per page, portrait and headline sizes; see
``makeup``), prints the plan it chose, the others it weighed with their figures, every change,
and what stays short (缺稿) or over (超稿) with the fixes that remain; then saves — to
OUT.bulletin, or back to FILE.bulletin. Without the flags it keeps what the page setup fixes.
"""

from __future__ import annotations

import argparse
from collections import Counter

from commands import fail, load_or_fail

NAME = "fit"
FORMAT_CHOICES = ("auto", "broadsheet", "tabloid", "a3", "a4")


def _pages_arg(text: str) -> str | int:
    if text == "auto":
        return text
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected auto or a page count 1–99, got {text!r}") from None
    if not 1 <= n <= 99:
        raise argparse.ArgumentTypeError(f"expected auto or a page count 1–99, got {n}")
    return n


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(NAME, help="make-up (组版): choose the page plan that fills every page; report 缺稿/超稿")
    p.add_argument("file", metavar="FILE.bulletin")
    p.add_argument("-o", "--output", metavar="OUT.bulletin", help="where to save (default: FILE.bulletin itself)")
    p.add_argument("--pages", type=_pages_arg, default=None, metavar="auto|N",
                   help="page count: auto (the make-up chooses) or N; default: as the page setup fixes it")
    p.add_argument("--format", choices=FORMAT_CHOICES, default=None,
                   help="page size: auto (the make-up chooses) or a preset; default: as the page setup fixes it")
    p.add_argument("--budget", type=float, default=20.0, metavar="SECONDS",
                   help="time budget of the search (default 20 s); the best plan found by then is used")


def _summary(doc) -> str:
    kinds = Counter(p.kind for p in doc.problems)
    lines = {k: sum(p.lines for p in doc.problems if p.kind == k) for k in kinds}
    return ", ".join(f"{k} {n} ({lines[k]} lines)" for k, n in sorted(kinds.items())) or "no problems"


def run(args: argparse.Namespace) -> int:
    from layout.document import lay_out_bulletin
    from layout.fit import apply
    from makeup import changes_for, plan_makeup
    from makeup.report import copy_report
    from makeup.search import better_than_current
    from model.project_file import save
    from model.serialize import ModelError

    bulletin = load_or_fail(args.file)
    if isinstance(bulletin, int):
        return bulletin
    if not bulletin.pages or not any(p.blocks for p in bulletin.pages):
        return fail(f"{args.file}: the bulletin has no blocks to make up (add columns or import submissions first)")
    print(f"before: {_summary(lay_out_bulletin(bulletin))}")
    result = plan_makeup(bulletin, pages=args.pages, fmt=args.format, budget_s=max(1.0, args.budget))
    if result.current is not None:
        print(f"as it stands: {result.current.plan.describe()}\n    {result.current.figures()}")
    best = result.best
    if best is None:
        print("  nothing to change: no plan found")
    else:
        print(f"best plan: {best.plan.describe()}{'  (meets every make-up rule)' if best.meets else ''}")
        print(f"    {best.figures()}")
        for other in result.candidates[1:4]:
            print(f"  weighed: {other.plan.describe()}\n    {other.figures()}")
    print(f"  ({result.layouts} pages laid out in {result.elapsed:.1f} s){'  ' + result.note if result.note else ''}")
    # a page count or size the user asked for is applied even where it scores worse than the
    # pages as they stand; otherwise only a better plan is
    asked = best is not None and (
        (isinstance(args.pages, int) and best.plan.page_count != len(bulletin.pages))
        or (args.format not in (None, "auto") and best.plan.preset != bulletin.page_setup.preset))
    changes = changes_for(bulletin, best.plan) if best is not None and (
        asked or better_than_current(result) is not None) else []
    apply(changes)
    for c in changes:
        print(f"  {c.text}")
    if not changes:
        print("  nothing to change: the bulletin as it stands scores better than every plan weighed")
    doc = lay_out_bulletin(bulletin)
    for line in copy_report(bulletin, doc, result):
        print(line)
    print(f"after:  {_summary(doc)}")
    out = args.output or args.file
    try:
        save(bulletin, out)
    except ModelError as exc:
        return fail(f"cannot save {out}: {exc}")
    except OSError as exc:
        return fail(f"cannot write {out}: {exc.strerror or exc}")
    print(f"wrote {out}")
    return 0

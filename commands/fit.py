"""``main.py fit FILE.bulletin [-o OUT.bulletin]``: copy-fit (适配版面) from the command line.

Prints every change (headline sizes, the portrait size class, blocks moved between pages) and
the problems before and after, then saves — to OUT.bulletin, or back to FILE.bulletin.
"""

from __future__ import annotations

import argparse
from collections import Counter

from commands import fail, load_or_fail

NAME = "fit"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(NAME, help="copy-fit: fill short pages and resolve overset within the page setup's limits")
    p.add_argument("file", metavar="FILE.bulletin")
    p.add_argument("-o", "--output", metavar="OUT.bulletin", help="where to save (default: FILE.bulletin itself)")


def _summary(doc) -> str:
    kinds = Counter(p.kind for p in doc.problems)
    lines = {k: sum(p.lines for p in doc.problems if p.kind == k) for k in kinds}
    return ", ".join(f"{k} {n} ({lines[k]} lines)" for k, n in sorted(kinds.items())) or "no problems"


def run(args: argparse.Namespace) -> int:
    from layout.document import lay_out_bulletin
    from layout.fit import apply, fit_bulletin
    from model.project_file import save
    from model.serialize import ModelError

    bulletin = load_or_fail(args.file)
    if isinstance(bulletin, int):
        return bulletin
    print(f"before: {_summary(lay_out_bulletin(bulletin))}")
    changes = fit_bulletin(bulletin)
    apply(changes)
    for c in changes:
        print(f"  {c.text}")
    if not changes:
        print("  nothing to change: no change within the page setup's limits makes the pages better")
    print(f"after:  {_summary(lay_out_bulletin(bulletin))}")
    out = args.output or args.file
    try:
        save(bulletin, out)
    except ModelError as exc:
        return fail(f"cannot save {out}: {exc}")
    except OSError as exc:
        return fail(f"cannot write {out}: {exc.strerror or exc}")
    print(f"wrote {out}")
    return 0

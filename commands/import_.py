"""``main.py import SUBMISSION … -o OUT.bulletin [--into EXISTING.bulletin]``.

Reads city submissions (.txt in UTF-8 or GBK/GB18030, .docx), recognises headlines, captions,
speech material and body text, and writes a bulletin; prints what it guessed and what it could
not classify. A file that cannot be read stops the import before anything is written (status 2).
"""

from __future__ import annotations

import argparse

from commands import fail, load_or_fail

NAME = "import"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(NAME, help="import city submissions (.txt, .docx) into a bulletin")
    p.add_argument("submissions", nargs="+", metavar="SUBMISSION", help=".txt or .docx files, in page order")
    p.add_argument("-o", "--output", required=True, metavar="OUT.bulletin", help="where to write the bulletin")
    p.add_argument("--into", metavar="EXISTING.bulletin",
                   help="add the submissions to this bulletin (it is not changed unless it is also -o)")


def run(args: argparse.Namespace) -> int:
    from importers import SubmissionError, import_files
    from model.fileio import same_file
    from model.project_file import save
    from model.serialize import ModelError

    for submission in args.submissions:
        if same_file(submission, args.output) or (args.into and same_file(submission, args.into)):
            return fail(f"{submission} is both a submission and the bulletin "
                        f"({'-o ' + args.output if same_file(submission, args.output) else '--into ' + args.into}); "
                        "expected a different output file — nothing was written")
    into = None
    if args.into:
        into = load_or_fail(args.into)
        if isinstance(into, int):
            return into
    try:
        bulletin, report = import_files(args.submissions, into=into)
    except SubmissionError as exc:
        return fail(f"{exc}; nothing was written")
    from makeup.auto import free_new_bulletin, make_up

    if into is None:
        free_new_bulletin(bulletin)
    made = []
    if any(p.blocks for p in bulletin.pages):
        changes, result = make_up(bulletin)
        if result.best is not None:
            made = [f"make-up: {result.best.plan.describe()}", f"    {result.best.figures()}",
                    *(f"  {c.text}" for c in changes)]
    try:
        save(bulletin, args.output)
    except ModelError as exc:
        return fail(f"cannot save the imported bulletin: {exc}")
    except OSError as exc:
        return fail(f"cannot write {args.output}: {exc.strerror or exc}")
    print("\n".join(report.lines()))
    if made:
        print("\n".join(made))
    print(f"wrote {args.output}")
    return 0

"""``main.py export FILE.bulletin --pdf out.pdf --docx out.docx``: headless export."""

from __future__ import annotations

import argparse

from commands import fail, load_or_fail

NAME = "export"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(NAME, help="export a bulletin as print-ready PDF and/or editable DOCX")
    p.add_argument("file", metavar="FILE.bulletin")
    p.add_argument("--pdf", metavar="OUT.pdf", help="write a print-ready PDF")
    p.add_argument("--docx", metavar="OUT.docx", help="write a Word document")
    p.add_argument("--bleed", type=float, default=0.0, metavar="MM", help="bleed in mm (adds crop marks)")
    p.add_argument("--colour", "--color", choices=["cmyk", "grey", "rgb"], default=None,
                   help="colour mode of the PDF (default: the page setup's)")
    p.add_argument("--allow-overset", action="store_true", help="exit 0 even when text does not fit")
    p.add_argument("--timestamp", action="store_true", help="put the current time in the PDF metadata")


def run(args: argparse.Namespace) -> int:
    if not args.pdf and not args.docx:
        return fail("nothing to do: give --pdf OUT.pdf and/or --docx OUT.docx")
    from model.fileio import same_file

    for flag, out in (("--pdf", args.pdf), ("--docx", args.docx)):
        if out and same_file(out, args.file):
            return fail(f"{flag} {out} is the project being exported ({args.file}); "
                        "expected a different output file — the project was left untouched")
    if args.pdf and args.docx and same_file(args.pdf, args.docx):
        return fail(f"--pdf and --docx name the same file {args.pdf}; expected two different files")
    bulletin = load_or_fail(args.file)
    if isinstance(bulletin, int):
        return bulletin
    status = 0
    if args.docx:
        from exporters.docx import write_docx

        try:
            problems = write_docx(bulletin, args.docx)
        except OSError as exc:
            return fail(f"cannot write {args.docx}: {exc.strerror or exc}")
        print(f"wrote {args.docx}")
        for problem in problems:
            print(f"  warning: {problem}")
    if args.pdf:
        from exporters.pdf import export_pdf_command

        status = export_pdf_command(bulletin, args)
    return status

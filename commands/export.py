"""``main.py export FILE.bulletin --pdf out.pdf --docx out.docx``: headless export."""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from commands import fail, load_or_fail
from commands.check import block_names
from layout.messages import describe, kind_name
from layout.types import LOST_KINDS

if TYPE_CHECKING:
    from exporters.result import ExportResult

#: the DOCX font sets (exporters.docx_fonts.FONT_SETS), listed here so --help needs no exporter import
DOCX_FONT_SETS = ("common", "founder", "pdf")

NAME = "export"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(NAME, help="export a bulletin as print-ready PDF and/or editable DOCX")
    p.add_argument("file", metavar="FILE.bulletin")
    p.add_argument("--pdf", metavar="OUT.pdf", help="write a print-ready PDF")
    p.add_argument("--docx", metavar="OUT.docx", help="write a Word document")
    p.add_argument("--docx-fonts", choices=list(DOCX_FONT_SETS), default="common",
                   help="fonts the Word document names: common = 宋体/黑体/楷体/仿宋 (every Chinese Windows and "
                        "WPS has them; default), founder = 方正 faces, pdf = the bulletin's own fonts, as in the PDF")
    p.add_argument("--bleed", type=float, default=0.0, metavar="MM", help="bleed in mm (adds crop marks)")
    p.add_argument("--colour", "--color", choices=["cmyk", "grey", "rgb"], default=None,
                   help="colour mode of the PDF (default: the page setup's)")
    p.add_argument("--condition", choices=["newsprint", "coated", "uncoated"], default=None,
                   help="printing condition: newsprint (IFRA26, 240 %% ink), coated (FOGRA39, 300 %%), "
                        "uncoated (FOGRA29, 300 %%) (default: the page setup's)")
    p.add_argument("--icc", metavar="PROFILE.icc", default=None,
                   help="the printer's CMYK ICC output profile: pictures are separated with it and the PDF "
                        "is PDF/X-4 (default: the page setup's; '' for none)")
    p.add_argument("--pdfx", choices=["x1a", "x4", "none"], default=None,
                   help="PDF/X flavour (default: x4 with an ICC profile, x1a for CMYK/grey, none for RGB)")
    p.add_argument("--split", action="store_true", help="one PDF per page, named by the page label")
    p.add_argument("--reproducible", action="store_true",
                   help="byte-identical output: dates from SOURCE_DATE_EPOCH, else 2000-01-01 (default: now)")
    p.add_argument("--allow-overset", action="store_true", help="exit 0 even when text does not fit")
    p.add_argument("--allow-missing-glyphs", action="store_true",
                   help="exit 0 even when a character is in no font and prints as a box")
    p.add_argument("--timestamp", action="store_true", help=argparse.SUPPRESS)  # the default now; kept for scripts


def creation_time(reproducible: bool, environ: dict[str, str] | os._Environ[str] = os.environ) -> datetime | str:
    """The PDF's dates: now, unless reproducible output is asked for (``--reproducible`` or
    SOURCE_DATE_EPOCH, as reproducible-builds.org defines it). A str is an error message."""
    from exporters.pdfx import EPOCH_2000

    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), UTC)
        except (ValueError, OverflowError, OSError):
            return f"SOURCE_DATE_EPOCH={epoch!r}: expected whole seconds since 1970-01-01"
    if reproducible:
        return EPOCH_2000
    return datetime.now(UTC).astimezone()


def report_lines(result: ExportResult, names: dict[str, str] | None = None) -> list[str]:
    """The export's report: each problem with its kind (in Chinese and as the greppable key), its
    block and its words from the one catalogue (layout.messages)."""
    kinds = Counter(p.kind for p in result.problems)
    label = {k: f"{kind_name(k, 'zh')} {k}" for k in kinds}
    names = names or {}
    lines = [f"pages: {result.pages}"]
    for p in result.problems:
        who = names.get(p.block_id, "")
        where = f"  [{p.block_id}]" if p.block_id else ""
        lines.append(f"  {label[p.kind]}{where}  {who + ': ' if who else ''}{describe(p)}")
    if not result.pages:
        lines.append("  the bulletin has no pages: nothing was laid out (the file holds one blank page); "
                     "add a page or import submissions first")
    elif not result.problems:
        lines.append("  no problems: every block fits, colours are fit for the press")
    else:
        lines.append("summary: " + ", ".join(f"{label[k]} {n}" for k, n in sorted(kinds.items())))
    return lines


def export_pdf(bulletin, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    """Check the PDF options, export, print the report; the exit status."""
    from exporters.pdf import PdfOptionError, page_file_paths, write_pdf

    if args.bleed < 0 or args.bleed > 20:
        return fail(f"--bleed {args.bleed}: expected 0 to 20 mm")
    when = creation_time(args.reproducible)
    if isinstance(when, str):
        return fail(when)
    if args.icc and not os.path.isfile(args.icc):
        return fail(f"--icc {args.icc}: no such file")
    try:
        result = write_pdf(bulletin, args.pdf, colour=args.colour, bleed_mm=args.bleed, flavour=args.pdfx,
                           condition=args.condition, icc_profile=args.icc, when=when, split=args.split)
    except PdfOptionError as exc:
        return fail(str(exc))
    except OSError as exc:  # with --split, the page file that failed, not the name given
        return fail(f"cannot write {exc.filename or args.pdf}: {exc.strerror or exc}")
    for path in page_file_paths(args.pdf, bulletin, max(1, result.pages)) if args.split else [args.pdf]:
        print(f"wrote {path}")
    from exporters.pdf_fonts import take_cache_notes

    for note in take_cache_notes():
        print(f"  note: {note}")
    print("\n".join(report_lines(result, block_names(bulletin))))
    if not result.pages:
        print("the bulletin is empty: the PDF is a blank page", file=sys.stderr)
        return 1
    if any(p.kind in LOST_KINDS for p in result.problems) and not args.allow_overset:
        print("something is not drawn in full (overset text, a cut-off line or a bad picture); "
              "fix it or pass --allow-overset", file=sys.stderr)
        return 1
    boxes = "".join(dict.fromkeys(ch for p in result.problems if p.kind == "missing_glyph" for ch in p.text))
    if boxes and not args.allow_missing_glyphs:
        print(f"characters in no font print as a box (.notdef): {boxes}; install a font that has them "
              "(the bundle's HanaMinB covers CJK Extensions B–F) or pass --allow-missing-glyphs", file=sys.stderr)
        return 1
    return 0


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
    bulletin = load_or_fail(args.file, digests=bool(args.pdf))  # the PDF's picture cache is keyed by them
    if isinstance(bulletin, int):
        return bulletin
    status = 0
    if args.docx:
        from exporters.docx import DocxExportError, write_docx

        try:
            result = write_docx(bulletin, args.docx, fonts=args.docx_fonts)
        except DocxExportError as exc:  # a setting of the bulletin Word cannot take (a font that is not one)
            return fail(f"{args.file}, field {exc}; {args.docx} was not written")
        except OSError as exc:
            return fail(f"cannot write {args.docx}: {exc.strerror or exc}")
        print(f"wrote {args.docx} ({result.pages} pages)")
        for problem in result.problems:
            print(f"  warning: {describe(problem)}")
        if not bulletin.pages:  # never "no problems" for an empty bulletin
            print("  warning: the bulletin has no pages: the DOCX is one blank page; add a page or import "
                  "submissions first")
            status = 1
        if result.problems and not args.allow_overset:  # something of the bulletin is left out
            print("the DOCX lacks something (see the warnings); fix it or pass --allow-overset", file=sys.stderr)
            status = 1
    if args.pdf:
        status = max(status, export_pdf(bulletin, args))
    return status

"""Print-ready PDF of a bulletin: lay out, draw, write safely, report (DESIGN §7).

The drawing itself lives in :mod:`exporters.pdf_draw` (pages in, bytes out); this module
ties the model to it and produces the report the user must read before sending the file to
the printer: overset/underset blocks, low-resolution photos, fallback characters.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import threading
from collections import Counter

from layout.document import lay_out_bulletin
from layout.types import LaidOutDocument
from model.document import Bulletin
from model.project_file import atomic_write


def pdf_bytes(bulletin: Bulletin, *, colour: str | None = None, bleed_mm: float = 0.0,
              timestamp: bool = False, doc: LaidOutDocument | None = None) -> tuple[bytes, LaidOutDocument]:
    from exporters.pdf_draw import render_pdf

    digests: dict[str, bytes] = {}
    if doc is None:
        # the images' digests are taken while the pages are laid out (reading and hashing
        # release the GIL): the picture cache is then looked up without reading any image
        images = bulletin.images
        names = list(images)

        def take_digests() -> None:
            for name in names:
                try:
                    digests[name] = hashlib.sha256(images.get(name)).digest()
                except (KeyError, OSError):
                    pass

        reader = threading.Thread(target=take_digests, daemon=True)
        reader.start()
        try:
            doc = lay_out_bulletin(bulletin)
        finally:
            reader.join()
    metadata = {
        "title": bulletin.issue_title or bulletin.publication,
        "author": bulletin.publication,
        "subject": " ".join(t for t in (bulletin.publication, bulletin.edition, bulletin.date) if t),
        "creator": "会刊编辑器 Bulletin editor",
    }
    data = render_pdf(
        doc,
        get_image=bulletin.images.get,
        colour=colour or bulletin.page_setup.colour_mode,
        bleed_mm=bleed_mm,
        crop_marks=bleed_mm > 0,
        metadata=metadata,
        timestamp=timestamp,
        image_digest=digests.get,
    )
    return data, doc


def write_pdf(bulletin: Bulletin, path: str, *, colour: str | None = None, bleed_mm: float = 0.0,
              timestamp: bool = False) -> LaidOutDocument:
    """Write the PDF through a temporary file; returns the layout with its problems."""
    data, doc = pdf_bytes(bulletin, colour=colour, bleed_mm=bleed_mm, timestamp=timestamp)
    atomic_write(path, lambda fh: fh.write(data))
    return doc


def report_lines(doc: LaidOutDocument) -> list[str]:
    kinds = Counter(p.kind for p in doc.problems)
    lines = [f"pages: {len(doc.pages)}, blocks: {sum(len(p.areas) for p in doc.pages)}"]
    names = {"overset": "超出 overset", "underset": "未排满 underset", "low_res": "低分辨率 low-res",
             "fallback": "替代字体 fallback", "missing_glyph": "缺字 missing", "missing_portrait": "缺照片 no portrait",
             "title_fit": "标题 title", "space": "空位 space"}
    for p in doc.problems:
        lines.append(f"  {names.get(p.kind, p.kind)}  [{p.block_id}]  {p.message}")
    if not doc.problems:
        lines.append("  no problems: every block fits")
    else:
        lines.append("summary: " + ", ".join(f"{names.get(k, k)} {n}" for k, n in sorted(kinds.items())))
    return lines


def export_pdf_command(bulletin: Bulletin, args: argparse.Namespace) -> int:
    from commands import fail

    if args.bleed < 0 or args.bleed > 20:
        return fail(f"--bleed {args.bleed}: expected 0 to 20 mm")
    try:
        doc = write_pdf(bulletin, args.pdf, colour=args.colour, bleed_mm=args.bleed, timestamp=args.timestamp)
    except OSError as exc:
        return fail(f"cannot write {args.pdf}: {exc.strerror or exc}")
    print(f"wrote {args.pdf}")
    print("\n".join(report_lines(doc)))
    if any(p.kind == "overset" for p in doc.problems) and not args.allow_overset:
        print("text does not fit (overset); fix it or pass --allow-overset", file=sys.stderr)
        return 1
    return 0

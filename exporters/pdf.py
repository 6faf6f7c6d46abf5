"""Print-ready PDF of a bulletin: lay out, draw, write safely, report (DESIGN §7).

The drawing itself lives in :mod:`exporters.pdf_draw` (pages in, bytes out); this module
ties the model to it — the page setup's printing condition and ICC profile choose the PDF/X
flavour and how colours are separated — and returns an :class:`ExportResult` with what the
user must read before sending the file to the printer: overset/underset blocks,
low-resolution photos, fallback characters, and the print preflight (ink over the limit,
faint tints, rules in several inks, hairlines, a missing output intent, RGB for screens).
"""

from __future__ import annotations

import copy
import hashlib
import os
import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from exporters.result import ExportResult
from layout.types import LaidOutDocument, Problem
from model.document import Bulletin
from model.fileio import atomic_write
from model.images import ImageStore

if TYPE_CHECKING:
    from exporters.pdf_draw import PicturePreparer


class PdfOptionError(ValueError):
    """An export option that cannot work (unknown condition, bad ICC profile, RGB as PDF/X…)."""


def default_flavour(colour: str, icc_profile: str) -> str:
    """PDF/X-4 with the printer's profile, PDF/X-1a for CMYK and grey, plain PDF for RGB."""
    if colour == "rgb":
        return "none"
    return "x4" if icc_profile else "x1a"


class _DigestingImages(ImageStore):
    """The bulletin's images (the same sources, not copied) that note the SHA-256 of every image
    the layout reads: the layout reads each picture it places (its pixel size, whether it is
    whole), so the picture cache is then looked up without reading any image a second time."""

    def __init__(self, store: ImageStore) -> None:
        super().__init__()
        self._sources = store._sources
        self._facts = store._facts  # what the loader or an earlier layout read: not read again
        self._digests = store._digests
        self.digests: dict[str, bytes] = store._digests

    def get(self, name: str) -> bytes:
        data = super().get(name)
        if name not in self.digests:
            self.digests[name] = hashlib.sha256(data).digest()
        return data


def _layout_with_digests(bulletin: Bulletin, pictures: PicturePreparer | None = None
                         ) -> tuple[LaidOutDocument, dict[str, bytes]]:
    """The bulletin laid out (as ``lay_out_bulletin`` does, a page at a time), each page's
    pictures handed to ``pictures`` as soon as the page is laid out."""
    from layout import layout_cache
    from layout.document import ImageSizes, assemble, laid_out_in_order, registry_for
    from layout.grid import make_grid

    images = _DigestingImages(bulletin.images)
    reading = copy.copy(bulletin)  # the caller's bulletin keeps its own store
    reading.images = images
    fonts = registry_for(reading)
    sizes = ImageSizes(images)
    key = layout_cache.document_key(reading, fonts, sizes)
    cached = layout_cache.load(key) if key is not None else None
    if cached is not None:  # the same bulletin laid out before (layout/layout_cache.py)
        for lp, _problems in cached:
            if pictures is not None:
                pictures.add(lp.items)
        return assemble(cached), images.digests
    per_page = []
    for laid_out in laid_out_in_order(reading, make_grid(reading.page_setup), fonts, sizes, exact_short=True):
        per_page.append(laid_out)
        if pictures is not None:
            pictures.add(laid_out[0].items)
    if key is not None:
        layout_cache.store(key, per_page)
    return assemble(per_page), images.digests


def _render(bulletin: Bulletin, *, colour: str | None, bleed_mm: float, flavour: str | None,
            condition: str | None, icc_profile: str | None, when: datetime | None, split: bool,
            doc: LaidOutDocument | None):  # type: ignore[no-untyped-def]
    from exporters.pdf_draw import PicturePreparer, render
    from exporters.pdfx import FLAVOURS, PdfXError
    from exporters.separation import CONDITIONS, IccProfileError, condition_for, profile_bytes

    setup = bulletin.page_setup
    colour = colour or setup.colour_mode
    key = condition or setup.printing_condition
    icc_path = setup.icc_profile if icc_profile is None else icc_profile
    if key not in CONDITIONS:
        raise PdfOptionError(f"unknown printing condition {key!r}: expected one of {', '.join(CONDITIONS)}")
    flavour = flavour or default_flavour(colour, icc_path)
    if flavour not in FLAVOURS:
        raise PdfOptionError(f"unknown PDF/X flavour {flavour!r}: expected one of {', '.join(FLAVOURS)}")
    try:
        press = condition_for(key, icc_path)
        icc = profile_bytes(icc_path) if icc_path and flavour != "none" else None
    except IccProfileError as exc:
        raise PdfOptionError(str(exc)) from exc
    digests: dict[str, bytes] = {}
    pictures = None
    if doc is None:
        # the pictures are prepared on threads while the pages are laid out
        digests = bulletin.images._digests
        press_condition = press if colour != "rgb" else None
        pictures = PicturePreparer(bulletin.images.get, colour, lambda name: digests.get(name), press_condition,
                                   bulletin.images.note_digest)
        try:
            doc, digests = _layout_with_digests(bulletin, pictures)
        finally:
            pictures.close()
    metadata = {
        "title": bulletin.issue_title or bulletin.publication,
        "author": bulletin.publication,
        "subject": " ".join(t for t in (bulletin.publication, bulletin.edition, bulletin.date) if t),
        "creator": "会刊编辑器 Bulletin editor",
    }
    try:
        rendered = render(
            doc, get_image=bulletin.images.get, colour=colour, bleed_mm=bleed_mm, crop_marks=bleed_mm > 0,
            metadata=metadata, image_digest=digests.get, condition=press, flavour=flavour,
            when=when or datetime.now(UTC).astimezone(), icc=icc, split=split, pictures=pictures,
        )
    except PdfXError as exc:
        raise PdfOptionError(str(exc)) from exc
    return doc, rendered


def pdf_bytes(bulletin: Bulletin, *, colour: str | None = None, bleed_mm: float = 0.0,
              flavour: str | None = None, condition: str | None = None, icc_profile: str | None = None,
              when: datetime | None = None, doc: LaidOutDocument | None = None) -> ExportResult:
    """The bulletin as one PDF in memory (``data``). ``when``: the creation date (default now;
    give a fixed one for byte-reproducible output). Other options default to the page setup's;
    raises :class:`PdfOptionError` for options that cannot work."""
    doc, rendered = _render(bulletin, colour=colour, bleed_mm=bleed_mm, flavour=flavour, condition=condition,
                            icc_profile=icc_profile, when=when, split=False, doc=doc)
    return ExportResult(data=rendered.files[0], problems=_all_problems(doc, rendered.problems), pages=len(doc.pages), document=doc)


def page_file_paths(path: str, bulletin: Bulletin, count: int) -> list[str]:
    """One file name per page for ``--split``: ``out-第1版.pdf`` … named by the page label
    (版), made safe for any file system; the page number where a label is missing or repeated."""
    stem, ext = os.path.splitext(path)
    ext = ext or ".pdf"
    out: list[str] = []
    seen: set[str] = set()
    for i in range(count):
        label = bulletin.pages[i].label if i < len(bulletin.pages) else ""
        safe = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", label).strip(" ._")
        safe = re.sub(r"\s+", "_", safe)[:60]
        name = safe if safe and safe not in seen else f"p{i + 1:02d}" + (f"_{safe}" if safe else "")
        seen.add(name)
        out.append(_within_name_limit(stem, name, ext, i))
    return out


def _within_name_limit(stem: str, name: str, ext: str, index: int) -> str:
    """``stem-name.ext`` cut so that its file name stays within the 255 bytes file systems allow
    (a long page label of Chinese characters is three bytes a character): page 1 was written,
    then page 2 failed. The page number keeps the cut names apart."""
    folder, base = os.path.split(stem)
    full = f"{base}-{name}{ext}"
    if len(full.encode("utf-8", "surrogateescape")) <= 200:
        return os.path.join(folder, full)
    tail = f"-p{index + 1:02d}{ext}"
    head = f"{base}-{name}".encode("utf-8", "surrogateescape")[: 200 - len(tail.encode())]
    return os.path.join(folder, head.decode("utf-8", "ignore") + tail)


def write_pdf(bulletin: Bulletin, path: str, *, colour: str | None = None, bleed_mm: float = 0.0,
              flavour: str | None = None, condition: str | None = None, icc_profile: str | None = None,
              when: datetime | None = None, split: bool = False) -> ExportResult:
    """Write the PDF (or with ``split`` one per page, see :func:`page_file_paths`) through
    temporary files; ``path`` in the result is the path given."""
    doc, rendered = _render(bulletin, colour=colour, bleed_mm=bleed_mm, flavour=flavour, condition=condition,
                            icc_profile=icc_profile, when=when, split=split, doc=None)
    paths = page_file_paths(path, bulletin, len(rendered.files)) if split else [path]
    for target, data in zip(paths, rendered.files):
        atomic_write(target, lambda fh, data=data: fh.write(data))
    return ExportResult(path=path, problems=_all_problems(doc, rendered.problems), pages=len(doc.pages), document=doc)


def _all_problems(doc: LaidOutDocument, drawn: list[Problem]) -> list[Problem]:
    """The layout's problems and the drawing's, a picture the layout already found bad once."""
    known = {(p.kind, p.block_id) for p in doc.problems}
    return [*doc.problems, *(p for p in drawn if (p.kind, p.block_id) not in known)]

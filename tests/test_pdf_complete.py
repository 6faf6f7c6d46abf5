"""The exported PDF, read back with pdfplumber, holds every character and picture of the
bulletin — or its report names what is missing (issue 12: no silent loss).

Characters are compared as multisets per bulletin (text drawn is what pdfplumber extracts
through the fonts' ToUnicode maps); pictures by count. A lost character that also occurs
elsewhere is not seen by a multiset, so the check is: what is missing ≤ what is reported.
"""

from __future__ import annotations

import copy
import io
from collections import Counter

import pytest

pdfplumber = pytest.importorskip("pdfplumber", reason="pdfplumber not installed")

from model.document import ColumnBlock, Paragraph, block_texts  # noqa: E402
from tests import hostile as H  # noqa: E402


def bulletin_chars(b) -> Counter:
    """Every non-blank character the bulletin asks to print: blocks, banners, headlines and
    the folio (publication, date, edition, page label, credits)."""
    want: Counter = Counter()
    texts: list[str] = [b.publication, b.date, b.edition, b.credits.editor, b.credits.art_editor,
                        b.credits.proofreader]
    for page in b.pages:
        texts.append(page.label)
        items = [*page.blocks, *([page.banner] if page.banner else []), *([page.headline] if page.headline else [])]
        for it in items:
            texts += block_texts(it)
    for t in texts:
        want.update(ch for ch in t if not ch.isspace())
    return want


def read_back(data: bytes) -> tuple[Counter, int]:
    got: Counter = Counter()
    pictures = 0
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            got.update(c["text"] for c in page.chars if not c["text"].isspace())
            pictures += len(page.images)
    return got, pictures


def portrait_blocks(b) -> set[str]:
    return {blk.id for _, blk in b.iter_blocks() if isinstance(blk, ColumnBlock) and blk.portrait and blk.portrait.image}


def portraits(b) -> int:
    return len(portrait_blocks(b))


def check_complete_or_reported(b) -> tuple[int, int]:
    """Export ``b``; assert that nothing is missing beyond what the report names. Returns
    (characters missing, characters reported)."""
    data, doc = _pdf(b)
    got, pictures = read_back(data)
    missing = sum((bulletin_chars(b) - got).values())
    reported = sum(p.chars for p in doc.problems if p.kind in ("overset", "truncated"))
    assert missing <= reported, f"{missing} characters missing from the PDF, {reported} reported"
    # a picture is missing only when reported: as a bad image, or with its whole block
    # ("版面已满，整块未排入": an overset block that got no room keeps a zero-height area)
    bad = {p.block_id for p in doc.problems if p.kind == "bad_image"}
    unplaced = {a.block_id for pg in doc.pages for a in pg.areas if a.h <= 0}
    assert unplaced <= {p.block_id for p in doc.problems if p.kind == "overset"}
    assert pictures == portraits(b) - len((bad | unplaced) & portrait_blocks(b)), (pictures, bad, unplaced)
    return missing, reported


def test_example_pdf_holds_every_character_and_picture(example):
    missing, reported = check_complete_or_reported(example)
    assert missing == 0 and reported == 0


def test_overset_text_is_missing_only_as_far_as_reported(example):
    b = copy.deepcopy(example)
    col = next(blk for _, blk in b.iter_blocks() if isinstance(blk, ColumnBlock))
    col.paragraphs.append(Paragraph(text="".join(chr(0x4E00 + i) for i in range(3000))))  # distinct characters
    missing, reported = check_complete_or_reported(b)
    assert missing > 0 and reported >= missing


def test_cut_off_folio_and_name_are_reported(example):
    b = copy.deepcopy(example)
    b.publication = "".join(chr(0x5000 + i) for i in range(400))
    col = next(blk for _, blk in b.iter_blocks() if isinstance(blk, ColumnBlock) and blk.person)
    col.person.name = "".join(chr(0x6000 + i) for i in range(1000))
    missing, reported = check_complete_or_reported(b)
    assert missing > 0


def test_broken_picture_is_missing_only_as_far_as_reported(example):
    import hashlib

    b = copy.deepcopy(example)
    data = H.truncated(H.photo())
    name = f"{hashlib.sha256(data).hexdigest()}.jpg"
    b.images.add_lazy(name, lambda: data)
    col = next(blk for _, blk in b.iter_blocks() if isinstance(blk, ColumnBlock) and blk.portrait)
    col.portrait.image = name
    check_complete_or_reported(b)


def _pdf(b, **options):
    """The PDF's bytes and its pages with every problem the export reports (layout and drawing)."""
    from exporters.pdf import pdf_bytes as make
    from layout.types import LaidOutDocument

    r = make(b, **options)
    return r.data, LaidOutDocument(r.document.pages, r.problems)

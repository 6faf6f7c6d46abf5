"""DOCX export: an editable Word document that keeps the newspaper look (DESIGN §8).

The public entry: ``build_document`` (pure: bulletin in, python-docx Document out),
``docx_bytes`` and ``write_docx`` (the only function that touches the disk, through
``atomic_write``). The work is done by the modules beside this one: ``docx_fonts`` (which
fonts the file names), ``docx_styles`` (named styles from the bulletin's style sheet, Word
settings), ``docx_geometry`` (page, columns, folio), ``docx_blocks`` (paragraphs and tables),
``docx_pictures`` and ``docx_images`` (portraits), ``docx_package`` (properties, zip).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import datetime

import docx
from docx.document import Document

from exporters.docx_blocks import Writer, page_runs
from exporters.docx_fonts import DEFAULT_FONT_SET, FONT_SETS, FontSet, family_from_font_file
from exporters.docx_geometry import Geometry, folio_text, portrait_width, word_columns
from exporters.docx_package import (
    app_properties,
    core_properties,
    drop_template_leftovers,
    export_time,
    package_bytes,
)
from exporters.docx_picture_block import write_picture_block
from exporters.docx_styles import install_styles, write_settings
from exporters.docx_xml import DocxExportError, clean_text
from exporters.result import ExportResult
from layout.types import Problem
from model.document import (
    Banner,
    Bulletin,
    ColumnBlock,
    HeadlineGroup,
    Page,
    PictureBlock,
    SpeechBlock,
    block_texts,
)
from model.fileio import atomic_write
from model.texts import page_items

__all__ = [
    "DEFAULT_FONT_SET", "FONT_SETS", "DocxExportError", "Geometry", "build_document", "clean_text", "docx_bytes",
    "family_from_font_file", "folio_text", "printed_texts", "portrait_width", "word_columns", "write_docx",
]


def build_document(bulletin: Bulletin, timestamp: datetime | None = None,
                   fonts: str = DEFAULT_FONT_SET) -> tuple[Document, list[Problem]]:
    """The bulletin as a python-docx Document, plus problems worth telling the user about
    (e.g. a portrait that could not be decoded and was left out).

    ``fonts`` is the font set the file names (``docx_fonts.FONT_SETS``); ``timestamp`` the
    creation time to record (default: SOURCE_DATE_EPOCH, else now).
    """
    doc = docx.Document()
    g = Geometry.of(bulletin.page_setup)
    font_set = FontSet(bulletin, fonts)
    styles = install_styles(doc, bulletin, g, font_set)
    font_set.write_table(doc)
    write_settings(doc)
    core_properties(doc, bulletin, export_time(timestamp))
    drop_template_leftovers(doc)
    # The template body holds nothing but its sectPr; keep that as our first section.
    w = Writer(doc, bulletin, g, styles)
    w.prefetch_portraits([b for _, b in bulletin.iter_blocks() if isinstance(b, ColumnBlock)])
    pages = _as_set(bulletin) or [Page()]
    for index, page in enumerate(pages):
        runs = page_runs(page, bulletin.page_setup)
        for i, (kind, items) in enumerate(runs):
            columns = {"wide": 1, "row": len(items)}.get(kind, g.columns)
            w.start_section(columns, new_page=(i == 0), page=page, index=index)
            for k, item in enumerate(items):
                if kind == "row" and k:
                    w.column_break()
                if isinstance(item, Banner):
                    w.banner(item)
                elif isinstance(item, HeadlineGroup):
                    w.headline(item)
                elif isinstance(item, SpeechBlock):
                    w.speech(item)
                elif isinstance(item, ColumnBlock):
                    w.column(item)
                elif isinstance(item, PictureBlock):  # issue 10: its own module
                    write_picture_block(w, item)
            if kind == "flow":
                # A continuous break after newspaper columns makes Word and LibreOffice balance
                # them, so a half-full page reads across all columns instead of filling one.
                w.start_section(1, new_page=False, page=page, index=index)
    paragraphs = sum(1 for _ in doc.element.body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/"
                                                      "main}p"))
    app_properties(doc, bulletin, len(pages), printed_texts(bulletin), paragraphs)
    return doc, w.problems


def _as_set(bulletin: Bulletin) -> list[Page]:
    """The bulletin's pages with their content as the PDF sets it: where an article continues
    on the next page (转版), its part ending （下转第N版） stands on its page and its rest opens
    the next, so that Word's pages carry what the printed pages carry."""
    from layout.document import jumps, lay_out_bulletin

    if not any(jumps(p) for p in bulletin.pages):
        return list(bulletin.pages)
    laid = lay_out_bulletin(bulletin).pages
    return [lp.source if isinstance(lp.source, Page) else page for lp, page in zip(laid, bulletin.pages)]


def docx_bytes(bulletin: Bulletin, timestamp: datetime | None = None,
               fonts: str = DEFAULT_FONT_SET) -> ExportResult:
    """The finished .docx file as bytes (``result.data``), plus problems (see ``build_document``)."""
    doc, problems = build_document(bulletin, timestamp, fonts)
    return ExportResult(data=package_bytes(doc), problems=problems, pages=max(1, len(bulletin.pages)))


def write_docx(bulletin: Bulletin, path: str | os.PathLike[str], timestamp: datetime | None = None,
               fonts: str = DEFAULT_FONT_SET) -> ExportResult:
    """Export to ``path`` atomically; ``result.problems`` is empty when all went well.

    The document is built completely in memory first, so a failure while composing never
    touches the target; writing then goes through a temporary file and ``os.replace``.
    """
    made = docx_bytes(bulletin, timestamp, fonts)
    data = made.data or b""
    atomic_write(path, lambda fh: fh.write(data))
    return ExportResult(path=os.fspath(path), problems=made.problems, pages=made.pages)


def printed_texts(bulletin: Bulletin) -> Iterable[str]:
    """Every text the document prints, in reading order, through the model's one walker."""
    for page in bulletin.pages:
        for item in page_items(page):
            yield from (t for t in block_texts(item) if t.strip())

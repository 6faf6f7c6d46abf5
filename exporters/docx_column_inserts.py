"""DOCX for what a column holds besides paragraphs: its news photos with captions and its tables.

Word lays out the DOCX itself (DESIGN §8), so a news photo is an inline picture as wide as the
Word column, its caption under it in the 图注 style (kept with it); a table is a real Word
table, ruled all round and between cells, its cells in the body face without the 2-em indent,
figures right-aligned, the heading row bold and repeated on a new page, as wide as the column.
"""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.shared import OxmlElement
from docx.shared import Pt

from exporters.docx_picture_block import write_captioned_picture
from exporters.docx_xml import TBLPR_SEQ, border_el, child
from layout.column_inserts import is_figure
from model.document import ColumnBlock, ColumnPhoto, ColumnTable, Paragraph
from model.texts import display_name


def write_column_flow(writer, block: ColumnBlock) -> None:
    """The column's paragraphs with its photos and tables where they stand."""
    for part in block.flow():
        if isinstance(part, Paragraph):
            writer.body(writer.doc, part)
        elif isinstance(part, ColumnPhoto):
            write_photo(writer, block, part)
        else:
            write_table(writer, part)


def write_photo(writer, block: ColumnBlock, photo: ColumnPhoto) -> None:
    write_captioned_picture(writer, block.id, photo.picture, photo.caption,
                            f"{display_name(block, short=True)} 的新闻图片")


def write_table(writer, table: ColumnTable) -> None:
    rows = [list(r.cells) + [""] * (table.width - len(r.cells)) for r in table.rows]
    if not rows or table.width == 0:
        return
    t = writer.doc.add_table(rows=len(rows), cols=table.width)
    # python-docx appends after the final sectPr's paragraph; keep it where the flow is
    writer._body_end.addprevious(t._tbl)
    tblpr = t._tbl.tblPr
    borders = child(tblpr, "tblBorders", TBLPR_SEQ)
    for c in list(borders):
        borders.remove(c)
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border_el(borders, side, 0.75 if side in ("top", "bottom") else 0.4, "000000", space_pt=0)
    child(tblpr, "tblW", TBLPR_SEQ, w="5000", type="pct")
    body = rows[table.header_rows:]
    figures = [bool([r[c] for r in body if r[c].strip()]) and all(is_figure(r[c]) for r in body if r[c].strip())
               for c in range(table.width)]
    for r, (row, cells) in enumerate(zip(t.rows, rows)):
        header = r < table.header_rows
        if header:
            trpr = row._tr.get_or_add_trPr()
            trpr.append(OxmlElement("w:tblHeader"))
        for c, (cell, text) in enumerate(zip(row.cells, cells)):
            p = cell.paragraphs[0]
            writer.style(p, "Normal")
            fmt = p.paragraph_format
            fmt.first_line_indent = Pt(0)
            fmt.alignment = (WD_ALIGN_PARAGRAPH.CENTER if header else
                             WD_ALIGN_PARAGRAPH.RIGHT if figures[c] else WD_ALIGN_PARAGRAPH.LEFT)
            if text.strip():
                run = p.add_run(text.strip())
                run.bold = header or None
    writer.para(writer.doc, "Normal")  # Word needs a paragraph between a table and what follows

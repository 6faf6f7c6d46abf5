"""The bulletin's content as Word paragraphs and tables, block by block.

Word does its own line breaking, so the document is built from the model, not from the laid-out
glyphs: every piece of text is a real paragraph with a named style (see docx_styles), and the
page structure becomes Word's own — sections for the page size, margins and newspaper columns,
a framed table for the speech box, a borderless two-cell table for portrait + name, section
breaks where the bulletin's pages break and the folio in each page's footer.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu
from docx.styles.style import BaseStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from exporters.docx_column_inserts import write_column_flow
from exporters.docx_geometry import (
    Geometry,
    add_section,
    body_sectPr,
    fill_footer,
    portrait_width,
    setup_section,
    speech_width,
)
from exporters.docx_images import PortraitError, PreparedImage, prepare_portrait
from exporters.docx_pictures import Pictures
from exporters.docx_styles import banner_sizes, colour_hex
from exporters.docx_xml import (
    EMU_PER_PT,
    PPR_SEQ,
    TBLPR_SEQ,
    TCPR_SEQ,
    TRPR_SEQ,
    TWIPS_PER_PT,
    add_run,
    border_el,
    child,
    clean_text,
    set_pstyle,
)
from layout.grid import make_grid
from layout.styles import BANNER_PAD_EM, FIT_SHRINK, STYLES
from layout.types import Problem
from model.document import (
    Banner,
    Bulletin,
    ColumnBlock,
    HeadlineGroup,
    Page,
    PageSetup,
    Paragraph,
    SpeechBlock,
)
from model.texts import display_name


class Writer:
    """Appends one bulletin's content to a python-docx Document, section by section."""

    def __init__(self, doc: Document, bulletin: Bulletin, g: Geometry, styles: dict[str, BaseStyle]) -> None:
        self.doc = doc
        self.b = bulletin
        self.g = g
        self.st = styles
        self.problems: list[Problem] = []
        self._sections = 0
        self.flow_w = g.text_w  # width of the Word column being written into
        self.accent = colour_hex(bulletin, "accent")
        self.tint = colour_hex(bulletin, "tint")
        self.pictures = Pictures(doc)
        self._prepared: dict[str, PreparedImage | Exception] = {}

    # -- sections --------------------------------------------------------------------------
    def start_section(self, columns: int, new_page: bool, page: Page, index: int) -> None:
        """Begin a Word section. The first section of a bulletin page carries its footer."""
        if self._sections == 0:
            section = self.doc.sections[0]
            section.start_type = WD_SECTION.NEW_PAGE
        else:
            section = add_section(self.doc, WD_SECTION.NEW_PAGE if new_page else WD_SECTION.CONTINUOUS)
        self._sections += 1
        setup_section(section, self.g, columns)
        g = self.g
        self.flow_w = g.column_w if columns == g.columns else (g.text_w - (columns - 1) * g.gap) / columns
        if new_page:
            fill_footer(section, self.b, page, index, self.st["版脚"])
        else:
            section.footer.is_linked_to_previous = True

    # -- text -------------------------------------------------------------------------------
    # Paragraphs and runs are made with lxml directly: python-docx's add_paragraph scans the
    # body for the insertion point, ``style=`` scans every style and run text is added one
    # character at a time — together quadratic, and most of the time of a 24-page export.
    def style(self, p: DocxParagraph, name: str) -> None:
        """Apply a paragraph style by id (to a paragraph python-docx made)."""
        set_pstyle(p._p, self.st[name].style_id)

    def para(self, container, style: str, text: str = "") -> DocxParagraph:
        p = self._new_p(container, style)
        if text:
            add_run(p, clean_text(text))
        return DocxParagraph(p, container)

    def body(self, container, para: Paragraph, style: str = "Normal") -> DocxParagraph:
        p = self._new_p(container, style)
        lead, rest = para.split_lead()
        if lead:
            add_run(p, clean_text(lead), self.st["段首句"].style_id)
        if rest:
            add_run(p, clean_text(rest))
        return DocxParagraph(p, container)

    def _new_p(self, container, style: str):
        p = OxmlElement("w:p")
        set_pstyle(p, self.st[style].style_id)
        if isinstance(container, _Cell):
            container._tc.append(p)
        else:
            self._body_end.addprevious(p)
        return p

    @property
    def _body_end(self):
        """The document-final sectPr: new body content goes right before it."""
        return body_sectPr(self.doc.element.body)

    # -- blocks -----------------------------------------------------------------------------
    def banner(self, banner: Banner) -> None:
        """The 版头 band on one line, as on the page: one text centred; two at left and right;
        three or more as left, a large centre word, and right — each at the page's size."""
        texts = [ln.strip() for ln in banner.lines if ln.strip()]
        if not texts:
            return
        slots = texts if len(texts) <= 2 else [texts[0], " ".join(texts[1:-1]), texts[-1]]
        sizes = banner_sizes(self.g, len(slots))
        p = self._new_p(self.doc, "Heading 1")
        pad = self.g.body * BANNER_PAD_EM
        ppr = p.find(qn("w:pPr"))
        tabs = child(ppr, "tabs", PPR_SEQ)
        stops = (("center", self.g.text_w / 2), ("right", self.g.text_w - pad))
        for val, pos in stops:
            tab = OxmlElement("w:tab")
            tab.set(qn("w:val"), val)
            tab.set(qn("w:pos"), str(round(pos * TWIPS_PER_PT)))
            tabs.append(tab)
        child(ppr, "ind", PPR_SEQ, left=str(round(pad * TWIPS_PER_PT)), right=str(round(pad * TWIPS_PER_PT)),
              firstLine="0", firstLineChars="0")
        lead_tabs = ["\t"] if len(slots) == 1 else ["", "\t\t"] if len(slots) == 2 else ["", "\t", "\t"]
        big = self.st["版头大字"].style_id
        for k, (text, size, tabs_before) in enumerate(zip(slots, sizes, lead_tabs)):
            centre = len(slots) == 3 and k == 1
            add_run(p, tabs_before + clean_text(text).replace("\n", " "), big if centre else "",
                    0.0 if centre else size)

    def headline(self, h: HeadlineGroup) -> None:
        if h.kicker:
            self.para(self.doc, "引题", h.kicker)
        if h.title:
            size = self._fitted_title_size(h.title)
            if size is None:
                self.para(self.doc, "Title", h.title)
            else:
                add_run(self._new_p(self.doc, "Title"), clean_text(h.title), size_pt=size)
        if h.subtitle:
            self.para(self.doc, "副题", h.subtitle)

    def _fitted_title_size(self, title: str) -> float | None:
        """The size the page sets a title too long for one line at its style's size (the
        layout shrinks it to fit, down to the style's minimum); None when it fits. Measured
        with the layout's own metrics, since Word cannot shrink text to fit a line."""
        st = STYLES["title"]
        size = st.size(self.g.body)
        width = make_grid(self.b.page_setup).width  # the measure the page composer sets it on
        if len(title) * size <= width:  # Han and full-width marks are at most an em each
            return None
        from layout.compose import measure_text
        from layout.document import registry_for

        natural = measure_text(title, size, registry_for(self.b), role=st.font_role, bold=st.bold)
        if natural <= width:
            return None
        return max(st.min_size(self.g.body), size * width / natural * FIT_SHRINK)

    def speech(self, block: SpeechBlock) -> None:
        """The speech excerpt as a framed, tinted table: one cell per section side by side
        (2020 | 2021), so each year's text stays together when edited, and the attribution in
        a full-width last row. A table is the frame Word users know and can resize."""
        sections = block.sections or []
        ncells = max(1, min(len(sections), self.g.columns, 4))
        nrows = -(-len(sections) // ncells) if sections else 1
        has_attr = bool(block.attribution.strip())
        width = min(speech_width(self.b.page_setup, block), self.flow_w)
        cell_w = width / ncells
        table = self.doc.add_table(rows=nrows + (1 if has_attr else 0), cols=ncells)
        self._table_frame(table, width, [cell_w] * ncells, box=True)
        pad = self.g.body
        for i, sec in enumerate(sections):
            cell = table.cell(i // ncells, i % ncells)
            self._cell_props(cell, cell_w, shade=self.tint, margins=(pad, pad, pad, pad))
            first = True
            if i == 0 and self._leader(cell, block, cell_w - 2 * pad):
                first = False
            for style, text in (("讲话标签", sec.label), ("Heading 3", sec.heading)):
                if text:
                    self._cell_para(cell, style, text, first)
                    first = False
            for bullet in sec.bullets:
                self._cell_para(cell, "讲话要点", bullet, first)
                first = False
            for para in sec.paragraphs:
                self.body(cell, para, "讲话正文")
                if first:
                    self._drop_first_empty(cell)
                    first = False
        for i in range(len(sections), nrows * ncells):  # empty cells of an unfilled last row
            self._cell_props(table.cell(i // ncells, i % ncells), cell_w, shade=self.tint,
                             margins=(pad, pad, pad, pad))
        if has_attr:
            row = table.rows[-1]
            merged = row.cells[0].merge(row.cells[-1]) if ncells > 1 else row.cells[0]
            self._cell_props(merged, width, shade=self.tint, margins=(0, pad, pad, pad))
            self.style(merged.paragraphs[0], "落款")
            merged.paragraphs[0].add_run(clean_text(block.attribution))

    def _leader(self, cell: _Cell, block: SpeechBlock, room: float) -> bool:
        """The speaker's portrait, name and titles atop the first section, as the PDF sets
        them atop the box's first column(s); False when the speech has no portrait."""
        spec = self.b.page_setup.portrait
        width = min(room, portrait_width(self.g) * spec.leader_width_columns / max(1, spec.width_columns))
        image = self._portrait(block, width)
        if image is None:
            return False
        data, ext, w_px, h_px = image
        p = cell.paragraphs[0]
        self.style(p, "肖像")
        self.pictures.add(p._p, data, ext, round(width * EMU_PER_PT), round(width * h_px / w_px * EMU_PER_PT))
        if block.speaker.name.strip():
            self.para(cell, "人名", block.speaker.name)
        for t in block.speaker.titles:
            self.para(cell, "职务", t)
        return True

    def column_break(self) -> None:
        """Continue in the next Word column (a hairline paragraph holding the break)."""
        p = self._new_p(self.doc, "分栏")
        r = OxmlElement("w:r")
        br = OxmlElement("w:br")
        br.set(qn("w:type"), "column")
        r.append(br)
        p.append(r)

    def column(self, block: ColumnBlock) -> None:
        """A city's column: kicker and headline, portrait beside name and title lines, body with
        its news photos and tables."""
        if block.kicker.strip():
            self.para(self.doc, "引题", block.kicker)
        if block.headline:
            self.para(self.doc, "Heading 2", block.headline)
        person = block.person
        if person is not None and (person.name or person.titles or block.portrait):
            self._person(block, rule_on_top=not block.headline)
        elif block.organisation:
            p = self.para(self.doc, "单位", block.organisation)
            if not block.headline:
                bdr = child(p._p.get_or_add_pPr(), "pBdr", PPR_SEQ)
                border_el(bdr, "top", 0.75, "000000", space_pt=4)
        write_column_flow(self, block)

    def _person(self, block: ColumnBlock, rule_on_top: bool) -> None:
        """Portrait and name side by side in a borderless two-cell table that moves as one."""
        person = block.person
        assert person is not None
        g = self.g
        photo_w = portrait_width(g)
        image = self._portrait(block, photo_w)
        widths = [photo_w + g.body * 0.6, self.flow_w - photo_w - g.body * 0.6] if image else [self.flow_w]
        table = self.doc.add_table(rows=1, cols=len(widths))
        self._table_frame(table, self.flow_w, widths, box=False, rule_on_top=rule_on_top)
        row = table.rows[0]
        child(row._tr.get_or_add_trPr(), "cantSplit", TRPR_SEQ)
        text_cell = row.cells[-1]
        if image:
            pic_cell = row.cells[0]
            self._cell_props(pic_cell, widths[0], margins=(0, 0, g.body * 0.6, g.body * 0.6), valign="top")
            p = pic_cell.paragraphs[0]
            self.style(p, "肖像")
            data, ext, w_px, h_px = image
            self.pictures.add(p._p, data, ext, round(photo_w * EMU_PER_PT), round(photo_w * h_px / w_px * EMU_PER_PT))
        self._cell_props(text_cell, widths[-1], margins=(0, 0, 0, 0), valign="bottom")
        first = True
        if person.name:
            self._cell_para(text_cell, "人名", person.name, first)
            first = False
        if person.name and block.organisation.strip():
            self._cell_para(text_cell, "职务", block.organisation, first)
            first = False
        for t in person.titles:
            self._cell_para(text_cell, "职务", t, first)
            first = False
        if first and block.organisation:
            self._cell_para(text_cell, "单位", block.organisation, first)

    def prefetch_portraits(self, blocks: list[ColumnBlock | SpeechBlock], width_pt: float = 0.0) -> None:
        """Decode and prepare every portrait up front on a few threads: Pillow releases the
        GIL while it decodes and encodes, so a 240-portrait issue uses more than one core."""
        width_in = (width_pt or portrait_width(self.g)) / 72
        jobs = [b for b in blocks if b.portrait is not None and b.portrait.image and b.id not in self._prepared]
        if not jobs:
            return

        def work(block: ColumnBlock) -> PreparedImage | Exception:
            assert block.portrait is not None
            try:
                return prepare_portrait(self.b.images.get(block.portrait.image), block.portrait.crop, width_in)
            except (KeyError, OSError, PortraitError) as exc:
                return exc

        workers = min(4, os.cpu_count() or 1, len(jobs))
        if workers <= 1:
            results = [work(b) for b in jobs]
        else:
            with ThreadPoolExecutor(max_workers=workers) as pool:
                results = list(pool.map(work, jobs))
        self._prepared.update((b.id, r) for b, r in zip(jobs, results))

    def _portrait(self, block: ColumnBlock | SpeechBlock, width_pt: float) -> tuple[bytes, str, int, int] | None:
        portrait = block.portrait
        if portrait is None or not portrait.image:
            return None
        self.prefetch_portraits([block], width_pt)
        prepared = self._prepared.pop(block.id)
        if isinstance(prepared, Exception):
            who = display_name(block, short=True)
            self.problems.append(Problem("bad_image", block.id,
                                         f"{who} 的照片无法读取，未放入 Word 文档 left out of the DOCX（{prepared}）"))
            return None
        return prepared.data, prepared.ext, prepared.width_px, prepared.height_px

    # -- table plumbing ---------------------------------------------------------------------
    def _cell_para(self, cell: _Cell, style: str, text: str, first: bool) -> DocxParagraph:
        """A styled paragraph in a cell; the cell's initial empty paragraph is reused."""
        if first and cell.paragraphs and not cell.paragraphs[0].text:
            p = cell.paragraphs[0]
            self.style(p, style)
            add_run(p._p, clean_text(text))
            return p
        return self.para(cell, style, text)

    @staticmethod
    def _drop_first_empty(cell: _Cell) -> None:
        ps = cell.paragraphs
        if len(ps) > 1 and not ps[0].text:
            ps[0]._p.getparent().remove(ps[0]._p)

    def _table_frame(self, table: Table, width: float, widths: list[float], box: bool,
                     rule_on_top: bool = False) -> None:
        """Fixed layout (Word must not autofit a newspaper grid), widths, and borders."""
        tbl = table._tbl
        tblpr = tbl.tblPr
        table.autofit = False
        child(tblpr, "tblW", TBLPR_SEQ, w=str(round(width * TWIPS_PER_PT)), type="dxa")
        child(tblpr, "tblLayout", TBLPR_SEQ, type="fixed")
        child(tblpr, "tblInd", TBLPR_SEQ, w="0", type="dxa")
        borders = child(tblpr, "tblBorders", TBLPR_SEQ)
        for c in list(borders):
            borders.remove(c)
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            if box and side in ("top", "left", "bottom", "right"):
                border_el(borders, side, 1.5, self.accent, space_pt=0)
            elif box and side == "insideV":
                border_el(borders, side, 0.5, self.accent, space_pt=0, val="dashed")
            elif side == "top" and rule_on_top:
                border_el(borders, side, 0.75, "000000", space_pt=0)
            else:
                border_el(borders, side, 0, "auto", space_pt=0, val="nil")
        grid = tbl.tblGrid
        for gc, w in zip(grid.findall(qn("w:gridCol")), widths):
            gc.set(qn("w:w"), str(round(w * TWIPS_PER_PT)))
        for row in table.rows:
            for cell, w in zip(row.cells, widths):
                cell.width = Emu(round(w * EMU_PER_PT))

    @staticmethod
    def _cell_props(cell: _Cell, width: float, shade: str = "", margins: tuple[float, float, float, float] = (0, 0, 0, 0),
                    valign: str = "top") -> None:
        tcpr = cell._tc.get_or_add_tcPr()
        child(tcpr, "tcW", TCPR_SEQ, w=str(round(width * TWIPS_PER_PT)), type="dxa")
        if shade:
            child(tcpr, "shd", TCPR_SEQ, val="clear", color="auto", fill=shade)
        mar = child(tcpr, "tcMar", TCPR_SEQ)
        for side, v in zip(("top", "left", "bottom", "right"), margins):
            el = mar.find(qn(f"w:{side}"))
            if el is None:
                el = OxmlElement(f"w:{side}")
                mar.append(el)
            el.set(qn("w:w"), str(round(v * TWIPS_PER_PT)))
            el.set(qn("w:type"), "dxa")
        child(tcpr, "vAlign", TCPR_SEQ, val=valign)


def page_runs(page: Page, setup: PageSetup) -> list[tuple[str, list]]:
    """Split a page into runs of what Word sets alike: "wide" (banner, headline, a speech box
    as wide as the page: one column), "row" (a speech box narrower than the page, with the
    column block the page sets beside it: one Word column each) and "flow" (column blocks in
    newspaper columns)."""
    g = Geometry.of(setup)
    runs: list[tuple[str, list]] = []
    top: list = [x for x in (page.banner, page.headline) if x is not None]
    if top:
        runs.append(("wide", top))
    blocks = list(page.blocks)
    while blocks:
        block = blocks.pop(0)
        if isinstance(block, SpeechBlock):
            if speech_width(setup, block) < g.text_w - 1 and blocks and isinstance(blocks[0], ColumnBlock):
                runs.append(("row", [block, blocks.pop(0)]))
            else:
                runs.append(("wide", [block]))
        elif runs and runs[-1][0] == "flow":
            runs[-1][1].append(block)
        else:
            runs.append(("flow", [block]))
    return runs or [("wide", [])]

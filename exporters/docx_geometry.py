"""Page geometry of the DOCX: the page setup in points, Word's newspaper columns, and the
section properties and folio footer each bulletin page gets (DESIGN §8).
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu
from docx.styles.style import BaseStyle

from exporters.docx_xml import EMU_PER_PT, MM_PER_INCH, SECTPR_SEQ, TWIPS_PER_PT, child, clean_text
from model.document import Bulletin, Page, PageSetup, SpeechBlock, issue_label


def word_columns(setup: PageSetup) -> int:
    """How many Word columns the column blocks flow in.

    A broadsheet's 8 basic columns are 13 小五 characters wide: fine for a typesetter, but in
    Word a 41 mm column leaves no room for a portrait beside a name and makes editing a chore.
    Newspapers themselves set a city's column across a double column (27 characters), so pages
    with more than 4 columns get half as many (rounded up), clamped to 2–4: broadsheet 8 → 4,
    tabloid 6 → 3, A3 5 → 3. Pages with 4 or fewer keep theirs (A4 3 → 3).
    """
    n = max(1, setup.columns)
    if n <= 4:
        return n
    return min(4, max(2, (n + 1) // 2))


@dataclass(frozen=True)
class Geometry:
    """Page measurements in points, derived once from the page setup."""

    page_w: float
    page_h: float
    top: float
    bottom: float
    left: float
    right: float
    text_w: float
    columns: int
    column_w: float
    gap: float
    body: float
    leading: float

    @classmethod
    def of(cls, setup: PageSetup) -> Geometry:
        mm = 72 / MM_PER_INCH
        page_w, page_h = setup.width_mm * mm, setup.height_mm * mm
        m = setup.margins
        text_w = max(page_w - (m.left + m.right) * mm, 72.0)
        body = setup.body_size_pt if setup.body_size_pt > 0 else 9.0
        leading = setup.leading_pt if setup.leading_pt >= body else body * 1.5
        n = word_columns(setup)
        gap = max(setup.gutter_em, 0.5) * body
        # A column a whole number of ems wide holds solid-set Han lines exactly (DESIGN §5.1);
        # the gutter absorbs the remainder (the broadsheet preset gives 27 em + 1 em gutters).
        chars = int((text_w - (n - 1) * gap) / n / body + 0.2)
        col_w = chars * body
        if n > 1:
            gap2 = (text_w - n * col_w) / (n - 1)
            if gap2 < 0.5 * body:
                col_w -= body
                gap2 = (text_w - n * col_w) / (n - 1)
            gap = gap2
        else:
            col_w = text_w
        return cls(page_w, page_h, m.top * mm, m.bottom * mm, m.left * mm, m.right * mm, text_w, n, col_w, gap,
                   body, leading)


def speech_span(setup: PageSetup, block: SpeechBlock) -> int:
    """Grid columns the speech box spans: the user's choice, else half a newspaper page (as
    the page packer sets it beside a column), else — on narrow pages — the full width."""
    n = max(1, setup.columns)
    if block.placement.columns:
        return max(1, min(n, block.placement.columns))
    return (n + 1) // 2 if n >= 6 else n


def speech_width(setup: PageSetup, block: SpeechBlock) -> float:
    """The speech box's width in points, measured on the page grid exactly as the PDF's."""
    from layout.grid import make_grid

    span = speech_span(setup, block)
    g = Geometry.of(setup)
    return g.text_w if span >= max(1, setup.columns) else min(g.text_w, make_grid(setup).span_w(span))


def portrait_width(g: Geometry) -> float:
    """Printed portrait width in points: about 38 % of a Word column (a basic newspaper column
    less its gutter on a broadsheet), at most 34 mm, so name and title lines fit beside it."""
    if g.columns > 1:
        return min(g.column_w * 0.38, 34 / MM_PER_INCH * 72)
    return min(g.text_w * 0.25, 100.0)


def setup_section(section, g: Geometry, columns: int) -> None:
    """Page size, orientation, margins and the newspaper columns of one Word section."""
    section.page_width = Emu(round(g.page_w * EMU_PER_PT))
    section.page_height = Emu(round(g.page_h * EMU_PER_PT))
    section.orientation = WD_ORIENT.LANDSCAPE if g.page_w > g.page_h else WD_ORIENT.PORTRAIT
    section.top_margin = Emu(round(g.top * EMU_PER_PT))
    section.bottom_margin = Emu(round(g.bottom * EMU_PER_PT))
    section.left_margin = Emu(round(g.left * EMU_PER_PT))
    section.right_margin = Emu(round(g.right * EMU_PER_PT))
    section.header_distance = Emu(round(min(g.top, 36) / 2 * EMU_PER_PT))
    section.footer_distance = Emu(round(min(g.bottom, 36) / 2 * EMU_PER_PT))
    section.gutter = Emu(0)
    sp = section._sectPr
    cols = child(sp, "cols", SECTPR_SEQ, num=str(columns), space=str(round(g.gap * TWIPS_PER_PT)))
    cols.set(qn("w:equalWidth"), "1")
    for c in list(cols):
        cols.remove(c)
    # No document grid: exact leading from the page setup must win over a snapping grid.
    grid = sp.find(qn("w:docGrid"))
    if grid is not None:
        for att in ("type", "linePitch", "charSpace"):
            grid.attrib.pop(qn(f"w:{att}"), None)


def folio_text(bulletin: Bulletin, page: Page, index: int) -> tuple[str, str]:
    """(left, right) footer text: publication, date, page label, edition | credits set."""
    left = [t for t in (bulletin.publication, bulletin.date,
                        issue_label(bulletin.issue_number),
                        page.label or f"第{index + 1}页", bulletin.edition) if t]
    c = bulletin.credits
    right = [f"{k}：{v}" for k, v in (("责任编辑", c.editor), ("美术编辑", c.art_editor), ("校对", c.proofreader)) if v]
    return "　".join(left), "　".join(right)


def body_sectPr(body):  # noqa: N802 - the element's name
    """The body's final sectPr, looked up from the end: python-docx's ``get_or_add_sectPr``
    searches from the first child, once per paragraph added — quadratic in the page count."""
    last = body[-1] if len(body) else None
    if last is not None and last.tag == qn("w:sectPr"):
        return last
    return body.get_or_add_sectPr()


def add_section(doc, start_type):  # type: ignore[no-untyped-def]
    """``Document.add_section`` without its two searches of the whole body from the front:
    the current final sectPr is copied into a new paragraph (ending that section) and stays
    as the new last section, without header/footer references of its own."""
    from docx.section import Section

    body = doc.element.body
    sentinel = body_sectPr(body)
    p = OxmlElement("w:p")
    sentinel.addprevious(p)
    p.set_sectPr(sentinel.clone())
    for ref in sentinel.xpath("w:headerReference|w:footerReference"):
        sentinel.remove(ref)
    sentinel.start_type = start_type
    return Section(sentinel, doc.part)


def own_footer(section) -> None:  # type: ignore[no-untyped-def]
    """Give a section a footer part of its own. python-docx's way (``is_linked_to_previous =
    False``) walks every part of the package to name the new part and every relationship to
    relate it: quadratic in the page count (4,000 pages took 96 s). Here the parts are
    numbered by a counter and related under a fresh id, so each footer costs the same."""
    from docx.enum.section import WD_HEADER_FOOTER
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.oxml.parser import parse_xml
    from docx.parts.hdrftr import FooterPart

    if section.footer._has_definition:
        return
    doc_part = section.part
    n = getattr(doc_part, "_bulletin_footers", 0) + 1
    doc_part._bulletin_footers = n
    global _FOOTER_XML
    if _FOOTER_XML is None:
        _FOOTER_XML = FooterPart._default_footer_xml()
    part = FooterPart(PackURI(f"/word/footer{n}.xml"), CT.WML_FOOTER, parse_xml(_FOOTER_XML), doc_part.package)
    rid = f"rIdFooter{n}"
    doc_part.rels.add_relationship(RT.FOOTER, part, rid)
    section._sectPr.add_footerReference(WD_HEADER_FOOTER.PRIMARY, rid)


_FOOTER_XML: bytes | None = None


def fill_footer(section, bulletin: Bulletin, page: Page, index: int, style: BaseStyle) -> None:
    own_footer(section)
    footer = section.footer
    p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    p._p.style = style.style_id
    left, right = folio_text(bulletin, page, index)
    p.add_run(clean_text(left).replace("\n", " "))
    if right:
        p.add_run("\t" + clean_text(right).replace("\n", " "))

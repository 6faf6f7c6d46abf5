"""DOCX export: an editable Word document that keeps the newspaper look (DESIGN §8).

Word does its own line breaking, so this exporter is built from the model, not from the laid-out
glyphs: every piece of text gets a named paragraph or character style (标题, 正文, 人名 …) so a
colleague restyles all names at once, and the page structure becomes Word's own structure —
sections for the page size, margins and newspaper columns, a framed table for the speech box,
a borderless two-cell table for portrait + name, section breaks where the bulletin's pages break
and the folio in each page's footer.

Layering: ``build_document`` is pure (bulletin in, python-docx Document out);
``write_docx`` is the only function that touches the disk, through ``atomic_write``.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import zipfile
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.image.image import Image as DocxImage
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.pkgwriter import _ContentTypesItem
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.shape import CT_Inline
from docx.parts.image import ImagePart
from docx.shared import Emu
from docx.styles.style import BaseStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from exporters.docx_images import PortraitError, PreparedImage, prepare_portrait
from exporters.docx_picture_block import write_picture_block
from model.document import (
    Banner,
    Bulletin,
    ColumnBlock,
    HeadlineGroup,
    Page,
    PageSetup,
    Paragraph,
    PictureBlock,
    SpeechBlock,
)
from model.project_file import atomic_write

DEFAULT_SERIF = "Noto Serif SC"  # Song (宋) for body text, as the PDF uses by default
DEFAULT_SANS = "Noto Sans SC"  # Hei (黑) for headlines, names and labels
SERIF_ROLES = frozenset({"body", "caption"})  # same split as layout.fonts

#: Fixed core-property time, so the same bulletin gives the same bytes (DESIGN §7 spirit).
FIXED_TIME = datetime(2000, 1, 1, tzinfo=UTC)
#: Zip member time used when the package is rewritten deterministically.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)

#: Characters that may not begin / end a line (GB level of clreq, DESIGN §5); written into
#: settings.xml as Word's custom kinsoku lists for zh-CN.
NO_LINE_START = "!%),.:;?]}¢°·’\"†‡›℃∶、。〃〆〕〗〞﹚﹜！＂％＇），．：；？！］｝～”〉》」』】〙〛–—…⋯⸺／"
NO_LINE_END = "$(£¥·‘“〈《「『【〔〖〝﹙﹛﹝＄（．［｛￡￥/"

TWIPS_PER_PT = 20
EMU_PER_PT = 12700
MM_PER_INCH = 25.4


#: Characters XML 1.0 cannot carry (python-docx raises on them). Text pasted from Word brings
#: vertical tabs (its manual line break) and stray NULs; they must not abort an export.
_XML_BAD = re.compile("[\x00-\x08\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Text safe for WordprocessingML: line breaks normalised to ``\n`` (python-docx turns
    them into ``w:br``), invalid control characters dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
    return _XML_BAD.sub("", text)


class DocxExportError(Exception):
    """A bulletin that cannot become a DOCX; the message is for the user."""


# ------------------------------------------------------------------------------------ fonts


@lru_cache(maxsize=64)
def family_from_font_file(path: str) -> str:
    """The family name Word and fontconfig know a font file by (name ID 16, else 1).

    English names are preferred: both Windows and fontconfig resolve a Chinese font by its
    English family too (SimSun / 宋体), while a Chinese name may not survive every locale.
    """
    from fontTools.ttLib import TTCollection, TTFont

    try:
        if path.lower().endswith((".ttc", ".otc")):
            font = TTCollection(path, lazy=True).fonts[0]
        else:
            font = TTFont(path, lazy=True, fontNumber=0)
    except Exception as exc:
        raise DocxExportError(f"font file {path}: cannot read it: {exc}") from None
    names = font["name"]
    best: tuple[int, str] | None = None
    for rec in names.names:
        if rec.nameID not in (1, 16):
            continue
        try:
            text = rec.toUnicode().strip()
        except Exception:
            continue
        if not text:
            continue
        english = rec.platformID == 3 and rec.langID == 0x409 or rec.platformID == 1 and rec.langID == 0
        rank = (0 if rec.nameID == 16 else 2) + (0 if english else 1)
        if best is None or rank < best[0]:
            best = (rank, text)
    if best is None:
        raise DocxExportError(f"font file {path}: it has no family name")
    return best[1]


def font_family(bulletin: Bulletin, role: str) -> str:
    """The family name for a text role: the user's choice, or the bundled Noto default."""
    spec = (bulletin.fonts.get(role) or "").strip()
    if not spec:
        return DEFAULT_SERIF if role in SERIF_ROLES else DEFAULT_SANS
    if os.sep in spec or "/" in spec or spec.lower().endswith((".ttf", ".otf", ".ttc", ".otc")):
        if os.path.isfile(spec):
            return family_from_font_file(spec)
        # A path from another computer: the file name is the best guess at the family.
        return os.path.splitext(os.path.basename(spec))[0]
    return spec


# --------------------------------------------------------------------------------- geometry


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
    scale: float  # 1.0 on a broadsheet; headline sizes shrink with narrower pages

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
        scale = min(1.0, max(0.45, text_w / 998.0))
        return cls(page_w, page_h, m.top * mm, m.bottom * mm, m.left * mm, m.right * mm, text_w, n, col_w, gap,
                   body, leading, scale)


def portrait_width(g: Geometry) -> float:
    """Printed portrait width in points: about 38 % of a Word column (a basic newspaper column
    less its gutter on a broadsheet), at most 34 mm, so name and title lines fit beside it."""
    if g.columns > 1:
        return min(g.column_w * 0.38, 34 / MM_PER_INCH * 72)
    return min(g.text_w * 0.25, 100.0)


# ----------------------------------------------------------------------------- XML helpers

_PPR_SEQ = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
    "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
    "sectPr", "pPrChange",
)
_RPR_SEQ = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
    "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
    "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
    "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath",
)
_TBLPR_SEQ = (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
    "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook",
)
_TCPR_SEQ = (
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
    "textDirection", "tcFitText", "vAlign", "hideMark",
)
_SECTPR_SEQ = (
    "headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
    "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
    "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange",
)


def _child(parent, tag: str, seq: tuple[str, ...], **attrs: str):
    """Get or create ``w:tag`` under ``parent`` at its schema position, then set attributes.

    Word rejects (“unreadable content”) property elements in the wrong order, so every
    element this module adds goes through here.
    """
    el = parent.find(qn(f"w:{tag}"))
    if el is None:
        el = OxmlElement(f"w:{tag}")
        later = set(seq[seq.index(tag) + 1:])
        for i, existing in enumerate(parent):
            local = existing.tag.rsplit("}", 1)[-1]
            if local in later:
                parent.insert(i, el)
                break
        else:
            parent.append(el)
    for k, v in attrs.items():
        el.set(qn(f"w:{k}"), v)
    return el


def _border_el(parent, side: str, size_pt: float, colour: str, space_pt: float = 1, val: str = "single") -> None:
    el = parent.find(qn(f"w:{side}"))
    if el is None:
        el = OxmlElement(f"w:{side}")
        parent.append(el)
    el.set(qn("w:val"), val)
    el.set(qn("w:sz"), str(max(2, round(size_pt * 8))))  # eighths of a point
    el.set(qn("w:space"), str(round(space_pt)))
    el.set(qn("w:color"), colour)


def _set_fonts(rpr, family: str) -> None:
    """All four font slots, East Asian included: ``font.name`` alone leaves Han text in the
    theme font (DESIGN §8). Theme attributes are removed because they override the names."""
    rf = _child(rpr, "rFonts", _RPR_SEQ, ascii=family, hAnsi=family, eastAsia=family, cs=family)
    for att in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        rf.attrib.pop(qn(f"w:{att}"), None)


def _set_lang(rpr) -> None:
    _child(rpr, "lang", _RPR_SEQ, val="en-US", eastAsia="zh-CN", bidi="ar-SA")


def _cjk_paragraph_rules(ppr) -> None:
    """Chinese line-break control on; no hanging punctuation past the measure (DESIGN §5)."""
    _child(ppr, "kinsoku", _PPR_SEQ, val="1")
    _child(ppr, "wordWrap", _PPR_SEQ, val="1")
    _child(ppr, "overflowPunct", _PPR_SEQ, val="0")
    _child(ppr, "topLinePunct", _PPR_SEQ, val="1")
    _child(ppr, "autoSpaceDE", _PPR_SEQ, val="1")
    _child(ppr, "autoSpaceDN", _PPR_SEQ, val="1")


# ---------------------------------------------------------------------------------- styles


@dataclass(frozen=True)
class StyleSpec:
    """One named style. Sizes in points; ``indent_chars`` is a first-line indent in ems."""

    name: str
    style_id: str  # ASCII ids: some tools mangle non-ASCII ids, Word shows the name anyway
    role: str  # font role in Bulletin.fonts
    size: float
    kind: str = "p"  # "p" paragraph, "c" character
    bold: bool = False
    align: str = "both"
    indent_chars: int = 0
    before: float = 0.0
    after: float = 0.0
    line: float = 0.0  # exact line height; 0 = 1.3 × size; < 0 = single (auto, grows with pictures)
    colour: str = ""
    run_shade: str = ""  # character shading (the 2020/2021 label tags)
    para_shade: str = ""  # paragraph shading (the banner band)
    border_top: float = 0.0
    border_bottom: float = 0.0
    keep_next: bool = False
    based_on: str = ""  # name of one of our styles defined before this one


def _accent(bulletin: Bulletin) -> str:
    """The page's spot colour: newspaper red, or dark grey for a grey-only bulletin."""
    return "404040" if bulletin.page_setup.colour_mode == "grey" else "B8141B"


def style_specs(bulletin: Bulletin, g: Geometry) -> list[StyleSpec]:
    """Every role's style. Sizes follow Chinese newspaper practice on a broadsheet (title
    about 初号, column headline 二号, name 四号 over 小五 body) and shrink with the page width."""
    s, body, lead = g.scale, g.body, g.leading
    accent = _accent(bulletin)
    big = max(22.0, round(44 * s))
    return [
        StyleSpec("正文", "BulletinBody", "body", body, indent_chars=2, line=lead),
        StyleSpec("讲话正文", "BulletinSpeechBody", "body", body, indent_chars=2, line=lead, based_on="正文"),
        StyleSpec("段首句", "BulletinLead", "body", body, kind="c", bold=True),
        StyleSpec("版头", "BulletinBanner", "banner", max(12.0, round(20 * s)), align="center", colour="FFFFFF",
                  para_shade=accent, bold=True, keep_next=True),
        StyleSpec("版头大字", "BulletinBannerBig", "banner", max(20.0, round(48 * s)), align="center",
                  colour="FFFFFF", para_shade=accent, bold=True, keep_next=True, based_on="版头"),
        StyleSpec("引题", "BulletinKicker", "kicker", max(12.0, round(20 * s)), align="center",
                  before=body, keep_next=True),
        StyleSpec("标题", "BulletinTitle", "title", big, align="center", bold=True, before=body * 0.5,
                  after=body * 0.5, line=big * 1.25, keep_next=True, colour=accent),
        StyleSpec("副题", "BulletinSubtitle", "subtitle", max(11.0, round(20 * s)), align="center",
                  after=lead, border_bottom=1.5, keep_next=True),
        StyleSpec("讲话标签", "BulletinSpeechLabel", "label", max(12.0, round(18 * s)), align="left", bold=True,
                  colour="FFFFFF", run_shade=accent, before=body * 0.5, after=body * 0.3, keep_next=True),
        StyleSpec("讲话小标题", "BulletinSpeechHeading", "heading", max(12.0, round(18 * s)), align="left",
                  bold=True, after=body * 0.5, keep_next=True, colour=accent),
        StyleSpec("讲话要点", "BulletinSpeechPoint", "heading", round(body * 1.2, 1), align="left", line=lead * 1.2,
                  keep_next=True),
        StyleSpec("落款", "BulletinAttribution", "caption", body, align="right", before=body * 0.5, line=lead),
        StyleSpec("栏目标题", "BulletinColumnHeading", "heading", max(14.0, round(18 * s)), align="center",
                  bold=True, before=lead, after=body * 0.6, border_top=0.75, keep_next=True),
        StyleSpec("人名", "BulletinName", "name", max(11.0, round(body * 1.6)), align="left", bold=True,
                  after=body * 0.2),
        StyleSpec("单位", "BulletinOrganisation", "name", max(11.0, round(body * 1.4)), align="center", bold=True,
                  after=body * 0.5, based_on="人名"),
        StyleSpec("职务", "BulletinPersonTitle", "title_line", round(body * 1.1, 1), align="left",
                  line=round(body * 1.1, 1) * 1.45),
        StyleSpec("肖像", "BulletinPortrait", "caption", body, align="left", line=-1),
        StyleSpec("图注", "BulletinCaption", "caption", max(7.0, body - 1), align="center"),
        StyleSpec("版脚", "BulletinFolio", "label", max(7.0, body - 1), align="left", border_top=0.5),
    ]


def _install_styles(doc: Document, bulletin: Bulletin, g: Geometry) -> dict[str, BaseStyle]:
    """Create the named styles; returns name → style for use with ``style=``."""
    styles = doc.styles
    # Normal carries the body font and Chinese language too: table cells, footers and anything
    # a colleague types without a style then still look like the page.
    normal = styles["Normal"]
    npr = normal.element.get_or_add_pPr()
    _child(npr, "spacing", _PPR_SEQ, before="0", after="0", line=str(round(g.leading * TWIPS_PER_PT)),
           lineRule="exact")
    _cjk_paragraph_rules(npr)
    nrpr = normal.element.get_or_add_rPr()
    _set_fonts(nrpr, font_family(bulletin, "body"))
    _child(nrpr, "sz", _RPR_SEQ, val=str(round(g.body * 2)))
    _child(nrpr, "szCs", _RPR_SEQ, val=str(round(g.body * 2)))
    _set_lang(nrpr)

    by_name: dict[str, BaseStyle] = {}
    for spec in style_specs(bulletin, g):
        kind = WD_STYLE_TYPE.CHARACTER if spec.kind == "c" else WD_STYLE_TYPE.PARAGRAPH
        st = styles.add_style(spec.name, kind)
        st.style_id = spec.style_id
        st.quick_style = True
        el = st.element
        if spec.kind == "p":
            # python-docx keeps CT_Style's child order (basedOn before qFormat); Word is strict
            st.base_style = by_name[spec.based_on] if spec.based_on else normal
        rpr = el.get_or_add_rPr()
        _set_fonts(rpr, font_family(bulletin, spec.role))
        if spec.bold:
            _child(rpr, "b", _RPR_SEQ)
            _child(rpr, "bCs", _RPR_SEQ)
        if spec.colour:
            _child(rpr, "color", _RPR_SEQ, val=spec.colour)
        _child(rpr, "sz", _RPR_SEQ, val=str(round(spec.size * 2)))
        _child(rpr, "szCs", _RPR_SEQ, val=str(round(spec.size * 2)))
        if spec.run_shade:
            _child(rpr, "shd", _RPR_SEQ, val="clear", color="auto", fill=spec.run_shade)
        _set_lang(rpr)
        if spec.kind == "p":
            ppr = el.get_or_add_pPr()
            if spec.keep_next:
                _child(ppr, "keepNext", _PPR_SEQ)
            if spec.border_top or spec.border_bottom:
                bdr = _child(ppr, "pBdr", _PPR_SEQ)
                if spec.border_top:
                    _border_el(bdr, "top", spec.border_top, "000000", space_pt=4)
                if spec.border_bottom:
                    _border_el(bdr, "bottom", spec.border_bottom, "000000", space_pt=4, val="thinThickSmallGap")
            if spec.para_shade:
                _child(ppr, "shd", _PPR_SEQ, val="clear", color="auto", fill=spec.para_shade)
            _cjk_paragraph_rules(ppr)
            line = spec.line or round(spec.size * 1.3, 1)
            # Exact leading, as on the printed page; a picture paragraph must grow with its image.
            rule, twips = ("auto", 240) if line < 0 else ("exact", round(line * TWIPS_PER_PT))
            _child(ppr, "spacing", _PPR_SEQ, before=str(round(spec.before * TWIPS_PER_PT)),
                   after=str(round(spec.after * TWIPS_PER_PT)), line=str(twips), lineRule=rule)
            if spec.indent_chars:
                # firstLineChars is what Word's “2 字符” means; firstLine is the same in twips for
                # readers (older Word, LibreOffice) that only know absolute indents.
                _child(ppr, "ind", _PPR_SEQ, firstLineChars=str(spec.indent_chars * 100),
                       firstLine=str(round(spec.indent_chars * spec.size * TWIPS_PER_PT)))
            _child(ppr, "jc", _PPR_SEQ, val=spec.align)
            if spec.name == "版脚":
                tabs = _child(ppr, "tabs", _PPR_SEQ)
                tab = OxmlElement("w:tab")
                tab.set(qn("w:val"), "right")
                tab.set(qn("w:pos"), str(round(g.text_w * TWIPS_PER_PT) - 10))
                tabs.append(tab)
        by_name[spec.name] = st
    _document_defaults(doc, bulletin)
    return by_name


def _document_defaults(doc: Document, bulletin: Bulletin) -> None:
    """docDefaults: Chinese language and the body font for text outside any of our styles."""
    styles_el = doc.styles.element
    defaults = styles_el.find(qn("w:docDefaults"))
    if defaults is None:
        return
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if rpr is not None:
        _set_fonts(rpr, font_family(bulletin, "body"))
        _set_lang(rpr)
    ppr = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}")
    if ppr is not None:
        _child(ppr, "spacing", _PPR_SEQ, after="0", line="240", lineRule="auto")


def _settings(doc: Document) -> None:
    """Punctuation compression and Chinese kinsoku lists, document-wide (settings.xml)."""
    settings = doc.settings.element
    csc = settings.find(qn("w:characterSpacingControl"))
    if csc is None:
        csc = OxmlElement("w:characterSpacingControl")
        dts = settings.find(qn("w:defaultTabStop"))
        if dts is not None:
            dts.addnext(csc)
        else:
            settings.insert(0, csc)
    csc.set(qn("w:val"), "compressPunctuation")
    for tag in ("noLineBreaksBefore", "noLineBreaksAfter"):
        old = settings.find(qn(f"w:{tag}"))
        if old is not None:
            settings.remove(old)
    after = OxmlElement("w:noLineBreaksAfter")
    after.set(qn("w:lang"), "zh-CN")
    after.set(qn("w:val"), NO_LINE_END)
    before = OxmlElement("w:noLineBreaksBefore")
    before.set(qn("w:lang"), "zh-CN")
    before.set(qn("w:val"), NO_LINE_START)
    csc.addnext(after)
    after.addnext(before)
    preview = settings.find(qn("w:savePreviewPicture"))
    if preview is not None:
        settings.remove(preview)
    tfl = settings.find(qn("w:themeFontLang"))
    if tfl is not None:
        tfl.set(qn("w:eastAsia"), "zh-CN")


# -------------------------------------------------------------------------------- sections


def _setup_section(section, g: Geometry, columns: int) -> None:
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
    cols = _child(sp, "cols", _SECTPR_SEQ, num=str(columns), space=str(round(g.gap * TWIPS_PER_PT)))
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
                        bulletin.issue_number and f"第{bulletin.issue_number}期",
                        page.label or f"第{index + 1}页", bulletin.edition) if t]
    c = bulletin.credits
    right = [f"{k}：{v}" for k, v in (("责任编辑", c.editor), ("美术编辑", c.art_editor), ("校对", c.proofreader)) if v]
    return "　".join(left), "　".join(right)


def _fill_footer(section, bulletin: Bulletin, page: Page, index: int, style: BaseStyle) -> None:
    footer = section.footer
    footer.is_linked_to_previous = False
    p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    p._p.style = style.style_id
    left, right = folio_text(bulletin, page, index)
    p.add_run(clean_text(left).replace("\n", " "))
    if right:
        p.add_run("\t" + clean_text(right).replace("\n", " "))


# --------------------------------------------------------------------------------- content


_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _set_pstyle(p, style_id: str) -> None:
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        p.insert(0, ppr)
    ps = ppr.find(qn("w:pStyle"))
    if ps is None:
        ps = OxmlElement("w:pStyle")
        ppr.insert(0, ps)
    ps.set(qn("w:val"), style_id)


def _add_run(p, text: str, rstyle_id: str = "") -> None:
    """Append a run; ``\n`` becomes a line break (w:br) and ``\t`` a tab, as in python-docx."""
    r = OxmlElement("w:r")
    if rstyle_id:
        rpr = OxmlElement("w:rPr")
        rs = OxmlElement("w:rStyle")
        rs.set(qn("w:val"), rstyle_id)
        rpr.append(rs)
        r.append(rpr)
    for i, line in enumerate(text.split("\n")):
        if i:
            r.append(OxmlElement("w:br"))
        for j, chunk in enumerate(line.split("\t")):
            if j:
                r.append(OxmlElement("w:tab"))
            if chunk:
                t = OxmlElement("w:t")
                t.text = chunk
                if chunk[0].isspace() or chunk[-1].isspace():
                    t.set(_XML_SPACE, "preserve")
                r.append(t)
    p.append(r)


class _Pictures:
    """Image parts and inline pictures without python-docx's per-picture scans (it hashes
    every image part and searches the whole document for ids on each add_picture)."""

    def __init__(self, doc: Document) -> None:
        self.part = doc.part
        self.by_hash: dict[bytes, tuple[str, str]] = {}
        self.shape_id = 0

    def add(self, p, data: bytes, ext: str, cx: int, cy: int) -> None:
        key = hashlib.sha256(data).digest()
        if key not in self.by_hash:
            n = len(self.by_hash) + 1
            filename = f"portrait{n}.{ext}"
            part = ImagePart.from_image(DocxImage.from_blob(data), PackURI(f"/word/media/{filename}"))
            self.by_hash[key] = (self.part.relate_to(part, RT.IMAGE), filename)
        rId, filename = self.by_hash[key]
        self.shape_id += 1
        inline = CT_Inline.new_pic_inline(self.shape_id, rId, filename, Emu(cx), Emu(cy))
        r = OxmlElement("w:r")
        drawing = OxmlElement("w:drawing")
        drawing.append(inline)
        r.append(drawing)
        p.append(r)


class _Writer:
    """Appends one bulletin's content to a python-docx Document, section by section."""

    def __init__(self, doc: Document, bulletin: Bulletin, g: Geometry, styles: dict[str, BaseStyle]) -> None:
        self.doc = doc
        self.b = bulletin
        self.g = g
        self.st = styles
        self.problems: list[str] = []
        self._sections = 0
        self.accent = _accent(bulletin)
        self.tint = "EDEDED" if bulletin.page_setup.colour_mode == "grey" else "FBF0E4"
        self.pictures = _Pictures(doc)
        self._prepared: dict[str, PreparedImage | Exception] = {}

    # -- sections --------------------------------------------------------------------------
    def start_section(self, columns: int, new_page: bool, page: Page, index: int) -> None:
        """Begin a Word section. The first section of a bulletin page carries its footer."""
        if self._sections == 0:
            section = self.doc.sections[0]
            section.start_type = WD_SECTION.NEW_PAGE
        else:
            section = self.doc.add_section(WD_SECTION.NEW_PAGE if new_page else WD_SECTION.CONTINUOUS)
        self._sections += 1
        _setup_section(section, self.g, columns)
        if new_page:
            _fill_footer(section, self.b, page, index, self.st["版脚"])
        else:
            section.footer.is_linked_to_previous = True

    # -- text -------------------------------------------------------------------------------
    # Paragraphs and runs are made with lxml directly: python-docx's add_paragraph scans the
    # body for the insertion point, ``style=`` scans every style and run text is added one
    # character at a time — together quadratic, and most of the time of a 24-page export.
    def style(self, p: DocxParagraph, name: str) -> None:
        """Apply a paragraph style by id (to a paragraph python-docx made)."""
        _set_pstyle(p._p, self.st[name].style_id)

    def para(self, container, style: str, text: str = "") -> DocxParagraph:
        p = self._new_p(container, style)
        if text:
            _add_run(p, clean_text(text))
        return DocxParagraph(p, container)

    def body(self, container, para: Paragraph, style: str = "正文") -> DocxParagraph:
        p = self._new_p(container, style)
        lead, rest = para.split_lead()
        if lead:
            _add_run(p, clean_text(lead), self.st["段首句"].style_id)
        if rest:
            _add_run(p, clean_text(rest))
        return DocxParagraph(p, container)

    def _new_p(self, container, style: str):
        p = OxmlElement("w:p")
        _set_pstyle(p, self.st[style].style_id)
        if isinstance(container, _Cell):
            container._tc.append(p)
        else:
            self._body_end.addprevious(p)
        return p

    @property
    def _body_end(self):
        """The document-final sectPr: new body content goes right before it."""
        return self.doc.element.body.get_or_add_sectPr()

    # -- blocks -----------------------------------------------------------------------------
    def banner(self, banner: Banner) -> None:
        """The 版头 band; a short keyword line (e.g. 责任) is set large, as newspapers do."""
        lines = [ln for ln in banner.lines if ln.strip()]
        shortest = min((len(ln.strip()) for ln in lines), default=0)
        for ln in lines:
            big = len(lines) > 1 and len(ln.strip()) == shortest and shortest <= 4
            self.para(self.doc, "版头大字" if big else "版头", ln)

    def headline(self, h: HeadlineGroup) -> None:
        if h.kicker:
            self.para(self.doc, "引题", h.kicker)
        if h.title:
            self.para(self.doc, "标题", h.title)
        if h.subtitle:
            self.para(self.doc, "副题", h.subtitle)

    def speech(self, block: SpeechBlock) -> None:
        """The speech excerpt as a framed, tinted table: one cell per section side by side
        (2020 | 2021), so each year's text stays together when edited, and the attribution in
        a full-width last row. A table is the frame Word users know and can resize."""
        sections = block.sections or []
        ncells = max(1, min(len(sections), self.g.columns, 4))
        nrows = -(-len(sections) // ncells) if sections else 1
        has_attr = bool(block.attribution.strip())
        table = self.doc.add_table(rows=nrows + (1 if has_attr else 0), cols=ncells)
        self._table_frame(table, self.g.text_w, [self.g.text_w / ncells] * ncells, box=True)
        pad = self.g.body
        for i, sec in enumerate(sections):
            cell = table.cell(i // ncells, i % ncells)
            self._cell_props(cell, self.g.text_w / ncells, shade=self.tint, margins=(pad, pad, pad, pad))
            first = True
            for style, text in (("讲话标签", sec.label), ("讲话小标题", sec.heading)):
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
            self._cell_props(table.cell(i // ncells, i % ncells), self.g.text_w / ncells, shade=self.tint,
                             margins=(pad, pad, pad, pad))
        if has_attr:
            row = table.rows[-1]
            merged = row.cells[0].merge(row.cells[-1]) if ncells > 1 else row.cells[0]
            self._cell_props(merged, self.g.text_w, shade=self.tint, margins=(0, pad, pad, pad))
            self.style(merged.paragraphs[0], "落款")
            merged.paragraphs[0].add_run(clean_text(block.attribution))

    def column(self, block: ColumnBlock) -> None:
        """A city's column: headline, portrait beside name and title lines, body."""
        if block.headline:
            self.para(self.doc, "栏目标题", block.headline)
        person = block.person
        if person is not None and (person.name or person.titles or block.portrait):
            self._person(block, rule_on_top=not block.headline)
        elif block.organisation:
            p = self.para(self.doc, "单位", block.organisation)
            if not block.headline:
                bdr = _child(p._p.get_or_add_pPr(), "pBdr", _PPR_SEQ)
                _border_el(bdr, "top", 0.75, "000000", space_pt=4)
        for para in block.paragraphs:
            self.body(self.doc, para)

    def _person(self, block: ColumnBlock, rule_on_top: bool) -> None:
        """Portrait and name side by side in a borderless two-cell table that moves as one."""
        person = block.person
        assert person is not None
        g = self.g
        photo_w = portrait_width(g)
        image = self._portrait(block, photo_w)
        widths = [photo_w + g.body * 0.6, g.column_w - photo_w - g.body * 0.6] if image else [g.column_w]
        table = self.doc.add_table(rows=1, cols=len(widths))
        self._table_frame(table, g.column_w, widths, box=False, rule_on_top=rule_on_top)
        row = table.rows[0]
        _child(row._tr.get_or_add_trPr(), "cantSplit", ("cnfStyle", "divId", "gridBefore", "gridAfter",
                                                        "wBefore", "wAfter", "cantSplit"))
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
        for t in person.titles:
            self._cell_para(text_cell, "职务", t, first)
            first = False
        if first and block.organisation:
            self._cell_para(text_cell, "单位", block.organisation, first)

    def prefetch_portraits(self, blocks: list[ColumnBlock]) -> None:
        """Decode and prepare every portrait up front on a few threads: Pillow releases the
        GIL while it decodes and encodes, so a 240-portrait issue uses more than one core."""
        width_in = portrait_width(self.g) / 72
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

    def _portrait(self, block: ColumnBlock, width_pt: float) -> tuple[bytes, str, int, int] | None:
        portrait = block.portrait
        if portrait is None or not portrait.image:
            return None
        self.prefetch_portraits([block])
        prepared = self._prepared.pop(block.id)
        if isinstance(prepared, Exception):
            who = block.person.name if block.person and block.person.name else block.region or block.id
            self.problems.append(f"portrait of {who}: {prepared}; left out of the DOCX")
            return None
        return prepared.data, prepared.ext, prepared.width_px, prepared.height_px

    # -- table plumbing ---------------------------------------------------------------------
    def _cell_para(self, cell: _Cell, style: str, text: str, first: bool) -> DocxParagraph:
        """A styled paragraph in a cell; the cell's initial empty paragraph is reused."""
        if first and cell.paragraphs and not cell.paragraphs[0].text:
            p = cell.paragraphs[0]
            self.style(p, style)
            _add_run(p._p, clean_text(text))
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
        _child(tblpr, "tblW", _TBLPR_SEQ, w=str(round(width * TWIPS_PER_PT)), type="dxa")
        _child(tblpr, "tblLayout", _TBLPR_SEQ, type="fixed")
        _child(tblpr, "tblInd", _TBLPR_SEQ, w="0", type="dxa")
        borders = _child(tblpr, "tblBorders", _TBLPR_SEQ)
        for c in list(borders):
            borders.remove(c)
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            if box and side in ("top", "left", "bottom", "right"):
                _border_el(borders, side, 1.5, self.accent, space_pt=0)
            elif box and side == "insideV":
                _border_el(borders, side, 0.5, self.accent, space_pt=0, val="dashed")
            elif side == "top" and rule_on_top:
                _border_el(borders, side, 0.75, "000000", space_pt=0)
            else:
                _border_el(borders, side, 0, "auto", space_pt=0, val="nil")
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
        _child(tcpr, "tcW", _TCPR_SEQ, w=str(round(width * TWIPS_PER_PT)), type="dxa")
        if shade:
            _child(tcpr, "shd", _TCPR_SEQ, val="clear", color="auto", fill=shade)
        mar = _child(tcpr, "tcMar", _TCPR_SEQ)
        for side, v in zip(("top", "left", "bottom", "right"), margins):
            el = mar.find(qn(f"w:{side}"))
            if el is None:
                el = OxmlElement(f"w:{side}")
                mar.append(el)
            el.set(qn("w:w"), str(round(v * TWIPS_PER_PT)))
            el.set(qn("w:type"), "dxa")
        _child(tcpr, "vAlign", _TCPR_SEQ, val=valign)


def _page_runs(page: Page) -> list[tuple[str, list]]:
    """Split a page into full-width runs (banner, headline, speech) and column-flow runs."""
    runs: list[tuple[str, list]] = []
    top: list = [x for x in (page.banner, page.headline) if x is not None]
    if top:
        runs.append(("wide", top))
    for block in page.blocks:
        kind = "wide" if isinstance(block, SpeechBlock) else "flow"
        if runs and runs[-1][0] == kind:
            runs[-1][1].append(block)
        else:
            runs.append((kind, [block]))
    return runs or [("wide", [])]


def _core_properties(doc: Document, bulletin: Bulletin, timestamp: datetime | None) -> None:
    cp = doc.core_properties
    first_title = next((p.headline.title for p in bulletin.pages if p.headline and p.headline.title), "")
    one_line = lambda t: clean_text(t).replace("\n", " ").strip()  # noqa: E731
    cp.title = one_line(bulletin.issue_title or first_title)
    cp.author = one_line(bulletin.publication)
    cp.subject = "　".join(one_line(t) for t in (bulletin.publication, bulletin.edition, bulletin.date) if t)
    cp.keywords = one_line(bulletin.edition)
    cp.comments = ""
    cp.category = ""
    cp.last_modified_by = one_line(bulletin.publication)
    cp.language = "zh-CN"
    cp.revision = 1
    when = timestamp or FIXED_TIME
    cp.created = when
    cp.modified = when
    cp.last_printed = when


def _drop_thumbnail(doc: Document) -> None:
    """The template's thumbnail shows an empty page; a file browser would show that."""
    pkg = doc.part.package
    for rId, rel in list(pkg.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del pkg.rels[rId]


def build_document(bulletin: Bulletin, timestamp: datetime | None = None) -> tuple[Document, list[str]]:
    """The bulletin as a python-docx Document, plus problems worth telling the user about
    (e.g. a portrait that could not be decoded and was left out)."""
    doc = docx.Document()
    g = Geometry.of(bulletin.page_setup)
    styles = _install_styles(doc, bulletin, g)
    _settings(doc)
    _core_properties(doc, bulletin, timestamp)
    _drop_thumbnail(doc)
    # The template body holds nothing but its sectPr; keep that as our first section.
    w = _Writer(doc, bulletin, g, styles)
    w.prefetch_portraits([b for _, b in bulletin.iter_blocks() if isinstance(b, ColumnBlock)])
    pages = bulletin.pages or [Page()]
    for index, page in enumerate(pages):
        runs = _page_runs(page)
        for i, (kind, items) in enumerate(runs):
            w.start_section(1 if kind == "wide" else g.columns, new_page=(i == 0), page=page, index=index)
            for item in items:
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
    return doc, w.problems


def _package_bytes(doc: Document) -> bytes:
    """Write the OPC package ourselves, as python-docx's PackageWriter does, but with fixed
    member times (the same bulletin gives the same bytes) and photos stored, not deflated
    (they do not compress, and deflating 240 JPEGs only costs time)."""
    pkg = doc.part.package
    parts = list(pkg.iter_parts())
    for part in parts:
        part.before_marshal()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:

        def put(name: str, data: bytes) -> None:
            zi = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_STORED if name.startswith("word/media/") else zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zf.writestr(zi, data)

        put("[Content_Types].xml", _ContentTypesItem.from_parts(parts).blob)
        put("_rels/.rels", pkg.rels.xml)
        for part in parts:
            put(part.partname.membername, part.blob)
            if len(part.rels):
                put(part.partname.rels_uri.membername, part.rels.xml)
    return out.getvalue()


def docx_bytes(bulletin: Bulletin, timestamp: datetime | None = None) -> tuple[bytes, list[str]]:
    """The finished .docx file as bytes, plus problems (see ``build_document``)."""
    doc, problems = build_document(bulletin, timestamp)
    return _package_bytes(doc), problems


def write_docx(bulletin: Bulletin, path: str | os.PathLike[str], timestamp: datetime | None = None) -> list[str]:
    """Export to ``path`` atomically; returns the problems found (empty when all went well).

    The document is built completely in memory first, so a failure while composing never
    touches the target; writing then goes through a temporary file and ``os.replace``.
    """
    data, problems = docx_bytes(bulletin, timestamp)
    atomic_write(path, lambda fh: fh.write(data))
    return problems


def iter_texts(bulletin: Bulletin) -> Iterable[str]:
    """Every text the DOCX shows, in document order (tests and checks use it)."""
    for page in bulletin.pages:
        if page.banner:
            yield from (ln for ln in page.banner.lines if ln.strip())
        if page.headline:
            yield from (t for t in (page.headline.kicker, page.headline.title, page.headline.subtitle) if t)
        for block in page.blocks:
            if isinstance(block, PictureBlock):
                if block.caption.strip():
                    yield block.caption
            elif isinstance(block, SpeechBlock):
                for s in block.sections:
                    yield from (t for t in (s.label, s.heading, *s.bullets) if t)
                    yield from (p.text for p in s.paragraphs if p.text)
                if block.attribution.strip():
                    yield block.attribution
            else:
                if block.headline:
                    yield block.headline
                if block.person is not None:
                    yield from (t for t in (block.person.name, *block.person.titles) if t)
                    if not block.person.name and not block.person.titles and block.organisation:
                        yield block.organisation
                elif block.organisation:
                    yield block.organisation
                yield from (p.text for p in block.paragraphs if p.text)

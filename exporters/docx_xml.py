"""WordprocessingML plumbing shared by the DOCX modules: units, safe text, and property
elements put at their schema position (Word refuses a file whose properties are misordered).

The ``*_SEQ`` tables are the child order of ECMA-376 Part 1 (wml.xsd) for the property
elements this exporter writes; tests check the output against an independent copy.
"""

from __future__ import annotations

import re

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from model.units import MM_PER_INCH  # noqa: F401 - the DOCX modules take it from here

TWIPS_PER_PT = 20
EMU_PER_PT = 12700


class DocxExportError(Exception):
    """A bulletin that cannot become a DOCX; the message is for the user."""


#: Characters XML 1.0 cannot carry (python-docx raises on them). Text pasted from Word brings
#: vertical tabs (its manual line break) and stray NULs; they must not abort an export.
_XML_BAD = re.compile("[\x00-\x08\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
#: Punctuation Unicode shares between Latin and Chinese text: Word sets it from the Latin face
#: (narrow) unless the run is hinted East Asian.
_SHARED = re.compile("[\u2010-\u2027\u00b7\u00a7\u00b0\u00d7\u00f7\u2030-\u203b\u2103\u2116\u2160-\u216b\u2190-\u2193\u25a0-\u25ef\u2605\u2606]")


def clean_text(text: str) -> str:
    """Text safe for WordprocessingML: line breaks normalised to ``\n`` (they become
    ``w:br``), invalid control characters dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
    return _XML_BAD.sub("", text)


def one_line(text: str) -> str:
    """Metadata text: one line, at most Word's 255 characters of a document property."""
    return clean_text(text).replace("\n", " ").strip()[:255]


PPR_SEQ = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
    "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
    "sectPr", "pPrChange",
)
RPR_SEQ = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
    "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
    "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
    "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath",
)
TBLPR_SEQ = (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
    "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook",
)
TCPR_SEQ = (
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
    "textDirection", "tcFitText", "vAlign", "hideMark",
)
TRPR_SEQ = ("cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit")
SECTPR_SEQ = (
    "headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
    "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
    "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange",
)
STYLE_SEQ = (
    "name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority", "semiHidden",
    "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose", "personalReply", "rsid", "pPr",
    "rPr", "tblPr", "trPr", "tcPr", "tblStylePr",
)
FONT_SEQ = ("altName", "panose1", "charset", "family", "notTrueType", "pitch", "sig", "embedRegular",
            "embedBold", "embedItalic", "embedBoldItalic")


def child(parent, tag: str, seq: tuple[str, ...], **attrs: str):
    """Get or create ``w:tag`` under ``parent`` at its schema position, then set attributes.

    Word rejects (“unreadable content”) property elements in the wrong order, so every
    element the exporter adds goes through here.
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


def border_el(parent, side: str, size_pt: float, colour: str, space_pt: float = 1, val: str = "single") -> None:
    el = parent.find(qn(f"w:{side}"))
    if el is None:
        el = OxmlElement(f"w:{side}")
        parent.append(el)
    el.set(qn("w:val"), val)
    el.set(qn("w:sz"), str(max(2, round(size_pt * 8))))  # eighths of a point
    el.set(qn("w:space"), str(round(space_pt)))
    el.set(qn("w:color"), colour)


def set_fonts(rpr, family: str) -> None:
    """All four font slots, East Asian included (``font.name`` alone leaves Han text in the
    theme font, DESIGN §8), and the East-Asian hint: quotation marks and the other characters
    Latin and Chinese share are then set from the Chinese face, full width, in Word and WPS.
    Theme attributes are removed because they override the names."""
    rf = child(rpr, "rFonts", RPR_SEQ, ascii=family, hAnsi=family, eastAsia=family, cs=family, hint="eastAsia")
    for att in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        rf.attrib.pop(qn(f"w:{att}"), None)


def set_lang(rpr) -> None:
    child(rpr, "lang", RPR_SEQ, val="en-US", eastAsia="zh-CN", bidi="ar-SA")


def cjk_paragraph_rules(ppr) -> None:
    """Chinese line-break control on; no hanging punctuation past the measure (DESIGN §5)."""
    child(ppr, "kinsoku", PPR_SEQ, val="1")
    child(ppr, "wordWrap", PPR_SEQ, val="1")
    child(ppr, "overflowPunct", PPR_SEQ, val="0")
    child(ppr, "topLinePunct", PPR_SEQ, val="1")
    child(ppr, "autoSpaceDE", PPR_SEQ, val="1")
    child(ppr, "autoSpaceDN", PPR_SEQ, val="1")


def set_pstyle(p, style_id: str) -> None:
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        p.insert(0, ppr)
    ps = ppr.find(qn("w:pStyle"))
    if ps is None:
        ps = OxmlElement("w:pStyle")
        ppr.insert(0, ps)
    ps.set(qn("w:val"), style_id)


def add_run(p, text: str, rstyle_id: str = "", size_pt: float = 0.0):
    """Append a run; ``\n`` becomes a line break (w:br) and ``\t`` a tab, as in python-docx.
    ``size_pt`` sets the run's size directly (a banner text sized by its band)."""
    r = OxmlElement("w:r")
    shared = _SHARED.search(text) is not None
    if rstyle_id or size_pt or shared:
        rpr = OxmlElement("w:rPr")
        r.append(rpr)
        if rstyle_id:
            child(rpr, "rStyle", RPR_SEQ, val=rstyle_id)
        if shared:
            # the run's own hint is what Word consults for characters Latin and Chinese share
            child(rpr, "rFonts", RPR_SEQ, hint="eastAsia")
        if size_pt:
            child(rpr, "sz", RPR_SEQ, val=str(round(size_pt * 2)))
            child(rpr, "szCs", RPR_SEQ, val=str(round(size_pt * 2)))
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
                    t.set(XML_SPACE, "preserve")
                r.append(t)
    p.append(r)
    return r

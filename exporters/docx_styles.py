"""The DOCX's named styles, built from the bulletin's one style sheet (layout/styles.py).

Word users restyle with named styles (DESIGN §8), so every text role gets one. Where Word
has a built-in style for the job it is used and restyled — Normal for body text, Title for
the page headline, Heading 1–3 for banner, column headline and speech heading — because
Chinese Word and WPS show those as 正文, 标题, 标题 1–3, give them outline levels (the
navigation pane and the style gallery work), and a custom style of the same Chinese name
beside them would only confuse. The bulletin's other styles derive from them.

Every size comes from the style sheet, so the DOCX sets each role at the PDF's size; line
pitches are whole grid lines of the page's leading, as on the printed page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.styles.style import BaseStyle

from exporters.docx_fonts import FontSet
from exporters.docx_geometry import Geometry
from exporters.docx_xml import (
    PPR_SEQ,
    RPR_SEQ,
    TWIPS_PER_PT,
    border_el,
    child,
    cjk_paragraph_rules,
    set_fonts,
    set_lang,
)
from layout import styles as ts
from layout.cjk import NO_END, NO_START
from model.document import Bulletin

#: Built-in styles this exporter restyles: python-docx name → (style id, outline level).
BUILTIN = {"Normal": ("Normal", None), "Title": ("Title", 0), "Heading 1": ("Heading1", 0),
           "Heading 2": ("Heading2", 1), "Heading 3": ("Heading3", 2)}


@dataclass(frozen=True)
class StyleSpec:
    """One named style. Sizes in points; ``indent_chars`` is a first-line indent in ems."""

    name: str  # built-in name (see BUILTIN) or our Chinese name
    style_id: str  # ASCII ids: some tools mangle non-ASCII ids, Word shows the name anyway
    text_role: str  # key in layout.styles.STYLES
    size: float
    kind: str = "p"  # "p" paragraph, "c" character
    align: str = "both"
    indent_chars: int = 0
    before: float = 0.0
    after: float = 0.0
    line: float = 0.0  # exact line pitch; 0 = the page's leading; < 0 = single (grows with pictures)
    colour: str = ""
    para_shade: str = ""  # paragraph shading (the banner band)
    border_top: float = 0.0
    border_bottom: float = 0.0
    keep_next: bool = False
    based_on: str = ""  # name of a style defined before this one ("" = Normal)

    @property
    def font_role(self) -> str:
        return ts.STYLES[self.text_role].font_role

    @property
    def bold(self) -> bool:
        return ts.STYLES[self.text_role].bold


def colour_hex(bulletin: Bulletin, name: str) -> str:
    """RGB of a style-sheet colour name for Word ("" for black: Word's automatic colour)."""
    grey = bulletin.page_setup.colour_mode == "grey"
    return {"accent": "404040" if grey else "B8141B", "accent_dark": "262626" if grey else "8A0F14",
            "white": "FFFFFF", "tint": "EDEDED" if grey else "FBF0E4"}.get(name, "")


def grid_pitch(size: float, leading: float, factor: float, rounding=round) -> float:
    """A line pitch of whole grid lines, as the layout gives a line of ``size`` type."""
    return max(1, rounding(size * factor / leading - (1e-9 if rounding is math.ceil else 0))) * leading


def banner_sizes(g: Geometry, count: int) -> list[float]:
    """Each banner text's size for ``count`` texts: a share of the band, as on the page."""
    h = ts.banner_height(g.leading)
    return [h * r for r in ts.banner_ratios(count)]


def style_specs(bulletin: Bulletin, g: Geometry) -> list[StyleSpec]:
    """Every role's style, sized from the style sheet for this page's body type."""
    body, lead = g.body, g.leading
    size = {key: st.size(body) for key, st in ts.STYLES.items()}

    def colour(key: str) -> str:
        return colour_hex(bulletin, ts.STYLES[key].colour)

    def pitch(key: str, factor: float | None = None, rounding=round) -> float:
        s = size[key]
        return grid_pitch(s, lead, ts.STYLES[key].line if factor is None else factor, rounding)

    def grown(key: str) -> float:
        # a paragraph line larger than body takes as many whole grid lines as it needs
        return grid_pitch(size[key], lead, 1.0, math.ceil) if size[key] > body else lead

    side, centre, _ = banner_sizes(g, 3)
    band = ts.banner_height(lead)
    return [
        StyleSpec("Normal", "Normal", "body", size["body"], indent_chars=int(ts.BODY_INDENT_EM), line=lead),
        StyleSpec("讲话正文", "BulletinSpeechBody", "body", size["body"], indent_chars=int(ts.BODY_INDENT_EM),
                  line=lead),
        StyleSpec("段首句", "BulletinLead", "lead", size["lead"], kind="c"),
        StyleSpec("Heading 1", "Heading1", "banner", side, align="left", line=band, colour=colour("banner"),
                  para_shade=colour_hex(bulletin, "accent"), keep_next=True, after=lead),
        StyleSpec("版头大字", "BulletinBannerBig", "banner", centre, kind="c", colour=colour("banner")),
        StyleSpec("引题", "BulletinKicker", "kicker", size["kicker"], align="center", line=pitch("kicker"),
                  keep_next=True),
        StyleSpec("Title", "Title", "title", size["title"], align="center", line=pitch("title"), keep_next=True,
                  colour=colour("title")),
        StyleSpec("副题", "BulletinSubtitle", "subtitle", size["subtitle"], align="center",
                  line=pitch("subtitle"), after=lead, border_bottom=1.5, keep_next=True),
        StyleSpec("讲话标签", "BulletinSpeechLabel", "speech_label", size["speech_label"], align="left",
                  line=grown("speech_label"), keep_next=True, colour=colour("speech_label")),
        StyleSpec("Heading 3", "Heading3", "speech_heading", size["speech_heading"], align="left",
                  line=grown("speech_heading"), keep_next=True, colour=colour("speech_heading")),
        StyleSpec("讲话要点", "BulletinSpeechPoint", "speech_bullet", size["speech_bullet"], align="left",
                  line=grown("speech_bullet"), keep_next=True),
        StyleSpec("落款", "BulletinAttribution", "attribution", size["attribution"], align="left",
                  before=lead, line=lead),
        StyleSpec("Heading 2", "Heading2", "column_headline", size["column_headline"], align="center",
                  line=pitch("column_headline", rounding=math.ceil), before=lead, border_top=0.75,
                  keep_next=True),
        StyleSpec("分栏", "BulletinColumnBreak", "caption", 1.0, line=1.0),
        StyleSpec("人名", "BulletinName", "name", size["name"], align="left", line=grown("name")),
        StyleSpec("单位", "BulletinOrganisation", "name", size["name"], align="center", line=grown("name"),
                  after=lead * 0.5, based_on="人名"),
        StyleSpec("职务", "BulletinPersonTitle", "title_line", size["title_line"], align="left", line=lead),
        StyleSpec("肖像", "BulletinPortrait", "caption", size["caption"], align="left", line=-1),
        StyleSpec("图注", "BulletinCaption", "caption", size["caption"], align="center", line=lead),
        StyleSpec("版脚", "BulletinFolio", "folio", size["folio"], align="left", line=lead, border_top=0.5),
    ]


def _reset(el, tag: str):
    """An empty w:pPr / w:rPr on a built-in style (its template look is not ours)."""
    old = el.find(qn(f"w:{tag}"))
    if old is not None:
        for c in list(old):
            old.remove(c)
        for a in list(old.attrib):
            del old.attrib[a]
        return old
    return el.get_or_add_pPr() if tag == "pPr" else el.get_or_add_rPr()


def install_styles(doc: Document, bulletin: Bulletin, g: Geometry, fonts: FontSet) -> dict[str, BaseStyle]:
    """Create or restyle the named styles; returns name → style."""
    styles = doc.styles
    by_name: dict[str, BaseStyle] = {}
    for spec in style_specs(bulletin, g):
        builtin = spec.name in BUILTIN
        if builtin:
            st = styles[spec.name]
            el = st.element
            ppr, rpr = _reset(el, "pPr"), _reset(el, "rPr")
            outline = BUILTIN[spec.name][1]
            link = el.find(qn("w:link"))  # TitleChar & co. would carry the template's look
            if link is not None:
                el.remove(link)
            if outline is not None:
                child(ppr, "outlineLvl", PPR_SEQ, val=str(outline))
        else:
            kind = WD_STYLE_TYPE.CHARACTER if spec.kind == "c" else WD_STYLE_TYPE.PARAGRAPH
            st = styles.add_style(spec.name, kind)
            st.style_id = spec.style_id
            st.quick_style = True
            el = st.element
            if spec.kind == "p":
                st.base_style = by_name[spec.based_on] if spec.based_on else by_name["Normal"]
            rpr = el.get_or_add_rPr()
            ppr = el.get_or_add_pPr() if spec.kind == "p" else None
        set_fonts(rpr, fonts.family(spec.font_role))
        if spec.bold:
            child(rpr, "b", RPR_SEQ)
            child(rpr, "bCs", RPR_SEQ)
        elif builtin and spec.name != "Normal":
            child(rpr, "b", RPR_SEQ, val="0")
            child(rpr, "bCs", RPR_SEQ, val="0")
        child(rpr, "color", RPR_SEQ, val=spec.colour or "000000")
        child(rpr, "sz", RPR_SEQ, val=str(round(spec.size * 2)))
        child(rpr, "szCs", RPR_SEQ, val=str(round(spec.size * 2)))
        set_lang(rpr)
        if ppr is not None:
            _paragraph_props(ppr, spec, g)
        by_name[spec.name] = st
    _document_defaults(doc, fonts)
    return by_name


def _paragraph_props(ppr, spec: StyleSpec, g: Geometry) -> None:
    if spec.keep_next:
        child(ppr, "keepNext", PPR_SEQ)
    if spec.border_top or spec.border_bottom:
        bdr = child(ppr, "pBdr", PPR_SEQ)
        if spec.border_top:
            border_el(bdr, "top", spec.border_top, "000000", space_pt=4)
        if spec.border_bottom:
            border_el(bdr, "bottom", spec.border_bottom, "000000", space_pt=4, val="thinThickSmallGap")
    if spec.para_shade:
        child(ppr, "shd", PPR_SEQ, val="clear", color="auto", fill=spec.para_shade)
    if spec.name == "版脚":
        tabs = child(ppr, "tabs", PPR_SEQ)
        tab = OxmlElement("w:tab")
        tab.set(qn("w:val"), "right")
        tab.set(qn("w:pos"), str(round(g.text_w * TWIPS_PER_PT) - 10))
        tabs.append(tab)
    cjk_paragraph_rules(ppr)
    line = spec.line or g.leading
    # Exact leading, as on the printed page; a picture paragraph must grow with its image.
    rule, twips = ("auto", 240) if line < 0 else ("exact", round(line * TWIPS_PER_PT))
    child(ppr, "spacing", PPR_SEQ, before=str(round(spec.before * TWIPS_PER_PT)),
          after=str(round(spec.after * TWIPS_PER_PT)), line=str(twips), lineRule=rule)
    # firstLineChars is what Word's “2 字符” means; firstLine is the same in twips for readers
    # (older Word, LibreOffice) that only know absolute indents. Written as 0 too, since the
    # styles derive from Normal, which is indented.
    child(ppr, "ind", PPR_SEQ, firstLineChars=str(spec.indent_chars * 100),
          firstLine=str(round(spec.indent_chars * spec.size * TWIPS_PER_PT)))
    child(ppr, "jc", PPR_SEQ, val=spec.align)


def _document_defaults(doc: Document, fonts: FontSet) -> None:
    """docDefaults: Chinese language and the body font for text outside any of our styles."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        return
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if rpr is not None:
        set_fonts(rpr, fonts.family("body"))
        set_lang(rpr)
    ppr = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}")
    if ppr is not None:
        child(ppr, "spacing", PPR_SEQ, after="0", line="240", lineRule="auto")


#: Word 2013 and later: without it Word opens the file in 兼容模式 (compatibility mode).
COMPATIBILITY_MODE = "15"


def write_settings(doc: Document) -> None:
    """settings.xml: Word 2013+ layout, punctuation compression and the Chinese kinsoku
    lists — the same line-start/line-end sets the page composer uses (layout/cjk.py)."""
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
    after.set(qn("w:val"), NO_END)
    before = OxmlElement("w:noLineBreaksBefore")
    before.set(qn("w:lang"), "zh-CN")
    before.set(qn("w:val"), NO_START)
    csc.addnext(after)
    after.addnext(before)
    preview = settings.find(qn("w:savePreviewPicture"))
    if preview is not None:
        settings.remove(preview)
    tfl = settings.find(qn("w:themeFontLang"))
    if tfl is not None:
        tfl.set(qn("w:eastAsia"), "zh-CN")
    compat = settings.find(qn("w:compat"))
    if compat is not None:
        for cs in compat.findall(qn("w:compatSetting")):
            if cs.get(qn("w:name")) == "compatibilityMode":
                cs.set(qn("w:val"), COMPATIBILITY_MODE)

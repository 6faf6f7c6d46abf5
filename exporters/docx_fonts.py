"""Which fonts the DOCX names, and how it describes them to the reader's Word (DESIGN §8).

A DOCX carries font *names*, not fonts: it is read on Windows PCs with Word or WPS, which
have 宋体/黑体/楷体/仿宋 but rarely the bulletin's own faces. So the default font set names those;
a newsroom that licenses Founder faces picks 方正; 与 PDF 相同 names the bulletin's own fonts
(for a PC that has them). Each named face gets a font-table entry with its alternate
(English) name, character set and PANOSE class, which Word uses to find the face under its
other name or to substitute a face of the same class instead of a Latin default.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from exporters.docx_xml import FONT_SEQ, DocxExportError, child
from layout.fonts import ROLES, SERIF_ROLES, default_sans_path, default_serif_path
from model.document import Bulletin

#: Font set keys, as the CLI takes them (``--docx-fonts``), in the export dialog's order.
FONT_SETS = ("common", "founder", "pdf")
DEFAULT_FONT_SET = "common"


@dataclass(frozen=True)
class Face:
    """A font as Word's font table describes it."""

    name: str  # the name Chinese Windows lists it under
    alt: str = ""  # its other (English) name
    panose: str = ""  # 10 PANOSE bytes as hex; "" when unknown
    charset: str = "86"  # GB2312
    family: str = "auto"  # roman / swiss / modern / auto
    pitch: str = "variable"


# PANOSE of the Windows faces: Song is a serif text face (02 01 06 00 …), Hei/Kai/FangSong
# are cut monospaced (02 01 06 09 …), exactly as Word writes them into its own font tables.
_SONG = "02010600030101010101"
_MONO = "02010609060101010101"

SONG = Face("宋体", "SimSun", _SONG)
HEI = Face("黑体", "SimHei", _MONO, family="modern", pitch="fixed")
KAI = Face("楷体", "KaiTi", _MONO, family="modern", pitch="fixed")
FANGSONG = Face("仿宋", "FangSong", _MONO, family="modern", pitch="fixed")
FZ_SHUSONG = Face("方正书宋_GBK", "FZShuSong-Z01", _SONG)
FZ_HEI = Face("方正黑体_GBK", "FZHei-B01", _MONO, family="modern", pitch="fixed")
FZ_XBS = Face("方正小标宋_GBK", "FZXiaoBiaoSong-B05", _SONG)
FZ_KAI = Face("方正楷体_GBK", "FZKai-Z03", _MONO, family="modern", pitch="fixed")
FZ_FANGSONG = Face("方正仿宋_GBK", "FZFangSong-Z02", _MONO, family="modern", pitch="fixed")

#: Face per font role in each named set, as a Chinese newspaper uses them: Song for running
#: text, Hei for names, labels and lead sentences, Kai for kickers and subtitles, FangSong
#: for a person's titles; Founder's 小标宋 for the headline and the banner.
_SETS: dict[str, dict[str, Face]] = {
    "common": {
        "title": HEI, "subtitle": KAI, "kicker": KAI, "heading": HEI, "body": SONG, "lead": HEI,
        "name": HEI, "title_line": FANGSONG, "caption": KAI, "label": HEI, "banner": HEI,
    },
    "founder": {
        "title": FZ_XBS, "subtitle": FZ_KAI, "kicker": FZ_KAI, "heading": FZ_HEI, "body": FZ_SHUSONG,
        "lead": FZ_HEI, "name": FZ_HEI, "title_line": FZ_FANGSONG, "caption": FZ_KAI, "label": FZ_HEI,
        "banner": FZ_XBS,
    },
}
assert all(set(faces) == set(ROLES) for faces in _SETS.values())


def set_label(key: str) -> str:
    """The set's name in the export dialog."""
    return {"common": "常用字体（宋体、黑体、楷体、仿宋）", "founder": "方正字体",
            "pdf": "与 PDF 相同"}[key]


@lru_cache(maxsize=64)
def _face_from_file(path: str) -> Face:
    """The family name Word and fontconfig know a font file by (name ID 16, else 1), and
    its PANOSE class.

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
    best: tuple[int, str] | None = None
    chinese = ""
    for rec in font["name"].names:
        if rec.nameID not in (1, 16):
            continue
        try:
            text = rec.toUnicode().strip()
        except Exception:
            continue
        if not text:
            continue
        english = rec.platformID == 3 and rec.langID == 0x409 or rec.platformID == 1 and rec.langID == 0
        if rec.platformID == 3 and rec.langID == 0x804:
            chinese = chinese or text
        rank = (0 if rec.nameID == 16 else 2) + (0 if english else 1)
        if best is None or rank < best[0]:
            best = (rank, text)
    if best is None:
        raise DocxExportError(f"font file {path}: it has no family name")
    panose = ""
    try:
        p = font["OS/2"].panose
        panose = "".join(f"{v:02X}" for v in (p.bFamilyType, p.bSerifStyle, p.bWeight, p.bProportion, p.bContrast,
                                              p.bStrokeVariation, p.bArmStyle, p.bLetterForm, p.bMidline,
                                              p.bXHeight))
    except Exception:  # noqa: BLE001 - no OS/2 table: Word does without PANOSE
        pass
    return Face(best[1], chinese if chinese != best[1] else "", panose, family="auto")


def family_from_font_file(path: str) -> str:
    return _face_from_file(path).name


def _own_face(bulletin: Bulletin, role: str) -> Face:
    """The bulletin's own font for a role (as the PDF uses it), by name."""
    spec = (bulletin.fonts.get(role) or "").strip()
    if not spec:
        path = default_serif_path() if role in SERIF_ROLES else default_sans_path()
        try:
            return _face_from_file(path)
        except DocxExportError:
            return Face("Noto Serif SC" if role in SERIF_ROLES else "Noto Sans SC")
    if any(ord(c) < 32 or c == "\x7f" for c in spec):  # cannot be a file or family name, nor XML
        raise DocxExportError(f"fonts.{role}: the font {spec[:80]!r} contains control characters (NUL …)")
    path = spec.split("#", 1)[0]
    if os.sep in path or "/" in path or path.lower().endswith((".ttf", ".otf", ".ttc", ".otc")):
        if os.path.isfile(path):
            try:
                return _face_from_file(path)
            except DocxExportError as exc:
                raise DocxExportError(f"fonts.{role}: {exc}") from None
        # A path from another computer: the file name is the best guess at the family.
        return Face(os.path.splitext(os.path.basename(path))[0])
    return Face(spec)


class FontSet:
    """The faces one export names, role by role, and the font table that describes them."""

    def __init__(self, bulletin: Bulletin, key: str = DEFAULT_FONT_SET) -> None:
        if key not in FONT_SETS:
            raise DocxExportError(f"unknown DOCX font set {key!r}: expected one of {', '.join(FONT_SETS)}")
        self.key = key
        self.faces = {role: (_SETS[key][role] if key in _SETS else _own_face(bulletin, role)) for role in ROLES}

    def family(self, role: str) -> str:
        return (self.faces.get(role) or self.faces["body"]).name

    def write_table(self, doc: Document) -> None:
        """Put an entry for every face this set names into word/fontTable.xml."""
        found = _font_table(doc)
        if found is None:
            return
        part, fonts = found
        seen: set[str] = set()
        for face in self.faces.values():
            if face.name in seen:
                continue
            seen.add(face.name)
            for old in fonts.findall(qn("w:font")):
                if old.get(qn("w:name")) == face.name:
                    fonts.remove(old)
            el = OxmlElement("w:font")
            el.set(qn("w:name"), face.name)
            if face.alt:
                child(el, "altName", FONT_SEQ, val=face.alt)
            if face.panose:
                child(el, "panose1", FONT_SEQ, val=face.panose)
            child(el, "charset", FONT_SEQ, val=face.charset)
            child(el, "family", FONT_SEQ, val=face.family)
            child(el, "pitch", FONT_SEQ, val=face.pitch)
            fonts.append(el)
        part._blob = etree.tostring(fonts, xml_declaration=True, encoding="UTF-8", standalone=True)


def _font_table(doc: Document):
    """(part, parsed w:fonts) of the template's font table: python-docx keeps that part as
    opaque bytes, so it is parsed here and its bytes replaced when done."""
    for rel in doc.part.rels.values():
        if rel.reltype == RT.FONT_TABLE:
            part = rel.target_part
            return part, etree.fromstring(part.blob)
    return None

"""PDF/X: the file declares which press it was made for, so a printing plant's preflight passes.

PDF/X-1a:2001 (ISO 15930-1; the default for CMYK and grey): PDF 1.3 header; only DeviceCMYK /
DeviceGray colour; fonts embedded; no transparency; every page has a TrimBox inside its
BleedBox inside its MediaBox; the Info dictionary has Title, CreationDate, ModDate, Trapped
(True or False, never Unknown), GTS_PDFXVersion "PDF/X-1:2001" and GTS_PDFXConformance
"PDF/X-1a:2001"; the trailer has an ID; the catalog has exactly one OutputIntent with
/S /GTS_PDFX naming the printing condition (a registered characterization such as IFRA26 or
FOGRA39, or an embedded ICC output profile).

PDF/X-4 (ISO 15930-7; when the user gives the printer's ICC profile): PDF 1.6, the profile
embedded as the OutputIntent's DestOutputProfile, and XMP metadata identifying the file
(pdfxid:GTS_PDFXVersion, dates, document and version IDs, rendition class).

The file's identity: CreationDate/ModDate are the export time unless the output must be
reproducible (then a fixed or SOURCE_DATE_EPOCH time), and the trailer ID is a digest of
the file's content — any change of content, colour mode, bleed or date gives a new ID.

Also here, as they are about the document as a whole: its streams' final filters
(:func:`finish_streams`) and the overprint graphics states its pages name
(:func:`overprint_states`). Everything is set on one document's objects; nothing of reportlab's
own (classes, module settings) is changed.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from datetime import UTC, datetime

from exporters.separation import PrintingCondition

FLAVOURS = ("x1a", "x4", "none")
FLAVOUR_NAMES = {"x1a": "PDF/X-1a:2001", "x4": "PDF/X-4", "none": "PDF 1.6"}
#: the fixed time of a reproducible file without SOURCE_DATE_EPOCH
EPOCH_2000 = datetime(2000, 1, 1, tzinfo=UTC)


class PdfXError(ValueError):
    """The requested PDF/X flavour cannot be made with these settings."""


def pdf_version(flavour: str) -> tuple[int, int]:
    return (1, 3) if flavour == "x1a" else (1, 6)


def pdf_date(when: datetime) -> str:
    """``D:YYYYMMDDHHmmSS+hh'mm'`` (PDF 1.3 §3.8.2), in the time's own offset."""
    off = when.utcoffset()
    minutes = int(off.total_seconds() // 60) if off is not None else 0
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return when.strftime("D:%Y%m%d%H%M%S") + f"{sign}{minutes // 60:02d}'{minutes % 60:02d}'"


def _xmp_date(when: datetime) -> str:
    if when.utcoffset() is None:
        when = when.replace(tzinfo=UTC)
    return when.isoformat(timespec="seconds")


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def xmp_packet(*, title: str, author: str, creator: str, producer: str, when: datetime, flavour: str,
               doc_id: str, trapped: bool) -> bytes:
    """The XMP metadata PDF/X-4 requires (and any reader shows)."""
    version = "PDF/X-4" if flavour == "x4" else ""
    d = _xmp_date(when)
    pdfx = f'\n   <pdfxid:GTS_PDFXVersion>{version}</pdfxid:GTS_PDFXVersion>' if version else ""
    text = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{_esc(title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{_esc(author)}</rdf:li></rdf:Seq></dc:creator>
   <xmp:CreateDate>{d}</xmp:CreateDate>
   <xmp:ModifyDate>{d}</xmp:ModifyDate>
   <xmp:MetadataDate>{d}</xmp:MetadataDate>
   <xmp:CreatorTool>{_esc(creator)}</xmp:CreatorTool>
   <pdf:Producer>{_esc(producer)}</pdf:Producer>
   <pdf:Trapped>{'True' if trapped else 'False'}</pdf:Trapped>
   <xmpMM:DocumentID>uuid:{doc_id}</xmpMM:DocumentID>
   <xmpMM:InstanceID>uuid:{doc_id}</xmpMM:InstanceID>
   <xmpMM:VersionID>1</xmpMM:VersionID>
   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>{pdfx}
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    return text.encode("utf-8")


def declare(canvas, *, flavour: str, condition: PrintingCondition | None, when: datetime,  # type: ignore[no-untyped-def]
            metadata: dict[str, str], icc: bytes | None, screen_only: bool, trapped: bool = False) -> None:
    """Give the canvas's document its Info dictionary, OutputIntent and (PDF/X-4) XMP.

    Called before the pages are drawn; everything here is per document (reportlab's classes
    are used as they are, nothing of theirs is changed)."""
    from reportlab.pdfbase import pdfdoc

    doc = canvas._doc
    if flavour not in FLAVOURS:
        raise PdfXError(f"unknown PDF/X flavour {flavour!r}: expected one of {', '.join(FLAVOURS)}")
    if flavour != "none" and condition is None:
        raise PdfXError(f"{FLAVOUR_NAMES[flavour]} needs a printing condition")
    if flavour == "x4" and not icc:
        raise PdfXError("PDF/X-4 needs the printer's ICC output profile")
    info = _Info()
    info.title = metadata.get("title") or "untitled"
    info.author = metadata.get("author", "")
    info.subject = metadata.get("subject", "")
    info.keywords = metadata.get("keywords", "")
    info.creator = metadata.get("creator", "会刊编辑器 Bulletin editor")
    info.producer = metadata.get("producer", "会刊编辑器 Bulletin editor (reportlab)")
    if screen_only:
        # the RGB export says what it is for, where a plant's preflight and a reader look
        info.subject = (info.subject + " " if info.subject else "") + "仅供屏幕阅读，不能印刷 (for screen only, not for print)"
        info.keywords = (info.keywords + " " if info.keywords else "") + "screen-only RGB"
    info.when = when
    info.trapped = "True" if trapped else "False"
    info.pdfx = flavour
    doc.info = info
    if flavour == "none" or condition is None:
        return
    intent: dict[str, object] = {
        "Type": pdfdoc.PDFName("OutputIntent"),
        "S": pdfdoc.PDFName("GTS_PDFX"),
        "OutputConditionIdentifier": pdfdoc.PDFString(condition.identifier),
        "OutputCondition": pdfdoc.PDFString(condition.name),
        "Info": pdfdoc.PDFString(condition.info),
    }
    if condition.registry:
        intent["RegistryName"] = pdfdoc.PDFString(condition.registry)
    if icc:
        stream = pdfdoc.PDFStream(pdfdoc.PDFDictionary({"N": 4}), icc, filters=[pdfdoc.PDFZCompress])
        intent["DestOutputProfile"] = doc.Reference(stream)
    cat = doc.Catalog
    cat.OutputIntents = pdfdoc.PDFArray([pdfdoc.PDFDictionary(intent)])
    cat.__NoDefault__ = [*type(cat).__NoDefault__, "OutputIntents"]
    if flavour == "x4":
        seed = hashlib.sha256(f"{info.title}\0{when.isoformat()}".encode()).hexdigest()
        doc_id = f"{seed[:8]}-{seed[8:12]}-{seed[12:16]}-{seed[16:20]}-{seed[20:32]}"
        packet = xmp_packet(title=info.title, author=info.author, creator=info.creator, producer=info.producer,
                            when=when, flavour=flavour, doc_id=doc_id, trapped=trapped)
        meta = pdfdoc.PDFStream(pdfdoc.PDFDictionary({"Type": pdfdoc.PDFName("Metadata"),
                                                      "Subtype": pdfdoc.PDFName("XML")}), packet, filters=[])
        cat.Metadata = meta


def _info_class():  # type: ignore[no-untyped-def]
    from reportlab.pdfbase import pdfdoc

    class Info(pdfdoc.PDFInfo):
        """The Info dictionary with the export's own dates and the PDF/X keys."""

        when: datetime = EPOCH_2000
        pdfx = "none"

        def format(self, document):  # type: ignore[no-untyped-def]
            date = pdfdoc.PDFString(pdf_date(self.when))
            d: dict[str, object] = {
                "Title": pdfdoc.PDFString(self.title),
                "Author": pdfdoc.PDFString(self.author),
                "Subject": pdfdoc.PDFString(self.subject),
                "Creator": pdfdoc.PDFString(self.creator),
                "Producer": pdfdoc.PDFString(self.producer),
                "CreationDate": date,
                "ModDate": date,
                "Trapped": pdfdoc.PDFName(self.trapped),
            }
            if self.keywords:
                d["Keywords"] = pdfdoc.PDFString(self.keywords)
            if self.pdfx == "x1a":
                d["GTS_PDFXVersion"] = pdfdoc.PDFString("PDF/X-1:2001")
                d["GTS_PDFXConformance"] = pdfdoc.PDFString("PDF/X-1a:2001")
            elif self.pdfx == "x4":
                d["GTS_PDFXVersion"] = pdfdoc.PDFString("PDF/X-4")
            return pdfdoc.PDFDictionary(d).format(document)

    return Info


_INFO = None


def _Info():  # type: ignore[no-untyped-def]  # noqa: N802 - a class, made on first use (lazy reportlab)
    global _INFO
    if _INFO is None:
        _INFO = _info_class()
    return _INFO()


_TRAILER_ID = re.compile(rb"/ID\s*\n?\[<([0-9a-fA-F]+)><([0-9a-fA-F]+)>\]")


def stamp_id(data: bytes) -> bytes:
    """The trailer's document ID replaced by a digest of everything before the trailer (the
    ID lies after the cross-reference table, so no offset moves)."""
    at = data.rfind(b"trailer")
    if at < 0:
        return data
    m = _TRAILER_ID.search(data, at)
    if m is None:
        return data
    view = memoryview(data)  # no copies of a file that may be hundreds of MB
    digest = hashlib.md5(view[:at], usedforsecurity=False).hexdigest().encode()
    return b"".join((view[: m.start()], b"/ID \n[<", digest, b"><", digest, b">]", view[m.end():]))


#: how far from the end of a file the trailer is looked for by ``stamped``
_TAIL = 1 << 16


def stamped(buf) -> bytes:  # type: ignore[no-untyped-def]
    """``stamp_id(buf.getvalue())`` for a file written into ``buf`` (a BytesIO), with one copy
    of the file fewer: the new ID, as long as reportlab's, is written into the buffer itself
    (a 24-page issue's PDF is 44 MB)."""
    new = None
    view = buf.getbuffer()
    try:
        start = max(0, len(view) - _TAIL)
        tail = bytes(view[start:])
        at = tail.rfind(b"trailer")
        m = _TRAILER_ID.search(tail, at) if at >= 0 else None
        if m is not None:
            digest = hashlib.md5(view[:start + at], usedforsecurity=False).hexdigest().encode()
            new = b"/ID \n[<" + digest + b"><" + digest + b">]"
            if len(new) == m.end() - m.start():
                view[start + m.start():start + m.end()] = new
            else:
                new = None
    finally:
        view.release()
    return buf.getvalue() if new is not None else stamp_id(buf.getvalue())


# --------------------------------------------------------------------------------------------
# Streams of one document


class _Flate1:
    """FlateDecode at zlib level 1 rather than reportlab's 6, given to this document's own
    streams (page contents, font files, ToUnicode maps): a quarter of the save time, for a file
    < 1 % larger (pictures, already compressed, are most of it). Binary, never ASCII85."""

    pdfname = "FlateDecode"

    def encode(self, text: str | bytes) -> bytes:
        return zlib.compress(text.encode("utf8") if isinstance(text, str) else text, 1)


_FLATE1 = _Flate1()
_ASTRAL_HEX = re.compile(r"<([0-9A-Fa-f]{5,6})>")


def _utf16_hex(m: re.Match[str]) -> str:
    v = int(m.group(1), 16)
    if v <= 0xFFFF:
        return m.group(0)
    hi = 0xD800 + ((v - 0x10000) >> 10)
    lo = 0xDC00 + ((v - 0x10000) & 0x3FF)
    return f"<{hi:04X}{lo:04X}>"


def finish_streams(canvas) -> None:  # type: ignore[no-untyped-def]
    """Before saving: make this document's font objects and page streams now, and give every
    stream the level-1 Flate filter. ToUnicode maps: reportlab writes code points above U+FFFF
    as five hex digits, which readers reject; they are written as UTF-16 surrogate pairs so that
    copied 𠮷 stays 𠮷. Only this document's objects are touched, nothing of reportlab's."""
    from reportlab.pdfbase import pdfdoc

    doc = canvas._doc
    for font in doc.delayedFonts:
        font.addObjects(doc)
    doc.delayedFonts = []
    for page in doc.Pages.pages:
        if not page.Contents and page.stream:
            stream = pdfdoc.PDFStream(content=page.stream, filters=[_FLATE1])
            stream.__Comment__ = "page stream"
            page.Contents = stream
    for key, obj in doc.idToObject.items():
        if isinstance(obj, pdfdoc.PDFStream) and obj.filters:
            if isinstance(key, str) and key.startswith("toUnicodeCMap:") and isinstance(obj.content, str):
                obj.content = _ASTRAL_HEX.sub(_utf16_hex, obj.content)
            obj.filters = [_FLATE1]


GS_OVERPRINT = "GSop"  # fill and stroke overprint, nonzero overprint mode
GS_OVERPRINT_STROKE = "GSOP"  # the stroke only (a black frame around a tinted box)


def overprint_states():  # type: ignore[no-untyped-def]
    from reportlab.pdfbase.pdfdoc import PDFDictionary

    def gs(stroke: bool, fill: bool):  # type: ignore[no-untyped-def]
        return PDFDictionary({"Type": "/ExtGState", "OP": "true" if stroke else "false",
                              "op": "true" if fill else "false", "OPM": 1})

    return PDFDictionary({GS_OVERPRINT: gs(True, True), GS_OVERPRINT_STROKE: gs(True, False)})

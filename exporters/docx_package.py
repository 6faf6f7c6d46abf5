"""The DOCX package: honest document properties and a deterministic zip.

The properties are what Windows Explorer, Word's 信息 pane and a document management system
show: this product's name, the real page count and character counts, the bulletin's title,
subject and author, and real dates — or, for reproducible builds, SOURCE_DATE_EPOCH.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Iterable
from datetime import UTC, datetime
from xml.sax.saxutils import escape

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.pkgwriter import _ContentTypesItem

from exporters.docx_xml import one_line
from model.document import Bulletin

#: The name every export writes as its producer (the PDF's Creator says the same).
APPLICATION = "会刊编辑器 Bulletin editor"
#: Zip member time used when the package is written (the same bulletin gives the same bytes).
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_SPACE = re.compile(r"\s")
_HAN_ETC = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


def export_time(timestamp: datetime | None = None) -> datetime:
    """The creation/modification time to record: ``timestamp`` if given, else
    SOURCE_DATE_EPOCH (reproducible builds), else now; whole seconds, UTC."""
    if timestamp is not None:
        return timestamp.astimezone(UTC).replace(microsecond=0) if timestamp.tzinfo else timestamp
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), UTC)
        except (ValueError, OverflowError, OSError):
            pass  # a malformed value is ignored, as other reproducible-build tools do
    return datetime.now(UTC).replace(microsecond=0)


def core_properties(doc: Document, bulletin: Bulletin, when: datetime) -> None:
    cp = doc.core_properties
    first_title = next((p.headline.title for p in bulletin.pages if p.headline and p.headline.title), "")
    cp.title = one_line(bulletin.issue_title or first_title)
    cp.author = one_line(bulletin.publication)
    # core properties hold at most 255 characters each (python-docx refuses more): metadata only
    cp.subject = "　".join(one_line(t) for t in (bulletin.publication, bulletin.edition, bulletin.date) if t)[:255]
    cp.keywords = one_line(bulletin.edition)
    cp.comments = ""
    cp.category = ""
    cp.last_modified_by = one_line(bulletin.publication)
    cp.language = "zh-CN"
    cp.revision = 1
    cp.created = when
    cp.modified = when
    printed = cp._element.find("{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
                               "lastPrinted")
    if printed is not None:  # the template's; this document was never printed
        cp._element.remove(printed)


def _app_version() -> str:
    """This product's version as Office's AppVersion pattern wants it (NN.NNNN)."""
    try:
        from importlib.metadata import version

        parts = [int(x) for x in re.findall(r"\d+", version("bulletin-editor"))[:2]] + [0, 0]
    except Exception:  # noqa: BLE001 - running from a source tree without metadata
        parts = [0, 0]
    return f"{min(parts[0], 99):02d}.{min(parts[1], 9999):04d}"


def app_properties(doc: Document, bulletin: Bulletin, pages: int, texts: Iterable[str], paragraphs: int) -> None:
    """docProps/app.xml: application, page count, word and character counts."""
    chars = words = with_spaces = 0
    for text in texts:
        with_spaces += len(text)
        nonspace = _SPACE.sub("", text)
        chars += len(nonspace)
        # Word counts each Chinese character as a word, and runs of other letters as one
        han = len(_HAN_ETC.findall(nonspace))
        words += han + len(re.findall(r"[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+", text))
    title = one_line(bulletin.issue_title or bulletin.publication)
    xml = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        "<Template>Normal.dotm</Template><TotalTime>0</TotalTime>"
        f"<Pages>{pages}</Pages><Words>{words}</Words><Characters>{chars}</Characters>"
        f"<Application>{escape(APPLICATION)}</Application><DocSecurity>0</DocSecurity>"
        f"<Paragraphs>{paragraphs}</Paragraphs><ScaleCrop>false</ScaleCrop>"
        '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>标题</vt:lpstr></vt:variant>'
        "<vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs>"
        f'<TitlesOfParts><vt:vector size="1" baseType="lpstr"><vt:lpstr>{escape(title)}</vt:lpstr></vt:vector>'
        f"</TitlesOfParts><Company>{escape(one_line(bulletin.publication))}</Company>"
        f"<LinksUpToDate>false</LinksUpToDate><CharactersWithSpaces>{with_spaces}</CharactersWithSpaces>"
        "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
        f"<AppVersion>{_app_version()}</AppVersion></Properties>"
    )
    for rel in doc.part.package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = xml.encode("utf-8")


def drop_template_leftovers(doc: Document) -> None:
    """Parts of python-docx's template that would misinform: its thumbnail (an empty page, which
    a file browser would show) and its Word 2010 stylesWithEffects copy of the styles (Word 2010
    reads that copy instead of ours)."""
    pkg = doc.part.package
    for rId, rel in list(pkg.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del pkg.rels[rId]
    for rId, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            del doc.part.rels[rId]


def package_bytes(doc: Document) -> bytes:
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

"""The parts of a Word file around its body text: what they hold is imported or named, never lost.

``importers.docx_reader`` reads the paragraphs of ``word/document.xml``. A submission can hold
text elsewhere, and losing it silently is the worst thing an importer can do:

- footnotes and endnotes: their text is offered as body text at the end (注1：…), with a note;
- hidden text (``w:vanish``): skipped — it is not printed in Word either — with a note;
- embedded parts (``w:altChunk``, e.g. HTML pasted by a web editor): HTML and plain-text parts
  are read as body text at the end, others are named;
- page headers and footers, comments (批注), embedded objects and macros: named in the report.

Also here: a size limit for every XML part (a 38 MB styles part took the import to 1.8 GB), the
reading of Strict Open XML (Word's "Strict Open XML Document": the same markup under other
namespace names, refused before as a damaged file), and lxml's own words kept out of refusals.
"""

from __future__ import annotations

import html.parser
import re
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from importers.errors import SubmissionError
from importers.lines import SourceLine, clean

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"

MB = 1024 * 1024
#: The largest each XML part may be (uncompressed). Parsed XML takes 10–40× its size in memory;
#: a real submission's document.xml is well under 2 MB, its styles under 1 MB.
PART_LIMITS = {"word/document.xml": 24 * MB, "word/styles.xml": 4 * MB, "word/numbering.xml": 4 * MB,
               "word/stylesWithEffects.xml": 4 * MB, "word/fontTable.xml": 2 * MB, "word/settings.xml": 2 * MB,
               "[Content_Types].xml": 1 * MB}
OTHER_XML_LIMIT = 8 * MB
#: an embedded HTML or text part (altChunk) read as text
CHUNK_LIMIT = 8 * MB

_STRICT = re.compile(rb"http://purl\.oclc\.org/ooxml/([A-Za-z]+)/")
_NOTE_SKIP = {"separator", "continuationSeparator", "continuationNotice"}

Notes = list[tuple[int | None, str]]


def part_limit(name: str) -> int | None:
    """The size limit of part ``name``, or None for parts that are not XML (pictures …)."""
    if name in PART_LIMITS:
        return PART_LIMITS[name]
    if name.endswith((".xml", ".rels")):
        return OTHER_XML_LIMIT
    return None


def part_size_problem(infos: list[zipfile.ZipInfo]) -> str | None:
    for info in infos:
        limit = part_limit(info.filename)
        if limit is not None and info.file_size > limit:
            return (f"the part {info.filename} is {info.file_size / 1e6:.0f} MB, more than the "
                    f"{limit // MB} MB a Word file's part may hold here; copy the text into a new Word "
                    "document and import that")
    return None


def is_hidden(run) -> bool:
    """A run formatted as hidden text (w:vanish): Word neither shows nor prints it."""
    rpr = run.find(f"{W}rPr")
    if rpr is None:
        return False
    v = rpr.find(f"{W}vanish")
    return v is not None and v.get(f"{W}val", "true").lower() not in ("0", "false", "off")


def _safe_parser():
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def plain_xml_problem(problem: str) -> str:
    """A refusal without lxml's internals ("use XML_PARSE_HUGE option", line/column of libxml2)."""
    if "XML_PARSE_HUGE" in problem or "huge text node" in problem or "Huge input lookup" in problem:
        return ("damaged Word file: one piece of its text is far too long (more than 10 MB without a break); "
                "not a submission")
    m = re.match(r"damaged Word file: (?:XMLSyntaxError|ParseError|ValueError): (.*)", problem, re.S)
    if m:
        where = re.search(r"line (\d+)", m.group(1))
        return "damaged Word file: its text is not well-formed XML" + (f" (at line {where.group(1)})" if where else "")
    return problem


# ------------------------------------------------------------------------------ Strict Open XML


def is_strict(zf: zipfile.ZipFile) -> bool:
    try:
        rels = zf.read("_rels/.rels") if zf.getinfo("_rels/.rels").file_size < MB else b""
    except KeyError:
        return False
    return b"purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" in rels


def transitional_copy(path: Path, zf: zipfile.ZipFile, folder: Path) -> Path:
    """A copy of a Strict Open XML package with the usual (transitional) namespace names, under
    the same file name, so the reader and its messages see an ordinary .docx."""
    out = folder / path.name
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in zf.infolist():
            data = zf.read(info.filename)
            if part_limit(info.filename) is not None:
                data = _STRICT.sub(rb"http://schemas.openxmlformats.org/\1/2006/", data)
            dst.writestr(info.filename, data)
    return out


# ------------------------------------------------------------------------------ the whole file


def read_whole(path: Path, read_body: Callable[[Path], tuple[list[SourceLine], Notes]]) -> tuple[list[SourceLine], Notes]:
    """``read_body`` (the paragraphs of the body) plus everything around them (see the module)."""
    source = path.name
    try:
        with zipfile.ZipFile(path) as zf:
            problem = part_size_problem(zf.infolist())
            strict = is_strict(zf)
    except Exception:  # noqa: BLE001 - not a zip, or a damaged one: the body reader says which
        return _read_body(read_body, path, source)
    if problem:
        raise SubmissionError(source, problem)
    with tempfile.TemporaryDirectory(prefix="bulletin-strict-") as tmp:
        readable = path
        if strict:
            try:
                with zipfile.ZipFile(path) as zf:
                    readable = transitional_copy(path, zf, Path(tmp))
            except Exception:  # noqa: BLE001 - a damaged part: the body reader names it
                readable = path
        lines, notes = _read_body(read_body, readable, source)  # checks the whole package first
        try:
            with zipfile.ZipFile(readable) as rz:
                more_lines, more_notes = _around_the_body(rz, max((ln.number for ln in lines), default=0))
        except Exception:  # noqa: BLE001 - the body is read; a side part that breaks now is named
            more_lines, more_notes = [], [(None, "some parts around the text (notes, headers) could not be read")]
    if strict:
        notes.append((None, "saved as Strict Open XML: read like an ordinary Word file; check the text"))
    return lines + more_lines, notes + more_notes


def _read_body(read_body, path: Path, source: str) -> tuple[list[SourceLine], Notes]:
    try:
        return read_body(path)
    except SubmissionError as exc:
        raise SubmissionError(exc.source, plain_xml_problem(exc.problem)) from None


def _parse(zf: zipfile.ZipFile, name: str):
    """The root of XML part ``name`` (its size is checked already), or None when absent or broken."""
    from lxml import etree

    try:
        return etree.fromstring(zf.read(name), _safe_parser())
    except KeyError:
        return None
    except Exception:  # noqa: BLE001 - a broken side part is named, the body is still read
        return None


def _paragraph_texts(el) -> list[str]:
    out = []
    for p in el.iter(f"{W}p"):
        text = "".join(t.text or "" for r in p.iter(f"{W}r") if not is_hidden(r)
                       and not any(a.tag == f"{W}del" for a in r.iterancestors()) for t in r.iter(f"{W}t"))
        if clean(text):
            out.append(clean(text))
    return out


def _short(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _around_the_body(zf: zipfile.ZipFile, last: int) -> tuple[list[SourceLine], Notes]:
    lines: list[SourceLine] = []
    notes: Notes = []
    number = last

    def add_body(text: str, note: str) -> None:
        nonlocal number
        number += 1
        lines.append(SourceLine("", number))  # a blank line: its own paragraph
        lines.append(SourceLine(text, number))
        notes.append((number, note))

    names = zf.namelist()
    hidden, chunks = _scan_document(zf)
    if hidden:
        shown = "; ".join(f"「{_short(t, 20)}」" for _, t in hidden[:3])
        notes.append((hidden[0][0], f"{len(hidden)} piece(s) of hidden text (not shown in Word) skipped: {shown}"))
    k = 0
    for part, tag, word in (("word/footnotes.xml", "footnote", "footnote"), ("word/endnotes.xml", "endnote", "endnote")):
        root = _parse(zf, part)
        if root is None:
            continue
        for note in root.iter(f"{W}{tag}"):
            if note.get(f"{W}type") in _NOTE_SKIP:
                continue
            text = " ".join(_paragraph_texts(note))
            if text:
                k += 1
                add_body(f"注{k}：{text}", f"{word} {k} kept as body text at the end (注{k}): check where it belongs")
    targets = _document_targets(zf)
    for at, rid in chunks:
        target = targets.get(rid, "")
        text = _chunk_text(zf, target)
        if text:
            for para in text:
                add_body(para, f"embedded part {target.rsplit('/', 1)[-1]} (altChunk) kept as body text at the end")
        else:
            notes.append((at, f"embedded part {target.rsplit('/', 1)[-1] or rid} (altChunk) not imported: "
                              "open the file in Word and save it again, or copy that text in"))
    for kind, pattern in (("page header", r"word/header\d*\.xml"), ("page footer", r"word/footer\d*\.xml")):
        texts = []
        for name in sorted(n for n in names if re.fullmatch(pattern, n)):
            root = _parse(zf, name)
            if root is not None:
                texts += _paragraph_texts(root)
        texts = list(dict.fromkeys(texts))
        if texts:
            notes.append((None, f"{kind} text not imported: {'; '.join('「' + _short(t) + '」' for t in texts[:3])}"))
    root = _parse(zf, "word/comments.xml")
    if root is not None:
        count = len(root.findall(f"{W}comment"))
        if count:
            notes.append((None, f"{count} comment(s) (批注) in the file not imported"))
    embedded = [n for n in names if n.startswith("word/embeddings/")]
    if embedded:
        notes.append((None, f"{len(embedded)} embedded object(s) (charts, spreadsheets, documents) not imported: "
                            + ", ".join(n.rsplit("/", 1)[-1] for n in embedded[:5])))
    if any(n.lower().endswith(("vbaproject.bin", "vbadata.xml")) for n in names):
        notes.append((None, "the file holds macros: they are neither run nor imported"))
    return lines, notes


def _scan_document(zf: zipfile.ZipFile) -> tuple[list[tuple[int, str]], list[tuple[int | None, str]]]:
    """(hidden runs as (paragraph, text), altChunks as (paragraph, relationship id)), streamed:
    paragraphs are numbered as the body reader numbers them (document order)."""
    from lxml import etree

    hidden: list[tuple[int, str]] = []
    chunks: list[tuple[int | None, str]] = []
    number = 0
    try:
        with zf.open("word/document.xml") as fh:
            for event, el in etree.iterparse(fh, events=("start", "end"), resolve_entities=False, no_network=True,
                                             load_dtd=False, huge_tree=False):
                if event == "start":
                    if el.tag == f"{W}p":
                        number += 1
                    continue
                if el.tag == f"{W}r":
                    if is_hidden(el):
                        text = "".join(t.text or "" for t in el.iter(f"{W}t"))
                        if text.strip():
                            hidden.append((number, text))
                    el.clear()
                elif el.tag == f"{W}altChunk":
                    chunks.append((number or None, el.get(f"{R}id") or ""))
    except Exception:  # noqa: BLE001 - the body reader reports a broken document part
        pass
    return hidden, chunks


def _document_targets(zf: zipfile.ZipFile) -> dict[str, str]:
    root = _parse(zf, "word/_rels/document.xml.rels")
    if root is None:
        return {}
    out = {}
    for rel in root.iter(f"{PKG_REL}Relationship"):
        target = rel.get("Target") or ""
        if rel.get("TargetMode") == "External":
            continue
        out[rel.get("Id") or ""] = target.lstrip("/") if target.startswith("/") else f"word/{target}"
    return out


class _HtmlText(html.parser.HTMLParser):
    """The paragraphs of an HTML part: text between block elements; script and style left out."""

    _BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paras: list[str] = []
        self._cur: list[str] = []
        self._skip = 0

    def _flush(self) -> None:
        text = clean(re.sub(r"\s+", " ", "".join(self._cur)))
        if text:
            self.paras.append(text)
        self._cur = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag in ("script", "style", "head", "title"):
            self._skip += 1
        elif tag in self._BLOCKS:
            self._flush()

    def handle_endtag(self, tag) -> None:
        if tag in ("script", "style", "head", "title"):
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCKS:
            self._flush()

    def handle_data(self, data) -> None:
        if not self._skip:
            self._cur.append(data)


def _chunk_text(zf: zipfile.ZipFile, name: str) -> list[str]:
    """The paragraphs of an HTML or plain-text altChunk part, or [] (other kinds are named)."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        return []
    if info.file_size > CHUNK_LIMIT or not name.lower().endswith((".htm", ".html", ".xhtml", ".txt")):
        return []
    raw = zf.read(name)
    text = None
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        return []
    if name.lower().endswith(".txt"):
        return [clean(t) for t in text.splitlines() if clean(t)]
    parser = _HtmlText()
    parser.feed(text)
    parser.close()
    parser._flush()
    return parser.paras

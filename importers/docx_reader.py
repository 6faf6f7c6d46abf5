"""A .docx submission → SourceLines: paragraph text, the bold it opens with, style, pictures.

python-docx opens the package; the paragraphs are walked in document order straight from the
XML (body, tables and text boxes alike) because python-docx's ``Document.paragraphs`` skips
tables and text boxes, where city offices like to put the chairperson's photo and caption.
Pictures are the package's media parts (``word/media/…``) referenced by ``a:blip`` or VML
``v:imagedata``; their bytes are validated later through ``ImageStore.add``.

Everything that can go wrong with a user's file — not a zip, a zip bomb, a missing
``word/document.xml``, broken XML — becomes a SubmissionError that says so.
"""

from __future__ import annotations

import lzma
import zipfile
import zlib
from pathlib import Path

from importers.docx_parts import is_hidden, read_whole
from importers.errors import SubmissionError
from importers.lines import SourceLine, clean

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
V = "{urn:schemas-microsoft-com:vml}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

MAX_UNCOMPRESSED = 400 * 1024 * 1024
MAX_RATIO = 200
MAX_XML = 64 * 1024 * 1024
MAX_PARAGRAPHS = 100_000


def _check_package(path: Path) -> None:
    """Refuse what python-docx would choke on or blow up with, naming the problem."""
    source = path.name
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            total = 0
            for info in infos:
                total += info.file_size
                if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                    raise SubmissionError(source, f"part {info.filename} expands more than {MAX_RATIO}×: "
                                                  "refusing a possible zip bomb")
                if info.compress_size > info.file_size * 1.1 + 4096:
                    # no compressor makes data that much longer: the size in the header lies, and
                    # reading the part (python-docx reads it in one call) would inflate it all
                    raise SubmissionError(source, f"damaged Word file: part {info.filename} holds more data "
                                                  f"({info.compress_size} bytes) than its size says ({info.file_size})")
            if total > MAX_UNCOMPRESSED:
                raise SubmissionError(source, f"expands to {total / 1e6:.0f} MB; at most "
                                              f"{MAX_UNCOMPRESSED // 1024 // 1024} MB allowed")
            for part in ("[Content_Types].xml", "word/document.xml"):
                if part not in names:
                    raise SubmissionError(source, f"damaged Word file: the part {part} is missing")
            if zf.getinfo("word/document.xml").file_size > MAX_XML:
                raise SubmissionError(source, "word/document.xml is larger than 64 MB")
            bad = zf.testzip()
            if bad is not None:
                raise SubmissionError(source, f"damaged Word file: part {bad} is corrupt")
    except zipfile.BadZipFile:
        with open(path, "rb") as fh:
            head = fh.read(8)
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise SubmissionError(source, "an old Word .doc file (or an encrypted .docx) named .docx; "
                                          "save it as .docx in Word or WPS") from None
        raise SubmissionError(source, "not a Word .docx file (it is not a zip archive)") from None
    except UnicodeDecodeError as exc:  # a part name flagged as UTF-8 that is not
        raise SubmissionError(source, f"damaged Word file: a part name is not valid UTF-8 "
                                      f"({bytes(exc.object[:60])!r})") from None
    except (zipfile.LargeZipFile, EOFError, NotImplementedError, zlib.error, RuntimeError, lzma.LZMAError) as exc:
        raise SubmissionError(source, f"damaged Word file ({exc})") from None
    except OSError as exc:
        if exc.errno is None:  # bz2 reports junk data as OSError("Invalid data stream")
            raise SubmissionError(source, f"damaged Word file ({exc})") from None
        raise SubmissionError(source, f"cannot read: {exc.strerror or exc}") from None


def _is_on(el) -> bool:
    """A w:b / w:bCs toggle is on unless w:val says 0/false/off."""
    return el is not None and el.get(f"{W}val", "true").lower() not in ("0", "false", "off")


class _Styles:
    """Paragraph style names and bold-ness of paragraph and character styles, by style id."""

    def __init__(self, document) -> None:
        self.names: dict[str, str] = {}
        self.bold: dict[str, bool] = {}
        self.based_on: dict[str, str] = {}
        try:
            root = document.styles.element
        except Exception:  # a package without styles.xml is still readable
            return
        for st in root.iter(f"{W}style"):
            sid = st.get(f"{W}styleId") or ""
            name = st.find(f"{W}name")
            self.names[sid] = name.get(f"{W}val") if name is not None else sid
            rpr = st.find(f"{W}rPr")
            b = rpr.find(f"{W}b") if rpr is not None else None
            if b is not None:
                self.bold[sid] = _is_on(b)
            based = st.find(f"{W}basedOn")
            if based is not None:
                self.based_on[sid] = based.get(f"{W}val") or ""

    def is_bold(self, sid: str) -> bool:
        seen = set()
        while sid and sid not in seen:
            seen.add(sid)
            if sid in self.bold:
                return self.bold[sid]
            sid = self.based_on.get(sid, "")
        return False


def _own(el, p) -> bool:
    """Is ``el`` part of paragraph ``p`` itself, not of a text box nested in it, nor a fallback copy?"""
    for anc in el.iterancestors():
        if anc is p:
            return True
        if anc.tag in (f"{W}p", f"{MC}Fallback"):
            return False
    return False


def _run_text(r) -> str:
    out = []
    for child in r:
        tag = child.tag
        if tag == f"{W}t":
            out.append(child.text or "")
        elif tag == f"{W}tab":
            out.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            out.append("\n")
        elif tag == f"{W}noBreakHyphen":
            out.append("-")
    return "".join(out)


def _read_paragraphs(path: Path) -> tuple[list[SourceLine], list[tuple[int | None, str]]]:
    """(lines, notes) of the body. Notes are (paragraph number, message) for the report."""
    _check_package(path)
    source = path.name
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError

        try:
            document = docx.Document(str(path))
        except PackageNotFoundError:
            raise SubmissionError(source, "not a Word document (no main document part)") from None
        body = document.element.body
        part = document.part
        if body is None:
            raise SubmissionError(source, "damaged Word file: word/document.xml has no <w:body> (no text at all)")
    except SubmissionError:
        raise
    except KeyError as exc:
        raise SubmissionError(source, f"damaged Word file: missing part {exc}") from None
    except Exception as exc:  # lxml / python-docx raise many types for broken XML
        raise SubmissionError(source, f"damaged Word file: {type(exc).__name__}: {exc}") from None

    styles = _Styles(document)
    cells = _table_cells(body)
    notes: list[tuple[int | None, str]] = []
    lines: list[SourceLine] = []
    used: set[str] = set()
    for number, p in enumerate(body.iter(f"{W}p"), 1):
        if number > MAX_PARAGRAPHS:
            raise SubmissionError(source, f"more than {MAX_PARAGRAPHS} paragraphs: not a submission")
        if any(a.tag == f"{MC}Fallback" for a in p.iterancestors()):
            continue  # the same text box again, for old Word versions
        ppr = p.find(f"{W}pPr")
        sid = ""
        if ppr is not None and ppr.find(f"{W}pStyle") is not None:
            sid = ppr.find(f"{W}pStyle").get(f"{W}val") or ""
        para_bold = styles.is_bold(sid)
        pieces: list[tuple[str, bool]] = []
        for r in p.iter(f"{W}r"):
            if not _own(r, p):
                continue
            if any(a.tag == f"{W}del" for a in r.iterancestors()) or is_hidden(r):
                continue  # tracked deletion, hidden text (noted by importers.docx_parts)
            text = _run_text(r)
            if not text:
                continue
            rpr = r.find(f"{W}rPr")
            bold = para_bold
            if rpr is not None:
                rs = rpr.find(f"{W}rStyle")
                if rs is not None and styles.is_bold(rs.get(f"{W}val") or ""):
                    bold = True
                b = rpr.find(f"{W}b")
                if b is not None:
                    bold = _is_on(b)
            pieces.append((text, bold))
        pictures: list[tuple[str, bytes]] = []
        refs = [b.get(f"{R}embed") for b in p.iter(f"{A}blip") if _own(b, p)]
        refs += [v.get(f"{R}id") for v in p.iter(f"{V}imagedata") if _own(v, p)]
        for rid in refs:
            if not rid:
                continue
            target = part.related_parts.get(rid)
            if target is None:
                notes.append((number, f"picture reference {rid} points to no part (linked, not embedded?)"))
                continue
            used.add(str(target.partname))
            pictures.append((str(target.partname).rsplit("/", 1)[-1], target.blob))
        full = "".join(t for t, _ in pieces)
        bold_lead = ""
        for t, b in pieces:
            if not b and t.strip():
                break
            bold_lead += t
        bold_all = bool(full.strip()) and all(b for t, b in pieces if t.strip())
        style_name = styles.names.get(sid, sid)
        sub = full.split("\n")
        for k, piece in enumerate(sub):
            line = SourceLine(clean(piece), number, style=style_name, bold_all=bold_all)
            if k == 0:
                line.bold_lead = bold_lead.split("\n")[0]
                line.pictures = pictures
            line.cell = cells.get(p)
            lines.append(line)
        if not sub:
            lines.append(SourceLine("", number, pictures=pictures))
    media = [n for n in _media_names(path) if f"/{n}" not in used]
    if media:
        notes.append((None, f"{len(media)} picture(s) in the file are not in the text (headers, unused): "
                            + ", ".join(m.rsplit('/', 1)[-1] for m in media[:5])))
    return lines, notes


def _table_cells(body) -> dict:
    """Paragraph element -> (table, row, column) for every paragraph in a top-level table, so
    the importer can set a table of figures as a table (a table nested in a cell is read as
    that cell's text)."""
    out: dict = {}
    tables = [t for t in body.iter(f"{W}tbl") if not any(a.tag == f"{W}tbl" for a in t.iterancestors())]
    for n, tbl in enumerate(tables):
        for r, tr in enumerate(tbl.findall(f"{W}tr")):
            for c, tc in enumerate(tr.findall(f"{W}tc")):
                for p in tc.iter(f"{W}p"):
                    out[p] = (n, r, c)
    return out


def _media_names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as zf:
        return sorted(n for n in zf.namelist() if n.startswith("word/media/"))


def read_docx(path: Path) -> tuple[list[SourceLine], list[tuple[int | None, str]]]:
    """(lines, notes): the body's paragraphs, then footnotes and other text around them
    (importers.docx_parts); Strict Open XML is read like the usual form."""
    return read_whole(path, _read_paragraphs)

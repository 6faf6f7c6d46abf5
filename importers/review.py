"""A submission read but not yet placed: its lines, what each became, and the user's corrections.

The review dialog shows every line of a city's file beside the role the importer gave it
(headline, name, title, unit, body, caption …). When the user corrects a role, the submission
is assembled again with that line forced (``overrides``) — the same rules place everything
else, so one click on "this line is the name" also moves the titles under it and ends the
wrong column. The user can also pick the portrait when the file has several pictures.

    sub = read_submission("西安.docx")
    result = sub.assemble()          # bulletin, report, one role per line
    sub.overrides[3] = "name"
    sub.portrait = (7, 0)            # the first picture of line 7
    result = sub.assemble()
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from importers.budget import check_text
from importers.decode import MAX_TEXT_BYTES, decode_text, read_limited, regular_file_size
from importers.errors import SubmissionError
from importers.lines import SourceLine, text_lines
from importers.report import FileCount, ImportReport
from importers.structure import Assembler, framed_portrait
from importers.tokens import FORCEABLE, tokenise
from model.document import Bulletin, ColumnBlock, ColumnPhoto
from model.images import ImageError

TEXT_SUFFIXES = (".txt", ".text", ".md")
DOCX_SUFFIXES = (".docx", ".docm")
MAX_FILE_BYTES = 300 * 1024 * 1024

#: Every role a line can end up with, for display (FORCEABLE are those the user can choose).
LINE_ROLES = ("banner", "kicker", "page_title", "subtitle", "headline", "unit", "name", "title", "body", "bullet",
         "label", "section_heading", "attribution", "caption", "picture", "table", "set_aside", "unclassified",
              "blank")
assert set(FORCEABLE) <= set(LINE_ROLES)


@dataclass
class Result:
    bulletin: Bulletin
    report: ImportReport
    roles: list[str]  # one per line of the submission
    #: id(column) -> index of the line that began it (the review's merge button names it)
    column_lines: dict[int, int] = field(default_factory=dict)


@dataclass
class Submission:
    source: str
    lines: list[SourceLine]
    hard_wrapped: bool
    notes: list[tuple[int | None, str]] = field(default_factory=list)  # reader's remarks (tables, media)
    overrides: dict[int, str] = field(default_factory=dict)  # line index -> forced role (FORCEABLE)
    portrait: tuple[int, int] | None = None  # (line index, picture index in it) chosen by the user
    #: first line indices of columns the user joined to the column before (a wrong split)
    merges: set[int] = field(default_factory=set)

    def pictures(self) -> list[tuple[int, int, str, bytes]]:
        """(line index, picture index, name in the source, bytes) of every picture, in order."""
        return [(i, k, name, data) for i, line in enumerate(self.lines) for k, (name, data) in enumerate(line.pictures)]

    def assemble(self) -> Result:
        """Place the lines (with the user's corrections) into a new bulletin."""
        for i, role in self.overrides.items():
            if role not in FORCEABLE or not 0 <= i < len(self.lines):
                raise ValueError(f"cannot force line {i} to be {role!r}")
        report = ImportReport(sources=[self.source] if self.source else [])
        merge_at = {id(self.lines[i]) for i in self.merges if 0 <= i < len(self.lines)}
        assembler = Assembler(self.source, report, merge_at)
        bulletin = assembler.run(tokenise(self.lines, hard_wrapped=self.hard_wrapped, overrides=self.overrides))
        for line, message in self.notes:
            report.add("warning", self.source, line, message)
        roles = [assembler.roles.get(id(line), "blank" if not line.text else "unclassified") for line in self.lines]
        for i, line in enumerate(self.lines):
            if line.pictures and not line.text:
                roles[i] = "picture"
            if self.overrides.get(i) == "set_aside" and line.text:
                roles[i] = "set_aside"
                report.set_aside_line(self.source, line.number, line.text, "set aside in the review")
        self._note_layout_tables(report, roles)
        if self.portrait is not None:
            self._use_portrait(bulletin, report)
        text_tables = sum(1 for t in assembler.tokens if t.kind.value == "table" and t.line.cell is None)
        report.files.append(file_count(self, bulletin, roles, text_tables))
        result = Result(bulletin, report, roles)
        result.column_lines = {id(col): next((k for k, ln in enumerate(self.lines) if ln is line), -1)
                               for col_id, line in assembler.column_first.items()
                               for col in assembler.all_columns() if id(col) == col_id}
        return result

    def _note_layout_tables(self, report: ImportReport, roles: list[str]) -> None:
        """A Word table that holds pictures (or one row or column) is page furniture: its text is
        read line by line; say so, so the user checks the order."""
        seen: dict[int, tuple[int, int]] = {}
        for i, line in enumerate(self.lines):
            if line.cell is not None and roles[i] != "table":
                n, r, _c = line.cell
                first, rows = seen.get(n, (line.number, 0))
                seen[n] = (first, max(rows, r + 1))
        for n, (first, rows) in sorted(seen.items()):
            report.add("warning", self.source, first, f"table {n + 1} ({rows} row(s)): its text is kept as paragraphs, "
                                                       "cell by cell; check the order")

    def _use_portrait(self, bulletin: Bulletin, report: ImportReport) -> None:
        """The chosen picture becomes the portrait of the submission's (first) captioned column."""
        i, k = self.portrait  # type: ignore[misc]
        try:
            name, data = self.lines[i].pictures[k]
        except IndexError:
            raise ValueError(f"no picture {k} on line {i}") from None
        cols = [b for _, b in bulletin.iter_blocks() if isinstance(b, ColumnBlock) and (b.person or b.organisation)]
        if not cols:
            report.add("warning", self.source, self.lines[i].number, "chosen portrait: no column with a name to put it in")
            return
        col = next((c for c in cols if c.portrait is not None), cols[0])
        try:
            image = bulletin.images.add(data, f"{self.source}: picture {name}")
        except ImageError as exc:
            raise SubmissionError(self.source, str(exc).removeprefix(f"{self.source}: ")) from None
        was_photo = [p for p in col.photos if p.picture.image == image]
        col.photos = [p for p in col.photos if p.picture.image != image]
        if col.portrait is None and not was_photo:
            report.images += 1
        elif col.portrait is not None and col.portrait.image != image:
            # still the city's picture: printed as a news photo, where the chosen one stood
            col.photos.append(ColumnPhoto(col.portrait, was_photo[0].caption if was_photo else "",
                                          was_photo[0].after if was_photo else 0))
            report.add("info", self.source, None, "the picture first taken as the portrait is set as a news photo")
        col.portrait = framed_portrait(image, data, bulletin)
        report.items = [it for it in report.items if not it.message.startswith(f"picture {name} is not near")]
        report.add("info", self.source, self.lines[i].number, f"picture {name} chosen as the portrait")


def file_count(sub: Submission, bulletin: Bulletin, roles: list[str], text_tables: int) -> FileCount:
    """Paragraphs, pictures and tables of the file, read and placed — placed counted from what
    the bulletin really holds, so a line lost on the way shows as read but not placed."""
    from model.texts import iter_texts

    printed = "\n".join(ref.text for ref in iter_texts(bulletin))
    count = FileCount(sub.source)
    for i, line in enumerate(sub.lines):
        if not line.text or roles[i] == "table":
            continue
        count.paragraphs_read += 1
        parts = [p for p in line.text.removeprefix(line.removed_prefix).split() if p]
        if roles[i] != "set_aside" and all(p in printed for p in parts):
            count.paragraphs_placed += 1
    count.pictures_read = len(sub.pictures())
    used = [b for _, b in bulletin.iter_blocks() if isinstance(b, ColumnBlock)]
    count.pictures_placed = sum((1 if c.portrait and c.portrait.image else 0) + len(c.photos) for c in used)
    count.tables_placed = sum(len(c.tables) for c in used)
    count.tables_read = len({line.cell[0] for line in sub.lines if line.cell is not None}) + text_tables
    return count


def submission_from_text(text: str, source: str = "") -> Submission:
    return Submission(source, text_lines(text), hard_wrapped=True)


def read_submission(path: str | os.PathLike[str]) -> Submission:
    """Read one .txt/.docx (or, through LibreOffice, .doc/.wps/.rtf/.odt). Raises SubmissionError,
    also for a submission far beyond what a bulletin prints (importers.budget)."""
    from importers.budget import check_lines
    from importers.cancel import check_cancelled

    check_cancelled()
    sub = _read_submission(path)
    check_lines(len(sub.lines), sum(len(line.text) for line in sub.lines), sub.source)
    return sub


def _read_submission(path: str | os.PathLike[str]) -> Submission:
    from importers.convert import CONVERTED_SUFFIXES, convert_to_docx

    p = Path(path)
    source = p.name
    suffix = p.suffix.lower()
    size = regular_file_size(p, str(path))
    if size > MAX_FILE_BYTES:
        raise SubmissionError(source, f"{size / 1e6:.0f} MB is too large for a submission")
    if suffix in DOCX_SUFFIXES:
        from importers.docx_reader import read_docx

        lines, notes = read_docx(p)
        return Submission(source, lines, hard_wrapped=False, notes=notes)
    if suffix in CONVERTED_SUFFIXES:
        from importers.docx_reader import read_docx

        with tempfile.TemporaryDirectory(prefix="bulletin-import-") as tmp:
            converted = convert_to_docx(p, Path(tmp))
            try:
                lines, notes = read_docx(converted)
            except SubmissionError as exc:
                raise SubmissionError(source, f"converted by LibreOffice, but {exc.problem}") from None
        notes.append((None, f"converted from {suffix} by LibreOffice: check bold leads and pictures"))
        return Submission(source, lines, hard_wrapped=False, notes=notes)
    if suffix in TEXT_SUFFIXES or suffix == "":
        data = read_limited(p, MAX_TEXT_BYTES, source)
        text, _encoding = decode_text(data, source)
        del data
        check_text(text, source)
        return submission_from_text(text, source)
    raise SubmissionError(source, f"unsupported file type {suffix!r}: expected .txt, .docx, .doc, .wps or .rtf")

"""What the importer decided and what it could not decide, for the user to read.

The importer never prints and never drops text silently: every guess that moved text somewhere
(a caption moved to the column's person, a paragraph moved into the speech) and every line it
could not classify is recorded here, and anything it removed (list markers) is kept in
``removed`` so that "every character is in the bulletin or in the report" can be tested.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Level = Literal["info", "warning"]


@dataclass(frozen=True)
class ReportItem:
    level: Level
    source: str  # file name, or "" for pasted text
    line: int | None  # 1-based line (or .docx paragraph) number
    message: str
    text: str = ""  # the text concerned, shortened for display by the command


@dataclass
class FileCount:
    """What one file held and what of it reached the bulletin (``import`` prints these)."""

    source: str
    paragraphs_read: int = 0  # lines (or Word paragraphs) with text, table cells not counted
    paragraphs_placed: int = 0
    pictures_read: int = 0
    pictures_placed: int = 0  # portraits and news photos
    tables_read: int = 0
    tables_placed: int = 0

    def line(self) -> str:
        return (f"{self.source or 'text'}: paragraphs {self.paragraphs_read} read, {self.paragraphs_placed} placed; "
                f"pictures {self.pictures_read} read, {self.pictures_placed} placed; "
                f"tables {self.tables_read} read, {self.tables_placed} placed")


@dataclass
class ImportReport:
    items: list[ReportItem] = field(default_factory=list)
    removed: list[ReportItem] = field(default_factory=list)  # text taken out, e.g. "- " before ◎
    sources: list[str] = field(default_factory=list)
    pages: int = 0
    columns: int = 0
    speech_sections: int = 0
    paragraphs: int = 0
    images: int = 0
    tables: int = 0
    #: lines not printed: set aside by the importer or the user, with file and line
    set_aside: list[ReportItem] = field(default_factory=list)
    files: list[FileCount] = field(default_factory=list)

    def add(self, level: Level, source: str, line: int | None, message: str, text: str = "") -> None:
        self.items.append(ReportItem(level, source, line, message, text))

    def remove(self, source: str, line: int | None, text: str, why: str) -> None:
        self.removed.append(ReportItem("info", source, line, why, text))

    def set_aside_line(self, source: str, line: int | None, text: str, why: str) -> None:
        """A line kept out of print: listed here and as a warning that names it."""
        self.set_aside.append(ReportItem("warning", source, line, why, text))
        self.removed.append(ReportItem("info", source, line, f"set aside: {why}", text))
        self.add("warning", source, line, f"set aside (not printed): {why}", text)

    @property
    def warnings(self) -> list[ReportItem]:
        return [i for i in self.items if i.level == "warning"]

    def extend(self, other: ImportReport) -> None:
        self.items += other.items
        self.removed += other.removed
        self.sources += other.sources
        self.pages += other.pages
        self.columns += other.columns
        self.speech_sections += other.speech_sections
        self.paragraphs += other.paragraphs
        self.images += other.images
        self.tables += other.tables
        self.set_aside += other.set_aside
        self.files += other.files

    def lines(self) -> list[str]:
        """Human-readable report, one line per entry (the ``import`` command prints these)."""
        out = [
            f"read {', '.join(self.sources) or 'text'}: {self.pages} page(s), {self.columns} column(s), "
            f"{self.speech_sections} speech section(s), {self.paragraphs} paragraph(s), {self.images} picture(s), "
            f"{self.tables} table(s)"
        ]
        out += [f"  {f.line()}" for f in self.files]
        for item in self.items:
            where = ":".join(x for x in (item.source, str(item.line) if item.line else "") if x)
            text = item.text if len(item.text) <= 30 else item.text[:28] + "…"
            out.append(f"  {item.level:7} {where + ': ' if where else ''}{item.message}"
                       + (f"  「{text}」" if text else ""))
        markers = [r for r in self.removed if r.message == "list marker before ◎"]
        if markers:
            marks = sorted({r.text.strip() for r in markers})
            out.append(f"  info    removed {len(markers)} list marker(s) {' '.join(marks)} before ◎ lines")
        return out

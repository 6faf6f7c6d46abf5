"""The import entry points: text, lines, one file, several files merged into one bulletin."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from importers.decode import decode_text
from importers.errors import SubmissionError
from importers.lines import SourceLine, text_lines
from importers.report import ImportReport
from importers.structure import Assembler
from importers.tokens import tokenise
from model.clean_text import clean_tree
from model.document import Bulletin

TEXT_SUFFIXES = (".txt", ".text", ".md")
DOCX_SUFFIXES = (".docx", ".docm")
MAX_FILE_BYTES = 300 * 1024 * 1024


def import_lines(lines: list[SourceLine], *, source: str = "", hard_wrapped: bool = True
                 ) -> tuple[Bulletin, ImportReport]:
    """Structure already-split lines (from text or from Word) into a new bulletin."""
    report = ImportReport(sources=[source] if source else [])
    bulletin = Assembler(source, report).run(tokenise(lines, hard_wrapped=hard_wrapped))
    removed: list[str] = []
    notes = clean_tree(bulletin, removed=removed)  # lone surrogates, control characters: nothing unsaveable
    if notes:
        report.remove(source, None, "".join(removed), "; ".join(notes))
    return bulletin, report


def import_text(text: str, *, source: str = "") -> tuple[Bulletin, ImportReport]:
    """Pasted or .txt text → (bulletin, report). Never raises for any text."""
    return import_lines(text_lines(text), source=source, hard_wrapped=True)


def import_file(path: str | os.PathLike[str]) -> tuple[Bulletin, ImportReport]:
    """One .txt or .docx submission. Raises SubmissionError for unreadable files."""
    p = Path(path)
    source = p.name
    suffix = p.suffix.lower()
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise SubmissionError(str(path), "no such file") from None
    except OSError as exc:
        raise SubmissionError(str(path), f"cannot read: {exc.strerror or exc}") from None
    if p.is_dir():
        raise SubmissionError(str(path), "is a folder, not a submission file")
    if size > MAX_FILE_BYTES:
        raise SubmissionError(source, f"{size / 1e6:.0f} MB is too large for a submission")
    if suffix in DOCX_SUFFIXES:
        from importers.docx_reader import read_docx

        lines, notes = read_docx(p)
        bulletin, report = import_lines(lines, source=source, hard_wrapped=False)
        for line, message in notes:
            report.add("warning", source, line, message)
        return bulletin, report
    if suffix in TEXT_SUFFIXES or suffix == "":
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise SubmissionError(source, f"cannot read: {exc.strerror or exc}") from None
        text, _encoding = decode_text(data, source)
        return import_text(text, source=source)
    if suffix == ".doc":
        raise SubmissionError(source, "old Word .doc files cannot be read; save it as .docx in Word or WPS")
    raise SubmissionError(source, f"unsupported file type {suffix!r}: expected .txt or .docx")


def merge(target: Bulletin, imported: Bulletin) -> None:
    """Add an imported bulletin's blocks to ``target``.

    A page that came with its own banner or headline stays a page of its own; blocks of a page
    without them (a city's column) join the target's last page, where the user expects them.
    """
    for page in imported.pages:
        if (page.banner or page.headline) or not target.pages:
            target.pages.append(page)
        else:
            target.pages[-1].blocks.extend(page.blocks)
    for name in imported.images:
        if name not in target.images:
            target.images.add_lazy(name, lambda n=name, store=imported.images: store.get(n))
    if not target.issue_title:
        target.issue_title = imported.issue_title


def import_files(paths: Iterable[str | os.PathLike[str]], *, into: Bulletin | None = None
                 ) -> tuple[Bulletin, ImportReport]:
    """Several submissions, in order, merged into ``into`` (changed in place) or a new bulletin.

    All files are read before ``into`` is touched, so a bad file leaves it unchanged.
    """
    results = [import_file(p) for p in paths]
    target = into if into is not None else Bulletin()
    report = ImportReport()
    for bulletin, rep in results:
        merge(target, bulletin)
        report.extend(rep)
    return target, report


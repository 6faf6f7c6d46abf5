"""The import entry points: text, lines, one file, several files merged into one bulletin."""

from __future__ import annotations

import os
from collections.abc import Iterable

from importers.errors import SubmissionError
from importers.lines import SourceLine, text_lines
from importers.report import ImportReport
from model.clean_text import clean_tree
from model.document import Bulletin


def import_lines(lines: list[SourceLine], *, source: str = "", hard_wrapped: bool = True
                 ) -> tuple[Bulletin, ImportReport]:
    """Structure already-split lines (from text or from Word) into a new bulletin."""
    from importers.review import Submission

    result = Submission(source, lines, hard_wrapped=hard_wrapped).assemble()
    bulletin, report = result.bulletin, result.report
    removed: list[str] = []
    notes = clean_tree(bulletin, removed=removed)  # lone surrogates, control characters: nothing unsaveable
    if notes:
        report.remove(source, None, "".join(removed), "; ".join(notes))
    return bulletin, report


def import_text(text: str, *, source: str = "") -> tuple[Bulletin, ImportReport]:
    """Pasted or .txt text → (bulletin, report). Never raises for any text."""
    return import_lines(text_lines(text), source=source, hard_wrapped=True)


def import_file(path: str | os.PathLike[str]) -> tuple[Bulletin, ImportReport]:
    """One submission file (see ``importers.review.read_submission``). Raises SubmissionError."""
    from importers.review import read_submission

    result = read_submission(path).assemble()
    return result.bulletin, result.report


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
    from importers.budget import check_bulletin
    from importers.cancel import check_cancelled, report_progress

    paths = list(paths)
    names = ", ".join(os.path.basename(os.fspath(p)) for p in paths)
    results = []
    for p in paths:
        check_cancelled()
        report_progress(os.path.basename(os.fspath(p)))
        results.append(import_file(p))
    imported = Bulletin()
    report = ImportReport()
    for bulletin, rep in results:
        merge(imported, bulletin)
        report.extend(rep)
    check_bulletin(imported, names)
    if not any(page.blocks or page.banner or page.headline for page in imported.pages):
        raise SubmissionError(names, "no text to import (empty, or only white space)")
    if into is None:
        return imported, report
    merge(into, imported)
    return into, report


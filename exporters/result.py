"""What every exporter returns: the file or bytes it made, and what the user must hear about.

One shape for PDF and DOCX so that ``commands/`` and the GUI report any export the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from layout.types import LaidOutDocument, Problem


@dataclass
class ExportResult:
    path: str | None = None  # the file written; None when only bytes were made
    data: bytes | None = None  # the bytes, when the caller asked for bytes
    problems: list[Problem] = field(default_factory=list)
    pages: int = 0
    document: LaidOutDocument | None = None  # the pages as laid out (PDF), for the caller to show or check

"""Import city submissions (.txt, .docx) into a bulletin — pure functions, no Qt, no printing.

    bulletin, report = import_text(text, source="西安.txt")
    bulletin, report = import_file("西安.docx")
    bulletin, report = import_files(["a.docx", "b.txt"], into=existing)

Each returns the bulletin and an ImportReport of every guess and every line that could not be
classified (kept as body text). A submission that cannot be read at all raises SubmissionError
before anything is changed.
"""

from importers.errors import SubmissionError
from importers.importer import import_file, import_files, import_lines, import_text
from importers.report import ImportReport, ReportItem

__all__ = ["ImportReport", "ReportItem", "SubmissionError", "import_file", "import_files", "import_lines",
           "import_text"]

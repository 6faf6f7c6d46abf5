"""External programs some tests look through (poppler, qpdf, LibreOffice, Ghostscript).

A check that needs one is skipped *explicitly*, with the reason shown in pytest's summary —
never passed silently because an ``if shutil.which(...)`` left its assertions out.
"""

from __future__ import annotations

import shutil

import pytest

PACKAGES = {"pdffonts": "poppler-utils", "pdftoppm": "poppler-utils", "qpdf": "qpdf",
            "soffice": "libreoffice-writer-nogui", "gs": "ghostscript"}


def require_tool(name: str) -> str:
    """The program's path, or skip the calling test saying what is missing and where it comes from."""
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian package {PACKAGES.get(name, name)}; .ci/run installs it)")
    return path

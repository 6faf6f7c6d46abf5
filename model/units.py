"""Units of the printed page, defined once: the model stores millimetres, layout works in points.

Every conversion in the tree goes through these names so that a page size typed in the page
setup, the grid the layout draws, the PDF's boxes and the DOCX's twips all agree to the point.
"""

from __future__ import annotations

MM_PER_INCH = 25.4
PT_PER_INCH = 72.0
#: points per millimetre
MM = PT_PER_INCH / MM_PER_INCH


def mm_to_pt(mm: float) -> float:
    return mm * MM


def pt_to_mm(pt: float) -> float:
    return pt / MM

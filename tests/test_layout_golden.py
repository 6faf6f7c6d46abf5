"""The example's layout as a readable reference: every block area and every line of text with
its position, so a change to the composer, the column flow or the packer shows up as a diff a
person can read (which block moved, which line broke differently), not as a changed hash.

The dump names faces by family, not by file path, so any install location gives the same text.
It depends on the faces, so the test is skipped when the registry resolves to other faces than
the bundled ones. After an intended change, rewrite the reference with
``BULLETIN_UPDATE_REFERENCE=1 pytest tests/test_layout_golden.py`` and review its diff.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

REFERENCE = Path(__file__).parent / "_reference" / "example-layout.txt"
FACES = ["Noto Sans SC", "Noto Serif SC"]


def layout_dump(doc, fonts) -> str:
    """Pages, block areas (mm-free points, 0.1 pt), text lines (x, baseline, size, face, text)
    and problems, one fact per line."""
    from layout.types import GlyphRun, Picture

    names = {f.key: f.full_name for f in fonts.chain}
    out: list[str] = []
    for page in doc.pages:
        out.append(f"page {page.number} {page.width:.1f}x{page.height:.1f} grid {page.grid[0]:.1f}/{page.grid[1]:.2f}")
        if page.space:
            out.append("  space " + " ".join(f"{v:.1f}" for v in page.space))
        for a in page.areas:
            out.append(f"  area {a.block_id} {a.kind} {a.x:.1f} {a.y:.1f} {a.w:.1f} {a.h:.1f}")
        for item in page.items:
            if isinstance(item, GlyphRun):
                face = names.get(item.font) or os.path.basename(item.font)
                out.append(f"    {item.block_id or '-'} {item.x:.1f} {item.y:.1f} {item.size:.2f} {face}"
                           f"{' bold' if item.bold else ''} {item.text}")
            elif isinstance(item, Picture):
                out.append(f"    picture {item.block_id} {item.x:.1f} {item.y:.1f} {item.w:.1f} {item.h:.1f} "
                           + " ".join(f"{v:.3f}" for v in item.crop))
    for p in doc.problems:
        out.append(f"problem {p.kind} {p.block_id} {p.message}")
    return "\n".join(out) + "\n"


def test_example_layout_matches_the_reference(example):
    from layout.document import _MEASURED, lay_out_bulletin, registry_for

    fonts = registry_for(example)
    if sorted({f.full_name for f in fonts.chain}) != FACES:
        pytest.skip("the reference layout was recorded with the bundled Noto faces")
    _MEASURED.clear()
    text = layout_dump(lay_out_bulletin(example, fonts), fonts)
    if os.environ.get("BULLETIN_UPDATE_REFERENCE") == "1":
        REFERENCE.write_text(text, encoding="utf-8")
    want = REFERENCE.read_text(encoding="utf-8")
    if text != want:
        diff = "".join(difflib.unified_diff(want.splitlines(True), text.splitlines(True), "reference", "now", n=1))
        pytest.fail("the example's layout changed:\n" + diff[:20_000])

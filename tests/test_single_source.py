"""Each rule of the product is defined once (issue 18): a second copy is how two parts of the
program came to disagree (a 250-ppi photo flagged in the form and never in the PDF report).

These checks read the source tree the way a reviewer would grep it.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("model", "layout", "exporters", "gui", "commands", "importers", "proofread", "resources")


def _sources() -> dict[str, str]:
    out = {}
    for pkg in PACKAGES:
        for path in (ROOT / pkg).rglob("*.py"):
            out[str(path.relative_to(ROOT))] = path.read_text(encoding="utf-8")
    out["main.py"] = (ROOT / "main.py").read_text(encoding="utf-8")
    return out


def _where(pattern: str) -> list[str]:
    rx = re.compile(pattern, re.MULTILINE)
    return sorted(name for name, text in _sources().items() if rx.search(text))


def test_one_list_of_text_roles():
    from gui.labels import ROLE_NAMES
    from layout.fonts import ROLES
    from model.document import FONT_ROLES

    assert ROLES is FONT_ROLES
    assert set(ROLE_NAMES) == set(FONT_ROLES), "every role the user can give a font has a name in the UI"
    assert _where(r"^\s*(FONT_)?ROLES\s*(:[^=]*)?=\s*\(") == ["model/document.py"]


def test_one_minimum_print_resolution():
    # resampling targets (TARGET_PPI, MAX_PPI) are other numbers; the minimum is one
    assert _where(r"^\s*\w*(MIN|LOW)\w*PPI\w*\s*(:[^=]*)?=\s*\d") == ["model/images.py"]


def test_one_definition_of_points_per_millimetre():
    assert _where(r"25\.4") == ["model/units.py"]


def test_one_reading_of_exif_orientation():
    assert _where(r"0x0112|getexif\(\)\.get") == ["model/images.py"]


def test_one_text_walker():
    # proofreading, counts and the DOCX walk the model through model.texts
    assert _where(r"^def (iter_texts|iter_item_texts)\(") == ["model/texts.py"]


def test_the_guards_can_fail(tmp_path, monkeypatch):
    """The pattern checks above find a copy when there is one."""
    monkeypatch.setattr("tests.test_single_source._sources",
                        lambda: {"model/units.py": "MM = 72 / 25.4", "gui/x.py": "mm = pt / 72 * 25.4"})
    assert _where(r"25\.4") == ["gui/x.py", "model/units.py"]


def test_a_photo_under_the_minimum_is_flagged_by_the_layout_and_the_form_alike():
    """A 250-ppi portrait: the form said 'too low' while the PDF report said nothing."""
    import io

    from PIL import Image

    from gui.images import effective_ppi
    from layout.document import lay_out_bulletin
    from layout.types import Picture
    from model.example import example_bulletin
    from model.images import MIN_PPI

    b = example_bulletin()
    block = next(bl for _, bl in b.iter_blocks() if getattr(bl, "portrait", None) is not None)
    doc = lay_out_bulletin(b)
    frame = next(i for p in doc.pages for i in p.items if isinstance(i, Picture) and i.block_id == block.id)
    width_px = round(250 * frame.w / 72)
    buf = io.BytesIO()
    Image.new("RGB", (width_px, round(width_px * 4 / 3)), "grey").save(buf, "PNG")
    block.portrait.image = b.images.add(buf.getvalue())
    block.portrait.crop.x = block.portrait.crop.y = 0.0
    block.portrait.crop.w = block.portrait.crop.h = 1.0
    doc = lay_out_bulletin(b)
    frame = next(i for p in doc.pages for i in p.items if isinstance(i, Picture) and i.block_id == block.id)
    ppi = effective_ppi(block.portrait.crop, (width_px, round(width_px * 4 / 3)), frame.w)
    assert 200 < ppi < MIN_PPI
    assert any(p.kind == "low_res" and p.block_id == block.id for p in doc.problems)

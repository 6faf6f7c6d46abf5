"""A character no font has prints as a box: `export` says which and exits 1 unless told to allow it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: CJK Extension I (Unicode 15.1): in none of the fonts the editor ships or CI installs
NO_FONT_HAS_IT = "\U0002EBF0"


def _export(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "export", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


@pytest.fixture
def boxed_project(tmp_path, example):
    from layout.fonts import MISSING, FontRegistry
    from model.document import ColumnBlock
    from model.project_file import save

    if FontRegistry().choose("name", NO_FONT_HAS_IT).status != MISSING:
        pytest.skip("an installed font has U+2EBF0: no box to report")
    column = next(bl for p in example.pages for bl in p.blocks if isinstance(bl, ColumnBlock))
    column.person.name = f"吉{NO_FONT_HAS_IT}祥"
    path = tmp_path / "boxed.bulletin"
    save(example, path)
    return path


def test_a_character_in_no_font_fails_the_export_and_is_named(boxed_project, tmp_path):
    r = _export(str(boxed_project), "--pdf", str(tmp_path / "out.pdf"), cwd=tmp_path)
    assert "missing_glyph" in r.stdout
    assert r.returncode == 1, r.stdout + r.stderr
    assert NO_FONT_HAS_IT in r.stderr and "--allow-missing-glyphs" in r.stderr
    assert (tmp_path / "out.pdf").is_file()  # the PDF is still written, to look at


def test_allowing_missing_glyphs_exits_0(boxed_project, tmp_path):
    r = _export(str(boxed_project), "--pdf", str(tmp_path / "out.pdf"), "--allow-missing-glyphs", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr

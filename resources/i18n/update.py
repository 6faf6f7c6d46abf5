"""Refresh the Qt Linguist catalogues from the code and compile them.

    python resources/i18n/update.py

Runs ``pyside6-lupdate`` over gui/ (source strings are the Chinese UI text) into
``bulletin_en.ts`` — existing translations are kept, vanished strings dropped — then
``pyside6-lrelease`` to ``bulletin_en.qm``, which gui/i18n.py loads at run time. Translate new
strings in the .ts (Qt Linguist, or any editor) and run this again.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LANGS = ("en",)


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "gui").rglob("*.py"))


def tool(name: str) -> str:
    exe = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if exe is None:
        sys.exit(f"{name} not found: install PySide6 (pyside6-{name})")
    return exe


def main() -> int:
    for lang in LANGS:
        ts = HERE / f"bulletin_{lang}.ts"
        subprocess.run([tool("lupdate"), "-no-obsolete", "-locations", "none", "-target-language", lang,
                        *sources(), "-ts", str(ts)], cwd=ROOT, check=True)
        subprocess.run([tool("lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Speed work must not change output: is the example's PDF byte-identical to a reference commit's?

    python benchmarks/same_pdf.py [--ref COMMIT]     # default: the merge-base with main

The reference tree is taken with ``git archive`` into a temporary folder (the work tree is not
touched) and its PDF kept beside it for the next check. This tree's PDF is made twice, with an
empty and with a warm cache folder, since a cache must not change what is drawn either. Exit 0
when all three are the same bytes; 1 (and where they first differ) otherwise.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEEP = Path(tempfile.gettempdir()) / "bulletin-same-pdf"


def export(tree: Path, work: Path, cache: Path, name: str) -> bytes:
    env = dict(os.environ, PYTHONPATH=str(tree), BULLETIN_CACHE_DIR=str(cache))
    src = work / f"{name}.bulletin"
    pdf = work / f"{name}.pdf"
    for cmd in ([sys.executable, str(tree / "main.py"), "example", "-o", str(src)],
                [sys.executable, str(tree / "main.py"), "export", str(src), "--pdf", str(pdf), "--reproducible"]):
        r = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=work)
        if r.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} failed:\n{r.stderr[-3000:]}")
    return pdf.read_bytes()


def reference(commit: str) -> bytes:
    sha = subprocess.run(["git", "-C", str(ROOT), "rev-parse", commit], capture_output=True, text=True,
                         check=True).stdout.strip()
    kept = KEEP / f"{sha}.pdf"
    if kept.exists():
        return kept.read_bytes()
    KEEP.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        tree.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", sha], capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
        data = export(tree, Path(tmp), Path(tmp) / "cache", "ref")
    kept.write_bytes(data)
    return data


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ref", help="reference commit (default: merge-base of HEAD and main)")
    args = ap.parse_args()
    ref = args.ref or subprocess.run(["git", "-C", str(ROOT), "merge-base", "HEAD", "main"], capture_output=True,
                                     text=True, check=True).stdout.strip()
    want = reference(ref)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        cold = export(ROOT, tmp, tmp / "cache", "cold")
        warm = export(ROOT, tmp, tmp / "cache", "warm")
    ok = True
    for name, got in (("empty cache", cold), ("warm cache", warm)):
        if got != want:
            ok = False
            at = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
            print(f"DIFFERENT ({name}): {len(got)} bytes vs {len(want)} of {ref[:10]}; first difference at byte {at}")
    if ok:
        print(f"same bytes as {ref[:10]} ({len(want)} bytes, empty and warm cache)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

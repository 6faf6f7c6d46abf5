"""Extreme-input benchmarks (issue 12); run by hand, numbers go in the notes.

    python benchmarks/bench_hostile.py memory      # nine 100-MP portraits: peak RSS of PDF and DOCX export
    python benchmarks/bench_hostile.py docx-pages  # DOCX export time, 100 vs 1,000 pages

Each export runs as a user runs it: ``main.py export FILE --pdf/--docx OUT`` in a fresh
process; peak memory is that child's maximum resident set size. Targets: ≤ 1 GB for both
exports of the nine-portrait project; 1,000 pages ≤ 10 × the time of 100 pages.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def nine_portraits(dest: Path, megapixels: float, kind: str = "jpeg") -> Path:
    """The example bulletin with its nine portraits replaced by distinct ``megapixels`` JPEGs."""
    from model.document import ColumnBlock, Crop, Portrait
    from model.example import example_bulletin
    from model.project_file import save
    from tests.hostile import big_portrait

    b = example_bulletin()
    columns = [blk for _, blk in b.iter_blocks() if isinstance(blk, ColumnBlock) and blk.portrait is not None]
    for i, blk in enumerate(columns[:9]):
        name = b.images.add(big_portrait(megapixels, seed=i, kind=kind), f"portrait {i}")
        blk.portrait = Portrait(name, Crop(0.1, 0.05, 0.8, 0.9) if i % 2 else Crop())
    b.images.retain({blk.portrait.image for blk in columns if blk.portrait})
    save(b, dest)
    return dest


def empty_pages(dest: Path, pages: int) -> Path:
    from model.document import Bulletin, Page
    from model.project_file import save

    b = Bulletin(publication="测试", pages=[Page(label=f"第{i + 1}版") for i in range(pages)])
    save(b, dest)
    return dest


def run_child(*args: str) -> tuple[float, float, int]:
    """(seconds, peak MB of the child, exit status) of one ``main.py`` run."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    # a fresh grandchild per run, so that ru_maxrss is this run's alone
    code = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(r.returncode)")
    r = subprocess.run([sys.executable, "-c", code, sys.executable, str(ROOT / "main.py"), *args],
                       capture_output=True, text=True, env=env)
    dt = time.perf_counter() - t0
    del before
    peak_kb = int(r.stderr.strip().splitlines()[-1])
    return dt, peak_kb / 1024, r.returncode


def memory(megapixels: float, kind: str, formats: tuple[str, ...] = ("pdf", "docx")) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        t0 = time.perf_counter()
        project = nine_portraits(d / "nine.bulletin", megapixels, kind)
        print(f"made {project.name} ({kind}): {project.stat().st_size / 1e6:.0f} MB in {time.perf_counter() - t0:.0f} s")
        cache = d / "cache"
        for fmt in formats:
            os.environ["BULLETIN_CACHE_DIR"] = str(cache / fmt)  # cold: every picture decoded
            dt, peak, rc = run_child("export", str(project), f"--{fmt}", str(d / f"out.{fmt}"), "--allow-overset")
            print(f"{fmt:4}: {dt:5.1f} s, peak {peak:6.0f} MB, exit {rc}")


def docx_pages(counts: list[int]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        times = {}
        for n in counts:
            project = empty_pages(d / f"p{n}.bulletin", n)
            dt, peak, rc = run_child("export", str(project), "--docx", str(d / f"p{n}.docx"), "--allow-overset")
            times[n] = dt
            print(f"{n:5} pages: {dt:6.2f} s, peak {peak:5.0f} MB, exit {rc}")
        if len(counts) > 1:
            a, b = counts[0], counts[-1]
            print(f"ratio {b}/{a} pages: {times[b] / times[a]:.1f}× (target ≤ {b / a:.0f}×)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["memory", "docx-pages"])
    ap.add_argument("--megapixels", type=float, default=100.0)
    ap.add_argument("--pages", type=int, nargs="+", default=[100, 1000])
    ap.add_argument("--kind", default="jpeg", choices=["jpeg", "progressive", "cmyk", "png", "rgba", "tiff"],
                    help="what the nine portraits are")
    ap.add_argument("--formats", nargs="+", default=["pdf", "docx"], choices=["pdf", "docx"],
                    help="which exports to measure (memory)")
    args = ap.parse_args()
    if args.what == "memory":
        memory(args.megapixels, args.kind, tuple(args.formats))
    else:
        docx_pages(args.pages)


if __name__ == "__main__":
    main()

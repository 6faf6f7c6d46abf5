"""Export benchmarks for the page-composition issue (run by hand, numbers go in the notes).

    python benchmarks/bench_export.py            # example: cold and warm whole-process export
    python benchmarks/bench_export.py --big      # + 24 pages, 240 columns, 240 × 12 MP portraits

Whole-process times run ``main.py export`` in a fresh interpreter, as a user would; "cold"
starts with an empty font cache, "warm" reuses it. Peak memory is the child's max RSS.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def run_export(src: Path, out: Path, cache: Path) -> tuple[float, float]:
    env = dict(os.environ, BULLETIN_CACHE_DIR=str(cache))
    t = time.perf_counter()
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "export", str(src), "--pdf", str(out),
                        "--allow-overset"], env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - t
    if r.returncode != 0:
        raise SystemExit(r.stderr)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return elapsed, peak_mb


def synthetic(pages: int, photo_mp: float):
    """A big issue made from the example's columns, each with its own large JPEG portrait."""
    from PIL import Image

    from model.document import Page
    from model.example import example_bulletin

    base = example_bulletin()
    cols = [b for _, b in base.iter_blocks() if b.type == "column"]
    out = example_bulletin()
    out.pages = []
    rnd = random.Random(1)
    w = int((photo_mp * 1e6 * 3 / 4) ** 0.5)
    h = int(w * 4 / 3)
    # smooth, photo-like content: about 1.5 MB a JPEG, so 240 of them stay under the
    # project file's 500 MB limit (pure noise would make 6 MB files)
    ramp = Image.linear_gradient("L").resize((w, h))
    grain = Image.effect_noise((w // 8, h // 8), 30).resize((w, h))
    for p in range(pages):
        page = Page(id=f"page-{p}", label=f"第{p + 1}版")
        for k in range(10):
            src = cols[k % len(cols)]
            col = type(src)(**{**src.__dict__, "id": f"c-{p}-{k}"})
            buf = io.BytesIO()
            tint = Image.new("L", (w, h), rnd.randrange(256))
            Image.merge("RGB", (ramp, grain, tint)).save(buf, "JPEG", quality=80)
            if col.person is not None:
                from model.document import Portrait

                col.portrait = Portrait(image=out.images.add(buf.getvalue()))
            page.blocks.append(col)
        out.pages.append(page)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--big", action="store_true")
    args = ap.parse_args()
    from model.example import example_bulletin
    from model.project_file import save

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        src = tmp / "example.bulletin"
        save(example_bulletin(), src)
        cache = tmp / "cache"
        cold, mem = run_export(src, tmp / "a.pdf", cache)
        warm = min(run_export(src, tmp / "b.pdf", cache)[0] for _ in range(3))
        print(f"example (2 pages, 9 portraits): cold {cold:.2f} s, warm {warm:.2f} s, peak RSS {mem:.0f} MB")
        if args.big:
            t = time.perf_counter()
            big = synthetic(24, 12.0)
            big_src = tmp / "big.bulletin"
            save(big, big_src)
            print(f"built synthetic issue in {time.perf_counter() - t:.0f} s ({big_src.stat().st_size / 1e6:.0f} MB)")
            cache2 = tmp / "cache2"
            cold, _ = run_export(big_src, tmp / "big.pdf", cache2)
            warm, mem = run_export(big_src, tmp / "big2.pdf", cache2)
            print(f"24 pages, 240 columns, 12 MP portraits: cold {cold:.1f} s, warm {warm:.1f} s, "
                  f"peak RSS {mem:.0f} MB")


if __name__ == "__main__":
    main()

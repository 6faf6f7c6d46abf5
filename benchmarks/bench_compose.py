"""Compose every paragraph of the seed bulletin (≈7,000 characters) at a 13-em measure, warm.

Run: ``python benchmarks/bench_compose.py [repeats]``. Prints the best and median wall time of
one full pass after a warm-up pass (font metrics and per-character caches filled), plus the
cost of counting lines only (what copy fitting calls repeatedly).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from layout.compose import compose, count_lines  # noqa: E402
from layout.fonts import default_registry  # noqa: E402

SEED = ROOT / "tests" / "_files" / "bulletin-2021-q1.txt"


def main(repeats: int = 20) -> None:
    paragraphs = [p.strip() for p in SEED.read_text(encoding="utf-8").splitlines() if p.strip()]
    chars = sum(len(p) for p in paragraphs)
    fonts = default_registry()
    t0 = time.perf_counter()
    for p in paragraphs:
        compose(p, 13, 9.0, fonts)
    cold = (time.perf_counter() - t0) * 1000

    def run(fn) -> list[float]:
        times = []
        for _ in range(repeats):
            t = time.perf_counter()
            for p in paragraphs:
                fn(p, 13, 9.0, fonts)
            times.append((time.perf_counter() - t) * 1000)
        return times

    comp = run(compose)
    cnt = run(count_lines)
    lines = sum(len(compose(p, 13, 9.0, fonts)) for p in paragraphs)
    print(f"{len(paragraphs)} paragraphs, {chars} characters, {lines} lines at 13 em")
    print(f"first pass (font loading, cold caches): {cold:.1f} ms")
    print(f"compose warm:     best {min(comp):.1f} ms, median {statistics.median(comp):.1f} ms")
    print(f"count_lines warm: best {min(cnt):.1f} ms, median {statistics.median(cnt):.1f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)

"""Import speed: the seed page in-process (target ≤ 0.2 s), and a 24-page batch.

Run: python benchmarks/bench_import.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from importers import import_file, import_text  # noqa: E402

SEED = ROOT / "tests" / "_files" / "bulletin-2021-q1.txt"


def timed(fn, repeat: int = 20) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), max(times)


def main() -> int:
    text = SEED.read_text(encoding="utf-8")
    med, worst = timed(lambda: import_text(text))
    print(f"import seed text ({len(text)} chars): median {med * 1000:.1f} ms, worst {worst * 1000:.1f} ms "
          f"(target ≤ 200 ms)")
    med, worst = timed(lambda: import_file(SEED))
    print(f"import seed file (read + decode + structure): median {med * 1000:.1f} ms, worst {worst * 1000:.1f} ms")
    big = "\n\n".join([text] * 12)
    med, worst = timed(lambda: import_text(big), repeat=5)
    print(f"import 12 × seed = 24 pages ({len(big)} chars): median {med * 1000:.1f} ms, worst {worst * 1000:.1f} ms")
    return 0 if med < 5 else 1


if __name__ == "__main__":
    sys.exit(main())

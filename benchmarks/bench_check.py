"""Proofreading speed on a 24-page issue (target ≤ 1 s), and precision/recall on the case set.

Run: python benchmarks/bench_check.py
"""

from __future__ import annotations

import copy
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import proofread  # noqa: E402
from model.document import new_id  # noqa: E402
from model.example import example_bulletin  # noqa: E402
from proofread.evaluation import evaluate, load_cases  # noqa: E402


def issue_of(pages: int):
    """The example's two pages repeated to ``pages`` pages, each block with a fresh id."""
    base = example_bulletin()
    b = copy.copy(base)
    b.pages = []
    while len(b.pages) < pages:
        for page in base.pages:
            p = copy.deepcopy(page)
            p.id = new_id("page")
            for item in (p.banner, p.headline, *p.blocks):
                if item is not None:
                    item.id = new_id("x")
            b.pages.append(p)
    b.pages = b.pages[:pages]
    return b


def main() -> int:
    issue = issue_of(24)
    chars = sum(len(p.text) for _, blk in issue.iter_blocks() for p in getattr(blk, "paragraphs", []))
    times, findings = [], []
    for _ in range(10):
        t = time.perf_counter()
        findings = proofread.check(issue, chars_target=600)
        times.append(time.perf_counter() - t)
    med, worst = statistics.median(times), max(times)
    errors = sum(f.level == "error" for f in findings)
    print(f"check 24-page issue ({chars} body chars): median {med * 1000:.0f} ms, worst {worst * 1000:.0f} ms "
          f"(target ≤ 1000 ms); {errors} errors, {len(findings) - errors} warnings")
    scores = evaluate(load_cases(ROOT / "tests" / "_files" / "proofread_cases.txt"))
    print(f"case set ({scores.tp + scores.fn} planted slips): {scores.summary()}")
    seed = proofread.check(example_bulletin())
    print(f"seed page: {sum(f.level == 'error' for f in seed)} errors (10 real slips), "
          f"{sum(f.level == 'warning' for f in seed)} warnings")
    return 0 if worst < 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())

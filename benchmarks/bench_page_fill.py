"""Page fill (issue 10): scattered holes on the example and on bulletins imported from text
submissions of random lengths, as a new user would make them (import, then export).

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_page_fill.py [--seeds 1-6] [--cities 5,7,9] [--pdf-tool PATH]

Per page: empty share of the type area, the largest empty rectangle (the one gathered space)
and the scattered rest, measured on the laid-out page drawn by the preview's painter
(tests/page_holes.py). With ``--pdf-tool`` (e.g. ../shared/tools/page_fill.py) the exported
PDF is measured by that tool as well. Prints numbers, asserts nothing (DESIGN §10).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", default="1-6")
    parser.add_argument("--cities", default="5,7,9")
    parser.add_argument("--pdf-tool", default="")
    args = parser.parse_args()
    lo, _, hi = args.seeds.partition("-")
    seeds = range(int(lo), int(hi or lo) + 1)
    counts = [int(c) for c in args.cities.split(",")]

    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - fonts need it
    from exporters.pdf import write_pdf
    from layout.document import lay_out_bulletin
    from layout.grid import make_grid
    from model.example import example_bulletin
    from tests.page_holes import measure
    from tests.submissions import imported_submissions

    def report(label: str, b, tmp: Path) -> list[float]:
        doc = lay_out_bulletin(b)
        g = make_grid(b.page_setup)
        out = []
        for lp in doc.pages:
            h = measure(lp, g, b.images.get)
            out.append(h.scattered_pct)
            line = (f"{label:16s} page {lp.number}: empty {h.empty_pct:5.1f} %  largest gap {h.largest_pct:5.1f} %  "
                    f"scattered {h.scattered_pct:4.1f} %")
            print(line)
        if args.pdf_tool:
            pdf = tmp / "out.pdf"
            write_pdf(b, str(pdf))
            tool = subprocess.run([sys.executable, args.pdf_tool, str(pdf)], capture_output=True, text=True)
            for ln in tool.stdout.splitlines():
                print(f"{'':16s}   PDF tool: {ln}")
        return out

    worst: list[float] = []
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        worst += report("example", example_bulletin(), tmp)
        imported: list[float] = []
        for seed in seeds:
            for n in counts:
                folder = tmp / f"s{seed}-{n}"
                folder.mkdir()
                b = imported_submissions(folder, seed, n)
                imported += report(f"seed {seed}, {n} cities", b, tmp)
    print(f"\nexample: worst page {max(worst):.1f} % scattered")
    print(f"imported: {len(imported)} pages, worst {max(imported):.1f} %, mean {sum(imported) / len(imported):.1f} %, "
          f"{sum(1 for x in imported if x > 5.0)} over 5 %")
    return 0


if __name__ == "__main__":
    sys.exit(main())

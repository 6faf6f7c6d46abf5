"""Kill -9 during saves: the project always opens as the old or the new version, and killed
writers' temporary files do not pile up.

    python benchmarks/bench_kill_save.py [--kills 100] [--dir DIR]

A child process loads nothing from the parent: it builds two versions of a bulletin (with a
few megabytes of pictures, so a save takes long enough to be hit in the middle), says it is
ready, then saves them alternately to one file for ever. The parent kills it with SIGKILL at
a random moment, then checks that the file opens and is one of the two versions, and counts
the temporary files left in the folder. Prints the numbers; exit status 1 on any violation
(this script is also run, with fewer kills, by tests/test_fileio.py).
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

CHILD = r"""
import copy, io, os, sys
sys.path.insert(0, sys.argv[2])
from PIL import Image
from model.document import ColumnBlock, Portrait
from model.example import example_bulletin
from model.project_file import save

def version(title, seed):
    b = example_bulletin()
    b.issue_title = title
    rnd = __import__("random").Random(seed)
    for i, col in enumerate(c for _p, c in b.iter_blocks() if isinstance(c, ColumnBlock)):
        if i >= 3:
            break
        im = Image.frombytes("RGB", (700, 900), rnd.randbytes(700 * 900 * 3))
        out = io.BytesIO()
        im.save(out, format="PNG")
        col.portrait = Portrait(image=b.images.add(out.getvalue()))
    return b

versions = [version("旧版", 1), version("新版", 2)]
print("ready", flush=True)
n = 0
while True:
    save(copy.deepcopy(versions[n % 2]), sys.argv[1])  # save re-points the saved copy's pictures
    n += 1
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--dir", default=None)
    parser.add_argument("--max-delay", type=float, default=0.6, help="seconds after ready to kill at most")
    args = parser.parse_args(argv)

    from model.project_file import ProjectFileError, load

    folder = args.dir or tempfile.mkdtemp(prefix="kill-save-")
    os.makedirs(folder, exist_ok=True)
    target = os.path.join(folder, "会刊.bulletin")
    rnd = random.Random(7)
    worst_temps = 0
    seen = {"旧版": 0, "新版": 0}
    bad = 0
    started = time.perf_counter()
    for i in range(args.kills):
        child = subprocess.Popen([sys.executable, "-c", CHILD, target, ROOT], stdout=subprocess.PIPE,
                                 env=dict(os.environ, PYTHONPATH=ROOT))
        assert child.stdout is not None
        child.stdout.readline()  # "ready"
        time.sleep(rnd.uniform(0.0, args.max_delay))
        child.send_signal(signal.SIGKILL)
        child.wait()
        temps = [e for e in os.listdir(folder) if e.endswith(".tmp")]
        worst_temps = max(worst_temps, len(temps))
        if not os.path.exists(target):
            continue  # killed before the very first save finished: nothing to open yet
        try:
            title = load(target).issue_title
        except ProjectFileError as exc:
            print(f"kill {i + 1}: the file does not open: {exc}")
            bad += 1
            continue
        if title not in seen:
            print(f"kill {i + 1}: unexpected content {title!r}")
            bad += 1
            continue
        seen[title] += 1
    left = sorted(e for e in os.listdir(folder) if e.endswith(".tmp"))
    print(f"{args.kills} kills in {time.perf_counter() - started:.0f} s: file opened as old {seen['旧版']}×, "
          f"new {seen['新版']}×, broken {bad}×; temporary files after a kill at most {worst_temps}, "
          f"left at the end {len(left)} ({', '.join(left)})")
    return 1 if bad or worst_temps > 1 or len(left) > 1 else 0


if __name__ == "__main__":
    sys.exit(main())

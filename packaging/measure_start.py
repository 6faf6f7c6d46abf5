"""Start-to-window time of the editor on a real X display (a desktop, or Xvfb):

    DISPLAY=:99 python packaging/measure_start.py [--runs 5] [COMMAND …]

COMMAND defaults to the built bundle (packaging/dist/bulletin-editor/bulletin-editor) on its
example project. Each run starts the program, polls the X server (``xwininfo``) until a top-level
window titled 会刊编辑器 is mapped, notes the time and ends the program; the first run also pays
for filling the font caches, so the median of the rest is printed beside it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "packaging" / "dist" / "bulletin-editor" / "bulletin-editor"
TITLE = "会刊编辑器"


def window_shown(xwininfo: str) -> bool:
    out = subprocess.run([xwininfo, "-root", "-tree"], capture_output=True, text=True).stdout
    return TITLE in out


def one_run(command: list[str], xwininfo: str, env: dict[str, str], timeout: float = 60.0) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while time.perf_counter() - start < timeout:
            if window_shown(xwininfo):
                return time.perf_counter() - start
            if proc.poll() is not None:
                raise SystemExit(f"{command[0]} ended with status {proc.returncode} before showing a window")
            time.sleep(0.01)
        raise SystemExit(f"no window within {timeout:.0f} s")
    finally:
        proc.terminate()
        proc.wait(10)
        while window_shown(xwininfo):  # the next run starts on an empty screen
            time.sleep(0.05)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    xwininfo = shutil.which("xwininfo")
    if not os.environ.get("DISPLAY") or not xwininfo:
        return print("needs an X display (DISPLAY) and xwininfo (apt install x11-utils)", file=sys.stderr) or 2
    command = args.command or [str(BUNDLE), str(BUNDLE.parent / "_internal" / "examples" / "example.bulletin")]
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "BULLETIN_CACHE_DIR": str(Path(tmp) / "cache"),
               "BULLETIN_SETTINGS_FILE": str(Path(tmp) / "settings.ini")}
        times = [one_run(command, xwininfo, env) for _ in range(max(2, args.runs))]
    print(f"first start (cold caches) {times[0]:.2f} s; later starts median {statistics.median(times[1:]):.2f} s "
          f"({', '.join(f'{t:.2f}' for t in times[1:])})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Issue 27's speed table in one run: every figure beside its target (run by hand).

    python benchmarks/compare.py            # full: 7 export/Typst pairs, 5 of everything else
    python benchmarks/compare.py --quick    # fewer repetitions (3 pairs, 3 starts, 200 keys)

Every time is a whole process, as a user starts it, and a row's figure is the median of its runs:

- ``main.py export`` of the example to PDF (warm font cache) against Typst (the ``typst`` package
  from PyPI, also started as a Python process) compiling the same text — page title, speech, every
  column's headline, name, titles and paragraphs, the same portraits — on the same page size,
  margins and columns in the same fonts (Noto Serif SC body, Noto Sans SC display, from
  ``pylopdf-fonts-zh-cn``). Runs alternate in pairs, so a busy spell of the shared machine hits
  both; the ratio is the median of the pairs' ratios.
- editor start → the window showing the laid-out page: ``main.py --screenshot`` (offscreen).
- 24 pages, 240 columns, 240 portraits of 12 MP (``bench_export.synthetic``), cold (empty cache)
  and warm, with the peak resident memory of the export process itself (``wait4``).
- repaint of the visible part of the preview at 300 % zoom, and keystroke → preview latency:
  ``bench_gui.py`` in its own process.
- make-up plan time: for now ``main.py fit`` on a copy of the example (whole process).

Children run from compiled bytecode, as an installed program does (a shell's
PYTHONDONTWRITEBYTECODE would add ≈ 70 ms of compiling to every start); the first run of each
kind is a warm-up and not counted.

The machine may be shared with other work: read the ratios first. Asserts nothing (DESIGN §10).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: where the synthetic 24-page issue is kept between runs (building it takes a minute)
BIG_CACHE = Path(tempfile.gettempdir()) / "bulletin-bench"


#: CPU seconds (user + system) of the last process ``run`` waited for: on a shared machine the
#: wall time waits for other work too, the CPU time much less
LAST_CPU = [0.0]


def run(cmd: list[str], env: dict | None = None, cwd: Path | None = None) -> tuple[float, float, str]:
    """(seconds, peak RSS MB of this process alone, stdout) of one whole process."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=out, stderr=err)
        _pid, status, usage = os.wait4(proc.pid, 0)  # this child's own rusage, not all children's
        elapsed = time.perf_counter() - t
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        LAST_CPU[0] = usage.ru_utime + usage.ru_stime
        out.seek(0)
        err.seek(0)
        text, error = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({code}):\n{error[-3000:]}")
    return elapsed, usage.ru_maxrss / 1024, text


def font_dir() -> Path:
    import pylopdf_fonts_zh_cn

    return Path(pylopdf_fonts_zh_cn.serif_path()).parent


def _typ(text: str) -> str:
    """``text`` as Typst markup: every markup character escaped."""
    return re.sub(r"([\\#*_`$<>@=\-+/\[\]~\"'])", r"\\\1", text)


def typst_source(bulletin, image_dir: Path) -> str:
    """The example's text as a Typst document with the same page, columns and fonts."""
    from model.document import ColumnBlock, SpeechBlock

    ps = bulletin.page_setup
    m = ps.margins
    body, leading = ps.body_size_pt, ps.leading_pt
    out = [
        f"#set page(width: {ps.width_mm}mm, height: {ps.height_mm}mm, margin: (top: {m.top}mm, "
        f"bottom: {m.bottom}mm, left: {m.left}mm, right: {m.right}mm), columns: {ps.columns})",
        f"#set columns(gutter: {ps.gutter_em * body}pt)",
        f'#set text(font: "Noto Serif SC", size: {body}pt, lang: "zh", region: "cn")',
        f"#set par(justify: true, first-line-indent: (amount: 2em, all: true), leading: {leading - body}pt, "
        "spacing: 0pt)",
        '#let hei(size, body) = text(font: "Noto Sans SC", size: size, weight: "bold", body)',
    ]
    for n, page in enumerate(bulletin.pages):
        if n:
            out.append("#pagebreak()")
        if page.banner is not None:
            out.append(f"#place(top, float: true, scope: \"parent\", hei(14pt)[{_typ(' '.join(page.banner.lines))}])")
        if page.headline is not None:
            h = page.headline
            out.append(f"#place(top, float: true, scope: \"parent\", align(center)[{_typ(h.kicker)} \\ "
                       f"#hei(36pt)[{_typ(h.title)}] \\ {_typ(h.subtitle)}])")
        for block in page.blocks:
            if isinstance(block, SpeechBlock):
                for sec in block.sections:
                    out.append(f"#hei(14pt)[{_typ(sec.label)} {_typ(sec.heading)}]\n")
                    out += [f"{_typ(b)}\n" for b in sec.bullets]
                    out += [f"{_typ(p.text)}\n" for p in sec.paragraphs]
                out.append(f"{_typ(block.attribution)}\n")
            elif isinstance(block, ColumnBlock):
                out.append(f"#colbreak(weak: true)\n#hei(20pt)[{_typ(block.headline)}]\n")
                if block.portrait is not None:
                    name = image_dir / block.portrait.image
                    name.write_bytes(bulletin.images.get(block.portrait.image))
                    out.append(f'#image("{name.name}", width: 100%)\n')
                if block.person is not None:
                    out.append(f"#hei(12pt)[{_typ(block.person.name)}] " + " ".join(map(_typ, block.person.titles)) + "\n")
                elif block.organisation:
                    out.append(f"#hei(12pt)[{_typ(block.organisation)}]\n")
                out += [f"{_typ(p.text)}\n" for p in block.paragraphs]
    return "\n".join(out) + "\n"


TYPST_RUN = ("import sys, typst; typst.compile(sys.argv[1], output=sys.argv[2], font_paths=[sys.argv[3]], "
             "ignore_system_fonts=True)")


def big_issue() -> Path:
    """The synthetic 24-page issue, built once per version of the example and of its builder."""
    key = hashlib.sha256()
    for f in (ROOT / "benchmarks/bench_export.py", ROOT / "model/example.py", ROOT / "resources/example_content.py"):
        key.update(f.read_bytes())
    path = BIG_CACHE / f"big-{key.hexdigest()[:12]}.bulletin"
    if not path.exists():
        from benchmarks.bench_export import synthetic
        from model.project_file import save

        BIG_CACHE.mkdir(parents=True, exist_ok=True)
        for old in BIG_CACHE.glob("big-*.bulletin"):
            old.unlink()
        t = time.perf_counter()
        save(synthetic(24, 12.0), path)
        print(f"(built the 24-page issue in {time.perf_counter() - t:.0f} s: {path})", file=sys.stderr)
    return path


def med(xs: list[float]) -> float:
    return statistics.median(xs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="fewer repetitions")
    ap.add_argument("--skip-big", action="store_true", help="leave out the 24-page rows")
    args = ap.parse_args()
    import importlib.util

    if importlib.util.find_spec("typst") is None:
        raise SystemExit("benchmarks/compare.py compares with Typst: pip install typst (or pip install -e '.[bench]')")
    pairs, starts, keys = (3, 3, 200) if args.quick else (7, 5, 600)
    py = sys.executable
    main_py = str(ROOT / "main.py")
    rows: list[tuple[str, str, str]] = []

    from model.example import example_bulletin
    from model.project_file import save

    try:
        load1 = os.getloadavg()[0]
    except OSError:
        load1 = float("nan")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        env = dict(os.environ, BULLETIN_CACHE_DIR=str(tmp / "cache"), PYTHONPATH=str(ROOT),
                   QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp / "config"),
                   XDG_DATA_HOME=str(tmp / "data"), PYTHONPYCACHEPREFIX=str(BIG_CACHE / "pycache"))
        # as an installed program runs: from compiled bytecode (kept apart from the work tree),
        # whatever the calling shell says
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        bulletin = example_bulletin()
        src = tmp / "example.bulletin"
        save(bulletin, src)
        (tmp / "typ").mkdir()
        typ = tmp / "typ" / "example.typ"
        typ.write_text(typst_source(bulletin, typ.parent), encoding="utf-8")

        # --- export vs Typst, alternating; the first of each warms caches and is not counted
        ours_cmd = [py, main_py, "export", str(src), "--pdf", str(tmp / "ex.pdf"), "--reproducible"]
        typst_cmd = [py, "-c", TYPST_RUN, str(typ), str(tmp / "typ.pdf"), str(font_dir())]
        run(ours_cmd, env)
        run(typst_cmd, env)
        ours, theirs, ratios, cpu_ours, cpu_theirs = [], [], [], [], []
        for _ in range(pairs):
            a = run(ours_cmd, env)[0]
            cpu_ours.append(LAST_CPU[0])
            b = run(typst_cmd, env)[0]
            cpu_theirs.append(LAST_CPU[0])
            ours.append(a)
            theirs.append(b)
            ratios.append(a / b)
        rows.append((f"export of the example vs Typst ({pairs} pairs)",
                     f"{med(ratios):.2f}× ({med(ours):.2f} s vs {med(theirs):.2f} s)", "≤ 1.5× (aim 1.0×)"))
        rows.append(("  the same in CPU time (user + system)",
                     f"{med(cpu_ours) / med(cpu_theirs):.2f}× ({med(cpu_ours):.2f} s vs {med(cpu_theirs):.2f} s)", "—"))

        # --- editor start → window with the laid-out page
        shot = [py, main_py, "--screenshot", str(tmp / "shot.png")]
        run(shot, env)
        times, cpus = [], []
        for _ in range(starts):
            times.append(run(shot, env)[0])
            cpus.append(LAST_CPU[0])
        rows.append((f"editor start → page on screen (--screenshot, {starts} runs)",
                     f"{med(times):.2f} s (min {min(times):.2f}; CPU {med(cpus):.2f} s)", "≤ 0.5 s"))

        # --- 24 pages, cold and warm, peak memory
        if not args.skip_big:
            big = big_issue()
            big_cmd = [py, main_py, "export", str(big), "--pdf", str(tmp / "big.pdf"), "--allow-overset"]
            colds, warms, peaks, cold_cpu, warm_cpu = [], [], [], [], []
            for i in range(1 if args.quick else 2):
                cold_env = dict(env, BULLETIN_CACHE_DIR=str(tmp / f"bigcache{i}"))
                t, mem, _ = run(big_cmd, cold_env)
                colds.append(t)
                cold_cpu.append(LAST_CPU[0])
                peaks.append(mem)
                t, mem, _ = run(big_cmd, cold_env)
                warms.append(t)
                warm_cpu.append(LAST_CPU[0])
                peaks.append(mem)
                shutil.rmtree(tmp / f"bigcache{i}", ignore_errors=True)
            rows.append(("24 pages, 240 × 12 MP portraits: warm / cold",
                         f"{med(warms):.1f} s / {med(colds):.1f} s (CPU {med(warm_cpu):.1f} / {med(cold_cpu):.1f} s)",
                         "≤ 1 s / 3 s"))
            rows.append(("  peak memory of that export", f"{max(peaks):.0f} MB", "≤ 400 MB"))

        # --- zoomed repaint and keystrokes, in the editor
        _t, _m, out = run([py, str(ROOT / "benchmarks/bench_gui.py"), "--keys", str(keys)], env)
        reps = {z: re.search(rf"repaint visible at {z}% zoom:\s+median ([\d.]+) ms, first ([\d.]+) ms", out)
                for z in (300, 200)}
        for z, rep in reps.items():
            if rep:
                rows.append((f"preview at {z} %: first paint after zooming / repaint on scroll",
                             f"{float(rep[2]):.0f} / {float(rep[1]):.0f} ms", "≤ 50 ms"))
        whole = re.search(r"paint one page at 300% zoom:\s+([\d.]+) ms", out)
        if whole:
            rows.append(("  (a whole page rendered at 300 %, for reference)", f"{float(whole[1]):.0f} ms", "—"))
        key = re.search(r"median ([\d.]+) ms, max ([\d.]+) ms over (\d+) keys", out)
        if key:
            rows.append((f"keystroke → preview, median / worst ({key[3]} keys)",
                         f"{float(key[1]):.0f} / {float(key[2]):.0f} ms", "≤ 16 / 50 ms"))
        else:
            rows.append(("keystroke → preview", "(bench_gui output not understood)", "≤ 16 / 50 ms"))

        # --- make-up plan time (for now: copy-fit of the example, whole process)
        fits, fit_cpu = [], []
        for _ in range(starts):
            copy = tmp / "fit.bulletin"
            shutil.copyfile(src, copy)
            fits.append(run([py, main_py, "fit", str(copy)], env)[0])
            fit_cpu.append(LAST_CPU[0])
        rows.append((f"make-up plan time (main.py fit of the example, {starts} runs)",
                     f"{med(fits):.2f} s (CPU {med(fit_cpu):.2f} s)", "—"))

    try:
        load2 = os.getloadavg()[0]
    except OSError:
        load2 = float("nan")
    rev = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%h %s"], capture_output=True, text=True).stdout.strip()
    print(f"benchmarks/compare.py{' --quick' if args.quick else ''} · {time.strftime('%Y-%m-%d %H:%M %Z')} · {rev[:72]}")
    print(f"{os.cpu_count()} cores, load average {load1:.1f} before / {load2:.1f} after "
          "(the machine is shared with other work: read the ratios first)")
    w0 = max(len(r[0]) for r in rows)
    w1 = max(len(r[1]) for r in rows)
    print(f"| {'measure'.ljust(w0)} | {'now'.ljust(w1)} | target |")
    print(f"|{'-' * (w0 + 2)}|{'-' * (w1 + 2)}|--------|")
    for name, value, target in rows:
        print(f"| {name.ljust(w0)} | {value.ljust(w1)} | {target} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

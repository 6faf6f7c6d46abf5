"""Editor benchmarks: start-up, keystroke-to-preview latency, preview painting, memory.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_gui.py [--keys N]

Prints numbers, asserts nothing (DESIGN §10). "Start" is measured from interpreter start to a
shown window whose preview holds the laid-out example (the real layout engine, in its worker
thread, as a user gets it). A "keystroke" is one character typed into a column's body text; it
is timed until the preview shows a layout that includes it (debounce + deep copy + layout of the
changed page + hand-over to the GUI thread + repaint of what changed); the proofreader runs on
its own slower timer and is not part of it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

T0 = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def rss_mb() -> float:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keys", type=int, default=15, help="keystrokes to time")
    args = parser.parse_args()

    import tempfile

    from PySide6.QtCore import QEvent, QStandardPaths, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    QStandardPaths.setTestModeEnabled(True)
    from gui import settings as app_settings

    app_settings.SETTINGS_FILE = os.path.join(tempfile.mkdtemp(), "bench.ini")
    from gui.app import setup_application

    app = setup_application("zh_CN")
    from gui.main_window import MainWindow
    from model.document import ColumnBlock
    from model.example import example_bulletin

    t_import = time.perf_counter() - T0
    w = MainWindow(example_bulletin(), None, restore_settings=False, recovery_dir=tempfile.mkdtemp())
    # poll for the layout alone (an older runner, without wait_layout, waits for its proofreader too)
    wait_layout = getattr(w.runner, "wait_layout", w.runner.wait)
    w.resize(1440, 900)
    w.show()
    app.processEvents()
    t_shown = time.perf_counter() - T0
    while w.runner.result is None or not w.runner.is_idle():
        app.processEvents()
        wait_layout(5)
    app.processEvents()
    t_preview = time.perf_counter() - T0
    first_layout = w.runner.result.seconds
    print(f"imports + QApplication:            {t_import * 1000:7.0f} ms")
    print(f"start → window shown:              {t_shown * 1000:7.0f} ms")
    print(f"start → window with preview:       {t_preview * 1000:7.0f} ms (first layout {first_layout * 1000:.0f} ms)")
    print(f"resident memory after start:       {rss_mb():7.0f} MB")

    col = next(b for _p, b in w.doc.bulletin.iter_blocks() if isinstance(b, ColumnBlock))
    w.select(col.id)
    editor = w.form.body.editor
    editor.setFocus()
    latencies, layouts = [], []
    for i in range(args.keys):
        ch = "字"
        start = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(editor, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))
        handled = time.perf_counter()
        target = w.doc.generation
        while not (w.runner.result is not None and w.runner.result.generation >= target and w.runner.is_idle()):
            app.processEvents()
            wait_layout(2)
        app.processEvents()  # the repaint
        end = time.perf_counter()
        latencies.append(end - start)
        layouts.append(w.runner.result.seconds)
        if i == 0:
            print(f"keystroke handled in GUI thread:   {(handled - start) * 1000:7.1f} ms")
    ms = sorted(x * 1000 for x in latencies)
    print(f"keystroke → preview updated:       median {statistics.median(ms):.0f} ms, "
          f"max {ms[-1]:.0f} ms over {len(ms)} keys (layout alone median "
          f"{statistics.median(layouts) * 1000:.0f} ms; debounce {w.runner.timer.interval()} ms)")

    canvas = w.preview.canvas
    page = w.runner.result.document.pages[0]
    start = time.perf_counter()
    n = 5
    for _ in range(n):
        canvas.render_page(page, canvas.scale)
    print(f"paint one page at fit-width zoom:  {(time.perf_counter() - start) / n * 1000:7.1f} ms "
          f"({len(page.items)} items)")
    start = time.perf_counter()
    canvas.render_page(page, 4.0)
    print(f"paint one page at 300% zoom:       {(time.perf_counter() - start) * 1000:7.1f} ms")
    # what a user waits for after zooming in: the window repainted at the new zoom (the first
    # paint at a zoom), then the visible part repainted as they scroll (median)
    view = w.preview.scroll
    for zoom in (2.0, 3.0):
        w.preview.fit_width()
        app.processEvents()
        start = time.perf_counter()
        w.preview.set_zoom(zoom)
        app.processEvents()
        first = (time.perf_counter() - start) * 1000
        repaints = []
        bar = view.verticalScrollBar()
        for i in range(5):
            bar.setValue(bar.value() + (300 if i % 2 == 0 else -200))
            app.processEvents()
            visible = canvas.visibleRegion().boundingRect()
            start = time.perf_counter()
            canvas.repaint(visible)
            repaints.append((time.perf_counter() - start) * 1000)
        print(f"repaint visible at {zoom * 100:.0f}% zoom:      median {statistics.median(repaints):.1f} ms, "
              f"first {first:.1f} ms ({visible.width()}×{visible.height()} px)")
    print(f"resident memory after editing:     {rss_mb():7.0f} MB")
    w.doc.undo_stack.setClean()
    w.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Import reads files on a worker with progress and 取消 (issue 29, point 12, import half):
the window stays responsive during a slow conversion, and 取消 ends it at once, leaving no
process and no folder behind."""

from __future__ import annotations

import os
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from gui.importing import read_in_worker
from tests.test_convert_group import _no_litter, fake_soffice  # noqa: F401 - the fixture

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX process groups")


def test_a_slow_conversion_keeps_the_window_responsive_and_can_be_cancelled(qtbot, fake_soffice, monkeypatch):  # noqa: F811
    import importers.convert as convert

    doc, tmp, pids = fake_soffice
    monkeypatch.setattr(convert, "TIMEOUT_S", 60)
    ticks: list[float] = []
    tick = QTimer()
    tick.timeout.connect(lambda: ticks.append(time.monotonic()))
    tick.start(50)
    seen = {}

    def press_cancel():
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, QProgressDialog) and w.objectName() == "importProgress"), None)
        seen["shown"] = dialog is not None and dialog.isVisible()
        seen["label"] = dialog.labelText() if dialog else ""
        if dialog is not None:
            dialog.findChild(QPushButton).click()  # the user's 取消

    QTimer.singleShot(1500, press_cancel)
    t0 = time.monotonic()
    result = read_in_worker(None, [str(doc)])
    took = time.monotonic() - t0
    tick.stop()
    assert result is None, (result, took, seen)  # cancelled: nothing read, nothing changed
    assert seen.get("shown"), "no progress dialog while the conversion ran"
    assert "old.doc" in seen["label"]
    assert took < 10
    during = [t for t in ticks if t - t0 < 1.4]
    assert len(during) >= 10, f"the event loop ran only {len(during)} times in 1.4 s: the window froze"
    _no_litter(tmp, pids)


def test_files_that_cannot_be_read_are_named_and_the_others_read(qtbot, tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("当好排头兵\n\n王芳\n市总工会主席\n\n2020年，工会开展活动。\n", encoding="utf-8")
    result = read_in_worker(None, [str(good), str(tmp_path / "missing.txt")])
    assert result is not None
    subs, errors = result
    assert [s.source for s in subs] == ["a.txt"]
    assert len(errors) == 1 and "missing.txt" in errors[0]


def test_the_export_report_of_an_empty_bulletin_does_not_say_no_problems(qtbot, tmp_path):
    from PySide6.QtWidgets import QWidget

    from exporters.result import ExportResult
    from gui.document import Document
    from gui.export import Exporter

    parent = QWidget()
    qtbot.addWidget(parent)
    from model.document import Bulletin

    exporter = Exporter(Document(Bulletin()), parent)
    exporter._finished("pdf", str(tmp_path / "e.pdf"), ExportResult(path=str(tmp_path / "e.pdf"), pages=0), 0.1)
    text = exporter.report.text()
    assert "没有发现问题" not in text and "没有任何版面" in text


def test_the_review_refuses_more_blocks_than_a_bulletin_prints(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox, QWidget

    import gui.importing as importing
    import model.document as d
    from importers.budget import MAX_BLOCKS
    from importers.report import ImportReport

    too_many = d.Bulletin(pages=[d.Page(blocks=[d.ColumnBlock(headline=f"标题{i}") for i in range(MAX_BLOCKS + 1)])])

    class Dialog:
        submissions = [None]

        def result_bulletin(self):
            return too_many, ImportReport()

    window = QWidget()
    qtbot.addWidget(window)
    window.doc = None  # never reached
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    assert importing.finish_import(window, Dialog()) is False
    assert warned and str(MAX_BLOCKS) in warned[0]

"""The export dialog's DOCX choices (issue 15): which fonts the Word document names, and the
report of what the DOCX export found."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from exporters.result import ExportResult
from layout.types import Problem

pytest_plugins = ("tests.test_gui_helpers",)  # its fixtures: gui_env, make_window


def test_docx_dialog_offers_the_font_sets_with_common_first(qtbot, tmp_path):
    from gui.export import DocxOptionsDialog

    dlg = DocxOptionsDialog(str(tmp_path / "专版"))
    qtbot.addWidget(dlg)
    keys = [dlg.fonts.itemData(i) for i in range(dlg.fonts.count())]
    assert keys == ["common", "founder", "pdf"]
    assert dlg.values() == (str(tmp_path / "专版.docx"), "common")  # default: fonts every reader has
    dlg.fonts.setCurrentIndex(2)
    assert dlg.values()[1] == "pdf"
    assert "宋体" in dlg.fonts.itemText(0) and "方正" in dlg.fonts.itemText(1)


def test_ask_docx_passes_the_chosen_fonts_and_reports_problems(make_window, qtbot, tmp_path, monkeypatch):
    from gui import export as gui_export

    w = make_window()
    calls = []

    def writer(bulletin, path, fonts="common"):
        calls.append((path, fonts))
        return ExportResult(path=path, problems=[Problem("missing_portrait", "column-x", "王五 的照片无法读取")], pages=2)

    w.exporter.docx_loader = lambda: writer
    out = str(tmp_path / "out.docx")

    def fake_exec(dlg):
        dlg.path.setText(out)
        dlg.fonts.setCurrentIndex(dlg.fonts.findData("founder"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(gui_export.DocxOptionsDialog, "exec", fake_exec)
    with qtbot.waitSignal(w.exporter.done, timeout=10000) as sig:
        w.exporter.ask_docx()
    assert calls == [(out, "founder")]
    assert sig.args[0] == "docx"
    report = w.exporter.report
    assert "王五 的照片无法读取" in report.text()
    report.close()

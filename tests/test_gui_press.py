"""Print production in the editor: the printing condition in the page setup, the export dialog's
press options, and the preflight in the export report (issue 13)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from exporters.result import ExportResult
from gui.export import PdfOptionsDialog
from gui.outline import SETUP_ID
from layout.types import Problem
from model.project_file import load, save

pytest_plugins = ("tests.test_gui_helpers",)  # its fixtures: gui_env, make_window

GS_CMYK_PROFILE = Path("/usr/share/color/icc/ghostscript/default_cmyk.icc")


def test_page_setup_printing_condition_and_profile_with_undo(make_window, tmp_path):
    w = make_window()
    w.select(SETUP_ID)
    form = w.form
    assert form.condition.currentData() == "newsprint"
    form.condition.setCurrentIndex(form.condition.findData("coated"))
    assert w.doc.bulletin.page_setup.printing_condition == "coated"
    form.preset.setCurrentIndex(form.preset.findData("a4"))  # a new paper size keeps the press
    assert w.doc.bulletin.page_setup.printing_condition == "coated"
    bad = tmp_path / "bad.icc"
    bad.write_bytes(b"junk")
    form.icc.setText(str(bad))
    form.icc.editingFinished.emit()
    assert w.doc.bulletin.page_setup.icc_profile == str(bad)
    assert "bad.icc" in form.icc_hint.text()  # told at once that the profile cannot be used
    path = tmp_path / "press.bulletin"
    save(w.doc.bulletin, path)
    again = load(path).page_setup
    assert (again.printing_condition, again.icc_profile) == ("coated", str(bad))
    w.act_undo.trigger()
    w.act_undo.trigger()
    w.act_undo.trigger()
    assert w.doc.bulletin.page_setup.printing_condition == "newsprint"
    assert form.condition.currentData() == "newsprint" and form.icc.text() == ""


def test_export_dialog_offers_the_press_and_refuses_impossible_choices(qtbot, tmp_path, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: told.append(a[2]))
    dlg = PdfOptionsDialog(str(tmp_path / "a.pdf"), "cmyk", condition="uncoated")
    qtbot.addWidget(dlg)
    assert dlg.options() == {"condition": "uncoated", "icc_profile": "", "flavour": None, "split": False}
    dlg.split.setChecked(True)
    dlg.flavour.setCurrentIndex(dlg.flavour.findData("x4"))
    dlg.accept()
    assert told and "ICC" in told[-1] and dlg.result() == 0  # PDF/X-4 without a profile
    dlg.flavour.setCurrentIndex(dlg.flavour.findData("x1a"))
    dlg.colour.setCurrentIndex(dlg.colour.findData("rgb"))
    dlg.accept()
    assert "RGB" in told[-1]
    dlg.colour.setCurrentIndex(dlg.colour.findData("cmyk"))
    dlg.icc.setText(str(tmp_path / "missing.icc"))
    dlg.accept()
    assert "missing.icc" in told[-1]
    dlg.icc.setText("")
    n = len(told)
    dlg.accept()
    assert len(told) == n and dlg.result() == 1
    assert dlg.options() == {"condition": "uncoated", "icc_profile": "", "flavour": "x1a", "split": True}


def test_export_passes_the_press_options_and_reports_the_preflight(make_window, qtbot, tmp_path):
    w = make_window()
    calls = []

    def fake_pdf(bulletin, path, colour="cmyk", bleed_mm=0.0, **options):
        calls.append(options)
        Path(path).write_bytes(b"%PDF-1.3\n")
        return ExportResult(path=path, problems=[
            Problem("ink_limit", "p.jpg", "CMYK picture p.jpg: 380 % total ink"),
            Problem("faint_tint", "", "1 colour raised to 5 %")], pages=2)

    w.exporter.pdf_loader = lambda: fake_pdf
    out = str(tmp_path / "out.pdf")
    with qtbot.waitSignal(w.exporter.done, timeout=10000):
        w.exporter.export_pdf(out, "cmyk", 3.0, condition="coated", icc_profile="", flavour="x1a", split=True)
    assert calls == [{"condition": "coated", "icc_profile": "", "flavour": "x1a", "split": True}]
    text = w.exporter.report.text()
    assert "总墨量超限" in text and "网点过浅" in text
    assert "out-*.pdf" in text  # one file per page: the report names them all
    w.exporter.report.close()


def test_the_editor_lists_the_flat_colour_preflight_beside_the_layout_problems(example):
    """Issue 13: the problems panel shows what the export's preflight says of the page's colours
    (the example's thin red rule is set in one ink), without exporting."""
    from gui.layout_runner import IncrementalLayout

    doc = IncrementalLayout()(example)
    assert any(p.kind == "one_ink" for p in doc.problems)
    example.page_setup.colour_mode = "rgb"  # a screen PDF has no press to check for
    assert not any(p.kind == "one_ink" for p in IncrementalLayout()(example).problems)

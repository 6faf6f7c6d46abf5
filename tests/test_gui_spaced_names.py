"""The spaced-name option (人名加空) in the page-setup form: one undoable step, and preset
changes set it as the preset says (on for newspapers, off for A3/A4 bulletins)."""

from __future__ import annotations

from gui.outline import SETUP_ID

pytest_plugins = ("tests.test_gui_helpers",)  # its fixtures: gui_env, make_window


def test_spaced_names_checkbox_is_undoable_and_follows_the_preset(make_window):
    w = make_window()
    w.select(SETUP_ID)
    form = w.form
    assert w.doc.bulletin.page_setup.spaced_names and form.spaced_names.isChecked()
    form.spaced_names.setChecked(False)
    assert not w.doc.bulletin.page_setup.spaced_names
    w.act_undo.trigger()
    assert w.doc.bulletin.page_setup.spaced_names and form.spaced_names.isChecked()
    form.preset.setCurrentIndex(form.preset.findData("a4"))
    assert not w.doc.bulletin.page_setup.spaced_names and not form.spaced_names.isChecked()

"""Issue 14: how the editor starts — the last file, the example once, missing X libraries named —
and file dialogs that start in the last used folder."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QFileDialog

from gui import app as gui_app
from gui import settings as app_settings
from model.project_file import save
from tests.test_cli import ROOT
from tests.test_gui_helpers import first_column

pytest_plugins = ("tests.test_gui_helpers",)  # its fixtures: gui_env, make_window


def test_first_start_shows_the_example_later_starts_the_last_file(gui_env, tmp_path, example):
    bulletin, path, note = gui_app.starting_document(None)
    assert path is None and bulletin.pages and bulletin.publication == example.publication
    app_settings.mark_started()
    bulletin, path, _ = gui_app.starting_document(None)
    assert path is None and bulletin.publication != example.publication  # a new, empty issue
    first = tmp_path / "a" / "first.bulletin"
    last = tmp_path / "b" / "last.bulletin"
    for p in (first, last):
        p.parent.mkdir()
        save(example, str(p))
        app_settings.add_recent(str(p))
    bulletin, path, note = gui_app.starting_document(None)
    assert path == str(last) and note == "" and len(bulletin.pages) == len(example.pages)
    last.unlink()  # gone since: the one before it
    _, path, _ = gui_app.starting_document(None)
    assert path == str(first)


def test_a_broken_last_file_is_reported_not_fatal(gui_env, tmp_path):
    app_settings.mark_started()
    bad = tmp_path / "bad.bulletin"
    bad.write_bytes(b"PK\x03\x04 broken")
    app_settings.add_recent(str(bad))
    bulletin, path, note = gui_app.starting_document(None)
    assert path is None and "bad.bulletin" in note


def test_missing_x_libraries_are_named_with_their_packages(monkeypatch, capsys):
    def load(name):
        if name in ("libxcb-cursor.so.0", "libxcb-icccm.so.4"):
            raise OSError(f"{name}: cannot open shared object file")

    missing = gui_app.missing_x_libraries(load)
    assert missing == ["libxcb-cursor.so.0", "libxcb-icccm.so.4"]
    monkeypatch.setattr(gui_app, "missing_x_libraries", lambda: missing)
    monkeypatch.setattr(gui_app, "uses_xcb", lambda: True)
    assert gui_app.run_gui(None) == 2
    err = capsys.readouterr().err
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4" in err and "libxcb-icccm.so.4" in err


@pytest.mark.parametrize("env, platform, xcb", [
    ({}, "linux", True), ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
    ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False), ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
    ({}, "win32", False),
])
def test_only_x11_starts_check_the_x_libraries(env, platform, xcb):
    assert gui_app.uses_xcb(env, platform) is xcb


def test_the_editor_names_what_this_machine_lacks_instead_of_aborting(tmp_path):
    missing = gui_app.missing_x_libraries()
    if not missing:
        pytest.skip("every X library is installed here: Qt would start")
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0", "BULLETIN_SETTINGS_FILE": str(tmp_path / "s.ini")}
    r = subprocess.run([sys.executable, str(ROOT / "main.py")], capture_output=True, text=True, env=env,
                       timeout=120, cwd=tmp_path)
    assert r.returncode == 2, r.stderr
    assert "apt install " in r.stderr and gui_app.X_LIBRARIES[missing[0]] in r.stderr
    assert "qt.qpa.plugin" not in r.stderr  # Qt never got to abort


def test_file_dialogs_start_in_the_last_used_folder(make_window, monkeypatch, tmp_path, example):
    folder = tmp_path / "this week"
    folder.mkdir()
    w = make_window()
    assert w.save_to(str(folder / "issue.bulletin"))
    starts = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: starts.append(a[2]) or ("", ""))
    w.select(first_column(w.doc.bulletin).id)
    w.form.portrait.choose_file()  # the photo picker
    assert starts == [str(folder)]
    photos = tmp_path / "photos"
    photos.mkdir()
    app_settings.remember_folder(str(photos / "a.jpg"))
    w.form.portrait.choose_file()
    assert starts[-1] == str(photos)
    other = make_window()  # an unsaved bulletin exports to the last folder too
    assert os.path.dirname(other.exporter._default_path(".pdf")) == str(photos)


def test_help_guide_walks_through_the_workflow_in_both_languages(make_window, monkeypatch):
    from gui.help_guide import GuideDialog

    shown = []
    monkeypatch.setattr(GuideDialog, "exec", lambda self: shown.append(self.browser.toPlainText()) or 0)
    w = make_window()
    assert "帮助" in w.main_menu.help_menu.title() and w.act_guide in w.main_menu.help_menu.actions()
    w.act_guide.trigger()
    # issue 26: the five steps of the job, and what to do for a short page, an overset block, a missing portrait
    for step in ("1. 从稿件新建", "2. 检查稿件", "3. 组版", "4. 检查版面", "5. 导出", "版面太空", "文字超出", "缺少肖像",
                 "改为四开", "自动组版"):
        assert step in shown[-1]
    w.set_language("en")
    w.act_guide.trigger()
    for step in ("1. New from submissions", "2. Review", "3. Make-up", "4. Check", "5. Export", "A page too empty",
                 "Overset text", "A missing portrait", "Auto make-up"):
        assert step in shown[-1]


def test_help_opens_the_example(make_window, example):
    from gui.templates import new_bulletin

    w = make_window(new_bulletin("brief"))
    w.act_open_example.trigger()
    assert w.doc.bulletin.publication == example.publication and w.doc.path is None

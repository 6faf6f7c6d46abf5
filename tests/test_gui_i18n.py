"""Chinese by default, English on request; the catalogue covers every string in gui/."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from gui import i18n
from gui import settings as app_settings
from tests.test_gui_helpers import first_column

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "bulletin_en.ts"

pytest_plugins = ("tests.test_gui_helpers",)  # its fixtures: gui_env, make_window


def menu_titles(w) -> list[str]:
    return [a.text() for a in w.menuBar().actions()]


def test_chinese_is_the_default(make_window):
    w = make_window()
    assert i18n.current() == "zh_CN"
    assert menu_titles(w)[0] == "文件(&F)"
    assert w.outline_dock.windowTitle() == "目录"
    assert "会刊编辑器" in w.windowTitle()


def test_switching_language_relabels_the_window_and_is_remembered(make_window, qtbot):
    w = make_window()
    col = first_column(w.doc.bulletin)
    w.select(col.id)
    w.set_language("en")
    assert menu_titles(w)[:4] == ["&File", "&Edit", "&Layout", "&View"]
    assert w.outline_dock.windowTitle() == "Outline"
    assert w.form_dock.windowTitle() == "Properties"
    assert "Bulletin Editor" in w.windowTitle()
    assert w.form.heading_label.text() == "City column"  # the form of the selection was rebuilt
    assert w.form.item is col and w.selected_id == col.id
    assert app_settings.language() == "en"
    assert w.act_undo.text().startswith("Undo")
    w.set_language("zh_CN")
    assert menu_titles(w)[0] == "文件(&F)"
    assert w.form.heading_label.text() == "地市栏目"
    assert app_settings.language() == "zh_CN"


def test_editing_still_works_after_a_language_switch(make_window):
    w = make_window()
    w.set_language("en")
    col = first_column(w.doc.bulletin)
    w.select(col.id)
    w.form.headline.setText("x")
    w.form.headline.textEdited.emit("x")
    assert col.headline == "x"
    w.act_undo.trigger()
    assert col.headline != "x"


def _messages() -> list[tuple[str, str, str | None, str | None]]:
    root = ET.parse(TS).getroot()
    out = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name")
        for m in ctx.iter("message"):
            tr = m.find("translation")
            out.append((name, m.findtext("source"), tr.text, tr.get("type")))
    return out


def test_every_english_string_is_translated():
    msgs = _messages()
    assert len(msgs) > 200
    unfinished = [(c, s) for c, s, t, kind in msgs if not t or kind in ("unfinished", "obsolete", "vanished")]
    assert unfinished == []
    # Placeholders survive translation, or .format() would raise or lose values.
    import re

    for _c, src, tr, _k in msgs:
        assert sorted(re.findall(r"\{[^}]*\}", src)) == sorted(re.findall(r"\{[^}]*\}", tr)), src


def test_compiled_catalogue_is_there():
    assert TS.with_suffix(".qm").stat().st_size > 1000


@pytest.mark.skipif(shutil.which("pyside6-lupdate") is None, reason="pyside6-lupdate not installed")
def test_catalogue_holds_every_string_in_the_code(tmp_path):
    fresh = tmp_path / "fresh.ts"
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "gui").rglob("*.py"))
    subprocess.run(["pyside6-lupdate", "-locations", "none", *files, "-ts", str(fresh)], cwd=ROOT, check=True,
                   capture_output=True)
    root = ET.parse(fresh).getroot()
    in_code = {(ctx.findtext("name"), m.findtext("source")) for ctx in root.iter("context") for m in ctx.iter("message")}
    in_ts = {(c, s) for c, s, _t, _k in _messages()}
    assert in_code - in_ts == set(), "run python resources/i18n/update.py and translate the new strings"

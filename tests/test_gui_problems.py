"""Problems panel: layout problems and proofreading findings, jumping to blocks, one-click fixes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox

from model.document import Paragraph
from tests.test_gui_helpers import OVERSET_CHARS, first_column, wait_layout

pytest_plugins = ("tests.test_gui_helpers",)  # its fixtures: gui_env, make_window

ROOT = Path(__file__).resolve().parent.parent
proofread = pytest.importorskip("proofread")


def _rows(w) -> list[tuple[str, str, str]]:
    p = w.problems
    return [tuple(p.topLevelItem(i).text(c) for c in range(3)) for i in range(p.count_rows())]


def test_overset_and_findings_are_listed_and_jump_to_their_block(make_window, qtbot):
    w = make_window(check_fn=proofread.check)
    col = first_column(w.doc.bulletin)
    w.select(col.id)
    col_text = "很长的正文。" * (OVERSET_CHARS // 5)
    w.form.body.editor.setPlainText(col_text)
    wait_layout(qtbot, w)
    rows = _rows(w)
    assert any(kind == "文字超出" for kind, _where, _msg in rows)
    assert any(kind == "校对" and "实效" in msg for kind, _where, msg in rows)  # 以实效实效 in the Yan'an column
    assert "问题（" in w.problems_dock.windowTitle()
    # Double-clicking the 实效 finding selects the Yan'an column.
    i = next(i for i, r in enumerate(rows) if "实效" in r[2])
    item = w.problems.topLevelItem(i)
    w.problems.itemDoubleClicked.emit(item, 0)
    assert w.selected_id == "column-yanan"
    assert w.form.item.id == "column-yanan"


def test_findings_are_shown_in_the_ui_language(make_window, qtbot):
    w = make_window(check_fn=proofread.check)
    wait_layout(qtbot, w)
    row = next(r for r in _rows(w) if "实效" in r[2])
    assert row[2].startswith("重复词语“实效”：") and row[2].endswith("→ 删去第二个“实效”")
    assert "repeated" not in row[2]
    w.set_language("en")
    row = next(r for r in _rows(w) if "实效" in r[2])
    assert row[2].startswith("repeated word “实效”: ") and row[2].endswith("→ delete the second “实效”")
    assert "重复词语" not in row[2]
    w.set_language("zh_CN")
    assert any(r[2].startswith("重复词语“实效”") for r in _rows(w))


def test_finding_fields_pick_the_language():
    from gui.problems import finding_fields

    (f,) = proofread.check_text("全体职工再接再励。", block_id="b")
    assert finding_fields(f, "zh_CN") == ("b", "typo", "“再接再励”是常见误写：全体职工⟦再接再励⟧。 → 改为“再接再厉”")
    assert finding_fields(f, "en")[2].startswith("“再接再励” is a common misspelling")
    assert finding_fields(f, "en")[2].endswith("→ write “再接再厉”")


def test_one_click_fix_applies_the_suggestion_and_undoes(make_window, qtbot):
    w = make_window(check_fn=proofread.check)
    finding = next(f for f in w.runner.result.findings if f.code == "repeat" and "实效" in f.message)
    block = w.doc.bulletin.find(finding.block_id)
    before = block.paragraphs[finding.index].text
    lead = block.paragraphs[finding.index].lead
    assert "以实效实效" in before
    assert w.apply_fix(finding)
    after = block.paragraphs[finding.index].text
    assert "以实效实效" not in after and "以实效做到" in after
    assert block.paragraphs[finding.index].lead == lead
    wait_layout(qtbot, w)
    assert not any(f.code == "repeat" and "实效" in f.message for f in w.runner.result.findings)
    w.act_undo.trigger()
    assert block.paragraphs[finding.index].text == before


def test_a_stale_fix_is_refused(make_window, monkeypatch):
    w = make_window(check_fn=proofread.check)
    finding = next(f for f in w.runner.result.findings if f.code == "typo")
    block = w.doc.bulletin.find(finding.block_id)
    owner = block.sections[0] if finding.field.startswith("sections") else block
    pars = list(owner.paragraphs)
    pars[finding.index] = Paragraph("前面加了字" + pars[finding.index].text, pars[finding.index].lead)
    owner.paragraphs = pars  # edited after the proofreader ran
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a))
    count = w.doc.undo_stack.count()
    assert not w.apply_fix(finding)
    assert told and w.doc.undo_stack.count() == count


def test_screenshot_helper_on_a_file(tmp_path):
    from model.example import example_bulletin
    from model.project_file import save

    path = tmp_path / "刊.bulletin"
    save(example_bulletin(), path)
    png = tmp_path / "shot.png"
    env = dict(os.environ, BULLETIN_SETTINGS_FILE=str(tmp_path / "s.ini"), XDG_DATA_HOME=str(tmp_path / "data"),
               QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--screenshot", str(png), str(path)],
                         capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path)
    assert out.returncode == 0, out.stderr[-2000:]
    image = QImage(str(png))
    assert image.width() >= 1000 and image.height() >= 600
    assert not list((tmp_path / "data").rglob("recovery-*.bulletin"))  # nothing left behind


def test_layout_problems_are_shown_in_the_ui_language(make_window, qtbot):
    w = make_window()
    col = first_column(w.doc.bulletin)
    w.select(col.id)
    w.form.body.editor.setPlainText("很长的正文。" * (OVERSET_CHARS // 5))
    wait_layout(qtbot, w)
    msgs = [r[2] for r in _rows(w)]
    assert any(m.startswith("超稿 ") and "行）" in m for m in msgs), msgs
    w.set_language("en")
    msgs = [r[2] for r in _rows(w)]
    assert any(" characters over (" in m and " lines)" in m for m in msgs), msgs
    assert not any("超稿" in m for m in msgs)
    w.set_language("zh_CN")

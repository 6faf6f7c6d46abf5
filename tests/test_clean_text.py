"""Text entering the model is cleaned so it can always be saved (model/clean_text.py)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from importers import import_text
from model.clean_text import clean_text, clean_tree, clean_value
from model.document import Paragraph
from model.project_file import load, save


def test_lone_surrogates_and_controls_go_everything_else_stays():
    keep = "中文，English 123\t换行\n𠮷\u3000\ue000😀"
    assert clean_text(keep) == (keep, [])
    assert clean_text("a\ud800b\x00c\x1bd\x7fe\x85f") == ("abcdef", ["U+D800", "U+0000", "U+001B", "U+007F", "U+0085"])


def test_clean_value_returns_the_same_objects_when_nothing_changes():
    pars = [Paragraph("好"), Paragraph("坏\ud83d")]
    cleaned, notes = clean_value(pars, "paragraphs")
    assert cleaned[0] is pars[0] and cleaned[1].text == "坏" and pars[1].text == "坏\ud83d"
    assert notes == ["paragraphs[1].text: 1 invalid character removed (U+D83D)"]
    same, none = clean_value([Paragraph("好")])
    assert none == [] and same[0].text == "好"


def test_import_cleans_and_reports(tmp_path):
    bulletin, report = import_text("西安\n\n西安市总工会\n\n第一段正文\ud800有坏字\x07。\n", source="投稿.txt")
    texts = [p.text for _pg, b in bulletin.iter_blocks() for p in getattr(b, "paragraphs", [])]
    assert texts and not any("\ud800" in t or "\x07" in t for t in texts)
    assert any("U+D800" in item.message and "\ud800" in item.text for item in report.removed)
    save(bulletin, tmp_path / "x.bulletin")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.one_of(st.characters(), st.sampled_from(list("西安\n。，\ud800\x00"))), max_size=400))
def test_whatever_is_imported_can_be_saved_and_loads_unchanged(tmp_path, text):
    bulletin, _report = import_text(text, source="x.txt")
    assert clean_tree(bulletin) == []
    save(bulletin, tmp_path / "x.bulletin")
    assert load(tmp_path / "x.bulletin") == bulletin

"""Problems are facts; each edge words them in its language from the one catalogue (issue 18)."""

from __future__ import annotations

import pytest

from layout.messages import KIND_NAMES, describe, kind_name
from layout.types import SEVERITY, Problem


@pytest.mark.parametrize("problem, zh, en", [
    (Problem("overset", "b", chars=12, lines=2), "超稿 12 字（2 行）：可加版、改大版面或删减",
     "12 characters over (2 lines): add a page, a larger size, or cut"),
    (Problem("underset", "b", lines=3), "还差 3 行", "3 lines short"),
    (Problem("low_res", "b", numbers=(("ppi", 249.6),)), "照片只有 250 ppi，印刷需要 300 ppi",
     "photo is only 250 ppi; print needs 300 ppi"),
    (Problem("missing_glyph", "b", role="name", text="𠮷"), "“𠮷”在所有字体中都没有，排成方框",
     "“𠮷” is in no font; shown as a box"),
    (Problem("title_fit", "b", lines=2, numbers=(("size_pt", 30.2),)), "标题太长，缩到 30 pt 仍需 2 行",
     "title too long: 2 lines even at 30 pt"),
])
def test_each_kind_is_worded_in_both_languages_from_its_facts(problem, zh, en):
    assert describe(problem, "zh") == zh
    assert describe(problem, "en_GB") == en


def test_every_kind_has_names_and_a_severity():
    from typing import get_args

    from layout.types import ProblemKind

    for kind in get_args(ProblemKind):
        assert kind in KIND_NAMES and kind in SEVERITY, kind
        assert kind_name(kind, "zh") != kind_name(kind, "en")


def test_a_kind_without_a_template_keeps_the_producers_words():
    assert describe(Problem("future_kind", "b", "某处有问题"), "en") == "某处有问题"  # type: ignore[arg-type]


def test_the_layout_reports_facts_not_sentences_to_parse(example):
    """A missing glyph names its character and role; a low-res photo its ppi (not in ``chars``)."""
    from layout.document import lay_out_bulletin
    from model.document import ColumnBlock

    column = next(b for _, b in example.iter_blocks() if isinstance(b, ColumnBlock))
    column.paragraphs[0].text += "\U0002A6D6"  # CJK Ext. B, in no bundled font
    doc = lay_out_bulletin(example)
    bad = [p for p in doc.problems if p.kind in ("missing_glyph", "fallback") and "\U0002A6D6" in p.text]
    assert bad and all(p.role == "body" and p.block_id == column.id for p in bad)
    assert "\U0002A6D6" in describe(bad[0], "en")

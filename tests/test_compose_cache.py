"""Composed paragraphs are reused (issue 27): the make-up's plans and the editor's re-layout on
every keystroke ask for the same paragraph at the same width again and again."""

from __future__ import annotations

import layout.compose as lc
from layout.compose import Run, compose
from layout.fonts import default_registry

TEXT = "政治引领更加有力。全市各级工会坚持把学习宣传贯彻党的十九届五中全会精神作为首要政治任务，" * 3


def _lines(comp) -> list[tuple]:
    return [(ln.text, tuple(ln.xs), tuple(ln.advances), ln.justified) for ln in comp]


def test_a_second_compose_is_the_first_one_reused_and_the_same(monkeypatch):
    reg = default_registry()
    calls = []
    real = lc._compose
    monkeypatch.setattr(lc, "_compose", lambda *a: (calls.append(a), real(*a))[1])
    first = compose(TEXT, 13, 10.5, reg, block_id="a")
    again = compose(TEXT, 13, 10.5, reg, block_id="b")
    assert len(calls) <= 1  # (none when an earlier test composed it)
    assert _lines(again) == _lines(first)
    other_width = compose(TEXT, 12, 10.5, reg, block_id="a")
    assert len(calls) <= 2 and _lines(other_width) != _lines(first)
    lc._composed.clear()
    assert _lines(compose(TEXT, 13, 10.5, reg, block_id="a")) == _lines(first)  # fresh: the same


def test_problems_name_the_block_that_asked():
    reg = default_registry()
    text = "工会\U000f0001之家"  # a private-use character no font has
    a = compose(text, 13, 10.5, reg, block_id="first")
    b = compose(text, 13, 10.5, reg, block_id="second")
    assert a.problems and {p.block_id for p in a.problems} == {"first"}
    assert {p.block_id for p in b.problems} == {"second"}
    assert [(p.kind, p.chars, p.text) for p in a.problems] == [(p.kind, p.chars, p.text) for p in b.problems]


def test_the_cache_is_bounded_in_characters(monkeypatch):
    monkeypatch.setattr(lc, "_COMPOSED_MAX_CHARS", 2_000)
    lc._composed.clear()
    reg = default_registry()
    for k in range(40):
        compose(Run(f"第{k}段" + TEXT), 13, 10.5, reg)
    table = lc._composed[reg]
    assert sum(entry[2] for entry in table.values()) <= 2_000
    assert 0 < len(table) < 40
    lc._composed.clear()

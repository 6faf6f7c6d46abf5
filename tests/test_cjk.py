"""Character classes of DESIGN §5."""

from __future__ import annotations

import pytest

from layout import cjk


@pytest.mark.parametrize("ch", list("，；：！？。、”’》）」』】"))
def test_marks_that_may_not_start_a_line(ch):
    assert cjk.no_start(ch)
    assert not cjk.no_end(ch)


@pytest.mark.parametrize("ch", list("“‘（《「『【"))
def test_marks_that_may_not_end_a_line(ch):
    assert cjk.no_end(ch)
    assert not cjk.no_start(ch)


@pytest.mark.parametrize("ch", list("中国𠮷〇"))
def test_han_is_han(ch):
    assert cjk.is_han(ch)
    assert cjk.char_class(ch) == cjk.HAN
    assert not cjk.no_start(ch) and not cjk.no_end(ch)


def test_astral_han_outside_the_bmp():
    ch = "\U00020bb7"  # 𠮷
    assert len(ch) == 1 and ord(ch) > 0xFFFF
    assert cjk.is_han(ch)


def test_wide_symbols_are_set_like_han_but_are_not_han():
    assert cjk.char_class("◎") == cjk.HAN
    assert not cjk.is_han("◎")
    assert cjk.char_class("Ａ") == cjk.HAN  # full-width letter


@pytest.mark.parametrize(
    "ch, cls",
    [
        ("，", cjk.C_PAUSE),
        ("。", cjk.C_PAUSE),
        ("”", cjk.C_CLOSE),  # East-Asian-ambiguous: must come from the table, not the width
        ("“", cjk.C_OPEN),
        ("—", cjk.C_DASH),
        ("⸺", cjk.C_DASH),
        ("…", cjk.C_ELLIPSIS),
        ("·", cjk.C_MIDDOT),
        ("A", cjk.C_LATIN),
        ("é", cjk.C_LATIN),
        ("7", cjk.C_DIGIT),
        ("%", cjk.C_NUM_SUF),
        ("％", cjk.C_NUM_SUF),
        ("℃", cjk.C_NUM_SUF),
        ("￥", cjk.C_NUM_PRE),
        ("$", cjk.C_NUM_PRE),
        (" ", cjk.C_SPACE),
        (".", cjk.C_LATIN_PUNCT),
        ("～", cjk.C_WIDE_NS),
    ],
)
def test_classes(ch, cls):
    assert cjk.char_class(ch) == cls


def test_dash_and_slash_rules():
    assert cjk.no_start("—")  # —— may not begin a line
    assert not cjk.no_start("…")  # a whole …… may
    assert cjk.no_start("/") and cjk.no_end("/")
    assert cjk.no_start("·")
    assert "——" in cjk.DASH and "……" in cjk.ELLIPSIS


def test_han_latin_gap_classes():
    assert cjk.is_latin_or_digit("A") and cjk.is_latin_or_digit("5") and cjk.is_latin_or_digit("%")
    assert not cjk.is_latin_or_digit("中") and not cjk.is_latin_or_digit("，")
    assert cjk.is_narrow(".") and not cjk.is_narrow("。")

"""Property tests: the importer never raises on text, and never loses a character."""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from importers import SubmissionError, import_text
from importers.decode import decode_text
from model.document import Bulletin, block_texts

#: Pieces that trigger every rule: captions, titles, labels, ◎ lines, attributions, banners.
PIECES = ["薛振虎", "张静", "西安市人大常委会副主任", "市总工会主席", "杨凌示范区总工会", "2020", "2021",
          "- ◎要谋大势", "◎成绩有目共睹", "（郭大为在会上的讲话摘编）", "——地市工会篇", "当好全省工会排头兵",
          "2020年，西安市总工会贯彻落实。", "2021年是开局之年。", "政治引领更加有力。第一时间", "消费扶",
          "贫携手行。", "2020年，宝鸡市总工会", "工作，取得成果。", "APP", " ", "\u3000", "，", "。", "“", "”",
          "（", "）", "\n", "\n\n", "\r\n", "-", "◎", "a", "1"]


def _chars(text: str) -> Counter:
    return Counter(ch for ch in text if not ch.isspace())


def _bulletin_chars(b: Bulletin) -> Counter:
    c: Counter = Counter()
    for page in b.pages:
        for item in (page.banner, page.headline, *page.blocks):
            if item is not None:
                for t in block_texts(item):
                    c.update(_chars(t))
    return c


def _check_nothing_lost(text: str) -> None:
    bulletin, report = import_text(text)
    kept = _bulletin_chars(bulletin) + Counter(ch for r in report.removed for ch in r.text if not ch.isspace())
    lost = _chars(text) - kept
    assert not lost, (lost, text)


structured = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
lines = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=25).map("\n".join)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_text_imports_without_losing_characters(text):
    _check_nothing_lost(text)


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(structured)
def test_structured_looking_text_loses_nothing(text):
    _check_nothing_lost(text)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(lines)
def test_mixed_lines_lose_nothing(text):
    _check_nothing_lost(text)


@settings(max_examples=300)
@given(st.binary(max_size=2000))
def test_decoding_bytes_either_gives_text_or_a_clear_error(data):
    try:
        text, encoding = decode_text(data, "x.txt")
    except SubmissionError as exc:
        assert str(exc).startswith("x.txt: ")
    else:
        assert isinstance(text, str) and encoding in ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be",
                                                      "gb18030")


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(lines, st.lists(st.tuples(st.integers(0, 30), st.sampled_from(["headline", "name", "title", "unit", "body",
                                                                       "caption"])), max_size=6))
# two lines forced to be the unit around one name: the caption kept the first unit only
@example("薛振虎\n薛振虎\n薛振虎", [(0, "unit"), (2, "unit")])
def test_any_role_corrections_lose_nothing(text, forced):
    """Whatever the user forces in the review dialog, every character still lands somewhere."""
    from importers.review import submission_from_text

    sub = submission_from_text(text)
    sub.overrides = {i: role for i, role in forced if i < len(sub.lines)}
    result = sub.assemble()
    assert len(result.roles) == len(sub.lines)
    kept = _bulletin_chars(result.bulletin) + Counter(
        ch for r in result.report.removed for ch in r.text if not ch.isspace())
    lost = _chars(text) - kept
    assert not lost, (lost, text, sub.overrides)

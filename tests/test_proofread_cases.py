"""Precision and recall on the labelled case set (tests/_files/proofread_cases.txt)."""

from __future__ import annotations

from collections import Counter

import proofread
from proofread import check_text
from proofread.chars import han_count
from proofread.evaluation import evaluate, load_cases
from tests.conftest import FILES

CASES = FILES / "proofread_cases.txt"


def test_case_set_is_large_and_balanced():
    cases = load_cases(CASES)
    kinds = Counter("ok" if c.expected == "ok" else "slip" for c in cases)
    assert len(cases) >= 60 and kinds["ok"] >= 30 and kinds["slip"] >= 30
    assert len({c.expected for c in cases}) >= 10  # every kind of check is exercised


def test_precision_and_recall(capsys):
    scores = evaluate(load_cases(CASES))
    with capsys.disabled():
        print(f"\nproofreading cases: {scores.summary()}")
        for case in scores.misses:
            print(f"  missed  line {case.line}: {case.expected} {case.text}")
        for case, f in scores.false_alarms:
            print(f"  false alarm  line {case.line}: {f.code} {f.message}")
    assert scores.precision >= 0.95, scores.false_alarms
    assert scores.recall >= 0.9, scores.misses


def test_scoring_counts_false_alarms_and_misses():
    from proofread.evaluation import Case

    s = evaluate([Case("ok", "body", "以实效实效。", 1), Case("bracket", "body", "干净。", 2)])
    assert (s.tp, s.fp, s.fn) == (0, 1, 1) and s.precision == 0.0 and s.recall == 0.0


def test_every_finding_speaks_chinese_and_english(example):
    """Every finding on the example and on the case set has a Chinese message (with Han
    characters, not English in disguise) and an English one; a suggestion comes in both or neither."""
    findings = proofread.check(example, chars_target=600)
    findings += [f for case in load_cases(CASES) for f in check_text(case.text, case.role)]
    assert len({f.code for f in findings}) >= 10
    for f in findings:
        assert f.message and f.message_en, f
        assert han_count(f.message) > 0 and f.message != f.message_en, f
        assert bool(f.suggestion) == bool(f.suggestion_en), f
        assert not f.suggestion or (han_count(f.suggestion) > 0 and f.suggestion != f.suggestion_en), f


MUTATED = FILES / "proofread_mutations.txt"


def test_cases_the_rules_were_not_written_for(capsys):
    """Slips planted by proofread.mutations in clean sentences of the example (held out from tuning)."""
    cases = load_cases(MUTATED)
    slips = [c for c in cases if c.expected != "ok"]
    assert len(slips) >= 150 and len({c.expected for c in slips}) >= 6 and len(cases) - len(slips) >= 50
    scores = evaluate(cases)
    with capsys.disabled():
        print(f"\nmutated cases (not tuned on): {scores.summary()}")
    assert scores.precision >= 0.95 and scores.recall >= 0.95, (scores.misses, scores.false_alarms)


def test_mutation_generator_plants_one_slip_where_it_says():
    from proofread.mutations import MUTATIONS, cases, clean_sentences

    base = clean_sentences()
    assert len(base) >= 50
    made = list(cases(seed=3, per_kind=5))
    planted = [(e, t) for e, t in made if e != "ok"]
    assert len(planted) == 5 * len(MUTATIONS) and all(t not in base for _, t in planted)
    for expected, text in planted:
        code, _, at = expected.partition("@")
        if at:  # the text differs from some clean sentence exactly at the offset
            assert any(b[: int(at)] == text[: int(at)] and b != text for b in base), (expected, text)


def test_straight_quotes_get_their_curly_fix():
    found = [(f.offset, f.replacement) for f in check_text('被称为"娘家人"。') if f.code == "halfwidth"]
    assert found == [(3, "“"), (7, "”")]
    assert not check_text("参加Children's Day活动，职工说：“don't worry”。")

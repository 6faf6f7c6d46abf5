"""Precision and recall of the proofreader on a labelled case set.

Precision matters as much as recall: an editor who sees false alarms on every page stops
reading the Problems panel. A case is one text with either a planted slip (the code a correct
proofreader reports) or ``ok`` (a clean control that must give no finding). Counting:

* true positive — a planted case that gets a finding with the expected code;
* false negative — a planted case that does not;
* false positive — every finding on a clean case, and every finding of another code on a
  planted case (every finding at all on a planted case that was missed).

A case may say where its slip is (``code@offset``); then only a finding covering that offset
counts as the hit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from proofread import check_text
from proofread.finding import Finding


@dataclass(frozen=True)
class Case:
    expected: str  # a finding code, or "ok"
    role: str
    text: str
    line: int
    offset: int | None = None  # where the slip is, when known: a hit must cover it


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[Case] = field(default_factory=list)
    false_alarms: list[tuple[Case, Finding]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def summary(self) -> str:
        return (f"precision {self.precision:.3f}  recall {self.recall:.3f}  "
                f"(TP {self.tp}, FP {self.fp}, FN {self.fn})")


def load_cases(path: str | Path) -> list[Case]:
    cases = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        expected, role, text = line.split("\t", 2)
        code, _, at = expected.partition("@")
        cases.append(Case(code, role, text, n, int(at) if at else None))
    return cases


def evaluate(cases: list[Case]) -> Scores:
    scores = Scores()
    for case in cases:
        findings = check_text(case.text, case.role)
        if case.expected == "ok":
            scores.fp += len(findings)
            scores.false_alarms += [(case, f) for f in findings]
            continue
        hits = [f for f in findings if f.code == case.expected
                and (case.offset is None or f.offset <= case.offset < f.offset + max(f.length, 1))]
        if hits:
            scores.tp += 1
        else:
            scores.fn += 1
            scores.misses.append(case)
        # with a hit, other findings of the same code are the same slip seen twice (both quotes of
        # a pair); without one, a same-code finding elsewhere is a false alarm
        others = [f for f in findings if f.code != case.expected] if hits else findings
        scores.fp += len(others)
        scores.false_alarms += [(case, f) for f in others]
    return scores

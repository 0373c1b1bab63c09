"""Applying suggestions: choice by applicability, conflicts, purity and replay."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from repairkit.model import Applicability as A
from repairkit.model import Finding, Severity, Span, Suggestion
from repairkit.repair.apply import Edit, apply_edits, apply_suggestions, plan_edits


def finding(*suggestions: Suggestion, code: str = "RK999") -> Finding:
    start = min(s.span.start for s in suggestions)
    end = max(s.span.end for s in suggestions)
    return Finding(code, "rule", "style", Severity.WARNING, Span(start, end), "m", tuple(suggestions))


def sug(start: int, end: int, repl: str | None, conf: float = 0.95, app: A = A.SAFE) -> Suggestion:
    return Suggestion(Span(start, end), repl, conf, app if repl is not None else A.MANUAL, "n")


def test_safe_only_by_default_unsafe_on_request():
    text = "abc def"
    fs = [finding(sug(0, 1, "A")), finding(sug(4, 5, "D", 0.7, A.UNSAFE))]
    assert apply_suggestions(text, fs)[0] == "Abc def"
    assert apply_suggestions(text, fs, A.UNSAFE)[0] == "Abc Def"
    assert apply_suggestions(text, fs, A.UNSAFE, min_confidence=0.8)[0] == "Abc def"


def test_manual_and_null_never_applied():
    text = "In , it"
    fs = [finding(sug(3, 3, None, 0.0)), finding(sug(0, 2, "On", 0.5, A.MANUAL))]
    assert apply_suggestions(text, fs, A.UNSAFE)[0] == text


def test_first_applicable_suggestion_is_chosen():
    f = finding(sug(0, 1, "X", 0.5, A.MANUAL), sug(0, 1, "Y", 0.92, A.SAFE))
    assert apply_suggestions("a", [f])[0] == "Y"


def test_conflicts_keep_the_more_confident_edit():
    text = "abcdef"
    fs = [finding(sug(0, 3, "X", 0.91)), finding(sug(2, 4, "Y", 0.99)), finding(sug(4, 4, "-", 0.95)),
          finding(sug(4, 4, "+", 0.93))]
    new, edits = apply_suggestions(text, fs)
    assert new == "abY-ef"
    assert [(e.start, e.after) for e in edits] == [(2, "Y"), (4, "-")]


def test_insertion_at_edge_of_replacement_is_not_a_conflict():
    assert apply_suggestions("ab", [finding(sug(0, 1, "X")), finding(sug(1, 1, "-"))])[0] == "X-b"


def test_apply_edits_rejects_stale_edits():
    with pytest.raises(ValueError):
        apply_edits("abc", [Edit(0, 1, "z", "y", "RK1", 1.0, A.SAFE, "")])


@given(st.text(min_size=1, max_size=40), st.data())
def test_replay_matches_manual_splice(text, data):
    n = len(text)
    spans = data.draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, 3)), max_size=6))
    fs = [finding(sug(s, min(n, s + w), f"<{i}>")) for i, (s, w) in enumerate(spans)]
    edits = plan_edits(text, fs)
    new = apply_edits(text, edits)
    # replaying the edits back to front by hand gives the same text
    expected = text
    for e in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        expected = expected[:e.start] + e.after + expected[e.end:]
    assert new == expected
    # reverting the edits front to back restores the original exactly (what an audit log relies on)
    restored = new
    for e in edits:
        restored = restored[:e.start] + e.before + restored[e.start + len(e.after):]
    assert restored == text

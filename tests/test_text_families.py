"""The symbol, punctuation, structure, readability, encoding and boilerplate families (RK5-RK9).

Properties (never raise, spans in bounds, applying a fix and rescanning does not re-flag
the same place), the bundled fixtures, and a small sample of the clean news corpus.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.damage import DEFAULT_CORPUS as CORPUS
from repairkit.document import Document
from repairkit.model import Applicability, Severity
from repairkit.registry import findings_of, run_rules, select
from tests.conftest import ARTICLE, COMMENTARY

FAMILIES = ["RK5", "RK6", "RK7", "RK8", "RK9"]
RULES = select(FAMILIES)
#: Characters that exercise every family: marks, brackets, quotes, symbols, spaces, mojibake.
ALPHABET = st.sampled_from(list("aAbZ 19.,;:!?()[]\"“”'’&@/%$£€-\n\t\u00a0\u200b\x00Ã©â€™{}") + ["  ", "\n\n", " said: "])


def _scan(text: str) -> list:
    doc = Document.from_text(text)
    hits, _ = run_rules(doc, RULES)
    return [f for spec in RULES for f in findings_of(spec, doc, hits=hits)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ALPHABET, max_size=60).map("".join))
def test_detectors_never_raise_and_spans_stay_in_bounds(text: str) -> None:
    for f in _scan(text):
        assert 0 <= f.span.start <= f.span.end <= len(text)
        for s in f.suggestions:
            assert 0 <= s.span.start <= s.span.end <= len(text)
            assert s.replacement is not None or s.applicability is Applicability.MANUAL


@pytest.mark.parametrize("text", [
    "It costs Ã‚Â£5 at the cafÃ©.", "Hello\x00 world", "co\u200boperation", "Bell\x07 rang.",
])
def test_applying_safe_fixes_leaves_nothing_safe_to_fix(text: str) -> None:
    safe = [s for f in _scan(text) for s in f.suggestions if s.applicability is Applicability.SAFE]
    assert safe, "each example has at least one safe fix"
    fixed = text
    for s in sorted(safe, key=lambda s: s.span.start, reverse=True):
        fixed = fixed[:s.span.start] + (s.replacement or "") + fixed[s.span.end:]
    assert fixed != text
    assert not [s for f in _scan(fixed) for s in f.suggestions if s.applicability is Applicability.SAFE]


def test_commentary_fixture() -> None:
    doc = Document.read(COMMENTARY)
    found = {f.code: f for f in _scan(doc.text)}
    assert {"RK501", "RK601", "RK701", "RK702", "RK703"} <= set(found)
    email = found["RK501"].best
    assert email is not None and email.replacement == doc.text[email.span.start:email.span.end].replace(
        "editor", "editor@", 1)
    assert doc.text[found["RK601"].span.start:found["RK601"].span.end] == ".,"
    assert not {"RK801", "RK901", "RK902", "RK602"} & set(found)


def test_article_fixture() -> None:
    doc = Document.read(ARTICLE)
    loud = [f for f in _scan(doc.text) if f.severity >= Severity.WARNING]
    # the comment form, and its unfilled "%s" inside it (RK902 reports a placeholder in furniture too)
    assert [f.code for f in loud] == ["RK901", "RK902"], [(f.code, doc.text[f.span.start:f.span.end][:40]) for f in loud]
    assert doc.text[loud[1].span.start:loud[1].span.end] == "%s"
    block = doc.text[loud[0].span.start:loud[0].span.end]
    assert block.startswith("Leave a Reply") and block.rstrip().endswith("Connecting to %s")
    assert "Expert View" not in block  # never delete real text


@pytest.mark.skipif(not CORPUS.exists(), reason="shared news corpus not available")
def test_clean_news_sample_stays_nearly_silent() -> None:
    """On 150 clean articles these families raise at most 0.25 warnings/errors per 1,000 words."""
    with CORPUS.open(encoding="utf-8") as fh:
        articles = [json.loads(line) for _, line in zip(range(150), fh)]
    words = loud = 0
    for article in articles:
        words += len(article["text"].split())
        loud += sum(1 for f in _scan(article["text"]) if f.severity >= Severity.WARNING)
    assert 1000 * loud / words <= 0.25, f"{loud} warnings/errors in {words} words"

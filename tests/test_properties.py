"""Properties every detector must keep, whatever the text: no exception, true spans."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from repairkit.config import Config
from repairkit.document import Document
from repairkit.pipeline import scan_document, select_rules

RULES = select_rules(Config())

# Text built from the pieces scraped damage is made of: words, digits, punctuation, odd spaces.
PIECES = st.sampled_from([
    "the", "th", "In", "In ,", "St.", "£", "$", "%", "%s", "{name}", ".", ",", " ,", "  ", "\n", "\n\n",
    "\r\n", "\t", "\u00a0", "\u200b", "\x00", "million", "billion", " . ", "Chinas", "yearonyear",
    "AsiaPacific", "dont", "(", ")", '"', "“", "’", "Ã©", "â€™", "é", "🙂", "e\u0301", "1The", "ABC",
    "countriesjointly", "editorexample.com", "http", "www", "-", "—", "...", "Leave a Reply",
])
TEXTS = st.one_of(st.text(max_size=200), st.lists(PIECES, max_size=60).map(" ".join),
                  st.lists(PIECES, max_size=60).map("".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_detectors_never_raise_and_spans_are_true(text: str) -> None:
    doc = Document.from_text(text)
    result = scan_document(doc, RULES)
    for f in result.findings:
        assert 0 <= f.span.start <= f.span.end <= len(text)
        assert f.message
        for s in f.suggestions:
            assert 0 <= s.span.start <= s.span.end <= len(text)
            assert 0.0 <= s.confidence <= 1.0
            if s.replacement is None:
                assert s.applicability.label == "manual"

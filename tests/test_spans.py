"""``SpanIndex`` answers exactly what the all-pairs loops it replaced answered."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from repairkit.analysis.spans import SpanIndex
from repairkit.model import Span

spans = st.builds(lambda a, n: Span(a, a + n), st.integers(0, 30), st.integers(0, 6))


@given(st.lists(spans, max_size=12), spans)
def test_span_index_matches_the_pairwise_answers(items, q):
    idx = SpanIndex(items)
    assert idx.overlaps(q) == any(q.overlaps(s) for s in items)
    assert idx.covers(q.start, q.end) == any(s.start <= q.start and q.end <= s.end for s in items)
    assert idx.touches(q.start) == any(s.start <= q.start <= s.end for s in items)
    assert idx.inside(q.start) == any(s.start <= q.start < s.end for s in items)
    assert sorted(idx) == sorted(items)

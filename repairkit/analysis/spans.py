"""Interval questions over many spans in ``O(log n)``: sort once, bisect per question.

Rules ask "is this place inside one of those findings?" once per candidate; asking every
span each time made a long text quadratic.

>>> from repairkit.model import Span
>>> idx = SpanIndex([Span(2, 5), Span(10, 12)])
>>> idx.touches(5), idx.touches(6), idx.covers(3, 5), idx.covers(4, 11)
(True, False, True, False)
>>> idx.overlaps(Span(11, 20)), idx.overlaps(Span(5, 10)), len(idx)
(True, False, 2)
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate

from repairkit.model import Span


class SpanIndex:
    """An immutable set of spans answering point and range questions by bisection."""

    __slots__ = ("_ends", "_max_end", "_spans", "_starts")

    def __init__(self, spans: Iterable[Span]) -> None:
        self._spans = sorted(spans, key=lambda s: (s.start, s.end))
        self._starts = [s.start for s in self._spans]
        self._ends = [s.end for s in self._spans]
        #: max end over the spans starting at or before each position in the sorted order
        self._max_end = list(accumulate(self._ends, max))

    def __len__(self) -> int:
        return len(self._spans)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._spans)

    def covers(self, lo: int, hi: int) -> bool:
        """True when one span has ``start <= lo`` and ``hi <= end``."""
        i = bisect_right(self._starts, lo)
        return i > 0 and self._max_end[i - 1] >= hi

    def touches(self, point: int) -> bool:
        """True when one span has ``start <= point <= end`` (its end included)."""
        return self.covers(point, point)

    def inside(self, point: int) -> bool:
        """True when one span has ``start <= point < end``."""
        return self.covers(point, point + 1)

    def overlaps(self, span: Span) -> bool:
        """True when one span shares a character with ``span`` (:meth:`Span.overlaps`)."""
        a, b = span.start, span.end
        if a == b:  # an insertion point: the same point, or a span strictly around it
            j = bisect_left(self._starts, a)
            if j < len(self._spans) and self._starts[j] == a and self._ends[j] == a:
                return True
            i = bisect_left(self._starts, a)
            return i > 0 and self._max_end[i - 1] > a
        k = bisect_left(self._starts, b)  # spans starting before b ...
        return k > 0 and self._max_end[k - 1] > a  # ... one of which ends after a


class GrowingSpans:
    """Spans added one by one, asked which of them lie near a range: for a rule that keeps a span
    unless one already kept overlaps it (a loop over all kept spans made that quadratic).

    >>> kept = GrowingSpans([Span(0, 3)])
    >>> kept.add(Span(10, 12))
    >>> kept.near(2, 5), kept.near(4, 9), kept.near(12, 12)
    ([Span(start=0, end=3)], [], [Span(start=10, end=12)])
    """

    __slots__ = ("_longest", "_spans", "_starts")

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self._spans: list[Span] = []
        self._starts: list[int] = []
        self._longest = 0
        for span in spans:
            self.add(span)

    def add(self, span: Span) -> None:
        """Keep ``span`` too."""
        i = bisect_right(self._starts, span.start)
        self._starts.insert(i, span.start)
        self._spans.insert(i, span)
        self._longest = max(self._longest, span.end - span.start)

    def near(self, lo: int, hi: int) -> list[Span]:
        """Every kept span with ``start <= hi`` and ``end >= lo`` (the closed ranges meet), by start."""
        first = bisect_left(self._starts, lo - self._longest)
        last = bisect_right(self._starts, hi)
        return [s for s in self._spans[first:last] if s.end >= lo]

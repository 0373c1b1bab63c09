"""Unresolved-place markers ("[?year]") that ``repairkit fix --mark-unresolved`` leaves in a text.

A marker stands where a value is still missing. Detectors read a marked text as the text
without its markers, the holes they mark, so a second run sees what the first one saw
(a text full of markers no longer looked as if it had lost its digits, and other rules
then read its gaps differently). Findings are mapped back onto the marked text: a finding
grows over the markers at its edges, a suggestion of a missing-value finding takes in the
marker of its hole (a value from a reference replaces that one marker), and any other
repair leaves markers alone: it stops at their edges, and is dropped if one is inside it.
Only the kinds ``fix`` writes are markers; "[?march]" typed by a person is text.

>>> view = unmarked(Document.from_text("In [?year], the"))
>>> view.document.text
'In , the'
>>> view.finding_span(Span(0, 4)), view.finding_span(Span(3, 3)), view.edit_span(Span(3, 3))
(Span(start=0, end=11), Span(start=3, end=10), Span(start=3, end=3))
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from itertools import accumulate

from repairkit.document import Document
from repairkit.model import Evidence, Finding, Span, Suggestion

#: The kinds of value a marker names (``finding.data["expects"]`` of the missing-number rules).
MARKER_KINDS = ("amount", "count", "date", "day", "decade", "number", "ordinal", "percentage", "range", "time",
                "value", "year")
#: A visible marker for a value an editor must supply, e.g. ``[?year]``.
MARKER_RE = re.compile(r"\[\?(?:" + "|".join(MARKER_KINDS) + r")\]")


def marker_for(expects: str) -> str:
    """The marker text for an expected kind of value (``[?value]`` for a kind it does not name).

    >>> marker_for("year"), marker_for("day of month")
    ('[?year]', '[?value]')
    """
    kind = expects.strip().lower()
    return f"[?{kind if kind in MARKER_KINDS else 'value'}]"


@dataclass(frozen=True)
class Unmarked:
    """A document read without its markers, and the way back to the marked original."""

    document: Document
    #: The marked original text.
    original: str
    #: Marker spans in the original text, in order.
    markers: tuple[Span, ...]
    #: Where each marker sits in the unmarked text (a zero-width point).
    points: tuple[int, ...]
    #: Characters removed before marker ``i`` (``removed[i]``), and in all (the last item).
    removed: tuple[int, ...]

    def _shift(self, offset: int, through: bool) -> int:
        """Original offset of an unmarked offset; ``through``: past the markers that sit right there."""
        count = bisect.bisect_right(self.points, offset) if through else bisect.bisect_left(self.points, offset)
        return offset + self.removed[count]

    def finding_span(self, span: Span) -> Span:
        """A finding's span on the marked text, grown over the markers at its edges (a hole: its marker)."""
        return Span(self._shift(span.start, False), self._shift(span.end, True))

    def edit_span(self, span: Span) -> Span | None:
        """A repair's span on the marked text, markers at its edges left out; ``None`` if one is inside."""
        if any(span.start < p < span.end for p in self.points):
            return None
        if span.start == span.end:
            at = self._shift(span.start, False)
            return Span(at, at)
        return Span(self._shift(span.start, True), self._shift(span.end, False))

    def _hole_span(self, s: Suggestion, expects: str) -> Span | None:
        """The span of a missing-value suggestion: over the one marker of its hole (``None``: ambiguous)."""
        at = [i for i, p in enumerate(self.points) if s.span.start <= p <= s.span.end]
        if len(at) == 1 or s.replacement is None:
            return self.finding_span(s.span)
        if s.span.start != s.span.end or len({self.points[i] for i in at}) > 1:
            return None  # a value over several markers would delete the ones that are not its own
        own = [i for i in at if self.original[self.markers[i].start:self.markers[i].end] == marker_for(expects)]
        return self.markers[(own or at)[0]]

    def finding(self, f: Finding) -> Finding | None:
        """``f`` (found on the unmarked text) on the marked original; ``None`` when it only saw a marker."""
        expects = f.data.get("expects")
        kept: list[Suggestion] = []
        for s in f.suggestions:
            touches = any(s.span.start <= p <= s.span.end for p in self.points)
            span = self._hole_span(s, str(expects)) if touches and expects else self.edit_span(s.span)
            if span is not None:
                kept.append(replace(s, span=span, evidence=tuple(self._evidence(e) for e in s.evidence)))
        if f.suggestions and not kept and not expects and any(f.span.start < p < f.span.end for p in self.points):
            return None  # the gap a marker stands in, read as other damage ("Cafe  [?year]  naive")
        return replace(f, span=self.finding_span(f.span), suggestions=tuple(kept))

    def _evidence(self, e: Evidence) -> Evidence:
        """Evidence quoted from the document itself carries document offsets: map them too."""
        if e.source != "document":
            return e
        span = self.finding_span(Span(e.start, e.end))
        return replace(e, start=span.start, end=span.end)


def unmarked(doc: Document) -> Unmarked | None:
    """``doc`` read without its markers, or ``None`` when it has none."""
    markers = tuple(Span(m.start(), m.end()) for m in MARKER_RE.finditer(doc.text))
    if not markers:
        return None
    pieces: list[str] = []
    points: list[int] = []
    pos = gone = 0
    for m in markers:
        pieces.append(doc.text[pos:m.start])
        points.append(m.start - gone)
        gone += m.end - m.start
        pos = m.end
    pieces.append(doc.text[pos:])
    removed_before = tuple(accumulate((m.end - m.start for m in markers), initial=0))
    return Unmarked(Document.from_text("".join(pieces), doc.path), doc.text, markers, tuple(points), removed_before)

"""Unresolved-place markers ("[?year]") that ``repairkit fix --mark-unresolved`` leaves in a text.

A marker stands where a value is still missing. Detectors read a marked text as the text
without its markers, the holes they mark, so a second run sees what the first one saw
(a text full of markers no longer looked as if it had lost its digits, and other rules
then read its gaps differently). Findings are mapped back onto the marked text: a finding
grows over the markers at its edges, a suggestion of a missing-value finding takes in the
marker of its hole (a value from a reference replaces the marker), and any other repair
leaves markers alone: it stops at their edges, and is dropped if one is inside it.

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

from repairkit.document import Document
from repairkit.model import Finding, Span, Suggestion

#: A visible marker for a value an editor must supply, e.g. ``[?year]``.
MARKER_RE = re.compile(r"\[\?[a-z][a-z0-9-]*\]")


@dataclass(frozen=True)
class Unmarked:
    """A document read without its markers, and the way back to the marked original."""

    document: Document
    #: Marker spans in the original text, in order.
    markers: tuple[Span, ...]
    #: Where each marker sits in the unmarked text (a zero-width point).
    points: tuple[int, ...]

    def _shift(self, offset: int, through: bool) -> int:
        """Original offset of an unmarked offset; ``through``: past the markers that sit right there."""
        count = bisect.bisect_right(self.points, offset) if through else bisect.bisect_left(self.points, offset)
        return offset + sum(m.end - m.start for m in self.markers[:count])

    def finding_span(self, span: Span) -> Span:
        """A finding's span on the marked text, grown over the markers at its edges (a hole: its marker)."""
        return Span(self._shift(span.start, False), self._shift(span.end, True))

    def edit_span(self, span: Span) -> Span | None:
        """A repair's span on the marked text, markers at its edges left out; ``None`` if one is inside."""
        if any(span.start < p < span.end for p in self.points):
            return None
        return Span(self._shift(span.start, True), self._shift(span.end, False)) if span.start < span.end \
            else Span(self._shift(span.start, False), self._shift(span.start, False))

    def finding(self, f: Finding) -> Finding:
        """``f`` (found on the unmarked text) on the marked original."""
        kept: list[Suggestion] = []
        for s in f.suggestions:
            at_marker = any(s.span.start <= p <= s.span.end for p in self.points)
            if at_marker and "expects" in f.data:
                kept.append(replace(s, span=self.finding_span(s.span)))  # a value for the hole replaces its marker
                continue
            span = self.edit_span(s.span)
            if span is not None:
                kept.append(replace(s, span=span))
        return replace(f, span=self.finding_span(f.span), suggestions=tuple(kept))


def unmarked(doc: Document) -> Unmarked | None:
    """``doc`` read without its markers, or ``None`` when it has none."""
    markers = tuple(Span(m.start(), m.end()) for m in MARKER_RE.finditer(doc.text))
    if not markers:
        return None
    pieces: list[str] = []
    points: list[int] = []
    pos = removed = 0
    for m in markers:
        pieces.append(doc.text[pos:m.start])
        points.append(m.start - removed)
        removed += m.end - m.start
        pos = m.end
    pieces.append(doc.text[pos:])
    return Unmarked(Document.from_text("".join(pieces), doc.path), markers, tuple(points))

"""Applying suggestions: choose one edit per finding, drop conflicts, rewrite the text (pure).

>>> from repairkit.model import Applicability as A, Finding, Severity, Span, Suggestion
>>> text = "Japans largest partner"
>>> s = Suggestion(Span(5, 5), "'", 0.95, A.SAFE, "possessive")
>>> f = Finding("RK201", "possessive", "missing-apostrophe", Severity.WARNING, Span(0, 6), "m", (s,))
>>> new, edits = apply_suggestions(text, [f])
>>> new, [(e.start, e.end, e.before, e.after) for e in edits]
("Japan's largest partner", [(5, 5, '', "'")])
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from repairkit.markers import MARKER_RE, marker_for
from repairkit.model import Applicability, Evidence, Finding, Suggestion


@dataclass(frozen=True, slots=True)
class Edit:
    """One applied change: ``text[start:end]`` (``before``) becomes ``after``."""

    start: int
    end: int
    before: str
    after: str
    code: str
    confidence: float
    applicability: Applicability
    note: str
    evidence: tuple[Evidence, ...] = ()


def choose(finding: Finding, threshold: Applicability = Applicability.SAFE,
           min_confidence: float = 0.0) -> Suggestion | None:
    """The first suggestion of ``finding`` that carries a value and may be applied at ``threshold``."""
    for s in finding.suggestions:
        if s.replacement is not None and s.applicability.applies(threshold) and s.confidence >= min_confidence:
            return s
    return None


def _conflicts(a: Edit, b: Edit) -> bool:
    """True when two edits touch the same characters (or insert at the same point), or one
    inserts at the edge of the other what the other puts there too (a doubled '$499$499').

    >>> ins = Edit(5, 5, "", '"', "RK604", 0.6, Applicability.UNSAFE, "n")
    >>> _conflicts(ins, Edit(4, 5, ",", ',"', "RK004", 0.97, Applicability.SAFE, "n"))
    True
    >>> _conflicts(ins, Edit(5, 9, "said", "told", "RK999", 0.9, Applicability.SAFE, "n"))
    False
    """
    if a.start == a.end and b.start == b.end:
        return a.start == b.start
    if a.start == a.end:
        return b.start < a.start < b.end or includes(b, a)
    if b.start == b.end:
        return a.start < b.start < a.end or includes(a, b)
    return a.start < b.end and b.start < a.end


def plan_edits(text: str, findings: Iterable[Finding], threshold: Applicability = Applicability.SAFE,
               min_confidence: float = 0.0) -> list[Edit]:
    """Edits to apply, sorted by position; of two conflicting edits the more confident one wins,
    unless the other makes the same change and more ("Boeings  line" -> "Boeing's 777 line" from a
    reference over "Boeings" -> "Boeing's" from a rule): then the larger one is kept alone."""
    candidates: list[Edit] = []
    for f in findings:
        s = choose(f, threshold, min_confidence)
        if s is None or s.replacement is None:
            continue
        before = text[s.span.start:s.span.end]
        if before == s.replacement:
            continue
        candidates.append(Edit(s.span.start, s.span.end, before, s.replacement, f.code, s.confidence,
                               s.applicability, s.note, s.evidence))
    kept: list[Edit] = []
    for edit in sorted(candidates, key=lambda e: (-e.confidence, e.start, e.end, e.code)):
        clashing = [k for k in kept if _conflicts(edit, k)]
        if clashing and all(includes(edit, k) for k in clashing):
            kept = [k for k in kept if k not in clashing]
            clashing = []
        if not clashing:
            kept.append(edit)
    return sorted(kept, key=lambda e: (e.start, e.end))


def includes(big: Edit, small: Edit) -> bool:
    """True when ``big`` spans ``small`` and makes ``small``'s change as part of its own.

    >>> rule = Edit(0, 7, "Boeings", "Boeing's", "RK202", 0.95, Applicability.SAFE, "n")
    >>> ref = Edit(0, 8, "Boeings ", "Boeing's 777", "RK106", 0.9, Applicability.SAFE, "n")
    >>> includes(ref, rule), includes(rule, ref)
    (True, False)
    """
    if not (big.start <= small.start and small.end <= big.end) or big == small:
        return False
    head = big.before[:small.start - big.start]
    tail = big.before[small.end - big.start:]
    return big.after.startswith(head + small.after) or big.after.endswith(small.after + tail)


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Rewrite ``text`` with non-conflicting ``edits`` (as returned by :func:`plan_edits`)."""
    out: list[str] = []
    pos = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < pos or text[e.start:e.end] != e.before:
            raise ValueError(f"edit at [{e.start}, {e.end}) does not match the text or overlaps another")
        out.append(text[pos:e.start])
        out.append(e.after)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def apply_suggestions(text: str, findings: Iterable[Finding], threshold: Applicability = Applicability.SAFE,
                      min_confidence: float = 0.0) -> tuple[str, list[Edit]]:
    """Apply the applicable suggestions of ``findings`` to ``text``; returns the new text and the edits."""
    edits = plan_edits(text, findings, threshold, min_confidence)
    return apply_edits(text, edits), edits


def conflicts(a: Edit, b: Edit) -> bool:
    """True when two edits touch the same characters (or insert at the same point).

    >>> e = Edit(2, 2, "", "'", "RK201", 0.95, Applicability.SAFE, "n")
    >>> conflicts(e, e), conflicts(e, Edit(0, 1, "a", "A", "RK999", 0.9, Applicability.SAFE, "n"))
    (True, False)
    """
    return _conflicts(a, b)


def _marked_near(text: str, at: int) -> bool:
    """True when a marker already touches ``at`` (spaces aside), so marking again is a no-op."""
    before = text[:at].rstrip(" \t")
    after = text[at:].lstrip(" \t")
    return bool(re.search(MARKER_RE.pattern + r"\Z", before[-40:]) or MARKER_RE.match(after))


def marker_edits(text: str, findings: Iterable[Finding]) -> list[Edit]:
    """Insertions of a visible marker at each place where a value is missing and unknown.

    Only findings that say what they expect (``finding.data["expects"]``) are marked, at
    their first value-less suggestion. Places already marked are skipped. A hole with
    competing candidates (several values, none safe: the references disagree) is still a
    hole until a person picks one: it is marked too, by an edit over the first candidate's
    span that keeps its text, so that it gives way to a candidate that is applied there.

    >>> from repairkit.model import Applicability as A, Finding, Severity, Span, Suggestion
    >>> hole = Suggestion(Span(3, 3), None, 0.0, A.MANUAL, "year missing")
    >>> f = Finding("RK102", "r", "missing-number", Severity.ERROR, Span(0, 4), "m", (hole,), {"expects": "year"})
    >>> apply_edits("In , it", marker_edits("In , it", [f]))
    'In [?year], it'
    >>> marker_edits("In [?year], it", [f])
    []
    >>> two = tuple(Suggestion(Span(3, 4), v, 0.97, A.UNSAFE, "ref") for v in ("2019,", "2020,"))
    >>> g = Finding("RK102", "r", "missing-number", Severity.ERROR, Span(0, 4), "m", (*two, hole), {"expects": "year"})
    >>> apply_edits("In , it", marker_edits("In , it", [g]))
    'In [?year], it'
    """
    edits: list[Edit] = []
    for f in findings:
        # Only places where a value is missing ("expects"); an unresolved structure or
        # quote finding is not a hole to mark.
        if not f.suggestions or "expects" not in f.data or not (f.unresolved or f.competing):
            continue
        marker = marker_for(str(f.data.get("expects", "value")))
        if f.unresolved:
            s = f.suggestions[0]
            start = end = s.span.start
        else:
            s = next(s for s in f.suggestions if s.replacement is not None)
            start, end = s.span.start, s.span.end
        if _marked_near(text, start):
            continue
        edits.append(Edit(start, end, text[start:end], marker + text[start:end], f.code, 0.0,
                          Applicability.MANUAL, f"marker: {s.note}", s.evidence))
    return edits


def merge_edits(edits: Sequence[Edit], extra: Sequence[Edit]) -> list[Edit]:
    """``edits`` plus those of ``extra`` that conflict with none already kept, sorted by position."""
    kept = list(edits)
    for e in extra:
        if not any(conflicts(e, k) for k in kept):
            kept.append(e)
    return sorted(kept, key=lambda e: (e.start, e.end))

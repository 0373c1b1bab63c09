"""One overlap policy: who owns a gap that several families flag.

Stripping a number, an ``&``, a by-line's break, a spaced dash or nothing at all leaves the
same doubled space between two words, and each family has a reading of it. The families do not
ask each other; each reports its candidates, and this arbiter settles the gaps after matching,
by one short order of categories (LanguageTool's overlap filter, cut down): a finding whose
span is only whitespace is dropped when a finding of an earlier category in :data:`GAP_ORDER`
claims any of it, with its span or with one of its suggestions (lost structure: its suggestions
only). A template or markup leak owns its characters: a finding that lies wholly inside one
(the quotes of ``[button link=”x”]`` read as unbalanced, ``{% if`` as a lost number) is dropped.

>>> from repairkit.model import Applicability, Finding, Severity, Span, Suggestion
>>> def finding(code, category, start, end):
...     s = Suggestion(Span(start, end), " ", 0.5, Applicability.UNSAFE, "n")
...     return Finding(code, code.lower(), category, Severity.WARNING, Span(start, end), "m", (s,))
>>> text_gap = [finding("RK106", "missing-number", 5, 7), finding("RK605", "stray-punctuation", 5, 7),
...             finding("RK805", "whitespace", 5, 7), finding("RK805", "whitespace", 20, 22)]
>>> [(f.code, f.span.start) for f in arbitrate(text_gap, " " * 30)]
[('RK106', 5), ('RK805', 20)]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from repairkit.analysis.spans import SpanIndex
from repairkit.model import Finding, Span

#: Who owns a gap, first to last: a vanished number, a lost symbol (``&``), lost structure
#: (a by-line glued on by spaces), page furniture, a lost dash, and last plain whitespace.
GAP_ORDER: tuple[str, ...] = ("missing-number", "missing-symbol", "lost-structure", "boilerplate",
                              "stray-punctuation", "whitespace")
#: Categories whose findings claim only the places their suggestions edit.
SUGGESTIONS_ONLY = frozenset({"lost-structure"})
#: The categories whose gap findings can lose to an earlier one (the others never yield).
YIELDING = frozenset(GAP_ORDER[4:])
#: A finding of this category owns every character of its span (markup is not prose) ...
OWNING = "template-leak"
#: ... except from these, which describe the characters themselves (a literal entity, furniture).
NOT_OWNED = frozenset({OWNING, "encoding", "boilerplate"})


def contenders(category: str) -> tuple[str, ...]:
    """The categories a gap finding of ``category`` yields to (they must run when it is selected).

    >>> contenders("stray-punctuation")
    ('missing-number', 'missing-symbol', 'lost-structure', 'boilerplate')
    >>> contenders("missing-hyphen")
    ()
    """
    if category not in YIELDING:
        return ()
    return GAP_ORDER[:GAP_ORDER.index(category)]


def is_gap(text: str, span: Span) -> bool:
    """True for a non-empty span holding only whitespace."""
    return span.end > span.start and not text[span.start:span.end].strip()


def arbitrate(findings: Sequence[Finding], text: str) -> list[Finding]:
    """``findings`` without the gap findings that an earlier category of :data:`GAP_ORDER` owns.

    Order and everything else are kept: only yielding gap findings are ever dropped, and a
    dropped finding claims nothing.
    """
    claims: list[Span] = []
    rank = {c: i for i, c in enumerate(GAP_ORDER)}
    by_rank = sorted(range(len(findings)), key=lambda i: rank.get(findings[i].category, -1))
    dropped: set[int] = set()
    current, index = None, SpanIndex(())
    for i in by_rank:
        f = findings[i]
        r = rank.get(f.category, -1)
        if r != current:
            index, current = SpanIndex(claims), r
        if f.category in YIELDING and is_gap(text, f.span) and index.overlaps(f.span):
            dropped.add(i)
        elif r >= 0:
            claims.extend(_claimed(f))
    leaks = SpanIndex(f.span for f in findings if f.category == OWNING)
    return [f for i, f in enumerate(findings) if i not in dropped
            and (f.category in NOT_OWNED or not leaks.covers(f.span.start, max(f.span.end, f.span.start + 1)))]


def _claimed(f: Finding) -> Iterable[Span]:
    """The places a finding claims: its span and its suggestions' spans; for lost structure
    only its suggestions (a one-line article spans the whole text, a by-line claims the gap
    its paragraph break goes in, not the words of the by-line)."""
    if f.category not in SUGGESTIONS_ONLY:
        yield f.span
    yield from (s.span for s in f.suggestions)

"""Narrowing a run's results for CI: ``--min-confidence`` and ``--max-results``.

What ``--min-confidence P`` filters (the rule a CI user can rely on):

* a suggestion that carries a value and has ``confidence < P`` is dropped;
* a finding whose suggestions all carried values, and all were dropped, is hidden: nothing
  but a low-confidence guess said the text was damaged;
* a finding with a value-less suggestion (an *unresolved* place such as a missing number:
  the value is unknown, so its confidence says nothing) or with no suggestion at all is
  always kept: hiding it would let real damage pass CI unseen.

>>> from repairkit.model import Applicability as A, Finding, Severity, Span, Suggestion
>>> guess = Suggestion(Span(0, 1), "x", 0.5, A.UNSAFE, "weak guess")
>>> hole = Suggestion(Span(0, 0), None, 0.0, A.MANUAL, "value unknown")
>>> weak = Finding("RK201", "r", "missing-apostrophe", Severity.WARNING, Span(0, 1), "m", (guess,))
>>> missing = Finding("RK101", "r", "missing-number", Severity.ERROR, Span(0, 1), "m", (hole,))
>>> [f.code for f in filter_findings([weak, missing], 0.6)]
['RK101']
>>> [f.code for f in filter_findings([weak, missing], 0.5)]
['RK201', 'RK101']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from repairkit.model import Finding
from repairkit.pipeline import DocumentResult

#: GitHub code scanning keeps at most this many results per SARIF run (and per upload).
GITHUB_RESULT_LIMIT = 25_000


def filter_findings(findings: Sequence[Finding], min_confidence: float) -> list[Finding]:
    """Apply the ``--min-confidence`` rule described in the module docstring."""
    if min_confidence <= 0:
        return list(findings)
    out: list[Finding] = []
    for f in findings:
        kept = tuple(s for s in f.suggestions if s.replacement is None or s.confidence >= min_confidence)
        if f.suggestions and not kept:
            continue
        out.append(f if kept == f.suggestions else replace(f, suggestions=kept))
    return out


def filter_results(results: Sequence[DocumentResult], min_confidence: float) -> list[DocumentResult]:
    """:func:`filter_findings` on every document."""
    return [replace(r, findings=filter_findings(r.findings, min_confidence)) for r in results]


@dataclass(frozen=True)
class Capped:
    """Results cut to a maximum count, and how many findings were left out."""

    results: list[DocumentResult]
    omitted: int
    limit: int


def cap_results(results: Sequence[DocumentResult], limit: int) -> Capped:
    """Keep the ``limit`` most severe findings across all documents (then by path and position).

    Documents keep their order and findings their positional order, so output stays readable.

    >>> from repairkit.model import Finding, Severity, Span
    >>> from repairkit.document import Document
    >>> mk = lambda sev, at: Finding("RK101", "r", "missing-number", sev, Span(at, at), "m")
    >>> r = DocumentResult(Document.from_text("abc"), [mk(Severity.INFO, 0), mk(Severity.ERROR, 2)])
    >>> capped = cap_results([r], 1)
    >>> [f.span.start for f in capped.results[0].findings], capped.omitted
    ([2], 1)
    """
    ranked = sorted(
        ((-f.severity, i, f.span.start, f.span.end, f.code, j)
         for i, r in enumerate(results) for j, f in enumerate(r.findings)),
    )
    keep = {(key[1], key[5]) for key in ranked[:max(0, limit)]}
    capped = [replace(r, findings=[f for j, f in enumerate(r.findings) if (i, j) in keep])
              for i, r in enumerate(results)]
    return Capped(capped, max(0, len(ranked) - limit), limit)

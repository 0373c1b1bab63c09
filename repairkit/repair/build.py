"""Findings -> suggestions backed by reference evidence, merged per finding (best first).

Three sources, each with its own confidence:

* **aligned** (:mod:`repairkit.reference.align`): where a reference passage says the same
  thing, the reference's exact characters for the damaged stretch; differences that no
  detector flagged become reference-diff findings (RK0xx); lost paragraph breaks come back.
  Only removed characters of the damaged classes (and whitespace) are restored, so no
  intact token changes.
* **facts** (:mod:`repairkit.repair.facts`): a missing number whose context matches a number
  of a related reference; manual, with a note on what differs.
* **terms** (:mod:`repairkit.repair.terms`): a token whose damage-tolerant key matches a
  spelling the reference uses ("Wellknown" -> "Well-known").

Otherwise the detectors' rule-based suggestions stay.

>>> from repairkit.reference.parse import parse_text
>>> ref = parse_text("Trade report\\n\\nIn 2020, trade between the regions rose to $1.5 billion, a record.")
>>> doc = Document.from_text("Trade report In , trade between the regions rose to . billion, a record.")
>>> [(f.code, doc.text[f.span.start:f.span.end], f.best.replacement) for f in enrich(doc, [], [ref])]
[('RK007', ' ', '\\n\\n'), ('RK001', ',', '2020,'), ('RK001', '.', '$1.5')]
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace
from types import MappingProxyType

from repairkit.document import Document
from repairkit.model import Applicability, Finding, Span, Suggestion
from repairkit.reference.model import Article
from repairkit.registry import get
from repairkit.repair.aligned import Site, aligned_sites, combined, segments_for, site_for_span
from repairkit.repair.facts import fact_suggestions_for
from repairkit.repair.terms import term_sites

#: Reference-diff rules by the category of what was lost.
_RULE_OF = {
    "missing-number": "RK001", "missing-apostrophe": "RK002", "missing-hyphen": "RK003",
    "missing-quote": "RK004", "missing-symbol": "RK005", "missing-bracket": "RK006",
    "lost-structure": "RK007", "missing-space": "RK008", "stray-punctuation": "RK009", "encoding": "RK010",
}


#: Findings longer than this (in code points) do not take reference sites as their suggestions.
MAX_ABSORBING_SPAN = 80
#: Two references disagree about a place: at best a coin toss which one the text followed.
CONTESTED_CONFIDENCE = 0.5


def enrich(doc: Document, findings: list[Finding], references: Sequence[Article]) -> list[Finding]:
    """Return ``findings`` with reference-backed suggestions merged in, plus RK0xx findings."""
    sites: list[Site] = []
    for ref in references:
        sites.extend(aligned_sites(doc.text, ref))
    covered = _Touching([s.span for s in sites])
    for ref in references:
        sites.extend(t for t in term_sites(doc.text, ref) if not covered.any(t.span))
    if len(references) > 1:
        sites = [_contested(doc.text, site, references) for site in sites]
    used: set[int] = set()
    out: list[Finding] = []
    pending: list[tuple[Finding, list[Suggestion]]] = []
    near = _Touching([s.span for s in sites])
    for finding in findings:
        extra: list[Suggestion] = []
        # A paragraph break is its own edit: joined to, say, a missing number it would go unapplied.
        touching = [i for i in near.of(finding.span) if (sites[i].category != "lost-structure")
                    == (finding.category != "lost-structure")] if _absorbs(finding) else []
        used.update(touching)
        by_segment: dict[int, list[Site]] = {}
        for i in touching:
            by_segment.setdefault(id(sites[i].segment) if sites[i].segment else -i, []).append(sites[i])
        for group in by_segment.values():
            # One finding, one edit: separate edits would leave all but one of them unapplied.
            joined = combined(doc.text, group) if len(group) > 1 else None
            if joined:
                extra.append(joined.suggestion)
                continue
            for site in group:
                extra.append((site_for_span(doc.text, site, finding.span) or site).suggestion)
        if not extra and (quote := _as_written(doc.text, finding.span, references)):
            out.append(_demoted(finding, quote))
            continue
        pending.append((finding, extra))
    # Facts are matched for all holes at once: one reference number goes to one hole.
    holes = [i for i, (f, extra) in enumerate(pending)
             if f.category == "missing-number" and not any(s.replacement for s in extra)]
    facts = fact_suggestions_for(doc, [pending[i][0] for i in holes], references) if holes else {}
    for k, i in enumerate(holes):
        pending[i][1].extend(facts.get(k, []))
    out.extend(_merged(finding, extra) for finding, extra in pending)
    spare: dict[tuple[int, int, str], list[Site]] = {}
    for i, site in enumerate(sites):
        if i not in used:
            spare.setdefault((site.span.start, site.span.end, site.category), []).append(site)
    for group in spare.values():  # one finding per place, whatever the number of references
        site = group[0]
        spec = get(_RULE_OF[site.category])
        finding = Finding(spec.code, spec.name, spec.category, spec.severity, site.span, site.message,
                          (), MappingProxyType({"origin": site.suggestion.origin}))
        out.append(_merged(finding, [s.suggestion for s in group]))
    out.sort(key=lambda f: (f.span.start, f.span.end, f.code))
    return out


def _as_written(text: str, span: Span, references: Sequence[Article]) -> str | None:
    """Where an exact, unambiguous same-story passage has ``span`` exactly as written: its source."""
    for ref in references:
        for seg in segments_for(text, ref):
            if not (seg.start <= span.start and span.end <= seg.end and seg.whole and seg.score >= 100
                    and not seg.ambiguous):
                continue
            if not any(d.start <= span.end and span.start <= d.end for d in seg.diffs):
                return ref.path
    return None


def _contested(text: str, site: Site, references: Sequence[Article]) -> Site:
    """A site another reference has exactly as written: the references disagree, a person decides."""
    sources = {e.source for e in site.suggestion.evidence}
    others = [r for r in references if r.path not in sources]
    agree = _as_written(text, site.span, others)
    if agree is None:
        return site
    s = site.suggestion
    why = f" But {agree} has this text exactly as written: the references disagree; check the source."
    return replace(site, suggestion=replace(s, applicability=Applicability.MANUAL,
                                            confidence=min(s.confidence, CONTESTED_CONFIDENCE), note=s.note + why))


def _demoted(finding: Finding, source: str) -> Finding:
    """A finding the reference contradicts: its values become manual, with the reason in the note."""
    why = f" The aligned reference {source} has this text exactly as written: probably not damage."
    suggestions = tuple(replace(s, applicability=Applicability.MANUAL, note=s.note + why)
                        for s in finding.suggestions)
    return replace(finding, suggestions=suggestions,
                   data=MappingProxyType({**finding.data, "reference_agrees": source}))


def _absorbs(finding: Finding) -> bool:
    """Whether reference sites inside ``finding`` become its suggestions.

    A finding about a whole stretch (a run-on sentence, a one-line article, a readability
    figure) would swallow every restoration inside it as one edit; those sites stay findings
    of their own instead.
    """
    return finding.category != "style" and len(finding.span) <= MAX_ABSORBING_SPAN


def _touches(a: Span, b: Span) -> bool:
    """Overlap, or an insertion at either edge of the other span."""
    return a.overlaps(b) or (a.start == a.end and b.start <= a.start <= b.end) or \
        (b.start == b.end and a.start <= b.start <= a.end)


class _Touching:
    """Which of many spans :func:`_touches` a span, by bisection over their starts, not all pairs.

    >>> near = _Touching([Span(0, 2), Span(5, 5), Span(9, 12)])
    >>> near.of(Span(2, 5)), near.of(Span(6, 8)), near.any(Span(12, 12))
    ([1], [], True)
    """

    def __init__(self, spans: Sequence[Span]) -> None:
        self._spans = spans
        self._order = sorted(range(len(spans)), key=lambda i: spans[i].start)
        self._starts = [spans[i].start for i in self._order]
        #: a span that touches ``[a, b]`` starts at ``a - longest`` or later and at ``b`` or earlier
        self._longest = max((len(s) for s in spans), default=0)

    def of(self, span: Span) -> list[int]:
        """The indices, in order, of the spans touching ``span``."""
        lo = bisect_left(self._starts, span.start - self._longest)
        hi = bisect_right(self._starts, span.end)
        return sorted(i for i in self._order[lo:hi] if _touches(self._spans[i], span))

    def any(self, span: Span) -> bool:
        """True when one of the spans touches ``span``."""
        return bool(self.of(span))


_TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "‑": "-"})


def _typographic_key(text: str | None) -> str | None:
    """``text`` with curly quotes and typographic dashes made plain.

    >>> _typographic_key("Japan’s"), _typographic_key(None)
    ("Japan's", None)
    """
    return None if text is None else text.translate(_TYPOGRAPHY)


def _merged(finding: Finding, extra: list[Suggestion]) -> Finding:
    """Reference suggestions first (valued, most confident), then the detector's own."""
    if not extra:
        return finding
    seen: dict[tuple[int, int, str | None], int] = {}
    merged: list[Suggestion] = []
    ranked = sorted(extra, key=lambda s: (s.replacement is None, -s.confidence))
    for s in [*ranked, *finding.suggestions]:
        # Same edit up to typography ("China’s" from the reference, "China's" from a rule): the
        # reference's own form stands, the rule's variant adds nothing but a competing value.
        key = (s.span.start, s.span.end, _typographic_key(s.replacement))
        if key in seen:  # the same edit from another source: keep its evidence too
            kept = merged[seen[key]]
            evidence = kept.evidence + tuple(e for e in s.evidence if e not in kept.evidence)
            merged[seen[key]] = replace(kept, evidence=evidence)
        else:
            seen[key] = len(merged)
            merged.append(s)
    valued = [s for s in merged if s.replacement is not None]
    if len({(s.span, s.replacement) for s in valued}) > 1 and valued[0].applicability is Applicability.SAFE:
        # Several different values: none is applied without an editor (STYLE: several candidates).
        merged = [replace(s, applicability=Applicability.UNSAFE) if s.applicability is Applicability.SAFE
                  else s for s in merged]
    return replace(finding, suggestions=tuple(merged))

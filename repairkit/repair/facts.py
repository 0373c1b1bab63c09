"""Fact matches: a missing number whose context matches a number of a related reference.

A related story may give the figure a damaged text lost, or a different figure about a
similar thing. So a fact match is only ever a *manual* suggestion, listed best first
with a note that says what differs (wording around the number, unit, dates of the two
texts) and what an editor must check. Its value is the reference's, as written.

>>> from repairkit.model import Finding, Severity, Span
>>> from repairkit.reference.model import Article, Block, Fact
>>> text = "Exports grew by 4.2 percent in the spring."
>>> ref = Article("r.txt", text, "0" * 64, None, None, [Block("paragraph", 0, len(text), text)],
...               [Fact("percent", "4.2 percent", "4.2", 16, 27, "percent", None,
...                     "Exports grew by", "in the spring.", 0)], {})
>>> doc = Document.from_text("Last year exports grew by . percent.")
>>> hole = doc.text.index(".")
>>> f = Finding("RK103", "bare-quantity", "missing-number", Severity.ERROR,
...             Span(hole, hole + 9), "'percent' has no amount before it",
...             data={"expects": "percentage", "unit": "percent"})
>>> s = fact_suggestions(doc, f, [ref])[0]
>>> s.replacement, s.applicability.label, doc.text[s.span.start:s.span.end]
('4.2 percent', 'manual', '. percent')
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from repairkit.document import Document
from repairkit.model import Applicability, Evidence, Finding, Span, Suggestion
from repairkit.reference.align import restorable
from repairkit.reference.model import Article, Fact
from repairkit.repair.aligned import only_restores

#: Fact kinds that can fill each expected kind of value (finding data ``expects``).
KINDS_FOR: dict[str, frozenset[str]] = {
    "ordinal": frozenset({"ordinal"}),
    "year": frozenset({"year"}),
    "decade": frozenset({"year"}),
    "day": frozenset({"date"}),
    "percentage": frozenset({"percent"}),
    "amount": frozenset({"money", "cardinal", "decimal", "count"}),
    "count": frozenset({"count", "cardinal"}),
    "number": frozenset({"cardinal", "decimal", "count", "money", "percent"}),
}
#: Most candidates listed for one finding.
MAX_CANDIDATES = 3
#: Confidence of a fact match: one candidate with strong context, otherwise weak.
CONF_STRONG, CONF_WEAK = 0.25, 0.1
#: Shared context weight needed before a fact is offered at all.
MIN_SCORE = 1.0
#: Years, days and bare numbers are everywhere in a reference: they need more shared context.
MIN_SCORE_GENERIC = 2.0
_GENERIC = frozenset({"year", "decade", "day", "number"})

_WORD_RE = re.compile(r"[^\W\d_]{3,}")
_STOP = frozenset("""the and for with that this from was were are has have had its their into over
than been also will would which who while when where after before about more most other such""".split())
_DATE_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_CONTEXT_WORDS = 8


def _words(text: str) -> list[str]:
    return [w for w in (m.group().lower() for m in _WORD_RE.finditer(text)) if w not in _STOP]


def _residue(fact_text: str) -> str:
    """What damage leaves of a number as written: "$1.5 billion" -> ". billion"."""
    return "".join(c for c in fact_text if not (c.isdigit() or (restorable(c) and not c.isspace())))


def _placement(doc: str, finding: Finding, fact: Fact) -> Span | None:
    """Where ``fact.text`` goes: the residue it left next to the finding's hole."""
    residue = _residue(fact.text)
    lo, hi = finding.span.start, finding.span.end
    # The detector's own (zero-width) suggestion marks the hole; else the first gap in the span.
    gaps = [p for p in range(lo, hi + 1) if p > 0 and doc[p - 1].isspace() and not doc[p:p + 1].isalnum()]
    hole = next((s.span.start for s in finding.suggestions), gaps[0] if gaps else lo)
    if not residue and hole not in gaps and not any(s.span.start == hole for s in finding.suggestions):
        return None  # an insertion here would glue the number to a word
    best: Span | None = None
    for p in range(max(lo, hole - len(residue)), min(hole, hi) + 1):
        if doc[p:p + len(residue)] == residue:
            if best is None or abs(p - hole) < abs(best.start - hole):
                best = Span(p, p + len(residue))
    if best is None or not only_restores(doc[best.start:best.end], fact.text):
        return None
    return best


def _context(doc: str, span: Span) -> tuple[list[str], list[str]]:
    return _words(doc[:span.start])[-_CONTEXT_WORDS:], _words(doc[span.end:])[:_CONTEXT_WORDS]


def doc_date(doc: Document) -> str | None:
    """An ISO date near the top of the text (a dateline), if any.

    >>> doc_date(Document.from_text("Title\\n2021-03-04 10:00\\nBody"))
    '2021-03-04'
    """
    m = _DATE_RE.search(doc.text[:400])
    return m.group() if m else None


def _score(fact: Fact, finding: Finding, near: set[str], weight: dict[str, float], year: int | None) -> float:
    expects = str(finding.data.get("expects", "number"))
    kinds = KINDS_FOR.get(expects, KINDS_FOR["number"])
    if fact.kind not in kinds:
        return 0.0
    if year and expects in ("year", "decade") and fact.value[:4].isdigit() and int(fact.value[:4]) > year:
        return 0.0  # a text cannot report a year after its own date as past
    unit = str(finding.data.get("unit") or "").lower()
    if unit and (fact.unit or "").lower() not in (unit, unit + "s") and unit not in fact.text.lower().split():
        return 0.0
    suffix = str(finding.data.get("suffix") or "")
    if suffix and not fact.text.endswith(suffix):
        return 0.0
    shared = near & set(_words(f"{fact.before} {fact.after}"))
    return sum(weight.get(w, 1.0) for w in sorted(shared))  # a set's order varies by process: sum in one order


def fact_suggestions(doc: Document, finding: Finding, references: Sequence[Article]) -> list[Suggestion]:
    """Manual suggestions from reference facts that fit ``finding``, best first."""
    before, after = _context(doc.text, finding.span)
    near = set(before) | set(after)
    dated = doc_date(doc)
    year = int(dated[:4]) if dated else None
    scored: list[tuple[float, Fact, Article, Span]] = []
    for ref in references:
        counts: dict[str, int] = {}
        for fact in ref.facts:
            for w in set(_words(f"{fact.before} {fact.after}")):
                counts[w] = counts.get(w, 0) + 1
        # A word found around many of the reference's numbers says little about any one of them.
        weight = {w: 1.0 / n for w, n in counts.items()}
        for fact in ref.facts:
            score = _score(fact, finding, near, weight, year)
            needed = MIN_SCORE_GENERIC if finding.data.get("expects", "number") in _GENERIC else MIN_SCORE
            span = _placement(doc.text, finding, fact) if score >= needed else None
            if span is not None:
                later = dated is not None and (_passage_date(ref, fact) or "") > dated
                scored.append((score / 2 if later else score, fact, ref, span))
    scored.sort(key=lambda t: -t[0])
    best: dict[str, tuple[float, Fact, Article, Span]] = {}
    for item in scored:
        best.setdefault(item[1].text, item)
    chosen = list(best.values())[:MAX_CANDIDATES]
    strong = len(chosen) == 1 and chosen[0][0] >= 2 * MIN_SCORE
    return [_suggestion(doc, finding, fact, ref, span, CONF_STRONG if strong else CONF_WEAK, near)
            for _, fact, ref, span in chosen]


def _passage_date(ref: Article, fact: Fact) -> str | None:
    """The latest date the reference gives in the passage of ``fact`` (ISO, maybe partial)."""
    dates = [f.value for f in ref.facts if f.kind == "date" and f.block == fact.block and f.value[:1].isdigit()]
    return max(dates) if dates else None


def _suggestion(doc: Document, finding: Finding, fact: Fact, ref: Article, span: Span, conf: float,
                near: set[str]) -> Suggestion:
    theirs = set(_words(f"{fact.before} {fact.after}"))
    only_ref = [w for w in _words(f"{fact.before} {fact.after}") if w not in near][:4]
    shared = sorted(theirs & near)
    theirs |= set(_words(fact.text))
    only_here = [w for w in _words(" ".join(_context(doc.text, finding.span)[0][-4:] +
                                            _context(doc.text, finding.span)[1][:4])) if w not in theirs][:4]
    parts = [f"The reference {ref.path} gives '{fact.text}' in '… {fact.before} {fact.text} {fact.after} …'"]
    if ref.date:
        parts.append(f"(reference dated {ref.date.isoformat()})")
    here = doc_date(doc)
    differs = [f"both mention {', '.join(shared[:4])}"] if shared else []
    if only_ref:
        differs.append(f"the reference speaks of {', '.join(only_ref)}")
    if only_here:
        differs.append(f"this text of {', '.join(only_here)}")
    if here:
        differs.append(f"this text is dated {here}")
    when = _passage_date(ref, fact)
    if when:
        after = " (later than this text)" if here and when > here else ""
        differs.append(f"the reference passage is dated {when}{after}")
    text = " ".join(parts) + "; " + ("; ".join(differs) if differs else "the contexts agree") + \
        ". A related story may give a different figure: check it is the same before applying."
    return Suggestion(span, fact.text, conf, Applicability.MANUAL, text,
                      (Evidence(ref.path, fact.start, fact.end, ref.text[fact.start:fact.end]),), "reference-fact")

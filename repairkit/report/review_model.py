"""What an editorial review shows, computed once for the HTML and Markdown renderers.

A :class:`Review` holds display-ready records (line:col, quoted text, suggestions with their
evidence located in the reference) and the summary: counts by category and by confidence
level, and readability before and after applying the safe suggestions.

>>> from repairkit.model import Applicability, Finding, Severity, Span, Suggestion
>>> doc = Document.from_text("Its a good day. The th day.", "a.txt")
>>> fix = Suggestion(Span(2, 2), "'", 0.95, Applicability.SAFE, "contraction of it is")
>>> gap = Suggestion(Span(20, 20), None, 0.0, Applicability.MANUAL, "number missing")
>>> findings = [Finding("RK201", "contraction", "missing-apostrophe", Severity.WARNING, Span(0, 3), "m", (fix,)),
...             Finding("RK101", "orphan-ordinal", "missing-number", Severity.ERROR, Span(20, 22), "m", (gap,))]
>>> review = build_review(DocumentResult(doc, findings))
>>> [(f.id, f.line, f.column, f.text, f.unresolved) for f in review.findings]
[('RK201-0-3', 1, 1, 'Its', False), ('RK101-20-22', 1, 21, 'th', True)]
>>> review.by_level, review.edits_applied, review.after_text
({'high': 1, 'medium': 0, 'low': 1, 'none': 0}, 1, "It's a good day. The th day.")
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from repairkit.document import Document
from repairkit.fixloop import plan
from repairkit.model import CATEGORIES, Applicability, Evidence, Finding, Level, Suggestion
from repairkit.pipeline import DocumentResult
from repairkit.readability import Readability  # noqa: F401 (the review's figures; re-exported)
from repairkit.reference.model import Article
from repairkit.repair import decisions as decisions_file
from repairkit.repair.decisions import Decisions
from repairkit.report.json_report import finding_id
from repairkit.report.locations import relative_path
from repairkit.report.passages import Passage, passage

#: Key used for findings that carry no suggestion at all.
NO_SUGGESTION = "none"
LEVELS: tuple[str, ...] = (*(level.value for level in Level), NO_SUGGESTION)
#: A finding longer than this is shown as a marker at its start, and its span is not offered
#: for an editor to retype.
WIDE_SPAN = 400


def display_path(path: str | os.PathLike[str]) -> str:
    """``path`` relative to the working directory when it lies under it, with ``/`` separators.

    >>> display_path(Path.cwd() / "docs" / "a.txt")
    'docs/a.txt'
    >>> display_path("notes/b.txt")
    'notes/b.txt'
    """
    return relative_path(os.fspath(path))


@dataclass(frozen=True, slots=True)
class EvidenceView:
    """A quoted piece of evidence and where it was found."""

    source: str
    start: int
    end: int
    quote: str
    location: str  # "path:line:col", or "path" for a rule


@dataclass(frozen=True, slots=True)
class SuggestionView:
    """A suggestion as shown to an editor."""

    before: str
    replacement: str | None
    confidence: float
    level: str
    applicability: str
    note: str
    origin: str
    evidence: tuple[EvidenceView, ...]
    #: Position among the finding's suggestions (decisions name it) and the span it replaces.
    index: int = 0
    start: int = 0
    end: int = 0
    #: The reference passage aligned with the damaged one, for the first reference evidence.
    passage: Passage | None = None
    passage_location: str = ""

    @property
    def action(self) -> str:
        """``insert 'x'``, ``'a' -> 'b'``, ``delete 'a'`` or ``value unknown — check the source``."""
        if self.replacement is None:
            return "value unknown — check the source"
        if not self.before:
            return f"insert {self.replacement!r}"
        if not self.replacement:
            return f"delete {self.before!r}"
        return f"{self.before!r} → {self.replacement!r}"


@dataclass(frozen=True, slots=True)
class FindingView:
    """A finding as shown to an editor; ``id`` is the JSON contract's finding id."""

    id: str
    code: str
    rule: str
    category: str
    severity: str
    start: int
    end: int
    line: int
    column: int
    text: str
    message: str
    level: str
    #: No single supported value: none is known, or candidates compete (an editor must decide).
    unresolved: bool
    #: The suggestions shown: a rule's value-less fallback is left out once a value is offered.
    suggestions: tuple[SuggestionView, ...]
    value_unknown: bool = False
    competing: bool = False
    #: A missing value (the finding says what it expects); an editor may type it.
    hole: bool = False
    #: The span an editor's value replaces (the first shown suggestion's), None when not editable.
    edit_span: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Review:
    """Everything a review report of one document shows."""

    path: str
    text: str
    references: tuple[str, ...]
    findings: tuple[FindingView, ...]
    by_category: dict[str, int]
    by_level: dict[str, int]
    unresolved: int
    before: Readability
    after: Readability
    after_text: str
    edits_applied: int
    threshold: str
    sha256: str = ""


def _reference(ev: Evidence, references: Sequence[Article]) -> Article | None:
    """The reference an evidence record quotes, when it is one of ``references``."""
    source = display_path(ev.source) if ev.source else "rule"
    return next((r for r in references if r.path == ev.source or display_path(r.path) == source), None)


def _locate(ev: Evidence, references: Sequence[Article]) -> EvidenceView:
    source = display_path(ev.source) if ev.source else "rule"
    location = source
    ref = _reference(ev, references)
    if ref is not None and 0 <= ev.start <= len(ref.text):
        line = ref.text.count("\n", 0, ev.start) + 1
        col = ev.start - (ref.text.rfind("\n", 0, ev.start) + 1) + 1
        location = f"{source}:{line}:{col}"
    return EvidenceView(source, ev.start, ev.end, ev.quote, location)


def _suggestion(doc: Document, s: Suggestion, index: int, references: Sequence[Article]) -> SuggestionView:
    evidence = tuple(_locate(e, references) for e in s.evidence)
    aligned, where = None, ""
    for ev, view in zip(s.evidence, evidence, strict=True):
        ref = _reference(ev, references)
        if ref is not None and 0 <= ev.start <= ev.end <= len(ref.text):
            aligned = passage(doc.text, s.span.start, s.span.end, ref.text, ev.start, ev.end)
            where = view.location
            break
    return SuggestionView(doc.text[s.span.start:s.span.end], s.replacement, s.confidence, s.level,
                          s.applicability.label, s.note, s.origin, evidence, index, s.span.start, s.span.end,
                          aligned, where)


def is_hole(f: Finding) -> bool:
    """True when ``f`` is a missing value (it says what it expects, or is a missing number)."""
    return "expects" in f.data or f.category == "missing-number"


def competing(f: Finding) -> bool:
    """True for a missing value with two or more different candidate values and none safe.

    >>> from repairkit.model import Severity, Span
    >>> two = [Suggestion(Span(0, 0), v, 0.5, Applicability.MANUAL, "") for v in ("150", "600")]
    >>> competing(Finding("RK103", "r", "missing-number", Severity.ERROR, Span(0, 2), "m", tuple(two)))
    True
    """
    return is_hole(f) and f.competing


def _finding(doc: Document, f: Finding, references: Sequence[Article]) -> FindingView:
    line, column = doc.line_col(f.span.start)
    best = f.best
    views = [_suggestion(doc, s, i, references) for i, s in enumerate(f.suggestions)]
    # Issue 12 item 6: once a value is offered (a reference filled the hole), the rule's own
    # value-less suggestion ("value unknown — check the source") is not shown beneath it.
    shown = tuple(v for v in views if v.replacement is not None) or tuple(views)
    first = shown[0] if shown else None
    editable = first is not None and first.end - first.start <= WIDE_SPAN
    # A finding that offers nothing at all and misses no value (a note about the whole text) is
    # not a value to look up.
    unknown = f.unresolved and (is_hole(f) or bool(f.suggestions))
    return FindingView(finding_id(doc, f), f.code, f.rule, f.category, f.severity.label, f.span.start,
                       f.span.end, line, column, doc.text[f.span.start:f.span.end], f.message,
                       best.level if best else NO_SUGGESTION, unknown or competing(f), shown,
                       unknown, competing(f), is_hole(f),
                       (first.start, first.end) if first is not None and editable else None)


def build_review(result: DocumentResult, threshold: Applicability = Applicability.SAFE,
                 rescan: Callable[[Document], list[Finding]] | None = None) -> Review:
    """Build the review of one scanned document; suggestions at ``threshold`` are applied for "after",
    through the same fix loop as ``fix`` (re-scanned to a fixed point when ``rescan`` is given)."""
    doc = result.document
    views = tuple(_finding(doc, f, result.references) for f in result.findings)
    categories = Counter(v.category for v in views)
    levels = Counter(v.level for v in views)
    fixed = plan(result, threshold, 0.0, False, rescan)
    after_text = fixed.text
    return Review(
        path=display_path(doc.path),
        text=doc.text,
        references=tuple(display_path(r.path) for r in result.references),
        findings=views,
        by_category={c: categories[c] for c in (*CATEGORIES, *sorted(set(categories) - set(CATEGORIES)))
                     if categories[c]},
        by_level={lv: levels[lv] for lv in LEVELS},
        unresolved=sum(v.unresolved for v in views),
        before=Readability.of(doc.text),
        after=Readability.of(after_text),
        after_text=after_text,
        edits_applied=fixed.count,
        threshold=threshold.label,
        sha256=doc.sha256,
    )


def decidable(f: FindingView) -> bool:
    """True when an editor can decide about ``f``: it offers a value, or a span to type one into."""
    return any(s.replacement is not None for s in f.suggestions) or f.edit_span is not None


def desk_summary(review: Review, decisions: Decisions | None = None) -> dict[str, dict[str, int]]:
    """Accepted, edited, rejected and open decidable findings by category (the page header)."""
    counts = decisions_file.summary(decisions, {f.id: f.category for f in review.findings if decidable(f)})
    return {c: counts[c] for c in review.by_category if c in counts}

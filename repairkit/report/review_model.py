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
from repairkit.report.json_report import finding_id

#: Key used for findings that carry no suggestion at all.
NO_SUGGESTION = "none"
LEVELS: tuple[str, ...] = (*(level.value for level in Level), NO_SUGGESTION)


def display_path(path: str | os.PathLike[str]) -> str:
    """``path`` relative to the working directory when it lies under it, with ``/`` separators.

    >>> display_path(Path.cwd() / "docs" / "a.txt")
    'docs/a.txt'
    >>> display_path("notes/b.txt")
    'notes/b.txt'
    """
    from repairkit.report.locations import relative_path

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
    unresolved: bool
    suggestions: tuple[SuggestionView, ...]


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


def _locate(ev: Evidence, references: Sequence[Article]) -> EvidenceView:
    source = display_path(ev.source) if ev.source else "rule"
    location = source
    for ref in references:
        if ref.path == ev.source or display_path(ref.path) == source:
            if 0 <= ev.start <= len(ref.text):
                line = ref.text.count("\n", 0, ev.start) + 1
                col = ev.start - (ref.text.rfind("\n", 0, ev.start) + 1) + 1
                location = f"{source}:{line}:{col}"
            break
    return EvidenceView(source, ev.start, ev.end, ev.quote, location)


def _suggestion(doc: Document, s: Suggestion, references: Sequence[Article]) -> SuggestionView:
    return SuggestionView(doc.text[s.span.start:s.span.end], s.replacement, s.confidence, s.level,
                          s.applicability.label, s.note, s.origin,
                          tuple(_locate(e, references) for e in s.evidence))


def _finding(doc: Document, f: Finding, references: Sequence[Article]) -> FindingView:
    line, column = doc.line_col(f.span.start)
    best = f.best
    return FindingView(finding_id(doc, f), f.code, f.rule, f.category, f.severity.label, f.span.start,
                       f.span.end, line, column, doc.text[f.span.start:f.span.end], f.message,
                       best.level if best else NO_SUGGESTION, f.unresolved,
                       tuple(_suggestion(doc, s, references) for s in f.suggestions))


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
    )

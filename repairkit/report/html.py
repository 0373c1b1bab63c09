"""The self-contained HTML review: the text with every finding highlighted, the findings beside it.

Document text is escaped by Jinja2's autoescape, never by hand. Overlapping findings nest; when
two findings cross, the inner one is closed and reopened as a continuation ``<span>``, so each
finding has exactly one ``<mark class="finding ...">`` and the marks can be counted.

>>> from repairkit.model import Finding, Severity, Span
>>> doc = Document.from_text("<b>x</b> and y", "a.txt")
>>> f = Finding("RK999", "demo", "style", Severity.INFO, Span(0, 8), "m")
>>> page = render_document(DocumentResult(doc, [f]))
>>> page.count('<mark class="finding'), "&lt;b&gt;x&lt;/b&gt;" in page, "<b>x" in page
(1, True, False)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import PurePosixPath
from typing import Any

import jinja2

from repairkit import __version__
from repairkit.document import Document
from repairkit.model import CATEGORIES, Applicability
from repairkit.pipeline import DocumentResult
from repairkit.repair import decisions as decisions_file
from repairkit.repair.decisions import Decisions
from repairkit.report.review_model import WIDE_SPAN, FindingView, Review, build_review, decidable, desk_summary

#: Highlight colours per category: (background, border). Dark text on these backgrounds keeps a
#: contrast ratio above 12:1; the border tells neighbouring categories apart.
PALETTE: dict[str, tuple[str, str]] = {
    "missing-number": ("#ffd6d6", "#c62828"),
    "missing-apostrophe": ("#ffe3b0", "#a35200"),
    "missing-hyphen": ("#fff29a", "#7a6500"),
    "missing-space": ("#d6f0c2", "#2e7d32"),
    "missing-symbol": ("#c6eee5", "#00695c"),
    "missing-quote": ("#cfe6ff", "#1565c0"),
    "missing-bracket": ("#dcdcff", "#3949ab"),
    "stray-punctuation": ("#ecd9ff", "#7b1fa2"),
    "lost-structure": ("#ffd6ec", "#ad1457"),
    "encoding": ("#e2e2e2", "#424242"),
    "boilerplate": ("#eee0cf", "#6d4c41"),
    "template-leak": ("#d0f4f4", "#006064"),
    "whitespace": ("#eef3bd", "#5f6b00"),
    "style": ("#e1ecf7", "#455a64"),
}
DEFAULT_COLOURS = ("#eeeeee", "#555555")

#: Category groups in the findings list start closed above this many findings, to keep it usable.
OPEN_GROUP_LIMIT = 40


@dataclass(frozen=True, slots=True)
class Token:
    """A piece of highlighted text: ``text``, ``open``/``close`` of a finding, or a zero-width ``point``."""

    kind: str
    text: str = ""
    finding: FindingView | None = None
    continued: bool = False  # a continuation <span> of a finding whose <mark> was closed early


def is_wide(f: FindingView) -> bool:
    """True for a finding that covers more than :data:`WIDE_SPAN` characters."""
    return f.end - f.start > WIDE_SPAN


def highlight_tokens(text: str, findings: Sequence[FindingView]) -> list[Token]:
    """Split ``text`` into text tokens and properly nested open/close tokens, one mark per finding.

    >>> from repairkit.report.review_model import FindingView
    >>> def fv(s, e): return FindingView(f"X-{s}-{e}", "X", "x", "style", "info", s, e, 1, s + 1, "", "", "none", True, ())
    >>> toks = highlight_tokens("abcdef", [fv(0, 4), fv(2, 6), fv(3, 3)])
    >>> " ".join(t.text or f"{t.kind}{'~' if t.continued else ''}:{t.finding.id}" for t in toks)
    'open:X-0-4 ab open:X-2-6 c point:X-3-3 d close:X-2-6 close:X-0-4 open~:X-2-6 ef close~:X-2-6'
    """
    by_start: dict[int, list[FindingView]] = {}
    points: dict[int, list[FindingView]] = {}
    for f in findings:
        # A finding about a whole stretch (a one-line article, a readability summary) is a
        # marker at its start: wrapping pages of text in it would hide every other highlight.
        (points if f.start == f.end or is_wide(f) else by_start).setdefault(f.start, []).append(f)
    ends = {f.end for f in findings if f.end > f.start and not is_wide(f)}
    bounds = sorted({0, len(text), *by_start, *points, *ends})
    tokens: list[Token] = []
    stack: list[tuple[FindingView, bool]] = []
    for i, pos in enumerate(bounds):
        closing = {id(f) for f, _ in stack if f.end == pos}
        if closing:
            reopen: list[FindingView] = []
            while closing:
                f, cont = stack.pop()
                tokens.append(Token("close", finding=f, continued=cont))
                if id(f) in closing:
                    closing.discard(id(f))
                else:
                    reopen.append(f)
            for f in reversed(reopen):
                tokens.append(Token("open", finding=f, continued=True))
                stack.append((f, True))
        tokens.extend(Token("point", finding=f) for f in points.get(pos, ()))
        for f in sorted(by_start.get(pos, ()), key=lambda f: -f.end):
            tokens.append(Token("open", finding=f))
            stack.append((f, False))
        if i + 1 < len(bounds) and bounds[i + 1] > pos:
            tokens.append(Token("text", text[pos:bounds[i + 1]]))
    return tokens


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.PackageLoader("repairkit", "templates"),
                              autoescape=True, undefined=jinja2.StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def page_data(review: Review, decisions: Decisions | None = None) -> dict[str, Any]:
    """What the page's script reads (a JSON block, ``|tojson``): the text, the decidable findings
    with their suggestions, and decisions to start from (``review --decisions``).

    >>> from repairkit.model import Finding, Severity, Span, Suggestion
    >>> doc = Document.from_text("the th day", "a.txt")
    >>> gap = Suggestion(Span(4, 4), None, 0.0, Applicability.MANUAL, "number missing")
    >>> f = Finding("RK101", "orphan-ordinal", "missing-number", Severity.ERROR, Span(4, 6), "m", (gap,))
    >>> data = page_data(build_review(DocumentResult(doc, [f])))
    >>> data["findings"][0]["edit"], data["findings"][0]["suggestions"], data["document"]["length"]
    ({'start': 4, 'end': 4, 'before': ''}, [], 10)
    """
    findings = []
    for f in review.findings:
        if not decidable(f):
            continue
        edit = None
        if f.edit_span is not None:
            start, end = f.edit_span
            edit = {"start": start, "end": end, "before": review.text[start:end]}
        findings.append({
            "id": f.id, "code": f.code, "category": f.category, "hole": f.hole, "unresolved": f.unresolved,
            "competing": f.competing, "edit": edit,
            "suggestions": [{"index": s.index, "start": s.start, "end": s.end, "before": s.before,
                             "after": s.replacement, "applicability": s.applicability,
                             "confidence": s.confidence, "note": s.note,
                             "evidence": [{"source": e.source, "start": e.start, "end": e.end, "quote": e.quote}
                                          for e in s.evidence]}
                            for s in f.suggestions if s.replacement is not None],
        })
    initial = {}
    for d in decisions.decisions if decisions else ():
        initial[d.finding] = {"d": d.decision, "v": d.after if d.by_editor else None,
                              "s": next((s["index"] for f in findings if f["id"] == d.finding
                                         for s in f["suggestions"]
                                         if (s["start"], s["end"], s["after"]) == (d.start, d.end, d.after)), None)}
    return {
        "schema": decisions_file.SCHEMA_TAG, "tool": {"name": "repairkit", "version": __version__},
        "document": {"path": review.path, "sha256": review.sha256, "length": len(review.text)},
        "references": list(review.references), "text": review.text, "findings": findings, "initial": initial,
        "download": PurePosixPath(review.path).stem + decisions_file.SUFFIX,
    }


def render_review(review: Review, decisions: Decisions | None = None) -> str:
    """Render a :class:`Review` as one self-contained HTML page (``decisions``: to start from)."""
    groups = [(c, [f for f in review.findings if f.category == c]) for c in review.by_category]
    return _environment().get_template("review.html.j2").render(
        review=review,
        data=page_data(review, decisions),
        desk=desk_summary(review, decisions),
        outcomes=decisions_file.OUTCOMES,
        decidable=decidable,
        is_wide=is_wide,
        tokens=highlight_tokens(review.text, review.findings),
        groups=groups,
        open_limit=OPEN_GROUP_LIMIT,
        palette={c: PALETTE.get(c, DEFAULT_COLOURS) for c in (*CATEGORIES, *review.by_category)},
    )


def render_document(result: DocumentResult, threshold: Applicability = Applicability.SAFE) -> str:
    """Render the review page of one scanned document."""
    return render_review(build_review(result, threshold))


__all__ = ["WIDE_SPAN", "Document", "Token", "decidable", "desk_summary", "highlight_tokens", "is_wide", "page_data",
           "render_document", "render_review"]

"""The Markdown review: a summary table, then each finding with line:col, quote, suggestion, evidence.

Document text goes into code spans (fenced long enough never to break) and other text is
escaped, so a document can never inject markup into the report.

>>> from repairkit.model import Applicability, Finding, Severity, Span, Suggestion
>>> doc = Document.from_text("the th summit", "a.txt")
>>> gap = Suggestion(Span(4, 4), None, 0.0, Applicability.MANUAL, "an ordinal is missing")
>>> md = render([DocumentResult(doc, [Finding("RK101", "orphan-ordinal", "missing-number",
...                                            Severity.ERROR, Span(4, 6), "lost number", (gap,))])])
>>> print(md.split("## Findings")[1].strip())
### 1. 1:5 RK101 orphan-ordinal (error, missing-number)
<BLANKLINE>
lost number
<BLANKLINE>
- text: `th`
- **value unknown — check the source**
- suggestion: no value offered · confidence low (0.00) · manual
  - note: an ordinal is missing
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from repairkit.document import Document
from repairkit.model import Applicability
from repairkit.pipeline import DocumentResult
from repairkit.repair.decisions import ACCEPTED, EDITED, OPEN, OUTCOMES, Decision, Decisions
from repairkit.report.review_model import NO_SUGGESTION, FindingView, Review, build_review, desk_summary

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md_text(text: str) -> str:
    r"""Escape Markdown and HTML specials in running text; line breaks become spaces.

    >>> md_text("a*b* <i>|x")
    'a\\*b\\* \\<i\\>\\|x'
    """
    return _SPECIAL.sub(r"\\\1", " ".join(text.splitlines()))


def md_code(text: str) -> str:
    """A code span that shows ``text`` verbatim whatever backticks it holds; ``↵`` marks line breaks.

    >>> md_code("a`b"), md_code(" x "), md_code("")
    ('``a`b``', '`  x  `', '(empty)')
    """
    if not text:
        return "(empty)"
    body = text.replace("\r\n", "↵").replace("\n", "↵").replace("\r", "↵")
    fence = "`" * (max((len(run) for run in re.findall(r"`+", body)), default=0) + 1)
    pad = body[0] == "`" or body[-1] == "`" or (body[0] == body[-1] == " " and body.strip() != "")
    return f"{fence} {body} {fence}" if pad else f"{fence}{body}{fence}"


def _decision_line(d: Decision) -> str:
    if d.decision == EDITED:
        return (f"- **decision: edited** — {md_code(d.before or '')} → {md_code(d.after or '')}, "
                "a value typed by the editor (not from a source)")
    if d.decision == ACCEPTED:
        return f"- **decision: accepted** — {md_code(d.before or '')} → {md_code(d.after or '')}"
    return "- **decision: rejected** — left as it is"


def _finding_lines(n: int, f: FindingView, decision: Decision | None = None) -> list[str]:
    lines = [f"### {n}. {f.line}:{f.column} {f.code} {f.rule} ({f.severity}, {f.category})", "",
             md_text(f.message), "", f"- text: {md_code(f.text)}"]
    if decision is not None:
        lines.append(_decision_line(decision))
    if f.value_unknown:
        lines.append("- **value unknown — check the source**")
    elif f.competing:
        lines.append("- **competing values — choose one, or check the source**")
    for s in f.suggestions:
        action = "no value offered" if s.replacement is None else md_text(s.action)
        lines.append(f"- suggestion: {action} · confidence {s.level} ({s.confidence:.2f}) · {s.applicability}")
        lines.append(f"  - note: {md_text(s.note)}")
        lines.extend(f"  - evidence: “{md_text(e.quote)}” ({md_code(e.location)} [{e.start}–{e.end}])"
                     for e in s.evidence)
    lines.append("")
    return lines


def desk_lines(review: Review, decisions: Decisions | None) -> list[str]:
    """The summary for the desk: accepted, edited, rejected and left open, by category.

    >>> from repairkit.model import Applicability as A, Finding, Severity, Span, Suggestion
    >>> doc = Document.from_text("the th day", "a.txt")
    >>> gap = Suggestion(Span(4, 4), None, 0.0, A.MANUAL, "number missing")
    >>> review = build_review(DocumentResult(doc, [Finding("RK101", "o", "missing-number", Severity.ERROR,
    ...                                                    Span(4, 6), "m", (gap,))]))
    >>> print("\\n".join(desk_lines(review, None)))
    ## Decisions
    <BLANKLINE>
    None recorded yet: decide in the HTML page, download the decisions file and pass it with `--decisions`.
    <BLANKLINE>
    """
    lines = ["## Decisions", ""]
    if decisions is None:
        return [*lines, "None recorded yet: decide in the HTML page, download the decisions file and pass it "
                        "with `--decisions`.", ""]
    counts = desk_summary(review, decisions)
    header = ["left open" if k == OPEN else k for k in OUTCOMES]
    lines += [f"| category | {' | '.join(header)} |", "|---|" + "---:|" * len(OUTCOMES)]
    lines += [f"| {c} | {' | '.join(str(row[k]) for k in OUTCOMES)} |" for c, row in counts.items()]
    lines += [f"| **all** | {' | '.join(str(sum(r[k] for r in counts.values())) for k in OUTCOMES)} |", "",
              "Edited values were typed by the editor: they come from no source. "
              "`repairkit fix PATH --decisions FILE --write` applies the accepted and edited ones.", ""]
    return lines


def render_review(review: Review, decisions: Decisions | None = None) -> str:
    """Render one document's review as Markdown (with the editor's ``decisions``, when given)."""
    refs = ", ".join(md_code(r) for r in review.references) or "no reference"
    after = f"after {review.threshold} edits"
    lines = [f"# Editorial review: {md_code(review.path)}", "", f"Compared with: {refs}.", "", "## Summary", "",
             "| | count |", "|---|---:|", f"| findings | {len(review.findings)} |",
             f"| unresolved (value unknown or contested) | {review.unresolved} |",
             f"| {review.threshold} edits applicable | {review.edits_applied} |", "",
             "| category | findings |", "|---|---:|"]
    lines += [f"| {c} | {n} |" for c, n in review.by_category.items()] or ["| (none) | 0 |"]
    lines += ["", "| confidence | findings |", "|---|---:|"]
    lines += [f"| {'no suggestion' if lv == NO_SUGGESTION else lv} | {n} |" for lv, n in review.by_level.items()]
    lines += ["", f"| readability | before | {after} |", "|---|---:|---:|",
              f"| Flesch reading ease | {review.before.reading_ease:.1f} | {review.after.reading_ease:.1f} |",
              f"| Flesch-Kincaid grade | {review.before.grade:.1f} | {review.after.grade:.1f} |", "",
              *desk_lines(review, decisions), "## Findings", ""]
    decided = decisions.by_finding() if decisions else {}
    for n, f in enumerate(review.findings, 1):
        lines += _finding_lines(n, f, decided.get(f.id))
    if not review.findings:
        lines += ["No findings.", ""]
    return "\n".join(lines)


def render(results: Sequence[DocumentResult], threshold: Applicability = Applicability.SAFE) -> str:
    """Render the reviews of ``results`` as one Markdown text."""
    return "\n".join(render_review(build_review(r, threshold)) for r in results)


__all__ = ["Document", "md_code", "md_text", "render", "render_review"]

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
from repairkit.report.review_model import NO_SUGGESTION, FindingView, Review, build_review

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


def _finding_lines(n: int, f: FindingView) -> list[str]:
    lines = [f"### {n}. {f.line}:{f.column} {f.code} {f.rule} ({f.severity}, {f.category})", "",
             md_text(f.message), "", f"- text: {md_code(f.text)}"]
    if f.unresolved:
        lines.append("- **value unknown — check the source**")
    for s in f.suggestions:
        action = "no value offered" if s.replacement is None else md_text(s.action)
        lines.append(f"- suggestion: {action} · confidence {s.level} ({s.confidence:.2f}) · {s.applicability}")
        lines.append(f"  - note: {md_text(s.note)}")
        lines.extend(f"  - evidence: “{md_text(e.quote)}” ({md_code(e.location)} [{e.start}–{e.end}])"
                     for e in s.evidence)
    lines.append("")
    return lines


def render_review(review: Review) -> str:
    """Render one document's review as Markdown."""
    refs = ", ".join(md_code(r) for r in review.references) or "no reference"
    after = f"after {review.threshold} edits"
    lines = [f"# Editorial review: {md_code(review.path)}", "", f"Compared with: {refs}.", "", "## Summary", "",
             "| | count |", "|---|---:|", f"| findings | {len(review.findings)} |",
             f"| unresolved (value unknown) | {review.unresolved} |",
             f"| {review.threshold} edits applicable | {review.edits_applied} |", "",
             "| category | findings |", "|---|---:|"]
    lines += [f"| {c} | {n} |" for c, n in review.by_category.items()] or ["| (none) | 0 |"]
    lines += ["", "| confidence | findings |", "|---|---:|"]
    lines += [f"| {'no suggestion' if lv == NO_SUGGESTION else lv} | {n} |" for lv, n in review.by_level.items()]
    lines += ["", f"| readability | before | {after} |", "|---|---:|---:|",
              f"| Flesch reading ease | {review.before.reading_ease:.1f} | {review.after.reading_ease:.1f} |",
              f"| Flesch-Kincaid grade | {review.before.grade:.1f} | {review.after.grade:.1f} |", "",
              "## Findings", ""]
    for n, f in enumerate(review.findings, 1):
        lines += _finding_lines(n, f)
    if not review.findings:
        lines += ["No findings.", ""]
    return "\n".join(lines)


def render(results: Sequence[DocumentResult], threshold: Applicability = Applicability.SAFE) -> str:
    """Render the reviews of ``results`` as one Markdown text."""
    return "\n".join(render_review(build_review(r, threshold)) for r in results)


__all__ = ["Document", "md_code", "md_text", "render", "render_review"]

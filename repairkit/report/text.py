"""Compact text output: ``path:line:col: CODE [severity] message`` and the suggestions under it.

>>> from repairkit.pipeline import DocumentResult, scan_document, select_rules
>>> from repairkit.config import Config
>>> print(render([scan_document(Document.from_text("the th summit", "a.txt"), select_rules(Config()))]), end="")
a.txt:1:5: RK101 [error] ordinal suffix 'th' has lost its number
    ? value unknown (manual): Missing value: an ordinal number before 'th'. The value is unknown; check the source and insert it.
a.txt: 1 finding (1 error)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import click

from repairkit.document import Document
from repairkit.model import Applicability, Finding, Suggestion
from repairkit.pipeline import DocumentResult


def _suggestion_line(doc: Document, s: Suggestion) -> str:
    if s.replacement is None:
        return f"    ? value unknown ({s.applicability.label}): {s.note}"
    before = doc.text[s.span.start:s.span.end]
    action = f"insert {s.replacement!r}" if not before else f"{before!r} -> {s.replacement!r}"
    line = f"    -> {action} ({s.level} {s.confidence:.2f}, {s.applicability.label}): {s.note}"
    for ev in s.evidence[:1]:
        line += f"\n       evidence: {ev.source}[{ev.start}:{ev.end}] {ev.quote!r}"
    return line


def shown_suggestions(f: Finding) -> tuple[Suggestion, ...]:
    """The suggestions to print: a hole a value was found for (a reference filled it) no longer
    says "value unknown"; its value-less explanation shows only while no value is known.

    >>> from repairkit.model import Applicability as A, Severity, Span
    >>> hole = Suggestion(Span(3, 3), None, 0.0, A.MANUAL, "year missing")
    >>> filled = Suggestion(Span(3, 3), "2020", 0.97, A.SAFE, "the reference reads 2020")
    >>> f = Finding("RK102", "r", "missing-number", Severity.ERROR, Span(0, 4), "m", (filled, hole))
    >>> [s.replacement for s in shown_suggestions(f)]
    ['2020']
    """
    if f.unresolved:
        return f.suggestions
    return tuple(s for s in f.suggestions if s.replacement is not None)


_SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}


def render(results: Sequence[DocumentResult], styled: bool = False) -> str:
    """Render findings as compact, grep-friendly text (``styled``: ANSI colours for a terminal)."""
    lines: list[str] = []
    for r in results:
        doc = r.document
        for f in r.findings:
            line, col = doc.line_col(f.span.start)
            code, severity = f.code, f"[{f.severity.label}]"
            if styled:
                code = click.style(code, bold=True)
                severity = click.style(severity, fg=_SEVERITY_COLOURS[f.severity.label])
            lines.append(f"{doc.path}:{line}:{col}: {code} {severity} {f.message}")
            lines.extend(_suggestion_line(doc, s) for s in shown_suggestions(f))
        lines.extend(f"{doc.path}: note: {notice}" for notice in r.notices)
        counts = Counter(f.severity.label for f in r.findings)
        detail = ", ".join(f"{n} {sev}{'s' if n != 1 else ''}" for sev, n in sorted(counts.items()))
        total = len(r.findings)
        lines.append(f"{doc.path}: {total} finding{'s' if total != 1 else ''}" + (f" ({detail})" if detail else ""))
    return "\n".join(lines) + "\n"


def fix_hint(results: Sequence[DocumentResult]) -> str | None:
    """What ``fix`` can do about the findings, as ruff says after a check (``None``: nothing).

    A finding counts once, by its best suggestion: a safe value, an unsafe one, a value only a
    person may choose (``--interactive``), or none at all (the value is unknown).

    >>> from repairkit.model import Applicability as A, Severity, Span
    >>> mk = lambda *s: Finding("RK201", "r", "missing-apostrophe", Severity.WARNING, Span(0, 1), "m", s)
    >>> safe = Suggestion(Span(0, 1), "x", 0.95, A.SAFE, "n")
    >>> hole = Suggestion(Span(0, 0), None, 0.0, A.MANUAL, "n")
    >>> fix_hint([DocumentResult(Document.from_text("ab"), [mk(safe), mk(hole), mk(hole)])])
    'hint: 1 safe fix (`repairkit fix --write`), 2 need a value (`--mark-unresolved` marks them)'
    """
    counts: Counter[str] = Counter()
    for r in results:
        for f in r.findings:
            valued = [s for s in f.suggestions if s.replacement is not None]
            if any(s.applicability is Applicability.SAFE for s in valued):
                counts["safe"] += 1
            elif any(s.applicability is Applicability.UNSAFE for s in valued):
                counts["unsafe"] += 1
            elif valued:
                counts["manual"] += 1
            elif f.suggestions:
                counts["value"] += 1
    parts = []
    if counts["safe"]:
        parts.append(f"{counts['safe']} safe fix{'es' if counts['safe'] != 1 else ''} (`repairkit fix --write`)")
    if counts["unsafe"]:
        parts.append(f"{counts['unsafe']} unsafe (add `--unsafe`)")
    if counts["manual"]:
        parts.append(f"{counts['manual']} to choose by hand (`--interactive`)")
    if counts["value"]:
        parts.append(f"{counts['value']} need a value (`--mark-unresolved` marks them)")
    return "hint: " + ", ".join(parts) if parts else None

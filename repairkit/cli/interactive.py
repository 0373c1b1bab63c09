"""``repairkit fix --interactive``: review suggestions one by one, like ``git add -p``.

For each suggestion that carries a value (safe, unsafe or manual: a person decides here)
it shows the place in context, the proposed change, its note and evidence, and asks:
``y`` accept, ``n`` reject, ``e`` edit the replacement, ``s`` skip the rest of this file,
``q`` quit (keep what was accepted so far).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

import click

from repairkit.document import Document
from repairkit.model import Finding, Suggestion
from repairkit.repair.apply import Edit, apply_edits, conflicts, marker_edits, merge_edits

if TYPE_CHECKING:
    from repairkit.fixloop import Planned

CONTEXT = 40
CHOICES = {"y": "accept", "n": "reject", "e": "edit", "s": "skip file", "q": "quit"}


def candidate(f: Finding, min_confidence: float) -> Suggestion | None:
    """The first suggestion of ``f`` with a value at or above ``min_confidence``."""
    return next((s for s in f.suggestions if s.replacement is not None and s.confidence >= min_confidence), None)


def show(doc: Document, f: Finding, s: Suggestion) -> str:
    """The place in context, ``[-old-]{+new+}`` style, with the note and the evidence.

    >>> from repairkit.model import Applicability as A, Severity, Span
    >>> s = Suggestion(Span(2, 2), "'", 0.95, A.SAFE, "contraction")
    >>> f = Finding("RK201", "r", "missing-apostrophe", Severity.WARNING, Span(0, 3), "dropped apostrophe", (s,))
    >>> print(show(Document.from_text("Its fine", "a.txt"), f, s))
    a.txt:1:1: RK201 [warning] dropped apostrophe
      It{+'+}s fine
      safe, confidence 0.95: contraction
    """
    text = doc.text
    line, col = doc.line_col(f.span.start)
    start, end = s.span.start, s.span.end
    before = text[max(0, start - CONTEXT):start].split("\n")[-1]
    after = text[end:end + CONTEXT].split("\n")[0]
    old = f"[-{text[start:end]}-]" if end > start else ""
    out = [f"{doc.path}:{line}:{col}: {f.code} [{f.severity.label}] {f.message}",
           f"  {before}{old}{{+{s.replacement}+}}{after}",
           f"  {s.applicability.label}, confidence {s.confidence:.2f}: {s.note}"]
    out.extend(f"  evidence: {ev.source}[{ev.start}:{ev.end}] {ev.quote!r}" for ev in s.evidence)
    return "\n".join(out)


def review(planned: Sequence[Planned], min_confidence: float, mark: bool) -> list[Planned]:
    """Ask about each suggestion; return the plans rebuilt from the accepted edits only."""
    out: list[Planned] = []
    quitting = False
    for p in planned:
        doc = p.result.document
        accepted: list[Edit] = []
        for f in p.result.findings:
            s = candidate(f, min_confidence)
            if quitting or s is None or s.replacement is None:
                continue
            edit = Edit(s.span.start, s.span.end, doc.text[s.span.start:s.span.end], s.replacement, f.code,
                        s.confidence, s.applicability, s.note, s.evidence)
            if edit.before == edit.after or any(conflicts(edit, a) for a in accepted):
                continue
            click.echo(show(doc, f, s), err=True)
            answer = click.prompt("Apply? " + ", ".join(f"[{k}] {v}" for k, v in CHOICES.items()),
                                  type=click.Choice(list(CHOICES)), show_choices=False, err=True)
            if answer == "y":
                accepted.append(edit)
            elif answer == "e":
                typed = click.prompt("Replacement", default=s.replacement, err=True)
                accepted.append(replace(edit, after=typed, note=f"{s.note} (edited by hand)"))
            elif answer == "s":
                break
            elif answer == "q":
                quitting = True
        edits = sorted(accepted, key=lambda e: (e.start, e.end))
        if mark:
            edits = merge_edits(edits, marker_edits(doc.text, p.result.findings))
        out.append(replace(p, edits=edits, text=apply_edits(doc.text, edits)))
    return out

"""``repairkit fix --interactive``: review suggestions one by one, like ``git add -p``.

For each suggestion that carries a value (safe, unsafe or manual: a person decides here)
it shows "n of N", the place in context, the proposed change, its note and evidence, and
asks: ``y`` accept, ``n`` reject, ``a`` accept this and every safe suggestion left (the others
are still asked), ``e`` edit the replacement, ``s`` skip the rest of this file (nothing more in
it changes, no marker either), ``q`` quit (keep what was accepted so far). On a terminal one key
answers; typed input (a pipe, a test) is read a line at a time.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

import click

from repairkit.document import Document
from repairkit.model import Applicability, Finding, Suggestion
from repairkit.repair.apply import Edit, apply_edits, conflicts, marker_edits, merge_edits

if TYPE_CHECKING:
    from repairkit.fixloop import Planned

CONTEXT = 40
CHOICES = {"y": "accept", "n": "reject", "a": "accept all safe", "e": "edit", "s": "skip file", "q": "quit"}


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


def ask() -> str:
    """One answer: a single key on a terminal, else a line (asked again until it is a choice)."""
    question = "Apply? " + ", ".join(f"[{k}] {v}" for k, v in CHOICES.items())
    if not sys.stdin.isatty():
        return str(click.prompt(question, type=click.Choice(list(CHOICES)), show_choices=False, err=True))
    click.echo(question + " ", nl=False, err=True)
    while True:
        key = click.getchar().lower()
        if key in ("\x03", "\x04"):  # Ctrl-C, Ctrl-D
            raise click.Abort()
        if key in CHOICES:
            click.echo(key, err=True)
            return key


def _edit(doc: Document, f: Finding, s: Suggestion) -> Edit:
    assert s.replacement is not None
    return Edit(s.span.start, s.span.end, doc.text[s.span.start:s.span.end], s.replacement, f.code,
                s.confidence, s.applicability, s.note, s.evidence)


def _questions(planned: Sequence[Planned], min_confidence: float) -> int:
    """How many suggestions there are to ask about (an upper bound: conflicts are dropped as accepted)."""
    return sum(1 for p in planned for f in p.result.findings
               if (s := candidate(f, min_confidence)) is not None
               and p.result.document.text[s.span.start:s.span.end] != s.replacement)


def review(planned: Sequence[Planned], min_confidence: float, mark: bool) -> list[Planned]:
    """Ask about each suggestion; return the plans rebuilt from the accepted edits only."""
    out: list[Planned] = []
    quitting = accept_safe = False
    total, asked = _questions(planned, min_confidence), 0
    for p in planned:
        doc = p.result.document
        accepted: list[Edit] = []
        skipped_from: int | None = None
        for f in p.result.findings:
            s = candidate(f, min_confidence)
            if quitting or s is None or s.replacement is None:
                continue
            edit = _edit(doc, f, s)
            if edit.before == edit.after or any(conflicts(edit, a) for a in accepted):
                continue
            asked += 1
            if accept_safe and s.applicability is Applicability.SAFE:
                accepted.append(edit)
                continue
            click.echo(f"[{asked} of {total}] " + show(doc, f, s), err=True)
            answer = ask()
            if answer == "a":
                accept_safe = True
                answer = "y"
            if answer == "y":
                accepted.append(edit)
            elif answer == "e":
                typed = click.prompt("Replacement", default=s.replacement, err=True)
                accepted.append(replace(edit, after=typed, note=f"{s.note} (edited by hand)"))
            elif answer == "s":
                skipped_from = f.span.start
                break
            elif answer == "q":
                quitting = True
        edits = sorted(accepted, key=lambda e: (e.start, e.end))
        if mark:  # a skipped rest of the file gets no marker either
            seen = [f for f in p.result.findings if skipped_from is None or f.span.start < skipped_from]
            edits = merge_edits(edits, marker_edits(doc.text, seen))
        out.append(replace(p, edits=edits, text=apply_edits(doc.text, edits)))
    return out

"""Test helpers: a toy rule that proposes safe and unsafe edits, and the shared/ folder."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from repairkit.document import Document
from repairkit.model import Applicability, Hit, Severity, Span, Suggestion
from repairkit.registry import DetectorSpec, FixAvailability
from tests.conftest import SHARED

_CONTRACTION_RE = re.compile(r"\b(do|does|did|is|was|ca|wo|could|would|should|are|has|have)(nt)\b", re.IGNORECASE)
_GLUED_RE = re.compile(r"\b(well)(known|being)\b", re.IGNORECASE)


def find_toy(doc: Document, profile: object = None) -> Iterator[Hit]:
    """Toy rule for tests: ``dont`` (safe ``'``) and ``wellknown`` (unsafe ``-``).

    >>> [h.suggestions[0].replacement for h in find_toy(Document.from_text("I dont know a wellknown man"))]
    ["'", '-']
    """
    for m in _CONTRACTION_RE.finditer(doc.text):
        at = m.end(1) + 1
        yield Hit(Span(m.start(), m.end()), "apostrophe dropped from a contraction",
                  (Suggestion(Span(at, at), "'", 0.97, Applicability.SAFE, "contraction"),))
    for m in _GLUED_RE.finditer(doc.text):
        at = m.end(1)
        yield Hit(Span(m.start(), m.end()), "hyphen dropped",
                  (Suggestion(Span(at, at), "-", 0.7, Applicability.UNSAFE, "compound adjective"),))


TOY = DetectorSpec(code="RK299", name="toy-contraction", category="missing-apostrophe",
                   severity=Severity.WARNING, run=find_toy, fix=FixAvailability.ALWAYS)


def shared_file(*parts: str) -> Path | None:
    """A file under shared/ (beside the clone in CI, two levels up in a developer worktree)."""
    for base in (SHARED, SHARED.parent.parent / "shared"):
        path = base.joinpath(*parts)
        if path.exists():
            return path
    return None

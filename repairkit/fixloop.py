"""The multi-pass fix: the one path from findings to repaired text, shared by ``fix``, the
review's "after" text and the benchmarks.

A repair can change what the detectors see (a document whose hyphens are back no longer reads
as hyphen-stripped), so fixing re-scans the repaired text and runs to a fixed point, as ruff
does, at most :data:`MAX_PASSES` times.

>>> from repairkit.config import Config
>>> from repairkit.pipeline import scan_document, select_rules
>>> rules = select_rules(Config())
>>> result = scan_document(Document.from_text("It doesnt work."), rules)
>>> fix_result(result, rules).text
"It doesn't work."
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from repairkit.config import Config
from repairkit.document import Document
from repairkit.model import Applicability, Finding
from repairkit.pipeline import DocumentResult, scan_document
from repairkit.registry import DetectorSpec
from repairkit.repair.apply import Edit, apply_edits, marker_edits, merge_edits, plan_edits

#: Fix passes at most.
MAX_PASSES = 4


@dataclass
class Planned:
    """The edits chosen for one document and the text they give."""

    result: DocumentResult
    edits: list[Edit]
    text: str
    #: Edits of later passes, each with the text it applies to (offsets into that text).
    later: list[tuple[Document, list[Edit]]] = field(default_factory=list)

    @property
    def count(self) -> int:
        """Number of edits over all passes."""
        return len(self.edits) + sum(len(e) for _, e in self.later)


def plan(result: DocumentResult, threshold: Applicability, min_confidence: float, mark: bool,
         rescan: Callable[[Document], list[Finding]] | None = None) -> Planned:
    """Choose the edits for a document, re-scanning the result until nothing more applies
    (when ``rescan`` is given); unresolved-place markers (``mark``) go in after the last pass."""
    doc = result.document
    edits = plan_edits(doc.text, result.findings, threshold, min_confidence)
    planned = Planned(result, edits, apply_edits(doc.text, edits))
    current = doc
    #: The findings of the last re-scan and the text they are of, reused for the markers.
    scanned: tuple[str, list[Finding]] | None = None
    while rescan is not None and planned.text != current.text and len(planned.later) < MAX_PASSES - 1:
        current = Document.from_text(planned.text, doc.path)
        found = rescan(current)
        scanned = (current.text, found)
        more = plan_edits(current.text, found, threshold, min_confidence)
        if not more:
            break
        planned.later.append((current, more))
        planned.text = apply_edits(current.text, more)
    if mark and not planned.later and (rescan is None or planned.text == doc.text):
        # One pass: the markers join its edits, placed by the original findings.
        planned.edits = merge_edits(planned.edits, marker_edits(doc.text, result.findings))
        planned.text = apply_edits(doc.text, planned.edits)
    elif mark and rescan is not None:
        last = Document.from_text(planned.text, doc.path)
        found = scanned[1] if scanned is not None and scanned[0] == last.text else rescan(last)
        marks = marker_edits(last.text, found)
        if marks:
            planned.later.append((last, marks))
            planned.text = apply_edits(last.text, marks)
    return planned


def rescanner(rules: Sequence[DetectorSpec], config: Config | None,
              result: DocumentResult) -> Callable[[Document], list[Finding]]:
    """A re-scan of a repaired text with the same rules, configuration and references."""
    return lambda doc: scan_document(doc, rules, config, result.references).findings


def fix_result(result: DocumentResult, rules: Sequence[DetectorSpec], config: Config | None = None,
               threshold: Applicability = Applicability.SAFE, min_confidence: float = 0.0,
               mark: bool = False) -> Planned:
    """The multi-pass fix of one scanned document, as ``fix`` applies it."""
    return plan(result, threshold, min_confidence, mark, rescanner(rules, config, result))

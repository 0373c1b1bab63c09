"""The JSON contract ``repairkit.findings/1`` (schema: ``repairkit/schemas/findings-1.schema.json``).

>>> from repairkit.pipeline import DocumentResult
>>> doc = Document.from_text("the th summit", path="a.txt")
>>> data = to_dict([DocumentResult(doc, [])])
>>> data["schema"], data["summary"]["documents"]
('repairkit.findings/1', 1)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from repairkit import __version__, readability
from repairkit.jsontext import pretty
from repairkit.document import Document
from repairkit.model import Applicability, Evidence, Finding, Severity, Suggestion, level_of
from repairkit.pipeline import DocumentResult

SCHEMA_TAG = "repairkit.findings/1"
#: Minor version of the contract: 1.1 adds each document's ``summary`` (readability, once a
#: finding RK751) and ``notices``; a 1.0 reader that ignores unknown keys reads it unchanged.
SCHEMA_VERSION = "1.1"


#: Labels of the enums, looked up once (an enum's ``name`` is a slow property; a big report asks
#: it tens of thousands of times).
_SEVERITY_LABELS = {s: s.label for s in Severity}
_APPLICABILITY_LABELS = {a: a.label for a in Applicability}
#: ``Suggestion.level`` (``model.level_of``) for each confidence met.
_level_of = lru_cache(maxsize=4096)(level_of)


def finding_id(doc: Document, finding: Finding) -> str:
    """An id unique within a document: the rule code and the span, e.g. ``RK101-120-122``."""
    return f"{finding.code}-{finding.span.start}-{finding.span.end}"


def evidence_dict(ev: Evidence) -> dict[str, Any]:
    """JSON form of an evidence record."""
    return {"source": ev.source, "start": ev.start, "end": ev.end, "quote": ev.quote}


def suggestion_dict(s: Suggestion) -> dict[str, Any]:
    """JSON form of a suggestion (``reading`` only when a calibrated reading gave its confidence)."""
    out: dict[str, Any] = {
        "start": s.span.start,
        "end": s.span.end,
        "replacement": s.replacement,
        "confidence": round(s.confidence, 4),
        "level": _level_of(s.confidence),
        "applicability": _APPLICABILITY_LABELS[s.applicability],
        "note": s.note,
        "evidence": [evidence_dict(e) for e in s.evidence],
    }
    if s.reading:
        out["reading"] = s.reading
    return out


def finding_dict(doc: Document, f: Finding) -> dict[str, Any]:
    """JSON form of a finding; ``text`` is always ``doc.text[start:end]``."""
    line, column = doc.line_col(f.span.start)
    return {
        "id": finding_id(doc, f),
        "code": f.code,
        "rule": f.rule,
        "category": f.category,
        "severity": _SEVERITY_LABELS[f.severity],
        "start": f.span.start,
        "end": f.span.end,
        "line": line,
        "column": column,
        "text": doc.text[f.span.start:f.span.end],
        "message": f.message,
        "suggestions": [suggestion_dict(s) for s in f.suggestions],
    }


def document_dict(result: DocumentResult) -> dict[str, Any]:
    """The document form of the contract: one entry of ``documents`` (also one line of ``batch``)."""
    return {
        "path": result.document.path,
        "sha256": result.document.sha256,
        "length": len(result.document.text),
        "references": [{"path": ref.path, "sha256": ref.sha256} for ref in result.references],
        "findings": [finding_dict(result.document, f) for f in result.findings],
        "summary": readability.summary(result.document.text),
        "notices": list(result.notices),
    }


def to_dict(results: Sequence[DocumentResult]) -> dict[str, Any]:
    """The whole report as plain data, ready for :func:`repairkit.jsontext.pretty`."""
    documents = []
    by_category: Counter[str] = Counter()
    by_severity: Counter[str] = Counter()
    for r in results:
        documents.append(document_dict(r))
        by_category.update(f.category for f in r.findings)
        by_severity.update(f.severity.label for f in r.findings)
    return {
        "schema": SCHEMA_TAG,
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "repairkit", "version": __version__},
        "documents": documents,
        "summary": {
            "documents": len(results),
            "findings": sum(len(r.findings) for r in results),
            "by_category": dict(sorted(by_category.items())),
            "by_severity": dict(sorted(by_severity.items())),
        },
    }


def render(results: Sequence[DocumentResult]) -> str:
    """Render the JSON contract, pretty-printed, UTF-8 (non-ASCII kept)."""
    return pretty(to_dict(results)) + "\n"

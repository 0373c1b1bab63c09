"""Shared helpers for CI formats: relative URIs, regions and CI severity levels.

>>> from repairkit.document import Document
>>> doc = Document.from_text("ab\\ncdé f", path="a.txt")
>>> region(doc, 4, 6)
{'startLine': 2, 'startColumn': 2, 'endLine': 2, 'endColumn': 4, 'charOffset': 4, 'charLength': 2}
>>> ci_level(Severity.INFO)
'note'
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from repairkit.document import Document
from repairkit.model import Finding, Severity

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def ci_level(severity: Severity) -> str:
    """SARIF level of a severity: ``error``, ``warning`` or ``note``."""
    return _LEVELS[severity]


def relative_path(path: str) -> str:
    """``path`` relative to the working directory, with ``/`` separators (absolute if outside it).

    >>> relative_path("docs/a b.txt")
    'docs/a b.txt'
    """
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            return p.as_posix()
    return Path(os.path.normpath(p)).as_posix()


def artifact_uri(path: str) -> str:
    """A URI reference for SARIF: relative (percent-encoded) when possible, else ``file://``.

    >>> artifact_uri("docs/a b.txt")
    'docs/a%20b.txt'
    """
    rel = relative_path(path)
    if Path(rel).is_absolute():
        return Path(rel).as_uri()
    return quote(rel)


def region(doc: Document, start: int, end: int) -> dict[str, Any]:
    """A SARIF region in code points: 1-based lines and columns (end column exclusive)."""
    start_line, start_col = doc.line_col(start)
    end_line, end_col = doc.line_col(end)
    return {"startLine": start_line, "startColumn": start_col, "endLine": end_line, "endColumn": end_col,
            "charOffset": start, "charLength": end - start}


def severity_order(doc_index: int, finding: Finding) -> tuple[int, int, int, int]:
    """Sort key: most severe first, then document order, then position."""
    return (-int(finding.severity), doc_index, finding.span.start, finding.span.end)

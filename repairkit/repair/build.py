"""Findings -> suggestions backed by reference evidence.

Until reference comparison lands, findings keep the suggestions their detectors gave.
"""

from __future__ import annotations

from collections.abc import Sequence

from repairkit.document import Document
from repairkit.model import Finding


def enrich(doc: Document, findings: list[Finding], references: Sequence[Document]) -> list[Finding]:
    """Return ``findings`` with suggestions supported by ``references`` merged in."""
    return findings

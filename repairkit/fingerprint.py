"""Stable fingerprints: identify a finding by its rule and the text around it, not its offsets.

A fingerprint hashes the rule code, the flagged text and ``CONTEXT`` characters of context on
each side, with whitespace folded and case lowered, so it survives edits elsewhere in the file
(a paragraph added above moves every offset but changes no fingerprint). Identical contexts
get an occurrence counter (``:1``, ``:2``...) so that repeated damage stays distinguishable.

>>> from repairkit.model import Finding, Severity, Span
>>> def first_print(text):
...     i = text.index(" th ") + 1
...     f = Finding("RK101", "orphan-ordinal", "missing-number", Severity.ERROR, Span(i, i + 2), "m")
...     return fingerprints(Document.from_text(text), [f])[0]
>>> first_print("Hi.\\n\\nDelegates met for the th summit.") == first_print(
...     "Hi, a new sentence above.\\n\\nDelegates met for the  th summit.")
True
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence

from repairkit.document import Document
from repairkit.model import Finding

#: Characters of (whitespace-folded) context taken on each side of the flagged text.
CONTEXT = 20
_SPACE_RE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Whitespace runs become one space; lower case.

    >>> fold("  A\\r\\n  b\\t")
    ' a b '
    """
    return _SPACE_RE.sub(" ", text).lower()


def context_key(doc: Document, finding: Finding) -> str:
    """The normalised text a fingerprint is made from: ``code|before|flagged|after``."""
    text = doc.text
    start, end = finding.span.start, finding.span.end
    # Take generous raw windows, fold them, then cut to CONTEXT folded characters.
    before = fold(text[max(0, start - 4 * CONTEXT):start])[-CONTEXT:]
    after = fold(text[end:end + 4 * CONTEXT])[:CONTEXT]
    return f"{finding.code}|{before}|{fold(text[start:end])}|{after}"


def fingerprint(key: str, occurrence: int = 1) -> str:
    """A short hex digest of a context key with its occurrence number.

    >>> fingerprint("RK101|a|b|c")
    '75acb9cee8804797:1'
    """
    return f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:16]}:{occurrence}"


def fingerprints(doc: Document, findings: Sequence[Finding]) -> list[str]:
    """One fingerprint per finding, in order; identical contexts are numbered by position."""
    seen: Counter[str] = Counter()
    out: list[str] = []
    for f in findings:
        key = context_key(doc, f)
        seen[key] += 1
        out.append(fingerprint(key, seen[key]))
    return out

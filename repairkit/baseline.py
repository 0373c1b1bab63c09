"""Baselines: record today's findings, then report (and fail on) only new ones.

A baseline is a versioned JSON file (``repairkit.baseline/1``) listing, per document path
(relative to the baseline file's folder, so it works from any working directory), the fingerprints of its findings (see :mod:`repairkit.fingerprint`). Matching is by path and
fingerprint, so findings survive edits elsewhere in the file.

>>> from repairkit.model import Finding, Severity, Span
>>> doc = Document.from_text("the th summit", path="a.txt")
>>> f = Finding("RK101", "orphan-ordinal", "missing-number", Severity.ERROR, Span(4, 6), "m")
>>> base = from_results([DocumentResult(doc, [f])])
>>> outcome = apply_baseline([DocumentResult(doc, [f])], base)
>>> outcome.suppressed, outcome.gone, outcome.results[0].findings
(1, 0, [])
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from repairkit import __version__
from repairkit.document import Document, InputError  # noqa: F401 (doctest)
from repairkit.fileio import read_json
from repairkit.fingerprint import fingerprints
from repairkit.pipeline import DocumentResult

SCHEMA_TAG = "repairkit.baseline/1"


@dataclass(frozen=True)
class Baseline:
    """Fingerprints of accepted findings, by document path."""

    entries: dict[str, set[str]]
    #: Folder the paths are relative to: the baseline file's own folder.
    root: str = "."

    def __len__(self) -> int:
        return sum(len(v) for v in self.entries.values())


@dataclass(frozen=True)
class BaselineOutcome:
    """New findings only, with counts of the baseline findings suppressed and gone."""

    results: list[DocumentResult]
    suppressed: int
    gone: int


def _key(path: str, root: str | Path = ".") -> str:
    """A document path relative to ``root`` (the baseline's folder), so the baseline works from anywhere.

    >>> _key("docs/a.txt", "docs"), _key("./a.txt")
    ('a.txt', 'a.txt')
    """
    return Path(os.path.relpath(Path(path).resolve(), Path(root).resolve())).as_posix()


def to_dict(results: Sequence[DocumentResult], root: str | Path = ".") -> dict[str, Any]:
    """The baseline file's content for ``results``, paths relative to ``root`` (the file's folder)."""
    documents = {}
    for r in results:
        prints = fingerprints(r.document, r.findings)
        documents[_key(r.document.path, root)] = [
            {"fingerprint": fp, "code": f.code, "message": f.message}
            for fp, f in zip(prints, r.findings, strict=True)
        ]
    return {"schema": SCHEMA_TAG, "tool": {"name": "repairkit", "version": __version__},
            "documents": documents}


def from_results(results: Sequence[DocumentResult]) -> Baseline:
    """A baseline accepting every finding of ``results``."""
    return parse(to_dict(results), "<results>")


def parse(data: Any, source: str, root: str | Path = ".") -> Baseline:
    """Check and read a baseline's JSON data; :class:`InputError` says what is wrong."""
    if not isinstance(data, dict) or data.get("schema") != SCHEMA_TAG:
        raise InputError(f"{source}: not a repairkit baseline (expected schema {SCHEMA_TAG!r}); "
                         "write one with `repairkit scan --write-baseline FILE`")
    docs = data.get("documents")
    if not isinstance(docs, dict) or not all(
            isinstance(v, list) and all(isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in v)
            for v in docs.values()):
        raise InputError(f"{source}: malformed baseline 'documents'; write it again with --write-baseline")
    return Baseline({path: {e["fingerprint"] for e in entries} for path, entries in docs.items()}, str(root))


def load(path: str | Path) -> Baseline:
    """Read a baseline file."""
    data = read_json(path, "baseline file", "; create it with --write-baseline")
    return parse(data, str(path), Path(path).resolve().parent)


def apply_baseline(results: Sequence[DocumentResult], baseline: Baseline) -> BaselineOutcome:
    """Drop findings recorded in ``baseline``; count those suppressed and those no longer found."""
    kept: list[DocumentResult] = []
    suppressed = 0
    matched: dict[str, set[str]] = {}
    for r in results:
        key = _key(r.document.path, baseline.root)
        known = baseline.entries.get(key, set())
        prints = fingerprints(r.document, r.findings)
        new = [f for fp, f in zip(prints, r.findings, strict=True) if fp not in known]
        hits = known.intersection(prints)
        matched.setdefault(key, set()).update(hits)
        suppressed += len(r.findings) - len(new)
        kept.append(replace(r, findings=new))
    scanned = {_key(r.document.path, baseline.root) for r in results}
    gone = sum(len(prints - matched.get(path, set()))
               for path, prints in baseline.entries.items() if path in scanned)
    return BaselineOutcome(kept, suppressed, gone)



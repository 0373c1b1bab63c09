"""SARIF 2.1.0 output, for GitHub code scanning and other static-analysis viewers.

Columns and ``charOffset`` count Unicode code points (``columnKind: unicodeCodePoints``),
the same offsets as the JSON contract. Each result carries a ``partialFingerprints`` entry
(see :mod:`repairkit.fingerprint`), and safe or unsafe suggestions with a value become ``fixes``.

>>> from repairkit.pipeline import DocumentResult
>>> doc = Document.from_text("the th summit", path="a.txt")
>>> from repairkit.model import Finding, Severity, Span
>>> f = Finding("RK101", "orphan-ordinal", "missing-number", Severity.ERROR, Span(4, 6), "lost number")
>>> run = to_dict([DocumentResult(doc, [f])])["runs"][0]
>>> res = run["results"][0]
>>> res["ruleId"], res["level"], res["locations"][0]["physicalLocation"]["region"]["startColumn"]
('RK101', 'error', 5)
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from repairkit import __version__
from repairkit.document import Document
from repairkit.fingerprint import fingerprints
from repairkit.jsontext import pretty
from repairkit.model import Applicability, Finding, Suggestion
from repairkit.pipeline import DocumentResult
from repairkit.registry import DetectorSpec, all_detectors
from repairkit.report.locations import artifact_uri, ci_level, region, severity_order
from repairkit.rule_help import help_markdown, help_text

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "repairkitContext/v1"


@cache
def project_urls() -> dict[str, str]:
    """The ``[project.urls]`` of the installed package (label -> URL), from its metadata.

    repairkit is not published on a package index, so SARIF points only where the installed
    package says it lives: none declared, no ``informationUri`` (it is optional in SARIF).
    """
    from importlib.metadata import PackageNotFoundError, metadata  # 20-40 ms to import: only for SARIF

    try:
        entries = metadata("repairkit").get_all("Project-URL") or []
    except PackageNotFoundError:
        return {}
    return {label.strip().lower(): url.strip() for label, _, url in (e.partition(",") for e in entries)}


def information_uri() -> str | None:
    """The project's home (``Homepage``, ``Repository`` or ``Source`` in ``[project.urls]``), if declared."""
    urls = project_urls()
    return next((urls[k] for k in ("homepage", "repository", "source") if k in urls), None)


def help_uri(spec: DetectorSpec) -> str | None:
    """Where a rule's documentation lives: ``Documentation`` in ``[project.urls]``, ``#rk101`` anchored."""
    base = project_urls().get("documentation")
    return f"{base.rstrip('#')}#{spec.code.lower()}" if base else None


def rule_dict(spec: DetectorSpec) -> dict[str, Any]:
    """A ``reportingDescriptor`` for one rule, its help taken from the rule's docstring (without
    its doctest and reStructuredText markup: :mod:`repairkit.rule_help`)."""
    doc = spec.doc or spec.title
    text, markdown = help_text(doc), help_markdown(doc)
    first_paragraph = text.split("\n\n")[0].replace("\n", " ")
    rule: dict[str, Any] = {
        "id": spec.code,
        "name": spec.name,
        "shortDescription": {"text": spec.title},
        "fullDescription": {"text": first_paragraph},
        "help": {"text": text, "markdown": markdown},
        "defaultConfiguration": {"level": ci_level(spec.severity)},
        "properties": {"category": spec.category, "tags": ["repairkit", spec.category], "fix": spec.fix.value},
    }
    if (uri := help_uri(spec)) is not None:
        rule["helpUri"] = uri
    return rule


def _fix(doc: Document, uri: str, s: Suggestion) -> dict[str, Any]:
    return {
        "description": {"text": f"{s.note} ({s.applicability.label}, confidence {s.confidence:.2f})"},
        "artifactChanges": [{
            "artifactLocation": {"uri": uri},
            "replacements": [{"deletedRegion": region(doc, s.span.start, s.span.end),
                              "insertedContent": {"text": s.replacement}}],
        }],
    }


def result_dict(doc: Document, f: Finding, fingerprint: str, rule_index: dict[str, int]) -> dict[str, Any]:
    """A SARIF ``result`` for one finding."""
    uri = artifact_uri(doc.path)
    out: dict[str, Any] = {
        "ruleId": f.code,
        "level": ci_level(f.severity),
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": uri},
            "region": region(doc, f.span.start, f.span.end) | {"snippet": {"text": doc.text[f.span.start:f.span.end]}},
        }}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "properties": {"category": f.category, "severity": f.severity.label, "unresolved": f.unresolved},
    }
    if f.code in rule_index:
        out["ruleIndex"] = rule_index[f.code]
    # Manual suggestions (e.g. candidate figures from a related story) are for a person to weigh,
    # not fixes a tool may offer to apply.
    fixes = [_fix(doc, uri, s) for s in f.suggestions
             if s.replacement is not None and s.applicability is not Applicability.MANUAL]
    if fixes:
        out["fixes"] = fixes
    return out


def to_dict(results: Sequence[DocumentResult], omitted: int = 0, limit: int | None = None) -> dict[str, Any]:
    """The SARIF log as plain data; ``omitted`` findings were cut at ``limit`` (run properties)."""
    specs = all_detectors()
    rule_index = {s.code: i for i, s in enumerate(specs)}
    rows = []
    for i, r in enumerate(results):
        for f, fp in zip(r.findings, fingerprints(r.document, r.findings), strict=True):
            rows.append((severity_order(i, f), r.document, f, fp))
    rows.sort(key=lambda row: row[0])
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "repairkit", "version": __version__, "rules": [rule_dict(s) for s in specs]}},
        "columnKind": "unicodeCodePoints",
        "results": [result_dict(doc, f, fp, rule_index) for _, doc, f, fp in rows],
        "properties": {"truncated": omitted > 0, "omittedResults": omitted},
    }
    notices = [{"level": "note", "message": {"text": n},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(r.document.path)}}}]}
               for r in results for n in r.notices]
    if notices:  # about whole documents: not English, a reference that gives nothing
        run["invocations"] = [{"executionSuccessful": True, "toolExecutionNotifications": notices}]
    if (home := information_uri()) is not None:
        run["tool"]["driver"]["informationUri"] = home
    if limit is not None:
        run["properties"]["maxResults"] = limit
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render(results: Sequence[DocumentResult], omitted: int = 0, limit: int | None = None) -> str:
    """Render a SARIF 2.1.0 log (JSON, UTF-8)."""
    return pretty(to_dict(results, omitted, limit)) + "\n"

"""The scan pipeline: collect inputs, run the selected detectors, enrich with references.

>>> result = scan_document(Document.from_text("In , the th summit"), select_rules(Config()))
>>> [f.code for f in result.findings]
['RK102', 'RK101']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from repairkit.arbitrate import arbitrate
from repairkit.collector import cyclic_gc_paused
from repairkit.config import Config
from repairkit.document import Document, InputError
from repairkit.encodings import read_document
from repairkit.language import check_language, neutral_rules, without_rule_repairs
from repairkit.markdown_view import is_markdown, markdown_view
from repairkit.markers import unmarked
from repairkit.model import Finding
from repairkit.reference.library import Library
from repairkit.reference.model import Article
from repairkit.reference.store import is_library_file, open_store
from repairkit.reference_check import unrelated_notices
from repairkit.registry import DetectorSpec, findings_of, plan, run_rules, select, validate_selectors
from repairkit.repair.build import enrich
from repairkit.selection import selected_only
from repairkit.suppress import suppressed

TEXT_SUFFIXES = (".txt", ".md")


@dataclass
class DocumentResult:
    """The findings for one document, with the references it was compared with."""

    document: Document
    findings: list[Finding]
    references: list[Article] = field(default_factory=list)
    #: One-line notices about the document as a whole (it does not read as English, ...).
    notices: list[str] = field(default_factory=list)


def collect_inputs(paths: Iterable[str]) -> list[Path]:
    """Expand directories to their ``*.txt``/``*.md`` files (recursively, sorted); check files exist."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.suffix.lower() in TEXT_SUFFIXES and f.is_file()
                           and not any(part.startswith(".") for part in f.relative_to(p).parts))
            if not found:
                raise InputError(f"{p}: directory has no *.txt or *.md files to scan")
            out.extend(found)
        elif p.exists():
            out.append(p)
        else:
            raise InputError(f"{p}: no such file or directory")
    return out


def select_rules(config: Config) -> list[DetectorSpec]:
    """The rules a configuration selects; ``ValueError`` for a selector that matches nothing."""
    validate_selectors([*config.select, *config.ignore])
    return select(config.select or None, config.ignore or None)


def scan_document(doc: Document, rules: Sequence[DetectorSpec], config: Config | None = None,
                  references: Sequence[Article] = ()) -> DocumentResult:
    """Run ``rules`` on ``doc``; findings sorted by position, then code.

    A text with unresolved-place markers ("[?year]", left by ``fix --mark-unresolved``) is
    read without them, the holes they mark, and the findings are mapped back
    (:mod:`repairkit.markers`). The cyclic collector is paused meanwhile (:func:`cyclic_gc_paused`).
    """
    with cyclic_gc_paused():
        return _scan_document(doc, rules, config, references)


def _scan_document(doc: Document, rules: Sequence[DetectorSpec], config: Config | None,
                   references: Sequence[Article]) -> DocumentResult:
    prose = markdown_view(doc) if is_markdown(doc.path) else None  # Markdown: its prose only
    view = unmarked(prose.document if prose else doc)
    seen = view.document if view else prose.document if prose else doc
    overrides = config.severity_overrides if config else {}
    language = check_language(seen.text)
    if not language.english:  # the rules are written for English (repairkit.language)
        rules = neutral_rules(rules)
    hits, _ = run_rules(seen, rules)  # the selected rules and all they read, phase by phase
    found = [f for spec in plan(rules) for f in findings_of(spec, seen, overrides.get(spec.code), hits)]
    findings = selected_only(arbitrate(found, seen.text), rules)  # one overlap policy, then the selection
    findings.sort(key=lambda f: (f.span.start, f.span.end, f.code))
    if references:
        findings = selected_only(enrich(seen, findings, references), rules)
    if not language.english:
        findings = without_rule_repairs(findings)
    if view:
        findings = [m for m in map(view.finding, findings) if m is not None]
    if prose:
        findings = [m for m in map(prose.finding, findings) if m is not None]
    findings = suppressed(doc, findings, config)  # inline directives, per-file-ignores
    notices = [language.notice] if language.notice else []
    return DocumentResult(doc, findings, list(references), notices + unrelated_notices(seen.text, findings, references))


def load_library(reference_paths: Sequence[str] = (), reference_dirs: Sequence[str] = ()) -> Library | None:
    """The reference library of ``--reference`` files (.txt/.md/.json/.jsonl) and ``--reference-dir`` folders."""
    if not reference_paths and not reference_dirs:
        return None
    if any(is_library_file(p) for p in reference_paths):  # a library file from `repairkit library build`
        return open_store(reference_paths, reference_dirs)  # type: ignore[return-value]
    return Library.load(reference_paths, reference_dirs)


def scan_paths(paths: Sequence[str], config: Config, reference_paths: Sequence[str] = (),
               reference_dirs: Sequence[str] = (), encoding: str | None = None) -> list[DocumentResult]:
    """Scan every input path against the references relevant to it (all of them when there are few);
    ``encoding`` reads the inputs in a declared encoding (:mod:`repairkit.encodings`)."""
    rules = select_rules(config)
    inputs = [p for p in collect_inputs(paths) if not config.excluded(p)]
    library = load_library(reference_paths, reference_dirs)
    results = []
    for p in inputs:
        doc = read_document(p, encoding) if encoding else Document.read(p)
        references = library.references_for(doc.text) if library else []
        results.append(scan_document(doc, rules, config, references))
    return results

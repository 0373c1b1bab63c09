"""The rule registry: every rule, its stable code, name, category and severity, and the phases.

Each family module in :mod:`repairkit.detectors` ends with a ``DETECTORS`` tuple; this
module joins them. Codes are ``RK`` + 3 digits; the hundreds digit is the family.

A rule that reads other rules' findings (``DetectorSpec.reads``) runs in a later phase than
they do: :func:`phase_of` is one more than the latest phase it reads, and :func:`plan` says
in one place what runs for a selection, in which order: the selected rules and everything
they read, phase by phase. :func:`run_rules` runs a plan on one document.

>>> spec = get("RK101")
>>> spec.name, spec.category
('orphan-ordinal', 'missing-number')
>>> [s.code for s in select(["RK1"], ["RK102"])][:2]
['RK101', 'RK103']
>>> phase_of(get("RK101")), phase_of(get("RK106"))
(1, 2)
>>> [s.code for s in plan([get("RK106")])]
['RK101', 'RK102', 'RK103', 'RK104', 'RK105', 'RK106']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

from repairkit.analysis.profile import DocumentProfile
from repairkit.arbitrate import contenders
from repairkit.detectors import family_modules
from repairkit.document import Document
from repairkit.model import Finding, Hit, Severity
from repairkit.spec import CODE_RE, NAME_RE, DetectorSpec, FixAvailability

__all__ = ["CODE_RE", "FAMILIES", "NAME_RE", "DetectorSpec", "FixAvailability", "all_detectors", "findings_of",
           "get", "phase_of", "plan", "prepared", "run_rules", "select", "validate_selectors"]

#: The families, by the hundreds digit of their codes.
FAMILIES: dict[str, str] = {
    "0": "reference comparison",
    "1": "missing numbers",
    "2": "dropped apostrophes",
    "3": "dropped hyphens",
    "4": "glued words",
    "5": "missing symbols",
    "6": "punctuation, brackets and quotes",
    "7": "structure and readability",
    "8": "encoding and whitespace",
    "9": "boilerplate and template leaks",
}


@cache
def all_detectors() -> tuple[DetectorSpec, ...]:
    """Every registered rule, sorted by code; checks that codes and names are unique."""
    specs: list[DetectorSpec] = []
    for module in family_modules():
        specs.extend(module.DETECTORS)
    codes = [s.code for s in specs]
    names = [s.name for s in specs]
    for label, values in (("code", codes), ("name", names)):
        dupes = {v for v in values if values.count(v) > 1}
        if dupes:
            raise RuntimeError(f"duplicate rule {label}s: {sorted(dupes)}")
    return tuple(sorted(specs, key=lambda s: s.code))


def get(code_or_name: str) -> DetectorSpec:
    """Look a rule up by code (``RK101``) or name (``orphan-ordinal``); ``KeyError`` if absent."""
    key = code_or_name.strip()
    for spec in all_detectors():
        if key.upper() == spec.code or key.lower() == spec.name:
            return spec
    raise KeyError(code_or_name)


def _matches(spec: DetectorSpec, selector: str) -> bool:
    sel = selector.strip()
    if not sel:
        return False
    if sel.upper() == "ALL":
        return True
    return spec.code.startswith(sel.upper()) or spec.name == sel.lower() or spec.category == sel.lower()


def validate_selectors(selectors: Iterable[str]) -> None:
    """Raise ``ValueError`` naming a selector that matches no rule."""
    for sel in selectors:
        if not any(_matches(s, sel) for s in all_detectors()):
            raise ValueError(f"{sel!r} matches no rule (see `repairkit rules`)")


def select(include: Sequence[str] | None = None, exclude: Sequence[str] | None = None) -> list[DetectorSpec]:
    """Rules matching any of ``include`` (codes, code prefixes, names or categories) minus ``exclude``."""
    chosen = [s for s in all_detectors() if not include or any(_matches(s, i) for i in include)]
    return [s for s in chosen if not any(_matches(s, e) for e in (exclude or ()))]


def read_rules(spec: DetectorSpec) -> tuple[DetectorSpec, ...]:
    """The rules whose findings ``spec`` reads (its ``reads`` selectors, itself excluded)."""
    by_code = {s.code: s for s in all_detectors()}
    return tuple(by_code[c] for c in _graph(all_detectors())[0].get(spec.code, ()))


def phase_of(spec: DetectorSpec) -> int:
    """1 for a rule that reads no other rule's findings; else one more than the latest it reads."""
    return _graph(all_detectors())[1][spec.code]


@cache
def _graph(specs: tuple[DetectorSpec, ...]) -> tuple[dict[str, tuple[str, ...]], dict[str, int]]:
    """Who reads whom (code -> codes) and each rule's phase; ``RuntimeError`` on a cycle of reads."""
    reads = {spec.code: tuple(s.code for s in specs if s.code != spec.code and any(_matches(s, r) for r in spec.reads))
             for spec in specs}
    phases: dict[str, int] = {}
    visiting: set[str] = set()

    def visit(code: str) -> int:
        if code not in phases:
            if code in visiting:
                raise RuntimeError(f"{code}: its reads form a cycle")
            visiting.add(code)
            phases[code] = 1 + max((visit(r) for r in reads[code]), default=0)
        return phases[code]

    for code in reads:
        visit(code)
    return reads, phases


def plan(selected: Iterable[DetectorSpec]) -> list[DetectorSpec]:
    """The rules that run for ``selected``: they and all they read, by phase, then code."""
    return list(_plan(all_detectors(), tuple(selected)))


@cache
def _plan(specs: tuple[DetectorSpec, ...], selected: tuple[DetectorSpec, ...]) -> tuple[DetectorSpec, ...]:
    reads, phases = _graph(specs)
    by_code = {s.code: s for s in specs}
    needed: dict[str, DetectorSpec] = {}
    todo = list(selected)
    while todo:
        spec = todo.pop()
        if spec.code not in needed:
            needed[spec.code] = spec
            todo.extend(by_code[c] for c in reads.get(spec.code, ()))
            owners = contenders(spec.category)  # the arbiter weighs their findings against this one's
            todo.extend(s for s in specs if s.category in owners)
    return tuple(sorted(needed.values(), key=lambda s: (phases.get(s.code, 1), s.code)))


def run_rules(doc: Document, rules: Sequence[DetectorSpec],
              profile: DocumentProfile | None = None) -> tuple[dict[str, tuple[Hit, ...]], DocumentProfile]:
    """Run :func:`plan` of ``rules`` on ``doc``, phase by phase: the hits of every rule that ran
    (the selected and those they read) and the profile with all of them as evidence."""
    profile = profile or DocumentProfile(doc)
    hits: dict[str, tuple[Hit, ...]] = {}
    categories: dict[str, str] = {}
    phases = _graph(all_detectors())[1]
    current = 0
    for spec in plan(rules):
        if phases.get(spec.code, 1) != current:
            if hits:
                profile = profile.with_evidence(hits, categories)
            current = phases.get(spec.code, 1)
        hits[spec.code] = tuple(spec.run(doc, profile))
        categories[spec.code] = spec.category
    return hits, profile.with_evidence(hits, categories) if hits else profile


def findings_of(spec: DetectorSpec, doc: Document, severity: Severity | None = None,
                hits: dict[str, tuple[Hit, ...]] | None = None) -> list[Finding]:
    """The findings of one rule on ``doc`` (its hits from ``hits`` when given, else run with its reads)."""
    found = hits[spec.code] if hits is not None else run_rules(doc, [spec])[0][spec.code]
    sev = severity or spec.severity
    return [Finding(code=spec.code, rule=spec.name, category=spec.category, severity=sev, span=h.span,
                    message=h.message, suggestions=h.suggestions, data=h.data) for h in found]


def prepared(text_or_doc: str | Document, code: str) -> tuple[Document, DocumentProfile]:
    """The document and the profile a rule sees in a scan: with the evidence of all it reads.

    For examples and tests of one rule: ``find_lost_dashes(*prepared("a  b", "RK605"))``.
    """
    doc = text_or_doc if isinstance(text_or_doc, Document) else Document.from_text(text_or_doc)
    spec = get(code)
    _, profile = run_rules(doc, read_rules(spec)) if spec.reads else ({}, DocumentProfile(doc))
    return doc, profile

"""An editor's decisions from the review page (``repairkit.decisions/1``), turned into edits.

The page exports one decision per finding: ``accepted`` (a suggestion, as offered), ``edited``
(a value the editor typed; it comes from no source) or ``rejected``. A decisions file is
validated against the schema the project ships (``schemas/decisions-1.schema.json``), belongs to
one document by its sha256, and carries each edit's span, text before and after, so ``fix
--decisions`` applies exactly what was decided, whatever the references at hand.

>>> from repairkit.document import Document
>>> doc = Document.from_text("In , the yearonyear rise", "a.txt")
>>> data = {"schema": SCHEMA_TAG, "document": {"path": "a.txt", "sha256": doc.sha256}, "decisions": [
...     {"finding": "RK102-0-4", "code": "RK102", "category": "missing-number", "decision": "edited",
...      "suggestion": None, "start": 3, "end": 3, "before": "", "after": "2020", "value_source": "editor"},
...     {"finding": "RK301-9-19", "code": "RK301", "category": "missing-hyphen", "decision": "accepted",
...      "suggestion": 0, "start": 9, "end": 19, "before": "yearonyear", "after": "year-on-year",
...      "value_source": "suggestion", "confidence": 0.97, "applicability": "safe"}]}
>>> decided = parse(data, "d.json")
>>> [(e.before, e.after, e.applicability.label) for e in edits_for(decided, doc)]
[('', '2020', 'manual'), ('yearonyear', 'year-on-year', 'safe')]
>>> try:
...     edits_for(parse({**data, "document": {"path": "a.txt", "sha256": "0" * 64}}, "d.json"), doc, "d.json")
... except InputError as exc:
...     print(str(exc)[:52])
d.json: made on another version of a.txt (sha256 000
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from repairkit.document import Document, InputError
from repairkit.fileio import read_json
from repairkit.model import Applicability, Evidence
from repairkit.repair.apply import Edit, conflicts

SCHEMA_TAG = "repairkit.decisions/1"
#: The page names its download ``<document stem>.decisions.json``.
SUFFIX = ".decisions.json"
ACCEPTED, EDITED, REJECTED = "accepted", "edited", "rejected"
#: What a summary counts per category: the three decisions and what is left open.
OPEN = "open"
OUTCOMES = (ACCEPTED, EDITED, REJECTED, OPEN)
#: The note that marks a value typed by an editor in the audit log.
EDITOR_NOTE = "value typed by an editor in the review page (not from a source)"
_APPLICABILITY = {a.label: a for a in Applicability}


@dataclass(frozen=True, slots=True)
class Decision:
    """One decision about one finding; accepted and edited ones carry their edit."""

    finding: str
    code: str
    category: str
    decision: str
    start: int | None = None
    end: int | None = None
    before: str | None = None
    after: str | None = None
    by_editor: bool = False
    confidence: float = 0.0
    applicability: str = "manual"
    note: str = ""
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Decisions:
    """The decisions made on one document (``path`` and ``sha256`` as the page saw it)."""

    path: str
    sha256: str
    decisions: tuple[Decision, ...]

    def by_finding(self) -> dict[str, Decision]:
        """The decisions keyed by finding id."""
        return {d.finding: d for d in self.decisions}


@cache
def schema() -> dict[str, Any]:
    """The shipped JSON schema of a decisions file."""
    text = resources.files("repairkit").joinpath("schemas/decisions-1.schema.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def parse(data: object, source: str) -> Decisions:
    """Validate ``data`` (parsed JSON) against the schema; :class:`InputError` names the bad field."""
    # jsonschema is imported here, not at module load: only `fix --decisions` and `review
    # --decisions` need it, and it costs start-up time for every other command.
    import jsonschema

    if not isinstance(data, dict) or data.get("schema") != SCHEMA_TAG:
        raise InputError(f"{source}: not a repairkit decisions file (expected \"schema\": \"{SCHEMA_TAG}\")")
    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema()).iter_errors(data))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        raise InputError(f"{source}: malformed decisions file at {where}: {error.message}")
    out = []
    for raw in data["decisions"]:
        out.append(Decision(
            raw["finding"], raw["code"], raw["category"], raw["decision"], raw.get("start"), raw.get("end"),
            raw.get("before"), raw.get("after"), raw.get("value_source") == "editor",
            float(raw.get("confidence", 0.0)), raw.get("applicability", "manual"), raw.get("note", ""),
            tuple(Evidence(e["source"], e["start"], e["end"], e["quote"]) for e in raw.get("evidence", ()))))
    seen = Counter(d.finding for d in out)
    twice = [f for f, n in seen.items() if n > 1]
    if twice:
        raise InputError(f"{source}: finding {twice[0]} is decided more than once")
    return Decisions(data["document"]["path"], data["document"]["sha256"], tuple(out))


def load(path: str | Path) -> Decisions:
    """Read and validate a decisions file."""
    return parse(read_json(path, "decisions file"), str(path))


def edits_for(decisions: Decisions, doc: Document, source: str | None = None) -> list[Edit]:
    """The edits of the accepted and edited decisions, sorted; refuses (:class:`InputError`) a
    document other than the one decided on, an edit that does not match its text, and two
    decisions that change the same characters."""
    source = source or "decisions"
    if decisions.sha256 != doc.sha256:
        raise InputError(f"{source}: made on another version of {decisions.path} (sha256 {decisions.sha256[:12]}… "
                         f"differs from {doc.path}'s {doc.sha256[:12]}…); nothing applied")
    edits: list[Edit] = []
    for d in decisions.decisions:
        if d.decision == REJECTED:
            continue
        assert d.start is not None and d.end is not None and d.before is not None and d.after is not None
        if not d.start <= d.end <= len(doc.text) or doc.text[d.start:d.end] != d.before:
            raise InputError(f"{source}: the edit of {d.finding} does not match the text at [{d.start}, {d.end}); "
                             "nothing applied")
        if d.by_editor:
            edit = Edit(d.start, d.end, d.before, d.after, d.code, 0.0, Applicability.MANUAL,
                        f"{EDITOR_NOTE}{': ' + d.note if d.note else ''}", ())
        else:
            edit = Edit(d.start, d.end, d.before, d.after, d.code, d.confidence,
                        _APPLICABILITY.get(d.applicability, Applicability.MANUAL), d.note, d.evidence)
        clash = next((e for e in edits if conflicts(edit, e)), None)
        if clash is not None:
            raise InputError(f"{source}: the decisions on {d.finding} and another finding change the same text "
                             f"at [{clash.start}, {clash.end}); nothing applied")
        if edit.before != edit.after:
            edits.append(edit)
    return sorted(edits, key=lambda e: (e.start, e.end))


def mark_entries(entries: Iterable[dict[str, Any]], decisions: Decisions) -> None:
    """Add to each edit of audit ``entries`` the decision it carries out (``decision``, ``finding``)
    and where its value comes from (``value_source``: ``editor`` for a value typed in the page)."""
    by_span = {(d.start, d.end, d.after): d for d in decisions.decisions if d.decision != REJECTED}
    for entry in entries:
        for edit in entry["edits"]:
            d = by_span.get((edit["start"], edit["end"], edit["after"]))
            if d is not None:
                edit.update(decision=d.decision, finding=d.finding,
                            value_source="editor" if d.by_editor else "suggestion")


def summary(decisions: Decisions | None, categories: Mapping[str, str]) -> dict[str, dict[str, int]]:
    """Counts of accepted, edited, rejected and open findings by category.

    ``categories`` maps every decidable finding id to its category; a decision about a
    finding the review does not show is not counted.

    >>> d = Decisions("a.txt", "0" * 64, (Decision("RK1-0-1", "RK101", "missing-number", "rejected"),))
    >>> summary(d, {"RK1-0-1": "missing-number", "RK3-4-5": "missing-hyphen"})
    {'missing-number': {'accepted': 0, 'edited': 0, 'rejected': 1, 'open': 0}, 'missing-hyphen': {'accepted': 0, 'edited': 0, 'rejected': 0, 'open': 1}}
    """
    decided = decisions.by_finding() if decisions else {}
    out: dict[str, dict[str, int]] = {}
    for finding, category in categories.items():
        row = out.setdefault(category, dict.fromkeys(OUTCOMES, 0))
        d = decided.get(finding)
        row[d.decision if d else OPEN] += 1
    return out


__all__ = ["ACCEPTED", "EDITED", "OPEN", "OUTCOMES", "REJECTED", "SCHEMA_TAG", "SUFFIX", "Decision", "Decisions",
           "edits_for", "load", "mark_entries", "parse", "schema", "summary"]

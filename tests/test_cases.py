"""Case tables: ``tests/cases/<family>.json``, positive and negative examples per family.

File format::

    {"select": ["RK1"],            # rules under test (codes, prefixes, names)
     "cases": [{"label": "...", "comment": "...", "text": "...",
                "expect_codes": ["RK101"],       # exact set of codes found; [] = clean
                "expect_texts": ["th"],          # optional: flagged texts, in order
                "expect": "pass" | "fail",       # fail = known failure, xfail(strict)
                "batch": ["...", ...]}]}         # optional: the other documents of a run (batch-level rules)
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from repairkit.batching.evidence import with_run_evidence
from repairkit.config import Config
from repairkit.document import Document
from repairkit.pipeline import scan_document, select_rules

CASES_DIR = Path(__file__).parent / "cases"


def _load() -> list:
    params = []
    for path in sorted(CASES_DIR.glob("*.json")):
        table = json.loads(path.read_text(encoding="utf-8"))
        for case in table["cases"]:
            marks = [pytest.mark.xfail(strict=True, reason=case.get("comment", "known failure"))] \
                if case.get("expect") == "fail" else []
            params.append(pytest.param(table["select"], case, id=f"{path.stem}:{case['label']}", marks=marks))
    return params


@pytest.mark.parametrize(("select", "case"), _load())
def test_case(select: list[str], case: dict) -> None:
    doc = Document.from_text(case["text"])
    rules = select_rules(Config(select=tuple(select)))
    result = scan_document(doc, rules)
    if "batch" in case:  # the text is one document of a run; the evidence of the run's lines applies
        others = [scan_document(Document.from_text(text, f"<batch {i}>"), rules) for i, text in enumerate(case["batch"])]
        result = with_run_evidence([result, *others], rules)[0]
    assert {f.code for f in result.findings} == set(case["expect_codes"]), [
        (f.code, doc.text[f.span.start:f.span.end]) for f in result.findings]
    if "expect_texts" in case:
        assert [doc.text[f.span.start:f.span.end] for f in result.findings] == case["expect_texts"]
    for f in result.findings:  # every span is true to the original text
        assert 0 <= f.span.start <= f.span.end <= len(doc.text)
        for s in f.suggestions:
            assert 0 <= s.span.start <= s.span.end <= len(doc.text)
            assert s.replacement is None or s.replacement != doc.text[s.span.start:s.span.end]


def test_every_family_with_rules_has_a_case_table() -> None:
    from repairkit.registry import all_detectors

    covered: set[str] = set()
    for path in CASES_DIR.glob("*.json"):
        table = json.loads(path.read_text(encoding="utf-8"))
        for case in table["cases"]:
            covered.update(case["expect_codes"])
    missing = [s.code for s in all_detectors() if s.code not in covered and s.code[2] != "0"]
    assert not missing, f"rules with no flagging case in tests/cases: {missing}"

"""The staged scan: what runs for a selection, in which order, and that selecting changes nothing.

Selecting one rule runs it with everything it reads and everything the arbiter weighs against
it; its findings are then exactly those it has in a scan of all rules. This is what makes
the declared ``reads`` honest: a rule that reads a finding it did not declare fails here.
"""

from __future__ import annotations

import pytest

from repairkit import registry
from repairkit.config import Config
from repairkit.document import Document
from repairkit.pipeline import scan_document, select_rules
from tests.conftest import ARTICLE, COMMENTARY

SAMPLES = {
    "commentary": COMMENTARY.read_text(encoding="utf-8"),
    "article": ARTICLE.read_text(encoding="utf-8"),
    "gaps": "Sales rose  to m in . Profit fell  in , it said  the end. Marks  Spencer and JOHN SMITH    The "
            "talks ended  which was  odd. In , the th year. The firms plan,  its  clear.",
}


@pytest.fixture(scope="module")
def full_scans():
    rules = select_rules(Config())
    return {name: scan_document(Document.from_text(text), rules).findings for name, text in SAMPLES.items()}


@pytest.mark.parametrize("spec", registry.all_detectors(), ids=lambda s: s.code)
def test_selecting_one_rule_gives_its_findings_of_the_full_scan(spec, full_scans):
    for name, text in SAMPLES.items():
        alone = scan_document(Document.from_text(text), [spec]).findings
        assert alone == [f for f in full_scans[name] if f.code == spec.code], name


def test_phases_follow_the_reads():
    for spec in registry.all_detectors():
        for read in registry.read_rules(spec):
            assert registry.phase_of(read) < registry.phase_of(spec), (spec.code, read.code)


def test_a_plan_holds_what_a_rule_reads_and_its_contenders_before_it():
    planned = [s.code for s in registry.plan([registry.get("RK805")])]
    assert planned.index("RK101") < planned.index("RK805")  # what it reads runs in an earlier phase
    assert {"RK101", "RK105", "RK503", "RK702", "RK901", "RK605"} <= set(planned)
    assert "RK201" not in planned  # nothing the doubled-space rule needs
    assert [s.code for s in registry.plan([registry.get("RK201")])] == ["RK201"]

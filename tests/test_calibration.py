"""Confidence has one home: data/calibration.tsv, written by benchmarks/calibration.py.

Every reading a rule declares has its rows; every row belongs to a declared reading; each row's
confidence is what the benchmark computes from its counts (no hand-edited value); no code that
builds a suggestion writes a confidence literal; a safe suggestion comes only from a reading
measured at least 0.98 precise.
"""

from __future__ import annotations

import ast
import json
import math
from pathlib import Path

import pytest

from repairkit import calibration
from repairkit.document import Document
from repairkit.model import Applicability, Span
from repairkit.pipeline import scan_document, select_rules
from repairkit.config import Config
from repairkit.registry import all_detectors

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "repairkit"


def _declared() -> dict[str, bool]:
    all_detectors()
    return {name: scored for name, scored in calibration.declared().items() if not name.startswith("RK000.")}


def test_every_declared_reading_has_its_rows_and_no_row_is_stale() -> None:
    table = calibration.table()
    needed = {row for name, scored in _declared().items() for row in calibration.row_ids(name, scored)}
    assert needed - set(table) == set(), "run python -m benchmarks.calibration --write"
    assert set(table) - needed == set(), "rows of readings no rule declares"


@pytest.mark.parametrize("row", list(calibration.table().values()), ids=lambda r: r.reading)
def test_each_confidence_is_the_wilson_bound_of_its_counts(row: calibration.Row) -> None:
    right = round(row.precision * row.sample)
    assert abs(right - row.precision * row.sample) < 0.01 * max(row.sample, 1)
    assert row.confidence == math.floor(calibration.wilson_lower(right, row.sample) * 100) / 100
    assert row.benchmark == "benchmarks.calibration"


def _literal_confidences(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "Suggestion":
            args = node.args[2:3] + [k.value for k in node.keywords if k.arg == "confidence"]
            if any(isinstance(a, ast.Constant) and isinstance(a.value, float) for a in args):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_no_rule_writes_a_confidence() -> None:
    files = sorted((PACKAGE / "detectors").rglob("*.py")) + sorted((PACKAGE / "analysis").rglob("*.py"))
    assert [hit for path in files for hit in _literal_confidences(path)] == []


def test_the_check_finds_a_literal() -> None:  # the check above can fail
    sample = PACKAGE.parent / "tests" / "_literal_sample.py"
    sample.write_text("Suggestion(span, 'x', 0.9, A.SAFE, 'n')\n", encoding="utf-8")
    try:
        assert _literal_confidences(sample) == ["tests/_literal_sample.py:1"]
    finally:
        sample.unlink()


def test_safe_only_from_a_reading_measured_safe() -> None:
    rows = {"RK000.sure": calibration.Row("RK000.sure", 0.97, 0.99, 900, "b", calibration.datetime.date.today()),
            "RK000.fair": calibration.Row("RK000.fair", 0.95, 0.97, 900, "b", calibration.datetime.date.today())}
    calibration.reading("RK000.sure")
    calibration.reading("RK000.fair")
    sure = calibration.suggest(Span(0, 1), "x", "RK000.sure", "n", ceiling=Applicability.SAFE, rows=rows)
    fair = calibration.suggest(Span(0, 1), "x", "RK000.fair", "n", ceiling=Applicability.SAFE, rows=rows)
    capped = calibration.suggest(Span(0, 1), "x", "RK000.sure", "n", rows=rows)
    assert (sure.applicability, fair.applicability, capped.applicability) == (
        Applicability.SAFE, Applicability.UNSAFE, Applicability.UNSAFE)


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").glob("*.txt"))]
    for table in sorted((ROOT / "tests" / "cases").glob("*.json")):
        texts += [case["text"] for case in json.loads(table.read_text(encoding="utf-8"))["cases"]]
    return texts


def test_every_safe_suggestion_was_measured_safe() -> None:
    table = calibration.table()
    rules = select_rules(Config())
    seen = 0
    for text in _texts():
        for finding in scan_document(Document.from_text(text), rules).findings:
            for s in finding.suggestions:
                if s.origin == "rule" and s.applicability is Applicability.SAFE:
                    seen += 1
                    row = table[s.reading]
                    assert row.precision >= calibration.SAFE_PRECISION and row.confidence == s.confidence
    assert seen > 0

"""End to end: the damaged commentary scanned against the related structured article."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from repairkit.cli import main
from tests.conftest import ARTICLE, COMMENTARY


@pytest.fixture(scope="module")
def report() -> dict:
    result = CliRunner().invoke(main, ["scan", "--format", "json", str(COMMENTARY), "--reference", str(ARTICLE)])
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)


def _findings(report: dict) -> list[dict]:
    (doc,) = report["documents"]
    return doc["findings"]


def _best(f: dict) -> dict | None:
    return f["suggestions"][0] if f["suggestions"] else None


def test_term_forms_the_reference_supports_are_repaired(report):
    text = COMMENTARY.read_text(encoding="utf-8")
    article = ARTICLE.read_text(encoding="utf-8")
    repaired = {}
    for f in _findings(report):
        best = _best(f)
        if best and best["replacement"] and best["evidence"] and not re.search(r"\d", best["replacement"]):
            repaired.setdefault(text[f["start"]:f["end"]], best["replacement"])
            ev = best["evidence"][0]
            assert article[ev["start"]:ev["end"]] == ev["quote"] == best["replacement"]
    hyphenated = {k: v for k, v in repaired.items() if "-" in v}
    assert len(hyphenated) >= 2 and all(v.replace("-", "") == k for k, v in hyphenated.items())
    possessive = {k: v for k, v in repaired.items() if v[-2:] in ("'s", "’s")}
    assert possessive and all(v[:-2] + "s" == k for k, v in possessive.items())


def test_numbers_come_only_from_the_reference_and_never_automatically(report):
    article = ARTICLE.read_text(encoding="utf-8")
    text = COMMENTARY.read_text(encoding="utf-8")
    for f in _findings(report):
        for s in f["suggestions"]:
            numbers = re.findall(r"\d+", s["replacement"] or "")
            for n in numbers:
                assert n in article or n in text
            if numbers and not all(n in text[s["start"]:s["end"]] for n in numbers):
                assert s["applicability"] == "manual", s
                assert s["evidence"] and s["evidence"][0]["source"] == str(ARTICLE)


def test_fact_candidates_say_what_differs(report):
    facts = [s for f in _findings(report) if f["category"] == "missing-number" for s in f["suggestions"]
             if s["replacement"] and re.search(r"\d", s["replacement"])]
    assert facts, "the reference's dose figures should be offered for the commentary's lost dose count"
    for s in facts:
        assert s["confidence"] < 0.6 and s["applicability"] == "manual"
        assert "reference" in s["note"] and "check" in s["note"]


def test_other_missing_numbers_stay_open_with_a_note(report):
    missing = [f for f in _findings(report) if f["category"] == "missing-number"]
    open_ones = [f for f in missing if all(s["replacement"] is None for s in f["suggestions"])]
    assert len(open_ones) >= len(missing) // 2
    for f in open_ones:
        assert any("Missing value" in s["note"] for s in f["suggestions"])

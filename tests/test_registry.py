"""Meta-tests of the rule registry: unique codes, valid metadata, an example per rule."""

from __future__ import annotations

import re

import pytest

from repairkit.model import CATEGORIES
from repairkit.registry import FAMILIES, all_detectors, get, select, validate_selectors

SPECS = all_detectors()


def test_codes_and_names_unique():
    assert len({s.code for s in SPECS}) == len(SPECS)
    assert len({s.name for s in SPECS}) == len(SPECS)


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.code)
def test_rule_metadata(spec):
    assert re.fullmatch(r"RK\d{3}", spec.code)
    assert spec.code[2] in FAMILIES
    assert spec.category in CATEGORIES
    assert not spec.name.startswith(("no-", "bad-"))
    doc = spec.doc
    assert ">>>" in doc, f"{spec.code}: docstring needs a doctest example"
    assert "Example" in doc and "Repair safety" in doc


def test_select_by_prefix_name_category_and_ignore():
    assert {s.code for s in select(["RK1"])} == {s.code for s in SPECS if s.code.startswith("RK1")}
    assert [s.code for s in select(["orphan-ordinal"])] == ["RK101"]
    assert all(s.category == "missing-number" for s in select(["missing-number"]))
    assert "RK101" not in {s.code for s in select(None, ["RK101"])}


def test_unknown_selector_rejected():
    with pytest.raises(ValueError, match="matches no rule"):
        validate_selectors(["RK999"])
    with pytest.raises(KeyError):
        get("RK999")

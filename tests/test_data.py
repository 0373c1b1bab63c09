"""Checks of the shipped data files: header, sorted, unique, trimmed, well-formed entries."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from repairkit.detectors.apostrophes import HOMOGRAPHS, context_counts, contractions
from repairkit.lexicon import zipf

CONTEXT_KINDS = ("its-next", "its-prev", "poss-next", "poss-prev")
_FEATURE_RE = re.compile(r"^(<(CAP|NUM|P|OTHER|OTHER-(ed|ing|ly|s))>|[a-z]+)$")


def _entries(name: str) -> list[str]:
    raw = resources.files("repairkit").joinpath("data", name).read_text(encoding="utf-8")
    assert raw.startswith("# repairkit "), f"{name}: missing format header"
    return [e for e in raw.splitlines() if not e.startswith("#")]


def contraction_problem(entry: str) -> str | None:
    """Why ``entry`` is not a valid line of apostrophe_contractions.txt, or ``None``."""
    if entry != entry.strip() or not entry:
        return "empty or untrimmed"
    if not re.fullmatch(r"[a-z]+'[a-z]+", entry):
        return "not a lower-case word with one inner apostrophe"
    bare = entry.replace("'", "")
    if bare in HOMOGRAPHS or bare == "its":
        return "bare form is a homograph handled by context rules"
    if zipf(bare) >= zipf(entry):
        return "bare form is a word at least as common as the contraction"
    return None


def context_problem(entry: str) -> str | None:
    """Why ``entry`` is not a valid line of apostrophe_contexts.tsv, or ``None``."""
    parts = entry.split("\t")
    if len(parts) != 4 or any(p != p.strip() or not p for p in parts):
        return "needs 4 trimmed tab-separated fields"
    kind, feature, apos, plain = parts
    if kind not in CONTEXT_KINDS:
        return "unknown kind"
    if not _FEATURE_RE.match(feature):
        return "bad feature"
    if not (apos.isdigit() and plain.isdigit()):
        return "counts must be non-negative integers"
    return None


def test_contractions_file_is_sorted_unique_valid() -> None:
    entries = _entries("apostrophe_contractions.txt")
    assert entries == sorted(entries)
    assert len(entries) == len(set(entries))
    assert [(e, contraction_problem(e)) for e in entries if contraction_problem(e)] == []
    assert len(contractions()) == len(entries)


def test_contexts_file_is_sorted_unique_valid() -> None:
    entries = _entries("apostrophe_contexts.tsv")
    keys = [tuple(e.split("\t")[:2]) for e in entries]
    assert keys == sorted(keys)
    assert len(keys) == len(set(keys))
    assert [(e, context_problem(e)) for e in entries if context_problem(e)] == []
    table = context_counts()
    assert set(table) == set(CONTEXT_KINDS)
    assert all("<OTHER>" in table[k] for k in CONTEXT_KINDS)


@pytest.mark.parametrize(("entry", "problem"), [
    ("", "empty"), (" don't", "untrimmed"), ("Don't", "lower-case"), ("dont", "apostrophe"),
    ("we're", "homograph"), ("it's", "homograph"), ("i'll", "homograph"),
])
def test_contraction_validator_rejects_bad_entries(entry: str, problem: str) -> None:
    found = contraction_problem(entry)
    assert found is not None and problem in found


@pytest.mark.parametrize(("entry", "problem"), [
    ("poss-next\tlargest\t3", "4 trimmed"), ("poss-next\tlargest \t3\t1", "4 trimmed"),
    ("poss-middle\tlargest\t3\t1", "unknown kind"), ("poss-next\tLargest\t3\t1", "bad feature"),
    ("poss-next\tlargest\t-3\t1", "non-negative"),
])
def test_context_validator_rejects_bad_entries(entry: str, problem: str) -> None:
    found = context_problem(entry)
    assert found is not None and problem in found

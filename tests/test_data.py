"""Shipped data files: every file is valid, and each validator rejects each kind of bad entry."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from repairkit.detectors.apostrophes import HOMOGRAPHS, context_counts, contractions
from repairkit.lexicon import zipf
from repairkit.page_furniture import PHRASES_FILE, PHRASES_HEADER, PREFIX_MARK, boilerplate_phrases, normalise_line
from repairkit.wordlists import LISTS, ListSpec, load, read_lines, validate_lines

HEADER = "# repairkit-wordlist 1: test list"
COMPOUNDS = LISTS["hyphenated_compounds"]


@pytest.mark.parametrize("name", sorted(LISTS))
def test_shipped_list_is_valid(name: str) -> None:
    lines = read_lines(LISTS[name])
    assert validate_lines(lines, LISTS[name]) == []
    assert load(name), f"{name} has no entries"


DATA_FILES = sorted(p.name for p in (resources.files("repairkit") / "data").iterdir()
                    if p.name.endswith((".txt", ".tsv")))


def test_declared_lists_are_shipped() -> None:
    assert {spec.filename for spec in LISTS.values()} <= set(DATA_FILES)


@pytest.mark.parametrize("filename", DATA_FILES)
def test_every_data_file_has_a_header_and_sorted_unique_trimmed_entries(filename: str) -> None:
    # Holds for every data file, including ones with their own loader and entry format.
    lines = (resources.files("repairkit") / "data" / filename).read_text(encoding="utf-8").splitlines()
    assert lines and lines[0].startswith("#"), "a header line comes first"
    entries = [line for line in lines if not line.startswith("#")]
    assert entries, "no entries"
    assert all(e and e == e.strip() for e in entries), "untrimmed or empty entries"
    assert entries == sorted(entries), "entries out of order"
    assert len(set(entries)) == len(entries), "duplicate entries"


def test_lists_do_not_conflict() -> None:
    # A prefix or particle is not also a function word the splitter treats as a phrase part.
    assert not load("hyphen_prefixes") & load("closing_particles")
    closed = {c.replace("-", "") for c in load("hyphenated_compounds")}
    assert len(closed) == len(load("hyphenated_compounds")), "two compounds spell the same closed form"


@pytest.mark.parametrize(("lines", "problem"), [
    (["a-b"], "missing header"),
    (["# repairkit-wordlist 2: future", "a-b"], "unsupported version"),
    ([HEADER, "c-d", "a-b"], "out of order"),
    ([HEADER, "a-b", "a-b"], "duplicate"),
    ([HEADER, " a-b"], "untrimmed"),
    ([HEADER, ""], "untrimmed or empty"),
    ([HEADER, "ab"], "not a valid entry"),
    ([HEADER, "A-b"], "not a valid entry"),
    ([HEADER, "a-b", "# late comment"], "comment after the entries"),
])
def test_validator_rejects(lines: list[str], problem: str) -> None:
    problems = validate_lines(lines, COMPOUNDS)
    assert any(problem in p for p in problems), problems


def test_validator_accepts_a_good_list() -> None:
    assert validate_lines([HEADER, "# how it was made", "a-b", "a-c", "b-0"], COMPOUNDS) == []


def test_load_refuses_a_broken_file(monkeypatch: pytest.MonkeyPatch) -> None:
    import repairkit.wordlists as wordlists

    spec = ListSpec("broken.txt", r"[a-z]+", "test")
    monkeypatch.setitem(wordlists.LISTS, "broken", spec)
    monkeypatch.setattr(wordlists, "read_lines", lambda _spec: [HEADER, "b", "a"])
    load.cache_clear()
    try:
        with pytest.raises(ValueError, match="broken.txt"):
            load("broken")
    finally:
        load.cache_clear()


# --- boilerplate phrases (their own entry format: lower case, optional prefix mark) ---


def _entries(raw: str) -> list[str]:
    return [e for e in raw.splitlines() if not e.startswith("#")]


def entry_problem(entry: str) -> str | None:
    """Why ``entry`` is not a valid boilerplate phrase, or ``None`` when it is."""
    if not entry:
        return "empty line"
    if entry != entry.strip() or "  " in entry:
        return "untrimmed or doubled spaces"
    if entry != entry.lower():
        return "not lower case"
    body = entry[: -len(PREFIX_MARK)] if entry.endswith(PREFIX_MARK) else entry
    if len(body) < 4:
        return "too short to be safe"
    if not entry.endswith(PREFIX_MARK) and normalise_line(entry) != entry:
        return "whole-line entry differs from its normalised form, so it can never match"
    return None


def test_phrases_file_is_sorted_unique_trimmed() -> None:
    raw = resources.files("repairkit").joinpath("data", PHRASES_FILE).read_text(encoding="utf-8")
    assert raw.startswith(PHRASES_HEADER)
    entries = _entries(raw)
    assert entries == sorted(entries), "sort with LC_ALL=C sort -u"
    assert len(entries) == len(set(entries))
    assert [e for e in entries if entry_problem(e)] == []
    whole, prefixes = boilerplate_phrases()
    assert len(whole) + len(prefixes) == len(entries)


@pytest.mark.parametrize(("entry", "problem"), [
    ("", "empty"), (" share this", "untrimmed"), ("Share this", "lower case"),
    ("ad", "too short"), ("share this:", "normalised"), ("read  more", "doubled"),
])
def test_validator_rejects_bad_entries(entry: str, problem: str) -> None:
    found = entry_problem(entry)
    assert found is not None and problem in found


def test_validator_accepts_good_entries() -> None:
    assert entry_problem("share this") is None
    assert entry_problem("read more: ...") is None


# --- apostrophe data (contractions list, context counts TSV) ---

CONTEXT_KINDS = ("its-next", "its-prev", "poss-next", "poss-prev")
_FEATURE_RE = re.compile(r"^(<(CAP|NUM|P|OTHER|OTHER-(ed|ing|ly|s))>|[a-z]+)$")


def _apostrophe_entries(name: str) -> list[str]:
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
    entries = _apostrophe_entries("apostrophe_contractions.txt")
    assert entries == sorted(entries)
    assert len(entries) == len(set(entries))
    assert [(e, contraction_problem(e)) for e in entries if contraction_problem(e)] == []
    assert len(contractions()) == len(entries)


def test_contexts_file_is_sorted_unique_valid() -> None:
    entries = _apostrophe_entries("apostrophe_contexts.tsv")
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


GAP_KINDS = {"prev", "next", "prev2", "next2", "prevclass", "nextclass", "sentence"}
_GAP_VALUE_RE = re.compile(r"^(?:[a-z]+|<P>|<E>|<W>|<CAP>|(?:cap|function|s|ed|ing|ly|word|none),?|alone|shared)$")


def gap_context_problem(entry: str) -> str | None:
    """Why ``entry`` is not a valid line of gap_contexts.tsv, or ``None``."""
    parts = entry.split("\t")
    if len(parts) != 3 or any(p != p.strip() or not p for p in parts):
        return "needs 3 trimmed tab-separated fields"
    feature, num, dash = parts
    kind, sep, value = feature.partition("=")
    if not sep or kind not in GAP_KINDS:
        return "unknown kind"
    if not _GAP_VALUE_RE.match(value):
        return "bad value"
    if not (num.isdigit() and dash.isdigit()):
        return "counts must be non-negative integers"
    return None


def test_gap_contexts_file_is_valid() -> None:
    from repairkit.analysis.gap_context import context_counts as gap_counts, features

    lines = (resources.files("repairkit") / "data" / "gap_contexts.tsv").read_text(encoding="utf-8").splitlines()
    entries = [line for line in lines if not line.startswith("#")]
    assert [(e, gap_context_problem(e)) for e in entries if gap_context_problem(e)] == []
    table = gap_counts()
    assert {f.partition("=")[0] for f in table} == GAP_KINDS
    # every feature the detector makes has a kind the table knows
    assert {f.partition("=")[0] for f in features("the", "deal,", "which", "was", alone=True)} == GAP_KINDS
    # the "sentence" rows count every token once: they are the totals the ratios divide by; the
    # class kinds count the same tokens (less a few rare values left out), the word kinds fewer
    num_total = table["sentence=alone"][0] + table["sentence=shared"][0]
    dash_total = table["sentence=alone"][1] + table["sentence=shared"][1]
    for kind in GAP_KINDS - {"sentence"}:
        rows = [v for k, v in table.items() if k.startswith(kind + "=")]
        num, dash = sum(n for n, _ in rows), sum(d for _, d in rows)
        assert num <= num_total and dash <= dash_total, kind
        if kind.endswith("class"):
            assert num >= 0.99 * num_total and dash >= 0.99 * dash_total, kind
    assert num_total > dash_total > 0


@pytest.mark.parametrize(("entry", "problem"), [
    ("next=which\t24", "3 trimmed"), ("middle=which\t24\t54", "unknown kind"),
    ("next=Which\t24\t54", "bad value"), ("next=which\t-1\t54", "non-negative"), ("nextwhich\t1\t2", "unknown kind"),
])
def test_gap_context_validator_rejects_bad_entries(entry: str, problem: str) -> None:
    found = gap_context_problem(entry)
    assert found is not None and problem in found

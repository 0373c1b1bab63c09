"""Shipped word lists: every file is valid, and the validator rejects each kind of bad entry."""

from __future__ import annotations

from importlib import resources

import pytest

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

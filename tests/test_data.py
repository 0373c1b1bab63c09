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


def test_every_data_txt_file_is_a_declared_list() -> None:
    shipped = {p.name for p in (resources.files("repairkit") / "data").iterdir() if p.name.endswith(".txt")}
    assert {spec.filename for spec in LISTS.values()} <= shipped
    undeclared = shipped - {spec.filename for spec in LISTS.values()}
    assert not undeclared, f"data files with no validator: {sorted(undeclared)}"


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

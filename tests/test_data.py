"""Checks of the shipped data files: header, sorted, unique, trimmed, well-formed entries."""

from __future__ import annotations

from importlib import resources

import pytest

from repairkit.detectors.boilerplate import (
    PHRASES_FILE, PHRASES_HEADER, PREFIX_MARK, boilerplate_phrases, normalise_line)


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

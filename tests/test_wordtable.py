"""The cached sorted word tables (repairkit/analysis/wordtable.py) answer as the libraries' own
dicts and sets do, and the cache is rebuilt when its source changes or its file is damaged."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from repairkit import lexicon, readability
from repairkit.analysis import wordtable
from repairkit.analysis.glued import dictionary
from repairkit.analysis.wordtable import SortedWords, cached


def test_sorted_words_membership_and_values() -> None:
    words = {"naïve": 7, "zebra": 1, "a": 2, "Ünited": 3, "it's": 4, "line\nbreak": 5}
    table = SortedWords.from_bytes(SortedWords.build(words).to_bytes())
    assert len(table) == 5  # the word with a newline is left out
    for w, v in words.items():
        if "\n" not in w:
            assert w in table and table.value(w) == v
    for absent in ("", "naive", "zebr", "zebras", "b", "\ud800", "line\nbreak", "line"):
        assert absent not in table and table.value(absent) is None
    assert sorted(table.words()) == sorted(w for w in words if "\n" not in w)
    assert list(SortedWords.build([]).words()) == [] and "x" not in SortedWords.build([])


def test_cache_built_once_rebuilt_when_source_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(wordtable.CACHE_ENV, str(tmp_path / "cache"))
    source = tmp_path / "list.txt"
    source.write_text("cat\ndog\n")
    builds: list[int] = []

    def build() -> SortedWords:
        builds.append(1)
        return SortedWords.build(source.read_text().split())

    def get() -> SortedWords:
        return cached("test-list", [source], build, SortedWords.to_bytes, SortedWords.from_bytes)

    assert "dog" in get() and len(builds) == 1
    assert "dog" in get() and len(builds) == 1  # read from the cache
    source.write_text("cat\ncow\nemu\n")  # another size: another key
    table = get()
    assert len(builds) == 2 and "cow" in table and "dog" not in table
    for f in (tmp_path / "cache").glob("test-list-*.bin"):
        f.write_bytes(b"\x00damaged")
    assert "emu" in get() and len(builds) == 3  # a damaged file is built anew


@pytest.mark.parametrize("setting", ["off", "unwritable"])
def test_no_cache_builds_each_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, setting: str) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv(wordtable.CACHE_ENV, "off" if setting == "off" else str(blocker / "cache"))
    builds: list[int] = []

    def build() -> SortedWords:
        builds.append(1)
        return SortedWords.build(["x"])

    for _ in range(2):
        assert "x" in cached("test-off", [blocker], build, SortedWords.to_bytes, SortedWords.from_bytes)
    assert len(builds) == 2


def test_bisected_frequencies_equal_wordfreqs_dict() -> None:
    from wordfreq import get_frequency_dict

    theirs = get_frequency_dict("en", "best")
    path = lexicon._wordfreq_file()
    assert path is not None
    table = cached("wordfreq-en", [path], lambda: SortedWords.build(lexicon._read_wordfreq(path)),
                   SortedWords.to_bytes, SortedWords.from_bytes)
    lookups = lexicon._Frequencies(table)
    rng = random.Random(3)
    sample = list(theirs)[::41] + ["".join(rng.choice("aeinrst") for _ in range(6)) for _ in range(2000)]
    assert all(lookups.get(w) == theirs.get(w) for w in sample[:lookups.PROMOTE_AFTER])
    assert lookups._full is None  # all of those by bisection
    assert all(lookups.get(w) == theirs.get(w) for w in sample)  # past the limit: the dict
    assert lookups._full == theirs


@pytest.mark.parametrize("source", dictionary.SOURCES)
def test_cached_headwords_equal_the_packages_set(source: str) -> None:
    theirs = dictionary._read_headwords(source)
    ours = dictionary._headwords(source)
    assert isinstance(ours, wordtable.WordSet) and len(ours) == len(theirs)
    rng = random.Random(5)
    sample = list(theirs)[::13] + ["".join(rng.choice("aeilnorstu") for _ in range(7)) for _ in range(3000)]
    assert all((w in ours) == (w in theirs) for w in sample)  # past PROMOTE_AFTER: the set
    assert ours.promoted and set(ours.words()) == theirs
    bisected = wordtable.WordSet(ours._table, promote_after=len(sample) + 1)
    assert all((w in bisected) == (w in theirs) for w in sample) and not bisected.promoted


def test_cached_tables_equal_fresh_ones() -> None:
    assert dictionary._hyphenated_by_closed_form() == dictionary._build_hyphenated()
    assert readability._pyphen_file() is not None
    assert readability._trie() == readability._build_trie(readability._pattern_table(readability._pyphen_file())[0])


def test_any_common_by_set_equals_word_by_word(monkeypatch: pytest.MonkeyPatch) -> None:
    lexicon.frequency_dict()  # the full table: any_common intersects the set of common words
    rng = random.Random(2)
    groups = [["".join(rng.choice("aeinorstlcdu") for _ in range(rng.randint(1, 9))) for _ in range(20)]
              for _ in range(2000)]
    by_set = [lexicon.any_common(g) for g in groups]
    monkeypatch.setattr(lexicon, "_get", lexicon._frequencies().get)  # as while still bisecting
    assert [lexicon.any_common(g) for g in groups] == by_set
    assert 0 < sum(by_set) < len(groups)


def test_build_sorts_by_utf8_bytes() -> None:
    # the table sorts strings in C (code-point order) and bisects bytes: the two orders must agree
    rng = random.Random(0)
    words = ["".join(chr(rng.choice([rng.randint(32, 0x2FFF), rng.randint(0xD800, 0xDFFF), rng.randint(0xE000, 0x10FFFF)]))
                     for _ in range(rng.randint(0, 6))) for _ in range(5000)]
    table = SortedWords.build(words)
    assert table._blob == b"\n".join(sorted(w.encode("utf-8", "surrogatepass") for w in words if "\n" not in w))
    assert all(w in table for w in words if "\n" not in w and not any(0xD800 <= ord(c) <= 0xDFFF for c in w))

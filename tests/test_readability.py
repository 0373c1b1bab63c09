"""Syllables: repairkit walks pyphen's English patterns itself (faster); the counts must be pyphen's."""

from __future__ import annotations

import pyphen

from repairkit import lexicon
from repairkit.readability import Readability, syllables


def test_syllables_are_pyphens_hyphenation_points_plus_one() -> None:
    hyphenator = pyphen.Pyphen(lang="en_US")
    words = [w for w in list(lexicon.frequency_dict())[::20] if w.isalpha()]
    words += ["don't", "o'neill", "café", "naïve", "rock’n’roll", "a", "ab", "abc", "x" * 40,
              "Readability", "HYPHENATION", "antidisestablishmentarianism"]
    wrong = [(w, syllables(w), len(hyphenator.positions(w.lower())) + 1) for w in words
             if syllables(w) != len(hyphenator.positions(w.lower())) + 1]
    assert len(words) > 10_000
    assert not wrong, wrong[:10]


def test_reading_ease_falls_with_long_words() -> None:
    easy = Readability.of("The cat sat on the mat. The dog ran. " * 10)
    hard = Readability.of("Considerable organisational responsibilities characterise administrations. " * 10)
    assert hard.reading_ease < easy.reading_ease
    assert hard.grade > easy.grade


def test_patterns_are_pyphens_table() -> None:
    from repairkit.readability import _pattern_table, _pyphen_file

    table, prefixes = _pattern_table(_pyphen_file())
    assert table == pyphen.Pyphen(lang="en_US").hd.patterns
    assert len(table) > 10_000 and all(p[:1] in prefixes for p in table)

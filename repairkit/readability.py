"""Readability of a document: a property of the whole text, shown in its summary, not a finding.

Flesch reading ease (higher is easier) and Flesch-Kincaid grade, from counts of words,
sentences and syllables. Syllables come from pyphen's English hyphenation dictionary
(hyphenation points + 1, as textstat counts words its pronouncing dictionary lacks): it
loads in milliseconds, where a pronouncing dictionary takes about a second, so a plain
``repairkit scan`` never pays for a figure it does not show; reports that show one compute
it when they render.

>>> r = Readability.of("The cat sat on the mat. " * 10)
>>> r.words, r.sentences, r.reading_ease > 100, r.grade < 1
(60, 10, True, True)
>>> summary("Too short to score.")["reading_ease"] is None
True
"""

from __future__ import annotations

import importlib.util
import marshal
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from repairkit.analysis.wordtable import cached

#: Documents shorter than this get no figures: the formulas mean little on a few words.
SUMMARY_MIN_WORDS = 30

_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
#: A sentence ends at . ! ? (closing quotes and brackets after it) followed by a space, or a line break.
_SENTENCE_END_RE = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s|$)|\n\s*\n|\n(?=\s*[-*•]|\s*\d+[.)]\s)")


#: pyphen's defaults: no hyphenation point within 2 letters of either end of a word.
_LEFT = _RIGHT = 2


#: Lines of a hyphenation dictionary that are settings or comments, not patterns (as pyphen skips them).
_NOT_PATTERNS = ("%", "#", "LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN")


def _pyphen_file() -> Path | None:
    """The English hyphenation dictionary pyphen ships, or ``None`` if it is not where expected."""
    spec = importlib.util.find_spec("pyphen")
    folder = Path(next(iter(spec.submodule_search_locations or ()))) if spec else None
    path = folder / "dictionaries" / "hyph_en_US.dic" if folder else None
    return path if path is not None and path.is_file() else None


def _pattern_table(path: Path | None) -> tuple[dict[str, tuple[int, tuple[int, ...]]], frozenset[str]]:
    """pyphen's English patterns (letters -> offset of the first non-zero value, the values) and
    every prefix of a pattern, from the dictionary file at ``path``.

    The table is what ``Pyphen(lang="en_US").hd.patterns`` holds, read from the dictionary
    pyphen ships by :func:`_read_patterns` (3 times faster than pyphen's parser, which handles
    forms this file does not use; ``tests/test_readability.py`` compares the tables).
    :func:`_trie` is built from it once and kept in the cache of :mod:`repairkit.analysis.wordtable`
    (marshal: a few milliseconds to load, where parsing the 11,000 patterns takes 50-100 ms).
    """
    text = path.read_text(encoding="utf-8") if path else ""
    if not text.startswith("UTF-8\n") or "^^" in text or "/" in text:  # not the plain form: pyphen parses it
        import pyphen  # loaded only when a figure is needed

        table = dict(pyphen.Pyphen(lang="en_US").hd.patterns)
    else:
        table = _read_patterns(text)
    prefixes = frozenset(letters[:k] for letters in table for k in range(1, len(letters) + 1))
    return table, prefixes


def _read_patterns(text: str) -> dict[str, tuple[int, tuple[int, ...]]]:
    """The patterns of a hyphenation dictionary in plain form (no ``^^`` escapes, no nonstandard
    hyphenation), as pyphen's ``HyphDict`` stores them.

    >>> _read_patterns("UTF-8\\nLEFTHYPHENMIN 2\\n.ach4\\n1ba\\nx\\n")
    {'.ach': (4, (4,)), 'ba': (0, (1,))}
    """
    table: dict[str, tuple[int, tuple[int, ...]]] = {}
    for line in text.split("\n")[1:]:
        pattern = line.strip()
        if not pattern or pattern.startswith(_NOT_PATTERNS):
            continue
        letters = pattern.translate(_NO_DIGITS)
        values = [0] * (len(letters) + 1)  # values[k]: the digit before letter k
        k = 0
        for ch in pattern:
            if ch in _DIGITS:
                values[k] = int(ch)
            else:
                k += 1
        first = next((i for i, v in enumerate(values) if v), None)
        if first is None:
            continue  # only zeros: pyphen skips it too
        last = max(i for i, v in enumerate(values) if v)
        table[letters] = first, tuple(values[first:last + 1])
    return table


_DIGITS = frozenset("0123456789")
_NO_DIGITS = str.maketrans("", "", "0123456789")


def _hyphenation_points(word: str) -> int:
    """How many hyphenation points Liang's algorithm finds in lower-case ``word`` with pyphen's
    English patterns, none within :data:`_LEFT` / :data:`_RIGHT` letters of its ends (as
    ``len(Pyphen(lang="en_US").positions(word))``).

    The patterns are walked as a trie (:func:`_trie`), a letter at a time, so no substring is
    built or hashed; a walk stops where no pattern goes on (no pattern has the letters so far as
    a prefix)."""
    trie = _trie()
    dotted = f".{word}."
    size = len(dotted)
    values = [0] * (size + 1)  # values[k]: the gap before dotted[k]
    for i in range(size - 1):
        node = trie
        for j in range(i, size):
            node = node.get(dotted[j])
            if node is None:
                break
            found = node.get("")
            if found:
                k = i + found[0]
                for v in found[1]:
                    if k > size:
                        break
                    if v > values[k]:
                        values[k] = v
                    k += 1
    # an odd value allows a break; the gap before dotted[k] is after the word's (k - 1)th letter
    return sum(values[k] & 1 for k in range(_LEFT + 1, len(word) - _RIGHT + 2))


@cache
def _trie() -> dict[str, Any]:
    """pyphen's English patterns as nested dicts, a letter per level; the key ``""`` of a node
    holds the pattern ending there (offset of its first value, the values). Kept in the cache
    of :mod:`repairkit.analysis.wordtable` beside the table it is built from."""
    path = _pyphen_file()
    if path is None:
        return _build_trie(_pattern_table(None)[0])
    return cached("pyphen-en-US-trie", [path], lambda: _build_trie(_pattern_table(path)[0]), marshal.dumps,
                  _load_trie)


def _build_trie(table: dict[str, tuple[int, tuple[int, ...]]]) -> dict[str, Any]:
    """The trie of ``table``.

    >>> _build_trie({"ab": (1, (2,)), "a": (0, (1,))})
    {'a': {'b': {'': (1, (2,))}, '': (0, (1,))}}
    """
    root: dict[str, Any] = {}
    for letters, found in table.items():
        node = root
        for ch in letters:
            node = node.setdefault(ch, {})
        node[""] = found
    return root


def _load_trie(data: bytes) -> dict[str, Any]:
    trie = marshal.loads(data)
    if not isinstance(trie, dict):
        raise ValueError("not a pattern trie")
    return trie


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Syllables of ``word``: its hyphenation points + 1 (cached: a text repeats its words).

    >>> syllables("readability"), syllables("cat")
    (4, 1)
    """
    return _hyphenation_points(word.lower()) + 1


def _band(ease: float) -> str:
    """Flesch's own labels for a reading-ease score.

    >>> _band(65.0), _band(25.0)
    ('standard', 'very difficult')
    """
    for floor, label in ((90, "very easy"), (80, "easy"), (70, "fairly easy"), (60, "standard"),
                         (50, "fairly difficult"), (30, "difficult")):
        if ease >= floor:
            return label
    return "very difficult"


@dataclass(frozen=True, slots=True)
class Readability:
    """Flesch reading ease (higher is easier) and Flesch-Kincaid grade of a text, with its counts."""

    reading_ease: float
    grade: float
    words: int = 0
    sentences: int = 0

    @property
    def band(self) -> str:
        """Flesch's label for the reading ease ("standard", "very difficult", ...)."""
        return _band(self.reading_ease)

    @classmethod
    def of(cls, text: str) -> Readability:
        """Measure ``text``; an empty text measures 0, 0 (the last few texts measured are kept:
        a document of one paragraph is measured by RK753 and again for its summary)."""
        return _measure(text)


@lru_cache(maxsize=16)
def _measure(text: str) -> Readability:
    words = _WORD_RE.findall(text)
    if not words:
        return Readability(0.0, 0.0)
    sentences = max(1, sum(1 for m in _SENTENCE_END_RE.finditer(text.strip()) if m.start() > 0))
    per_sentence = len(words) / sentences
    per_word = sum(syllables(w) * n for w, n in Counter(words).items()) / len(words)  # each distinct word once
    ease = 206.835 - 1.015 * per_sentence - 84.6 * per_word
    grade = 0.39 * per_sentence + 11.8 * per_word - 15.59
    return Readability(round(ease, 1), round(grade, 1), len(words), sentences)


def summary(text: str) -> dict[str, Any]:
    """The readability part of a document's summary in the JSON contract.

    Words always; sentences, reading ease, grade and band for texts of 30 words or more
    (``None`` below that).
    """
    r = Readability.of(text)  # its word count is the same findall's
    if r.words < SUMMARY_MIN_WORDS:
        return {"words": r.words, "sentences": None, "reading_ease": None, "grade": None, "band": None}
    return {"words": r.words, "sentences": r.sentences, "reading_ease": r.reading_ease, "grade": r.grade,
            "band": r.band}

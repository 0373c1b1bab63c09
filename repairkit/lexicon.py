"""A general English lexicon: word frequencies from wordfreq (shipped offline).

Zipf frequency is log10 of occurrences per billion words: 6 is "the"-common, 3 is a
word seen once per million words, 0 means unknown.

>>> zipf("cooperation") > 4 > zipf("citiesjointly")
True
>>> is_word("payout"), is_word("monthonmonth")
(True, False)
"""

from __future__ import annotations

import gzip
import importlib.util
import math
import re
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from itertools import repeat
from pathlib import Path

from repairkit.analysis.wordtable import SortedWords, cached

#: A word at or above this Zipf frequency counts as a real, common word.
COMMON_ZIPF = 3.0
#: At or above this, a string is at least a known (if rare) word.
KNOWN_ZIPF = 1.0
#: Longer letter runs are not cut into words (a URL slug, a chemical name).
MAX_SEGMENTED_LENGTH = 40


#: Words that wordfreq's tokeniser keeps as one token, its own lower-case form: ASCII letters,
#: at most one inner apostrophe, and not 1-2 letters + apostrophe + vowel or "h" (it splits
#: "d'arc"). :func:`zipf` looks these up in the table of :func:`frequency_dict` and hands the rest to wordfreq.
_ONE_TOKEN_RE = re.compile(r"[A-Za-z]+\Z|[A-Za-z]{3,}'[A-Za-z]+\Z|[A-Za-z]{1,2}'[b-df-gj-np-tv-xzB-DF-GJ-NP-TV-XZ][A-Za-z]*\Z")


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Zipf frequency of ``word`` in English (case-insensitive; 0.0 when unknown), as wordfreq's
    ``zipf_frequency(word, "en")`` gives it (``tests/test_lexicon.py`` compares the two).

    >>> zipf("Station") == zipf("station") > 4, zipf("stationjointly"), zipf("don't") > 5
    (True, 0.0, True)
    """
    if _ONE_TOKEN_RE.match(word):
        freq = _get(word.lower())
        return _rounded_zipf(freq) if freq else 0.0
    from wordfreq import zipf_frequency  # digits, other scripts, several tokens: wordfreq's own rules

    return float(zipf_frequency(word, "en"))


@cache
def _rounded_zipf(freq: float) -> float:
    """wordfreq's ``zipf_frequency`` of a one-token word of frequency ``freq``, step by step:
    the frequency rounded to 3 significant digits, its Zipf value to 2 decimals."""
    freq = 1.0 / (0.0 + 1.0 / freq)  # wordfreq combines the tokens' frequencies so, even for one
    freq = max(freq, 1e-9)  # its minimum: Zipf 0
    freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(math.log(freq, 10) + 9, 2)


def is_word(word: str, min_zipf: float = KNOWN_ZIPF) -> bool:
    """True when ``word`` is an English word at least as frequent as ``min_zipf``."""
    return zipf(word) >= min_zipf


def is_common(word: str) -> bool:
    """True when ``word`` is a common English word (Zipf >= :data:`COMMON_ZIPF`)."""
    return zipf(word) >= COMMON_ZIPF


def _wordfreq_file() -> Path | None:
    """The English list wordfreq ships (``large_en.msgpack.gz``), or ``None`` if it has none."""
    spec = importlib.util.find_spec("wordfreq")
    folder = Path(next(iter(spec.submodule_search_locations or ()))) if spec else None
    path = folder / "data" / "large_en.msgpack.gz" if folder else None
    return path if path is not None and path.is_file() else None


def _read_wordfreq(path: Path) -> dict[str, int]:
    """word -> centibels (its frequency is ``10 ** (-centibels / 100)``) from wordfreq's file,
    its documented "cBpack" format: a header, then one list of words per centibel of frequency;
    a word in two lists keeps the last, as wordfreq's own loop does."""
    import msgpack  # a dependency of wordfreq

    header, *buckets = msgpack.unpackb(gzip.decompress(path.read_bytes()), raw=False, use_list=False)
    if header.get("format") != "cB":
        raise RuntimeError(f"wordfreq's English list has an unknown format: {header!r}")
    centibels: dict[str, int] = {}
    for cb, bucket in enumerate(buckets):
        centibels.update(zip(bucket, repeat(cb)))
    return centibels


class _Frequencies:
    """wordfreq's English table behind a dict-like ``get``: lookups bisect a
    :class:`~repairkit.analysis.wordtable.SortedWords` read from the cache (a millisecond to
    load), each word found once; past :data:`PROMOTE_AFTER` distinct words (a long document)
    the full dict is built, as a dict lookup is then cheaper than a bisection."""

    PROMOTE_AFTER = 8_000

    def __init__(self, table: SortedWords, on_full: Callable[[dict[str, float]], None] | None = None) -> None:
        self._table = table
        self._seen: dict[str, float | None] = {}
        self._full: dict[str, float] | None = None
        self._on_full = on_full

    def get(self, word: str) -> float | None:
        full = self._full
        if full is not None:
            return full.get(word)
        seen = self._seen
        try:
            return seen[word]
        except KeyError:
            pass
        cb = self._table.value(word)
        freq = seen[word] = None if cb is None else 10 ** (-cb / 100)  # as wordfreq computes it
        if len(seen) > self.PROMOTE_AFTER:
            self.full()
        return freq

    def full(self) -> dict[str, float]:
        """The whole table as a dict (built once)."""
        if self._full is None:
            values = self._table.values()
            assert values is not None
            of_cb = [10 ** (-cb / 100) for cb in range(max(values, default=0) + 1)]
            self._full = dict(zip(self._table.words(), map(of_cb.__getitem__, values)))
            self._seen = {}
            if self._on_full is not None:
                self._on_full(self._full)
        return self._full


@cache
def _frequencies() -> _Frequencies | dict[str, float]:
    """The lookup behind :func:`zipf` and :func:`fast_zipf`."""
    path = _wordfreq_file()
    if path is None:  # wordfreq without its file (another layout): its own loader
        from wordfreq import get_frequency_dict

        fallback: dict[str, float] = get_frequency_dict("en", "best")
        return fallback
    table = cached("wordfreq-en", [path], lambda: SortedWords.build(_read_wordfreq(path)),
                   SortedWords.to_bytes, SortedWords.from_bytes)
    return _Frequencies(table, on_full=_use_dict)


def _first_get(word: str) -> float | None:
    """Load the table on the first lookup, then look up through it directly."""
    global _get
    _get = _frequencies().get
    return _get(word)


def _use_dict(full: dict[str, float]) -> None:
    """Once the full dict is built, :func:`fast_zipf` reads it without a method in between."""
    global _get
    _get = full.get


#: word (lower case) -> frequency or ``None``: the fastest lookup available so far.
_get: Callable[[str], float | None] = _first_get


def frequency_dict() -> dict[str, float]:
    """The English word -> frequency table of wordfreq, as a dict (built once; its words in the
    order of their UTF-8 bytes, not wordfreq's order of frequency).

    It is the table of wordfreq's ``get_frequency_dict("en", "best")``, read from the file
    wordfreq ships (``large_en.msgpack.gz``) without importing wordfreq, whose import
    (langcodes, its tokeniser) and per-word loop cost about 0.3 s of every start. Lookups do
    not need it: :func:`fast_zipf` bisects the cached sorted table until a document has asked
    for thousands of words.
    """
    table = _frequencies()
    return table.full() if isinstance(table, _Frequencies) else table


def fast_zipf(word: str) -> float:
    """Zipf frequency by a table lookup; unlike :func:`zipf` it does not tokenise ``word``.

    Use it for single letter-only words in hot loops.

    >>> fast_zipf("station") > 4 > fast_zipf("stationjointly")
    True
    """
    freq = _get(word.lower())
    return math.log10(freq) + 9.0 if freq else 0.0


def any_common(words: Iterable[str]) -> bool:
    """``any(fast_zipf(w) >= COMMON_ZIPF for w in words)`` for lower-case ``words``.

    Once the full table is built (a long document), the common words are one set and the
    question is a set intersection in C: :func:`~repairkit.analysis.glued.compounds.misspelling_of_common_word`
    asks it of ~600 one-letter edits per unknown token.

    >>> any_common(["zzqx", "house"]), any_common(["zzqx"])
    (True, False)
    """
    if not isinstance(getattr(_get, "__self__", None), dict):  # still bisecting: word by word
        return any(fast_zipf(w) >= COMMON_ZIPF for w in words)
    return not _common_set().isdisjoint(words)


@cache
def _common_set() -> frozenset[str]:
    """The words :func:`fast_zipf` rates at least :data:`COMMON_ZIPF` (the same arithmetic)."""
    return frozenset(w for w, freq in frequency_dict().items() if math.log10(freq) + 9.0 >= COMMON_ZIPF)


def splits(word: str, min_zipf: float = COMMON_ZIPF, min_len: int = 2) -> list[tuple[str, str]]:
    """Every cut of ``word`` into two words of at least ``min_len`` letters reaching ``min_zipf``.

    Case is kept in the parts; the most frequent pair (by its rarer part) comes first.

    >>> splits("companiesjointly")
    [('companies', 'jointly')]
    >>> splits("zzzqqq")
    []
    """
    if len(word) > MAX_SEGMENTED_LENGTH:
        return []
    found = []
    for cut in range(min_len, len(word) - min_len + 1):
        left, right = word[:cut], word[cut:]
        weakest = min(fast_zipf(left), fast_zipf(right))
        if weakest >= min_zipf:
            found.append((weakest, left, right))
    return [(left, right) for _, left, right in sorted(found, key=lambda f: -f[0])]

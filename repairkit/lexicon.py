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
from functools import cache, lru_cache
from itertools import repeat
from pathlib import Path

#: A word at or above this Zipf frequency counts as a real, common word.
COMMON_ZIPF = 3.0
#: At or above this, a string is at least a known (if rare) word.
KNOWN_ZIPF = 1.0
#: Longer letter runs are not cut into words (a URL slug, a chemical name).
MAX_SEGMENTED_LENGTH = 40


#: Words that wordfreq's tokeniser keeps as one token, its own lower-case form: ASCII letters,
#: at most one inner apostrophe, and not 1-2 letters + apostrophe + vowel or "h" (it splits
#: "d'arc"). :func:`zipf` looks these up in :func:`frequency_dict` and hands the rest to wordfreq.
_ONE_TOKEN_RE = re.compile(r"[A-Za-z]+\Z|[A-Za-z]{3,}'[A-Za-z]+\Z|[A-Za-z]{1,2}'[b-df-gj-np-tv-xzB-DF-GJ-NP-TV-XZ][A-Za-z]*\Z")


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Zipf frequency of ``word`` in English (case-insensitive; 0.0 when unknown), as wordfreq's
    ``zipf_frequency(word, "en")`` gives it (``tests/test_lexicon.py`` compares the two).

    >>> zipf("Station") == zipf("station") > 4, zipf("stationjointly"), zipf("don't") > 5
    (True, 0.0, True)
    """
    if _ONE_TOKEN_RE.match(word):
        freq = frequency_dict().get(word.lower())
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


@cache
def frequency_dict() -> dict[str, float]:
    """The English word -> frequency table of wordfreq, loaded once (plain dict lookups are fast).

    It is the table of wordfreq's ``get_frequency_dict("en", "best")``, read from the file
    wordfreq ships (``large_en.msgpack.gz``, its documented "cBpack" format: a header, then
    one list of words per centibel of frequency) without importing wordfreq, whose import
    (langcodes, its tokeniser) and per-word loop cost about 0.3 s of every start; this takes
    about 0.1 s.
    """
    import msgpack  # a dependency of wordfreq

    spec = importlib.util.find_spec("wordfreq")
    folder = Path(next(iter(spec.submodule_search_locations or ()))) if spec else None
    if folder is None or not (folder / "data" / "large_en.msgpack.gz").is_file():
        from wordfreq import get_frequency_dict

        fallback: dict[str, float] = get_frequency_dict("en", "best")
        return fallback
    header, *buckets = msgpack.unpackb(gzip.decompress((folder / "data" / "large_en.msgpack.gz").read_bytes()),
                                       raw=False, use_list=False)
    if header.get("format") != "cB":
        raise RuntimeError(f"wordfreq's English list has an unknown format: {header!r}")
    table: dict[str, float] = {}
    for centibels, bucket in enumerate(buckets):  # as wordfreq's own loop: 10 ** (cB / 100), the last bucket wins
        table.update(zip(bucket, repeat(10 ** (-centibels / 100))))
    return table


def fast_zipf(word: str) -> float:
    """Zipf frequency by a dict lookup; unlike :func:`zipf` it does not tokenise ``word``.

    Use it for single letter-only words in hot loops.

    >>> fast_zipf("station") > 4 > fast_zipf("stationjointly")
    True
    """
    freq = frequency_dict().get(word.lower())
    return math.log10(freq) + 9.0 if freq else 0.0


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

"""A general English lexicon: word frequencies from wordfreq (shipped offline).

Zipf frequency is log10 of occurrences per billion words: 6 is "the"-common, 3 is a
word seen once per million words, 0 means unknown.

>>> zipf("cooperation") > 4 > zipf("citiesjointly")
True
>>> is_word("payout"), is_word("monthonmonth")
(True, False)
"""

from __future__ import annotations

import math
from functools import cache, lru_cache

#: A word at or above this Zipf frequency counts as a real, common word.
COMMON_ZIPF = 3.0
#: At or above this, a string is at least a known (if rare) word.
KNOWN_ZIPF = 1.0
#: Longer letter runs are not cut into words (a URL slug, a chemical name).
MAX_SEGMENTED_LENGTH = 40


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Zipf frequency of ``word`` in English (case-insensitive; 0.0 when unknown)."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


def is_word(word: str, min_zipf: float = KNOWN_ZIPF) -> bool:
    """True when ``word`` is an English word at least as frequent as ``min_zipf``."""
    return zipf(word) >= min_zipf


def is_common(word: str) -> bool:
    """True when ``word`` is a common English word (Zipf >= :data:`COMMON_ZIPF`)."""
    return zipf(word) >= COMMON_ZIPF


@cache
def frequency_dict() -> dict[str, float]:
    """The English word -> frequency table of wordfreq, loaded once (plain dict lookups are fast)."""
    from wordfreq import get_frequency_dict

    # The same call as wordfreq's own lookups ("en", "best"), so its cache builds the table once
    # per process for both (positional arguments are part of an lru_cache key).
    table: dict[str, float] = get_frequency_dict("en", "best")
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

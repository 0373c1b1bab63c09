"""A general English lexicon: word frequencies from wordfreq (shipped offline).

Zipf frequency is log10 of occurrences per billion words: 6 is "the"-common, 3 is a
word seen once per million words, 0 means unknown.

>>> zipf("cooperation") > 4 > zipf("countriesjointly")
True
>>> is_word("payout"), is_word("yearonyear")
(True, False)
"""

from __future__ import annotations

from functools import lru_cache

#: A word at or above this Zipf frequency counts as a real, common word.
COMMON_ZIPF = 3.0
#: At or above this, a string is at least a known (if rare) word.
KNOWN_ZIPF = 1.0


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

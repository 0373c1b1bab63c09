"""The lexicon reads wordfreq's English table itself (without importing wordfreq at start-up):
its table and its Zipf values must be wordfreq's own."""

from __future__ import annotations

import random

import pytest
from wordfreq import get_frequency_dict, zipf_frequency

from repairkit import lexicon


def test_frequency_dict_is_wordfreqs_table() -> None:
    ours = lexicon.frequency_dict()
    theirs = get_frequency_dict("en", "best")
    assert len(ours) == len(theirs) > 100_000
    assert ours == theirs


def _sample_words() -> list[str]:
    words = list(lexicon.frequency_dict())[::97]
    rng = random.Random(10)
    made = ["".join(rng.choice("abcdehiklnostuy'") for _ in range(rng.randint(1, 8))) for _ in range(3000)]
    return (words + [w.capitalize() for w in words[::3]] + [w.upper() for w in words[::5]]
            + [w + "'s" for w in words[::4]] + [w + "s'" for w in words[::9]] + made
            + ["d'arc", "l'heure", "qu'un", "o'neill", "won't", "rock'n'roll", "café", "3rd", "covid-19",
               "new york", "", "'s", "naïve", "Ünited", "x"])


@pytest.mark.parametrize("chunk", range(4))
def test_zipf_is_wordfreqs_zipf_frequency(chunk: int) -> None:
    words = _sample_words()[chunk::4]
    lexicon.zipf.cache_clear()
    wrong = [(w, lexicon.zipf(w), zipf_frequency(w, "en")) for w in words if lexicon.zipf(w) != zipf_frequency(w, "en")]
    assert not wrong, wrong[:10]


def test_fast_path_words_do_not_import_wordfreqs_tokeniser() -> None:
    # one-token words are looked up directly; the others go to wordfreq (their rules differ)
    assert lexicon._ONE_TOKEN_RE.match("station") and lexicon._ONE_TOKEN_RE.match("o'neill")
    assert not lexicon._ONE_TOKEN_RE.match("d'arc") and not lexicon._ONE_TOKEN_RE.match("covid19")

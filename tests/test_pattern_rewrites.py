"""Faster forms of whole-text searches find exactly what the plain search finds: the digit windows
of the money and percent patterns, and the quotation reading's sentence splitter."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from repairkit.analysis.digits import DIGIT_REACH_BEFORE, digit_windows, finditer_near_digits
from repairkit.analysis.speech import _sentences
from repairkit.detectors import symbols

PATTERNS = [symbols._MONEY_RE, symbols._CONVERTED_BARE_RE, symbols._PERCENT_CHANGE_RE, *symbols._PERCENT_SHAPES_RE]
TOKENS = ["rose", "fell", "by", "even", "further", "sharply", "paid", "worth", "price of", "growth", "of",
          "more than", "up", "down", "a", "rise", "higher", "than", "to", "in", "last", "euros", "$", "£",
          "(", ")", ";", ",", ".", "%", "4", "12.5", "1,200", "2005", "bn", "m", "million", "the", "x" * 70]
SEPARATORS = [" ", " ", " ", "", "  ", "\n", "\n\n", " " * 90]


def _key(matches):
    return [(m.span(), m.groups()) for m in matches]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(TOKENS), st.sampled_from(SEPARATORS)), max_size=80))
def test_the_same_matches_as_the_whole_text(pieces):
    text = "".join(t + s for t, s in pieces)
    for pattern in PATTERNS:
        assert _key(finditer_near_digits(pattern, text)) == _key(pattern.finditer(text))


def test_far_from_digits_nothing_is_searched():
    text = "words " * 500 + "sales rose 4 to 5" + " words" * 500
    (lo, hi), = digit_windows(text)
    assert lo == text.index("4") - DIGIT_REACH_BEFORE and hi < len(text) // 2 + 200
    assert [m.group(2) for m in finditer_near_digits(symbols._PERCENT_CHANGE_RE, text)] == ["4"]


def test_a_match_its_window_invents_falls_back_to_the_whole_text():
    # a look-ahead that reads past the window (outside the contract): the window alone would match
    pattern = re.compile(r"\d(?![ y]*z)")
    text = "4 " + "y " * 75 + "z"
    (lo, hi), = digit_windows(text)
    assert hi < len(text) and pattern.search(text, lo, hi)
    assert _key(finditer_near_digits(pattern, text)) == _key(pattern.finditer(text)) == []


# -- the sentence splitter of the quotation reading, against the lazy pattern it replaces --------

LAZY_SENTENCE_RE = re.compile(r"\S[^.!?]*?(?:[.!?](?=\s+[A-Z]|\s*$)|$)")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aB .!?\n3", max_size=60))
def test_sentences_are_those_of_the_lazy_pattern(text):
    assert _sentences(text) == [m.span() for m in LAZY_SENTENCE_RE.finditer(text)]

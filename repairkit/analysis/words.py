"""Small helpers shared by detector families (tokens, word lists, suggestion builders).

>>> [m.group() for m in WORD_RE.finditer("It's a well-known 3rd-rate test.")]
["It's", 'a', 'well-known', '3rd-rate', 'test']
"""

from __future__ import annotations

import re

from repairkit.model import Span, Suggestion

#: A word: letters/digits with inner apostrophes or hyphens.
WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
#: A run of ASCII letters (the word counts of a profile).
WORD_LETTERS_RE = re.compile(r"[A-Za-z]+")

MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


def unresolved(at: int, note: str) -> Suggestion:
    """A manual suggestion with no value: an editor must supply it (zero-width at ``at``)."""
    return Suggestion.unknown(Span(at, at), note)


def skip_back(text: str, pos: int) -> int:
    """The offset where the spaces and tabs that end right before ``pos`` begin.

    ``text[:skip_back(text, pos)]`` is ``text[:pos].rstrip(" \t")`` without copying the text
    before ``pos`` (a copy per candidate made a one-line article quadratic).

    >>> skip_back("a,  b", 4), skip_back("ab", 1)
    (2, 1)
    """
    while pos > 0 and text[pos - 1] in " \t":
        pos -= 1
    return pos


def char_before(text: str, pos: int) -> str:
    """The character before the spaces and tabs that end at ``pos``, or ``""`` at the start.

    >>> char_before("3 %", 2), char_before("  %", 2)
    ('3', '')
    """
    end = skip_back(text, pos)
    return text[end - 1] if end else ""


def skip_ahead(text: str, pos: int) -> int:
    """The offset after the spaces and tabs that start at ``pos``.

    >>> skip_ahead("a  & b", 1)
    3
    """
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def previous_word(text: str, pos: int) -> str:
    """The word that ends right before ``pos`` (skipping spaces), or ``""``.

    >>> previous_word("In , the", 3)
    'In'
    """
    i = pos
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    j = i
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] in "'’-"):
        j -= 1
    return text[j:i]


def next_word(text: str, pos: int) -> str:
    """The word that starts at ``pos`` after spaces, or ``""``.

    >>> next_word("  million doses", 0)
    'million'
    """
    while pos < len(text) and text[pos] in " \t":  # no slicing: this runs once per candidate
        pos += 1
    m = WORD_RE.match(text, pos)
    return m.group() if m else ""

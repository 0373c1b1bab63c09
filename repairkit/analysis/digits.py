"""Who owns a doubled space in a text that lost its digits: a vanished number comes first.

Stripping a number, a spaced dash or an ``&`` all leave two spaces between words. In a text
whose digits were stripped, most such gaps are vanished numbers, so the dash, symbol and
whitespace rules read here, from the evidence of the rules that ran before them, whether the
text lost its digits and which gaps a number claims. Each fact has one definition, here; the
rules that read it declare the rules it is computed from (:data:`DIGIT_EVIDENCE`,
:data:`NUMBER_RULES`) in their ``reads``. Which family reports a contested gap is settled
after matching by :mod:`repairkit.arbitrate`.

>>> from repairkit.registry import prepared
>>> lost_digits(prepared("Sales rose  to m in . Profit fell  in , it said  the end.", "RK605")[1])
True
>>> lost_digits(prepared("Sales rose 5% to 4m in 2004, it said  the end.", "RK605")[1])
False
"""

from __future__ import annotations

import re
from functools import lru_cache

from repairkit.analysis.profile import DocumentProfile
from repairkit.analysis.spans import SpanIndex

#: Findings of the context-free number rules from which a text counts as having lost its digits.
STRIPPED_AT = 2
#: The context-free missing-number rules whose findings show that a text lost its digits.
DIGIT_EVIDENCE = ("RK101", "RK102", "RK103", "RK104", "RK105")
#: Words from which a text with no digit at all is long enough to have had some.
DIGITLESS_WORDS = 80
#: The rules :func:`claimed_by_numbers` and :func:`number_gap_claims` read (a ``reads`` selector).
NUMBER_RULES = ("missing-number",)
#: A run of two or more spaces or tabs between two non-space characters.
GAP_RE = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
#: A doubled space after a word (not after a full stop, where some writers put two).
_WORD_GAP_RE = re.compile(r"(?<=\w) {2}(?=\w)")


def lost_digits(profile: DocumentProfile) -> bool:
    """True when the text lost its digits: the one definition every family reads.

    The context-free missing-number rules (:data:`DIGIT_EVIDENCE`) find two vanished numbers
    or more; or the text is 80 words or more with no digit at all (:func:`digitless`) and has
    two doubled spaces between words that those rules did not explain: edited news writes
    some figure in digits, and a clean text has almost no doubled space after a word (1 of the
    1,750 corpus articles has one). Tabs do not count (a tab table is layout). Reads
    :data:`DIGIT_EVIDENCE`.

    >>> from repairkit.registry import prepared
    >>> lost_digits(prepared("It rose  to a high. In , the th year.", "RK106")[1])
    True
    >>> lost_digits(prepared("In 2004", "RK106")[1])
    False
    """
    return profile.fact(_lost_digits)


def _lost_digits(profile: DocumentProfile) -> bool:
    spans = [h.span for h in profile.hits_of(DIGIT_EVIDENCE)]
    if len(spans) >= STRIPPED_AT:
        return True
    if not digitless(profile.text):
        return False
    index = SpanIndex(spans)
    gaps = [m.start() + 1 for m in _WORD_GAP_RE.finditer(profile.text)]
    return sum(not index.touches(g) for g in gaps) >= STRIPPED_AT


_DIGIT_RE = re.compile(r"\d")


def has_digit(text: str) -> bool:
    """True when ``text`` holds a decimal digit (what the rules' ``\\d`` matches) anywhere: one search in C.

    >>> has_digit("rose 4%"), has_digit("rose  percent")
    (True, False)
    """
    return _DIGIT_RE.search(text) is not None


#: A pattern read by :func:`finditer_near_digits` starts its matches at most this many characters
#: before a digit of the match ("profits of more than 4", "fell even further by 2") ...
DIGIT_REACH_BEFORE = 64
#: ... and reads (look-aheads included) at most this many characters past the match's last digit,
#: to the end of the word there and of the word after it.
DIGIT_REACH_AFTER = 80
_DIGITS_RE = re.compile(r"\d+")
_WORD_END_RE = re.compile(r"\S*\s*\S*")


@lru_cache(maxsize=2)
def digit_windows(text: str) -> tuple[tuple[int, int], ...]:
    """``[start, end)`` of the stretches of ``text`` within reach of a digit, merged, in order.

    >>> text = "a " * 100 + "rose 4 to the end of it " + "b " * 100
    >>> digit_windows(text) == ((205 - DIGIT_REACH_BEFORE, 206 + DIGIT_REACH_AFTER + 3),)
    True
    """
    windows: list[tuple[int, int]] = []
    for m in _DIGITS_RE.finditer(text):
        lo, hi = max(0, m.start() - DIGIT_REACH_BEFORE), m.end() + DIGIT_REACH_AFTER
        if windows and lo <= windows[-1][1]:
            lo = windows.pop()[0]
        windows.append((lo, hi))
    # each window ends past the word it reaches into and the word after that (a look-ahead
    # such as "\s+\w+" reads whole words)
    return tuple((lo, _WORD_END_RE.match(text, min(hi, len(text))).end()) for lo, hi in windows)


def finditer_near_digits(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))`` for a pattern each of whose matches holds a digit, searched
    only near the digits (:func:`digit_windows`): news has a digit in a fifth of its stretches,
    and a pattern that opens with a list of words tries each of them at every word.

    The pattern must start every match within :data:`DIGIT_REACH_BEFORE` characters before one
    of its digits and read no further than :data:`DIGIT_REACH_AFTER` past the last one. Each
    match is checked against a match at the same place in the whole text; should one differ
    (a window cut short a look-ahead), the whole text is searched instead.

    >>> p = re.compile(r"\\b(?:rose|fell) (\\d+)(?= points| percent)")
    >>> text = "x " * 200 + "It rose 4 points. " + "y " * 300 + "Then it fell 12 percent."
    >>> [m.group(1) for m in finditer_near_digits(p, text)] == [m.group(1) for m in p.finditer(text)] == ["4", "12"]
    True
    """
    found: list[re.Match[str]] = []
    for lo, hi in digit_windows(text):
        for m in pattern.finditer(text, lo, hi):
            whole = pattern.match(text, m.start())
            if whole is None or whole.span() != m.span() or whole.groups() != m.groups():
                return list(pattern.finditer(text))
            found.append(whole)
    return found


def digitless(text: str) -> bool:
    """True for a text of ``DIGITLESS_WORDS`` words or more without a single digit.

    >>> digitless("word " * 80), digitless("word " * 80 + "2004"), digitless("few words")
    (True, False, False)
    """
    return len(text.split()) >= DIGITLESS_WORDS and not any(ch.isdigit() for ch in text)


#: Anything but a letter, a space, a comma or a full stop (what the commonest scrapers keep).
_NOT_SCRAPER_ALPHABET_RE = re.compile(r"[^A-Za-z ,.\s]")


def scraper_alphabet(text: str) -> bool:
    """True for a text of ``DIGITLESS_WORDS`` words or more in letters, spaces, commas and full stops only.

    Such a text lost every other class (digits, apostrophes, quotation marks, colons...) to a
    scraper that kept only ``[A-Za-z ,.]``: no article of the news corpus (1,750) or the
    speeches (737) is written so, undamaged.

    >>> scraper_alphabet("It is what it is, he said. " * 20), scraper_alphabet("It's what it is, he said. " * 20)
    (True, False)
    """
    return len(text.split()) >= DIGITLESS_WORDS and _NOT_SCRAPER_ALPHABET_RE.search(text) is None


def number_gap_claims(profile: DocumentProfile) -> frozenset[int]:
    """Offsets of the doubled spaces a missing-number finding touches (its first space).

    Other families (a lost dash, a lost ``&``) leave a gap alone when its first space is here.
    Reads :data:`NUMBER_RULES`.
    """
    return profile.fact(_number_gap_claims)


def _number_gap_claims(profile: DocumentProfile) -> frozenset[int]:
    index = SpanIndex(h.span for h in profile.category_hits("missing-number"))
    return frozenset(m.start() for m in GAP_RE.finditer(profile.text) if index.touches(m.start() + 1))


def claimed_by_numbers(profile: DocumentProfile, start: int, end: int) -> bool:
    """True when the missing-number family claims the gap ``[start, end)`` as a vanished number."""
    offsets = number_gap_claims(profile)
    return any(i in offsets for i in range(start, end + 1))

"""Who owns a doubled space in a text that lost its digits: a vanished number comes first.

Stripping a number, a spaced dash or an ``&`` all leave two spaces between words. In a text
whose digits were stripped, most such gaps are vanished numbers, so the dash, symbol and
whitespace rules read here, from the evidence of the rules that ran before them, whether a gap
is already explained. Each fact has one definition, here; the rules that read it declare the
rules it is computed from (:data:`NUMBER_RULES`, :data:`GAP_OWNERS`) in their ``reads``.

>>> from repairkit.registry import prepared
>>> digits_stripped(prepared("Sales rose  to m in . Profit fell  in , it said  the end.", "RK605")[1])
True
>>> digits_stripped(prepared("Sales rose 5% to 4m in 2004, it said  the end.", "RK605")[1])
False
"""

from __future__ import annotations

import re

from repairkit.analysis.profile import DocumentProfile
from repairkit.analysis.spans import SpanIndex
from repairkit.model import Span

#: Missing-number findings from which a text that still has digits counts as digit-stripped.
STRIPPED_NUMBERS = 3
#: Words from which a text with no digit at all is long enough to have had some.
DIGITLESS_WORDS = 80
#: The rules :func:`digits_stripped` and :func:`claimed_by_numbers` read (a ``reads`` selector).
NUMBER_RULES = ("missing-number",)
#: The rules whose findings explain a doubled space (:func:`doubled_space_claims`): vanished
#: numbers, a lost ``&`` between names (RK503), a by-line glued on by spaces (RK702).
GAP_OWNERS = ("missing-number", "RK503", "RK702")
#: A run of two or more spaces or tabs between two non-space characters.
GAP_RE = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")


def digits_stripped(profile: DocumentProfile) -> bool:
    """True when digits vanished: several missing-number findings, or one in a longer text with no digit.

    Edited news almost always writes some figure in digits, so a text of 80 words or more
    with no digit at all and a missing-number finding has lost them (a scrape that strips
    every digit). Reads :data:`NUMBER_RULES`.
    """
    return profile.fact(_digits_stripped)


def _digits_stripped(profile: DocumentProfile) -> bool:
    found = len(profile.category_hits("missing-number"))
    return found >= STRIPPED_NUMBERS or (found >= 1 and digitless(profile.text))


def digitless(text: str) -> bool:
    """True for a text of ``DIGITLESS_WORDS`` words or more without a single digit.

    >>> digitless("word " * 80), digitless("word " * 80 + "2004"), digitless("few words")
    (True, False, False)
    """
    return len(text.split()) >= DIGITLESS_WORDS and not any(ch.isdigit() for ch in text)


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


def doubled_space_claims(profile: DocumentProfile) -> SpanIndex:
    """Doubled spaces other rules explain: vanished numbers, a lost '&', by-lines, boilerplate.

    Reads :data:`GAP_OWNERS`; the spans of their findings and of their suggestions, and the
    boilerplate blocks.
    """
    return profile.fact(_doubled_space_claims)


def _doubled_space_claims(profile: DocumentProfile) -> SpanIndex:
    hits = [*profile.category_hits("missing-number"), *profile.hits("RK503"), *profile.hits("RK702")]
    spans = [h.span for h in hits] + [s.span for h in hits for s in h.suggestions]
    spans += [Span(a, b) for a, b in profile.boilerplate]
    return SpanIndex(spans)

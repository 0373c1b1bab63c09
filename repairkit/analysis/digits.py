"""Who owns a doubled space in a text that lost its digits: a vanished number comes first.

Stripping a number, a spaced dash or an ``&`` all leave two spaces between words. In a text
whose digits were stripped, most such gaps are vanished numbers, so the dash and symbol rules
ask here before they claim a gap.

>>> doc = Document.from_text("Sales rose  to m in . Profit fell  in , it said  the end.")
>>> digits_stripped(doc)
True
>>> digits_stripped(Document.from_text("Sales rose 5% to 4m in 2004, it said  the end."))
False
"""

from __future__ import annotations

from repairkit.document import Document
from repairkit.registry import hits_of

#: Missing-number findings from which a text that still has digits counts as digit-stripped.
STRIPPED_NUMBERS = 3
#: Words from which a text with no digit at all is long enough to have had some.
DIGITLESS_WORDS = 80


def digits_stripped(doc: Document) -> bool:
    """True when digits vanished: several missing-number findings, or one in a longer text with no digit.

    Edited news almost always writes some figure in digits, so a text of 80 words or more
    with no digit at all and a missing-number finding has lost them (a scrape that strips
    every digit).
    """
    def compute() -> bool:
        from repairkit.detectors import numbers

        found = 0
        for spec in numbers.DETECTORS:
            for _ in hits_of(doc, spec.run):
                found += 1
                if found >= STRIPPED_NUMBERS:
                    return True
        return found >= 1 and digitless(doc.text)

    return doc.memo("gaps.digits-stripped", compute)


def digitless(text: str) -> bool:
    """True for a text of ``DIGITLESS_WORDS`` words or more without a single digit.

    >>> digitless("word " * 80), digitless("word " * 80 + "2004"), digitless("few words")
    (True, False, False)
    """
    return len(text.split()) >= DIGITLESS_WORDS and not any(ch.isdigit() for ch in text)


def claimed_by_numbers(doc: Document, start: int, end: int) -> bool:
    """True when the missing-number family claims the gap ``[start, end)`` as a vanished number.

    It asks ``numbers.number_gap_claims(doc)`` (offsets of the gaps it claims) when that
    exists; without it nothing is claimed here and the callers' own rules decide.

    >>> claimed_by_numbers(Document.from_text("a  b"), 1, 3) in (True, False)
    True
    """
    from repairkit.detectors import numbers

    claims = getattr(numbers, "number_gap_claims", None)
    if claims is None:
        return False
    offsets = claims(doc)
    return any(i in offsets for i in range(start, end + 1))

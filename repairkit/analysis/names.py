"""Names and the marks between them: the cues that a doubled space between two names lost an ``&``.

Read by the symbol family (which reports the lost ``&``) and the number family (which leaves
such a gap alone), so it lives here rather than in either.

>>> ampersand_cue("accountancy firm Ernst  Young said", 17, "Ernst  Young", "Young")
True
"""

from __future__ import annotations

from repairkit.analysis.words import previous_word

#: Second halves that make an '&' certain: "Smith  Sons", "Goldman Sachs  Co".
PARTNER_WORDS = frozenset("co company sons brothers partners associates".split())
#: Nouns that announce a firm or a duo right before its name ("accountancy firm Ernst  Young").
NAME_CUES = frozenset(
    """firm firms giant giants company companies maker makers broker brokers lender lenders
    auditor auditors bank banks retailer retailers agency agencies consultancy brand brands label
    labels duo partnership rival rivals""".split())

def ampersand_cue(text: str, start: int, pair: str, second: str) -> bool:
    """Evidence that the gap in ``pair`` (two names at ``start``) lost an ``&`` even where digits vanished.

    A partner word ("Smith  Sons"), a firm word before the pair ("firm Ernst  Young"), or
    the same pair again in the text.

    >>> ampersand_cue("The builder Smith  Sons said", 12, "Smith  Sons", "Sons")
    True
    """
    return second.lower() in PARTNER_WORDS or previous_word(text, start).lower() in NAME_CUES or text.count(pair) > 1

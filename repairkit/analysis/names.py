"""Names and the marks between them: the cues that a doubled space between two names lost an ``&``.

Read by the symbol family (which reports the lost ``&``) and the number family (which leaves
such a gap alone), so it lives here rather than in either.

>>> ampersand_cue("accountancy firm Ernst  Young said", 17, "Ernst  Young", "Young")
True
"""

from __future__ import annotations

import re
from functools import lru_cache

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
    first = pair.split()[0]
    return (second.lower() in PARTNER_WORDS or previous_word(text, start).lower() in NAME_CUES
            or text.count(pair) > 1 or bool(acronym_occurrences(text, frozenset({first[0] + second[0]}))))


_SPACED_PAIR_RE = re.compile(r"(?=[A-Z])\b([A-Z][a-z]+)  ([A-Z][a-z]+)\b")
_AND_PHRASE_RE = re.compile(r"\b([A-Za-z])[a-z]+ and ([A-Za-z])[a-z]+ ([A-Z]{2})\b")
_PAIR_ACRONYM_RE = re.compile(r"(?=[A-Z])(?<![\w&])([A-Z])([A-Z])(?![\w&])")


def ampersand_acronyms(text: str) -> frozenset[str]:
    """Two-letter acronyms the text itself spells out as a pair that lost its ``&``.

    "Standard  Poors" (a doubled space where ``&`` went) makes "SP" the acronym "S&P";
    "research and development RD" makes "RD" "R&D". Only pairs the text holds count.

    >>> sorted(ampersand_acronyms("Standard  Poors said SP was wrong; research and development RD rose."))
    ['RD', 'SP']
    >>> ampersand_acronyms("the BA flight and a British Airways plane")
    frozenset()
    """
    found = {a[0] + b[0] for a, b in _SPACED_PAIR_RE.findall(text)}
    found |= {m.group(3) for m in _AND_PHRASE_RE.finditer(text)
              if (m.group(1) + m.group(2)).upper() == m.group(3)}
    present = _pair_acronyms(text)
    return frozenset(a for a in found if a in present)


def acronym_occurrences(text: str, acronyms: frozenset[str]) -> list[tuple[int, int]]:
    """``[start, end)`` of each standalone occurrence of one of ``acronyms``.

    >>> acronym_occurrences("SP said; S&P and SPX", frozenset({"SP"}))
    [(0, 2)]
    """
    index = _pair_acronyms(text)
    spans = [span for a in acronyms for span in index.get(a, ())]
    return sorted(spans) if len(acronyms) > 1 else spans


@lru_cache(maxsize=4)
def _pair_acronyms(text: str) -> dict[str, list[tuple[int, int]]]:
    """Every standalone two-capital acronym of ``text`` -> its ``[start, end)`` spans, in order:
    found in one pass per text (each candidate pair scanning the whole text made a long text
    quadratic: 1.2 MB on one line, 24 pairs, 1.4 s)."""
    index: dict[str, list[tuple[int, int]]] = {}
    for m in _PAIR_ACRONYM_RE.finditer(text):
        index.setdefault(m.group(), []).append((m.start(), m.end()))
    return index

"""Which token vanished from a doubled space: a number or a spaced dash, judged by the words around it.

In a text that lost its digits and its dashes, "rose  in May" and "the deal  which" look
alike: two spaces where a token was. The words around the gap tell them apart
statistically: a number stands before plural nouns and after verbs and prepositions ("axe
quangos", "beat Wales  in"), a spaced dash before clause openers and after nouns ("the
deal  which"). ``data/gap_contexts.tsv`` holds, for each context feature, how often it
stood beside a number and beside a spaced dash in news text (see its header for how it was
made); :func:`number_log_odds` adds the naive-Bayes log-likelihood ratios of a gap's
features. Used by RK106 for the gaps no other reading explains.

>>> gap_features("the club  players in", 8, 10, alone=True)
('prev=club', 'next=players', 'prev2=the', 'next2=in', 'prevclass=word', 'nextclass=s', 'sentence=alone')
>>> number_log_odds(gap_features("will axe  quangos by", 8, 10, alone=True)) > 0
True
>>> number_log_odds(gap_features("the deal  which was", 8, 10, alone=False)) < 0
True
"""

from __future__ import annotations

import math
from functools import cache
from types import MappingProxyType

from repairkit.analysis.number_cues import FUNCTION_WORDS
from repairkit.wordlists import count_pairs

_HEADER = "# repairkit gap contexts, format 1"


def word_feature(token: str) -> str:
    """A context token as a feature value: its letters, lower-cased.

    ``<CAP>`` for a capitalised word that is no function word (names are topical: a table
    counted on one corpus should not know its people), ``<W>`` for a word in another script,
    ``<P>`` for a token with no letters (punctuation, a stripped number's residue), ``<E>`` for
    the edge of the paragraph.

    >>> [word_feature(t) for t in ("world's", "long-term", "(", "", "Blair", "The", "что")]
    ['worlds', 'longterm', '<P>', '<E>', '<CAP>', 'the', '<W>']
    """
    if not token:
        return "<E>"
    letters = "".join(c for c in token if c.isalpha())
    if not letters:
        return "<P>"
    if not letters.isascii():
        return "<W>"
    lowered = letters.lower()
    if letters[0].isupper() and lowered not in FUNCTION_WORDS:
        return "<CAP>"
    return lowered


def word_class(token: str) -> str:
    """The class of a context token: ``cap``, ``function``, an ending (``s``, ``ed``, ``ing``, ``ly``),
    ``word`` or ``none``; a comma after the token is kept (``word,``).

    >>> word_class("Wales"), word_class("players"), word_class("which"), word_class("deal,")
    ('cap', 's', 'function', 'word,')
    """
    letters = word_feature(token)
    comma = "," if token.rstrip("\"'’”)]").endswith(",") else ""
    if letters in ("<P>", "<E>", "<W>"):
        return "none"
    if letters == "<CAP>" or token.lstrip("\"'‘“([")[:1].isupper():
        return "cap" + comma
    if letters in FUNCTION_WORDS:
        return "function" + comma
    for ending in ("ing", "ed", "ly", "s"):
        if letters.endswith(ending) and len(letters) > len(ending) + 2:
            return ending + comma
    return "word" + comma


def features(prev2: str, prev: str, nxt: str, nxt2: str, alone: bool) -> tuple[str, ...]:
    """The features of a vanished token from the raw tokens around it (``""`` at an edge).

    >>> features("the", "deal,", "which", "was", alone=False)[:4]
    ('prev=deal', 'next=which', 'prev2=the', 'next2=was')
    """
    return (f"prev={word_feature(prev)}", f"next={word_feature(nxt)}",
            f"prev2={word_feature(prev2)}", f"next2={word_feature(nxt2)}",
            f"prevclass={word_class(prev)}", f"nextclass={word_class(nxt)}",
            f"sentence={'alone' if alone else 'shared'}")


def gap_features(text: str, start: int, end: int, alone: bool) -> tuple[str, ...]:
    """The features of the gap ``text[start:end]``; ``alone``: no other gap in its sentence.

    The words are read within the paragraph (a line break is an edge), as they were counted.
    """
    before = text[max(0, start - 80):start].rsplit("\n", 1)[-1].split()
    after = text[end:end + 80].split("\n", 1)[0].split()
    return features(before[-2] if len(before) > 1 else "", before[-1] if before else "",
                    after[0] if after else "", after[1] if len(after) > 1 else "", alone)


@cache
def context_counts() -> MappingProxyType[str, tuple[int, int]]:
    """Feature -> (count beside a number, count beside a spaced dash), from ``data/gap_contexts.tsv``.

    >>> num, dash = context_counts()["next=which"]
    >>> dash > num
    True
    """
    table = count_pairs("gap_contexts.tsv", _HEADER)
    return MappingProxyType(table)


@cache
def _totals() -> tuple[int, int]:
    """How many numbers and spaced dashes the table was counted from (the rows of one kind)."""
    rows = [v for k, v in context_counts().items() if k.startswith("sentence=")]
    return sum(n for n, _ in rows), sum(d for _, d in rows)


def number_log_odds(feats: tuple[str, ...]) -> float:
    """Natural log of P(features | a number vanished) / P(features | a dash vanished), add-one smoothed.

    A word too rare to have a row of its own adds nothing: a rare word stands beside a dash
    more often than beside a number in news text, but the gaps left for this model are those
    whose common-word contexts other readings claimed, so rarity is no evidence here.
    """
    table = context_counts()
    num_total, dash_total = _totals()
    score = 0.0
    for feat in feats:
        row = table.get(feat)
        if row is None:
            continue
        score += math.log((row[0] + 1) / num_total) - math.log((row[1] + 1) / dash_total)
    return score

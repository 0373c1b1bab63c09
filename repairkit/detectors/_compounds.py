"""Evidence about compounds: attested hyphenated forms, compound heads, function words.

Every answer here comes from a shipped word list (``repairkit/data``) or the general
lexicon, never from the text under examination.

>>> attested_form("YearOnYear"), attested_form("31yearold"), attested_form("payout")
('Year-On-Year', '31-year-old', None)
>>> reads_as_compound("price", "fixing"), reads_as_compound("has", "been")
(True, False)
"""

from __future__ import annotations

import re
from functools import cache

from repairkit.lexicon import COMMON_ZIPF, fast_zipf
from repairkit.wordlists import load

#: A word ending this many attested two-word compounds is a compound head ("based", "style").
COMPOUND_HEAD_MIN = 4
#: Shorter heads and participles are too often the tail of a longer word ("led", "ring").
MIN_HEAD_LENGTH = 4
MIN_PARTICIPLE_LENGTH = 5
#: Outer words of a compound must be at least this frequent (a misspelling splits into rare ones).
CONTENT_ZIPF = 4.0


@cache
def compounds_by_closed_form() -> dict[str, str]:
    """Attested hyphenated compounds keyed by their letters run together: ``"yearonyear"``."""
    return {c.replace("-", ""): c for c in load("hyphenated_compounds")}


def restore_hyphens(token: str, compound: str) -> str:
    """Put the hyphens of ``compound`` back into ``token``, keeping its case and digits.

    >>> restore_hyphens("AsiaPacific", "asia-pacific")
    'Asia-Pacific'
    """
    out, i = [], 0
    for part in compound.split("-"):
        j = i + len(part)
        if part == "0":  # a digit run of any length
            j = i
            while j < len(token) and token[j].isdigit():
                j += 1
        out.append(token[i:j])
        i = j
    return "-".join(out)


def attested_form(token: str) -> str | None:
    """``token`` with the hyphens of the attested compound it spells, or ``None``."""
    compound = compounds_by_closed_form().get(re.sub(r"\d+", "0", token.lower()))
    return restore_hyphens(token, compound) if compound else None


def is_function_word(word: str) -> bool:
    """True for an article, pronoun, preposition, auxiliary or conjunction."""
    return word.lower() in load("function_words")


def is_closing_particle(word: str) -> bool:
    """True for a particle that forms closed compounds ("out" in "outlive")."""
    return word.lower() in load("closing_particles")


def is_prefix(word: str) -> bool:
    """True for a productive prefix usually joined by a hyphen ("anti", "post")."""
    return word.lower() in load("hyphen_prefixes")


def plausible_part(word: str) -> bool:
    """A part of a split: three letters or more, or a short function word ("in", "to")."""
    return len(word) >= 3 or is_function_word(word)


@cache
def compound_heads() -> frozenset[str]:
    """Content words that end many attested two-word compounds ("based", "style")."""
    counts: dict[str, int] = {}
    for compound in load("hyphenated_compounds"):
        parts = compound.split("-")
        if len(parts) == 2 and parts[0].isalpha():
            counts[parts[1]] = counts.get(parts[1], 0) + 1
    return frozenset(w for w, n in counts.items()
                     if n >= COMPOUND_HEAD_MIN and len(w) >= MIN_HEAD_LENGTH and not is_function_word(w))


def is_head(word: str) -> bool:
    """True when ``word`` usually ends a hyphenated compound: a head or a participle."""
    w = word.lower()
    participle = len(w) >= MIN_PARTICIPLE_LENGTH and w.endswith(("ed", "ing")) and fast_zipf(w) >= COMMON_ZIPF
    return w in compound_heads() or participle


def reads_as_compound(left: str, right: str) -> bool:
    """True when two content words joined read as a compound modifier ("gasguzzling")."""
    if is_function_word(left) or is_function_word(right) or fast_zipf(left) < CONTENT_ZIPF:
        return False
    return is_head(right) and not left.lower().endswith(("ed", "ing", "ly"))


def phrase_compound(token: str) -> tuple[str, str, str] | None:
    """A three-part compound with a function word inside: "daytoday" -> day, to, day.

    Outer parts are frequent content words of 3+ letters, the middle a function word of
    2+ letters; the first such cut wins.
    """
    lowered = token.lower()
    for i in range(3, len(token) - 4):
        if fast_zipf(lowered[:i]) < CONTENT_ZIPF or is_function_word(lowered[:i]):
            continue
        for j in range(i + 2, min(i + 5, len(token) - 2)):
            middle, last = lowered[i:j], lowered[j:]
            if is_function_word(middle) and fast_zipf(last) >= CONTENT_ZIPF and not is_function_word(last):
                return token[:i], token[i:j], token[j:]
    return None

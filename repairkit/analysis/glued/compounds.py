"""Evidence about compounds: attested hyphenated forms, compound heads, function words.

Every answer here comes from a shipped word list (``repairkit/data``) or the general
lexicon, never from the text under examination.

>>> attested_form("MonthOnMonth"), attested_form("31yearold"), attested_form("payout")
('Month-On-Month', '31-year-old', None)
>>> reads_as_compound("price", "fixing"), reads_as_compound("has", "been")
(True, False)
"""

from __future__ import annotations

import re
from functools import cache

from repairkit.lexicon import COMMON_ZIPF, any_common, fast_zipf
from repairkit.wordlists import load

#: A word ending this many attested two-word compounds is a compound head ("based", "style").
COMPOUND_HEAD_MIN = 4
#: Shorter heads and participles are too often the tail of a longer word ("led", "ring").
MIN_HEAD_LENGTH = 3
MIN_PARTICIPLE_LENGTH = 5
#: Outer words of a compound must be at least this frequent (a misspelling splits into rare ones).
CONTENT_ZIPF = 4.0
STRONG_ZIPF = 3.5
#: A stem this frequent is a known closed word, so its inflections are too.
KNOWN_STEM_ZIPF = 2.0
#: (suffix, replacement) pairs that undo an inflection.
MAX_PHRASE_LENGTH = 30
#: "jointly" (joint + ly), not "daily" or "early".
MIN_ADVERB_LENGTH = 6
MAX_PHRASE_PARTS = 6
INFLECTIONS = (("ies", "y"), ("es", ""), ("s", ""), ("men", "man"), ("women", "woman"), ("ed", ""),
               ("ed", "e"), ("ing", ""), ("ing", "e"), ("er", ""), ("ers", ""))


@cache
def compounds_by_closed_form() -> dict[str, str]:
    """Attested hyphenated compounds keyed by their letters run together: ``"monthonmonth"``."""
    return {c.replace("-", ""): c for c in load("hyphenated_compounds")}


def restore_hyphens(token: str, compound: str) -> str:
    """Put the hyphens of ``compound`` back into ``token``, keeping its case and digits.

    >>> restore_hyphens("AngloDutch", "anglo-dutch")
    'Anglo-Dutch'
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


def is_phrase_word(word: str) -> bool:
    """True for a function word or another word that opens a phrase and ends no compound ("many", "upon").

    >>> is_phrase_word("many"), is_phrase_word("the"), is_phrase_word("based")
    (True, True, False)
    """
    lowered = word.lower()
    return lowered in load("function_words") or lowered in load("phrase_words")


def is_closing_particle(word: str) -> bool:
    """True for a particle that forms closed compounds ("out" in "outlive")."""
    return word.lower() in load("closing_particles")


def is_prefix(word: str) -> bool:
    """True for a productive prefix usually joined by a hyphen ("anti", "post")."""
    return word.lower() in load("hyphen_prefixes")


def plausible_part(word: str) -> bool:
    """A part of a split: three letters or more, or a short function word ("in", "to")."""
    return len(word) >= 3 or is_function_word(word)


def plausible_cut(left: str, right: str) -> bool:
    """Both parts plausible and the right one not a suffix ("mount"+"able" is one word).

    A short prefix may stand first ("co" + "writer").
    """
    left_ok = plausible_part(left) or is_prefix(left)
    return left_ok and plausible_part(right) and right.lower() not in load("word_suffixes")


def is_number_word(word: str) -> bool:
    """True for "one" ... "ninety" (the words that start "two-year", "one-quarter")."""
    return word.lower() in load("number_words")


def is_combining_form(word: str) -> bool:
    """True for "Anglo", "Sino", "Franco": forms joined to a name by a hyphen."""
    return word.lower() in load("combining_forms")


def is_demonym(word: str) -> bool:
    """True for a nationality or regional adjective: "African", "Dutch", "Israeli"."""
    return word.lower() in load("demonyms")


def attested_with_number_word(token: str) -> str | None:
    """``token`` hyphenated like an attested "0-..." compound when it starts with a number word.

    >>> attested_with_number_word("Nineteenyearold")
    'Nineteen-year-old'
    """
    lowered = token.lower()
    for cut in range(3, min(len(token), 10)):
        if is_number_word(lowered[:cut]):
            compound = compounds_by_closed_form().get("0" + lowered[cut:])
            if compound:
                return token[:cut] + "-" + restore_hyphens(token[cut:], compound[2:])
    return None


def strong_word(word: str) -> bool:
    """A content word frequent enough to stand in a compound: not a misspelling's fragment."""
    z = fast_zipf(word)
    return z >= STRONG_ZIPF and (len(word) >= 4 or z >= CONTENT_ZIPF + 0.5)


def inflection_of_known_word(token: str) -> bool:
    """True when ``token`` inflects a known closed word: "shortlists", "conmen", "deckchairs".

    >>> inflection_of_known_word("shortlists"), inflection_of_known_word("monthonmonths")
    (True, False)
    """
    lowered = token.lower()
    stems = [lowered[:-len(suffix)] + tail for suffix, tail in INFLECTIONS if lowered.endswith(suffix)]
    return any(len(stem) > 3 and fast_zipf(stem) >= KNOWN_STEM_ZIPF for stem in stems)


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


def is_modifier_head(word: str) -> bool:
    """True for a word that makes compound modifiers after a noun or name ("led", "friendly").

    >>> is_modifier_head("led"), is_modifier_head("Friendly"), is_modifier_head("house")
    (True, True, False)
    """
    return word.lower() in load("modifier_heads")


def is_head(word: str) -> bool:
    """True when ``word`` usually ends a hyphenated compound: a head or a participle."""
    w = word.lower()
    participle = len(w) >= MIN_PARTICIPLE_LENGTH and w.endswith(("ed", "ing")) and fast_zipf(w) >= COMMON_ZIPF
    return w in compound_heads() or is_modifier_head(w) or participle


def reads_as_compound(left: str, right: str) -> bool:
    """True when two content words joined read as a compound modifier ("gasguzzling")."""
    if is_function_word(left) or is_function_word(right) or fast_zipf(left) < CONTENT_ZIPF:
        return False
    if right.lower() not in compound_heads() and looks_plural(left):
        return False  # "resultsfollowing": a plural noun and a participle are two words
    return is_head(right) and not left.lower().endswith(("ed", "ing", "ly"))


def is_ly_adverb(word: str) -> bool:
    """An adverb in -ly made from a common word ("jointly"), unlike "daily", "only" or "early".

    >>> is_ly_adverb("jointly"), is_ly_adverb("daily")
    (True, False)
    """
    return word.lower().endswith("ly") and len(word) >= MIN_ADVERB_LENGTH and fast_zipf(word[:-2]) >= COMMON_ZIPF


def looks_plural(word: str) -> bool:
    """A regular plural ending: "results" yes, "bus", "glass", "analysis" no.

    >>> looks_plural("results"), looks_plural("glass"), looks_plural("basis")
    (True, False, False)
    """
    return re.search(r"[^siu]s$", word.lower()) is not None


def phrase_compound(token: str, min_zipf: float = CONTENT_ZIPF) -> tuple[str, ...] | None:
    """A phrase of 3-6 words used as a modifier, with a function word in it: "daytoday".

    Parts are function words or content words (Zipf ``min_zipf`` or more); at least one of
    each, and the first and last not both function words. The cut with the fewest parts wins.

    >>> phrase_compound("upandcoming"), phrase_compound("stateoftheart")
    (('up', 'and', 'coming'), ('state', 'of', 'the', 'art'))
    """
    if len(token) > MAX_PHRASE_LENGTH:
        return None
    lowered = token.lower()

    @cache
    def best(start: int, at_least: int) -> tuple[int, ...] | None:
        """End offsets of the shortest cut of ``lowered[start:]`` into ``at_least``+ allowed parts."""
        if start == len(lowered):
            return () if at_least <= 0 else None
        options = []
        for end in range(start + 2, len(lowered) + 1):
            piece = lowered[start:end]
            if is_function_word(piece) or (len(piece) >= 3 and fast_zipf(piece) >= min_zipf):
                rest = best(end, max(0, at_least - 1))
                if rest is not None:
                    options.append((end, *rest))
        # Fewest parts; among those, the most function words ("year on year", not "yea ron year").
        return min(options, key=lambda ends: (len(ends), -function_parts(start, ends))) if options else None

    def function_parts(start: int, ends: tuple[int, ...]) -> int:
        return sum(is_function_word(lowered[a:b]) for a, b in zip((start, *ends[:-1]), ends, strict=True))

    ends = best(0, 3)
    if ends is None or not 3 <= len(ends) <= MAX_PHRASE_PARTS:
        return None
    parts = tuple(token[a:b] for a, b in zip((0, *ends[:-1]), ends, strict=True))
    functions = [is_function_word(p) for p in parts]
    if all(functions) or not any(functions) or (functions[0] and functions[-1]):
        return None
    return parts


LETTERS = "abcdefghijklmnopqrstuvwxyz"
#: Endings a stripped apostrophe leaves on a word: "industrys", "mustnt", "therell".
APOSTROPHE_RESIDUE = ("s", "nt", "ll", "ve", "re", "d")


def misspelling_of_common_word(token: str) -> bool:
    """True when one edit (a letter dropped, added, changed or two swapped) makes a common word.

    A misspelling ("stategist", "beileve") also cuts into words, but it is no compound.

    >>> misspelling_of_common_word("stategist"), misspelling_of_common_word("gasguzzling")
    (True, False)
    """
    w = token.lower()
    edits = {w[:i] + w[i + 1:] for i in range(len(w))}
    edits |= {w[:i] + w[i + 1] + w[i] + w[i + 2:] for i in range(len(w) - 1)}
    edits |= {w[:i] + c + w[i + 1:] for i in range(len(w)) for c in LETTERS}
    edits |= {w[:i] + c + w[i:] for i in range(len(w) + 1) for c in LETTERS}
    edits.discard(w)
    return any_common(edits)


def apostrophe_residue(token: str) -> bool:
    """True when ``token`` is a common word plus what a lost apostrophe leaves: "industrys", "mustnt".

    >>> apostrophe_residue("industrys"), apostrophe_residue("skimask")
    (True, False)
    """
    w = token.lower()
    return any(w.endswith(end) and fast_zipf(w[:-len(end)]) >= COMMON_ZIPF for end in APOSTROPHE_RESIDUE)


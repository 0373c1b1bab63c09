"""Readings of one token: which separator it lost, judged from its shape and the lexicon.

Lower-case and capitalised tokens, camel-case joins, capitals runs and numbers glued to
words each have their own reader; :func:`classify` picks one by the token's shape.

>>> classify("monthonmonth").replacement, classify("companiesjointly").replacement, classify("payout")
('month-on-month', 'companies jointly', None)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from repairkit.analysis.glued.compounds import (
    CONTENT_ZIPF,
    attested_form,
    attested_with_number_word,
    inflection_of_known_word,
    is_closing_particle,
    is_combining_form,
    is_demonym,
    is_function_word,
    is_head,
    is_ly_adverb,
    is_modifier_head,
    is_number_word,
    is_prefix,
    looks_plural,
    phrase_compound,
    plausible_cut,
    reads_as_compound,
    strong_word,
)
from repairkit.analysis.glued.dictionary import in_dictionary
from repairkit.analysis.glued.verdict import (
    AMBIGUOUS_CONFIDENCE,
    LIKELY_CONFIDENCE,
    POSSIBLE_CONFIDENCE,
    SAFE_CONFIDENCE,
    Kind,
    Verdict,
    hyphen_reading,
    space_reading,
)
from repairkit.analysis.words import MONTHS
from repairkit.lexicon import COMMON_ZIPF, KNOWN_ZIPF, fast_zipf, splits
from repairkit.model import Applicability

#: Case boundaries inside a token: "AngloDutch", "EuropeUN", "USbased", "marketYesterday".
CASE_PART_RE = re.compile(r"[A-Z]{2,}(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
#: An acronym run into a lower-case word: "USbased" (not "U" + "Sbased").
ACRONYM_LOWER_RE = re.compile(r"([A-Z]{2,})([a-z]{2,})")
#: Particles that end phrasal nouns ("write-down", "break-in", "lock-up").
PHRASAL_PARTICLES = frozenset("up down off in out on over back".split())
#: "eUniversity" is "e-University"; shorter tails are brand names ("eBay").
E_PREFIXED_MIN_LENGTH = 5
#: Surname particles that start real camel-case names ("McArthur", "DeVito", "MacLeod").
NAME_PARTICLES = frozenset("mc mac de di da du la le van von fitz".split())
#: Prefixes that rarely start a surname or place name (unlike "Long-", "High-", "Co-").
NAME_SAFE_PREFIXES = frozenset("anti non post pre ex self multi cross semi mid ultra counter".split())
STRONG_NAME_PART_ZIPF = 3.5
#: Two capitalised words this frequent glued into an unknown token lost a space ("UnitedStates").
GLUED_CAPITALISED_ZIPF = 4.0
#: In a pair of names one must be this rare: brands join common words ("CinemaNow").
RARE_NAME_ZIPF = 2.5
#: Name particles joined by a hyphen ("al-Rashid").
HYPHENATED_PARTICLES = frozenset("al el".split())
#: Glued tokens at or above this frequency are taken as real spellings ("payout", "database").
REAL_WORD_ZIPF = COMMON_ZIPF
#: Function words that also start real words ("aback", "bemoan", "forgo").
ARCHAIC_PREFIX_WORDS = frozenset("a an be for".split())
#: Function words that most often lose the space before them ("saidin", "goingto").
TRAILING_GLUE_WORDS = frozenset("the of to and in".split())
#: A known token made of a function word and a word is glued below this frequency.
GLUED_PHRASE_ZIPF = 2.5
#: A camel-case token this frequent is a known name ("easyJet", "YouTube").
KNOWN_NAME_ZIPF = 1.5
#: A token glued from a prefix must be rarer than this.
PREFIXED_MAX_ZIPF = 3.0
#: An attested compound's closed form rarer than this is surely a dropped hyphen.
ATTESTED_SAFE_ZIPF = 2.0
#: A number from 21 to 99 in words, or its ordinal, its hyphen lost: "twentyone", "Fortyfour", "thirtyninth".
TENS_UNITS_RE = re.compile(r"(?:twen|thir|for|fif|six|seven|eigh|nine)ty(?:one|two|three|four|five|six|seven|eight|nine"
                           r"|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)")
#: Word pairs written with a slash ("and/or", "his/her"): no lost space.
SLASH_PAIRS = frozenset("andor hisher heshe himher".split())
#: Possessive determiners start brand names ("MySpace", "YourView"), not glued phrases.
POSSESSIVE_DETERMINERS = frozenset("my your our his her its their".split())
#: An acronym's plural or possessive that lost its apostrophe: "MPs", "BBCs".
ACRONYM_PLURAL_RE = re.compile(r"[A-Z]{2,}s")


def _attested_verdict(token: str, glued: float) -> Verdict | None:
    """The attested compound ``token`` spells, unless its closed form is a real word."""
    hyphenated = attested_form(token) or attested_with_number_word(token)
    if not hyphenated or glued >= REAL_WORD_ZIPF:
        return None
    parts = hyphenated.split("-")
    if all(is_function_word(p) for p in parts):
        # "hasbeen": "has-been" exists, but two function words are far more often a phrase.
        return space_reading(token, [(parts[0], "".join(parts[1:]))], sure=False, also=(hyphenated,))
    if glued >= ATTESTED_SAFE_ZIPF:
        return hyphen_reading(token, hyphenated, LIKELY_CONFIDENCE,
                       f"'{hyphenated}' is attested; '{token}' is a rare closed spelling, check the house style.")
    return hyphen_reading(token, hyphenated, SAFE_CONFIDENCE,
                   f"'{hyphenated}' is an attested compound and '{token}' is not a word.")


def _compound_verdict(token: str, left: str, right: str) -> Verdict:
    return hyphen_reading(token, f"{left}-{right}", POSSIBLE_CONFIDENCE,
                   f"'{right}' usually ends a hyphenated compound modifier; it may be two words.",
                   (f"{left} {right}",))


def _prefix_verdict(token: str, left: str, right: str) -> Verdict:
    known = fast_zipf(token) >= ATTESTED_SAFE_ZIPF  # a closed spelling some writers use ("antibacterial")
    return hyphen_reading(token, f"{left}-{right}", POSSIBLE_CONFIDENCE if known else LIKELY_CONFIDENCE,
                   f"'{left}-' is a prefix usually joined by a hyphen; check the house style.")




def _capitalised_verdict(token: str, glued: float) -> Verdict | None:
    """A capitalised run is more often a name ("Greenfield") than glued words.

    Only a compound head after it ("Parisbased") or a function word ("Salesare") counts.
    """
    for cut in range(2, len(token) - 3):
        left, right = token[:cut], token[cut:]
        if left.lower() in NAME_SAFE_PREFIXES and fast_zipf(right) >= STRONG_NAME_PART_ZIPF \
                and glued < PREFIXED_MAX_ZIPF and not inflection_of_known_word(token):
            return _prefix_verdict(token, left, right)  # "Antismoking"
    if glued >= KNOWN_ZIPF:
        return None
    for cut in range(3, len(token) - 2):
        left, right = token[:cut], token[cut:]
        short_ok = len(right) > 3 or is_modifier_head(right)  # "Labourled"; "Greenfield" is no "Greenf"+"ield"
        if short_ok and is_head(right) and fast_zipf(right) >= COMMON_ZIPF and not is_function_word(left):
            return _compound_verdict(token, left, right)
    cuts = [(a, b) for a, b in splits(token) if len(a) >= 4 and is_function_word(b)
            and (len(b) >= 3 or (b in TRAILING_GLUE_WORDS and fast_zipf(a) >= STRONG_NAME_PART_ZIPF))]
    return space_reading(token, cuts, sure=False) if len(cuts) == 1 else None  # "Salesare", "Constitutionof"


def _capitalised_phrase(token: str, glued: float) -> Verdict | None:
    """A capitalised function word glued to the next word: "Thereport", "Itadded"."""
    if glued >= KNOWN_ZIPF:
        return None  # "Dowell", "Hassell": known names
    cuts = [(a, b) for a, b in splits(token) if is_function_word(a) and len(b) >= 4 and fast_zipf(b) >= CONTENT_ZIPF
            and a.lower() not in ARCHAIC_PREFIX_WORDS and not is_closing_particle(a)]
    return space_reading(token, cuts, sure=False) if cuts else None  # several cuts: manual


def _lower_verdict(token: str) -> Verdict | None:
    """A lower-case or capitalised token: attested compound, prefix, phrase, or two words."""
    if TENS_UNITS_RE.fullmatch(token.lower()):
        cut = token.lower().index("y") + 1
        return hyphen_reading(token, f"{token[:cut]}-{token[cut:]}", SAFE_CONFIDENCE,
                              "A number from 21 to 99 in words takes a hyphen (\"twenty-one\", \"Forty-first\").")
    glued = fast_zipf(token)
    if glued >= REAL_WORD_ZIPF:
        return None
    attested = _attested_verdict(token, glued)
    if attested or token[0].isupper():
        return attested or _capitalised_verdict(token, glued) or _capitalised_phrase(token, glued)
    if inflection_of_known_word(token) or token.lower() in SLASH_PAIRS:
        return None
    cuts = [(a, b) for a, b in splits(token) if plausible_cut(a, b)]
    # A two-letter prefix ("co", "ex") also starts real words ("covet", "extort"): only unknown tokens.
    prefixed = [(a, b) for a, b in cuts if is_prefix(a) and len(b) >= 3
                and glued < (PREFIXED_MAX_ZIPF if len(a) > 2 else ATTESTED_SAFE_ZIPF)]
    if prefixed:
        return _prefix_verdict(token, *prefixed[0])
    cuts = [(a, b) for a, b in cuts if not is_prefix(a)]  # "co" + "vet" is no pair of words
    if glued >= KNOWN_ZIPF:
        # Known to the lexicon but rare ("appraising" = "app"+"raising"): glued only if two
        # function words ("tothe") or two frequent content words ("boxoffice").
        content = [c for c in cuts if _content_pair(*c) and min(map(fast_zipf, c)) >= CONTENT_ZIPF
                   and strong_word(c[0]) and strong_word(c[1])]
        if len(cuts) == 1 and content and glued < ATTESTED_SAFE_ZIPF:
            verdict = _modifier_verdict(token, *content[0])
            # A word the lexicon knows is no lost space ("sportswoman"), at most a lost hyphen.
            return verdict if verdict is not None and verdict.kind is not Kind.SPACE else None
        phrasal = [(a, b) for a, b in cuts if b.lower() in PHRASAL_PARTICLES and strong_word(a)
                   and not is_function_word(a)]
        if len(cuts) == 1 and phrasal and glued < ATTESTED_SAFE_ZIPF:
            left, right = phrasal[0]  # "writedown", "breakin": a noun made of a verb and a particle
            return hyphen_reading(token, f"{left}-{right}", POSSIBLE_CONFIDENCE,
                           "A noun made of a verb and a particle is usually hyphenated.", (f"{left} {right}",))
        cuts = [c for c in cuts if _function_phrase(*c)]
        return space_reading(token, cuts, sure=False) if len(cuts) == 1 and glued < GLUED_PHRASE_ZIPF else None
    # "outlive", "underused": a particle before a content word makes a closed compound.
    cuts = [(a, b) for a, b in cuts if not is_closing_particle(a) or is_function_word(b)]
    phrase = phrase_compound(token)
    if phrase and (not cuts or phrase[0].lower() == phrase[-1].lower()):  # "daytoday" beats "day today"
        return hyphen_reading(token, "-".join(phrase), LIKELY_CONFIDENCE,
                       f"A phrase used as a modifier ('{' '.join(phrase)}') is usually hyphenated.",
                       (" ".join(phrase),))
    if not cuts:
        return None
    left, right = cuts[0]
    if is_number_word(left) and not is_function_word(right) and len(cuts) == 1:
        # Only before a noun ("a twoyear deal"): "onesovereignty of" lost a space, not a hyphen.
        return replace(hyphen_reading(token, f"{left}-{right}", POSSIBLE_CONFIDENCE,
                       "A number word joined to a noun or fraction takes a hyphen (\"two-year\", \"one-third\").",
                       (f"{left} {right}",)), modifier=True)
    if _content_pair(*cuts[0]):
        glue = [c for c in cuts[1:] if _function_phrase(*c) and not is_function_word(c[0])]
        if glue and not attested_form(token):
            # "magazinesand" is "magazines and", not "magazine-sand": a function word glued on.
            left, right = cuts[0]
            return space_reading(token, glue[:1], sure=False, also=(f"{left}-{right}",))
        return _modifier_verdict(token, *cuts[0], others=cuts[1:])
    # A word before a particle may be a closed noun ("sickout", "walkout"): never a safe split.
    return space_reading(token, cuts, sure=cuts[0][1].lower() not in PHRASAL_PARTICLES)


def _function_phrase(left: str, right: str) -> bool:
    """A function word and a word, run together in web text ("thecountry", "saidin", "tothe").

    Real words of that shape start with a particle ("inborn") or with "a", "be", "for"
    ("aback", "bemoan", "forgo"), or end in a short word ("swat"+"he"), so the content
    word must be frequent and 4+ letters and a trailing function word one of the few
    that glue most ("of", "the", "to", "and", "in").
    """
    if is_function_word(left) and is_function_word(right):
        return True
    if is_function_word(left):
        return (left.lower() not in ARCHAIC_PREFIX_WORDS and not is_closing_particle(left)
                and len(right) >= 4 and fast_zipf(right) >= STRONG_NAME_PART_ZIPF)
    return right.lower() in TRAILING_GLUE_WORDS and len(left) >= 4 and fast_zipf(left) >= STRONG_NAME_PART_ZIPF


def _content_pair(left: str, right: str) -> bool:
    """Two content words that may form a compound modifier (not "companiesjointly": an adverb)."""
    return not (is_function_word(left) or is_function_word(right) or right.lower().endswith("ly"))


def _modifier_verdict(token: str, left: str, right: str, others: Sequence[tuple[str, str]] = ()) -> Verdict:
    """Two content words glued: a compound modifier ("twinengine planes") or two words."""
    if reads_as_compound(left, right):
        return _compound_verdict(token, left, right)
    if not (strong_word(left) and strong_word(right)):
        return None  # "stategist" is no "state gist": a misspelling splits into a rare fragment
    readings = (f"{left} {right}", *(f"{a}-{b}" for a, b in others))
    verdict = hyphen_reading(token, f"{left}-{right}", POSSIBLE_CONFIDENCE if not others else AMBIGUOUS_CONFIDENCE,
                      "Two content words run together: a compound modifier before a noun takes a "
                      "hyphen, otherwise a space is missing.", readings)
    modifier = replace(verdict, modifier=True)
    # A plural first word rarely starts a compound ("resultsfollowing" = "results following"),
    # and an adverb in -ly is not joined to the next word ("jointlyannounced").
    return modifier.as_spaced() if looks_plural(left) or is_ly_adverb(left) else modifier


def _camel_verdict(token: str, parts: list[str]) -> Verdict | None:
    """A token with inner capitals: "AngloDutch", "EuropeUN", "marketYesterday"."""
    attested = _attested_verdict(token, fast_zipf(token))
    if attested:
        return attested
    if len(parts) == 2 and all(p.istitle() and is_demonym(p) for p in parts):
        return hyphen_reading(token, "-".join(parts), LIKELY_CONFIDENCE,
                              "Two nationalities joined take a hyphen (\"French-Canadian\").")
    if len(parts) != 2 or fast_zipf(token) >= KNOWN_NAME_ZIPF:
        return None
    left, right = parts
    if left == "e" and right.istitle() and len(right) >= E_PREFIXED_MIN_LENGTH and fast_zipf(right) >= CONTENT_ZIPF:
        return hyphen_reading(token, f"e-{right}", POSSIBLE_CONFIDENCE, "The prefix 'e-' (electronic) takes a hyphen.")
    if len(left) < 2 or left.lower() in NAME_PARTICLES or not left.isalpha() or not right.isalpha():
        return None
    if left.lower() in HYPHENATED_PARTICLES:
        return hyphen_reading(token, f"{left}-{right}", LIKELY_CONFIDENCE,
                       f"The name particle '{left}' is joined by a hyphen.")
    if left.islower():
        if is_prefix(left) and right[0].isupper():
            return _prefix_verdict(token, left, right)  # "antiEurope", "midJanuary"
        # "marketYesterday", "ofEurope", "thatUN": a word run into the next sentence or name.
        if fast_zipf(left) < COMMON_ZIPF or len(right) < 2 or (right.isupper() and not is_function_word(left)):
            return None
        return Verdict(Kind.CASE_CHANGE, token, f"{left} {right}", POSSIBLE_CONFIDENCE, Applicability.UNSAFE,
                       "A sentence boundary may be lost as well (a full stop before the capital).")
    if right.islower():
        return _compound_verdict(token, left, right) if left.isupper() and is_head(right) else None
    if is_function_word(left) and left.lower() not in POSSESSIVE_DETERMINERS:
        # "TheUN", "InParis": a function word cannot start a name compound ("MySpace" is a brand).
        return Verdict(Kind.CASE_CHANGE, token, f"{left} {right}", LIKELY_CONFIDENCE, Applicability.UNSAFE,
                       f"'{left}' is a function word: a space was lost after it.")
    acronym = [p for p in parts if p.isupper()]
    named = [p for p in parts if p.istitle() and len(p) >= 3]
    if len(acronym) == 1 and len(named) == 1 and fast_zipf(named[0]) >= COMMON_ZIPF \
            and fast_zipf(acronym[0]) >= KNOWN_ZIPF + 1:
        return Verdict(Kind.NAME_HYPHEN, token, f"{left}-{right}", POSSIBLE_CONFIDENCE, Applicability.UNSAFE,
                       "Names joined by a hyphen (a relation between them) or a space (one name).",
                       (f"{left} {right}",))
    if len(named) == 2 and (is_combining_form(left) or {left.lower(), right.lower()} <= MONTHS):
        return hyphen_reading(token, f"{left}-{right}", LIKELY_CONFIDENCE,
                       f"'{left}' joins the next name with a hyphen (a combining form or a range).")
    if len(named) == 2 and not is_function_word(right) and min(map(fast_zipf, named)) >= GLUED_CAPITALISED_ZIPF:
        # "UnitedStates", "HouseRepresentatives": two frequent capitalised words an extractor
        # glued across a line break; a brand of that shape is rarer than its parts.
        return Verdict(Kind.CASE_CHANGE, token, f"{left} {right}", POSSIBLE_CONFIDENCE, Applicability.UNSAFE,
                       "Two capitalised words run together: a space (often a lost line break) is missing, "
                       "unless it is a brand written this way.", (f"{left}-{right}",))
    if len(named) == 2 and not is_function_word(right) and min(map(fast_zipf, named)) < RARE_NAME_ZIPF:
        # "SmithJones": a double-barrelled name or a pair ("Anglo-French") lost its hyphen.
        return Verdict(Kind.NAME_PAIR, token, f"{left}-{right}", AMBIGUOUS_CONFIDENCE, Applicability.MANUAL,
                       "Two names run together: a hyphen (a double-barrelled name or a pair) or a space "
                       "is missing, unless it is a brand written this way.", (f"{left} {right}",))
    return None


def _capitals_verdict(token: str) -> Verdict | None:
    """An all-capitals run of two words, such as a by-line ``NAMEOUTLET`` that lost its ``/``."""
    glued = fast_zipf(token)
    if glued >= KNOWN_ZIPF:
        return None
    attested = _attested_verdict(token, glued)
    if attested:
        return attested
    cuts = splits(token, min_len=3)
    if not cuts:
        return None
    readings = [f"{left} {right}" for left, right in cuts] + [f"{left}/{right}" for left, right in cuts[:1]]
    manual = len(cuts) > 1
    return Verdict(Kind.CAPITALS, token, readings[0], AMBIGUOUS_CONFIDENCE if manual else POSSIBLE_CONFIDENCE,
                   Applicability.MANUAL if manual else Applicability.UNSAFE,
                   "A separator (a space, or '/' between a name and an outlet) may be missing.",
                   tuple(readings[1:]))


def case_parts(token: str) -> list[str]:
    """Cut ``token`` at case changes; a capitals run before lower case is read both ways.

    >>> case_parts("UNEurope"), case_parts("USbased"), case_parts("AngloDutch"), case_parts("CaféBar")
    (['UN', 'Europe'], ['US', 'based'], ['Anglo', 'Dutch'], ['CaféBar'])
    """
    whole = ACRONYM_LOWER_RE.fullmatch(token)
    if whole:
        acronym, rest = whole.groups()
        # "USbased" = US + based; "UNEurope" = UN + Europe: keep the reading whose tail is a word.
        if fast_zipf(rest) >= fast_zipf(acronym[-1] + rest):
            return [acronym, rest]
    parts = CASE_PART_RE.findall(token)
    # Letters outside A-Z/a-z ("º", "é") are not cut: a reading must keep every letter.
    return parts if "".join(parts) == token else [token]


#: Two years run together: "20012002" (2001-2002) or "193537" (1935-37).
YEAR_RANGE_RE = re.compile(r"((?:1[89]|20)\d\d)(\d|\d\d|\d{4})")
#: Two numbers up to 99 glued (a score "26-21", a range "30-39"): not a year, a clock time
#: ("1330") or a round figure ("2500"), which start below 24 or end in "00".
PAIR_RE = re.compile(r"(2[4-9]|[3-9]\d)(\d\d)")
#: The same from 10 ("12-10", "17-16"): read so only when the words around show no clock
#: time ("1500 GMT") or year ("in 1642", "since 1497").
LOW_PAIR_RE = re.compile(r"(1\d|2[0-3])(\d\d)")
#: The two numbers of a low pair lie this close: a score or a range, not a year ("1789").
LOW_PAIR_SPREAD = 30
ASCII_FOUR_DIGITS_RE = re.compile(r"[0-9]{4}")
CLOCK_WORDS = frozenset("gmt bst cet est pst et local hours hrs am pm".split())
YEAR_WORDS = frozenset("in since from of by until to between and before after around circa c".split())
#: A prefix glued to a number: "mid2005", "mid1990s", "over65s", "under21".
PREFIXED_NUMBER_RE = re.compile(r"(mid|over|under|pre|post)(\d{2,4}s?)", re.IGNORECASE)


def _year_range(token: str) -> Verdict | None:
    """Two years glued where a hyphen stood between them: "20012002", "193537".

    The second year must come later than the first ("2001-2002", "1935-37"); a number such
    as "200501" (January 2005?) or "19352" is no range.

    >>> _year_range("20012002").replacement, _year_range("193537").replacement, _year_range("19245").replacement
    ('2001-2002', '1935-37', '1924-5')
    >>> _year_range("200501"), _year_range("2004")
    (None, None)
    """
    m = YEAR_RANGE_RE.fullmatch(token)
    if m is None:
        return None
    first, second = m.groups()
    end = int(second) if len(second) == 4 else int(first[:4 - len(second)] + second)
    if not int(first) < end <= int(first) + 99 or (len(second) == 4 and second[:2] not in ("19", "20")):
        return None
    return hyphen_reading(token, f"{first}-{second}", LIKELY_CONFIDENCE,
                          "Two years run together: a range takes a hyphen (or a dash).", (f"{first}–{second}",))


def number_pair(token: str, previous: str = "", following: str = "") -> Verdict | None:
    """Two numbers glued where a hyphen joined them: "2621" is a score "26-21".

    Read so only where the document's hyphens were stripped: elsewhere such a number is
    more often a model ("the 7610 phone") or a number written without a separator.

    >>> number_pair("3039").replacement, number_pair("1330", "", "GMT"), number_pair("2500")
    ('30-39', None, None)
    >>> number_pair("1716", "won", "").replacement, number_pair("1642", "in", ""), number_pair("2004")
    ('17-16', None, None)
    >>> number_pair("1789", "September,", "")
    """
    if not ASCII_FOUR_DIGITS_RE.fullmatch(token):
        return None
    m = PAIR_RE.fullmatch(token)
    low = LOW_PAIR_RE.fullmatch(token) if m is None and not 1800 <= int(token) <= 2099 else None
    if low is not None and previous.lower() not in YEAR_WORDS and following.lower() not in CLOCK_WORDS \
            and abs(int(low.group(2)) - int(low.group(1))) <= LOW_PAIR_SPREAD:
        m = low  # "17-16", "12-15"; "1789" is a year of the eighteenth century
    if m is None or m.group(2) == "00":
        return None
    first, second = m.groups()
    return hyphen_reading(token, f"{first}-{second}", POSSIBLE_CONFIDENCE,
                          "A four-digit number that is no year, time or round figure: two numbers (a score, "
                          "a range) lost the hyphen between them.", (f"{first}–{second}",))


def _prefixed_number(token: str) -> Verdict | None:
    """A prefix glued to a number: "mid2005" -> "mid-2005", "over65s" -> "over-65s"."""
    m = PREFIXED_NUMBER_RE.fullmatch(token)
    if m is None:
        return None
    return hyphen_reading(token, f"{m.group(1)}-{m.group(2)}", LIKELY_CONFIDENCE,
                          f"'{m.group(1)}' before a number is joined by a hyphen (\"mid-1990s\", \"over-65s\").")


def _number_verdict(token: str) -> Verdict | None:
    """Digits glued to a word: "31yearold" (attested "0-year-old"), "12nation"."""
    word = token.lstrip("0123456789")
    if not word.islower():
        return None
    hyphenated = attested_form(token)
    if hyphenated:
        return hyphen_reading(token, hyphenated, SAFE_CONFIDENCE, f"'{hyphenated}' is an attested compound.")
    if len(word) >= 4 and fast_zipf(word) >= COMMON_ZIPF and not is_function_word(word):
        number = token[:len(token) - len(word)]
        return hyphen_reading(token, f"{number}-{word}", POSSIBLE_CONFIDENCE,
                       "A number before a noun used as a modifier takes a hyphen; otherwise a space is missing.",
                       (f"{number} {word}",))
    return None


#: Readings that split a token into two words.
SPLIT_KINDS = frozenset({Kind.SPACE, Kind.POSSIBLE_SPACE, Kind.CASE_CHANGE, Kind.CAPITALS})


@lru_cache(maxsize=100_000)
def classify(token: str) -> Verdict | None:
    """The verdict for one token, or ``None`` when it is a word (or nothing can be said).

    A dictionary headword is never split into two words: old and legal English ("herewith",
    "whereof", "behoof") is no glued text.

    >>> classify("companiesjointly").replacement, classify("payout"), classify("hereunto")
    ('companies jointly', None, None)
    """
    verdict = _reading(token)
    if verdict is not None and verdict.kind in SPLIT_KINDS and in_dictionary(token):
        return None
    return verdict


def _reading(token: str) -> Verdict | None:
    """The verdict for one token by its shape (:func:`classify` without the dictionary check)."""
    if len(token) < 4 or ACRONYM_PLURAL_RE.fullmatch(token):
        return None
    if token.isdigit():
        return _year_range(token)
    if token[0].isdigit():
        return _number_verdict(token)
    if not token.isalpha():
        return _prefixed_number(token)
    if token.isupper():
        return _capitals_verdict(token) if len(token) >= 6 else None
    parts = case_parts(token)
    if len(parts) > 1:
        return _camel_verdict(token, parts)
    return _lower_verdict(token)


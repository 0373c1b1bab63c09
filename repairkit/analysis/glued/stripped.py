"""Hyphen readings for a document whose hyphens were stripped.

When a document shows that its hyphens were stripped (attested compounds are glued and
few hyphens are left), two content words run together are likelier a compound that lost
its hyphen than two words that lost their space: "leftback" is "left-back", an unknown
"gasguzzling" is "gas-guzzling", a rare "reelect" is "re-elect".
:mod:`repairkit.analysis.glued.engine` gathers that evidence; these readings are used only with it.
Two names run together count when one is a rare word ("SmithJones") or when they stand
in a run of names ("JeanMarie Messier") or between "the" and a noun ("the BushCheney
campaign"). Measured and left out (more false alarms than finds on news text): two
common words run together as a brand ("MessageLabs said"), rare known closed words
other than modifiers ("rerun", "touchline", "shopfronts"), capitalised unknown tokens
(mostly surnames).

>>> hyphen_for_space(classify("yearearlier").as_spaced()).replacement
'year-earlier'
>>> hyphen_for_space(classify("companiesjointly")) is None  # an adverb follows: two words
True
>>> stripped_reading("reelect").replacement, stripped_reading("rerun"), stripped_reading("therapist")
('re-elect', None, None)
"""

from __future__ import annotations

import re
from functools import lru_cache

from repairkit.analysis.glued.compounds import (
    INFLECTIONS,
    apostrophe_residue,
    attested_form,
    is_closing_particle,
    is_function_word,
    is_ly_adverb,
    is_modifier_head,
    is_prefix,
    looks_plural,
    misspelling_of_common_word,
    phrase_compound,
)
from repairkit.analysis.glued.dictionary import dictionary_hyphenated, hyphens_at
from repairkit.analysis.glued.readings import (
    NAME_PARTICLES,
    PHRASAL_PARTICLES,
    RARE_NAME_ZIPF,
    TRAILING_GLUE_WORDS,
    case_parts,
    classify,
)
from repairkit.analysis.glued.verdict import (
    POSSIBLE_CONFIDENCE,
    Kind,
    Verdict,
    hyphen_reading,
)
from repairkit.lexicon import COMMON_ZIPF, KNOWN_ZIPF, fast_zipf
from repairkit.wordlists import load

__all__ = ["classify", "hyphen_for_space", "name_in_run", "stripped_reading"]

#: Function words that start hyphenated compounds ("all-out", "most-watched", "in-house").
COMPOUND_FUNCTION_LEFT = frozenset("all most must once above in on off out over under up down".split())
#: Function words that end them ("women-only"), besides the phrasal particles ("sending-off").
COMPOUND_FUNCTION_RIGHT = PHRASAL_PARTICLES | {"only"}
#: Lower-case words that join a capitalised word with a hyphen ("all-French", "then-President").
CAMEL_LEFT = frozenset("all then former late early mid pro anti non pan".split())
#: Prefixes hyphenated before their own vowel ("re-elect", "de-escalate"), besides the shipped list.
STYLE_PREFIXES = frozenset("re de".split())
#: Prefixes that start a closed word as often as a hyphenated one: only for unknown tokens.
OPEN_PREFIXES = frozenset("over under mini super mega cyber inter micro".split())
#: Short first parts of hyphenated compounds: "e-banking", "in-court", "on-screen" ...
SHORT_LEFT = frozenset("e in on".split())
#: ... before a frequent word this long.
MIN_SHORT_RIGHT = 5
#: Parts of an unknown token need only be known words.
KNOWN_PART_ZIPF = 2.0
VOWELS = frozenset("aeiou")
#: Phrases used as modifiers ("tongue-in-cheek"): content parts this frequent and long ...
PHRASE_PART_ZIPF = 3.5
MIN_PHRASE_PART = 4
#: ... and linked by prepositions or conjunctions, not by these (word fragments: "capital-is-at-ions").
NO_PHRASE_LINKS = frozenset("is as if at".split())
#: One capital glued to a common word: "XFiles" for "X-Files", "Qseries" for "Q-series" ...
LETTER_WORD_RE = re.compile(r"([A-Z])([A-Z][a-z]{3,}s?|[a-z]{4,})")
#: ... but not the letters of names that lost an apostrophe ("OBrien", "DArcy", "LEstrange", "IAnson").
APOSTROPHE_NAME_LETTERS = frozenset("ODLI")
#: Word endings that are also (rare) words: "ritz" + "ier" is "ritzier", no compound.
DERIVED_TAILS = frozenset("ier iest ers ery ings".split())
#: A camel-case token this frequent is a known name ("YouTube").
KNOWN_NAME_ZIPF = 1.5
MIN_PREFIXED_REST = 3
#: "biting", "fenced": shorter or rarer endings are suffixes ("hogg-ed", "demon-ising").
MIN_PARTICIPLE = 5
PARTICIPLE_ZIPF = 2.5
#: "nail", "time": shorter first parts are word fragments ("def-rayed", "des-elected").
MIN_CONTENT_LEFT = 4
#: A known token rarer than this, made of two frequent words, is a compound that lost its hyphen.
RARE_CLOSED_ZIPF = 2.0
REASON = "Hyphens were stripped from this document, so a compound that lost its hyphen is the likelier reading."


def plural_noun(word: str) -> bool:
    """A plural of a common word: "consequences", "sentiments"; not "gas", "glass" or "thus".

    >>> plural_noun("consequences"), plural_noun("gas")
    (True, False)
    """
    return len(word) > 3 and looks_plural(word) and fast_zipf(word[:-1]) >= COMMON_ZIPF


def compound_shape(left: str, right: str) -> bool:
    """True when ``left`` and ``right`` can make a hyphenated compound.

    >>> compound_shape("sending", "off"), compound_shape("in", "which"), compound_shape("companies", "jointly")
    (True, False, False)
    """
    lo, ro = left.lower(), right.lower()
    left_ok = not is_function_word(lo) or lo in COMPOUND_FUNCTION_LEFT
    if ro in COMPOUND_FUNCTION_RIGHT and is_function_word(ro):
        right_ok = not is_function_word(lo) or lo in COMPOUND_FUNCTION_LEFT  # "sending-off", "tie-in"
    else:
        right_ok = not is_function_word(ro) and not is_ly_adverb(right)
    return left_ok and right_ok


def _hyphenated(token: str, left: str, right: str, spaced: bool = True) -> Verdict:
    return hyphen_reading(token, f"{left}-{right}", POSSIBLE_CONFIDENCE, REASON,
                          (f"{left} {right}",) if spaced else ())


def hyphen_for_space(verdict: Verdict | None) -> Verdict | None:
    """The hyphen reading of a lost-space verdict, when its two parts can make a compound.

    An attested compound read as two function words ("must have") takes its hyphen back.

    >>> hyphen_for_space(classify("musthave")).replacement, hyphen_for_space(classify("FellowCitizens")).replacement
    ('must-have', 'Fellow-Citizens')
    """
    if verdict is None or verdict.kind not in (Kind.SPACE, Kind.POSSIBLE_SPACE, Kind.CASE_CHANGE, Kind.NAME_PAIR):
        return None
    attested = attested_form(verdict.token) or dictionary_hyphenated(verdict.token)
    if attested is not None and (attested in verdict.alternatives or verdict.kind is Kind.CASE_CHANGE):
        # "musthave" is "must-have"; "FellowCitizens" is "Fellow-Citizens" (a dictionary headword).
        return hyphen_reading(verdict.token, attested, POSSIBLE_CONFIDENCE, REASON, (verdict.replacement,))
    if verdict.kind is Kind.NAME_PAIR:
        return None if known_name(verdict.token) else _hyphenated(verdict.token, *verdict.replacement.split("-", 1))
    parts = verdict.replacement.split(" ")
    if len(parts) != 2:
        return None
    left, right = parts
    if verdict.kind is Kind.CASE_CHANGE:
        # "FellowCitizens", "SecretaryGeneral", "IranIraq": two capitalised words in a text that lost
        # its hyphens lost one more often than a line break ("UnitedStates"); the space stays a reading.
        names = left.istitle() and right.istitle() and f"{left}-{right}" in verdict.alternatives
        return _hyphenated(verdict.token, left, right) if left.lower() in CAMEL_LEFT or names else None
    if is_function_word(right) or (is_function_word(left) and left.lower() not in COMPOUND_FUNCTION_LEFT):
        # "themselvesin", "detailsin", "allpreceding": a function word glued on, unless attested
        # or a verb before a particle that rarely glues ("sending-off", "shake-up"; not "in", "on").
        particle = right.lower() in PHRASAL_PARTICLES and right.lower() not in TRAILING_GLUE_WORDS | {"on"} \
            and not looks_plural(left) and not is_function_word(left)
        return _hyphenated(verdict.token, left, right) if (attested is not None or particle) \
            and compound_shape(left, right) else None
    if plural_noun(left) and attested is None:
        return None  # "consequencesuniversal": a plural rarely starts a compound; a space or dash was lost
    return _hyphenated(verdict.token, left, right) if compound_shape(left, right) else None


def _prefixed(token: str) -> Verdict | None:
    """A prefix whose last letter is the next word's first vowel: "reelect", "preempt", "cooperate"."""
    for cut in range(2, len(token) - MIN_PREFIXED_REST + 1):
        left, right = token[:cut], token[cut:]
        if left[-1] == right[0].lower() and left[-1] in VOWELS \
                and (is_prefix(left) or left.lower() in STYLE_PREFIXES) and fast_zipf(right) >= COMMON_ZIPF:
            return _hyphenated(token, left, right, spaced=False)  # "re elect" is no reading
    return None


def _rare_prefixed(token: str) -> Verdict | None:
    """A rare closed spelling of a productive prefix and a common word: "cofounders", "nonrefundable".

    >>> _rare_prefixed("cofounders").replacement, _rare_prefixed("overreacted")
    ('co-founders', None)
    """
    return _e_prefixed(token) or _listed_prefix(token)


def _e_prefixed(token: str) -> Verdict | None:
    """"e" (electronic) before a frequent word: "ebusiness", "ebanking" (no typo of "banking")."""
    if token[0].lower() == "e" and len(token) > MIN_SHORT_RIGHT and fast_zipf(token[1:]) >= PHRASE_PART_ZIPF:
        return _hyphenated(token, token[0], token[1:], spaced=False)
    return None


def _listed_prefix(token: str) -> Verdict | None:
    """A prefix of the shipped list before a common word: "cofounders"."""
    for cut in range(2, len(token) - MIN_PREFIXED_REST + 1):
        left, right = token[:cut], token[cut:]
        if is_prefix(left) and fast_zipf(right) >= COMMON_ZIPF and right.lower() not in load("word_suffixes"):
            return _hyphenated(token, left, right, spaced=False)
    return None


def _rare_closed_compound(token: str) -> Verdict | None:
    """A rare closed spelling of a compound modifier: "userfriendly", "timeconsuming".

    The lexicon knows the token (Zipf 1 to 2) because some texts lose hyphens too. Only
    a frequent word before a participle or a modifier head counts ("nail-biting",
    "ring-fenced"): closed nouns ("shopfronts", "popstars") are spelled that way.
    """
    for cut in range(MIN_CONTENT_LEFT, len(token) - MIN_PARTICIPLE + 1):
        left, right = token[:cut], token[cut:]
        participle = right.endswith(("ing", "ed")) and fast_zipf(right) >= PARTICIPLE_ZIPF
        shaped = is_modifier_head(right) or (participle and compound_shape(left, right))  # "friendly" is no adverb
        if shaped and fast_zipf(left) >= PHRASE_PART_ZIPF and not is_function_word(left) \
                and not is_closing_particle(left) and not is_prefix(left) and not left.endswith("ly"):
            return _hyphenated(token, left, right)
    return None


def _unknown_compound(token: str) -> Verdict | None:
    """A token unknown to the lexicon that cuts into a prefix or two known words: "gasguzzling".

    The best cut by its rarer part wins ("ski mask", not "skim ask"); parts need only be
    known words (Zipf 2), since the token itself is no word at all.
    """
    best: tuple[float, str, str] | None = None
    for cut in range(1, len(token) - MIN_PREFIXED_REST + 1):
        left, right = token[:cut], token[cut:]
        right_zipf = fast_zipf(right)
        if right_zipf < KNOWN_PART_ZIPF or right.lower() in load("word_suffixes") or right.lower() in DERIVED_TAILS:
            continue
        if is_prefix(left) or left.lower() in STYLE_PREFIXES | OPEN_PREFIXES:
            return _hyphenated(token, left, right, spaced=False)
        if left.lower() in SHORT_LEFT and len(right) >= MIN_SHORT_RIGHT and right_zipf >= PHRASE_PART_ZIPF:
            return _hyphenated(token, left, right, spaced=False)  # "ebanking", "incourt"
        weakest = min(fast_zipf(left), right_zipf)
        if len(left) >= MIN_PREFIXED_REST and weakest >= KNOWN_PART_ZIPF and compound_shape(left, right) \
                and not plural_noun(left) \
                and (best is None or weakest > best[0]):
            best = (weakest, left, right)
    if best:
        return _hyphenated(token, best[1], best[2])
    phrase = phrase_compound(token, PHRASE_PART_ZIPF)  # "tongueincheek", "passtheparcel"
    if phrase is None or any(len(p) < MIN_PHRASE_PART or p.lower() in NO_PHRASE_LINKS
                             for p in phrase if not is_function_word(p) or p.lower() in NO_PHRASE_LINKS):
        return None  # "capital-is-at-ions" is a word cut into fragments
    return hyphen_reading(token, "-".join(phrase), POSSIBLE_CONFIDENCE, REASON)


def _joined_names(token: str) -> Verdict | None:
    """Two capitalised words run together, unknown as one: "ScotlandEngland", "SmithJones".

    With the document's hyphens stripped, a double-barrelled name or a pair of names lost
    its hyphen when one part is a rare word (a surname, not a brand's "Message" + "Labs"),
    and a capitalised prefix lost it before a capitalised word ("AntiPhishing"). A brand
    known to the lexicon ("PlayStation") and its possessive ("DaimlerChryslers") are left alone.
    """
    parts = case_parts(token)
    if len(parts) != 2 or known_name(token):
        return None
    left, right = parts
    if not (left.istitle() and right.istitle()) or min(len(left), len(right)) < 2 \
            or left.lower() in NAME_PARTICLES or is_function_word(left) or is_function_word(right):
        return None
    if min(fast_zipf(left), fast_zipf(right)) < RARE_NAME_ZIPF or is_prefix(left):
        return _hyphenated(token, left, right)
    return None


#: Words before a relation of two names used as a modifier ("the Bush-Cheney campaign").
RELATION_DETERMINERS = frozenset("the a an".split())
#: A capitalised word standing next to a token in a run of names ("Helena ...", "... Messier").
NAME_NEIGHBOUR_RE = re.compile(r"[A-Z][a-z]+")


def name_in_run(token: str, previous: str, following: str) -> Verdict | None:
    """Two common capitalised words run together inside a run of names: "Jean-Marie Messier".

    A double-barrelled name stands next to a first name, title or surname ("Helena
    BonhamCarter", "JeanMarie Messier"); a brand of two common words ("MessageLabs said")
    mostly stands alone. ``previous`` and ``following`` are the words on either side
    (empty across punctuation or a sentence end).

    >>> name_in_run("JeanMarie", "", "Messier").replacement, name_in_run("MessageLabs", "", "said")
    ('Jean-Marie', None)
    """
    parts = case_parts(token)
    if len(parts) != 2 or known_name(token):
        return None
    if not all(p.istitle() and len(p) >= MIN_PREFIXED_REST and not is_function_word(p) for p in parts) \
            or parts[0].lower() in NAME_PARTICLES:
        return None
    neighbours = [w for w in (previous, following) if NAME_NEIGHBOUR_RE.fullmatch(w) and not is_function_word(w)]
    # A relation before a noun: "the BushCheney campaign", "a ToryLabour contest".
    relation = following.islower() and len(following) > MIN_PREFIXED_REST and not is_function_word(following) \
        and previous.lower() in RELATION_DETERMINERS
    return _hyphenated(token, *parts) if neighbours or relation else None


def known_name(token: str) -> bool:
    """A name the lexicon knows, or its possessive without the apostrophe ("WalMarts")."""
    return fast_zipf(token) >= KNOWN_NAME_ZIPF or (token.endswith("s") and fast_zipf(token[:-1]) >= KNOWN_NAME_ZIPF)


def _acronym_modifier(token: str) -> Verdict | None:
    """A word glued to an acronym after it ("payTV" for "pay-TV"), or a letter to a word ("XFiles")."""
    letter = LETTER_WORD_RE.fullmatch(token)
    if letter and letter.group(1) not in APOSTROPHE_NAME_LETTERS and fast_zipf(letter.group(2)) >= COMMON_ZIPF \
            and (letter.group(2)[0].isupper() or fast_zipf(token) < KNOWN_ZIPF):  # "Amoral" is a word
        return _hyphenated(token, *letter.groups())
    parts = case_parts(token)
    if len(parts) != 2 or fast_zipf(token) >= KNOWN_NAME_ZIPF:
        return None
    left, right = parts
    if left.islower() and right.isupper() and len(left) >= MIN_PREFIXED_REST and fast_zipf(left) >= COMMON_ZIPF \
            and not is_function_word(left):
        return _hyphenated(token, left, right)  # "payTV"; "eARC", "iOS" are product names
    return None


def _attested_inflection(token: str) -> Verdict | None:
    """An inflection of an attested compound: "kickoffs" ("kick-off"), "Setups" ("set-up")."""
    lowered = token.lower()
    found = None
    for suffix, tail in INFLECTIONS:
        if found is None and not tail and lowered.endswith(suffix) and len(lowered) > len(suffix) + MIN_PREFIXED_REST:
            stem = lowered[:-len(suffix)]
            compound = attested_form(stem) or dictionary_hyphenated(stem)
            found = hyphens_at(token, compound) if compound is not None else None
    if found is None or found.count("-") != 1:
        return None
    return _hyphenated(token, *found.split("-"), spaced=False)


@lru_cache(maxsize=100_000)
def stripped_reading(token: str) -> Verdict | None:
    """A hyphen reading for a token nothing else flags, in a document whose hyphens were stripped.

    A token unknown to the lexicon that cuts into a prefix and a word or into two known
    words ("gasguzzling"), unless it is a typo of a common word ("stategist") or a word
    that lost an apostrophe ("industrys"); a rare known token that starts with a prefix
    whose last vowel doubles the word's first ("reelect": "re-elect"); a word glued to an
    acronym ("payTV").
    Two names ("SmithJones") or two content words known to the lexicon as one
    ("touchline") are left alone: on news text they are more often real names and closed
    compounds than stripped hyphens.
    """
    if token.isdigit():
        return None  # read with the words around it: see number_pair
    if not token.isalpha() or len(token) < 4 or fast_zipf(token) >= COMMON_ZIPF:
        return None
    if not token.islower():
        return _acronym_modifier(token) or _joined_names(token) or _attested_inflection(token)
    if fast_zipf(token) >= RARE_CLOSED_ZIPF:
        return _prefixed(token) or _attested_inflection(token)
    if fast_zipf(token) >= KNOWN_ZIPF:
        return _prefixed(token) or _rare_prefixed(token) or _rare_closed_compound(token)
    if apostrophe_residue(token) or misspelling_of_common_word(token):
        return _e_prefixed(token)  # "industrys" lost an apostrophe; "stategist" is a typo; "ebanking" is neither
    return _unknown_compound(token)

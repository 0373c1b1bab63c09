"""Glued tokens: one verdict per token, shared by the hyphen (RK3) and spacing (RK4) families.

A token whose letters are not a word but cut into words lost a hyphen or a space. Which
one is decided by evidence, once, so a token gets one finding only:

* the hyphenated form is attested (shipped list of compounds) or starts with a productive
  prefix -> a dropped hyphen ("monthonmonth", "postmerger", "AngloDutch");
* a proper name glued to an acronym ("EuropeUN") -> a dropped hyphen, less sure;
* two common words ("companiesjointly", "marketYesterday", "NAMEOUTLET" in capitals)
  -> a lost space (or separator);
* a list number glued to a heading line ("4Key ...") -> a lost space.

>>> [v.replacement for v in glued_tokens("a monthonmonth rise in the AngloDutch group")]
['month-on-month', 'Anglo-Dutch']
>>> glued_tokens("The therapist said it was a payout, not a database.")
[]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from repairkit.analysis.apostrophe_context import contractions
from repairkit.analysis.glued.compounds import (
    attested_form,
    attested_with_number_word,
    is_function_word,
    is_modifier_head,
    is_number_word,
    is_phrase_word,
    is_prefix,
    looks_plural,
)
from repairkit.analysis.glued.dictionary import dictionary_hyphenated, hyphens_at, in_dictionary
from repairkit.analysis.glued.readings import PHRASAL_PARTICLES, TENS_UNITS_RE, classify, number_pair
from repairkit.analysis.glued.spelling import AMERICAN_CLOSED_PREFIXES, spelling_side
from repairkit.analysis.glued.stripped import (
    OPEN_PREFIXES,
    STYLE_PREFIXES,
    hyphen_for_space,
    name_in_run,
    stripped_reading,
)
from repairkit.analysis.glued.verdict import (
    AMBIGUOUS_CONFIDENCE,
    LIKELY_CONFIDENCE,
    POSSIBLE_CONFIDENCE,
    SAFE_CONFIDENCE,
    Kind,
    Verdict,
)
from repairkit.calibration import reading, suggest
from repairkit.lexicon import COMMON_ZIPF, KNOWN_ZIPF, fast_zipf
from repairkit.model import Applicability, Evidence, Span, Suggestion

__all__ = ["Glued", "Kind", "Verdict", "classify", "glued_tokens"]

#: A letter/digit run standing alone: not part of a URL, e-mail, hashtag, path, domain,
#: contraction (a possessive 's may follow) or an already hyphenated word.
TOKEN_RE = re.compile(r"(?<![\w@#/\\.\-'’])[^\W_]+(?![\w@/\\\-]|['’](?!s\b)|\.[^\W\d_])")
#: The word after a token, on the same line.
NEXT_WORD_RE = re.compile(r"[ \t]+[\"'“‘(]?([^\W_]+)")
#: Digit groups next to a number: a decimal part, or another group of the same figure.
FIGURE_AFTER_RE = re.compile(r"[.,]\d| \d")
FIGURE_BEFORE_RE = re.compile(r"\d[ .,]$")
#: A word then one space, right before a token; a word right after a token and one space.
PREVIOUS_WORD_RE = re.compile(r"(?<![\w.!?,;:'\"’”-])([^\W\d_]+) $")
#: Enough characters before a token to hold the word before it.
NEIGHBOUR_WINDOW = 60
#: Two capitalised parts: the tokens read against their neighbours ("JeanMarie Messier").
CAMEL_RE = re.compile(r"[A-Z][a-z]+[A-Z][a-z]+")
FOLLOWING_WORD_RE = re.compile(r" ([^\W\d_]+)\b")
#: A list number glued to the first word of a heading line.
HEADING_RE = re.compile(r"^(\d{1,2})([A-Z][A-Za-z]+)\b(?=[^\n]*$)", re.MULTILINE)
#: A word with inner hyphens, letters only ("year-on-year", "Anglo-Dutch").
HYPHENATED_WORD_RE = re.compile(r"(?<![\w\-])[^\W\d_]+(?:-[^\W\d_]+)+(?![\w\-])")
#: A list heading that kept its separator: number, then a space or ". ", then a capital.
INTACT_HEADING_RE = re.compile(r"^(\d{1,2})(\.? )([A-Z][A-Za-z]+)\b(?=[^\n]*$)", re.MULTILINE)
MAX_HEADING_WORDS = 25
#: Distinct confident glued compounds that show a document's hyphens were stripped ...
STRIPPED_MIN_COMPOUNDS = 2
#: ... when at most this many hyphenated words are left per glued compound.
INTACT_PER_GLUED = 3
#: A text this long without a single hyphen has lost them (news prose has one every few hundred words).
STRIPPED_MIN_WORDS = 150
#: Two words with two spaces between them: a spaced dash (" - ") whose hyphen-minus was stripped.
LOST_DASH_RE = re.compile(r"[^\W\d_]  [^\W\d_]")
#: Two capitalised words glued this often in one text are a name spelled that way ("TimeWarner").
NAME_REPEATS = 2
#: A closed spelling repeated this often in a text that keeps its other hyphens is the house style.
HOUSE_SPELLING_REPEATS = 4
#: A token this frequent in wordfreq is a valid word as written ("pretax", "coverup").
VALID_WORD_ZIPF = 2.0
#: Parts of a dictionary word that are free words of their own ("long" + "tail", not "pre" + "side").
FREE_PART_ZIPF = 4.0
#: A part this short must be very frequent ("man", "car"; not "app", "pro").
SHORT_FREE_PART = 3
SHORT_FREE_PART_ZIPF = 5.0
#: The word before a word that opens a phrase: this long and frequent (or a phrase word itself: "usthat").
PHRASE_LEFT_LENGTH = 3
PHRASE_LEFT_ZIPF = COMMON_ZIPF
#: Particles that end phrasal nouns ("sending-off", "women-only"): glue only after a plural ("dialogsin").
COMPOUND_PARTICLES = PHRASAL_PARTICLES | {"only"}
#: Words that open the object of a verb: determiners, possessives and object pronouns.
OBJECT_WORDS = frozenset("the a an this these those its their our his her my your me us them him".split())
#: Words that open a clause and end no phrase compound: conjunctions, articles, subject pronouns.
CLAUSE_OPENERS = frozenset("and but or nor the a an i we you he she they".split())
#: Glue that only a lost space or dash explains, this many times the confident lost hyphens (plus
#: one), shows a text that lost its dashes between words (chosen on the even speeches half).
DASH_GLUE_RATIO = 2
#: Adverbs that start compound adjectives ("ever-growing", "well-read", "ill-prepared", "self-made").
ADVERB_LEFT = frozenset("ever well ill self".split())
#: Hyphens proper (not dashes): hyphen-minus, hyphen, non-breaking hyphen.
HYPHEN_RE = re.compile("[-\u2010\u2011]")


@dataclass(frozen=True, slots=True)
class Glued:
    """A verdict placed in a document."""

    span: Span
    verdict: Verdict
    #: Where the reading comes from, when the document itself shows it.
    evidence: tuple[Evidence, ...] = ()

    @property
    def replacement(self) -> str:
        """The preferred repaired text."""
        return self.verdict.replacement

    def suggestions(self, note: str) -> tuple[Suggestion, ...]:
        """The preferred repair, then each alternative reading as a manual suggestion."""
        v = self.verdict
        first = suggest(self.span, v.replacement, READINGS[v.kind, bool(self.evidence)], f"{note} {v.reason}",
                        score=v.confidence,
                        ceiling=v.applicability, alternatives=len(v.alternatives), evidence=self.evidence)
        others = tuple(suggest(self.span, alt, OTHER_READING, f"Another reading of '{v.token}'.",
                               alternatives=len(v.alternatives)) for alt in v.alternatives)
        return (first, *others)


#: The reading of each kind of verdict, calibrated by the verdict's tier (data/calibration.tsv), apart
#: where the verdict quotes evidence from the document (it lost that mark, or an intact heading shows the
#: separator); a reading offered
#: after the preferred one has its own row.
READINGS = {(kind, shown): reading(f"glued.{kind.value}{'.document-evidence' if shown else ''}", scored=True)
            for kind in Kind for shown in (False, True)}
OTHER_READING = reading("glued.other-reading")


def _intact_heading_separator(text: str) -> re.Match[str] | None:
    """A list heading in the same document that kept its separator ("10 Annual ..." or "3. The ...")."""
    return INTACT_HEADING_RE.search(text)


def _heading_verdicts(text: str) -> list[Glued]:
    out = []
    intact = None
    for m in HEADING_RE.finditer(text):
        line_end = text.find("\n", m.start())
        line = text[m.start():line_end if line_end != -1 else len(text)].rstrip()
        word = m.group(2)
        if line.endswith((".", "!", "?", ":", ";", ",")) or len(line.split()) > MAX_HEADING_WORDS:
            continue
        if fast_zipf(word) < COMMON_ZIPF or len(word) < 2 or len(line.split()) < 3:
            continue
        number = m.group(1)
        intact = intact or _intact_heading_separator(text)
        readings = [f"{number} {word}", f"{number}. {word}"]
        if intact:
            # The document itself shows how its list numbers are separated: evidence, not a guess.
            preferred = f"{number}{intact.group(2)}{word}"
            readings = [preferred, *(r for r in readings if r != preferred)]
            verdict = Verdict(Kind.LIST_NUMBER, m.group(), readings[0], LIKELY_CONFIDENCE, Applicability.UNSAFE,
                              f"Another heading here keeps its separator: {intact.group(0).strip()!r}.",
                              tuple(readings[1:]))
            evidence: tuple[Evidence, ...] = (Evidence("document", intact.start(), intact.end(), intact.group(0)),)
        else:
            verdict = Verdict(Kind.LIST_NUMBER, m.group(), readings[0], POSSIBLE_CONFIDENCE, Applicability.UNSAFE,
                              "The separator may also have been '. ' or a line break.", tuple(readings[1:]))
            evidence = ()
        out.append(Glued(Span(m.start(), m.end()), verdict, evidence))
    return out


def _before_noun(text: str, end: int) -> bool:
    """True when a content word (not punctuation, not a function word) follows ``end`` on the line."""
    m = NEXT_WORD_RE.match(text, end)
    return m is not None and not is_function_word(m.group(1))


def _in_figure(text: str, m: re.Match[str]) -> bool:
    """True when digits go on after a point or space: "6661.89", the "0800 028 9276" of a phone number.

    The look back reads the three characters before the token (the pattern and a line end), not
    the whole text before it, which made a long text quadratic.
    """
    return FIGURE_AFTER_RE.match(text, m.end()) is not None or FIGURE_BEFORE_RE.search(text, max(0, m.start() - 3), m.start()) is not None


def _neighbours(text: str, m: re.Match[str]) -> tuple[str, str]:
    """The words right before and after a token, each separated from it by one space only.

    >>> _neighbours("Ms SmithJones said.", re.search("SmithJones", "Ms SmithJones said."))
    ('Ms', 'said')
    """
    previous = PREVIOUS_WORD_RE.search(text, max(0, m.start() - NEIGHBOUR_WINDOW), m.start())
    following = FOLLOWING_WORD_RE.match(text, m.end())
    return (previous.group(1) if previous else "", following.group(1) if following else "")


def _hyphenated_in(text: str) -> dict[str, re.Match[str]]:
    """Hyphenated words of ``text`` keyed by their letters run together, lower-cased."""
    return {m.group().replace("-", "").lower(): m for m in HYPHENATED_WORD_RE.finditer(text)}


#: Endings by which a glued token and a hyphenated word of the document may differ.
RELATED_ENDINGS = ("s", "es", "d", "ed", "ing", "er", "ers", "ist", "ists")


def _intact_form(token: str, hyphenated: dict[str, re.Match[str]]) -> re.Match[str] | None:
    """The hyphenated word of the document that spells ``token``, or an inflection of it.

    "semifinalists" next to "semi-final"; the hyphens must fall inside the shared letters. A
    common word matches only as spelled ("emails" is no "e-mail" lost).

    >>> words = _hyphenated_in("the semi-final and two co-founders")
    >>> [_intact_form(t, words).group() for t in ("semifinalists", "cofounder", "SemiFinal")]
    ['semi-final', 'co-founders', 'semi-final']
    """
    lowered = token.lower()
    if lowered in hyphenated:
        return hyphenated[lowered]
    if fast_zipf(token) >= COMMON_ZIPF:
        return None  # "emails" near "e-mail": a common word is another spelling, not a lost hyphen
    for ending in RELATED_ENDINGS:
        for shorter, longer in ((lowered[:-len(ending)], lowered), (lowered, lowered + ending)):
            if longer.endswith(ending) and shorter in hyphenated or longer in hyphenated:
                intact = hyphenated.get(shorter) or hyphenated.get(longer)
                if intact is not None and _last_hyphen(intact.group()) < len(token):
                    return intact
    return None


def _last_hyphen(word: str) -> int:
    """Letters before the last hyphen of ``word``: 4 for "semi-final"."""
    return len(word[:word.rindex("-")].replace("-", ""))


def _spelled_elsewhere(token: str, intact: re.Match[str]) -> tuple[Verdict, tuple[Evidence, ...]]:
    """The document spells ``token`` with hyphens elsewhere: the strongest evidence there is."""
    replacement = hyphens_at(token, intact.group())
    common = fast_zipf(token) >= COMMON_ZIPF  # "email" next to "e-mail": maybe just two spellings
    verdict = Verdict(Kind.HYPHEN, token, replacement, POSSIBLE_CONFIDENCE if common else SAFE_CONFIDENCE,
                      Applicability.UNSAFE if common else Applicability.SAFE,
                      f"This document writes it '{intact.group()}' elsewhere.")
    return verdict, (Evidence("document", intact.start(), intact.end(), intact.group()),)


def phrase_cuts(token: str) -> list[tuple[str, str]]:
    """Cuts of ``token`` into a word and a word that opens a phrase (:func:`is_phrase_word`, "I", or a
    contraction that lost its apostrophe: "thats", "theyve").

    Such a pair lost a space, or a dash between two clauses ("war--many of whom", "good--that's
    why"), never a hyphen: no compound ends in "many", "that", "I" or "that's". A particle that
    ends phrasal nouns ("break-in", "shake-up") counts only after a plural ("dialogsin").

    >>> phrase_cuts("warmany"), phrase_cuts("costand"), phrase_cuts("doubtI"), phrase_cuts("breakin")
    ([('war', 'many'), ('warm', 'any')], [('cost', 'and')], [('doubt', 'I')], [])
    >>> phrase_cuts("grouptheyve")
    [('group', 'theyve')]
    """
    cuts = []
    bare_contractions = contractions()
    for cut in range(2, len(token)):
        left, right = token[:cut], token[cut:]
        if not (right == "I" or (len(right) >= 2 and right.islower()
                                 and (is_phrase_word(right) or right in bare_contractions))):
            continue
        if right in COMPOUND_PARTICLES and not looks_plural(left):
            continue
        if not left.isalpha() or not (left.islower() or left.istitle()):
            continue  # "GlobeS" + "can" is no cut
        if is_phrase_word(left) or (len(left) >= PHRASE_LEFT_LENGTH and fast_zipf(left) >= PHRASE_LEFT_ZIPF):
            cuts.append((left, right))
    return cuts


def _doubled_word(token: str) -> str | None:
    """The word a lower-case token repeats ("deeperdeeper": "deeper"), when it is a known word ("LuaLua" is a name)."""
    half = len(token) // 2
    left, right = token[:half], token[half:]
    return left if len(token) % 2 == 0 and token.islower() and left == right and len(left) >= PHRASE_LEFT_LENGTH \
        and fast_zipf(left) >= PHRASE_LEFT_ZIPF else None


def reread_as_phrase(verdict: Verdict) -> Verdict:
    """A weak hyphen reading of two words no compound makes, read as a lost space instead.

    A word before one that opens a phrase (:func:`phrase_cuts`: "warmany", "costand",
    "WashingtonI") or a word said twice ("deeperdeeper") lost a space or a dash. Readings an
    attested compound, a number from 21 to 99 or a valid word backs are kept.

    >>> reread_as_phrase(classify("warmany")).replacement, reread_as_phrase(classify("warmany")).kind.value
    ('war many', 'space')
    >>> reread_as_phrase(classify("wellknown")).replacement
    'well-known'
    """
    if verdict.kind not in (Kind.HYPHEN, Kind.NAME_HYPHEN) or not verdict.token.isalpha():
        return verdict
    token = verdict.token
    if TENS_UNITS_RE.fullmatch(token.lower()) or attested_hyphenation(token) is not None \
            or attested_with_number_word(token) is not None or valid_word(token):
        return verdict
    parts = verdict.replacement.split("-")
    if len(parts) > 2 and parts[-1].lower() in CLAUSE_OPENERS:
        # "taxes-laughter-and", "con-sec-rate-we": a phrase compound ends in a noun ("mother-in-law"),
        # never in "and" or "we"; the word before it is read whole when it is one ("consecrate we").
        head = "".join(parts[:-1])
        spaced = [f"{head} {parts[-1]}"] if fast_zipf(head) >= KNOWN_ZIPF else []
        spaced += [" ".join(parts)]
        return Verdict(Kind.SPACE, token, spaced[0], POSSIBLE_CONFIDENCE, Applicability.UNSAFE,
                       f"No compound ends in '{parts[-1]}': a space (or a dash) was lost before it.",
                       (*spaced[1:], verdict.replacement))
    doubled = _doubled_word(token)
    cuts = [(token[:len(doubled)], token[len(doubled):])] if doubled else phrase_cuts(token)
    if not cuts:
        return verdict
    spaced = [f"{left} {right}" for left, right in cuts]
    hyphen = (verdict.replacement,) if verdict.replacement.replace("-", " ") in spaced else ()
    reason = ("A word said twice lost the space or dash between." if doubled else
              f"'{cuts[0][1]}' opens a phrase and ends no compound: a space (or a dash) was lost.")
    if len(spaced) > 1:
        return Verdict(Kind.SPACE, token, spaced[0], AMBIGUOUS_CONFIDENCE, Applicability.MANUAL,
                       f"{reason} Several splits; pick the right one.", (*spaced[1:], *hyphen))
    return Verdict(Kind.SPACE, token, spaced[0], LIKELY_CONFIDENCE, Applicability.UNSAFE, reason, hyphen)


def reread_by_next_word(verdict: Verdict, text: str, end: int) -> Verdict:
    """A weak hyphen reading of two words, read as a lost space (or dash) by the word after it.

    A compound holds its verb's object or agent inside ("risk-taking", "state-owned"), and
    neither a compound modifier nor a compound noun stands before "the", "their" or "us": in
    "heritagereached a common understanding", "laborkeeping their wages", "recoverylet us" the
    second word is a verb that opens a new clause, after a lost space or dash ("labor--keeping").
    After a participle in -ed, "by" opens its agent the same way ("propertyowned by"). A next
    word that repeats the first one restates it after a dash ("experience--bitter experience",
    "peace--permanent peace--is"). Readings an attested compound or a valid word backs are kept.

    >>> text = "the heritagereached a common view"
    >>> reread_by_next_word(classify("heritagereached"), text, text.index(" a ")).replacement
    'heritage reached'
    >>> reread_by_next_word(classify("heritagereached"), "a heritagereached view", 17).replacement
    'heritage-reached'
    >>> text = "by experiencebitter experience"
    >>> reread_by_next_word(classify("experiencebitter"), text, text.index(" experience")).replacement
    'experience bitter'
    """
    if verdict.kind is not Kind.HYPHEN or verdict.confidence > POSSIBLE_CONFIDENCE or not verdict.alternatives \
            or " " not in verdict.alternatives[0] or not verdict.token.isalpha():
        return verdict
    following = FOLLOWING_WORD_RE.match(text, end)
    word = following.group(1) if following else ""
    spaced = verdict.alternatives[0]
    first, second = spaced.split(" ", 1)
    if word in OBJECT_WORDS or (word == "by" and verdict.token.endswith("ed")):
        reason = f"'{word}' opens an object, and no compound stands before one: '{second}' is a verb after a lost space (or dash)."
    elif len(first) >= PHRASE_LEFT_LENGTH and word.lower().startswith(first.lower()):
        reason = f"The next word repeats '{first}': a restatement after a lost dash, not a compound."
    else:
        return verdict
    if attested_hyphenation(verdict.token) is not None or valid_word(verdict.token):
        return verdict
    return Verdict(Kind.SPACE, verdict.token, spaced, POSSIBLE_CONFIDENCE, Applicability.UNSAFE, reason,
                   (verdict.replacement, *verdict.alternatives[1:]))


def _first_reading(text: str, m: re.Match[str]) -> Glued | None:
    """The verdict of one token read alone (and by the word after it)."""
    verdict = classify(m.group())
    if verdict is None:
        return None
    if verdict.modifier and not _before_noun(text, m.end()):
        # Two content words and no noun after them: two words, or a closed compound ("textphone").
        verdict = verdict.as_spaced(Kind.POSSIBLE_SPACE)
    elif _unattested_pair(verdict) and not _before_noun(text, m.end()) and not valid_word(verdict.token):
        # "answerplayed a role": no noun follows and nothing attests the compound, so two words.
        verdict = verdict.as_spaced()
    return Glued(Span(m.start(), m.end()), reread_by_next_word(reread_as_phrase(verdict), text, m.end()))


def _unattested_pair(verdict: Verdict) -> bool:
    """A weak hyphen reading of two words (the spaced one its first alternative), no compound attested.

    A head that makes compound modifiers after a noun or name ("Mandelabacked") keeps its hyphen.
    """
    return (verdict.kind is Kind.HYPHEN and verdict.confidence <= POSSIBLE_CONFIDENCE
            and bool(verdict.alternatives) and " " in verdict.alternatives[0]
            and not is_modifier_head(verdict.replacement.rsplit("-", 1)[-1])
            and attested_hyphenation(verdict.token) is None)


def _closed_spelling(glued: Glued, stripped: bool) -> bool:
    """A weak reading of a token the lexicon knows: its closed spelling stands.

    A known token read as two words (no noun after it) never counts; one read as a compound
    only on its shape (a compound head, a prefix: not attested, not spelled with hyphens in
    the document) counts only where the document's hyphens were stripped.
    """
    v = glued.verdict
    if fast_zipf(v.token) < KNOWN_ZIPF or glued.evidence:
        return False
    if v.kind is Kind.POSSIBLE_SPACE:
        return True
    return not stripped and v.kind is Kind.HYPHEN and v.confidence <= POSSIBLE_CONFIDENCE


def stripping_evidence(text: str, found: Iterable[Glued]) -> tuple[Evidence, ...] | None:
    """Where the document shows its hyphens were stripped (a glued compound, or nothing), or ``None``.

    Evidence: two words with two spaces between them (a spaced dash " - " lost its
    hyphen-minus; stripped digits leave the same gap, and a scraper that strips one class
    of characters strips others); no hyphen left and a glued compound read with
    confidence (attested, a prefix, a phrase, or an unknown token); no hyphen in a text of
    :data:`STRIPPED_MIN_WORDS` words or more (the evidence then quotes nothing); or at
    least :data:`STRIPPED_MIN_COMPOUNDS` such glued compound and few hyphenated words left
    (at most :data:`INTACT_PER_GLUED` per distinct glued compound).

    >>> text = "a wellknown, monthonmonth rise"
    >>> stripping_evidence(text, glued_tokens(text, stripped=False))[0].quote
    'wellknown'
    >>> stripping_evidence("Sales rose  the first rise this year.", [])[0].quote
    'e  t'
    >>> text = "a well-known, long-term, top-quality, low-cost, full-time, part-time, all-out plan; a monthonmonth fall"
    >>> stripping_evidence(text, glued_tokens(text, stripped=False)) is None
    True
    """
    lost_dash = LOST_DASH_RE.search(text)
    if lost_dash is not None:
        return (Evidence("document", lost_dash.start(), lost_dash.end(), lost_dash.group()),)
    confident = confident_compounds(found)
    if not HYPHEN_RE.search(text):
        if not confident:
            return () if len(text.split()) >= STRIPPED_MIN_WORDS else None  # a long text without a hyphen
    elif len(confident) < STRIPPED_MIN_COMPOUNDS or (
            sum(1 for _ in HYPHENATED_WORD_RE.finditer(text)) > INTACT_PER_GLUED * len(confident)):
        return None
    first = min(confident.values(), key=lambda g: g.span.start)
    return (Evidence("document", first.span.start, first.span.end, first.verdict.token),)


def confident_compounds(found: Iterable[Glued]) -> dict[str, Glued]:
    """Glued tokens read as compounds with confidence, by lower-cased token: evidence of stripping.

    Only a reading at :data:`LIKELY_CONFIDENCE` or above (an attested compound, a prefix, a
    phrase, the document's own spelling) of a token that is no valid word counts: two
    content words run together ("obvioustendency") lost a space as often as a hyphen, and a
    valid word ("preside", "lighthouses") lost nothing.
    """
    confident: dict[str, Glued] = {}
    for glued in found:
        v = glued.verdict
        if v.kind is Kind.HYPHEN and v.confidence >= LIKELY_CONFIDENCE and not valid_word(v.token):
            confident.setdefault(v.token.lower(), glued)
    return confident


def valid_word(token: str) -> bool:
    """A word of the general lexicon (wordfreq) or of a dictionary, as written or inflected.

    wordfreq also counts the web's own glue ("wellknown" at Zipf 1.6, "highspeed" 1.9), so
    below :data:`VALID_WORD_ZIPF` only a dictionary headword counts.

    >>> valid_word("lighthouses"), valid_word("herewith"), valid_word("pretax"), valid_word("wellknown")
    (True, True, True, False)
    """
    return fast_zipf(token) >= VALID_WORD_ZIPF or in_dictionary(token)


def attested_hyphenation(token: str) -> str | None:
    """The hyphenated form of ``token`` that edited text or a dictionary attests, or ``None``.

    >>> attested_hyphenation("wellknown"), attested_hyphenation("Selfgovernment"), attested_hyphenation("preside")
    ('well-known', 'Self-government', None)
    """
    return attested_form(token) or dictionary_hyphenated(token)


def independent_evidence(text: str, evidence: tuple[Evidence, ...] | None, found: Iterable[Glued]) -> bool:
    """True when the document's stripped hyphens show beyond any one token.

    A long text without a hyphen, a lost spaced dash, or two or more distinct glued
    compounds and no more hyphenated words left than that: a glued compound or two in a
    text that keeps its hyphens ("carmaking", an old "fortyeight") may be the writer's
    spelling, and is no evidence for its own repair.
    """
    if evidence is None:
        return False
    confident = confident_compounds(found)
    if not evidence or evidence[0].quote.lower() not in confident:
        return True
    return len(confident) >= STRIPPED_MIN_COMPOUNDS and \
        ("-" not in text or sum(1 for _ in HYPHENATED_WORD_RE.finditer(text)) <= len(confident))


def _free_word(part: str) -> bool:
    """A part that is a frequent word of its own, not a prefix: "long", "tail", not "pre" or "app".

    >>> _free_word("long"), _free_word("man"), _free_word("pre"), _free_word("app"), _free_word("inter")
    (True, True, False, False, False)
    """
    if fast_zipf(part) < FREE_PART_ZIPF or (len(part) <= SHORT_FREE_PART and is_prefix(part)) \
            or part.lower() in OPEN_PREFIXES:
        return False  # "inter" + "position", "super" + "intend"
    return len(part) > SHORT_FREE_PART or fast_zipf(part) >= SHORT_FREE_PART_ZIPF


def _judged(glued: Glued, stripped: bool, independent: bool, american: bool = False,
            modifier_position: bool = False) -> Glued | None:
    """A hyphen reading held to the evidence: a valid word changes only where hyphens were lost.

    Without evidence that the document lost hyphens, a valid word with a hyphenated
    spelling elsewhere in the text is a consistency note (:attr:`Kind.VARIANT`), and any
    other hyphen reading of a valid word is dropped; with evidence, it stays only when the
    hyphenated form is attested or spelled in the document, or the word is no headword of
    GCIDE (a rare closed spelling such as "cofounders"), or it is one of two free words before a
    noun ("longtail effects"), and safe only when
    attested and the stripping shows in more than one place. A reading is
    safe only when the stripping shows in more than one place (:func:`independent_evidence`).
    """
    v = glued.verdict
    if v.kind is not Kind.HYPHEN:
        return glued
    own = any(e.source == "document" and "-" in e.quote for e in glued.evidence)
    if valid_word(v.token):
        attested = attested_hyphenation(v.token)
        if not stripped and (own or attested):
            reason = v.reason if own else f"'{attested}' is the usual spelling; '{v.token}' is a valid closed one."
            note = Verdict(Kind.VARIANT, v.token, v.replacement if own else attested, AMBIGUOUS_CONFIDENCE,
                           Applicability.MANUAL, f"{reason} Nothing shows lost hyphens here: pick one spelling.")
            return Glued(glued.span, note, glued.evidence)
        # A headword of the older dictionary (GCIDE, Webster's 1913) made of fragments ("apprise",
        # "interpose", "husbandman") is a word of its own, lost hyphens or not; a rarer one
        # ("cofounders") may be a compound that lost its hyphen. One of two free words may too, but
        # only before a noun, where compound modifiers take hyphens ("longtail effects"): as a noun
        # the dictionary's closed spelling holds ("handbills", "mainspring", "guideposts"; even half
        # of the speeches: 7 such readings not before a noun wrong to 1 right); "re-" and "de-" before
        # their own vowel stay the British spelling ("re-established"). A listed prefix before a
        # word is no evidence in a headword: "preside", "pretension", an American "reestablished".
        parts = v.replacement.split("-")
        if american and not own and parts[0].lower() in AMERICAN_CLOSED_PREFIXES:
            return None
        free = all(_free_word(p) for p in parts) and len(parts) == 2 and len(parts[-1]) > SHORT_FREE_PART \
            and (modifier_position or parts[0].lower() in STYLE_PREFIXES)  # British "re-established the"
        if not stripped or not (own or attested or free or not in_dictionary(v.token, ("gcide",))):
            return None
        if independent and attested and v.applicability is Applicability.SAFE:
            return glued  # "cochairman" where hyphens were stripped all over: the attested form
        return Glued(glued.span, v.capped(LIKELY_CONFIDENCE), glued.evidence)
    if v.applicability is Applicability.SAFE and not independent:
        return Glued(glued.span, v.capped(LIKELY_CONFIDENCE), glued.evidence)
    return glued


def glued_tokens(text: str, stripped: bool = True) -> list[Glued]:
    """Every glued token in ``text`` with its verdict, in order; at most one per token.

    With ``stripped`` (the default), a document that shows its hyphens were stripped
    (:func:`stripping_evidence`) reads glued content words as compounds that lost their hyphen.
    """
    found = {g.span.start: g for g in _heading_verdicts(text)}
    hyphenated = _hyphenated_in(text) if "-" in text else {}
    tokens = [m for m in TOKEN_RE.finditer(text) if m.start() not in found]
    words = [m.group() for m in tokens]
    read: list[int] = []  # indexes of the tokens read glued alone
    intact_of: dict[str, re.Match[str]] = {}
    suspect: set[str] = set()  # each distinct word asked once: a long text repeats its words
    for word in dict.fromkeys(words):
        intact = _intact_form(word, hyphenated) if hyphenated else None
        if intact is not None:
            intact_of[word] = intact
        elif classify(word) is not None:  # the common case is a word, with nothing to read
            suspect.add(word)
    for k in [k for k, word in enumerate(words) if word in suspect or word in intact_of]:
        m, word = tokens[k], words[k]
        intact = intact_of.get(word)
        if intact is not None:
            found[m.start()] = Glued(Span(m.start(), m.end()), *_spelled_elsewhere(word, intact))
            read.append(k)
            continue
        glued = _first_reading(text, m)
        if glued is not None:
            found[m.start()] = glued
            read.append(k)
    evidence = stripping_evidence(text, found.values()) if stripped else None
    if evidence is None:  # only the tokens read glued above can change: a closed spelling stands
        for k in read:
            start = tokens[k].start()
            before = found[start]
            if _closed_spelling(before, False):
                del found[start]
            elif hyphenated and _unattested_pair(before.verdict):
                # The text keeps its hyphens and nothing attests "themselves-in": two words lost their space.
                found[start] = Glued(before.span, before.verdict.as_spaced(
                    reason=f"This text shows no lost hyphens and nothing attests '{before.verdict.replacement}': "
                           "a space is missing."), ())
    else:
        counts = Counter(words)
        shapes = {word: (stripped_reading(word), bool(word.isdigit() or CAMEL_RE.fullmatch(word)))
                  for word in counts}  # token -> its stripped reading, digits or camel case
        plain = {word for word, shape in shapes.items() if shape == (None, False)}
        for k in [k for k, m in enumerate(tokens) if words[k] not in plain or m.start() in found]:
            m, word = tokens[k], words[k]
            before = found.get(m.start())
            shape = shapes[word]
            verdict = shape[0] if before is None else None if _repeated_pair(before, counts) \
                else hyphen_for_space(before.verdict)
            if verdict is None and shape[1] and (before is None or (before.verdict.kind is Kind.CASE_CHANGE
                                                                   and word[0].isupper())):
                reader = number_pair if word.isdigit() and not _in_figure(text, m) else name_in_run
                verdict = reader(word, *_neighbours(text, m))
            if verdict is not None:
                verdict = reread_by_next_word(reread_as_phrase(verdict), text, m.end())
                found[m.start()] = Glued(Span(m.start(), m.end()), verdict, evidence)
            elif before is not None and _closed_spelling(before, True):
                del found[m.start()]  # "breadline", "carmaker": a closed compound the lexicon knows
    if hyphenated:
        for start in _house_spellings(words, found):
            del found[start]
    for start in _repeated_names(words, found):
        del found[start]
    if evidence is not None:
        _reread_where_dashes_were_lost(text, found)
    independent = independent_evidence(text, evidence, found.values())
    american = spelling_side(words) > 0
    judged = {start: _judged(g, evidence is not None, independent, american, _before_noun(text, g.span.end))
              for start, g in found.items()}
    return [judged[k] for k in sorted(judged) if judged[k] is not None]


def _reread_where_dashes_were_lost(text: str, found: dict[int, Glued]) -> None:
    """In a text that lost more spaces or dashes between words than hyphens, read the undecided pairs so too.

    Glued tokens that only a lost space or dash explains (a word before "many" or "the",
    read as :attr:`Kind.SPACE`) against the confident lost hyphens (:func:`confident_compounds`)
    show how the text was damaged: a speech that wrote "peace--permanent" lost its dashes. Where
    the first are :data:`DASH_GLUE_RATIO` times as many as the second (plus one), a weak reading of
    two lower-case content words that stands before no noun (so no compound modifier) is a lost
    space or dash, the hyphen its other reading. A number word before a noun ("three-fourths"),
    an -ing head whose object the first word is ("risk-taking"), a plural head of a compound noun
    ("fellow-citizens", "risk-takers") and an adverb that starts compound adjectives
    ("ever-watchful") keep the hyphen.
    """
    spaces = sum(1 for g in found.values() if g.verdict.kind is Kind.SPACE)
    if spaces < DASH_GLUE_RATIO * (len(confident_compounds(found.values())) + 1):
        return
    for start, glued in list(found.items()):
        v = glued.verdict
        if v.kind is not Kind.HYPHEN or v.confidence > POSSIBLE_CONFIDENCE or not v.alternatives \
                or v.alternatives[0].count(" ") != 1 or not v.token.islower() or _before_noun(text, glued.span.end):
            continue
        left, right = v.alternatives[0].split(" ")
        if is_number_word(left) or left in ADVERB_LEFT or right.endswith("ing") or looks_plural(right) \
                or attested_hyphenation(v.token) is not None or valid_word(v.token):
            continue
        found[start] = Glued(glued.span, Verdict(
            Kind.SPACE, v.token, v.alternatives[0], POSSIBLE_CONFIDENCE, Applicability.UNSAFE,
            "This text lost more spaces or dashes between words than hyphens, and no noun follows "
            "(no compound modifier): a space or a dash is missing.", (v.replacement, *v.alternatives[1:])))


def _repeated_pair(glued: Glued, counts: Counter[str]) -> bool:
    """Two capitalised words glued (no hyphen reading yet) that the text writes so again: a name ("TimeWarner")."""
    v = glued.verdict
    return v.kind is Kind.CASE_CHANGE and counts.get(v.token, 0) >= NAME_REPEATS \
        and all(p.istitle() for p in v.replacement.split(" "))


def _repeated_names(words: list[str], found: dict[int, Glued]) -> list[int]:
    """Starts of two capitalised words (or a capitals run) read as glued that the text writes so twice or more.

    "TimeWarner" three times in a text, or "MR. SHADEL:" before each turn of a transcript, is
    the name as the writer spells it; a line break lost by an extractor ("UnitedStates")
    glues the words once here and once there.
    """
    counts = Counter(words)
    return [start for start, glued in found.items() if counts.get(glued.verdict.token, 0) >= NAME_REPEATS and (
            glued.verdict.kind is Kind.CAPITALS or glued.verdict.kind is Kind.CASE_CHANGE
            and all(p.istitle() for p in glued.verdict.replacement.split(" ")))]


def _house_spellings(words: list[str], found: dict[int, Glued]) -> list[int]:
    """Starts of hyphen readings of a token the document spells closed again and again.

    A text that keeps hyphens elsewhere and writes "tiebreak" three times or more, never
    "tie-break", follows a house style; a stripped copy loses the hyphen only now and then.
    Readings backed by the document itself (the hyphenated form elsewhere) stay.
    """
    counts = Counter(map(str.lower, words))
    return [start for start, glued in found.items() if glued.verdict.kind is Kind.HYPHEN
            and counts.get(glued.verdict.token.lower(), 0) >= HOUSE_SPELLING_REPEATS
            and not any(e.source == "document" and "-" in e.quote for e in glued.evidence)]

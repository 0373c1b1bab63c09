"""Dropped apostrophes: possessives and contractions that lost their apostrophe (RK2xx).

Two regimes, each with its own rules:

* the damaged form is not a common word of its own ("dont", "theyre", "companys",
  "BBCs"): a closed list of contractions (RK201) and a lexicon test (RK202: the
  possessive ``X's`` is far more frequent than the bare ``Xs``);
* the damaged form IS a common word ("its", "were", "well", "lets", "worlds",
  "governments"): decided from the words around it (RK203-RK205), with lower confidence;
* plus RK206 for names that lost the apostrophe after "O'"/"D'" ("OBrien").

Context rules are naive Bayes: prior odds (lexicon or measured) times the likelihood
ratios of the previous and next word, times the document's estimated share of stripped
apostrophes (:func:`stripped_share`), so a clean text full of "it's" keeps them quiet.

Every suggestion replaces the whole damaged word by its repaired form ("dont" ->
"don't", "Japans" -> "Japan's"), never a bare insertion, so that a finding and its
suggestion cover the same span. Context statistics come from
``data/apostrophe_contexts.tsv`` (derived from held-out news articles; see its header).

>>> from repairkit.registry import prepared
>>> [(h.message, h.suggestions[0].replacement) for h in find_bare_contractions(*prepared(Document.from_text("I dont know"), "RK201"))]
[("'dont' has lost its apostrophe", "don't")]
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from types import MappingProxyType

from repairkit.analysis.apostrophe_context import (
    clause_edge,
    context_counts,
    contractions,
    features,
    log_ratio,
    previous_token,
    to_probability,
    with_case,
)
from repairkit.analysis.profile import DocumentProfile
from repairkit.analysis.words import MONTHS, skip_back
from repairkit.calibration import reading, suggest
from repairkit.document import Document
from repairkit.lexicon import COMMON_ZIPF, zipf
from repairkit.model import Applicability, Hit, Severity, Span, Suggestion
from repairkit.spec import DetectorSpec, FixAvailability

#: A bare word of letters that touches no apostrophe, hyphen, digit or URL/e-mail punctuation.
_WORD_RE = re.compile(r"(?=[A-Za-z])(?<![\w'’\-@/.])[A-Za-z]+(?![\w'’\-@/]|\.[A-Za-z])")
#: An apostrophe still in place: inside a word ("it's") or closing a plural possessive ("firms' staff").
_INTACT_RE = re.compile(r"[A-Za-z]['’][A-Za-z]|[A-Za-z]s['’](?=[ \t][a-z])")
#: A year (not a decade: those end in 0 and take a plural s) or a name ending in a digit
#: ("Channel4", "U2") with a bare possessive s: "2004s record", "U2s album".
_YEAR_S_RE = re.compile(r"(?=[12A-Z])(?<![\w'’\-.,$£€])(?:(?:1[5-9]|20)\d[1-9]|(?P<name>[A-Z][A-Za-z]*\d+))s(?![\w'’\-])")
#: A capitalised hyphenated name with a bare possessive s: "Wal-Marts", "Lloyd-Webbers".
_HYPHEN_NAME_S_RE = re.compile(r"(?=[A-Z])(?<![\w'’\-@/.])[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+s(?![\w'’\-@/])")
#: A name ending in a digit needs its possessive this much (log10) more frequent than its plural.
DIGIT_NAME_MARGIN = 2.0
#: "O" (or "D", "d", "L", "l") glued to a capitalised name: "OBrien", "DSouza", "dEstaing".
_O_NAME_RE = re.compile(r"^(?:O[A-Z][a-z]{2,}|[DdLl][A-Z][a-z]{3,})$")

#: Prior odds that a bare form which is no common word, and no more frequent than its possessive,
#: is a stripped possessive: 286 possessives to 24 plain words among such forms in the even-id
#: articles (margin 0 to 1), odds 11.9.
RARE_PRIOR_ODDS = 12.0
#: Share of all stripped apostrophes that the lexicon-sure findings catch (1,109 of 2,427 on the
#: even-id articles with half the apostrophes stripped); scales their count up to an estimate.
SURE_SHARE = 0.45
#: Minimum log10 margin of ``X's`` over ``Xs`` for the bare form to count as "not a word".
WORD_MARGIN = 1.0
#: A finding is reported when its estimated probability of damage reaches this (per rule; tuned
#: on the even-id articles, see benchmarks/apostrophe_bench.py).
REPORT_PROBABILITY = {"RK202": 0.7, "RK203": 0.6, "RK205": 0.7}
#: Each rule's reading, calibrated by score band (data/calibration.tsv); a competing reading
#: offered after the first one has its own row.
READINGS = MappingProxyType({code: reading(f"{code}.repair", scored=True)
                             for code in ("RK201", "RK202", "RK203", "RK204", "RK205", "RK206")})
OTHER_READING = reading("RK2xx.other-reading")
#: The score a context reading gets when the rule has no probability of its own ("well be").
HOMOGRAPH_SCORE = 0.85
#: Words that open a clause: a contraction homograph ("well", "lets") must follow one.
CLAUSE_OPENERS = frozenset("and but so because if when then now think hope know believe sure said says".split())
#: Words after which "were" cannot have its own subject: "what were doing" is "what we're doing".
SUBJECTLESS_OPENERS = frozenset("what how why where when because if think hope know believe sure said says".split())
#: Word classes after an auxiliary contraction ("we'll be", "I'd like") and after "let's".
AFTER_WILL = frozenset(
    """be have see get go do make take win need never not just always probably definitely certainly
    continue keep try look know find play give work come say tell want like love rather also still
    soon all only start stay prefer""".split()
)
AFTER_LETS = frozenset(
    "go be see hope say get not look make take talk face just all try put keep wait do start move work play think give".split()
)
AFTER_ARE = frozenset(
    "not going all very really still just also delighted happy confident pleased looking sure ready".split()
)
#: Homograph -> (repaired form, words that may follow it, may follow a clause opener word).
HOMOGRAPHS = MappingProxyType({
    "well": ("we'll", AFTER_WILL, True),
    "hell": ("he'll", AFTER_WILL, True),
    "shell": ("she'll", AFTER_WILL, True),
    "ill": ("i'll", AFTER_WILL, True),
    "wed": ("we'd", AFTER_WILL, True),
    "shed": ("she'd", AFTER_WILL, True),
    "id": ("i'd", AFTER_WILL, True),
    "lets": ("let's", AFTER_LETS, True),
    "were": ("we're", AFTER_ARE, False),
})
#: Log-odds taken off a rare bare form repeated while its stem never stands alone ("Tods ... Tods").
REPEATED_NAME_PENALTY = 1.5
#: Titles before a surname: "Mr Xs" with an unknown "Xs" is most often a possessive.
TITLES = frozenset("Mr Mrs Ms Dr Sir Lord Lady President Prince Princess King Queen".split())
#: Tokens that a possessive rule must leave to the contraction rules, or that are never possessives.
NOT_POSSESSIVE = frozenset("its lets is was has this his us as yes thus plus gas bus".split())


def stripped_share(profile: DocumentProfile) -> float:
    """Estimated share of the document's apostrophes that were stripped (Laplace-smoothed).

    Counts the sure regime-1 findings (RK201, and RK202 where the lexicon alone decides)
    against the apostrophes still in place:
    a clean text full of "it's" and "the firm's" gets a low share, so the context rules stay
    quiet there; a text stripped of every apostrophe gets a share near 1.

    >>> from repairkit.registry import prepared
    >>> round(stripped_share(prepared("They dont know the companys plan.", "RK202")[1]), 2)
    0.84
    >>> round(stripped_share(prepared("It's the firm's plan; it's John's.", "RK202")[1]), 2)
    0.17
    """
    return profile.fact(_stripped_share)


def _stripped_share(profile: DocumentProfile) -> float:
    intact = len(_INTACT_RE.findall(profile.text))
    sure = len(profile.hits("RK201")) + _sure_possessive_count(profile)
    stripped = sure / SURE_SHARE
    return (stripped + 1) / (stripped + intact + 2)


def _suggest(start: int, end: int, replacements: list[str], probability: float, deterministic: bool,
             note: str, code: str, score: float) -> tuple[Suggestion, ...]:
    """Suggestions replacing the word: manual when several compete, safe only if sure and deterministic."""
    # Evidence records quote a reference or the document; a rule's score belongs in the note.
    note = f"{note} (context score {score:.2f})"
    span, others = Span(start, end), len(replacements) - 1
    first = suggest(span, replacements[0], READINGS[code], note, score=probability, alternatives=others,
                    ceiling=Applicability.SAFE if deterministic else Applicability.UNSAFE)
    return (first, *(suggest(span, r, OTHER_READING, note, alternatives=others) for r in replacements[1:]))


def _possessive_candidates(profile: DocumentProfile) -> list[re.Match[str]]:
    """The words :func:`_prior_of` scores: an ``s`` after a stem of two letters or more, with a prior."""
    return profile.fact(_s_words)


def _s_words(profile: DocumentProfile) -> list[re.Match[str]]:
    # the rules here share one tokeniser, found once per document (DocumentProfile.matches)
    return profile.matches_where(_WORD_RE, lambda token: len(token) > 2 and token[-1] == "s"
                                 and _possessive_prior(profile, token) is not None)


def find_bare_contractions(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """A contraction without its apostrophe that is no word on its own: "dont", "theyre", "Im".

    What it flags: a word from a closed list of English contractions ("don't", "they're",
    "I've", "o'clock", ...) written without the apostrophe.
    Why it matters: the scraper stripped the apostrophe; the bare form is a misspelling.
    Example: ``They dont know`` -> "don't".
    Repair safety: deterministic (one possible repair), so ``safe``. "Im"/"Ive" are flagged
    only with a capital I and a lower-case word after them (not "IM", not a name "Ive");
    "wont"/"cant" are skipped where they can be the nouns ("his wont", "wont to").
    Trade-off: near-zero false alarms; homographs such as "its", "were", "well" are left to
    the context rules RK203/RK204.

    >>> doc = Document.from_text("Theyre sure it wont rain, as was his wont. Im here.")
    >>> from repairkit.registry import prepared
    >>> [h.suggestions[0].replacement for h in find_bare_contractions(*prepared(doc, "RK201"))]
    ["They're", "won't", "I'm"]
    """
    text, table = doc.text, contractions()
    for m in profile.matches_where(_WORD_RE, lambda token: token.lower() in table):
        token = m.group()
        low = token.lower()
        repaired = table.get(low)
        if repaired is None:
            continue
        prev, nxt = features(text, m.start(), m.end())
        if low in ("im", "ive") and (token[0] != "I" or token[1:] != low[1:] or nxt in ("<P>", "<CAP>", "<NUM>")):
            continue
        if low == "ive" and previous_token(text, m.start())[:1].isupper():
            continue  # a surname after a first name ("Jonathan Ive")
        if low in ("wont", "cant") and (nxt == "to" or prev in ("his", "her", "their", "its", "my", "the", "as")):
            continue
        yield Hit(Span(m.start(), m.end()), f"'{token}' has lost its apostrophe",
                  _suggest(m.start(), m.end(), [with_case(token, repaired)], 1.0, True,
                           f"contraction '{repaired}' written without its apostrophe", "RK201", 1.0))


def _priors(profile: DocumentProfile) -> dict[str, tuple[float, bool | None] | None]:
    """The priors of :func:`_possessive_prior` already worked out for this document, by token."""
    return {}


def _possessive_prior(profile: DocumentProfile, token: str) -> tuple[float, bool | None] | None:
    """:func:`_prior_of`, once per token and document (a text repeats its words)."""
    known = profile.fact(_priors)
    if token not in known:
        known[token] = _prior_of(profile, token)
    return known[token]


def _prior_of(profile: DocumentProfile, token: str) -> tuple[float, bool | None] | None:
    """(prior log-odds that bare ``token`` is a stripped possessive, evidence), or None.

    Evidence is True when the lexicon alone makes the bare form "not a word" (its possessive
    is at least ten times more frequent); False when the bare form is no common word but the
    odds rest on :data:`RARE_PRIOR_ODDS` or on the document (a name the lexicon does not
    know whose stem stands alone elsewhere: "Smithson ... Smithsons plan"); None when the
    bare form is a common word of its own (regime 2).
    """
    stem, low = token[:-1], token.lower()
    if len(stem) < 2 or token[-1] != "s" or low in NOT_POSSESSIVE:
        return None
    if low in contractions() or low in HOMOGRAPHS or _irish_name(token):
        return None
    bare_z, known_here = zipf(token), profile.word_counts[stem] > 0
    rare_floor = math.log(RARE_PRIOR_ODDS)
    if stem[-1] in "sS":  # "Jamess" for "James's": only when the bare form is far rarer than the name
        if bare_z < max(1.5, zipf(stem) - 1.0) and stem[0].isupper() and known_here:
            return rare_floor, False
        return None
    if low[:-1] in MONTHS and stem[0].isupper():
        return rare_floor, False  # "Octobers figures": a month is rarely plural
    apos_z = zipf(stem + "'s")
    if apos_z >= 1.0:
        margin = apos_z - bare_z
        if margin >= WORD_MARGIN:
            return margin * math.log(10), True
        if bare_z < COMMON_ZIPF and margin >= 0:
            return rare_floor, False
        return margin * math.log(10), None
    if bare_z < 2.0 and stem[0].isupper() and known_here:
        return rare_floor, False
    if bare_z < 1.0 and stem[0].isupper() and _after_title(profile, token):
        return rare_floor, False  # "Mr Smithsons plan": 49 possessives to 6 names in the even-id articles
    return None


def _after_title(profile: DocumentProfile, token: str) -> bool:
    """True when ``token`` occurs once in the document, right after a title ("Mr", "Dr", "President")."""
    if profile.word_counts[token] != 1:
        return False  # a name repeated without its stem ("Mr Kenteris ... Mr Kenteris") is a name
    found = profile.match_groups(_WORD_RE).get(token)  # the candidates are these matches
    if not found:
        return False
    text, at = profile.text, found[0].start()  # the only run of these letters
    end = at + len(token)
    if (at and (text[at - 1].isalnum() or text[at - 1] == "_")) or (end < len(text) and (text[end].isalnum()
                                                                                      or text[end] == "_")):
        return False  # inside a longer word ("Smiths2"): not the name standing alone
    return previous_token(text, at) in TITLES


def _sure_possessive_count(profile: DocumentProfile) -> int:
    """How many words the lexicon alone marks as stripped possessives (context permitting)."""
    count = 0
    for m in _possessive_candidates(profile):
        prior = _possessive_prior(profile, m.group())
        if prior is not None and prior[1]:
            prev, nxt = features(profile.text, m.start(), m.end())
            log_odds = prior[0] + log_ratio("poss-next", nxt) + log_ratio("poss-prev", prev)
            count += to_probability(log_odds) >= REPORT_PROBABILITY["RK202"]
    return count


def _possessive_score(profile: DocumentProfile, start: int, end: int, token: str) -> tuple[bool, float] | None:
    """(whether the bare form is no common word (RK202) or a word (RK205), log-odds of damage), or None.

    Unless the lexicon alone is decisive, the odds are scaled by the document's
    :func:`stripped_share`, and a common word used as a repeated name whose stem never
    stands alone ("Barclays") is left alone.
    """
    prior = _possessive_prior(profile, token)
    if prior is None:
        return None
    log_odds, evidence = prior
    if not evidence:
        counts = profile.word_counts
        if token[0].isupper() and counts[token] > 1 and counts[token[:-1]] == 0:
            if evidence is None:
                return None
            log_odds -= REPEATED_NAME_PENALTY
        log_odds += math.log(stripped_share(profile))
    prev, nxt = features(profile.text, start, end)
    log_odds += log_ratio("poss-next", nxt) + log_ratio("poss-prev", prev)
    return evidence is not None, log_odds


def _possessive_hits(profile: DocumentProfile, code: str) -> Iterator[Hit]:
    for m in _possessive_candidates(profile):
        token = m.group()
        scored = _possessive_score(profile, m.start(), m.end(), token)
        if scored is None or (code == "RK202") != scored[0]:
            continue
        log_odds = scored[1]
        probability = to_probability(log_odds)
        if probability < REPORT_PROBABILITY[code]:
            continue
        options = [token[:-1] + "'s"]
        # A capitalised name ("Smiths": Smith's or Smiths'?) or a regular plural at least as common
        # as the possessive ("governments") may be a plural possessive too; "peoples" is not.
        plural_common = zipf(token[:-1]) >= COMMON_ZIPF and zipf(token) >= zipf(options[0])
        if code == "RK205" and zipf(token) >= COMMON_ZIPF and (token[0].isupper() or plural_common):
            options.append(token + "'")
        note = (f"possessive '{options[0]}'" if len(options) == 1
                else f"possessive: '{options[0]}' (one) or '{options[1]}' (several); check which is meant")
        yield Hit(Span(m.start(), m.end()), f"'{token}' looks like a possessive that lost its apostrophe",
                  _suggest(m.start(), m.end(), options, probability, False, note, code, log_odds))


def _hyphenated_possessives(profile: DocumentProfile) -> Iterator[Hit]:
    """Hyphenated names whose stem stands alone elsewhere in the document ("Wal-Mart ... Wal-Marts")."""
    text = profile.text
    for m in _HYPHEN_NAME_S_RE.finditer(text):
        token, stem = m.group(), m.group()[:-1]
        if text.count(stem) - text.count(token) < 1:
            continue
        prev, nxt = features(text, m.start(), m.end())
        log_odds = (math.log(RARE_PRIOR_ODDS) + math.log(stripped_share(profile))
                    + log_ratio("poss-next", nxt) + log_ratio("poss-prev", prev))
        probability = to_probability(log_odds)
        if probability >= REPORT_PROBABILITY["RK202"]:
            yield Hit(Span(m.start(), m.end()), f"'{token}' looks like a possessive that lost its apostrophe",
                      _suggest(m.start(), m.end(), [stem + "'s"], probability, False,
                               f"possessive '{stem}'s' ('{stem}' stands alone elsewhere in the text)", "RK202",
                               log_odds))


def _year_possessives(profile: DocumentProfile) -> Iterator[Hit]:
    for m in _YEAR_S_RE.finditer(profile.text):
        fixed = m.group()[:-1] + "'s"
        if m.group("name") and zipf(fixed) - zipf(m.group()) < DIGIT_NAME_MARGIN:
            continue  # "MP3s", "F1s": countable names, more often plural
        yield Hit(Span(m.start(), m.end()), f"'{m.group()}' looks like a possessive that lost its apostrophe",
                  _suggest(m.start(), m.end(), [fixed], 1.0, False, f"possessive '{fixed}' (a year, not a decade)",
                           "RK202", 0.0))


def find_bare_possessives(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """A possessive without its apostrophe whose bare form is hardly a word: "Japans", "companys".

    What it flags: a word ``Xs`` whose possessive ``X's`` is at least ten times more frequent
    in the English lexicon (wordfreq) than ``Xs`` itself, when the words around it fit a
    possessive (next-word and previous-word statistics from held-out news text).
    Why it matters: the scraper stripped the apostrophe, leaving a misspelt word.
    Example: ``the companys profits`` -> "company's".
    Repair safety: lexicon- and context-based, so ``unsafe``; ``manual`` when a plural
    possessive competes ("Smiths": Smith's or Smiths'?).
    Trade-off: real words and names ending in s ("Paris", "news", "MPs", "series") have no
    frequent ``X's`` form and are never flagged; an unknown name's possessive is missed.

    A year with a bare s ("2004s record") is a possessive too; a decade ("the 1990s") is not.

    >>> doc = Document.from_text("The companys profits rose in Paris, beating 2004s record; the MPs voted.")
    >>> from repairkit.registry import prepared
    >>> [h.suggestions[0].replacement for h in find_bare_possessives(*prepared(doc, "RK202"))]
    ["company's", "2004's"]
    """
    hits = [*_possessive_hits(profile, "RK202"), *_year_possessives(profile), *_hyphenated_possessives(profile)]
    yield from sorted(hits, key=lambda h: h.span.start)


def find_possessive_homographs(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """A plural that is, from its context, a possessive without its apostrophe: "the worlds largest".

    What it flags: a common word ``Xs`` ("worlds", "years", "governments") whose possessive
    ``X's`` is also common, when the words around it make the possessive far more likely
    (a superlative, "chief", "decision" after it; "this", "last" before it).
    Why it matters: "the worlds largest economy" lost the apostrophe of "world's".
    Example: ``the worlds largest economy`` -> "world's".
    Repair safety: statistical, so ``unsafe``; ``manual`` when ``Xs'`` competes.
    Trade-off: tuned for precision; most plural possessives ("the companies assets") are
    missed because a plural before a noun is usually a compound ("the sales figures").

    >>> doc = Document.from_text("It is the worlds largest economy. The worlds are round.")
    >>> from repairkit.registry import prepared
    >>> [h.suggestions[0].replacement for h in find_possessive_homographs(*prepared(doc, "RK205"))]
    ["world's"]
    """
    yield from _possessive_hits(profile, "RK205")


def find_its_contractions(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """"its" used where "it's" (it is / it has) is meant: "its a", "its not", "its been".

    What it flags: "its" followed by words that follow "it's" far more often than the
    possessive "its" in held-out news text ("a", "not", "been", "very", "going").
    Why it matters: the possessive "its" is correct and common; only the contraction lost
    its apostrophe.
    Example: ``its not clear`` -> "it's".
    Repair safety: context-based, never certain, so ``unsafe``.
    Trade-off: "its own", "its shares" are never flagged; "its" before an unseen
    word stays silent, so some contractions are missed.

    >>> doc = Document.from_text("Its a shame that its own staff think its been hard.")
    >>> from repairkit.registry import prepared
    >>> [h.suggestions[0].replacement for h in find_its_contractions(*prepared(doc, "RK203"))]
    ["It's", "it's"]
    """
    text = doc.text
    rows = context_counts()["its-next"]
    prior = math.log(sum(a for a, _ in rows.values()) / sum(p for _, p in rows.values()))
    for m in profile.matches_where(_WORD_RE, lambda token: token.lower() == "its"):
        prev, nxt = features(text, m.start(), m.end())
        if nxt not in rows and nxt.endswith("s") and not nxt.endswith(("ss", "us", "is")):
            continue  # "its designers", "its revenues": a plural noun follows a possessive
        share = stripped_share(profile)
        log_odds = prior + log_ratio("its-next", nxt) + log_ratio("its-prev", prev) + math.log(share)
        probability = to_probability(log_odds)
        repaired = with_case(m.group(), "it's")
        note = "contraction of 'it is' or 'it has'; the possessive 'its' is also a word"
        if probability < REPORT_PROBABILITY["RK203"]:
            if share < PREDICATE_SHARE or not predicate_after_its(text, m.end()):
                continue
            # "its quiet and quick,", "Its easy to recommend": scored at the rule's reporting threshold, so
            # it gets the measured confidence of RK203's lowest reported band
            yield Hit(Span(m.start(), m.end()), f"'{m.group()}' before the predicate '{nxt}' reads as '{repaired}'",
                      _suggest(m.start(), m.end(), [repaired], REPORT_PROBABILITY["RK203"], False,
                               f"{note}; '{nxt}' is an adjective that ends the clause", "RK203", log_odds))
            continue
        yield Hit(Span(m.start(), m.end()), f"'{m.group()}' before '{nxt}' reads as '{repaired}'",
                  _suggest(m.start(), m.end(), [repaired], probability, False, note, "RK203", log_odds))


#: A predicate after "its" counts in a text whose estimated share of stripped apostrophes reaches this
#: (a text with no evidence either way has 0.5).
PREDICATE_SHARE = 0.5
#: A word whose plural is rarer than this (Zipf) is no count noun: "quiet", "easy" (not "plan", "staff").
NOUN_PLURAL_ZIPF = 2.5
#: ... and an adjective has a common adverb in -ly ("quietly" 3.5, "easily" 4.6; not "hardwarely").
ADVERB_ZIPF = 2.0
#: Words before "its best", "its peak" that make the possessive: "did its best", "at its peak".
POSSESSIVE_LEADS = frozenset("at do does did done doing tried try trying from of past beyond".split())
#: The clause ends after the predicate: a stop, a comma before a conjunction (not "its bright, clear
#: screen"), a second predicate ("quiet and quick,"), or "to" and a verb ("easy to use").
_PREDICATE_END_RE = re.compile(
    r"[ \t]*(?:[.;:!?)]|$|,(?=[ \t]+(?:and|but|so|yet|though|although)\b)"
    r"|(?:and|but|or)[ \t]+[a-z]+[ \t]*(?:[,.;:!?)]|$)|to[ \t]+[a-z])")


def predicate_after_its(text: str, end: int) -> bool:
    """True when "its" at ``text[..end]`` is followed by a predicate word and then the clause ends.

    The possessive "its" heads a noun phrase; "it's" can stand before an adjective that ends the
    clause ("its quiet and quick,", "Its easy to use."). The word after it must be common, no
    function word, and an adjective by the lexicon: its plural is rare ("quiet", "easy"; not "plan"
    or "own", whose "plans", "owns" are common words) and its adverb in -ly common ("quietly";
    not a mass noun such as "hardware" or "aftermath").

    >>> [predicate_after_its(t, 3) for t in ("its quiet and quick, and", "Its easy to use.", "its plans.",
    ...                                       "its staff and shareholders.", "its own.")]
    [True, True, False, False, False]
    """
    m = re.match(r"[ \t]+([a-z]+)", text[end:end + 40])
    lead = text[max(0, end - 40):end].split()[-2:-1]
    if not m or (lead and lead[0].lower() in POSSESSIVE_LEADS):
        return False  # "did its best.", "at its peak."
    word = m.group(1)
    if word in NOT_PREDICATES or zipf(word) < COMMON_ZIPF or word.endswith(("ing", "ed", "s")):
        return False
    if max(zipf(p) for p in _plurals(word)) >= NOUN_PLURAL_ZIPF or zipf(_adverb(word)) < ADVERB_ZIPF:
        return False  # a count noun ("plan"), or a mass noun with no adverb ("hardware", "aftermath")
    after = _PREDICATE_END_RE.match(text, end + m.end())
    if not after:
        return False
    second = re.match(r"[ \t]*(?:and|but|or)[ \t]+([a-z]+)", text[end + m.end():end + m.end() + 30])
    return not (second and max(zipf(p) for p in _plurals(second.group(1))) >= NOUN_PLURAL_ZIPF)


#: Words that are not predicates after "its" although their plural is rare: function words, "own".
NOT_PREDICATES = frozenset("own the a an and or but of in on to for with by at from as".split())


def _adverb(word: str) -> str:
    """The adverb in -ly of an adjective: "quiet" -> "quietly", "easy" -> "easily", "possible" -> "possibly"."""
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ily"
    if word.endswith("le"):
        return word[:-1] + "y"
    if word.endswith("ic"):
        return word + "ally"
    return word + "ly"


def _plurals(word: str) -> tuple[str, ...]:
    """Regular plural spellings of ``word``: "plan" -> "plans", "city" -> "cities", "box" -> "boxes"."""
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return (word[:-1] + "ies",)
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return (word + "es",)
    return (word + "s",)


def find_contraction_homographs(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """A contraction whose bare form is another word, by context: "well be" (we'll), "lets go" (let's).

    What it flags: "well", "hell", "shell", "ill", "wed", "shed", "id", "lets" at the start of a
    clause (or after "and", "so", "think"...) followed by a verb an auxiliary takes ("be",
    "have", "never"); a capital "Ill"/"Id" inside a sentence before such a verb; "were"
    opening a sentence, or after a word that leaves it no subject ("what were doing"),
    before "going", "not", "delighted" or another -ing word.
    Why it matters: "we'll", "he'll", "let's", "we're" lost their apostrophes.
    Example: ``Well be there`` -> "We'll".
    Repair safety: context-based, so ``unsafe``.
    Trade-off: silent unless a clause starts right before the word and a verb-like word
    follows, so "as well be" or "they were not" are never flagged and many are missed.
    Capitalised "Shell" and "Wed" are skipped (a company, a weekday).

    >>> doc = Document.from_text("Well be fine. Lets go. It went well. Were going home.")
    >>> from repairkit.registry import prepared
    >>> [h.suggestions[0].replacement for h in find_contraction_homographs(*prepared(doc, "RK204"))]
    ["We'll", "Let's", "We're"]
    """
    text = doc.text
    if stripped_share(profile) < 0.5:
        return  # more apostrophes in place than stripped: the homographs are the plain words
    for m in profile.matches_where(_WORD_RE, lambda token: token.lower() in HOMOGRAPHS):
        token = m.group()
        low = token.lower()
        entry = HOMOGRAPHS.get(low)
        if entry is None or (low in ("shell", "wed") and token[0].isupper()):
            continue
        if low in ("ill", "id") and token[0] != "I":
            continue  # "I'll"/"I'd" keep a capital I
        repaired, followers, after_opener = entry
        prev, nxt = features(text, m.start(), m.end())
        starts_clause = prev == "<P>" and (clause_edge(text, m.start()) or low != "were" and _after_comma(text, m.start()))
        openers = CLAUSE_OPENERS if after_opener else SUBJECTLESS_OPENERS
        # A capital "Ill"/"Id" inside a sentence is the pronoun: "which Id prefer".
        mid_pronoun = low in ("ill", "id") and prev not in ("<P>", "the", "a", "an")
        if not (starts_clause or prev in openers or mid_pronoun):
            continue
        if nxt not in followers and not (low == "were" and nxt.endswith("ing") and len(nxt) > 4 and nxt != "being"):
            continue
        fixed = with_case(token, repaired)
        yield Hit(Span(m.start(), m.end()), f"'{token}' before '{nxt}' reads as '{fixed}'",
                  _suggest(m.start(), m.end(), [fixed], HOMOGRAPH_SCORE, False,
                           f"contraction '{repaired}'; '{low}' is also a word", "RK204", 0.0))


def _after_comma(text: str, start: int) -> bool:
    """True when a comma stands right before ``start`` (after spaces): "So, lets go"."""
    end = skip_back(text, start)
    return end > 0 and text[end - 1] == ","


def _irish_name(token: str) -> str | None:
    """The apostrophe form of an "O'" (or "D'", "d'", "L'") name written without it, or None.

    >>> _irish_name("OSullivan"), _irish_name("OSullivans"), _irish_name("OK"), _irish_name("OPEC")
    ("O'Sullivan", "O'Sullivan's", None, None)
    """
    if not _O_NAME_RE.match(token):
        return None
    name = token[1:]
    if name.endswith("s") and zipf(name[:-1]) > zipf(name):
        name, suffix = name[:-1], "'s"
    else:
        suffix = ""
    if zipf(name) < 1.5 or zipf(token[0] + name) >= zipf(name):
        return None
    if token[0] != "O" and zipf(token[0] + name) > zipf(name) - 1.5:
        return None  # "D'Souza", "d'Estaing": only when the glued form is far rarer than the name
    return f"{token[0]}'{name}{suffix}"


def find_bare_name_apostrophes(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """An Irish surname that lost the apostrophe after its "O": "OBrien", "OConnor".

    What it flags: a word of "O" + a capitalised surname that the lexicon knows better
    without the "O" ("Brien", "Connor", "Sullivan"), optionally with a possessive s.
    Why it matters: "O'Brien" became "OBrien", a name no reader or search will match.
    Example: ``said Mr OConnor`` -> "O'Connor".
    Repair safety: one possible repair, so ``safe``.
    Trade-off: acronyms ("OPEC", "OK") and names the lexicon does not know are skipped.

    >>> from repairkit.registry import prepared
    >>> [h.suggestions[0].replacement for h in find_bare_name_apostrophes(*prepared(Document.from_text("OBrien met OPEC."), "RK206"))]
    ["O'Brien"]
    """
    for m in profile.matches_where(_WORD_RE, lambda token: _irish_name(token) is not None):
        repaired = _irish_name(m.group())
        if repaired is not None:
            yield Hit(Span(m.start(), m.end()), f"'{m.group()}' has lost the apostrophe of its 'O'",
                      _suggest(m.start(), m.end(), [repaired], 1.0, True, f"surname '{repaired}'", "RK206", 1.0))


BARE_CONTRACTION = DetectorSpec("RK201", "bare-contraction", "missing-apostrophe", Severity.WARNING,
                                find_bare_contractions, FixAvailability.ALWAYS)
BARE_POSSESSIVE = DetectorSpec("RK202", "bare-possessive", "missing-apostrophe", Severity.WARNING,
                               find_bare_possessives, FixAvailability.ALWAYS, reads=("RK201",))
ITS_CONTRACTION = DetectorSpec("RK203", "its-for-it-is", "missing-apostrophe", Severity.WARNING,
                               find_its_contractions, FixAvailability.ALWAYS, reads=("RK201",))
CONTRACTION_HOMOGRAPH = DetectorSpec("RK204", "contraction-homograph", "missing-apostrophe", Severity.INFO,
                                     find_contraction_homographs, FixAvailability.ALWAYS, reads=("RK201",))
POSSESSIVE_HOMOGRAPH = DetectorSpec("RK205", "possessive-homograph", "missing-apostrophe", Severity.WARNING,
                                    find_possessive_homographs, FixAvailability.ALWAYS, reads=("RK201",))

BARE_NAME_APOSTROPHE = DetectorSpec("RK206", "bare-name-apostrophe", "missing-apostrophe", Severity.WARNING,
                                    find_bare_name_apostrophes, FixAvailability.ALWAYS)

DETECTORS = (BARE_CONTRACTION, BARE_POSSESSIVE, ITS_CONTRACTION, CONTRACTION_HOMOGRAPH, POSSESSIVE_HOMOGRAPH,
             BARE_NAME_APOSTROPHE)

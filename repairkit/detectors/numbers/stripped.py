"""Where a number is the likeliest thing missing, in a text that has shown it lost its digits.

RK106 (:func:`repairkit.detectors.numbers.find_numbers_in_stripped_text`) asks these
readings only once the document has shown it lost its digits (``numbers.lost_digits``:
RK101-RK105 found a few holes, or a long text has no digit and unexplained doubled
spaces). In such a text a doubled
space is a lost number or a lost dash; the readings here pick the gaps whose context
fits a number far better than a dash, and the tokens a number left behind:

- a name followed by a gap at least twice ("the Console  will", "Console  games"): a
  numbered name recurs, a dash after the same name twice is rare;
- a reporting word or conjunction, a gap, then a finite verb ("said that  was a good
  year"): the subject of the clause vanished, most often a year or a count;
- a full stop after a word, a gap, then a lower-case word ("it said.  will be"): the
  sentence began with a number;
- a name or a closed-class word, the only gap of its sentence, then a lower-case word
  that does not open a clause ("the Console  will", "Mondays  gain", "sings all  songs"):
  a lost dash comes in pairs around an aside, or before a clause ("it  thats why");
- a list of names with a gap after each ("Smith France  Jones Spain  Lee Korea"): the
  ranks or scores of a list;
- a token opened by a comma glued to a word (",strong": "6,000-strong");
- "mid" before punctuation ("from mid."); "Under" in mid-sentence after a lower-case word
  ("an Under side": "Under-21");
- a capital standing alone ("G finance ministers", "in D."), unless it is a label
  ("Group B"), an initial ("J. Smith", "R de Marigny") or half of "R & B";
- a short capitals name that English writes with a digit about as often as without
  (by wordfreq: "IPv" and "IPv6", a "PS" or "MP" whose "PS2", "MP3" are nearly as common),
  before a lower-case word that is no function word, contraction, word in -ed or verb in -s
  ("IPv technology", "MP players"; not "the MP said", "MP claims"); "IPv" before punctuation;
- an age band or group: "an Under side", "England Under match", "the under squad", "the overs";
- last, any other gap whose words fit a number better than a dash by the context model of
  :mod:`._gap_context` (log odds >= ``CONTEXT_LOG_ODDS``), unless it stands between two names
  that show a lost "&". This reading is right about its label half the time (at log odds 0,
  53 of its 106 findings on the even half of seed-damaged news are lost numbers, the rest lost
  dashes, "&", quotes; at 0.5 it was 41 of 72), and it fires only in a text that lost its
  digits; its note says a dash or "&" may have stood there.

Measured and left out (more false alarms than finds on seed-damaged news): "an" before a
consonant ("an rated game"), a point glued to a word (".seconds" is as often a domain
such as ".travel"), more compound units after a determiner ("the member eurozone": 8 found,
29 false). The lone capital is the weakest kept reading (35 found, 18 false: "V festival").

Each reading returns ``(start, end, hole, message, what)``; the caller makes the finding.

>>> text = "Sales rose. The Console  will ship. The Console  games sold."
>>> [text[start:end] for start, end, *_ in gap_readings(text, claimed=())]
['Console  will', 'Console  games']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache

from repairkit.analysis.apostrophe_context import clause_edge, contractions
from repairkit.analysis.gap_context import gap_features, number_log_odds
from repairkit.analysis.names import ampersand_cue
from repairkit.analysis.number_cues import FUNCTION_WORDS, SUBJECT_VERBS
from repairkit.analysis.spans import SpanIndex
from repairkit.analysis.words import next_word, previous_word, skip_ahead, skip_back
from repairkit.lexicon import fast_zipf
from repairkit.model import Span

#: ``(start, end, hole, message, what)``: a span to flag, the hole, what happened, what is missing.
Reading = tuple[int, int, int, str, str]

#: Two spaces between tokens (a tab is layout, not a vanished token).
GAP_RE = re.compile(r"(?= )(?<=\S) {2}(?=\S)")
#: Words that open a clause or phrase: after a gap they point to a lost dash ("the film  which").
CLAUSE_OPENERS = FUNCTION_WORDS - SUBJECT_VERBS
#: Words after which a clause follows; a gap then a finite verb means its subject vanished.
CLAUSE_LEADS = frozenset(
    """that said says found finds show shows showed predicts predicted suggests suggested
    reported reports believes expects however clearly""".split()
)
#: Words that follow a lost dash more often than a lost number: "the Bank  one of the", "Act  first".
DASH_FOLLOWERS = frozenset("one first known nowhere".split())
FINITE_VERBS = frozenset("was is were are had has have will would could did does can may might should".split())
#: A name is "numbered" when it is followed by a gap this many times in the document.
RECURRING = 2
#: A list: at least this many gaps between capitalised words, each within ``LIST_STEP`` words of the next.
LIST_GAPS = 3
LIST_STEP = 5
_SENTENCE_PUNCT = re.compile(r"[.;:!?]")
#: A full stop after a word of two letters or more ("said." but not ". " alone, "Mr" is one word too).
SENTENCE_END_RE = re.compile(r"[A-Za-z]{2}\.$")
#: A comma glued to a word: what a number such as "6,000-strong" leaves.
GLUED_RESIDUE_RE = re.compile(r"(?=,)(?<![^\s(]),([a-z]{2,})\b(?![.\-/@])")
#: A capital letter standing alone ("A" and "I" are words), before a word, punctuation or a gap.
LONE_LETTER_RE = re.compile(r"(?=[B-HJ-Z])(?<![\w'’\-.&/])[B-HJ-Z](?![\w'’\-&/])(?=[ \t]|[.,;:](?:\s|$))")
#: Words that name a thing by a letter: "Group B", "Plan C", "Grade E", "vitamin D", "Malcolm X".
LETTER_LABELS = frozenset(
    """Group group Plan plan Grade grade Category category Class class Section section Type type
    Vitamin vitamin Division division Pool pool Block block Wing wing Gate gate Terminal
    Platform Form form Level level Part part Schedule Annex Appendix Exhibit Option option Stage
    stage Phase phase Zone zone Series Model Mark Row row Team team Box box Malcolm letter
    Letter Day Hour Hepatitis hepatitis Generation Formula Serie Liga""".split()
)
#: Lower-case name particles after an initial: "R de Marigny", "P van Persie".
INITIAL_PARTICLES = frozenset("de da dal del della di du dos das van von der den le la al bin ben".split())
#: A short name in capitals (an "IPv" too), standing alone: "MP", "PS", "IPv".
STEM_RE = re.compile(r"(?=[A-Z])(?<![\w'’\-.&/])[A-Z]{2,3}v?(?![\w'’\-&/])")
#: Zipf points by which the name with a digit may be rarer than the bare name (MP 4.3, MP3 3.6).
NUMBERED_STEM_GAP = 0.7
#: A word in -s whose -ed or -ing form is this common (Zipf) reads as a verb: "claimed" 4.4, "playered" 0.
VERB_ZIPF = 2.5
#: ... and a plural noun's singular is at least this common ("player"; not "alway", "perhap").
COMMON_SINGULAR_ZIPF = 3.0
#: "mid" standing alone before punctuation: "from mid." (a year after "mid-" vanished).
MID_RE = re.compile(r"(?=m)(?<![\w\-])mid(?=[.,;:)])")
#: An age group whose number vanished: "the overs", "of unders" ("over-55s", "under-18s").
AGE_GROUP_RE = re.compile(r"(?=[Ttofa])\b(?:[Tt]he|of|for|among)[ \t]+((?:over|under)s)\b(?![ \t]+(?:of|and|the)\b)")
#: After a preposition of time, "am" (a word: "I am") or a time zone is a clock time whose hour
#: vanished with its glued digits: "opened at am", "woke up at GMT" ("0530GMT"). Not "to"/"from"
#: before a zone ("clocks go back to GMT"), and only in a text that lost its digits.
CLOCK_RE = re.compile(r"(?=[aubft])(?:\b(?:at|until|till|by|before|after) (am|GMT|BST|UTC|CET)(?=[\s,.;:)]|$)|\b(?:from|to) (am)(?=[ \t]+(?:to|on|and|until)\b))")
#: Natural-log odds (number over dash, by the words around a gap) from which a gap left over
#: by the other readings is reported: ``_gap_context.number_log_odds``. At 0 (even): a gap that
#: fits a number at least as well as a dash is shown, so that a lost number is looked at
#: (issue 16: missing numbers >= 0.95; 12 more found for 22 more lost dashes on the even half).
CONTEXT_LOG_ODDS = 0.0
#: "Under" in mid-sentence before a lower-case word or punctuation: "an Under side", "England
#: Under match"; "the under squad" (a preposition never follows "the").
AGE_BAND_RE = re.compile(r"(?=[Uu])(?:(?<=[ \t])(Under)s?(?=[ \t]+[a-z]|[.,;:])|(?<=\b[Tt]he )(under)(?=[ \t]+[A-Za-z]))")


def gap_readings(text: str, claimed: Iterable[Span]) -> Iterator[Reading]:
    """Gaps that a vanished number explains better than a lost dash (``claimed``: reported already)."""
    index = SpanIndex(claimed)
    every_gap = list(GAP_RE.finditer(text))
    gaps = [m for m in every_gap if not index.touches(m.start() + 1)]
    names = Counter(previous_word(text, m.start()) for m in every_gap)
    listed = _list_gaps(text, gaps)
    listed_any = _list_gaps(text, every_gap)  # "Derby  Reading  Luton": claimed gaps are part of the list too
    for m in gaps:
        before, after = previous_word(text, m.start()), next_word(text, m.end())
        hole = m.start() + 1
        if SENTENCE_END_RE.search(text, max(0, m.start() - 3), m.start()) and after[:1].islower():
            yield (m.start() - 1, m.end() + len(after), hole,
                   f"a sentence opens with a gap before '{after}': its first word, a number, vanished",
                   "the number that opened the sentence (often a year or a percentage)")
            continue
        if not before or not after:
            continue
        # "Derby  Reading  Luton": after a one-word item the gap alone, so that each gap is reported
        single = m.start() in listed_any and text[m.start() - len(before) - 2:m.start() - len(before)] == "  "
        if m.start() in listed or single:
            yield (m.start() if single else m.start() - len(before), m.end() if single else m.end() + len(after), hole,
                   f"a list of names with a gap after '{before}': its figures vanished", "the rank, score or figure")
            continue
        if before[:1].isupper() and names[before] >= RECURRING and after[:1].islower() \
                and after.lower() not in CLAUSE_OPENERS:
            yield (m.start() - len(before), m.end() + len(after), hole,
                   f"'{before}' is followed by a gap {names[before]} times: a numbered name lost its number",
                   f"the number after '{before}' (a name such as 'Name 2')")
            continue
        alone = _lone_gap(text, m)  # asked by the lone-gap reading and the context model
        if (before[:1].isupper() or before in FUNCTION_WORDS) and _opens_no_clause(after) and alone:
            yield (m.start() - len(before), m.end() + len(after), hole,
                   f"a gap after '{before}', alone in its sentence: a number vanished",
                   f"the number after '{before}' (a figure, or a name such as 'Name 2')")
        elif before.lower() in CLAUSE_LEADS and after.lower() in FINITE_VERBS:
            yield (m.start() - len(before), m.end() + len(after), hole,
                   f"'{before}  {after}': the subject of the clause vanished", "the subject (often a year or a count)")
        elif number_log_odds(gap_features(text, m.start(), m.end(), alone)) >= CONTEXT_LOG_ODDS \
                and not _ampersand_pair(text, m, before, after):
            yield (m.start() - len(before), m.end() + len(after), hole,
                   f"a gap between '{before}' and '{after}': a number or a dash vanished, and the words "
                   "around it fit a number better",
                   "a number, or a spaced dash or '&' (in damaged news text about half of these gaps "
                   "lost a number; every one lost something)")


def _ampersand_pair(text: str, gap: re.Match[str], before: str, after: str) -> bool:
    """True when the gap stands between two names that show a lost ``&`` ("builder Smith  Sons")."""
    start = gap.start() - len(before)
    return before[:1].isupper() and after[:1].isupper() \
        and ampersand_cue(text, start, text[start:gap.end() + len(after)], after)


def _opens_no_clause(word: str) -> bool:
    """True for a lower-case word that does not open a clause or an aside ("will", "gain", not "which", "thats")."""
    lowered = word.lower()
    return word[:1].islower() and not word.endswith("ing") and lowered not in CLAUSE_OPENERS \
        and lowered not in DASH_FOLLOWERS and lowered not in contractions()


def _lone_gap(text: str, gap: re.Match[str]) -> bool:
    """True when ``gap`` is the only doubled space of its sentence (a dash pair has two)."""
    start = max(text.rfind(". ", 0, gap.start()), text.rfind("\n", 0, gap.start()))
    end = min((i for i in (text.find(". ", gap.end()), text.find("\n", gap.end())) if i >= 0), default=len(text))
    return "  " not in text[start + 1:gap.start()] and "  " not in text[gap.end():end]


def _list_gaps(text: str, gaps: list[re.Match[str]]) -> set[int]:
    """Starts of gaps in runs of ``LIST_GAPS`` or more between capitalised words, close together."""
    capital = [m for m in gaps if previous_word(text, m.start())[:1].isupper() and next_word(text, m.end())[:1].isupper()]
    found: set[int] = set()
    run: list[re.Match[str]] = []
    for m in capital:
        if run:
            between = text[run[-1].end():m.start()]
            if len(between.split()) > LIST_STEP or _SENTENCE_PUNCT.search(between):
                run = []
        run.append(m)
        if len(run) >= LIST_GAPS:
            found.update(g.start() for g in run)
    return found


def _verb_like(word: str) -> bool:
    """True for a word in -s that reads as a verb or adverb ("claims", "makes", "always"), not a plural noun.

    By wordfreq: a plural noun's singular is a common word ("player"), and its -ed / -ing
    forms are not ("playered"); a verb's are ("claimed", "making", "getting").

    >>> [_verb_like(w) for w in ("claims", "makes", "gets", "always", "players", "mobiles")]
    [True, True, True, True, False, False]
    """
    lowered = word.lower()
    if lowered in ("says", "is", "has", "was", "does", "goes"):
        return True
    stems = (lowered[:-1], lowered[:-2]) if lowered.endswith("es") else (lowered[:-1],)
    if not any(fast_zipf(stem) >= COMMON_SINGULAR_ZIPF for stem in stems):
        return True  # "always", "perhaps": no singular noun behind it
    forms = [stem + "ed" for stem in stems] + [stem + "ing" for stem in stems]
    singular = lowered[:-1]
    if singular.endswith("e"):
        forms.append(singular[:-1] + "ing")  # "makes" -> "making"
    elif len(singular) <= 4:
        forms.append(singular + singular[-1] + "ing")  # "gets" -> "getting"
    return any(fast_zipf(form) >= VERB_ZIPF for form in forms)


def letter_is_label(text: str, start: int, end: int) -> bool:
    """True when the lone capital at ``[start, end)`` is a label, an initial or half of a pair.

    >>> [letter_is_label(t, t.index(c), t.index(c) + 1) for t, c in
    ...  (("the Group B game", "B"), ("J. Smith", "J"), ("R & B", "R"), ("R  B", "B"), ("the G talks", "G"))]
    [True, True, True, True, False]
    """
    before = previous_word(text, start)
    initial = re.match(r"\.[ \t]+[A-Z]", text[end:end + 3])
    after_initial = re.search(r"(?<![\w.])[A-Z]\.[ \t]*$", text[max(0, start - 4):start])  # "A. D."
    return before in LETTER_LABELS or len(before) == 1 or bool(initial) or bool(after_initial) \
        or letter_in_pair(text, start, end)


def letter_in_pair(text: str, start: int, end: int) -> bool:
    """True when the lone capital at ``[start, end)`` stands next to ``&`` ("R & B", "P & O")."""
    before, after = skip_back(text, start), skip_ahead(text, end)
    return (before > 0 and text[before - 1] == "&") or text[after:after + 1] == "&"


@cache
def numbered_stem(name: str) -> bool:
    """True when English writes ``name`` with a digit glued on about as often as without (wordfreq).

    >>> [numbered_stem(n) for n in ("IPv", "MP", "PS", "BBC", "ITV", "G", "EU")]
    [True, True, True, False, False, False, False]
    """
    bare = fast_zipf(name)
    numbered = max(fast_zipf(f"{name}{d}") for d in "123456789")
    return numbered > 0 and numbered >= bare - NUMBERED_STEM_GAP


def token_readings(text: str) -> Iterator[Reading]:
    """Tokens a number left behind: ",strong", "from mid.", "an Under side", "the G meeting"."""
    for m in STEM_RE.finditer(text):
        after = next_word(text, m.end())
        if m.group().endswith("v") and (not after or text[m.end():m.end() + 1] in ",.;:)"):
            yield (m.start(), m.end(), m.end(), f"'{m.group()}' ends in a version letter with no number",
                   f"the version number of '{m.group()}'")
            continue
        if not numbered_stem(m.group()) or not after[:1].islower() or after in FUNCTION_WORDS \
                or after in contractions() or after.endswith("ed") or (after.endswith("s") and _verb_like(after)):
            continue  # "the MP said", "MP and", "MP claims", "MPs": the name itself
        yield (m.start(), m.end(), m.end(), f"'{m.group()} {after}': '{m.group()}' is mostly written with its "
               "number, which vanished", f"the number of '{m.group()}' (such as {m.group()}N)")
    for m in LONE_LETTER_RE.finditer(text):
        before, after = previous_word(text, m.start()), next_word(text, m.end())
        if letter_is_label(text, m.start(), m.end()) or after[:1].isupper() or after.lower() in INITIAL_PARTICLES:
            continue  # "Group B", "S Bennett", "R de Marigny", "J. Smith", "R & B": a label, an initial, a pair
        yield (m.start(), m.end(), m.end(), f"'{m.group()}' stands alone: a name lost its number",
               f"the number of the name '{m.group()}' (such as a model, group or series)")
    for m in GLUED_RESIDUE_RE.finditer(text):
        yield (m.start(), m.end(), m.start(), f"'{m.group()}' begins with the comma of a vanished number",
               f"the number before '{m.group(1)}'")
    for m in MID_RE.finditer(text):
        yield (m.start(), m.end(), m.end(), "'mid' stands alone: the year after it vanished", "a year after 'mid-'")
    for m in AGE_BAND_RE.finditer(text):
        before, after = previous_word(text, m.start()), next_word(text, m.end())
        word = m.group(1) or m.group(2)
        if after.lower() in FUNCTION_WORDS or not before or before == "Down":
            continue  # "Under and", "Down Under": not an age band
        before_start = skip_back(text, m.start()) - len(before)
        if m.group(1) and before[:1].isupper() and (clause_edge(text, before_start) or after[:1].isupper()):
            continue  # "It rose. Life Under siege", "Six Feet Under Star": a title, not an age band
        yield (m.start(), m.end(), m.end(), f"'{m.group()}' in mid-sentence: an age band lost its number",
               f"the age after '{word}' (such as {word}-N)")
    for m in AGE_GROUP_RE.finditer(text):
        band = m.group(1)[:-1]  # "over", "under"
        yield (m.start(1), m.end(1), m.end(1) - 1, f"'{m.group(1)}': an age group lost its number",
               f"the age in '{m.group(1)}' (such as {band}-Ns)")
    for m in CLOCK_RE.finditer(text):
        i = m.lastindex or 1  # the alternative that matched
        yield (m.start(i), m.end(i), m.start(i), f"'{m.group(i)}' after a preposition of time has lost its hour",
               f"the time before '{m.group(i)}'")

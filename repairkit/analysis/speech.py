"""Quoted speech that lost its quotation marks: "We will win, he said." (first person + attribution).

Edited news quotes a speaker's own words in quotation marks and reports other speech in
the third person ("The club would win, he said."). So a clause in the first or second person
("we", "our", "I", "you") that ends with a comma and an attribution ("he said", "said Mr
Smith", "the minister added") is a direct quotation whose marks were stripped. The clause
before it is taken too when it is in the first person and the attributed one is not (a
quotation of two sentences).

>>> text = "The results were poor. We have a lot of work to do, he said."
>>> [text[s:e] for s, e in reported_speech(text)]
['We have a lot of work to do,']
>>> reported_speech("The club has a lot of work to do, he said.")
[]
>>> text = "We did it. The plan worked well, he said. Jane Doe, our director, said the plan worked."
>>> [text[s:e] for s, e in reported_speech(text)]
['We did it. The plan worked well,']
"""

from __future__ import annotations

import math
import re
from functools import cache, lru_cache
from types import MappingProxyType

from repairkit.wordlists import count_pairs

SPEECH_VERBS = (
    "said|says|added|adds|explained|explains|insisted|insists|argued|argues|warned|warns|claimed|claims|"
    "stressed|noted|told|tells|continued|admitted|admits|conceded|predicted|suggested")
#: Words of the first and second person (also with a stripped apostrophe: "Im", "weve").
_PERSON_RE = re.compile(
    r"\b(?:I|we|We|our|Our|us|my|My|me|ourselves|myself|you|You|your|Your|"
    r"I['’]m|I['’]ve|I['’]d|we['’]ve|We['’]ve|we['’]re|We['’]re|you['’]re|You['’]re|Im|Ive|weve|Weve|youre|Youre)\b")
#: The first person proper (not "our" or "us", which reporters use too: "our correspondent").
_SPEAKER_RE = re.compile(
    r"\b(?:I|we|We|me|my|I['’]m|I['’]ve|we['’]ve|We['’]ve|we['’]re|We['’]re|Im|Ive|weve|Weve)\b")
#: A comma, then who said it: "he said", "said Mr Smith", "chief executive Jane Doe said",
#: "the chief executive said".
_ATTRIBUTION_RE = re.compile(
    r",\s(?:(?:he|she|they|He|She|They)\s(?:" + SPEECH_VERBS + r")\b"
    r"|(?P<inverted>" + SPEECH_VERBS + r")\s(?:[A-Z]|the\s|a\s|an\s|his\s|her\s)"
    r"|(?:[a-z]+\s){0,6}?(?:[A-Z][\w.]*\s){1,4}(?:" + SPEECH_VERBS + r")\b"
    r"|(?:the|a|an|his|her|their|its)\s(?:[a-z]+\s){0,4}(?:" + SPEECH_VERBS + r")\b)")
#: A sentence that ends with its attribution: ", he said. " / ", said Mr Smith. ".
_ATTRIBUTED_END_RE = re.compile(
    r",\s(?:(?:he|she|they|He|She|They)\s(?:" + SPEECH_VERBS + r")|(?:" + SPEECH_VERBS + r")\s[A-Z][\w.]*"
    r"(?:\s[A-Z][\w.]*){0,3}|(?:[A-Z][\w.]*\s){1,4}(?:" + SPEECH_VERBS + r"))\.\s+(?=[A-Z])")
_STOP_RE = re.compile(r"[.!?](?=\s|$)")
_NAME_APPOSITION_RE = re.compile(r"(?:[A-Z][\w.'’\-]*\s?){1,4},")
_SENTENCE_END_RE = re.compile(r"[.!?](?:\s|$)|\n")
_QUOTES = frozenset("\"“”")
#: Shorter clauses ("Yes, he said") carry too little to tell a quotation.
MIN_WORDS = 4
#: How far back a sentence start is looked for.
REACH = 600


def _sentence_start(text: str, before: int) -> int:
    """Where the sentence that runs up to ``before`` starts (after spaces)."""
    ends = list(_SENTENCE_END_RE.finditer(text, max(0, before - REACH), before))
    start = ends[-1].end() if ends else max(0, before - REACH)
    while start < before and text[start].isspace():
        start += 1
    return start


#: Words before a speech verb that make it no attribution: a passive ("were admitted"), or the
#: speaker's own voice ("of what I said", "as we argued").
_NOT_A_SPEAKER = frozenset("were was been be are is being had has have I we you".split())
_VERB_RE = re.compile(r"\b(?:" + SPEECH_VERBS + r")\b")


#: "as Emerson said" is a reference, not an attribution; a conjunction right before the verb
#: joins it to another ("the measures devised and suggested"), unlike one before a speaker
#: ("and Wenger said").
_REFERENCE_WORDS = frozenset(["as"])
_CONJUNCTIONS = frozenset("and or but nor".split())
_DETERMINERS = frozenset("the a an his her their its".split())
#: After a speech verb, a "that" clause shows it introduces the words that follow instead of
#: closing those before it ("told his countrymen that", "told me something that"; not "that day").
_INTRODUCES_RE = re.compile(
    r"\s(?:[a-z]+\s){0,3}?that\s(?!(?:day|week|month|year|morning|afternoon|evening|night|time)\b)")


def _attributes(text: str, m: re.Match[str]) -> bool:
    """Whether an attribution match names someone else saying what came before it.

    Not "were admitted" or "I said" (no one else's words), "as Emerson said" (a reference),
    "a noted fugitive" (an adjective), nor a verb that introduces a "that" clause ("told his
    countrymen that"). A capitalised word after the verb is no sign either way: "told BBC Radio",
    "said, We loved it" (a quotation both before and after).

    >>> t = "our vessels, the former were admitted in ports"
    >>> _attributes(t, _ATTRIBUTION_RE.search(t))
    False
    >>> t = "the dates, a retrospective effect being thus added, as"
    >>> _attributes(t, _ATTRIBUTION_RE.search(t)), _attributes("It works, he said.", _ATTRIBUTION_RE.search("It works, he said."))
    (False, True)
    >>> [_attributes(t, _ATTRIBUTION_RE.search(t)) for t in ("We learned it, as Emerson said, that", "We won, she told Sky News.",
    ...  "We met, John Doe told his countrymen that it", "We won, she said on Monday.", "We won, said Mr Smith.")]
    [False, True, False, True, True]
    """
    verb = _VERB_RE.search(text, m.start(), m.end() + 1)
    if verb is None:
        return True
    before = text[m.start() + 1:verb.start()].split()  # "a retrospective effect being thus added"
    if any(w in _NOT_A_SPEAKER or w == "being" or w in _REFERENCE_WORDS for w in before) or \
            (before and before[-1] in _CONJUNCTIONS):
        return False
    if len(before) == 1 and before[0] in _DETERMINERS:
        return False  # "a noted fugitive": no one between the article and the verb
    return bool(m.group("inverted")) or not _INTRODUCES_RE.match(text, verb.end())


def reported_speech(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each unquoted first-person clause before a comma and an attribution.

    ``end`` is just after the comma. Clauses holding a quotation mark are left to the
    unbalanced-quote rule.
    """
    out: list[tuple[int, int]] = []
    for m in _ATTRIBUTION_RE.finditer(text):
        comma = m.start()
        start = _sentence_start(text, comma)
        clause = text[start:comma]
        if len(clause.split()) < MIN_WORDS or _QUOTES & set(text[start:m.end()]) or not _attributes(text, m):
            continue
        if m.group("inverted") and _NAME_APPOSITION_RE.match(clause):
            continue  # "Jane Doe, our director, said the ...": an apposition, not a quotation
        if _PERSON_RE.search(clause):
            out.append((start, comma + 1))
            continue
        if start < 2:
            continue
        before = _sentence_start(text, start - 2)
        previous = text[before:start]
        if previous.strip() and "\n" not in previous and not _QUOTES & set(previous) and _PERSON_RE.search(previous):
            out.append((before, comma + 1))
    return out


def continued_speech(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each unquoted sentence in the first person right after an attributed one.

    A quotation that goes on after its attribution ("We won, he said. We worked hard.") is
    the speaker's too. Only "I", "we", "me", "my" count here: "our correspondent" and
    "those of us" are the reporter's own voice.

    >>> text = "It was hard, he said. We worked very hard for it. The club agreed."
    >>> [text[s:e] for s, e in continued_speech(text)]
    ['We worked very hard for it.']
    """
    out: list[tuple[int, int]] = []
    for m in _ATTRIBUTED_END_RE.finditer(text):
        stop = _STOP_RE.search(text, m.end())
        if not stop:
            continue
        sentence = text[m.end():stop.end()]
        if "\n" in sentence or _QUOTES & set(text[m.start():stop.end()]):
            continue
        if len(sentence.split()) >= MIN_WORDS and _SPEAKER_RE.search(sentence):
            out.append((m.end(), stop.end()))
    return out


#: A reporting verb (and whom it was told to) right before a capitalised sentence opener, in
#: the middle of a sentence: "he said We will", "told the Reuters news agency If they".
_OPENING_FRAME_RE = re.compile(
    r"(?:(?<=[a-z] )|(?<=[a-z], ))(?:(?:said|says|added|adds|asked|warned|explained|insisted|stated|declared|admitted|"
    r"replied|continued|argued|saying|adding) |told (?:(?:the|a|an|[A-Z]\w*|[a-z]+ (?=[a-z]+ )(?:news )?agency|news|agency|reporters|journalists|"
    r"BBC|radio|television|newspaper|magazine|programme|conference|audience) ){1,5})"
    r"(?P<open>(?:I|We|It|This|That|There|These|Those|If|Our|My|You|What|Why|How|When|They|He|She|But|And|So|"
    r"Now|Im|Ive|Weve|Were|Theres|Thats|Its|No|Yes|Well|Let|Please|Nobody|Everyone|Everybody|All|Some|"
    r"Unfortunately|Obviously|Clearly|Of|For|In|At|As|Given|Although|While|The|A|An|Everything|Nothing|"
    r"Today|Tonight|Here|Then|Once|After|Before|Since|Because|Unless|Even|Only|Just|Not|Many|Most|Every|"
    r"Each|Any|Perhaps|Maybe|Certainly|Personally|Frankly|Honestly|Sadly|Hopefully|Basically|Actually|"
    r"Really|Look|Thank|Thanks|Sorry|OK)\b)(?! [A-Z])")


#: Words of direct speech: the present, the future, contractions (also with a stripped apostrophe).
_PRESENT_RE = re.compile(
    r"\b(?:will|is|are|am|has|have|can|must|dont|don['’]t|cant|can['’]t|wont|won['’]t|isnt|isn['’]t|its|it['’]s|"
    r"thats|that['’]s|theres|there['’]s|going|want|need|think)\b")
#: Reported speech shifts the tense back: "the club would win, he said".
_BACKSHIFT_RE = re.compile(r"\b(?:would|had|could|was|were|might)\b")
#: ", he said." ending its sentence.
_PRONOUN_END_RE = re.compile(r",\s(?:he|she|they)\s(?:" + SPEECH_VERBS + r")\.")


def attributed_clauses(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each clause in the present before ", he said." that ends its sentence.

    In a text that has lost its quotation marks, such a clause is a quotation whatever its
    person (reported speech shifts the tense back: "the club would win, he said" is left
    alone); ``end`` is just after the comma. Measured on seed-damaged news of even id: 0.91
    of them were quotations.

    >>> text = "Sales are better than expected this year, he said. The club would win, she said."
    >>> [text[s:e] for s, e in attributed_clauses(text)]
    ['Sales are better than expected this year,']
    """
    out: list[tuple[int, int]] = []
    for m in _PRONOUN_END_RE.finditer(text):
        comma = m.start()
        start = _sentence_start(text, comma)
        clause = text[start:comma]
        if len(clause.split()) < MIN_WORDS or _QUOTES & set(text[start:m.end()]):
            continue
        if _PRESENT_RE.search(clause) and not _BACKSHIFT_RE.search(clause):
            out.append((start, comma + 1))
    return out


#: Words that, after a reporting verb, show it opens a clause of its own ("the government said it
#: was", "said as the conference began"): the attribution then reports, it closes no quotation.
_CLAUSE_AFTER_VERB = frozenset(
    "it he she they we i you that was is were would had has have will are as there this these those its "
    "could should can may might be been not which who".split())
_TO_PUNCTUATION_RE = re.compile(r"[^.,!?]*")


def read_attributed_clauses(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each clause before any attribution that ends there and whose words read as speech.

    For a text that lost its quotation marks: "It was too deep a recession, said Simon Jones."
    The attribution names its speaker and nothing more (up to the next comma or stop there is no
    clause of its own: not "the bank said it was"), the clause does not shift its tense back
    ("would", "had": reported speech) and its words read as a quotation (:func:`quotation_log_odds`
    of its segment at least 0). ``end`` is just after the comma. Measured on seed-damaged news of
    even id: 0.94 of these commas had a closing quotation mark.

    >>> text = "The firm is doing a great job for us, said Tom Smith. The plan was late, the bank said it had found."
    >>> [text[s:e] for s, e in read_attributed_clauses(text)]
    ['The firm is doing a great job for us,']
    """
    out: list[tuple[int, int]] = []
    by_end: dict[int, int] | None = None  # a segment's end -> the first segment ending there
    odds: tuple[float, ...] = ()
    for m in _ATTRIBUTION_RE.finditer(text):
        comma = m.start()
        start = _sentence_start(text, comma)
        clause = text[start:comma]
        if len(clause.split()) < MIN_WORDS or _QUOTES & set(text[start:m.end()]) or not _attributes(text, m) \
                or _BACKSHIFT_RE.search(clause):
            continue
        if m.group("inverted") and _NAME_APPOSITION_RE.match(clause):
            continue
        verb = _VERB_RE.search(text, m.start(), m.end() + 1)
        rest = _TO_PUNCTUATION_RE.match(text, verb.end()).group() if verb else ""
        if any(w.lower() in _CLAUSE_AFTER_VERB for w in rest.split()):
            continue
        if by_end is None:
            segments, odds = _segment_log_odds(text)
            by_end = {}
            for k, seg in enumerate(segments):
                by_end.setdefault(seg[1], k)
        j = by_end.get(comma + 1)
        if j is not None and odds[j] >= 0:
            out.append((start, comma + 1))
    return out


def opening_frames(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each sentence opener right after a reporting verb mid-sentence.

    "He said We will win" lost a colon (or nothing) and an opening quotation mark before "We".

    >>> text = "Mr Osborne told the Reuters news agency If they default, we will fight."
    >>> [text[s:e] for s, e in opening_frames(text)]
    ['If']
    >>> opening_frames("He said The Times was wrong, and she said it was late.")
    []
    """
    return [(m.start("open"), m.end("open")) for m in _OPENING_FRAME_RE.finditer(text)]


#: A sentence of the damaged text: up to a mark that a capital (or the end) follows. The run
#: before the mark is possessive and a mark that ends no sentence stops the match too
#: (:func:`_sentences` starts again there): a lazy run retried the stretch up to such a mark
#: from each of its characters, quadratic in clean text with its decimal points and "U.S.".
_SEGMENT_SENTENCE_RE = re.compile(r"\S[^.!?]*+(?:([.!?])(?=\s+[A-Z]|\s*$)|(?=[.!?])|$)")


def _sentences(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each sentence: what ``finditer`` of the lazy
    ``\\S[^.!?]*?(?:[.!?](?=\\s+[A-Z]|\\s*$)|$)`` finds, in linear time.

    >>> text = "It rose 3.5 percent. Next year, e.g. more. End\\n"
    >>> [text[s:e] for s, e in _sentences(text)]
    ['.5 percent.', '. more.', 'End']
    """
    out: list[tuple[int, int]] = []
    pos, size = 0, len(text)
    search = _SEGMENT_SENTENCE_RE.search
    while (m := search(text, pos)) is not None:
        start, end = m.span()
        if m.group(1) is None and end < size:
            pos = end  # before a mark that ends no sentence: no sentence starts before it
            continue
        if m.group(1) is None and text.endswith("\n") and end - 1 > start:
            end -= 1  # "$" matches before the text's final line break first
        out.append((start, end))
        pos = m.end()
    return out


_WORD_RE = re.compile(r"[A-Za-z]+")


def speech_segments(text: str) -> list[tuple[int, int, str]]:
    """The stretches a quotation can begin or end at: sentences, cut after an attribution's comma and before a frame's opener.

    Each is ``(start, end, kind)``: ``pre`` a clause before ", he said", ``frame`` the words up
    to a sentence opener after a reporting verb, ``tail`` what follows a cut, ``sent`` a whole sentence.

    >>> text = "It is good, he said. He said We will win."
    >>> [(text[s:e], k) for s, e, k in speech_segments(text)]
    [('It is good,', 'pre'), (' he said.', 'tail'), ('He said ', 'frame'), ('We will win.', 'tail')]
    """
    out: list[tuple[int, int, str]] = []
    for start, end in _sentences(text):
        cut = start
        for a in _ATTRIBUTION_RE.finditer(text, start, end):
            out.append((cut, a.start() + 1, "pre"))
            cut = a.start() + 1
        for f in _OPENING_FRAME_RE.finditer(text, cut, end):
            out.append((cut, f.start("open"), "frame"))
            cut = f.start("open")
        out.append((cut, end, "tail" if cut != start else "sent"))
    return [(s, e, k) for s, e, k in out if text[s:e].strip()]


def segment_features(text: str, segments: list[tuple[int, int, str]], j: int) -> frozenset[str]:
    """The features :func:`quotation_runs` weighs for segment ``j`` of ``segments`` (:func:`speech_segments`).

    Its words (lower case) and pairs of words, ``^`` its first word, ``#`` its kind, a gap where
    a number vanished (``#gap``), its length in eights of words (``#len``), the kind of the
    segment before (``#prev``) and whether that one ended with a reporting verb (``#prevsaid``).

    >>> text = "He said so. We dont know,"
    >>> sorted(segment_features(text, speech_segments(text), 1))
    ['#len0', '#prevsaid', '#prevsent', '#sent', '^we', 'dont', 'dont_know', 'know', 'we', 'we_dont']
    """
    start, end, kind = segments[j]
    segment = text[start:end]
    words = [w.lower() for w in _WORD_RE.findall(segment)]
    feats = set(words)
    feats.update(f"{a}_{b}" for a, b in zip(words, words[1:]))
    if words:
        feats.add(f"^{words[0]}")
    feats.add(f"#{kind}")
    if _GAP_RE.search(segment):
        feats.add("#gap")
    feats.add(f"#len{min(len(words) // 8, 4)}")
    previous = segments[j - 1] if j else None
    feats.add(f"#prev{previous[2] if previous else ''}")
    if previous and _ENDS_REPORTED_RE.search(text, previous[0], previous[1]):
        feats.add("#prevsaid")
    return frozenset(feats)


#: Where a number vanished: a doubled space, or a space before a comma or full stop.
_GAP_RE = re.compile(r"  | [,.]")
#: A segment that ends with a reporting verb's sentence: "he told Reuters.".
_ENDS_REPORTED_RE = re.compile(r"\b(?:said|says|added|told)\b[^,]*\.\s*$")


_QUOTATION_HEADER = "# repairkit quotation words, format 1"


@cache
def quotation_counts() -> tuple[MappingProxyType[str, tuple[int, int]], int, int]:
    """Feature -> (segments inside a quotation, segments outside), and the two totals, from ``data/quotation_words.tsv``.

    >>> table, inside, outside = quotation_counts()
    >>> table["we"][0] > table["we"][1] and inside < outside
    True
    """
    table = count_pairs("quotation_words.tsv", _QUOTATION_HEADER)
    inside_total, outside_total = table.pop("<segments>")
    return MappingProxyType(table), inside_total, outside_total


def quotation_log_odds(features: frozenset[str]) -> float:
    """Naive-Bayes log odds that a segment with ``features`` lies inside a quotation.

    >>> def odds(text): return quotation_log_odds(segment_features(text, speech_segments(text), 0))
    >>> odds("We will never give up.") > 0, odds("The firm said profits had fallen.") < 0
    (True, True)
    """
    prior, weights = _quotation_weights()
    score = prior
    for feat in features:
        weight = weights.get(feat)
        if weight is not None:
            score += weight
    return score


@cache
def _quotation_weights() -> tuple[float, dict[str, float]]:
    """The prior log odds and each counted feature's log-likelihood ratio (add-half smoothing),
    computed once from :func:`quotation_counts`."""
    table, inside, outside = quotation_counts()
    return math.log(inside / outside), {
        feat: math.log((n_in + 0.5) / (inside + 1)) - math.log((n_out + 0.5) / (outside + 1))
        for feat, (n_in, n_out) in table.items() if n_in + n_out}


@lru_cache(maxsize=2)
def _segment_log_odds(text: str) -> tuple[tuple[tuple[int, int, str], ...], tuple[float, ...]]:
    """:func:`speech_segments` of ``text`` and each one's :func:`quotation_log_odds`, once per text
    (RK607 reads them with two sets of weights and asks how much of the text reads as quotation)."""
    segments = speech_segments(text)
    return tuple(segments), tuple(quotation_log_odds(segment_features(text, segments, j))
                                  for j in range(len(segments)))


#: How :func:`quotation_runs` weighs a segment's log odds and how readily the reading changes
#: between segments; chosen on seed-damaged news of even id (counted on the ids divisible by
#: four, measured on the others).
QUOTATION_SCALE = 0.3
QUOTATION_BIAS = -1.0
QUOTATION_STAY = 0.8
#: The liberal weights (scale, bias): what RK607 widens an attribution's hit by, and what
#: :func:`reads_reporting` measures a text's share of quotation with.
LIBERAL = (0.4, 0.0)


def quotation_runs(text: str, scale: float = QUOTATION_SCALE, bias: float = QUOTATION_BIAS) -> list[tuple[int, int]]:
    """``[start, end)`` of each run of segments read as one quotation (two-state Viterbi over :func:`speech_segments`).

    Meant for a text that lost every quotation mark: each segment is inside a quotation or in
    the reporter's voice, by its words (:func:`quotation_log_odds`) and its neighbours'.

    >>> text = "The firm said profits had fallen. We are very disappointed and we will fight on, he said."
    >>> [text[s:e] for s, e in quotation_runs(text)]
    ['We are very disappointed and we will fight on,']
    """
    segments, odds = _segment_log_odds(text)
    if not segments:
        return []
    stay, move = math.log(QUOTATION_STAY), math.log(1 - QUOTATION_STAY)
    emit = [scale * x + bias for x in odds]
    best = [0.0, emit[0]]  # reporter, quotation
    back: list[tuple[int, int]] = []
    for x in emit[1:]:
        to_out = (best[0] + stay, 0) if best[0] + stay >= best[1] + move else (best[1] + move, 1)
        to_in = (best[1] + stay, 1) if best[1] + stay >= best[0] + move else (best[0] + move, 0)
        back.append((to_out[1], to_in[1]))
        best = [to_out[0], to_in[0] + x]
    state = 0 if best[0] >= best[1] else 1
    path = [state]
    for pointers in reversed(back):
        state = pointers[state]
        path.append(state)
    path.reverse()
    runs: list[tuple[int, int]] = []
    for (start, end, _), inside in zip(segments, path):
        if not inside:
            continue
        if runs and runs[-1][1] >= start - 1 and not text[runs[-1][1]:start].strip():
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    return runs


#: The most of a text :func:`reads_reporting` lets read as quotation: a speech or a letter is its
#: author's own words throughout, news quotes in places (on seed-damaged news of even id the
#: liberal reading covers under 0.4 of nine texts in ten, of the speeches over 0.5 of nine in ten).
MAX_QUOTED_SHARE = 0.45
#: A text of fewer segments (:func:`speech_segments`) is too short to tell a voice by.
MIN_SEGMENTS_TO_JUDGE = 10


def reads_reporting(text: str) -> bool:
    """Whether ``text`` reads as reporting with quotations in places, which :func:`quotation_runs` needs.

    Most of it reads in the reporter's voice (under :data:`MAX_QUOTED_SHARE` read as quotation,
    by the liberal weights the widening uses), and not all of it: an address to an audience in the
    first person throughout is no news report with its quotations stripped. A text of fewer
    than :data:`MIN_SEGMENTS_TO_JUDGE` segments is too short to tell.

    >>> reads_reporting(" ".join(["We will win.", "We are strong.", "I thank you all."] * 4))
    False
    >>> reads_reporting("The firm said profits had fallen by a third. Its shares fell. "
    ...                 "We are very disappointed, he said. The board meets on Monday.")
    True
    """
    if len(_segment_log_odds(text)[0]) < MIN_SEGMENTS_TO_JUDGE:
        return True  # too short to show its voice
    runs = quotation_runs(text, *LIBERAL)
    return sum(e - s for s, e in runs) < MAX_QUOTED_SHARE * len(text)

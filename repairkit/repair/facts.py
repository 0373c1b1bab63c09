"""Fact matches: a missing number filled from a number of a related reference, by sentence frame.

A related story gives the figures a damaged text lost in other sentences. Each hole (a
missing-number finding) is compared with every reference fact of a kind that can fill it,
by its *frame*: the content words of the two sentences, the words of its clause on each side
of the hole and of the number (a clause moves: "In 2019, Brazil became" / "Brazil became …
in 2019"; a word on the same side counts more), the role words right before and after them
("to" / "from", "of the total"), its place among the numbers of its clause, and the periods
both sentences mention. Numbers are paired one to one (greedily, best fit first), so "up .
percent, or . percent of the total" takes the two percentages of "a rise of 7.2 percent,
making up 3.1 percent of the total" in their places; a number the aligned reference already
restores at another place is taken there, and a number two holes want almost equally is a
doubt for the one that takes it.

Forms convert: a cardinal fills an ordinal hole ("9 consecutive quarters" -> "9th"), a
currency sign or "%" the damage took comes back with the digits, "2019" of "in 2019" fills
"In ,". A number is only ever one the reference holds, as written.

Confidence is the precision measured for the score (fit, less the best rival's fit) by the
related-story benchmark (:mod:`repairkit.repair.policy`, ``data/fact_calibration.tsv``). A
figure about another period (another period of the same kind: "third" / "fourth quarter",
"last" / "this year", "July" / "August and July") stays below medium; below medium a match is
``manual``, above it at most ``unsafe`` (a related story may give another figure). A value
must read as the fact says: a day goes only next to its own month, a currency word after the
hole ("… bn euros") takes a figure in that currency, a number is never glued to the word
before it ("G902").

>>> from repairkit.model import Finding, Severity, Span
>>> from repairkit.reference.parse import parse_text
>>> ref = parse_text("Trade\\n\\nArgentina's exports grew by 4.2 percent in the spring, officials said.")
>>> doc = Document.from_text("In the spring exports from Argentina grew by . percent.")
>>> hole = doc.text.index(".")
>>> f = Finding("RK103", "bare-quantity", "missing-number", Severity.ERROR,
...             Span(hole, hole + 9), "'percent' has no amount before it",
...             data={"expects": "percentage", "unit": "percent"})
>>> s = fact_suggestions(doc, f, [ref])[0]
>>> s.replacement, doc.text[s.span.start:s.span.end], s.applicability.label in ("manual", "unsafe")
('4.2 percent', '. percent', True)
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from functools import lru_cache

from repairkit.detectors.punctuation import ABBREVIATIONS
from repairkit.document import Document
from repairkit.model import MEDIUM_CONFIDENCE, Applicability, Evidence, Finding, Span, Suggestion
from repairkit.reference.align import restorable
from repairkit.reference.dates import MONTHS, period_kind, periods
from repairkit.reference.facts import CURRENCY_WORDS, SCALES
from repairkit.reference.model import Article, Fact
from repairkit.repair.aligned import aligned_sites, only_restores
from repairkit.repair.policy import applicability, fact_confidence
from repairkit.wordlists import load

#: Fact kinds that can fill each expected kind of value (finding data ``expects``).
KINDS_FOR: dict[str, frozenset[str]] = {
    "ordinal": frozenset({"ordinal", "count", "cardinal"}),
    "year": frozenset({"year"}),
    "decade": frozenset({"year"}),
    "day": frozenset({"date"}),
    "percentage": frozenset({"percent"}),
    "amount": frozenset({"money", "cardinal", "decimal", "count"}),
    "count": frozenset({"count", "cardinal"}),
    "number": frozenset({"cardinal", "decimal", "count", "money", "percent", "year", "ordinal"}),
}
#: Most candidates listed for one finding.
MAX_CANDIDATES = 3
#: Weights of the frame parts in a fit (they sum to 1): sentence words, words near the number, role words.
W_SENTENCE, W_NEAR, W_ROLE = 0.5, 0.3, 0.2
#: Content words on each side of a hole or number that count as "near".
NEAR_WORDS = 5
#: A fit below this shares too little with the hole to be listed at all.
MIN_FIT = 0.08
#: A fact whose number another hole of the text takes with a better fit counts this much of its fit here.
TAKEN_FACTOR = 0.5
#: A conflicting period, place or subject counts this much of the fit.
CONFLICT_FACTOR = 0.5
#: A fit below this shares too little of the sentence to say it is the same figure: it reads like a
#: conflict (below medium, its own calibration rows) whatever its rivals. A related story worded
#: further from the text than the benchmark's rewrites gives such fits to right figures too.
WEAK_FIT = 0.3
_WEAK = "the two sentences share little"

_LETTERS_RE = re.compile(r"[^\W\d_]+")
#: A sentence stop, then a capital or a digit ("in 2006/07. 12 litres"), or a line break.
_SENTENCE_END_RE = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z\d])|\n\s*")
#: The word before a stop that a number follows without ending the sentence ("No. 10", "Jan. 12").
_WORD_AT_STOP_RE = re.compile(r"([^\W\d_]+)\.$")
_DATE_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_PERCENT_WORDS = ("percent", "per cent", "percentage point", "pct")


def ordinal_suffix(n: int) -> str:
    """The English ordinal suffix of ``n``.

    >>> [ordinal_suffix(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)]
    ['st', 'nd', 'rd', 'th', 'th', 'th', 'th', 'st', 'nd', 'st', 'th']
    """
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def stem(word: str) -> str:
    """A crude stem that joins plural and verb forms: "quarters" / "quarter", "rising" / "rise".

    >>> [stem(w) for w in ("quarters", "Companies", "rising", "exported", "doses", "sales")]
    ['quarter', 'company', 'ris', 'export', 'dos', 'sal']
    """
    w = word.lower()
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[:len(w) - len(suffix)] + keep
    return w


def _function_words() -> frozenset[str]:
    return load("function_words")


def _content(text: str) -> list[str]:
    """Stems of the content words of ``text``, in order."""
    stop = _function_words()
    return [stem(m.group()) for m in _LETTERS_RE.finditer(text) if m.group().lower() not in stop
            and len(m.group()) > 1]


def sentence_span(text: str, pos: int) -> tuple[int, int]:
    """``[start, end)`` of the sentence of ``text`` around ``pos``.

    >>> t = "It fell. In , sales rose to . billion. Then it ended."
    >>> s, e = sentence_span(t, t.index(", sales"))
    >>> t[s:e]
    'In , sales rose to . billion.'
    """
    ends = _sentence_ends(text)
    k = bisect.bisect_right(ends, (pos, len(text) + 1))  # the first boundary starting after pos
    before = [e for e in ends[max(0, k - 2):k] if e[1] <= pos]
    start = before[-1][1] if before else 0
    later = [e for e in ends[max(0, k - 1):k + 1] if e[0] >= pos]
    end = later[0][2] if later else len(text)
    return start, end


@lru_cache(maxsize=16)
def _sentence_ends(text: str) -> list[tuple[int, int, int]]:
    """``(start, end, end of its stop)`` of each sentence boundary of ``text``, computed once per text.

    A number opens a sentence too ("... in 2006/07. 12 litres ..."), unless the stop ends an
    abbreviation ("No. 10 Downing Street"):

    >>> t = "It rose in 2006/07. 12 litres went to No. 10 Downing Street."
    >>> [t[e:] for _, e, _ in _sentence_ends(t)]
    ['12 litres went to No. 10 Downing Street.']
    """
    out = []
    for m in _SENTENCE_END_RE.finditer(text):
        if text[m.end():m.end() + 2].lstrip("\"“‘(")[:1].isdigit():
            word = _WORD_AT_STOP_RE.search(text, max(0, m.start() - 12), m.start() + 1)
            if word and word.group(1).lower() in ABBREVIATIONS:
                continue
        out.append((m.start(), m.end(), m.start() + len(m.group().rstrip())))
    return out


@dataclass(frozen=True)
class Frame:
    """The words around a number (or a hole) in its sentence."""

    sentence: tuple[str, ...]
    #: Content words of its clause before and after it, nearest last / first (at most NEAR_WORDS each).
    near_before: tuple[str, ...]
    near_after: tuple[str, ...]
    before: str
    after: str
    periods: frozenset[str]
    text: str
    #: Index and count of the numbers of its clause (``None`` when unknown).
    place: tuple[int, int] | None = None
    #: ``[start, end)`` of its clause in the text.
    clause: tuple[int, int] = (0, 0)
    #: A surface form of each stem, for notes.
    surface: tuple[tuple[str, str], ...] = ()


#: How far back (in code points) the word before a number is looked for.
_WORD_WINDOW = 300


def _word_before(text: str, pos: int, skip: frozenset[str] = frozenset()) -> str:
    words = [m.group().lower() for m in _LETTERS_RE.finditer(text, max(0, pos - _WORD_WINDOW), pos)]
    while words and words[-1] in skip:
        words.pop()
    return words[-1] if words else ""


def _word_after(text: str, pos: int, skip: frozenset[str] = frozenset()) -> str:
    for m in _LETTERS_RE.finditer(text, pos):
        if m.group().lower() not in skip:
            return m.group().lower()
    return ""


#: What ends a clause inside a sentence: a comma (the one mark every kind of damage leaves; a
#: bracket or a dash the text lost would split the reference's clauses and not the text's).
_CLAUSE_END_RE = re.compile(r",")


def clause_span(text: str, start: int, end: int, sentence: tuple[int, int] | None = None) -> tuple[int, int]:
    """``[start, end)`` of the clause around ``text[start:end]``, within its sentence.

    A clause with no content word of its own ("In , Brazil became") runs on into the clauses
    on both sides.

    >>> t = "After first contesting Hallam in 1974, he entered Parliament for Brightside in 1987."
    >>> s, e = clause_span(t, t.index("1987"), t.index("1987") + 4)
    >>> t[s:e]
    ' he entered Parliament for Brightside in 1987.'
    >>> t = "In 2019, Brazil became the largest market."
    >>> s, e = clause_span(t, 3, 7)
    >>> t[s:e]
    'In 2019, Brazil became the largest market.'
    """
    s, e = sentence or sentence_span(text, start)
    e = max(e, end)
    ends = [(m.start(), m.end()) for m in _CLAUSE_END_RE.finditer(text, s, e)]
    lo = max((b for _, b in ends if b <= start), default=s)
    hi = min((a for a, _ in ends if a >= end), default=e)
    if not _content(text[lo:start]) and not _content(text[end:hi]):
        lo = max((b for _, b in ends if b < lo - 1), default=s) if lo > s else s
        hi = min((a for a, _ in ends if a > hi), default=e) if hi < e else e
    return lo, hi


def frame_at(text: str, start: int, end: int, unit_words: frozenset[str] = frozenset()) -> Frame:
    """The frame of ``text[start:end]`` (a number or a hole); ``unit_words`` are the number's own words."""
    s, e = sentence_span(text, start)
    e = max(e, end)
    before = _content(text[s:start])
    after = _content(text[end:e])
    own = {stem(w) for w in unit_words}
    sentence = tuple(w for w in before + after if w not in own)
    lo, hi = clause_span(text, start, end, (s, e))
    near_before = tuple(w for w in _content(text[lo:start]) if w not in own)[-NEAR_WORDS:]
    near_after = tuple(w for w in _content(text[end:hi]) if w not in own)[:NEAR_WORDS]
    surface = tuple({stem(m.group()): m.group().lower() for m in _LETTERS_RE.finditer(text, s, e)}.items())
    return Frame(sentence, near_before, near_after,
                 _word_before(text, start), _word_after(text, end, frozenset(unit_words)),
                 text_periods(text[s:e]), " ".join(text[s:e].split()), surface=surface, clause=(lo, hi))


#: Month names in full, for the periods written glued ("JanuarytoMarch": damage took the hyphens).
_MONTH_NAMES = "|".join(m for m in MONTHS if len(m) > 3 or m == "may")
#: Periods :func:`~repairkit.reference.dates.periods` misses: a month range whose hyphens went
#: ("JanuarytoMarch"), a half or quarter written with a hyphen or glued ("first-half",
#: "firsthalf"), a period whose apostrophe went ("last weeks top film").
_MORE_PERIODS_RE = re.compile(
    r"(?<![^\W\d_])(?:(?P<m1>" + _MONTH_NAMES + r")(?:-?to-?|-)(?P<m2>" + _MONTH_NAMES + r")"
    r"|(?P<ord>first|second|third|fourth|last|final)-?(?P<part>quarter|half)"
    r"|(?P<rel>last|this|next|previous) (?P<unit>year|month|week|quarter)s)(?![^\W\d_])", re.IGNORECASE)


def text_periods(text: str) -> frozenset[str]:
    """The periods a sentence names, as :func:`~repairkit.reference.dates.periods` and those it misses.

    >>> sorted(text_periods("In the JanuarytoMarch quarter, as in last weeks firsthalf report"))
    ['first half', 'january', 'last week', 'march']
    """
    found = set(periods(text))
    for m in _MORE_PERIODS_RE.finditer(text):
        if m.group("m1"):
            found |= {m.group("m1").lower(), m.group("m2").lower()}
        elif m.group("ord"):
            found.add(f"{m.group('ord').lower()} {m.group('part').lower()}")
        else:
            found.add(f"{m.group('rel').lower()} {m.group('unit').lower()}")
    return frozenset(found)


def _weights(frames: Sequence[Frame]) -> dict[str, float]:
    """Inverse sentence frequency of each stem over a reference's number sentences."""
    df: dict[str, int] = {}
    for fr in {f.text: f for f in frames}.values():
        for w in set(fr.sentence):
            df[w] = df.get(w, 0) + 1
    n = len({f.text for f in frames}) + 1
    return {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}


def _weight(w: str, weights: dict[str, float]) -> float:
    return weights.get(w, math.log(len(weights) + 2))


@dataclass
class Candidate:
    """One reference fact as the value of one hole."""

    hole: int
    fact: Fact
    ref: Article
    span: Span
    replacement: str
    fit: float
    shared: tuple[str, ...]
    conflict: str = ""
    taken_by: int | None = None
    #: The fit before pairing, and the fit of the hole that took this number (when another did).
    raw_fit: float = 0.0
    owner_fit: float = 0.0
    #: The best fit of another hole to this number, when this hole took it (a close pairing is a doubt).
    contest: float = 0.0
    score: float = 0.0
    rival: Candidate | None = None
    fact_frame: Frame | None = field(default=None, repr=False)
    #: The frame fit is below WEAK_FIT (``conflict`` says so; the fit is not halved).
    weak: bool = False

    @property
    def value_key(self) -> str:
        """Candidates with the same value for the same place are one candidate."""
        return f"{self.span.start}:{self.span.end}:{self.replacement}"


def fit_of(hole: Frame, fact: Frame, weights: dict[str, float]) -> tuple[float, tuple[str, ...]]:
    """How well a fact's frame matches a hole's (0-1) and the content words they share."""
    # Sums run over sorted words: a set's order varies from process to process (hash seeds), and
    # float sums in another order differ in the last bit, which would reorder tied candidates.
    hs, fs = set(hole.sentence), set(fact.sentence)
    shared = sorted(hs & fs)
    total = sum(_weight(w, weights) for w in sorted(hs)) + sum(_weight(w, weights) for w in sorted(fs))
    sentence = 2 * sum(_weight(w, weights) for w in shared) / total if total else 0.0
    near = _near_fit(hole, fact, weights)
    order = hole.place is not None and hole.place == fact.place
    role = 0.35 * (hole.before == fact.before and bool(hole.before)) + 0.35 * (hole.after == fact.after
                                                                               and bool(hole.after)) + 0.3 * order
    ranked = sorted(shared, key=lambda w: -_weight(w, weights))  # ties keep alphabetical order
    return W_SENTENCE * sentence + W_NEAR * near + W_ROLE * role, tuple(ranked)


#: A word of the clause found on the other side of the number counts this much of one on the same side.
CROSS_SIDE = 0.5


def _near_fit(hole: Frame, fact: Frame, weights: dict[str, float]) -> float:
    """Share of the hole's clause words (by weight) that the fact's clause has, on the same side or, less, the other.

    Clauses move ("In 2019, Brazil became" / "Brazil became ... in 2019") but words that stay
    on the same side of the number are the stronger sign of the same figure.
    """
    hb, ha, fb, fa = set(hole.near_before), set(hole.near_after), set(fact.near_before), set(fact.near_after)
    total = sum(_weight(w, weights) for w in sorted(hb)) + sum(_weight(w, weights) for w in sorted(ha))
    if not total:
        return 0.0
    same = sum(_weight(w, weights) for w in sorted(hb & fb)) + sum(_weight(w, weights) for w in sorted(ha & fa))
    cross = sum(_weight(w, weights) for w in sorted((hb - fb) & fa)) + \
        sum(_weight(w, weights) for w in sorted((ha - fa) & fb))
    return min(1.0, (same + CROSS_SIDE * cross) / total)


def _conflict(hole: Frame, fact: Frame) -> str:
    """Why the fact is about something else: another period, or other names; ``""`` when not."""
    for kind in sorted({period_kind(p) for p in hole.periods}):
        here = {p for p in hole.periods if period_kind(p) == kind}
        there = {p for p in fact.periods if period_kind(p) == kind}
        if there and here != there:
            return (f"the reference speaks of {', '.join(sorted(fact.periods))}, this text of "
                    f"{', '.join(sorted(hole.periods))}")
    # Names are left to the frame fit: on the related-story benchmark, "no name in common" marked
    # as many right figures as wrong ones (capitalised sentence openers, renamed subjects).
    return ""


def _residue(text: str) -> str:
    """What damage leaves of a number as written: "$1.5 billion" -> ". billion"."""
    return "".join(c for c in text if not (c.isdigit() or (restorable(c) and not c.isspace())))


def _hole_at(doc: str, finding: Finding) -> tuple[int, list[int]]:
    lo, hi = finding.span.start, finding.span.end
    gaps = [p for p in range(lo, hi + 1) if p > 0 and doc[p - 1].isspace() and not doc[p:p + 1].isalnum()]
    hole = next((s.span.start for s in finding.suggestions), gaps[0] if gaps else lo)
    if doc[hole - 1:hole + 1] != "  " and hole >= 2 and doc[hole - 2:hole] == "  " and lo <= hole - 1:
        hole -= 1  # "government  , who": the lost figure stood between the two spaces, not against the comma
    return hole, gaps


def placements(doc: str, finding: Finding, written: str) -> list[Span]:
    """Where ``written`` may go, nearest the hole first: the residue it left inside the finding, if it only restores."""
    residue = _residue(written)
    lo, hi = finding.span.start, finding.span.end
    hole, gaps = _hole_at(doc, finding)
    marked = {s.span.start for s in finding.suggestions}
    spans: list[Span] = []
    for p in sorted(range(lo, hi + 1), key=lambda p: abs(p - hole)):
        if doc[p:p + len(residue)] != residue:
            continue
        span = Span(p, p + len(residue))
        if not residue and p not in gaps and p not in marked and not (p > 0 and doc[p - 1] in _SIGNS):
            continue  # an insertion here would glue the number to a word or a full stop
        if not only_restores(doc[span.start:span.end], written):
            continue
        if p > 0 and doc[p - 1].isalpha() and written[:1].isdigit():
            continue  # "G902": a reference number is never glued to the word before it (see FACT_RE)
        if span.end < len(doc) and doc[span.end].isalnum() and written[-1:].isalnum() and not residue.endswith(" "):
            if not (written[-1:].isdigit() and _scale_word(doc, span.end)):
                continue  # "5" glued to the next word
        spans.append(span)
    return spans


#: Scale words written against the number: "$365m", "1.5bn".
_ABBREVIATED_SCALES = frozenset({"k", "m", "mn", "bn", "b", "tn"})


def _spaced_from_scale(text: str, span: Span, written: str) -> bool:
    """True when ``written`` put at ``span`` would stand a space before an abbreviated scale ("$365 m").

    >>> _spaced_from_scale("in  m;", Span(3, 3), "$365"), _spaced_from_scale("in  m;", Span(4, 4), "$365")
    (True, False)
    """
    return written[-1:].isdigit() and text[span.end:span.end + 1] == " " and \
        _scale_word(text, span.end) in _ABBREVIATED_SCALES


def _scale_word(text: str, pos: int) -> str:
    """The scale word right at or after ``pos`` ("bn", " million"), lower case, or ``""``."""
    m = re.compile(r"\s?([A-Za-z]+)\b").match(text, pos)
    word = m.group(1).lower() if m else ""
    return word if word in SCALES else ""


def _number_core(fact: Fact) -> str:
    m = re.search(r"\d[\d,]*(?:\.\d+)?", fact.text)
    return m.group() if m else ""


def _forms(fact: Fact, expects: str, suffix: str) -> list[str]:
    """Ways to write the fact's number in the hole, the reference's own first."""
    core = _number_core(fact)
    if not core:
        return []
    cur = fact.currency or ""
    sign = "".join(c for c in cur if restorable(c))
    forms = [fact.text, core]
    if fact.kind == "date":
        return [fact.text, *re.findall(r"\d+", fact.text)]
    if fact.kind == "money" and sign:
        forms.insert(1, sign + core)
        forms.insert(1, cur + core)
    if fact.kind == "percent":
        forms.insert(1, core + "%")
    if expects == "ordinal":
        if fact.kind == "ordinal":
            return [fact.text]
        if "." in core or "," in core:
            return []
        return [core + ordinal_suffix(int(core))]
    return list(dict.fromkeys(forms))


def _reads_as_fact(doc: str, span: Span, written: str, fact: Fact, suffix: str) -> bool:
    """True when the text, once ``written`` is in, still says what the fact says (unit, scale, sign)."""
    after = doc[span.end:span.end + 24].lower()
    before = doc[max(0, span.start - 4):span.start]
    full = (written + after).lower()
    if suffix:
        return written.endswith(suffix)
    lead = re.match(r"[^\w\s]+", written)
    if lead and (before.endswith(lead.group()) or doc[span.end:span.end + 1] == lead.group()[-1]):
        return False  # the sign survived the damage: it must not come back twice ("££75m")
    sign_here = before[-1:] if before[-1:] in _SIGNS else ""
    if sign_here and fact.kind == "money" and sign_here not in (fact.currency or ""):
        return False  # "£" stands here, the reference's figure is in another currency
    word_here = _CURRENCY_AFTER_RE.match(doc, span.end)
    if word_here and (fact.kind != "money" or currency_family(fact.currency or "")
                      != currency_family(word_here.group(1))):
        return False  # ". bn euros" takes a figure in euros, not "£1.8" nor a bare "66"
    if _decimal_hole(doc, span) and "." not in _residue(written):
        return False  # a lone "." here is what is left of a decimal
    if fact.kind == "date":
        return _date_part_fits(doc, span, written, fact)
    if fact.kind == "percent":
        marks = (written.endswith("%"), any(w in written.lower() for w in _PERCENT_WORDS),
                 any(re.match(r"\s?" + w, after) for w in _PERCENT_WORDS))
        if sum(marks) != 1:
            return False  # "5" with no percent after it, or "5%" / "5 percent" before "percent"
    elif any(re.match(r"\s?" + w + r"\b", after) for w in _PERCENT_WORDS) or after.startswith("%"):
        return False
    doc_scale = _scale_word(doc, span.end)
    fact_scale = (fact.unit or "").lower() if (fact.unit or "").lower() in SCALES else ""
    if fact_scale or re.search(r"\d\s?(?:" + "|".join(SCALES) + r")\b", fact.text.lower()):
        written_scale = re.search(r"\d\s?([a-z]+)\b", written.lower())
        scale = written_scale.group(1) if written_scale and written_scale.group(1) in SCALES else doc_scale
        if not scale or SCALES[scale] != SCALES.get(fact_scale or scale, 0):
            return False
    elif doc_scale and not re.search(r"\d\s?[a-z]", written.lower()):
        return False  # "1.5" into ". billion" when the reference's figure has no scale
    if fact.kind == "money" and fact.currency:
        sign = "".join(c for c in fact.currency if restorable(c))
        word = fact.currency.lower() if fact.currency.isalpha() else ""
        if sign and not (sign in written or before.endswith(sign)):
            return False
        if word and word not in full:
            return False
    if fact.kind == "count" and fact.unit and stem(fact.unit) not in {stem(w) for w in _LETTERS_RE.findall(full)[:4]}:
        return False
    if fact.kind in ("year", "date") and not (written.isdigit() or fact.kind == "date"):
        return False
    return True


#: Marks that join two numbers with no space ("31:41", "6-4", "3/4").
_JOINS = ":/-–"


def _wrong_side_of_join(doc: str, span: Span, ref_text: str, fact: Fact) -> bool:
    """True when the reference writes the number on one side of a joining mark and ``span`` is on the other.

    "31:41": "41" follows the ":", so it never fills the hole before a ":" ("in a time of :."),
    where its partner stood.

    >>> ref = "a time of 31:41, it emerged"
    >>> f41 = Fact("cardinal", "41", "41", 13, 15, None, None, "", "", 0)
    >>> f31 = Fact("cardinal", "31", "31", 10, 12, None, None, "", "", 0)
    >>> doc = "a time of :."
    >>> _wrong_side_of_join(doc, Span(10, 10), ref, f41), _wrong_side_of_join(doc, Span(10, 10), ref, f31)
    (True, False)
    """
    ref_before = ref_text[fact.start - 1:fact.start] if fact.start else ""
    ref_after = ref_text[fact.end:fact.end + 1]
    doc_before = doc[span.start - 1:span.start] if span.start else ""
    doc_after = doc[span.end:span.end + 1]
    if ref_before and ref_before in _JOINS and ref_after != ref_before:
        return doc_after == ref_before and doc_before != ref_before
    if ref_after and ref_after in _JOINS and ref_before != ref_after:
        return doc_before == ref_after and doc_after != ref_after
    return False


_SIGNS = "$£€¥₹"
#: A currency word right after a hole, past a scale word: ". bn euros", " million dollars".
_CURRENCY_AFTER_RE = re.compile(r"\s?(?:(?:" + "|".join(sorted(SCALES, key=len, reverse=True)) + r")\b\s?)?("
                                + "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
#: Currency marks and words of one family, for comparing "€" with "euros".
_CURRENCY_FAMILIES = (("$", "dollar", "usd"), ("£", "pound", "gbp"), ("€", "euro", "eur"), ("¥", "yen", "jpy"),
                      ("yuan", "rmb", "cny"), ("₹", "rupee"))


def currency_family(mark: str) -> str:
    """One name for the marks and words of a currency.

    >>> [currency_family(m) for m in ("US$", "dollars", "€", "euros", "£", "yuan", "ringgit")]
    ['$', '$', '€', '€', '£', 'yuan', 'ringgit']
    """
    low = mark.lower()
    for family in _CURRENCY_FAMILIES:
        if any(m in low for m in family):
            return family[0]
    return low.rstrip("s")


def _decimal_hole(doc: str, span: Span) -> bool:
    """True when a "." next to ``span`` can only be a stripped decimal point ("rose . to", ". billion")."""
    for p in (span.start, span.end, span.start - 1):
        if 0 <= p < len(doc) and doc[p] == "." and (p == span.start or span.start == span.end or p < span.start):
            nxt = doc[p + 1:p + 3]
            prev = doc[p - 1:p] if p else ""
            if (prev in (" ", "") or not prev.isalnum()) and (nxt[:1].isalpha() or (nxt[:1] == " " and nxt[1:2].islower())
                                                              or (nxt[:1] != "" and nxt[:1] in ".,;%")):
                return True
    return False


def _date_part_fits(doc: str, span: Span, written: str, fact: Fact) -> bool:
    """A day or a year out of a date fact goes only where its month word stands on the right side."""
    if written == fact.text:
        return True
    month_after = _word_after(doc, span.end) in MONTHS
    month_before = _word_before(doc, span.start) in MONTHS
    m = re.search(r"(\d+)?\s*([A-Za-z]+)\.?,?\s*(\d+)?", fact.text)
    if not m or m.group(2).lower() not in MONTHS:
        return False
    month = MONTHS[m.group(2).lower()]
    if month_after:
        return written == m.group(1) and MONTHS[_word_after(doc, span.end)] == month
    if month_before:
        return written == m.group(3) and MONTHS[_word_before(doc, span.start)] == month
    return False


def doc_date(doc: Document) -> str | None:
    """An ISO date near the top of the text (a dateline), if any.

    >>> doc_date(Document.from_text("Title\\n2021-03-04 10:00\\nBody"))
    '2021-03-04'
    """
    m = _DATE_RE.search(doc.text[:400])
    return m.group() if m else None


def _passage_date(ref: Article, fact: Fact) -> str | None:
    """The latest date the reference gives in the passage of ``fact`` (ISO, maybe partial)."""
    dates = [f.value for f in ref.facts if f.kind == "date" and f.block == fact.block and f.value[:1].isdigit()]
    return max(dates) if dates else None


#: Words that belong to a number, not to its frame: scales, percent words, ordinal suffixes.
_NUMBER_WORDS = frozenset(SCALES) | {"percent", "per", "cent", "percentage", "points", "point", "pct",
                                     "st", "nd", "rd", "th", "s"}


def fact_scale(fact: Fact) -> str:
    """The scale word of a fact, as its unit or written against its number ("200m events": "m").

    >>> events = Fact("count", "200m events", "200000000", 0, 11, "events", None, "", "", 0)
    >>> days = Fact("count", "9 days", "9", 0, 6, "days", None, "", "", 0)
    >>> fact_scale(events), fact_scale(days)
    ('m', '')
    """
    unit = (fact.unit or "").lower()
    if unit in SCALES:
        return unit
    m = re.search(r"\d\s?([a-z]+)\b", fact.text.lower())
    return m.group(1) if m and m.group(1) in SCALES else ""


def _unit_words(fact: Fact) -> frozenset[str]:
    words = {w.lower() for w in _LETTERS_RE.findall(fact.text)}
    if fact.unit:
        words |= {w.lower() for w in fact.unit.split()}
    return frozenset(words)


def candidates(doc: Document, findings: Sequence[Finding], references: Sequence[Article]) -> dict[int, list[Candidate]]:
    """Scored candidates of each finding (by index), best first, numbers paired one to one."""
    text = doc.text
    dated = doc_date(doc)
    year = int(dated[:4]) if dated else None
    frames: dict[tuple[int, int], Frame] = {}
    ref_weights: dict[int, dict[str, float]] = {}
    for r, ref in enumerate(references):
        for k, fact in enumerate(ref.facts):
            frames[(r, k)] = frame_at(ref.text, fact.start, fact.end, _unit_words(fact) | _NUMBER_WORDS)
        ref_weights[r] = _weights([frames[(r, k)] for k in range(len(ref.facts))])
        _number_places(frames, r, [(f.start, f.end) for f in ref.facts])
    holes = [(_hole_at(text, f)[0],) * 2 for f in findings]
    hole_frames: dict[tuple[int, int], Frame] = {}
    for i, finding in enumerate(findings):
        unit = str(finding.data.get("unit") or "").lower()
        suffix = str(finding.data.get("suffix") or "")
        hole_frames[(-1, i)] = frame_at(text, holes[i][0], holes[i][0], _NUMBER_WORDS | {unit, suffix} - {""})
    _number_places(hole_frames, -1, holes)
    out: dict[int, list[Candidate]] = {}
    for i, finding in enumerate(findings):
        expects = str(finding.data.get("expects", "number"))
        kinds = KINDS_FOR.get(expects, KINDS_FOR["number"])
        suffix = str(finding.data.get("suffix") or "")
        unit = str(finding.data.get("unit") or "").lower()
        hole = holes[i][0]
        hole_frame = hole_frames[(-1, i)]
        found: list[Candidate] = []
        for r, ref in enumerate(references):
            for k, fact in enumerate(ref.facts):
                if fact.kind not in kinds:
                    continue
                if year and expects in ("year", "decade") and fact.value[:4].isdigit() and int(fact.value[:4]) > year:
                    continue  # a text cannot report a year after its own date as past
                if unit and (fact.unit or "").lower() not in (unit, unit + "s") and unit not in fact.text.lower().split() \
                        and not (unit in SCALES and SCALES[unit] == SCALES.get(fact_scale(fact), 0)):
                    if not (fact.kind == "percent" and unit in ("percent", "pct")):
                        continue
                fitting = [(abs(sp.start - hole), n, w, sp) for n, w in enumerate(_forms(fact, expects, suffix))
                           for sp in placements(text, finding, w) if _reads_as_fact(text, sp, w, fact, suffix)
                           and not _wrong_side_of_join(text, sp, ref.text, fact)]
                if not fitting:
                    continue
                # an abbreviated scale is written against its number ("$365m"), so a place right
                # before it beats one a space away ("in  m;": the year's gap, then "$365m")
                _, _, written, span = min(fitting, key=lambda t: (_spaced_from_scale(text, t[3], t[2]), t[0], t[1]))
                fr = frames[(r, k)]
                own = _NUMBER_WORDS | _unit_words(fact) | {unit, suffix}
                here = replace(hole_frame, after=_word_after(text, hole, own),
                               before=_word_before(text, hole, _unit_words(fact) | {unit, suffix}))
                fit, shared = fit_of(here, fr, ref_weights[r])
                conflict = _conflict(hole_frame, fr)
                passage_date = _passage_date(ref, fact) if dated else None
                if passage_date and passage_date > dated:
                    conflict = conflict or f"the reference passage is dated {passage_date}, " \
                                           f"later than this text ({dated})"
                if conflict:
                    fit *= CONFLICT_FACTOR
                elif fit < WEAK_FIT:
                    conflict = f"{_WEAK} (fit {fit:.2f})"  # read as a doubt, not halved
                if fit >= MIN_FIT:
                    words = dict(hole_frame.surface)
                    found.append(Candidate(i, fact, ref, span, written, fit, tuple(words.get(w, w) for w in shared),
                                           conflict, fact_frame=fr, weak=conflict.startswith(_WEAK)))
        out[i] = found
    _pair(out, references, findings, text)
    for found in out.values():
        _rank(found)
    return out


def _number_places(frames: dict[tuple[int, int], Frame], key: int, spans: list[tuple[int, int]]) -> None:
    """Give each frame its index among the numbers (or holes) of its clause, and their count."""
    by_clause: dict[tuple[int, int], list[int]] = {}
    for k in range(len(spans)):
        by_clause.setdefault(frames[(key, k)].clause, []).append(k)
    for members in by_clause.values():
        starts = sorted({spans[k][0] for k in members})
        for k in members:
            frames[(key, k)] = replace(frames[(key, k)], place=(starts.index(spans[k][0]), len(starts)))


#: ``taken_by`` of a number the aligned reference already restores at another place of the text.
ALIGNED = -1


def _aligned_claims(text: str, references: Sequence[Article]) -> dict[tuple[int, int], Span]:
    """Reference numbers an aligned passage restores in the text: ``(id(ref), fact start)`` -> where.

    Such a number has its place already ("in 2003. But" aligned to "in . But"), so it fills
    another hole only as a number taken by a better fit.
    """
    claims: dict[tuple[int, int], Span] = {}
    for ref in references:
        spans = [(e.start, e.end, site.span) for site in aligned_sites(text, ref)
                 if any(ch.isdigit() for ch in site.suggestion.replacement or "") for e in site.suggestion.evidence]
        for fact in ref.facts:
            for s, e, place in spans:
                if s < fact.end and fact.start < e:
                    claims[(id(ref), fact.start)] = place
    return claims


def _pair(out: dict[int, list[Candidate]], references: Sequence[Article], findings: Sequence[Finding] = (),
          text: str = "") -> None:
    """One reference number, one hole: a number that fits another hole better counts less here.

    A number the aligned reference restores at another place of the text counts as taken there.
    """
    claims = _aligned_claims(text, references) if text else {}

    def claimed_elsewhere(c: Candidate) -> bool:
        place = claims.get((id(c.ref), c.fact.start))
        hole = findings[c.hole].span
        return place is not None and not (place.start <= hole.end and hole.start <= place.end)

    pairs = sorted((c for found in out.values() for c in found if not claimed_elsewhere(c)), key=lambda c: -c.fit)
    taken: dict[tuple[int, int], tuple[int, float]] = {}
    filled: set[int] = set()
    for c in pairs:
        key = (id(c.ref), c.fact.start)
        if c.hole in filled or key in taken:
            continue
        taken[key] = (c.hole, c.fit)
        filled.add(c.hole)
    wanted: dict[tuple[int, int], list[Candidate]] = {}
    for found in out.values():
        for c in found:
            c.raw_fit = c.fit
            wanted.setdefault((id(c.ref), c.fact.start), []).append(c)
            owner = (ALIGNED, 1.0) if claimed_elsewhere(c) else taken.get((id(c.ref), c.fact.start))
            if owner is not None and owner[0] != c.hole:
                c.taken_by, c.owner_fit = owner
                c.fit *= TAKEN_FACTOR
    for rivals in wanted.values():
        for c in rivals:
            if c.taken_by is None:
                c.contest = max((o.raw_fit for o in rivals if o.hole != c.hole and o.taken_by != ALIGNED),
                                default=0.0)


def _rank(found: list[Candidate]) -> None:
    """Best first (one about another period last), one candidate per value; each scored by its fit less its best rival's."""
    found.sort(key=lambda c: (bool(c.conflict) and not c.weak, -c.fit))  # another period or date comes last
    seen: dict[str, Candidate] = {}
    for c in found:
        seen.setdefault(c.value_key, c)
    distinct = list(seen.values())
    found[:] = distinct
    for c in distinct:
        rivals = [o for o in distinct if o is not c and o.replacement != c.replacement]
        c.rival = max(rivals, key=_strength) if rivals else None
        c.score = score_of(c.fit, max(_strength(c.rival) if c.rival else 0.0, c.contest))


#: A competitor (the best rival value, or another hole that wants this number) counts this share of its fit,
COMPETITOR_SHARE = 0.25
#: and in full for what it has beyond this share of the candidate's own fit: a close competitor is a doubt.
CLOSE_SHARE = 0.7


def score_of(fit: float, competitor: float) -> float:
    """The score the calibration reads: the fit, less what a competitor takes from it.

    A lone fit keeps its value; a competitor as strong as the candidate takes most of it, so a
    tie between two figures never reads as sure. Shares chosen on the even half of the
    related-story benchmark (calibrated on one seed, tested on the other).

    >>> score_of(0.6, 0.0), score_of(0.9, 0.3), score_of(0.9, 0.9)
    (0.6, 0.825, 0.405)
    """
    return round(fit - COMPETITOR_SHARE * competitor - max(0.0, competitor - CLOSE_SHARE * fit), 4)


def _strength(rival: Candidate) -> float:
    """How strongly a rival competes: a number another hole took counts as much as that hole's lead allows.

    When the other hole fits it only a little better than this one does, the pairing was close
    and the rival stays strong; when the other hole fits it far better, it hardly competes here.
    """
    if rival.taken_by is None:
        return rival.fit
    return max(rival.fit, 2 * rival.raw_fit - rival.owner_fit)


def reading_of(c: Candidate) -> str:
    """The calibration reading of a candidate, each measured on its own.

    ``weak``: the frame fits below WEAK_FIT; ``conflict``: another period or date; ``tie``: it
    wins, but a competitor fits almost as well (:func:`near_tie`); ``contested``: a competitor
    fits better, or its number fits another hole better (a pairing it lost, on the even half
    right one time in four, the beaten ones that score high included); ``frame``: the rest.
    """
    if c.weak:
        return "weak"
    if c.conflict:
        return "conflict"
    competitor = max(_strength(c.rival) if c.rival else 0.0, c.contest)
    if near_tie(c) and competitor <= c.fit:
        return "tie"
    return "contested" if c.taken_by is not None or competitor > c.fit else "frame"


#: While :func:`recording` runs: ``(start, end, replacement, confidence, score, reading)`` of each suggestion made.
_PROBE: ContextVar[list[tuple[int, int, str, float, float, str]] | None] = ContextVar("fact_probe", default=None)


@contextmanager
def recording() -> Iterator[list[tuple[int, int, str, float, float, str]]]:
    """Collect the score and reading behind every fact suggestion made inside the block (for calibration).

    >>> with recording() as rows:
    ...     pass
    >>> rows
    []
    """
    rows: list[tuple[int, int, str, float, float, str]] = []
    token = _PROBE.set(rows)
    try:
        yield rows
    finally:
        _PROBE.reset(token)


def fact_suggestions_for(doc: Document, findings: Sequence[Finding],
                         references: Sequence[Article]) -> dict[int, list[Suggestion]]:
    """Suggestions from reference facts for each finding (by index), best first."""
    out: dict[int, list[Suggestion]] = {}
    probe = _PROBE.get()
    for i, found in candidates(doc, findings, references).items():
        chosen = found[:MAX_CANDIDATES]
        confs = [fact_confidence(c.score, reading_of(c)) for c in chosen]
        out[i] = [_suggestion(doc, findings[i], c, conf, sum(1 for j, o in enumerate(confs)
                                                             if o >= MEDIUM_CONFIDENCE and chosen[j] is not c)
                              + near_tie(c))
                  for c, conf in zip(chosen, confs, strict=True)]
        if probe is not None:
            probe.extend((s.span.start, s.span.end, s.replacement or "", s.confidence, c.score, reading_of(c))
                         for s, c in zip(out[i], chosen, strict=True))
    return out


#: A competitor fitting at least this share of a candidate's fit is a near tie: an editor chooses.
NEAR_TIE = 0.85


def near_tie(c: Candidate) -> int:
    """1 when a rival value, or another hole wanting this number, fits almost as well (so the choice is manual)."""
    competitor = max(_strength(c.rival) if c.rival else 0.0, c.contest)
    return int(competitor >= NEAR_TIE * c.fit)


def fact_suggestions(doc: Document, finding: Finding, references: Sequence[Article]) -> list[Suggestion]:
    """Suggestions from reference facts that fit ``finding``, best first."""
    return fact_suggestions_for(doc, [finding], references).get(0, [])


def _quote(fr: Frame | None, fact: Fact) -> str:
    text = fr.text if fr else fact.text
    return text if len(text) <= 160 else "… " + text[max(0, text.find(fact.text) - 70):][:150] + " …"


def _suggestion(doc: Document, finding: Finding, c: Candidate, conf: float, alternatives: int) -> Suggestion:
    fact, ref = c.fact, c.ref
    parts = [f"The reference {ref.path} gives '{fact.text}' in '{_quote(c.fact_frame, fact)}'"]
    if ref.date:
        parts.append(f"(reference dated {ref.date.isoformat()})")
    said = parts[0] + (" " + parts[1] if len(parts) > 1 else "")
    why = [f"both sentences mention {', '.join(c.shared[:5])}" if c.shared else "the sentences share no content word"]
    if c.replacement != fact.text:
        why.append(f"written '{c.replacement}' here")
    if c.conflict:
        why.append(c.conflict + ": not the same figure unless an editor says so")
    if c.taken_by == ALIGNED:
        why.append("the aligned reference already restores this number at another place of the text")
    elif c.taken_by is not None:
        why.append("this number fits another missing number of the text better")
    elif c.contest and c.contest >= c.raw_fit - 0.1:
        why.append(f"it fits another missing number of the text almost as well ({c.contest:.2f})")
    if c.rival is not None:
        rival = c.rival
        if rival.fit > c.fit:
            why.append(f"'{rival.replacement}' fits better ({_why_better(rival, c)})")
        else:
            why.append(f"'{rival.replacement}' ({rival.fact.text}) lost: {_why_better(c, rival)}")
    if near_tie(c):
        why.append("the two fit almost equally: an editor chooses")
    if (here := doc_date(doc)) and not c.conflict:
        why.append(f"this text is dated {here}")
    text = f"{said}; {'; '.join(why)}. A related story may give a different figure: check it is the same."
    # A weak frame says what its measured precision is, but a person compares: a related story
    # worded further from the text than the benchmark's rewrites gives right and wrong figures such fits.
    ceiling = Applicability.MANUAL if c.weak else Applicability.UNSAFE
    return Suggestion(c.span, c.replacement, conf, applicability(conf, alternatives, False, ceiling),
                      text, (Evidence(ref.path, fact.start, fact.end, ref.text[fact.start:fact.end]),),
                      "reference-fact")


def _why_better(winner: Candidate, loser: Candidate) -> str:
    """Why ``winner`` fits better than ``loser``, in a few words."""
    if loser.conflict and not winner.conflict:
        return loser.conflict
    if loser.taken_by == ALIGNED and winner.taken_by is None:
        return "the aligned reference restores its number at another place"
    if loser.taken_by is not None and winner.taken_by is None:
        return "its number fits another missing number better"
    extra = [w for w in winner.shared if w not in loser.shared][:3]
    if extra:
        return f"its sentence also shares {', '.join(extra)}"
    return f"closer wording around the number ({winner.fit:.2f} against {loser.fit:.2f})"

"""Related-story benchmark: missing numbers filled from another article on the same figures.

    python -m benchmarks.related_story --limit 400 --half odd
    python -m benchmarks.related_story --half even --seeds 2 --write-calibration   # data/fact_calibration.tsv

Each corpus article is damaged seed-style (:func:`benchmarks.damage.damage`). Its reference is a
*related story* built from the clean article (:func:`related_story`): every sentence that holds a
number is rewritten (clauses swapped, news verbs and some function words replaced, a figure's
form changed: "$1.1bn" -> "$1.1 billion", "5%" -> "5 percent"), the number itself kept; the
paragraphs are shuffled, half of the sentences without a number are dropped, and each rewritten
sentence may get a *distractor* beside it: a number sentence of the same kind from another
article, or the same sentence about another period with another value ("in the third quarter"
where the story says "in the fourth quarter"). So every missing number the reference holds has
its right answer present, next to figures of its kind that are not it.

Measured, for the digit sites whose numbers the reference holds (*supported*): the share a
finding marks; the share whose top candidate is right; the share at medium or above and the
precision there; wrong at high; for all reference-fact suggestions, a reliability table by
confidence (and with ``--plot FILE`` a reliability diagram). Numbers proposed that no reference
or the text holds are counted. Corpus articles of even id calibrate (``--write-calibration``),
odd ones are held out.

>>> import random
>>> rewrite_sentence("In 2019, Brazil became the largest export market.", random.Random(1))
'Brazil turned into the largest export market in 2019.'
"""

from __future__ import annotations

import argparse
import datetime
import math
import random
import re
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz.distance import Indel

from benchmarks.damage import Damaged, damage, load_corpus
from benchmarks.quality import held_out_half
from benchmarks.reference import correct
from repairkit.config import Config
from repairkit.document import Document
from repairkit.lexicon import zipf
from repairkit.model import HIGH_CONFIDENCE, MEDIUM_CONFIDENCE, Finding, Suggestion
from repairkit.pipeline import scan_document, select_rules
from repairkit.reference.facts import FACT_RE
from repairkit.reference.parse import parse_text
from repairkit.repair.facts import ordinal_suffix, recording
from repairkit.repair.policy import READINGS
from repairkit.repair.build import enrich

#: News verbs and their replacements, every inflection listed (whole words, lower case).
VERBS: dict[str, str] = {
    "rose": "climbed", "rise": "climb", "rises": "climbs", "risen": "climbed", "rising": "climbing",
    "fell": "dropped", "fall": "drop", "falls": "drops", "fallen": "dropped", "falling": "dropping",
    "increased": "grew", "increase": "growth", "grew": "expanded", "grow": "expand", "grown": "expanded",
    "said": "stated", "says": "states", "say": "state", "told": "informed", "became": "turned into",
    "reached": "hit", "jumped": "leapt", "jump": "leap", "dropped": "declined", "declined": "slipped",
    "reported": "posted", "announced": "unveiled", "made": "generated", "make": "generate",
    "paid": "handed over", "bought": "acquired", "sold": "offloaded", "expects": "predicts",
    "expected": "forecast", "won": "secured", "lost": "shed", "cut": "reduced", "raised": "lifted",
    "gained": "added", "added": "put on", "boosted": "lifted", "showed": "revealed", "shows": "reveals",
    "has": "holds", "had": "held", "hit": "struck", "took": "captured", "gave": "handed",
    "spent": "laid out", "earned": "made", "scored": "netted", "beat": "defeated", "plans": "intends",
}
#: Function words and fixed phrases replaced (the role words "to", "from", "of", "by" are kept).
FUNCTION: dict[str, str] = {
    "about": "around", "more than": "over", "after": "following", "because": "as", "but": "yet",
    "also": "", "which": "that", "while": "whereas", "however": "though", "nearly": "almost",
    "only": "just", "during": "in", "its": "the", "their": "the", "this": "that",
}
_VERB_RE = re.compile(r"\b(" + "|".join(sorted(VERBS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
_FUNCTION_RE = re.compile(r"\b(" + "|".join(sorted(FUNCTION, key=len, reverse=True)) + r")\b", re.IGNORECASE)
_SENTENCE_RE = re.compile(r"\S.*?(?:[.!?][\"”’)]*(?=\s|$)|$)", re.S)
#: Period words a distractor swaps: the same sentence, about another period.
PERIODS = ("first", "second", "third", "fourth")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
_PERIOD_RE = re.compile(r"\b(?:(first|second|third|fourth) (quarter|half)|(last|this|next) (year|month|week)|"
                        r"(" + "|".join(MONTHS) + r"))\b")
_SWAP = {"first": "second", "second": "third", "third": "fourth", "fourth": "third",
         "last": "this", "this": "last", "next": "this"}
#: A figure written another way, the value kept.
_FORMS = ((re.compile(r"(?<=\d)bn\b"), " billion"), (re.compile(r"(?<=\d)m\b"), " million"),
          (re.compile(r"(?<=\d)%"), " percent"), (re.compile(r"(?<=\d) per cent\b"), "%"))


def _protect(sentence: str) -> tuple[str, list[str]]:
    """Numbers become placeholders ``⟨0⟩``, so rewriting never touches them."""
    kept: list[str] = []

    def hold(m: re.Match[str]) -> str:
        kept.append(m.group())
        return f"⟨{len(kept) - 1}⟩"

    return FACT_RE.sub(hold, sentence), kept


def _restore(sentence: str, kept: list[str]) -> str:
    return re.sub(r"⟨(\d+)⟩", lambda m: kept[int(m.group(1))], sentence)


def _case_like(new: str, old: str) -> str:
    return new[:1].upper() + new[1:] if old[:1].isupper() else new


def _lower_first(clause: str) -> str:
    """Lower-case the first word unless it looks like a name ("The firm" -> "the firm", "Google" stays)."""
    first = clause.split(" ", 1)[0]
    if first[1:].islower() and zipf(first.lower()) >= 4.0 and zipf(first.lower()) >= zipf(first):
        return clause[:1].lower() + clause[1:]
    return clause


#: Phrases that wrap a sentence the other rewrites left close to the original.
_WRAPS = ("According to the report, {}", "{}, figures showed", "Reports say that {}", "{}, it emerged")


#: A period noun after "this": the phrase names the figure's period, which a rewrite keeps.
_PERIOD_NOUN_RE = re.compile(r" (?:year|month|week|quarter|half|season|spring|summer|autumn|winter)\b", re.I)


def _function_word(m: re.Match[str], rng: random.Random) -> str:
    """The replacement of one function word (70% of the time), never inside a period ("this year").

    >>> _FUNCTION_RE.sub(lambda m: _function_word(m, random.Random(3)), "this year, as this firm said")
    'this year, as that firm said'
    """
    word = m.group()
    swap = rng.random() < 0.7  # drawn every time, so one kept period leaves the other draws as they were
    if word.lower() == "this" and _PERIOD_NOUN_RE.match(m.string, m.end()):
        return word
    return _case_like(FUNCTION[word.lower()], word) if swap else word


def rewrite_sentence(sentence: str, rng: random.Random) -> str:
    """The sentence reworded, its numbers untouched: clauses swapped, verbs and function words replaced."""
    body, kept = _protect(sentence)
    end = re.search(r"[.!?][\"”’)]*$", body)
    stop = end.group() if end else ""
    core = body[:len(body) - len(stop)] if stop else body
    parts = core.split(", ", 1)
    if len(parts) == 2 and all(len(p.split()) >= 2 for p in parts) and '"' not in core and "“" not in core:
        first, second = parts
        if len(first.split()) <= 4:  # a leading adverbial ("In 2019, ...") moves to the end
            core = second[:1].upper() + second[1:] + " " + _lower_first(first)
        elif rng.random() < 0.5:
            core = second[:1].upper() + second[1:] + ", " + _lower_first(first)
    core = _VERB_RE.sub(lambda m: _case_like(VERBS[m.group().lower()], m.group()), core)
    core = _FUNCTION_RE.sub(lambda m: _function_word(m, rng), core)
    core = re.sub(r" {2,}", " ", core).strip()
    if Indel.normalized_similarity(core.lower(), body[:len(body) - len(stop)].lower()) > 0.9:
        core = rng.choice(_WRAPS).format(_lower_first(core))
    core = core[:1].upper() + core[1:]
    text = _restore(core + stop, kept)
    for pattern, form in _FORMS:
        if rng.random() < 0.5:
            text = pattern.sub(form, text)
    return text


def _kinds(sentence: str) -> set[str]:
    """The broad kinds of number a sentence holds (percent, money, year, other)."""
    kinds = set()
    for m in FACT_RE.finditer(sentence):
        g = m.groupdict()
        if g.get("pct"):
            kinds.add("percent")
        elif g.get("cur") or g.get("curword") or g.get("curword2"):
            kinds.add("money")
        elif g.get("num") and re.fullmatch(r"(?:19|20)\d\d", g["num"]):
            kinds.add("year")
        elif g.get("num") or g.get("ord"):
            kinds.add("other")
    return kinds


def sentences(text: str) -> list[str]:
    """Sentences of a paragraph.

    >>> sentences("It rose 5%. Shares fell to $1.5bn on Monday.")
    ['It rose 5%.', 'Shares fell to $1.5bn on Monday.']
    """
    return [m.group().strip() for m in _SENTENCE_RE.finditer(text) if m.group().strip()]


def other_period(sentence: str, rng: random.Random) -> str | None:
    """The same sentence about another period with other values, or ``None`` when it names no period.

    >>> other_period("Sales rose 5% in the fourth quarter.", random.Random(0))
    'Sales rose 8% in the third quarter.'
    >>> other_period("The 2nd summit met last week.", random.Random(0))
    'The 5th summit met this week.'
    """
    m = _PERIOD_RE.search(sentence)
    if not m:
        return None
    if m.group(5):
        month = MONTHS[(MONTHS.index(m.group(5)) + rng.choice((1, 2, 11))) % 12]
        swapped = sentence[:m.start()] + month + sentence[m.end():]
    else:
        word = m.group(1) or m.group(3)
        swapped = sentence[:m.start()] + _SWAP[word] + m.group()[len(word):] + sentence[m.end():]

    def shift(n: re.Match[str]) -> str:
        digits, suffix = n.group(1), n.group(2)
        if re.fullmatch(r"(?:19|20)\d\d", digits):
            return n.group()
        value = int(digits[0]) % 9 + 1 + rng.randrange(1, 3)
        number = str(value % 10 or 1) + digits[1:]
        return number + (ordinal_suffix(int(number)) if suffix else "")  # "2nd" -> "5th", never "5nd"

    return re.sub(r"(\d+)((?:st|nd|rd|th)(?![A-Za-z]))?", shift, swapped)


@dataclass
class Pool:
    """Number sentences of the corpus by kind, to draw distractors from."""

    by_kind: dict[str, list[tuple[int, str]]] = field(default_factory=dict)

    def add(self, article: int, text: str) -> None:
        """Index the number sentences of one article."""
        for para in text.split("\n\n"):
            for s in sentences(para):
                for kind in _kinds(s):
                    self.by_kind.setdefault(kind, []).append((article, s))

    def draw(self, kind: str, article: int, rng: random.Random) -> str | None:
        """A sentence with a number of ``kind`` from an article other than ``article``."""
        options = self.by_kind.get(kind, [])
        for _ in range(5):
            if not options:
                return None
            owner, s = rng.choice(options)
            if owner != article:
                return s
        return None


#: Chance that a rewritten number sentence gets a distractor from another article / another period.
P_FOREIGN, P_PERIOD = 0.5, 0.7
#: Chance that a sentence without a number is kept.
P_KEEP_PLAIN = 0.5


def related_story(clean: str, article: int, pool: Pool, seed: int) -> str:
    """The reference for ``clean``: number sentences rewritten, distractors mixed in, paragraphs shuffled."""
    rng = random.Random(seed)
    paras = clean.split("\n\n")
    out: list[str] = []
    for para in paras[1:]:
        kept: list[str] = []
        for s in sentences(para):
            kinds = _kinds(s)
            if not kinds:
                if rng.random() < P_KEEP_PLAIN:
                    kept.append(s)
                continue
            kept.append(rewrite_sentence(s, rng))
            if rng.random() < P_PERIOD and (twin := other_period(s, rng)):
                kept.append(rewrite_sentence(twin, rng))
            if rng.random() < P_FOREIGN and (foreign := pool.draw(rng.choice(sorted(kinds)), article, rng)):
                kept.insert(rng.randrange(len(kept) + 1), rewrite_sentence(foreign, rng))
        if kept:
            out.append(" ".join(kept))
    rng.shuffle(out)
    return "\n\n".join(["Related report: " + paras[0], *out])


_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")


def supported(original: str, reference: str) -> bool:
    """True when every number of the damaged token stands as a number in the reference.

    >>> supported("$1.5bn,", "It paid $1.5 billion."), supported("2004-05", "In 2004, it rose.")
    (True, False)
    """
    numbers = _NUMBER_RE.findall(original)
    held = set(_NUMBER_RE.findall(reference))
    return bool(numbers) and all(n in held for n in numbers)


@dataclass
class Tally:
    """Counters over supported digit sites and over every reference-fact suggestion."""

    sites: int = 0
    marked: int = 0
    top_right: int = 0
    top_wrong: int = 0
    by_level: dict[str, list[int]] = field(default_factory=lambda: {"high": [0, 0], "medium": [0, 0],
                                                                     "low": [0, 0]})
    unsupported_numbers: int = 0
    unsupported_sites: int = 0
    unsupported_valued_medium: int = 0
    #: (score, confidence, right, reading, article) of every reference-fact suggestion.
    rows: list[tuple[float, float, bool, str, int]] = field(default_factory=list)
    #: Reference-fact suggestions the matcher's probe did not record (changed after matching).
    unprobed: int = 0
    misses: list[str] = field(default_factory=list)
    #: Wrong top candidates at high confidence, by the origin of the suggestion.
    wrong_high_by_origin: dict[str, int] = field(default_factory=dict)
    #: Top candidates of the aligned path (fixed confidences, calibrated on benchmarks.reference):
    #: confidence -> [count, right].
    aligned: dict[float, list[int]] = field(default_factory=dict)

    def add(self, other: Tally) -> None:
        """Add ``other``'s counts to this tally (seeds pooled)."""
        for name in ("sites", "marked", "top_right", "top_wrong", "unsupported_numbers", "unsupported_sites",
                     "unsupported_valued_medium", "unprobed"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for lv, (n, ok) in other.by_level.items():
            self.by_level[lv][0] += n
            self.by_level[lv][1] += ok
        self.rows.extend(other.rows)
        self.misses.extend(other.misses)
        for origin, n in other.wrong_high_by_origin.items():
            self.wrong_high_by_origin[origin] = self.wrong_high_by_origin.get(origin, 0) + n
        for conf, (n, ok) in other.aligned.items():
            cell = self.aligned.setdefault(conf, [0, 0])
            cell[0] += n
            cell[1] += ok


def level(confidence: float) -> str:
    """``high`` / ``medium`` / ``low`` as in :func:`repairkit.model.level_of`."""
    return "high" if confidence >= HIGH_CONFIDENCE else "medium" if confidence >= MEDIUM_CONFIDENCE else "low"


def right(d: Damaged, s: Suggestion) -> bool:
    """The suggestion restores the text (:func:`benchmarks.reference.correct`), or puts the right figure in place.

    The second case counts a figure whose brackets went with it and stay lost ("(15%)" -> "15%"):
    the clean text holds the replacement, as written, where the suggestion puts it.
    """
    if correct(d, s):
        return True
    if not s.replacement or not any(c.isdigit() for c in s.replacement):
        return False
    lo = d.to_clean_offset(s.span.start)
    window = d.clean[max(0, lo - 2):d.to_clean_offset(s.span.end) + len(s.replacement) + 2]
    before = d.clean[max(0, lo - 2):lo]
    return s.replacement in window and not any(c.isalnum() for c in before.strip("([{ "))


def _top(findings: list[Finding], start: int, end: int) -> Suggestion | None:
    hit = [f for f in findings if f.category == "missing-number" and f.span.start <= end and start <= f.span.end]
    valued = [s for f in hit for s in f.suggestions if s.replacement is not None]
    # A finding over two holes ("a  to  rise") fills one of them: its suggestion's own span says which.
    valued = [s for s in valued if s.span.start <= end and start <= s.span.end] or valued
    return max(valued, key=lambda s: s.confidence) if valued else None


def run_one(clean: str, reference: str, seed: int, tally: Tally, keep: int = 0, article: int = 0) -> None:
    """Damage ``clean``, enrich its findings from ``reference``, count."""
    d: Damaged = damage(clean, "listed", 1.0, seed)
    ref = parse_text(reference, "related-story.txt")
    doc = Document.from_text(d.text)
    with recording() as probe:
        findings = enrich(doc, scan_document(doc, select_rules(Config())).findings, [ref])
    # the score and reading behind each fact suggestion, as the matcher computed them
    scores = {(start, end, rep, conf): (score, reading) for start, end, rep, conf, score, reading in probe}
    for f in findings:
        for s in f.suggestions:
            if s.replacement is None:
                continue
            for number in _NUMBER_RE.findall(s.replacement):
                tally.unsupported_numbers += number not in reference and number not in d.text
            if s.origin == "reference-fact":
                score, reading = scores.get((s.span.start, s.span.end, s.replacement, s.confidence), (0.0, "frame"))
                tally.rows.append((score, s.confidence, right(d, s), reading, article))
                tally.unprobed += (s.span.start, s.span.end, s.replacement, s.confidence) not in scores
    for site in d.sites:
        if site.kind != "digit":
            continue
        if not supported(site.original, reference):
            tally.unsupported_sites += 1
            top = _top(findings, site.start, site.end)
            tally.unsupported_valued_medium += top is not None and top.confidence >= MEDIUM_CONFIDENCE \
                and top.origin == "reference-fact" and not right(d, top)
            continue
        tally.sites += 1
        marked = any(f.category == "missing-number" and f.span.start <= site.end and site.start <= f.span.end
                     for f in findings)
        tally.marked += marked
        top = _top(findings, site.start, site.end)
        if top is None:
            if marked and len(tally.misses) < keep:
                tally.misses.append(f"none  {site.original!r}: …{d.text[max(0, site.start - 60):site.end + 40]}…")
            continue
        ok = right(d, top)
        tally.top_right += ok
        tally.top_wrong += not ok
        tally.by_level[level(top.confidence)][0] += 1
        tally.by_level[level(top.confidence)][1] += ok
        if top.origin == "reference-aligned":
            cell = tally.aligned.setdefault(top.confidence, [0, 0])
            cell[0] += 1
            cell[1] += ok
        if not ok and level(top.confidence) == "high":
            tally.wrong_high_by_origin[top.origin] = tally.wrong_high_by_origin.get(top.origin, 0) + 1
        if not ok and len(tally.misses) < keep:
            tally.misses.append(f"wrong {site.original!r} -> {top.replacement!r} ({top.confidence:.2f}): "
                                f"…{d.text[max(0, site.start - 60):site.end + 40]}…")


def reliability(rows: Sequence[tuple[float, float, bool, str, int]]) -> list[tuple[float, float, int, float, float]]:
    """Confidence buckets of width 0.1: ``(lo, hi, count, mean confidence, share right)``."""
    out = []
    for b in range(10):
        lo, hi = b / 10, (b + 1) / 10
        inside = [(r[1], r[2]) for r in rows if lo <= r[1] < hi or (b == 9 and r[1] == 1.0)]
        if inside:
            out.append((lo, hi, len(inside), sum(c for c, _ in inside) / len(inside),
                        sum(ok for _, ok in inside) / len(inside)))
    return out


#: Fewest suggestions behind one calibration bucket.
MIN_BUCKET = 50
#: Largest standard error of a bucket's precision, articles taken as clusters: the suggestions of
#: one article are alike (its sentences, its figures, both seeds), so a bucket's precision is only
#: as sure as the number of articles behind it. Chosen on the even half alone, over 12 random
#: splits of its articles (3/4 calibrate, 1/4 read): the worst bucket of 13 or more suggestions
#: missed the diagonal by 3.7 points on average with 0.03 (3.7 with 0.02, 4.5 with 0.025; 13.7
#: with the rule before, buckets of 150 suggestions), with the fewest wrong suggestions at high
#: (131 against 138 and 166).
MAX_SE = 0.03
#: Score range of the buckets (every score_of lies inside).
SCORE_RANGE = (-1.0, 2.0)


@dataclass
class _Block:
    """Suggestions of one score stretch: right and total per article."""

    first: float
    last: float
    per_article: dict[int, list[int]]

    @property
    def right(self) -> int:
        return sum(r for r, _ in self.per_article.values())

    @property
    def count(self) -> int:
        return sum(n for _, n in self.per_article.values())

    @property
    def precision(self) -> float:
        return self.right / self.count

    def standard_error(self) -> float:
        """Standard error of the precision with the articles as clusters."""
        p, n = self.precision, self.count
        return math.sqrt(sum((r - p * k) ** 2 for r, k in self.per_article.values())) / n

    def join(self, other: _Block) -> _Block:
        per = {a: list(v) for a, v in self.per_article.items()}
        for a, (r, k) in other.per_article.items():
            cell = per.setdefault(a, [0, 0])
            cell[0] += r
            cell[1] += k
        return _Block(self.first, other.last, per)


def calibrate(rows: Sequence[tuple[float, bool, int]], min_rows: int = MIN_BUCKET,
              max_se: float = MAX_SE) -> list[tuple[float, float, float, int]]:
    """Score buckets ``(low, high, precision, count)`` from ``(score, right, article)`` rows.

    Isotonic (pool adjacent violators); then, while a bucket holds fewer than ``min_rows``
    suggestions or its precision's standard error (articles as clusters) is above ``max_se``,
    the least sure one joins the neighbour whose precision is nearer.

    >>> rows = [(k / 100, k >= 50, k) for k in range(100)]
    >>> calibrate(rows, min_rows=10)
    [(-1.0, 0.495, 0.0, 50), (0.495, 2.0, 1.0, 50)]
    >>> noisy = [(k / 100, k % 3 == 0 or k > 60, k // 10) for k in range(100)]
    >>> [n for _, _, _, n in calibrate(noisy, 10, 0.015)], [n for _, _, _, n in calibrate(noisy, 10, 0.5)]
    ([100], [60, 40])
    """
    blocks: list[_Block] = []
    for score, ok, article in sorted(rows):
        blocks.append(_Block(score, score, {article: [int(ok), 1]}))
        while len(blocks) > 1 and (blocks[-2].precision >= blocks[-1].precision or blocks[-2].last == blocks[-1].first):
            top = blocks.pop()
            blocks[-1] = blocks[-1].join(top)
    while len(blocks) > 1:
        unsure = [(math.inf if b.count < min_rows else b.standard_error(), k) for k, b in enumerate(blocks)
                  if b.count < min_rows or b.standard_error() > max_se]
        if not unsure:
            break
        _, k = max(unsure)
        j = min((j for j in (k - 1, k + 1) if 0 <= j < len(blocks)),
                key=lambda j: abs(blocks[j].precision - blocks[k].precision))
        a, b = min(j, k), max(j, k)
        blocks[a:b + 1] = [blocks[a].join(blocks[b])]
    out = []
    for k, b in enumerate(blocks):
        low = SCORE_RANGE[0] if k == 0 else out[-1][1]
        high = SCORE_RANGE[1] if k == len(blocks) - 1 else round((b.last + blocks[k + 1].first) / 2, 4)
        out.append((low, high, round(b.precision, 3), b.count))
    return out


def write_calibration(tally: Tally, path: str, name: str) -> None:
    """Write ``data/fact_calibration.tsv`` from the rows of this run."""
    from repairkit.fileio import atomic_write
    from repairkit.repair.policy import CALIBRATION_HEADER

    today = datetime.date.today().isoformat()
    lines = [CALIBRATION_HEADER,
             f"# Measured by `python -m benchmarks.related_story --half even --seeds 2 --write-calibration` ({name}).",
             "# Score of a fact match: its frame fit less what its best competitor takes (repairkit.repair.facts.score_of);",
             "# precision: share of the reference-fact suggestions in the bucket that were right",
             f"# (isotonic, merged until its standard error, articles as clusters, is at most {MAX_SE}).",
             "# reading\tbucket\tscore from\tscore to\tmeasured precision\tsample size\tbenchmark\tdate"]
    for reading in sorted(READINGS):  # data files keep their entries sorted
        rows = [(score, ok, article) for score, _, ok, r, article in tally.rows if r == reading]
        for k, (low, high, precision, n) in enumerate(calibrate(rows), 1):
            lines.append(f"{reading}\t{k:02d}\t{low}\t{high}\t{precision}\t{n}\tbenchmarks.related_story\t{today}")
    atomic_write(path, ("\n".join(lines) + "\n").encode("utf-8"))


def _share(a: int, b: int) -> str:
    return f"{a}/{b} = {a / b:.1%}" if b else "n/a"


def report(t: Tally, name: str) -> str:
    """The figures, as printed."""
    medium = [t.by_level["high"][0] + t.by_level["medium"][0], t.by_level["high"][1] + t.by_level["medium"][1]]
    lines = [
        f"== related story, {name}",
        f"supported missing numbers (digit sites whose numbers the reference holds): {t.sites}",
        f"  marked by a finding: {_share(t.marked, t.sites)}",
        f"  top candidate right: {_share(t.top_right, t.sites)} (of marked: {_share(t.top_right, t.marked)}); "
        f"wrong: {t.top_wrong}",
        f"  top candidate at medium or above: {_share(medium[0], t.sites)}, precision {_share(medium[1], medium[0])}",
        *(f"  {lv:6s}: {t.by_level[lv][0]} top candidates, right {_share(t.by_level[lv][1], t.by_level[lv][0])}"
          for lv in ("high", "medium", "low")),
        f"  wrong at high: {t.by_level['high'][0] - t.by_level['high'][1]}"
        + (f" (by origin: {', '.join(f'{o} {n}' for o, n in sorted(t.wrong_high_by_origin.items()))})"
           if t.wrong_high_by_origin else ""),
        f"digit sites the reference does not hold: {t.unsupported_sites}; given a wrong reference-fact value at "
        f"medium or above: {t.unsupported_valued_medium}",
        f"numbers proposed that no reference or text holds: {t.unsupported_numbers}",
        "reliability of every reference-fact suggestion:",
        "  confidence  count  mean conf  right   gap",
    ]
    for lo, hi, n, mean, share in reliability(t.rows):
        lines.append(f"  {lo:.1f}-{hi:.1f}    {n:6d}  {mean:9.3f}  {share:6.1%}  {100 * (share - mean):+5.1f}")
    for reading in READINGS:
        own = [r for r in t.rows if r[3] == reading]
        lines.append(f"  {reading} reading: {len(own)} suggestions, right {_share(sum(r[2] for r in own), len(own))}; "
                     + ", ".join(f"{lo:.1f}-{hi:.1f}: {n} at {mean:.3f} right {share:.1%}"
                                 for lo, hi, n, mean, share in reliability(own)))
    if t.aligned:
        lines.append("  aligned path (top candidates, fixed confidences): " + ", ".join(
            f"{conf:.2f}: {n} right {_share(ok, n)}" for conf, (n, ok) in sorted(t.aligned.items())))
    if t.unprobed:
        lines.append(f"  suggestions whose score the probe did not record: {t.unprobed}")
    return "\n".join(lines)


def figures(t: Tally) -> dict[str, float]:
    """The headline figures of one run: shares in percent, counts, the largest bucket gap in points."""
    medium = t.by_level["high"][0] + t.by_level["medium"][0]
    medium_right = t.by_level["high"][1] + t.by_level["medium"][1]
    gaps = [abs(100 * (share - mean)) for _, _, n, mean, share in reliability(t.rows) if n >= 50]
    return {
        "top right %": 100 * t.top_right / t.sites if t.sites else 0.0,
        "top at medium+ %": 100 * medium / t.sites if t.sites else 0.0,
        "precision at medium+ %": 100 * medium_right / medium if medium else 0.0,
        "wrong at high": float(t.by_level["high"][0] - t.by_level["high"][1]),
        "unsupported numbers proposed": float(t.unsupported_numbers),
        "largest gap, buckets >= 50 (points)": max(gaps, default=0.0),
    }


def per_seed_report(tallies: Sequence[Tally], seeds: Sequence[int]) -> str:
    """The headline figures of each seed and their median.

    >>> print(per_seed_report([Tally(sites=4, top_right=3), Tally(sites=4, top_right=4)], [0, 1000]))  # doctest: +ELLIPSIS
    per seed:                                      seed 0  seed 1000     median
      top right %                                    75.0      100.0       87.5
    ...
    """
    rows = [figures(t) for t in tallies]
    lines = ["per seed:".ljust(42) + "".join(f"{'seed ' + str(s):>11}" for s in seeds) + f"{'median':>11}"]
    for name in rows[0]:
        values = [r[name] for r in rows]
        lines.append(f"  {name:40s}" + "".join(f"{v:11.1f}" for v in values) + f"{statistics.median(values):11.1f}")
    return "\n".join(lines)


def plot(rows: Sequence[tuple[float, float, bool, str, int]], path: str, title: str) -> None:
    """Write a reliability diagram (PNG): share right against mean confidence, per bucket."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    buckets = reliability(rows)
    fig, ax = plt.subplots(figsize=(5, 5), dpi=100)
    ax.plot([0, 1], [0, 1], color="grey", linestyle="--", linewidth=1, label="perfect calibration")
    ax.fill_between([0, 1], [-0.05, 0.95], [0.05, 1.05], color="grey", alpha=0.15, label="±5 points")
    big = [b for b in buckets if b[2] >= 50]
    small = [b for b in buckets if b[2] < 50]
    ax.plot([b[3] for b in big], [b[4] for b in big], "o-", color="tab:blue", label="buckets with ≥ 50")
    if small:
        ax.plot([b[3] for b in small], [b[4] for b in small], "o", color="tab:blue", alpha=0.35,
                label="buckets with < 50")
    for b in buckets:
        ax.annotate(str(b[2]), (b[3], b[4]), textcoords="offset points", xytext=(4, -10), fontsize=7)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    ax.set_xlabel("confidence (bucket mean)")
    ax.set_ylabel("share right")
    ax.set_title(title, fontsize=9)
    ax.legend(loc="upper left", fontsize=7)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main(argv: Sequence[str] | None = None) -> None:
    """Run the benchmark on one half of the corpus and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N articles of the half")
    parser.add_argument("--half", choices=("odd", "even"), default="odd",
                        help="odd: held out (default); even: the calibration half")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--seeds", type=int, default=1,
                        help="run each article this many times (seeds SEED, SEED+1, ...): more samples per bucket")
    parser.add_argument("--plot", metavar="FILE", help="write a reliability diagram (needs matplotlib)")
    parser.add_argument("--show", type=int, default=0, help="print this many misses")
    parser.add_argument("--rows", metavar="FILE",
                        help="write every reference-fact suggestion as TSV: seed, score, confidence, right, "
                        "reading, article")
    parser.add_argument("--write-calibration", action="store_true",
                        help="write repairkit/data/fact_calibration.tsv from this run (the even half only)")
    args = parser.parse_args(argv)
    zipf("warm")
    articles = load_corpus()
    pool = Pool()
    for i, art in enumerate(articles):
        pool.add(i, art["text"])
    ids = {a["id"] for a in held_out_half(articles, args.half)}
    chosen = [(i, a) for i, a in enumerate(articles) if a["id"] in ids]
    if args.limit:
        chosen = chosen[:args.limit]
    tally = Tally()
    seeds = [args.seed + 1000 * k for k in range(args.seeds)]
    per_seed = []
    detail: list[tuple[int, float, float, bool, str, int]] = []
    for seed in seeds:
        own = Tally()
        for i, art in chosen:
            clean = f"{art['title']}\n\n{art['text']}"
            before = len(own.rows)
            run_one(clean, related_story(clean, i, pool, seed + i), seed + i, own, args.show, i)
            detail.extend((seed, *row) for row in own.rows[before:])
        per_seed.append(own)
        tally.add(own)
    runs = f"seed {args.seed}" if len(seeds) == 1 else f"seeds {', '.join(map(str, seeds))}"
    print(report(tally, f"{args.half} half ({len(chosen)} articles, {runs}, {datetime.date.today().isoformat()})"))
    if len(seeds) > 1:
        print(per_seed_report(per_seed, seeds))
    for line in tally.misses:
        print("  " + line)
    if args.rows:
        Path(args.rows).write_text("".join("\t".join(map(str, row)) + "\n" for row in detail), "utf-8")
    if args.write_calibration:
        if args.half != "even":
            parser.error("--write-calibration: calibrate on the even half; the odd half stays held out")
        path = str(Path(__file__).resolve().parent.parent / "repairkit" / "data" / "fact_calibration.tsv")
        write_calibration(tally, path, f"{len(chosen)} articles, {runs}")
        print(f"wrote {path}", file=sys.stderr)
    if args.plot:
        plot(tally.rows, args.plot, f"reference-fact suggestions, {args.half} half ({len(chosen)} articles)")
        print(f"wrote {args.plot}", file=sys.stderr)


if __name__ == "__main__":
    main()

"""Scoring detector findings against the exact sites of simulated damage.

A finding is *true* when its span overlaps or touches the damaged span of a site of its
own category; a site is *detected* when such a finding exists. "Touches" means the two
spans share an end point, with ends included: ``[3, 3)`` matches ``[1, 3)`` and ``[3, 5)``.
This tolerance is needed because stripping can leave nothing (``"5%"`` vanishes: the site
is the empty span between two spaces) and because a detector may report an insertion
point just after a word (``"Japans|"``). It also lets a finding on ``"In ,"`` count for
the site ``","`` (the damaged ``"2020,"``).

A seed-profile site is one per token, under the token's most telling class, and recall
counts it there only; a finding of another class the token lost (a bracket finding on
``"(2020)"``, a missing number) is still true, so precision does not punish it.

Only warnings and errors are scored. Info findings (readability notes, cosmetic doubled
spaces, hints) are advice, not claims of damage: they are tallied apart, per category,
with how many of them happen to touch a site of their category, and reported per 1,000
words, so they neither lower precision nor raise recall.

>>> spans_touch(3, 3, 1, 3), spans_touch(3, 5, 5, 9), spans_touch(3, 5, 6, 9)
(True, True, False)
>>> subgroup(site_like("missing-apostrophe", "companys")), subgroup(site_like("missing-apostrophe", "its,"))
('rare', 'common')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from benchmarks.damage import CATEGORY_OF, Site
from repairkit.lexicon import COMMON_ZIPF, zipf
from repairkit.model import Finding, Severity

#: Categories whose sites are split by whether the damaged form is itself a common word.
#: The split uses ``repairkit.lexicon.COMMON_ZIPF`` (Zipf 3.0): on the seed-damaged corpus it
#: puts 41% of apostrophe sites (4,029 of 9,725) and 86% of hyphen sites (5,126 of 5,945)
#: in "rare" (not a common word).
SPLIT_CATEGORIES = ("missing-apostrophe", "missing-hyphen")
_EDGE_RE = re.compile(r"^[\W_]+|[\W_]+$")
CONTEXT = 40


def spans_touch(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """True when ``[a_start, a_end]`` and ``[b_start, b_end]`` (ends included) intersect."""
    return a_start <= b_end and b_start <= a_end


def site_like(category: str, damaged: str) -> Site:
    """A minimal site for examples and tests: ``damaged`` at offset 0."""
    return Site("test", category, 0, len(damaged), 0, len(damaged), damaged, damaged, "")


#: Marks between two letters with no space ("war--it", "war—it", "nation?the", "Reading/Leeds").
_GLUING_MARKS_RE = re.compile(r"(?<=[^\W\d_])([^\w\s]+)(?=[^\W\d_])")
#: Marks that join the parts of one word, not two words: a hyphen, an apostrophe, a point
#: ("U.S."), a comma the scrapers keep, an ampersand of a name ("AT&T").
_JOINING_MARKS = frozenset({"-", "\u2010", "\u2011", "'", "’", ".", ",", "&"})


def glued_by_dash(site: Site) -> bool:
    """True when the site lost marks that stood between two words with no space, so the words now run together.

    A dash ("war--it"), and as much a question mark, quotation mark, slash or ellipsis
    ("nation?the", "freedom—\"is", "Reading/Leeds"): a finding that the words were glued
    (a missing space) has found that damage too. A hyphen or apostrophe inside a word is no such glue.

    >>> glued_by_dash(Site("dash", "stray-punctuation", 0, 5, 0, 7, "war--it", "warit", "--"))
    True
    >>> glued_by_dash(Site("question", "stray-punctuation", 0, 9, 0, 10, "nation?the", "nationthe", "?"))
    True
    >>> glued_by_dash(Site("hyphen", "missing-hyphen", 0, 8, 0, 9, "well-known", "wellknown", "-"))
    False
    """
    return any(m.group(1) not in _JOINING_MARKS and all(ch in site.removed for ch in m.group(1))
               for m in _GLUING_MARKS_RE.finditer(site.original))


def damaged_word(site: Site) -> str:
    """The damaged token without the punctuation around it: ``"Japans,"`` -> ``"Japans"``."""
    return _EDGE_RE.sub("", site.damaged)


def subgroup(site: Site) -> str:
    """``"common"`` when the damaged form is a common word, else ``"rare"``; ``""`` when not split."""
    if site.category not in SPLIT_CATEGORIES:
        return ""
    return "common" if zipf(damaged_word(site)) >= COMMON_ZIPF else "rare"


def context(text: str, start: int, end: int, width: int = CONTEXT) -> str:
    """``width`` characters either side of ``[start, end)``, the span in ⟦ ⟧, line breaks as ⏎.

    >>> context("one two three", 4, 7, 4)
    'one ⟦two⟧ thr'
    """
    raw = f"{text[max(0, start - width):start]}⟦{text[start:end]}⟧{text[end:end + width]}"
    return raw.replace("\n", "⏎")


@dataclass
class Counts:
    """Sites, detected sites, findings and true findings of one category (or subgroup)."""

    sites: int = 0
    detected: int = 0
    findings: int = 0
    true: int = 0

    @property
    def recall(self) -> float | None:
        """Detected / sites, or ``None`` without sites."""
        return self.detected / self.sites if self.sites else None

    @property
    def precision(self) -> float | None:
        """True findings / findings, or ``None`` without findings."""
        return self.true / self.findings if self.findings else None

    def add(self, other: Counts) -> None:
        """Add another tally into this one."""
        self.sites += other.sites
        self.detected += other.detected
        self.findings += other.findings
        self.true += other.true


@dataclass
class Evaluation:
    """Per-category counts plus example misses and false alarms (with context)."""

    counts: dict[str, Counts] = field(default_factory=dict)
    misses: dict[str, list[str]] = field(default_factory=dict)
    false_alarms: dict[str, list[str]] = field(default_factory=dict)
    #: Info findings per category, not scored: ``findings`` and ``true`` (touching a site).
    info: dict[str, Counts] = field(default_factory=dict)

    @property
    def info_total(self) -> int:
        """All info findings."""
        return sum(c.findings for c in self.info.values())

    def tally(self, key: str) -> Counts:
        """The counts for ``key`` (a category, or ``category/subgroup``), created on first use."""
        return self.counts.setdefault(key, Counts())

    def merge(self, other: Evaluation, keep: int) -> None:
        """Add ``other``'s counts and up to ``keep`` examples per category."""
        for key, counts in other.counts.items():
            self.tally(key).add(counts)
        for key, counts in other.info.items():
            self.info.setdefault(key, Counts()).add(counts)
        for mine, theirs in ((self.misses, other.misses), (self.false_alarms, other.false_alarms)):
            for key, examples in theirs.items():
                room = keep - len(mine.setdefault(key, []))
                mine[key].extend(examples[:max(room, 0)])


def evaluate(text: str, sites: Sequence[Site], findings: Iterable[Finding], keep: int = 3) -> Evaluation:
    """Match findings to sites of their own category; count and keep ``keep`` examples of each kind.

    Info findings are tallied in ``info`` only (see the module notes).

    >>> from repairkit.model import Span
    >>> f = Finding("RK201", "x", "missing-apostrophe", Severity.WARNING, Span(0, 6), "m")
    >>> ev = evaluate("Japans trade", [site_like("missing-apostrophe", "Japans")], [f])
    >>> c = ev.counts["missing-apostrophe"]
    >>> c.sites, c.detected, c.findings, c.true
    (1, 1, 1, 1)
    """
    ev = Evaluation()
    by_category: dict[str, list[Site]] = {}
    also: dict[str, list[Site]] = {}  # sites that lost a class of another category too
    for site in sites:
        by_category.setdefault(site.category, []).append(site)
        for category in {CATEGORY_OF[k] for k in site.lost if k in CATEGORY_OF} - {site.category}:
            also.setdefault(category, []).append(site)
        if glued_by_dash(site):
            also.setdefault("missing-space", []).append(site)
    found: dict[str, list[Finding]] = {}
    for f in findings:
        hit = any(spans_touch(s.start, s.end, f.span.start, f.span.end)
                  for s in (*by_category.get(f.category, ()), *also.get(f.category, ())))
        if f.severity < Severity.WARNING:
            info = ev.info.setdefault(f.category, Counts())
            info.findings += 1
            info.true += hit
            continue
        found.setdefault(f.category, []).append(f)
        counts = ev.tally(f.category)
        counts.findings += 1
        counts.true += hit
        if not hit:
            _keep(ev.false_alarms, f.category, f"{f.code} {context(text, f.span.start, f.span.end)}", keep)
    for category, group in by_category.items():
        for site in group:
            detected = any(spans_touch(site.start, site.end, f.span.start, f.span.end)
                           for f in found.get(category, ()))
            keys = [category] + ([f"{category}/{subgroup(site)}"] if category in SPLIT_CATEGORIES else [])
            for key in keys:
                ev.tally(key).sites += 1
                ev.tally(key).detected += detected
            if not detected:
                _keep(ev.misses, category, f"{site.kind} {site.original!r}: {context(text, site.start, site.end)}",
                      keep)
    return ev


def _keep(store: dict[str, list[str]], key: str, example: str, keep: int) -> None:
    examples = store.setdefault(key, [])
    if len(examples) < keep:
        examples.append(example)


def loud(findings: Iterable[Finding]) -> list[Finding]:
    """Findings of severity warning or error (the ones that count as false alarms on clean text)."""
    return [f for f in findings if f.severity >= Severity.WARNING]


def word_count(text: str) -> int:
    """Whitespace-separated words.

    >>> word_count("two  words")
    2
    """
    return len(text.split())

"""Readability figures: a per-document summary, run-on sentences, unreadable paragraphs (RK75x).

Figures come from textstat (Flesch reading ease, Flesch-Kincaid grade). They are style
information, not damage, so every finding here is ``info`` and they are kept few: one
summary per document, one finding per run-on sentence, and per-paragraph figures only for
outliers. A scrape that stripped full stops shows up as run-on "sentences" of hundreds of
words.

>>> doc = Document.from_text("The cat sat on the mat. " * 10)
>>> [h.data["words"] for h in find_readability_summary(doc)]
[60]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import textstat

from repairkit.analysis.blocks import lines, paragraphs
from repairkit.analysis.words import WORD_RE
from repairkit.document import Document
from repairkit.model import Hit, Severity, Span
from repairkit.registry import DetectorSpec, FixAvailability

#: Documents shorter than this get no summary: the formulas mean little on a few words.
SUMMARY_MIN_WORDS = 30
#: A sentence this long (in words) is a run-on: edited news stays under ~60.
RUN_ON_WORDS = 120
#: A paragraph this long or longer is scored on its own ...
OUTLIER_MIN_WORDS = 60
#: ... and reported when its Flesch reading ease is below this (about 1 in 1,000 news paragraphs).
OUTLIER_MAX_EASE = 0.0
_LIST_ITEM_RE = re.compile(r"^[-*•] ", re.MULTILINE)
_SENTENCE_RE = re.compile(r"\S(?:[^.!?]|[.!?](?![\"'”’)]*\s))*[.!?]*[\"'”’)]*")


def _band(ease: float) -> str:
    """Flesch's own labels for a reading-ease score.

    >>> _band(65.0), _band(25.0)
    ('standard', 'very difficult')
    """
    for floor, label in ((90, "very easy"), (80, "easy"), (70, "fairly easy"), (60, "standard"),
                         (50, "fairly difficult"), (30, "difficult")):
        if ease >= floor:
            return label
    return "very difficult"


def find_readability_summary(doc: Document) -> Iterator[Hit]:
    """One summary per document: words, sentences, Flesch reading ease and grade level.

    What it flags: nothing is wrong; this is an info finding at the start of the
    document carrying its textstat figures (also in the finding's data).
    Why it matters: a damaged scrape reads much harder than its source (lost full stops
    make endless sentences); the figures let an editor compare before and after repair.
    Example: a 60-word text of short sentences -> "reading ease 117 (very easy)".
    Repair safety: nothing to repair; documents under 30 words get no summary.

    >>> h = next(find_readability_summary(Document.from_text("The cat sat on the mat. " * 10)))
    >>> h.data["sentences"], h.data["grade"] < 1
    (10, True)
    """
    text = doc.text
    words = len(WORD_RE.findall(text))
    if words < SUMMARY_MIN_WORDS:
        return
    ease = round(float(textstat.flesch_reading_ease(text)), 1)
    grade = round(float(textstat.flesch_kincaid_grade(text)), 1)
    sentences = int(textstat.sentence_count(text))
    yield Hit(Span(0, 0), f"readability: {words} words, {sentences} sentences, reading ease {ease:g} "
                          f"({_band(ease)}), grade {grade:g}",
              data={"words": words, "sentences": sentences, "reading_ease": ease, "grade": grade})


def find_run_on_sentences(doc: Document) -> Iterator[Hit]:
    """A sentence of 120 words or more: usually full stops lost in scraping.

    What it flags: a stretch of 120+ words with no sentence-ending mark or line break.
    Why it matters: nobody can read it; in scraped text it usually means the full stops
    (or line breaks between headings and list items) were stripped.
    Example: 130 words with no full stop -> one info finding on the stretch.
    Repair safety: nothing is suggested: where sentences end is for an editor.

    >>> doc = Document.from_text("and then it went on " * 30 + "end. Short one.")
    >>> [h.data["words"] for h in find_run_on_sentences(doc)]
    [151]
    """
    text = doc.text
    for start, end in lines(text):  # a line break ends a sentence too (list items, headings)
        for m in _SENTENCE_RE.finditer(text, start, end):
            words = len(WORD_RE.findall(m.group()))
            if words >= RUN_ON_WORDS:
                yield Hit(Span(m.start(), m.end()), f"run-on sentence of {words} words",
                          data={"words": words})


def find_hard_paragraphs(doc: Document) -> Iterator[Hit]:
    """A paragraph whose Flesch reading ease is below 0: far outside edited prose.

    What it flags: a paragraph of 60+ words scoring below 0 (about one news paragraph in
    a thousand does); bulleted lists are skipped.
    Why it matters: such a score comes from sentences hundreds of words long or from
    non-prose (tables, lists run together) in the text.
    Example: a 130-word paragraph with no full stop -> info finding with its figures.
    Repair safety: nothing to repair directly; see the structure rules.

    >>> doc = Document.from_text("Considerable international organisational considerations regarding " * 20 + ".")
    >>> [h.data["reading_ease"] < 0 for h in find_hard_paragraphs(doc)]
    [True]
    """
    text = doc.text
    for start, end in paragraphs(text):
        para = text[start:end]
        words = len(WORD_RE.findall(para))
        if words < OUTLIER_MIN_WORDS or len(_LIST_ITEM_RE.findall(para)) >= 2:
            continue  # a bulleted list is not prose
        ease = round(float(textstat.flesch_reading_ease(para)), 1)
        if ease < OUTLIER_MAX_EASE:
            grade = round(float(textstat.flesch_kincaid_grade(para)), 1)
            yield Hit(Span(start, end), f"paragraph reads very hard: reading ease {ease:g}, grade {grade:g}",
                      data={"words": words, "reading_ease": ease, "grade": grade})


READABILITY_SUMMARY = DetectorSpec("RK751", "readability-summary", "style", Severity.INFO,
                                   find_readability_summary, FixAvailability.NEVER)
RUN_ON_SENTENCE = DetectorSpec("RK752", "run-on-sentence", "style", Severity.INFO,
                               find_run_on_sentences, FixAvailability.NEVER)
HARD_PARAGRAPH = DetectorSpec("RK753", "hard-paragraph", "style", Severity.INFO,
                              find_hard_paragraphs, FixAvailability.NEVER)

DETECTORS = (READABILITY_SUMMARY, RUN_ON_SENTENCE, HARD_PARAGRAPH)

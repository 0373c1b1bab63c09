"""Readability outliers: run-on sentences and unreadable paragraphs (RK75x).

Figures come from :mod:`repairkit.readability` (textstat's formulas; pyphen syllables, which
load in milliseconds). They are style information, not damage, so every finding here is
``info`` and they are kept few. The per-document summary (reading ease, grade, counts) is a
property of the document, in the JSON contract's ``summary``, not a finding. A scrape that
stripped full stops shows up as run-on "sentences" of hundreds of words.

>>> from repairkit.registry import prepared
>>> [h.data["words"] for h in find_run_on_sentences(*prepared("and then it went on " * 30 + "end. Short one.", "RK752"))]
[151]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from repairkit.analysis.profile import DocumentProfile
from repairkit.analysis.words import WORD_RE
from repairkit.document import Document
from repairkit.model import Hit, Severity, Span
from repairkit.readability import Readability
from repairkit.spec import DetectorSpec, FixAvailability

#: A sentence this long (in words) is a run-on: edited news stays under ~60.
RUN_ON_WORDS = 120
#: A paragraph this long or longer is scored on its own ...
OUTLIER_MIN_WORDS = 60
#: ... and reported when its Flesch reading ease is below this (about 1 in 1,000 news paragraphs).
OUTLIER_MAX_EASE = 0.0
_LIST_ITEM_RE = re.compile(r"^[-*•] ", re.MULTILINE)
_SENTENCE_RE = re.compile(r"\S(?:[^.!?]|[.!?](?![\"'”’)]*\s))*[.!?]*[\"'”’)]*")


def find_run_on_sentences(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """A sentence of 120 words or more: usually full stops lost in scraping.

    What it flags: a stretch of 120+ words with no sentence-ending mark or line break.
    Why it matters: nobody can read it; in scraped text it usually means the full stops
    (or line breaks between headings and list items) were stripped.
    Example: 130 words with no full stop -> one info finding on the stretch.
    Repair safety: nothing is suggested: where sentences end is for an editor.

    >>> doc = Document.from_text("and then it went on " * 30 + "end. Short one.")
    >>> from repairkit.registry import prepared
    >>> [h.data["words"] for h in find_run_on_sentences(*prepared(doc, "RK752"))]
    [151]
    """
    text = doc.text
    for start, end in profile.lines:  # a line break ends a sentence too (list items, headings)
        for m in _SENTENCE_RE.finditer(text, start, end):
            words = len(WORD_RE.findall(m.group()))
            if words >= RUN_ON_WORDS:
                yield Hit(Span(m.start(), m.end()), f"run-on sentence of {words} words",
                          data={"words": words})


def find_hard_paragraphs(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """A paragraph whose Flesch reading ease is below 0: far outside edited prose.

    What it flags: a paragraph of 60+ words scoring below 0 (about one news paragraph in
    a thousand does); bulleted lists are skipped.
    Why it matters: such a score comes from sentences hundreds of words long or from
    non-prose (tables, lists run together) in the text.
    Example: a 130-word paragraph with no full stop -> info finding with its figures.
    Repair safety: nothing to repair directly; see the structure rules.

    >>> doc = Document.from_text("Considerable international organisational considerations regarding " * 20 + ".")
    >>> from repairkit.registry import prepared
    >>> [h.data["reading_ease"] < 0 for h in find_hard_paragraphs(*prepared(doc, "RK753"))]
    [True]
    """
    text = doc.text
    for start, end in profile.paragraphs:
        para = text[start:end]
        words = len(WORD_RE.findall(para))
        if words < OUTLIER_MIN_WORDS or len(_LIST_ITEM_RE.findall(para)) >= 2:
            continue  # a bulleted list is not prose
        figures = Readability.of(para)
        ease, grade = figures.reading_ease, figures.grade
        if ease < OUTLIER_MAX_EASE:
            yield Hit(Span(start, end), f"paragraph reads very hard: reading ease {ease:g}, grade {grade:g}",
                      data={"words": words, "reading_ease": ease, "grade": grade})


RUN_ON_SENTENCE = DetectorSpec("RK752", "run-on-sentence", "style", Severity.INFO,
                               find_run_on_sentences, FixAvailability.NEVER)
HARD_PARAGRAPH = DetectorSpec("RK753", "hard-paragraph", "style", Severity.INFO,
                              find_hard_paragraphs, FixAvailability.NEVER)

DETECTORS = (RUN_ON_SENTENCE, HARD_PARAGRAPH)

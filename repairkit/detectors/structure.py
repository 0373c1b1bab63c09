"""Lost structure: paragraphs, headings, by-lines and datelines run into the text (RK70x).

Scrapers that flatten a page lose its line breaks: a standfirst runs into the first
paragraph ("the new season Meanwhile, the club"), a by-line is glued to the body with a few
spaces ("JOHN SMITH    The talks"), a date is glued to the title, or the whole article
sits on one line. These rules point at the seams; where a break goes is the editor's call.

>>> doc = Document.from_text("plans for the new season Meanwhile, the club signed a striker.")
>>> from repairkit.registry import prepared
>>> [doc.text[h.span.start:h.span.end] for h in find_merged_paragraphs(*prepared(doc, "RK701"))]
['season Meanwhile,']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from repairkit.analysis.blocks import lines
from repairkit.analysis.profile import DocumentProfile
from repairkit.calibration import reading, suggest
from repairkit.document import Document
from repairkit.model import Hit, Severity, Span, Suggestion
from repairkit.spec import DetectorSpec, FixAvailability

#: The readings these rules propose (measured in data/calibration.tsv).
PARAGRAPH_BREAK = reading("RK701.paragraph-break")
FULL_STOP = reading("RK701.full-stop")
BYLINE_BREAK = reading("RK702.byline-break")
DATELINE_BREAK = reading("RK704.dateline-break")

#: Sentence adverbs that open a sentence with a comma after them; capitalised after a
#: lower-case word with no stop between, they mark a lost break.
SENTENCE_OPENERS = frozenset(
    """Recently However Meanwhile Moreover Furthermore Therefore Nevertheless Nonetheless Instead
    Similarly Additionally Finally Firstly Secondly Thirdly First Second Third Fourth Fifth Indeed
    Today Yesterday Previously Currently Earlier Later Overall Consequently Besides Otherwise Thus
    Hence Ultimately Initially Subsequently Traditionally Historically Importantly Notably
    Specifically Unfortunately Fortunately Clearly Obviously Accordingly Likewise Conversely""".split()
)
_OPENER_RE = re.compile(
    r"\b([a-z]{2,})( )(" + "|".join(sorted(SENTENCE_OPENERS)) + r"|(?:In|For|As|On|At) "
    r"(?:addition|fact|example|instance|contrast|particular|short|general|a result|the other hand|"
    r"the same time|the meantime))(,)")
_PRONOUN_RE = re.compile(r"\b([a-z]{2,})( )(He|She|They|We)( )(?=[a-z]{2,})")
_BYLINE_RE = re.compile(r"^([A-Z][A-Z .'’\-]{3,}[A-Z])( {3,}|\t+)(?=[A-Z][a-z])", re.MULTILINE)
_ISO_DATE = r"(?:19|20)\d\d-[01]\d-[0-3]\d(?:[ T][0-2]\d:[0-5]\d)?"
_DATE_AFTER_WORD_RE = re.compile(rf"(?<=[^\W\d_]){_ISO_DATE}")
_DATE_BEFORE_WORD_RE = re.compile(rf"{_ISO_DATE}(?=[^\W\d_])")
_SENTENCE_END_RE = re.compile(r"[.!?][\"'”’)]?(?=\s+[\"“'‘(]?[A-Z0-9])")

#: A line at least this long, with at least ONE_LINE_SENTENCES sentences, is a whole article.
ONE_LINE_CHARS = 1500
ONE_LINE_SENTENCES = 25


def find_merged_paragraphs(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """A sentence start glued to text with no stop: "the new season Meanwhile, the club".

    What it flags: a lower-case word followed by a capitalised sentence adverb and a comma
    ("Recently,", "However,", "In addition,"), or by a capitalised subject pronoun
    ("He", "She", "They", "We") and a lower-case word.
    Why it matters: a paragraph break, a heading break or a full stop was lost; the
    sentences now run together.
    Example: ``the new season Meanwhile, the`` -> finding on ``season Meanwhile,``.
    Repair safety: manual: the lost mark is a paragraph break (when the text before is a
    heading or standfirst) or a full stop; both are offered, neither is applied.
    Capitalised words that are names are never flagged, only closed lists of openers.

    >>> doc = Document.from_text("the plan worked They said so. However, it is fine.")
    >>> from repairkit.registry import prepared
    >>> [h.suggestions[0].replacement for h in find_merged_paragraphs(*prepared(doc, "RK701"))]
    ['\\n\\n']
    """
    text = doc.text
    matches = [(m, m.group(3)) for m in _OPENER_RE.finditer(text)] + \
              [(m, m.group(3)) for m in _PRONOUN_RE.finditer(text)]
    for m, opener in sorted(matches, key=lambda pair: pair[0].start()):
        gap = Span(m.start(2), m.end(2))
        yield Hit(Span(m.start(1), m.end(3) + (1 if text[m.end(3):m.end(3) + 1] == "," else 0)),
                  f"'{opener}' starts a sentence but nothing ends the one before",
                  (suggest(gap, "\n\n", PARAGRAPH_BREAK,
                           "a paragraph break, if the text before is a heading, standfirst or paragraph",
                           alternatives=1),
                   suggest(gap, ". ", FULL_STOP, "a full stop, if the sentence simply ended", alternatives=1)))


def find_glued_bylines(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """A by-line in capitals glued to the body by spaces: "JOHN SMITHDAILY NEWS    The talks".

    What it flags: a line that starts with a run of capitals (a name, an outlet) followed
    by three or more spaces or tabs and a capitalised word.
    Why it matters: the by-line reads as part of the first sentence.
    Example: ``JOHN SMITH    Talks ended`` -> finding on ``JOHN SMITH``.
    Repair safety: unsafe: the spaces become a paragraph break. Words glued inside the
    by-line itself (a name run into the outlet) are left to the glued-word rules.

    >>> doc = Document.from_text("JANE DOE    The talks ended.")
    >>> from repairkit.registry import prepared
    >>> [(doc.text[h.span.start:h.span.end], h.suggestions[0].replacement) for h in find_glued_bylines(*prepared(doc, "RK702"))]
    [('JANE DOE', '\\n\\n')]
    """
    for m in _BYLINE_RE.finditer(doc.text):
        yield Hit(Span(m.start(1), m.end(1)), f"by-line '{m.group(1)}' is glued to the body",
                  (suggest(Span(m.start(2), m.end(2)), "\n\n", BYLINE_BREAK,
                           "put the by-line on its own line; check it for glued words"),))


def find_one_line_articles(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """A whole article on one line: thousands of characters, dozens of sentences, no break.

    What it flags: a line of at least 1,500 characters holding at least 25 sentences.
    Why it matters: every paragraph break was lost; readers and tools see one block.
    Example: a 3,000-character line of 30 sentences -> one finding on the line.
    Repair safety: manual: where paragraphs began is unknown; the merged-paragraph rule
    marks some likely seams. Long paragraphs of edited news (up to ~3,000 characters and
    ~20 sentences) stay below the threshold.

    >>> doc = Document.from_text("Title\\n" + "This is one sentence of the text. " * 60)
    >>> from repairkit.registry import prepared
    >>> [(h.span.start, h.data["sentences"]) for h in find_one_line_articles(*prepared(doc, "RK703"))]
    [(6, 60)]
    """
    text = doc.text
    for start, end in lines(text):
        if end - start < ONE_LINE_CHARS:
            continue
        sentences = len(_SENTENCE_END_RE.findall(text, start, end)) + 1
        if sentences < ONE_LINE_SENTENCES:
            continue
        yield Hit(Span(start, end), f"one line holds {end - start} characters in {sentences} sentences",
                  (Suggestion.unknown(Span(start, start),
                                      "The paragraph breaks were lost; restore them from the source or at topic shifts."),),
                  {"sentences": sentences, "characters": end - start})


def find_glued_datelines(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """A date glued to the title or body: "Match report2021-05-01 09:30", "2021-05-01 09:30The".

    What it flags: an ISO date (with optional time) directly after or before a letter.
    Why it matters: the title (or the first word of the body) and the date read as one.
    Example: ``Match report2021-05-01`` -> a line break before the date.
    Repair safety: unsafe: a line break between title and date is almost always right,
    but the page may have had other furniture between them.

    >>> doc = Document.from_text("Match report2021-05-01 09:30Fans met.")
    >>> from repairkit.registry import prepared
    >>> [(h.suggestions[0].span.start, h.suggestions[0].replacement) for h in find_glued_datelines(*prepared(doc, "RK704"))]
    [(12, '\\n'), (28, '\\n')]
    """
    for regex, where in ((_DATE_AFTER_WORD_RE, "after"), (_DATE_BEFORE_WORD_RE, "before")):
        for m in regex.finditer(doc.text):
            at = m.start() if where == "after" else m.end()
            yield Hit(Span(m.start(), m.end()), f"date glued to the text {where} it",
                      (suggest(Span(at, at), "\n", DATELINE_BREAK, "a dateline stands on its own line"),))


MERGED_PARAGRAPH = DetectorSpec("RK701", "merged-paragraph", "lost-structure", Severity.WARNING,
                                find_merged_paragraphs, FixAvailability.SOMETIMES)
GLUED_BYLINE = DetectorSpec("RK702", "glued-byline", "lost-structure", Severity.WARNING,
                            find_glued_bylines, FixAvailability.ALWAYS)
ONE_LINE_ARTICLE = DetectorSpec("RK703", "one-line-article", "lost-structure", Severity.WARNING,
                                find_one_line_articles, FixAvailability.NEVER)
GLUED_DATELINE = DetectorSpec("RK704", "glued-dateline", "lost-structure", Severity.WARNING,
                              find_glued_datelines, FixAvailability.ALWAYS)

DETECTORS = (MERGED_PARAGRAPH, GLUED_BYLINE, ONE_LINE_ARTICLE, GLUED_DATELINE)

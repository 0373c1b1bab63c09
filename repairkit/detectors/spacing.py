"""Glued words: two words whose space (or separator) was lost (RK4xx).

"companiesjointly", "marketYesterday", a by-line "NAMEOUTLET" that lost its ``/``, a
list number glued to its heading ("4Key ..."). A split is proposed only when both parts
are common words and the token itself is not a word; a split that is usually written
with a hyphen (attested, a prefix, a modifier before a noun) is
:mod:`repairkit.detectors.hyphens`' business, so each token gets one finding.

>>> from repairkit.registry import prepared
>>> [h.suggestions[0].replacement for h in find_glued_words(*prepared(Document.from_text("they jointlyannounced it"), "RK401"))]
['jointly announced']
"""

from __future__ import annotations

from collections.abc import Iterator

from repairkit.analysis.glued.engine import Kind
from repairkit.analysis.profile import DocumentProfile
from repairkit.document import Document
from repairkit.model import Hit, Severity
from repairkit.spec import DetectorSpec, FixAvailability


def find_glued_words(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """Two lower-case words run together: "companiesjointly", "hasbeen", "resultsfollowing".

    What it flags: a lower-case token unknown to the lexicon (Zipf below 1) that cuts into
    two common words (Zipf 3 or more each), when the pair is not hyphenated by evidence
    (attested compound, prefix, a modifier before a noun: those are RK301); also a rare
    known token made of two function words ("tothe"), and a capitalised token ending in a
    function word ("Salesare").
    Why it matters: the space was lost in scraping; the token is not a word.
    Example: ``companiesjointly announced`` -> ``companies jointly``.
    Repair safety: safe (0.9) when the cut is the only one and both parts are plain
    words; unsafe (0.6-0.7) when a hyphen is the other reading; manual when several cuts
    give common words, with each reading as a suggestion.
    Trade-off: capitalised tokens are split only before a function word (names such as
    "Greenfield" stay whole); rare real words known to the lexicon are never split
    ("therapist"), nor particle compounds ("outlive") or derived words ("mountable").

    >>> doc = Document.from_text("the companiesjointly said; the therapist agreed")
    >>> from repairkit.registry import prepared
    >>> [doc.text[h.span.start:h.span.end] for h in find_glued_words(*prepared(doc, "RK401"))]
    ['companiesjointly']
    """
    for glued in profile.glued_of(Kind.SPACE):
        yield Hit(glued.span, f"'{glued.verdict.token}' is two words run together", glued.suggestions("Lost space."))


def find_possible_glued_words(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """Two content words run together that may also be a closed compound: "textphones".

    What it flags: a lower-case token unknown to the lexicon (Zipf below 1) made of two
    frequent content words, the first not a plural, with no noun after it (before a noun
    it is a compound modifier, RK301).
    Why it matters: a space may have been lost ("coach loads"), but closed compounds the
    lexicon does not know ("mailshot") have the same shape, so this is a weak signal.
    Example: ``they sent textphones`` -> ``text phones`` (or the word as it is).
    Repair safety: manual (0.4); severity info: a writer's closed spelling is no damage.
    Trade-off: weak by design; a document whose hyphens were stripped reads the same
    token as a compound that lost its hyphen (RK301) instead.

    >>> doc = Document.from_text("they bought textphones and paid the companiesjointly")
    >>> from repairkit.registry import prepared
    >>> [doc.text[h.span.start:h.span.end] for h in find_possible_glued_words(*prepared(doc, "RK405"))]
    ['textphones']
    """
    for glued in profile.glued_of(Kind.POSSIBLE_SPACE):
        yield Hit(glued.span, f"'{glued.verdict.token}' may be two words run together",
                  glued.suggestions("Possibly a lost space."))


def find_case_change_joins(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """A lower-case word glued to a capitalised one: "marketYesterday".

    What it flags: a token made of a common lower-case word and a common capitalised
    word, not itself a known name.
    Why it matters: a space, and often a full stop, was lost between two sentences.
    Example: ``the marketYesterday shares`` -> ``market Yesterday``.
    Repair safety: unsafe (0.6): the full stop may be missing too.
    Trade-off: brand names of that shape known to the lexicon ("easyJet") and one-letter
    prefixes ("iPod", "eBay") are left alone.

    >>> doc = Document.from_text("the marketYesterday fell; eBay and iPhone sales rose")
    >>> from repairkit.registry import prepared
    >>> [doc.text[h.span.start:h.span.end] for h in find_case_change_joins(*prepared(doc, "RK402"))]
    ['marketYesterday']
    """
    for glued in profile.glued_of(Kind.CASE_CHANGE):
        yield Hit(glued.span, f"'{glued.verdict.token}' runs a word into the next sentence or name",
                  glued.suggestions("Lost space."))


def find_glued_capitals(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """An all-capitals run of two words: a by-line "NAMEOUTLET" that lost its ``/``.

    What it flags: a capitals token of 6+ letters unknown to the lexicon that cuts into
    two common words of 3+ letters each.
    Why it matters: a separator (a space, or ``/`` between an author and an outlet) was
    lost; the by-line no longer names its parts.
    Example: ``SMITHDAILY`` -> ``SMITH DAILY`` (or ``SMITH/DAILY``).
    Repair safety: unsafe at best (0.6), manual when several cuts exist; the note says
    which separator may be missing.
    Trade-off: shouted product names in capitals may be split; acronyms are short and
    skipped.

    >>> doc = Document.from_text("By JOHNSMITH for NASA and UNESCO")
    >>> from repairkit.registry import prepared
    >>> [doc.text[h.span.start:h.span.end] for h in find_glued_capitals(*prepared(doc, "RK403"))]
    ['JOHNSMITH']
    """
    for glued in profile.glued_of(Kind.CAPITALS):
        yield Hit(glued.span, f"'{glued.verdict.token}' runs two words together: a separator is missing",
                  glued.suggestions("Lost separator."))


def find_glued_list_numbers(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    r"""A list number glued to the first word of a heading line: "4Key Findings of the Review".

    What it flags: one or two digits at the start of a line directly followed by a
    capitalised common word, on a line of 3+ words with no closing punctuation.
    Why it matters: the list item lost the space (or ". ") after its number; "4Key"
    is not a word and the numbering is hidden.
    Example: ``4Key Findings of the Review`` -> ``4 Key``.
    Repair safety: unsafe; 0.7 with the separator another heading of the same document
    kept ("10 Annual ..." -> a space) as evidence, else 0.6 ("1. " is the other reading).
    Trade-off: sentences (lines ending in punctuation) and names such as "3Com" in
    running text are left alone.

    >>> doc = Document.from_text("4Key Findings of the Review\n3D printing is here.")
    >>> from repairkit.registry import prepared
    >>> [doc.text[h.span.start:h.span.end] for h in find_glued_list_numbers(*prepared(doc, "RK404"))]
    ['4Key']
    """
    for glued in profile.glued_of(Kind.LIST_NUMBER):
        yield Hit(glued.span, f"list number glued to its heading: '{glued.verdict.token}'",
                  glued.suggestions("Lost space after a list number."))


GLUED_WORDS = DetectorSpec("RK401", "glued-words", "missing-space", Severity.WARNING,
                           find_glued_words, FixAvailability.ALWAYS)
CASE_CHANGE_JOIN = DetectorSpec("RK402", "glued-case-change", "missing-space", Severity.WARNING,
                                find_case_change_joins, FixAvailability.ALWAYS)
GLUED_CAPITALS = DetectorSpec("RK403", "glued-capitals", "missing-space", Severity.WARNING,
                              find_glued_capitals, FixAvailability.ALWAYS)
GLUED_LIST_NUMBER = DetectorSpec("RK404", "glued-list-number", "missing-space", Severity.INFO,
                                 find_glued_list_numbers, FixAvailability.ALWAYS)

POSSIBLE_GLUED_WORDS = DetectorSpec("RK405", "possible-glued-words", "missing-space", Severity.INFO,
                                    find_possible_glued_words, FixAvailability.ALWAYS)

DETECTORS = (GLUED_WORDS, CASE_CHANGE_JOIN, GLUED_CAPITALS, GLUED_LIST_NUMBER, POSSIBLE_GLUED_WORDS)

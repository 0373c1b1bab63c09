"""Dropped hyphens: compounds whose hyphen was stripped (RK3xx).

A scrape that drops hyphens leaves tokens such as "monthonmonth", "wellknown" or
"AngloDutch": not words, but words run together. The hyphen is restored when the
hyphenated form is attested in edited news text (a shipped list) or the token starts with
a productive prefix ("post", "anti", "self"...). A token that is a common word as written
("payout", "online", "database") is never flagged. Tokens that are two words joined by a
lost space belong to :mod:`repairkit.detectors.spacing`; each token gets one finding.

>>> from repairkit.registry import prepared
>>> [h.suggestions[0].replacement for h in find_dropped_hyphens(*prepared(Document.from_text("a wellknown face"), "RK301"))]
['well-known']
"""

from __future__ import annotations

from collections.abc import Iterator

from repairkit.analysis.glued.engine import Kind
from repairkit.analysis.profile import DocumentProfile
from repairkit.document import Document
from repairkit.model import Hit, Severity
from repairkit.spec import DetectorSpec, FixAvailability


def find_dropped_hyphens(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """A compound written without its hyphen: "monthonmonth", "wellknown", "postmerger".

    What it flags: a token the same document spells with hyphens elsewhere ("lineup"
    next to "line-up"); a token that is not a common word (wordfreq Zipf below 3) and whose
    hyphenated form is attested in edited news (shipped list), or that starts with a
    productive prefix ("anti", "post", "self"), or joins two frequent content words
    before a noun ("twinengine planes"), a number word ("onequarter"), a phrase around a
    function word ("daytoday"), a compound head ("Parisbased", "pricefixing", and the
    hand-written modifier heads: "Labourled", "userfriendly"), an acronym before a head
    ("USbased"), a combining form ("AngloIrish"), a month range, two nationalities
    ("FrenchCanadian"), a number from 21 to 99 ("twentyone"), two years ("20012002") or a
    prefix before a number ("mid1990s", "over65s"); a token the document hyphenates
    elsewhere, also inflected ("semifinalists" next to "semi-final"). Where the document
    shows its hyphens were stripped (a glued compound and few hyphens left, a spaced dash
    whose hyphen is gone, or a text of 150 words without one), also two content words
    ("yearearlier"), an unknown token of two known words ("gasguzzling"), a rare closed
    modifier ("timeconsuming") or prefixed word ("cofounders"), "e"/"in"/"on" before a
    word ("ebanking"), a word glued to an acronym ("payTV"), two names with a rare part
    ("SmithJones") or inside a run of names ("JeanMarie Messier"), and a four-digit score
    ("2621"); the suggestion cites the document evidence. A closed spelling repeated four
    times in a text that keeps its other hyphens is taken as house style.
    Why it matters: the glued form is not English and trips readers and search.
    Example: ``a monthonmonth rise`` -> ``month-on-month``.
    Repair safety: the document's own spelling, or an attested compound whose glued form
    is unknown, is safe (0.92; unsafe 0.6 when the glued form is a common word too);
    everything else is unsafe (0.6-0.7) with the spaced reading as an alternative,
    because some styles close compounds ("postwar") or the words were two.
    Trade-off: a rare valid closed spelling ("tiebreak", "crosscourt") is flagged when
    attested hyphenated; a closed word the lexicon knows ("drugmaker") only where hyphens
    were stripped; a
    dropped hyphen that leaves a common word ("lineup", "email", "payout") is flagged only
    when the document spells it hyphenated elsewhere, so a writer's mixed spellings are
    flagged too.

    >>> doc = Document.from_text("a highspeed, well-known payout")
    >>> from repairkit.registry import prepared
    >>> [doc.text[h.span.start:h.span.end] for h in find_dropped_hyphens(*prepared(doc, "RK301"))]
    ['highspeed']
    """
    for glued in profile.glued_of(Kind.HYPHEN):
        yield Hit(glued.span, f"'{glued.verdict.token}' has lost its hyphen: '{glued.replacement}'",
                  glued.suggestions("Dropped hyphen."))


def find_joined_names(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """A proper name glued to an acronym: "EuropeUN", "UNEurope".

    What it flags: a camel-case token made of one capitalised common word and one
    acronym, not a known name itself (wordfreq Zipf below 1.5).
    Why it matters: two names were joined by a hyphen (a relation: "Europe-UN") or a
    space; the glued form reads as a brand that does not exist.
    Example: ``EuropeUN talks`` -> ``Europe-UN`` (or ``Europe UN``).
    Repair safety: unsafe (0.6): the hyphen is the usual reading, the space the other.
    Trade-off: brand names of that shape ("NetMD") are flagged; joins of two plain
    names ("GameCube") are left alone unless the hyphenated form is attested.

    >>> doc = Document.from_text("EuropeUN talks, then YouTube and McDonald")
    >>> from repairkit.registry import prepared
    >>> [doc.text[h.span.start:h.span.end] for h in find_joined_names(*prepared(doc, "RK302"))]
    ['EuropeUN']
    """
    for glued in profile.glued_of(Kind.NAME_HYPHEN):
        yield Hit(glued.span, f"'{glued.verdict.token}' joins two names: a hyphen or space is missing",
                  glued.suggestions("Names run together."))


def find_joined_name_pairs(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """Two capitalised names run together: "KilroyWhite", "BoixVidal".

    What it flags: a camel-case token of two capitalised parts, unknown to the lexicon
    (wordfreq Zipf below 1.5), at least one of them a rare word (a surname, not "Cinema").
    Why it matters: a double-barrelled name or a pair of names lost its hyphen (or space).
    Example: ``Mr KilroyWhite said`` -> ``Kilroy-White`` (or ``Kilroy White``).
    Repair safety: manual (0.4): brands are written this way too ("ZoneAlarm"), so an
    editor decides; severity is info for that reason.
    Trade-off: brands made of two common words are skipped; brands with a rare part
    ("PanaVox") are reported.

    >>> doc = Document.from_text("Mr KilroyWhite met CinemaNow staff")
    >>> from repairkit.registry import prepared
    >>> [doc.text[h.span.start:h.span.end] for h in find_joined_name_pairs(*prepared(doc, "RK303"))]
    ['KilroyWhite']
    """
    for glued in profile.glued_of(Kind.NAME_PAIR):
        yield Hit(glued.span, f"'{glued.verdict.token}' runs two names together: a hyphen or space is missing",
                  glued.suggestions("Names run together."))


def find_spelling_variants(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """A valid closed spelling of a compound often hyphenated: "worldwide" next to "world-wide".

    What it flags: a token the lexicon or a dictionary knows ("worldwide", "lighthouses",
    "indepth") that the same document also writes with a hyphen, or whose hyphenated form
    is attested ("in-depth"), in a text that shows no sign of lost hyphens.
    Why it matters: two spellings of one word read as careless; nothing was damaged.
    Example: ``worldwide sales ... a world-wide brand`` -> pick ``world-wide`` or ``worldwide``.
    Repair safety: manual (0.4), severity info: both spellings are English, and which is
    the house style is the writer's choice.
    Trade-off: where the document did lose hyphens (RK301 has evidence), the closed form
    is reported as a dropped hyphen instead; a valid word whose hyphenated form nothing
    attests ("preside", "pre-side") is never reported.

    >>> doc = Document.from_text("Sales rose worldwide, the world-wide brand said.")
    >>> from repairkit.registry import prepared
    >>> [doc.text[h.span.start:h.span.end] for h in find_spelling_variants(*prepared(doc, "RK304"))]
    ['worldwide']
    """
    for glued in profile.glued_of(Kind.VARIANT):
        yield Hit(glued.span, f"'{glued.verdict.token}' is a closed spelling of '{glued.replacement}'",
                  glued.suggestions("Spelling variant."))


DROPPED_HYPHEN = DetectorSpec("RK301", "dropped-hyphen", "missing-hyphen", Severity.WARNING,
                              find_dropped_hyphens, FixAvailability.ALWAYS)
JOINED_NAMES = DetectorSpec("RK302", "joined-names", "missing-hyphen", Severity.WARNING,
                            find_joined_names, FixAvailability.ALWAYS)
JOINED_NAME_PAIR = DetectorSpec("RK303", "joined-name-pair", "missing-hyphen", Severity.INFO,
                                find_joined_name_pairs, FixAvailability.ALWAYS)

SPELLING_VARIANT = DetectorSpec("RK304", "hyphen-variant", "style", Severity.INFO,
                                find_spelling_variants, FixAvailability.ALWAYS)

DETECTORS = (DROPPED_HYPHEN, JOINED_NAMES, JOINED_NAME_PAIR, SPELLING_VARIANT)

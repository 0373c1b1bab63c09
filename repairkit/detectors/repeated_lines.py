"""Lines repeated across the documents of one run (RK950): page furniture that only a batch shows.

The evidence is the run, not the document: :mod:`repairkit.batching.evidence` counts, over all
the documents of a ``repairkit batch`` or a ``repairkit scan DIR``, the documents that hold each
short line, and reports the lines many of them share. This module gives the rule its place in
the registry (``repairkit rules``, ``--select``/``--ignore RK950``, severity overrides).
"""

from __future__ import annotations

from collections.abc import Iterator

from repairkit.analysis.profile import DocumentProfile
from repairkit.document import Document
from repairkit.model import Hit, Severity
from repairkit.spec import DetectorSpec, FixAvailability


def find_repeated_lines(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """A line repeated across many documents of the run: a site's header, byline, promo or footer.

    What it flags: a short line, with a letter, that several distinct documents of the run hold
    (compared in lower case, spaces collapsed, edge punctuation off; the limits are
    ``MAX_LINE_WORDS`` and ``MIN_DOCUMENTS`` in :mod:`repairkit.batching.evidence`); a document
    that comes twice counts once. Only a run shows it: ``repairkit batch`` and
    ``repairkit scan DIR`` count the lines of all their documents first; one document alone gives
    no finding.
    A repeated line inside a page-furniture finding (RK901) is not reported again: that finding's
    message says the line recurs across the run.
    Why it matters: furniture is not the article; it skews word counts, search and comparisons.
    A formula that starts many documents ("To the Senate and House of Representatives") is
    reported too: repetition cannot tell it from furniture, hence the info severity.
    Example: ``Subscribe to our newsletter`` at the end of 300 of 2,000 pages -> one finding in
    each, "repeated line: ... is in 300 of the 2,000 documents of this run".
    Repair safety: no fix; the note says to delete the line where it is not part of the article.

    >>> from repairkit.registry import prepared
    >>> list(find_repeated_lines(*prepared(Document.from_text("Subscribe to our newsletter"), "RK950")))
    []
    """
    return iter(())


REPEATED_LINE = DetectorSpec("RK950", "repeated-line", "boilerplate", Severity.INFO, find_repeated_lines,
                             FixAvailability.NEVER, summary="A line repeated across many documents of a batch "
                             "or a directory scan: page furniture")

DETECTORS = (REPEATED_LINE,)
